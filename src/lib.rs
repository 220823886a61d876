//! Prevent Case Toolkit: the browser app. It renders and dispatches; every rule lives in
//! `prevent-core` (crates/core). Pages are in `pages/`, GOV.UK-pattern components in
//! `components/` (one per file), side effects in `hooks/` and `services/`.

pub mod app;
pub mod components;
pub mod hooks;
pub mod nav;
pub mod pages;
pub mod route;
pub mod router;
pub mod services;
pub mod state;

use prevent_core::FormSchema;

/// The protective marking of this app's records, screens and files: training material in the
/// trainer's bundle (issue 7), OFFICIAL-SENSITIVE otherwise. Passed to the core in every
/// `Context` (`services::clock::context`).
pub fn marking() -> &'static str {
    if cfg!(feature = "trainer") {
        prevent_core::TRAINING_MARKING
    } else {
        prevent_core::PROTECTIVE_MARKING
    }
}
use route::Form;
use std::sync::OnceLock;

/// The schema of a form. Each bundle builds only its own form's schema: the other form's
/// pages are never rendered there (they load the other bundle; docs/decisions/0009-bundles.md),
/// so asking for it gives this bundle's own.
pub fn schema(form: Form) -> &'static FormSchema {
    #[cfg(feature = "officer")]
    {
        match form {
            Form::Plp => plp(),
            Form::PlpReview => plp_review(),
            Form::PlpClosure => plp_closure(),
            Form::PlpPanel => plp_panel(),
            Form::PlpSubmission => plp_submission(),
            _ => pga(),
        }
    }
    #[cfg(not(feature = "officer"))]
    {
        let _ = form;
        nrf()
    }
}

/// The Prevent Gateway Assessment schema, built once from the DIF framework in use (the
/// force's replacement from settings, else the default).
#[cfg(feature = "officer")]
pub fn pga() -> &'static FormSchema {
    static PGA: OnceLock<FormSchema> = OnceLock::new();
    PGA.get_or_init(|| prevent_core::pga_form::schema(&services::framework::current()))
}

/// The PLP entry schema, built once from the DIF framework in use.
#[cfg(feature = "officer")]
pub fn plp() -> &'static FormSchema {
    static PLP: OnceLock<FormSchema> = OnceLock::new();
    PLP.get_or_init(|| prevent_core::plp_form::schema(&services::framework::current()))
}

/// The PLP reassessment schema, built once from the DIF framework in use.
#[cfg(feature = "officer")]
pub fn plp_review() -> &'static FormSchema {
    static REVIEW: OnceLock<FormSchema> = OnceLock::new();
    REVIEW.get_or_init(|| prevent_core::plp_form::review_schema(&services::framework::current()))
}

/// The PLP closure schema, built once.
#[cfg(feature = "officer")]
pub fn plp_closure() -> &'static FormSchema {
    static CLOSURE: OnceLock<FormSchema> = OnceLock::new();
    CLOSURE.get_or_init(prevent_core::plp_form::closure_schema)
}

/// The PLP panel schema, built once.
#[cfg(feature = "officer")]
pub fn plp_panel() -> &'static FormSchema {
    static PANEL: OnceLock<FormSchema> = OnceLock::new();
    PANEL.get_or_init(prevent_core::plp_form::panel_schema)
}

/// The schema of a submission to the FIMU on a PLP case (INT-1), built once.
#[cfg(feature = "officer")]
pub fn plp_submission() -> &'static FormSchema {
    static SUBMISSION: OnceLock<FormSchema> = OnceLock::new();
    SUBMISSION.get_or_init(prevent_core::plp_form::submission_schema)
}

/// The National Referral Form schema, built once.
pub fn nrf() -> &'static FormSchema {
    static NRF: OnceLock<FormSchema> = OnceLock::new();
    NRF.get_or_init(prevent_core::nrf::schema)
}
