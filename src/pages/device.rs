//! "This device" on the records hub (issue 8): whether the browser keeps the toolkit's data
//! (`navigator.storage.persist()` is asked for once, and its answer shown), and wiping
//! everything the toolkit keeps here, after a confirmation. A hook returning markup rather than
//! a component (each component type costs download; ARCHITECTURE.md).

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
    let on_confirm = {
        let wipe = wipe.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
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
            if let Wipe::Said(said) = &*wipe {
                <NotificationBanner id="wipe-done"><p class="govuk-notification-banner__heading">{ said.clone() }</p></NotificationBanner>
            }
            if *wipe == Wipe::Confirm {
                <div id="wipe-confirm">
                    { warning_text::view(WarningTextProps::new(html! { { format!("This deletes every record and draft ({records}) and every setting the toolkit keeps in this browser. It cannot be undone. Download what you need first.") } })) }
                    { button::group(ButtonGroupProps { children: html! { <>
                        { button::view(ButtonProps { id: Some(AttrValue::from("wipe-yes")), button_type: "button".into(), variant: ButtonVariant::Warning, onclick: on_confirm, ..ButtonProps::new("Yes, delete everything") }) }
                        { button::view(ButtonProps { id: Some(AttrValue::from("wipe-cancel")), button_type: "button".into(), variant: ButtonVariant::Secondary, onclick: set(Wipe::Idle), ..ButtonProps::new("Cancel") }) }
                    </> } }) }
                </div>
            } else {
                { button::view(ButtonProps { id: Some(AttrValue::from("wipe")), button_type: "button".into(), variant: ButtonVariant::Warning, onclick: set(Wipe::Confirm), ..ButtonProps::new("Wipe all data on this device") }) }
            }
        </>
    }
}
