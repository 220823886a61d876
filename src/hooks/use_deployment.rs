//! The deployment settings (`services::deployment`, issue 20): a page that shows the team's
//! contact draws again when the file has been read.

use crate::services::deployment::{self, Loaded};
use yew::prelude::*;

/// The settings (or why there are none), or `None` while the file loads or until `wanted`.
#[hook]
pub fn use_deployment(wanted: bool) -> Option<Loaded> {
    let update = use_force_update();
    let now = deployment::get();
    use_effect_with(wanted && now.is_none(), move |waiting| {
        if *waiting {
            deployment::load(Box::new(move || update.force_update()));
        }
    });
    now
}
