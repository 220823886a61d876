//! Stored records read whole (issue 17: for pages and services alike, so that no service
//! reaches into a page): one by its id, and those linked to a PLP case.

use prevent_core::{plp_form, Draft};

/// A stored draft, when it can be read.
pub fn load(id: &str) -> Option<prevent_core::Draft> {
    super::store()
        .load_now(id)
        .ok()
        .flatten()
        .and_then(|e| e.open().ok())
}

/// Every reassessment draft of PLP case `case_id`, recorded or in progress.
pub fn reviews_of(case_id: &str) -> Vec<Draft> {
    linked(case_id, plp_form::REVIEW_FORM_ID)
}

/// Every draft of form `kind` linked to PLP case `case_id` (reassessments, closures).
pub fn linked(case_id: &str, kind: &str) -> Vec<Draft> {
    let store = super::store();
    let Ok(listing) = store.list_now() else {
        return Vec::new();
    };
    listing
        .drafts
        .iter()
        .filter(|d| d.kind == kind)
        .filter_map(|d| load(&d.id))
        .filter(|d| d.answers.text(plp_form::CASE_FIELD) == Some(case_id))
        .collect()
}
