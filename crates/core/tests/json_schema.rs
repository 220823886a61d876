//! The published JSON Schemas of the records (DESIGN.md, Records: "Export: JSON (one schema
//! version per record, a published JSON Schema)"; REC-1 in docs/decisions/0004-import.md).
//!
//! The files under `static/schemas/` must be exactly what the code generates
//! (`bash scripts/gen-schemas` writes them, as does `UPDATE_SCHEMAS=1` with this test), and
//! real exports of every form, a finished one with its audit trail and a half-filled draft,
//! must validate against them with an independent validator (the `jsonschema` crate, with
//! formats asserted).

#[path = "fixtures/import/records.rs"]
mod records;

use prevent_core::export;
use prevent_core::form::FormSchema;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every file of `static/schemas/`, as generated: one per form, the selection's, and the
/// deployment settings' (issue 20).
fn generated() -> Vec<(String, String)> {
    let forms = records::forms();
    let mut out: Vec<(String, String)> = forms
        .iter()
        .map(|s| (export::schema_file_name(s), pretty(&export::json_schema(s))))
        .collect();
    let refs: Vec<&FormSchema> = forms.iter().collect();
    out.push((
        export::selection_schema_file_name(),
        pretty(&export::selection_json_schema(&refs)),
    ));
    out.push((
        "deployment-v1.schema.json".into(),
        pretty(&prevent_core::deployment::json_schema()),
    ));
    out
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap() + "\n"
}

/// The published schema of a form, read from `static/schemas/`.
fn published(file: &str) -> Value {
    let path = root().join("static/schemas").join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; run `bash scripts/gen-schemas`", path.display()));
    serde_json::from_str(&text).unwrap()
}

fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(schema)
        .expect("the schema compiles")
}

fn errors(v: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn rec_1_the_published_schemas_are_what_the_forms_generate() {
    let dir = root().join("static/schemas");
    let docs = root().join("docs/schemas/nrf-record-v1.schema.json");
    let files = generated();
    if std::env::var("UPDATE_SCHEMAS").as_deref() == Ok("1") {
        std::fs::create_dir_all(&dir).unwrap();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            if p.to_string_lossy().ends_with(".schema.json") {
                std::fs::remove_file(p).unwrap();
            }
        }
        for (name, text) in &files {
            std::fs::write(dir.join(name), text).unwrap();
        }
        // The referral's schema is also linked from the README at its first address.
        std::fs::write(
            &docs,
            pretty(&export::json_schema(&prevent_core::nrf::schema())),
        )
        .unwrap();
        return;
    }
    for (name, text) in &files {
        let on_disk = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        assert!(
            &on_disk == text,
            "static/schemas/{name} is not what the form generates: run `bash scripts/gen-schemas`"
        );
    }
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut want: Vec<String> = files.iter().map(|(n, _)| n.clone()).collect();
    want.sort();
    assert_eq!(
        names, want,
        "static/schemas holds a file no form generates: run `bash scripts/gen-schemas`"
    );
    assert_eq!(
        std::fs::read_to_string(&docs).unwrap(),
        pretty(&export::json_schema(&prevent_core::nrf::schema())),
        "docs/schemas/nrf-record-v1.schema.json is out of date: run `bash scripts/gen-schemas`"
    );
}

#[test]
fn rec_1_every_published_schema_is_a_valid_json_schema_2020_12() {
    for (name, _) in generated() {
        let s = published(&name);
        assert!(
            jsonschema::draft202012::meta::is_valid(&s),
            "{name} is not a valid draft 2020-12 schema"
        );
        assert_eq!(
            s["$schema"],
            json!("https://json-schema.org/draft/2020-12/schema")
        );
    }
}

/// Exports of every sample of `form` validate against its published schema.
fn exports_validate(form: &str) {
    let schema = records::form(form);
    let v = validator(&published(&export::schema_file_name(&schema)));
    let samples: Vec<records::Sample> = records::samples()
        .into_iter()
        .filter(|s| s.form == form)
        .collect();
    assert_eq!(samples.len(), 2, "a finished and a half-filled {form}");
    for sample in samples {
        let out = export::to_json(&schema, &sample.draft, &records::ctx());
        assert_eq!(errors(&v, &out), Vec::<String>::new(), "{}", sample.name);
    }
}

#[test]
fn rec_1_every_nrf_export_validates_against_its_published_schema() {
    exports_validate("nrf");
}

#[test]
fn rec_1_every_schema_describes_and_requires_the_fields_of_its_form() {
    for form in records::forms() {
        let s = published(&export::schema_file_name(&form));
        let mut fields: Vec<&str> = export::RECORD_FIELDS.to_vec();
        fields.extend(export::form_fields(&form));
        let want: &[&str] = match form.id.as_str() {
            "nrf" => &[],
            "pga" => &["gateway_decision", "dif_framework", "referral_id"],
            "plp" => &["dif_framework", "subject_type"],
            "pga-s36" | "pcm-closure" => &["case_id"],
            "plp-closure" => &["dif_framework", "case_id", "band_at_closure"],
            _ => &["dif_framework", "case_id"],
        };
        assert_eq!(export::form_fields(&form), want, "{}", form.id);
        // Every field is required but the PGA's referral_id, added to a form in use: a file
        // made before it lacks it (decision 0022).
        let required: Vec<&str> = fields
            .iter()
            .copied()
            .filter(|f| *f != "referral_id")
            .collect();
        assert_eq!(s["required"], json!(required), "{}", form.id);
        // And `copy_of`, only on a marked copy (issue 16), so not required.
        let props = s["properties"].as_object().unwrap();
        assert_eq!(props.len(), fields.len() + 1, "{}", form.id);
        for f in ["completed_pages", "audit", "copy_of"].iter().chain(want) {
            assert!(
                props[*f]["description"].is_string(),
                "{}: {f} is described",
                form.id
            );
        }
        // The pages passed are the form's own page ids.
        let pages: Vec<&str> = form.pages.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(props["completed_pages"]["items"]["enum"], json!(pages));
    }
}

#[test]
fn rec_1_every_pga_export_validates_against_its_published_schema() {
    exports_validate("pga");
    // The final one carries its Gateway Decision and its audit trail, and the schema
    // describes both.
    let s = published("pga-record-v1.schema.json");
    for block in ["gateway_decision", "audit", "dif_framework"] {
        assert!(s["required"].as_array().unwrap().contains(&json!(block)));
        assert!(s["properties"][block]["description"].is_string());
    }
    let final_pga = records::samples()
        .into_iter()
        .find(|s| s.name == "final Gateway Assessment")
        .unwrap();
    let out = export::to_json(&records::form("pga"), &final_pga.draft, &records::ctx());
    let audit = out["audit"].as_array().unwrap();
    assert!(audit.len() > 40, "{}", audit.len());
    assert_eq!(audit.last().unwrap()["field"], json!("status"));
    assert_eq!(
        out["gateway_decision"]["dif_framework"],
        json!("ctp-default version 1")
    );
    assert_eq!(
        out["dif_framework"],
        out["gateway_decision"]["dif_framework"]
    );
}

#[test]
fn rec_1_every_plp_export_validates_against_its_published_schema() {
    for form in [
        "plp",
        "plp-review",
        "plp-closure",
        "plp-panel",
        "plp-fimu",
        "plp-transfer",
    ] {
        exports_validate(form);
    }
}

#[test]
fn rec_1_a_selection_validates_against_the_published_selection_schema() {
    let forms = records::forms();
    let mut registry = jsonschema::Registry::new();
    for s in &forms {
        let doc = published(&export::schema_file_name(s));
        let id = doc["$id"].as_str().unwrap().to_string();
        registry = registry.add(id, doc).unwrap();
    }
    let registry = registry.prepare().unwrap();
    let v = jsonschema::options()
        .should_validate_formats(true)
        .with_registry(&registry)
        .build(&published(&export::selection_schema_file_name()))
        .unwrap();
    let samples = records::samples();
    let pairs: Vec<(&FormSchema, &prevent_core::Draft)> = samples
        .iter()
        .map(|s| (forms.iter().find(|f| f.id == s.form).unwrap(), &s.draft))
        .collect();
    let sel = export::selection_to_json(&pairs, &records::ctx());
    assert_eq!(errors(&v, &sel), Vec::<String>::new());
    // One bad record makes the selection invalid.
    let mut bad = sel.clone();
    bad["records"][3]["answers"]["case"]["subject"] = json!("spaceship");
    assert!(!v.is_valid(&bad));
    assert!(!v.is_valid(&json!({"format": "prevent-toolkit/records", "format_version": 1, "protective_marking": "OFFICIAL-SENSITIVE", "records": []})));
    // TRF-1: a transfer package is a selection marked as one, of no other kind.
    let package: serde_json::Value =
        serde_json::from_str(&export::package_to_json_string(&pairs, &records::ctx())).unwrap();
    assert_eq!(package["package"], json!("transfer"));
    assert_eq!(errors(&v, &package), Vec::<String>::new());
    let mut other = package.clone();
    other["package"] = json!("backup");
    assert!(!v.is_valid(&other));
}

#[test]
fn rec_1_the_schemas_refuse_what_exports_never_hold() {
    let ctx = records::ctx();
    let samples = records::samples();
    let get = |name: &str| samples.iter().find(|s| s.name == name).unwrap();
    let nrf = records::form("nrf");
    let v = validator(&published("nrf-record-v1.schema.json"));
    let done = export::to_json(&nrf, &get("finished referral").draft, &ctx);
    let half = export::to_json(&nrf, &get("half-filled referral").draft, &ctx);
    assert!(v.is_valid(&done) && v.is_valid(&half));
    // The draft holds a date that is not real, exported as its boxes: valid while in progress,
    // not once finished.
    assert_eq!(
        half["answers"]["subject"]["dob"],
        json!({"day": "31", "month": "2", "year": "2010"})
    );
    let mut finished_with_boxes = done.clone();
    finished_with_boxes["answers"]["subject"]["dob"] =
        json!({"day": "31", "month": "2", "year": "2010"});
    assert!(!v.is_valid(&finished_with_boxes));
    // A text over its limit, or a number typed as words: only in a draft.
    let mut long = done.clone();
    long["answers"]["concerns"]["description"] = json!("x".repeat(10_001));
    assert!(!v.is_valid(&long));
    let mut words = done.clone();
    words["answers"]["subject"]["age"] = json!("about fifteen");
    assert!(!v.is_valid(&words));
    // Not a real date at all, a field no form has, an option the question does not offer.
    let cases: [(&str, Value); 7] = [
        ("/answers/subject/dob", json!("2010-02-31")),
        ("/answers/subject/nickname", json!("x")),
        ("/answers/subject/type", json!("spaceship")),
        ("/record_id", json!("not-a-uuid")),
        ("/started_at", json!("yesterday")),
        ("/reference", json!(null)),
        ("/extra", json!(1)),
    ];
    for (pointer, value) in cases {
        let mut bad = done.clone();
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        bad.pointer_mut(if parent.is_empty() { "" } else { parent })
            .unwrap()
            .as_object_mut()
            .unwrap()
            .insert(key.into(), value);
        assert!(!v.is_valid(&bad), "{pointer} should be refused");
    }
    // In progress with a reference: refused.
    let mut early = half.clone();
    early["reference"] = done["reference"].clone();
    assert!(!v.is_valid(&early));
    // A PGA without its audit trail: refused.
    let pga = records::form("pga");
    let pv = validator(&published("pga-record-v1.schema.json"));
    let mut out = export::to_json(&pga, &get("final Gateway Assessment").draft, &ctx);
    assert!(pv.is_valid(&out));
    out.as_object_mut().unwrap().remove("audit");
    assert!(!pv.is_valid(&out));
    // Pages passed that are not the form's, or twice; audit entries that are not entries.
    let bad_parts: [(&str, Value); 6] = [
        ("/completed_pages", json!(["case"])),
        (
            "/completed_pages",
            json!(["referral-or-advice", "referral-or-advice"]),
        ),
        (
            "/audit",
            json!([{"at": "2027-06-01T09:00:00Z", "field": "status", "by": "Sam"}]),
        ),
        (
            "/audit",
            json!([{"at": "yesterday", "field": "status", "by": "Sam", "value": ""}]),
        ),
        (
            "/audit",
            json!([{"at": "2027-06-01T09:00:00Z", "field": "Status", "by": "Sam", "value": ""}]),
        ),
        ("/case_id", json!(null)),
    ];
    for (pointer, value) in bad_parts {
        let mut bad = half.clone();
        bad[&pointer[1..]] = value;
        assert!(
            !v.is_valid(&bad),
            "{pointer} {} should be refused",
            bad[&pointer[1..]]
        );
    }
    // A linked record's case is a record id (or null); a PLP entry's subject type one of the
    // PGA's; a framework its name and version.
    let closure = records::form("plp-closure");
    let cv = validator(&published("plp-closure-record-v1.schema.json"));
    let out = export::to_json(&closure, &get("PLP closure").draft, &ctx);
    assert!(cv.is_valid(&out));
    for (field, value, ok) in [
        ("case_id", json!(null), true),
        ("case_id", json!("case-1"), false),
        ("dif_framework", json!(null), true),
        ("dif_framework", json!("latest"), false),
        ("dif_framework", json!(1), false),
    ] {
        let mut o = out.clone();
        o[field] = value;
        assert_eq!(cv.is_valid(&o), ok, "{field}: {}", o[field]);
    }
    let plp = records::form("plp");
    let lv = validator(&published("plp-record-v1.schema.json"));
    let out = export::to_json(&plp, &get("half-filled PLP entry").draft, &ctx);
    assert_eq!(out["subject_type"], json!("individual"));
    assert!(lv.is_valid(&out));
    for (value, ok) in [(json!(null), true), (json!("spaceship"), false)] {
        let mut o = out.clone();
        o["subject_type"] = value;
        assert_eq!(lv.is_valid(&o), ok);
    }
}

#[test]
fn sec_4_rec_1_a_marked_copy_validates_and_its_mark_is_described() {
    // Issue 16: a record imported as a marked copy carries `copy_of` in its export.
    let samples = records::samples();
    let mut d = samples
        .iter()
        .find(|s| s.name == "half-filled Gateway Assessment")
        .unwrap()
        .draft
        .clone();
    d.copy_of = Some("This is a marked copy of PGA-20270701-1B9D6BCD (record 1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed), not that record: that Gateway Assessment was already final where this was imported, and this differs from it: a case has only one (PGA-10, s8).".into());
    let pga = records::form("pga");
    let v = validator(&published("pga-record-v1.schema.json"));
    let out = export::to_json(&pga, &d, &records::ctx());
    assert_eq!(errors(&v, &out), Vec::<String>::new());
    for wrong in [
        json!({"id": "1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed"}),
        json!(""),
        json!(null),
    ] {
        let mut bad = out.clone();
        bad["copy_of"] = wrong;
        assert!(!v.is_valid(&bad));
    }
}

#[test]
fn rec_1_every_field_of_a_form_s_own_is_described_by_a_schema_that_reads() {
    // Each form's own export fields (`FormDef::extra_fields`) carry their JSON Schema as text:
    // a text that did not read would publish `null` for the field.
    let mut seen = 0;
    for form in records::forms() {
        for extra in form.def.extra_fields() {
            let s = prevent_core::publish::field_schema(extra.field()).unwrap_or_default();
            assert!(
                s.get("description").and_then(|d| d.as_str()).is_some(),
                "{} of {}: {s}",
                extra.field(),
                form.id
            );
            seen += 1;
        }
    }
    // gateway_decision, and dif_framework with subject_type or case_id on each officers' form
    // (the PLP entry, and its reassessment, closure, panel, submission and transfer); an S.36
    // decision's case_id; a closure's band_at_closure (PLP-12); a closure outside PLP's case_id,
    // and a closed-case review's dif_framework and case_id (REV-1); a Gateway Assessment's
    // referral_id (issue 20, the referral it was started from).
    assert_eq!(seen, 2 + 2 + 5 * 2 + 1 + 1 + 1 + 2 + 1);
}
