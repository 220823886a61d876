//! Page not found.

use crate::hooks::use_title;
use crate::nav;
use crate::route::Route;
use crate::router::*;
use yew::prelude::*;

/// GOV.UK-style "Page not found".
#[component]
pub fn NotFound() -> Html {
    use_title("Page not found".into(), false);
    let navigator = use_navigator().expect("router");
    let home = nav::href(&Route::Home);
    html! {
        <>
            <h1 class="govuk-heading-l">{ "Page not found" }</h1>
            <p class="govuk-body">{ "If you typed the web address, check it is correct." }</p>
            <p class="govuk-body">
                <a class="govuk-link" href={home.clone()} onclick={nav::on_click(&navigator, home)}>{ "Go to the start" }</a>
            </p>
        </>
    }
}
