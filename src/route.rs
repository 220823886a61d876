//! The app's URLs: every page is a [`Route`], parsed from and written to a path. Pure, so it
//! is tested natively.

/// What an app's paths depend on (its bundle's: `bundle::Bundle::paths`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paths {
    /// The first segment of the officers' paths: "officer", or "trainer" in the trainer's app,
    /// whose pages are the officers' own working on training records (issue 7). In the
    /// partners' app, where the officers' app lives.
    pub segment: &'static str,
    /// Whether the app renders the officers' pages rather than the partners'.
    pub officer: bool,
    /// The trainer's app: it alone has the scenarios' pages.
    pub training: bool,
}

extern "Rust" {
    /// This app's paths: its bundle's, exported by its binary (`bundle::app!`) as a constant
    /// the optimiser sees, so that what they settle (the trainer's routes, the officers'
    /// segment) is settled per app.
    #[link_name = "prevent_toolkit_paths"]
    static APP_PATHS: Paths;
}

/// This app's paths.
pub fn paths() -> &'static Paths {
    // SAFETY: an immutable static that each binary defines exactly once with `app!` (a second
    // or a missing one fails to link); never written.
    unsafe { &APP_PATHS }
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
    /// The transfer of a PLP case to another force (officers, TRF-1): `/officer/plp-transfer/...`.
    PlpTransfer,
    /// The S.36 decision that follows a Gateway Assessment outside Dovetail areas (officers,
    /// PGA-15): `/officer/pga-s36/...`.
    S36,
    /// The closure of a case that never entered PLP (officers, REV-1): `/officer/pcm-closure/...`.
    PcmClosure,
    /// A closed-case review at 6 or 12 months (officers, REV-1): `/officer/pcm-review/...`.
    ClosedReview,
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
            "plp-transfer" => Form::PlpTransfer,
            "pga-s36" => Form::S36,
            "pcm-closure" => Form::PcmClosure,
            "pcm-review" => Form::ClosedReview,
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
            Form::PlpTransfer => "plp-transfer",
            Form::S36 => "pga-s36",
            Form::PcmClosure => "pcm-closure",
            Form::ClosedReview => "pcm-review",
        }
    }

    /// What a record of this form is called in lists ("Gateway Assessment", "PLP case").
    pub fn record_name(self) -> &'static str {
        match self {
            Form::Pga => "Gateway Assessment",
            Form::Plp => "PLP case",
            Form::PlpReview => "PLP reassessment",
            Form::PlpClosure => "PLP closure",
            Form::PlpPanel => "PLP panel",
            Form::PlpSubmission => "Submission to the FIMU",
            Form::PlpTransfer => "PLP transfer",
            Form::S36 => "S.36 decision",
            Form::PcmClosure => "Case closure",
            Form::ClosedReview => "Closed case review",
            Form::Referral => "Prevent referral",
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
            Form::PlpTransfer => "transfer",
            Form::S36 => "S.36 decision",
            Form::PcmClosure => "closure",
            Form::ClosedReview => "review",
        }
    }

    /// The path every URL of this form starts with, in an app with paths `b`.
    pub fn base_in(self, b: &Paths) -> String {
        match self {
            Form::Referral => "/referral".into(),
            _ => format!("/{}/{}", b.segment, self.id()),
        }
    }

    /// A record linked to a case (a PLP case's reassessment, closure, panel or submission to
    /// the FIMU; a Gateway Assessment's S.36 decision): started from its case's page, with no
    /// start page of its own.
    pub fn linked_to_case(self) -> bool {
        matches!(
            self,
            Form::PlpReview
                | Form::PlpClosure
                | Form::PlpPanel
                | Form::PlpSubmission
                | Form::PlpTransfer
                | Form::S36
                | Form::PcmClosure
                | Form::ClosedReview
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
            | Form::PlpSubmission
            | Form::PlpTransfer
            | Form::S36
            | Form::PcmClosure
            | Form::ClosedReview => Route::OfficerHome,
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
    /// A partner's referral in the officers' app (issue 20, item 4): choose its file at
    /// `/officer/referral`, then read it, and start its Gateway Assessment, at
    /// `/officer/referral/<id>`.
    PartnerReferral { id: Option<String> },
    /// The team's key for protected referral files (issue 20, item 3; officers' app only):
    /// `/officer/team-key`.
    TeamKey,
    /// The service's own pages, linked from the footer of every page of every app (issue 21,
    /// item 9): `/accessibility`, `/privacy`, `/help`, or under the officers' segment in the
    /// officers' and the trainer's apps (`/trainer/help`), each app rendering its own.
    Service(Service),
    /// Anything else.
    NotFound,
}

/// The service pages every app has (issue 21, item 9; docs/decisions/0026).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Service {
    /// The accessibility statement: `accessibility`.
    Accessibility,
    /// The privacy notice: what is kept where, for how long, how to delete it: `privacy`.
    Privacy,
    /// Help and contact: `help`.
    Help,
}

impl Service {
    /// The three, in the footer's order.
    pub const ALL: [Service; 3] = [Service::Help, Service::Privacy, Service::Accessibility];

    /// Its path segment.
    pub fn slug(self) -> &'static str {
        match self {
            Service::Accessibility => "accessibility",
            Service::Privacy => "privacy",
            Service::Help => "help",
        }
    }

    /// Its link text and heading.
    pub fn title(self) -> &'static str {
        match self {
            Service::Accessibility => "Accessibility statement",
            Service::Privacy => "Privacy notice",
            Service::Help => "Help and contact",
        }
    }

    fn of(slug: &str) -> Option<Service> {
        Service::ALL.into_iter().find(|s| s.slug() == slug)
    }
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
    /// The route for a path (without query or fragment) in an app with paths `b`: the
    /// officers' paths start with its `segment`, and only the trainer's app has the scenarios'
    /// pages. Unknown paths are [`Route::NotFound`].
    pub fn recognize_in(b: &Paths, path: &str) -> Route {
        let parts: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let id = |s: &str| s.to_string();
        // The service pages, in every app: at the root, or under the officers' segment.
        let service = match parts.as_slice() {
            [s] => Service::of(s),
            [first, s] if *first == b.segment => Service::of(s),
            _ => None,
        };
        if let Some(s) = service {
            return Route::Service(s);
        }
        match parts.as_slice() {
            [] => Route::Home,
            ["referral", rest @ ..] => form_route(Form::Referral, rest),
            ["drafts"] => Route::Drafts,
            ["drafts", i, "delete"] if is_slug(i) => Route::DeleteDraft {
                form: Form::Referral,
                id: id(i),
            },
            [first, rest @ ..] if *first == b.segment => match rest {
                [] => Route::OfficerHome,
                ["drafts", i, "delete"] if is_slug(i) => Route::DeleteDraft {
                    form: Form::Pga,
                    id: id(i),
                },
                ["deadlines"] => Route::Deadlines,
                ["settings"] => Route::Settings,
                ["scenario", i] if b.training && is_slug(i) => Route::Scenario { id: id(i) },
                ["scenario", i, "debrief"] if b.training && is_slug(i) => {
                    Route::Debrief { id: id(i) }
                }
                ["author"] if b.training => Route::Author,
                ["referral"] => Route::PartnerReferral { id: None },
                ["referral", i] if is_slug(i) => Route::PartnerReferral { id: Some(id(i)) },
                ["team-key"] if !b.training => Route::TeamKey,
                [form, rest @ ..] => match Form::of(form) {
                    Form::Referral => Route::NotFound,
                    f => form_route(f, rest),
                },
            },
            _ => Route::NotFound,
        }
    }

    /// The path of this route in an app with paths `b`.
    pub fn path_in(&self, b: &Paths) -> String {
        let officer = |p: &str| format!("/{}{p}", b.segment);
        match self {
            Route::Home => "/".into(),
            Route::FormStart { form } => format!("{}/start", form.base_in(b)),
            Route::FormTasks { form, id } => format!("{}/{id}", form.base_in(b)),
            Route::FormDone { form, id } => format!("{}/{id}/confirmation", form.base_in(b)),
            Route::FormPage { form, id, page } => format!("{}/{id}/{page}", form.base_in(b)),
            Route::Drafts => "/drafts".into(),
            Route::DeleteDraft {
                form: Form::Referral,
                id,
            } => format!("/drafts/{id}/delete"),
            // Officers' records of any form share one delete page.
            Route::DeleteDraft { form: _, id } => officer(&format!("/drafts/{id}/delete")),
            Route::OfficerHome => officer(""),
            Route::Deadlines => officer("/deadlines"),
            Route::Settings => officer("/settings"),
            Route::Scenario { id } => officer(&format!("/scenario/{id}")),
            Route::Debrief { id } => officer(&format!("/scenario/{id}/debrief")),
            Route::Author => officer("/author"),
            Route::PartnerReferral { id: None } => officer("/referral"),
            Route::PartnerReferral { id: Some(id) } => officer(&format!("/referral/{id}")),
            Route::TeamKey => officer("/team-key"),
            // Each app's own copy, so that a footer link never loads another app.
            Route::Service(s) if b.officer => officer(&format!("/{}", s.slug())),
            Route::Service(s) => format!("/{}", s.slug()),
            Route::NotFound => "/page-not-found".into(),
        }
    }

    /// True for the officers' pages, which live in the officers' app (`/officer/...`);
    /// everything else is in the partners' app (docs/decisions/0009-bundles.md).
    pub fn is_officer(&self) -> bool {
        match self {
            Route::Home | Route::Drafts | Route::NotFound | Route::Service(_) => false,
            Route::FormStart { form }
            | Route::FormTasks { form, .. }
            | Route::FormDone { form, .. }
            | Route::FormPage { form, .. }
            | Route::DeleteDraft { form, .. } => *form != Form::Referral,
            Route::OfficerHome
            | Route::Deadlines
            | Route::Settings
            | Route::Scenario { .. }
            | Route::Debrief { .. }
            | Route::Author
            | Route::PartnerReferral { .. }
            | Route::TeamKey => true,
        }
    }

    /// True when an app with paths `b` renders the route; any other route is a full page load
    /// of another app.
    pub fn in_bundle(&self, b: &Paths) -> bool {
        matches!(self, Route::NotFound | Route::Service(_)) || self.is_officer() == b.officer
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
    use crate::apps;

    const PARTNERS: Paths = apps::PARTNERS.paths;
    const OFFICERS: Paths = apps::OFFICERS.paths;
    const TRAINER: Paths = apps::TRAINER.paths;

    /// Every path a route has, in each app.
    const APPS: [(&str, &Paths); 3] = [
        ("partners", &PARTNERS),
        ("officers", &OFFICERS),
        ("trainer", &TRAINER),
    ];

    #[test]
    fn every_route_round_trips_through_its_path() {
        let id = "3f2a9c1b-0000-4000-8000-000000000000".to_string();
        for r in [
            Route::Home,
            Route::Drafts,
            Route::OfficerHome,
            Route::Deadlines,
            Route::Settings,
            Route::PartnerReferral { id: None },
            Route::PartnerReferral {
                id: Some(id.clone()),
            },
            Route::Service(Service::Accessibility),
            Route::Service(Service::Privacy),
            Route::Service(Service::Help),
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
                Form::PlpTransfer,
                Form::S36,
                Form::PcmClosure,
                Form::ClosedReview,
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
            for (name, b) in APPS {
                assert_eq!(Route::recognize_in(b, &r.path_in(b)), r, "{name}");
            }
        }
    }

    #[test]
    fn handover_3_the_team_key_page_is_the_officers_alone() {
        assert_eq!(Route::TeamKey.path_in(&OFFICERS), "/officer/team-key");
        assert_eq!(
            Route::recognize_in(&OFFICERS, "/officer/team-key"),
            Route::TeamKey
        );
        // The trainer's fictional cases have no vault and no team key.
        assert_eq!(
            Route::recognize_in(&TRAINER, "/trainer/team-key"),
            Route::NotFound
        );
        assert!(!Route::TeamKey.in_bundle(&PARTNERS));
    }

    #[test]
    fn a11y_9_every_app_has_the_service_pages_at_its_own_paths() {
        for (s, slug) in [
            (Service::Accessibility, "accessibility"),
            (Service::Privacy, "privacy"),
            (Service::Help, "help"),
        ] {
            let r = Route::Service(s);
            for (b, path) in [
                (&PARTNERS, format!("/{slug}")),
                (&OFFICERS, format!("/officer/{slug}")),
                (&TRAINER, format!("/trainer/{slug}")),
            ] {
                // Each app links to its own copy and renders it: a footer link loads no other app.
                assert_eq!(r.path_in(b), path);
                assert_eq!(Route::recognize_in(b, &path), r);
                assert!(r.in_bundle(b), "{path}");
                // The root path too (the partners' link, typed into another app's tab).
                assert_eq!(Route::recognize_in(b, &format!("/{slug}/")), r);
            }
        }
        // Another app's segment, or deeper paths, are not service pages.
        assert_eq!(
            Route::recognize_in(&TRAINER, "/officer/help"),
            Route::NotFound
        );
        assert_eq!(
            Route::recognize_in(&PARTNERS, "/help/more"),
            Route::NotFound
        );
        assert_eq!(
            Service::ALL.map(Service::title),
            [
                "Help and contact",
                "Privacy notice",
                "Accessibility statement"
            ]
        );
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
            for (name, b) in APPS {
                assert_eq!(Route::recognize_in(b, p), Route::NotFound, "{p} {name}");
            }
        }
        assert_eq!(
            Route::recognize_in(&PARTNERS, "/referral/abc/"),
            Route::FormTasks {
                form: Form::Referral,
                id: "abc".into()
            }
        );
    }

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
            let path = r.path_in(&TRAINER);
            assert!(path.starts_with("/trainer"), "{path}");
            assert_eq!(Route::recognize_in(&TRAINER, &path), r);
            assert!(r.in_bundle(&TRAINER), "{path}");
        }
        // The officers' own paths are another bundle's: loading one leaves training.
        assert_eq!(
            Route::recognize_in(&TRAINER, "/officer/pga/abc/case"),
            Route::NotFound
        );
        assert!(!Route::Drafts.in_bundle(&TRAINER));
        // Only the trainer's app has the scenarios' pages.
        for b in [&PARTNERS, &OFFICERS] {
            assert_eq!(
                Route::recognize_in(b, "/officer/scenario/a-pupil"),
                Route::NotFound,
                "{b:?}"
            );
            assert_eq!(Route::recognize_in(b, "/officer/author"), Route::NotFound);
        }
    }

    #[test]
    fn officer_pages_and_only_they_live_under_officer() {
        for b in [&PARTNERS, &OFFICERS] {
            let pga = Route::recognize_in(b, "/officer/pga/abc/decision");
            assert!(pga.is_officer());
            assert!(Route::recognize_in(b, "/officer/deadlines").is_officer());
            assert!(Route::recognize_in(b, "/officer/drafts/abc/delete").is_officer());
            assert!(!Route::recognize_in(b, "/referral/abc/about-you").is_officer());
        }
        assert!(!Route::Drafts.is_officer());
        // Each app renders its own pages and loads the other for the rest.
        let pga = Route::recognize_in(&PARTNERS, "/officer/pga/abc/decision");
        assert!(!pga.in_bundle(&PARTNERS) && pga.in_bundle(&OFFICERS));
        assert!(Route::Drafts.in_bundle(&PARTNERS) && !Route::Drafts.in_bundle(&OFFICERS));
        assert_eq!(Form::of(Form::Pga.id()), Form::Pga);
        assert_eq!(Form::of("nrf"), Form::Referral);
    }
}
