//! A page of a referral, by its id: a question page or check your answers. Plain functions
//! rather than a component (see docs/size.md, "What costs bytes").

use super::{CheckAnswers, QuestionPage};
use crate::nav;
use crate::route::{Form, Route};
use crate::router::Navigator;
use prevent_core::PageKind;
use yew::prelude::*;

/// The right kind of page for `page` of draft `id` (the draft itself is loaded by `DraftScope`).
pub fn view(form: Form, id: &str, page: &str, navigator: &Navigator) -> Html {
    match crate::schema(form).page(page) {
        Some(p) if p.kind == PageKind::CheckAnswers => {
            html! { <CheckAnswers id={AttrValue::from(id.to_string())} /> }
        }
        Some(p) => html! { <QuestionPage id={AttrValue::from(id.to_string())} page={p} /> },
        None => super::not_found::view(navigator),
    }
}

/// What a page of a finished referral shows instead of its questions: a finished referral is
/// read-only (PGA-10's principle applied to referrals;
/// docs/decisions/0010-referral-and-records.md).
pub fn finished_notice(form: Form, id: &str, navigator: &Navigator) -> Html {
    let done = nav::href(&Route::FormDone {
        form,
        id: id.to_string(),
    });
    let (title, body, link) = match form {
        Form::Referral => ("This referral is finished", "A finished referral cannot be changed.", "View your reference and download the referral"),
        Form::Pga => ("This assessment is final", "A final Gateway Assessment cannot be altered: the DIF and the Gateway Decision are read-only (PGA-10, s8).", "View the assessment, its Gateway Decision summary and audit trail"),
        Form::PlpPanel => ("This panel is recorded", "A recorded panel is part of the case's history and cannot be altered.", "View the panel"),
        Form::PlpTransfer => ("This transfer is recorded", "The case has ended in this force: download its transfer package from the case page.", "View the transfer"),
        Form::PlpSubmission => ("This submission is recorded", "A recorded submission to the FIMU is part of the case's history and cannot be altered.", "View the submission"),
        Form::PlpClosure => ("This closure is recorded", "The case is closed: its 6- and 12-month reviews are on its page.", "View the closure"),
        Form::PlpReview => ("This reassessment is recorded", "A recorded reassessment is part of the case's history and cannot be altered: the next DIF is a new reassessment.", "View the reassessment"),
        Form::S36 => ("This S.36 decision is recorded", "A recorded S.36 decision follows the final Gateway Assessment and cannot be altered.", "View the S.36 decision"),
        Form::PcmClosure => ("This closure is recorded", "The case is closed: its 6- and 12-month reviews are on its assessment's page.", "View the closure"),
        Form::ClosedReview => ("This review is recorded", "A recorded review is part of the case's record and cannot be altered.", "View the review"),
        Form::Plp => ("This entry into PLP is confirmed", "The opening DIF and band are the first entry of the case's history and cannot be altered: the next DIF is a reassessment.", "View the case, its band, deadlines and timeline"),
    };
    html! {
        <>
            <h1 class="govuk-heading-l">{ title }</h1>
            <p class="govuk-body">{ body }</p>
            <p class="govuk-body"><a class="govuk-link" href={done.clone()} onclick={nav::on_click(navigator, done)}>{ link }</a></p>
        </>
    }
}
