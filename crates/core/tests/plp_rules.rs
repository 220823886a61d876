//! Police-led Partnership rules (s11-s13), each with a passing and a failing case, named by
//! rule id. PLP-5 and PLP-11 (dates) are in tests/deadlines.rs.

use prevent_core::deadline::Band;
use prevent_core::dif::{Finding, Record, Recorded};
use prevent_core::plp::*;
use prevent_core::RuleId;

fn dif(present: &[&str]) -> Record {
    Record {
        framework: "ctp-default".into(),
        framework_version: 1,
        factors: present
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
            .collect(),
    }
}

fn rules(issues: &[prevent_core::Issue]) -> Vec<&str> {
    issues.iter().map(|i| i.rule_id.id()).collect()
}

#[test]
fn plp_2_s12_any_high_trigger_suggests_high_and_names_it() {
    for (key, reason) in [
        ("threat.escalation", "An unmitigated escalation factor"),
        ("threat.mobilisation", "An unmitigated mobilisation factor"),
        (
            "threat.harm",
            "An apparent, imminent or escalating risk of harm",
        ),
        ("threat.time-lock", "A time-lock"),
        ("threat.pursue", "Pursue relevance"),
    ] {
        let s = suggest_band(
            &dif(&[key, "intent.them-and-us"]),
            &BandingInputs::default(),
        );
        assert_eq!(s.band, Some(Band::High), "{key}");
        assert_eq!(
            (s.triggers[0].rule_id, s.triggers[0].reason.as_str()),
            (RuleId::Plp2, reason)
        );
    }
    let judged = BandingInputs {
        professional_judgement: Some("Critical incident risk".into()),
        ..Default::default()
    };
    assert_eq!(suggest_band(&dif(&[]), &judged).band, Some(Band::High));
    let vsh = BandingInputs {
        urgent_mental_health: true,
        ..Default::default()
    };
    assert_eq!(suggest_band(&dif(&[]), &vsh).band, Some(Band::High));
    // Professional judgement without a rationale is not a trigger.
    let empty = BandingInputs {
        professional_judgement: Some(" ".into()),
        ..Default::default()
    };
    assert_eq!(suggest_band(&dif(&[]), &empty).band, None);
}

#[test]
fn plp_3_s12_a_prevent_relevant_factor_or_agreed_work_suggests_standard() {
    let s = suggest_band(
        &dif(&["engagement.grievance", "capability.access"]),
        &BandingInputs::default(),
    );
    assert_eq!(s.band, Some(Band::Standard));
    assert_eq!(
        s.triggers[0].reason,
        "2 Prevent-relevant factors needing further work"
    );
    let agreed = BandingInputs {
        agreed_work_needed: true,
        ..Default::default()
    };
    assert_eq!(suggest_band(&dif(&[]), &agreed).band, Some(Band::Standard));
    // Protective factors alone are not a reason for PLP work.
    assert_eq!(
        suggest_band(
            &dif(&["protective.family-support"]),
            &BandingInputs::default()
        )
        .band,
        None
    );
}

#[test]
fn plp_1_and_plp_4_s12_a_band_is_required_and_monitored_never_at_entry() {
    let s = suggest_band(&dif(&["engagement.grievance"]), &BandingInputs::default());
    let choice = |band, at_entry, reason| BandChoice {
        band,
        at_entry,
        monitored_reason: reason,
        rationale: String::new(),
    };
    assert_eq!(
        rules(&check_band(&choice(Some(Band::Standard), true, None), &s)),
        Vec::<&str>::new()
    );
    assert_eq!(rules(&check_band(&choice(None, true, None), &s)), ["PLP-1"]);
    assert_eq!(
        rules(&check_band(
            &choice(
                Some(Band::Monitored),
                true,
                Some(MonitoredReason::DeEscalated)
            ),
            &s
        )),
        ["PLP-4"]
    );
    assert_eq!(
        rules(&check_band(&choice(Some(Band::Monitored), false, None), &s)),
        ["PLP-4"]
    );
    assert_eq!(
        rules(&check_band(
            &choice(
                Some(Band::Monitored),
                false,
                Some(MonitoredReason::OutOfCommunity)
            ),
            &s
        )),
        Vec::<&str>::new()
    );
}

#[test]
fn plp_2_s12_choosing_below_the_suggestion_needs_a_rationale_and_pursue_warns_plp_6() {
    let s = suggest_band(&dif(&["threat.pursue"]), &BandingInputs::default());
    let mut c = BandChoice {
        band: Some(Band::Standard),
        at_entry: true,
        monitored_reason: None,
        rationale: String::new(),
    };
    assert_eq!(rules(&check_band(&c, &s)), ["PLP-2", "PLP-6"]);
    c.rationale = "Pursue confirmed no interest; travel plans cancelled".into();
    assert_eq!(rules(&check_band(&c, &s)), ["PLP-6"]);
    let plain = suggest_band(&dif(&["threat.harm"]), &BandingInputs::default());
    c.band = Some(Band::High);
    assert_eq!(rules(&check_band(&c, &plain)), Vec::<&str>::new());
}

#[test]
fn plp_7_s11_each_entry_route_needs_its_rationale() {
    assert_eq!(rules(&check_entry(None, "x")), ["PLP-7"]);
    for route in [
        EntryRoute::FromGatewayDecision,
        EntryRoute::AfterInformationGathering,
        EntryRoute::OutOfChannel,
    ] {
        assert_eq!(rules(&check_entry(Some(route), " ")), ["PLP-7"]);
        assert!(check_entry(
            Some(route),
            "Refuses Channel support; continues to share material"
        )
        .is_empty());
    }
}

#[test]
fn plp_8_s11_police_chair_attendees_with_rationale_never_channel_aob() {
    let good = Panel {
        chair_is_police: true,
        chair_supervisory: true,
        chair_is_managing_ctco: false,
        attendees_rationale: "LA safeguarding lead and school DSL: ongoing contact".into(),
        as_channel_aob: false,
    };
    assert!(check_panel(&good).is_empty());
    assert_eq!(
        rules(&check_panel(&Panel {
            chair_is_police: false,
            ..good.clone()
        })),
        ["PLP-8"]
    );
    assert_eq!(
        rules(&check_panel(&Panel {
            as_channel_aob: true,
            ..good.clone()
        })),
        ["PLP-8"]
    );
    assert_eq!(
        rules(&check_panel(&Panel {
            attendees_rationale: "".into(),
            ..good.clone()
        })),
        ["PLP-8"]
    );
    // "Wherever possible" and "should": warnings, not blockers.
    let w = check_panel(&Panel {
        chair_supervisory: false,
        chair_is_managing_ctco: true,
        ..good
    });
    assert!(w
        .iter()
        .all(|i| i.severity == prevent_core::Severity::Warning && i.rule_id == RuleId::Plp8));
    assert_eq!(w.len(), 2);
}

#[test]
fn plp_9_and_plp_10_s13_closure_code_supervised_dif_and_rpc_authority_when_risk_remains() {
    let good = Closure {
        band: None,
        code: Some(ClosureCode::RiskReduced),
        closing_dif_supervised: true,
        ct_risk_remaining: false,
        rpc_authority: false,
        justification: String::new(),
    };
    assert!(check_closure(&good).is_empty());
    assert_eq!(
        rules(&check_closure(&Closure {
            band: None,
            code: None,
            ..good.clone()
        })),
        ["PLP-9"]
    );
    assert_eq!(
        rules(&check_closure(&Closure {
            band: None,
            code: Some(ClosureCode::ChannelConcernsAddressed),
            ..good.clone()
        })),
        ["PLP-9"]
    );
    assert_eq!(
        rules(&check_closure(&Closure {
            closing_dif_supervised: false,
            ..good.clone()
        })),
        ["PLP-10"]
    );
    let risky = Closure {
        ct_risk_remaining: true,
        ..good.clone()
    };
    assert_eq!(rules(&check_closure(&risky)), ["PLP-10", "PLP-10"]);
    let authorised = Closure {
        rpc_authority: true,
        justification: "Subject emigrated permanently; no UK nexus remains; FIMU informed.".into(),
        ..risky
    };
    assert!(check_closure(&authorised).is_empty());
}

#[test]
fn plp_12_s12_a_case_closes_from_monitored_unless_its_code_cannot_wait() {
    use prevent_core::deadline::Band;
    let closing = |band: Option<Band>, code: ClosureCode| Closure {
        band,
        code: Some(code),
        closing_dif_supervised: true,
        ct_risk_remaining: false,
        rpc_authority: false,
        justification: String::new(),
    };
    let all = [
        ClosureCode::Deceased,
        ClosureCode::NoCtConcern,
        ClosureCode::NotLocated,
        ClosureCode::EscalatedToPursue,
        ClosureCode::NonCtIssueReferredOnwards,
        ClosureCode::RiskReduced,
        ClosureCode::ExitedIntoChannel,
    ];
    for code in all {
        // From Monitored, the review period before exit: every PLP code, into Channel included.
        assert_eq!(
            rules(&check_closure(&closing(Some(Band::Monitored), code))),
            Vec::<&str>::new(),
            "{code:?}"
        );
        for band in [Band::High, Band::Standard] {
            let want: Vec<&str> = if code.cannot_wait() {
                vec![]
            } else {
                vec!["PLP-12"]
            };
            assert_eq!(
                rules(&check_closure(&closing(Some(band), code))),
                want,
                "{band:?} {code:?}"
            );
        }
    }
    assert!(
        ClosureCode::Deceased.cannot_wait()
            && ClosureCode::NotLocated.cannot_wait()
            && ClosureCode::EscalatedToPursue.cannot_wait()
    );
    let refused = check_closure(&closing(Some(Band::High), ClosureCode::RiskReduced));
    assert_eq!(
        (refused[0].path.as_str(), refused[0].section.as_str()),
        ("closure.code", "s12")
    );
    assert_eq!(
        refused[0].message,
        "A case leaves PLP through Monitored, its review period before exit: reassess it as Monitored first. Only a subject who has died, cannot be located or has been escalated to Pursue closes from High or Standard (PLP-12, s12)"
    );
}
