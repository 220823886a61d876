//! The published JSON Schemas' pieces that belong to one form (issue 17): the schema of each
//! export field a form has of its own (`form_def::ExtraField`), by field name. Only
//! `export::json_schema` reads them, and only the native tests and `examples/json_schema.rs`
//! call that (to write and check `static/schemas/`): the apps never name this module, so they
//! do not download these texts.

use serde_json::Value;

/// Each field's JSON Schema, as JSON text.
const FIELD_SCHEMAS: [(&str, &str); 6] = [
    (
        "gateway_decision",
        r#"{"additionalProperties":false,"description":"The Gateway Decision summary for the FIMU (PGA-11, INT-1), computed from the answers.","properties":{"case_reference":{"description":"The case reference, as entered.","type":"string"},"decision":{"description":"The Gateway Decision, as shown.","type":["string","null"]},"dif_framework":{"description":"The DIF framework the assessment was made with (\"id version N\").","type":["string","null"]},"factors_absent":{"description":"How many factors were recorded absent.","minimum":0,"type":"integer"},"factors_present":{"description":"The DIF factors found present, by section.","items":{"additionalProperties":false,"properties":{"factors":{"items":{"type":"string"},"type":"array"},"section":{"type":"string"}},"required":["section","factors"],"type":"object"},"type":"array"},"factors_unknown":{"description":"How many factors are unknown or not yet recorded.","minimum":0,"type":"integer"},"fimu_submission_required":{"description":"Whether the decision goes to the FIMU (PGA-11).","type":["boolean","null"]},"rationale":{"description":"Its rationale.","type":"string"},"risk_direction":{"description":"Escalating, de-escalating or static.","type":["string","null"]},"supervised_by":{"description":"The supervisor and the sign-off date, as entered.","type":["string","null"]}},"required":["case_reference","decision","rationale","risk_direction","fimu_submission_required","factors_present","factors_absent","factors_unknown","supervised_by","dif_framework"],"type":"object"}"#,
    ),
    (
        "dif_framework",
        r#"{"description":"The DIF framework the record was made with, as \"<framework id> version <n>\" (the hidden answer dif.framework, set when the record was started); null when none was recorded.","maxLength":200,"pattern":"^.*\\S.* version [0-9]{1,10}$","type":["string","null"]}"#,
    ),
    (
        "subject_type",
        r#"{"description":"Who or what the case is about, carried across from the Gateway Assessment it was started from (the hidden answer case.subject: the PGA's question of that id); null when it was started otherwise.","enum":["individual","institution","expression",null]}"#,
    ),
    (
        "band_at_closure",
        r#"{"description":"The case's priority band when its closure was started (the hidden answer plp.band_at_closure, carried from the case): a case closes from Monitored unless its closure code cannot wait (PLP-12, s12); null when it was not carried.","enum":["high","standard","monitored",null],"type":["string","null"]}"#,
    ),
    (
        "referral_id",
        r#"{"description":"The record id of the partner's referral (form nrf) this Gateway Assessment was started from, kept with the case, final and read-only (the hidden answer case.referral; docs/decisions/0022-referral-into-pga.md); null when it was started otherwise.","pattern":"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$","type":["string","null"]}"#,
    ),
    (
        "case_id",
        r#"{"description":"The record id of the case this record belongs to: the PLP case of a reassessment, panel, submission, closure or transfer, or the Gateway Assessment of an S.36 decision or of the closure of a case that never entered PLP, or the case (PLP case or Gateway Assessment) of a closed-case review (the hidden answer plp.case, set when it was started from that record's page); null when it is linked to none.","pattern":"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$","type":["string","null"]}"#,
    ),
];

/// The JSON Schema of a form's own export field, or `None` for a field it does not know.
pub fn field_schema(field: &str) -> Option<Value> {
    let (_, text) = FIELD_SCHEMAS.iter().find(|(f, _)| *f == field)?;
    serde_json::from_str(text).ok()
}
