//! A reassessment of a PLP case (PLP-5, s12, s14): a new DIF copied from the last one, the band
//! against its own suggestion (Monitored now possible, with its reason: PLP-4), the CMP update
//! and the sign-off; the case with all its reassessments.

use super::banding::{band_of, banding_page, inputs, suggestion};
use super::entry::case;
use super::{CASE_FIELD, REVIEW_DEF, REVIEW_FORM_ID, VERSION};
use crate::answers::{Answer, Answers};
use crate::catalogue::RuleId;
use crate::dif::Framework;
use crate::form::{Check as RuleCheck, Context, FormSchema, QuestionKind};
use crate::form_builder::{
    check_answers_page, checkboxes, choice, page, q, rule, text, yes_no, QuestionExt,
};
use crate::form_def::Def;
use crate::pga_form::{date_of, dif_issues, dif_page, dif_record, dif_rules, framework_of};
use crate::plp;
use crate::plp_case::{PlpCase, Review};
use crate::validate::Issue;

/// The reassessment form: the DIF (copied from the last one, then edited), the band with its
/// suggestion (Monitored now possible, with its reason: PLP-4), the CMP update and sign-off.
pub fn review_schema(framework: &Framework) -> FormSchema {
    let mut pages = vec![page("review", "Reassessment", "Reassessment", Some("A new DIF, CMP update and supervisory sign-off, at least every 4 weeks (High), 8 weeks (Standard) or 3 months (Monitored), and before any panel (PLP-5, s12, s14). The DIF starts as the last one: change what has changed."), vec![
        q("case.ctco", "Your name", "your name", text()).hint("Recorded against every change in the audit trail"),
        q("plp.review_date", "Date of this DIF", "the date of this DIF", QuestionKind::Date).hint("For example, 2 2 2027"),
    ])];
    for s in &framework.sections {
        let mut p = dif_page(s);
        p.section = "DIF".into();
        pages.push(p);
    }
    pages.push(banding_page(true));
    pages.push(page("signoff", "CMP update and sign-off", "Supervision", Some("Each reassessment updates the Case Management Plan and is signed off by a supervisor (PLP-5, s12, s14)."), vec![
        q("plp.cmp", "Has the Case Management Plan been updated?", "whether the CMP was updated", yes_no()),
    ].into_iter().chain(crate::supervision::questions("For example, 3 2 2027")).collect()));
    pages.push(check_answers_page("Confirm"));
    pages.push(page("declaration", "Confirm the reassessment", "Confirm", Some("The reassessment becomes part of the case's history: it cannot be changed afterwards."), vec![
        q("declaration.confirm", "Confirm", "confirmation", checkboxes(vec![
            choice("confirmed", "I confirm this reassessment, its band and the CMP update, signed off by my supervisor"),
        ])),
    ]));
    let mut rules = vec![
        rule(RuleId::Plp5, "case.ctco", RuleCheck::Required, "Enter your name"),
        rule(RuleId::Plp5, "plp.review_date", RuleCheck::Required, ""),
        rule(RuleId::Plp5, "plp.review_date", RuleCheck::RealDate, ""),
        rule(RuleId::Plp5, "plp.review_date", RuleCheck::NotFuture, ""),
        rule(RuleId::Plp2, "plp.urgent_mh", RuleCheck::Required, "Select yes if urgent mental health concerns were identified"),
        rule(RuleId::Plp3, "plp.work_needed", RuleCheck::Required, "Select yes if you and your supervisor agree further work is needed"),
        rule(RuleId::Plp5, "plp.cmp", RuleCheck::Required, "Select yes if the Case Management Plan has been updated"),
        rule(RuleId::Plp5, "plp.cmp", RuleCheck::NotEqual("no".into()), "Each reassessment updates the Case Management Plan: update it before you record the reassessment"),
        rule(RuleId::Plp5, "declaration.confirm", RuleCheck::Required, "Confirm the reassessment"),
        rule(RuleId::Plp12, "plp.monitored_every", RuleCheck::Required, "Select how often the Monitored case will be reassessed").citing("s12"),
        rule(RuleId::Plp12, "plp.monitored_every_rationale", RuleCheck::Required, "Say why this frequency, as decided with your supervisor").citing("s12"),
    ];
    rules.extend(crate::supervision::rules(RuleId::Plp5));
    rules.extend(dif_rules(framework));
    FormSchema {
        id: REVIEW_FORM_ID.into(),
        version: VERSION,
        title: "PLP reassessment".into(),
        pages,
        rules,
        def: Def(&REVIEW_DEF),
    }
}

/// A reassessment's review, when its band and date are given.
pub fn review_of(schema: &FormSchema, answers: &Answers) -> Option<Review> {
    let band = answers.text("plp.band").and_then(band_of)?;
    let date = date_of(answers, "plp.review_date")?;
    Some(Review {
        date,
        dif: dif_record(&framework_of(schema), answers),
        inputs: inputs(answers),
        band,
        monitored_every: answers.text("plp.monitored_every").and_then(|v| {
            crate::deadline::MONITORED_EVERY
                .iter()
                .find(|(k, _, _, _)| *k == v)
                .map(|(_, e, _, _)| *e)
        }),
        monitored_reason: match answers.text("plp.monitored_reason") {
            Some("de-escalated") => Some(crate::plp::MonitoredReason::DeEscalated),
            Some("observation") => Some(crate::plp::MonitoredReason::LongerObservation),
            Some("out-of-community") => Some(crate::plp::MonitoredReason::OutOfCommunity),
            _ => None,
        },
        rationale: answers.text("plp.band_rationale").unwrap_or("").to_string(),
        cmp_updated: answers.text("plp.cmp") == Some("yes"),
        signed_off: date_of(answers, "supervisor.date"),
    })
}

/// The reassessment's rules: its band against its own suggestion (PLP-2, PLP-3, PLP-4 with a
/// reason, PLP-6) and DIF-1. Called by [`crate::validate::validate`].
pub fn review_rules(schema: &FormSchema, answers: &Answers, ctx: &Context) -> Vec<Issue> {
    let mut issues = Vec::new();
    if let Some(band) = answers.text("plp.band").and_then(band_of) {
        let choice = plp::BandChoice {
            band: Some(band),
            at_entry: false,
            monitored_reason: review_of(schema, answers).and_then(|r| r.monitored_reason),
            rationale: answers.text("plp.band_rationale").unwrap_or("").to_string(),
        };
        for mut i in plp::check_band(&choice, &suggestion(schema, answers)) {
            // A missing Monitored reason belongs to its own question.
            i.path = if i.rule_id == RuleId::Plp4 {
                "plp.monitored_reason".into()
            } else {
                "plp.band".into()
            };
            issues.push(i);
        }
    } else {
        issues.push(Issue::new(
            "plp.band",
            crate::validate::Severity::Error,
            RuleId::Plp1,
            "Every PLP case has a priority band: choose one",
        ));
    }
    issues.extend(dif_issues(schema, answers));
    // SUP-1 (s6, s14): signed off by a supervisor, not the managing CTCO, after the DIF.
    issues.extend(crate::supervision::issues(
        schema,
        answers,
        ctx,
        "manages the case",
        Some(("plp.review_date", "the DIF")),
    ));
    issues.retain(|i| schema.question_visible(&i.path, answers, ctx));
    issues
}

/// A new reassessment of case `case_id`: the last DIF (its findings, evidence and the banding
/// answers) copied in to be edited, and the CTCO carried across.
pub fn start_review(last: &Answers, case_id: &str) -> Answers {
    let mut out = Answers::default();
    for (k, v) in &last.0 {
        let carried = k == "case.ctco"
            || ((k.starts_with("dif.") && k != crate::pga_form::FRAMEWORK_FIELD)
                || k == "vulnerability.vsh"
                || k == "vulnerability.vsh_outcome"
                || k == "threat.pursue_investigation");
        if carried {
            out.set(k, v.clone());
        }
    }
    out.set(CASE_FIELD, Answer::Text(case_id.into()));
    out
}

/// The whole case: its entry, then its recorded reassessments (in date order).
pub fn case_with_reviews(
    schema: &FormSchema,
    entry: &Answers,
    review_schema: &FormSchema,
    reviews: &[&Answers],
) -> PlpCase {
    let mut c = case(schema, entry);
    let mut more: Vec<Review> = reviews
        .iter()
        .filter_map(|a| review_of(review_schema, a))
        .collect();
    crate::order::by_rank(&mut more, |r| crate::order::day(Some(r.date)));
    c.reviews.extend(more);
    c
}
