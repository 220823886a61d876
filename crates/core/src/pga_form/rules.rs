//! The PGA rules (PGA-1, PGA-3..16, [`crate::pga`]) and DIF-1 over the answers, as issues
//! against the form's questions; why a Gateway Decision option is unavailable (PGA-6..9,
//! PGA-14); whether the decision goes to the FIMU (PGA-11).

use super::dif_pages::{dif_issues_where, unassessed};
use super::read::{decision_of, gateway};
use crate::answers::Answers;
use crate::form::{Context, FormSchema, QuestionKind};
use crate::pga::{self, Unavailable};
use crate::report::Severity;
use crate::validate::Issue;
use crate::RuleId;

/// The issues of the PGA rules and DIF-1, against the PGA form's questions. Called by
/// [`crate::validate::validate`] for the PGA form; only issues of shown questions are kept.
pub fn rules(schema: &FormSchema, answers: &Answers, ctx: &Context) -> Vec<Issue> {
    rules_where(schema, answers, ctx, &|_| true)
}

/// [`rules`]' issues of the questions `keep` accepts (a page's, as
/// [`crate::validate::validate_page`] asks); DIF-1 is only worked out for those.
pub fn rules_where(
    schema: &FormSchema,
    answers: &Answers,
    ctx: &Context,
    keep: &dyn Fn(&str) -> bool,
) -> Vec<Issue> {
    let g = gateway(schema, answers, ctx);
    let mut issues = pga::validate(&g, ctx.today).issues;
    issues.extend(dif_issues_where(schema, answers, keep));
    // PGA-10 (s8): the decision arises from the completed DIF, so a factor not assessed yet
    // blocks the decision, not its own page (issue 21, item 7).
    if keep(DECISION) {
        let open = unassessed(schema, answers, ctx);
        if !open.is_empty() {
            let names: Vec<String> = open.iter().map(|(s, f)| format!("'{f}' ({s})")).collect();
            let n = open.len();
            issues.push(Issue::new(
                DECISION,
                Severity::Error,
                RuleId::Pga10,
                format!(
                    "You cannot make the Gateway Decision yet: {n} DIF factor{} not assessed yet: {}. Record each as present, absent or unknown first: the decision is made on the completed DIF (s8)",
                    if n == 1 { " is" } else { "s are" },
                    names.join(", ")
                ),
            ));
        }
    }
    issues.retain(|i| keep(&i.path) && schema.question_visible(&i.path, answers, ctx));
    for i in &mut issues {
        if matches!(schema.question(&i.path), Some((_, q)) if q.kind == QuestionKind::Date) {
            i.part = Some("day".into());
            i.parts = [true, true, true];
        }
    }
    issues
}

/// The Gateway Decision's question.
const DECISION: &str = "decision.outcome";

/// Why a Gateway Decision option cannot be chosen for these answers (PGA-6..9, PGA-14), or
/// `None` when it can. `value` is the option's stored value.
pub fn option_unavailable(
    schema: &FormSchema,
    answers: &Answers,
    ctx: &Context,
    value: &str,
) -> Option<Unavailable> {
    pga::unavailable(&gateway(schema, answers, ctx), decision_of(value)?)
}

/// PGA-11: whether the chosen decision goes to the FIMU; `None` before a decision is chosen.
pub fn fimu_submission(schema: &FormSchema, answers: &Answers, ctx: &Context) -> Option<bool> {
    let g = gateway(schema, answers, ctx);
    g.decision
        .map(|d| pga::fimu_submission_required(d, g.deconfliction.rado))
}
