//! iCalendar (RFC 5545) export of a case's deadlines: one all-day VEVENT per deadline with a
//! reminder the day before, a UID that stays the same for the same case and deadline (so a
//! calendar updates the event on re-import instead of duplicating it), TEXT escaping (§3.3.11)
//! and lines folded at 75 octets (§3.1). No personal data: only the case reference.

use crate::date::long_date;
use crate::deadline::Deadline;
use chrono::{Days, NaiveDate};

/// Escapes a TEXT value: backslash, semicolon, comma and newlines.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line into lines of at most 75 octets, never splitting a UTF-8 character,
/// each continuation starting with a space; every line ends with CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
    out
}

fn date(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// A case reference made safe for a UID: letters, digits and dashes.
fn uid_part(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '-'
            }
        })
        .collect();
    let trimmed = cleaned.trim_matches('-');
    if trimmed.is_empty() {
        "CASE".into()
    } else {
        trimmed.to_string()
    }
}

/// The calendar file for `deadlines` of the case `reference`. `stamp` is the export time as
/// an RFC 5545 UTC date-time ("20261128T143000Z"), given by the caller; each event ends with
/// the app's protective `marking` (`Context::marking`).
pub fn to_ics(reference: &str, deadlines: &[Deadline], stamp: &str, marking: &str) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//Prevent Case Toolkit//Deadlines//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!(
            "X-WR-CALNAME:{}",
            escape_text(&format!("Prevent deadlines {reference}"))
        ),
    ];
    let case = uid_part(reference);
    for d in deadlines {
        let summary = format!("{} due: {} ({})", d.rule_id, d.title, reference);
        let other = d.other_reading_text();
        let description = format!(
            "{}\n{}: {}. Due {}.{}{other}\nRule {}, CTP-Prevent Policy {}. {}.",
            d.rule,
            d.start_event,
            long_date(d.start),
            long_date(d.due),
            if other.is_empty() { "" } else { " " },
            d.rule_id,
            d.section(),
            marking
        );
        lines.extend([
            "BEGIN:VEVENT".into(),
            format!("UID:{case}-{}@prevent-case-toolkit", d.key),
            format!("DTSTAMP:{stamp}"),
            format!("LAST-MODIFIED:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", date(d.due)),
            format!("DTEND;VALUE=DATE:{}", date(d.due + Days::new(1))),
            format!("SUMMARY:{}", escape_text(&summary)),
            format!("DESCRIPTION:{}", escape_text(&description)),
            "CLASS:CONFIDENTIAL".into(),
            "TRANSP:TRANSPARENT".into(),
            "BEGIN:VALARM".into(),
            "ACTION:DISPLAY".into(),
            format!(
                "DESCRIPTION:{}",
                escape_text(&format!("Due tomorrow: {summary}"))
            ),
            "TRIGGER:-PT15H".into(),
            "END:VALARM".into(),
            "END:VEVENT".into(),
        ]);
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l)).collect()
}

/// A download file name for the case's calendar.
pub fn file_name(reference: &str) -> String {
    format!("prevent-deadlines-{}.ics", uid_part(reference))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_per_rfc_5545() {
        assert_eq!(escape_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn lines_fold_at_75_octets_without_splitting_characters() {
        let long = format!("DESCRIPTION:{}", "é".repeat(60));
        let folded = fold(&long);
        for l in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end_matches("\r\n"), long);
        assert_eq!(fold("SHORT"), "SHORT\r\n");
    }
}
