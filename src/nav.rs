//! Moving between pages without reloading: links keep a real `href` (so "open in new tab"
//! works) and a click is turned into a router push.

use crate::route::Route;
use crate::router::*;
use yew::prelude::*;

/// The path of a route in this app ("/referral/abc/about-you").
pub fn href(route: &Route) -> AttrValue {
    AttrValue::from(path(route))
}

/// The path of a route in this app, as text.
pub fn path(route: &Route) -> String {
    route.path_in(crate::route::paths())
}

/// An officers' path in this app: `officer_path("/pga")` is "/officer/pga", or "/trainer/pga"
/// in the trainer's app, whose pages are the officers' own working on training records (issue
/// 7; docs/decisions/0009-bundles.md).
pub fn officer_path(p: &str) -> String {
    format!("/{}{p}", crate::route::paths().segment)
}

/// Goes to an in-app href, with an optional query ("/drafts", "/referral/x/y?return=check").
pub fn go(navigator: &Navigator, href: &str) {
    navigator.push_href(href);
}

/// A callback for components that report a link's href (header, task list).
pub fn on_navigate(navigator: &Navigator) -> Callback<AttrValue> {
    let navigator = navigator.clone();
    Callback::from(move |href: AttrValue| go(&navigator, &href))
}

/// A click handler that routes a plain click in-app and leaves modified clicks to the browser.
pub fn on_click(navigator: &Navigator, href: AttrValue) -> Callback<MouseEvent> {
    let navigator = navigator.clone();
    Callback::from(move |e: MouseEvent| {
        if e.button() == 0 && !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key()) {
            e.prevent_default();
            go(&navigator, &href);
        }
    })
}

/// A value from the current URL's query string.
pub fn query_value(location: &Option<Location>, key: &str) -> Option<String> {
    let q = location
        .as_ref()?
        .query_str()
        .trim_start_matches('?')
        .to_string();
    q.split('&').find_map(|kv| {
        kv.split_once('=')
            .filter(|(k, _)| *k == key)
            .map(|(_, v)| v.to_string())
    })
}
