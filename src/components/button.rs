//! GOV.UK button: primary (green, one per page for the main action), secondary (grey) and
//! warning (red, destructive actions); a start button with an arrow; and the button group that
//! lays buttons and a link side by side.

use yew::prelude::*;

/// The kind of [`Button`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ButtonVariant {
    /// The main call to action (green).
    #[default]
    Primary,
    /// Other actions (grey).
    Secondary,
    /// Destructive actions such as deleting a draft (red); confirm first.
    Warning,
}

impl ButtonVariant {
    fn class(self) -> Option<&'static str> {
        match self {
            ButtonVariant::Primary => None,
            ButtonVariant::Secondary => Some("govuk-button--secondary"),
            ButtonVariant::Warning => Some("govuk-button--warning"),
        }
    }
}

/// Properties of [`Button`].
#[derive(Properties, PartialEq, Clone)]
pub struct ButtonProps {
    /// The button text.
    pub text: AttrValue,
    /// Called on click.
    #[prop_or_default]
    pub onclick: Callback<MouseEvent>,
    /// Primary (default), secondary or warning.
    #[prop_or_default]
    pub variant: ButtonVariant,
    /// The `type` of the `<button>`: `"submit"` (default) or `"button"`.
    #[prop_or(AttrValue::Static("submit"))]
    pub button_type: AttrValue,
    /// A start button: larger, with an arrow.
    #[prop_or_default]
    pub is_start: bool,
    /// Disabled (GOV.UK advises against disabled buttons; prefer validation on submit).
    #[prop_or_default]
    pub disabled: bool,
    /// Render a link styled as a button (`<a role="button">`) to this address instead.
    /// `onclick` still runs; call `prevent_default` there to navigate in the app.
    #[prop_or_default]
    pub href: Option<AttrValue>,
    /// An id for the button.
    #[prop_or_default]
    pub id: Option<AttrValue>,
}

/// A GOV.UK button.
#[component]
pub fn Button(props: &ButtonProps) -> Html {
    let class = classes!(
        "govuk-button",
        props.variant.class(),
        props.is_start.then_some("govuk-button--start"),
    );
    let arrow = props.is_start.then(|| {
        html! {
            <svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5"
                 height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
                <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
            </svg>
        }
    });
    if let Some(href) = props.href.clone() {
        return html! {
            <a
                href={href}
                role="button"
                draggable="false"
                class={class}
                id={props.id.clone()}
                onclick={props.onclick.clone()}
            >
                { props.text.clone() }
                { arrow }
            </a>
        };
    }
    html! {
        <button
            type={props.button_type.clone()}
            class={class}
            id={props.id.clone()}
            disabled={props.disabled}
            aria-disabled={props.disabled.then_some(AttrValue::Static("true"))}
            onclick={props.onclick.clone()}
        >
            { props.text.clone() }
            { arrow }
        </button>
    }
}

/// Properties of [`ButtonGroup`].
#[derive(Properties, PartialEq, Clone)]
pub struct ButtonGroupProps {
    /// Buttons and links.
    #[prop_or_default]
    pub children: Html,
}

/// A `div.govuk-button-group`: buttons (and a secondary link) side by side, stacked on small
/// screens.
#[component]
pub fn ButtonGroup(props: &ButtonGroupProps) -> Html {
    html! { <div class="govuk-button-group">{ props.children.clone() }</div> }
}
