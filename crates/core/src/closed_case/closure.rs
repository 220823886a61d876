//! The closure of a case that never entered PLP (REV-1, PLP-9, s13): a Gateway Decision to keep
//! it in PCM for Information Gathering, or to refer it to the LACC (and so to Channel), ends
//! some day, and s13 reviews it at 6 and 12 months from then. Minimally its date and closure
//! code, linked to the final Gateway Assessment. Field ids: `case.ctco`, `pcm.*`,
//! `declaration.confirm`.

use super::{CLOSURE_DEF, CLOSURE_FORM_ID, VERSION};
use crate::answers::Answers;
use crate::catalogue::RuleId;
use crate::form::{Check as RuleCheck, FormSchema, QuestionKind};
use crate::form_builder::{
    check_answers_page, checkboxes, choice, page, q, radios, rule, text, QuestionExt,
};
use crate::form_def::Def;
use crate::pga_form::date_of;
use chrono::NaiveDate;

/// The closure codes of a case closed outside PLP (PLP-9, s13): (value, label). The general
/// codes of "Closing Cases (General)" and the two of "Channel Cases".
pub const CLOSURE_CODES: [(&str, &str); 7] = [
    ("deceased", "The subject is deceased"),
    ("no-ct-concern", "No actual CT concern"),
    ("not-located", "The subject could not be located"),
    ("pursue", "Escalated to the Pursue space"),
    (
        "non-ct-onwards",
        "No CT concern, but a non-CT issue referred onwards",
    ),
    (
        "channel-addressed",
        "Channel: the panel has addressed all CT and safeguarding concerns",
    ),
    (
        "channel-support",
        "Channel: the subject already has sufficient support in place",
    ),
];

/// The closure form: who records it, the date and the code.
pub fn closure_schema() -> FormSchema {
    let pages = vec![
        page("closure", "Record the closure of the case", "Closure", Some("Every case adopted into PCM is reviewed at 6 and 12 months from its closure, including a case that went to Information Gathering, the LACC or Channel (REV-1, s13). Record the closure, so that its reviews are due."), vec![
            q("case.ctco", "Your name", "your name", text()).hint("Recorded against every change in the audit trail"),
            q("pcm.closed", "Date the case closed", "the date of closure", QuestionKind::Date).hint("For example, 29 6 2027. The 6- and 12-month reviews are counted from it."),
            q("pcm.code", "Why did the case close?", "closure code", radios(CLOSURE_CODES.iter().map(|(v, l)| choice(v, l)).collect(), false)),
        ]),
        check_answers_page("Confirm"),
        page("declaration", "Confirm the closure", "Confirm", Some("The case is then closed: its 6- and 12-month reviews become its deadlines."), vec![
            q("declaration.confirm", "Confirm", "confirmation", checkboxes(vec![
                choice("confirmed", "I confirm the closure of this case"),
            ])),
        ]),
    ];
    let rules = vec![
        rule(
            RuleId::Rev1,
            "case.ctco",
            RuleCheck::Required,
            "Enter your name",
        ),
        rule(RuleId::Rev1, "pcm.closed", RuleCheck::Required, ""),
        rule(RuleId::Rev1, "pcm.closed", RuleCheck::RealDate, ""),
        rule(RuleId::Rev1, "pcm.closed", RuleCheck::NotFuture, ""),
        rule(
            RuleId::Plp9,
            "pcm.code",
            RuleCheck::Required,
            "Select why the case closed",
        ),
        rule(
            RuleId::Rev1,
            "declaration.confirm",
            RuleCheck::Required,
            "Confirm the closure",
        ),
    ];
    FormSchema {
        id: CLOSURE_FORM_ID.into(),
        version: VERSION,
        title: "Case closure".into(),
        pages,
        rules,
        def: Def(&CLOSURE_DEF),
    }
}

/// The closure's date and the label of its code, when given.
pub fn closure_of(answers: &Answers) -> Option<(NaiveDate, &'static str)> {
    let date = date_of(answers, "pcm.closed")?;
    let code = answers.text("pcm.code")?;
    CLOSURE_CODES
        .iter()
        .find(|(v, _)| *v == code)
        .map(|(_, l)| (date, *l))
}
