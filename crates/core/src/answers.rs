//! Answers to a form: a map from question id (a dotted field path such as `subject.dob`) to
//! the raw value the user entered. Raw values are kept exactly as typed, so that a failed
//! validation never loses what the user wrote (GOV.UK validation pattern).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One answer, as entered. Stored untagged: a string, an array of strings or an object with
/// `day`, `month` and `year` (read by [`AnswerVisitor`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Answer {
    /// Text, a chosen radio or select option, or a number as typed.
    Text(String),
    /// The chosen checkbox options, in option order.
    Choices(Vec<String>),
    /// A date as three raw parts.
    Date(DateParts),
}

/// Reads an [`Answer`] as `#[serde(untagged)]` did (a string is text, an array of strings the
/// choices, an object the date parts; anything else is refused), but from the JSON directly:
/// the derived untagged reader buffers every value first (serde's `Content`), and that
/// machinery cost 2.0 kB gz in the partners' wasm (docs/size.md, "What costs bytes").
struct AnswerVisitor;

impl<'de> serde::de::Visitor<'de> for AnswerVisitor {
    type Value = Answer;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a text, a list of texts or a date")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Answer, E> {
        Ok(Answer::Text(v.to_owned()))
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Answer, E> {
        Ok(Answer::Text(v))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Answer, A::Error> {
        let mut out = Vec::new();
        while let Some(s) = seq.next_element::<String>()? {
            out.push(s);
        }
        Ok(Answer::Choices(out))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Answer, A::Error> {
        DateParts::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(Answer::Date)
    }
}

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Answer, D::Error> {
        d.deserialize_any(AnswerVisitor)
    }
}

/// A date as the user typed it into the day, month and year boxes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateParts {
    /// Day box, as typed.
    pub day: String,
    /// Month box, as typed.
    pub month: String,
    /// Year box, as typed.
    pub year: String,
}

impl DateParts {
    /// Builds date parts from three strings.
    pub fn new(day: &str, month: &str, year: &str) -> Self {
        DateParts {
            day: day.into(),
            month: month.into(),
            year: year.into(),
        }
    }

    /// True when all three boxes are blank.
    pub fn is_blank(&self) -> bool {
        self.day.trim().is_empty() && self.month.trim().is_empty() && self.year.trim().is_empty()
    }
}

impl Answer {
    /// True when the answer carries nothing (blank text, no choices, blank date).
    pub fn is_blank(&self) -> bool {
        match self {
            Answer::Text(t) => t.trim().is_empty(),
            Answer::Choices(c) => c.is_empty(),
            Answer::Date(d) => d.is_blank(),
        }
    }

    /// The text of a text answer, or `None`.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Answer::Text(t) => Some(t),
            _ => None,
        }
    }
}

/// All answers of one form, keyed by question id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(pub BTreeMap<String, Answer>);

impl Answers {
    /// The answer to `id`, if any (blank answers included).
    pub fn get(&self, id: &str) -> Option<&Answer> {
        self.0.get(id)
    }

    /// The answer to `id` when it is not blank.
    pub fn filled(&self, id: &str) -> Option<&Answer> {
        self.0.get(id).filter(|a| !a.is_blank())
    }

    /// The trimmed text of `id` when it is a non-blank text answer.
    pub fn text(&self, id: &str) -> Option<&str> {
        self.filled(id).and_then(Answer::as_text).map(str::trim)
    }

    /// Sets the answer to `id`; a blank value removes it (a cleared field is unanswered, and a
    /// record then leaves and comes back through the JSON export exactly: issue 6).
    pub fn set(&mut self, id: &str, value: Answer) {
        if value.is_blank() {
            self.0.remove(id);
        } else {
            self.0.insert(id.to_string(), value);
        }
    }

    /// Builder form of [`Answers::set`] for text, handy in tests.
    pub fn with(mut self, id: &str, text: &str) -> Self {
        self.set(id, Answer::Text(text.into()));
        self
    }

    /// Builder form of [`Answers::set`] for dates.
    pub fn with_date(mut self, id: &str, day: &str, month: &str, year: &str) -> Self {
        self.set(id, Answer::Date(DateParts::new(day, month, year)));
        self
    }

    /// Builder form of [`Answers::set`] for checkboxes.
    pub fn with_choices(mut self, id: &str, choices: &[&str]) -> Self {
        self.set(
            id,
            Answer::Choices(choices.iter().map(|c| c.to_string()).collect()),
        );
        self
    }

    /// True when at least one answer is not blank.
    pub fn any_filled(&self) -> bool {
        self.0.values().any(|a| !a.is_blank())
    }
}
