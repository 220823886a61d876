//! The encrypted form of a stored draft (issue 8, groundwork; DESIGN.md "Principles", "Records"):
//! what the envelope's `payload` holds once drafts are encrypted at rest, and the rules that keep
//! it safe. Pure: the cipher itself runs in the browser (WebCrypto: PBKDF2-SHA256 to derive an
//! AES-256-GCM key from the passphrase, then AES-GCM; `src/services/crypto.rs`); this module says
//! what is written, checks what is read, makes every nonce fresh, and binds each ciphertext to
//! its record so that one record's ciphertext cannot be passed off as another's.
//!
//! Format (the envelope's `encryption` is [`SCHEME`]; its `payload` is this JSON):
//! `{"v":1,"kdf":"PBKDF2-SHA256","iterations":600000,"salt":"<base64, 16 bytes>",
//! "nonce":"<base64, 12 bytes>","ct":"<base64: ciphertext and 16-byte tag>"}`.
//! The additional authenticated data is [`aad`]: the format name, the record's id and its form,
//! so a ciphertext moved to another record, or a record relabelled, fails to decrypt.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The envelope's `encryption` value for this scheme.
pub const SCHEME: &str = "aes-256-gcm+pbkdf2-sha256";
/// PBKDF2 iterations: OWASP's figure for PBKDF2-HMAC-SHA256 (2023 Password Storage Cheat Sheet).
pub const ITERATIONS: u32 = 600_000;
/// Salt length in bytes.
pub const SALT_LEN: usize = 16;
/// AES-GCM nonce length in bytes (96 bits).
pub const NONCE_LEN: usize = 12;
/// AES-GCM tag length in bytes.
pub const TAG_LEN: usize = 16;

/// A sealed payload, decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sealed {
    /// PBKDF2 iterations the key was derived with.
    pub iterations: u32,
    /// PBKDF2 salt.
    pub salt: Vec<u8>,
    /// AES-GCM nonce.
    pub nonce: [u8; NONCE_LEN],
    /// Ciphertext followed by the tag.
    pub ct: Vec<u8>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Wire {
    v: u32,
    kdf: String,
    iterations: u32,
    salt: String,
    nonce: String,
    ct: String,
}

/// Why a payload could not be read as a sealed draft. Each says what is wrong, for the message
/// that quarantines the entry (nothing is overwritten).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SealError {
    /// Not the JSON of a sealed payload.
    NotSealed,
    /// A version or key derivation this app does not know.
    Unsupported(String),
    /// Fewer PBKDF2 iterations than [`ITERATIONS`]: refused rather than weakened.
    WeakKdf(u32),
    /// A field that is not base64, or of the wrong length.
    BadField(&'static str),
}

impl fmt::Display for SealError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SealError::NotSealed => f.write_str("The stored entry is not an encrypted draft"),
            SealError::Unsupported(what) => write!(f, "The stored entry uses {what}, which this version cannot read"),
            SealError::WeakKdf(n) => write!(f, "The stored entry's key was derived with {n} iterations, fewer than the {ITERATIONS} required"),
            SealError::BadField(field) => write!(f, "The stored entry's {field} is damaged"),
        }
    }
}

/// The payload text for a sealed draft.
pub fn encode(s: &Sealed) -> String {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD;
    serde_json::to_string(&Wire {
        v: 1,
        kdf: "PBKDF2-SHA256".into(),
        iterations: s.iterations,
        salt: b64.encode(&s.salt),
        nonce: b64.encode(s.nonce),
        ct: b64.encode(&s.ct),
    })
    .unwrap_or_default()
}

/// Reads a payload written by [`encode`], checking every field.
pub fn decode(payload: &str) -> Result<Sealed, SealError> {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD;
    let w: Wire = serde_json::from_str(payload).map_err(|_| SealError::NotSealed)?;
    if w.v != 1 {
        return Err(SealError::Unsupported(format!("format version {}", w.v)));
    }
    if w.kdf != "PBKDF2-SHA256" {
        return Err(SealError::Unsupported(format!(
            "the key derivation '{}'",
            w.kdf
        )));
    }
    if w.iterations < ITERATIONS {
        return Err(SealError::WeakKdf(w.iterations));
    }
    let salt = b64
        .decode(&w.salt)
        .map_err(|_| SealError::BadField("salt"))?;
    if salt.len() != SALT_LEN {
        return Err(SealError::BadField("salt"));
    }
    let nonce: [u8; NONCE_LEN] = b64
        .decode(&w.nonce)
        .ok()
        .and_then(|n| n.try_into().ok())
        .ok_or(SealError::BadField("nonce"))?;
    let ct = b64
        .decode(&w.ct)
        .map_err(|_| SealError::BadField("ciphertext"))?;
    if ct.len() < TAG_LEN {
        return Err(SealError::BadField("ciphertext"));
    }
    Ok(Sealed {
        iterations: w.iterations,
        salt,
        nonce,
        ct,
    })
}

/// The additional authenticated data of record `id` of form `form`: the ciphertext only
/// decrypts under the record it was written for.
pub fn aad(id: &str, form: &str) -> Vec<u8> {
    // Each part with its length, so no two (id, form) pairs give the same bytes.
    format!(
        "prevent-toolkit/sealed-draft/1\n{}:{id}\n{}:{form}",
        id.len(),
        form.len()
    )
    .into_bytes()
}

/// Fresh nonces for one key: a random 8-byte prefix drawn when the key is unlocked, then a
/// 32-bit counter. Within a session no nonce repeats, whatever the random source does; two
/// sessions collide only if their 64-bit random prefixes do (NIST SP 800-38D, 8.2: a fixed field
/// and an invocation field). A session that spent its 2^32 nonces must unlock again.
#[derive(Clone, Debug)]
pub struct NonceSequence {
    prefix: [u8; 8],
    next: Option<u32>,
}

impl NonceSequence {
    /// A sequence with this random prefix.
    pub fn new(prefix: [u8; 8]) -> Self {
        Self {
            prefix,
            next: Some(0),
        }
    }

    /// Continues a sequence whose counter was kept (for example across a reload without a new
    /// unlock): `next` is the first counter value not used yet.
    pub fn resume(prefix: [u8; 8], next: u32) -> Self {
        Self {
            prefix,
            next: Some(next),
        }
    }

    /// The next nonce, or `None` once the counter is spent (a nonce is never reused).
    pub fn next_nonce(&mut self) -> Option<[u8; NONCE_LEN]> {
        let n = self.next?;
        self.next = n.checked_add(1);
        let mut out = [0u8; NONCE_LEN];
        out[..8].copy_from_slice(&self.prefix);
        out[8..].copy_from_slice(&n.to_be_bytes());
        Some(out)
    }
}
