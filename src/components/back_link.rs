//! GOV.UK back link: at the top of a question page, above the main content, to the previous page.
//!
//! A plain function rather than a `#[component]` (no state; see docs/size.md, "What costs
//! bytes").

use yew::prelude::*;

use super::util::navigate_on_click;

/// Properties of a back link ([`view`]).
#[derive(PartialEq, Clone)]
pub struct BackLinkProps {
    /// The previous page's address.
    pub href: AttrValue,
    /// When set, a plain click is prevented and passed here so the app navigates itself;
    /// a click that opens a new tab is left to the browser.
    pub onclick: Option<Callback<MouseEvent>>,
    /// The link text (default "Back").
    pub text: AttrValue,
}

impl BackLinkProps {
    /// A "Back" link to `href`; `onclick` as for [`BackLinkProps::onclick`].
    pub fn new(href: impl Into<AttrValue>, onclick: Option<Callback<MouseEvent>>) -> Self {
        Self {
            href: href.into(),
            onclick,
            text: AttrValue::Static("Back"),
        }
    }
}

/// An `a.govuk-back-link`.
pub fn view(props: BackLinkProps) -> Html {
    html! {
        <a href={props.href} class="govuk-back-link" onclick={navigate_on_click(&props.onclick)}>
            { props.text }
        </a>
    }
}
