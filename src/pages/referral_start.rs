//! Start page of a form. A referral's: what Prevent is, Notice Check Share, call 999 for
//! immediate risk (REF-3), and that this form is a referral, not advice (REF-1, s7). A Gateway
//! Assessment's: what it is, its deadline and its gate (PGA-1, PGA-2, PGA-10).

use crate::components::*;
use crate::hooks::use_title;
use crate::route::{Form, Route};
use crate::router::*;
use crate::services::{clock, new_id, store};
use prevent_core::store::Envelope;
use prevent_core::Draft;
use yew::prelude::*;

/// Properties of [`ReferralStart`].
#[derive(Properties, PartialEq)]
pub struct ReferralStartProps {
    /// Which form.
    pub form: Form,
}

/// The start page of a form.
#[component]
pub fn ReferralStart(props: &ReferralStartProps) -> Html {
    let form = props.form;
    use_title(
        match form {
            Form::Referral => "Make a Prevent referral",
            Form::Pga => "Start a Prevent Gateway Assessment",
            Form::Plp => "Start a Police-led Partnership case",
            Form::PlpReview => "Reassess a Police-led Partnership case",
            Form::PlpClosure => "Close a Police-led Partnership case",
            Form::PlpPanel => "Record a PLP panel",
            Form::PlpSubmission => "Record a submission to the FIMU",
        }
        .into(),
        false,
    );
    let navigator = use_navigator().expect("router");
    let location = use_location();
    let problem = use_state(|| None::<String>);
    // A PLP case started from a finalised Gateway Assessment (`?from=<id>`) carries its case
    // reference, CTCO and DIF across (PLP-7: "from the Gateway Decision").
    let from: Option<prevent_core::Draft> = (form == Form::Plp)
        .then(|| crate::nav::query_value(&location, "from"))
        .flatten()
        .and_then(|id| store().load_now(&id).ok().flatten())
        .and_then(|e| e.open().ok())
        .filter(|d| d.form == "pga" && d.is_locked());
    // A reassessment starts from its case (`?case=<id>`): the last DIF is copied in (PLP-5).
    let case_id = (form == Form::PlpReview)
        .then(|| crate::nav::query_value(&location, "case"))
        .flatten();
    #[cfg(feature = "officer")]
    let review_start: Option<prevent_core::Answers> = case_id.as_deref().and_then(|id| {
        super::pga_help::latest_answers(id).map(|a| prevent_core::plp_form::start_review(&a, id))
    });
    #[cfg(not(feature = "officer"))]
    let review_start: Option<prevent_core::Answers> = case_id.and(None);
    // A closure starts from its open case (`?case=<id>`), linked to it.
    #[cfg(feature = "officer")]
    let review_start = review_start.or_else(|| {
        matches!(
            form,
            Form::PlpClosure | Form::PlpPanel | Form::PlpSubmission
        )
        .then(|| crate::nav::query_value(&location, "case"))
        .flatten()
        .and_then(|id| {
            let case = super::pga_help::load(&id).filter(|d| d.form == "plp" && d.is_locked())?;
            let mut a = prevent_core::Answers::default();
            if let Some(ctco) = case.answers.get("case.ctco") {
                a.set("case.ctco", ctco.clone());
            }
            a.set(
                prevent_core::plp_form::CASE_FIELD,
                prevent_core::Answer::Text(id),
            );
            Some(a)
        })
    });
    let begin = {
        let problem = problem.clone();
        let from = from.clone();
        let review_start = review_start.clone();
        Callback::from(move |_: ()| {
            let schema = crate::schema(form);
            let store = store();
            // Reuse a draft that was started and never answered, rather than leave empty
            // drafts behind each time someone presses Start now.
            if form.linked_to_case() && review_start.is_none() {
                problem.set(Some(
                    "Start a reassessment, panel, submission or closure from its PLP case's page."
                        .into(),
                ));
                return;
            }
            let reuse = if from.is_some() {
                None
            } else if let Some(a) = &review_start {
                // One reassessment, closure or panel in progress per case: going back to its
                // start carries on with it rather than starting another.
                linked_in_progress(a, &schema.id)
            } else {
                store.untouched(&schema.id)
            };
            let id = match reuse {
                Some(id) => Ok(id),
                None => {
                    #[allow(unused_mut)]
                    let mut draft = Draft::new(schema, &new_id(), &clock::now());
                    // A PGA names the DIF framework it is made with (issue 4: versioned).
                    #[cfg(feature = "officer")]
                    {
                        if let Some(pga) = &from {
                            draft.answers = prevent_core::plp_form::from_pga(&pga.answers);
                        }
                        if let Some(a) = &review_start {
                            draft.answers = a.clone();
                        }
                        prevent_core::pga_form::record_framework(
                            &mut draft,
                            &crate::services::framework::current(),
                        );
                    }
                    store
                        .save_now(Envelope::seal(&draft, &clock::now()), None)
                        .map(|_| draft.id)
                }
            };
            match id {
                Ok(id) => navigator.push(&Route::FormPage {
                    form,
                    id,
                    page: schema.pages[0].id.clone(),
                }),
                Err(e) => problem.set(Some(e.to_string())),
            }
        })
    };
    let start = begin.reform(|e: MouseEvent| e.prevent_default());
    // A reassessment, closure or panel starts at once from its case's page: its case page
    // already says what it is, so it has no start page of its own.
    let auto = form.linked_to_case();
    {
        let begin = begin.clone();
        use_effect_with(form, move |_| {
            if auto {
                begin.emit(());
            }
        });
    }
    if auto {
        return html! {
            <>
                { banner_of(&problem) }
                <p class="govuk-body">{ "Starting…" }</p>
            </>
        };
    }
    let banner = banner_of(&problem);
    if cfg!(feature = "officer") && form == Form::Plp {
        let from_text = from.as_ref().map(|d| {
            format!(
                "This case comes from the Gateway Assessment {}: its case reference, your name and its DIF are carried across, and the entry route is 'From the Gateway Decision'.",
                d.finished.as_ref().map(|f| f.reference.as_str()).unwrap_or_default()
            )
        });
        return html! {
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    { banner }
                    <h1 class="govuk-heading-xl">{ "Start a Police-led Partnership case" }</h1>
                    <p class="govuk-body">{ "Record how the case entered Police-led Partnership (PLP), its opening DIF and its priority band (CTP-Prevent Policy, sections 11 and 12)." }</p>
                    <ul class="govuk-list govuk-list--bullet">
                        <li>{ "A case enters PLP from the Gateway Decision, after Information Gathering, or out of Channel, each with its rationale (PLP-7)." }</li>
                        <li>{ "The band is suggested from the DIF, with the reasons; you confirm or change it. No case enters PLP as Monitored (PLP-4)." }</li>
                        <li>{ "The next DIF, CMP update and supervisory sign-off are due 4 weeks (High), 8 weeks (Standard) or 3 months (Monitored) later, and before any panel (PLP-5)." }</li>
                    </ul>
                    if let Some(t) = from_text {
                        { inset_text::view(InsetTextProps { children: html! { <span id="plp-from-pga">{ t }</span> } }) }
                    }
                    { button::view(ButtonProps { is_start: true, onclick: start, ..ButtonProps::new("Start now") }) }
                </div>
            </div>
        };
    }
    // Each bundle has its own form's start page only.
    if cfg!(feature = "officer") {
        return html! {
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    { banner }
                    <h1 class="govuk-heading-xl">{ "Start a Prevent Gateway Assessment" }</h1>
                    <p class="govuk-body">{ "The Prevent Gateway Assessment (PGA) is the first Dynamic Investigation Framework (DIF) of a case. It ends in a Gateway Decision that a supervisor signs off (CTP-Prevent Policy, section 8)." }</p>
                    <ul class="govuk-list govuk-list--bullet">
                        <li>{ "It is due within 5 working days of receiving the de-conflicted referral from the FIMU (PGA-2). The deadlines show as you enter the dates." }</li>
                        <li>{ "Nothing can be assessed until the FIMU has de-conflicted the referral with a date and a reference number (PGA-1, s7)." }</li>
                        <li>{ "Only one PGA is ever completed for a case. Once supervised and final, it can never be altered (PGA-10)." }</li>
                    </ul>
                    <p class="govuk-body">{ "Your answers are saved, in this browser only, as you type. Nothing is sent anywhere: at the end you download the record and its Gateway Decision summary." }</p>
                    { button::view(ButtonProps { is_start: true, onclick: start, ..ButtonProps::new("Start now") }) }
                </div>
            </div>
        };
    }
    #[cfg(feature = "officer")]
    return Html::default();
    #[cfg(not(feature = "officer"))]
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
                <h2 class="govuk-heading-m">{ "Before you start" }</h2>
                <p class="govuk-body">{ "It takes about 20 minutes. You will need your contact details, what you know about the person, institution or expression, and a description of your concerns in your own words." }</p>
                <p class="govuk-body">{ "Your answers are saved in this browser as you type, so you can stop and come back. At the end you download the referral to send to your Prevent team. Nothing is sent for you." }</p>
                { button::view(ButtonProps { is_start: true, onclick: start, ..ButtonProps::new("Start now") }) }
            </div>
        </div>
    }
}

/// The problem banner of a start page, if starting failed.
fn banner_of(problem: &Option<String>) -> Html {
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

/// The draft of form `kind` already in progress for the case these answers link to.
#[cfg(feature = "officer")]
fn linked_in_progress(answers: &prevent_core::Answers, kind: &str) -> Option<String> {
    let case = answers.text(prevent_core::plp_form::CASE_FIELD)?;
    super::pga_help::linked(case, kind)
        .into_iter()
        .find(|d| !d.is_locked())
        .map(|d| d.id)
}

#[cfg(not(feature = "officer"))]
fn linked_in_progress(_: &prevent_core::Answers, _: &str) -> Option<String> {
    None
}
