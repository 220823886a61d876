//! Several people on one computer (issue 20, item 5; docs/decisions/0023-people-on-one-computer.md).
//!
//! On a shared staff computer a second person keeps their own protected referrals beside a
//! colleague's, under their own passphrase, deleting nothing. Each person is a number: person
//! 1 keeps the keys the toolkit has always used (`pct.vault`, `pct.draft.<id>`, …: data stored
//! before keeps working unchanged); person N ≥ 2 keeps theirs under `pct.pN.` (`pct.p2.vault`,
//! `pct.p2.draft.<id>`). [`Personal`] is the backend of one person: it maps the keys of the
//! vault and of every sealed entry ([`is_personal`]) into that person's namespace and lists
//! nothing of anyone else's, so one person's store can neither read nor overwrite another's
//! entries, and each keeps their own sealed manifest and tombstones. Everything else (the
//! device's settings: idle lock, deployment settings, …) is shared.
//!
//! No name is stored, in clear or sealed: a passphrase is tried against each person's vault
//! record ([`people`]) and opens the one it matches; a key handed over by another tab is
//! matched the same way ([`whose`]). An entry moved from one person's namespace to another's
//! does not open there (another key), and is set aside like any entry that does not open.

use crate::sealed::SALT_LEN;
use crate::store::{KvBackend, KvError};
use crate::vault::{self, Key, Meta, META_KEY, REKEY_PREFIX};

/// Where person N ≥ 2 keeps their entries: `pct.pN.` then the key without its `pct.`.
pub const PERSON_PREFIX: &str = "pct.p";

/// One person's number on this computer: 1 for the first (today's keys), 2 and up beside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Person(u32);

impl Person {
    /// The first person, whose keys are the toolkit's own.
    pub const FIRST: Person = Person(1);

    /// Person `n`; `None` for 0.
    pub fn new(n: u32) -> Option<Person> {
        (n >= 1).then_some(Person(n))
    }

    /// The person's number.
    pub fn number(self) -> u32 {
        self.0
    }

    /// The stored key of the app's `key` for this person: the same for person 1 and for a
    /// shared key, else under `pct.pN.`.
    pub fn stored(self, key: &str) -> String {
        if self.0 == 1 || !is_personal(key) {
            return key.to_string();
        }
        format!(
            "{PERSON_PREFIX}{}.{}",
            self.0,
            key.strip_prefix("pct.").unwrap_or(key)
        )
    }

    /// The app key of a stored key, when this person may see it: their own entries and the
    /// shared keys; never another person's.
    pub fn app_key(self, stored: &str) -> Option<String> {
        match owner(stored) {
            Some((p, app)) => (p == self && is_personal(&app)).then_some(app),
            None => (self.0 == 1 || !is_personal(stored)).then(|| stored.to_string()),
        }
    }
}

/// Whether an app key is a person's own: the vault's records, a passphrase change's staged
/// entries, and every sealed entry (records, their index, the manifest and tombstones).
pub fn is_personal(key: &str) -> bool {
    key == META_KEY
        || key.starts_with("pct.vault.")
        || key.starts_with(REKEY_PREFIX)
        || vault::is_sealed_key(key)
}

/// The person N ≥ 2 and the app key of a key stored under `pct.pN.`.
fn owner(stored: &str) -> Option<(Person, String)> {
    let rest = stored.strip_prefix(PERSON_PREFIX)?;
    let (n, tail) = rest.split_once('.')?;
    if n.is_empty() || n.starts_with('0') || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u32 = n.parse().ok().filter(|n| *n >= 2)?;
    Some((Person(n), format!("pct.{tail}")))
}

/// The app key of any stored key, whoever's it is (`pct.p2.index` → `pct.index`).
pub fn unprefixed(stored: &str) -> String {
    owner(stored)
        .map(|(_, k)| k)
        .unwrap_or_else(|| stored.to_string())
}

/// The people who keep something on this computer, by number, from the stored keys: person 1
/// if any of today's own keys is stored, person N if anything is stored under `pct.pN.`.
pub fn people(stored_keys: &[String]) -> Vec<Person> {
    let mut out: Vec<Person> = Vec::new();
    for k in stored_keys {
        let p = match owner(k) {
            Some((p, app)) if is_personal(&app) => p,
            Some(_) => continue,
            None if is_personal(k) => Person::FIRST,
            None => continue,
        };
        // Inserted in order: no sort (CONTRIBUTING.md).
        let at = out.iter().position(|q| q.0 >= p.0).unwrap_or(out.len());
        if out.get(at) != Some(&p) {
            out.insert(at, p);
        }
    }
    out
}

/// The number a newcomer takes: 1 when nobody keeps anything here, else the lowest free.
pub fn newcomer(stored_keys: &[String]) -> Person {
    let taken = people(stored_keys);
    let mut n = 1;
    while taken.contains(&Person(n)) {
        n += 1;
    }
    Person(n)
}

/// The backend of one person: their own keys mapped into their namespace
/// ([`Person::stored`]), and only their own and the shared keys listed.
pub struct Personal<B> {
    inner: B,
    person: Person,
}

impl<B: KvBackend> Personal<B> {
    /// `person`'s view of `inner`.
    pub fn new(inner: B, person: Person) -> Self {
        Personal { inner, person }
    }

    /// Whose view this is.
    pub fn person(&self) -> Person {
        self.person
    }
}

impl<B: KvBackend> KvBackend for Personal<B> {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        self.inner.get(&self.person.stored(key))
    }
    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        self.inner.set(&self.person.stored(key), value)
    }
    fn remove(&self, key: &str) -> Result<(), KvError> {
        self.inner.remove(&self.person.stored(key))
    }
    fn keys(&self) -> Result<Vec<String>, KvError> {
        Ok(self
            .inner
            .keys()?
            .iter()
            .filter_map(|k| self.person.app_key(k))
            .collect())
    }
    fn stamp(&self, key: &str) -> Result<Option<String>, KvError> {
        self.inner.stamp(&self.person.stored(key))
    }
}

/// Whose vault `key` opens, with the salt `salt` (a key handed over by another tab): the
/// person whose vault record has that salt and verifies the key; `None` for anyone else's.
pub fn whose<B: KvBackend>(raw: &B, key: &Key, salt: &[u8; SALT_LEN]) -> Option<Person> {
    let keys = raw.keys().ok()?;
    people(&keys).into_iter().find(|p| {
        raw.get(&p.stored(META_KEY))
            .ok()
            .flatten()
            .and_then(|t| Meta::parse(&t).ok())
            .is_some_and(|m| m.salt_bytes().ok().as_ref() == Some(salt) && m.verifies(key))
    })
}

/// The vault records of everyone here who has one, to try a passphrase against when a
/// newcomer chooses theirs: a passphrase that opens someone's vault is refused
/// ([`TAKEN`]), as the one it opens would always be found first.
pub fn records<B: KvBackend>(raw: &B) -> Vec<(Person, Meta)> {
    let keys = raw.keys().unwrap_or_default();
    people(&keys)
        .into_iter()
        .filter_map(|p| {
            let text = raw.get(&p.stored(META_KEY)).ok().flatten()?;
            Some((p, Meta::parse(&text).ok()?))
        })
        .collect()
}

/// What a newcomer is told when their passphrase already opens someone's protected
/// referrals here.
pub const TAKEN: &str = "That passphrase is already used on this computer: choose a different one. If it is yours, go back and enter it to open your own referrals";
