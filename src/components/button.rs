//! GOV.UK button: primary (green, one per page for the main action), secondary (grey) and
//! warning (red, destructive actions); a start button with an arrow; and the button group that
//! lays buttons and a link side by side.
//!
//! Plain functions rather than `#[component]`s (no state; see docs/size.md, "What costs
//! bytes").

use yew::prelude::*;

/// The kind of a button ([`view`]).
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

/// Properties of a button ([`view`]).
#[derive(PartialEq, Clone)]
pub struct ButtonProps {
    /// The button text.
    pub text: AttrValue,
    /// Called on click.
    pub onclick: Callback<MouseEvent>,
    /// Primary (default), secondary or warning.
    pub variant: ButtonVariant,
    /// The `type` of the `<button>`: `"submit"` (default) or `"button"`.
    pub button_type: AttrValue,
    /// A start button: larger, with an arrow.
    pub is_start: bool,
    /// Disabled (GOV.UK advises against disabled buttons; prefer validation on submit).
    pub disabled: bool,
    /// Render a link styled as a button (`<a role="button">`) to this address instead.
    /// `onclick` still runs; call `prevent_default` there to navigate in the app.
    pub href: Option<AttrValue>,
    /// An id for the button.
    pub id: Option<AttrValue>,
}

impl Default for ButtonProps {
    fn default() -> Self {
        Self {
            text: AttrValue::default(),
            onclick: Callback::default(),
            variant: ButtonVariant::default(),
            button_type: AttrValue::Static("submit"),
            is_start: false,
            disabled: false,
            href: None,
            id: None,
        }
    }
}

impl ButtonProps {
    /// A primary submit button with this text.
    pub fn new(text: impl Into<AttrValue>) -> Self {
        Self {
            text: text.into(),
            ..Self::default()
        }
    }
}

/// A GOV.UK button.
pub fn view(props: ButtonProps) -> Html {
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
    if let Some(href) = props.href {
        return html! {
            <a
                href={href}
                role="button"
                draggable="false"
                class={class}
                id={props.id}
                onclick={props.onclick}
            >
                { props.text }
                { arrow }
            </a>
        };
    }
    html! {
        <button
            type={props.button_type}
            class={class}
            id={props.id}
            disabled={props.disabled}
            aria-disabled={props.disabled.then_some(AttrValue::Static("true"))}
            onclick={props.onclick}
        >
            { props.text }
            { arrow }
        </button>
    }
}

/// A `type="button"` button with this id (an action on the page rather than a form's submit):
/// one call instead of a [`ButtonProps`] built at every place, for download size.
pub fn action(
    id: &'static str,
    variant: ButtonVariant,
    text: AttrValue,
    onclick: Callback<MouseEvent>,
) -> Html {
    view(ButtonProps {
        id: Some(AttrValue::Static(id)),
        button_type: AttrValue::Static("button"),
        variant,
        onclick,
        ..ButtonProps::new(text)
    })
}

/// Properties of a button group ([`group`]).
#[derive(PartialEq, Clone, Default)]
pub struct ButtonGroupProps {
    /// Buttons and links.
    pub children: Html,
}

/// A `div.govuk-button-group`: buttons (and a secondary link) side by side, stacked on small
/// screens.
pub fn group(props: ButtonGroupProps) -> Html {
    html! { <div class="govuk-button-group">{ props.children }</div> }
}
