//! Prevent Gateway Assessment: the rules PGA-1 and PGA-3 to PGA-22 (but PGA-15) of DESIGN.md
//! as pure functions over a [`Gateway`] record (policy sections s2, s5, s7, s8, s9, s10 and s14).
//! PGA-2 and PGA-15 (deadlines) are in
//! [`crate::deadline`]. This is the core the PGA flow (issue 4) will render; the DIF factor
//! framework as data is not here yet.
//!
//! Every issue cites its rule id and section, like the referral form's (see [`crate::validate`]).

use crate::catalogue::RuleId;
use crate::validate::{Issue, Report, Severity};
use chrono::NaiveDate;

/// How the area manages Channel cases (s10).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AreaModel {
    /// The Local Authority (LACC) completes Information Gathering for Channel cases.
    Dovetail,
    /// CTP-Prevent completes Information Gathering, then the S.36 decision.
    NonDovetail,
}

/// Who or what the referral is about (s7).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    /// A person.
    Individual,
    /// An institution.
    Institution,
    /// An ideological expression (a leafleting or stickering campaign).
    IdeologicalExpression,
}

/// The Gateway Decision (s8).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Keep the case in Prevent Case Management (Information Gathering next).
    KeepInPcm,
    /// Dovetail: refer to the LACC.
    ReferToLacc,
    /// Straight into the PLP process.
    StraightToPlp,
    /// Close: no Prevent-relevant concern.
    Close,
    /// Close and escalate a Pursue-relevant concern out of Prevent.
    CloseAndEscalateToPursue,
}

impl Decision {
    /// Every decision, in the order offered.
    pub const ALL: [Decision; 5] = [
        Decision::KeepInPcm,
        Decision::ReferToLacc,
        Decision::StraightToPlp,
        Decision::Close,
        Decision::CloseAndEscalateToPursue,
    ];

    /// Name as shown.
    pub fn label(self) -> &'static str {
        match self {
            Decision::KeepInPcm => "Keep in PCM",
            Decision::ReferToLacc => "Refer to the LACC",
            Decision::StraightToPlp => "Straight to PLP",
            Decision::Close => "Close",
            Decision::CloseAndEscalateToPursue => "Close and escalate to Pursue",
        }
    }
}

/// FIMU de-confliction (s7): complete only with both a date and a reference number.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Deconfliction {
    /// Date of de-confliction.
    pub date: Option<NaiveDate>,
    /// NCIA or other log reference.
    pub reference: String,
    /// The FIMU's RADO grading, if given (1 to 6).
    pub rado: Option<u8>,
}

impl Deconfliction {
    /// PGA-1: both a date and a reference number.
    pub fn is_complete(&self) -> bool {
        self.date.is_some() && !self.reference.trim().is_empty()
    }
}

/// The only activity allowed before de-confliction (s7).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PreDeconflictionActivity {
    /// Contacting the referrer because the referral lacks basic relevant information.
    ContactReferrerForBasicInformation,
    /// Activity the FIMU specifically requested for its assessment.
    RequestedByFimu,
    /// Basic biographical data from local systems or the referrer.
    BasicBiographicalData,
}

/// What the request that brought the case was clarified as (PGA-22, s7).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Request {
    /// A referral into Prevent Case Management: assessed with a PGA.
    Referral,
    /// A discrete tasking from another part of the CT Network: it stays with that unit and
    /// does not enter PCM.
    Tasking,
}

/// The background checks of a PGA (s8): key and name. CT Holmes only where available.
pub const CHECKS: [(&str, &str); 6] = [
    ("pnc", "PNC"),
    ("pnd", "PND"),
    ("ncia", "NCIA"),
    ("open-source", "Open Source"),
    ("local", "Local Crime & Intel systems"),
    ("ct-holmes", "CT Holmes"),
];

/// One background check.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Check {
    /// Not done yet.
    #[default]
    NotDone,
    /// Done by the CTCO.
    Done {
        /// When.
        on: Option<NaiveDate>,
        /// What it found (or "no trace").
        result: String,
    },
    /// Results known from the FIMU's checks, without significant delay since.
    KnownFromFimu,
    /// Not available in this force (CT Holmes only).
    NotAvailable,
}

/// A visit to the subject at PGA: very exceptional (s8).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Visit {
    /// Why it is absolutely necessary.
    pub rationale: String,
    /// The CTCO agrees.
    pub agreed_by_ctco: bool,
    /// The supervisor agrees.
    pub agreed_by_supervisor: bool,
    /// Who is best placed to visit (a partner, a dual visit, the CTCO) and why.
    pub best_placed: String,
    /// Channel consent was raised with the subject by the police or a partner (it must not be
    /// at this stage).
    pub consent_raised: bool,
    /// The subject raised Channel consent themselves (allowed, with a note: PGA-21, s8).
    pub consent_by_subject: bool,
    /// What the subject asked and what they were told.
    pub consent_note: String,
    /// When the visit took place or is planned (PGA-19, s7).
    pub on: Option<NaiveDate>,
}

/// Police ranks and staff grades, for supervision (s14).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rank {
    /// Constable: never supervises.
    Constable,
    /// Police staff below CTCO supervisor grade: never supervises.
    PoliceStaff,
    /// Sergeant or above.
    SergeantOrAbove,
    /// Police staff CTCO supervisor.
    PoliceStaffSupervisor,
}

/// An officer as recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Officer {
    /// Name as entered.
    pub name: String,
    /// Rank or grade.
    pub rank: Rank,
    /// The rank is an acting rank.
    pub acting: bool,
    /// The force has formally approved the acting rank.
    pub acting_approved: bool,
}

/// What is known of the subject's date of birth (PGA-20).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Birth {
    /// The date of birth.
    Date(NaiveDate),
    /// Not known, but their approximate age (in years, as the officer judges it now).
    ApproximateAge(u32),
    /// Neither is known.
    NotKnown,
}

/// What is known of the subject's nationality (PGA-20).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Nationality {
    /// British only.
    British,
    /// Another nationality, alone or beside British: which.
    Other(String),
    /// Not known.
    NotKnown,
}

/// A "must consider" duty (s2): the decision either way and why. `decision` is `None` until
/// one is recorded, `Some(true)` for the action taken (contact made, request made, flag added).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Duty {
    /// The decision: `Some(true)` done, `Some(false)` not done.
    pub decision: Option<bool>,
    /// Why it was deemed appropriate or inappropriate (s2).
    pub rationale: String,
}

/// A Prevent Gateway Assessment as recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gateway {
    /// Case reference (one PGA per case, PGA-10).
    pub case_reference: String,
    /// Area model.
    pub area: AreaModel,
    /// Subject type.
    pub subject: Subject,
    /// FIMU de-confliction.
    pub deconfliction: Deconfliction,
    /// Activity recorded before de-confliction.
    pub pre_deconfliction: Vec<PreDeconflictionActivity>,
    /// Background checks by key ([`CHECKS`]).
    pub checks: Vec<(&'static str, Check)>,
    /// Partners contacted: the rationale (an exception at PGA).
    pub partner_contact: Option<String>,
    /// A visit to the subject.
    pub visit: Option<Visit>,
    /// Reasonable suspicion of a Prevent-relevant concern.
    pub reasonable_suspicion: bool,
    /// Reasonable belief there is no Prevent-relevant concern.
    pub reasonable_belief_no_concern: bool,
    /// A Pursue-relevant concern.
    pub pursue_relevant: bool,
    /// The subject is under current Pursue investigation.
    pub under_pursue_investigation: bool,
    /// Dovetail: the case is unsuitable for PLP.
    pub unsuitable_for_plp: bool,
    /// Institution or expression: whether the responsible person could be traced.
    pub responsible_person_traced: Option<bool>,
    /// The date the de-conflicted referral was received from the FIMU: the day the subject's
    /// age is worked out on (PGA-20; docs/decisions/0014-must-consider-duties.md).
    pub received: Option<NaiveDate>,
    /// The subject's date of birth, as far as it is known (PGA-20).
    pub birth: Option<Birth>,
    /// The subject's nationality, as far as it is known (PGA-20).
    pub nationality: Option<Nationality>,
    /// Propensity to travel to conflict areas.
    pub travel_propensity: bool,
    /// Contacting the FCO, the CRO and Immigration: the decision and its rationale (PGA-12,
    /// PGA-20, s8).
    pub overseas: Duty,
    /// A Ports Intelligence Watchlist request: the decision and its rationale (PGA-13, PGA-20,
    /// s9).
    pub piw: Duty,
    /// The travel risk, articulated for a PIW request made (PGA-20, s9).
    pub travel_risk: String,
    /// A flag on local force systems: the decision and its rationale (PGA-20, s9).
    pub flag: Duty,
    /// The decision.
    pub decision: Option<Decision>,
    /// Its rationale.
    pub rationale: String,
    /// The CTCO.
    pub ctco: Officer,
    /// The supervisor.
    pub supervisor: Option<Officer>,
    /// The supervisor has approved (endorsed) the decision.
    pub supervisor_approved: bool,
    /// Final: read-only from then on (PGA-10).
    pub finalised: bool,
    /// PGA-19 (s7): when a partner was first contacted.
    pub partner_contact_on: Option<NaiveDate>,
    /// PGA-19 (s7): the date of the supervisor's sign-off.
    pub signed_off_on: Option<NaiveDate>,
    /// PGA-22 (s7): the request clarified as a referral or a tasking.
    pub request: Option<Request>,
    /// PGA-22 (s5): the subject (a person) is under investigation for non-CT offences; `None`
    /// when not answered or not asked.
    pub non_ct_investigation: Option<bool>,
    /// PGA-22 (s5): which offences, and who is investigating.
    pub non_ct_details: String,
}

/// Why a decision cannot be chosen: the rule, the section cited and the reason shown next to
/// the option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unavailable {
    /// The rule.
    pub rule_id: RuleId,
    /// The policy section cited: the rule's, or the part of it the reason is about.
    pub section: &'static str,
    /// The reason, as shown.
    pub reason: &'static str,
}

/// Unavailable under `rule_id`, citing its sections.
fn no(rule_id: RuleId, reason: &'static str) -> Option<Unavailable> {
    no_citing(rule_id, rule_id.section(), reason)
}

/// Unavailable under `rule_id`, citing the part of its sections the reason is about.
fn no_citing(rule_id: RuleId, section: &'static str, reason: &'static str) -> Option<Unavailable> {
    debug_assert!(rule_id.cites(section), "{rule_id} does not cite {section}");
    Some(Unavailable {
        rule_id,
        section,
        reason,
    })
}

/// Why a decision cannot be chosen for this record, or `None` when it can (PGA-6, PGA-7,
/// PGA-8, PGA-9, PGA-14).
pub fn unavailable(g: &Gateway, d: Decision) -> Option<Unavailable> {
    let untraced = g.subject != Subject::Individual && g.responsible_person_traced == Some(false);
    match d {
        Decision::KeepInPcm if untraced => no(RuleId::Pga8, "An institution or ideological expression whose responsible person cannot be traced goes straight to PLP"),
        Decision::KeepInPcm if !g.reasonable_suspicion => no(RuleId::Pga6, "Keeping a case in PCM needs a reasonable suspicion of a Prevent-relevant concern"),
        Decision::KeepInPcm if g.area == AreaModel::Dovetail && g.unsuitable_for_plp => no_citing(RuleId::Pga7, "s8", "In a Dovetail area a case unsuitable for PLP is referred to the LACC"),
        Decision::ReferToLacc if g.area != AreaModel::Dovetail => no(RuleId::Pga7, "Only Dovetail areas refer cases to the LACC at PGA"),
        Decision::ReferToLacc if g.under_pursue_investigation => no(RuleId::Pga14, "A subject under current Pursue investigation cannot be a Channel case"),
        Decision::ReferToLacc if g.subject != Subject::Individual => no_citing(RuleId::Pga7, "s10", "Only a person can be referred to Channel"),
        Decision::ReferToLacc if !g.reasonable_suspicion || !g.unsuitable_for_plp => no_citing(RuleId::Pga7, "s8", "Referring to the LACC needs a reasonable suspicion and the case unsuitable for PLP"),
        Decision::StraightToPlp if !g.reasonable_suspicion => no_citing(RuleId::Pga18, "s8", "Going straight to PLP needs a reasonable suspicion of a Prevent-relevant concern"),
        Decision::StraightToPlp if g.area == AreaModel::Dovetail && g.unsuitable_for_plp => no_citing(RuleId::Pga18, "s8", "In a Dovetail area a case you judged unsuitable for PLP is referred to the LACC, not taken into PLP"),
        Decision::Close if g.pursue_relevant => no(RuleId::Pga17, "A case with a Pursue-relevant concern recorded cannot simply be closed: close it by escalating the concern out of Prevent, which always goes to the FIMU"),
        Decision::Close if !g.reasonable_belief_no_concern => no_citing(RuleId::Pga9, "s8", "Closing needs a reasonable belief that there is no Prevent-relevant concern"),
        Decision::CloseAndEscalateToPursue if !g.pursue_relevant => no(RuleId::Pga9, "Escalating to Pursue needs a Pursue-relevant concern"),
        _ => None,
    }
}

/// PGA-11 (s8): the Gateway Decision goes to the FIMU, except a decision to close a case the
/// FIMU graded RADO 6 at de-confliction.
pub fn fimu_submission_required(decision: Decision, rado: Option<u8>) -> bool {
    !(decision == Decision::Close && rado == Some(6))
}

/// PGA-16 (s6, s14): a supervisor is at least a Sergeant or a police staff CTCO supervisor
/// (an acting rank only if formally approved), and never the CTCO.
/// The field the problem belongs to comes first.
pub fn supervisor_problem(
    ctco: &Officer,
    supervisor: &Officer,
) -> Option<(&'static str, &'static str)> {
    let same = ctco
        .name
        .trim()
        .eq_ignore_ascii_case(supervisor.name.trim())
        && !ctco.name.trim().is_empty();
    if same {
        Some((
            "supervisor.name",
            "The supervisor cannot be the CTCO who completed the assessment (PGA-16, s14)",
        ))
    } else if matches!(supervisor.rank, Rank::Constable | Rank::PoliceStaff) {
        Some(("supervisor.rank", "Constables and the lowest police staff grades must never supervise: the supervisor must be at least a Sergeant or a police staff CTCO supervisor (PGA-16, s14)"))
    } else if supervisor.acting && !supervisor.acting_approved {
        Some((
            "supervisor.acting_approved",
            "An acting rank can supervise only if the force has formally approved it (PGA-16, s14)",
        ))
    } else {
        None
    }
}

/// PGA-10 (s8): one PGA per case. `existing` are the case references that already have one.
pub fn one_per_case(existing: &[&str], reference: &str) -> Result<(), &'static str> {
    let r = reference.trim();
    if existing.iter().any(|e| e.trim().eq_ignore_ascii_case(r)) {
        Err("This case already has a Prevent Gateway Assessment: only one PGA is ever completed in the lifetime of a case (PGA-10, s8)")
    } else {
        Ok(())
    }
}

/// PGA-19 (s7): the de-confliction date, written out, when `on` is before it (and it is not in
/// the future).
///
/// The policy, s7: "No CTP-Prevent activity must be carried out before de-confliction and
/// assessment by a FIMU. The only exceptions to this are: When the quality of referral is so
/// insufficient that the referrer needs to be contacted to provide basic relevant information.
/// The FIMU specifically requests activity to assist in their assessment process. Obtaining
/// necessary basic biographical data from local policing systems or initial referrers."
///
/// So a check, a partner contact or a visit dated before de-confliction is an error unless the
/// officer selected the exception that covers it on the de-confliction page
/// ([`PreDeconflictionActivity`]): a contact is covered by any of the three (each one is a
/// contact with the referrer or one the FIMU asked for); a check by the FIMU's request, or, for
/// the local systems check only, by biographical data; a visit only by the FIMU's request. A
/// supervisor's sign-off is never an exception (docs/decisions/0015-pga-19-dates.md).
fn before_deconfliction(g: &Gateway, on: Option<NaiveDate>, today: NaiveDate) -> Option<String> {
    // A de-confliction date in the future is PGA-1's error, not a reason to question the rest.
    let dc = g.deconfliction.date.filter(|d| *d <= today)?;
    (on? < dc).then(|| crate::date::long_date(dc))
}

/// Every issue of the record, in the order of the flow: de-confliction, checks, contact and
/// visit, prompts, decision, supervision.
pub fn validate(g: &Gateway, today: NaiveDate) -> Report {
    use Severity::{Error, Warning};
    let mut out = Vec::new();
    // PGA-22 (s7): a tasking from another CT unit is not a referral into PCM.
    if g.request == Some(Request::Tasking) {
        out.push(Issue::new("case.request", Error, RuleId::Pga22, "A tasking is not assessed with a Prevent Gateway Assessment: it stays with the CT unit that asked for it and does not enter PCM. Do not go on with this assessment. If you and your supervisor find the request is a referral into PCM, select that instead (PGA-22, s7)").citing("s7"));
    }
    // PGA-1 (s7): no assessment before de-confliction.
    if g.deconfliction.date.is_none() {
        out.push(Issue::new("deconfliction.date", Error, RuleId::Pga1, "Enter the date of FIMU de-confliction: no assessment can start before it (only contacting the referrer for basic information, activity the FIMU requested and basic biographical data are allowed)"));
    }
    if g.deconfliction.reference.trim().is_empty() {
        out.push(Issue::new("deconfliction.reference", Error, RuleId::Pga1, "Enter the de-confliction reference number: de-confliction is complete only with both a date and a reference number"));
    }
    // PGA-3 (s8): the six checks, each done or known from the FIMU.
    for (key, name) in CHECKS {
        let check = g
            .checks
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, c)| c.clone())
            .unwrap_or_default();
        let path = format!("checks.{key}.status");
        match check {
            Check::NotDone => out.push(Issue::new(&path, Error, RuleId::Pga3, format!("Record the {name} check: done, with its date and result, or known from the FIMU's checks"))),
            Check::NotAvailable if key != "ct-holmes" => out.push(Issue::new(&path, Error, RuleId::Pga3, format!("{name} is a required check: only CT Holmes may be unavailable"))),
            Check::Done { on, result } => {
                if on.is_none_or(|d| d > today) {
                    out.push(Issue::new(&format!("checks.{key}.date"), Error, RuleId::Pga3, format!("Enter the date of the {name} check, today or earlier")));
                } else if result.trim().is_empty() {
                    out.push(Issue::new(&format!("checks.{key}.result"), Error, RuleId::Pga3, format!("Enter the result of the {name} check, for example 'no trace'")));
                }
                // PGA-19 (s7): a check before de-confliction only as one of the exceptions.
                if let Some(dc) = before_deconfliction(g, on, today) {
                    let biographical = key == "local" && g.pre_deconfliction.contains(&PreDeconflictionActivity::BasicBiographicalData);
                    if !biographical && !g.pre_deconfliction.contains(&PreDeconflictionActivity::RequestedByFimu) {
                        let allowed = if key == "local" {
                            "only if the FIMU asked for it or it was to get basic biographical data. If so, select which on the de-confliction page"
                        } else {
                            "only if the FIMU asked for it. If it did, select 'Activity the FIMU specifically requested' on the de-confliction page"
                        };
                        out.push(Issue::new(&format!("checks.{key}.date"), Error, RuleId::Pga19, format!("The {name} check is dated before de-confliction on {dc}: a check can come before de-confliction {allowed}. If not, do the check again and enter its new date and result (PGA-19, s7)")).citing("s7"));
                    }
                }
            }
            _ => {}
        }
    }
    // PGA-4 (s8): partner contact is an exception with a rationale.
    if g.partner_contact
        .as_deref()
        .is_some_and(|r| r.trim().is_empty())
    {
        out.push(Issue::new("contact.rationale", Error, RuleId::Pga4, "Give the rationale for contacting a partner at PGA: partners should not normally be contacted until Information Gathering"));
    }
    // PGA-19 (s7): a partner contacted before de-confliction only as one of the exceptions (the
    // referrer for basic information or biographical data, or what the FIMU asked for).
    if g.partner_contact.is_some() && g.pre_deconfliction.is_empty() {
        if let Some(dc) = before_deconfliction(g, g.partner_contact_on, today) {
            out.push(Issue::new("contact.date", Error, RuleId::Pga19, format!("You contacted a partner before de-confliction on {dc}: before de-confliction you may only contact the referrer for basic information or biographical data, or do what the FIMU asked. If that is what this contact was, select it on the de-confliction page. If not, check the date (PGA-19, s7)")).citing("s7"));
        }
    }
    // PGA-5 (s8): a visit is very exceptional.
    if let Some(v) = &g.visit {
        // PGA-19 (s7): a visit before de-confliction only if the FIMU asked for it.
        if !g
            .pre_deconfliction
            .contains(&PreDeconflictionActivity::RequestedByFimu)
        {
            if let Some(dc) = before_deconfliction(g, v.on, today) {
                out.push(Issue::new("visit.date", Error, RuleId::Pga19, format!("The visit is dated before de-confliction on {dc}: a visit can come before de-confliction only if the FIMU asked for it. If it did, select 'Activity the FIMU specifically requested' on the de-confliction page. If not, check the date (PGA-19, s7)")).citing("s7"));
            }
        }
        if !(v.agreed_by_ctco && v.agreed_by_supervisor) {
            out.push(Issue::new("visit.agreed", Error, RuleId::Pga5, "A visit at PGA needs both the CTCO and the supervisor to agree it is absolutely necessary"));
        }
        if v.rationale.trim().is_empty() {
            out.push(Issue::new(
                "visit.rationale",
                Error,
                RuleId::Pga5,
                "Give the rationale for visiting the subject at PGA",
            ));
        }
        if v.best_placed.trim().is_empty() {
            out.push(Issue::new("visit.best_placed", Error, RuleId::Pga5, "Say who is best placed to visit: a partner with an existing relationship may be better placed than the police"));
        }
        if v.consent_raised {
            out.push(Issue::new("visit.consent", Error, RuleId::Pga5, "Channel consent must not be raised with the subject at PGA, unless the subject raises it"));
        }
        // PGA-21 (s8): "Channel consent should not be raised with the subject at this stage"
        // is about the officer raising it; a subject who asks may be answered, with a note.
        if v.consent_by_subject && v.consent_note.trim().is_empty() {
            out.push(Issue::new(
                "visit.consent_note",
                Error,
                RuleId::Pga21,
                "Say how the subject raised Channel consent and what they were told",
            ));
        }
    }
    // PGA-22 (s5): a non-CT investigation found is described.
    if g.non_ct_investigation == Some(true) && g.non_ct_details.trim().is_empty() {
        out.push(Issue::new("non_ct.details", Error, RuleId::Pga22, "Say which non-CT offences the subject is under investigation for, and who is investigating them (PGA-22, s5)").citing("s5"));
    }
    // PGA-20 (s2, s8, s9): each "must consider" duty that applies is decided either way, with
    // its rationale; PGA-12 (s8) and PGA-13 (s9) warn when an unknown nationality or age is why
    // the duty is asked.
    if g.subject == Subject::Individual {
        if g.nationality == Some(Nationality::NotKnown) {
            out.push(Issue::new("subject.nationality", Warning, RuleId::Pga12, "The subject's nationality is not known: decide on contacting the FCO, the CRO and Immigration as for a foreign national, and find out their nationality if you can"));
        }
        if g.birth == Some(Birth::NotKnown) {
            out.push(Issue::new("subject.dob_known", Warning, RuleId::Pga13, "The subject's age is not known: decide on a Ports Intelligence Watchlist (PIW) request as for a juvenile, and find out their date of birth if you can"));
        }
        let duties = [
            (g.overseas_duty(), &g.overseas, "prompts.overseas_decision", "prompts.overseas_rationale", "s8", "Select whether you will contact the FCO, the CRO and Immigration (PGA-20, s8)", "Give the rationale for your decision on contacting the FCO, the CRO and Immigration, whichever way you decided (PGA-20, s2)"),
            (g.piw_duty(today), &g.piw, "prompts.piw_decision", "prompts.piw_rationale", "s9", "Select whether you have requested a Ports Intelligence Watchlist (PIW) entry (PGA-20, s9)", "Give the rationale for your decision on a Ports Intelligence Watchlist (PIW) request, whichever way you decided (PGA-20, s2)"),
            (g.flag_duty(), &g.flag, "prompts.flag_decision", "prompts.flag_rationale", "s9", "Select whether you have added a flag on local force systems (PGA-20, s9)", "Give the rationale for your decision on a flag on local force systems, whichever way you decided (PGA-20, s2)"),
        ];
        for (applies, duty, field, rationale, section, select, why) in duties {
            if !applies {
                continue;
            }
            if duty.decision.is_none() {
                out.push(Issue::new(field, Error, RuleId::Pga20, select).citing(section));
            }
            if duty.rationale.trim().is_empty() {
                out.push(Issue::new(rationale, Error, RuleId::Pga20, why).citing("s2"));
            }
        }
        // PGA-20 (s9): a PIW request made articulates the travel risk; one merely considered
        // does not need to.
        if g.piw_duty(today) && g.piw.decision == Some(true) && g.travel_risk.trim().is_empty() {
            out.push(Issue::new("prompts.travel_risk", Error, RuleId::Pga20, "Describe the travel risks, and anything else staff at ports may need, for the PIW request you made (PGA-20, s9)").citing("s9"));
        }
    }
    // The decision (PGA-6..9, PGA-14).
    match g.decision {
        None => out.push(Issue::new(
            "decision.outcome",
            Error,
            RuleId::Pga6,
            "Select the Gateway Decision",
        )),
        Some(d) => {
            if let Some(u) = unavailable(g, d) {
                out.push(
                    Issue::new("decision.outcome", Error, u.rule_id, u.reason).citing(u.section),
                );
            }
            if g.rationale.trim().is_empty() {
                let (rule, msg) = match d {
                    Decision::Close | Decision::CloseAndEscalateToPursue => (
                        RuleId::Pga9,
                        "Give a clear closing rationale, for the supervisor to approve",
                    ),
                    Decision::StraightToPlp if g.subject == Subject::Individual => (
                        RuleId::Pga8,
                        "A person straight to PLP is rare: give the rationale",
                    ),
                    _ => (RuleId::Pga6, "Give the rationale for the decision"),
                };
                out.push(Issue::new("decision.rationale", Error, rule, msg).citing("s8"));
            }
            if d == Decision::StraightToPlp && g.under_pursue_investigation {
                out.push(Issue::new("decision.outcome", Warning, RuleId::Pga14, "A subject under current Pursue investigation goes into PLP only in the most exceptional circumstances"));
            }
            // PGA-19 (s10): kept in PCM, the case can still never be a Channel case.
            if d == Decision::KeepInPcm && g.under_pursue_investigation {
                out.push(Issue::new("decision.outcome", Warning, RuleId::Pga19, "The subject is under current Pursue investigation, so this case cannot become a Channel case, and goes into PLP only in the most exceptional circumstances. Say in your rationale what Information Gathering is for (PGA-19, s10)").citing("s10"));
            }
        }
    }
    // Supervision (PGA-7 endorsement, PGA-9 approval, PGA-10, PGA-16; PGA-19's date).
    if let Some(dc) = before_deconfliction(g, g.signed_off_on, today) {
        out.push(Issue::new("supervisor.date", Error, RuleId::Pga19, format!("The supervisor's sign-off is dated before de-confliction on {dc}: nothing can be signed off before the FIMU has de-conflicted the referral. Check the date (PGA-19, s7)")).citing("s7"));
    }
    match &g.supervisor {
        None => out.push(Issue::new(
            "supervisor.name",
            Error,
            RuleId::Pga10,
            "The decision must be supervised before it is final: record the supervisor",
        )),
        Some(s) => {
            if let Some(p) = supervisor_problem(&g.ctco, s) {
                out.push(Issue::new(p.0, Error, RuleId::Pga16, p.1).citing("s14"));
            }
            if !g.supervisor_approved {
                let (rule, msg) = match g.decision {
                    Some(Decision::ReferToLacc) => (
                        RuleId::Pga7,
                        "Record the supervisor's endorsement of the referral to the LACC",
                    ),
                    Some(Decision::Close | Decision::CloseAndEscalateToPursue) => (
                        RuleId::Pga9,
                        "Record the supervisor's approval of the closing rationale",
                    ),
                    _ => (RuleId::Pga10, "Record the supervisor's sign-off"),
                };
                out.push(Issue::new("supervisor.approved", Error, rule, msg).citing(
                    if rule == RuleId::Pga7 {
                        "s8, s10"
                    } else {
                        "s8"
                    },
                ));
            }
        }
    }
    Report { issues: out }
}

impl Gateway {
    /// The day the subject's age is worked out on: the date the referral was received from the
    /// FIMU, or `today` until that is entered (decision 0014).
    pub fn assessed_on(&self, today: NaiveDate) -> NaiveDate {
        self.received.unwrap_or(today)
    }

    /// Whether the subject is under 18 on [`Gateway::assessed_on`]: `None` when their age is
    /// not known (or not answered yet).
    pub fn juvenile(&self, today: NaiveDate) -> Option<bool> {
        match self.birth? {
            Birth::Date(born) => Some(crate::date::age_on(born, self.assessed_on(today)) < 18),
            Birth::ApproximateAge(age) => Some(age < 18),
            Birth::NotKnown => None,
        }
    }

    /// Whether the subject is a foreign national (any nationality but British only): `None`
    /// when not known (or not answered yet).
    pub fn foreign_national(&self) -> Option<bool> {
        match self.nationality.as_ref()? {
            Nationality::British => Some(false),
            Nationality::Other(_) => Some(true),
            Nationality::NotKnown => None,
        }
    }

    /// PGA-12 (s8), as recorded under PGA-20: FCO, CRO and Immigration contact is to be
    /// decided for a person who is a foreign national or whose nationality is not known.
    pub fn overseas_duty(&self) -> bool {
        self.subject == Subject::Individual
            && matches!(
                self.nationality,
                Some(Nationality::Other(_) | Nationality::NotKnown)
            )
    }

    /// PGA-13 (s9), as recorded under PGA-20: a PIW request is to be decided for a person who
    /// is a juvenile, whose age is not known, or who shows a propensity to travel to conflict
    /// areas.
    pub fn piw_duty(&self, today: NaiveDate) -> bool {
        self.subject == Subject::Individual
            && (self.travel_propensity
                || self.juvenile(today) == Some(true)
                || self.birth == Some(Birth::NotKnown))
    }

    /// PGA-20 (s9): a flag on local force systems is to be decided for every person.
    pub fn flag_duty(&self) -> bool {
        self.subject == Subject::Individual
    }

    /// PGA-10 (s8): finalises the record when it has no errors; from then on it cannot change.
    pub fn finalise(&mut self, today: NaiveDate) -> Result<(), Report> {
        let report = validate(self, today);
        if report.has_errors() {
            return Err(report);
        }
        self.finalised = true;
        Ok(())
    }

    /// Applies a change unless the record is final (PGA-10). Returns whether it was applied.
    pub fn edit(&mut self, change: impl FnOnce(&mut Gateway)) -> Result<(), &'static str> {
        if self.finalised {
            return Err("This Prevent Gateway Assessment is final: the DIF and the Gateway Decision cannot be altered (PGA-10, s8)");
        }
        change(self);
        Ok(())
    }
}
