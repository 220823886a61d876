//! GOV.UK hint: secondary text under a label or legend, referenced by `aria-describedby`.

use yew::prelude::*;

/// Properties of [`Hint`].
#[derive(Properties, PartialEq, Clone)]
pub struct HintProps {
    /// The hint's id, conventionally `<field id>-hint`; the field names it in `aria-describedby`.
    pub id: AttrValue,
    /// Extra classes (for example `govuk-radios__hint`).
    #[prop_or_default]
    pub class: Classes,
    /// The hint text.
    #[prop_or_default]
    pub children: Html,
}

/// A `div.govuk-hint` with the given id.
#[component]
pub fn Hint(props: &HintProps) -> Html {
    html! {
        <div id={props.id.clone()} class={classes!("govuk-hint", props.class.clone())}>
            { props.children.clone() }
        </div>
    }
}
