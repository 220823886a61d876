//! Each app's own pages (its `Bundle::pages`, issue 17): the partners' home, referral start,
//! confirmation and saved drafts; the officers' forms' start pages and records, their home,
//! deadlines and settings; and the trainer's scenarios, debrief and authoring. Each app's value
//! names only its own function here, so no app downloads another's pages. The pages all apps
//! share are in `app::switch`.

use super::*;
use crate::route::{Form, Route};
use crate::router::Navigator;
use yew::prelude::*;

/// The partners' app's own pages; `None` for the pages every app shares.
pub fn partner_pages(route: &Route, navigator: &Navigator) -> Option<Html> {
    Some(match route.clone() {
        Route::Home => home::view(navigator),
        Route::FormStart {
            form: Form::Referral,
        } => html! { <ReferralStart /> },
        Route::FormDone { form, id } => {
            html! { <DraftScope {form} id={id.clone()}><Confirmation id={id} /></DraftScope> }
        }
        Route::Drafts => html! { <Drafts form={Form::Referral} /> },
        _ => return None,
    })
}

/// Until an officer saves their own, the division in use is the force's default from the
/// deployment settings (issue 20, item 1; decision 0021); not saved, only in use. The officers'
/// app only (its `Bundle::banner`, drawn on every page from the start, so the file is fetched
/// at load, not while the officer clicks around), so the trainer's download has no deployment
/// code.
#[component]
pub fn ForceDivision() -> Html {
    let settings = crate::hooks::use_settings();
    let deployment = crate::hooks::use_deployment(!crate::services::settings::saved());
    use_effect_with(deployment, move |d| {
        if let Some(Ok(d)) = d.as_deref() {
            if !crate::services::settings::saved() && settings.calendar.division != d.division {
                let mut next = (*settings).clone();
                next.calendar.division = d.division;
                settings.set(next);
            }
        }
    });
    Html::default()
}

/// The officers' app's own pages; `None` for the pages every app shares.
pub fn pages(route: &Route, navigator: &Navigator) -> Option<Html> {
    match route {
        Route::OfficerHome => Some(html! { <Drafts form={Form::Pga} /> }),
        Route::PartnerReferral { id } => {
            // Keyed: the chooser's refusal does not follow the officer to the referral.
            let key = id.clone().unwrap_or_default();
            let id = id.clone().map(AttrValue::from);
            Some(html! { <partner_referral::PartnerReferral {key} {id} /> })
        }
        Route::TeamKey => Some(html! { <team_key::TeamKeyPage /> }),
        _ => officer_pages(route, navigator),
    }
}

/// The pages of the officers' and the trainer's apps both.
fn officer_pages(route: &Route, _: &Navigator) -> Option<Html> {
    Some(match route.clone() {
        Route::FormStart { form } if form != Form::Referral => {
            html! { <officer_start::OfficerStart {form} /> }
        }
        Route::FormDone {
            form: Form::Pga,
            id,
        } => {
            html! { <DraftScope form={Form::Pga} id={id.clone()}><pga_record::PgaRecord id={id} /></DraftScope> }
        }
        Route::FormDone { form, id } if form != Form::Referral => {
            html! { <DraftScope {form} id={id.clone()}><plp_record::PlpRecord id={id} /></DraftScope> }
        }
        Route::Deadlines => html! { <Deadlines /> },
        Route::Settings => html! { <SettingsPage /> },
        _ => return None,
    })
}

/// The trainer's app's own pages: its home is the scenarios, its records reached through
/// them (issue 7); then the officers' pages.
pub fn trainer_pages(route: &Route, navigator: &Navigator) -> Option<Html> {
    Some(match route.clone() {
        Route::OfficerHome => html! { <training::TrainerHome /> },
        Route::Scenario { id } => html! { <training::ScenarioPage {id} /> },
        Route::Debrief { id } => html! { <training::Debrief {id} /> },
        Route::Author => html! { <author::Author /> },
        _ => return officer_pages(route, navigator),
    })
}
