//! The markup GOV.UK radios and checkboxes share: a fieldset with hint and error, then one item
//! per option (input, label, option hint) and its conditional reveal. `radios.rs` and
//! `checkboxes.rs` differ only in the input type, class prefix and what "checked" means, so they
//! both render through here. Every input is `autocomplete="off"`: which option is checked is
//! record content, kept out of the browser's form restoration (DESIGN.md, "Security model";
//! issue 16).

use yew::prelude::*;

use super::fieldset::{self, FieldsetProps};
use super::util::{describedby, error_id, hint_id};
use super::{error_message, hint};

/// One option of a radios or checkboxes question.
#[derive(PartialEq, Clone, Debug, Default)]
pub struct ChoiceItem {
    /// The value passed to `onchange` (radios) or included in the selection (checkboxes).
    pub value: AttrValue,
    /// The label text.
    pub label: AttrValue,
    /// Hint text under the label.
    pub hint: Option<AttrValue>,
    /// Content revealed while this item is selected (a follow-up question).
    pub conditional: Option<Html>,
    /// The option cannot be chosen now; its hint says why.
    pub disabled: bool,
}

impl ChoiceItem {
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

    /// The same item with content revealed while it is selected.
    pub fn with_conditional(mut self, conditional: Html) -> Self {
        self.conditional = Some(conditional);
        self
    }
}

/// Which of the two.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Radios,
    Checkboxes,
}

impl Kind {
    fn prefix(self) -> &'static str {
        match self {
            Kind::Radios => "govuk-radios",
            Kind::Checkboxes => "govuk-checkboxes",
        }
    }
}

/// One option, ready to render.
pub(crate) struct Item {
    pub id: String,
    pub value: AttrValue,
    pub label: AttrValue,
    pub hint: Option<AttrValue>,
    pub conditional: Option<Html>,
    pub disabled: bool,
    pub checked: bool,
    pub onchange: Callback<Event>,
}

/// The group around the items.
pub(crate) struct Group<'a> {
    pub kind: Kind,
    pub id: &'a str,
    pub name: &'a AttrValue,
    pub legend: &'a AttrValue,
    pub legend_is_heading: bool,
    pub hint: &'a Option<AttrValue>,
    pub error: &'a Option<AttrValue>,
    pub inline: bool,
}

fn item(kind: Kind, name: &AttrValue, item: Item) -> Html {
    let p = kind.prefix();
    let item_hint_id = item.hint.as_ref().map(|_| format!("{}-item-hint", item.id));
    let conditional_id = item
        .conditional
        .as_ref()
        .map(|_| format!("conditional-{}", item.id));
    // ARIA allows aria-expanded on checkboxes, not on radios (axe reports it there).
    let expanded = (kind == Kind::Checkboxes && conditional_id.is_some()).then_some(
        AttrValue::Static(if item.checked { "true" } else { "false" }),
    );
    let checked = item.checked;
    html! {
        <>
            <div class={format!("{p}__item")}>
                <input
                    class={format!("{p}__input")}
                    id={item.id.clone()}
                    name={name.clone()}
                    type={if kind == Kind::Radios { "radio" } else { "checkbox" }}
                    value={item.value}
                    checked={checked}
                    autocomplete="off"
                    disabled={item.disabled}
                    aria-describedby={item_hint_id.clone()}
                    aria-controls={conditional_id.clone()}
                    aria-expanded={expanded}
                    onchange={item.onchange}
                />
                <label class={format!("govuk-label {p}__label")} for={item.id}>{ item.label }</label>
                if let (Some(hid), Some(h)) = (item_hint_id, item.hint) {
                    { hint::view(hid, Some(if kind == Kind::Radios { "govuk-radios__hint" } else { "govuk-checkboxes__hint" }), html! { { h } }) }
                }
            </div>
            if let (Some(cid), Some(content)) = (conditional_id, item.conditional) {
                <div id={cid} class={classes!(format!("{p}__conditional"), (!checked).then(|| format!("{p}__conditional--hidden")))}>
                    if checked { { content } }
                </div>
            }
        </>
    }
}

/// The whole group.
pub(crate) fn view(group: Group, items: Vec<Item>) -> Html {
    let hint_id = hint_id(group.id, group.hint);
    let error_id = error_id(group.id, group.error);
    let p = group.kind.prefix();
    let items: Html = items
        .into_iter()
        .map(|i| item(group.kind, group.name, i))
        .collect();
    html! {
        <div class={classes!("govuk-form-group", group.error.is_some().then_some("govuk-form-group--error"))}>
            { fieldset::view(FieldsetProps {
                legend: group.legend.clone(),
                legend_is_heading: group.legend_is_heading,
                describedby: describedby([hint_id.clone(), error_id.clone()]),
                role: None,
                children: html! {
                    <>
                        if let (Some(id), Some(h)) = (hint_id, group.hint.clone()) {
                            { hint::view(id, None, html! { { h } }) }
                        }
                        if let (Some(id), Some(e)) = (error_id, group.error.clone()) {
                            { error_message::view(id, e) }
                        }
                        <div class={classes!(p, group.inline.then(|| format!("{p}--inline")))}>
                            { items }
                        </div>
                    </>
                },
            }) }
        </div>
    }
}
