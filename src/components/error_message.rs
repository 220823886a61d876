//! GOV.UK error message: the red message above a field in error. It starts with a visually
//! hidden "Error:" so that a screen reader announces it as an error, not as a hint.
//!
//! A plain function rather than a `#[component]` (no state; see docs/size.md, "What costs
//! bytes").

use yew::prelude::*;

/// `<p class="govuk-error-message" id=…><span class="govuk-visually-hidden">Error:</span> …</p>`;
/// the id is conventionally `<field id>-error`, named by the field's `aria-describedby`.
pub fn view(id: impl Into<AttrValue>, message: AttrValue) -> Html {
    html! {
        <p id={id.into()} class="govuk-error-message">
            <span class="govuk-visually-hidden">{ "Error:" }</span>
            { " " }
            { message }
        </p>
    }
}
