//! GOV.UK skip link: the first focusable element, letting keyboard users jump past the header
//! to the main content. A click focuses the target itself (giving it `tabindex="-1"` if it needs
//! one) instead of changing the URL fragment, which a router may own.
//!
//! A plain function rather than a `#[component]` (no state; see docs/size.md, "What costs
//! bytes").

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Properties of a skip link ([`view`]).
#[derive(PartialEq, Clone)]
pub struct SkipLinkProps {
    /// The target, `#` and the id of `<main>` (default `#main-content`).
    pub href: AttrValue,
    /// The link text (default "Skip to main content").
    pub text: AttrValue,
}

impl Default for SkipLinkProps {
    fn default() -> Self {
        Self {
            href: AttrValue::Static("#main-content"),
            text: AttrValue::Static("Skip to main content"),
        }
    }
}

/// An `a.govuk-skip-link`, visible only when focused.
pub fn view(props: SkipLinkProps) -> Html {
    let onclick = {
        let id = props.href.trim_start_matches('#').to_string();
        Callback::from(move |e: MouseEvent| {
            let target = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&id))
                .and_then(|el| el.dyn_into::<HtmlElement>().ok());
            if let Some(target) = target {
                e.prevent_default();
                if !target.has_attribute("tabindex") {
                    let _ = target.set_attribute("tabindex", "-1");
                }
                target.scroll_into_view();
                let _ = target.focus();
            }
        })
    };
    html! {
        <a href={props.href} class="govuk-skip-link" {onclick}>{ props.text }</a>
    }
}
