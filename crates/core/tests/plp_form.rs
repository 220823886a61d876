//! Entry into PLP as a form (issue 5, first slice): PLP-7 entry, the opening DIF, the band
//! against its suggestion (PLP-1..4, PLP-6), sign-off (PLP-5), deadlines and the PGA carry-over.

use chrono::NaiveDate;
use prevent_core::calendar::{Calendar, Division};
use prevent_core::dif::default_framework;
use prevent_core::form::Context;
use prevent_core::validate::validate;
use prevent_core::{plp_form, Answers, RuleId, Severity};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn ctx() -> Context {
    Context::on(d("2027-01-08"))
}

/// A complete entry: after Information Gathering, escalation present (so High is suggested),
/// every other factor absent, High chosen, signed off.
fn valid() -> Answers {
    let mut a = Answers::default()
        .with("case.ctco", "DC Jo Case")
        .with("case.reference", "PCM-2027-0001")
        .with_date("plp.entered", "5", "1", "2027")
        .with("plp.route", "after-ig")
        .with(
            "plp.route_rationale",
            "The S.36 decision was not to refer: consent refused.",
        )
        .with("plp.urgent_mh", "no")
        .with("plp.work_needed", "yes")
        .with("plp.band", "high")
        .with("supervisor.name", "DS Priya Shah")
        .with("supervisor.rank", "sergeant-or-above")
        .with("supervisor.acting", "no")
        .with_date("supervisor.date", "6", "1", "2027")
        .with_choices("declaration.confirm", &["confirmed"]);
    for s in default_framework().sections {
        for f in s.factors {
            let key = format!("dif.{}.{}", s.id, f.id);
            if s.id == "threat" && f.id == "escalation" {
                a = a
                    .with(&format!("{key}.finding"), "present")
                    .with(&format!("{key}.evidence"), "Buying weapon parts (PNC).");
            } else {
                a = a.with(&format!("{key}.finding"), "absent");
            }
        }
    }
    a
}

fn issues(a: &Answers) -> Vec<(Severity, String, String)> {
    let s = plp_form::schema(&default_framework());
    validate(&s, a, &ctx())
        .issues
        .into_iter()
        .map(|i| (i.severity, i.rule_id.id().to_string(), i.path))
        .collect()
}

fn e(rule: &str, path: &str) -> (Severity, String, String) {
    (Severity::Error, rule.into(), path.into())
}

#[test]
fn a_complete_plp_entry_has_no_issues() {
    assert_eq!(issues(&valid()), vec![]);
}

#[test]
fn plp_7_s11_the_entry_route_needs_its_rationale() {
    assert_eq!(
        issues(&valid().with("plp.route_rationale", " ")),
        vec![e("PLP-7", "plp.route_rationale")]
    );
    let mut a = valid();
    a.0.remove("plp.route");
    assert_eq!(issues(&a), vec![e("PLP-7", "plp.route")]);
}

#[test]
fn plp_2_s12_a_band_below_the_suggested_high_needs_a_rationale() {
    let s = plp_form::schema(&default_framework());
    let sug = plp_form::suggestion(&s, &valid());
    assert_eq!(sug.band, Some(prevent_core::deadline::Band::High));
    assert!(sug
        .triggers
        .iter()
        .any(|t| t.rule_id == RuleId::Plp2 && t.reason.contains("escalation")));
    assert_eq!(
        issues(&valid().with("plp.band", "standard")),
        vec![e("PLP-2", "plp.band")]
    );
    assert_eq!(
        issues(&valid().with("plp.band", "standard").with(
            "plp.band_rationale",
            "Escalation mitigated by the family's support."
        )),
        vec![]
    );
}

#[test]
fn plp_4_s12_no_case_enters_plp_as_monitored() {
    assert_eq!(
        issues(&valid().with("plp.band", "monitored")),
        vec![e("PLP-4", "plp.band")]
    );
    assert!(plp_form::option_unavailable("plp.band", "monitored").is_some());
    assert!(plp_form::option_unavailable("plp.band", "high").is_none());
}

#[test]
fn plp_1_s12_every_plp_case_has_a_band() {
    let mut a = valid();
    a.0.remove("plp.band");
    assert_eq!(issues(&a), vec![e("PLP-1", "plp.band")]);
}

#[test]
fn plp_6_s12_pursue_relevance_warns_to_escalate_through_the_fimu() {
    let a = valid()
        .with("dif.threat.pursue.finding", "present")
        .with("dif.threat.pursue.evidence", "FIMU: Pursue interest.");
    let got = issues(&a);
    assert_eq!(
        got,
        vec![(Severity::Warning, "PLP-6".into(), "plp.band".into())]
    );
}

#[test]
fn plp_5_s12_the_first_review_is_due_by_band_and_the_fimu_summary_in_3_months() {
    let s = plp_form::schema(&default_framework());
    let cal = Calendar::of(Division::EnglandAndWales);
    let due = |band: &str| {
        plp_form::deadlines(&s, &valid().with("plp.band", band), &cal)
            .iter()
            .map(|x| (x.rule_id.id(), x.due))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        due("high"),
        vec![("PLP-5", d("2027-02-02")), ("INT-1", d("2027-04-05"))]
    );
    assert_eq!(
        due("standard"),
        vec![("PLP-5", d("2027-03-02")), ("INT-1", d("2027-04-05"))]
    );
}

#[test]
fn plp_7_s11_a_case_from_a_gateway_decision_carries_its_reference_ctco_and_dif() {
    let pga = Answers::default()
        .with("case.reference", "PCM-2026-0103")
        .with("case.ctco", "DC Jo Case")
        .with("decision.outcome", "straight-to-plp")
        .with("dif.threat.harm.finding", "present")
        .with("dif.threat.harm.evidence", "Threats made.")
        .with("dif.framework", "ctp-default version 1");
    let a = plp_form::from_pga(&pga);
    assert_eq!(a.text("case.reference"), Some("PCM-2026-0103"));
    assert_eq!(a.text("case.ctco"), Some("DC Jo Case"));
    assert_eq!(a.text("plp.route"), Some("gateway"));
    assert_eq!(a.text("dif.threat.harm.finding"), Some("present"));
    assert_eq!(a.text("dif.threat.harm.evidence"), Some("Threats made."));
    assert_eq!(
        a.get("decision.outcome"),
        None,
        "the PGA's decision stays with the PGA"
    );
    assert_eq!(
        a.get("dif.framework"),
        None,
        "the PLP case records its own framework"
    );
}

/// A complete reassessment on 2 March 2027 of the case above: the escalation has gone (every
/// factor absent), so nothing calls for PLP work; Monitored, de-escalated, CMP updated.
fn review() -> Answers {
    let mut a = plp_form::start_review(&valid(), "case-1")
        .with_date("plp.review_date", "2", "3", "2027")
        .with("plp.urgent_mh", "no")
        .with("plp.work_needed", "no")
        .with("plp.band", "monitored")
        .with("plp.monitored_reason", "de-escalated")
        .with("plp.monitored_every", "6-weeks")
        .with(
            "plp.monitored_every_rationale",
            "Agreed with DS Shah: six weeks, then exit if still settled.",
        )
        .with("plp.cmp", "yes")
        .with("supervisor.name", "DS Priya Shah")
        .with("supervisor.rank", "sergeant-or-above")
        .with("supervisor.acting", "no")
        .with_date("supervisor.date", "3", "3", "2027")
        .with_choices("declaration.confirm", &["confirmed"]);
    a = a.with("dif.threat.escalation.finding", "absent");
    a
}

fn review_issues(a: &Answers) -> Vec<(Severity, String, String)> {
    let s = plp_form::review_schema(&default_framework());
    let c = Context::on(d("2027-03-10"));
    validate(&s, a, &c)
        .issues
        .into_iter()
        .map(|i| (i.severity, i.rule_id.id().to_string(), i.path))
        .collect()
}

#[test]
fn plp_5_s12_a_reassessment_starts_from_the_last_dif_and_links_to_its_case() {
    let a = plp_form::start_review(&valid(), "case-1");
    assert_eq!(a.text(plp_form::CASE_FIELD), Some("case-1"));
    assert_eq!(a.text("dif.threat.escalation.finding"), Some("present"));
    assert_eq!(a.text("case.ctco"), Some("DC Jo Case"));
    assert_eq!(a.get("plp.band"), None, "the band is decided afresh");
    assert_eq!(a.get("supervisor.date"), None, "and signed off afresh");
}

#[test]
fn plp_4_s12_a_reassessment_may_be_monitored_with_its_reason() {
    assert_eq!(review_issues(&review()), vec![]);
    let mut a = review();
    a.0.remove("plp.monitored_reason");
    assert_eq!(review_issues(&a), vec![e("PLP-4", "plp.monitored_reason")]);
}

#[test]
fn plp_5_s12_s14_a_reassessment_updates_the_cmp() {
    assert_eq!(
        review_issues(&review().with("plp.cmp", "no")),
        vec![e("PLP-5", "plp.cmp")]
    );
}

#[test]
fn plp_2_s12_a_reassessment_below_a_high_suggestion_needs_a_rationale() {
    let a = review()
        .with("dif.threat.escalation.finding", "present")
        .with("dif.threat.escalation.evidence", "Still buying parts.")
        .with("plp.band", "standard");
    assert_eq!(review_issues(&a), vec![e("PLP-2", "plp.band")]);
}

#[test]
fn plp_5_s12_the_case_history_bands_and_deadlines_follow_each_reassessment() {
    let entry = plp_form::schema(&default_framework());
    let rs = plp_form::review_schema(&default_framework());
    let r = review();
    let case = plp_form::case_with_reviews(&entry, &valid(), &rs, &[&r]);
    let bands: Vec<_> = case.reviews.iter().map(|x| (x.date, x.band)).collect();
    use prevent_core::deadline::Band;
    assert_eq!(
        bands,
        vec![
            (d("2027-01-05"), Band::High),
            (d("2027-03-02"), Band::Monitored)
        ]
    );
    let cal = Calendar::of(Division::EnglandAndWales);
    let due: Vec<_> = prevent_core::plp_case::deadlines(&case, &cal)
        .iter()
        .map(|x| (x.rule_id.id(), x.due))
        .collect();
    // Monitored, reassessed every 6 weeks as decided with the supervisor (PLP-12): 13 April.
    assert_eq!(due[0], ("PLP-5", d("2027-04-13")));
    assert!(prevent_core::plp_case::validate(&case)
        .iter()
        .all(|i| i.severity != Severity::Error));
}

fn closure() -> Answers {
    Answers::default()
        .with("case.ctco", "DC Jo Case")
        .with_date("plp.closed", "29", "6", "2027")
        .with("closure.code", "risk-reduced")
        .with("closure.dif", "yes")
        .with("closure.risk", "no")
        .with(plp_form::BAND_FIELD, "monitored")
        .with("supervisor.name", "DS Priya Shah")
        .with("supervisor.rank", "sergeant-or-above")
        .with("supervisor.acting", "no")
        .with_date("supervisor.date", "28", "6", "2027")
        .with("supervisor.approved", "yes")
        .with_choices("declaration.confirm", &["confirmed"])
}

fn closure_issues(a: &Answers) -> Vec<(Severity, String, String)> {
    let s = plp_form::closure_schema();
    let c = Context::on(d("2027-07-01"));
    validate(&s, a, &c)
        .issues
        .into_iter()
        .map(|i| (i.severity, i.rule_id.id().to_string(), i.path))
        .collect()
}

#[test]
fn plp_9_plp_10_s13_a_closure_has_a_code_a_supervised_closing_dif_and_rpc_authority_when_risk_remains(
) {
    assert_eq!(closure_issues(&closure()), vec![]);
    let mut no_code = closure();
    no_code.0.remove("closure.code");
    assert_eq!(closure_issues(&no_code), vec![e("PLP-9", "closure.code")]);
    assert_eq!(
        closure_issues(&closure().with("closure.dif", "no")),
        vec![e("PLP-10", "closure.dif")]
    );
    assert_eq!(
        closure_issues(
            &closure()
                .with("closure.risk", "yes")
                .with("closure.rpc", "no")
        ),
        vec![
            e("PLP-10", "closure.rpc"),
            e("PLP-10", "closure.justification")
        ]
    );
    assert_eq!(
        closure_issues(
            &closure()
                .with("closure.risk", "yes")
                .with("closure.rpc", "yes")
                .with(
                    "closure.justification",
                    "Subject emigrated; escalation not possible."
                )
        ),
        vec![]
    );
}

#[test]
fn plp_11_s13_a_closed_case_is_reviewed_at_6_and_12_months() {
    let entry = plp_form::schema(&default_framework());
    let rs = plp_form::review_schema(&default_framework());
    let mut case = plp_form::case_with_reviews(&entry, &valid(), &rs, &[]);
    let (date, c) = plp_form::closure_of(&closure());
    case.closure = Some((date.unwrap(), c));
    let cal = Calendar::of(Division::EnglandAndWales);
    let due: Vec<_> = prevent_core::plp_case::deadlines(&case, &cal)
        .iter()
        .map(|x| (x.rule_id.id(), x.due))
        .collect();
    assert_eq!(
        due,
        vec![("PLP-11", d("2028-01-06")), ("PLP-11", d("2028-07-06"))]
    );
}

fn panel() -> Answers {
    Answers::default()
        .with("case.ctco", "DC Jo Case")
        .with_date("panel.date", "26", "1", "2027")
        .with("panel.chair_name", "DS Priya Shah")
        .with("panel.chair_police", "yes")
        .with("panel.chair_rank", "yes")
        .with("panel.chair_managing", "no")
        .with(
            "panel.attendees",
            "School DSL and youth worker: they know the subject.",
        )
        .with("panel.channel_aob", "no")
        .with("panel.after_channel", "no")
        .with_choices("declaration.confirm", &["confirmed"])
}

fn panel_issues(a: &Answers) -> Vec<(Severity, String, String)> {
    let s = plp_form::panel_schema();
    validate(&s, a, &ctx())
        .issues
        .into_iter()
        .map(|i| (i.severity, i.rule_id.id().to_string(), i.path))
        .collect()
}

#[test]
fn plp_8_s11_a_panel_is_police_chaired_with_attendees_reasoned_and_never_channel_aob() {
    assert_eq!(panel_issues(&panel()), vec![]);
    assert_eq!(
        panel_issues(&panel().with("panel.chair_police", "no")),
        vec![e("PLP-8", "panel.chair_police")]
    );
    let w = |p: &str| (Severity::Warning, "PLP-8".to_string(), p.to_string());
    assert_eq!(
        panel_issues(
            &panel()
                .with("panel.chair_rank", "no")
                .with("panel.chair_managing", "yes")
        ),
        vec![w("panel.chair_rank"), w("panel.chair_managing")]
    );
    assert_eq!(
        panel_issues(&panel().with("panel.attendees", " ")),
        vec![e("PLP-8", "panel.attendees")]
    );
    assert_eq!(
        panel_issues(&panel().with("panel.channel_aob", "yes")),
        vec![e("PLP-8", "panel.channel_aob")]
    );
}

#[test]
fn sup_1_plp_8_s11_a_panel_names_its_chair_who_is_not_the_managing_ctco_wherever_possible() {
    assert_eq!(
        panel_issues(&panel().with("panel.chair_name", " ")),
        vec![e("SUP-1", "panel.chair_name")]
    );
    // The chair has the recording CTCO's name (any case): a warning, as s11 says "wherever
    // possible".
    assert_eq!(
        panel_issues(&panel().with("panel.chair_name", "dc jo case ")),
        vec![(
            Severity::Warning,
            "PLP-8".to_string(),
            "panel.chair_name".to_string()
        )]
    );
}

#[test]
fn plp_5_s12_the_next_dif_is_due_before_a_panel_that_is_sooner() {
    let entry = plp_form::schema(&default_framework());
    let rs = plp_form::review_schema(&default_framework());
    let mut case = plp_form::case_with_reviews(&entry, &valid(), &rs, &[]);
    let cal = Calendar::of(Division::EnglandAndWales);
    let next = |case: &prevent_core::plp_case::PlpCase| {
        let x = &prevent_core::plp_case::deadlines(case, &cal)[0];
        (x.rule_id, x.due)
    };
    // High from 5 January: the opening DIF serves the panel on 26 January (decision 0003), so
    // the next DIF is due by the 4 weeks, on 2 February.
    case.panels.push(plp_form::panel_of(&panel()).unwrap());
    assert_eq!(next(&case), (RuleId::Plp5, d("2027-02-02")));
    // A second panel on 29 January has no DIF since the first: the next is due before it.
    let second = panel().with_date("panel.date", "29", "1", "2027");
    case.panels.push(plp_form::panel_of(&second).unwrap());
    assert_eq!(next(&case), (RuleId::Plp5, d("2027-01-29")));
}

fn submission() -> Answers {
    Answers::default()
        .with("case.ctco", "DC Jo Case")
        .with_date("fimu.date", "3", "2", "2027")
        .with("fimu.kind", "summary")
        .with("fimu.direction", "de-escalating")
        .with_choices("declaration.confirm", &["confirmed"])
}

fn submission_issues(a: &Answers, today: &str) -> Vec<(Severity, String, String)> {
    let s = plp_form::submission_schema();
    let ctx = Context::on(d(today));
    validate(&s, a, &ctx)
        .issues
        .into_iter()
        .map(|i| (i.severity, i.rule_id.id().to_string(), i.path))
        .collect()
}

#[test]
fn int_1_s9_every_submission_states_whether_the_risk_is_escalating_de_escalating_or_static() {
    assert_eq!(submission_issues(&submission(), "2027-02-03"), []);
    let mut no_direction = submission();
    no_direction.set("fimu.direction", prevent_core::Answer::Text(String::new()));
    let s = plp_form::submission_schema();
    let report = validate(&s, &no_direction, &ctx());
    let issue = report
        .issues
        .iter()
        .find(|i| i.path == "fimu.direction")
        .expect("the direction is required");
    assert_eq!(
        (issue.rule_id.id(), issue.section.as_str()),
        ("INT-1", "s9")
    );
    assert!(issue
        .message
        .contains("escalating, de-escalating or static"));
    // A submission is made, not planned: a date after today is refused.
    assert_eq!(
        submission_issues(&submission(), "2027-02-02"),
        [(
            Severity::Error,
            "INT-1".to_string(),
            "fimu.date".to_string()
        )]
    );
}

#[test]
fn int_1_s9_a_recorded_submission_restarts_the_3_month_summary_count() {
    let entry = plp_form::schema(&default_framework());
    let rs = plp_form::review_schema(&default_framework());
    let mut case = plp_form::case_with_reviews(&entry, &valid(), &rs, &[]);
    let cal = Calendar::of(Division::EnglandAndWales);
    let int1 = |case: &prevent_core::plp_case::PlpCase| {
        prevent_core::plp_case::deadlines(case, &cal)
            .into_iter()
            .find(|x| x.rule_id == RuleId::Int1)
            .map(|x| (x.start, x.due))
    };
    // From entry on 5 January 2027 until something is submitted.
    assert_eq!(int1(&case), Some((d("2027-01-05"), d("2027-04-05"))));
    case.fimu_submissions
        .push(plp_form::submission_of(&submission()).unwrap());
    assert_eq!(int1(&case), Some((d("2027-02-03"), d("2027-05-03"))));
    assert_eq!(
        plp_form::submission_summary(&submission().with("fimu.reference", " FIMU/27/0042 ")),
        "The 3-monthly summary (nothing else was submitted). Risk: de-escalating. Reference: FIMU/27/0042"
    );
    // Without a date there is nothing to count from.
    let mut undated = submission();
    undated.set("fimu.date", prevent_core::Answer::Date(Default::default()));
    assert_eq!(plp_form::submission_of(&undated), None);
}

#[test]
fn plp_5_s12_an_officer_reads_each_plp_message_with_its_rule_and_section() {
    // Issue 18: PLP messages carry their rule and section, as the PGA's do.
    let s = plp_form::review_schema(&default_framework());
    let c = Context::on(d("2027-03-10"));
    let report = validate(&s, &review().with("plp.cmp", "no"), &c);
    let cmp = report.error_for("plp.cmp").unwrap();
    assert_eq!(
        cmp.cited(),
        "Each reassessment updates the Case Management Plan: update it before you record the reassessment (PLP-5, s12, s14)"
    );
    // Every issue of an empty entry, reassessment, panel and closure cites its rule once.
    for schema in [
        plp_form::schema(&default_framework()),
        s,
        plp_form::panel_schema(),
        plp_form::closure_schema(),
        plp_form::transfer_schema(&default_framework()),
    ] {
        let report = validate(&schema, &Answers::default(), &c);
        assert!(!report.issues.is_empty(), "{}", schema.id);
        for i in &report.issues {
            let cited = i.cited();
            assert_eq!(
                cited.matches(i.rule_id.id()).count(),
                1,
                "{}: {cited}",
                schema.id
            );
            assert!(
                cited.ends_with(&format!("{}, {})", i.rule_id.id(), i.section))
                    || i.message.contains(i.rule_id.id()),
                "{}: {cited}",
                schema.id
            );
        }
    }
}

#[test]
fn pga_15_a_message_citing_its_section_alone_gets_its_rule_inside_that_citation() {
    use prevent_core::Issue;
    let section_only = Issue::new(
        "supervisor.approved",
        Severity::Error,
        RuleId::Pga15,
        "The S.36 decision is recorded once the supervisor approves its rationale: record it when they have (s6)",
    )
    .citing("s6");
    assert_eq!(
        section_only.cited(),
        "The S.36 decision is recorded once the supervisor approves its rationale: record it when they have (PGA-15, s6)"
    );
    let already = Issue::new(
        "decision.outcome",
        Severity::Error,
        RuleId::Pga7,
        "Only Dovetail areas refer cases to the LACC at PGA (PGA-7, s8, s10)",
    );
    assert_eq!(already.cited(), already.message);
    // FORM-1, a text's length, is a form mechanic with no section: nothing to cite.
    let length = Issue::new(
        "s36.rationale",
        Severity::Error,
        RuleId::Form1,
        "Rationale for the decision must be 5000 characters or fewer",
    );
    assert_eq!(length.cited(), length.message);
}

/// SUP-1 (s6, s14) on every PLP sign-off: the entry, a reassessment and the closure each record
/// who signed, their rank and the date, and each refuses the managing CTCO, a Constable, an
/// unapproved acting rank, and (for a DIF) a sign-off before the work it signs.
#[test]
fn sup_1_pga_16_s6_s14_every_plp_sign_off_has_a_supervising_rank_and_is_not_the_ctco() {
    type Issues = fn(&Answers) -> Vec<(Severity, String, String)>;
    let forms: [(&str, Answers, Issues, Option<(&str, &str)>); 3] = [
        ("entry", valid(), issues, Some(("plp.entered", "1"))),
        (
            "reassessment",
            review(),
            review_issues,
            Some(("plp.review_date", "3")),
        ),
        ("closure", closure(), closure_issues, None),
    ];
    for (name, a, check, dated) in forms {
        assert_eq!(check(&a), vec![], "{name}: as given");
        assert_eq!(
            check(&a.clone().with("supervisor.name", " dc jo case ")),
            vec![e("PGA-16", "supervisor.name")],
            "{name}: the managing CTCO signs off their own work"
        );
        assert_eq!(
            check(&a.clone().with("supervisor.rank", "constable")),
            vec![e("PGA-16", "supervisor.rank")],
            "{name}: a Constable"
        );
        assert_eq!(
            check(&a.clone().with("supervisor.rank", "police-staff")),
            vec![e("PGA-16", "supervisor.rank")],
            "{name}: the lowest police staff grades"
        );
        assert_eq!(
            check(&a.clone().with("supervisor.rank", "staff-supervisor")),
            vec![],
            "{name}: a police staff CTCO supervisor"
        );
        assert_eq!(
            check(&a.clone().with("supervisor.acting", "yes")),
            vec![e("SUP-1", "supervisor.acting_approved")],
            "{name}: an acting rank, approval not said"
        );
        assert_eq!(
            check(
                &a.clone()
                    .with("supervisor.acting", "yes")
                    .with("supervisor.acting_approved", "no")
            ),
            vec![e("PGA-16", "supervisor.acting_approved")],
            "{name}: an acting rank the force has not approved"
        );
        let mut no_rank = a.clone();
        no_rank.0.remove("supervisor.rank");
        assert_eq!(
            check(&no_rank),
            vec![e("SUP-1", "supervisor.rank")],
            "{name}: who, rank and date are all recorded"
        );
        if let Some((field, month)) = dated {
            // Signed off the day before the work it signs (the entry on 5 January, the
            // reassessment's DIF on 2 March).
            let day = if field == "plp.entered" { "4" } else { "1" };
            let early = a.clone().with_date("supervisor.date", day, month, "2027");
            assert_eq!(
                check(&early),
                vec![e("SUP-1", "supervisor.date")],
                "{name}: signed off before the work it signs"
            );
        }
    }
    // s13: the closure is authorised by the supervisor; without it the case does not close.
    assert_eq!(
        closure_issues(&closure().with("supervisor.approved", "no")),
        vec![e("PLP-10", "supervisor.approved")]
    );
    let s = plp_form::closure_schema();
    let report = validate(
        &s,
        &closure().with("supervisor.name", "DC Jo Case"),
        &Context::on(d("2027-07-01")),
    );
    assert_eq!(
        report
            .error_for("supervisor.name")
            .map(|i| i.cited())
            .as_deref(),
        Some("The supervisor cannot be the CTCO who manages the case (PGA-16, s14)")
    );
}

#[test]
fn plp_14_s12_only_intelligence_that_the_risk_is_escalating_counts_as_a_significant_change() {
    let base = Answers::default().with_date("fimu.date", "3", "2", "2027");
    let cases = [
        ("intelligence", "escalating", true),
        ("intelligence", "static", false),
        ("intelligence", "de-escalating", false),
        ("assessment", "escalating", false),
        ("summary", "escalating", false),
    ];
    for (kind, direction, counts) in cases {
        let a = base
            .clone()
            .with("fimu.kind", kind)
            .with("fimu.direction", direction);
        assert_eq!(
            plp_form::escalation_of(&a),
            counts.then(|| d("2027-02-03")),
            "{kind}, {direction}"
        );
    }
}

#[test]
fn plp_12_s12_the_closure_carries_the_band_and_refuses_codes_that_must_wait_for_monitored() {
    assert_eq!(closure_issues(&closure()), vec![], "from Monitored");
    let high = closure().with(plp_form::BAND_FIELD, "high");
    assert_eq!(closure_issues(&high), vec![e("PLP-12", "closure.code")]);
    for (code, refused) in [
        ("deceased", false),
        ("not-located", false),
        ("pursue", false),
        ("no-ct-concern", true),
        ("non-ct-onwards", true),
        ("risk-reduced", true),
        ("into-channel", true),
    ] {
        assert_eq!(
            plp_form::closure_code_unavailable(&high, code).is_some(),
            refused,
            "{code} from High"
        );
        assert_eq!(
            plp_form::closure_code_unavailable(&closure(), code),
            None,
            "{code} from Monitored"
        );
    }
    // Exit into Channel (s12) is a closure code of its own, from Monitored.
    assert_eq!(
        closure_issues(&closure().with("closure.code", "into-channel")),
        vec![]
    );
    assert_eq!(
        plp_form::closure_code_unavailable(&high, "risk-reduced").as_deref(),
        Some("the case is High (Red): it leaves PLP through Monitored first (PLP-12, s12)")
    );
}

#[test]
fn plp_12_s12_a_monitored_reassessment_decides_and_justifies_its_frequency_and_the_next_dif_follows_it(
) {
    assert_eq!(review_issues(&review()), vec![]);
    let mut a = review();
    a.0.remove("plp.monitored_every");
    a.0.remove("plp.monitored_every_rationale");
    assert_eq!(
        review_issues(&a),
        vec![
            e("PLP-12", "plp.monitored_every"),
            e("PLP-12", "plp.monitored_every_rationale")
        ]
    );
    // Not asked for High or Standard.
    let standard = a
        .clone()
        .with("plp.band", "standard")
        .with("plp.band_rationale", "Work agreed with the supervisor.");
    assert!(review_issues(&standard)
        .iter()
        .all(|(_, _, path)| !path.starts_with("plp.monitored_every")));
    // The next DIF is due at the chosen frequency: reviewed on 2 March 2027, every 6 weeks.
    let s = plp_form::review_schema(&default_framework());
    let r = plp_form::review_of(&s, &review()).unwrap();
    assert_eq!(
        r.monitored_every,
        Some(prevent_core::deadline::Every::Weeks(6))
    );
    let due = prevent_core::deadline::plp_review_due_every(r.band, r.monitored_every, r.date, None);
    assert_eq!(due.due, d("2027-04-13"));
    assert!(due.rule.contains("every 6 weeks"), "{}", due.rule);
    // Every 3 months is the band's own cadence; a panel sooner than the cadence comes first.
    let three = prevent_core::deadline::plp_review_due_every(
        r.band,
        Some(prevent_core::deadline::Every::Months(3)),
        r.date,
        Some(d("2027-04-01")),
    );
    assert_eq!(
        (three.due, three.title),
        (d("2027-04-01"), "PLP review (before the panel)")
    );
}

#[test]
fn plp_13_s11_a_panel_that_has_met_has_its_minutes_and_actions() {
    let s = plp_form::panel_schema();
    let on = |day: &str, a: &Answers| {
        validate(&s, a, &Context::on(d(day)))
            .issues
            .into_iter()
            .map(|i| (i.severity, i.rule_id.id().to_string(), i.path))
            .collect::<Vec<_>>()
    };
    // Set for 26 January: recorded before it meets, or on the day, without them.
    assert_eq!(on("2027-01-08", &panel()), vec![]);
    assert_eq!(on("2027-01-26", &panel()), vec![]);
    // Once it has met, both.
    assert_eq!(
        on("2027-01-27", &panel()),
        vec![e("PLP-13", "panel.minutes"), e("PLP-13", "panel.actions")]
    );
    let recorded = panel()
        .with("panel.minutes", "Reviewed the CMP.")
        .with("panel.actions", "  ");
    assert_eq!(
        on("2027-01-27", &recorded),
        vec![e("PLP-13", "panel.actions")]
    );
    assert_eq!(
        on(
            "2027-01-27",
            &recorded.with("panel.actions", "CTCO to visit.")
        ),
        vec![]
    );
}

#[test]
fn plp_13_s11_a_panel_straight_after_a_channel_panel_never_overlaps_it() {
    let s = plp_form::panel_schema();
    let on = |day: &str, a: &Answers| {
        validate(&s, a, &Context::on(d(day)))
            .issues
            .into_iter()
            .map(|i| (i.severity, i.rule_id.id().to_string(), i.path))
            .collect::<Vec<_>>()
    };
    let met = panel()
        .with("panel.minutes", "Reviewed the CMP.")
        .with("panel.actions", "CTCO to visit.");
    let after = met.clone().with("panel.after_channel", "yes");
    let handover = |v: &str| after.clone().with("panel.channel_handover", v);
    type Found = Vec<(Severity, String, String)>;
    let none: Found = vec![];
    let rows: [(&str, &str, Answers, Found); 7] = [
        (
            "whether it follows a Channel panel is asked",
            "2027-01-08",
            {
                let mut a = met.clone();
                a.0.remove("panel.after_channel");
                a
            },
            vec![e("PLP-13", "panel.after_channel")],
        ),
        (
            "not after a Channel panel: nothing more",
            "2027-01-27",
            met.clone(),
            none.clone(),
        ),
        (
            "set ahead of the day: the handover can wait",
            "2027-01-08",
            after.clone(),
            none.clone(),
        ),
        (
            "once met, the handover is answered",
            "2027-01-27",
            after.clone(),
            vec![e("PLP-13", "panel.channel_handover")],
        ),
        (
            "stated and minuted",
            "2027-01-27",
            handover("yes"),
            none.clone(),
        ),
        (
            "not stated or not minuted: refused",
            "2027-01-27",
            handover("no"),
            vec![e("PLP-13", "panel.channel_handover")],
        ),
        (
            "refused ahead of the day too",
            "2027-01-08",
            handover("no"),
            vec![e("PLP-13", "panel.channel_handover")],
        ),
    ];
    for (name, day, answers, want) in rows {
        assert_eq!(on(day, &answers), want, "{name}");
    }
    // Hidden once the panel does not follow a Channel panel.
    assert_eq!(
        on(
            "2027-01-27",
            &handover("no").with("panel.after_channel", "no")
        ),
        none
    );
    let refused = validate(&s, &handover("no"), &Context::on(d("2027-01-27")));
    assert_eq!(
        refused.issues[0].cited(),
        "There must be no overlap between Channel and PLP cases: each chair states when their panel ends or begins, in both sets of minutes (PLP-13, s11)"
    );
}
