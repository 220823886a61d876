//! A PLP case after its entry is confirmed (issue 5): its band and why, its reassessments and the
//! way to start the next (PLP-5), its deadlines (PLP-5, INT-1), its timeline (picture and
//! table), the JSON download and the entry's answers. Panels and closure are the next slices.
//! Also the page that confirms a recorded reassessment.

use super::confirmation::answers_summary;
use crate::components::*;
use crate::hooks::use_title;
use crate::nav;
use crate::route::{Form, Route};
use crate::router::*;
use crate::services::{clock, download::download};
use crate::state::SessionHandle;
use prevent_core::{export, plp_form};
use yew::prelude::*;

/// Properties of [`PlpRecord`].
#[derive(Properties, PartialEq)]
pub struct PlpRecordProps {
    /// Draft id.
    pub id: AttrValue,
}

/// The PLP case page.
#[component]
pub fn PlpRecord(props: &PlpRecordProps) -> Html {
    let session = use_context::<SessionHandle>().expect("inside a draft");
    let navigator = use_navigator().expect("router");
    let settings = crate::app::use_settings();
    let problem = use_state(|| None::<String>);
    let schema = crate::plp();
    use_title(format!("PLP case – {}", schema.title), false);
    let Some(draft) = session.draft.clone() else {
        return html! {};
    };
    let Some(finished) = draft.finished.clone() else {
        let tasks = nav::href(&Route::FormTasks {
            form: Form::Plp,
            id: props.id.to_string(),
        });
        return html! {
            <>
                <h1 class="govuk-heading-l">{ "This entry into PLP is not confirmed yet" }</h1>
                <p class="govuk-body"><a class="govuk-link" href={tasks.clone()} onclick={nav::on_click(&navigator, tasks)}>{ "Carry on with the entry" }</a></p>
            </>
        };
    };
    let ctx = clock::context();
    let cal = settings.calendar.calendar();
    let today = clock::today();
    // The case's reassessments are drafts of their own, linked to it (plp_form::CASE_FIELD).
    let mut reviews = super::pga_help::reviews_of(&draft.id);
    reviews.sort_by_key(|r| prevent_core::pga_form::date_of(&r.answers, "plp.review_date"));
    let recorded: Vec<&prevent_core::Answers> = reviews
        .iter()
        .filter(|r| r.is_locked())
        .map(|r| &r.answers)
        .collect();
    let in_progress = reviews
        .iter()
        .find(|r| !r.is_locked())
        .map(|r| r.id.clone());
    let mut case =
        plp_form::case_with_reviews(schema, &draft.answers, crate::plp_review(), &recorded);
    // Its closure, once recorded (PLP-9, PLP-10), brings the PLP-11 reviews.
    let closures = super::pga_help::linked(&draft.id, plp_form::CLOSURE_FORM_ID);
    let closure_in_progress = closures
        .iter()
        .find(|c| !c.is_locked())
        .map(|c| c.id.clone());
    if let Some((Some(date), c)) = closures
        .iter()
        .find(|c| c.is_locked())
        .map(|c| plp_form::closure_of(&c.answers))
    {
        case.closure = Some((date, c));
    }
    let closed_on = case.closure.as_ref().map(|(d, _)| *d);
    let latest = recorded.last().copied().unwrap_or(&draft.answers);
    let suggestion = plp_form::suggestion(schema, latest);
    let band = case.reviews.last().map(|r| r.band);
    let deadlines = prevent_core::plp_case::deadlines(&case, &cal);
    let timeline = prevent_core::plp_case::timeline(&case, &cal, today);
    let history: Vec<SummaryRow> = case
        .reviews
        .iter()
        .enumerate()
        .map(|(i, r)| SummaryRow {
            key: AttrValue::from(prevent_core::date::long_date(r.date)),
            value: html! { { format!("{}: {}", if i == 0 { "Entry" } else { "Reassessment" }, r.band.label()) } },
            action: None,
        })
        .collect();
    let close_href = AttrValue::from(format!(
        "{}?case={}",
        nav::href(&Route::FormStart {
            form: Form::PlpClosure
        }),
        draft.id
    ));
    let review_href = AttrValue::from(format!(
        "{}?case={}",
        nav::href(&Route::FormStart {
            form: Form::PlpReview
        }),
        draft.id
    ));
    let next_step = match (&in_progress, closed_on, &closure_in_progress) {
        (_, Some(d), _) => html! {
            <p class="govuk-body" id="plp-closed">{ format!("The case was closed on {}. Its 6- and 12-month reviews are below (PLP-11).", prevent_core::date::long_date(d)) }</p>
        },
        (_, None, Some(cid)) => {
            let href = nav::href(&Route::FormTasks {
                form: Form::PlpClosure,
                id: cid.clone(),
            });
            html! { <p class="govuk-body"><a class="govuk-link" id="continue-closure" href={href.clone()} onclick={nav::on_click(&navigator, href)}>{ "Continue the closure in progress" }</a></p> }
        }
        (Some(rid), None, None) => {
            let href = nav::href(&Route::FormTasks {
                form: Form::PlpReview,
                id: rid.clone(),
            });
            html! { <p class="govuk-body"><a class="govuk-link" id="continue-review" href={href.clone()} onclick={nav::on_click(&navigator, href)}>{ "Continue the reassessment in progress" }</a></p> }
        }
        (None, None, None) => html! { { button::group(ButtonGroupProps { children: html! { <>
            { button::view(ButtonProps { href: Some(review_href.clone()), onclick: nav::on_click(&navigator, review_href), ..ButtonProps::new("Reassess the case") }) }
            { button::view(ButtonProps { href: Some(close_href.clone()), onclick: nav::on_click(&navigator, close_href), variant: ButtonVariant::Secondary, ..ButtonProps::new("Close the case") }) }
        </> } }) } },
    };
    let on_ics = {
        let deadlines = deadlines.clone();
        let reference = case.case_reference.clone();
        let problem = problem.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            let stamp = clock::now().replace(['-', ':'], "");
            let stamp = format!(
                "{}Z",
                stamp
                    .split('.')
                    .next()
                    .unwrap_or(&stamp)
                    .trim_end_matches('Z')
            );
            if let Err(why) = download(
                &prevent_core::ics::file_name(&reference),
                "text/calendar",
                &prevent_core::ics::to_ics(&reference, &deadlines, &stamp),
            ) {
                problem.set(Some(why));
            }
        })
    };
    let on_download = {
        let draft = draft.clone();
        let problem = problem.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            let text = export::to_json_string(schema, &draft, &clock::context());
            if let Err(why) = download(&export::file_name(&draft), "application/json", &text) {
                problem.set(Some(why));
            }
        })
    };
    let row = |key: &str, value: String| SummaryRow {
        key: AttrValue::from(key.to_string()),
        value: html! { { value } },
        action: None,
    };
    let triggers = suggestion
        .triggers
        .iter()
        .map(|t| format!("{} ({})", t.reason, t.rule_id))
        .collect::<Vec<_>>()
        .join("; ");
    let rows = vec![
        row("Case reference", case.case_reference.clone()),
        row(
            "Priority band",
            band.map_or("Not given", |b| b.label()).to_string(),
        ),
        row(
            "Suggested band",
            suggestion.band.map_or("None", |b| b.label()).to_string(),
        ),
        row(
            "Why",
            if triggers.is_empty() {
                "Nothing in the DIF".into()
            } else {
                triggers
            },
        ),
        row(
            "Entered PLP",
            case.reviews
                .first()
                .map(|r| prevent_core::date::long_date(r.date))
                .unwrap_or_default(),
        ),
    ];
    let home = nav::href(&Route::OfficerHome);
    html! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-full">
                { panel::view(PanelProps {
                    title: "Case entered PLP".into(),
                    children: html! {
                        <>{ "Reference" }<br /><strong id="reference">{ finished.reference.clone() }</strong></>
                    },
                }) }
                if let Some(p) = &*problem {
                    <NotificationBanner title={Some(AttrValue::from("Important"))} id="download-problem">
                        <p class="govuk-notification-banner__heading">{ p.clone() }</p>
                    </NotificationBanner>
                }
                <h2 class="govuk-heading-m">{ "The case" }</h2>
                <div id="plp-summary">{ summary_list::view(SummaryListProps { rows }) }</div>
                <h2 class="govuk-heading-m">{ "Reassessments" }</h2>
                <div id="plp-history">{ summary_list::view(SummaryListProps { rows: history }) }</div>
                { next_step }
                <h2 class="govuk-heading-m">{ "Deadlines" }</h2>
                { super::deadlines::panels(&deadlines, today, &cal) }
                <h2 class="govuk-heading-m">{ "Timeline" }</h2>
                { timeline::view(TimelineProps { id: "plp-timeline".into(), caption: format!("Case {} over time", case.case_reference).into(), timeline }) }
                { button::group(ButtonGroupProps { children: html! { <>
                    { button::view(ButtonProps { id: Some(AttrValue::from("download-json")), button_type: "button".into(), onclick: on_download, ..ButtonProps::new("Download the case (JSON)") }) }
                    { button::view(ButtonProps { id: Some(AttrValue::from("download-ics")), variant: ButtonVariant::Secondary, button_type: "button".into(), onclick: on_ics, ..ButtonProps::new("Download the deadlines (.ics)") }) }
                </> } }) }
                { inset_text::view(InsetTextProps { children: html! { { "PLP panels are not in this tool yet: record them in the PCM Tracker or CMIS." } } }) }
                <h2 class="govuk-heading-m">{ "The entry" }</h2>
                { answers_summary(schema, &draft, &ctx) }
                <p class="govuk-body"><a class="govuk-link" href={home.clone()} onclick={nav::on_click(&navigator, home)}>{ "Back to your assessments and cases" }</a></p>
            </div>
        </div>
    }
}

/// Properties of [`ReviewRecorded`].
#[derive(Properties, PartialEq)]
pub struct ReviewRecordedProps {
    /// The reassessment's draft id.
    pub id: AttrValue,
}

/// A recorded reassessment (its band) or closure, and the way back to its case.
#[component]
pub fn ReviewRecorded(props: &ReviewRecordedProps) -> Html {
    let session = use_context::<SessionHandle>().expect("inside a draft");
    let navigator = use_navigator().expect("router");
    let closure = session
        .draft
        .as_ref()
        .is_some_and(|d| d.form == plp_form::CLOSURE_FORM_ID);
    use_title(
        if closure {
            "Closure recorded"
        } else {
            "Reassessment recorded"
        }
        .into(),
        false,
    );
    let Some(draft) = session.draft.clone() else {
        return html! {};
    };
    let case_id = draft
        .answers
        .text(plp_form::CASE_FIELD)
        .unwrap_or_default()
        .to_string();
    let case = nav::href(&Route::FormDone {
        form: Form::Plp,
        id: case_id,
    });
    let band =
        plp_form::review_of(crate::plp_review(), &draft.answers).map_or("", |r| r.band.label());
    if !draft.is_locked() {
        let tasks = nav::href(&Route::FormTasks {
            form: Form::of(&draft.form),
            id: props.id.to_string(),
        });
        return html! {
            <>
                <h1 class="govuk-heading-l">{ "This reassessment is not recorded yet" }</h1>
                <p class="govuk-body"><a class="govuk-link" href={tasks.clone()} onclick={nav::on_click(&navigator, tasks)}>{ "Carry on with the reassessment" }</a></p>
            </>
        };
    }
    html! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                if closure {
                    { panel::view(PanelProps { title: "Case closed".into(), children: html! { { "Its 6- and 12-month reviews are on the case page" } } }) }
                } else {
                    { panel::view(PanelProps {
                        title: "Reassessment recorded".into(),
                        children: html! { <>{ "Band" }<br /><strong id="review-band">{ band }</strong></> },
                    }) }
                }
                <p class="govuk-body"><a class="govuk-link" href={case.clone()} onclick={nav::on_click(&navigator, case)}>{ "Back to the case, its deadlines and timeline" }</a></p>
            </div>
        </div>
    }
}
