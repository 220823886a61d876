//! GOV.UK fieldset: groups related controls (radios, checkboxes, the parts of a date) under a
//! `<legend>`, which may be the page heading.

use yew::prelude::*;

/// Properties of [`Fieldset`].
#[derive(Properties, PartialEq, Clone)]
pub struct FieldsetProps {
    /// The legend text (the question).
    pub legend: AttrValue,
    /// Put the legend in an `<h1>` and set it large (`govuk-fieldset__legend--l`).
    #[prop_or_default]
    pub legend_is_heading: bool,
    /// `aria-describedby` of the fieldset: the ids of its hint and error message.
    #[prop_or_default]
    pub describedby: Option<AttrValue>,
    /// An ARIA role, `"group"` for the date input.
    #[prop_or_default]
    pub role: Option<AttrValue>,
    /// The controls.
    #[prop_or_default]
    pub children: Html,
}

/// A `fieldset.govuk-fieldset` with its legend.
#[component]
pub fn Fieldset(props: &FieldsetProps) -> Html {
    let legend = if props.legend_is_heading {
        html! {
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--l">
                <h1 class="govuk-fieldset__heading">{ props.legend.clone() }</h1>
            </legend>
        }
    } else {
        html! { <legend class="govuk-fieldset__legend">{ props.legend.clone() }</legend> }
    };
    html! {
        <fieldset
            class="govuk-fieldset"
            role={props.role.clone()}
            aria-describedby={props.describedby.clone()}
        >
            { legend }
            { props.children.clone() }
        </fieldset>
    }
}
