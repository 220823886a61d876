//! Import of the JSON export, on the records hub (issue 6). The file is read whole and checked
//! by `prevent_core::import::parse` before anything is stored: a bad, truncated, oversized or
//! hostile file gets one message naming what is wrong, and changes nothing. A good one is shown
//! record by record; where a record with the same id is already here the user keeps both or
//! replaces it (a final record is never replaced: `import::resolve`). Final means final (issue
//! 16): a record that claims to be final but fails a rule of finalising, or a second final
//! Gateway Assessment for a case (PGA-10), refuses the file; a record here unchanged is
//! "already here"; one deleted here (its tombstone) comes back only as it was, or else as a
//! marked copy in progress. Then every record is saved, or, if storage fails half way, the
//! ones saved are taken back out. A hook returning markup rather than a component (each
//! component type costs download; docs/size.md).

use crate::components::*;
use crate::route::Form;
use crate::services::{clock, new_id, store};
use prevent_core::import::{self, Conflict, Held, Here, ImportedRecord, Resolution};
use prevent_core::store::Envelope;
use prevent_core::tombstone::Tombstone;
use prevent_core::{Draft, FormSchema};
use yew::prelude::*;

/// The forms this app imports (its bundle's).
fn known() -> Vec<&'static FormSchema> {
    (crate::bundle::current().forms)()
}

/// Where an import is.
#[derive(Clone, PartialEq)]
pub(super) enum Step {
    /// Nothing chosen yet.
    Idle,
    /// The file was refused: why.
    Refused(String),
    /// The file was read: each record, how it meets what is here, the choice, and for one
    /// deleted here the day it was deleted.
    Review(Vec<(ImportedRecord, Conflict, Resolution, String)>),
    /// Saved: how many.
    Done(usize),
}

/// The tombstones of the final records deleted here, read sealed through the store (the
/// manifest, issue 16); an error when they are there but cannot be read, so that an altered
/// record can never pass for new.
fn tombstones() -> Result<Vec<Tombstone>, String> {
    store().tombstones().map_err(|e| match e {
        prevent_core::store::StoreError::Unreadable { .. } => {
            "The list of final records deleted here cannot be read, so no record can be imported: nothing has been changed".to_string()
        }
        e => e.to_string(),
    })
}

/// What is here, for an import of `ids` (import::Here): every record by id and whether it is
/// final; the records with those ids read whole (their content digest), and every final
/// Gateway Assessment (its case reference); the tombstones.
fn here(ids: &[&str]) -> Result<Here, String> {
    let s = store();
    let forms = known();
    let mut out = Here {
        records: Default::default(),
        tombstones: tombstones()?,
    };
    for d in s.list_now().map_err(|e| e.to_string())?.drafts {
        let is_final = d.status == prevent_core::DraftStatus::Finished;
        let in_file = ids.contains(&d.id.as_str());
        // Read whole: a record the file has (for its digest), and a final one of a form with
        // one final record per case (PGA-10, for its case).
        let schema = forms.iter().find(|f| f.id == d.kind);
        let held = schema
            .filter(|f| in_file || (is_final && f.def.is_one_per_case()))
            .and_then(|f| {
                let r = s.load_now(&d.id).ok().flatten()?.open().ok()?;
                Some(Held::of(&r, f, in_file))
            })
            .unwrap_or_else(|| Held::listed(&d.id, is_final));
        out.records.push(held);
    }
    Ok(out)
}

/// Reads the file's records against what is here: each with its conflict, its default choice
/// and, for one deleted here, the day; or why the file is refused.
pub(super) fn review(imported: import::Imported) -> Result<Step, String> {
    let ids: Vec<&str> = imported
        .records
        .iter()
        .map(|r| r.draft.id.as_str())
        .collect();
    let here = here(&ids)?;
    let conflicts = import::conflicts(&imported, &known(), &here).map_err(|e| e.to_string())?;
    Ok(Step::Review(
        imported
            .records
            .into_iter()
            .zip(conflicts)
            .map(|(r, c)| {
                let on = here
                    .tombstones
                    .iter()
                    .find(|t| t.id == r.draft.id)
                    .and_then(|t| prevent_core::date::parse_iso(t.deleted_at.get(..10)?))
                    .map(prevent_core::date::long_date)
                    .unwrap_or_default();
                (r, c, c.choices()[0], on)
            })
            .collect(),
    ))
}

/// Saves the resolved records; on a failure, takes back out what this import saved and puts
/// back what it replaced, so a failed import changes nothing.
pub(super) fn save_all(
    records: &[(ImportedRecord, Conflict, Resolution, String)],
) -> Result<usize, String> {
    let ids: Vec<&str> = records.iter().map(|r| r.0.draft.id.as_str()).collect();
    let here = here(&ids)?;
    let chosen: Vec<(&Draft, Conflict, Resolution)> = records
        .iter()
        .map(|(r, c, choice, _)| (&r.draft, *c, *choice))
        .collect();
    let links = prevent_core::form_def::link_fields(&known());
    let drafts = import::resolve_all(&chosen, new_id, &here, &links).map_err(|e| e.to_string())?;
    let s = store();
    let now = clock::now();
    let mut undo: Vec<(String, Option<Envelope>)> = Vec::new();
    for d in &drafts {
        let before = s.load_now(&d.id).ok().flatten();
        let result = s.save_now(Envelope::wrap(d, &now), before.as_ref().map(|e| e.revision));
        match result {
            Ok(_) => undo.push((d.id.clone(), before)),
            Err(e) => {
                for (id, before) in undo.into_iter().rev() {
                    let _ = s.delete_now(&id);
                    if let Some(env) = before {
                        let _ = s.save_now(env, None);
                    }
                }
                return Err(format!("Nothing was imported: {e}"));
            }
        }
    }
    // A deleted final record restored as it was: its tombstone goes (it is here again).
    for t in here
        .tombstones
        .iter()
        .filter(|t| drafts.iter().any(|d| d.id == t.id))
    {
        let _ = s.lift_tombstone(t);
    }
    Ok(drafts.len())
}

/// One small GOV.UK radio.
fn radio(
    id: String,
    name: &str,
    checked: bool,
    label: &'static str,
    onchange: Callback<Event>,
) -> Html {
    html! {
        <div class="govuk-radios__item">
            <input class="govuk-radios__input" type="radio" id={id.clone()} name={name.to_string()} {checked} {onchange} />
            <label class="govuk-label govuk-radios__label" for={id}>{ label }</label>
        </div>
    }
}

/// The label of a choice, as offered for a conflict.
fn choice_label(c: Conflict, r: Resolution) -> &'static str {
    match (c, r) {
        (_, Resolution::KeepBoth) => "Keep both: add the imported one as a copy",
        (_, Resolution::Replace) => "Replace the one here with the imported one",
        (_, Resolution::MarkedCopy) => "Import it as a marked copy, in progress",
        (Conflict::Deleted, Resolution::Add) => "Restore it",
        (Conflict::Deleted, _) => "Leave it deleted",
        _ => "Leave it out",
    }
}

/// The import section of the records hub; `on_imported` is called once records are saved.
#[hook]
pub fn use_import(form: Form, on_imported: Callback<()>) -> Html {
    let step = use_state(|| Step::Idle);
    let input = use_node_ref();
    let on_file = {
        let step = step.clone();
        Callback::from(move |e: Event| {
            let Some(file) = crate::services::download::chosen_file(&e) else {
                return;
            };
            // Too big to read: refused before anything is read (import::MAX_BYTES).
            if file.size() > import::MAX_BYTES as f64 {
                step.set(Step::Refused(format!(
                    "The file is too big to be an export of this toolkit: the largest file that can be imported is {} MB",
                    import::MAX_BYTES / (1024 * 1024)
                )));
                return;
            }
            let step = step.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let text = crate::services::download::text_of(file).await;
                step.set(match text {
                    None => Step::Refused("The file could not be read: choose a JSON file downloaded from this toolkit".into()),
                    Some(t) => import::parse_text(&t, &known(), &clock::context())
                        .map_err(|e| e.to_string())
                        .and_then(review)
                        .unwrap_or_else(Step::Refused),
                });
            });
        })
    };
    let reset = {
        let step = step.clone();
        let input = input.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            if let Some(i) = input.cast::<web_sys::HtmlInputElement>() {
                i.set_value("");
            }
            step.set(Step::Idle);
        })
    };
    let on_confirm = {
        let step = step.clone();
        let on_imported = on_imported.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            if let Step::Review(records) = &*step {
                match save_all(records) {
                    Ok(n) => {
                        step.set(Step::Done(n));
                        on_imported.emit(());
                    }
                    Err(why) => step.set(Step::Refused(why)),
                }
            }
        })
    };
    let refused = match &*step {
        Step::Refused(why) => Some(why.clone()),
        _ => None,
    };
    let review = match &*step {
        Step::Review(records) => {
            let rows: Html = records
                .iter()
                .enumerate()
                .map(|(i, (r, conflict, choice, on))| {
                    let d = &r.draft;
                    let what = format!(
                        "{}: {} ({}){}",
                        Form::of(&d.form).record_name(),
                        d.label(),
                        if d.is_locked() { "final" } else { "in progress" },
                        d.finished.as_ref().map(|f| format!(", {}", f.reference)).unwrap_or_default()
                    );
                    let legend = match conflict {
                        Conflict::New => "New here: it will be added.".to_string(),
                        Conflict::AlreadyHere => "Already here, unchanged: nothing to import.".into(),
                        Conflict::SameFinal => "A final record with this id is already here. It is never replaced: the imported one will be added beside it as a copy with its own reference.".into(),
                        Conflict::Same => "A record with this id is already here, in progress. What should happen?".into(),
                        Conflict::SameFinalPga => "Another version of this Gateway Assessment is here, final. A case has only one (PGA-10, s8): this can only come in as a marked copy.".into(),
                        Conflict::Deleted => format!("You deleted this final record here on {on}. The file has it unchanged."),
                        Conflict::Altered => format!("A final record with this id was deleted here on {on}. This one differs from it (altered since), so it cannot come back as that record."),
                    };
                    let offered = conflict.choices();
                    let note = if offered.len() < 2 {
                        html! { { legend } }
                    } else {
                        let name = format!("import-{i}");
                        let radios: Html = offered.iter().map(|res| {
                            let res = *res;
                            let step = step.clone();
                            let pick = Callback::from(move |_: Event| {
                                if let Step::Review(mut all) = (*step).clone() {
                                    all[i].2 = res;
                                    step.set(Step::Review(all));
                                }
                            });
                            radio(format!("{name}-{}", res as u8), &name, *choice == res, choice_label(*conflict, res), pick)
                        }).collect();
                        html! {
                            <div class="govuk-form-group">
                                <fieldset class="govuk-fieldset">
                                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{ legend }</legend>
                                    <div class="govuk-radios govuk-radios--small">{ radios }</div>
                                </fieldset>
                            </div>
                        }
                    };
                    html! {
                        <li class="pct-import__record">
                            <p class="govuk-body govuk-!-margin-bottom-1"><strong>{ format!("Record {}. ", i + 1) }</strong>{ what }</p>
                            <div class="govuk-body">{ note }</div>
                        </li>
                    }
                })
                .collect();
            html! {
                <div id="import-review">
                    <h3 class="govuk-heading-s">{ format!("The file holds {} {}", records.len(), if records.len() == 1 { "record" } else { "records" }) }</h3>
                    <ol class="govuk-list">{ rows }</ol>
                    { button::group(ButtonGroupProps { children: html! { <>
                        { button::action("import-confirm", ButtonVariant::Primary, AttrValue::Static("Import these records"), on_confirm) }
                        { button::action("import-cancel", ButtonVariant::Secondary, AttrValue::Static("Cancel"), reset.clone()) }
                    </> } }) }
                </div>
            }
        }
        _ => Html::default(),
    };
    let what = if form == Form::Referral {
        "referrals"
    } else {
        "assessments and cases"
    };
    html! {
        <>
            <h2 class="govuk-heading-m" id="import-heading">{ "Import records" }</h2>
            <p class="govuk-body">{ "Downloads and imports use the toolkit's JSON format, described by its " }
                <a class="govuk-link" id="schema-link" href={if form == Form::Referral { AttrValue::Static("/schemas/records-v1.schema.json") } else { AttrValue::from(crate::nav::officer_path("/schemas/records-v1.schema.json")) }}>{ "published JSON Schema" }</a>{ "." }</p>
            if let Step::Done(n) = &*step {
                <NotificationBanner success={true} id="import-done" title={Some(AttrValue::from("Success"))}>
                    <p class="govuk-notification-banner__heading">{ match n { 0 => "No records imported".to_string(), 1 => "1 record imported".into(), _ => format!("{n} records imported") } }</p>
                </NotificationBanner>
            }
            <ErrorSummary items={refused.iter().map(|w| ErrorSummaryItem::new(format!("The file was not imported. {w}"), "import-file")).collect::<Vec<_>>()} />
            <div class={classes!("govuk-form-group", refused.is_some().then_some("govuk-form-group--error"))}>
                <label class="govuk-label" for="import-file">{ format!("Upload a JSON file of {what} downloaded from this toolkit") }</label>
                <div class="govuk-hint" id="import-file-hint">{ "Nothing is stored until you have checked what the file holds. A record already here that is final is never replaced." }</div>
                if let Some(why) = &refused {
                    <p class="govuk-error-message" id="import-file-error"><span class="govuk-visually-hidden">{ "Error: " }</span>{ format!("The file was not imported. {why}") }</p>
                }
                <input ref={input} class={classes!("govuk-file-upload", refused.is_some().then_some("govuk-file-upload--error"))} id="import-file" name="import-file" type="file" accept=".json,application/json"
                    aria-describedby={if refused.is_some() { "import-file-hint import-file-error" } else { "import-file-hint" }} onchange={on_file} />
            </div>
            { review }
        </>
    }
}
