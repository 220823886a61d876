//! The three apps' bundle values (issue 17; decision 0012): what the partners', the officers'
//! and the trainer's apps are made of. The composition root: it names each app's own pages and
//! helpers, and nothing but the binaries (`bundle::app!`) and tests names it, so each app's
//! download holds its own value's code only.

use crate::bundle::{self, Bundle};
use crate::route::Paths;
use yew::Html;

/// The partners' app: the referral, at `/`.
pub const PARTNERS: Bundle = Bundle {
    name: "partners",
    base: "/",
    paths: Paths {
        segment: "officer",
        officer: false,
        training: false,
    },
    marking: prevent_core::PROTECTIVE_MARKING,
    schema: |_| crate::nrf(),
    forms: || vec![crate::nrf()],
    pages: crate::pages::own_pages::partner_pages,
    help: &bundle::NO_HELP,
    today: || None,
    finished: |_, _| {},
    // The deployment settings are read at start (issue 20), for the pages that name the team.
    banner: |_| {
        crate::services::deployment::load(Box::new(|| {}));
        Html::default()
    },
};

/// The officers' app: the Gateway Assessment and PLP, deadlines and settings, at `/officer/`.
pub const OFFICERS: Bundle = Bundle {
    name: "officers",
    base: "/officer/",
    paths: Paths {
        segment: "officer",
        officer: true,
        training: false,
    },
    marking: prevent_core::PROTECTIVE_MARKING,
    schema: crate::officers_schema,
    forms: crate::officers_forms,
    pages: crate::pages::own_pages::pages,
    help: &crate::pages::pga_help::HELP,
    today: || None,
    finished: |_, _| {},
    // The deployment settings' default division, read at start (issue 20, item 1).
    banner: |_| yew::html! { <crate::pages::own_pages::ForceDivision /> },
};

/// The trainer's app: the officers' pages on fictional records, with the scenarios, at
/// `/trainer/` (issue 7).
pub const TRAINER: Bundle = Bundle {
    name: "trainer",
    base: "/trainer/",
    paths: Paths {
        segment: "trainer",
        officer: true,
        training: true,
    },
    marking: prevent_core::TRAINING_MARKING,
    schema: crate::officer_schema,
    forms: crate::officer_forms,
    pages: crate::pages::own_pages::trainer_pages,
    help: &crate::pages::pga_help::HELP,
    today: crate::services::training::simulated_today,
    finished: crate::services::training::finished,
    banner: crate::pages::training::banner,
};

#[cfg(test)]
mod tests {
    use super::*;

    /// `bundles.json`, the list the build and the servers read (issue 17, item 2).
    fn listed() -> Vec<serde_json::Value> {
        let list: serde_json::Value =
            serde_json::from_str(include_str!("../bundles.json")).expect("bundles.json is JSON");
        list["bundles"]
            .as_array()
            .expect("a list of bundles")
            .clone()
    }

    #[test]
    fn each_app_s_bundle_is_the_entry_of_bundles_json_with_its_name_and_base() {
        let listed = listed();
        let apps = [&PARTNERS, &OFFICERS, &TRAINER];
        assert_eq!(listed.len(), apps.len(), "one value per bundle of the list");
        for b in apps {
            let entry = listed
                .iter()
                .find(|e| e["name"] == b.name)
                .unwrap_or_else(|| panic!("{} is not in bundles.json", b.name));
            assert_eq!(entry["base"], b.base, "{}", b.name);
            // The officers' pages of an officers' app live under its own base.
            if b.paths.officer {
                assert_eq!(format!("/{}/", b.paths.segment), b.base, "{}", b.name);
            }
        }
    }

    #[test]
    fn sim_only_the_trainer_s_app_is_training_material_in_the_clear() {
        assert!(TRAINER.paths.training && TRAINER.marking == prevent_core::TRAINING_MARKING);
        for b in [&PARTNERS, &OFFICERS] {
            assert!(!b.paths.training, "{}", b.name);
            assert_eq!(b.marking, prevent_core::PROTECTIVE_MARKING, "{}", b.name);
        }
    }
}
