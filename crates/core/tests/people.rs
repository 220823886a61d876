//! Several people on one computer (issue 20, item 5; docs/decisions/0023-people-on-one-computer.md):
//! a second person keeps their own protected drafts beside the first's, deleting nothing;
//! person 1 keeps today's keys; neither can read, list or overwrite the other's entries; each
//! has their own manifest, which still sets aside planted and rolled-back entries; a key
//! handed over by another tab finds its person; a newcomer's passphrase may not be one that
//! already opens someone's vault. Labels: INT-VAULT (the vault across people).

mod common;

use prevent_core::draft::Draft;
use prevent_core::manifest::Why;
use prevent_core::nrf;
use prevent_core::people::{self, newcomer, people, records, whose, Person, Personal};
use prevent_core::sealed::{NonceSequence, SALT_LEN};
use prevent_core::store::{Envelope, KvBackend, KvStore, Listing, MemoryBackend};
use prevent_core::vault::{self, Found, Key, Meta, VaultBackend, META_KEY};
use prevent_core::Answer;
use std::collections::BTreeMap;

const SALT_1: [u8; SALT_LEN] = [0x11; SALT_LEN];
const SALT_2: [u8; SALT_LEN] = [0x22; SALT_LEN];

fn key_1() -> Key {
    Key::new([1; 32])
}
fn key_2() -> Key {
    Key::new([2; 32])
}

use common::Shared;

fn p(n: u32) -> Person {
    Person::new(n).unwrap()
}

/// `person`'s raw view of the storage.
fn view(mem: &MemoryBackend, person: Person) -> Personal<Shared<'_>> {
    Personal::new(Shared(mem), person)
}

type Tab<'a> = KvStore<VaultBackend<'a, Personal<Shared<'a>>>>;

/// A tab of `person`, unlocked with `key` (of the vault salted `salt`): the app's store.
fn tab<'a>(
    mem: &'a MemoryBackend,
    person: Person,
    key: &'a Key,
    salt: [u8; SALT_LEN],
    prefix: u8,
) -> Tab<'a> {
    KvStore::vaulted(VaultBackend::new(
        view(mem, person),
        key,
        salt,
        NonceSequence::new([prefix; 8]),
    ))
}

/// `person` sets their passphrase (turning encryption on in their namespace).
fn turn_on(mem: &MemoryBackend, person: Person, key: &Key, salt: [u8; SALT_LEN]) -> Meta {
    let mut nonces = NonceSequence::new([0x70 + person.number() as u8; 8]);
    let meta = Meta::new(key, salt, &mut nonces).unwrap();
    vault::rekey(&view(mem, person), None, key, &meta, &mut nonces).unwrap();
    meta
}

fn draft(id: &str, forename: &str) -> Draft {
    let mut d = Draft::new(&nrf::schema(), id, "2026-12-07T10:00:00Z");
    d.set_answer("subject.type", Answer::Text("individual".into()));
    d.set_answer("subject.forename", Answer::Text(forename.into()));
    d
}

fn save<B: KvBackend>(s: &KvStore<B>, d: &Draft) -> Envelope {
    let before = s.load_now(&d.id).unwrap().map(|e| e.revision);
    s.save_now(Envelope::wrap(d, "2026-12-07T10:00:01Z"), before)
        .unwrap()
}

fn ids(l: &Listing) -> Vec<&str> {
    let mut v: Vec<&str> = l.drafts.iter().map(|d| d.id.as_str()).collect();
    v.sort();
    v
}

fn why(l: &Listing) -> Vec<(&str, Why)> {
    l.set_aside.iter().map(|s| (s.id.as_str(), s.why)).collect()
}

fn snapshot(mem: &MemoryBackend) -> BTreeMap<String, String> {
    mem.map.borrow().clone()
}

/// The entries of person 1 (today's keys), as stored.
fn first_persons(mem: &MemoryBackend) -> BTreeMap<String, String> {
    snapshot(mem)
        .into_iter()
        .filter(|(k, _)| !k.starts_with("pct.p2."))
        .collect()
}

fn forename(s: &Tab<'_>, id: &str) -> Option<String> {
    let d = s.load_now(id).ok()??.open().ok()?;
    d.answers.text("subject.forename").map(str::to_string)
}

/// Person 1 with drafts `a1` and `a2`, then person 2 beside them with `b1`.
fn two_people(mem: &MemoryBackend, k1: &Key, k2: &Key) {
    turn_on(mem, Person::FIRST, k1, SALT_1);
    let one = tab(mem, Person::FIRST, k1, SALT_1, 1);
    save(&one, &draft("a1", "Alice"));
    save(&one, &draft("a2", "Ash"));
    turn_on(mem, p(2), k2, SALT_2);
    save(&tab(mem, p(2), k2, SALT_2, 2), &draft("b1", "Bob"));
}

#[test]
fn int_vault_first_person_keeps_todays_keys_and_a_second_is_under_pct_p2() {
    let check = |person: u32, app: &str, stored: &str| {
        assert_eq!(p(person).stored(app), stored, "{person} {app}");
        assert_eq!(
            p(person).app_key(stored).as_deref(),
            Some(app),
            "{person} {stored}"
        );
    };
    check(1, "pct.vault", "pct.vault");
    check(1, "pct.draft.x", "pct.draft.x");
    check(1, "pct.manifest.tombstones", "pct.manifest.tombstones");
    check(2, "pct.vault", "pct.p2.vault");
    check(2, "pct.vault.copy", "pct.p2.vault.copy");
    check(2, "pct.vault.next", "pct.p2.vault.next");
    check(2, "pct.draft.x", "pct.p2.draft.x");
    check(2, "pct.index", "pct.p2.index");
    check(2, "pct.manifest.3", "pct.p2.manifest.3");
    check(12, "pct.rekey.pct.draft.x", "pct.p12.rekey.pct.draft.x");
    // The device's settings are everyone's.
    check(1, "pct.autolock", "pct.autolock");
    check(2, "pct.autolock", "pct.autolock");
    check(2, "pct.settings", "pct.settings");
    // Nobody sees another's entries; person 1 never lists person N's (as the trainer's).
    assert_eq!(p(1).app_key("pct.p2.draft.x"), None);
    assert_eq!(p(2).app_key("pct.draft.x"), None);
    assert_eq!(p(2).app_key("pct.p3.draft.x"), None);
    assert_eq!(p(3).app_key("pct.p2.vault"), None);
    // Not a person's namespace: `pct.play.`, `pct.probe`, a zero or a leading zero.
    assert_eq!(p(1).app_key("pct.play.x").as_deref(), Some("pct.play.x"));
    assert_eq!(
        p(2).app_key("pct.p02.draft.x").as_deref(),
        Some("pct.p02.draft.x")
    );
    assert_eq!(
        p(1).app_key("pct.p1.draft.x").as_deref(),
        Some("pct.p1.draft.x")
    );
    assert_eq!(people::unprefixed("pct.p2.index"), "pct.index");
    assert_eq!(people::unprefixed("pct.index"), "pct.index");
    assert_eq!(Person::new(0), None);
}

#[test]
fn int_vault_second_person_keeps_own_drafts_beside_the_first() {
    let mem = MemoryBackend::default();
    let (k1, k2) = (key_1(), key_2());
    turn_on(&mem, Person::FIRST, &k1, SALT_1);
    let one = tab(&mem, Person::FIRST, &k1, SALT_1, 1);
    save(&one, &draft("a1", "Alice"));
    save(&one, &draft("a2", "Ash"));
    let before = snapshot(&mem);

    // "I am someone else": person 2 sets their own passphrase, deleting nothing.
    assert_eq!(newcomer(&mem.keys().unwrap()), p(2));
    turn_on(&mem, p(2), &k2, SALT_2);
    let two = tab(&mem, p(2), &k2, SALT_2, 2);
    let l = two.list_now().unwrap();
    assert!(l.drafts.is_empty() && l.set_aside.is_empty(), "{l:?}");
    save(&two, &draft("b1", "Bob"));
    assert_eq!(ids(&two.list_now().unwrap()), ["b1"]);

    // Person 1's entries are as they were, byte for byte, and still open.
    assert_eq!(first_persons(&mem), before);
    let one = tab(&mem, Person::FIRST, &k1, SALT_1, 3);
    let l = one.list_now().unwrap();
    assert_eq!(ids(&l), ["a1", "a2"]);
    assert!(l.set_aside.is_empty(), "{l:?}");
    assert_eq!(forename(&one, "a1").as_deref(), Some("Alice"));
    assert_eq!(
        forename(&tab(&mem, p(2), &k2, SALT_2, 4), "b1").as_deref(),
        Some("Bob")
    );
    assert_eq!(people(&mem.keys().unwrap()), [p(1), p(2)]);
    assert_eq!(newcomer(&mem.keys().unwrap()), p(3));
}

#[test]
fn int_vault_second_person_can_neither_read_nor_overwrite_the_firsts_entries() {
    let mem = MemoryBackend::default();
    let (k1, k2) = (key_1(), key_2());
    two_people(&mem, &k1, &k2);
    let before = first_persons(&mem);
    let two = tab(&mem, p(2), &k2, SALT_2, 5);
    // Person 1's ids are not person 2's: nothing to load, and a save with the same id goes to
    // person 2's own namespace.
    assert_eq!(two.load_now("a1").unwrap(), None);
    save(&two, &draft("a1", "Bob's own"));
    assert_eq!(first_persons(&mem), before);
    assert!(mem.map.borrow().contains_key("pct.p2.draft.a1"));
    assert_eq!(two.delete_now("a2"), Ok(None));
    assert_eq!(first_persons(&mem), before);
    // Person 2's raw view lists nothing of person 1's, person 1's nothing of person 2's.
    let keys2 = view(&mem, p(2)).keys().unwrap();
    assert!(
        keys2
            .iter()
            .all(|k| p(2).stored(k).starts_with("pct.p2.") || !people::is_personal(k)),
        "{keys2:?}"
    );
    assert!(keys2.contains(&"pct.draft.b1".to_string()));
    let keys1 = view(&mem, p(1)).keys().unwrap();
    assert!(keys1.iter().all(|k| !k.starts_with("pct.p2.")), "{keys1:?}");
    // Person 1's key does not open person 2's vault, nor person 2's the first's.
    assert!(
        matches!(vault::find(&view(&mem, p(2))), Ok(Found::Vault(m)) if !m.verifies(&k1) && m.verifies(&k2))
    );
    assert_eq!(
        vault::recover(
            &view(&mem, p(1)),
            &vault::find(&view(&mem, p(1))).unwrap(),
            &k2
        ),
        Err(vault::VaultError::WrongPassphrase)
    );
}

#[test]
fn int_vault_an_entry_moved_from_one_person_to_another_does_not_open_and_is_set_aside() {
    let mem = MemoryBackend::default();
    let (k1, k2) = (key_1(), key_2());
    two_people(&mem, &k1, &k2);
    // Someone holding the profile folder copies person 1's sealed entry into person 2's
    // namespace, and person 2's into person 1's.
    let a1 = mem.map.borrow()["pct.draft.a1"].clone();
    let b1 = mem.map.borrow()["pct.p2.draft.b1"].clone();
    mem.map
        .borrow_mut()
        .insert("pct.p2.draft.a1".into(), a1.clone());
    mem.map
        .borrow_mut()
        .insert("pct.draft.b1".into(), b1.clone());
    let l2 = tab(&mem, p(2), &k2, SALT_2, 6).list_now().unwrap();
    assert_eq!(ids(&l2), ["b1"]);
    assert_eq!(why(&l2), [("a1", Why::CannotOpen)]);
    let l1 = tab(&mem, p(1), &k1, SALT_1, 7).list_now().unwrap();
    assert_eq!(ids(&l1), ["a1", "a2"]);
    assert_eq!(why(&l1), [("b1", Why::CannotOpen)]);
    // Set aside, never overwritten.
    assert_eq!(mem.map.borrow()["pct.p2.draft.a1"], a1);
}

#[test]
fn int_vault_each_persons_manifest_sets_aside_planted_and_rolled_back_entries() {
    let mem = MemoryBackend::default();
    let (k1, k2) = (key_1(), key_2());
    two_people(&mem, &k1, &k2);
    let two = tab(&mem, p(2), &k2, SALT_2, 8);
    let old = mem.map.borrow()["pct.p2.draft.b1"].clone();
    save(&two, &draft("b1", "Bobby"));
    // An older copy of person 2's draft put back, and a draft planted in clear beside it.
    mem.map.borrow_mut().insert("pct.p2.draft.b1".into(), old);
    let planted = serde_json::to_string(&Envelope::wrap(&draft("x9", "Mallory"), "t")).unwrap();
    mem.map
        .borrow_mut()
        .insert("pct.p2.draft.x9".into(), planted);
    let l2 = tab(&mem, p(2), &k2, SALT_2, 9).list_now().unwrap();
    assert!(l2.drafts.is_empty(), "{l2:?}");
    assert_eq!(
        why(&l2),
        [
            ("b1", Why::RolledBack { finished: false }),
            ("x9", Why::NotEncrypted)
        ]
    );
    // Person 1's own list is not disturbed by person 2's.
    let l1 = tab(&mem, p(1), &k1, SALT_1, 10).list_now().unwrap();
    assert_eq!(ids(&l1), ["a1", "a2"]);
    assert!(l1.set_aside.is_empty(), "{l1:?}");
    // Each manifest is sealed in its person's namespace.
    assert!(mem
        .map
        .borrow()
        .keys()
        .any(|k| k.starts_with("pct.p2.manifest.")));
    assert!(mem
        .map
        .borrow()
        .keys()
        .any(|k| k.starts_with("pct.manifest.")));
}

#[test]
fn int_vault_a_key_handed_over_finds_its_person_and_no_other() {
    let mem = MemoryBackend::default();
    let (k1, k2) = (key_1(), key_2());
    two_people(&mem, &k1, &k2);
    let raw = Shared(&mem);
    assert_eq!(whose(&raw, &k1, &SALT_1), Some(p(1)));
    assert_eq!(whose(&raw, &k2, &SALT_2), Some(p(2)));
    // A key with another vault's salt, or a key nobody has.
    assert_eq!(whose(&raw, &k1, &SALT_2), None);
    assert_eq!(whose(&raw, &Key::new([9; 32]), &SALT_1), None);
    let r = records(&raw);
    assert_eq!(r.iter().map(|(p, _)| *p).collect::<Vec<_>>(), [p(1), p(2)]);
    assert!(r[1].1.verifies(&k2));
}

#[test]
fn int_vault_a_passphrase_change_of_one_person_leaves_the_other_untouched() {
    let mem = MemoryBackend::default();
    let (k1, k2) = (key_1(), key_2());
    two_people(&mem, &k1, &k2);
    let before = first_persons(&mem);
    let k3 = Key::new([3; 32]);
    let mut nonces = NonceSequence::new([0x33; 8]);
    let meta = Meta::new(&k3, [0x33; SALT_LEN], &mut nonces).unwrap();
    assert_eq!(
        vault::rekey(&view(&mem, p(2)), Some(&k2), &k3, &meta, &mut nonces),
        Ok(1)
    );
    assert_eq!(first_persons(&mem), before);
    assert_eq!(
        forename(&tab(&mem, p(2), &k3, [0x33; SALT_LEN], 11), "b1").as_deref(),
        Some("Bob")
    );
    // And person 1's vault stays person 1's.
    assert!(matches!(vault::find(&view(&mem, p(1))), Ok(Found::Vault(m)) if m.verifies(&k1)));
    assert_eq!(mem.map.borrow().get(META_KEY), before.get(META_KEY));
}

#[test]
fn int_vault_people_are_found_from_what_is_stored() {
    let keys = |ks: &[&str]| ks.iter().map(|k| k.to_string()).collect::<Vec<_>>();
    // Nobody yet (settings alone are nobody's): the newcomer is person 1.
    assert_eq!(people(&keys(&["pct.autolock", "pct.settings"])), []);
    assert_eq!(newcomer(&keys(&["pct.autolock"])), p(1));
    // Drafts in clear from before a passphrase are person 1's.
    assert_eq!(people(&keys(&["pct.draft.a"])), [p(1)]);
    // So is a list's index left in this tab (it opens with person 1's key: a damaged vault
    // record is rebuilt from it, decision 0005).
    assert_eq!(people(&keys(&["pct.index"])), [p(1)]);
    assert_eq!(
        people(&keys(&[
            "pct.p3.vault",
            "pct.vault",
            "pct.p2.draft.x",
            "pct.p3.draft.y"
        ])),
        [p(1), p(2), p(3)]
    );
    // A gap is filled first.
    assert_eq!(newcomer(&keys(&["pct.vault", "pct.p3.vault"])), p(2));
    // A settings-like key under a person's prefix is nobody's.
    assert_eq!(people(&keys(&["pct.vault", "pct.p4.autolock"])), [p(1)]);
}

#[test]
fn int_vault_a_newcomer_on_an_empty_computer_is_the_first_person_with_todays_keys() {
    let mem = MemoryBackend::default();
    let k = key_1();
    let who = newcomer(&mem.keys().unwrap());
    turn_on(&mem, who, &k, SALT_1);
    save(&tab(&mem, who, &k, SALT_1, 12), &draft("a1", "Alice"));
    assert!(mem.map.borrow().contains_key("pct.vault"));
    assert!(mem.map.borrow().contains_key("pct.draft.a1"));
    assert!(mem.map.borrow().keys().all(|k| !k.starts_with("pct.p2")));
}
