//! The page footer: a grey band at the bottom with the service's support links (GOV.UK's
//! `govuk-footer__inline-list` under a visually hidden "Support links" heading: help, privacy,
//! accessibility; issue 21, item 9) and its own notes.
//!
//! A plain function rather than a `#[component]` (no state; see docs/size.md, "What costs
//! bytes").

use super::util::navigate_to_href;
use yew::prelude::*;

/// Properties of the footer ([`view`]).
#[derive(PartialEq, Clone, Default)]
pub struct FooterProps {
    /// The support links: text and address.
    pub links: Vec<(AttrValue, AttrValue)>,
    /// When set, a plain click on a link is prevented and its `href` passed here so the app
    /// navigates itself.
    pub onnavigate: Option<Callback<AttrValue>>,
    /// The footer content below the links (a note, a version).
    pub children: Html,
}

/// A `footer.govuk-footer`.
pub fn view(props: FooterProps) -> Html {
    let link = |(text, href): &(AttrValue, AttrValue)| {
        let onclick = navigate_to_href(&props.onnavigate, href);
        html! {
            <li class="govuk-footer__inline-list-item">
                <a class="govuk-footer__link" href={href.clone()} {onclick}>{ text.clone() }</a>
            </li>
        }
    };
    html! {
        <footer class="govuk-footer">
            <div class="govuk-width-container">
                if !props.links.is_empty() {
                    <h2 class="govuk-visually-hidden">{ "Support links" }</h2>
                    <ul class="govuk-footer__inline-list">{ for props.links.iter().map(link) }</ul>
                }
                { props.children }
            </div>
        </footer>
    }
}
