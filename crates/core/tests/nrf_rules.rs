//! Table-driven tests of the National Referral Form rules REF-1..REF-4 (s7). Each case is one
//! line: answers changed from a complete referral, and the issues expected (rule id, field).

use chrono::NaiveDate;
use prevent_core::form::Context;
use prevent_core::nrf;
use prevent_core::validate::validate;
use prevent_core::{Answers, Severity};

fn ctx() -> Context {
    Context::on(NaiveDate::from_ymd_opt(2026, 11, 28).unwrap())
}

/// A complete, valid referral about a person.
fn person() -> Answers {
    Answers::default()
        .with("referral.intent", "referral")
        .with("risk.immediate", "no")
        .with("referrer.name", "Sam Teacher")
        .with("referrer.organisation", "Northtown Academy")
        .with("referrer.email", "sam@example.org")
        .with("subject.type", "individual")
        .with("subject.forename", "Alex")
        .with_date("subject.dob", "3", "4", "2010")
        .with("concerns.description", "Shared extremist videos in class.")
        .with("info.safeguarding_lead", "no")
        .with("info.subject_informed", "no")
        .with("info.direct_action", "no")
        .with("info.other_agencies", "no")
        .with("info.parents_informed", "no")
        .with_choices("declaration.confirm", &["confirmed"])
}

fn institution() -> Answers {
    Answers::default()
        .with("referral.intent", "referral")
        .with("risk.immediate", "no")
        .with("referrer.name", "Pat Officer")
        .with("referrer.organisation", "Northtown Council")
        .with("referrer.phone", "01632 960 001")
        .with("subject.type", "institution")
        .with("institution.name", "Northtown Youth Club")
        .with(
            "concerns.description",
            "Speaker invited who promotes violence.",
        )
        .with("info.safeguarding_lead", "yes")
        .with(
            "info.safeguarding_lead_details",
            "Spoke to our Prevent lead on 1 Nov.",
        )
        .with("info.direct_action", "no")
        .with("info.other_agencies", "no")
        .with_choices("declaration.confirm", &["confirmed"])
}

fn expression() -> Answers {
    Answers::default()
        .with("referral.intent", "referral")
        .with("risk.immediate", "no")
        .with("referrer.name", "Jo Resident")
        .with("referrer.organisation", "Member of the public")
        .with("referrer.email", "jo@example.org")
        .with("subject.type", "expression")
        .with(
            "expression.description",
            "Stickers with a far-right slogan on lamp posts.",
        )
        .with(
            "concerns.description",
            "The stickers appeared overnight near the mosque.",
        )
        .with("info.safeguarding_lead", "no")
        .with("info.direct_action", "no")
        .with("info.other_agencies", "no")
        .with_choices("declaration.confirm", &["confirmed"])
}

/// Asserts the exact issues (severity, rule id, field) in page order.
fn check(answers: Answers, expect: &[(Severity, &str, &str)]) {
    let report = validate(&nrf::schema(), &answers, &ctx());
    let got: Vec<(Severity, &str, &str)> = report
        .issues
        .iter()
        .map(|i| (i.severity, i.rule_id.id(), i.path.as_str()))
        .collect();
    assert_eq!(
        got,
        expect,
        "messages: {:#?}",
        report.issues.iter().map(|i| &i.message).collect::<Vec<_>>()
    );
}

use Severity::{Error as E, Warning as W};

#[test]
fn ref_2_complete_referrals_of_each_subject_type_have_no_issues() {
    check(person(), &[]);
    check(institution(), &[]);
    check(expression(), &[]);
}

#[test]
fn ref_1_s7_referral_must_be_declared_a_referral_not_advice() {
    check(
        person().with("referral.intent", ""),
        &[(E, "REF-1", "referral.intent")],
    );
    check(
        person().with("referral.intent", "advice"),
        &[(E, "REF-1", "referral.intent")],
    );
    check(
        person().with_choices("declaration.confirm", &[]),
        &[(E, "REF-1", "declaration.confirm")],
    );
}

#[test]
fn ref_1_s7_advice_message_says_to_call_the_prevent_team() {
    let r = validate(
        &nrf::schema(),
        &person().with("referral.intent", "advice"),
        &ctx(),
    );
    assert!(
        r.issues[0].message.contains("call your local Prevent team"),
        "{}",
        r.issues[0].message
    );
    assert_eq!(r.issues[0].section, "s7");
}

#[test]
fn ref_2_s7_referrer_needs_name_organisation_and_one_contact_route() {
    check(
        person().with("referrer.name", " "),
        &[(E, "REF-2", "referrer.name")],
    );
    check(
        person().with("referrer.organisation", ""),
        &[(E, "REF-2", "referrer.organisation")],
    );
    check(
        person().with("referrer.email", ""),
        &[(E, "REF-2", "referrer.phone")],
    );
    check(
        person()
            .with("referrer.email", "")
            .with("referrer.phone", "07700 900982"),
        &[],
    );
    check(
        person().with("referrer.email", "not-an-email"),
        &[(E, "REF-2", "referrer.email")],
    );
    check(
        person().with("referrer.phone", "12ab"),
        &[(E, "REF-2", "referrer.phone")],
    );
    check(person().with("referrer.phone", "+44 808 157 0192"), &[]);
}

#[test]
fn ref_2_s7_subject_type_is_required() {
    let r = validate(&nrf::schema(), &person().with("subject.type", ""), &ctx());
    assert_eq!(
        r.issues
            .iter()
            .map(|i| (i.rule_id.id(), i.path.as_str()))
            .collect::<Vec<_>>(),
        [("REF-2", "subject.type")]
    );
}

#[test]
fn ref_2_s7_person_needs_a_name_or_a_description() {
    check(
        person().with("subject.forename", ""),
        &[(E, "REF-2", "subject.forename")],
    );
    check(
        person()
            .with("subject.forename", "")
            .with("subject.surname", "Smith"),
        &[],
    );
    check(
        person().with("subject.forename", "").with(
            "subject.description",
            "Tall, red jacket, calls himself 'Wolf' online",
        ),
        &[],
    );
}

#[test]
fn ref_2_s7_person_needs_a_date_of_birth_or_an_approximate_age() {
    check(
        person().with_date("subject.dob", "", "", ""),
        &[(E, "REF-2", "subject.dob")],
    );
    check(
        person()
            .with_date("subject.dob", "", "", "")
            .with("subject.age", "15"),
        &[],
    );
    check(
        person()
            .with_date("subject.dob", "", "", "")
            .with("subject.age", "fifteen"),
        &[(E, "REF-2", "subject.age")],
    );
    check(
        person()
            .with_date("subject.dob", "", "", "")
            .with("subject.age", "130"),
        &[(E, "REF-2", "subject.age")],
    );
}

#[test]
fn ref_2_s7_institution_needs_a_name_and_expression_a_description() {
    check(
        institution().with("institution.name", ""),
        &[(E, "REF-2", "institution.name")],
    );
    check(
        expression().with("expression.description", ""),
        &[(E, "REF-2", "expression.description")],
    );
}

#[test]
fn ref_2_s7_concerns_must_be_described() {
    check(
        person().with("concerns.description", "   "),
        &[(E, "REF-2", "concerns.description")],
    );
    check(
        institution().with("concerns.description", ""),
        &[(E, "REF-2", "concerns.description")],
    );
}

#[test]
fn ref_2_s7_relevant_information_details_required_when_yes() {
    check(
        person().with("info.direct_action", "yes"),
        &[(E, "REF-2", "info.direct_action_details")],
    );
    check(
        person()
            .with("info.direct_action", "yes")
            .with("info.direct_action_details", "Removed the videos."),
        &[],
    );
    check(
        person().with("info.other_agencies", ""),
        &[(E, "REF-2", "info.other_agencies")],
    );
}

#[test]
fn ref_2_s7_under_18s_ask_whether_parents_or_carers_were_told() {
    // Born 2010: 16 on 28 Nov 2026, so the question shows and is required.
    check(
        person().with("info.parents_informed", ""),
        &[(E, "REF-2", "info.parents_informed")],
    );
    // An adult: the question is hidden, so not required.
    check(
        person()
            .with_date("subject.dob", "3", "4", "1990")
            .with("info.parents_informed", ""),
        &[],
    );
    // Approximate age under 18 counts when no date of birth is known.
    check(
        person()
            .with_date("subject.dob", "", "", "")
            .with("subject.age", "14")
            .with("info.parents_informed", ""),
        &[(E, "REF-2", "info.parents_informed")],
    );
    // 18th birthday today: an adult.
    check(
        person()
            .with_date("subject.dob", "28", "11", "2008")
            .with("info.parents_informed", ""),
        &[],
    );
    check(
        person()
            .with_date("subject.dob", "29", "11", "2008")
            .with("info.parents_informed", ""),
        &[(E, "REF-2", "info.parents_informed")],
    );
}

#[test]
fn ref_2_s7_questions_about_a_person_are_not_asked_about_an_institution() {
    // Answers left over from choosing "a person" first are neither validated nor required.
    check(
        institution()
            .with("subject.email", "bad")
            .with_date("subject.dob", "99", "", ""),
        &[],
    );
}

#[test]
fn ref_3_s7_immediate_risk_gives_a_999_warning_that_never_blocks() {
    check(
        person().with("risk.immediate", "yes"),
        &[(W, "REF-3", "risk.immediate")],
    );
    let r = validate(
        &nrf::schema(),
        &person().with("risk.immediate", "yes"),
        &ctx(),
    );
    assert!(r.issues[0].message.contains("999"));
    assert!(!r.has_errors());
    check(
        person().with("risk.immediate", ""),
        &[(E, "REF-3", "risk.immediate")],
    );
}

#[test]
fn ref_4_s7_dates_must_be_real_and_not_in_the_future() {
    check(
        person().with_date("subject.dob", "31", "2", "2010"),
        &[(E, "REF-4", "subject.dob")],
    );
    check(
        person().with_date("subject.dob", "1", "12", "2026"),
        &[(E, "REF-4", "subject.dob")],
    );
    check(
        person()
            .with_date("subject.dob", "28", "11", "2026")
            .with("info.parents_informed", "no"),
        &[],
    );
    check(
        person().with_date("concerns.noticed", "29", "11", "2026"),
        &[(E, "REF-4", "concerns.noticed")],
    );
    check(
        person().with_date("concerns.noticed", "1", "", "2026"),
        &[(E, "REF-4", "concerns.noticed")],
    );
    check(
        expression().with_date("expression.first_seen", "1", "1", "2027"),
        &[(E, "REF-4", "expression.first_seen")],
    );
}

#[test]
fn ref_4_s7_date_messages_follow_the_gov_uk_pattern() {
    let msg = |d: &str, m: &str, y: &str| {
        let r = validate(
            &nrf::schema(),
            &person().with_date("subject.dob", d, m, y),
            &ctx(),
        );
        (r.issues[0].message.clone(), r.issues[0].part.clone())
    };
    assert_eq!(
        msg("3", "", "2010"),
        (
            "Date of birth must include a month".into(),
            Some("month".into())
        )
    );
    assert_eq!(
        msg("30", "2", "2010"),
        (
            "Date of birth must be a real date".into(),
            Some("day".into())
        )
    );
    assert_eq!(
        msg("1", "1", "2030"),
        (
            "Date of birth must be today or in the past".into(),
            Some("day".into())
        )
    );
}

#[test]
fn form_1_text_areas_keep_to_their_character_limit() {
    let long = "x".repeat(10_001);
    check(
        person().with("concerns.description", &long),
        &[(E, "FORM-1", "concerns.description")],
    );
    check(
        person().with("concerns.description", &"é".repeat(10_000)),
        &[],
    );
}

#[test]
fn report_lists_issues_in_page_order_one_error_per_field() {
    let answers = Answers::default().with("subject.type", "individual");
    let r = validate(&nrf::schema(), &answers, &ctx());
    let paths: Vec<&str> = r.errors().map(|i| i.path.as_str()).collect();
    let mut sorted = paths.clone();
    sorted.sort_by_key(|p| nrf::schema().position(p));
    assert_eq!(paths, sorted);
    let mut dedup = paths.clone();
    dedup.dedup();
    assert_eq!(paths, dedup, "one error per field");
    assert_eq!(paths.first(), Some(&"referral.intent"));
    assert_eq!(paths.last(), Some(&"declaration.confirm"));
}
