//! The records hub's list read through its sealed index (issue 9: list 1,000 stored records at
//! once). The index is a cache of each record's summary with the stamp (nonce and length) of
//! the sealed entry it was read from: an entry whose stamp is unchanged is listed without being
//! opened; every other one is opened, so a stale, missing, damaged or foreign index, another
//! tab's write, a crash between writes or a moved entry never shows a wrong list.
//! Labels: REC-5 (the hub lists every record), SEC-1 (encrypted at rest), SEC-3 (faults
//! survived); see docs/decisions/0004-import.md and 0005-encryption.md.

use prevent_core::draft::Draft;
use prevent_core::nrf;
use prevent_core::sealed::{NonceSequence, SALT_LEN};
use prevent_core::store::{
    stamp, Envelope, KvBackend, KvError, KvStore, Listing, MemoryBackend, INDEX_KEY, KEY_PREFIX,
    STAMP_HEAD_CHARS,
};
use prevent_core::vault::{self, Key, Meta, VaultBackend};
use prevent_core::Answer;
use std::cell::Cell;

const SALT: [u8; SALT_LEN] = [7; SALT_LEN];

/// Lends a `MemoryBackend` to a store, counting the records read whole.
struct Counted<'a> {
    mem: &'a MemoryBackend,
    reads: &'a Cell<usize>,
}

impl KvBackend for Counted<'_> {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        if key.starts_with(KEY_PREFIX) {
            self.reads.set(self.reads.get() + 1);
        }
        self.mem.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        self.mem.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), KvError> {
        self.mem.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, KvError> {
        self.mem.keys()
    }
    fn stamp(&self, key: &str) -> Result<Option<String>, KvError> {
        self.mem.stamp(key)
    }
}

type Store<'a> = KvStore<VaultBackend<'a, Counted<'a>>>;

/// A tab (or a page load): a store sealing with `key`, its nonces prefixed `prefix`.
fn tab<'a>(mem: &'a MemoryBackend, key: &'a Key, prefix: u8, reads: &'a Cell<usize>) -> Store<'a> {
    KvStore::new(VaultBackend::new(
        Counted { mem, reads },
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

fn rows(l: &Listing) -> Vec<(String, String, String)> {
    l.drafts
        .iter()
        .map(|d| (d.id.clone(), d.label.clone(), d.saved_at.clone()))
        .collect()
}

/// Lists in a new page load: the listing and how many records it opened.
fn list(mem: &MemoryBackend, key: &Key) -> (Listing, usize) {
    let reads = Cell::new(0);
    let l = tab(mem, key, 0x40, &reads).list_now().unwrap();
    (l, reads.get())
}

/// What the list must show: every entry opened, no index.
fn truth(mem: &MemoryBackend, key: &Key) -> Listing {
    let copy = MemoryBackend::default();
    for (k, v) in mem.map.borrow().iter().filter(|(k, _)| *k != INDEX_KEY) {
        copy.set(k, v).unwrap();
    }
    let reads = Cell::new(0);
    let l = KvStore::new(VaultBackend::new(
        Counted {
            mem: &copy,
            reads: &reads,
        },
        key,
        SALT,
        NonceSequence::new([0x50; 8]),
    ))
    .list_now()
    .unwrap();
    assert_eq!(reads.get(), l.drafts.len() + l.unreadable.len());
    l
}

/// Twenty records saved in one tab, then listed once (which writes the index).
fn twenty<'a>(mem: &'a MemoryBackend, key: &'a Key, reads: &'a Cell<usize>) -> Store<'a> {
    let a = tab(mem, key, 1, reads);
    for i in 0..20 {
        save(
            &a,
            &draft(&format!("d{i:02}"), "Alex"),
            &format!("2026-11-28T10:00:{i:02}Z"),
        );
    }
    let (l, opened) = list(mem, key);
    assert_eq!(
        (l.drafts.len(), opened),
        (20, 20),
        "no index yet: all opened"
    );
    assert!(mem.map.borrow().contains_key(INDEX_KEY));
    a
}

#[test]
fn rec_5_stamp_is_the_sealed_entrys_nonce_and_length() {
    let sealed = r#"{"v":1,"kdf":"PBKDF2-SHA256","iterations":600000,"salt":"BwcHBwcHBwcHBwcHBwcHBw==","nonce":"AQEBAQEBAQEAAAAA","ct":"abc"}"#;
    let head: String = sealed.chars().take(STAMP_HEAD_CHARS).collect();
    // (the stored entry's first characters, its length) -> stamp
    let cases: [(&str, usize, Option<&str>); 6] = [
        (&head, sealed.len(), Some("AQEBAQEBAQEAAAAA:121")),
        (&head, 99, Some("AQEBAQEBAQEAAAAA:99")),
        // An entry kept in clear (an envelope from before encryption) has none.
        (
            r#"{"format":"prevent-toolkit/draft","envelope_version":1}"#,
            60,
            None,
        ),
        // Cut short inside the nonce, or a nonce of the wrong length.
        (r#"{"v":1,"nonce":"AQEBAQEB"#, 30, None),
        (r#"{"v":1,"nonce":"AQEB","ct":""}"#, 30, None),
        ("", 0, None),
    ];
    for (stored, len, want) in cases {
        assert_eq!(stamp(stored, len).as_deref(), want, "{stored}");
    }
}

#[test]
fn rec_5_a_listing_opens_only_the_entries_written_since_the_last_one() {
    let mem = MemoryBackend::default();
    let key = Key::new([1; 32]);
    let reads = Cell::new(0);
    let a = twenty(&mem, &key, &reads);
    // (what happened since the last listing, how many entries the next listing opens)
    let steps: [(&str, usize); 6] = [
        ("nothing", 0),
        ("a record saved again", 1),
        ("the same listing again", 0),
        ("a record deleted", 0),
        ("a record added", 1),
        ("two saved, one deleted", 2),
    ];
    for (what, opened) in steps {
        match what {
            "a record saved again" => save(&a, &draft("d03", "Bea"), "2026-11-28T11:00:00Z"),
            "a record deleted" => drop(a.delete_now("d05").unwrap()),
            "a record added" => save(&a, &draft("new", "Cal"), "2026-11-28T12:00:00Z"),
            "two saved, one deleted" => {
                save(&a, &draft("d07", "Dee"), "2026-11-28T13:00:00Z");
                save(&a, &draft("d08", "Eve"), "2026-11-28T13:00:01Z");
                drop(a.delete_now("d09").unwrap());
            }
            _ => {}
        }
        let (l, n) = list(&mem, &key);
        assert_eq!(n, opened, "{what}: entries opened");
        assert_eq!(rows(&l), rows(&truth(&mem, &key)), "{what}: the list");
    }
    let (l, _) = list(&mem, &key);
    assert_eq!(l.drafts.len(), 19);
    assert_eq!(l.drafts[0].label, "A person, E. E.");
}

#[test]
fn sec_3_a_crash_another_tab_or_a_lost_index_never_shows_a_wrong_list() {
    // (the fault, then what the next listing must open)
    let faults: [(&str, usize); 6] = [
        // Another tab (its own nonces) saved a record and never listed.
        ("another tab saved a record", 1),
        // The page was closed after a record's write, before any listing: the same.
        ("a record written, then the tab closed", 1),
        // The index is gone (wiped by hand, or refused by a full storage).
        ("the index removed", 20),
        // The index is not an index (damaged), or sealed under another key.
        ("the index damaged", 20),
        ("the index sealed under another key", 20),
        // An old copy of the index put back: its stamps no longer match.
        ("an old index put back", 2),
    ];
    for (fault, opened) in faults {
        let mem = MemoryBackend::default();
        let key = Key::new([1; 32]);
        let reads = Cell::new(0);
        let a = twenty(&mem, &key, &reads);
        let old_index = mem.map.borrow()[INDEX_KEY].clone();
        match fault {
            "another tab saved a record" => {
                let b = tab(&mem, &key, 2, &reads);
                save(&b, &draft("d11", "Fay"), "2026-11-28T14:00:00Z");
            }
            "a record written, then the tab closed" => {
                save(&a, &draft("d12", "Gus"), "2026-11-28T14:00:00Z");
            }
            "the index removed" => mem.remove(INDEX_KEY).unwrap(),
            "the index damaged" => mem.set(INDEX_KEY, "{\"v\":1,\"rows\":").unwrap(),
            "the index sealed under another key" => {
                let other = Key::new([2; 32]);
                let b = VaultBackend::new(
                    Counted {
                        mem: &mem,
                        reads: &reads,
                    },
                    &other,
                    SALT,
                    NonceSequence::new([3; 8]),
                );
                b.set(INDEX_KEY, r#"{"v":1,"rows":[]}"#).unwrap();
            }
            "an old index put back" => {
                save(&a, &draft("d01", "Hal"), "2026-11-28T14:00:00Z");
                save(&a, &draft("d02", "Ivy"), "2026-11-28T14:00:01Z");
                list(&mem, &key);
                mem.set(INDEX_KEY, &old_index).unwrap();
            }
            _ => unreachable!(),
        }
        let (l, n) = list(&mem, &key);
        assert_eq!(n, opened, "{fault}: entries opened");
        assert_eq!(rows(&l), rows(&truth(&mem, &key)), "{fault}: the list");
        // And the index is right again: nothing more to open.
        assert_eq!(
            list(&mem, &key).1,
            0,
            "{fault}: the index was not written again"
        );
    }
}

#[test]
fn sec_3_an_entry_moved_cut_short_or_kept_in_clear_is_opened_and_set_aside_as_before() {
    // (the entry's fault, whether it is listed, or set aside as unreadable)
    let faults: [(&str, bool); 4] = [
        // Another record's sealed entry copied over this one: another nonce, so opened, and
        // sealed for another record, it does not open.
        ("another record's entry moved onto it", false),
        ("cut short", false),
        // A clear envelope from before encryption has no stamp: read whole every time.
        ("kept in clear", true),
        // A label with a tab or a line break cannot be a line of the index: read whole.
        ("a label with a tab", true),
    ];
    for (fault, listed) in faults {
        let mem = MemoryBackend::default();
        let key = Key::new([1; 32]);
        let reads = Cell::new(0);
        let _a = twenty(&mem, &key, &reads);
        let k = format!("{KEY_PREFIX}d04");
        let value = match fault {
            "another record's entry moved onto it" => {
                mem.map.borrow()[&format!("{KEY_PREFIX}d06")].clone()
            }
            "cut short" => mem.map.borrow()[&k][..200].to_string(),
            "kept in clear" => serde_json::to_string(&{
                let mut e = Envelope::wrap(&draft("d04", "Jo"), "2026-11-28T15:00:00Z");
                e.revision = 1;
                e
            })
            .unwrap(),
            "a label with a tab" => {
                let mut e = Envelope::wrap(&draft("d04", "Jo"), "2026-11-28T15:00:00Z");
                e.label = "Case A\tB".into();
                let _ = _a.save_now(e, Some(1)).unwrap();
                mem.map.borrow()[&k].clone()
            }
            _ => unreachable!(),
        };
        mem.set(&k, &value).unwrap();
        for _ in 0..2 {
            let (l, n) = list(&mem, &key);
            assert_eq!(n, 1, "{fault}: the entry is opened, every time");
            assert_eq!(l.drafts.len(), if listed { 20 } else { 19 }, "{fault}");
            assert_eq!(
                l.unreadable,
                if listed { vec![] } else { vec![k.clone()] },
                "{fault}"
            );
            assert_eq!(rows(&l), rows(&truth(&mem, &key)), "{fault}");
        }
        // Never overwritten.
        assert_eq!(mem.map.borrow()[&k], value, "{fault}");
    }
}

#[test]
fn sec_1_the_index_is_sealed_bound_to_its_key_and_carries_no_answers() {
    let mem = MemoryBackend::default();
    let key = Key::new([1; 32]);
    let reads = Cell::new(0);
    twenty(&mem, &key, &reads);
    assert!(vault::is_sealed_key(INDEX_KEY));
    let stored = mem.map.borrow()[INDEX_KEY].clone();
    assert!(prevent_core::sealed::decode(&stored).is_ok(), "not sealed");
    for clear in ["Alex", "A person", "d03", "Example"] {
        assert!(!stored.contains(clear), "{clear} in clear");
    }
    // Opened for its own key only.
    assert!(vault::open_with(&key, INDEX_KEY, &stored).is_ok());
    assert!(vault::open_with(&key, &format!("{KEY_PREFIX}x"), &stored).is_err());
    assert!(vault::open_with(&Key::new([2; 32]), INDEX_KEY, &stored).is_err());
    // The minimal label and no answer.
    let plain = vault::open_with(&key, INDEX_KEY, &stored).unwrap();
    assert!(plain.contains("A person, A. E."));
    assert!(!plain.contains("Alex") && !plain.contains("Example"));
}

#[test]
fn sec_1_a_passphrase_change_seals_the_index_again_with_the_records() {
    let mem = MemoryBackend::default();
    let old = Key::new([1; 32]);
    let reads = Cell::new(0);
    twenty(&mem, &old, &reads);
    let new = Key::new([9; 32]);
    let mut nonces = NonceSequence::new([0x60; 8]);
    let meta = Meta::new(&new, [8; SALT_LEN], &mut nonces).unwrap();
    // The vault's record of the old key, as a real vault has.
    let mut n0 = NonceSequence::new([0x61; 8]);
    mem.set(
        vault::META_KEY,
        &serde_json::to_string(&Meta::new(&old, SALT, &mut n0).unwrap()).unwrap(),
    )
    .unwrap();
    let n = vault::rekey(&mem, Some(&old), &new, &meta, &mut nonces).unwrap();
    assert_eq!(
        n, 20,
        "twenty records (the index is sealed again, not counted)"
    );
    let stored = mem.map.borrow()[INDEX_KEY].clone();
    assert!(
        vault::open_with(&old, INDEX_KEY, &stored).is_err(),
        "still under the old key"
    );
    assert!(vault::open_with(&new, INDEX_KEY, &stored).is_ok());
    // Every entry has a new nonce: the next listing opens them all once, and lists the same.
    let (l, opened) = list(&mem, &new);
    assert_eq!((l.drafts.len(), opened), (20, 20));
    assert_eq!(list(&mem, &new).1, 0);
    // Finding no vault counts records only, never the index.
    let fresh = MemoryBackend::default();
    fresh.set(INDEX_KEY, "{}").unwrap();
    fresh.set(&format!("{KEY_PREFIX}a"), "{}").unwrap();
    assert_eq!(vault::find(&fresh), Ok(vault::Found::None { clear: 1 }));
}

#[test]
fn sec_3_a_full_storage_refusing_the_index_changes_nothing_else() {
    let mem = MemoryBackend::default();
    let key = Key::new([1; 32]);
    let reads = Cell::new(0);
    twenty(&mem, &key, &reads);
    let records: Vec<(String, String)> = mem
        .map
        .borrow()
        .iter()
        .filter(|(k, _)| k.starts_with(KEY_PREFIX))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    // A backend that refuses every write now (full), after a record changed.
    let full = MemoryBackend::with_quota(0);
    for (k, v) in mem.map.borrow().iter() {
        full.map.borrow_mut().insert(k.clone(), v.clone());
    }
    full.map
        .borrow_mut()
        .insert(format!("{KEY_PREFIX}d00"), records[1].1.clone());
    let mut before = full.map.borrow().clone();
    let (l, _) = list(&full, &key);
    assert_eq!(l.drafts.len(), 19);
    assert_eq!(l.unreadable.len(), 1);
    // The stale index could not be written again: it is removed, the records (and the
    // manifest) are as they were.
    assert!(!full.map.borrow().contains_key(INDEX_KEY));
    before.remove(INDEX_KEY);
    assert_eq!(*full.map.borrow(), before);
    assert_eq!(
        before.keys().filter(|k| k.starts_with(KEY_PREFIX)).count(),
        20
    );
}
