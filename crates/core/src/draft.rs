//! A draft record of a form: answers plus where the user has got to. Mutations are pure
//! methods, so the UI reducer only delegates here.

use crate::answers::{Answer, Answers};
use crate::form::{Context, FormSchema};
use crate::validate::{validate, Report};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Where a record is in its lifecycle (DESIGN.md, Records).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DraftStatus {
    /// Being filled in.
    InProgress,
    /// Finished: valid, declared, reference given; read-only from then on.
    Finished,
}

impl DraftStatus {
    /// What the drafts list shows.
    pub fn label(self) -> &'static str {
        match self {
            DraftStatus::InProgress => "In progress",
            DraftStatus::Finished => "Finished",
        }
    }
}

/// The facts recorded when a referral is finished.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finished {
    /// The reference shown on the confirmation page and in the export.
    pub reference: String,
    /// The date it was finished (the user's today).
    #[serde(with = "crate::date::iso")]
    pub on: NaiveDate,
    /// When, as an RFC 3339 timestamp given by the caller.
    pub at: String,
}

/// A draft of one form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// Random id (a UUID made by the caller).
    pub id: String,
    /// Form id ("nrf").
    pub form: String,
    /// Schema version the answers were written against.
    pub form_version: u32,
    /// When it was started (RFC 3339, given by the caller).
    pub created_at: String,
    /// The answers as typed.
    pub answers: Answers,
    /// Pages the user has passed with Continue and no errors.
    pub completed_pages: BTreeSet<String>,
    /// Lifecycle status.
    pub status: DraftStatus,
    /// Set once finished.
    pub finished: Option<Finished>,
    /// Who entered what and when, oldest first (DESIGN.md, Records). Consecutive changes to one
    /// field by the same person are one entry, with the latest time and value.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audit: Vec<AuditEntry>,
    /// Set on a record imported as a marked copy of a final one it may not stand for (issue 16,
    /// `crate::import`: an altered copy of a deleted final record, or another version of a
    /// final Gateway Assessment, PGA-10): the sentence that says which record it copies (its
    /// reference and id) and why it is only a copy. Shown on its pages and carried by its
    /// export; absent from every other record (and from older stores).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_of: Option<String>,
}

/// One entry of a record's audit trail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// When (RFC 3339, given by the caller).
    pub at: String,
    /// The field changed, or "status" when the record was finished.
    pub field: String,
    /// Who, as entered in the record (see [`Draft::author`]).
    pub by: String,
    /// The new value as text.
    pub value: String,
}

impl Draft {
    /// A new, empty draft of `schema`.
    pub fn new(schema: &FormSchema, id: &str, created_at: &str) -> Draft {
        Draft {
            id: id.into(),
            form: schema.id.clone(),
            form_version: schema.version,
            created_at: created_at.into(),
            answers: Answers::default(),
            completed_pages: BTreeSet::new(),
            status: DraftStatus::InProgress,
            finished: None,
            audit: Vec::new(),
            copy_of: None,
        }
    }

    /// Sets one answer and records it in the audit trail, at `at`. Returns false (and changes
    /// nothing) when the draft is locked or the value is unchanged.
    pub fn set_answer_at(
        &mut self,
        schema: &FormSchema,
        path: &str,
        value: Answer,
        at: &str,
    ) -> bool {
        let text = match &value {
            Answer::Text(t) => t.clone(),
            Answer::Choices(cs) => cs.join(", "),
            Answer::Date(p) => format!("{}/{}/{}", p.day, p.month, p.year),
        };
        // Typing one's own name changes the author as it goes: it is still one entry.
        let before = schema.def.author(&self.answers, path);
        if !self.set_answer(path, value) {
            return false;
        }
        let by = schema.def.author(&self.answers, path);
        match self.audit.last_mut() {
            Some(last) if last.field == path && (last.by == by || last.by == before) => {
                last.at = at.into();
                last.value = text;
                last.by = by;
            }
            _ => self.audit.push(AuditEntry {
                at: at.into(),
                field: path.into(),
                by,
                value: text,
            }),
        }
        true
    }

    /// True once finished: a finished record is read-only.
    pub fn is_locked(&self) -> bool {
        self.status == DraftStatus::Finished
    }

    /// Sets one answer. Returns false (and changes nothing) when the draft is locked or the
    /// value is unchanged.
    pub fn set_answer(&mut self, path: &str, value: Answer) -> bool {
        if self.is_locked() || self.answers.get(path) == Some(&value) {
            return false;
        }
        self.answers.set(path, value);
        true
    }

    /// Records that the user passed `page` with Continue. Returns the page's report; the page
    /// is marked complete only when the report has no errors.
    pub fn continue_from(&mut self, schema: &FormSchema, page: &str, ctx: &Context) -> Report {
        let report = validate(schema, &self.answers, ctx).for_page(schema, page);
        if !report.has_errors() && !self.is_locked() {
            self.completed_pages.insert(page.to_string());
        }
        report
    }

    /// Finishes the referral when the whole form is valid: status, reference and date are
    /// set. On errors nothing changes and the full report is returned.
    pub fn finish(&mut self, schema: &FormSchema, ctx: &Context, at: &str) -> Result<(), Report> {
        if self.is_locked() {
            return Ok(());
        }
        let report = validate(schema, &self.answers, ctx);
        if report.has_errors() {
            return Err(report);
        }
        self.completed_pages.extend(
            schema
                .pages
                .iter()
                .filter(|p| schema.page_visible(p, &self.answers, ctx))
                .map(|p| p.id.clone()),
        );
        self.status = DraftStatus::Finished;
        self.audit.push(AuditEntry {
            at: at.into(),
            field: "status".into(),
            by: schema.def.author(&self.answers, "status"),
            value: "Finished".into(),
        });
        self.finished = Some(Finished {
            reference: reference(&schema.id, &self.id, ctx.today),
            on: ctx.today,
            at: at.into(),
        });
        Ok(())
    }

    /// A minimal label for lists: the kind of subject and initials only, so that a glance at
    /// the drafts page shows as little personal data as possible. A marked copy says so.
    pub fn label(&self) -> String {
        match &self.copy_of {
            Some(_) => format!("{} (marked copy)", self.plain_label()),
            None => self.plain_label(),
        }
    }

    fn plain_label(&self) -> String {
        let a = &self.answers;
        if self.form == "pga" || self.form.starts_with("plp") {
            // A case reference identifies the case, not the person.
            return match a.text("case.reference").map(str::trim) {
                Some(r) if !r.is_empty() => format!("Case {r}"),
                _ => "Case reference not entered yet".into(),
            };
        }
        match a.text("subject.type") {
            Some("individual") => {
                let initials: String = [a.text("subject.forename"), a.text("subject.surname")]
                    .iter()
                    .flatten()
                    .filter_map(|n| n.chars().next())
                    .flat_map(char::to_uppercase)
                    .map(|c| format!("{c}."))
                    .collect::<Vec<_>>()
                    .join(" ");
                if initials.is_empty() {
                    "A person".into()
                } else {
                    format!("A person, {initials}")
                }
            }
            Some("institution") => "An institution".into(),
            Some("expression") => "An ideological expression".into(),
            _ => "Subject not chosen yet".into(),
        }
    }
}

/// A reference for a finished record: form, date and the first 8 characters of its id, for
/// example `NRF-20261128-3F2A9C1B`. Unique enough to match an email to a record; carries no
/// personal data.
pub fn reference(form: &str, id: &str, on: NaiveDate) -> String {
    let short: String = id
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(8)
        .collect::<String>()
        .to_ascii_uppercase();
    use chrono::Datelike;
    format!(
        "{}-{:04}{:02}{:02}-{}",
        form.to_ascii_uppercase(),
        on.year(),
        on.month(),
        on.day(),
        short
    )
}
