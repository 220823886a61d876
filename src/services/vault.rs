//! Encryption at rest in the browser (issues 8 and 16): this tab's unlocked session, and
//! unlocking, turning encryption on, changing the passphrase and locking. Every rule is in
//! `prevent_core::vault`; this holds the session and talks to the browser.
//!
//! **The key lives in memory only** (issue 16, item 1; DESIGN.md "Security model"): never in
//! localStorage, sessionStorage, IndexedDB, a cookie or the Cache API, so nothing the browser
//! writes to its profile folder holds it. The tabs of the toolkit (all bundles of one origin)
//! talk over a `BroadcastChannel` ([`CHANNEL`]), in memory:
//! - a tab that loads with the vault locked asks (`ask`); an unlocked tab answers with the key
//!   (`give`), which the asking tab checks against the vault's record before using it. With no
//!   unlocked tab, no answer comes and the passphrase is asked for ([`ASK_MS`]);
//! - a tab that unlocks gives the key to every other tab, so they all open together;
//! - locking (now, or after the idle time) tells every tab (`lock`): each reloads, which clears
//!   the decrypted drafts from memory and the screen (a draft being typed is saved first, on
//!   `pagehide`, while the key is still in memory);
//! - activity in any tab (`seen`) keeps every tab from locking for idleness.
//!
//! The derived key is a 32-byte value in WebAssembly memory (decision 0005); the trainer's
//! bundle keeps fictional records and has no vault.
//!
//! **Several people on one computer** (issue 20, item 5; decision 0023): each keeps their own
//! vault (`prevent_core::people`). The tab's person is in memory beside its key ([`person`]):
//! unlocking tries the passphrase against each person's vault record and opens the one it
//! matches; a key given by another tab is matched the same way; "I am someone else" sets a
//! passphrase for a newcomer ([`create`]), deleting nothing.

use crate::services::crypto;
use crate::services::LocalBackend;
use prevent_core::people::{self, Person, Personal};
use prevent_core::sealed::{NonceSequence, SALT_LEN};
use prevent_core::store::KvBackend;
use prevent_core::vault::{self, Found, Key, Meta, Repair, Session, VaultError};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The channel the toolkit's tabs talk over.
pub const CHANNEL: &str = "pct.vault";
/// How long a tab that loads locked waits for another tab's key before asking for the
/// passphrase, in milliseconds. An answer measured 2 to 15 ms on the 2-core machine
/// (docs/decisions/0005-encryption.md, "Issue 16"); a later answer still unlocks the tab.
pub const ASK_MS: u32 = 400;
/// The key earlier versions kept in sessionStorage: removed wherever it is found.
const OLD_SESSION_KEY: &str = "pct.session";
/// The idle time before locking, in minutes (a plain setting).
pub const AUTOLOCK_KEY: &str = "pct.autolock";
/// The default idle time (issue 8: 15 minutes).
pub const DEFAULT_AUTOLOCK_MINUTES: u32 = 15;

thread_local! {
    static SESSION: RefCell<Option<Rc<Session>>> = const { RefCell::new(None) };
    /// Whose vault the session opens (person 1 until one is open).
    static PERSON: Cell<Person> = const { Cell::new(Person::FIRST) };
    /// Set once this tab is locking: it answers no more asks while its page goes.
    static LOCKING: Cell<bool> = const { Cell::new(false) };
    /// When a user last did something in any tab of the toolkit (ms since the epoch).
    static LAST_ACTIVE: Cell<f64> = const { Cell::new(0.0) };
    /// When this tab last told the others it was in use.
    static LAST_TOLD: Cell<f64> = const { Cell::new(0.0) };
    /// Whether this tab shows the idle lock's warning: key presses and clicks in it then do
    /// not count as use, only "Stay unlocked" does ([`stay_unlocked`]).
    static WARNED: Cell<bool> = const { Cell::new(false) };
    static PORT: RefCell<Option<web_sys::BroadcastChannel>> = const { RefCell::new(None) };
    static ON_UNLOCK: RefCell<Option<Box<dyn Fn()>>> = const { RefCell::new(None) };
}

/// Where the vault is, for the gate in front of every page that shows or stores a record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum State {
    /// The browser keeps nothing for this site (private mode, storage turned off): said before
    /// the user types anything.
    Unavailable(String),
    /// No passphrase yet: set one (first use). `clear` drafts from before will be encrypted.
    New { clear: usize },
    /// Locked, and asking the other tabs for the key (for at most [`ASK_MS`]).
    Asking,
    /// Locked: enter the passphrase.
    Locked,
    /// A passphrase change was cut short after it committed: the new passphrase finishes it.
    Interrupted,
    /// The vault's record is damaged: the passphrase still opens the records, and repairs it.
    /// The text says what is damaged.
    Damaged(String),
    /// Unlocked in this tab.
    Unlocked,
}

/// This tab's person's view of localStorage.
fn raw() -> Personal<LocalBackend> {
    of(person())
}

/// `p`'s view of localStorage.
fn of(p: Person) -> Personal<LocalBackend> {
    Personal::new(LocalBackend::new(), p)
}

/// Whose vault this tab has open (person 1 while none is).
pub fn person() -> Person {
    PERSON.with(Cell::get)
}

fn b64() -> base64::engine::GeneralPurpose {
    base64::engine::general_purpose::STANDARD
}

/// This tab's unlocked session, if any.
pub fn session() -> Option<Rc<Session>> {
    SESSION.with(|s| s.borrow().clone())
}

/// Whether draft entries can be read and written in this tab now.
pub fn is_unlocked() -> bool {
    crate::bundle::current().paths.training || session().is_some()
}

/// Keeps `key` of `who`'s vault for this tab, in memory only, with fresh nonces.
fn keep(key: Key, salt: [u8; SALT_LEN], who: Person) -> Result<(), String> {
    let prefix = crypto::random::<8>().map_err(|e| e.to_string())?;
    let s = Rc::new(Session::new(key, salt, NonceSequence::new(prefix)));
    PERSON.with(|p| p.set(who));
    SESSION.with(|u| *u.borrow_mut() = Some(s));
    Ok(())
}

/// Keeps `key` and gives it to every other tab of the toolkit, so they open too.
fn keep_and_share(key: Key, salt: [u8; SALT_LEN], who: Person) -> Result<(), String> {
    let bytes = key.bytes();
    keep(key, salt, who)?;
    give(&bytes, &salt);
    Ok(())
}

/// The vault's state in this tab.
pub fn state() -> State {
    if crate::bundle::current().paths.training {
        return State::Unlocked;
    }
    // Earlier versions kept the key in sessionStorage, which the browser writes to disk: gone.
    if let Some(s) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) {
        let _ = s.remove_item(OLD_SESSION_KEY);
    }
    let b = raw();
    // Can the browser keep anything at all? (Private modes may refuse every write.) Storage
    // that is full (it refuses for want of room, and holds something) can: the user must still
    // unlock, reach the records hub, download and delete to free room (issue 16, item 7). An
    // empty storage refusing for want of room has no room at all (a private mode's zero quota).
    if let Err(e) = b.set("pct.probe", "1").and_then(|()| b.remove("pct.probe")) {
        let full = e == prevent_core::store::KvError::QuotaExceeded
            && b.keys().is_ok_and(|k| !k.is_empty());
        if !full {
            return State::Unavailable(prevent_core::store::StoreError::from(e).to_string());
        }
    }
    if session().is_some() {
        return State::Unlocked;
    }
    // Person 1's vault says what the gate shows; with nobody's vault, first use. Someone
    // else's vault beside it is unlocked by the same passphrase field.
    let others = LocalBackend::new()
        .keys()
        .is_ok_and(|k| people::people(&k).iter().any(|p| *p != Person::FIRST));
    match vault::find(&of(Person::FIRST)) {
        Ok(Found::None { .. }) if others && port().is_some() => State::Asking,
        Ok(Found::None { .. }) if others => State::Locked,
        Ok(Found::None { clear }) => State::New { clear },
        Ok(Found::Vault(_)) if port().is_some() => State::Asking,
        Ok(Found::Vault(_)) => State::Locked,
        Ok(Found::Interrupted(_)) => State::Interrupted,
        Ok(Found::Damaged(r)) => State::Damaged(r.message().into()),
        Err(e) => State::Unavailable(e.to_string()),
    }
}

/// The passphrase as the key is derived from it: Unicode NFC, so that "é" typed as one
/// character or as "e" and an accent is the same passphrase (issue 16, item 8).
pub fn nfc(passphrase: &str) -> String {
    js_sys::JsString::from(passphrase)
        .normalize("NFC")
        .as_string()
        .unwrap_or_else(|| passphrase.to_string())
}

fn nfd(passphrase: &str) -> String {
    js_sys::JsString::from(passphrase)
        .normalize("NFD")
        .as_string()
        .unwrap_or_else(|| passphrase.to_string())
}

async fn derive(passphrase: &str, salt: &[u8; SALT_LEN]) -> Result<Key, String> {
    let bytes = crypto::derive_bits(passphrase, salt, prevent_core::sealed::ITERATIONS)
        .await
        .map_err(|e| e.to_string())?;
    Ok(Key::new(bytes))
}

fn nonces() -> Result<NonceSequence, String> {
    Ok(NonceSequence::new(
        crypto::random::<8>().map_err(|e| e.to_string())?,
    ))
}

/// The key of `passphrase` for the vault salted `salt` that `opens` accepts: its NFC form only
/// once the record says so; for a record from before (item 8's migration), the passphrase as
/// typed, then its two normal forms. Returns whether it was the NFC form, and the key. A wrong
/// passphrase (no form opens) changes nothing.
async fn first_key(
    passphrase: &str,
    salt: &[u8; SALT_LEN],
    nfc_record: bool,
    opens: &dyn Fn(&Key) -> Result<(), VaultError>,
) -> Result<(bool, Key), String> {
    let n = nfc(passphrase);
    let mut forms = vec![n.clone()];
    if !nfc_record {
        forms = vec![passphrase.to_string(), n.clone(), nfd(passphrase)];
    }
    for form in forms {
        let key = derive(&form, salt).await?;
        match opens(&key) {
            Ok(()) => return Ok((form == n, key)),
            Err(VaultError::WrongPassphrase) => continue,
            Err(e) => return Err(e.to_string()),
        }
    }
    Err(VaultError::WrongPassphrase.to_string())
}

/// Seals everything under the key of `passphrase` (NFC) with a new salt, from `old` (or from
/// clear entries: turning encryption on), all or nothing (`prevent_core::vault::rekey`), and
/// keeps the new key. Returns how many records were sealed again.
async fn rekey_to(old: Option<&Key>, passphrase: &str, who: Person) -> Result<usize, String> {
    let salt = crypto::random::<SALT_LEN>().map_err(|e| e.to_string())?;
    let key = derive(&nfc(passphrase), &salt).await?;
    let mut n = nonces()?;
    let meta = Meta::new(&key, salt, &mut n).map_err(|e| e.to_string())?;
    match vault::rekey(&of(who), old, &key, &meta, &mut n) {
        Ok(count) => {
            keep_and_share(key, salt, who)?;
            Ok(count)
        }
        Err(e) => {
            // Committed but not finished: the old key must not write another entry.
            if matches!(
                e,
                VaultError::Storage {
                    committed: true,
                    ..
                }
            ) {
                forget();
            }
            Err(e.to_string())
        }
    }
}

/// Unlocks with `passphrase` (finishing a passphrase change that was cut short, or repairing a
/// damaged vault record, as the gate said it would): tried against each person's vault in
/// turn, it opens the one it matches. A wrong one changes nothing.
pub async fn unlock(passphrase: &str) -> Result<(), String> {
    let keys = LocalBackend::new()
        .keys()
        .map_err(|e| prevent_core::store::StoreError::from(e).to_string())?;
    let wrong = VaultError::WrongPassphrase.to_string();
    let mut outcome = Err("No passphrase is set on this device yet".to_string());
    for who in people::people(&keys) {
        outcome = unlock_person(passphrase, who).await;
        if outcome.as_ref().err() != Some(&wrong) {
            break;
        }
    }
    outcome
}

/// Unlocks `who`'s vault with `passphrase`: `Err` with [`VaultError::WrongPassphrase`]'s text
/// when it is not theirs (nothing changed), or when they have no vault.
async fn unlock_person(passphrase: &str, who: Person) -> Result<(), String> {
    let b = of(who);
    let found = vault::find(&b).map_err(|e| e.to_string())?;
    let (salt, nfc_record) = match &found {
        Found::Vault(m) | Found::Interrupted(m) | Found::Damaged(Repair::Copy(m)) => {
            (m.salt_bytes(), m.nfc)
        }
        Found::Damaged(r) => (r.salt(), false),
        Found::None { .. } => return Err(VaultError::WrongPassphrase.to_string()),
    };
    let salt = salt.map_err(|e| e.to_string())?;
    let opens = |k: &Key| match &found {
        Found::Damaged(r) => {
            vault::repair(&b, r, k, &mut nonces().map_err(|_| VaultError::Damaged)?).map(|_| ())
        }
        _ => vault::recover(&b, &found, k),
    };
    let (normal, key) = first_key(passphrase, &salt, nfc_record, &opens).await?;
    if !normal {
        // A vault from before item 8, set with another form of the passphrase: everything is
        // sealed again under the key of its NFC form.
        return rekey_to(Some(&key), passphrase, who).await.map(|_| ());
    }
    if let Ok(Found::Vault(m)) = vault::find(&b) {
        if !m.nfc {
            // The same key: only the record learns that it is NFC.
            let _ = vault::write_meta(&b, &Meta { nfc: true, ..m });
        }
    }
    keep_and_share(key, salt, who)
}

/// Refuses a new passphrase that already opens the vault of anyone here but `except`
/// (`prevent_core::people::TAKEN`): unlocking would always find theirs.
async fn not_taken(passphrase: &str, except: Option<Person>) -> Result<(), String> {
    for (who, meta) in people::records(&LocalBackend::new()) {
        if Some(who) == except {
            continue;
        }
        let salt = meta.salt_bytes().map_err(|e| e.to_string())?;
        if meta.verifies(&derive(&nfc(passphrase), &salt).await?) {
            return Err(people::TAKEN.into());
        }
    }
    Ok(())
}

/// Turns encryption on with a new passphrase (first use: every draft kept in clear is sealed),
/// or, for `someone_else` on a computer where someone keeps a vault already ("I am someone
/// else"), makes a newcomer's own vault beside theirs, deleting nothing. A passphrase that
/// opens someone's vault already is refused.
pub async fn create(passphrase: &str, someone_else: bool) -> Result<usize, String> {
    vault::check_passphrase(&nfc(passphrase)).map_err(|e| e.to_string())?;
    let who = if someone_else {
        let keys = LocalBackend::new()
            .keys()
            .map_err(|e| prevent_core::store::StoreError::from(e).to_string())?;
        people::newcomer(&keys)
    } else {
        Person::FIRST
    };
    not_taken(passphrase, None).await?;
    rekey_to(None, passphrase, who).await
}

/// Changes the passphrase: `current` must open the vault; everything is sealed again under the
/// new one, all or nothing (`prevent_core::vault::rekey`).
pub async fn change(current: &str, new: &str) -> Result<usize, String> {
    vault::check_passphrase(&nfc(new)).map_err(|e| e.to_string())?;
    let Found::Vault(meta) = vault::find(&raw()).map_err(|e| e.to_string())? else {
        return Err(VaultError::Damaged.to_string());
    };
    let salt = meta.salt_bytes().map_err(|e| e.to_string())?;
    let verifies = |k: &Key| {
        meta.verifies(k)
            .then_some(())
            .ok_or(VaultError::WrongPassphrase)
    };
    let (_, old) = first_key(current, &salt, meta.nfc, &verifies).await?;
    not_taken(new, Some(person())).await?;
    rekey_to(Some(&old), new, person()).await
}

/// Another tab changed the vault (a new passphrase, a wipe): this tab's key must write no more
/// (its entries would not open under the new one), so it is forgotten and the page reloads to
/// the unlock page. Called from the `storage` event.
pub fn changed_elsewhere(key: &str) {
    let who = person();
    if (key == who.stored(vault::META_KEY) || key == who.stored(vault::NEXT_META_KEY))
        && session().is_some()
    {
        let still = vault::find(&raw());
        let ours = session();
        // The record rewritten with the same key (marked NFC, repaired): nothing to do.
        if let (Ok(Found::Vault(m)), Some(s)) = (&still, &ours) {
            if m.verifies(s.key()) {
                return;
            }
        }
        forget();
        reload();
    }
}

/// Forgets the key in this tab without reloading (after "wipe all data": the vault is gone).
pub fn forget() {
    SESSION.with(|u| *u.borrow_mut() = None);
    PERSON.with(|p| p.set(Person::FIRST));
}

fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Locks now, in every tab of the toolkit: each page reloads, which clears every decrypted
/// draft from memory and the screen; the key goes with the page. (A draft being typed is saved
/// first, on `pagehide`, while the key is still in memory.)
pub fn lock() {
    post("lock");
    locking();
}

fn locking() {
    LOCKING.with(|l| l.set(true));
    reload();
}

/// The channel to the other tabs, opened once per page.
fn port() -> Option<web_sys::BroadcastChannel> {
    if let Some(p) = PORT.with(|p| p.borrow().clone()) {
        return Some(p);
    }
    let p = web_sys::BroadcastChannel::new(CHANNEL).ok()?;
    let on = Closure::<dyn Fn(web_sys::MessageEvent)>::new(|e: web_sys::MessageEvent| {
        if let Some(text) = e.data().as_string() {
            heard(&text);
        }
    });
    p.set_onmessage(Some(on.as_ref().unchecked_ref()));
    // Lives as long as the page.
    on.forget();
    PORT.with(|slot| *slot.borrow_mut() = Some(p.clone()));
    Some(p)
}

fn post(message: &str) {
    if let Some(p) = port() {
        let _ = p.post_message(&message.into());
    }
}

fn give(key: &[u8; 32], salt: &[u8; SALT_LEN]) {
    use base64::Engine;
    let mut both = key.to_vec();
    both.extend_from_slice(salt);
    post(&format!("give:{}", b64().encode(&both)));
}

/// A message from another tab.
fn heard(text: &str) {
    if text == "ask" {
        if let (Some(s), false) = (session(), LOCKING.with(Cell::get)) {
            give(&s.key().bytes(), &s.salt());
        }
    } else if text == "lock" {
        if session().is_some() && !crate::bundle::current().paths.training {
            locking();
        }
    } else if text == "seen" {
        LAST_ACTIVE.with(|l| l.set(js_sys::Date::now()));
    } else if let Some(given) = text.strip_prefix("give:") {
        if session().is_none() && !LOCKING.with(Cell::get) && take(given) {
            ON_UNLOCK.with(|f| {
                if let Some(f) = f.borrow().as_ref() {
                    f()
                }
            });
        }
    }
}

/// Takes a key another tab gave, if it opens a vault here (its record verifies it, and the salt
/// is the record's), as the person whose vault it opens; anything else is ignored.
fn take(given: &str) -> bool {
    use base64::Engine;
    let Some(both) = b64()
        .decode(given)
        .ok()
        .filter(|b| b.len() == 32 + SALT_LEN)
    else {
        return false;
    };
    let mut bytes = [0u8; 32];
    bytes.copy_from_slice(&both[..32]);
    let mut salt = [0u8; SALT_LEN];
    salt.copy_from_slice(&both[32..]);
    let key = Key::new(bytes);
    people::whose(&LocalBackend::new(), &key, &salt).is_some_and(|who| keep(key, salt, who).is_ok())
}

/// Listens to the other tabs; `on_unlock` runs when one of them gives this locked tab the key.
/// Then, if this tab is asking (`State::Asking`), asks.
pub fn listen(on_unlock: impl Fn() + 'static) {
    if crate::bundle::current().paths.training {
        return;
    }
    ON_UNLOCK.with(|f| *f.borrow_mut() = Some(Box::new(on_unlock)));
    if session().is_none() {
        post("ask");
    }
}

/// Records activity in this tab, and tells the other tabs at most every 10 seconds, so that the
/// idle lock counts activity in any tab of the toolkit.
pub fn active() {
    if WARNED.with(Cell::get) {
        return;
    }
    let now = js_sys::Date::now();
    LAST_ACTIVE.with(|l| l.set(now));
    if now - LAST_TOLD.with(Cell::get) >= 10_000.0 {
        LAST_TOLD.with(|l| l.set(now));
        post("seen");
    }
}

/// Whether this tab shows the idle lock's warning (issue 21, item 4): while it does, moving
/// around the warning with the keyboard is not taken as staying.
pub fn set_warned(shown: bool) {
    WARNED.with(|w| w.set(shown));
}

/// "Stay unlocked" on the idle lock's warning: counts as use here and is told to every other
/// tab at once, so that their warnings close too.
pub fn stay_unlocked() {
    set_warned(false);
    LAST_TOLD.with(|l| l.set(0.0));
    active();
}

/// Milliseconds since the user last did something in any tab of the toolkit.
pub fn idle_ms() -> f64 {
    let last = LAST_ACTIVE.with(Cell::get);
    if last == 0.0 {
        active();
        return 0.0;
    }
    js_sys::Date::now() - last
}

/// The idle time before locking, in minutes.
pub fn autolock_minutes() -> u32 {
    raw()
        .get(AUTOLOCK_KEY)
        .ok()
        .flatten()
        .and_then(|t| t.parse().ok())
        .filter(|m| [5, 15, 30, 60].contains(m))
        .unwrap_or(DEFAULT_AUTOLOCK_MINUTES)
}

/// Sets the idle time before locking.
pub fn set_autolock_minutes(m: u32) -> Result<(), String> {
    raw()
        .set(AUTOLOCK_KEY, &m.to_string())
        .map_err(|e| prevent_core::store::StoreError::from(e).to_string())
}
