//! The page in front of every page that shows or stores a record while the vault is not open
//! in this tab (issue 8), and in front of starting a referral (issue 20, item 5: a partner
//! meets it when something is about to be stored, not before the start page). In plain words:
//! protect this referral with a passphrase on first use ("Protect this referral on this
//! computer", with show/hide and what happens if it is forgotten), enter it to continue,
//! finish a passphrase change that was cut short, or, when the browser keeps nothing for this
//! site (private mode), say so before anything is typed. A damaged vault record is said, and
//! the passphrase repairs it (issue 16). A wrong passphrase changes nothing.
//!
//! On a shared computer, "I am someone else" lets a second person set their own passphrase and
//! keep their own referrals beside a colleague's, deleting nothing (decision 0023). Someone who
//! has forgotten theirs can do that, or delete everything the toolkit keeps here, everyone's,
//! after a confirmation.

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
    /// "I am someone else": a newcomer sets their own passphrase beside the others'.
    someone_else: bool,
}

/// The gate.
#[component]
pub fn VaultGate(props: &VaultGateProps) -> Html {
    let form = use_state(Form::default);
    let officer = crate::bundle::current().paths.officer;
    // "I am someone else" is a first use of one's own.
    let state = match props.state.clone() {
        State::Locked | State::Damaged(_) if form.someone_else => State::New { clear: 0 },
        s => s,
    };
    let title = match &state {
        State::Unavailable(_) => "This browser cannot keep your drafts",
        State::New { .. } if form.someone_else && officer => {
            "Protect your own records on this computer"
        }
        State::New { .. } if form.someone_else => "Protect your own referrals on this computer",
        State::New { .. } if officer => "Protect your records on this computer",
        State::New { .. } => "Protect this referral on this computer",
        State::Asking => "Opening the toolkit",
        State::Interrupted => "Finish changing your passphrase",
        _ => "Enter your passphrase to continue",
    };
    let things = if officer { "records" } else { "referrals" };
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
                    vault::create(&next.passphrase, next.someone_else)
                        .await
                        .map(|_| ())
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
                        someone_else: next.someone_else,
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
                <p class="govuk-body">{ if form.someone_else { "Choose your own passphrase. Your " } else { "Your answers are saved here as you type. Choose a passphrase to protect them: anyone else using this computer cannot read your " } }{ things }{ if form.someone_else { " are kept beside the others: nobody else can read them without it, and you will not see theirs. Nothing is deleted." } else { " without it." } }</p>
                <p class="govuk-body">{ "You will be asked for it when you come back, and after " }{ minutes }{ " minutes away." }</p>
                if *clear > 0 {
                    <p class="govuk-body" id="vault-clear">{ format!("The {clear} {} already kept here will be protected with it.", if *clear == 1 { "draft" } else { "drafts and records" }) }</p>
                }
                { password("passphrase", "Create a passphrase", Some("At least 10 characters. A few words you will remember is best."), &form.passphrase, true, |f, v| f.passphrase = v) }
                { password("confirm", "Enter the passphrase again", None, &form.confirm, true, |f, v| f.confirm = v) }
                { details::view(DetailsProps {
                    summary: "What if I forget it?".into(),
                    open: false,
                    children: html! {
                        <>
                            <p class="govuk-body">{ "Nobody can recover it, not even your Prevent team: you would have to start " }{ if officer { "your records" } else { "the referral" } }{ " again. What is kept on this computer can still be deleted, where the passphrase is asked for." }</p>
                        </>
                    },
                }) }
                { button::group(ButtonGroupProps { children: html! {
                    <>
                        { button::view(ButtonProps { disabled: form.busy, id: Some("vault-submit".into()), ..ButtonProps::new(if form.busy { "Protecting…" } else { "Continue" }) }) }
                        if form.someone_else {
                            { button::view(ButtonProps { variant: ButtonVariant::Secondary, button_type: "button".into(), onclick: someone_else(&form, false), id: Some("vault-back".into()), ..ButtonProps::new("Back to enter a passphrase") }) }
                        }
                    </>
                } }) }
            </form>
        },
        _ => html! {
            <>
                <form novalidate=true onsubmit={on_submit.clone()} id="vault-form">
                    if let State::Damaged(what) = &state {
                        { warning_text::view(WarningTextProps::new(html! { what.clone() })) }
                    }
                    <p class="govuk-body">{ if state == State::Interrupted {
                        "A change of passphrase on this computer was cut short. Enter your new passphrase to finish it."
                    } else {
                        "Enter the passphrase that protects your work on this computer."
                    } }</p>
                    { password("passphrase", "Passphrase", None, &form.passphrase, false, |f, v| f.passphrase = v) }
                    { button::view(ButtonProps { disabled: form.busy, id: Some("vault-submit".into()), ..ButtonProps::new(if form.busy { "Opening…" } else { "Continue" }) }) }
                </form>
                if state != State::Interrupted {
                    { button::view(ButtonProps { variant: ButtonVariant::Secondary, button_type: "button".into(), onclick: someone_else(&form, true), id: Some("someone-else".into()), ..ButtonProps::new(if officer { "I am someone else \u{2014} keep my own records on this computer" } else { "I am someone else \u{2014} keep my own referrals on this computer" }) }) }
                }
                { forgotten(&form, &props.on_change, things) }
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

/// Switches to "I am someone else" (`on`) or back to entering a passphrase, clearing the form.
fn someone_else(form: &UseStateHandle<Form>, on: bool) -> Callback<MouseEvent> {
    let form = form.clone();
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        form.set(Form {
            someone_else: on,
            ..Form::default()
        });
        // The new heading is where the user now is.
        focus_heading();
    })
}

/// Moves focus to the page's heading once it is drawn (the gate's own change of page).
pub fn focus_heading() {
    gloo::timers::callback::Timeout::new(0, || {
        if let Some(h1) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("#main-content h1").ok().flatten())
        {
            let _ = h1.set_attribute("tabindex", "-1");
            if let Some(el) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&h1) {
                let _ = el.focus();
            }
        }
    })
    .forget();
}

/// "Forgotten your passphrase?": keep one's own beside the others ("I am someone else"), or
/// delete everything, everyone's, and start again, after a confirmation. (Without the
/// passphrase nobody can tell whose records are whose, so one person's alone cannot be picked.)
fn forgotten(form: &UseStateHandle<Form>, on_change: &Callback<State>, things: &str) -> Html {
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
                <p class="govuk-body">{ "Nobody can recover it. Choose \u{201c}I am someone else\u{201d} to start again with a new passphrase, deleting nothing, or delete everything kept here. On a shared computer that deletes everyone's " }{ things }{ ", not only yours: without a passphrase, nobody can tell whose they are." }</p>
                if form.forgot {
                    { warning_text::view(WarningTextProps::new(html! { "This deletes everyone's drafts and records on this computer, and its settings. It cannot be undone." })) }
                    { button::group(ButtonGroupProps { children: html! {
                        <>
                            { button::view(ButtonProps { variant: ButtonVariant::Warning, button_type: "button".into(), onclick: confirm, id: Some("vault-wipe-confirm".into()), ..ButtonProps::new("Yes, delete everything") }) }
                            { button::view(ButtonProps { variant: ButtonVariant::Secondary, button_type: "button".into(), onclick: cancel, ..ButtonProps::new("Cancel") }) }
                        </>
                    } }) }
                } else {
                    { button::view(ButtonProps { variant: ButtonVariant::Warning, button_type: "button".into(), onclick: ask, id: Some("vault-wipe".into()), ..ButtonProps::new("Delete everything on this computer") }) }
                }
            </>
        },
    })
}
