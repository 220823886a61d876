//! What a question page works out on every keystroke (issue 9), checked against the whole
//! computation it stands for, over many answer sets: `validate_page` gives exactly the whole
//! report's issues for the page (every rule of every form: REF-1..REF-4, FORM-1, DIF-1, the
//! PGA's and PLP's rules), and the side panel's `factor_summary` is DIF-1's running summary.

use chrono::NaiveDate;
use prevent_core::answers::{Answer, Answers, DateParts};
use prevent_core::dif::{self, default_framework};
use prevent_core::form::{Context, FormSchema, QuestionKind};
use prevent_core::validate::{validate, validate_page, Report};
use prevent_core::{nrf, pga_form, plp_form};

fn ctx() -> Context {
    Context::on(NaiveDate::from_ymd_opt(2026, 11, 28).unwrap())
}

/// A small deterministic generator (no dependency, same answers on every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// Answers to some of the questions, valid and not: blanks, bad emails and numbers, long
/// texts, impossible and future dates, every option.
fn answers(schema: &FormSchema, seed: u64) -> Answers {
    let mut r = Lcg(seed);
    let mut a = Answers::default();
    for q in schema.pages.iter().flat_map(|p| &p.questions) {
        if r.next(4) == 0 {
            continue;
        }
        let value = match &q.kind {
            QuestionKind::Text { .. } => {
                let t = ["Alex", "not an email", "a@b.co", "0123 456 7890", "12", " "];
                Answer::Text(t[r.next(t.len())].into())
            }
            QuestionKind::Number { .. } => Answer::Text(["15", "0", "200", "x"][r.next(4)].into()),
            QuestionKind::TextArea { max_chars, .. } => {
                let n = max_chars.unwrap_or(50) + 1;
                Answer::Text(["Evidence", "", &"y".repeat(n)][r.next(3)].into())
            }
            QuestionKind::Radios { choices, .. } | QuestionKind::Select { choices } => {
                Answer::Text(choices[r.next(choices.len())].value.clone())
            }
            QuestionKind::Checkboxes { choices } => Answer::Choices(
                choices
                    .iter()
                    .filter(|_| r.next(2) == 0)
                    .map(|c| c.value.clone())
                    .collect(),
            ),
            QuestionKind::Date => {
                let d = [
                    ("2", "11", "2026"),
                    ("31", "2", "2026"),
                    ("1", "1", "2030"),
                    ("", "3", "2026"),
                    ("30", "10", "2026"),
                ][r.next(5)];
                Answer::Date(DateParts::new(d.0, d.1, d.2))
            }
        };
        a.set(&q.id, value);
    }
    a
}

fn assert_same_for_every_page(schema: &FormSchema, a: &Answers) {
    let whole = validate(schema, a, &ctx());
    for page in &schema.pages {
        assert_eq!(
            validate_page(schema, a, &ctx(), &page.id),
            whole.for_page(schema, &page.id),
            "form {}, page {}",
            schema.id,
            page.id
        );
    }
    assert_eq!(
        validate_page(schema, a, &ctx(), "no-such-page"),
        Report::default()
    );
}

#[test]
fn every_rule_validate_page_is_the_whole_reports_issues_of_that_page() {
    let f = default_framework();
    let schemas = [
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
    ];
    let mut issues = 0;
    for schema in &schemas {
        assert_same_for_every_page(schema, &Answers::default());
        for seed in 0..60 {
            let a = answers(schema, seed);
            issues += validate(schema, &a, &ctx()).issues.len();
            assert_same_for_every_page(schema, &a);
        }
    }
    // The answers do raise issues (errors and warnings) for the comparison to mean something.
    assert!(issues > 1000, "{issues} issues");
}

#[test]
fn dif_1_factor_summary_is_the_summary_of_the_dif_record() {
    let f = default_framework();
    let schema = pga_form::schema(&f);
    let summary = |a: &Answers| dif::summary(&f, &pga_form::dif_record(&f, a));
    assert_eq!(
        pga_form::factor_summary(&schema, &Answers::default()),
        summary(&Answers::default())
    );
    let mut present = 0;
    for seed in 0..60 {
        let a = answers(&schema, seed);
        let s = pga_form::factor_summary(&schema, &a);
        present += s.present.len();
        assert_eq!(s, summary(&a), "seed {seed}");
        assert_eq!(
            pga_form::decision_summary(&schema, &a, &ctx()).factors,
            s,
            "seed {seed}"
        );
    }
    assert!(present > 60, "{present} sections with factors present");
}
