//! Structured export of a record as JSON. The format is versioned (`format_version`) and its
//! field names are the schema's stable question ids, nested on their dots
//! (`subject.dob` -> `{"subject": {"dob": "2009-03-27"}}`). Only questions shown for the
//! answers given are exported, so nothing typed on a page that no longer applies leaks out.
//! With them: the pages passed, the audit trail, and the hidden answers that are not questions
//! of the form, each as a field of its own ([`form_fields`]). Several records go in one file as
//! a selection ([`selection_to_json`]); `crate::import` reads both back
//! (docs/decisions/0004-import.md).

use crate::answers::Answer;
use crate::date;
use crate::draft::{Draft, DraftStatus};
use crate::form::{Context, FormSchema, QuestionKind};
use crate::form_def::ExtraField;
use crate::validate::{validate, Severity};
use crate::PROTECTIVE_MARKING;
use serde_json::{json, Map, Value};

/// Name of the export format.
pub const FORMAT: &str = "prevent-toolkit/record";
/// Version of the export format. Bump it, and add a migration, when a field is added, removed or
/// changes meaning. (The fields added before the first release, `completed_pages`, `audit` for
/// every form, `dif_framework`, `subject_type` and `case_id`, stayed at 1: 0004.)
pub const FORMAT_VERSION: u32 = 1;

/// The record as a JSON value.
pub fn to_json(schema: &FormSchema, draft: &Draft, ctx: &Context) -> Value {
    Value::Object(build(schema, draft, ctx, true))
}

/// The record's own content as its export holds it, without what every export has or works out
/// again (format, marking, form title, warnings, the Gateway Decision): what
/// `crate::tombstone::digest` hashes, so that a record and the import of its export give the
/// same digest.
pub(crate) fn content(schema: &FormSchema, draft: &Draft, ctx: &Context) -> Map<String, Value> {
    build(schema, draft, ctx, false)
}

/// [`to_json`] when `full`, else [`content`].
fn build(schema: &FormSchema, draft: &Draft, ctx: &Context, full: bool) -> Map<String, Value> {
    let mut answers = Map::new();
    for page in &schema.pages {
        for q in &page.questions {
            let Some(a) = schema.visible_answer(&q.id, &draft.answers, ctx) else {
                continue;
            };
            insert_path(&mut answers, &q.id, value(&q.kind, a));
        }
    }
    let warnings: Vec<Value> = if !full {
        Vec::new()
    } else {
        validate(schema, &draft.answers, ctx)
            .issues
            .iter()
            .filter(|i| i.severity != Severity::Error)
            .map(|i| {
                texts(&[
                    ("rule_id", &i.rule_id.to_string()),
                    ("section", &i.section),
                    ("field", &i.path),
                    ("message", &i.message),
                ])
            })
            .collect()
    };
    let audit: Vec<Value> = draft
        .audit
        .iter()
        .map(|e| {
            texts(&[
                ("at", &e.at),
                ("field", &e.field),
                ("by", &e.by),
                ("value", &e.value),
            ])
        })
        .collect();
    let pages: Vec<Value> = draft
        .completed_pages
        .iter()
        .map(|p| Value::from(p.as_str()))
        .collect();
    // Built field by field, each value moved in (`json!` would serialise a copy of each).
    let mut form = Map::new();
    form.insert("id".into(), Value::from(schema.id.as_str()));
    form.insert("version".into(), Value::from(schema.version));
    if full {
        form.insert("title".into(), Value::from(schema.title.as_str()));
    }
    let status = match draft.status {
        DraftStatus::InProgress => "in-progress",
        DraftStatus::Finished => "finished",
    };
    let f = draft.finished.as_ref();
    let mut record = Map::new();
    for (k, v) in [
        ("format", Value::from(FORMAT)),
        ("format_version", Value::from(FORMAT_VERSION)),
        ("protective_marking", Value::from(ctx.marking)),
        ("form", Value::Object(form)),
        ("record_id", Value::from(draft.id.as_str())),
        ("status", Value::from(status)),
        ("started_at", Value::from(draft.created_at.as_str())),
        ("reference", Value::from(f.map(|f| f.reference.as_str()))),
        ("finished_on", Value::from(f.map(|f| f.on.to_string()))),
        ("finished_at", Value::from(f.map(|f| f.at.as_str()))),
        ("answers", Value::Object(answers)),
        ("warnings", Value::Array(warnings)),
        ("completed_pages", Value::Array(pages)),
        ("audit", Value::Array(audit)),
    ] {
        let constant = matches!(
            k,
            "format" | "format_version" | "protective_marking" | "warnings"
        );
        if full || !constant {
            record.insert(k.into(), v);
        }
    }
    // A marked copy says what it copies and why (issue 16); other records have no such field.
    if let Some(c) = &draft.copy_of {
        record.insert(COPY_OF.into(), Value::from(c.as_str()));
    }
    // The fields of its form's own (`FormDef::extra_fields`): the answers a record holds that
    // are not questions of its form, each as a field of its own (as stored, or null), and a
    // summary worked out from the answers (a Gateway Assessment's Gateway Decision, for the
    // FIMU: PGA-11, INT-1), when exported whole.
    for extra in schema.def.extra_fields() {
        match extra {
            ExtraField::Answer { field, answer, .. } => {
                let v = draft.answers.filled(answer).and_then(Answer::as_text);
                record.insert((*field).into(), Value::from(v));
            }
            ExtraField::Summary { field, build, .. } => {
                if full {
                    record.insert((*field).into(), build(schema, &draft.answers, ctx));
                }
            }
        }
    }
    record
}

/// The field of a marked copy's export that says what it copies and why (`Draft::copy_of`, a
/// text); only a copy has it (issue 16).
pub const COPY_OF: &str = "copy_of";

/// The fields every record export has, whatever its form.
pub const RECORD_FIELDS: [&str; 14] = [
    "format",
    "format_version",
    "protective_marking",
    "form",
    "record_id",
    "status",
    "started_at",
    "reference",
    "finished_on",
    "finished_at",
    "answers",
    "warnings",
    "completed_pages",
    "audit",
];

/// The fields a record export of this form has beyond [`RECORD_FIELDS`], its form's own
/// (`FormDef::extra_fields`; docs/decisions/0004-import.md).
pub fn form_fields(schema: &FormSchema) -> Vec<&'static str> {
    schema
        .def
        .extra_fields()
        .iter()
        .map(ExtraField::field)
        .collect()
}

/// An object of texts, built field by field.
fn texts(fields: &[(&str, &String)]) -> Value {
    let mut out = Map::new();
    for (k, v) in fields {
        out.insert((*k).to_string(), Value::from(v.as_str()));
    }
    Value::Object(out)
}

/// The record as pretty-printed JSON text.
pub fn to_json_string(schema: &FormSchema, draft: &Draft, ctx: &Context) -> String {
    serde_json::to_string_pretty(&to_json(schema, draft, ctx)).unwrap_or_default()
}

/// A download file name that carries the reference but no personal data; a training record's
/// (marked [`crate::TRAINING_MARKING`]) starts "TRAINING-" (issue 7).
pub fn file_name(draft: &Draft, marking: &str) -> String {
    let name = record_file_name(draft);
    if marking == crate::TRAINING_MARKING {
        format!("TRAINING-{name}")
    } else {
        name
    }
}

fn record_file_name(draft: &Draft) -> String {
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
/// that it cannot drift from what is exported. Published in `static/schemas/` (one file per
/// form, [`schema_file_name`]; `scripts/gen-schemas` writes them) and, for the referral, in
/// `docs/schemas/`.
///
/// It describes every export, a draft's as well as a final record's: a draft may hold a date
/// that is not (yet) a real date (exported as its three boxes), a number that is not a whole
/// number, or a text over its limit. When `status` is `finished`, the form's own rules held
/// when it was finished, so the schema then also requires what they guarantee: real dates,
/// whole numbers in range, texts within their limits, a reference and the finish date.
pub fn json_schema(schema: &FormSchema) -> Value {
    let mut answers = Map::new();
    let mut finished = Map::new();
    for page in &schema.pages {
        for q in &page.questions {
            let has = |check: fn(&crate::form::Check) -> bool| {
                schema
                    .rules
                    .iter()
                    .any(|r| r.field == q.id && check(&r.check))
            };
            let (mut t, strict) = match &q.kind {
                QuestionKind::Text { .. } => (json!({"type": "string"}), None),
                QuestionKind::Number { min, max } => (
                    json!({"type": ["integer", "string"]}),
                    has(|c| matches!(c, crate::form::Check::NumberInRange))
                        .then(|| json!({"type": "integer", "minimum": min, "maximum": max})),
                ),
                QuestionKind::TextArea {
                    max_chars: Some(n), ..
                } => (
                    json!({"type": "string"}),
                    Some(json!({"type": "string", "maxLength": n})),
                ),
                QuestionKind::TextArea {
                    max_chars: None, ..
                } => (json!({"type": "string"}), None),
                QuestionKind::Radios { choices, .. } | QuestionKind::Select { choices } => (
                    json!({"enum": choices.iter().map(|c| c.value.clone()).collect::<Vec<_>>()}),
                    None,
                ),
                QuestionKind::Checkboxes { choices } => (
                    json!({
                        "type": "array",
                        "uniqueItems": true,
                        "items": {"enum": choices.iter().map(|c| c.value.clone()).collect::<Vec<_>>()},
                    }),
                    None,
                ),
                QuestionKind::Date => (
                    json!({"anyOf": [iso_date(), {"$ref": "#/$defs/date_parts"}]}),
                    has(|c| matches!(c, crate::form::Check::RealDate)).then(iso_date),
                ),
            };
            t["description"] = Value::from(q.label.clone());
            insert_schema_path(&mut answers, &q.id, t);
            if let Some(s) = strict {
                insert_sparse_path(&mut finished, &q.id, s);
            }
        }
    }
    let nullable = |t: &str| json!({"type": [t, "null"]});
    let timestamp = || json!({"type": "string", "format": "date-time"});
    let mut required = RECORD_FIELDS.to_vec();
    // A field added to a form in use is not required: files made before it lack it.
    required.extend(
        schema
            .def
            .extra_fields()
            .iter()
            .filter(|e| !e.optional())
            .map(|e| e.field()),
    );
    let mut out = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": format!("urn:prevent-toolkit:record:{}:v{}", schema.id, FORMAT_VERSION),
        "title": format!("{} record (format_version {FORMAT_VERSION}, form version {})", schema.title, schema.version),
        "description": "Export of the Prevent Case Toolkit. Answer names are the form's stable question ids; only questions shown for the answers given are present. Every record has its pages passed (completed_pages) and its audit trail (audit). Some forms have fields of their own, absent from the others: gateway_decision (a Gateway Assessment), dif_framework (every officers' form), subject_type (a PLP entry), case_id (a PLP reassessment, closure, panel or FIMU submission, or an S.36 decision) and band_at_closure (a PLP closure). Marked OFFICIAL-SENSITIVE.",
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "format": {"const": FORMAT},
            "format_version": {"const": FORMAT_VERSION},
            "protective_marking": {"const": PROTECTIVE_MARKING},
            "form": {
                "type": "object",
                "additionalProperties": false,
                "properties": {"id": {"const": schema.id}, "version": {"const": schema.version}, "title": {"type": "string"}},
                "required": ["id", "version", "title"],
            },
            "record_id": {
                "type": "string",
                "description": "The record's random id (a version 4 UUID, lower case).",
                "pattern": RECORD_ID_PATTERN,
            },
            "status": {"enum": ["in-progress", "finished"]},
            "started_at": timestamp(),
            "reference": nullable("string"),
            "finished_on": {"type": ["string", "null"], "format": "date"},
            "finished_at": {"type": ["string", "null"], "format": "date-time"},
            "answers": answers_object(answers),
            "completed_pages": {
                "type": "array",
                "description": "The pages the user passed with Continue (and no errors), by page id, as stored (sorted by id). They decide what the task list shows as done and where the record resumes.",
                "uniqueItems": true,
                "items": {"enum": schema.pages.iter().map(|p| p.id.clone()).collect::<Vec<_>>()},
            },
            "audit": audit_schema(),
            "warnings": {
                "type": "array",
                "description": "The policy warnings the answers raise (for example REF-3), computed when exported.",
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["rule_id", "section", "field", "message"],
                    "properties": {
                        "rule_id": {"type": "string"},
                        "section": {"type": "string"},
                        "field": {"type": "string"},
                        "message": {"type": "string"},
                    },
                },
            },
            "copy_of": {
                "type": "string",
                "description": "Only on a marked copy: a record imported as a copy of a final record that it may not stand for (an altered copy of a deleted final record, or another version of a final Gateway Assessment): which record it copies (its reference and record id) and why it is only a copy, as shown on its pages. Absent from every other record.",
                "minLength": 1,
            },
        },
        "if": {"properties": {"status": {"const": "finished"}}, "required": ["status"]},
        "then": {
            "description": "A finished record: its reference and finish date are set, and its answers met the form's rules.",
            "properties": {
                "reference": {"type": "string", "pattern": "^[A-Z0-9-]+-[0-9]{8}-[0-9A-F]{8}$"},
                "finished_on": iso_date(),
                "finished_at": timestamp(),
                "answers": {"properties": finished},
            },
        },
        "else": {
            "description": "A record in progress: no reference or finish date yet.",
            "properties": {
                "reference": {"type": "null"},
                "finished_on": {"type": "null"},
                "finished_at": {"type": "null"},
            },
        },
        "$defs": {
            "date_parts": {
                "description": "A date as typed into its three boxes, when it is not a real date (only in a record that is not finished).",
                "type": "object",
                "additionalProperties": false,
                "required": ["day", "month", "year"],
                "properties": {
                    "day": {"type": "string"},
                    "month": {"type": "string"},
                    "year": {"type": "string"},
                },
            },
        },
    });
    // The fields of its form's own (`form_fields`).
    for extra in schema.def.extra_fields() {
        out["properties"][extra.field()] =
            crate::publish::field_schema(extra.field()).unwrap_or(Value::Null);
    }
    out["required"] = json!(required);
    out
}

/// Pattern of a record id as the app makes them (a version 4 UUID in lower case).
pub const RECORD_ID_PATTERN: &str =
    "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$";

fn iso_date() -> Value {
    json!({"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"})
}

/// The schema of a record's audit trail.
fn audit_schema() -> Value {
    json!({
        "description": "Who entered what and when, oldest first (DESIGN.md, Records). Consecutive changes to one field by the same person are one entry, with the latest time and value.",
        "type": "array",
        "items": {
            "type": "object",
            "additionalProperties": false,
            "required": ["at", "field", "by", "value"],
            "properties": {
                "at": {"type": "string", "format": "date-time"},
                "field": {
                    "type": "string",
                    "description": "The id of the answer changed (a question id of the form when it was made), or \"status\" when the record was finished.",
                    "pattern": "^[a-z0-9_.-]+$",
                    "maxLength": 200,
                },
                "by": {"type": "string", "description": "Who, as entered in the record.", "pattern": "\\S"},
                "value": {"type": "string", "description": "The new value as text (a date as day/month/year as typed, options joined by \", \")."},
            },
        },
    })
}

/// The file name a form's JSON Schema is published under in `static/schemas/`:
/// `<form id>-record-v<form version>.schema.json`.
pub fn schema_file_name(schema: &FormSchema) -> String {
    format!("{}-record-v{}.schema.json", schema.id, schema.version)
}

/// Name of the format of a file holding several records (a selection): see
/// [`selection_to_json`] and docs/decisions/0004-import.md.
pub const SELECTION_FORMAT: &str = "prevent-toolkit/records";

/// File name of the JSON Schema of a selection, published beside the records' schemas.
pub fn selection_schema_file_name() -> String {
    format!("records-v{FORMAT_VERSION}.schema.json")
}

/// Several records in one file: `{"format": "prevent-toolkit/records", "format_version": 1,
/// "protective_marking": "OFFICIAL-SENSITIVE", "records": [...]}`, each item exactly the
/// record's own export ([`to_json`]), in the order given.
pub fn selection_to_json(records: &[(&FormSchema, &Draft)], ctx: &Context) -> Value {
    json!({
        "format": SELECTION_FORMAT,
        "format_version": FORMAT_VERSION,
        "protective_marking": ctx.marking,
        "records": records.iter().map(|(s, d)| to_json(s, d, ctx)).collect::<Vec<_>>(),
    })
}

/// The field of a selection that marks it as a package (TRF-1: `"package": "transfer"`, a
/// case's transfer to another force, docs/decisions/0019-transfers.md): absent from an ordinary
/// selection. An import of a package needs its maker (a record whose form
/// `FormDef::makes_package`) and refuses the file whole when the package is not whole.
pub const PACKAGE_FIELD: &str = "package";

/// The one kind of package: a transfer of a case to another force (TRF-1).
pub const TRANSFER_PACKAGE: &str = "transfer";

/// A selection marked as a package ([`PACKAGE_FIELD`]) as pretty-printed JSON text.
pub fn package_to_json_string(records: &[(&FormSchema, &Draft)], ctx: &Context) -> String {
    let mut v = selection_to_json(records, ctx);
    if let Value::Object(m) = &mut v {
        m.insert(PACKAGE_FIELD.into(), Value::from(TRANSFER_PACKAGE));
    }
    serde_json::to_string_pretty(&v).unwrap_or_default()
}

/// A selection as pretty-printed JSON text.
pub fn selection_to_json_string(records: &[(&FormSchema, &Draft)], ctx: &Context) -> String {
    serde_json::to_string_pretty(&selection_to_json(records, ctx)).unwrap_or_default()
}

/// The JSON Schema of a selection: each record must match the schema of its form, referred to
/// by its `$id` (`urn:prevent-toolkit:record:<form id>:v1`).
pub fn selection_json_schema(forms: &[&FormSchema]) -> Value {
    let refs: Vec<Value> = forms
        .iter()
        .map(
            |s| json!({"$ref": format!("urn:prevent-toolkit:record:{}:v{}", s.id, FORMAT_VERSION)}),
        )
        .collect();
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": format!("urn:prevent-toolkit:records:v{FORMAT_VERSION}"),
        "title": format!("A selection of Prevent Case Toolkit records (format_version {FORMAT_VERSION})"),
        "description": "Several records in one file, each exactly as its own export and valid against its form's schema (published beside this one). Marked OFFICIAL-SENSITIVE.",
        "type": "object",
        "additionalProperties": false,
        "required": ["format", "format_version", "protective_marking", "records"],
        "properties": {
            "format": {"const": SELECTION_FORMAT},
            "format_version": {"const": FORMAT_VERSION},
            "protective_marking": {"const": PROTECTIVE_MARKING},
            "records": {"type": "array", "minItems": 1, "items": {"anyOf": refs}},
            "package": {"const": TRANSFER_PACKAGE, "description": "Present only on a transfer package (TRF-1, s13): the case, every record linked to it and its final transfer to another force."},
        },
    })
}

/// A level of nested answer properties as a closed JSON Schema object.
fn answers_object(props: Map<String, Value>) -> Value {
    json!({"type": "object", "additionalProperties": false, "properties": props})
}

/// Adds `v` at `path` in a tree of bare `{"properties": ...}` levels (the finished-record
/// constraints, which tighten the full answers schema).
fn insert_sparse_path(map: &mut Map<String, Value>, path: &str, v: Value) {
    match path.split_once('.') {
        None => {
            map.insert(path.to_string(), v);
        }
        Some((head, rest)) => {
            let entry = map
                .entry(head.to_string())
                .or_insert_with(|| json!({"properties": {}}));
            if let Some(Value::Object(inner)) = entry.get_mut("properties") {
                insert_sparse_path(inner, rest, v);
            }
        }
    }
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
