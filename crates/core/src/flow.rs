//! Moving through a form: which pages show, which comes next, the task-list status of each
//! section and the rows of check your answers.

use crate::answers::Answer;
use crate::answers::Answers;
use crate::date;
use crate::draft::Draft;
use crate::form::{Context, FormSchema, Page, PageKind, QuestionKind};
use crate::validate::Report;

/// Pages shown for these answers, in order.
pub fn visible_pages<'a>(
    schema: &'a FormSchema,
    answers: &Answers,
    ctx: &Context,
) -> Vec<&'a Page> {
    schema
        .pages
        .iter()
        .filter(|p| schema.page_visible(p, answers, ctx))
        .collect()
}

/// The page after `current` (skipping hidden pages), if any.
pub fn next_page<'a>(
    schema: &'a FormSchema,
    answers: &Answers,
    ctx: &Context,
    current: &str,
) -> Option<&'a Page> {
    let pages = visible_pages(schema, answers, ctx);
    let i = pages.iter().position(|p| p.id == current)?;
    pages.get(i + 1).copied()
}

/// The page before `current` (skipping hidden pages), if any.
pub fn previous_page<'a>(
    schema: &'a FormSchema,
    answers: &Answers,
    ctx: &Context,
    current: &str,
) -> Option<&'a Page> {
    let pages = visible_pages(schema, answers, ctx);
    let i = pages.iter().position(|p| p.id == current)?;
    i.checked_sub(1).and_then(|j| pages.get(j).copied())
}

/// Where a page is in its form's linear flow, as the task list numbers it: its section's number
/// (from 1) among the sections shown for these answers, and how many there are (issue 21, item
/// 9; docs/decisions/0026). `None` for a page not shown.
pub fn section_of(
    schema: &FormSchema,
    answers: &Answers,
    ctx: &Context,
    page: &str,
) -> Option<(usize, usize)> {
    let pages = visible_pages(schema, answers, ctx);
    let mut titles: Vec<&str> = Vec::new();
    let mut at = None;
    for p in &pages {
        if !titles.contains(&p.section.as_str()) {
            titles.push(&p.section);
        }
        if p.id == page {
            at = titles.iter().position(|t| *t == p.section);
        }
    }
    at.map(|i| (i + 1, titles.len()))
}

/// Where to resume: the first shown question page not yet completed, else check answers.
pub fn resume_page<'a>(schema: &'a FormSchema, draft: &Draft, ctx: &Context) -> Option<&'a Page> {
    let pages = visible_pages(schema, &draft.answers, ctx);
    pages
        .iter()
        .find(|p| p.kind == PageKind::Questions && !draft.completed_pages.contains(&p.id))
        .or_else(|| pages.iter().find(|p| p.kind == PageKind::CheckAnswers))
        .copied()
}

/// Task-list status of a section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SectionStatus {
    /// Nothing answered yet.
    NotStarted,
    /// Something answered, or a page not yet passed.
    InProgress,
    /// Every shown page passed and no errors remain.
    Completed,
    /// Depends on earlier sections ("Check and finish").
    CannotStartYet,
    /// Pages passed earlier now have errors (an answer elsewhere changed what is needed).
    HasErrors,
}

/// One section of the task list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section<'a> {
    /// Section title.
    pub title: &'a str,
    /// Its status.
    pub status: SectionStatus,
    /// The page to open: the first not completed, else the first.
    pub page: &'a str,
}

/// The task list: each section with pages shown for these answers, in order. The last
/// section (check answers and declaration) cannot start until the others are complete.
pub fn sections<'a>(
    schema: &'a FormSchema,
    draft: &Draft,
    report: &Report,
    ctx: &Context,
) -> Vec<Section<'a>> {
    let pages = visible_pages(schema, &draft.answers, ctx);
    let mut titles: Vec<&str> = Vec::new();
    for p in &pages {
        if !titles.contains(&p.section.as_str()) {
            titles.push(&p.section);
        }
    }
    let mut out: Vec<Section> = Vec::new();
    for (n, title) in titles.iter().enumerate() {
        let in_section: Vec<&&Page> = pages.iter().filter(|p| p.section == *title).collect();
        let ids: Vec<&str> = in_section
            .iter()
            .flat_map(|p| p.questions.iter().map(|q| q.id.as_str()))
            .collect();
        let errors = report.errors().any(|i| ids.contains(&i.path.as_str()));
        let all_done = in_section
            .iter()
            .all(|p| draft.completed_pages.contains(&p.id));
        let any_answer = ids.iter().any(|id| draft.answers.filled(id).is_some());
        let is_last = n + 1 == titles.len();
        let earlier_done = out.iter().all(|s| s.status == SectionStatus::Completed);
        let status = if is_last && !earlier_done {
            SectionStatus::CannotStartYet
        } else if all_done && errors {
            SectionStatus::HasErrors
        } else if all_done {
            SectionStatus::Completed
        } else if any_answer
            || in_section
                .iter()
                .any(|p| draft.completed_pages.contains(&p.id))
        {
            SectionStatus::InProgress
        } else {
            SectionStatus::NotStarted
        };
        let page = in_section
            .iter()
            .find(|p| !draft.completed_pages.contains(&p.id))
            .or(in_section.first())
            .map(|p| p.id.as_str())
            .unwrap_or("");
        out.push(Section {
            title,
            status,
            page,
        });
    }
    out
}

/// One row of check your answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryRow {
    /// Question id (the change link goes to its page, focused on it).
    pub question: String,
    /// The question's label.
    pub key: String,
    /// The answer as the user would say it; `None` when not answered.
    pub value: Option<String>,
}

/// Check-your-answers rows grouped by task-list section: (section title, rows), shown
/// questions only, in page order. The declaration is not part of it.
pub fn summary_by_section<'a>(
    schema: &'a FormSchema,
    answers: &Answers,
    ctx: &Context,
    report: &Report,
) -> Vec<(&'a str, Vec<(&'a Page, SummaryRow)>)> {
    let mut out: Vec<(&str, Vec<(&Page, SummaryRow)>)> = Vec::new();
    for (page, rows) in summary(schema, answers, ctx, report) {
        if out.last().is_none_or(|(s, _)| *s != page.section) {
            out.push((&page.section, Vec::new()));
        }
        if let Some((_, all)) = out.last_mut() {
            all.extend(rows.into_iter().map(|r| (page, r)));
        }
    }
    out
}

/// Check-your-answers rows grouped by page: (page, rows), shown questions only. A question
/// never answered is left out unless `report` (the answers' validation) has an error on it:
/// an optional answer not given makes no "Not given" row, a required one missing still shows
/// (issue 21, item 5: a minimal referral's check page stays short). A page left with no row
/// is left out too.
pub fn summary<'a>(
    schema: &'a FormSchema,
    answers: &Answers,
    ctx: &Context,
    report: &Report,
) -> Vec<(&'a Page, Vec<SummaryRow>)> {
    visible_pages(schema, answers, ctx)
        .into_iter()
        .filter(|p| p.kind == PageKind::Questions && p.id != "declaration")
        .map(|p| {
            let rows = p
                .questions
                .iter()
                .filter(|q| schema.question_visible(&q.id, answers, ctx))
                .map(|q| SummaryRow {
                    question: q.id.clone(),
                    // "Give details of …" asks for something; check your answers names what the
                    // details are of.
                    key: if q.label.starts_with("Give details") {
                        q.short_sentence()
                    } else {
                        q.label.trim_end_matches(" (optional)").to_string()
                    },
                    value: answers.filled(&q.id).map(|a| display(&q.kind, a)),
                })
                .filter(|r| r.value.is_some() || report.error_for(&r.question).is_some())
                .collect();
            (p, rows)
        })
        .filter(|(_, rows): &(_, Vec<_>)| !rows.is_empty())
        .collect()
}

/// An answer as shown to people: option labels, dates as "5 January 2010".
pub fn display(kind: &QuestionKind, answer: &Answer) -> String {
    let label = |v: &str| {
        kind.choices()
            .iter()
            .find(|c| c.value == v)
            .map(|c| c.label.clone())
            .unwrap_or_else(|| v.to_string())
    };
    match answer {
        Answer::Text(t) => match kind {
            QuestionKind::Radios { .. } | QuestionKind::Select { .. } => label(t.trim()),
            _ => t.trim().to_string(),
        },
        Answer::Choices(cs) => cs.iter().map(|c| label(c)).collect::<Vec<_>>().join("\n"),
        Answer::Date(parts) => match date::parse(parts) {
            Ok(d) => date::long_date(d),
            Err(_) => format!(
                "{}/{}/{}",
                parts.day.trim(),
                parts.month.trim(),
                parts.year.trim()
            ),
        },
    }
}
