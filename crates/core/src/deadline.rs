//! Policy deadlines (DESIGN.md "Deadlines"; rules PGA-2, PGA-7, PGA-15, PLP-5, PLP-11, INT-1).
//! Each deadline carries its rule id, the policy section, the start event and date, the due date
//! and a stable key (for calendar UIDs); its status depends on the `today` it is asked about.
//!
//! Reading of the policy where it is open (docs/decisions/0001-deadlines.md):
//! - "within N working days of receipt": day 0 is the day of receipt, the due date is the N-th
//!   working day after it (`Calendar::add_working_days`).
//! - PGA-15: s10 says "no more than 20 days following FIMU de-confliction" and s6 (Channel)
//!   "within 20 days"; only s6 for PLP says "within 20 working days". The deadline is the
//!   earlier, 20 calendar days, with the PLP reading named beside it ([`OtherReading`];
//!   docs/decisions/0016-s36-deadline.md).
//! - PLP-5: the review is due at the cadence date (4 weeks High, 8 weeks Standard, 3 months
//!   or the frequency decided for Monitored, after the last review) or by the next PLP panel
//!   that the last DIF does not serve, whichever is earlier ([`plp_next_review`]). The last DIF
//!   serves the first panel on or after its day (s12, "before any PLP Panel meetings": a panel
//!   discusses the latest DIF since the panel before it; docs/decisions/0003-plp-entry.md), so a
//!   panel brings the review forward only once a panel has met since that DIF. The case page and
//!   the deadlines calculator both ask [`plp_next_review`].
//! - PLP-11: the reviews fall 6 and 12 months after closure (same day, clamped to month end) and
//!   are due within 5 working days of those dates.

use crate::calendar::{add_months, add_weeks, Calendar};
use crate::catalogue::RuleId;
use crate::date::long_date;
use chrono::NaiveDate;

/// Where a deadline stands on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Not yet due.
    Upcoming,
    /// Due today.
    DueToday,
    /// Past its due date and not done.
    Overdue,
    /// Done (on or before any date).
    Done,
}

/// One deadline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deadline {
    /// The rule ("PGA-2"); its section ("s8") is [`Deadline::section`].
    pub rule_id: RuleId,
    /// Stable key of this deadline within a case, for calendar UIDs ("pga-2").
    pub key: &'static str,
    /// What is due ("Prevent Gateway Assessment").
    pub title: &'static str,
    /// The rule in a sentence, as the panel and the calendar show it.
    pub rule: &'static str,
    /// What starts the clock ("received from the FIMU").
    pub start_event: &'static str,
    /// When it happened.
    pub start: NaiveDate,
    /// The due date.
    pub due: NaiveDate,
    /// When it was done, if it has been.
    pub done: Option<NaiveDate>,
    /// Where the policy gives a second, later period for the same step (PGA-15), that reading
    /// and its date, shown beside the due date (which is the earlier).
    pub other_reading: Option<OtherReading>,
}

/// A second reading of a deadline's period that the policy also gives (PGA-15: s6 for PLP
/// says 20 working days where s10 says 20 days).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OtherReading {
    /// The reading, as shown ("s6, for a case managed in PLP: within 20 working days").
    pub label: &'static str,
    /// Its due date.
    pub due: NaiveDate,
}

impl Deadline {
    /// Its rule's policy section(s), from the catalogue ("s8, s10").
    pub fn section(&self) -> &'static str {
        self.rule_id.section()
    }

    /// Status on `today`.
    pub fn status(&self, today: NaiveDate) -> Status {
        match self.done {
            Some(_) => Status::Done,
            None if today > self.due => Status::Overdue,
            None if today == self.due => Status::DueToday,
            None => Status::Upcoming,
        }
    }

    /// Working days from `today` to the due date (negative when overdue).
    pub fn working_days_left(&self, today: NaiveDate, cal: &Calendar) -> i64 {
        cal.working_days_between(today, self.due)
    }

    /// A plain sentence of where it stands: "Due 9 January 2026: 3 working days left".
    pub fn summary(&self, today: NaiveDate, cal: &Calendar) -> String {
        let due = long_date(self.due);
        let left = self.working_days_left(today, cal);
        let plural = |n: i64| if n == 1 { "" } else { "s" };
        match self.status(today) {
            Status::Done => match self.done {
                Some(on) if on > self.due => {
                    format!("Done late: on {}, was due {due}", long_date(on))
                }
                _ => format!("Met: was due {due}"),
            },
            Status::DueToday => format!("Due today, {due}"),
            Status::Overdue => format!(
                "Overdue: was due {due}, {} working day{} ago",
                -left,
                plural(-left)
            ),
            Status::Upcoming => format!("Due {due}: {left} working day{} left", plural(left)),
        }
    }

    /// The other reading of its period, when the policy gives one, as a sentence: "s6 gives a
    /// case managed in PLP 20 working days: 13 January 2027." Empty otherwise.
    pub fn other_reading_text(&self) -> String {
        self.other_reading
            .map(|o| format!("{}: {}.", o.label, long_date(o.due)))
            .unwrap_or_default()
    }

    /// The rule, the other reading if any, and what started the clock, as the panel and the
    /// calendar file show them under the due date.
    pub fn detail(&self) -> String {
        let other = self.other_reading_text();
        let sep = if other.is_empty() { "" } else { " " };
        format!(
            "{}{sep}{other} {}: {}.",
            self.rule,
            self.start_event,
            long_date(self.start)
        )
    }

    /// Marks it done on a date.
    pub fn done_on(mut self, date: Option<NaiveDate>) -> Self {
        self.done = date;
        self
    }
}

/// PGA-2 (s8): the Prevent Gateway Assessment is due within 5 working days of receipt from the
/// FIMU.
pub fn pga_due(received: NaiveDate, cal: &Calendar) -> Deadline {
    Deadline {
        rule_id: RuleId::Pga2,
        key: "pga-2",
        title: "Prevent Gateway Assessment",
        rule: "The PGA must be completed within 5 working days of receipt from the FIMU.",
        start_event: "Received from the FIMU",
        start: received,
        due: cal.add_working_days(received, 5),
        done: None,
        other_reading: None,
    }
}

/// PGA-7 (s8, s10): in a Dovetail area, a case for Channel is referred to the LACC within 5
/// working days of receiving the de-conflicted referral.
pub fn lacc_referral_due(received: NaiveDate, cal: &Calendar) -> Deadline {
    Deadline {
        rule_id: RuleId::Pga7,
        key: "pga-7",
        title: "Referral to the LACC (Dovetail)",
        rule: "Cases potentially suitable for Channel must be referred to the LACC within 5 working days of receiving the de-conflicted referral.",
        start_event: "De-conflicted referral received",
        start: received,
        due: cal.add_working_days(received, 5),
        done: None,
        other_reading: None,
    }
}

/// PGA-15 (s6, s10): outside Dovetail areas, the S.36 decision is due "no more than 20 days
/// following FIMU de-confliction" (s10; s6 for Channel, "within 20 days"): 20 calendar days.
/// s6's reading for a case managed in PLP, 20 working days, is named beside it.
pub fn s36_decision_due(deconflicted: NaiveDate, cal: &Calendar) -> Deadline {
    Deadline {
        rule_id: RuleId::Pga15,
        key: "pga-15",
        title: "S.36 decision (non-Dovetail)",
        rule:
            "The S.36 decision must be made no more than 20 days after FIMU de-confliction (s10).",
        start_event: "FIMU de-confliction",
        start: deconflicted,
        due: deconflicted + chrono::Days::new(20),
        done: None,
        other_reading: Some(OtherReading {
            label: "s6 gives a case managed in PLP 20 working days",
            due: cal.add_working_days(deconflicted, 20),
        }),
    }
}

/// PLP priority band (s12).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Band {
    /// High (Red): review at least every 4 weeks.
    High,
    /// Standard (Amber): at least every 8 weeks.
    Standard,
    /// Monitored (Green): at least every 3 months.
    Monitored,
}

impl Band {
    /// Name as shown.
    pub fn label(self) -> &'static str {
        match self {
            Band::High => "High (Red)",
            Band::Standard => "Standard (Amber)",
            Band::Monitored => "Monitored (Green)",
        }
    }
}

/// How often a Monitored case is reassessed: decided and justified by the CTCO and their
/// supervisor (PLP-12, s12: "Timelines need to be decided and justified between the CTCO
/// Supervisor and CTCO"), never less often than every 3 months (PLP-5, s14).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Every {
    /// Every n weeks.
    Weeks(u32),
    /// Every n months.
    Months(u32),
}

/// The frequencies offered for a Monitored case: (value, frequency, label, the rule as the
/// deadline panel says it).
pub const MONITORED_EVERY: [(&str, Every, &str, &str); 4] = [
    ("4-weeks", Every::Weeks(4), "Every 4 weeks", "Monitored: reassessment and supervision every 4 weeks, as decided and justified with the supervisor (PLP-12), and before any PLP panel."),
    ("6-weeks", Every::Weeks(6), "Every 6 weeks", "Monitored: reassessment and supervision every 6 weeks, as decided and justified with the supervisor (PLP-12), and before any PLP panel."),
    ("8-weeks", Every::Weeks(8), "Every 8 weeks", "Monitored: reassessment and supervision every 8 weeks, as decided and justified with the supervisor (PLP-12), and before any PLP panel."),
    ("3-months", Every::Months(3), "Every 3 months, the longest the policy allows", "Monitored: reassessment and supervision at least every 3 months and before any PLP panel."),
];

/// [`plp_review_due`] for a Monitored case reassessed at the frequency decided for it (PLP-12);
/// `None`, or any other band, is the band's own cadence.
pub fn plp_review_due_every(
    band: Band,
    every: Option<Every>,
    last_review: NaiveDate,
    next_panel: Option<NaiveDate>,
) -> Deadline {
    let mut d = plp_review_due(band, last_review, next_panel);
    let chosen = MONITORED_EVERY
        .iter()
        .find(|(_, e, _, _)| Some(*e) == every);
    if let (Band::Monitored, Some((_, e, _, rule))) = (band, chosen) {
        let cadence = match e {
            Every::Weeks(n) => add_weeks(last_review, *n),
            Every::Months(n) => add_months(last_review, *n),
        };
        d.due = next_panel
            .filter(|p| *p < cadence && *p >= last_review)
            .unwrap_or(cadence);
        d.title = if next_panel.is_some_and(|p| p == d.due) {
            "PLP review (before the panel)"
        } else {
            "PLP review"
        };
        d.rule = rule;
    }
    d
}

/// PLP-5 (s12: a new DIF, CMP update and sign-off "MUST be completed ... Before any PLP Panel
/// meetings"), from the last DIF and the dates of the case's panels (any order; those before
/// the last DIF are ignored, so the calculator passes `NaiveDate::MIN` for one not given). The
/// one computation of the next review for the case page (`plp_case::deadlines`) and the
/// deadlines calculator ([`case_deadlines`]), so the same facts give the same date (docs/decisions/0003-plp-entry.md). A panel discusses the latest DIF made
/// on or before its day and after the panel before it: the last DIF serves the first panel on
/// or after its day, and the next DIF is due by the cadence (the band's, or the Monitored
/// frequency decided) or before the first later panel, whichever is sooner.
pub fn plp_next_review(
    band: Band,
    every: Option<Every>,
    last_review: NaiveDate,
    panels: &[NaiveDate],
) -> Deadline {
    let served = panels.iter().filter(|p| **p >= last_review).min();
    let next = served.and_then(|s| panels.iter().filter(|p| *p > s).min());
    plp_review_due_every(band, every, last_review, next.copied())
}

/// PLP-5 (s12, s14): a new DIF, CMP update and supervisory sign-off at least every 4 weeks
/// (High), 8 weeks (Standard) or 3 months (Monitored) after the last one, and before any PLP
/// panel: due at the earlier of the cadence date and the next panel.
pub fn plp_review_due(
    band: Band,
    last_review: NaiveDate,
    next_panel: Option<NaiveDate>,
) -> Deadline {
    let (cadence, rule) = match band {
        Band::High => (add_weeks(last_review, 4), "High priority: a new DIF, CMP update and supervisory sign-off at least every 4 weeks and before any PLP panel."),
        Band::Standard => (add_weeks(last_review, 8), "Standard priority: a new DIF, CMP update and supervisory sign-off at least every 8 weeks and before any PLP panel."),
        Band::Monitored => (add_months(last_review, 3), "Monitored: reassessment and supervision at least every 3 months and before any PLP panel."),
    };
    let due = next_panel
        .filter(|p| *p < cadence && *p >= last_review)
        .unwrap_or(cadence);
    Deadline {
        rule_id: RuleId::Plp5,
        key: "plp-5",
        title: if next_panel.is_some_and(|p| p == due) {
            "PLP review (before the panel)"
        } else {
            "PLP review"
        },
        rule,
        start_event: "Last DIF review",
        start: last_review,
        due,
        done: None,
        other_reading: None,
    }
}

/// PLP-11 (s13): a closed case is reviewed at 6 and at 12 months after closure, each within 5
/// working days of its date. Returns the two reviews, 6 months first.
pub fn closed_case_reviews(closed: NaiveDate, cal: &Calendar) -> [Deadline; 2] {
    let review = |months: u32,
                  key: &'static str,
                  title: &'static str,
                  start_event: &'static str| {
        let date = add_months(closed, months);
        Deadline {
            rule_id: RuleId::Plp11,
            key,
            title,
            rule: "Closed cases are reviewed at 6 and 12 months from closure, each within five working days of the relevant date, with a new DIF or VAF.",
            start_event,
            start: date,
            due: cal.add_working_days(date, 5),
            done: None,
            other_reading: None,
        }
    };
    [
        review(
            6,
            "plp-11-6-months",
            "6-month closed case review",
            "6 months after closure",
        ),
        review(
            12,
            "plp-11-12-months",
            "12-month closed case review",
            "12 months after closure",
        ),
    ]
}

/// INT-1 (s9): when nothing else was submitted, an up-to-date summary goes to the FIMU at least
/// every 3 months.
pub fn fimu_summary_due(last_submission: NaiveDate) -> Deadline {
    Deadline {
        rule_id: RuleId::Int1,
        key: "int-1",
        title: "Summary to the FIMU",
        rule: "If nothing else has been submitted, an up-to-date summary goes to the FIMU at least every 3 months, saying whether risk is escalating, de-escalating or static.",
        start_event: "Last submission to the FIMU",
        start: last_submission,
        due: add_months(last_submission, 3),
        done: None,
        other_reading: None,
    }
}

/// The dates of a case that start policy clocks, as far as they are known.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CaseDates {
    /// Received from the FIMU after de-confliction (starts PGA-2, and PGA-7 in Dovetail areas).
    pub received_from_fimu: Option<NaiveDate>,
    /// FIMU de-confliction (starts PGA-15 outside Dovetail areas).
    pub deconflicted: Option<NaiveDate>,
    /// The area runs Dovetail (the LACC takes Channel cases).
    pub dovetail: bool,
    /// A PLP case's last DIF and panels (PLP-5).
    pub plp: Option<PlpDates>,
    /// Case closed (PLP-11).
    pub closed: Option<NaiveDate>,
    /// Last submission to the FIMU (INT-1).
    pub last_fimu_submission: Option<NaiveDate>,
}

/// What the next PLP review (PLP-5) counts from, as [`plp_next_review`] takes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlpDates {
    /// The band of the last DIF.
    pub band: Band,
    /// For Monitored, how often it is reassessed (PLP-12); `None` is every 3 months.
    pub every: Option<Every>,
    /// The last DIF review.
    pub last_review: NaiveDate,
    /// The panel that met on or after the day of the last DIF, if one did.
    pub last_panel: Option<NaiveDate>,
    /// The next panel, if one is set.
    pub next_panel: Option<NaiveDate>,
}

/// Every deadline these dates start, in policy order (PGA, PLP, INT).
pub fn case_deadlines(dates: &CaseDates, cal: &Calendar) -> Vec<Deadline> {
    let mut out = Vec::new();
    if let Some(r) = dates.received_from_fimu {
        out.push(pga_due(r, cal));
        if dates.dovetail {
            out.push(lacc_referral_due(r, cal));
        }
    }
    if let Some(dc) = dates.deconflicted.filter(|_| !dates.dovetail) {
        out.push(s36_decision_due(dc, cal));
    }
    if let Some(p) = &dates.plp {
        let panels = [p.last_panel, p.next_panel].map(|d| d.unwrap_or(NaiveDate::MIN));
        out.push(plp_next_review(p.band, p.every, p.last_review, &panels));
    }
    if let Some(c) = dates.closed {
        out.extend(closed_case_reviews(c, cal));
    }
    if let Some(s) = dates.last_fimu_submission {
        out.push(fimu_summary_due(s));
    }
    out
}
