//! Writes the training scenarios shipped with the toolkit (issue 7; DESIGN.md, "Simulator") to
//! `crates/core/scenarios/NN-slug.json`, and their index `index.json`, which the trainer's app
//! fetches (the build copies the folder into `dist/trainer/scenarios/`):
//! `cargo run -p prevent-core --example scenarios`
//!
//! Every case is fictional: the names ("Sam Example"), the places ("Exampleton"), the case
//! references ("TRAIN-0001") and the organisations are made up. Each model answer is made as an
//! officer would make it in the toolkit: a Gateway Assessment filled in and finished, and where
//! the story goes on, its PLP case (started from the Gateway Assessment) and a reassessment
//! (started from the PLP case). Ids and timestamps are fixed, so the files are the same on every
//! run. Each scenario is checked with `scenario::check_model` before it is written: a scenario
//! cannot teach what the rules contradict. `crates/core/tests/scenario.rs` (SIM-2) checks the
//! files again, and that they are exactly what this writes.

use chrono::NaiveDate;
use prevent_core::answers::Answers;
use prevent_core::calendar::{Calendar, Division};
use prevent_core::dif::{self, Framework};
use prevent_core::draft::Draft;
use prevent_core::form::{Context, FormSchema};
use prevent_core::pga_form::{self, evidence_field, finding_field};
use prevent_core::scenario::{
    self, Development, Forms, Model, Part, Point, Scenario, Target, Vignette,
};
use prevent_core::{closed_case, plp_form};

fn day(iso: &str) -> NaiveDate {
    NaiveDate::parse_from_str(iso, "%Y-%m-%d").unwrap_or_else(|_| panic!("not a date: {iso}"))
}

/// Answers as a builder, with dates written as ISO text.
trait Build {
    fn on(self, id: &str, iso: &str) -> Self;
}

impl Build for Answers {
    fn on(self, id: &str, iso: &str) -> Self {
        let d = day(iso);
        use chrono::Datelike;
        self.with_date(
            id,
            &d.day().to_string(),
            &d.month().to_string(),
            &d.year().to_string(),
        )
    }
}

/// A background check as the vignette gives it (PGA-3).
enum Check {
    /// Done by the CTCO on this day, with this result.
    Done(&'static str, &'static str),
    /// Known from the FIMU's checks at de-confliction.
    Fimu,
    /// CT Holmes is not available in this force.
    NotAvailable,
}

/// The six checks, in the order of `pga::CHECKS`.
fn checks(mut a: Answers, list: [Check; 6]) -> Answers {
    for ((key, _), c) in prevent_core::pga::CHECKS.iter().zip(list) {
        let status = format!("checks.{key}.status");
        a = match c {
            Check::Done(on, result) => a
                .with(&status, "done")
                .on(&format!("checks.{key}.date"), on)
                .with(&format!("checks.{key}.result"), result),
            Check::Fimu => a.with(&status, "fimu"),
            Check::NotAvailable => a.with(&status, "not-available"),
        };
    }
    a
}

/// Every factor of the framework recorded: `present` ones with their evidence, `unknown` ones
/// unknown, the rest absent (with evidence where `absent` gives some).
fn dif_answers(
    fw: &Framework,
    mut a: Answers,
    present: &[(&str, &str)],
    unknown: &[&str],
    absent: &[(&str, &str)],
) -> Answers {
    let keys: Vec<String> = fw
        .sections
        .iter()
        .flat_map(|s| s.factors.iter().map(move |f| format!("{}.{}", s.id, f.id)))
        .collect();
    for k in present
        .iter()
        .map(|(k, _)| *k)
        .chain(unknown.iter().copied())
        .chain(absent.iter().map(|(k, _)| *k))
    {
        assert!(
            keys.iter().any(|x| x == k),
            "{k} is not a factor of the framework"
        );
    }
    for s in &fw.sections {
        for f in &s.factors {
            let key = format!("{}.{}", s.id, f.id);
            let finding = finding_field(&s.id, &f.id);
            let evidence = evidence_field(&s.id, &f.id);
            if let Some((_, e)) = present.iter().find(|(k, _)| *k == key) {
                a = a.with(&finding, "present").with(&evidence, e);
            } else if unknown.contains(&key.as_str()) {
                a = a.with(&finding, "unknown");
                a.0.remove(&evidence);
            } else {
                a = a.with(&finding, "absent");
                match absent.iter().find(|(k, _)| *k == key) {
                    Some((_, e)) => a = a.with(&evidence, e),
                    None => {
                        a.0.remove(&evidence);
                    }
                }
            }
        }
    }
    a
}

/// The supervisor's sign-off of a Gateway Decision (PGA-10, PGA-16).
fn supervised(a: Answers, name: &str, on: &str, comments: &str) -> Answers {
    a.with("supervisor.name", name)
        .with("supervisor.rank", "sergeant-or-above")
        .with("supervisor.acting", "no")
        .on("supervisor.date", on)
        .with("supervisor.approved", "yes")
        .with("supervisor.comments", comments)
        .with_choices("declaration.confirm", &["final"])
}

/// The subject's date of birth and nationality, as the referral gives them (PGA-20): whether
/// they are a juvenile or a foreign national is worked out from these.
fn born(a: Answers, on: &str, nationality: &str) -> Answers {
    let a = a.with("subject.dob_known", "yes").on("subject.dob", on);
    match nationality {
        "British" => a.with("subject.nationality", "british"),
        other => a
            .with("subject.nationality", "other")
            .with("subject.nationality_other", other),
    }
}

/// A "must consider" duty ("overseas", "piw" or "flag") decided either way, with its rationale
/// (PGA-20, s2).
fn decided(a: Answers, duty: &str, decision: &str, rationale: &str) -> Answers {
    a.with(&format!("prompts.{duty}_decision"), decision)
        .with(&format!("prompts.{duty}_rationale"), rationale)
}

/// A record made on a day: its start and finish times.
struct Made {
    day: &'static str,
    started: &'static str,
    finished: &'static str,
}

/// A record id the toolkit accepts (a version 4 UUID): scenario `n`, record `k`.
fn record_id(n: u32, k: u32) -> String {
    format!("5ce0{n:02}{k:02}-7a1e-4c0d-8e5f-00000000{n:02}{k:02}")
}

/// A point written by the trainer, beyond the suggested ones.
fn point(part: Part, field: &str, rule: &str, section: &str, reason: &str) -> Point {
    Point {
        part,
        target: Target::Answer(field.into()),
        rule: rule.parse().expect("a rule of the catalogue"),
        section: section.into(),
        reason: reason.into(),
    }
}

/// One scenario, as written.
struct Spec {
    n: u32,
    slug: &'static str,
    title: &'static str,
    summary: &'static str,
    today: &'static str,
    vignette: Vignette,
    developments: Vec<Development>,
    pga: Answers,
    pga_made: Made,
    /// The PLP entry's own answers (the rest comes from the Gateway Assessment).
    plp: Option<(Answers, Made)>,
    /// The first reassessment's own answers (the rest comes from the PLP entry).
    review: Option<(Answers, Made)>,
    /// The closure outside PLP: its own answers (linked to the Gateway Assessment).
    closure: Option<(Answers, Made)>,
    /// The 6-month review of that closed case: its own answers (the rest is started from the
    /// Gateway Assessment, as its page starts it), and whether it completes a VAF.
    closed_review: Option<(Answers, Made, bool)>,
    /// The DIF factors ("section.factor") scored, of those the model found present.
    factor_points: &'static [&'static str],
    /// Suggested points left out, by field or rule id.
    drop: &'static [&'static str],
    /// Points beyond the suggested ones.
    extra: Vec<Point>,
}

fn vignette(referral: &str, fimu_notes: &str, deconfliction: &str, checks: &str) -> Vignette {
    Vignette {
        referral: referral.trim().into(),
        fimu_notes: fimu_notes.trim().into(),
        deconfliction: deconfliction.trim().into(),
        checks: checks.trim().into(),
    }
}

fn development(on: &str, title: &str, text: &str) -> Development {
    Development {
        date: day(on),
        title: title.into(),
        text: text.trim().into(),
    }
}

/// The forms every scenario is made with.
pub struct World {
    fw: Framework,
    pga: FormSchema,
    plp: FormSchema,
    review: FormSchema,
    closure: FormSchema,
    closed_review: FormSchema,
}

impl World {
    pub fn new() -> World {
        let fw = dif::default_framework();
        World {
            pga: pga_form::schema(&fw),
            plp: plp_form::schema(&fw),
            review: plp_form::review_schema(&fw),
            closure: closed_case::closure_schema(),
            closed_review: closed_case::review_schema(&fw),
            fw,
        }
    }

    pub fn forms(&self) -> Forms<'_> {
        Forms {
            pga: &self.pga,
            plp: &self.plp,
            review: &self.review,
            closure: &self.closure,
            closed_review: &self.closed_review,
        }
    }
}

/// A finished record of `schema` with `answers`, made on `made.day`.
fn finished(
    w: &World,
    schema: &FormSchema,
    id: String,
    answers: Answers,
    made: &Made,
    what: &str,
) -> Draft {
    let mut d = Draft::new(schema, &id, made.started);
    // A closure has no DIF, and no framework.
    if schema.id != closed_case::CLOSURE_FORM_ID {
        pga_form::record_framework(&mut d, &w.fw);
    }
    for (k, v) in answers.0 {
        d.answers.set(&k, v);
    }
    let ctx = Context::on(day(made.day));
    if let Err(report) = d.finish(schema, &ctx, made.finished) {
        let issues: Vec<String> = report
            .errors()
            .map(|i| format!("{} {} ({}): {}", i.rule_id, i.path, i.section, i.message))
            .collect();
        panic!("{what} cannot be finished:\n{}", issues.join("\n"));
    }
    d
}

/// Builds the scenario: the model records, the points, and the check against the rules.
fn build(w: &World, s: Spec) -> Scenario {
    let cal = Calendar::of(Division::EnglandAndWales);
    let what = format!("scenario {} ({})", s.n, s.slug);
    let pga = finished(
        w,
        &w.pga,
        record_id(s.n, 1),
        s.pga,
        &s.pga_made,
        &format!("The Gateway Assessment of {what}"),
    );
    let plp = s.plp.map(|(answers, made)| {
        let mut a = plp_form::from_pga(&pga.answers);
        for (k, v) in answers.0 {
            a.set(&k, v);
        }
        finished(
            w,
            &w.plp,
            record_id(s.n, 2),
            a,
            &made,
            &format!("The PLP case of {what}"),
        )
    });
    let reviews: Vec<Draft> = s
        .review
        .map(|(answers, made)| {
            let case = plp.as_ref().expect("a reassessment needs a PLP case");
            let mut a = plp_form::start_review(&case.answers, &case.id);
            for (k, v) in answers.0 {
                a.set(&k, v);
            }
            finished(
                w,
                &w.review,
                record_id(s.n, 3),
                a,
                &made,
                &format!("The reassessment of {what}"),
            )
        })
        .into_iter()
        .collect();
    // A case closed outside PLP: its closure and 6-month review, linked to the Gateway
    // Assessment, the review started as its page starts it (the assessment's DIF copied in).
    let closure = s.closure.map(|(answers, made)| {
        let mut a = Answers::default().with(plp_form::CASE_FIELD, &pga.id);
        for (k, v) in answers.0 {
            a.set(&k, v);
        }
        finished(
            w,
            &w.closure,
            record_id(s.n, 4),
            a,
            &made,
            &format!("The closure of {what}"),
        )
    });
    let closed_reviews: Vec<Draft> = s
        .closed_review
        .map(|(answers, made, vaf)| {
            assert!(closure.is_some(), "a closed-case review needs a closure");
            let mut a = closed_case::start_review(
                &pga.answers,
                &pga.id,
                closed_case::Which::SixMonths,
                vaf,
            );
            for (k, v) in answers.0 {
                a.set(&k, v);
            }
            finished(
                w,
                &w.closed_review,
                record_id(s.n, 5),
                a,
                &made,
                &format!("The 6-month review of {what}"),
            )
        })
        .into_iter()
        .collect();
    let model = Model {
        pga,
        plp,
        reviews,
        closure,
        closed_reviews,
    };
    let suggested = scenario::suggested_points(&model, &w.forms(), &cal);
    for f in s.factor_points {
        let field = format!("dif.{f}.finding");
        assert!(
            suggested
                .iter()
                .any(|p| p.target == Target::Answer(field.clone())),
            "{what}: {f} is not a factor the model found present"
        );
    }
    let keep = |p: &Point| {
        let name = match &p.target {
            Target::Answer(f) => f.as_str(),
            Target::Due(r) => r.id(),
            Target::FimuSubmission => "fimu",
        };
        if s.drop.contains(&name) {
            return false;
        }
        match name
            .strip_prefix("dif.")
            .and_then(|f| f.strip_suffix(".finding"))
        {
            Some(f) => s.factor_points.contains(&f),
            None => true,
        }
    };
    // The Gateway Assessment's answers first (the decision, then the rest), the trainer's own
    // points, its deadlines and factors; then the PLP case and its reassessment.
    let rank = |p: &Point| match (&p.part, &p.target) {
        (Part::Pga, Target::Answer(f)) if f.starts_with("dif.") => 3,
        (Part::Pga, Target::Due(_)) => 2,
        (Part::Pga, _) => 0,
        (Part::Plp, _) => 4,
        (Part::Review, _) => 5,
        (Part::Closure, _) => 6,
        (Part::ClosedReview, _) => 7,
    };
    let mut points: Vec<Point> = suggested.into_iter().filter(keep).collect();
    for p in s.extra {
        let at = points
            .iter()
            .position(|q| rank(q) > rank(&p))
            .unwrap_or(points.len());
        points.insert(at, p);
    }
    let sc = Scenario {
        id: s.slug.into(),
        title: s.title.into(),
        summary: s.summary.into(),
        today: day(s.today),
        vignette: s.vignette,
        developments: s.developments,
        model,
        points,
    };
    let problems = scenario::check_model(&sc, &w.forms(), &cal);
    assert!(
        problems.is_empty(),
        "{what} breaks the rules:\n{}",
        problems.join("\n")
    );
    assert!(
        (8..=15).contains(&sc.points.len()),
        "{what} has {} points: keep 8 to 15",
        sc.points.len()
    );
    sc
}

const CTCO_A: &str = "DC Jo Example";
const CTCO_B: &str = "Ali Sample (police staff CTCO)";
const SUP_A: &str = "DS Morgan Example";
const SUP_B: &str = "DS Riley Sample";

/// Scenario 1: An ideological expression in a Dovetail area whose responsible person cannot be traced:
/// straight to PLP, banded Standard.
fn stickers(w: &World) -> Spec {
    let pga = Answers::default()
        .with("case.ctco", CTCO_A)
        .with("case.reference", "TRAIN-0001")
        .on("case.received", "2026-02-25")
        .with("case.subject", "expression")
        .with("case.area", "dovetail")
        .with("case.request", "referral")
        .on("deconfliction.date", "2026-02-24")
        .with("deconfliction.reference", "TRAIN/DC/2026/0101")
        .with("deconfliction.rado", "5");
    let pga = checks(pga, [
        Check::Fimu,
        Check::Fimu,
        Check::Fimu,
        Check::Done("2026-02-25", "The QR code leads to a public channel 'Exampleton Patriots Awake' (about 400 subscribers) posting anti-migrant memes and photos of the stickers in place. No post names or shows a person; the administrator's account has no other footprint."),
        Check::Done("2026-02-26", "Three crime reports of criminal damage (stickers) at the station on 5, 12 and 19 February 2026; no suspect; no CCTV of the underpass."),
        Check::NotAvailable,
    ]);
    let pga = pga
        .with("contact.partner", "no")
        .with("visit.needed", "no")
        .with("relevance.concern", "extreme-right-wing")
        .with("threat.pursue_investigation", "no")
        .with("vulnerability.vsh", "no");
    let pga = dif_answers(&w.fw, pga, &[
        ("engagement.grievance", "The stickers frame asylum seekers housed near the station as 'replacing' local people (referral; open source)."),
        ("engagement.change", "The channel calls for Exampleton to 'wake up' and 'take our town back' (open source, 25 February 2026)."),
        ("intent.them-and-us", "'Exampleton for our own' and 'they are replacing you' (the stickers, referral)."),
    ], &[
        "engagement.identity", "engagement.group-influence", "engagement.status", "engagement.excitement",
        "capability.knowledge", "capability.access", "capability.criminal",
        "vulnerability.mental-health", "vulnerability.neurodiversity", "vulnerability.isolation",
        "vulnerability.safeguarding", "vulnerability.exploitation", "vulnerability.substance-misuse",
        "protective.family-support", "protective.positive-peers", "protective.education-work", "protective.engages-support",
    ], &[
        ("intent.harmful-means", "No call for violence on the stickers or the channel (open source)."),
        ("threat.harm", "No incident against the hotel's residents has been reported (local systems)."),
        ("threat.escalation", "About the same number of stickers each time, with the same content, since 5 February (local systems)."),
        ("threat.pursue", "The FIMU found no Pursue interest at de-confliction."),
    ]);
    let pga = pga
        .with("assessment.concern", "suspicion")
        .with("assessment.pursue", "no")
        .with("assessment.traced", "no")
        .with("assessment.direction", "static")
        .with("assessment.summary", "An extreme right-wing stickering campaign at Exampleton Central station, three times in February 2026, aimed at asylum seekers housed nearby. Grievance and 'them and us' messages; the QR code leads to an anonymous channel with the same message. No call for violence, no Pursue interest, nobody identified.")
        .with("decision.outcome", "straight-to-plp")
        .with("decision.rationale", "The referral is about an ideological expression: a stickering campaign at Exampleton Central station. The stickers and the channel they link to show grievance and 'them and us' thinking aimed at asylum seekers, so there is a reasonable suspicion of a Prevent-relevant concern (PGA-6, s8). No Pursue-relevant concern and no current investigation. The person responsible cannot be traced: no CCTV of the underpass, no suspect in the three crime reports, and the channel's administrator is anonymous. An ideological expression whose responsible person cannot be traced goes straight to PLP (PGA-8, s8), where partners can remove stickers quickly and the police can keep working to identify the source.");
    let pga = supervised(pga, SUP_A, "2026-03-02", "Agreed: straight to PLP. Ask the station operator and the council to report every new sticker to the CTCO.");
    let plp = Answers::default()
        .on("plp.entered", "2026-03-09")
        .with("plp.route_rationale", "From the Gateway Decision of 2 March 2026: an ideological expression whose responsible person cannot be traced (PGA-8). The completed DIF shows grievance, a desire for change and 'them and us' thinking; the campaign has now spread to the bus interchange.")
        .with("dif.engagement.change.evidence", "The channel calls for Exampleton to 'wake up' and 'take our town back'; 12 more stickers at the bus interchange on 6 March 2026 (council).")
        .with("plp.urgent_mh", "no")
        .with("plp.work_needed", "yes")
        .with("plp.band", "standard")
        .with("plp.band_rationale", "Standard: three Prevent-relevant factors need further work, and the source of the campaign is still to be found (PLP-3). No High trigger: the content has not changed, no one has been harmed and there is no time-lock (PLP-2).")
        .with("supervisor.name", SUP_A)
        .with("supervisor.rank", "sergeant-or-above")
        .with("supervisor.acting", "no")
        .on("supervisor.date", "2026-03-09")
        .with_choices("declaration.confirm", &["confirmed"]);
    Spec {
        n: 1,
        slug: "stickers-at-exampleton-station",
        title: "Stickers at Exampleton Central station (fictional)",
        summary: "A fictional stickering campaign at a railway station in a Dovetail area, with nobody to trace: an ideological expression. The story goes on into PLP.",
        today: "2026-03-02",
        vignette: vignette(
            r"
TRAINING — FICTIONAL. Every person, place and organisation in this case is made up.

National Prevent Referral Form, received by the Exampleton Prevent team on Friday 20 February 2026 and sent to the FIMU the same day.

Referrer: Chris Example, station manager at Exampleton Central station. Contact by work telephone.

Who or what the referral is about: an ideological expression (a stickering campaign). No person is named.

Concerns: On the morning of Thursday 19 February 2026 cleaning staff found about 30 small printed stickers on the ticket machines, the underpass walls and the shelters on platforms 2 and 3. They show a black flag with a white hand, the words 'EXAMPLETON FOR OUR OWN — THEY ARE REPLACING YOU' and a QR code. Passengers complained that they were aimed at the asylum seekers housed at the hotel next to the station. Staff removed them by midday. About the same number, with the same design, were found on 5 and 12 February and removed; those were logged as criminal damage but not referred.

The ticket hall's CCTV shows nobody putting stickers up on the night of 18 to 19 February; the underpass has no camera. Nobody has claimed responsibility. Staff are worried about tension with the hotel's residents.
",
            r"
Disseminated to the Exampleton CTP-Prevent team (a Dovetail area) on Wednesday 25 February 2026.

The FIMU assesses the stickers as Prevent-relevant extreme right-wing material. The QR code resolves to a public messaging channel, 'Exampleton Patriots Awake'; its administrator uses a pseudonym and no person has been identified. No Pursue interest and no current investigation. PNC, PND and NCIA were checked at de-confliction (results below). Please complete the Gateway Assessment and submit the Gateway Decision.
",
            r"
De-conflicted by the FIMU on Tuesday 24 February 2026, reference TRAIN/DC/2026/0101. RADO grading: 5. The Prevent team did nothing on the case before de-confliction except send the referral to the FIMU.
",
            r"
PNC (FIMU, 24 February 2026): no person to check; the slogan and the channel's name return no trace.
PND (FIMU, 24 February 2026): two reports from the neighbouring (fictional) Sampleshire force of identical stickers at a retail park in January 2026; no suspect.
NCIA (FIMU, 24 February 2026): no trace of the channel or its administrator's pseudonym.
Open source (CTCO, 25 February 2026): the channel has about 400 subscribers and posts anti-migrant memes and photos of the stickers in place ('Exampleton wakes up', 'take our town back'). No post names or shows a person; no call for violence.
Local crime and intelligence systems (CTCO, 26 February 2026): three crime reports of criminal damage at the station (5, 12 and 19 February 2026), no suspect; no incident against the hotel's residents.
CT Holmes: not available in this force.
",
        ),
        developments: vec![development(
            "2026-03-09",
            "Stickers at the bus interchange",
            r"
On Friday 6 March 2026 the council's street cleansing team found 12 stickers of the same design at Exampleton bus interchange, 400 metres from the station. The channel posted photos of them that evening ('spreading the word'), still without any person identifiable. The content has not changed. The council's community safety team agrees to report and remove stickers within 24 hours and to keep CCTV when asked; the hotel's manager reports no incidents against residents.

Record the case's entry into PLP today, Monday 9 March 2026, with its band, and your supervisor's sign-off.
",
        )],
        pga,
        pga_made: Made {
            day: "2026-03-02",
            started: "2026-02-25T09:12:00Z",
            finished: "2026-03-02T15:40:00Z",
        },
        plp: Some((plp, Made {
            day: "2026-03-09",
            started: "2026-03-09T10:05:00Z",
            finished: "2026-03-09T16:20:00Z",
        })),
        review: None,
        closure: None,
        closed_review: None,
        factor_points: &["engagement.grievance", "intent.them-and-us"],
        drop: &[],
        extra: vec![point(
            Part::Pga,
            "assessment.traced",
            "PGA-8",
            "s8",
            "Nobody can be traced: no CCTV of the underpass, no suspect in the crime reports, and the channel's administrator is anonymous. An institution or ideological expression whose responsible person cannot be traced goes straight to PLP (PGA-8, s8).",
        )],
    }
}

/// Scenario 2: A juvenile with a propensity to travel, in a non-Dovetail area: keep in PCM, with a PIW
/// request.
fn juvenile(w: &World) -> Spec {
    let pga = Answers::default()
        .with("case.ctco", CTCO_B)
        .with("case.reference", "TRAIN-0002")
        .on("case.received", "2026-05-14")
        .with("case.subject", "individual")
        .with("case.area", "non-dovetail")
        .with("case.request", "referral")
        .on("deconfliction.date", "2026-05-13")
        .with("deconfliction.reference", "TRAIN/DC/2026/0202")
        .with("deconfliction.rado", "5")
        .with_choices("deconfliction.before", &["biographical"]);
    let pga = checks(pga, [
        Check::Done("2026-05-14", "No trace."),
        Check::Fimu,
        Check::Fimu,
        Check::Done("2026-05-14", "A public video account linked to Sam's school email liked and shared four videos of armed fighters with Islamist nasheeds in April 2026. No posts of his own."),
        Check::Done("2026-05-15", "One missing-from-home report, 2 March 2026: found the next day at a friend's house. No crime reports."),
        Check::Fimu,
    ]);
    let pga = pga
        .with("non_ct.investigation", "no")
        .with("contact.partner", "no")
        .with("visit.needed", "no")
        .with("relevance.concern", "islamist")
        .with("threat.pursue_investigation", "no")
        .with("vulnerability.vsh", "no");
    let pga = dif_answers(&w.fw, pga, &[
        ("engagement.identity", "Withdrawn since his father left home in autumn 2025; looks for belonging in the fighters' videos (referral; open source)."),
        ("engagement.excitement", "Tells classmates he wants to 'go and fight for the brothers' and shows them videos of armed fighters (referral)."),
        ("engagement.transition", "GCSE year, his parents' separation, falling attendance (referral)."),
        ("vulnerability.isolation", "Has stopped seeing his friends outside school; one missing-from-home episode in March 2026 (referral; local systems)."),
        ("threat.escalation", "His talk of going to fight has grown over the last month, and he has begun asking how to get a passport (referral)."),
        ("protective.family-support", "His mother is supportive, knows of the referral and wants help for him (referral)."),
    ], &["intent.over-identification", "capability.access", "threat.mobilisation"], &[
        ("intent.harmful-means", "No talk of harming anyone in the UK (referral)."),
        ("threat.pursue", "The FIMU found no Pursue interest."),
    ]);
    let pga = pga
        .with("assessment.concern", "suspicion")
        .with("assessment.pursue", "no")
        .with("assessment.direction", "escalating")
        .with("assessment.summary", "Sam Example, 16, talks of travelling to fight in a conflict zone, shares Islamist fighters' videos and has asked about getting his own passport. Withdrawn since his parents separated; his mother is supportive. No Pursue interest.")
        .with("prompts.travel", "yes")
        .with("prompts.travel_risk", "Sam (16) has told classmates he wants to travel to a conflict zone to fight, asked a teacher how to get his own passport, and says a cousin 'went out there'. No booking is known. A PIW entry lets port staff consider the risk if he tries to travel, in particular without his mother.")
        .with("decision.outcome", "keep-in-pcm")
        .with("decision.rationale", "There is a reasonable suspicion of a Prevent-relevant concern (PGA-6, s8): Sam talks of going to fight, shares Islamist fighters' videos, and his need for identity and excitement is growing since his parents separated. Nothing is Pursue-relevant. This is not a Dovetail area, so the case stays in PCM for Information Gathering with the school and children's services, and the S.36 decision is due within 20 working days of de-confliction (PGA-15, s10). He is 16 on the day the referral was received and shows a propensity to travel: a PIW request is made, with the travel risk articulated (PGA-13, PGA-20, s9).");
    let pga = born(pga, "2009-09-03", "British");
    let pga = decided(pga, "piw", "requested", "He is 16, talks of going to fight abroad and asks how to get a passport; the FIMU asks for a PIW to be considered. A PIW entry lets port staff weigh the risk if he tries to travel: requested from CTP-POC on 15 May 2026.");
    let pga = decided(pga, "flag", "added", "Flagged on local systems on 15 May 2026 so that officers who deal with Sam, for example if he goes missing again, know of the Prevent interest and call the team.");
    let pga = supervised(
        pga,
        SUP_B,
        "2026-05-19",
        "Agreed. PIW request to go today; start Information Gathering with the school's DSL.",
    );
    Spec {
        n: 2,
        slug: "a-pupil-who-talks-of-travelling",
        title: "A pupil who talks of travelling to fight (fictional)",
        summary: "A fictional 16-year-old who talks of going to fight in a conflict zone, in a non-Dovetail area: a juvenile with a propensity to travel.",
        today: "2026-05-19",
        vignette: vignette(
            r"
TRAINING — FICTIONAL. Every person, place and organisation in this case is made up.

National Prevent Referral Form, received on Monday 11 May 2026.

Referrer: Pat Sample, Designated Safeguarding Lead, Exampleton Academy. Contact by email and work telephone.

About: Sam Example, born 3 September 2009 (16), British, a Year 11 pupil at Exampleton Academy, living with his mother in Exampleton.

Concerns: Over the last month Sam has told classmates several times that he wants to 'go and fight for the brothers' in a conflict zone abroad, and has shown them videos on his phone of armed fighters with Islamist songs. Last week he asked his form tutor how old you have to be to get your own passport, and said a cousin had 'gone out there'. His attendance has fallen from 96% to 81% since Christmas, and he has become withdrawn since his father left home last autumn. He says he has no one to talk to.

His mother has been told of this referral and wants help for him. The school knows of no travel booked.
",
            r"
Disseminated to the Exampleton CTP-Prevent team (not a Dovetail area) on Thursday 14 May 2026.

Prevent-relevant (Islamist). No Pursue interest and no current investigation. The cousin Sam mentions could not be identified from the referral. PND, NCIA and CT Holmes were checked at de-confliction: no trace. Given Sam's age and his talk of travel, the FIMU asks the team to consider a Ports Intelligence Watchlist request.
",
            r"
De-conflicted by the FIMU on Wednesday 13 May 2026, reference TRAIN/DC/2026/0202. RADO grading: 5. Before de-confliction the CTCO took Sam's date of birth and address from local systems; nothing else was done.
",
            r"
PNC (CTCO, 14 May 2026): no trace.
PND (FIMU, 13 May 2026): no trace.
NCIA (FIMU, 13 May 2026): no trace of Sam, his mother or his address.
Open source (CTCO, 14 May 2026): a public video account linked to Sam's school email liked and shared four videos of armed fighters with Islamist songs in April 2026; no posts of his own.
Local crime and intelligence systems (CTCO, 15 May 2026): one missing-from-home report, 2 March 2026 (found the next day at a friend's house); no crime reports.
CT Holmes (FIMU, 13 May 2026): no trace.
",
        ),
        developments: vec![],
        pga,
        pga_made: Made {
            day: "2026-05-19",
            started: "2026-05-14T08:45:00Z",
            finished: "2026-05-19T14:30:00Z",
        },
        plp: None,
        review: None,
        closure: None,
        closed_review: None,
        factor_points: &["engagement.identity", "engagement.excitement", "engagement.transition", "vulnerability.isolation"],
        drop: &["subject.nationality"],
        extra: vec![],
    }
}

/// Scenario 3: A foreign national in a Dovetail area, suitable for Channel: refer to the LACC.
fn foreign_national(w: &World) -> Spec {
    let pga = Answers::default()
        .with("case.ctco", CTCO_A)
        .with("case.reference", "TRAIN-0003")
        .on("case.received", "2026-06-11")
        .with("case.subject", "individual")
        .with("case.area", "dovetail")
        .with("case.request", "referral")
        .on("deconfliction.date", "2026-06-10")
        .with("deconfliction.reference", "TRAIN/DC/2026/0303")
        .with("deconfliction.rado", "5");
    let pga = checks(pga, [
        Check::Done("2026-06-11", "No trace in the UK."),
        Check::Fimu,
        Check::Fimu,
        Check::Done("2026-06-11", "A public social media account in his own name shares videos of an Islamist preacher and, after the attack abroad in May 2026, comments praising the attackers as 'martyrs'. No threats; no contact with known extremists."),
        Check::Done("2026-06-12", "Recorded as the victim of a racially aggravated assault in January 2026 (no one charged). Nothing else."),
        Check::NotAvailable,
    ]);
    let pga = pga
        .with("non_ct.investigation", "no")
        .with("contact.partner", "no")
        .with("visit.needed", "no")
        .with("relevance.concern", "islamist")
        .with("threat.pursue_investigation", "no")
        .with("vulnerability.vsh", "yes")
        .with("vulnerability.vsh_outcome", "Referred on 12 June 2026 and accepted: a mental health nurse will assess him within two weeks. No urgent concern identified.");
    let pga = dif_answers(&w.fw, pga, &[
        ("engagement.grievance", "Victim of a racially aggravated assault in January 2026; says 'the West gets what it deserves' (referral; local systems)."),
        ("engagement.identity", "No friends in the UK; looks for belonging in an online preacher's audience (referral; open source)."),
        ("intent.justify-offending", "Said the attackers were 'right to do it' and calls them 'martyrs' online (referral; open source)."),
        ("vulnerability.mental-health", "Sleeps badly, says his thoughts are 'too loud'; on a GP waiting list for talking therapy (referral)."),
        ("vulnerability.isolation", "Lives alone, no friends here, family abroad (referral)."),
        ("protective.education-work", "Works full time and attends his English course every week (referral)."),
    ], &["capability.access"], &[
        ("intent.harmful-means", "No threat or plan to harm anyone (referral; open source)."),
        ("threat.pursue", "The FIMU found no Pursue interest."),
    ]);
    let pga = pga
        .with("assessment.concern", "suspicion")
        .with("assessment.pursue", "no")
        .with("assessment.unsuitable_plp", "yes")
        .with("assessment.direction", "static")
        .with("assessment.summary", "Alex Sample, 24, a foreign national, isolated and unwell, justifies an attack abroad and follows an Islamist preacher online. No threats, no Pursue interest. He talks openly to his tutor and accepted the hub's help: his needs are for support, which Channel offers.")
        .with("prompts.travel", "no")
        .with("decision.outcome", "refer-to-lacc")
        .with("decision.rationale", "There is a reasonable suspicion of a Prevent-relevant concern (PGA-6, s8): Alex justifies the attackers of May 2026, follows an Islamist preacher, and is isolated with mental health needs. Nothing is Pursue-relevant. He engages openly with his tutor and accepted the Vulnerability Support Hub, so the case is unsuitable for PLP: his needs call for the voluntary support of Channel. This is a Dovetail area, so the Gateway Decision is to refer him to the LACC within 5 working days of receipt, with my supervisor's endorsement (PGA-7, s8, s10). He is a foreign national: CRO, FCO and Immigration enquiries were considered and a CRO request made (PGA-12, PGA-20, s8).");
    let pga = born(
        pga,
        "2002-01-14",
        "Not British: in the UK on a work visa (the referral does not name his nationality)",
    );
    let pga = decided(pga, "overseas", "contact", "He came to the UK three years ago, so convictions or intelligence abroad would not show on PNC, PND or NCIA: a request was sent to the CRO on 12 June 2026. FCO and Immigration were considered: nothing suggests activity abroad or a question over his visa, so they are not contacted now; the LACC is told, and they will be if Channel's work finds otherwise.");
    let pga = decided(pga, "flag", "added", "Flagged on local systems on 12 June 2026 so that officers who deal with him, as a victim or otherwise, know of the Prevent interest while the LACC considers the referral.");
    let pga = supervised(
        pga,
        SUP_A,
        "2026-06-16",
        "Endorsed: refer to the LACC today. Share the police checks with the LACC for the VAF.",
    );
    Spec {
        n: 3,
        slug: "a-foreign-national-and-the-lacc",
        title: "A foreign national in a Dovetail area (fictional)",
        summary: "A fictional foreign national, isolated and unwell, who justifies an attack abroad: a Dovetail case that needs Channel's support rather than PLP.",
        today: "2026-06-16",
        vignette: vignette(
            r"
TRAINING — FICTIONAL. Every person, place and organisation in this case is made up.

National Prevent Referral Form, received on Monday 8 June 2026.

Referrer: Dee Example, English language tutor, Exampleton College. Contact by work email.

About: Alex Sample, born 14 January 2002 (24), a foreign national (not British) who came to the UK three years ago on a work visa. Works at a warehouse in Exampleton and attends an evening English course.

Concerns: In a class discussion on 4 June about the attack abroad in May, Alex said the attackers were 'right to do it' and that 'the West gets what it deserves'. After class he showed the tutor a speech by an Islamist preacher on his phone and said it was the only thing that made sense to him. He told the tutor he has no friends here, that his family is abroad, that he sleeps badly and that his thoughts are 'too loud'. He is registered with a GP and on a waiting list for talking therapy. He has been the victim of a racist assault this year.

He has never spoken of harming anyone. He was open with the tutor and agreed that she could ask for help for him.
",
            r"
Disseminated to the Exampleton CTP-Prevent team (a Dovetail area) on Thursday 11 June 2026.

Prevent-relevant (Islamist). No Pursue interest and no current investigation. PND and NCIA were checked at de-confliction: no trace. Alex is a foreign national: the FIMU holds nothing from overseas on him.
",
            r"
De-conflicted by the FIMU on Wednesday 10 June 2026, reference TRAIN/DC/2026/0303. RADO grading: 5. The Prevent team did nothing before de-confliction.
",
            r"
PNC (CTCO, 11 June 2026): no trace in the UK.
PND (FIMU, 10 June 2026): no trace.
NCIA (FIMU, 10 June 2026): no trace.
Open source (CTCO, 11 June 2026): a public account in his own name shares the preacher's videos and, after the May attack, comments praising the attackers as 'martyrs'. No threats; no contact with known extremists.
Local crime and intelligence systems (CTCO, 12 June 2026): the victim of a racially aggravated assault in January 2026 (no one charged); nothing else.
CT Holmes: not available in this force.

Also on 12 June 2026 the CTCO referred Alex to the Exampleton Vulnerability Support Hub, which accepted him (a mental health nurse will assess him; no urgent concern), and sent a request to the Criminal Records Office.
",
        ),
        developments: vec![],
        pga,
        pga_made: Made {
            day: "2026-06-16",
            started: "2026-06-11T09:30:00Z",
            finished: "2026-06-16T11:55:00Z",
        },
        plp: None,
        review: None,
        closure: None,
        closed_review: None,
        factor_points: &["engagement.grievance", "intent.justify-offending", "vulnerability.mental-health", "vulnerability.isolation"],
        drop: &["prompts.travel"],
        extra: vec![
            point(Part::Pga, "assessment.unsuitable_plp", "PGA-7", "s8, s10", "Alex engages openly and accepted the hub's support: his needs call for the voluntary support of Channel, so the case is unsuitable for PLP. In a Dovetail area that makes the decision a referral to the LACC (PGA-7, s8, s10)."),
        ],
    }
}

/// Scenario 4: Remarks misread as a threat, graded RADO 6: close, with no submission to the FIMU.
fn misread(w: &World) -> Spec {
    let pga = Answers::default()
        .with("case.ctco", CTCO_B)
        .with("case.reference", "TRAIN-0004")
        .on("case.received", "2026-07-10")
        .with("case.subject", "individual")
        .with("case.area", "non-dovetail")
        .with("case.request", "referral")
        .on("deconfliction.date", "2026-07-09")
        .with("deconfliction.reference", "TRAIN/DC/2026/0404")
        .with("deconfliction.rado", "6")
        .with_choices(
            "deconfliction.before",
            &["contact-referrer", "biographical"],
        );
    let pga = checks(pga, [
        Check::Done("2026-07-10", "No trace."),
        Check::Done("2026-07-10", "No trace."),
        Check::Fimu,
        Check::Done("2026-07-10", "The Exampleton Sunday five-a-side league's website lists the Depot Bombers FC v Sample Rovers cup final on Saturday 11 July 2026; Jamie is the Depot Bombers' captain. His public posts are about football and his children."),
        Check::Fimu,
        Check::NotAvailable,
    ]);
    let pga = pga
        .with("non_ct.investigation", "no")
        .with("contact.partner", "no")
        .with("visit.needed", "no")
        .with("relevance.concern", "no-ideology")
        .with("threat.pursue_investigation", "no")
        .with("vulnerability.vsh", "no");
    let pga = dif_answers(
        &w.fw,
        pga,
        &[
            (
                "protective.family-support",
                "Lives with his partner and two children (local systems; open source).",
            ),
            (
                "protective.positive-peers",
                "Captains a five-a-side football team (open source).",
            ),
            (
                "protective.education-work",
                "Team leader at the depot for six years (referral).",
            ),
        ],
        &[],
        &[
            (
                "engagement.grievance",
                "Nothing in the referral or the checks.",
            ),
            (
                "intent.harmful-means",
                "The 'massacre' remark was about the cup final of 11 July (referrer; open source).",
            ),
            (
                "intent.harmful-objectives",
                "Nothing in the referral or the checks.",
            ),
            (
                "capability.access",
                "The 'kit' is the team's football kit (referrer).",
            ),
            (
                "threat.harm",
                "No threat to anyone: the remark was football talk (referrer; open source).",
            ),
            (
                "threat.pursue",
                "The FIMU graded the referral RADO 6: no CT relevance.",
            ),
        ],
    );
    let pga = pga
        .with("assessment.concern", "no-concern")
        .with("assessment.pursue", "no")
        .with("assessment.direction", "static")
        .with("assessment.summary", "Jamie Example's 'massacre' remark and 'kit' were about his five-a-side team's cup final; the 'bomb' picture is the team's badge. Every check is no trace. No Prevent-relevant concern.")
        .with("prompts.travel", "no")
        .with("decision.outcome", "close")
        .with("decision.rationale", "There is a reasonable belief that there is no Prevent-relevant concern (PGA-9, s8): the remark overheard on 3 July was about the cup final of the five-a-side league on 11 July (the referrer, and the league's website), the 'kit' is the team's football kit and the 'bomb' picture is the Depot Bombers' badge. PNC, PND and NCIA are no trace. The FIMU graded the referral RADO 6 at de-confliction, so the decision to close needs no submission to the FIMU (PGA-11, s8). I will tell the referrer that no further action is needed.");
    let pga = born(pga, "1992-03-22", "British");
    let pga = decided(pga, "flag", "not-flagged", "No Prevent-relevant concern: the remark was about a football match and the case is closed, so there is no interest to flag.");
    let pga = supervised(
        pga,
        SUP_B,
        "2026-07-15",
        "Closing rationale approved: no Prevent-relevant concern.",
    );
    Spec {
        n: 4,
        slug: "remarks-in-the-canteen",
        title: "Remarks in the canteen (fictional)",
        summary: "A fictional worker overheard talking of a 'massacre': the checks show what he meant. A case the FIMU graded RADO 6.",
        today: "2026-07-15",
        vignette: vignette(
            r"
TRAINING — FICTIONAL. Every person, place and organisation in this case is made up.

National Prevent Referral Form, received on Tuesday 7 July 2026.

Referrer: Lee Sample, HR adviser, Example Parcels depot, Exampleton. Contact by work telephone.

About: Jamie Example, born 22 March 1992 (34), British, a team leader at the depot.

Concerns: On Friday 3 July a colleague heard Jamie say in the canteen: 'Saturday we're going to take them all out — no survivors, it'll be a massacre', and 'I've got the kit ready'. The colleague also saw a picture of a bomb on his phone. The colleague did not hear the rest of the conversation and reported it to HR, who referred it 'to be safe'. Jamie has worked at the depot for six years without any problems.

The form does not say who Jamie was talking to, or what about.
",
            r"
Disseminated to the Exampleton CTP-Prevent team (not a Dovetail area) on Friday 10 July 2026. The FIMU assessed the referral as having no CT relevance (RADO 6). It is sent to the team, as every referral is, for the Gateway Assessment to be completed. NCIA and local systems were checked at de-confliction: no trace.
",
            r"
De-conflicted by the FIMU on Thursday 9 July 2026, reference TRAIN/DC/2026/0404. RADO grading: 6.

Before de-confliction, because the referral did not say what the remark was about, the CTCO phoned the referrer for that basic information, and took Jamie's date of birth and address from local systems. The referrer said that the colleague now remembers Jamie talking about 'the final' with two members of his football team.
",
            r"
PNC (CTCO, 10 July 2026): no trace.
PND (CTCO, 10 July 2026): no trace.
NCIA (FIMU, 9 July 2026): no trace.
Open source (CTCO, 10 July 2026): the Exampleton Sunday five-a-side league's website lists the cup final, Depot Bombers FC v Sample Rovers, on Saturday 11 July 2026; Jamie is the Depot Bombers' captain, and the team's badge is a cartoon bomb. His public posts are about football and his children.
Local crime and intelligence systems (FIMU, 9 July 2026): no trace.
CT Holmes: not available in this force.
",
        ),
        developments: vec![],
        pga,
        pga_made: Made {
            day: "2026-07-15",
            started: "2026-07-10T10:00:00Z",
            finished: "2026-07-15T12:10:00Z",
        },
        plp: None,
        review: None,
        closure: None,
        closed_review: None,
        factor_points: &["protective.positive-peers"],
        drop: &["prompts.travel"],
        extra: vec![point(
            Part::Pga,
            "deconfliction.before",
            "PGA-1",
            "s7",
            "Before de-confliction the only things allowed are contacting the referrer because the referral lacks basic information, activity the FIMU asked for, and basic biographical data (PGA-1, s7). Here: the call to the referrer and the date of birth and address.",
        )],
    }
}

/// Scenario 5: Purchases that are Pursue-relevant: close and escalate to Pursue.
fn pursue(w: &World) -> Spec {
    let pga = Answers::default()
        .with("case.ctco", CTCO_A)
        .with("case.reference", "TRAIN-0005")
        .on("case.received", "2026-09-10")
        .with("case.subject", "individual")
        .with("case.area", "dovetail")
        .with("case.request", "referral")
        .on("deconfliction.date", "2026-09-09")
        .with("deconfliction.reference", "TRAIN/DC/2026/0505")
        .with("deconfliction.rado", "5");
    let pga = checks(pga, [
        Check::Fimu,
        Check::Fimu,
        Check::Fimu,
        Check::Done("2026-09-10", "A public forum account under a handle linked to his email posted on 5 September 2026 that 'it's time someone in Exampleton did what he did', under a news item about a mass-casualty attack, and asked other users about 'storing chemicals safely in a garage'."),
        Check::Done("2026-09-11", "A new intelligence report, dated 9 September 2026 (after de-confliction): a neighbour has seen Robin carrying containers into his garage at night and heard him boast that 'they'll remember this town'."),
        Check::NotAvailable,
    ]);
    let pga = pga
        .with("non_ct.investigation", "no")
        .with("contact.partner", "no")
        .with("visit.needed", "no")
        .with("relevance.concern", "extreme-right-wing")
        .with("threat.pursue_investigation", "no")
        .with("vulnerability.vsh", "no");
    let pga = dif_answers(&w.fw, pga, &[
        ("intent.justify-offending", "Praises a mass-casualty attacker: 'it's time someone in Exampleton did what he did' (open source, 5 September 2026)."),
        ("intent.harmful-means", "'They'll remember this town' (intelligence report of 9 September 2026)."),
        ("capability.access", "Bought large quantities of products the shop reports as suspicious, in cash, over three weeks (referral)."),
        ("threat.mobilisation", "Buying and storing materials at night; asked online about storing chemicals (referral; open source; local intelligence)."),
        ("threat.pursue", "Acquiring materials with stated intent to cause harm: escalated to the FIMU on 11 September 2026 as a potential lead."),
    ], &["capability.knowledge", "vulnerability.mental-health"], &[
        ("protective.engages-support", "Evasive with the shop's staff; no contact with any support (referral)."),
    ]);
    let pga = pga
        .with("assessment.concern", "suspicion")
        .with("assessment.pursue", "yes")
        .with("assessment.unsuitable_plp", "yes")
        .with("assessment.direction", "escalating")
        .with("assessment.summary", "Robin Example bought large quantities of reportable products in cash, praises a mass-casualty attacker online, asks about storing chemicals, and is seen storing containers at night. This is a Pursue-relevant concern, escalated to the FIMU on 11 September 2026.")
        .with("prompts.travel", "no")
        .with("decision.outcome", "close-escalate-pursue")
        .with("decision.rationale", "There is a Pursue-relevant concern that must be escalated out of Prevent (PGA-9, s8, s13): Robin has bought large quantities of reportable products in cash, praised a mass-casualty attacker and asked about storing chemicals (open source, 5 September), and a new intelligence report of 9 September has him storing containers at night and saying 'they'll remember this town'. I phoned the FIMU on 11 September at 15:10 and submitted the intelligence as a potential lead. The case is closed in Prevent and escalated to Pursue, with my supervisor's approval; the Gateway Decision goes to the FIMU (PGA-11).");
    let pga = born(pga, "1985-05-09", "British");
    let pga = decided(pga, "flag", "not-flagged", "Not flagged by Prevent: the concern is escalated to Pursue through the FIMU, which decides on any flag with the investigation so as not to compromise it.");
    let pga = supervised(
        pga,
        SUP_A,
        "2026-09-14",
        "Approved: close and escalate. The FIMU confirms receipt of the lead (11 September 2026).",
    );
    Spec {
        n: 5,
        slug: "purchases-at-the-garden-centre",
        title: "Purchases at the garden centre (fictional)",
        summary: "A fictional customer's purchases, online posts and a new intelligence report: a concern for Pursue, not Prevent.",
        today: "2026-09-14",
        vignette: vignette(
            r"
TRAINING — FICTIONAL. Every person, place and organisation in this case is made up.

National Prevent Referral Form, received on Monday 7 September 2026, filled in by a shop manager at the suggestion of the council's trading standards officer.

Referrer: Kim Sample, manager, Exampleton Garden & Farm Supplies. Contact by work telephone.

About: Robin Example, born 9 May 1985 (41), British, of Exampleton, known to staff as a customer.

Concerns: Over three weeks in August 2026 Robin bought large quantities of products that staff are trained to report as suspicious transactions, each time in cash, on four visits. When a member of staff asked what they were for he said 'you'll see soon enough' and laughed. On his last visit he wore a badge with an extreme right-wing symbol. He has no farm or smallholding that staff know of.
",
            r"
Disseminated to the Exampleton CTP-Prevent team (a Dovetail area) on Thursday 10 September 2026. At de-confliction the FIMU found no trace on PNC, PND or NCIA, no Pursue interest and no current investigation. The FIMU asks to be told at once of anything that changes that picture.
",
            r"
De-conflicted by the FIMU on Wednesday 9 September 2026, reference TRAIN/DC/2026/0505. RADO grading: 5. The Prevent team did nothing before de-confliction.
",
            r"
PNC (FIMU, 9 September 2026): no trace.
PND (FIMU, 9 September 2026): no trace.
NCIA (FIMU, 9 September 2026): no trace.
Open source (CTCO, 10 September 2026): a forum account under a handle linked to his email posted on 5 September 2026, under a news item about a mass-casualty attack, that 'it's time someone in Exampleton did what he did', and asked other users about 'storing chemicals safely in a garage'.
Local crime and intelligence systems (CTCO, 11 September 2026): a new intelligence report dated 9 September 2026, after de-confliction. A neighbour has seen Robin carrying containers into his garage at night and heard him boast that 'they'll remember this town'.
CT Holmes: not available in this force.
",
        ),
        developments: vec![],
        pga,
        pga_made: Made {
            day: "2026-09-14",
            started: "2026-09-10T08:30:00Z",
            finished: "2026-09-14T10:45:00Z",
        },
        plp: None,
        review: None,
        closure: None,
        closed_review: None,
        factor_points: &["capability.access", "threat.mobilisation", "threat.pursue"],
        drop: &["assessment.concern", "prompts.travel"],
        extra: vec![],
    }
}

/// Scenario 6: An institution in a non-Dovetail area whose organiser cannot be traced: straight to PLP,
/// banded High.
fn institution(w: &World) -> Spec {
    let pga = Answers::default()
        .with("case.ctco", CTCO_B)
        .with("case.reference", "TRAIN-0006")
        .on("case.received", "2026-10-08")
        .with("case.subject", "institution")
        .with("case.area", "non-dovetail")
        .with("case.request", "referral")
        .on("deconfliction.date", "2026-10-07")
        .with("deconfliction.reference", "TRAIN/DC/2026/0606")
        .with("deconfliction.rado", "5");
    let pga = checks(pga, [
        Check::Fimu,
        Check::Done("2026-10-08", "No trace of the name used for the booking or of the phone number."),
        Check::Fimu,
        Check::Done("2026-10-08", "The club's public page (about 150 followers) advertises a 'Winter Training Weekend, 14 November 2026 — bring your own kit' and posts videos of group knife-defence drills with faces blurred. Since September its posts have moved from fitness to 'the coming race war'."),
        Check::Done("2026-10-09", "Two reports from residents of chanting at the unit on Sunday mornings in September 2026; no names."),
        Check::NotAvailable,
    ]);
    let pga = pga
        .with("contact.partner", "no")
        .with("visit.needed", "no")
        .with("relevance.concern", "extreme-right-wing")
        .with("threat.pursue_investigation", "no")
        .with("vulnerability.vsh", "no");
    let pga = dif_answers(&w.fw, pga, &[
        ("engagement.group-influence", "Young men aged about 16 to 25 train together under the club's slogans (referral; open source)."),
        ("intent.them-and-us", "Flyers: 'Train for the coming war'; posts about 'the coming race war' (referral; open source)."),
        ("intent.harmful-means", "Knife-defence drills presented as preparation for 'the war' (open source)."),
        ("threat.escalation", "Since September 2026 the posts have moved from fitness to race war (open source, 8 October 2026)."),
        ("threat.time-lock", "The 'Winter Training Weekend' on 14 November 2026 (open source)."),
    ], &[
        "capability.knowledge", "capability.access", "capability.criminal",
        "vulnerability.mental-health", "vulnerability.neurodiversity", "vulnerability.isolation",
        "vulnerability.safeguarding", "vulnerability.exploitation", "vulnerability.substance-misuse",
        "protective.family-support", "protective.positive-peers", "protective.education-work", "protective.engages-support",
    ], &[
        ("threat.pursue", "The FIMU found no Pursue interest at de-confliction."),
    ]);
    let pga = pga
        .with("assessment.concern", "suspicion")
        .with("assessment.pursue", "no")
        .with("assessment.traced", "no")
        .with("assessment.direction", "escalating")
        .with("assessment.summary", "A 'fitness and self-defence club' in a unit on Exampleton Trade Park trains young men under extreme right-wing slogans, with knife drills and talk of a 'race war', escalating since September, with a training weekend set for 14 November. The organiser booked under a false name and cannot be traced.")
        .with("decision.outcome", "straight-to-plp")
        .with("decision.rationale", "The referral is about an institution: the 'Sample Vanguard' club. Its flyers, posts and knife drills for 'the coming war' give a reasonable suspicion of a Prevent-relevant concern (PGA-6, s8), escalating since September, with a training weekend on 14 November. No Pursue interest. The organiser booked the unit under a name and number that trace to nobody, paid in cash and has never been seen, so the person responsible cannot be traced: an institution whose responsible person cannot be traced goes straight to PLP (PGA-8, s8). In PLP the council and the letting agent can act on the lease before the weekend while we work to identify the organiser.");
    let pga = supervised(pga, SUP_B, "2026-10-14", "Agreed: straight to PLP. Submit the Gateway Decision to the FIMU with the club's page and the flyers.");
    let plp = Answers::default()
        .on("plp.entered", "2026-10-19")
        .with("plp.route_rationale", "From the Gateway Decision of 14 October 2026: an institution whose responsible person cannot be traced (PGA-8). The completed DIF shows group influence, 'them and us' thinking and harmful means, an escalation since September and a time-lock (the weekend of 14 November).")
        .with("dif.threat.harm.finding", "present")
        .with("dif.threat.harm.evidence", "New post of 16 October 2026: 'Weekend 14 Nov: bring your own blades, we train for real' (open source).")
        .with("plp.urgent_mh", "no")
        .with("plp.work_needed", "yes")
        .with("plp.band", "high")
        .with("plp.band_rationale", "High: an unmitigated escalation factor, an apparent risk of harm ('bring your own blades') and a time-lock, the weekend of 14 November 2026 (PLP-2, s12). Reassess at least every 4 weeks, and before that weekend.")
        .with("supervisor.name", SUP_B)
        .with("supervisor.rank", "sergeant-or-above")
        .with("supervisor.acting", "no")
        .on("supervisor.date", "2026-10-19")
        .with_choices("declaration.confirm", &["confirmed"]);
    Spec {
        n: 6,
        slug: "a-club-on-the-trade-park",
        title: "A club on the trade park (fictional)",
        summary: "A fictional 'fitness club' training young men for a 'race war', run by someone nobody can trace, in a non-Dovetail area: an institution. The story goes on into PLP.",
        today: "2026-10-14",
        vignette: vignette(
            r"
TRAINING — FICTIONAL. Every person, place and organisation in this case is made up.

National Prevent Referral Form, received on Monday 5 October 2026.

Referrer: Sam Sample, community safety officer, Exampleton Borough Council. Contact by work email and telephone.

Who or what the referral is about: an institution, a 'fitness and self-defence club' calling itself 'Sample Vanguard', which has hired Unit 7 on Exampleton Trade Park for Sunday mornings since July 2026.

Concerns: The letting agent brought the council flyers left in the unit: a skull on a sun-wheel symbol and the words 'TRAIN FOR THE COMING WAR — WHITE MEN ONLY'. Residents say 15 to 20 young men, some looking about 16, arrive each Sunday; chanting can be heard. The agent saw knives in a holdall when he called to read the meter.

The unit was booked by phone in the name 'John Sample', paid three months ahead in cash through a third party; the agent has never met the organiser and the phone number no longer connects. Nobody at the club has given a name.
",
            r"
Disseminated to the Exampleton CTP-Prevent team (not a Dovetail area) on Thursday 8 October 2026.

The FIMU assesses the club as Prevent-relevant (extreme right-wing). The symbol on the flyers is used by a small online network; no person linked to the club has been identified. No Pursue interest and no current investigation. PNC and NCIA were checked at de-confliction: no trace of 'John Sample' at any address linked to the booking.
",
            r"
De-conflicted by the FIMU on Wednesday 7 October 2026, reference TRAIN/DC/2026/0606. RADO grading: 5. The Prevent team did nothing before de-confliction.
",
            r"
PNC (FIMU, 7 October 2026): no trace of the name used for the booking.
PND (CTCO, 8 October 2026): no trace of the name or the phone number.
NCIA (FIMU, 7 October 2026): the symbol is used by a small online network; no trace of the club or the name.
Open source (CTCO, 8 October 2026): the club's public page (about 150 followers) advertises a 'Winter Training Weekend, 14 November 2026 — bring your own kit' and posts videos of group knife-defence drills with faces blurred. Since September its posts have moved from fitness to 'the coming race war'.
Local crime and intelligence systems (CTCO, 9 October 2026): two reports from residents of chanting at the unit on Sunday mornings in September 2026; no names.
CT Holmes: not available in this force.
",
        ),
        developments: vec![development(
            "2026-10-19",
            "'Bring your own blades'",
            r"
On Friday 16 October 2026 the club's page posted: 'Weekend 14 Nov: bring your own blades, we train for real.' The letting agent confirms the booking runs to the end of November and that the lease lets the landlord end it for unlawful use; the council's legal team is ready to advise. Still nobody connected with the club has been identified.

Record the case's entry into PLP today, Monday 19 October 2026, with its band, and your supervisor's sign-off.
",
        )],
        pga,
        pga_made: Made {
            day: "2026-10-14",
            started: "2026-10-08T13:15:00Z",
            finished: "2026-10-14T17:05:00Z",
        },
        plp: Some((plp, Made {
            day: "2026-10-19",
            started: "2026-10-19T09:20:00Z",
            finished: "2026-10-19T15:00:00Z",
        })),
        review: None,
        closure: None,
        closed_review: None,
        factor_points: &["intent.them-and-us", "threat.escalation", "threat.time-lock"],
        drop: &[],
        extra: vec![point(
            Part::Pga,
            "assessment.traced",
            "PGA-8",
            "s8",
            "The organiser booked under a name and number that trace to nobody and has never been seen: the responsible person cannot be traced, so the institution goes straight to PLP (PGA-8, s8).",
        )],
    }
}

/// Scenario 7: A referral received just before Christmas: the PGA's deadline runs over the bank
/// holidays. Keep in PCM.
fn christmas(w: &World) -> Spec {
    let pga = Answers::default()
        .with("case.ctco", CTCO_A)
        .with("case.reference", "TRAIN-0007")
        .on("case.received", "2026-12-23")
        .with("case.subject", "individual")
        .with("case.area", "non-dovetail")
        .with("case.request", "referral")
        .on("deconfliction.date", "2026-12-22")
        .with("deconfliction.reference", "TRAIN/DC/2026/0707")
        .with("deconfliction.rado", "5");
    let pga = checks(pga, [
        Check::Done("2026-12-23", "No trace."),
        Check::Fimu,
        Check::Fimu,
        Check::Done("2026-12-24", "A gaming forum account under a handle linked to his email posts 'rankings' of mass-casualty attackers by number of victims (October to December 2026) and calls two of them 'legends'. No threats and no ideology."),
        Check::Done("2026-12-29", "No trace, apart from a missing person report when he was 15 (found the same day)."),
        Check::NotAvailable,
    ]);
    let pga = pga
        .with("non_ct.investigation", "no")
        .with("contact.partner", "no")
        .with("visit.needed", "no")
        .with("relevance.concern", "extreme-violence")
        .with("threat.pursue_investigation", "no")
        .with("vulnerability.vsh", "yes")
        .with(
            "vulnerability.vsh_outcome",
            "Referred on 29 December 2026; the hub will screen him in the week of 4 January 2027.",
        );
    let pga = dif_answers(&w.fw, pga, &[
        ("engagement.status", "Ranks mass-casualty attackers by victims and calls them 'legends' (open source; referral)."),
        ("vulnerability.neurodiversity", "Autism diagnosis, known to the training provider (referral)."),
        ("vulnerability.isolation", "Few friends; spends his breaks alone on the forum (referral)."),
        ("protective.family-support", "Lives with his grandmother, who is supportive (referral)."),
        ("protective.education-work", "In the second year of an electrical apprenticeship, good attendance (referral)."),
    ], &["intent.harmful-objectives", "capability.access"], &[
        ("intent.harmful-means", "No threat or plan to harm anyone (referral; open source)."),
        ("threat.escalation", "The content has been the same since October (open source)."),
        ("threat.pursue", "The FIMU found no Pursue interest."),
    ]);
    let pga = pga
        .with("assessment.concern", "suspicion")
        .with("assessment.pursue", "no")
        .with("assessment.direction", "static")
        .with("assessment.summary", "Charlie Example, 19, an apprentice with autism and few friends, is fascinated by mass-casualty attackers, ranks them and calls them 'legends'. No ideology, no threats, no Pursue interest. Supportive grandmother and a steady apprenticeship.")
        .with("prompts.travel", "no")
        .with("decision.outcome", "keep-in-pcm")
        .with("decision.rationale", "There is a reasonable suspicion of a Prevent-relevant concern (PGA-6, s8): a fascination with mass-casualty attackers whom Charlie calls 'legends', with isolation and neurodiversity that may make him more susceptible. Nothing is Pursue-relevant. This is not a Dovetail area, so the case stays in PCM for Information Gathering with the training provider and the Vulnerability Support Hub; the S.36 decision is due within 20 working days of de-confliction on 22 December (PGA-15, s10). This PGA was due on Monday 4 January 2027: 5 working days from receipt on 23 December, not counting the bank holidays of 25 and 28 December and 1 January (PGA-2, s8).");
    let pga = born(pga, "2007-06-30", "British");
    let pga = decided(pga, "flag", "added", "Flagged on local systems on 31 December 2026 so that officers who deal with Charlie know of the Prevent interest during Information Gathering.");
    let pga = supervised(pga, SUP_A, "2026-12-31", "Agreed: keep in PCM. Information Gathering to start on 4 January with the hub's screening.");
    Spec {
        n: 7,
        slug: "a-referral-before-christmas",
        title: "A referral just before Christmas (fictional)",
        summary: "A fictional apprentice fascinated by mass-casualty attackers, referred two days before Christmas: when is the Gateway Assessment due?",
        today: "2026-12-31",
        vignette: vignette(
            r"
TRAINING — FICTIONAL. Every person, place and organisation in this case is made up.

National Prevent Referral Form, received on Friday 18 December 2026.

Referrer: Jess Example, safeguarding lead, Exampleton Skills Centre (an apprenticeship training provider). Contact by work email.

About: Charlie Example, born 30 June 2007 (19), British, a second-year electrical apprentice, living with his grandmother in Exampleton.

Concerns: A tutor found a folder on a shared laptop in the workshop, saved under Charlie's login, with pictures and write-ups of school shootings and other mass-casualty attacks. Charlie told the tutor he is 'into the history of it' and that two of the attackers are 'legends'. He has an autism diagnosis, few friends, and spends his breaks alone on his phone on a gaming forum. He has never threatened anyone and his attendance and work are good. His grandmother is supportive.
",
            r"
Disseminated to the Exampleton CTP-Prevent team (not a Dovetail area) on Wednesday 23 December 2026.

Prevent-relevant: a fascination with extreme violence and mass-casualty attacks, no ideology identified. No Pursue interest and no current investigation. PND and NCIA were checked at de-confliction: no trace.

Please note the bank holidays: Friday 25 December, Monday 28 December (Boxing Day, substitute day) and Friday 1 January.
",
            r"
De-conflicted by the FIMU on Tuesday 22 December 2026, reference TRAIN/DC/2026/0707. RADO grading: 5. The Prevent team did nothing before de-confliction.
",
            r"
PNC (CTCO, 23 December 2026): no trace.
PND (FIMU, 22 December 2026): no trace.
NCIA (FIMU, 22 December 2026): no trace.
Open source (CTCO, 24 December 2026): a gaming forum account under a handle linked to his email posts 'rankings' of mass-casualty attackers by number of victims (October to December 2026) and calls two of them 'legends'. No threats, no ideology.
Local crime and intelligence systems (CTCO, 29 December 2026): no trace, apart from a missing person report when he was 15 (found the same day).
CT Holmes: not available in this force.

On 29 December 2026 the CTCO referred Charlie to the Vulnerability Support Hub, which will screen him in the week of 4 January 2027.
",
        ),
        developments: vec![],
        pga,
        pga_made: Made {
            day: "2026-12-31",
            started: "2026-12-23T09:05:00Z",
            finished: "2026-12-31T12:30:00Z",
        },
        plp: None,
        review: None,
        closure: None,
        closed_review: None,
        factor_points: &["engagement.status", "vulnerability.neurodiversity", "vulnerability.isolation"],
        drop: &["subject.nationality"],
        extra: vec![point(
            Part::Pga,
            "case.received",
            "PGA-2",
            "s8",
            "Day 0 of the Gateway Assessment's 5 working days is the day the de-conflicted referral was received from the FIMU, Wednesday 23 December 2026, not the day the partner sent it nor the day of de-confliction (PGA-2, s8).",
        )],
    }
}

/// Scenario 8: A person sent straight to PLP (rare: a Channel referral would risk a live Pursue
/// investigation), whose risk then de-escalates: reassessed as Monitored.
fn de_escalation(w: &World) -> Spec {
    let pga = Answers::default()
        .with("case.ctco", CTCO_B)
        .with("case.reference", "TRAIN-0008")
        .on("case.received", "2026-11-05")
        .with("case.subject", "individual")
        .with("case.area", "dovetail")
        .with("case.request", "referral")
        .on("deconfliction.date", "2026-11-04")
        .with("deconfliction.reference", "TRAIN/DC/2026/0808")
        .with("deconfliction.rado", "4");
    let pga = checks(pga, [
        Check::Fimu,
        Check::Fimu,
        Check::Fimu,
        Check::Done("2026-11-05", "A public account in his name shared three of his brother's videos praising an Islamist group's ideology in October 2026; nothing of his own, no threats."),
        Check::Done("2026-11-06", "No trace of Taylor; the family's address is linked to his brother (details held by the FIMU)."),
        Check::NotAvailable,
    ]);
    let pga = pga
        .with("non_ct.investigation", "no")
        .with("contact.partner", "no")
        .with("visit.needed", "no")
        .with("relevance.concern", "islamist")
        .with("threat.pursue_investigation", "no")
        .with("vulnerability.vsh", "no");
    let pga = dif_answers(&w.fw, pga, &[
        ("engagement.family-friends", "His older brother is the subject of a current Pursue investigation; Taylor repeats his views and shares his videos (FIMU; referral; open source)."),
        ("engagement.identity", "Looks up to his brother; says he 'finally knows who he is' (referral)."),
        ("engagement.transition", "Just turned 18, first term at the sixth form college; his attendance has fallen (referral)."),
        ("protective.family-support", "His mother and grandparents want to help him; his grandparents have offered him a home (referral)."),
        ("protective.education-work", "Enrolled at the college, where his tutor has a good relationship with him (referral)."),
    ], &["intent.over-identification"], &[
        ("intent.harmful-means", "No talk of violence (referral; open source)."),
        ("threat.pursue", "The FIMU confirms Pursue has no interest in Taylor himself."),
    ]);
    let pga = pga
        .with("assessment.concern", "suspicion")
        .with("assessment.pursue", "no")
        .with("assessment.unsuitable_plp", "no")
        .with("assessment.direction", "static")
        .with("assessment.summary", "Taylor Example, 18, repeats and shares the views of his older brother, who is under a current Pursue investigation. A reasonable suspicion of a Prevent-relevant concern; no Pursue interest in Taylor. A referral to Channel, overt and shared with partners, would risk tipping off the brother's investigation.")
        .with("prompts.travel", "no")
        .with("decision.outcome", "straight-to-plp")
        .with("decision.rationale", "There is a reasonable suspicion of a Prevent-relevant concern (PGA-6, s8): Taylor repeats and shares his brother's Islamist views at a time of transition. Nothing is Pursue-relevant in Taylor himself and he is not under investigation. A person straight to PLP is rare and needs this rationale (PGA-8, s8): Channel is overt and shared with partners, and his direct connection to his brother's current Pursue investigation means a Channel referral could tip off the investigation and put the family at risk (s11). The case is suitable for PLP, where the police can lead with the college under restricted information sharing. Channel remains the aim once the investigation allows.");
    let pga = born(pga, "2008-10-25", "British");
    let pga = decided(pga, "flag", "not-flagged", "Not flagged on local systems for now: officers dealing with his brother could see it, which risks tipping off the current Pursue investigation. To be reconsidered at the first reassessment.");
    let pga = supervised(pga, SUP_B, "2026-11-11", "Agreed after speaking to the FIMU: PLP, not Channel, for now. Review Channel at every reassessment.");
    let plp = Answers::default()
        .on("plp.entered", "2026-11-16")
        .with("plp.route_rationale", "From the Gateway Decision of 11 November 2026: a person straight to PLP because a Channel referral could compromise a current Pursue investigation into his brother (PGA-8, s11). The completed DIF shows family involvement in extremism, a need for identity and a time of transition.")
        .with("plp.urgent_mh", "no")
        .with("plp.work_needed", "yes")
        .with("plp.band", "standard")
        .with("plp.band_rationale", "Standard: three Prevent-relevant factors need further work, above all his brother's influence (PLP-3). No High trigger: no escalation or mobilisation factor, no risk of harm, no time-lock and no Pursue relevance in Taylor himself (PLP-2).")
        .with("supervisor.name", SUP_B)
        .with("supervisor.rank", "sergeant-or-above")
        .with("supervisor.acting", "no")
        .on("supervisor.date", "2026-11-16")
        .with_choices("declaration.confirm", &["confirmed"]);
    let review = Answers::default()
        .on("plp.review_date", "2027-01-07")
        .with("dif.engagement.identity.finding", "absent")
        .with("dif.engagement.identity.evidence", "Talks of his apprenticeship plans and his football team, not of his brother (mentor, December 2026).")
        .with("dif.engagement.transition.finding", "absent")
        .with("dif.engagement.transition.evidence", "Settled at his grandparents' and at college: attendance 95% since 23 November (college).")
        .with("dif.engagement.family-friends.evidence", "His brother remains under investigation, but Taylor has lived apart from him since 20 November and has not met his associates since (mentor; local systems).")
        .with("dif.protective.positive-peers.finding", "present")
        .with("dif.protective.positive-peers.evidence", "Joined the college's football team in December 2026 (college).")
        .with("dif.protective.engages-support.finding", "present")
        .with("dif.protective.engages-support.evidence", "Weekly mentoring with the college's youth worker since 23 November; has not missed a session (mentor).")
        .with("plp.urgent_mh", "no")
        .with("plp.work_needed", "no")
        .with("plp.band", "monitored")
        .with("plp.monitored_reason", "de-escalated")
        .with("plp.monitored_every", "3-months")
        .with(
            "plp.monitored_every_rationale",
            "Agreed with the supervisor: settled for seven weeks, so the longest interval, with a DIF before any panel.",
        )
        .with("plp.band_rationale", "Monitored: the risk has de-escalated demonstrably and consistently for seven weeks (PLP-4, s12): no concerning activity online or offline, weekly mentoring, settled at his grandparents'. His brother's influence is still a factor, so the case stays open and is observed; reassess at least every 3 months (PLP-5).")
        .with("plp.cmp", "yes")
        .with("supervisor.name", SUP_B)
        .with("supervisor.rank", "sergeant-or-above")
        .with("supervisor.acting", "no")
        .on("supervisor.date", "2027-01-07")
        .with_choices("declaration.confirm", &["confirmed"]);
    Spec {
        n: 8,
        slug: "a-brother-under-investigation",
        title: "A brother under investigation (fictional)",
        summary: "A fictional 18-year-old sent straight to PLP because Channel could tip off his brother's Pursue investigation. Over the following weeks his risk comes down.",
        today: "2026-11-11",
        vignette: vignette(
            r"
TRAINING — FICTIONAL. Every person, place and organisation in this case is made up.

National Prevent Referral Form, received on Monday 2 November 2026.

Referrer: Robin Sample, safeguarding lead, Exampleton Sixth Form College. Contact by work email and telephone.

About: Taylor Example, born 25 October 2008 (18), British, a first-year student, living with his mother and his older brother in Exampleton.

Concerns: Since his brother came back to live at home in September, Taylor has repeated his brother's views in tutorials: that Muslims in the UK must 'choose a side', and that an Islamist group's 'state' was the only just one. He has shared his brother's videos with classmates and said he 'finally knows who he is'. His attendance has fallen to 70%. He has never spoken of violence. His mother and grandparents are worried and want to help; his grandparents have offered him a room. The college asks for Channel support for him.
",
            r"
Disseminated to the Exampleton CTP-Prevent team (a Dovetail area) on Thursday 5 November 2026.

Prevent-relevant (Islamist). Taylor's older brother is the subject of a current covert Pursue investigation; details are not disseminated. Pursue has no interest in Taylor himself and he is not under investigation. The FIMU advises that a referral to Channel, which is overt and shared with partners, would risk tipping off the brother's investigation, and that information about the brother must not be shared with non-police partners. PNC, PND and NCIA were checked at de-confliction.
",
            r"
De-conflicted by the FIMU on Wednesday 4 November 2026, reference TRAIN/DC/2026/0808. RADO grading: 4. The Prevent team did nothing before de-confliction.
",
            r"
PNC (FIMU, 4 November 2026): no trace of Taylor.
PND (FIMU, 4 November 2026): no trace of Taylor.
NCIA (FIMU, 4 November 2026): Taylor is recorded only as a family member of the subject of the investigation.
Open source (CTCO, 5 November 2026): a public account in his name shared three of his brother's videos praising an Islamist group's ideology in October 2026; nothing of his own, no threats.
Local crime and intelligence systems (CTCO, 6 November 2026): no trace of Taylor; the family's address is linked to his brother.
CT Holmes: not available in this force.
",
        ),
        developments: vec![
            development(
                "2026-11-16",
                "Into PLP",
                r"
Your supervisor has agreed the Gateway Decision. On Friday 13 November the college reported that Taylor told his tutor he no longer wants to live at home, and that he has posted nothing new since 1 November; his attendance is back to 80%. His brother still lives at the family home. You and your supervisor agree that work is needed on his brother's influence, with the college and his grandparents.

Record the case's entry into PLP today, Monday 16 November 2026, with its band, and your supervisor's sign-off.
",
            ),
            development(
                "2027-01-07",
                "Seven weeks on",
                r"
Taylor moved to his grandparents' home across town on 20 November 2026. Since 23 November he has met the college's youth worker every week as a mentor and has not missed a session; his attendance is 95%, and he joined the college's football team in December. Nothing concerning online or offline for seven weeks, and no contact with his brother's associates (local systems). His brother remains under investigation and at the family home. The mentor says Taylor now talks about an apprenticeship, not about his brother's views.

Complete the case's reassessment today, Thursday 7 January 2027: a new DIF, its band, the CMP update and your supervisor's sign-off.
",
            ),
        ],
        pga,
        pga_made: Made {
            day: "2026-11-11",
            started: "2026-11-05T10:10:00Z",
            finished: "2026-11-11T16:45:00Z",
        },
        plp: Some((plp, Made {
            day: "2026-11-16",
            started: "2026-11-16T09:00:00Z",
            finished: "2026-11-16T14:30:00Z",
        })),
        review: Some((review, Made {
            day: "2027-01-07",
            started: "2027-01-07T09:15:00Z",
            finished: "2027-01-07T15:50:00Z",
        })),
        closure: None,
        closed_review: None,
        factor_points: &["engagement.family-friends"],
        drop: &["subject.nationality", "prompts.travel", "case.area"],
        extra: vec![
            point(Part::Pga, "assessment.unsuitable_plp", "PGA-8", "s8, s11", "Channel is overt and shared with partners; a direct connection to a current Pursue investigation can make a person unsuitable for Channel but suitable for PLP (s11). A person straight to PLP is rare and needs its rationale (PGA-8, s8)."),
            point(Part::Review, "plp.monitored_reason", "PLP-4", "s12", "Monitored only for a case already in PLP whose risk has de-escalated demonstrably and consistently, that needs observing for longer, or whose subject is briefly out of the community (PLP-4, s12). Here: seven weeks of consistent de-escalation."),
        ],
    }
}

/// A point on the Gateway Decision's submission to the FIMU, citing `rule` (PGA-11 unless the
/// scenario teaches another rule about it).
fn fimu_point(rule: &str, section: &str, reason: &str) -> Point {
    Point {
        part: Part::Pga,
        target: Target::FimuSubmission,
        rule: rule.parse().expect("a rule of the catalogue"),
        section: section.into(),
        reason: reason.into(),
    }
}

/// Scenario 9: A referral the FIMU graded RADO 6 turns out, on the CTCO's checks, to be
/// Pursue-relevant: plain Close is refused; close and escalate to Pursue, which goes to the FIMU
/// whatever the RADO grade (PGA-17).
fn printer(w: &World) -> Spec {
    let pga = Answers::default()
        .with("case.ctco", CTCO_A)
        .with("case.reference", "TRAIN-0009")
        .on("case.received", "2027-01-20")
        .with("case.subject", "individual")
        .with("case.area", "non-dovetail")
        .with("case.request", "referral")
        .on("deconfliction.date", "2027-01-19")
        .with("deconfliction.reference", "TRAIN/DC/2027/0909")
        .with("deconfliction.rado", "6");
    let pga = checks(pga, [
        Check::Fimu,
        Check::Fimu,
        Check::Fimu,
        Check::Done("2027-01-20", "Besides his prop-making page, a forum account under a handle linked to his email shared files and instructions for a 3D-printed firearm on 9 and 16 January 2027, asked where to buy 'steel barrel blanks without a licence', and praised a mass-casualty attacker as a 'saint' in accelerationist threads calling for 'the collapse'. The flag in his profile picture is the emblem of an accelerationist online network."),
        Check::Done("2027-01-21", "A new intelligence report dated 20 January 2027, after de-confliction: a courier delivered him two parcels of steel tubing from an overseas seller, declared as 'curtain rails'. No crime reports."),
        Check::NotAvailable,
    ]);
    let pga = pga
        .with("non_ct.investigation", "no")
        .with("contact.partner", "no")
        .with("visit.needed", "no")
        .with("relevance.concern", "extreme-right-wing")
        .with("threat.pursue_investigation", "no")
        .with("vulnerability.vsh", "no");
    let pga = dif_answers(&w.fw, pga, &[
        ("engagement.group-influence", "Posts in accelerationist threads and uses an accelerationist network's emblem as his profile picture (open source)."),
        ("intent.justify-offending", "Calls a mass-casualty attacker a 'saint' and calls for 'the collapse' (open source, January 2027)."),
        ("capability.knowledge", "Shares files and instructions for a 3D-printed firearm and has a 3D printer at home (open source; referral)."),
        ("capability.access", "Asked where to buy steel barrel blanks without a licence; received steel tubing declared as 'curtain rails' (open source; intelligence report of 20 January 2027)."),
        ("threat.mobilisation", "Printing parts and acquiring steel tubing: acquiring the components of a firearm (referral; intelligence report of 20 January 2027)."),
        ("threat.pursue", "Apparently making a firearm, with an ideology that praises mass-casualty attacks: escalated to the FIMU on 21 January 2027 as a potential lead."),
    ], &["vulnerability.isolation", "vulnerability.mental-health"], &[
        ("protective.engages-support", "Friendly with the letting agent, but no contact with any support (referral)."),
    ]);
    let pga = pga
        .with("assessment.concern", "suspicion")
        .with("assessment.pursue", "yes")
        .with("assessment.direction", "escalating")
        .with("assessment.summary", "Drew Example prints parts at home, shares files for a 3D-printed firearm, asked how to buy barrel blanks without a licence and has received steel tubing since de-confliction, while praising a mass-casualty attacker in accelerationist threads. The FIMU's RADO 6 grading was made before any of this was known. A Pursue-relevant concern, escalated to the FIMU on 21 January 2027.")
        .with("prompts.travel", "no")
        .with("decision.outcome", "close-escalate-pursue")
        .with("decision.rationale", "There is a Pursue-relevant concern that needs escalating out of Prevent (PGA-9, s8; s12): Drew shares files for a 3D-printed firearm, asked where to buy barrel blanks without a licence and, since de-confliction, has received steel tubing declared as curtain rails (intelligence report of 20 January 2027), while praising a mass-casualty attacker as a 'saint'. The FIMU graded the referral RADO 6 on 19 January, before any of this was known. A case with a Pursue-relevant concern cannot simply be closed: it is closed by escalating the concern, and that Gateway Decision goes to the FIMU whatever the RADO grade (PGA-17, PGA-11, s8). I phoned the FIMU on 21 January at 11:20 and submitted the intelligence as a potential lead. Closed in Prevent and escalated to Pursue, with my supervisor's approval.");
    let pga = born(pga, "1996-08-02", "British");
    let pga = decided(pga, "flag", "not-flagged", "Not flagged by Prevent: the concern is escalated to Pursue through the FIMU, which decides on any flag with the investigation so as not to compromise it.");
    let pga = supervised(
        pga,
        SUP_B,
        "2027-01-22",
        "Approved: close and escalate to Pursue. The RADO 6 grading does not apply to what we found: the Gateway Decision goes to the FIMU with the lead.",
    );
    Spec {
        n: 9,
        slug: "a-printer-in-the-spare-room",
        title: "A printer in the spare room (fictional)",
        summary: "A fictional tenant's 3D printer, a referral the FIMU graded RADO 6, and what the checks find after de-confliction: a concern for Pursue.",
        today: "2027-01-22",
        vignette: vignette(
            r"
TRAINING — FICTIONAL. Every person, place and organisation in this case is made up.

National Prevent Referral Form, received by the Exampleton Prevent team on Thursday 14 January 2027 and sent to the FIMU the same day.

Referrer: Jordan Sample, property manager, Example Lettings, Exampleton. Contact by work telephone.

About: Drew Example, born 2 August 1996 (30), British, the tenant of a flat on Sample Road, Exampleton, since 2024.

Concerns: At a routine inspection on Tuesday 12 January 2027 Jordan saw a 3D printer working in the spare room, grey plastic parts on a shelf that looked to her like parts of a pistol, and a flag on the wall with a symbol she did not recognise. Drew said he makes props for cosplay and showed her a plastic replica 'blaster' he had made. He was friendly and has always paid his rent. Jordan says she is 'probably worrying about nothing' but felt uneasy.
",
            r"
Disseminated to the Exampleton CTP-Prevent team (not a Dovetail area) on Wednesday 20 January 2027.

The FIMU assessed the referral as having no CT relevance (RADO 6): Drew is known on a cosplay group's public page as a maker of replica props, and the symbol could not be identified from the description. PNC, PND and NCIA were checked at de-confliction: no trace. No Pursue interest and no current investigation. The referral is sent to the team, as every referral is, for the Gateway Assessment to be completed.
",
            r"
De-conflicted by the FIMU on Tuesday 19 January 2027, reference TRAIN/DC/2027/0909. RADO grading: 6. The Prevent team did nothing before de-confliction except send the referral to the FIMU.
",
            r"
PNC (FIMU, 19 January 2027): no trace.
PND (FIMU, 19 January 2027): no trace.
NCIA (FIMU, 19 January 2027): no trace.
Open source (CTCO, 20 January 2027): his public page shows replica props for cosplay. A forum account under a handle linked to the same email shared files and instructions for a 3D-printed firearm on 9 and 16 January 2027, asked other users where to buy 'steel barrel blanks without a licence', and in accelerationist threads calling for 'the collapse' praised a mass-casualty attacker as a 'saint'. The flag in the account's profile picture is the emblem of an accelerationist online network.
Local crime and intelligence systems (CTCO, 21 January 2027): a new intelligence report dated 20 January 2027, the day after de-confliction: a courier delivered Drew two parcels of steel tubing from an overseas seller, declared as 'curtain rails'. No crime reports.
CT Holmes: not available in this force.

On Thursday 21 January 2027 at 11:20 the CTCO phoned the FIMU and submitted the open source and the new intelligence report as a potential lead; the FIMU confirmed receipt.
",
        ),
        developments: vec![],
        pga,
        pga_made: Made {
            day: "2027-01-22",
            started: "2027-01-20T09:40:00Z",
            finished: "2027-01-22T12:15:00Z",
        },
        plp: None,
        review: None,
        closure: None,
        closed_review: None,
        factor_points: &["capability.access", "threat.mobilisation", "threat.pursue"],
        drop: &["fimu", "assessment.pursue", "assessment.concern", "subject.nationality", "prompts.travel"],
        extra: vec![
            point(Part::Pga, "assessment.pursue", "PGA-17", "s8, s12", "Anything you suspect to be Pursue-relevant is escalated through the FIMU as a potential lead (s12). With a Pursue-relevant concern recorded, plain Close is refused: the case is closed by escalating the concern out of Prevent (PGA-17, s8, s12)."),
            fimu_point("PGA-17", "s8", "The RADO 6 exception covers only a plain Close of a case the FIMU graded RADO 6 (PGA-11). A Pursue escalation always goes to the FIMU, whatever the RADO grade (PGA-17, s8): here the grading of 19 January was made before the checks found the firearm files and the steel tubing."),
        ],
    }
}

/// Scenario 10: An ideological expression whose responsible people cannot be traced, like those
/// that go straight to PLP, but with no Prevent-relevant concern on the checks: straight to PLP
/// is refused (PGA-18); close.
fn posters(w: &World) -> Spec {
    let pga = Answers::default()
        .with("case.ctco", CTCO_B)
        .with("case.reference", "TRAIN-0010")
        .on("case.received", "2027-03-04")
        .with("case.subject", "expression")
        .with("case.area", "dovetail")
        .with("case.request", "referral")
        .on("deconfliction.date", "2027-03-03")
        .with("deconfliction.reference", "TRAIN/DC/2027/1010")
        .with("deconfliction.rado", "5");
    let pga = checks(pga, [
        Check::Fimu,
        Check::Fimu,
        Check::Fimu,
        Check::Done("2027-03-04", "'The City Will Burn' is an action film released in UK cinemas on Friday 12 March 2027 by Sample Pictures. Its trailer and website use the same image; the hammer-and-torch emblem is that of the film's fictional rebel army and 'Choose your side' is its tagline. Fans post photos of the posters in a dozen towns. No extremist group or forum uses the emblem or the slogan."),
        Check::Done("2027-03-05", "Logged by the council as fly-posting on 27 February 2027. No other reports, no incidents, no community tension reported."),
        Check::NotAvailable,
    ]);
    let pga = pga
        .with("contact.partner", "no")
        .with("visit.needed", "no")
        .with("relevance.concern", "no-ideology")
        .with("threat.pursue_investigation", "no")
        .with("vulnerability.vsh", "no");
    let pga = dif_answers(&w.fw, pga, &[], &[
        "vulnerability.mental-health", "vulnerability.neurodiversity", "vulnerability.isolation",
        "vulnerability.safeguarding", "vulnerability.exploitation", "vulnerability.substance-misuse",
        "protective.family-support", "protective.positive-peers", "protective.education-work", "protective.engages-support",
    ], &[
        ("engagement.grievance", "No grievance expressed: the posters are the film's advertising (open source)."),
        ("intent.them-and-us", "'Choose your side' is the film's tagline, about its fictional rebel army (open source)."),
        ("intent.harmful-means", "The burning city and the torch are the film's poster art; no call for violence (open source)."),
        ("threat.harm", "No incident and no threat to anyone (local systems)."),
        ("threat.time-lock", "12 March 2027 is the film's release date in UK cinemas (open source)."),
        ("threat.pursue", "The FIMU found no Pursue interest at de-confliction."),
    ]);
    let pga = pga
        .with("assessment.concern", "no-concern")
        .with("assessment.pursue", "no")
        .with("assessment.traced", "no")
        .with("assessment.direction", "static")
        .with("assessment.summary", "The posters on Exampleton High Street advertise 'The City Will Burn', a film released on 12 March 2027: the same image, emblem, tagline and date as its trailer, and identical posters elsewhere were closed as the film's fly-posting. Nobody who pasted them can be identified, but nothing links them to any ideology. No Prevent-relevant concern.")
        .with("decision.outcome", "close")
        .with("decision.rationale", "There is a reasonable belief that there is no Prevent-relevant concern (PGA-9, s8): the posters are advertising for 'The City Will Burn', an action film released in UK cinemas on 12 March 2027. The image, the hammer-and-torch emblem of the film's fictional rebel army, the tagline 'Choose your side' and the date are those of its trailer and website (open source), and identical posters in three other forces were closed as the film's fly-posting (PND). No extremist group uses the emblem or the slogan, and nothing has happened locally beyond fly-posting. The people who pasted them cannot be identified, but that sends an institution or expression straight to PLP only when it is Prevent-relevant: without a reasonable suspicion of a Prevent-relevant concern, straight to PLP is not open (PGA-18, s8, s11). The fly-posting is for the council. The Gateway Decision goes to the FIMU: the case is closed, but the FIMU graded it RADO 5, not 6 (PGA-11). I will tell the referrer that there is no Prevent concern.");
    let pga = supervised(
        pga,
        SUP_A,
        "2027-03-09",
        "Closing rationale approved: a film's advertising, no Prevent-relevant concern. Not a PLP case.",
    );
    Spec {
        n: 10,
        slug: "posters-on-the-high-street",
        title: "Posters on the high street (fictional)",
        summary: "A fictional overnight poster campaign, 'The City Will Burn', pasted by people nobody can trace, in a Dovetail area: does it go straight to PLP?",
        today: "2027-03-09",
        vignette: vignette(
            r"
TRAINING — FICTIONAL. Every person, place and organisation in this case is made up.

National Prevent Referral Form, received by the Exampleton Prevent team on Monday 1 March 2027 and sent to the FIMU the same day.

Referrer: Ash Sample, town centre manager, Exampleton Business Improvement District. Contact by work email and telephone.

Who or what the referral is about: an ideological expression (a poster campaign). No person is named.

Concerns: Overnight on Friday 26 to Saturday 27 February 2027 about 60 large posters were pasted on empty shop fronts and the multi-storey car park on Exampleton High Street. They show a masked figure with a burning torch in front of a burning city, a black emblem of a hammer crossed with a torch inside a circle, and the words 'THE CITY WILL BURN — 12.03.27 — CHOOSE YOUR SIDE'. There is no name and no web address. Shopkeepers are alarmed; one said the emblem looks 'like a Nazi thing'. The car park's CCTV shows two people in hoods pasting posters at 02:40, their faces not visible. Nobody has claimed them, and the BID is worried about the date.
",
            r"
Disseminated to the Exampleton CTP-Prevent team (a Dovetail area) on Thursday 4 March 2027.

From the referral alone the FIMU could not rule out an extreme right-wing message: the emblem resembles one used by a proscribed group. No person has been identified. No Pursue interest and no current investigation. PNC, PND and NCIA were checked at de-confliction (results below).
",
            r"
De-conflicted by the FIMU on Wednesday 3 March 2027, reference TRAIN/DC/2027/1010. RADO grading: 5. The Prevent team did nothing on the case before de-confliction except send the referral to the FIMU.
",
            r"
PNC (FIMU, 3 March 2027): no person to check; the slogan returns no trace.
PND (FIMU, 3 March 2027): identical posters reported in the last fortnight by three other (fictional) forces, Sampleshire, Exampleford and Testshire; each was closed as fly-posting advertising a film.
NCIA (FIMU, 3 March 2027): no trace of the emblem or the slogan.
Open source (CTCO, 4 March 2027): 'The City Will Burn' is an action film released in UK cinemas on Friday 12 March 2027 by Sample Pictures. Its trailer and website use the same image; the hammer-and-torch emblem is that of the film's fictional rebel army, and 'Choose your side' is the film's tagline. Fans post photos of the posters in a dozen towns. No extremist group or forum uses the emblem or the slogan. Sample Pictures says it did not commission any fly-posting.
Local crime and intelligence systems (CTCO, 5 March 2027): the council logged the posters as fly-posting on 27 February 2027. No other reports, no incidents and no community tension reported.
CT Holmes: not available in this force.
",
        ),
        developments: vec![],
        pga,
        pga_made: Made {
            day: "2027-03-09",
            started: "2027-03-04T10:30:00Z",
            finished: "2027-03-09T11:45:00Z",
        },
        plp: None,
        review: None,
        closure: None,
        closed_review: None,
        factor_points: &[],
        drop: &["assessment.concern"],
        extra: vec![
            point(Part::Pga, "assessment.concern", "PGA-18", "s8, s11", "Nobody can be traced, as with an expression that goes straight to PLP (PGA-8); but PGA-8 and PLP are for Prevent-relevant institutions and expressions (s8, s11). Here the checks give a reasonable belief that there is no Prevent-relevant concern: without a reasonable suspicion, straight to PLP is not open (PGA-18, s8, s11) and the case is closed (PGA-9)."),
            point(Part::Pga, "dif.intent.harmful-means.finding", "DIF-1", "s8", "The burning city and the torch are the film's poster art, with no call for violence (open source): absent."),
            point(Part::Pga, "dif.threat.time-lock.finding", "DIF-1", "s8", "The date on the posters, 12 March 2027, is the film's release date, not a deadline for any concern (open source): absent."),
        ],
    }
}

/// Scenario 11: A person taken straight to PLP for disruption de-escalates, and a partner asks
/// for the case to be closed: it cannot leave PLP from Standard, so the first reassessment
/// bands it Monitored, de-escalated, at a frequency decided and justified with the supervisor
/// (PLP-4, PLP-12, s12; PLP-5 at that frequency; s13 "Monitoring PLP Cases Prior to Closure").
fn request_to_close(w: &World) -> Spec {
    let pga = Answers::default()
        .with("case.ctco", CTCO_A)
        .with("case.reference", "TRAIN-0011")
        .on("case.received", "2027-02-03")
        .with("case.subject", "individual")
        .with("case.area", "non-dovetail")
        .with("case.request", "referral")
        .on("deconfliction.date", "2027-02-02")
        .with("deconfliction.reference", "TRAIN/DC/2027/1111")
        .with("deconfliction.rado", "4");
    let pga = checks(pga, [
        Check::Fimu,
        Check::Fimu,
        Check::Fimu,
        Check::Done("2027-02-03", "A public video channel in his name has 14 clips filmed outside the community centre since November 2026, showing the faces of people arriving, titled 'Invaders of Exampleton'; about 60 subscribers. No threats of violence."),
        Check::Done("2027-02-04", "Two ASB warnings from neighbourhood officers, on 18 December 2026 and 22 January 2027, for leafleting and filming outside the community centre; nothing else."),
        Check::NotAvailable,
    ]);
    let pga = pga
        .with("non_ct.investigation", "no")
        .with("contact.partner", "no")
        .with("visit.needed", "no")
        .with("relevance.concern", "extreme-right-wing")
        .with("threat.pursue_investigation", "no")
        .with("vulnerability.vsh", "no");
    let pga = dif_answers(&w.fw, pga, &[
        ("engagement.grievance", "Blames asylum seekers for losing his warehouse job in October 2026 (referral; open source)."),
        ("intent.them-and-us", "Calls the people at the refugee support group 'invaders' in his leaflets and clips (referral; open source)."),
        ("engagement.transition", "Out of work since October 2026, after eleven years at the same warehouse (referral)."),
        ("vulnerability.isolation", "Lives alone and spends his evenings online since losing his job (referral)."),
        ("protective.family-support", "His sister sees him every week and wants to help (referral)."),
    ], &[], &[
        ("intent.harmful-means", "No talk of violence, no threats and no weapons (referral; open source; local systems)."),
        ("threat.pursue", "The FIMU confirms no Pursue interest; his activity is below the threshold for escalation."),
    ]);
    let pga = pga
        .with("assessment.concern", "suspicion")
        .with("assessment.pursue", "no")
        .with("assessment.unsuitable_plp", "no")
        .with("assessment.direction", "static")
        .with("assessment.summary", "Dale Sample, 34, has stood outside the Exampleton community centre on Friday evenings since November 2026, handing out extreme right-wing leaflets and filming the people arriving for a refugee support group, then posting the clips. Two ASB warnings have not stopped him; he refused the council's offer of support. A reasonable suspicion of a Prevent-relevant concern; no Pursue interest.")
        .with("prompts.travel", "no")
        .with("decision.outcome", "straight-to-plp")
        .with("decision.rationale", "There is a reasonable suspicion of a Prevent-relevant concern (PGA-6, s8): Dale targets a refugee support group with extreme right-wing leaflets and posts clips of the people attending, calling them 'invaders', after losing his job. Nothing is Pursue-relevant and he is not under investigation. A person straight to PLP is rare and needs this rationale (PGA-8, s8): Channel is voluntary and he has refused any support from the council ('I'll never talk to your deradicalisation lot'), and his Prevent-relevant ASB, below the threshold for Pursue, needs disrupting (s11). In PLP the police can lead with the council's ASB team on a Community Protection Warning while offering him support.");
    let pga = born(pga, "1992-06-14", "British");
    let pga = decided(pga, "flag", "added", "Flagged on local systems on 9 February 2027 so that neighbourhood officers who meet Dale outside the community centre know of the Prevent interest and call the team.");
    let pga = supervised(pga, SUP_A, "2027-02-09", "Agreed: straight to PLP, for disruption with the council's ASB team. Keep offering support.");
    let plp = Answers::default()
        .on("plp.entered", "2027-02-15")
        .with("plp.route_rationale", "From the Gateway Decision of 9 February 2027: a person straight to PLP because he refuses Channel's voluntary support and his Prevent-relevant ASB needs disrupting (PGA-8, s11). The completed DIF shows grievance, 'them and us' thinking, a time of transition and isolation.")
        .with("plp.urgent_mh", "no")
        .with("plp.work_needed", "yes")
        .with("plp.band", "standard")
        .with("plp.band_rationale", "Standard: four Prevent-relevant factors need further work, with the council's ASB team and his sister (PLP-3). No High trigger: no escalation or mobilisation factor, no risk of harm, no time-lock and no Pursue relevance (PLP-2).")
        .with("supervisor.name", SUP_A)
        .with("supervisor.rank", "sergeant-or-above")
        .with("supervisor.acting", "no")
        .on("supervisor.date", "2027-02-15")
        .with_choices("declaration.confirm", &["confirmed"]);
    let review = Answers::default()
        .on("plp.review_date", "2027-04-08")
        .with("dif.engagement.transition.finding", "absent")
        .with("dif.engagement.transition.evidence", "In work at a builders' merchant since 1 March 2027, through the job centre (sister; employer's reference).")
        .with("dif.vulnerability.isolation.finding", "absent")
        .with("dif.vulnerability.isolation.evidence", "Plays five-a-side with colleagues on Tuesdays and sees his sister twice a week (sister).")
        .with("dif.intent.them-and-us.evidence", "No leaflets or clips since the Community Protection Warning of 12 February 2027; he deleted his channel in March. He still comments on news stories about asylum on his own account, naming nobody (open source, 6 April 2027).")
        .with("dif.engagement.grievance.evidence", "Still says asylum seekers 'took his job', less often since he found work (sister).")
        .with("dif.protective.education-work.finding", "present")
        .with("dif.protective.education-work.evidence", "Full-time work since 1 March 2027; his employer reports no concerns.")
        .with("plp.urgent_mh", "no")
        .with("plp.work_needed", "no")
        .with("plp.band", "monitored")
        .with("plp.monitored_reason", "de-escalated")
        .with("plp.monitored_every", "6-weeks")
        .with(
            "plp.monitored_every_rationale",
            "Agreed with the supervisor: the change is eight weeks old and came after a warning, not a change of view, and his grievance remains; so every 6 weeks rather than the 3-month longest, to see soon whether it holds. A DIF before any panel, and at once if leafleting starts again.",
        )
        .with("plp.band_rationale", "Monitored: the risk has de-escalated demonstrably and consistently for eight weeks (PLP-4, s12): no leafleting or filming since the warning, his channel deleted, in work and less isolated. The council asks for the case to be closed, but it cannot leave PLP from Standard: Monitored is the review period before every exit (PLP-12, s12), and a case whose impact needs watching longer is not closed but shown as Monitored, with a new DIF and CMP setting how often it is reviewed (s13). Close it, with a supervised closing DIF, only once the period shows he has desisted.")
        .with("plp.cmp", "yes")
        .with("supervisor.name", SUP_A)
        .with("supervisor.rank", "sergeant-or-above")
        .with("supervisor.acting", "no")
        .on("supervisor.date", "2027-04-08")
        .with_choices("declaration.confirm", &["confirmed"]);
    Spec {
        n: 11,
        slug: "leaflets-at-the-community-centre",
        title: "Leaflets at the community centre (fictional)",
        summary: "A fictional man targeting a refugee support group with extreme right-wing leaflets is taken straight to PLP for disruption. Eight weeks on he has stopped, and a partner asks for the case to be closed.",
        today: "2027-02-09",
        vignette: vignette(
            r"
TRAINING — FICTIONAL. Every person, place and organisation in this case is made up.

National Prevent Referral Form, received on Monday 1 February 2027.

Referrer: Casey Sample, anti-social behaviour lead, Exampleton Borough Council. Contact by work email and telephone.

About: Dale Sample, born 14 June 1992 (34), British, living alone in a flat on the Exampleton Road estate.

Concerns: Since November 2026 Dale has stood outside Exampleton Community Centre most Friday evenings, when a refugee support group meets. He hands out leaflets calling asylum seekers 'invaders' and demanding 'remigration now', films the people arriving, and posts the clips with their faces on a channel he calls 'Invaders of Exampleton'. Volunteers say some families have stopped coming. Neighbourhood officers have warned him twice for anti-social behaviour; he carried on. He lost his job at a warehouse in October 2026 and tells people asylum seekers 'took it'. When the council offered to put him in touch with support services he said: 'I'll never talk to your deradicalisation lot.' He has never threatened violence. His sister, who sees him every week, is worried and wants to help.
",
            r"
Disseminated to the Exampleton CTP-Prevent team (not a Dovetail area) on Wednesday 3 February 2027.

Prevent-relevant (extreme right-wing). The leaflets reproduce the wording of a national online network; Dale is not known to be in contact with it. No Pursue interest, no current investigation, and his activity is below the threshold for escalation. PNC, PND and NCIA were checked at de-confliction.
",
            r"
De-conflicted by the FIMU on Tuesday 2 February 2027, reference TRAIN/DC/2027/1111. RADO grading: 4. The Prevent team did nothing before de-confliction.
",
            r"
PNC (FIMU, 2 February 2027): no convictions or cautions.
PND (FIMU, 2 February 2027): the two ASB warnings below; nothing else.
NCIA (FIMU, 2 February 2027): no trace.
Open source (CTCO, 3 February 2027): a public video channel in his name has 14 clips filmed outside the community centre since November 2026, showing the faces of people arriving, titled 'Invaders of Exampleton'; about 60 subscribers. No threats of violence.
Local crime and intelligence systems (CTCO, 4 February 2027): two ASB warnings from neighbourhood officers, on 18 December 2026 and 22 January 2027, for leafleting and filming outside the community centre; nothing else.
CT Holmes: not available in this force.
",
        ),
        developments: vec![
            development(
                "2027-02-15",
                "Into PLP",
                r"
Your supervisor has agreed the Gateway Decision. On Friday 12 February 2027 the council served Dale a Community Protection Warning: no leafleting or filming within 100 metres of the community centre. He was not seen there that evening. He again refused the offer of support, but his sister says he would take help finding work. You and your supervisor agree that work is needed with the council, the job centre and his sister.

Record the case's entry into PLP today, Monday 15 February 2027, with its band, and your supervisor's sign-off.
",
            ),
            development(
                "2027-04-08",
                "Eight weeks on, and a request to close",
                r"
Nobody has seen Dale at the community centre since the warning (centre manager; council CCTV), and he deleted his channel in March. Through the job centre he started full-time work at a builders' merchant on 1 March 2027; his employer has no concerns. He plays five-a-side with colleagues on Tuesdays and sees his sister twice a week. She says he still grumbles that asylum seekers 'took his job', less often. On his own social media account he still comments on news stories about asylum, naming nobody (open source, 6 April 2027).

Casey Sample emails: 'The behaviour has stopped and I am closing our ASB case. Can you close yours too?'

Complete the case's reassessment today, Thursday 8 April 2027: a new DIF, its band, the CMP update and your supervisor's sign-off.
",
            ),
        ],
        pga,
        pga_made: Made {
            day: "2027-02-09",
            started: "2027-02-03T10:30:00Z",
            finished: "2027-02-09T16:20:00Z",
        },
        plp: Some((plp, Made {
            day: "2027-02-15",
            started: "2027-02-15T09:10:00Z",
            finished: "2027-02-15T14:40:00Z",
        })),
        review: Some((review, Made {
            day: "2027-04-08",
            started: "2027-04-08T09:00:00Z",
            finished: "2027-04-08T16:10:00Z",
        })),
        closure: None,
        closed_review: None,
        factor_points: &["intent.them-and-us"],
        drop: &["subject.nationality", "prompts.travel", "case.area", "plp.band"],
        extra: vec![
            point(Part::Plp, "plp.band", "PLP-3", "s12", "No case enters PLP as Monitored (PLP-4). Standard: at least one Prevent-relevant factor needs further work (PLP-3, s12); no High trigger, as there is no risk of harm, escalation, time-lock or Pursue relevance (PLP-2)."),
            point(Part::Review, "plp.band", "PLP-12", "s12", "Monitored is the review period for every case before it leaves PLP (PLP-12, s12). The partner's request cannot be met now: the closure form refuses 'risk reduced' from High or Standard, so a case that has got better is reassessed as Monitored, stays open (PLP-4) and is closed later, with a supervised closing DIF, once the period shows the change holds (s13)."),
            point(Part::Review, "plp.monitored_reason", "PLP-4", "s12", "Monitored only for a case already in PLP whose risk has de-escalated demonstrably and consistently, that needs observing for longer, or whose subject is briefly out of the community (PLP-4, s12). Here: eight weeks with no leafleting or filming, in work and less isolated."),
            point(Part::Review, "plp.monitored_every", "PLP-12", "s12", "A Monitored case has no fixed timeline: how often it is reassessed is decided and justified by the CTCO and supervisor for the case, at least every 3 months (PLP-12, s12). Here the change is recent and followed a warning, not a change of view, so every 6 weeks."),
            Point {
                part: Part::Review,
                target: Target::Due(prevent_core::catalogue::RuleId::Plp5),
                rule: prevent_core::catalogue::RuleId::Plp5,
                section: "s12".into(),
                reason: "A new DIF, CMP update and supervisory sign-off at the frequency decided for the Monitored case (PLP-5, PLP-12, s12): 6 weeks from the reassessment of 8 April 2027, due 20 May 2027, or before any panel.".into(),
            },
        ],
    }
}

/// Scenario 12: A case that leaves Prevent from Channel is reviewed six months after closure
/// (REV-1, s13): a Dovetail case referred to the LACC, adopted by Channel and closed by the
/// panel; six months on, the trainee records the closure (dated the day the panel closed it)
/// and the 6-month review, within five working days of the 6-month date, with a new VAF (the
/// case exited from Channel), what has changed, the outcome (nothing Prevent-relevant: it
/// remains closed) and a supervisor's approval (SUP-1).
fn review_after_channel(w: &World) -> Spec {
    let pga = Answers::default()
        .with("case.ctco", CTCO_B)
        .with("case.reference", "TRAIN-0012")
        .on("case.received", "2027-06-07")
        .with("case.subject", "individual")
        .with("case.area", "dovetail")
        .with("case.request", "referral")
        .on("deconfliction.date", "2027-06-04")
        .with("deconfliction.reference", "TRAIN/DC/2027/1212")
        .with("deconfliction.rado", "5");
    let pga = checks(pga, [
        Check::Fimu,
        Check::Fimu,
        Check::Fimu,
        Check::Done("2027-06-07", "A gaming account in his name posts clips of mass-casualty attacks from news footage with comments such as 'legend' and 'I get why'; no threats, no plans, no named target."),
        Check::Done("2027-06-08", "Nothing recorded against him. A report in 2022 from his school of bullying, with Kit as the victim."),
        Check::NotAvailable,
    ]);
    let pga = pga
        .with("non_ct.investigation", "no")
        .with("contact.partner", "no")
        .with("visit.needed", "no")
        .with("relevance.concern", "extreme-violence")
        .with("threat.pursue_investigation", "no")
        .with("vulnerability.vsh", "no");
    let pga = dif_answers(&w.fw, pga, &[
        ("engagement.grievance", "Bullied through school; says people 'had it coming' from the attackers he admires (referral; local systems)."),
        ("intent.justify-offending", "Calls the perpetrators of mass-casualty attacks 'legends' and says 'I get why' (referral; open source)."),
        ("vulnerability.isolation", "No friends at the training provider; spends his evenings gaming alone (referral)."),
        ("protective.education-work", "Attends his motor vehicle apprenticeship every day and wants to finish it (referral)."),
        ("protective.family-support", "Lives with his mother, who is worried and wants help for him (referral)."),
    ], &[], &[
        ("intent.harmful-means", "No threat, plan or target; no interest in weapons (referral; open source)."),
        ("capability.access", "No access to firearms or weapons known (referral; local systems)."),
        ("threat.pursue", "The FIMU found no Pursue interest."),
    ]);
    let pga = pga
        .with("assessment.concern", "suspicion")
        .with("assessment.pursue", "no")
        .with("assessment.unsuitable_plp", "yes")
        .with("assessment.direction", "static")
        .with("assessment.summary", "Kit Sample, 19, isolated after years of bullying, admires the perpetrators of mass-casualty attacks online. No threats, no plans, no access to weapons, no Pursue interest. He and his mother want help: his needs call for support, which Channel offers.")
        .with("prompts.travel", "no")
        .with("decision.outcome", "refer-to-lacc")
        .with("decision.rationale", "There is a reasonable suspicion of a Prevent-relevant concern (PGA-6, s8): Kit admires the perpetrators of mass-casualty attacks and justifies them, and is isolated after years of bullying. Nothing is Pursue-relevant: no threat, plan, target or weapons. He and his mother want help, so the case is unsuitable for PLP: his needs call for the voluntary support of Channel. This is a Dovetail area, so the Gateway Decision is to refer him to the LACC within 5 working days of receipt, with my supervisor's endorsement (PGA-7, s8, s10).");
    let pga = born(pga, "2008-03-02", "British");
    let pga = decided(pga, "flag", "not-flagged", "Not flagged: he is not a risk to officers who meet him, and the LACC and the training provider will tell the team of any change while Channel considers the referral.");
    let pga = supervised(
        pga,
        SUP_A,
        "2027-06-09",
        "Endorsed: refer to the LACC today, with the police checks for the VAF.",
    );
    let closure = Answers::default()
        .with("case.ctco", CTCO_B)
        .on("pcm.closed", "2027-12-10")
        .with("pcm.code", "channel-addressed")
        .with_choices("declaration.confirm", &["confirmed"]);
    let review = Answers::default()
        .on("review.date", "2028-06-12")
        .with("review.vaf", "Completed with the LACC's Channel coordinator on 12 June 2028 from the partners' returns: no vulnerability factor is now assessed as needing support. Engagement: no attack content shared or searched for since the intervention (training provider; open source). Intent and capability: none shown. Isolation reduced: a climbing club and friends at work. Protective factors: apprenticeship going well, his mother's support.")
        .with("review.changes", "Since the panel closed the case on 10 December 2027: he has passed the first year of his apprenticeship and joined a climbing club (training provider; mother); his gaming account has posted no attack content (open source, 8 June 2028); no trace on police systems except his report in March 2028 of a stolen bicycle, as the victim; no social care involvement; the GP manages his anxiety with medication; the referrer has no concerns.")
        .with("review.outcome", "remain-closed")
        .with("review.rationale", "Nothing found since closure is Prevent-relevant: the admiration of attackers has not returned, and he is less isolated, in work and supported. The stolen bicycle is a crime against him, not a concern about him. The case remains closed; the 12-month review is due from 10 December 2028.")
        .with("supervisor.name", SUP_A)
        .with("supervisor.rank", "sergeant-or-above")
        .with("supervisor.acting", "no")
        .on("supervisor.date", "2028-06-12")
        .with("supervisor.approved", "yes")
        .with_choices("declaration.confirm", &["confirmed"]);
    Spec {
        n: 12,
        slug: "six-months-after-channel",
        title: "Six months after Channel (fictional)",
        summary: "A fictional apprentice who admired mass-casualty attackers is referred to the LACC and supported by Channel, which closes his case. Six months on, the case is reviewed.",
        today: "2027-06-09",
        vignette: vignette(
            r"
TRAINING — FICTIONAL. Every person, place and organisation in this case is made up.

National Prevent Referral Form, received on Monday 7 June 2027.

Referrer: Lee Example, safeguarding lead, Exampleton Motor Skills (a training provider). Contact by work email and telephone.

About: Kit Sample, born 2 March 2008 (19), British, a first-year motor vehicle apprentice, living with his mother in Exampleton.

Concerns: Kit keeps to himself at the training provider. On 2 June 2027 he showed other apprentices news footage of a mass-casualty attack on his phone and said the attacker was 'a legend' and 'I get why he did it, they had it coming'. He was bullied throughout school. His tutor says he spends his evenings gaming alone and has no friends on the course. He has never threatened anyone, named a target or shown any interest in weapons. He attends every day and wants to finish his apprenticeship. His mother, told by the provider, is worried and says they would both welcome help.
",
            r"
Disseminated to the Exampleton CTP-Prevent team (a Dovetail area) on Monday 7 June 2027.

Prevent-relevant: a fascination with extreme violence and mass-casualty attacks, no ideology identified. No Pursue interest and no current investigation. PNC, PND and NCIA were checked at de-confliction.
",
            r"
De-conflicted by the FIMU on Friday 4 June 2027, reference TRAIN/DC/2027/1212. RADO grading: 5. The Prevent team did nothing before de-confliction.
",
            r"
PNC (FIMU, 4 June 2027): no trace.
PND (FIMU, 4 June 2027): no trace.
NCIA (FIMU, 4 June 2027): no trace.
Open source (CTCO, 7 June 2027): a gaming account in his name posts clips of mass-casualty attacks from news footage with comments such as 'legend' and 'I get why'; no threats, no plans, no named target.
Local crime and intelligence systems (CTCO, 8 June 2027): nothing recorded against him; a 2022 report from his school of bullying, with Kit as the victim.
CT Holmes: not available in this force.
",
        ),
        developments: vec![
            development(
                "2027-12-10",
                "Channel closes the case",
                r"
The LACC adopted the referral in June 2027 and the Channel panel agreed a support plan: an intervention provider met Kit weekly, and his GP took on his anxiety. On Friday 10 December 2027 the panel closed the case: it is satisfied that all the CT and safeguarding concerns have been addressed. Kit stopped posting attack content in August and says he 'doesn't see them as legends any more'.
",
            ),
            development(
                "2028-06-12",
                "Six months on: the review",
                r"
It is six months since the Channel panel closed the case. For the review you gather from the panel's partners and police systems:

The training provider: Kit passed the first year of his apprenticeship and has friends at work; no concerns. His mother: he has joined a climbing club and goes twice a week. Open source (8 June 2028): his gaming account has posted no attack content since August 2027. Police systems: no trace, except that in March 2028 Kit reported his bicycle stolen, as the victim. Children's and adult social care: not involved. GP: his anxiety is managed with medication. Lee Example, the referrer, has no concerns.

The LACC's Channel coordinator completes the new VAF with you today: no vulnerability factor is now assessed as needing support.

If the closure is not yet recorded in the toolkit, record it from the Gateway Assessment's page, as the panel closed the case. Then record the 6-month review today, Monday 12 June 2028, with your supervisor, DS Morgan Example, who reads and approves it today.
",
            ),
        ],
        pga,
        pga_made: Made {
            day: "2027-06-09",
            started: "2027-06-07T10:00:00Z",
            finished: "2027-06-09T15:30:00Z",
        },
        plp: None,
        review: None,
        closure: Some((closure, Made {
            day: "2027-12-10",
            started: "2027-12-10T14:00:00Z",
            finished: "2027-12-10T14:10:00Z",
        })),
        closed_review: Some((review, Made {
            day: "2028-06-12",
            started: "2028-06-12T09:30:00Z",
            finished: "2028-06-12T15:00:00Z",
        }, true)),
        factor_points: &["intent.justify-offending"],
        drop: &["subject.nationality", "prompts.travel", "case.area", "review.which"],
        extra: vec![],
    }
}

/// Every shipped scenario, in order, with its file name.
pub fn all(w: &World) -> Vec<(String, Scenario)> {
    let specs = [
        stickers(w),
        juvenile(w),
        foreign_national(w),
        misread(w),
        pursue(w),
        institution(w),
        christmas(w),
        de_escalation(w),
        printer(w),
        posters(w),
        request_to_close(w),
        review_after_channel(w),
    ];
    specs
        .into_iter()
        .map(|s| {
            let file = format!("{:02}-{}.json", s.n, s.slug);
            (file, build(w, s))
        })
        .collect()
}

/// The index the trainer's app fetches (`scenarios/index.json`): every file written, in order.
pub fn index(made: &[(String, Scenario)]) -> String {
    let list: Vec<scenario::Shipped> = made
        .iter()
        .map(|(file, s)| scenario::Shipped {
            file: file.clone(),
            id: s.id.clone(),
            title: s.title.clone(),
        })
        .collect();
    scenario::index_json(&list)
}

fn main() {
    let w = World::new();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    std::fs::create_dir_all(&dir).expect("the scenarios folder can be made");
    let made = all(&w);
    std::fs::write(dir.join(scenario::INDEX_FILE), index(&made)).expect("the index can be written");
    for (file, s) in made {
        let text = scenario::to_json_string(&s, &w.forms()) + "\n";
        std::fs::write(dir.join(&file), text).expect("the scenario file can be written");
        let decision = s
            .model
            .pga
            .answers
            .text("decision.outcome")
            .unwrap_or_default();
        let band = s
            .model
            .plp
            .iter()
            .chain(&s.model.reviews)
            .filter_map(|r| r.answers.text("plp.band"))
            .collect::<Vec<_>>()
            .join(" -> ");
        println!(
            "{file}: {decision}{}{}, {} points",
            if band.is_empty() { "" } else { ", band " },
            band,
            s.points.len()
        );
    }
}
