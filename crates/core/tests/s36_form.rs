//! The S.36 decision as a record linked to its final Gateway Assessment (PGA-15, s6, s10;
//! docs/decisions/0016-s36-deadline.md): what it needs (the decision, its date and rationale,
//! a supervisor who may supervise, PGA-16, s14), and that its date meets the assessment's S.36
//! deadline.

use chrono::NaiveDate;
use prevent_core::calendar::{Calendar, Division};
use prevent_core::deadline::Status;
use prevent_core::form::Context;
use prevent_core::validate::validate;
use prevent_core::{pga_form, s36_form, Answers, RuleId, Severity};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn ctx() -> Context {
    Context::on(d("2027-01-08"))
}

/// A complete S.36 decision: not for Channel, supervised by a sergeant two days later.
fn valid() -> Answers {
    Answers::default()
        .with("case.ctco", "DC Jo Case")
        .with_date("s36.date", "4", "1", "2027")
        .with("s36.outcome", "plp")
        .with(
            "s36.rationale",
            "Consent for Channel refused; Prevent concern remains.",
        )
        .with("supervisor.name", "DS Priya Shah")
        .with("supervisor.rank", "sergeant-or-above")
        .with("supervisor.acting", "no")
        .with_date("supervisor.date", "5", "1", "2027")
        .with("supervisor.approved", "yes")
        .with_choices("declaration.confirm", &["confirmed"])
}

fn issues(a: &Answers) -> Vec<(Severity, String, String)> {
    validate(&s36_form::schema(), a, &ctx())
        .issues
        .into_iter()
        .map(|i| (i.severity, i.rule_id.id().to_string(), i.path))
        .collect()
}

fn error(rule: &str, path: &str) -> (Severity, String, String) {
    (Severity::Error, rule.into(), path.into())
}

#[test]
fn pga_15_s6_a_complete_supervised_s36_decision_has_no_issue() {
    assert_eq!(issues(&valid()), vec![]);
}

#[test]
fn pga_15_s6_s10_the_s36_decision_needs_its_date_outcome_and_rationale() {
    let cases: [(&str, Answers, Vec<(Severity, String, String)>); 4] = [
        (
            "no date",
            valid().with_date("s36.date", "", "", ""),
            vec![error("PGA-15", "s36.date")],
        ),
        (
            "a date in the future",
            valid().with_date("s36.date", "9", "1", "2027"),
            // The sign-off of 5 January is then before the decision it supervises.
            vec![
                error("PGA-15", "s36.date"),
                error("PGA-16", "supervisor.date"),
            ],
        ),
        (
            "no outcome",
            valid().with("s36.outcome", ""),
            vec![error("PGA-15", "s36.outcome")],
        ),
        (
            "no rationale",
            valid().with("s36.rationale", "  "),
            vec![error("PGA-15", "s36.rationale")],
        ),
    ];
    for (name, a, want) in cases {
        assert_eq!(issues(&a), want, "{name}");
    }
}

#[test]
fn pga_16_s6_s14_the_s36_rationale_is_supervised_by_a_supervisor_who_is_not_the_ctco() {
    let cases: [(&str, Answers, Vec<(Severity, String, String)>); 6] = [
        (
            "the CTCO signs off their own decision",
            valid().with("supervisor.name", " dc jo case "),
            vec![error("PGA-16", "supervisor.name")],
        ),
        (
            "a constable",
            valid().with("supervisor.rank", "constable"),
            vec![error("PGA-16", "supervisor.rank")],
        ),
        (
            "an acting rank not approved",
            valid()
                .with("supervisor.acting", "yes")
                .with("supervisor.acting_approved", "no"),
            vec![error("PGA-16", "supervisor.acting_approved")],
        ),
        (
            "an acting rank approved",
            valid()
                .with("supervisor.acting", "yes")
                .with("supervisor.acting_approved", "yes"),
            vec![],
        ),
        (
            "the supervisor does not approve",
            valid().with("supervisor.approved", "no"),
            vec![error("PGA-15", "supervisor.approved")],
        ),
        (
            "signed off before the decision",
            valid().with_date("supervisor.date", "3", "1", "2027"),
            vec![error("PGA-16", "supervisor.date")],
        ),
    ];
    for (name, a, want) in cases {
        assert_eq!(issues(&a), want, "{name}");
    }
    // The messages cite the policy.
    let report = validate(
        &s36_form::schema(),
        &valid().with("supervisor.approved", "no"),
        &ctx(),
    );
    let i = report.error_for("supervisor.approved").expect("an error");
    assert_eq!((i.rule_id, i.section.as_str()), (RuleId::Pga15, "s6"));
    // The CTCO here made the decision, and the message says so.
    let report = validate(
        &s36_form::schema(),
        &valid().with("supervisor.name", "DC Jo Case"),
        &ctx(),
    );
    assert_eq!(
        report
            .error_for("supervisor.name")
            .map(|i| i.cited())
            .as_deref(),
        Some("The supervisor cannot be the CTCO who made the S.36 decision (PGA-16, s14)")
    );
}

#[test]
fn pga_15_s10_a_recorded_s36_decision_meets_the_assessment_s_deadline_on_its_date() {
    let cal = Calendar::of(Division::EnglandAndWales);
    // A final PGA, not Dovetail, kept in PCM; de-conflicted 14 December 2026, so the S.36
    // decision is due 3 January 2027 (20 days, s10).
    let pga = Answers::default()
        .with_date("case.received", "22", "12", "2026")
        .with_date("deconfliction.date", "14", "12", "2026")
        .with("case.area", "non-dovetail")
        .with("case.subject", "individual")
        .with("decision.outcome", "keep-in-pcm");
    let today = d("2027-01-08");
    let s36_of = |a: &Answers| {
        pga_form::record_deadlines(&pga, Some(d("2026-12-30")), s36_form::decided_on(a), &cal)
            .into_iter()
            .find(|x| x.rule_id == RuleId::Pga15)
            .expect("the S.36 deadline applies")
    };
    // Not recorded: overdue on 8 January.
    let none = s36_of(&Answers::default());
    assert_eq!(
        (none.due, none.status(today)),
        (d("2027-01-03"), Status::Overdue)
    );
    // Recorded on 2 January: met.
    let met = s36_of(&valid().with_date("s36.date", "2", "1", "2027"));
    assert_eq!(met.status(today), Status::Done);
    assert_eq!(met.summary(today, &cal), "Met: was due 3 January 2027");
    // Recorded on 6 January, after it was due: done, and the panel says it was late.
    let late = s36_of(&valid().with_date("s36.date", "6", "1", "2027"));
    assert_eq!(late.status(today), Status::Done);
    assert_eq!(
        late.summary(today, &cal),
        "Done late: on 6 January 2027, was due 3 January 2027"
    );
    // Finalising met the PGA itself (PGA-2), not the S.36 decision.
    let all = pga_form::record_deadlines(&pga, Some(d("2026-12-30")), None, &cal);
    let pga2 = all.iter().find(|x| x.rule_id == RuleId::Pga2).unwrap();
    assert_eq!(pga2.done, Some(d("2026-12-30")));
    assert_eq!(
        s36_form::outcome_label(&valid()),
        Some("Not for Channel: manage in Police-led Partnership")
    );
}
