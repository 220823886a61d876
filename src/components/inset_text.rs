//! GOV.UK inset text: a quotation, example or extra information set off by a left border.
//!
//! A plain function rather than a `#[component]` (no state; see docs/size.md, "What costs
//! bytes").

use yew::prelude::*;

/// Properties of an inset text ([`view`]).
#[derive(PartialEq, Clone, Default)]
pub struct InsetTextProps {
    /// The content.
    pub children: Html,
}

/// A `div.govuk-inset-text`.
pub fn view(props: InsetTextProps) -> Html {
    html! { <div class="govuk-inset-text">{ props.children }</div> }
}
