//! Whether the browser's storage for the toolkit is full (issue 16, item 7, "full storage never
//! hides the way out"). The gate lets the user in when storage is full (`vault::state`); every
//! page then says so at the top, with how to free room (`app::Shell`).
//!
//! Browsers do not say how much of localStorage is left, so this asks it to keep a small entry:
//! refused for want of room (`QuotaExceededError`), storage is full. The probe is 1 kB, about
//! what a short draft takes, so "full" means there is no room left for any change worth saving.

use crate::services::LocalBackend;
use prevent_core::store::{KvBackend, KvError};

/// The probe's key (the gate's own probe uses it too, so nothing else is ever kept under it).
const PROBE: &str = "pct.probe";

/// Whether storage refuses a 1 kB entry for want of room. Writes and removes the probe.
pub fn is_full() -> bool {
    let b = LocalBackend::new();
    match b.set(PROBE, &"0".repeat(1024)) {
        Ok(()) => {
            let _ = b.remove(PROBE);
            false
        }
        Err(e) => e == KvError::QuotaExceeded,
    }
}
