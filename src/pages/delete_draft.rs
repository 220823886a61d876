//! Confirm deleting a draft. The deleted draft is kept in memory so that the drafts page can
//! offer undo.

use crate::components::*;
use crate::hooks::use_title;
use crate::nav;
use crate::route::Form;
use crate::router::*;
use crate::services::store;
use yew::prelude::*;

/// Properties of [`DeleteDraft`].
#[derive(Properties, PartialEq)]
pub struct DeleteDraftProps {
    /// Draft id.
    pub id: AttrValue,
    /// Its form (where to go back to).
    pub form: Form,
}

/// "Are you sure you want to delete this draft?"
#[component]
pub fn DeleteDraft(props: &DeleteDraftProps) -> Html {
    use_title("Delete this draft".into(), false);
    let form = props.form;
    let navigator = use_navigator().expect("router");
    let undo = crate::hooks::use_undo();
    let problem = use_state(|| None::<String>);
    let label = store().load_now(&props.id).ok().flatten().map(|e| e.label);
    let on_delete = {
        let id = props.id.to_string();
        let navigator = navigator.clone();
        let problem = problem.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let id = id.clone();
            let navigator = navigator.clone();
            let problem = problem.clone();
            let undo = undo.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match crate::services::local_store::delete(&id) {
                    Ok(gone) => {
                        undo.set(gone);
                        navigator.push(&form.drafts());
                    }
                    Err(e) => problem.set(Some(e.to_string())),
                }
            });
        })
    };
    let drafts = nav::href(&form.drafts());
    html! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                if let Some(p) = &*problem {
                    <NotificationBanner id="delete-problem"><p class="govuk-notification-banner__heading">{ p.clone() }</p></NotificationBanner>
                }
                <h1 class="govuk-heading-l">{ "Are you sure you want to delete this draft?" }</h1>
                if let Some(l) = label {
                    <p class="govuk-body">{ format!("{}: {l}.", if form == Form::Pga { "Gateway Assessment" } else { "Prevent referral" }) }</p>
                    <p class="govuk-body">{ "You can undo this straight afterwards, until you leave or reload the app." }</p>
                    <form novalidate=true onsubmit={on_delete}>
                        { button::group(ButtonGroupProps { children: html! {
                            <>
                                { button::view(ButtonProps { variant: ButtonVariant::Warning, ..ButtonProps::new("Yes, delete this draft") }) }
                                <a class="govuk-link" href={drafts.clone()} onclick={nav::on_click(&navigator, drafts.clone())}>{ "No, keep it" }</a>
                            </>
                        } }) }
                    </form>
                } else {
                    <p class="govuk-body">{ "This draft is not in this browser. It may already have been deleted." }</p>
                    <p class="govuk-body"><a class="govuk-link" href={drafts.clone()} onclick={nav::on_click(&navigator, drafts)}>{ "See your saved drafts" }</a></p>
                }
            </div>
        </div>
    }
}
