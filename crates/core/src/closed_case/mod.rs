//! REV-1 (s13): every case adopted into PCM is reviewed at 6 and 12 months after it closes,
//! "Channel & PLP", including "those cases that are adopted into Channel or PLP, but which are
//! subsequently referred elsewhere". Two linked records:
//! - `closure.rs`: the closure of a case that never entered PLP (a Gateway Decision to keep it
//!   in PCM, or to refer it to the LACC, and so to Channel), minimally its date and code,
//!   linked to its final Gateway Assessment. A PLP case closes with its own closure
//!   (`plp_form`'s `plp-closure`).
//! - `review.rs`: the closed-case review itself, linked to its case (a PLP entry or a Gateway
//!   Assessment): a new DIF copied from the case's last (or a VAF summary for a case that
//!   exited from Channel), what changed, the outcome (remain closed or reopen) and the
//!   supervisor's approval (SUP-1; s13 "Supervisors must read and evaluate all CTCO case
//!   reviews before final approval"). Recording it meets its deadline ([`reviews_met`]).
//!
//! Both link to their case through [`plp_form::CASE_FIELD`](crate::plp_form::CASE_FIELD), as
//! the S.36 decision links to its assessment.

mod closure;
mod review;

pub use closure::{closure_of, closure_schema, CLOSURE_CODES};
pub use review::{review_of, review_schema, start_review, ASSESSMENTS, OUTCOMES, WHICH};

use crate::calendar::Calendar;
use crate::catalogue::RuleId;
use crate::deadline::Deadline;
use crate::form_def::ExtraField;
use crate::plp_form::{PlpDef, CASE_FIELD};
use chrono::NaiveDate;

/// Form id of the closure of a case that never entered PLP (REV-1, s13).
pub const CLOSURE_FORM_ID: &str = "pcm-closure";
/// Form id of a closed-case review (REV-1, s13).
pub const REVIEW_FORM_ID: &str = "pcm-review";
/// Version of both forms.
pub const VERSION: u32 = 1;

/// Which of a closed case's two reviews (s13: "at 6 months and 12 months from the point of
/// closure").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    /// The 6-month review.
    SixMonths,
    /// The 12-month review.
    TwelveMonths,
}

/// What a closed-case review decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The case remains closed.
    RemainClosed,
    /// The concern has returned: the case is reopened.
    Reopen,
}

/// A recorded closed-case review.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClosedReview {
    /// Which review it is.
    pub which: Which,
    /// Its date.
    pub date: NaiveDate,
    /// What it decided.
    pub outcome: Outcome,
}

/// REV-1 (s13): the 6- and 12-month reviews of a case closed on `closed`, under `rule` (PLP-11
/// for a PLP case, REV-1 for any other), each met by the recorded review of its kind. A review
/// that reopened the case ends the reviews: the one after it is no longer due. Returns the
/// reviews still due or met, 6 months first.
pub fn review_deadlines(
    closed: NaiveDate,
    rule: RuleId,
    reviews: &[ClosedReview],
    cal: &Calendar,
) -> Vec<Deadline> {
    let reopened = reviews
        .iter()
        .filter(|r| r.outcome == Outcome::Reopen)
        .map(|r| r.date)
        .min();
    crate::deadline::closed_case_reviews(closed, cal)
        .into_iter()
        .zip([Which::SixMonths, Which::TwelveMonths])
        .filter_map(|(mut d, which)| {
            d.rule_id = rule;
            let met = reviews
                .iter()
                .filter(|r| r.which == which)
                .map(|r| r.date)
                .min();
            match (met, reopened) {
                (Some(day), _) => Some(d.done_on(Some(day))),
                // Reopened by the review before it: this one is not held.
                (None, Some(_)) => None,
                (None, None) => Some(d),
            }
        })
        .collect()
}

/// The review a case is due next, for starting one: the earliest not yet recorded, unless a
/// review has reopened the case.
pub fn next_review(reviews: &[ClosedReview]) -> Option<Which> {
    if reviews.iter().any(|r| r.outcome == Outcome::Reopen) {
        return None;
    }
    [Which::SixMonths, Which::TwelveMonths]
        .into_iter()
        .find(|w| !reviews.iter().any(|r| r.which == *w))
}

/// The export's `case_id` (a closure or a closed-case review): the id of the case it belongs to.
pub const CASE_EXPORT: ExtraField = ExtraField::Answer {
    field: "case_id",
    answer: CASE_FIELD,
    name: "case id",
    what: "the record id of the case it belongs to",
    valid: crate::import::is_record_id,
    optional: false,
};

/// The closure of a case outside PLP (REV-1).
pub const CLOSURE_DEF: PlpDef = PlpDef {
    id: CLOSURE_FORM_ID,
    rules: None,
    extra: &[CASE_EXPORT],
    link: Some(CASE_FIELD),
};

/// A closed-case review (REV-1): its DIF names its framework, as a reassessment's does.
pub const REVIEW_DEF: PlpDef = PlpDef {
    id: REVIEW_FORM_ID,
    rules: Some(review::rules),
    extra: &[crate::pga_form::FRAMEWORK_EXPORT, CASE_EXPORT],
    link: Some(CASE_FIELD),
};
