//! The protective marking banner (OFFICIAL-SENSITIVE): the first thing on every page, and on
//! paper too. The stylesheet repeats "OFFICIAL-SENSITIVE" in the top and bottom margin of every
//! printed page (`@page`), and "TRAINING — FICTIONAL" as well while a training marking is shown.
//!
//! A plain function rather than a `#[component]` (no state; see docs/size.md, "What costs
//! bytes").

use yew::prelude::*;

/// The marking of every record the app handles.
pub const DEFAULT_MARKING: &str = "OFFICIAL-SENSITIVE";

/// The label of training material, which must never be taken for a real case.
pub const TRAINING_LABEL: &str = "TRAINING — FICTIONAL";

/// Properties of the protective marking banner ([`view`]).
#[derive(PartialEq, Clone)]
pub struct ProtectiveMarkingProps {
    /// The marking (default "OFFICIAL-SENSITIVE").
    pub marking: AttrValue,
    /// Training material: also shows "TRAINING — FICTIONAL".
    pub training: bool,
}

impl Default for ProtectiveMarkingProps {
    fn default() -> Self {
        Self {
            marking: AttrValue::Static(DEFAULT_MARKING),
            training: false,
        }
    }
}

/// A full-width `div.pct-marking`, a landmark (`role="region"`, named "Protective marking") so
/// that nothing on the page sits outside one (axe's `region`; issue 21, item 7); place it
/// before the skip link's target and the header, at the very top of the page.
pub fn view(props: ProtectiveMarkingProps) -> Html {
    html! {
        <div
            class={classes!("pct-marking", props.training.then_some("pct-marking--training"))}
            role="region"
            aria-label="Protective marking"
        >
            <div class="govuk-width-container pct-marking__inner">
                <strong class="pct-marking__text">{ props.marking }</strong>
                if props.training {
                    // A space, so that a screen reader does not run the two together.
                    { " " }
                    <strong class="pct-marking__training">{ TRAINING_LABEL }</strong>
                }
            </div>
        </div>
    }
}
