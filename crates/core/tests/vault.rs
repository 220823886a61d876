//! Encryption at rest of the stored drafts (issue 8; docs/decisions/0005-encryption.md): the
//! vault backend seals every draft entry with a fresh nonce, bound to its record; an entry that
//! does not open is quarantined and never overwritten; the vault's record tells a wrong
//! passphrase apart; a passphrase change is atomic, and an interrupted one is finished or taken
//! back on the next unlock. SEC-1: encryption at rest. SEC-2: lock.

use prevent_core::draft::Draft;
use prevent_core::manifest;
use prevent_core::nrf;
use prevent_core::sealed::{self, NonceSequence, ITERATIONS, NONCE_LEN, SALT_LEN};
use prevent_core::store::{
    Envelope, KvBackend, KvError, KvStore, MemoryBackend, StoreError, KEY_PREFIX,
};
use prevent_core::vault::{
    check_passphrase, find, open_with, recover, rekey, seal_with, Found, Key, Meta, OpenError,
    VaultBackend, VaultError, META_COPY_KEY, META_KEY, MIN_PASSPHRASE_CHARS, NEXT_META_KEY,
    REKEY_PREFIX,
};
use prevent_core::Answer;
use std::cell::Cell;
use std::collections::{BTreeMap, HashSet};

const SALT_A: [u8; SALT_LEN] = [0xA5; SALT_LEN];
const SALT_B: [u8; SALT_LEN] = [0xB6; SALT_LEN];
const SALT_C: [u8; SALT_LEN] = [0xC7; SALT_LEN];

/// Words typed into the draft, none of which may be seen in storage once sealed.
const FORENAME: &str = "Zebedee";
const SURNAME: &str = "Quilliam";
const CONCERN: &str = "Marmalade-Sandwich-Conspiracy";

fn key_a() -> Key {
    Key::new([1; 32])
}
fn key_b() -> Key {
    Key::new([2; 32])
}
fn key_c() -> Key {
    Key::new([3; 32])
}

/// Lends a `MemoryBackend` to a store (`KvBackend` is not implemented for references), so the
/// test can read the raw map beside it.
struct Shared<'a>(&'a MemoryBackend);

impl KvBackend for Shared<'_> {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        self.0.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        self.0.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), KvError> {
        self.0.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, KvError> {
        self.0.keys()
    }
}

/// A backend whose `set` fails once `sets_left` writes have succeeded: as if the page were
/// closed (or storage blocked) at that point. With `dies`, every later call fails too, so
/// nothing can be taken back (a crash); without, only writes fail (storage full).
struct Flaky<'a> {
    inner: &'a MemoryBackend,
    sets_left: Cell<usize>,
    sets_done: Cell<usize>,
    dies: bool,
    dead: Cell<bool>,
}

impl<'a> Flaky<'a> {
    fn new(inner: &'a MemoryBackend, sets: usize, dies: bool) -> Self {
        Flaky {
            inner,
            sets_left: Cell::new(sets),
            sets_done: Cell::new(0),
            dies,
            dead: Cell::new(false),
        }
    }
    fn alive(&self) -> Result<(), KvError> {
        if self.dead.get() {
            Err(KvError::Unavailable("the page was closed".into()))
        } else {
            Ok(())
        }
    }
}

impl KvBackend for Flaky<'_> {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        self.alive()?;
        self.inner.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        self.alive()?;
        if self.sets_left.get() == 0 {
            if self.dies {
                self.dead.set(true);
                return Err(KvError::Unavailable("the page was closed".into()));
            }
            return Err(KvError::QuotaExceeded);
        }
        self.inner.set(key, value)?;
        self.sets_left.set(self.sets_left.get() - 1);
        self.sets_done.set(self.sets_done.get() + 1);
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), KvError> {
        self.alive()?;
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, KvError> {
        self.alive()?;
        self.inner.keys()
    }
}

type Vault<'a> = KvStore<VaultBackend<'a, Shared<'a>>>;

/// A store that seals with `key` (of the vault salted `salt`), its nonces prefixed `prefix`.
fn vault<'a>(mem: &'a MemoryBackend, key: &'a Key, salt: [u8; SALT_LEN], prefix: u8) -> Vault<'a> {
    KvStore::new(VaultBackend::new(
        Shared(mem),
        key,
        salt,
        NonceSequence::new([prefix; 8]),
    ))
}

/// A store that reads and writes the drafts as they are stored (no vault).
fn clear(mem: &MemoryBackend) -> KvStore<Shared<'_>> {
    KvStore::new(Shared(mem))
}

/// An NRF draft with a name and a concern typed in.
fn draft(id: &str) -> Draft {
    let mut d = Draft::new(&nrf::schema(), id, "2026-11-28T10:00:00Z");
    assert!(d.set_answer("subject.type", Answer::Text("individual".into())));
    assert!(d.set_answer("subject.forename", Answer::Text(FORENAME.into())));
    assert!(d.set_answer("subject.surname", Answer::Text(SURNAME.into())));
    assert!(d.set_answer(
        "concerns.description",
        Answer::Text(format!("{CONCERN} in draft {id}"))
    ));
    d
}

fn save_new<B: KvBackend>(store: &KvStore<B>, d: &Draft) -> Envelope {
    store
        .save_now(Envelope::wrap(d, "2026-11-28T10:00:01Z"), None)
        .unwrap()
}

fn snapshot(mem: &MemoryBackend) -> BTreeMap<String, String> {
    mem.map.borrow().clone()
}

fn raw(mem: &MemoryBackend, id: &str) -> String {
    mem.map.borrow()[&format!("{KEY_PREFIX}{id}")].clone()
}

fn bytes_stored(mem: &MemoryBackend) -> usize {
    mem.map
        .borrow()
        .iter()
        .map(|(k, v)| k.len() + v.len())
        .sum()
}

/// The draft `id` as it opens under `key`: `Err` when it is stored but does not open.
fn open_under(mem: &MemoryBackend, key: &Key, id: &str) -> Result<Draft, StoreError> {
    let store = vault(mem, key, SALT_A, 0xEE);
    let env = store.load_now(id)?.expect("stored");
    env.open()
}

/// The vault's record as stored.
fn stored_meta(mem: &MemoryBackend) -> Meta {
    Meta::parse(&mem.map.borrow()[META_KEY]).unwrap()
}

/// Keys of an unfinished passphrase change left in storage.
fn leftovers(mem: &MemoryBackend) -> Vec<String> {
    mem.map
        .borrow()
        .keys()
        .filter(|k| k.starts_with(REKEY_PREFIX) || k.as_str() == NEXT_META_KEY)
        .cloned()
        .collect()
}

/// Turns encryption on under `key` over whatever is stored; returns the vault's record.
fn turn_on(mem: &MemoryBackend, key: &Key, salt: [u8; SALT_LEN], prefix: u8) -> Meta {
    let mut nonces = NonceSequence::new([prefix; 8]);
    let meta = Meta::new(key, salt, &mut nonces).unwrap();
    rekey(mem, None, key, &meta, &mut nonces).unwrap();
    meta
}

/// A vault under key A holding drafts `ids`, saved through the vault.
fn vault_a_with(mem: &MemoryBackend, a: &Key, ids: &[&str]) -> (Meta, Vec<Draft>) {
    let meta = turn_on(mem, a, SALT_A, 0xA0);
    let store = vault(mem, a, SALT_A, 0xA1);
    let drafts: Vec<Draft> = ids.iter().map(|id| draft(id)).collect();
    for d in &drafts {
        save_new(&store, d);
    }
    (meta, drafts)
}

fn assert_no_plain_text(stored: &str, d: &Draft) {
    // (Not the id: two characters may turn up in any base64 text.)
    for word in [
        FORENAME,
        SURNAME,
        CONCERN,
        &d.label(),
        "A person",
        "prevent-toolkit/draft",
    ] {
        assert!(!stored.contains(word), "{word:?} readable in {stored}");
    }
}

// ---------------------------------------------------------------------------------------------
// Sealing on write, opening on read.

#[test]
fn sec_1_a_draft_is_stored_sealed_and_loads_back_through_the_vault() {
    let mem = MemoryBackend::default();
    let a = key_a();
    let store = vault(&mem, &a, SALT_A, 0x11);
    let d = draft("d1");
    assert_eq!(d.label(), "A person, Z. Q.");
    let saved = save_new(&store, &d);

    // One entry, under the draft's key, and its row in the manifest (issue 16), and nothing
    // of the draft can be read in either.
    let shard = manifest::shard_key(manifest::shard_of("d1"));
    assert_eq!(
        mem.map.borrow().keys().cloned().collect::<Vec<_>>(),
        vec![format!("{KEY_PREFIX}d1"), shard.clone()]
    );
    let stored = raw(&mem, "d1");
    assert_no_plain_text(&stored, &d);
    let row = mem.map.borrow()[&shard].clone();
    assert_no_plain_text(&row, &d);
    assert!(!row.contains("d1") && sealed::decode(&row).is_ok());

    // It is the sealed format, with the vault's salt, the required iterations, and a nonce of
    // this unlock's sequence.
    let s = sealed::decode(&stored).expect("a sealed payload");
    assert_eq!(s.iterations, ITERATIONS);
    assert_eq!(s.salt, SALT_A.to_vec());
    assert_eq!(s.nonce[..8], [0x11; 8]);
    assert!(s.ct.len() > sealed::TAG_LEN);

    // Through the vault it reads back as saved, and is listed by its label.
    let loaded = store.load_now("d1").unwrap().unwrap();
    assert_eq!(loaded, saved);
    assert_eq!(loaded.open().unwrap(), d);
    let listing = store.list_now().unwrap();
    assert_eq!(listing.unreadable, Vec::<String>::new());
    assert_eq!(listing.drafts.len(), 1);
    assert_eq!(listing.drafts[0].label, "A person, Z. Q.");

    // A later save through the vault is sealed too, and compare-and-swap still works.
    let mut changed = d.clone();
    changed.set_answer("subject.forename", Answer::Text("Ermintrude".into()));
    let saved2 = store
        .save_now(Envelope::wrap(&changed, "2026-11-28T10:00:02Z"), Some(1))
        .unwrap();
    assert_eq!(saved2.revision, 2);
    assert!(!raw(&mem, "d1").contains("Ermintrude"));
    assert_eq!(
        store.save_now(Envelope::wrap(&d, "t"), Some(1)),
        Err(StoreError::Conflict { stored: 2 })
    );
    assert_eq!(
        store.load_now("d1").unwrap().unwrap().open().unwrap(),
        changed
    );
}

#[test]
fn sec_1_an_entry_opens_only_with_its_key_and_for_its_record() {
    let (a, b) = (key_a(), key_b());
    let mut nonces = NonceSequence::new([0x13; 8]);
    let stored = seal_with(&a, &SALT_A, &mut nonces, "pct.draft.x", "secret text").unwrap();
    assert!(!stored.contains("secret"));
    assert_eq!(
        open_with(&a, "pct.draft.x", &stored).as_deref(),
        Ok("secret text")
    );
    assert_eq!(
        open_with(&b, "pct.draft.x", &stored),
        Err(OpenError::Undecryptable)
    );
    assert_eq!(
        open_with(&a, "pct.draft.y", &stored),
        Err(OpenError::Undecryptable)
    );
    // A payload that is not sealed at all is told apart.
    assert_eq!(
        open_with(&a, "pct.draft.x", r#"{"format":"prevent-toolkit/draft"}"#),
        Err(OpenError::Clear)
    );
    // A sealed payload the format refuses (weakened) does not open either.
    let weak = stored.replace("\"iterations\":600000", "\"iterations\":1000");
    assert_ne!(weak, stored);
    assert_eq!(
        open_with(&a, "pct.draft.x", &weak),
        Err(OpenError::Undecryptable)
    );
}

#[test]
fn sec_1_only_draft_entries_are_sealed_and_other_keys_pass_through() {
    let mem = MemoryBackend::default();
    let a = key_a();
    let vb = VaultBackend::new(Shared(&mem), &a, SALT_A, NonceSequence::new([0x12; 8]));
    vb.set("pct.settings", r#"{"autolock":5}"#).unwrap();
    vb.set(META_KEY, "the record").unwrap();
    vb.set("pct.draft.x", "secret").unwrap();
    let m = snapshot(&mem);
    assert_eq!(m["pct.settings"], r#"{"autolock":5}"#);
    assert_eq!(m[META_KEY], "the record");
    assert!(!m["pct.draft.x"].contains("secret"));
    assert_eq!(vb.get("pct.draft.x").unwrap().as_deref(), Some("secret"));
    assert_eq!(
        vb.get("pct.settings").unwrap().as_deref(),
        Some(r#"{"autolock":5}"#)
    );
    assert_eq!(vb.get("pct.draft.missing").unwrap(), None);
    vb.remove("pct.draft.x").unwrap();
    assert!(!mem.map.borrow().contains_key("pct.draft.x"));
}

#[test]
fn sec_1_every_write_takes_a_fresh_nonce() {
    let mem = MemoryBackend::default();
    let a = key_a();

    // The same value written twice: different nonces and different ciphertexts.
    let vb = VaultBackend::new(Shared(&mem), &a, SALT_A, NonceSequence::new([0x21; 8]));
    vb.set("pct.draft.x", "the same text").unwrap();
    let first = sealed::decode(&raw(&mem, "x")).unwrap();
    vb.set("pct.draft.x", "the same text").unwrap();
    let second = sealed::decode(&raw(&mem, "x")).unwrap();
    assert_ne!(first.nonce, second.nonce);
    assert_ne!(first.ct, second.ct);
    assert_eq!(
        vb.get("pct.draft.x").unwrap().as_deref(),
        Some("the same text")
    );

    // Through the store: two saves of the same draft.
    let store = KvStore::new(vb);
    let d = draft("d1");
    save_new(&store, &d);
    let one = raw(&mem, "d1");
    store
        .save_now(Envelope::wrap(&d, "2026-11-28T10:00:01Z"), Some(1))
        .unwrap();
    let two = raw(&mem, "d1");
    assert_ne!(
        sealed::decode(&one).unwrap().nonce,
        sealed::decode(&two).unwrap().nonce
    );
    assert_ne!(
        sealed::decode(&one).unwrap().ct,
        sealed::decode(&two).unwrap().ct
    );

    // Many writes, and more after the sequence is carried over to a new backend: no nonce
    // repeats.
    let mut seen: HashSet<[u8; NONCE_LEN]> = [first.nonce, second.nonce].into();
    seen.insert(sealed::decode(&one).unwrap().nonce);
    seen.insert(sealed::decode(&two).unwrap().nonce);
    for i in 0..50 {
        store
            .backend
            .set("pct.draft.n", &format!("value {}", i % 2))
            .unwrap();
        assert!(seen.insert(sealed::decode(&raw(&mem, "n")).unwrap().nonce));
    }
    let nonces = store.backend.into_nonces();
    let vb = VaultBackend::new(Shared(&mem), &a, SALT_A, nonces);
    for _ in 0..5 {
        vb.set("pct.draft.n", "again").unwrap();
        assert!(seen.insert(sealed::decode(&raw(&mem, "n")).unwrap().nonce));
    }
    assert_eq!(seen.len(), 4 + 50 + 5);
}

#[test]
fn sec_1_a_spent_nonce_sequence_refuses_to_write_and_keeps_the_copy() {
    let mem = MemoryBackend::default();
    let a = key_a();
    // One nonce left.
    let store = KvStore::new(VaultBackend::new(
        Shared(&mem),
        &a,
        SALT_A,
        NonceSequence::resume([0x31; 8], u32::MAX),
    ));
    let d = draft("d1");
    save_new(&store, &d);
    let before = snapshot(&mem);
    let mut changed = d.clone();
    changed.set_answer("subject.forename", Answer::Text("Ermintrude".into()));
    let err = store
        .save_now(Envelope::wrap(&changed, "t2"), Some(1))
        .unwrap_err();
    assert!(matches!(err, StoreError::Unavailable(_)), "{err:?}");
    assert!(
        err.to_string()
            .contains("Lock the toolkit and unlock it again"),
        "{err}"
    );
    assert_eq!(snapshot(&mem), before);
    assert_eq!(store.load_now("d1").unwrap().unwrap().open().unwrap(), d);
    // Meta::new refuses too.
    let mut spent = NonceSequence::resume([0x32; 8], u32::MAX);
    spent.next_nonce().unwrap();
    assert_eq!(
        Meta::new(&a, SALT_A, &mut spent),
        Err(VaultError::NoncesSpent)
    );
}

// ---------------------------------------------------------------------------------------------
// Entries that do not open: quarantined, never overwritten.

#[test]
fn sec_1_an_entry_under_another_key_is_quarantined_and_never_overwritten() {
    let mem = MemoryBackend::default();
    let (a, b) = (key_a(), key_b());
    let d1 = draft("d1");
    let d2 = draft("d2");
    save_new(&vault(&mem, &a, SALT_A, 0x41), &d1);
    save_new(&vault(&mem, &b, SALT_B, 0x42), &d2);
    let d2_stored = raw(&mem, "d2");

    let store = vault(&mem, &a, SALT_A, 0x43);
    let listing = store.list_now().unwrap();
    assert_eq!(
        listing
            .drafts
            .iter()
            .map(|s| s.id.as_str())
            .collect::<Vec<_>>(),
        vec!["d1"]
    );
    assert_eq!(listing.unreadable, vec![format!("{KEY_PREFIX}d2")]);
    assert_eq!(store.load_now("d1").unwrap().unwrap().open().unwrap(), d1);
    assert_eq!(
        store.load_now("d2"),
        Err(StoreError::Unreadable { id: "d2".into() })
    );

    // Saving over it (as new, or as any revision) and deleting it are refused: nothing is
    // overwritten.
    let other = draft("d2");
    for expected in [None, Some(1), Some(2)] {
        assert_eq!(
            store.save_now(Envelope::wrap(&other, "t"), expected),
            Err(StoreError::Unreadable { id: "d2".into() })
        );
    }
    assert_eq!(
        store.delete_now("d2"),
        Err(StoreError::Unreadable { id: "d2".into() })
    );
    assert_eq!(raw(&mem, "d2"), d2_stored);

    // Its own key still opens it.
    assert_eq!(open_under(&mem, &b, "d2").unwrap(), d2);
}

#[test]
fn sec_1_a_ciphertext_moved_to_another_record_or_changed_does_not_open() {
    let mem = MemoryBackend::default();
    let a = key_a();
    let store = vault(&mem, &a, SALT_A, 0x51);
    let (d1, d2) = (draft("d1"), draft("d2"));
    save_new(&store, &d1);
    save_new(&store, &d2);

    // d1's ciphertext copied over d2, and to a new record d3.
    let d1_stored = raw(&mem, "d1");
    mem.map
        .borrow_mut()
        .insert(format!("{KEY_PREFIX}d2"), d1_stored.clone());
    mem.map
        .borrow_mut()
        .insert(format!("{KEY_PREFIX}d3"), d1_stored.clone());
    // A copy of d1 with one byte of its ciphertext changed, as d4.
    let mut s = sealed::decode(&d1_stored).unwrap();
    s.ct[0] ^= 1;
    mem.map
        .borrow_mut()
        .insert(format!("{KEY_PREFIX}d4"), sealed::encode(&s));

    let listing = store.list_now().unwrap();
    assert_eq!(
        listing
            .drafts
            .iter()
            .map(|s| s.id.as_str())
            .collect::<Vec<_>>(),
        vec!["d1"]
    );
    assert_eq!(
        listing.unreadable,
        ["d2", "d3", "d4"]
            .map(|id| format!("{KEY_PREFIX}{id}"))
            .to_vec()
    );
    assert_eq!(store.load_now("d1").unwrap().unwrap().open().unwrap(), d1);
    for id in ["d2", "d3", "d4"] {
        assert_eq!(
            store.load_now(id),
            Err(StoreError::Unreadable { id: id.into() })
        );
    }
    // Moved back to its own record, it opens again.
    let moved = raw(&mem, "d3");
    mem.map
        .borrow_mut()
        .insert(format!("{KEY_PREFIX}d1"), moved);
    assert_eq!(store.load_now("d1").unwrap().unwrap().open().unwrap(), d1);
}

#[test]
fn sec_1_a_clear_entry_from_before_the_vault_is_read_and_sealed_when_next_saved() {
    let mem = MemoryBackend::default();
    let d = draft("d1");
    save_new(&clear(&mem), &d);
    assert!(raw(&mem, "d1").contains(FORENAME));

    let a = key_a();
    let store = vault(&mem, &a, SALT_A, 0x61);
    let listing = store.list_now().unwrap();
    assert_eq!(listing.unreadable, Vec::<String>::new());
    assert_eq!(listing.drafts.len(), 1);
    let loaded = store.load_now("d1").unwrap().unwrap();
    assert_eq!(loaded.revision, 1);
    assert_eq!(loaded.open().unwrap(), d);

    let mut changed = d.clone();
    changed.set_answer(
        "concerns.description",
        Answer::Text("Updated concern".into()),
    );
    let saved = store
        .save_now(Envelope::wrap(&changed, "2026-11-28T10:00:02Z"), Some(1))
        .unwrap();
    assert_eq!(saved.revision, 2);
    let stored = raw(&mem, "d1");
    assert_no_plain_text(&stored, &changed);
    assert!(!stored.contains("Updated concern"));
    assert!(sealed::decode(&stored).is_ok());
    assert_eq!(store.load_now("d1").unwrap().unwrap(), saved);
    assert_eq!(
        store.load_now("d1").unwrap().unwrap().open().unwrap(),
        changed
    );
}

// ---------------------------------------------------------------------------------------------
// The vault's record, and unlocking.

#[test]
fn sec_1_the_vault_record_verifies_its_key_only() {
    let (a, b) = (key_a(), key_b());
    let mut nonces = NonceSequence::new([0x71; 8]);
    let meta = Meta::new(&a, SALT_A, &mut nonces).unwrap();
    assert_eq!(meta.v, 1);
    assert_eq!(meta.scheme, sealed::SCHEME);
    assert_eq!(meta.iterations, ITERATIONS);
    assert_eq!(meta.salt_bytes(), Ok(SALT_A));
    assert!(meta.verifies(&a));
    assert!(!meta.verifies(&b));
    assert!(!meta.verifies(&Key::new([0; 32])));

    // A second record for the same key takes a fresh nonce.
    let again = Meta::new(&a, SALT_A, &mut nonces).unwrap();
    assert_ne!(again.check, meta.check);
    assert!(again.verifies(&a));

    // Stored and read back.
    let text = serde_json::to_string(&meta).unwrap();
    assert_eq!(Meta::parse(&text), Ok(meta.clone()));
    // More iterations than required is fine.
    let stronger = text.replace("\"iterations\":600000", "\"iterations\":700000");
    assert_eq!(Meta::parse(&stronger).unwrap().iterations, 700_000);
}

#[test]
fn sec_1_a_damaged_weakened_or_foreign_vault_record_is_refused() {
    let a = key_a();
    let meta = Meta::new(&a, SALT_A, &mut NonceSequence::new([0x72; 8])).unwrap();
    let text = serde_json::to_string(&meta).unwrap();
    let salt_field = format!("\"salt\":\"{}\"", meta.salt);
    assert!(text.contains(&salt_field));
    assert!(text.contains("\"iterations\":600000"));
    for (name, bad) in [
        ("empty", String::new()),
        ("not JSON", "garbage".to_string()),
        ("cut short", text[..text.len() / 2].to_string()),
        ("an extra field", text.replacen('{', r#"{"alg":"none","#, 1)),
        (
            "a missing field",
            text.replace(&format!(",{salt_field}"), ""),
        ),
        ("version 2", text.replace("\"v\":1", "\"v\":2")),
        ("another scheme", text.replace(sealed::SCHEME, "xor+md5")),
        (
            "fewer iterations",
            text.replace(
                "\"iterations\":600000",
                &format!("\"iterations\":{}", ITERATIONS - 1),
            ),
        ),
        (
            "no iterations",
            text.replace("\"iterations\":600000", "\"iterations\":0"),
        ),
        (
            "a short salt",
            text.replace(&salt_field, "\"salt\":\"AAAA\""),
        ),
        (
            "a salt not base64",
            text.replace(&salt_field, "\"salt\":\"!!not base64!!\""),
        ),
        (
            "a long salt",
            text.replace(&salt_field, &format!("\"salt\":\"{}\"", "A".repeat(32))),
        ),
    ] {
        assert_ne!(bad, text, "{name}: the case did not change the record");
        assert_eq!(Meta::parse(&bad), Err(VaultError::Damaged), "{name}");
    }

    // A damaged record in storage: unlocking says so.
    let mem = MemoryBackend::default();
    mem.set(META_KEY, &text.replace("\"v\":1", "\"v\":9"))
        .unwrap();
    assert_eq!(find(&mem), Err(VaultError::Damaged));
    assert!(VaultError::Damaged.to_string().contains("damaged"));
}

#[test]
fn sec_1_a_wrong_passphrase_changes_nothing() {
    let mem = MemoryBackend::default();
    let (a, b) = (key_a(), key_b());
    let (meta_a, drafts) = vault_a_with(&mem, &a, &["d1", "d2"]);
    let found = find(&mem).unwrap();
    assert_eq!(found, Found::Vault(meta_a.clone()));

    let before = snapshot(&mem);
    for wrong in [&b, &key_c(), &Key::new([0; 32])] {
        assert_eq!(
            recover(&mem, &found, wrong),
            Err(VaultError::WrongPassphrase)
        );
        assert_eq!(snapshot(&mem), before);
    }
    assert_eq!(recover(&mem, &found, &a), Ok(()));
    assert_eq!(snapshot(&mem), before);
    for d in &drafts {
        assert_eq!(open_under(&mem, &a, &d.id).unwrap(), *d);
    }
}

#[test]
fn sec_1_finding_no_vault_counts_the_clear_drafts() {
    let mem = MemoryBackend::default();
    assert_eq!(find(&mem), Ok(Found::None { clear: 0 }));
    assert!(mem.map.borrow().is_empty());

    let store = clear(&mem);
    save_new(&store, &draft("d1"));
    save_new(&store, &draft("d2"));
    mem.set("pct.settings", "{}").unwrap();
    let found = find(&mem).unwrap();
    assert_eq!(found, Found::None { clear: 2 });
    // Nothing to check a passphrase against yet: unlocking changes nothing.
    let before = snapshot(&mem);
    assert_eq!(recover(&mem, &found, &key_a()), Ok(()));
    assert_eq!(snapshot(&mem), before);
}

#[test]
fn sec_1_a_passphrase_must_have_ten_characters() {
    assert_eq!(MIN_PASSPHRASE_CHARS, 10);
    for short in ["", "123456789", "ééééééééé", "correct h"] {
        assert_eq!(
            check_passphrase(short),
            Err(VaultError::TooShort),
            "{short:?}"
        );
    }
    // Nine characters in 18 bytes are still nine.
    assert_eq!("ééééééééé".len(), 18);
    for long_enough in ["1234567890", "éééééééééé", "correct horse battery staple"] {
        assert_eq!(check_passphrase(long_enough), Ok(()), "{long_enough:?}");
    }
    let msg = VaultError::TooShort.to_string();
    assert!(msg.contains("10 characters"), "{msg}");
}

#[test]
fn sec_1_the_messages_say_what_happened_to_the_passphrase() {
    let wrong = VaultError::WrongPassphrase.to_string();
    assert!(wrong.contains("not right"), "{wrong}");
    assert!(wrong.contains("Nothing has been changed"), "{wrong}");

    let before = VaultError::Storage {
        why: "storage is full".into(),
        committed: false,
    }
    .to_string();
    assert!(before.contains("passphrase was not changed"), "{before}");
    assert!(before.contains("storage is full"), "{before}");
    assert!(
        before.contains("still opens with your old passphrase"),
        "{before}"
    );

    let after = VaultError::Storage {
        why: "storage is full".into(),
        committed: true,
    }
    .to_string();
    assert!(after.contains("could not finish"), "{after}");
    assert!(after.contains("storage is full"), "{after}");
    assert!(after.contains("new passphrase is the one"), "{after}");
    assert!(after.contains("unlock with it"), "{after}");
    assert!(!after.contains("old passphrase"), "{after}");
}

// ---------------------------------------------------------------------------------------------
// Changing the passphrase, and turning encryption on.

#[test]
fn sec_1_changing_the_passphrase_re_encrypts_every_draft_and_keeps_the_quarantined() {
    let mem = MemoryBackend::default();
    let (a, b, c) = (key_a(), key_b(), key_c());
    let (meta_a, drafts) = vault_a_with(&mem, &a, &["d1", "d2", "d3"]);
    // An entry under another key (quarantined), and a key that is not a draft.
    save_new(&vault(&mem, &c, SALT_C, 0x81), &draft("q1"));
    mem.set("pct.settings", r#"{"autolock":5}"#).unwrap();
    let envelopes: Vec<Envelope> = drafts
        .iter()
        .map(|d| {
            vault(&mem, &a, SALT_A, 0x82)
                .load_now(&d.id)
                .unwrap()
                .unwrap()
        })
        .collect();
    let before = snapshot(&mem);

    let mut nonces = NonceSequence::new([0xB0; 8]);
    let meta_b = Meta::new(&b, SALT_B, &mut nonces).unwrap();
    assert_eq!(rekey(&mem, Some(&a), &b, &meta_b, &mut nonces), Ok(3));

    for (d, env) in drafts.iter().zip(&envelopes) {
        let stored = raw(&mem, &d.id);
        assert_ne!(stored, before[&format!("{KEY_PREFIX}{}", d.id)]);
        assert_no_plain_text(&stored, d);
        assert_eq!(sealed::decode(&stored).unwrap().salt, SALT_B.to_vec());
        // Under B: the same envelope, revision and all. Under A: nothing.
        assert_eq!(
            vault(&mem, &b, SALT_B, 0xB1)
                .load_now(&d.id)
                .unwrap()
                .as_ref(),
            Some(env)
        );
        assert_eq!(open_under(&mem, &b, &d.id).unwrap(), *d);
        assert_eq!(
            open_under(&mem, &a, &d.id),
            Err(StoreError::Unreadable { id: d.id.clone() })
        );
    }
    // The quarantined entry and the other key, byte for byte as they were.
    assert_eq!(raw(&mem, "q1"), before[&format!("{KEY_PREFIX}q1")]);
    assert_eq!(mem.map.borrow()["pct.settings"], before["pct.settings"]);
    assert_eq!(open_under(&mem, &c, "q1").unwrap(), draft("q1"));

    // The record is B's; nothing of the change is left; unlocking finds B's vault.
    let record = stored_meta(&mem);
    assert_eq!(record, meta_b);
    assert!(record.verifies(&b));
    assert!(!record.verifies(&a));
    assert_ne!(record, meta_a);
    assert_eq!(leftovers(&mem), Vec::<String>::new());
    assert_eq!(
        mem.map.borrow().keys().cloned().collect::<Vec<_>>(),
        before.keys().cloned().collect::<Vec<_>>()
    );
    assert_eq!(find(&mem), Ok(Found::Vault(meta_b.clone())));
    assert_eq!(
        recover(&mem, &Found::Vault(meta_b.clone()), &a),
        Err(VaultError::WrongPassphrase)
    );
    assert_eq!(recover(&mem, &Found::Vault(meta_b), &b), Ok(()));

    // Saves under B carry on as before.
    let store = vault(&mem, &b, SALT_B, 0xB2);
    let mut changed = drafts[0].clone();
    changed.set_answer("subject.forename", Answer::Text("Ermintrude".into()));
    let saved = store
        .save_now(
            Envelope::wrap(&changed, "2026-11-29T09:00:00Z"),
            Some(envelopes[0].revision),
        )
        .unwrap();
    assert_eq!(saved.revision, envelopes[0].revision + 1);
}

#[test]
fn sec_1_turning_encryption_on_seals_the_clear_drafts() {
    let mem = MemoryBackend::default();
    let store = clear(&mem);
    let drafts = [draft("d1"), draft("d2")];
    let envelopes: Vec<Envelope> = drafts.iter().map(|d| save_new(&store, d)).collect();
    // A clear entry that is not an envelope: kept readable as it was, but sealed.
    mem.set("pct.draft.junk", "not an envelope").unwrap();
    assert!(raw(&mem, "d1").contains(FORENAME));
    assert_eq!(find(&mem), Ok(Found::None { clear: 3 }));

    let a = key_a();
    let mut nonces = NonceSequence::new([0xC0; 8]);
    let meta = Meta::new(&a, SALT_A, &mut nonces).unwrap();
    assert_eq!(rekey(&mem, None, &a, &meta, &mut nonces), Ok(3));

    for (d, env) in drafts.iter().zip(&envelopes) {
        let stored = raw(&mem, &d.id);
        assert_no_plain_text(&stored, d);
        assert!(sealed::decode(&stored).is_ok());
        assert_eq!(
            vault(&mem, &a, SALT_A, 0xC1)
                .load_now(&d.id)
                .unwrap()
                .as_ref(),
            Some(env)
        );
    }
    assert!(!raw(&mem, "junk").contains("not an envelope"));
    let vb = VaultBackend::new(Shared(&mem), &a, SALT_A, NonceSequence::new([0xC2; 8]));
    assert_eq!(
        vb.get("pct.draft.junk").unwrap().as_deref(),
        Some("not an envelope")
    );
    assert_eq!(
        vault(&mem, &a, SALT_A, 0xC3).list_now().unwrap().unreadable,
        vec!["pct.draft.junk".to_string()]
    );

    assert_eq!(stored_meta(&mem), meta);
    assert!(stored_meta(&mem).verifies(&a));
    assert_eq!(leftovers(&mem), Vec::<String>::new());
    assert_eq!(find(&mem), Ok(Found::Vault(meta)));
    // A plain store reads nothing any more.
    let listing = clear(&mem).list_now().unwrap();
    assert!(listing.drafts.is_empty());
    assert_eq!(listing.unreadable.len(), 3);
}

#[test]
fn sec_1_turning_encryption_on_over_empty_storage_stores_the_record_only() {
    let mem = MemoryBackend::default();
    let a = key_a();
    let mut nonces = NonceSequence::new([0xC4; 8]);
    let meta = Meta::new(&a, SALT_A, &mut nonces).unwrap();
    assert_eq!(rekey(&mem, None, &a, &meta, &mut nonces), Ok(0));
    assert_eq!(
        mem.map.borrow().keys().cloned().collect::<Vec<_>>(),
        vec![META_KEY.to_string(), META_COPY_KEY.to_string()]
    );
    // The spare copy is the record itself (issue 16, item 6).
    assert_eq!(mem.map.borrow()[META_COPY_KEY], mem.map.borrow()[META_KEY]);
    assert_eq!(find(&mem), Ok(Found::Vault(meta)));
}

/// A vault under A with three drafts, one quarantined entry and a setting; and B's record.
fn rekey_setup(mem: &MemoryBackend, a: &Key, b: &Key) -> (Meta, Meta, Vec<Draft>) {
    let (meta_a, drafts) = vault_a_with(mem, a, &["d1", "d2", "d3"]);
    save_new(&vault(mem, &key_c(), SALT_C, 0x91), &draft("q1"));
    mem.set("pct.settings", "{}").unwrap();
    let meta_b = Meta::new(b, SALT_B, &mut NonceSequence::new([0x92; 8])).unwrap();
    (meta_a, meta_b, drafts)
}

/// How many entries a passphrase change from `a` stages: every sealed entry that opens under
/// it (the records and drafts, and the manifest's shards).
fn staged(mem: &MemoryBackend, a: &Key) -> usize {
    mem.map
        .borrow()
        .iter()
        .filter(|(k, v)| prevent_core::vault::is_sealed_key(k) && open_with(a, k, v).is_ok())
        .count()
}

/// A new [`rekey_setup`].
fn rekey_setup_mem(a: &Key, b: &Key) -> MemoryBackend {
    let mem = MemoryBackend::default();
    rekey_setup(&mem, a, b);
    mem
}

/// Everything opens under A, nothing under B, and the record is A's.
fn assert_still_a(mem: &MemoryBackend, a: &Key, b: &Key, meta_a: &Meta, drafts: &[Draft]) {
    for d in drafts {
        assert_eq!(open_under(mem, a, &d.id).unwrap(), *d);
        assert!(open_under(mem, b, &d.id).is_err());
    }
    assert_eq!(stored_meta(mem), *meta_a);
    assert_eq!(leftovers(mem), Vec::<String>::new());
    assert_eq!(find(mem), Ok(Found::Vault(meta_a.clone())));
}

/// Everything opens under B, nothing under A, and the record is B's, with nothing left over.
fn assert_now_b(mem: &MemoryBackend, a: &Key, b: &Key, meta_b: &Meta, drafts: &[Draft]) {
    for d in drafts {
        assert_eq!(open_under(mem, b, &d.id).unwrap(), *d);
        assert!(open_under(mem, a, &d.id).is_err());
    }
    assert_eq!(stored_meta(mem), *meta_b);
    assert!(stored_meta(mem).verifies(b));
    assert_eq!(leftovers(mem), Vec::<String>::new());
    assert_eq!(find(mem), Ok(Found::Vault(meta_b.clone())));
}

#[test]
fn sec_1_a_passphrase_change_that_runs_out_of_space_changes_nothing() {
    let mut mem = MemoryBackend::default();
    let (a, b) = (key_a(), key_b());
    let (meta_a, meta_b, drafts) = rekey_setup(&mem, &a, &b);
    let before = snapshot(&mem);

    // Room for about one and a half staged entries: the second of three does not fit.
    let entry = format!("{REKEY_PREFIX}{KEY_PREFIX}d1").len() + raw(&mem, "d1").len();
    mem.quota = Some(bytes_stored(&mem) + entry + entry / 2);

    let flaky = Flaky::new(&mem, usize::MAX, false);
    let mut nonces = NonceSequence::new([0x93; 8]);
    let err = rekey(&flaky, Some(&a), &b, &meta_b, &mut nonces).unwrap_err();
    // It failed half way, after a staged write that had to be taken back.
    assert_eq!(flaky.sets_done.get(), 1);
    match &err {
        VaultError::Storage {
            committed: false,
            why,
        } => {
            assert!(why.contains("storage is full"), "{why}")
        }
        other => panic!("{other:?}"),
    }
    assert!(err
        .to_string()
        .contains("still opens with your old passphrase"));
    assert_eq!(snapshot(&mem), before);
    assert_still_a(&mem, &a, &b, &meta_a, &drafts);

    // With room enough, the same change goes through.
    mem.quota = Some(bytes_stored(&mem) * 3);
    assert_eq!(rekey(&mem, Some(&a), &b, &meta_b, &mut nonces), Ok(3));
    assert_now_b(&mem, &a, &b, &meta_b, &drafts);
}

#[test]
fn sec_1_a_passphrase_change_that_fails_at_any_point_before_its_commit_changes_nothing() {
    // Writes refused from each point on: every staged entry, and the commit point itself.
    let (a, b) = (key_a(), key_b());
    let last = staged(&rekey_setup_mem(&a, &b), &a);
    for allowed in 0..=last {
        let mem = MemoryBackend::default();
        let (meta_a, meta_b, drafts) = rekey_setup(&mem, &a, &b);
        let before = snapshot(&mem);
        let flaky = Flaky::new(&mem, allowed, false);
        let err = rekey(
            &flaky,
            Some(&a),
            &b,
            &meta_b,
            &mut NonceSequence::new([0x94; 8]),
        )
        .unwrap_err();
        assert!(
            matches!(
                err,
                VaultError::Storage {
                    committed: false,
                    ..
                }
            ),
            "after {allowed} writes: {err:?}"
        );
        assert_eq!(snapshot(&mem), before, "after {allowed} writes");
        assert_still_a(&mem, &a, &b, &meta_a, &drafts);
    }
}

#[test]
fn sec_1_a_passphrase_change_on_blocked_storage_changes_nothing() {
    let mem = MemoryBackend::default();
    let (a, b) = (key_a(), key_b());
    let (meta_a, meta_b, drafts) = rekey_setup(&mem, &a, &b);
    let before = snapshot(&mem);
    mem.broken.set(true);
    let err = rekey(
        &mem,
        Some(&a),
        &b,
        &meta_b,
        &mut NonceSequence::new([0x95; 8]),
    )
    .unwrap_err();
    assert!(
        matches!(
            err,
            VaultError::Storage {
                committed: false,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("storage is disabled"), "{err}");
    mem.broken.set(false);
    assert_eq!(snapshot(&mem), before);
    assert_still_a(&mem, &a, &b, &meta_a, &drafts);
}

#[test]
fn sec_1_a_passphrase_change_that_runs_out_of_nonces_changes_nothing() {
    let mem = MemoryBackend::default();
    let (a, b) = (key_a(), key_b());
    let (meta_a, meta_b, drafts) = rekey_setup(&mem, &a, &b);
    let before = snapshot(&mem);
    // Two nonces left for three drafts.
    let mut nonces = NonceSequence::resume([0x96; 8], u32::MAX - 1);
    assert_eq!(
        rekey(&mem, Some(&a), &b, &meta_b, &mut nonces),
        Err(VaultError::NoncesSpent)
    );
    assert_eq!(snapshot(&mem), before);
    assert_still_a(&mem, &a, &b, &meta_a, &drafts);
}

#[test]
fn sec_1_a_passphrase_change_interrupted_after_its_commit_is_finished_by_the_new_passphrase() {
    let (a, b) = (key_a(), key_b());
    // The page closes at each write after the commit point: the staged entries (3 drafts and
    // the manifest's shards) and the new record are written; then each entry moved over, then
    // the record replaced.
    let n = staged(&rekey_setup_mem(&a, &b), &a);
    assert!(n > 3);
    for moved in 0..=n {
        let mem = MemoryBackend::default();
        let (_meta_a, meta_b, drafts) = rekey_setup(&mem, &a, &b);
        let quarantined = raw(&mem, "q1");
        let flaky = Flaky::new(&mem, n + 1 + moved, true);
        let err = rekey(
            &flaky,
            Some(&a),
            &b,
            &meta_b,
            &mut NonceSequence::new([0x97; 8]),
        )
        .unwrap_err();
        assert!(
            matches!(
                err,
                VaultError::Storage {
                    committed: true,
                    ..
                }
            ),
            "after {moved} moved: {err:?}"
        );
        assert!(err.to_string().contains("new passphrase is the one"));
        assert!(
            mem.map.borrow().contains_key(NEXT_META_KEY),
            "after {moved} moved"
        );

        // Unlocking finds the change; the old passphrase does not open it and changes nothing.
        let found = find(&mem).unwrap();
        assert_eq!(
            found,
            Found::Interrupted(meta_b.clone()),
            "after {moved} moved"
        );
        let before = snapshot(&mem);
        assert_eq!(recover(&mem, &found, &a), Err(VaultError::WrongPassphrase));
        assert_eq!(snapshot(&mem), before, "after {moved} moved");
        assert_eq!(find(&mem), Ok(found.clone()));

        // The new one finishes it.
        assert_eq!(recover(&mem, &found, &b), Ok(()), "after {moved} moved");
        assert_now_b(&mem, &a, &b, &meta_b, &drafts);
        assert_eq!(raw(&mem, "q1"), quarantined);
        assert_eq!(mem.map.borrow()["pct.settings"], "{}");
    }
}

#[test]
fn sec_1_a_passphrase_change_interrupted_before_its_commit_is_taken_back() {
    let mem = MemoryBackend::default();
    let (a, b) = (key_a(), key_b());
    let (meta_a, meta_b, drafts) = rekey_setup(&mem, &a, &b);
    let before = snapshot(&mem);

    // Staged entries by hand, without the commit point.
    let staged_d1 = {
        let vb = VaultBackend::new(Shared(&mem), &b, SALT_B, NonceSequence::new([0x98; 8]));
        vb.set("pct.draft.d1", "staged").unwrap();
        let v = raw(&mem, "d1");
        mem.map
            .borrow_mut()
            .insert("pct.draft.d1".into(), before["pct.draft.d1"].clone());
        v
    };
    mem.set(&format!("{REKEY_PREFIX}pct.draft.d1"), &staged_d1)
        .unwrap();
    mem.set(&format!("{REKEY_PREFIX}pct.draft.x"), "half written")
        .unwrap();
    assert_eq!(leftovers(&mem).len(), 2);

    assert_eq!(find(&mem), Ok(Found::Vault(meta_a.clone())));
    assert_eq!(snapshot(&mem), before);
    assert_still_a(&mem, &a, &b, &meta_a, &drafts);

    // The same, left by a change that died before its commit (nothing could be taken back).
    let flaky = Flaky::new(&mem, 2, true);
    let err = rekey(
        &flaky,
        Some(&a),
        &b,
        &meta_b,
        &mut NonceSequence::new([0x99; 8]),
    )
    .unwrap_err();
    assert!(
        matches!(
            err,
            VaultError::Storage {
                committed: false,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(leftovers(&mem).len(), 2);
    let found = find(&mem).unwrap();
    assert_eq!(found, Found::Vault(meta_a.clone()));
    assert_eq!(recover(&mem, &found, &b), Err(VaultError::WrongPassphrase));
    assert_eq!(recover(&mem, &found, &a), Ok(()));
    assert_eq!(snapshot(&mem), before);
    assert_still_a(&mem, &a, &b, &meta_a, &drafts);
}

// ---------------------------------------------------------------------------------------------
// Lock.

#[test]
fn sec_2_once_locked_no_draft_can_be_read_or_overwritten() {
    let mem = MemoryBackend::default();
    let a = key_a();
    let (_, drafts) = vault_a_with(&mem, &a, &["d1", "d2"]);
    let before = snapshot(&mem);

    // Locked: the store is used without the key (or with another).
    for listing in [
        clear(&mem).list_now().unwrap(),
        vault(&mem, &key_b(), SALT_B, 0xD1).list_now().unwrap(),
    ] {
        assert!(listing.drafts.is_empty());
        assert_eq!(
            listing.unreadable,
            vec!["pct.draft.d1".to_string(), "pct.draft.d2".to_string()]
        );
    }
    let locked = clear(&mem);
    assert_eq!(
        locked.load_now("d1"),
        Err(StoreError::Unreadable { id: "d1".into() })
    );
    assert_eq!(
        locked.save_now(Envelope::wrap(&draft("d1"), "t"), None),
        Err(StoreError::Unreadable { id: "d1".into() })
    );
    assert_eq!(
        locked.delete_now("d2"),
        Err(StoreError::Unreadable { id: "d2".into() })
    );
    assert_eq!(snapshot(&mem), before);

    // Unlocked again with the key: everything opens.
    for d in &drafts {
        assert_eq!(open_under(&mem, &a, &d.id).unwrap(), *d);
    }
}

#[test]
fn sec_2_a_key_is_never_printed() {
    let key = Key::new([0x41; 32]);
    assert_eq!(format!("{key:?}"), "Key(..)");
    assert_eq!(format!("{key:#?}"), "Key(..)");
}

#[test]
fn sec_1_turning_encryption_on_never_replaces_a_vault_another_tab_just_made() {
    let mem = MemoryBackend::default();
    let a = key_a();
    let (meta_a, drafts) = vault_a_with(&mem, &a, &["d1"]);
    let before = mem.map.borrow().clone();
    // A second tab, still on the first-use page, turns encryption on with its own passphrase.
    let b = key_b();
    let mut nonces = NonceSequence::new([0xD1; 8]);
    let meta_b = Meta::new(&b, SALT_B, &mut nonces).unwrap();
    assert_eq!(
        rekey(&mem, None, &b, &meta_b, &mut nonces),
        Err(VaultError::AlreadySet)
    );
    assert_eq!(*mem.map.borrow(), before, "nothing changed");
    assert_eq!(find(&mem), Ok(Found::Vault(meta_a)));
    assert_eq!(open_under(&mem, &a, &drafts[0].id).unwrap(), drafts[0]);
}

#[test]
fn sec_1_a_record_for_another_key_or_a_damaged_check_is_refused_not_taken_for_a_wrong_passphrase() {
    let mem = MemoryBackend::default();
    let a = key_a();
    let mut nonces = NonceSequence::new([0xD2; 8]);
    let meta_c = Meta::new(&key_c(), SALT_C, &mut nonces).unwrap();
    assert_eq!(
        rekey(&mem, None, &a, &meta_c, &mut nonces),
        Err(VaultError::Damaged)
    );
    assert!(mem.map.borrow().is_empty());
    let meta_a = Meta::new(&a, SALT_A, &mut nonces).unwrap();
    let mut garbage = serde_json::to_value(&meta_a).unwrap();
    garbage["check"] = "garbage".into();
    assert_eq!(Meta::parse(&garbage.to_string()), Err(VaultError::Damaged));
}

#[test]
fn sec_1_a_new_passphrase_is_checked_then_its_confirmation() {
    use prevent_core::vault::check_new;
    assert_eq!(check_new("short", "short").map_err(|(c, _)| c), Err(false));
    assert_eq!(
        check_new("long enough now", "long enough no").map_err(|(c, _)| c),
        Err(true)
    );
    assert_eq!(check_new("long enough now", "long enough now"), Ok(()));
}

#[test]
fn sec_3_a_passphrase_change_never_seals_an_entry_planted_in_clear() {
    // Issue 16, item 5: once a passphrase is set, an entry in clear was not written by the
    // toolkit. A passphrase change leaves it as it is (still in clear, so still set aside),
    // rather than seal it into something that would pass for a record.
    let mem = MemoryBackend::default();
    let (a, b) = (key_a(), key_b());
    let (_meta_a, drafts) = vault_a_with(&mem, &a, &["d1"]);
    let mut planted = Envelope::wrap(&draft("x1"), "2026-11-28T10:00:00Z");
    planted.revision = 1;
    let planted = serde_json::to_string(&planted).unwrap();
    mem.set(&format!("{KEY_PREFIX}x1"), &planted).unwrap();
    let meta_b = Meta::new(&b, SALT_B, &mut NonceSequence::new([0xE1; 8])).unwrap();
    assert_eq!(
        rekey(
            &mem,
            Some(&a),
            &b,
            &meta_b,
            &mut NonceSequence::new([0xE2; 8])
        ),
        Ok(1),
        "only the real draft"
    );
    assert_eq!(raw(&mem, "x1"), planted);
    assert_eq!(open_under(&mem, &b, "d1").unwrap(), drafts[0]);
    // Turning encryption on (no passphrase before) still seals the drafts kept in clear.
    let fresh = MemoryBackend::default();
    fresh.set(&format!("{KEY_PREFIX}x1"), &planted).unwrap();
    let meta_a = Meta::new(&a, SALT_A, &mut NonceSequence::new([0xE3; 8])).unwrap();
    assert_eq!(
        rekey(
            &fresh,
            None,
            &a,
            &meta_a,
            &mut NonceSequence::new([0xE4; 8])
        ),
        Ok(1)
    );
    assert!(sealed::decode(&raw(&fresh, "x1")).is_ok());
}
