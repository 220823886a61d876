//! The transfer of a PLP case to another force (TRF-1, s13): who transfers it and to which
//! force, when the move (or potential move) first became known and when the receiving force was
//! contacted, the date of transfer, the up-to-date outgoing DIF (copied from the case's last DIF,
//! as a reassessment's is) and the supervisor's sign-off (SUP-1). A recorded transfer ends the
//! case in this force; its package (the case and every record linked to it, one file) is what
//! the receiving force imports, and [`from_transfer`] starts the receiving force's new entry.
//! docs/decisions/0019-transfers.md.

use super::{CASE_FIELD, TRANSFER_DEF, TRANSFER_FORM_ID, VERSION};
use crate::answers::{Answer, Answers, DateParts};
use crate::catalogue::RuleId;
use crate::form::{Check as RuleCheck, Context, FileRecord, FormSchema, QuestionKind};
use crate::form_builder::{area, check_answers_page, checkboxes, choice, page, q, rule, text};
use crate::form_builder::{yes_no, QuestionExt};
use crate::form_def::Def;
use crate::pga_form::{date_of, dif_issues, dif_page, dif_rules};
use crate::validate::{Issue, Severity};
use chrono::{Datelike, NaiveDate};

/// The answer that says the new entry came by transfer (TRF-1, s13): the value of its entry route.
pub const TRANSFERRED: &str = "transferred";

/// The transfer form: the move and the contact (s13), the date of transfer, the outgoing DIF and
/// the supervisor's sign-off.
pub fn transfer_schema(framework: &crate::dif::Framework) -> FormSchema {
    let mut pages = vec![page("transfer", "Transfer to another force", "Transfer", Some("The outgoing force contacts the new force when the move or potential move first becomes known, and completes an up-to-date DIF at the point of transfer (TRF-1, s13). The case then ends in this force: the receiving force takes it on from the package."), vec![
        q("case.ctco", "Your name", "your name", text()).hint("Recorded against every change in the audit trail"),
        q("transfer.from", "Your force", "your force", text()).hint("The outgoing force, as the receiving force will see it"),
        q("transfer.to", "Receiving force", "the receiving force", text()),
        q("transfer.known", "Date the move or potential move first became known", "the date the move became known", QuestionKind::Date).hint("For example, 1 3 2027"),
        q("transfer.contacted", "Date the receiving force was contacted", "the date the receiving force was contacted", QuestionKind::Date).hint("The outgoing force contacts the new force when the move first becomes known (s13)"),
        q("plp.transferred", "Date of transfer", "the date of transfer", QuestionKind::Date).hint("The case ends in this force on this day"),
        q("transfer.dif_date", "Date of the outgoing DIF", "the date of the outgoing DIF", QuestionKind::Date).hint("The DIF that follows starts as the case's last one: bring it up to date at the point of transfer (s13)"),
        q("transfer.notes", "Hand-over notes (optional)", "hand-over notes", area(5)),
    ])];
    for s in &framework.sections {
        let mut p = dif_page(s);
        p.section = "Outgoing DIF".into();
        pages.push(p);
    }
    pages.push(page("signoff", "The supervisor's sign-off", "Supervision", Some("A supervisor signs off the outgoing DIF and the transfer: at least a Sergeant or a police staff CTCO supervisor, never the CTCO who manages the case (SUP-1, PGA-16, s14)."), {
        let mut qs = crate::supervision::questions("For example, 3 3 2027");
        qs.push(q("supervisor.approved", "Does the supervisor sign off the outgoing DIF and the transfer?", "supervisor's sign-off", yes_no()));
        qs
    }));
    pages.push(check_answers_page("Confirm"));
    pages.push(page("declaration", "Confirm the transfer", "Confirm", Some("The case then ends in this force. Download the transfer package from the case page and send it to the receiving force."), vec![
        q("declaration.confirm", "Confirm", "confirmation", checkboxes(vec![
            choice("confirmed", "I confirm the transfer of this case, its outgoing DIF signed off by my supervisor"),
        ])),
    ]));
    let required =
        |field: &str, message: &str| rule(RuleId::Trf1, field, RuleCheck::Required, message);
    let mut rules = vec![
        required("case.ctco", "Enter your name"),
        required("transfer.from", "Enter your force"),
        required("transfer.to", "Enter the receiving force"),
        required(
            "supervisor.approved",
            "Select yes if the supervisor signs off the outgoing DIF and the transfer",
        ),
        required("declaration.confirm", "Confirm the transfer"),
    ];
    for field in [
        "transfer.known",
        "transfer.contacted",
        "plp.transferred",
        "transfer.dif_date",
    ] {
        rules.push(required(field, ""));
        rules.push(rule(RuleId::Trf1, field, RuleCheck::RealDate, ""));
        rules.push(rule(RuleId::Trf1, field, RuleCheck::NotFuture, ""));
    }
    rules.extend(crate::supervision::rules(RuleId::Trf1));
    rules.extend(dif_rules(framework));
    FormSchema {
        id: TRANSFER_FORM_ID.into(),
        version: VERSION,
        title: "PLP transfer".into(),
        pages,
        rules,
        def: Def(&TRANSFER_DEF),
    }
}

/// The transfer's date and receiving force, when the date is given.
pub fn transfer_of(answers: &Answers) -> Option<(NaiveDate, String)> {
    Some((
        date_of(answers, "plp.transferred")?,
        answers.text("transfer.to").unwrap_or("").trim().to_string(),
    ))
}

/// TRF-1 (s13) over the transfer's dates, and its sign-off (SUP-1). Called by
/// [`crate::validate::validate`].
pub fn transfer_rules(schema: &FormSchema, answers: &Answers, ctx: &Context) -> Vec<Issue> {
    let d = |f: &str| date_of(answers, f);
    let mut issues = Vec::new();
    let mut push = |path: &str, severity: Severity, message: String| {
        issues.push(Issue::new(path, severity, RuleId::Trf1, message).citing("s13"));
    };
    if let Some(known) = d("transfer.known") {
        let long = crate::date::long_date(known);
        if let Some(c) = d("transfer.contacted") {
            if c < known {
                push("transfer.contacted", Severity::Error, format!("The receiving force cannot have been contacted about the move before it became known ({long})"));
            } else if c > known {
                push("transfer.contacted", Severity::Warning, format!("The outgoing force contacts the new force at the point the move first becomes known ({long}): say in the hand-over notes why it was later"));
            }
        }
        if d("plp.transferred").is_some_and(|t| t < known) {
            push(
                "plp.transferred",
                Severity::Error,
                format!("The transfer cannot be before the move became known ({long})"),
            );
        }
        if d("transfer.dif_date").is_some_and(|t| t < known) {
            push("transfer.dif_date", Severity::Error, format!("The outgoing DIF must be up to date at the point of transfer: make it on or after the day the move became known ({long})"));
        }
    }
    if let (Some(dif), Some(t)) = (d("transfer.dif_date"), d("plp.transferred")) {
        if dif > t {
            push(
                "transfer.dif_date",
                Severity::Error,
                "The outgoing DIF is completed at the point of transfer, not after it".into(),
            );
        }
    }
    issues.extend(crate::supervision::not_approved(
        answers,
        RuleId::Trf1,
        "s13",
        "Every DIF is supervised: record the transfer once the supervisor has signed it off",
    ));
    issues.extend(dif_issues(schema, answers));
    issues.extend(crate::supervision::issues(
        schema,
        answers,
        ctx,
        "manages the case",
        Some(("transfer.dif_date", "the DIF")),
    ));
    issues.retain(|i| schema.question_visible(&i.path, answers, ctx));
    issues
}

/// A transfer of case `case_id`, started from its page: the last DIF copied in to be brought up
/// to date (s13, "an up-to-date DIF"), and the CTCO carried across.
pub fn start_transfer(last: &Answers, case_id: &str) -> Answers {
    super::start_review(last, case_id)
}

/// What is wrong with a transfer package (TRF-1): `transfer` is the transfer record in it and
/// `file` every record of the file. The transfer is final, its case (a final PLP entry) is in
/// the file, and every other record belongs to that case.
pub fn package_issue(transfer: &FileRecord, file: &[FileRecord]) -> Option<String> {
    if !transfer.finished {
        return Some("the transfer in this package is not final: the outgoing force confirms it, with its supervisor's sign-off, before sending the package (TRF-1, s13)".into());
    }
    let case = transfer.answers.text(CASE_FIELD).unwrap_or("");
    let Some(entry) = file.iter().find(|d| d.id == case) else {
        return Some("the package does not hold the case that was transferred (TRF-1, s13): ask the outgoing force for the whole package".into());
    };
    if entry.form != super::FORM_ID || !entry.finished {
        return Some(
            "the transfer's case in this package is not a confirmed PLP case (TRF-1, s13)".into(),
        );
    }
    file.iter()
        .position(|d| d.id != case && d.answers.text(CASE_FIELD) != Some(case))
        .map(|i| format!("record {} does not belong to the transferred case: a transfer package holds one case and its records (TRF-1, s13)", i + 1))
}

/// The receiving force's new entry for a transferred case (TRF-1, s13: "The receiving force must
/// complete a new DIF/VAF upon receipt of the case"): its case reference, the route
/// "transferred" with the force it came from, `received` as the day of receipt, the outgoing
/// DIF (`transfer`'s) to start the new one from, and the banding answers of the case's last
/// DIF (`latest`); the band only when it can be an entry's (never Monitored: PLP-4).
pub fn from_transfer(
    entry: &Answers,
    latest: &Answers,
    transfer: &Answers,
    received: NaiveDate,
) -> Answers {
    let mut out = Answers::default();
    // The outgoing DIF, as a reassessment copies the last one (`start_review`), without the
    // outgoing CTCO or the link to the outgoing case.
    for (k, v) in &super::start_review(transfer, "").0 {
        if k != "case.ctco" && k != super::CASE_FIELD {
            out.set(k, v.clone());
        }
    }
    for k in ["plp.urgent_mh", "plp.work_needed", "plp.judgement"] {
        if let Some(v) = latest.get(k) {
            out.set(k, v.clone());
        }
    }
    if let Some(b @ ("high" | "standard")) = latest.text("plp.band") {
        out.set("plp.band", Answer::Text(b.into()));
    }
    for (k, from) in [
        ("case.reference", entry.text("case.reference")),
        (super::SUBJECT_FIELD, entry.text(super::SUBJECT_FIELD)),
        ("plp.from_force", transfer.text("transfer.from")),
        ("plp.route", Some(TRANSFERRED)),
    ] {
        if let Some(v) = from {
            out.set(k, Answer::Text(v.into()));
        }
    }
    out.set(
        "plp.received",
        Answer::Date(DateParts::new(
            &received.day().to_string(),
            &received.month().to_string(),
            &received.year().to_string(),
        )),
    );
    out
}

/// The file name of a case's transfer package: its reference, no personal data.
pub fn package_file_name(reference: &str) -> String {
    let r: String = reference
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("prevent-plp-case-{r}-transfer-package.json")
}
