//! Encryption at rest in the browser (issue 8): the vault's key for this tab, and unlocking,
//! turning encryption on, changing the passphrase and locking. Every rule is in
//! `prevent_core::vault`; this holds the key and talks to the browser.
//!
//! The key is derived from the passphrase with the browser's PBKDF2 (600,000 iterations) and
//! kept in this tab's memory and its `sessionStorage` (so that moving between the partners' and
//! the officers' pages, or reloading, does not ask again: "unlock per session"). Locking (now,
//! or after the idle time) removes it and reloads the page, which clears the decrypted drafts
//! from memory and the screen. Nothing of the key is ever in `localStorage`, where the drafts
//! are kept sealed. The trainer's bundle keeps fictional records and has no vault.

use crate::services::crypto;
use crate::services::LocalBackend;
use prevent_core::sealed::{NonceSequence, SALT_LEN};
use prevent_core::store::KvBackend;
use prevent_core::vault::{self, Found, Key, Meta, OpenError, VaultError};
use std::cell::RefCell;

/// Where this tab keeps the unlocked key (base64 of the key and the salt).
const SESSION_KEY: &str = "pct.session";
/// The idle time before locking, in minutes (a plain setting).
pub const AUTOLOCK_KEY: &str = "pct.autolock";
/// The default idle time (issue 8: 15 minutes).
pub const DEFAULT_AUTOLOCK_MINUTES: u32 = 15;

struct Unlocked {
    key: Key,
    salt: [u8; SALT_LEN],
    nonces: NonceSequence,
}

thread_local! {
    static UNLOCKED: RefCell<Option<Unlocked>> = const { RefCell::new(None) };
}

/// Where the vault is, for the gate in front of every page that shows or stores a record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum State {
    /// The browser keeps nothing for this site (private mode, storage turned off): said before
    /// the user types anything.
    Unavailable(String),
    /// No passphrase yet: set one (first use). `clear` drafts from before will be encrypted.
    New { clear: usize },
    /// Locked: enter the passphrase.
    Locked,
    /// A passphrase change was cut short after it committed: the new passphrase finishes it.
    Interrupted,
    /// Unlocked in this tab.
    Unlocked,
}

fn raw() -> LocalBackend {
    LocalBackend::raw()
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.session_storage().ok().flatten())
}

fn b64() -> base64::engine::GeneralPurpose {
    base64::engine::general_purpose::STANDARD
}

/// Keeps `key` for this tab: in memory, and in `sessionStorage` for the next page load.
fn keep(key: Key, salt: [u8; SALT_LEN], bytes: &[u8; 32]) -> Result<(), String> {
    use base64::Engine;
    let prefix = crypto::random::<8>().map_err(|e| e.to_string())?;
    if let Some(s) = session() {
        let mut both = bytes.to_vec();
        both.extend_from_slice(&salt);
        let _ = s.set_item(SESSION_KEY, &b64().encode(&both));
    }
    UNLOCKED.with(|u| {
        *u.borrow_mut() = Some(Unlocked {
            key,
            salt,
            nonces: NonceSequence::new(prefix),
        })
    });
    Ok(())
}

/// Takes up the key this tab unlocked on an earlier page load, if it still opens the vault.
fn resume() -> bool {
    use base64::Engine;
    if UNLOCKED.with(|u| u.borrow().is_some()) {
        return true;
    }
    let Some(text) = session().and_then(|s| s.get_item(SESSION_KEY).ok().flatten()) else {
        return false;
    };
    let Some(both) = b64().decode(text).ok().filter(|b| b.len() == 32 + SALT_LEN) else {
        return false;
    };
    let mut bytes = [0u8; 32];
    bytes.copy_from_slice(&both[..32]);
    let mut salt = [0u8; SALT_LEN];
    salt.copy_from_slice(&both[32..]);
    let meta = vault::find(&raw());
    let ok = matches!(&meta, Ok(Found::Vault(m)) if m.verifies(&Key::new(bytes)) && m.salt_bytes().ok() == Some(salt));
    ok && keep(Key::new(bytes), salt, &bytes).is_ok()
}

/// The vault's state in this tab.
pub fn state() -> State {
    if cfg!(feature = "trainer") {
        return State::Unlocked;
    }
    let b = raw();
    // Can the browser keep anything at all? (Private modes may refuse every write.) Storage
    // that is full (it refuses for want of room, and holds something) can: the user must still
    // unlock, reach the records hub, download and delete to free room (issue 16, item 7). An
    // empty storage refusing for want of room has no room at all (a private mode's zero quota).
    if let Err(e) = b.set("pct.probe", "1").and_then(|()| b.remove("pct.probe")) {
        let full = e == prevent_core::store::KvError::QuotaExceeded
            && b.keys().is_ok_and(|k| !k.is_empty());
        if !full {
            return State::Unavailable(prevent_core::store::StoreError::from(e).to_string());
        }
    }
    if resume() {
        return State::Unlocked;
    }
    match vault::find(&b) {
        Ok(Found::None { clear }) => State::New { clear },
        Ok(Found::Vault(_)) => State::Locked,
        Ok(Found::Interrupted(_)) => State::Interrupted,
        Err(e) => State::Unavailable(e.to_string()),
    }
}

/// Whether draft entries can be read and written in this tab now.
pub fn is_unlocked() -> bool {
    cfg!(feature = "trainer") || resume()
}

/// Seals a draft entry for storage (`LocalBackend::set`). Locked: refused.
pub fn seal(storage_key: &str, plain: &str) -> Result<String, String> {
    if !resume() {
        return Err("The toolkit is locked: unlock it to save".into());
    }
    UNLOCKED.with(|u| {
        let mut u = u.borrow_mut();
        let u = u
            .as_mut()
            .ok_or("The toolkit is locked: unlock it to save")?;
        vault::seal_with(&u.key, &u.salt, &mut u.nonces, storage_key, plain)
            .map_err(|e| e.to_string())
    })
}

/// Opens a stored draft entry (`LocalBackend::get`). One that does not open is returned as
/// stored, so the store lists it as unreadable (quarantined) and never overwrites it.
pub fn open(storage_key: &str, stored: String) -> Result<String, String> {
    if !resume() {
        return Err("The toolkit is locked: unlock it to see your drafts".into());
    }
    UNLOCKED.with(|u| {
        let u = u.borrow();
        let u = u.as_ref().ok_or("The toolkit is locked")?;
        Ok(match vault::open_with(&u.key, storage_key, &stored) {
            Ok(plain) => plain,
            Err(OpenError::Clear) | Err(OpenError::Undecryptable) => stored,
        })
    })
}

async fn derive(passphrase: &str, salt: &[u8; SALT_LEN]) -> Result<([u8; 32], Key), String> {
    let bytes = crypto::derive_bits(passphrase, salt, prevent_core::sealed::ITERATIONS)
        .await
        .map_err(|e| e.to_string())?;
    Ok((bytes, Key::new(bytes)))
}

/// Unlocks with `passphrase` (finishing a passphrase change that was cut short). A wrong one
/// changes nothing.
pub async fn unlock(passphrase: &str) -> Result<(), String> {
    let b = raw();
    let found = vault::find(&b).map_err(|e| e.to_string())?;
    let meta = match &found {
        Found::Vault(m) | Found::Interrupted(m) => m.clone(),
        Found::None { .. } => return Err("No passphrase is set on this device yet".into()),
    };
    let salt = meta.salt_bytes().map_err(|e| e.to_string())?;
    let (bytes, key) = derive(passphrase, &salt).await?;
    vault::recover(&b, &found, &key).map_err(|e| e.to_string())?;
    keep(key, salt, &bytes)
}

/// Turns encryption on with a new passphrase (first use): every draft kept in clear is sealed.
pub async fn create(passphrase: &str) -> Result<usize, String> {
    vault::check_passphrase(passphrase).map_err(|e| e.to_string())?;
    let salt = crypto::random::<SALT_LEN>().map_err(|e| e.to_string())?;
    let (bytes, key) = derive(passphrase, &salt).await?;
    let mut nonces = NonceSequence::new(crypto::random::<8>().map_err(|e| e.to_string())?);
    let meta = Meta::new(&key, salt, &mut nonces).map_err(|e| e.to_string())?;
    let b = raw();
    let n = vault::rekey(&b, None, &key, &meta, &mut nonces).map_err(|e| e.to_string())?;
    keep(key, salt, &bytes)?;
    Ok(n)
}

/// Changes the passphrase: `current` must open the vault; everything is sealed again under the
/// new one, all or nothing (`prevent_core::vault::rekey`).
pub async fn change(current: &str, new: &str) -> Result<usize, String> {
    vault::check_passphrase(new).map_err(|e| e.to_string())?;
    let b = raw();
    let Found::Vault(meta) = vault::find(&b).map_err(|e| e.to_string())? else {
        return Err(VaultError::Damaged.to_string());
    };
    let old_salt = meta.salt_bytes().map_err(|e| e.to_string())?;
    let (_, old) = derive(current, &old_salt).await?;
    if !meta.verifies(&old) {
        return Err(VaultError::WrongPassphrase.to_string());
    }
    let salt = crypto::random::<SALT_LEN>().map_err(|e| e.to_string())?;
    let (bytes, key) = derive(new, &salt).await?;
    let mut nonces = NonceSequence::new(crypto::random::<8>().map_err(|e| e.to_string())?);
    let next = Meta::new(&key, salt, &mut nonces).map_err(|e| e.to_string())?;
    let n = match vault::rekey(&b, Some(&old), &key, &next, &mut nonces) {
        Ok(n) => n,
        Err(e) => {
            // Committed but not finished: the old key must not write another entry.
            if matches!(
                e,
                VaultError::Storage {
                    committed: true,
                    ..
                }
            ) {
                forget();
            }
            return Err(e.to_string());
        }
    };
    keep(key, salt, &bytes)?;
    Ok(n)
}

/// Another tab changed the vault (a new passphrase, a wipe): this tab's key must write no more
/// (its entries would not open under the new one), so it is forgotten and the page reloads to
/// the unlock page. Called from the `storage` event.
pub fn changed_elsewhere(key: &str) {
    if key == vault::META_KEY || key == vault::NEXT_META_KEY {
        forget();
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    }
}

/// Forgets the key in this tab without reloading (after "wipe all data": the vault is gone).
pub fn forget() {
    if let Some(s) = session() {
        let _ = s.remove_item(SESSION_KEY);
    }
    UNLOCKED.with(|u| *u.borrow_mut() = None);
}

/// Locks now: the key leaves this tab, and the page reloads, which clears every decrypted
/// draft from memory and from the screen. (A draft being typed is saved first, on `pagehide`.)
pub fn lock() {
    if let Some(s) = session() {
        let _ = s.remove_item(SESSION_KEY);
    }
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// The idle time before locking, in minutes.
pub fn autolock_minutes() -> u32 {
    raw()
        .get(AUTOLOCK_KEY)
        .ok()
        .flatten()
        .and_then(|t| t.parse().ok())
        .filter(|m| [5, 15, 30, 60].contains(m))
        .unwrap_or(DEFAULT_AUTOLOCK_MINUTES)
}

/// Sets the idle time before locking.
pub fn set_autolock_minutes(m: u32) -> Result<(), String> {
    raw()
        .set(AUTOLOCK_KEY, &m.to_string())
        .map_err(|e| prevent_core::store::StoreError::from(e).to_string())
}
