//! GOV.UK notification banner: tells the user about something that is not an error, at the top
//! of the page. The success variant (green) confirms an action and takes focus with
//! `role="alert"` so a screen reader announces it.

use yew::prelude::*;

/// Properties of [`NotificationBanner`].
#[derive(Properties, PartialEq, Clone)]
pub struct NotificationBannerProps {
    /// The small title in the banner's header; default "Important", or "Success" for success.
    #[prop_or_default]
    pub title: Option<AttrValue>,
    /// The success variant: green, `role="alert"`, focused when shown.
    #[prop_or_default]
    pub success: bool,
    /// A bold first line of the content.
    #[prop_or_default]
    pub heading: Option<AttrValue>,
    /// The banner's id; its title is `<id>-title` (default `notification-banner`).
    #[prop_or(AttrValue::Static("notification-banner"))]
    pub id: AttrValue,
    /// The content under the heading.
    #[prop_or_default]
    pub children: Html,
}

/// A `div.govuk-notification-banner`.
#[component]
pub fn NotificationBanner(props: &NotificationBannerProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(props.success, move |success| {
            if *success {
                if let Some(banner) = node.cast::<web_sys::HtmlElement>() {
                    let _ = banner.focus();
                }
            }
        });
    }
    let title_id = format!("{}-title", props.id);
    let title = props
        .title
        .clone()
        .unwrap_or(AttrValue::Static(if props.success {
            "Success"
        } else {
            "Important"
        }));
    html! {
        <div
            ref={node}
            id={props.id.clone()}
            class={classes!(
                "govuk-notification-banner",
                props.success.then_some("govuk-notification-banner--success"),
            )}
            role={if props.success { "alert" } else { "region" }}
            aria-labelledby={title_id.clone()}
            tabindex={props.success.then_some(AttrValue::Static("-1"))}
        >
            <div class="govuk-notification-banner__header">
                <h2 class="govuk-notification-banner__title" id={title_id}>{ title }</h2>
            </div>
            <div class="govuk-notification-banner__content">
                if let Some(heading) = props.heading.clone() {
                    <p class="govuk-notification-banner__heading">{ heading }</p>
                }
                { props.children.clone() }
            </div>
        </div>
    }
}
