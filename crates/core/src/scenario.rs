//! Training scenarios and their scoring (issue 7; DESIGN.md, "Simulator").
//!
//! A scenario is a fictional case: the vignette (the referral as received, the FIMU's
//! dissemination notes and de-confliction details, the check results), later developments that
//! arrive after the Gateway Decision, and the model answer, which is the trainer's own finished
//! records (a Prevent Gateway Assessment, and where the story goes on, its PLP case and
//! reassessments, or its closure outside PLP and the reviews after it, REV-1) exactly as the
//! toolkit exports them. Each point a trainee is scored on names
//! a question, the FIMU submission or a deadline of one of those records, with its rule id, its
//! policy section and the reason in plain words.
//!
//! The file format (`prevent-toolkit/scenario`, version 1) is read strictly: the model records
//! go through the same checks as an import ([`crate::import`]), and [`check_model`] runs the
//! core's own rules over them, so a scenario cannot teach what the rules contradict. Scoring
//! ([`score`]) compares the trainee's records with the model, point by point, with partial
//! credit for questions with several answers.

use crate::answers::Answer;
use crate::calendar::Calendar;
use crate::catalogue::RuleId;
use crate::date;
use crate::deadline::Deadline;
use crate::draft::Draft;
use crate::export;
use crate::form::{Context, FormSchema, QuestionKind};
use crate::import::{self, ImportError};
use crate::{closed_case, pga_form, plp_form, TRAINING_MARKING};
use chrono::NaiveDate;
use serde_json::{json, Map, Value};

/// The `format` of a scenario file.
pub const FORMAT: &str = "prevent-toolkit/scenario";
/// The version of the scenario format this toolkit writes and reads.
pub const FORMAT_VERSION: u64 = 1;
/// Most points a scenario can have.
pub const MAX_POINTS: usize = 100;
/// Most later developments a scenario can have.
pub const MAX_DEVELOPMENTS: usize = 10;

/// Which of the trainee's records a point is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The Prevent Gateway Assessment.
    Pga,
    /// The PLP case's entry (band at entry).
    Plp,
    /// The PLP case's first reassessment.
    Review,
    /// The closure of a case that never entered PLP (REV-1, s13).
    Closure,
    /// That closed case's first review (REV-1, s13).
    ClosedReview,
}

impl Part {
    /// The name in the file ("pga", "plp", "review").
    pub fn id(self) -> &'static str {
        match self {
            Part::Pga => "pga",
            Part::Plp => "plp",
            Part::Review => "review",
            Part::Closure => "closure",
            Part::ClosedReview => "closed-review",
        }
    }

    fn of(s: &str) -> Option<Part> {
        [
            Part::Pga,
            Part::Plp,
            Part::Review,
            Part::Closure,
            Part::ClosedReview,
        ]
        .into_iter()
        .find(|p| p.id() == s)
    }

    /// The record in words ("the Gateway Assessment").
    pub fn noun(self) -> &'static str {
        match self {
            Part::Pga => "the Gateway Assessment",
            Part::Plp => "the PLP case",
            Part::Review => "the first reassessment",
            Part::Closure => "the closure",
            Part::ClosedReview => "the closed case review",
        }
    }
}

/// What a point compares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// The answer to a question with options, or a date.
    Answer(String),
    /// Whether the Gateway Decision goes to the FIMU (PGA-11).
    FimuSubmission,
    /// The due date of the record's deadline under this rule ("PGA-2").
    Due(RuleId),
}

/// One thing the trainee is scored on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Point {
    /// The record it is about.
    pub part: Part,
    /// What it compares.
    pub target: Target,
    /// The rule ("PGA-8").
    pub rule: RuleId,
    /// The policy section cited ("s8"), as the scenario gives it.
    pub section: String,
    /// Why, in plain words.
    pub reason: String,
}

impl Point {
    /// A point citing its rule's sections.
    pub fn new(part: Part, target: Target, rule: RuleId, reason: String) -> Point {
        Point {
            part,
            target,
            rule,
            section: rule.section().into(),
            reason,
        }
    }

    /// The same point citing only the part of its rule's sections it is about.
    pub fn citing(mut self, section: &str) -> Point {
        debug_assert!(
            self.rule.cites(section),
            "{} does not cite {section}",
            self.rule
        );
        self.section = section.into();
        self
    }
}

/// A development that arrives after the Gateway Decision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Development {
    /// The day it arrives: the simulated today moves to it.
    pub date: NaiveDate,
    /// A short title.
    pub title: String,
    /// What happened.
    pub text: String,
}

/// The case file as the trainee first sees it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Vignette {
    /// The referral as received.
    pub referral: String,
    /// The FIMU's dissemination notes.
    pub fimu_notes: String,
    /// The de-confliction details (date, reference, RADO).
    pub deconfliction: String,
    /// The results of the background checks.
    pub checks: String,
}

/// The model answer: the trainer's finished records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Model {
    /// The Gateway Assessment.
    pub pga: Draft,
    /// Its PLP case, when the story goes on into PLP.
    pub plp: Option<Draft>,
    /// The PLP case's reassessments, oldest first.
    pub reviews: Vec<Draft>,
    /// The closure of the case outside PLP (`pcm-closure`), linked to the Gateway Assessment,
    /// when the story goes on to a closed-case review.
    pub closure: Option<Draft>,
    /// That closed case's reviews (`pcm-review`), oldest first.
    pub closed_reviews: Vec<Draft>,
}

/// A training scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scenario {
    /// Its id: lowercase letters, digits and dashes.
    pub id: String,
    /// Its title.
    pub title: String,
    /// One sentence for the list of scenarios.
    pub summary: String,
    /// The simulated today while the trainee works the Gateway Assessment.
    pub today: NaiveDate,
    /// The case file.
    pub vignette: Vignette,
    /// What happens after the Gateway Decision, in date order.
    pub developments: Vec<Development>,
    /// The model answer.
    pub model: Model,
    /// What the trainee is scored on.
    pub points: Vec<Point>,
}

/// The forms a scenario's records are made with.
#[derive(Clone, Copy)]
pub struct Forms<'a> {
    /// The Prevent Gateway Assessment.
    pub pga: &'a FormSchema,
    /// PLP entry.
    pub plp: &'a FormSchema,
    /// PLP reassessment.
    pub review: &'a FormSchema,
    /// The closure of a case outside PLP (`pcm-closure`).
    pub closure: &'a FormSchema,
    /// A closed-case review (`pcm-review`).
    pub closed_review: &'a FormSchema,
}

impl Forms<'_> {
    /// The form of a part's record.
    pub fn of(&self, part: Part) -> &FormSchema {
        match part {
            Part::Pga => self.pga,
            Part::Plp => self.plp,
            Part::Review => self.review,
            Part::Closure => self.closure,
            Part::ClosedReview => self.closed_review,
        }
    }
}

impl Scenario {
    /// The simulated today: the scenario's own until the Gateway Decision is final, then the
    /// day of the last development (the developments have arrived).
    pub fn today_after(&self, decision_final: bool) -> NaiveDate {
        if decision_final {
            self.developments
                .iter()
                .map(|d| d.date)
                .fold(self.today, NaiveDate::max)
        } else {
            self.today
        }
    }

    fn model_of(&self, part: Part) -> Option<&Draft> {
        match part {
            Part::Pga => Some(&self.model.pga),
            Part::Plp => self.model.plp.as_ref(),
            Part::Review => self.model.reviews.first(),
            Part::Closure => self.model.closure.as_ref(),
            Part::ClosedReview => self.model.closed_reviews.first(),
        }
    }

    /// The record a part's deadlines hang from in the model: the PLP case for a reassessment,
    /// the closure for a closed-case review.
    fn model_case(&self, part: Part) -> Option<&Draft> {
        match part {
            Part::Review => self.model.plp.as_ref(),
            Part::ClosedReview => self.model.closure.as_ref(),
            _ => None,
        }
    }
}

/// Why a scenario file was refused: the sentence shown to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioError(pub String);

impl std::fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn bad(s: impl Into<String>) -> ScenarioError {
    ScenarioError(s.into())
}

fn from_import(e: ImportError) -> ScenarioError {
    bad(format!("The model answer: {e}"))
}

const TOP_FIELDS: [&str; 11] = [
    "format",
    "format_version",
    "protective_marking",
    "id",
    "title",
    "summary",
    "today",
    "vignette",
    "developments",
    "model",
    "points",
];

/// Reads a scenario file, refusing anything that is not a complete, valid scenario: the message
/// names the field. The model's records are checked as an import would check them, and then
/// by [`check_model`].
pub fn parse(text: &str, forms: &Forms, cal: &Calendar) -> Result<Scenario, ScenarioError> {
    import::size(text.len()).map_err(|e| bad(e.to_string()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(bad("The file is empty"));
    }
    import::check_depth(text).map_err(|e| bad(e.to_string()))?;
    let value = import::read_json(text).map_err(|e| bad(e.to_string()))?;
    let Value::Object(mut top) = value else {
        return Err(bad("The file is not a training scenario"));
    };
    if top.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(bad(
            "The file is not a training scenario: choose a scenario file (format prevent-toolkit/scenario)",
        ));
    }
    if let Some(k) = top.keys().find(|k| !TOP_FIELDS.contains(&k.as_str())) {
        return Err(bad(format!(
            "The scenario has a field it should not have: '{k}'"
        )));
    }
    match top.get("format_version").and_then(Value::as_u64) {
        Some(FORMAT_VERSION) => {}
        Some(v) => {
            return Err(bad(format!(
                "The scenario is format version {v}: this toolkit reads version {FORMAT_VERSION}"
            )))
        }
        None => return Err(bad("The scenario has no format_version")),
    }
    if top.get("protective_marking").and_then(Value::as_str) != Some(TRAINING_MARKING) {
        return Err(bad(format!(
            "The scenario is not marked {TRAINING_MARKING}: only fictional training material is read here"
        )));
    }
    let id = text_field(&top, "id", 64)?;
    if !is_slug(&id) {
        return Err(bad(
            "The scenario's id must be lowercase letters, digits and dashes",
        ));
    }
    let title = text_field(&top, "title", 120)?;
    let summary = text_field(&top, "summary", 400)?;
    let today = date_field(&top, "today")?;
    let vignette = match top.get("vignette") {
        Some(Value::Object(v)) => {
            let keys = ["referral", "fimu_notes", "deconfliction", "checks"];
            if let Some(k) = v.keys().find(|k| !keys.contains(&k.as_str())) {
                return Err(bad(format!(
                    "The vignette has a field it should not have: '{k}'"
                )));
            }
            Vignette {
                referral: text_field(v, "referral", 20_000)?,
                fimu_notes: optional_text(v, "fimu_notes")?,
                deconfliction: optional_text(v, "deconfliction")?,
                checks: optional_text(v, "checks")?,
            }
        }
        _ => return Err(bad("The scenario has no vignette")),
    };
    let developments = match top.get("developments") {
        None => Vec::new(),
        Some(Value::Array(items)) if items.len() <= MAX_DEVELOPMENTS => items
            .iter()
            .enumerate()
            .map(|(i, d)| development(i + 1, d, today))
            .collect::<Result<Vec<_>, _>>()?,
        Some(Value::Array(_)) => {
            return Err(bad(format!(
                "The scenario has more than {MAX_DEVELOPMENTS} developments"
            )))
        }
        Some(_) => return Err(bad("The scenario's developments must be a list")),
    };
    let model = match top.remove("model") {
        Some(m) => model(m, forms, today)?,
        None => return Err(bad("The scenario has no model answer")),
    };
    let points = match top.get("points") {
        Some(Value::Array(items)) if !items.is_empty() && items.len() <= MAX_POINTS => items
            .iter()
            .enumerate()
            .map(|(i, p)| point(i + 1, p))
            .collect::<Result<Vec<_>, _>>()?,
        _ => {
            return Err(bad(format!(
                "The scenario needs a list of 1 to {MAX_POINTS} points to score"
            )))
        }
    };
    let scenario = Scenario {
        id,
        title,
        summary,
        today,
        vignette,
        developments,
        model,
        points,
    };
    if let Some(problem) = check_model(&scenario, forms, cal).into_iter().next() {
        return Err(bad(problem));
    }
    Ok(scenario)
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn text_field(o: &Map<String, Value>, key: &str, max: usize) -> Result<String, ScenarioError> {
    match o.get(key).and_then(Value::as_str).map(str::trim) {
        Some(t) if !t.is_empty() && t.chars().count() <= max => Ok(t.to_string()),
        Some(t) if !t.is_empty() => Err(bad(format!(
            "The scenario's '{key}' is longer than {max} characters"
        ))),
        _ => Err(bad(format!("The scenario's '{key}' is missing or blank"))),
    }
}

fn optional_text(o: &Map<String, Value>, key: &str) -> Result<String, ScenarioError> {
    match o.get(key) {
        None => Ok(String::new()),
        Some(Value::String(t)) if t.trim().is_empty() => Ok(String::new()),
        Some(Value::String(_)) => text_field(o, key, 20_000),
        Some(_) => Err(bad(format!("The scenario's '{key}' must be text"))),
    }
}

fn date_field(o: &Map<String, Value>, key: &str) -> Result<NaiveDate, ScenarioError> {
    o.get(key)
        .and_then(Value::as_str)
        .and_then(date::parse_iso)
        .ok_or_else(|| bad(format!("The scenario's '{key}' is not a date (YYYY-MM-DD)")))
}

fn development(n: usize, v: &Value, today: NaiveDate) -> Result<Development, ScenarioError> {
    let Value::Object(o) = v else {
        return Err(bad(format!("Development {n} is not an object")));
    };
    let keys = ["date", "title", "text"];
    if let Some(k) = o.keys().find(|k| !keys.contains(&k.as_str())) {
        return Err(bad(format!(
            "Development {n} has a field it should not have: '{k}'"
        )));
    }
    let d = Development {
        date: date_field(o, "date").map_err(|e| bad(format!("Development {n}: {e}")))?,
        title: text_field(o, "title", 120).map_err(|e| bad(format!("Development {n}: {e}")))?,
        text: text_field(o, "text", 20_000).map_err(|e| bad(format!("Development {n}: {e}")))?,
    };
    if d.date < today {
        return Err(bad(format!(
            "Development {n} is dated before the scenario's today: it must arrive after the Gateway Decision"
        )));
    }
    Ok(d)
}

/// The model's records: a selection export, every record marked training.
fn model(mut m: Value, forms: &Forms, today: NaiveDate) -> Result<Model, ScenarioError> {
    let Value::Object(sel) = &mut m else {
        return Err(bad("The model answer is not a set of records"));
    };
    if sel.get("protective_marking").and_then(Value::as_str) != Some(TRAINING_MARKING) {
        return Err(bad(format!(
            "The model answer is not marked {TRAINING_MARKING}"
        )));
    }
    if let Some(Value::Array(records)) = sel.get_mut("records") {
        for (i, r) in records.iter_mut().enumerate() {
            let Value::Object(r) = r else { continue };
            if r.get("protective_marking").and_then(Value::as_str) != Some(TRAINING_MARKING) {
                return Err(bad(format!(
                    "The model answer: record {} is not marked {TRAINING_MARKING}",
                    i + 1
                )));
            }
        }
    }
    // Its records are finished as the story unfolds, after the scenario's today: they are read
    // on the day the last of them was finished, as a final record is never finished after the
    // day it is read (issue 16, `import`).
    let last = sel
        .get("records")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|r| crate::date::parse_iso(r.get("finished_on")?.as_str()?))
        .fold(today, NaiveDate::max);
    let ctx = Context::on(last).marked(TRAINING_MARKING);
    let imported = import::from_value(
        m,
        &[
            forms.pga,
            forms.plp,
            forms.review,
            forms.closure,
            forms.closed_review,
        ],
        &ctx,
        import::MIGRATIONS,
    )
    .map_err(from_import)?;
    let mut pga = None;
    let mut plp = None;
    let mut reviews = Vec::new();
    let mut closure = None;
    let mut closed_reviews = Vec::new();
    for r in imported.records {
        if !r.draft.is_locked() {
            return Err(bad(format!(
                "The model answer: its {} is not finished; a model answer is made of finished records",
                r.draft.form
            )));
        }
        match r.draft.form.as_str() {
            pga_form::FORM_ID if pga.is_none() => pga = Some(r.draft),
            plp_form::FORM_ID if plp.is_none() => plp = Some(r.draft),
            plp_form::REVIEW_FORM_ID => reviews.push(r.draft),
            closed_case::CLOSURE_FORM_ID if closure.is_none() => closure = Some(r.draft),
            closed_case::REVIEW_FORM_ID => closed_reviews.push(r.draft),
            other => {
                return Err(bad(format!(
                    "The model answer has a second or unexpected record ({other}): it holds one Gateway Assessment, at most one PLP case and its reassessments, or at most one closure and its reviews"
                )))
            }
        }
    }
    if closure.is_none() && !closed_reviews.is_empty() {
        return Err(bad(
            "The model answer has closed-case reviews but no closure",
        ));
    }
    crate::order::by_rank(&mut closed_reviews, |d| {
        crate::order::day(pga_form::date_of(&d.answers, "review.date"))
    });
    let pga = pga.ok_or_else(|| bad("The model answer has no Gateway Assessment"))?;
    if plp.is_none() && !reviews.is_empty() {
        return Err(bad("The model answer has reassessments but no PLP case"));
    }
    crate::order::by_rank(&mut reviews, |d| {
        crate::order::day(pga_form::date_of(&d.answers, "plp.review_date"))
    });
    Ok(Model {
        pga,
        plp,
        reviews,
        closure,
        closed_reviews,
    })
}

fn point(n: usize, v: &Value) -> Result<Point, ScenarioError> {
    let Value::Object(o) = v else {
        return Err(bad(format!("Point {n} is not an object")));
    };
    let keys = ["kind", "record", "field", "rule", "section", "reason"];
    if let Some(k) = o.keys().find(|k| !keys.contains(&k.as_str())) {
        return Err(bad(format!(
            "Point {n} has a field it should not have: '{k}'"
        )));
    }
    let at = |e: ScenarioError| bad(format!("Point {n}: {}", e.0.replace("The scenario's ", "")));
    let part = o
        .get("record")
        .and_then(Value::as_str)
        .and_then(Part::of)
        .ok_or_else(|| {
            bad(format!(
                "Point {n}: 'record' must be pga, plp, review, closure or closed-review"
            ))
        })?;
    let target = match o.get("kind").and_then(Value::as_str) {
        Some("answer") => Target::Answer(text_field(o, "field", 200).map_err(at)?),
        Some("due") => {
            let field = text_field(o, "field", 20).map_err(at)?;
            // An id outside the catalogue has no deadline: the message check_model gives.
            Target::Due(RuleId::parse(&field).ok_or_else(|| {
                bad(format!(
                    "Point {n}: the model has no deadline under {field}"
                ))
            })?)
        }
        Some("fimu") if part == Part::Pga => Target::FimuSubmission,
        Some("fimu") => {
            return Err(bad(format!(
                "Point {n}: a FIMU submission point is about the Gateway Assessment (record pga)"
            )))
        }
        _ => {
            return Err(bad(format!(
                "Point {n}: 'kind' must be answer, due or fimu"
            )))
        }
    };
    let rule = text_field(o, "rule", 20).map_err(at)?;
    let Some(rule) = RuleId::parse(&rule) else {
        return Err(bad(format!(
            "Point {n}: '{rule}' is not a rule id such as PGA-8"
        )));
    };
    let section = text_field(o, "section", 40).map_err(at)?;
    if !section.split(", ").all(|s| {
        s.strip_prefix('s')
            .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
    }) {
        return Err(bad(format!(
            "Point {n}: '{section}' is not a policy section such as s8"
        )));
    }
    Ok(Point {
        part,
        target,
        rule,
        section,
        reason: text_field(o, "reason", 2000).map_err(at)?,
    })
}

/// What the core's own rules say about a scenario's model answer: every record valid with no
/// errors on the day it was made, the records linked to one another, and every point's
/// expected value present in the model. Empty when the scenario can be taught.
pub fn check_model(s: &Scenario, forms: &Forms, cal: &Calendar) -> Vec<String> {
    let mut out = Vec::new();
    let pga_ctx = Context::on(s.today).marked(TRAINING_MARKING);
    let later = Context::on(s.today_after(true)).marked(TRAINING_MARKING);
    let report = crate::validate::validate(forms.pga, &s.model.pga.answers, &pga_ctx);
    if let Some(i) = report.errors().next() {
        out.push(format!(
            "The model Gateway Assessment breaks {} ({}) on the scenario's today: {}",
            i.rule_id, i.section, i.message
        ));
    }
    let decision = s.model.pga.answers.text("decision.outcome");
    if let Some(plp) = &s.model.plp {
        if decision != Some("straight-to-plp") {
            out.push(
                "The model has a PLP case, but its Gateway Decision is not straight to PLP (PGA-8)"
                    .into(),
            );
        }
        if plp.answers.text("case.reference") != s.model.pga.answers.text("case.reference") {
            out.push("The model PLP case's reference is not its Gateway Assessment's".into());
        }
        let report = crate::validate::validate(forms.plp, &plp.answers, &later);
        if let Some(i) = report.errors().next() {
            out.push(format!(
                "The model PLP case breaks {} ({}): {}",
                i.rule_id, i.section, i.message
            ));
        }
        for r in &s.model.reviews {
            if r.answers.text(plp_form::CASE_FIELD) != Some(plp.id.as_str()) {
                out.push("A model reassessment is not linked to the model PLP case".into());
            }
            let report = crate::validate::validate(forms.review, &r.answers, &later);
            if let Some(i) = report.errors().next() {
                out.push(format!(
                    "A model reassessment breaks {} ({}): {}",
                    i.rule_id, i.section, i.message
                ));
            };
        }
    }
    if let Some(closure) = &s.model.closure {
        check_closed(s, closure, forms, &later, &mut out);
    }
    for (n, p) in s.points.iter().enumerate() {
        let n = n + 1;
        let Some(record) = s.model_of(p.part) else {
            out.push(format!(
                "Point {n} is about {}, which the model does not have",
                p.part.noun()
            ));
            continue;
        };
        let schema = forms.of(p.part);
        match &p.target {
            Target::Answer(field) => match schema.question(field) {
                None => out.push(format!(
                    "Point {n}: '{field}' is not a question of {}",
                    p.part.noun()
                )),
                Some((_, q))
                    if matches!(
                        q.kind,
                        QuestionKind::Text { .. }
                            | QuestionKind::TextArea { .. }
                            | QuestionKind::Number { .. }
                    ) =>
                {
                    out.push(format!(
                        "Point {n}: '{field}' is a free-text question, which cannot be scored"
                    ))
                }
                Some(_) if record.answers.filled(field).is_none() => {
                    out.push(format!("Point {n}: the model does not answer '{field}'"))
                }
                Some(_) => {}
            },
            Target::FimuSubmission => {
                if pga_form::fimu_submission(schema, &record.answers, &pga_ctx).is_none() {
                    out.push(format!("Point {n}: the model has no Gateway Decision"));
                }
            }
            Target::Due(rule) => {
                if due(s, forms, p.part, Some(record), cal, *rule).is_none() {
                    out.push(format!("Point {n}: the model has no deadline under {rule}"));
                }
            }
        }
    }
    out
}

/// REV-1 (s13) over a model that closes the case outside PLP: a Gateway Decision that kept the
/// case in PCM or referred it to the LACC, and no PLP case; the closure and its reviews linked
/// to the Gateway Assessment, each valid on the day the last development arrives; the closure
/// not before the Gateway Decision, and each review not before the closure.
fn check_closed(
    s: &Scenario,
    closure: &Draft,
    forms: &Forms,
    later: &Context,
    out: &mut Vec<String>,
) {
    let pga = &s.model.pga;
    if s.model.plp.is_some()
        || !matches!(
            pga.answers.text("decision.outcome"),
            Some("keep-in-pcm" | "refer-to-lacc")
        )
    {
        out.push("The model has a closure outside PLP, but its Gateway Decision neither keeps the case in PCM nor refers it to the LACC, or it has a PLP case (REV-1)".into());
    }
    let linked = |d: &Draft| d.answers.text(plp_form::CASE_FIELD) == Some(pga.id.as_str());
    if !linked(closure) {
        out.push("The model closure is not linked to the model Gateway Assessment".into());
    }
    let report = crate::validate::validate(forms.closure, &closure.answers, later);
    if let Some(i) = report.errors().next() {
        out.push(format!(
            "The model closure breaks {} ({}): {}",
            i.rule_id, i.section, i.message
        ));
    }
    let closed = closed_case::closure_of(&closure.answers).map(|(d, _)| d);
    if let (Some(c), Some(f)) = (closed, &pga.finished) {
        if c < f.on {
            out.push("The model closure is dated before the Gateway Decision".into());
        }
    }
    for r in &s.model.closed_reviews {
        if !linked(r) {
            out.push(
                "A model closed-case review is not linked to the model Gateway Assessment".into(),
            );
        }
        let report = crate::validate::validate(forms.closed_review, &r.answers, later);
        if let Some(i) = report.errors().next() {
            out.push(format!(
                "A model closed-case review breaks {} ({}): {}",
                i.rule_id, i.section, i.message
            ));
        }
        let on = pga_form::date_of(&r.answers, "review.date");
        if let (Some(c), Some(on)) = (closed, on) {
            if on < c {
                out.push("A model closed-case review is dated before the closure".into());
            }
        }
    }
}

/// The deadlines of one of the trainee's (or the model's) records: `case` is the record they
/// hang from (the PLP case of a reassessment, the closure of a closed-case review).
fn deadlines_of(
    forms: &Forms,
    part: Part,
    record: &Draft,
    case: Option<&Draft>,
    cal: &Calendar,
) -> Vec<Deadline> {
    match part {
        Part::Pga => pga_form::deadlines(&record.answers, cal),
        Part::Plp => plp_form::deadlines(forms.plp, &record.answers, cal),
        Part::Review => case
            .map(|c| {
                crate::plp_case::deadlines(
                    &plp_form::case_with_reviews(
                        forms.plp,
                        &c.answers,
                        forms.review,
                        &[&record.answers],
                    ),
                    cal,
                )
            })
            .unwrap_or_default(),
        // REV-1 (s13): the 6- and 12-month reviews counted from the closure's date.
        Part::Closure => closed_case::closure_of(&record.answers)
            .map(|(closed, _)| closed_case::review_deadlines(closed, RuleId::Rev1, &[], cal))
            .unwrap_or_default(),
        // The review's own deadline (the 6- or the 12-month), counted from its case's closure.
        Part::ClosedReview => {
            let Some((closed, _)) = case.and_then(|c| closed_case::closure_of(&c.answers)) else {
                return Vec::new();
            };
            let review = closed_case::review_of(&record.answers);
            let mut all =
                closed_case::review_deadlines(closed, RuleId::Rev1, review.as_slice(), cal);
            if let Some(r) = review {
                let key = match r.which {
                    closed_case::Which::SixMonths => "plp-11-6-months",
                    closed_case::Which::TwelveMonths => "plp-11-12-months",
                };
                all.retain(|d| d.key == key);
            }
            all
        }
    }
}

fn due(
    s: &Scenario,
    forms: &Forms,
    part: Part,
    record: Option<&Draft>,
    cal: &Calendar,
    rule: RuleId,
) -> Option<NaiveDate> {
    let record = record?;
    deadlines_of(forms, part, record, s.model_case(part), cal)
        .into_iter()
        .find(|d| d.rule_id == rule)
        .map(|d| d.due)
}

/// The trainee's records for one scenario.
#[derive(Clone, Copy, Default)]
pub struct Attempt<'a> {
    /// Their Gateway Assessment.
    pub pga: Option<&'a Draft>,
    /// Their PLP case, if they made one.
    pub plp: Option<&'a Draft>,
    /// Their PLP case's first reassessment, if they made one.
    pub review: Option<&'a Draft>,
    /// Their closure of the case outside PLP, if they recorded one.
    pub closure: Option<&'a Draft>,
    /// Their first review of that closed case, if they recorded one.
    pub closed_review: Option<&'a Draft>,
}

impl<'a> Attempt<'a> {
    fn of(&self, part: Part) -> Option<&'a Draft> {
        match part {
            Part::Pga => self.pga,
            Part::Plp => self.plp,
            Part::Review => self.review,
            Part::Closure => self.closure,
            Part::ClosedReview => self.closed_review,
        }
    }

    /// The record a part's deadlines hang from (see [`Scenario::model_case`]).
    fn case(&self, part: Part) -> Option<&'a Draft> {
        match part {
            Part::Review => self.plp,
            Part::ClosedReview => self.closure,
            _ => None,
        }
    }
}

/// How one point went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// As the model.
    Matched,
    /// Some of the model's choices, or some and others too.
    Partial,
    /// Not as the model.
    Missed,
}

impl Outcome {
    /// In words ("Matched").
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Matched => "Matched",
            Outcome::Partial => "Partly matched",
            Outcome::Missed => "Missed",
        }
    }
}

/// One point of the debrief.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scored {
    /// The point.
    pub point: Point,
    /// What it is about, in words ("Gateway Decision").
    pub what: String,
    /// How it went.
    pub outcome: Outcome,
    /// Marks earned.
    pub marks: u32,
    /// Marks available.
    pub out_of: u32,
    /// The model's answer, in words.
    pub expected: String,
    /// The trainee's, in words.
    pub given: String,
}

/// The debrief of an attempt: each point in the scenario's order, and the total.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Debrief {
    /// Every point.
    pub points: Vec<Scored>,
    /// Marks earned.
    pub marks: u32,
    /// Marks available.
    pub out_of: u32,
}

impl Debrief {
    /// The score as a whole percentage, rounded down.
    pub fn percent(&self) -> u32 {
        (self.marks * 100).checked_div(self.out_of).unwrap_or(0)
    }
}

const NOT_DONE: &str = "Not recorded";

/// Scores an attempt against the scenario's model, point by point. A question with several
/// answers (checkboxes) earns a mark per expected option chosen, less one per option chosen
/// that the model did not (never below 0); every other point earns 1 or 0.
pub fn score(s: &Scenario, forms: &Forms, attempt: &Attempt, cal: &Calendar) -> Debrief {
    let ctx = Context::on(s.today).marked(TRAINING_MARKING);
    let mut points = Vec::new();
    for p in &s.points {
        let schema = forms.of(p.part);
        let model = s.model_of(p.part);
        let given = attempt.of(p.part);
        let (what, expected, given_text, marks, out_of) = match &p.target {
            Target::Answer(field) => {
                let question = schema.question(field).map(|(_, q)| q);
                let what = question.map_or_else(|| field.clone(), |q| capitalise(&q.short));
                let e = model.and_then(|m| m.answers.filled(field));
                let g = given.and_then(|d| d.answers.filled(field));
                let label = |a: Option<&Answer>| match (a, question) {
                    (Some(a), Some(q)) => answer_label(&q.kind, a),
                    (Some(_), None) | (None, _) => NOT_DONE.to_string(),
                };
                let (marks, out_of) = compare(e, g);
                (what, label(e), label(g), marks, out_of)
            }
            Target::FimuSubmission => {
                let f = |d: Option<&Draft>| {
                    d.and_then(|d| pga_form::fimu_submission(schema, &d.answers, &ctx))
                };
                let (e, g) = (f(model), f(given));
                let words = |b: Option<bool>| match b {
                    Some(true) => "Goes to the FIMU".to_string(),
                    Some(false) => "No submission to the FIMU".to_string(),
                    None => NOT_DONE.to_string(),
                };
                (
                    "Submission of the Gateway Decision to the FIMU".to_string(),
                    words(e),
                    words(g),
                    u32::from(e.is_some() && e == g),
                    1,
                )
            }
            Target::Due(rule) => {
                let e = due(s, forms, p.part, model, cal, *rule);
                let case = attempt.case(p.part);
                let g = given.and_then(|d| {
                    deadlines_of(forms, p.part, d, case, cal)
                        .into_iter()
                        .find(|x| x.rule_id == *rule)
                        .map(|x| x.due)
                });
                let words =
                    |d: Option<NaiveDate>| d.map_or_else(|| NOT_DONE.to_string(), date::long_date);
                (
                    format!("Due date under {rule}"),
                    words(e),
                    words(g),
                    u32::from(e.is_some() && e == g),
                    1,
                )
            }
        };
        let outcome = if marks == out_of {
            Outcome::Matched
        } else if marks == 0 {
            Outcome::Missed
        } else {
            Outcome::Partial
        };
        points.push(Scored {
            point: p.clone(),
            what: format!(
                "{}: {}",
                capitalise(p.part.noun().trim_start_matches("the ")),
                what
            ),
            outcome,
            marks,
            out_of,
            expected,
            given: given_text,
        });
    }
    let marks = points.iter().map(|p| p.marks).sum();
    let out_of = points.iter().map(|p| p.out_of).sum();
    Debrief {
        points,
        marks,
        out_of,
    }
}

/// Marks for an answer: checkboxes by option, everything else whole.
fn compare(expected: Option<&Answer>, given: Option<&Answer>) -> (u32, u32) {
    match (expected, given) {
        (Some(Answer::Choices(e)), g) => {
            let g: &[String] = match g {
                Some(Answer::Choices(g)) => g,
                _ => &[],
            };
            let right = g.iter().filter(|c| e.contains(c)).count() as u32;
            let wrong = g.iter().filter(|c| !e.contains(c)).count() as u32;
            (right.saturating_sub(wrong), e.len().max(1) as u32)
        }
        (Some(Answer::Date(e)), Some(Answer::Date(g))) => {
            let same = date::parse(e)
                .ok()
                .is_some_and(|e| date::parse(g).ok() == Some(e));
            (u32::from(same), 1)
        }
        (Some(Answer::Text(e)), Some(Answer::Text(g))) => (u32::from(e.trim() == g.trim()), 1),
        (None, None) => (1, 1),
        _ => (0, 1),
    }
}

/// An answer in words: option labels, or a long date.
fn answer_label(kind: &QuestionKind, a: &Answer) -> String {
    let label = |v: &str| {
        kind.choices()
            .iter()
            .find(|c| c.value == v)
            .map_or_else(|| v.to_string(), |c| c.label.clone())
    };
    match a {
        Answer::Text(t) => label(t.trim()),
        Answer::Choices(c) => c.iter().map(|v| label(v)).collect::<Vec<_>>().join("; "),
        Answer::Date(d) => date::parse(d).map_or_else(|_| NOT_DONE.to_string(), date::long_date),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
        .unwrap_or_default()
}

/// The points a trainer would usually score, drawn from their model answer (authoring): the
/// Gateway Decision (with the model's own rationale as the reason), its submission to the FIMU,
/// the assessment, the prompts the case raises, the deadlines, each factor found present (with
/// the model's evidence), and the band of the PLP case and of its first reassessment.
pub fn suggested_points(model: &Model, forms: &Forms, cal: &Calendar) -> Vec<Point> {
    let mut out = Vec::new();
    let a = &model.pga.answers;
    let mut push = |p: Point| out.push(p);
    let answer = |f: &str| Target::Answer(f.into());
    if let Some(d) = a.text("decision.outcome") {
        let (rule, section) = match d {
            "keep-in-pcm" => (RuleId::Pga6, None),
            "refer-to-lacc" => (RuleId::Pga7, None),
            "straight-to-plp" => (RuleId::Pga8, None),
            "close-escalate-pursue" => (RuleId::Pga9, None),
            // A plain close: the reasonable belief of no concern, s8 (not s13's escalation).
            _ => (RuleId::Pga9, Some("s8")),
        };
        let why = a.text("decision.rationale").unwrap_or_default();
        let point = Point::new(
            Part::Pga,
            answer("decision.outcome"),
            rule,
            format!("The model decision's rationale: {why}"),
        );
        push(match section {
            Some(s) => point.citing(s),
            None => point,
        });
        let goes = pga_form::fimu_submission(
            forms.pga,
            a,
            &Context::on(model.pga.finished.as_ref().map_or(NaiveDate::MIN, |f| f.on))
                .marked(TRAINING_MARKING),
        ) == Some(true);
        push(Point::new(
            Part::Pga,
            Target::FimuSubmission,
            RuleId::Pga11,
            if goes {
                "The Gateway Decision goes to the FIMU unless the case is closed and the FIMU graded it RADO 6 (PGA-11).".into()
            } else {
                "A case closed that the FIMU graded RADO 6 needs no submission to the FIMU (PGA-11).".into()
            },
        ));
    }
    if a.filled("assessment.concern").is_some() {
        push(Point::new(Part::Pga, answer("assessment.concern"), RuleId::Pga6, "Keeping a case in PCM needs a reasonable suspicion of a Prevent-relevant concern; closing it, a reasonable belief of none (PGA-6, PGA-9).".into()));
    }
    if a.filled("assessment.pursue").is_some() {
        push(Point::new(
            Part::Pga,
            answer("assessment.pursue"),
            RuleId::Pga9,
            "A Pursue-relevant concern is closed in Prevent and escalated (PGA-9, s13).".into(),
        ));
    }
    for (field, rule, reason) in [
        ("case.area", RuleId::Pga7, "Dovetail areas refer to the LACC; elsewhere the S.36 decision is due in 20 working days (PGA-7, PGA-15)."),
        ("subject.nationality", RuleId::Pga20, "Foreign national is worked out from the nationality: any but British only, or not known, means contacting the FCO, CRO and Immigration must be decided (PGA-12, PGA-20)."),
        ("prompts.travel", RuleId::Pga13, "A propensity to travel to conflict areas: a PIW request must be decided (PGA-13)."),
        ("prompts.overseas_decision", RuleId::Pga20, "For a foreign national: contacting the FCO, CRO and Immigration is decided either way, with the rationale (PGA-12, PGA-20)."),
        ("prompts.piw_decision", RuleId::Pga20, "For a juvenile (on the date of receipt) or a subject who may travel: a PIW request is decided either way, with the rationale; a request made articulates the travel risk (PGA-13, PGA-20)."),
    ] {
        if a.filled(field).is_some() {
            push(Point::new(Part::Pga, answer(field), rule, reason.into()));
        }
    }
    for d in pga_form::deadlines(a, cal) {
        push(Point::new(
            Part::Pga,
            Target::Due(d.rule_id),
            d.rule_id,
            format!(
                "{}. In this case: due {}, counted from {} ({}).{}",
                d.rule.trim_end_matches('.'),
                date::long_date(d.due),
                date::long_date(d.start),
                d.start_event
                    .to_ascii_lowercase()
                    .replace("fimu", "FIMU")
                    .replace("s.36", "S.36")
                    .replace("dif", "DIF"),
                d.other_reading
                    .map(|o| format!(" {}: {}.", o.label, date::long_date(o.due)))
                    .unwrap_or_default()
            ),
        ));
    }
    for (k, v) in &a.0 {
        if k.starts_with("dif.") && k.ends_with(".finding") && v.as_text() == Some("present") {
            let evidence = a
                .text(&k.replace(".finding", ".evidence"))
                .unwrap_or_default();
            push(Point::new(
                Part::Pga,
                answer(k),
                RuleId::Dif1,
                format!("The case file shows it: {evidence}"),
            ));
        }
    }
    for (part, record) in [
        (Part::Plp, model.plp.as_ref()),
        (Part::Review, model.reviews.first()),
    ] {
        let Some(r) = record else { continue };
        let why = r.answers.text("plp.band_rationale").unwrap_or_default();
        push(Point::new(
            part,
            answer("plp.band"),
            RuleId::Plp1,
            format!("The band follows from the DIF (PLP-2 to PLP-4). The model's rationale: {why}"),
        ));
        if part == Part::Plp {
            for d in plp_form::deadlines(forms.plp, &r.answers, cal) {
                if d.rule_id == RuleId::Plp5 {
                    push(Point::new(
                        part,
                        Target::Due(RuleId::Plp5),
                        RuleId::Plp5,
                        format!(
                            "{}. In this case: the next DIF is due {}.",
                            d.rule.trim_end_matches('.'),
                            date::long_date(d.due)
                        ),
                    ));
                }
            }
        }
    }
    if model.closure.is_some() {
        push(Point::new(
            Part::Closure,
            answer("pcm.closed"),
            RuleId::Rev1,
            "The 6- and 12-month reviews are counted from the day the case closed (REV-1, s13): record the closure with that day, not the day it is recorded.".into(),
        ));
        push(Point::new(
            Part::Closure,
            answer("pcm.code"),
            RuleId::Plp9,
            "Every closure gives its closure code (PLP-9, s13): a case closed by the Channel panel takes one of the two Channel codes.".into(),
        ));
    }
    if let Some(r) = model.closed_reviews.first() {
        let why = r.answers.text("review.rationale").unwrap_or_default();
        for (field, rule, reason) in [
            ("review.which", RuleId::Rev1, "A closed case is reviewed at 6 and at 12 months from the point of closure (REV-1, s13).".to_string()),
            ("review.assessment", RuleId::Rev1, "A review completes a new VAF or DIF, depending on whether the case exited Prevent from Channel or PLP respectively (s13).".to_string()),
            ("review.outcome", RuleId::Rev1, format!("The review weighs what has changed since closure (s13). The model's rationale: {why}")),
            ("supervisor.rank", RuleId::Sup1, "Supervisors read and evaluate every case review before final approval (s13): a Sergeant or above, or a police staff CTCO supervisor, never the CTCO who made the review (SUP-1).".to_string()),
        ] {
            let p = Point::new(Part::ClosedReview, answer(field), rule, reason);
            push(if rule == RuleId::Sup1 { p.citing("s14") } else { p });
        }
        let closure = model.closure.as_ref();
        if let Some(d) = deadlines_of(forms, Part::ClosedReview, r, closure, cal)
            .into_iter()
            .next()
        {
            push(Point::new(
                Part::ClosedReview,
                Target::Due(RuleId::Rev1),
                RuleId::Rev1,
                format!(
                    "{} In this case: {}, {}; due {}.",
                    d.rule,
                    d.start_event.to_ascii_lowercase(),
                    date::long_date(d.start),
                    date::long_date(d.due)
                ),
            ));
        }
    }
    out.retain(|p| match &p.target {
        Target::Answer(f) => model_has(model, p.part, f),
        _ => true,
    });
    out
}

fn model_has(model: &Model, part: Part, field: &str) -> bool {
    let r = match part {
        Part::Pga => Some(&model.pga),
        Part::Plp => model.plp.as_ref(),
        Part::Review => model.reviews.first(),
        Part::Closure => model.closure.as_ref(),
        Part::ClosedReview => model.closed_reviews.first(),
    };
    r.is_some_and(|r| r.answers.filled(field).is_some())
}

/// The scenario as a file (authoring): what [`parse`] reads back. The model records are
/// written exactly as their own exports, marked training.
pub fn to_json(s: &Scenario, forms: &Forms) -> Value {
    let ctx = Context::on(s.today_after(true)).marked(TRAINING_MARKING);
    let mut records: Vec<(&FormSchema, &Draft)> = vec![(forms.pga, &s.model.pga)];
    if let Some(p) = &s.model.plp {
        records.push((forms.plp, p));
    }
    for r in &s.model.reviews {
        records.push((forms.review, r));
    }
    if let Some(c) = &s.model.closure {
        records.push((forms.closure, c));
    }
    for r in &s.model.closed_reviews {
        records.push((forms.closed_review, r));
    }
    let mut model = export::selection_to_json(&records, &ctx);
    mark_training(&mut model);
    let points: Vec<Value> = s
        .points
        .iter()
        .map(|p| {
            let (kind, field) = match &p.target {
                Target::Answer(f) => ("answer", Some(f.as_str())),
                Target::Due(r) => ("due", Some(r.id())),
                Target::FimuSubmission => ("fimu", None),
            };
            let mut o = json!({"kind": kind, "record": p.part.id(), "rule": p.rule, "section": p.section, "reason": p.reason});
            if let (Some(f), Value::Object(o)) = (field, &mut o) {
                o.insert("field".into(), f.into());
            }
            o
        })
        .collect();
    json!({
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "protective_marking": TRAINING_MARKING,
        "id": s.id,
        "title": s.title,
        "summary": s.summary,
        "today": s.today.to_string(),
        "vignette": {
            "referral": s.vignette.referral,
            "fimu_notes": s.vignette.fimu_notes,
            "deconfliction": s.vignette.deconfliction,
            "checks": s.vignette.checks,
        },
        "developments": s.developments.iter().map(|d| json!({"date": d.date.to_string(), "title": d.title, "text": d.text})).collect::<Vec<_>>(),
        "model": model,
        "points": points,
    })
}

/// Marks a selection export, and each record in it, as training material.
fn mark_training(v: &mut Value) {
    if let Value::Object(o) = v {
        o.insert("protective_marking".into(), TRAINING_MARKING.into());
        if let Some(Value::Array(rs)) = o.get_mut("records") {
            for r in rs {
                if let Value::Object(r) = r {
                    r.insert("protective_marking".into(), TRAINING_MARKING.into());
                }
            }
        }
    }
}

/// The scenario file's text, pretty-printed.
pub fn to_json_string(s: &Scenario, forms: &Forms) -> String {
    serde_json::to_string_pretty(&to_json(s, forms)).unwrap_or_default()
}

/// The file name of a scenario ("TRAINING-scenario-leaflets-at-the-station.json").
pub fn file_name(s: &Scenario) -> String {
    format!("TRAINING-scenario-{}.json", s.id)
}

/// The `format` of the shipped scenarios' index (`scenarios/index.json`).
pub const INDEX_FORMAT: &str = "prevent-toolkit/scenario-index";
/// The name of the index among the scenario files.
pub const INDEX_FILE: &str = "index.json";

/// One scenario of the index the trainer's app fetches (`scenarios/index.json`): its file, and
/// the id and title inside it, so that a file that cannot be read is still named and its id
/// still taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shipped {
    /// The file's name in the same folder ("01-stickers-at-exampleton-station.json").
    pub file: String,
    /// The scenario's id, as in the file.
    pub id: String,
    /// The scenario's title, as in the file.
    pub title: String,
}

/// The index of the shipped scenarios, in the order the trainer lists them (written by
/// `examples/scenarios.rs`; what [`parse_index`] reads back).
pub fn index_json(list: &[Shipped]) -> String {
    let scenarios: Vec<Value> = list
        .iter()
        .map(|s| json!({"file": s.file, "id": s.id, "title": s.title}))
        .collect();
    let v =
        json!({"format": INDEX_FORMAT, "format_version": FORMAT_VERSION, "scenarios": scenarios});
    serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
}

/// Reads the index of the shipped scenarios, refusing it whole if it is not one: every entry a
/// file name of this folder (lower-case letters, digits and hyphens, ending `.json`), an id and
/// a title, no file or id twice.
pub fn parse_index(text: &str) -> Result<Vec<Shipped>, ScenarioError> {
    let value = import::read_json(text).map_err(|e| bad(e.to_string()))?;
    if value.get("format").and_then(Value::as_str) != Some(INDEX_FORMAT)
        || value.get("format_version").and_then(Value::as_u64) != Some(FORMAT_VERSION)
    {
        return Err(bad("The list of scenarios is not a scenario index"));
    }
    let Some(Value::Array(entries)) = value.get("scenarios") else {
        return Err(bad("The list of scenarios has no 'scenarios'"));
    };
    let mut out: Vec<Shipped> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let field = |k: &str| {
            e.get(k)
                .and_then(Value::as_str)
                .filter(|t| !t.trim().is_empty())
        };
        let (Some(file), Some(id), Some(title)) = (field("file"), field("id"), field("title"))
        else {
            return Err(bad(format!(
                "Scenario {} of the list has no file, id or title",
                i + 1
            )));
        };
        let plain = file.strip_suffix(".json").is_some_and(|stem| {
            !stem.is_empty()
                && stem
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        });
        if !plain || file == INDEX_FILE {
            return Err(bad(format!(
                "Scenario {} of the list is not a scenario file of its folder: '{file}'",
                i + 1
            )));
        }
        if out.iter().any(|s| s.file == file || s.id == id) {
            return Err(bad(format!(
                "The list of scenarios names '{file}' or the id '{id}' twice"
            )));
        }
        out.push(Shipped {
            file: file.into(),
            id: id.into(),
            title: title.into(),
        });
    }
    Ok(out)
}
