//! "This device" on the records hub (issue 8): whether the browser keeps the toolkit's data
//! (`navigator.storage.persist()` is asked for once, and its answer shown), the passphrase
//! that encrypts it (change it: everything is encrypted again, all or nothing), how long the
//! toolkit waits before locking itself, and wiping everything the toolkit keeps here (the
//! passphrase too), after a confirmation. A hook returning markup rather than
//! a component (each component type costs download; docs/size.md).

use crate::components::*;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// Where a wipe is: not asked, asking for confirmation, or done (with what to say).
#[derive(Clone, PartialEq)]
enum Wipe {
    Idle,
    Confirm,
    Said(String),
}

/// The section; `on_wiped` is called once the data is gone.
#[hook]
pub fn use_device(records: usize, on_wiped: Callback<()>) -> Html {
    let persisted = use_state(|| None::<bool>);
    let wipe = use_state(|| Wipe::Idle);
    {
        let persisted = persisted.clone();
        use_effect_with((), move |_| {
            if let Some(sm) = web_sys::window().map(|w| w.navigator().storage()) {
                if let Ok(p) = sm.persist() {
                    wasm_bindgen_futures::spawn_local(async move {
                        let granted = JsFuture::from(p).await.ok().and_then(|v| v.as_bool());
                        persisted.set(Some(granted == Some(true)));
                    });
                }
            }
        });
    }
    let set = |to: Wipe| {
        let wipe = wipe.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            wipe.set(to.clone());
        })
    };
    let passphrase = use_passphrase();
    let retention = use_state(retention_days);
    let on_retention = {
        let retention = retention.clone();
        let on_wiped = on_wiped.clone();
        Callback::from(move |v: String| {
            use prevent_core::store::KvBackend;
            if let Ok(d) = v.parse::<u32>() {
                if crate::services::LocalBackend::new()
                    .set(RETENTION_KEY, &d.to_string())
                    .is_ok()
                {
                    retention.set(d);
                    // The hub's warnings follow the new setting at once.
                    on_wiped.emit(());
                }
            }
        })
    };
    let on_confirm = {
        let wipe = wipe.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            crate::services::vault::forget();
            let said = match crate::services::local_store::wipe() {
                Ok(n) => format!("Everything this toolkit kept in this browser has been deleted ({n} {}).", if n == 1 { "entry" } else { "entries" }),
                Err(_) => "The browser did not let the toolkit delete all its data: try again, or clear this site's data in the browser's settings.".into(),
            };
            on_wiped.emit(());
            wipe.set(Wipe::Said(said));
        })
    };
    let status = match *persisted {
        None => "Checking whether this browser keeps the toolkit's data…",
        Some(true) => "This browser keeps the toolkit's data until you delete it.",
        Some(false) => "This browser may delete the toolkit's data when it runs short of space. Download what you need to keep.",
    };
    html! {
        <>
            <h2 class="govuk-heading-m" id="device-heading">{ "This device" }</h2>
            <p class="govuk-body" id="storage-persisted">{ status }</p>
            { passphrase }
            <Select id="retention-days" name="retention-days" label="Offer to remove records not changed for"
                hint={Some(AttrValue::from("You are told two weeks before, and asked before anything is removed."))}
                items={prevent_core::records::RETENTION_CHOICES.iter().map(|(d, l)| (AttrValue::from(d.to_string()), AttrValue::from(*l))).collect::<Vec<_>>()}
                selected={Some(AttrValue::from(retention.to_string()))} onchange={on_retention} />
            if let Wipe::Said(said) = &*wipe {
                <NotificationBanner id="wipe-done">
                    <p class="govuk-notification-banner__heading">{ said.clone() }</p>
                    if !crate::bundle::current().paths.training {
                        <p class="govuk-body">{ "The passphrase went with it: set a new one to keep drafts again." }</p>
                        { button::action("wipe-continue", ButtonVariant::Primary, AttrValue::Static("Continue"), Callback::from(|_: MouseEvent| crate::services::vault::lock())) }
                    }
                </NotificationBanner>
            }
            if *wipe == Wipe::Confirm {
                <div id="wipe-confirm">
                    { warning_text::view(WarningTextProps::new(html! { { format!("This deletes every record and draft ({records}) and every setting the toolkit keeps in this browser. It cannot be undone. Download what you need first.") } })) }
                    { button::group(ButtonGroupProps { children: html! { <>
                        { button::action("wipe-yes", ButtonVariant::Warning, AttrValue::Static("Yes, delete everything"), on_confirm) }
                        { button::action("wipe-cancel", ButtonVariant::Secondary, AttrValue::Static("Cancel"), set(Wipe::Idle)) }
                    </> } }) }
                </div>
            } else {
                { button::action("wipe", ButtonVariant::Warning, AttrValue::Static("Wipe all data on this device"), set(Wipe::Confirm)) }
            }
        </>
    }
}

/// What the passphrase form has said.
#[derive(Clone, Default, PartialEq)]
struct Change {
    current: String,
    new: String,
    confirm: String,
    errors: Vec<(String, String)>,
    done: Option<String>,
    busy: bool,
}

/// The passphrase section: change it, and the idle time before locking (issue 8).
#[hook]
fn use_passphrase() -> Html {
    let change = use_state(Change::default);
    let minutes = use_state(crate::services::vault::autolock_minutes);
    if crate::bundle::current().paths.training {
        return Html::default();
    }
    let field = |f: fn(&mut Change, String)| {
        let change = change.clone();
        Callback::from(move |v: String| {
            let mut next = (*change).clone();
            f(&mut next, v);
            change.set(next);
        })
    };
    let on_change = {
        let change = change.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if change.busy {
                return;
            }
            let mut next = (*change).clone();
            next.errors.clear();
            next.done = None;
            if next.current.is_empty() {
                next.errors.push((
                    "current-passphrase".into(),
                    "Enter your current passphrase".into(),
                ));
            }
            if let Err((confirm, e)) = prevent_core::vault::check_new(&next.new, &next.confirm) {
                let field = if confirm {
                    "new-passphrase-confirm"
                } else {
                    "new-passphrase"
                };
                next.errors.push((field.into(), e));
            }
            if !next.errors.is_empty() {
                change.set(next);
                return;
            }
            next.busy = true;
            change.set(next.clone());
            let change = change.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = crate::services::vault::change(&next.current, &next.new).await;
                change.set(match result {
                    Ok(n) => Change {
                        done: Some(format!(
                            "Your passphrase is changed: {n} {} encrypted again with it.",
                            if n == 1 {
                                "draft or record was"
                            } else {
                                "drafts and records were"
                            }
                        )),
                        ..Change::default()
                    },
                    Err(e) => Change {
                        errors: vec![("current-passphrase".into(), e)],
                        ..Change::default()
                    },
                });
            });
        })
    };
    let on_minutes = {
        let minutes = minutes.clone();
        Callback::from(move |v: String| {
            if let Ok(m) = v.parse::<u32>() {
                if crate::services::vault::set_autolock_minutes(m).is_ok() {
                    minutes.set(m);
                }
            }
        })
    };
    let error_for = |id: &str| {
        change
            .errors
            .iter()
            .find(|(f, _)| f == id)
            .map(|(_, m)| AttrValue::from(m.clone()))
    };
    let password = |id: &'static str,
                    label: &'static str,
                    value: &str,
                    new: bool,
                    f: fn(&mut Change, String)| {
        password_input::view(PasswordInputProps {
            error: error_for(id),
            value: value.to_string().into(),
            oninput: field(f),
            new,
            ..PasswordInputProps::new(id, label)
        })
    };
    html! {
        <>
            <h3 class="govuk-heading-s" id="passphrase-heading">{ "Passphrase" }</h3>
            <p class="govuk-body">{ "Every draft and record is kept encrypted in this browser (AES-256-GCM) with a key made from your passphrase. The toolkit locks itself when you have been away, and you can lock it now with the link at the top of each page." }</p>
            <Select id="autolock" name="autolock" label="Lock after this long without use" hint={AttrValue::Static("Two minutes before it locks, it warns you and you can stay unlocked.")}
                items={[5u32, 15, 30, 60].iter().map(|m| (AttrValue::from(m.to_string()), AttrValue::from(format!("{m} minutes")))).collect::<Vec<_>>()}
                selected={Some(AttrValue::from(minutes.to_string()))} onchange={on_minutes} />
            if let Some(done) = &change.done {
                <div class="govuk-inset-text" id="passphrase-changed" role="status">{ done.clone() }</div>
            }
            <details class="govuk-details" open={!change.errors.is_empty()}>
                <summary class="govuk-details__summary"><span class="govuk-details__summary-text">{ "Change your passphrase" }</span></summary>
                <div class="govuk-details__text">
                    if !change.errors.is_empty() {
                        <ErrorSummary items={change.errors.iter().map(|(f, m)| ErrorSummaryItem::new(m.clone(), f.clone())).collect::<Vec<_>>()} />
                    }
                    // A form, so that submitting it hides a passphrase shown as text (PasswordInput).
                    <form novalidate=true onsubmit={on_change}>
                        { password("current-passphrase", "Current passphrase", &change.current, false, |c, v| c.current = v) }
                        { password("new-passphrase", "New passphrase (at least 10 characters)", &change.new, true, |c, v| c.new = v) }
                        { password("new-passphrase-confirm", "Confirm the new passphrase", &change.confirm, true, |c, v| c.confirm = v) }
                        { button::view(ButtonProps { id: Some(AttrValue::from("change-passphrase")), disabled: change.busy, ..ButtonProps::new(if change.busy { "Encrypting again…" } else { "Change passphrase" }) }) }
                    </form>
                </div>
            </details>
        </>
    }
}

/// Where the retention setting is kept (a plain setting: days, 0 for none).
const RETENTION_KEY: &str = "pct.retention";

/// The retention setting, in days (0: keep records until the user deletes them).
pub fn retention_days() -> u32 {
    use prevent_core::store::KvBackend;
    crate::services::LocalBackend::new()
        .get(RETENTION_KEY)
        .ok()
        .flatten()
        .and_then(|t| t.parse().ok())
        .filter(|d| {
            prevent_core::records::RETENTION_CHOICES
                .iter()
                .any(|(c, _)| c == d)
        })
        .unwrap_or(0)
}

/// The retention warnings at the top of the records hub (issue 8): records that reach the
/// limit soon, with the day, and those past it, which the user is asked to remove (after
/// downloading what they need). Nothing is removed unasked.
pub fn retention_notice(listing: &prevent_core::store::Listing, on_removed: Callback<()>) -> Html {
    let days = retention_days();
    let r =
        prevent_core::records::retention(&listing.drafts, crate::services::clock::today(), days);
    if r.due.is_empty() && r.expired.is_empty() {
        return Html::default();
    }
    let label = |id: &str| {
        listing
            .drafts
            .iter()
            .find(|d| d.id == id)
            .map(|d| {
                if d.label.is_empty() {
                    d.kind.clone()
                } else {
                    d.label.clone()
                }
            })
            .unwrap_or_default()
    };
    let period = prevent_core::records::RETENTION_CHOICES
        .iter()
        .find(|(d, _)| *d == days)
        .map_or("", |(_, l)| l);
    let remove = {
        let expired = r.expired.clone();
        Callback::from(move |_: MouseEvent| {
            // A final record leaves its tombstone (issue 16), as any delete does.
            for id in &expired {
                let _ = crate::services::local_store::delete(id);
            }
            on_removed.emit(());
        })
    };
    html! {
        <div id="retention">
            if !r.expired.is_empty() {
                { warning_text::view(WarningTextProps::new(html! {
                    { format!("{} {} not been changed for {period} or more, the time set under \"This device\". Download any you need to keep, then remove {} from this browser.", r.expired.len(), if r.expired.len() == 1 { "record has" } else { "records have" }, if r.expired.len() == 1 { "it" } else { "them" }) }
                })) }
                <ul class="govuk-list govuk-list--bullet" id="retention-expired">
                    { for r.expired.iter().map(|id| html! { <li>{ label(id) }</li> }) }
                </ul>
                { button::action("retention-remove", ButtonVariant::Warning, AttrValue::Static(if r.expired.len() == 1 { "Remove it now" } else { "Remove them now" }), remove) }
            }
            if !r.due.is_empty() {
                <div class="govuk-inset-text" id="retention-due">
                    { format!("Not changed for nearly {period}: ") }
                    { for r.due.iter().enumerate().map(|(i, (id, day))| html! { <>{ if i > 0 { "; " } else { "" } }{ format!("{} (due for removal on {})", label(id), prevent_core::date::long_date(*day)) }</> }) }
                    { ". Open or download them to keep them." }
                </div>
            }
        </div>
    }
}
