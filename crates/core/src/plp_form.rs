//! Police-led Partnership as forms (issue 5): the entry (PLP-7: route and rationale; the opening
//! DIF, copied from the PGA when the case comes from a Gateway Decision; the priority band with
//! the suggestion and its triggers, PLP-1..4, PLP-6; the supervisory sign-off, PLP-5), and the
//! case's linked records: each reassessment (PLP-5), panel (PLP-8), submission to the FIMU
//! (INT-1) and the closure (PLP-9, PLP-10). The answers are read into a [`PlpCase`] and checked
//! by [`plp_case::validate`]; the deadlines and the timeline come from [`plp_case`].
//!
//! Field ids: `case.*`, `plp.*`, `dif.<section>.<factor>.finding|evidence`, `supervisor.*`,
//! `declaration.confirm`.

use crate::answers::{Answer, Answers};
use crate::calendar::Calendar;
use crate::catalogue::RuleId;
use crate::deadline::{Band, Deadline};
use crate::dif::Framework;
use crate::form::{Check as RuleCheck, Context, FormSchema, Page, QuestionKind};
use crate::form_builder::{
    area, check_answers_page, checkboxes, choice, choice_hint, eq, page, q, radios, rule, text,
    yes_no, QuestionExt,
};
use crate::form_def::{Def, ExtraField, FormDef};
use crate::pga_form::{date_of, dif_issues, dif_page, dif_record, dif_rules, framework_of};
use crate::plp::{self, BandingInputs, EntryRoute, Suggestion};
use crate::plp_case::{self, PlpCase, Review, Timeline};
use crate::validate::Issue;
use chrono::NaiveDate;

/// Form id used in drafts and exports.
pub const FORM_ID: &str = "plp";
/// Version of the PLP form's own pages.
pub const VERSION: u32 = 1;
/// Title of the form.
pub const TITLE: &str = "Police-led Partnership case";

/// The band options: (value, band).
pub const BANDS: [(&str, Band); 3] = [
    ("high", Band::High),
    ("standard", Band::Standard),
    ("monitored", Band::Monitored),
];

/// The PLP entry form built from a DIF framework.
pub fn schema(framework: &Framework) -> FormSchema {
    let mut pages = vec![page("entry", "Entry into PLP", "Entry into PLP", Some("Every case enters PLP by one of three routes, each with its rationale (PLP-7, s11)."), vec![
        q("case.ctco", "Your name", "your name", text()).hint("The CTCO managing the case. It is recorded against every change in the audit trail."),
        q("case.reference", "Case reference", "case reference", text()).hint("The PCM Tracker or CMIS reference"),
        q("plp.entered", "Date the case entered PLP", "the date the case entered PLP", QuestionKind::Date).hint("For example, 5 1 2027. The first review is due from this date (PLP-5)."),
        q("plp.route", "How did the case enter PLP?", "entry route", radios(vec![
            choice_hint("gateway", "From the Gateway Decision", "Give the rationale from the completed DIF"),
            choice_hint("after-ig", "After Information Gathering", "Explain why the S.36 decision was not to refer to a Channel panel"),
            choice_hint("out-of-channel", "Out of Channel", "The closing VAF extended into an opening DIF: explain why the case could not stay within Channel"),
        ], false)),
        q("plp.route_rationale", "Rationale for entering PLP", "rationale for entering PLP", area(5)),
    ])];
    for s in &framework.sections {
        let mut p = dif_page(s);
        // The PLP task list groups the DIF as one section.
        p.section = "Opening DIF".into();
        pages.push(p);
    }
    pages.push(banding_page(false));
    pages.push(page(
        "signoff",
        "Supervisory sign-off",
        "Supervision",
        Some("Every DIF is signed off by a supervisor (PLP-5, s12, s14)."),
        vec![
            q(
                "supervisor.name",
                "Supervisor's name",
                "supervisor's name",
                text(),
            ),
            q(
                "supervisor.date",
                "Date of the supervisor's sign-off",
                "the date of the supervisor's sign-off",
                QuestionKind::Date,
            )
            .hint("For example, 6 1 2027"),
        ],
    ));
    pages.push(check_answers_page("Confirm"));
    pages.push(page("declaration", "Confirm the entry into PLP", "Confirm", Some("The entry DIF and band become the first entry of the case's history."), vec![
        q("declaration.confirm", "Confirm", "confirmation", checkboxes(vec![
            choice("confirmed", "I confirm the entry route, the opening DIF and the band, signed off by my supervisor"),
        ])),
    ]));
    let mut rules = vec![
        rule(
            RuleId::Plp7,
            "case.ctco",
            RuleCheck::Required,
            "Enter your name",
        ),
        rule(
            RuleId::Plp7,
            "case.reference",
            RuleCheck::Required,
            "Enter the case reference",
        ),
        rule(RuleId::Plp5, "plp.entered", RuleCheck::Required, "").citing("s12"),
        rule(RuleId::Plp5, "plp.entered", RuleCheck::RealDate, "").citing("s12"),
        rule(RuleId::Plp5, "plp.entered", RuleCheck::NotFuture, "").citing("s12"),
        rule(
            RuleId::Plp2,
            "plp.urgent_mh",
            RuleCheck::Required,
            "Select yes if urgent mental health concerns were identified",
        ),
        rule(
            RuleId::Plp3,
            "plp.work_needed",
            RuleCheck::Required,
            "Select yes if you and your supervisor agree further work is needed",
        ),
        rule(
            RuleId::Plp5,
            "supervisor.name",
            RuleCheck::Required,
            "Enter the supervisor's name",
        ),
        rule(RuleId::Plp5, "supervisor.date", RuleCheck::Required, ""),
        rule(RuleId::Plp5, "supervisor.date", RuleCheck::RealDate, ""),
        rule(RuleId::Plp5, "supervisor.date", RuleCheck::NotFuture, ""),
        rule(
            RuleId::Plp5,
            "declaration.confirm",
            RuleCheck::Required,
            "Confirm the entry into PLP",
        ),
    ];
    rules.extend(dif_rules(framework));
    FormSchema {
        id: FORM_ID.into(),
        version: VERSION,
        title: TITLE.into(),
        pages,
        rules,
        def: Def(&PLP_DEF),
    }
}

/// The banding page: the inputs the DIF cannot give, the band (Monitored only at a
/// reassessment, with its reason: PLP-4) and the rationale.
fn banding_page(review: bool) -> Page {
    let monitored_hint = if review {
        "At least every 3 months; the case stays open (PLP-4, PLP-5)"
    } else {
        "At least every 3 months (PLP-5)"
    };
    let mut questions = vec![
        q("plp.urgent_mh", "Has the Vulnerability Support Hub or a clinician identified urgent mental health concerns?", "urgent mental health concerns", yes_no()),
        q("plp.work_needed", "Do you and your supervisor agree further work is needed?", "whether further work is needed", yes_no()),
        q("plp.judgement", "Professional judgement that the case is High priority (optional)", "professional judgement", area(3)).hint("Makes the suggested band High: say why (PLP-2)"),
        q("plp.band", if review { "What is the case's priority band now?" } else { "What is the case's priority band?" }, "priority band", radios(vec![
            choice_hint("high", "High (Red)", "Reassessed and supervised at least every 4 weeks (PLP-5)"),
            choice_hint("standard", "Standard (Amber)", "At least every 8 weeks (PLP-5)"),
            choice_hint("monitored", "Monitored (Green)", monitored_hint),
        ], false)),
    ];
    if review {
        questions.push(q("plp.monitored_reason", "Why is the case Monitored?", "why the case is Monitored", radios(vec![
            choice("de-escalated", "Risk and vulnerabilities have de-escalated demonstrably and consistently"),
            choice("observation", "The subject needs observing for longer before judging the impact"),
            choice("out-of-community", "The subject is briefly out of the community (abroad, short custody)"),
        ], false)).when(eq("plp.band", "monitored")));
    }
    questions.push(
        q(
            "plp.band_rationale",
            "Rationale for the band (optional when it is the suggested one)",
            "rationale for the band",
            area(4),
        )
        .hint("Required when you choose a band other than the suggested one (PLP-2, PLP-3)"),
    );
    page(
        "banding",
        "Priority band",
        "Priority band",
        Some(if review {
            "The suggested band comes from the DIF and the answers below (PLP-2, PLP-3)."
        } else {
            "The suggested band comes from the DIF and the answers below (PLP-2, PLP-3). No case enters PLP as Monitored (PLP-4)."
        }),
        questions,
    )
}

fn band_of(value: &str) -> Option<Band> {
    BANDS.iter().find(|(v, _)| *v == value).map(|(_, b)| *b)
}

/// What the DIF alone cannot say, from the banding page.
fn inputs(answers: &Answers) -> BandingInputs {
    BandingInputs {
        urgent_mental_health: answers.text("plp.urgent_mh") == Some("yes"),
        professional_judgement: answers
            .text("plp.judgement")
            .map(str::trim)
            .filter(|j| !j.is_empty())
            .map(str::to_string),
        agreed_work_needed: answers.text("plp.work_needed") == Some("yes"),
    }
}

/// The suggested band and its triggers, live from the DIF and the banding answers.
pub fn suggestion(schema: &FormSchema, answers: &Answers) -> Suggestion {
    plp::suggest_band(
        &dif_record(&framework_of(schema), answers),
        &inputs(answers),
    )
}

/// The case as the answers describe it: its entry and its one (entry) review, when a band and
/// an entry date are given.
pub fn case(schema: &FormSchema, answers: &Answers) -> PlpCase {
    let route = match answers.text("plp.route") {
        Some("gateway") => Some(EntryRoute::FromGatewayDecision),
        Some("after-ig") => Some(EntryRoute::AfterInformationGathering),
        Some("out-of-channel") => Some(EntryRoute::OutOfChannel),
        _ => None,
    };
    let review = match (
        answers.text("plp.band").and_then(band_of),
        date_of(answers, "plp.entered"),
    ) {
        (Some(band), Some(date)) => Some(Review {
            date,
            dif: dif_record(&framework_of(schema), answers),
            inputs: inputs(answers),
            band,
            monitored_reason: None,
            rationale: answers.text("plp.band_rationale").unwrap_or("").to_string(),
            cmp_updated: true,
            signed_off: date_of(answers, "supervisor.date"),
        }),
        _ => None,
    };
    PlpCase {
        case_reference: answers
            .text("case.reference")
            .unwrap_or("")
            .trim()
            .to_string(),
        route,
        route_rationale: answers
            .text("plp.route_rationale")
            .unwrap_or("")
            .to_string(),
        reviews: review.into_iter().collect(),
        panels: Vec::new(),
        fimu_submissions: Vec::new(),
        closure: None,
    }
}

/// The PLP rules over the answers, against the form's questions. Called by
/// [`crate::validate::validate`] for the PLP form.
pub fn rules(schema: &FormSchema, answers: &Answers, ctx: &Context) -> Vec<Issue> {
    let c = case(schema, answers);
    let mut issues: Vec<Issue> = plp_case::validate(&c)
        .into_iter()
        .filter_map(|mut i| {
            i.path = match i.path.as_str() {
                "entry" => "plp.route".into(),
                "entry_rationale" => "plp.route_rationale".into(),
                "reviews.0.band" => "plp.band".into(),
                // Sign-off and the date are required questions of their own.
                _ => return None,
            };
            Some(i)
        })
        .collect();
    // Without an entry date the band cannot be checked yet; without a band, PLP-1 says so.
    if c.reviews.is_empty() && answers.text("plp.band").is_some() {
        issues.retain(|i| i.rule_id != RuleId::Plp1);
    }
    issues.extend(dif_issues(schema, answers));
    issues.retain(|i| schema.question_visible(&i.path, answers, ctx));
    issues
}

/// Why a band option cannot be chosen at entry (PLP-4), or `None`.
pub fn option_unavailable(question: &str, value: &str) -> Option<&'static str> {
    (question == "plp.band" && value == "monitored").then_some(
        "No case enters PLP as Monitored: it is only for cases already in PLP (PLP-4, s12)",
    )
}

/// The case's deadlines: the first review (PLP-5) and the FIMU summary (INT-1).
pub fn deadlines(schema: &FormSchema, answers: &Answers, cal: &Calendar) -> Vec<Deadline> {
    plp_case::deadlines(&case(schema, answers), cal)
}

/// The case's timeline on `today`.
pub fn timeline(
    schema: &FormSchema,
    answers: &Answers,
    cal: &Calendar,
    today: NaiveDate,
) -> Timeline {
    plp_case::timeline(&case(schema, answers), cal, today)
}

/// Starts a PLP entry from a finalised PGA: its case reference, the CTCO, the route "from the
/// Gateway Decision" and every DIF answer are carried across (issue 5: "carries its case
/// reference, subject and factors across").
pub fn from_pga(pga: &Answers) -> Answers {
    let mut out = Answers::default();
    for (k, v) in &pga.0 {
        let carried = k == "case.reference"
            || k == "case.ctco"
            || k == SUBJECT_FIELD
            || (k.starts_with("dif.") && k != crate::pga_form::FRAMEWORK_FIELD);
        if carried {
            out.set(k, v.clone());
        }
    }
    out.set("plp.route", Answer::Text("gateway".into()));
    out
}

/// Form id of a reassessment of a PLP case (PLP-5: a new DIF, CMP update and sign-off).
pub const REVIEW_FORM_ID: &str = "plp-review";
/// The answer that links a reassessment, closure, panel or FIMU submission to its case (the case
/// record's id). Not a question: exported as the record's `case_id`
/// (docs/decisions/0004-import.md).
pub const CASE_FIELD: &str = "plp.case";

/// The forms whose records belong to a PLP case through [`CASE_FIELD`].
pub const LINKED_FORMS: [&str; 4] = [
    REVIEW_FORM_ID,
    CLOSURE_FORM_ID,
    PANEL_FORM_ID,
    SUBMISSION_FORM_ID,
];

/// The answer a PLP entry started from a Gateway Assessment carries across from it ([`from_pga`]):
/// who or what the case is about. Not a question of the PLP form: exported as the record's
/// `subject_type` (docs/decisions/0004-import.md).
pub const SUBJECT_FIELD: &str = "case.subject";

/// The values [`SUBJECT_FIELD`] can hold: the options of the PGA's question `case.subject`.
pub const SUBJECT_TYPES: [&str; 3] = ["individual", "institution", "expression"];

/// The reassessment form: the DIF (copied from the last one, then edited), the band with its
/// suggestion (Monitored now possible, with its reason: PLP-4), the CMP update and sign-off.
pub fn review_schema(framework: &Framework) -> FormSchema {
    let mut pages = vec![page("review", "Reassessment", "Reassessment", Some("A new DIF, CMP update and supervisory sign-off, at least every 4 weeks (High), 8 weeks (Standard) or 3 months (Monitored), and before any panel (PLP-5, s12, s14). The DIF starts as the last one: change what has changed."), vec![
        q("case.ctco", "Your name", "your name", text()).hint("Recorded against every change in the audit trail"),
        q("plp.review_date", "Date of this DIF", "the date of this DIF", QuestionKind::Date).hint("For example, 2 2 2027"),
    ])];
    for s in &framework.sections {
        let mut p = dif_page(s);
        p.section = "DIF".into();
        pages.push(p);
    }
    pages.push(banding_page(true));
    pages.push(page("signoff", "CMP update and sign-off", "Supervision", Some("Each reassessment updates the Case Management Plan and is signed off by a supervisor (PLP-5, s12, s14)."), vec![
        q("plp.cmp", "Has the Case Management Plan been updated?", "whether the CMP was updated", yes_no()),
        q("supervisor.name", "Supervisor's name", "supervisor's name", text()),
        q("supervisor.date", "Date of the supervisor's sign-off", "the date of the supervisor's sign-off", QuestionKind::Date).hint("For example, 3 2 2027"),
    ]));
    pages.push(check_answers_page("Confirm"));
    pages.push(page("declaration", "Confirm the reassessment", "Confirm", Some("The reassessment becomes part of the case's history: it cannot be changed afterwards."), vec![
        q("declaration.confirm", "Confirm", "confirmation", checkboxes(vec![
            choice("confirmed", "I confirm this reassessment, its band and the CMP update, signed off by my supervisor"),
        ])),
    ]));
    let mut rules = vec![
        rule(RuleId::Plp5, "case.ctco", RuleCheck::Required, "Enter your name"),
        rule(RuleId::Plp5, "plp.review_date", RuleCheck::Required, ""),
        rule(RuleId::Plp5, "plp.review_date", RuleCheck::RealDate, ""),
        rule(RuleId::Plp5, "plp.review_date", RuleCheck::NotFuture, ""),
        rule(RuleId::Plp2, "plp.urgent_mh", RuleCheck::Required, "Select yes if urgent mental health concerns were identified"),
        rule(RuleId::Plp3, "plp.work_needed", RuleCheck::Required, "Select yes if you and your supervisor agree further work is needed"),
        rule(RuleId::Plp5, "plp.cmp", RuleCheck::Required, "Select yes if the Case Management Plan has been updated"),
        rule(RuleId::Plp5, "plp.cmp", RuleCheck::NotEqual("no".into()), "Each reassessment updates the Case Management Plan: update it before you record the reassessment"),
        rule(RuleId::Plp5, "supervisor.name", RuleCheck::Required, "Enter the supervisor's name"),
        rule(RuleId::Plp5, "supervisor.date", RuleCheck::Required, ""),
        rule(RuleId::Plp5, "supervisor.date", RuleCheck::RealDate, ""),
        rule(RuleId::Plp5, "supervisor.date", RuleCheck::NotFuture, ""),
        rule(RuleId::Plp5, "declaration.confirm", RuleCheck::Required, "Confirm the reassessment"),
    ];
    rules.extend(dif_rules(framework));
    FormSchema {
        id: REVIEW_FORM_ID.into(),
        version: VERSION,
        title: "PLP reassessment".into(),
        pages,
        rules,
        def: Def(&REVIEW_DEF),
    }
}

/// A reassessment's review, when its band and date are given.
pub fn review_of(schema: &FormSchema, answers: &Answers) -> Option<Review> {
    let band = answers.text("plp.band").and_then(band_of)?;
    let date = date_of(answers, "plp.review_date")?;
    Some(Review {
        date,
        dif: dif_record(&framework_of(schema), answers),
        inputs: inputs(answers),
        band,
        monitored_reason: match answers.text("plp.monitored_reason") {
            Some("de-escalated") => Some(crate::plp::MonitoredReason::DeEscalated),
            Some("observation") => Some(crate::plp::MonitoredReason::LongerObservation),
            Some("out-of-community") => Some(crate::plp::MonitoredReason::OutOfCommunity),
            _ => None,
        },
        rationale: answers.text("plp.band_rationale").unwrap_or("").to_string(),
        cmp_updated: answers.text("plp.cmp") == Some("yes"),
        signed_off: date_of(answers, "supervisor.date"),
    })
}

/// The reassessment's rules: its band against its own suggestion (PLP-2, PLP-3, PLP-4 with a
/// reason, PLP-6) and DIF-1. Called by [`crate::validate::validate`].
pub fn review_rules(schema: &FormSchema, answers: &Answers, ctx: &Context) -> Vec<Issue> {
    let mut issues = Vec::new();
    if let Some(band) = answers.text("plp.band").and_then(band_of) {
        let choice = plp::BandChoice {
            band: Some(band),
            at_entry: false,
            monitored_reason: review_of(schema, answers).and_then(|r| r.monitored_reason),
            rationale: answers.text("plp.band_rationale").unwrap_or("").to_string(),
        };
        for mut i in plp::check_band(&choice, &suggestion(schema, answers)) {
            // A missing Monitored reason belongs to its own question.
            i.path = if i.rule_id == RuleId::Plp4 {
                "plp.monitored_reason".into()
            } else {
                "plp.band".into()
            };
            issues.push(i);
        }
    } else {
        issues.push(Issue::new(
            "plp.band",
            crate::validate::Severity::Error,
            RuleId::Plp1,
            "Every PLP case has a priority band: choose one",
        ));
    }
    issues.extend(dif_issues(schema, answers));
    issues.retain(|i| schema.question_visible(&i.path, answers, ctx));
    issues
}

/// A new reassessment of case `case_id`: the last DIF (its findings, evidence and the banding
/// answers) copied in to be edited, and the CTCO carried across.
pub fn start_review(last: &Answers, case_id: &str) -> Answers {
    let mut out = Answers::default();
    for (k, v) in &last.0 {
        let carried = k == "case.ctco"
            || ((k.starts_with("dif.") && k != crate::pga_form::FRAMEWORK_FIELD)
                || k == "vulnerability.vsh"
                || k == "vulnerability.vsh_outcome"
                || k == "threat.pursue_investigation");
        if carried {
            out.set(k, v.clone());
        }
    }
    out.set(CASE_FIELD, Answer::Text(case_id.into()));
    out
}

/// The whole case: its entry, then its recorded reassessments (in date order).
pub fn case_with_reviews(
    schema: &FormSchema,
    entry: &Answers,
    review_schema: &FormSchema,
    reviews: &[&Answers],
) -> PlpCase {
    let mut c = case(schema, entry);
    let mut more: Vec<Review> = reviews
        .iter()
        .filter_map(|a| review_of(review_schema, a))
        .collect();
    crate::order::by_rank(&mut more, |r| crate::order::day(Some(r.date)));
    c.reviews.extend(more);
    c
}

/// Form id of the closure of a PLP case (PLP-9, PLP-10; PLP-11 reviews follow).
pub const CLOSURE_FORM_ID: &str = "plp-closure";

/// The closure codes offered for a PLP case (PLP-9, s13): (value, code, label). The Channel
/// code is not offered: it is for Channel cases.
pub const CLOSURE_CODES: [(&str, crate::plp::ClosureCode, &str); 6] = [
    (
        "deceased",
        crate::plp::ClosureCode::Deceased,
        "The subject is deceased",
    ),
    (
        "no-ct-concern",
        crate::plp::ClosureCode::NoCtConcern,
        "No actual CT concern",
    ),
    (
        "not-located",
        crate::plp::ClosureCode::NotLocated,
        "The subject could not be located",
    ),
    (
        "pursue",
        crate::plp::ClosureCode::EscalatedToPursue,
        "Escalated to the Pursue space",
    ),
    (
        "non-ct-onwards",
        crate::plp::ClosureCode::NonCtIssueReferredOnwards,
        "No CT concern, but a non-CT issue referred onwards",
    ),
    (
        "risk-reduced",
        crate::plp::ClosureCode::RiskReduced,
        "Risk reduced: diverted, deterred or desisted",
    ),
];

/// The closure form: date, code (PLP-9), the supervised closing DIF and, when CT risk remains,
/// the RPC's authority and a detailed justification (PLP-10).
pub fn closure_schema() -> FormSchema {
    let risk = eq("closure.risk", "yes");
    let pages = vec![
        page("closure", "Close the case", "Closure", Some("A PLP case closes with a closure code and a supervised closing DIF (PLP-9, PLP-10, s13). It is then reviewed at 6 and 12 months (PLP-11)."), vec![
            q("case.ctco", "Your name", "your name", text()).hint("Recorded against every change in the audit trail"),
            q("plp.closed", "Date of closure", "the date of closure", QuestionKind::Date).hint("For example, 29 6 2027. The 6- and 12-month reviews are counted from it (PLP-11)."),
            q("closure.code", "Why is the case closing?", "closure code", radios(CLOSURE_CODES.iter().map(|(v, _, l)| choice(v, l)).collect(), false)),
            q("closure.dif", "Is the closing DIF complete and signed off by a supervisor?", "whether the closing DIF is supervised", yes_no()),
            q("closure.risk", "Do Prevent issues or CT risk remain?", "whether risk remains", yes_no()),
            q("closure.rpc", "Has the Regional Prevent Co-ordinator authorised closing with risk remaining?", "RPC authority", yes_no()).when(risk.clone()),
            q("closure.justification", "Why should management not continue, and why can escalation not be undertaken?", "justification for closing with risk remaining", area(6)).hint("A clear and detailed justification (PLP-10, s13)").when(risk),
        ]),
        check_answers_page("Confirm"),
        page("declaration", "Confirm the closure", "Confirm", Some("The case is then closed: its 6- and 12-month reviews become its deadlines."), vec![
            q("declaration.confirm", "Confirm", "confirmation", checkboxes(vec![
                choice("confirmed", "I confirm the closure of this case"),
            ])),
        ]),
    ];
    let rules = vec![
        rule(
            RuleId::Plp9,
            "case.ctco",
            RuleCheck::Required,
            "Enter your name",
        ),
        rule(RuleId::Plp11, "plp.closed", RuleCheck::Required, ""),
        rule(RuleId::Plp11, "plp.closed", RuleCheck::RealDate, ""),
        rule(RuleId::Plp11, "plp.closed", RuleCheck::NotFuture, ""),
        rule(
            RuleId::Plp10,
            "closure.risk",
            RuleCheck::Required,
            "Select yes if Prevent issues or CT risk remain",
        ),
        rule(
            RuleId::Plp10,
            "closure.dif",
            RuleCheck::Required,
            "Select yes if the closing DIF is complete and signed off",
        ),
        rule(
            RuleId::Plp10,
            "declaration.confirm",
            RuleCheck::Required,
            "Confirm the closure",
        ),
    ];
    FormSchema {
        id: CLOSURE_FORM_ID.into(),
        version: VERSION,
        title: "PLP closure".into(),
        pages,
        rules,
        def: Def(&CLOSURE_DEF),
    }
}

/// The closure as the answers describe it, with its date when given.
pub fn closure_of(answers: &Answers) -> (Option<NaiveDate>, crate::plp::Closure) {
    let yes = |f: &str| answers.text(f) == Some("yes");
    (
        date_of(answers, "plp.closed"),
        crate::plp::Closure {
            code: answers
                .text("closure.code")
                .and_then(|v| CLOSURE_CODES.iter().find(|(c, _, _)| *c == v))
                .map(|(_, code, _)| *code),
            closing_dif_supervised: yes("closure.dif"),
            ct_risk_remaining: yes("closure.risk"),
            rpc_authority: yes("closure.rpc"),
            justification: answers
                .text("closure.justification")
                .unwrap_or("")
                .to_string(),
        },
    )
}

/// The closure's rules (PLP-9, PLP-10) against its questions. Called by
/// [`crate::validate::validate`].
pub fn closure_rules(schema: &FormSchema, answers: &Answers, ctx: &Context) -> Vec<Issue> {
    let (_, c) = closure_of(answers);
    let mut issues = crate::plp::check_closure(&c);
    // "No" to the supervised closing DIF is the PLP-10 error; unanswered is its own question's.
    if answers.text("closure.dif").is_none() {
        issues.retain(|i| i.path != "closure.dif");
    }
    issues.retain(|i| schema.question_visible(&i.path, answers, ctx));
    issues
}

/// Form id of a PLP panel meeting (PLP-8).
pub const PANEL_FORM_ID: &str = "plp-panel";

/// The panel form: date, chair (police; a Sergeant or above and not the managing CTCO wherever
/// possible), attendees with the chair's rationale, never as Channel AOB; minutes and actions.
pub fn panel_schema() -> FormSchema {
    let police = eq("panel.chair_police", "yes");
    let pages = vec![
        page("panel", "Record a PLP panel", "Panel", Some("PLP panels are chaired by the police, wherever possible by a Sergeant or CTCO supervisor or above who does not manage the cases discussed, and are never heard as Any Other Business of a Channel panel (PLP-8, s11). A new DIF, CMP update and sign-off are due before every panel (PLP-5)."), vec![
            q("case.ctco", "Your name", "your name", text()).hint("Recorded against every change in the audit trail"),
            q("panel.date", "Date of the panel", "the date of the panel", QuestionKind::Date).hint("For example, 26 1 2027. A panel already set can be recorded before it meets: the next DIF is then due before it (PLP-5)."),
            q("panel.chair_police", "Is the chair a police officer or member of police staff?", "whether the police chair the panel", yes_no()),
            q("panel.chair_rank", "Is the chair a Sergeant, a CTCO supervisor or above?", "the chair's rank", yes_no()).when(police.clone()),
            q("panel.chair_managing", "Does the chair manage the cases discussed?", "whether the chair manages the cases", yes_no()).when(police),
            q("panel.attendees", "Who attends, and why?", "attendees and the chair's rationale", area(4)).hint("The chair decides who attends, with a rationale (PLP-8)"),
            q("panel.channel_aob", "Is the case heard as Any Other Business of a Channel panel?", "whether heard as Channel AOB", yes_no()),
            q("panel.minutes", "Minutes (optional)", "minutes", area(5)),
            q("panel.actions", "Actions agreed (optional)", "actions", area(4)),
        ]),
        check_answers_page("Confirm"),
        page("declaration", "Confirm the panel", "Confirm", None, vec![
            q("declaration.confirm", "Confirm", "confirmation", checkboxes(vec![
                choice("confirmed", "I confirm the record of this panel"),
            ])),
        ]),
    ];
    let rules = vec![
        rule(
            RuleId::Plp8,
            "case.ctco",
            RuleCheck::Required,
            "Enter your name",
        ),
        rule(RuleId::Plp8, "panel.date", RuleCheck::Required, ""),
        rule(RuleId::Plp8, "panel.date", RuleCheck::RealDate, ""),
        rule(
            RuleId::Plp8,
            "panel.chair_police",
            RuleCheck::Required,
            "Select yes if the chair is a police officer or member of police staff",
        ),
        rule(
            RuleId::Plp8,
            "panel.chair_rank",
            RuleCheck::Required,
            "Select yes if the chair is a Sergeant, a CTCO supervisor or above",
        ),
        rule(
            RuleId::Plp8,
            "panel.chair_managing",
            RuleCheck::Required,
            "Select yes if the chair manages the cases discussed",
        ),
        rule(
            RuleId::Plp8,
            "panel.channel_aob",
            RuleCheck::Required,
            "Select yes if the case is heard as Any Other Business of a Channel panel",
        ),
        rule(
            RuleId::Plp8,
            "declaration.confirm",
            RuleCheck::Required,
            "Confirm the record of this panel",
        ),
    ];
    FormSchema {
        id: PANEL_FORM_ID.into(),
        version: VERSION,
        title: "PLP panel".into(),
        pages,
        rules,
        def: Def(&PANEL_DEF),
    }
}

/// The panel as the answers describe it, when its date is given.
pub fn panel_of(answers: &Answers) -> Option<crate::plp_case::PanelMeeting> {
    let yes = |f: &str| answers.text(f) == Some("yes");
    Some(crate::plp_case::PanelMeeting {
        date: date_of(answers, "panel.date")?,
        panel: crate::plp::Panel {
            chair_is_police: yes("panel.chair_police"),
            chair_supervisory: yes("panel.chair_rank"),
            chair_is_managing_ctco: yes("panel.chair_managing"),
            attendees_rationale: answers.text("panel.attendees").unwrap_or("").to_string(),
            as_channel_aob: yes("panel.channel_aob"),
        },
        minutes: answers.text("panel.minutes").unwrap_or("").to_string(),
        actions: answers.text("panel.actions").unwrap_or("").to_string(),
    })
}

/// The panel's rules (PLP-8) against its questions. Called by [`crate::validate::validate`].
pub fn panel_rules(schema: &FormSchema, answers: &Answers, ctx: &Context) -> Vec<Issue> {
    let Some(meeting) = panel_of(answers).or_else(|| {
        // Without a date the chair and attendees can still be checked.
        let mut a = answers.clone();
        a.set(
            "panel.date",
            Answer::Date(crate::answers::DateParts::new("1", "1", "2000")),
        );
        panel_of(&a)
    }) else {
        return Vec::new();
    };
    let mut issues: Vec<Issue> = crate::plp::check_panel(&meeting.panel)
        .into_iter()
        .filter_map(|mut i| {
            i.path = match (i.path.as_str(), i.severity) {
                ("panel.chair", crate::validate::Severity::Error) => {
                    // Unanswered is its own question's error.
                    answers.text("panel.chair_police")?;
                    "panel.chair_police".into()
                }
                ("panel.chair", _) if i.message.contains("Sergeant") => "panel.chair_rank".into(),
                ("panel.chair", _) => "panel.chair_managing".into(),
                ("panel.format", _) => "panel.channel_aob".into(),
                (p, _) => p.to_string(),
            };
            Some(i)
        })
        .collect();
    // A warning for a question not answered yet would be noise.
    issues.retain(|i| {
        i.severity == crate::validate::Severity::Error || answers.text(&i.path).is_some()
    });
    issues.retain(|i| schema.question_visible(&i.path, answers, ctx));
    issues
}

/// Form id of a submission to the FIMU on a PLP case (INT-1).
pub const SUBMISSION_FORM_ID: &str = "plp-fimu";

/// What was submitted to the FIMU (INT-1, s9).
pub const SUBMISSION_KINDS: [(&str, &str); 3] = [
    (
        "summary",
        "The 3-monthly summary (nothing else was submitted)",
    ),
    (
        "intelligence",
        "Intelligence that could change the DIF, the CMP or the VAF",
    ),
    ("assessment", "A DIF or reassessment"),
];

/// The risk direction every submission states (INT-1, s9).
pub const RISK_DIRECTIONS: [(&str, &str); 3] = [
    ("escalating", "Escalating"),
    ("de-escalating", "De-escalating"),
    ("static", "Static"),
];

/// The submission form (INT-1, s9): date, what was submitted, whether the risk is escalating,
/// de-escalating or static, and the FIMU's reference. A recorded submission restarts the
/// 3-month summary count.
pub fn submission_schema() -> FormSchema {
    let radio_list =
        |list: &[(&str, &str)]| radios(list.iter().map(|(v, l)| choice(v, l)).collect(), false);
    let pages = vec![
        page("fimu", "Record a submission to the FIMU", "Submission", Some("Anything that could significantly change the DIF, the CMP or the VAF goes to a FIMU, and a summary at least every 3 months when nothing else was submitted. Every submission says whether the risk is escalating, de-escalating or static (INT-1, s9)."), vec![
            q("case.ctco", "Your name", "your name", text()).hint("Recorded against every change in the audit trail"),
            q("fimu.date", "Date submitted", "the date submitted", QuestionKind::Date).hint("For example, 30 3 2027. The next 3-monthly summary is counted from it (INT-1)."),
            q("fimu.kind", "What did you submit?", "what was submitted", radio_list(&SUBMISSION_KINDS)),
            q("fimu.direction", "Is the risk escalating, de-escalating or static?", "the risk direction", radio_list(&RISK_DIRECTIONS)).hint("Every submission to the FIMU says so (INT-1, s9)"),
            q("fimu.reference", "Intelligence or FIMU reference (optional)", "the reference", text()),
        ]),
        check_answers_page("Confirm"),
        page("declaration", "Confirm the submission", "Confirm", None, vec![
            q("declaration.confirm", "Confirm", "confirmation", checkboxes(vec![
                choice("confirmed", "I confirm this submission was made to the FIMU"),
            ])),
        ]),
    ];
    let rules = vec![
        rule(RuleId::Int1, "case.ctco", RuleCheck::Required, "Enter your name"),
        rule(RuleId::Int1, "fimu.date", RuleCheck::Required, ""),
        rule(RuleId::Int1, "fimu.date", RuleCheck::RealDate, ""),
        rule(RuleId::Int1, "fimu.date", RuleCheck::NotFuture, ""),
        rule(RuleId::Int1, "fimu.kind", RuleCheck::Required, "Select what you submitted"),
        rule(
            RuleId::Int1,
            "fimu.direction",
            RuleCheck::Required,
            "Say whether the risk is escalating, de-escalating or static: every submission to the FIMU says so",
        ),
        rule(RuleId::Int1, "declaration.confirm", RuleCheck::Required, "Confirm the submission"),
    ];
    FormSchema {
        id: SUBMISSION_FORM_ID.into(),
        version: VERSION,
        title: "Submission to the FIMU".into(),
        pages,
        rules,
        def: Def(&SUBMISSION_DEF),
    }
}

/// The date of the submission the answers record, when given.
pub fn submission_of(answers: &Answers) -> Option<NaiveDate> {
    date_of(answers, "fimu.date")
}

/// One line for a recorded submission, as the case page lists it: what was submitted, the risk
/// direction (INT-1) and the reference when given.
pub fn submission_summary(answers: &Answers) -> String {
    let label = |list: &[(&str, &'static str)], id: &str| {
        answers
            .text(id)
            .and_then(|v| list.iter().find(|(k, _)| *k == v))
            .map_or("Not given", |(_, l)| *l)
    };
    let mut out = format!(
        "{}. Risk: {}",
        label(&SUBMISSION_KINDS, "fimu.kind"),
        label(&RISK_DIRECTIONS, "fimu.direction").to_ascii_lowercase()
    );
    if let Some(r) = answers
        .text("fimu.reference")
        .filter(|r| !r.trim().is_empty())
    {
        out.push_str(&format!(". Reference: {}", r.trim()));
    }
    out
}

/// A PLP form's part of validation, audit, export and import (issue 17, `FormDef`): its rules
/// read over the whole case, the CTCO or the supervisor as author (as a PGA's), and its own
/// export fields.
pub struct PlpDef {
    id: &'static str,
    rules: Option<fn(&FormSchema, &Answers, &Context) -> Vec<Issue>>,
    extra: &'static [ExtraField],
    link: Option<&'static str>,
}

impl FormDef for PlpDef {
    fn id(&self) -> &'static str {
        self.id
    }
    fn author(&self, answers: &Answers, path: &str) -> String {
        crate::pga_form::author(answers, path)
    }
    fn rules(
        &self,
        schema: &FormSchema,
        answers: &Answers,
        ctx: &Context,
        _keep: &dyn Fn(&str) -> bool,
    ) -> Vec<Issue> {
        self.rules
            .map_or_else(Vec::new, |r| r(schema, answers, ctx))
    }
    fn extra_fields(&self) -> &'static [ExtraField] {
        self.extra
    }
    fn link_field(&self) -> Option<&'static str> {
        self.link
    }
}

/// The export's `subject_type` (a PLP entry): the hidden answer [`SUBJECT_FIELD`].
pub const SUBJECT_EXPORT: ExtraField = ExtraField::Answer {
    field: "subject_type",
    answer: SUBJECT_FIELD,
    name: "subject type",
    what: "individual, institution or expression",
    valid: |s| SUBJECT_TYPES.contains(&s),
    schema: || {
        serde_json::json!({
            "enum": [SUBJECT_TYPES[0], SUBJECT_TYPES[1], SUBJECT_TYPES[2], null],
            "description": "Who or what the case is about, carried across from the Gateway Assessment it was started from (the hidden answer case.subject: the PGA's question of that id); null when it was started otherwise.",
        })
    },
};

/// The export's `case_id` (a reassessment, closure, panel or FIMU submission): the hidden
/// answer [`CASE_FIELD`].
pub const CASE_EXPORT: ExtraField = ExtraField::Answer {
    field: "case_id",
    answer: CASE_FIELD,
    name: "case id",
    what: "the record id of a PLP case",
    valid: crate::import::is_record_id,
    schema: || {
        serde_json::json!({
            "type": ["string", "null"],
            "description": "The record id of the PLP case this record belongs to (the hidden answer plp.case, set when it was started from the case); null when it is linked to none.",
            "pattern": crate::export::RECORD_ID_PATTERN,
        })
    },
};

/// The fields of a record linked to a case.
const LINKED_EXPORT: [ExtraField; 2] = [crate::pga_form::FRAMEWORK_EXPORT, CASE_EXPORT];

/// The PLP entry (PLP-1..3, s11-s12).
pub const PLP_DEF: PlpDef = PlpDef {
    id: FORM_ID,
    rules: Some(rules),
    extra: &[crate::pga_form::FRAMEWORK_EXPORT, SUBJECT_EXPORT],
    link: None,
};
/// The reassessment (PLP-4, PLP-5, s12).
pub const REVIEW_DEF: PlpDef = PlpDef {
    id: REVIEW_FORM_ID,
    rules: Some(review_rules),
    extra: &LINKED_EXPORT,
    link: Some(CASE_FIELD),
};
/// The closure (s13).
pub const CLOSURE_DEF: PlpDef = PlpDef {
    id: CLOSURE_FORM_ID,
    rules: Some(closure_rules),
    extra: &LINKED_EXPORT,
    link: Some(CASE_FIELD),
};
/// The panel meeting.
pub const PANEL_DEF: PlpDef = PlpDef {
    id: PANEL_FORM_ID,
    rules: Some(panel_rules),
    extra: &LINKED_EXPORT,
    link: Some(CASE_FIELD),
};
/// The submission to the FIMU (INT-1).
pub const SUBMISSION_DEF: PlpDef = PlpDef {
    id: SUBMISSION_FORM_ID,
    rules: None,
    extra: &LINKED_EXPORT,
    link: Some(CASE_FIELD),
};
