//! A PLP case over time (`plp_case`): the rules over the whole history, named by rule id and
//! section, each with passing and failing cases (PLP-1..10); a lifecycle High -> Standard ->
//! Monitored -> closed with the band in force and the deadlines (PLP-5, INT-1, PLP-11) after
//! each step; and the case timeline (spans, items, overdue, range). The readings these tests
//! pin (which DIF serves a panel, Monitored below High) are in docs/decisions/0003-plp-entry.md.

use chrono::NaiveDate;
use prevent_core::calendar::{Calendar, Division};
use prevent_core::deadline::{Band, Every, Status};
use prevent_core::dif::{Finding, Record, Recorded};
use prevent_core::plp::{BandingInputs, Closure, ClosureCode, EntryRoute, MonitoredReason, Panel};
use prevent_core::plp_case::*;
use prevent_core::RuleId;
use prevent_core::Severity::{self, Error, Warning};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn ew() -> Calendar<'static> {
    Calendar::of(Division::EnglandAndWales)
}

/// A DIF with these factors present (and one recorded absent, which never counts).
fn dif(present: &[&str]) -> Record {
    let mut factors: std::collections::BTreeMap<String, Recorded> = present
        .iter()
        .map(|k| {
            (
                k.to_string(),
                Recorded {
                    finding: Finding::Present,
                    evidence: "seen".into(),
                },
            )
        })
        .collect();
    factors
        .entry("threat.mobilisation".into())
        .or_insert(Recorded {
            finding: Finding::Absent,
            evidence: String::new(),
        });
    Record {
        framework: "ctp-default".into(),
        framework_version: 1,
        factors,
    }
}

/// A complete review: CMP updated, signed off the same day, no rationale.
fn review(date: &str, present: &[&str], band: Band) -> Review {
    Review {
        date: d(date),
        dif: dif(present),
        inputs: BandingInputs::default(),
        band,
        monitored_reason: None,
        monitored_every: None,
        rationale: String::new(),
        cmp_updated: true,
        signed_off: Some(d(date)),
    }
}

fn good_panel() -> Panel {
    Panel {
        chair_is_police: true,
        chair_supervisory: true,
        chair_is_managing_ctco: false,
        attendees_rationale: "LA safeguarding lead and probation: current contact".into(),
        as_channel_aob: false,
    }
}

fn panel(date: &str) -> PanelMeeting {
    PanelMeeting {
        date: d(date),
        panel: good_panel(),
        minutes: "Reviewed the CMP".into(),
        actions: "CTCO to visit".into(),
    }
}

fn good_closure() -> Closure {
    Closure {
        band: None,
        code: Some(ClosureCode::RiskReduced),
        closing_dif_supervised: true,
        ct_risk_remaining: false,
        rpc_authority: false,
        justification: String::new(),
    }
}

/// The lifecycle: enters High on Monday 5 January 2026 (escalation factor present), reassessed
/// to Standard on 2 February, to Monitored (de-escalated) on 30 March, closed on Monday 29 June
/// 2026 (risk reduced, supervised closing DIF). Panels on 26 January, 16 March and 15 June
/// (each sooner than the cadence date of the review before it); FIMU submissions on 3 February
/// and 20 April.
fn lifecycle() -> PlpCase {
    PlpCase {
        case_reference: "PLP/2026/0001".into(),
        route: Some(EntryRoute::FromGatewayDecision),
        route_rationale: "DIF shows escalating consumption of extremist material".into(),
        reviews: vec![
            review(
                "2026-01-05",
                &["threat.escalation", "engagement.grievance"],
                Band::High,
            ),
            review("2026-02-02", &["engagement.grievance"], Band::Standard),
            Review {
                monitored_reason: Some(MonitoredReason::DeEscalated),
                monitored_every: None,
                ..review("2026-03-30", &[], Band::Monitored)
            },
        ],
        panels: vec![
            panel("2026-01-26"),
            panel("2026-03-16"),
            panel("2026-06-15"),
        ],
        fimu_submissions: vec![d("2026-02-03"), d("2026-04-20")],
        closure: Some((d("2026-06-29"), good_closure())),
        transfer: Default::default(),
    }
}

/// The case as recorded on `day`: the reviews, panels, submissions and closure up to that day,
/// and the next panel, already set.
fn as_of(case: &PlpCase, day: &str) -> PlpCase {
    let day = d(day);
    let next_panel = case
        .panels
        .iter()
        .map(|p| p.date)
        .filter(|p| *p > day)
        .min();
    PlpCase {
        panels: case
            .panels
            .iter()
            .filter(|p| p.date <= day || Some(p.date) == next_panel)
            .cloned()
            .collect(),
        reviews: case
            .reviews
            .iter()
            .filter(|r| r.date <= day)
            .cloned()
            .collect(),
        fimu_submissions: case
            .fimu_submissions
            .iter()
            .copied()
            .filter(|s| *s <= day)
            .collect(),
        closure: case.closure.clone().filter(|(c, _)| *c <= day),
        ..case.clone()
    }
}

type Expected = &'static [(&'static str, &'static str, &'static str, Severity)];
type Row = (&'static str, fn(&mut PlpCase), Expected);

/// (path, rule id, section, severity) of every issue, in order.
fn issues(case: &PlpCase) -> Vec<(String, String, String, Severity)> {
    validate(case)
        .into_iter()
        .map(|i| (i.path, i.rule_id.id().to_string(), i.section, i.severity))
        .collect()
}

/// Runs each row: the lifecycle, changed by the row's function, gives exactly these issues
/// (besides PLP-13's missed reassessments, which a changed band or a removed DIF brings with it
/// and which have their own table below).
fn check_rows(rows: &[Row]) {
    for (name, change, expected) in rows {
        let mut case = lifecycle();
        change(&mut case);
        let want: Vec<(String, String, String, Severity)> = expected
            .iter()
            .map(|(p, r, s, sev)| (p.to_string(), r.to_string(), s.to_string(), *sev))
            .collect();
        let mut got = issues(&case);
        if !expected.iter().any(|(_, r, _, _)| *r == "PLP-13") {
            got.retain(|(_, r, _, _)| r != "PLP-13");
        }
        assert_eq!(got, want, "{name}");
    }
}

#[test]
fn the_lifecycle_validates_clean() {
    assert_eq!(issues(&lifecycle()), []);
    // And at every point of its history.
    for day in ["2026-01-05", "2026-02-02", "2026-03-30", "2026-06-29"] {
        assert_eq!(issues(&as_of(&lifecycle(), day)), [], "as of {day}");
    }
}

#[test]
fn plp_7_s11_entry_route_and_its_rationale() {
    check_rows(&[
        ("route and rationale given", |_| {}, &[]),
        (
            "no route",
            |c| c.route = None,
            &[("entry", "PLP-7", "s11", Error)],
        ),
        (
            "from the Gateway Decision without rationale",
            |c| c.route_rationale = "  ".into(),
            &[("entry_rationale", "PLP-7", "s11", Error)],
        ),
        (
            "after Information Gathering without rationale",
            |c| {
                c.route = Some(EntryRoute::AfterInformationGathering);
                c.route_rationale.clear();
            },
            &[("entry_rationale", "PLP-7", "s11", Error)],
        ),
        (
            "after Information Gathering with rationale",
            |c| c.route = Some(EntryRoute::AfterInformationGathering),
            &[],
        ),
        (
            "out of Channel without rationale",
            |c| {
                c.route = Some(EntryRoute::OutOfChannel);
                c.route_rationale.clear();
            },
            &[("entry_rationale", "PLP-7", "s11", Error)],
        ),
        (
            "out of Channel with rationale",
            |c| c.route = Some(EntryRoute::OutOfChannel),
            &[],
        ),
    ]);
}

#[test]
fn plp_1_s12_a_case_without_reviews_has_no_band() {
    check_rows(&[
        (
            "no reviews, no panels, not closed",
            |c| {
                c.reviews.clear();
                c.panels.clear();
                c.closure = None;
            },
            &[("reviews.0.band", "PLP-1", "s12", Error)],
        ),
        (
            "no reviews but panels: each panel lacks its review too",
            |c| {
                c.reviews.clear();
                c.panels.truncate(1);
                c.closure = None;
            },
            &[
                ("reviews.0.band", "PLP-1", "s12", Error),
                ("panels.0.date", "PLP-5", "s12", Error),
            ],
        ),
        (
            "an entry review is enough",
            |c| {
                c.reviews.truncate(1);
                c.panels.clear();
                c.closure = None;
            },
            &[],
        ),
    ]);
    let empty = PlpCase {
        case_reference: String::new(),
        route: None,
        route_rationale: String::new(),
        reviews: vec![],
        panels: vec![],
        fimu_submissions: vec![],
        closure: None,
        transfer: Default::default(),
    };
    assert_eq!(
        issues(&empty)
            .iter()
            .map(|i| (i.0.as_str(), i.1.as_str()))
            .collect::<Vec<_>>(),
        [("entry", "PLP-7"), ("reviews.0.band", "PLP-1")]
    );
}

#[test]
fn plp_4_s12_monitored_never_at_entry_and_later_only_with_a_reason() {
    check_rows(&[
        (
            "entry as Monitored, even with a reason",
            |c| {
                c.reviews[0].band = Band::Monitored;
                c.reviews[0].monitored_reason = Some(MonitoredReason::DeEscalated);
                c.reviews[0].rationale = "Judged low risk".into();
            },
            &[("reviews.0.band", "PLP-4", "s12", Error)],
        ),
        (
            "entry as Monitored without a reason",
            |c| c.reviews[0].band = Band::Monitored,
            &[("reviews.0.band", "PLP-4", "s12", Error)],
        ),
        (
            "later Monitored without a reason",
            |c| c.reviews[2].monitored_reason = None,
            &[("reviews.2.band", "PLP-4", "s12", Error)],
        ),
        (
            "later Monitored, de-escalated",
            |c| c.reviews[2].monitored_reason = Some(MonitoredReason::DeEscalated),
            &[],
        ),
        (
            "later Monitored, longer observation",
            |c| c.reviews[2].monitored_reason = Some(MonitoredReason::LongerObservation),
            &[],
        ),
        (
            "later Monitored, briefly out of the community",
            |c| c.reviews[2].monitored_reason = Some(MonitoredReason::OutOfCommunity),
            &[],
        ),
        (
            "Monitored at the second review (index 1) is not at entry",
            |c| {
                c.reviews[1].band = Band::Monitored;
                c.reviews[1].monitored_reason = Some(MonitoredReason::LongerObservation);
            },
            &[],
        ),
    ]);
}

#[test]
fn plp_2_plp_3_s12_a_band_other_than_the_suggestion_needs_a_rationale() {
    check_rows(&[
        (
            "entry Standard while the DIF suggests High",
            |c| c.reviews[0].band = Band::Standard,
            &[("reviews.0.band", "PLP-2", "s12", Error)],
        ),
        (
            "entry Standard below High, with rationale",
            |c| {
                c.reviews[0].band = Band::Standard;
                c.reviews[0].rationale = "Escalation mitigated by bail conditions".into();
            },
            &[],
        ),
        (
            "reassessed Standard while escalation is still present",
            |c| c.reviews[1].dif = dif(&["threat.escalation"]),
            &[("reviews.1.band", "PLP-2", "s12", Error)],
        ),
        (
            "reassessed Standard below High, with rationale",
            |c| {
                c.reviews[1].dif = dif(&["threat.escalation"]);
                c.reviews[1].rationale = "Devices seized; no access to material".into();
            },
            &[],
        ),
        (
            "High where the DIF suggests Standard, without rationale",
            |c| c.reviews[1].band = Band::High,
            &[("reviews.1.band", "PLP-3", "s12", Error)],
        ),
        (
            "High where the DIF suggests Standard, with rationale",
            |c| {
                c.reviews[1].band = Band::High;
                c.reviews[1].rationale = "Time-lock: travel booked next month".into();
            },
            &[],
        ),
        (
            "High by professional judgement (an input, not the DIF)",
            |c| {
                c.reviews[1].band = Band::High;
                c.reviews[1].inputs.professional_judgement =
                    Some("Risk to a critical incident".into());
            },
            &[],
        ),
        (
            "Standard by agreement that work is needed, with nothing in the DIF",
            |c| {
                c.reviews[1].dif = dif(&[]);
                c.reviews[1].inputs.agreed_work_needed = true;
            },
            &[],
        ),
    ]);
}

#[test]
fn plp_6_s12_pursue_relevance_warns_at_any_review() {
    check_rows(&[
        (
            "Pursue relevance at the second review, High",
            |c| {
                c.reviews[1].dif = dif(&["threat.pursue"]);
                c.reviews[1].band = Band::High;
            },
            &[("reviews.1.band", "PLP-6", "s12", Warning)],
        ),
        (
            "Pursue relevance at entry, High",
            |c| c.reviews[0].dif = dif(&["threat.pursue"]),
            &[("reviews.0.band", "PLP-6", "s12", Warning)],
        ),
        (
            "Pursue relevance, Standard without rationale: PLP-2 then PLP-6",
            |c| c.reviews[1].dif = dif(&["threat.pursue"]),
            &[
                ("reviews.1.band", "PLP-2", "s12", Error),
                ("reviews.1.band", "PLP-6", "s12", Warning),
            ],
        ),
        ("no Pursue relevance", |_| {}, &[]),
    ]);
}

#[test]
fn plp_5_s12_s14_each_reassessment_updates_the_cmp_and_is_signed_off() {
    check_rows(&[
        (
            "reassessment without CMP update",
            |c| c.reviews[1].cmp_updated = false,
            &[("reviews.1.cmp", "PLP-5", "s12, s14", Error)],
        ),
        (
            "the entry DIF creates the CMP: no update needed",
            |c| c.reviews[0].cmp_updated = false,
            &[],
        ),
        (
            "reassessment without sign-off",
            |c| c.reviews[2].signed_off = None,
            &[("reviews.2.signed_off", "PLP-5", "s12, s14", Error)],
        ),
        (
            "entry DIF without sign-off",
            |c| c.reviews[0].signed_off = None,
            &[("reviews.0.signed_off", "PLP-5", "s12, s14", Error)],
        ),
        (
            "both on one reassessment: CMP first",
            |c| {
                c.reviews[1].cmp_updated = false;
                c.reviews[1].signed_off = None;
            },
            &[
                ("reviews.1.cmp", "PLP-5", "s12, s14", Error),
                ("reviews.1.signed_off", "PLP-5", "s12, s14", Error),
            ],
        ),
        (
            "signed off later than the DIF",
            |c| c.reviews[1].signed_off = Some(d("2026-02-04")),
            &[],
        ),
    ]);
}

#[test]
fn plp_5_s12_a_review_before_every_panel_since_the_previous_one() {
    check_rows(&[
        (
            "a second panel with no review since the first",
            |c| c.panels.insert(1, panel("2026-01-30")),
            &[("panels.1.date", "PLP-5", "s12", Error)],
        ),
        (
            "a panel before the entry DIF",
            |c| c.panels.insert(0, panel("2026-01-02")),
            &[("panels.0.date", "PLP-5", "s12", Error)],
        ),
        (
            "the reassessment between two panels is missing",
            |c| {
                c.reviews.remove(1);
            },
            &[("panels.1.date", "PLP-5", "s12", Error)],
        ),
        (
            "a review on the day of the panel counts",
            |c| c.panels[0].date = d("2026-01-05"),
            &[],
        ),
        (
            "a review on the day after the previous panel counts",
            |c| c.panels[0].date = d("2026-02-01"),
            &[],
        ),
        (
            "a review on the day of the previous panel does not count for the next",
            |c| {
                c.panels[0].date = d("2026-02-02");
                c.panels[1].date = d("2026-03-02");
            },
            &[("panels.1.date", "PLP-5", "s12", Error)],
        ),
    ]);
}

#[test]
fn plp_8_s11_each_panel_checked_with_its_index() {
    check_rows(&[
        (
            "chair not police",
            |c| c.panels[1].panel.chair_is_police = false,
            &[("panels.1.chair", "PLP-8", "s11", Error)],
        ),
        (
            "no attendees rationale",
            |c| c.panels[2].panel.attendees_rationale = " ".into(),
            &[("panels.2.attendees", "PLP-8", "s11", Error)],
        ),
        (
            "heard as AOB of a Channel panel",
            |c| c.panels[0].panel.as_channel_aob = true,
            &[("panels.0.format", "PLP-8", "s11", Error)],
        ),
        (
            "chair below Sergeant and managing the case: warnings",
            |c| {
                c.panels[1].panel.chair_supervisory = false;
                c.panels[1].panel.chair_is_managing_ctco = true;
            },
            &[
                ("panels.1.chair", "PLP-8", "s11", Warning),
                ("panels.1.chair", "PLP-8", "s11", Warning),
            ],
        ),
        (
            "a panel's own issues come before its PLP-5 date issue",
            |c| {
                let mut p = panel("2026-01-02");
                p.panel.as_channel_aob = true;
                c.panels.insert(0, p);
            },
            &[
                ("panels.0.format", "PLP-8", "s11", Error),
                ("panels.0.date", "PLP-5", "s12", Error),
            ],
        ),
        ("every panel good", |_| {}, &[]),
    ]);
}

#[test]
fn plp_9_plp_10_s13_closure() {
    check_rows(&[
        (
            "no closure code",
            |c| c.closure.as_mut().unwrap().1.code = None,
            &[("closure.code", "PLP-9", "s13", Error)],
        ),
        (
            "the Channel code for a PLP case",
            |c| c.closure.as_mut().unwrap().1.code = Some(ClosureCode::ChannelConcernsAddressed),
            &[("closure.code", "PLP-9", "s13", Error)],
        ),
        (
            "closing DIF not supervised",
            |c| c.closure.as_mut().unwrap().1.closing_dif_supervised = false,
            &[("closure.dif", "PLP-10", "s13", Error)],
        ),
        (
            "risk remaining without RPC authority or justification",
            |c| c.closure.as_mut().unwrap().1.ct_risk_remaining = true,
            &[
                ("closure.rpc", "PLP-10", "s13", Error),
                ("closure.justification", "PLP-10", "s13", Error),
            ],
        ),
        (
            "risk remaining with RPC authority and justification",
            |c| {
                let cl = &mut c.closure.as_mut().unwrap().1;
                cl.ct_risk_remaining = true;
                cl.rpc_authority = true;
                cl.justification = "Emigrated permanently; FIMU informed".into();
            },
            &[],
        ),
        ("still open: nothing to check", |c| c.closure = None, &[]),
    ]);
    for code in [
        ClosureCode::Deceased,
        ClosureCode::NoCtConcern,
        ClosureCode::NotLocated,
        ClosureCode::EscalatedToPursue,
        ClosureCode::NonCtIssueReferredOnwards,
        ClosureCode::RiskReduced,
    ] {
        let mut c = lifecycle();
        c.closure.as_mut().unwrap().1.code = Some(code);
        assert_eq!(issues(&c), [], "{code:?}");
    }
}

#[test]
fn plp_2_s12_monitored_below_a_high_suggestion_needs_a_rationale() {
    // The Monitored reason says why the case is Monitored, not why an unmitigated escalation
    // factor recorded in the same DIF does not make it High.
    check_rows(&[
        (
            "Monitored (de-escalated) with escalation present, no rationale",
            |c| c.reviews[2].dif = dif(&["threat.escalation"]),
            &[("reviews.2.band", "PLP-2", "s12", Error)],
        ),
        (
            "Monitored (de-escalated) with escalation present and the rationale",
            |c| {
                c.reviews[2].dif = dif(&["threat.escalation"]);
                c.reviews[2].rationale = "Escalation mitigated: travel ban in place".into();
            },
            &[],
        ),
        (
            "Monitored (de-escalated) below a Standard suggestion: the reason is enough",
            |c| c.reviews[2].dif = dif(&["engagement.grievance"]),
            &[],
        ),
    ]);
}

#[test]
fn plp_1_s12_band_on_each_stretch_of_the_lifecycle() {
    let case = lifecycle();
    for (day, band) in [
        ("2025-12-31", None),
        ("2026-01-04", None),
        ("2026-01-05", Some(Band::High)),
        ("2026-01-26", Some(Band::High)),
        ("2026-02-01", Some(Band::High)),
        ("2026-02-02", Some(Band::Standard)),
        ("2026-03-16", Some(Band::Standard)),
        ("2026-03-29", Some(Band::Standard)),
        ("2026-03-30", Some(Band::Monitored)),
        ("2026-06-28", Some(Band::Monitored)),
    ] {
        assert_eq!(band_on(&case, d(day)), band, "{day}");
    }
    // Reviews out of order still give the latest on or before the day.
    let mut shuffled = lifecycle();
    shuffled.reviews.reverse();
    assert_eq!(band_on(&shuffled, d("2026-03-01")), Some(Band::Standard));
}

#[test]
fn plp_1_s12_band_on_after_closure_is_none() {
    let case = lifecycle();
    assert_eq!(band_on(&case, d("2026-06-29")), None);
    assert_eq!(band_on(&case, d("2027-01-01")), None);
}

/// (rule id, key, title, start, due) of every deadline.
fn deadline_rows(
    case: &PlpCase,
    cal: &Calendar,
) -> Vec<(
    &'static str,
    &'static str,
    &'static str,
    NaiveDate,
    NaiveDate,
)> {
    deadlines(case, cal)
        .into_iter()
        .map(|x| (x.rule_id.id(), x.key, x.title, x.start, x.due))
        .collect()
}

#[test]
fn plp_5_s12_s14_and_int_1_s9_deadlines_after_each_review_without_panels() {
    let mut case = lifecycle();
    case.panels.clear();
    let cal = ew();
    let review = "PLP review";
    let fimu = "Summary to the FIMU";
    for (day, expected) in [
        // Entry, High: 4 weeks; INT-1 from entry (nothing submitted yet).
        (
            "2026-01-05",
            [
                ("PLP-5", "plp-5", review, "2026-01-05", "2026-02-02"),
                ("INT-1", "int-1", fimu, "2026-01-05", "2026-04-05"),
            ],
        ),
        // Standard: 8 weeks; INT-1 still from entry until the first submission.
        (
            "2026-02-02",
            [
                ("PLP-5", "plp-5", review, "2026-02-02", "2026-03-30"),
                ("INT-1", "int-1", fimu, "2026-01-05", "2026-04-05"),
            ],
        ),
        // Submission on 3 February: INT-1 3 months from it.
        (
            "2026-02-03",
            [
                ("PLP-5", "plp-5", review, "2026-02-02", "2026-03-30"),
                ("INT-1", "int-1", fimu, "2026-02-03", "2026-05-03"),
            ],
        ),
        // Monitored: 3 months.
        (
            "2026-03-30",
            [
                ("PLP-5", "plp-5", review, "2026-03-30", "2026-06-30"),
                ("INT-1", "int-1", fimu, "2026-02-03", "2026-05-03"),
            ],
        ),
        // Submission on 20 April.
        (
            "2026-04-20",
            [
                ("PLP-5", "plp-5", review, "2026-03-30", "2026-06-30"),
                ("INT-1", "int-1", fimu, "2026-04-20", "2026-07-20"),
            ],
        ),
        // The day before closure: still open.
        (
            "2026-06-28",
            [
                ("PLP-5", "plp-5", review, "2026-03-30", "2026-06-30"),
                ("INT-1", "int-1", fimu, "2026-04-20", "2026-07-20"),
            ],
        ),
    ] {
        let want: Vec<_> = expected
            .iter()
            .map(|(r, k, t, s, due)| (*r, *k, *t, d(s), d(due)))
            .collect();
        assert_eq!(deadline_rows(&as_of(&case, day), &cal), want, "as of {day}");
    }
    let all = deadlines(&as_of(&case, "2026-03-30"), &cal);
    assert_eq!((all[0].section(), all[1].section()), ("s12, s14", "s9"));
}

#[test]
fn plp_5_s12_s14_review_due_before_a_panel_that_no_dif_serves_yet() {
    // Decision 0003: a panel is served by the latest DIF since the panel before it (the opening
    // DIF serves the first). So a panel brings the next review forward only when a DIF since
    // the last panel has already served that one.
    let cal = ew();
    let before = "PLP review (before the panel)";
    let plp5 = |case: &PlpCase| deadline_rows(case, &cal)[0];
    // The lifecycle's panels each follow a new DIF: none brings a review forward.
    for (day, due) in [
        ("2026-01-05", "2026-02-02"), // High: 4 weeks; the opening DIF serves the 26 January panel
        ("2026-02-02", "2026-03-30"), // Standard: 8 weeks; this DIF serves the 16 March panel
        ("2026-03-30", "2026-06-30"), // Monitored: 3 months; this DIF serves the 15 June panel
    ] {
        assert_eq!(
            plp5(&as_of(&lifecycle(), day)),
            ("PLP-5", "plp-5", "PLP review", d(day), d(due)),
            "as of {day}"
        );
    }
    // Monitored from 30 March, with panels on 20 April and 18 May: the 30 March DIF serves 20
    // April, so a new one is due before 18 May, sooner than 30 June.
    let mut monthly = as_of(&lifecycle(), "2026-03-30");
    monthly.panels.retain(|p| p.date < d("2026-03-30"));
    monthly
        .panels
        .extend([panel("2026-04-20"), panel("2026-05-18")]);
    assert_eq!(
        plp5(&monthly),
        ("PLP-5", "plp-5", before, d("2026-03-30"), d("2026-05-18"))
    );
    // A DIF on 11 May serves 18 May: the next is due 3 months on, as no later panel is set.
    monthly.reviews.push(Review {
        monitored_reason: Some(MonitoredReason::DeEscalated),
        monitored_every: None,
        ..review("2026-05-11", &[], Band::Monitored)
    });
    assert_eq!(
        plp5(&monthly),
        (
            "PLP-5",
            "plp-5",
            "PLP review",
            d("2026-05-11"),
            d("2026-08-11")
        )
    );
    assert_eq!(issues(&monthly), []);
    // A panel after the cadence date does not push the review back.
    let mut late = as_of(&lifecycle(), "2026-01-05");
    late.panels = vec![panel("2026-01-12"), panel("2026-02-09")];
    assert_eq!(
        plp5(&late),
        (
            "PLP-5",
            "plp-5",
            "PLP review",
            d("2026-01-05"),
            d("2026-02-02")
        )
    );
    // Two panels on one day share one DIF.
    let mut same_day = as_of(&lifecycle(), "2026-01-05");
    same_day.panels = vec![panel("2026-01-19"), panel("2026-01-19")];
    assert_eq!(plp5(&same_day).4, d("2026-02-02"));
    assert!(issues(&same_day).iter().all(|i| i.1 != "PLP-5"));
}

#[test]
fn plp_5_s12_review_for_panel_names_the_dif_each_panel_discusses() {
    let case = lifecycle();
    for (panel_day, dif_day) in [
        ("2026-01-26", Some("2026-01-05")),
        ("2026-03-16", Some("2026-02-02")),
        ("2026-06-15", Some("2026-03-30")),
    ] {
        assert_eq!(
            review_for_panel(&case, d(panel_day)).map(|r| r.date),
            dif_day.map(d),
            "panel on {panel_day}"
        );
    }
    // Without the 2 February reassessment the 16 March panel has no DIF since 26 January: that
    // is the PLP-5 error validate raises, and the deadline was 16 March.
    let mut missed = lifecycle();
    missed.reviews.remove(1);
    assert_eq!(review_for_panel(&missed, d("2026-03-16")), None);
    assert!(issues(&missed)
        .iter()
        .any(|i| i.0 == "panels.1.date" && i.1 == "PLP-5"));
}

#[test]
fn plp_5_s12_s14_a_review_before_the_panel_discharges_it() {
    let cal = ew();
    // A review three days before the panel, and one on the panel's own day: both count for the
    // panel in validate (r.date <= panel date).
    for review_day in ["2026-01-23", "2026-01-26"] {
        let mut case = as_of(&lifecycle(), "2026-01-05");
        case.panels = vec![panel("2026-01-26")];
        case.reviews
            .push(review(review_day, &["threat.escalation"], Band::High));
        assert_eq!(issues(&case), [], "{review_day}");
        let plp5 = deadlines(&case, &cal)
            .into_iter()
            .find(|x| x.rule_id == RuleId::Plp5)
            .unwrap();
        // The next review is 4 weeks after it (no later panel is set).
        assert_eq!(
            plp5.due,
            d(review_day) + chrono::Days::new(28),
            "review on {review_day}"
        );
        // The day after the panel nothing is overdue.
        let t = timeline(&case, &cal, d("2026-01-27"));
        assert!(
            t.items.iter().all(|i| !i.overdue),
            "review on {review_day}: {:?}",
            t.items
        );
    }
    // Consistency: a history with no PLP-5 issue, the day after its only panel and before the
    // cadence date, has no PLP-5 deadline overdue.
    let mut case = as_of(&lifecycle(), "2026-01-05");
    case.panels = vec![panel("2026-01-20")];
    assert!(issues(&case).iter().all(|i| i.1 != "PLP-5"));
    let overdue: Vec<_> = deadlines(&case, &cal)
        .into_iter()
        .filter(|x| x.rule_id == RuleId::Plp5 && x.status(d("2026-01-21")) == Status::Overdue)
        .collect();
    assert!(overdue.is_empty(), "{overdue:?}");
}

#[test]
fn plp_11_s13_once_closed_only_the_6_and_12_month_reviews() {
    let cal = ew();
    // 6 months after Monday 29 June 2026 is Tuesday 29 December 2026. Five working days in
    // England and Wales: Wed 30 (1), Thu 31 (2), Fri 1 Jan is New Year's Day, the weekend,
    // Mon 4 (3), Tue 5 (4), Wed 6 January 2027 (5). 12 months: Tuesday 29 June 2027 -> Wed 30
    // (1), Thu 1 (2), Fri 2 (3), Mon 5 (4), Tue 6 July 2027 (5).
    assert_eq!(
        deadline_rows(&lifecycle(), &cal),
        [
            (
                "PLP-11",
                "plp-11-6-months",
                "6-month closed case review",
                d("2026-12-29"),
                d("2027-01-06")
            ),
            (
                "PLP-11",
                "plp-11-12-months",
                "12-month closed case review",
                d("2027-06-29"),
                d("2027-07-06")
            ),
        ]
    );
    // Check the walk against the calendar's own rules: Christmas (Fri 25), Boxing Day's
    // substitute (Mon 28) and New Year's Day (Fri 1) are holidays; 29 December itself is a
    // working day, and exactly five working days separate it from 6 January.
    for h in ["2026-12-25", "2026-12-28", "2027-01-01"] {
        assert!(cal.is_holiday(d(h)), "{h}");
    }
    assert!(cal.is_working_day(d("2026-12-29")));
    assert!(!cal.is_working_day(d("2027-01-02")));
    assert_eq!(
        cal.working_days_between(d("2026-12-29"), d("2027-01-06")),
        5
    );
    assert_eq!(
        cal.working_days_between(d("2027-06-29"), d("2027-07-06")),
        5
    );
    // Scotland also keeps 2 January (a Saturday: substitute Monday 4 January).
    let scot = Calendar::of(Division::Scotland);
    assert_eq!(deadlines(&lifecycle(), &scot)[0].due, d("2027-01-07"));
    // No PLP-5 or INT-1 once closed, whatever was pending (the Monitored review due 30 June,
    // the FIMU summary due 20 July).
    assert!(deadlines(&lifecycle(), &cal)
        .iter()
        .all(|x| x.rule_id == RuleId::Plp11));
    // Closing changes the deadlines on the closure day itself.
    assert_eq!(deadlines(&as_of(&lifecycle(), "2026-06-29"), &cal).len(), 2);
    assert_eq!(
        deadlines(&as_of(&lifecycle(), "2026-06-28"), &cal)
            .iter()
            .map(|x| x.rule_id)
            .collect::<Vec<_>>(),
        [RuleId::Plp5, RuleId::Int1]
    );
}

#[test]
fn deadlines_of_a_case_without_reviews_or_submissions_are_empty() {
    let mut case = lifecycle();
    case.reviews.clear();
    case.fimu_submissions.clear();
    case.closure = None;
    assert!(deadlines(&case, &ew()).is_empty());
    // A submission alone starts INT-1.
    case.fimu_submissions = vec![d("2026-01-10")];
    assert_eq!(
        deadline_rows(&case, &ew()),
        [(
            "INT-1",
            "int-1",
            "Summary to the FIMU",
            d("2026-01-10"),
            d("2026-04-10")
        )]
    );
}

type ItemRow = (
    &'static str,
    ItemKind,
    &'static str,
    Option<&'static str>,
    bool,
);

fn item_rows(t: &Timeline) -> Vec<(NaiveDate, ItemKind, String, Option<&'static str>, bool)> {
    t.items
        .iter()
        .map(|i| {
            (
                i.date,
                i.kind,
                i.label.clone(),
                i.rule_id.map(RuleId::id),
                i.overdue,
            )
        })
        .collect()
}

fn want_items(rows: &[ItemRow]) -> Vec<(NaiveDate, ItemKind, String, Option<&'static str>, bool)> {
    rows.iter()
        .map(|(date, k, l, r, o)| (d(date), *k, l.to_string(), *r, *o))
        .collect()
}

fn span(band: Band, from: &str, to: &str) -> BandSpan {
    BandSpan {
        band,
        from: d(from),
        to: d(to),
    }
}

#[test]
fn timeline_of_the_closed_case_with_an_overdue_6_month_review() {
    use ItemKind::*;
    let t = timeline(&lifecycle(), &ew(), d("2027-01-07"));
    assert_eq!(
        t.spans,
        [
            span(Band::High, "2026-01-05", "2026-02-02"),
            span(Band::Standard, "2026-02-02", "2026-03-30"),
            span(Band::Monitored, "2026-03-30", "2026-06-29"),
        ]
    );
    assert_eq!(
        item_rows(&t),
        want_items(&[
            ("2026-01-05", Entry, "Entered PLP: High (Red)", None, false),
            ("2026-01-26", Panel, "PLP panel", None, false),
            (
                "2026-02-02",
                Review,
                "Reassessment: Standard (Amber)",
                None,
                false
            ),
            (
                "2026-02-03",
                Submission,
                "Submission to the FIMU",
                None,
                false
            ),
            ("2026-03-16", Panel, "PLP panel", None, false),
            (
                "2026-03-30",
                Review,
                "Reassessment: Monitored (Green)",
                None,
                false
            ),
            (
                "2026-04-20",
                Submission,
                "Submission to the FIMU",
                None,
                false
            ),
            ("2026-06-15", Panel, "PLP panel", None, false),
            ("2026-06-29", Closure, "Closed", None, false),
            (
                "2027-01-06",
                Deadline,
                "6-month closed case review due",
                Some("PLP-11"),
                true
            ),
            (
                "2027-07-06",
                Deadline,
                "12-month closed case review due",
                Some("PLP-11"),
                false
            ),
        ])
    );
    assert_eq!(
        (t.today, t.start, t.end),
        (d("2027-01-07"), d("2026-01-05"), d("2027-07-06"))
    );
    // On its due date the review is due, not overdue.
    let t = timeline(&lifecycle(), &ew(), d("2027-01-06"));
    assert!(t.items.iter().all(|i| !i.overdue));
}

#[test]
fn timeline_of_the_open_case_spans_run_to_the_end_and_deadlines_go_overdue() {
    use ItemKind::*;
    let case = as_of(&lifecycle(), "2026-04-01");
    let t = timeline(&case, &ew(), d("2026-04-01"));
    // Open: the last span runs to the end of the timeline (the review due by Monitored's 3
    // months: the 30 March DIF serves the 15 June panel, PLP-5).
    assert_eq!(
        t.spans,
        [
            span(Band::High, "2026-01-05", "2026-02-02"),
            span(Band::Standard, "2026-02-02", "2026-03-30"),
            span(Band::Monitored, "2026-03-30", "2026-06-30"),
        ]
    );
    assert_eq!(
        item_rows(&t),
        want_items(&[
            ("2026-01-05", Entry, "Entered PLP: High (Red)", None, false),
            ("2026-01-26", Panel, "PLP panel", None, false),
            (
                "2026-02-02",
                Review,
                "Reassessment: Standard (Amber)",
                None,
                false
            ),
            (
                "2026-02-03",
                Submission,
                "Submission to the FIMU",
                None,
                false
            ),
            ("2026-03-16", Panel, "PLP panel", None, false),
            (
                "2026-03-30",
                Review,
                "Reassessment: Monitored (Green)",
                None,
                false
            ),
            (
                "2026-05-03",
                Deadline,
                "Summary to the FIMU due",
                Some("INT-1"),
                false
            ),
            ("2026-06-15", Panel, "PLP panel", None, false),
            (
                "2026-06-30",
                Deadline,
                "PLP review due",
                Some("PLP-5"),
                false
            ),
        ])
    );
    assert_eq!((t.start, t.end), (d("2026-01-05"), d("2026-06-30")));
    // Overdue only once past the due date and not met.
    let overdue = |today: &str| -> Vec<&'static str> {
        timeline(&case, &ew(), d(today))
            .items
            .iter()
            .filter(|i| i.overdue)
            .map(|i| i.rule_id.unwrap().id())
            .collect()
    };
    assert_eq!(overdue("2026-05-03"), Vec::<&str>::new());
    assert_eq!(overdue("2026-05-04"), ["INT-1"]);
    assert_eq!(overdue("2026-06-16"), ["INT-1"]);
    assert_eq!(overdue("2026-06-30"), ["INT-1"]);
    assert_eq!(overdue("2026-07-01"), ["INT-1", "PLP-5"]);
    // Only deadlines are ever overdue, and only deadlines carry a rule id.
    for i in timeline(&case, &ew(), d("2027-01-01")).items {
        assert_eq!(i.kind == Deadline, i.rule_id.is_some(), "{i:?}");
        assert!(!i.overdue || i.kind == Deadline, "{i:?}");
    }
    // Today after every item: the timeline ends today, and so does the open span.
    let t = timeline(&case, &ew(), d("2026-07-02"));
    assert_eq!(t.end, d("2026-07-02"));
    assert_eq!(t.spans.last().unwrap().to, d("2026-07-02"));
}

#[test]
fn timeline_spans_merge_consecutive_reviews_with_the_same_band_and_stop_at_closure() {
    // Reassessed and kept High on 19 January, kept Standard on 2 March: still three spans.
    let mut case = lifecycle();
    case.reviews
        .insert(1, review("2026-01-19", &["threat.escalation"], Band::High));
    case.reviews.insert(
        3,
        review("2026-03-02", &["engagement.grievance"], Band::Standard),
    );
    assert_eq!(issues(&case), []);
    let t = timeline(&case, &ew(), d("2026-07-01"));
    assert_eq!(
        t.spans,
        [
            span(Band::High, "2026-01-05", "2026-02-02"),
            span(Band::Standard, "2026-02-02", "2026-03-30"),
            span(Band::Monitored, "2026-03-30", "2026-06-29"),
        ]
    );
    let reviews: Vec<_> = t
        .items
        .iter()
        .filter(|i| matches!(i.kind, ItemKind::Entry | ItemKind::Review))
        .map(|i| (i.date, i.kind, i.label.as_str()))
        .collect();
    assert_eq!(
        reviews,
        [
            (d("2026-01-05"), ItemKind::Entry, "Entered PLP: High (Red)"),
            (
                d("2026-01-19"),
                ItemKind::Review,
                "Reassessment: High (Red)"
            ),
            (
                d("2026-02-02"),
                ItemKind::Review,
                "Reassessment: Standard (Amber)"
            ),
            (
                d("2026-03-02"),
                ItemKind::Review,
                "Reassessment: Standard (Amber)"
            ),
            (
                d("2026-03-30"),
                ItemKind::Review,
                "Reassessment: Monitored (Green)"
            ),
        ]
    );
    // Back up to High after Standard: not merged with the first High.
    let mut back = lifecycle();
    back.reviews[2] = review("2026-03-30", &["threat.escalation"], Band::High);
    assert_eq!(
        timeline(&back, &ew(), d("2026-07-01")).spans,
        [
            span(Band::High, "2026-01-05", "2026-02-02"),
            span(Band::Standard, "2026-02-02", "2026-03-30"),
            span(Band::High, "2026-03-30", "2026-06-29"),
        ]
    );
    // Closed on the day of the last review (the closing DIF): that review adds no span.
    let mut same_day = lifecycle();
    same_day.closure.as_mut().unwrap().0 = d("2026-03-30");
    assert_eq!(
        timeline(&same_day, &ew(), d("2026-07-01")).spans,
        [
            span(Band::High, "2026-01-05", "2026-02-02"),
            span(Band::Standard, "2026-02-02", "2026-03-30"),
        ]
    );
    // Reviews recorded out of order: sorted first; the earliest is the entry.
    let mut shuffled = lifecycle();
    shuffled.reviews.reverse();
    let t = timeline(&shuffled, &ew(), d("2026-07-01"));
    assert_eq!(
        t.spans,
        timeline(&lifecycle(), &ew(), d("2026-07-01")).spans
    );
    assert_eq!(t.items[0].kind, ItemKind::Entry);
    assert_eq!(t.items[0].date, d("2026-01-05"));
}

#[test]
fn timeline_items_are_in_date_order_and_start_end_cover_today_and_every_item() {
    let empty = PlpCase {
        case_reference: "X".into(),
        route: None,
        route_rationale: String::new(),
        reviews: vec![],
        panels: vec![],
        fimu_submissions: vec![],
        closure: None,
        transfer: Default::default(),
    };
    let t = timeline(&empty, &ew(), d("2026-05-01"));
    assert!(t.items.is_empty() && t.spans.is_empty());
    assert_eq!(
        (t.start, t.end, t.today),
        (d("2026-05-01"), d("2026-05-01"), d("2026-05-01"))
    );

    let cases = [
        lifecycle(),
        as_of(&lifecycle(), "2026-01-05"),
        as_of(&lifecycle(), "2026-04-01"),
        {
            let mut c = lifecycle();
            c.panels.reverse(); // recorded out of order
            c.fimu_submissions.reverse();
            c
        },
    ];
    for (n, case) in cases.iter().enumerate() {
        for today in [
            "2025-06-01",
            "2026-01-05",
            "2026-04-01",
            "2027-01-07",
            "2028-12-31",
        ] {
            let today = d(today);
            let t = timeline(case, &ew(), today);
            let ctx = format!("case {n} on {today}");
            assert!(t.items.windows(2).all(|w| w[0].date <= w[1].date), "{ctx}");
            let first = t.items.iter().map(|i| i.date).chain([today]).min().unwrap();
            let last = t.items.iter().map(|i| i.date).chain([today]).max().unwrap();
            assert_eq!((t.start, t.end, t.today), (first, last, today), "{ctx}");
            // Spans are within the range, in order, never empty, never overlapping, and
            // adjacent spans differ in band.
            for s in &t.spans {
                assert!(
                    t.start <= s.from && s.from < s.to && s.to <= t.end,
                    "{ctx}: {s:?}"
                );
            }
            for w in t.spans.windows(2) {
                assert!(
                    w[0].to <= w[1].from && w[0].band != w[1].band,
                    "{ctx}: {w:?}"
                );
            }
            // Every item the case records is there, plus exactly its deadlines.
            let recorded = case.reviews.len()
                + case.panels.len()
                + case.fimu_submissions.len()
                + usize::from(case.closure.is_some());
            assert_eq!(
                t.items.len(),
                recorded + deadlines(case, &ew()).len(),
                "{ctx}"
            );
            // Overdue exactly when a deadline's due date is before today.
            for i in &t.items {
                assert_eq!(
                    i.overdue,
                    i.kind == ItemKind::Deadline && i.date < today,
                    "{ctx}: {i:?}"
                );
            }
        }
    }
}

#[test]
fn plp_1_s12_the_timeline_band_in_force_runs_to_its_last_day_while_open_and_stops_at_closure() {
    // Open, as of 30 March 2026: Monitored runs to the end of the timeline (the 15 June panel
    // and the 30 June review), including its last day.
    let open = timeline(&as_of(&lifecycle(), "2026-03-30"), &ew(), d("2026-03-30"));
    assert_eq!(open.end, d("2026-06-30"));
    for (day, band) in [
        ("2026-01-04", None),
        ("2026-01-05", Some(Band::High)),
        ("2026-02-01", Some(Band::High)),
        ("2026-02-02", Some(Band::Standard)),
        ("2026-03-30", Some(Band::Monitored)),
        ("2026-06-30", Some(Band::Monitored)),
    ] {
        assert_eq!(open.band_on(d(day)), band, "open, {day}");
    }
    // Closed on 29 June 2026: no band from the closure on, as band_on of the case says.
    let closed = timeline(&lifecycle(), &ew(), d("2026-07-01"));
    for day in ["2026-06-28", "2026-06-29", "2026-12-29"] {
        assert_eq!(
            closed.band_on(d(day)),
            band_on(&lifecycle(), d(day)),
            "closed, {day}"
        );
    }
    assert_eq!(closed.band_on(d("2026-06-29")), None);
}

#[test]
fn int_2_s9_a_reassessment_that_raises_the_band_or_finds_harm_escalation_or_mobilisation_prompts_the_fimu(
) {
    let before = review("2026-02-02", &["engagement.grievance"], Band::Standard);
    let cases: [(&str, Review, Vec<&str>); 6] = [
        (
            "nothing new",
            review("2026-03-02", &["engagement.grievance"], Band::Standard),
            vec![],
        ),
        (
            "lowered to Monitored",
            review("2026-03-02", &[], Band::Monitored),
            vec![],
        ),
        (
            "raised to High",
            review("2026-03-02", &["engagement.grievance"], Band::High),
            vec!["the band rose from Standard (Amber) to High (Red)"],
        ),
        (
            "a new harm factor",
            review("2026-03-02", &["threat.harm"], Band::Standard),
            vec!["a new risk of harm"],
        ),
        (
            "a new escalation and mobilisation factor, band raised",
            review(
                "2026-03-02",
                &["threat.escalation", "threat.mobilisation"],
                Band::High,
            ),
            vec![
                "the band rose from Standard (Amber) to High (Red)",
                "a new escalation factor",
                "a new mobilisation factor",
            ],
        ),
        (
            "a non-threat factor only",
            review(
                "2026-03-02",
                &["engagement.grievance", "intent.them-and-us"],
                Band::Standard,
            ),
            vec![],
        ),
    ];
    for (name, after, want) in cases {
        assert_eq!(significant_change(&before, &after), want, "{name}");
    }
    // A harm factor already present before is not new.
    let harm = review("2026-02-02", &["threat.harm"], Band::High);
    assert!(
        significant_change(&harm, &review("2026-03-02", &["threat.harm"], Band::High)).is_empty()
    );

    // On the case: prompted until a submission to the FIMU on or after the reassessment.
    let mut case = PlpCase {
        reviews: vec![
            before.clone(),
            review("2026-03-02", &["threat.harm"], Band::High),
        ],
        fimu_submissions: vec![d("2026-02-03")],
        ..lifecycle()
    };
    case.closure = None;
    let prompts = fimu_prompts(&case);
    assert_eq!(prompts.len(), 1);
    assert_eq!(
        (prompts[0].rule_id, prompts[0].since),
        (RuleId::Int2, d("2026-03-02"))
    );
    assert_eq!(
        prompts[0].message,
        "The reassessment of 2 March 2026 records a significant change in risk (the band rose from Standard (Amber) to High (Red); a new risk of harm): the FIMU must be informed (INT-2, s9)"
    );
    case.fimu_submissions.push(d("2026-03-02"));
    assert_eq!(fimu_prompts(&case), vec![], "told the FIMU the same day");
}

#[test]
fn plp_14_s12_escalating_intelligence_prompts_a_new_dif_until_one_is_made() {
    let mut case = lifecycle();
    case.closure = None;
    case.reviews.truncate(2); // entry 5 January, reassessed 2 February
    assert_eq!(
        new_dif_prompt(&case, &[]),
        None,
        "nothing escalating submitted"
    );
    let p = new_dif_prompt(&case, &[d("2026-02-10"), d("2026-02-20")]).unwrap();
    assert_eq!((p.rule_id, p.since), (RuleId::Plp14, d("2026-02-20")));
    assert_eq!(
        p.message,
        "Intelligence submitted on 20 February 2026 says the risk is escalating: complete a new DIF, CMP update and sign-off (PLP-14, s12)"
    );
    // A DIF on or after it answers the prompt; so does a closed case.
    case.reviews
        .push(review("2026-02-20", &["threat.harm"], Band::High));
    assert_eq!(new_dif_prompt(&case, &[d("2026-02-20")]), None);
    assert_eq!(new_dif_prompt(&lifecycle(), &[d("2026-07-01")]), None);
}

#[test]
fn plp_13_s12_a_reassessment_later_than_the_cadence_before_it_is_flagged_with_both_dates() {
    // The lifecycle keeps every cadence: entry High 5 January (due 2 February), Standard 2
    // February (due 30 March), Monitored 30 March.
    assert_eq!(missed_reviews(&lifecycle()), vec![]);
    let cases: [(&str, fn(&mut PlpCase), Vec<(&str, &str)>); 4] = [
        (
            "High reassessed a day late",
            |c| c.reviews[1].date = d("2026-02-03"),
            vec![("2026-02-02", "2026-02-03")],
        ),
        (
            "Standard reassessed 3 weeks late",
            |c| c.reviews[2].date = d("2026-04-20"),
            vec![("2026-03-30", "2026-04-20")],
        ),
        (
            "the Standard reassessment never made: High to Monitored 12 weeks on",
            |c| {
                c.reviews.remove(1);
            },
            vec![("2026-02-02", "2026-03-30")],
        ),
        (
            "Monitored every 4 weeks, as decided, reassessed after 5",
            |c| {
                c.closure = None;
                c.reviews[2].monitored_every = Some(prevent_core::deadline::Every::Weeks(4));
                let mut next = c.reviews[2].clone();
                next.date = d("2026-05-04");
                c.reviews.push(next);
            },
            vec![("2026-04-27", "2026-05-04")],
        ),
    ];
    for (name, change, want) in cases {
        let mut case = lifecycle();
        change(&mut case);
        let got: Vec<(NaiveDate, NaiveDate)> = missed_reviews(&case)
            .iter()
            .map(|m| (m.due, m.made))
            .collect();
        let want: Vec<(NaiveDate, NaiveDate)> = want.iter().map(|(a, b)| (d(a), d(b))).collect();
        assert_eq!(got, want, "{name}");
        // A warning of the case's history, and an overdue item of its timeline, on the due date.
        let warnings: Vec<_> = validate(&case)
            .into_iter()
            .filter(|i| i.rule_id == RuleId::Plp13)
            .collect();
        assert_eq!(warnings.len(), want.len(), "{name}");
        assert!(warnings
            .iter()
            .all(|i| i.severity == Warning && i.section == "s12"));
        let t = timeline(&case, &ew(), d("2026-07-01"));
        for (due, _) in &want {
            assert!(
                t.items.iter().any(|i| i.date == *due
                    && i.kind == ItemKind::Missed
                    && i.overdue
                    && i.rule_id == Some(RuleId::Plp13)),
                "{name}: the timeline shows the missed date"
            );
        }
    }
    let mut late = lifecycle();
    late.reviews[1].date = d("2026-02-03");
    assert_eq!(
        missed_review_messages(&late),
        vec!["The reassessment due by 2 February 2026 was made on 3 February 2026, 1 day late (PLP-13, s12)"]
    );
}

#[test]
fn plp_13_s12_the_dif_cmp_update_and_sign_off_all_come_before_the_panel() {
    check_rows(&[
        (
            "signed off on the panel's own day",
            |c| c.reviews[1].signed_off = Some(d("2026-03-16")),
            &[],
        ),
        (
            "the entry DIF signed off after the first panel",
            |c| c.reviews[0].signed_off = Some(d("2026-01-27")),
            &[("panels.0.dif", "PLP-13", "s12", Error)],
        ),
        (
            "the reassessment signed off the day after the panel it was for",
            |c| c.reviews[1].signed_off = Some(d("2026-03-17")),
            &[("panels.1.dif", "PLP-13", "s12", Error)],
        ),
        (
            "a DIF never signed off is PLP-5's issue of the DIF alone",
            |c| c.reviews[2].signed_off = None,
            &[("reviews.2.signed_off", "PLP-5", "s12, s14", Error)],
        ),
        (
            "a reassessment without its CMP update, discussed at a panel",
            |c| c.reviews[1].cmp_updated = false,
            &[
                ("reviews.1.cmp", "PLP-5", "s12, s14", Error),
                ("panels.1.dif", "PLP-13", "s12", Error),
            ],
        ),
        (
            "the entry writes the CMP: no update is asked before the first panel",
            |c| c.reviews[0].cmp_updated = false,
            &[],
        ),
        (
            "a panel no DIF serves is PLP-5's issue alone",
            |c| c.panels.insert(1, panel("2026-01-30")),
            &[("panels.1.date", "PLP-5", "s12", Error)],
        ),
    ]);
    // As the case page shows it: both dates and the panel's, with the rule and section.
    let mut case = lifecycle();
    case.reviews[1].signed_off = Some(d("2026-03-17"));
    assert_eq!(
        panel_preconditions(&case)
            .iter()
            .map(|i| i.cited())
            .collect::<Vec<_>>(),
        ["The DIF of 2 February 2026 was signed off on 17 March 2026, after the panel of 16 March 2026: the DIF, CMP update and sign-off all come before the panel (PLP-13, s12)"]
    );
    case.reviews[1].signed_off = Some(d("2026-02-02"));
    case.reviews[1].cmp_updated = false;
    assert_eq!(
        panel_preconditions(&case)
            .iter()
            .map(|i| i.cited())
            .collect::<Vec<_>>(),
        ["The DIF of 2 February 2026 had no CMP update before the panel of 16 March 2026: the DIF, CMP update and sign-off all come before the panel (PLP-13, s12)"]
    );
}

/// One row of the case-page-against-calculator table: (name, reviews as (date, band, Monitored
/// frequency), panels, the PLP-5 due date both must give).
type SameDateRow = (
    &'static str,
    &'static [(&'static str, Band, Option<Every>)],
    &'static [&'static str],
    &'static str,
);

#[test]
fn plp_5_s12_the_case_page_and_the_deadlines_calculator_give_the_same_review_date() {
    use prevent_core::deadline::{case_deadlines, CaseDates, PlpDates};
    let cal = ew();
    const fn high(date: &'static str) -> (&'static str, Band, Option<Every>) {
        (date, Band::High, None)
    }
    const ROWS: &[SameDateRow] = &[
        (
            "High, no panel: 4 weeks",
            &[high("2027-03-01")],
            &[],
            "2027-03-29",
        ),
        // The bug report: a panel two weeks after the opening DIF is discussed with that DIF.
        (
            "High, a panel two weeks on",
            &[high("2027-03-01")],
            &["2027-03-15"],
            "2027-03-29",
        ),
        (
            "High, a second panel before a new DIF",
            &[high("2027-03-01")],
            &["2027-03-15", "2027-03-22"],
            "2027-03-22",
        ),
        (
            "High, the second panel after the cadence",
            &[high("2027-03-01")],
            &["2027-03-15", "2027-04-05"],
            "2027-03-29",
        ),
        (
            "High, two panels on one day",
            &[high("2027-03-01")],
            &["2027-03-15", "2027-03-15"],
            "2027-03-29",
        ),
        (
            "a DIF on the panel's day serves it",
            &[high("2027-03-01"), high("2027-03-15")],
            &["2027-03-15"],
            "2027-04-12",
        ),
        (
            "a DIF on the panel's day, another panel a week on",
            &[high("2027-03-01"), high("2027-03-15")],
            &["2027-03-15", "2027-03-22"],
            "2027-03-22",
        ),
        (
            "Standard after a panel: the new DIF serves the next",
            &[high("2027-03-01"), ("2027-03-22", Band::Standard, None)],
            &["2027-03-15", "2027-04-12"],
            "2027-05-17",
        ),
        (
            "Standard, a panel met since the DIF and one set",
            &[high("2027-03-01"), ("2027-03-22", Band::Standard, None)],
            &["2027-03-15", "2027-04-12", "2027-05-10"],
            "2027-05-10",
        ),
        (
            "Monitored, 3 months",
            &[high("2027-03-01"), ("2027-03-29", Band::Monitored, None)],
            &[],
            "2027-06-29",
        ),
        (
            "Monitored every 4 weeks",
            &[
                high("2027-03-01"),
                ("2027-03-29", Band::Monitored, Some(Every::Weeks(4))),
            ],
            &["2027-04-05"],
            "2027-04-26",
        ),
        (
            "Monitored every 6 weeks, a second panel sooner",
            &[
                high("2027-03-01"),
                ("2027-03-29", Band::Monitored, Some(Every::Weeks(6))),
            ],
            &["2027-04-05", "2027-04-19"],
            "2027-04-19",
        ),
        (
            "Monitored every 3 months, a second panel sooner",
            &[
                high("2027-03-01"),
                ("2027-03-29", Band::Monitored, Some(Every::Months(3))),
            ],
            &["2027-04-05", "2027-06-07"],
            "2027-06-07",
        ),
    ];
    for (name, reviews, panels, due) in ROWS {
        let case = PlpCase {
            reviews: reviews
                .iter()
                .map(|(date, band, every)| Review {
                    monitored_every: *every,
                    ..review(date, &[], *band)
                })
                .collect(),
            panels: panels.iter().map(|p| panel(p)).collect(),
            closure: None,
            ..lifecycle()
        };
        let on_case_page = deadlines(&case, &cal)
            .into_iter()
            .find(|x| x.rule_id == RuleId::Plp5);
        // What an officer types into the calculator: the band and frequency of the last DIF,
        // its date, the panel that met since it (if any) and the next panel set.
        let (last, band, every) = reviews[reviews.len() - 1];
        let since = panels.iter().map(|p| d(p)).filter(|p| *p >= d(last)).min();
        let next = since.and_then(|s| panels.iter().map(|p| d(p)).filter(|p| *p > s).min());
        let dates = CaseDates {
            plp: Some(PlpDates {
                band,
                every,
                last_review: d(last),
                last_panel: since,
                next_panel: next,
            }),
            ..CaseDates::default()
        };
        let in_calculator = case_deadlines(&dates, &cal)
            .into_iter()
            .find(|x| x.rule_id == RuleId::Plp5);
        assert_eq!(on_case_page, in_calculator, "{name}");
        assert_eq!(on_case_page.map(|x| x.due), Some(d(due)), "{name}");
    }
}
