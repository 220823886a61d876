//! GOV.UK task list: the sections of a long form with the status of each. A task that can be
//! started is a link covering its whole row, described by its hint and status.
//!
//! A plain function rather than a `#[component]` (no state; see docs/size.md, "What costs
//! bytes").

use yew::prelude::*;

use super::tag::{self, TagColour, TagProps};
use super::util::{describedby, navigate_to_href};

/// The status of a task.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TaskStatus {
    /// "Not yet started", a blue tag.
    NotStarted,
    /// "In progress", a light blue tag.
    InProgress,
    /// "Completed", plain text.
    Completed,
    /// "Cannot start yet", grey text; the task is not a link.
    CannotStartYet,
    /// A problem, shown as a red tag with this text (for example "There is a problem").
    Error(AttrValue),
}

impl TaskStatus {
    /// The status text.
    pub fn text(&self) -> AttrValue {
        match self {
            TaskStatus::NotStarted => AttrValue::Static("Not yet started"),
            TaskStatus::InProgress => AttrValue::Static("In progress"),
            TaskStatus::Completed => AttrValue::Static("Completed"),
            TaskStatus::CannotStartYet => AttrValue::Static("Cannot start yet"),
            TaskStatus::Error(text) => text.clone(),
        }
    }

    fn view(&self) -> Html {
        let tag = |colour| {
            tag::view(TagProps {
                text: self.text(),
                colour,
            })
        };
        match self {
            TaskStatus::NotStarted => tag(TagColour::Blue),
            TaskStatus::InProgress => tag(TagColour::LightBlue),
            TaskStatus::Error(_) => tag(TagColour::Red),
            TaskStatus::Completed | TaskStatus::CannotStartYet => html! { { self.text() } },
        }
    }
}

/// One task of a task list ([`view`]).
#[derive(Clone, Debug, PartialEq)]
pub struct TaskListItem {
    /// The task's name.
    pub title: AttrValue,
    /// Where the task starts; `None` when it cannot be started yet (not a link).
    pub href: Option<AttrValue>,
    /// A hint under the name.
    pub hint: Option<AttrValue>,
    /// The status.
    pub status: TaskStatus,
}

/// Properties of a task list ([`view`]).
#[derive(PartialEq, Clone)]
pub struct TaskListProps {
    /// The tasks, in order.
    pub items: Vec<TaskListItem>,
    /// Prefix of the hint and status ids: `<prefix>-<n>-hint`, `<prefix>-<n>-status` (n from 1).
    pub id_prefix: AttrValue,
    /// When set, a plain click on a task is prevented and its `href` passed here so the app
    /// navigates itself; a click that opens a new tab is left to the browser.
    pub onnavigate: Option<Callback<AttrValue>>,
}

impl TaskListProps {
    /// A task list with the default id prefix (`"task-list"`) that the browser navigates.
    pub fn new(items: Vec<TaskListItem>) -> Self {
        Self {
            items,
            id_prefix: AttrValue::Static("task-list"),
            onnavigate: None,
        }
    }
}

/// A `ul.govuk-task-list`.
pub fn view(props: TaskListProps) -> Html {
    let items = props.items.iter().enumerate().map(|(index, item)| {
        let n = index + 1;
        let hint_id = item
            .hint
            .as_ref()
            .map(|_| format!("{}-{n}-hint", props.id_prefix));
        let status_id = format!("{}-{n}-status", props.id_prefix);
        let link = item
            .href
            .clone()
            .filter(|_| item.status != TaskStatus::CannotStartYet);
        let title = match link.clone() {
            Some(href) => {
                let onclick = navigate_to_href(&props.onnavigate, &href);
                html! {
                    <a class="govuk-link govuk-task-list__link" href={href}
                       aria-describedby={describedby([hint_id.clone(), Some(status_id.clone())])}
                       {onclick}>
                        { item.title.clone() }
                    </a>
                }
            }
            None => html! { <div>{ item.title.clone() }</div> },
        };
        html! {
            <li class={classes!(
                "govuk-task-list__item",
                link.is_some().then_some("govuk-task-list__item--with-link"),
            )}>
                <div class="govuk-task-list__name-and-hint">
                    { title }
                    if let (Some(id), Some(hint)) = (hint_id.clone(), item.hint.clone()) {
                        <div id={id} class="govuk-task-list__hint">{ hint }</div>
                    }
                </div>
                <div id={status_id.clone()} class={classes!(
                    "govuk-task-list__status",
                    (item.status == TaskStatus::CannotStartYet)
                        .then_some("govuk-task-list__status--cannot-start-yet"),
                )}>
                    { item.status.view() }
                </div>
            </li>
        }
    });
    html! { <ul class="govuk-task-list">{ for items }</ul> }
}
