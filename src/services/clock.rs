//! The clock, read only here. The core is given `today` and timestamps as values.

use chrono::NaiveDate;
use prevent_core::form::Context;

/// The user's local date today; in the trainer's bundle, while a scenario is being worked,
/// the scenario's simulated today (issue 7: deadlines behave as in the story).
pub fn today() -> NaiveDate {
    (crate::bundle::current().today)().unwrap_or_else(real_today)
}

/// The user's real local date, whatever a scenario says.
pub fn real_today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default()
}

/// Now as an RFC 3339 timestamp in UTC ("2026-11-28T14:03:02.123Z").
pub fn now() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// Now as an iCalendar UTC date-time ("20261128T140302Z"), for an .ics file's DTSTAMP.
pub fn ics_stamp() -> String {
    let stamp = now().replace(['-', ':'], "");
    format!(
        "{}Z",
        stamp
            .split('.')
            .next()
            .unwrap_or(&stamp)
            .trim_end_matches('Z')
    )
}

/// The validation context for today.
pub fn context() -> Context {
    Context::on(today()).marked(crate::marking())
}

/// An RFC 3339 timestamp shown in the user's local time, GOV.UK style:
/// "28 November 2026 at 2:03pm".
pub fn local_time(rfc3339: &str) -> String {
    let d = js_sys::Date::new(&rfc3339.into());
    let ms = d.get_time();
    if ms.is_nan() {
        return rfc3339.to_string();
    }
    prevent_core::date::long_date_time(
        d.get_full_year() as i32,
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes(),
    )
}
