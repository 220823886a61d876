//! Issue 16 in the vault: the tab's session is the store's (item 3: `VaultBackend::unlocked`,
//! `VaultBackend::locked`), and a damaged vault record does not lock the user out of intact
//! entries (item 6: a spare copy, else the salt every sealed entry carries). SEC-1: encryption
//! at rest; SEC-2: lock; SEC-3: faults survived.

use prevent_core::draft::Draft;
use prevent_core::nrf;
use prevent_core::sealed::{NonceSequence, SALT_LEN};
use prevent_core::store::{Envelope, KvBackend, KvError, KvStore, MemoryBackend, StoreError};
use prevent_core::vault::{
    find, recover, rekey, repair, Found, Key, Meta, Repair, Session, VaultBackend, VaultError,
    META_COPY_KEY, META_KEY,
};
use prevent_core::Answer;
use std::collections::BTreeMap;
use std::rc::Rc;

const SALT: [u8; SALT_LEN] = [0x5A; SALT_LEN];
const NAME: &str = "Philomena-Gruffydd";

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

fn key() -> Key {
    Key::new([7; 32])
}

fn draft(id: &str) -> Draft {
    let mut d = Draft::new(&nrf::schema(), id, "2026-12-07T10:00:00Z");
    assert!(d.set_answer("subject.forename", Answer::Text(NAME.into())));
    d
}

/// A vault under `key()` holding drafts `ids`, set up as the app does (rekey over clear storage).
fn vault_with(mem: &MemoryBackend, ids: &[&str]) -> Meta {
    let k = key();
    let mut nonces = NonceSequence::new([0x11; 8]);
    let meta = Meta::new(&k, SALT, &mut nonces).unwrap();
    rekey(&Shared(mem), None, &k, &meta, &mut nonces).unwrap();
    let session = Rc::new(Session::new(key(), SALT, NonceSequence::new([0x22; 8])));
    let store = KvStore::new(VaultBackend::unlocked(Shared(mem), session));
    for id in ids {
        store
            .save_now(Envelope::wrap(&draft(id), "2026-12-07T10:00:00Z"), None)
            .unwrap();
    }
    meta
}

fn snapshot(mem: &MemoryBackend) -> BTreeMap<String, String> {
    mem.map.borrow().clone()
}

#[test]
fn sec_1_stores_opened_on_one_session_share_its_nonces_and_read_each_others_writes() {
    let mem = MemoryBackend::default();
    vault_with(&mem, &[]);
    let session = Rc::new(Session::new(key(), SALT, NonceSequence::new([0x33; 8])));
    // The app opens a store per action; all of them seal with the tab's one session.
    let first = KvStore::new(VaultBackend::unlocked(Shared(&mem), session.clone()));
    let second = KvStore::new(VaultBackend::unlocked(Shared(&mem), session.clone()));
    let saved = first
        .save_now(Envelope::wrap(&draft("d1"), "2026-12-07T10:00:00Z"), None)
        .unwrap();
    second
        .save_now(saved.clone(), Some(saved.revision))
        .unwrap();
    let a = mem.map.borrow()["pct.draft.d1"].clone();
    assert!(!a.contains(NAME), "the name is stored in clear");
    let again = first.load_now("d1").unwrap().unwrap();
    assert_eq!(again.open().unwrap().answers, draft("d1").answers);
    // Two writes from two stores of one session never reuse a nonce: the second write's
    // nonce differs from the first's.
    let third = KvStore::new(VaultBackend::unlocked(Shared(&mem), session));
    third.save_now(again.clone(), Some(again.revision)).unwrap();
    assert_ne!(a, mem.map.borrow()["pct.draft.d1"]);
}

#[test]
fn sec_2_a_locked_store_neither_reads_nor_writes_a_record() {
    let mem = MemoryBackend::default();
    vault_with(&mem, &["d1"]);
    let before = snapshot(&mem);
    let locked = KvStore::new(VaultBackend::locked(Shared(&mem)));
    assert!(
        matches!(locked.load_now("d1"), Err(StoreError::Unavailable(why)) if why.contains("locked"))
    );
    assert!(locked.list_now().is_err());
    assert!(locked
        .save_now(Envelope::wrap(&draft("d2"), "2026-12-07T11:00:00Z"), None)
        .is_err());
    assert_eq!(snapshot(&mem), before, "a locked store changed storage");
    // Settings (not sealed) still pass through.
    assert_eq!(locked.backend.get("pct.autolock"), Ok(None));
}

#[test]
fn sec_3_a_damaged_vault_record_is_repaired_from_its_spare_copy_by_the_right_passphrase() {
    let mem = MemoryBackend::default();
    let meta = vault_with(&mem, &["d1", "d2"]);
    // One flipped byte in the record (the finding): today's "not right" for the right
    // passphrase, with only "delete everything" as a way out.
    let text = mem.map.borrow()[META_KEY].clone();
    let flipped = text.replacen("\"v\":1", "\"v\":3", 1);
    mem.set(META_KEY, &flipped).unwrap();
    let found = find(&Shared(&mem)).unwrap();
    let Found::Damaged(r) = &found else {
        panic!("found {found:?}")
    };
    assert_eq!(*r, Repair::Copy(meta.clone()));
    assert!(r.message().contains("spare copy is intact"));
    assert_eq!(
        recover(&Shared(&mem), &found, &key()),
        Err(VaultError::Damaged)
    );

    // A wrong passphrase changes nothing.
    let before = snapshot(&mem);
    let mut nonces = NonceSequence::new([0x44; 8]);
    assert_eq!(
        repair(&Shared(&mem), r, &Key::new([8; 32]), &mut nonces),
        Err(VaultError::WrongPassphrase)
    );
    assert_eq!(snapshot(&mem), before);

    // The right one repairs the record, and every record opens.
    assert_eq!(
        repair(&Shared(&mem), r, &key(), &mut nonces),
        Ok(meta.clone())
    );
    assert_eq!(find(&Shared(&mem)), Ok(Found::Vault(meta)));
    let k = key();
    let store = KvStore::new(VaultBackend::new(Shared(&mem), &k, SALT, nonces));
    let listing = store.list_now().unwrap();
    assert_eq!(listing.drafts.len(), 2);
    assert!(listing.unreadable.is_empty());
}

#[test]
fn sec_3_with_record_and_copy_gone_the_salt_in_the_entries_rebuilds_the_vault() {
    let mem = MemoryBackend::default();
    vault_with(&mem, &["d1", "d2", "d3"]);
    // An entry of another vault (quarantined) does not outvote the vault's own salt.
    let other = Key::new([9; 32]);
    let foreign = prevent_core::vault::seal_with(
        &other,
        &[0x99; SALT_LEN],
        &mut NonceSequence::new([0x55; 8]),
        "pct.draft.x",
        "{}",
    )
    .unwrap();
    mem.set("pct.draft.x", &foreign).unwrap();
    mem.set(META_KEY, "{\"v\":1,").unwrap();
    mem.remove(META_COPY_KEY).unwrap();

    let found = find(&Shared(&mem)).unwrap();
    let Found::Damaged(r) = &found else {
        panic!("found {found:?}")
    };
    assert_eq!(*r, Repair::Salt(SALT));
    assert!(r.message().contains("records carry what is needed"));
    let mut nonces = NonceSequence::new([0x66; 8]);
    let before = snapshot(&mem);
    assert_eq!(
        repair(&Shared(&mem), r, &other, &mut nonces),
        Err(VaultError::WrongPassphrase),
        "a key that opens only a quarantined entry of another vault is not this vault's"
    );
    assert_eq!(snapshot(&mem), before);
    let meta = repair(&Shared(&mem), r, &key(), &mut nonces).unwrap();
    assert!(meta.verifies(&key()));
    assert!(meta.nfc);
    assert_eq!(find(&Shared(&mem)), Ok(Found::Vault(meta.clone())));
    assert_eq!(mem.map.borrow()[META_COPY_KEY], mem.map.borrow()[META_KEY]);
    let k = key();
    let store = KvStore::new(VaultBackend::new(Shared(&mem), &k, SALT, nonces));
    let listing = store.list_now().unwrap();
    assert_eq!(listing.drafts.len(), 3);
    assert_eq!(listing.unreadable, vec!["pct.draft.x".to_string()]);
}

#[test]
fn sec_3_a_deleted_vault_record_is_not_taken_for_first_use() {
    // Deleting pct.vault must not offer "set a new passphrase", which would leave every record
    // sealed under a key nobody can enter again.
    let mem = MemoryBackend::default();
    vault_with(&mem, &["d1"]);
    mem.remove(META_KEY).unwrap();
    assert!(matches!(
        find(&Shared(&mem)),
        Ok(Found::Damaged(Repair::Copy(_)))
    ));
    mem.remove(META_COPY_KEY).unwrap();
    assert!(matches!(
        find(&Shared(&mem)),
        Ok(Found::Damaged(Repair::Salt(SALT)))
    ));
}

#[test]
fn sec_3_a_damaged_record_with_nothing_sealed_is_said_to_be_damaged() {
    let mem = MemoryBackend::default();
    mem.set(META_KEY, "garbage").unwrap();
    assert_eq!(find(&Shared(&mem)), Err(VaultError::Damaged));
    // And with nothing at all, it is first use.
    let empty = MemoryBackend::default();
    assert_eq!(find(&Shared(&empty)), Ok(Found::None { clear: 0 }));
}

#[test]
fn sec_1_a_vault_record_from_before_nfc_reads_as_not_nfc() {
    // Issue 16, item 8: records written before passphrases were normalised lack the field; the
    // app migrates them when next unlocked.
    let mut nonces = NonceSequence::new([0x77; 8]);
    let meta = Meta::new(&key(), SALT, &mut nonces).unwrap();
    assert!(meta.nfc);
    let old = meta.to_text().replace(",\"nfc\":true", "");
    assert_ne!(old, meta.to_text());
    let read = Meta::parse(&old).unwrap();
    assert!(!read.nfc);
    assert!(read.verifies(&key()));
}
