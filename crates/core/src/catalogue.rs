//! The policy catalogue as a type: every rule the toolkit enforces or cites, one [`RuleId`]
//! each, with its id ("PGA-7"), the section(s) of the CTP-Prevent Policy 2020 it comes from
//! ("s8, s10") and a short title. The single source for every issue, rule definition, message
//! citation, UI reference and test name (issue 17, item 4).
//!
//! The policy rules are DESIGN.md's catalogue ("The forms, and the policy rules they
//! enforce"), in its order; `tests/catalogue.rs` compares them with it. Three more ids are the
//! toolkit's own ([`Kind::Toolkit`]): checks that issues cite but that are not policy rules.
//! Acceptance labels of issues (REC-n, SEC-1..3, OFF-n, SIM-n) name tests, not rules, and are
//! not here.
//!
//! Print it with `cargo run -p prevent-core --example catalogue` ([`table`]).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Where a rule comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A rule of DESIGN.md's catalogue, from the policy (or, REF-2..4, the National Referral
    /// Form template).
    Policy,
    /// A check of the toolkit's own that issues cite (form mechanics, the DIF's completeness,
    /// final records on import): not in DESIGN.md's catalogue.
    Toolkit,
}

/// Whether the core enforces a rule yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// The core enforces it: at least one rule, check or deadline of the core names it.
    Enforced,
    /// In DESIGN.md's catalogue, not enforced yet: the open issue that brings it.
    Planned {
        /// The issue number.
        issue: u32,
    },
}

/// One row of the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The rule.
    pub rule: RuleId,
    /// Its id as DESIGN.md writes it ("PGA-7").
    pub id: &'static str,
    /// The policy section(s) it comes from, as cited ("s8, s10"); "NRF" for the National
    /// Referral Form template; empty for a toolkit check that cites no section.
    pub section: &'static str,
    /// A short title.
    pub title: &'static str,
    /// Policy or toolkit.
    pub kind: Kind,
    /// Enforced, or planned.
    pub status: Status,
}

/// Builds [`RuleId`], its accessors and [`ENTRIES`] from one list, so that none can drift
/// from another. The accessors are `match`es rather than reads of [`ENTRIES`], so that the app
/// links only what it asks for (ids and sections, not the titles).
macro_rules! catalogue {
    ($($rule:ident = $id:literal, $section:literal, $kind:ident, $status:expr, $title:literal;)*) => {
        /// A rule of the catalogue. Its order is the catalogue's (DESIGN.md's, then the
        /// toolkit's own); it serialises as its id ("PGA-7").
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum RuleId {
            $(
                #[doc = concat!($id, ": ", $title, ".")]
                $rule,
            )*
        }

        /// The catalogue, one entry per [`RuleId`], in its order.
        pub const ENTRIES: &[Entry] = &[
            $(Entry {
                rule: RuleId::$rule,
                id: $id,
                section: $section,
                title: $title,
                kind: Kind::$kind,
                status: $status,
            },)*
        ];

        const ALL: &[RuleId] = &[$(RuleId::$rule,)*];

        impl RuleId {
            /// Its id ("PGA-7").
            pub const fn id(self) -> &'static str {
                match self {
                    $(RuleId::$rule => $id,)*
                }
            }

            /// Its policy section(s), as cited ("s8, s10"; "NRF"; empty for
            /// [`RuleId::Form1`] and [`RuleId::Sec4`]).
            pub const fn section(self) -> &'static str {
                match self {
                    $(RuleId::$rule => $section,)*
                }
            }

            /// Its short title.
            pub const fn title(self) -> &'static str {
                match self {
                    $(RuleId::$rule => $title,)*
                }
            }
        }
    };
}

use Status::Enforced;

catalogue! {
    Ref1 = "REF-1", "s7", Policy, Enforced, "A referral is explicitly a referral, never advice";
    Ref2 = "REF-2", "NRF", Policy, Enforced, "Required: subject, their name or description and age, concerns, referrer and one contact route";
    Ref3 = "REF-3", "NRF", Policy, Enforced, "Immediate-risk answers show the 999 guidance";
    Ref4 = "REF-4", "NRF", Policy, Enforced, "Dates are real calendar dates, not in the future where that is impossible";
    Pga1 = "PGA-1", "s7", Policy, Enforced, "No assessment before FIMU de-confliction, complete with a date and a reference number";
    Pga2 = "PGA-2", "s8", Policy, Enforced, "The PGA is due within 5 working days of receipt from the FIMU";
    Pga3 = "PGA-3", "s8", Policy, Enforced, "Each background check done (date, result) or known from the FIMU's checks";
    Pga4 = "PGA-4", "s8", Policy, Enforced, "Contacting partners at PGA is an exception needing a rationale";
    Pga5 = "PGA-5", "s8", Policy, Enforced, "Visiting the subject at PGA is very exceptional: agreed, with a rationale, no Channel consent";
    Pga6 = "PGA-6", "s8", Policy, Enforced, "Keep in PCM needs a reasonable suspicion of a Prevent-relevant concern";
    Pga7 = "PGA-7", "s8, s10", Policy, Enforced, "Dovetail: refer to the LACC within 5 working days, with reasonable suspicion, unsuitable for PLP, endorsed";
    Pga8 = "PGA-8", "s8", Policy, Enforced, "Straight to PLP: an untraced responsible person, or rarely an individual with a rationale";
    Pga9 = "PGA-9", "s8, s13", Policy, Enforced, "Close needs a reasonable belief of no concern, or a Pursue-relevant concern escalated, approved";
    Pga10 = "PGA-10", "s8", Policy, Enforced, "Supervised before final; final is read-only; one PGA per case";
    Pga11 = "PGA-11", "s8", Policy, Enforced, "The Gateway Decision goes to the FIMU, except a close after a RADO 6 grading";
    Pga12 = "PGA-12", "s8", Policy, Enforced, "A foreign national: consider contacting the FCO, CRO and Immigration";
    Pga13 = "PGA-13", "s9", Policy, Enforced, "A juvenile or a propensity to travel: consider a PIW request, travel risk articulated";
    Pga14 = "PGA-14", "s10", Policy, Enforced, "Under current Pursue investigation: not a Channel case, PLP only in the most exceptional circumstances";
    Pga15 = "PGA-15", "s6, s10", Policy, Enforced, "Outside Dovetail, the S.36 decision is due within 20 days of de-confliction";
    Pga16 = "PGA-16", "s6, s14", Policy, Enforced, "A supervisor is at least a Sergeant or a police-staff CTCO supervisor, never the CTCO";
    Pga17 = "PGA-17", "s8, s12", Policy, Enforced, "A Pursue-relevant case cannot take plain Close; its escalation goes to the FIMU";
    Pga18 = "PGA-18", "s8, s11", Policy, Enforced, "Straight to PLP needs a reasonable suspicion; in Dovetail unsuitable for PLP goes to the LACC";
    Pga19 = "PGA-19", "s7, s10", Policy, Enforced, "Keep in PCM under Pursue investigation warns; nothing dated before de-confliction but the s7 exceptions";
    Pga20 = "PGA-20", "s2, s8, s9", Policy, Enforced, "Must-consider duties are decided either way with a rationale";
    Pga21 = "PGA-21", "s8", Policy, Enforced, "Channel consent raised by the subject is allowed, with a note";
    Pga22 = "PGA-22", "s5, s7", Policy, Enforced, "Tasking or referral is clarified; non-CT investigation recorded";
    Plp1 = "PLP-1", "s12", Policy, Enforced, "Every PLP case has a band";
    Plp2 = "PLP-2", "s12", Policy, Enforced, "High priority if any High trigger";
    Plp3 = "PLP-3", "s12", Policy, Enforced, "Standard priority if a Prevent-relevant factor needs work, or work is agreed";
    Plp4 = "PLP-4", "s12", Policy, Enforced, "Monitored is never a band at entry; Monitored cases stay open";
    Plp5 = "PLP-5", "s12, s14", Policy, Enforced, "New DIF, CMP update and sign-off every 4 weeks, 8 weeks or 3 months, and before a panel";
    Plp6 = "PLP-6", "s12", Policy, Enforced, "Suspected Pursue relevance is escalated via the FIMU";
    Plp7 = "PLP-7", "s11", Policy, Enforced, "The entry route into PLP and its rationale";
    Plp8 = "PLP-8", "s11", Policy, Enforced, "A panel is chaired by police, not the managing CTCO, attendees with a rationale, never Channel AOB";
    Plp9 = "PLP-9", "s13", Policy, Enforced, "Closure codes";
    Plp10 = "PLP-10", "s13", Policy, Enforced, "Closure needs a supervised closing DIF; risk remaining needs RPC authority and a justification";
    Plp11 = "PLP-11", "s13", Policy, Enforced, "Closed cases are reviewed at 6 and 12 months, each within 5 working days";
    Int1 = "INT-1", "s9", Policy, Enforced, "A summary to the FIMU at least every 3 months; every submission says the risk's direction";
    Int2 = "INT-2", "s9", Policy, Enforced, "A significant change in risk prompts a FIMU submission";
    Plp12 = "PLP-12", "s12", Policy, Enforced, "Monitored is the review period before a case exits PLP";
    Plp13 = "PLP-13", "s11, s12", Policy, Enforced, "The history is checked: missed reassessments, panel order, minutes, no overlap with Channel";
    Plp14 = "PLP-14", "s12", Policy, Enforced, "A concerning or significant change prompts a new DIF";
    Rev1 = "REV-1", "s13", Policy, Enforced, "Closed-case reviews for every PCM case, recorded and approved";
    Trf1 = "TRF-1", "s13", Policy, Enforced, "A transfer between forces: DIFs, the case file, a panel and a CMP";
    Sup1 = "SUP-1", "s6, s14", Policy, Enforced, "Every sign-off records who, rank and date, and obeys PGA-16";
    Dif1 = "DIF-1", "s8", Toolkit, Enforced, "Every DIF finding is of a factor of the framework, with evidence when present";
    Form1 = "FORM-1", "", Toolkit, Enforced, "A text answer stays within its character limit";
    Sec4 = "SEC-4", "", Toolkit, Enforced, "A record claiming to be final is re-checked on import";
}

impl RuleId {
    /// Its row of the catalogue.
    pub const fn entry(self) -> &'static Entry {
        &ENTRIES[self as usize]
    }

    /// Its sections one by one ("s8", "s10").
    pub fn sections(self) -> impl Iterator<Item = &'static str> {
        self.section().split(", ").filter(|s| !s.is_empty())
    }

    /// Whether `citation` ("s10", "s8, s10") names only sections of this rule: a message may
    /// cite the part of a rule it is about (PGA-7's "Only a person can be referred to Channel"
    /// cites s10).
    pub fn cites(self, citation: &str) -> bool {
        !citation.is_empty()
            && citation
                .split(", ")
                .all(|s| self.sections().any(|t| t == s))
    }

    /// Every rule, in the catalogue's order.
    pub fn all() -> impl Iterator<Item = RuleId> {
        ALL.iter().copied()
    }

    /// The rule with this id ("PGA-7"), exactly as the catalogue writes it.
    pub fn parse(id: &str) -> Option<RuleId> {
        RuleId::all().find(|r| r.id() == id)
    }
}

impl fmt::Display for RuleId {
    /// Its id ("PGA-7").
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// An id that is not in the catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownRule(pub String);

impl fmt::Display for UnknownRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "'{}' is not a rule id of the catalogue", self.0)
    }
}

impl std::str::FromStr for RuleId {
    type Err = UnknownRule;

    fn from_str(s: &str) -> Result<RuleId, UnknownRule> {
        RuleId::parse(s).ok_or_else(|| UnknownRule(s.to_string()))
    }
}

impl Serialize for RuleId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for RuleId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<RuleId, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// The catalogue as a Markdown table: id, section, title, and whether the core enforces it.
pub fn table() -> String {
    let mut out = String::from("| Id | Section | Title | Status |\n|---|---|---|---|\n");
    for e in ENTRIES {
        let section = if e.section.is_empty() {
            "–"
        } else {
            e.section
        };
        let status = match (e.kind, e.status) {
            (Kind::Policy, Status::Enforced) => "enforced".to_string(),
            (Kind::Toolkit, Status::Enforced) => "enforced (toolkit check)".to_string(),
            (_, Status::Planned { issue }) => format!("planned (issue {issue})"),
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            e.id, section, e.title, status
        ));
    }
    out
}
