//! A page of a referral, by its id: a question page or check your answers. A finished
//! referral is read-only, so its pages lead to the confirmation instead.

use super::{CheckAnswers, QuestionPage};
use crate::nav;
use crate::route::Route;
use crate::router::*;
use crate::state::SessionHandle;
use prevent_core::PageKind;
use yew::prelude::*;

/// Properties of [`ReferralPage`].
#[derive(Properties, PartialEq)]
pub struct ReferralPageProps {
    /// Draft id.
    pub id: AttrValue,
    /// Page id.
    pub page: AttrValue,
}

/// Routes to the right kind of page.
#[component]
pub fn ReferralPage(props: &ReferralPageProps) -> Html {
    let session = use_context::<SessionHandle>().expect("inside a draft");
    let navigator = use_navigator().expect("router");
    let schema = crate::nrf();
    let locked = session.draft.as_ref().is_some_and(|d| d.is_locked());
    match schema.page(&props.page) {
        _ if locked => {
            let done = nav::href(&Route::ReferralDone {
                id: props.id.to_string(),
            });
            html! {
                <>
                    <h1 class="govuk-heading-l">{ "This referral is finished" }</h1>
                    <p class="govuk-body">{ "A finished referral cannot be changed." }</p>
                    <p class="govuk-body"><a class="govuk-link" href={done.clone()} onclick={nav::on_click(&navigator, done)}>{ "View your reference and download the referral" }</a></p>
                </>
            }
        }
        Some(p) if p.kind == PageKind::CheckAnswers => {
            html! { <CheckAnswers id={props.id.clone()} /> }
        }
        Some(p) => html! { <QuestionPage id={props.id.clone()} page={p} /> },
        None => html! { <super::NotFound /> },
    }
}
