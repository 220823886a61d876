//! Moving between pages without reloading: links keep a real `href` (so "open in new tab"
//! works) and a click is turned into a router push.

use crate::route::Route;
use crate::router::*;
use yew::prelude::*;

/// The path of a route ("/referral/abc/about-you").
pub fn href(route: &Route) -> AttrValue {
    AttrValue::from(route.to_path())
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
