//! GOV.UK summary list (a `<dl>` of key, value and an optional "Change" link, as on a check
//! your answers page) and the summary card that titles one.
//!
//! Plain functions rather than `#[component]`s (no state; see docs/size.md, "What costs
//! bytes").

use yew::prelude::*;

use super::util::navigate_on_click;

/// The action link of a [`SummaryRow`], usually "Change".
#[derive(PartialEq, Clone, Debug)]
pub struct SummaryAction {
    /// Where the link goes (the question's page).
    pub href: AttrValue,
    /// The visible text, for example "Change".
    pub text: AttrValue,
    /// Visually hidden words that finish the link text for screen readers, for example
    /// "your name" ("Change your name").
    pub visually_hidden_text: AttrValue,
    /// When set, a plain click is prevented and passed here so the app navigates itself.
    pub onclick: Option<Callback<MouseEvent>>,
}

/// One row of a summary list ([`view`]).
#[derive(PartialEq, Clone, Debug)]
pub struct SummaryRow {
    /// The question or label.
    pub key: AttrValue,
    /// The answer.
    pub value: Html,
    /// An optional action link.
    pub action: Option<SummaryAction>,
}

/// Properties of a summary list ([`view`]).
#[derive(PartialEq, Clone, Default)]
pub struct SummaryListProps {
    /// The rows, in order.
    pub rows: Vec<SummaryRow>,
}

/// A `dl.govuk-summary-list`.
pub fn view(props: SummaryListProps) -> Html {
    let any_actions = props.rows.iter().any(|r| r.action.is_some());
    let rows = props.rows.iter().map(|row| {
        let no_actions = any_actions && row.action.is_none();
        html! {
            <div class={classes!(
                "govuk-summary-list__row",
                no_actions.then_some("govuk-summary-list__row--no-actions"),
            )}>
                <dt class="govuk-summary-list__key">{ row.key.clone() }</dt>
                <dd class="govuk-summary-list__value">{ row.value.clone() }</dd>
                if let Some(action) = row.action.clone() {
                    <dd class="govuk-summary-list__actions">
                        <a class="govuk-link" href={action.href.clone()}
                           onclick={navigate_on_click(&action.onclick)}>
                            { action.text.clone() }
                            <span class="govuk-visually-hidden">{ " " }{ action.visually_hidden_text.clone() }</span>
                        </a>
                    </dd>
                }
            </div>
        }
    });
    html! { <dl class="govuk-summary-list">{ for rows }</dl> }
}

/// Properties of a summary card ([`card`]).
#[derive(PartialEq, Clone, Default)]
pub struct SummaryCardProps {
    /// The card's title (an `<h2>`).
    pub title: AttrValue,
    /// Usually a summary list ([`view`]).
    pub children: Html,
}

/// A `div.govuk-summary-card`: a titled box around a summary list.
pub fn card(props: SummaryCardProps) -> Html {
    html! {
        <div class="govuk-summary-card">
            <div class="govuk-summary-card__title-wrapper">
                <h2 class="govuk-summary-card__title">{ props.title }</h2>
            </div>
            <div class="govuk-summary-card__content">{ props.children }</div>
        </div>
    }
}
