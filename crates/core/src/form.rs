//! Forms as data: a versioned schema of pages, questions, options, show-conditions and the
//! rules (with their ids and policy sections) that validation applies. A force can replace a
//! schema without code changes; the app renders whatever schema it is given.

use crate::answers::{Answer, Answers};
use crate::catalogue::RuleId;
use crate::date;
use crate::report::Issue;
pub use crate::report::Severity;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

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
    pub def: Def,
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
    /// "What to include": prompts shown as a bulleted list behind a GOV.UK details under the
    /// field, so that a long hint stays short (issue 21, item 5). Empty for most questions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<String>,
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
    /// As [`Condition::Under18`], on the date answered at `on` ("case.received") rather than
    /// `today`; on `today` while `on` is not a real date.
    Under18On {
        dob: String,
        age: String,
        on: String,
    },
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
        let under_18 = |dob: &str, age: &str, on: NaiveDate| {
            if shown(dob) {
                if let Some(Answer::Date(parts)) = answers.filled(dob) {
                    if let Ok(born) = date::parse(parts) {
                        return date::age_on(born, on) < 18;
                    }
                }
            }
            shown(age)
                && answers
                    .text(age)
                    .and_then(|a| a.parse::<u32>().ok())
                    .is_some_and(|a| a < 18)
        };
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
            Condition::Under18 { dob, age } => under_18(dob, age, ctx.today),
            Condition::Under18On { dob, age, on } => {
                let day = match answers.filled(on) {
                    Some(Answer::Date(parts)) => date::parse(parts).unwrap_or(ctx.today),
                    _ => ctx.today,
                };
                under_18(dob, age, day)
            }
        }
    }
}

// What a form adds to the generic machinery (issue 17): its `FormDef`. Here, beside the schema
// that carries it, so that `form` and the modules that use it form no circle.

/// A form's own part of validation, audit, export and import. Every method but
/// [`FormDef::author`] has a default: a form with nothing of its own (the referral) only says
/// who its answers are recorded against.
pub trait FormDef: Sync {
    /// The form's id, as its schema has it ("pga"): for `Debug` and equality of schemas.
    fn id(&self) -> &'static str;

    /// Who a change to `path` is recorded against in the audit trail, as entered in the record
    /// (DESIGN.md, Records).
    fn author(&self, answers: &Answers, path: &str) -> String;

    /// The rules that read the whole record (a PGA read as a Gateway, a PLP case as a case),
    /// beyond the schema's own per-field rules; only those whose path `keep` allows are needed.
    fn rules(
        &self,
        schema: &FormSchema,
        answers: &Answers,
        ctx: &Context,
        keep: &dyn Fn(&str) -> bool,
    ) -> Vec<Issue> {
        let _ = (schema, answers, ctx, keep);
        Vec::new()
    }

    /// The fields of the form's export beyond `export::RECORD_FIELDS`, in order
    /// (docs/decisions/0004-import.md).
    fn extra_fields(&self) -> &'static [ExtraField] {
        &[]
    }

    /// Whether a case has at most one final record of this form (PGA-10, s8: the Gateway
    /// Assessment), so that an import must read the final ones here for their case.
    fn is_one_per_case(&self) -> bool {
        false
    }

    /// The case a final record of this form must be the only final one of (PGA-10, s8: a
    /// Gateway Assessment's case reference, trimmed), or `None` for a form without that rule.
    fn one_per_case(&self, answers: &Answers) -> Option<String> {
        let _ = answers;
        None
    }

    /// What an import says when it refuses a second final record of case `case` (`reference`
    /// is the refused record's; `why` says where the first one is).
    fn one_per_case_refusal(&self, reference: &str, case: &str, why: &str) -> String {
        format!("{reference} is a second final record of case {case}, {why}")
    }

    /// The answer that holds the id of another record this one belongs to (a PLP case's
    /// reassessment holds its case's id): kept in step when an import gives that record a new id.
    fn link_field(&self) -> Option<&'static str> {
        None
    }

    /// Whether a record of this form makes the file it travels in a package (a PLP case's
    /// transfer, TRF-1): an import of a file marked as a package needs one such record.
    fn makes_package(&self) -> bool {
        false
    }

    /// What is wrong with the package `file` made by `record` (a record of this form), or
    /// `None` for a whole one. Only asked of a form that [`FormDef::makes_package`].
    fn package_issue(&self, record: &FileRecord, file: &[FileRecord]) -> Option<String> {
        let _ = (record, file);
        None
    }
}

/// A record of a file, as a package check reads it ([`FormDef::package_issue`]).
pub struct FileRecord<'a> {
    /// Its record id.
    pub id: &'a str,
    /// Its form id.
    pub form: &'a str,
    /// Whether it is final.
    pub finished: bool,
    /// Its answers.
    pub answers: &'a Answers,
}

/// A field of a record's export that only some forms have. Its JSON Schema is not here but in
/// `publish` (only the published schemas need it, so the apps do not download it).
pub enum ExtraField {
    /// A hidden answer of the record carried as a field of its own: as stored, or null.
    Answer {
        /// The export's field name ("dif_framework").
        field: &'static str,
        /// The answer it carries ("dif.framework").
        answer: &'static str,
        /// What the import's message calls it ("DIF framework").
        name: &'static str,
        /// What it must be, as the import's message says it ("the name and version of a DIF
        /// framework").
        what: &'static str,
        /// Whether a text is a valid value.
        valid: fn(&str) -> bool,
        /// The field was added to a form already in use: a file exported before it has no
        /// such field, and its absence reads as null (not linked). Every other field must be
        /// present (decision 0004).
        optional: bool,
    },
    /// A summary worked out from the answers when a record is exported whole; an import checks
    /// only its shape (its keys), and it is worked out again when exported.
    Summary {
        /// The export's field name ("gateway_decision").
        field: &'static str,
        /// What the import's message calls it ("Gateway Decision").
        name: &'static str,
        /// Its keys, exactly.
        keys: &'static [&'static str],
        /// Works it out.
        build: fn(&FormSchema, &Answers, &Context) -> Value,
    },
}

impl ExtraField {
    /// Whether an import may find it absent ([`ExtraField::Answer`]'s `optional`).
    pub fn optional(&self) -> bool {
        matches!(self, ExtraField::Answer { optional: true, .. })
    }

    /// The export's field name.
    pub fn field(&self) -> &'static str {
        match self {
            ExtraField::Answer { field, .. } | ExtraField::Summary { field, .. } => field,
        }
    }
}

/// A schema's form definition: a reference to a [`FormDef`] that a `FormSchema` carries. Not
/// serialised (a schema read from JSON has [`Plain`], nothing of its own); two are equal when
/// their forms' ids are.
#[derive(Clone, Copy)]
pub struct Def(pub &'static dyn FormDef);

impl Default for Def {
    fn default() -> Self {
        Def(&Plain)
    }
}

impl std::ops::Deref for Def {
    type Target = dyn FormDef;
    fn deref(&self) -> &Self::Target {
        self.0
    }
}

impl std::fmt::Debug for Def {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Def({})", self.0.id())
    }
}

impl PartialEq for Def {
    fn eq(&self, other: &Self) -> bool {
        self.0.id() == other.0.id()
    }
}

/// A form with nothing of its own: its answers are recorded against "the person who entered
/// them", unnamed.
pub struct Plain;

impl FormDef for Plain {
    fn id(&self) -> &'static str {
        ""
    }
    fn author(&self, _answers: &Answers, _path: &str) -> String {
        "Not recorded".into()
    }
}

/// The answers that link records to other records, for the forms given: what an import keeps
/// in step when it renames a record (`import::resolve_all`).
pub fn link_fields(forms: &[&FormSchema]) -> Vec<&'static str> {
    // Built by inserting, not sorted: a sort costs about 3.5 kB of WebAssembly (CONTRIBUTING).
    let mut out: Vec<&'static str> = Vec::new();
    for field in forms.iter().filter_map(|s| s.def.link_field()) {
        if !out.contains(&field) {
            out.push(field);
        }
    }
    out
}
