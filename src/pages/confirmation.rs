//! Confirmation of a finished referral (the partners' app): the "send it" step (issue 20). It
//! says the referral is ready to send, never that it was sent: to whom (the team's address from
//! the deployment settings, copyable, or that no team is configured: `send`), and what (the
//! readable print view, marked, and the JSON file for the team's toolkit); then what happens
//! next. What every record page shares is in `record_page`.

use super::record_page::{answers_summary, on_download_json, on_print};
use crate::components::*;
use crate::hooks::use_title;
use crate::nav;
use crate::route::{Form, Route};
use crate::router::*;
use crate::services::clock;
use crate::state::SessionHandle;
use prevent_core::Severity;
use yew::prelude::*;

/// Properties of [`Confirmation`].
#[derive(Properties, PartialEq)]
pub struct ConfirmationProps {
    /// Draft id.
    pub id: AttrValue,
}

/// Downloads the referral protected for the team's key `key` (`services::protected`).
fn on_download_protected(
    draft: prevent_core::Draft,
    key: prevent_core::deployment::PublicKey,
    problem: UseStateHandle<Option<String>>,
) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        let (draft, key, problem) = (draft.clone(), key.clone(), problem.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let plain =
                prevent_core::export::to_json_string(crate::nrf(), &draft, &clock::context());
            let name = prevent_core::export::file_name(&draft, crate::marking());
            let name = format!("{}-protected.json", name.trim_end_matches(".json"));
            let done = match crate::services::protected::protect(&key, &plain).await {
                Ok(file) => crate::services::download::download(&name, "application/json", &file),
                Err(e) => Err(format!(
                    "The protected file could not be made: {e}. Nothing was downloaded."
                )),
            };
            problem.set(done.err());
        });
    })
}

/// The confirmation page.
#[component]
pub fn Confirmation(props: &ConfirmationProps) -> Html {
    let session = use_context::<SessionHandle>().expect("inside a draft");
    let navigator = use_navigator().expect("router");
    let problem = use_state(|| None::<String>);
    let copied = use_state(|| None::<bool>);
    let deployment = crate::hooks::use_deployment(true);
    let schema = crate::nrf();
    let form = Form::Referral;
    use_title(
        format!("Your referral is ready to send – {}", schema.title),
        false,
    );
    let Some(draft) = session.draft.clone() else {
        return html! {};
    };
    let Some(finished) = draft.finished.clone() else {
        let tasks = nav::href(&Route::FormTasks {
            form,
            id: props.id.to_string(),
        });
        return html! {
            <>
                <h1 class="govuk-heading-l">{ "This referral is not finished yet" }</h1>
                <p class="govuk-body"><a class="govuk-link" href={tasks.clone()} onclick={nav::on_click(&navigator, tasks)}>{ "Carry on with your referral" }</a></p>
            </>
        };
    };
    let ctx = clock::context();
    let risk = prevent_core::validate::validate(schema, &draft.answers, &ctx)
        .issues
        .iter()
        .any(|i| i.rule_id == prevent_core::RuleId::Ref3 && i.severity == Severity::Warning);
    let on_download = on_download_json(schema, &draft, &problem);
    // With the team's public key in the deployment settings, the file is protected for it
    // (issue 20, item 3; decision 0025) and no plain file is offered.
    let (team_key, team) = match deployment.as_deref() {
        Some(Ok(d)) => (d.public_key.clone(), d.team.clone()),
        _ => (None, String::new()),
    };
    let on_print = on_print();
    let answers = answers_summary(schema, &draft, &ctx);
    let start = nav::href(&Route::FormStart { form });
    let check = nav::href(&Route::Drafts);
    html! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <h1 class="govuk-heading-l pct-no-print">{ "Your referral is ready to send" }</h1>
                <p class="govuk-heading-l pct-print-only">{ "Prevent referral" }</p>
                <p class="govuk-body">{ "Your reference is " }<strong id="reference">{ finished.reference.clone() }</strong></p>
                if risk {
                    { warning_text::view(WarningTextProps::new(html! { { "You said there is an immediate risk. Call 999 now if you have not already." } })) }
                }
                if let Some(p) = &*problem {
                    <NotificationBanner title={Some(AttrValue::from("Important"))} id="download-problem">
                        <p class="govuk-notification-banner__heading">{ p.clone() }</p>
                    </NotificationBanner>
                }
                <div class="pct-no-print">
                { inset_text::view(InsetTextProps { children: html! { { "It has not been sent. This tool does not send anything: you send your referral yourself, by email." } } }) }
                { super::send::send_to(deployment.as_ref(), &finished.reference, &copied) }
                <h2 class="govuk-heading-m">{ "What to send" }</h2>
                if let Some(key) = team_key.clone() {
                <ol class="govuk-list govuk-list--number pct-send-list">
                    <li id="send-file">
                        <p class="govuk-body govuk-!-margin-bottom-2"><strong>{ "The protected referral file." }</strong>{ format!(" It is encrypted so that only the {team}'s toolkit can open it, so you can attach it to an ordinary email. The team opens it in their toolkit, so nothing you wrote is typed again.") }</p>
                        { button::action("download-protected", ButtonVariant::Secondary, AttrValue::Static("Download the protected referral file"), on_download_protected(draft.clone(), key, problem.clone())) }
                    </li>
                    <li id="send-readable">
                        <p class="govuk-body govuk-!-margin-bottom-2"><strong>{ "A copy people can read, only if the team asks for one." }</strong>{ " Print the referral, or choose \"Save as PDF\" in the print window. It is marked OFFICIAL-SENSITIVE and it is not protected: keep it safe, and send it only by secure email." }</p>
                        { button::view(ButtonProps { variant: ButtonVariant::Secondary, button_type: "button".into(), onclick: on_print.clone(), ..ButtonProps::new("Print or save as PDF") }) }
                    </li>
                </ol>
                <p class="govuk-body">{ "Delete your downloaded copies once the team has told you they have the referral." }</p>
                } else {
                <ol class="govuk-list govuk-list--number pct-send-list">
                    <li id="send-readable">
                        <p class="govuk-body govuk-!-margin-bottom-2"><strong>{ "A copy people can read." }</strong>{ " Print the referral, or choose \"Save as PDF\" in the print window and attach the PDF. It is marked OFFICIAL-SENSITIVE." }</p>
                        { button::view(ButtonProps { variant: ButtonVariant::Secondary, button_type: "button".into(), onclick: on_print, ..ButtonProps::new("Print or save as PDF") }) }
                    </li>
                    <li id="send-file">
                        <p class="govuk-body govuk-!-margin-bottom-2"><strong>{ "The file for the Prevent team's toolkit." }</strong>{ " The team opens it in their toolkit, so nothing you wrote is typed again." }</p>
                        { button::action("download-json", ButtonVariant::Secondary, AttrValue::Static("Download the file for the Prevent team (JSON)"), on_download) }
                    </li>
                </ol>
                <p class="govuk-body">{ "Both are OFFICIAL-SENSITIVE: store and send them as your organisation handles sensitive personal information, and delete your downloaded copies once the team has them." }</p>
                }
                </div>
                <h2 class="govuk-heading-m">{ "What happens next" }</h2>
                <p class="govuk-body">{ "Once you have sent it, the Prevent team will tell you they have received your referral and may contact you for more information. The police check every referral before deciding whether Prevent can help." }</p>
                <p class="govuk-body">
                    <a class="govuk-link" href={start.clone()} onclick={nav::on_click(&navigator, start)}>{ "Make another referral" }</a>
                    { " or " }
                    <a class="govuk-link" href={check.clone()} onclick={nav::on_click(&navigator, check)}>{ "see your saved drafts" }</a>{ "." }
                </p>
                <h2 class="govuk-heading-m">{ "Your answers" }</h2>
                <p class="govuk-body">{ format!("Finished on {}.", prevent_core::date::long_date(finished.on)) }</p>
                { answers }
            </div>
        </div>
    }
}
