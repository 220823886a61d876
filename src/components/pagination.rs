//! GOV.UK pagination: "Previous", the page numbers (the first, the last, the current one and
//! those either side of it, gaps as an ellipsis) and "Next", below a list split into pages.
//! Which page numbers to show is `prevent_core::records::page_links`. Without govuk-frontend's
//! arrow icons (their SVG is download for decoration; the words say it).
//!
//! A plain function rather than a `#[component]` (no state; see docs/size.md, "What costs
//! bytes").

use yew::prelude::*;

use super::util::navigate_on_click;

/// Properties of a pagination ([`view`]).
pub struct PaginationProps<'a> {
    /// The page shown, from 1.
    pub page: usize,
    /// How many pages.
    pub pages: usize,
    /// The page numbers to link, `None` for an ellipsis.
    pub links: Vec<Option<usize>>,
    /// What the navigation is called (its `aria-label`), unique on the page.
    pub label: &'static str,
    /// The address of page `n`, and what a plain click on its link does (the app navigates
    /// itself; a click that opens a new tab is left to the browser).
    pub link: &'a dyn Fn(usize) -> (AttrValue, Callback<MouseEvent>),
}

/// A `nav.govuk-pagination`; nothing when there is only one page.
pub fn view(props: PaginationProps) -> Html {
    if props.pages < 2 {
        return Html::default();
    }
    let side = |n: usize, next: bool| {
        let (href, onclick) = (props.link)(n);
        let (class, rel, text) = if next {
            ("govuk-pagination__next", "next", "Next")
        } else {
            ("govuk-pagination__prev", "prev", "Previous")
        };
        html! {
            <div {class}>
                <a class="govuk-link govuk-pagination__link" {href} {rel} onclick={navigate_on_click(&Some(onclick))}>
                    <span class="govuk-pagination__link-title">{ text }<span class="govuk-visually-hidden">{ " page" }</span></span>
                </a>
            </div>
        }
    };
    let items: Html = props
        .links
        .iter()
        .map(|l| match l {
            None => {
                html! { <li class="govuk-pagination__item govuk-pagination__item--ellipses">{ "\u{22ef}" }</li> }
            }
            Some(n) => {
                let (href, onclick) = (props.link)(*n);
                let current = *n == props.page;
                html! {
                    <li class={classes!("govuk-pagination__item", current.then_some("govuk-pagination__item--current"))}>
                        <a class="govuk-link govuk-pagination__link" {href} aria-label={format!("Page {n}")}
                            aria-current={current.then_some("page")} onclick={navigate_on_click(&Some(onclick))}>{ n }</a>
                    </li>
                }
            }
        })
        .collect();
    html! {
        <nav class="govuk-pagination" aria-label={props.label}>
            if props.page > 1 { { side(props.page - 1, false) } }
            <ul class="govuk-pagination__list">{ items }</ul>
            if props.page < props.pages { { side(props.page + 1, true) } }
        </nav>
    }
}
