//! What the page of every finished record shares (the referral's confirmation, a Gateway
//! Assessment's and a PLP record's): the answers as check-your-answers lists, the JSON download
//! and print.

use crate::components::*;
use crate::services::{clock, download::download};
use prevent_core::export;
use yew::prelude::*;

/// Every shown answer, by section, without change links (a finished record is read-only).
pub fn answers_summary(
    schema: &prevent_core::FormSchema,
    draft: &prevent_core::Draft,
    ctx: &prevent_core::form::Context,
) -> Html {
    let report = prevent_core::validate::validate(schema, &draft.answers, ctx);
    let warnings = warnings_list(&report, "record-warnings", |_| true);
    let sections: Html = prevent_core::flow::summary_by_section(schema, &draft.answers, ctx, &report)
        .into_iter()
        .map(|(section, rows)| {
            let rows: Vec<SummaryRow> = rows
                .into_iter()
                .map(|(_, r)| SummaryRow {
                    key: r.key.into(),
                    value: match r.value {
                        Some(v) => v
                            .lines()
                            .map(|l| html! { <>{ l.to_string() }<br /></> })
                            .collect::<Html>(),
                        None => html! { <span class="pct-not-given">{ "Not given" }</span> },
                    },
                    action: None,
                })
                .collect();
            html! { <><h3 class="govuk-heading-s">{ section }</h3>{ summary_list::view(SummaryListProps { rows }) }</> }
        })
        .collect();
    html! { <>{ warnings }{ sections }</> }
}

/// The warnings of a report that `keep` keeps, each with its rule and section, for the reader
/// who checks or supervises the record (issue 18: a warning never blocks, so it must stay in
/// sight on check your answers, the final record and its print). Nothing when there are none.
pub fn warnings_list(
    report: &prevent_core::Report,
    id: &'static str,
    keep: impl Fn(&prevent_core::Issue) -> bool,
) -> Html {
    let items: Vec<Html> = report
        .issues
        .iter()
        .filter(|i| i.severity == prevent_core::Severity::Warning && keep(i))
        .map(|i| html! { <li>{ i.cited() }</li> })
        .collect();
    if items.is_empty() {
        return Html::default();
    }
    html! {
        <div class="govuk-inset-text" {id}>
            <h3 class="govuk-heading-s">{ "Warnings to note" }</h3>
            <ul class="govuk-list govuk-list--bullet">{ for items }</ul>
        </div>
    }
}

/// The print button's callback: the browser's print dialog (the print view is the stylesheet's).
pub fn on_print() -> Callback<MouseEvent> {
    Callback::from(|e: MouseEvent| {
        e.prevent_default();
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    })
}

/// The JSON download of a record (the export's format); a failure is shown through `problem`.
pub fn on_download_json(
    schema: &'static prevent_core::FormSchema,
    draft: &prevent_core::Draft,
    problem: &UseStateHandle<Option<String>>,
) -> Callback<MouseEvent> {
    let draft = draft.clone();
    let problem = problem.clone();
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        let text = export::to_json_string(schema, &draft, &clock::context());
        if let Err(why) = download(
            &export::file_name(&draft, crate::marking()),
            "application/json",
            &text,
        ) {
            problem.set(Some(why));
        }
    })
}
