//! Police-led Partnership as forms (issue 5): the entry (PLP-7: route and rationale; the opening
//! DIF, copied from the PGA when the case comes from a Gateway Decision; the priority band with
//! the suggestion and its triggers, PLP-1..4, PLP-6; the supervisory sign-off, PLP-5), and the
//! case's linked records: each reassessment (PLP-5), panel (PLP-8), submission to the FIMU
//! (INT-1) and the closure (PLP-9, PLP-10). The answers are read into a
//! [`PlpCase`](crate::plp_case::PlpCase) and checked by
//! [`plp_case::validate`](crate::plp_case::validate); the deadlines and the timeline come from
//! [`plp_case`](crate::plp_case).
//!
//! Field ids: `case.*`, `plp.*`, `dif.<section>.<factor>.finding|evidence`, `supervisor.*`,
//! `declaration.confirm`.
//!
//! One file per record (issue 17), each with its schema, its reading and its rules, every
//! public item re-exported here: `entry.rs` (the case's entry, and the case it describes),
//! `banding.rs` (the priority band page and its suggestion, for the entry and each
//! reassessment), `review.rs`, `closure.rs`, `panel.rs`, `submission.rs`; here, the forms' ids,
//! the answers that link them, and their [`FormDef`]s with their own export fields.

mod banding;
mod closure;
mod entry;
mod panel;
mod review;
mod submission;
mod transfer;

pub use banding::{option_unavailable, suggestion, BANDS};
pub use closure::{
    closure_code_unavailable, closure_of, closure_rules, closure_schema, BAND_FIELD, CLOSURE_CODES,
};
pub use entry::{case, deadlines, from_pga, rules, schema, timeline};
pub use panel::{panel_of, panel_rules, panel_schema};
pub use review::{case_with_reviews, review_of, review_rules, review_schema, start_review};
pub use submission::{
    escalation_of, submission_of, submission_schema, submission_summary, RISK_DIRECTIONS,
    SUBMISSION_KINDS,
};
pub use transfer::{
    from_transfer, package_file_name, package_issue, start_transfer, transfer_of, transfer_rules,
    transfer_schema, TRANSFERRED,
};

use crate::answers::Answers;
use crate::form::{Context, FormSchema};
use crate::form_def::{ExtraField, FormDef};
use crate::validate::Issue;

/// Form id used in drafts and exports.
pub const FORM_ID: &str = "plp";
/// Version of the PLP form's own pages.
pub const VERSION: u32 = 1;
/// Title of the form.
pub const TITLE: &str = "Police-led Partnership case";

/// Form id of a reassessment of a PLP case (PLP-5: a new DIF, CMP update and sign-off).
pub const REVIEW_FORM_ID: &str = "plp-review";

/// Form id of the closure of a PLP case (PLP-9, PLP-10; PLP-11 reviews follow).
pub const CLOSURE_FORM_ID: &str = "plp-closure";

/// Form id of a PLP panel meeting (PLP-8).
pub const PANEL_FORM_ID: &str = "plp-panel";

/// Form id of a submission to the FIMU on a PLP case (INT-1).
pub const SUBMISSION_FORM_ID: &str = "plp-fimu";

/// Form id of the transfer of a PLP case to another force (TRF-1, s13).
pub const TRANSFER_FORM_ID: &str = "plp-transfer";

/// The answer that links a reassessment, closure, panel or FIMU submission to its case (the case
/// record's id). Not a question: exported as the record's `case_id`
/// (docs/decisions/0004-import.md).
pub const CASE_FIELD: &str = "plp.case";

/// The forms whose records belong to a PLP case through [`CASE_FIELD`].
pub const LINKED_FORMS: [&str; 5] = [
    REVIEW_FORM_ID,
    CLOSURE_FORM_ID,
    PANEL_FORM_ID,
    SUBMISSION_FORM_ID,
    TRANSFER_FORM_ID,
];

/// The answer a PLP entry started from a Gateway Assessment carries across from it ([`from_pga`]):
/// who or what the case is about. Not a question of the PLP form: exported as the record's
/// `subject_type` (docs/decisions/0004-import.md).
pub const SUBJECT_FIELD: &str = "case.subject";

/// The values [`SUBJECT_FIELD`] can hold: the options of the PGA's question `case.subject`.
pub const SUBJECT_TYPES: [&str; 3] = ["individual", "institution", "expression"];

/// A PLP form's part of validation, audit, export and import (issue 17, `FormDef`): its rules
/// read over the whole case, the CTCO or the supervisor as author (as a PGA's), and its own
/// export fields. The S.36 decision, a record linked to its Gateway Assessment, is one too.
pub struct PlpDef {
    pub(crate) id: &'static str,
    pub(crate) rules: Option<fn(&FormSchema, &Answers, &Context) -> Vec<Issue>>,
    pub(crate) extra: &'static [ExtraField],
    pub(crate) link: Option<&'static str>,
}

impl FormDef for PlpDef {
    fn id(&self) -> &'static str {
        self.id
    }
    fn author(&self, answers: &Answers, path: &str) -> String {
        crate::pga_form::author(answers, path)
    }
    fn rules(
        &self,
        schema: &FormSchema,
        answers: &Answers,
        ctx: &Context,
        _keep: &dyn Fn(&str) -> bool,
    ) -> Vec<Issue> {
        self.rules
            .map_or_else(Vec::new, |r| r(schema, answers, ctx))
    }
    fn extra_fields(&self) -> &'static [ExtraField] {
        self.extra
    }
    fn link_field(&self) -> Option<&'static str> {
        self.link
    }
}

/// The export's `subject_type` (a PLP entry): the hidden answer [`SUBJECT_FIELD`].
pub const SUBJECT_EXPORT: ExtraField = ExtraField::Answer {
    field: "subject_type",
    answer: SUBJECT_FIELD,
    name: "subject type",
    what: "individual, institution or expression",
    valid: |s| SUBJECT_TYPES.contains(&s),
    optional: false,
};

/// The export's `case_id` (a reassessment, closure, panel or FIMU submission): the hidden
/// answer [`CASE_FIELD`].
pub const CASE_EXPORT: ExtraField = ExtraField::Answer {
    field: "case_id",
    answer: CASE_FIELD,
    name: "case id",
    what: "the record id of a PLP case",
    valid: crate::import::is_record_id,
    optional: false,
};

/// The fields of a record linked to a case.
const LINKED_EXPORT: [ExtraField; 2] = [crate::pga_form::FRAMEWORK_EXPORT, CASE_EXPORT];

/// The export's `band_at_closure` (a closure, PLP-12): the hidden answer [`BAND_FIELD`].
pub const BAND_EXPORT: ExtraField = ExtraField::Answer {
    field: "band_at_closure",
    answer: BAND_FIELD,
    name: "band at closure",
    what: "high, standard or monitored",
    valid: |s| BANDS.iter().any(|(v, _)| *v == s),
    optional: false,
};

/// The fields of a closure: a linked record's, and the band it closed from.
const CLOSURE_EXPORT: [ExtraField; 3] =
    [crate::pga_form::FRAMEWORK_EXPORT, CASE_EXPORT, BAND_EXPORT];

/// The PLP entry (PLP-1..3, s11-s12).
pub const PLP_DEF: PlpDef = PlpDef {
    id: FORM_ID,
    rules: Some(rules),
    extra: &[crate::pga_form::FRAMEWORK_EXPORT, SUBJECT_EXPORT],
    link: None,
};
/// The reassessment (PLP-4, PLP-5, s12).
pub const REVIEW_DEF: PlpDef = PlpDef {
    id: REVIEW_FORM_ID,
    rules: Some(review_rules),
    extra: &LINKED_EXPORT,
    link: Some(CASE_FIELD),
};
/// The closure (s13).
pub const CLOSURE_DEF: PlpDef = PlpDef {
    id: CLOSURE_FORM_ID,
    rules: Some(closure_rules),
    extra: &CLOSURE_EXPORT,
    link: Some(CASE_FIELD),
};
/// The panel meeting.
pub const PANEL_DEF: PlpDef = PlpDef {
    id: PANEL_FORM_ID,
    rules: Some(panel_rules),
    extra: &LINKED_EXPORT,
    link: Some(CASE_FIELD),
};
/// The submission to the FIMU (INT-1).
pub const SUBMISSION_DEF: PlpDef = PlpDef {
    id: SUBMISSION_FORM_ID,
    rules: None,
    extra: &LINKED_EXPORT,
    link: Some(CASE_FIELD),
};

/// The transfer to another force (TRF-1, s13): a linked record that makes its file a package.
pub struct TransferDef;

/// The transfer's [`FormDef`].
pub const TRANSFER_DEF: TransferDef = TransferDef;

impl FormDef for TransferDef {
    fn id(&self) -> &'static str {
        TRANSFER_FORM_ID
    }
    fn author(&self, answers: &Answers, path: &str) -> String {
        crate::pga_form::author(answers, path)
    }
    fn rules(
        &self,
        schema: &FormSchema,
        answers: &Answers,
        ctx: &Context,
        _keep: &dyn Fn(&str) -> bool,
    ) -> Vec<Issue> {
        transfer_rules(schema, answers, ctx)
    }
    fn extra_fields(&self) -> &'static [ExtraField] {
        &LINKED_EXPORT
    }
    fn link_field(&self) -> Option<&'static str> {
        Some(CASE_FIELD)
    }
    fn makes_package(&self) -> bool {
        true
    }
    fn package_issue(
        &self,
        record: &crate::form::FileRecord,
        file: &[crate::form::FileRecord],
    ) -> Option<String> {
        package_issue(record, file)
    }
}
