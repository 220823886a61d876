//! Prevent Gateway Assessment rules (s7-s10, s14), table-driven: each case changes a complete,
//! valid record and names the issues expected (severity, rule id, field). At least one passing
//! and one failing case per rule.

use chrono::NaiveDate;
use prevent_core::pga::*;
use prevent_core::Severity;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn today() -> NaiveDate {
    d("2026-11-28")
}

fn officer(name: &str, rank: Rank) -> Officer {
    Officer {
        name: name.into(),
        rank,
        acting: false,
        acting_approved: false,
    }
}

/// A complete, valid PGA: a person in a non-Dovetail area, kept in PCM, supervised.
fn valid() -> Gateway {
    Gateway {
        case_reference: "PCM-2026-0042".into(),
        area: AreaModel::NonDovetail,
        subject: Subject::Individual,
        deconfliction: Deconfliction {
            date: Some(d("2026-11-20")),
            reference: "NCIA/123".into(),
            rado: Some(5),
        },
        pre_deconfliction: vec![],
        checks: CHECKS
            .iter()
            .map(|(k, _)| {
                (
                    *k,
                    if *k == "open-source" {
                        Check::Done {
                            on: Some(d("2026-11-23")),
                            result: "No trace".into(),
                        }
                    } else {
                        Check::KnownFromFimu
                    },
                )
            })
            .collect(),
        partner_contact: None,
        visit: None,
        reasonable_suspicion: true,
        reasonable_belief_no_concern: false,
        pursue_relevant: false,
        under_pursue_investigation: false,
        unsuitable_for_plp: false,
        responsible_person_traced: None,
        received: Some(d("2026-11-21")),
        birth: Some(Birth::Date(d("1990-05-01"))),
        nationality: Some(Nationality::British),
        travel_propensity: false,
        overseas: Duty::default(),
        piw: Duty::default(),
        travel_risk: String::new(),
        flag: decided(false),
        decision: Some(Decision::KeepInPcm),
        rationale: "Shares extremist material; vulnerable through isolation.".into(),
        ctco: officer("Jo Case", Rank::Constable),
        supervisor: Some(officer("Sam Sergeant", Rank::SergeantOrAbove)),
        supervisor_approved: true,
        finalised: false,
        partner_contact_on: None,
        signed_off_on: Some(d("2026-11-27")),
        request: Some(Request::Referral),
        non_ct_investigation: Some(false),
        non_ct_details: String::new(),
    }
}

/// A duty decided (`done` or not) with a rationale.
fn decided(done: bool) -> Duty {
    Duty {
        decision: Some(done),
        rationale: "Considered with the supervisor: see the case notes.".into(),
    }
}

use Severity::{Error as E, Warning as W};

fn check(g: Gateway, expect: &[(Severity, &str, &str)]) {
    let r = validate(&g, today());
    let got: Vec<(Severity, &str, &str)> = r
        .issues
        .iter()
        .map(|i| (i.severity, i.rule_id.id(), i.path.as_str()))
        .collect();
    assert_eq!(
        got,
        expect,
        "{:#?}",
        r.issues.iter().map(|i| &i.message).collect::<Vec<_>>()
    );
}

fn with(f: impl FnOnce(&mut Gateway)) -> Gateway {
    let mut g = valid();
    f(&mut g);
    g
}

#[test]
fn a_complete_supervised_pga_has_no_issues() {
    check(valid(), &[]);
}

#[test]
fn pga_1_s7_no_assessment_until_deconfliction_has_a_date_and_a_reference() {
    check(
        with(|g| g.deconfliction.reference = " ".into()),
        &[(E, "PGA-1", "deconfliction.reference")],
    );
    check(
        with(|g| g.deconfliction.date = None),
        &[(E, "PGA-1", "deconfliction.date")],
    );
    assert!(valid().deconfliction.is_complete());
}

#[test]
fn pga_3_s8_six_checks_each_done_with_date_and_result_or_known_from_the_fimu() {
    let set = |key: &'static str, c: Check| {
        with(move |g| {
            g.checks.retain(|(k, _)| *k != key);
            g.checks.push((key, c));
        })
    };
    check(
        set("pnc", Check::NotDone),
        &[(E, "PGA-3", "checks.pnc.status")],
    );
    check(
        set(
            "pnd",
            Check::Done {
                on: Some(d("2026-11-29")),
                result: "No trace".into(),
            },
        ),
        &[(E, "PGA-3", "checks.pnd.date")],
    );
    check(
        set(
            "ncia",
            Check::Done {
                on: Some(d("2026-11-27")),
                result: " ".into(),
            },
        ),
        &[(E, "PGA-3", "checks.ncia.result")],
    );
    check(
        set("local", Check::NotAvailable),
        &[(E, "PGA-3", "checks.local.status")],
    );
    // CT Holmes only where available.
    check(set("ct-holmes", Check::NotAvailable), &[]);
}

#[test]
fn pga_4_s8_contacting_partners_is_an_exception_with_a_rationale() {
    check(
        with(|g| g.partner_contact = Some("".into())),
        &[(E, "PGA-4", "contact.rationale")],
    );
    check(
        with(|g| {
            g.partner_contact = Some("School holds information that may negate the concern.".into())
        }),
        &[],
    );
}

/// A visit at PGA agreed by both, with its rationale and who is best placed; Channel consent
/// not raised.
fn agreed_visit() -> Visit {
    Visit {
        rationale: "Pressing safeguarding concern".into(),
        agreed_by_ctco: true,
        agreed_by_supervisor: true,
        best_placed: "Joint visit with the school's DSL".into(),
        consent_raised: false,
        consent_by_subject: false,
        consent_note: String::new(),
        on: Some(d("2026-11-24")),
    }
}

#[test]
fn pga_5_s8_a_visit_is_agreed_by_both_with_rationale_and_who_is_best_placed_and_no_consent_talk() {
    let visit = agreed_visit();
    check(with(|g| g.visit = Some(visit.clone())), &[]);
    check(
        with(|g| {
            g.visit = Some(Visit {
                agreed_by_supervisor: false,
                ..visit.clone()
            })
        }),
        &[(E, "PGA-5", "visit.agreed")],
    );
    check(
        with(|g| {
            g.visit = Some(Visit {
                best_placed: "".into(),
                ..visit.clone()
            })
        }),
        &[(E, "PGA-5", "visit.best_placed")],
    );
    check(
        with(|g| {
            g.visit = Some(Visit {
                consent_raised: true,
                ..visit.clone()
            })
        }),
        &[(E, "PGA-5", "visit.consent")],
    );
}

#[test]
fn pga_21_s8_channel_consent_raised_by_the_subject_is_allowed_with_a_note() {
    let visit = Visit {
        consent_by_subject: true,
        consent_note: "Asked whether 'Channel' meant prison; told it is voluntary support.".into(),
        ..agreed_visit()
    };
    // The subject asked: allowed, with what they asked and were told.
    check(with(|g| g.visit = Some(visit.clone())), &[]);
    check(
        with(|g| {
            g.visit = Some(Visit {
                consent_note: " ".into(),
                ..visit.clone()
            })
        }),
        &[(E, "PGA-21", "visit.consent_note")],
    );
    // The officer raising it is still refused (PGA-5).
    check(
        with(|g| {
            g.visit = Some(Visit {
                consent_raised: true,
                consent_by_subject: false,
                ..visit.clone()
            })
        }),
        &[(E, "PGA-5", "visit.consent")],
    );
}

#[test]
fn pga_6_s8_keep_in_pcm_needs_a_reasonable_suspicion() {
    check(
        with(|g| g.reasonable_suspicion = false),
        &[(E, "PGA-6", "decision.outcome")],
    );
    check(
        with(|g| g.decision = None),
        &[(E, "PGA-6", "decision.outcome")],
    );
    check(
        with(|g| g.rationale = " ".into()),
        &[(E, "PGA-6", "decision.rationale")],
    );
}

#[test]
fn pga_7_s8_s10_dovetail_refers_to_the_lacc_when_unsuitable_for_plp_with_endorsement() {
    let dovetail = |g: &mut Gateway| {
        g.area = AreaModel::Dovetail;
        g.unsuitable_for_plp = true;
        g.decision = Some(Decision::ReferToLacc);
    };
    check(with(dovetail), &[]);
    check(
        with(|g| {
            dovetail(g);
            g.supervisor_approved = false;
        }),
        &[(E, "PGA-7", "supervisor.approved")],
    );
    check(
        with(|g| {
            dovetail(g);
            g.unsuitable_for_plp = false;
        }),
        &[(E, "PGA-7", "decision.outcome")],
    );
    // Not outside Dovetail areas, and keep in PCM is not the route for a Dovetail case unsuitable for PLP.
    check(
        with(|g| g.decision = Some(Decision::ReferToLacc)),
        &[(E, "PGA-7", "decision.outcome")],
    );
    check(
        with(|g| {
            dovetail(g);
            g.decision = Some(Decision::KeepInPcm);
        }),
        &[(E, "PGA-7", "decision.outcome")],
    );
}

#[test]
fn pga_8_s8_untraced_institutions_and_expressions_go_straight_to_plp_people_rarely_with_rationale()
{
    let untraced = |g: &mut Gateway| {
        g.subject = Subject::IdeologicalExpression;
        g.responsible_person_traced = Some(false);
    };
    check(
        with(|g| {
            untraced(g);
            g.decision = Some(Decision::StraightToPlp);
        }),
        &[],
    );
    check(with(untraced), &[(E, "PGA-8", "decision.outcome")]);
    check(
        with(|g| {
            g.decision = Some(Decision::StraightToPlp);
        }),
        &[],
    );
    check(
        with(|g| {
            g.decision = Some(Decision::StraightToPlp);
            g.rationale = "".into();
        }),
        &[(E, "PGA-8", "decision.rationale")],
    );
}

#[test]
fn pga_9_s8_closing_needs_a_reasonable_belief_or_pursue_relevance_a_rationale_and_approval() {
    let close = |g: &mut Gateway| {
        g.decision = Some(Decision::Close);
        g.reasonable_suspicion = false;
        g.reasonable_belief_no_concern = true;
    };
    check(with(close), &[]);
    check(
        with(|g| {
            close(g);
            g.reasonable_belief_no_concern = false;
        }),
        &[(E, "PGA-9", "decision.outcome")],
    );
    check(
        with(|g| {
            close(g);
            g.rationale = "".into();
        }),
        &[(E, "PGA-9", "decision.rationale")],
    );
    check(
        with(|g| {
            close(g);
            g.supervisor_approved = false;
        }),
        &[(E, "PGA-9", "supervisor.approved")],
    );
    check(
        with(|g| {
            g.decision = Some(Decision::CloseAndEscalateToPursue);
            g.pursue_relevant = true;
        }),
        &[],
    );
    check(
        with(|g| g.decision = Some(Decision::CloseAndEscalateToPursue)),
        &[(E, "PGA-9", "decision.outcome")],
    );
}

#[test]
fn pga_10_s8_supervised_before_final_then_read_only_and_one_pga_per_case() {
    check(
        with(|g| g.supervisor = None),
        &[(E, "PGA-10", "supervisor.name")],
    );
    check(
        with(|g| g.supervisor_approved = false),
        &[(E, "PGA-10", "supervisor.approved")],
    );
    let mut unsupervised = with(|g| g.supervisor = None);
    assert!(unsupervised.finalise(today()).is_err());
    assert!(!unsupervised.finalised);
    let mut g = valid();
    g.finalise(today()).unwrap();
    let before = g.clone();
    assert!(
        g.edit(|g| g.decision = Some(Decision::Close)).is_err(),
        "a final PGA cannot be altered"
    );
    assert_eq!(g, before);
    assert!(one_per_case(&["PCM-2026-0042"], " pcm-2026-0042 ").is_err());
    assert!(one_per_case(&["PCM-2026-0041"], "PCM-2026-0042").is_ok());
}

#[test]
fn pga_11_s8_the_decision_goes_to_the_fimu_unless_closing_a_rado_6_case() {
    assert!(!fimu_submission_required(Decision::Close, Some(6)));
    assert!(fimu_submission_required(Decision::Close, Some(5)));
    assert!(fimu_submission_required(Decision::Close, None));
    assert!(fimu_submission_required(Decision::KeepInPcm, Some(6)));
    assert!(fimu_submission_required(
        Decision::CloseAndEscalateToPursue,
        Some(6)
    ));
}

/// The issues of `g` with the section each cites.
fn cited(g: &Gateway) -> Vec<(String, String)> {
    validate(g, today())
        .issues
        .into_iter()
        .map(|i| (i.path, i.section))
        .collect()
}

#[test]
fn pga_12_s8_an_unknown_nationality_is_decided_as_a_foreign_national_with_a_warning() {
    check(
        with(|g| {
            g.nationality = Some(Nationality::NotKnown);
            g.overseas = decided(false);
        }),
        &[(W, "PGA-12", "subject.nationality")],
    );
    assert_eq!(
        with(|g| g.nationality = Some(Nationality::NotKnown)).foreign_national(),
        None
    );
}

#[test]
fn pga_13_s9_an_unknown_age_is_decided_as_a_juvenile_with_a_warning() {
    check(
        with(|g| {
            g.birth = Some(Birth::NotKnown);
            g.piw = decided(false);
        }),
        &[(W, "PGA-13", "subject.dob_known")],
    );
    assert_eq!(
        with(|g| g.birth = Some(Birth::NotKnown)).juvenile(today()),
        None
    );
}

#[test]
fn pga_20_s2_s9_every_person_has_a_flag_decision_and_its_rationale_either_way() {
    check(
        with(|g| g.flag = Duty::default()),
        &[
            (E, "PGA-20", "prompts.flag_decision"),
            (E, "PGA-20", "prompts.flag_rationale"),
        ],
    );
    for done in [true, false] {
        check(with(|g| g.flag = decided(done)), &[]);
        check(
            with(|g| {
                g.flag = Duty {
                    decision: Some(done),
                    rationale: " ".into(),
                }
            }),
            &[(E, "PGA-20", "prompts.flag_rationale")],
        );
    }
    check(
        with(|g| g.flag.decision = None),
        &[(E, "PGA-20", "prompts.flag_decision")],
    );
    assert_eq!(
        cited(&with(|g| g.flag = Duty::default())),
        [
            ("prompts.flag_decision".into(), "s9".into()),
            ("prompts.flag_rationale".into(), "s2".into()),
        ]
    );
    // Not for an institution or an ideological expression.
    for subject in [Subject::Institution, Subject::IdeologicalExpression] {
        check(
            with(|g| {
                g.subject = subject;
                g.flag = Duty::default();
                g.nationality = Some(Nationality::NotKnown);
                g.birth = Some(Birth::NotKnown);
                g.travel_propensity = true;
            }),
            &[],
        );
    }
}

#[test]
fn pga_20_s2_s8_fco_cro_and_immigration_decided_either_way_for_a_foreign_national_or_unknown_nationality(
) {
    let foreign = |g: &mut Gateway| g.nationality = Some(Nationality::Other("French".into()));
    check(
        with(foreign),
        &[
            (E, "PGA-20", "prompts.overseas_decision"),
            (E, "PGA-20", "prompts.overseas_rationale"),
        ],
    );
    assert_eq!(
        cited(&with(foreign)),
        [
            ("prompts.overseas_decision".into(), "s8".into()),
            ("prompts.overseas_rationale".into(), "s2".into()),
        ]
    );
    for done in [true, false] {
        check(
            with(|g| {
                foreign(g);
                g.overseas = decided(done);
            }),
            &[],
        );
        check(
            with(|g| {
                foreign(g);
                g.overseas.decision = Some(done);
            }),
            &[(E, "PGA-20", "prompts.overseas_rationale")],
        );
    }
    // Not known: decided as for a foreign national, with PGA-12's warning.
    check(
        with(|g| g.nationality = Some(Nationality::NotKnown)),
        &[
            (W, "PGA-12", "subject.nationality"),
            (E, "PGA-20", "prompts.overseas_decision"),
            (E, "PGA-20", "prompts.overseas_rationale"),
        ],
    );
    // British, or not answered yet (its own question's error): nothing to decide.
    check(with(|g| g.nationality = Some(Nationality::British)), &[]);
    check(with(|g| g.nationality = None), &[]);
    assert_eq!(with(foreign).foreign_national(), Some(true));
    assert_eq!(valid().foreign_national(), Some(false));
}

#[test]
fn pga_20_s9_a_juvenile_on_the_date_of_receipt_needs_a_piw_decision_birthdays_included() {
    let piw_issues = [
        (E, "PGA-20", "prompts.piw_decision"),
        (E, "PGA-20", "prompts.piw_rationale"),
    ];
    let born = |dob: &str, received: Option<&str>| {
        let dob = d(dob);
        let received = received.map(d);
        with(move |g| {
            g.birth = Some(Birth::Date(dob));
            g.received = received;
        })
    };
    // Received 21 November 2026: the day before the 18th birthday is a juvenile, the birthday
    // is not.
    check(born("2008-11-22", Some("2026-11-21")), &piw_issues);
    check(born("2008-11-21", Some("2026-11-21")), &[]);
    // The date of receipt counts, not today (28 November 2026): 18 today, 17 when received.
    assert!(born("2008-11-22", Some("2026-11-21")).juvenile(today()) == Some(true));
    // Until the date of receipt is entered, today counts.
    check(born("2008-11-22", None), &[]);
    check(born("2008-11-29", None), &piw_issues);
    // Born on 29 February: 18 on 1 March in a year that has no 29 February.
    check(born("2008-02-29", Some("2026-02-28")), &piw_issues);
    check(born("2008-02-29", Some("2026-03-01")), &[]);
    check(born("2008-02-29", Some("2028-02-28")), &[]);
    // An approximate age counts when the date of birth is not known.
    check(
        with(|g| g.birth = Some(Birth::ApproximateAge(17))),
        &piw_issues,
    );
    check(with(|g| g.birth = Some(Birth::ApproximateAge(18))), &[]);
    // An age not known is decided as for a juvenile, with PGA-13's warning.
    check(
        with(|g| g.birth = Some(Birth::NotKnown)),
        &[
            (W, "PGA-13", "subject.dob_known"),
            (E, "PGA-20", "prompts.piw_decision"),
            (E, "PGA-20", "prompts.piw_rationale"),
        ],
    );
    // Not answered yet (its own question's error): nothing to decide.
    check(with(|g| g.birth = None), &[]);
    // Decided either way, with a rationale.
    for done in [true, false] {
        let g = with(|g| {
            g.birth = Some(Birth::ApproximateAge(15));
            g.piw = decided(done);
            g.travel_risk = "Asked about flights to a conflict area".into();
        });
        check(g, &[]);
        check(
            with(|g| {
                g.birth = Some(Birth::ApproximateAge(15));
                g.piw.decision = Some(done);
                g.travel_risk = "Asked about flights to a conflict area".into();
            }),
            &[(E, "PGA-20", "prompts.piw_rationale")],
        );
    }
    assert_eq!(
        cited(&with(|g| g.birth = Some(Birth::ApproximateAge(15)))),
        [
            ("prompts.piw_decision".into(), "s9".into()),
            ("prompts.piw_rationale".into(), "s2".into()),
        ]
    );
}

#[test]
fn pga_20_s9_travel_propensity_needs_a_piw_decision_and_a_request_made_articulates_the_travel_risk()
{
    let travels = |g: &mut Gateway| g.travel_propensity = true;
    check(
        with(travels),
        &[
            (E, "PGA-20", "prompts.piw_decision"),
            (E, "PGA-20", "prompts.piw_rationale"),
        ],
    );
    // Considered and not requested: no travel risk to articulate.
    check(
        with(|g| {
            travels(g);
            g.piw = decided(false);
        }),
        &[],
    );
    // Requested: the travel risk is articulated, for a traveller or a juvenile alike.
    check(
        with(|g| {
            travels(g);
            g.piw = decided(true);
        }),
        &[(E, "PGA-20", "prompts.travel_risk")],
    );
    check(
        with(|g| {
            g.birth = Some(Birth::ApproximateAge(16));
            g.piw = decided(true);
            g.travel_risk = " ".into();
        }),
        &[(E, "PGA-20", "prompts.travel_risk")],
    );
    check(
        with(|g| {
            travels(g);
            g.piw = decided(true);
            g.travel_risk = "Booked flight to a conflict zone in January".into();
        }),
        &[],
    );
    assert_eq!(
        cited(&with(|g| {
            travels(g);
            g.piw = decided(true);
        })),
        [("prompts.travel_risk".into(), "s9".into())]
    );
}

#[test]
fn pga_14_s10_under_pursue_investigation_never_channel_and_plp_only_exceptionally() {
    let dovetail_lacc = |g: &mut Gateway| {
        g.area = AreaModel::Dovetail;
        g.unsuitable_for_plp = true;
        g.decision = Some(Decision::ReferToLacc);
        g.under_pursue_investigation = true;
    };
    check(with(dovetail_lacc), &[(E, "PGA-14", "decision.outcome")]);
    check(
        with(|g| {
            g.under_pursue_investigation = true;
            g.decision = Some(Decision::StraightToPlp);
        }),
        &[(W, "PGA-14", "decision.outcome")],
    );
    // Kept in PCM it is PGA-19's warning (s10), below.
    check(
        with(|g| {
            g.under_pursue_investigation = true;
            g.decision = Some(Decision::Close);
            g.reasonable_belief_no_concern = true;
        }),
        &[],
    );
}

#[test]
fn pga_19_s10_keep_in_pcm_under_pursue_investigation_warns_that_it_cannot_become_channel() {
    let r = validate(&with(|g| g.under_pursue_investigation = true), today());
    assert_eq!(r.issues.len(), 1);
    let w = &r.issues[0];
    assert_eq!(
        (
            w.severity,
            w.rule_id.id(),
            w.path.as_str(),
            w.section.as_str()
        ),
        (W, "PGA-19", "decision.outcome", "s10")
    );
    assert!(
        w.message.contains("cannot become a Channel case"),
        "{}",
        w.message
    );
    assert!(w.message.ends_with("(PGA-19, s10)"), "{}", w.message);
    assert!(!r.has_errors(), "a warning, not a blocker");
    // Not under investigation, or another decision: no PGA-19 warning.
    check(valid(), &[]);
    check(
        with(|g| {
            g.under_pursue_investigation = true;
            g.decision = Some(Decision::StraightToPlp);
        }),
        &[(W, "PGA-14", "decision.outcome")],
    );
}

#[test]
fn pga_19_s7_checks_before_deconfliction_only_when_the_fimu_asked_or_local_biographical_data() {
    // De-confliction is on 20 November; a check the day before.
    let early = |key: &'static str, before: Vec<PreDeconflictionActivity>| {
        with(move |g| {
            for (k, c) in g.checks.iter_mut() {
                if *k == key {
                    *c = Check::Done {
                        on: Some(d("2026-11-19")),
                        result: "No trace".into(),
                    };
                }
            }
            g.pre_deconfliction = before;
        })
    };
    use PreDeconflictionActivity::*;
    check(early("pnc", vec![]), &[(E, "PGA-19", "checks.pnc.date")]);
    check(early("pnc", vec![RequestedByFimu]), &[]);
    // Biographical data is from local systems (s7): it covers the local check, not PNC.
    check(
        early("pnc", vec![BasicBiographicalData]),
        &[(E, "PGA-19", "checks.pnc.date")],
    );
    check(early("local", vec![BasicBiographicalData]), &[]);
    check(early("local", vec![RequestedByFimu]), &[]);
    check(
        early("local", vec![ContactReferrerForBasicInformation]),
        &[(E, "PGA-19", "checks.local.date")],
    );
    check(
        early("open-source", vec![ContactReferrerForBasicInformation]),
        &[(E, "PGA-19", "checks.open-source.date")],
    );
    // On the day of de-confliction is not before it.
    check(
        with(|g| {
            g.checks[3].1 = Check::Done {
                on: Some(d("2026-11-20")),
                result: "No trace".into(),
            }
        }),
        &[],
    );
    // No de-confliction date: PGA-1's error only.
    let mut g = early("pnc", vec![]);
    g.deconfliction.date = None;
    check(g, &[(E, "PGA-1", "deconfliction.date")]);
    let r = validate(&early("pnc", vec![]), today());
    assert_eq!(r.issues[0].section, "s7");
    assert!(
        r.issues[0].message.contains("20 November 2026"),
        "{}",
        r.issues[0].message
    );
    assert!(
        r.issues[0].message.ends_with("(PGA-19, s7)"),
        "{}",
        r.issues[0].message
    );
}

#[test]
fn pga_19_s7_partner_contact_and_visit_before_deconfliction_only_as_an_exception() {
    use PreDeconflictionActivity::*;
    let contact = |on: &str, before: Vec<PreDeconflictionActivity>| {
        let on = d(on);
        with(move |g| {
            g.partner_contact = Some("Referrer asked what the remark was about.".into());
            g.partner_contact_on = Some(on);
            g.pre_deconfliction = before;
        })
    };
    check(
        contact("2026-11-19", vec![]),
        &[(E, "PGA-19", "contact.date")],
    );
    check(
        contact("2026-11-19", vec![ContactReferrerForBasicInformation]),
        &[],
    );
    check(contact("2026-11-19", vec![BasicBiographicalData]), &[]);
    check(contact("2026-11-19", vec![RequestedByFimu]), &[]);
    check(contact("2026-11-21", vec![]), &[]);
    let r = validate(&contact("2026-11-19", vec![]), today());
    assert!(
        r.issues[0].message.ends_with("(PGA-19, s7)"),
        "{}",
        r.issues[0].message
    );
    let visit = |on: &str, before: Vec<PreDeconflictionActivity>| {
        let v = Visit {
            on: Some(d(on)),
            ..agreed_visit()
        };
        with(move |g| {
            g.visit = Some(v);
            g.pre_deconfliction = before;
        })
    };
    check(visit("2026-11-19", vec![]), &[(E, "PGA-19", "visit.date")]);
    check(
        visit(
            "2026-11-19",
            vec![ContactReferrerForBasicInformation, BasicBiographicalData],
        ),
        &[(E, "PGA-19", "visit.date")],
    );
    check(visit("2026-11-19", vec![RequestedByFimu]), &[]);
    check(visit("2026-11-20", vec![]), &[]);
    // A planned visit can be in the future.
    check(visit("2026-12-03", vec![]), &[]);
}

#[test]
fn pga_19_s7_a_sign_off_before_deconfliction_has_no_exception() {
    use PreDeconflictionActivity::*;
    check(
        with(|g| g.signed_off_on = Some(d("2026-11-19"))),
        &[(E, "PGA-19", "supervisor.date")],
    );
    check(
        with(|g| {
            g.signed_off_on = Some(d("2026-11-19"));
            g.pre_deconfliction = vec![
                ContactReferrerForBasicInformation,
                RequestedByFimu,
                BasicBiographicalData,
            ];
        }),
        &[(E, "PGA-19", "supervisor.date")],
    );
    check(with(|g| g.signed_off_on = Some(d("2026-11-20"))), &[]);
    check(with(|g| g.signed_off_on = None), &[]);
}

#[test]
fn pga_22_s7_a_tasking_from_another_ct_unit_is_not_assessed_as_a_pga() {
    check(
        with(|g| g.request = Some(Request::Tasking)),
        &[(E, "PGA-22", "case.request")],
    );
    let r = validate(&with(|g| g.request = Some(Request::Tasking)), today());
    assert_eq!(r.issues[0].section, "s7");
    assert!(
        r.issues[0].message.contains("does not enter PCM"),
        "{}",
        r.issues[0].message
    );
    assert!(
        r.issues[0].message.ends_with("(PGA-22, s7)"),
        "{}",
        r.issues[0].message
    );
    check(with(|g| g.request = Some(Request::Referral)), &[]);
    // Not answered is the form's required-answer rule (tests/pga_form.rs).
    check(with(|g| g.request = None), &[]);
}

#[test]
fn pga_22_s5_a_non_ct_investigation_is_recorded_with_its_details() {
    check(
        with(|g| g.non_ct_investigation = Some(true)),
        &[(E, "PGA-22", "non_ct.details")],
    );
    check(
        with(|g| {
            g.non_ct_investigation = Some(true);
            g.non_ct_details = "Criminal damage, Exampleton CID".into();
        }),
        &[],
    );
    check(with(|g| g.non_ct_investigation = Some(false)), &[]);
    let r = validate(&with(|g| g.non_ct_investigation = Some(true)), today());
    assert_eq!(r.issues[0].section, "s5");
    assert!(
        r.issues[0].message.ends_with("(PGA-22, s5)"),
        "{}",
        r.issues[0].message
    );
}

#[test]
fn pga_16_s14_supervisor_is_sergeant_or_staff_supervisor_approved_if_acting_and_never_the_ctco() {
    check(
        with(|g| g.supervisor = Some(officer("Pat Staff", Rank::PoliceStaffSupervisor))),
        &[],
    );
    check(
        with(|g| g.supervisor = Some(officer("Pat Constable", Rank::Constable))),
        &[(E, "PGA-16", "supervisor.rank")],
    );
    check(
        with(|g| g.supervisor = Some(officer(" jo case ", Rank::SergeantOrAbove))),
        &[(E, "PGA-16", "supervisor.name")],
    );
    let acting = Officer {
        acting: true,
        ..officer("Al Acting", Rank::SergeantOrAbove)
    };
    check(
        with(|g| g.supervisor = Some(acting.clone())),
        &[(E, "PGA-16", "supervisor.acting_approved")],
    );
    check(
        with(|g| {
            g.supervisor = Some(Officer {
                acting_approved: true,
                ..acting.clone()
            })
        }),
        &[],
    );
}

/// The decisions offered for `g`, each with the rule that rules it out, if one does.
fn offered(g: &Gateway) -> Vec<(Decision, Option<&'static str>)> {
    Decision::ALL
        .iter()
        .map(|d| (*d, unavailable(g, *d).map(|u| u.rule_id.id())))
        .collect()
}

#[test]
fn pga_17_s8_s12_a_pursue_relevant_case_cannot_take_plain_close_and_its_escalation_goes_to_the_fimu(
) {
    // A reasonable belief of no Prevent concern, but a Pursue-relevant concern recorded: only
    // the escalation closes it.
    let pursue = |g: &mut Gateway| {
        g.reasonable_suspicion = false;
        g.reasonable_belief_no_concern = true;
        g.pursue_relevant = true;
    };
    check(
        with(|g| {
            pursue(g);
            g.decision = Some(Decision::Close);
        }),
        &[(E, "PGA-17", "decision.outcome")],
    );
    check(
        with(|g| {
            pursue(g);
            g.decision = Some(Decision::CloseAndEscalateToPursue);
        }),
        &[],
    );
    // Without Pursue relevance, plain Close stands (PGA-9's reasonable belief).
    check(
        with(|g| {
            g.reasonable_suspicion = false;
            g.reasonable_belief_no_concern = true;
            g.decision = Some(Decision::Close);
        }),
        &[],
    );
    let g = with(pursue);
    let why = unavailable(&g, Decision::Close).unwrap();
    assert_eq!((why.rule_id.id(), why.section), ("PGA-17", "s8, s12"));
    // The escalation goes to the FIMU whatever the RADO grade, 6 included (PGA-11 exempts only
    // a plain Close of a RADO 6 case).
    for rado in [Some(5), Some(6), None] {
        assert!(fimu_submission_required(
            Decision::CloseAndEscalateToPursue,
            rado
        ));
    }
}

#[test]
fn pga_18_s8_s11_straight_to_plp_needs_a_reasonable_suspicion_and_not_unsuitable_in_dovetail() {
    let plp = |g: &mut Gateway| g.decision = Some(Decision::StraightToPlp);
    check(with(plp), &[]);
    check(
        with(|g| {
            plp(g);
            g.reasonable_suspicion = false;
            g.reasonable_belief_no_concern = true;
        }),
        &[(E, "PGA-18", "decision.outcome")],
    );
    // An untraced institution goes straight to PLP (PGA-8), still only with a Prevent concern.
    let untraced = |g: &mut Gateway| {
        g.subject = Subject::Institution;
        g.responsible_person_traced = Some(false);
    };
    check(
        with(|g| {
            untraced(g);
            plp(g);
        }),
        &[],
    );
    check(
        with(|g| {
            untraced(g);
            plp(g);
            g.reasonable_suspicion = false;
        }),
        &[(E, "PGA-18", "decision.outcome")],
    );
    // Dovetail: a case judged unsuitable for PLP goes to the LACC, not into PLP.
    let dovetail_unsuitable = |g: &mut Gateway| {
        g.area = AreaModel::Dovetail;
        g.unsuitable_for_plp = true;
    };
    check(
        with(|g| {
            dovetail_unsuitable(g);
            plp(g);
        }),
        &[(E, "PGA-18", "decision.outcome")],
    );
    assert_eq!(
        offered(&with(dovetail_unsuitable)),
        [
            (Decision::KeepInPcm, Some("PGA-7")),
            (Decision::ReferToLacc, None),
            (Decision::StraightToPlp, Some("PGA-18")),
            (Decision::Close, Some("PGA-9")),
            (Decision::CloseAndEscalateToPursue, Some("PGA-9")),
        ]
    );
}

#[test]
fn decision_options_say_why_each_unavailable_one_is_not_offered() {
    assert_eq!(
        offered(&valid()),
        [
            (Decision::KeepInPcm, None),
            (Decision::ReferToLacc, Some("PGA-7")),
            (Decision::StraightToPlp, None),
            (Decision::Close, Some("PGA-9")),
            (Decision::CloseAndEscalateToPursue, Some("PGA-9")),
        ]
    );
}
