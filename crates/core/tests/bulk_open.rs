//! Entries opened elsewhere (issue 22, item 5; docs/decisions/0029-bulk-decrypt.md): the app has
//! the browser's WebCrypto open the entries a listing or a download needs, many at once, and
//! hands the plaintexts to the store. [`vault::parts`] splits a sealed entry into nonce,
//! ciphertext and AAD exactly as [`vault::open_with`] opens it; the store takes a plaintext
//! opened elsewhere only for the exact stored text it was opened from, so that nothing changed,
//! moved, tampered with or put back since passes through it, and the manifest's checks apply
//! as ever. Here WebCrypto is stood in for by the aes-gcm crate fed with [`vault::parts`].
//! Labels: SEC-1 (encrypted at rest), SEC-3 (faults survived), REC-5 (the hub lists every
//! record).

mod common;

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use prevent_core::draft::Draft;
use prevent_core::manifest::Why;
use prevent_core::nrf;
use prevent_core::sealed::{NonceSequence, SALT_LEN};
use prevent_core::store::{
    Envelope, KvBackend, KvStore, Listing, MemoryBackend, StoreError, INDEX_KEY, KEY_PREFIX,
};
use prevent_core::vault::{self, Key, OpenError, VaultBackend};
use prevent_core::Answer;

const SALT: [u8; SALT_LEN] = [7; SALT_LEN];

use common::Shared;

type Store<'a> = KvStore<VaultBackend<'a, Shared<'a>>>;

/// A tab (a page load): a vaulted store sealing with `key`, its nonces prefixed `prefix`.
fn tab<'a>(mem: &'a MemoryBackend, key: &'a Key, prefix: u8) -> Store<'a> {
    KvStore::vaulted(VaultBackend::new(
        Shared(mem),
        key,
        SALT,
        NonceSequence::new([prefix; 8]),
    ))
}

fn draft(id: &str, forename: &str) -> Draft {
    let mut d = Draft::new(&nrf::schema(), id, "2026-11-28T10:00:00Z");
    d.set_answer("subject.type", Answer::Text("individual".into()));
    d.set_answer("subject.forename", Answer::Text(forename.into()));
    d.set_answer("subject.surname", Answer::Text("Example".into()));
    d
}

fn save(s: &Store, d: &Draft, at: &str) {
    let before = s.load_now(&d.id).unwrap().map(|e| e.revision);
    s.save_now(Envelope::wrap(d, at), before).unwrap();
}

/// What WebCrypto does with [`vault::parts`]: AES-256-GCM decrypt of the ciphertext and tag
/// with the nonce as IV and the AAD, then the bytes as UTF-8 (as `services/bulk.rs` does).
fn elsewhere(key: &Key, storage_key: &str, stored: &str) -> Result<String, OpenError> {
    let p = vault::parts(storage_key, stored)?;
    let plain = Aes256Gcm::new((&key.bytes()).into())
        .decrypt(
            Nonce::from_slice(&p.nonce),
            Payload {
                msg: &p.ct,
                aad: &p.aad,
            },
        )
        .map_err(|_| OpenError::Undecryptable)?;
    String::from_utf8(plain).map_err(|_| OpenError::Undecryptable)
}

/// Changes the base64 character at `at` of the field `field` of a sealed text.
fn flip(stored: &str, field: &str, at: usize) -> String {
    let start = stored.find(&format!("\"{field}\":\"")).unwrap() + field.len() + 4 + at;
    let mut s = stored.to_string();
    let c = &s[start..start + 1];
    let to = if c == "A" { "B" } else { "A" };
    s.replace_range(start..start + 1, to);
    s
}

fn rows(l: &Listing) -> Vec<(String, String)> {
    l.drafts
        .iter()
        .map(|d| (d.id.clone(), d.label.clone()))
        .collect()
}

fn aside(l: &Listing) -> Vec<(String, Why)> {
    l.set_aside.iter().map(|a| (a.id.clone(), a.why)).collect()
}

#[test]
fn sec_1_parts_split_a_sealed_entry_exactly_as_open_with_opens_it() {
    let key = Key::new([1; 32]);
    let other = Key::new([2; 32]);
    let k = format!("{KEY_PREFIX}a");
    let mut nonces = NonceSequence::new([9; 8]);
    let plain = r#"{"a record":"é, and more"}"#;
    let sealed = vault::seal_with(&key, &SALT, &mut nonces, &k, plain).unwrap();
    let clear = r#"{"format":"prevent-toolkit/draft","envelope_version":1}"#;
    let short = &sealed[..sealed.len() - 10];
    // (case, key, storage key opened as, stored text, what both must give)
    type Case<'a> = (
        &'a str,
        &'a Key,
        &'a str,
        String,
        Result<&'a str, OpenError>,
    );
    let cases: [Case; 9] = [
        ("intact", &key, &k, sealed.clone(), Ok(plain)),
        (
            "nonce tampered",
            &key,
            &k,
            flip(&sealed, "nonce", 3),
            Err(OpenError::Undecryptable),
        ),
        (
            "ciphertext tampered",
            &key,
            &k,
            flip(&sealed, "ct", 5),
            Err(OpenError::Undecryptable),
        ),
        (
            "tag tampered",
            &key,
            &k,
            flip(
                &sealed,
                "ct",
                sealed.len() - sealed.find("\"ct\":\"").unwrap() - 12,
            ),
            Err(OpenError::Undecryptable),
        ),
        // The AAD is the storage key: an entry moved to another record's key.
        (
            "moved to another key",
            &key,
            "pct.draft.b",
            sealed.clone(),
            Err(OpenError::Undecryptable),
        ),
        (
            "another vault's key",
            &other,
            &k,
            sealed.clone(),
            Err(OpenError::Undecryptable),
        ),
        (
            "in clear",
            &key,
            &k,
            clear.to_string(),
            Err(OpenError::Clear),
        ),
        (
            "cut short",
            &key,
            &k,
            short.to_string(),
            Err(OpenError::Clear),
        ),
        ("not JSON", &key, &k, "x".repeat(40), Err(OpenError::Clear)),
    ];
    for (case, key, at, stored, want) in cases {
        let want = want.map(String::from);
        assert_eq!(
            vault::open_with(key, at, &stored),
            want,
            "{case}: open_with"
        );
        assert_eq!(elsewhere(key, at, &stored), want, "{case}: parts");
    }
    // The AAD is the entry's own, and the nonce the stored one.
    let p = vault::parts(&k, &sealed).unwrap();
    assert_eq!(
        p.aad,
        vault::parts(&k, &flip(&sealed, "ct", 5)).unwrap().aad
    );
    assert_ne!(p.aad, vault::parts("pct.draft.b", &sealed).unwrap().aad);
    assert_eq!(
        vault::parts(&k, &flip(&sealed, "nonce", 3)).unwrap().ct,
        p.ct
    );
}

#[test]
fn sec_3_webcrypto_opened_entry_only_for_its_exact_sealed_text() {
    let mem = MemoryBackend::default();
    let key = Key::new([1; 32]);
    let a = tab(&mem, &key, 1);
    for (id, name) in [("a", "Alex"), ("b", "Bea"), ("c", "Cal"), ("d", "Dee")] {
        save(&a, &draft(id, name), "2026-11-28T10:00:00Z");
    }
    let stored = |id: &str| mem.map.borrow()[&format!("{KEY_PREFIX}{id}")].clone();
    // A plaintext that is not what the entry holds, so that the listing says which was used.
    let decoy = |id: &str, name: &str| {
        let mut e = a.load_now(id).unwrap().unwrap();
        e.label = format!("opened elsewhere: {name}");
        serde_json::to_string(&e).unwrap()
    };
    // (what happened to entry "b" after it was opened elsewhere, what the listing shows for it)
    let cases: [(&str, Result<&str, Why>); 5] = [
        ("nothing", Ok("opened elsewhere: b")),
        ("saved again by another tab", Ok("A person, F. E.")),
        ("ciphertext tampered", Err(Why::CannotOpen)),
        ("cut short", Err(Why::CannotOpen)),
        ("replaced by entry c's text (moved)", Err(Why::CannotOpen)),
    ];
    for (case, want) in cases {
        let fresh = MemoryBackend::default();
        for (k, v) in mem.map.borrow().iter() {
            fresh.set(k, v).unwrap();
        }
        let s = tab(&fresh, &key, 2);
        for id in ["b", "c"] {
            s.backend
                .opened_elsewhere(&format!("{KEY_PREFIX}{id}"), stored(id), decoy(id, id));
        }
        let kb = format!("{KEY_PREFIX}b");
        match case {
            "saved again by another tab" => {
                let other = tab(&fresh, &key, 3);
                save(&other, &draft("b", "Fay"), "2026-11-28T11:00:00Z");
            }
            "ciphertext tampered" => fresh.set(&kb, &flip(&stored("b"), "ct", 7)).unwrap(),
            "cut short" => {
                let t = stored("b");
                fresh.set(&kb, &t[..t.len() - 4]).unwrap()
            }
            "replaced by entry c's text (moved)" => fresh.set(&kb, &stored("c")).unwrap(),
            _ => {}
        }
        let l = s.list_now().unwrap();
        let b = l
            .drafts
            .iter()
            .find(|d| d.id == "b")
            .map(|d| d.label.as_str());
        match want {
            Ok(label) => assert_eq!(b, Some(label), "{case}"),
            Err(why) => {
                assert_eq!(b, None, "{case}: not listed");
                assert_eq!(aside(&l), vec![("b".to_string(), why)], "{case}: set aside");
            }
        }
        // Entry "c", untouched, is read from what was opened elsewhere; "a" and "d" as ever.
        let labels = rows(&l);
        assert!(
            labels.contains(&("c".into(), "opened elsewhere: c".into())),
            "{case}"
        );
        assert!(
            labels.contains(&("a".into(), "A person, A. E.".into())),
            "{case}"
        );
    }
    // Locked, nothing is read through what was opened elsewhere.
    let locked = KvStore::vaulted(VaultBackend::locked(Shared(&mem)));
    locked
        .backend
        .opened_elsewhere(&format!("{KEY_PREFIX}a"), stored("a"), decoy("a", "a"));
    assert!(matches!(
        locked.load_now("a"),
        Err(StoreError::Unavailable(_))
    ));
}

#[test]
fn sec_3_an_older_copy_opened_elsewhere_is_still_set_aside_by_the_manifest() {
    // WebCrypto opens an older sealed copy put back as readily as the current one: it is
    // genuine. The manifest, not the cipher, sets it aside (issue 16, item 5), as ever.
    let mem = MemoryBackend::default();
    let key = Key::new([1; 32]);
    let a = tab(&mem, &key, 1);
    save(&a, &draft("a", "Alex"), "2026-11-28T10:00:00Z");
    let kept = mem.map.borrow()[&format!("{KEY_PREFIX}a")].clone();
    save(&a, &draft("a", "Ann"), "2026-11-28T11:00:00Z");
    a.list_now().unwrap();
    mem.set(&format!("{KEY_PREFIX}a"), &kept).unwrap();
    mem.remove(INDEX_KEY).unwrap();
    let s = tab(&mem, &key, 2);
    let k = format!("{KEY_PREFIX}a");
    s.backend
        .opened_elsewhere(&k, kept.clone(), elsewhere(&key, &k, &kept).unwrap());
    let l = s.list_now().unwrap();
    assert!(l.drafts.is_empty());
    assert_eq!(
        aside(&l),
        vec![("a".to_string(), Why::RolledBack { finished: false })]
    );
    assert!(matches!(s.load_now("a"), Err(StoreError::SetAside { .. })));
}

#[test]
fn rec_5_a_listing_from_entries_opened_elsewhere_is_the_listing_opened_here() {
    let mem = MemoryBackend::default();
    let key = Key::new([1; 32]);
    let a = tab(&mem, &key, 1);
    for i in 0..12 {
        save(
            &a,
            &draft(&format!("r{i:02}"), "Alex"),
            &format!("2026-11-28T10:00:{i:02}Z"),
        );
    }
    // An entry in clear and one under another key, among them.
    mem.set(
        &format!("{KEY_PREFIX}clear"),
        &serde_json::to_string(&Envelope::wrap(
            &draft("clear", "Zed"),
            "2026-11-28T09:00:00Z",
        ))
        .unwrap(),
    )
    .unwrap();
    let other = Key::new([2; 32]);
    save(
        &tab(&mem, &other, 4),
        &draft("foreign", "Yan"),
        "2026-11-28T09:00:00Z",
    );
    let copy = || {
        let m = MemoryBackend::default();
        for (k, v) in mem.map.borrow().iter().filter(|(k, _)| *k != INDEX_KEY) {
            m.set(k, v).unwrap();
        }
        m
    };
    let (here, there) = (copy(), copy());
    let truth = tab(&here, &key, 2).list_now().unwrap();
    let s = tab(&there, &key, 2);
    // What the app opens ahead in a tab with no index: every record's entry, and what opens
    // with this key; the rest is left to the listing.
    let keys: Vec<String> = there
        .keys()
        .unwrap()
        .into_iter()
        .filter(|k| k.starts_with(KEY_PREFIX))
        .collect();
    assert_eq!(keys.len(), 14);
    for k in keys {
        let text = there.get(&k).unwrap().unwrap();
        if let Ok(plain) = elsewhere(&key, &k, &text) {
            s.backend.opened_elsewhere(&k, text, plain);
        }
    }
    let l = s.list_now().unwrap();
    assert_eq!(l, truth);
    assert_eq!(l.drafts.len(), 12);
    assert_eq!(l.set_aside.len(), 2);
}
