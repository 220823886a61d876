//! The DIF framework as data (issue 4, item 1): the default set from public sources, loading a
//! force's replacement file (validated in full; a bad file changes nothing), evidence for
//! present factors, and the running summary.

use prevent_core::dif::*;

fn rec(pairs: &[(&str, Finding, &str)]) -> Record {
    let f = default_framework();
    Record {
        framework: f.id.clone(),
        framework_version: f.version,
        factors: pairs
            .iter()
            .map(|(k, finding, e)| {
                (
                    k.to_string(),
                    Recorded {
                        finding: *finding,
                        evidence: e.to_string(),
                    },
                )
            })
            .collect(),
    }
}

#[test]
fn the_default_framework_has_the_22_vaf_factors_13_6_3_and_cites_its_sources() {
    let f = default_framework();
    let count = |id: &str| {
        f.sections
            .iter()
            .find(|s| s.id == id)
            .unwrap()
            .factors
            .len()
    };
    assert_eq!(
        (count("engagement"), count("intent"), count("capability")),
        (13, 6, 3)
    );
    assert!(
        f.sections.iter().all(|s| !s.source.trim().is_empty()),
        "every section cites a source"
    );
    assert_eq!(check(&f), Ok(()));
    let ids: Vec<&str> = f.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "engagement",
            "intent",
            "capability",
            "vulnerability",
            "threat",
            "protective"
        ]
    );
}

#[test]
fn a_replacement_framework_file_round_trips_and_loads() {
    let f = default_framework();
    let json = serde_json::to_string(&f).unwrap();
    assert_eq!(load(&json), Ok(f));
}

#[test]
fn a_bad_framework_file_is_refused_with_every_problem_named() {
    assert!(matches!(
        load("{not json").unwrap_err()[..],
        [FrameworkError::Unreadable(_)]
    ));
    let mut f = default_framework();
    f.title = " ".into();
    f.sections[0].factors[1].id = f.sections[0].factors[0].id.clone();
    f.sections[1].factors[0].label = "".into();
    f.sections[2].id = "Capability!".into();
    f.sections[3].factors.clear();
    let errors = load(&serde_json::to_string(&f).unwrap()).unwrap_err();
    assert_eq!(
        errors,
        vec![
            FrameworkError::MissingName,
            FrameworkError::Duplicate("engagement.grievance".into()),
            FrameworkError::MissingText("Factor 'intent.over-identification'".into()),
            FrameworkError::BadId("Capability!".into()),
            FrameworkError::Empty("Section 'vulnerability'".into()),
        ]
    );
    assert!(errors.iter().all(|e| !e.message().is_empty()));
}

#[test]
fn dif_1_s8_present_factors_need_evidence_and_unknown_factors_are_refused() {
    let f = default_framework();
    let ok = rec(&[
        (
            "intent.them-and-us",
            Finding::Present,
            "Posts describing 'the enemy'",
        ),
        ("capability.access", Finding::Absent, ""),
        ("threat.time-lock", Finding::Unknown, ""),
    ]);
    assert!(validate(&f, &ok).issues.is_empty());
    let bad = rec(&[
        ("intent.them-and-us", Finding::Present, "  "),
        ("intent.no-such-factor", Finding::Absent, ""),
    ]);
    let report = validate(&f, &bad);
    let got: Vec<(&str, &str)> = report
        .issues
        .iter()
        .map(|i| (i.rule_id.id(), i.path.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("DIF-1", "dif.intent.them-and-us"),
            ("DIF-1", "dif.intent.no-such-factor")
        ]
    );
}

#[test]
fn the_running_summary_lists_factors_found_by_section() {
    let f = default_framework();
    let r = rec(&[
        (
            "engagement.grievance",
            Finding::Present,
            "Says the council 'hates people like us'",
        ),
        (
            "threat.mobilisation",
            Finding::Present,
            "Researching travel routes",
        ),
        ("capability.access", Finding::Absent, ""),
    ]);
    let s = summary(&f, &r);
    assert_eq!(s.present, vec![
        ("Engagement with a group, cause or ideology".to_string(), vec!["Grievance and injustice".to_string()]),
        ("Threat and risk".to_string(), vec!["Mobilisation factors (for example attack research, acquiring weapons, travel plans)".to_string()]),
    ]);
    assert_eq!(s.absent, 1);
    let total: usize = f.sections.iter().map(|x| x.factors.len()).sum();
    assert_eq!(s.unknown, total - 3);
}
