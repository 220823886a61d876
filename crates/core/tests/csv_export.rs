//! CSV export of referrals (issue 6, item 2): RFC 4180 quoting, BOM, one row per record, stable
//! question-id columns, hidden answers left out, and formula injection neutralised.

use chrono::NaiveDate;
use prevent_core::csv_export::{neutralise, to_csv, BOM};
use prevent_core::draft::Draft;
use prevent_core::form::Context;
use prevent_core::{nrf, Answer};

fn ctx() -> Context {
    Context::on(NaiveDate::from_ymd_opt(2026, 11, 28).unwrap())
}

fn draft(id: &str, pairs: &[(&str, &str)]) -> Draft {
    let mut d = Draft::new(&nrf::schema(), id, "2026-11-28T09:00:00Z");
    for (k, v) in pairs {
        d.set_answer(k, Answer::Text((*v).into()));
    }
    d
}

#[test]
fn rec_7_formula_cells_are_neutralised_and_others_left_alone() {
    for (cell, safe) in [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+44 1632", "'+44 1632"),
        ("-1", "'-1"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Sam", "Sam"),
        ("", ""),
    ] {
        assert_eq!(neutralise(cell), safe);
    }
}

#[test]
fn rec_7_one_row_per_record_with_rfc_4180_quoting_a_bom_and_crlf() {
    let s = nrf::schema();
    let mut a = draft(
        "id-a",
        &[
            ("subject.type", "individual"),
            ("subject.forename", "Alex"),
            (
                "concerns.description",
                "Said \"they deserve it\", then left.\nTwice.",
            ),
            ("institution.name", "Hidden"),
        ],
    );
    a.set_answer(
        "concerns.type",
        Answer::Choices(vec!["islamist".into(), "unclear".into()]),
    );
    let b = draft(
        "id-b",
        &[
            ("subject.type", "institution"),
            ("institution.name", "=HYPERLINK(\"x\")"),
        ],
    );
    let text = to_csv(&s, &[a, b], &ctx());
    assert!(text.starts_with(BOM));
    assert!(text.contains("\r\n"));
    let mut r = csv::Reader::from_reader(text.trim_start_matches(BOM).as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        &header[..5],
        [
            "record_id",
            "status",
            "reference",
            "started_at",
            "finished_on"
        ]
    );
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][col("subject.forename")], "Alex");
    assert_eq!(
        &rows[0][col("concerns.description")],
        "Said \"they deserve it\", then left.\nTwice."
    );
    assert_eq!(&rows[0][col("concerns.type")], "islamist; unclear");
    // Answers to questions not shown for the record are not exported.
    assert_eq!(&rows[0][col("institution.name")], "");
    // A formula typed into a field cannot run in a spreadsheet.
    assert_eq!(&rows[1][col("institution.name")], "'=HYPERLINK(\"x\")");
    assert_eq!(&rows[1][col("status")], "In progress");
}
