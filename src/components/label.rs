//! GOV.UK label: the `<label for=…>` of a text input, textarea or select, optionally the page's
//! heading (a question page whose only question is this field).

use yew::prelude::*;

/// Properties of [`Label`].
#[derive(Properties, PartialEq, Clone)]
pub struct LabelProps {
    /// The id of the control this labels.
    pub for_id: AttrValue,
    /// The label text.
    pub text: AttrValue,
    /// Wrap the label in an `<h1>` and set it large (`govuk-label--l`).
    #[prop_or_default]
    pub is_heading: bool,
    /// Extra classes for the `<label>` (for example `govuk-date-input__label`).
    #[prop_or_default]
    pub class: Classes,
}

/// A `label.govuk-label`, inside `h1.govuk-label-wrapper` when it is the page heading.
#[component]
pub fn Label(props: &LabelProps) -> Html {
    let mut class = classes!("govuk-label", props.class.clone());
    if props.is_heading {
        class.push("govuk-label--l");
        html! {
            <h1 class="govuk-label-wrapper">
                <label class={class} for={props.for_id.clone()}>{ props.text.clone() }</label>
            </h1>
        }
    } else {
        html! { <label class={class} for={props.for_id.clone()}>{ props.text.clone() }</label> }
    }
}
