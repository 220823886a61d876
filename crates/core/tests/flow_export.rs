//! Moving through the NRF (pages per subject type, resume, task list), finishing it (REF-2
//! completeness gate, reference) and its JSON export.

use chrono::NaiveDate;
use prevent_core::draft::Draft;
use prevent_core::flow::{self, SectionStatus};
use prevent_core::form::Context;
use prevent_core::validate::validate;
use prevent_core::{export, nrf, Answer, Answers, DraftStatus};

fn ctx() -> Context {
    Context::on(NaiveDate::from_ymd_opt(2026, 11, 28).unwrap())
}

fn pages(a: &Answers) -> Vec<String> {
    flow::visible_pages(&nrf::schema(), a, &ctx())
        .iter()
        .map(|p| p.id.clone())
        .collect()
}

#[test]
fn ref_2_each_subject_type_gets_its_own_detail_pages() {
    let base = Answers::default();
    let person = pages(&base.clone().with("subject.type", "individual"));
    assert!(person.contains(&"person".into()) && person.contains(&"employment-education".into()));
    assert!(!person.contains(&"institution".into()));
    let inst = pages(&base.clone().with("subject.type", "institution"));
    assert!(
        inst.contains(&"institution".into())
            && !inst.contains(&"person".into())
            && !inst.contains(&"complex-needs".into())
    );
    let expr = pages(&base.with("subject.type", "expression"));
    assert!(expr.contains(&"expression".into()) && !expr.contains(&"institution".into()));
    assert_eq!(expr.last().map(String::as_str), Some("declaration"));
}

#[test]
fn next_and_previous_skip_hidden_pages() {
    let s = nrf::schema();
    let a = Answers::default().with("subject.type", "institution");
    assert_eq!(
        flow::next_page(&s, &a, &ctx(), "subject-type").unwrap().id,
        "institution"
    );
    assert_eq!(
        flow::next_page(&s, &a, &ctx(), "institution").unwrap().id,
        "concerns"
    );
    assert_eq!(
        flow::previous_page(&s, &a, &ctx(), "concerns").unwrap().id,
        "institution"
    );
    assert!(flow::previous_page(&s, &a, &ctx(), "referral-or-advice").is_none());
}

#[test]
fn continue_marks_a_page_complete_only_without_errors_and_resume_finds_the_next() {
    let s = nrf::schema();
    let mut d = Draft::new(&s, "id1", "t");
    assert!(d
        .continue_from(&s, "referral-or-advice", &ctx())
        .has_errors());
    assert!(d.completed_pages.is_empty());
    d.set_answer("referral.intent", Answer::Text("referral".into()));
    assert!(!d
        .continue_from(&s, "referral-or-advice", &ctx())
        .has_errors());
    assert_eq!(
        flow::resume_page(&s, &d, &ctx()).unwrap().id,
        "immediate-risk"
    );
}

#[test]
fn task_list_sections_report_progress_and_gate_check_and_finish() {
    let s = nrf::schema();
    let mut d = Draft::new(&s, "id1", "t");
    let status = |d: &Draft| {
        let r = validate(&s, &d.answers, &ctx());
        flow::sections(&s, d, &r, &ctx())
            .iter()
            .map(|x| x.status)
            .collect::<Vec<_>>()
    };
    use SectionStatus::*;
    assert_eq!(
        status(&d),
        [
            NotStarted,
            NotStarted,
            NotStarted,
            NotStarted,
            CannotStartYet
        ]
    );
    d.set_answer("referral.intent", Answer::Text("referral".into()));
    d.set_answer("risk.immediate", Answer::Text("no".into()));
    d.continue_from(&s, "referral-or-advice", &ctx());
    d.continue_from(&s, "immediate-risk", &ctx());
    assert_eq!(status(&d)[0], Completed);
    d.set_answer("referrer.name", Answer::Text("Sam".into()));
    assert_eq!(status(&d)[1], InProgress);
    // A completed page that later gains an error shows it in the task list.
    d.set_answer("referral.intent", Answer::Text("advice".into()));
    assert_eq!(status(&d)[0], HasErrors);
}

#[test]
fn a11y_9_each_page_names_its_section_of_the_task_list_in_the_linear_flow() {
    let s = nrf::schema();
    let mut a = Answers::default();
    let at = |a: &Answers, page: &str| flow::section_of(&s, a, &ctx(), page);
    assert_eq!(at(&a, "referral-or-advice"), Some((1, 5)));
    assert_eq!(at(&a, "about-you"), Some((2, 5)));
    assert_eq!(at(&a, "subject-type"), Some((3, 5)));
    assert_eq!(at(&a, "concerns"), Some((4, 5)));
    assert_eq!(at(&a, "declaration"), Some((5, 5)));
    // A page these answers hide has no place in the flow; shown, it takes its section's.
    assert_eq!(at(&a, "person"), None);
    a.set("subject.type", Answer::Text("individual".into()));
    assert_eq!(at(&a, "person"), Some((3, 5)));
    assert_eq!(at(&a, "no-such-page"), None);
    // The numbers are the task list's, whatever the answers.
    let d = Draft::new(&s, "id1", "t");
    let r = validate(&s, &d.answers, &ctx());
    assert_eq!(flow::sections(&s, &d, &r, &ctx()).len(), 5);
}

fn finished_person() -> Draft {
    let s = nrf::schema();
    let mut d = Draft::new(
        &s,
        "3f2a9c1b-0000-4000-8000-000000000000",
        "2026-11-28T09:00:00Z",
    );
    for (k, v) in [
        ("referral.intent", "referral"),
        ("risk.immediate", "yes"),
        ("referrer.name", "Sam Teacher"),
        ("referrer.organisation", "Northtown Academy"),
        ("referrer.email", "sam@example.org"),
        ("subject.type", "individual"),
        ("subject.forename", "Alex"),
        ("subject.age", "15"),
        ("concerns.description", "Shared extremist videos."),
        ("info.safeguarding_lead", "no"),
        ("info.subject_informed", "no"),
        ("info.direct_action", "no"),
        ("info.other_agencies", "no"),
        ("info.parents_informed", "no"),
        // Typed on a page that no longer applies: must not be exported.
        ("institution.name", "Left over"),
    ] {
        d.set_answer(k, Answer::Text(v.into()));
    }
    d.set_answer("concerns.type", Answer::Choices(vec!["islamist".into()]));
    d.set_answer(
        "declaration.confirm",
        Answer::Choices(vec!["confirmed".into()]),
    );
    d
}

#[test]
fn ref_2_an_incomplete_referral_cannot_be_finished() {
    let s = nrf::schema();
    let mut d = finished_person();
    d.set_answer("concerns.description", Answer::Text("".into()));
    let err = d.finish(&s, &ctx(), "2026-11-28T10:00:00Z").unwrap_err();
    assert_eq!(err.errors().next().unwrap().path, "concerns.description");
    assert_eq!(d.status, DraftStatus::InProgress);
    assert!(d.finished.is_none());
}

#[test]
fn finishing_gives_a_reference_and_locks_the_record() {
    let s = nrf::schema();
    let mut d = finished_person();
    d.finish(&s, &ctx(), "2026-11-28T10:00:00Z").unwrap();
    assert_eq!(d.status, DraftStatus::Finished);
    assert_eq!(
        d.finished.as_ref().unwrap().reference,
        "NRF-20261128-3F2A9C1B"
    );
    assert!(
        !d.set_answer("referrer.name", Answer::Text("Changed".into())),
        "finished records are read-only"
    );
    assert_eq!(d.answers.text("referrer.name"), Some("Sam Teacher"));
}

#[test]
fn export_json_has_stable_nested_fields_marking_and_warnings() {
    let s = nrf::schema();
    let mut d = finished_person();
    d.set_answer(
        "subject.dob",
        Answer::Date(prevent_core::answers::DateParts::new("3", "4", "2010")),
    );
    d.finish(&s, &ctx(), "2026-11-28T10:00:00Z").unwrap();
    let j = export::to_json(&s, &d, &ctx());
    assert_eq!(j["format"], "prevent-toolkit/record");
    assert_eq!(j["format_version"], 1);
    assert_eq!(j["protective_marking"], "OFFICIAL-SENSITIVE");
    assert_eq!(j["form"]["id"], "nrf");
    assert_eq!(j["reference"], "NRF-20261128-3F2A9C1B");
    assert_eq!(j["finished_on"], "2026-11-28");
    assert_eq!(j["status"], "finished");
    assert_eq!(j["answers"]["subject"]["forename"], "Alex");
    assert_eq!(j["answers"]["subject"]["dob"], "2010-04-03");
    assert_eq!(j["answers"]["subject"]["age"], 15);
    assert_eq!(
        j["answers"]["concerns"]["type"],
        serde_json::json!(["islamist"])
    );
    assert_eq!(j["answers"]["referral"]["intent"], "referral");
    assert!(
        j["answers"].get("institution").is_none(),
        "hidden answers are not exported"
    );
    assert_eq!(j["warnings"][0]["rule_id"], "REF-3");
    assert_eq!(
        export::file_name(&d, prevent_core::PROTECTIVE_MARKING),
        "prevent-referral-NRF-20261128-3F2A9C1B.json"
    );
}

#[test]
fn check_answers_rows_show_labels_and_long_dates() {
    let s = nrf::schema();
    let mut d = finished_person();
    d.set_answer(
        "subject.dob",
        Answer::Date(prevent_core::answers::DateParts::new("3", "4", "2010")),
    );
    let rows = flow::summary(&s, &d.answers, &ctx(), &validate(&s, &d.answers, &ctx()));
    let find = |q: &str| {
        rows.iter()
            .flat_map(|(_, r)| r)
            .find(|r| r.question == q)
            .cloned()
            .unwrap()
    };
    assert_eq!(find("subject.dob").value.as_deref(), Some("3 April 2010"));
    assert_eq!(find("subject.type").value.as_deref(), Some("A person"));
    assert_eq!(find("concerns.type").value.as_deref(), Some("Islamist"));
    // Not given and not needed (the first name is): no row (issue 21, item 5).
    assert!(rows
        .iter()
        .flat_map(|(_, r)| r)
        .all(|r| r.question != "subject.surname"));
    let mut d2 = d.clone();
    d2.set_answer("info.direct_action", Answer::Text("yes".into()));
    d2.set_answer(
        "info.direct_action_details",
        Answer::Text("Removed the videos".into()),
    );
    let rows2 = flow::summary(&s, &d2.answers, &ctx(), &validate(&s, &d2.answers, &ctx()));
    let details = rows2
        .iter()
        .flat_map(|(_, r)| r)
        .find(|r| r.question == "info.direct_action_details")
        .unwrap();
    assert_eq!(details.key, "Details of the action you took");
    assert!(rows.iter().all(|(p, _)| p.id != "institution"));
}

/// Issue 21, item 5: a minimal referral's check your answers lists what was given and nothing
/// else; an answer the referral needs (REF-2) still has its row while missing.
#[test]
fn ref_2_check_answers_leaves_out_optional_answers_not_given_and_keeps_required_ones() {
    let s = nrf::schema();
    let d = finished_person();
    let rows = |d: &Draft| {
        flow::summary(&s, &d.answers, &ctx(), &validate(&s, &d.answers, &ctx()))
            .into_iter()
            .flat_map(|(_, r)| r)
            .collect::<Vec<_>>()
    };
    let all = rows(&d);
    assert!(all.iter().all(|r| r.value.is_some()), "{all:?}");
    assert!(all.len() <= 16, "{} rows", all.len());
    let mut missing = d.clone();
    missing.set_answer("concerns.description", Answer::Text("".into()));
    missing.set_answer("referrer.email", Answer::Text("".into()));
    let all = rows(&missing);
    for q in ["concerns.description", "referrer.phone"] {
        assert!(
            all.iter().any(|r| r.question == q && r.value.is_none()),
            "{q} missing must show"
        );
    }
    assert!(all.iter().all(|r| r.question != "referrer.role"));
}

/// A small JSON Schema checker for what `export::json_schema` uses (type, enum, const,
/// integer range, maxLength, arrays, closed objects), to prove exports conform to the
/// published schema.
fn conforms(v: &serde_json::Value, s: &serde_json::Value, at: &str) -> Result<(), String> {
    use serde_json::Value;
    if let Some(c) = s.get("const") {
        return if v == c {
            Ok(())
        } else {
            Err(format!("{at}: {v} is not {c}"))
        };
    }
    if let Some(Value::Array(e)) = s.get("enum") {
        return if e.contains(v) {
            Ok(())
        } else {
            Err(format!("{at}: {v} not in {e:?}"))
        };
    }
    let types: Vec<&str> = match s.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    let kind = match v {
        Value::Null => "null",
        Value::String(_) => "string",
        Value::Number(n) if n.is_u64() || n.is_i64() => "integer",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
        _ => "other",
    };
    if !types.is_empty() && !types.contains(&kind) {
        return Err(format!("{at}: {kind} is not {types:?}"));
    }
    match v {
        Value::String(t) => {
            if let Some(max) = s.get("maxLength").and_then(Value::as_u64) {
                if t.chars().count() as u64 > max {
                    return Err(format!("{at}: longer than {max}"));
                }
            }
            if s.get("format").and_then(Value::as_str) == Some("date")
                && chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d").is_err()
            {
                return Err(format!("{at}: {t} is not a date"));
            }
        }
        Value::Number(n) => {
            let n = n.as_f64().unwrap_or_default();
            if s.get("minimum")
                .and_then(Value::as_f64)
                .is_some_and(|m| n < m)
                || s.get("maximum")
                    .and_then(Value::as_f64)
                    .is_some_and(|m| n > m)
            {
                return Err(format!("{at}: {n} out of range"));
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                conforms(item, &s["items"], &format!("{at}[{i}]"))?;
            }
        }
        Value::Object(map) => {
            let props = s.get("properties").and_then(Value::as_object);
            for req in s
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                if !map.contains_key(req.as_str().unwrap_or_default()) {
                    return Err(format!("{at}: missing {req}"));
                }
            }
            for (k, item) in map {
                match props.and_then(|p| p.get(k)) {
                    Some(ps) => conforms(item, ps, &format!("{at}.{k}"))?,
                    None if s.get("additionalProperties") == Some(&Value::Bool(false)) => {
                        return Err(format!("{at}: unexpected {k}"))
                    }
                    None => {}
                }
            }
        }
        _ => {}
    }
    Ok(())
}

#[test]
fn export_conforms_to_its_published_json_schema() {
    let s = nrf::schema();
    let published: serde_json::Value = serde_json::from_str(include_str!(
        "../../../docs/schemas/nrf-record-v1.schema.json"
    ))
    .expect("the published schema is JSON");
    assert_eq!(
        published,
        export::json_schema(&s),
        "docs/schemas/nrf-record-v1.schema.json is out of date: regenerate it with `cargo run -q -p prevent-core --example json_schema`"
    );
    let mut d = finished_person();
    d.set_answer(
        "subject.dob",
        Answer::Date(prevent_core::answers::DateParts::new("3", "4", "2010")),
    );
    d.finish(&s, &ctx(), "2026-11-28T10:00:00Z").unwrap();
    conforms(&export::to_json(&s, &d, &ctx()), &published, "$").unwrap();
    // And the checker can fail: a value outside its options is caught.
    let mut bad = export::to_json(&s, &d, &ctx());
    bad["answers"]["subject"]["type"] = serde_json::json!("spaceship");
    assert!(conforms(&bad, &published, "$").is_err());
    bad = export::to_json(&s, &d, &ctx());
    bad["answers"]["subject"]["nickname"] = serde_json::json!("x");
    assert!(conforms(&bad, &published, "$").is_err());
}
