//! Validation: the schema's rules applied to answers, giving one complete report of typed
//! issues in page order. The same report drives inline errors, the error summary, task-list
//! statuses and whether a form can be finished.

use crate::answers::{Answer, Answers};
use crate::catalogue::RuleId;
use crate::date::{self, DateProblem};
use crate::form::{Check, Context, FormSchema, QuestionKind, Rule};
pub use crate::report::{Issue, Report, Severity};

impl Report {
    /// The issues of the questions on one page.
    pub fn for_page(&self, schema: &FormSchema, page_id: &str) -> Report {
        let Some(page) = schema.page(page_id) else {
            return Report::default();
        };
        Report {
            issues: self
                .issues
                .iter()
                .filter(|i| page.questions.iter().any(|q| q.id == i.path))
                .cloned()
                .collect(),
        }
    }
}

/// Validates every shown question of the form. Hidden questions are never checked.
pub fn validate(schema: &FormSchema, answers: &Answers, ctx: &Context) -> Report {
    validate_fields(schema, answers, ctx, &|_| true)
}

/// The issues of one page's questions: exactly `validate(schema, answers, ctx)
/// .for_page(schema, page_id)`, found by applying only the rules of that page's fields (the
/// PGA's and PLP's rules still read the whole record, as they need it). What a question page
/// renders on every keystroke (issue 9).
pub fn validate_page(
    schema: &FormSchema,
    answers: &Answers,
    ctx: &Context,
    page_id: &str,
) -> Report {
    let Some(page) = schema.page(page_id) else {
        return Report::default();
    };
    validate_fields(schema, answers, ctx, &|path| {
        page.questions.iter().any(|q| q.id == path)
    })
}

/// The report of the fields `keep` accepts. Each issue belongs to one field, and the errors of
/// a field are deduplicated among that field's own issues, so leaving other fields out changes
/// nothing for those kept; the stable sort keeps their order.
fn validate_fields(
    schema: &FormSchema,
    answers: &Answers,
    ctx: &Context,
    keep: &dyn Fn(&str) -> bool,
) -> Report {
    let mut issues: Vec<Issue> = Vec::new();
    let implicit = implicit_rules(schema, keep);
    for rule in schema
        .rules
        .iter()
        .filter(|r| keep(&r.field))
        .chain(&implicit)
    {
        if !schema.question_visible(&rule.field, answers, ctx) {
            continue;
        }
        // One error per field: the first failing rule (in schema order) wins, as GOV.UK shows
        // one message per field. Warnings and info are kept alongside.
        if let Some(issue) = apply(schema, rule, answers, ctx) {
            let dup = issue.severity == Severity::Error
                && issues
                    .iter()
                    .any(|i| i.path == issue.path && i.severity == Severity::Error);
            if !dup {
                issues.push(issue);
            }
        }
    }
    // The rules that need the whole record read at once (a PGA as a Gateway, a PLP case as a
    // case): the form's own (`FormDef::rules`).
    for issue in schema
        .def
        .rules(schema, answers, ctx, keep)
        .into_iter()
        .filter(|i| keep(&i.path))
    {
        let dup = issue.severity == Severity::Error
            && issues
                .iter()
                .any(|i| i.path == issue.path && i.severity == Severity::Error);
        if !dup {
            issues.push(issue);
        }
    }
    // Reading order (page, question; unknown fields last), then severity.
    crate::order::by_rank(&mut issues, |i| {
        let (page, question) = schema.position(&i.path);
        let cap = |n: usize| n.min(1 << 20) as i64;
        (cap(page) << 26) | (cap(question) << 4) | i.severity as i64
    });
    Report { issues }
}

fn implicit_rules(schema: &FormSchema, keep: &dyn Fn(&str) -> bool) -> Vec<Rule> {
    schema
        .pages
        .iter()
        .flat_map(|p| &p.questions)
        .filter(|q| {
            matches!(
                q.kind,
                QuestionKind::TextArea {
                    max_chars: Some(_),
                    ..
                }
            ) && keep(&q.id)
        })
        // FORM-1: the form-mechanics check every form gets without listing it, a text area's
        // character limit. Not a policy rule, so it cites no section.
        .map(|q| Rule::new(RuleId::Form1, &q.id, Check::MaxChars, ""))
        .collect()
}

fn apply(schema: &FormSchema, rule: &Rule, answers: &Answers, ctx: &Context) -> Option<Issue> {
    let (_, q) = schema.question(&rule.field)?;
    let answer = answers.get(&rule.field);
    let filled = answers.filled(&rule.field);
    let issue = |message: String, severity: Severity| Issue {
        path: rule.field.clone(),
        part: matches!(q.kind, QuestionKind::Date).then(|| "day".to_string()),
        parts: [true, true, true],
        severity,
        rule_id: rule.id,
        message,
        section: rule.section.clone(),
    };
    let error = |message: String| Some(issue(message, Severity::Error));
    let msg = || rule.message.clone();
    match &rule.check {
        Check::Required => match (filled, &q.kind) {
            (Some(_), _) => None,
            (None, QuestionKind::Date) => {
                let mut i = issue(
                    if rule.message.is_empty() {
                        DateProblem::Blank.message(&q.short)
                    } else {
                        msg()
                    },
                    Severity::Error,
                );
                i.part = Some("day".into());
                Some(i)
            }
            (None, _) => error(msg()),
        },
        Check::AnyOf(fields) => {
            let any = fields
                .iter()
                .any(|f| schema.visible_answer(f, answers, ctx).is_some());
            if any {
                None
            } else {
                error(msg())
            }
        }
        Check::RealDate => match filled {
            Some(Answer::Date(parts)) => match date::parse(parts) {
                Ok(_) => None,
                Err(problem) => {
                    let p = problem.parts();
                    let mut i = issue(problem.message(&q.short_sentence()), Severity::Error);
                    i.part = Some(p.first().to_string());
                    i.parts = [p.day, p.month, p.year];
                    Some(i)
                }
            },
            _ => None,
        },
        Check::NotFuture => match filled {
            Some(Answer::Date(parts)) => match date::parse(parts) {
                Ok(d) if d > ctx.today => {
                    let m = if rule.message.is_empty() {
                        format!("{} must be today or in the past", q.short_sentence())
                    } else {
                        msg()
                    };
                    error(m)
                }
                _ => None,
            },
            _ => None,
        },
        Check::NumberInRange => {
            let QuestionKind::Number { min, max } = q.kind else {
                return None;
            };
            let t = filled.and_then(Answer::as_text)?.trim();
            match t.parse::<u32>() {
                Ok(n) if (min..=max).contains(&n) => None,
                _ => error(msg()),
            }
        }
        Check::Email => {
            let t = filled.and_then(Answer::as_text)?.trim();
            if looks_like_email(t) {
                None
            } else {
                error(msg())
            }
        }
        Check::Phone => {
            let t = filled.and_then(Answer::as_text)?.trim();
            if looks_like_phone(t) {
                None
            } else {
                error(msg())
            }
        }
        Check::MaxChars => {
            let QuestionKind::TextArea {
                max_chars: Some(max),
                ..
            } = q.kind
            else {
                return None;
            };
            let n = filled.and_then(Answer::as_text)?.chars().count();
            if n > max {
                error(format!(
                    "{} must be {} characters or fewer (you have {} too many)",
                    q.short_sentence(),
                    max,
                    n - max
                ))
            } else {
                None
            }
        }
        Check::NotEqual(value) => (answer.and_then(Answer::as_text).map(str::trim)
            == Some(value.as_str()))
        .then(|| issue(msg(), Severity::Error)),
        Check::WarnIfEquals(value) => (answer.and_then(Answer::as_text).map(str::trim)
            == Some(value.as_str()))
        .then(|| issue(msg(), Severity::Warning)),
    }
}

impl crate::form::Question {
    /// The short name with a capital first letter, to start a sentence.
    pub fn short_sentence(&self) -> String {
        let mut c = self.short.chars();
        match c.next() {
            // Labels are English: ASCII case keeps Unicode's case tables out of the download.
            Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
            None => String::new(),
        }
    }
}

/// A pragmatic email check: something@something.something, no spaces.
pub fn looks_like_email(t: &str) -> bool {
    let Some((local, domain)) = t.rsplit_once('@') else {
        return false;
    };
    !local.is_empty()
        && !t.chars().any(char::is_whitespace)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

/// A phone number: digits with optional spaces, brackets, dashes and a leading +, 10 to 15
/// digits (UK numbers have 10 or 11; international up to 15), extension allowed after "ext".
pub fn looks_like_phone(t: &str) -> bool {
    let main = t.split("ext").next().unwrap_or(t).trim();
    let ok_chars = main
        .chars()
        .enumerate()
        .all(|(i, c)| c.is_ascii_digit() || " ()-".contains(c) || (c == '+' && i == 0));
    let digits = main.chars().filter(char::is_ascii_digit).count();
    ok_chars && (10..=15).contains(&digits)
}
