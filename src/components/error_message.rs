//! GOV.UK error message: the red message above a field in error. It starts with a visually
//! hidden "Error:" so that a screen reader announces it as an error, not as a hint.

use yew::prelude::*;

/// Properties of [`ErrorMessage`].
#[derive(Properties, PartialEq, Clone)]
pub struct ErrorMessageProps {
    /// The message's id, conventionally `<field id>-error`; the field names it in
    /// `aria-describedby`.
    pub id: AttrValue,
    /// What is wrong and how to fix it, for example "Enter your full name".
    pub message: AttrValue,
}

/// `<p class="govuk-error-message" id=…><span class="govuk-visually-hidden">Error:</span> …</p>`
#[component]
pub fn ErrorMessage(props: &ErrorMessageProps) -> Html {
    html! {
        <p id={props.id.clone()} class="govuk-error-message">
            <span class="govuk-visually-hidden">{ "Error:" }</span>
            { " " }
            { props.message.clone() }
        </p>
    }
}
