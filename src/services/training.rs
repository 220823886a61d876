//! The trainer's bundle's own state (issue 7): the scenarios (shipped with the app, and those
//! imported from files), each trainee's attempt at one (its Gateway Assessment), the scenario
//! being worked, and its simulated today. Everything is kept under the training prefix of
//! storage (`local_store::TRAINING_PREFIX`), apart from real records. The rules (reading a
//! scenario, scoring) are in `prevent_core::scenario`.

use crate::services::{clock, new_id, store, LocalBackend};
use chrono::NaiveDate;
use prevent_core::calendar::{Calendar, Division};
use prevent_core::closed_case::{CLOSURE_FORM_ID, REVIEW_FORM_ID};
use prevent_core::scenario::{self, Attempt, Forms, Scenario};
use prevent_core::store::{Envelope, KvBackend};
use prevent_core::{plp_form, Draft};
use std::cell::Cell;
use std::sync::OnceLock;

/// The scenarios shipped with the app (`crates/core/scenarios/`, checked against the rules
/// by `crates/core/tests/scenario.rs`).
const SHIPPED: &[&str] = &[
    include_str!("../../crates/core/scenarios/01-stickers-at-exampleton-station.json"),
    include_str!("../../crates/core/scenarios/02-a-pupil-who-talks-of-travelling.json"),
    include_str!("../../crates/core/scenarios/03-a-foreign-national-and-the-lacc.json"),
    include_str!("../../crates/core/scenarios/04-remarks-in-the-canteen.json"),
    include_str!("../../crates/core/scenarios/05-purchases-at-the-garden-centre.json"),
    include_str!("../../crates/core/scenarios/06-a-club-on-the-trade-park.json"),
    include_str!("../../crates/core/scenarios/07-a-referral-before-christmas.json"),
    include_str!("../../crates/core/scenarios/08-a-brother-under-investigation.json"),
    include_str!("../../crates/core/scenarios/09-a-printer-in-the-spare-room.json"),
    include_str!("../../crates/core/scenarios/10-posters-on-the-high-street.json"),
    include_str!("../../crates/core/scenarios/11-leaflets-at-the-community-centre.json"),
    include_str!("../../crates/core/scenarios/12-six-months-after-channel.json"),
];

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

fn shipped() -> &'static [Scenario] {
    static SHIPPED_SCENARIOS: OnceLock<Vec<Scenario>> = OnceLock::new();
    SHIPPED_SCENARIOS.get_or_init(|| {
        SHIPPED
            .iter()
            .filter_map(|t| scenario::parse(t, &forms(), &calendar()).ok())
            .collect()
    })
}

/// Every scenario here: the shipped ones, then those imported, by title.
pub fn all() -> Vec<Scenario> {
    let mut out = shipped().to_vec();
    let b = LocalBackend::new();
    let mut imported: Vec<Scenario> = b
        .keys()
        .unwrap_or_default()
        .into_iter()
        .filter(|k| k.starts_with(IMPORTED))
        .filter_map(|k| b.get(&k).ok().flatten())
        .filter_map(|t| scenario::parse(&t, &forms(), &calendar()).ok())
        .collect();
    prevent_core::order::by_rank(&mut imported, |_| 0);
    out.append(&mut imported);
    out
}

/// True when the scenario was shipped with the app (it cannot be replaced by a file).
pub fn is_shipped(id: &str) -> bool {
    shipped().iter().any(|s| s.id == id)
}

/// The scenario `id`, if it is here.
pub fn find(id: &str) -> Option<Scenario> {
    all().into_iter().find(|s| s.id == id)
}

/// Reads a scenario file and keeps it. A bad file, or one with a shipped scenario's id, is
/// refused with the reason and changes nothing; a file with an imported scenario's id
/// replaces it (the trainer's newer version).
pub fn import(text: &str) -> Result<Scenario, String> {
    let s = scenario::parse(text, &forms(), &calendar()).map_err(|e| e.0)?;
    if is_shipped(&s.id) {
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
    if let Some(s) = active() {
        if play(&s.id).as_deref() == Some(id) {
            JUST_DECIDED.with(|c| *c.borrow_mut() = s.id.clone());
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

/// The scenario being worked, if any.
pub fn active() -> Option<Scenario> {
    let id = LocalBackend::new().get(ACTIVE).ok().flatten()?;
    find(&id)
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

    /// SIM-2: every scenario file in `crates/core/scenarios/` ships with the trainer (that each
    /// one reads is `crates/core/tests/scenario.rs`'s to check).
    #[test]
    fn sim_2_every_scenario_file_ships_and_reads_in_the_trainer() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/crates/core/scenarios");
        let files = std::fs::read_dir(dir)
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "json"))
            })
            .count();
        assert_eq!(
            SHIPPED.len(),
            files,
            "a file in {dir} is missing from SHIPPED"
        );
    }
}
