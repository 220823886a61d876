//! GOV.UK text input: label, optional hint and error message, and one controlled `<input>`
//! whose `aria-describedby` names the hint and error that are shown.

use yew::prelude::*;

use super::util::{describedby, error_id, event_value, hint_id};
use super::{error_message, hint, label};

/// Properties of [`TextInput`].
#[derive(Properties, PartialEq, Clone)]
pub struct TextInputProps {
    /// The input's id (`[a-z0-9-]`); the label's `for`, and the prefix of `-hint` and `-error`.
    pub id: AttrValue,
    /// The input's name.
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
    /// The current value (controlled).
    #[prop_or_default]
    pub value: AttrValue,
    /// Called with the new value on every input event.
    #[prop_or_default]
    pub oninput: Callback<String>,
    /// The input type: `"text"` (default), `"email"` or `"tel"`.
    #[prop_or(AttrValue::Static("text"))]
    pub input_type: AttrValue,
    /// `inputmode`, for example `"numeric"`.
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    /// `autocomplete`, for example `"name"`, `"email"`, `"tel"`, `"organization"`.
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    /// Width: a character count (`"2"`, `"3"`, `"4"`, `"5"`, `"10"`, `"20"`, `"30"` →
    /// `govuk-input--width-N`) or a fraction (`"full"`, `"three-quarters"`, `"two-thirds"`,
    /// `"one-half"`, `"one-third"`, `"one-quarter"` → `govuk-!-width-…`).
    #[prop_or_default]
    pub width: Option<AttrValue>,
    /// `spellcheck`: `Some(false)` for names, emails and reference numbers.
    #[prop_or_default]
    pub spellcheck: Option<bool>,
}

/// The class for a `width` prop value: `govuk-input--width-N` or `govuk-!-width-…`.
pub(crate) fn width_class(width: &str) -> String {
    if width.chars().all(|c| c.is_ascii_digit()) {
        format!("govuk-input--width-{width}")
    } else {
        format!("govuk-!-width-{width}")
    }
}

/// A GOV.UK text input in its form group.
#[component]
pub fn TextInput(props: &TextInputProps) -> Html {
    let hint_id = hint_id(&props.id, &props.hint);
    let error_id = error_id(&props.id, &props.error);
    let describedby = describedby([hint_id.clone(), error_id.clone()]);
    let in_error = props.error.is_some();

    let oninput = {
        let cb = props.oninput.clone();
        Callback::from(move |e: InputEvent| cb.emit(event_value(&e)))
    };
    let spellcheck = props
        .spellcheck
        .map(|on| AttrValue::Static(if on { "true" } else { "false" }));

    html! {
        <div class={classes!("govuk-form-group", in_error.then_some("govuk-form-group--error"))}>
            { label::view(&props.id.clone(), &props.label.clone(), props.label_is_heading) }
            if let (Some(id), Some(hint)) = (hint_id, props.hint.clone()) {
                { hint::view(id, None, html! { { hint } }) }
            }
            if let (Some(id), Some(error)) = (error_id, props.error.clone()) {
                { error_message::view(id, error) }
            }
            <input
                class={classes!(
                    "govuk-input",
                    props.width.as_deref().map(width_class),
                    in_error.then_some("govuk-input--error"),
                )}
                id={props.id.clone()}
                name={props.name.clone()}
                type={props.input_type.clone()}
                value={props.value.clone()}
                inputmode={props.inputmode.clone()}
                autocomplete={props.autocomplete.clone()}
                spellcheck={spellcheck}
                aria-describedby={describedby}
                {oninput}
            />
        </div>
    }
}
