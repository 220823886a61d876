//! Reading the three boxes of a GOV.UK date input into a calendar date (REF-4, NRF), with the
//! GOV.UK date-input error messages ("must include a month", "must be a real date").

use crate::answers::DateParts;
use chrono::NaiveDate;

/// Which of the three boxes a problem is in, so the UI can mark just those boxes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PartFlags {
    /// The day box is at fault.
    pub day: bool,
    /// The month box is at fault.
    pub month: bool,
    /// The year box is at fault.
    pub year: bool,
}

impl PartFlags {
    /// All three boxes.
    pub const ALL: PartFlags = PartFlags {
        day: true,
        month: true,
        year: true,
    };

    /// The id suffix of the first box at fault ("day", "month" or "year").
    pub fn first(&self) -> &'static str {
        if self.day || !(self.month || self.year) {
            "day"
        } else if self.month {
            "month"
        } else {
            "year"
        }
    }
}

/// Why a date could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// Nothing entered.
    Blank,
    /// Some boxes are empty; names them ("a day and month").
    Missing(PartFlags),
    /// The year is not four digits.
    YearDigits,
    /// Numbers that are not a calendar date (31 February, month 13, letters).
    NotReal(PartFlags),
}

impl DateProblem {
    /// The boxes the problem is in.
    pub fn parts(&self) -> PartFlags {
        match self {
            DateProblem::Blank => PartFlags::ALL,
            DateProblem::Missing(p) | DateProblem::NotReal(p) => *p,
            DateProblem::YearDigits => PartFlags {
                year: true,
                ..Default::default()
            },
        }
    }

    /// The GOV.UK message for this problem, for a date whose name is `what` ("Date of birth").
    pub fn message(&self, what: &str) -> String {
        match self {
            DateProblem::Blank => format!("Enter {}", lower_first(what)),
            DateProblem::Missing(p) => {
                let names: Vec<&str> = [(p.day, "day"), (p.month, "month"), (p.year, "year")]
                    .iter()
                    .filter(|(on, _)| *on)
                    .map(|(_, n)| *n)
                    .collect();
                format!("{what} must include a {}", names.join(" and "))
            }
            DateProblem::YearDigits => format!("{what}: the year must include 4 numbers"),
            DateProblem::NotReal(_) => format!("{what} must be a real date"),
        }
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_ascii_lowercase().to_string() + c.as_str(),
        None => String::new(),
    }
}

fn number(s: &str) -> Option<u32> {
    let t = s.trim();
    if t.is_empty() || t.len() > 4 || !t.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

/// Reads a date from its three boxes. Months may also be typed as names ("Feb", "february").
pub fn parse(parts: &DateParts) -> Result<NaiveDate, DateProblem> {
    let blank = PartFlags {
        day: parts.day.trim().is_empty(),
        month: parts.month.trim().is_empty(),
        year: parts.year.trim().is_empty(),
    };
    if blank.day && blank.month && blank.year {
        return Err(DateProblem::Blank);
    }
    if blank.day || blank.month || blank.year {
        return Err(DateProblem::Missing(blank));
    }
    let day = number(&parts.day);
    let month = number(&parts.month).or_else(|| month_name(&parts.month));
    let year_text = parts.year.trim();
    let year = number(year_text);
    let bad = PartFlags {
        day: !matches!(day, Some(1..=31)),
        month: !matches!(month, Some(1..=12)),
        year: year.is_none(),
    };
    if bad.day || bad.month || bad.year {
        return Err(DateProblem::NotReal(bad));
    }
    if year_text.len() != 4 {
        return Err(DateProblem::YearDigits);
    }
    let (d, m, y) = (day.unwrap_or(0), month.unwrap_or(0), year.unwrap_or(0));
    NaiveDate::from_ymd_opt(y as i32, m, d).ok_or(DateProblem::NotReal(PartFlags {
        day: true,
        ..Default::default()
    }))
}

fn month_name(s: &str) -> Option<u32> {
    // "feb", "Feb", "february" and "sept" all read; fewer than three letters is too vague.
    let t = s.trim().to_ascii_lowercase();
    if t.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.to_ascii_lowercase().starts_with(&t))
        .map(|i| i as u32 + 1)
}

/// Whole years between `born` and `today` (the age someone born on `born` is on `today`).
pub fn age_on(born: NaiveDate, today: NaiveDate) -> i32 {
    use chrono::Datelike;
    let mut age = today.year() - born.year();
    if (today.month(), today.day()) < (born.month(), born.day()) {
        age -= 1;
    }
    age
}

/// Reads an ISO 8601 calendar date ("2026-11-28"), as stored and exported.
pub fn parse_iso(s: &str) -> Option<NaiveDate> {
    let mut it = s.split('-');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some()
        || y.len() != 4
        || m.len() != 2
        || d.len() != 2
        || !s.bytes().all(|b| b.is_ascii_digit() || b == b'-')
    {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// Serde for dates as ISO strings without chrono's parsing machinery (which would add about
/// 7 kB to the app's download): `#[serde(with = "crate::date::iso")]`.
pub mod iso {
    use chrono::NaiveDate;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    /// Writes "YYYY-MM-DD".
    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(d)
    }

    /// Reads "YYYY-MM-DD".
    pub fn deserialize<'de, D: Deserializer<'de>>(de: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(de)?;
        super::parse_iso(&text).ok_or_else(|| D::Error::custom("expected a date as YYYY-MM-DD"))
    }
}

/// Month names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date in the form used on GOV.UK pages: "5 January 2026". Written out rather than with
/// chrono's `format`, whose formatting machinery would add about 20 kB to the app's download.
pub fn long_date(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

/// A date and time GOV.UK style: "28 November 2026 at 2:03pm" (12-hour clock, "12pm" is
/// midday). `month` is 1 to 12; out-of-range parts are clamped rather than panicking.
pub fn long_date_time(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> String {
    let (h12, ampm) = match hour {
        0 => (12, "am"),
        1..=11 => (hour, "am"),
        12 => (12, "pm"),
        _ => (hour.min(23) - 12, "pm"),
    };
    let name = MONTHS[(month.clamp(1, 12) - 1) as usize];
    format!("{day} {name} {year} at {h12}:{:02}{ampm}", minute.min(59))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(d: &str, m: &str, y: &str, expect: Result<(i32, u32, u32), &str>) {
        let got = parse(&DateParts::new(d, m, y));
        match (got, expect) {
            (Ok(date), Ok((y, m, d))) => {
                assert_eq!(date, NaiveDate::from_ymd_opt(y, m, d).unwrap())
            }
            (Err(p), Err(msg)) => assert_eq!(p.message("Date of birth"), msg),
            (got, expect) => panic!("{d}/{m}/{y}: got {got:?}, expected {expect:?}"),
        }
    }

    #[test]
    fn ref_4_reads_real_dates_and_names_what_is_wrong() {
        check("5", "1", "2010", Ok((2010, 1, 5)));
        check(" 05 ", "feb", "2012", Ok((2012, 2, 5)));
        check("29", "February", "2024", Ok((2024, 2, 29)));
        check("", "", "", Err("Enter date of birth"));
        check("5", "", "2010", Err("Date of birth must include a month"));
        check(
            "",
            "",
            "2010",
            Err("Date of birth must include a day and month"),
        );
        check("29", "2", "2023", Err("Date of birth must be a real date"));
        check("31", "4", "2020", Err("Date of birth must be a real date"));
        check("1", "13", "2020", Err("Date of birth must be a real date"));
        check("x", "1", "2020", Err("Date of birth must be a real date"));
        check(
            "1",
            "1",
            "20",
            Err("Date of birth: the year must include 4 numbers"),
        );
        check("0", "1", "2020", Err("Date of birth must be a real date"));
    }

    #[test]
    fn ref_4_marks_only_the_boxes_at_fault() {
        let p = parse(&DateParts::new("3", "", "2001")).unwrap_err().parts();
        assert_eq!((p.day, p.month, p.year), (false, true, false));
        assert_eq!(p.first(), "month");
        let p = parse(&DateParts::new("3", "14", "2001"))
            .unwrap_err()
            .parts();
        assert_eq!(p.first(), "month");
    }

    #[test]
    fn long_dates_are_written_the_gov_uk_way() {
        assert_eq!(
            long_date(NaiveDate::from_ymd_opt(2010, 4, 3).unwrap()),
            "3 April 2010"
        );
        assert_eq!(
            long_date(NaiveDate::from_ymd_opt(2026, 12, 25).unwrap()),
            "25 December 2026"
        );
    }

    #[test]
    fn times_are_written_on_the_12_hour_clock() {
        assert_eq!(
            long_date_time(2026, 11, 28, 14, 3),
            "28 November 2026 at 2:03pm"
        );
        assert_eq!(
            long_date_time(2026, 1, 1, 0, 5),
            "1 January 2026 at 12:05am"
        );
        assert_eq!(long_date_time(2026, 6, 1, 12, 0), "1 June 2026 at 12:00pm");
    }

    #[test]
    fn iso_dates_read_strictly() {
        assert_eq!(
            parse_iso("2026-02-28"),
            NaiveDate::from_ymd_opt(2026, 2, 28)
        );
        for bad in [
            "2026-02-30",
            "2026-2-28",
            "26-02-28",
            "2026-02-28-1",
            "",
            "2026/02/28",
        ] {
            assert_eq!(parse_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn age_counts_whole_years_to_the_birthday() {
        let t = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        assert_eq!(
            age_on(NaiveDate::from_ymd_opt(2008, 11, 28).unwrap(), t),
            18
        );
        assert_eq!(
            age_on(NaiveDate::from_ymd_opt(2008, 11, 29).unwrap(), t),
            17
        );
    }
}
