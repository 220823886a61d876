//! A case's policy deadlines (DESIGN.md "Deadlines"): the dates that start each clock, every
//! deadline they give in working days of the user's division, and a calendar file to download.
//! Nothing on this page is stored.

use super::date_field;
use crate::components::*;
use crate::hooks::use_title;
use crate::nav;
use crate::route::Route;
use crate::router::*;
use crate::services::{clock, download::download};
use prevent_core::answers::DateParts;
use prevent_core::deadline::{case_deadlines, Band, CaseDates, PlpDates, Status, MONITORED_EVERY};
use prevent_core::ics;
use std::collections::BTreeMap;
use yew::prelude::*;

/// The date questions: (key, question, hint).
const DATES: [(&str, &str, &str); 7] = [
    (
        "received",
        "Date the case was received from the FIMU",
        "Starts the PGA (PGA-2) and, in Dovetail areas, the LACC referral (PGA-7).",
    ),
    (
        "deconflicted",
        "Date of FIMU de-confliction",
        "Outside Dovetail areas, starts the S.36 decision (PGA-15).",
    ),
    (
        "last-review",
        "Date of the last DIF review",
        "For a PLP case: starts the next review (PLP-5).",
    ),
    (
        "last-panel",
        "Date of the last PLP panel, if one met since the last DIF",
        "The last DIF serves the first panel after it (PLP-5, s12).",
    ),
    (
        "next-panel",
        "Date of the next PLP panel, if one is set",
        "The review is due before it if a panel met since the last DIF.",
    ),
    (
        "closed",
        "Date the case was closed",
        "Starts the 6- and 12-month reviews (PLP-11).",
    ),
    (
        "last-submission",
        "Date of the last submission to the FIMU",
        "Starts the 3-monthly summary (INT-1).",
    ),
];

/// The band's choices (value, label); a Monitored case's frequency (PLP-12) is part of its
/// choice, as the case records it.
const BANDS: [(&str, &str); 6] = [
    ("high", "High (Red)"),
    ("standard", "Standard (Amber)"),
    ("monitored", "Monitored (Green), every 3 months"),
    ("monitored-8-weeks", "Monitored (Green), every 8 weeks"),
    ("monitored-6-weeks", "Monitored (Green), every 6 weeks"),
    ("monitored-4-weeks", "Monitored (Green), every 4 weeks"),
];

/// A date entered, when it is a real one: one function rather than a copy at each of its seven
/// uses (bytes of download).
#[inline(never)]
fn entered(form: &Form, key: &str) -> Option<chrono::NaiveDate> {
    form.dates.get(key).and_then(date_field::value)
}

#[derive(Clone, Default, PartialEq)]
struct Form {
    reference: String,
    dovetail: Option<String>,
    band: Option<String>,
    dates: BTreeMap<&'static str, DateParts>,
    download_problem: Option<String>,
}

/// The deadlines page.
#[component]
pub fn Deadlines() -> Html {
    use_title("Deadline calculator".into(), false);
    let settings = crate::hooks::use_settings();
    let navigator = use_navigator().expect("router");
    let form = use_state(Form::default);
    let today = clock::today();
    let cal = settings.calendar.calendar();
    let date = |k: &str| entered(&form, k);
    // A Monitored case's frequency (PLP-12) is part of its choice: "monitored-4-weeks".
    let choice = form.band.as_deref().unwrap_or("");
    let band = match choice {
        "high" => Some(Band::High),
        "standard" => Some(Band::Standard),
        c if c.starts_with("monitored") => Some(Band::Monitored),
        _ => None,
    };
    let dates = CaseDates {
        received_from_fimu: date("received"),
        deconflicted: date("deconflicted"),
        dovetail: form.dovetail.as_deref() == Some("yes"),
        plp: band
            .zip(date("last-review"))
            .map(|(band, last_review)| PlpDates {
                band,
                every: MONITORED_EVERY
                    .iter()
                    .find(|e| choice.ends_with(e.0))
                    .map(|e| e.1),
                last_review,
                last_panel: date("last-panel"),
                next_panel: date("next-panel"),
            }),
        closed: date("closed"),
        last_fimu_submission: date("last-submission"),
    };
    let deadlines = case_deadlines(&dates, &cal);

    let update = |f: fn(&mut Form, String)| {
        let form = form.clone();
        Callback::from(move |v: String| {
            let mut next = (*form).clone();
            f(&mut next, v);
            form.set(next);
        })
    };
    let date_inputs: Html = DATES
        .iter()
        .filter(|(k, _, _)| {
            band.is_some() || !matches!(*k, "last-review" | "last-panel" | "next-panel")
        })
        .map(|(key, legend, hint)| {
            let handle = form.clone();
            let key: &'static str = key;
            let onchange = Callback::from(move |(part, v): (DatePart, String)| {
                let mut next = (*handle).clone();
                date_field::set(next.dates.entry(key).or_default(), part, v);
                handle.set(next);
            });
            date_field::view(
                key,
                legend,
                Some(hint),
                &form.dates.get(key).cloned().unwrap_or_default(),
                false,
                onchange,
            )
        })
        .collect();
    let panels = panels(&deadlines, today, &cal);
    let on_download = {
        let form = form.clone();
        let deadlines = deadlines.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            let mut next = (*form).clone();
            let reference = form.reference.trim();
            next.download_problem = if reference.is_empty() {
                Some(
                    "Enter a case reference, so the calendar events say which case they are for"
                        .into(),
                )
            } else {
                let stamp = clock::ics_stamp();
                download(
                    &ics::file_name(reference),
                    "text/calendar",
                    &ics::to_ics(reference, &deadlines, &stamp, crate::marking()),
                )
                .err()
            };
            form.set(next);
        })
    };
    let settings_href = nav::href(&Route::Settings);
    // The trainer's home is its scenarios, not a list of records.
    let due_href = (!crate::bundle::current().paths.training)
        .then(|| AttrValue::from(format!("{}?sort=deadline", nav::href(&Route::OfficerHome))));
    html! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                // A calculator, not a list of what is due (issue 21, item 7): the list is the
                // officers' records, soonest deadline first.
                <h1 class="govuk-heading-l">{ "Deadline calculator" }</h1>
                if let Some(due) = due_href {
                    <p class="govuk-body" id="what-is-due">
                        { "This works out a case's deadlines from the dates you enter. For the deadlines of the records saved here, see " }
                        <a class="govuk-link" href={due.clone()} onclick={nav::on_click(&navigator, due)}>{ "What is due" }</a>
                        { " (your assessments and cases, soonest deadline first)." }
                    </p>
                }
                <p class="govuk-body">
                    { format!("Enter the dates you know. Deadlines are counted in working days for {}, less the holidays you have added (", settings.calendar.division.label()) }
                    <a class="govuk-link" href={settings_href.clone()} onclick={nav::on_click(&navigator, settings_href)}>{ "change this in settings" }</a>
                    { "). Day 0 is the day of the event itself. Nothing on this page is saved." }
                </p>
                <form novalidate=true onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    { text_input::view(TextInputProps {
                        hint: Some(AttrValue::from("For example the PCMT reference. It is the only case detail in the calendar file: do not use a name.")),
                        value: AttrValue::from(form.reference.clone()),
                        oninput: update(|f, v| f.reference = v),
                        spellcheck: Some(false),
                        ..TextInputProps::new("reference", "reference", "Case reference")
                    }) }
                    { radios::view(RadiosProps {
                        id: "dovetail".into(),
                        name: "dovetail".into(),
                        legend: "Is the case in a Dovetail area?".into(),
                        inline: true,
                        items: vec![RadioItem { value: "yes".into(), label: "Yes".into(), hint: None, conditional: None, disabled: false }, RadioItem { value: "no".into(), label: "No".into(), hint: None, conditional: None, disabled: false }],
                        selected: form.dovetail.clone().map(AttrValue::from),
                        onchange: update(|f, v| f.dovetail = Some(v)),
                        ..Default::default()
                    }) }
                    <Select id="band" name="band" label="PLP priority band, for a PLP case" items={BANDS.iter().map(|(v, l)| (AttrValue::Static(v), AttrValue::Static(l))).collect::<Vec<_>>()} placeholder={Some(AttrValue::from("Not a PLP case"))} selected={form.band.clone().map(AttrValue::from)} onchange={update(|f, v| f.band = (!v.is_empty()).then_some(v))} />
                    { date_inputs }
                </form>
                <h2 class="govuk-heading-m" id="deadlines-heading">{ "Deadlines" }</h2>
                if deadlines.is_empty() {
                    <p class="govuk-body">{ "Enter a date above to see the deadlines it starts." }</p>
                } else {
                    { panels }
                    if let Some(p) = &form.download_problem {
                        <p class="govuk-error-message" id="download-error"><span class="govuk-visually-hidden">{ "Error: " }</span>{ p.clone() }</p>
                    }
                    { button::action("download-ics", ButtonVariant::Secondary, AttrValue::Static("Download calendar (.ics)"), on_download) }
                }
            </div>
        </div>
    }
}

/// A panel per deadline, with where it stands on `today`.
pub fn panels(
    deadlines: &[prevent_core::deadline::Deadline],
    today: chrono::NaiveDate,
    cal: &prevent_core::calendar::Calendar,
) -> Html {
    deadlines
        .iter()
        .map(|d| {
            let state = match d.status(today) {
                Status::Upcoming => DeadlineState::Upcoming,
                Status::DueToday => DeadlineState::DueToday,
                Status::Overdue => DeadlineState::Overdue,
                Status::Done => DeadlineState::Done,
            };
            let detail = d.detail();
            deadline_panel::view(DeadlinePanelProps {
                id: AttrValue::from(format!("deadline-{}", d.key)),
                title: d.title.into(),
                rule_id: d.rule_id,
                state,
                summary: AttrValue::from(d.summary(today, cal)),
                detail: AttrValue::from(detail),
            })
        })
        .collect()
}
