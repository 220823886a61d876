//! The DIF framework in use: a force's replacement file, saved in localStorage after it has
//! been validated in full (`prevent_core::dif::load`), else the default set. A bad file is
//! refused with every problem named and changes nothing.

use crate::services::LocalBackend;
use prevent_core::dif::{self, Framework};
use prevent_core::store::{KvBackend, StoreError};

/// Storage key.
pub const KEY: &str = "pct.framework";

/// The framework in use. A saved file that no longer loads (it was validated when saved, so
/// only a hand-edited entry) falls back to the default.
pub fn current() -> Framework {
    LocalBackend::new()
        .get(KEY)
        .ok()
        .flatten()
        .and_then(|text| dif::load(&text).ok())
        .unwrap_or_else(dif::default_framework)
}

/// Validates and saves a replacement framework file. On any problem nothing is saved and
/// every problem is returned, as shown to the user.
pub fn replace(text: &str) -> Result<Framework, Vec<String>> {
    let framework =
        dif::load(text).map_err(|errs| errs.iter().map(|e| e.message()).collect::<Vec<_>>())?;
    LocalBackend::new()
        .set(KEY, text)
        .map_err(|e| vec![StoreError::from(e).to_string()])?;
    Ok(framework)
}

/// Goes back to the default framework.
pub fn reset() -> Result<(), String> {
    LocalBackend::new()
        .remove(KEY)
        .map_err(|e| StoreError::from(e).to_string())
}
