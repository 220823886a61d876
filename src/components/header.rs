//! The service header: the service name and an optional navigation menu, on a dark bar. It is
//! our own (no crown, no GOV.UK logo): this is not a GOV.UK service.
//!
//! A plain function rather than a `#[component]` (no state; see docs/size.md, "What costs
//! bytes").

use yew::prelude::*;

use super::util::navigate_to_href;

/// One link of the header menu ([`view`]).
#[derive(Clone, Debug, PartialEq)]
pub struct HeaderLink {
    /// The link text.
    pub text: AttrValue,
    /// The address.
    pub href: AttrValue,
    /// The current page: `aria-current="page"` and an underline.
    pub active: bool,
}

impl HeaderLink {
    /// A menu link.
    pub fn new(text: impl Into<AttrValue>, href: impl Into<AttrValue>, active: bool) -> Self {
        Self {
            text: text.into(),
            href: href.into(),
            active,
        }
    }
}

/// Properties of the header ([`view`]).
#[derive(PartialEq, Clone)]
pub struct HeaderProps {
    /// The service name, for example "Prevent Case Toolkit".
    pub service_name: AttrValue,
    /// The address of the service's home page.
    pub service_href: AttrValue,
    /// Menu links (none by default).
    pub nav: Vec<HeaderLink>,
    /// When set, a plain click on the service name or a menu link is prevented and its `href`
    /// passed here so the app navigates itself.
    pub onnavigate: Option<Callback<AttrValue>>,
}

impl HeaderProps {
    /// A header for `service_name` linking to `/`, with no menu and no app navigation.
    pub fn new(service_name: impl Into<AttrValue>) -> Self {
        Self {
            service_name: service_name.into(),
            service_href: AttrValue::Static("/"),
            nav: Vec::new(),
            onnavigate: None,
        }
    }
}

/// A `header.pct-header`.
pub fn view(props: HeaderProps) -> Html {
    let click = |href: &AttrValue| navigate_to_href(&props.onnavigate, href);
    html! {
        <header class="pct-header">
            <div class="govuk-width-container pct-header__container">
                <a href={props.service_href.clone()} class="pct-header__service-name"
                   onclick={click(&props.service_href)}>
                    { props.service_name.clone() }
                </a>
                if !props.nav.is_empty() {
                    <nav class="pct-header__navigation" aria-label="Menu">
                        <ul class="pct-header__navigation-list">
                            { for props.nav.iter().map(|link| html! {
                                <li class={classes!(
                                    "pct-header__navigation-item",
                                    link.active.then_some("pct-header__navigation-item--active"),
                                )}>
                                    <a class="pct-header__link" href={link.href.clone()}
                                       aria-current={link.active.then_some(AttrValue::Static("page"))}
                                       onclick={click(&link.href)}>
                                        { link.text.clone() }
                                    </a>
                                </li>
                            }) }
                        </ul>
                    </nav>
                }
            </div>
        </header>
    }
}
