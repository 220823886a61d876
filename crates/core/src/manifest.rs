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
    let mut k = String::from(MANIFEST_PREFIX);
    k.push(char::from(b"0123456789abcdef"[n % SHARDS]));
    k
}

/// A revision written as decimal digits (the shards and the list's index): `None` for anything
/// else. By hand, as the rest of these formats: less code in every bundle than `str::parse`.
pub fn revision_of(digits: &str) -> Option<u64> {
    if digits.is_empty() || digits.len() > 19 {
        return None;
    }
    digits.bytes().try_fold(0u64, |n, b| {
        b.is_ascii_digit().then(|| n * 10 + u64::from(b - b'0'))
    })
}

/// Writes `revision` in decimal digits at the end of `out`.
pub fn push_revision(out: &mut String, mut revision: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (revision % 10) as u8;
        revision /= 10;
        if revision == 0 {
            break;
        }
    }
    out.extend(digits[i..].iter().map(|&d| char::from(d)));
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

/// Whether an entry found stored at `revision` says more than `known`: a newer revision, or
/// the same one finished (or not) where the row says otherwise.
pub fn newer(known: Option<Known>, revision: u64, finished: bool) -> bool {
    match known {
        None => true,
        Some(Known::Live {
            revision: r,
            finished: f,
        }) => r < revision || (r == revision && f != finished),
        Some(Known::Deleted { revision: r }) => r < revision,
    }
}

/// One shard of the manifest: record id -> what is known of it. A short list (a sixteenth of
/// the records) kept in the order of the ids, searched by halves: less code in every bundle
/// than a map.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shard {
    rows: Vec<(String, Known)>,
}

impl Shard {
    /// Reads a shard's text; `None` when it is not one (damaged, or not opened).
    pub fn parse(text: &str) -> Option<Shard> {
        let mut lines = text.split('\n');
        if lines.next()? != HEAD {
            return None;
        }
        let mut s = Shard::default();
        for line in lines {
            let mut f = line.split('\t');
            let (id, rev, st) = (f.next()?, f.next()?, f.next()?);
            let revision = revision_of(rev)?;
            let known = match st {
                "P" | "F" => Known::Live {
                    revision,
                    finished: st == "F",
                },
                "D" => Known::Deleted { revision },
                _ => return None,
            };
            // Written in the order of the ids, each once.
            let after = s.rows.last().is_none_or(|(last, _)| last.as_str() < id);
            if f.next().is_some() || !after || !s.set(id, known) {
                return None;
            }
        }
        Some(s)
    }

    /// The shard's text.
    pub fn to_text(&self) -> String {
        let mut out = String::from(HEAD);
        for (id, k) in &self.rows {
            let (rev, st) = match *k {
                Known::Live { revision, finished } => (revision, if finished { 'F' } else { 'P' }),
                Known::Deleted { revision } => (revision, 'D'),
            };
            out.push('\n');
            out.push_str(id);
            out.push('\t');
            push_revision(&mut out, rev);
            out.push('\t');
            out.push(st);
        }
        out
    }

    /// Where `id`'s row is (`Ok`), or would be (`Err`).
    pub fn at(&self, id: &str) -> Result<usize, usize> {
        self.rows.binary_search_by(|(i, _)| i.as_str().cmp(id))
    }

    /// What is known of `id`.
    pub fn get(&self, id: &str) -> Option<Known> {
        self.at(id).ok().map(|i| self.rows[i].1)
    }

    /// Every row, in the order of the ids.
    pub fn rows(&self) -> &[(String, Known)] {
        &self.rows
    }

    /// Records what a save wrote (`Live`) or a delete removed (`Deleted`), replacing the row.
    /// An id that cannot be a row (empty, or with a tab or a line break) is not recorded: such
    /// an entry is only ever accepted as unknown. Returns whether the shard changed.
    pub fn set(&mut self, id: &str, known: Known) -> bool {
        if id.is_empty() || id.contains(['\t', '\n', '\r']) {
            return false;
        }
        match self.at(id) {
            Ok(i) if self.rows[i].1 == known => false,
            Ok(i) => {
                self.rows[i].1 = known;
                true
            }
            Err(i) => {
                self.rows.insert(i, (id.into(), known));
                true
            }
        }
    }

    /// Records an entry found stored at `revision` (a listing bringing the manifest up to date),
    /// only forward: a row that says as much or more is kept. Returns whether it changed.
    pub fn advance(&mut self, id: &str, revision: u64, finished: bool) -> bool {
        newer(self.get(id), revision, finished) && self.set(id, Known::Live { revision, finished })
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
}

/// The first line of the stored tombstones; then a line a tombstone: its id, form, reference,
/// digest and when it was deleted, separated by tabs (written by hand, as the shards are).
pub const TOMBSTONES_HEAD: &str = "prevent-toolkit/tombstones/1";

/// Reads the stored tombstones; `None` when the text is not a list of them.
pub fn parse_tombstones(text: &str) -> Option<Vec<Tombstone>> {
    let mut lines = text.split('\n');
    if lines.next()? != TOMBSTONES_HEAD {
        return None;
    }
    lines
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            let [id, form, reference, digest, deleted_at] = f[..] else {
                return None;
            };
            Some(Tombstone {
                id: id.into(),
                form: form.into(),
                reference: reference.into(),
                digest: digest.into(),
                deleted_at: deleted_at.into(),
            })
        })
        .collect()
}

/// The stored text of `tombstones`; `None` when a field holds a tab or a line break (such a
/// tombstone cannot be stored, and the record is not deleted).
pub fn tombstones_text(tombstones: &[Tombstone]) -> Option<String> {
    let mut out = String::from(TOMBSTONES_HEAD);
    for t in tombstones {
        for (i, f) in [&t.id, &t.form, &t.reference, &t.digest, &t.deleted_at]
            .into_iter()
            .enumerate()
        {
            if f.contains(['\t', '\n', '\r']) {
                return None;
            }
            out.push(if i == 0 { '\n' } else { '\t' });
            out.push_str(f);
        }
    }
    Some(out)
}
