//! Encryption at rest in headless Chromium (issue 8, SEC-1): the browser's PBKDF2 gives the
//! same key for the same passphrase and salt and another for any other; turning encryption on
//! seals the drafts already kept in clear; a saved draft is stored sealed in localStorage and
//! reads back through the store; a wrong passphrase is refused and changes nothing; changing
//! the passphrase re-encrypts everything under the new one; a second person on the same
//! computer keeps their own drafts beside the first's (issue 20, item 5; decision 0023).

#![cfg(target_arch = "wasm32")]

use prevent_core::sealed::{self, ITERATIONS};
use prevent_core::store::{Envelope, KvBackend};
use prevent_core::vault;
use prevent_core::{Answer, Draft};
use prevent_toolkit::services::{crypto, local_store, store, vault as browser_vault, LocalBackend};
use wasm_bindgen_test::*;

/// These tests run as the partners' app: sealed storage under "pct." (issue 17, the bundle).
#[export_name = "prevent_toolkit_bundle"]
static BUNDLE: &prevent_toolkit::bundle::Bundle = &prevent_toolkit::apps::PARTNERS;
#[export_name = "prevent_toolkit_paths"]
static PATHS: prevent_toolkit::route::Paths = prevent_toolkit::apps::PARTNERS.paths;

wasm_bindgen_test_configure!(run_in_browser);

const PASS: &str = "correct horse battery";

fn draft(id: &str, name: &str) -> Draft {
    let mut d = Draft::new(prevent_toolkit::nrf(), id, "2026-11-28T10:00:00Z");
    d.answers.set("subject.forename", Answer::Text(name.into()));
    d
}

fn raw_value(id: &str) -> String {
    LocalBackend::new()
        .get(&format!("pct.draft.{id}"))
        .unwrap()
        .unwrap()
}

/// Every entry of localStorage as stored, sorted by key.
fn raw_storage() -> Vec<(String, String)> {
    let b = LocalBackend::new();
    let mut keys = b.keys().unwrap();
    keys.sort();
    keys.into_iter()
        .map(|k| (k.clone(), b.get(&k).unwrap().unwrap_or_default()))
        .collect()
}

#[wasm_bindgen_test]
async fn sec_1_pbkdf2_gives_one_key_per_passphrase_and_salt() {
    let salt: [u8; 16] = crypto::random().unwrap();
    let a = crypto::derive_bits(PASS, &salt, ITERATIONS).await.unwrap();
    let again = crypto::derive_bits(PASS, &salt, ITERATIONS).await.unwrap();
    let other_pass = crypto::derive_bits("another passphrase", &salt, ITERATIONS)
        .await
        .unwrap();
    let other_salt = crypto::derive_bits(PASS, &crypto::random::<16>().unwrap(), ITERATIONS)
        .await
        .unwrap();
    assert_eq!(a, again);
    assert_ne!(a, other_pass);
    assert_ne!(a, other_salt);
}

#[wasm_bindgen_test]
async fn sec_1_drafts_are_stored_sealed_and_a_wrong_passphrase_changes_nothing() {
    let _ = local_store::wipe();
    // A draft from before encryption was turned on, kept in clear.
    let clear = draft("6a1b2c3d-0000-4000-8000-000000000001", "Alexandra");
    LocalBackend::new()
        .set(
            "pct.draft.6a1b2c3d-0000-4000-8000-000000000001",
            &serde_json::to_string(&Envelope::wrap(&clear, "2026-11-28T10:00:00Z")).unwrap(),
        )
        .unwrap();
    assert!(raw_value(&clear.id).contains("Alexandra"));
    assert_eq!(
        browser_vault::state(),
        browser_vault::State::New { clear: 1 }
    );

    // Turning encryption on seals it.
    assert_eq!(browser_vault::create(PASS, false).await, Ok(1));
    assert_eq!(browser_vault::state(), browser_vault::State::Unlocked);
    // Issue 16, item 1: the key is in this tab's memory only, in no storage area the browser
    // writes to disk.
    let session = web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap();
    for i in 0..session.length().unwrap() {
        let k = session.key(i).unwrap().unwrap();
        assert_eq!(k, "pct.index", "sessionStorage holds {k}");
    }
    let stored = raw_value(&clear.id);
    assert!(
        !stored.contains("Alexandra"),
        "the draft is still in clear: {stored}"
    );
    assert!(sealed::decode(&stored).is_ok());

    // A new save is sealed too, and reads back through the store.
    let d = draft("6a1b2c3d-0000-4000-8000-000000000002", "Bartholomew");
    store()
        .save_now(Envelope::wrap(&d, "2026-11-28T10:01:00Z"), None)
        .unwrap();
    assert!(!raw_value(&d.id).contains("Bartholomew"));
    let back = store().load_now(&d.id).unwrap().unwrap().open().unwrap();
    assert_eq!(back.answers, d.answers);
    assert_eq!(store().list_now().unwrap().drafts.len(), 2);

    // A wrong passphrase is refused, and nothing changes.
    let before = raw_storage();
    let refused = browser_vault::unlock("not the passphrase").await;
    assert_eq!(refused, Err(vault::VaultError::WrongPassphrase.to_string()));
    let after = raw_storage();
    assert_eq!(before, after);

    // Changing the passphrase: the old one no longer opens anything, the new one does.
    assert_eq!(
        browser_vault::change("wrong current one", "a brand new passphrase").await,
        Err(vault::VaultError::WrongPassphrase.to_string())
    );
    assert_eq!(
        browser_vault::change(PASS, "a brand new passphrase").await,
        Ok(2)
    );
    assert!(browser_vault::unlock(PASS).await.is_err());
    assert_eq!(
        browser_vault::unlock("a brand new passphrase").await,
        Ok(())
    );
    let back = store().load_now(&d.id).unwrap().unwrap().open().unwrap();
    assert_eq!(back.answers, d.answers);
    let _ = local_store::wipe();
}

#[wasm_bindgen_test]
fn sec_1_a_passphrase_is_the_same_in_either_unicode_form() {
    // Issue 16, item 8: "é" typed as one character, or as "e" and a combining accent.
    let composed = "caf\u{e9} soci\u{e9}t\u{e9}";
    let decomposed = "cafe\u{301} socie\u{301}te\u{301}";
    assert_ne!(composed, decomposed);
    assert_eq!(browser_vault::nfc(decomposed), composed);
    assert_eq!(browser_vault::nfc(composed), composed);
}

/// Issue 20, item 3 (decision 0025): a referral protected for the team's key opens with that
/// key alone, and not at all once a byte of it or of its header is changed; protecting the
/// same referral twice gives two different files (a new ephemeral key and nonce each time).
#[wasm_bindgen_test]
async fn handover_3_a_protected_referral_opens_only_with_the_team_key_and_not_once_changed() {
    use prevent_core::protected::{parse, ProtectedError};
    use prevent_toolkit::services::protected as p;
    let team = p::new_team_key().await.expect("a team key");
    let other = p::new_team_key().await.expect("another key");
    assert_ne!(team.public, other.public);
    let plain = r#"{"subject":"Zoë Example","concerns":"✓ in UTF-8"}"#;
    let file = p::protect(&team.public, plain).await.expect("protected");
    // Texts with characters base64url never has: they can only be there in clear.
    for clear in ["Zoë Example", "✓ in UTF-8", "\"subject\""] {
        assert!(!file.contains(clear), "the referral shows through: {file}");
    }
    let again = p::protect(&team.public, plain)
        .await
        .expect("protected again");
    assert_ne!(file, again);
    let parsed = parse(file.as_bytes()).expect("a protected file");
    assert_eq!(p::open(&team, &parsed).await.as_deref(), Ok(plain));
    assert!(matches!(
        p::open(&other, &parsed).await,
        Err(ProtectedError::OtherKey { .. })
    ));
    let mut body = parsed.clone();
    body.sealed[3] ^= 1;
    assert_eq!(p::open(&team, &body).await, Err(ProtectedError::Tampered));
    let mut tag = parsed.clone();
    let n = tag.sealed.len();
    tag.sealed[n - 1] ^= 0x80;
    assert_eq!(p::open(&team, &tag).await, Err(ProtectedError::Tampered));
    let mut header = parsed.clone();
    header.aad.push('A');
    assert_eq!(p::open(&team, &header).await, Err(ProtectedError::Tampered));
    let mut iv = parsed.clone();
    iv.iv[0] ^= 1;
    assert_eq!(p::open(&team, &iv).await, Err(ProtectedError::Tampered));
    // The other party's key swapped for another point: not the key it was made with.
    let mut epk = parsed;
    epk.epk = other.public.clone();
    assert_eq!(p::open(&team, &epk).await, Err(ProtectedError::Tampered));
}

#[wasm_bindgen_test]
async fn int_vault_someone_else_keeps_own_drafts_beside_the_first_in_the_browser() {
    use prevent_core::people::{Person, TAKEN};
    let _ = local_store::wipe();
    browser_vault::forget();
    assert_eq!(browser_vault::create(PASS, false).await, Ok(0));
    assert_eq!(browser_vault::person(), Person::FIRST);
    let a = draft("6a1b2c3d-0000-4000-8000-0000000000a1", "Alexandra");
    store()
        .save_now(Envelope::wrap(&a, "2026-12-07T10:00:00Z"), None)
        .unwrap();
    browser_vault::forget();
    assert!(matches!(
        browser_vault::state(),
        browser_vault::State::Asking | browser_vault::State::Locked
    ));

    // "I am someone else": the colleague's passphrase is refused, changing nothing.
    let before = raw_storage();
    assert_eq!(browser_vault::create(PASS, true).await, Err(TAKEN.into()));
    assert_eq!(raw_storage(), before);
    const OTHER: &str = "someone else entirely";
    assert_eq!(browser_vault::create(OTHER, true).await, Ok(0));
    assert_eq!(browser_vault::person().number(), 2);
    assert!(store().list_now().unwrap().drafts.is_empty());
    let b = draft("6a1b2c3d-0000-4000-8000-0000000000b1", "Bartholomew");
    store()
        .save_now(Envelope::wrap(&b, "2026-12-07T10:01:00Z"), None)
        .unwrap();
    assert!(LocalBackend::new()
        .get(&format!("pct.p2.draft.{}", b.id))
        .unwrap()
        .is_some());
    // Person 1's entries are as they were.
    let firsts = |all: Vec<(String, String)>| {
        all.into_iter()
            .filter(|(k, _)| !k.starts_with("pct.p2.") && k != "pct.index")
            .collect::<Vec<_>>()
    };
    assert_eq!(firsts(raw_storage()), firsts(before));

    // Each passphrase opens its own person's drafts, and only those.
    browser_vault::forget();
    assert_eq!(browser_vault::unlock(PASS).await, Ok(()));
    assert_eq!(browser_vault::person(), Person::FIRST);
    let l = store().list_now().unwrap();
    assert_eq!(l.drafts.len(), 1);
    assert_eq!(l.drafts[0].id, a.id);
    browser_vault::forget();
    assert_eq!(browser_vault::unlock(OTHER).await, Ok(()));
    assert_eq!(browser_vault::person().number(), 2);
    let l = store().list_now().unwrap();
    assert_eq!(l.drafts.len(), 1);
    assert_eq!(l.drafts[0].id, b.id);
    // A wrong passphrase opens nobody's and changes nothing.
    browser_vault::forget();
    let before = raw_storage();
    assert_eq!(
        browser_vault::unlock("nobody's passphrase").await,
        Err(vault::VaultError::WrongPassphrase.to_string())
    );
    assert_eq!(raw_storage(), before);
    let _ = local_store::wipe();
    browser_vault::forget();
}

/// Issue 22, item 5 (decision 0029): WebCrypto opens what `prevent_core::vault::parts` splits
/// out of a sealed entry exactly as the core's AES-GCM does, many at once; a tampered, moved or
/// foreign entry does not open there either.
#[wasm_bindgen_test]
async fn sec_1_webcrypto_opens_many_entries_as_the_core_does() {
    use prevent_core::sealed::NonceSequence;
    let key = vault::Key::new(crypto::random().unwrap());
    let other = vault::Key::new(crypto::random().unwrap());
    let mut nonces = NonceSequence::new(crypto::random().unwrap());
    let salt = [7u8; 16];
    let seal = |k: &vault::Key, at: &str, plain: &str, n: &mut NonceSequence| {
        vault::seal_with(k, &salt, n, at, plain).unwrap()
    };
    let a = seal(&key, "pct.draft.a", "a plaintext, with é", &mut nonces);
    let b = seal(&key, "pct.draft.b", "b plaintext", &mut nonces);
    let foreign = seal(&other, "pct.draft.f", "not ours", &mut nonces);
    // One character of the ciphertext changed.
    let at = b.find("\"ct\":\"").unwrap() + 8;
    let mut tampered = b.clone();
    let to = if &b[at..at + 1] == "A" { "B" } else { "A" };
    tampered.replace_range(at..at + 1, to);
    // (storage key, stored text)
    let cases = [
        ("pct.draft.a", a.as_str()),
        ("pct.draft.b", b.as_str()),
        ("pct.draft.b", tampered.as_str()),
        ("pct.draft.c", a.as_str()),
        ("pct.draft.f", foreign.as_str()),
    ];
    let parts: Vec<vault::Parts> = cases
        .iter()
        .map(|(k, t)| vault::parts(k, t).unwrap())
        .collect();
    let opened = prevent_toolkit::services::protected::open_many(&key.bytes(), &parts).await;
    let core: Vec<Option<Vec<u8>>> = cases
        .iter()
        .map(|(k, t)| vault::open_with(&key, k, t).ok().map(String::into_bytes))
        .collect();
    assert_eq!(opened, core);
    assert_eq!(
        opened,
        vec![
            Some("a plaintext, with é".as_bytes().to_vec()),
            Some(b"b plaintext".to_vec()),
            None,
            None,
            None
        ]
    );
}

/// Issue 22, item 5 (decision 0029): a download's store, its entries opened first by
/// WebCrypto, reads what the store reads; an entry changed after WebCrypto opened it is opened
/// again by the store, never taken from what was opened.
#[wasm_bindgen_test]
async fn sec_3_webcrypto_opened_download_reads_what_the_store_reads() {
    use prevent_toolkit::services::records;
    let _ = local_store::wipe();
    browser_vault::forget();
    assert_eq!(browser_vault::create(PASS, false).await, Ok(0));
    for (i, name) in ["Alexandra", "Bartholomew", "Cordelia"].iter().enumerate() {
        let d = draft(&format!("6a1b2c3d-0000-4000-8000-00000000022{i}"), name);
        store()
            .save_now(Envelope::wrap(&d, "2026-12-08T10:00:00Z"), None)
            .unwrap();
    }
    // A new tab: no index.
    let session = web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap();
    session.remove_item("pct.index").unwrap();
    let truth = {
        let l = store().list_now().unwrap();
        session.remove_item("pct.index").unwrap();
        l
    };
    assert_eq!(truth.drafts.len(), 3);
    // A download's store: what WebCrypto opened is taken only for the text it was opened from.
    let ids: Vec<String> = truth.drafts.iter().map(|d| d.id.clone()).collect();
    let s = records::opened(&ids).await;
    let changed = draft(&ids[0], "Dorothea");
    let rev = store().load_now(&ids[0]).unwrap().unwrap().revision;
    store()
        .save_now(Envelope::wrap(&changed, "2026-12-08T10:05:00Z"), Some(rev))
        .unwrap();
    let got = s.load_now(&ids[0]).unwrap().unwrap().open().unwrap();
    assert_eq!(got.answers, changed.answers);
    assert!(s.load_now(&ids[1]).unwrap().is_some());
    // As the other tests expect to find the browser: nothing stored, locked.
    let _ = local_store::wipe();
    browser_vault::forget();
}
