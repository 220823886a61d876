//! The PGA's deadlines, live from the dates entered (s8, s10): the PGA itself (PGA-2), the
//! referral to the LACC (PGA-7) and the S.36 decision (PGA-15), and which of them finalising
//! the PGA meets.

use super::read::date_of;
use crate::answers::Answers;
use crate::calendar::Calendar;
use crate::catalogue::RuleId;
use crate::deadline::{self, Deadline};
use chrono::NaiveDate;

/// The deadlines of the case so far, live from the dates entered: the PGA (PGA-2), and the
/// LACC referral (PGA-7, Dovetail, when referred to the LACC or not yet decided) or the S.36
/// decision (PGA-15, not Dovetail) as they apply.
pub fn deadlines(answers: &Answers, cal: &Calendar) -> Vec<Deadline> {
    let mut out = Vec::new();
    let received = date_of(answers, "case.received");
    // Only a person can be referred to Channel (PGA-7, s10).
    let dovetail = answers.text("case.area") == Some("dovetail")
        && answers.text("case.subject") == Some("individual");
    let decision = answers.text("decision.outcome");
    if let Some(r) = received {
        out.push(deadline::pga_due(r, cal));
        if dovetail && decision.is_none_or(|d| d == "refer-to-lacc") {
            out.push(deadline::lacc_referral_due(r, cal));
        }
    }
    if let (Some(d), Some("non-dovetail")) = (
        date_of(answers, "deconfliction.date"),
        answers.text("case.area"),
    ) {
        if decision.is_none_or(|d| d == "keep-in-pcm") {
            out.push(deadline::s36_decision_due(d, cal));
        }
    }
    out
}

/// Whether finalising the PGA meets a deadline: the PGA itself (PGA-2), and the referral to
/// the LACC when that is the decision (PGA-7: the referral goes with the decision).
pub fn met_by_finalising(d: &Deadline, answers: &Answers) -> bool {
    d.rule_id == RuleId::Pga2
        || (d.rule_id == RuleId::Pga7 && answers.text("decision.outcome") == Some("refer-to-lacc"))
}

/// The deadlines of an assessment with those it has met: finalising it (on `finished`) meets
/// the PGA (PGA-2) and a referral to the LACC (PGA-7); a recorded S.36 decision (on `s36`)
/// meets the S.36 deadline (PGA-15) on its date.
pub fn record_deadlines(
    answers: &Answers,
    finished: Option<NaiveDate>,
    s36: Option<NaiveDate>,
    cal: &Calendar,
) -> Vec<Deadline> {
    deadlines(answers, cal)
        .into_iter()
        .map(|d| {
            let done = if d.rule_id == RuleId::Pga15 {
                s36
            } else {
                finished.filter(|_| met_by_finalising(&d, answers))
            };
            d.done_on(done)
        })
        .collect()
}

/// The next deadline that is not met, for lists: the earliest due date.
pub fn next_deadline(answers: &Answers, cal: &Calendar) -> Option<Deadline> {
    deadlines(answers, cal).into_iter().min_by_key(|d| d.due)
}
