//! The Prevent Gateway Assessment as a form (DESIGN.md, PGA; issue 4): its pages and questions
//! are built from a DIF [`Framework`], so a force's replacement framework changes the DIF pages
//! without code changes. The answers are read back into a typed [`Gateway`] and a DIF
//! [`Record`], and the rules PGA-1 and PGA-3..16 ([`crate::pga`]) and DIF-1 ([`crate::dif`]) run
//! over them; [`crate::validate::validate`] adds their issues to the form's own, against the
//! question each belongs to. PGA-2, PGA-7's and PGA-15's deadlines come from [`deadlines`].
//!
//! Field ids are the export's names and are stable: `case.*`, `deconfliction.*`,
//! `checks.<check>.*`, `contact.*`, `visit.*`, `dif.<section>.<factor>.finding|evidence`,
//! `assessment.*`, `prompts.*`, `decision.*`, `supervisor.*`, `declaration.confirm`.

use crate::answers::{Answer, Answers};
use crate::calendar::Calendar;
use crate::catalogue::RuleId;
use crate::date;
use crate::deadline::{self, Deadline};
use crate::dif::{self, Finding, Framework, Record, Recorded};
use crate::form::{
    Check as RuleCheck, Choice, Condition, Context, FormSchema, Page, QuestionKind, Rule,
};
use crate::form_builder::{
    area, check_answers_page, checkboxes, choice, choice_hint, eq, page, q, radios, rule, select,
    text, yes_no, PageExt, QuestionExt,
};
use crate::form_def::{Def, ExtraField, FormDef};
use crate::pga::{
    self, AreaModel, Check, Decision, Deconfliction, Gateway, Officer, PreDeconflictionActivity,
    Rank, Subject, Unavailable, Visit, CHECKS,
};
use crate::validate::Issue;
use chrono::NaiveDate;

/// Form id used in drafts and exports.
pub const FORM_ID: &str = "pga";
/// Version of the PGA form's own pages (the DIF pages carry the framework's version too).
pub const VERSION: u32 = 1;
/// Title of the form.
pub const TITLE: &str = "Prevent Gateway Assessment";
/// The page everything else waits for (PGA-1).
pub const DECONFLICTION_PAGE: &str = "deconfliction";
/// The task-list section of the case details and de-confliction.
pub const FIRST_SECTION: &str = "Case and de-confliction";

/// DIF-1 (s8): every factor of the framework is recorded present, absent or unknown.
pub(crate) fn dif_rules(framework: &Framework) -> Vec<Rule> {
    framework
        .sections
        .iter()
        .flat_map(|s| {
            s.factors.iter().map(move |f| {
                rule(
                    RuleId::Dif1,
                    &finding_field(&s.id, &f.id),
                    RuleCheck::Required,
                    &format!("Record whether '{}' is present, absent or unknown", f.label),
                )
            })
        })
        .collect()
}

/// DIF-1 (s8) over the answers of a form with DIF pages: evidence for every factor found
/// present, shown against the factor's evidence question.
pub(crate) fn dif_issues(schema: &FormSchema, answers: &Answers) -> Vec<Issue> {
    dif_issues_where(schema, answers, &|_| true)
}

/// [`dif_issues`] of the factors whose evidence question `keep` accepts (a page's, as
/// [`crate::validate::validate_page`] asks): the same issues, without reading the others.
pub(crate) fn dif_issues_where(
    schema: &FormSchema,
    answers: &Answers,
    keep: &dyn Fn(&str) -> bool,
) -> Vec<Issue> {
    // Only the DIF pages with a question kept, then only the factors whose evidence is kept.
    let mut f = framework_of_pages(schema, &|p| p.questions.iter().any(|q| keep(&q.id)));
    for s in &mut f.sections {
        let section = s.id.clone();
        s.factors.retain(|x| keep(&evidence_field(&section, &x.id)));
    }
    dif::validate(&f, &dif_record(&f, answers))
        .issues
        .into_iter()
        .map(|mut i| {
            i.path.push_str(".evidence");
            i
        })
        .collect()
}

/// The task-list section each DIF section belongs to (DESIGN.md's order); unknown sections of a
/// replacement framework get their own title.
fn dif_task_section(section_id: &str) -> Option<&'static str> {
    match section_id {
        "engagement" | "intent" | "capability" => Some("Prevent relevance"),
        "vulnerability" => Some("Vulnerability and complex needs"),
        "threat" => Some("Threat and risk"),
        "protective" => Some("Protective factors"),
        _ => None,
    }
}

/// The field id of a factor's finding.
pub fn finding_field(section: &str, factor: &str) -> String {
    format!("dif.{section}.{factor}.finding")
}

/// The field id of a factor's evidence.
pub fn evidence_field(section: &str, factor: &str) -> String {
    format!("dif.{section}.{factor}.evidence")
}

/// A section's source as shown on its page: the first part of the framework's citation,
/// without the notes for maintainers that follow it.
fn source_note(source: &str) -> String {
    let first = source.split([';', ':']).next().unwrap_or(source).trim();
    if first.contains("DESIGN.md") {
        "the toolkit's default factor set, which your force can replace in settings".into()
    } else {
        first.to_string()
    }
}

pub(crate) fn dif_page(s: &dif::Section) -> Page {
    let mut questions = Vec::new();
    for f in &s.factors {
        let finding = finding_field(&s.id, &f.id);
        questions.push(q(
            &finding,
            &f.label,
            &f.label.to_ascii_lowercase(),
            radios(
                vec![
                    choice("present", "Present"),
                    choice("absent", "Absent"),
                    choice("unknown", "Unknown"),
                ],
                true,
            ),
        ));
        let evidence = q(
            &evidence_field(&s.id, &f.id),
            &format!("Evidence for '{}'", f.label),
            &format!("evidence for {}", f.label.to_ascii_lowercase()),
            area(3),
        );
        questions.push(
            evidence
                .hint("What you found, and where (for example the check or document). Required when the factor is present.")
                .when(Condition::Any(vec![eq(&finding, "present"), eq(&finding, "absent")])),
        );
    }
    let mut p = page(
        &format!("dif-{}", s.id),
        &s.title,
        dif_task_section(&s.id).unwrap_or(&s.title),
        Some(&format!(
            "Record each factor as present, absent or unknown, with your evidence (s8). Source: {}.",
            source_note(&s.source)
        )),
        questions,
    );
    // The threat section also asks about a current Pursue investigation (PGA-14).
    if s.id == "threat" {
        let pursue = q(
            "threat.pursue_investigation",
            "Is the subject under current Pursue investigation?",
            "whether the subject is under current Pursue investigation",
            yes_no(),
        );
        p.questions.push(pursue.hint("A subject under current Pursue investigation cannot be a Channel case, and goes into PLP only in the most exceptional circumstances (PGA-14, s10)."));
    }
    if s.id == "vulnerability" {
        p.questions.push(q(
            "vulnerability.vsh",
            "Has the subject been referred to a Vulnerability Support Hub?",
            "Vulnerability Support Hub referral",
            radios(
                vec![
                    choice("yes", "Yes"),
                    choice("no", "No"),
                    choice("not-applicable", "No hub in this area"),
                ],
                false,
            ),
        ));
        p.questions.push(
            q(
                "vulnerability.vsh_outcome",
                "What was the outcome of the hub referral?",
                "outcome of the hub referral",
                area(3),
            )
            .when(eq("vulnerability.vsh", "yes")),
        );
    }
    p
}

/// The decisions as offered, with what each means.
fn decision_choices() -> Vec<Choice> {
    Decision::ALL
        .iter()
        .map(|d| {
            let (value, hint) = decision_value(*d);
            choice_hint(value, d.label(), hint)
        })
        .collect()
}

/// Stored value of a decision and its hint.
pub fn decision_value(d: Decision) -> (&'static str, &'static str) {
    match d {
        Decision::KeepInPcm => ("keep-in-pcm", "Information Gathering next (PGA-6)"),
        Decision::ReferToLacc => (
            "refer-to-lacc",
            "Dovetail areas: the Local Authority completes Information Gathering (PGA-7)",
        ),
        Decision::StraightToPlp => (
            "straight-to-plp",
            "Into the Police-led Partnership process now (PGA-8)",
        ),
        Decision::Close => ("close", "No Prevent-relevant concern (PGA-9)"),
        Decision::CloseAndEscalateToPursue => (
            "close-escalate-pursue",
            "Close in Prevent and escalate a Pursue-relevant concern (PGA-9, s13)",
        ),
    }
}

fn decision_of(value: &str) -> Option<Decision> {
    Decision::ALL
        .into_iter()
        .find(|d| decision_value(*d).0 == value)
}

/// The PGA form built from a DIF framework.
pub fn schema(framework: &Framework) -> FormSchema {
    let individual = eq("case.subject", "individual");
    let mut pages = vec![
        page("case", "Case details", FIRST_SECTION, Some("The case as the FIMU sent it to you. Deadlines are counted in working days from the date you received it (s8)."), vec![
            q("case.ctco", "Your name", "your name", text()).hint("The CTCO completing this assessment. It is recorded against every change in the audit trail."),
            q("case.reference", "Case reference", "case reference", text()).hint("The PCM Tracker or CMIS reference. Only one Prevent Gateway Assessment is ever completed for a case (PGA-10, s8)."),
            q("case.received", "When did you receive the de-conflicted referral from the FIMU?", "the date you received the referral", QuestionKind::Date).hint("For example, 24 11 2026. Day 0: the PGA is due 5 working days later (PGA-2, s8)."),
            q("case.subject", "Who or what is the referral about?", "subject type", radios(vec![
                choice("individual", "A person"),
                choice("institution", "An institution"),
                choice_hint("expression", "An ideological expression", "For example a leafleting or stickering campaign"),
            ], false)),
            q("case.area", "Is this a Dovetail area?", "area model", radios(vec![
                choice_hint("dovetail", "Yes, Dovetail", "The Local Authority (LACC) completes Information Gathering for Channel cases"),
                choice_hint("non-dovetail", "No, not Dovetail", "CTP-Prevent completes Information Gathering and the S.36 decision"),
            ], false)).hint("This decides which Gateway Decisions are open and which deadlines apply (s10)."),
        ]),
        page(DECONFLICTION_PAGE, "FIMU de-confliction", FIRST_SECTION, Some("No assessment can start until the FIMU has de-conflicted the referral, with both a date and a reference number (PGA-1, s7)."), vec![
            q("deconfliction.date", "Date of de-confliction", "the date of de-confliction", QuestionKind::Date).hint("For example, 24 11 2026"),
            q("deconfliction.reference", "De-confliction reference number", "de-confliction reference", text()).hint("The NCIA or other log reference the FIMU gave"),
            q("deconfliction.rado", "RADO grading given by the FIMU (optional)", "RADO grading", select(vec![
                choice("", "Not given"),
                choice("1", "RADO 1"), choice("2", "RADO 2"), choice("3", "RADO 3"),
                choice("4", "RADO 4"), choice("5", "RADO 5"), choice("6", "RADO 6"),
            ])).hint("A case closed after a RADO 6 grading does not need a Gateway Decision submission to the FIMU (PGA-11, s8)"),
            q("deconfliction.before", "What did you do before de-confliction? (optional)", "activity before de-confliction", checkboxes(vec![
                choice("contact-referrer", "Contacted the referrer because the referral lacked basic relevant information"),
                choice("requested-by-fimu", "Activity the FIMU specifically requested for its assessment"),
                choice("biographical", "Gathered basic biographical data from local systems or the referrer"),
            ])).hint("These are the only things allowed before de-confliction (s7). Select all that apply."),
        ]),
    ];
    // Background checks (PGA-3).
    let mut checks = Vec::new();
    for (key, name) in CHECKS {
        let status = format!("checks.{key}.status");
        let mut options = vec![
            choice("done", "Done"),
            choice(
                "fimu",
                "Known from the FIMU's checks, without significant delay since",
            ),
        ];
        if key == "ct-holmes" {
            options.push(choice("not-available", "Not available in this force"));
        }
        checks.push(q(
            &status,
            &format!("{name} check"),
            &format!("{name} check"),
            radios(options, false),
        ));
        checks.push(
            q(
                &format!("checks.{key}.date"),
                &format!("Date of the {name} check"),
                &format!("the date of the {name} check"),
                QuestionKind::Date,
            )
            .hint("For example, 25 11 2026")
            .when(eq(&status, "done")),
        );
        checks.push(
            q(
                &format!("checks.{key}.result"),
                &format!("Result of the {name} check"),
                &format!("result of the {name} check"),
                area(2),
            )
            .when(eq(&status, "done")),
        );
    }
    pages.push(page("checks", "Background checks", "Background checks", Some("Each check is either done, with its date and result, or known from the FIMU's checks (PGA-3, s8). CT Holmes only where it is available."), checks));
    pages.push(page("contact", "Partner contact and visits", "Background checks", Some("At PGA, partners are not normally contacted and the subject is visited only in very exceptional cases (s8)."), vec![
        q("contact.partner", "Have you contacted any partner agency?", "whether you contacted a partner", yes_no()),
        q("contact.rationale", "Why was contacting a partner necessary at this stage?", "rationale for contacting a partner", area(3)).hint("Partners should not normally be contacted until Information Gathering (PGA-4, s8)").when(eq("contact.partner", "yes")),
        q("visit.needed", "Have you visited, or do you plan to visit, the subject?", "whether the subject is visited", yes_no()),
        q("visit.rationale", "Why is a visit absolutely necessary?", "rationale for the visit", area(3)).when(eq("visit.needed", "yes")),
        q("visit.agreed", "Who agrees that the visit is absolutely necessary?", "who agrees to the visit", checkboxes(vec![
            choice("ctco", "The CTCO"),
            choice("supervisor", "The supervisor"),
        ])).hint("Both must agree (PGA-5, s8). Select all that apply.").when(eq("visit.needed", "yes")),
        q("visit.best_placed", "Who is best placed to visit, and why?", "who is best placed to visit", area(3)).hint("A partner with an existing relationship, a dual visit, or the CTCO").when(eq("visit.needed", "yes")),
        q("visit.consent", "Has Channel consent been raised with the subject?", "whether Channel consent was raised", yes_no()).hint("It must not be raised at this stage unless the subject raises it (PGA-5, s8)").when(eq("visit.needed", "yes")),
    ]));
    pages.push(page(
        "relevance",
        "Type of concern",
        "Prevent relevance",
        None,
        vec![q(
            "relevance.concern",
            "What type of concern is it?",
            "type of concern",
            radios(
                vec![
                    choice("islamist", "Islamist"),
                    choice("extreme-right-wing", "Extreme right-wing"),
                    choice(
                        "no-ideology",
                        "No ideology identified, or other susceptibility",
                    ),
                    choice(
                        "extreme-violence",
                        "Fascination with extreme violence or mass-casualty attacks",
                    ),
                    choice("multiple", "Multiple ideologies, none dominant"),
                    choice(
                        "left-anarchist-single-issue",
                        "Left wing, anarchist or single issue",
                    ),
                    choice("other", "Other"),
                ],
                false,
            ),
        )
        .hint("The Home Office Prevent statistics categories (2024/25)")],
    ));
    for s in &framework.sections {
        pages.push(dif_page(s));
    }
    pages.push(page("assessment", "Assessment summary", "Assessment summary", None, vec![
        q("assessment.concern", "What is your assessment?", "assessment", radios(vec![
            choice_hint("suspicion", "There is a reasonable suspicion of a Prevent-relevant concern", "Needed to keep the case in PCM or refer it on (PGA-6, PGA-7)"),
            choice_hint("no-concern", "There is a reasonable belief that there is no Prevent-relevant concern", "Needed to close the case (PGA-9)"),
            choice("unclear", "Neither, yet"),
        ], false)),
        q("assessment.pursue", "Is there a Pursue-relevant concern?", "whether there is a Pursue-relevant concern", yes_no()),
        q("assessment.unsuitable_plp", "Is the case unsuitable for PLP?", "whether the case is unsuitable for PLP", yes_no()).when(Condition::All(vec![eq("case.area", "dovetail"), individual.clone()])),
        q("assessment.traced", "Can the person responsible be traced?", "whether the responsible person can be traced", yes_no()).hint("If not, the case goes straight to PLP (PGA-8, s8)").when(Condition::Any(vec![eq("case.subject", "institution"), eq("case.subject", "expression")])),
        q("assessment.direction", "Is the risk escalating, de-escalating or static?", "risk direction", radios(vec![
            choice("escalating", "Escalating"),
            choice("de-escalating", "De-escalating"),
            choice("static", "Static"),
        ], true)).hint("Every submission to the FIMU says so (INT-1, s9)"),
        q("assessment.summary", "Summary of your assessment", "summary of the assessment", area(5)),
    ]));
    let prompts = page(
        "prompts",
        "Foreign nationals and travel",
        "Assessment summary",
        None,
        vec![
            q(
                "prompts.foreign",
                "Is the subject a foreign national?",
                "whether the subject is a foreign national",
                yes_no(),
            )
            .when(individual.clone()),
            q(
                "prompts.overseas",
                "Have you considered contacting the FCO, the CRO and Immigration?",
                "whether FCO, CRO and Immigration contact was considered",
                yes_no(),
            )
            .hint("PGA-12, s8")
            .when(eq("prompts.foreign", "yes")),
            q(
                "prompts.juvenile",
                "Is the subject under 18?",
                "whether the subject is under 18",
                yes_no(),
            )
            .when(individual.clone()),
            q(
                "prompts.travel",
                "Does the subject show a propensity to travel to conflict areas?",
                "propensity to travel",
                yes_no(),
            )
            .when(individual.clone()),
            q(
                "prompts.piw",
                "Have you considered a Ports Intelligence Watchlist (PIW) request?",
                "whether a PIW request was considered",
                yes_no(),
            )
            .hint("For a juvenile or a subject with a propensity to travel (PGA-13, s9)")
            .when(Condition::Any(vec![
                eq("prompts.juvenile", "yes"),
                eq("prompts.travel", "yes"),
            ])),
            q(
                "prompts.travel_risk",
                "What is the travel risk?",
                "travel risk",
                area(3),
            )
            .hint("A PIW request must articulate the travel risk (PGA-13, s9)")
            .when(Condition::All(vec![
                eq("prompts.piw", "yes"),
                eq("prompts.travel", "yes"),
            ])),
        ],
    )
    // Every prompt is about a person (PGA-12, PGA-13).
    .when(individual.clone());
    pages.push(prompts);
    pages.push(page("decision", "Gateway Decision", "Gateway Decision", Some("Options that the policy does not allow for this case are shown with the reason. Change your earlier answers if a reason is wrong."), vec![
        q("decision.outcome", "What is the Gateway Decision?", "Gateway Decision", radios(decision_choices(), false)),
        q("decision.rationale", "Rationale for the decision", "rationale for the decision", area(6)).hint("What you decided and why: the supervisor approves it, and it goes to the FIMU with the decision"),
    ]));
    pages.push(page("supervision", "Supervision", "Supervision", Some("The Gateway Decision is final only once supervised (PGA-10, s8). The supervisor is at least a Sergeant or a police staff CTCO supervisor, and never the CTCO (PGA-16, s14)."), vec![
        q("supervisor.name", "Supervisor's name", "supervisor's name", text()),
        q("supervisor.rank", "Supervisor's rank or grade", "supervisor's rank", radios(vec![
            choice("sergeant-or-above", "Sergeant or above"),
            choice("staff-supervisor", "Police staff CTCO supervisor"),
            choice("constable", "Constable"),
            choice("police-staff", "Other police staff"),
        ], false)),
        q("supervisor.acting", "Is it an acting rank?", "whether the rank is acting", yes_no()),
        q("supervisor.acting_approved", "Has the force formally approved the acting rank?", "whether the acting rank is approved", yes_no()).when(eq("supervisor.acting", "yes")),
        q("supervisor.date", "Date of the supervisor's sign-off", "the date of the supervisor's sign-off", QuestionKind::Date).hint("For example, 27 11 2026"),
        q("supervisor.approved", "Does the supervisor approve the decision and its rationale?", "supervisor's approval", radios(vec![
            choice_hint("yes", "Yes", "For a referral to the LACC this records the supervisor's endorsement (PGA-7)"),
            choice("no", "No"),
        ], false)),
        q("supervisor.comments", "Supervisor's comments (optional)", "supervisor's comments", area(4)),
    ]));
    pages.push(check_answers_page("Finalise"));
    pages.push(page("declaration", "Finalise the assessment", "Finalise", Some("Once final, the DIF and the Gateway Decision can never be altered (PGA-10, s8)."), vec![
        q("declaration.confirm", "Confirm", "confirmation", checkboxes(vec![
            choice("final", "I confirm that this assessment is complete and supervised, and that it cannot be changed once final"),
        ])),
    ]));
    let mut rules = vec![
        rule(
            RuleId::Pga10,
            "case.reference",
            RuleCheck::Required,
            "Enter the case reference",
        ),
        rule(RuleId::Pga2, "case.received", RuleCheck::Required, ""),
        rule(RuleId::Pga2, "case.received", RuleCheck::RealDate, ""),
        rule(RuleId::Pga2, "case.received", RuleCheck::NotFuture, ""),
        rule(
            RuleId::Pga8,
            "case.subject",
            RuleCheck::Required,
            "Select who or what the referral is about",
        ),
        rule(
            RuleId::Pga7,
            "case.area",
            RuleCheck::Required,
            "Select whether this is a Dovetail area",
        )
        .citing("s10"),
        rule(
            RuleId::Pga16,
            "case.ctco",
            RuleCheck::Required,
            "Enter your name",
        )
        .citing("s14"),
        rule(RuleId::Pga1, "deconfliction.date", RuleCheck::RealDate, ""),
        rule(RuleId::Pga1, "deconfliction.date", RuleCheck::NotFuture, ""),
        rule(
            RuleId::Pga4,
            "contact.partner",
            RuleCheck::Required,
            "Select yes if you have contacted a partner agency",
        ),
        rule(
            RuleId::Pga5,
            "visit.needed",
            RuleCheck::Required,
            "Select yes if you have visited, or plan to visit, the subject",
        ),
        rule(RuleId::Pga3, "checks.pnc.date", RuleCheck::RealDate, ""),
        rule(
            RuleId::Pga6,
            "assessment.concern",
            RuleCheck::Required,
            "Select your assessment",
        ),
        rule(
            RuleId::Pga9,
            "assessment.pursue",
            RuleCheck::Required,
            "Select yes if there is a Pursue-relevant concern",
        )
        .citing("s8"),
        rule(
            RuleId::Pga7,
            "assessment.unsuitable_plp",
            RuleCheck::Required,
            "Select yes if the case is unsuitable for PLP",
        )
        .citing("s8"),
        rule(
            RuleId::Pga8,
            "assessment.traced",
            RuleCheck::Required,
            "Select yes if the person responsible can be traced",
        ),
        rule(
            RuleId::Int1,
            "assessment.direction",
            RuleCheck::Required,
            "Select whether the risk is escalating, de-escalating or static",
        ),
        rule(
            RuleId::Pga12,
            "prompts.foreign",
            RuleCheck::Required,
            "Select yes if the subject is a foreign national",
        ),
        rule(
            RuleId::Pga13,
            "prompts.juvenile",
            RuleCheck::Required,
            "Select yes if the subject is under 18",
        ),
        rule(
            RuleId::Pga13,
            "prompts.travel",
            RuleCheck::Required,
            "Select yes if the subject shows a propensity to travel to conflict areas",
        ),
        rule(
            RuleId::Pga16,
            "supervisor.rank",
            RuleCheck::Required,
            "Select the supervisor's rank or grade",
        )
        .citing("s14"),
        rule(
            RuleId::Pga16,
            "supervisor.acting",
            RuleCheck::Required,
            "Select yes if the supervisor's rank is an acting rank",
        )
        .citing("s14"),
        rule(
            RuleId::Pga16,
            "supervisor.acting_approved",
            RuleCheck::Required,
            "Select yes if the force has formally approved the acting rank",
        )
        .citing("s14"),
        rule(RuleId::Pga10, "supervisor.date", RuleCheck::Required, ""),
        rule(RuleId::Pga10, "supervisor.date", RuleCheck::RealDate, ""),
        rule(RuleId::Pga10, "supervisor.date", RuleCheck::NotFuture, ""),
        rule(
            RuleId::Pga10,
            "declaration.confirm",
            RuleCheck::Required,
            "Confirm that the assessment is complete, supervised and final",
        ),
    ];
    rules.retain(|r| r.field != "checks.pnc.date");
    for (key, _) in CHECKS {
        rules.push(rule(
            RuleId::Pga3,
            &format!("checks.{key}.date"),
            RuleCheck::RealDate,
            "",
        ));
    }
    rules.extend(dif_rules(framework));
    rules.push(rule(
        RuleId::Pga14,
        "threat.pursue_investigation",
        RuleCheck::Required,
        "Select yes if the subject is under current Pursue investigation",
    ));
    FormSchema {
        id: FORM_ID.into(),
        version: VERSION,
        title: TITLE.into(),
        pages,
        rules,
        def: Def(&PgaDef),
    }
}

fn yes(answers: &Answers, schema: &FormSchema, ctx: &Context, id: &str) -> bool {
    schema
        .visible_answer(id, answers, ctx)
        .and_then(Answer::as_text)
        == Some("yes")
}

fn text_of(answers: &Answers, schema: &FormSchema, ctx: &Context, id: &str) -> String {
    schema
        .visible_answer(id, answers, ctx)
        .and_then(Answer::as_text)
        .unwrap_or("")
        .trim()
        .to_string()
}

/// A (shown) date answer that is a real date.
pub fn date_of(answers: &Answers, id: &str) -> Option<NaiveDate> {
    match answers.filled(id) {
        Some(Answer::Date(parts)) => date::parse(parts).ok(),
        _ => None,
    }
}

/// The typed record the PGA rules run over, read from the answers. Only shown answers count.
pub fn gateway(schema: &FormSchema, answers: &Answers, ctx: &Context) -> Gateway {
    let t = |id: &str| text_of(answers, schema, ctx, id);
    let y = |id: &str| yes(answers, schema, ctx, id);
    let subject = match t("case.subject").as_str() {
        "institution" => Subject::Institution,
        "expression" => Subject::IdeologicalExpression,
        _ => Subject::Individual,
    };
    let checks = CHECKS
        .iter()
        .map(|(key, _)| {
            let c = match t(&format!("checks.{key}.status")).as_str() {
                "done" => Check::Done {
                    on: date_of(answers, &format!("checks.{key}.date")),
                    result: t(&format!("checks.{key}.result")),
                },
                "fimu" => Check::KnownFromFimu,
                "not-available" => Check::NotAvailable,
                _ => Check::NotDone,
            };
            (*key, c)
        })
        .collect();
    let before = match answers.get("deconfliction.before") {
        Some(Answer::Choices(cs)) => cs
            .iter()
            .filter_map(|c| match c.as_str() {
                "contact-referrer" => {
                    Some(PreDeconflictionActivity::ContactReferrerForBasicInformation)
                }
                "requested-by-fimu" => Some(PreDeconflictionActivity::RequestedByFimu),
                "biographical" => Some(PreDeconflictionActivity::BasicBiographicalData),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let agreed = |who: &str| matches!(answers.get("visit.agreed"), Some(Answer::Choices(cs)) if cs.iter().any(|c| c == who));
    let supervisor_name = t("supervisor.name");
    let rank = match t("supervisor.rank").as_str() {
        "sergeant-or-above" => Some(Rank::SergeantOrAbove),
        "staff-supervisor" => Some(Rank::PoliceStaffSupervisor),
        "constable" => Some(Rank::Constable),
        "police-staff" => Some(Rank::PoliceStaff),
        _ => None,
    };
    let traced = schema
        .visible_answer("assessment.traced", answers, ctx)
        .and_then(Answer::as_text)
        .map(|a| a == "yes");
    Gateway {
        case_reference: t("case.reference"),
        area: if t("case.area") == "dovetail" {
            AreaModel::Dovetail
        } else {
            AreaModel::NonDovetail
        },
        subject,
        deconfliction: Deconfliction {
            date: date_of(answers, "deconfliction.date"),
            reference: t("deconfliction.reference"),
            rado: t("deconfliction.rado").parse().ok(),
        },
        pre_deconfliction: before,
        checks,
        partner_contact: y("contact.partner").then(|| t("contact.rationale")),
        visit: y("visit.needed").then(|| Visit {
            rationale: t("visit.rationale"),
            agreed_by_ctco: agreed("ctco"),
            agreed_by_supervisor: agreed("supervisor"),
            best_placed: t("visit.best_placed"),
            consent_raised: y("visit.consent"),
        }),
        reasonable_suspicion: t("assessment.concern") == "suspicion",
        reasonable_belief_no_concern: t("assessment.concern") == "no-concern",
        pursue_relevant: y("assessment.pursue"),
        under_pursue_investigation: y("threat.pursue_investigation"),
        unsuitable_for_plp: y("assessment.unsuitable_plp"),
        responsible_person_traced: traced,
        foreign_national: y("prompts.foreign"),
        overseas_checks_considered: y("prompts.overseas"),
        juvenile: y("prompts.juvenile"),
        travel_propensity: y("prompts.travel"),
        piw_considered: y("prompts.piw"),
        travel_risk: t("prompts.travel_risk"),
        decision: decision_of(&t("decision.outcome")),
        rationale: t("decision.rationale"),
        ctco: Officer {
            name: t("case.ctco"),
            rank: Rank::Constable,
            acting: false,
            acting_approved: false,
        },
        supervisor: (!supervisor_name.is_empty()).then(|| Officer {
            name: supervisor_name,
            // An unanswered rank is its own (required) error; it is not a PGA-16 problem yet.
            rank: rank.unwrap_or(Rank::SergeantOrAbove),
            acting: y("supervisor.acting"),
            acting_approved: y("supervisor.acting_approved"),
        }),
        supervisor_approved: y("supervisor.approved"),
        finalised: false,
    }
}

/// The DIF as recorded in the answers, against `framework`.
pub fn dif_record(framework: &Framework, answers: &Answers) -> Record {
    let mut r = Record {
        framework: framework.id.clone(),
        framework_version: framework.version,
        ..Record::default()
    };
    for s in &framework.sections {
        for f in &s.factors {
            let finding = match answers.text(&finding_field(&s.id, &f.id)) {
                Some("present") => Finding::Present,
                Some("absent") => Finding::Absent,
                Some("unknown") => Finding::Unknown,
                _ => continue,
            };
            r.factors.insert(
                format!("{}.{}", s.id, f.id),
                Recorded {
                    finding,
                    evidence: answers
                        .text(&evidence_field(&s.id, &f.id))
                        .unwrap_or("")
                        .trim()
                        .to_string(),
                },
            );
        }
    }
    r
}

/// The framework a PGA schema was built from, read back from its DIF pages (so validation needs
/// nothing but the schema).
pub(crate) fn framework_of(schema: &FormSchema) -> Framework {
    framework_of_pages(schema, &|_| true)
}

/// [`framework_of`] with only the sections of the DIF pages `keep` accepts.
fn framework_of_pages(schema: &FormSchema, keep: &dyn Fn(&Page) -> bool) -> Framework {
    let sections = schema
        .pages
        .iter()
        .filter(|p| keep(p))
        .filter_map(|p| {
            let id = p.id.strip_prefix("dif-")?;
            Some(dif::Section {
                id: id.to_string(),
                title: p.title.clone(),
                source: String::new(),
                factors: p
                    .questions
                    .iter()
                    .filter_map(|q| {
                        let rest = q.id.strip_prefix(&format!("dif.{id}."))?;
                        let factor = rest.strip_suffix(".finding")?;
                        Some(dif::Factor {
                            id: factor.to_string(),
                            label: q.label.clone(),
                        })
                    })
                    .collect(),
            })
        })
        .collect();
    Framework {
        id: String::new(),
        version: 0,
        title: String::new(),
        sections,
    }
}

/// The answer that names the DIF framework (id and version) a record is made with, as "<id>
/// version <n>". It is not a question: it is set when an officer starts a record of any form
/// (the app calls [`record_framework`]), and exported as the record's `dif_framework` (and, for a
/// PGA, with its Gateway Decision): docs/decisions/0004-import.md.
pub const FRAMEWORK_FIELD: &str = "dif.framework";

/// Records on a new PGA which framework it is made with, as "id version N".
pub fn record_framework(draft: &mut crate::Draft, framework: &Framework) {
    draft.answers.set(
        FRAMEWORK_FIELD,
        Answer::Text(format!("{} version {}", framework.id, framework.version)),
    );
}

/// PGA-1: de-confliction is complete (a real date, today or earlier, and a reference), so the
/// assessment may start.
pub fn deconflicted(answers: &Answers, today: NaiveDate) -> bool {
    date_of(answers, "deconfliction.date").is_some_and(|d| d <= today)
        && answers
            .text("deconfliction.reference")
            .is_some_and(|r| !r.trim().is_empty())
}

/// The issues of the PGA rules and DIF-1, against the PGA form's questions. Called by
/// [`crate::validate::validate`] for the PGA form; only issues of shown questions are kept.
pub fn rules(schema: &FormSchema, answers: &Answers, ctx: &Context) -> Vec<Issue> {
    rules_where(schema, answers, ctx, &|_| true)
}

/// [`rules`]' issues of the questions `keep` accepts (a page's, as
/// [`crate::validate::validate_page`] asks); DIF-1 is only worked out for those.
pub fn rules_where(
    schema: &FormSchema,
    answers: &Answers,
    ctx: &Context,
    keep: &dyn Fn(&str) -> bool,
) -> Vec<Issue> {
    let g = gateway(schema, answers, ctx);
    let mut issues = pga::validate(&g, ctx.today).issues;
    issues.extend(dif_issues_where(schema, answers, keep));
    issues.retain(|i| keep(&i.path) && schema.question_visible(&i.path, answers, ctx));
    for i in &mut issues {
        if matches!(schema.question(&i.path), Some((_, q)) if q.kind == QuestionKind::Date) {
            i.part = Some("day".into());
            i.parts = [true, true, true];
        }
    }
    issues
}

/// Why a Gateway Decision option cannot be chosen for these answers (PGA-6..9, PGA-14), or
/// `None` when it can. `value` is the option's stored value.
pub fn option_unavailable(
    schema: &FormSchema,
    answers: &Answers,
    ctx: &Context,
    value: &str,
) -> Option<Unavailable> {
    pga::unavailable(&gateway(schema, answers, ctx), decision_of(value)?)
}

/// PGA-11: whether the chosen decision goes to the FIMU; `None` before a decision is chosen.
pub fn fimu_submission(schema: &FormSchema, answers: &Answers, ctx: &Context) -> Option<bool> {
    let g = gateway(schema, answers, ctx);
    g.decision
        .map(|d| pga::fimu_submission_required(d, g.deconfliction.rado))
}

/// The deadlines of the case so far, live from the dates entered: the PGA (PGA-2), and the
/// LACC referral (PGA-7, Dovetail, when referred to the LACC or not yet decided) or the S.36
/// decision (PGA-15, not Dovetail) as they apply.
pub fn deadlines(answers: &Answers, cal: &Calendar) -> Vec<Deadline> {
    let mut out = Vec::new();
    let received = date_of(answers, "case.received");
    // Only a person can be referred to Channel (PGA-7, s10).
    let dovetail = answers.text("case.area") == Some("dovetail")
        && answers.text("case.subject") == Some("individual");
    let decision = answers.text("decision.outcome");
    if let Some(r) = received {
        out.push(deadline::pga_due(r, cal));
        if dovetail && decision.is_none_or(|d| d == "refer-to-lacc") {
            out.push(deadline::lacc_referral_due(r, cal));
        }
    }
    if let (Some(d), Some("non-dovetail")) = (
        date_of(answers, "deconfliction.date"),
        answers.text("case.area"),
    ) {
        if decision.is_none_or(|d| d == "keep-in-pcm") {
            out.push(deadline::s36_decision_due(d, cal));
        }
    }
    out
}

/// Whether finalising the PGA meets a deadline: the PGA itself (PGA-2), and the referral to
/// the LACC when that is the decision (PGA-7: the referral goes with the decision).
pub fn met_by_finalising(d: &Deadline, answers: &Answers) -> bool {
    d.rule_id == RuleId::Pga2
        || (d.rule_id == RuleId::Pga7 && answers.text("decision.outcome") == Some("refer-to-lacc"))
}

/// The next deadline that is not met, for lists: the earliest due date.
pub fn next_deadline(answers: &Answers, cal: &Calendar) -> Option<Deadline> {
    deadlines(answers, cal).into_iter().min_by_key(|d| d.due)
}

/// The Gateway Decision summary for the FIMU submission (PGA-11, INT-1): what was decided, why,
/// whether the risk is escalating, de-escalating or static, and the factors found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecisionSummary {
    /// Case reference.
    pub case_reference: String,
    /// The decision, as shown.
    pub decision: Option<&'static str>,
    /// Its rationale.
    pub rationale: String,
    /// Escalating, de-escalating or static.
    pub direction: Option<String>,
    /// Whether it must go to the FIMU (PGA-11).
    pub fimu_submission_required: Option<bool>,
    /// Factors found present, by section.
    pub factors: dif::Summary,
    /// Supervisor and sign-off date, as entered.
    pub supervised_by: Option<String>,
}

/// The running summary of the DIF factors found: [`dif::summary`] of the answers' DIF record,
/// read straight from the schema's DIF pages without building the framework and the record
/// (the side panel shows it on every keystroke: issue 9).
pub fn factor_summary(schema: &FormSchema, answers: &Answers) -> dif::Summary {
    let mut out = dif::Summary::default();
    for p in &schema.pages {
        let Some(section) = p.id.strip_prefix("dif-") else {
            continue;
        };
        let prefix = format!("dif.{section}.");
        let mut present = Vec::new();
        for q in &p.questions {
            let is_finding =
                q.id.strip_prefix(&prefix)
                    .is_some_and(|rest| rest.ends_with(".finding"));
            if !is_finding {
                continue;
            }
            match answers.text(&q.id) {
                Some("present") => present.push(q.label.clone()),
                Some("absent") => out.absent += 1,
                _ => out.unknown += 1,
            }
        }
        if !present.is_empty() {
            out.present.push((p.title.clone(), present));
        }
    }
    out
}

/// The summary of a PGA.
pub fn decision_summary(schema: &FormSchema, answers: &Answers, ctx: &Context) -> DecisionSummary {
    let g = gateway(schema, answers, ctx);
    let direction = schema.question("assessment.direction").and_then(|(_, q)| {
        let v = answers.text("assessment.direction")?;
        q.kind
            .choices()
            .iter()
            .find(|c| c.value == v)
            .map(|c| c.label.clone())
    });
    let supervised_by = g.supervisor.as_ref().map(|s| {
        let when = date_of(answers, "supervisor.date")
            .map(|d| format!(", {}", date::long_date(d)))
            .unwrap_or_default();
        format!("{}{when}", s.name)
    });
    DecisionSummary {
        case_reference: g.case_reference.clone(),
        decision: g.decision.map(Decision::label),
        rationale: g.rationale.clone(),
        direction,
        fimu_submission_required: g
            .decision
            .map(|d| pga::fimu_submission_required(d, g.deconfliction.rado)),
        factors: factor_summary(schema, answers),
        supervised_by,
    }
}

/// Who an answer is recorded against in the audit trail: the supervisor's own fields by the
/// supervisor's name, everything else by the CTCO's, as entered.
pub fn author(answers: &Answers, path: &str) -> String {
    let field = if path.starts_with("supervisor.") {
        "supervisor.name"
    } else {
        "case.ctco"
    };
    let name = answers.text(field).unwrap_or("").trim();
    match (name.is_empty(), field) {
        (false, _) => name.to_string(),
        (true, "supervisor.name") => "Supervisor (name not entered yet)".into(),
        _ => "CTCO (name not entered yet)".into(),
    }
}

/// The PGA's part of validation, audit, export and import (issue 17, `FormDef`): the rules
/// PGA-1, PGA-3..16 and DIF-1 read over the whole record ([`rules_where`]), the CTCO or the
/// supervisor as author ([`author`]), and the Gateway Decision and DIF framework as fields of
/// the export of their own.
pub struct PgaDef;

impl FormDef for PgaDef {
    fn id(&self) -> &'static str {
        FORM_ID
    }
    fn author(&self, answers: &Answers, path: &str) -> String {
        author(answers, path)
    }
    fn rules(
        &self,
        schema: &FormSchema,
        answers: &Answers,
        ctx: &Context,
        keep: &dyn Fn(&str) -> bool,
    ) -> Vec<Issue> {
        rules_where(schema, answers, ctx, keep)
    }
    fn extra_fields(&self) -> &'static [ExtraField] {
        &[GATEWAY_DECISION, FRAMEWORK_EXPORT]
    }
}

/// The export's `gateway_decision`: the Gateway Decision summary for the FIMU (PGA-11, INT-1),
/// worked out from the answers, with the name of its DIF framework.
pub const GATEWAY_DECISION: ExtraField = ExtraField::Summary {
    field: "gateway_decision",
    name: "Gateway Decision",
    keys: &GATEWAY_DECISION_FIELDS,
    build: decision_json,
    schema: gateway_decision_schema,
};

/// The keys of the export's `gateway_decision`, exactly.
pub const GATEWAY_DECISION_FIELDS: [&str; 10] = [
    "case_reference",
    "decision",
    "rationale",
    "risk_direction",
    "fimu_submission_required",
    "factors_present",
    "factors_absent",
    "factors_unknown",
    "supervised_by",
    "dif_framework",
];

/// The export's `dif_framework` (every officers' form): the hidden answer [`FRAMEWORK_FIELD`].
pub const FRAMEWORK_EXPORT: ExtraField = ExtraField::Answer {
    field: "dif_framework",
    answer: FRAMEWORK_FIELD,
    name: "DIF framework",
    what: "the name and version of a DIF framework",
    valid: is_framework_name,
    schema: || {
        serde_json::json!({
            "type": ["string", "null"],
            "description": "The DIF framework the record was made with, as \"<framework id> version <n>\" (the hidden answer dif.framework, set when the record was started); null when none was recorded.",
            "pattern": "^.*\\S.* version [0-9]{1,10}$",
            "maxLength": 200,
        })
    },
};

/// True for the name of a DIF framework as records hold it ([`record_framework`]):
/// "<framework id> version <n>", at most 200 characters.
pub fn is_framework_name(s: &str) -> bool {
    s.chars().count() <= crate::import::MAX_KEY_CHARS
        && s.rsplit_once(" version ").is_some_and(|(id, v)| {
            !id.trim().is_empty()
                && (1..=10).contains(&v.len())
                && v.bytes().all(|b| b.is_ascii_digit())
        })
}

/// The Gateway Decision summary as the export writes it.
fn decision_json(schema: &FormSchema, draft: &crate::Draft, ctx: &Context) -> serde_json::Value {
    let s = decision_summary(schema, &draft.answers, ctx);
    let present: Vec<serde_json::Value> = s
        .factors
        .present
        .iter()
        .map(|(section, factors)| serde_json::json!({"section": section, "factors": factors}))
        .collect();
    serde_json::json!({
        "case_reference": s.case_reference,
        "decision": s.decision,
        "rationale": s.rationale,
        "risk_direction": s.direction,
        "fimu_submission_required": s.fimu_submission_required,
        "factors_present": present,
        "factors_absent": s.factors.absent,
        "factors_unknown": s.factors.unknown,
        "supervised_by": s.supervised_by,
        "dif_framework": draft.answers.text(FRAMEWORK_FIELD),
    })
}

/// The schema of a PGA's `gateway_decision` block.
fn gateway_decision_schema() -> serde_json::Value {
    let s = |d: &str| serde_json::json!({"type": "string", "description": d});
    let n = |t: &str, d: &str| serde_json::json!({"type": [t, "null"], "description": d});
    serde_json::json!({
        "description": "The Gateway Decision summary for the FIMU (PGA-11, INT-1), computed from the answers.",
        "type": "object",
        "additionalProperties": false,
        "required": ["case_reference", "decision", "rationale", "risk_direction", "fimu_submission_required", "factors_present", "factors_absent", "factors_unknown", "supervised_by", "dif_framework"],
        "properties": {
            "case_reference": s("The case reference, as entered."),
            "decision": n("string", "The Gateway Decision, as shown."),
            "rationale": s("Its rationale."),
            "risk_direction": n("string", "Escalating, de-escalating or static."),
            "fimu_submission_required": n("boolean", "Whether the decision goes to the FIMU (PGA-11)."),
            "factors_present": {
                "description": "The DIF factors found present, by section.",
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["section", "factors"],
                    "properties": {
                        "section": {"type": "string"},
                        "factors": {"type": "array", "items": {"type": "string"}},
                    },
                },
            },
            "factors_absent": {"type": "integer", "minimum": 0, "description": "How many factors were recorded absent."},
            "factors_unknown": {"type": "integer", "minimum": 0, "description": "How many factors are unknown or not yet recorded."},
            "supervised_by": n("string", "The supervisor and the sign-off date, as entered."),
            "dif_framework": n("string", "The DIF framework the assessment was made with (\"id version N\")."),
        },
    })
}
