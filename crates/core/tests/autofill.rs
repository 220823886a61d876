//! SEC-1 (issue 16; DESIGN.md, "Security model"): "Record fields carry `autocomplete="off"`
//! (and nothing typed reaches the browser's autofill or session-restore files)". Every text
//! question of every form asks for "off" (or nothing, which the UI's text input renders as
//! "off"): a referrer's own name and email are record content too, and Chromium kept them in its
//! autofill database (`Web Data`) while they carried `name`, `email` and so on. The UI side (the
//! components render the attribute on every input, textarea and select) is tested in
//! `tests/components.rs`; the browser's own files in `e2e/profile.test.js`.

use prevent_core::dif::default_framework;
use prevent_core::form::FormSchema;
use prevent_core::{nrf, pga_form, plp_form, QuestionKind};

fn every_form() -> Vec<FormSchema> {
    let dif = default_framework();
    vec![
        nrf::schema(),
        pga_form::schema(&dif),
        plp_form::schema(&dif),
        plp_form::review_schema(&dif),
        plp_form::closure_schema(),
        plp_form::panel_schema(),
        plp_form::submission_schema(),
        prevent_core::s36_form::schema(),
        prevent_core::closed_case::closure_schema(),
        prevent_core::closed_case::review_schema(&dif),
        plp_form::transfer_schema(&dif),
    ]
}

#[test]
fn sec_1_no_record_field_asks_the_browser_to_autofill_it() {
    let mut texts = 0;
    for schema in every_form() {
        for page in &schema.pages {
            for q in &page.questions {
                if let QuestionKind::Text { autocomplete, .. } = &q.kind {
                    texts += 1;
                    assert!(
                        matches!(autocomplete.as_deref(), None | Some("off")),
                        "{} {}: autocomplete={autocomplete:?}; a record field must be \"off\"",
                        schema.id,
                        q.id
                    );
                }
            }
        }
    }
    assert!(texts > 20, "only {texts} text questions found");
}
