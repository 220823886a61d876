//! The deployment settings (issue 20, decision 0021): `/deployment.json`, beside the built app at
//! the root of the site, fetched once per page load when the app starts (same origin: the CSP's
//! `connect-src 'self'`; the offline worker fetches it network-first and keeps a copy). The core
//! reads it (`prevent_core::deployment::parse`); a missing or bad file is a sentence saying why,
//! and the app works on without a team.

use prevent_core::deployment::{self, Deployment};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The settings, or why there are none (every bad field named).
pub type Loaded = Rc<Result<Deployment, String>>;

enum Load {
    Idle,
    Loading(Vec<Box<dyn FnOnce()>>),
    Done(Loaded),
}

thread_local! {
    static LOAD: RefCell<Load> = const { RefCell::new(Load::Idle) };
}

/// The settings once fetched; `None` while they load.
pub fn get() -> Option<Loaded> {
    LOAD.with(|l| match &*l.borrow() {
        Load::Done(d) => Some(d.clone()),
        _ => None,
    })
}

/// Fetches the file (once per page load) and calls `then` when it is read: at once if it is.
/// Boxed by the caller: one copy of the fetch in the build, not one per caller.
pub fn load(then: Box<dyn FnOnce()>) {
    let (start, now) = LOAD.with(|l| {
        let mut l = l.borrow_mut();
        match &mut *l {
            Load::Done(_) => (false, Some(then)),
            Load::Loading(w) => {
                w.push(then);
                (false, None)
            }
            Load::Idle => {
                *l = Load::Loading(vec![then]);
                (true, None)
            }
        }
    });
    if let Some(f) = now {
        f();
    }
    if start {
        wasm_bindgen_futures::spawn_local(async {
            let read = Rc::new(fetch().await.and_then(|t| {
                deployment::parse(&t).map_err(|p| {
                    let list: Vec<String> = p.into_iter().map(|p| p.message).collect();
                    format!("deployment.json has a problem: {}.", list.join("; "))
                })
            }));
            let waiting =
                LOAD.with(
                    |l| match std::mem::replace(&mut *l.borrow_mut(), Load::Done(read)) {
                        Load::Loading(w) => w,
                        _ => Vec::new(),
                    },
                );
            for f in waiting {
                f();
            }
        });
    }
}

/// The file's text, or why there is none.
async fn fetch() -> Result<String, String> {
    let unreachable = || "deployment.json could not be fetched.".to_string();
    let request = web_sys::window()
        .map(|w| w.fetch_with_str(&format!("/{}", deployment::FILE)))
        .ok_or_else(unreachable)?;
    let response: web_sys::Response = JsFuture::from(request)
        .await
        .ok()
        .and_then(|r| r.dyn_into().ok())
        .ok_or_else(unreachable)?;
    if !response.ok() {
        return Err(format!(
            "there is no deployment.json on this site (the server answered {}).",
            response.status()
        ));
    }
    let text = JsFuture::from(response.text().map_err(|_| unreachable())?)
        .await
        .map_err(|_| unreachable())?;
    text.as_string().ok_or_else(unreachable)
}
