//! The working-day calendar (DESIGN.md "Deadlines"): computed bank holidays against an
//! independent source, and properties of working-day arithmetic over every start date.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use prevent_core::calendar::{
    bank_holidays, AddHolidayError, Calendar, CalendarSettings, Division,
};
use std::collections::BTreeSet;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn weekend(x: NaiveDate) -> bool {
    matches!(x.weekday(), Weekday::Sat | Weekday::Sun)
}

#[test]
fn computed_bank_holidays_2018_to_2035_equal_the_independent_source_in_all_three_divisions() {
    let fixture: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/uk_bank_holidays_2018_2035.json")).unwrap();
    let mut compared = 0;
    for division in Division::ALL {
        let expected: BTreeSet<NaiveDate> = fixture["divisions"][division.id()]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| d(h["date"].as_str().unwrap()))
            .filter(|x| !weekend(*x))
            .collect();
        let computed: BTreeSet<NaiveDate> = (2018..=2035)
            .flat_map(|y| bank_holidays(division, y))
            .map(|(x, _)| x)
            .collect();
        let missing: Vec<_> = expected.difference(&computed).collect();
        let extra: Vec<_> = computed.difference(&expected).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{}: missing {missing:?}, extra {extra:?}",
            division.label()
        );
        compared += expected.len();
    }
    // 2018-2035: 8 (E&W), 9 (Scotland) and 10 (NI) a year, plus the extra days of 2022 (the
    // Platinum Jubilee and the State Funeral) and 2023 (the Coronation) in each division, and
    // Scotland's 2026 one-off (2020 and 2022 also moved a holiday, which adds none).
    assert_eq!(compared, 18 * (8 + 9 + 10) + 3 * 3 + 1, "dates compared");
}

fn names(division: Division, year: i32) -> Vec<(String, &'static str)> {
    bank_holidays(division, year)
        .into_iter()
        .map(|(x, n)| (x.format("%m-%d").to_string(), n))
        .collect()
}

#[test]
fn christmas_and_boxing_day_chains_move_to_the_next_free_weekdays() {
    let dec = |y| {
        names(Division::EnglandAndWales, y)
            .into_iter()
            .filter(|(x, _)| x.starts_with("12"))
            .map(|(x, _)| x)
            .collect::<Vec<_>>()
    };
    assert_eq!(dec(2021), ["12-27", "12-28"]); // Christmas Saturday
    assert_eq!(dec(2022), ["12-26", "12-27"]); // Christmas Sunday: Boxing Day Monday, Christmas Tuesday
    assert_eq!(dec(2020), ["12-25", "12-28"]); // Boxing Day Saturday
                                               // Substitute days say so, as GOV.UK does.
    let names_2021: Vec<&str> = names(Division::EnglandAndWales, 2021)
        .into_iter()
        .filter(|(x, _)| x.starts_with("12"))
        .map(|(_, n)| n)
        .collect();
    assert_eq!(
        names_2021,
        [
            "Christmas Day (substitute day)",
            "Boxing Day (substitute day)"
        ]
    );
}

#[test]
fn scottish_new_year_chain() {
    let jan = |y| {
        names(Division::Scotland, y)
            .into_iter()
            .filter(|(x, _)| x.starts_with("01"))
            .map(|(x, _)| x)
            .collect::<Vec<_>>()
    };
    assert_eq!(jan(2022), ["01-03", "01-04"]); // 1 Jan Saturday
    assert_eq!(jan(2017), ["01-02", "01-03"]); // 1 Jan Sunday, 2 Jan Monday
    assert_eq!(jan(2021), ["01-01", "01-04"]); // 2 Jan Saturday
    assert_eq!(jan(2027), ["01-01", "01-04"]); // 1 Jan Friday, 2 Jan Saturday
}

#[test]
fn divisions_differ_where_gov_uk_says() {
    let has = |div, date: &str| Calendar::of(div).is_holiday(d(date));
    // Easter Monday 2026: not in Scotland.
    assert!(has(Division::EnglandAndWales, "2026-04-06") && !has(Division::Scotland, "2026-04-06"));
    // Summer: first Monday of August in Scotland, last elsewhere.
    assert!(has(Division::Scotland, "2026-08-03") && !has(Division::Scotland, "2026-08-31"));
    assert!(has(Division::NorthernIreland, "2026-08-31"));
    // St Patrick's Day and the Boyne (Sunday 12 July 2026 -> Monday 13) in Northern Ireland.
    assert!(
        has(Division::NorthernIreland, "2026-03-17")
            && !has(Division::EnglandAndWales, "2026-03-17")
    );
    assert!(has(Division::NorthernIreland, "2026-07-13"));
    // St Andrew's Day, Monday 30 November 2026, in Scotland.
    assert!(has(Division::Scotland, "2026-11-30") && !has(Division::NorthernIreland, "2026-11-30"));
    // One-offs: early May 2020 moved to VE Day, Friday 8 May; Scotland alone on 15 June 2026.
    assert!(
        has(Division::EnglandAndWales, "2020-05-08")
            && !has(Division::EnglandAndWales, "2020-05-04")
    );
    assert!(has(Division::Scotland, "2026-06-15") && !has(Division::EnglandAndWales, "2026-06-15"));
}

#[test]
fn every_year_2000_to_2100_has_its_holidays_on_distinct_weekdays() {
    for division in Division::ALL {
        for year in 2000..=2100 {
            let hs = bank_holidays(division, year);
            let dates: BTreeSet<_> = hs.iter().map(|(x, _)| *x).collect();
            assert_eq!(
                dates.len(),
                hs.len(),
                "{} {year}: two holidays on one day",
                division.label()
            );
            assert!(
                hs.iter()
                    .all(|(x, _)| !weekend(*x) && x.year() == year || x.year() == year + 1),
                "{} {year}",
                division.label()
            );
            let expected = match division {
                Division::EnglandAndWales => 8,
                Division::Scotland if year >= 2007 => 9,
                Division::Scotland => 8,
                Division::NorthernIreland => 10,
            };
            assert!(
                hs.len() >= expected,
                "{} {year}: {} holidays",
                division.label(),
                hs.len()
            );
        }
    }
    assert!(bank_holidays(Division::EnglandAndWales, 1999).is_empty());
}

#[test]
fn property_adding_working_days_lands_on_a_working_day_and_is_monotonic() {
    // Every start date from 2018 to 2035, in every division, for 1 to 25 working days.
    for division in Division::ALL {
        let cal = Calendar::of(division);
        let mut start = d("2018-01-01");
        while start <= d("2035-12-31") {
            let mut previous = start;
            for n in 1..=25 {
                let due = cal.add_working_days(start, n);
                assert!(
                    cal.is_working_day(due),
                    "{start} + {n} = {due} is not a working day"
                );
                assert!(due > previous, "{start} + {n} is not after + {}", n - 1);
                assert_eq!(cal.working_days_between(start, due), i64::from(n));
                assert_eq!(cal.working_days_between(due, start), -i64::from(n));
                previous = due;
            }
            assert_eq!(
                cal.add_working_days(start, 0),
                start,
                "day 0 is the day of receipt"
            );
            start = start + Days::new(1);
        }
    }
}

#[test]
fn user_holidays_apply_and_bad_ones_change_nothing() {
    let mut s = CalendarSettings::default();
    let friday = d("2026-12-04");
    assert_eq!(s.calendar().add_working_days(d("2026-12-03"), 1), friday);
    s.add_holiday(friday, "State funeral").unwrap();
    assert_eq!(
        s.calendar().add_working_days(d("2026-12-03"), 1),
        d("2026-12-07")
    );
    let before = s.clone();
    assert_eq!(
        s.add_holiday(d("2026-12-05"), "Saturday"),
        Err(AddHolidayError::Weekend)
    );
    assert_eq!(
        s.add_holiday(d("2026-12-25"), "Christmas"),
        Err(AddHolidayError::AlreadyHoliday)
    );
    assert_eq!(
        s.add_holiday(friday, "Again"),
        Err(AddHolidayError::AlreadyHoliday)
    );
    assert_eq!(
        s.add_holiday(d("2026-12-08"), "  "),
        Err(AddHolidayError::NoName)
    );
    assert_eq!(
        s.add_holiday(d("2101-01-03"), "Later"),
        Err(AddHolidayError::OutOfRange)
    );
    assert_eq!(s, before);
    s.remove_holiday(friday);
    assert!(s.calendar().is_working_day(friday));
}
