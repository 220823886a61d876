//! The one form-builder DSL (issue 17): short constructors for the pages, questions, options,
//! show-conditions and rules of a [`FormSchema`](crate::form::FormSchema), so that each form's
//! builder (`nrf`, `pga_form`, `plp_form`) reads as the form it builds. A question is
//! `q(id, label, short, kind)`, then `.hint(..)` and `.when(..)`; a page is
//! `page(id, title, section, lead, questions)`, then `.when(..)`.
//!
//! The builders add nothing of their own: what a form asks and checks is all in its module,
//! and `tests/form_snapshot.rs` holds each built schema.

use crate::catalogue::RuleId;
use crate::form::{Check, Choice, Condition, Page, PageKind, Question, QuestionKind, Rule};

/// An option.
pub(crate) fn choice(value: &str, label: &str) -> Choice {
    Choice {
        value: value.into(),
        label: label.into(),
        hint: None,
    }
}

/// An option with a hint under its label.
pub(crate) fn choice_hint(value: &str, label: &str, hint: &str) -> Choice {
    Choice {
        hint: Some(hint.into()),
        ..choice(value, label)
    }
}

/// Radios, one after the other or (`inline`) side by side.
pub(crate) fn radios(choices: Vec<Choice>, inline: bool) -> QuestionKind {
    QuestionKind::Radios { choices, inline }
}

/// Inline "Yes" / "No" radios (values `yes`, `no`).
pub(crate) fn yes_no() -> QuestionKind {
    radios(vec![choice("yes", "Yes"), choice("no", "No")], true)
}

/// Checkboxes: any number of the options.
pub(crate) fn checkboxes(choices: Vec<Choice>) -> QuestionKind {
    QuestionKind::Checkboxes { choices }
}

/// A select (drop-down) of the options.
pub(crate) fn select(choices: Vec<Choice>) -> QuestionKind {
    QuestionKind::Select { choices }
}

/// A text input of `input_type` ("text", "tel", "email"), with its `autocomplete` attribute
/// and GOV.UK `width` class when given.
pub(crate) fn text_input(
    input_type: &str,
    autocomplete: Option<&str>,
    width: Option<&str>,
) -> QuestionKind {
    QuestionKind::Text {
        input_type: input_type.into(),
        autocomplete: autocomplete.map(Into::into),
        width: width.map(Into::into),
    }
}

/// A full-width text input, autocomplete off: record content never reaches the browser's
/// autofill (SEC-1, `tests/autofill.rs`).
pub(crate) fn text() -> QuestionKind {
    text_input("text", Some("off"), None)
}

/// A phone number input, 20 characters wide, autocomplete off.
pub(crate) fn tel() -> QuestionKind {
    text_input("tel", Some("off"), Some("20"))
}

/// An email address input, autocomplete off.
pub(crate) fn email() -> QuestionKind {
    text_input("email", Some("off"), None)
}

/// A textarea of `rows` rows for at most 2,000 characters (FORM-1).
pub(crate) fn area(rows: u32) -> QuestionKind {
    area_up_to(2000, rows)
}

/// A textarea of `rows` rows for at most `max` characters (FORM-1).
pub(crate) fn area_up_to(max: usize, rows: u32) -> QuestionKind {
    QuestionKind::TextArea {
        max_chars: Some(max),
        rows,
    }
}

/// A question: its field id (the export's name), label, short name (for messages and check
/// your answers) and kind; always shown, without a hint, until `.hint` and `.when` say so.
pub(crate) fn q(id: &str, label: &str, short: &str, kind: QuestionKind) -> Question {
    Question {
        id: id.into(),
        label: label.into(),
        hint: None,
        kind,
        show_if: None,
        short: short.into(),
        include: Vec::new(),
    }
}

/// The settings of a question, chained after [`q`].
pub(crate) trait QuestionExt {
    /// The hint under the label.
    fn hint(self, h: &str) -> Self;
    /// Shown (and validated and exported) only when `c` holds.
    fn when(self, c: Condition) -> Self;
    /// The "What to include" prompts, shown behind a details under the field.
    fn include(self, items: &[&str]) -> Self;
}

impl QuestionExt for Question {
    fn hint(mut self, h: &str) -> Self {
        self.hint = Some(h.into());
        self
    }
    fn when(mut self, c: Condition) -> Self {
        self.show_if = Some(c);
        self
    }
    fn include(mut self, items: &[&str]) -> Self {
        self.include = items.iter().map(|i| i.to_string()).collect();
        self
    }
}

/// A page of questions in task-list section `section`, with its lead paragraph when given.
pub(crate) fn page(
    id: &str,
    title: &str,
    section: &str,
    lead: Option<&str>,
    questions: Vec<Question>,
) -> Page {
    Page {
        id: id.into(),
        title: title.into(),
        section: section.into(),
        lead: lead.map(Into::into),
        kind: PageKind::Questions,
        questions,
        show_if: None,
    }
}

/// The settings of a page, chained after [`page`].
pub(crate) trait PageExt {
    /// Shown only when `c` holds.
    fn when(self, c: Condition) -> Self;
}

impl PageExt for Page {
    fn when(mut self, c: Condition) -> Self {
        self.show_if = Some(c);
        self
    }
}

/// The check-your-answers page of a form, in task-list section `section`.
pub(crate) fn check_answers_page(section: &str) -> Page {
    Page {
        kind: PageKind::CheckAnswers,
        ..page("check-answers", "Check your answers", section, None, vec![])
    }
}

/// The condition "field `field` has the value `value`".
pub(crate) fn eq(field: &str, value: &str) -> Condition {
    Condition::Equals {
        field: field.into(),
        value: value.into(),
    }
}

/// A rule of catalogue rule `id` on `field`, citing the rule's sections ([`Rule::new`]; a form
/// narrows them with [`Rule::citing`]).
pub(crate) fn rule(id: RuleId, field: &str, check: Check, message: &str) -> Rule {
    Rule::new(id, field, check, message)
}
