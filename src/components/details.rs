//! GOV.UK details: a native `<details>` that hides help most users do not need.

use yew::prelude::*;

/// Properties of [`Details`].
#[derive(Properties, PartialEq, Clone)]
pub struct DetailsProps {
    /// The clickable summary text.
    pub summary: AttrValue,
    /// Open at first.
    #[prop_or_default]
    pub open: bool,
    /// The hidden content.
    #[prop_or_default]
    pub children: Html,
}

/// A `details.govuk-details`.
#[component]
pub fn Details(props: &DetailsProps) -> Html {
    html! {
        <details class="govuk-details" open={props.open}>
            <summary class="govuk-details__summary">
                <span class="govuk-details__summary-text">{ props.summary.clone() }</span>
            </summary>
            <div class="govuk-details__text">{ props.children.clone() }</div>
        </details>
    }
}
