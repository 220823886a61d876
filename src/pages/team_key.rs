//! The team's key for protected referral files, in the officers' app (issue 20, item 3;
//! decision 0025), at `/officer/team-key`: make it, or add the one another officer gave you
//! (a team-key file and its passphrase); see its public half, to put in the site's deployment
//! settings, and whether the site already has it; and give it to another officer as a file
//! sealed under a passphrase of its own. The private half stays sealed in this officer's vault
//! (`services::protected`).

use crate::components::*;
use crate::hooks::use_title;
use crate::services::protected as keys;
use prevent_core::protected;
use yew::prelude::*;

/// What the page's forms hold.
#[derive(Clone, Default, PartialEq)]
struct Form {
    /// The export's passphrase, twice.
    passphrase: String,
    confirm: String,
    /// The passphrase of a key file being added.
    file_passphrase: String,
    /// A key file chosen to add, read.
    file: Option<protected::KeyFile>,
    /// Errors by field id.
    errors: Vec<(String, String)>,
    /// What was just done.
    done: Option<String>,
    busy: bool,
}

fn err(form: &UseStateHandle<Form>, field: &str, message: String) {
    let mut f = (**form).clone();
    f.errors = vec![(field.into(), message)];
    f.busy = false;
    f.done = None;
    form.set(f);
}

/// The page.
#[component]
pub fn TeamKeyPage() -> Html {
    use_title("Your team's key for protected referrals".into(), false);
    let key = use_state(keys::team_key);
    let form = use_state(Form::default);
    let deployment = crate::hooks::use_deployment(true);
    let error_for = |id: &str| {
        form.errors
            .iter()
            .find(|(f, _)| f == id)
            .map(|(_, m)| AttrValue::from(m.clone()))
    };
    let field = |f: fn(&mut Form, String)| {
        let form = form.clone();
        Callback::from(move |v: String| {
            let mut next = (*form).clone();
            f(&mut next, v);
            form.set(next);
        })
    };
    let on_make = {
        let (key, form) = (key.clone(), form.clone());
        Callback::from(move |_: MouseEvent| {
            let (key, form) = (key.clone(), form.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let made = keys::new_team_key().await.map_err(|e| e.to_string());
                match made.and_then(|k| keys::keep_team_key(&k).map(|()| k)) {
                    Ok(k) => {
                        key.set(Some(k));
                        form.set(Form {
                            done: Some("The team's key is made and kept in this toolkit, encrypted with your passphrase.".into()),
                            ..Form::default()
                        });
                    }
                    Err(e) => err(&form, "make-team-key", format!("The key was not made: {e}")),
                }
            });
        })
    };
    let on_file = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            let Some(file) = crate::services::download::chosen_file(&e) else {
                return;
            };
            let form = form.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let read = match crate::services::download::text_of(file).await {
                    None => Err("The file could not be read: choose the team key file another officer gave you".to_string()),
                    Some(t) => protected::read_key_file(t.as_bytes()),
                };
                match read {
                    Ok(f) => form.set(Form {
                        file: Some(f),
                        ..Form::default()
                    }),
                    Err(e) => err(&form, "team-key-file", e),
                }
            });
        })
    };
    let on_add = {
        let (key, form) = (key.clone(), form.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (key, form) = (key.clone(), form.clone());
            let Some(file) = form.file.clone() else {
                return err(
                    &form,
                    "team-key-file",
                    "Choose the team key file another officer gave you".into(),
                );
            };
            if form.file_passphrase.is_empty() {
                return err(
                    &form,
                    "team-key-file-passphrase",
                    "Enter the file's passphrase: the officer who gave you the file tells you it"
                        .into(),
                );
            }
            let passphrase = form.file_passphrase.clone();
            form.set(Form {
                busy: true,
                ..(*form).clone()
            });
            wasm_bindgen_futures::spawn_local(async move {
                let opened = match keys::file_key(&passphrase, &file.salt).await {
                    Ok(k) => protected::open_key_file(&file, &k),
                    Err(e) => Err(e),
                };
                match opened.and_then(|t| keys::keep_team_key(&t).map(|()| t)) {
                    Ok(t) => {
                        key.set(Some(t));
                        form.set(Form {
                            done: Some("The team's key is added to this toolkit, encrypted with your passphrase. You can now open protected referrals.".into()),
                            ..Form::default()
                        });
                    }
                    Err(e) => err(&form, "team-key-file-passphrase", e),
                }
            });
        })
    };
    let on_export = {
        let (key, form) = (key.clone(), form.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(team) = (*key).clone() else { return };
            let passphrase = crate::services::vault::nfc(&form.passphrase);
            let confirm = crate::services::vault::nfc(&form.confirm);
            if let Err((confirm_wrong, m)) = prevent_core::vault::check_new(&passphrase, &confirm) {
                let id = if confirm_wrong {
                    "key-file-passphrase-confirm"
                } else {
                    "key-file-passphrase"
                };
                return err(&form, id, m);
            }
            let form = form.clone();
            form.set(Form {
                busy: true,
                ..(*form).clone()
            });
            wasm_bindgen_futures::spawn_local(async move {
                let name = format!(
                    "team-key-{}.json",
                    &protected::thumbprint(&team.public)[..8]
                );
                let made = keys::key_file(&team, &passphrase).await.and_then(|text| {
                    crate::services::download::download(&name, "application/json", &text)
                });
                match made {
                    Ok(()) => form.set(Form {
                        done: Some(format!("The team key file {name} is downloaded. Give it to the other officer, and tell them its passphrase another way (not in the same email).")),
                        ..Form::default()
                    }),
                    Err(e) => err(&form, "key-file-passphrase", format!("The file was not made: {e}")),
                }
            });
        })
    };
    let summary = html! {
        if !form.errors.is_empty() {
            <ErrorSummary items={form.errors.iter().map(|(f, m)| ErrorSummaryItem::new(m.clone(), f.clone())).collect::<Vec<_>>()} />
        }
    };
    let done = form.done.clone().map(|d| {
        html! {
            <div class="govuk-inset-text" id="team-key-done" role="status">{ d }</div>
        }
    });
    let add = html! {
        <>
            <h2 class="govuk-heading-m">{ "Add the key another officer gave you" }</h2>
            <form novalidate=true onsubmit={on_add}>
                <div class={classes!("govuk-form-group", error_for("team-key-file").map(|_| "govuk-form-group--error"))}>
                    <label class="govuk-label govuk-label--s" for="team-key-file">{ "Upload the team key file" }</label>
                    if let Some(e) = error_for("team-key-file") {
                        <p class="govuk-error-message" id="team-key-file-error"><span class="govuk-visually-hidden">{ "Error: " }</span>{ e }</p>
                    }
                    <input class="govuk-file-upload" id="team-key-file" type="file" accept=".json,application/json" onchange={on_file} />
                </div>
                if let Some(f) = &form.file {
                    <p class="govuk-body" id="team-key-file-id">{ format!("This file holds the key {}.", protected::short_id(&protected::thumbprint(&f.public))) }</p>
                }
                { password_input::view(PasswordInputProps {
                    error: error_for("team-key-file-passphrase"),
                    value: form.file_passphrase.clone().into(),
                    oninput: field(|f, v| f.file_passphrase = v),
                    hint: Some("The officer who gave you the file tells you it.".into()),
                    ..PasswordInputProps::new("team-key-file-passphrase", "The file's passphrase")
                }) }
                { button::view(ButtonProps { id: Some(AttrValue::from("add-team-key")), disabled: form.busy, ..ButtonProps::new("Add the team's key") }) }
            </form>
        </>
    };
    let Some(team) = (*key).clone() else {
        return html! {
            <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
                { summary }
                <h1 class="govuk-heading-xl">{ "Your team's key for protected referrals" }</h1>
                { for done }
                <p class="govuk-body">{ "With a team key, partners' referral files are encrypted in their browser so that only your team's toolkits can open them, and partners can send them by ordinary email." }</p>
                <p class="govuk-body">{ "The key has two halves. The public half goes in this site's deployment settings, so the referral form can protect files for it. The private half opens them: it stays in this toolkit, encrypted with your passphrase, and you can give it to other officers of your team." }</p>
                <h2 class="govuk-heading-m">{ "Make a new team key" }</h2>
                <p class="govuk-body">{ "Do this once for the whole team. If another officer already has one, add theirs instead: a second key would not open the files protected for the first." }</p>
                { button::action("make-team-key", ButtonVariant::Secondary, AttrValue::Static("Make a new team key"), on_make) }
                { add }
            </div></div>
        };
    };
    let kid = protected::thumbprint(&team.public);
    let site = match deployment.as_deref() {
        None => "Checking this site's settings…".to_string(),
        Some(Err(_)) => "This site has no working deployment settings yet.".to_string(),
        Some(Ok(d)) => match &d.public_key {
            None => "Not yet: this site's deployment settings have no public key, so partners' files are not protected.".into(),
            Some(k) if *k == team.public => "Yes: partners of this site protect their referral files for this key.".into(),
            Some(k) => format!("No: this site's settings have another key ({}). Partners' files are protected for that key, and this toolkit cannot open them. Put this key's public half in the settings, or add the other key.", protected::short_id(&protected::thumbprint(k))),
        },
    };
    let public = serde_json::to_string_pretty(
        &serde_json::json!({ "public_key": protected::public_jwk(&team.public) }),
    )
    .unwrap_or_default();
    html! {
        <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
            { summary }
            <h1 class="govuk-heading-xl">{ "Your team's key for protected referrals" }</h1>
            { for done }
            <dl class="govuk-summary-list">
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{ "Key" }</dt>
                    <dd class="govuk-summary-list__value" id="team-key-id">{ protected::short_id(&kid) }</dd>
                </div>
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{ "In this site's settings" }</dt>
                    <dd class="govuk-summary-list__value" id="team-key-site">{ site }</dd>
                </div>
            </dl>
            <h2 class="govuk-heading-m">{ "The public half, for the site's settings" }</h2>
            <div class="govuk-form-group">
                <label class="govuk-label" for="team-public-key">{ "Add this to deployment.json (README, \"Deployment settings\"). It is safe to share: it only protects files, it cannot open them." }</label>
                <textarea class="govuk-textarea pct-code" id="team-public-key" rows="8" readonly=true autocomplete="off" spellcheck="false" value={public} />
            </div>
            <h2 class="govuk-heading-m">{ "Give the key to another officer" }</h2>
            { warning_text::view(WarningTextProps::new(html! { { "Anyone with the file and its passphrase can open your team's referrals. Give the passphrase separately, by phone or in person, never in the same email." } })) }
            <form novalidate=true onsubmit={on_export}>
                { password_input::view(PasswordInputProps {
                    error: error_for("key-file-passphrase"),
                    value: form.passphrase.clone().into(),
                    oninput: field(|f, v| f.passphrase = v),
                    new: true,
                    ..PasswordInputProps::new("key-file-passphrase", "A passphrase for the file (at least 10 characters)")
                }) }
                { password_input::view(PasswordInputProps {
                    error: error_for("key-file-passphrase-confirm"),
                    value: form.confirm.clone().into(),
                    oninput: field(|f, v| f.confirm = v),
                    new: true,
                    ..PasswordInputProps::new("key-file-passphrase-confirm", "Confirm the passphrase")
                }) }
                { button::view(ButtonProps { id: Some(AttrValue::from("download-team-key")), disabled: form.busy, variant: ButtonVariant::Secondary, ..ButtonProps::new(if form.busy { "Encrypting…" } else { "Download the team key file" }) }) }
            </form>
        </div></div>
    }
}
