//! Structured export of a record as JSON. The format is versioned (`format_version`) and its
//! field names are the schema's stable question ids, nested on their dots
//! (`subject.dob` -> `{"subject": {"dob": "2009-03-27"}}`). Only questions shown for the
//! answers given are exported, so nothing typed on a page that no longer applies leaks out.

use crate::answers::Answer;
use crate::date;
use crate::draft::Draft;
use crate::form::{Context, FormSchema, QuestionKind};
use crate::validate::{validate, Severity};
use crate::PROTECTIVE_MARKING;
use serde_json::{json, Map, Value};

/// Name of the export format.
pub const FORMAT: &str = "prevent-toolkit/record";
/// Version of the export format. Bump it, and add a migration, when a field changes meaning.
pub const FORMAT_VERSION: u32 = 1;

/// The record as a JSON value.
pub fn to_json(schema: &FormSchema, draft: &Draft, ctx: &Context) -> Value {
    let mut answers = Map::new();
    for page in &schema.pages {
        for q in &page.questions {
            let Some(a) = schema.visible_answer(&q.id, &draft.answers, ctx) else {
                continue;
            };
            insert_path(&mut answers, &q.id, value(&q.kind, a));
        }
    }
    let warnings: Vec<Value> = validate(schema, &draft.answers, ctx)
        .issues
        .iter()
        .filter(|i| i.severity != Severity::Error)
        .map(|i| json!({"rule_id": i.rule_id, "section": i.section, "field": i.path, "message": i.message}))
        .collect();
    #[allow(unused_mut)]
    let mut record = json!({
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "protective_marking": PROTECTIVE_MARKING,
        "form": {"id": schema.id, "version": schema.version, "title": schema.title},
        "record_id": draft.id,
        "status": draft.status,
        "started_at": draft.created_at,
        "reference": draft.finished.as_ref().map(|f| f.reference.clone()),
        "finished_on": draft.finished.as_ref().map(|f| f.on.to_string()),
        "finished_at": draft.finished.as_ref().map(|f| f.at.clone()),
        "answers": answers,
        "warnings": warnings,
    });
    // A Gateway Assessment also carries its Gateway Decision summary (for the FIMU; PGA-11,
    // INT-1), its DIF framework and its audit trail (DESIGN.md, Records).
    #[cfg(feature = "pga")]
    if schema.id == crate::pga_form::FORM_ID {
        let s = crate::pga_form::decision_summary(schema, &draft.answers, ctx);
        let present: Vec<Value> = s
            .factors
            .present
            .iter()
            .map(|(section, factors)| json!({"section": section, "factors": factors}))
            .collect();
        record["gateway_decision"] = json!({
            "case_reference": s.case_reference,
            "decision": s.decision,
            "rationale": s.rationale,
            "risk_direction": s.direction,
            "fimu_submission_required": s.fimu_submission_required,
            "factors_present": present,
            "factors_absent": s.factors.absent,
            "factors_unknown": s.factors.unknown,
            "supervised_by": s.supervised_by,
            "dif_framework": draft.answers.text(crate::pga_form::FRAMEWORK_FIELD),
        });
        record["audit"] = json!(draft.audit);
    }
    record
}

/// The record as pretty-printed JSON text.
pub fn to_json_string(schema: &FormSchema, draft: &Draft, ctx: &Context) -> String {
    serde_json::to_string_pretty(&to_json(schema, draft, ctx)).unwrap_or_default()
}

/// A download file name that carries the reference but no personal data.
pub fn file_name(draft: &Draft) -> String {
    let kind = match draft.form.as_str() {
        "pga" => "prevent-gateway-assessment",
        "plp" => "prevent-plp-case",
        _ => "prevent-referral",
    };
    match &draft.finished {
        Some(f) => format!("{kind}-{}.json", f.reference),
        None => format!(
            "{kind}-draft-{}.json",
            draft.id.chars().take(8).collect::<String>()
        ),
    }
}

fn value(kind: &QuestionKind, a: &Answer) -> Value {
    match (kind, a) {
        (QuestionKind::Number { .. }, Answer::Text(t)) => t
            .trim()
            .parse::<u64>()
            .map(Value::from)
            .unwrap_or_else(|_| Value::from(t.trim())),
        (_, Answer::Text(t)) => Value::from(t.trim()),
        (_, Answer::Choices(c)) => Value::from(c.clone()),
        (_, Answer::Date(parts)) => match date::parse(parts) {
            Ok(d) => Value::from(d.to_string()),
            Err(_) => json!({"day": parts.day, "month": parts.month, "year": parts.year}),
        },
    }
}

fn insert_path(map: &mut Map<String, Value>, path: &str, v: Value) {
    match path.split_once('.') {
        None => {
            map.insert(path.to_string(), v);
        }
        Some((head, rest)) => {
            let entry = map
                .entry(head.to_string())
                .or_insert_with(|| Value::Object(Map::new()));
            if !entry.is_object() {
                *entry = Value::Object(Map::new());
            }
            if let Value::Object(inner) = entry {
                insert_path(inner, rest, v);
            }
        }
    }
}

/// The JSON Schema (draft 2020-12) of this form's export, generated from the form schema so
/// that it cannot drift from what is exported. Published in `docs/schemas/`.
pub fn json_schema(schema: &FormSchema) -> Value {
    let mut answers = Map::new();
    for page in &schema.pages {
        for q in &page.questions {
            let mut t = match &q.kind {
                QuestionKind::Text { .. } => json!({"type": "string"}),
                QuestionKind::Number { min, max } => {
                    json!({"type": "integer", "minimum": min, "maximum": max})
                }
                QuestionKind::TextArea {
                    max_chars: Some(n), ..
                } => json!({"type": "string", "maxLength": n}),
                QuestionKind::TextArea {
                    max_chars: None, ..
                } => json!({"type": "string"}),
                QuestionKind::Radios { choices, .. } | QuestionKind::Select { choices } => {
                    json!({"enum": choices.iter().map(|c| c.value.clone()).collect::<Vec<_>>()})
                }
                QuestionKind::Checkboxes { choices } => json!({
                    "type": "array",
                    "uniqueItems": true,
                    "items": {"enum": choices.iter().map(|c| c.value.clone()).collect::<Vec<_>>()},
                }),
                QuestionKind::Date => json!({"type": "string", "format": "date"}),
            };
            t["description"] = Value::from(q.label.clone());
            insert_schema_path(&mut answers, &q.id, t);
        }
    }
    let nullable = |t: &str| json!({"type": [t, "null"]});
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": format!("urn:prevent-toolkit:record:{}:v{}", schema.id, FORMAT_VERSION),
        "title": format!("{} record (format_version {FORMAT_VERSION}, form version {})", schema.title, schema.version),
        "description": "Export of the Prevent Case Toolkit. Field names are the form's stable question ids; only questions shown for the answers given are present. Marked OFFICIAL-SENSITIVE.",
        "type": "object",
        "required": ["format", "format_version", "protective_marking", "form", "record_id", "status", "answers", "warnings"],
        "properties": {
            "format": {"const": FORMAT},
            "format_version": {"const": FORMAT_VERSION},
            "protective_marking": {"const": PROTECTIVE_MARKING},
            "form": {
                "type": "object",
                "properties": {"id": {"const": schema.id}, "version": {"type": "integer"}, "title": {"type": "string"}},
                "required": ["id", "version"],
            },
            "record_id": {"type": "string"},
            "status": {"enum": ["in-progress", "finished"]},
            "started_at": {"type": "string"},
            "reference": nullable("string"),
            "finished_on": {"type": ["string", "null"], "format": "date"},
            "finished_at": nullable("string"),
            "answers": answers_object(answers),
            "warnings": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["rule_id", "section", "field", "message"],
                    "properties": {
                        "rule_id": {"type": "string"},
                        "section": {"type": "string"},
                        "field": {"type": "string"},
                        "message": {"type": "string"},
                    },
                },
            },
        },
    })
}

/// A level of nested answer properties as a closed JSON Schema object.
fn answers_object(props: Map<String, Value>) -> Value {
    json!({"type": "object", "additionalProperties": false, "properties": props})
}

fn insert_schema_path(map: &mut Map<String, Value>, path: &str, v: Value) {
    match path.split_once('.') {
        None => {
            map.insert(path.to_string(), v);
        }
        Some((head, rest)) => {
            let entry = map
                .entry(head.to_string())
                .or_insert_with(|| answers_object(Map::new()));
            if let Some(Value::Object(inner)) = entry.get_mut("properties") {
                insert_schema_path(inner, rest, v);
            }
        }
    }
}
