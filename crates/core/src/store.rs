//! Draft storage. The flows see only the async [`DraftStore`] trait, which stores a versioned
//! [`Envelope`] with a revision number: encryption (the payload becomes ciphertext) and
//! two-tab compare-and-swap (the revision) need no change to the flows.
//!
//! [`KvStore`] implements it over any [`KvBackend`] (the browser's localStorage in the app,
//! [`MemoryBackend`] in tests). Architecture invariant: a draft write never loses the previous
//! good copy. Each save is one `set` of the whole envelope under one key; a backend `set`
//! either replaces the value entirely or fails and leaves it as it was (localStorage
//! guarantees this), and a save whose revision does not match what is stored is refused.

use crate::draft::{Draft, DraftStatus};
use serde::{Deserialize, Serialize};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::fmt;

/// Envelope format name.
pub const ENVELOPE_FORMAT: &str = "prevent-toolkit/draft";
/// Envelope format version.
pub const ENVELOPE_VERSION: u32 = 1;
/// Key prefix of drafts in the backend.
pub const KEY_PREFIX: &str = "pct.draft.";
/// The list's index: each record's summary with the stamp of the entry it was read from
/// ([`KvBackend::stamp`]), so that listing opens only the entries written since. Sealed like
/// the records (`vault::is_sealed_key`); only a cache, never the only copy of anything.
pub const INDEX_KEY: &str = "pct.index";
/// How much of a stored entry [`stamp`] needs: the sealed payload's fields before its
/// ciphertext (version, key derivation, salt and nonce).
pub const STAMP_HEAD_CHARS: usize = 160;

/// What is stored for one draft: metadata in clear (enough for the drafts list) and the
/// draft itself as a payload string.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope {
    /// Always [`ENVELOPE_FORMAT`].
    pub format: String,
    /// Envelope version.
    pub envelope_version: u32,
    /// Draft id.
    pub id: String,
    /// Form id ("nrf").
    pub kind: String,
    /// Increases by one on every save; a save names the revision it replaces.
    pub revision: u64,
    /// When it was saved (RFC 3339, from the caller).
    pub saved_at: String,
    /// Minimal label for the list.
    pub label: String,
    /// Lifecycle status.
    pub status: DraftStatus,
    /// `None` while the payload is plain JSON; later names the cipher.
    pub encryption: Option<String>,
    /// The draft as JSON (or, once encrypted, ciphertext).
    pub payload: String,
}

impl Envelope {
    /// Wraps a draft. The revision is set by the store when saved.
    pub fn seal(draft: &Draft, saved_at: &str) -> Envelope {
        Envelope {
            format: ENVELOPE_FORMAT.into(),
            envelope_version: ENVELOPE_VERSION,
            id: draft.id.clone(),
            kind: draft.form.clone(),
            revision: 0,
            saved_at: saved_at.into(),
            label: draft.label(),
            status: draft.status,
            encryption: None,
            payload: serde_json::to_string(draft).unwrap_or_default(),
        }
    }

    /// Unwraps the draft.
    pub fn open(&self) -> Result<Draft, StoreError> {
        if self.encryption.is_some() {
            return Err(StoreError::Unreadable {
                id: self.id.clone(),
            });
        }
        serde_json::from_str(&self.payload).map_err(|_| StoreError::Unreadable {
            id: self.id.clone(),
        })
    }
}

/// A row of the drafts list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftSummary {
    /// Draft id.
    pub id: String,
    /// Form id.
    pub kind: String,
    /// Minimal label.
    pub label: String,
    /// Last saved (RFC 3339).
    pub saved_at: String,
    /// Status.
    pub status: DraftStatus,
}

/// Every draft, newest first, and the keys of entries that could not be read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Listing {
    /// Readable drafts, most recently saved first.
    pub drafts: Vec<DraftSummary>,
    /// Entries that are not valid envelopes (kept, never overwritten).
    pub unreadable: Vec<String>,
}

/// Why a store operation failed. The `Display` text is what the user is told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// Browser storage is full; the previous copy is kept.
    Full,
    /// Another tab saved a newer revision (or deleted it); nothing was overwritten.
    Conflict {
        /// The revision now stored (0 when the draft is no longer stored).
        stored: u64,
    },
    /// The stored entry cannot be read; it is left untouched.
    Unreadable {
        /// Draft id.
        id: String,
    },
    /// Storage cannot be used at all (disabled, private mode, blocked).
    Unavailable(String),
    /// The stored record is final (finished or finalised) and cannot be changed (PGA-10).
    Final,
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Full => write!(f, "Your browser's storage is full, so your latest change has not been saved. Your last saved copy is kept. Delete drafts you no longer need, or download your answers, then try again."),
            StoreError::Conflict { .. } => write!(f, "This draft was changed in another tab or window, so your latest change has not been saved here. Nothing has been overwritten. Carry on in the other tab, or reload this page to see the latest saved version."),
            StoreError::Unreadable { .. } => write!(f, "This saved draft cannot be read. It has been left as it is."),
            StoreError::Final => write!(f, "This record is final, so it cannot be changed: a finished referral or a finalised Gateway Assessment is read-only (PGA-10, s8). Nothing has been overwritten."),
            StoreError::Unavailable(why) => write!(f, "Drafts cannot be saved in this browser ({why}). Keep this tab open until you have finished and downloaded your referral."),
        }
    }
}

/// Failure of a key-value backend.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KvError {
    /// Quota exceeded; nothing was written.
    QuotaExceeded,
    /// Any other failure.
    Unavailable(String),
}

impl From<KvError> for StoreError {
    fn from(e: KvError) -> Self {
        match e {
            KvError::QuotaExceeded => StoreError::Full,
            KvError::Unavailable(why) => StoreError::Unavailable(why),
        }
    }
}

/// A synchronous string key-value store. `set` must either replace the value entirely or
/// fail leaving it unchanged.
pub trait KvBackend {
    /// Reads a key.
    fn get(&self, key: &str) -> Result<Option<String>, KvError>;
    /// Writes a key, all or nothing.
    fn set(&self, key: &str, value: &str) -> Result<(), KvError>;
    /// Removes a key.
    fn remove(&self, key: &str) -> Result<(), KvError>;
    /// All keys.
    fn keys(&self) -> Result<Vec<String>, KvError>;
    /// A fingerprint of the entry stored under `key` that changes whenever it is written,
    /// read without reading (or opening) the entry whole: [`stamp`] of its stored form. `None`
    /// when there is none (an entry kept in clear, or a backend without): such an entry is
    /// read whole every time it is listed.
    fn stamp(&self, _key: &str) -> Result<Option<String>, KvError> {
        Ok(None)
    }
}

/// The stamp of a stored entry from its first [`STAMP_HEAD_CHARS`] characters (`head`) and its
/// length in characters: the sealed payload's nonce (fresh on every write, never reused:
/// `sealed::NonceSequence`) and the length. `None` for an entry that is not sealed. An entry
/// rewritten, moved from another record or cut short has another stamp; the list then opens it
/// (and sets it aside if it does not open).
pub fn stamp(head: &str, len: usize) -> Option<String> {
    const FIELD: &str = "\"nonce\":\"";
    let start = head.find(FIELD)? + FIELD.len();
    let nonce = head.get(start..)?.split('"').next()?;
    // 12 bytes in base64, then the closing quote inside the head.
    (nonce.len() == 16 && head.len() > start + 16).then(|| format!("{nonce}:{len}"))
}

/// The first line of the index ([`INDEX_KEY`]). Then a line a record: its id, the stamp of
/// its entry, its form, its status (`P` in progress, `F` finished), when it was saved and its
/// label, separated by tabs. Written by hand rather than with serde: the index is read on every
/// listing, and its code is in every bundle's download.
const INDEX_HEAD: &str = "prevent-toolkit/index/1";

/// The index line of a record read from an entry stamped `stamp`; `None` when a field holds a
/// tab or a line break (such a record is read whole every time).
fn index_line(e: &Envelope, stamp: &str) -> Option<String> {
    let status = match e.status {
        DraftStatus::InProgress => "P",
        DraftStatus::Finished => "F",
    };
    let mut line = String::new();
    for f in [e.id.as_str(), stamp, &e.kind, status, &e.saved_at, &e.label] {
        if f.contains(['\t', '\n', '\r']) {
            return None;
        }
        if !line.is_empty() {
            line.push('\t');
        }
        line.push_str(f);
    }
    Some(line)
}

/// The record of an index line, if its entry's stamp is still `stamp`.
fn indexed(line: &str, stamp: &str) -> Option<DraftSummary> {
    let mut f = line.split('\t');
    let (id, st, kind, status, saved_at, label) = (
        f.next()?,
        f.next()?,
        f.next()?,
        f.next()?,
        f.next()?,
        f.next()?,
    );
    if st != stamp || f.next().is_some() {
        return None;
    }
    Some(DraftSummary {
        id: id.into(),
        kind: kind.into(),
        label: label.into(),
        saved_at: saved_at.into(),
        status: match status {
            "P" => DraftStatus::InProgress,
            "F" => DraftStatus::Finished,
            _ => return None,
        },
    })
}

/// Draft storage as the flows see it. Async so that encryption (WebCrypto) and other backends
/// (IndexedDB) fit behind it.
#[allow(async_fn_in_trait)]
pub trait DraftStore {
    /// Every draft, newest first.
    async fn list(&self) -> Result<Listing, StoreError>;
    /// One draft's envelope, if stored.
    async fn load(&self, id: &str) -> Result<Option<Envelope>, StoreError>;
    /// Saves `envelope` in place of revision `expected` (`None`: it must not exist yet).
    /// Returns the envelope as stored, with its new revision.
    async fn save(&self, envelope: Envelope, expected: Option<u64>)
        -> Result<Envelope, StoreError>;
    /// Deletes a draft and returns what was stored, so that the caller can offer undo.
    async fn delete(&self, id: &str) -> Result<Option<Envelope>, StoreError>;
}

/// [`DraftStore`] over a [`KvBackend`]. Its synchronous methods exist for moments when the
/// page is going away (`pagehide`) and nothing async can be awaited.
#[derive(Debug, Default)]
pub struct KvStore<B> {
    /// The backend.
    pub backend: B,
}

fn key(id: &str) -> String {
    format!("{KEY_PREFIX}{id}")
}

impl<B: KvBackend> KvStore<B> {
    /// Wraps a backend.
    pub fn new(backend: B) -> Self {
        KvStore { backend }
    }

    /// Synchronous [`DraftStore::load`].
    pub fn load_now(&self, id: &str) -> Result<Option<Envelope>, StoreError> {
        match self.backend.get(&key(id))? {
            None => Ok(None),
            Some(text) => parse_envelope(&text)
                .map(Some)
                .ok_or(StoreError::Unreadable { id: id.into() }),
        }
    }

    /// Synchronous [`DraftStore::save`].
    pub fn save_now(
        &self,
        mut envelope: Envelope,
        expected: Option<u64>,
    ) -> Result<Envelope, StoreError> {
        let stored = match self.backend.get(&key(&envelope.id))? {
            None => None,
            Some(text) => Some(parse_envelope(&text).ok_or(StoreError::Unreadable {
                id: envelope.id.clone(),
            })?),
        };
        // A final record is read-only (PGA-10, s8): no save, import or other tab may change it.
        if let Some(old) = stored.as_ref().and_then(|e| e.open().ok()) {
            if old.is_locked() && envelope.open().ok().as_ref() != Some(&old) {
                return Err(StoreError::Final);
            }
        }
        let stored = stored.map(|e| e.revision);
        if stored != expected {
            return Err(StoreError::Conflict {
                stored: stored.unwrap_or(0),
            });
        }
        envelope.revision = expected.unwrap_or(0) + 1;
        let text =
            serde_json::to_string(&envelope).map_err(|e| StoreError::Unavailable(e.to_string()))?;
        self.backend.set(&key(&envelope.id), &text)?;
        Ok(envelope)
    }

    /// Synchronous [`DraftStore::list`]. An entry whose stamp ([`KvBackend::stamp`]) is the
    /// one the index ([`INDEX_KEY`]) recorded is listed from the index; every other entry (new,
    /// written since by this or another tab, cut short, moved, kept in clear) is read and
    /// opened, and the index is written again when anything changed. The index is a cache: a
    /// missing, damaged or stale one only costs reading entries, and failing to write it
    /// changes nothing else.
    pub fn list_now(&self) -> Result<Listing, StoreError> {
        let mut listing = Listing::default();
        let keys: Vec<String> = self
            .backend
            .keys()?
            .into_iter()
            .filter(|k| k.starts_with(KEY_PREFIX))
            .collect();
        let old = self
            .backend
            .get(INDEX_KEY)
            .ok()
            .flatten()
            .unwrap_or_default();
        let rows: Vec<&str> = match old.split_once('\n') {
            Some((INDEX_HEAD, rows)) => rows.lines().collect(),
            _ => Vec::new(),
        };
        let mut index = String::from(INDEX_HEAD);
        // Rows of the old index found for an entry; whether the new one differs.
        let (mut found, mut changed, mut at) = (0, false, 0);
        for k in keys {
            let id = &k[KEY_PREFIX.len()..];
            // Taken before the entry is read: if another tab writes in between, the stamp
            // kept is the older one and the entry is read again next time.
            let stamp = self.backend.stamp(&k).ok().flatten();
            // The keys come in the order the index was written in, so a record's row is
            // usually the one after the last found.
            let row = (at..rows.len())
                .chain(0..at)
                .find(|&i| rows[i].split('\t').next() == Some(id))
                .map(|i| {
                    at = i + 1;
                    found += 1;
                    rows[i]
                });
            if let Some(d) = row.zip(stamp.as_deref()).and_then(|(r, s)| indexed(r, s)) {
                index.push('\n');
                index.push_str(row.unwrap_or_default());
                listing.drafts.push(d);
                continue;
            }
            // A row that no longer holds goes.
            changed |= row.is_some();
            match self.backend.get(&k)?.as_deref().and_then(parse_envelope) {
                Some(e) => {
                    // Indexed only under its own id (the key it is sealed for).
                    let line = stamp
                        .filter(|_| e.id == id)
                        .and_then(|s| index_line(&e, &s));
                    if let Some(line) = line {
                        index.push('\n');
                        index.push_str(&line);
                        changed = true;
                    }
                    listing.drafts.push(DraftSummary {
                        id: e.id,
                        kind: e.kind,
                        label: e.label,
                        saved_at: e.saved_at,
                        status: e.status,
                    });
                }
                None => listing.unreadable.push(k),
            }
        }
        // Rows not found are of entries deleted since. An index storage refuses (full, say)
        // goes: the records' room matters more than the cache.
        if (changed || found != rows.len()) && self.backend.set(INDEX_KEY, &index).is_err() {
            let _ = self.backend.remove(INDEX_KEY);
        }
        listing
            .drafts
            .sort_by(|a, b| b.saved_at.cmp(&a.saved_at).then(a.id.cmp(&b.id)));
        Ok(listing)
    }

    /// The most recently saved draft of `kind` that is still untouched (in progress, nothing
    /// answered), so that starting again reuses it instead of leaving empty drafts behind.
    pub fn untouched(&self, kind: &str) -> Option<String> {
        let listing = self.list_now().ok()?;
        listing
            .drafts
            .iter()
            .filter(|d| d.kind == kind && d.status == DraftStatus::InProgress)
            .find_map(|d| {
                let draft = self.load_now(&d.id).ok()??.open().ok()?;
                (!draft.answers.any_filled() && draft.completed_pages.is_empty())
                    .then(|| d.id.clone())
            })
    }

    /// Synchronous [`DraftStore::delete`].
    pub fn delete_now(&self, id: &str) -> Result<Option<Envelope>, StoreError> {
        let before = self.load_now(id)?;
        self.backend.remove(&key(id))?;
        Ok(before)
    }
}

fn parse_envelope(text: &str) -> Option<Envelope> {
    serde_json::from_str::<Envelope>(text)
        .ok()
        .filter(|e| e.format == ENVELOPE_FORMAT && e.envelope_version == ENVELOPE_VERSION)
}

impl<B: KvBackend> DraftStore for KvStore<B> {
    async fn list(&self) -> Result<Listing, StoreError> {
        self.list_now()
    }
    async fn load(&self, id: &str) -> Result<Option<Envelope>, StoreError> {
        self.load_now(id)
    }
    async fn save(
        &self,
        envelope: Envelope,
        expected: Option<u64>,
    ) -> Result<Envelope, StoreError> {
        self.save_now(envelope, expected)
    }
    async fn delete(&self, id: &str) -> Result<Option<Envelope>, StoreError> {
        self.delete_now(id)
    }
}

/// An in-memory backend for tests, with a byte quota and a switch that makes it fail, to
/// prove that failures keep the last good copy.
#[derive(Debug, Default)]
pub struct MemoryBackend {
    /// Stored values.
    pub map: RefCell<BTreeMap<String, String>>,
    /// Total bytes (keys + values) allowed, if limited.
    pub quota: Option<usize>,
    /// When set, every call fails as if storage were disabled.
    pub broken: Cell<bool>,
}

impl MemoryBackend {
    /// A backend that holds at most `bytes` bytes.
    pub fn with_quota(bytes: usize) -> Self {
        MemoryBackend {
            quota: Some(bytes),
            ..Default::default()
        }
    }

    fn check(&self) -> Result<(), KvError> {
        if self.broken.get() {
            Err(KvError::Unavailable("storage is disabled".into()))
        } else {
            Ok(())
        }
    }
}

impl KvBackend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        self.check()?;
        Ok(self.map.borrow().get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        self.check()?;
        let mut map = self.map.borrow_mut();
        if let Some(q) = self.quota {
            let others: usize = map
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            if others + key.len() + value.len() > q {
                return Err(KvError::QuotaExceeded);
            }
        }
        map.insert(key.into(), value.into());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), KvError> {
        self.check()?;
        self.map.borrow_mut().remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, KvError> {
        self.check()?;
        Ok(self.map.borrow().keys().cloned().collect())
    }
    fn stamp(&self, key: &str) -> Result<Option<String>, KvError> {
        self.check()?;
        Ok(self.map.borrow().get(key).and_then(|v| {
            let head: String = v.chars().take(STAMP_HEAD_CHARS).collect();
            stamp(&head, v.chars().count())
        }))
    }
}
