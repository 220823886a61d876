//! A PLP panel meeting (PLP-8, s11): its date, a police chair (a Sergeant or above who does not
//! manage the cases, wherever possible), the attendees with the chair's rationale, never as
//! Any Other Business of a Channel panel; minutes and actions.

use super::{PANEL_DEF, PANEL_FORM_ID, VERSION};
use crate::answers::{Answer, Answers};
use crate::catalogue::RuleId;
use crate::form::{Check as RuleCheck, Context, FormSchema, QuestionKind};
use crate::form_builder::{
    area, check_answers_page, checkboxes, choice, eq, page, q, rule, text, yes_no, QuestionExt,
};
use crate::form_def::Def;
use crate::pga_form::date_of;
use crate::validate::Issue;

/// The panel form: date, chair (police; a Sergeant or above and not the managing CTCO wherever
/// possible), attendees with the chair's rationale, never as Channel AOB; minutes and actions.
pub fn panel_schema() -> FormSchema {
    let police = eq("panel.chair_police", "yes");
    let after_channel = eq("panel.after_channel", "yes");
    let pages = vec![
        page("panel", "Record a PLP panel", "Panel", Some("PLP panels are chaired by the police, wherever possible by a Sergeant or CTCO supervisor or above who does not manage the cases discussed, and are never heard as Any Other Business of a Channel panel (PLP-8, s11). A new DIF, CMP update and sign-off are due before every panel (PLP-5)."), vec![
            q("case.ctco", "Your name", "your name", text()).hint("Recorded against every change in the audit trail"),
            q("panel.date", "Date of the panel", "the date of the panel", QuestionKind::Date).hint("For example, 26 1 2027. A panel already set can be recorded before it meets: the next DIF is then due before it (PLP-5)."),
            q("panel.chair_name", "Chair's name", "chair's name", text()).hint("Who chaired the panel, as the minutes name them (SUP-1)"),
            q("panel.chair_police", "Is the chair a police officer or member of police staff?", "whether the police chair the panel", yes_no()),
            q("panel.chair_rank", "Is the chair a Sergeant, a CTCO supervisor or above?", "the chair's rank", yes_no()).when(police.clone()),
            q("panel.chair_managing", "Does the chair manage the cases discussed?", "whether the chair manages the cases", yes_no()).when(police),
            q("panel.attendees", "Who attends, and why?", "attendees and the chair's rationale", area(4)).hint("The chair decides who attends, with a rationale (PLP-8)"),
            q("panel.channel_aob", "Is the case heard as Any Other Business of a Channel panel?", "whether heard as Channel AOB", yes_no()),
            q("panel.after_channel", "Does the PLP panel follow directly after a Channel panel?", "whether it follows a Channel panel", yes_no()),
            q("panel.channel_handover", "Did both chairs state when their panel ended or began, and do both sets of minutes record it?", "the handover from the Channel panel", yes_no()).hint("Required once the panel has met (PLP-13, s11)").when(after_channel),
            q("panel.minutes", "Minutes", "minutes", area(5)).hint("Required once the panel has met; a panel set for a later day can be recorded without them (PLP-13, s11)"),
            q("panel.actions", "Actions agreed", "actions", area(4)).hint("Required once the panel has met (PLP-13, s11)"),
        ]),
        check_answers_page("Confirm"),
        page("declaration", "Confirm the panel", "Confirm", None, vec![
            q("declaration.confirm", "Confirm", "confirmation", checkboxes(vec![
                choice("confirmed", "I confirm the record of this panel"),
            ])),
        ]),
    ];
    let rules = vec![
        rule(
            RuleId::Plp8,
            "case.ctco",
            RuleCheck::Required,
            "Enter your name",
        ),
        rule(RuleId::Plp8, "panel.date", RuleCheck::Required, ""),
        rule(RuleId::Plp8, "panel.date", RuleCheck::RealDate, ""),
        rule(
            RuleId::Plp8,
            "panel.chair_police",
            RuleCheck::Required,
            "Select yes if the chair is a police officer or member of police staff",
        ),
        rule(
            RuleId::Plp8,
            "panel.chair_rank",
            RuleCheck::Required,
            "Select yes if the chair is a Sergeant, a CTCO supervisor or above",
        ),
        rule(
            RuleId::Sup1,
            "panel.chair_name",
            RuleCheck::Required,
            "Enter the chair's name",
        ),
        rule(
            RuleId::Plp8,
            "panel.chair_managing",
            RuleCheck::Required,
            "Select yes if the chair manages the cases discussed",
        ),
        rule(
            RuleId::Plp8,
            "panel.channel_aob",
            RuleCheck::Required,
            "Select yes if the case is heard as Any Other Business of a Channel panel",
        ),
        rule(
            RuleId::Plp13,
            "panel.after_channel",
            RuleCheck::Required,
            "Select yes if the PLP panel follows directly after a Channel panel",
        )
        .citing("s11"),
        rule(
            RuleId::Plp13,
            "panel.channel_handover",
            RuleCheck::NotEqual("no".into()),
            "There must be no overlap between Channel and PLP cases: each chair states when their panel ends or begins, in both sets of minutes",
        )
        .citing("s11"),
        rule(
            RuleId::Plp8,
            "declaration.confirm",
            RuleCheck::Required,
            "Confirm the record of this panel",
        ),
    ];
    FormSchema {
        id: PANEL_FORM_ID.into(),
        version: VERSION,
        title: "PLP panel".into(),
        pages,
        rules,
        def: Def(&PANEL_DEF),
    }
}

/// The panel as the answers describe it, when its date is given.
pub fn panel_of(answers: &Answers) -> Option<crate::plp_case::PanelMeeting> {
    let yes = |f: &str| answers.text(f) == Some("yes");
    Some(crate::plp_case::PanelMeeting {
        date: date_of(answers, "panel.date")?,
        panel: crate::plp::Panel {
            chair_is_police: yes("panel.chair_police"),
            chair_supervisory: yes("panel.chair_rank"),
            chair_is_managing_ctco: yes("panel.chair_managing"),
            attendees_rationale: answers.text("panel.attendees").unwrap_or("").to_string(),
            as_channel_aob: yes("panel.channel_aob"),
        },
        minutes: answers.text("panel.minutes").unwrap_or("").to_string(),
        actions: answers.text("panel.actions").unwrap_or("").to_string(),
    })
}

/// The panel's rules (PLP-8) against its questions. Called by [`crate::validate::validate`].
pub fn panel_rules(schema: &FormSchema, answers: &Answers, ctx: &Context) -> Vec<Issue> {
    let Some(meeting) = panel_of(answers).or_else(|| {
        // Without a date the chair and attendees can still be checked.
        let mut a = answers.clone();
        a.set(
            "panel.date",
            Answer::Date(crate::answers::DateParts::new("1", "1", "2000")),
        );
        panel_of(&a)
    }) else {
        return Vec::new();
    };
    let mut issues: Vec<Issue> = crate::plp::check_panel(&meeting.panel)
        .into_iter()
        .filter_map(|mut i| {
            i.path = match (i.path.as_str(), i.severity) {
                ("panel.chair", crate::validate::Severity::Error) => {
                    // Unanswered is its own question's error.
                    answers.text("panel.chair_police")?;
                    "panel.chair_police".into()
                }
                ("panel.chair", _) if i.message.contains("Sergeant") => "panel.chair_rank".into(),
                ("panel.chair", _) => "panel.chair_managing".into(),
                ("panel.format", _) => "panel.channel_aob".into(),
                (p, _) => p.to_string(),
            };
            Some(i)
        })
        .collect();
    // SUP-1: the chair is named; PLP-8 (s11): wherever possible not the managing CTCO.
    let chair = answers.text("panel.chair_name").unwrap_or("").trim();
    if !chair.is_empty()
        && answers
            .text("case.ctco")
            .is_some_and(|c| c.trim().eq_ignore_ascii_case(chair))
    {
        issues.push(
            Issue::new(
                "panel.chair_name",
                crate::validate::Severity::Warning,
                RuleId::Plp8,
                "The chair has your name: wherever possible, the chair is not the CTCO who manages the cases discussed",
            )
            .citing("s11"),
        );
    }
    // PLP-13 (s11): a panel that has met has its minutes and actions and, straight after a
    // Channel panel, the end of one and the start of the other stated and minuted.
    if date_of(answers, "panel.date").is_some_and(|d| d < ctx.today) {
        for (field, what) in [
            ("panel.minutes", "record its minutes"),
            ("panel.actions", "record its actions agreed"),
            (
                "panel.channel_handover",
                "select yes if both sets of minutes record when each panel ended or began",
            ),
        ] {
            if answers.text(field).is_none_or(|t| t.trim().is_empty()) {
                issues.push(
                    Issue::new(
                        field,
                        crate::validate::Severity::Error,
                        RuleId::Plp13,
                        format!("The panel has met: {what}"),
                    )
                    .citing("s11"),
                );
            }
        }
    }
    // A warning for a question not answered yet would be noise.
    issues.retain(|i| {
        i.severity == crate::validate::Severity::Error || answers.text(&i.path).is_some()
    });
    issues.retain(|i| schema.question_visible(&i.path, answers, ctx));
    issues
}
