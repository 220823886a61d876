//! A partner's referral opened in the officers' app (issue 20, item 4; DESIGN.md "Hand-overs":
//! "Prevent team → CTCO"; docs/decisions/0022-referral-into-pga.md). At `/officer/referral`
//! the officer chooses the referral's JSON file: it is read and checked by the import
//! (`super::import`: a bad file is refused with its message and changes nothing), and kept here
//! as the final referral it is. At `/officer/referral/<id>` the referral is shown read-only
//! (printable), with "Start the Gateway Assessment from this referral", which makes a PGA whose
//! first answers come from it (`prevent_core::pga_form::from_referral`) and which names it. A
//! referral opened again says so, and links to the assessment already started from it. The
//! officers' app only: the trainer's has no referrals. A protected file (decision 0025) is opened
//! with the team's key first (`services::protected`), and a file it cannot open is refused with
//! its reason.

use super::import::{review, save_all, Step};
use super::record_page::{answers_summary, on_print};
use crate::components::*;
use crate::hooks::use_title;
use crate::nav;
use crate::route::{Form, Route};
use crate::router::*;
use crate::services::{clock, new_id, store};
use prevent_core::import::{self, Conflict};
use prevent_core::pga_form;
use prevent_core::store::Envelope;
use prevent_core::Draft;
use yew::prelude::*;

/// Properties of [`PartnerReferral`].
#[derive(Properties, PartialEq)]
pub struct PartnerReferralProps {
    /// The referral's record id, once it is here; `None` to choose its file.
    pub id: Option<AttrValue>,
}

/// Reads a referral's file and keeps it here: its record id, and whether it was here already;
/// or why it is refused (nothing is then changed).
fn open(text: &str) -> Result<(String, bool), String> {
    let imported =
        import::parse_text(text, &[crate::nrf()], &clock::context()).map_err(|e| e.to_string())?;
    let [r] = imported.records.as_slice() else {
        return Err("The file holds more than one record: choose the file of one referral, as the partner downloaded it".into());
    };
    if !r.draft.is_locked() {
        return Err(
            "This referral is not finished: ask the referrer to finish it and send its file again"
                .into(),
        );
    }
    let id = r.draft.id.clone();
    let Step::Review(records) = review(imported)? else {
        return Err("The file could not be read".into());
    };
    match records[0].1 {
        Conflict::AlreadyHere => Ok((id, true)),
        Conflict::New => save_all(&records).map(|_| (id, false)),
        _ => Err("A different version of this referral is here already, or it was deleted here: it was not opened again".into()),
    }
}

/// Reads a chosen file, protected for the team's key (opened with it first: issue 20, item 3)
/// or plain, as [`open`] does. A protected file that does not open changes nothing.
async fn open_file(text: String) -> Result<(String, bool), String> {
    use prevent_core::protected::{self, ProtectedError};
    match protected::parse(text.as_bytes()) {
        Err(ProtectedError::NotProtected) => open(&text),
        Err(e) => Err(e.to_string()),
        Ok(file) => {
            let team = crate::services::protected::team_key()
                .ok_or_else(|| ProtectedError::NoKey.to_string())?;
            let plain = crate::services::protected::open(&team, &file)
                .await
                .map_err(|e| e.to_string())?;
            open(&plain)
        }
    }
}

/// The Gateway Assessment started from referral `id`, if any.
fn assessment_of(id: &str) -> Option<Draft> {
    let listing = store().list_now().ok()?;
    listing
        .drafts
        .iter()
        .filter(|d| d.kind == pga_form::FORM_ID)
        .filter_map(|d| super::pga_help::load(&d.id))
        .find(|d| pga_form::referral_of(&d.answers) == Some(id))
}

/// The page: choose a referral's file, or read one and start its assessment.
#[component]
pub fn PartnerReferral(props: &PartnerReferralProps) -> Html {
    use_title(
        if props.id.is_some() {
            "A partner's referral"
        } else {
            "Open a partner's referral"
        }
        .into(),
        false,
    );
    let navigator = use_navigator().expect("router");
    let location = use_location();
    let problem = use_state(|| None::<String>);
    let Some(id) = props.id.clone() else {
        let on_file = {
            let problem = problem.clone();
            let navigator = navigator.clone();
            Callback::from(move |e: Event| {
                let Some(file) = crate::services::download::chosen_file(&e) else {
                    return;
                };
                if file.size() > import::MAX_BYTES as f64 {
                    problem.set(Some(
                        "The file is too big to be a referral from this toolkit".into(),
                    ));
                    return;
                }
                let problem = problem.clone();
                let navigator = navigator.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let opened = match crate::services::download::text_of(file).await {
                        None => Err(
                            "The file could not be read: choose the JSON file of a referral".into(),
                        ),
                        Some(t) => open_file(t).await,
                    };
                    match opened {
                        Ok((id, again)) => {
                            let href = nav::path(&Route::PartnerReferral { id: Some(id) });
                            nav::go(
                                &navigator,
                                &if again {
                                    format!("{href}?again=1")
                                } else {
                                    href
                                },
                            );
                        }
                        Err(why) => problem.set(Some(why)),
                    }
                });
            })
        };
        let refused = (*problem).clone();
        let team_key = nav::href(&Route::TeamKey);
        return html! {
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <ErrorSummary items={refused.iter().map(|w| ErrorSummaryItem::new(format!("The referral was not opened. {w}"), "referral-file")).collect::<Vec<_>>()} />
                    <h1 class="govuk-heading-xl">{ "Open a partner's referral" }</h1>
                    <p class="govuk-body">{ "Open the file a partner downloaded from the referral form and sent to you. The referral is kept here, final and read-only, and you can start the case's Gateway Assessment from it: who or what it is about, the subject's date of birth or age and nationality, and the type of concern are filled in for you." }</p>
                    <p class="govuk-body">{ "A protected referral file opens with your team's key, which this toolkit keeps encrypted with your passphrase: " }<a class="govuk-link" id="team-key-link" href={team_key.clone()} onclick={nav::on_click(&navigator, team_key.clone())}>{ if crate::services::protected::team_key().is_some() { "see your team's key" } else { "add your team's key first" } }</a>{ "." }</p>
                    <div class={classes!("govuk-form-group", refused.is_some().then_some("govuk-form-group--error"))}>
                        <label class="govuk-label govuk-label--s" for="referral-file">{ "Upload the referral's file" }</label>
                        <div class="govuk-hint" id="referral-file-hint">{ "Its name ends in .json (protected files in -protected.json). Nothing is stored unless the file is a whole, finished referral." }</div>
                        if let Some(why) = &refused {
                            <p class="govuk-error-message" id="referral-file-error"><span class="govuk-visually-hidden">{ "Error: " }</span>{ format!("The referral was not opened. {why}") }</p>
                        }
                        <input class={classes!("govuk-file-upload", refused.is_some().then_some("govuk-file-upload--error"))} id="referral-file" name="referral-file" type="file" accept=".json,application/json"
                            aria-describedby={if refused.is_some() { "referral-file-hint referral-file-error" } else { "referral-file-hint" }} onchange={on_file} />
                    </div>
                </div>
            </div>
        };
    };
    let referral = super::pga_help::load(&id)
        .filter(|d| d.form == prevent_core::nrf::FORM_ID && d.is_locked());
    let open_another = nav::href(&Route::PartnerReferral { id: None });
    let Some(referral) = referral else {
        return html! {
            <>
                <h1 class="govuk-heading-l">{ "There is no such referral here" }</h1>
                <p class="govuk-body"><a class="govuk-link" href={open_another.clone()} onclick={nav::on_click(&navigator, open_another)}>{ "Open a partner's referral" }</a></p>
            </>
        };
    };
    let reference = referral
        .finished
        .as_ref()
        .map(|f| f.reference.clone())
        .unwrap_or_default();
    let again = nav::query_value(&location, "again").is_some();
    let existing = assessment_of(&id);
    let start = {
        let problem = problem.clone();
        let navigator = navigator.clone();
        let referral = referral.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            // Never a second assessment of one referral, even from a stale page.
            if let Some(d) = assessment_of(&referral.id) {
                nav::go(
                    &navigator,
                    &nav::path(&Route::FormTasks {
                        form: Form::Pga,
                        id: d.id,
                    }),
                );
                return;
            }
            let schema = crate::pga();
            let mut draft = Draft::new(schema, &new_id(), &clock::now());
            draft.answers = pga_form::from_referral(&referral.answers, &referral.id);
            pga_form::record_framework(&mut draft, &crate::services::framework::current());
            match store().save_now(Envelope::wrap(&draft, &clock::now()), None) {
                Ok(_) => navigator.push(&Route::FormPage {
                    form: Form::Pga,
                    id: draft.id,
                    page: schema.pages[0].id.clone(),
                }),
                Err(e) => problem.set(Some(e.to_string())),
            }
        })
    };
    let existing_note = existing.map(|d| {
        let href = nav::href(&Route::FormTasks { form: Form::Pga, id: d.id.clone() });
        let text = if again {
            format!("You have opened referral {reference} before, and a Gateway Assessment has already been started from it: only one assessment is made of a referral.")
        } else {
            format!("A Gateway Assessment has already been started from referral {reference}.")
        };
        html! {
            <div class="govuk-inset-text" id="referral-assessment">
                <p class="govuk-body">{ text }</p>
                <p class="govuk-body"><a class="govuk-link" href={href.clone()} onclick={nav::on_click(&navigator, href)}>{ format!("Go to its Gateway Assessment ({})", d.label()) }</a></p>
            </div>
        }
    });
    html! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                { super::referral_start::banner_of(&problem) }
                <span class="govuk-caption-l">{ "A partner's referral, read-only" }</span>
                <h1 class="govuk-heading-l">{ format!("Referral {reference}") }</h1>
                if again && existing_note.is_none() {
                    <div class="govuk-inset-text" id="referral-again"><p class="govuk-body">{ format!("Referral {reference} was already here: it has not been added again.") }</p></div>
                }
                if let Some(note) = existing_note {
                    { note }
                } else {
                    <p class="govuk-body">{ "Starting the assessment fills in who or what the referral is about, that it is a referral into Prevent Case Management, the subject's date of birth or approximate age and nationality, and the type of concern where the referrer named one. Check each of them. The rest stays here, in the referral, linked from the assessment." }</p>
                    { button::view(ButtonProps { id: Some("start-from-referral".into()), onclick: start, ..ButtonProps::new("Start the Gateway Assessment from this referral") }) }
                }
                // The sections' headings are h3s: an h2 first (axe best practice heading-order).
                <h2 class="govuk-heading-m">{ "The referral" }</h2>
                { answers_summary(crate::nrf(), &referral, &clock::context()) }
                { button::view(ButtonProps { variant: ButtonVariant::Secondary, onclick: on_print(), ..ButtonProps::new("Print this referral") }) }
            </div>
        </div>
    }
}
