//! Where focus goes when the page changes (issue 21, item 1; docs/decisions/0024): the new page
//! is scrolled to the top and focus moves to the first of
//!
//! 1. the field a change link names (`?field=` in the URL, or the first box of a date),
//! 2. the error summary, when the page arrives showing errors,
//! 3. a success notification banner (GOV.UK: it takes focus when it appears),
//! 4. the page's `<h1>` (given `tabindex="-1"`),
//!
//! so a screen reader announces the new page and the next Tab reaches its first control.
//!
//! The target is chosen from what the page shows, never from where focus happens to be: Yew
//! reuses the elements two pages have in common (the Continue button of one question page
//! becomes the next one's), so focus "already inside the page" says nothing about the new page.
//! When a page is left (the router calls [`leaving`]) focus inside it is dropped, so a reused
//! element does not keep it. Only a move of focus made since then (the user, or the new page
//! itself, already chose where to be before the shell's effect ran: under load Yew runs effects
//! after yielding to the browser) is left alone; focus still on the element focused when the
//! page was left (a header link) or on `<body>` is moved.
//! The shell calls [`page_changed`] on every change of page (and when the vault gate opens or
//! closes); a page whose heading arrives later (a draft still loading) gets focus when it sets
//! its title ([`settle`], called by `use_title`).

use std::cell::{Cell, RefCell};
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement};

thread_local! {
    /// A page change whose target was not on the page yet.
    static PENDING: Cell<bool> = const { Cell::new(false) };
    /// What had focus when the last page was left.
    static FROM: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
}

/// The page is being left (a push, Back or Forward). Focus inside the page is dropped at once
/// (the root of issue 21's item 1: Yew would reuse the focused Continue button for the next
/// page, and focus would stay on it); focus outside it (a header link) is remembered.
pub fn leaving() {
    let doc = document();
    let mut active = doc.as_ref().and_then(|d| d.active_element());
    let main = doc
        .as_ref()
        .and_then(|d| d.get_element_by_id("main-content"));
    if let (Some(a), Some(m)) = (&active, &main) {
        if m.contains(Some(a)) {
            if let Some(el) = a.dyn_ref::<HtmlElement>() {
                let _ = el.blur();
            }
            active = None;
        }
    }
    FROM.with(|f| *f.borrow_mut() = active);
}

/// Focus moved, since the page was left, to something other than `<body>`.
fn moved_since_leaving(doc: &Document) -> bool {
    let Some(active) = doc.active_element() else {
        return false;
    };
    if doc.body().is_some_and(|b| *b == active) {
        return false;
    }
    FROM.with(|f| f.borrow().as_ref() != Some(&active))
}

/// The page changed: scroll to the top and move focus to the new page's target, now if the page
/// shows it, else when the page sets its title.
pub fn page_changed() {
    if document().is_some_and(|d| moved_since_leaving(&d)) {
        PENDING.with(|p| p.set(false));
        return;
    }
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
    PENDING.with(|p| p.set(true));
    if let Some(target) = document().and_then(|d| target(&d)) {
        PENDING.with(|p| p.set(false));
        let _ = target.focus();
    }
}

/// The page is drawn with its title (`use_title`): if a page change still waits for its target,
/// focus it now. Either way the wait ends here, so that a later title change (errors shown or
/// fixed) never moves focus.
pub fn settle() {
    if PENDING.with(|p| p.replace(false)) {
        if document().is_some_and(|d| moved_since_leaving(&d)) {
            return;
        }
        if let Some(target) = document().and_then(|d| target(&d)) {
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
            let _ = target.focus();
        }
    }
}

fn document() -> Option<Document> {
    web_sys::window().and_then(|w| w.document())
}

/// The element the new page's user should start from (see the module's list).
fn target(doc: &Document) -> Option<HtmlElement> {
    let html = |e: web_sys::Element| e.dyn_into::<HtmlElement>().ok();
    let query = |sel: &str| doc.query_selector(sel).ok().flatten().and_then(html);
    let field = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|q| {
            q.trim_start_matches('?').split('&').find_map(|kv| {
                kv.split_once('=')
                    .filter(|(k, _)| *k == "field")
                    .map(|(_, v)| crate::route::dom_id(v))
            })
        })
        .and_then(|id| {
            doc.get_element_by_id(&id)
                .or_else(|| doc.get_element_by_id(&format!("{id}-day")))
        })
        .and_then(html);
    if field.is_some() {
        return field;
    }
    if let Some(summary) = query("#main-content .govuk-error-summary") {
        return Some(summary);
    }
    if let Some(banner) = query("#main-content .govuk-notification-banner--success") {
        return Some(banner);
    }
    let h1 = query("#main-content h1")?;
    if !h1.has_attribute("tabindex") {
        let _ = h1.set_attribute("tabindex", "-1");
    }
    Some(h1)
}
