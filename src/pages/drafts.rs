//! Saved drafts of one form: type, minimal label, last saved, status (and for Gateway
//! Assessments, the next deadline); resume or delete each. After a delete, a banner offers undo.
//! Partners see their referrals at `/drafts`; officers their assessments at `/officer`.

use crate::components::*;
use crate::hooks::use_title;
use crate::nav;
use crate::route::{Form, Route};
use crate::router::*;
use crate::services::{clock, store};
use prevent_core::store::{DraftStore, Listing, StoreError};
use prevent_core::DraftStatus;
use yew::prelude::*;

/// Properties of [`Drafts`].
#[derive(Properties, PartialEq)]
pub struct DraftsProps {
    /// Which form's drafts.
    pub form: Form,
}

/// The drafts page.
#[component]
pub fn Drafts(props: &DraftsProps) -> Html {
    let form = props.form;
    let title = match form {
        Form::Referral => "Saved drafts",
        _ => "Your Gateway Assessments and PLP cases",
    };
    // Officers see their assessments and their PLP cases together.
    let listed = move |kind: &str| {
        kind == form.id() || (form != Form::Referral && (kind == "pga" || kind == "plp"))
    };
    use_title(title.into(), false);
    let settings = crate::app::use_settings();
    let navigator = use_navigator().expect("router");
    let undo = crate::app::use_undo();
    let listing = use_state(|| None::<Result<Listing, StoreError>>);
    let reload = use_state(|| 0u32);
    let undo_problem = use_state(|| None::<String>);
    {
        let listing = listing.clone();
        use_effect_with(*reload, move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                listing.set(Some(store().list().await));
            });
        });
    }
    let on_undo = {
        let undo = undo.clone();
        let reload = reload.clone();
        let undo_problem = undo_problem.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            if let Some(env) = (*undo).clone() {
                let undo = undo.clone();
                let reload = reload.clone();
                let undo_problem = undo_problem.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    match store().save(env, None).await {
                        Ok(_) => {
                            undo.set(None);
                            reload.set(*reload + 1);
                        }
                        Err(e) => undo_problem.set(Some(e.to_string())),
                    }
                });
            }
        })
    };
    let rows: Html = match &*listing {
        None => html! { <p class="govuk-body">{ "Loading…" }</p> },
        Some(Err(e)) => html! { <p class="govuk-body">{ e.to_string() }</p> },
        Some(Ok(l)) if !l.drafts.iter().any(|d| listed(&d.kind)) => {
            html! { <p class="govuk-body" id="no-drafts">{ "You have no saved drafts in this browser." }</p> }
        }
        Some(Ok(l)) => {
            let body: Html = l
                .drafts
                .iter()
                .filter(|d| listed(&d.kind))
                .map(|d| {
                    let resume = match d.status {
                        DraftStatus::InProgress => nav::href(&Route::FormTasks { form: Form::of(&d.kind), id: d.id.clone() }),
                        DraftStatus::Finished => nav::href(&Route::FormDone { form: Form::of(&d.kind), id: d.id.clone() }),
                    };
                    let resume_text = if d.status == DraftStatus::Finished { "View" } else { "Resume" };
                    let delete = nav::href(&Route::DeleteDraft { form, id: d.id.clone() });
                    let kind = match Form::of(&d.kind) { Form::Pga => "Gateway Assessment", Form::Plp => "PLP case", Form::PlpReview => "PLP reassessment", Form::PlpClosure => "PLP closure", Form::PlpPanel => "PLP panel", Form::PlpSubmission => "Submission to the FIMU", Form::Referral => "Prevent referral" };
                    let next = (form != Form::Referral).then(|| super::pga_help::next_deadline(&d.id, &settings));
                    let tag = if d.status == DraftStatus::Finished { "govuk-tag govuk-tag--green" } else { "govuk-tag govuk-tag--blue" };
                    html! {
                        <tr class="govuk-table__row">
                            <td class="govuk-table__cell">{ kind }</td>
                            <td class="govuk-table__cell">{ d.label.clone() }</td>
                            <td class="govuk-table__cell">{ clock::local_time(&d.saved_at) }</td>
                            <td class="govuk-table__cell"><strong class={tag}>{ d.status.label() }</strong></td>
                            if let Some(next) = next {
                                <td class="govuk-table__cell">{ next }</td>
                            }
                            <td class="govuk-table__cell">
                                <a class="govuk-link" href={resume.clone()} onclick={nav::on_click(&navigator, resume)}>
                                    { resume_text }<span class="govuk-visually-hidden">{ format!(" {}", d.label) }</span>
                                </a>
                                { " " }
                                <a class="govuk-link" href={delete.clone()} onclick={nav::on_click(&navigator, delete)}>
                                    { "Delete" }<span class="govuk-visually-hidden">{ format!(" {}", d.label) }</span>
                                </a>
                            </td>
                        </tr>
                    }
                })
                .collect();
            html! {
                <table class="govuk-table" id="drafts-table">
                    <caption class="govuk-table__caption govuk-visually-hidden">{ title }</caption>
                    <thead class="govuk-table__head">
                        <tr class="govuk-table__row">
                            <th scope="col" class="govuk-table__header">{ "Type" }</th>
                            <th scope="col" class="govuk-table__header">{ "About" }</th>
                            <th scope="col" class="govuk-table__header">{ "Last saved" }</th>
                            <th scope="col" class="govuk-table__header">{ "Status" }</th>
                            if form != Form::Referral {
                                <th scope="col" class="govuk-table__header">{ "Next deadline" }</th>
                            }
                            <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">{ "Actions" }</span></th>
                        </tr>
                    </thead>
                    <tbody class="govuk-table__body">{ body }</tbody>
                </table>
            }
        }
    };
    let unreadable = match &*listing {
        Some(Ok(l)) if !l.unreadable.is_empty() => Some(l.unreadable.len()),
        _ => None,
    };
    let start = nav::href(&Route::FormStart { form });
    let start_plp = nav::href(&Route::FormStart { form: Form::Plp });
    html! {
        <>
            if undo.is_some() {
                <NotificationBanner success={true} id="deleted-banner" title={Some(AttrValue::from("Success"))}>
                    <p class="govuk-notification-banner__heading">
                        { "Draft deleted. " }
                        <a class="govuk-notification-banner__link" href="#" id="undo-delete" onclick={on_undo}>{ "Undo" }</a>
                    </p>
                </NotificationBanner>
            }
            if let Some(p) = &*undo_problem {
                <NotificationBanner id="undo-problem"><p class="govuk-notification-banner__heading">{ p.clone() }</p></NotificationBanner>
            }
            <h1 class="govuk-heading-l">{ title }</h1>
            <p class="govuk-body">{ "Drafts are kept in this browser on this device only. Anyone who uses this browser profile can open them, so delete drafts you no longer need." }</p>
            if let Some(n) = unreadable {
                { warning_text::view(WarningTextProps::new(html! { { format!("{n} saved {} could not be read. {} been left as {} {}.", if n == 1 { "draft" } else { "drafts" }, if n == 1 { "It has" } else { "They have" }, if n == 1 { "it" } else { "they" }, if n == 1 { "was" } else { "were" }) } })) }
            }
            { rows }
            if form != Form::Referral {
                { button::group(ButtonGroupProps { children: html! { <>
                    { button::view(ButtonProps { href: Some(start.clone()), onclick: nav::on_click(&navigator, start), ..ButtonProps::new("Start a new Gateway Assessment") }) }
                    { button::view(ButtonProps { href: Some(start_plp.clone()), onclick: nav::on_click(&navigator, start_plp), variant: ButtonVariant::Secondary, ..ButtonProps::new("Start a PLP case") }) }
                </> } }) }
            } else {
                <p class="govuk-body"><a class="govuk-link" href={start.clone()} onclick={nav::on_click(&navigator, start)}>{ "Make a new referral" }</a></p>
            }
        </>
    }
}
