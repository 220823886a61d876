//! The Prevent Gateway Assessment as a form (DESIGN.md, PGA; issue 4), tested through the
//! *answers* as the UI fills them: the schema built from the DIF framework, `validate` with the
//! PGA rules (PGA-1, PGA-3..16) and DIF-1 wired in, the decision options, PGA-11's FIMU
//! submission, the deadlines (PGA-2, PGA-7, PGA-15), the decision summary, the audit trail and
//! the read-only finished record (PGA-10). Table-driven: each case changes a complete, valid
//! answer set for one of the five Gateway Decisions and names every issue expected
//! (severity, rule id, field).

use chrono::NaiveDate;
use prevent_core::answers::{Answer, Answers};
use prevent_core::calendar::{Calendar, Division};
use prevent_core::dif::{self, Framework};
use prevent_core::draft::{AuditEntry, Draft};
use prevent_core::form::{Check, Context, FormSchema, PageKind};
use prevent_core::pga_form::{self, evidence_field, finding_field};
use prevent_core::store::{Envelope, KvStore, MemoryBackend, StoreError};
use prevent_core::validate::validate;
use prevent_core::{DraftStatus, RuleId, Severity};

use Severity::{Error as E, Warning as W};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The CTCO's today: a week after receipt, over Christmas.
fn ctx() -> Context {
    Context::on(d("2026-12-30"))
}

fn schema() -> FormSchema {
    pga_form::schema(&dif::default_framework())
}

fn text(t: &str) -> Answer {
    Answer::Text(t.into())
}

/// The five Gateway Decisions, each with its own complete, valid answer set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    /// A person in a non-Dovetail area, reasonable suspicion: keep in PCM.
    Keep,
    /// A person in a Dovetail area, reasonable suspicion, unsuitable for PLP: refer to the LACC.
    Lacc,
    /// An institution in a Dovetail area whose responsible person cannot be traced.
    Plp,
    /// A person, reasonable belief of no concern, graded RADO 6 by the FIMU: close.
    Close,
    /// A person with a Pursue-relevant concern: close and escalate to Pursue.
    Escalate,
}

use Outcome::{Close, Escalate, Keep, Lacc, Plp};

const OUTCOMES: [Outcome; 5] = [Keep, Lacc, Plp, Close, Escalate];

/// Answers common to every outcome: case, de-confliction, the six checks, no partner contact,
/// no visit, a British adult with no travel propensity and no flag added (with its rationale), a
/// supervisor who approves, the declaration.
fn common() -> Answers {
    Answers::default()
        .with("case.reference", "PCM-2026-0042")
        .with_date("case.received", "22", "12", "2026")
        .with("case.subject", "individual")
        .with("case.area", "non-dovetail")
        .with("case.ctco", "Jo Case")
        .with("case.request", "referral")
        .with_date("deconfliction.date", "21", "12", "2026")
        .with("deconfliction.reference", "NCIA/2026/123")
        .with("deconfliction.rado", "5")
        .with_choices("deconfliction.before", &["biographical"])
        .with("checks.pnc.status", "done")
        .with_date("checks.pnc.date", "23", "12", "2026")
        .with("checks.pnc.result", "No trace")
        .with("checks.pnd.status", "fimu")
        .with("checks.ncia.status", "fimu")
        .with("checks.open-source.status", "done")
        .with_date("checks.open-source.date", "23", "12", "2026")
        .with(
            "checks.open-source.result",
            "Public posts sharing extremist material",
        )
        .with("checks.local.status", "fimu")
        .with("checks.ct-holmes.status", "not-available")
        .with("non_ct.investigation", "no")
        .with("contact.partner", "no")
        .with("visit.needed", "no")
        .with("relevance.concern", "extreme-right-wing")
        .with("threat.pursue_investigation", "no")
        .with("vulnerability.vsh", "no")
        .with("assessment.concern", "suspicion")
        .with("assessment.pursue", "no")
        .with("assessment.direction", "static")
        .with(
            "assessment.summary",
            "Summary of what the checks and the DIF show.",
        )
        .with("subject.dob_known", "yes")
        .with_date("subject.dob", "14", "3", "1990")
        .with("subject.nationality", "british")
        .with("prompts.travel", "no")
        .with("prompts.flag_decision", "not-flagged")
        .with(
            "prompts.flag_rationale",
            "No flag: the FIMU holds the case and the local nominal already shows it.",
        )
        .with(
            "decision.rationale",
            "The reasons for the decision, for the supervisor.",
        )
        .with("supervisor.name", "Sam Sergeant")
        .with("supervisor.rank", "sergeant-or-above")
        .with("supervisor.acting", "no")
        .with_date("supervisor.date", "29", "12", "2026")
        .with("supervisor.approved", "yes")
        .with_choices("declaration.confirm", &["final"])
}

/// Every factor of the default framework answered: `present` ones with evidence, `unknown`
/// ones unknown, the rest absent (absent needs no evidence; every other one gets some anyway).
fn with_dif(mut a: Answers, present: &[&str], unknown: &[&str]) -> Answers {
    for (i, s) in dif::default_framework().sections.iter().enumerate() {
        for (j, f) in s.factors.iter().enumerate() {
            let key = format!("{}.{}", s.id, f.id);
            let finding = if present.contains(&key.as_str()) {
                "present"
            } else if unknown.contains(&key.as_str()) {
                "unknown"
            } else {
                "absent"
            };
            a = a.with(&finding_field(&s.id, &f.id), finding);
            if finding == "present" {
                a = a.with(
                    &evidence_field(&s.id, &f.id),
                    "NCIA entry of 20 December 2026",
                );
            } else if finding == "absent" && (i + j) % 2 == 0 {
                a = a.with(&evidence_field(&s.id, &f.id), "Nothing found in the checks");
            }
        }
    }
    a
}

fn without(mut a: Answers, ids: &[&str]) -> Answers {
    for id in ids {
        assert!(a.0.remove(*id).is_some(), "{id} was not answered");
    }
    a
}

/// The answers of `common` that only a person has (PGA-20's pages).
const PERSON_ONLY: [&str; 6] = [
    "subject.dob_known",
    "subject.dob",
    "subject.nationality",
    "prompts.travel",
    "prompts.flag_decision",
    "prompts.flag_rationale",
];

/// A complete, valid answer set for each decision.
fn valid(o: Outcome) -> Answers {
    let a = common();
    match o {
        Keep => with_dif(
            a.with("decision.outcome", "keep-in-pcm")
                .with("assessment.direction", "escalating"),
            &[
                "engagement.grievance",
                "intent.them-and-us",
                "vulnerability.isolation",
                "protective.family-support",
            ],
            &["capability.access"],
        ),
        Lacc => with_dif(
            a.with("case.area", "dovetail")
                .with("assessment.unsuitable_plp", "yes")
                .with("vulnerability.vsh", "yes")
                .with(
                    "vulnerability.vsh_outcome",
                    "Accepted: mental health support",
                )
                .with("decision.outcome", "refer-to-lacc"),
            &[
                "engagement.identity",
                "vulnerability.mental-health",
                "vulnerability.neurodiversity",
            ],
            &[],
        ),
        Plp => with_dif(
            without(
                a.with("case.area", "dovetail")
                    .with("case.subject", "institution")
                    .with("assessment.traced", "no")
                    .with("decision.outcome", "straight-to-plp"),
                &PERSON_ONLY,
            ),
            &["engagement.change", "threat.escalation"],
            &["capability.knowledge"],
        ),
        Close => with_dif(
            a.with("assessment.concern", "no-concern")
                .with("deconfliction.rado", "6")
                .with("decision.outcome", "close"),
            &["protective.family-support", "protective.education-work"],
            &[],
        ),
        Escalate => with_dif(
            a.with("assessment.concern", "unclear")
                .with("assessment.pursue", "yes")
                .with("decision.outcome", "close-escalate-pursue"),
            &["threat.pursue", "capability.criminal"],
            &[],
        ),
    }
}

/// A change to a valid answer set.
type Change = fn(Answers) -> Answers;

type Expected<'a> = &'a [(Severity, &'a str, &'a str)];

fn issues_of(s: &FormSchema, a: &Answers) -> Vec<(Severity, String, String)> {
    validate(s, a, &ctx())
        .issues
        .into_iter()
        .map(|i| (i.severity, i.rule_id.id().to_string(), i.path))
        .collect()
}

fn assert_issues(name: &str, s: &FormSchema, a: &Answers, expect: Expected) {
    let got = issues_of(s, a);
    let want: Vec<(Severity, String, String)> = expect
        .iter()
        .map(|(sv, r, p)| (*sv, r.to_string(), p.to_string()))
        .collect();
    assert_eq!(
        got,
        want,
        "{name}: {:#?}",
        validate(s, a, &ctx())
            .issues
            .iter()
            .map(|i| format!("{} {}: {}", i.rule_id, i.path, i.message))
            .collect::<Vec<_>>()
    );
}

/// One case: a name, the outcome whose valid answers it starts from, the change, the issues.
type Case<'a> = (&'a str, Outcome, Change, Expected<'a>);

fn check(cases: &[Case]) {
    let s = schema();
    for (name, o, change, expect) in cases {
        assert_issues(name, &s, &change(valid(*o)), expect);
    }
}

/// A draft filled in field by field as the UI would, the CTCO's name first.
fn draft_of(s: &FormSchema, id: &str, a: &Answers) -> Draft {
    let mut dr = Draft::new(s, id, "2026-12-22T09:00:00Z");
    if let Some(n) = a.get("case.ctco") {
        dr.set_answer_at(&s, "case.ctco", n.clone(), "2026-12-22T09:00:01Z");
    }
    for (k, v) in &a.0 {
        dr.set_answer_at(&s, k, v.clone(), "2026-12-22T09:01:00Z");
    }
    assert_eq!(&dr.answers, a);
    dr
}

// ---------------------------------------------------------------------------------------------
// The five decisions: valid, finish, locked (PGA-10).

#[test]
fn pga_10_s8_each_of_the_five_decisions_is_valid_finishes_and_is_then_read_only() {
    let s = schema();
    let fw = dif::default_framework();
    let factors: usize = fw.sections.iter().map(|x| x.factors.len()).sum();
    assert_eq!(factors, 37, "the default framework has 37 factors");
    for o in OUTCOMES {
        let a = valid(o);
        // Every factor answered.
        for sec in &fw.sections {
            for f in &sec.factors {
                assert!(
                    a.text(&finding_field(&sec.id, &f.id)).is_some(),
                    "{o:?}: {}.{} not answered",
                    sec.id,
                    f.id
                );
            }
        }
        // No issues at all: no errors, no warnings.
        assert_issues(&format!("{o:?}"), &s, &a, &[]);
        assert!(pga_form::deconflicted(&a, ctx().today));
        let (value, _) =
            pga_form::decision_value(pga_form::gateway(&s, &a, &ctx()).decision.expect("decided"));
        assert_eq!(a.text("decision.outcome"), Some(value), "{o:?}");
        assert_eq!(
            pga_form::option_unavailable(&s, &a, &ctx(), value),
            None,
            "{o:?}: the chosen option is open"
        );

        // Finishing locks it.
        let mut dr = draft_of(&s, "3f2a9c1b-0000-4000-8000-000000000001", &a);
        assert!(!dr.is_locked());
        dr.finish(&s, &ctx(), "2026-12-30T16:00:00Z")
            .unwrap_or_else(|r| panic!("{o:?}: {:#?}", r.issues));
        assert!(dr.is_locked(), "{o:?}");
        assert_eq!(dr.status, DraftStatus::Finished);
        let fin = dr.finished.clone().expect("finished facts");
        assert_eq!(fin.reference, "PGA-20261230-3F2A9C1B");
        assert_eq!(fin.on, d("2026-12-30"));

        // PGA-10: once final, nothing changes: not the decision, not the DIF, not the audit.
        let before = dr.clone();
        assert!(!dr.set_answer_at(
            &s,
            "decision.outcome",
            text("close"),
            "2026-12-31T09:00:00Z"
        ));
        assert!(!dr.set_answer_at(
            &s,
            "dif.engagement.grievance.finding",
            text("unknown"),
            "2026-12-31T09:00:01Z"
        ));
        assert!(!dr.set_answer_at(
            &s,
            "supervisor.approved",
            text("no"),
            "2026-12-31T09:00:02Z"
        ));
        assert!(!dr.set_answer("decision.rationale", text("")));
        assert!(dr.finish(&s, &ctx(), "2026-12-31T09:00:03Z").is_ok());
        assert_eq!(dr, before, "{o:?}: a finished PGA is read-only");
    }
}

#[test]
fn pga_10_s8_an_unsupervised_pga_cannot_be_finished_and_stays_editable() {
    let s = schema();
    let a = without(
        valid(Keep),
        &[
            "supervisor.name",
            "supervisor.rank",
            "supervisor.acting",
            "supervisor.date",
            "supervisor.approved",
            "declaration.confirm",
        ],
    );
    assert_issues(
        "unsupervised",
        &s,
        &a,
        &[
            (E, "PGA-10", "supervisor.name"),
            (E, "PGA-16", "supervisor.rank"),
            (E, "PGA-16", "supervisor.acting"),
            (E, "PGA-10", "supervisor.date"),
            (E, "PGA-10", "declaration.confirm"),
        ],
    );
    let mut dr = draft_of(&s, "pga-unsupervised", &a);
    let report = dr.finish(&s, &ctx(), "2026-12-30T16:00:00Z").unwrap_err();
    assert_eq!(
        report.error_for("supervisor.name").unwrap().rule_id,
        RuleId::Pga10
    );
    assert!(!dr.is_locked());
    assert!(dr.finished.is_none());
    assert!(dr.set_answer_at(
        &s,
        "supervisor.name",
        text("Sam Sergeant"),
        "2026-12-30T16:01:00Z"
    ));
}

/// The first factor of each of the first `n` sections of the default framework: (section id,
/// factor id, finding field).
fn factors(n: usize) -> Vec<(String, String, String)> {
    dif::default_framework()
        .sections
        .iter()
        .take(n)
        .map(|x| {
            let f = &x.factors[0];
            (x.id.clone(), f.id.clone(), finding_field(&x.id, &f.id))
        })
        .collect()
}

/// Issue 21, item 7: a factor recorded "Not assessed yet" is no error on its page (the officer
/// continues and saves), stays in sight as unassessed, is not a finding of the DIF, and blocks
/// the Gateway Decision: s8, the decision "arising from" the DIF; s13, "PGA Decisions can only
/// be made on the back of a completed and supervised DIF".
#[test]
fn pga_10_s8_an_unassessed_factor_blocks_the_decision_not_its_page() {
    let s = schema();
    let f = factors(2);
    let one = |a: Answers| a.with(&f[0].2, pga_form::NOT_ASSESSED);
    let two = |a: Answers| one(a).with(&f[1].2, pga_form::NOT_ASSESSED);
    let cases: [(&str, Answers, Expected); 5] = [
        ("every factor assessed", valid(Keep), &[]),
        (
            "one not assessed yet",
            one(valid(Keep)),
            &[(E, "PGA-10", "decision.outcome")],
        ),
        (
            "two not assessed yet",
            two(valid(Close)),
            &[(E, "PGA-10", "decision.outcome")],
        ),
        (
            // One error a field: choosing comes first, then the block.
            "no decision chosen yet",
            without(one(valid(Keep)), &["decision.outcome"]),
            &[(E, "PGA-6", "decision.outcome")],
        ),
        (
            "left blank: an error on its page",
            without(valid(Keep), &[&f[0].2]),
            &[(E, "DIF-1", &f[0].2)],
        ),
    ];
    for (name, a, expect) in &cases {
        assert_issues(name, &s, a, expect);
    }
    // The message names how many and which, and says what to do.
    let r = validate(&s, &two(valid(Keep)), &ctx());
    let m = &r.error_for("decision.outcome").unwrap().message;
    assert!(
        m.starts_with(
            "You cannot make the Gateway Decision yet: 2 DIF factors are not assessed yet: '"
        ),
        "{m}"
    );
    assert!(m.ends_with("Record each as present, absent or unknown first: the decision is made on the completed DIF (s8)"), "{m}");
    let r = validate(&s, &without(valid(Keep), &[&f[0].2]), &ctx());
    assert!(r
        .error_for(&f[0].2)
        .unwrap()
        .message
        .ends_with(", or select 'Not assessed yet'"));
    // Its own page passes: Continue works and the work is saved.
    let page = format!("dif-{}", f[0].0);
    assert!(
        !prevent_core::validate::validate_page(&s, &one(valid(Keep)), &ctx(), &page).has_errors()
    );
    // Not a finding: the DIF leaves it out; the answers keep it, and check your answers shows it.
    let a = one(valid(Keep));
    let rec = pga_form::dif_record(&dif::default_framework(), &a);
    assert!(!rec.factors.contains_key(&format!("{}.{}", f[0].0, f[0].1)));
    assert_eq!(pga_form::unassessed(&s, &a, &ctx()).len(), 1);
    let rows = prevent_core::flow::summary(&s, &a, &ctx(), &r);
    let row = rows
        .iter()
        .flat_map(|(_, r)| r)
        .find(|r| r.question == f[0].2)
        .unwrap();
    assert_eq!(row.value.as_deref(), Some("Not assessed yet"));
    // And the record cannot be finished.
    let mut dr = draft_of(&s, "pga-unassessed", &a);
    let report = dr.finish(&s, &ctx(), "2026-12-30T16:00:00Z").unwrap_err();
    assert_eq!(
        report.error_for("decision.outcome").unwrap().rule_id,
        RuleId::Pga10
    );
    assert!(!dr.is_locked());
}

// ---------------------------------------------------------------------------------------------
// PGA-1: de-confliction.

#[test]
fn pga_1_s7_no_assessment_until_deconfliction_has_a_date_and_a_reference() {
    let s = schema();
    // (name, change, expected error path, deconflicted)
    let cases: &[(&str, Change, &[&str], bool)] = &[
        ("both given", |a| a, &[], true),
        (
            "no date",
            |a| without(a, &["deconfliction.date"]),
            &["deconfliction.date"],
            false,
        ),
        (
            "blank date",
            |a| a.with_date("deconfliction.date", "", "", ""),
            &["deconfliction.date"],
            false,
        ),
        (
            "not a real date",
            |a| a.with_date("deconfliction.date", "30", "2", "2026"),
            &["deconfliction.date"],
            false,
        ),
        (
            "no reference",
            |a| without(a, &["deconfliction.reference"]),
            &["deconfliction.reference"],
            false,
        ),
        (
            "blank reference",
            |a| a.with("deconfliction.reference", "   "),
            &["deconfliction.reference"],
            false,
        ),
        // With neither, both fields carry an error.
        (
            "neither",
            |a| without(a, &["deconfliction.date", "deconfliction.reference"]),
            &["deconfliction.date", "deconfliction.reference"],
            false,
        ),
    ];
    for (name, change, path, deconflicted) in cases {
        let a = change(valid(Keep));
        let expect: Vec<(Severity, &str, &str)> = path.iter().map(|p| (E, "PGA-1", *p)).collect();
        assert_issues(name, &s, &a, &expect);
        assert_eq!(
            pga_form::deconflicted(&a, ctx().today),
            *deconflicted,
            "{name}"
        );
        for p in path.iter() {
            let r = validate(&s, &a, &ctx());
            let i = r.error_for(p).unwrap();
            assert_eq!(i.section, "s7", "{name}");
            if *p == "deconfliction.date" {
                assert_eq!(
                    i.part.as_deref(),
                    Some("day"),
                    "{name}: links to the day box"
                );
            }
        }
    }
    // A de-confliction date in the future is an error (it cannot have happened yet).
    assert_issues(
        "future date",
        &s,
        &valid(Keep).with_date("deconfliction.date", "31", "12", "2026"),
        &[(E, "PGA-1", "deconfliction.date")],
    );
}

// ---------------------------------------------------------------------------------------------
// PGA-3: the six checks.

#[test]
fn pga_3_s8_each_check_done_with_date_and_result_or_known_from_the_fimu() {
    check(&[
        (
            "PNC not recorded",
            Keep,
            |a| {
                without(
                    a,
                    &["checks.pnc.status", "checks.pnc.date", "checks.pnc.result"],
                )
            },
            &[(E, "PGA-3", "checks.pnc.status")],
        ),
        (
            "PND not recorded",
            Keep,
            |a| without(a, &["checks.pnd.status"]),
            &[(E, "PGA-3", "checks.pnd.status")],
        ),
        (
            "PNC done, no date",
            Keep,
            |a| without(a, &["checks.pnc.date"]),
            &[(E, "PGA-3", "checks.pnc.date")],
        ),
        (
            "PNC done, blank date",
            Keep,
            |a| a.with_date("checks.pnc.date", "", "", ""),
            &[(E, "PGA-3", "checks.pnc.date")],
        ),
        (
            "PNC done, future date",
            Keep,
            |a| a.with_date("checks.pnc.date", "31", "12", "2026"),
            &[(E, "PGA-3", "checks.pnc.date")],
        ),
        (
            "PNC done, not a real date",
            Keep,
            |a| a.with_date("checks.pnc.date", "31", "2", "2026"),
            &[(E, "PGA-3", "checks.pnc.date")],
        ),
        (
            "PNC done, no result",
            Keep,
            |a| without(a, &["checks.pnc.result"]),
            &[(E, "PGA-3", "checks.pnc.result")],
        ),
        (
            "PNC done, blank result",
            Keep,
            |a| a.with("checks.pnc.result", "  "),
            &[(E, "PGA-3", "checks.pnc.result")],
        ),
        (
            "Open Source done today",
            Keep,
            |a| a.with_date("checks.open-source.date", "30", "12", "2026"),
            &[],
        ),
        (
            "NCIA done, future date",
            Keep,
            |a| {
                a.with("checks.ncia.status", "done")
                    .with_date("checks.ncia.date", "1", "1", "2027")
                    .with("checks.ncia.result", "No trace")
            },
            &[(E, "PGA-3", "checks.ncia.date")],
        ),
        (
            "Local done, no result",
            Keep,
            |a| {
                a.with("checks.local.status", "done").with_date(
                    "checks.local.date",
                    "23",
                    "12",
                    "2026",
                )
            },
            &[(E, "PGA-3", "checks.local.result")],
        ),
        (
            "PNC known from the FIMU",
            Keep,
            |a| a.with("checks.pnc.status", "fimu"),
            &[],
        ),
        (
            "CT Holmes not available",
            Keep,
            |a| a.with("checks.ct-holmes.status", "not-available"),
            &[],
        ),
        (
            "CT Holmes known from the FIMU",
            Keep,
            |a| a.with("checks.ct-holmes.status", "fimu"),
            &[],
        ),
        (
            "CT Holmes not recorded",
            Keep,
            |a| without(a, &["checks.ct-holmes.status"]),
            &[(E, "PGA-3", "checks.ct-holmes.status")],
        ),
        (
            "PNC not available",
            Keep,
            |a| a.with("checks.pnc.status", "not-available"),
            &[(E, "PGA-3", "checks.pnc.status")],
        ),
        (
            "NCIA not available",
            Keep,
            |a| a.with("checks.ncia.status", "not-available"),
            &[(E, "PGA-3", "checks.ncia.status")],
        ),
        (
            "no check recorded",
            Keep,
            |a| {
                without(
                    a,
                    &[
                        "checks.pnc.status",
                        "checks.pnd.status",
                        "checks.ncia.status",
                        "checks.open-source.status",
                        "checks.local.status",
                        "checks.ct-holmes.status",
                    ],
                )
            },
            &[
                (E, "PGA-3", "checks.pnc.status"),
                (E, "PGA-3", "checks.pnd.status"),
                (E, "PGA-3", "checks.ncia.status"),
                (E, "PGA-3", "checks.open-source.status"),
                (E, "PGA-3", "checks.local.status"),
                (E, "PGA-3", "checks.ct-holmes.status"),
            ],
        ),
    ]);
    // Only CT Holmes offers "not available" in the form.
    let s = schema();
    for (key, _) in prevent_core::pga::CHECKS {
        let (_, q) = s.question(&format!("checks.{key}.status")).unwrap();
        let offers = q.kind.choices().iter().any(|c| c.value == "not-available");
        assert_eq!(offers, key == "ct-holmes", "{key}");
    }
    // A date error links to the day box.
    let a = valid(Keep).with_date("checks.pnc.date", "31", "12", "2026");
    let r = validate(&s, &a, &ctx());
    let i = r.error_for("checks.pnc.date").unwrap();
    assert_eq!((i.part.as_deref(), i.section.as_str()), (Some("day"), "s8"));
}

// ---------------------------------------------------------------------------------------------
// PGA-19 (s7): nothing dated before de-confliction but the s7 exceptions. De-confliction is on
// 21 December 2026 in the valid answers; the case page's "before" is "biographical".

fn contact_on(a: Answers, day: &str) -> Answers {
    a.with("contact.partner", "yes")
        .with_date("contact.date", day, "12", "2026")
        .with(
            "contact.rationale",
            "The referral did not say what the remark was about.",
        )
}

#[test]
fn pga_19_s7_checks_contacts_visits_and_sign_offs_before_deconfliction_are_errors_but_the_exceptions(
) {
    check(&[
        (
            "PNC checked the day before, biographical only",
            Keep,
            |a| a.with_date("checks.pnc.date", "20", "12", "2026"),
            &[(E, "PGA-19", "checks.pnc.date")],
        ),
        (
            "PNC checked the day before, at the FIMU's request",
            Keep,
            |a| {
                a.with_date("checks.pnc.date", "20", "12", "2026")
                    .with_choices("deconfliction.before", &["requested-by-fimu"])
            },
            &[],
        ),
        (
            "local systems checked the day before, for biographical data",
            Keep,
            |a| {
                a.with("checks.local.status", "done")
                    .with_date("checks.local.date", "20", "12", "2026")
                    .with("checks.local.result", "Address confirmed")
            },
            &[],
        ),
        (
            "local systems checked the day before, nothing recorded",
            Keep,
            |a| {
                without(a, &["deconfliction.before"])
                    .with("checks.local.status", "done")
                    .with_date("checks.local.date", "20", "12", "2026")
                    .with("checks.local.result", "Address confirmed")
            },
            &[(E, "PGA-19", "checks.local.date")],
        ),
        (
            "a partner contacted the day before, nothing recorded",
            Keep,
            |a| contact_on(without(a, &["deconfliction.before"]), "20"),
            &[(E, "PGA-19", "contact.date")],
        ),
        (
            "the referrer contacted the day before for basic information",
            Keep,
            |a| contact_on(a, "20").with_choices("deconfliction.before", &["contact-referrer"]),
            &[],
        ),
        (
            "a partner contacted on the day of de-confliction",
            Keep,
            |a| contact_on(without(a, &["deconfliction.before"]), "21"),
            &[],
        ),
        (
            "a partner contacted, no date",
            Keep,
            |a| without(contact_on(a, "20"), &["contact.date"]),
            &[(E, "PGA-19", "contact.date")],
        ),
        (
            "a visit the day before, biographical only",
            Keep,
            |a| visit(a).with_date("visit.date", "20", "12", "2026"),
            &[(E, "PGA-19", "visit.date")],
        ),
        (
            "a visit the day before, at the FIMU's request",
            Keep,
            |a| {
                visit(a)
                    .with_date("visit.date", "20", "12", "2026")
                    .with_choices("deconfliction.before", &["requested-by-fimu"])
            },
            &[],
        ),
        (
            "a visit planned for next week",
            Keep,
            |a| visit(a).with_date("visit.date", "6", "1", "2027"),
            &[],
        ),
        (
            "signed off the day before, every exception ticked",
            Keep,
            |a| {
                a.with_date("supervisor.date", "20", "12", "2026")
                    .with_choices(
                        "deconfliction.before",
                        &["contact-referrer", "requested-by-fimu", "biographical"],
                    )
            },
            &[(E, "PGA-19", "supervisor.date")],
        ),
        (
            "de-confliction dated in the future: PGA-1's error only",
            Keep,
            |a| a.with_date("deconfliction.date", "31", "12", "2026"),
            &[(E, "PGA-1", "deconfliction.date")],
        ),
    ]);
    // The error is on the dated question, links to its day box and cites s7.
    let s = schema();
    let a = valid(Keep).with_date("supervisor.date", "20", "12", "2026");
    let r = validate(&s, &a, &ctx());
    let i = r.error_for("supervisor.date").unwrap();
    assert_eq!((i.part.as_deref(), i.section.as_str()), (Some("day"), "s7"));
    assert!(i.message.contains("21 December 2026"), "{}", i.message);
    let mut dr = draft_of(&s, "pga-early", &a);
    assert!(dr.finish(&s, &ctx(), "2026-12-30T16:00:00Z").is_err());
    // A partner contacted the day before: on the contact page, with the rule and the section.
    let a = contact_on(without(valid(Keep), &["deconfliction.before"]), "20");
    let r = validate(&s, &a, &ctx());
    let i = r.error_for("contact.date").unwrap();
    assert_eq!(
        (i.rule_id, i.part.as_deref(), i.section.as_str()),
        (RuleId::Pga19, Some("day"), "s7")
    );
    assert!(i.message.ends_with("(PGA-19, s7)"), "{}", i.message);
    let page_of = |id: &str| s.question(id).map(|(i, _)| s.pages[i].id.as_str());
    assert_eq!(page_of("contact.date"), Some("contact"));
}

#[test]
fn pga_19_s10_keep_in_pcm_under_pursue_investigation_warns_and_still_finishes() {
    let pursued = |a: Answers| a.with("threat.pursue_investigation", "yes");
    check(&[
        (
            "kept in PCM",
            Keep,
            pursued,
            &[(W, "PGA-19", "decision.outcome")],
        ),
        ("kept in PCM, not under investigation", Keep, |a| a, &[]),
        ("closed", Close, pursued, &[]),
    ]);
    let s = schema();
    let a = pursued(valid(Keep));
    let r = validate(&s, &a, &ctx());
    let w = r
        .issues
        .iter()
        .find(|i| i.rule_id == RuleId::Pga19)
        .unwrap();
    assert_eq!(w.section, "s10");
    let mut dr = draft_of(&s, "pga-kept", &a);
    assert!(
        dr.finish(&s, &ctx(), "2026-12-30T16:00:00Z").is_ok(),
        "a warning, not a blocker"
    );
}

#[test]
fn pga_22_s5_s7_referral_or_tasking_and_non_ct_investigations_are_recorded() {
    check(&[
        (
            "referral or tasking not answered",
            Keep,
            |a| without(a, &["case.request"]),
            &[(E, "PGA-22", "case.request")],
        ),
        (
            "a tasking",
            Keep,
            |a| a.with("case.request", "tasking"),
            &[(E, "PGA-22", "case.request")],
        ),
        (
            "non-CT investigation not answered",
            Keep,
            |a| without(a, &["non_ct.investigation"]),
            &[(E, "PGA-22", "non_ct.investigation")],
        ),
        (
            "under non-CT investigation, no details",
            Keep,
            |a| a.with("non_ct.investigation", "yes"),
            &[(E, "PGA-22", "non_ct.details")],
        ),
        (
            "under non-CT investigation, with details",
            Keep,
            |a| {
                a.with("non_ct.investigation", "yes")
                    .with("non_ct.details", "Criminal damage, Exampleton CID")
            },
            &[],
        ),
        // An institution is not asked (its answers were those of a person, left behind).
        (
            "an institution",
            Plp,
            |a| without(a, &["non_ct.investigation"]),
            &[],
        ),
    ]);
    let s = schema();
    let tasking = valid(Keep).with("case.request", "tasking");
    let r = validate(&s, &tasking, &ctx());
    let i = r.error_for("case.request").unwrap();
    assert_eq!(i.section, "s7");
    assert!(i.message.contains("does not enter PCM"), "{}", i.message);
    let i = validate(&s, &without(valid(Keep), &["non_ct.investigation"]), &ctx());
    assert_eq!(i.error_for("non_ct.investigation").unwrap().section, "s5");
    // The questions are on the case page and the checks page.
    let page_of = |id: &str| s.question(id).map(|(i, _)| s.pages[i].id.as_str());
    assert_eq!(page_of("case.request"), Some("case"));
    assert_eq!(page_of("non_ct.investigation"), Some("checks"));
}

// ---------------------------------------------------------------------------------------------
// PGA-4 and PGA-5: partner contact and visits.

#[test]
fn pga_4_s8_contacting_a_partner_needs_a_rationale() {
    check(&[
        ("no contact", Keep, |a| a, &[]),
        (
            "contact not answered",
            Keep,
            |a| without(a, &["contact.partner"]),
            &[(E, "PGA-4", "contact.partner")],
        ),
        (
            "contact without rationale",
            Keep,
            |a| {
                a.with("contact.partner", "yes")
                    .with_date("contact.date", "24", "12", "2026")
            },
            &[(E, "PGA-4", "contact.rationale")],
        ),
        (
            "contact, blank rationale",
            Keep,
            |a| {
                a.with("contact.partner", "yes")
                    .with_date("contact.date", "24", "12", "2026")
                    .with("contact.rationale", "  ")
            },
            &[(E, "PGA-4", "contact.rationale")],
        ),
        (
            "contact with rationale",
            Keep,
            |a| {
                a.with("contact.partner", "yes")
                    .with_date("contact.date", "24", "12", "2026")
                    .with(
                        "contact.rationale",
                        "The school holds information that may negate the concern.",
                    )
            },
            &[],
        ),
    ]);
}

fn visit(a: Answers) -> Answers {
    a.with("visit.needed", "yes")
        .with_date("visit.date", "28", "12", "2026")
        .with("visit.rationale", "A pressing safeguarding concern")
        .with_choices("visit.agreed", &["ctco", "supervisor"])
        .with(
            "visit.best_placed",
            "A dual visit with the school's safeguarding lead",
        )
        .with("visit.consent", "no")
}

#[test]
fn pga_5_s8_a_visit_is_agreed_by_ctco_and_supervisor_reasoned_and_raises_no_consent() {
    check(&[
        ("a full exceptional visit", Keep, visit, &[]),
        (
            "visit not answered",
            Keep,
            |a| without(a, &["visit.needed"]),
            &[(E, "PGA-5", "visit.needed")],
        ),
        (
            "agreed by the CTCO only",
            Keep,
            |a| visit(a).with_choices("visit.agreed", &["ctco"]),
            &[(E, "PGA-5", "visit.agreed")],
        ),
        (
            "agreed by the supervisor only",
            Keep,
            |a| visit(a).with_choices("visit.agreed", &["supervisor"]),
            &[(E, "PGA-5", "visit.agreed")],
        ),
        (
            "agreed by nobody",
            Keep,
            |a| without(visit(a), &["visit.agreed"]),
            &[(E, "PGA-5", "visit.agreed")],
        ),
        (
            "no rationale",
            Keep,
            |a| without(visit(a), &["visit.rationale"]),
            &[(E, "PGA-5", "visit.rationale")],
        ),
        (
            "nobody best placed",
            Keep,
            |a| visit(a).with("visit.best_placed", " "),
            &[(E, "PGA-5", "visit.best_placed")],
        ),
        (
            "consent raised",
            Keep,
            |a| visit(a).with("visit.consent", "yes"),
            &[(E, "PGA-5", "visit.consent")],
        ),
        (
            "everything missing",
            Keep,
            |a| a.with("visit.needed", "yes"),
            &[
                (E, "PGA-19", "visit.date"),
                (E, "PGA-5", "visit.rationale"),
                (E, "PGA-5", "visit.agreed"),
                (E, "PGA-5", "visit.best_placed"),
            ],
        ),
    ]);
}

// ---------------------------------------------------------------------------------------------
// The Gateway Decision: PGA-6..9 and PGA-14, as options and through validate.

type OptionCase<'a> = (
    &'a str,
    Outcome,
    Change,
    &'a str,
    Option<(&'a str, &'a str)>,
);

fn check_options(cases: &[OptionCase]) {
    let s = schema();
    for (name, o, change, value, expect) in cases {
        let a = change(valid(*o));
        let got = pga_form::option_unavailable(&s, &a, &ctx(), value);
        assert_eq!(
            got.map(|u| (u.rule_id.id(), u.section)),
            *expect,
            "{name}: {value} ({:?})",
            got.map(|u| u.reason)
        );
        assert!(
            got.is_none_or(|u| !u.reason.is_empty()),
            "{name}: a reason is shown"
        );
    }
}

#[test]
fn pga_6_s8_keep_in_pcm_needs_a_reasonable_suspicion() {
    check_options(&[
        ("suspicion", Keep, |a| a, "keep-in-pcm", None),
        (
            "neither yet",
            Keep,
            |a| a.with("assessment.concern", "unclear"),
            "keep-in-pcm",
            Some(("PGA-6", "s8")),
        ),
        (
            "no concern",
            Keep,
            |a| a.with("assessment.concern", "no-concern"),
            "keep-in-pcm",
            Some(("PGA-6", "s8")),
        ),
        (
            "not assessed",
            Keep,
            |a| without(a, &["assessment.concern"]),
            "keep-in-pcm",
            Some(("PGA-6", "s8")),
        ),
        ("an unknown option", Keep, |a| a, "bogus", None),
    ]);
    check(&[
        (
            "kept without suspicion",
            Keep,
            |a| a.with("assessment.concern", "unclear"),
            &[(E, "PGA-6", "decision.outcome")],
        ),
        (
            "kept, not assessed",
            Keep,
            |a| without(a, &["assessment.concern"]),
            &[
                (E, "PGA-6", "assessment.concern"),
                (E, "PGA-6", "decision.outcome"),
            ],
        ),
        (
            "no decision",
            Keep,
            |a| without(a, &["decision.outcome"]),
            &[(E, "PGA-6", "decision.outcome")],
        ),
        (
            "no rationale",
            Keep,
            |a| a.with("decision.rationale", " "),
            &[(E, "PGA-6", "decision.rationale")],
        ),
        (
            "not signed off",
            Keep,
            |a| a.with("supervisor.approved", "no"),
            &[(E, "PGA-10", "supervisor.approved")],
        ),
    ]);
}

#[test]
fn pga_7_s8_s10_refer_to_the_lacc_only_in_dovetail_with_suspicion_and_unsuitable_for_plp() {
    check_options(&[
        (
            "Dovetail, unsuitable for PLP",
            Lacc,
            |a| a,
            "refer-to-lacc",
            None,
        ),
        (
            "not a Dovetail area",
            Keep,
            |a| a,
            "refer-to-lacc",
            Some(("PGA-7", "s8, s10")),
        ),
        (
            "suitable for PLP",
            Lacc,
            |a| a.with("assessment.unsuitable_plp", "no"),
            "refer-to-lacc",
            Some(("PGA-7", "s8")),
        ),
        (
            "no suspicion",
            Lacc,
            |a| a.with("assessment.concern", "unclear"),
            "refer-to-lacc",
            Some(("PGA-7", "s8")),
        ),
        (
            "an institution",
            Plp,
            |a| a.with("assessment.traced", "yes"),
            "refer-to-lacc",
            Some(("PGA-7", "s10")),
        ),
        (
            "keep in PCM when unsuitable for PLP in Dovetail",
            Lacc,
            |a| a,
            "keep-in-pcm",
            Some(("PGA-7", "s8")),
        ),
        (
            "keep in PCM when suitable for PLP in Dovetail",
            Lacc,
            |a| a.with("assessment.unsuitable_plp", "no"),
            "keep-in-pcm",
            None,
        ),
    ]);
    check(&[
        (
            "referred outside Dovetail",
            Keep,
            |a| a.with("decision.outcome", "refer-to-lacc"),
            &[(E, "PGA-7", "decision.outcome")],
        ),
        (
            "referred, suitable for PLP",
            Lacc,
            |a| a.with("assessment.unsuitable_plp", "no"),
            &[(E, "PGA-7", "decision.outcome")],
        ),
        (
            "referred, suitability not answered",
            Lacc,
            |a| without(a, &["assessment.unsuitable_plp"]),
            &[
                (E, "PGA-7", "assessment.unsuitable_plp"),
                (E, "PGA-7", "decision.outcome"),
            ],
        ),
        (
            "referred without suspicion",
            Lacc,
            |a| a.with("assessment.concern", "unclear"),
            &[(E, "PGA-7", "decision.outcome")],
        ),
        (
            "kept in PCM though unsuitable for PLP",
            Lacc,
            |a| a.with("decision.outcome", "keep-in-pcm"),
            &[(E, "PGA-7", "decision.outcome")],
        ),
        (
            "area not answered",
            Lacc,
            |a| without(a, &["case.area"]),
            &[(E, "PGA-7", "case.area"), (E, "PGA-7", "decision.outcome")],
        ),
        (
            "no endorsement",
            Lacc,
            |a| a.with("supervisor.approved", "no"),
            &[(E, "PGA-7", "supervisor.approved")],
        ),
    ]);
    let s = schema();
    let r = validate(&s, &valid(Lacc).with("supervisor.approved", "no"), &ctx());
    assert_eq!(
        r.error_for("supervisor.approved").unwrap().section,
        "s8, s10"
    );
}

#[test]
fn pga_8_s8_an_untraceable_institution_or_expression_goes_straight_to_plp() {
    check_options(&[
        (
            "institution, untraced: straight to PLP",
            Plp,
            |a| a,
            "straight-to-plp",
            None,
        ),
        (
            "institution, untraced: not kept in PCM",
            Plp,
            |a| a,
            "keep-in-pcm",
            Some(("PGA-8", "s8")),
        ),
        (
            "expression, untraced: not kept in PCM",
            Plp,
            |a| a.with("case.subject", "expression"),
            "keep-in-pcm",
            Some(("PGA-8", "s8")),
        ),
        (
            "institution, traced: may be kept in PCM",
            Plp,
            |a| a.with("assessment.traced", "yes"),
            "keep-in-pcm",
            None,
        ),
        (
            "a person straight to PLP",
            Keep,
            |a| a,
            "straight-to-plp",
            None,
        ),
    ]);
    check(&[
        (
            "an ideological expression",
            Plp,
            |a| a.with("case.subject", "expression"),
            &[],
        ),
        (
            "untraced institution kept in PCM",
            Plp,
            |a| a.with("decision.outcome", "keep-in-pcm"),
            &[(E, "PGA-8", "decision.outcome")],
        ),
        (
            "traced not answered",
            Plp,
            |a| without(a, &["assessment.traced"]),
            &[(E, "PGA-8", "assessment.traced")],
        ),
        (
            "subject not answered",
            Keep,
            |a| without(a, &["case.subject"]),
            &[(E, "PGA-8", "case.subject")],
        ),
        (
            "a person straight to PLP, with rationale",
            Keep,
            |a| a.with("decision.outcome", "straight-to-plp"),
            &[],
        ),
        (
            "a person straight to PLP, no rationale",
            Keep,
            |a| {
                without(
                    a.with("decision.outcome", "straight-to-plp"),
                    &["decision.rationale"],
                )
            },
            &[(E, "PGA-8", "decision.rationale")],
        ),
    ]);
}

#[test]
fn pga_9_s8_s13_close_needs_no_concern_and_escalate_needs_a_pursue_concern_with_approval() {
    check_options(&[
        ("no concern: close", Close, |a| a, "close", None),
        (
            "suspicion: not closed",
            Keep,
            |a| a,
            "close",
            Some(("PGA-9", "s8")),
        ),
        // A Pursue concern recorded: plain Close is never offered, only the escalation (PGA-17).
        (
            "Pursue concern: not plainly closed",
            Escalate,
            |a| a,
            "close",
            Some(("PGA-17", "s8, s12")),
        ),
        (
            "Pursue concern: escalate",
            Escalate,
            |a| a,
            "close-escalate-pursue",
            None,
        ),
        (
            "no Pursue concern: not escalated",
            Keep,
            |a| a,
            "close-escalate-pursue",
            Some(("PGA-9", "s8, s13")),
        ),
        (
            "no concern, no Pursue: not escalated",
            Close,
            |a| a,
            "close-escalate-pursue",
            Some(("PGA-9", "s8, s13")),
        ),
    ]);
    check(&[
        (
            "closed with suspicion",
            Close,
            |a| a.with("assessment.concern", "suspicion"),
            &[(E, "PGA-9", "decision.outcome")],
        ),
        (
            "closed, not assessed",
            Close,
            |a| without(a, &["assessment.concern"]),
            &[
                (E, "PGA-6", "assessment.concern"),
                (E, "PGA-9", "decision.outcome"),
            ],
        ),
        (
            "escalated without Pursue concern",
            Escalate,
            |a| a.with("assessment.pursue", "no"),
            &[(E, "PGA-9", "decision.outcome")],
        ),
        (
            "Pursue not answered",
            Escalate,
            |a| without(a, &["assessment.pursue"]),
            &[
                (E, "PGA-9", "assessment.pursue"),
                (E, "PGA-9", "decision.outcome"),
            ],
        ),
        (
            "closed without rationale",
            Close,
            |a| a.with("decision.rationale", ""),
            &[(E, "PGA-9", "decision.rationale")],
        ),
        (
            "escalated without rationale",
            Escalate,
            |a| without(a, &["decision.rationale"]),
            &[(E, "PGA-9", "decision.rationale")],
        ),
        (
            "closed without approval",
            Close,
            |a| a.with("supervisor.approved", "no"),
            &[(E, "PGA-9", "supervisor.approved")],
        ),
        (
            "escalated without approval",
            Escalate,
            |a| without(a, &["supervisor.approved"]),
            &[(E, "PGA-9", "supervisor.approved")],
        ),
    ]);
}

#[test]
fn pga_14_s10_under_pursue_investigation_no_channel_and_plp_only_exceptionally() {
    let pursued = |a: Answers| a.with("threat.pursue_investigation", "yes");
    check_options(&[
        (
            "refer to the LACC",
            Lacc,
            |a| a.with("threat.pursue_investigation", "yes"),
            "refer-to-lacc",
            Some(("PGA-14", "s10")),
        ),
        // Judged suitable for PLP (a case judged unsuitable goes to the LACC: PGA-18).
        (
            "straight to PLP is open",
            Lacc,
            |a| {
                a.with("threat.pursue_investigation", "yes")
                    .with("assessment.unsuitable_plp", "no")
            },
            "straight-to-plp",
            None,
        ),
        (
            "not under investigation",
            Lacc,
            |a| a,
            "refer-to-lacc",
            None,
        ),
    ]);
    check(&[
        (
            "referred to the LACC",
            Lacc,
            |a| a.with("threat.pursue_investigation", "yes"),
            &[(E, "PGA-14", "decision.outcome")],
        ),
        (
            "straight to PLP",
            Lacc,
            |a| {
                a.with("threat.pursue_investigation", "yes")
                    .with("assessment.unsuitable_plp", "no")
                    .with("decision.outcome", "straight-to-plp")
            },
            &[(W, "PGA-14", "decision.outcome")],
        ),
        (
            "not answered",
            Keep,
            |a| without(a, &["threat.pursue_investigation"]),
            &[(E, "PGA-14", "threat.pursue_investigation")],
        ),
    ]);
    // The warning never blocks finishing.
    let s = schema();
    let a = pursued(valid(Lacc))
        .with("assessment.unsuitable_plp", "no")
        .with("decision.outcome", "straight-to-plp");
    let mut dr = draft_of(&s, "pga-pursue", &a);
    assert!(dr.finish(&s, &ctx(), "2026-12-30T16:00:00Z").is_ok());
    assert!(dr.is_locked());
}

// ---------------------------------------------------------------------------------------------
// PGA-11: the FIMU submission.

#[test]
fn pga_11_s8_close_with_rado6_needs_no_fimu_submission() {
    let s = schema();
    let cases: &[(&str, Outcome, Change, Option<bool>)] = &[
        ("close, RADO 6", Close, |a| a, Some(false)),
        (
            "close, RADO 5",
            Close,
            |a| a.with("deconfliction.rado", "5"),
            Some(true),
        ),
        (
            "close, no RADO given",
            Close,
            |a| a.with("deconfliction.rado", ""),
            Some(true),
        ),
        ("keep in PCM, RADO 5", Keep, |a| a, Some(true)),
        (
            "keep in PCM, RADO 6",
            Keep,
            |a| a.with("deconfliction.rado", "6"),
            Some(true),
        ),
        (
            "refer to the LACC, RADO 6",
            Lacc,
            |a| a.with("deconfliction.rado", "6"),
            Some(true),
        ),
        (
            "straight to PLP, RADO 6",
            Plp,
            |a| a.with("deconfliction.rado", "6"),
            Some(true),
        ),
        // Escalating to Pursue is intelligence the FIMU needs, whatever the grading.
        (
            "close and escalate, RADO 6",
            Escalate,
            |a| a.with("deconfliction.rado", "6"),
            Some(true),
        ),
        (
            "no decision yet",
            Close,
            |a| without(a, &["decision.outcome"]),
            None,
        ),
    ];
    for (name, o, change, expect) in cases {
        let a = change(valid(*o));
        assert_eq!(pga_form::fimu_submission(&s, &a, &ctx()), *expect, "{name}");
        assert_eq!(
            pga_form::decision_summary(&s, &a, &ctx()).fimu_submission_required,
            *expect,
            "{name}: the summary agrees"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// PGA-20 (with PGA-12 and PGA-13): the "must consider" duties, from the date of birth and the
// nationality, each decided either way with a rationale.

/// A British adult with the FCO, CRO and Immigration decision made, and its rationale.
fn overseas_decided(a: Answers, decision: &str) -> Answers {
    a.with("prompts.overseas_decision", decision).with(
        "prompts.overseas_rationale",
        "Convictions abroad would change the assessment: contact made through the FIMU.",
    )
}

fn piw_decided(a: Answers, decision: &str) -> Answers {
    a.with("prompts.piw_decision", decision).with(
        "prompts.piw_rationale",
        "Discussed with the supervisor: see the case notes.",
    )
}

#[test]
fn pga_20_s8_fco_cro_and_immigration_are_decided_for_a_foreign_national_or_unknown_nationality() {
    check(&[
        (
            "foreign national, nothing decided",
            Keep,
            |a| {
                a.with("subject.nationality", "other")
                    .with("subject.nationality_other", "French")
            },
            &[
                (E, "PGA-20", "prompts.overseas_decision"),
                (E, "PGA-20", "prompts.overseas_rationale"),
            ],
        ),
        (
            "foreign national, contact made with a rationale",
            Keep,
            |a| {
                overseas_decided(a, "contact")
                    .with("subject.nationality", "other")
                    .with("subject.nationality_other", "French")
            },
            &[],
        ),
        (
            "foreign national, not contacting, no rationale",
            Close,
            |a| {
                a.with("subject.nationality", "other")
                    .with("subject.nationality_other", "French, British")
                    .with("prompts.overseas_decision", "no-contact")
            },
            &[(E, "PGA-20", "prompts.overseas_rationale")],
        ),
        (
            "another nationality, not named",
            Keep,
            |a| overseas_decided(a, "no-contact").with("subject.nationality", "other"),
            &[(E, "PGA-20", "subject.nationality_other")],
        ),
        (
            "nationality not known: decided as for a foreign national, with a warning",
            Lacc,
            |a| a.with("subject.nationality", "not-known"),
            &[
                (W, "PGA-12", "subject.nationality"),
                (E, "PGA-20", "prompts.overseas_decision"),
                (E, "PGA-20", "prompts.overseas_rationale"),
            ],
        ),
        (
            "nationality not known, decided",
            Keep,
            |a| overseas_decided(a, "no-contact").with("subject.nationality", "not-known"),
            &[(W, "PGA-12", "subject.nationality")],
        ),
        (
            "British: the answers of an earlier 'another nationality' are ignored",
            Keep,
            |a| {
                a.with("subject.nationality_other", "French")
                    .with("prompts.overseas_decision", "contact")
            },
            &[],
        ),
        (
            "nationality not answered",
            Keep,
            |a| without(a, &["subject.nationality"]),
            &[(E, "PGA-20", "subject.nationality")],
        ),
    ]);
}

#[test]
fn pga_20_s9_a_piw_request_is_decided_for_a_juvenile_on_the_date_of_receipt_or_a_traveller() {
    // Received 22 December 2026; today 30 December 2026.
    check(&[
        (
            "17 on the day of receipt (18 today): a juvenile",
            Keep,
            |a| a.with_date("subject.dob", "23", "12", "2008"),
            &[
                (E, "PGA-20", "prompts.piw_decision"),
                (E, "PGA-20", "prompts.piw_rationale"),
            ],
        ),
        (
            "18 on the day of receipt",
            Keep,
            |a| a.with_date("subject.dob", "22", "12", "2008"),
            &[],
        ),
        (
            "a juvenile, not requested, with a rationale: no travel risk needed",
            Close,
            |a| piw_decided(a, "not-requested").with_date("subject.dob", "1", "6", "2011"),
            &[],
        ),
        (
            "a juvenile, requested: the travel risk is articulated",
            Keep,
            |a| piw_decided(a, "requested").with_date("subject.dob", "1", "6", "2011"),
            &[(E, "PGA-20", "prompts.travel_risk")],
        ),
        (
            "approximate age 16",
            Keep,
            |a| {
                without(a, &["subject.dob"])
                    .with("subject.dob_known", "approximate")
                    .with("subject.age", "16")
            },
            &[
                (E, "PGA-20", "prompts.piw_decision"),
                (E, "PGA-20", "prompts.piw_rationale"),
            ],
        ),
        (
            "approximate age not given",
            Keep,
            |a| without(a, &["subject.dob"]).with("subject.dob_known", "approximate"),
            &[(E, "PGA-20", "subject.age")],
        ),
        (
            "age not known: decided as for a juvenile, with a warning",
            Escalate,
            |a| piw_decided(a, "not-requested").with("subject.dob_known", "no"),
            &[(W, "PGA-13", "subject.dob_known")],
        ),
        (
            "date of birth not given",
            Keep,
            |a| without(a, &["subject.dob"]),
            &[(E, "PGA-20", "subject.dob")],
        ),
        (
            "date of birth in the future (under 18 as it stands)",
            Keep,
            |a| a.with_date("subject.dob", "1", "1", "2027"),
            &[
                (E, "PGA-20", "subject.dob"),
                (E, "PGA-20", "prompts.piw_decision"),
                (E, "PGA-20", "prompts.piw_rationale"),
            ],
        ),
        (
            "traveller, nothing decided",
            Lacc,
            |a| a.with("prompts.travel", "yes"),
            &[
                (E, "PGA-20", "prompts.piw_decision"),
                (E, "PGA-20", "prompts.piw_rationale"),
            ],
        ),
        (
            "traveller, considered and not requested",
            Keep,
            |a| piw_decided(a, "not-requested").with("prompts.travel", "yes"),
            &[],
        ),
        (
            "traveller, requested without the risk",
            Keep,
            |a| piw_decided(a, "requested").with("prompts.travel", "yes"),
            &[(E, "PGA-20", "prompts.travel_risk")],
        ),
        (
            "traveller, requested with the risk",
            Keep,
            |a| {
                piw_decided(a, "requested")
                    .with("prompts.travel", "yes")
                    .with("prompts.travel_risk", "Booked flights to a conflict area")
            },
            &[],
        ),
        (
            "travel not answered",
            Keep,
            |a| without(a, &["prompts.travel"]),
            &[(E, "PGA-13", "prompts.travel")],
        ),
    ]);
    // Until the date of receipt is entered, today counts.
    let s = schema();
    let a = without(valid(Keep), &["case.received"]).with_date("subject.dob", "23", "12", "2008");
    assert!(!s.question_visible("prompts.piw_decision", &a, &ctx()));
    let a = a.with_date("case.received", "22", "12", "2026");
    assert!(s.question_visible("prompts.piw_decision", &a, &ctx()));
}

#[test]
fn pga_20_s2_s9_a_flag_on_local_systems_is_decided_for_every_person_with_a_rationale_either_way() {
    check(&[
        (
            "nothing decided",
            Keep,
            |a| without(a, &["prompts.flag_decision", "prompts.flag_rationale"]),
            &[
                (E, "PGA-20", "prompts.flag_decision"),
                (E, "PGA-20", "prompts.flag_rationale"),
            ],
        ),
        (
            "flag added, no rationale",
            Escalate,
            |a| without(a, &["prompts.flag_rationale"]).with("prompts.flag_decision", "added"),
            &[(E, "PGA-20", "prompts.flag_rationale")],
        ),
        (
            "not flagged, no rationale",
            Keep,
            |a| a.with("prompts.flag_rationale", "  "),
            &[(E, "PGA-20", "prompts.flag_rationale")],
        ),
        (
            "flag added with a rationale",
            Keep,
            |a| a.with("prompts.flag_decision", "added"),
            &[],
        ),
    ]);
    // Each is blocking, and cites PGA-20 with the section it is about.
    let s = schema();
    let a = without(
        valid(Keep),
        &["prompts.flag_decision", "prompts.flag_rationale"],
    )
    .with("prompts.travel", "yes");
    let r = validate(&s, &a, &ctx());
    let cited: Vec<(&str, &str, &str)> = r
        .issues
        .iter()
        .map(|i| (i.path.as_str(), i.rule_id.id(), i.section.as_str()))
        .collect();
    assert_eq!(
        cited,
        [
            ("prompts.piw_decision", "PGA-20", "s9"),
            ("prompts.piw_rationale", "PGA-20", "s2"),
            ("prompts.flag_decision", "PGA-20", "s9"),
            ("prompts.flag_rationale", "PGA-20", "s2"),
        ]
    );
    let mut dr = draft_of(&s, "pga-duties", &a);
    assert!(dr.finish(&s, &ctx(), "2026-12-30T16:00:00Z").is_err());
    // Warnings alone (an unknown age and nationality, decided) never block.
    let a = piw_decided(overseas_decided(valid(Keep), "no-contact"), "not-requested")
        .with("subject.dob_known", "no")
        .with("subject.nationality", "not-known");
    let r = validate(&s, &a, &ctx());
    assert_eq!(
        r.issues
            .iter()
            .map(|i| (i.severity, i.rule_id.id()))
            .collect::<Vec<_>>(),
        [(W, "PGA-13"), (W, "PGA-12")]
    );
    let mut dr = draft_of(&s, "pga-unknowns", &a);
    assert!(dr.finish(&s, &ctx(), "2026-12-30T16:00:00Z").is_ok());
}

#[test]
fn pga_20_an_old_draft_answering_the_retired_prompts_is_read_without_them() {
    // Before PGA-20 the page asked yes/no questions that are no longer in the form: a draft that
    // still holds them validates, flows and exports as if they were not there.
    let s = schema();
    for id in [
        "prompts.foreign",
        "prompts.overseas",
        "prompts.juvenile",
        "prompts.piw",
    ] {
        assert!(s.question(id).is_none(), "{id} is retired");
    }
    let old = valid(Keep)
        .with("prompts.foreign", "yes")
        .with("prompts.overseas", "yes")
        .with("prompts.juvenile", "yes")
        .with("prompts.piw", "yes");
    assert_eq!(
        validate(&s, &old, &ctx()),
        validate(&s, &valid(Keep), &ctx())
    );
    let g = pga_form::gateway(&s, &old, &ctx());
    assert_eq!(g, pga_form::gateway(&s, &valid(Keep), &ctx()));
    let dr = Draft {
        answers: old.clone(),
        ..draft_of(&s, "pga-old", &valid(Keep))
    };
    let json = prevent_core::export::to_json(&s, &dr, &ctx());
    let prompts = &json["answers"]["prompts"];
    for retired in ["foreign", "overseas", "juvenile", "piw"] {
        assert!(prompts.get(retired).is_none(), "{retired} is not exported");
    }
    assert!(prevent_core::flow::visible_pages(&s, &old, &ctx())
        .iter()
        .any(|p| p.id == "prompts"));
}

// ---------------------------------------------------------------------------------------------
// PGA-16: supervision.

#[test]
fn pga_16_s14_supervisor_is_a_sergeant_or_staff_supervisor_never_the_ctco_acting_only_if_approved()
{
    check(&[
        ("a sergeant", Keep, |a| a, &[]),
        (
            "a police staff CTCO supervisor",
            Close,
            |a| a.with("supervisor.rank", "staff-supervisor"),
            &[],
        ),
        (
            "a constable",
            Keep,
            |a| a.with("supervisor.rank", "constable"),
            &[(E, "PGA-16", "supervisor.rank")],
        ),
        (
            "other police staff",
            Lacc,
            |a| a.with("supervisor.rank", "police-staff"),
            &[(E, "PGA-16", "supervisor.rank")],
        ),
        (
            "rank not answered",
            Keep,
            |a| without(a, &["supervisor.rank"]),
            &[(E, "PGA-16", "supervisor.rank")],
        ),
        (
            "the CTCO",
            Keep,
            |a| a.with("supervisor.name", "Jo Case"),
            &[(E, "PGA-16", "supervisor.name")],
        ),
        (
            "the CTCO, other case and spaces",
            Plp,
            |a| a.with("supervisor.name", "  jo CASE "),
            &[(E, "PGA-16", "supervisor.name")],
        ),
        (
            "acting, not approved",
            Keep,
            |a| {
                a.with("supervisor.acting", "yes")
                    .with("supervisor.acting_approved", "no")
            },
            &[(E, "PGA-16", "supervisor.acting_approved")],
        ),
        (
            "acting, approval not answered",
            Keep,
            |a| a.with("supervisor.acting", "yes"),
            &[(E, "PGA-16", "supervisor.acting_approved")],
        ),
        (
            "acting, approved",
            Escalate,
            |a| {
                a.with("supervisor.acting", "yes")
                    .with("supervisor.acting_approved", "yes")
            },
            &[],
        ),
        (
            "acting not answered",
            Keep,
            |a| without(a, &["supervisor.acting"]),
            &[(E, "PGA-16", "supervisor.acting")],
        ),
        (
            "no supervisor",
            Keep,
            |a| without(a, &["supervisor.name"]),
            &[(E, "PGA-10", "supervisor.name")],
        ),
        (
            "the CTCO's name not entered",
            Keep,
            |a| without(a, &["case.ctco"]),
            &[(E, "PGA-16", "case.ctco")],
        ),
        (
            "sign-off date in the future",
            Keep,
            |a| a.with_date("supervisor.date", "31", "12", "2026"),
            &[(E, "PGA-10", "supervisor.date")],
        ),
    ]);
    let s = schema();
    let r = validate(
        &s,
        &valid(Keep).with("supervisor.rank", "constable"),
        &ctx(),
    );
    assert_eq!(r.error_for("supervisor.rank").unwrap().section, "s14");
}

// ---------------------------------------------------------------------------------------------
// Hidden questions.

#[test]
fn hidden_questions_are_never_validated_and_stale_answers_change_nothing() {
    let s = schema();
    // An institution's case has no person's prompts and no PLP suitability question.
    let plp = valid(Plp);
    for id in [
        "subject.dob_known",
        "subject.nationality",
        "prompts.travel",
        "prompts.flag_decision",
        "assessment.unsuitable_plp",
    ] {
        assert!(
            !s.question_visible(id, &plp, &ctx()),
            "{id} is hidden for an institution"
        );
    }
    assert!(s.question_visible("assessment.traced", &plp, &ctx()));
    assert!(!s.question_visible("assessment.traced", &valid(Keep), &ctx()));
    check(&[
        (
            "institution: stale person prompts",
            Plp,
            |a| {
                a.with("subject.dob_known", "no")
                    .with("subject.nationality", "not-known")
                    .with("prompts.travel", "yes")
                    .with("prompts.piw_decision", "requested")
                    .with("assessment.unsuitable_plp", "")
            },
            &[],
        ),
        (
            "visit answers left after changing to no",
            Keep,
            |a| {
                visit(a)
                    .with("visit.needed", "no")
                    .with("visit.consent", "yes")
                    .with_choices("visit.agreed", &[])
                    .with("visit.rationale", "")
            },
            &[],
        ),
        (
            "partner rationale left blank after changing to no",
            Keep,
            |a| {
                a.with("contact.partner", "no")
                    .with("contact.rationale", "")
            },
            &[],
        ),
        (
            "a check's date left after changing to the FIMU's",
            Keep,
            |a| {
                a.with("checks.pnc.status", "fimu")
                    .with_date("checks.pnc.date", "31", "2", "2027")
                    .with("checks.pnc.result", "")
            },
            &[],
        ),
        (
            "PIW answers left after the date of birth changed to an adult's",
            Keep,
            |a| {
                a.with("prompts.piw_decision", "requested")
                    .with("prompts.piw_rationale", "")
                    .with("prompts.travel_risk", "")
            },
            &[],
        ),
        (
            "an approximate age left after the date of birth became known",
            Keep,
            |a| a.with("subject.age", "15"),
            &[],
        ),
        (
            "overseas answers left after the nationality changed to British",
            Keep,
            |a| {
                a.with("prompts.overseas_decision", "contact")
                    .with("prompts.overseas_rationale", "")
            },
            &[],
        ),
        (
            "acting approval left after acting changed to no",
            Keep,
            |a| a.with("supervisor.acting_approved", "no"),
            &[],
        ),
        (
            "a factor changed from present to unknown, evidence cleared",
            Keep,
            |a| {
                a.with("dif.engagement.grievance.finding", "unknown")
                    .with("dif.engagement.grievance.evidence", "")
            },
            &[],
        ),
        // Stale answers do not feed the rules either: an individual's old "cannot be traced"
        // does not send a person straight to PLP (PGA-8), nor does an old "unsuitable for PLP"
        // stop keeping a person in PCM outside Dovetail (PGA-7).
        (
            "a person with a stale 'not traced'",
            Keep,
            |a| a.with("assessment.traced", "no"),
            &[],
        ),
        (
            "non-Dovetail with a stale 'unsuitable for PLP'",
            Keep,
            |a| a.with("assessment.unsuitable_plp", "yes"),
            &[],
        ),
        (
            "area changed from Dovetail to non-Dovetail",
            Lacc,
            |a| {
                a.with("case.area", "non-dovetail")
                    .with("decision.outcome", "keep-in-pcm")
            },
            &[],
        ),
        (
            "subject changed from person to institution",
            Keep,
            |a| {
                a.with("subject.nationality", "not-known")
                    .with("subject.dob_known", "no")
                    .with("prompts.flag_decision", "")
                    .with("case.subject", "institution")
                    .with("assessment.traced", "yes")
            },
            &[],
        ),
    ]);
    // The options read the shown answers only.
    let a = valid(Keep).with("assessment.traced", "no");
    assert_eq!(
        pga_form::option_unavailable(&s, &a, &ctx(), "keep-in-pcm"),
        None
    );
    let g = pga_form::gateway(&s, &valid(Plp).with("subject.nationality", "other"), &ctx());
    assert!(!g.overseas_duty() && g.responsible_person_traced == Some(false));
}

// ---------------------------------------------------------------------------------------------
// PGA-2, PGA-7, PGA-15: deadlines.

#[test]
fn pga_2_pga_7_pga_15_s8_s10_deadlines_live_from_the_dates_entered() {
    let ew = Calendar::of(Division::EnglandAndWales);
    // Received Tuesday 22 December 2026: Christmas Friday and Boxing Day's substitute Monday 28
    // are not working days, so 5 working days later is Thursday 31 December.
    // De-confliction Monday 14 December 2026: 20 days later is Sunday 3 January 2027 (PGA-15, s10).
    let base = |area: &str| {
        Answers::default()
            .with_date("case.received", "22", "12", "2026")
            .with_date("deconfliction.date", "14", "12", "2026")
            .with("case.area", area)
            .with("case.subject", "individual")
    };
    type DeadlineCase<'a> = (
        &'a str,
        Answers,
        &'a [(&'a str, &'a str)],
        Option<(&'a str, &'a str)>,
    );
    let cases: &[DeadlineCase] = &[
        (
            "non-Dovetail, undecided",
            base("non-dovetail"),
            &[("PGA-2", "2026-12-31"), ("PGA-15", "2027-01-03")],
            Some(("PGA-2", "2026-12-31")),
        ),
        (
            "non-Dovetail, kept in PCM",
            base("non-dovetail").with("decision.outcome", "keep-in-pcm"),
            &[("PGA-2", "2026-12-31"), ("PGA-15", "2027-01-03")],
            Some(("PGA-2", "2026-12-31")),
        ),
        (
            "non-Dovetail, closed",
            base("non-dovetail").with("decision.outcome", "close"),
            &[("PGA-2", "2026-12-31")],
            Some(("PGA-2", "2026-12-31")),
        ),
        (
            "Dovetail, undecided",
            base("dovetail"),
            &[("PGA-2", "2026-12-31"), ("PGA-7", "2026-12-31")],
            Some(("PGA-2", "2026-12-31")),
        ),
        (
            "Dovetail, referred to the LACC",
            base("dovetail").with("decision.outcome", "refer-to-lacc"),
            &[("PGA-2", "2026-12-31"), ("PGA-7", "2026-12-31")],
            Some(("PGA-2", "2026-12-31")),
        ),
        (
            "Dovetail, straight to PLP",
            base("dovetail").with("decision.outcome", "straight-to-plp"),
            &[("PGA-2", "2026-12-31")],
            Some(("PGA-2", "2026-12-31")),
        ),
        (
            "area not chosen",
            base(""),
            &[("PGA-2", "2026-12-31")],
            Some(("PGA-2", "2026-12-31")),
        ),
        (
            "not received yet, non-Dovetail",
            base("non-dovetail").with_date("case.received", "", "", ""),
            &[("PGA-15", "2027-01-03")],
            Some(("PGA-15", "2027-01-03")),
        ),
        (
            "not received yet, Dovetail",
            base("dovetail").with_date("case.received", "", "", ""),
            &[],
            None,
        ),
        (
            "received on no real date",
            base("dovetail").with_date("case.received", "32", "12", "2026"),
            &[],
            None,
        ),
        (
            "no dates",
            Answers::default().with("case.area", "non-dovetail"),
            &[],
            None,
        ),
        // Only a person can be referred to Channel (PGA-7, s10): no LACC deadline otherwise.
        (
            "Dovetail, an institution",
            base("dovetail").with("case.subject", "institution"),
            &[("PGA-2", "2026-12-31")],
            Some(("PGA-2", "2026-12-31")),
        ),
        // De-conflicted long before receipt: the S.36 decision comes first.
        (
            "S.36 due first",
            base("non-dovetail").with_date("deconfliction.date", "2", "11", "2026"),
            &[("PGA-2", "2026-12-31"), ("PGA-15", "2026-11-22")],
            Some(("PGA-15", "2026-11-22")),
        ),
    ];
    for (name, a, expect, next) in cases {
        let got: Vec<(&str, NaiveDate)> = pga_form::deadlines(a, &ew)
            .iter()
            .map(|x| (x.rule_id.id(), x.due))
            .collect();
        let want: Vec<(&str, NaiveDate)> = expect.iter().map(|(r, due)| (*r, d(due))).collect();
        assert_eq!(got, want, "{name}");
        assert_eq!(
            pga_form::next_deadline(a, &ew).map(|x| (x.rule_id.id(), x.due)),
            next.map(|(r, due)| (r, d(due))),
            "{name}: next"
        );
    }
    // The deadlines name their start: receipt for PGA-2 and PGA-7, de-confliction for PGA-15.
    let all = pga_form::deadlines(&base("dovetail"), &ew);
    assert!(all.iter().all(|x| x.start == d("2026-12-22")));
    let s36 = pga_form::deadlines(&base("non-dovetail"), &ew);
    assert_eq!(
        (s36[1].start, s36[1].section()),
        (d("2026-12-14"), "s6, s10")
    );
    // Scotland: 2 January 2027 is a Saturday, so Monday 4 January is a holiday too.
    let scot = Calendar::of(Division::Scotland);
    let a = base("dovetail").with_date("case.received", "29", "12", "2026");
    let got: Vec<(&str, NaiveDate)> = pga_form::deadlines(&a, &scot)
        .iter()
        .map(|x| (x.rule_id.id(), x.due))
        .collect();
    assert_eq!(
        got,
        vec![("PGA-2", d("2027-01-07")), ("PGA-7", d("2027-01-07"))]
    );
    // Every complete answer set has its PGA deadline.
    for o in OUTCOMES {
        let next = pga_form::next_deadline(&valid(o), &ew).unwrap();
        assert_eq!(
            (next.rule_id.id(), next.due),
            ("PGA-2", d("2026-12-31")),
            "{o:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// DIF-1: evidence, and a replacement framework.

#[test]
fn dif_1_s8_a_factor_found_present_needs_evidence() {
    let s = schema();
    let fw = dif::default_framework();
    for sec in &fw.sections {
        for f in &sec.factors {
            let finding = finding_field(&sec.id, &f.id);
            let evidence = evidence_field(&sec.id, &f.id);
            let present = valid(Keep).with(&finding, "present");
            assert_issues(
                &format!("{finding} present, no evidence"),
                &s,
                &without_opt(present.clone(), &evidence),
                &[(E, "DIF-1", &evidence)],
            );
            assert_issues(
                &format!("{finding} present, blank evidence"),
                &s,
                &present.clone().with(&evidence, " \n "),
                &[(E, "DIF-1", &evidence)],
            );
            assert_issues(
                &format!("{finding} present with evidence"),
                &s,
                &present.with(&evidence, "Seen on open source"),
                &[],
            );
            assert_issues(
                &format!("{finding} absent, no evidence"),
                &s,
                &without_opt(valid(Keep).with(&finding, "absent"), &evidence),
                &[],
            );
            assert_issues(
                &format!("{finding} unknown, no evidence"),
                &s,
                &without_opt(valid(Keep).with(&finding, "unknown"), &evidence),
                &[],
            );
            assert_issues(
                &format!("{finding} not recorded"),
                &s,
                &without_opt(without(valid(Keep), &[&finding]), &evidence),
                &[(E, "DIF-1", &finding)],
            );
        }
    }
    let a = without_opt(
        valid(Keep).with("dif.threat.harm.finding", "present"),
        "dif.threat.harm.evidence",
    );
    let r = validate(&s, &a, &ctx());
    let i = r.error_for("dif.threat.harm.evidence").unwrap();
    assert_eq!((i.section.as_str(), i.part.as_deref()), ("s8", None));
    assert!(i
        .message
        .contains("Apparent, imminent or escalating risk of harm"));
}

fn without_opt(mut a: Answers, id: &str) -> Answers {
    a.0.remove(id);
    a
}

const REPLACEMENT: &str = r#"{
  "id": "force-x",
  "version": 2,
  "title": "Force X DIF",
  "sections": [
    {
      "id": "online",
      "title": "Online activity",
      "source": "Force X guidance, 2026",
      "factors": [
        { "id": "forums", "label": "Extremist forums" },
        { "id": "encrypted-apps", "label": "Encrypted messaging apps" }
      ]
    },
    {
      "id": "threat",
      "title": "Threat and risk",
      "source": "CTP-Prevent Policy s12",
      "factors": [{ "id": "harm", "label": "Risk of harm" }]
    }
  ]
}"#;

#[test]
fn dif_1_s8_a_replacement_framework_changes_the_dif_pages_and_their_rules() {
    let fw: Framework = dif::load(REPLACEMENT).expect("a valid framework");
    let s = pga_form::schema(&fw);
    let default = schema();
    let dif_pages = |s: &FormSchema| -> Vec<String> {
        s.pages
            .iter()
            .filter(|p| p.id.starts_with("dif-"))
            .map(|p| p.id.clone())
            .collect()
    };
    assert_eq!(dif_pages(&s), ["dif-online", "dif-threat"]);
    assert_eq!(
        dif_pages(&default),
        [
            "dif-engagement",
            "dif-intent",
            "dif-capability",
            "dif-vulnerability",
            "dif-threat",
            "dif-protective"
        ]
    );
    // An unknown section is its own task-list section.
    assert_eq!(s.page("dif-online").unwrap().section, "Online activity");
    assert_eq!(s.page("dif-online").unwrap().title, "Online activity");
    // The other pages are as before.
    let others = |s: &FormSchema| -> Vec<String> {
        s.pages
            .iter()
            .filter(|p| !p.id.starts_with("dif-"))
            .map(|p| p.id.clone())
            .collect()
    };
    assert_eq!(others(&s), others(&default));
    assert_eq!(s.pages.last().unwrap().id, "declaration");
    assert!(s.pages.iter().any(|p| p.kind == PageKind::CheckAnswers));
    // The threat section keeps its Pursue question; no vulnerability section, no hub question.
    assert!(s.question("threat.pursue_investigation").is_some());
    assert!(s.question("vulnerability.vsh").is_none());
    assert!(s.question("dif.engagement.grievance.finding").is_none());
    let dif_rules: Vec<&str> = s
        .rules
        .iter()
        .filter(|r| r.id == RuleId::Dif1)
        .map(|r| {
            assert_eq!(r.check, Check::Required);
            r.field.as_str()
        })
        .collect();
    assert_eq!(
        dif_rules,
        [
            "dif.online.forums.finding",
            "dif.online.encrypted-apps.finding",
            "dif.threat.harm.finding"
        ]
    );

    // Answers made against the default framework: the new factors are unanswered; the old
    // ones (even a present one without evidence) are not questions any more.
    let old = valid(Keep).with("dif.engagement.status.finding", "present");
    assert_issues(
        "old answers",
        &s,
        &old,
        &[
            (E, "DIF-1", "dif.online.forums.finding"),
            (E, "DIF-1", "dif.online.encrypted-apps.finding"),
        ],
    );
    let a = old
        .with("dif.online.forums.finding", "present")
        .with("dif.online.encrypted-apps.finding", "absent");
    assert_issues(
        "present without evidence",
        &s,
        &a,
        &[(E, "DIF-1", "dif.online.forums.evidence")],
    );
    let a = a.with("dif.online.forums.evidence", "Posts on a Telegram channel");
    assert_issues("complete", &s, &a, &[]);
    // And the default schema ignores the new framework's answers.
    assert_issues(
        "default schema, new answers",
        &default,
        &valid(Keep).with("dif.online.forums.finding", "present"),
        &[],
    );
    // The summary is by the new framework's sections.
    let sum = pga_form::decision_summary(&s, &a, &ctx());
    assert_eq!(
        sum.factors.present,
        vec![(
            "Online activity".to_string(),
            vec!["Extremist forums".to_string()]
        )]
    );
    assert_eq!((sum.factors.absent, sum.factors.unknown), (2, 0));
    // The record names the framework it was made with.
    let rec = pga_form::dif_record(&fw, &a);
    assert_eq!(
        (
            rec.framework.as_str(),
            rec.framework_version,
            rec.factors.len()
        ),
        ("force-x", 2, 3)
    );

    // A framework without a threat section has no Pursue question, so nothing asks for it.
    let no_threat = dif::load(
        r#"{"id":"y","version":1,"title":"Y","sections":[{"id":"online","title":"Online activity","source":"Y","factors":[{"id":"forums","label":"Extremist forums"}]}]}"#,
    )
    .unwrap();
    let s3 = pga_form::schema(&no_threat);
    assert!(s3.question("threat.pursue_investigation").is_none());
    assert_issues(
        "no threat section",
        &s3,
        &without(valid(Keep), &["threat.pursue_investigation"])
            .with("dif.online.forums.finding", "absent"),
        &[],
    );
    // A bad file changes nothing: it is refused whole.
    assert!(dif::load(&REPLACEMENT.replace("\"forums\"", "\"Forums!\"")).is_err());
}

// ---------------------------------------------------------------------------------------------
// Audit trail.

fn entry(at: &str, field: &str, by: &str, value: &str) -> AuditEntry {
    AuditEntry {
        at: at.into(),
        field: field.into(),
        by: by.into(),
        value: value.into(),
    }
}

#[test]
fn pga_10_s8_the_audit_trail_records_what_when_and_who() {
    let s = schema();
    let mut dr = Draft::new(&s, "pga-audit", "2026-12-22T09:00:00Z");
    assert!(dr.set_answer_at(&s, "case.reference", text("P"), "T01"));
    assert!(dr.set_answer_at(&s, "case.ctco", text("Jo Case"), "T02"));
    assert!(dr.set_answer_at(&s, "case.reference", text("PCM-2026"), "T03"));
    assert!(dr.set_answer_at(&s, "case.reference", text("PCM-2026-0042"), "T04"));
    assert!(
        !dr.set_answer_at(&s, "case.reference", text("PCM-2026-0042"), "T05"),
        "unchanged"
    );
    assert!(dr.set_answer_at(
        &s,
        "case.received",
        Answer::Date(prevent_core::answers::DateParts::new("22", "12", "2026")),
        "T06"
    ));
    assert!(dr.set_answer_at(&s, "supervisor.approved", text("yes"), "T07"));
    assert!(dr.set_answer_at(&s, "supervisor.name", text("Sam Sergeant"), "T08"));
    assert!(dr.set_answer_at(&s, "supervisor.rank", text("constable"), "T09"));
    assert!(dr.set_answer_at(&s, "supervisor.rank", text("sergeant-or-above"), "T10"));
    assert!(dr.set_answer_at(
        &s,
        "deconfliction.before",
        Answer::Choices(vec!["contact-referrer".into(), "biographical".into()]),
        "T11"
    ));
    assert_eq!(
        dr.audit,
        vec![
            entry("T01", "case.reference", "CTCO (name not entered yet)", "P"),
            entry("T02", "case.ctco", "Jo Case", "Jo Case"),
            entry("T04", "case.reference", "Jo Case", "PCM-2026-0042"),
            entry("T06", "case.received", "Jo Case", "22/12/2026"),
            entry(
                "T07",
                "supervisor.approved",
                "Supervisor (name not entered yet)",
                "yes"
            ),
            entry("T08", "supervisor.name", "Sam Sergeant", "Sam Sergeant"),
            entry(
                "T10",
                "supervisor.rank",
                "Sam Sergeant",
                "sergeant-or-above"
            ),
            entry(
                "T11",
                "deconfliction.before",
                "Jo Case",
                "contact-referrer, biographical"
            ),
        ]
    );
    assert_eq!(
        pga_form::author(&dr.answers, "supervisor.date"),
        "Sam Sergeant"
    );
    assert_eq!(pga_form::author(&dr.answers, "decision.outcome"), "Jo Case");
    assert_eq!(
        s.def
            .author(&dr.answers, "dif.intent.harmful-objectives.finding"),
        "Jo Case"
    );

    // Fill in the rest and finish: the last entry is the status, by the CTCO.
    let n = dr.audit.len();
    for (k, v) in valid(Keep).0 {
        dr.set_answer_at(&s, &k, v, "T20");
    }
    assert!(dr.audit.len() > n);
    assert!(dr.audit[n..].iter().all(|e| e.at == "T20"));
    dr.finish(&s, &ctx(), "T30").unwrap();
    assert_eq!(
        dr.audit.last(),
        Some(&entry("T30", "status", "Jo Case", "Finished"))
    );
    let len = dr.audit.len();
    assert!(!dr.set_answer_at(&s, "assessment.summary", text("Changed"), "T31"));
    assert_eq!(dr.audit.len(), len, "nothing is recorded once final");
    // The trail survives a save and reload.
    let json = serde_json::to_string(&dr).unwrap();
    assert_eq!(
        serde_json::from_str::<Draft>(&json).unwrap().audit,
        dr.audit
    );
}

#[test]
fn pga_10_s8_typing_your_own_name_is_one_audit_entry() {
    let s = schema();
    let mut dr = Draft::new(&s, "pga-audit-name", "2026-12-22T09:00:00Z");
    // The UI sends every keystroke (oninput) to set_answer_at.
    for (i, typed) in ["J", "Jo", "Jo ", "Jo C", "Jo Ca", "Jo Cas", "Jo Case"]
        .iter()
        .enumerate()
    {
        assert!(dr.set_answer_at(&s, "case.ctco", text(typed), &format!("T{i}")));
    }
    for (i, typed) in ["S", "Sa", "Sam"].iter().enumerate() {
        assert!(dr.set_answer_at(&s, "supervisor.name", text(typed), &format!("U{i}")));
    }
    assert_eq!(
        dr.audit,
        vec![
            entry("T6", "case.ctco", "Jo Case", "Jo Case"),
            entry("U2", "supervisor.name", "Sam", "Sam"),
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Store: a finished PGA is final.

#[test]
fn pga_10_s8_the_store_refuses_to_change_a_finished_pga() {
    let s = schema();
    let store = KvStore::new(MemoryBackend::default());
    let mut dr = draft_of(&s, "pga-store", &valid(Lacc));
    let saved = store
        .save_now(Envelope::wrap(&dr, "2026-12-29T10:00:00Z"), None)
        .unwrap();
    assert_eq!(saved.revision, 1);
    // In progress: changes are saved.
    let stale_tab = dr.clone();
    assert!(dr.set_answer_at(
        &s,
        "assessment.summary",
        text("Updated"),
        "2026-12-29T10:01:00Z"
    ));
    let saved = store
        .save_now(Envelope::wrap(&dr, "2026-12-29T10:01:01Z"), Some(1))
        .unwrap();
    assert_eq!(saved.revision, 2);
    // Finishing is saved.
    dr.finish(&s, &ctx(), "2026-12-30T16:00:00Z").unwrap();
    let saved = store
        .save_now(Envelope::wrap(&dr, "2026-12-30T16:00:01Z"), Some(2))
        .unwrap();
    assert_eq!((saved.revision, saved.status), (3, DraftStatus::Finished));
    // Saving the same finished record again (an autosave) is harmless.
    let saved = store
        .save_now(Envelope::wrap(&dr, "2026-12-30T16:00:02Z"), Some(3))
        .unwrap();
    assert_eq!(saved.revision, 4);

    // A changed copy (an import, or edited behind the draft's back) is refused.
    let mut changed = dr.clone();
    changed.answers.set("decision.outcome", text("close"));
    let err = store
        .save_now(Envelope::wrap(&changed, "2026-12-31T09:00:00Z"), Some(4))
        .unwrap_err();
    assert_eq!(err, StoreError::Final);
    assert!(err.to_string().contains("PGA-10"));
    // Unlocked again: refused.
    let mut reopened = dr.clone();
    reopened.status = DraftStatus::InProgress;
    reopened.finished = None;
    assert_eq!(
        store.save_now(Envelope::wrap(&reopened, "2026-12-31T09:00:01Z"), Some(4)),
        Err(StoreError::Final)
    );
    // Another tab's in-progress copy, even with the stored revision: refused.
    assert_eq!(
        store.save_now(Envelope::wrap(&stale_tab, "2026-12-31T09:00:02Z"), Some(4)),
        Err(StoreError::Final)
    );
    // The stored record is unchanged.
    let kept = store.load_now("pga-store").unwrap().unwrap();
    assert_eq!(kept.revision, 4);
    assert_eq!(kept.open().unwrap(), dr);
    assert_eq!(
        kept.open().unwrap().answers.text("decision.outcome"),
        Some("refer-to-lacc")
    );

    // Another PGA in progress is saved as usual.
    let other = draft_of(&s, "pga-other", &valid(Keep));
    assert_eq!(
        store
            .save_now(Envelope::wrap(&other, "t"), None)
            .unwrap()
            .revision,
        1
    );
}

#[test]
fn pga_drafts_are_listed_by_case_reference_not_by_the_person() {
    let s = schema();
    let inst = draft_of(&s, "pga-label-1", &valid(Plp));
    assert_eq!(inst.label(), "Case PCM-2026-0042");
    assert_eq!(Envelope::wrap(&inst, "t").label, "Case PCM-2026-0042");
    let empty = Draft::new(&s, "pga-label-2", "t");
    assert_eq!(empty.label(), "Case reference not entered yet");
}

// ---------------------------------------------------------------------------------------------
// Decision summary (PGA-11, INT-1).

#[test]
fn pga_11_int_1_s8_s9_the_decision_summary_for_the_fimu() {
    let s = schema();
    let sum = pga_form::decision_summary(&s, &valid(Keep), &ctx());
    assert_eq!(sum.case_reference, "PCM-2026-0042");
    assert_eq!(sum.decision, Some("Keep in PCM"));
    assert_eq!(
        sum.rationale,
        "The reasons for the decision, for the supervisor."
    );
    assert_eq!(sum.direction.as_deref(), Some("Escalating"));
    assert_eq!(sum.fimu_submission_required, Some(true));
    assert_eq!(
        sum.supervised_by.as_deref(),
        Some("Sam Sergeant, 29 December 2026")
    );
    let present: Vec<(&str, Vec<&str>)> = sum
        .factors
        .present
        .iter()
        .map(|(t, fs)| (t.as_str(), fs.iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(
        present,
        vec![
            (
                "Engagement with a group, cause or ideology",
                vec!["Grievance and injustice"]
            ),
            ("Intent to cause harm", vec!["'Them and us' thinking"]),
            ("Vulnerability and complex needs", vec!["Social isolation"]),
            ("Protective factors", vec!["Supportive family or carers"]),
        ]
    );
    assert_eq!((sum.factors.absent, sum.factors.unknown), (32, 1));

    let sum = pga_form::decision_summary(&s, &valid(Close), &ctx());
    assert_eq!(sum.decision, Some("Close"));
    assert_eq!(sum.direction.as_deref(), Some("Static"));
    assert_eq!(sum.fimu_submission_required, Some(false));
    assert_eq!(
        sum.factors.present,
        vec![(
            "Protective factors".to_string(),
            vec![
                "Supportive family or carers".to_string(),
                "Engagement in education, training or work".to_string()
            ]
        )]
    );

    let labels: Vec<Option<&str>> = OUTCOMES
        .iter()
        .map(|o| pga_form::decision_summary(&s, &valid(*o), &ctx()).decision)
        .collect();
    assert_eq!(
        labels,
        [
            Some("Keep in PCM"),
            Some("Refer to the LACC"),
            Some("Straight to PLP"),
            Some("Close"),
            Some("Close and escalate to Pursue"),
        ]
    );
    let sum = pga_form::decision_summary(
        &s,
        &valid(Escalate).with("assessment.direction", "de-escalating"),
        &ctx(),
    );
    assert_eq!(sum.direction.as_deref(), Some("De-escalating"));

    // Before anything is decided or supervised.
    let a = without(
        valid(Keep),
        &[
            "decision.outcome",
            "decision.rationale",
            "assessment.direction",
            "supervisor.name",
        ],
    );
    let sum = pga_form::decision_summary(&s, &a, &ctx());
    assert_eq!(
        (
            sum.decision,
            sum.rationale.as_str(),
            sum.direction,
            sum.fimu_submission_required,
            sum.supervised_by
        ),
        (None, "", None, None, None)
    );
}

#[test]
fn pga_20_s8_s9_the_subject_and_duties_pages_are_only_for_a_person() {
    let s = schema();
    let shown = |subject: &str| {
        let pages = prevent_core::flow::visible_pages(
            &s,
            &Answers::default().with("case.subject", subject),
            &ctx(),
        );
        let has = |id: &str| pages.iter().any(|p| p.id == id);
        assert_eq!(has("subject"), has("prompts"), "{subject}");
        has("prompts")
    };
    assert!(shown("individual"));
    assert!(
        !shown("institution"),
        "an institution has no nationality or travel"
    );
    assert!(!shown("expression"));
}

#[test]
fn dif_1_s8_a_pga_names_the_framework_version_it_was_made_with_in_its_export() {
    let s = schema();
    let mut dr = Draft::new(&s, "pga-framework", "2026-12-22T09:00:00Z");
    let mut f = prevent_core::dif::default_framework();
    f.id = "force-x".into();
    f.version = 3;
    pga_form::record_framework(&mut dr, &f);
    let json = prevent_core::export::to_json(&s, &dr, &ctx());
    assert_eq!(
        json["gateway_decision"]["dif_framework"],
        "force-x version 3"
    );
    // It is not a question: nothing to answer, nothing in the answers block.
    assert!(s.question(pga_form::FRAMEWORK_FIELD).is_none());
    assert!(json["answers"]
        .get("dif")
        .is_none_or(|d| d.get("framework").is_none()));
}
