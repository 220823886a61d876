//! The Gateway Decision summary (PGA-11, INT-1, s8, s9): what was decided, why, the risk's
//! direction and the DIF factors found, as the side panel shows it and as the export writes it
//! (its `gateway_decision` field and that field's JSON Schema).

use super::dif_pages::FRAMEWORK_FIELD;
use super::read::{date_of, gateway};
use crate::answers::Answers;
use crate::date;
use crate::dif;
use crate::form::{Context, FormSchema};
use crate::form_def::ExtraField;
use crate::pga::{self, Decision};

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

/// The export's `gateway_decision`: the Gateway Decision summary for the FIMU (PGA-11, INT-1),
/// worked out from the answers, with the name of its DIF framework.
pub const GATEWAY_DECISION: ExtraField = ExtraField::Summary {
    field: "gateway_decision",
    name: "Gateway Decision",
    keys: &GATEWAY_DECISION_FIELDS,
    build: decision_json,
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

/// The Gateway Decision summary as the export writes it.
fn decision_json(schema: &FormSchema, answers: &Answers, ctx: &Context) -> serde_json::Value {
    let s = decision_summary(schema, answers, ctx);
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
        "dif_framework": answers.text(FRAMEWORK_FIELD),
    })
}
