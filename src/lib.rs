//! Prevent Case Toolkit: the browser app. It renders and dispatches; every rule lives in
//! `prevent-core` (crates/core). Pages are in `pages/`, GOV.UK-pattern components in
//! `components/` (one per file), side effects in `hooks/` and `services/`.

pub mod app;
pub mod apps;
pub mod bundle;
pub mod components;
pub mod hooks;
pub mod nav;
pub mod pages;
pub mod route;
pub mod router;
pub mod services;
pub mod state;

use prevent_core::FormSchema;
use route::Form;
use std::sync::OnceLock;

/// The protective marking of this app's records, screens and files (its bundle's; passed to
/// the core in every `Context` by `services::clock::context`).
pub fn marking() -> &'static str {
    bundle::current().marking
}

/// Starts the app (each app's `main`, written by [`app!`]): mounts the shell on the document
/// body, then registers the offline worker.
pub fn run() {
    yew::Renderer::<app::App>::new().render();
    // After the first render, so that caching the app for offline use never delays it.
    services::offline::register();
}

/// The schema of a form this app offers (its bundle's).
pub fn schema(form: Form) -> &'static FormSchema {
    (bundle::current().schema)(form)
}

/// The officers' forms' schemas (the officers' and trainer's `Bundle::schema`).
pub fn officer_schema(form: Form) -> &'static FormSchema {
    match form {
        Form::Plp => plp(),
        Form::PlpReview => plp_review(),
        Form::PlpClosure => plp_closure(),
        Form::PlpPanel => plp_panel(),
        Form::PlpSubmission => plp_submission(),
        Form::PlpTransfer => plp_transfer(),
        Form::S36 => s36(),
        Form::PcmClosure => pcm_closure(),
        Form::ClosedReview => closed_review(),
        _ => pga(),
    }
}

/// The officers' app's schemas (its `Bundle::schema`): the officers' forms' and a partner's
/// referral, which it opens (issue 20, item 4). The trainer's has no referral.
pub fn officers_schema(form: Form) -> &'static FormSchema {
    match form {
        Form::Referral => nrf(),
        _ => officer_schema(form),
    }
}

/// The forms the officers' app imports (its `Bundle::forms`): the officers' forms and a
/// partner's referral (issue 20, item 4).
pub fn officers_forms() -> Vec<&'static FormSchema> {
    let mut v = officer_forms();
    v.push(nrf());
    v
}

/// The forms the officers' apps import (the trainer's `Bundle::forms`).
pub fn officer_forms() -> Vec<&'static FormSchema> {
    vec![
        pga(),
        plp(),
        plp_review(),
        plp_closure(),
        plp_panel(),
        plp_submission(),
        s36(),
        pcm_closure(),
        closed_review(),
        plp_transfer(),
    ]
}

/// The Prevent Gateway Assessment schema, built once from the DIF framework in use (the
/// force's replacement from settings, else the default).
pub fn pga() -> &'static FormSchema {
    static PGA: OnceLock<FormSchema> = OnceLock::new();
    PGA.get_or_init(|| prevent_core::pga_form::schema(&services::framework::current()))
}

/// The PLP entry schema, built once from the DIF framework in use.
pub fn plp() -> &'static FormSchema {
    static PLP: OnceLock<FormSchema> = OnceLock::new();
    PLP.get_or_init(|| prevent_core::plp_form::schema(&services::framework::current()))
}

/// The PLP reassessment schema, built once from the DIF framework in use.
pub fn plp_review() -> &'static FormSchema {
    static REVIEW: OnceLock<FormSchema> = OnceLock::new();
    REVIEW.get_or_init(|| prevent_core::plp_form::review_schema(&services::framework::current()))
}

/// The PLP closure schema, built once.
pub fn plp_closure() -> &'static FormSchema {
    static CLOSURE: OnceLock<FormSchema> = OnceLock::new();
    CLOSURE.get_or_init(prevent_core::plp_form::closure_schema)
}

/// The PLP panel schema, built once.
pub fn plp_panel() -> &'static FormSchema {
    static PANEL: OnceLock<FormSchema> = OnceLock::new();
    PANEL.get_or_init(prevent_core::plp_form::panel_schema)
}

/// The schema of a submission to the FIMU on a PLP case (INT-1), built once.
pub fn plp_submission() -> &'static FormSchema {
    static SUBMISSION: OnceLock<FormSchema> = OnceLock::new();
    SUBMISSION.get_or_init(prevent_core::plp_form::submission_schema)
}

/// The schema of the transfer of a PLP case to another force (TRF-1), built once from the DIF
/// framework in use.
pub fn plp_transfer() -> &'static FormSchema {
    static TRANSFER: OnceLock<FormSchema> = OnceLock::new();
    TRANSFER
        .get_or_init(|| prevent_core::plp_form::transfer_schema(&services::framework::current()))
}

/// The S.36 decision schema (PGA-15), built once.
pub fn s36() -> &'static FormSchema {
    static S36: OnceLock<FormSchema> = OnceLock::new();
    S36.get_or_init(prevent_core::s36_form::schema)
}

/// The schema of the closure of a case outside PLP (REV-1), built once.
pub fn pcm_closure() -> &'static FormSchema {
    static CLOSURE: OnceLock<FormSchema> = OnceLock::new();
    CLOSURE.get_or_init(prevent_core::closed_case::closure_schema)
}

/// The closed-case review schema (REV-1), built once from the DIF framework in use.
pub fn closed_review() -> &'static FormSchema {
    static REVIEW: OnceLock<FormSchema> = OnceLock::new();
    REVIEW.get_or_init(|| prevent_core::closed_case::review_schema(&services::framework::current()))
}

/// The National Referral Form schema, built once.
pub fn nrf() -> &'static FormSchema {
    static NRF: OnceLock<FormSchema> = OnceLock::new();
    NRF.get_or_init(prevent_core::nrf::schema)
}
