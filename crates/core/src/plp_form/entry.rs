//! The entry into PLP (PLP-7, s11): route and rationale, the opening DIF, the priority band
//! (PLP-1..4, PLP-6) and the supervisory sign-off (PLP-5); the case its answers describe, with
//! its rules, deadlines and timeline; an entry started from a finalised PGA.

use super::banding::{band_of, banding_page, inputs};
use super::{FORM_ID, PLP_DEF, SUBJECT_FIELD, TITLE, VERSION};
use crate::answers::{Answer, Answers};
use crate::calendar::Calendar;
use crate::catalogue::RuleId;
use crate::deadline::Deadline;
use crate::dif::Framework;
use crate::form::{Check as RuleCheck, Context, FormSchema, QuestionKind};
use crate::form_builder::{
    area, check_answers_page, checkboxes, choice, choice_hint, eq, page, q, radios, rule, text,
    QuestionExt,
};
use crate::form_def::Def;
use crate::pga_form::{date_of, dif_issues, dif_page, dif_record, dif_rules, framework_of};
use crate::plp::EntryRoute;
use crate::plp_case::{self, PlpCase, Review, Timeline};
use crate::validate::Issue;
use chrono::NaiveDate;

/// The PLP entry form built from a DIF framework.
pub fn schema(framework: &Framework) -> FormSchema {
    let mut pages = vec![page("entry", "Entry into PLP", "Entry into PLP", Some("Every case enters PLP by one of four routes, each with its rationale (PLP-7, s11; a transfer from another force: TRF-1, s13)."), vec![
        q("case.ctco", "Your name", "your name", text()).hint("The CTCO managing the case. It is recorded against every change in the audit trail."),
        q("case.reference", "Case reference", "case reference", text()).hint("The PCM Tracker or CMIS reference"),
        q("plp.entered", "Date the case entered PLP", "the date the case entered PLP", QuestionKind::Date).hint("For example, 5 1 2027. The first review is due from this date (PLP-5)."),
        q("plp.route", "How did the case enter PLP?", "entry route", radios(vec![
            choice_hint("gateway", "From the Gateway Decision", "Give the rationale from the completed DIF"),
            choice_hint("after-ig", "After Information Gathering", "Explain why the S.36 decision was not to refer to a Channel panel"),
            choice_hint("out-of-channel", "Out of Channel", "The closing VAF extended into an opening DIF: explain why the case could not stay within Channel"),
            choice_hint(super::TRANSFERRED, "Transferred from another force", "A new DIF, panel and CMP reflecting the move between areas (TRF-1, s13)"),
        ], false)),
        q("plp.from_force", "Which force transferred the case?", "the force the case came from", text()).when(eq("plp.route", super::TRANSFERRED)),
        q("plp.received", "Date your force received the case", "the date your force received the case", QuestionKind::Date).hint("The new DIF, CMP and panel are counted from it (TRF-1)").when(eq("plp.route", super::TRANSFERRED)),
        q("plp.route_rationale", "Rationale for entering PLP", "rationale for entering PLP", area(5)),
    ])];
    for s in &framework.sections {
        let mut p = dif_page(s);
        // The PLP task list groups the DIF as one section.
        p.section = "Opening DIF".into();
        pages.push(p);
    }
    pages.push(banding_page(false));
    pages.push(page(
        "signoff",
        "Supervisory sign-off",
        "Supervision",
        Some("Every DIF is signed off by a supervisor (PLP-5, s12, s14)."),
        crate::supervision::questions("For example, 6 1 2027"),
    ));
    pages.push(check_answers_page("Confirm"));
    pages.push(page("declaration", "Confirm the entry into PLP", "Confirm", Some("The entry DIF and band become the first entry of the case's history."), vec![
        q("declaration.confirm", "Confirm", "confirmation", checkboxes(vec![
            choice("confirmed", "I confirm the entry route, the opening DIF and the band, signed off by my supervisor"),
        ])),
    ]));
    let mut rules = vec![
        rule(
            RuleId::Plp7,
            "case.ctco",
            RuleCheck::Required,
            "Enter your name",
        ),
        rule(
            RuleId::Plp7,
            "case.reference",
            RuleCheck::Required,
            "Enter the case reference",
        ),
        rule(
            RuleId::Trf1,
            "plp.from_force",
            RuleCheck::Required,
            "Enter the force the case came from",
        ),
        rule(RuleId::Trf1, "plp.received", RuleCheck::Required, ""),
        rule(RuleId::Trf1, "plp.received", RuleCheck::RealDate, ""),
        rule(RuleId::Trf1, "plp.received", RuleCheck::NotFuture, ""),
        rule(RuleId::Plp5, "plp.entered", RuleCheck::Required, "").citing("s12"),
        rule(RuleId::Plp5, "plp.entered", RuleCheck::RealDate, "").citing("s12"),
        rule(RuleId::Plp5, "plp.entered", RuleCheck::NotFuture, "").citing("s12"),
        rule(
            RuleId::Plp2,
            "plp.urgent_mh",
            RuleCheck::Required,
            "Select yes if urgent mental health concerns were identified",
        ),
        rule(
            RuleId::Plp3,
            "plp.work_needed",
            RuleCheck::Required,
            "Select yes if you and your supervisor agree further work is needed",
        ),
        rule(
            RuleId::Plp5,
            "declaration.confirm",
            RuleCheck::Required,
            "Confirm the entry into PLP",
        ),
    ];
    rules.extend(crate::supervision::rules(RuleId::Plp5));
    rules.extend(dif_rules(framework));
    FormSchema {
        id: FORM_ID.into(),
        version: VERSION,
        title: TITLE.into(),
        pages,
        rules,
        def: Def(&PLP_DEF),
    }
}

/// The case as the answers describe it: its entry and its one (entry) review, when a band and
/// an entry date are given.
pub fn case(schema: &FormSchema, answers: &Answers) -> PlpCase {
    let route = match answers.text("plp.route") {
        Some("gateway") => Some(EntryRoute::FromGatewayDecision),
        Some("after-ig") => Some(EntryRoute::AfterInformationGathering),
        Some("out-of-channel") => Some(EntryRoute::OutOfChannel),
        Some(super::TRANSFERRED) => Some(EntryRoute::TransferredIn),
        _ => None,
    };
    let review = match (
        answers.text("plp.band").and_then(band_of),
        date_of(answers, "plp.entered"),
    ) {
        (Some(band), Some(date)) => Some(Review {
            date,
            dif: dif_record(&framework_of(schema), answers),
            inputs: inputs(answers),
            band,
            monitored_reason: None,
            monitored_every: None,
            rationale: answers.text("plp.band_rationale").unwrap_or("").to_string(),
            cmp_updated: true,
            signed_off: date_of(answers, "supervisor.date"),
        }),
        _ => None,
    };
    PlpCase {
        case_reference: answers
            .text("case.reference")
            .unwrap_or("")
            .trim()
            .to_string(),
        route,
        route_rationale: answers
            .text("plp.route_rationale")
            .unwrap_or("")
            .to_string(),
        reviews: review.into_iter().collect(),
        panels: Vec::new(),
        fimu_submissions: Vec::new(),
        closure: None,
        transfer: crate::plp_case::Transfer {
            received: (route == Some(EntryRoute::TransferredIn))
                .then(|| date_of(answers, "plp.received"))
                .flatten(),
            from: answers
                .text("plp.from_force")
                .unwrap_or("")
                .trim()
                .to_string(),
            ..Default::default()
        },
    }
}

/// The PLP rules over the answers, against the form's questions. Called by
/// [`crate::validate::validate`] for the PLP form.
pub fn rules(schema: &FormSchema, answers: &Answers, ctx: &Context) -> Vec<Issue> {
    let c = case(schema, answers);
    let mut issues: Vec<Issue> = plp_case::validate(&c)
        .into_iter()
        .filter_map(|mut i| {
            i.path = match i.path.as_str() {
                "entry" => "plp.route".into(),
                "entry_rationale" => "plp.route_rationale".into(),
                "reviews.0.band" => "plp.band".into(),
                // Sign-off and the date are required questions of their own.
                _ => return None,
            };
            Some(i)
        })
        .collect();
    // Without an entry date the band cannot be checked yet; without a band, PLP-1 says so.
    if c.reviews.is_empty() && answers.text("plp.band").is_some() {
        issues.retain(|i| i.rule_id != RuleId::Plp1);
    }
    // TRF-1 (s13): the receiving force's new DIF is made upon receipt, not before it.
    if let (Some(received), Some(entered)) = (c.transfer.received, date_of(answers, "plp.entered"))
    {
        if entered < received {
            issues.push(
                Issue::new(
                    "plp.entered",
                    crate::validate::Severity::Error,
                    RuleId::Trf1,
                    "The new DIF is made upon receipt of the case: date the entry on or after the day your force received it",
                )
                .citing("s13"),
            );
        }
    }
    issues.extend(dif_issues(schema, answers));
    // SUP-1 (s6, s14): signed off by a supervisor, not the managing CTCO, after entry.
    issues.extend(crate::supervision::issues(
        schema,
        answers,
        ctx,
        "manages the case",
        Some(("plp.entered", "the entry into PLP")),
    ));
    issues.retain(|i| schema.question_visible(&i.path, answers, ctx));
    issues
}

/// The case's deadlines: the first review (PLP-5) and the FIMU summary (INT-1).
pub fn deadlines(schema: &FormSchema, answers: &Answers, cal: &Calendar) -> Vec<Deadline> {
    plp_case::deadlines(&case(schema, answers), cal)
}

/// The case's timeline on `today`.
pub fn timeline(
    schema: &FormSchema,
    answers: &Answers,
    cal: &Calendar,
    today: NaiveDate,
) -> Timeline {
    plp_case::timeline(&case(schema, answers), cal, today)
}

/// Starts a PLP entry from a finalised PGA: its case reference, the CTCO, the route "from the
/// Gateway Decision" and every DIF answer are carried across (issue 5: "carries its case
/// reference, subject and factors across").
pub fn from_pga(pga: &Answers) -> Answers {
    let mut out = Answers::default();
    for (k, v) in &pga.0 {
        let carried = k == "case.reference"
            || k == "case.ctco"
            || k == SUBJECT_FIELD
            || (k.starts_with("dif.") && k != crate::pga_form::FRAMEWORK_FIELD);
        if carried {
            out.set(k, v.clone());
        }
    }
    out.set("plp.route", Answer::Text("gateway".into()));
    out
}
