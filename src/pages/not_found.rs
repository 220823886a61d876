//! Page not found. A plain function rather than a `#[component]` (docs/size.md, "What costs
//! bytes": each component type costs about 0.55 kB gz): it sets the document title as it renders
//! instead of through `use_title`'s effect, to the same text.

use crate::nav;
use crate::route::Route;
use crate::router::Navigator;
use yew::prelude::*;

/// GOV.UK-style "Page not found".
pub fn view(navigator: &Navigator) -> Html {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title("Page not found – Prevent Case Toolkit");
    }
    let home = nav::href(&Route::Home);
    html! {
        <>
            <h1 class="govuk-heading-l">{ "Page not found" }</h1>
            <p class="govuk-body">{ "If you typed the web address, check it is correct." }</p>
            <p class="govuk-body">
                <a class="govuk-link" href={home.clone()} onclick={nav::on_click(navigator, home)}>{ "Go to the start" }</a>
            </p>
        </>
    }
}

/// "Page not found" as a component, for the trainer's pages that find no scenario: its title
/// is set by `use_title`'s effect, which runs before the page's own (as before).
#[component]
pub fn NotFound() -> Html {
    crate::hooks::use_title("Page not found".into(), false);
    let navigator = crate::router::use_navigator().expect("router");
    view(&navigator)
}
