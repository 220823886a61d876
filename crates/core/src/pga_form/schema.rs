//! The PGA's pages, questions and rules, built from a DIF framework: the case and its
//! de-confliction (PGA-1), referral or tasking (PGA-22), background checks (PGA-3) and non-CT
//! investigations (PGA-22), partner contact and visits (PGA-4, PGA-5) and their dates (PGA-19),
//! the type of concern, the framework's DIF pages, the assessment, the subject's date of birth and
//! nationality and the "must consider" duties (PGA-12, PGA-13, PGA-20), the Gateway Decision,
//! supervision (PGA-16) and the declaration (PGA-10).

use super::dif_pages::{dif_rules, pga_dif_page};
use super::read::decision_value;
use super::{PgaDef, DECONFLICTION_PAGE, FIRST_SECTION, FORM_ID, TITLE, VERSION};
use crate::catalogue::RuleId;
use crate::dif::Framework;
use crate::form::{Check as RuleCheck, Choice, Condition, FormSchema, QuestionKind};
use crate::form_builder::{
    area, check_answers_page, checkboxes, choice, choice_hint, eq, page, q, radios, rule, select,
    text, yes_no, PageExt, QuestionExt,
};
use crate::form_def::Def;
use crate::pga::{Decision, CHECKS};

/// The PGA form built from a DIF framework.
pub fn schema(framework: &Framework) -> FormSchema {
    let individual = eq("case.subject", "individual");
    let mut pages = vec![
        page("case", "Case details", FIRST_SECTION, Some("The case as the FIMU sent it to you. Deadlines are counted in working days from the date you received it (s8)."), vec![
            q("case.ctco", "Your name", "your name", text()).hint("The CTCO completing this assessment. It is recorded against every change in the audit trail."),
            q("case.reference", "Case reference", "case reference", text()).hint("The PCM Tracker or CMIS reference. Only one Prevent Gateway Assessment is ever completed for a case (PGA-10, s8)."),
            q("case.received", "When did you receive the de-conflicted referral from the FIMU?", "the date you received the referral", QuestionKind::Date).hint("For example, 24 11 2026. Day 0: the PGA is due 5 working days later (PGA-2, s8)."),
            q("case.subject", "Who or what is the referral about?", "subject type", radios(vec![
                choice("individual", "A person"),
                choice("institution", "An institution"),
                choice_hint("expression", "An ideological expression", "For example a leafleting or stickering campaign"),
            ], false)),
            q("case.area", "Is this a Dovetail area?", "area model", radios(vec![
                choice_hint("dovetail", "Yes, Dovetail", "The Local Authority (LACC) completes Information Gathering for Channel cases"),
                choice_hint("non-dovetail", "No, not Dovetail", "CTP-Prevent completes Information Gathering and the S.36 decision"),
            ], false)).hint("This decides which Gateway Decisions are open and which deadlines apply (s10)."),
            q("case.request", "Is this a referral into Prevent Case Management, or a tasking?", "referral or tasking", radios(vec![
                choice_hint("referral", "A referral into PCM", "From a partner, the public or another part of the CT Network: it is assessed with a PGA"),
                choice_hint("tasking", "A tasking from another CT unit", "A discrete request for a particular, limited activity or tactical help: the case stays with that unit"),
            ], false)).hint("When another part of the CT Network asks you to manage any part of the CT risk, clarify with your supervisor which it is (PGA-22, s7)."),
        ]),
        page(DECONFLICTION_PAGE, "FIMU de-confliction", FIRST_SECTION, Some("No assessment can start until the FIMU has de-conflicted the referral, with both a date and a reference number (PGA-1, s7)."), vec![
            q("deconfliction.date", "Date of de-confliction", "the date of de-confliction", QuestionKind::Date).hint("For example, 24 11 2026"),
            q("deconfliction.reference", "De-confliction reference number", "de-confliction reference", text()).hint("The NCIA or other log reference the FIMU gave"),
            q("deconfliction.rado", "RADO grading given by the FIMU (optional)", "RADO grading", select(vec![
                choice("", "Not given"),
                choice("1", "RADO 1"), choice("2", "RADO 2"), choice("3", "RADO 3"),
                choice("4", "RADO 4"), choice("5", "RADO 5"), choice("6", "RADO 6"),
            ])).hint("A case closed after a RADO 6 grading does not need a Gateway Decision submission to the FIMU (PGA-11, s8)"),
            q("deconfliction.before", "What did you do before de-confliction? (optional)", "activity before de-confliction", checkboxes(vec![
                choice("contact-referrer", "Contacted the referrer because the referral lacked basic relevant information"),
                choice("requested-by-fimu", "Activity the FIMU specifically requested for its assessment"),
                choice("biographical", "Gathered basic biographical data from local systems or the referrer"),
            ])).hint("These are the only things allowed before de-confliction (s7). Select all that apply."),
        ]),
    ];
    // Background checks (PGA-3).
    let mut checks = Vec::new();
    for (key, name) in CHECKS {
        let status = format!("checks.{key}.status");
        let mut options = vec![
            choice("done", "Done"),
            choice(
                "fimu",
                "Known from the FIMU's checks, without significant delay since",
            ),
        ];
        if key == "ct-holmes" {
            options.push(choice("not-available", "Not available in this force"));
        }
        checks.push(q(
            &status,
            &format!("{name} check"),
            &format!("{name} check"),
            radios(options, false),
        ));
        checks.push(
            q(
                &format!("checks.{key}.date"),
                &format!("Date of the {name} check"),
                &format!("the date of the {name} check"),
                QuestionKind::Date,
            )
            .hint("For example, 25 11 2026")
            .when(eq(&status, "done")),
        );
        checks.push(
            q(
                &format!("checks.{key}.result"),
                &format!("Result of the {name} check"),
                &format!("result of the {name} check"),
                area(2),
            )
            .when(eq(&status, "done")),
        );
    }
    // PGA-22 (s5): whether the subject is under investigation for other offences.
    checks.push(
        q(
            "non_ct.investigation",
            "Is the subject under investigation for any non-CT offences?",
            "whether the subject is under investigation for non-CT offences",
            yes_no(),
        )
        .hint("Find out from the checks and local crime systems (PGA-22, s5)")
        .when(individual.clone()),
    );
    checks.push(
        q(
            "non_ct.details",
            "Which offences, and who is investigating them?",
            "the non-CT offences under investigation",
            area(3),
        )
        .when(eq("non_ct.investigation", "yes")),
    );
    pages.push(page("checks", "Background checks", "Background checks", Some("Each check is either done, with its date and result, or known from the FIMU's checks (PGA-3, s8). CT Holmes only where it is available."), checks));
    pages.push(page("contact", "Partner contact and visits", "Background checks", Some("At PGA, partners are not normally contacted and the subject is visited only in very exceptional cases (s8)."), vec![
        q("contact.partner", "Have you contacted any partner agency?", "whether you contacted a partner", yes_no()),
        q("contact.date", "When did you first contact a partner?", "the date you first contacted a partner", QuestionKind::Date).hint("For example, 25 11 2026. Before de-confliction you may only contact the referrer for basic information or biographical data, or do what the FIMU asked (PGA-19, s7)").when(eq("contact.partner", "yes")),
        q("contact.rationale", "Why was contacting a partner necessary at this stage?", "rationale for contacting a partner", area(3)).hint("Partners should not normally be contacted until Information Gathering (PGA-4, s8)").when(eq("contact.partner", "yes")),
        q("visit.needed", "Have you visited, or do you plan to visit, the subject?", "whether the subject is visited", yes_no()),
        q("visit.date", "When did you visit the subject, or when will you?", "the date of the visit", QuestionKind::Date).hint("For example, 25 11 2026. A planned visit can be in the future. A visit cannot come before de-confliction unless the FIMU asked for it (PGA-19, s7)").when(eq("visit.needed", "yes")),
        q("visit.rationale", "Why is a visit absolutely necessary?", "rationale for the visit", area(3)).when(eq("visit.needed", "yes")),
        q("visit.agreed", "Who agrees that the visit is absolutely necessary?", "who agrees to the visit", checkboxes(vec![
            choice("ctco", "The CTCO"),
            choice("supervisor", "The supervisor"),
        ])).hint("Both must agree (PGA-5, s8). Select all that apply.").when(eq("visit.needed", "yes")),
        q("visit.best_placed", "Who is best placed to visit, and why?", "who is best placed to visit", area(3)).hint("A partner with an existing relationship, a dual visit, or the CTCO").when(eq("visit.needed", "yes")),
        q("visit.consent", "Has Channel consent been raised with the subject?", "whether Channel consent was raised", radios(vec![
            choice("no", "No"),
            choice("subject", "Yes, the subject raised it"),
            choice("yes", "Yes, we raised it"),
        ], false)).hint("It must not be raised at this stage unless the subject raises it (PGA-5, PGA-21, s8)").when(eq("visit.needed", "yes")),
        q("visit.consent_note", "How did the subject raise it, and what were they told?", "how the subject raised Channel consent", area(3)).hint("A subject may ask about Channel themselves: record what they asked and what you said (PGA-21, s8)").when(eq("visit.consent", "subject")),
    ]));
    pages.push(page(
        "relevance",
        "Type of concern",
        "Prevent relevance",
        None,
        vec![q(
            "relevance.concern",
            "What type of concern is it?",
            "type of concern",
            radios(
                vec![
                    choice("islamist", "Islamist"),
                    choice("extreme-right-wing", "Extreme right-wing"),
                    choice(
                        "no-ideology",
                        "No ideology identified, or other susceptibility",
                    ),
                    choice(
                        "extreme-violence",
                        "Fascination with extreme violence or mass-casualty attacks",
                    ),
                    choice("multiple", "Multiple ideologies, none dominant"),
                    choice(
                        "left-anarchist-single-issue",
                        "Left wing, anarchist or single issue",
                    ),
                    choice("other", "Other"),
                ],
                false,
            ),
        )
        .hint("The Home Office Prevent statistics categories (2024/25)")],
    ));
    for s in &framework.sections {
        pages.push(pga_dif_page(s));
    }
    pages.push(page("assessment", "Assessment summary", "Assessment summary", None, vec![
        q("assessment.concern", "What is your assessment?", "assessment", radios(vec![
            choice_hint("suspicion", "There is a reasonable suspicion of a Prevent-relevant concern", "Needed to keep the case in PCM or refer it on (PGA-6, PGA-7)"),
            choice_hint("no-concern", "There is a reasonable belief that there is no Prevent-relevant concern", "Needed to close the case (PGA-9)"),
            choice("unclear", "Neither, yet"),
        ], false)),
        q("assessment.pursue", "Is there a Pursue-relevant concern?", "whether there is a Pursue-relevant concern", yes_no()),
        q("assessment.unsuitable_plp", "Is the case unsuitable for PLP?", "whether the case is unsuitable for PLP", yes_no()).when(Condition::All(vec![eq("case.area", "dovetail"), individual.clone()])),
        q("assessment.traced", "Can the person responsible be traced?", "whether the responsible person can be traced", yes_no()).hint("If not, the case goes straight to PLP (PGA-8, s8)").when(Condition::Any(vec![eq("case.subject", "institution"), eq("case.subject", "expression")])),
        q("assessment.direction", "Is the risk escalating, de-escalating or static?", "risk direction", radios(vec![
            choice("escalating", "Escalating"),
            choice("de-escalating", "De-escalating"),
            choice("static", "Static"),
        ], true)).hint("Every submission to the FIMU says so (INT-1, s9)"),
        q("assessment.summary", "Summary of your assessment", "summary of the assessment", area(5)),
    ]));
    // PGA-20 (s8, s9): what juvenile and foreign national are worked out from, then the
    // "must consider" duties that apply, each decided either way with its rationale (s2).
    pages.push(page("subject", "About the subject", "Assessment summary", Some("Whether the subject is a juvenile or a foreign national is worked out from these answers: the duties on the next page depend on them (PGA-20, s8, s9)."), vec![
        q("subject.dob_known", "Do you know the subject's date of birth?", "whether the date of birth is known", radios(vec![
            choice("yes", "Yes"),
            choice("approximate", "No, but I know their approximate age"),
            choice_hint("no", "No, not known", "A Ports Intelligence Watchlist request is then decided as for a juvenile (PGA-13, s9)"),
        ], false)),
        q("subject.dob", "Date of birth", "date of birth", QuestionKind::Date).hint("For example, 27 3 2007. Their age is worked out on the date you received the referral from the FIMU.").when(eq("subject.dob_known", "yes")),
        q("subject.age", "Approximate age, in years", "approximate age", QuestionKind::Number { min: 0, max: 120 }).when(eq("subject.dob_known", "approximate")),
        q("subject.nationality", "What is the subject's nationality?", "nationality", radios(vec![
            choice_hint("british", "British", "British only, with no other nationality"),
            choice_hint("other", "Another nationality", "Including a British citizen who also holds another nationality"),
            choice_hint("not-known", "Not known", "FCO, CRO and Immigration contact is then decided as for a foreign national (PGA-12, s8)"),
        ], false)),
        q("subject.nationality_other", "Which nationality or nationalities?", "which nationality", text()).when(eq("subject.nationality", "other")),
        q("prompts.travel", "Does the subject show a propensity to travel to conflict areas?", "propensity to travel", yes_no()).hint("If so, a Ports Intelligence Watchlist request is decided on the next page (PGA-13, s9)"),
    ]).when(individual.clone()));
    let piw = Condition::Any(vec![
        Condition::Under18On {
            dob: "subject.dob".into(),
            age: "subject.age".into(),
            on: "case.received".into(),
        },
        eq("subject.dob_known", "no"),
        eq("prompts.travel", "yes"),
    ]);
    let overseas = Condition::Any(vec![
        eq("subject.nationality", "other"),
        eq("subject.nationality", "not-known"),
    ]);
    pages.push(page("prompts", "Duties to consider", "Assessment summary", Some("The policy says each of these must be considered. Record your decision either way and why: the rationale is uploaded to the case whatever you decide (PGA-20, s2)."), vec![
        q("prompts.overseas_decision", "Will you contact the FCO, the CRO and Immigration Services?", "FCO, CRO and Immigration contact", radios(vec![
            choice("contact", "Yes, contact made or requested"),
            choice("no-contact", "No, not contacting them"),
        ], false)).hint("Asked because the subject is a foreign national or their nationality is not known: they may hold convictions abroad or intelligence about activities outside the UK (PGA-12, s8)").when(overseas.clone()),
        q("prompts.overseas_rationale", "Why did you decide this about the FCO, the CRO and Immigration?", "rationale on FCO, CRO and Immigration contact", area(3)).hint("Needed either way (PGA-20, s2)").when(overseas),
        q("prompts.piw_decision", "Have you requested a Ports Intelligence Watchlist (PIW) entry from CTP-POC?", "PIW request", radios(vec![
            choice("requested", "Yes, request made"),
            choice("not-requested", "No, not requested"),
        ], false)).hint("Asked because the subject is under 18, their age is not known, or they show a propensity to travel to conflict areas (PGA-13, s9)").when(piw.clone()),
        q("prompts.travel_risk", "What are the travel risks?", "travel risk", area(3)).hint("And anything else staff at ports may need to decide on action under schedule 7 of the Terrorism Act 2000. Record it on CMIS where appropriate and on the PCMT too (PGA-20, s9)").when(eq("prompts.piw_decision", "requested")),
        q("prompts.piw_rationale", "Why did you decide this about a PIW request?", "rationale on a PIW request", area(3)).hint("Needed either way (PGA-20, s2)").when(piw),
        q("prompts.flag_decision", "Have you added a flag on local force systems to show interest in the subject?", "flag on local force systems", radios(vec![
            choice("added", "Yes, flag added"),
            choice("not-flagged", "No, not flagged"),
        ], false)).hint("Or the nearest equivalent where the force does not use 'golden nominal' systems (PGA-20, s9)"),
        q("prompts.flag_rationale", "Why did you decide this about a flag?", "rationale on a flag", area(3)).hint("Needed either way (PGA-20, s2)"),
    ]).when(individual.clone()));
    pages.push(page("decision", "Gateway Decision", "Gateway Decision", Some("Options that the policy does not allow for this case are shown with the reason. Change your earlier answers if a reason is wrong."), vec![
        q("decision.outcome", "What is the Gateway Decision?", "Gateway Decision", radios(decision_choices(), false)),
        q("decision.rationale", "Rationale for the decision", "rationale for the decision", area(6)).hint("What you decided and why: the supervisor approves it, and it goes to the FIMU with the decision"),
    ]));
    pages.push(page("supervision", "Supervision", "Supervision", Some("The Gateway Decision is final only once supervised (PGA-10, s8). The supervisor is at least a Sergeant or a police staff CTCO supervisor, and never the CTCO (PGA-16, s14)."), crate::supervision::questions("For example, 27 11 2026").into_iter().chain([
        q("supervisor.approved", "Does the supervisor approve the decision and its rationale?", "supervisor's approval", radios(vec![
            choice_hint("yes", "Yes", "For a referral to the LACC this records the supervisor's endorsement (PGA-7)"),
            choice("no", "No"),
        ], false)),
        q("supervisor.comments", "Supervisor's comments (optional)", "supervisor's comments", area(4)),
    ]).collect()));
    pages.push(check_answers_page("Finalise"));
    pages.push(page("declaration", "Finalise the assessment", "Finalise", Some("Once final, the DIF and the Gateway Decision can never be altered (PGA-10, s8)."), vec![
        q("declaration.confirm", "Confirm", "confirmation", checkboxes(vec![
            choice("final", "I confirm that this assessment is complete and supervised, and that it cannot be changed once final"),
        ])),
    ]));
    let mut rules = vec![
        rule(
            RuleId::Pga10,
            "case.reference",
            RuleCheck::Required,
            "Enter the case reference",
        ),
        rule(RuleId::Pga2, "case.received", RuleCheck::Required, ""),
        rule(RuleId::Pga2, "case.received", RuleCheck::RealDate, ""),
        rule(RuleId::Pga2, "case.received", RuleCheck::NotFuture, ""),
        rule(
            RuleId::Pga8,
            "case.subject",
            RuleCheck::Required,
            "Select who or what the referral is about",
        ),
        rule(
            RuleId::Pga7,
            "case.area",
            RuleCheck::Required,
            "Select whether this is a Dovetail area",
        )
        .citing("s10"),
        rule(
            RuleId::Pga16,
            "case.ctco",
            RuleCheck::Required,
            "Enter your name",
        )
        .citing("s14"),
        rule(
            RuleId::Pga22,
            "case.request",
            RuleCheck::Required,
            "Select whether this is a referral into PCM or a tasking from another CT unit (PGA-22, s7)",
        )
        .citing("s7"),
        rule(RuleId::Pga1, "deconfliction.date", RuleCheck::RealDate, ""),
        rule(RuleId::Pga1, "deconfliction.date", RuleCheck::NotFuture, ""),
        rule(
            RuleId::Pga4,
            "contact.partner",
            RuleCheck::Required,
            "Select yes if you have contacted a partner agency",
        ),
        rule(RuleId::Pga19, "contact.date", RuleCheck::Required, "").citing("s7"),
        rule(RuleId::Pga19, "contact.date", RuleCheck::RealDate, "").citing("s7"),
        rule(RuleId::Pga19, "contact.date", RuleCheck::NotFuture, "").citing("s7"),
        rule(
            RuleId::Pga5,
            "visit.needed",
            RuleCheck::Required,
            "Select yes if you have visited, or plan to visit, the subject",
        ),
        rule(RuleId::Pga19, "visit.date", RuleCheck::Required, "").citing("s7"),
        rule(RuleId::Pga19, "visit.date", RuleCheck::RealDate, "").citing("s7"),
        rule(RuleId::Pga3, "checks.pnc.date", RuleCheck::RealDate, ""),
        rule(
            RuleId::Pga22,
            "non_ct.investigation",
            RuleCheck::Required,
            "Select yes if the subject is under investigation for any non-CT offences (PGA-22, s5)",
        )
        .citing("s5"),
        rule(
            RuleId::Pga6,
            "assessment.concern",
            RuleCheck::Required,
            "Select your assessment",
        ),
        rule(
            RuleId::Pga9,
            "assessment.pursue",
            RuleCheck::Required,
            "Select yes if there is a Pursue-relevant concern",
        )
        .citing("s8"),
        rule(
            RuleId::Pga7,
            "assessment.unsuitable_plp",
            RuleCheck::Required,
            "Select yes if the case is unsuitable for PLP",
        )
        .citing("s8"),
        rule(
            RuleId::Pga8,
            "assessment.traced",
            RuleCheck::Required,
            "Select yes if the person responsible can be traced",
        ),
        rule(
            RuleId::Int1,
            "assessment.direction",
            RuleCheck::Required,
            "Select whether the risk is escalating, de-escalating or static",
        ),
        rule(
            RuleId::Pga20,
            "subject.dob_known",
            RuleCheck::Required,
            "Select whether you know the subject's date of birth (PGA-20, s9)",
        )
        .citing("s9"),
        rule(RuleId::Pga20, "subject.dob", RuleCheck::Required, "").citing("s9"),
        rule(RuleId::Pga20, "subject.dob", RuleCheck::RealDate, "").citing("s9"),
        rule(
            RuleId::Pga20,
            "subject.dob",
            RuleCheck::NotFuture,
            "Date of birth must be today or in the past",
        )
        .citing("s9"),
        rule(
            RuleId::Pga20,
            "subject.age",
            RuleCheck::Required,
            "Enter the subject's approximate age (PGA-20, s9)",
        )
        .citing("s9"),
        rule(
            RuleId::Pga20,
            "subject.age",
            RuleCheck::NumberInRange,
            "Approximate age must be a whole number between 0 and 120",
        )
        .citing("s9"),
        rule(
            RuleId::Pga20,
            "subject.nationality",
            RuleCheck::Required,
            "Select the subject's nationality, or 'Not known' (PGA-20, s8)",
        )
        .citing("s8"),
        rule(
            RuleId::Pga20,
            "subject.nationality_other",
            RuleCheck::Required,
            "Enter the subject's nationality or nationalities (PGA-20, s8)",
        )
        .citing("s8"),
        rule(
            RuleId::Pga13,
            "prompts.travel",
            RuleCheck::Required,
            "Select yes if the subject shows a propensity to travel to conflict areas",
        ),
        rule(
            RuleId::Pga16,
            "supervisor.rank",
            RuleCheck::Required,
            "Select the supervisor's rank or grade",
        )
        .citing("s14"),
        rule(
            RuleId::Pga16,
            "supervisor.acting",
            RuleCheck::Required,
            "Select yes if the supervisor's rank is an acting rank",
        )
        .citing("s14"),
        rule(
            RuleId::Pga16,
            "supervisor.acting_approved",
            RuleCheck::Required,
            "Select yes if the force has formally approved the acting rank",
        )
        .citing("s14"),
        rule(RuleId::Pga10, "supervisor.date", RuleCheck::Required, ""),
        rule(RuleId::Pga10, "supervisor.date", RuleCheck::RealDate, ""),
        rule(RuleId::Pga10, "supervisor.date", RuleCheck::NotFuture, ""),
        rule(
            RuleId::Pga10,
            "declaration.confirm",
            RuleCheck::Required,
            "Confirm that the assessment is complete, supervised and final",
        ),
    ];
    rules.retain(|r| r.field != "checks.pnc.date");
    for (key, _) in CHECKS {
        rules.push(rule(
            RuleId::Pga3,
            &format!("checks.{key}.date"),
            RuleCheck::RealDate,
            "",
        ));
    }
    // A blank factor is an error on its page; "Not assessed yet" is the way to leave one for
    // later (issue 21, item 7), and the message says so.
    rules.extend(dif_rules(framework).into_iter().map(|mut r| {
        r.message.push_str(", or select 'Not assessed yet'");
        r
    }));
    rules.push(rule(
        RuleId::Pga14,
        "threat.pursue_investigation",
        RuleCheck::Required,
        "Select yes if the subject is under current Pursue investigation",
    ));
    FormSchema {
        id: FORM_ID.into(),
        version: VERSION,
        title: TITLE.into(),
        pages,
        rules,
        def: Def(&PgaDef),
    }
}

/// The decisions as offered, with what each means.
fn decision_choices() -> Vec<Choice> {
    Decision::ALL
        .iter()
        .map(|d| {
            let (value, hint) = decision_value(*d);
            choice_hint(value, d.label(), hint)
        })
        .collect()
}
