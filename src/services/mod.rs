//! Side effects behind small, swappable pieces: browser storage, the clock, ids and downloads.
//! Only hooks and event handlers call these; reducers and the core never do.

pub mod clock;
pub mod crypto;
pub mod deployment;
pub mod download;
pub mod fetched;
pub mod focus;
pub mod framework;
pub mod local_store;
pub mod offline;
pub mod protected;
pub mod quota;
pub mod records;
pub mod settings;
pub mod training;
pub mod vault;

pub use local_store::{store, LocalBackend, Store};

/// A new random draft id (UUID v4, from the browser's crypto RNG).
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}
