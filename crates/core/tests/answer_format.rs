//! The stored form of one answer (DESIGN.md "A draft is never lost"; issue 16's size diet):
//! answers are read from JSON by a hand-written reader instead of serde's untagged enum, and
//! must read exactly what was stored before (a string, an array of strings, an object with
//! day, month and year) and refuse anything else, so that a damaged draft is set aside rather
//! than misread.

use prevent_core::answers::DateParts;
use prevent_core::{Answer, Answers};

fn read(json: &str) -> Result<Answers, serde_json::Error> {
    serde_json::from_str(json)
}

#[test]
fn stored_answers_read_back_as_they_were_written() {
    let mut a = Answers::default();
    a.0.insert(
        "referrer.name".into(),
        Answer::Text("Sam \"O\u{2019}Neil\"\n".into()),
    );
    a.0.insert(
        "concerns.kinds".into(),
        Answer::Choices(vec!["online".into(), "school".into()]),
    );
    a.0.insert("concerns.none".into(), Answer::Choices(vec![]));
    a.0.insert(
        "subject.dob".into(),
        Answer::Date(DateParts::new("1", "02", "2010")),
    );
    a.0.insert("subject.blank".into(), Answer::Date(DateParts::default()));
    let text = serde_json::to_string(&a).unwrap();
    // The format on disk is unchanged: untagged values.
    assert!(
        text.contains(r#""concerns.kinds":["online","school"]"#),
        "{text}"
    );
    assert!(
        text.contains(r#""subject.dob":{"day":"1","month":"02","year":"2010"}"#),
        "{text}"
    );
    assert_eq!(read(&text).unwrap(), a);
}

#[test]
fn a_date_object_reads_in_any_field_order_and_ignores_extra_fields_as_before() {
    let a = read(r#"{"d":{"year":"2010","extra":1,"month":"2","day":"1"}}"#).unwrap();
    assert_eq!(
        a.get("d"),
        Some(&Answer::Date(DateParts::new("1", "2", "2010")))
    );
}

#[test]
fn answers_of_any_other_shape_are_refused_not_misread() {
    for bad in [
        r#"{"a":1}"#,
        r#"{"a":true}"#,
        r#"{"a":null}"#,
        r#"{"a":["x",1]}"#,
        r#"{"a":[["x"]]}"#,
        r#"{"a":{"day":"1","month":"2"}}"#,
        r#"{"a":{"day":"1","month":"2","year":2010}}"#,
        r#"{"a":{"day":"1","day":"2","month":"2","year":"2010"}}"#,
        r#"{"a":"x""#,
    ] {
        assert!(read(bad).is_err(), "{bad} was read");
    }
}
