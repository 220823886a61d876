//! Encryption at rest with WebCrypto (issue 8 groundwork), in headless Chromium: a sealed draft
//! opens with its passphrase and only with it; every write has a fresh nonce; a changed
//! ciphertext, or one moved to another record, is refused and nothing is opened.

use prevent_core::sealed::{self, NonceSequence, ITERATIONS};
use prevent_toolkit::services::crypto::{self, CryptoError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const ID: &str = "6a1b2c3d-0000-4000-8000-000000000001";
/// A key for `passphrase` with a fresh salt, a fresh nonce sequence, and `DRAFT` sealed under
/// them for record `ID` of form "nrf".
async fn sealed_draft(passphrase: &str) -> (web_sys::CryptoKey, NonceSequence, [u8; 16], String) {
    let salt: [u8; 16] = crypto::random().unwrap();
    let key = crypto::derive_key(passphrase, &salt, ITERATIONS)
        .await
        .unwrap();
    let mut nonces = NonceSequence::new(crypto::random().unwrap());
    let payload = crypto::seal(&key, &mut nonces, &salt, ITERATIONS, ID, "nrf", DRAFT)
        .await
        .unwrap();
    (key, nonces, salt, payload)
}

const DRAFT: &str =
    r#"{"id":"6a1b2c3d-0000-4000-8000-000000000001","answers":{"subject.forename":"Alex"}}"#;

#[wasm_bindgen_test]
async fn sec_1_a_sealed_draft_opens_with_its_passphrase_and_only_with_it() {
    let (key, _, salt, payload) = sealed_draft("correct horse battery staple").await;
    assert!(!payload.contains("Alex"), "the payload holds no plain text");
    assert_eq!(
        crypto::open(&key, &payload, ID, "nrf").await.unwrap(),
        DRAFT
    );
    let wrong = crypto::derive_key("correct horse battery stapler", &salt, ITERATIONS)
        .await
        .unwrap();
    assert_eq!(
        crypto::open(&wrong, &payload, ID, "nrf").await,
        Err(CryptoError::WrongKeyOrTampered)
    );
}

#[wasm_bindgen_test]
async fn sec_1_every_write_has_a_fresh_nonce_and_ciphertext() {
    let (key, mut nonces, salt, a) = sealed_draft("passphrase").await;
    let b = crypto::seal(&key, &mut nonces, &salt, ITERATIONS, ID, "nrf", DRAFT)
        .await
        .unwrap();
    let (sa, sb) = (sealed::decode(&a).unwrap(), sealed::decode(&b).unwrap());
    assert_ne!(sa.nonce, sb.nonce);
    assert_ne!(sa.ct, sb.ct, "the same draft sealed twice looks different");
    // Two random prefixes for two unlocks.
    let p1: [u8; 8] = crypto::random().unwrap();
    let p2: [u8; 8] = crypto::random().unwrap();
    assert_ne!(p1, p2);
}

#[wasm_bindgen_test]
async fn sec_1_a_changed_or_moved_ciphertext_is_refused() {
    let (key, _, _, payload) = sealed_draft("passphrase").await;
    // One bit of the ciphertext flipped.
    let mut s = sealed::decode(&payload).unwrap();
    s.ct[3] ^= 1;
    assert_eq!(
        crypto::open(&key, &sealed::encode(&s), ID, "nrf").await,
        Err(CryptoError::WrongKeyOrTampered)
    );
    // The nonce changed.
    let mut s = sealed::decode(&payload).unwrap();
    s.nonce[0] ^= 1;
    assert_eq!(
        crypto::open(&key, &sealed::encode(&s), ID, "nrf").await,
        Err(CryptoError::WrongKeyOrTampered)
    );
    // Moved to another record, or relabelled as another form.
    let other = "6a1b2c3d-0000-4000-8000-000000000002";
    assert_eq!(
        crypto::open(&key, &payload, other, "nrf").await,
        Err(CryptoError::WrongKeyOrTampered)
    );
    assert_eq!(
        crypto::open(&key, &payload, ID, "pga").await,
        Err(CryptoError::WrongKeyOrTampered)
    );
    // Damaged beyond reading: says so.
    assert!(matches!(
        crypto::open(&key, "{}", ID, "nrf").await,
        Err(CryptoError::Damaged(_))
    ));
}
