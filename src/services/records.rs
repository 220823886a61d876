//! Stored records read whole (issue 17: for pages and services alike, so that no service
//! reaches into a page): one by its id, and those linked to a PLP case.
//!
//! Many at once (issue 22, item 5; docs/decisions/0029-bulk-decrypt.md): a CSV download of a
//! selection ([`opened`]) first has the browser's WebCrypto open, all at once and off the main
//! thread, the sealed entries it is about to read (`services::protected::open_many`), and hands the
//! plaintexts to its store, which takes each only for the exact stored text it was opened from
//! (`prevent_core::vault::VaultBackend::opened_elsewhere`). What does not open there is left to
//! the store, which opens or sets it aside as ever; the plaintexts go with the store.

use super::Store;
use prevent_core::manifest::{shard_key, SHARDS};
use prevent_core::store::{KvBackend, KEY_PREFIX};
use prevent_core::{plp_form, vault, Draft};

/// Reads the sealed entries `keys` of `s` (its person's keys, as the store names them) as
/// stored, and splits each into what AES-GCM opens: those in clear or not sealed are left out
/// (the store judges them as ever).
fn sealed_texts(s: &Store, keys: Vec<String>) -> (Vec<(String, String)>, Vec<vault::Parts>) {
    let mut texts = Vec::new();
    let mut parts = Vec::new();
    for k in keys {
        let Ok(Some(text)) = s.backend.inner().get(&k) else {
            continue;
        };
        let Ok(p) = vault::parts(&k, &text) else {
            continue;
        };
        texts.push((k, text));
        parts.push(p);
    }
    (texts, parts)
}

/// A store for reading the records `ids` (a download of a selection), with their entries and
/// the manifest opened ahead by WebCrypto, and handed to the store's vault each for the text it
/// was opened from. Nothing is opened ahead without a session (locked, or the trainer's records
/// in clear). Dropped after use, with what it opened.
pub async fn opened(ids: &[String]) -> Store {
    let s = super::store();
    let Some(session) = s.backend.session().cloned() else {
        return s;
    };
    let mut keys: Vec<String> = (0..SHARDS).map(shard_key).collect();
    keys.extend(ids.iter().map(|id| KEY_PREFIX.to_string() + id));
    let (texts, parts) = sealed_texts(&s, keys);
    let mut key = session.key().bytes();
    let plains = super::protected::open_many(&key, &parts).await;
    key.fill(0);
    for ((k, text), plain) in texts.into_iter().zip(plains) {
        if let Some(p) = plain.and_then(|b| String::from_utf8(b).ok()) {
            s.backend.opened_elsewhere(&k, text, p);
        }
    }
    s
}

/// A stored draft, when it can be read.
pub fn load(id: &str) -> Option<prevent_core::Draft> {
    super::store()
        .load_now(id)
        .ok()
        .flatten()
        .and_then(|e| e.open().ok())
}

/// Every reassessment draft of PLP case `case_id`, recorded or in progress.
pub fn reviews_of(case_id: &str) -> Vec<Draft> {
    linked(case_id, plp_form::REVIEW_FORM_ID)
}

/// Every draft of form `kind` linked to PLP case `case_id` (reassessments, closures).
pub fn linked(case_id: &str, kind: &str) -> Vec<Draft> {
    let store = super::store();
    let Ok(listing) = store.list_now() else {
        return Vec::new();
    };
    listing
        .drafts
        .iter()
        .filter(|d| d.kind == kind)
        .filter_map(|d| load(&d.id))
        .filter(|d| d.answers.text(plp_form::CASE_FIELD) == Some(case_id))
        .collect()
}
