//! The browser's cryptography for encryption at rest (issue 8): PBKDF2-SHA256 key derivation in
//! WebCrypto, and random bytes. The sealing itself is `prevent_core::vault`, used by the store
//! through `services::vault`. Opening many entries at once, for a download, is WebCrypto's
//! AES-GCM too (`services::protected::open_many`; issue 22, item 5, decision 0029).

use js_sys::{Array, Object, Uint8Array};
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
