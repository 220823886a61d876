//! A file of this site fetched once per page load (the deployment settings, the trainer's
//! shipped scenarios): same-origin `fetch`, which the CSP's `connect-src 'self'` allows and the
//! offline worker answers; and the one place that remembers the result and calls, once it is
//! here, whatever was waiting for it.

use std::cell::RefCell;
use std::future::Future;
use std::thread::LocalKey;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a file's text could not be had.
pub enum Failure {
    /// No answer at all (offline, or the browser refused).
    Unreachable,
    /// The server answered with this status.
    Status(u16),
}

/// Asks for the file at `url` at once; [`text`] reads the answer. Several can be asked for
/// before any is read.
pub fn request(url: &str) -> Option<js_sys::Promise> {
    web_sys::window().map(|w| w.fetch_with_str(url))
}

/// The text of a file asked for with [`request`].
pub async fn text(request: Option<js_sys::Promise>) -> Result<String, Failure> {
    let response: web_sys::Response = JsFuture::from(request.ok_or(Failure::Unreachable)?)
        .await
        .ok()
        .and_then(|r| r.dyn_into().ok())
        .ok_or(Failure::Unreachable)?;
    if !response.ok() {
        return Err(Failure::Status(response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| Failure::Unreachable)?)
        .await
        .map_err(|_| Failure::Unreachable)?;
    text.as_string().ok_or(Failure::Unreachable)
}

/// Where something fetched once is: not asked for yet, on its way (with what waits for it),
/// or here.
pub enum Once<T> {
    /// Not asked for.
    Idle,
    /// On its way; these run when it is here.
    Loading(Vec<Box<dyn FnOnce()>>),
    /// Here.
    Done(T),
}

/// What `cell` holds, once it is here.
pub fn get<T: Clone>(cell: &'static LocalKey<RefCell<Once<T>>>) -> Option<T> {
    cell.with(|c| match &*c.borrow() {
        Once::Done(v) => Some(v.clone()),
        _ => None,
    })
}

/// Fetches `cell`'s value with `fetch` (only the first time it is asked for in this page's
/// life) and calls `then` when it is here: at once if it already is. `first` runs before the
/// waiting callers, when it arrives.
pub fn load<T: 'static, F: Future<Output = T> + 'static>(
    cell: &'static LocalKey<RefCell<Once<T>>>,
    then: Box<dyn FnOnce()>,
    fetch: impl FnOnce() -> F,
    first: fn(),
) {
    let (start, now) = cell.with(|c| {
        let mut c = c.borrow_mut();
        match &mut *c {
            Once::Done(_) => (false, Some(then)),
            Once::Loading(waiting) => {
                waiting.push(then);
                (false, None)
            }
            Once::Idle => {
                *c = Once::Loading(vec![then]);
                (true, None)
            }
        }
    });
    if let Some(f) = now {
        f();
    }
    if start {
        let fetching = fetch();
        wasm_bindgen_futures::spawn_local(async move {
            let value = fetching.await;
            let waiting =
                cell.with(
                    |c| match std::mem::replace(&mut *c.borrow_mut(), Once::Done(value)) {
                        Once::Loading(w) => w,
                        _ => Vec::new(),
                    },
                );
            first();
            for f in waiting {
                f();
            }
        });
    }
}
