//! The page footer: a grey band at the bottom for the service's own links and notes.

use yew::prelude::*;

/// Properties of [`Footer`].
#[derive(Properties, PartialEq, Clone)]
pub struct FooterProps {
    /// The footer content (links, a version, the privacy note).
    #[prop_or_default]
    pub children: Html,
}

/// A `footer.govuk-footer`.
#[component]
pub fn Footer(props: &FooterProps) -> Html {
    html! {
        <footer class="govuk-footer">
            <div class="govuk-width-container">{ props.children.clone() }</div>
        </footer>
    }
}
