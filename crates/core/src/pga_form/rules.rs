//! The PGA rules (PGA-1, PGA-3..16, [`crate::pga`]) and DIF-1 over the answers, as issues
//! against the form's questions; why a Gateway Decision option is unavailable (PGA-6..9,
//! PGA-14); whether the decision goes to the FIMU (PGA-11).

use super::dif_pages::dif_issues_where;
use super::read::{decision_of, gateway};
use crate::answers::Answers;
use crate::form::{Context, FormSchema, QuestionKind};
use crate::pga::{self, Unavailable};
use crate::validate::Issue;

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
    issues.retain(|i| keep(&i.path) && schema.question_visible(&i.path, answers, ctx));
    for i in &mut issues {
        if matches!(schema.question(&i.path), Some((_, q)) if q.kind == QuestionKind::Date) {
            i.part = Some("day".into());
            i.parts = [true, true, true];
        }
    }
    issues
}

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
