//! The app's URLs: every page is a [`Route`], parsed from and written to a path. Pure, so it
//! is tested natively.

/// Every page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// Home: what the toolkit does, and the way in to each flow.
    Home,
    /// Start page of a referral (REF-1, REF-3 guidance): `/referral/start`.
    ReferralStart,
    /// Task list of one referral draft: `/referral/<id>`.
    ReferralTasks { id: String },
    /// Confirmation, reference and download of a finished referral: `/referral/<id>/confirmation`.
    ReferralDone { id: String },
    /// A page of a referral, a question page or check your answers: `/referral/<id>/<page>`.
    ReferralPage { id: String, page: String },
    /// Saved drafts: `/drafts`.
    Drafts,
    /// Confirm deleting a draft: `/drafts/<id>/delete`.
    DeleteDraft { id: String },
    /// A case's policy deadlines and their calendar file: `/deadlines`.
    Deadlines,
    /// Settings: division and own holidays: `/settings`.
    Settings,
    /// Anything else.
    NotFound,
}

/// Ids and page names in URLs: lowercase letters, digits and dashes only.
fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl Route {
    /// The route for a path (without query or fragment). Unknown paths are [`Route::NotFound`].
    pub fn recognize(path: &str) -> Route {
        let parts: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let id = |s: &str| s.to_string();
        match parts.as_slice() {
            [] => Route::Home,
            ["referral", "start"] => Route::ReferralStart,
            ["referral", i] if is_slug(i) => Route::ReferralTasks { id: id(i) },
            ["referral", i, "confirmation"] if is_slug(i) => Route::ReferralDone { id: id(i) },
            ["referral", i, p] if is_slug(i) && is_slug(p) => Route::ReferralPage {
                id: id(i),
                page: id(p),
            },
            ["drafts"] => Route::Drafts,
            ["drafts", i, "delete"] if is_slug(i) => Route::DeleteDraft { id: id(i) },
            ["deadlines"] => Route::Deadlines,
            ["settings"] => Route::Settings,
            _ => Route::NotFound,
        }
    }

    /// The path of this route.
    pub fn to_path(&self) -> String {
        match self {
            Route::Home => "/".into(),
            Route::ReferralStart => "/referral/start".into(),
            Route::ReferralTasks { id } => format!("/referral/{id}"),
            Route::ReferralDone { id } => format!("/referral/{id}/confirmation"),
            Route::ReferralPage { id, page } => format!("/referral/{id}/{page}"),
            Route::Drafts => "/drafts".into(),
            Route::DeleteDraft { id } => format!("/drafts/{id}/delete"),
            Route::Deadlines => "/deadlines".into(),
            Route::Settings => "/settings".into(),
            Route::NotFound => "/page-not-found".into(),
        }
    }
}

/// The element id of a question's input: dots and underscores become dashes
/// (`info.direct_action` -> `info-direct-action`).
pub fn dom_id(path: &str) -> String {
    path.replace(['.', '_'], "-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_round_trips_through_its_path() {
        let id = "3f2a9c1b-0000-4000-8000-000000000000".to_string();
        for r in [
            Route::Home,
            Route::ReferralStart,
            Route::ReferralTasks { id: id.clone() },
            Route::ReferralDone { id: id.clone() },
            Route::ReferralPage {
                id: id.clone(),
                page: "about-you".into(),
            },
            Route::Drafts,
            Route::DeleteDraft { id },
            Route::Deadlines,
            Route::Settings,
        ] {
            assert_eq!(Route::recognize(&r.to_path()), r);
        }
    }

    #[test]
    fn unknown_or_unsafe_paths_are_not_found() {
        for p in [
            "/nope",
            "/referral/a/b/c",
            "/referral/ABC",
            "/referral/x/<script>",
            "/drafts/x",
            "/referral/a b/c",
        ] {
            assert_eq!(Route::recognize(p), Route::NotFound, "{p}");
        }
        assert_eq!(
            Route::recognize("/referral/abc/"),
            Route::ReferralTasks { id: "abc".into() }
        );
    }
}
