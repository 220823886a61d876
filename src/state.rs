//! State of one draft being worked on, and its pure reducer (as Yew's `function_todomvc`):
//! the reducer never touches the browser; loading and saving happen in `hooks::use_draft`.

use prevent_core::answers::DateParts;
use prevent_core::form::Context;
use prevent_core::store::StoreError;
use prevent_core::{Answer, Draft, FormSchema};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

/// Whether the draft has been read from storage.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Load {
    /// Being read.
    #[default]
    Loading,
    /// Ready to use.
    Ready,
    /// No draft with this id (deleted, or another browser's link).
    Missing,
    /// Could not be read; the stored copy is left untouched.
    Failed(StoreError),
}

/// The outcome of the latest save.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Save {
    /// Nothing saved yet in this visit.
    #[default]
    Idle,
    /// Saved at this time (RFC 3339).
    Saved(String),
    /// The latest change is not saved; the previous copy is kept.
    Failed(StoreError),
}

/// The three boxes of a date input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateBox {
    /// Day.
    Day,
    /// Month.
    Month,
    /// Year.
    Year,
}

/// A form's schema, built once for the app's life: two are the same when they are the same
/// schema (compared by address, not field by field).
#[derive(Clone, Copy, Debug)]
pub struct Schema(pub &'static FormSchema);

impl PartialEq for Schema {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

/// One draft in use.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Session {
    /// Load state.
    pub load: Load,
    /// The draft, once loaded.
    pub draft: Option<Draft>,
    /// Its form's schema, given with it by the hook that loaded it (the reducer reads no
    /// global: issue 17).
    pub schema: Option<Schema>,
    /// Counts changes made in this visit; the save effect runs when it moves.
    pub changes: u64,
    /// Pages where Continue has revealed errors; their errors then update live.
    pub shown_errors: BTreeSet<String>,
    /// Counts failed Continues, so the error summary takes focus again each time.
    pub attempts: u32,
    /// Outcome of the latest save.
    pub save: Save,
}

/// What can happen to a session.
#[derive(Clone, Debug)]
pub enum Action {
    /// Storage answered.
    Loaded(Result<Option<(Draft, &'static FormSchema)>, StoreError>),
    /// The user changed an answer, at `at` (RFC 3339; recorded in the audit trail).
    Set {
        path: String,
        value: Answer,
        at: String,
    },
    /// The user typed in one box of a date (merged here, so quick typing loses nothing).
    SetDatePart {
        path: String,
        part: DateBox,
        value: String,
        at: String,
    },
    /// The user pressed Continue on a page.
    Continue { page: String, ctx: Context },
    /// The user confirmed the declaration: finish if the whole form is valid.
    Finish {
        page: String,
        ctx: Context,
        at: String,
    },
    /// Storage answered a save.
    Saved(Result<String, StoreError>),
}

impl Reducible for Session {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        if let Action::Loaded(loaded) = action {
            match loaded {
                Ok(Some((d, schema))) => {
                    s.draft = Some(d);
                    s.schema = Some(Schema(schema));
                    s.load = Load::Ready;
                }
                Ok(None) => s.load = Load::Missing,
                Err(e) => s.load = Load::Failed(e),
            }
            return Rc::new(s);
        }
        // Every other action is about the loaded draft, and needs its schema.
        let Some(Schema(schema)) = s.schema else {
            return self;
        };
        match action {
            Action::Loaded(_) => {}
            Action::Set { path, value, at } => {
                let Some(d) = s.draft.as_mut() else {
                    return self;
                };
                if !d.set_answer_at(schema, &path, value, &at) {
                    return self;
                }
                s.changes += 1;
            }
            Action::SetDatePart {
                path,
                part,
                value,
                at,
            } => {
                let Some(d) = s.draft.as_mut() else {
                    return self;
                };
                let mut parts = match d.answers.get(&path) {
                    Some(Answer::Date(p)) => p.clone(),
                    _ => DateParts::default(),
                };
                match part {
                    DateBox::Day => parts.day = value,
                    DateBox::Month => parts.month = value,
                    DateBox::Year => parts.year = value,
                }
                if !d.set_answer_at(schema, &path, Answer::Date(parts), &at) {
                    return self;
                }
                s.changes += 1;
            }
            Action::Continue { page, ctx } => {
                let Some(d) = s.draft.as_mut() else {
                    return self;
                };
                let before = d.completed_pages.len();
                if d.continue_from(schema, &page, &ctx).has_errors() {
                    s.shown_errors.insert(page);
                    s.attempts += 1;
                } else {
                    s.shown_errors.remove(&page);
                    if d.completed_pages.len() != before {
                        s.changes += 1;
                    }
                }
            }
            Action::Finish { page, ctx, at } => {
                let Some(d) = s.draft.as_mut() else {
                    return self;
                };
                if d.continue_from(schema, &page, &ctx).has_errors()
                    || d.finish(schema, &ctx, &at).is_err()
                {
                    s.shown_errors.insert(page);
                    s.attempts += 1;
                } else {
                    s.shown_errors.remove(&page);
                    s.changes += 1;
                }
            }
            Action::Saved(Ok(at)) => s.save = Save::Saved(at),
            Action::Saved(Err(e)) => s.save = Save::Failed(e),
        }
        Rc::new(s)
    }
}

/// The session as shared with a draft's pages.
pub type SessionHandle = UseReducerHandle<Session>;
