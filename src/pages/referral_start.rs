//! The referral's start page (the partners' app): what Prevent is, Notice Check Share, call
//! 999 for immediate risk (REF-3), and that this form is a referral, not advice (REF-1, s7).
//! The officers' forms have their own (`officer_start`).
//!
//! Reached without the passphrase (issue 20, item 5): nothing is stored until "Start now".
//! Pressed while the vault is not open in this tab, it shows the gate in place ("Protect this
//! referral on this computer", or the passphrase asked for), and the referral starts once it
//! is open.

use crate::components::*;
use crate::hooks::use_title;
use crate::route::{Form, Route};
use crate::router::*;
use crate::services::vault::State;
use crate::services::{clock, new_id, store};
use prevent_core::store::Envelope;
use prevent_core::Draft;
use yew::prelude::*;

/// The start page of a referral.
#[component]
pub fn ReferralStart() -> Html {
    use_title("Make a Prevent referral".into(), false);
    let navigator = use_navigator().expect("router");
    let problem = use_state(|| None::<String>);
    let vault = crate::hooks::use_app::use_vault_state();
    // "Start now" was pressed with the vault shut: the gate is shown here.
    let asked = use_state(|| false);
    // The team's advice line, before any passphrase (issue 20, item 5; REF-1, s7).
    let deployment = crate::hooks::use_deployment(true);
    let begin = {
        let problem = problem.clone();
        move || {
            let schema = crate::schema(Form::Referral);
            let store = store();
            // Reuse a draft that was started and never answered, rather than leave empty
            // drafts behind each time someone presses Start now.
            let id = match store.untouched(&schema.id) {
                Some(id) => Ok(id),
                None => {
                    let draft = Draft::new(schema, &new_id(), &clock::now());
                    store
                        .save_now(Envelope::wrap(&draft, &clock::now()), None)
                        .map(|_| draft.id)
                }
            };
            match id {
                Ok(id) => navigator.push(&Route::FormPage {
                    form: Form::Referral,
                    id,
                    page: schema.pages[0].id.clone(),
                }),
                Err(e) => problem.set(Some(e.to_string())),
            }
        }
    };
    if *asked && *vault != State::Unlocked {
        let on_change = {
            let vault = vault.clone();
            let begin = begin.clone();
            Callback::from(move |s: State| {
                let open = s == State::Unlocked;
                vault.set(s);
                if open {
                    begin();
                }
            })
        };
        return html! { <crate::pages::vault_gate::VaultGate state={(*vault).clone()} {on_change} /> };
    }
    let start = {
        let asked = asked.clone();
        let vault = vault.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            if *vault == State::Unlocked {
                begin();
            } else {
                asked.set(true);
                crate::pages::vault_gate::focus_heading();
            }
        })
    };
    let banner = banner_of(&problem);
    html! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                { banner }
                <h1 class="govuk-heading-xl">{ "Make a Prevent referral" }</h1>
                <p class="govuk-body">{ "Prevent aims to stop people becoming terrorists or supporting terrorism. A referral asks your local Prevent team, in the police, to assess whether someone, an institution or an ideological expression (such as a leafleting or stickering campaign) needs Prevent support." }</p>
                { warning_text::view(WarningTextProps::new(html! {
                    "Call 999 now if there is an immediate risk of harm to anyone, of a crime being committed, or of someone travelling to a conflict zone."
                })) }
                <h2 class="govuk-heading-m">{ "Notice, check, share" }</h2>
                <ul class="govuk-list govuk-list--bullet">
                    <li><strong>{ "Notice" }</strong>{ " emotional, verbal, physical or circumstantial changes that worry you." }</li>
                    <li><strong>{ "Check" }</strong>{ " with your safeguarding or Prevent lead." }</li>
                    <li><strong>{ "Share" }</strong>{ " by making a referral with this form." }</li>
                </ul>
                <h2 class="govuk-heading-m">{ "This form is for referrals, not advice" }</h2>
                <p class="govuk-body">{ "When you finish this form you are making a referral: the Prevent team will record it and act on it. If you only want advice first, call your local Prevent team instead. (CTP-Prevent Policy, section 7.)" }</p>
                <div id="start-advice">{ super::send::advice_contact(deployment.as_ref()) }</div>
                <h2 class="govuk-heading-m">{ "Before you start" }</h2>
                <p class="govuk-body">{ "It takes about 20 minutes. You will need your contact details, what you know about the person, institution or expression, and a description of your concerns in your own words." }</p>
                <p class="govuk-body">{ "Your answers are saved in this browser as you type, so you can stop and come back. At the end you download the referral to send to your Prevent team. Nothing is sent for you." }</p>
                { button::view(ButtonProps { is_start: true, onclick: start, ..ButtonProps::new("Start now") }) }
            </div>
        </div>
    }
}

/// The problem banner of a start page, if starting failed.
pub fn banner_of(problem: &Option<String>) -> Html {
    problem
        .as_ref()
        .map(|p| {
            html! {
                <NotificationBanner title={Some(AttrValue::from("Important"))} id="start-problem">
                    <p class="govuk-notification-banner__heading">{ p.clone() }</p>
                </NotificationBanner>
            }
        })
        .unwrap_or_default()
}
