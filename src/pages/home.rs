//! Home: what the toolkit is and the ways in.

use crate::components::*;
use crate::nav;
use crate::route::{Form, Route};
use crate::router::Navigator;
use yew::prelude::*;

/// The home page. A plain function (the shell passes the navigator and sets the title; see
/// docs/size.md, "What costs bytes").
pub fn view(navigator: &Navigator) -> Html {
    let start = nav::href(&Route::FormStart {
        form: Form::Referral,
    });
    let drafts = nav::href(&Route::Drafts);
    let officer = nav::href(&Route::OfficerHome);
    html! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <h1 class="govuk-heading-xl">{ "Prevent Case Toolkit" }</h1>
                <p class="govuk-body-l">{ "Prepare complete, policy-checked Prevent records in your browser." }</p>
                <h2 class="govuk-heading-m">{ "Make a Prevent referral" }</h2>
                <p class="govuk-body">{ "For schools, health services, councils, police and other partners who have noticed a concern that someone may be drawn into terrorism. You get a structured record of your referral to send to your Prevent team." }</p>
                { button::view(ButtonProps { is_start: true, href: Some(start.clone()), onclick: nav::on_click(navigator, start), ..ButtonProps::new("Make a referral") }) }
                <h2 class="govuk-heading-m">{ "Carry on with a saved draft" }</h2>
                <p class="govuk-body">
                    <a class="govuk-link" href={drafts.clone()} onclick={nav::on_click(navigator, drafts)}>{ "See your saved drafts" }</a>
                </p>
                <h2 class="govuk-heading-m">{ "For Counter Terrorism Case Officers" }</h2>
                <p class="govuk-body">
                    <a class="govuk-link" href={officer.clone()} onclick={nav::on_click(navigator, officer)}>{ "Prevent Gateway Assessments, deadlines and settings" }</a>
                </p>
                { inset_text::view(InsetTextProps { children: html! {
                    "Nothing you enter leaves this browser unless you download it. Drafts are saved on this device as you type."
                } }) }
            </div>
        </div>
    }
}
