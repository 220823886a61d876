//! The DIF as pages of an officers' form (s8): one page per section of a [`Framework`], each
//! factor found present, absent or unknown with its evidence, read back into a DIF [`Record`]
//! (and the framework itself, from the schema alone), with DIF-1's issues. Also the hidden
//! answer naming the framework a record is made with, and its export field. The PGA and every
//! PLP form with a DIF use these.

use crate::answers::{Answer, Answers};
use crate::catalogue::RuleId;
use crate::dif::{self, Finding, Framework, Record, Recorded};
use crate::form::{Check as RuleCheck, Condition, Context, FormSchema, Page, QuestionKind, Rule};
use crate::form_builder::{area, choice, eq, page, q, radios, rule, yes_no, QuestionExt};
use crate::form_def::ExtraField;
use crate::validate::Issue;

/// The page of DIF section `s`: each factor's finding and its evidence (shown once a finding is
/// recorded present or absent), then the section's own questions: a current Pursue
/// investigation for the threat section (PGA-14), the Vulnerability Support Hub for the
/// vulnerability section.
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

/// The finding of a factor the officer has not assessed yet (issue 21, item 7): recorded, so
/// that the page can be left and the work saved, but not a finding. It is not in the DIF
/// ([`dif_record`] leaves it out), it shows as "Not assessed yet", and it blocks the Gateway
/// Decision ([`unassessed`], PGA-10): s8, "the results of this first use of the DIF and PGA
/// Decision arising from it are final", and s13, "PGA Decisions can only be made on the back of
/// a completed and supervised DIF".
pub const NOT_ASSESSED: &str = "not-assessed";

/// The Gateway Assessment's page of DIF section `s`: [`dif_page`] with the choice "Not assessed
/// yet" on each factor, and the page says how to use it.
pub(crate) fn pga_dif_page(s: &dif::Section) -> Page {
    let mut p = dif_page(s);
    p.lead = Some(format!(
        "Record each factor as present, absent or unknown, with your evidence (s8). If you have not assessed a factor yet, select 'Not assessed yet': you can save and come back, but the Gateway Decision waits until every factor is assessed (PGA-10). Source: {}.",
        source_note(&s.source)
    ));
    for q in &mut p.questions {
        if let (true, QuestionKind::Radios { choices, .. }) =
            (q.id.ends_with(".finding"), &mut q.kind)
        {
            choices.push(choice(NOT_ASSESSED, "Not assessed yet"));
        }
    }
    p
}

/// The factors recorded "Not assessed yet" on the shown DIF pages: (section title, factor
/// label), in page order.
pub fn unassessed<'a>(
    schema: &'a FormSchema,
    answers: &Answers,
    ctx: &Context,
) -> Vec<(&'a str, &'a str)> {
    schema
        .pages
        .iter()
        .filter(|p| p.id.starts_with("dif-") && schema.page_visible(p, answers, ctx))
        .flat_map(|p| {
            p.questions
                .iter()
                .filter(|q| answers.text(&q.id) == Some(NOT_ASSESSED))
                .map(move |q| (p.title.as_str(), q.label.as_str()))
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

/// The field id of a factor's finding.
pub fn finding_field(section: &str, factor: &str) -> String {
    format!("dif.{section}.{factor}.finding")
}

/// The field id of a factor's evidence.
pub fn evidence_field(section: &str, factor: &str) -> String {
    format!("dif.{section}.{factor}.evidence")
}

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

/// The answer that names the DIF framework (id and version) a record is made with, as `<id>
/// version <n>`. It is not a question: it is set when an officer starts a record of any form
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

/// True for the name of a DIF framework as records hold it ([`record_framework`]):
/// `<framework id> version <n>`, at most 200 characters.
pub fn is_framework_name(s: &str) -> bool {
    s.chars().count() <= crate::import::MAX_KEY_CHARS
        && s.rsplit_once(" version ").is_some_and(|(id, v)| {
            !id.trim().is_empty()
                && (1..=10).contains(&v.len())
                && v.bytes().all(|b| b.is_ascii_digit())
        })
}

/// The export's `dif_framework` (every officers' form): the hidden answer [`FRAMEWORK_FIELD`].
pub const FRAMEWORK_EXPORT: ExtraField = ExtraField::Answer {
    field: "dif_framework",
    answer: FRAMEWORK_FIELD,
    name: "DIF framework",
    what: "the name and version of a DIF framework",
    valid: is_framework_name,
    optional: false,
};
