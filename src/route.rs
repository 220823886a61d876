//! The app's URLs.

use yew_router::prelude::*;

/// Every page of the app.
#[derive(Clone, Debug, PartialEq, Eq, Routable)]
pub enum Route {
    /// Home: what the toolkit does, and the way in to each flow.
    #[at("/")]
    Home,
    /// Start page of a referral (REF-1, REF-3 guidance).
    #[at("/referral/start")]
    ReferralStart,
    /// Task list of one referral draft.
    #[at("/referral/:id")]
    ReferralTasks { id: String },
    /// Confirmation, reference and download of a finished referral.
    #[at("/referral/:id/confirmation")]
    ReferralDone { id: String },
    /// A page of a referral: a question page or check your answers.
    #[at("/referral/:id/:page")]
    ReferralPage { id: String, page: String },
    /// Saved drafts.
    #[at("/drafts")]
    Drafts,
    /// Confirm deleting a draft.
    #[at("/drafts/:id/delete")]
    DeleteDraft { id: String },
    /// Anything else.
    #[not_found]
    #[at("/page-not-found")]
    NotFound,
}

/// The element id of a question's input: dots and underscores become dashes
/// (`info.direct_action` -> `info-direct-action`).
pub fn dom_id(path: &str) -> String {
    path.replace(['.', '_'], "-")
}
