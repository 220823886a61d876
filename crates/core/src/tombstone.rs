//! What a deleted final record leaves behind (issue 16, DESIGN.md "Security model": "a deleted
//! final record leaves a sealed tombstone so that an altered copy cannot come back as the
//! original").
//!
//! A final record (a finished referral, a finalised Gateway Assessment, a signed-off PLP item)
//! is read-only (PGA-10, s8). Deleting one is allowed (the user may need the room, or the case
//! has moved force), but it leaves a [`Tombstone`]: its id, its reference and a digest of its
//! content, kept in the sealed manifest (`crate::manifest`). An import that brings back a
//! record under a tombstoned id is then told apart: the same content (a restore from the user's
//! own export) or altered content, which can never come back as the original, only as a
//! clearly marked copy that is not final (`crate::import`).

use crate::draft::Draft;
use crate::form::{Context, FormSchema};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A deleted final record: enough to recognise it, nothing of its content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tombstone {
    /// The record's id.
    pub id: String,
    /// Its form ("nrf", "pga", ...).
    pub form: String,
    /// Its reference (`NRF-YYYYMMDD-XXXXXXXX`, ...), as the user knew it.
    pub reference: String,
    /// The digest of its content ([`digest`]): lowercase hex of SHA-256.
    pub digest: String,
    /// When it was deleted (RFC 3339, from the caller).
    pub deleted_at: String,
}

/// The day a digest reads its record on: the last day chrono knows, when nobody is under 18,
/// so that no answer shown only for a child (`form::Condition::Under18`) is in it. Visibility
/// can only shrink as the days pass (no condition negates another), so what the digest reads
/// is in every later export, whatever the day it was exported on.
const DIGEST_DAY: chrono::NaiveDate = chrono::NaiveDate::MAX;

/// The digest of a record's content: lowercase hex of SHA-256 of its canonical form, the
/// record's own fields as its export holds them (`export::content`: id, form and version,
/// times, status, reference and finish, answers as exported, pages passed, audit trail, the
/// hidden answers exported as fields of their own, a copy's mark), read on [`DIGEST_DAY`].
/// What an export drops or rewrites (hidden and blank answers, the spelling of an answer,
/// the warnings and Gateway Decision worked out on export) is dropped or rewritten here too,
/// so a stored final record and the import of its export have the same digest (issue 16).
pub fn digest(draft: &Draft, schema: &FormSchema) -> String {
    use sha2::{Digest, Sha256};
    let ctx = Context { today: DIGEST_DAY };
    let canonical = Value::Object(crate::export::content(schema, draft, &ctx)).to_string();
    let mut out = String::with_capacity(64);
    for b in Sha256::digest(canonical.as_bytes()) {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 15)]));
    }
    out
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// The tombstone `draft` leaves when it is deleted at `deleted_at` (RFC 3339, from the caller),
/// or `None` when it is not final: only a final record leaves one.
pub fn of(draft: &Draft, schema: &FormSchema, deleted_at: &str) -> Option<Tombstone> {
    let finished = draft.finished.as_ref().filter(|_| draft.is_locked())?;
    Some(Tombstone {
        id: draft.id.clone(),
        form: draft.form.clone(),
        reference: finished.reference.clone(),
        digest: digest(draft, schema),
        deleted_at: deleted_at.into(),
    })
}
