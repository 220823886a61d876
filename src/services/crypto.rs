//! The browser's cryptography for encryption at rest (issue 8): PBKDF2-SHA256 key derivation in
//! WebCrypto, and random bytes. The sealing itself is `prevent_core::vault`, used by the store
//! through `services::vault`. Opening many entries at once, for a listing or a download, is
//! WebCrypto's too ([`open_many`]; issue 22, item 5, docs/decisions/0029-bulk-decrypt.md).

use js_sys::{Array, ArrayBuffer, Object, Promise, Reflect, Uint8Array};
use prevent_core::vault::Parts;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Pbkdf2Params, SubtleCrypto};

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

/// The 256-bit key for `passphrase` and `salt`: PBKDF2-SHA256 with `iterations`, run by the
/// browser (native code, about 0.3 s for 600,000 iterations here). AES-GCM itself runs in the
/// core (`prevent_core::vault`), synchronously, so that a save never has to await.
pub async fn derive_bits(
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
) -> Result<[u8; 32], CryptoError> {
    let subtle = subtle()?;
    let usages: JsValue = [JsValue::from_str("deriveBits")]
        .into_iter()
        .collect::<Array>()
        .into();
    let raw: Object = Uint8Array::from(passphrase.as_bytes()).into();
    let base = wait(subtle.import_key_with_str("raw", &raw, "PBKDF2", false, &usages)).await?;
    let params = Pbkdf2Params::new(
        "PBKDF2",
        &JsValue::from_str("SHA-256"),
        iterations,
        &Uint8Array::from(salt).into(),
    );
    let bits = wait(subtle.derive_bits_with_object(&params, &base.unchecked_into(), 256)).await?;
    Uint8Array::new(&bits)
        .to_vec()
        .try_into()
        .map_err(|_| CryptoError::Unavailable)
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
    let Ok(k) = super::protected::aes_key(key, "decrypt").await else {
        return Vec::new();
    };
    let started = Array::new();
    for p in parts {
        let aad = std::str::from_utf8(&p.aad).unwrap_or_default();
        let params = super::protected::gcm(&p.nonce, aad);
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
