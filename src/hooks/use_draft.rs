//! Loads a draft and saves every change to it. Every change is saved as soon as it is made
//! (one localStorage write per change), and again on `pagehide` and when the tab is hidden,
//! so a reload or a killed tab loses at most the last keystroke. Each save names the revision
//! it replaces: a save that would overwrite another tab's newer copy is refused and reported.
//!
//! A finish (the declaration confirmed) is written at once, by the page, through [`SaveNow`]:
//! the confirmation is shown only once the final record is stored (SEC-4, PGA-10 s8: a final
//! record stays final), never while its save is still queued behind the next frame.
//!
//! Every save reads the draft from the reducer's current state (Yew's handle derefs to the state
//! as of the last dispatch), never from the last render: under load Yew's scheduler yields to the
//! browser every 16 ms, so a `pagehide` or a "Lock now" can come between a keystroke's dispatch
//! and its render, and a copy kept at render time would miss that keystroke.

use crate::services::{clock, store};
use crate::state::{Action, Session, SessionHandle};
use gloo::events::EventListener;
use prevent_core::store::{DraftStore, Envelope};

use yew::prelude::*;

/// What the save side keeps between renders: the revision stored and the change count saved.
#[derive(Default)]
struct Saver {
    revision: Option<u64>,
    saved_changes: u64,
}

impl Saver {
    /// The draft to save, sealed, if the session has changes not yet saved.
    fn due(&self, session: &Session) -> Option<(Envelope, String, u64)> {
        let draft = session.draft.as_ref()?;
        if session.changes <= self.saved_changes {
            return None;
        }
        let at = clock::now();
        Some((Envelope::wrap(draft, &at), at, session.changes))
    }

    /// Saves the session's current draft if it has unsaved changes. Synchronous, for
    /// `pagehide`.
    fn flush(
        &mut self,
        session: &Session,
    ) -> Option<Result<String, prevent_core::store::StoreError>> {
        let (envelope, at, changes) = self.due(session)?;
        let result = store().save_now(envelope, self.revision);
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

/// Saves a draft's unsaved changes now, synchronously (shared with the draft's pages through
/// context): for a step that must be stored before the next page shows (a finish).
#[derive(Clone)]
pub struct SaveNow {
    saver: std::rc::Rc<std::cell::RefCell<Saver>>,
    session: SessionHandle,
}

impl PartialEq for SaveNow {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.saver, &other.saver)
    }
}

impl SaveNow {
    /// Writes the session's unsaved changes (read from the reducer's current state, so a
    /// change dispatched just before is included) and reports the outcome to the session.
    /// `Ok` when everything is stored (also when nothing was due), the store's refusal
    /// otherwise.
    pub fn flush(&self) -> Result<(), prevent_core::store::StoreError> {
        let outcome = self.saver.borrow_mut().flush(&self.session);
        match outcome {
            None => Ok(()),
            Some(outcome) => {
                let result = outcome.as_ref().map(|_| ()).map_err(Clone::clone);
                self.session.dispatch(Action::Saved(outcome));
                result
            }
        }
    }
}

/// The draft with this id, loaded from storage and saved on every change; and its [`SaveNow`].
#[hook]
pub fn use_draft(id: String) -> (SessionHandle, SaveNow) {
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
                        let schema = crate::schema(crate::route::Form::of(&draft.form));
                        Ok(Some((draft, schema)))
                    }
                    None => Ok(None),
                });
                session.dispatch(Action::Loaded(loaded));
            });
        });
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
                    // Sealed from the reducer's current state, without copying the draft.
                    let (envelope, at, changes, revision) = {
                        let s = saver.borrow();
                        match s.due(&session_handle) {
                            Some((envelope, at, changes)) => (envelope, at, changes, s.revision),
                            None => return,
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
                    let sess1 = session.clone();
                    let doc = w.document();
                    let mut v = vec![EventListener::new(&w, "pagehide", move |_| {
                        let _ = s1.borrow_mut().flush(&sess1);
                    })];
                    if let Some(doc) = doc {
                        let d2 = doc.clone();
                        v.push(EventListener::new(&doc, "visibilitychange", move |_| {
                            if d2.visibility_state() == web_sys::VisibilityState::Hidden {
                                if let Some(outcome) = s2.borrow_mut().flush(&sess) {
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

    let save_now = SaveNow {
        saver,
        session: session.clone(),
    };
    (session, save_now)
}
