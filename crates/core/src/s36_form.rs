//! The S.36 decision outside Dovetail areas (PGA-15, s6, s10) as a record of its own, linked to
//! the final Gateway Assessment whose "Keep in PCM" decision started Information Gathering: the
//! decision, its date and rationale, and the supervisor who supervised that rationale (s6,
//! PGA-16). Its date meets the assessment's S.36 deadline, which is due "no more than 20 days
//! following FIMU de-confliction" (s10; docs/decisions/0016-s36-deadline.md).
//!
//! The Gateway Assessment is final and can never be altered (PGA-10), so the decision that
//! follows it is not an answer of the assessment but a linked record, as a PLP case's
//! reassessments are: its hidden answer [`plp_form::CASE_FIELD`] holds the assessment's id.
//! Field ids: `case.ctco`, `s36.*`, `supervisor.*`, `declaration.confirm`.

use crate::answers::Answers;
use crate::catalogue::RuleId;
use crate::form::{Check as RuleCheck, Context, FormSchema, QuestionKind};
use crate::form_builder::{
    area, check_answers_page, checkboxes, choice, choice_hint, page, q, radios, rule, text, yes_no,
    QuestionExt,
};
use crate::form_def::{Def, ExtraField};
use crate::pga_form::date_of;
use crate::plp_form::CASE_FIELD;
use crate::validate::{Issue, Severity};
use chrono::NaiveDate;

/// Form id used in drafts and exports.
pub const FORM_ID: &str = "pga-s36";
/// Version of the form.
pub const VERSION: u32 = 1;
/// Title of the form.
pub const TITLE: &str = "S.36 decision";

/// The decisions an S.36 decision can take, with their hints.
pub const OUTCOMES: [(&str, &str, &str); 3] = [
    (
        "channel",
        "Refer to a Channel panel",
        "The S.36 criteria are met: the Local Authority takes the case to its Channel panel",
    ),
    (
        "plp",
        "Not for Channel: manage in Police-led Partnership",
        "Record the PLP case with the entry route 'After Information Gathering' (PLP-7)",
    ),
    (
        "close",
        "Not for Channel: close the case or exit it to another service",
        "For example no Prevent-relevant concern remains, or a safeguarding service takes it",
    ),
];

/// The S.36 decision form (PGA-15, s6, s10): its date, the decision and its rationale, and the
/// supervisor's sign-off (s6: supervisors "supervise rationales for S.36 Decisions"; PGA-16).
pub fn schema() -> FormSchema {
    let pages = vec![
        page("s36", "Record the S.36 decision", "S.36 decision", Some("Outside Dovetail areas the S.36 decision is due no more than 20 days after FIMU de-confliction (PGA-15, s10). Its date, once recorded, shows the deadline as met on the assessment."), vec![
            q("case.ctco", "Your name", "your name", text()).hint("Recorded against every change in the audit trail"),
            q("s36.date", "Date of the S.36 decision", "the date of the S.36 decision", QuestionKind::Date).hint("For example, 8 1 2027"),
            q("s36.outcome", "What is the S.36 decision?", "the S.36 decision", radios(OUTCOMES.iter().map(|(v, l, h)| choice_hint(v, l, h)).collect(), false)),
            q("s36.rationale", "Rationale for the decision", "rationale for the S.36 decision", area(5)).hint("What Information Gathering found and why it leads to this decision: the supervisor supervises it (s6)"),
        ]),
        page("supervision", "Supervision", "Supervision", Some("The supervisor supervises the rationale for the S.36 decision (s6). The supervisor is at least a Sergeant or a police staff CTCO supervisor, and never the CTCO (PGA-16, s14)."), {
            let mut qs = crate::supervision::questions("For example, 8 1 2027");
            qs.push(q("supervisor.approved", "Does the supervisor approve the decision and its rationale?", "supervisor's approval", yes_no()));
            qs
        }),
        check_answers_page("Confirm"),
        page("declaration", "Confirm the S.36 decision", "Confirm", None, vec![
            q("declaration.confirm", "Confirm", "confirmation", checkboxes(vec![
                choice("confirmed", "I confirm this S.36 decision was made on the date given and its rationale supervised"),
            ])),
        ]),
    ];
    let mut rules = vec![
        rule(
            RuleId::Pga15,
            "case.ctco",
            RuleCheck::Required,
            "Enter your name",
        ),
        rule(RuleId::Pga15, "s36.date", RuleCheck::Required, ""),
        rule(RuleId::Pga15, "s36.date", RuleCheck::RealDate, ""),
        rule(RuleId::Pga15, "s36.date", RuleCheck::NotFuture, ""),
        rule(
            RuleId::Pga15,
            "s36.outcome",
            RuleCheck::Required,
            "Select the S.36 decision",
        ),
        rule(
            RuleId::Pga15,
            "s36.rationale",
            RuleCheck::Required,
            "Give the rationale for the S.36 decision, for the supervisor to supervise",
        )
        .citing("s6"),
        rule(
            RuleId::Pga16,
            "supervisor.approved",
            RuleCheck::Required,
            "Select yes if the supervisor approves the decision and its rationale",
        )
        .citing("s6"),
        rule(
            RuleId::Pga15,
            "declaration.confirm",
            RuleCheck::Required,
            "Confirm the S.36 decision",
        ),
    ];
    rules.extend(crate::supervision::rules(RuleId::Pga16));
    FormSchema {
        id: FORM_ID.into(),
        version: VERSION,
        title: TITLE.into(),
        pages,
        rules,
        def: Def(&S36_DEF),
    }
}

/// The rules over the whole record: the supervisor is not the CTCO and holds a supervising rank
/// (PGA-16, s14), and has approved the rationale (s6).
pub fn rules(schema: &FormSchema, answers: &Answers, ctx: &Context) -> Vec<Issue> {
    let mut out = crate::supervision::issues(
        schema,
        answers,
        ctx,
        "made the S.36 decision",
        Some(("s36.date", "the S.36 decision")),
    );
    if schema
        .visible_answer("supervisor.approved", answers, ctx)
        .and_then(|a| a.as_text())
        == Some("no")
    {
        out.push(
            Issue::new(
                "supervisor.approved",
                Severity::Error,
                RuleId::Pga15,
                "The S.36 decision is recorded once the supervisor approves its rationale: record it when they have (s6)",
            )
            .citing("s6"),
        );
    }
    out
}

/// The date of the S.36 decision the answers record, when given.
pub fn decided_on(answers: &Answers) -> Option<NaiveDate> {
    date_of(answers, "s36.date")
}

/// The decision as shown ("Refer to a Channel panel"), when chosen.
pub fn outcome_label(answers: &Answers) -> Option<&'static str> {
    let v = answers.text("s36.outcome")?;
    OUTCOMES
        .iter()
        .find(|(k, _, _)| *k == v)
        .map(|(_, l, _)| *l)
}

/// The export's `case_id`: the id of the Gateway Assessment the decision follows.
pub const CASE_EXPORT: ExtraField = ExtraField::Answer {
    field: "case_id",
    answer: CASE_FIELD,
    name: "case id",
    what: "the record id of the Gateway Assessment it follows",
    valid: crate::import::is_record_id,
    optional: false,
};

/// The S.36 decision's part of validation, audit, export and import: a record linked to its
/// Gateway Assessment, as a PLP record is to its case.
pub const S36_DEF: crate::plp_form::PlpDef = crate::plp_form::PlpDef {
    id: FORM_ID,
    rules: Some(rules),
    extra: &[CASE_EXPORT],
    link: Some(CASE_FIELD),
};
