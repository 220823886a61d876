//! The trainer's bundle's own state (issue 7): the scenarios (shipped with the app, and those
//! imported from files), each trainee's attempt at one (its Gateway Assessment), the scenario
//! being worked, and its simulated today. Everything is kept under the training prefix of
//! storage (`local_store::TRAINING_PREFIX`), apart from real records. The rules (reading a
//! scenario, scoring) are in `prevent_core::scenario`.
//!
//! The shipped scenarios are not in the app's WebAssembly: the build copies
//! `crates/core/scenarios/` (the files and their `index.json`) to the trainer's `scenarios/`
//! folder, the offline worker caches them with the app, and [`load`] fetches them once per page
//! load (docs/decisions/0006-simulator.md, "How the scenarios ship"). A file that cannot be
//! read is left out and named ([`Shipped::problems`]); the others work.

use crate::services::fetched::{self, Failure, Once};
use crate::services::{clock, new_id, store, LocalBackend};
use chrono::NaiveDate;
use prevent_core::calendar::{Calendar, Division};
use prevent_core::closed_case::{CLOSURE_FORM_ID, REVIEW_FORM_ID};
use prevent_core::scenario::{self, Attempt, Forms, Scenario};
use prevent_core::store::{Envelope, KvBackend};
use prevent_core::{plp_form, Draft};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// The key of the scenario being worked.
const ACTIVE: &str = "pct.active";
/// The key of the simulated today.
const TODAY: &str = "pct.today";
/// The key prefix of imported scenarios' files.
const IMPORTED: &str = "pct.scenario.";
/// The key prefix of attempts: the trainee's Gateway Assessment for a scenario.
const PLAY: &str = "pct.play.";

/// The forms scenarios are made with: the officers' own (the default DIF framework in the
/// trainer's bundle, whose settings are apart from the officers').
pub fn forms() -> Forms<'static> {
    Forms {
        pga: crate::pga(),
        plp: crate::plp(),
        review: crate::plp_review(),
        closure: crate::pcm_closure(),
        closed_review: crate::closed_review(),
    }
}

/// The calendar of the scenarios' world: England and Wales, as written.
pub fn calendar() -> Calendar<'static> {
    Calendar::of(Division::EnglandAndWales)
}

/// The shipped scenarios, as fetched: those that read, and what could not be read.
#[derive(Default)]
pub struct Shipped {
    /// The scenarios that read, in the index's order.
    pub scenarios: Vec<Scenario>,
    /// What could not be read, a sentence each: the index itself, or a file (named by its
    /// title and file), which is left out.
    pub problems: Vec<String>,
    /// Every id the index lists, read or not: an imported file cannot take one.
    ids: Vec<String>,
}

thread_local! {
    static LOAD: RefCell<Once<Rc<Shipped>>> = const { RefCell::new(Once::Idle) };
}

/// The shipped scenarios, once fetched; `None` while they load (see [`load`]).
pub fn shipped() -> Option<Rc<Shipped>> {
    fetched::get(&LOAD)
}

/// Fetches the shipped scenarios (once per page load) and calls `then` when they are here: at
/// once if they already are. The scenario being worked then gets its day again (a Gateway
/// Decision made before they arrived moves its story on now).
pub fn load(then: impl FnOnce() + 'static) {
    fetched::load(
        &LOAD,
        Box::new(then),
        || async { Rc::new(fetch_shipped().await) },
        || {
            if let Some(s) = active() {
                let _ = activate(&s);
            }
        },
    );
}

/// The URL of a file of the shipped scenarios' folder, under the app's base
/// ("/trainer/scenarios/index.json").
fn url(file: &str) -> String {
    format!("{}scenarios/{file}", crate::bundle::current().base)
}

/// Asks for a file of the folder ([`fetched::request`]).
fn request(file: &str) -> Option<js_sys::Promise> {
    fetched::request(&url(file))
}

/// The text of a file asked for with [`request`], or why there is none.
async fn text_of(request: Option<js_sys::Promise>) -> Result<String, String> {
    fetched::text(request).await.map_err(|f| match f {
        Failure::Status(status) => format!("the server answered {status}"),
        Failure::Unreachable => "it could not be fetched (is this device offline?)".to_string(),
    })
}

/// Fetches the index, then every file it lists (all asked for at once), and reads each with
/// `scenario::parse`: a file that does not read is left out, with why.
async fn fetch_shipped() -> Shipped {
    let mut out = Shipped::default();
    let index = text_of(request(scenario::INDEX_FILE))
        .await
        .and_then(|t| scenario::parse_index(&t).map_err(|e| e.0));
    let index = match index {
        Ok(i) => i,
        Err(why) => {
            out.problems.push(format!(
                "The scenarios that come with the toolkit could not be loaded: the list of them {why}. If you are offline, connect to the internet and reload this page: once they have loaded, they are kept for use offline."
            ));
            return out;
        }
    };
    let pending: Vec<_> = index.iter().map(|e| request(&e.file)).collect();
    for (e, p) in index.iter().zip(pending) {
        out.ids.push(e.id.clone());
        let read = text_of(p).await.and_then(|t| {
            scenario::parse(&t, &forms(), &calendar())
                .map_err(|e| e.0)
                .and_then(|s| {
                    if s.id == e.id {
                        Ok(s)
                    } else {
                        Err(format!("it holds the scenario '{}', not '{}'", s.id, e.id))
                    }
                })
        });
        match read {
            Ok(s) => out.scenarios.push(s),
            Err(why) => out.problems.push(format!(
                "The scenario '{}' ({}) could not be read, so it is not listed: {why}",
                e.title, e.file
            )),
        }
    }
    out
}

/// The scenarios imported from files, by title, leaving out any with a shipped one's id.
fn imported(shipped: Option<&Shipped>) -> Vec<Scenario> {
    let b = LocalBackend::new();
    let mut imported: Vec<Scenario> = b
        .keys()
        .unwrap_or_default()
        .into_iter()
        .filter(|k| k.starts_with(IMPORTED))
        .filter_map(|k| b.get(&k).ok().flatten())
        .filter_map(|t| scenario::parse(&t, &forms(), &calendar()).ok())
        .filter(|s| !shipped.is_some_and(|sh| sh.ids.contains(&s.id)))
        .collect();
    prevent_core::order::by_rank(&mut imported, |_| 0);
    imported
}

/// Every scenario here: the shipped ones, then those imported, by title.
pub fn all(shipped: &Shipped) -> Vec<Scenario> {
    let mut out = shipped.scenarios.clone();
    out.append(&mut imported(Some(shipped)));
    out
}

/// Whether a scenario is here (see [`find`]).
pub enum Found {
    /// It is.
    Here(Scenario),
    /// Not among those imported, and the shipped ones are still loading.
    Loading,
    /// Nowhere: with what could not be read of the shipped ones, if anything.
    Missing(Vec<String>),
}

/// The scenario `id`: an imported one at once, a shipped one once they have loaded.
pub fn find(id: &str) -> Found {
    let shipped = shipped();
    let here = match &shipped {
        Some(sh) => sh.scenarios.iter().find(|s| s.id == id).cloned(),
        None => None,
    };
    match (here, shipped) {
        (Some(s), _) => Found::Here(s),
        (None, sh) => match imported(sh.as_deref()).into_iter().find(|s| s.id == id) {
            Some(s) => Found::Here(s),
            None => match sh {
                None => Found::Loading,
                Some(sh) => Found::Missing(sh.problems.clone()),
            },
        },
    }
}

/// Reads a scenario file and keeps it. A bad file, or one with a shipped scenario's id, is
/// refused with the reason and changes nothing; a file with an imported scenario's id
/// replaces it (the trainer's newer version).
pub fn import(text: &str) -> Result<Scenario, String> {
    let s = scenario::parse(text, &forms(), &calendar()).map_err(|e| e.0)?;
    let Some(shipped) = shipped() else {
        return Err(
            "The scenarios that come with the toolkit are still loading: choose the file again in a moment"
                .into(),
        );
    };
    if shipped.ids.contains(&s.id) {
        return Err(format!(
            "A scenario shipped with the toolkit already has the id '{}': give yours another id",
            s.id
        ));
    }
    LocalBackend::new()
        .set(&format!("{IMPORTED}{}", s.id), text)
        .map_err(|e| prevent_core::store::StoreError::from(e).to_string())?;
    Ok(s)
}

/// Keeps a scenario written here (authoring), as its file.
pub fn keep(s: &Scenario) -> Result<(), String> {
    import(&scenario::to_json_string(s, &forms())).map(|_| ())
}

thread_local! {
    static SIMULATED: Cell<Option<Option<NaiveDate>>> = const { Cell::new(None) };
    /// Set when the trainee's Gateway Assessment was finalised in this page's life: the record
    /// is saved just after the next page is drawn, and that page must already be in the story's
    /// next day.
    static JUST_DECIDED: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// The trainee has just finalised Gateway Assessment `id`: if it is the attempt at the scenario
/// being worked, its later developments arrive now.
pub fn decided(id: &str) {
    let Some(working) = LocalBackend::new().get(ACTIVE).ok().flatten() else {
        return;
    };
    if play(&working).as_deref() == Some(id) {
        JUST_DECIDED.with(|c| *c.borrow_mut() = working);
        // Once the scenarios have loaded, if they have not yet ([`load`] does it then).
        if let Some(s) = active() {
            let _ = activate(&s);
        }
    }
}

/// A draft of form `form` was just finished: a Gateway Assessment's decision is final, so the
/// scenario's story moves on now, before the next page is drawn (the trainer's
/// `Bundle::finished`).
pub fn finished(form: crate::route::Form, id: &str) {
    if form == crate::route::Form::Pga {
        decided(id);
    }
}

/// The simulated today while a scenario is worked; `None` when none is.
pub fn simulated_today() -> Option<NaiveDate> {
    SIMULATED.with(|c| {
        if let Some(d) = c.get() {
            return d;
        }
        let d = LocalBackend::new()
            .get(TODAY)
            .ok()
            .flatten()
            .and_then(|t| prevent_core::date::parse_iso(&t));
        c.set(Some(d));
        d
    })
}

fn set_today(d: Option<NaiveDate>) {
    let b = LocalBackend::new();
    let _ = match d {
        Some(d) => b.set(TODAY, &d.to_string()),
        None => b.remove(TODAY),
    };
    SIMULATED.with(|c| c.set(Some(d)));
}

/// The scenario being worked, if any (and here: a shipped one once they have loaded).
pub fn active() -> Option<Scenario> {
    let id = LocalBackend::new().get(ACTIVE).ok().flatten()?;
    match find(&id) {
        Found::Here(s) => Some(s),
        _ => None,
    }
}

/// Works scenario `s` from now on: its simulated today (moved on to the developments once the
/// trainee's Gateway Decision is final). Returns whether it is.
pub fn activate(s: &Scenario) -> bool {
    let b = LocalBackend::new();
    if b.get(ACTIVE).ok().flatten().as_deref() != Some(s.id.as_str()) {
        let _ = b.set(ACTIVE, &s.id);
    }
    let decided = JUST_DECIDED.with(|c| *c.borrow() == s.id)
        || play(&s.id)
            .and_then(|id| crate::services::records::load(&id))
            .is_some_and(|d| d.is_locked());
    let today = s.today_after(decided);
    if simulated_today() != Some(today) {
        set_today(Some(today));
    }
    decided
}

/// Stops working any scenario: the real today again (authoring a model answer).
pub fn deactivate() {
    let _ = LocalBackend::new().remove(ACTIVE);
    set_today(None);
}

/// The id of the trainee's Gateway Assessment for scenario `id`, if they started one.
fn play(id: &str) -> Option<String> {
    LocalBackend::new()
        .get(&format!("{PLAY}{id}"))
        .ok()
        .flatten()
}

/// Starts an attempt at `s`: a new, empty Gateway Assessment, kept with the training records.
/// Returns its id.
pub fn start(s: &Scenario) -> Result<String, String> {
    JUST_DECIDED.with(|c| c.borrow_mut().clear());
    let _ = activate(s);
    let schema = crate::pga();
    let mut draft = Draft::new(schema, &new_id(), &clock::now());
    prevent_core::pga_form::record_framework(&mut draft, &crate::services::framework::current());
    store()
        .save_now(Envelope::wrap(&draft, &clock::now()), None)
        .map_err(|e| e.to_string())?;
    LocalBackend::new()
        .set(&format!("{PLAY}{}", s.id), &draft.id)
        .map_err(|e| prevent_core::store::StoreError::from(e).to_string())?;
    Ok(draft.id)
}

/// Ends the attempt at `s`, deleting its records, so that it can be started again.
pub fn restart(s: &Scenario) {
    let a = Attempts::load(s);
    let store = store();
    // The closure and its reviews, in progress too: linked to the assessment (REV-1).
    let closed = a.pga.iter().flat_map(|p| {
        [CLOSURE_FORM_ID, REVIEW_FORM_ID]
            .into_iter()
            .flat_map(|k| crate::services::records::linked(&p.id, k))
    });
    for d in a
        .pga
        .iter()
        .chain(&a.plp)
        .chain(&a.reviews)
        .cloned()
        .chain(closed.collect::<Vec<_>>())
    {
        let _ = store.delete_now(&d.id);
    }
    let _ = LocalBackend::new().remove(&format!("{PLAY}{}", s.id));
    JUST_DECIDED.with(|c| c.borrow_mut().clear());
    let _ = activate(s);
}

/// The trainee's records for one scenario, owned.
#[derive(Clone, Default, PartialEq)]
pub struct Attempts {
    /// Their Gateway Assessment.
    pub pga: Option<Draft>,
    /// Their PLP case: the one with the assessment's case reference.
    pub plp: Option<Draft>,
    /// Its reassessments.
    pub reviews: Vec<Draft>,
    /// The closure of the case outside PLP, linked to the assessment (REV-1).
    pub closure: Option<Draft>,
    /// That closed case's recorded reviews, oldest first.
    pub closed_reviews: Vec<Draft>,
}

impl Attempts {
    /// Loads the records of the attempt at `s`.
    pub fn load(s: &Scenario) -> Attempts {
        let pga = play(&s.id).and_then(|id| crate::services::records::load(&id));
        let (plp, reviews) = pga.as_ref().map(|p| case_of(p, false)).unwrap_or_default();
        let (closure, closed_reviews) = pga.as_ref().map(closed_of).unwrap_or_default();
        Attempts {
            pga,
            plp,
            reviews,
            closure,
            closed_reviews,
        }
    }

    /// As the core scores it: the first recorded reassessment.
    pub fn attempt(&self) -> Attempt<'_> {
        Attempt {
            pga: self.pga.as_ref(),
            plp: self.plp.as_ref(),
            review: self.reviews.first(),
            closure: self.closure.as_ref(),
            closed_review: self.closed_reviews.first(),
        }
    }
}

/// The PLP case made from Gateway Assessment `pga` (the latest with its case reference; only
/// finished ones if `finished_only`) and that case's recorded reassessments.
pub fn case_of(pga: &Draft, finished_only: bool) -> (Option<Draft>, Vec<Draft>) {
    let reference = pga.answers.text("case.reference");
    let plp = reference.and_then(|r| {
        let listing = store().list_now().ok()?;
        listing
            .drafts
            .iter()
            .filter(|d| d.kind == plp_form::FORM_ID)
            .filter_map(|d| crate::services::records::load(&d.id))
            .filter(|d| {
                (!finished_only || d.is_locked()) && d.answers.text("case.reference") == Some(r)
            })
            .max_by(|a, b| a.created_at.cmp(&b.created_at))
    });
    let mut reviews = plp
        .as_ref()
        .map(|p| crate::services::records::reviews_of(&p.id))
        .unwrap_or_default();
    reviews.retain(Draft::is_locked);
    (plp, reviews)
}

/// The recorded closure of Gateway Assessment `pga`'s case outside PLP, and its recorded
/// closed-case reviews, earliest first (REV-1): finished records only.
pub fn closed_of(pga: &Draft) -> (Option<Draft>, Vec<Draft>) {
    let linked = |kind| {
        let mut v = crate::services::records::linked(&pga.id, kind);
        v.retain(Draft::is_locked);
        v
    };
    let closure = linked(CLOSURE_FORM_ID).into_iter().next();
    let mut reviews = linked(REVIEW_FORM_ID);
    prevent_core::order::by_rank(&mut reviews, |d| {
        prevent_core::order::day(prevent_core::pga_form::date_of(&d.answers, "review.date"))
    });
    (closure, reviews)
}

/// The records of the attempt at `s` (see [`Attempts::load`]).
pub fn attempt_of(s: &Scenario) -> Attempts {
    Attempts::load(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// SIM-2: every scenario file in `crates/core/scenarios/` ships with the trainer: the index
    /// it fetches (`index.json`, which the build copies with the files) names each one (that
    /// each one reads is `crates/core/tests/scenario.rs`'s to check).
    #[test]
    fn sim_2_every_scenario_file_ships_and_reads_in_the_trainer() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/crates/core/scenarios");
        let index = std::fs::read_to_string(format!("{dir}/{}", scenario::INDEX_FILE))
            .expect("the index is in the scenarios' folder");
        let listed: Vec<String> = scenario::parse_index(&index)
            .expect("the index reads")
            .into_iter()
            .map(|s| s.file)
            .collect();
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".json") && n != scenario::INDEX_FILE)
            .collect();
        files.sort();
        let mut sorted = listed.clone();
        sorted.sort();
        assert_eq!(sorted, files, "a file in {dir} is missing from index.json");
        assert!(listed.len() >= 12);
        // The build copies that folder to the trainer's `scenarios/`, where `url` fetches them.
        let list: serde_json::Value =
            serde_json::from_str(include_str!("../../bundles.json")).expect("bundles.json is JSON");
        let trainer = list["bundles"]
            .as_array()
            .and_then(|b| b.iter().find(|b| b["name"] == crate::apps::TRAINER.name))
            .expect("the trainer is in bundles.json");
        assert_eq!(trainer["copy"]["scenarios"], "crates/core/scenarios");
    }
}
