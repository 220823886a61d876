//! A Police-led Partnership case over time (issue 5 groundwork): its entry (PLP-7), each
//! reassessment with its DIF, band and sign-off (PLP-1..6), panels (PLP-8), FIMU submissions
//! (INT-1) and closure (PLP-9, PLP-10, PLP-11); the rules over the whole history; its deadlines;
//! and the case timeline (band spans, events, deadlines, today, overdue) that the app draws as a
//! picture and as a table. Pure: `today` and the calendar are passed in.

use crate::calendar::Calendar;
use crate::catalogue::RuleId;
use crate::deadline::{self, Band, Deadline, Status};
use crate::dif::Record;
use crate::plp::{self, BandChoice, BandingInputs, Closure, EntryRoute, MonitoredReason, Panel};
use crate::validate::{Issue, Severity};
use chrono::NaiveDate;

/// One assessment of the case: the entry DIF or a reassessment (PLP-5: a new DIF, CMP update
/// and supervisory sign-off).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Review {
    /// Date of the DIF.
    pub date: NaiveDate,
    /// The DIF as recorded.
    pub dif: Record,
    /// What the DIF alone cannot say, for the suggested band.
    pub inputs: BandingInputs,
    /// The band chosen.
    pub band: Band,
    /// For Monitored: why (PLP-4).
    pub monitored_reason: Option<MonitoredReason>,
    /// For Monitored: how often it is reassessed, as decided with the supervisor (PLP-12).
    pub monitored_every: Option<deadline::Every>,
    /// Why the band differs from the suggestion, when it does.
    pub rationale: String,
    /// The Case Management Plan was updated.
    pub cmp_updated: bool,
    /// The supervisor signed it off, on this date.
    pub signed_off: Option<NaiveDate>,
}

/// A PLP panel on a date, with what was decided (PLP-8).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PanelMeeting {
    /// Date of the panel.
    pub date: NaiveDate,
    /// Chair and attendees, as checked by [`plp::check_panel`].
    pub panel: Panel,
    /// Minutes.
    pub minutes: String,
    /// Actions agreed.
    pub actions: String,
}

/// A PLP case as recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlpCase {
    /// Case reference (carried from the PGA when the case came from a Gateway Decision).
    pub case_reference: String,
    /// How the case entered PLP (PLP-7).
    pub route: Option<EntryRoute>,
    /// Why (PLP-7).
    pub route_rationale: String,
    /// The entry assessment first, then each reassessment, in date order.
    pub reviews: Vec<Review>,
    /// Panels, in date order.
    pub panels: Vec<PanelMeeting>,
    /// Dates of submissions to the FIMU (INT-1).
    pub fimu_submissions: Vec<NaiveDate>,
    /// The closure, once closed, and its date.
    pub closure: Option<(NaiveDate, Closure)>,
    /// Its transfer between forces (TRF-1, s13), out or in.
    pub transfer: Transfer,
}

/// A case's transfer between forces (TRF-1, s13; docs/decisions/0019-transfers.md).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Transfer {
    /// Transferred out: the date of transfer and the receiving force, once recorded. The case
    /// ends in this force that day: no band, no more deadlines here.
    pub out: Option<(NaiveDate, String)>,
    /// Transferred in: the day this force received the case.
    pub received: Option<NaiveDate>,
    /// Transferred in: the force it came from.
    pub from: String,
    /// Transferred in: the day this force's entry was confirmed (the new DIF, CMP and sign-off).
    pub taken_on: Option<NaiveDate>,
}

/// Every issue of the case's history: entry (PLP-7), each review's band against its
/// suggestion (PLP-1..4, PLP-6; Monitored never at entry), each review's CMP update and
/// sign-off (PLP-5), each panel (PLP-8) and the closure (PLP-9, PLP-10). Paths name the item:
/// `reviews.0.band`, `panels.1.chair`, `closure.rpc`.
pub fn validate(case: &PlpCase) -> Vec<Issue> {
    let mut out = plp::check_entry(case.route, &case.route_rationale);
    if case.reviews.is_empty() {
        out.push(Issue::new(
            "reviews.0.band",
            Severity::Error,
            RuleId::Plp1,
            "Every PLP case has a priority band: record the entry DIF and its band",
        ));
    }
    for (i, r) in case.reviews.iter().enumerate() {
        let suggestion = plp::suggest_band(&r.dif, &r.inputs);
        let choice = BandChoice {
            band: Some(r.band),
            at_entry: i == 0,
            monitored_reason: r.monitored_reason,
            rationale: r.rationale.clone(),
        };
        for mut issue in plp::check_band(&choice, &suggestion) {
            issue.path = format!("reviews.{i}.{}", issue.path);
            out.push(issue);
        }
        if i > 0 && !r.cmp_updated {
            out.push(Issue::new(
                &format!("reviews.{i}.cmp"),
                Severity::Error,
                RuleId::Plp5,
                "Each reassessment updates the Case Management Plan",
            ));
        }
        if r.signed_off.is_none() {
            out.push(Issue::new(
                &format!("reviews.{i}.signed_off"),
                Severity::Error,
                RuleId::Plp5,
                "Each DIF needs its supervisory sign-off",
            ));
        }
    }
    // PLP-5: a new DIF before every panel, since the panel before it.
    for (i, p) in case.panels.iter().enumerate() {
        for mut issue in plp::check_panel(&p.panel) {
            issue.path = format!("panels.{i}.{}", issue.path.trim_start_matches("panel."));
            out.push(issue);
        }
        if review_for_panel(case, p.date).is_none() {
            out.push(
                Issue::new(
                    &format!("panels.{i}.date"),
                    Severity::Error,
                    RuleId::Plp5,
                    "A new DIF, CMP update and supervisory sign-off are due before every PLP panel",
                )
                .citing("s12"),
            );
        }
    }
    out.extend(panel_preconditions(case));
    if let Some((_, c)) = &case.closure {
        out.extend(plp::check_closure(c));
    }
    // PLP-13: the history is checked, not only the next date.
    for (m, message) in missed_reviews(case)
        .iter()
        .zip(missed_review_messages(case))
    {
        let i = case
            .reviews
            .iter()
            .position(|r| r.date == m.made)
            .unwrap_or(0);
        out.push(
            Issue::new(
                &format!("reviews.{i}.date"),
                Severity::Warning,
                RuleId::Plp13,
                message,
            )
            .citing("s12"),
        );
    }
    out
}

/// The band in force on `day`: that of the latest review on or before it, and none once the
/// case is closed (s13: a closed case has reviews at 6 and 12 months, not a band).
pub fn band_on(case: &PlpCase, day: NaiveDate) -> Option<Band> {
    if ended(case).is_some_and(|end| end <= day) {
        return None;
    }
    case.reviews
        .iter()
        .filter(|r| r.date <= day)
        .max_by_key(|r| r.date)
        .map(|r| r.band)
}

/// The day the case ended in this force: its closure, or its transfer to another force
/// (TRF-1, s13), whichever came first.
pub fn ended(case: &PlpCase) -> Option<NaiveDate> {
    let closed = case.closure.as_ref().map(|(d, _)| *d);
    let out = case.transfer.out.as_ref().map(|(d, _)| *d);
    match (closed, out) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// TRF-1 (s13: "The receiving force must complete a new DIF/VAF upon receipt of the case ...
/// and if it is a PLP case a new Panel should be organised and a new CMP must be completed and
/// supervised"): for a case received from another force, the new DIF and CMP signed off
/// (within 5 working days of receipt, done when the entry is confirmed) and the new panel (by
/// the band's PLP-5 cadence from receipt, done by the first panel on or after it). The policy
/// gives no period: docs/decisions/0019-transfers.md says why these.
pub fn transfer_tasks(case: &PlpCase, cal: &Calendar) -> Vec<Deadline> {
    let Some(received) = case.transfer.received else {
        return Vec::new();
    };
    let rule = "The receiving force completes a new DIF upon receipt of the case; for a PLP case, a new panel is organised and a new CMP completed and supervised, reflecting the move between areas.";
    let band = case.reviews.first().map_or(Band::Standard, |r| r.band);
    let panel = deadline::plp_review_due(band, received, None).due;
    let task = |key, title, due, done| Deadline {
        rule_id: RuleId::Trf1,
        key,
        title,
        rule,
        start_event: "Case received from another force",
        start: received,
        due,
        done,
        other_reading: None,
    };
    vec![
        task(
            "trf-1-dif",
            "New DIF and CMP, signed off (transfer)",
            cal.add_working_days(received, 5),
            case.transfer.taken_on,
        ),
        task(
            "trf-1-panel",
            "New PLP panel (transfer)",
            panel,
            case.panels
                .iter()
                .map(|p| p.date)
                .filter(|d| *d >= received)
                .min(),
        ),
    ]
}

/// PLP-5 (s12: a new DIF "before any PLP panel meetings"): the DIF that a panel on `panel`
/// discusses, the latest one on or before its day and after the panel before it. The opening
/// DIF serves the first panel (s11, "Prior to PLP Panel Support"); two panels on one day share
/// one DIF. None when no DIF was made since the panel before it. Decision 0003 records this
/// reading.
pub fn review_for_panel(case: &PlpCase, panel: NaiveDate) -> Option<&Review> {
    let previous = case
        .panels
        .iter()
        .map(|p| p.date)
        .filter(|d| *d < panel)
        .max();
    case.reviews
        .iter()
        .filter(|r| r.date <= panel && previous.is_none_or(|pp| r.date > pp))
        .max_by_key(|r| r.date)
}

/// PLP-13 (s12: a new DIF "MUST be completed (along with any updates to the CMP, CTCO
/// Supervisory review and sign-off) ... Before any PLP Panel meetings"): for each panel, the DIF
/// it discusses ([`review_for_panel`]) signed off on or before the panel's day and, for a
/// reassessment, its CMP updated (the entry writes the CMP). A panel that no DIF serves is
/// PLP-5's own issue. One error per panel, path `panels.{i}.dif`, a late sign-off named before a
/// missing CMP update.
pub fn panel_preconditions(case: &PlpCase) -> Vec<Issue> {
    let long = crate::date::long_date;
    let mut out = Vec::new();
    for (i, p) in case.panels.iter().enumerate() {
        let Some(r) = review_for_panel(case, p.date) else {
            continue;
        };
        // A DIF never signed off is PLP-5's issue of the DIF itself, as is a missing CMP update;
        // a late sign-off is named first.
        let what = match r.signed_off.filter(|s| *s > p.date) {
            Some(s) => format!("was signed off on {}, after", long(s)),
            None if !r.cmp_updated && !std::ptr::eq(r, &case.reviews[0]) => {
                "had no CMP update before".into()
            }
            None => continue,
        };
        out.push(
            Issue::new(
                &format!("panels.{i}.dif"),
                Severity::Error,
                RuleId::Plp13,
                format!(
                    "The DIF of {} {what} the panel of {}: the DIF, CMP update and sign-off all come before the panel",
                    long(r.date),
                    long(p.date)
                ),
            )
            .citing("s12"),
        );
    }
    out
}

/// The case's deadlines now: the next review (PLP-5: by the band's cadence, or before the next
/// panel that no DIF serves yet, if sooner) and the FIMU summary (INT-1) while open; the 6- and
/// 12-month reviews (PLP-11) once closed.
pub fn deadlines(case: &PlpCase, cal: &Calendar) -> Vec<Deadline> {
    let mut out = transfer_tasks(case, cal);
    // Transferred out: the receiving force manages the case and its reviews (TRF-1, s13).
    if case.transfer.out.is_some() {
        return Vec::new();
    }
    if let Some((closed, _)) = &case.closure {
        out.extend(deadline::closed_case_reviews(*closed, cal));
        return out;
    }
    if let Some(last) = case.reviews.iter().max_by_key(|r| r.date) {
        // The same function as the deadlines calculator: the last DIF serves the first panel on
        // or after it (as `review_for_panel` reads s12), so a later one needs a new DIF.
        let panels: Vec<NaiveDate> = case.panels.iter().map(|p| p.date).collect();
        out.push(deadline::plp_next_review(
            last.band,
            last.monitored_every,
            last.date,
            &panels,
        ));
    }
    let last_submission = case
        .fimu_submissions
        .iter()
        .chain(case.reviews.first().map(|r| &r.date))
        .max();
    if let Some(d) = last_submission {
        out.push(deadline::fimu_summary_due(*d));
    }
    out
}

/// A stretch of time in one band.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BandSpan {
    /// The band.
    pub band: Band,
    /// From this day.
    pub from: NaiveDate,
    /// Up to (not including) this day: the next review with another band, the closure, or the
    /// end of the timeline.
    pub to: NaiveDate,
}

/// What a timeline item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    /// Entry into PLP (the first DIF).
    Entry,
    /// A reassessment.
    Review,
    /// A panel.
    Panel,
    /// A submission to the FIMU.
    Submission,
    /// The closure.
    Closure,
    /// A deadline still to meet (or missed).
    Deadline,
    /// A reassessment's due date that passed before it was made (PLP-13): met late.
    Missed,
}

/// One dated item of the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// Date.
    pub date: NaiveDate,
    /// Kind.
    pub kind: ItemKind,
    /// What it is, as shown ("Reassessment: Standard (Amber)").
    pub label: String,
    /// The rule, for deadlines.
    pub rule_id: Option<RuleId>,
    /// A deadline past its date and not met.
    pub overdue: bool,
}

/// The case timeline: band spans, every dated item in date order, today, and the range shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    /// The band over time.
    pub spans: Vec<BandSpan>,
    /// Items, in date order.
    pub items: Vec<Item>,
    /// Today.
    pub today: NaiveDate,
    /// First day shown.
    pub start: NaiveDate,
    /// Last day shown.
    pub end: NaiveDate,
}

impl Timeline {
    /// The band in force on `day`, as the timeline shows it: none before entry or from the
    /// closure on; an open case's band runs through the last day shown.
    pub fn band_on(&self, day: NaiveDate) -> Option<Band> {
        let open = !self.items.iter().any(|i| i.kind == ItemKind::Closure);
        let last = self.spans.len().checked_sub(1);
        self.spans
            .iter()
            .enumerate()
            .find(|(n, s)| {
                s.from <= day && (day < s.to || (open && Some(*n) == last && day == s.to))
            })
            .map(|(_, s)| s.band)
    }
}

/// The timeline of a case on `today`.
pub fn timeline(case: &PlpCase, cal: &Calendar, today: NaiveDate) -> Timeline {
    let mut reviews: Vec<&Review> = case.reviews.iter().collect();
    crate::order::by_rank(&mut reviews, |r| crate::order::day(Some(r.date)));
    let mut items = Vec::new();
    for (i, r) in reviews.iter().enumerate() {
        items.push(Item {
            date: r.date,
            kind: if i == 0 {
                ItemKind::Entry
            } else {
                ItemKind::Review
            },
            label: format!(
                "{}: {}",
                if i == 0 {
                    "Entered PLP"
                } else {
                    "Reassessment"
                },
                r.band.label()
            ),
            rule_id: None,
            overdue: false,
        });
    }
    for p in &case.panels {
        items.push(Item {
            date: p.date,
            kind: ItemKind::Panel,
            label: "PLP panel".into(),
            rule_id: None,
            overdue: false,
        });
    }
    for d in &case.fimu_submissions {
        items.push(Item {
            date: *d,
            kind: ItemKind::Submission,
            label: "Submission to the FIMU".into(),
            rule_id: None,
            overdue: false,
        });
    }
    if let Some((closed, _)) = &case.closure {
        items.push(Item {
            date: *closed,
            kind: ItemKind::Closure,
            label: "Closed".into(),
            rule_id: None,
            overdue: false,
        });
    }
    // The case ends in this force on its transfer (TRF-1): drawn as its end.
    if let Some((day, to)) = &case.transfer.out {
        items.push(Item {
            date: *day,
            kind: ItemKind::Closure,
            label: format!("Transferred to {to}"),
            rule_id: None,
            overdue: false,
        });
    }
    for m in missed_reviews(case) {
        items.push(Item {
            date: m.due,
            kind: ItemKind::Missed,
            label: format!(
                "PLP review due: missed, made on {}",
                crate::date::long_date(m.made)
            ),
            rule_id: Some(RuleId::Plp13),
            overdue: true,
        });
    }
    for d in deadlines(case, cal) {
        items.push(Item {
            date: d.due,
            kind: ItemKind::Deadline,
            label: format!("{} due", d.title),
            rule_id: Some(d.rule_id),
            overdue: d.status(today) == Status::Overdue,
        });
    }
    crate::order::by_rank(&mut items, |i| crate::order::day(Some(i.date)));
    let start = items.first().map_or(today, |i| i.date.min(today));
    let end = items.last().map_or(today, |i| i.date.max(today));
    let stop = ended(case).unwrap_or(end);
    let mut spans: Vec<BandSpan> = Vec::new();
    for (i, r) in reviews.iter().enumerate() {
        let to = reviews.get(i + 1).map_or(stop, |n| n.date).min(stop);
        match spans.last_mut() {
            Some(last) if last.band == r.band => last.to = to,
            _ if to > r.date => spans.push(BandSpan {
                band: r.band,
                from: r.date,
                to,
            }),
            _ => {}
        }
    }
    Timeline {
        spans,
        items,
        today,
        start,
        end,
    }
}

/// The DIF factors whose new appearance is a significant change in risk (INT-2, s9), with how
/// the prompt names them.
const SIGNIFICANT_FACTORS: [(&str, &str); 3] = [
    ("threat.harm", "a new risk of harm"),
    ("threat.escalation", "a new escalation factor"),
    ("threat.mobilisation", "a new mobilisation factor"),
];

/// How high a band is, for "raised".
fn height(b: Band) -> u8 {
    match b {
        Band::Monitored => 0,
        Band::Standard => 1,
        Band::High => 2,
    }
}

/// INT-2 (s9: the FIMU "must be informed" of a significant change in risk): what in `after`,
/// a reassessment, is such a change from `before`, the DIF it follows: the band raised, or a
/// harm, escalation or mobilisation factor found present that was not. Empty when nothing is.
pub fn significant_change(before: &Review, after: &Review) -> Vec<String> {
    let mut out = Vec::new();
    if height(after.band) > height(before.band) {
        out.push(format!(
            "the band rose from {} to {}",
            before.band.label(),
            after.band.label()
        ));
    }
    let present = |r: &Review, key: &str| {
        r.dif
            .factors
            .get(key)
            .is_some_and(|f| f.finding == crate::dif::Finding::Present)
    };
    for (key, what) in SIGNIFICANT_FACTORS {
        if present(after, key) && !present(before, key) {
            out.push(what.to_string());
        }
    }
    out
}

/// A prompt the case page shows until it is acted on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prompt {
    /// INT-2 (tell the FIMU) or PLP-14 (a new DIF).
    pub rule_id: RuleId,
    /// The day of what prompted it.
    pub since: NaiveDate,
    /// What to do and why, with the rule and section.
    pub message: String,
}

/// INT-2 (s9): each reassessment that records a significant change in risk
/// ([`significant_change`]) and has no submission to the FIMU on or after its date. The entry
/// DIF is compared with nothing: entering PLP is itself sent to the FIMU.
pub fn fimu_prompts(case: &PlpCase) -> Vec<Prompt> {
    case.reviews
        .windows(2)
        .filter_map(|w| {
            let changes = significant_change(&w[0], &w[1]);
            let told = case.fimu_submissions.iter().any(|d| *d >= w[1].date);
            (!changes.is_empty() && !told).then(|| Prompt {
                rule_id: RuleId::Int2,
                since: w[1].date,
                message: format!(
                    "The reassessment of {} records a significant change in risk ({}): the FIMU must be informed (INT-2, s9)",
                    crate::date::long_date(w[1].date),
                    changes.join("; ")
                ),
            })
        })
        .collect()
}

/// PLP-14 (s12: a new DIF after a concerning or significant change): the latest intelligence
/// submitted to the FIMU as escalating the risk (`escalations`, their dates), when no DIF has
/// been made on or after it.
pub fn new_dif_prompt(case: &PlpCase, escalations: &[NaiveDate]) -> Option<Prompt> {
    let latest = escalations.iter().max()?;
    if ended(case).is_some() || case.reviews.iter().any(|r| r.date >= *latest) {
        return None;
    }
    Some(Prompt {
        rule_id: RuleId::Plp14,
        since: *latest,
        message: format!(
            "Intelligence submitted on {} says the risk is escalating: complete a new DIF, CMP update and sign-off (PLP-14, s12)",
            crate::date::long_date(*latest)
        ),
    })
}

/// A reassessment made after its due date (PLP-13).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Missed {
    /// When it was due: the cadence date of the DIF before it.
    pub due: NaiveDate,
    /// When it was made.
    pub made: NaiveDate,
}

/// PLP-13 (s12: "Cases must be supervised with a frequency of no less than four weeks for High
/// Priority Cases or eight weeks for Standard Priority Cases unless the case is monitored"): each
/// reassessment made later than the cadence of the DIF before it (its band's, or for Monitored
/// the frequency decided, PLP-12). A panel that came sooner is PLP-5's own check.
pub fn missed_reviews(case: &PlpCase) -> Vec<Missed> {
    let mut reviews: Vec<&Review> = case.reviews.iter().collect();
    crate::order::by_rank(&mut reviews, |r| crate::order::day(Some(r.date)));
    reviews
        .windows(2)
        .filter_map(|w| {
            let due =
                deadline::plp_review_due_every(w[0].band, w[0].monitored_every, w[0].date, None)
                    .due;
            (w[1].date > due).then_some(Missed {
                due,
                made: w[1].date,
            })
        })
        .collect()
}

/// [`missed_reviews`] as sentences, with both dates, for the case page.
pub fn missed_review_messages(case: &PlpCase) -> Vec<String> {
    missed_reviews(case)
        .into_iter()
        .map(|m| {
            let late = (m.made - m.due).num_days();
            format!(
                "The reassessment due by {} was made on {}, {late} day{} late (PLP-13, s12)",
                crate::date::long_date(m.due),
                crate::date::long_date(m.made),
                if late == 1 { "" } else { "s" }
            )
        })
        .collect()
}
