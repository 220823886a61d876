//! GOV.UK label: the `<label for=…>` of a text input, textarea or select, optionally the page's
//! heading (a question page whose only question is this field).
//!
//! A plain function rather than a `#[component]` (no state; see docs/size.md, "What costs
//! bytes").

use yew::prelude::*;

/// A `label.govuk-label` for `for_id`, inside `h1.govuk-label-wrapper` and large when it is the
/// page heading.
pub fn view(for_id: &AttrValue, text: &AttrValue, is_heading: bool) -> Html {
    if is_heading {
        html! {
            <h1 class="govuk-label-wrapper">
                <label class="govuk-label govuk-label--l" for={for_id.clone()}>{ text.clone() }</label>
            </h1>
        }
    } else {
        html! { <label class="govuk-label" for={for_id.clone()}>{ text.clone() }</label> }
    }
}
