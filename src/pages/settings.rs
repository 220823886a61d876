//! Settings: whose bank holidays count (England and Wales, Scotland, Northern Ireland) and the
//! holidays the user adds, such as one announced at short notice. Saved in this browser and
//! applied to every deadline. Also lists the holidays in use, so a due date is easy to check.

use super::date_field;
use crate::components::*;
use crate::hooks::use_app::Settings;
use crate::hooks::use_title;
use crate::services::{clock, settings as store};
use chrono::Datelike;
use prevent_core::answers::DateParts;
use prevent_core::calendar::{bank_holidays, Division};
use prevent_core::date::long_date;
use yew::prelude::*;

#[derive(Clone, Default, PartialEq)]
struct AddForm {
    date: DateParts,
    name: String,
    errors: Vec<(String, String)>,
    attempts: u32,
}

/// The settings page.
#[component]
pub fn SettingsPage() -> Html {
    let settings = crate::hooks::use_settings();
    let framework = super::framework_settings::use_framework_settings();
    let add = use_state(AddForm::default);
    let saved = use_state(|| None::<String>);
    use_title("Settings".into(), !add.errors.is_empty());

    // Every change is saved at once; on failure nothing in use changes and the user is told.
    let apply = {
        let settings = settings.clone();
        let saved = saved.clone();
        move |calendar: prevent_core::calendar::CalendarSettings, what: String| match store::save(
            &calendar,
        ) {
            Ok(()) => {
                settings.set(Settings {
                    calendar,
                    problem: None,
                });
                saved.set(Some(what));
            }
            Err(e) => saved.set(Some(format!("Not saved: {e}"))),
        }
    };
    let on_division = {
        let settings = settings.clone();
        let apply = apply.clone();
        Callback::from(move |v: String| {
            if let Some(division) = Division::from_id(&v) {
                let mut c = settings.calendar.clone();
                c.division = division;
                apply(
                    c,
                    format!(
                        "Deadlines now count the bank holidays of {}.",
                        division.label()
                    ),
                );
            }
        })
    };
    let on_add = {
        let settings = settings.clone();
        let add = add.clone();
        let apply = apply.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut form = (*add).clone();
            form.errors.clear();
            let mut c = settings.calendar.clone();
            match date_field::value(&form.date) {
                None => {
                    let (msg, _) = date_field::problem(&form.date, "The date of the holiday", true)
                        .unwrap_or(("Enter the date of the holiday".into(), Default::default()));
                    form.errors.push(("holiday-date-day".into(), msg));
                }
                Some(date) => match c.add_holiday(date, &form.name) {
                    Ok(()) => {
                        apply(c, format!("{} added.", long_date(date)));
                        form = AddForm {
                            attempts: form.attempts,
                            ..Default::default()
                        };
                    }
                    Err(err) => {
                        let target = if err == prevent_core::calendar::AddHolidayError::NoName {
                            "holiday-name"
                        } else {
                            "holiday-date-day"
                        };
                        form.errors.push((target.into(), err.message().into()));
                    }
                },
            }
            if !form.errors.is_empty() {
                form.attempts += 1;
            }
            add.set(form);
        })
    };
    let extra_rows: Vec<SummaryRow> = settings
        .calendar
        .extra
        .iter()
        .map(|h| {
            let date = h.date;
            let settings = settings.clone();
            let apply = apply.clone();
            let remove = Callback::from(move |e: MouseEvent| {
                e.prevent_default();
                let mut c = settings.calendar.clone();
                c.remove_holiday(date);
                apply(c, format!("{} removed.", long_date(date)));
            });
            SummaryRow {
                key: long_date(h.date).into(),
                value: html! { { h.name.clone() } },
                action: Some(SummaryAction {
                    href: "#".into(),
                    text: "Remove".into(),
                    visually_hidden_text: AttrValue::from(format!(
                        "{} ({})",
                        h.name,
                        long_date(h.date)
                    )),
                    onclick: Some(remove),
                }),
            }
        })
        .collect();
    let year = clock::today().year();
    let cal = settings.calendar.calendar();
    let holiday_lists: Html = [year, year + 1]
        .into_iter()
        .map(|y| {
            let rows: Html = bank_holidays(cal.division, y)
                .into_iter()
                .map(|(d, n)| html! { <tr class="govuk-table__row"><td class="govuk-table__cell">{ long_date(d) }</td><td class="govuk-table__cell">{ n }</td></tr> })
                .collect();
            html! {
                <table class="govuk-table">
                    <caption class="govuk-table__caption govuk-table__caption--s">{ format!("{} bank holidays in {y}", cal.division.label()) }</caption>
                    <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">{ "Date" }</th><th scope="col" class="govuk-table__header">{ "Holiday" }</th></tr></thead>
                    <tbody class="govuk-table__body">{ rows }</tbody>
                </table>
            }
        })
        .collect();
    let set_date = {
        let add = add.clone();
        Callback::from(move |(part, v): (DatePart, String)| {
            let mut f = (*add).clone();
            date_field::set(&mut f.date, part, v);
            add.set(f);
        })
    };
    let set_name = {
        let add = add.clone();
        Callback::from(move |v: String| {
            let mut f = (*add).clone();
            f.name = v;
            add.set(f);
        })
    };
    let error_for = |id: &str| {
        add.errors
            .iter()
            .find(|(t, _)| t == id)
            .map(|(_, m)| AttrValue::from(m.clone()))
    };
    let date_error = error_for("holiday-date-day");
    let items: Vec<ErrorSummaryItem> = add
        .errors
        .iter()
        .map(|(t, m)| ErrorSummaryItem {
            text: m.clone().into(),
            target_id: t.clone().into(),
        })
        .collect();
    html! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary items={items} focus_trigger={add.attempts} />
                if let Some(p) = &settings.problem {
                    <NotificationBanner id="settings-problem"><p class="govuk-notification-banner__heading">{ p.clone() }</p></NotificationBanner>
                }
                if let Some(msg) = &*saved {
                    <div class="govuk-inset-text" id="settings-saved" role="status">{ msg.clone() }</div>
                }
                <h1 class="govuk-heading-l">{ "Settings" }</h1>
                <p class="govuk-body">{ "Settings are saved in this browser as soon as you change them, and apply to every deadline." }</p>
                { radios::view(RadiosProps {
                    id: "division".into(),
                    name: "division".into(),
                    legend: "Whose bank holidays count as non-working days?".into(),
                    hint: Some(AttrValue::from("Choose where you work. Working days are Monday to Friday, less these bank holidays and any you add below.")),
                    items: Division::ALL.iter().map(|d| RadioItem { value: d.id().into(), label: d.label().into(), hint: None, conditional: None, disabled: false }).collect::<Vec<_>>(),
                    selected: Some(AttrValue::from(settings.calendar.division.id())),
                    onchange: on_division,
                    ..Default::default()
                }) }
                <h2 class="govuk-heading-m">{ "Holidays you have added" }</h2>
                if extra_rows.is_empty() {
                    <p class="govuk-body" id="no-extra-holidays">{ "None. Add a holiday when one is announced that this tool does not know about yet." }</p>
                } else {
                    { summary_list::view(SummaryListProps { rows: extra_rows }) }
                }
                <form novalidate=true onsubmit={on_add}>
                    <h3 class="govuk-heading-s">{ "Add a holiday" }</h3>
                    { date_input::view(DateInputProps {
                        id: "holiday-date".into(),
                        legend: "Date of the holiday".into(),
                        hint: Some(AttrValue::from("For example, 19 9 2022")),
                        error: date_error,
                        day: AttrValue::from(add.date.day.clone()),
                        month: AttrValue::from(add.date.month.clone()),
                        year: AttrValue::from(add.date.year.clone()),
                        onchange: set_date,
                        ..Default::default()
                    }) }
                    { text_input::view(TextInputProps {
                        value: AttrValue::from(add.name.clone()),
                        oninput: set_name,
                        error: error_for("holiday-name"),
                        ..TextInputProps::new("holiday-name", "holiday-name", "Name of the holiday")
                    }) }
                    { button::view(ButtonProps { variant: ButtonVariant::Secondary, ..ButtonProps::new("Add holiday") }) }
                </form>
                { framework }
                <h2 class="govuk-heading-m">{ "Bank holidays in use" }</h2>
                { holiday_lists }
            </div>
        </div>
    }
}
