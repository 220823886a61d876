//! Pure core of the Prevent Case Toolkit.
//!
//! Architecture invariant: this crate does no IO and never reads the clock. `today` is always
//! passed in; storage is reached only through the [`store::KvBackend`] trait that callers
//! implement. Every policy rule the app enforces lives here, cites its section of the
//! CTP-Prevent Policy 2020 ("s7") and carries its rule id ("REF-2").

pub mod answers;
pub mod calendar;
pub mod catalogue;
pub mod csv_export;
pub mod date;
pub mod deadline;
pub mod dif;
pub mod draft;
pub mod export;
pub mod flow;
pub mod form;
pub mod ics;
pub mod import;
pub mod manifest;
pub mod nrf;
pub mod order;
pub mod pga;
#[cfg(feature = "pga")]
pub mod pga_form;
pub mod plp;
pub mod plp_case;
#[cfg(feature = "pga")]
pub mod plp_form;
pub mod records;
#[cfg(feature = "pga")]
pub mod scenario;
pub mod sealed;
pub mod store;
pub mod tombstone;
pub mod validate;
pub mod vault;

pub use answers::{Answer, Answers};
pub use catalogue::RuleId;
pub use draft::{AuditEntry, Draft, DraftStatus};
pub use form::{Condition, FormSchema, Page, PageKind, Question, QuestionKind};
pub use validate::{Issue, Report, Severity};

/// The protective marking every screen, print and export carries (DESIGN.md, Principles). The
/// trainer's bundle (feature `training`) marks everything [`TRAINING_MARKING`] instead, so a
/// training record can never be imported into the real app, nor a real one into training.
#[cfg(not(feature = "training"))]
pub const PROTECTIVE_MARKING: &str = "OFFICIAL-SENSITIVE";
/// The protective marking every screen, print and export carries: in the trainer's bundle,
/// training material (issue 7).
#[cfg(feature = "training")]
pub const PROTECTIVE_MARKING: &str = TRAINING_MARKING;

/// The marking of training material: fictional, never a real case (issue 7, simulator).
pub const TRAINING_MARKING: &str = "TRAINING — FICTIONAL";
