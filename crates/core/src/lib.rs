//! Pure core of the Prevent Case Toolkit.
//!
//! Architecture invariant: this crate does no IO and never reads the clock. `today` is always
//! passed in; storage is reached only through the [`store::KvBackend`] trait that callers
//! implement. Every policy rule the app enforces lives here, cites its section of the
//! CTP-Prevent Policy 2020 ("s7") and carries its rule id ("REF-2").

pub mod answers;
pub mod calendar;
pub mod catalogue;
pub mod closed_case;
pub mod csv_export;
pub mod date;
pub mod deadline;
pub mod deployment;
pub mod dif;
pub mod draft;
pub mod export;
pub mod flow;
pub mod form;
pub(crate) mod form_builder;
pub mod form_def;
pub mod ics;
pub mod idle;
pub mod import;
pub mod manifest;
pub mod nrf;
pub mod order;
pub mod people;
pub mod pga;
pub mod pga_form;
pub mod plp;
pub mod plp_case;
pub mod plp_form;
pub mod protected;
pub mod publish;
pub mod records;
pub mod report;
pub mod s36_form;
pub mod scenario;
pub mod sealed;
pub mod store;
pub mod supervision;
pub mod tombstone;
pub mod validate;
pub mod vault;

pub use answers::{Answer, Answers};
pub use catalogue::RuleId;
pub use draft::{AuditEntry, Draft, DraftStatus};
pub use form::{Condition, FormSchema, Page, PageKind, Question, QuestionKind};
pub use validate::{Issue, Report, Severity};

/// The protective marking every screen, print and export of a real case carries (DESIGN.md,
/// Principles). The trainer's app marks everything [`TRAINING_MARKING`] instead (its
/// [`form::Context::marking`]), so a training record can never be imported into the real app,
/// nor a real one into training.
pub const PROTECTIVE_MARKING: &str = "OFFICIAL-SENSITIVE";

/// The marking of training material: fictional, never a real case (issue 7, simulator).
pub const TRAINING_MARKING: &str = "TRAINING — FICTIONAL";
