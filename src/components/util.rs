//! Small helpers shared by the components: `aria-describedby` lists, reading a form control's
//! value from an event, and telling a plain click from a "open in new tab" click.

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement, MouseEvent};
use yew::prelude::*;

/// Joins the ids that are present into an `aria-describedby` value, or `None` when none are.
pub(crate) fn describedby<I>(ids: I) -> Option<AttrValue>
where
    I: IntoIterator<Item = Option<String>>,
{
    let joined = ids.into_iter().flatten().collect::<Vec<_>>().join(" ");
    (!joined.is_empty()).then(|| AttrValue::from(joined))
}

/// The id of a field's hint, when it has one: `<id>-hint`.
pub(crate) fn hint_id(id: &str, hint: &Option<AttrValue>) -> Option<String> {
    hint.as_ref().map(|_| format!("{id}-hint"))
}

/// The id of a field's error message, when it has one: `<id>-error`.
pub(crate) fn error_id(id: &str, error: &Option<AttrValue>) -> Option<String> {
    error.as_ref().map(|_| format!("{id}-error"))
}

/// The current value of the `<input>`, `<textarea>` or `<select>` an event came from.
pub(crate) fn event_value(event: &Event) -> String {
    let Some(target) = event.target() else {
        return String::new();
    };
    if let Some(input) = target.dyn_ref::<HtmlInputElement>() {
        input.value()
    } else if let Some(area) = target.dyn_ref::<HtmlTextAreaElement>() {
        area.value()
    } else if let Some(select) = target.dyn_ref::<HtmlSelectElement>() {
        select.value()
    } else {
        String::new()
    }
}

/// Whether the checkbox or radio an event came from is now checked.
pub(crate) fn event_checked(event: &Event) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        .is_some_and(|input| input.checked())
}

/// A plain primary-button click, without a modifier key: the app may handle it itself.
/// Any other click (new tab, new window, download) is left to the browser.
pub(crate) fn is_plain_click(event: &MouseEvent) -> bool {
    event.button() == 0
        && !event.ctrl_key()
        && !event.meta_key()
        && !event.shift_key()
        && !event.alt_key()
}

/// An `onclick` handler for a link that the app navigates itself: a plain click is
/// prevented and passed to `navigate`; other clicks go to the browser. `None` when there is no
/// navigation callback, so the link behaves as an ordinary link.
pub(crate) fn navigate_on_click(
    navigate: &Option<Callback<MouseEvent>>,
) -> Option<Callback<MouseEvent>> {
    navigate.clone().map(|navigate| {
        Callback::from(move |event: MouseEvent| {
            if is_plain_click(&event) {
                event.prevent_default();
                navigate.emit(event);
            }
        })
    })
}

/// An `onclick` handler for a link to `href` that the app navigates itself: a plain click is
/// prevented and `navigate` is given `href`; other clicks go to the browser. `None` when there
/// is no navigation callback (the header's, the footer's and the task list's links).
pub(crate) fn navigate_to_href(
    navigate: &Option<Callback<AttrValue>>,
    href: &AttrValue,
) -> Option<Callback<MouseEvent>> {
    navigate.clone().map(|navigate| {
        let href = href.clone();
        Callback::from(move |e: MouseEvent| {
            if is_plain_click(&e) {
                e.prevent_default();
                navigate.emit(href.clone());
            }
        })
    })
}
