//! The simulator's pages (issue 7, trainer's bundle only): the list of scenarios with the
//! import of a scenario file, a scenario's case file with the way into the real Gateway
//! Assessment and PLP pages, and the debrief that scores the trainee's records against the
//! model point by point (`prevent_core::scenario::score`). The banner shown above every page
//! while a scenario is worked is [`banner`]. The shipped scenarios are fetched once the app
//! starts (`services::training::load`): each of these pages says so while they load, and says
//! which could not be read.

use crate::components::*;
use crate::hooks::{use_shipped, use_title};
use crate::nav;
use crate::pages::NotFound;
use crate::route::{Form, Route};
use crate::router::*;
use crate::services::training::{self, Attempts, Found};
use prevent_core::date::long_date;
use prevent_core::scenario::{self, Outcome, Scenario};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// A link that stays in the app.
fn link(navigator: &Navigator, to: &Route, text: &str, id: &str) -> Html {
    let href = nav::href(to);
    html! {
        <a class="govuk-link" id={id.to_string()} href={href.clone()} onclick={nav::on_click(navigator, href)}>{ text.to_string() }</a>
    }
}

/// Where an attempt is, in words, with its tag colour.
fn status(a: &Attempts) -> (&'static str, TagColour) {
    match &a.pga {
        None => ("Not started", TagColour::Grey),
        Some(d) if !d.is_locked() => ("In progress", TagColour::LightBlue),
        Some(_) => ("Decision made", TagColour::Green),
    }
}

/// The shipped scenarios are on their way.
fn loading(what: &str) -> Html {
    html! {
        <p class="govuk-body" id="scenarios-loading" role="status">{ format!("Loading {what}…") }</p>
    }
}

/// What could not be read of the shipped scenarios, one paragraph each.
fn problems(list: &[String]) -> Html {
    if list.is_empty() {
        return Html::default();
    }
    html! {
        <NotificationBanner title={Some(AttrValue::from("Important"))} id="scenarios-problem">
            { for list.iter().map(|p| html! { <p class="govuk-body">{ p.clone() }</p> }) }
        </NotificationBanner>
    }
}

/// A scenario's page while its scenario is not here: loading, or why it cannot be shown (a
/// shipped file that could not be read), else "Page not found".
fn not_here(navigator: &Navigator, found: &Found) -> Html {
    let (heading, body) = match found {
        Found::Loading => ("Loading the scenario", loading("the scenario")),
        Found::Missing(list) if !list.is_empty() => (
            "This scenario cannot be shown",
            html! {
                <>
                    { problems(list) }
                    <p class="govuk-body">{ link(navigator, &Route::OfficerHome, "All scenarios", "all-scenarios") }</p>
                </>
            },
        ),
        _ => return html! { <NotFound /> },
    };
    html! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <span class="govuk-caption-l">{ "Training scenario (fictional)" }</span>
                <h1 class="govuk-heading-xl">{ heading }</h1>
                { body }
            </div>
        </div>
    }
}

/// The title of a scenario's page (`title` of the scenario when it is here).
fn title_of(found: &Found, title: impl Fn(&Scenario) -> String) -> String {
    match found {
        Found::Here(s) => title(s),
        Found::Loading => "Loading the scenario".into(),
        Found::Missing(_) => "Scenario not found".into(),
    }
}

/// The banner above every page while a scenario is worked (the trainer's `Bundle::banner`).
pub fn banner(_navigator: &Navigator) -> Html {
    html! { <Banner /> }
}

/// Which scenario is worked, the simulated today, and the way back to its case file and to
/// the debrief. A component, so that it draws again when the shipped scenarios arrive (and on
/// every change of page, through the router's context).
#[component]
fn Banner() -> Html {
    let navigator = use_navigator().expect("router");
    let _ = use_shipped();
    let navigator = &navigator;
    let Some(s) = training::active() else {
        return Html::default();
    };
    // The story moves on as soon as the Gateway Decision is final: the developments arrive,
    // and with them the day the PLP case and its reassessment are made on.
    let decided = training::activate(&s);
    let today = crate::services::clock::today();
    html! {
        <div class="pct-training-banner" id="training-banner" role="region" aria-label="Training scenario">
            <div class="govuk-width-container">
                <p class="govuk-body-s govuk-!-margin-bottom-0">
                    <strong>{ "Training scenario: " }</strong>{ s.title.clone() }
                    { format!(". Today in this scenario is {}. ", long_date(today)) }
                    { link(navigator, &Route::Scenario { id: s.id.clone() }, "Case file", "banner-case-file") }
                    { " · " }
                    { link(navigator, &Route::Debrief { id: s.id.clone() }, "Debrief", "banner-debrief") }
                </p>
                if decided && !s.developments.is_empty() {
                    <p class="govuk-body-s govuk-!-margin-bottom-0 govuk-!-margin-top-1" id="banner-developments">
                        <strong>{ "New developments have arrived: " }</strong>{ "read them in the case file." }
                    </p>
                }
            </div>
        </div>
    }
}

/// The case file of a scenario, as the trainee reads it (also the author's preview). The
/// later developments are shown once `developments` (after the Gateway Decision).
pub fn case_file(s: &Scenario, developments: bool) -> Html {
    let section = |id: &str, title: &str, text: &str| {
        if text.trim().is_empty() {
            return Html::default();
        }
        html! {
            <section id={id.to_string()} class="pct-case-file__section">
                <h2 class="govuk-heading-m">{ title.to_string() }</h2>
                { for text.split("\n\n").map(|p| html! { <p class="govuk-body pct-pre-line">{ p.to_string() }</p> }) }
            </section>
        }
    };
    html! {
        <div class="pct-case-file" id="case-file">
            { section("vignette-referral", "The referral as received", &s.vignette.referral) }
            { section("vignette-fimu", "FIMU dissemination notes", &s.vignette.fimu_notes) }
            { section("vignette-deconfliction", "De-confliction", &s.vignette.deconfliction) }
            { section("vignette-checks", "Check results", &s.vignette.checks) }
            if developments && !s.developments.is_empty() {
                <section id="developments">
                    <h2 class="govuk-heading-m">{ "Later developments" }</h2>
                    { for s.developments.iter().map(|d| html! {
                        <div class="pct-development">
                            <h3 class="govuk-heading-s">{ format!("{}: {}", long_date(d.date), d.title) }</h3>
                            { for d.text.split("\n\n").map(|p| html! { <p class="govuk-body pct-pre-line">{ p.to_string() }</p> }) }
                        </div>
                    }) }
                </section>
            }
        </div>
    }
}

/// The trainer's home: the scenarios, and importing a scenario file.
#[component]
pub fn TrainerHome() -> Html {
    use_title("Training scenarios".into(), false);
    let navigator = use_navigator().expect("router");
    let refresh = use_state(|| 0u32);
    let message = use_state(|| None::<Result<String, String>>);
    let shipped = use_shipped();
    let scenarios = shipped.as_deref().map(training::all);
    let on_file = {
        let message = message.clone();
        let refresh = refresh.clone();
        Callback::from(move |e: Event| {
            let Some(file) = crate::services::download::chosen_file(&e) else {
                return;
            };
            // The same file can be chosen again once fixed.
            if let Some(i) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                i.set_value("");
            }
            let message = message.clone();
            let refresh = refresh.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let text = crate::services::download::text_of(file).await;
                message.set(Some(match text {
                    None => {
                        Err("The file could not be read: choose a scenario file (.json)".into())
                    }
                    Some(t) => training::import(&t)
                        .map(|s| format!("'{}' is added to the scenarios.", s.title)),
                }));
                refresh.set(*refresh + 1);
            });
        })
    };
    let error = match &*message {
        Some(Err(e)) => Some(e.clone()),
        _ => None,
    };
    html! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-full">
                if let Some(e) = &error {
                    <ErrorSummary items={vec![ErrorSummaryItem::new(e.clone(), "scenario-file")]} focus_trigger={*refresh} />
                }
                if let Some(Ok(m)) = &*message {
                    <NotificationBanner success=true title={Some(AttrValue::from("Success"))} id="scenario-imported">
                        <p class="govuk-notification-banner__heading">{ m.clone() }</p>
                    </NotificationBanner>
                }
                if let Some(sh) = &shipped {
                    { problems(&sh.problems) }
                }
                <h1 class="govuk-heading-xl">{ "Training scenarios" }</h1>
                <p class="govuk-body">{ "Each scenario is a fictional case. You work it in the real Gateway Assessment and PLP pages, on a simulated date that the scenario sets, and then read a debrief: each point of the model answer, matched or missed, with its rule, the policy section and the reason." }</p>
                <p class="govuk-body">{ "Training records are kept apart from real ones, in this browser only, and everything here is marked TRAINING — FICTIONAL." }</p>
                if let Some(scenarios) = &scenarios {
                    <div class="pct-table-scroll" role="region" aria-label="Scenarios" tabindex="0">
                    <table class="govuk-table" id="scenarios">
                        <caption class="govuk-table__caption govuk-table__caption--m">{ format!("{} scenarios", scenarios.len()) }</caption>
                        <thead class="govuk-table__head">
                            <tr class="govuk-table__row">
                                <th scope="col" class="govuk-table__header">{ "Scenario" }</th>
                                <th scope="col" class="govuk-table__header">{ "Your attempt" }</th>
                            </tr>
                        </thead>
                        <tbody class="govuk-table__body">
                            { for scenarios.iter().map(|s| {
                                let (text, colour) = status(&training::attempt_of(s));
                                html! {
                                    <tr class="govuk-table__row">
                                        <td class="govuk-table__cell">
                                            { link(&navigator, &Route::Scenario { id: s.id.clone() }, &s.title, &format!("scenario-{}", s.id)) }
                                            <p class="govuk-body-s govuk-!-margin-bottom-0">{ s.summary.clone() }</p>
                                        </td>
                                        <td class="govuk-table__cell">{ tag::view(TagProps { text: text.into(), colour }) }</td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                    </div>
                } else {
                    { loading("the scenarios") }
                }
                <h2 class="govuk-heading-m">{ "Add a scenario" }</h2>
                <div class={classes!("govuk-form-group", error.is_some().then_some("govuk-form-group--error"))}>
                    <label class="govuk-label" for="scenario-file">{ "Upload a scenario file" }</label>
                    <div class="govuk-hint" id="scenario-file-hint">{ "A .json file a trainer downloaded from 'Write a scenario'. It is checked in full, against the policy's rules too; a file with any problem changes nothing." }</div>
                    if let Some(e) = &error {
                        <p class="govuk-error-message" id="scenario-file-error"><span class="govuk-visually-hidden">{ "Error: " }</span>{ e.clone() }</p>
                    }
                    <input class={classes!("govuk-file-upload", error.is_some().then_some("govuk-file-upload--error"))} id="scenario-file" name="scenario-file" type="file" accept=".json,application/json"
                        aria-describedby={if error.is_some() { "scenario-file-hint scenario-file-error" } else { "scenario-file-hint" }}
                        onchange={on_file} />
                </div>
                <p class="govuk-body">{ "Trainers: " }{ link(&navigator, &Route::Author, "write a scenario", "author-link") }{ " from a model answer you complete in the real pages." }</p>
            </div>
        </div>
    }
}

/// Properties of the pages of one scenario.
#[derive(Properties, PartialEq)]
pub struct ScenarioProps {
    /// The scenario's id.
    pub id: String,
}

/// A scenario's case file and the way into it: start, continue, or start again.
#[component]
pub fn ScenarioPage(props: &ScenarioProps) -> Html {
    let navigator = use_navigator().expect("router");
    let loaded = use_shipped().is_some();
    let scenario = use_memo((props.id.clone(), loaded), |(id, _)| training::find(id));
    let refresh = use_state(|| 0u32);
    let problem = use_state(|| None::<String>);
    use_title(title_of(&scenario, |s| s.title.clone()), false);
    {
        let scenario = scenario.clone();
        use_effect_with((props.id.clone(), loaded), move |_| {
            if let Found::Here(s) = &*scenario {
                let _ = training::activate(s);
            }
        });
    }
    let Found::Here(s) = &*scenario else {
        return not_here(&navigator, &scenario);
    };
    let s = s.clone();
    let attempt = training::attempt_of(&s);
    let decided = attempt.pga.as_ref().is_some_and(|d| d.is_locked());
    let on_start = {
        let s = s.clone();
        let navigator = navigator.clone();
        let problem = problem.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            match training::start(&s) {
                Ok(id) => navigator.push(&Route::FormPage {
                    form: Form::Pga,
                    id,
                    page: "case".into(),
                }),
                Err(p) => problem.set(Some(p)),
            }
        })
    };
    let on_restart = {
        let s = s.clone();
        let refresh = refresh.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            training::restart(&s);
            refresh.set(*refresh + 1);
        })
    };
    let next = match &attempt.pga {
        None => button::view(ButtonProps {
            is_start: true,
            onclick: on_start,
            id: Some("start-scenario".into()),
            ..ButtonProps::new("Start the Gateway Assessment")
        }),
        Some(d) if !d.is_locked() => html! {
            <p class="govuk-body">{ link(&navigator, &Route::FormTasks { form: Form::Pga, id: d.id.clone() }, "Continue your Gateway Assessment", "continue-scenario") }</p>
        },
        Some(d) => html! {
            <>
                <p class="govuk-body">{ "Your Gateway Decision is final, and the later developments below have arrived: the date in the scenario has moved on. Carry on with the case if the story goes on, then read your debrief." }</p>
                <ul class="govuk-list">
                    <li>{ link(&navigator, &Route::FormDone { form: Form::Pga, id: d.id.clone() }, "Your Gateway Assessment", "your-pga") }</li>
                    if let Some(p) = &attempt.plp {
                        <li>{ link(&navigator, &if p.is_locked() { Route::FormDone { form: Form::Plp, id: p.id.clone() } } else { Route::FormTasks { form: Form::Plp, id: p.id.clone() } }, "Your PLP case", "your-plp") }</li>
                    }
                    if let Some(c) = &attempt.closure {
                        <li>{ link(&navigator, &Route::FormDone { form: Form::PcmClosure, id: c.id.clone() }, "Your record of the case's closure", "your-closure") }</li>
                    }
                    if let Some(r) = attempt.closed_reviews.first() {
                        <li>{ link(&navigator, &Route::FormDone { form: Form::ClosedReview, id: r.id.clone() }, "Your closed case review", "your-closed-review") }</li>
                    }
                </ul>
                { button::view(ButtonProps { href: Some(nav::href(&Route::Debrief { id: s.id.clone() })), onclick: { let n = navigator.clone(); let to = Route::Debrief { id: s.id.clone() }; Callback::from(move |e: MouseEvent| { e.prevent_default(); n.push(&to); }) }, id: Some("see-debrief".into()), ..ButtonProps::new("See your debrief") }) }
            </>
        },
    };
    html! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                if let Some(p) = &*problem {
                    <NotificationBanner title={Some(AttrValue::from("Important"))} id="scenario-problem">
                        <p class="govuk-notification-banner__heading">{ p.clone() }</p>
                    </NotificationBanner>
                }
                <span class="govuk-caption-l">{ "Training scenario (fictional)" }</span>
                <h1 class="govuk-heading-xl">{ s.title.clone() }</h1>
                <p class="govuk-body-l">{ s.summary.clone() }</p>
                { inset_text::view(InsetTextProps { children: html! {
                    <span id="scenario-today">{ format!("Today in this scenario is {}: deadlines count from the story's dates, not from your calendar.", long_date(s.today_after(decided))) }</span>
                } }) }
                { case_file(&s, decided) }
                <h2 class="govuk-heading-m">{ "Your attempt" }</h2>
                { next }
                if attempt.pga.is_some() {
                    <p class="govuk-body">
                        <a href="#" class="govuk-link" id="restart-scenario" onclick={on_restart}>{ "Start again" }</a>
                        { " (deletes your records for this scenario)" }
                    </p>
                }
                <p class="govuk-body">{ link(&navigator, &Route::OfficerHome, "All scenarios", "all-scenarios") }</p>
            </div>
        </div>
    }
}

/// The debrief: each point of the model, matched, partly matched or missed, with the rule, the
/// policy section and the reason, and the score.
#[component]
pub fn Debrief(props: &ScenarioProps) -> Html {
    let navigator = use_navigator().expect("router");
    let loaded = use_shipped().is_some();
    let scenario = use_memo((props.id.clone(), loaded), |(id, _)| training::find(id));
    use_title(
        title_of(&scenario, |s| format!("Debrief: {}", s.title)),
        false,
    );
    let Found::Here(s) = &*scenario else {
        return not_here(&navigator, &scenario);
    };
    let s = s.clone();
    let attempt = training::attempt_of(&s);
    if !attempt.pga.as_ref().is_some_and(|d| d.is_locked()) {
        return html! {
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <h1 class="govuk-heading-xl">{ format!("Debrief: {}", s.title) }</h1>
                    <p class="govuk-body" id="debrief-not-ready">{ "The debrief is ready once your Gateway Assessment is final: supervised and confirmed." }</p>
                    <p class="govuk-body">{ link(&navigator, &Route::Scenario { id: s.id.clone() }, "Back to the case file", "back-to-case-file") }</p>
                </div>
            </div>
        };
    }
    let d = scenario::score(
        &s,
        &training::forms(),
        &attempt.attempt(),
        &training::calendar(),
    );
    let colour = |o: Outcome| match o {
        Outcome::Matched => TagColour::Green,
        Outcome::Partial => TagColour::Yellow,
        Outcome::Missed => TagColour::Red,
    };
    html! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-full">
                <span class="govuk-caption-l">{ "Training scenario (fictional)" }</span>
                <h1 class="govuk-heading-xl">{ format!("Debrief: {}", s.title) }</h1>
                { panel::view(PanelProps { title: format!("{}%", d.percent()).into(), children: html! {
                    <span id="debrief-score">{ format!("{} of {} marks", d.marks, d.out_of) }</span>
                } }) }
                <p class="govuk-body">{ format!(
                    "{} of {} points matched the model answer, {} partly and {} missed. Each point names the rule it comes from and the section of the CTP-Prevent Policy 2020.",
                    d.points.iter().filter(|p| p.outcome == Outcome::Matched).count(),
                    d.points.len(),
                    d.points.iter().filter(|p| p.outcome == Outcome::Partial).count(),
                    d.points.iter().filter(|p| p.outcome == Outcome::Missed).count(),
                ) }</p>
                <ol class="govuk-list pct-debrief" id="debrief-points">
                    { for d.points.iter().enumerate().map(|(i, p)| html! {
                        <li class="pct-debrief__point" id={format!("point-{}", i + 1)}>
                            <h2 class="govuk-heading-s">
                                { tag::view(TagProps { text: p.outcome.label().into(), colour: colour(p.outcome) }) }
                                { " " }{ p.what.clone() }
                                if p.out_of > 1 {
                                    { format!(" ({} of {} marks)", p.marks, p.out_of) }
                                }
                            </h2>
                            <dl class="govuk-summary-list govuk-summary-list--no-border">
                                <div class="govuk-summary-list__row">
                                    <dt class="govuk-summary-list__key">{ "Model answer" }</dt>
                                    <dd class="govuk-summary-list__value">{ p.expected.clone() }</dd>
                                </div>
                                <div class="govuk-summary-list__row">
                                    <dt class="govuk-summary-list__key">{ "Your answer" }</dt>
                                    <dd class="govuk-summary-list__value">{ p.given.clone() }</dd>
                                </div>
                                <div class="govuk-summary-list__row">
                                    <dt class="govuk-summary-list__key">{ "Rule" }</dt>
                                    <dd class="govuk-summary-list__value">{ format!("{} ({})", p.point.rule, p.point.section) }</dd>
                                </div>
                                <div class="govuk-summary-list__row">
                                    <dt class="govuk-summary-list__key">{ "Why" }</dt>
                                    <dd class="govuk-summary-list__value">{ p.point.reason.clone() }</dd>
                                </div>
                            </dl>
                        </li>
                    }) }
                </ol>
                <p class="govuk-body">{ link(&navigator, &Route::Scenario { id: s.id.clone() }, "Back to the case file", "back-to-case-file") }{ " · " }{ link(&navigator, &Route::OfficerHome, "All scenarios", "all-scenarios") }</p>
            </div>
        </div>
    }
}
