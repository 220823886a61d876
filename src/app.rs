//! The app shell: protective marking, skip link, header, the routed page, footer. Also the
//! app-wide state (the last deleted draft, for undo) and focus on page change
//! (`services::focus`).

use crate::components::*;
use crate::hooks::use_app::{AppContext, Settings, SettingsHandle, UndoHandle};
use crate::nav;
use crate::pages::*;
use crate::route::{Form, Route};
use crate::router::*;
use prevent_core::calendar::CalendarSettings;
use yew::prelude::*;

/// The whole app.
#[component]
pub fn App() -> Html {
    let undo: UndoHandle = use_state(|| None);
    let settings: SettingsHandle = use_state(|| match crate::services::settings::load() {
        Ok(calendar) => Settings {
            calendar,
            problem: None,
        },
        Err(problem) => Settings {
            calendar: CalendarSettings::default(),
            problem: Some(problem),
        },
    });
    let vault = use_state(crate::services::vault::state);
    html! {
        <Router>
            <ContextProvider<AppContext> context={AppContext { undo, settings, vault }}>
                <Shell />
            </ContextProvider<AppContext>>
        </Router>
    }
}

#[component]
fn Shell() -> Html {
    let navigator = use_navigator().expect("inside the router");
    let bundle = crate::bundle::current();
    let route = use_route().unwrap_or(Route::NotFound);
    let location = use_location();
    let path = location
        .as_ref()
        .map(|l| l.path().to_string())
        .unwrap_or_default();

    // Pages that are plain functions get their title here.
    use_effect_with(route.clone(), |r| {
        if *r == Route::Home {
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                doc.set_title("Prevent Case Toolkit");
            }
        }
    });

    let form_of = |r: &Route| match r {
        Route::FormStart { form }
        | Route::FormTasks { form, .. }
        | Route::FormPage { form, .. }
        | Route::FormDone { form, .. }
        | Route::DeleteDraft { form, .. } => Some(*form),
        _ => None,
    };
    let in_form = form_of(&route);
    // Encryption at rest (issue 8): every page that shows or stores a record waits for the
    // vault to be open in this tab. The partners' home page, the referral's start page, the
    // service pages (help, privacy, accessibility: issue 21, item 9) and "page not found" hold
    // none: the start page shows the gate itself when "Start now" is about to store a draft
    // (issue 20, item 5).
    let vault_state = crate::hooks::use_app::use_vault_state();
    let gated = *vault_state != crate::services::vault::State::Unlocked
        && !matches!(
            route,
            Route::Home
                | Route::NotFound
                | Route::Service(_)
                | Route::FormStart {
                    form: Form::Referral
                }
        );
    let (idle_warning, stay_unlocked) = use_vault(&vault_state);
    // On every change of page, and when the vault gate opens or closes, the new page is
    // scrolled to the top and focus moves to its heading (or its error summary, or the field a
    // change link names): services/focus.rs, docs/decisions/0024. Not on first load, where the
    // browser starts at the top with the skip link next.
    let first = use_mut_ref(|| true);
    use_effect_with((path.clone(), (*vault_state).clone()), move |_| {
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            crate::services::focus::page_changed();
        }
    });
    // Full storage (issue 16, item 7): said at the top of every page, the gate and the records
    // hub too, with how to free room and a link to the hub. Asked again whenever the shell
    // draws: every change of page (a delete goes back to the hub), of the lock, every delete
    // and undo. Plain markup (a GOV.UK notification banner), for download size.
    let full_notice = crate::services::quota::is_full().then(|| {
        let hub = nav::href(&if bundle.paths.officer {
            Route::OfficerHome
        } else {
            Route::Drafts
        });
        html! {
            <div class="govuk-notification-banner" role="region" aria-labelledby="storage-full-title" id="storage-full">
                <div class="govuk-notification-banner__header">
                    <h2 class="govuk-notification-banner__title" id="storage-full-title">{ "Important" }</h2>
                </div>
                <div class="govuk-notification-banner__content">
                    <p class="govuk-notification-banner__heading">{ "Your browser's storage is full, so new changes cannot be saved" }</p>
                    <p class="govuk-body">{ "To free space, download the records you need to keep, then delete the records you no longer need. Deleting a record frees its space at once. What you have already saved is kept." }</p>
                    <p class="govuk-body"><a class="govuk-link" id="storage-full-hub" href={hub.clone()} onclick={nav::on_click(&navigator, hub)}>{ if bundle.paths.training { "Go to the scenarios" } else if bundle.paths.officer { "Go to your assessments and cases" } else { "Go to your saved drafts" } }</a></p>
                </div>
            </div>
        }
    });
    let link = |text: &str, to: Route, active: bool| HeaderLink {
        text: text.to_string().into(),
        href: nav::href(&to),
        active,
    };
    let nav_links = if bundle.paths.training {
        vec![
            link(
                "Scenarios",
                Route::OfficerHome,
                matches!(
                    route,
                    Route::OfficerHome | Route::Scenario { .. } | Route::Debrief { .. }
                ),
            ),
            link("Write a scenario", Route::Author, route == Route::Author),
            link(
                "Deadline calculator",
                Route::Deadlines,
                route == Route::Deadlines,
            ),
        ]
    } else if bundle.paths.officer {
        vec![
            link(
                "Assessments and cases",
                Route::OfficerHome,
                route == Route::OfficerHome
                    || matches!(
                        in_form,
                        Some(
                            Form::Pga
                                | Form::Plp
                                | Form::PlpReview
                                | Form::PlpClosure
                                | Form::PlpPanel
                                | Form::PlpSubmission
                                | Form::PlpTransfer
                                | Form::S36
                                | Form::PcmClosure
                                | Form::ClosedReview
                        )
                    ),
            ),
            link(
                "Deadline calculator",
                Route::Deadlines,
                route == Route::Deadlines,
            ),
            link("Settings", Route::Settings, route == Route::Settings),
        ]
    } else {
        vec![
            link(
                "Make a referral",
                Route::FormStart {
                    form: Form::Referral,
                },
                in_form == Some(Form::Referral) && !matches!(route, Route::DeleteDraft { .. }),
            ),
            link(
                "Saved drafts",
                Route::Drafts,
                matches!(route, Route::Drafts | Route::DeleteDraft { .. }),
            ),
        ]
    };
    html! {
        <>
            { skip_link::view(SkipLinkProps::default()) }
            { protective_marking::view(ProtectiveMarkingProps { training: bundle.paths.training, ..Default::default() }) }
            { header::view(HeaderProps { nav: nav_links, onnavigate: Some(nav::on_navigate(&navigator)), ..HeaderProps::new("Prevent Case Toolkit") }) }
            { (bundle.banner)(&navigator) }
            <div class="govuk-width-container">
                if *vault_state == crate::services::vault::State::Unlocked && !bundle.paths.training {
                    { timeout_warning::view(TimeoutWarningProps {
                        time_left: idle_warning.unwrap_or_default(),
                        on_stay: stay_unlocked,
                        on_lock: Callback::from(|()| crate::services::vault::lock()),
                    }) }
                    // A landmark, like everything on the page (axe's `region`; issue 21, item 7).
                    <div class="pct-lockbar" role="region" aria-label="Lock the toolkit">
                        <button type="button" class="pct-lockbar__button govuk-link" id="lock-now" onclick={Callback::from(|_: MouseEvent| crate::services::vault::lock())}>{ "Lock now" }</button>
                    </div>
                }
                <main class="govuk-main-wrapper" id="main-content" role="main">
                    { full_notice }
                    if gated {
                        <crate::pages::vault_gate::VaultGate state={(*vault_state).clone()} on_change={{ let v = vault_state.clone(); Callback::from(move |s| v.set(s)) }} />
                    } else {
                        { switch(route.clone(), &navigator) }
                    }
                </main>
            </div>
            { footer::view(FooterProps { links: crate::route::Service::ALL.iter().map(|s| (AttrValue::from(s.title()), nav::href(&Route::Service(*s)))).collect(), onnavigate: Some(nav::on_navigate(&navigator)), children: html! {
                <p class="govuk-body-s">{ "Nothing you enter leaves this browser unless you download it. Drafts are kept in this browser's storage on this device." }</p>
            } }) }
        </>
    }
}

/// The vault in this tab, with the other tabs of the toolkit (issue 16, item 1). Locked, it asks
/// them for the key and opens when one gives it; with no answer within `vault::ASK_MS` it asks
/// for the passphrase. Unlocked, it locks after the idle time set on "This device" (default 15
/// minutes; issue 8), counting any key press, click or touch in any tab of the toolkit, and
/// warns two minutes before (issue 21, item 4: `prevent_core::idle`). Returns the warning's
/// time left in words, `None` while it is not shown, and what "Stay unlocked" does.
#[hook]
fn use_vault(
    state: &UseStateHandle<crate::services::vault::State>,
) -> (Option<AttrValue>, Callback<()>) {
    use crate::services::vault::{self, State};
    use prevent_core::idle::{self, Idle};
    let warning = use_state_eq(|| None::<AttrValue>);
    {
        let state = state.clone();
        let warning = warning.clone();
        use_effect_with((*state).clone(), move |now| {
            let mut keep: Vec<gloo::events::EventListener> = Vec::new();
            let (mut ask, mut idle) = (None, None);
            if !crate::bundle::current().paths.training {
                let s = state.clone();
                vault::listen(move || s.set(State::Unlocked));
            }
            if *now == State::Asking {
                ask = Some(gloo::timers::callback::Timeout::new(
                    vault::ASK_MS,
                    move || {
                        if vault::session().is_none() {
                            state.set(State::Locked);
                        }
                    },
                ));
            } else if *now == State::Unlocked && !crate::bundle::current().paths.training {
                vault::active();
                if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                    for ev in ["keydown", "pointerdown", "touchstart", "input"] {
                        keep.push(gloo::events::EventListener::new(&doc, ev, |_| {
                            vault::active()
                        }));
                    }
                }
                // Another tab changed the passphrase or wiped everything: lock this one too.
                if let Some(w) = web_sys::window() {
                    keep.push(gloo::events::EventListener::new(&w, "storage", |e| {
                        if let Some(k) = wasm_bindgen::JsCast::dyn_ref::<web_sys::StorageEvent>(e)
                            .and_then(|e| e.key())
                        {
                            vault::changed_elsewhere(&k);
                        }
                    }));
                }
                let lock_after = u64::from(vault::autolock_minutes()) * 60_000;
                // Every second, so that the warning's words keep up (they change every 15 s).
                idle = Some(gloo::timers::callback::Interval::new(1_000, move || {
                    match idle::phase(vault::idle_ms() as u64, lock_after) {
                        Idle::Lock => vault::lock(),
                        Idle::Warn { left_ms } => {
                            vault::set_warned(true);
                            warning.set(Some(idle::time_left(left_ms).into()));
                        }
                        // Used since (here, or in another tab).
                        Idle::Active => {
                            vault::set_warned(false);
                            warning.set(None);
                        }
                    }
                }));
            }
            move || drop((keep, ask, idle))
        });
    }
    // The dialog opens modal when the warning starts (focus goes to "Stay unlocked") and closes
    // when it ends, focus going back to where it was.
    let before = use_mut_ref(|| None::<web_sys::HtmlElement>);
    use_effect_with(warning.is_some(), move |shown| {
        use wasm_bindgen::JsCast;
        let doc = web_sys::window().and_then(|w| w.document());
        let dialog = doc
            .as_ref()
            .and_then(|d| d.get_element_by_id(timeout_warning::ID))
            .and_then(|e| e.dyn_into::<web_sys::HtmlDialogElement>().ok());
        if let Some(dialog) = dialog {
            if *shown && !dialog.open() {
                *before.borrow_mut() = doc
                    .and_then(|d| d.active_element())
                    .and_then(|e| e.dyn_into().ok());
                let _ = dialog.show_modal();
            } else if !*shown && dialog.open() {
                dialog.close();
                if let Some(el) = before.borrow_mut().take() {
                    let _ = el.focus();
                }
            }
        }
    });
    let stay = {
        let warning = warning.clone();
        Callback::from(move |()| {
            vault::stay_unlocked();
            warning.set(None);
        })
    };
    ((*warning).clone(), stay)
}

/// The page of `route`: the pages every app shares, and the app's own (`Bundle::pages`).
fn switch(route: Route, navigator: &crate::router::Navigator) -> Html {
    let bundle = crate::bundle::current();
    if !route.in_bundle(&bundle.paths) {
        // Another app's page: load it (docs/decisions/0009-bundles.md).
        if let Some(w) = web_sys::window() {
            let _ = w.location().assign(&nav::path(&route));
        }
        return html! { <p class="govuk-body">{ "Loading…" }</p> };
    }
    if let Some(page) = (bundle.pages)(&route, navigator) {
        return page;
    }
    // The pages every app has.
    match route {
        Route::FormTasks { form, id } => {
            html! { <DraftScope {form} id={id.clone()}><ReferralTasks id={id} /></DraftScope> }
        }
        Route::FormPage { form, id, page } => {
            html! { <DraftScope {form} id={id.clone()}>{ crate::pages::referral_page::view(form, &id, &page, navigator) }</DraftScope> }
        }
        Route::DeleteDraft { form, id } => html! { <DeleteDraft form={form} id={id} /> },
        Route::Service(page) => crate::pages::service::view(page, navigator),
        _ => crate::pages::not_found::view(navigator),
    }
}
