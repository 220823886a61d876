//! GOV.UK checkboxes: one question, any number of answers, in a fieldset. `onchange` receives
//! the whole new selection in item order. An item can carry a conditional reveal shown while it
//! is checked; its checkbox then has `aria-controls` and `aria-expanded`.
//!
//! A plain function rather than a `#[component]` (no state; see ARCHITECTURE.md, "Download
//! size").

use yew::prelude::*;

use super::fieldset::{self, FieldsetProps};
use super::radios::item_id;
use super::util::{describedby, error_id, event_checked, hint_id};
use super::{error_message, hint};

/// One option of a checkboxes question ([`view`]).
#[derive(PartialEq, Clone, Debug, Default)]
pub struct CheckboxItem {
    /// The value included in the selection when this item is checked.
    pub value: AttrValue,
    /// The label text.
    pub label: AttrValue,
    /// Hint text under the label.
    pub hint: Option<AttrValue>,
    /// Content revealed while this item is checked (a follow-up question).
    pub conditional: Option<Html>,
}

impl CheckboxItem {
    /// An item with a value and a label, no hint and no conditional content.
    pub fn new(value: impl Into<AttrValue>, label: impl Into<AttrValue>) -> Self {
        Self {
            value: value.into(),
            label: label.into(),
            ..Self::default()
        }
    }

    /// The same item with a hint.
    pub fn with_hint(mut self, hint: impl Into<AttrValue>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The same item with content revealed while it is checked.
    pub fn with_conditional(mut self, conditional: Html) -> Self {
        self.conditional = Some(conditional);
        self
    }
}

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
    let hint_id = hint_id(&props.id, &props.hint);
    let error_id = error_id(&props.id, &props.error);
    let in_error = props.error.is_some();

    let items = props.items.iter().enumerate().map(|(index, item)| {
        let id = item_id(&props.id, index);
        let checked = props.selected.contains(&item.value);
        let item_hint_id = item.hint.as_ref().map(|_| format!("{id}-item-hint"));
        let conditional_id = item
            .conditional
            .as_ref()
            .map(|_| format!("conditional-{id}"));
        let onchange = {
            let cb = props.onchange.clone();
            let items = props.items.clone();
            let selected = props.selected.clone();
            let value = item.value.clone();
            Callback::from(move |e: Event| {
                cb.emit(next_selection(&items, &selected, &value, event_checked(&e)))
            })
        };
        let expanded = conditional_id
            .as_ref()
            .map(|_| AttrValue::Static(if checked { "true" } else { "false" }));
        html! {
            <>
                <div class="govuk-checkboxes__item">
                    <input
                        class="govuk-checkboxes__input"
                        id={id.clone()}
                        name={props.name.clone()}
                        type="checkbox"
                        value={item.value.clone()}
                        checked={checked}
                        aria-describedby={item_hint_id.clone()}
                        aria-controls={conditional_id.clone()}
                        aria-expanded={expanded}
                        {onchange}
                    />
                    <label class="govuk-label govuk-checkboxes__label" for={id.clone()}>
                        { item.label.clone() }
                    </label>
                    if let (Some(hid), Some(hint)) = (item_hint_id, item.hint.clone()) {
                        { hint::view(hid, Some("govuk-checkboxes__hint"), html! { { hint } }) }
                    }
                </div>
                if let (Some(cid), Some(content)) = (conditional_id, item.conditional.clone()) {
                    <div
                        id={cid}
                        class={classes!(
                            "govuk-checkboxes__conditional",
                            (!checked).then_some("govuk-checkboxes__conditional--hidden"),
                        )}
                    >
                        if checked { { content } }
                    </div>
                }
            </>
        }
    });

    html! {
        <div class={classes!("govuk-form-group", in_error.then_some("govuk-form-group--error"))}>
            { fieldset::view(FieldsetProps {
                legend: props.legend.clone(),
                legend_is_heading: props.legend_is_heading,
                describedby: describedby([hint_id.clone(), error_id.clone()]),
                role: None,
                children: html! {
                    <>
                        if let (Some(id), Some(hint)) = (hint_id, props.hint.clone()) {
                            { hint::view(id, None, html! { { hint } }) }
                        }
                        if let (Some(id), Some(error)) = (error_id, props.error.clone()) {
                            { error_message::view(id, error) }
                        }
                        <div class={classes!("govuk-checkboxes", props.inline.then_some("govuk-checkboxes--inline"))}>
                            { for items }
                        </div>
                    </>
                },
            }) }
        </div>
    }
}
