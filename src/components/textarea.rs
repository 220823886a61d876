//! GOV.UK textarea and, with `max_chars`, the GOV.UK character count: a message under the box
//! ("You have 12 characters remaining" / "You have 3 characters too many") and a polite live
//! region that tells screen reader users the count once they pause typing. Going over the limit
//! shows the error styling; the text is never cut. `autocomplete="off"`: what is typed is record
//! content, kept out of the browser's form restoration (DESIGN.md, "Security model"; issue 16).

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::util::{describedby, error_id, event_value, hint_id};
use super::{error_message, hint, label};

/// How long typing must pause before the live region announces the count (GOV.UK: 1 second).
const ANNOUNCE_DELAY_MS: u32 = 1000;

/// Properties of [`Textarea`].
#[derive(Properties, PartialEq, Clone)]
pub struct TextareaProps {
    /// The textarea's id (`[a-z0-9-]`); prefix of `-hint`, `-error` and `-info`.
    pub id: AttrValue,
    /// The textarea's name.
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
    /// Visible rows (default 5).
    #[prop_or(5)]
    pub rows: u32,
    /// The character limit; turns the textarea into a character count.
    #[prop_or_default]
    pub max_chars: Option<usize>,
}

/// "1,234" for 1234, as GOV.UK formats counts.
fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The character count message for `used` characters out of `max`, and whether it is over.
/// Characters are Unicode scalar values, not bytes.
pub fn character_count_message(used: usize, max: usize) -> (String, bool) {
    let (n, over) = if used > max {
        (used - max, true)
    } else {
        (max - used, false)
    };
    let noun = if n == 1 { "character" } else { "characters" };
    let tail = if over { "too many" } else { "remaining" };
    (
        format!("You have {} {noun} {tail}", group_thousands(n)),
        over,
    )
}

/// A GOV.UK textarea, or character count when `max_chars` is set.
#[component]
pub fn Textarea(props: &TextareaProps) -> Html {
    let hint_id = hint_id(&props.id, &props.hint);
    let error_id = error_id(&props.id, &props.error);
    let info_id = props.max_chars.map(|_| format!("{}-info", props.id));
    let count = props
        .max_chars
        .map(|max| character_count_message(props.value.chars().count(), max));
    let over = count.as_ref().is_some_and(|(_, over)| *over);
    let message = count.as_ref().map(|(m, _)| m.clone()).unwrap_or_default();

    // The live region lags the visible message until typing pauses, so that a screen reader is
    // not interrupted on every keystroke.
    let announced = use_state_eq(|| message.clone());
    {
        let announced = announced.clone();
        use_effect_with(message.clone(), move |message| {
            let message = message.clone();
            let timeout = Timeout::new(ANNOUNCE_DELAY_MS, move || announced.set(message));
            move || drop(timeout)
        });
    }

    let oninput = {
        let cb = props.oninput.clone();
        Callback::from(move |e: InputEvent| cb.emit(event_value(&e)))
    };
    let in_error = props.error.is_some();
    let describedby = describedby([info_id.clone(), hint_id.clone(), error_id.clone()]);

    let textarea = html! {
        <textarea
            class={classes!("govuk-textarea", (in_error || over).then_some("govuk-textarea--error"))}
            id={props.id.clone()}
            name={props.name.clone()}
            rows={props.rows.to_string()}
            autocomplete="off"
            value={props.value.clone()}
            aria-describedby={describedby}
            {oninput}
        />
    };

    html! {
        <div class={classes!(
            "govuk-form-group",
            props.max_chars.is_some().then_some("govuk-character-count"),
            in_error.then_some("govuk-form-group--error"),
        )}>
            { label::view(&props.id.clone(), &props.label.clone(), props.label_is_heading) }
            if let (Some(id), Some(hint)) = (hint_id, props.hint.clone()) {
                { hint::view(id, None, html! { { hint } }) }
            }
            if let (Some(id), Some(error)) = (error_id, props.error.clone()) {
                { error_message::view(id, error) }
            }
            { textarea }
            if let Some(info_id) = info_id {
                <div
                    id={info_id}
                    class={classes!(
                        "govuk-character-count__message",
                        if over { "govuk-error-message" } else { "govuk-hint" },
                    )}
                >
                    { message }
                </div>
                <div class="govuk-character-count__sr-status govuk-visually-hidden" aria-live="polite">
                    { (*announced).clone() }
                </div>
            }
        </div>
    }
}
