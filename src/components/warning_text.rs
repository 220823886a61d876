//! GOV.UK warning text: a bold sentence with a round "!" icon for something the user must not
//! miss (for example: call 999 if there is an immediate risk of harm).
//!
//! A plain function rather than a `#[component]` (no state; see docs/size.md, "What costs
//! bytes").

use yew::prelude::*;

/// Properties of a warning text ([`view`]).
#[derive(PartialEq, Clone)]
pub struct WarningTextProps {
    /// The warning.
    pub children: Html,
    /// The visually hidden word read before the warning (default "Warning").
    pub icon_fallback_text: AttrValue,
}

impl Default for WarningTextProps {
    fn default() -> Self {
        Self {
            children: Html::default(),
            icon_fallback_text: AttrValue::Static("Warning"),
        }
    }
}

impl WarningTextProps {
    /// A warning with the default "Warning" fallback text.
    pub fn new(children: Html) -> Self {
        Self {
            children,
            ..Self::default()
        }
    }
}

/// A `div.govuk-warning-text`; the icon is hidden from screen readers, which hear "Warning".
pub fn view(props: WarningTextProps) -> Html {
    html! {
        <div class="govuk-warning-text">
            <span class="govuk-warning-text__icon" aria-hidden="true">{ "!" }</span>
            <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">{ props.icon_fallback_text }</span>
                { " " }
                { props.children }
            </strong>
        </div>
    }
}
