//! Offline use (issue 9; docs/decisions/0007-offline.md): registers this bundle's service
//! worker, which `scripts/offline.js` writes into each build as `sw.js` (from
//! `static/sw.template.js`).
//! It caches the app shell only, never a record, so that after one visit the app loads with
//! the network off. Drafts stay where they are (localStorage, encrypted), so an update, which
//! the worker picks up on the next load, never touches them.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// This app's worker, in the app's own folder (its bundle's base).
fn worker() -> String {
    format!("{}sw.js", crate::bundle::current().base)
}

/// What it controls: every path of the app. For the officers' and trainer's apps that is
/// "/officer" (or "/trainer") without the slash, so that their home page, "/officer", is
/// covered too: wider than the worker's folder, which the server allows with a
/// `Service-Worker-Allowed` header (deploy/nginx). Without it, the folder is the scope.
fn scope() -> &'static str {
    let base = crate::bundle::current().base;
    if base == "/" {
        base
    } else {
        base.trim_end_matches('/')
    }
}

/// Registers the worker once the app is running. Where service workers are not offered (plain
/// http away from localhost, or a browser that lacks them) or registering fails, the app works
/// as before, online only: nothing is shown, as there is nothing the user could do about it.
pub fn register() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    if !js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false) {
        return;
    }
    let workers = navigator.service_worker();
    // A page that a worker already controls is a return visit: look for a new build then. On a
    // first visit the worker being registered is the newest, and checking again would only
    // fetch it twice.
    let returning = js_sys::Reflect::get(&workers, &JsValue::from_str("controller"))
        .is_ok_and(|c| !c.is_null() && !c.is_undefined());
    wasm_bindgen_futures::spawn_local(async move {
        let options = web_sys::RegistrationOptions::new();
        options.set_scope(scope());
        // Awaited so that a refusal is handled here rather than reported as unhandled. Refused
        // the wider scope (a server without the header), the worker's folder will do.
        let registration =
            match JsFuture::from(workers.register_with_options(&worker(), &options)).await {
                Ok(r) => r,
                Err(_) => match JsFuture::from(workers.register(&worker())).await {
                    Ok(r) => r,
                    Err(_) => return,
                },
            };
        // Look for a new build now, on every return visit: this load already runs it (pages
        // come from the network first), and the new worker caches it for the next load
        // offline. Left to itself the browser checks later, at a time of its choosing.
        // Offline, this fails quietly and the cached build stays.
        if !returning {
            return;
        }
        let registration = web_sys::ServiceWorkerRegistration::from(registration);
        if let Ok(checking) = registration.update() {
            let _ = JsFuture::from(checking).await;
        }
    });
}
