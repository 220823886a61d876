//! SUP-1 (s6, s14): every sign-off records who signed, their rank or grade and the date, and
//! obeys PGA-16: the supervisor is at least a Sergeant or a police staff CTCO supervisor (an
//! acting rank only if the force has formally approved it) and never the CTCO whose work it is.
//! One set of questions and rules for the sign-offs outside the Gateway Assessment (the S.36
//! decision, the PLP entry, each reassessment and the closure); the PGA's own supervision page
//! asks the same questions with the same field ids.
//!
//! s14: "Constables and the lowest police staff grades must never supervise."

use crate::answers::Answers;
use crate::catalogue::RuleId;
use crate::form::{Check as RuleCheck, Context, FormSchema, Question, QuestionKind, Rule};
use crate::form_builder::{choice, eq, q, radios, rule, text, yes_no, QuestionExt};
use crate::pga::{self, Officer, Rank};
use crate::pga_form::date_of;
use crate::validate::{Issue, Severity};

/// The field of the CTCO whose work is signed off.
pub const CTCO_FIELD: &str = "case.ctco";

/// The ranks and grades offered, as the PGA offers them.
pub fn rank_question() -> Question {
    q(
        "supervisor.rank",
        "Supervisor's rank or grade",
        "supervisor's rank",
        radios(
            vec![
                choice("sergeant-or-above", "Sergeant or above"),
                choice("staff-supervisor", "Police staff CTCO supervisor"),
                choice("constable", "Constable"),
                choice("police-staff", "Other police staff"),
            ],
            false,
        ),
    )
}

/// Who signs off, their rank or grade, whether it is an acting rank (and then whether the force
/// approved it), and the date: the questions of a sign-off, before its own approval question.
pub fn questions(date_hint: &str) -> Vec<Question> {
    vec![
        q(
            "supervisor.name",
            "Supervisor's name",
            "supervisor's name",
            text(),
        ),
        rank_question(),
        q(
            "supervisor.acting",
            "Is it an acting rank?",
            "whether the rank is acting",
            yes_no(),
        ),
        q(
            "supervisor.acting_approved",
            "Has the force formally approved the acting rank?",
            "whether the acting rank is approved",
            yes_no(),
        )
        .when(eq("supervisor.acting", "yes")),
        q(
            "supervisor.date",
            "Date of the supervisor's sign-off",
            "the date of the supervisor's sign-off",
            QuestionKind::Date,
        )
        .hint(date_hint),
    ]
}

/// The required answers of [`questions`]: the name and the date under the form's own rule
/// (`signoff`, e.g. PLP-5's "sign-off every 4 weeks"), rank and acting rank under SUP-1.
pub fn rules(signoff: RuleId) -> Vec<Rule> {
    vec![
        rule(
            signoff,
            "supervisor.name",
            RuleCheck::Required,
            "Enter the supervisor's name",
        ),
        rule(
            RuleId::Sup1,
            "supervisor.rank",
            RuleCheck::Required,
            "Select the supervisor's rank or grade",
        )
        .citing("s14"),
        rule(
            RuleId::Sup1,
            "supervisor.acting",
            RuleCheck::Required,
            "Select yes if the supervisor's rank is an acting rank",
        )
        .citing("s14"),
        rule(
            RuleId::Sup1,
            "supervisor.acting_approved",
            RuleCheck::Required,
            "Select yes if the force has formally approved the acting rank",
        )
        .citing("s14"),
        rule(signoff, "supervisor.date", RuleCheck::Required, ""),
        rule(signoff, "supervisor.date", RuleCheck::RealDate, ""),
        rule(signoff, "supervisor.date", RuleCheck::NotFuture, ""),
    ]
}

/// The rank or grade the answers record.
fn rank(value: &str) -> Rank {
    match value {
        "constable" => Rank::Constable,
        "police-staff" => Rank::PoliceStaff,
        "staff-supervisor" => Rank::PoliceStaffSupervisor,
        _ => Rank::SergeantOrAbove,
    }
}

/// The sign-off's problems (PGA-16 under SUP-1): the supervisor is the CTCO whose work it is
/// (`work`: "made the S.36 decision"), below a supervising rank, or in an acting rank the force
/// has not approved; and, for a sign-off that follows its work, the sign-off is dated before
/// it (`after`: the work's date field and what it is, "the S.36 decision"; `None` for an
/// authority given before the act, as a closure's). Only answers shown today are read.
pub fn issues(
    schema: &FormSchema,
    answers: &Answers,
    ctx: &Context,
    work: &str,
    after: Option<(&str, &str)>,
) -> Vec<Issue> {
    let shown = |id: &str| {
        schema
            .visible_answer(id, answers, ctx)
            .and_then(|a| a.as_text())
            .unwrap_or("")
            .trim()
            .to_string()
    };
    let mut out = Vec::new();
    let name = shown("supervisor.name");
    if !name.is_empty() {
        let supervisor = Officer {
            name,
            rank: rank(&shown("supervisor.rank")),
            acting: shown("supervisor.acting") == "yes",
            acting_approved: shown("supervisor.acting_approved") == "yes",
        };
        let ctco = Officer {
            name: answers.text(CTCO_FIELD).unwrap_or("").to_string(),
            rank: Rank::Constable,
            acting: false,
            acting_approved: false,
        };
        if let Some((path, message)) = pga::supervisor_problem(&ctco, &supervisor) {
            let message = message.replace("completed the assessment", work);
            out.push(Issue::new(path, Severity::Error, RuleId::Pga16, message).citing("s14"));
        }
    }
    let Some((dated, what)) = after else {
        return out;
    };
    if let (Some(done), Some(signed)) =
        (date_of(answers, dated), date_of(answers, "supervisor.date"))
    {
        if signed < done {
            out.push(
                Issue::new(
                    "supervisor.date",
                    Severity::Error,
                    RuleId::Sup1,
                    format!("The supervisor's sign-off cannot be before {what} it signs off"),
                )
                .citing("s6"),
            );
        }
    }
    out
}

/// "No" to a sign-off's own approval question (`supervisor.approved`): the record is made only
/// once the supervisor approves, so the refusal, under `rule` citing `section`.
pub fn not_approved(
    answers: &Answers,
    rule: RuleId,
    section: &str,
    message: &str,
) -> Option<Issue> {
    (answers.text("supervisor.approved") == Some("no"))
        .then(|| Issue::new("supervisor.approved", Severity::Error, rule, message).citing(section))
}
