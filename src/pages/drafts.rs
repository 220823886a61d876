//! The records hub (issue 6): every record and draft of this bundle's forms with its type,
//! minimal label, last saved, status (and for officers the next deadline); filter by type and
//! status, sort by last change or next deadline; select some (or all shown) and download them as
//! one JSON file or, for one type, as CSV; import a JSON export. Each row resumes (or views) and
//! deletes its record; after a delete, a banner offers undo. Partners see their referrals at
//! `/drafts`; officers their assessments and cases at `/officer`. The list's rules are in
//! `prevent_core::records`; the import's in `prevent_core::import` (see `super::import`).
//!
//! The list shows [`records::PAGE_SIZE`] records a page, with GOV.UK pagination (`?page=N`), so
//! that a thousand records list at once (issue 9); the filters, "select every record shown" and
//! the downloads work on every record the filters show, on every page.

use crate::components::pagination::{self, PaginationProps};
use crate::components::*;
use crate::hooks::use_title;
use crate::nav;
use crate::route::{Form, Route};
use crate::router::*;
use crate::services::{clock, download::download, store};
use prevent_core::records::{self, Filter, Sort};
use prevent_core::store::{DraftStore, Listing, StoreError};
use prevent_core::{Draft, DraftStatus};
use std::collections::BTreeSet;
use yew::prelude::*;

/// Properties of [`Drafts`].
#[derive(Properties, PartialEq)]
pub struct DraftsProps {
    /// Which form's drafts.
    pub form: Form,
}

/// The type filter's options for officers: (value, label, form ids; none = every record).
const OFFICER_TYPES: [(&str, &str, &[&str]); 5] = [
    (
        "cases",
        "Gateway Assessments and PLP cases",
        &["pga", "plp"],
    ),
    ("pga", "Gateway Assessments", &["pga"]),
    ("plp", "PLP cases", &["plp"]),
    ("nrf", "Partners' referrals", &["nrf"]),
    (
        "all",
        "Every record, with each PLP case's linked records",
        &[],
    ),
];

/// The stored drafts with these ids, in this order; for officers, each PLP case followed by
/// the records linked to it (its reassessments, panels, submissions and closure), so that one
/// file holds the whole case.
fn load_selection(ids: &[String]) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::new();
    for id in ids {
        let Some(d) = super::pga_help::load(id) else {
            continue;
        };
        let linked = super::pga_help::case_records(&d);
        for x in std::iter::once(d).chain(linked) {
            if !out.iter().any(|o| o.id == x.id) {
                out.push(x);
            }
        }
    }
    out
}

/// A small GOV.UK checkbox with a visually hidden label, to select a row.
fn select_box(id: String, checked: bool, label: String, onchange: Callback<Event>) -> Html {
    html! {
        <div class="govuk-checkboxes govuk-checkboxes--small"><div class="govuk-checkboxes__item">
            <input class="govuk-checkboxes__input" type="checkbox" id={id.clone()} {checked} {onchange} />
            <label class="govuk-label govuk-checkboxes__label" for={id}><span class="govuk-visually-hidden">{ label }</span></label>
        </div></div>
    }
}

/// A cell of the hub's table (one function rather than markup in every row and column, for
/// download size).
fn cell(children: Html) -> Html {
    html! { <td class="govuk-table__cell">{ children }</td> }
}

/// A column header of the hub's table.
fn header(children: Html) -> Html {
    html! { <th scope="col" class="govuk-table__header">{ children }</th> }
}

/// A row's link ("Resume", "View", "Delete"), naming the record for screen readers.
fn row_link(navigator: &Navigator, href: AttrValue, text: &'static str, label: &str) -> Html {
    html! {
        <a class="govuk-link" href={href.clone()} onclick={nav::on_click(navigator, href)}>
            { text }<span class="govuk-visually-hidden">{ format!(" {label}") }</span>
        </a>
    }
}

/// Goes to another page of the list (a plain click on a pagination link) and moves focus to
/// the line that says which records it shows, in view at the top of the list.
fn to_page(navigator: &Navigator, href: AttrValue) -> Callback<MouseEvent> {
    let navigator = navigator.clone();
    Callback::from(move |_: MouseEvent| {
        nav::go(&navigator, &href);
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("records-range"))
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            el.scroll_into_view();
            let _ = el.focus();
        }
    })
}

/// The records hub.
#[component]
pub fn Drafts(props: &DraftsProps) -> Html {
    let form = props.form;
    // The partners' app lists only referrals: the officers' filters, sort and columns are the
    // officers' and trainer's.
    let officer = crate::bundle::current().paths.officer && form != Form::Referral;
    let title = if officer {
        "Your Gateway Assessments and PLP cases"
    } else {
        "Saved drafts"
    };
    use_title(title.into(), false);
    let settings = crate::hooks::use_settings();
    let navigator = use_navigator().expect("router");
    let location = use_location();
    let path = location
        .as_ref()
        .map_or_else(String::new, |l| l.path().to_string());
    let asked: usize = nav::query_value(&location, "page")
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let undo = crate::hooks::use_undo();
    // Listed before the first render, so that the page never shows an empty list first (a
    // user, or a test, reading it at once would be told wrong).
    let listing = use_state(|| Some::<Result<Listing, StoreError>>(store().list_now()));
    let reload = use_state(|| 0u32);
    let problem = use_state(|| None::<String>);
    let kind = use_state(|| "cases".to_string());
    let status = use_state(String::new);
    // "What is due" (the deadline calculator's link) opens the list soonest deadline first.
    let sort_value = use_state(|| nav::query_value(&location, "sort").unwrap_or_default());
    let selected = use_state(BTreeSet::<String>::new);
    let import = {
        let reload = reload.clone();
        super::import::use_import(form, Callback::from(move |_: ()| reload.set(*reload + 1)))
    };
    let stored = match &*listing {
        Some(Ok(l)) => l.drafts.len(),
        _ => 0,
    };
    let device = {
        let reload = reload.clone();
        super::device::use_device(stored, Callback::from(move |_: ()| reload.set(*reload + 1)))
    };
    {
        let listing = listing.clone();
        use_effect_with(*reload, move |n| {
            if *n > 0 {
                wasm_bindgen_futures::spawn_local(async move {
                    listing.set(Some(store().list().await));
                });
            }
        });
    }
    let on_undo = {
        let undo = undo.clone();
        let reload = reload.clone();
        let problem = problem.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            if let Some(env) = (*undo).clone() {
                let undo = undo.clone();
                let reload = reload.clone();
                let problem = problem.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    match crate::services::local_store::undelete(env) {
                        Ok(()) => {
                            undo.set(None);
                            reload.set(*reload + 1);
                        }
                        Err(e) => problem.set(Some(e.to_string())),
                    }
                });
            }
        })
    };
    let filter = Filter {
        kinds: if officer {
            OFFICER_TYPES
                .iter()
                .find(|(v, _, _)| *v == kind.as_str())
                .map_or(&[][..], |(_, _, k)| *k)
                .iter()
                .map(|k| k.to_string())
                .collect()
        } else {
            vec![form.id().to_string()]
        },
        status: match status.as_str() {
            "in-progress" => Some(DraftStatus::InProgress),
            "finished" => Some(DraftStatus::Finished),
            _ => None,
        },
    };
    let cal = settings.calendar.calendar();
    let empty = Vec::new();
    let all: &Vec<_> = match &*listing {
        Some(Ok(l)) => &l.drafts,
        _ => &empty,
    };
    let sort = if *sort_value == "deadline" {
        Sort::NextDeadline
    } else {
        Sort::LastChanged
    };
    let shown = records::list(all, &filter, sort, |id| {
        super::pga_help::next_due(id, &cal).map(|d| d.due)
    });
    let page = records::page(shown.len(), asked, records::PAGE_SIZE);
    let shown_ids: Vec<String> = shown.iter().map(|d| d.id.clone()).collect();
    // What is selected and still shown: a filter hides a selection rather than exporting
    // records nobody can see.
    let chosen: Vec<String> = shown_ids
        .iter()
        .filter(|id| selected.contains(*id))
        .cloned()
        .collect();
    let all_chosen = !shown_ids.is_empty() && chosen.len() == shown_ids.len();
    let toggle = |id: String| {
        let selected = selected.clone();
        Callback::from(move |_: Event| {
            let mut s = (*selected).clone();
            if !s.remove(&id) {
                s.insert(id.clone());
            }
            selected.set(s);
        })
    };
    let on_all = {
        let selected = selected.clone();
        let shown_ids = shown_ids.clone();
        Callback::from(move |_: Event| {
            let mut s = (*selected).clone();
            for id in &shown_ids {
                if all_chosen {
                    s.remove(id);
                } else {
                    s.insert(id.clone());
                }
            }
            selected.set(s);
        })
    };
    let on_json = {
        let chosen = chosen.clone();
        let problem = problem.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            if chosen.is_empty() {
                problem.set(Some("Select the records to download first".into()));
                return;
            }
            let drafts = load_selection(&chosen);
            let records: Vec<(&prevent_core::FormSchema, &Draft)> = drafts
                .iter()
                .map(|d| (crate::schema(Form::of(&d.form)), d))
                .collect();
            let text = prevent_core::export::selection_to_json_string(&records, &clock::context());
            let name = format!(
                "prevent-records-{}-{}.json",
                clock::today().to_string().replace('-', ""),
                drafts.len()
            );
            let p = download(&name, "application/json", &text).err();
            if *problem != p {
                problem.set(p);
            }
        })
    };
    let on_csv = {
        let chosen = chosen.clone();
        let problem = problem.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            if chosen.is_empty() {
                problem.set(Some("Select the records to download first".into()));
                return;
            }
            let chosen = chosen.clone();
            let problem = problem.clone();
            wasm_bindgen_futures::spawn_local(async move {
                // One store for the whole selection, its entries opened first by WebCrypto,
                // all at once (a thousand records; issue 22, item 5; decision 0029).
                let s = crate::services::records::opened(&chosen).await;
                let drafts: Vec<Draft> = chosen
                    .iter()
                    .filter_map(|id| s.load_now(id).ok().flatten()?.open().ok())
                    .collect();
                drop(s);
                let Some(first) = drafts.first() else {
                    problem.set(Some("Select the records to download first".into()));
                    return;
                };
                if drafts.iter().any(|d| d.form != first.form) {
                    problem.set(Some("A CSV file holds one type of record: select records of one type, or filter by type first".into()));
                    return;
                }
                let schema = crate::schema(Form::of(&first.form));
                let text = prevent_core::csv_export::to_csv(schema, &drafts, &clock::context());
                let name = format!(
                    "prevent-{}-records-{}.csv",
                    first.form,
                    clock::today().to_string().replace('-', "")
                );
                let p = download(&name, "text/csv", &text).err();
                if *problem != p {
                    problem.set(p);
                }
            });
        })
    };
    let select = |id: &'static str,
                  label: &'static str,
                  items: Vec<(&'static str, &'static str)>,
                  value: &UseStateHandle<String>| {
        let value2 = value.clone();
        let navigator = navigator.clone();
        let first_page = (asked > 1).then(|| path.clone());
        html! {
            <Select id={id} name={id} label={label}
                items={items.into_iter().map(|(v, l)| (AttrValue::Static(v), AttrValue::Static(l))).collect::<Vec<_>>()}
                selected={Some(AttrValue::from((**value).clone()))}
                onchange={Callback::from(move |v: String| {
                    value2.set(v);
                    // Another filter or order starts again at its first page.
                    if let Some(p) = &first_page {
                        nav::go(&navigator, p);
                    }
                })} />
        }
    };
    let rows: Html = match &*listing {
        None => html! { <p class="govuk-body">{ "Loading…" }</p> },
        Some(Err(e)) => html! { <p class="govuk-body">{ e.to_string() }</p> },
        Some(Ok(_)) if shown.is_empty() => {
            html! { <p class="govuk-body" id="no-drafts">{ if all.is_empty() { "You have no saved drafts in this browser." } else { "No records match these filters." } }</p> }
        }
        Some(Ok(_)) => {
            let body: Html = shown[page.start..page.end]
                .iter()
                .map(|d| {
                    let f = Form::of(&d.kind);
                    let resume = match d.status {
                        DraftStatus::InProgress => nav::href(&Route::FormTasks { form: f, id: d.id.clone() }),
                        // A partner's referral opened in the officers' app (issue 20, item 4).
                        DraftStatus::Finished if officer && f == Form::Referral => nav::href(&Route::PartnerReferral { id: Some(d.id.clone()) }),
                        DraftStatus::Finished => nav::href(&Route::FormDone { form: f, id: d.id.clone() }),
                    };
                    let resume_text = if d.status == DraftStatus::Finished { "View" } else { "Resume" };
                    let delete = nav::href(&Route::DeleteDraft { form, id: d.id.clone() });
                    let kind = Form::of(&d.kind).record_name();
                    let tag = if d.status == DraftStatus::Finished { "govuk-tag govuk-tag--green" } else { "govuk-tag govuk-tag--blue" };
                    let check = format!("select-{}", d.id);
                    html! {
                        <tr class="govuk-table__row">
                            { cell(select_box(check, selected.contains(&d.id), format!("Select {kind} {}", d.label), toggle(d.id.clone()))) }
                            { cell(kind.into()) }
                            { cell(d.label.clone().into()) }
                            { cell(clock::local_time(&d.saved_at).into()) }
                            { cell(html! { <strong class={tag}>{ d.status.label() }</strong> }) }
                            if officer {
                                { cell(super::pga_help::next_deadline(&d.id, &settings.calendar).into()) }
                            }
                            { cell(html! { <>
                                { row_link(&navigator, resume, resume_text, &d.label) }
                                { " " }
                                { row_link(&navigator, delete, "Delete", &d.label) }
                            </> }) }
                        </tr>
                    }
                })
                .collect();
            let link = |n: usize| {
                let href = AttrValue::from(if n == 1 {
                    path.clone()
                } else {
                    format!("{path}?page={n}")
                });
                (href.clone(), to_page(&navigator, href))
            };
            let several = page.pages > 1;
            html! {
                <>
                if several {
                    <p class="govuk-body" id="records-range" tabindex="-1">
                        { format!("Showing {} to {} of {} records", records::count(page.start + 1), records::count(page.end), records::count(shown.len())) }
                    </p>
                }
                // Wider than a phone: scrolls inside its own labelled region, not the page
                // (WCAG 1.4.10; issue 21, item 4).
                <div class="pct-table-scroll" role="region" aria-label={title} tabindex="0">
                <table class="govuk-table" id="drafts-table">
                    <caption class="govuk-table__caption govuk-visually-hidden">{ title }</caption>
                    <thead class="govuk-table__head">
                        <tr class="govuk-table__row">
                            { header(select_box("select-all".into(), all_chosen, if several { format!("Select every record shown, on all {} pages", page.pages) } else { "Select every record shown".into() }, on_all)) }
                            { header("Type".into()) }
                            { header("About".into()) }
                            { header("Last saved".into()) }
                            { header("Status".into()) }
                            if officer {
                                { header("Next deadline".into()) }
                            }
                            { header(html! { <span class="govuk-visually-hidden">{ "Actions" }</span> }) }
                        </tr>
                    </thead>
                    <tbody class="govuk-table__body">{ body }</tbody>
                </table>
                </div>
                { pagination::view(PaginationProps { page: page.number, pages: page.pages, links: records::page_links(page), label: "Pages of records", link: &link }) }
                <p class="govuk-body" id="selected-count" aria-live="polite">{ format!("{} of {} shown selected", records::count(chosen.len()), records::count(shown_ids.len())) }</p>
                { button::group(ButtonGroupProps { children: html! { <>
                    { button::action("download-selected-json", ButtonVariant::Secondary, AttrValue::Static("Download selected (JSON)"), on_json) }
                    { button::action("download-selected-csv", ButtonVariant::Secondary, AttrValue::Static("Download selected (CSV)"), on_csv) }
                </> } }) }
                </>
            }
        }
    };
    let start = nav::href(&Route::FormStart { form });
    let start_plp = nav::href(&Route::FormStart { form: Form::Plp });
    // The officers' app opens partners' referrals; the trainer's does not (issue 20, item 4).
    let open_referral = (officer && !crate::bundle::current().paths.training)
        .then(|| nav::href(&Route::PartnerReferral { id: None }));
    let team_key = nav::href(&Route::TeamKey);
    html! {
        <>
            if undo.is_some() {
                <NotificationBanner success={true} id="deleted-banner" title={Some(AttrValue::from("Success"))}>
                    <p class="govuk-notification-banner__heading">
                        // Issue 21, item 7: a final record is not a draft.
                        { if undo.as_ref().is_some_and(|e| e.status == prevent_core::DraftStatus::Finished) { "Final record deleted. " } else { "Draft deleted. " } }
                        <a class="govuk-notification-banner__link" href="#" id="undo-delete" onclick={on_undo}>{ "Undo" }</a>
                    </p>
                </NotificationBanner>
            }
            if let Some(p) = &*problem {
                <NotificationBanner id="undo-problem"><p class="govuk-notification-banner__heading">{ p.clone() }</p></NotificationBanner>
            }
            <h1 class="govuk-heading-l">{ title }</h1>
            <p class="govuk-body">{ "Drafts are kept in this browser on this device only, encrypted with your passphrase. Delete drafts you no longer need." }</p>
            if let Some(Ok(l)) = &*listing {
                { super::device::retention_notice(l, { let reload = reload.clone(); Callback::from(move |_: ()| reload.set(*reload + 1)) }) }
            }
            if let Some(Ok(l)) = &*listing {
                { set_aside(l) }
            }
            <div class="pct-filters" id="records-filters">
                if officer {
                    { select("filter-type", "Type", OFFICER_TYPES.iter().map(|(v, l, _)| (*v, *l)).collect(), &kind) }
                }
                { select("filter-status", "Status", vec![("", "Any status"), ("in-progress", "In progress"), ("finished", "Finished")], &status) }
                // Referrals have no deadlines: newest first is their only order.
                if officer {
                    { select("sort", "Sort by", vec![("", "Last saved, newest first"), ("deadline", "Next deadline, soonest first")], &sort_value) }
                }
            </div>
            { rows }
            if officer {
                { button::group(ButtonGroupProps { children: html! { <>
                    { button::view(ButtonProps { href: Some(start.clone()), onclick: nav::on_click(&navigator, start), ..ButtonProps::new("Start a new Gateway Assessment") }) }
                    { button::view(ButtonProps { href: Some(start_plp.clone()), onclick: nav::on_click(&navigator, start_plp), variant: ButtonVariant::Secondary, ..ButtonProps::new("Start a PLP case") }) }
                    if let Some(o) = open_referral.clone() {
                        { button::view(ButtonProps { href: Some(o.clone()), onclick: nav::on_click(&navigator, o), variant: ButtonVariant::Secondary, id: Some("open-referral".into()), ..ButtonProps::new("Open a partner's referral") }) }
                    }
                </> } }) }
                if open_referral.is_some() {
                    <p class="govuk-body"><a class="govuk-link" id="team-key-link" href={team_key.clone()} onclick={nav::on_click(&navigator, team_key)}>{ "Your team's key for protected referrals" }</a></p>
                }
            } else {
                <p class="govuk-body"><a class="govuk-link" href={start.clone()} onclick={nav::on_click(&navigator, start)}>{ "Make a new referral" }</a></p>
            }
            { import }
            { device }
        </>
    }
}

/// The entries the store set aside (issue 16, item 5: an older copy put back, a deleted
/// record's copy put back, an entry in clear, one that does not open), each named and why;
/// and a manifest that did not open. An entry the toolkit sealed is named by its type, label
/// and when it was saved; any other by the first 8 characters of its id, as its reference ends.
fn set_aside(l: &Listing) -> Html {
    let n = l.set_aside.len();
    let (a, b) = if n == 1 {
        ("draft has", "It has been left as it was and is")
    } else {
        ("drafts have", "They have been left as they were and are")
    };
    let items = l.set_aside.iter().map(|s| {
        let name = match &s.record {
            Some(r) => format!(
                "{} \u{201c}{}\u{201d}, saved {}",
                Form::of(&r.kind).record_name(),
                r.label,
                clock::local_time(&r.saved_at)
            ),
            None => format!(
                "A saved entry, {}",
                s.id.get(..8).unwrap_or(&s.id).to_ascii_uppercase()
            ),
        };
        html! { <li>{ format!("{name}: {}.", s.why) }</li> }
    });
    html! {
        <div id="set-aside">
            if n > 0 {
                { warning_text::view(WarningTextProps::new(html! { { format!("{n} saved {a} been set aside. {b} not listed here:") } })) }
                <ul class="govuk-list govuk-list--bullet">{ for items }</ul>
            }
            if l.manifest_damaged {
                <p class="govuk-body" id="manifest-damaged">{ "The toolkit\u{2019}s list of your saved records could not be opened, so it has been made again from the records in this browser. Check that your finished records are as you left them." }</p>
            }
        </div>
    }
}
