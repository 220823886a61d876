//! GOV.UK text input: label, optional hint and error message, and one controlled `<input>`
//! whose `aria-describedby` names the hint and error that are shown.
//!
//! A plain function rather than a `#[component]` (no state; see docs/size.md, "What costs
//! bytes").

use yew::prelude::*;

use super::util::{describedby, error_id, event_value, hint_id};
use super::{error_message, hint, label};

/// Properties of a text input ([`view`]).
#[derive(PartialEq, Clone)]
pub struct TextInputProps {
    /// The input's id (`[a-z0-9-]`); the label's `for`, and the prefix of `-hint` and `-error`.
    pub id: AttrValue,
    /// The input's name.
    pub name: AttrValue,
    /// The label text (the question).
    pub label: AttrValue,
    /// Make the label the page heading (`<h1>`, large).
    pub label_is_heading: bool,
    /// Hint text under the label.
    pub hint: Option<AttrValue>,
    /// Error message; when set the field is shown in error.
    pub error: Option<AttrValue>,
    /// The current value (controlled).
    pub value: AttrValue,
    /// Called with the new value on every input event.
    pub oninput: Callback<String>,
    /// The input type: `"text"` (default), `"email"` or `"tel"`.
    pub input_type: AttrValue,
    /// `inputmode`, for example `"numeric"`.
    pub inputmode: Option<AttrValue>,
    /// `autocomplete`: `None` renders `"off"`. Every field of this app holds record content,
    /// which must never reach the browser's autofill or session-restore files (DESIGN.md,
    /// "Security model"; issue 16); only a passphrase field ([`passphrase`]) names its own.
    pub autocomplete: Option<AttrValue>,
    /// Width: a character count (`"2"`, `"3"`, `"4"`, `"5"`, `"10"`, `"20"`, `"30"` →
    /// `govuk-input--width-N`) or a fraction (`"full"`, `"three-quarters"`, `"two-thirds"`,
    /// `"one-half"`, `"one-third"`, `"one-quarter"` → `govuk-!-width-…`).
    pub width: Option<AttrValue>,
    /// `spellcheck`: `Some(false)` for names, emails and reference numbers.
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

impl TextInputProps {
    /// A plain text input with this id, name and label, empty, with no hint or error.
    pub fn new(
        id: impl Into<AttrValue>,
        name: impl Into<AttrValue>,
        label: impl Into<AttrValue>,
    ) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            label: label.into(),
            label_is_heading: false,
            hint: None,
            error: None,
            value: AttrValue::default(),
            oninput: Callback::default(),
            input_type: AttrValue::Static("text"),
            inputmode: None,
            autocomplete: None,
            width: None,
            spellcheck: None,
        }
    }
}

/// A GOV.UK text input in its form group.
pub fn view(props: TextInputProps) -> Html {
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
                autocomplete={props.autocomplete.clone().unwrap_or(AttrValue::Static("off"))}
                spellcheck={spellcheck}
                aria-describedby={describedby}
                {oninput}
            />
        </div>
    }
}
