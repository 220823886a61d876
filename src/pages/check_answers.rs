//! Check your answers: every shown answer by page, each with a change link that goes to its
//! question and comes back here. The referral cannot go on to the declaration while any
//! answer has an error (REF-2); the errors are listed with links to fix them.

use crate::components::*;
use crate::hooks::use_title;
use crate::nav;
use crate::route::{Form, Route};
use crate::router::*;
use crate::services::clock;
use crate::state::SessionHandle;
use prevent_core::flow;
use prevent_core::validate::validate;
use prevent_core::Severity;
use yew::prelude::*;

/// Properties of [`CheckAnswers`].
#[derive(Properties, PartialEq)]
pub struct CheckAnswersProps {
    /// Draft id.
    pub id: AttrValue,
}

/// The check-your-answers page.
#[component]
pub fn CheckAnswers(props: &CheckAnswersProps) -> Html {
    let session = use_context::<SessionHandle>().expect("inside a draft");
    let navigator = use_navigator().expect("router");
    let form = session
        .draft
        .as_ref()
        .map(|d| Form::of(&d.form))
        .unwrap_or(Form::Referral);
    let schema = crate::schema(form);
    let ctx = clock::context();
    let shown_errors = use_state(|| false);
    // Counts Continues with errors: after each render that follows one, the error summary
    // takes focus (it does not exist until then).
    let attempts = use_state(|| 0u32);
    use_effect_with(*attempts, |n| {
        if *n > 0 {
            if let Some(el) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("check-errors"))
            {
                if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                    let _ = el.focus();
                }
            }
        }
    });
    let Some(draft) = session.draft.as_ref() else {
        return html! {};
    };
    let report = validate(schema, &draft.answers, &ctx);
    // The declaration comes after this page, so its (unticked) box is not an error here.
    let errors: Vec<_> = report
        .errors()
        .filter(|i| !i.path.starts_with("declaration."))
        .collect();
    use_title(
        format!("Check your answers – {}", schema.title),
        *shown_errors && !errors.is_empty(),
    );
    let id = props.id.to_string();
    let change_href = |page: &str, q: &str| {
        AttrValue::from(format!(
            "{}?return=check&field={}",
            nav::href(&Route::FormPage {
                form,
                id: id.clone(),
                page: page.into()
            }),
            q
        ))
    };
    let sections: Html = flow::summary_by_section(schema, &draft.answers, &ctx, &report)
        .into_iter()
        .map(|(section, rows)| {
            let rows: Vec<SummaryRow> = rows
                .into_iter()
                .map(|(page, r)| {
                    let href = change_href(&page.id, &r.question);
                    let error = report.error_for(&r.question);
                    let value = match (&r.value, error) {
                        (_, Some(i)) if *shown_errors => html! { <p class="govuk-error-message"><span class="govuk-visually-hidden">{ "Error: " }</span>{ crate::bundle::message(i) }</p> },
                        (Some(v), _) => v.lines().map(|l| html! { <>{ l.to_string() }<br /></> }).collect::<Html>(),
                        (None, _) => html! { <span class="pct-not-given">{ "Not given" }</span> },
                    };
                    SummaryRow {
                        key: r.key.clone().into(),
                        value,
                        action: Some(SummaryAction {
                            href: href.clone(),
                            text: "Change".into(),
                            visually_hidden_text: r.key.to_ascii_lowercase().into(),
                            onclick: Some(nav::on_click(&navigator, href)),
                        }),
                    }
                })
                .collect();
            html! {
                <>
                    <h2 class="govuk-heading-m">{ section }</h2>
                    { summary_list::view(SummaryListProps { rows }) }
                </>
            }
        })
        .collect();
    let risk = report
        .issues
        .iter()
        .find(|i| i.rule_id == prevent_core::RuleId::Ref3 && i.severity == Severity::Warning)
        .map(|i| i.message.clone());
    let error_links: Html = errors
        .iter()
        .map(|i| {
            let page = schema.pages[schema.position(&i.path).0].id.clone();
            let href = AttrValue::from(format!("{}?return=check&field={}", nav::href(&Route::FormPage { form, id: id.clone(), page }), i.path));
            html! { <li><a href={href.clone()} onclick={nav::on_click(&navigator, href)}>{ crate::bundle::message(i) }</a></li> }
        })
        .collect();
    let on_continue = {
        let navigator = navigator.clone();
        let shown_errors = shown_errors.clone();
        let attempts = attempts.clone();
        let has_errors = !errors.is_empty();
        let id = id.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if has_errors {
                shown_errors.set(true);
                attempts.set(*attempts + 1);
            } else {
                navigator.push(&Route::FormPage {
                    form,
                    id: id.clone(),
                    page: "declaration".into(),
                });
            }
        })
    };
    let back = nav::href(&Route::FormTasks {
        form,
        id: id.clone(),
    });
    if draft.is_locked() {
        return super::referral_page::finished_notice(form, &props.id, &navigator);
    }
    html! {
        <>
            { back_link::view(BackLinkProps::new(back.clone(), Some(nav::on_click(&navigator, back)))) }
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    if *shown_errors && !errors.is_empty() {
                        <div class="govuk-error-summary" id="check-errors" tabindex="-1" role="alert" aria-labelledby="check-errors-title">
                            <h2 class="govuk-error-summary__title" id="check-errors-title">{ "You need to fix some answers before you can finish" }</h2>
                            <div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list">{ error_links }</ul></div>
                        </div>
                    }
                    if let Some(page) = schema.pages.iter().find(|p| p.kind == prevent_core::PageKind::CheckAnswers) {
                        { super::question_page::caption(schema, &draft.answers, &ctx, page) }
                    }
                    <h1 class="govuk-heading-l">{ format!("Check your answers before finishing your {}", form.noun()) }</h1>
                    if let Some(msg) = risk {
                        { warning_text::view(WarningTextProps::new(html! { { format!("You said there is an immediate risk. {msg}") } })) }
                    }
                    // Every other warning stays in sight before finishing (issue 18).
                    { super::record_page::warnings_list(&report, "check-warnings", |i| i.rule_id != prevent_core::RuleId::Ref3) }
                    { sections }
                    <form novalidate=true autocomplete="off" onsubmit={on_continue}>
                        { button::group(ButtonGroupProps { children: button::view(ButtonProps::new("Continue")) }) }
                    </form>
                </div>
            </div>
        </>
    }
}
