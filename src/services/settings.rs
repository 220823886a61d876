//! The user's settings (division, own holidays) in localStorage, as a versioned JSON object.
//! A corrupt or newer entry is never overwritten silently: loading reports it and the app uses
//! the defaults until the user saves.

use crate::services::LocalBackend;
use prevent_core::calendar::CalendarSettings;
use prevent_core::store::{KvBackend, StoreError};
use serde::{Deserialize, Serialize};

/// Storage key.
pub const KEY: &str = "pct.settings";

#[derive(Serialize, Deserialize)]
struct Stored {
    version: u32,
    calendar: CalendarSettings,
}

/// The saved settings; the defaults when none are saved; an error message when the saved
/// entry cannot be read.
pub fn load() -> Result<CalendarSettings, String> {
    match LocalBackend::new().get(KEY) {
        Ok(None) => Ok(CalendarSettings::default()),
        Ok(Some(text)) => serde_json::from_str::<Stored>(&text)
            .ok()
            .filter(|s| s.version == 1)
            .map(|s| s.calendar)
            .ok_or_else(|| "Your saved settings could not be read, so the defaults (England and Wales, no added holidays) are in use. Saving will replace them.".to_string()),
        Err(e) => Err(StoreError::from(e).to_string()),
    }
}

/// Whether the user has saved settings on this device (otherwise the officers' app starts from
/// the deployment settings' default division: issue 20, item 1).
pub fn saved() -> bool {
    matches!(LocalBackend::new().get(KEY), Ok(Some(_)))
}

/// Saves the settings.
pub fn save(settings: &CalendarSettings) -> Result<(), String> {
    let text = serde_json::to_string(&Stored {
        version: 1,
        calendar: settings.clone(),
    })
    .map_err(|e| e.to_string())?;
    LocalBackend::new()
        .set(KEY, &text)
        .map_err(|e| StoreError::from(e).to_string())
}
