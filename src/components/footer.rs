//! The page footer: a grey band at the bottom for the service's own links and notes.
//!
//! A plain function rather than a `#[component]` (no state; see docs/size.md, "What costs
//! bytes").

use yew::prelude::*;

/// Properties of the footer ([`view`]).
#[derive(PartialEq, Clone, Default)]
pub struct FooterProps {
    /// The footer content (links, a version, the privacy note).
    pub children: Html,
}

/// A `footer.govuk-footer`.
pub fn view(props: FooterProps) -> Html {
    html! {
        <footer class="govuk-footer">
            <div class="govuk-width-container">{ props.children }</div>
        </footer>
    }
}
