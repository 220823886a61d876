//! GOV.UK tag: a short status label ("In progress", "Overdue") in a coloured box.
//!
//! A plain function rather than a `#[component]` (no state; see docs/size.md, "What costs
//! bytes").

use yew::prelude::*;

/// The colour of a tag ([`view`]); every pair of text and background passes WCAG AA.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum TagColour {
    /// Dark blue on light blue (GOV.UK's default tag).
    #[default]
    Default,
    /// Grey.
    Grey,
    /// Green.
    Green,
    /// Turquoise.
    Turquoise,
    /// Blue.
    Blue,
    /// Light blue.
    LightBlue,
    /// Purple.
    Purple,
    /// Pink.
    Pink,
    /// Red.
    Red,
    /// Orange.
    Orange,
    /// Yellow.
    Yellow,
}

impl TagColour {
    /// The modifier class, `None` for the default.
    pub fn class(self) -> Option<&'static str> {
        Some(match self {
            TagColour::Default => return None,
            TagColour::Grey => "govuk-tag--grey",
            TagColour::Green => "govuk-tag--green",
            TagColour::Turquoise => "govuk-tag--turquoise",
            TagColour::Blue => "govuk-tag--blue",
            TagColour::LightBlue => "govuk-tag--light-blue",
            TagColour::Purple => "govuk-tag--purple",
            TagColour::Pink => "govuk-tag--pink",
            TagColour::Red => "govuk-tag--red",
            TagColour::Orange => "govuk-tag--orange",
            TagColour::Yellow => "govuk-tag--yellow",
        })
    }
}

/// Properties of a tag ([`view`]).
#[derive(PartialEq, Clone, Default)]
pub struct TagProps {
    /// The tag text.
    pub text: AttrValue,
    /// The colour.
    pub colour: TagColour,
}

/// A `strong.govuk-tag`.
pub fn view(props: TagProps) -> Html {
    html! {
        <strong class={classes!("govuk-tag", props.colour.class())}>{ props.text }</strong>
    }
}
