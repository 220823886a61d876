//! Police-led Partnership rules PLP-1 to PLP-4 and PLP-6 to PLP-10 (s11, s12, s13) as pure
//! functions: the suggested band from the current DIF with the triggers that produced it, the
//! officer's band choice, entry routes, panels and closure. PLP-5 and PLP-11 (review dates) are
//! in [`crate::deadline`]. This is the core the PLP flow (issue 5) will render.

use crate::catalogue::RuleId;
use crate::deadline::Band;
use crate::dif::{Finding, Record};
use crate::validate::{Issue, Severity};

/// What the DIF alone cannot say, for the banding (PLP-2, PLP-3).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BandingInputs {
    /// The Vulnerability Support Hub or clinicians identified urgent mental health concerns.
    pub urgent_mental_health: bool,
    /// Professional judgement that the case is High priority, with its rationale.
    pub professional_judgement: Option<String>,
    /// The CTCO and supervisor agree work is needed.
    pub agreed_work_needed: bool,
}

/// Why a band was suggested.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trigger {
    /// The rule (PLP-2 or PLP-3).
    pub rule_id: RuleId,
    /// What triggered it, as shown.
    pub reason: String,
}

/// The band the DIF suggests, and why; `None` when nothing in it calls for PLP work.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    /// Suggested band (never Monitored: PLP-4).
    pub band: Option<Band>,
    /// The triggers, High ones first.
    pub triggers: Vec<Trigger>,
}

fn present(dif: &Record, key: &str) -> bool {
    dif.factors
        .get(key)
        .is_some_and(|r| r.finding == Finding::Present)
}

/// PLP-2 and PLP-3 (s12): High if any High trigger, else Standard if any Prevent-relevant
/// factor needs work or the CTCO and supervisor agree work is needed. Never Monitored (PLP-4).
pub fn suggest_band(dif: &Record, inputs: &BandingInputs) -> Suggestion {
    let mut triggers = Vec::new();
    let high = |reason: &str| Trigger {
        rule_id: RuleId::Plp2,
        reason: reason.into(),
    };
    if present(dif, "threat.escalation") {
        triggers.push(high("An unmitigated escalation factor"));
    }
    if present(dif, "threat.mobilisation") {
        triggers.push(high("An unmitigated mobilisation factor"));
    }
    if present(dif, "threat.harm") {
        triggers.push(high("An apparent, imminent or escalating risk of harm"));
    }
    if inputs.urgent_mental_health {
        triggers.push(high(
            "Urgent mental health concerns from the Vulnerability Support Hub or clinicians",
        ));
    }
    if present(dif, "threat.time-lock") {
        triggers.push(high("A time-lock"));
    }
    if present(dif, "threat.pursue") {
        triggers.push(high("Pursue relevance"));
    }
    if inputs
        .professional_judgement
        .as_deref()
        .is_some_and(|r| !r.trim().is_empty())
    {
        triggers.push(high("Professional judgement"));
    }
    let high_found = !triggers.is_empty();
    let relevant = dif
        .factors
        .iter()
        .filter(|(k, r)| {
            r.finding == Finding::Present
                && ["engagement.", "intent.", "capability."]
                    .iter()
                    .any(|p| k.starts_with(p))
        })
        .count();
    if relevant > 0 {
        triggers.push(Trigger {
            rule_id: RuleId::Plp3,
            reason: format!(
                "{relevant} Prevent-relevant factor{} needing further work",
                if relevant == 1 { "" } else { "s" }
            ),
        });
    }
    if inputs.agreed_work_needed {
        triggers.push(Trigger {
            rule_id: RuleId::Plp3,
            reason: "The CTCO and supervisor agree work is needed".into(),
        });
    }
    let band = if high_found {
        Some(Band::High)
    } else if !triggers.is_empty() {
        Some(Band::Standard)
    } else {
        None
    };
    Suggestion { band, triggers }
}

/// Why a case may be Monitored (PLP-4, s12).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MonitoredReason {
    /// Risk and vulnerabilities have de-escalated demonstrably and consistently.
    DeEscalated,
    /// The subject needs observing for longer before judging the impact.
    LongerObservation,
    /// The subject is briefly out of the community (abroad, short custody).
    OutOfCommunity,
}

/// The officer's band decision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BandChoice {
    /// The band chosen (PLP-1: required).
    pub band: Option<Band>,
    /// Chosen when the case enters PLP.
    pub at_entry: bool,
    /// For Monitored: why.
    pub monitored_reason: Option<MonitoredReason>,
    /// Why the band differs from the suggestion, when it does.
    pub rationale: String,
}

/// Issues of a band choice against the suggestion (PLP-1, PLP-2, PLP-3, PLP-4, PLP-6).
pub fn check_band(choice: &BandChoice, suggestion: &Suggestion) -> Vec<Issue> {
    use Severity::{Error, Warning};
    let mut out = Vec::new();
    match choice.band {
        None => out.push(Issue::new("band", Error, RuleId::Plp1, "Every PLP case has a priority band: choose one")),
        Some(Band::Monitored) if choice.at_entry => out.push(Issue::new("band", Error, RuleId::Plp4, "No case enters PLP as Monitored: Monitored is only for cases already in PLP")),
        Some(Band::Monitored) if choice.monitored_reason.is_none() => {
            out.push(Issue::new("band", Error, RuleId::Plp4, "Say why the case is Monitored: de-escalated demonstrably and consistently, observed for longer, or briefly out of the community"))
        }
        Some(b) => {
            // Monitored's own reason (PLP-4) says why the case is Monitored rather than Standard, not
            // why a High trigger in the same DIF (PLP-2) does not make it High.
            let reason_covers = b == Band::Monitored && suggestion.band != Some(Band::High);
            if suggestion.band.is_some_and(|s| s != b) && !reason_covers && choice.rationale.trim().is_empty() {
                let rule = if suggestion.band == Some(Band::High) { RuleId::Plp2 } else { RuleId::Plp3 };
                out.push(Issue::new("band", Error, rule, format!("The DIF suggests {}: give the rationale for choosing {}", suggestion.band.map_or("", |s| s.label()), b.label())));
            }
        }
    }
    if suggestion
        .triggers
        .iter()
        .any(|t| t.reason == "Pursue relevance")
    {
        out.push(Issue::new(
            "band",
            Warning,
            RuleId::Plp6,
            "Suspected Pursue relevance: escalate it through the FIMU as a potential lead first",
        ));
    }
    out
}

/// How a case enters PLP (PLP-7, s11), each needing its rationale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryRoute {
    /// Straight from the Gateway Decision.
    FromGatewayDecision,
    /// After Information Gathering: why the S.36 decision was not to refer to Channel.
    AfterInformationGathering,
    /// Out of Channel: the closing VAF extended into an opening DIF; why Channel could not
    /// continue.
    OutOfChannel,
    /// Transferred from another force (TRF-1, s13): the receiving force's new DIF, reflecting the
    /// move between areas.
    TransferredIn,
}

/// PLP-7 (s11): the entry route and its rationale.
pub fn check_entry(route: Option<EntryRoute>, rationale: &str) -> Vec<Issue> {
    let what = match route {
        None => return vec![Issue::new("entry", Severity::Error, RuleId::Plp7, "Select how the case entered PLP")],
        Some(EntryRoute::FromGatewayDecision) => "Give the rationale from the completed DIF for sending the case to PLP from the Gateway Decision",
        Some(EntryRoute::AfterInformationGathering) => "Explain why the S.36 decision was not to refer the person to a Channel panel",
        Some(EntryRoute::OutOfChannel) => "Explain why the case could not stay within Channel (the closing VAF extended into an opening DIF)",
        Some(EntryRoute::TransferredIn) => "Explain the move between areas and the change in circumstances it brings (s13)",
    };
    if rationale.trim().is_empty() {
        vec![Issue::new(
            "entry_rationale",
            Severity::Error,
            RuleId::Plp7,
            what,
        )]
    } else {
        vec![]
    }
}

/// A PLP panel as recorded (PLP-8).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Panel {
    /// The chair is a police officer or police staff.
    pub chair_is_police: bool,
    /// The chair is a Sergeant / CTCO supervisor or above.
    pub chair_supervisory: bool,
    /// The chair manages the cases discussed.
    pub chair_is_managing_ctco: bool,
    /// Who attends and why, decided by the chair.
    pub attendees_rationale: String,
    /// Heard as Any Other Business at the end of a Channel panel.
    pub as_channel_aob: bool,
}

/// PLP-8 (s11): police chair (a Sergeant or above and not the managing CTCO wherever possible),
/// attendees with a rationale, never as AOB of a Channel panel.
pub fn check_panel(p: &Panel) -> Vec<Issue> {
    use Severity::{Error, Warning};
    let mut out = Vec::new();
    if !p.chair_is_police {
        out.push(Issue::new(
            "panel.chair",
            Error,
            RuleId::Plp8,
            "Police must chair PLP panels",
        ));
    } else {
        if !p.chair_supervisory {
            out.push(Issue::new(
                "panel.chair",
                Warning,
                RuleId::Plp8,
                "Wherever possible the chair should be a Sergeant or CTCO supervisor or above",
            ));
        }
        if p.chair_is_managing_ctco {
            out.push(Issue::new(
                "panel.chair",
                Warning,
                RuleId::Plp8,
                "The chair should not be the CTCO managing the cases discussed",
            ));
        }
    }
    if p.attendees_rationale.trim().is_empty() {
        out.push(Issue::new(
            "panel.attendees",
            Error,
            RuleId::Plp8,
            "Record who attends and the chair's rationale for it",
        ));
    }
    if p.as_channel_aob {
        out.push(Issue::new(
            "panel.format",
            Error,
            RuleId::Plp8,
            "PLP cases must not be heard as Any Other Business of a Channel panel",
        ));
    }
    out
}

/// The closure codes (PLP-9, s13).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClosureCode {
    /// The subject is deceased.
    Deceased,
    /// There was no actual CT concern.
    NoCtConcern,
    /// The subject could not be located.
    NotLocated,
    /// Escalated to the Pursue space.
    EscalatedToPursue,
    /// No CT concern, but a non-CT issue was referred onwards.
    NonCtIssueReferredOnwards,
    /// PLP: risk reduced (diverted, deterred or desisted).
    RiskReduced,
    /// Channel: the panel addressed all concerns / sufficient support is in place.
    ChannelConcernsAddressed,
    /// PLP, from Monitored: exited into Channel, the individual being willing (s12).
    ExitedIntoChannel,
}

impl ClosureCode {
    /// PLP-12 (s12): the codes that cannot wait for a Monitored review period: the subject has
    /// died, cannot be located, or has been escalated to Pursue.
    pub fn cannot_wait(self) -> bool {
        matches!(
            self,
            ClosureCode::Deceased | ClosureCode::NotLocated | ClosureCode::EscalatedToPursue
        )
    }
}

/// PLP-12 (s12: Monitored "is the review period for all cases before they can be exited from
/// the PLP space"): why a case in `band` cannot close with `code`, or `None`.
pub fn closure_unavailable(band: Option<Band>, code: ClosureCode) -> Option<&'static str> {
    match band {
        Some(Band::High | Band::Standard) if !code.cannot_wait() => Some(
            "A case leaves PLP through Monitored, its review period before exit: reassess it as Monitored first. Only a subject who has died, cannot be located or has been escalated to Pursue closes from High or Standard (PLP-12, s12)",
        ),
        _ => None,
    }
}

/// A PLP closure as recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Closure {
    /// The closure code.
    pub code: Option<ClosureCode>,
    /// The case's band when it closes (PLP-12), when known.
    pub band: Option<Band>,
    /// The closing DIF is complete and supervised.
    pub closing_dif_supervised: bool,
    /// Prevent issues or CT risk remain at closure.
    pub ct_risk_remaining: bool,
    /// The Regional Prevent Co-ordinator authorised closing with risk remaining.
    pub rpc_authority: bool,
    /// Why management should not continue and escalation cannot be undertaken.
    pub justification: String,
}

/// PLP-9 and PLP-10 (s13): a code from the list (not the Channel one for a PLP case), a
/// supervised closing DIF, and RPC authority with a detailed justification when risk remains.
pub fn check_closure(c: &Closure) -> Vec<Issue> {
    use Severity::Error;
    let mut out = Vec::new();
    match c.code {
        None => out.push(Issue::new(
            "closure.code",
            Error,
            RuleId::Plp9,
            "Select the closure code",
        )),
        Some(ClosureCode::ChannelConcernsAddressed) => out.push(Issue::new(
            "closure.code",
            Error,
            RuleId::Plp9,
            "That code is for Channel cases: choose a PLP closure code",
        )),
        Some(code) => {
            if let Some(why) = closure_unavailable(c.band, code) {
                out.push(Issue::new("closure.code", Error, RuleId::Plp12, why).citing("s12"));
            }
        }
    }
    if !c.closing_dif_supervised {
        out.push(Issue::new(
            "closure.dif",
            Error,
            RuleId::Plp10,
            "A PLP case closes only with a supervised closing DIF",
        ));
    }
    if c.ct_risk_remaining {
        if !c.rpc_authority {
            out.push(Issue::new("closure.rpc", Error, RuleId::Plp10, "Closing with Prevent issues or CT risk remaining needs the Regional Prevent Co-ordinator's authority"));
        }
        if c.justification.trim().is_empty() {
            out.push(Issue::new("closure.justification", Error, RuleId::Plp10, "Give a clear and detailed justification of why management should not continue and why escalation cannot be undertaken"));
        }
    }
    out
}
