//! A closed-case review (REV-1, s13): which review (6 or 12 months), its date, the new DIF
//! (the case's last copied in) or, for a case that exited Prevent from Channel, a summary of the
//! new VAF ("must involve the completion of a new VAF/DIF, depending on whether the case exited
//! Prevent from Channel or PLP respectively"), what has changed since closure, the outcome
//! (remain closed or reopen) and the supervisor's approval ("Supervisors must read and evaluate
//! all CTCO case reviews before final approval"; SUP-1). Field ids: `case.ctco`, `review.*`,
//! `dif.<section>.<factor>.finding|evidence`, `supervisor.*`, `declaration.confirm`.

use super::{ClosedReview, Outcome, Which, REVIEW_DEF, REVIEW_FORM_ID, VERSION};
use crate::answers::{Answer, Answers};
use crate::catalogue::RuleId;
use crate::dif::Framework;
use crate::form::{Check as RuleCheck, Context, FormSchema, QuestionKind};
use crate::form_builder::{
    area, check_answers_page, checkboxes, choice, choice_hint, eq, page, q, radios, rule, text,
    yes_no, QuestionExt,
};
use crate::form_def::Def;
use crate::pga_form::{date_of, dif_issues, dif_page, dif_rules};
use crate::plp_form::CASE_FIELD;
use crate::validate::Issue;

/// The two reviews: (value, label).
pub const WHICH: [(&str, &str); 2] = [
    ("6-months", "The 6-month review"),
    ("12-months", "The 12-month review"),
];

/// The assessment a review completes (s13): (value, label, hint).
pub const ASSESSMENTS: [(&str, &str, &str); 2] = [
    (
        "dif",
        "A new DIF",
        "The case exited Prevent from PLP, or before it reached Channel",
    ),
    ("vaf", "A new VAF", "The case exited Prevent from Channel"),
];

/// What a review can decide: (value, label, hint).
pub const OUTCOMES: [(&str, &str, &str); 2] = [
    (
        "remain-closed",
        "The case remains closed",
        "Nothing found calls for Prevent management",
    ),
    (
        "reopen",
        "Reopen the case",
        "A Prevent concern or CT risk has returned: the case goes back into PCM",
    ),
];

/// The review form, with the DIF pages of `framework` (shown for a new DIF).
pub fn review_schema(framework: &Framework) -> FormSchema {
    let dif = eq("review.assessment", "dif");
    let mut pages = vec![page("review", "Closed case review", "Review", Some("A case adopted into PCM is reviewed by the CTCO (and the panel, if one was convened) 6 and 12 months after it closed, within five working days of each date, with a new DIF or VAF (REV-1, s13)."), vec![
        q("case.ctco", "Your name", "your name", text()).hint("Recorded against every change in the audit trail"),
        q("review.which", "Which review is this?", "which review", radios(WHICH.iter().map(|(v, l)| choice(v, l)).collect(), false)),
        q("review.date", "Date of the review", "the date of the review", QuestionKind::Date).hint("For example, 3 1 2028"),
        q("review.assessment", "Which assessment does the review complete?", "the assessment", radios(ASSESSMENTS.iter().map(|(v, l, h)| choice_hint(v, l, h)).collect(), false)),
        q("review.vaf", "Summary of the new VAF", "summary of the new VAF", area(5)).when(eq("review.assessment", "vaf")),
    ])];
    for s in &framework.sections {
        let mut p = dif_page(s);
        p.section = "DIF".into();
        p.show_if = Some(dif.clone());
        pages.push(p);
    }
    pages.push(page("outcome", "What the review found", "Review", Some("The review is informed by the panel's partners and police systems, changes of circumstances, relevant offending, current social care and known mental health issues, any concerns since closure and, where appropriate, the initial referrer (s13)."), vec![
        q("review.changes", "What has changed since the case closed?", "what has changed", area(6)),
        q("review.outcome", "What does the review decide?", "the outcome", radios(OUTCOMES.iter().map(|(v, l, h)| choice_hint(v, l, h)).collect(), false)),
        q("review.rationale", "Why?", "rationale for the outcome", area(4)),
    ]));
    pages.push(page("approval", "The supervisor's approval", "Supervision", Some("Supervisors read and evaluate every case review before final approval (s13). The supervisor is at least a Sergeant or a police staff CTCO supervisor, and never the CTCO who made the review (SUP-1, PGA-16, s14)."), {
        let mut qs = crate::supervision::questions("For example, 4 1 2028");
        qs.push(q("supervisor.approved", "Does the supervisor approve the review?", "supervisor's approval", yes_no()));
        qs
    }));
    pages.push(check_answers_page("Confirm"));
    pages.push(page(
        "declaration",
        "Confirm the review",
        "Confirm",
        Some("The review becomes part of the case's record: it cannot be changed afterwards."),
        vec![q(
            "declaration.confirm",
            "Confirm",
            "confirmation",
            checkboxes(vec![choice(
                "confirmed",
                "I confirm this review, approved by my supervisor",
            )]),
        )],
    ));
    let mut rules = vec![
        rule(
            RuleId::Rev1,
            "case.ctco",
            RuleCheck::Required,
            "Enter your name",
        ),
        rule(
            RuleId::Rev1,
            "review.which",
            RuleCheck::Required,
            "Select which review this is",
        ),
        rule(RuleId::Rev1, "review.date", RuleCheck::Required, ""),
        rule(RuleId::Rev1, "review.date", RuleCheck::RealDate, ""),
        rule(RuleId::Rev1, "review.date", RuleCheck::NotFuture, ""),
        rule(
            RuleId::Rev1,
            "review.assessment",
            RuleCheck::Required,
            "Select the assessment the review completes",
        )
        .citing("s13"),
        rule(
            RuleId::Rev1,
            "review.vaf",
            RuleCheck::Required,
            "Summarise the new VAF: a review involves a new VAF or DIF",
        )
        .citing("s13"),
        rule(
            RuleId::Rev1,
            "review.changes",
            RuleCheck::Required,
            "Say what has changed since the case closed, or that nothing has",
        )
        .citing("s13"),
        rule(
            RuleId::Rev1,
            "review.outcome",
            RuleCheck::Required,
            "Select what the review decides",
        ),
        rule(
            RuleId::Rev1,
            "review.rationale",
            RuleCheck::Required,
            "Say why the review decides this",
        ),
        rule(
            RuleId::Rev1,
            "supervisor.approved",
            RuleCheck::Required,
            "Select yes if the supervisor approves the review",
        )
        .citing("s13"),
        rule(
            RuleId::Rev1,
            "declaration.confirm",
            RuleCheck::Required,
            "Confirm the review",
        ),
    ];
    rules.extend(crate::supervision::rules(RuleId::Rev1));
    rules.extend(dif_rules(framework));
    FormSchema {
        id: REVIEW_FORM_ID.into(),
        version: VERSION,
        title: "Closed case review".into(),
        pages,
        rules,
        def: Def(&REVIEW_DEF),
    }
}

/// The review's rules over the record: DIF-1 on a new DIF; the sign-off by a supervisor who is
/// not the CTCO, on or after the review (SUP-1); and the approval (s13). Called by
/// [`crate::validate::validate`].
pub(super) fn rules(schema: &FormSchema, answers: &Answers, ctx: &Context) -> Vec<Issue> {
    let mut issues = dif_issues(schema, answers);
    issues.extend(crate::supervision::issues(
        schema,
        answers,
        ctx,
        "made the review",
        Some(("review.date", "the review")),
    ));
    issues.extend(crate::supervision::not_approved(
        answers,
        RuleId::Rev1,
        "s13",
        "A review is final only once a supervisor has read, evaluated and approved it: record it when they have",
    ));
    issues.retain(|i| schema.question_visible(&i.path, answers, ctx));
    issues
}

/// The review the answers record, when its kind, date and outcome are given.
pub fn review_of(answers: &Answers) -> Option<ClosedReview> {
    Some(ClosedReview {
        which: match answers.text("review.which")? {
            "6-months" => Which::SixMonths,
            "12-months" => Which::TwelveMonths,
            _ => return None,
        },
        date: date_of(answers, "review.date")?,
        outcome: match answers.text("review.outcome")? {
            "remain-closed" => Outcome::RemainClosed,
            "reopen" => Outcome::Reopen,
            _ => return None,
        },
    })
}

/// A new review of case `case_id`: the case's last DIF (`last`: its findings and evidence)
/// copied in to be updated, the CTCO carried across, which review it is and the assessment it
/// completes (a VAF when the case exited from Channel).
pub fn start_review(last: &Answers, case_id: &str, which: Which, vaf: bool) -> Answers {
    let mut out = Answers::default();
    for (k, v) in &last.0 {
        if k == "case.ctco" || (k.starts_with("dif.") && k != crate::pga_form::FRAMEWORK_FIELD) {
            out.set(k, v.clone());
        }
    }
    let which = match which {
        Which::SixMonths => WHICH[0].0,
        Which::TwelveMonths => WHICH[1].0,
    };
    out.set("review.which", Answer::Text(which.into()));
    out.set(
        "review.assessment",
        Answer::Text(if vaf { "vaf" } else { "dif" }.into()),
    );
    out.set(CASE_FIELD, Answer::Text(case_id.into()));
    out
}
