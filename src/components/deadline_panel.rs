//! Deadline panel: one policy deadline, its due date, working days left or overdue, its rule id
//! and policy section. The status line is a polite live region, so a screen reader hears it
//! when it changes (a date typed, a holiday added).
//!
//! A plain function rather than a `#[component]` (no state; see docs/size.md, "What costs
//! bytes").

use yew::prelude::*;

/// Where the deadline stands, which sets the tag colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeadlineState {
    /// Not yet due.
    Upcoming,
    /// Due today.
    DueToday,
    /// Past due.
    Overdue,
    /// Done.
    Done,
}

/// Properties of a deadline panel ([`view`]).
#[derive(PartialEq, Clone)]
pub struct DeadlinePanelProps {
    /// Element id (unique on the page).
    pub id: AttrValue,
    /// What is due.
    pub title: AttrValue,
    /// The rule ("PGA-2"), cited with its policy section ("s8") from the catalogue.
    pub rule_id: prevent_core::RuleId,
    /// Status.
    pub state: DeadlineState,
    /// Where it stands in words ("Due 31 December 2026: 4 working days left").
    pub summary: AttrValue,
    /// The rule and what started the clock.
    pub detail: AttrValue,
}

/// The summary without the words its tag already says: the tag "Overdue" and the summary
/// "Overdue: was due …" read "Overdue was due …", never "Overdue Overdue: …" (issue 21,
/// item 7).
pub fn after_tag<'a>(tag: &str, summary: &'a str) -> &'a str {
    summary
        .strip_prefix(tag)
        .map_or(summary, |rest| rest.trim_start_matches([':', ',', ' ']))
}

/// A deadline, GOV.UK summary-card style.
pub fn view(props: DeadlinePanelProps) -> Html {
    let (tag, class) = match props.state {
        DeadlineState::Upcoming => ("Upcoming", "govuk-tag govuk-tag--blue"),
        DeadlineState::DueToday => ("Due today", "govuk-tag govuk-tag--orange"),
        DeadlineState::Overdue => ("Overdue", "govuk-tag govuk-tag--red"),
        DeadlineState::Done => ("Done", "govuk-tag govuk-tag--green"),
    };
    let title_id = format!("{}-title", props.id);
    html! {
        <section class={classes!("pct-deadline", (props.state == DeadlineState::Overdue).then_some("pct-deadline--overdue"))} id={props.id} aria-labelledby={title_id.clone()}>
            <h3 class="govuk-heading-s pct-deadline__title" id={title_id}>
                { props.title }
                <span class="pct-deadline__rule">{ format!(" {}, CTP-Prevent Policy {}", props.rule_id, props.rule_id.section()) }</span>
            </h3>
            <p class="govuk-body pct-deadline__status" role="status" aria-live="polite">
                <strong class={class}>{ tag }</strong>{ " " }{ after_tag(tag, &props.summary) }
            </p>
            <p class="govuk-body-s pct-deadline__detail">{ props.detail }</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::after_tag;

    #[test]
    fn pga_2_a_panel_says_overdue_once() {
        for (tag, summary, shown) in [
            (
                "Overdue",
                "Overdue: was due 31 December 2026, 1 working day ago",
                "was due 31 December 2026, 1 working day ago",
            ),
            ("Due today", "Due today, 2 February 2027", "2 February 2027"),
            (
                "Done",
                "Done late: on 4 January 2027, was due 31 December 2026",
                "late: on 4 January 2027, was due 31 December 2026",
            ),
            (
                "Done",
                "Met: was due 31 December 2026",
                "Met: was due 31 December 2026",
            ),
            (
                "Upcoming",
                "Due 31 December 2026: 4 working days left",
                "Due 31 December 2026: 4 working days left",
            ),
        ] {
            assert_eq!(after_tag(tag, summary), shown, "{tag} {summary}");
        }
    }
}
