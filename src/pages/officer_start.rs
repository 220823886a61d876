//! Start page of an officers' form (the officers' and trainer's apps only: `pages::officer`).
//! A Gateway Assessment's: what it is, its deadline and its gate (PGA-1, PGA-2, PGA-10). A PLP
//! case's: how it entered PLP and its band (PLP-4, PLP-5, PLP-7), from a final Gateway
//! Assessment or not. A reassessment, closure, panel or submission starts at once from its
//! case's page, linked to the case.

use super::referral_start::banner_of;
use crate::components::*;
use crate::hooks::use_title;
use crate::route::{Form, Route};
use crate::router::*;
use crate::services::{clock, new_id, store};
use prevent_core::store::Envelope;
use prevent_core::Draft;
use yew::prelude::*;

/// Properties of [`OfficerStart`].
#[derive(Properties, PartialEq)]
pub struct OfficerStartProps {
    /// Which form.
    pub form: Form,
}

/// The start page of an officers' form.
#[component]
pub fn OfficerStart(props: &OfficerStartProps) -> Html {
    let form = props.form;
    use_title(
        match form {
            Form::Referral => "Start a Prevent Gateway Assessment",
            Form::Pga => "Start a Prevent Gateway Assessment",
            Form::Plp => "Start a Police-led Partnership case",
            Form::PlpReview => "Reassess a Police-led Partnership case",
            Form::PlpClosure => "Close a Police-led Partnership case",
            Form::PlpPanel => "Record a PLP panel",
            Form::PlpSubmission => "Record a submission to the FIMU",
            Form::PlpTransfer => "Transfer a PLP case to another force",
            Form::S36 => "Record the S.36 decision",
            Form::PcmClosure => "Record the closure of a case",
            Form::ClosedReview => "Review a closed case",
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
    // A PLP case received from another force (`?transfer=<id>`, the case as the outgoing force
    // recorded it, imported from its package): a new entry, route "Transferred from another
    // force", its reference and the outgoing DIF carried across (TRF-1, s13).
    let transfer_in: Option<(String, prevent_core::Answers)> = (form == Form::Plp)
        .then(|| crate::nav::query_value(&location, "transfer"))
        .flatten()
        .and_then(|id| super::pga_help::load(&id))
        .filter(|d| d.form == "plp" && d.is_locked())
        .and_then(|case| {
            let h = super::pga_help::plp_history(&case);
            let t = h.transfer?;
            let from = t
                .answers
                .text("transfer.from")
                .unwrap_or_default()
                .to_string();
            Some((
                from,
                prevent_core::plp_form::from_transfer(
                    &case.answers,
                    &h.latest,
                    &t.answers,
                    clock::today(),
                ),
            ))
        });
    // A reassessment or a transfer starts from its case (`?case=<id>`): the last DIF is copied in
    // (PLP-5; s13, "an up-to-date DIF").
    let case_id = matches!(form, Form::PlpReview | Form::PlpTransfer)
        .then(|| crate::nav::query_value(&location, "case"))
        .flatten();
    let review_start: Option<prevent_core::Answers> = case_id.as_deref().and_then(|id| {
        super::pga_help::latest_answers(id).map(|a| prevent_core::plp_form::start_review(&a, id))
    });
    // A closed-case review starts from its closed case (`?case=<id>`, a PLP case or a Gateway
    // Assessment): the next review due, the case's last DIF copied in (REV-1, s13).
    let review_start = review_start.or_else(|| {
        (form == Form::ClosedReview)
            .then(|| crate::nav::query_value(&location, "case"))
            .flatten()
            .and_then(|id| {
                let case = super::pga_help::load(&id).filter(|d| d.is_locked())?;
                let closed = super::pga_help::closed_case_of(&case)?;
                let reviews: Vec<_> = closed.reviews.iter().map(|(_, r)| *r).collect();
                let which = prevent_core::closed_case::next_review(&reviews)?;
                Some(prevent_core::closed_case::start_review(
                    &closed.last_dif,
                    &id,
                    which,
                    closed.vaf,
                ))
            })
    });
    // A closure starts from its open case (`?case=<id>`), linked to it.
    // An S.36 decision starts from its final Gateway Assessment (PGA-15), linked to it.
    let review_start = review_start.or_else(|| {
        matches!(
            form,
            Form::PlpClosure | Form::PlpPanel | Form::PlpSubmission | Form::S36 | Form::PcmClosure
        )
        .then(|| crate::nav::query_value(&location, "case"))
        .flatten()
        .and_then(|id| {
            let of = if matches!(form, Form::S36 | Form::PcmClosure) {
                "pga"
            } else {
                "plp"
            };
            let case = super::pga_help::load(&id).filter(|d| d.form == of && d.is_locked())?;
            // REV-1: only a case kept in PCM or referred to the LACC closes outside PLP.
            if form == Form::PcmClosure
                && !matches!(
                    case.answers.text("decision.outcome"),
                    Some("keep-in-pcm" | "refer-to-lacc")
                )
            {
                return None;
            }
            let mut a = prevent_core::Answers::default();
            if let Some(ctco) = case.answers.get("case.ctco") {
                a.set("case.ctco", ctco.clone());
            }
            // PLP-12: a closure carries the band the case closes from.
            if form == Form::PlpClosure {
                let band = super::pga_help::plp_history(&case)
                    .case
                    .reviews
                    .last()
                    .map(|r| r.band)
                    .and_then(|b| {
                        prevent_core::plp_form::BANDS
                            .iter()
                            .find(|(_, x)| *x == b)
                            .map(|(v, _)| *v)
                    });
                if let Some(v) = band {
                    a.set(
                        prevent_core::plp_form::BAND_FIELD,
                        prevent_core::Answer::Text(v.into()),
                    );
                }
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
        let transfer_in = transfer_in.clone();
        Callback::from(move |_: ()| {
            let schema = crate::schema(form);
            let store = store();
            // Reuse a draft that was started and never answered, rather than leave empty
            // drafts behind each time someone presses Start now.
            if form.linked_to_case() && review_start.is_none() {
                problem.set(Some(
                    "Start a reassessment, panel, submission or closure from its PLP case's page, an S.36 decision or a closure outside PLP from its Gateway Assessment's page, and a closed case review from its closed case's page."
                        .into(),
                ));
                return;
            }
            let reuse = if from.is_some() || transfer_in.is_some() {
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
                    let mut draft = Draft::new(schema, &new_id(), &clock::now());
                    // A PGA names the DIF framework it is made with (issue 4: versioned).
                    if let Some(pga) = &from {
                        draft.answers = prevent_core::plp_form::from_pga(&pga.answers);
                    }
                    if let Some(a) = &review_start {
                        draft.answers = a.clone();
                    }
                    if let Some((_, a)) = &transfer_in {
                        draft.answers = a.clone();
                    }
                    prevent_core::pga_form::record_framework(
                        &mut draft,
                        &crate::services::framework::current(),
                    );
                    store
                        .save_now(Envelope::wrap(&draft, &clock::now()), None)
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
    if form == Form::Plp {
        let from_text = from.as_ref().map(|d| {
            format!(
                "This case comes from the Gateway Assessment {}: its case reference, your name and its DIF are carried across, and the entry route is 'From the Gateway Decision'.",
                d.finished.as_ref().map(|f| f.reference.as_str()).unwrap_or_default()
            )
        }).or_else(|| transfer_in.as_ref().map(|(force, _)| format!(
            "This case was transferred from {force}: its case reference and the outgoing DIF are carried across, and the entry route is 'Transferred from another force'. Complete a new DIF and CMP, signed off, reflecting the move between areas, and organise a new panel (TRF-1, s13)."
        )));
        return html! {
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    { banner }
                    <h1 class="govuk-heading-xl">{ "Start a Police-led Partnership case" }</h1>
                    <p class="govuk-body">{ "Record how the case entered Police-led Partnership (PLP), its opening DIF and its priority band (CTP-Prevent Policy, sections 11 and 12)." }</p>
                    <ul class="govuk-list govuk-list--bullet">
                        <li>{ "A case enters PLP from the Gateway Decision, after Information Gathering, out of Channel, or by transfer from another force, each with its rationale (PLP-7)." }</li>
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
    html! {
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
    }
}

/// The draft of form `kind` already in progress for the case these answers link to.
fn linked_in_progress(answers: &prevent_core::Answers, kind: &str) -> Option<String> {
    let case = answers.text(prevent_core::plp_form::CASE_FIELD)?;
    super::pga_help::linked(case, kind)
        .into_iter()
        .find(|d| !d.is_locked())
        .map(|d| d.id)
}
