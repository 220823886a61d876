//! A PLP case after its entry is confirmed (issue 5): its band and why, its reassessments and the
//! way to start the next (PLP-5), its panels with the DIF each discusses (PLP-8, PLP-5), its
//! submissions to the FIMU (INT-1), its deadlines (PLP-5, INT-1, PLP-11 once closed), its
//! timeline (picture and table), the JSON and .ics downloads, the print view and the entry's
//! answers. Also the page that confirms a recorded reassessment, panel, submission or closure.

use super::record_page::answers_summary;
use crate::components::*;
use crate::hooks::use_title;
use crate::nav;
use crate::route::{Form, Route};
use crate::router::*;
use crate::services::{clock, download::download};
use crate::state::SessionHandle;
use prevent_core::plp_form;
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
    let settings = crate::hooks::use_settings();
    let problem = use_state(|| None::<String>);
    let schema = crate::plp();
    // One page type for the case and for its recorded reassessments, closure and panels (each
    // component type costs download; see docs/size.md).
    let kind = session
        .draft
        .as_ref()
        .map_or("", |d| d.form.as_str())
        .to_string();
    use_title(
        match kind.as_str() {
            plp_form::CLOSURE_FORM_ID => "Case closed".to_string(),
            plp_form::PANEL_FORM_ID => "Panel recorded".to_string(),
            plp_form::SUBMISSION_FORM_ID => "Submission recorded".to_string(),
            plp_form::TRANSFER_FORM_ID => "Transfer recorded".to_string(),
            plp_form::REVIEW_FORM_ID => "Reassessment recorded".to_string(),
            prevent_core::s36_form::FORM_ID => "S.36 decision recorded".to_string(),
            prevent_core::closed_case::CLOSURE_FORM_ID => "Case closed".to_string(),
            prevent_core::closed_case::REVIEW_FORM_ID => "Review recorded".to_string(),
            _ => format!("PLP case – {}", schema.title),
        },
        false,
    );
    let Some(draft) = session.draft.clone() else {
        return html! {};
    };
    if kind != plp_form::FORM_ID {
        return recorded(&props.id, &draft, &navigator);
    }
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
    // The case's reassessments, panels and closure are drafts of their own, linked to it.
    let super::pga_help::PlpHistory {
        case,
        latest,
        review_in_progress: in_progress,
        closure_in_progress,
        panel_in_progress,
        submissions,
        submission_in_progress,
        escalations,
        transfer: _,
        transfer_in_progress,
    } = super::pga_help::plp_history(&draft);
    let closed_on = case.closure.as_ref().map(|(d, _)| *d);
    let transferred = case.transfer.out.clone();
    // Each panel names the DIF it discusses: the latest since the panel before it (PLP-5).
    let panel_rows: Vec<SummaryRow> = case
        .panels
        .iter()
        .map(|p| {
            let dif = match prevent_core::plp_case::review_for_panel(&case, p.date) {
                Some(r) => format!("DIF of {}", prevent_core::date::long_date(r.date)),
                None => "No new DIF since the panel before it (PLP-5)".to_string(),
            };
            let actions = p.actions.trim();
            SummaryRow {
                key: AttrValue::from(prevent_core::date::long_date(p.date)),
                value: html! { { if actions.is_empty() { format!("PLP panel. {dif}") } else { format!("PLP panel. {dif}. Actions: {actions}") } } },
                action: None,
            }
        })
        .collect();
    let open = closed_on.is_none() && transferred.is_none();
    let panel_step = step(
        &navigator,
        open,
        &draft.id,
        Form::PlpPanel,
        &panel_in_progress,
        "panel",
        "Record a panel",
        "Continue the panel record in progress",
    );
    let submission_rows: Vec<SummaryRow> = submissions
        .into_iter()
        .map(|(day, what)| SummaryRow {
            key: AttrValue::from(prevent_core::date::long_date(day)),
            value: html! { { what } },
            action: None,
        })
        .collect();
    let submission_step = step(
        &navigator,
        open,
        &draft.id,
        Form::PlpSubmission,
        &submission_in_progress,
        "submission",
        "Record a submission to the FIMU",
        "Continue the submission record in progress",
    );
    // INT-2 (s9) and PLP-14 (s12): a significant change prompts a submission to the FIMU, and
    // escalating intelligence a new DIF, until each is recorded.
    let prompt = |id: &'static str, message: String, form: Form, label: &'static str| {
        let href = AttrValue::from(format!(
            "{}?case={}",
            nav::href(&Route::FormStart { form }),
            draft.id
        ));
        warning_text::view(WarningTextProps::new(html! { <>
            { message }{ " " }
            <a class="govuk-link" {id} href={href.clone()} onclick={nav::on_click(&navigator, href)}>{ label }</a>
        </> }))
    };
    let prompts: Html = if open {
        // One submission on or after the latest change answers every earlier one too.
        prevent_core::plp_case::fimu_prompts(&case)
            .pop()
            .into_iter()
            .map(|p| {
                prompt(
                    "prompt-fimu",
                    p.message,
                    Form::PlpSubmission,
                    "Record the submission to the FIMU",
                )
            })
            .chain(
                prevent_core::plp_case::new_dif_prompt(&case, &escalations)
                    .filter(|_| in_progress.is_none())
                    .map(|p| {
                        prompt(
                            "prompt-dif",
                            p.message,
                            Form::PlpReview,
                            "Reassess the case",
                        )
                    }),
            )
            .collect()
    } else {
        Html::default()
    };
    let suggestion = plp_form::suggestion(schema, &latest);
    let band = case.reviews.last().map(|r| r.band);
    // REV-1 (s13): a closed case's reviews, met as they are recorded.
    let closed = closed_on.and_then(|_| super::pga_help::closed_case_of(&draft));
    let deadlines = match &closed {
        Some(c) => c.deadlines(&cal),
        None => prevent_core::plp_case::deadlines(&case, &cal),
    };
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
    let transfer_href = AttrValue::from(format!(
        "{}?case={}",
        nav::href(&Route::FormStart {
            form: Form::PlpTransfer
        }),
        draft.id
    ));
    let next_step = match (&in_progress, closed_on, &closure_in_progress) {
        // TRF-1 (s13): transferred, the case has ended here; its package goes to the receiving
        // force, which takes it on as a new case of its own.
        _ if transferred.is_some() => {
            let (day, to) = transferred.clone().unwrap_or_default();
            let on_package = on_package(&draft, &case.case_reference, &problem);
            let take_on = match taken_on(&case.case_reference, &draft.id) {
                Some(id) => {
                    let href = nav::href(&Route::FormDone {
                        form: Form::Plp,
                        id,
                    });
                    html! { <p class="govuk-body"><a class="govuk-link" id="taken-on" href={href.clone()} onclick={nav::on_click(&navigator, href)}>{ "Go to the case as this force took it on" }</a></p> }
                }
                None => {
                    let href = AttrValue::from(format!(
                        "{}?transfer={}",
                        nav::href(&Route::FormStart { form: Form::Plp }),
                        draft.id
                    ));
                    html! { <>
                        <p class="govuk-body">{ format!("If this is {to}, the receiving force: take the case on as a new case of this force, with a new DIF, CMP and panel (TRF-1, s13).") }</p>
                        { button::view(ButtonProps { id: Some(AttrValue::from("take-on")), href: Some(href.clone()), onclick: nav::on_click(&navigator, href), variant: ButtonVariant::Secondary, ..ButtonProps::new("Take on the case in this force") }) }
                    </> }
                }
            };
            html! { <>
                <p class="govuk-body" id="plp-transferred">{ format!("Transferred to {to} on {}. The case has ended in this force: the receiving force manages it and its reviews (TRF-1, s13).", prevent_core::date::long_date(day)) }</p>
                { button::action("download-package", ButtonVariant::Primary, AttrValue::Static("Download the transfer package"), on_package) }
                { take_on }
            </> }
        }
        (_, None, _) if transfer_in_progress.is_some() => {
            let href = nav::href(&Route::FormTasks {
                form: Form::PlpTransfer,
                id: transfer_in_progress.clone().unwrap_or_default(),
            });
            html! { <p class="govuk-body"><a class="govuk-link" id="continue-transfer" href={href.clone()} onclick={nav::on_click(&navigator, href)}>{ "Continue the transfer in progress" }</a></p> }
        }
        (_, Some(d), _) => html! { <>
            <p class="govuk-body" id="plp-closed">{ format!("The case was closed on {}. Its 6- and 12-month reviews are below (PLP-11).", prevent_core::date::long_date(d)) }</p>
            if let Some(c) = &closed {
                { closed_reviews(&navigator, &draft.id, c) }
            }
        </> },
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
            { button::view(ButtonProps { id: Some(AttrValue::from("transfer")), href: Some(transfer_href.clone()), onclick: nav::on_click(&navigator, transfer_href), variant: ButtonVariant::Secondary, ..ButtonProps::new("Transfer to another force") }) }
        </> } }) } },
    };
    let on_ics = on_ics(case.case_reference.clone(), deadlines.clone(), &problem);
    let on_download = super::record_page::on_download_json(schema, &draft, &problem);
    let on_print = super::record_page::on_print();
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
    let mut rows = vec![
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
    if let Some(received) = case.transfer.received {
        rows.push(row(
            "Transferred from",
            format!(
                "{}, received on {}",
                case.transfer.from,
                prevent_core::date::long_date(received)
            ),
        ));
    }
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
                <div id="plp-prompts">{ prompts }</div>
                <h2 class="govuk-heading-m">{ "The case" }</h2>
                <div id="plp-summary">{ summary_list::view(SummaryListProps { rows }) }</div>
                <h2 class="govuk-heading-m">{ "Reassessments" }</h2>
                <div id="plp-history">{ summary_list::view(SummaryListProps { rows: history }) }</div>
                <div id="plp-missed">{ for prevent_core::plp_case::missed_review_messages(&case).into_iter().map(|m| warning_text::view(WarningTextProps::new(html! { { m } }))) }</div>
                { next_step }
                <h2 class="govuk-heading-m">{ "Panels" }</h2>
                if panel_rows.is_empty() {
                    <p class="govuk-body" id="plp-no-panels">{ "No panel recorded." }</p>
                } else {
                    <div id="plp-panels">{ summary_list::view(SummaryListProps { rows: panel_rows }) }</div>
                }
                // PLP-13 (s12): the DIF, CMP update and sign-off all come before the panel.
                <div id="plp-panel-checks">{ for prevent_core::plp_case::panel_preconditions(&case).iter().map(|i| warning_text::view(WarningTextProps::new(html! { { i.cited() } }))) }</div>
                { panel_step }
                <h2 class="govuk-heading-m">{ "Submissions to the FIMU" }</h2>
                if submission_rows.is_empty() {
                    <p class="govuk-body" id="plp-no-submissions">{ "No submission recorded: the 3-monthly summary counts from entry (INT-1)." }</p>
                } else {
                    <div id="plp-submissions">{ summary_list::view(SummaryListProps { rows: submission_rows }) }</div>
                }
                { submission_step }
                <h2 class="govuk-heading-m">{ "Deadlines" }</h2>
                if deadlines.is_empty() {
                    <p class="govuk-body" id="plp-no-deadlines">{ "None in this force." }</p>
                }
                { super::deadlines::panels(&deadlines, today, &cal) }
                <h2 class="govuk-heading-m">{ "Timeline" }</h2>
                { timeline::view(TimelineProps { id: "plp-timeline".into(), caption: format!("Case {} over time", case.case_reference).into(), timeline }) }
                { button::group(ButtonGroupProps { children: html! { <>
                    { button::action("download-json", ButtonVariant::Primary, AttrValue::Static("Download the case (JSON)"), on_download) }
                    { button::view(ButtonProps { id: Some(AttrValue::from("download-ics")), variant: ButtonVariant::Secondary, button_type: "button".into(), onclick: on_ics, ..ButtonProps::new("Download the deadlines (.ics)") }) }
                    { button::view(ButtonProps { variant: ButtonVariant::Secondary, button_type: "button".into(), onclick: on_print, ..ButtonProps::new("Print the case") }) }
                </> } }) }
                <h2 class="govuk-heading-m">{ "The entry" }</h2>
                { answers_summary(schema, &draft, &ctx) }
                <p class="govuk-body"><a class="govuk-link" href={home.clone()} onclick={nav::on_click(&navigator, home)}>{ "Back to your assessments and cases" }</a></p>
            </div>
        </div>
    }
}

/// The way to record a panel or a submission on an open case, or to carry on with the one in
/// progress (`id`s `record-<what>` and `continue-<what>`).
#[allow(clippy::too_many_arguments)]
pub(super) fn step(
    navigator: &Navigator,
    open: bool,
    case_id: &str,
    form: Form,
    in_progress: &Option<String>,
    what: &str,
    record: &'static str,
    carry_on: &'static str,
) -> Html {
    if !open {
        return Html::default();
    }
    let (id, href, label) = match in_progress {
        Some(pid) => (
            format!("continue-{what}"),
            nav::href(&Route::FormTasks {
                form,
                id: pid.clone(),
            }),
            carry_on,
        ),
        None => (
            format!("record-{what}"),
            AttrValue::from(format!(
                "{}?case={case_id}",
                nav::href(&Route::FormStart { form })
            )),
            record,
        ),
    };
    html! { <p class="govuk-body"><a class="govuk-link" {id} href={href.clone()} onclick={nav::on_click(navigator, href)}>{ label }</a></p> }
}

/// A recorded reassessment (its band), closure, panel or submission, and the way back to its
/// case.
fn recorded(id: &str, draft: &prevent_core::Draft, navigator: &Navigator) -> Html {
    let kind = draft.form.as_str();
    let closure =
        kind == plp_form::CLOSURE_FORM_ID || kind == prevent_core::closed_case::CLOSURE_FORM_ID;
    let title = match kind {
        plp_form::CLOSURE_FORM_ID | prevent_core::closed_case::CLOSURE_FORM_ID => "Case closed",
        prevent_core::closed_case::REVIEW_FORM_ID => "Review recorded",
        plp_form::PANEL_FORM_ID => "Panel recorded",
        plp_form::SUBMISSION_FORM_ID => "Submission recorded",
        plp_form::TRANSFER_FORM_ID => "Transfer recorded",
        prevent_core::s36_form::FORM_ID => "S.36 decision recorded",
        _ => "Reassessment recorded",
    };
    // An S.36 decision belongs to its Gateway Assessment (PGA-15), the rest to a PLP case.
    let s36 = kind == prevent_core::s36_form::FORM_ID;
    let case_id = draft
        .answers
        .text(plp_form::CASE_FIELD)
        .unwrap_or_default()
        .to_string();
    // The case it belongs to: a PLP case, or a Gateway Assessment (S.36 decision, closure
    // outside PLP, or a review of such a closure).
    let of_pga =
        super::pga_help::load(&case_id).is_some_and(|d| d.form == prevent_core::pga_form::FORM_ID);
    let case = nav::href(&Route::FormDone {
        form: if of_pga { Form::Pga } else { Form::Plp },
        id: case_id,
    });
    let band =
        plp_form::review_of(crate::plp_review(), &draft.answers).map_or("", |r| r.band.label());
    if !draft.is_locked() {
        let tasks = nav::href(&Route::FormTasks {
            form: Form::of(&draft.form),
            id: id.to_string(),
        });
        return html! {
            <>
                <h1 class="govuk-heading-l">{ "This is not recorded yet" }</h1>
                <p class="govuk-body"><a class="govuk-link" href={tasks.clone()} onclick={nav::on_click(navigator, tasks)}>{ "Carry on" }</a></p>
            </>
        };
    }
    html! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                if closure {
                    { panel::view(PanelProps { title: title.into(), children: html! { { "Its 6- and 12-month reviews are on the case page" } } }) }
                } else if let Some(r) = prevent_core::closed_case::review_of(&draft.answers).filter(|_| kind == prevent_core::closed_case::REVIEW_FORM_ID) {
                    { panel::view(PanelProps { title: title.into(), children: html! { <span id="review-outcome">{ match r.outcome { prevent_core::closed_case::Outcome::RemainClosed => "The case remains closed", prevent_core::closed_case::Outcome::Reopen => "The case is reopened" } }</span> } }) }
                } else if s36 {
                    { panel::view(PanelProps {
                        title: title.into(),
                        children: html! { <span id="s36-recorded">{ format!("{}, {}", prevent_core::s36_form::outcome_label(&draft.answers).unwrap_or_default(), prevent_core::s36_form::decided_on(&draft.answers).map(prevent_core::date::long_date).unwrap_or_default()) }</span> },
                    }) }
                } else if kind == plp_form::TRANSFER_FORM_ID {
                    { panel::view(PanelProps { title: title.into(), children: html! { { "The case has ended in this force: download its transfer package from the case page" } } }) }
                } else if kind == plp_form::PANEL_FORM_ID || kind == plp_form::SUBMISSION_FORM_ID {
                    { panel::view(PanelProps { title: title.into(), children: html! { { "It is on the case's timeline" } } }) }
                } else {
                    { panel::view(PanelProps {
                        title: "Reassessment recorded".into(),
                        children: html! { <>{ "Band" }<br /><strong id="review-band">{ band }</strong></> },
                    }) }
                }
                <p class="govuk-body"><a class="govuk-link" href={case.clone()} onclick={nav::on_click(navigator, case)}>{ if of_pga { "Back to the assessment and its deadlines" } else { "Back to the case, its deadlines and timeline" } }</a></p>
            </div>
        </div>
    }
}

/// A closed case's reviews (REV-1, s13), on its PLP case page or its Gateway Assessment's
/// page: when and why it closed, each recorded review and its outcome, and the way to record
/// the next (or carry on with the one in progress); a reopening says so and ends the reviews.
pub(super) fn closed_reviews(
    navigator: &Navigator,
    case_id: &str,
    closed: &super::pga_help::ClosedCase,
) -> Html {
    use prevent_core::closed_case::{Outcome, Which};
    let long = prevent_core::date::long_date;
    let name = |w: Which| match w {
        Which::SixMonths => "6-month review",
        Which::TwelveMonths => "12-month review",
    };
    let rows: Vec<SummaryRow> = closed
        .reviews
        .iter()
        .map(|(id, r)| {
            let href = nav::href(&Route::FormDone {
                form: Form::ClosedReview,
                id: id.clone(),
            });
            SummaryRow {
                key: AttrValue::from(format!("{}, {}", name(r.which), long(r.date))),
                value: html! { { match r.outcome { Outcome::RemainClosed => "The case remains closed", Outcome::Reopen => "The case was reopened" } } },
                action: Some(SummaryAction {
                    href: href.clone(),
                    text: "View".into(),
                    visually_hidden_text: AttrValue::from(format!("the {}", name(r.which))),
                    onclick: Some(nav::on_click(navigator, href)),
                }),
            }
        })
        .collect();
    let reopened = closed
        .reviews
        .iter()
        .find(|(_, r)| r.outcome == Outcome::Reopen);
    let reviews: Vec<_> = closed.reviews.iter().map(|(_, r)| *r).collect();
    let next = prevent_core::closed_case::next_review(&reviews);
    let record = match (reopened, next) {
        (Some((_, r)), _) => {
            let href = nav::href(&Route::FormStart { form: Form::Plp });
            warning_text::view(WarningTextProps::new(html! { <span id="closed-reopened">
                { format!("The {} of {} reopened the case: no further review is due. Take the concern back into PCM: ", name(r.which), long(r.date)) }
                <a class="govuk-link" href={href.clone()} onclick={nav::on_click(navigator, href)}>{ "start a PLP case" }</a>
                { ", or a Gateway Assessment of a new referral." }
            </span> }))
        }
        (None, Some(w)) => step(
            navigator,
            true,
            case_id,
            Form::ClosedReview,
            &closed.in_progress,
            "closed-review",
            match w {
                Which::SixMonths => "Record the 6-month review",
                Which::TwelveMonths => "Record the 12-month review",
            },
            "Continue the review in progress",
        ),
        (None, None) => {
            html! { <p class="govuk-body" id="closed-reviews-done">{ "Both reviews are recorded." }</p> }
        }
    };
    html! {
        <>
            <h2 class="govuk-heading-m">{ "Closed case reviews" }</h2>
            <p class="govuk-body" id="closed-summary">{ format!("Closed on {}: {}. The case is reviewed 6 and 12 months after closure, each within five working days of its date, with a new {} ({}, s13).", long(closed.closed), closed.code, if closed.vaf { "VAF" } else { "DIF" }, closed.rule) }</p>
            if !rows.is_empty() {
                <div id="closed-reviews">{ summary_list::view(SummaryListProps { rows }) }</div>
            }
            { record }
        </>
    }
}

/// Downloads a case's deadlines as an .ics file (its reference the only case detail in it), or
/// says why it could not.
pub(super) fn on_ics(
    reference: String,
    deadlines: Vec<prevent_core::deadline::Deadline>,
    problem: &UseStateHandle<Option<String>>,
) -> Callback<MouseEvent> {
    let problem = problem.clone();
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        let stamp = clock::ics_stamp();
        if let Err(why) = download(
            &prevent_core::ics::file_name(&reference),
            "text/calendar",
            &prevent_core::ics::to_ics(&reference, &deadlines, &stamp, crate::marking()),
        ) {
            problem.set(Some(why));
        }
    })
}

/// Downloads the transfer package of case `entry` (TRF-1, s13): the case and every record
/// recorded on it, one file marked as a transfer package (docs/decisions/0019-transfers.md).
fn on_package(
    entry: &prevent_core::Draft,
    reference: &str,
    problem: &UseStateHandle<Option<String>>,
) -> Callback<MouseEvent> {
    let entry = entry.clone();
    let problem = problem.clone();
    let mut name = plp_form::package_file_name(reference);
    if crate::marking() == prevent_core::TRAINING_MARKING {
        name = format!("TRAINING-{name}");
    }
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        let mut records = vec![entry.clone()];
        records.extend(
            super::pga_help::case_records(&entry)
                .into_iter()
                .filter(|d| d.is_locked()),
        );
        let pairs: Vec<(&prevent_core::FormSchema, &prevent_core::Draft)> = records
            .iter()
            .map(|d| (crate::schema(Form::of(&d.form)), d))
            .collect();
        let text = prevent_core::export::package_to_json_string(&pairs, &clock::context());
        if let Err(why) = download(&name, "application/json", &text) {
            problem.set(Some(why));
        }
    })
}

/// The case this force took on from transferred case `except` (TRF-1): a PLP entry of the same
/// reference whose route is "Transferred from another force".
fn taken_on(reference: &str, except: &str) -> Option<String> {
    let listing = crate::services::store().list_now().ok()?;
    listing
        .drafts
        .iter()
        .filter(|d| d.kind == plp_form::FORM_ID && d.id != except)
        .filter_map(|d| super::pga_help::load(&d.id))
        .find(|d| {
            d.answers.text("plp.route") == Some(plp_form::TRANSFERRED)
                && d.answers.text("case.reference").map(str::trim) == Some(reference)
        })
        .map(|d| d.id)
}
