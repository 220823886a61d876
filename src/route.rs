//! The app's URLs: every page is a [`Route`], parsed from and written to a path. Pure, so it
//! is tested natively.

/// The first segment of every officers' path: "officer", or "trainer" in the trainer's bundle,
/// whose pages are the officers' own working on training records (issue 7;
/// docs/decisions/0009-bundles.md, "The trainer's bundle").
#[cfg(not(feature = "trainer"))]
pub const OFFICER: &str = "officer";
/// The first segment of every officers' path: the trainer's bundle's own.
#[cfg(feature = "trainer")]
pub const OFFICER: &str = "trainer";

/// An officers' path as a literal: `officer!("/pga")` is "/officer/pga" (or "/trainer/pga").
#[cfg(not(feature = "trainer"))]
#[macro_export]
macro_rules! officer {
    ($p:literal) => {
        concat!("/officer", $p)
    };
}
/// An officers' path as a literal: `officer!("/pga")` is "/trainer/pga" in this bundle.
#[cfg(feature = "trainer")]
#[macro_export]
macro_rules! officer {
    ($p:literal) => {
        concat!("/trainer", $p)
    };
}

/// The forms the app guides people through. Each has its own URLs and bundle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// The National Prevent Referral Form (partners): `/referral/...`.
    Referral,
    /// The Prevent Gateway Assessment (officers): `/officer/pga/...`.
    Pga,
    /// Entry into Police-led Partnership (officers): `/officer/plp/...`.
    Plp,
    /// A reassessment of a PLP case (officers): `/officer/plp-review/...`.
    PlpReview,
    /// The closure of a PLP case (officers): `/officer/plp-closure/...`.
    PlpClosure,
    /// A panel of a PLP case (officers): `/officer/plp-panel/...`.
    PlpPanel,
    /// A submission to the FIMU on a PLP case (officers, INT-1): `/officer/plp-fimu/...`.
    PlpSubmission,
}

impl Form {
    /// The form of a stored draft's form id.
    pub fn of(form_id: &str) -> Form {
        match form_id {
            "pga" => Form::Pga,
            "plp" => Form::Plp,
            "plp-review" => Form::PlpReview,
            "plp-closure" => Form::PlpClosure,
            "plp-panel" => Form::PlpPanel,
            "plp-fimu" => Form::PlpSubmission,
            _ => Form::Referral,
        }
    }

    /// The form id stored in drafts ("nrf", "pga").
    pub fn id(self) -> &'static str {
        match self {
            Form::Referral => "nrf",
            Form::Pga => "pga",
            Form::Plp => "plp",
            Form::PlpReview => "plp-review",
            Form::PlpClosure => "plp-closure",
            Form::PlpPanel => "plp-panel",
            Form::PlpSubmission => "plp-fimu",
        }
    }

    /// What a record of this form is called in sentences ("referral", "assessment").
    pub fn noun(self) -> &'static str {
        match self {
            Form::Referral => "referral",
            Form::Pga => "assessment",
            Form::Plp => "PLP case",
            Form::PlpReview => "reassessment",
            Form::PlpClosure => "closure",
            Form::PlpPanel => "panel",
            Form::PlpSubmission => "submission",
        }
    }

    /// The path every URL of this form starts with.
    pub fn base(self) -> &'static str {
        match self {
            Form::Referral => "/referral",
            Form::Pga => officer!("/pga"),
            Form::Plp => officer!("/plp"),
            Form::PlpReview => officer!("/plp-review"),
            Form::PlpClosure => officer!("/plp-closure"),
            Form::PlpPanel => officer!("/plp-panel"),
            Form::PlpSubmission => officer!("/plp-fimu"),
        }
    }

    /// A record linked to a PLP case (a reassessment, closure, panel or submission to the
    /// FIMU): started from its case's page, with no start page of its own.
    pub fn linked_to_case(self) -> bool {
        matches!(
            self,
            Form::PlpReview | Form::PlpClosure | Form::PlpPanel | Form::PlpSubmission
        )
    }

    /// Where this form's drafts are listed.
    pub fn drafts(self) -> Route {
        match self {
            Form::Referral => Route::Drafts,
            Form::Pga
            | Form::Plp
            | Form::PlpReview
            | Form::PlpClosure
            | Form::PlpPanel
            | Form::PlpSubmission => Route::OfficerHome,
        }
    }
}

/// Every page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// Home: what the toolkit does, and the way in to each flow.
    Home,
    /// Start page of a form (REF-1, REF-3 guidance for a referral): `<base>/start`.
    FormStart { form: Form },
    /// Task list of one draft: `<base>/<id>`.
    FormTasks { form: Form, id: String },
    /// Confirmation, reference and download of a finished record: `<base>/<id>/confirmation`.
    FormDone { form: Form, id: String },
    /// A page of a form, a question page or check your answers: `<base>/<id>/<page>`.
    FormPage {
        form: Form,
        id: String,
        page: String,
    },
    /// Saved referral drafts: `/drafts`.
    Drafts,
    /// Confirm deleting a draft: `/drafts/<id>/delete`, or `/officer/drafts/<id>/delete`.
    DeleteDraft { form: Form, id: String },
    /// Officers' home: their Gateway Assessments with next deadlines: `/officer`.
    OfficerHome,
    /// A case's policy deadlines and their calendar file: `/officer/deadlines`.
    Deadlines,
    /// Settings: division, own holidays, DIF framework: `/officer/settings`.
    Settings,
    /// A training scenario's case file, and the trainee's way into it (trainer's bundle only):
    /// `/trainer/scenario/<id>`.
    Scenario { id: String },
    /// The debrief of the trainee's attempt at a scenario: `/trainer/scenario/<id>/debrief`.
    Debrief { id: String },
    /// Writing a scenario from a model answer: `/trainer/author`.
    Author,
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

fn form_route(form: Form, rest: &[&str]) -> Route {
    let id = |s: &str| s.to_string();
    match rest {
        ["start"] => Route::FormStart { form },
        [i] if is_slug(i) => Route::FormTasks { form, id: id(i) },
        [i, "confirmation"] if is_slug(i) => Route::FormDone { form, id: id(i) },
        [i, p] if is_slug(i) && is_slug(p) => Route::FormPage {
            form,
            id: id(i),
            page: id(p),
        },
        _ => Route::NotFound,
    }
}

impl Route {
    /// The route for a path (without query or fragment). Unknown paths are [`Route::NotFound`].
    pub fn recognize(path: &str) -> Route {
        let parts: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let id = |s: &str| s.to_string();
        match parts.as_slice() {
            [] => Route::Home,
            ["referral", rest @ ..] => form_route(Form::Referral, rest),
            [OFFICER, "pga", rest @ ..] => form_route(Form::Pga, rest),
            [OFFICER, "plp", rest @ ..] => form_route(Form::Plp, rest),
            [OFFICER, "plp-review", rest @ ..] => form_route(Form::PlpReview, rest),
            [OFFICER, "plp-closure", rest @ ..] => form_route(Form::PlpClosure, rest),
            [OFFICER, "plp-panel", rest @ ..] => form_route(Form::PlpPanel, rest),
            [OFFICER, "plp-fimu", rest @ ..] => form_route(Form::PlpSubmission, rest),
            ["drafts"] => Route::Drafts,
            ["drafts", i, "delete"] if is_slug(i) => Route::DeleteDraft {
                form: Form::Referral,
                id: id(i),
            },
            [OFFICER, "drafts", i, "delete"] if is_slug(i) => Route::DeleteDraft {
                form: Form::Pga,
                id: id(i),
            },
            [OFFICER] => Route::OfficerHome,
            [OFFICER, "deadlines"] => Route::Deadlines,
            [OFFICER, "settings"] => Route::Settings,
            #[cfg(feature = "trainer")]
            [OFFICER, "scenario", i] if is_slug(i) => Route::Scenario { id: id(i) },
            #[cfg(feature = "trainer")]
            [OFFICER, "scenario", i, "debrief"] if is_slug(i) => Route::Debrief { id: id(i) },
            #[cfg(feature = "trainer")]
            [OFFICER, "author"] => Route::Author,
            _ => Route::NotFound,
        }
    }

    /// The path of this route.
    pub fn to_path(&self) -> String {
        match self {
            Route::Home => "/".into(),
            Route::FormStart { form } => format!("{}/start", form.base()),
            Route::FormTasks { form, id } => format!("{}/{id}", form.base()),
            Route::FormDone { form, id } => format!("{}/{id}/confirmation", form.base()),
            Route::FormPage { form, id, page } => format!("{}/{id}/{page}", form.base()),
            Route::Drafts => "/drafts".into(),
            Route::DeleteDraft {
                form: Form::Referral,
                id,
            } => format!("/drafts/{id}/delete"),
            // Officers' records of any form share one delete page.
            Route::DeleteDraft { form: _, id } => format!("/{OFFICER}/drafts/{id}/delete"),
            Route::OfficerHome => officer!("").into(),
            Route::Deadlines => officer!("/deadlines").into(),
            Route::Settings => officer!("/settings").into(),
            Route::Scenario { id } => format!("{}/{id}", officer!("/scenario")),
            Route::Debrief { id } => format!("{}/{id}/debrief", officer!("/scenario")),
            Route::Author => officer!("/author").into(),
            Route::NotFound => "/page-not-found".into(),
        }
    }

    /// True for the officers' pages, which live in the officers' bundle (`/officer/...`);
    /// everything else is in the partners' bundle (docs/decisions/0009-bundles.md).
    pub fn is_officer(&self) -> bool {
        self.to_path().starts_with(officer!(""))
    }

    /// True when this build renders the route; any other route is a full page load of the
    /// other bundle.
    pub fn in_this_bundle(&self) -> bool {
        *self == Route::NotFound || self.is_officer() == cfg!(feature = "officer")
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
            Route::Drafts,
            Route::OfficerHome,
            Route::Deadlines,
            Route::Settings,
        ]
        .into_iter()
        .chain(
            [
                Form::Referral,
                Form::Pga,
                Form::Plp,
                Form::PlpReview,
                Form::PlpClosure,
                Form::PlpPanel,
                Form::PlpSubmission,
            ]
            .into_iter()
            .flat_map(|form| {
                [
                    Route::FormStart { form },
                    Route::FormTasks {
                        form,
                        id: id.clone(),
                    },
                    Route::FormDone {
                        form,
                        id: id.clone(),
                    },
                    Route::FormPage {
                        form,
                        id: id.clone(),
                        page: "about-you".into(),
                    },
                ]
            }),
        )
        .chain([Form::Referral, Form::Pga].map(|form| Route::DeleteDraft {
            form,
            id: id.clone(),
        })) {
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
            Route::FormTasks {
                form: Form::Referral,
                id: "abc".into()
            }
        );
    }

    #[cfg(feature = "trainer")]
    #[test]
    fn sim_the_trainer_s_pages_live_under_trainer_and_round_trip() {
        let id = || "3f2a9c1b-0000-4000-8000-000000000000".to_string();
        for r in [
            Route::OfficerHome,
            Route::Author,
            Route::Scenario {
                id: "a-pupil".into(),
            },
            Route::Debrief {
                id: "a-pupil".into(),
            },
            Route::FormPage {
                form: Form::Pga,
                id: id(),
                page: "case".into(),
            },
            Route::FormDone {
                form: Form::PlpReview,
                id: id(),
            },
            Route::Deadlines,
        ] {
            let path = r.to_path();
            assert!(path.starts_with("/trainer"), "{path}");
            assert_eq!(Route::recognize(&path), r);
            assert!(r.in_this_bundle(), "{path}");
        }
        // The officers' own paths are another bundle's: loading one leaves training.
        assert_eq!(Route::recognize("/officer/pga/abc/case"), Route::NotFound);
        assert!(!Route::Drafts.in_this_bundle());
    }

    #[cfg(not(feature = "trainer"))]
    #[test]
    fn officer_pages_and_only_they_live_under_officer() {
        let pga = Route::recognize("/officer/pga/abc/decision");
        assert!(pga.is_officer());
        assert!(Route::recognize("/officer/deadlines").is_officer());
        assert!(Route::recognize("/officer/drafts/abc/delete").is_officer());
        assert!(!Route::recognize("/referral/abc/about-you").is_officer());
        assert!(!Route::Drafts.is_officer());
        assert_eq!(Form::of(Form::Pga.id()), Form::Pga);
        assert_eq!(Form::of("nrf"), Form::Referral);
    }
}
