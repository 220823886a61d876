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
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// The vault's record.
pub const META_KEY: &str = "pct.vault";
/// A spare copy of the vault's record, written with it, so that damage to one does not lock the
/// user out of intact entries (issue 16, item 6).
pub const META_COPY_KEY: &str = "pct.vault.copy";
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

    /// The key's bytes, to hand to another tab of the toolkit in memory (issue 16, item 1:
    /// never to storage).
    pub fn bytes(&self) -> [u8; 32] {
        self.0
    }

    fn cipher(&self) -> Aes256Gcm {
        Aes256Gcm::new((&self.0).into())
    }
}

impl Clone for Key {
    fn clone(&self) -> Key {
        Key(self.0)
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
    /// Whether the key was derived from the passphrase in Unicode NFC (issue 16, item 8): true
    /// for every record written since; a record from before is migrated when next unlocked.
    #[serde(default)]
    pub nfc: bool,
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
            nfc: true,
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

    /// The stored text of the record.
    pub fn to_text(&self) -> String {
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

/// What AES-256-GCM needs to open a sealed entry, split out of its stored text exactly as
/// [`open_with`] does (issue 22, item 5; docs/decisions/0029-bulk-decrypt.md): so that the app
/// can have the browser's WebCrypto open many entries at once, off the main thread, and hand
/// the plaintexts back ([`VaultBackend::opened_elsewhere`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parts {
    /// The nonce (AES-GCM's IV).
    pub nonce: [u8; NONCE_LEN],
    /// The ciphertext followed by its 16-byte tag (WebCrypto's input as it is).
    pub ct: Vec<u8>,
    /// The additional authenticated data: the entry's storage key ([`sealed::aad`]).
    pub aad: Vec<u8>,
}

/// Splits the stored text of entry `storage_key` into what AES-GCM opens ([`Parts`]); the
/// same errors as [`open_with`] for an entry in clear or one that is not a sealed payload.
pub fn parts(storage_key: &str, stored: &str) -> Result<Parts, OpenError> {
    let s = sealed::decode(stored).map_err(|e| match e {
        sealed::SealError::NotSealed => OpenError::Clear,
        _ => OpenError::Undecryptable,
    })?;
    Ok(Parts {
        nonce: s.nonce,
        ct: s.ct,
        aad: aad(storage_key),
    })
}

/// Opens an entry written by [`seal_with`] for `storage_key`.
pub fn open_with(key: &Key, storage_key: &str, stored: &str) -> Result<String, OpenError> {
    let p = parts(storage_key, stored)?;
    let plain = key
        .cipher()
        .decrypt(
            Nonce::from_slice(&p.nonce),
            Payload {
                msg: &p.ct,
                aad: &p.aad,
            },
        )
        .map_err(|_| OpenError::Undecryptable)?;
    String::from_utf8(plain).map_err(|_| OpenError::Undecryptable)
}

/// Entries opened elsewhere (issue 22, item 5; docs/decisions/0029-bulk-decrypt.md): for each
/// storage key, the exact sealed text that was opened and what it opened to. A plaintext is
/// given back only for that very text ([`Opened::get`]): an entry changed, moved, cut short
/// or put back since is opened by [`open_with`] as ever, and one that does not open is set
/// aside as ever. Held by one store for one listing or one download, in memory only, and
/// dropped with it.
#[derive(Debug, Default)]
pub struct Opened {
    /// (storage key, sealed text, plaintext), in the order they were kept: a listing reads
    /// them in that order, so a search starts after the last found ([`Opened::get`]). A list
    /// rather than a map, for download size (docs/size.md, "What costs bytes").
    entries: RefCell<Vec<(String, String, String)>>,
    at: Cell<usize>,
}

impl Opened {
    /// Keeps `plain`, what the stored text `sealed` of entry `storage_key` opened to under the
    /// vault's key. The caller vouches for it: it opened `sealed` with this store's key and
    /// [`parts`]'s nonce, ciphertext and AAD (AES-GCM checked its tag).
    pub fn keep(&self, storage_key: &str, sealed: String, plain: String) {
        // (Kept once per key: a second would never be found.)
        self.entries
            .borrow_mut()
            .push((storage_key.to_string(), sealed, plain));
    }

    /// What entry `storage_key` opened to, if `stored` is exactly the text that was opened.
    pub fn get(&self, storage_key: &str, stored: &str) -> Option<String> {
        let entries = self.entries.borrow();
        let n = entries.len();
        for j in 0..n {
            let i = (self.at.get() + j) % n;
            let (k, sealed, plain) = &entries[i];
            if k == storage_key {
                self.at.set(i + 1);
                return (sealed == stored).then(|| plain.clone());
            }
        }
        None
    }

    /// How many entries are kept.
    pub fn len(&self) -> usize {
        self.entries.borrow().len()
    }

    /// Whether none is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The entry holding the team's private key for protected referral files (decision 0025;
/// `crate::protected`): sealed like a record.
pub const TEAM_KEY: &str = "pct.team-key";

/// Whether an entry is kept encrypted: every record and draft, the list's index of them
/// (their labels and statuses), and the manifest with the tombstones of deleted final records
/// (`crate::manifest`: its shards and [`crate::manifest::TOMBSTONES_KEY`]). A passphrase change
/// seals them all again, unchanged: the manifest holds nothing a new key or nonce changes.
pub fn is_sealed_key(k: &str) -> bool {
    k.starts_with(KEY_PREFIX)
        || k == INDEX_KEY
        || k.starts_with(crate::manifest::MANIFEST_PREFIX)
        || k == TEAM_KEY
}

/// An unlocked vault: the key, the salt of the vault it opens, and the nonces of this unlock.
/// The app keeps one per tab, in memory only (issue 16, item 1), and every store it opens
/// shares it ([`VaultBackend::unlocked`]); dropping the last reference wipes the key.
pub struct Session {
    key: Key,
    salt: [u8; SALT_LEN],
    nonces: RefCell<NonceSequence>,
}

impl Session {
    /// The session of `key`, which opens the vault salted `salt`; `nonces` must be fresh for
    /// this unlock (a random prefix).
    pub fn new(key: Key, salt: [u8; SALT_LEN], nonces: NonceSequence) -> Session {
        Session {
            key,
            salt,
            nonces: RefCell::new(nonces),
        }
    }

    /// The key.
    pub fn key(&self) -> &Key {
        &self.key
    }

    /// The vault's salt.
    pub fn salt(&self) -> [u8; SALT_LEN] {
        self.salt
    }

    /// Seals `plain` for the entry `storage_key` with this session's next nonce.
    pub fn seal(&self, storage_key: &str, plain: &str) -> Result<String, VaultError> {
        seal_with(
            &self.key,
            &self.salt,
            &mut self.nonces.borrow_mut(),
            storage_key,
            plain,
        )
    }
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Session(..)")
    }
}

enum Holder<'k> {
    /// A key lent by the caller, with its own nonces (tests, one-off work).
    Lent {
        key: &'k Key,
        salt: [u8; SALT_LEN],
        nonces: RefCell<NonceSequence>,
    },
    /// The tab's unlocked session.
    Shared(Rc<Session>),
    /// No key: locked.
    Locked,
    /// No vault at all: entries pass through as they are (the trainer's fictional records).
    Clear,
}

/// What a store is told when the vault is locked.
pub const LOCKED: &str = "the toolkit is locked: unlock it to see or save your records";

/// A backend that seals the draft entries of another one, with the vault's key. An entry that
/// does not open is read as it is stored, which the store cannot parse: it is listed as
/// unreadable (quarantined) and never overwritten, while the rest load. Locked
/// ([`VaultBackend::locked`]), every sealed entry is refused, read or write.
///
/// This is the backend the app runs (issue 16, item 3): its store is
/// `KvStore<VaultBackend<LocalBackend>>`, so the tests of this module are tests of what users run.
pub struct VaultBackend<'k, B> {
    inner: B,
    holder: Holder<'k>,
    /// Entries opened elsewhere (WebCrypto), each for its exact sealed text only.
    opened: Opened,
}

impl<'k, B: KvBackend> VaultBackend<'k, B> {
    /// Wraps `inner` with the unlocked `key` of the vault whose salt is `salt`.
    pub fn new(inner: B, key: &'k Key, salt: [u8; SALT_LEN], nonces: NonceSequence) -> Self {
        VaultBackend {
            inner,
            holder: Holder::Lent {
                key,
                salt,
                nonces: RefCell::new(nonces),
            },
            opened: Opened::default(),
        }
    }

    /// The nonce sequence, to carry on with after this backend is dropped (a lent key only).
    pub fn into_nonces(self) -> NonceSequence {
        match self.holder {
            Holder::Lent { nonces, .. } => nonces.into_inner(),
            _ => NonceSequence::new([0; 8]),
        }
    }

    /// The backend as stored, without the vault (for the vault's own work).
    pub fn inner(&self) -> &B {
        &self.inner
    }
}

impl<B> VaultBackend<'_, B> {
    /// The tab's session this backend seals and opens with, if it holds one (to open entries
    /// elsewhere with the same key: [`VaultBackend::opened_elsewhere`]).
    pub fn session(&self) -> Option<&Rc<Session>> {
        match &self.holder {
            Holder::Shared(s) => Some(s),
            _ => None,
        }
    }

    /// Takes `plain` as what entry `storage_key` opens to, for its stored text `sealed` only
    /// (issue 22, item 5; docs/decisions/0029-bulk-decrypt.md): the browser's WebCrypto
    /// opened it, with this backend's key and what [`parts`] split out of `sealed`. Reading the
    /// entry then gives `plain` without running AES-GCM here, as long as what is stored is
    /// still exactly `sealed`; anything else is opened (or set aside) as ever. Locked, or
    /// without a vault, nothing is read through it.
    pub fn opened_elsewhere(&self, storage_key: &str, sealed: String, plain: String) {
        self.opened.keep(storage_key, sealed, plain);
    }
}

impl<B: KvBackend> VaultBackend<'static, B> {
    /// Wraps `inner` with the tab's unlocked session.
    pub fn unlocked(inner: B, session: Rc<Session>) -> Self {
        VaultBackend {
            inner,
            holder: Holder::Shared(session),
            opened: Opened::default(),
        }
    }

    /// Wraps `inner` with no key: sealed entries can be neither read nor written.
    pub fn locked(inner: B) -> Self {
        VaultBackend {
            inner,
            holder: Holder::Locked,
            opened: Opened::default(),
        }
    }

    /// Wraps `inner` with no vault at all: every entry is stored as it is. Only for a bundle
    /// whose records are fictional and kept apart (the trainer's; decision 0006).
    pub fn clear(inner: B) -> Self {
        VaultBackend {
            inner,
            holder: Holder::Clear,
            opened: Opened::default(),
        }
    }
}

impl<B> VaultBackend<'_, B> {
    /// Whether entries are sealed (a key is held, or it is locked): false only for
    /// [`VaultBackend::clear`].
    pub fn is_vaulted(&self) -> bool {
        !matches!(self.holder, Holder::Clear)
    }

    fn key(&self) -> Result<&Key, KvError> {
        match &self.holder {
            Holder::Lent { key, .. } => Ok(key),
            Holder::Shared(s) => Ok(&s.key),
            Holder::Locked | Holder::Clear => Err(KvError::Unavailable(LOCKED.into())),
        }
    }

    fn seal(&self, storage_key: &str, plain: &str) -> Result<String, KvError> {
        match &self.holder {
            Holder::Lent { key, salt, nonces } => {
                seal_with(key, salt, &mut nonces.borrow_mut(), storage_key, plain)
            }
            Holder::Shared(s) => s.seal(storage_key, plain),
            Holder::Locked | Holder::Clear => return Err(KvError::Unavailable(LOCKED.into())),
        }
        .map_err(|e| KvError::Unavailable(e.to_string()))
    }
}

impl<B: KvBackend> KvBackend for VaultBackend<'_, B> {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        if !is_sealed_key(key) || !self.is_vaulted() {
            return self.inner.get(key);
        }
        let k = self.key()?;
        let Some(stored) = self.inner.get(key)? else {
            return Ok(None);
        };
        // Opened elsewhere from this very text (WebCrypto, in bulk): no AES-GCM here.
        if let Some(plain) = self.opened.get(key, &stored) {
            return Ok(Some(plain));
        }
        match open_with(k, key, &stored) {
            Ok(plain) => Ok(Some(plain)),
            // A clear entry from before encryption is read as it is (it is sealed when next
            // saved); one that does not open is returned sealed, so the store quarantines it.
            Err(_) => Ok(Some(stored)),
        }
    }

    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        if !is_sealed_key(key) || !self.is_vaulted() {
            return self.inner.set(key, value);
        }
        let sealed = self.seal(key, value)?;
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
/// with the old key, and (with an old key) entries in clear, are left as they are
/// (quarantined, or set aside as planted). The manifest is sealed again with the rest, as it
/// is: it records revisions and statuses, which a change of key leaves as they were. A failure before the commit point
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
            // Clear entries are sealed when encryption is turned on. Once a passphrase is set,
            // an entry in clear was planted (issue 16, item 5): it is left in clear, so that it
            // stays set aside rather than become a sealed record. Undecryptable ones stay
            // quarantined as they are.
            (None, Err(OpenError::Clear)) => stored,
            (Some(_), Err(OpenError::Clear)) => continue,
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
    // The spare copy: a failure to write it leaves the record itself, which is enough.
    let _ = b.set(META_COPY_KEY, &next);
    b.remove(NEXT_META_KEY).map_err(|e| storage(e, true))?;
    Ok(())
}

/// Writes `meta` as the vault's record and its spare copy (after a repair, or marking a record
/// as NFC: the key is unchanged).
pub fn write_meta<B: KvBackend>(b: &B, meta: &Meta) -> Result<(), VaultError> {
    b.set(META_KEY, &meta.to_text())
        .map_err(|e| storage(e, false))?;
    let _ = b.set(META_COPY_KEY, &meta.to_text());
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
    /// The vault's record is damaged or missing while encrypted entries are here: the right
    /// passphrase still opens them, and unlocking rebuilds the record ([`repair`]).
    Damaged(Repair),
}

/// What a damaged vault record can be rebuilt from (issue 16, item 6).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Repair {
    /// Its spare copy ([`META_COPY_KEY`]) is intact.
    Copy(Meta),
    /// Both are damaged: the salt every sealed entry carries in its own header.
    Salt([u8; SALT_LEN]),
}

impl Repair {
    /// The salt to derive the key with.
    pub fn salt(&self) -> Result<[u8; SALT_LEN], VaultError> {
        match self {
            Repair::Copy(m) => m.salt_bytes(),
            Repair::Salt(s) => Ok(*s),
        }
    }

    /// What the user is told before unlocking: what is damaged, and that their records are not.
    pub fn message(&self) -> &'static str {
        match self {
            Repair::Copy(_) => "The toolkit's key record in this browser is damaged, but its spare copy is intact. Your records are not affected: enter your passphrase to open them, and the record will be repaired",
            Repair::Salt(_) => "The toolkit's key record in this browser and its spare copy are damaged or missing. Your encrypted records carry what is needed: enter your passphrase to open them, and the record will be rebuilt",
        }
    }
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
    let record = b.get(META_KEY).map_err(|e| storage(e, false))?;
    if let Some(m) = record.as_deref().map(Meta::parse).and_then(Result::ok) {
        return Ok(Found::Vault(m));
    }
    // The record is damaged or gone: its spare copy, else the salt the entries carry.
    let copy = b.get(META_COPY_KEY).map_err(|e| storage(e, false))?;
    if let Some(m) = copy.as_deref().map(Meta::parse).and_then(Result::ok) {
        return Ok(Found::Damaged(Repair::Copy(m)));
    }
    let keys = b.keys().map_err(|e| storage(e, false))?;
    // The salt most sealed entries carry (a quarantined entry of another vault may differ).
    let mut salts: Vec<([u8; SALT_LEN], usize)> = Vec::new();
    for k in keys.iter().filter(|k| is_sealed_key(k)) {
        let Some(text) = b.get(k).map_err(|e| storage(e, false))? else {
            continue;
        };
        let Some(salt) = sealed::decode(&text)
            .ok()
            .and_then(|s| <[u8; SALT_LEN]>::try_from(s.salt).ok())
        else {
            continue;
        };
        match salts.iter_mut().find(|(s, _)| *s == salt) {
            Some((_, n)) => *n += 1,
            None => salts.push((salt, 1)),
        }
    }
    if let Some((salt, _)) = salts.iter().max_by_key(|(_, n)| *n) {
        return Ok(Found::Damaged(Repair::Salt(*salt)));
    }
    if record.is_some() || copy.is_some() {
        // A damaged record and nothing sealed to rebuild it from.
        return Err(VaultError::Damaged);
    }
    Ok(Found::None {
        clear: keys.iter().filter(|k| k.starts_with(KEY_PREFIX)).count(),
    })
}

/// Unlocks with `key`: checks it against the vault's record, and finishes an interrupted
/// passphrase change (whose new passphrase must be the one given). A wrong key changes nothing.
/// A damaged record is [`repair`]ed instead.
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
        Found::Damaged(_) => Err(VaultError::Damaged),
    }
}

/// Rebuilds a damaged vault record with `key` (derived with [`Repair::salt`]): from the spare
/// copy if `key` verifies it, else from the entries, if `key` opens at least one of them. A
/// wrong key changes nothing. Returns the record now stored.
pub fn repair<B: KvBackend>(
    b: &B,
    repair: &Repair,
    key: &Key,
    nonces: &mut NonceSequence,
) -> Result<Meta, VaultError> {
    let meta = match repair {
        Repair::Copy(m) => {
            if !m.verifies(key) {
                return Err(VaultError::WrongPassphrase);
            }
            m.clone()
        }
        Repair::Salt(salt) => {
            let mut opens = false;
            for k in b.keys().map_err(|e| storage(e, false))? {
                if !is_sealed_key(&k) {
                    continue;
                }
                if let Some(text) = b.get(&k).map_err(|e| storage(e, false))? {
                    // Only an entry of this vault (sealed with its salt) vouches for the key.
                    let ours = sealed::decode(&text).is_ok_and(|s| s.salt == salt[..]);
                    if ours && open_with(key, &k, &text).is_ok() {
                        opens = true;
                        break;
                    }
                }
            }
            if !opens {
                return Err(VaultError::WrongPassphrase);
            }
            Meta::new(key, *salt, nonces)?
        }
    };
    write_meta(b, &meta)?;
    Ok(meta)
}
