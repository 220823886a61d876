//! Encryption of drafts at rest with the browser's WebCrypto (issue 8, groundwork: not yet used
//! by the store). PBKDF2-SHA256 derives a non-extractable AES-256-GCM key from the passphrase;
//! each write seals with a fresh nonce from a [`NonceSequence`] and binds the ciphertext to its
//! record ([`sealed::aad`]). The payload format and its checks are in `prevent_core::sealed`.

use js_sys::{Array, Object, Uint8Array};
use prevent_core::sealed::{self, NonceSequence, Sealed};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesDerivedKeyParams, AesGcmParams, CryptoKey, Pbkdf2Params, SubtleCrypto};

/// Why sealing or opening failed. The text is what the user is told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CryptoError {
    /// The browser has no WebCrypto (an insecure origin, or a very old browser).
    Unavailable,
    /// The passphrase is wrong, or the entry was changed or moved to another record: the
    /// authentication tag does not match. Nothing is changed.
    WrongKeyOrTampered,
    /// The stored entry is not a readable sealed draft.
    Damaged(String),
    /// This unlock has used every nonce it may: lock and unlock again.
    NoncesSpent,
}

impl std::fmt::Display for CryptoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CryptoError::Unavailable => f.write_str("This browser cannot encrypt drafts here: open the toolkit over HTTPS in a current browser"),
            CryptoError::WrongKeyOrTampered => f.write_str("The passphrase is not right, or the stored draft was changed: nothing has been changed"),
            CryptoError::Damaged(why) => f.write_str(why),
            CryptoError::NoncesSpent => f.write_str("Lock the toolkit and unlock it again to keep saving"),
        }
    }
}

fn subtle() -> Result<SubtleCrypto, CryptoError> {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.subtle())
        .ok_or(CryptoError::Unavailable)
}

/// `N` bytes from the browser's cryptographic random source.
pub fn random<const N: usize>() -> Result<[u8; N], CryptoError> {
    let mut out = [0u8; N];
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut out).ok())
        .ok_or(CryptoError::Unavailable)?;
    Ok(out)
}

async fn wait(p: Result<js_sys::Promise, JsValue>) -> Result<JsValue, CryptoError> {
    JsFuture::from(p.map_err(|_| CryptoError::Unavailable)?)
        .await
        .map_err(|_| CryptoError::WrongKeyOrTampered)
}

/// The AES-256-GCM key for `passphrase` and `salt` (PBKDF2-SHA256, `iterations`).
pub async fn derive_key(
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
) -> Result<CryptoKey, CryptoError> {
    let subtle = subtle()?;
    let usages = |u: &[&str]| -> JsValue {
        u.iter()
            .map(|s| JsValue::from_str(s))
            .collect::<Array>()
            .into()
    };
    let raw: Object = Uint8Array::from(passphrase.as_bytes()).into();
    let base =
        wait(subtle.import_key_with_str("raw", &raw, "PBKDF2", false, &usages(&["deriveKey"])))
            .await?;
    let params = Pbkdf2Params::new(
        "PBKDF2",
        &JsValue::from_str("SHA-256"),
        iterations,
        &Uint8Array::from(salt).into(),
    );
    let key = wait(subtle.derive_key_with_object_and_object(
        &params,
        &base.unchecked_into(),
        &AesDerivedKeyParams::new("AES-GCM", 256),
        false,
        &usages(&["encrypt", "decrypt"]),
    ))
    .await?;
    Ok(key.unchecked_into())
}

/// Seals `plaintext` (a draft's JSON) for record `id` of form `form`: the envelope's payload.
pub async fn seal(
    key: &CryptoKey,
    nonces: &mut NonceSequence,
    salt: &[u8],
    iterations: u32,
    id: &str,
    form: &str,
    plaintext: &str,
) -> Result<String, CryptoError> {
    let subtle = subtle()?;
    let nonce = nonces.next_nonce().ok_or(CryptoError::NoncesSpent)?;
    let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(&nonce[..]).into());
    params.set_additional_data(&Uint8Array::from(&sealed::aad(id, form)[..]).into());
    let ct =
        wait(subtle.encrypt_with_object_and_u8_array(&params, key, plaintext.as_bytes())).await?;
    Ok(sealed::encode(&Sealed {
        iterations,
        salt: salt.to_vec(),
        nonce,
        ct: Uint8Array::new(&ct).to_vec(),
    }))
}

/// Opens a payload written by [`seal`] for record `id` of form `form`.
pub async fn open(
    key: &CryptoKey,
    payload: &str,
    id: &str,
    form: &str,
) -> Result<String, CryptoError> {
    let subtle = subtle()?;
    let s = sealed::decode(payload).map_err(|e| CryptoError::Damaged(e.to_string()))?;
    let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(&s.nonce[..]).into());
    params.set_additional_data(&Uint8Array::from(&sealed::aad(id, form)[..]).into());
    let plain = wait(subtle.decrypt_with_object_and_u8_array(&params, key, &s.ct)).await?;
    String::from_utf8(Uint8Array::new(&plain).to_vec())
        .map_err(|_| CryptoError::Damaged("The stored draft is not text".into()))
}
