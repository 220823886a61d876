//! Loads a draft for the pages inside it and shares its session through context. Shows what
//! went wrong when the draft is missing or cannot be read, and save problems on every page.

use crate::components::*;
use crate::hooks::{use_draft, SaveNow};
use crate::nav;
use crate::route::Form;
use crate::router::*;
use crate::state::{Load, Save, SessionHandle};
use yew::prelude::*;

/// Properties of [`DraftScope`].
#[derive(Properties, PartialEq)]
pub struct DraftScopeProps {
    /// Draft id.
    pub id: AttrValue,
    /// The form the URL is for: a draft of another form is not shown here.
    pub form: Form,
    /// The page.
    pub children: Html,
}

/// Provides the session of draft `id` to its children.
#[component]
pub fn DraftScope(props: &DraftScopeProps) -> Html {
    let (session, save_now) = use_draft(props.id.to_string());
    let navigator = use_navigator().expect("router");
    let drafts = nav::href(&props.form.drafts());
    let other_form = session
        .draft
        .as_ref()
        .is_some_and(|d| d.form != props.form.id());
    let load = if other_form {
        &Load::Missing
    } else {
        &session.load
    };
    match load {
        Load::Loading => {
            html! { <p class="govuk-body">{ "Loading your draft…" }</p> }
        }
        Load::Missing => html! {
            <>
                <h1 class="govuk-heading-l">{ "This draft is not in this browser" }</h1>
                <p class="govuk-body">{ "It may have been deleted, or saved in another browser or on another device." }</p>
                <p class="govuk-body"><a class="govuk-link" href={drafts.clone()} onclick={nav::on_click(&navigator, drafts)}>{ "See your saved drafts" }</a></p>
            </>
        },
        Load::Failed(e) => html! {
            <>
                <h1 class="govuk-heading-l">{ "This draft cannot be opened" }</h1>
                <p class="govuk-body">{ e.to_string() }</p>
            </>
        },
        Load::Ready => html! {
            <>
                if let Save::Failed(e) = &session.save {
                    <NotificationBanner title={Some(AttrValue::from("Not saved"))} id="save-problem">
                        <p class="govuk-notification-banner__heading">{ e.to_string() }</p>
                        if matches!(e, prevent_core::store::StoreError::Conflict { .. }) {
                            { conflict_choices(&session, props.form, &navigator) }
                        }
                    </NotificationBanner>
                }
                // A marked copy says so on every page of it (issue 16: never taken for the final
                // record it copies).
                if let Some(c) = session.draft.as_ref().and_then(|d| d.copy_of.clone()) {
                    <NotificationBanner title={Some(AttrValue::from("Important"))} id="marked-copy">
                        <p class="govuk-notification-banner__heading">{ "This is a marked copy, not a final record" }</p>
                        <p class="govuk-body">{ c }</p>
                    </NotificationBanner>
                }
                <ContextProvider<SessionHandle> context={session.clone()}>
                    <ContextProvider<SaveNow> context={save_now}>
                        { props.children.clone() }
                    </ContextProvider<SaveNow>>
                </ContextProvider<SessionHandle>>
            </>
        },
    }
}

/// Two tabs on one draft (issue 8): the other tab saved it, so this one is offered the latest
/// copy (reload) or to keep what it has as a copy of its own. Nothing is overwritten either way.
fn conflict_choices(session: &SessionHandle, form: Form, navigator: &Navigator) -> Html {
    let reload = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    let copy = {
        // Read at the click, not at the last render: the copy has every keystroke.
        let session = session.clone();
        let navigator = navigator.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(mut d) = session.draft.clone() else {
                return;
            };
            d.id = crate::services::new_id();
            let at = crate::services::clock::now();
            if crate::services::store()
                .save_now(prevent_core::store::Envelope::wrap(&d, &at), None)
                .is_ok()
            {
                navigator.push(&crate::route::Route::FormTasks { form, id: d.id });
            }
        })
    };
    button::group(ButtonGroupProps {
        children: html! {
            <>
                { button::view(ButtonProps { id: Some("conflict-reload".into()), button_type: "button".into(), onclick: reload, ..ButtonProps::new("Load the latest saved copy") }) }
                { button::view(ButtonProps { id: Some("conflict-copy".into()), button_type: "button".into(), variant: ButtonVariant::Secondary, onclick: copy, ..ButtonProps::new("Keep mine as a separate copy") }) }
            </>
        },
    })
}
