//! GOV.UK back link: at the top of a question page, above the main content, to the previous page.

use yew::prelude::*;

use super::util::navigate_on_click;

/// Properties of [`BackLink`].
#[derive(Properties, PartialEq, Clone)]
pub struct BackLinkProps {
    /// The previous page's address.
    pub href: AttrValue,
    /// When set, a plain click is prevented and passed here so the app navigates itself;
    /// a click that opens a new tab is left to the browser.
    #[prop_or_default]
    pub onclick: Option<Callback<MouseEvent>>,
    /// The link text (default "Back").
    #[prop_or(AttrValue::Static("Back"))]
    pub text: AttrValue,
}

/// An `a.govuk-back-link`.
#[component]
pub fn BackLink(props: &BackLinkProps) -> Html {
    html! {
        <a href={props.href.clone()} class="govuk-back-link" onclick={navigate_on_click(&props.onclick)}>
            { props.text.clone() }
        </a>
    }
}
