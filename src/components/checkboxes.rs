//! GOV.UK checkboxes: one question, any number of answers, in a fieldset. `onchange` receives
//! the whole new selection in item order. An item can carry a conditional reveal shown while it
//! is checked; its checkbox then has `aria-controls` and `aria-expanded`.
//!
//! A plain function rather than a `#[component]` (no state; see docs/size.md, "What costs
//! bytes").

use yew::prelude::*;

use super::choice;
use super::radios::item_id;
use super::util::event_checked;

/// One option of a checkboxes question ([`view`]): see [`ChoiceItem`].
pub type CheckboxItem = choice::ChoiceItem;

/// Properties of a checkboxes question ([`view`]).
#[derive(PartialEq, Clone, Default)]
pub struct CheckboxesProps {
    /// The checkboxes' shared `name`.
    pub name: AttrValue,
    /// The first checkbox's id (the error summary's target); the others are `<id>-2`, `<id>-3`, …
    /// The hint is `<id>-hint` and the error `<id>-error`.
    pub id: AttrValue,
    /// The legend (the question).
    pub legend: AttrValue,
    /// Make the legend the page heading (`<h1>`, large).
    pub legend_is_heading: bool,
    /// Hint text under the legend (GOV.UK: "Select all that apply").
    pub hint: Option<AttrValue>,
    /// Error message; when set the question is shown in error.
    pub error: Option<AttrValue>,
    /// The options, in order.
    pub items: Vec<CheckboxItem>,
    /// The checked values (controlled).
    pub selected: Vec<AttrValue>,
    /// Called with the full new selection, in item order.
    pub onchange: Callback<Vec<String>>,
    /// Lay short options side by side (`govuk-checkboxes--inline`); not for conditional reveals.
    pub inline: bool,
}

/// The selection after the item with value `changed` becomes `checked`, in item order.
pub fn next_selection(
    items: &[CheckboxItem],
    selected: &[AttrValue],
    changed: &AttrValue,
    checked: bool,
) -> Vec<String> {
    items
        .iter()
        .filter(|item| {
            if &item.value == changed {
                checked
            } else {
                selected.contains(&item.value)
            }
        })
        .map(|item| item.value.to_string())
        .collect()
}

/// A GOV.UK checkboxes question.
pub fn view(props: CheckboxesProps) -> Html {
    let items = props
        .items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let cb = props.onchange.clone();
            let items = props.items.clone();
            let selected = props.selected.clone();
            let value = item.value.clone();
            choice::Item {
                id: item_id(&props.id, index),
                value: item.value.clone(),
                label: item.label.clone(),
                hint: item.hint.clone(),
                conditional: item.conditional.clone(),
                disabled: item.disabled,
                checked: props.selected.contains(&item.value),
                onchange: Callback::from(move |e: Event| {
                    cb.emit(next_selection(&items, &selected, &value, event_checked(&e)))
                }),
            }
        })
        .collect();
    choice::view(
        choice::Group {
            kind: choice::Kind::Checkboxes,
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
