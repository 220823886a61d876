//! GOV.UK radios: one question, one answer, in a fieldset. An item can carry a conditional
//! reveal (a follow-up question shown only while that item is selected); its radio then has
//! `aria-controls` naming the reveal.
//!
//! Unlike govuk-frontend, a radio gets no `aria-expanded`: ARIA does not allow it on the radio
//! role, axe reports it as a critical violation (`aria-allowed-attr`), and every page of this
//! app must pass axe. GOV.UK keeps it knowingly (alphagov/govuk-frontend#979); checkboxes,
//! where ARIA allows it, do get `aria-expanded`. The reveal follows its radio directly, so
//! a screen reader reaches it next whatever the attribute.
//!
//! A plain function rather than a `#[component]` (no state; see docs/size.md, "What costs
//! bytes").

use yew::prelude::*;

use super::choice;

/// One option of a radios question ([`view`]): see [`ChoiceItem`].
pub type RadioItem = choice::ChoiceItem;

/// Properties of a radios question ([`view`]).
#[derive(PartialEq, Clone, Default)]
pub struct RadiosProps {
    /// The radios' shared `name`.
    pub name: AttrValue,
    /// The first radio's id (the error summary's target); the others are `<id>-2`, `<id>-3`, …
    /// The hint is `<id>-hint` and the error `<id>-error`.
    pub id: AttrValue,
    /// The legend (the question).
    pub legend: AttrValue,
    /// Make the legend the page heading (`<h1>`, large).
    pub legend_is_heading: bool,
    /// Hint text under the legend.
    pub hint: Option<AttrValue>,
    /// Error message; when set the question is shown in error.
    pub error: Option<AttrValue>,
    /// The options, in order.
    pub items: Vec<RadioItem>,
    /// The selected value (controlled).
    pub selected: Option<AttrValue>,
    /// Called with the chosen item's value.
    pub onchange: Callback<String>,
    /// Lay short options side by side (`govuk-radios--inline`); not for conditional reveals.
    pub inline: bool,
}

/// The id of the `index`-th (0-based) control of a group whose first control has id `id`.
pub fn item_id(id: &str, index: usize) -> String {
    if index == 0 {
        id.to_string()
    } else {
        format!("{id}-{}", index + 1)
    }
}

/// A GOV.UK radios question.
pub fn view(props: RadiosProps) -> Html {
    let items = props
        .items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let cb = props.onchange.clone();
            let value = item.value.to_string();
            choice::Item {
                id: item_id(&props.id, index),
                value: item.value.clone(),
                label: item.label.clone(),
                hint: item.hint.clone(),
                conditional: item.conditional.clone(),
                disabled: item.disabled,
                checked: props.selected.as_ref() == Some(&item.value),
                onchange: Callback::from(move |_: Event| cb.emit(value.clone())),
            }
        })
        .collect();
    choice::view(
        choice::Group {
            kind: choice::Kind::Radios,
            id: &props.id,
            name: &props.name,
            legend: &props.legend,
            legend_is_heading: props.legend_is_heading,
            hint: &props.hint,
            error: &props.error,
            inline: props.inline,
        },
        items,
    )
}
