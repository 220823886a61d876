//! Writing a scenario (issue 7, trainer's bundle only). The trainer completes the real flows as
//! the model answer (a Gateway Assessment, and its PLP case and reassessment where the story
//! goes on), then here chooses it, writes the vignette and the later developments, chooses the
//! points to score (suggested from the model by `prevent_core::scenario::suggested_points`),
//! previews the case file as a trainee sees it, and downloads the scenario file or adds it to
//! this browser's scenarios. The file is built and then read back with the same strict reader
//! a trainee's import uses, so a scenario that contradicts the rules is never written. What
//! the trainer types is kept in storage as they type (nothing is lost on reload).

use crate::components::*;
use crate::hooks::use_title;
use crate::nav;
use crate::route::{Form, Route};
use crate::router::*;
use crate::services::{download::download, store, training, LocalBackend};
use prevent_core::answers::DateParts;
use prevent_core::scenario::{self, Development, Model, Point, Scenario, Target, Vignette};
use prevent_core::store::KvBackend;
use prevent_core::{date, Draft};
use serde::{Deserialize, Serialize};
use yew::prelude::*;

/// Where what the trainer types is kept.
const KEY: &str = "pct.authoring";

/// One later development as typed.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
struct DevelopmentText {
    date: DateParts,
    title: String,
    text: String,
}

/// The scenario as typed.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
struct Typed {
    model: String,
    title: String,
    summary: String,
    today: DateParts,
    referral: String,
    fimu_notes: String,
    deconfliction: String,
    checks: String,
    developments: [DevelopmentText; 2],
    /// The suggested points left out, by index.
    #[serde(default)]
    left_out: Vec<usize>,
}

fn load_typed() -> Typed {
    LocalBackend::new()
        .get(KEY)
        .ok()
        .flatten()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

fn save_typed(t: &Typed) -> Result<(), String> {
    let text = serde_json::to_string(t).map_err(|e| e.to_string())?;
    LocalBackend::new()
        .set(KEY, &text)
        .map_err(|e| prevent_core::store::StoreError::from(e).to_string())
}

/// The finished Gateway Assessments among the training records: the candidates for a model.
fn finished_assessments() -> Vec<Draft> {
    let Ok(listing) = store().list_now() else {
        return Vec::new();
    };
    listing
        .drafts
        .iter()
        .filter(|d| d.kind == prevent_core::pga_form::FORM_ID)
        .filter_map(|d| crate::pages::pga_help::load(&d.id))
        .filter(Draft::is_locked)
        .collect()
}

/// The model made of the assessment `id`: it, the finished PLP case with its case reference,
/// and that case's recorded reassessments, or the case's closure outside PLP and its reviews.
fn model_of(id: &str) -> Option<Model> {
    let pga = crate::pages::pga_help::load(id).filter(Draft::is_locked)?;
    let (plp, reviews) = training::case_of(&pga, true);
    let (closure, closed_reviews) = training::closed_of(&pga);
    Some(Model {
        pga,
        plp,
        reviews,
        closure,
        closed_reviews,
    })
}

/// An id from a title: lowercase letters, digits and dashes.
fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').chars().take(60).collect()
}

/// The problems with what was typed, each with the id of its field.
fn problems(t: &Typed) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if t.model.is_empty() {
        out.push((
            "Choose the Gateway Assessment that is the model answer".into(),
            "model".into(),
        ));
    }
    if t.title.trim().is_empty() {
        out.push(("Enter the scenario's title".into(), "title".into()));
    } else if slug(&t.title).is_empty() {
        out.push((
            "The title needs at least one letter or digit".into(),
            "title".into(),
        ));
    }
    if t.summary.trim().is_empty() {
        out.push((
            "Enter a one-sentence summary for the list of scenarios".into(),
            "summary".into(),
        ));
    }
    if date::parse(&t.today).is_err() {
        out.push((
            "Enter the scenario's today as a real date, for example 24 11 2026".into(),
            "today-day".into(),
        ));
    }
    if t.referral.trim().is_empty() {
        out.push((
            "Enter the referral as the trainee receives it".into(),
            "referral".into(),
        ));
    }
    for (i, d) in t.developments.iter().enumerate() {
        let any = !d.date.is_blank() || !d.title.trim().is_empty() || !d.text.trim().is_empty();
        if any
            && (date::parse(&d.date).is_err()
                || d.title.trim().is_empty()
                || d.text.trim().is_empty())
        {
            out.push((
                format!(
                    "Enter the date, title and text of development {}, or clear all three",
                    i + 1
                ),
                format!("development-{}-date-day", i + 1),
            ));
        }
    }
    out
}

/// The scenario typed, with its chosen points; `Err` names what is missing.
fn build(t: &Typed) -> Result<Scenario, Vec<(String, String)>> {
    let p = problems(t);
    if !p.is_empty() {
        return Err(p);
    }
    let model = model_of(&t.model).ok_or_else(|| {
        vec![(
            "The chosen Gateway Assessment is no longer here: choose another".to_string(),
            "model".to_string(),
        )]
    })?;
    let points = chosen_points(&model, &t.left_out);
    if points.is_empty() {
        return Err(vec![(
            "Choose at least one point to score".into(),
            "points".into(),
        )]);
    }
    Ok(Scenario {
        id: slug(&t.title),
        title: t.title.trim().into(),
        summary: t.summary.trim().into(),
        today: date::parse(&t.today).unwrap_or_default(),
        vignette: Vignette {
            referral: t.referral.trim().into(),
            fimu_notes: t.fimu_notes.trim().into(),
            deconfliction: t.deconfliction.trim().into(),
            checks: t.checks.trim().into(),
        },
        developments: t
            .developments
            .iter()
            .filter_map(|d| {
                Some(Development {
                    date: date::parse(&d.date).ok()?,
                    title: d.title.trim().into(),
                    text: d.text.trim().into(),
                })
            })
            .collect(),
        model,
        points,
    })
}

fn suggested(model: &Model) -> Vec<Point> {
    scenario::suggested_points(model, &training::forms(), &training::calendar())
}

fn chosen_points(model: &Model, left_out: &[usize]) -> Vec<Point> {
    suggested(model)
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !left_out.contains(i))
        .map(|(_, p)| p)
        .collect()
}

/// A point in words, for the checkbox that chooses it.
fn point_label(p: &Point) -> String {
    let what = match &p.target {
        Target::Answer(f) => training::forms()
            .of(p.part)
            .question(f)
            .map(|(_, q)| q.short.clone())
            .unwrap_or_else(|| f.clone()),
        Target::FimuSubmission => "submission to the FIMU".into(),
        Target::Due(r) => format!("due date under {r}"),
    };
    let record = p.part.noun().trim_start_matches("the ");
    let mut record = record.to_string();
    record[..1].make_ascii_uppercase();
    format!("{record}: {what} ({}, {})", p.rule, p.section)
}

/// What the page shows after an action.
#[derive(Clone, PartialEq)]
enum Said {
    Nothing,
    Preview,
    Saved(String),
    Problems(Vec<(String, String)>),
}

/// The authoring page.
#[component]
pub fn Author() -> Html {
    use_title("Write a scenario".into(), false);
    let navigator = use_navigator().expect("router");
    let typed = use_state(load_typed);
    let said = use_state(|| Said::Nothing);
    let attempts = use_state(|| 0u32);
    // Writing a model answer happens on the real date, not in a scenario's.
    use_effect_with((), |_| training::deactivate());
    let set = |change: fn(&mut Typed, String)| {
        let typed = typed.clone();
        Callback::from(move |v: String| {
            let mut t = (*typed).clone();
            change(&mut t, v);
            let _ = save_typed(&t);
            typed.set(t);
        })
    };
    let candidates = finished_assessments();
    let model = (!typed.model.is_empty())
        .then(|| model_of(&typed.model))
        .flatten();
    let points = model.as_ref().map(suggested).unwrap_or_default();
    let errors = match &*said {
        Said::Problems(p) => p.clone(),
        _ => Vec::new(),
    };
    let error_for = |id: &str| {
        errors
            .iter()
            .find(|(_, f)| f == id)
            .map(|(m, _)| AttrValue::from(m.clone()))
    };
    let act = |what: u8| {
        let typed = typed.clone();
        let said = said.clone();
        let attempts = attempts.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            attempts.set(*attempts + 1);
            let built = build(&typed).and_then(|s| {
                // Read back as a trainee's import would: a file that breaks a rule is never written.
                let text = scenario::to_json_string(&s, &training::forms());
                scenario::parse(&text, &training::forms(), &training::calendar())
                    .map(|s| (s, text))
                    .map_err(|e| vec![(e.0, "model".to_string())])
            });
            said.set(match (built, what) {
                (Err(p), _) => Said::Problems(p),
                (Ok(_), 0) => Said::Preview,
                (Ok((s, text)), 1) => match download(&scenario::file_name(&s), "application/json", &text) {
                    Ok(()) => Said::Saved(format!("The scenario file {} is downloaded. Trainees add it on the Scenarios page.", scenario::file_name(&s))),
                    Err(e) => Said::Problems(vec![(e, "model".into())]),
                },
                (Ok((s, _)), _) => match training::keep(&s) {
                    Ok(()) => Said::Saved(format!("'{}' is added to this browser's scenarios.", s.title)),
                    Err(e) => Said::Problems(vec![(e, "title".into())]),
                },
            });
        })
    };
    let date_change = |which: usize| {
        let typed = typed.clone();
        Callback::from(move |(part, v): (DatePart, String)| {
            let mut t = (*typed).clone();
            let d = if which == 0 {
                &mut t.today
            } else {
                &mut t.developments[which - 1].date
            };
            match part {
                DatePart::Day => d.day = v,
                DatePart::Month => d.month = v,
                DatePart::Year => d.year = v,
            }
            let _ = save_typed(&t);
            typed.set(t);
        })
    };
    let dev_text = |i: usize, title: bool| {
        let typed = typed.clone();
        Callback::from(move |v: String| {
            let mut t = (*typed).clone();
            if title {
                t.developments[i].title = v;
            } else {
                t.developments[i].text = v;
            }
            let _ = save_typed(&t);
            typed.set(t);
        })
    };
    let on_points = {
        let typed = typed.clone();
        let n = points.len();
        Callback::from(move |chosen: Vec<String>| {
            let mut t = (*typed).clone();
            t.left_out = (0..n)
                .filter(|i| !chosen.contains(&i.to_string()))
                .collect();
            let _ = save_typed(&t);
            typed.set(t);
        })
    };
    let start_href = nav::href(&Route::FormStart { form: Form::Pga });
    let preview = match (&*said, build(&typed)) {
        (Said::Preview, Ok(s)) => html! {
            <section id="preview" class="pct-preview">
                <h2 class="govuk-heading-l">{ "Preview: as a trainee sees it" }</h2>
                <span class="govuk-caption-l">{ "Training scenario (fictional)" }</span>
                <h3 class="govuk-heading-l">{ s.title.clone() }</h3>
                <p class="govuk-body-l">{ s.summary.clone() }</p>
                <p class="govuk-body">{ format!("Today in this scenario is {}.", date::long_date(s.today)) }</p>
                { crate::pages::training::case_file(&s, true) }
                <h3 class="govuk-heading-m">{ format!("Scored on {} points", s.points.len()) }</h3>
                <ol class="govuk-list govuk-list--number" id="preview-points">
                    { for s.points.iter().map(|p| html! { <li>{ format!("{} — {}", point_label(p), p.reason) }</li> }) }
                </ol>
            </section>
        },
        _ => Html::default(),
    };
    html! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary items={errors.iter().map(|(m, f)| ErrorSummaryItem::new(m.clone(), f.clone())).collect::<Vec<_>>()} focus_trigger={*attempts} />
                if let Said::Saved(m) = &*said {
                    <NotificationBanner success=true title={Some(AttrValue::from("Success"))} id="scenario-saved">
                        <p class="govuk-notification-banner__heading">{ m.clone() }</p>
                    </NotificationBanner>
                }
                <h1 class="govuk-heading-xl">{ "Write a scenario" }</h1>
                <h2 class="govuk-heading-m">{ "1. Complete the model answer" }</h2>
                <p class="govuk-body">
                    { "Work the fictional case through the real pages as the model answer: " }
                    <a class="govuk-link" id="start-model" href={start_href.clone()} onclick={nav::on_click(&navigator, start_href)}>{ "start a Gateway Assessment" }</a>
                    { ", finish it, and if the story goes on into PLP, start its PLP case from the finished assessment and record its reassessment. What you type here is kept while you do." }
                </p>
                <h2 class="govuk-heading-m">{ "2. Choose the model answer" }</h2>
                if candidates.is_empty() {
                    <p class="govuk-body" id="model">{ "No finished Gateway Assessment is here yet." }</p>
                } else {
                    { radios::view(RadiosProps {
                        name: "model".into(),
                        id: "model".into(),
                        legend: "Which finished Gateway Assessment is the model answer?".into(),
                        hint: Some("Its PLP case and reassessment, when there are, come with it.".into()),
                        error: error_for("model"),
                        items: candidates.iter().map(|d| {
                            let reference = d.answers.text("case.reference").unwrap_or("No reference");
                            let decision = d.answers.text("decision.outcome").and_then(|v| {
                                training::forms().pga.question("decision.outcome").and_then(|(_, q)| q.kind.choices().iter().find(|c| c.value == v)).map(|c| c.label.as_str())
                            }).unwrap_or("no decision");
                            ChoiceItem::new(d.id.clone(), format!("{reference} ({decision})"))
                        }).collect(),
                        selected: (!typed.model.is_empty()).then(|| AttrValue::from(typed.model.clone())),
                        onchange: set(|t, v| { t.model = v; t.left_out.clear(); }),
                        ..Default::default()
                    }) }
                }
                <h2 class="govuk-heading-m">{ "3. The case file" }</h2>
                { text_input::view(TextInputProps { error: error_for("title"), value: typed.title.clone().into(), oninput: set(|t, v| t.title = v), hint: Some("Say that it is fictional, for example 'Fictional: stickers at Exampleton station'".into()), ..TextInputProps::new("title", "title", "Title") }) }
                { text_input::view(TextInputProps { error: error_for("summary"), value: typed.summary.clone().into(), oninput: set(|t, v| t.summary = v), ..TextInputProps::new("summary", "summary", "Summary, in one sentence") }) }
                { date_input::view(DateInputProps {
                    id: "today".into(),
                    legend: "Today in the scenario".into(),
                    hint: Some("The simulated date while the trainee works the Gateway Assessment. Deadlines count from the story's dates. For example, 24 11 2026".into()),
                    error: error_for("today-day"),
                    day: typed.today.day.clone().into(),
                    month: typed.today.month.clone().into(),
                    year: typed.today.year.clone().into(),
                    onchange: date_change(0),
                    ..Default::default()
                }) }
                <Textarea id="referral" name="referral" label="The referral as received" error={error_for("referral")} value={typed.referral.clone()} oninput={set(|t, v| t.referral = v)} rows={8} hint={Some(AttrValue::from("Leave a blank line between paragraphs."))} />
                <Textarea id="fimu-notes" name="fimu-notes" label="FIMU dissemination notes (optional)" value={typed.fimu_notes.clone()} oninput={set(|t, v| t.fimu_notes = v)} rows={4} />
                <Textarea id="deconfliction" name="deconfliction" label="De-confliction details (optional)" value={typed.deconfliction.clone()} oninput={set(|t, v| t.deconfliction = v)} rows={3} hint={Some(AttrValue::from("The date, the reference number and any RADO grading"))} />
                <Textarea id="checks" name="checks" label="Check results (optional)" value={typed.checks.clone()} oninput={set(|t, v| t.checks = v)} rows={5} />
                <h2 class="govuk-heading-m">{ "4. Later developments (optional)" }</h2>
                <p class="govuk-body">{ "They arrive once the trainee's Gateway Decision is final, and the scenario's date moves on to the last of them: use them for PLP banding and reassessment." }</p>
                { for (0..2).map(|i| {
                    let d = &typed.developments[i];
                    let n = i + 1;
                    html! {
                        <div class="govuk-form-group">
                            <h3 class="govuk-heading-s">{ format!("Development {n}") }</h3>
                            { date_input::view(DateInputProps {
                                id: format!("development-{n}-date").into(),
                                legend: format!("Date of development {n}").into(),
                                error: error_for(&format!("development-{n}-date-day")),
                                day: d.date.day.clone().into(),
                                month: d.date.month.clone().into(),
                                year: d.date.year.clone().into(),
                                onchange: date_change(n),
                                ..Default::default()
                            }) }
                            { text_input::view(TextInputProps { value: d.title.clone().into(), oninput: dev_text(i, true), ..TextInputProps::new(format!("development-{n}-title"), format!("development-{n}-title"), format!("Title of development {n}")) }) }
                            <Textarea id={format!("development-{n}-text")} name={format!("development-{n}-text")} label={format!("What happened (development {n})")} value={d.text.clone()} oninput={dev_text(i, false)} rows={4} />
                        </div>
                    }
                }) }
                <h2 class="govuk-heading-m">{ "5. Points to score" }</h2>
                if points.is_empty() {
                    <p class="govuk-body" id="points">{ "Choose the model answer first: the points are suggested from it." }</p>
                } else {
                    { checkboxes::view(CheckboxesProps {
                        name: "points".into(),
                        id: "points".into(),
                        legend: "Which points is the trainee scored on?".into(),
                        hint: Some("Each names its rule and policy section. The reason shown in the debrief is the model's own rationale or evidence where there is one.".into()),
                        error: error_for("points"),
                        items: points.iter().enumerate().map(|(i, p)| ChoiceItem::new(i.to_string(), point_label(p))).collect(),
                        selected: (0..points.len()).filter(|i| !typed.left_out.contains(i)).map(|i| AttrValue::from(i.to_string())).collect(),
                        onchange: on_points,
                        ..Default::default()
                    }) }
                }
                { button::group(ButtonGroupProps { children: html! {
                    <>
                        { button::view(ButtonProps { variant: ButtonVariant::Secondary, button_type: "button".into(), onclick: act(0), id: Some("preview-scenario".into()), ..ButtonProps::new("Preview") }) }
                        { button::view(ButtonProps { button_type: "button".into(), onclick: act(1), id: Some("download-scenario".into()), ..ButtonProps::new("Download the scenario file") }) }
                        { button::view(ButtonProps { variant: ButtonVariant::Secondary, button_type: "button".into(), onclick: act(2), id: Some("keep-scenario".into()), ..ButtonProps::new("Add to the scenarios here") }) }
                    </>
                } }) }
            </div>
            <div class="govuk-grid-column-full">{ preview }</div>
        </div>
    }
}
