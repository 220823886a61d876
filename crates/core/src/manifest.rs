//! The sealed manifest of stored records (issue 16, item 5 "Tamper-evident storage"; DESIGN.md
//! "Security model": "a sealed manifest (ids, revisions, status) detects rolled-back or planted
//! entries"; docs/decisions/0008-manifest.md).
//!
//! Someone holding the browser profile folder cannot write a sealed entry, but can put back an
//! older sealed copy of one (making a finished record editable again), put back a copy of a
//! deleted one, or plant an entry in clear. The manifest records, for every record id, the
//! revision last written and its status, or that it was deleted and at which revision. The
//! store ([`crate::store::KvStore`]) checks every entry it lists or loads against it ([`check`]):
//! an entry older than the manifest says is set aside ([`Why`]), never opened as real, never
//! overwritten, and named on the records hub.
//!
//! The manifest is a lower bound, never a claim that an entry must equal it: an entry *newer*
//! than the manifest (another tab's write whose manifest update was lost, or a crash between the
//! two writes) or absent from it is accepted, and the manifest is brought up to date. So two tabs
//! writing at once never make a genuine record look tampered with. Every save writes its entry
//! first and the manifest second, each as one synchronous read-modify-write.
//!
//! It is kept in [`SHARDS`] sealed entries (`pct.manifest.0` to `pct.manifest.f`), a record's
//! row in the shard of [`shard_of`] its id, so that a save (every keystroke) rewrites about a
//! sixteenth of it. This weakens nothing: the manifest accepts forward progress, so putting back
//! an older copy of one shard is no more than putting back an older copy of the whole.
//! Tombstones of deleted final records ([`crate::tombstone::Tombstone`]) are kept apart, under
//! [`TOMBSTONES_KEY`], written only when a final record is deleted.
//!
//! No digest of the content is kept per record: an attacker without the key can only put back
//! copies the toolkit wrote, and a copy's revision tells it apart already, since revisions only
//! grow (a record created again after being deleted carries on from the deleted revision,
//! [`next_revision`]). Two tabs can write the same revision at the same moment (localStorage is
//! not one atomic store across tabs), and a digest would then make the genuine copy look
//! tampered with. A deleted final record's content digest is in its tombstone.
//!
//! Each shard is text, written by hand like the list's index: a first line [`HEAD`], then a line
//! a record: its id, its revision and `P` (in progress), `F` (finished) or `D` (deleted),
//! separated by tabs.

use crate::tombstone::Tombstone;
use std::collections::BTreeMap;
use std::fmt;

/// Key prefix of the manifest's entries; sealed like the records (`vault::is_sealed_key`).
pub const MANIFEST_PREFIX: &str = "pct.manifest.";
/// How many shards the manifest is kept in.
pub const SHARDS: usize = 16;
/// Where the tombstones of deleted final records are kept (sealed): a JSON array.
pub const TOMBSTONES_KEY: &str = "pct.manifest.tombstones";
/// The first line of a shard.
pub const HEAD: &str = "prevent-toolkit/manifest/1";

/// The shard that keeps `id`'s row: FNV-1a of the id, modulo [`SHARDS`]. Not a secret and not a
/// defence: it only spreads the rows.
pub fn shard_of(id: &str) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    (h % SHARDS as u64) as usize
}

/// The storage key of shard `n` (`pct.manifest.0` to `pct.manifest.f`).
pub fn shard_key(n: usize) -> String {
    format!("{MANIFEST_PREFIX}{n:x}")
}

/// What the manifest knows of one record id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Known {
    /// Stored, written last at `revision` (or later, when an update was lost), and finished or
    /// not at that revision.
    Live {
        /// The revision.
        revision: u64,
        /// Whether it was final (finished or finalised) at that revision.
        finished: bool,
    },
    /// Deleted at `revision`: every genuine copy of it has that revision or an older one.
    Deleted {
        /// The revision deleted.
        revision: u64,
    },
}

impl Known {
    fn revision(self) -> u64 {
        match self {
            Known::Live { revision, .. } | Known::Deleted { revision } => revision,
        }
    }
}

/// Why an entry is set aside: never listed as a record, opened or overwritten. The `Display`
/// text completes "Set aside: ..." on the records hub.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    /// Its revision is older than the manifest's: an older copy put back. `finished`: the
    /// record is final, and the copy put back may not be.
    RolledBack {
        /// Whether the manifest has the record final.
        finished: bool,
    },
    /// A copy of a record that was deleted, put back.
    Deleted,
    /// Kept in clear although a passphrase is set: the toolkit never wrote it.
    NotEncrypted,
    /// It does not open: damaged, sealed under another passphrase, or moved from another
    /// record's entry.
    CannotOpen,
}

impl fmt::Display for Why {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Why::RolledBack { finished: true } => {
                "it was put back to an older copy, from before it was finished"
            }
            Why::RolledBack { finished: false } => "it was put back to an older copy",
            Why::Deleted => "it is a copy of a record that was deleted, put back",
            Why::NotEncrypted => "it is not encrypted, so it was not written by this toolkit",
            Why::CannotOpen => "it cannot be opened",
        })
    }
}

/// Checks an entry of revision `revision` against what the manifest knows of its id: older
/// than the last revision written, or no newer than the revision deleted, is set aside. An
/// entry newer than the manifest, or unknown to it, is accepted (forward progress).
pub fn check(known: Option<Known>, revision: u64) -> Result<(), Why> {
    match known {
        Some(Known::Live {
            revision: r,
            finished,
        }) if revision < r => Err(Why::RolledBack { finished }),
        Some(Known::Deleted { revision: r }) if revision <= r => Err(Why::Deleted),
        _ => Ok(()),
    }
}

/// The revision a record created under an id that is not stored takes: one more than any the
/// manifest knows of the id (deleted, or stored and since gone), so that no copy of what was
/// there before can pass for it (1 for a new id).
pub fn next_revision(known: Option<Known>) -> u64 {
    known.map_or(0, Known::revision) + 1
}

/// One shard of the manifest: record id -> what is known of it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shard {
    rows: BTreeMap<String, Known>,
}

impl Shard {
    /// Reads a shard's text; `None` when it is not one (damaged, or not opened).
    pub fn parse(text: &str) -> Option<Shard> {
        let mut lines = text.split('\n');
        if lines.next()? != HEAD {
            return None;
        }
        let mut rows = BTreeMap::new();
        for line in lines {
            let mut f = line.split('\t');
            let (id, rev, st) = (f.next()?, f.next()?, f.next()?);
            if f.next().is_some() || id.is_empty() {
                return None;
            }
            let revision: u64 = rev.parse().ok()?;
            let known = match st {
                "P" | "F" => Known::Live {
                    revision,
                    finished: st == "F",
                },
                "D" => Known::Deleted { revision },
                _ => return None,
            };
            rows.insert(id.to_string(), known);
        }
        Some(Shard { rows })
    }

    /// The shard's text.
    pub fn to_text(&self) -> String {
        let mut out = String::with_capacity(HEAD.len() + self.rows.len() * 44);
        out.push_str(HEAD);
        for (id, k) in &self.rows {
            let (rev, st) = match k {
                Known::Live {
                    revision,
                    finished: false,
                } => (revision, 'P'),
                Known::Live {
                    revision,
                    finished: true,
                } => (revision, 'F'),
                Known::Deleted { revision } => (revision, 'D'),
            };
            out.push('\n');
            out.push_str(id);
            out.push('\t');
            out.push_str(&rev.to_string());
            out.push('\t');
            out.push(st);
        }
        out
    }

    /// What is known of `id`.
    pub fn get(&self, id: &str) -> Option<Known> {
        self.rows.get(id).copied()
    }

    /// Every row.
    pub fn rows(&self) -> impl Iterator<Item = (&str, Known)> {
        self.rows.iter().map(|(id, k)| (id.as_str(), *k))
    }

    /// Records what a save wrote (`Live`) or a delete removed (`Deleted`), replacing the row.
    /// An id that cannot be a row (a tab or a line break in it) is not recorded: such an entry
    /// is only ever accepted as unknown. Returns whether the shard changed.
    pub fn set(&mut self, id: &str, known: Known) -> bool {
        if id.is_empty() || id.contains(['\t', '\n', '\r']) {
            return false;
        }
        self.rows.insert(id.to_string(), known) != Some(known)
    }

    /// Records an entry found stored at `revision` (a listing bringing the manifest up to date),
    /// only forward: a row that says as much or more is kept. Returns whether it changed.
    pub fn advance(&mut self, id: &str, revision: u64, finished: bool) -> bool {
        let newer = match self.get(id) {
            None => true,
            Some(Known::Live {
                revision: r,
                finished: f,
            }) => r < revision || (r == revision && f != finished),
            Some(Known::Deleted { revision: r }) => r < revision,
        };
        newer && self.set(id, Known::Live { revision, finished })
    }

    /// Records that the entry the manifest had at `revision` is gone (deleted in a tab whose
    /// manifest update was lost), only if the row still says so. Returns whether it changed.
    pub fn bury(&mut self, id: &str, revision: u64) -> bool {
        match self.get(id) {
            Some(Known::Live { revision: r, .. }) if r == revision => {
                self.set(id, Known::Deleted { revision })
            }
            _ => false,
        }
    }

    /// Whether the shard has no row.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// Reads the stored tombstones; `None` when the text is not a list of them.
pub fn parse_tombstones(text: &str) -> Option<Vec<Tombstone>> {
    serde_json::from_str(text).ok()
}

/// The stored text of `tombstones`.
pub fn tombstones_text(tombstones: &[Tombstone]) -> String {
    serde_json::to_string(tombstones).unwrap_or_else(|_| "[]".into())
}
