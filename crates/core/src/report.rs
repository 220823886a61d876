//! What validation finds (issue 17: below both `form` and `validate`, so that a form's
//! `FormDef` can return issues without a module circle): an [`Issue`] with its severity, rule
//! and message, and the [`Report`] of them in page order.

use crate::catalogue::RuleId;
use serde::{Deserialize, Serialize};

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

/// One problem (or warning, or help) found in the answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Issue {
    /// The question the issue belongs to ("subject.dob").
    pub path: String,
    /// Which box of a date input to link to ("day", "month", "year"), if a date.
    pub part: Option<String>,
    /// For a date: which of its boxes to mark (day, month, year).
    pub parts: [bool; 3],
    /// Error, warning or info.
    pub severity: Severity,
    /// The rule of the catalogue (serialised as its id, "REF-2").
    pub rule_id: RuleId,
    /// Plain-language message, as shown.
    pub message: String,
    /// The policy section cited: the rule's (`RuleId::section`), or the part of it the issue is
    /// about ([`Issue::citing`]).
    pub section: String,
}

impl Issue {
    /// An issue about a whole field (not one box of a date), citing its rule's section.
    pub fn new(
        path: &str,
        severity: Severity,
        rule_id: RuleId,
        message: impl Into<String>,
    ) -> Issue {
        Issue {
            path: path.into(),
            part: None,
            parts: [false; 3],
            severity,
            rule_id,
            message: message.into(),
            section: rule_id.section().into(),
        }
    }

    /// The same issue citing only the part of its rule's sections it is about (PGA-7's "Only a
    /// person can be referred to Channel" cites s10 of "s8, s10").
    pub fn citing(mut self, section: &str) -> Issue {
        debug_assert!(
            self.rule_id.cites(section),
            "{} does not cite {section}",
            self.rule_id
        );
        self.section = section.into();
        self
    }

    /// The message with its rule and section, as an officer reads it (issue 18: every message
    /// carries its rule and section): "… (PLP-5, s12)". A message that already names its rule
    /// is as written, as is a form mechanic with no section (FORM-1); one that ends by citing its section alone ("… (s6)") gets the rule put
    /// into that citation rather than a second one.
    pub fn cited(&self) -> String {
        let id = self.rule_id.id();
        // A form mechanic with no section of its own (FORM-1, a text's length) is as written.
        if self.message.contains(id) || self.section.is_empty() {
            return self.message.clone();
        }
        let message = self.message.trim_end().trim_end_matches('.');
        let section_only = format!("({})", self.section);
        match message.strip_suffix(&section_only) {
            Some(before) => format!("{before}({id}, {})", self.section),
            None => format!("{message} ({id}, {})", self.section),
        }
    }
}

/// All issues for a set of answers, in page order then question order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The issues.
    pub issues: Vec<Issue>,
}

impl Report {
    /// Errors only.
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.severity == Severity::Error)
    }

    /// True when there is at least one error.
    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }

    /// The first error for a field, if any.
    pub fn error_for(&self, path: &str) -> Option<&Issue> {
        self.errors().find(|i| i.path == path)
    }

    /// The rules present, in order, without repeats.
    pub fn rule_ids(&self) -> Vec<RuleId> {
        let mut ids: Vec<RuleId> = Vec::new();
        for i in &self.issues {
            if !ids.contains(&i.rule_id) {
                ids.push(i.rule_id);
            }
        }
        ids
    }
}
