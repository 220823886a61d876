//! What every page can reach (issue 17: a hook, so that pages do not reach up into the shell):
//! the last deleted draft, for undo, and the user's settings. `app::App` provides them.

use prevent_core::calendar::CalendarSettings;
use prevent_core::store::Envelope;
use yew::prelude::*;

/// The draft deleted most recently, kept in memory so the drafts page can offer undo.
pub type UndoHandle = UseStateHandle<Option<Envelope>>;

/// The user's settings (division, own holidays), loaded once and shared; the settings page
/// saves and replaces them. The error is set when the saved entry could not be read.
#[derive(Clone, PartialEq)]
pub struct Settings {
    /// Calendar settings in use.
    pub calendar: CalendarSettings,
    /// Why the saved settings could not be read, if they could not.
    pub problem: Option<String>,
}

/// Shared settings.
pub type SettingsHandle = UseStateHandle<Settings>;

/// What every page can reach: one context rather than one per item, since each context type
/// adds generic code to the download.
#[derive(Clone, PartialEq)]
pub struct AppContext {
    /// The last deleted draft, for undo.
    pub undo: UndoHandle,
    /// The user's settings.
    pub settings: SettingsHandle,
    /// The vault in this tab (`services::vault::state`): the shell gates the pages that show
    /// or store a record on it; a page that stores one only when asked (the partners' start
    /// page) shows the gate itself then.
    pub vault: UseStateHandle<crate::services::vault::State>,
}

/// The undo slot, inside the app.
#[hook]
pub fn use_undo() -> UndoHandle {
    use_context::<AppContext>().expect("inside App").undo
}

/// The vault's state in this tab, inside the app: setting it opens every page behind it.
#[hook]
pub fn use_vault_state() -> UseStateHandle<crate::services::vault::State> {
    use_context::<AppContext>().expect("inside App").vault
}

/// The settings, inside the app.
#[hook]
pub fn use_settings() -> SettingsHandle {
    use_context::<AppContext>().expect("inside App").settings
}
