//! GOV.UK hint: secondary text under a label or legend, referenced by `aria-describedby`.
//!
//! A plain function rather than a `#[component]`: it has no state, and each Yew component type
//! adds several kB of generic code to the download (see docs/size.md, "What costs bytes").

use yew::prelude::*;

/// A `div.govuk-hint` with the given id (conventionally `<field id>-hint`) and extra class
/// (for example `govuk-radios__hint`).
pub fn view(id: impl Into<AttrValue>, class: Option<&'static str>, children: Html) -> Html {
    html! {
        <div id={id.into()} class={classes!("govuk-hint", class)}>
            { children }
        </div>
    }
}
