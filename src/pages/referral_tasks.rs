//! The task list of a referral draft: each section's status, and the way back in.

use crate::components::*;
use crate::hooks::use_title;
use crate::nav;
use crate::route::Route;
use crate::router::*;
use crate::services::clock;
use crate::state::{Save, SessionHandle};
use prevent_core::flow::{self, SectionStatus};
use prevent_core::validate::validate;
use prevent_core::Severity;
use yew::prelude::*;

/// Properties of [`ReferralTasks`].
#[derive(Properties, PartialEq)]
pub struct ReferralTasksProps {
    /// Draft id.
    pub id: AttrValue,
}

/// The referral task list.
#[component]
pub fn ReferralTasks(props: &ReferralTasksProps) -> Html {
    let session = use_context::<SessionHandle>().expect("inside a draft");
    let navigator = use_navigator().expect("router");
    let schema = crate::nrf();
    use_title(format!("Your referral – {}", schema.title), false);
    let ctx = clock::context();
    let Some(draft) = session.draft.as_ref() else {
        return html! {};
    };
    let id = props.id.to_string();
    if draft.is_locked() {
        let done = nav::href(&Route::ReferralDone { id });
        return html! {
            <>
                <h1 class="govuk-heading-l">{ "This referral is finished" }</h1>
                <p class="govuk-body"><a class="govuk-link" href={done.clone()} onclick={nav::on_click(&navigator, done)}>{ "View your reference and download the referral" }</a></p>
            </>
        };
    }
    let report = validate(schema, &draft.answers, &ctx);
    let sections = flow::sections(schema, draft, &report, &ctx);
    let done = sections
        .iter()
        .filter(|s| s.status == SectionStatus::Completed)
        .count();
    let items: Vec<TaskListItem> = sections
        .iter()
        .map(|s| TaskListItem {
            title: s.title.to_string().into(),
            href: (s.status != SectionStatus::CannotStartYet).then(|| {
                nav::href(&Route::ReferralPage {
                    id: id.clone(),
                    page: s.page.to_string(),
                })
            }),
            hint: None,
            status: match s.status {
                SectionStatus::NotStarted => TaskStatus::NotStarted,
                SectionStatus::InProgress => TaskStatus::InProgress,
                SectionStatus::Completed => TaskStatus::Completed,
                SectionStatus::CannotStartYet => TaskStatus::CannotStartYet,
                SectionStatus::HasErrors => TaskStatus::Error("There is a problem".into()),
            },
        })
        .collect();
    let risk = report
        .issues
        .iter()
        .any(|i| i.rule_id == "REF-3" && i.severity == Severity::Warning);
    let delete = nav::href(&Route::DeleteDraft { id: id.clone() });
    let saved = match &session.save {
        Save::Saved(at) => Some(clock::local_time(at)),
        _ => None,
    };
    html! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <span class="govuk-caption-l">{ draft.label() }</span>
                <h1 class="govuk-heading-l">{ "Your Prevent referral" }</h1>
                if risk {
                    { warning_text::view(WarningTextProps::new(html! { { "You said there is an immediate risk. Call 999 now if you have not already." } })) }
                }
                <p class="govuk-body">{ format!("You have completed {done} of {} sections.", sections.len()) }</p>
                { task_list::view(TaskListProps { id_prefix: "referral".into(), onnavigate: Some(nav::on_navigate(&navigator)), ..TaskListProps::new(items) }) }
                <p class="govuk-body">{ "Your answers are saved in this browser as you type. You can leave and come back to this draft from " }
                    <a class="govuk-link" href="/drafts" onclick={nav::on_click(&navigator, "/drafts".into())}>{ "your saved drafts" }</a>{ "." }
                    if let Some(at) = saved { { format!(" Last saved {at}.") } }
                </p>
                <p class="govuk-body"><a class="govuk-link pct-link-warning" href={delete.clone()} onclick={nav::on_click(&navigator, delete)}>{ "Delete this draft" }</a></p>
            </div>
        </div>
    }
}
