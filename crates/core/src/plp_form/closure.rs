//! The closure of a PLP case (PLP-9, PLP-10, s13): its date and closure code, the supervised
//! closing DIF and, when CT risk remains, the RPC's authority and a detailed justification.

use super::{CLOSURE_DEF, CLOSURE_FORM_ID, VERSION};
use crate::answers::Answers;
use crate::catalogue::RuleId;
use crate::form::{Check as RuleCheck, Context, FormSchema, QuestionKind};
use crate::form_builder::{
    area, check_answers_page, checkboxes, choice, eq, page, q, radios, rule, text, yes_no,
    QuestionExt,
};
use crate::form_def::Def;
use crate::pga_form::date_of;
use crate::validate::Issue;
use chrono::NaiveDate;

/// The closure codes offered for a PLP case (PLP-9, s13): (value, code, label). The Channel
/// code is not offered: it is for Channel cases.
pub const CLOSURE_CODES: [(&str, crate::plp::ClosureCode, &str); 7] = [
    (
        "deceased",
        crate::plp::ClosureCode::Deceased,
        "The subject is deceased",
    ),
    (
        "no-ct-concern",
        crate::plp::ClosureCode::NoCtConcern,
        "No actual CT concern",
    ),
    (
        "not-located",
        crate::plp::ClosureCode::NotLocated,
        "The subject could not be located",
    ),
    (
        "pursue",
        crate::plp::ClosureCode::EscalatedToPursue,
        "Escalated to the Pursue space",
    ),
    (
        "non-ct-onwards",
        crate::plp::ClosureCode::NonCtIssueReferredOnwards,
        "No CT concern, but a non-CT issue referred onwards",
    ),
    (
        "risk-reduced",
        crate::plp::ClosureCode::RiskReduced,
        "Risk reduced: diverted, deterred or desisted",
    ),
    (
        "into-channel",
        crate::plp::ClosureCode::ExitedIntoChannel,
        "Exited into Channel: the individual is willing",
    ),
];

/// The hidden answer that holds the case's band when its closure was started (PLP-12), carried
/// from the case as `case.ctco` is: "high", "standard" or "monitored". Exported as the record's
/// `band_at_closure`.
pub const BAND_FIELD: &str = "plp.band_at_closure";

/// PLP-12 (s12): why the closure code `value` cannot be chosen for a case closing in the band
/// the answers carry, in a few words for beside the option (the refusal, if chosen anyway,
/// says it in full), or `None`.
pub fn closure_code_unavailable(answers: &Answers, value: &str) -> Option<String> {
    let (_, code, _) = CLOSURE_CODES.iter().find(|(v, _, _)| *v == value)?;
    let band = answers.text(BAND_FIELD).and_then(super::banding::band_of);
    crate::plp::closure_unavailable(band, *code)?;
    Some(format!(
        "the case is {}: it leaves PLP through Monitored first (PLP-12, s12)",
        band.map_or("", |b| b.label())
    ))
}

/// The closure form: date, code (PLP-9), the supervised closing DIF and, when CT risk remains,
/// the RPC's authority and a detailed justification (PLP-10).
pub fn closure_schema() -> FormSchema {
    let risk = eq("closure.risk", "yes");
    let pages = vec![
        page("closure", "Close the case", "Closure", Some("A PLP case closes with a closure code and a supervised closing DIF (PLP-9, PLP-10, s13). It is then reviewed at 6 and 12 months (PLP-11)."), vec![
            q("case.ctco", "Your name", "your name", text()).hint("Recorded against every change in the audit trail"),
            q("plp.closed", "Date of closure", "the date of closure", QuestionKind::Date).hint("For example, 29 6 2027. The 6- and 12-month reviews are counted from it (PLP-11)."),
            q("closure.code", "Why is the case closing?", "closure code", radios(CLOSURE_CODES.iter().map(|(v, _, l)| choice(v, l)).collect(), false)),
            q("closure.dif", "Is the closing DIF complete and signed off by a supervisor?", "whether the closing DIF is supervised", yes_no()),
            q("closure.risk", "Do Prevent issues or CT risk remain?", "whether risk remains", yes_no()),
            q("closure.rpc", "Has the Regional Prevent Co-ordinator authorised closing with risk remaining?", "RPC authority", yes_no()).when(risk.clone()),
            q("closure.justification", "Why should management not continue, and why can escalation not be undertaken?", "justification for closing with risk remaining", area(6)).hint("A clear and detailed justification (PLP-10, s13)").when(risk),
        ]),
        page("authority", "The supervisor's authority", "Supervision", Some("A supervisor authorises the closure: at least a Sergeant or a police staff CTCO supervisor, and never the CTCO who manages the case (s13; SUP-1, PGA-16, s14)."), {
            let mut qs = crate::supervision::questions("For example, 28 6 2027");
            qs.push(q("supervisor.approved", "Does the supervisor authorise the closure?", "supervisor's authority", yes_no()));
            qs
        }),
        check_answers_page("Confirm"),
        page("declaration", "Confirm the closure", "Confirm", Some("The case is then closed: its 6- and 12-month reviews become its deadlines."), vec![
            q("declaration.confirm", "Confirm", "confirmation", checkboxes(vec![
                choice("confirmed", "I confirm the closure of this case"),
            ])),
        ]),
    ];
    let mut rules = vec![
        rule(
            RuleId::Plp9,
            "case.ctco",
            RuleCheck::Required,
            "Enter your name",
        ),
        rule(RuleId::Plp11, "plp.closed", RuleCheck::Required, ""),
        rule(RuleId::Plp11, "plp.closed", RuleCheck::RealDate, ""),
        rule(RuleId::Plp11, "plp.closed", RuleCheck::NotFuture, ""),
        rule(
            RuleId::Plp10,
            "closure.risk",
            RuleCheck::Required,
            "Select yes if Prevent issues or CT risk remain",
        ),
        rule(
            RuleId::Plp10,
            "closure.dif",
            RuleCheck::Required,
            "Select yes if the closing DIF is complete and signed off",
        ),
        rule(
            RuleId::Plp10,
            "declaration.confirm",
            RuleCheck::Required,
            "Confirm the closure",
        ),
        rule(
            RuleId::Plp10,
            "supervisor.approved",
            RuleCheck::Required,
            "Select yes if the supervisor authorises the closure",
        ),
    ];
    rules.extend(crate::supervision::rules(RuleId::Plp10));
    FormSchema {
        id: CLOSURE_FORM_ID.into(),
        version: VERSION,
        title: "PLP closure".into(),
        pages,
        rules,
        def: Def(&CLOSURE_DEF),
    }
}

/// The closure as the answers describe it, with its date when given.
pub fn closure_of(answers: &Answers) -> (Option<NaiveDate>, crate::plp::Closure) {
    let yes = |f: &str| answers.text(f) == Some("yes");
    (
        date_of(answers, "plp.closed"),
        crate::plp::Closure {
            band: answers.text(BAND_FIELD).and_then(super::banding::band_of),
            code: answers
                .text("closure.code")
                .and_then(|v| CLOSURE_CODES.iter().find(|(c, _, _)| *c == v))
                .map(|(_, code, _)| *code),
            closing_dif_supervised: yes("closure.dif"),
            ct_risk_remaining: yes("closure.risk"),
            rpc_authority: yes("closure.rpc"),
            justification: answers
                .text("closure.justification")
                .unwrap_or("")
                .to_string(),
        },
    )
}

/// The closure's rules (PLP-9, PLP-10) against its questions. Called by
/// [`crate::validate::validate`].
pub fn closure_rules(schema: &FormSchema, answers: &Answers, ctx: &Context) -> Vec<Issue> {
    let (_, c) = closure_of(answers);
    let mut issues = crate::plp::check_closure(&c);
    // "No" to the supervised closing DIF is the PLP-10 error; unanswered is its own question's.
    if answers.text("closure.dif").is_none() {
        issues.retain(|i| i.path != "closure.dif");
    }
    // s13: a supervisor authorises the closure (SUP-1 and PGA-16: not the CTCO, a supervising
    // rank); the authority comes before the case closes, so its date is not compared.
    issues.extend(crate::supervision::issues(
        schema,
        answers,
        ctx,
        "manages the case",
        None,
    ));
    issues.extend(crate::supervision::not_approved(
        answers,
        RuleId::Plp10,
        "s13",
        "A case closes only with a supervisor's authority: record the closure once they have given it",
    ));
    issues.retain(|i| schema.question_visible(&i.path, answers, ctx));
    issues
}
