//! The priority band (PLP-1..4, PLP-6, s12): the banding page of the entry and of each
//! reassessment, its answers read into the inputs the DIF cannot give, and the suggested band
//! with its triggers.

use crate::answers::Answers;
use crate::deadline::Band;
use crate::form::{FormSchema, Page};
use crate::form_builder::{area, choice, choice_hint, eq, page, q, radios, yes_no, QuestionExt};
use crate::pga_form::{dif_record, framework_of};
use crate::plp::{self, BandingInputs, Suggestion};

/// The band options: (value, band).
pub const BANDS: [(&str, Band); 3] = [
    ("high", Band::High),
    ("standard", Band::Standard),
    ("monitored", Band::Monitored),
];

/// The banding page: the inputs the DIF cannot give, the band (Monitored only at a
/// reassessment, with its reason: PLP-4) and the rationale.
pub(super) fn banding_page(review: bool) -> Page {
    let monitored_hint = if review {
        "At least every 3 months; the case stays open (PLP-4, PLP-5)"
    } else {
        "At least every 3 months (PLP-5)"
    };
    let mut questions = vec![
        q("plp.urgent_mh", "Has the Vulnerability Support Hub or a clinician identified urgent mental health concerns?", "urgent mental health concerns", yes_no()),
        q("plp.work_needed", "Do you and your supervisor agree further work is needed?", "whether further work is needed", yes_no()),
        q("plp.judgement", "Professional judgement that the case is High priority (optional)", "professional judgement", area(3)).hint("Makes the suggested band High: say why (PLP-2)"),
        q("plp.band", if review { "What is the case's priority band now?" } else { "What is the case's priority band?" }, "priority band", radios(vec![
            choice_hint("high", "High (Red)", "Reassessed and supervised at least every 4 weeks (PLP-5)"),
            choice_hint("standard", "Standard (Amber)", "At least every 8 weeks (PLP-5)"),
            choice_hint("monitored", "Monitored (Green)", monitored_hint),
        ], false)),
    ];
    if review {
        questions.push(q("plp.monitored_reason", "Why is the case Monitored?", "why the case is Monitored", radios(vec![
            choice("de-escalated", "Risk and vulnerabilities have de-escalated demonstrably and consistently"),
            choice("observation", "The subject needs observing for longer before judging the impact"),
            choice("out-of-community", "The subject is briefly out of the community (abroad, short custody)"),
        ], false)).when(eq("plp.band", "monitored")));
        // PLP-12 (s12): a Monitored case's timeline is decided and justified with the supervisor.
        questions.push(q("plp.monitored_every", "How often will the case be reassessed while it is Monitored?", "how often it is reassessed", radios(
            crate::deadline::MONITORED_EVERY.iter().map(|(v, _, l, _)| choice(v, l)).collect(),
            false,
        )).hint("Decided with your supervisor for this case (PLP-12, s12); the next DIF is due then, or before any panel").when(eq("plp.band", "monitored")));
        questions.push(
            q(
                "plp.monitored_every_rationale",
                "Why this frequency?",
                "why this frequency",
                area(3),
            )
            .hint("As you and your supervisor justified it (PLP-12, s12)")
            .when(eq("plp.band", "monitored")),
        );
    }
    questions.push(
        q(
            "plp.band_rationale",
            "Rationale for the band (optional when it is the suggested one)",
            "rationale for the band",
            area(4),
        )
        .hint("Required when you choose a band other than the suggested one (PLP-2, PLP-3)"),
    );
    page(
        "banding",
        "Priority band",
        "Priority band",
        Some(if review {
            "The suggested band comes from the DIF and the answers below (PLP-2, PLP-3)."
        } else {
            "The suggested band comes from the DIF and the answers below (PLP-2, PLP-3). No case enters PLP as Monitored (PLP-4)."
        }),
        questions,
    )
}

pub(super) fn band_of(value: &str) -> Option<Band> {
    BANDS.iter().find(|(v, _)| *v == value).map(|(_, b)| *b)
}

/// What the DIF alone cannot say, from the banding page.
pub(super) fn inputs(answers: &Answers) -> BandingInputs {
    BandingInputs {
        urgent_mental_health: answers.text("plp.urgent_mh") == Some("yes"),
        professional_judgement: answers
            .text("plp.judgement")
            .map(str::trim)
            .filter(|j| !j.is_empty())
            .map(str::to_string),
        agreed_work_needed: answers.text("plp.work_needed") == Some("yes"),
    }
}

/// The suggested band and its triggers, live from the DIF and the banding answers.
pub fn suggestion(schema: &FormSchema, answers: &Answers) -> Suggestion {
    plp::suggest_band(
        &dif_record(&framework_of(schema), answers),
        &inputs(answers),
    )
}

/// Why a band option cannot be chosen at entry (PLP-4), or `None`.
pub fn option_unavailable(question: &str, value: &str) -> Option<&'static str> {
    (question == "plp.band" && value == "monitored").then_some(
        "No case enters PLP as Monitored: it is only for cases already in PLP (PLP-4, s12)",
    )
}
