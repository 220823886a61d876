//! The records hub's list (issue 6, DESIGN.md "Records"): filter by type and status, sort by
//! last change or next deadline.

use chrono::NaiveDate;
use prevent_core::records::{list, Filter, Sort};
use prevent_core::store::DraftSummary;
use prevent_core::DraftStatus::{self, Finished, InProgress};

fn rec(id: &str, kind: &str, saved_at: &str, status: DraftStatus) -> DraftSummary {
    DraftSummary {
        id: id.into(),
        kind: kind.into(),
        label: format!("{kind} {id}"),
        saved_at: saved_at.into(),
        status,
    }
}

/// As the store lists them: most recently saved first.
fn listing() -> Vec<DraftSummary> {
    vec![
        rec("a", "pga", "2027-01-10T10:00:00Z", InProgress),
        rec("b", "plp", "2027-01-09T10:00:00Z", Finished),
        rec("c", "plp-review", "2027-01-08T10:00:00Z", Finished),
        rec("d", "pga", "2027-01-07T10:00:00Z", Finished),
        rec("e", "plp", "2027-01-06T10:00:00Z", InProgress),
    ]
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Next deadlines: b soonest, then d and a on one day (a saved later), e and c none.
fn due(id: &str) -> Option<NaiveDate> {
    match id {
        "a" => Some(d("2027-02-01")),
        "b" => Some(d("2027-01-20")),
        "d" => Some(d("2027-02-01")),
        _ => None,
    }
}

fn ids(filter: &Filter, sort: Sort) -> String {
    let l = listing();
    list(&l, filter, sort, due)
        .iter()
        .map(|r| r.id.as_str())
        .collect()
}

#[test]
fn rec_5_filter_by_type_and_status() {
    let kinds = |k: &[&str]| k.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    for (name, filter, want) in [
        ("everything", Filter::default(), "abcde"),
        (
            "assessments and cases",
            Filter {
                kinds: kinds(&["pga", "plp"]),
                status: None,
            },
            "abde",
        ),
        (
            "PLP cases only",
            Filter {
                kinds: kinds(&["plp"]),
                status: None,
            },
            "be",
        ),
        (
            "in progress",
            Filter {
                kinds: vec![],
                status: Some(InProgress),
            },
            "ae",
        ),
        (
            "finished assessments and cases",
            Filter {
                kinds: kinds(&["pga", "plp"]),
                status: Some(Finished),
            },
            "bd",
        ),
        (
            "a type with no records",
            Filter {
                kinds: kinds(&["nrf"]),
                status: None,
            },
            "",
        ),
    ] {
        assert_eq!(ids(&filter, Sort::LastChanged), want, "{name}");
    }
}

#[test]
fn rec_5_sort_by_last_change_keeps_the_newest_first() {
    assert_eq!(ids(&Filter::default(), Sort::LastChanged), "abcde");
}

#[test]
fn rec_5_sort_by_next_deadline_soonest_first_then_those_without_newest_first() {
    // b (20 January), then a and d (1 February: a was changed more recently), then c and e
    // (no deadline), newest first.
    assert_eq!(ids(&Filter::default(), Sort::NextDeadline), "badce");
    // Filtered then sorted.
    let finished = Filter {
        kinds: vec![],
        status: Some(Finished),
    };
    assert_eq!(ids(&finished, Sort::NextDeadline), "bdc");
}

mod retention {
    use chrono::NaiveDate;
    use prevent_core::records::{retention, RETENTION_WARNING_DAYS};
    use prevent_core::store::DraftSummary;
    use prevent_core::DraftStatus;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn saved(id: &str, at: &str) -> DraftSummary {
        DraftSummary {
            id: id.into(),
            kind: "nrf".into(),
            label: String::new(),
            saved_at: format!("{at}T10:00:00.000Z"),
            status: DraftStatus::InProgress,
        }
    }

    #[test]
    fn sec_2_retention_warns_before_a_record_reaches_its_limit_and_asks_once_it_is_past() {
        let today = d("2026-11-28");
        let listing = vec![
            saved("fresh", "2026-11-01"),
            // 90 days after 2026-09-01 is 2026-11-30: two days away, so warned about.
            saved("soon", "2026-09-01"),
            // Exactly 14 days before its date: warned; 15: not yet.
            saved("edge", "2026-09-13"),
            saved("not-yet", "2026-09-14"),
            // 90 days after 2026-08-30 is 2026-11-28: today, so past.
            saved("today", "2026-08-30"),
            saved("old", "2025-01-01"),
            saved("unreadable-date", "someday"),
        ];
        let r = retention(&listing, today, 90);
        assert_eq!(r.expired, vec!["today".to_string(), "old".to_string()]);
        assert_eq!(
            r.due,
            vec![
                ("soon".to_string(), d("2026-11-30")),
                ("edge".to_string(), d("2026-12-12")),
            ]
        );
        assert_eq!((d("2026-12-12") - today).num_days(), RETENTION_WARNING_DAYS);
    }

    #[test]
    fn sec_2_no_retention_never_warns_or_removes() {
        let listing = vec![saved("old", "2020-01-01")];
        assert_eq!(retention(&listing, d("2026-11-28"), 0), Default::default());
    }
}
