//! GOV.UK date input: day, month and year boxes in a `role="group"` fieldset. Each part can be
//! flagged in error on its own ("with error on month only"); an error with no part flagged
//! flags all three, as GOV.UK does for a date that is wrong as a whole. Every box is
//! `autocomplete="off"`: a date in a record (even a date of birth) is record content, never the
//! user's own to autofill, and is kept out of form restoration (DESIGN.md, "Security model";
//! issue 16).
//!
//! A plain function rather than a `#[component]` (no state; see docs/size.md, "What costs
//! bytes").

use yew::prelude::*;

use super::fieldset::{self, FieldsetProps};
use super::util::{describedby, error_id, event_value, hint_id};
use super::{error_message, hint};

/// One of the three parts of a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DatePart {
    /// The day of the month.
    Day,
    /// The month number.
    Month,
    /// The four-digit year.
    Year,
}

impl DatePart {
    /// The parts in the order they are shown.
    pub const ALL: [DatePart; 3] = [DatePart::Day, DatePart::Month, DatePart::Year];

    /// The id suffix: `"day"`, `"month"`, `"year"`.
    pub fn suffix(self) -> &'static str {
        match self {
            DatePart::Day => "day",
            DatePart::Month => "month",
            DatePart::Year => "year",
        }
    }

    /// The visible label: `"Day"`, `"Month"`, `"Year"`.
    pub fn label(self) -> &'static str {
        match self {
            DatePart::Day => "Day",
            DatePart::Month => "Month",
            DatePart::Year => "Year",
        }
    }

    /// The GOV.UK width class of the part's box.
    fn width_class(self) -> &'static str {
        match self {
            DatePart::Day | DatePart::Month => "govuk-input--width-2",
            DatePart::Year => "govuk-input--width-4",
        }
    }

    /// The id of this part's input in the date input with id `id`: `<id>-day` and so on.
    pub fn input_id(self, id: &str) -> String {
        format!("{id}-{}", self.suffix())
    }
}

/// Which parts of a date are in error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct DateErrorParts {
    /// The day is in error.
    pub day: bool,
    /// The month is in error.
    pub month: bool,
    /// The year is in error.
    pub year: bool,
}

impl DateErrorParts {
    /// All three parts in error.
    pub const ALL: DateErrorParts = DateErrorParts {
        day: true,
        month: true,
        year: true,
    };

    /// Whether `part` is flagged.
    pub fn has(self, part: DatePart) -> bool {
        match part {
            DatePart::Day => self.day,
            DatePart::Month => self.month,
            DatePart::Year => self.year,
        }
    }

    /// Whether no part is flagged.
    pub fn is_empty(self) -> bool {
        !(self.day || self.month || self.year)
    }

    /// The id the error summary should link to: the first part in error (all parts when none is
    /// flagged), for the date input with id `id`.
    pub fn target_id(self, id: &str) -> String {
        let parts = if self.is_empty() { Self::ALL } else { self };
        let first = DatePart::ALL
            .into_iter()
            .find(|p| parts.has(*p))
            .unwrap_or(DatePart::Day);
        first.input_id(id)
    }
}

/// Properties of a date input ([`view`]).
#[derive(PartialEq, Clone, Default)]
pub struct DateInputProps {
    /// The date's id (`[a-z0-9-]`): inputs are `<id>-day`, `<id>-month`, `<id>-year`; the hint
    /// is `<id>-hint` and the error `<id>-error`. Link an error summary item to
    /// [`DateErrorParts::target_id`].
    pub id: AttrValue,
    /// The legend (the question).
    pub legend: AttrValue,
    /// Make the legend the page heading (`<h1>`, large).
    pub legend_is_heading: bool,
    /// Hint text, for example "For example, 27 3 2007".
    pub hint: Option<AttrValue>,
    /// Error message; when set the date is shown in error.
    pub error: Option<AttrValue>,
    /// Which parts to mark in error (all three if `error` is set and none is flagged).
    pub error_parts: DateErrorParts,
    /// The day as typed (controlled).
    pub day: AttrValue,
    /// The month as typed (controlled).
    pub month: AttrValue,
    /// The year as typed (controlled).
    pub year: AttrValue,
    /// Called on every input event with the part that changed and its new text.
    pub onchange: Callback<(DatePart, String)>,
}

/// A GOV.UK date input.
pub fn view(props: DateInputProps) -> Html {
    let hint_id = hint_id(&props.id, &props.hint);
    let error_id = error_id(&props.id, &props.error);
    let in_error = props.error.is_some();
    let flagged = match (in_error, props.error_parts.is_empty()) {
        (false, _) => DateErrorParts::default(),
        (true, true) => DateErrorParts::ALL,
        (true, false) => props.error_parts,
    };

    let part = |part: DatePart, value: &AttrValue| {
        let id = part.input_id(&props.id);
        let oninput = {
            let cb = props.onchange.clone();
            Callback::from(move |e: InputEvent| cb.emit((part, event_value(&e))))
        };
        html! {
            <div class="govuk-date-input__item">
                <div class="govuk-form-group">
                    <label class="govuk-label govuk-date-input__label" for={id.clone()}>
                        { part.label() }
                    </label>
                    <input
                        class={classes!(
                            "govuk-input",
                            "govuk-date-input__input",
                            part.width_class(),
                            flagged.has(part).then_some("govuk-input--error"),
                        )}
                        id={id.clone()}
                        name={id}
                        type="text"
                        inputmode="numeric"
                        autocomplete="off"
                        value={value.clone()}
                        {oninput}
                    />
                </div>
            </div>
        }
    };

    html! {
        <div class={classes!("govuk-form-group", in_error.then_some("govuk-form-group--error"))}>
            { fieldset::view(FieldsetProps {
                legend: props.legend.clone(),
                legend_is_heading: props.legend_is_heading,
                describedby: describedby([hint_id.clone(), error_id.clone()]),
                role: Some(AttrValue::Static("group")),
                children: html! {
                    <>
                        if let (Some(id), Some(hint)) = (hint_id, props.hint.clone()) {
                            { hint::view(id, None, html! { { hint } }) }
                        }
                        if let (Some(id), Some(error)) = (error_id, props.error.clone()) {
                            { error_message::view(id, error) }
                        }
                        <div class="govuk-date-input" id={props.id.clone()}>
                            { part(DatePart::Day, &props.day) }
                            { part(DatePart::Month, &props.month) }
                            { part(DatePart::Year, &props.year) }
                        </div>
                    </>
                },
            }) }
        </div>
    }
}
