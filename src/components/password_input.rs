//! GOV.UK password input, for a passphrase (issue 16, item 8): a password field with a "Show" /
//! "Hide" button beside it, as govuk-frontend's `password-input` component scripts it. The
//! button names the field it controls (`aria-controls`) and is called "Show passphrase" or
//! "Hide passphrase"; a visually hidden live region between the two says "Your passphrase is
//! visible" or "… hidden" when it changes. The passphrase is hidden again when its form is
//! submitted (before the submission goes on) and when the page comes back from the
//! back-forward cache, so it is never submitted or kept as text.
//!
//! Two departures, both for a reason:
//! - while it is shown, the field is `autocomplete="off"`: Chromium keeps a text field's value
//!   in its session-restore files and its autofill history unless it is off (a password field
//!   it never keeps), and those files are what issue 16's profile-folder attacker reads;
//! - the field is the text input's own form group (`text_input::view`), with the live region
//!   and the button after it (`.govuk-password-input` sets the button beside the field),
//!   rather than govuk-frontend's input wrapper inside the form group: the same reading order
//!   (field, announcement, button) and look, without a second copy of the text input's markup
//!   in the download.
//!
//! A plain function rather than a `#[component]` (docs/size.md, "What costs bytes"): as
//! govuk-frontend's script does, the button changes the elements themselves (the field's type,
//! its own text and name, the announcement). The markup it renders never changes, so a new
//! render leaves them as the button set them, and a field drawn afresh starts hidden.

use yew::prelude::*;

use super::{text_input, TextInputProps};

/// Properties of a password input ([`view`]).
#[derive(PartialEq, Clone)]
pub struct PasswordInputProps {
    /// The input's id (`[a-z0-9-]`), also its name; the label's `for`, the button's
    /// `aria-controls`, and the prefix of `-hint` and `-error`.
    pub id: AttrValue,
    /// The label text.
    pub label: AttrValue,
    /// Hint text under the label.
    pub hint: Option<AttrValue>,
    /// Error message; when set the field is shown in error.
    pub error: Option<AttrValue>,
    /// The current value (controlled).
    pub value: AttrValue,
    /// Called with the new value on every input event.
    pub oninput: Callback<String>,
    /// A passphrase being chosen (`autocomplete="new-password"`) rather than entered
    /// (`"current-password"`), for password managers.
    pub new: bool,
}

impl PasswordInputProps {
    /// An empty passphrase field with this id and label, no hint or error.
    pub fn new(id: impl Into<AttrValue>, label: impl Into<AttrValue>) -> Self {
        Self {
            id: id.into(),
            label: label.into(),
            hint: None,
            error: None,
            value: AttrValue::default(),
            oninput: Callback::default(),
            new: false,
        }
    }
}

/// Shows (`show`) or hides the passphrase whose show/hide button is `button`, as
/// govuk-frontend's `setType` does: nothing when it already is so; otherwise the field's type
/// (and `autocomplete`, back to `autocomplete` when hidden), the button's text and accessible
/// name, and the announcement. The elements are found from the button, as [`view`] draws them:
/// the announcement just before it, and before that the form group the field ends.
fn set_shown(button: &web_sys::Element, show: bool, autocomplete: &str) {
    let status = button.previous_element_sibling();
    let input = status
        .as_ref()
        .and_then(|s| s.previous_element_sibling())
        .and_then(|group| group.last_element_child());
    let (Some(input), Some(status)) = (input, status) else {
        return;
    };
    if (input.get_attribute("type").as_deref() == Some("text")) == show {
        return;
    }
    let set = |el: &web_sys::Element, name: &str, value: &str| {
        let _ = el.set_attribute(name, value);
    };
    let (kind, off, word, label, said) = if show {
        (
            "text",
            "off",
            "Hide",
            "Hide passphrase",
            "Your passphrase is visible",
        )
    } else {
        (
            "password",
            autocomplete,
            "Show",
            "Show passphrase",
            "Your passphrase is hidden",
        )
    };
    set(&input, "type", kind);
    set(&input, "autocomplete", off);
    // Shown as text, a phone's keyboard would capitalise its first letter.
    set(&input, "autocapitalize", "none");
    set(button, "aria-label", label);
    // The button's own text node, so that the markup stays as it was drawn.
    if let Some(text) = button.first_child() {
        text.set_text_content(Some(word));
    }
    status.set_text_content(Some(said));
}

/// A passphrase field with its show/hide button.
pub fn view(props: PasswordInputProps) -> Html {
    let autocomplete = if props.new {
        "new-password"
    } else {
        "current-password"
    };
    let toggle = Callback::from(move |e: MouseEvent| {
        let Some(button) = e
            .target()
            .and_then(|b| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(b).ok())
        else {
            return;
        };
        let show = button.get_attribute("aria-label").as_deref() == Some("Show passphrase");
        set_shown(&button, show, autocomplete);
        if show {
            // Hidden again when its form is submitted (before the submission goes on), or
            // when the page comes back from the back-forward cache.
            let form = button.closest("form").ok().flatten();
            for (target, event) in [
                (form.map(web_sys::EventTarget::from), "submit"),
                (Some(gloo::utils::window().into()), "pageshow"),
            ] {
                if let Some(target) = target {
                    let button = button.clone();
                    gloo::events::EventListener::new(&target, event, move |_| {
                        set_shown(&button, false, autocomplete)
                    })
                    .forget();
                }
            }
        }
    });
    let id = props.id.clone();
    html! {
        <div class="govuk-password-input">
            { text_input::view(TextInputProps {
                hint: props.hint,
                error: props.error,
                value: props.value,
                oninput: props.oninput,
                input_type: "password".into(),
                autocomplete: Some(autocomplete.into()),
                spellcheck: Some(false),
                ..TextInputProps::new(id.clone(), id.clone(), props.label)
            }) }
            <div class="govuk-password-input__sr-status govuk-visually-hidden" aria-live="polite"></div>
            <button type="button" class="govuk-button govuk-button--secondary govuk-password-input__toggle"
                aria-controls={id} aria-label="Show passphrase" onclick={toggle}>{ "Show" }</button>
        </div>
    }
}
