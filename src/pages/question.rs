//! One question of a form page, rendered with the GOV.UK component for its kind, its error
//! (once Continue has been pressed), its live warnings (announced: a polite live region), and
//! any questions that a radio option reveals (conditional reveal).

use crate::components::*;
use crate::route::dom_id;
use crate::services::clock;
use crate::state::{Action, DateBox, Session};
use prevent_core::answers::DateParts;
use prevent_core::form::{Condition, Page, Question, QuestionKind};
use prevent_core::validate::Report;
use prevent_core::{Answer, Answers, Issue, Severity};
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

/// The questions of `page` that a radio option of another of its questions reveals, with that
/// question's id (see [`revealed_by`]), in page order.
pub fn reveals(page: &'static Page) -> Vec<(&'static Question, &'static str)> {
    page.questions
        .iter()
        .filter_map(|c| revealed_by(c, page).map(|(field, _)| (c, field)))
        .collect()
}

/// The questions [`QuestionBlock`] renders: `q` and every question it reveals, and so on.
fn subtree(
    q: &'static Question,
    reveals: &[(&'static Question, &'static str)],
) -> Vec<&'static Question> {
    let mut out = vec![q];
    let mut i = 0;
    while i < out.len() {
        let parent = out[i].id.as_str();
        for (c, field) in reveals {
            if *field == parent && !out.iter().any(|o| std::ptr::eq(*o, *c)) {
                out.push(c);
            }
        }
        i += 1;
    }
    out
}

/// Properties of [`QuestionBlock`]: only what one question and the questions it reveals show,
/// so that a keystroke re-renders the question typed in and those whose issues changed, not
/// the whole page.
#[derive(Properties, Clone)]
pub struct QuestionProps {
    /// The question.
    pub question: &'static Question,
    /// Its page.
    pub page: &'static Page,
    /// The answers to the question and to the questions it reveals (nothing else).
    pub answers: Answers,
    /// The issues shown for them, in report order: warnings always, errors once Continue has
    /// been pressed on the page (their first error each).
    pub issues: Vec<Issue>,
    /// Make the label or legend the page heading.
    pub is_heading: bool,
    /// Options ruled out now: (question id, option value, the reason shown in its hint).
    pub unavailable: Vec<(String, String, String)>,
    /// Where changes go.
    pub dispatch: UseReducerDispatcher<Session>,
}

impl PartialEq for QuestionProps {
    fn eq(&self, other: &Self) -> bool {
        // Questions and pages live in the form's static schema: the same one is the same
        // address.
        std::ptr::eq(self.question, other.question)
            && std::ptr::eq(self.page, other.page)
            && self.is_heading == other.is_heading
            && self.answers == other.answers
            && self.issues == other.issues
            && self.unavailable == other.unavailable
            && self.dispatch == other.dispatch
    }
}

/// What the questions of one page are rendered from.
pub struct PageData<'a> {
    /// The page.
    pub page: &'static Page,
    /// The draft's answers.
    pub answers: &'a Answers,
    /// The page's report.
    pub report: &'a Report,
    /// Show errors (Continue has been pressed on this page).
    pub show_errors: bool,
    /// Why option `value` of question `id` cannot be chosen now, if it cannot: (id, value).
    pub unavailable: &'a dyn Fn(&str, &str) -> Option<String>,
    /// Where changes go.
    pub dispatch: &'a UseReducerDispatcher<Session>,
    /// The page's [`reveals`].
    pub reveals: &'a [(&'static Question, &'static str)],
}

impl QuestionProps {
    /// The props of question `question` of the page.
    pub fn new(question: &'static Question, is_heading: bool, data: &PageData) -> Self {
        let page = data.page;
        let questions = subtree(question, data.reveals);
        let mine = |path: &str| questions.iter().any(|q| q.id == path);
        let mut answers = Answers::default();
        for q in &questions {
            if let Some(a) = data.answers.get(&q.id) {
                answers.0.insert(q.id.clone(), a.clone());
            }
        }
        let report = data.report;
        let issues = report
            .issues
            .iter()
            .filter(|i| mine(&i.path))
            .filter(|i| match i.severity {
                Severity::Warning => true,
                // The field's first error, as the error summary lists it.
                Severity::Error => {
                    data.show_errors
                        && report
                            .error_for(&i.path)
                            .is_some_and(|e| std::ptr::eq(e, *i))
                }
                _ => false,
            })
            .cloned()
            .collect();
        let unavailable = questions
            .iter()
            .flat_map(|q| q.kind.choices().iter().map(move |c| (q, c)))
            .filter_map(|(q, c)| {
                (data.unavailable)(&q.id, &c.value).map(|r| (q.id.clone(), c.value.clone(), r))
            })
            .collect();
        QuestionProps {
            question,
            page,
            answers,
            issues,
            is_heading,
            unavailable,
            dispatch: data.dispatch.clone(),
        }
    }
}

/// A question and what it reveals, as a component with its own props so that it re-renders
/// only when they change (issue 9: keystroke to re-render). One component type, shared by
/// every question page.
#[component]
pub fn QuestionBlock(props: &QuestionProps) -> Html {
    view(props, props.question, props.is_heading)
}

/// Question `q` of the block (the block's own question or one it reveals).
fn view(props: &QuestionProps, q: &'static Question, is_heading: bool) -> Html {
    let id = AttrValue::from(dom_id(&q.id));
    let live_id = format!("{id}-warnings");
    let name = AttrValue::from(q.id.clone());
    let issue = props
        .issues
        .iter()
        .find(|i| i.path == q.id && i.severity == Severity::Error);
    let error = issue.map(|i| AttrValue::from(crate::bundle::message(i)));
    let hint = q.hint.clone().map(AttrValue::from);
    let label = AttrValue::from(q.label.clone());
    let answer = props.answers.get(&q.id);
    let text = AttrValue::from(answer.and_then(Answer::as_text).unwrap_or("").to_string());
    let set = {
        let dispatch = props.dispatch.clone();
        let path = q.id.clone();
        Callback::from(move |value: Answer| {
            dispatch.dispatch(Action::Set {
                path: path.clone(),
                value,
                at: clock::now(),
            })
        })
    };
    let set_text = set.reform(Answer::Text);
    let warnings: Html = props
        .issues
        .iter()
        .filter(|i| i.path == q.id && i.severity == Severity::Warning)
        .map(|i| {
            warning_text::view(WarningTextProps::new(
                html! { { crate::bundle::message(i) } },
            ))
        })
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
                .map(|c| view(props, c, false))
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
                let unavailable = props
                    .unavailable
                    .iter()
                    .find(|(qid, value, _)| *qid == q.id && *value == c.value)
                    .map(|(_, _, reason)| reason.clone());
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
            label_is_heading: is_heading,
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
            label_is_heading: is_heading,
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
            <Textarea id={id} name={name} label={label} label_is_heading={is_heading} hint={hint} error={error}
                value={text} oninput={set_text} rows={*rows} max_chars={*max_chars} />
        },
        QuestionKind::Radios { choices, inline } => {
            let items = choice_items(choices);
            let inline = *inline && items.iter().all(|i| i.conditional.is_none());
            radios::view(RadiosProps {
                id,
                name,
                legend: label,
                legend_is_heading: is_heading,
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
                legend_is_heading: is_heading,
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
                <Select id={id} name={name} label={label} label_is_heading={is_heading} hint={hint} error={error}
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
                let dispatch = props.dispatch.clone();
                let path = q.id.clone();
                Callback::from(move |(part, value): (DatePart, String)| {
                    let part = match part {
                        DatePart::Day => DateBox::Day,
                        DatePart::Month => DateBox::Month,
                        DatePart::Year => DateBox::Year,
                    };
                    dispatch.dispatch(Action::SetDatePart {
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
                legend_is_heading: is_heading,
                hint,
                error,
                error_parts,
                day: AttrValue::from(parts.day),
                month: AttrValue::from(parts.month),
                year: AttrValue::from(parts.year),
                onchange,
            })
        }
    };
    // Warnings appear as the user answers ("Call 999 now" on choosing yes): they go in a
    // polite live region that is on the page before they are, so a screen reader announces
    // them (issue 21, item 2; as govuk-frontend's character count does with its status).
    // A long hint's prompts wait behind "What to include" (issue 21, item 5).
    let include = (!q.include.is_empty()).then(|| {
        details::view(DetailsProps {
            summary: "What to include".into(),
            open: false,
            children: html! { <ul class="govuk-list govuk-list--bullet">{ for q.include.iter().map(|i| html! { <li>{ i }</li> }) }</ul> },
        })
    });
    html! { <>{ field }{ include }<div id={live_id} class="pct-live-warnings" aria-live="polite">{ warnings }</div></> }
}
