//! GOV.UK inset text: a quotation, example or extra information set off by a left border.

use yew::prelude::*;

/// Properties of [`InsetText`].
#[derive(Properties, PartialEq, Clone)]
pub struct InsetTextProps {
    /// The content.
    #[prop_or_default]
    pub children: Html,
}

/// A `div.govuk-inset-text`.
#[component]
pub fn InsetText(props: &InsetTextProps) -> Html {
    html! { <div class="govuk-inset-text">{ props.children.clone() }</div> }
}
