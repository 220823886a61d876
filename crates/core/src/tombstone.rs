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

use serde::{Deserialize, Serialize};

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
