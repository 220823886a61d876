//! REV-1 (s13): every case adopted into PCM is reviewed 6 and 12 months after it closes, PLP
//! cases and those that went to Information Gathering, the LACC or Channel alike. The closure
//! of a case outside PLP (date and code), the review as a record (a new DIF copied from the
//! case's last, or a VAF summary; what changed; remain closed or reopen; a supervisor's
//! approval, SUP-1), and its deadlines: a recorded review meets its own, a reopening ends them.

use chrono::NaiveDate;
use prevent_core::calendar::{Calendar, Division};
use prevent_core::closed_case::{self, review_deadlines, ClosedReview, Outcome, Which};
use prevent_core::deadline::Status;
use prevent_core::dif::default_framework;
use prevent_core::form::Context;
use prevent_core::validate::validate;
use prevent_core::{Answers, RuleId, Severity};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn ctx() -> Context {
    Context::on(d("2028-01-10"))
}

fn cal() -> Calendar<'static> {
    Calendar::of(Division::EnglandAndWales)
}

/// A complete 6-month review of a case that exited from Channel: a VAF summary, remain closed,
/// approved by a sergeant the day after.
fn valid() -> Answers {
    Answers::default()
        .with("plp.case", "1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed")
        .with("case.ctco", "DC Jo Case")
        .with("review.which", "6-months")
        .with_date("review.date", "3", "1", "2028")
        .with("review.assessment", "vaf")
        .with(
            "review.vaf",
            "New VAF with the LA: no vulnerability indicators now.",
        )
        .with(
            "review.changes",
            "Back at college; no concerns from the school or police systems.",
        )
        .with("review.outcome", "remain-closed")
        .with("review.rationale", "Nothing calls for Prevent management.")
        .with("supervisor.name", "DS Priya Shah")
        .with("supervisor.rank", "sergeant-or-above")
        .with("supervisor.acting", "no")
        .with_date("supervisor.date", "4", "1", "2028")
        .with("supervisor.approved", "yes")
        .with_choices("declaration.confirm", &["confirmed"])
}

fn issues(a: &Answers) -> Vec<(Severity, String, String)> {
    validate(&closed_case::review_schema(&default_framework()), a, &ctx())
        .issues
        .into_iter()
        .map(|i| (i.severity, i.rule_id.id().to_string(), i.path))
        .collect()
}

fn error(rule: &str, path: &str) -> (Severity, String, String) {
    (Severity::Error, rule.into(), path.into())
}

#[test]
fn rev_1_a_complete_approved_review_has_no_issue() {
    assert_eq!(issues(&valid()), vec![]);
}

#[test]
fn rev_1_s13_a_review_needs_its_assessment_what_changed_its_outcome_and_approval() {
    let cases: Vec<(&str, Answers, Vec<(Severity, String, String)>)> = vec![
        (
            "no VAF summary",
            valid().with("review.vaf", ""),
            vec![error("REV-1", "review.vaf")],
        ),
        (
            "nothing said of what changed",
            valid().with("review.changes", " "),
            vec![error("REV-1", "review.changes")],
        ),
        (
            "no outcome",
            valid().with("review.outcome", ""),
            vec![error("REV-1", "review.outcome")],
        ),
        (
            "the supervisor did not approve it (s13)",
            valid().with("supervisor.approved", "no"),
            vec![error("REV-1", "supervisor.approved")],
        ),
        (
            "signed off by the CTCO who made it (SUP-1, PGA-16)",
            valid().with("supervisor.name", "DC Jo Case"),
            vec![error("PGA-16", "supervisor.name")],
        ),
        (
            "signed off by a constable (s14)",
            valid().with("supervisor.rank", "constable"),
            vec![error("PGA-16", "supervisor.rank")],
        ),
        (
            "signed off before the review was made (SUP-1)",
            valid().with_date("supervisor.date", "2", "1", "2028"),
            vec![error("SUP-1", "supervisor.date")],
        ),
        (
            "a review dated in the future",
            valid().with_date("review.date", "11", "1", "2028"),
            vec![error("REV-1", "review.date")],
        ),
    ];
    for (what, a, want) in cases {
        let mut got = issues(&a);
        // A future review date also makes the sign-off come before it: only its own error here.
        got.retain(|i| !(what.contains("future") && i.2 == "supervisor.date"));
        assert_eq!(got, want, "{what}");
    }
}

#[test]
fn rev_1_s13_a_review_of_a_case_from_plp_completes_a_new_dif_copied_from_the_last() {
    // The case's last DIF: escalation present, every other factor absent.
    let f = default_framework();
    let mut last = Answers::default().with("case.ctco", "DC Jo Case");
    for s in &f.sections {
        for x in &s.factors {
            let key = format!("dif.{}.{}", s.id, x.id);
            last = if s.id == "threat" && x.id == "escalation" {
                last.with(&format!("{key}.finding"), "present")
                    .with(&format!("{key}.evidence"), "Buying weapon parts (PNC).")
            } else {
                last.with(&format!("{key}.finding"), "absent")
            };
        }
    }
    let started = closed_case::start_review(&last, "case-1", Which::TwelveMonths, false);
    assert_eq!(started.text("review.which"), Some("12-months"));
    assert_eq!(started.text("review.assessment"), Some("dif"));
    assert_eq!(started.text("plp.case"), Some("case-1"));
    assert_eq!(
        started.text("dif.threat.escalation.evidence"),
        Some("Buying weapon parts (PNC).")
    );
    let mut a = valid();
    for (k, v) in &started.0 {
        a.set(k, v.clone());
    }
    a.set("review.vaf", prevent_core::Answer::Text(String::new()));
    // The DIF's pages replace the VAF summary: no issue, and the VAF is not asked.
    assert_eq!(issues(&a), vec![]);
    // DIF-1 still holds on the new DIF: a factor found present needs its evidence.
    let a = a.with("dif.threat.escalation.evidence", "");
    assert!(issues(&a)
        .iter()
        .any(|i| i.2 == "dif.threat.escalation.evidence"));
}

#[test]
fn rev_1_a_review_is_read_with_which_it_is_its_date_and_outcome() {
    assert_eq!(
        closed_case::review_of(&valid()),
        Some(ClosedReview {
            which: Which::SixMonths,
            date: d("2028-01-03"),
            outcome: Outcome::RemainClosed,
        })
    );
    assert_eq!(
        closed_case::review_of(&valid().with("review.outcome", "")),
        None
    );
}

fn review(which: Which, date: &str, outcome: Outcome) -> ClosedReview {
    ClosedReview {
        which,
        date: d(date),
        outcome,
    }
}

#[test]
fn rev_1_s13_a_recorded_review_meets_its_deadline_and_a_reopening_ends_the_reviews() {
    use Outcome::*;
    use Which::*;
    // Closed on Thursday 1 July 2027: reviews on Saturday 1 January 2028 (due 5 working days
    // later, Monday 10 January: New Year's Day's substitute holiday is Monday 3rd) and on
    // Saturday 1 July 2028 (due Friday 7 July).
    let closed = d("2027-07-01");
    let today = d("2028-01-20");
    let cases: Vec<(&str, Vec<ClosedReview>, Vec<(&str, Status)>)> = vec![
        (
            "nothing recorded: the 6-month review is overdue",
            vec![],
            vec![
                ("2028-01-10", Status::Overdue),
                ("2028-07-07", Status::Upcoming),
            ],
        ),
        (
            "the 6-month review recorded: met",
            vec![review(SixMonths, "2028-01-05", RemainClosed)],
            vec![
                ("2028-01-10", Status::Done),
                ("2028-07-07", Status::Upcoming),
            ],
        ),
        (
            "recorded late: still met, on its own date",
            vec![review(SixMonths, "2028-01-18", RemainClosed)],
            vec![
                ("2028-01-10", Status::Done),
                ("2028-07-07", Status::Upcoming),
            ],
        ),
        (
            "the 6-month review reopened the case: no 12-month review",
            vec![review(SixMonths, "2028-01-05", Reopen)],
            vec![("2028-01-10", Status::Done)],
        ),
        (
            "both recorded",
            vec![
                review(SixMonths, "2028-01-05", RemainClosed),
                review(TwelveMonths, "2028-07-03", RemainClosed),
            ],
            vec![("2028-01-10", Status::Done), ("2028-07-07", Status::Done)],
        ),
    ];
    for (what, reviews, want) in cases {
        let got = review_deadlines(closed, RuleId::Rev1, &reviews, &cal());
        let got: Vec<(String, Status)> = got
            .iter()
            .map(|x| (x.due.to_string(), x.status(today)))
            .collect();
        let want: Vec<(String, Status)> = want
            .into_iter()
            .map(|(s, st)| (s.to_string(), st))
            .collect();
        assert_eq!(got, want, "{what}");
    }
    // The rule each cites: PLP-11 for a PLP case, REV-1 for any other.
    for rule in [RuleId::Plp11, RuleId::Rev1] {
        assert!(review_deadlines(closed, rule, &[], &cal())
            .iter()
            .all(|x| x.rule_id == rule));
    }
}

#[test]
fn rev_1_the_next_review_to_record_is_the_earliest_not_recorded_and_none_once_reopened() {
    use Outcome::*;
    use Which::*;
    let cases: Vec<(Vec<ClosedReview>, Option<Which>)> = vec![
        (vec![], Some(SixMonths)),
        (
            vec![review(SixMonths, "2028-01-05", RemainClosed)],
            Some(TwelveMonths),
        ),
        // A 12-month review recorded first (the 6-month one was missed) still leaves the
        // 6-month one to record.
        (
            vec![review(TwelveMonths, "2028-07-05", RemainClosed)],
            Some(SixMonths),
        ),
        (
            vec![
                review(SixMonths, "2028-01-05", RemainClosed),
                review(TwelveMonths, "2028-07-05", RemainClosed),
            ],
            None,
        ),
        (vec![review(SixMonths, "2028-01-05", Reopen)], None),
    ];
    for (reviews, want) in cases {
        assert_eq!(closed_case::next_review(&reviews), want, "{reviews:?}");
    }
}

#[test]
fn rev_1_plp_9_s13_a_case_outside_plp_closes_with_its_date_and_code() {
    let s = closed_case::closure_schema();
    let ok = Answers::default()
        .with("plp.case", "1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed")
        .with("case.ctco", "DC Jo Case")
        .with_date("pcm.closed", "1", "7", "2027")
        .with("pcm.code", "channel-addressed")
        .with_choices("declaration.confirm", &["confirmed"]);
    let got = |a: &Answers| -> Vec<(String, String)> {
        validate(&s, a, &ctx())
            .issues
            .into_iter()
            .map(|i| (i.rule_id.id().to_string(), i.path))
            .collect()
    };
    assert_eq!(got(&ok), vec![]);
    assert_eq!(
        closed_case::closure_of(&ok),
        Some((
            d("2027-07-01"),
            "Channel: the panel has addressed all CT and safeguarding concerns"
        ))
    );
    assert_eq!(
        got(&ok.clone().with("pcm.code", "")),
        vec![("PLP-9".to_string(), "pcm.code".to_string())]
    );
    assert_eq!(
        got(&ok.clone().with_date("pcm.closed", "1", "7", "2029")),
        vec![("REV-1".to_string(), "pcm.closed".to_string())]
    );
}
