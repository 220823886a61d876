//! Final means final, across import (issue 16, SEC-4; DESIGN.md "Security model": "A record
//! claiming to be final is re-checked on import against every rule that finalising applies; one
//! PGA per case holds across import; a deleted final record leaves a sealed tombstone so that an
//! altered copy cannot come back as the original"). docs/decisions/0004-import.md, "Final
//! records".
//!
//! - the forged files of issue 16's findings, and more, each refused with the rules it fails;
//! - genuine exports of every final record still import, also a year on;
//! - PGA-10 (s8): a second final Gateway Assessment for a case, here or in the file, is refused;
//!   another version of a final PGA here comes in only as a marked copy in progress;
//! - the content digest (`tombstone::digest`): a record and the import of its export agree;
//! - an identical copy is already here; a deleted final record comes back as it was, an altered
//!   one only as a marked copy.

#[path = "fixtures/import/records.rs"]
mod records;

use chrono::NaiveDate;
use prevent_core::export;
use prevent_core::form::{Context, FormSchema};
use prevent_core::import::{
    self, conflict, conflicts, parse, resolve, resolve_all, Conflict, ErrorKind, Held, Here,
    Imported, Resolution,
};
use prevent_core::tombstone::{self, Tombstone};
use prevent_core::{Draft, DraftStatus};
use serde_json::{json, Value};

fn forms() -> &'static [FormSchema] {
    static FORMS: std::sync::OnceLock<Vec<FormSchema>> = std::sync::OnceLock::new();
    FORMS.get_or_init(records::forms)
}

fn known() -> Vec<&'static FormSchema> {
    forms().iter().collect()
}

fn schema_of(form: &str) -> &'static FormSchema {
    forms().iter().find(|s| s.id == form).unwrap()
}

fn sample(name: &str) -> Draft {
    records::samples()
        .into_iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no sample {name}"))
        .draft
}

/// The export of `d` on the samples' day, as a JSON value.
fn export_value(d: &Draft) -> Value {
    export::to_json(schema_of(&d.form), d, &records::ctx())
}

fn import_on(v: &Value, ctx: &Context) -> Result<Imported, import::ImportError> {
    parse(v.to_string().as_bytes(), &known(), ctx)
}

fn import(v: &Value) -> Result<Imported, import::ImportError> {
    import_on(v, &records::ctx())
}

fn day(y: i32, m: u32, d: u32) -> Context {
    Context::on(NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

/// Removes the answer at `path` (`concerns.description`) from an export.
fn drop_answer(v: &mut Value, path: &str) {
    let (group, name) = path.split_once('.').unwrap();
    let answers = v["answers"].as_object_mut().unwrap();
    answers[group].as_object_mut().unwrap().remove(name);
    if answers[group].as_object().unwrap().is_empty() {
        answers.remove(group);
    }
}

fn set_answer(v: &mut Value, path: &str, to: Value) {
    let (group, name) = path.split_once('.').unwrap();
    v["answers"][group][name] = to;
}

/// What is here: `drafts` read (`Held::of`), and `tombstones`.
fn here(drafts: &[&Draft], tombstones: &[Tombstone]) -> Here {
    Here {
        records: drafts
            .iter()
            .map(|d| Held::of(d, schema_of(&d.form), true))
            .collect(),
        tombstones: tombstones.to_vec(),
    }
}

const NEW_ID: &str = "2c5ea4c0-4067-41fa-9d8c-8c2a5fa8d7e1";

// ---------------------------------------------------------------------------------------------
// A record that claims to be final meets every rule finalising applies, or the file is refused.

/// The rules named by a refusal: "Record n: REF claims to be final but fails A, B: ...".
fn failed_rules(e: &import::ImportError) -> Vec<String> {
    let text = e.to_string();
    let rules = text
        .split_once(" claims to be final but fails ")
        .and_then(|(_, rest)| rest.split_once(": "))
        .unwrap_or_else(|| panic!("not a refusal of a final record: {text}"))
        .0;
    rules.split(", ").map(String::from).collect()
}

#[test]
fn sec_4_finished_referral_without_declaration_is_refused_naming_ref_2() {
    // Issue 16's finding: a referral marked finished without its concerns or declaration.
    let d = sample("finished referral");
    let mut v = export_value(&d);
    drop_answer(&mut v, "concerns.description");
    drop_answer(&mut v, "declaration.confirm");
    let e = import(&v).unwrap_err();
    assert_eq!(e.kind, ErrorKind::NotFinal);
    assert_eq!(e.record, Some(1));
    assert_eq!(failed_rules(&e), ["REF-2", "REF-1"]);
    assert_eq!(
        e.to_string(),
        "Record 1: NRF-20270701-3F2A9C1B claims to be final but fails REF-2, REF-1: Describe your concerns; Confirm the declaration to finish your referral. Import the file as the toolkit downloaded it"
    );
    // The hand-made file of issue 6's fixtures that was "final" with four answers is refused too.
    let forged = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/import/forged-finished-referral.json"),
    )
    .unwrap();
    let e = parse(&forged, &known(), &records::ctx()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::NotFinal);
    assert!(failed_rules(&e).contains(&"REF-1".to_string()), "{e}");
}

#[test]
fn sec_4_pga_10_pga_16_final_pga_with_its_decision_edited_and_supervisor_deleted_is_refused() {
    // Issue 16's finding: a final PGA exported, its decision edited and the supervisor's
    // answers deleted, imported as final ("Supervised by: Not given").
    let d = sample("final Gateway Assessment");
    let mut v = export_value(&d);
    set_answer(&mut v, "decision.outcome", json!("straight-to-plp"));
    v["answers"].as_object_mut().unwrap().remove("supervisor");
    let e = import(&v).unwrap_err();
    assert_eq!(e.kind, ErrorKind::NotFinal);
    assert_eq!(failed_rules(&e), ["PGA-10", "PGA-16"]);
    assert_eq!(
        e.to_string(),
        "Record 1: PGA-20270701-1B9D6BCD claims to be final but fails PGA-10, PGA-16: The decision must be supervised before it is final: record the supervisor; Select the supervisor's rank or grade; Select yes if the supervisor's rank is an acting rank (and 1 more). Import the file as the toolkit downloaded it"
    );
}

/// (what was forged, the record, the change to its export, the rules it then fails).
type Forgery = (
    &'static str,
    &'static str,
    fn(&mut Value),
    &'static [&'static str],
);

const FORGERIES: &[Forgery] = &[
    (
        "supervisor is the CTCO",
        "final Gateway Assessment",
        |v| set_answer(v, "supervisor.name", json!("jo case ")),
        &["PGA-16"],
    ),
    (
        "supervisor a constable",
        "final Gateway Assessment",
        |v| set_answer(v, "supervisor.rank", json!("constable")),
        &["PGA-16"],
    ),
    (
        "acting rank not approved",
        "final Gateway Assessment",
        |v| set_answer(v, "supervisor.acting", json!("yes")),
        &["PGA-16"],
    ),
    (
        "sign-off not approved",
        "final Gateway Assessment",
        |v| set_answer(v, "supervisor.approved", json!("no")),
        &["PGA-10"],
    ),
    (
        "referred to the LACC outside a Dovetail area",
        "final Gateway Assessment",
        |v| set_answer(v, "decision.outcome", json!("refer-to-lacc")),
        &["PGA-7"],
    ),
    (
        "closed without a belief of no concern",
        "final Gateway Assessment",
        |v| set_answer(v, "decision.outcome", json!("close")),
        &["PGA-9"],
    ),
    (
        "no declaration",
        "final Gateway Assessment",
        |v| drop_answer(v, "declaration.confirm"),
        &["PGA-10"],
    ),
    (
        "no de-confliction reference",
        "final Gateway Assessment",
        |v| drop_answer(v, "deconfliction.reference"),
        &["PGA-1"],
    ),
    (
        "a PLP entry without its supervisor's sign-off date",
        "PLP entry",
        |v| drop_answer(v, "supervisor.date"),
        &["PLP-5"],
    ),
    (
        "a reassessment without its confirmation",
        "PLP reassessment",
        |v| drop_answer(v, "declaration.confirm"),
        &["PLP-5"],
    ),
    (
        "a FIMU submission without its confirmation",
        "submission to the FIMU",
        |v| drop_answer(v, "declaration.confirm"),
        &["INT-1"],
    ),
    (
        "a referral without a way to contact the referrer",
        "finished referral",
        |v| drop_answer(v, "referrer.email"),
        &["REF-2"],
    ),
    (
        "concerns noticed after today",
        "finished referral",
        |v| set_answer(v, "concerns.noticed", json!("2027-07-02")),
        &["REF-4"],
    ),
    (
        "the finish not in its audit trail",
        "finished referral",
        |v| {
            v["audit"].as_array_mut().unwrap().pop();
        },
        &["SEC-4"],
    ),
    (
        "the finish not last in its audit trail",
        "final Gateway Assessment",
        |v| {
            let a = v["audit"].as_array_mut().unwrap();
            let last = a.pop().unwrap();
            a.insert(0, last);
        },
        &["SEC-4"],
    ),
    (
        "a finish time other than its audit trail's",
        "PLP panel",
        |v| v["finished_at"] = json!("2027-06-02T11:00:00Z"),
        &["SEC-4"],
    ),
];

#[test]
fn sec_4_each_forged_final_record_is_refused_naming_the_rules_it_fails() {
    let mut wrong = Vec::new();
    for (what, name, forge, rules) in FORGERIES {
        let d = sample(name);
        let mut v = export_value(&d);
        // Finished the day before today.
        v["finished_on"] = json!("2027-06-30");
        v["reference"] = json!(prevent_core::draft::reference(
            &d.form,
            &d.id,
            NaiveDate::from_ymd_opt(2027, 6, 30).unwrap()
        ));
        assert!(
            import(&v).is_ok(),
            "{what}: the record before it was forged imports"
        );
        forge(&mut v);
        let want = rules.to_vec();
        match import(&v) {
            Err(e) if e.kind == ErrorKind::NotFinal && failed_rules(&e) == want => {}
            Err(e) => wrong.push(format!("{what}: {e}")),
            Ok(_) => wrong.push(format!("{what}: imported")),
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn sec_4_a_record_finished_after_today_is_refused() {
    let d = sample("PLP panel");
    let mut v = export_value(&d);
    let tomorrow = NaiveDate::from_ymd_opt(2027, 7, 2).unwrap();
    v["finished_on"] = json!("2027-07-02");
    v["reference"] = json!(prevent_core::draft::reference(&d.form, &d.id, tomorrow));
    let e = import(&v).unwrap_err();
    assert_eq!(failed_rules(&e), ["SEC-4"]);
    assert!(e.to_string().contains("it was finished after today"), "{e}");
    // The next day it imports.
    assert!(import_on(&v, &day(2027, 7, 2)).is_ok());
}

#[test]
fn sec_4_a_record_in_progress_is_not_held_to_the_rules_of_a_final_one() {
    // A draft is expected to have errors (REC-2): only a record that claims to be final is
    // checked.
    let d = sample("finished referral");
    let mut v = export_value(&d);
    drop_answer(&mut v, "declaration.confirm");
    v["status"] = json!("in-progress");
    for k in ["reference", "finished_on", "finished_at"] {
        v[k] = Value::Null;
    }
    let got = import(&v).unwrap();
    assert!(got.records[0].report.has_errors());
    assert_eq!(got.records[0].draft.status, DraftStatus::InProgress);
}

#[test]
fn sec_4_genuine_exports_of_every_final_record_still_import_a_year_on() {
    // The referral's subject turns 18 on 3 April 2028: the question for a child's parents is
    // hidden then, so an export made after that day does not hold its answer. It was answered
    // when the referral was finished, and the import does not ask for it again.
    let mut finals = 0;
    for s in records::samples() {
        if s.draft.status != DraftStatus::Finished {
            continue;
        }
        finals += 1;
        let schema = schema_of(s.form);
        for ctx in [records::ctx(), day(2028, 7, 1)] {
            let text = export::to_json_string(schema, &s.draft, &ctx);
            let got = parse(text.as_bytes(), &known(), &ctx)
                .unwrap_or_else(|e| panic!("{} exported on {}: {e}", s.name, ctx.today));
            let d = &got.records[0].draft;
            assert!(d.is_locked(), "{}", s.name);
            // And it is the record here: the same digest.
            assert_eq!(
                tombstone::digest(d, schema),
                tombstone::digest(&s.draft, schema),
                "{} exported on {}",
                s.name,
                ctx.today
            );
        }
    }
    assert_eq!(finals, 8);
    let referral = sample("finished referral");
    assert!(referral.answers.text("info.parents_informed").is_some());
    let late = export::to_json(schema_of("nrf"), &referral, &day(2028, 7, 1));
    assert!(late["answers"]["info"].get("parents_informed").is_none());
}

// ---------------------------------------------------------------------------------------------
// The content digest and the tombstone.

#[test]
fn sec_4_the_digest_of_a_record_is_the_digest_of_the_import_of_its_export() {
    for s in records::samples() {
        let schema = schema_of(s.form);
        let mine = tombstone::digest(&s.draft, schema);
        assert_eq!(mine.len(), 64, "{}", s.name);
        assert!(mine
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
        let got = import(&export_value(&s.draft)).unwrap();
        assert_eq!(
            tombstone::digest(&got.records[0].draft, schema),
            mine,
            "{}",
            s.name
        );
    }
}

#[test]
fn sec_4_the_digest_changes_with_any_change_to_what_the_record_says() {
    let d = sample("final Gateway Assessment");
    let s = schema_of("pga");
    let mine = tombstone::digest(&d, s);
    type Change = (&'static str, fn(&mut Draft));
    let changes: &[Change] = &[
        ("an answer", |d| {
            d.answers.set(
                "decision.rationale",
                prevent_core::Answer::Text("Other reasons.".into()),
            )
        }),
        ("an answer added", |d| {
            d.answers.set(
                "supervisor.comments",
                prevent_core::Answer::Text("Agreed.".into()),
            )
        }),
        ("the audit trail", |d| d.audit[0].by = "Someone else".into()),
        ("the finish time", |d| {
            d.finished.as_mut().unwrap().at = "2027-06-02T10:31:00Z".into()
        }),
        ("the status", |d| d.status = DraftStatus::InProgress),
        ("the id", |d| d.id = NEW_ID.into()),
        ("a page passed", |d| {
            d.completed_pages.remove("supervision");
        }),
        ("the framework", |d| {
            d.answers.set(
                "dif.framework",
                prevent_core::Answer::Text("other version 2".into()),
            )
        }),
    ];
    for (what, change) in changes {
        let mut other = d.clone();
        change(&mut other);
        assert_ne!(tombstone::digest(&other, s), mine, "{what}");
    }
    // The spelling of an answer and an answer to a hidden question are not what it says.
    let mut same = d.clone();
    same.answers.set(
        "decision.rationale",
        prevent_core::Answer::Text("  The reasons for the decision, for the supervisor.  ".into()),
    );
    same.answers.set(
        "visit.rationale",
        prevent_core::Answer::Text("Hidden: no visit.".into()),
    );
    assert_eq!(tombstone::digest(&same, s), mine);
}

#[test]
fn sec_4_the_digest_is_sha_256_as_the_standard_and_the_sha2_crate_give_it() {
    use sha2::Digest;
    let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
    // FIPS 180-4's examples (NIST CSRC), and the empty message.
    let vectors: [(&[u8], &str); 3] = [
        (
            b"abc",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        ),
        (
            b"",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        ),
        (
            b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
        ),
    ];
    for (m, want) in vectors {
        assert_eq!(hex(&tombstone::sha256(m)), want);
    }
    assert_eq!(
        hex(&tombstone::sha256(&vec![b'a'; 1_000_000])),
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
    );
    // Every length around the block and padding boundaries, against the sha2 crate.
    let bytes: Vec<u8> = (0..300u32).map(|i| (i * 31 % 251) as u8).collect();
    for n in 0..bytes.len() {
        assert_eq!(
            tombstone::sha256(&bytes[..n]).as_slice(),
            sha2::Sha256::digest(&bytes[..n]).as_slice(),
            "{n} bytes"
        );
    }
}

#[test]
fn sec_4_only_a_final_record_leaves_a_tombstone_with_its_id_reference_and_digest() {
    let d = sample("PLP closure");
    let s = schema_of("plp-closure");
    let t = tombstone::of(&d, s, "2027-07-03T12:00:00Z").unwrap();
    assert_eq!(
        t,
        Tombstone {
            id: d.id.clone(),
            form: "plp-closure".into(),
            reference: d.finished.as_ref().unwrap().reference.clone(),
            digest: tombstone::digest(&d, s),
            deleted_at: "2027-07-03T12:00:00Z".into(),
        }
    );
    let draft = sample("half-filled PLP closure");
    assert_eq!(tombstone::of(&draft, s, "2027-07-03T12:00:00Z"), None);
}

// ---------------------------------------------------------------------------------------------
// What is here: the same record, a deleted one, PGA-10 across import.

#[test]
fn sec_4_identical_copy_is_already_here() {
    // Every sample, final or not, stored with answers to hidden questions and spaces around
    // texts: its export is the same record.
    for s in records::samples() {
        let schema = schema_of(s.form);
        let got = import(&export_value(&s.draft)).unwrap();
        let h = here(&[&s.draft], &[]);
        assert_eq!(
            conflicts(&got, &known(), &h).unwrap(),
            [Conflict::AlreadyHere],
            "{}",
            s.name
        );
        assert_eq!(Conflict::AlreadyHere.choices(), [Resolution::Skip]);
        let d = &got.records[0].draft;
        assert_eq!(
            resolve(d, Conflict::AlreadyHere, Resolution::Skip, "", &h).unwrap(),
            None
        );
        // Nothing is written.
        let out = resolve_all(
            &[(d, Conflict::AlreadyHere, Resolution::Skip)],
            String::new,
            &h,
            &[],
        )
        .unwrap();
        assert!(out.is_empty(), "{}", s.name);
        // Replacing or copying it is not offered.
        assert!(resolve(d, Conflict::AlreadyHere, Resolution::KeepBoth, NEW_ID, &h).is_err());
        // On its own, record by record, the same.
        assert_eq!(conflict(d, schema, &h), Conflict::AlreadyHere);
    }
}

#[test]
fn sec_4_a_record_known_only_from_the_list_is_never_taken_as_the_same() {
    // Without its digest nothing says it is the same: the conflict is as before issue 16.
    let d = sample("finished referral");
    let got = import(&export_value(&d)).unwrap();
    let mut h = Here::default();
    h.records.push(Held::listed(&d.id, true));
    assert_eq!(
        conflicts(&got, &known(), &h).unwrap(),
        [Conflict::SameFinal]
    );
    h.records[0] = Held::listed(&d.id, false);
    assert_eq!(conflicts(&got, &known(), &h).unwrap(), [Conflict::Same]);
}

#[test]
fn pga_10_s8_second_final_pga_for_a_case_is_refused_across_import() {
    let here_pga = sample("final Gateway Assessment");
    // Read for its case reference only (not in the file: no digest needed), as the page does.
    let h = Here {
        records: vec![Held::of(&here_pga, schema_of("pga"), false)],
        tombstones: Vec::new(),
    };
    assert_eq!(h.records[0].digest, None);
    assert_eq!(h.records[0].case.as_deref(), Some("PCM-2026-0042"));
    // The same assessment under another id (and the reference of that id), as a forger would
    // make it; also with the case reference typed otherwise.
    for case in ["PCM-2026-0042", " pcm-2026-0042 "] {
        let mut v = export_value(&here_pga);
        v["record_id"] = json!(NEW_ID);
        v["reference"] = json!("PGA-20270701-2C5EA4C0");
        set_answer(&mut v, "case.reference", json!(case));
        let got = import(&v).unwrap();
        let e = conflicts(&got, &known(), &h).unwrap_err();
        assert_eq!(e.kind, ErrorKind::OnePerCase);
        assert_eq!(
            e.to_string(),
            format!("Record 1: PGA-20270701-2C5EA4C0 is a final Gateway Assessment for case '{}', and this case already has a final one here: only one Prevent Gateway Assessment is ever completed in the lifetime of a case (PGA-10, s8)", case.trim())
        );
    }
    // A Gateway Assessment in progress for the case may come in (it can never be finalised
    // here: the assessment page says why), and a final one for another case may.
    let mut draft = export_value(&sample("half-filled Gateway Assessment"));
    set_answer(&mut draft, "case.reference", json!("PCM-2026-0042"));
    let mut other = export_value(&here_pga);
    other["record_id"] = json!(NEW_ID);
    other["reference"] = json!("PGA-20270701-2C5EA4C0");
    set_answer(&mut other, "case.reference", json!("PCM-2026-0043"));
    let file = json!({"format": "prevent-toolkit/records", "format_version": 1, "protective_marking": "OFFICIAL-SENSITIVE", "records": [draft, other]});
    let got = import(&file).unwrap();
    assert_eq!(
        conflicts(&got, &known(), &h).unwrap(),
        [Conflict::New, Conflict::New]
    );
    // The one here in progress does not hold the case either.
    let mut in_progress = here_pga.clone();
    in_progress.status = DraftStatus::InProgress;
    in_progress.finished = None;
    let mut v = export_value(&here_pga);
    v["record_id"] = json!(NEW_ID);
    v["reference"] = json!("PGA-20270701-2C5EA4C0");
    let got = import(&v).unwrap();
    assert_eq!(
        conflicts(&got, &known(), &here(&[&in_progress], &[])).unwrap(),
        [Conflict::New]
    );
}

#[test]
fn pga_10_s8_two_final_pgas_for_one_case_in_one_file_are_refused() {
    let first = sample("final Gateway Assessment");
    let mut second = export_value(&first);
    second["record_id"] = json!(NEW_ID);
    second["reference"] = json!("PGA-20270701-2C5EA4C0");
    let file = json!({"format": "prevent-toolkit/records", "format_version": 1, "protective_marking": "OFFICIAL-SENSITIVE", "records": [export_value(&first), second]});
    let got = import(&file).unwrap();
    let e = conflicts(&got, &known(), &Here::default()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::OnePerCase);
    assert_eq!(
        e.to_string(),
        "Record 2: PGA-20270701-2C5EA4C0 is a final Gateway Assessment for case 'PCM-2026-0042', as record 1 is: only one Prevent Gateway Assessment is ever completed in the lifetime of a case (PGA-10, s8)"
    );
}

/// A final PGA here and another final version of it (same id, a rationale rewritten, every rule
/// still met), as a file.
fn other_version_of(d: &Draft) -> Value {
    let mut v = export_value(d);
    set_answer(
        &mut v,
        "decision.rationale",
        json!("Other reasons, written afterwards."),
    );
    v
}

#[test]
fn pga_10_s8_another_version_of_a_final_pga_here_comes_in_only_as_a_marked_copy() {
    let mine = sample("final Gateway Assessment");
    let h = here(&[&mine], &[]);
    let got = import(&other_version_of(&mine)).unwrap();
    let d = &got.records[0].draft;
    let c = conflicts(&got, &known(), &h).unwrap()[0];
    assert_eq!(c, Conflict::SameFinalPga);
    // Left out by default; never kept beside it as final, never replacing it.
    assert_eq!(c.choices(), [Resolution::Skip, Resolution::MarkedCopy]);
    for no in [Resolution::KeepBoth, Resolution::Replace, Resolution::Add] {
        let e = resolve(d, c, no, NEW_ID, &h).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Conflict, "{no:?}");
    }
    let copy = resolve(d, c, Resolution::MarkedCopy, NEW_ID, &h)
        .unwrap()
        .unwrap();
    assert_eq!(copy.id, NEW_ID);
    assert_eq!(copy.status, DraftStatus::InProgress);
    assert_eq!(copy.finished, None);
    assert_eq!(
        copy.answers.get("declaration.confirm"),
        None,
        "declared again before it is finished"
    );
    assert!(copy.completed_pages.is_empty(), "each page checked again");
    assert_eq!(
        copy.copy_of.as_deref(),
        Some("This is a marked copy of PGA-20270701-1B9D6BCD (record 1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed), not that record: that Gateway Assessment was already final where this was imported, and this differs from it: a case has only one (PGA-10, s8).")
    );
    assert!(copy.label().ends_with("(marked copy)"), "{}", copy.label());
    // Its export says what it is, and it comes back as it went (the mark with it).
    let v = export_value(&copy);
    assert_eq!(v["copy_of"], json!(copy.copy_of));
    assert_eq!(v["status"], json!("in-progress"));
    let again = import(&v).unwrap();
    assert_eq!(again.records[0].draft, copy);
    // Here beside the final one, it is no second final PGA for the case: a later import of the
    // copy is no refusal.
    let both = here(&[&mine, &copy], &[]);
    assert_eq!(
        conflicts(&again, &known(), &both).unwrap(),
        [Conflict::AlreadyHere]
    );
}

#[test]
fn sec_4_a_deleted_final_record_exported_unchanged_is_restored_under_its_id() {
    for name in ["finished referral", "final Gateway Assessment", "PLP entry"] {
        let d = sample(name);
        let t = tombstone::of(&d, schema_of(&d.form), "2027-07-01T08:00:00Z").unwrap();
        let h = here(&[], &[t]);
        let got = import(&export_value(&d)).unwrap();
        let c = conflicts(&got, &known(), &h).unwrap()[0];
        assert_eq!(c, Conflict::Deleted, "{name}");
        assert_eq!(c.choices(), [Resolution::Add, Resolution::Skip]);
        let back = resolve(&got.records[0].draft, c, Resolution::Add, "", &h)
            .unwrap()
            .unwrap();
        assert_eq!(back.id, d.id);
        assert!(back.is_locked());
        assert_eq!(back.finished, d.finished);
        assert_eq!(back.copy_of, None);
    }
}

#[test]
fn sec_4_altered_copy_of_a_deleted_final_record_only_comes_back_as_marked_copy() {
    // Issue 16's finding: the original deleted, the altered file came back under the original
    // id and reference with no trace.
    let d = sample("final Gateway Assessment");
    let t = tombstone::of(&d, schema_of("pga"), "2027-07-01T08:00:00Z").unwrap();
    let h = here(&[], &[t]);
    let got = import(&other_version_of(&d)).unwrap();
    let altered = &got.records[0].draft;
    let c = conflicts(&got, &known(), &h).unwrap()[0];
    assert_eq!(c, Conflict::Altered);
    assert_eq!(c.choices(), [Resolution::Skip, Resolution::MarkedCopy]);
    assert_eq!(
        resolve(altered, c, Resolution::Add, "", &h)
            .unwrap_err()
            .to_string(),
        "This record can only come in as a marked copy, or be left out"
    );
    assert_eq!(resolve(altered, c, Resolution::Skip, "", &h).unwrap(), None);
    // The copy's new id may not be the deleted record's.
    assert!(resolve(altered, c, Resolution::MarkedCopy, &d.id, &h).is_err());
    let copy = resolve(altered, c, Resolution::MarkedCopy, NEW_ID, &h)
        .unwrap()
        .unwrap();
    assert_eq!(copy.id, NEW_ID);
    assert_eq!(copy.status, DraftStatus::InProgress);
    assert_eq!(copy.finished, None);
    assert_eq!(
        copy.copy_of.as_deref(),
        Some("This is a marked copy of PGA-20270701-1B9D6BCD (record 1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed), not that record: the final record PGA-20270701-1B9D6BCD was deleted where this was imported (on 1 July 2027), and this differs from it, so it can never come back as that record.")
    );
    assert_eq!(
        copy.answers.get("decision.rationale"),
        altered.answers.get("decision.rationale")
    );
    // An earlier draft of it (exported before it was finished) is told apart the same way.
    let mut earlier = export_value(&d);
    earlier["status"] = json!("in-progress");
    for k in ["reference", "finished_on", "finished_at"] {
        earlier[k] = Value::Null;
    }
    earlier["audit"].as_array_mut().unwrap().pop();
    let got = import(&earlier).unwrap();
    assert_eq!(conflicts(&got, &known(), &h).unwrap(), [Conflict::Altered]);
}

#[test]
fn sec_4_a_plp_case_brought_in_as_a_marked_copy_takes_its_linked_records_with_it() {
    let case = sample("PLP entry");
    let panel = sample("PLP panel");
    let t = tombstone::of(&case, schema_of("plp"), "2027-07-01T08:00:00Z").unwrap();
    let h = here(&[], &[t]);
    let mut v = export_value(&case);
    set_answer(
        &mut v,
        "plp.route_rationale",
        json!("Other words, written afterwards."),
    );
    let file = json!({"format": "prevent-toolkit/records", "format_version": 1, "protective_marking": "OFFICIAL-SENSITIVE", "records": [v, export_value(&panel)]});
    let got = import(&file).unwrap();
    let cs = conflicts(&got, &known(), &h).unwrap();
    assert_eq!(cs, [Conflict::Altered, Conflict::New]);
    let chosen = [
        (&got.records[0].draft, cs[0], Resolution::MarkedCopy),
        (&got.records[1].draft, cs[1], Resolution::Add),
    ];
    let out = resolve_all(
        &chosen,
        || NEW_ID.to_string(),
        &h,
        &[prevent_core::plp_form::CASE_FIELD],
    )
    .unwrap();
    assert_eq!(out[0].id, NEW_ID);
    assert_eq!(
        out[1].answers.text(prevent_core::plp_form::CASE_FIELD),
        Some(NEW_ID)
    );
}

#[test]
fn sec_4_a_store_or_export_from_before_issue_16_still_reads() {
    // A stored draft without the mark reads (serde default), and a draft without one is stored
    // and exported without it.
    let d = sample("finished referral");
    let stored = serde_json::to_value(&d).unwrap();
    assert!(stored.get("copy_of").is_none());
    let back: Draft = serde_json::from_value(stored).unwrap();
    assert_eq!(back, d);
    assert!(export_value(&d).get("copy_of").is_none());
    // A mark that is not one is refused.
    let mut v = export_value(&sample("half-filled referral"));
    for bad in [json!({"id": "x"}), json!(" "), json!(null)] {
        v["copy_of"] = bad;
        assert_eq!(
            import(&v).unwrap_err().to_string(),
            "Record 1: its copy_of is not the text that says what it is a copy of"
        );
    }
}
