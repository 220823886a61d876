//! A date question outside the form schema (deadlines, settings): the GOV.UK date input, read
//! with the core's date parser, with its error shown once the date is complete enough to judge.

use crate::components::*;
use chrono::NaiveDate;
use prevent_core::answers::DateParts;
use prevent_core::date::{self, DateProblem};
use yew::prelude::*;

/// The date entered, if it is a real one.
pub fn value(parts: &DateParts) -> Option<NaiveDate> {
    date::parse(parts).ok()
}

/// The problem to show: none while the boxes are blank or still being filled in.
pub fn problem(
    parts: &DateParts,
    what: &str,
    show_missing: bool,
) -> Option<(String, DateErrorParts)> {
    match date::parse(parts) {
        Ok(_) | Err(DateProblem::Blank) => None,
        Err(DateProblem::Missing(_)) if !show_missing => None,
        Err(p) => {
            let f = p.parts();
            Some((
                p.message(what),
                DateErrorParts {
                    day: f.day,
                    month: f.month,
                    year: f.year,
                },
            ))
        }
    }
}

/// Sets one box of `parts`.
pub fn set(parts: &mut DateParts, part: DatePart, value: String) {
    match part {
        DatePart::Day => parts.day = value,
        DatePart::Month => parts.month = value,
        DatePart::Year => parts.year = value,
    }
}

/// Renders a date input for `parts`.
pub fn view(
    id: &str,
    legend: &str,
    hint: Option<&str>,
    parts: &DateParts,
    show_missing: bool,
    onchange: Callback<(DatePart, String)>,
) -> Html {
    let problem = problem(parts, legend, show_missing);
    date_input::view(DateInputProps {
        id: AttrValue::from(id.to_string()),
        legend: AttrValue::from(legend.to_string()),
        hint: hint.map(|h| AttrValue::from(h.to_string())),
        error: problem.as_ref().map(|(m, _)| AttrValue::from(m.clone())),
        error_parts: problem.map(|(_, p)| p).unwrap_or_default(),
        day: AttrValue::from(parts.day.clone()),
        month: AttrValue::from(parts.month.clone()),
        year: AttrValue::from(parts.year.clone()),
        onchange,
        ..Default::default()
    })
}
