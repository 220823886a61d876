//! A Gateway Assessment started from a partner's referral (DESIGN.md, "Hand-overs": "Prevent
//! team → CTCO"; issue 20, item 4; docs/decisions/0022-referral-into-pga.md). [`MAPPING`] is the
//! table of which referral answers become which PGA answers, and how; [`from_referral`] applies
//! it. What the PGA asks no question about (the subject's name and contact details, the
//! referrer, the concerns in the referrer's words) is not copied: the referral itself is kept
//! with the case, final and read-only, and the PGA names it ([`REFERRAL_FIELD`]).

use crate::answers::{Answer, Answers};
use crate::form_def::ExtraField;

/// The hidden answer of a PGA that names the referral it was started from (the referral's
/// record id). Not a question: exported as the record's `referral_id`.
pub const REFERRAL_FIELD: &str = "case.referral";

/// The export's `referral_id` (a Gateway Assessment started from a referral): the hidden answer
/// [`REFERRAL_FIELD`], or null.
pub const REFERRAL_EXPORT: ExtraField = ExtraField::Answer {
    field: "referral_id",
    answer: REFERRAL_FIELD,
    name: "referral id",
    what: "the record id of a referral",
    valid: crate::import::is_record_id,
    optional: true,
};

/// How a referral answer becomes a PGA answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum How {
    /// The same value (the options are the same).
    Same,
    /// A choice translated to the PGA's option ([`concern_type`], [`nationality`]).
    Translated,
    /// Only for a person (the PGA asks it only when `case.subject` is "individual").
    PersonOnly,
}

/// The mapping table: (referral answer, PGA answer, how). One row per PGA answer filled; a
/// referral answer missing or blank fills nothing.
pub const MAPPING: [(&str, &str, How); 8] = [
    ("subject.type", "case.subject", How::Same),
    ("referral.intent", "case.request", How::Same),
    ("subject.dob", "subject.dob", How::PersonOnly),
    ("subject.dob", "subject.dob_known", How::PersonOnly),
    ("subject.age", "subject.age", How::PersonOnly),
    (
        "subject.nationality",
        "subject.nationality",
        How::Translated,
    ),
    (
        "subject.nationality",
        "subject.nationality_other",
        How::Translated,
    ),
    ("concerns.type", "relevance.concern", How::Translated),
];

/// The PGA's nationality (and, for another, its text) for what the referrer typed: "British"
/// (or "UK", "United Kingdom", "Great Britain", "GB") is British; any other text is another
/// nationality, named as typed (the PGA counts a dual national as another, PGA-12); blank is
/// left for the CTCO, never "not known" (which decides PGA-12 for them).
pub fn nationality(typed: &str) -> Option<(&'static str, Option<String>)> {
    let t = typed.trim();
    if t.is_empty() {
        return None;
    }
    let l = t.to_ascii_lowercase();
    let l = l.trim_end_matches('.');
    if ["british", "uk", "united kingdom", "great britain", "gb"].contains(&l) {
        Some(("british", None))
    } else {
        Some(("other", Some(t.to_string())))
    }
}

/// The PGA's type of concern for the boxes the referrer ticked: one definite type maps to its
/// option; none, "I do not know", or more than one (the referrer was told they need not be sure,
/// and two ticks do not say "none dominant") is left for the CTCO to assess.
pub fn concern_type(ticked: &[String]) -> Option<&'static str> {
    let [one] = ticked else { return None };
    Some(match one.as_str() {
        "islamist" => "islamist",
        "extreme-right-wing" => "extreme-right-wing",
        "left-wing-anarchist-single-issue" => "left-anarchist-single-issue",
        "mass-violence" => "extreme-violence",
        "multiple" => "multiple",
        _ => return None,
    })
}

/// A new PGA's answers from a final referral's (`nrf`) with record id `referral_id`, by
/// [`MAPPING`]: who or what it is about, that it is a referral (not a tasking); for a person,
/// the date of birth (else the approximate age) and nationality; the type of concern where the
/// referrer named one. Plus the link to the referral ([`REFERRAL_FIELD`]).
pub fn from_referral(nrf: &Answers, referral_id: &str) -> Answers {
    let mut out = Answers::default();
    let text = |k: &str| nrf.text(k).map(str::trim).filter(|s| !s.is_empty());
    let subject = text("subject.type").filter(|s| crate::plp_form::SUBJECT_TYPES.contains(s));
    if let Some(s) = subject {
        out.set("case.subject", Answer::Text(s.into()));
    }
    if text("referral.intent") == Some("referral") {
        out.set("case.request", Answer::Text("referral".into()));
    }
    if subject == Some("individual") {
        let dob = match nrf.filled("subject.dob") {
            Some(Answer::Date(p)) if crate::date::parse(p).is_ok() => Some(p.clone()),
            _ => None,
        };
        let age = text("subject.age").filter(|a| a.parse::<u8>().is_ok_and(|n| n <= 120));
        if let Some(p) = dob {
            out.set("subject.dob_known", Answer::Text("yes".into()));
            out.set("subject.dob", Answer::Date(p));
        } else if let Some(a) = age {
            out.set("subject.dob_known", Answer::Text("approximate".into()));
            out.set("subject.age", Answer::Text(a.into()));
        }
        if let Some((n, other)) = text("subject.nationality").and_then(nationality) {
            out.set("subject.nationality", Answer::Text(n.into()));
            if let Some(o) = other {
                out.set("subject.nationality_other", Answer::Text(o));
            }
        }
    }
    if let Some(Answer::Choices(c)) = nrf.filled("concerns.type") {
        if let Some(v) = concern_type(c) {
            out.set("relevance.concern", Answer::Text(v.into()));
        }
    }
    out.set(REFERRAL_FIELD, Answer::Text(referral_id.into()));
    out
}

/// The id of the referral a PGA was started from, if any.
pub fn referral_of(pga: &Answers) -> Option<&str> {
    pga.text(REFERRAL_FIELD).filter(|s| !s.is_empty())
}
