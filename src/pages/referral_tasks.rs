//! The task list of a draft (a referral or a Gateway Assessment): each section's status, and
//! the way back in. A Gateway Assessment also shows its live deadlines and factors found, and
//! keeps every section after the case details shut until FIMU de-confliction (PGA-1, s7).

use crate::components::*;
use crate::hooks::use_title;
use crate::nav;
use crate::route::{Form, Route};
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
    let settings = crate::hooks::use_settings();
    let form = session
        .draft
        .as_ref()
        .map(|d| Form::of(&d.form))
        .unwrap_or(Form::Referral);
    let schema = crate::schema(form);
    let heading = match form {
        Form::Referral => "Your Prevent referral",
        Form::Pga => "Prevent Gateway Assessment",
        Form::Plp => "Entry into Police-led Partnership",
        Form::PlpReview => "Reassessment of a PLP case",
        Form::PlpClosure => "Closure of a PLP case",
        Form::PlpPanel => "A PLP panel",
        Form::PlpSubmission => "A submission to the FIMU",
        Form::PlpTransfer => "Transfer to another force",
        Form::S36 => "The S.36 decision",
        Form::PcmClosure => "Closure of the case",
        Form::ClosedReview => "A closed case review",
    };
    use_title(format!("{heading} – Prevent Case Toolkit"), false);
    let ctx = clock::context();
    let Some(draft) = session.draft.as_ref() else {
        return html! {};
    };
    let id = props.id.to_string();
    if draft.is_locked() {
        return super::referral_page::finished_notice(form, &id, &navigator);
    }
    let report = validate(schema, &draft.answers, &ctx);
    let sections = flow::sections(schema, draft, &report, &ctx);
    let done = sections
        .iter()
        .filter(|s| s.status == SectionStatus::Completed)
        .count();
    let items: Vec<TaskListItem> = sections
        .iter()
        .map(|s| {
            let gated = super::pga_help::gated(draft, s.title);
            let status = if gated {
                SectionStatus::CannotStartYet
            } else {
                s.status
            };
            TaskListItem {
                title: s.title.to_string().into(),
                href: (status != SectionStatus::CannotStartYet).then(|| {
                    nav::href(&Route::FormPage {
                        form,
                        id: id.clone(),
                        page: s.page.to_string(),
                    })
                }),
                hint: None,
                status: match status {
                    SectionStatus::NotStarted => TaskStatus::NotStarted,
                    SectionStatus::InProgress => TaskStatus::InProgress,
                    SectionStatus::Completed => TaskStatus::Completed,
                    SectionStatus::CannotStartYet => TaskStatus::CannotStartYet,
                    SectionStatus::HasErrors => TaskStatus::Error("There is a problem".into()),
                },
            }
        })
        .collect();
    let risk = report
        .issues
        .iter()
        .any(|i| i.rule_id == prevent_core::RuleId::Ref3 && i.severity == Severity::Warning);
    let delete = nav::href(&Route::DeleteDraft {
        form,
        id: id.clone(),
    });
    let drafts = nav::href(&form.drafts());
    let saved = match &session.save {
        Save::Saved(at) => Some(clock::local_time(at)),
        _ => None,
    };
    html! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <span class="govuk-caption-l">{ draft.label() }</span>
                <h1 class="govuk-heading-l">{ heading }</h1>
                if risk {
                    { warning_text::view(WarningTextProps::new(html! { { "You said there is an immediate risk. Call 999 now if you have not already." } })) }
                }
                <p class="govuk-body">{ format!("You have completed {done} of {} sections.", sections.len()) }</p>
                if sections.iter().any(|s| super::pga_help::gated(draft, s.title)) {
                    { inset_text::view(InsetTextProps { children: html! { <span id="pga-gate">{ "Complete FIMU de-confliction first: the other sections open once it has both a date and a reference number, as no assessment can start before it (PGA-1, s7)." }</span> } }) }
                }
                { task_list::view(TaskListProps { id_prefix: form.noun().into(), onnavigate: Some(nav::on_navigate(&navigator)), ..TaskListProps::new(items) }) }
                <p class="govuk-body">{ "Your answers are saved in this browser as you type. You can leave and come back to this draft from " }
                    <a class="govuk-link" href={drafts.clone()} onclick={nav::on_click(&navigator, drafts)}>{ "your saved drafts" }</a>{ "." }
                    if let Some(at) = saved { { format!(" Last saved {at}.") } }
                </p>
                <p class="govuk-body"><a class="govuk-link pct-link-warning" href={delete.clone()} onclick={nav::on_click(&navigator, delete)}>{ "Delete this draft" }</a></p>
            </div>
            <div class="govuk-grid-column-one-third">{ super::pga_help::sidebar(draft, &settings.calendar) }</div>
        </div>
    }
}
