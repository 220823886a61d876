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
use std::sync::OnceLock;

/// The National Referral Form schema, built once.
pub fn nrf() -> &'static FormSchema {
    static NRF: OnceLock<FormSchema> = OnceLock::new();
    NRF.get_or_init(prevent_core::nrf::schema)
}
