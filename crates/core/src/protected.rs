//! Protected referral files (issue 20, item 3; DESIGN.md "Hand-overs"; decision 0025): a
//! partner's referral encrypted in the browser to the Prevent team's public key, so that it can
//! go by ordinary email and only the team's officers' toolkit opens it.
//!
//! The file is a standard JWE (RFC 7516, flattened JSON serialisation) with `alg` "ECDH-ES"
//! (direct key agreement on P-256 with an ephemeral key, RFC 7518 s4.6) and `enc` "A256GCM": any
//! JOSE library holding the team's private key opens it, and the end-to-end tests check that an
//! independent one does. The browser does the cryptography (WebCrypto's ECDH, SHA-256 and
//! AES-GCM: no cipher code in the download); this module is the pure part: the header, the
//! Concat KDF (RFC 7518 s4.6.2, one SHA-256 round with the core's own `tombstone::sha256`),
//! the JWK thumbprint (RFC 7638) that names the team's key (`kid`), and reading a file back
//! with a clear message for anything wrong.
//!
//! The team's key pair is made in the officers' toolkit and its private half kept sealed in
//! the officers' vault ([`TEAM_KEY`], a sealed entry), or carried to a second officer in a file
//! sealed under a passphrase of its own ([`key_file`], [`open_key_file`]).

use crate::deployment::PublicKey;
use crate::sealed::{self, NonceSequence};
use crate::vault::{self, Key, VaultError};
use base64::Engine;
use serde_json::{json, Value};

/// The vault's entry holding the team's private key (a sealed entry: `vault::is_sealed_key`).
pub use crate::vault::TEAM_KEY;
/// The JWE's content type: a referral export (`export::to_json_string`).
pub const CONTENT_TYPE: &str = "prevent-toolkit/referral+json";
/// The largest protected file opened (a referral export is far smaller).
pub const MAX_BYTES: usize = 5 * 1024 * 1024;
/// The team-key file's format.
pub const KEY_FILE_FORMAT: &str = "prevent-toolkit/team-key";
/// What the team-key file's sealing is bound to (its associated data).
const KEY_FILE_ENTRY: &str = "pct.team-key-file";

fn b64u() -> base64::engine::GeneralPurpose {
    base64::engine::general_purpose::URL_SAFE_NO_PAD
}

/// Base64url without padding (JOSE's encoding).
pub fn b64url(bytes: &[u8]) -> String {
    b64u().encode(bytes)
}

/// The input whose SHA-256 is the key's RFC 7638 thumbprint: the required members in
/// lexicographic order, no white space.
pub fn thumbprint_input(key: &PublicKey) -> String {
    format!(
        r#"{{"crv":"P-256","kty":"EC","x":"{}","y":"{}"}}"#,
        key.x, key.y
    )
}

/// The key's RFC 7638 thumbprint, base64url: its id (`kid`) in every file protected for it.
pub fn thumbprint(key: &PublicKey) -> String {
    b64url(&crate::tombstone::sha256(thumbprint_input(key).as_bytes()))
}

/// The content key of a file for the shared secret `z` (ECDH-ES with A256GCM, no PartyU or
/// PartyV info: one round of the Concat KDF).
pub fn content_key(z: &[u8]) -> [u8; 32] {
    crate::tombstone::sha256(&concat_kdf_input(z, "A256GCM", &[], &[], 256))
}

/// A key's id as this toolkit shows it to people comparing two keys: the thumbprint's first
/// 16 characters in groups of four ("Xy3a 9kQ2 …").
pub fn short_id(kid: &str) -> String {
    let c: Vec<char> = kid.chars().take(16).collect();
    c.chunks(4)
        .map(|g| g.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The public key as a JWK object (what `deployment.json`'s `public_key` holds).
pub fn public_jwk(key: &PublicKey) -> Value {
    json!({ "kty": "EC", "crv": "P-256", "x": key.x, "y": key.y })
}

/// The Concat KDF input for one SHA-256 round (RFC 7518 s4.6.2, NIST SP 800-56A): the round
/// counter 1, the shared secret `z`, then AlgorithmID (`enc` for direct key agreement),
/// PartyUInfo, PartyVInfo and the key length in bits. Its SHA-256 is the content key when
/// `bits` is at most 256.
pub fn concat_kdf_input(z: &[u8], enc: &str, apu: &[u8], apv: &[u8], bits: u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(4 + z.len() + 24 + enc.len() + apu.len() + apv.len());
    out.extend_from_slice(&1u32.to_be_bytes());
    out.extend_from_slice(z);
    for part in [enc.as_bytes(), apu, apv] {
        out.extend_from_slice(&(part.len() as u32).to_be_bytes());
        out.extend_from_slice(part);
    }
    out.extend_from_slice(&bits.to_be_bytes());
    out
}

/// The protected header of a file for the team key `kid`, with the ephemeral public key `epk`,
/// base64url-encoded: also the AES-GCM associated data (RFC 7516 s5.1, step 14).
pub fn header(epk: &PublicKey, kid: &str) -> String {
    // Written out rather than serialised: every value is base64url or a constant, so nothing
    // needs escaping, and the partners' download carries no compact JSON writer for it.
    let h = format!(
        r#"{{"alg":"ECDH-ES","enc":"A256GCM","kid":"{kid}","cty":"{CONTENT_TYPE}","epk":{}}}"#,
        public_jwk_text(epk)
    );
    b64url(h.as_bytes())
}

/// [`public_jwk`] as JSON text.
pub fn public_jwk_text(key: &PublicKey) -> String {
    format!(
        r#"{{"kty":"EC","crv":"P-256","x":"{}","y":"{}"}}"#,
        key.x, key.y
    )
}

/// The file: the JWE's flattened JSON serialisation of `header` (from [`header`]), the `iv`
/// and WebCrypto's AES-GCM output (`sealed`: the ciphertext then the 16-byte tag).
pub fn file(header: &str, iv: &[u8; 12], sealed: &[u8]) -> Result<String, ProtectedError> {
    if sealed.len() < 16 {
        return Err(ProtectedError::Damaged("it is cut short".into()));
    }
    let (ct, tag) = sealed.split_at(sealed.len() - 16);
    Ok(serde_json::to_string_pretty(&json!({
        "protected": header,
        "iv": b64url(iv),
        "ciphertext": b64url(ct),
        "tag": b64url(tag),
    }))
    .unwrap_or_default())
}

/// A protected file, read and checked, ready for the browser to open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Protected {
    /// The protected header as written (the associated data).
    pub aad: String,
    /// The thumbprint of the key it was protected for.
    pub kid: String,
    /// The sender's ephemeral public key.
    pub epk: PublicKey,
    /// The AES-GCM nonce.
    pub iv: [u8; 12],
    /// The ciphertext followed by the tag (what WebCrypto's decrypt takes).
    pub sealed: Vec<u8>,
}

/// Why a file could not be read or opened. Nothing is stored in any case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProtectedError {
    /// Not a protected file at all (a plain referral, perhaps): the caller reads it as one.
    NotProtected,
    /// A protected file that cannot be read; the text says what is wrong.
    Damaged(String),
    /// Protected for another key (another team's, or a key this team replaced).
    OtherKey {
        /// The file's key id.
        file: String,
        /// This toolkit's key id.
        ours: String,
    },
    /// The team's key is not in this toolkit.
    NoKey,
    /// It does not open with the key it names: changed after it was protected.
    Tampered,
}

impl std::fmt::Display for ProtectedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProtectedError::NotProtected => f.write_str("This is not a protected referral file"),
            ProtectedError::Damaged(why) => write!(f, "This protected referral file cannot be read: {why}. Nothing has been opened or saved. Ask the sender to download it again and send it again"),
            ProtectedError::OtherKey { file, ours } => write!(f, "This file was protected for another key ({}), not this team's ({}). Nothing has been opened. It may be meant for another force's Prevent team, or made with a key your team has replaced: ask the sender which address they used", short_id(file), short_id(ours)),
            ProtectedError::NoKey => f.write_str("This file is protected for a Prevent team's key, and this toolkit does not hold your team's key. Nothing has been opened. Add the team key first (Team key, on the settings page), then open the file again"),
            ProtectedError::Tampered => f.write_str("This protected referral file was changed or damaged after it was protected, so it does not open. Nothing has been opened or saved. Ask the sender to download it again and send it again"),
        }
    }
}

fn field<'a>(o: &'a serde_json::Map<String, Value>, name: &str) -> Result<&'a str, ProtectedError> {
    o.get(name)
        .and_then(Value::as_str)
        .ok_or_else(|| ProtectedError::Damaged(format!("its \"{name}\" is missing")))
}

fn decode(o: &serde_json::Map<String, Value>, name: &str) -> Result<Vec<u8>, ProtectedError> {
    b64u()
        .decode(field(o, name)?)
        .map_err(|_| ProtectedError::Damaged(format!("its \"{name}\" is not base64url")))
}

/// Reads a file: [`ProtectedError::NotProtected`] when it is not a protected file (no
/// `protected` and `ciphertext` members), otherwise the checked parts or what is wrong.
pub fn parse(bytes: &[u8]) -> Result<Protected, ProtectedError> {
    if bytes.len() > MAX_BYTES {
        return Err(ProtectedError::Damaged("it is larger than 5 MB".into()));
    }
    let Ok(Value::Object(o)) = serde_json::from_slice::<Value>(bytes) else {
        return Err(ProtectedError::NotProtected);
    };
    if !(o.contains_key("protected") && o.contains_key("ciphertext")) {
        return Err(ProtectedError::NotProtected);
    }
    let aad = field(&o, "protected")?.to_string();
    let h: Value = serde_json::from_slice(&decode(&o, "protected")?)
        .map_err(|_| ProtectedError::Damaged("its header is not JSON".into()))?;
    let Some(h) = h.as_object() else {
        return Err(ProtectedError::Damaged(
            "its header is not a JSON object".into(),
        ));
    };
    if h.get("alg").and_then(Value::as_str) != Some("ECDH-ES")
        || h.get("enc").and_then(Value::as_str) != Some("A256GCM")
    {
        return Err(ProtectedError::Damaged(
            "it is not protected the way this toolkit protects referrals (ECDH-ES with A256GCM)"
                .into(),
        ));
    }
    if h.get("cty").and_then(Value::as_str) != Some(CONTENT_TYPE) {
        return Err(ProtectedError::Damaged(
            "it does not hold a referral from this toolkit".into(),
        ));
    }
    let kid = field(h, "kid")?.to_string();
    let epk =
        crate::deployment::public_key(h.get("epk").unwrap_or(&Value::Null)).map_err(|_| {
            ProtectedError::Damaged("its sender's key is not a P-256 public key".into())
        })?;
    let iv: [u8; 12] = decode(&o, "iv")?
        .try_into()
        .map_err(|_| ProtectedError::Damaged("its \"iv\" is not 12 bytes".into()))?;
    let tag = decode(&o, "tag")?;
    if tag.len() != 16 {
        return Err(ProtectedError::Damaged(
            "its \"tag\" is not 16 bytes".into(),
        ));
    }
    let mut sealed = decode(&o, "ciphertext")?;
    sealed.extend_from_slice(&tag);
    Ok(Protected {
        aad,
        kid,
        epk,
        iv,
        sealed,
    })
}

/// Whether this toolkit's key (`ours`, its thumbprint; none when it holds no key) can open
/// `file`: the refusal to show when not.
pub fn check_key(file: &Protected, ours: Option<&str>) -> Result<(), ProtectedError> {
    match ours {
        None => Err(ProtectedError::NoKey),
        Some(k) if k != file.kid => Err(ProtectedError::OtherKey {
            file: file.kid.clone(),
            ours: k.to_string(),
        }),
        Some(_) => Ok(()),
    }
}

/// The team's key pair as the vault keeps it: a P-256 private JWK.
#[derive(Clone, PartialEq, Eq)]
pub struct TeamKey {
    /// Its public half.
    pub public: PublicKey,
    /// The private scalar, base64url (32 bytes).
    pub d: String,
}

impl std::fmt::Debug for TeamKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TeamKey")
            .field("public", &self.public)
            .finish_non_exhaustive()
    }
}

impl TeamKey {
    /// Reads a private JWK (`{"kty":"EC","crv":"P-256","x","y","d"}`, as WebCrypto exports it).
    pub fn from_jwk(v: &Value) -> Result<TeamKey, String> {
        let bad = || "It is not a P-256 private key".to_string();
        let d = v.get("d").and_then(Value::as_str).ok_or_else(bad)?;
        if b64u().decode(d).map(|b| b.len()) != Ok(32) {
            return Err(bad());
        }
        let mut public = v.clone();
        if let Some(o) = public.as_object_mut() {
            o.retain(|k, _| ["kty", "crv", "x", "y"].contains(&k.as_str()));
        }
        let public = crate::deployment::public_key(&public).map_err(|_| bad())?;
        Ok(TeamKey {
            public,
            d: d.to_string(),
        })
    }

    /// The private JWK (what WebCrypto imports, and what the vault keeps).
    pub fn jwk(&self) -> Value {
        json!({ "kty": "EC", "crv": "P-256", "x": self.public.x, "y": self.public.y, "d": self.d })
    }
}

/// The file that carries the team's key to a second officer: the public key in clear (so the
/// receiver sees whose it is) and the private JWK sealed under `key`, derived from the file's
/// own passphrase with `salt` (`sealed::ITERATIONS` of PBKDF2-SHA256, as the vault).
pub fn key_file(
    team: &TeamKey,
    key: &Key,
    salt: &[u8],
    nonces: &mut NonceSequence,
) -> Result<String, VaultError> {
    let sealed = vault::seal_with(key, salt, nonces, KEY_FILE_ENTRY, &team.jwk().to_string())?;
    Ok(serde_json::to_string_pretty(&json!({
        "format": KEY_FILE_FORMAT,
        "version": 1,
        "public_key": public_jwk(&team.public),
        "sealed": sealed,
    }))
    .unwrap_or_default())
}

/// A team-key file, read: its public key, and the salt its passphrase is derived with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyFile {
    /// The public key it says it holds.
    pub public: PublicKey,
    /// The passphrase's salt.
    pub salt: Vec<u8>,
    sealed: String,
}

/// Reads a team-key file (before its passphrase is asked for).
pub fn read_key_file(bytes: &[u8]) -> Result<KeyFile, String> {
    let bad = |why: &str| {
        format!("This is not a team key file from this toolkit: {why}. Nothing has been changed")
    };
    if bytes.len() > 64 * 1024 {
        return Err(bad("it is far too large"));
    }
    let v: Value = serde_json::from_slice(bytes).map_err(|_| bad("it is not JSON"))?;
    if v.get("format").and_then(Value::as_str) != Some(KEY_FILE_FORMAT) {
        return Err(bad("it does not say it is one"));
    }
    if v.get("version").and_then(Value::as_u64) != Some(1) {
        return Err(bad("it is of a version this toolkit does not know"));
    }
    let public = crate::deployment::public_key(v.get("public_key").unwrap_or(&Value::Null))
        .map_err(|_| bad("its public key is not a P-256 public key"))?;
    let sealed = v
        .get("sealed")
        .and_then(Value::as_str)
        .ok_or_else(|| bad("it holds no sealed key"))?
        .to_string();
    let salt = sealed::decode(&sealed)
        .map_err(|_| bad("its sealed key is damaged"))?
        .salt;
    Ok(KeyFile {
        public,
        salt,
        sealed,
    })
}

/// Opens a team-key file with the key of its passphrase: the team key, whose public half must
/// be the one the file shows.
pub fn open_key_file(file: &KeyFile, key: &Key) -> Result<TeamKey, String> {
    let plain = vault::open_with(key, KEY_FILE_ENTRY, &file.sealed).map_err(|_| {
        "The passphrase is not right for this file, or the file was changed. Nothing has been changed".to_string()
    })?;
    let v: Value = serde_json::from_str(&plain).map_err(|e| e.to_string())?;
    let team = TeamKey::from_jwk(&v)?;
    if team.public != file.public {
        return Err(
            "The file's sealed key is not the key it shows. Nothing has been changed".into(),
        );
    }
    Ok(team)
}
