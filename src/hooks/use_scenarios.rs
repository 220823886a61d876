//! The trainer's shipped scenarios, fetched once the app starts (`services::training::load`;
//! they are not in the WebAssembly): a page that lists or finds them draws again when they
//! arrive.

use crate::services::training::{self, Shipped};
use std::rc::Rc;
use yew::prelude::*;

/// The shipped scenarios, or `None` while they load: the component draws again once they are
/// here (or once it is known which could not be read).
#[hook]
pub fn use_shipped() -> Option<Rc<Shipped>> {
    let update = use_force_update();
    let now = training::shipped();
    use_effect_with(now.is_none(), move |waiting| {
        if *waiting {
            training::load(move || update.force_update());
        }
    });
    now
}
