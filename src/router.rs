//! A small router over the browser's History API: the current location in a context, a
//! navigator that pushes, and `popstate` for the back and forward buttons. Written here instead
//! of using yew-router because the app needs only this, and yew-router with its dependencies
//! added about 10 kB (gzipped) to the download (docs/size.md, "What costs bytes").

use crate::route::{self, Route};
use gloo::events::EventListener;
use yew::prelude::*;

/// Where the browser is: path and query string (with its leading `?`, or empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    path: String,
    query: String,
}

impl Location {
    fn current() -> Location {
        let loc = web_sys::window().map(|w| w.location());
        Location {
            path: loc
                .as_ref()
                .and_then(|l| l.pathname().ok())
                .unwrap_or_else(|| "/".into()),
            query: loc
                .as_ref()
                .and_then(|l| l.search().ok())
                .unwrap_or_default(),
        }
    }

    /// The path.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The query string, with its leading `?` (or empty).
    pub fn query_str(&self) -> &str {
        &self.query
    }
}

/// Moves the app to another page.
#[derive(Clone, PartialEq)]
pub struct Navigator {
    changed: Callback<Location>,
}

impl Navigator {
    /// Goes to a route.
    pub fn push(&self, route: &Route) {
        self.push_href(&route.path_in(route::paths()));
    }

    /// Goes to an in-app href (path and optional query).
    pub fn push_href(&self, href: &str) {
        crate::services::focus::leaving();
        if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
        }
        self.changed.emit(Location::current());
    }
}

#[derive(Clone, PartialEq)]
struct RouterContext {
    location: Location,
    navigator: Navigator,
}

/// Properties of [`Router`].
#[derive(Properties, PartialEq)]
pub struct RouterProps {
    /// The app.
    pub children: Html,
}

/// Provides the location and navigator to the app.
#[component]
pub fn Router(props: &RouterProps) -> Html {
    let location = use_state(Location::current);
    let navigator = {
        let location = location.clone();
        use_memo((), move |_| Navigator {
            changed: Callback::from(move |l| location.set(l)),
        })
    };
    {
        let location = location.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "popstate", move |_| {
                    crate::services::focus::leaving();
                    location.set(Location::current())
                })
            });
            move || drop(listener)
        });
    }
    let context = RouterContext {
        location: (*location).clone(),
        navigator: (*navigator).clone(),
    };
    html! {
        <ContextProvider<RouterContext> context={context}>{ props.children.clone() }</ContextProvider<RouterContext>>
    }
}

/// The navigator, inside a [`Router`].
#[hook]
pub fn use_navigator() -> Option<Navigator> {
    use_context::<RouterContext>().map(|c| c.navigator)
}

/// The current location, inside a [`Router`].
#[hook]
pub fn use_location() -> Option<Location> {
    use_context::<RouterContext>().map(|c| c.location)
}

/// The current route, inside a [`Router`].
#[hook]
pub fn use_route() -> Option<Route> {
    use_context::<RouterContext>().map(|c| Route::recognize_in(route::paths(), c.location.path()))
}
