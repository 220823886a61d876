//! GOV.UK confirmation panel: the green box at the top of a confirmation page ("Referral
//! complete", with the reference).

use yew::prelude::*;

/// Properties of [`Panel`].
#[derive(Properties, PartialEq, Clone)]
pub struct PanelProps {
    /// The page heading (an `<h1>`).
    pub title: AttrValue,
    /// The body, for example "Your reference number<br><strong>HDJ2123F</strong>".
    #[prop_or_default]
    pub children: Html,
}

/// A `div.govuk-panel.govuk-panel--confirmation`.
#[component]
pub fn Panel(props: &PanelProps) -> Html {
    html! {
        <div class="govuk-panel govuk-panel--confirmation">
            <h1 class="govuk-panel__title">{ props.title.clone() }</h1>
            <div class="govuk-panel__body">{ props.children.clone() }</div>
        </div>
    }
}
