//! GOV.UK confirmation panel: the green box at the top of a confirmation page ("Referral
//! complete", with the reference).
//!
//! A plain function rather than a `#[component]` (no state; see docs/size.md, "What costs
//! bytes").

use yew::prelude::*;

/// Properties of a confirmation panel ([`view`]).
#[derive(PartialEq, Clone, Default)]
pub struct PanelProps {
    /// The page heading (an `<h1>`).
    pub title: AttrValue,
    /// The body, for example "Your reference number<br><strong>HDJ2123F</strong>".
    pub children: Html,
}

/// A `div.govuk-panel.govuk-panel--confirmation`.
pub fn view(props: PanelProps) -> Html {
    html! {
        <div class="govuk-panel govuk-panel--confirmation">
            <h1 class="govuk-panel__title">{ props.title }</h1>
            <div class="govuk-panel__body">{ props.children }</div>
        </div>
    }
}
