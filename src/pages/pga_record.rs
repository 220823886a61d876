//! A finalised Prevent Gateway Assessment: its reference, the Gateway Decision summary for the
//! FIMU submission (what, why, escalating/de-escalating/static; PGA-11, INT-1), the JSON
//! download and print view, the case's deadlines, the S.36 decision that follows outside
//! Dovetail areas (PGA-15: a linked record, recorded or in progress, whose date meets its
//! deadline), the audit trail (who entered what and when) and every answer. Read-only: a final
//! PGA can never be altered (PGA-10, s8).

use super::record_page::answers_summary;
use crate::components::*;
use crate::hooks::use_title;
use crate::nav;
use crate::route::{Form, Route};
use crate::router::*;
use crate::services::clock;
use crate::state::SessionHandle;
use prevent_core::pga_form;
use yew::prelude::*;

/// Properties of [`PgaRecord`].
#[derive(Properties, PartialEq)]
pub struct PgaRecordProps {
    /// Draft id.
    pub id: AttrValue,
}

fn lines(text: &str) -> Html {
    text.lines()
        .map(|l| html! { <>{ l.to_string() }<br /></> })
        .collect()
}

/// The final PGA page.
#[component]
pub fn PgaRecord(props: &PgaRecordProps) -> Html {
    let session = use_context::<SessionHandle>().expect("inside a draft");
    let navigator = use_navigator().expect("router");
    let settings = crate::hooks::use_settings();
    let problem = use_state(|| None::<String>);
    let schema = crate::pga();
    use_title(format!("Assessment final – {}", schema.title), false);
    let Some(draft) = session.draft.clone() else {
        return html! {};
    };
    let Some(finished) = draft.finished.clone() else {
        let tasks = nav::href(&Route::FormTasks {
            form: Form::Pga,
            id: props.id.to_string(),
        });
        return html! {
            <>
                <h1 class="govuk-heading-l">{ "This assessment is not final yet" }</h1>
                <p class="govuk-body"><a class="govuk-link" href={tasks.clone()} onclick={nav::on_click(&navigator, tasks)}>{ "Carry on with the assessment" }</a></p>
            </>
        };
    };
    let ctx = clock::context();
    let summary = pga_form::decision_summary(schema, &draft.answers, &ctx);
    let on_download = super::record_page::on_download_json(schema, &draft, &problem);
    let on_print = super::record_page::on_print();
    let text_row = |key: &str, value: Option<String>| SummaryRow {
        key: AttrValue::from(key.to_string()),
        value: match value {
            Some(v) if !v.trim().is_empty() => lines(&v),
            _ => {
                html! { <span class="pct-not-given">{ "Not given" }</span> }
            }
        },
        action: None,
    };
    let factors: Option<String> = (!summary.factors.present.is_empty()).then(|| {
        summary
            .factors
            .present
            .iter()
            .map(|(s, l)| format!("{s}: {}", l.join("; ")))
            .collect::<Vec<_>>()
            .join("\n")
    });
    let fimu = summary.fimu_submission_required.map(|r| {
        if r {
            "Required: submit the Gateway Decision to the FIMU (PGA-11, s8)".to_string()
        } else {
            "Not needed: the case is closed after a RADO 6 grading (PGA-11, s8)".to_string()
        }
    });
    let rows = vec![
        text_row("Case reference", Some(summary.case_reference.clone())),
        text_row("Gateway Decision", summary.decision.map(str::to_string)),
        text_row("Rationale", Some(summary.rationale.clone())),
        text_row("Risk is", summary.direction.clone()),
        text_row("Factors found present", factors.or(Some("None".into()))),
        text_row("Supervised by", summary.supervised_by.clone()),
        text_row("FIMU submission", fimu),
        text_row(
            "DIF framework",
            draft
                .answers
                .text(pga_form::FRAMEWORK_FIELD)
                .map(str::to_string),
        ),
    ];
    let cal = settings.calendar.calendar();
    // PGA-15: the S.36 decision is a record of its own, linked to this one.
    let s36s = super::pga_help::linked(&draft.id, prevent_core::s36_form::FORM_ID);
    let s36 = s36s.iter().find(|d| d.is_locked());
    let s36_in_progress = s36s.iter().find(|d| !d.is_locked()).map(|d| d.id.clone());
    let s36_on = s36.and_then(|d| prevent_core::s36_form::decided_on(&d.answers));
    let mut deadlines = pga_form::record_deadlines(&draft.answers, Some(finished.on), s36_on, &cal);
    // REV-1 (s13): a case kept in PCM or referred to the LACC (and so to Channel) that never
    // entered PLP closes here, and is reviewed 6 and 12 months later.
    let outside_plp = matches!(
        draft.answers.text("decision.outcome"),
        Some("keep-in-pcm" | "refer-to-lacc")
    ) && s36.is_none_or(|d| d.answers.text("s36.outcome") != Some("plp"));
    let closed = super::pga_help::closed_case_of(&draft);
    if let Some(c) = &closed {
        deadlines.extend(c.deadlines(&cal));
    }
    let closure_section = match &closed {
        Some(c) => super::plp_record::closed_reviews(&navigator, &draft.id, c),
        None if outside_plp => {
            let in_progress =
                super::pga_help::linked(&draft.id, prevent_core::closed_case::CLOSURE_FORM_ID)
                    .into_iter()
                    .find(|d| !d.is_locked())
                    .map(|d| d.id);
            html! { <>
                <h2 class="govuk-heading-m">{ "When the case closes" }</h2>
                <p class="govuk-body">{ "Record the closure when the case leaves PCM, after Information Gathering or from the LACC or Channel: its 6- and 12-month reviews then become its deadlines (REV-1, s13)." }</p>
                { super::plp_record::step(&navigator, true, &draft.id, Form::PcmClosure, &in_progress, "pcm-closure", "Record the closure", "Continue the closure in progress") }
            </> }
        }
        None => Html::default(),
    };
    let s36_due = deadlines
        .iter()
        .any(|d| d.rule_id == prevent_core::RuleId::Pga15);
    let s36_section = match s36 {
        Some(d) => {
            let href = nav::href(&Route::FormDone {
                form: Form::S36,
                id: d.id.clone(),
            });
            html! {
                <>
                    <h2 class="govuk-heading-m">{ "S.36 decision" }</h2>
                    <p class="govuk-body" id="s36-summary">{ format!("{} on {}.", prevent_core::s36_form::outcome_label(&d.answers).unwrap_or_default(), s36_on.map(prevent_core::date::long_date).unwrap_or_default()) }</p>
                    <p class="govuk-body"><a class="govuk-link" href={href.clone()} onclick={nav::on_click(&navigator, href)}>{ "View the S.36 decision" }</a></p>
                </>
            }
        }
        None if s36_due => html! {
            <>
                <h2 class="govuk-heading-m">{ "Next: the S.36 decision" }</h2>
                <p class="govuk-body">{ "The case stays in PCM for Information Gathering. Record the S.36 decision when it is made and supervised: its date meets the deadline below (PGA-15, s10)." }</p>
                { super::plp_record::step(&navigator, true, &draft.id, Form::S36, &s36_in_progress, "s36", "Record the S.36 decision", "Continue the S.36 decision in progress") }
            </>
        },
        None => Html::default(),
    };
    let short = |field: &str| {
        schema
            .question(field)
            .map(|(_, q)| q.short.clone())
            .unwrap_or_else(|| field.to_string())
    };
    // Choices as their labels, as the officer saw them.
    let shown = |field: &str, value: &str| match schema.question(field) {
        Some((_, q)) if !q.kind.choices().is_empty() => value
            .split(", ")
            .map(|v| {
                q.kind
                    .choices()
                    .iter()
                    .find(|c| c.value == v)
                    .map_or(v, |c| c.label.as_str())
            })
            .collect::<Vec<_>>()
            .join("; "),
        _ => value.to_string(),
    };
    let audit: Html = draft
        .audit
        .iter()
        .map(|a| {
            html! {
                <tr class="govuk-table__row">
                    <td class="govuk-table__cell">{ clock::local_time(&a.at) }</td>
                    <td class="govuk-table__cell">{ a.by.clone() }</td>
                    <td class="govuk-table__cell">{ short(&a.field) }</td>
                    <td class="govuk-table__cell pct-audit-value">{ shown(&a.field, &a.value) }</td>
                </tr>
            }
        })
        .collect();
    let home = nav::href(&Route::OfficerHome);
    // PLP-7: a case sent straight to PLP starts its PLP case from here, with its DIF.
    let to_plp = (draft.answers.text("decision.outcome") == Some("straight-to-plp")).then(|| {
        AttrValue::from(format!(
            "{}?from={}",
            nav::href(&Route::FormStart { form: Form::Plp }),
            draft.id
        ))
    });
    html! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-full">
                { panel::view(PanelProps {
                    title: "Gateway Assessment final".into(),
                    children: html! {
                        <>{ "Reference" }<br /><strong id="reference">{ finished.reference.clone() }</strong></>
                    },
                }) }
                if let Some(p) = &*problem {
                    <NotificationBanner title={Some(AttrValue::from("Important"))} id="download-problem">
                        <p class="govuk-notification-banner__heading">{ p.clone() }</p>
                    </NotificationBanner>
                }
                { inset_text::view(InsetTextProps { children: html! { { format!("Finalised on {}. This record is read-only: the DIF and the Gateway Decision cannot be altered (PGA-10, s8).", prevent_core::date::long_date(finished.on)) } } }) }
                <h2 class="govuk-heading-m">{ "Gateway Decision summary for the FIMU" }</h2>
                <div id="gateway-summary">{ summary_list::view(SummaryListProps { rows }) }</div>
                { button::group(ButtonGroupProps { children: html! {
                    <>
                        { button::action("download-json", ButtonVariant::Primary, AttrValue::Static("Download the assessment (JSON)"), on_download) }
                        { button::view(ButtonProps { variant: ButtonVariant::Secondary, button_type: "button".into(), onclick: on_print, ..ButtonProps::new("Print the assessment") }) }
                    </>
                } }) }
                <p class="govuk-body">{ if crate::bundle::current().paths.training { format!("The download and the print are marked {}: training material, never a real case.", crate::marking()) } else { format!("The download and the print are marked {}. Enter or attach the record in the PCM Tracker or CMIS as your force requires.", crate::marking()) } }</p>
                if let Some(href) = to_plp {
                    <h2 class="govuk-heading-m">{ "Next: Police-led Partnership" }</h2>
                    <p class="govuk-body">{ "The Gateway Decision sends this case straight to PLP. Its case reference and DIF are carried into the PLP case." }</p>
                    { button::view(ButtonProps { href: Some(href.clone()), onclick: nav::on_click(&navigator, href), ..ButtonProps::new("Start the PLP case") }) }
                }
                { s36_section }
                { closure_section }
                if !deadlines.is_empty() {
                    <h2 class="govuk-heading-m">{ "Deadlines" }</h2>
                    { super::deadlines::panels(&deadlines, clock::today(), &cal) }
                    { button::view(ButtonProps { id: Some(AttrValue::from("download-ics")), variant: ButtonVariant::Secondary, button_type: "button".into(), onclick: super::plp_record::on_ics(summary.case_reference.clone(), deadlines.clone(), &problem), ..ButtonProps::new("Download the deadlines (.ics)") }) }
                }
                <h2 class="govuk-heading-m" id="audit-title">{ "Audit trail" }</h2>
                <div class="pct-table-scroll" role="region" aria-labelledby="audit-title" tabindex="0">
                <table class="govuk-table" aria-labelledby="audit-title" id="audit-trail">
                    <thead class="govuk-table__head">
                        <tr class="govuk-table__row">
                            <th scope="col" class="govuk-table__header">{ "When" }</th>
                            <th scope="col" class="govuk-table__header">{ "Who" }</th>
                            <th scope="col" class="govuk-table__header">{ "What" }</th>
                            <th scope="col" class="govuk-table__header">{ "Entered" }</th>
                        </tr>
                    </thead>
                    <tbody class="govuk-table__body">{ audit }</tbody>
                </table>
                </div>
                <h2 class="govuk-heading-m">{ "The assessment" }</h2>
                { answers_summary(schema, &draft, &ctx) }
                <p class="govuk-body"><a class="govuk-link" href={home.clone()} onclick={nav::on_click(&navigator, home)}>{ "Back to your assessments" }</a></p>
            </div>
        </div>
    }
}
