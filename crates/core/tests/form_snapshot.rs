//! What each form asks, exactly: every page, question, label, hint, option, show-condition and
//! rule (with its rule id and policy section) of the seven built schemas, compared with the
//! committed snapshot in `tests/snapshots/` (issue 17: the forms are built with one builder and
//! `pga_form` is split by job, with behaviour unchanged).
//!
//! The published JSON Schemas (`tests/json_schema.rs`) catch a changed question id or option
//! value; this catches the rest a user reads or the policy requires: a lost hint, a page in
//! another task-list section, a show-condition or a rule's section ("s7" for the referral's
//! REF-1..REF-4) that drifted. After an intended change to a form, regenerate the snapshots
//! with `UPDATE_SNAPSHOTS=1 cargo test -p prevent-core --test form_snapshot` and review the diff.

use prevent_core::dif::default_framework;
use prevent_core::form::FormSchema;
use prevent_core::{nrf, pga_form, plp_form};
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots")
}

/// The nine forms as the apps build them (the officers' forms from the default DIF framework).
fn forms() -> Vec<FormSchema> {
    let f = default_framework();
    vec![
        nrf::schema(),
        pga_form::schema(&f),
        plp_form::schema(&f),
        plp_form::review_schema(&f),
        plp_form::closure_schema(),
        plp_form::panel_schema(),
        plp_form::submission_schema(),
        prevent_core::s36_form::schema(),
        prevent_core::closed_case::closure_schema(),
        prevent_core::closed_case::review_schema(&f),
        plp_form::transfer_schema(&f),
    ]
}

fn pretty(s: &FormSchema) -> String {
    serde_json::to_string_pretty(s).unwrap() + "\n"
}

#[test]
fn ref_pga_plp_int_dif_every_form_asks_and_checks_what_its_snapshot_says() {
    let update = std::env::var("UPDATE_SNAPSHOTS").as_deref() == Ok("1");
    for s in forms() {
        // The form's own part of validation is the one its builder set.
        assert_eq!(
            s.def.id(),
            s.id,
            "{}: the schema carries another form's FormDef",
            s.id
        );
        let path = dir().join(format!("{}.form.json", s.id));
        let built = pretty(&s);
        if update {
            std::fs::create_dir_all(dir()).unwrap();
            std::fs::write(&path, &built).unwrap();
            continue;
        }
        let on_disk = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e}; run with UPDATE_SNAPSHOTS=1", path.display()));
        if on_disk != built {
            let line = on_disk
                .lines()
                .zip(built.lines())
                .position(|(a, b)| a != b)
                .map_or(on_disk.lines().count().min(built.lines().count()), |n| n);
            panic!(
                "{}: the built schema differs from tests/snapshots/{}.form.json from line {}:\n  snapshot: {}\n  built:    {}",
                s.id,
                s.id,
                line + 1,
                on_disk.lines().nth(line).unwrap_or("<end>"),
                built.lines().nth(line).unwrap_or("<end>"),
            );
        }
    }
}

/// Issue 21, item 3: on each page a screen-reader user tells fields apart by their labels, and
/// the error summary's links by their text. No two questions of a page share a label, and no
/// two of its fields share an error message (a field's own rules may repeat one).
#[test]
fn every_page_labels_each_field_and_names_each_error_once() {
    for s in forms() {
        for p in &s.pages {
            let mut labels: Vec<(&str, &str)> = Vec::new();
            for q in &p.questions {
                if let Some((other, _)) = labels.iter().find(|(_, l)| *l == q.label) {
                    panic!(
                        "{}: page {}: {} and {} are both labelled {:?}",
                        s.id, p.id, other, q.id, q.label
                    );
                }
                labels.push((&q.id, &q.label));
            }
            let mut messages: Vec<(&str, &str)> = Vec::new();
            for r in &s.rules {
                if r.message.is_empty() || !p.questions.iter().any(|q| q.id == r.field) {
                    continue;
                }
                if let Some((other, _)) = messages
                    .iter()
                    .find(|(f, m)| *m == r.message && *f != r.field)
                {
                    panic!(
                        "{}: page {}: {} and {} both report {:?}",
                        s.id, p.id, other, r.field, r.message
                    );
                }
                messages.push((&r.field, &r.message));
            }
        }
    }
}
