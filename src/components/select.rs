//! GOV.UK select: label, optional hint and error, and a controlled `<select>`. GOV.UK advises
//! radios over a select where there are few options; use this for long, familiar lists. The
//! choice is record content: `autocomplete="off"` keeps it out of the browser's form restoration
//! (DESIGN.md, "Security model"; issue 16).

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::util::{describedby, error_id, event_value, hint_id};
use super::{error_message, hint, label};

/// Properties of [`Select`].
#[derive(Properties, PartialEq, Clone)]
pub struct SelectProps {
    /// The select's id (`[a-z0-9-]`); the label's `for`, prefix of `-hint` and `-error`.
    pub id: AttrValue,
    /// The select's name.
    pub name: AttrValue,
    /// The label text (the question).
    pub label: AttrValue,
    /// Make the label the page heading (`<h1>`, large).
    #[prop_or_default]
    pub label_is_heading: bool,
    /// Hint text under the label.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Error message; when set the field is shown in error.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// The options as `(value, label)`, in order.
    pub items: Vec<(AttrValue, AttrValue)>,
    /// The selected value (controlled); `None` selects the placeholder.
    #[prop_or_default]
    pub selected: Option<AttrValue>,
    /// A first option with an empty value, for example "Select an option".
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    /// Called with the newly selected value (`""` for the placeholder).
    #[prop_or_default]
    pub onchange: Callback<String>,
}

/// A GOV.UK select in its form group.
#[component]
pub fn Select(props: &SelectProps) -> Html {
    let hint_id = hint_id(&props.id, &props.hint);
    let error_id = error_id(&props.id, &props.error);
    let describedby = describedby([hint_id.clone(), error_id.clone()]);
    let in_error = props.error.is_some();
    let selected = props.selected.clone().unwrap_or_default();

    // `<select>` has no controlled `value` in Yew: set the DOM property after every render.
    let node = use_node_ref();
    {
        let node = node.clone();
        let selected = selected.clone();
        use_effect(move || {
            if let Some(select) = node.cast::<HtmlSelectElement>() {
                if select.value() != selected.as_str() {
                    select.set_value(&selected);
                }
            }
        });
    }

    let onchange = {
        let cb = props.onchange.clone();
        Callback::from(move |e: Event| cb.emit(event_value(&e)))
    };

    html! {
        <div class={classes!("govuk-form-group", in_error.then_some("govuk-form-group--error"))}>
            { label::view(&props.id.clone(), &props.label.clone(), props.label_is_heading) }
            if let (Some(id), Some(hint)) = (hint_id, props.hint.clone()) {
                { hint::view(id, None, html! { { hint } }) }
            }
            if let (Some(id), Some(error)) = (error_id, props.error.clone()) {
                { error_message::view(id, error) }
            }
            <select
                ref={node}
                class={classes!("govuk-select", in_error.then_some("govuk-select--error"))}
                id={props.id.clone()}
                name={props.name.clone()}
                autocomplete="off"
                aria-describedby={describedby}
                {onchange}
            >
                if let Some(placeholder) = props.placeholder.clone() {
                    <option value="" selected={selected.is_empty()}>{ placeholder }</option>
                }
                { for props.items.iter().map(|(value, label)| html! {
                    <option value={value.clone()} selected={*value == selected}>{ label.clone() }</option>
                }) }
            </select>
        </div>
    }
}
