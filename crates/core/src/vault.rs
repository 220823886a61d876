//! Encryption at rest of every stored record and draft (issue 8; DESIGN.md "Principles").
//!
//! The store ([`crate::store::KvStore`]) is unchanged and synchronous: [`VaultBackend`] wraps
//! the browser's key-value backend and seals each draft entry (`pct.draft.<id>`) on write and
//! opens it on read, with AES-256-GCM under a key the app derives from the user's passphrase
//! (PBKDF2-SHA256, [`sealed::ITERATIONS`] iterations, in the browser's WebCrypto). Every write
//! takes a fresh nonce ([`NonceSequence`]) and binds the ciphertext to its storage key (the
//! record's id), so an entry moved to another record does not open.
//!
//! The vault's record (`pct.vault`, [`Meta`]) holds the salt and a check value sealed under the
//! key, so a wrong passphrase is told apart from a damaged entry, and changes nothing.
//!
//! Changing the passphrase ([`rekey`]) re-encrypts everything so that a failure at any point
//! leaves every entry readable with one passphrase: every entry is first written again under
//! the new key beside the old one (`pct.rekey.`); only when all are written is the new record
//! stored as `pct.vault.next`, the commit point; the entries are then moved over and the new
//! record replaces the old. [`recover`] finishes a change that was committed and interrupted,
//! and takes back one that was not. Turning encryption on over drafts kept in clear is the
//! same procedure with no old key.

use crate::sealed::{self, NonceSequence, Sealed, NONCE_LEN, SALT_LEN};
use crate::store::{KvBackend, KvError, INDEX_KEY, KEY_PREFIX};
use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;

/// The vault's record.
pub const META_KEY: &str = "pct.vault";
/// The new record while a passphrase change is being applied (its commit point).
pub const NEXT_META_KEY: &str = "pct.vault.next";
/// Where entries are written under the new key before the change commits.
pub const REKEY_PREFIX: &str = "pct.rekey.";
/// What the check value holds.
const CHECK: &str = "prevent-toolkit/vault-check/1";
/// The shortest passphrase accepted.
pub const MIN_PASSPHRASE_CHARS: usize = 10;

/// A 256-bit key, wiped from memory when dropped.
pub struct Key([u8; 32]);

impl Key {
    /// A key from the 32 bytes PBKDF2 derived.
    pub fn new(bytes: [u8; 32]) -> Key {
        Key(bytes)
    }

    fn cipher(&self) -> Aes256Gcm {
        Aes256Gcm::new((&self.0).into())
    }
}

impl Drop for Key {
    fn drop(&mut self) {
        for b in self.0.iter_mut() {
            // Volatile so that the wipe is not optimised away.
            unsafe { std::ptr::write_volatile(b, 0) };
        }
    }
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(..)")
    }
}

/// The vault's record: how the key is derived, and a value that opens only under it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Format version (1).
    pub v: u32,
    /// The scheme ([`sealed::SCHEME`]).
    pub scheme: String,
    /// PBKDF2 iterations.
    pub iterations: u32,
    /// PBKDF2 salt, base64.
    pub salt: String,
    /// [`CHECK`] sealed under the key.
    pub check: String,
}

impl Meta {
    /// The record of a new key: its salt, and the check value sealed under it.
    pub fn new(
        key: &Key,
        salt: [u8; SALT_LEN],
        nonces: &mut NonceSequence,
    ) -> Result<Meta, VaultError> {
        use base64::Engine;
        let check = seal_with(key, &salt, nonces, META_KEY, CHECK)?;
        Ok(Meta {
            v: 1,
            scheme: sealed::SCHEME.into(),
            iterations: sealed::ITERATIONS,
            salt: base64::engine::general_purpose::STANDARD.encode(salt),
            check,
        })
    }

    /// Reads a stored record, refusing one this version cannot use.
    pub fn parse(text: &str) -> Result<Meta, VaultError> {
        let m: Meta = serde_json::from_str(text).map_err(|_| VaultError::Damaged)?;
        if m.v != 1 || m.scheme != sealed::SCHEME || m.iterations < sealed::ITERATIONS {
            return Err(VaultError::Damaged);
        }
        m.salt_bytes()?;
        // A check value that is not even a sealed payload is damage, not a wrong passphrase.
        sealed::decode(&m.check).map_err(|_| VaultError::Damaged)?;
        Ok(m)
    }

    /// The salt's bytes.
    pub fn salt_bytes(&self) -> Result<[u8; SALT_LEN], VaultError> {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD
            .decode(&self.salt)
            .ok()
            .and_then(|s| s.try_into().ok())
            .ok_or(VaultError::Damaged)
    }

    /// Whether `key` is this vault's: the check value opens under it.
    pub fn verifies(&self, key: &Key) -> bool {
        open_with(key, META_KEY, &self.check).as_deref() == Ok(CHECK)
    }

    fn to_text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Why a vault operation failed. The `Display` text is what the user is told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VaultError {
    /// The passphrase does not open the vault. Nothing was changed.
    WrongPassphrase,
    /// The passphrase is too short.
    TooShort,
    /// The vault's record is damaged or of a version this app cannot read.
    Damaged,
    /// Every nonce of this unlock is spent: lock and unlock again.
    NoncesSpent,
    /// Encryption was turned on already (in another tab, say): unlock with that passphrase.
    AlreadySet,
    /// The storage refused a write (full, or blocked); `committed` says whether the change had
    /// already committed (then the new passphrase is the one, and unlocking finishes it).
    Storage { why: String, committed: bool },
}

impl std::fmt::Display for VaultError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            VaultError::WrongPassphrase => f.write_str("The passphrase is not right. Nothing has been changed: try again"),
            VaultError::TooShort => write!(f, "Enter a passphrase of at least {MIN_PASSPHRASE_CHARS} characters"),
            VaultError::Damaged => f.write_str("The toolkit's key record in this browser is damaged, so the encrypted drafts cannot be opened"),
            VaultError::NoncesSpent => f.write_str("Lock the toolkit and unlock it again to keep saving"),
            VaultError::AlreadySet => f.write_str("A passphrase has just been set on this device, in another tab or window: reload this page and unlock with it"),
            VaultError::Storage { why, committed: false } => write!(f, "The passphrase was not changed: the browser refused to store the re-encrypted drafts ({why}). Everything still opens with your old passphrase"),
            VaultError::Storage { why, committed: true } => write!(f, "The passphrase change could not finish ({why}). Your new passphrase is the one: unlock with it to finish the change"),
        }
    }
}

/// Checks a new passphrase: long enough. (Its strength beyond length is the user's; PBKDF2
/// makes each guess cost.)
pub fn check_passphrase(p: &str) -> Result<(), VaultError> {
    if p.chars().count() < MIN_PASSPHRASE_CHARS {
        Err(VaultError::TooShort)
    } else {
        Ok(())
    }
}

/// Checks a new passphrase typed twice: `Err((false, message))` when the passphrase itself is
/// refused, `Err((true, message))` when the confirmation does not match it.
pub fn check_new(passphrase: &str, confirm: &str) -> Result<(), (bool, String)> {
    check_passphrase(passphrase).map_err(|e| (false, e.to_string()))?;
    if confirm != passphrase {
        return Err((
            true,
            "The passphrases do not match: enter the same passphrase twice".into(),
        ));
    }
    Ok(())
}

fn aad(storage_key: &str) -> Vec<u8> {
    sealed::aad(storage_key, "vault-entry")
}

/// Seals `plain` for the entry `storage_key` (what [`VaultBackend`] writes).
pub fn seal_with(
    key: &Key,
    salt: &[u8],
    nonces: &mut NonceSequence,
    storage_key: &str,
    plain: &str,
) -> Result<String, VaultError> {
    let nonce = nonces.next_nonce().ok_or(VaultError::NoncesSpent)?;
    let ct = key
        .cipher()
        .encrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: plain.as_bytes(),
                aad: &aad(storage_key),
            },
        )
        .map_err(|_| VaultError::Damaged)?;
    Ok(sealed::encode(&Sealed {
        iterations: sealed::ITERATIONS,
        salt: salt.to_vec(),
        nonce,
        ct,
    }))
}

/// Why a stored entry did not open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenError {
    /// Not sealed at all (an entry from before encryption was turned on).
    Clear,
    /// Sealed, but it does not open with this key for this record: changed, moved, or sealed
    /// under another passphrase.
    Undecryptable,
}

/// Opens an entry written by [`seal_with`] for `storage_key`.
pub fn open_with(key: &Key, storage_key: &str, stored: &str) -> Result<String, OpenError> {
    let s = sealed::decode(stored).map_err(|e| match e {
        sealed::SealError::NotSealed => OpenError::Clear,
        _ => OpenError::Undecryptable,
    })?;
    let nonce: [u8; NONCE_LEN] = s.nonce;
    let plain = key
        .cipher()
        .decrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: &s.ct,
                aad: &aad(storage_key),
            },
        )
        .map_err(|_| OpenError::Undecryptable)?;
    String::from_utf8(plain).map_err(|_| OpenError::Undecryptable)
}

/// Whether an entry is kept encrypted: every record and draft, and the list's index of them
/// (their labels and statuses).
pub fn is_sealed_key(k: &str) -> bool {
    k.starts_with(KEY_PREFIX) || k == INDEX_KEY
}

/// A backend that seals the draft entries of another one, with the vault's key. An entry that
/// does not open is read as it is stored, which the store cannot parse: it is listed as
/// unreadable (quarantined) and never overwritten, while the rest load.
pub struct VaultBackend<'k, B> {
    inner: B,
    key: &'k Key,
    salt: [u8; SALT_LEN],
    nonces: RefCell<NonceSequence>,
}

impl<'k, B: KvBackend> VaultBackend<'k, B> {
    /// Wraps `inner` with the unlocked `key` of the vault whose salt is `salt`.
    pub fn new(inner: B, key: &'k Key, salt: [u8; SALT_LEN], nonces: NonceSequence) -> Self {
        VaultBackend {
            inner,
            key,
            salt,
            nonces: RefCell::new(nonces),
        }
    }

    /// The nonce sequence, to carry on with after this backend is dropped.
    pub fn into_nonces(self) -> NonceSequence {
        self.nonces.into_inner()
    }
}

impl<B: KvBackend> KvBackend for VaultBackend<'_, B> {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        let Some(stored) = self.inner.get(key)? else {
            return Ok(None);
        };
        if !is_sealed_key(key) {
            return Ok(Some(stored));
        }
        match open_with(self.key, key, &stored) {
            Ok(plain) => Ok(Some(plain)),
            // A clear entry from before encryption is read as it is (it is sealed when next
            // saved); one that does not open is returned sealed, so the store quarantines it.
            Err(_) => Ok(Some(stored)),
        }
    }

    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        if !is_sealed_key(key) {
            return self.inner.set(key, value);
        }
        let sealed = seal_with(
            self.key,
            &self.salt,
            &mut self.nonces.borrow_mut(),
            key,
            value,
        )
        .map_err(|e| KvError::Unavailable(e.to_string()))?;
        self.inner.set(key, &sealed)
    }

    fn remove(&self, key: &str) -> Result<(), KvError> {
        self.inner.remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, KvError> {
        self.inner.keys()
    }

    fn stamp(&self, key: &str) -> Result<Option<String>, KvError> {
        self.inner.stamp(key)
    }
}

fn storage(e: KvError, committed: bool) -> VaultError {
    VaultError::Storage {
        why: crate::store::StoreError::from(e).to_string(),
        committed,
    }
}

/// Re-encrypts every draft entry under `new` (with the record `new_meta`), from `old` (or from
/// clear entries when there is no old key: turning encryption on). Entries that do not open
/// with the old key are left as they are (quarantined). A failure before the commit point
/// takes back what was written and changes nothing; after it, [`recover`] with the new key
/// finishes the change. Returns how many records and drafts were re-encrypted.
pub fn rekey<B: KvBackend>(
    b: &B,
    old: Option<&Key>,
    new: &Key,
    new_meta: &Meta,
    nonces: &mut NonceSequence,
) -> Result<usize, VaultError> {
    let salt = new_meta.salt_bytes()?;
    if !new_meta.verifies(new) {
        return Err(VaultError::Damaged);
    }
    // Turning encryption on never replaces a vault another tab has just made.
    if old.is_none() && b.get(META_KEY).map_err(|e| storage(e, false))?.is_some() {
        return Err(VaultError::AlreadySet);
    }
    // Nothing staged by an earlier change that never committed comes back.
    for k in b.keys().map_err(|e| storage(e, false))? {
        if k.starts_with(REKEY_PREFIX) {
            b.remove(&k).map_err(|e| storage(e, false))?;
        }
    }
    let keys: Vec<String> = b
        .keys()
        .map_err(|e| storage(e, false))?
        .into_iter()
        .filter(|k| is_sealed_key(k))
        .collect();
    let mut written: Vec<String> = Vec::new();
    let undo = |written: &[String]| {
        for w in written {
            let _ = b.remove(w);
        }
    };
    for k in &keys {
        let Some(stored) = b.get(k).map_err(|e| storage(e, false))? else {
            continue;
        };
        let plain = match (old, open_with_opt(old, k, &stored)) {
            (_, Ok(p)) => p,
            // Clear entries are sealed now; undecryptable ones stay quarantined as they are.
            (_, Err(OpenError::Clear)) => stored,
            (_, Err(OpenError::Undecryptable)) => continue,
        };
        let sealed = match seal_with(new, &salt, nonces, k, &plain) {
            Ok(s) => s,
            Err(e) => {
                undo(&written);
                return Err(e);
            }
        };
        let staged = format!("{REKEY_PREFIX}{k}");
        if let Err(e) = b.set(&staged, &sealed) {
            undo(&written);
            return Err(storage(e, false));
        }
        written.push(staged);
    }
    // The commit point: from here the new passphrase is the one.
    if let Err(e) = b.set(NEXT_META_KEY, &new_meta.to_text()) {
        undo(&written);
        return Err(storage(e, false));
    }
    // The records and drafts re-encrypted (the list's index with them is not one).
    let records = written
        .iter()
        .filter(|w| w[REKEY_PREFIX.len()..].starts_with(KEY_PREFIX))
        .count();
    finish(b).map(|()| records)
}

fn open_with_opt(key: Option<&Key>, storage_key: &str, stored: &str) -> Result<String, OpenError> {
    match key {
        Some(k) => open_with(k, storage_key, stored),
        None => match sealed::decode(stored) {
            Err(sealed::SealError::NotSealed) => Err(OpenError::Clear),
            _ => Err(OpenError::Undecryptable),
        },
    }
}

/// Moves the staged entries over the old ones and makes the new record the vault's.
fn finish<B: KvBackend>(b: &B) -> Result<(), VaultError> {
    let staged: Vec<String> = b
        .keys()
        .map_err(|e| storage(e, true))?
        .into_iter()
        .filter(|k| k.starts_with(REKEY_PREFIX))
        .collect();
    for s in &staged {
        if let Some(v) = b.get(s).map_err(|e| storage(e, true))? {
            b.set(&s[REKEY_PREFIX.len()..], &v)
                .map_err(|e| storage(e, true))?;
        }
        b.remove(s).map_err(|e| storage(e, true))?;
    }
    let next = b
        .get(NEXT_META_KEY)
        .map_err(|e| storage(e, true))?
        .ok_or(VaultError::Damaged)?;
    b.set(META_KEY, &next).map_err(|e| storage(e, true))?;
    b.remove(NEXT_META_KEY).map_err(|e| storage(e, true))?;
    Ok(())
}

/// What unlocking finds in storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// No vault yet: encryption is turned on with a new passphrase (first use). `clear` counts
    /// the drafts kept in clear that it will encrypt.
    None { clear: usize },
    /// A vault, with its record.
    Vault(Meta),
    /// A passphrase change that committed and did not finish: the new record, whose
    /// passphrase finishes it.
    Interrupted(Meta),
}

/// Reads the vault's state, first taking back a passphrase change that never committed (its
/// staged entries are removed: the old passphrase is still the one).
pub fn find<B: KvBackend>(b: &B) -> Result<Found, VaultError> {
    if let Some(next) = b.get(NEXT_META_KEY).map_err(|e| storage(e, false))? {
        return Ok(Found::Interrupted(Meta::parse(&next)?));
    }
    for k in b.keys().map_err(|e| storage(e, false))? {
        if k.starts_with(REKEY_PREFIX) {
            b.remove(&k).map_err(|e| storage(e, false))?;
        }
    }
    match b.get(META_KEY).map_err(|e| storage(e, false))? {
        Some(m) => Ok(Found::Vault(Meta::parse(&m)?)),
        None => Ok(Found::None {
            clear: b
                .keys()
                .map_err(|e| storage(e, false))?
                .iter()
                .filter(|k| k.starts_with(KEY_PREFIX))
                .count(),
        }),
    }
}

/// Unlocks with `key`: checks it against the vault's record, and finishes an interrupted
/// passphrase change (whose new passphrase must be the one given). A wrong key changes nothing.
pub fn recover<B: KvBackend>(b: &B, found: &Found, key: &Key) -> Result<(), VaultError> {
    match found {
        Found::None { .. } => Ok(()),
        Found::Vault(m) => m
            .verifies(key)
            .then_some(())
            .ok_or(VaultError::WrongPassphrase),
        Found::Interrupted(next) => {
            if !next.verifies(key) {
                return Err(VaultError::WrongPassphrase);
            }
            finish(b)
        }
    }
}
