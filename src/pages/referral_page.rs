//! A page of a referral, by its id: a question page or check your answers. Plain functions
//! rather than a component (see ARCHITECTURE.md, "Download size").

use super::{CheckAnswers, QuestionPage};
use crate::nav;
use crate::route::Route;
use crate::router::Navigator;
use prevent_core::PageKind;
use yew::prelude::*;

/// The right kind of page for `page` of draft `id` (the draft itself is loaded by `DraftScope`).
pub fn view(id: &str, page: &str) -> Html {
    match crate::nrf().page(page) {
        Some(p) if p.kind == PageKind::CheckAnswers => {
            html! { <CheckAnswers id={AttrValue::from(id.to_string())} /> }
        }
        Some(p) => html! { <QuestionPage id={AttrValue::from(id.to_string())} page={p} /> },
        None => html! { <super::NotFound /> },
    }
}

/// What a page of a finished referral shows instead of its questions: a finished referral is
/// read-only (PGA-10's principle applied to referrals; ARCHITECTURE.md, Decisions).
pub fn finished_notice(id: &str, navigator: &Navigator) -> Html {
    let done = nav::href(&Route::ReferralDone { id: id.to_string() });
    html! {
        <>
            <h1 class="govuk-heading-l">{ "This referral is finished" }</h1>
            <p class="govuk-body">{ "A finished referral cannot be changed." }</p>
            <p class="govuk-body"><a class="govuk-link" href={done.clone()} onclick={nav::on_click(navigator, done)}>{ "View your reference and download the referral" }</a></p>
        </>
    }
}
