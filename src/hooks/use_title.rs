//! The document title: "<page> – Prevent Case Toolkit", with "Error: " in front while the page
//! shows errors (GOV.UK validation pattern). A page that arrives after its change of page (a
//! draft loading) gets focus on its heading here (`services::focus`).

use yew::prelude::*;

/// Sets the document title for this page.
#[hook]
pub fn use_title(page_title: String, has_errors: bool) {
    use_effect_with((page_title, has_errors), |(title, errors)| {
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            let prefix = if *errors { "Error: " } else { "" };
            doc.set_title(&format!("{prefix}{title} – Prevent Case Toolkit"));
        }
        // A page drawn after its page change (a draft that was loading) takes focus now.
        crate::services::focus::settle();
    });
}
