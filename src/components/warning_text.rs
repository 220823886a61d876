//! GOV.UK warning text: a bold sentence with a round "!" icon for something the user must not
//! miss (for example: call 999 if there is an immediate risk of harm).

use yew::prelude::*;

/// Properties of [`WarningText`].
#[derive(Properties, PartialEq, Clone)]
pub struct WarningTextProps {
    /// The warning.
    #[prop_or_default]
    pub children: Html,
    /// The visually hidden word read before the warning (default "Warning").
    #[prop_or(AttrValue::Static("Warning"))]
    pub icon_fallback_text: AttrValue,
}

/// A `div.govuk-warning-text`; the icon is hidden from screen readers, which hear "Warning".
#[component]
pub fn WarningText(props: &WarningTextProps) -> Html {
    html! {
        <div class="govuk-warning-text">
            <span class="govuk-warning-text__icon" aria-hidden="true">{ "!" }</span>
            <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">{ props.icon_fallback_text.clone() }</span>
                { " " }
                { props.children.clone() }
            </strong>
        </div>
    }
}
