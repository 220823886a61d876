//! One question of a form page, rendered with the GOV.UK component for its kind, its error
//! (once Continue has been pressed), its live warnings, and any questions that a radio
//! option reveals (conditional reveal).

use crate::components::*;
use crate::route::dom_id;
use crate::services::clock;
use crate::state::{Action, DateBox, SessionHandle};
use prevent_core::answers::DateParts;
use prevent_core::form::{Condition, Page, Question, QuestionKind};
use prevent_core::validate::Report;
use prevent_core::{Answer, Severity};
use std::rc::Rc;
use yew::prelude::*;

/// The radio question and option that reveal `q`, when `q` is shown only for one option of a
/// radio question on the same page.
pub fn revealed_by<'a>(q: &'a Question, page: &Page) -> Option<(&'a str, &'a str)> {
    fn find<'c>(c: &'c Condition, page: &Page) -> Option<(&'c str, &'c str)> {
        match c {
            Condition::Equals { field, value }
                if page
                    .questions
                    .iter()
                    .any(|p| p.id == *field && matches!(p.kind, QuestionKind::Radios { .. })) =>
            {
                Some((field, value))
            }
            Condition::All(cs) => cs.iter().find_map(|c| find(c, page)),
            _ => None,
        }
    }
    q.show_if.as_ref().and_then(|c| find(c, page))
}

/// The id to focus for a question (its first box for a date).
pub fn target_id(q_id: &str, part: Option<&str>) -> String {
    match part {
        Some(p) => format!("{}-{}", dom_id(q_id), p),
        None => dom_id(q_id),
    }
}

/// What [`view`] renders.
#[derive(Clone)]
pub struct QuestionField {
    /// The question.
    pub question: &'static Question,
    /// Its page.
    pub page: &'static Page,
    /// The page's current report.
    pub report: Rc<Report>,
    /// Show errors (Continue has been pressed on this page).
    pub show_errors: bool,
    /// Make the label or legend the page heading.
    pub is_heading: bool,
}

/// A question and what it reveals. A plain function rather than a component (the page owns
/// the session; see ARCHITECTURE.md, "Download size").
pub fn view(session: &SessionHandle, props: &QuestionField) -> Html {
    let Some(draft) = session.draft.as_ref() else {
        return html! {};
    };
    let q = props.question;
    let id = AttrValue::from(dom_id(&q.id));
    let name = AttrValue::from(q.id.clone());
    let issue = props.report.error_for(&q.id).filter(|_| props.show_errors);
    let error = issue.map(|i| AttrValue::from(i.message.clone()));
    let hint = q.hint.clone().map(AttrValue::from);
    let label = AttrValue::from(q.label.clone());
    let answer = draft.answers.get(&q.id);
    let text = AttrValue::from(answer.and_then(Answer::as_text).unwrap_or("").to_string());
    let set = {
        let session = session.clone();
        let path = q.id.clone();
        Callback::from(move |value: Answer| {
            session.dispatch(Action::Set {
                path: path.clone(),
                value,
                at: clock::now(),
            })
        })
    };
    let set_text = set.reform(Answer::Text);
    let warnings: Html = props
        .report
        .issues
        .iter()
        .filter(|i| i.path == q.id && i.severity == Severity::Warning)
        .map(|i| warning_text::view(WarningTextProps::new(html! { { i.message.clone() } })))
        .collect();

    let revealed = |value: &str| -> Option<Html> {
        let children: Vec<&'static Question> = props
            .page
            .questions
            .iter()
            .filter(|c| revealed_by(c, props.page) == Some((q.id.as_str(), value)))
            .collect();
        (!children.is_empty()).then(|| {
            children
                .into_iter()
                .map(|c| {
                    view(
                        session,
                        &QuestionField {
                            question: c,
                            is_heading: false,
                            ..props.clone()
                        },
                    )
                })
                .collect::<Html>()
        })
    };

    // Radios and checkboxes show a schema's options the same way; only radio options reveal
    // follow-up questions (see `revealed_by`), so a checkbox option's reveal is always empty.
    let choice_items = |choices: &[prevent_core::form::Choice]| -> Vec<ChoiceItem> {
        choices
            .iter()
            .map(|c| {
                // Options the policy rules out for this record are shown, disabled, with the
                // rule and the reason (the PGA's Gateway Decision: PGA-6..9, PGA-14).
                let unavailable = super::pga_help::unavailable(draft, &q.id, &c.value);
                ChoiceItem {
                    value: c.value.clone().into(),
                    label: c.label.clone().into(),
                    hint: unavailable
                        .clone()
                        .or_else(|| c.hint.clone())
                        .map(AttrValue::from),
                    conditional: revealed(&c.value),
                    disabled: unavailable.is_some(),
                }
            })
            .collect()
    };
    let field = match &q.kind {
        QuestionKind::Text {
            input_type,
            autocomplete,
            width,
        } => text_input::view(TextInputProps {
            label_is_heading: props.is_heading,
            hint,
            error,
            value: text,
            oninput: set_text,
            input_type: AttrValue::from(input_type.clone()),
            autocomplete: autocomplete.clone().map(AttrValue::from),
            width: width.clone().map(AttrValue::from),
            spellcheck: (input_type != "text").then_some(false),
            ..TextInputProps::new(id, name, label)
        }),
        QuestionKind::Number { .. } => text_input::view(TextInputProps {
            label_is_heading: props.is_heading,
            hint,
            error,
            value: text,
            oninput: set_text,
            inputmode: Some(AttrValue::from("numeric")),
            width: Some(AttrValue::from("3")),
            spellcheck: Some(false),
            ..TextInputProps::new(id, name, label)
        }),
        QuestionKind::TextArea { max_chars, rows } => html! {
            <Textarea id={id} name={name} label={label} label_is_heading={props.is_heading} hint={hint} error={error}
                value={text} oninput={set_text} rows={*rows} max_chars={*max_chars} />
        },
        QuestionKind::Radios { choices, inline } => {
            let items = choice_items(choices);
            let inline = *inline && items.iter().all(|i| i.conditional.is_none());
            radios::view(RadiosProps {
                id,
                name,
                legend: label,
                legend_is_heading: props.is_heading,
                hint,
                error,
                items,
                selected: answer
                    .and_then(Answer::as_text)
                    .map(|t| AttrValue::from(t.to_string())),
                onchange: set_text,
                inline,
            })
        }
        QuestionKind::Checkboxes { choices } => {
            let items = choice_items(choices);
            let selected: Vec<AttrValue> = match answer {
                Some(Answer::Choices(cs)) => {
                    cs.iter().map(|c| AttrValue::from(c.clone())).collect()
                }
                _ => vec![],
            };
            checkboxes::view(CheckboxesProps {
                id,
                name,
                legend: label,
                legend_is_heading: props.is_heading,
                hint,
                error,
                items,
                selected,
                onchange: set.reform(Answer::Choices),
                inline: false,
            })
        }
        QuestionKind::Select { choices } => {
            let items: Vec<(AttrValue, AttrValue)> = choices
                .iter()
                .map(|c| {
                    (
                        AttrValue::from(c.value.clone()),
                        AttrValue::from(c.label.clone()),
                    )
                })
                .collect();
            html! {
                <Select id={id} name={name} label={label} label_is_heading={props.is_heading} hint={hint} error={error}
                    items={items} selected={answer.and_then(Answer::as_text).map(|t| AttrValue::from(t.to_string()))}
                    placeholder={Some(AttrValue::from("Select an option"))} onchange={set_text} />
            }
        }
        QuestionKind::Date => {
            let parts = match answer {
                Some(Answer::Date(p)) => p.clone(),
                _ => DateParts::default(),
            };
            let error_parts = issue
                .map(|i| DateErrorParts {
                    day: i.parts[0],
                    month: i.parts[1],
                    year: i.parts[2],
                })
                .unwrap_or_default();
            let onchange = {
                let session = session.clone();
                let path = q.id.clone();
                Callback::from(move |(part, value): (DatePart, String)| {
                    let part = match part {
                        DatePart::Day => DateBox::Day,
                        DatePart::Month => DateBox::Month,
                        DatePart::Year => DateBox::Year,
                    };
                    session.dispatch(Action::SetDatePart {
                        path: path.clone(),
                        part,
                        value,
                        at: clock::now(),
                    })
                })
            };
            date_input::view(DateInputProps {
                id,
                legend: label,
                legend_is_heading: props.is_heading,
                hint,
                error,
                error_parts,
                day: AttrValue::from(parts.day),
                month: AttrValue::from(parts.month),
                year: AttrValue::from(parts.year),
                onchange,
                bday: q.id.ends_with("dob"),
            })
        }
    };
    html! { <>{ field }{ warnings }</> }
}
