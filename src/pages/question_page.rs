//! A page of questions. Errors appear when Continue is pressed (error summary, inline
//! messages, "Error: " in the title, focus on the summary), then update live as the user
//! edits (GOV.UK validation pattern). No HTML5 validation.

use super::question::{self, target_id, PageData, QuestionBlock, QuestionProps};
use crate::components::*;
use crate::hooks::use_title;
use crate::nav;
use crate::route::{Form, Route};
use crate::router::*;
use crate::services::clock;
use crate::state::{Action, SessionHandle};
use prevent_core::flow;
use prevent_core::form::Page;
use prevent_core::validate::validate_page;
use prevent_core::PageKind;
use yew::prelude::*;

/// Properties of [`QuestionPage`].
#[derive(Properties)]
pub struct QuestionPageProps {
    /// Draft id.
    pub id: AttrValue,
    /// The page.
    pub page: &'static Page,
}

impl PartialEq for QuestionPageProps {
    fn eq(&self, other: &Self) -> bool {
        // Pages live in the form's static schema: the same page is the same address.
        self.id == other.id && std::ptr::eq(self.page, other.page)
    }
}

/// A question page of the referral.
#[component]
pub fn QuestionPage(props: &QuestionPageProps) -> Html {
    let session = use_context::<SessionHandle>().expect("inside a draft");
    let save_now = use_context::<crate::hooks::SaveNow>().expect("inside a draft");
    let navigator = use_navigator().expect("router");
    let location = use_location();
    let settings = crate::hooks::use_settings();
    let form = session
        .draft
        .as_ref()
        .map(|d| Form::of(&d.form))
        .unwrap_or(Form::Referral);
    let schema = crate::schema(form);
    let page = props.page;
    let ctx = clock::context();
    // Borrowed from the session: a render copies no draft (issue 22, item 2).
    let draft: std::borrow::Cow<prevent_core::Draft> = match session.draft.as_ref() {
        Some(d) => std::borrow::Cow::Borrowed(d),
        None => std::borrow::Cow::Owned(prevent_core::Draft::new(schema, "", "")),
    };
    // The page's report and the side panel, made again only when the answers, the day or the
    // settings change (not when a save completes); the report of this page's fields only
    // (issue 9).
    let memo = use_memo(
        (
            page.id.clone(),
            draft.form.clone(),
            draft.answers.clone(),
            ctx,
            settings,
        ),
        |(page_id, form, answers, ctx, settings)| {
            (
                validate_page(schema, answers, ctx, page_id),
                super::pga_help::sidebar_of(form, answers, &settings.calendar),
            )
        },
    );
    let (report, sidebar) = &*memo;
    // REF-1 (s7): "I want advice first" is a real route, shown as guidance with the team's
    // contact (deployment settings, issue 20), not as an error; the rule still stops the form.
    // Only the partners' app has the referral: a constant for the others (decision 0012), so
    // their builds leave this out. The settings were asked for when the app started (its
    // banner), and the page draws again on every answer.
    let advice = !crate::bundle::current().paths.officer
        && page.id == "referral-or-advice"
        && draft.answers.text("referral.intent") == Some("advice");
    let deployment = if advice {
        crate::services::deployment::get()
    } else {
        None
    };
    let advice_report;
    let report = if advice {
        let mut r = report.clone();
        r.issues.retain(|i| i.rule_id != prevent_core::RuleId::Ref1);
        advice_report = r;
        &advice_report
    } else {
        report
    };
    let show_errors = session.shown_errors.contains(&page.id);
    let errors: Vec<ErrorSummaryItem> = if show_errors {
        report
            .errors()
            .map(|i| ErrorSummaryItem {
                text: crate::bundle::message(i).into(),
                target_id: target_id(&i.path, i.part.as_deref()).into(),
            })
            .collect()
    } else {
        vec![]
    };
    use_title(
        format!("{} – {}", page.title, schema.title),
        !errors.is_empty(),
    );

    // A change link from check your answers names the field to focus (`?field=`): the shell
    // focuses it on arrival (services/focus.rs).
    let return_to_check = nav::query_value(&location, "return").as_deref() == Some("check");

    let is_declaration = page.id == "declaration";
    let on_continue = {
        let session = session.clone();
        let save_now = save_now.clone();
        let navigator = navigator.clone();
        let id = props.id.to_string();
        let page_id = page.id.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let ctx = clock::context();
            // The draft as of the last change, not the last render: under load the answer just
            // typed may not be drawn yet, and Continue must judge what the reducer will judge.
            let Some(mut next) = session.draft.clone() else {
                return;
            };
            let page_ok = !next.continue_from(schema, &page_id, &ctx).has_errors();
            if is_declaration {
                // PGA-10: never a second PGA for a case (the banner says why).
                if super::pga_help::duplicate_case(&next).is_some() {
                    return;
                }
                let finished = page_ok && next.finish(schema, &ctx, &clock::now()).is_ok();
                session.dispatch(Action::Finish {
                    page: page_id.clone(),
                    ctx,
                    at: clock::now(),
                });
                // The final record is stored before its confirmation shows (SEC-4, PGA-10 s8):
                // never a confirmation over a save still queued. If storage refuses it, the
                // page stays, with the "Not saved" banner saying why.
                if finished && save_now.flush().is_ok() {
                    // In the trainer's app a trainee's Gateway Decision is final: the
                    // scenario's story moves on now, before the next page is drawn (issue 7).
                    (crate::bundle::current().finished)(form, &id);
                    navigator.push(&Route::FormDone {
                        form,
                        id: id.clone(),
                    });
                }
                return;
            }
            session.dispatch(Action::Continue {
                page: page_id.clone(),
                ctx,
            });
            if !page_ok {
                return;
            }
            let following = flow::next_page(schema, &next.answers, &ctx, &page_id);
            let target = match following {
                Some(p)
                    if return_to_check
                        && (next.completed_pages.contains(&p.id)
                            || p.kind == PageKind::CheckAnswers) =>
                {
                    "check-answers".to_string()
                }
                Some(p) => p.id.clone(),
                None => "check-answers".to_string(),
            };
            navigator.push(&Route::FormPage {
                form,
                id: id.clone(),
                page: target,
            });
        })
    };

    let back = match flow::previous_page(schema, &draft.answers, &ctx, &page.id) {
        Some(p) => nav::href(&Route::FormPage {
            form,
            id: props.id.to_string(),
            page: p.id.clone(),
        }),
        None => nav::href(&Route::FormTasks {
            form,
            id: props.id.to_string(),
        }),
    };
    let tasks = nav::href(&Route::FormTasks {
        form,
        id: props.id.to_string(),
    });
    let reveals = question::reveals(page);
    let top: Vec<&'static prevent_core::Question> = page
        .questions
        .iter()
        .filter(|q| !reveals.iter().any(|(c, _)| std::ptr::eq(*c, *q)))
        .collect();
    let single = top.len() == 1 && top[0].label == page.title;
    let dispatch = session.dispatcher();
    let unavailable =
        |question: &str, value: &str| super::pga_help::unavailable(&draft, question, value);
    let data = PageData {
        page,
        reveals: &reveals,
        answers: &draft.answers,
        report,
        show_errors,
        unavailable: &unavailable,
        dispatch: &dispatch,
    };
    // One component per question, keyed by its id: a keystroke re-renders the question typed
    // in and those whose issues changed (issue 9).
    let visible_top: Html = top
        .iter()
        .filter(|q| schema.question_visible(&q.id, &draft.answers, &ctx))
        .map(|q| {
            let props = QuestionProps::new(q, single, &data);
            html! { <QuestionBlock key={q.id.clone()} ..props /> }
        })
        .collect();

    if draft.is_locked() {
        return super::referral_page::finished_notice(form, &props.id, &navigator);
    }
    // PGA-10: checked on the case page and at finalising (it reads the other records).
    let duplicate = (page.id == "case" || is_declaration)
        .then(|| super::pga_help::duplicate_case(&draft))
        .flatten();
    if super::pga_help::gated(&draft, &page.section) {
        let deconfliction = nav::href(&Route::FormPage {
            form,
            id: props.id.to_string(),
            page: "deconfliction".into(),
        });
        return html! {
            <>
                { back_link::view(BackLinkProps::new(tasks.clone(), Some(nav::on_click(&navigator, tasks)))) }
                { caption(schema, &draft.answers, &ctx, page) }
                <h1 class="govuk-heading-l">{ &page.title }</h1>
                { inset_text::view(InsetTextProps { children: html! { { "You cannot start this yet. No assessment can start until the FIMU has de-conflicted the referral with both a date and a reference number (PGA-1, s7)." } } }) }
                <p class="govuk-body"><a class="govuk-link" href={deconfliction.clone()} onclick={nav::on_click(&navigator, deconfliction)}>{ "Record FIMU de-confliction" }</a></p>
            </>
        };
    }
    html! {
        <>
            { back_link::view(BackLinkProps::new(back.clone(), Some(nav::on_click(&navigator, back)))) }
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    if !errors.is_empty() {
                        <ErrorSummary items={errors} focus_trigger={session.attempts} />
                    }
                    if let Some(problem) = duplicate {
                        <NotificationBanner title={Some(AttrValue::from("Important"))} id="duplicate-case">
                            <p class="govuk-notification-banner__heading">{ problem }</p>
                            <p class="govuk-body">{ "Check the case reference, or carry on with the existing assessment from your list of Gateway Assessments." }</p>
                        </NotificationBanner>
                    }
                    { caption(schema, &draft.answers, &ctx, page) }
                    if !single {
                        <h1 class="govuk-heading-l">{ &page.title }</h1>
                    }
                    if let Some(lead) = &page.lead {
                        <p class="govuk-body">{ lead }</p>
                    }
                    <form novalidate=true autocomplete="off" onsubmit={on_continue}>
                        { visible_top }
                        if advice {
                            { super::send::advice(deployment.as_ref()) }
                        } else {
                        { button::group(ButtonGroupProps { children: html! {
                            <>
                                { button::view(ButtonProps::new(if !is_declaration { "Continue" } else if form == Form::Pga { "Finalise the assessment" } else if form == Form::Plp { "Confirm the entry into PLP" } else if form == Form::PlpReview { "Confirm the reassessment" } else if form == Form::PlpClosure { "Confirm the closure" } else if form == Form::PlpPanel { "Confirm the panel" } else if form == Form::PlpSubmission { "Confirm the submission" } else if form == Form::PlpTransfer { "Confirm the transfer" } else if form == Form::S36 { "Confirm the S.36 decision" } else if form == Form::PcmClosure { "Confirm the closure" } else if form == Form::ClosedReview { "Confirm the review" } else { "Confirm and finish referral" })) }
                                <a class="govuk-link" href={tasks.clone()} onclick={nav::on_click(&navigator, tasks)}>{ "Save and come back later" }</a>
                            </>
                        } }) }
                        }
                    </form>
                    <p class="govuk-body-s pct-save-note">{ "Your answers are saved in this browser as you type." }</p>
                </div>
                <div class="govuk-grid-column-one-third">{ sidebar.clone() }</div>
            </div>
        </>
    }
}

/// The caption above a form page's heading: the form, and where the page is in the form's
/// linear flow, its section numbered as the task list lists them (issue 21, item 9;
/// docs/decisions/0026): "Prevent referral, section 2 of 5: About you".
pub fn caption(
    schema: &prevent_core::FormSchema,
    answers: &prevent_core::Answers,
    ctx: &prevent_core::form::Context,
    page: &Page,
) -> Html {
    let text = match flow::section_of(schema, answers, ctx, &page.id) {
        Some((n, of)) => format!("{}, section {n} of {of}: {}", schema.title, page.section),
        None => schema.title.clone(),
    };
    html! { <span class="govuk-caption-l" id="flow-position">{ text }</span> }
}
