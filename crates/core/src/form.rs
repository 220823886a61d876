//! Forms as data: a versioned schema of pages, questions, options, show-conditions and the
//! rules (with their ids and policy sections) that validation applies. A force can replace a
//! schema without code changes; the app renders whatever schema it is given.

use crate::answers::{Answer, Answers};
use crate::catalogue::RuleId;
use crate::date;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A whole form, in page order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormSchema {
    /// Stable id ("nrf").
    pub id: String,
    /// Schema version; exports and drafts record it.
    pub version: u32,
    /// Human title ("Prevent referral").
    pub title: String,
    /// Pages in the order the user meets them.
    pub pages: Vec<Page>,
    /// Rules, each tied to the field its issue is shown against.
    pub rules: Vec<Rule>,
    /// What the form adds to validation, audit, export and import (issue 17): set by the
    /// form's builder; not serialised.
    #[serde(skip)]
    pub def: crate::form_def::Def,
}

/// What a page is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PageKind {
    /// A page of questions.
    Questions,
    /// The check-your-answers page.
    CheckAnswers,
}

/// One page of the form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Page {
    /// Stable id, used in the URL ("about-you").
    pub id: String,
    /// The page heading (h1).
    pub title: String,
    /// The task-list section the page belongs to.
    pub section: String,
    /// Optional lead paragraph under the heading.
    pub lead: Option<String>,
    /// Kind of page.
    pub kind: PageKind,
    /// The questions, in order.
    pub questions: Vec<Question>,
    /// The page is shown only when this holds.
    pub show_if: Option<Condition>,
}

/// One question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// Field path, stable across versions ("subject.dob"); also the export field name.
    pub id: String,
    /// Label or legend.
    pub label: String,
    /// Hint text.
    pub hint: Option<String>,
    /// Kind of input.
    pub kind: QuestionKind,
    /// The question is shown (and validated, and exported) only when this holds.
    pub show_if: Option<Condition>,
    /// Short name used in messages and on check-your-answers ("date of birth").
    pub short: String,
}

/// An option of a radio, checkbox or select question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    /// Stored value (stable; exported).
    pub value: String,
    /// What the user sees.
    pub label: String,
    /// Hint under the option.
    pub hint: Option<String>,
}

/// The input a question uses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum QuestionKind {
    /// One line of text. `input_type` is "text", "email" or "tel"; `autocomplete` is "off" (or
    /// none, which the UI renders "off") for every record field: what is typed never reaches the
    /// browser's autofill or session-restore files (DESIGN.md, "Security model"; issue 16).
    Text {
        input_type: String,
        autocomplete: Option<String>,
        width: Option<String>,
    },
    /// Whole number typed as text (for example an approximate age).
    Number { min: u32, max: u32 },
    /// Several lines, with an optional character count.
    TextArea { max_chars: Option<usize>, rows: u32 },
    /// Pick one.
    Radios { choices: Vec<Choice>, inline: bool },
    /// Pick any.
    Checkboxes { choices: Vec<Choice> },
    /// Pick one from a list.
    Select { choices: Vec<Choice> },
    /// Day, month, year.
    Date,
}

impl QuestionKind {
    /// The options of a choice question (empty for others).
    pub fn choices(&self) -> &[Choice] {
        match self {
            QuestionKind::Radios { choices, .. }
            | QuestionKind::Checkboxes { choices }
            | QuestionKind::Select { choices } => choices,
            _ => &[],
        }
    }
}

/// When a page or question is shown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Condition {
    /// A (shown) radio/select/text answer equals `value`.
    Equals { field: String, value: String },
    /// A (shown) checkbox answer includes `value`.
    Includes { field: String, value: String },
    /// Every condition holds.
    All(Vec<Condition>),
    /// At least one holds.
    Any(Vec<Condition>),
    /// The person is known to be under 18 on `today`: from the date of birth when it is a real
    /// date, else from the approximate age.
    Under18 { dob: String, age: String },
}

/// Facts from outside the form that conditions and rules need. Passed in: the core never
/// reads the clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Context {
    /// The user's today.
    pub today: NaiveDate,
    /// The protective marking of this app's records (DESIGN.md, Principles): every export
    /// carries it, and an import takes only records that carry it, so a training record never
    /// enters the real app nor a real one training ([`crate::PROTECTIVE_MARKING`] or
    /// [`crate::TRAINING_MARKING`]: the bundle's value, issue 17).
    pub marking: &'static str,
}

impl Context {
    /// The context of a real (not training) app on `today`.
    pub fn on(today: NaiveDate) -> Context {
        Context {
            today,
            marking: crate::PROTECTIVE_MARKING,
        }
    }

    /// The same context, marked `marking`.
    pub fn marked(self, marking: &'static str) -> Context {
        Context { marking, ..self }
    }
}

/// Which rule check a [`Rule`] applies.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Check {
    /// The field must be answered when shown.
    Required,
    /// At least one of these (shown) fields must be answered.
    AnyOf(Vec<String>),
    /// When entered, the date must be a real calendar date.
    RealDate,
    /// When entered, the date must be today or earlier.
    NotFuture,
    /// When entered, a whole number in range.
    NumberInRange,
    /// When entered, looks like an email address.
    Email,
    /// When entered, looks like a UK or international phone number.
    Phone,
    /// When entered, at most the question's character limit.
    MaxChars,
    /// The answer must not be `value` (the message says why).
    NotEqual(String),
    /// A warning (not a blocker) when the answer is `value`.
    WarnIfEquals(String),
}

/// Severity of an issue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Blocks Continue and completion.
    Error,
    /// Shown prominently; never blocks.
    Warning,
    /// Help only.
    Info,
}

/// A rule: its id in the catalogue, the policy section it cites, the field the issue is shown
/// against, the check and the message.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    /// The rule of the catalogue (serialised as its id, "REF-2").
    pub id: RuleId,
    /// The policy section cited: the rule's ([`RuleId::section`]) unless [`Rule::citing`] names
    /// a part of it.
    pub section: String,
    /// The field the issue belongs to (its page decides where the issue shows).
    pub field: String,
    /// What is checked.
    pub check: Check,
    /// The message; for date checks the field's short name is used to build it instead when
    /// this is empty.
    pub message: String,
}

impl Rule {
    /// A rule citing its catalogue section. An empty message: for date checks the field's short
    /// name builds it.
    pub fn new(id: RuleId, field: &str, check: Check, message: &str) -> Rule {
        Rule {
            id,
            section: id.section().into(),
            field: field.into(),
            check,
            message: message.into(),
        }
    }

    /// The same rule citing only part of its catalogue sections ("s12" of PLP-5's "s12, s14").
    pub fn citing(mut self, section: &str) -> Rule {
        debug_assert!(
            self.id.cites(section),
            "{} does not cite {section}",
            self.id
        );
        self.section = section.into();
        self
    }
}

impl FormSchema {
    /// The page with this id.
    pub fn page(&self, id: &str) -> Option<&Page> {
        self.pages.iter().find(|p| p.id == id)
    }

    /// The question with this id and the index of its page.
    pub fn question(&self, id: &str) -> Option<(usize, &Question)> {
        self.pages
            .iter()
            .enumerate()
            .find_map(|(i, p)| p.questions.iter().find(|q| q.id == id).map(|q| (i, q)))
    }

    /// Position of a field in reading order: (page index, question index). Unknown fields
    /// sort last.
    pub fn position(&self, id: &str) -> (usize, usize) {
        for (pi, p) in self.pages.iter().enumerate() {
            if let Some(qi) = p.questions.iter().position(|q| q.id == id) {
                return (pi, qi);
            }
        }
        (usize::MAX, usize::MAX)
    }

    /// True when the page is shown for these answers.
    pub fn page_visible(&self, page: &Page, answers: &Answers, ctx: &Context) -> bool {
        page.show_if
            .as_ref()
            .is_none_or(|c| self.holds(c, answers, ctx))
    }

    /// True when the question (and its page) is shown for these answers.
    pub fn question_visible(&self, id: &str, answers: &Answers, ctx: &Context) -> bool {
        self.visible_depth(id, answers, ctx, 0)
    }

    fn visible_depth(&self, id: &str, answers: &Answers, ctx: &Context, depth: u8) -> bool {
        let Some((pi, q)) = self.question(id) else {
            return false;
        };
        if depth > 16 {
            return false; // a cyclic schema shows nothing rather than looping
        }
        let page = &self.pages[pi];
        page.show_if
            .as_ref()
            .is_none_or(|c| self.holds_depth(c, answers, ctx, depth + 1))
            && q.show_if
                .as_ref()
                .is_none_or(|c| self.holds_depth(c, answers, ctx, depth + 1))
    }

    /// The answer to `id` if the question is shown and answered.
    pub fn visible_answer<'a>(
        &self,
        id: &str,
        answers: &'a Answers,
        ctx: &Context,
    ) -> Option<&'a Answer> {
        answers
            .filled(id)
            .filter(|_| self.question_visible(id, answers, ctx))
    }

    /// Whether a condition holds.
    pub fn holds(&self, c: &Condition, answers: &Answers, ctx: &Context) -> bool {
        self.holds_depth(c, answers, ctx, 0)
    }

    fn holds_depth(&self, c: &Condition, answers: &Answers, ctx: &Context, depth: u8) -> bool {
        let shown = |f: &str| self.visible_depth(f, answers, ctx, depth + 1);
        match c {
            Condition::Equals { field, value } => {
                shown(field) && answers.text(field) == Some(value.as_str())
            }
            Condition::Includes { field, value } => {
                shown(field)
                    && matches!(answers.get(field), Some(Answer::Choices(c)) if c.contains(value))
            }
            Condition::All(cs) => cs
                .iter()
                .all(|c| self.holds_depth(c, answers, ctx, depth + 1)),
            Condition::Any(cs) => cs
                .iter()
                .any(|c| self.holds_depth(c, answers, ctx, depth + 1)),
            Condition::Under18 { dob, age } => {
                if shown(dob) {
                    if let Some(Answer::Date(parts)) = answers.filled(dob) {
                        if let Ok(born) = date::parse(parts) {
                            return date::age_on(born, ctx.today) < 18;
                        }
                    }
                }
                shown(age)
                    && answers
                        .text(age)
                        .and_then(|a| a.parse::<u32>().ok())
                        .is_some_and(|a| a < 18)
            }
        }
    }
}
