//! The draft store over the browser's localStorage. All logic (envelopes, revisions,
//! refusing stale writes, sealing) is in `prevent_core::store` and `prevent_core::vault`; this
//! file only adapts the Storage API. The store the app runs is the core's tested composition,
//! `KvStore<VaultBackend<LocalBackend>>` (issue 16, item 3), sealing with this tab's session
//! (`services::vault`), which lives in memory only.
//! `localStorage.setItem` replaces a value entirely or throws (QuotaExceededError) leaving it
//! as it was, which is what `KvBackend::set` requires.

use prevent_core::people::{self, Personal};
use prevent_core::store::{KvBackend, KvError, KvStore, StoreError, INDEX_KEY};
use prevent_core::vault::VaultBackend;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen]
extern "C" {
    /// The Storage API, for one call web-sys does not have.
    #[wasm_bindgen(js_name = Storage)]
    type RawStorage;
    /// `Storage.getItem`, its value left a JavaScript string: [`LocalBackend::stamp`] reads only
    /// the start of it, rather than copying the whole entry into WebAssembly.
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item_js(this: &RawStorage, key: &str) -> Result<JsValue, JsValue>;
}

/// Deletes a record (issue 16, item 4): a final one (a finished referral, a finalised
/// assessment) leaves its tombstone (id, reference, content digest) in the sealed manifest, so
/// that an altered copy cannot come back under its id. Returns what was stored, for undo.
pub fn delete(id: &str) -> Result<Option<prevent_core::store::Envelope>, StoreError> {
    let s = store();
    let Some(env) = s.load_now(id)? else {
        return Ok(None);
    };
    let schema = |form: &str| crate::schema(crate::route::Form::of(form));
    let tomb = env.open().ok().and_then(|d| {
        prevent_core::tombstone::of(&d, schema(&d.form), &crate::services::clock::now())
    });
    match tomb {
        Some(t) => s.delete_final(id, &t),
        None => s.delete_now(id),
    }
}

/// Undoes [`delete`]: the record is saved back, and the tombstone it left is lifted.
pub fn undelete(env: prevent_core::store::Envelope) -> Result<(), StoreError> {
    let s = store();
    let id = env.id.clone();
    s.save_now(env, None)?;
    for t in s.tombstones()?.iter().filter(|t| t.id == id) {
        s.lift_tombstone(t)?;
    }
    Ok(())
}

/// localStorage as a [`KvBackend`], entries as they are stored: the vault's layer
/// ([`VaultBackend`]) seals and opens the records above it.
///
/// The list's index ([`INDEX_KEY`], sealed like the records: `prevent_core::store::list_now`)
/// is kept in this tab's sessionStorage instead: a thousand records nearly fill localStorage,
/// and a cache must never take room a record needs. It is listed among the keys, so that a
/// passphrase change seals it again with the records (`prevent_core::vault::rekey`); each tab
/// keeps its own, checked entry by entry against what localStorage holds.
pub struct LocalBackend {
    storage: Result<web_sys::Storage, String>,
}

/// The app's draft store: the core's vault over this tab's person's view of localStorage
/// (`prevent_core::people`: person 1's keys are today's, person N's under `pct.pN.`).
pub type Store = KvStore<VaultBackend<'static, Personal<LocalBackend>>>;

/// Opens the draft store of this tab's person: sealing with this tab's unlocked session, or
/// refusing every record while locked. The trainer's bundle keeps fictional records, in clear
/// and apart (one person).
pub fn store() -> Store {
    let b = Personal::new(LocalBackend::new(), crate::services::vault::person());
    if crate::bundle::current().paths.training {
        return KvStore::new(VaultBackend::clear(b));
    }
    // Vaulted: an entry in clear was not written by this toolkit, and is set aside (issue 16,
    // item 5; `prevent_core::manifest`).
    KvStore::vaulted(match crate::services::vault::session() {
        Some(s) => VaultBackend::unlocked(b, s),
        None => VaultBackend::locked(b),
    })
}

impl LocalBackend {
    /// localStorage, or the reason it cannot be used.
    pub fn new() -> Self {
        let storage = web_sys::window()
            .ok_or_else(|| "no window".to_string())
            .and_then(|w| {
                w.local_storage()
                    .map_err(|_| "storage is blocked".to_string())
            })
            .and_then(|s| s.ok_or_else(|| "storage is turned off".to_string()));
        LocalBackend { storage }
    }

    fn s(&self) -> Result<&web_sys::Storage, KvError> {
        self.storage
            .as_ref()
            .map_err(|why| KvError::Unavailable(why.clone()))
    }

    /// The storage that keeps `key`: localStorage, or sessionStorage for the list's index
    /// (each person's).
    fn area(&self, key: &str) -> Result<web_sys::Storage, KvError> {
        if people::unprefixed(key) == INDEX_KEY {
            return session();
        }
        self.s().cloned()
    }
}

/// This tab's sessionStorage.
fn session() -> Result<web_sys::Storage, KvError> {
    web_sys::window()
        .and_then(|w| w.session_storage().ok().flatten())
        .ok_or_else(|| KvError::Unavailable("session storage is turned off".into()))
}

impl Default for LocalBackend {
    fn default() -> Self {
        Self::new()
    }
}

fn err(e: JsValue) -> KvError {
    let name = e
        .dyn_ref::<web_sys::DomException>()
        .map(|d| d.name())
        .unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        KvError::QuotaExceeded
    } else {
        KvError::Unavailable(if name.is_empty() {
            "storage error".into()
        } else {
            name
        })
    }
}

/// Where the trainer's bundle keeps everything: training records, settings and scenarios live
/// under their own prefix, apart from real records (issue 7). The other bundles never list
/// these keys as their own.
pub const TRAINING_PREFIX: &str = "pct.training.";

/// The stored key of an app key: the same, or under [`TRAINING_PREFIX`] in the trainer's
/// bundle ("pct.draft.x" -> "pct.training.draft.x").
fn stored(key: &str) -> std::borrow::Cow<'_, str> {
    if crate::bundle::current().paths.training {
        format!(
            "{TRAINING_PREFIX}{}",
            key.strip_prefix("pct.").unwrap_or(key)
        )
        .into()
    } else {
        key.into()
    }
}

/// The app key of a stored key, when it is this bundle's.
fn app_key(stored: String) -> Option<String> {
    if crate::bundle::current().paths.training {
        stored
            .strip_prefix(TRAINING_PREFIX)
            .map(|k| format!("pct.{k}"))
    } else {
        (!stored.starts_with(TRAINING_PREFIX)).then_some(stored)
    }
}

impl KvBackend for LocalBackend {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        self.area(key)?.get_item(&stored(key)).map_err(err)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        self.area(key)?.set_item(&stored(key), value).map_err(err)
    }
    fn remove(&self, key: &str) -> Result<(), KvError> {
        self.area(key)?.remove_item(&stored(key)).map_err(err)
    }
    fn keys(&self) -> Result<Vec<String>, KvError> {
        let s = self.s()?;
        let n = s.length().map_err(err)?;
        let mut keys: Vec<String> = (0..n)
            .filter_map(|i| s.key(i).ok().flatten())
            .filter_map(app_key)
            .collect();
        // The list's index of this tab's person (`Personal` lists no one else's).
        let index = crate::services::vault::person().stored(INDEX_KEY);
        if session().is_ok_and(|t| t.get_item(&stored(&index)).ok().flatten().is_some()) {
            keys.push(index);
        }
        Ok(keys)
    }
    /// The stamp of a sealed entry (`prevent_core::store::stamp`: its nonce and length), read
    /// from the start of the stored string without opening it; none in the trainer's bundle,
    /// which keeps its fictional records in clear.
    fn stamp(&self, key: &str) -> Result<Option<String>, KvError> {
        if crate::bundle::current().paths.training {
            return Ok(None);
        }
        // From the storage that keeps it: the index's stamp is in sessionStorage (a vaulted
        // store reads no index without one).
        let area = self.area(key)?;
        let raw: &RawStorage = area.unchecked_ref();
        let value = raw.get_item_js(&stored(key)).map_err(err)?;
        let Some(text) = value.dyn_ref::<js_sys::JsString>() else {
            return Ok(None);
        };
        let head = text.slice(0, prevent_core::store::STAMP_HEAD_CHARS as u32);
        Ok(head
            .as_string()
            .and_then(|h: String| prevent_core::store::stamp(&h, text.length() as usize)))
    }
}

/// Deletes everything this toolkit keeps in this browser (every person's records and drafts,
/// the settings and the DIF framework: every `pct.` key; issue 8, "wipe all data on this
/// device"). Returns
/// how many entries were removed; other sites' data on the origin is left alone. The
/// trainer's bundle deletes only training material.
pub fn wipe() -> Result<usize, KvError> {
    let b = LocalBackend::new();
    let s = b.s()?;
    let n = s.length().map_err(err)?;
    let prefix = if crate::bundle::current().paths.training {
        TRAINING_PREFIX
    } else {
        "pct."
    };
    let ours: Vec<String> = (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect();
    for k in &ours {
        s.remove_item(k).map_err(err)?;
    }
    // The lists' indexes in this tab, too (not counted: copies of what went).
    if let Ok(t) = session() {
        for k in [
            INDEX_KEY.to_string(),
            crate::services::vault::person().stored(INDEX_KEY),
        ] {
            let _ = t.remove_item(&stored(&k));
        }
    }
    Ok(ours.len())
}
