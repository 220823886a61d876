//! UK bank holidays and working-day arithmetic (DESIGN.md "Deadlines"). Pure: computed by rule
//! for any year from 2000 to 2100, with a table of one-off changes, plus holidays the user adds
//! (a newly announced one) through [`CalendarSettings`].
//!
//! Rules (GOV.UK, research/public-facts.md §4): New Year's Day; 2 January (Scotland); St
//! Patrick's Day (Northern Ireland); Good Friday; Easter Monday (not Scotland); early May (first
//! Monday); spring (last Monday of May); Battle of the Boyne (Northern Ireland); summer (first
//! Monday of August in Scotland, last Monday elsewhere); St Andrew's Day (Scotland, since the
//! St Andrew's Day Bank Holiday (Scotland) Act 2007); Christmas Day; Boxing Day. A fixed-date
//! holiday on a weekend moves to the next weekday that is not already a holiday, taken in date
//! order, which gives the chains GOV.UK publishes (Christmas on a Saturday: Monday 27 and
//! Tuesday 28; Christmas on a Sunday: Boxing Day Monday 26, Christmas Tuesday 27; in Scotland,
//! 1 January on a Saturday: Monday 3 and Tuesday 4).
//!
//! Working days are Monday to Friday less the division's bank holidays and the user's own.
//! Deadline semantics: day 0 is the day of the start event (receipt); "N working days" is the
//! N-th working day after it; "N weeks" is 7×N calendar days; "N months" is the same day N
//! months later, clamped to the end of a shorter month (31 May + 3 months = 31 August;
//! 30 November + 3 months = 28 or 29 February).

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The UK's three sets of bank holidays.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Division {
    /// England and Wales (the default).
    #[default]
    EnglandAndWales,
    /// Scotland.
    Scotland,
    /// Northern Ireland.
    NorthernIreland,
}

impl Division {
    /// All three, in the order GOV.UK lists them.
    pub const ALL: [Division; 3] = [
        Division::EnglandAndWales,
        Division::Scotland,
        Division::NorthernIreland,
    ];

    /// Name as shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Division::EnglandAndWales => "England and Wales",
            Division::Scotland => "Scotland",
            Division::NorthernIreland => "Northern Ireland",
        }
    }

    /// Stable id, as stored ("england-and-wales").
    pub fn id(self) -> &'static str {
        match self {
            Division::EnglandAndWales => "england-and-wales",
            Division::Scotland => "scotland",
            Division::NorthernIreland => "northern-ireland",
        }
    }

    /// The division with this id.
    pub fn from_id(id: &str) -> Option<Division> {
        Division::ALL.into_iter().find(|d| d.id() == id)
    }
}

/// Years the rules are defined for.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// A one-off change announced by the government: an extra holiday, or a regular one moved.
struct OneOff {
    date: (i32, u32, u32),
    name: &'static str,
    /// The regular holiday this replaces (moved from), if any.
    replaces: Option<(i32, u32, u32)>,
    /// Only this division, or all when `None`.
    only: Option<Division>,
}

/// One-off changes since 2000 (research/public-facts.md §4 and GOV.UK). Scotland's 15 June
/// 2026 (the men's football World Cup) was found by the comparison with the independent source
/// (tests/fixtures); research/public-facts.md did not list it.
const ONE_OFFS: &[OneOff] = &[
    OneOff {
        date: (2002, 6, 3),
        name: "Golden Jubilee of Elizabeth II",
        replaces: None,
        only: None,
    },
    OneOff {
        date: (2002, 6, 4),
        name: "Spring bank holiday (moved)",
        replaces: Some((2002, 5, 27)),
        only: None,
    },
    OneOff {
        date: (2011, 4, 29),
        name: "Royal Wedding",
        replaces: None,
        only: None,
    },
    OneOff {
        date: (2012, 6, 4),
        name: "Spring bank holiday (moved)",
        replaces: Some((2012, 5, 28)),
        only: None,
    },
    OneOff {
        date: (2012, 6, 5),
        name: "Diamond Jubilee of Elizabeth II",
        replaces: None,
        only: None,
    },
    OneOff {
        date: (2020, 5, 8),
        name: "Early May bank holiday (VE Day)",
        replaces: Some((2020, 5, 4)),
        only: None,
    },
    OneOff {
        date: (2022, 6, 2),
        name: "Spring bank holiday (moved)",
        replaces: Some((2022, 5, 30)),
        only: None,
    },
    OneOff {
        date: (2022, 6, 3),
        name: "Platinum Jubilee of Elizabeth II",
        replaces: None,
        only: None,
    },
    OneOff {
        date: (2022, 9, 19),
        name: "State Funeral of Queen Elizabeth II",
        replaces: None,
        only: None,
    },
    OneOff {
        date: (2023, 5, 8),
        name: "Coronation of King Charles III",
        replaces: None,
        only: None,
    },
    OneOff {
        date: (2026, 6, 15),
        name: "FIFA World Cup bank holiday",
        replaces: None,
        only: Some(Division::Scotland),
    },
];

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Easter Sunday (Gregorian), by the anonymous Gregorian computus (Meeus/Jones/Butcher).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(year, month as u32, day as u32)
}

fn first_monday(year: i32, month: u32) -> NaiveDate {
    NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Mon, 1).unwrap_or_default()
}

fn last_monday(year: i32, month: u32) -> NaiveDate {
    NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Mon, 5)
        .or_else(|| NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Mon, 4))
        .unwrap_or_default()
}

/// The name GOV.UK gives a fixed-date holiday's substitute weekday.
fn substitute_name(name: &'static str) -> &'static str {
    match name {
        "New Year's Day" => "New Year's Day (substitute day)",
        "2nd January" => "2nd January (substitute day)",
        "St Patrick's Day" => "St Patrick's Day (substitute day)",
        "Battle of the Boyne (Orangemen's Day)" => {
            "Battle of the Boyne (Orangemen's Day) (substitute day)"
        }
        "St Andrew's Day" => "St Andrew's Day (substitute day)",
        "Christmas Day" => "Christmas Day (substitute day)",
        "Boxing Day" => "Boxing Day (substitute day)",
        other => other,
    }
}

/// The bank holidays of a division in a year, as the weekdays on which they fall or are
/// substituted, in date order, with their names. Empty outside [`YEARS`].
pub fn bank_holidays(division: Division, year: i32) -> Vec<(NaiveDate, &'static str)> {
    if !YEARS.contains(&year) {
        return Vec::new();
    }
    use Division::*;
    let scot = division == Scotland;
    let ni = division == NorthernIreland;
    // (date, name, moves to a weekday when it falls on a weekend)
    let mut nominal: Vec<(NaiveDate, &'static str, bool)> =
        vec![(ymd(year, 1, 1), "New Year's Day", true)];
    if scot {
        nominal.push((ymd(year, 1, 2), "2nd January", true));
    }
    if ni {
        nominal.push((ymd(year, 3, 17), "St Patrick's Day", true));
    }
    let easter = easter_sunday(year);
    nominal.push((easter - Days::new(2), "Good Friday", false));
    if !scot {
        nominal.push((easter + Days::new(1), "Easter Monday", false));
    }
    nominal.push((first_monday(year, 5), "Early May bank holiday", false));
    nominal.push((last_monday(year, 5), "Spring bank holiday", false));
    if ni {
        nominal.push((
            ymd(year, 7, 12),
            "Battle of the Boyne (Orangemen's Day)",
            true,
        ));
    }
    nominal.push(if scot {
        (first_monday(year, 8), "Summer bank holiday", false)
    } else {
        (last_monday(year, 8), "Summer bank holiday", false)
    });
    if scot && year >= 2007 {
        nominal.push((ymd(year, 11, 30), "St Andrew's Day", true));
    }
    nominal.push((ymd(year, 12, 25), "Christmas Day", true));
    nominal.push((ymd(year, 12, 26), "Boxing Day", true));

    // One-offs: drop the dates they replace, add theirs.
    for o in ONE_OFFS
        .iter()
        .filter(|o| o.date.0 == year && o.only.is_none_or(|only| only == division))
    {
        if let Some((y, m, d)) = o.replaces {
            nominal.retain(|(date, _, _)| *date != ymd(y, m, d));
        }
        nominal.push((ymd(o.date.0, o.date.1, o.date.2), o.name, false));
    }
    crate::order::by_rank(&mut nominal, |(d, _, _)| crate::order::day(Some(*d)));

    // Inserted one by one: collecting into a set would build another copy of the sort
    // (crate::order).
    let mut taken = BTreeSet::new();
    for (d, _, _) in &nominal {
        if !is_weekend(*d) {
            taken.insert(*d);
        }
    }
    let mut out: Vec<(NaiveDate, &'static str)> = nominal
        .iter()
        .filter(|(d, _, _)| !is_weekend(*d))
        .map(|(d, n, _)| (*d, *n))
        .collect();
    for (date, name, moves) in &nominal {
        if is_weekend(*date) && *moves {
            let mut d = *date + Days::new(1);
            while is_weekend(d) || taken.contains(&d) {
                d = d + Days::new(1);
            }
            taken.insert(d);
            out.push((d, substitute_name(name)));
        }
    }
    crate::order::by_rank(&mut out, |(d, _)| crate::order::day(Some(*d)));
    out
}

/// A holiday the user added (a newly announced one), stored with the settings.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ExtraHoliday {
    /// The date.
    #[serde(with = "crate::date::iso")]
    pub date: NaiveDate,
    /// What it is, as the user wrote it.
    pub name: String,
}

/// The user's calendar settings: their division and the holidays they added.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarSettings {
    /// Whose bank holidays apply.
    pub division: Division,
    /// Holidays added by the user, in date order.
    pub extra: Vec<ExtraHoliday>,
}

/// Why a holiday could not be added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AddHolidayError {
    /// Outside 2000 to 2100.
    OutOfRange,
    /// A Saturday or Sunday is never a working day anyway.
    Weekend,
    /// Already a bank holiday or already added.
    AlreadyHoliday,
    /// No name given.
    NoName,
}

impl AddHolidayError {
    /// The message shown to the user.
    pub fn message(&self) -> &'static str {
        match self {
            AddHolidayError::OutOfRange => "The date must be between 2000 and 2100",
            AddHolidayError::Weekend => "The date is a Saturday or Sunday, which is never a working day: enter the weekday the holiday is on",
            AddHolidayError::AlreadyHoliday => "That date is already a holiday",
            AddHolidayError::NoName => "Enter a name for the holiday, for example 'State funeral'",
        }
    }
}

impl CalendarSettings {
    /// Adds a holiday, or says why not (and changes nothing).
    pub fn add_holiday(&mut self, date: NaiveDate, name: &str) -> Result<(), AddHolidayError> {
        if !YEARS.contains(&date.year()) {
            return Err(AddHolidayError::OutOfRange);
        }
        if is_weekend(date) {
            return Err(AddHolidayError::Weekend);
        }
        if name.trim().is_empty() {
            return Err(AddHolidayError::NoName);
        }
        if self.calendar().is_holiday(date) {
            return Err(AddHolidayError::AlreadyHoliday);
        }
        self.extra.push(ExtraHoliday {
            date,
            name: name.trim().to_string(),
        });
        // No two added holidays share a date (AlreadyHoliday), so by date is the whole order.
        crate::order::by_rank(&mut self.extra, |h| crate::order::day(Some(h.date)));
        Ok(())
    }

    /// Removes an added holiday (bank holidays cannot be removed).
    pub fn remove_holiday(&mut self, date: NaiveDate) {
        self.extra.retain(|h| h.date != date);
    }

    /// The working-day calendar these settings give.
    pub fn calendar(&self) -> Calendar<'_> {
        Calendar::new(self.division, &self.extra)
    }
}

/// A working-day calendar: a division's bank holidays plus the user's own. It remembers the
/// last year's holidays it worked out, so counting days through a year is cheap.
#[derive(Clone, Debug)]
pub struct Calendar<'a> {
    /// Whose bank holidays apply.
    pub division: Division,
    /// The user's own holidays.
    pub extra: &'a [ExtraHoliday],
    year: std::cell::RefCell<Option<(i32, Vec<NaiveDate>)>>,
}

impl Calendar<'static> {
    /// A division's calendar with no holidays of the user's.
    pub fn of(division: Division) -> Calendar<'static> {
        Calendar::new(division, &[])
    }
}

impl<'a> Calendar<'a> {
    /// A division's calendar with the user's own holidays.
    pub fn new(division: Division, extra: &'a [ExtraHoliday]) -> Calendar<'a> {
        Calendar {
            division,
            extra,
            year: Default::default(),
        }
    }

    /// True on a bank holiday of the division or a holiday the user added.
    pub fn is_holiday(&self, d: NaiveDate) -> bool {
        if self.extra.iter().any(|h| h.date == d) {
            return true;
        }
        let mut cache = self.year.borrow_mut();
        if cache.as_ref().is_none_or(|(y, _)| *y != d.year()) {
            *cache = Some((
                d.year(),
                bank_holidays(self.division, d.year())
                    .into_iter()
                    .map(|(h, _)| h)
                    .collect(),
            ));
        }
        cache.as_ref().is_some_and(|(_, hs)| hs.contains(&d))
    }

    /// Monday to Friday and not a holiday.
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        !is_weekend(d) && !self.is_holiday(d)
    }

    /// The `n`-th working day after `start` (day 0 is `start` itself, whatever day it is).
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> NaiveDate {
        let mut d = start;
        let mut count = 0;
        while count < n {
            d = d + Days::new(1);
            if self.is_working_day(d) {
                count += 1;
            }
        }
        d
    }

    /// Working days from `from` to `to`: the number in (from, to] when `to` is later, negative
    /// (minus the number in (to, from]) when it is earlier, 0 on the same day. So
    /// `working_days_between(start, add_working_days(start, n)) == n`.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        let (a, b, sign) = if to >= from {
            (from, to, 1)
        } else {
            (to, from, -1)
        };
        let mut n = 0i64;
        let mut d = a;
        while d < b {
            d = d + Days::new(1);
            if self.is_working_day(d) {
                n += 1;
            }
        }
        sign * n
    }
}

/// `n` weeks later: 7×`n` calendar days.
pub fn add_weeks(d: NaiveDate, n: u32) -> NaiveDate {
    d + Days::new(7 * u64::from(n))
}

/// `n` months later: the same day of the month, clamped to the end of a shorter month.
pub fn add_months(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_add_months(Months::new(n)).unwrap_or(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_sunday_by_computus_matches_known_dates() {
        for (y, m, d) in [
            (2000, 4, 23),
            (2008, 3, 23),
            (2011, 4, 24),
            (2019, 4, 21),
            (2024, 3, 31),
            (2025, 4, 20),
            (2038, 4, 25),
            (2100, 3, 28),
        ] {
            assert_eq!(easter_sunday(y), ymd(y, m, d), "{y}");
        }
    }

    #[test]
    fn months_clamp_to_the_end_of_a_shorter_month() {
        assert_eq!(add_months(ymd(2026, 5, 31), 3), ymd(2026, 8, 31));
        assert_eq!(add_months(ymd(2026, 11, 30), 3), ymd(2027, 2, 28));
        assert_eq!(add_months(ymd(2027, 11, 30), 3), ymd(2028, 2, 29));
        assert_eq!(add_months(ymd(2026, 8, 31), 6), ymd(2027, 2, 28));
        assert_eq!(add_weeks(ymd(2026, 12, 20), 4), ymd(2027, 1, 17));
    }
}
