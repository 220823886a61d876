//! The Prevent Gateway Assessment's live help, shared by its pages: the case's deadlines as the
//! dates are typed (PGA-2, PGA-7, PGA-15), the running summary of DIF factors found, the FIMU
//! submission outcome (PGA-11), the de-confliction gate (PGA-1) and the reasons a Gateway
//! Decision option is not open (PGA-6..9, PGA-14). Every rule is in `prevent_core::pga_form`;
//! this only renders it.
//!
//! The shared pages (question page, task list, records hub) reach it through the running
//! app's `Bundle::help` (the wrappers below): the officers' and trainer's values hold [`HELP`],
//! the partners' `bundle::NO_HELP`, so no PGA code is in the partners' download (issue 17).

pub use crate::services::records::{linked, load, reviews_of};
pub use officer::*;

/// The officers' help, for the officers' and trainer's `Bundle::help`.
pub static HELP: crate::bundle::Help = crate::bundle::Help {
    unavailable: officer::unavailable,
    gated: officer::gated,
    duplicate_case: officer::duplicate_case,
    next_deadline: officer::next_deadline,
    next_due: officer::next_due,
    case_records: officer::case_records,
    sidebar: officer::sidebar,
    sidebar_of: officer::sidebar_of,
};

fn help() -> &'static crate::bundle::Help {
    crate::bundle::current().help
}

/// Why an option cannot be chosen (PGA-6..9, PGA-14), or `None`: the running app's answer.
pub fn unavailable(draft: &prevent_core::Draft, question: &str, value: &str) -> Option<String> {
    (help().unavailable)(draft, question, value)
}

/// Whether a task-list section is shut until de-confliction (PGA-1).
pub fn gated(draft: &prevent_core::Draft, section: &str) -> bool {
    (help().gated)(draft, section)
}

/// The case reference of another final PGA for this case (PGA-10), if any.
pub fn duplicate_case(draft: &prevent_core::Draft) -> Option<&'static str> {
    (help().duplicate_case)(draft)
}

/// A record's next deadline, for the records hub.
pub fn next_deadline(id: &str, calendar: &prevent_core::calendar::CalendarSettings) -> yew::Html {
    (help().next_deadline)(id, calendar)
}

/// A record's next deadline, for sorting.
pub fn next_due(
    id: &str,
    cal: &prevent_core::calendar::Calendar,
) -> Option<prevent_core::deadline::Deadline> {
    (help().next_due)(id, cal)
}

/// The records linked to a case (deleted with it).
pub fn case_records(case: &prevent_core::Draft) -> Vec<prevent_core::Draft> {
    (help().case_records)(case)
}

/// The side panel of a task list.
pub fn sidebar(
    draft: &prevent_core::Draft,
    calendar: &prevent_core::calendar::CalendarSettings,
) -> yew::Html {
    (help().sidebar)(draft, calendar)
}

/// The side panel of a question page.
pub fn sidebar_of(
    form: &str,
    answers: &prevent_core::Answers,
    calendar: &prevent_core::calendar::CalendarSettings,
) -> yew::Html {
    (help().sidebar_of)(form, answers, calendar)
}

pub mod officer {
    use super::{linked, load, reviews_of};
    use crate::services::clock;
    use prevent_core::pga_form::{self, FIRST_SECTION};
    use prevent_core::Draft;
    use prevent_core::{closed_case, plp_form};
    use yew::prelude::*;

    fn is_pga(draft: &Draft) -> bool {
        draft.form == pga_form::FORM_ID
    }

    /// Why option `value` of question `question` cannot be chosen now, as shown in its hint.
    pub fn unavailable(draft: &Draft, question: &str, value: &str) -> Option<String> {
        if draft.form == plp_form::FORM_ID {
            return plp_form::option_unavailable(question, value)
                .map(|r| format!("Not available: {r}."));
        }
        if draft.form == plp_form::CLOSURE_FORM_ID && question == "closure.code" {
            return plp_form::closure_code_unavailable(&draft.answers, value)
                .map(|r| format!("Not available: {r}."));
        }
        if !is_pga(draft) || question != "decision.outcome" {
            return None;
        }
        let u =
            pga_form::option_unavailable(crate::pga(), &draft.answers, &clock::context(), value)?;
        Some(format!(
            "Not available: {} ({}, {}).",
            u.reason, u.rule_id, u.section
        ))
    }

    /// PGA-1 (s7): every section after the case details waits for de-confliction.
    pub fn gated(draft: &Draft, section: &str) -> bool {
        is_pga(draft)
            && section != FIRST_SECTION
            && !pga_form::deconflicted(&draft.answers, clock::today())
    }

    /// PGA-10 (s8): another assessment in this browser already has this case reference.
    pub fn duplicate_case(draft: &Draft) -> Option<&'static str> {
        if !is_pga(draft) {
            return None;
        }
        let reference = draft.answers.text("case.reference")?.trim();
        if reference.is_empty() {
            return None;
        }
        let store = crate::services::store();
        let listing = store.list_now().ok()?;
        let others: Vec<String> = listing
            .drafts
            .iter()
            .filter(|d| d.kind == pga_form::FORM_ID && d.id != draft.id)
            .filter_map(|d| store.load_now(&d.id).ok().flatten()?.open().ok())
            .filter_map(|d| d.answers.text("case.reference").map(str::to_string))
            .collect();
        let others: Vec<&str> = others.iter().map(String::as_str).collect();
        prevent_core::pga::one_per_case(&others, reference).err()
    }

    /// The answers a reassessment of PLP case `case_id` starts from: the latest recorded
    /// reassessment's, else the entry's (only for a confirmed entry).
    pub fn latest_answers(case_id: &str) -> Option<prevent_core::Answers> {
        let entry = load(case_id).filter(|d| d.form == plp_form::FORM_ID && d.is_locked())?;
        Some(plp_history(&entry).latest)
    }

    /// A PLP case read from its confirmed entry and the drafts linked to it: recorded
    /// reassessments, panels and closure make up the case; unfinished ones are offered to
    /// carry on with.
    pub struct PlpHistory {
        /// The case.
        pub case: prevent_core::plp_case::PlpCase,
        /// The answers of the latest DIF: the last recorded reassessment's, else the entry's.
        pub latest: prevent_core::Answers,
        /// A reassessment in progress.
        pub review_in_progress: Option<String>,
        /// A closure in progress.
        pub closure_in_progress: Option<String>,
        /// A panel record in progress.
        pub panel_in_progress: Option<String>,
        /// Each recorded submission to the FIMU (INT-1): its date and what it said, by date.
        pub submissions: Vec<(chrono::NaiveDate, String)>,
        /// A submission record in progress.
        pub submission_in_progress: Option<String>,
        /// The dates of the intelligence submitted as escalating the risk (PLP-14).
        pub escalations: Vec<chrono::NaiveDate>,
        /// Its transfer to another force (TRF-1): recorded (the case has ended here), or its id
        /// while in progress.
        pub transfer: Option<Draft>,
        /// A transfer in progress.
        pub transfer_in_progress: Option<String>,
    }

    /// The history of PLP case `entry`.
    pub fn plp_history(entry: &Draft) -> PlpHistory {
        let unfinished = |ds: &[Draft]| ds.iter().find(|d| !d.is_locked()).map(|d| d.id.clone());
        let mut reviews = reviews_of(&entry.id);
        prevent_core::order::by_rank(&mut reviews, |r| {
            prevent_core::order::day(pga_form::date_of(&r.answers, "plp.review_date"))
        });
        let recorded: Vec<&prevent_core::Answers> = reviews
            .iter()
            .filter(|r| r.is_locked())
            .map(|r| &r.answers)
            .collect();
        let mut case = plp_form::case_with_reviews(
            crate::plp(),
            &entry.answers,
            crate::plp_review(),
            &recorded,
        );
        // Its closure, once recorded (PLP-9, PLP-10), brings the PLP-11 reviews.
        let closures = linked(&entry.id, plp_form::CLOSURE_FORM_ID);
        if let Some((Some(date), c)) = closures
            .iter()
            .find(|c| c.is_locked())
            .map(|c| plp_form::closure_of(&c.answers))
        {
            case.closure = Some((date, c));
        }
        // Its panels (PLP-8): a recorded panel still to meet makes the next DIF due before it.
        let panels = linked(&entry.id, plp_form::PANEL_FORM_ID);
        case.panels = panels
            .iter()
            .filter(|p| p.is_locked())
            .filter_map(|p| plp_form::panel_of(&p.answers))
            .collect();
        prevent_core::order::by_rank(&mut case.panels, |p| prevent_core::order::day(Some(p.date)));
        // Its submissions to the FIMU (INT-1): the 3-monthly summary counts from the last.
        let sent = linked(&entry.id, plp_form::SUBMISSION_FORM_ID);
        let mut submissions: Vec<(chrono::NaiveDate, String)> = sent
            .iter()
            .filter(|s| s.is_locked())
            .filter_map(|s| {
                Some((
                    plp_form::submission_of(&s.answers)?,
                    plp_form::submission_summary(&s.answers),
                ))
            })
            .collect();
        prevent_core::order::by_rank(&mut submissions, |s| prevent_core::order::day(Some(s.0)));
        case.fimu_submissions = submissions.iter().map(|s| s.0).collect();
        // Its transfer to another force (TRF-1): the case ends here on its date.
        let transfers = linked(&entry.id, plp_form::TRANSFER_FORM_ID);
        let transfer = transfers.iter().find(|t| t.is_locked()).cloned();
        case.transfer.out = transfer
            .as_ref()
            .and_then(|t| plp_form::transfer_of(&t.answers));
        // Received from another force: the new DIF and CMP are done once the entry is confirmed.
        case.transfer.taken_on = entry.finished.as_ref().map(|f| f.on);
        let escalations = sent
            .iter()
            .filter(|s| s.is_locked())
            .filter_map(|s| plp_form::escalation_of(&s.answers))
            .collect();
        PlpHistory {
            transfer_in_progress: unfinished(&transfers),
            transfer,
            escalations,
            submissions,
            submission_in_progress: unfinished(&sent),
            latest: recorded
                .last()
                .map_or_else(|| entry.answers.clone(), |a| (*a).clone()),
            review_in_progress: unfinished(&reviews),
            closure_in_progress: unfinished(&closures),
            panel_in_progress: unfinished(&panels),
            case,
        }
    }

    /// The next deadline of stored assessment or case `id` not met yet (the PGA itself is met
    /// once final).
    pub fn next_due(
        id: &str,
        cal: &prevent_core::calendar::Calendar,
    ) -> Option<prevent_core::deadline::Deadline> {
        let draft = load(id)?;
        let all = if let Some(closed) = closed_case_of(&draft) {
            // REV-1: a closed case's reviews, met as they are recorded.
            closed.deadlines(cal)
        } else if draft.form == plp_form::FORM_ID {
            prevent_core::plp_case::deadlines(&plp_history(&draft).case, cal)
        } else if is_pga(&draft) {
            let s36 = linked(id, prevent_core::s36_form::FORM_ID)
                .into_iter()
                .filter(|d| d.is_locked())
                .find_map(|d| prevent_core::s36_form::decided_on(&d.answers));
            let finished = draft.finished.as_ref().map(|f| f.on);
            pga_form::record_deadlines(&draft.answers, finished, s36, cal)
        } else {
            return None;
        };
        all.into_iter()
            .filter(|d| d.done.is_none())
            .min_by_key(|d| d.due)
    }

    /// The next deadline of stored assessment `id`, for the list.
    pub fn next_deadline(id: &str, calendar: &prevent_core::calendar::CalendarSettings) -> Html {
        let cal = calendar.calendar();
        match next_due(id, &cal) {
            Some(d) => {
                html! { <>{ format!("{} ({}): ", d.title, d.rule_id) }{ d.summary(clock::today(), &cal) }</> }
            }
            None if load(id).is_some_and(|d| d.is_locked()) => {
                // TRF-1: a case transferred out is the receiving force's to manage.
                let out = load(id)
                    .filter(|d| d.form == plp_form::FORM_ID)
                    .and_then(|d| plp_history(&d).case.transfer.out);
                match out {
                    Some((day, to)) => {
                        html! { <span class="pct-not-given">{ format!("None here: transferred to {to} on {}", prevent_core::date::long_date(day)) }</span> }
                    }
                    None => html! { <span class="pct-not-given">{ "None" }</span> },
                }
            }
            None => {
                html! { <span class="pct-not-given">{ "None yet" }</span> }
            }
        }
    }

    /// The records linked to PLP case `case` (its reassessments, panels, submissions to the
    /// FIMU, closure and closed-case reviews, recorded or in progress), or to Gateway
    /// Assessment `case` (its S.36 decision, closure outside PLP and reviews); none for any
    /// other record.
    pub fn case_records(case: &Draft) -> Vec<Draft> {
        if !is_pga(case) && case.form != plp_form::FORM_ID {
            return Vec::new();
        }
        let Ok(listing) = crate::services::store().list_now() else {
            return Vec::new();
        };
        listing
            .drafts
            .iter()
            .filter(|d| d.kind != pga_form::FORM_ID && d.kind != plp_form::FORM_ID)
            .filter_map(|d| load(&d.id))
            .filter(|d| d.answers.text(plp_form::CASE_FIELD) == Some(case.id.as_str()))
            .collect()
    }

    /// A closed case and its reviews (REV-1, s13): a PLP case closed by its PLP closure, or a
    /// Gateway Assessment's case closed outside PLP.
    pub struct ClosedCase {
        /// The day it closed.
        pub closed: chrono::NaiveDate,
        /// Why, as shown.
        pub code: String,
        /// PLP-11 for a PLP case, REV-1 for any other.
        pub rule: prevent_core::RuleId,
        /// The recorded reviews, with their record ids, by date.
        pub reviews: Vec<(String, closed_case::ClosedReview)>,
        /// A review in progress.
        pub in_progress: Option<String>,
        /// The answers the next review's DIF starts from: the case's last DIF.
        pub last_dif: prevent_core::Answers,
        /// The case exited Prevent from Channel: its review completes a VAF (s13).
        pub vaf: bool,
    }

    impl ClosedCase {
        /// Its review deadlines, met by the recorded reviews.
        pub fn deadlines(
            &self,
            cal: &prevent_core::calendar::Calendar,
        ) -> Vec<prevent_core::deadline::Deadline> {
            let reviews: Vec<_> = self.reviews.iter().map(|(_, r)| *r).collect();
            closed_case::review_deadlines(self.closed, self.rule, &reviews, cal)
        }
    }

    /// Case `case` (a PLP entry or a Gateway Assessment), if it is closed.
    pub fn closed_case_of(case: &Draft) -> Option<ClosedCase> {
        let (closed, code, rule, last_dif, vaf) = if case.form == plp_form::FORM_ID {
            let h = plp_history(case);
            let (closed, c) = h.case.closure?;
            let code = c
                .code
                .and_then(|k| {
                    plp_form::CLOSURE_CODES
                        .iter()
                        .find(|(_, x, _)| *x == k)
                        .map(|(_, _, l)| l.to_string())
                })
                .unwrap_or_default();
            (closed, code, prevent_core::RuleId::Plp11, h.latest, false)
        } else if is_pga(case) {
            let closure = linked(&case.id, closed_case::CLOSURE_FORM_ID)
                .into_iter()
                .find(|d| d.is_locked())?;
            let (closed, code) = closed_case::closure_of(&closure.answers)?;
            // s13: a case that exited from Channel is reviewed with a new VAF.
            let channel = case.answers.text("decision.outcome") == Some("refer-to-lacc")
                || closure
                    .answers
                    .text("pcm.code")
                    .is_some_and(|c| c.starts_with("channel-"))
                || linked(&case.id, prevent_core::s36_form::FORM_ID)
                    .iter()
                    .any(|d| d.is_locked() && d.answers.text("s36.outcome") == Some("channel"));
            (
                closed,
                code.to_string(),
                prevent_core::RuleId::Rev1,
                case.answers.clone(),
                channel,
            )
        } else {
            return None;
        };
        let all = linked(&case.id, closed_case::REVIEW_FORM_ID);
        let mut reviews: Vec<(String, closed_case::ClosedReview)> = all
            .iter()
            .filter(|d| d.is_locked())
            .filter_map(|d| Some((d.id.clone(), closed_case::review_of(&d.answers)?)))
            .collect();
        prevent_core::order::by_rank(&mut reviews, |r| prevent_core::order::day(Some(r.1.date)));
        Some(ClosedCase {
            closed,
            code,
            rule,
            reviews,
            in_progress: all.iter().find(|d| !d.is_locked()).map(|d| d.id.clone()),
            last_dif,
            vaf,
        })
    }

    /// The side panel of a PGA page: deadlines, factors found, FIMU submission.
    pub fn sidebar(draft: &Draft, calendar: &prevent_core::calendar::CalendarSettings) -> Html {
        sidebar_of(&draft.form, &draft.answers, calendar)
    }

    /// The side panel of a page of a record of form `form` with these answers: it reads
    /// nothing else (besides the day), so a page can keep it until they change.
    pub fn sidebar_of(
        form: &str,
        answers: &prevent_core::Answers,
        calendar: &prevent_core::calendar::CalendarSettings,
    ) -> Html {
        if form == plp_form::FORM_ID || form == plp_form::REVIEW_FORM_ID {
            return plp_sidebar(form, answers, calendar);
        }
        if form != pga_form::FORM_ID {
            return Html::default();
        }
        let cal = calendar.calendar();
        let today = clock::today();
        let ctx = clock::context();
        let deadlines = pga_form::deadlines(answers, &cal);
        // Only what the panel shows: the factors found and whether the decision goes to the
        // FIMU (not the whole Gateway Decision summary).
        let factors = &pga_form::factor_summary(crate::pga(), answers);
        let fimu_submission_required = pga_form::fimu_submission(crate::pga(), answers, &ctx);
        let found: Html = factors
            .present
            .iter()
            .map(|(section, labels)| {
                html! {
                    <>
                        <h4 class="govuk-heading-s pct-factors__section">{ section.clone() }</h4>
                        <ul class="govuk-list govuk-list--bullet govuk-body-s">
                            { for labels.iter().map(|l| html! { <li>{ l.clone() }</li> }) }
                        </ul>
                    </>
                }
            })
            .collect();
        let present: usize = factors.present.iter().map(|(_, l)| l.len()).sum();
        let unassessed = pga_form::unassessed(crate::pga(), answers, &ctx);
        html! {
            // A region inside <main>, not an <aside>: a complementary landmark must be top-level
            // (axe best practice, issue 21 item 7).
            <section class="pct-sidebar" aria-labelledby="pga-help-title">
                <h2 class="govuk-heading-m" id="pga-help-title">{ "This case" }</h2>
                // Started from a partner's referral, kept read-only with the case (issue 20).
                if let Some(r) = pga_form::referral_of(answers) {
                    <p class="govuk-body-s"><a class="govuk-link" id="pga-referral-link" href={crate::nav::href(&crate::route::Route::PartnerReferral { id: Some(r.to_string()) })}>{ "The partner's referral this assessment started from" }</a></p>
                }
                if deadlines.is_empty() {
                    <p class="govuk-body-s" id="pga-no-deadlines">{ "Enter the date you received the referral to see the PGA deadline (PGA-2, s8)." }</p>
                } else {
                    { super::super::deadlines::panels(&deadlines, today, &cal) }
                }
                <h3 class="govuk-heading-s">{ "Factors found" }</h3>
                <p class="govuk-body-s" id="pga-factor-counts" role="status" aria-live="polite">
                    { format!("{present} present, {} absent, {} unknown or not recorded yet.", factors.absent, factors.unknown) }
                </p>
                <div class="pct-factors">{ found }</div>
                // Issue 21, item 7: factors left "Not assessed yet" stay in sight, with why they
                // matter (PGA-10, s8).
                if !unassessed.is_empty() {
                    <div class="govuk-body-s" id="pga-unassessed">
                        <h3 class="govuk-heading-s"><strong class="govuk-tag govuk-tag--grey">{ "Not assessed yet" }</strong></h3>
                        <ul class="govuk-list govuk-list--bullet govuk-body-s">
                            { for unassessed.iter().map(|(s, f)| html! { <li>{ format!("{f} ({s})") }</li> }) }
                        </ul>
                        <p class="govuk-body-s">{ "The Gateway Decision waits until each is assessed (PGA-10, s8)." }</p>
                    </div>
                }
                if let Some(required) = fimu_submission_required {
                    <h3 class="govuk-heading-s">{ "FIMU submission" }</h3>
                    <p class="govuk-body-s" id="pga-fimu">{
                        if required {
                            "The Gateway Decision must be submitted to the FIMU (PGA-11, s8)."
                        } else {
                            "No FIMU submission is needed: the decision is to close a case the FIMU graded RADO 6 (PGA-11, s8)."
                        }
                    }</p>
                }
            </section>
        }
    }

    /// The side panel of a PLP entry: the suggested band and why (PLP-2, PLP-3, PLP-6), and
    /// the case's deadlines (PLP-5, INT-1) once the band and entry date are given.
    fn plp_sidebar(
        form: &str,
        answers: &prevent_core::Answers,
        calendar: &prevent_core::calendar::CalendarSettings,
    ) -> Html {
        let cal = calendar.calendar();
        let review = form == plp_form::REVIEW_FORM_ID;
        let schema = if review {
            crate::plp_review()
        } else {
            crate::plp()
        };
        let s = plp_form::suggestion(schema, answers);
        // A reassessment's own deadlines depend on the case: they show on the case page.
        let deadlines = if review {
            Vec::new()
        } else {
            plp_form::deadlines(schema, answers, &cal)
        };
        let band = s
            .band
            .map_or("None: nothing in the DIF calls for PLP work yet", |b| {
                b.label()
            });
        html! {
            <section class="pct-sidebar" aria-labelledby="plp-help-title">
                <h2 class="govuk-heading-m" id="plp-help-title">{ "This case" }</h2>
                <h3 class="govuk-heading-s">{ "Suggested band" }</h3>
                <p class="govuk-body" id="plp-suggested" role="status" aria-live="polite"><strong>{ band }</strong></p>
                if !s.triggers.is_empty() {
                    <ul class="govuk-list govuk-list--bullet govuk-body-s" id="plp-triggers">
                        { for s.triggers.iter().map(|t| html! { <li>{ format!("{} ({})", t.reason, t.rule_id) }</li> }) }
                    </ul>
                }
                if !deadlines.is_empty() {
                    { super::super::deadlines::panels(&deadlines, clock::today(), &cal) }
                }
            </section>
        }
    }
}
