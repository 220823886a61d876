//! Hooks own the side effects: loading and autosaving drafts, the document title, focus, and
//! the trainer's shipped scenarios and the deployment settings arriving.

pub mod use_app;
pub mod use_deployment;
pub mod use_draft;
pub mod use_scenarios;
pub mod use_title;

pub use use_app::{use_settings, use_undo};
pub use use_deployment::use_deployment;
pub use use_draft::{use_draft, SaveNow};
pub use use_scenarios::use_shipped;
pub use use_title::use_title;
