//! The Prevent Gateway Assessment as a form (DESIGN.md, PGA; issue 4): its pages and questions
//! are built from a DIF [`Framework`](crate::dif::Framework), so a force's replacement framework
//! changes the DIF pages without code changes. The answers are read back into a typed
//! [`Gateway`](crate::pga::Gateway) and a DIF [`Record`](crate::dif::Record), and the rules
//! PGA-1 and PGA-3..16 ([`crate::pga`]) and DIF-1 ([`crate::dif`]) run over them;
//! [`crate::validate::validate`] adds their issues to the form's own, against the question each
//! belongs to ([`PgaDef`]). PGA-2, PGA-7's and PGA-15's deadlines come from [`deadlines()`].
//!
//! Field ids are the export's names and are stable: `case.*`, `deconfliction.*`,
//! `checks.<check>.*`, `contact.*`, `visit.*`, `dif.<section>.<factor>.finding|evidence`,
//! `assessment.*`, `prompts.*`, `decision.*`, `supervisor.*`, `declaration.confirm`.
//!
//! One file per job (issue 17), every public item re-exported here:
//! - `schema.rs`: the pages, questions and rules of the form;
//! - `dif_pages.rs`: the DIF pages built from a framework and read back, DIF-1, and the
//!   framework a record is made with (the PLP forms use them too);
//! - `read.rs`: the answers read into a [`Gateway`](crate::pga::Gateway), dates and decisions;
//! - `rules.rs`: the PGA rules against the form's questions, the decision options' availability;
//! - `deadlines.rs`: the case's deadlines (PGA-2, PGA-7, PGA-15);
//! - `from_referral.rs`: a PGA's first answers from a partner's referral (the mapping table),
//!   and its link to the referral kept with the case;
//! - `summary.rs`: the Gateway Decision summary and the factors found, as shown and exported;
//! - here: the ids, and the form's [`FormDef`] ([`PgaDef`]) with its [`author`].

mod deadlines;
mod dif_pages;
mod from_referral;
mod read;
mod rules;
mod schema;
mod summary;

pub use deadlines::{deadlines, met_by_finalising, next_deadline, record_deadlines};
pub(crate) use dif_pages::{dif_issues, dif_page, dif_rules, framework_of};
pub use dif_pages::{
    dif_record, evidence_field, finding_field, is_framework_name, record_framework, unassessed,
    FRAMEWORK_EXPORT, FRAMEWORK_FIELD, NOT_ASSESSED,
};
pub use from_referral::{
    concern_type, from_referral, nationality, referral_of, How, MAPPING, REFERRAL_EXPORT,
    REFERRAL_FIELD,
};
pub use read::{date_of, decision_value, deconflicted, gateway};
pub use rules::{fimu_submission, option_unavailable, rules, rules_where};
pub use schema::schema;
pub use summary::{
    decision_summary, factor_summary, DecisionSummary, GATEWAY_DECISION, GATEWAY_DECISION_FIELDS,
};

use crate::answers::Answers;
use crate::form::{Context, FormSchema};
use crate::form_def::{ExtraField, FormDef};
use crate::validate::Issue;

/// Form id used in drafts and exports.
pub const FORM_ID: &str = "pga";
/// Version of the PGA form's own pages (the DIF pages carry the framework's version too).
pub const VERSION: u32 = 1;
/// Title of the form.
pub const TITLE: &str = "Prevent Gateway Assessment";
/// The page everything else waits for (PGA-1).
pub const DECONFLICTION_PAGE: &str = "deconfliction";
/// The task-list section of the case details and de-confliction.
pub const FIRST_SECTION: &str = "Case and de-confliction";

/// Who an answer is recorded against in the audit trail: the supervisor's own fields by the
/// supervisor's name, everything else by the CTCO's, as entered.
pub fn author(answers: &Answers, path: &str) -> String {
    let field = if path.starts_with("supervisor.") {
        "supervisor.name"
    } else {
        "case.ctco"
    };
    let name = answers.text(field).unwrap_or("").trim();
    match (name.is_empty(), field) {
        (false, _) => name.to_string(),
        (true, "supervisor.name") => "Supervisor (name not entered yet)".into(),
        _ => "CTCO (name not entered yet)".into(),
    }
}

/// The PGA's part of validation, audit, export and import (issue 17, `FormDef`): the rules
/// PGA-1, PGA-3..16 and DIF-1 read over the whole record ([`rules_where`]), the CTCO or the
/// supervisor as author ([`author`]), and the Gateway Decision and DIF framework as fields of
/// the export of their own.
pub struct PgaDef;

impl FormDef for PgaDef {
    fn id(&self) -> &'static str {
        FORM_ID
    }
    fn author(&self, answers: &Answers, path: &str) -> String {
        author(answers, path)
    }
    fn rules(
        &self,
        schema: &FormSchema,
        answers: &Answers,
        ctx: &Context,
        keep: &dyn Fn(&str) -> bool,
    ) -> Vec<Issue> {
        rules_where(schema, answers, ctx, keep)
    }
    fn is_one_per_case(&self) -> bool {
        true
    }
    fn one_per_case(&self, answers: &Answers) -> Option<String> {
        let r = answers.text("case.reference")?.trim();
        (!r.is_empty()).then(|| r.to_string())
    }
    fn one_per_case_refusal(&self, reference: &str, case: &str, why: &str) -> String {
        format!(
            "{reference} is a final Gateway Assessment for case {case}, {why}: only one Prevent Gateway Assessment is ever completed in the lifetime of a case (PGA-10, s8)"
        )
    }
    fn extra_fields(&self) -> &'static [ExtraField] {
        &[GATEWAY_DECISION, FRAMEWORK_EXPORT, REFERRAL_EXPORT]
    }
}
