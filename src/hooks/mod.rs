//! Hooks own the side effects: loading and autosaving drafts, the document title, focus.

pub mod use_draft;
pub mod use_title;

pub use use_draft::use_draft;
pub use use_title::use_title;
