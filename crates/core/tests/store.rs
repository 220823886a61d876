//! Draft store behaviour (DESIGN.md "A draft is never lost"; issue 2 item 6): versioned
//! envelopes, revisions, compare-and-swap, full and failing storage, unreadable entries.

use pollster::block_on;
use prevent_core::draft::Draft;
use prevent_core::nrf;
use prevent_core::store::{
    DraftStore, Envelope, KvBackend, KvStore, MemoryBackend, StoreError, KEY_PREFIX,
};
use prevent_core::{Answer, DraftStatus};

fn draft(id: &str) -> Draft {
    Draft::new(&nrf::schema(), id, "2026-11-28T10:00:00Z")
}

#[test]
fn drafts_round_trip_with_revision_numbers() {
    let store = KvStore::new(MemoryBackend::default());
    let mut d = draft("a1");
    let saved = block_on(store.save(Envelope::wrap(&d, "2026-11-28T10:00:01Z"), None)).unwrap();
    assert_eq!(saved.revision, 1);
    d.set_answer("referrer.name", Answer::Text("Sam".into()));
    let saved = block_on(store.save(Envelope::wrap(&d, "2026-11-28T10:00:02Z"), Some(1))).unwrap();
    assert_eq!(saved.revision, 2);
    let loaded = block_on(store.load("a1")).unwrap().unwrap();
    assert_eq!(loaded.revision, 2);
    assert_eq!(loaded.open().unwrap(), d);
}

#[test]
fn a_stale_revision_is_refused_and_overwrites_nothing() {
    // Two tabs: both loaded revision 1; the second save must not clobber the first.
    let store = KvStore::new(MemoryBackend::default());
    let d = draft("a1");
    block_on(store.save(Envelope::wrap(&d, "t1"), None)).unwrap();
    let mut tab1 = d.clone();
    tab1.set_answer("referrer.name", Answer::Text("Tab one".into()));
    block_on(store.save(Envelope::wrap(&tab1, "t2"), Some(1))).unwrap();
    let mut tab2 = d.clone();
    tab2.set_answer("referrer.name", Answer::Text("Tab two".into()));
    let err = block_on(store.save(Envelope::wrap(&tab2, "t3"), Some(1))).unwrap_err();
    assert_eq!(err, StoreError::Conflict { stored: 2 });
    assert_eq!(
        block_on(store.load("a1")).unwrap().unwrap().open().unwrap(),
        tab1
    );
    // Creating a draft that already exists is a conflict too.
    assert!(matches!(
        block_on(store.save(Envelope::wrap(&d, "t4"), None)),
        Err(StoreError::Conflict { .. })
    ));
}

#[test]
fn full_storage_keeps_the_last_good_copy() {
    let store = KvStore::new(MemoryBackend::with_quota(2_000));
    let mut d = draft("a1");
    d.set_answer("concerns.description", Answer::Text("short".into()));
    block_on(store.save(Envelope::wrap(&d, "t1"), None)).unwrap();
    let good = d.clone();
    d.set_answer("concerns.description", Answer::Text("x".repeat(5_000)));
    let err = block_on(store.save(Envelope::wrap(&d, "t2"), Some(1))).unwrap_err();
    assert_eq!(err, StoreError::Full);
    assert!(err.to_string().contains("last saved copy is kept"));
    let kept = block_on(store.load("a1")).unwrap().unwrap();
    assert_eq!((kept.revision, kept.open().unwrap()), (1, good));
}

#[test]
fn failing_storage_reports_a_clear_error_and_keeps_the_copy() {
    let store = KvStore::new(MemoryBackend::default());
    let d = draft("a1");
    block_on(store.save(Envelope::wrap(&d, "t1"), None)).unwrap();
    store.backend.broken.set(true);
    let err = block_on(store.save(Envelope::wrap(&d, "t2"), Some(1))).unwrap_err();
    assert!(matches!(err, StoreError::Unavailable(_)));
    store.backend.broken.set(false);
    assert_eq!(block_on(store.load("a1")).unwrap().unwrap().revision, 1);
}

#[test]
fn an_unreadable_entry_is_listed_apart_and_never_overwritten() {
    let store = KvStore::new(MemoryBackend::default());
    store
        .backend
        .set(&format!("{KEY_PREFIX}bad"), "{not json")
        .unwrap();
    block_on(store.save(Envelope::wrap(&draft("good"), "t1"), None)).unwrap();
    let listing = block_on(store.list()).unwrap();
    assert_eq!(listing.drafts.len(), 1);
    assert_eq!(listing.unreadable, vec![format!("{KEY_PREFIX}bad")]);
    assert!(matches!(
        block_on(store.load("bad")),
        Err(StoreError::Unreadable { .. })
    ));
    assert!(matches!(
        block_on(store.save(Envelope::wrap(&draft("bad"), "t2"), Some(1))),
        Err(StoreError::Unreadable { .. })
    ));
    assert_eq!(
        store
            .backend
            .get(&format!("{KEY_PREFIX}bad"))
            .unwrap()
            .as_deref(),
        Some("{not json")
    );
}

#[test]
fn the_list_is_newest_first_with_minimal_labels() {
    let store = KvStore::new(MemoryBackend::default());
    let mut older = draft("old");
    older.set_answer("subject.type", Answer::Text("individual".into()));
    older.set_answer("subject.forename", Answer::Text("alex".into()));
    older.set_answer("subject.surname", Answer::Text("Smith".into()));
    block_on(store.save(Envelope::wrap(&older, "2026-11-27T09:00:00Z"), None)).unwrap();
    block_on(store.save(Envelope::wrap(&draft("new"), "2026-11-28T09:00:00Z"), None)).unwrap();
    let l = block_on(store.list()).unwrap();
    let rows: Vec<(&str, &str)> = l
        .drafts
        .iter()
        .map(|d| (d.id.as_str(), d.label.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            ("new", "Subject not chosen yet"),
            ("old", "A person, A. S.")
        ]
    );
    assert_eq!(l.drafts[1].status, DraftStatus::InProgress);
    // The label never carries a full name.
    assert!(!l.drafts[1].label.contains("Smith"));
}

#[test]
fn delete_returns_the_envelope_so_undo_can_restore_it() {
    let store = KvStore::new(MemoryBackend::default());
    block_on(store.save(Envelope::wrap(&draft("a1"), "t1"), None)).unwrap();
    let gone = block_on(store.delete("a1")).unwrap().unwrap();
    assert!(block_on(store.load("a1")).unwrap().is_none());
    let back = block_on(store.save(gone.clone(), None)).unwrap();
    assert_eq!(back.open().unwrap(), gone.open().unwrap());
    assert_eq!(block_on(store.list()).unwrap().drafts.len(), 1);
}

#[test]
fn envelopes_of_another_format_or_version_are_unreadable_not_misread() {
    let store = KvStore::new(MemoryBackend::default());
    let mut e = Envelope::wrap(&draft("v9"), "t1");
    e.envelope_version = 9;
    store
        .backend
        .set(
            &format!("{KEY_PREFIX}v9"),
            &serde_json::to_string(&e).unwrap(),
        )
        .unwrap();
    assert_eq!(block_on(store.list()).unwrap().unreadable.len(), 1);
}

#[test]
fn starting_again_reuses_an_untouched_draft_but_never_one_with_answers() {
    let store = KvStore::new(MemoryBackend::default());
    assert_eq!(store.untouched("nrf"), None);
    block_on(store.save(
        Envelope::wrap(&draft("empty"), "2026-11-28T09:00:00Z"),
        None,
    ))
    .unwrap();
    assert_eq!(store.untouched("nrf").as_deref(), Some("empty"));
    let mut answered = draft("empty");
    answered.set_answer("referral.intent", Answer::Text("referral".into()));
    block_on(store.save(Envelope::wrap(&answered, "2026-11-28T09:01:00Z"), Some(1))).unwrap();
    assert_eq!(store.untouched("nrf"), None);
    assert_eq!(store.untouched("pga"), None);
}

#[test]
fn sec_3_a_record_deleted_then_saved_again_carries_on_from_its_revision() {
    // Issue 16, item 5: revisions only grow, so no copy of what was stored before under an id
    // can pass for what is stored now (crates/core/tests/manifest.rs).
    let store = KvStore::new(MemoryBackend::default());
    let d = draft("a1");
    block_on(store.save(Envelope::wrap(&d, "t1"), None)).unwrap();
    let gone = block_on(store.save(Envelope::wrap(&d, "t2"), Some(1))).unwrap();
    assert_eq!(block_on(store.delete("a1")).unwrap(), Some(gone.clone()));
    // Saved back (undo), and created anew under the same id (an import): both after it.
    let back = block_on(store.save(gone, None)).unwrap();
    assert_eq!(back.revision, 3);
    block_on(store.delete("a1")).unwrap();
    let again = block_on(store.save(Envelope::wrap(&d, "t3"), None)).unwrap();
    assert_eq!(again.revision, 4);
    // A new id starts at 1.
    let other = block_on(store.save(Envelope::wrap(&draft("b1"), "t4"), None)).unwrap();
    assert_eq!(other.revision, 1);
}
