//! Every policy deadline, named by its rule id, with cases across Christmas and New Year and
//! across Easter (DESIGN.md "Deadlines"), and the iCalendar export of them.

use chrono::NaiveDate;
use prevent_core::calendar::{Calendar, Division};
use prevent_core::deadline::*;
use prevent_core::ics;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn ew() -> Calendar<'static> {
    Calendar::of(Division::EnglandAndWales)
}

/// (start, expected due) per division.
fn check(f: impl Fn(NaiveDate, &Calendar) -> Deadline, division: Division, cases: &[(&str, &str)]) {
    for (start, due) in cases {
        let got = f(d(start), &Calendar::of(division));
        assert_eq!(
            got.due,
            d(due),
            "{} {} from {start}",
            got.rule_id,
            division.label()
        );
    }
}

#[test]
fn pga_2_s8_assessment_due_5_working_days_after_receipt_from_the_fimu() {
    check(
        pga_due,
        Division::EnglandAndWales,
        &[
            ("2026-11-23", "2026-11-30"), // an ordinary week: Monday -> next Monday
            ("2026-11-28", "2026-12-04"), // received on a Saturday: day 0 is still that day
            ("2026-12-22", "2026-12-31"), // across Christmas Friday and Boxing Day's Monday substitute
            ("2027-03-24", "2027-04-02"), // across Good Friday and Easter Monday
        ],
    );
    // Scotland has no Easter Monday holiday.
    check(pga_due, Division::Scotland, &[("2027-03-24", "2027-04-01")]);
    let p = pga_due(d("2026-12-22"), &ew());
    assert_eq!((p.rule_id.id(), p.section()), ("PGA-2", "s8"));
}

#[test]
fn pga_7_s8_s10_lacc_referral_due_5_working_days_across_new_year() {
    check(
        lacc_referral_due,
        Division::EnglandAndWales,
        &[("2026-12-29", "2027-01-06")],
    );
    // Scotland: 2 January is a Saturday, so Monday 4 January is a holiday too.
    check(
        lacc_referral_due,
        Division::Scotland,
        &[("2026-12-29", "2027-01-07")],
    );
}

#[test]
fn pga_15_s10_s36_decision_due_20_calendar_days_after_deconfliction() {
    // s10: "no more than 20 days following FIMU de-confliction"; s6 (Channel): "within 20
    // days". Calendar days: holidays and weekends do not move it.
    check(
        s36_decision_due,
        Division::EnglandAndWales,
        &[
            ("2026-12-14", "2027-01-03"), // across Christmas and New Year: still 20 days
            ("2027-03-15", "2027-04-04"), // across Easter
            ("2026-11-20", "2026-12-10"),
        ],
    );
    check(
        s36_decision_due,
        Division::Scotland,
        &[("2026-12-14", "2027-01-03")],
    );
}

#[test]
fn pga_15_s6_the_plp_reading_of_20_working_days_is_named_beside_the_earlier_date() {
    for (start, strict, plp) in [
        ("2026-12-14", "2027-01-03", "2027-01-14"), // across Christmas and New Year
        ("2027-03-15", "2027-04-04", "2027-04-14"), // across Easter
    ] {
        let got = s36_decision_due(d(start), &ew());
        let other = got.other_reading.expect("PGA-15 names the PLP reading");
        assert_eq!((got.due, other.due), (d(strict), d(plp)), "{start}");
        assert!(got.due < other.due, "the deadline is the earlier date");
        assert!(other.label.contains("s6") && other.label.contains("20 working days"));
        assert!(
            got.detail().contains(&format!(
                "20 working days: {}.",
                prevent_core::date::long_date(d(plp))
            )),
            "{}",
            got.detail()
        );
    }
    // Only PGA-15 has a second reading.
    assert_eq!(pga_due(d("2026-12-14"), &ew()).other_reading, None);
    assert_eq!(pga_due(d("2026-12-14"), &ew()).other_reading_text(), "");
}

#[test]
fn plp_5_s12_s14_review_cadence_by_band_or_before_the_next_panel() {
    let due =
        |band, last: &str, panel: Option<&str>| plp_review_due(band, d(last), panel.map(d)).due;
    // High: every 4 weeks (28 days), across New Year.
    assert_eq!(due(Band::High, "2026-12-10", None), d("2027-01-07"));
    // ...unless a panel comes first: then by the panel.
    assert_eq!(
        due(Band::High, "2026-12-10", Some("2027-01-05")),
        d("2027-01-05")
    );
    assert_eq!(
        plp_review_due(Band::High, d("2026-12-10"), Some(d("2027-01-05"))).title,
        "PLP review (before the panel)"
    );
    // A panel after the cadence date does not push it back.
    assert_eq!(
        due(Band::High, "2026-12-10", Some("2027-02-01")),
        d("2027-01-07")
    );
    // Standard: every 8 weeks, across Easter (calendar weeks: holidays do not move it).
    assert_eq!(due(Band::Standard, "2027-03-01", None), d("2027-04-26"));
    // Monitored: every 3 months, clamped to the end of February.
    assert_eq!(due(Band::Monitored, "2026-11-30", None), d("2027-02-28"));
}

#[test]
fn plp_11_s13_closed_case_reviews_at_6_and_12_months_each_within_5_working_days() {
    let [six, twelve] = closed_case_reviews(d("2026-06-30"), &ew());
    assert_eq!((six.start, six.due), (d("2026-12-30"), d("2027-01-07"))); // across New Year
    assert_eq!(
        (twelve.start, twelve.due),
        (d("2027-06-30"), d("2027-07-07"))
    );
    // The 6-month date falls on Good Friday 2027: the window runs past Easter Monday.
    let [six, _] = closed_case_reviews(d("2026-09-26"), &ew());
    assert_eq!((six.start, six.due), (d("2027-03-26"), d("2027-04-05")));
    assert_ne!(six.key, twelve.key);
}

#[test]
fn int_1_s9_summary_to_the_fimu_at_least_every_3_months() {
    assert_eq!(fimu_summary_due(d("2026-12-25")).due, d("2027-03-25"));
    assert_eq!(fimu_summary_due(d("2026-11-30")).due, d("2027-02-28"));
    // Calendar months: Easter does not move it (3 months from 26 January 2027 is 26 April).
    assert_eq!(fimu_summary_due(d("2027-01-26")).due, d("2027-04-26"));
}

#[test]
fn status_and_working_days_left_for_a_given_today() {
    let p = pga_due(d("2026-12-22"), &ew()); // due Thursday 31 December 2026
    let cal = ew();
    assert_eq!(p.status(d("2026-12-23")), Status::Upcoming);
    assert_eq!(p.working_days_left(d("2026-12-23"), &cal), 4);
    assert_eq!(
        p.summary(d("2026-12-23"), &cal),
        "Due 31 December 2026: 4 working days left"
    );
    assert_eq!(p.status(d("2026-12-31")), Status::DueToday);
    assert_eq!(
        p.summary(d("2026-12-31"), &cal),
        "Due today, 31 December 2026"
    );
    assert_eq!(p.status(d("2027-01-04")), Status::Overdue);
    assert_eq!(
        p.summary(d("2027-01-04"), &cal),
        "Overdue: was due 31 December 2026, 1 working day ago"
    );
    assert_eq!(
        p.clone()
            .done_on(Some(d("2027-01-04")))
            .status(d("2027-01-04")),
        Status::Done
    );
}

#[test]
fn user_added_holidays_move_every_deadline() {
    let extra = [prevent_core::calendar::ExtraHoliday {
        date: d("2026-11-27"),
        name: "Announced".into(),
    }];
    let cal = Calendar::new(Division::EnglandAndWales, &extra);
    assert_eq!(pga_due(d("2026-11-23"), &cal).due, d("2026-12-01"));
}

#[test]
fn ics_has_one_all_day_event_per_deadline_with_stable_uids_and_a_reminder() {
    let cal = ew();
    let mut deadlines = vec![
        pga_due(d("2026-12-22"), &cal),
        s36_decision_due(d("2026-12-14"), &cal),
    ];
    deadlines.extend(closed_case_reviews(d("2026-06-30"), &cal));
    let text = ics::to_ics(
        "CASE 12/345, Northtown; B",
        &deadlines,
        "20261128T143000Z",
        prevent_core::PROTECTIVE_MARKING,
    );
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 4);
    assert_eq!(text.matches("BEGIN:VALARM").count(), 4);
    assert!(text.contains("UID:CASE-12-345--NORTHTOWN--B-pga-2@prevent-case-toolkit\r\n"));
    assert!(text.contains("DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n"));
    // The reference is escaped in text values.
    assert!(text.contains("(CASE 12/345\\, Northtown\\; B)"));
    // Every physical line is at most 75 octets and ends with CRLF.
    assert!(text.split("\r\n").all(|l| l.len() <= 75));
    assert!(!text.replace("\r\n", "").contains('\n'));
    // Re-exporting later gives the same UIDs (the calendar updates, not duplicates).
    let again = ics::to_ics(
        "CASE 12/345, Northtown; B",
        &deadlines,
        "20261201T090000Z",
        prevent_core::PROTECTIVE_MARKING,
    );
    let uids = |t: &str| {
        t.lines()
            .filter(|l| l.starts_with("UID:"))
            .map(String::from)
            .collect::<Vec<_>>()
    };
    assert_eq!(uids(&text), uids(&again));
}

#[test]
fn pga_7_and_pga_15_depend_on_dovetail_and_a_case_gets_every_deadline_its_dates_start() {
    let cal = ew();
    let mut dates = CaseDates {
        received_from_fimu: Some(d("2026-12-22")),
        deconflicted: Some(d("2026-12-21")),
        dovetail: false,
        plp: Some(PlpDates {
            band: Band::High,
            every: None,
            last_review: d("2026-12-10"),
            last_panel: None,
            next_panel: None,
        }),
        closed: Some(d("2026-06-30")),
        last_fimu_submission: Some(d("2026-11-30")),
    };
    let ids = |v: Vec<Deadline>| v.iter().map(|x| x.key).collect::<Vec<_>>();
    assert_eq!(
        ids(case_deadlines(&dates, &cal)),
        [
            "pga-2",
            "pga-15",
            "plp-5",
            "plp-11-6-months",
            "plp-11-12-months",
            "int-1"
        ]
    );
    dates.dovetail = true;
    assert_eq!(
        ids(case_deadlines(&dates, &cal)),
        [
            "pga-2",
            "pga-7",
            "plp-5",
            "plp-11-6-months",
            "plp-11-12-months",
            "int-1"
        ]
    );
    assert!(case_deadlines(&CaseDates::default(), &cal).is_empty());
}
