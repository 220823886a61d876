//! The National Prevent Referral Form (s7) as data: its pages, questions and the rules
//! REF-1..REF-4. Fields follow research/public-facts.md §1; ids are the stable export names.

use crate::catalogue::RuleId;
use crate::form::{Check, Condition, FormSchema, Page, QuestionKind, Rule};
use crate::form_builder::{
    self as build, area, area_up_to, check_answers_page, checkboxes, choice, choice_hint, email,
    eq, page, q, radios, select, tel, text, text_input, yes_no, PageExt, QuestionExt,
};

/// Form id used in drafts and exports.
pub const FORM_ID: &str = "nrf";
/// Schema version of this build's NRF.
pub const VERSION: u32 = 1;

/// A referral rule, citing its catalogue section: REF-1 s7; REF-2..REF-4 "NRF", the public
/// National Referral Form template they come from, which s7 does not contain (issue 18).
fn rule(id: RuleId, field: &str, check: Check, message: &str) -> Rule {
    build::rule(id, field, check, message)
}

/// Subject is an individual.
pub fn is_individual() -> Condition {
    eq("subject.type", "individual")
}

/// Section names for the task list, in order.
pub const SECTIONS: [&str; 5] = [
    "Before you start",
    "About you",
    "Who or what the referral is about",
    "The concerns",
    "Check and finish",
];

/// The four yes/no "relevant information" questions: (id, question, short name, shown only for
/// an individual, short name of its details). Details are required when the answer is yes.
const RELEVANT: [(&str, &str, &str, bool, &str); 4] = [
    (
        "info.safeguarding_lead",
        "Have you discussed your concerns with your safeguarding lead or Prevent lead?",
        "whether you discussed this with your safeguarding or Prevent lead",
        false,
        "details of the discussion with your safeguarding or Prevent lead",
    ),
    (
        "info.subject_informed",
        "Have you told the person that you are making this referral?",
        "whether you told the person",
        true,
        "details of what you told the person",
    ),
    (
        "info.direct_action",
        "Have you taken any direct action since you received this information?",
        "whether you have taken direct action",
        false,
        "details of the action you took",
    ),
    (
        "info.other_agencies",
        "Have you discussed your concerns with any other agencies?",
        "whether you discussed this with other agencies",
        false,
        "details of the discussions with other agencies",
    ),
];

/// Builds the NRF schema.
pub fn schema() -> FormSchema {
    let individual = is_individual();
    let mut pages = vec![
        page("referral-or-advice", "Are you making a Prevent referral?", SECTIONS[0], None, vec![
            q("referral.intent", "Are you making a Prevent referral?", "whether you are making a referral", radios(vec![
                choice_hint("referral", "Yes, I am making a referral", "The Prevent team will record it as a referral and act on it."),
                choice_hint("advice", "No, I want advice first", "Advice is a phone call to your local Prevent team, not this form."),
            ], false))
            .hint("Prevent teams must always know whether they have received a referral or a request for advice."),
        ]),
        page("immediate-risk", "Is there an immediate risk of harm to anyone, of a crime being committed, or of someone travelling to a conflict zone?", SECTIONS[0], None, vec![
            q("risk.immediate", "Is there an immediate risk of harm to anyone, of a crime being committed, or of someone travelling to a conflict zone?", "whether there is an immediate risk", yes_no()),
        ]),
        page("about-you", "About you", SECTIONS[1], None, vec![
            q("referrer.name", "Full name", "your full name", text()).hint("The Prevent team will use this to contact you about the referral."),
            q("referrer.role", "Job title or role (optional)", "your job title or role", text()),
            q("referrer.organisation", "Organisation", "your organisation", text()).hint("For a member of the public, write 'Member of the public'."),
            q("referrer.sector", "Sector (optional)", "your sector", select(vec![
                choice("education", "Education"), choice("health", "Health"), choice("local-authority", "Local authority"),
                choice("police", "Police"), choice("prisons", "Prisons"), choice("probation", "Probation"),
                choice("community", "Community"), choice("family", "Family"), choice("friend", "Friend"), choice("other", "Other"),
            ])),
            q("referrer.relationship", "Your relationship to the person or matter (optional)", "your relationship to the person or matter", text_input("text", None, None)).hint("For example, their teacher, GP, social worker or neighbour."),
            q("referrer.phone", "Phone number", "your phone number", tel()).hint("Give a phone number, an email address, or both."),
            q("referrer.email", "Email address", "your email address", email()),
        ]),
        page("subject-type", "Who or what is the referral about?", SECTIONS[2], None, vec![
            q("subject.type", "Who or what is the referral about?", "who or what the referral is about", radios(vec![
                choice("individual", "A person"),
                choice_hint("institution", "An institution", "For example a school, a place of worship, a club or a business."),
                choice_hint("expression", "An ideological expression", "For example a leafleting, stickering or graffiti campaign, or online material with no known author."),
            ], false)),
        ]),
    ];

    let person = page("person", "About the person", SECTIONS[2], None, vec![
        q("subject.forename", "First name(s)", "their first name", text()),
        q("subject.surname", "Last name", "their last name", text()),
        q("subject.description", "If you do not know their name, describe them", "a description of them", area(3)).hint("For example, what they look like, where they are usually seen and any names they use online."),
        q("subject.dob", "Date of birth", "date of birth", QuestionKind::Date).hint("For example, 27 3 2007. Leave blank if you do not know it."),
        q("subject.age", "If you do not know their date of birth, their approximate age", "approximate age", QuestionKind::Number { min: 0, max: 120 }),
        q("subject.gender", "Gender (optional)", "gender", radios(vec![
            choice("female", "Female"), choice("male", "Male"), choice("other", "Other or not known"),
        ], true)),
    ])
    .when(individual.clone());
    let person_more = page("person-contact", "Their address and other details", SECTIONS[2], None, vec![
        q("subject.address", "Address (optional)", "address", area_up_to(500, 3)).hint("Their current address. Add any previous addresses on new lines, marked 'previous'."),
        q("subject.phone", "Phone number (optional)", "their phone number", tel()),
        q("subject.email", "Email address (optional)", "their email address", email()),
        q("subject.nationality", "Nationality or citizenship (optional)", "nationality", text_input("text", Some("off"), Some("20"))),
        q("subject.immigration", "Immigration or asylum status, if known (optional)", "immigration or asylum status", text()),
        q("subject.language", "Main language (optional)", "main language", text_input("text", Some("off"), Some("20"))),
        q("subject.family", "Family and household details (optional)", "family details", area_up_to(1000, 3)).hint("Who they live with, and parents or carers for anyone under 18."),
    ])
    .when(individual.clone());
    let institution = page(
        "institution",
        "About the institution",
        SECTIONS[2],
        None,
        vec![
            q(
                "institution.name",
                "Name of the institution",
                "the name of the institution",
                text(),
            ),
            q(
                "institution.kind",
                "What kind of institution is it? (optional)",
                "kind of institution",
                text(),
            )
            .hint("For example, a school, a place of worship, a club or a business."),
            q(
                "institution.address",
                "Address (optional)",
                "address",
                area_up_to(500, 3),
            ),
            q(
                "institution.responsible",
                "Who is responsible for it, if you know? (optional)",
                "who is responsible",
                area_up_to(500, 3),
            )
            .hint("Name, role and how to contact them. Write 'not known' if you cannot find out."),
        ],
    )
    .when(eq("subject.type", "institution"));
    let expression = page(
        "expression",
        "About the ideological expression",
        SECTIONS[2],
        None,
        vec![
            q(
                "expression.form",
                "What form does it take? (optional)",
                "what form it takes",
                checkboxes(vec![
                    choice("leaflets", "Leaflets"),
                    choice("stickers", "Stickers"),
                    choice("graffiti", "Graffiti"),
                    choice("posters", "Posters or banners"),
                    choice("online", "Online material"),
                    choice("other", "Something else"),
                ]),
            ),
            q(
                "expression.description",
                "Describe what you saw",
                "a description of what you saw",
                area(4),
            )
            .hint("What it says or shows, and any symbols, slogans, names or links."),
            q(
                "expression.location",
                "Where was it? (optional)",
                "where it was",
                area_up_to(500, 2),
            ),
            q(
                "expression.first_seen",
                "When did you first see it? (optional)",
                "the date you first saw it",
                QuestionKind::Date,
            )
            .hint("For example, 14 10 2026."),
            q(
                "expression.responsible",
                "Who might be responsible, if you know? (optional)",
                "who might be responsible",
                area_up_to(500, 2),
            ),
        ],
    )
    .when(eq("subject.type", "expression"));
    pages.extend([person, person_more, institution, expression]);

    pages.push(page("concerns", "Describe your concerns", SECTIONS[3], None, vec![
        q("concerns.description", "In as much detail as possible, describe the specific concerns", "your concerns", area_up_to(10_000, 10))
            .hint("Use your own words. Say how and why this came to your notice.")
            .include(&[
                "a specific event, or a combination of things",
                "any travel plans to a conflict zone (where, when, how)",
                "contact with concerning groups or people (who, why, how often)",
                "worrying phone, internet or social media use (what, and how you know)",
                "any wish to cause harm, or threats (who, when, what was said)",
                "any concerning interest in hate crime, extremism, terrorism, school shooters, massacres or the murder of public figures",
                "anything else",
            ]),
        q("concerns.noticed", "When did you notice this? (optional)", "the date you noticed this", QuestionKind::Date).hint("For example, 14 10 2026. An approximate date is fine."),
        q("concerns.type", "What kind of concern is it, if you can tell? (optional)", "kind of concern", checkboxes(vec![
            choice("islamist", "Islamist"),
            choice("extreme-right-wing", "Extreme right-wing"),
            choice("left-wing-anarchist-single-issue", "Left-wing, anarchist or single issue"),
            choice("mass-violence", "Fascination with extreme violence or mass-casualty attacks"),
            choice("multiple", "More than one ideology, none dominant"),
            choice("unclear", "No clear ideology, or I do not know"),
        ])).hint("Select all that apply. You do not need to be sure: the Prevent team will assess it."),
    ]));
    let needs = page("complex-needs", "Their wellbeing and needs", SECTIONS[3], None, vec![
        q("needs.wellbeing", "Is there anything in their life that might be affecting their wellbeing or making them vulnerable in any sense? (optional)", "wellbeing and vulnerability", area_up_to(5000, 6))
            .hint("For example, mental health, special educational needs or a disability, other safeguarding concerns, changes at home, and what may happen if their needs are not met."),
    ])
    .when(individual.clone());
    pages.push(needs);

    let mut info = Vec::new();
    for (id, label, short, person_only, details_short) in RELEVANT {
        let mut yn = q(id, label, short, yes_no());
        if person_only {
            yn = yn.when(individual.clone());
        }
        // Each "Give details" says what of, so that no two labels (nor their errors) on the
        // page read the same (issue 21, item 3).
        let mut details = q(
            &format!("{id}_details"),
            &format!("Give {details_short}"),
            details_short,
            area(3),
        )
        .when(eq(id, "yes"));
        if person_only {
            details = details.when(Condition::All(vec![individual.clone(), eq(id, "yes")]));
        }
        info.push(yn);
        info.push(details);
    }
    let under_18 = Condition::All(vec![
        individual.clone(),
        Condition::Under18 {
            dob: "subject.dob".into(),
            age: "subject.age".into(),
        },
    ]);
    info.push(
        q(
            "info.parents_informed",
            "They are under 18. Have their parents or carers been told about your concerns?",
            "whether parents or carers have been told",
            yes_no(),
        )
        .when(under_18.clone()),
    );
    info.push(
        q(
            "info.parents_informed_details",
            "Give details of what parents or carers were told",
            "details of what parents or carers were told",
            area(3),
        )
        .when(Condition::All(vec![
            under_18,
            eq("info.parents_informed", "yes"),
        ])),
    );
    pages.push(page(
        "relevant-information",
        "What you have done so far",
        SECTIONS[3],
        None,
        info,
    ));

    let work = page(
        "employment-education",
        "Work and education",
        SECTIONS[3],
        None,
        vec![
            q(
                "employment.current",
                "Current job and employer (optional)",
                "current job and employer",
                text(),
            ),
            q(
                "employment.previous",
                "Previous jobs (optional)",
                "previous jobs",
                area_up_to(1000, 3),
            ),
            q(
                "education.current",
                "Current school, college or university (optional)",
                "current school, college or university",
                text(),
            ),
            q(
                "education.previous",
                "Previous schools, colleges or universities (optional)",
                "previous schools, colleges or universities",
                area_up_to(1000, 3),
            ),
        ],
    )
    .when(individual.clone());
    pages.push(work);
    pages.push(page("other-information", "Other information", SECTIONS[3], None, vec![
        q("other.agencies", "Which other agencies or professionals are involved, if any? (optional)", "other agencies or professionals involved", area(4)).hint("For each: the agency, a contact name, phone number and email address if you have them."),
        q("other.anything", "Is there anything else the Prevent team should know? (optional)", "anything else", area_up_to(5000, 5)),
    ]));
    pages.push(Page {
        title: "Check your answers before finishing your referral".into(),
        ..check_answers_page(SECTIONS[4])
    });
    pages.push(page("declaration", "Declaration", SECTIONS[4], None, vec![
        q("declaration.confirm", "Declaration", "the declaration", checkboxes(vec![
            choice("confirmed", "I confirm that this is a Prevent referral, not a request for advice, and that the information I have given is correct to the best of my knowledge"),
        ])),
    ]));

    FormSchema {
        id: FORM_ID.into(),
        version: VERSION,
        title: "Prevent referral".into(),
        pages,
        rules: rules(),
        def: crate::form_def::Def(&NrfDef),
    }
}

/// The referral's part of the generic machinery (issue 17, `FormDef`): its rules are all the
/// schema's own; every answer is recorded against the referrer, as entered.
pub struct NrfDef;

impl crate::form_def::FormDef for NrfDef {
    fn id(&self) -> &'static str {
        FORM_ID
    }
    fn author(&self, answers: &crate::Answers, _path: &str) -> String {
        match answers.text("referrer.name").map(str::trim) {
            Some(n) if !n.is_empty() => n.to_string(),
            _ => "Referrer (name not entered yet)".into(),
        }
    }
}

fn rules() -> Vec<Rule> {
    use Check::*;
    let mut r = vec![
        // REF-1: a referral is explicitly a referral, never advice (s7 a): "made clear from the outset").
        rule(RuleId::Ref1, "referral.intent", Required, "Select whether you are making a referral or want advice"),
        rule(RuleId::Ref1, "referral.intent", NotEqual("advice".into()), "This form is only for referrals. For advice, call your local Prevent team: advice is not recorded as a referral (s7)"),
        // REF-3: immediate risk -> 999 guidance, prominently (a warning, never a blocker).
        rule(RuleId::Ref3, "risk.immediate", Required, "Select yes if there is an immediate risk of harm, of a crime or of travel to a conflict zone"),
        rule(RuleId::Ref3, "risk.immediate", WarnIfEquals("yes".into()), "Call 999 now if you have not already. Then finish this referral."),
        // REF-2: referrer name, organisation and one contact route.
        rule(RuleId::Ref2, "referrer.name", Required, "Enter your full name"),
        rule(RuleId::Ref2, "referrer.organisation", Required, "Enter your organisation"),
        rule(RuleId::Ref2, "referrer.phone", Phone, "Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"),
        rule(RuleId::Ref2, "referrer.phone", AnyOf(vec!["referrer.phone".into(), "referrer.email".into()]), "Enter a phone number or an email address so the Prevent team can contact you"),
        rule(RuleId::Ref2, "referrer.email", Email, "Enter an email address in the correct format, like name@example.com"),
        // REF-2: subject type.
        rule(RuleId::Ref2, "subject.type", Required, "Select who or what the referral is about"),
        // REF-2: an individual needs a name or a description ...
        rule(RuleId::Ref2, "subject.forename", AnyOf(vec!["subject.forename".into(), "subject.surname".into(), "subject.description".into()]), "Enter their name, or describe them if you do not know it"),
        // ... and a date of birth or an approximate age. REF-4: real dates, not in the future.
        rule(RuleId::Ref4, "subject.dob", RealDate, ""),
        rule(RuleId::Ref4, "subject.dob", NotFuture, "Date of birth must be today or in the past"),
        rule(RuleId::Ref2, "subject.age", NumberInRange, "Approximate age must be a whole number between 0 and 120"),
        rule(RuleId::Ref2, "subject.dob", AnyOf(vec!["subject.dob".into(), "subject.age".into()]), "Enter their date of birth, or their approximate age if you do not know it"),
        rule(RuleId::Ref2, "subject.phone", Phone, "Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"),
        rule(RuleId::Ref2, "subject.email", Email, "Enter an email address in the correct format, like name@example.com"),
        rule(RuleId::Ref2, "institution.name", Required, "Enter the name of the institution"),
        rule(RuleId::Ref2, "expression.description", Required, "Describe what you saw"),
        rule(RuleId::Ref4, "expression.first_seen", RealDate, ""),
        rule(RuleId::Ref4, "expression.first_seen", NotFuture, ""),
        // REF-2: concerns described.
        rule(RuleId::Ref2, "concerns.description", Required, "Describe your concerns"),
        rule(RuleId::Ref4, "concerns.noticed", RealDate, ""),
        rule(RuleId::Ref4, "concerns.noticed", NotFuture, ""),
    ];
    for (id, _, short, _, details_short) in RELEVANT {
        r.push(rule(RuleId::Ref2, id, Required, &format!("Select {short}")));
        r.push(rule(
            RuleId::Ref2,
            &format!("{id}_details"),
            Required,
            &format!("Give {details_short}, because you answered yes"),
        ));
    }
    r.push(rule(
        RuleId::Ref2,
        "info.parents_informed",
        Required,
        "Select whether their parents or carers have been told",
    ));
    r.push(rule(
        RuleId::Ref2,
        "info.parents_informed_details",
        Required,
        "Give details of what parents or carers were told, because you answered yes",
    ));
    r.push(rule(
        RuleId::Ref1,
        "declaration.confirm",
        Required,
        "Confirm the declaration to finish your referral",
    ));
    r
}
