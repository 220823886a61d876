//! Confirm deleting a draft or a final record. The deleted entry is kept in memory so that the
//! drafts page can offer undo. The words fit what is deleted (issue 21, item 7): a finished
//! referral, a finalised (supervised) assessment or a signed-off PLP record is a final record,
//! not a draft, and deleting one leaves a sealed tombstone (SEC-4, `prevent_core::tombstone`).

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

/// The words of the page: (title, heading, what deleting means, button), for a draft or a
/// final record of the form whose noun is `noun` ("referral", "assessment", ...).
pub fn words(is_final: bool, noun: &str) -> [String; 4] {
    if is_final {
        [
            format!("Delete this final {noun}"),
            format!("Are you sure you want to delete this final {noun}?"),
            format!("This {noun} is final: it cannot be changed. Download it first if you need it. This browser keeps a sealed note of it (its reference and a fingerprint, nothing you wrote): only an unaltered copy can come back as the final record (SEC-4)."),
            "Yes, delete this record".into(),
        ]
    } else {
        [
            "Delete this draft".into(),
            "Are you sure you want to delete this draft?".into(),
            format!("This {noun} is not finished. Once deleted, it is gone from this browser."),
            "Yes, delete this draft".into(),
        ]
    }
}

/// "Are you sure you want to delete this draft?" (or "this final referral?").
#[component]
pub fn DeleteDraft(props: &DeleteDraftProps) -> Html {
    let form = props.form;
    let navigator = use_navigator().expect("router");
    let undo = crate::hooks::use_undo();
    let problem = use_state(|| None::<String>);
    let entry = store().load_now(&props.id).ok().flatten();
    let is_final = entry
        .as_ref()
        .is_some_and(|e| e.status == prevent_core::DraftStatus::Finished);
    let kind = entry.as_ref().map_or(form, |e| Form::of(&e.kind));
    let noun = kind.noun();
    let [title, heading, meaning, yes] = words(is_final, noun);
    use_title(title, false);
    let label = entry.map(|e| e.label);
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
                <h1 class="govuk-heading-l">{ heading }</h1>
                if let Some(l) = label {
                    <p class="govuk-body">{ format!("{}: {}.", kind.record_name(), l.trim_end_matches('.')) }</p>
                    <p class="govuk-body" id="delete-meaning">{ meaning }</p>
                    <p class="govuk-body">{ "You can undo this straight afterwards, until you leave or reload the app." }</p>
                    <form novalidate=true onsubmit={on_delete}>
                        { button::group(ButtonGroupProps { children: html! {
                            <>
                                { button::view(ButtonProps { variant: ButtonVariant::Warning, ..ButtonProps::new(yes) }) }
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

#[cfg(test)]
mod tests {
    use super::words;

    #[test]
    fn sec_4_a_final_record_is_deleted_as_a_record_with_its_tombstone_a_draft_as_a_draft() {
        let [title, h1, meaning, yes] = words(true, "assessment");
        assert_eq!(title, "Delete this final assessment");
        assert_eq!(h1, "Are you sure you want to delete this final assessment?");
        assert!(meaning.contains("sealed note") && meaning.contains("(SEC-4)"));
        assert_eq!(yes, "Yes, delete this record");
        assert!(!format!("{title}{h1}{meaning}{yes}").contains("draft"));
        let [title, h1, meaning, yes] = words(false, "referral");
        assert_eq!(title, "Delete this draft");
        assert_eq!(h1, "Are you sure you want to delete this draft?");
        assert!(meaning.contains("not finished") && !meaning.contains("SEC-4"));
        assert_eq!(yes, "Yes, delete this draft");
    }
}
