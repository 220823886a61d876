//! The hand-over from a partner's referral to the CTCO's Gateway Assessment (DESIGN.md,
//! "Hand-overs": "Prevent team → CTCO"; issue 20, item 4; docs/decisions/0022): the mapping
//! table `pga_form::MAPPING` checked field by field, one `check` line per case, named after the
//! rule the carried answer feeds (REF-1 referral or advice, PGA-22 referral or tasking, PGA-20
//! the subject's date of birth and nationality, PGA-12 and PGA-13 the duties they decide); the
//! table against both forms' questions and options; and the PGA's link to the kept referral
//! through export and import.

use prevent_core::answers::{Answer, Answers};
use prevent_core::dif;
use prevent_core::form::Context;
use prevent_core::pga_form::{self, from_referral, MAPPING, REFERRAL_FIELD};
use prevent_core::{export, import, nrf, Draft, FormSchema};

const RID: &str = "3f2a9c1b-6d4e-4f1a-9b2c-0123456789ab";

fn pga() -> FormSchema {
    pga_form::schema(&dif::default_framework())
}

fn t(s: &str) -> Option<Answer> {
    Some(Answer::Text(s.into()))
}

/// A person's referral with nothing of the mapped answers but the subject type.
fn person() -> Answers {
    Answers::default()
        .with("referral.intent", "referral")
        .with("subject.type", "individual")
        .with("subject.forename", "Sam")
        .with("subject.surname", "Example")
        .with("referrer.name", "A Teacher")
        .with("concerns.description", "Said things")
}

/// The PGA answers `from_referral` makes of `referral` are `expect` for each named field (None:
/// not filled), and the referral's link is always set.
fn check(name: &str, referral: Answers, expect: &[(&str, Option<Answer>)]) {
    let out = from_referral(&referral, RID);
    for (field, want) in expect {
        assert_eq!(out.get(field), want.as_ref(), "{name}: {field}");
    }
    assert_eq!(out.text(REFERRAL_FIELD), Some(RID), "{name}: the link");
}

#[test]
fn ref_1_and_pga_22_a_referral_is_a_referral_into_pcm_about_its_subject() {
    check(
        "person",
        person(),
        &[
            ("case.subject", t("individual")),
            ("case.request", t("referral")),
        ],
    );
    for s in ["institution", "expression"] {
        check(
            s,
            Answers::default()
                .with("referral.intent", "referral")
                .with("subject.type", s),
            &[("case.subject", t(s))],
        );
    }
    // Nothing the PGA's options do not hold.
    check(
        "odd type",
        Answers::default().with("subject.type", "martian"),
        &[("case.subject", None)],
    );
    check(
        "advice",
        Answers::default().with("referral.intent", "advice"),
        &[("case.request", None)],
    );
    check(
        "no intent",
        Answers::default(),
        &[("case.request", None), ("case.subject", None)],
    );
}

#[test]
fn ref_4_and_pga_20_a_real_date_of_birth_or_else_the_approximate_age_is_carried() {
    let dob = Answer::Date(prevent_core::answers::DateParts::new("27", "3", "2010"));
    check(
        "dob",
        person()
            .with_date("subject.dob", "27", "3", "2010")
            .with("subject.age", "16"),
        &[
            ("subject.dob_known", t("yes")),
            ("subject.dob", Some(dob)),
            ("subject.age", None),
        ],
    );
    check(
        "age",
        person().with("subject.age", "15"),
        &[
            ("subject.dob_known", t("approximate")),
            ("subject.age", t("15")),
            ("subject.dob", None),
        ],
    );
    // A date that is not real is not carried: the age is, if given.
    check(
        "bad dob",
        person()
            .with_date("subject.dob", "31", "2", "2010")
            .with("subject.age", "16"),
        &[
            ("subject.dob_known", t("approximate")),
            ("subject.dob", None),
            ("subject.age", t("16")),
        ],
    );
    check(
        "bad age",
        person().with("subject.age", "sixteen"),
        &[("subject.dob_known", None), ("subject.age", None)],
    );
}

#[test]
fn pga_13_an_unknown_date_of_birth_is_left_for_the_ctco_never_carried_as_not_known() {
    check(
        "neither",
        person(),
        &[
            ("subject.dob_known", None),
            ("subject.dob", None),
            ("subject.age", None),
        ],
    );
}

#[test]
fn pga_12_nationality_is_translated_british_or_another_named_and_blank_is_left() {
    for typed in [
        "British",
        " british ",
        "UK",
        "United Kingdom",
        "Great Britain",
        "GB",
    ] {
        check(
            typed,
            person().with("subject.nationality", typed),
            &[
                ("subject.nationality", t("british")),
                ("subject.nationality_other", None),
            ],
        );
    }
    check(
        "other",
        person().with("subject.nationality", "French"),
        &[
            ("subject.nationality", t("other")),
            ("subject.nationality_other", t("French")),
        ],
    );
    check(
        "dual",
        person().with("subject.nationality", "British and Irish"),
        &[
            ("subject.nationality", t("other")),
            ("subject.nationality_other", t("British and Irish")),
        ],
    );
    check(
        "blank",
        person().with("subject.nationality", "  "),
        &[("subject.nationality", None)],
    );
    check("none", person(), &[("subject.nationality", None)]);
}

#[test]
fn pga_20_person_answers_are_carried_only_for_a_person() {
    let r = Answers::default()
        .with("subject.type", "institution")
        .with_date("subject.dob", "27", "3", "2010")
        .with("subject.nationality", "British");
    check(
        "institution",
        r,
        &[
            ("subject.dob_known", None),
            ("subject.dob", None),
            ("subject.nationality", None),
        ],
    );
}

#[test]
fn ref_2_the_referrer_s_type_of_concern_is_carried_when_they_named_one() {
    for (ticked, want) in [
        ("islamist", "islamist"),
        ("extreme-right-wing", "extreme-right-wing"),
        (
            "left-wing-anarchist-single-issue",
            "left-anarchist-single-issue",
        ),
        ("mass-violence", "extreme-violence"),
        ("multiple", "multiple"),
    ] {
        check(
            ticked,
            person().with_choices("concerns.type", &[ticked]),
            &[("relevance.concern", t(want))],
        );
    }
    check(
        "unclear",
        person().with_choices("concerns.type", &["unclear"]),
        &[("relevance.concern", None)],
    );
    check(
        "two",
        person().with_choices("concerns.type", &["islamist", "extreme-right-wing"]),
        &[("relevance.concern", None)],
    );
    check("none", person(), &[("relevance.concern", None)]);
}

#[test]
fn ref_2_the_names_the_referrer_and_the_concerns_text_stay_in_the_kept_referral() {
    let out = from_referral(&person().with("referrer.email", "a@b.example"), RID);
    for k in [
        "subject.forename",
        "subject.surname",
        "referrer.name",
        "referrer.email",
        "concerns.description",
        "case.reference",
        "case.received",
        "case.area",
        "case.ctco",
    ] {
        assert_eq!(out.get(k), None, "{k}");
    }
}

/// Every row of the table names a question of the referral and of the PGA, and every value the
/// mapping can write is one of the PGA question's options.
#[test]
fn ref_2_and_pga_20_the_mapping_table_names_real_questions_and_options() {
    let (n, p) = (nrf::schema(), pga());
    for (from, to, how) in MAPPING {
        assert!(n.question(from).is_some(), "{from} is a referral question");
        let (_, q) = p
            .question(to)
            .unwrap_or_else(|| panic!("{to} is a PGA question"));
        let options: Vec<&str> = q.kind.choices().iter().map(|c| c.value.as_str()).collect();
        if options.is_empty() {
            continue;
        }
        let written: Vec<String> = match to {
            "case.subject" => ["individual", "institution", "expression"]
                .map(String::from)
                .to_vec(),
            "case.request" => vec!["referral".into()],
            "subject.dob_known" => vec!["yes".into(), "approximate".into()],
            "subject.nationality" => ["British", "French"]
                .iter()
                .filter_map(|s| pga_form::nationality(s))
                .map(|(v, _)| v.to_string())
                .collect(),
            "relevance.concern" => n
                .question(from)
                .unwrap()
                .1
                .kind
                .choices()
                .iter()
                .filter_map(|c| pga_form::concern_type(&[c.value.clone()]))
                .map(String::from)
                .collect(),
            other => panic!("{other} ({how:?}): add the values it writes here"),
        };
        for v in written {
            assert!(
                options.contains(&v.as_str()),
                "{to}: {v} is not one of {options:?}"
            );
        }
    }
}

#[test]
fn pga_10_the_link_to_the_kept_referral_survives_export_and_import() {
    let schema = pga();
    let ctx = Context::on(chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
    let mut d = Draft::new(
        &schema,
        "5f2a9c1b-6d4e-4f1a-9b2c-0123456789ab",
        "2026-12-01T10:00:00Z",
    );
    d.answers = from_referral(&person(), RID);
    let text = export::to_json_string(&schema, &d, &ctx);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let rec = if v.get("records").is_some() {
        v["records"][0].clone()
    } else {
        v.clone()
    };
    assert_eq!(rec["referral_id"], RID, "exported as its own field");
    let back = import::parse_text(&text, &[&schema], &ctx).expect("imports");
    assert_eq!(
        back.records[0].draft.answers.text(REFERRAL_FIELD),
        Some(RID)
    );
    // A referral id that is not a record id refuses the file, naming it.
    let bad = text.replace(RID, "not-an-id");
    let e = import::parse_text(&bad, &[&schema], &ctx)
        .unwrap_err()
        .to_string();
    assert!(e.contains("referral id"), "{e}");
}
