//! Loads a draft and saves every change to it. Every change is saved as soon as it is made
//! (one localStorage write per change), and again on `pagehide` and when the tab is hidden,
//! so a reload or a killed tab loses at most the last keystroke. Each save names the revision
//! it replaces: a save that would overwrite another tab's newer copy is refused and reported.

use crate::services::{clock, store};
use crate::state::{Action, Session, SessionHandle};
use gloo::events::EventListener;
use prevent_core::store::{DraftStore, Envelope};
use prevent_core::Draft;

use yew::prelude::*;

/// What the save side keeps between renders: the revision stored, and the latest draft with
/// its change count (so `pagehide` can save what the last render had).
#[derive(Default)]
struct Saver {
    revision: Option<u64>,
    saved_changes: u64,
    latest: Option<(Draft, u64)>,
}

impl Saver {
    /// Saves the latest draft if it has unsaved changes. Synchronous, for `pagehide`.
    fn flush(&mut self) -> Option<Result<String, prevent_core::store::StoreError>> {
        let (draft, changes) = self.latest.as_ref()?;
        let changes = *changes;
        if changes <= self.saved_changes {
            return None;
        }
        let at = clock::now();
        let result = store().save_now(Envelope::seal(draft, &at), self.revision);
        Some(self.record(result, changes, at))
    }

    fn record(
        &mut self,
        result: Result<Envelope, prevent_core::store::StoreError>,
        changes: u64,
        at: String,
    ) -> Result<String, prevent_core::store::StoreError> {
        result.map(|env| {
            self.revision = Some(env.revision);
            self.saved_changes = self.saved_changes.max(changes);
            at
        })
    }
}

/// The draft with this id, loaded from storage and saved on every change.
#[hook]
pub fn use_draft(id: String) -> SessionHandle {
    let id_for_events = id.clone();
    let session = use_reducer(Session::default);
    let saver = use_mut_ref(Saver::default);

    // Load when the id changes.
    {
        let session = session.clone();
        let saver = saver.clone();
        use_effect_with(id, move |id| {
            let id = id.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = store().load(&id).await;
                let loaded = result.and_then(|found| match found {
                    Some(env) => {
                        let draft = env.open()?;
                        *saver.borrow_mut() = Saver {
                            revision: Some(env.revision),
                            ..Saver::default()
                        };
                        Ok(Some(draft))
                    }
                    None => Ok(None),
                });
                session.dispatch(Action::Loaded(loaded));
            });
        });
    }

    // Remember the latest draft for pagehide.
    if let Some(d) = &session.draft {
        let mut s = saver.borrow_mut();
        if s.latest.as_ref().is_none_or(|(_, c)| *c != session.changes) {
            s.latest = Some((d.clone(), session.changes));
        }
    }

    // Save on every change.
    {
        let session_handle = session.clone();
        let saver = saver.clone();
        use_effect_with(session.changes, move |changes| {
            if *changes > 0 {
                // Read the draft and revision when the save runs, not when it was scheduled,
                // so that saves in quick succession each replace the one before.
                wasm_bindgen_futures::spawn_local(async move {
                    // Sealed from the kept copy, without copying the draft again.
                    let (envelope, at, changes, revision) = {
                        let s = saver.borrow();
                        match &s.latest {
                            Some((d, c)) if *c > s.saved_changes => {
                                let at = clock::now();
                                (Envelope::seal(d, &at), at, *c, s.revision)
                            }
                            _ => return,
                        }
                    };
                    let result = store().save(envelope, revision).await;
                    let outcome = saver.borrow_mut().record(result, changes, at);
                    session_handle.dispatch(Action::Saved(outcome));
                });
            }
        });
    }

    // Another tab saved or deleted this draft (the browser's `storage` event fires in every other
    // tab of the site): say so at once, before this tab's next change is refused (issue 8).
    {
        let session = session.clone();
        use_effect_with(id_for_events, move |id| {
            let key = format!("{}{id}", prevent_core::store::KEY_PREFIX);
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "storage", move |e| {
                    let changed = wasm_bindgen::JsCast::dyn_ref::<web_sys::StorageEvent>(e)
                        .and_then(|e| e.key())
                        .is_some_and(|k| k == key);
                    if changed {
                        session.dispatch(Action::Saved(Err(
                            prevent_core::store::StoreError::Conflict { stored: 0 },
                        )));
                    }
                })
            });
            move || drop(listener)
        });
    }

    // Save again when the page is hidden or goes away.
    {
        let saver = saver.clone();
        let session = session.clone();
        use_effect_with((), move |_| {
            let listeners: Vec<EventListener> = web_sys::window()
                .map(|w| {
                    let s1 = saver.clone();
                    let s2 = saver.clone();
                    let sess = session.clone();
                    let doc = w.document();
                    let mut v = vec![EventListener::new(&w, "pagehide", move |_| {
                        let _ = s1.borrow_mut().flush();
                    })];
                    if let Some(doc) = doc {
                        let d2 = doc.clone();
                        v.push(EventListener::new(&doc, "visibilitychange", move |_| {
                            if d2.visibility_state() == web_sys::VisibilityState::Hidden {
                                if let Some(outcome) = s2.borrow_mut().flush() {
                                    sess.dispatch(Action::Saved(outcome));
                                }
                            }
                        }));
                    }
                    v
                })
                .unwrap_or_default();
            move || drop(listeners)
        });
    }

    session
}
