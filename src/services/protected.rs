//! Protected referral files in the browser (issue 20, item 3; decision 0025): WebCrypto's ECDH
//! (P-256) and AES-GCM, no cipher code of our own; the format, key id and key derivation are
//! `prevent_core::protected`. The partners' app protects a finished referral for the team's
//! public key from the deployment settings ([`protect`]); the officers' app makes the team's
//! key pair ([`new_team_key`]), keeps its private half sealed in the vault ([`team_key`],
//! [`keep_team_key`]) and opens files protected for it ([`open`]). The same AES-GCM opens many
//! of the vault's entries at once for a download ([`open_many`]; issue 22, item 5, decision
//! 0029).

use crate::services::crypto::{self, CryptoError};
use js_sys::{Array, ArrayBuffer, Object, Promise, Reflect, Uint8Array, JSON};
use prevent_core::deployment::PublicKey;
use prevent_core::protected::{self, Protected, ProtectedError, TeamKey, TEAM_KEY};
use prevent_core::store::KvBackend;
use prevent_core::vault::Parts;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

fn subtle() -> Result<SubtleCrypto, CryptoError> {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.subtle())
        .ok_or(CryptoError::Unavailable)
}

/// Awaits a WebCrypto promise; a rejection is `fail`.
async fn wait<E>(p: Result<js_sys::Promise, JsValue>, fail: E) -> Result<JsValue, E> {
    match p {
        Ok(p) => JsFuture::from(p).await.map_err(|_| fail),
        Err(_) => Err(fail),
    }
}

/// A JavaScript object from JSON text written here (never from user input).
fn object(json: &str) -> Object {
    JSON::parse(json)
        .ok()
        .and_then(|v| v.dyn_into().ok())
        .unwrap_or_default()
}

fn set(o: &Object, k: &str, v: &JsValue) {
    let _ = Reflect::set(o, &k.into(), v);
}

fn usages(list: &[&str]) -> JsValue {
    list.iter()
        .map(|u| JsValue::from_str(u))
        .collect::<Array>()
        .into()
}

const ECDH: &str = r#"{"name":"ECDH","namedCurve":"P-256"}"#;

async fn import_jwk(jwk: &str, uses: &[&str]) -> Result<CryptoKey, CryptoError> {
    let s = subtle()?;
    let data = object(jwk);
    let key = wait(
        s.import_key_with_object("jwk", &data, &object(ECDH), false, &usages(uses)),
        CryptoError::Damaged("The team's key cannot be used in this browser".into()),
    )
    .await?;
    Ok(key.unchecked_into())
}

/// The ECDH shared secret of `private` and `public`.
async fn shared(private: &CryptoKey, public: &CryptoKey) -> Result<Vec<u8>, CryptoError> {
    let params = object(r#"{"name":"ECDH"}"#);
    set(&params, "public", public);
    let bits = wait(
        subtle()?.derive_bits_with_object(&params, private, 256),
        CryptoError::Unavailable,
    )
    .await?;
    Ok(Uint8Array::new(&bits).to_vec())
}

/// An AES-GCM key of `raw`, not extractable, for `uses` only.
pub(crate) async fn aes_key(raw: &[u8; 32], uses: &str) -> Result<CryptoKey, CryptoError> {
    let data: Object = Uint8Array::from(&raw[..]).into();
    let key = wait(
        subtle()?.import_key_with_str("raw", &data, "AES-GCM", false, &usages(&[uses])),
        CryptoError::Unavailable,
    )
    .await?;
    Ok(key.unchecked_into())
}

/// AES-GCM's parameters: the IV and the additional data.
pub(crate) fn gcm(iv: &[u8; 12], aad: &str) -> Object {
    let p = object(r#"{"name":"AES-GCM","tagLength":128}"#);
    set(&p, "iv", &Uint8Array::from(&iv[..]));
    set(&p, "additionalData", &Uint8Array::from(aad.as_bytes()));
    p
}

/// A key's JWK as WebCrypto exports it.
async fn export_jwk(key: &CryptoKey) -> Result<serde_json::Value, CryptoError> {
    let jwk = wait(subtle()?.export_key("jwk", key), CryptoError::Unavailable).await?;
    let text: String = JSON::stringify(&jwk)
        .map(String::from)
        .map_err(|_| CryptoError::Unavailable)?;
    serde_json::from_str(&text).map_err(|_| CryptoError::Unavailable)
}

async fn generate() -> Result<(CryptoKey, CryptoKey), CryptoError> {
    let pair = wait(
        subtle()?.generate_key_with_object(&object(ECDH), true, &usages(&["deriveBits"])),
        CryptoError::Unavailable,
    )
    .await?;
    let get = |k: &str| -> Result<CryptoKey, CryptoError> {
        Reflect::get(&pair, &k.into())
            .ok()
            .and_then(|v| v.dyn_into().ok())
            .ok_or(CryptoError::Unavailable)
    };
    Ok((get("privateKey")?, get("publicKey")?))
}

/// `plain` (a finished referral's export) as a protected file for the team key `team`: only
/// the holder of its private half can open it.
pub async fn protect(team: &PublicKey, plain: &str) -> Result<String, CryptoError> {
    let team_key = import_jwk(&protected::public_jwk_text(team), &[]).await?;
    let (eph_private, eph_public) = generate().await?;
    let epk = prevent_core::deployment::public_key(&export_jwk(&eph_public).await?)
        .map_err(|_| CryptoError::Unavailable)?;
    let z = shared(&eph_private, &team_key).await?;
    let cek = aes_key(&protected::content_key(&z), "encrypt").await?;
    let header = protected::header(&epk, &protected::thumbprint(team));
    let iv = crypto::random::<12>()?;
    let sealed = wait(
        subtle()?.encrypt_with_object_and_u8_array(&gcm(&iv, &header), &cek, plain.as_bytes()),
        CryptoError::Unavailable,
    )
    .await?;
    protected::file(&header, &iv, &Uint8Array::new(&sealed).to_vec())
        .map_err(|e| CryptoError::Damaged(e.to_string()))
}

/// Opens a protected file with the team's key: the referral's export, or why not (nothing is
/// changed either way).
pub async fn open(team: &TeamKey, file: &Protected) -> Result<String, ProtectedError> {
    protected::check_key(file, Some(&protected::thumbprint(&team.public)))?;
    let unusable = || ProtectedError::Damaged("this browser cannot open it".into());
    let private = import_jwk(&team.jwk().to_string(), &["deriveBits"])
        .await
        .map_err(|_| unusable())?;
    let epk = import_jwk(&protected::public_jwk_text(&file.epk), &[])
        .await
        .map_err(|_| ProtectedError::Damaged("its sender's key is not a point on P-256".into()))?;
    let z = shared(&private, &epk).await.map_err(|_| unusable())?;
    let cek = aes_key(&protected::content_key(&z), "decrypt")
        .await
        .map_err(|_| unusable())?;
    let plain = wait(
        subtle()
            .map_err(|_| unusable())?
            .decrypt_with_object_and_u8_array(&gcm(&file.iv, &file.aad), &cek, &file.sealed),
        ProtectedError::Tampered,
    )
    .await?;
    String::from_utf8(Uint8Array::new(&plain).to_vec()).map_err(|_| ProtectedError::Tampered)
}

/// A new key pair for the team.
pub async fn new_team_key() -> Result<TeamKey, CryptoError> {
    let (private, _) = generate().await?;
    TeamKey::from_jwk(&export_jwk(&private).await?).map_err(CryptoError::Damaged)
}

/// This tab's person's vault (decision 0023: each person's entries apart, under their key).
fn vault() -> Option<
    prevent_core::vault::VaultBackend<
        'static,
        prevent_core::people::Personal<crate::services::LocalBackend>,
    >,
> {
    crate::services::vault::session().map(|s| {
        prevent_core::vault::VaultBackend::unlocked(
            prevent_core::people::Personal::new(
                crate::services::LocalBackend::new(),
                crate::services::vault::person(),
            ),
            s,
        )
    })
}

/// The team's key, if this toolkit holds it (the vault must be open).
pub fn team_key() -> Option<TeamKey> {
    let text = vault()?.get(TEAM_KEY).ok()??;
    TeamKey::from_jwk(&serde_json::from_str(&text).ok()?).ok()
}

/// Keeps the team's key, sealed in the vault.
pub fn keep_team_key(team: &TeamKey) -> Result<(), String> {
    let v = vault().ok_or("Unlock the toolkit first")?;
    v.set(TEAM_KEY, &team.jwk().to_string())
        .map_err(|e| prevent_core::store::StoreError::from(e).to_string())
}

/// The file that carries the team's key to a second officer, sealed under `passphrase`.
pub async fn key_file(team: &TeamKey, passphrase: &str) -> Result<String, String> {
    let salt = crypto::random::<{ prevent_core::sealed::SALT_LEN }>().map_err(|e| e.to_string())?;
    let key = file_key(passphrase, &salt).await?;
    let mut nonces =
        prevent_core::sealed::NonceSequence::new(crypto::random::<8>().map_err(|e| e.to_string())?);
    protected::key_file(team, &key, &salt, &mut nonces).map_err(|e| e.to_string())
}

/// The key of a team-key file's passphrase (PBKDF2-SHA256, as the vault's).
pub async fn file_key(passphrase: &str, salt: &[u8]) -> Result<prevent_core::vault::Key, String> {
    let bytes = crypto::derive_bits(
        &crate::services::vault::nfc(passphrase),
        salt,
        prevent_core::sealed::ITERATIONS,
    )
    .await
    .map_err(|e| e.to_string())?;
    Ok(prevent_core::vault::Key::new(bytes))
}

/// Opens many AES-256-GCM payloads at once with the browser's WebCrypto (issue 22, item 5;
/// docs/decisions/0029-bulk-decrypt.md): `key` imported once, not extractable, for decrypting
/// only; every decrypt started before any is awaited (`Promise.allSettled`), so that the
/// browser runs them off the main thread, in native code. Each of `parts` gives its plaintext,
/// or `None` when it does not open (wrong key, changed, moved); nothing at all when WebCrypto
/// is missing. The caller leaves what did not open to the store, which opens or sets it aside
/// as ever.
pub async fn open_many(key: &[u8; 32], parts: &[Parts]) -> Vec<Option<Vec<u8>>> {
    let Ok(subtle) = subtle() else {
        return Vec::new();
    };
    let Ok(k) = aes_key(key, "decrypt").await else {
        return Vec::new();
    };
    let started = Array::new();
    for p in parts {
        let aad = std::str::from_utf8(&p.aad).unwrap_or_default();
        let params = gcm(&p.nonce, aad);
        // A decrypt refused at once stands as null (allSettled takes it as it is): not opened.
        started.push(
            &subtle
                .decrypt_with_object_and_u8_array(&params, &k, &p.ct)
                .map_or(JsValue::NULL, JsValue::from),
        );
    }
    let Ok(settled) = JsFuture::from(Promise::all_settled(&started)).await else {
        return Vec::new();
    };
    let settled: Array = settled.unchecked_into();
    settled
        .iter()
        .map(|r| {
            Reflect::get(&r, &"value".into())
                .ok()
                .filter(|v| v.is_instance_of::<ArrayBuffer>())
                .map(|b| Uint8Array::new(&b).to_vec())
        })
        .collect()
}
