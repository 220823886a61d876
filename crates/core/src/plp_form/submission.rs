//! A submission to the FIMU on a PLP case (INT-1, s9): its date, what was submitted, the risk's
//! direction and the FIMU's reference; a recorded submission restarts the 3-month summary count.

use super::{SUBMISSION_DEF, SUBMISSION_FORM_ID, VERSION};
use crate::answers::Answers;
use crate::catalogue::RuleId;
use crate::form::{Check as RuleCheck, FormSchema, QuestionKind};
use crate::form_builder::{
    check_answers_page, checkboxes, choice, page, q, radios, rule, text, QuestionExt,
};
use crate::form_def::Def;
use crate::pga_form::date_of;
use chrono::NaiveDate;

/// What was submitted to the FIMU (INT-1, s9).
pub const SUBMISSION_KINDS: [(&str, &str); 3] = [
    (
        "summary",
        "The 3-monthly summary (nothing else was submitted)",
    ),
    (
        "intelligence",
        "Intelligence that could change the DIF, the CMP or the VAF",
    ),
    ("assessment", "A DIF or reassessment"),
];

/// The risk direction every submission states (INT-1, s9).
pub const RISK_DIRECTIONS: [(&str, &str); 3] = [
    ("escalating", "Escalating"),
    ("de-escalating", "De-escalating"),
    ("static", "Static"),
];

/// The submission form (INT-1, s9): date, what was submitted, whether the risk is escalating,
/// de-escalating or static, and the FIMU's reference. A recorded submission restarts the
/// 3-month summary count.
pub fn submission_schema() -> FormSchema {
    let radio_list =
        |list: &[(&str, &str)]| radios(list.iter().map(|(v, l)| choice(v, l)).collect(), false);
    let pages = vec![
        page("fimu", "Record a submission to the FIMU", "Submission", Some("Anything that could significantly change the DIF, the CMP or the VAF goes to a FIMU, and a summary at least every 3 months when nothing else was submitted. Every submission says whether the risk is escalating, de-escalating or static (INT-1, s9)."), vec![
            q("case.ctco", "Your name", "your name", text()).hint("Recorded against every change in the audit trail"),
            q("fimu.date", "Date submitted", "the date submitted", QuestionKind::Date).hint("For example, 30 3 2027. The next 3-monthly summary is counted from it (INT-1)."),
            q("fimu.kind", "What did you submit?", "what was submitted", radio_list(&SUBMISSION_KINDS)),
            q("fimu.direction", "Is the risk escalating, de-escalating or static?", "the risk direction", radio_list(&RISK_DIRECTIONS)).hint("Every submission to the FIMU says so (INT-1, s9)"),
            q("fimu.reference", "Intelligence or FIMU reference (optional)", "the reference", text()),
        ]),
        check_answers_page("Confirm"),
        page("declaration", "Confirm the submission", "Confirm", None, vec![
            q("declaration.confirm", "Confirm", "confirmation", checkboxes(vec![
                choice("confirmed", "I confirm this submission was made to the FIMU"),
            ])),
        ]),
    ];
    let rules = vec![
        rule(RuleId::Int1, "case.ctco", RuleCheck::Required, "Enter your name"),
        rule(RuleId::Int1, "fimu.date", RuleCheck::Required, ""),
        rule(RuleId::Int1, "fimu.date", RuleCheck::RealDate, ""),
        rule(RuleId::Int1, "fimu.date", RuleCheck::NotFuture, ""),
        rule(RuleId::Int1, "fimu.kind", RuleCheck::Required, "Select what you submitted"),
        rule(
            RuleId::Int1,
            "fimu.direction",
            RuleCheck::Required,
            "Say whether the risk is escalating, de-escalating or static: every submission to the FIMU says so",
        ),
        rule(RuleId::Int1, "declaration.confirm", RuleCheck::Required, "Confirm the submission"),
    ];
    FormSchema {
        id: SUBMISSION_FORM_ID.into(),
        version: VERSION,
        title: "Submission to the FIMU".into(),
        pages,
        rules,
        def: Def(&SUBMISSION_DEF),
    }
}

/// The date of the submission the answers record, when given.
pub fn submission_of(answers: &Answers) -> Option<NaiveDate> {
    date_of(answers, "fimu.date")
}

/// One line for a recorded submission, as the case page lists it: what was submitted, the risk
/// direction (INT-1) and the reference when given.
pub fn submission_summary(answers: &Answers) -> String {
    let label = |list: &[(&str, &'static str)], id: &str| {
        answers
            .text(id)
            .and_then(|v| list.iter().find(|(k, _)| *k == v))
            .map_or("Not given", |(_, l)| *l)
    };
    let mut out = format!(
        "{}. Risk: {}",
        label(&SUBMISSION_KINDS, "fimu.kind"),
        label(&RISK_DIRECTIONS, "fimu.direction").to_ascii_lowercase()
    );
    if let Some(r) = answers
        .text("fimu.reference")
        .filter(|r| !r.trim().is_empty())
    {
        out.push_str(&format!(". Reference: {}", r.trim()));
    }
    out
}

/// PLP-14 (s12): a submission that records a significant change, intelligence that says the
/// risk is escalating; its date, when given.
pub fn escalation_of(answers: &Answers) -> Option<NaiveDate> {
    (answers.text("fimu.kind") == Some("intelligence")
        && answers.text("fimu.direction") == Some("escalating"))
    .then(|| submission_of(answers))
    .flatten()
}
