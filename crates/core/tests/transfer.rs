//! TRF-1 (s13): a PLP case transferred between forces (docs/decisions/0019-transfers.md). The
//! outgoing force's transfer record (its rules, one `check` line per case), what a recorded
//! transfer does to the case (band, deadlines, timeline), the transfer package (a whole one
//! imports; a damaged one is refused whole, naming what is wrong), and the receiving force's
//! new entry with its tasks and their deadlines.

#[path = "fixtures/import/records.rs"]
mod records;

use chrono::NaiveDate;
use prevent_core::answers::Answers;
use prevent_core::calendar::{Calendar, Division};
use prevent_core::deadline::Band;
use prevent_core::form::{Context, FormSchema};
use prevent_core::import::{parse, ErrorKind};
use prevent_core::plp_case::{self, ItemKind, PanelMeeting, PlpCase, Transfer};
use prevent_core::validate::validate;
use prevent_core::{export, plp_form, Draft, RuleId, Severity};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn ew() -> Calendar<'static> {
    Calendar::of(Division::EnglandAndWales)
}

fn schema() -> FormSchema {
    plp_form::transfer_schema(&prevent_core::dif::default_framework())
}

/// The transfer's issues on 1 July 2027: (severity, rule, field).
fn issues(a: &Answers) -> Vec<(Severity, &'static str, String)> {
    validate(&schema(), a, &Context::on(d("2027-07-01")))
        .issues
        .into_iter()
        .map(|i| (i.severity, i.rule_id.id(), i.path))
        .collect()
}

fn check(a: Answers, want: &[(Severity, &str, &str)]) {
    let got = issues(&a);
    let want: Vec<(Severity, &str, String)> = want
        .iter()
        .map(|(s, r, p)| (*s, *r, p.to_string()))
        .collect();
    assert_eq!(got, want);
}

use Severity::{Error, Warning};

#[test]
fn trf_1_s13_the_transfer_record_rules() {
    let ok = records::transfer_answers;
    check(ok(), &[]);
    // s13: the new force is contacted when the move first becomes known.
    check(
        ok().with_date("transfer.contacted", "25", "6", "2027"),
        &[(Warning, "TRF-1", "transfer.contacted")],
    );
    check(
        ok().with_date("transfer.contacted", "19", "6", "2027"),
        &[(Error, "TRF-1", "transfer.contacted")],
    );
    // The transfer and its up-to-date DIF (s13: "at the point of transfer").
    check(
        ok().with_date("plp.transferred", "19", "6", "2027")
            .with_date("transfer.dif_date", "19", "6", "2027")
            .with_date("supervisor.date", "19", "6", "2027"),
        &[
            (Error, "TRF-1", "plp.transferred"),
            (Error, "TRF-1", "transfer.dif_date"),
        ],
    );
    check(
        ok().with_date("transfer.dif_date", "29", "6", "2027")
            .with_date("supervisor.date", "29", "6", "2027"),
        &[(Error, "TRF-1", "transfer.dif_date")],
    );
    // Real dates, not in the future.
    check(
        ok().with_date("plp.transferred", "2", "7", "2027"),
        &[(Error, "TRF-1", "plp.transferred")],
    );
    // SUP-1: a supervisor, not the CTCO, not a constable, after the DIF; and their sign-off.
    check(
        ok().with("supervisor.name", "DC Jo Case"),
        &[(Error, "PGA-16", "supervisor.name")],
    );
    check(
        ok().with("supervisor.rank", "constable"),
        &[(Error, "PGA-16", "supervisor.rank")],
    );
    check(
        ok().with_date("supervisor.date", "24", "6", "2027"),
        &[(Error, "SUP-1", "supervisor.date")],
    );
    check(
        ok().with("supervisor.approved", "no"),
        &[(Error, "TRF-1", "supervisor.approved")],
    );
    // Required answers.
    let mut blank = ok();
    for f in ["transfer.to", "transfer.from"] {
        blank.0.remove(f);
    }
    check(
        blank,
        &[
            (Error, "TRF-1", "transfer.from"),
            (Error, "TRF-1", "transfer.to"),
        ],
    );
    // Every message cites TRF-1 and s13.
    let i = validate(
        &schema(),
        &ok().with_date("transfer.contacted", "19", "6", "2027"),
        &Context::on(d("2027-07-01")),
    );
    assert_eq!(
        i.issues[0].cited(),
        "The receiving force cannot have been contacted about the move before it became known (20 June 2027) (TRF-1, s13)"
    );
}

#[test]
fn trf_1_the_transfer_starts_from_the_last_dif() {
    let last = Answers::default()
        .with("case.ctco", "DC Jo Case")
        .with("dif.threat.harm.finding", "present")
        .with("dif.framework", "ctp-default version 1")
        .with("plp.band", "high");
    let a = plp_form::start_transfer(&last, "7c9e6679-7425-40de-944b-e07fc1f90ae7");
    assert_eq!(a.text("dif.threat.harm.finding"), Some("present"));
    assert_eq!(a.text("case.ctco"), Some("DC Jo Case"));
    assert_eq!(
        a.text(plp_form::CASE_FIELD),
        Some("7c9e6679-7425-40de-944b-e07fc1f90ae7")
    );
    assert_eq!(a.get("dif.framework"), None);
    assert_eq!(a.get("plp.band"), None);
}

fn open_case() -> PlpCase {
    let entry = records::form("plp");
    plp_form::case(&entry, &records::samples()[4].draft.answers)
}

#[test]
fn trf_1_a_recorded_transfer_ends_the_case_in_this_force() {
    let mut c = open_case();
    assert_eq!(c.reviews[0].date, d("2027-01-05"));
    assert_eq!(plp_case::band_on(&c, d("2027-06-28")), Some(Band::High));
    assert!(!plp_case::deadlines(&c, &ew()).is_empty());
    c.transfer.out = Some((d("2027-06-28"), "Westshire Police".into()));
    assert_eq!(plp_case::band_on(&c, d("2027-06-27")), Some(Band::High));
    assert_eq!(plp_case::band_on(&c, d("2027-06-28")), None);
    // The receiving force manages it: no PLP-5, INT-1 or PLP-11 dates here.
    assert_eq!(plp_case::deadlines(&c, &ew()), vec![]);
    assert_eq!(plp_case::ended(&c), Some(d("2027-06-28")));
    let t = plp_case::timeline(&c, &ew(), d("2027-07-01"));
    let end = t
        .items
        .iter()
        .find(|i| i.kind == ItemKind::Closure)
        .unwrap();
    assert_eq!(
        (end.date, end.label.as_str()),
        (d("2027-06-28"), "Transferred to Westshire Police")
    );
    assert_eq!(t.spans.last().unwrap().to, d("2027-06-28"));
    assert_eq!(t.band_on(d("2027-06-30")), None);
    assert_eq!(
        plp_form::transfer_of(&records::transfer_answers()),
        Some((d("2027-06-28"), "Westshire Police".into()))
    );
}

/// The receiving force's entry, as "Take on the case" starts it on 1 July 2027.
fn taken_on() -> Answers {
    let samples = records::samples();
    let entry = &samples[4].draft.answers;
    plp_form::from_transfer(entry, entry, &records::transfer_answers(), d("2027-07-01"))
}

#[test]
fn trf_1_the_receiving_force_starts_a_new_entry_from_the_package() {
    let a = taken_on();
    assert_eq!(a.text("case.reference"), Some("PCM-2027-0001"));
    assert_eq!(a.text("plp.route"), Some(plp_form::TRANSFERRED));
    assert_eq!(a.text("plp.from_force"), Some("Northshire Police"));
    assert_eq!(a.text("plp.band"), Some("high"));
    assert_eq!(a.text("dif.threat.escalation.finding"), Some("present"));
    assert_eq!(a.get("case.ctco"), None, "the receiving force's own CTCO");
    assert_eq!(a.get(plp_form::CASE_FIELD), None);
    assert_eq!(a.get("dif.framework"), None);
    // A Monitored band is not carried: no case enters PLP as Monitored (PLP-4).
    let samples = records::samples();
    let m = Answers::default().with("plp.band", "monitored");
    let b = plp_form::from_transfer(
        &samples[4].draft.answers,
        &m,
        &records::transfer_answers(),
        d("2027-07-01"),
    );
    assert_eq!(b.get("plp.band"), None);
    // The entry's own rules: the route's rationale (PLP-7), the force and the day of receipt,
    // and a new DIF not dated before receipt (TRF-1).
    let entry = records::form("plp");
    let ctx = Context::on(d("2027-07-05"));
    let report = validate(&entry, &a, &ctx);
    let rationale = report
        .issues
        .iter()
        .find(|i| i.path == "plp.route_rationale")
        .unwrap();
    assert_eq!(
        rationale.cited(),
        "Explain the move between areas and the change in circumstances it brings (s13) (PLP-7, s11)"
    );
    let early = a.clone().with_date("plp.entered", "30", "6", "2027");
    let r = validate(&entry, &early, &ctx);
    assert!(r
        .issues
        .iter()
        .any(|i| i.rule_id == RuleId::Trf1 && i.path == "plp.entered"));
    let mut no_force = a.clone();
    no_force.0.remove("plp.from_force");
    let r = validate(&entry, &no_force, &ctx);
    assert!(r
        .issues
        .iter()
        .any(|i| i.rule_id == RuleId::Trf1 && i.path == "plp.from_force"));
}

#[test]
fn trf_1_the_receiving_force_s_tasks_and_their_deadlines() {
    let entry = records::form("plp");
    let a = taken_on().with_date("plp.entered", "2", "7", "2027");
    let mut c = plp_form::case(&entry, &a);
    assert_eq!(c.transfer.received, Some(d("2027-07-01")));
    assert_eq!(c.transfer.from, "Northshire Police");
    let tasks = plp_case::transfer_tasks(&c, &ew());
    let row = |t: &prevent_core::deadline::Deadline| (t.rule_id, t.key, t.due, t.done);
    // New DIF and CMP: 5 working days from receipt; panel: the band's cadence (High: 4 weeks).
    assert_eq!(
        tasks.iter().map(row).collect::<Vec<_>>(),
        vec![
            (RuleId::Trf1, "trf-1-dif", d("2027-07-08"), None),
            (RuleId::Trf1, "trf-1-panel", d("2027-07-29"), None),
        ]
    );
    // In the case's deadlines (and so its .ics and the officers' list), beside PLP-5 and INT-1.
    let keys: Vec<&str> = plp_case::deadlines(&c, &ew())
        .iter()
        .map(|d| d.key)
        .collect();
    assert_eq!(keys, ["trf-1-dif", "trf-1-panel", "plp-5", "int-1"]);
    // Done once the entry is confirmed, and once a panel is held on or after receipt.
    c.transfer.taken_on = Some(d("2027-07-03"));
    c.panels.push(PanelMeeting {
        date: d("2027-07-20"),
        panel: Default::default(),
        minutes: String::new(),
        actions: String::new(),
    });
    let done: Vec<_> = plp_case::transfer_tasks(&c, &ew())
        .iter()
        .map(|t| t.done)
        .collect();
    assert_eq!(done, [Some(d("2027-07-03")), Some(d("2027-07-20"))]);
    // Standard: 8 weeks; without a band yet, Standard's.
    let std = plp_form::case(&entry, &a.clone().with("plp.band", "standard"));
    assert_eq!(
        plp_case::transfer_tasks(&std, &ew())[1].due,
        d("2027-08-26")
    );
    // A case that did not come by transfer has no such tasks.
    assert_eq!(plp_case::transfer_tasks(&open_case(), &ew()), vec![]);
    assert_eq!(Transfer::default().received, None);
}

// ---------------------------------------------------------------------------------------------
// The package.

fn package(records: &[&Draft]) -> String {
    let forms = records::forms();
    let pairs: Vec<(&FormSchema, &Draft)> = records
        .iter()
        .map(|d| (forms.iter().find(|f| f.id == d.form).unwrap(), *d))
        .collect();
    export::package_to_json_string(&pairs, &records::ctx())
}

fn import(text: &str) -> Result<usize, (ErrorKind, String)> {
    let forms = records::forms();
    let known: Vec<&FormSchema> = forms.iter().collect();
    parse(text.as_bytes(), &known, &records::ctx())
        .map(|i| i.records.len())
        .map_err(|e| (e.kind, e.to_string()))
}

fn sample(name: &str) -> Draft {
    records::samples()
        .into_iter()
        .find(|s| s.name == name)
        .unwrap()
        .draft
}

#[test]
fn trf_1_a_whole_package_imports_and_a_damaged_one_is_refused_whole() {
    let (entry, review, panel, sent, transfer) = (
        sample("PLP entry"),
        sample("PLP reassessment"),
        sample("PLP panel"),
        sample("submission to the FIMU"),
        sample("PLP transfer"),
    );
    let whole = package(&[&entry, &review, &panel, &sent, &transfer]);
    assert!(whole.contains("\"package\": \"transfer\""));
    assert_eq!(import(&whole), Ok(5));
    assert_eq!(
        plp_form::package_file_name("PCM-2027/0001"),
        "prevent-plp-case-PCM-2027-0001-transfer-package.json"
    );
    let refused = |text: &str, kind: ErrorKind, message: &str| {
        assert_eq!(import(text), Err((kind, message.to_string())));
    };
    // The transfer not final.
    refused(
        &package(&[&entry, &sample("half-filled PLP transfer")]),
        ErrorKind::Package,
        "This transfer package is not whole: the transfer in this package is not final: the outgoing force confirms it, with its supervisor's sign-off, before sending the package (TRF-1, s13)",
    );
    // The case missing.
    refused(
        &package(&[&review, &transfer]),
        ErrorKind::Package,
        "This transfer package is not whole: the package does not hold the case that was transferred (TRF-1, s13): ask the outgoing force for the whole package",
    );
    // A record of another case.
    let mut stray = sample("half-filled PLP panel");
    stray.answers.set(
        plp_form::CASE_FIELD,
        prevent_core::Answer::Text("0f8fad5b-d9cb-469f-a165-708677289501".into()),
    );
    refused(
        &package(&[&entry, &stray, &transfer]),
        ErrorKind::Package,
        "This transfer package is not whole: record 2 does not belong to the transferred case: a transfer package holds one case and its records (TRF-1, s13)",
    );
    // No transfer, or two.
    refused(
        &package(&[&entry, &review]),
        ErrorKind::Package,
        "The file is marked as a transfer package but holds no transfer (TRF-1, s13)",
    );
    refused(
        &package(&[&entry, &transfer, &sample("half-filled PLP transfer")]),
        ErrorKind::Package,
        "The file is marked as a transfer package but holds more than one transfer (TRF-1, s13)",
    );
    // Another kind of package.
    refused(
        &whole.replace("\"package\": \"transfer\"", "\"package\": \"backup\""),
        ErrorKind::Package,
        "The file is marked as a package of a kind this toolkit does not know: it is not an export of the toolkit",
    );
    // Damaged: cut short, or a record altered so that it no longer meets its rules.
    let cut = &whole[..whole.len() / 2];
    assert!(matches!(import(cut), Err((ErrorKind::Truncated, _))));
    let altered = whole.replacen("\"approved\": \"yes\"", "\"approved\": \"no\"", 1);
    assert_ne!(altered, whole);
    assert!(import(&altered).is_err());
    // An ordinary selection (a backup) with a transfer in progress is not a package: it imports.
    let forms = records::forms();
    let half = sample("half-filled PLP transfer");
    let pairs: Vec<(&FormSchema, &Draft)> = [&entry, &half]
        .iter()
        .map(|d| (forms.iter().find(|f| f.id == d.form).unwrap(), *d))
        .collect();
    let backup = export::selection_to_json_string(&pairs, &records::ctx());
    assert_eq!(import(&backup), Ok(2));
}
