//! Loads a draft and saves every change to it. A change is saved just after the frame that
//! shows it (issue 22, item 2: the encrypted save is not part of the keystroke's way to the
//! screen): the save is queued for the browser's first idle moment after the frame
//! (`requestIdleCallback`, 100 ms at the latest), one at a time, and reads the draft when it
//! runs, so keystrokes in one frame make one save. A save still queued is written first when the page is hidden (`visibilitychange`), goes away
//! (`pagehide`, which a lock goes through: it reloads the page) or the draft's page finishes
//! (`SaveNow`); a tab that is hidden already, which gets no frames, saves at once. So a reload,
//! a lock or a closed tab loses nothing, and a killed tab at most the keystroke not yet drawn.
//! Each save names the revision it replaces: a save that would overwrite another tab's newer
//! copy is refused and reported.
//!
//! A finish (the declaration confirmed) is written at once, by the page, through [`SaveNow`]:
//! the confirmation is shown only once the final record is stored (SEC-4, PGA-10 s8: a final
//! record stays final), never while its save is still queued.
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

/// What the save side keeps between renders: the revision stored, the change count saved, and
/// whether a save is queued for after the next frame (with the ticket that queued it).
#[derive(Default)]
struct Saver {
    revision: Option<u64>,
    saved_changes: u64,
    queued: bool,
    ticket: u32,
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
        self.queued = false;
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
    saver: SharedSaver,
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

type SharedSaver = std::rc::Rc<std::cell::RefCell<Saver>>;

/// Saves the session's unsaved changes, reporting the outcome, if any are due.
fn save_due(saver: &SharedSaver, session: &SessionHandle) {
    let outcome = saver.borrow_mut().flush(session);
    if let Some(outcome) = outcome {
        session.dispatch(Action::Saved(outcome));
    }
}

/// At the latest, a queued save runs this long after the change (a tab that gets no frames:
/// behind another window, or in the background of a headless browser, without being hidden).
const SAVE_AT_LATEST_MS: u32 = 100;

/// Queues a save for just after the next frame (the browser's first idle moment after it, which
/// comes once the frame is drawn and the tasks already queued have run), or
/// [`SAVE_AT_LATEST_MS`] after the change if the browser is never idle that long, unless one is
/// queued already: it will read this change too. A hidden tab gets no frames, so it saves at
/// once.
fn queue_save(saver: SharedSaver, session: SessionHandle) {
    let ticket = {
        let mut s = saver.borrow_mut();
        if s.queued {
            return;
        }
        s.queued = true;
        s.ticket = s.ticket.wrapping_add(1);
        s.ticket
    };
    let window = web_sys::window();
    let hidden = window
        .as_ref()
        .and_then(web_sys::Window::document)
        .is_none_or(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
    let (Some(w), false) = (window, hidden) else {
        save_due(&saver, &session);
        return;
    };
    // Whichever comes first saves; the other finds the ticket used (a save in between, on
    // hiding or by `SaveNow`, uses it too).
    let run = move || {
        let mine = {
            let s = saver.borrow();
            s.queued && s.ticket == ticket
        };
        if mine {
            save_due(&saver, &session);
        }
    };
    // In the browser's first idle moment after the frame (after every task already queued,
    // such as one a page posted from that frame), or at the latest after SAVE_AT_LATEST_MS.
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(SAVE_AT_LATEST_MS);
    let idle = wasm_bindgen::closure::Closure::once_into_js(run.clone());
    if w.request_idle_callback_with_options(wasm_bindgen::JsCast::unchecked_ref(&idle), &options)
        .is_ok()
    {
        return;
    }
    // A browser without idle callbacks (Safari): a task posted from the next frame, and the
    // same latest time.
    let after_frame = {
        let run = run.clone();
        wasm_bindgen::closure::Closure::once_into_js(move || {
            gloo::timers::callback::Timeout::new(0, run).forget();
        })
    };
    let _ = w.request_animation_frame(wasm_bindgen::JsCast::unchecked_ref(&after_frame));
    gloo::timers::callback::Timeout::new(SAVE_AT_LATEST_MS, run).forget();
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

    // Save every change, just after the frame that shows it.
    {
        let session_handle = session.clone();
        let saver = saver.clone();
        use_effect_with(session.changes, move |changes| {
            if *changes > 0 {
                queue_save(saver, session_handle);
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
