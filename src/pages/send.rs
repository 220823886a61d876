//! The Prevent team's contact from the deployment settings (issue 20, decision 0021), as the
//! partners' pages show it: where to send a finished referral ([`send_to`]), whom to call for
//! advice ([`advice`], REF-1, s7), and, when the site has no settings or bad ones, that no team
//! is configured and what to do instead ([`no_team`]). Plain functions, for download size.

use crate::services::deployment::Loaded;
use prevent_core::deployment::Deployment;
use yew::prelude::*;

/// No team is configured: what a partner does instead, and (for whoever runs the site) why.
pub fn no_team(why: &str) -> Html {
    html! {
        <div class="govuk-inset-text" id="no-team">
            <p class="govuk-body govuk-!-font-weight-bold">{ "No Prevent team is configured for this site, so it cannot tell you where to send your referral or whom to call." }</p>
            <p class="govuk-body">{ "Ask your organisation's safeguarding lead for your local Prevent team's contact details, or call the police on 101 and ask for the Prevent team. If someone is in immediate danger, call 999." }</p>
            <p class="govuk-body-s" id="no-team-why">{ format!("For whoever runs this site: {why} See \"Deployment settings\" in the toolkit's README.") }</p>
        </div>
    }
}

/// Selects the address in its box, for a user to copy.
fn select_email() {
    use wasm_bindgen::JsCast;
    if let Some(input) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("referral-email"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.select();
    }
}

/// The team's numbers (and its email address, with `email`), as a summary list.
fn numbers(d: &Deployment, advice_first: bool, email: bool) -> Html {
    let row = |key: &str, value: &str, id: &'static str| {
        html! {
            <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">{ key }</dt>
                <dd class="govuk-summary-list__value" id={id}>{ value }</dd>
            </div>
        }
    };
    html! {
        <dl class="govuk-summary-list">
            if email { { row("Email", &d.referral_email, "team-email") } }
            if advice_first { { row("Advice line", &d.advice_line, "team-advice-line") } }
            { row("Office hours", &d.phone, "team-phone") }
            { row("Out of hours", &d.out_of_hours, "team-out-of-hours") }
            if !advice_first { { row("Advice line", &d.advice_line, "team-advice-line") } }
        </dl>
    }
}

/// Where to send a finished referral: the team's address (with a copy button; `copied` says
/// when it worked), or that no team is configured. Nothing while the settings load.
pub fn send_to(
    loaded: Option<&Loaded>,
    reference: &str,
    copied: &UseStateHandle<Option<bool>>,
) -> Html {
    let Some(loaded) = loaded else {
        return Html::default();
    };
    let d = match &**loaded {
        Ok(d) => d,
        Err(why) => {
            return html! {
                <>
                    <h2 class="govuk-heading-m">{ "Send it to your local Prevent team" }</h2>
                    { no_team(why) }
                </>
            }
        }
    };
    // The address is in a read-only box that selects itself when focused; the button copies
    // it (the Clipboard API), or, where the site's Permissions-Policy denies that (deploy/nginx
    // does), selects it and says how to copy (decision 0021).
    let on_copy = {
        let copied = copied.clone();
        let email = d.referral_email.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(w) = web_sys::window() else { return };
            let copied = copied.clone();
            let write = w.navigator().clipboard().write_text(&email);
            wasm_bindgen_futures::spawn_local(async move {
                let done = wasm_bindgen_futures::JsFuture::from(write).await.is_ok();
                if !done {
                    select_email();
                }
                copied.set(Some(done));
            });
        })
    };
    html! {
        <>
            <h2 class="govuk-heading-m">{ format!("Send it to the {}", d.team) }</h2>
            <p class="govuk-body">{ if d.public_key.is_some() { format!("{}, {}. Email the protected file below to:", d.team, d.force) } else { format!("{}, {}. Email both files below to:", d.team, d.force) } }</p>
            <div class="govuk-form-group">
                <label class="govuk-label govuk-label--s" for="referral-email">{ "The Prevent team's email address for referrals" }</label>
                <input class="govuk-input govuk-!-width-two-thirds" id="referral-email" type="text" readonly=true autocomplete="off" spellcheck="false" value={d.referral_email.clone()} onfocus={Callback::from(|_: FocusEvent| select_email())} />
            </div>
            <p class="govuk-body">
                <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" id="copy-email" onclick={on_copy}>{ "Copy the email address" }</button>
                <span class="govuk-body govuk-!-margin-left-3" role="status" id="copy-status">{ match **copied { Some(true) => "Copied", Some(false) => "Selected: press Ctrl+C (Cmd+C on a Mac) to copy it", None => "" } }</span>
            </p>
            if d.public_key.is_some() {
                <p class="govuk-body">{ format!("Put your reference, {reference}, in the subject line, and write nothing about the person in the email itself: the file holds the referral. The team will tell you when they have received it.") }</p>
            } else {
                <p class="govuk-body">{ format!("Use secure email, as your organisation's safeguarding procedures say, and put your reference, {reference}, in the subject line. The team will tell you when they have received it.") }</p>
            }
            <p class="govuk-body">{ "If you cannot send email, call the team:" }</p>
            { numbers(d, false, false) }
        </>
    }
}

/// Whom to call for advice (REF-1, s7): the team's advice line and numbers, or that no team is
/// configured. Also on the partners' start page, before any passphrase (issue 20, item 5).
pub fn advice_contact(loaded: Option<&Loaded>) -> Html {
    match loaded.map(|l| &**l) {
        None => Html::default(),
        Some(Ok(d)) => html! {
            <>
                <p class="govuk-body">{ format!("Call the {} ({}) on their advice line:", d.team, d.force) }</p>
                { numbers(d, true, false) }
                <p class="govuk-body">{ "If someone is in immediate danger, call 999." }</p>
            </>
        },
        Some(Err(why)) => no_team(why),
    }
}

/// The advice route (REF-1, s7): whom to call, and what advice means. Guidance, not an error.
pub fn advice(loaded: Option<&Loaded>) -> Html {
    let contact = advice_contact(loaded);
    html! {
        <div class="pct-advice" id="advice">
            <h2 class="govuk-heading-m">{ "Get advice from your Prevent team" }</h2>
            <p class="govuk-body">{ "Advice is a conversation with the Prevent team, not this form. Say at the start that you want advice and are not making a referral." }</p>
            <p class="govuk-body">{ "If what you tell them worries them enough, the team may still have to act on it, even though you did not mean it as a referral. They will end the conversation by telling you clearly whether it has been recorded as a referral or as advice. (CTP-Prevent Policy, section 7.)" }</p>
            { contact }
            <p class="govuk-body">{ "To make a referral instead, choose \"Yes, I am making a referral\"." }</p>
        </div>
    }
}

/// The team's whole contact, for the help page and the accessibility statement (issue 21, item
/// 9), or that no team is configured. Nothing while the settings load.
pub fn contact(loaded: Option<&Loaded>) -> Html {
    match loaded.map(|l| &**l) {
        None => Html::default(),
        Some(Ok(d)) => html! {
            <>
                <p class="govuk-body" id="team-name">{ format!("The {}, {}:", d.team, d.force) }</p>
                { numbers(d, false, true) }
            </>
        },
        Some(Err(why)) => no_team(why),
    }
}
