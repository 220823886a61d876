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
/// hidden answers exported as fields of their own, a copy's mark), read on `DIGEST_DAY` and
/// written out as `feed` writes a value, hashed with [`sha256`]. What an export drops or rewrites (hidden and blank
/// answers, the spelling of an answer, the warnings and Gateway Decision worked out on export)
/// is dropped or rewritten here too, so a stored final record and the import of its export have
/// the same digest (issue 16).
pub fn digest(draft: &Draft, schema: &FormSchema) -> String {
    let ctx = Context::on(DIGEST_DAY);
    let mut bytes = Vec::new();
    feed(
        &mut bytes,
        &Value::Object(crate::export::content(schema, draft, &ctx)),
    );
    let mut out = String::with_capacity(64);
    for b in sha256(&bytes) {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 15)]));
    }
    out
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Writes `v` out, each kind of value tagged and each text preceded by its length, so that two
/// different values never write the same bytes (and no JSON writer is needed). An object's
/// fields come in the map's order: by name.
fn feed(out: &mut Vec<u8>, v: &Value) {
    let text = |out: &mut Vec<u8>, s: &str| {
        out.extend_from_slice(&(s.len() as u64).to_le_bytes());
        out.extend_from_slice(s.as_bytes());
    };
    match v {
        Value::Null => out.push(b'n'),
        Value::Bool(b) => out.push(if *b { b't' } else { b'f' }),
        Value::Number(n) => {
            out.push(b'#');
            text(out, &n.to_string());
        }
        Value::String(s) => {
            out.push(b's');
            text(out, s);
        }
        Value::Array(items) => {
            out.push(b'[');
            for x in items {
                feed(out, x);
            }
            out.push(b']');
        }
        Value::Object(fields) => {
            out.push(b'{');
            for (k, x) in fields {
                text(out, k);
                feed(out, x);
            }
            out.push(b'}');
        }
    }
}

/// SHA-256 (FIPS 180-4) of `data`, written for size: one loop per round, no unrolling, no
/// table beyond the 64 round constants. About a tenth of the `sha2` crate's code in the
/// app's download (docs/decisions/0004-import.md); `tests/final_import.rs` checks it against
/// the standard's test vectors and against `sha2` (a dev-dependency) on many inputs.
pub fn sha256(data: &[u8]) -> [u8; 32] {
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    // The message, a 1 bit, zeros to 56 bytes into a block, and its length in bits.
    let mut m = data.to_vec();
    m.push(0x80);
    while m.len() % 64 != 56 {
        m.push(0);
    }
    m.extend_from_slice(&((data.len() as u64).wrapping_mul(8)).to_be_bytes());
    let mut w = [0u32; 64];
    for block in m.chunks_exact(64) {
        for i in 0..64 {
            w[i] = if i < 16 {
                u32::from_be_bytes([
                    block[4 * i],
                    block[4 * i + 1],
                    block[4 * i + 2],
                    block[4 * i + 3],
                ])
            } else {
                let (a, b) = (w[i - 15], w[i - 2]);
                let s0 = a.rotate_right(7) ^ a.rotate_right(18) ^ (a >> 3);
                let s1 = b.rotate_right(17) ^ b.rotate_right(19) ^ (b >> 10);
                w[i - 16]
                    .wrapping_add(s0)
                    .wrapping_add(w[i - 7])
                    .wrapping_add(s1)
            };
        }
        let mut v = h;
        for i in 0..64 {
            let [a, b, c, d, e, f, g, x] = v;
            let t1 = x
                .wrapping_add(e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25))
                .wrapping_add((e & f) ^ (!e & g))
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let t2 = (a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22))
                .wrapping_add((a & b) ^ (a & c) ^ (b & c));
            v = [t1.wrapping_add(t2), a, b, c, d.wrapping_add(t1), e, f, g];
        }
        for i in 0..8 {
            h[i] = h[i].wrapping_add(v[i]);
        }
    }
    let mut out = [0u8; 32];
    for i in 0..8 {
        out[4 * i..4 * i + 4].copy_from_slice(&h[i].to_be_bytes());
    }
    out
}

/// SHA-256's round constants (FIPS 180-4, 4.2.2).
const K: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

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
