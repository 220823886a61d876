//! Draft storage. The flows see only the async [`DraftStore`] trait, which stores a versioned
//! [`Envelope`] with a revision number: encryption (the payload becomes ciphertext) and
//! two-tab compare-and-swap (the revision) need no change to the flows.
//!
//! [`KvStore`] implements it over any [`KvBackend`] (the browser's localStorage in the app,
//! [`MemoryBackend`] in tests). Architecture invariant: a draft write never loses the previous
//! good copy. Each save is one `set` of the whole envelope under one key; a backend `set`
//! either replaces the value entirely or fails and leaves it as it was (localStorage
//! guarantees this), and a save whose revision does not match what is stored is refused.
//!
//! Every entry listed or loaded is checked against the sealed manifest (`crate::manifest`;
//! issue 16, item 5): an older sealed copy put back, a copy of a deleted record put back, or
//! (once a passphrase is set: [`KvStore::vaulted`]) an entry in clear is set aside and named
//! ([`SetAside`]), never opened as real nor overwritten. Each save writes its entry, then the
//! manifest.

use crate::draft::{Draft, DraftStatus};
use crate::manifest::{self, Known, Shard, Why, SHARDS, TOMBSTONES_KEY};
use crate::tombstone::Tombstone;
use serde::{Deserialize, Serialize};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::fmt;
use std::rc::Rc;

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
    /// Wraps a draft in its envelope (serialised, not yet encrypted: the vault backend seals
    /// it when the store saves it). The revision is set by the store when saved.
    pub fn wrap(draft: &Draft, saved_at: &str) -> Envelope {
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

/// An entry set aside (issue 16, item 5): not listed as a record, never opened as real, never
/// overwritten; the records hub names it and says why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    /// Its storage key.
    pub key: String,
    /// The record id its key names.
    pub id: String,
    /// Why it is set aside.
    pub why: Why,
    /// What it holds, when the toolkit sealed it (an older copy, or a deleted record's copy):
    /// its form and minimal label, to name it by. `None` for an entry in clear (its label is
    /// anyone's) or one that does not open.
    pub record: Option<DraftSummary>,
}

/// Every draft, newest first, and the entries set aside.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Listing {
    /// Readable drafts, most recently saved first.
    pub drafts: Vec<DraftSummary>,
    /// The keys of every entry set aside (those of [`Listing::set_aside`], in the same order):
    /// kept, never overwritten.
    pub unreadable: Vec<String>,
    /// Every entry set aside, and why.
    pub set_aside: Vec<SetAside>,
    /// Part of the manifest did not open (damaged): it has been made again from the records
    /// stored, which are all listed; an older copy put back before now cannot be told apart.
    pub manifest_damaged: bool,
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
    /// The stored entry is set aside (an older copy put back, a deleted record's copy, an entry
    /// in clear): it is neither opened nor overwritten.
    SetAside {
        /// Draft id.
        id: String,
        /// Why.
        why: Why,
    },
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Full => write!(f, "Your browser's storage is full, so your latest change has not been saved. Your last saved copy is kept. Delete drafts you no longer need, or download your answers, then try again."),
            StoreError::Conflict { .. } => write!(f, "This draft was changed in another tab or window, so your latest change has not been saved here. Nothing has been overwritten. Carry on in the other tab, or reload this page to see the latest saved version."),
            StoreError::Unreadable { .. } => write!(f, "This saved draft cannot be read. It has been left as it is."),
            StoreError::Final => write!(f, "This record is final, so it cannot be changed: a finished referral or a finalised Gateway Assessment is read-only (PGA-10, s8). Nothing has been overwritten."),
            StoreError::Unavailable(why) => write!(f, "Drafts cannot be saved in this browser ({why}). Keep this tab open until you have finished and downloaded your referral."),
            StoreError::SetAside { why, .. } => write!(f, "This saved record has been set aside because {why}. It has been left as it is and cannot be opened or changed here."),
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
/// its entry, its revision, its form, its status (`P` in progress, `F` finished), when it was
/// saved and its label, separated by tabs. Written by hand rather than with serde: the index is
/// read on every listing, and its code is in every bundle's download. (Version 2 added the
/// revision, so that a record listed from the index is checked against the manifest too.)
const INDEX_HEAD: &str = "prevent-toolkit/index/2";

/// The index line of a record read from an entry stamped `stamp`; `None` when a field holds a
/// tab or a line break (such a record is read whole every time).
fn index_line(e: &Envelope, stamp: &str) -> Option<String> {
    let status = match e.status {
        DraftStatus::InProgress => "P",
        DraftStatus::Finished => "F",
    };
    let mut revision = String::new();
    manifest::push_revision(&mut revision, e.revision);
    let mut line = String::new();
    for f in [
        e.id.as_str(),
        stamp,
        &revision,
        &e.kind,
        status,
        &e.saved_at,
        &e.label,
    ] {
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

/// The record of an index line and its revision, if its entry's stamp is still `stamp`.
fn indexed(line: &str, stamp: &str) -> Option<(DraftSummary, u64)> {
    let mut f = line.split('\t');
    let (id, st, revision, kind, status, saved_at, label) = (
        f.next()?,
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
    let summary = DraftSummary {
        id: id.into(),
        kind: kind.into(),
        label: label.into(),
        saved_at: saved_at.into(),
        status: match status {
            "P" => DraftStatus::InProgress,
            "F" => DraftStatus::Finished,
            _ => return None,
        },
    };
    Some((summary, manifest::revision_of(revision)?))
}

fn summary(e: &Envelope) -> DraftSummary {
    DraftSummary {
        id: e.id.clone(),
        kind: e.kind.clone(),
        label: e.label.clone(),
        saved_at: e.saved_at.clone(),
        status: e.status,
    }
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
    /// Whether a passphrase is set, so that every record is sealed ([`KvStore::vaulted`]).
    pub vaulted: bool,
    /// The manifest's shards this store has read, each with the stamp of the entry it was read
    /// from: loading many records (a download of 1,000) opens each shard once, and again only
    /// once it is written (a new stamp).
    read: RefCell<Vec<(usize, String, Rc<Shard>)>>,
}

fn key(id: &str) -> String {
    format!("{KEY_PREFIX}{id}")
}

/// One shard of the manifest as read.
enum ShardRead {
    /// Not stored (first use after an upgrade, or removed): it knows nothing.
    Missing,
    /// Stored, but it does not open or is not a shard (or is in clear once a passphrase is set):
    /// it knows nothing, and a save leaves it for a listing to make again.
    Damaged,
    /// Read (shared with the store's cache of what it read).
    Kept(Rc<Shard>),
}

impl ShardRead {
    fn rows(&self) -> &[(String, Known)] {
        match self {
            ShardRead::Kept(s) => s.rows(),
            _ => &[],
        }
    }

    fn get(&self, id: &str) -> Option<Known> {
        match self {
            ShardRead::Kept(s) => s.get(id),
            _ => None,
        }
    }
}

/// A stored entry, checked.
enum Entry {
    /// Accepted.
    Kept(Envelope),
    /// Set aside, with what it holds when the toolkit sealed it.
    Aside(Why, Option<Envelope>),
}

impl<B: KvBackend> KvStore<B> {
    /// Wraps a backend. Entries in clear are accepted: drafts from before a passphrase was set,
    /// and the trainer's fictional records.
    pub fn new(backend: B) -> Self {
        KvStore {
            backend,
            vaulted: false,
            read: RefCell::default(),
        }
    }

    /// Wraps a backend that seals every record with the vault's key (`vault::VaultBackend`),
    /// once a passphrase is set: an entry in clear was not written by this toolkit and is set
    /// aside ([`Why::NotEncrypted`]), and so is a manifest or index in clear. An entry is taken
    /// to be in clear when it has no stamp ([`KvBackend::stamp`]), so the backend's `stamp` must
    /// give one for every sealed entry, the index included.
    pub fn vaulted(backend: B) -> Self {
        KvStore {
            backend,
            vaulted: true,
            read: RefCell::default(),
        }
    }

    /// Whether the stored entry under `key` is acceptable as sealed: always when not vaulted;
    /// when vaulted, only if it has a stamp. Taken before the entry is read.
    fn sealed(&self, key: &str) -> Result<bool, StoreError> {
        Ok(!self.vaulted || self.backend.stamp(key)?.is_some())
    }

    fn read_shard(&self, n: usize) -> Result<ShardRead, StoreError> {
        let k = manifest::shard_key(n);
        let stamp = self.backend.stamp(&k)?;
        if let Some(st) = &stamp {
            if let Some((.., s)) = self.read.borrow().iter().find(|r| r.0 == n && r.1 == *st) {
                return Ok(ShardRead::Kept(s.clone()));
            }
        }
        let Some(text) = self.backend.get(&k)? else {
            return Ok(ShardRead::Missing);
        };
        Ok(match Shard::parse(&text) {
            Some(s) if !self.vaulted || stamp.is_some() => {
                let s = Rc::new(s);
                if let Some(st) = stamp {
                    let mut read = self.read.borrow_mut();
                    read.retain(|r| r.0 != n);
                    read.push((n, st, s.clone()));
                }
                ShardRead::Kept(s)
            }
            _ => ShardRead::Damaged,
        })
    }

    /// Checks the stored text of `id`'s entry.
    fn judge(id: &str, text: &str, sealed: bool, known: Option<Known>) -> Entry {
        // An envelope under another record's key is not one the store wrote.
        let Some(e) = parse_envelope(text).filter(|e| e.id == id) else {
            return Entry::Aside(Why::CannotOpen, None);
        };
        if !sealed {
            return Entry::Aside(Why::NotEncrypted, None);
        }
        match manifest::check(known, e.revision) {
            Ok(()) => Entry::Kept(e),
            Err(why) => Entry::Aside(why, Some(e)),
        }
    }

    /// Reads and checks `id`'s entry against the manifest's `known`; `Ok(None)` when not stored,
    /// the error the caller is given when it is set aside.
    fn checked(&self, id: &str, known: Option<Known>) -> Result<Option<Envelope>, StoreError> {
        let k = key(id);
        let sealed = self.sealed(&k)?;
        let Some(text) = self.backend.get(&k)? else {
            return Ok(None);
        };
        match Self::judge(id, &text, sealed, known) {
            Entry::Kept(e) => Ok(Some(e)),
            Entry::Aside(Why::CannotOpen, _) => Err(StoreError::Unreadable { id: id.into() }),
            Entry::Aside(why, _) => Err(StoreError::SetAside { id: id.into(), why }),
        }
    }

    /// Writes `id`'s row of shard `n` as read in `shard` (entry first, manifest second: called
    /// after the entry's write). A damaged shard is left for a listing to make again. A failed
    /// write only leaves the manifest behind, which accepts the entry as newer.
    fn record(&self, n: usize, shard: ShardRead, id: &str, known: Known) {
        let mut s = match shard {
            ShardRead::Kept(s) => Rc::unwrap_or_clone(s),
            ShardRead::Missing => Shard::default(),
            ShardRead::Damaged => return,
        };
        if s.set(id, known) {
            let _ = self.backend.set(&manifest::shard_key(n), &s.to_text());
        }
    }

    /// Synchronous [`DraftStore::load`]. An entry the manifest sets aside is
    /// [`StoreError::SetAside`]; one that does not open, [`StoreError::Unreadable`].
    pub fn load_now(&self, id: &str) -> Result<Option<Envelope>, StoreError> {
        let shard = self.read_shard(manifest::shard_of(id))?;
        self.checked(id, shard.get(id))
    }

    /// Synchronous [`DraftStore::save`]. An entry set aside is never overwritten. A record
    /// created under an id the manifest knows (deleted, and brought back by undo or import)
    /// carries on from the revision it had ([`manifest::next_revision`]), so the copies of
    /// what was there before stay older than it.
    pub fn save_now(
        &self,
        mut envelope: Envelope,
        expected: Option<u64>,
    ) -> Result<Envelope, StoreError> {
        // One synchronous read-modify-write: the manifest's shard is read first, and written
        // after the entry.
        let n = manifest::shard_of(&envelope.id);
        let shard = self.read_shard(n)?;
        let known = shard.get(&envelope.id);
        let stored = self.checked(&envelope.id, known)?;
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
        envelope.revision = match expected {
            Some(r) => r + 1,
            // A record saved back (undo) carries on from its own revision too, whatever this
            // tab has read of the manifest.
            None => manifest::next_revision(known).max(envelope.revision + 1),
        };
        let text =
            serde_json::to_string(&envelope).map_err(|e| StoreError::Unavailable(e.to_string()))?;
        self.backend.set(&key(&envelope.id), &text)?;
        self.record(
            n,
            shard,
            &envelope.id,
            Known::Live {
                revision: envelope.revision,
                finished: envelope.status == DraftStatus::Finished,
            },
        );
        Ok(envelope)
    }

    /// Synchronous [`DraftStore::list`]. An entry whose stamp ([`KvBackend::stamp`]) is the
    /// one the index ([`INDEX_KEY`]) recorded is listed from the index; every other entry (new,
    /// written since by this or another tab, cut short, moved, kept in clear) is read and
    /// opened, and the index is written again when anything changed. The index is a cache: a
    /// missing, damaged or stale one only costs reading entries, and failing to write it
    /// changes nothing else.
    ///
    /// Every entry, from the index or read, is checked against the manifest (its revision is in
    /// the index): one set aside is in [`Listing::set_aside`]. The listing then brings the
    /// manifest up to date with what it found: entries newer than it or unknown to it (another
    /// tab's lost update, or first use after an upgrade: the manifest is then built from what
    /// is stored), entries gone; and a shard that does not open is made again from the records,
    /// once the listing has opened one (so that a tab with the wrong key never writes it).
    pub fn list_now(&self) -> Result<Listing, StoreError> {
        let mut listing = Listing::default();
        // The manifest before the keys: another tab writes an entry before its manifest row,
        // so a row read here has its entry among the keys read next.
        let mut shards = Vec::with_capacity(SHARDS);
        for n in 0..SHARDS {
            shards.push(self.read_shard(n)?);
        }
        // The manifest's rows an entry was found for.
        let mut seen: Vec<Vec<bool>> = shards.iter().map(|s| vec![false; s.rows().len()]).collect();
        let keys: Vec<String> = self
            .backend
            .keys()?
            .into_iter()
            .filter(|k| k.starts_with(KEY_PREFIX))
            .collect();
        let old = self.index_text();
        let rows: Vec<&str> = match old.split_once('\n') {
            Some((INDEX_HEAD, rows)) => rows.lines().collect(),
            _ => Vec::new(),
        };
        let mut index = String::from(INDEX_HEAD);
        // Rows of the old index found for an entry; whether the new one differs.
        let (mut found, mut changed, mut at) = (0, false, 0);
        // Each record listed that the manifest is behind: its shard, id, revision and whether
        // it is final.
        let mut behind: Vec<(usize, &str, u64, bool)> = Vec::new();
        for k in &keys {
            let id = &k[KEY_PREFIX.len()..];
            let n = manifest::shard_of(id);
            let known = match &shards[n] {
                ShardRead::Kept(s) => s.at(id).ok().map(|i| {
                    seen[n][i] = true;
                    s.rows()[i].1
                }),
                _ => None,
            };
            // Taken before the entry is read: if another tab writes in between, the stamp
            // kept is the older one and the entry is read again next time.
            let stamp = self.backend.stamp(k).ok().flatten();
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
            let (line, entry) = match row.zip(stamp.as_deref()).and_then(|(r, s)| indexed(r, s)) {
                Some((d, revision)) => (
                    row.map(String::from),
                    match manifest::check(known, revision) {
                        Ok(()) => Ok((d, revision)),
                        Err(why) => Err((why, Some(d))),
                    },
                ),
                None => {
                    let sealed = !self.vaulted || stamp.is_some();
                    // (An entry removed by another tab since the keys were read is not listed.)
                    let Some(text) = self.backend.get(k)? else {
                        continue;
                    };
                    match Self::judge(id, &text, sealed, known) {
                        Entry::Kept(e) => (
                            stamp.and_then(|s| index_line(&e, &s)),
                            Ok((summary(&e), e.revision)),
                        ),
                        Entry::Aside(why, e) => (None, Err((why, e.as_ref().map(summary)))),
                    }
                }
            };
            match entry {
                Ok((d, revision)) => {
                    if let Some(line) = line {
                        changed |= row != Some(line.as_str());
                        index.push('\n');
                        index.push_str(&line);
                    } else {
                        // A row that no longer holds goes.
                        changed |= row.is_some();
                    }
                    let finished = d.status == DraftStatus::Finished;
                    if manifest::newer(known, revision, finished) {
                        behind.push((n, id, revision, finished));
                    }
                    listing.drafts.push(d);
                }
                Err((why, record)) => {
                    changed |= row.is_some();
                    listing.unreadable.push(k.clone());
                    listing.set_aside.push(SetAside {
                        key: k.clone(),
                        id: id.into(),
                        why,
                        record,
                    });
                }
            }
        }
        // Rows not found are of entries deleted since. An index storage refuses (full, say)
        // goes: the records' room matters more than the cache.
        if (changed || found != rows.len()) && self.backend.set(INDEX_KEY, &index).is_err() {
            let _ = self.backend.remove(INDEX_KEY);
        }
        // A damaged shard is said, and made again, only once a record opened with this key.
        let opened = !listing.drafts.is_empty();
        listing.manifest_damaged = opened && shards.iter().any(|s| matches!(s, ShardRead::Damaged));
        self.heal(&shards, &seen, &behind, opened);
        listing
            .drafts
            .sort_by(|a, b| b.saved_at.cmp(&a.saved_at).then(a.id.cmp(&b.id)));
        Ok(listing)
    }

    /// The stored text of the list's index ([`INDEX_KEY`]), empty when there is none or it
    /// cannot be used: once a passphrase is set, an index in clear is not the toolkit's.
    fn index_text(&self) -> String {
        if self.sealed(INDEX_KEY).unwrap_or(false) {
            self.backend
                .get(INDEX_KEY)
                .ok()
                .flatten()
                .unwrap_or_default()
        } else {
            String::new()
        }
    }

    /// Brings the manifest up to date with what a listing found, shard by shard: rows raised to
    /// the records it is `behind`, rows no entry was `seen` for marked deleted, a damaged shard made
    /// again. Each shard is read again just before it is written, and changed only forward
    /// ([`Shard::advance`], [`Shard::bury`]), so a row another tab moved on since is never
    /// taken back. Failing to write changes nothing else: the manifest is then behind, which
    /// accepts what is newer.
    fn heal(
        &self,
        shards: &[ShardRead],
        seen: &[Vec<bool>],
        behind: &[(usize, &str, u64, bool)],
        opened: bool,
    ) {
        for (n, shard) in shards.iter().enumerate() {
            let mine = || behind.iter().filter(move |l| l.0 == n);
            let gone = || {
                shard
                    .rows()
                    .iter()
                    .zip(&seen[n])
                    .filter_map(|((id, k), seen)| match k {
                        Known::Live { revision, .. } if !seen => Some((id, *revision)),
                        _ => None,
                    })
            };
            let remake = opened && matches!(shard, ShardRead::Damaged);
            if !remake && mine().next().is_none() && gone().next().is_none() {
                continue;
            }
            let (mut s, mut write) = match self.read_shard(n) {
                Ok(ShardRead::Kept(s)) => (Rc::unwrap_or_clone(s), false),
                Ok(ShardRead::Missing) => (Shard::default(), false),
                // Made again only if it was damaged when the listing began (and this key
                // opened a record); otherwise it is left as it is.
                Ok(ShardRead::Damaged) if remake => (Shard::default(), true),
                _ => continue,
            };
            for &(_, id, revision, finished) in mine() {
                write |= s.advance(id, revision, finished);
            }
            for (id, revision) in gone() {
                write |= s.bury(id, revision);
            }
            if write {
                let _ = self.backend.set(&manifest::shard_key(n), &s.to_text());
            }
        }
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

    /// Synchronous [`DraftStore::delete`]: the entry is removed, then the manifest records the
    /// id as deleted at its revision, so that a copy of it put back is set aside. An entry set
    /// aside is not deleted. (A final record is deleted with [`KvStore::delete_final`].)
    pub fn delete_now(&self, id: &str) -> Result<Option<Envelope>, StoreError> {
        self.delete_with(id, None)
    }

    /// Deletes a final record (a finished referral, a finalised assessment), leaving its
    /// `tombstone` (issue 16, item 4; `crate::tombstone`): the tombstone is recorded first,
    /// then the entry removed, then the manifest records the deletion. Nothing is deleted if
    /// the tombstone cannot be stored, or is not this record's. Returns what was stored, for
    /// undo ([`KvStore::lift_tombstone`]).
    pub fn delete_final(
        &self,
        id: &str,
        tombstone: &Tombstone,
    ) -> Result<Option<Envelope>, StoreError> {
        if tombstone.id != id {
            return Err(StoreError::Unavailable(
                "the tombstone is not this record's".into(),
            ));
        }
        self.delete_with(id, Some(tombstone))
    }

    fn delete_with(
        &self,
        id: &str,
        tombstone: Option<&Tombstone>,
    ) -> Result<Option<Envelope>, StoreError> {
        let n = manifest::shard_of(id);
        let shard = self.read_shard(n)?;
        let known = shard.get(id);
        let Some(before) = self.checked(id, known)? else {
            return Ok(None);
        };
        // The tombstone first, so that no moment leaves a final record deleted without one.
        // With storage full (issue 16, item 7: deleting must free room, not fail for want of
        // it), the entry goes first and the tombstone, far smaller, takes part of its room; if
        // even that fails, the entry is put back and nothing is deleted.
        let mut later = None;
        if let Some(t) = tombstone {
            let mut all = self.tombstones()?;
            all.retain(|o| o.id != t.id);
            all.push(t.clone());
            let text = manifest::tombstones_text(&all).ok_or(StoreError::Unavailable(
                "the tombstone cannot be stored".into(),
            ))?;
            match self.backend.set(TOMBSTONES_KEY, &text) {
                Err(KvError::QuotaExceeded) => later = Some(text),
                other => other?,
            }
        }
        self.backend.remove(&key(id))?;
        if let Some(text) = later {
            if let Err(e) = self.backend.set(TOMBSTONES_KEY, &text) {
                let back = serde_json::to_string(&before).unwrap_or_default();
                let _ = self.backend.set(&key(id), &back);
                return Err(e.into());
            }
        }
        let revision = before.revision.max(known.map_or(0, |k| match k {
            Known::Live { revision, .. } | Known::Deleted { revision } => revision,
        }));
        self.record(n, shard, id, Known::Deleted { revision });
        Ok(Some(before))
    }

    /// The tombstones of deleted final records. A tombstone list that does not open (or is in
    /// clear once a passphrase is set) is [`StoreError::Unreadable`], and is never overwritten.
    pub fn tombstones(&self) -> Result<Vec<Tombstone>, StoreError> {
        let sealed = self.sealed(TOMBSTONES_KEY)?;
        match self.backend.get(TOMBSTONES_KEY)? {
            None => Ok(Vec::new()),
            Some(text) => {
                manifest::parse_tombstones(&text)
                    .filter(|_| sealed)
                    .ok_or(StoreError::Unreadable {
                        id: TOMBSTONES_KEY.into(),
                    })
            }
        }
    }

    /// Takes back `tombstone`, the one [`KvStore::delete_final`] just left, when the deletion
    /// is undone (the record saved back first, as a new record: `save_now(envelope, None)`).
    /// Only that very tombstone goes. Returns whether it was there.
    pub fn lift_tombstone(&self, tombstone: &Tombstone) -> Result<bool, StoreError> {
        let mut all = self.tombstones()?;
        let before = all.len();
        all.retain(|t| t != tombstone);
        if all.len() == before {
            return Ok(false);
        }
        if all.is_empty() {
            self.backend.remove(TOMBSTONES_KEY)?;
        } else if let Some(text) = manifest::tombstones_text(&all) {
            self.backend.set(TOMBSTONES_KEY, &text)?;
        }
        Ok(true)
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
            // (A sealed entry is ASCII: its length in characters is its length in bytes.)
            stamp(
                &head,
                if v.is_ascii() {
                    v.len()
                } else {
                    v.chars().count()
                },
            )
        }))
    }
}
