//! GOV.UK error summary: at the top of the page after a submit with errors, listing each error
//! as a link to its field. It takes focus when it appears, so a screen reader announces it; a
//! click on a link scrolls the field's label (or the legend of its fieldset) into view and then
//! focuses the field, as govuk-frontend's `error-summary.mjs` does.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, FocusOptions, HtmlElement, HtmlInputElement};
use yew::prelude::*;

/// One error in an [`ErrorSummary`].
#[derive(PartialEq, Clone, Debug)]
pub struct ErrorSummaryItem {
    /// The error message, the same text as the field's error message.
    pub text: AttrValue,
    /// The id of the input to focus: a text input's id, the first radio or checkbox, or the
    /// first date part in error.
    pub target_id: AttrValue,
}

impl ErrorSummaryItem {
    /// An error with its message and the id of its input.
    pub fn new(text: impl Into<AttrValue>, target_id: impl Into<AttrValue>) -> Self {
        Self {
            text: text.into(),
            target_id: target_id.into(),
        }
    }
}

/// Properties of [`ErrorSummary`].
#[derive(Properties, PartialEq, Clone)]
pub struct ErrorSummaryProps {
    /// The heading (default "There is a problem").
    #[prop_or(AttrValue::Static("There is a problem"))]
    pub title: AttrValue,
    /// The errors, in page order. With none, nothing is rendered.
    #[prop_or_default]
    pub items: Vec<ErrorSummaryItem>,
    /// Change this (for example count submit attempts) to move focus to the summary again
    /// although it was already shown.
    #[prop_or_default]
    pub focus_trigger: u32,
}

/// The element to scroll into view for `input`: the legend of its fieldset for a radio or
/// checkbox, or for another input that would then sit in the top half of the window; otherwise
/// its `label[for]`, or the label that wraps it.
fn legend_or_label(document: &Document, input: &Element) -> Option<Element> {
    if let Some(fieldset) = input.closest("fieldset").ok().flatten() {
        if let Some(legend) = fieldset.get_elements_by_tag_name("legend").item(0) {
            let is_choice = input
                .dyn_ref::<HtmlInputElement>()
                .is_some_and(|i| matches!(i.type_().as_str(), "checkbox" | "radio"));
            if is_choice {
                return Some(legend);
            }
            let legend_top = legend.get_bounding_client_rect().top();
            let rect = input.get_bounding_client_rect();
            let window_height = web_sys::window()
                .and_then(|w| w.inner_height().ok())
                .and_then(|h| h.as_f64())
                .unwrap_or(0.0);
            if rect.height() > 0.0 && window_height > 0.0 {
                let input_bottom = rect.top() + rect.height();
                if input_bottom - legend_top < window_height / 2.0 {
                    return Some(legend);
                }
            }
        }
    }
    let id = input.id();
    document
        .query_selector(&format!("label[for='{id}']"))
        .ok()
        .flatten()
        .or_else(|| input.closest("label").ok().flatten())
}

/// Scrolls the label or legend of the element with id `target_id` into view and focuses the
/// element without scrolling again. False when there is no such element or no label, so the
/// link is left to the browser.
fn focus_target(target_id: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Some(input) = document.get_element_by_id(target_id) else {
        return false;
    };
    let Some(anchor) = legend_or_label(&document, &input) else {
        return false;
    };
    let Ok(input) = input.dyn_into::<HtmlElement>() else {
        return false;
    };
    anchor.scroll_into_view();
    let options = FocusOptions::new();
    options.set_prevent_scroll(true);
    input.focus_with_options(&options).is_ok()
}

/// A GOV.UK error summary; renders nothing when there are no errors.
#[component]
pub fn ErrorSummary(props: &ErrorSummaryProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(
            (props.items.is_empty(), props.focus_trigger),
            move |(empty, _)| {
                if !*empty {
                    if let Some(summary) = node.cast::<HtmlElement>() {
                        let _ = summary.focus();
                    }
                }
            },
        );
    }

    if props.items.is_empty() {
        return html! {};
    }

    let links = props.items.iter().map(|item| {
        let onclick = {
            let target = item.target_id.clone();
            Callback::from(move |e: MouseEvent| {
                if focus_target(&target) {
                    e.prevent_default();
                }
            })
        };
        html! {
            <li>
                <a href={format!("#{}", item.target_id)} {onclick}>{ item.text.clone() }</a>
            </li>
        }
    });

    html! {
        <div class="govuk-error-summary" tabindex="-1" ref={node}>
            <div role="alert">
                <h2 class="govuk-error-summary__title">{ props.title.clone() }</h2>
                <div class="govuk-error-summary__body">
                    <ul class="govuk-list govuk-error-summary__list">
                        { for links }
                    </ul>
                </div>
            </div>
        </div>
    }
}
