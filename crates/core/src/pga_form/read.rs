//! The PGA's answers read back: the typed [`Gateway`] the PGA rules run over (only shown
//! answers count), date answers, the stored value of each Gateway Decision, and whether
//! de-confliction is complete (PGA-1).

use crate::answers::{Answer, Answers};
use crate::date;
use crate::form::{Context, FormSchema};
use crate::pga::{
    AreaModel, Birth, Check, Decision, Deconfliction, Duty, Gateway, Nationality, Officer,
    PreDeconflictionActivity, Rank, Request, Subject, Visit, CHECKS,
};
use chrono::NaiveDate;

/// The typed record the PGA rules run over, read from the answers. Only shown answers count.
pub fn gateway(schema: &FormSchema, answers: &Answers, ctx: &Context) -> Gateway {
    let t = |id: &str| text_of(answers, schema, ctx, id);
    let y = |id: &str| yes(answers, schema, ctx, id);
    let subject = match t("case.subject").as_str() {
        "institution" => Subject::Institution,
        "expression" => Subject::IdeologicalExpression,
        _ => Subject::Individual,
    };
    let checks = CHECKS
        .iter()
        .map(|(key, _)| {
            let c = match t(&format!("checks.{key}.status")).as_str() {
                "done" => Check::Done {
                    on: date_of(answers, &format!("checks.{key}.date")),
                    result: t(&format!("checks.{key}.result")),
                },
                "fimu" => Check::KnownFromFimu,
                "not-available" => Check::NotAvailable,
                _ => Check::NotDone,
            };
            (*key, c)
        })
        .collect();
    let before = match answers.get("deconfliction.before") {
        Some(Answer::Choices(cs)) => cs
            .iter()
            .filter_map(|c| match c.as_str() {
                "contact-referrer" => {
                    Some(PreDeconflictionActivity::ContactReferrerForBasicInformation)
                }
                "requested-by-fimu" => Some(PreDeconflictionActivity::RequestedByFimu),
                "biographical" => Some(PreDeconflictionActivity::BasicBiographicalData),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let agreed = |who: &str| matches!(answers.get("visit.agreed"), Some(Answer::Choices(cs)) if cs.iter().any(|c| c == who));
    let supervisor_name = t("supervisor.name");
    let rank = match t("supervisor.rank").as_str() {
        "sergeant-or-above" => Some(Rank::SergeantOrAbove),
        "staff-supervisor" => Some(Rank::PoliceStaffSupervisor),
        "constable" => Some(Rank::Constable),
        "police-staff" => Some(Rank::PoliceStaff),
        _ => None,
    };
    // A "must consider" duty: its decision (`done` or `not_done`) and rationale (PGA-20).
    let duty = |field: &str, done: &str, not_done: &str, rationale: &str| Duty {
        decision: match t(field).as_str() {
            v if v == done => Some(true),
            v if v == not_done => Some(false),
            _ => None,
        },
        rationale: t(rationale),
    };
    let traced = schema
        .visible_answer("assessment.traced", answers, ctx)
        .and_then(Answer::as_text)
        .map(|a| a == "yes");
    Gateway {
        case_reference: t("case.reference"),
        area: if t("case.area") == "dovetail" {
            AreaModel::Dovetail
        } else {
            AreaModel::NonDovetail
        },
        subject,
        deconfliction: Deconfliction {
            date: date_of(answers, "deconfliction.date"),
            reference: t("deconfliction.reference"),
            rado: t("deconfliction.rado").parse().ok(),
        },
        pre_deconfliction: before,
        checks,
        partner_contact: y("contact.partner").then(|| t("contact.rationale")),
        visit: y("visit.needed").then(|| Visit {
            rationale: t("visit.rationale"),
            agreed_by_ctco: agreed("ctco"),
            agreed_by_supervisor: agreed("supervisor"),
            best_placed: t("visit.best_placed"),
            consent_raised: y("visit.consent"),
            consent_by_subject: t("visit.consent") == "subject",
            consent_note: t("visit.consent_note"),
            on: date_of(answers, "visit.date"),
        }),
        reasonable_suspicion: t("assessment.concern") == "suspicion",
        reasonable_belief_no_concern: t("assessment.concern") == "no-concern",
        pursue_relevant: y("assessment.pursue"),
        under_pursue_investigation: y("threat.pursue_investigation"),
        unsuitable_for_plp: y("assessment.unsuitable_plp"),
        responsible_person_traced: traced,
        received: date_of(answers, "case.received"),
        birth: match t("subject.dob_known").as_str() {
            "yes" => schema
                .visible_answer("subject.dob", answers, ctx)
                .and_then(|_| date_of(answers, "subject.dob"))
                .map(Birth::Date),
            "approximate" => t("subject.age").parse().ok().map(Birth::ApproximateAge),
            "no" => Some(Birth::NotKnown),
            _ => None,
        },
        nationality: match t("subject.nationality").as_str() {
            "british" => Some(Nationality::British),
            "other" => Some(Nationality::Other(t("subject.nationality_other"))),
            "not-known" => Some(Nationality::NotKnown),
            _ => None,
        },
        travel_propensity: y("prompts.travel"),
        overseas: duty(
            "prompts.overseas_decision",
            "contact",
            "no-contact",
            "prompts.overseas_rationale",
        ),
        piw: duty(
            "prompts.piw_decision",
            "requested",
            "not-requested",
            "prompts.piw_rationale",
        ),
        travel_risk: t("prompts.travel_risk"),
        flag: duty(
            "prompts.flag_decision",
            "added",
            "not-flagged",
            "prompts.flag_rationale",
        ),
        decision: decision_of(&t("decision.outcome")),
        rationale: t("decision.rationale"),
        ctco: Officer {
            name: t("case.ctco"),
            rank: Rank::Constable,
            acting: false,
            acting_approved: false,
        },
        supervisor: (!supervisor_name.is_empty()).then(|| Officer {
            name: supervisor_name,
            // An unanswered rank is its own (required) error; it is not a PGA-16 problem yet.
            rank: rank.unwrap_or(Rank::SergeantOrAbove),
            acting: y("supervisor.acting"),
            acting_approved: y("supervisor.acting_approved"),
        }),
        supervisor_approved: y("supervisor.approved"),
        finalised: false,
        partner_contact_on: y("contact.partner")
            .then(|| date_of(answers, "contact.date"))
            .flatten(),
        signed_off_on: date_of(answers, "supervisor.date"),
        request: match t("case.request").as_str() {
            "referral" => Some(Request::Referral),
            "tasking" => Some(Request::Tasking),
            _ => None,
        },
        non_ct_investigation: match t("non_ct.investigation").as_str() {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        },
        non_ct_details: t("non_ct.details"),
    }
}

fn yes(answers: &Answers, schema: &FormSchema, ctx: &Context, id: &str) -> bool {
    schema
        .visible_answer(id, answers, ctx)
        .and_then(Answer::as_text)
        == Some("yes")
}

fn text_of(answers: &Answers, schema: &FormSchema, ctx: &Context, id: &str) -> String {
    schema
        .visible_answer(id, answers, ctx)
        .and_then(Answer::as_text)
        .unwrap_or("")
        .trim()
        .to_string()
}

/// A (shown) date answer that is a real date.
pub fn date_of(answers: &Answers, id: &str) -> Option<NaiveDate> {
    match answers.filled(id) {
        Some(Answer::Date(parts)) => date::parse(parts).ok(),
        _ => None,
    }
}

/// Stored value of a decision and its hint.
pub fn decision_value(d: Decision) -> (&'static str, &'static str) {
    match d {
        Decision::KeepInPcm => ("keep-in-pcm", "Information Gathering next (PGA-6)"),
        Decision::ReferToLacc => (
            "refer-to-lacc",
            "Dovetail areas: the Local Authority completes Information Gathering (PGA-7)",
        ),
        Decision::StraightToPlp => (
            "straight-to-plp",
            "Into the Police-led Partnership process now (PGA-8)",
        ),
        Decision::Close => ("close", "No Prevent-relevant concern (PGA-9)"),
        Decision::CloseAndEscalateToPursue => (
            "close-escalate-pursue",
            "Close in Prevent and escalate a Pursue-relevant concern (PGA-9, s13)",
        ),
    }
}

pub(super) fn decision_of(value: &str) -> Option<Decision> {
    Decision::ALL
        .into_iter()
        .find(|d| decision_value(*d).0 == value)
}

/// PGA-1: de-confliction is complete (a real date, today or earlier, and a reference), so the
/// assessment may start.
pub fn deconflicted(answers: &Answers, today: NaiveDate) -> bool {
    date_of(answers, "deconfliction.date").is_some_and(|d| d <= today)
        && answers
            .text("deconfliction.reference")
            .is_some_and(|r| !r.trim().is_empty())
}
