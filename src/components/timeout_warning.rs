//! GOV.UK timeout warning (issue 21, item 4; WCAG 2.2.1 Timing Adjustable): a modal dialog
//! shown before the toolkit locks itself for idleness, saying how long is left and offering to
//! stay unlocked. A native `<dialog>` opened with `showModal()` (by the app's idle hook), so
//! the browser keeps focus inside it and makes the page behind it inert; Escape is "Stay
//! unlocked", as in GOV.UK's pattern. The sentence with the time left is a polite live region:
//! its words change at most every 15 seconds (`prevent_core::idle::time_left`).
//!
//! A plain function rather than a `#[component]` (no state; see docs/size.md, "What costs
//! bytes").

use yew::prelude::*;

/// The dialog's id (the idle hook opens and closes it).
pub const ID: &str = "idle-warning";

/// Properties of a timeout warning ([`view`]).
#[derive(PartialEq, Clone)]
pub struct TimeoutWarningProps {
    /// The time left, in words ("2 minutes"); empty while the dialog is closed.
    pub time_left: AttrValue,
    /// "Stay unlocked", or Escape.
    pub on_stay: Callback<()>,
    /// "Lock now".
    pub on_lock: Callback<()>,
}

/// A closed `dialog.pct-timeout`, opened modal by its owner.
pub fn view(props: TimeoutWarningProps) -> Html {
    let stay = props.on_stay.clone();
    let cancel = props.on_stay.clone();
    let lock = props.on_lock.clone();
    html! {
        <dialog id={ID} class="pct-timeout" aria-labelledby="idle-warning-title" aria-describedby="idle-warning-text"
            oncancel={Callback::from(move |e: Event| { e.prevent_default(); cancel.emit(()) })}>
            <h2 class="govuk-heading-m" id="idle-warning-title">{ "The toolkit is about to lock" }</h2>
            <p class="govuk-body" id="idle-warning-text" aria-live="polite">
                { "Nobody has used it for a while, so to protect the records it will lock in " }
                <strong>{ props.time_left.clone() }</strong>{ ". What you have typed is saved. After it locks, you need your passphrase to continue." }
            </p>
            <div class="govuk-button-group">
                <button type="button" class="govuk-button" id="idle-stay" autofocus=true onclick={Callback::from(move |_: MouseEvent| stay.emit(()))}>{ "Stay unlocked" }</button>
                <button type="button" class="govuk-link pct-lockbar__button" id="idle-lock" onclick={Callback::from(move |_: MouseEvent| lock.emit(()))}>{ "Lock now" }</button>
            </div>
        </dialog>
    }
}
