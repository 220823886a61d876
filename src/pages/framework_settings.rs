//! Settings: the DIF framework in use. A force can upload its replacement framework file; it is
//! validated in full before use (`prevent_core::dif::load`), and a bad file is refused with
//! every problem named, changing nothing. The default set can be downloaded as a starting
//! point, and restored.

use crate::components::*;
use crate::services::{download::download, framework};
use yew::prelude::*;

/// What happened to the last upload.
#[derive(Clone, PartialEq)]
enum Outcome {
    /// Nothing yet.
    None,
    /// Saved: reload to use it.
    Saved(String),
    /// Refused, with every problem.
    Refused(Vec<String>),
}

/// The framework section of the settings page. A hook that returns its markup rather than a
/// component of its own (each component type costs download; see docs/size.md).
#[hook]
pub fn use_framework_settings() -> Html {
    let outcome = use_state(|| Outcome::None);
    let current = use_memo((), |_| framework::current());
    let on_file = {
        let outcome = outcome.clone();
        Callback::from(move |e: Event| {
            let Some(file) = crate::services::download::chosen_file(&e) else {
                return;
            };
            let outcome = outcome.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let text = crate::services::download::text_of(file).await;
                outcome.set(match text {
                    None => Outcome::Refused(vec!["The file could not be read. Choose a JSON file saved from this page's download, or from your force.".into()]),
                    Some(t) => match framework::replace(&t) {
                        Ok(f) => Outcome::Saved(format!(
                            "{} (version {}) is saved. Reload the page to use it for assessments.",
                            f.title, f.version
                        )),
                        Err(problems) => Outcome::Refused(problems),
                    },
                });
            });
        })
    };
    let on_download = {
        let current = current.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            let text = serde_json::to_value(&*current)
                .and_then(|v| serde_json::to_string_pretty(&v))
                .unwrap_or_default();
            let _ = download(
                &format!("dif-framework-{}-v{}.json", current.id, current.version),
                "application/json",
                &text,
            );
        })
    };
    let on_reset = {
        let outcome = outcome.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            outcome.set(match framework::reset() {
                Ok(()) => Outcome::Saved(
                    "The default framework is restored. Reload the page to use it for assessments."
                        .into(),
                ),
                Err(p) => Outcome::Refused(vec![p]),
            });
        })
    };
    let factors: usize = current.sections.iter().map(|s| s.factors.len()).sum();
    let error = match &*outcome {
        Outcome::Refused(p) => Some(p.clone()),
        _ => None,
    };
    html! {
        <>
            <h2 class="govuk-heading-m" id="framework">{ "DIF framework" }</h2>
            <p class="govuk-body" id="framework-current">{ format!("In use: {} (version {}), {} sections, {factors} factors.", current.title, current.version, current.sections.len()) }</p>
            <p class="govuk-body">{ "Your force can replace the factor set used by new Gateway Assessments with its own file. The file is checked in full before it is used; a file with any problem changes nothing. Assessments already started keep the answers they have." }</p>
            if let Outcome::Saved(msg) = &*outcome {
                <div class="govuk-inset-text" id="framework-saved" role="status">{ msg.clone() }</div>
            }
            <div class={classes!("govuk-form-group", error.is_some().then_some("govuk-form-group--error"))}>
                <label class="govuk-label govuk-label--s" for="framework-file">{ "Upload a framework file" }</label>
                <div class="govuk-hint" id="framework-file-hint">{ "A JSON file in the same format as the download below." }</div>
                if let Some(problems) = &error {
                    <div class="govuk-error-message" id="framework-file-error" role="alert">
                        <span class="govuk-visually-hidden">{ "Error: " }</span>
                        { "The file was not used:" }
                        <ul class="govuk-list govuk-list--bullet">
                            { for problems.iter().map(|p| html! { <li>{ p.clone() }</li> }) }
                        </ul>
                    </div>
                }
                <input class={classes!("govuk-file-upload", error.is_some().then_some("govuk-file-upload--error"))} id="framework-file" name="framework-file" type="file" accept=".json,application/json"
                    aria-describedby={if error.is_some() { "framework-file-hint framework-file-error" } else { "framework-file-hint" }}
                    onchange={on_file} />
            </div>
            { button::group(ButtonGroupProps { children: html! {
                <>
                    { button::view(ButtonProps { variant: ButtonVariant::Secondary, button_type: "button".into(), onclick: on_download, ..ButtonProps::new("Download the framework in use (JSON)") }) }
                    { button::view(ButtonProps { variant: ButtonVariant::Secondary, button_type: "button".into(), onclick: on_reset, ..ButtonProps::new("Use the default framework") }) }
                </>
            } }) }
        </>
    }
}
