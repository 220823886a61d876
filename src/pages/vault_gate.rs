//! The page in front of every page that shows or stores a record while the vault is not open
//! in this tab (issue 8): set a passphrase on first use, unlock, finish a passphrase change
//! that was cut short, or, when the browser keeps nothing for this site (private mode), say so
//! before anything is typed. A damaged vault record is said, and the passphrase repairs it
//! (issue 16). A wrong passphrase changes nothing. Someone who has forgotten
//! theirs can delete everything the toolkit keeps here and start again, after a confirmation.

use crate::components::*;
use crate::hooks::use_title;
use crate::services::vault::{self, State};
use yew::prelude::*;

/// Properties of [`VaultGate`].
#[derive(Properties, PartialEq)]
pub struct VaultGateProps {
    /// The vault's state when the gate was drawn.
    pub state: State,
    /// Called once the vault is open (or was reset), with its new state.
    pub on_change: Callback<State>,
}

/// What the form has said.
#[derive(Clone, Default, PartialEq)]
struct Form {
    passphrase: String,
    confirm: String,
    /// Errors by field id.
    errors: Vec<(String, String)>,
    busy: bool,
    attempts: u32,
    /// Deleting everything: asked, not yet confirmed.
    forgot: bool,
}

/// The gate.
#[component]
pub fn VaultGate(props: &VaultGateProps) -> Html {
    let form = use_state(Form::default);
    let state = props.state.clone();
    let title = match &state {
        State::Unavailable(_) => "This browser cannot keep your drafts",
        State::New { .. } => "Set a passphrase for this device",
        State::Asking => "Opening the toolkit",
        State::Interrupted => "Finish changing your passphrase",
        _ => "Unlock the toolkit",
    };
    use_title(title.into(), !form.errors.is_empty());
    let field = |f: fn(&mut Form, String)| {
        let form = form.clone();
        Callback::from(move |v: String| {
            let mut next = (*form).clone();
            f(&mut next, v);
            form.set(next);
        })
    };
    let on_submit = {
        let form = form.clone();
        let state = state.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if form.busy {
                return;
            }
            let mut next = (*form).clone();
            next.attempts += 1;
            next.errors.clear();
            let new = matches!(state, State::New { .. });
            if next.passphrase.is_empty() {
                next.errors
                    .push(("passphrase".into(), "Enter your passphrase".into()));
            } else if new {
                if let Err((confirm, e)) =
                    prevent_core::vault::check_new(&next.passphrase, &next.confirm)
                {
                    next.errors
                        .push((if confirm { "confirm" } else { "passphrase" }.into(), e));
                }
            }
            if !next.errors.is_empty() {
                form.set(next);
                return;
            }
            next.busy = true;
            form.set(next.clone());
            let form = form.clone();
            let on_change = on_change.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = if new {
                    vault::create(&next.passphrase).await.map(|_| ())
                } else {
                    vault::unlock(&next.passphrase).await
                };
                match result {
                    Ok(()) => on_change.emit(vault::state()),
                    Err(e) => form.set(Form {
                        errors: vec![("passphrase".into(), e)],
                        busy: false,
                        passphrase: String::new(),
                        confirm: String::new(),
                        attempts: next.attempts,
                        forgot: false,
                    }),
                }
            });
        })
    };
    let error_for = |id: &str| {
        form.errors
            .iter()
            .find(|(f, _)| f == id)
            .map(|(_, m)| AttrValue::from(m.clone()))
    };
    let summary = html! {
        <ErrorSummary items={form.errors.iter().map(|(f, m)| ErrorSummaryItem::new(m.clone(), f.clone())).collect::<Vec<_>>()} focus_trigger={form.attempts} />
    };
    let password = |id: &'static str,
                    label: &'static str,
                    hint: Option<&'static str>,
                    value: &str,
                    new: bool,
                    f: fn(&mut Form, String)| {
        password_input::view(PasswordInputProps {
            hint: hint.map(AttrValue::from),
            error: error_for(id),
            value: value.to_string().into(),
            oninput: field(f),
            new,
            ..PasswordInputProps::new(id, label)
        })
    };
    let minutes = vault::autolock_minutes();
    let body = match &state {
        // For a moment while an unlocked tab of the toolkit is asked for the key: no heading
        // yet, as the page it opens has its own.
        State::Asking => return html! { <p class="govuk-body" role="status">{ "Opening…" }</p> },
        State::Unavailable(why) => html! {
            <>
                <p class="govuk-body">{ "The toolkit keeps your drafts only in this browser, and this browser is not letting it store anything: " }{ why.clone() }{ "." }</p>
                <p class="govuk-body">{ "This happens in private browsing windows and when a browser's site data is turned off. Anything you typed would be lost, so the forms are not opened. Open the toolkit in a normal window, or allow this site to store data, then reload this page." }</p>
            </>
        },
        State::New { clear } => html! {
            <form novalidate=true onsubmit={on_submit.clone()} id="vault-form">
                <p class="govuk-body">{ "Drafts and records are kept encrypted in this browser. Choose a passphrase: you enter it when you open the toolkit in a new window, and after it locks itself when you have been away for " }{ minutes }{ " minutes." }</p>
                if *clear > 0 {
                    <p class="govuk-body" id="vault-clear">{ format!("The {clear} {} already kept here will be encrypted with it.", if *clear == 1 { "draft" } else { "drafts and records" }) }</p>
                }
                { warning_text::view(WarningTextProps::new(html! { "If you forget the passphrase, nobody can open the drafts again: they can only be deleted." })) }
                { password("passphrase", "Passphrase", Some("At least 10 characters. A few words you will remember is best."), &form.passphrase, true, |f, v| f.passphrase = v) }
                { password("confirm", "Confirm your passphrase", None, &form.confirm, true, |f, v| f.confirm = v) }
                { button::view(ButtonProps { disabled: form.busy, id: Some("vault-submit".into()), ..ButtonProps::new(if form.busy { "Encrypting…" } else { "Turn on encryption" }) }) }
            </form>
        },
        _ => html! {
            <>
                <form novalidate=true onsubmit={on_submit.clone()} id="vault-form">
                    if let State::Damaged(what) = &state {
                        { warning_text::view(WarningTextProps::new(html! { what.clone() })) }
                    }
                    <p class="govuk-body">{ if state == State::Interrupted {
                        "A change of passphrase on this device was cut short. Enter your new passphrase to finish it."
                    } else {
                        "Your drafts and records are encrypted on this device. Enter your passphrase to open them."
                    } }</p>
                    { password("passphrase", "Passphrase", None, &form.passphrase, false, |f, v| f.passphrase = v) }
                    { button::view(ButtonProps { disabled: form.busy, id: Some("vault-submit".into()), ..ButtonProps::new(if form.busy { "Unlocking…" } else { "Unlock" }) }) }
                </form>
                { forgotten(&form, &props.on_change) }
            </>
        },
    };
    html! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                { summary }
                <h1 class="govuk-heading-l">{ title }</h1>
                { body }
            </div>
        </div>
    }
}

/// "Forgotten your passphrase?": delete everything and start again, after a confirmation.
fn forgotten(form: &UseStateHandle<Form>, on_change: &Callback<State>) -> Html {
    let ask = {
        let form = form.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            form.set(Form {
                forgot: true,
                ..(*form).clone()
            });
        })
    };
    let cancel = {
        let form = form.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            form.set(Form {
                forgot: false,
                ..(*form).clone()
            });
        })
    };
    let confirm = {
        let on_change = on_change.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            let _ = crate::services::local_store::wipe();
            on_change.emit(vault::state());
        })
    };
    details::view(DetailsProps {
        summary: "Forgotten your passphrase?".into(),
        open: form.forgot,
        children: html! {
            <>
                <p class="govuk-body">{ "Nobody can recover it, and without it the drafts cannot be opened. You can delete everything the toolkit keeps in this browser and start again with a new passphrase." }</p>
                if form.forgot {
                    { warning_text::view(WarningTextProps::new(html! { "This deletes every draft and record kept in this browser. It cannot be undone." })) }
                    { button::group(ButtonGroupProps { children: html! {
                        <>
                            { button::view(ButtonProps { variant: ButtonVariant::Warning, button_type: "button".into(), onclick: confirm, id: Some("vault-wipe-confirm".into()), ..ButtonProps::new("Yes, delete everything") }) }
                            { button::view(ButtonProps { variant: ButtonVariant::Secondary, button_type: "button".into(), onclick: cancel, ..ButtonProps::new("Cancel") }) }
                        </>
                    } }) }
                } else {
                    { button::view(ButtonProps { variant: ButtonVariant::Warning, button_type: "button".into(), onclick: ask, id: Some("vault-wipe".into()), ..ButtonProps::new("Delete all data on this device") }) }
                }
            </>
        },
    })
}
