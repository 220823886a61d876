//! GOV.UK fieldset: groups related controls (radios, checkboxes, the parts of a date) under a
//! `<legend>`, which may be the page heading.
//!
//! A plain function rather than a `#[component]` (no state; see docs/size.md, "What costs
//! bytes").

use yew::prelude::*;

/// Properties of a fieldset ([`view`]).
#[derive(PartialEq, Clone, Default)]
pub struct FieldsetProps {
    /// The legend text (the question).
    pub legend: AttrValue,
    /// Put the legend in an `<h1>` and set it large (`govuk-fieldset__legend--l`).
    pub legend_is_heading: bool,
    /// `aria-describedby` of the fieldset: the ids of its hint and error message.
    pub describedby: Option<AttrValue>,
    /// An ARIA role, `"group"` for the date input.
    pub role: Option<AttrValue>,
    /// The controls.
    pub children: Html,
}

/// A `fieldset.govuk-fieldset` with its legend.
pub fn view(props: FieldsetProps) -> Html {
    let legend = if props.legend_is_heading {
        html! {
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--l">
                <h1 class="govuk-fieldset__heading">{ props.legend }</h1>
            </legend>
        }
    } else {
        html! { <legend class="govuk-fieldset__legend">{ props.legend }</legend> }
    };
    html! {
        <fieldset
            class="govuk-fieldset"
            role={props.role}
            aria-describedby={props.describedby}
        >
            { legend }
            { props.children }
        </fieldset>
    }
}
