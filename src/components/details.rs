//! GOV.UK details: a native `<details>` that hides help most users do not need.
//!
//! A plain function rather than a `#[component]` (no state; see docs/size.md, "What costs
//! bytes").

use yew::prelude::*;

/// Properties of a details ([`view`]).
#[derive(PartialEq, Clone, Default)]
pub struct DetailsProps {
    /// The clickable summary text.
    pub summary: AttrValue,
    /// Open at first.
    pub open: bool,
    /// The hidden content.
    pub children: Html,
}

/// A `details.govuk-details`.
pub fn view(props: DetailsProps) -> Html {
    html! {
        <details class="govuk-details" open={props.open}>
            <summary class="govuk-details__summary">
                <span class="govuk-details__summary-text">{ props.summary }</span>
            </summary>
            <div class="govuk-details__text">{ props.children }</div>
        </details>
    }
}
