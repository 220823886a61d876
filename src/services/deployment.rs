//! The deployment settings (issue 20, decision 0021): `/deployment.json`, beside the built app at
//! the root of the site, fetched once per page load when the app starts (same origin: the CSP's
//! `connect-src 'self'`; the offline worker fetches it network-first and keeps a copy). The core
//! reads it (`prevent_core::deployment::parse`); a missing or bad file is a sentence saying why,
//! and the app works on without a team.

use crate::services::fetched::{self, Failure, Once};
use prevent_core::deployment::{self, Deployment};
use std::cell::RefCell;
use std::rc::Rc;

/// The settings, or why there are none (every bad field named).
pub type Loaded = Rc<Result<Deployment, String>>;

thread_local! {
    static LOAD: RefCell<Once<Loaded>> = const { RefCell::new(Once::Idle) };
}

/// The settings once fetched; `None` while they load.
pub fn get() -> Option<Loaded> {
    fetched::get(&LOAD)
}

/// Fetches the file (once per page load) and calls `then` when it is read: at once if it is.
/// Boxed by the caller: one copy of the fetch in the build, not one per caller.
pub fn load(then: Box<dyn FnOnce()>) {
    fetched::load(
        &LOAD,
        then,
        || async {
            Rc::new(fetch().await.and_then(|t| {
                deployment::parse(&t).map_err(|p| {
                    let list: Vec<String> = p.into_iter().map(|p| p.message).collect();
                    format!("deployment.json has a problem: {}.", list.join("; "))
                })
            }))
        },
        || {},
    );
}

/// The file's text, or why there is none.
async fn fetch() -> Result<String, String> {
    fetched::text(fetched::request(&format!("/{}", deployment::FILE)))
        .await
        .map_err(|f| match f {
            Failure::Status(status) => {
                format!("there is no deployment.json on this site (the server answered {status}).")
            }
            Failure::Unreachable => "deployment.json could not be fetched.".to_string(),
        })
}
