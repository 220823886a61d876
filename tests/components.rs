//! Browser tests of the GOV.UK-pattern components, in headless Chromium. As in govuk-frontend,
//! each test renders a named example (`prevent_toolkit::components::examples`) into a fresh
//! `<div>` and checks the wiring a screen reader user relies on: labels, hints, errors,
//! `aria-describedby`, conditional reveals, focus.
//!
//! Run: `TMPDIR=target/tmp CHROMEDRIVER=/usr/bin/chromedriver \
//!       cargo test --target wasm32-unknown-unknown --test components`

#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;
use std::time::Duration;

use prevent_toolkit::components::examples::{example, examples};
use prevent_toolkit::components::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{
    Document, Element, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement,
    HtmlTextAreaElement,
};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

// ---------------------------------------------------------------------------------------------
// Helpers

#[derive(Properties, PartialEq)]
struct MountProps {
    content: Html,
}

/// Renders whatever it is given.
#[component]
fn Mount(props: &MountProps) -> Html {
    props.content.clone()
}

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh `<div>` at the end of `<body>`.
fn fresh_root() -> Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    root
}

/// Lets Yew render and run its effects.
async fn tick() {
    yew::platform::time::sleep(Duration::ZERO).await;
    yew::platform::time::sleep(Duration::ZERO).await;
}

/// Renders `content` into a fresh `<div>` and waits for it.
async fn mount(content: Html) -> Element {
    let root = fresh_root();
    yew::Renderer::<Mount>::with_root_and_props(root.clone(), MountProps { content }).render();
    tick().await;
    root
}

/// Renders the named example of a component.
async fn mount_example(component: &str, name: &str) -> Element {
    let html =
        example(component, name).unwrap_or_else(|| panic!("no example {component:?} {name:?}"));
    mount(html).await
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector:?} in {}", root.inner_html()))
}

fn none(root: &Element, selector: &str) -> bool {
    root.query_selector(selector).unwrap().is_none()
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().dyn_into::<Element>().unwrap())
        .collect()
}

fn attr(el: &Element, name: &str) -> Option<String> {
    el.get_attribute(name)
}

fn has_class(el: &Element, class: &str) -> bool {
    attr(el, "class")
        .unwrap_or_default()
        .split_whitespace()
        .any(|c| c == class)
}

fn text(el: &Element) -> String {
    el.text_content()
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn active_id() -> Option<String> {
    document().active_element().map(|el| el.id())
}

fn active_is(el: &Element) -> bool {
    document()
        .active_element()
        .is_some_and(|active| active.is_same_node(Some(el)))
}

/// Types `value` into an input or textarea as a user would: sets it and fires `input`.
fn type_into(el: &Element, value: &str) {
    if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
        input.set_value(value);
    } else if let Some(area) = el.dyn_ref::<HtmlTextAreaElement>() {
        area.set_value(value);
    } else if let Some(select) = el.dyn_ref::<HtmlSelectElement>() {
        select.set_value(value);
    }
    fire(el, "input");
}

fn fire(el: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict(kind, &init).unwrap();
    el.dispatch_event(&event).unwrap();
}

fn click(el: &Element) {
    el.dyn_ref::<HtmlElement>().unwrap().click();
}

/// A callback that records what it is called with.
fn recorder<T: 'static>() -> (Callback<T>, Rc<RefCell<Vec<T>>>) {
    let log = Rc::new(RefCell::new(Vec::new()));
    let sink = log.clone();
    (Callback::from(move |v| sink.borrow_mut().push(v)), log)
}

fn location_hash() -> String {
    web_sys::window().unwrap().location().hash().unwrap()
}

/// The single `<input>`/`<textarea>`/`<select>` field of a mounted example.
fn field(root: &Element) -> Element {
    one(root, "input, textarea, select")
}

/// `aria-describedby` split into ids.
fn describedby(el: &Element) -> Vec<String> {
    attr(el, "aria-describedby")
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Every example

#[wasm_bindgen_test]
async fn all_examples_together_have_unique_ids() {
    let root = mount(html! { <>{ for examples().into_iter().map(|e| (e.render)()) }</> }).await;
    let mut seen = HashSet::new();
    for el in all(&root, "[id]") {
        assert!(seen.insert(el.id()), "duplicate id {:?}", el.id());
    }
    assert!(seen.len() > 50, "examples rendered only {} ids", seen.len());
}

#[wasm_bindgen_test]
async fn every_example_references_only_ids_that_exist() {
    for ex in examples() {
        let root = mount((ex.render)()).await;
        let exists = |id: &str| root.query_selector(&format!("#{id}")).unwrap().is_some();
        for el in all(
            &root,
            "[aria-describedby], [aria-controls], [aria-labelledby]",
        ) {
            for name in ["aria-describedby", "aria-controls", "aria-labelledby"] {
                for id in attr(&el, name).unwrap_or_default().split_whitespace() {
                    assert!(
                        exists(id),
                        "{} {:?}: {name} names missing #{id}",
                        ex.component,
                        ex.name
                    );
                }
            }
        }
        for label in all(&root, "label") {
            let target = attr(&label, "for").expect("every label has for");
            let input = one(&root, &format!("#{target}"));
            assert!(
                matches!(input.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"),
                "{} {:?}: label for #{target} is a {}",
                ex.component,
                ex.name,
                input.tag_name()
            );
        }
        if let Some(el) = all(&root, "[required], [pattern], [maxlength]").first() {
            panic!(
                "{} {:?}: HTML5 validation attribute on {}",
                ex.component,
                ex.name,
                el.outer_html()
            );
        }
    }
}

/// SEC-1 (issue 16; DESIGN.md, "Security model"): every control that holds record content
/// (text inputs, textareas, date boxes, radios, checkboxes, selects) carries
/// `autocomplete="off"`, so that Chromium neither offers nor keeps it in its autofill database
/// (`Web Data`) or its session-restore form state (`Sessions/`). Only a passphrase field names
/// its own (`new-password` / `current-password`): a password manager is the user's choice.
#[wasm_bindgen_test]
async fn every_record_field_is_kept_out_of_autofill_and_form_restoration() {
    let mut checked = HashSet::new();
    for ex in examples() {
        let root = mount((ex.render)()).await;
        for el in all(&root, "input, textarea, select") {
            // A passphrase field names its own (checked below).
            if attr(&el, "type").as_deref() == Some("password") {
                continue;
            }
            checked.insert(el.tag_name() + &attr(&el, "type").unwrap_or_default());
            assert_eq!(
                attr(&el, "autocomplete").as_deref(),
                Some("off"),
                "{} {:?}: {}",
                ex.component,
                ex.name,
                el.outer_html()
            );
        }
    }
    for kind in [
        "INPUTtext",
        "INPUTemail",
        "INPUTradio",
        "INPUTcheckbox",
        "TEXTAREA",
        "SELECT",
    ] {
        assert!(
            checked.contains(kind),
            "no example has a {kind}: {checked:?}"
        );
    }
    for (new, expected) in [(true, "new-password"), (false, "current-password")] {
        let root = mount(password_input::view(PasswordInputProps {
            new,
            ..PasswordInputProps::new("passphrase", "Passphrase")
        }))
        .await;
        let input = one(&root, "input");
        assert_eq!(attr(&input, "type").as_deref(), Some("password"));
        assert_eq!(attr(&input, "autocomplete").as_deref(), Some(expected));
    }
}

#[wasm_bindgen_test]
async fn every_error_message_starts_with_visually_hidden_error_prefix() {
    let mut checked = 0;
    for ex in examples() {
        let root = mount((ex.render)()).await;
        for message in all(&root, "p.govuk-error-message") {
            let prefix = one(&message, "span.govuk-visually-hidden");
            assert_eq!(text(&prefix), "Error:");
            assert!(text(&message).starts_with("Error: "), "{}", text(&message));
            assert!(message.id().ends_with("-error"), "{}", message.id());
            checked += 1;
        }
    }
    assert!(
        checked >= 8,
        "only {checked} error messages in the examples"
    );
}

// ---------------------------------------------------------------------------------------------
// Text input

#[wasm_bindgen_test]
async fn text_input_label_for_matches_input_id() {
    let root = mount_example("text_input", "default").await;
    let input = one(&root, "input");
    assert_eq!(input.id(), "text-input-default");
    assert_eq!(
        attr(&one(&root, "label"), "for").as_deref(),
        Some("text-input-default")
    );
    assert_eq!(text(&one(&root, "label")), "Full name");
    assert_eq!(attr(&input, "type").as_deref(), Some("text"));
}

#[wasm_bindgen_test]
async fn text_input_without_hint_or_error_has_no_describedby() {
    let root = mount_example("text_input", "default").await;
    assert_eq!(attr(&field(&root), "aria-describedby"), None);
    assert!(none(&root, ".govuk-hint"));
    assert!(none(&root, ".govuk-error-message"));
    assert!(!has_class(
        &one(&root, ".govuk-form-group"),
        "govuk-form-group--error"
    ));
}

#[wasm_bindgen_test]
async fn text_input_with_hint_is_described_by_hint_only() {
    let root = mount_example("text_input", "with hint").await;
    let input = field(&root);
    let hint_id = format!("{}-hint", input.id());
    assert_eq!(describedby(&input), vec![hint_id.clone()]);
    assert_eq!(
        text(&one(&root, &format!("#{hint_id}"))),
        "As it appears on official documents"
    );
}

#[wasm_bindgen_test]
async fn text_input_with_error_is_described_by_error_and_styled_in_error() {
    let root = mount_example("text_input", "with error").await;
    let input = field(&root);
    let error_id = format!("{}-error", input.id());
    assert_eq!(describedby(&input), vec![error_id.clone()]);
    let error = one(&root, &format!("#{error_id}"));
    assert_eq!(text(&error), "Error: Enter a full name");
    assert!(has_class(&input, "govuk-input--error"));
    assert!(has_class(
        &one(&root, ".govuk-form-group"),
        "govuk-form-group--error"
    ));
}

#[wasm_bindgen_test]
async fn text_input_with_hint_and_error_is_described_by_both_in_order() {
    let root = mount_example("text_input", "with hint and error").await;
    let input = field(&root);
    let id = input.id();
    assert_eq!(
        describedby(&input),
        vec![format!("{id}-hint"), format!("{id}-error")]
    );
    assert_eq!(attr(&input, "type").as_deref(), Some("email"));
    // Even an email address is record content here: never autofilled (issue 16).
    assert_eq!(attr(&input, "autocomplete").as_deref(), Some("off"));
    assert_eq!(attr(&input, "spellcheck").as_deref(), Some("false"));
    assert_eq!(
        input.dyn_ref::<HtmlInputElement>().unwrap().value(),
        "not an email"
    );
}

#[wasm_bindgen_test]
async fn text_input_as_heading_wraps_label_in_h1_with_width_class() {
    let root = mount_example("text_input", "as page heading").await;
    let label = one(&root, "h1.govuk-label-wrapper > label");
    assert!(has_class(&label, "govuk-label--l"));
    assert!(has_class(&field(&root), "govuk-input--width-20"));
}

#[wasm_bindgen_test]
async fn text_input_reports_typed_value() {
    let (oninput, log) = recorder::<String>();
    let root = mount(text_input::view(TextInputProps {
        value: "J".into(),
        oninput,
        ..TextInputProps::new("typed", "typed", "Name")
    }))
    .await;
    type_into(&field(&root), "Jo");
    assert_eq!(*log.borrow(), vec!["Jo".to_string()]);
}

// ---------------------------------------------------------------------------------------------
// Password input (issue 16, item 8: show/hide on every passphrase field, as GOV.UK's
// password-input component)

/// The show/hide button of a mounted password input.
fn toggle(root: &Element) -> Element {
    one(root, "button.govuk-password-input__toggle")
}

/// Its visually hidden status, which a screen reader announces when it changes.
fn status(root: &Element) -> Element {
    one(root, ".govuk-password-input__sr-status")
}

#[wasm_bindgen_test]
async fn password_input_starts_hidden_with_a_show_button_that_controls_it() {
    let root = mount_example("password_input", "default").await;
    let input = field(&root);
    let id = input.id();
    assert_eq!(id, "password-input-default");
    assert_eq!(attr(&one(&root, "label"), "for"), Some(id.clone()));
    assert_eq!(text(&one(&root, "label")), "Passphrase");
    assert_eq!(attr(&input, "type").as_deref(), Some("password"));
    assert_eq!(
        attr(&input, "autocomplete").as_deref(),
        Some("current-password")
    );
    assert_eq!(attr(&input, "spellcheck").as_deref(), Some("false"));
    let button = toggle(&root);
    assert_eq!(
        attr(&button, "type").as_deref(),
        Some("button"),
        "it must never submit the form"
    );
    assert_eq!(attr(&button, "aria-controls"), Some(id));
    assert_eq!(
        attr(&button, "aria-label").as_deref(),
        Some("Show passphrase")
    );
    assert_eq!(text(&button), "Show");
    // Nothing is announced before the user asks.
    assert_eq!(attr(&status(&root), "aria-live").as_deref(), Some("polite"));
    assert!(has_class(&status(&root), "govuk-visually-hidden"));
    assert_eq!(text(&status(&root)), "");
    // Read in order: the field, what it shows, the button.
    let order: Vec<Element> = all(&root, "input, .govuk-password-input__sr-status, button");
    assert_eq!(order.len(), 3);
    assert!(order[0].is_same_node(Some(&input)) && order[2].is_same_node(Some(&button)));
}

#[wasm_bindgen_test]
async fn password_input_show_and_hide_toggle_the_type_the_label_and_the_announcement() {
    let root = mount_example("password_input", "with error").await;
    let input = field(&root);
    let value = || input.dyn_ref::<HtmlInputElement>().unwrap().value();
    assert_eq!(value(), "not my passphrase");
    click(&toggle(&root));
    tick().await;
    assert_eq!(attr(&input, "type").as_deref(), Some("text"));
    assert_eq!(
        attr(&toggle(&root), "aria-label").as_deref(),
        Some("Hide passphrase")
    );
    assert_eq!(text(&toggle(&root)), "Hide");
    assert_eq!(text(&status(&root)), "Your passphrase is visible");
    // Shown as text, it is kept out of the browser's form restoration and autofill history,
    // and a phone's keyboard does not capitalise it.
    assert_eq!(attr(&input, "autocomplete").as_deref(), Some("off"));
    assert_eq!(attr(&input, "autocapitalize").as_deref(), Some("none"));
    assert_eq!(
        value(),
        "not my passphrase",
        "showing it lost what was typed"
    );
    click(&toggle(&root));
    tick().await;
    assert_eq!(attr(&input, "type").as_deref(), Some("password"));
    assert_eq!(
        attr(&toggle(&root), "aria-label").as_deref(),
        Some("Show passphrase")
    );
    assert_eq!(text(&toggle(&root)), "Show");
    assert_eq!(text(&status(&root)), "Your passphrase is hidden");
    assert_eq!(
        attr(&input, "autocomplete").as_deref(),
        Some("current-password")
    );
    assert_eq!(value(), "not my passphrase");
}

#[wasm_bindgen_test]
async fn password_input_shows_only_its_own_field() {
    // Set a passphrase: two fields, each with its own button.
    let root = mount(html! { <>
        { password_input::view(PasswordInputProps { new: true, ..PasswordInputProps::new("two-a", "Passphrase") }) }
        { password_input::view(PasswordInputProps { new: true, ..PasswordInputProps::new("two-b", "Confirm your passphrase") }) }
    </> })
    .await;
    let buttons = all(&root, "button.govuk-password-input__toggle");
    click(&buttons[1]);
    assert_eq!(
        attr(&one(&root, "#two-a"), "type").as_deref(),
        Some("password")
    );
    assert_eq!(attr(&one(&root, "#two-b"), "type").as_deref(), Some("text"));
    assert_eq!(text(&buttons[0]), "Show");
    assert_eq!(text(&buttons[1]), "Hide");
}

#[wasm_bindgen_test]
async fn password_input_is_hidden_again_when_its_form_is_submitted() {
    let root = mount(html! {
        <form id="pw-form">{ password_input::view(PasswordInputProps {
            new: true,
            value: "a passphrase".into(),
            ..PasswordInputProps::new("pw", "Passphrase")
        }) }</form>
    })
    .await;
    let other = mount(html! { <form id="other-form"></form> }).await;
    let input = field(&root);
    assert_eq!(
        attr(&input, "autocomplete").as_deref(),
        Some("new-password")
    );
    click(&toggle(&root));
    tick().await;
    assert_eq!(attr(&input, "type").as_deref(), Some("text"));
    // Another form's submission leaves it as it is.
    fire(&one(&other, "form"), "submit");
    tick().await;
    assert_eq!(attr(&input, "type").as_deref(), Some("text"));
    // Its own: hidden at once, while the submit event is still being handled.
    fire(&one(&root, "form"), "submit");
    assert_eq!(attr(&input, "type").as_deref(), Some("password"));
    tick().await;
    assert_eq!(attr(&input, "type").as_deref(), Some("password"));
    assert_eq!(text(&toggle(&root)), "Show");
    assert_eq!(text(&status(&root)), "Your passphrase is hidden");
    assert_eq!(
        attr(&input, "autocomplete").as_deref(),
        Some("new-password")
    );
}

#[wasm_bindgen_test]
async fn password_input_with_hint_and_error_is_described_by_both() {
    let root = mount_example("password_input", "new, with hint").await;
    let input = field(&root);
    let id = input.id();
    assert_eq!(describedby(&input), vec![format!("{id}-hint")]);
    assert_eq!(
        attr(&input, "autocomplete").as_deref(),
        Some("new-password")
    );
    let root = mount_example("password_input", "with error").await;
    let input = field(&root);
    let id = input.id();
    assert_eq!(describedby(&input), vec![format!("{id}-error")]);
    assert_eq!(
        text(&one(&root, &format!("#{id}-error"))),
        "Error: The passphrase is not right. Nothing has been changed"
    );
    assert!(has_class(&input, "govuk-input--error"));
    assert!(has_class(
        &one(&root, ".govuk-form-group"),
        "govuk-form-group--error"
    ));
}

#[wasm_bindgen_test]
async fn password_input_reports_typed_value_shown_or_hidden() {
    let (oninput, log) = recorder::<String>();
    let root = mount(password_input::view(PasswordInputProps {
        oninput,
        ..PasswordInputProps::new("typed-pw", "Passphrase")
    }))
    .await;
    type_into(&field(&root), "secret one");
    click(&toggle(&root));
    tick().await;
    type_into(&field(&root), "secret two");
    assert_eq!(
        *log.borrow(),
        vec!["secret one".to_string(), "secret two".to_string()]
    );
}

// ---------------------------------------------------------------------------------------------
// Textarea and character count

#[wasm_bindgen_test]
async fn textarea_without_limit_has_no_character_count() {
    let root = mount_example("textarea", "default").await;
    let area = one(&root, "textarea");
    assert_eq!(attr(&one(&root, "label"), "for"), Some(area.id()));
    assert_eq!(attr(&area, "rows").as_deref(), Some("5"));
    assert_eq!(attr(&area, "aria-describedby"), None);
    assert!(none(&root, ".govuk-character-count"));
    assert!(none(&root, "[aria-live]"));
}

#[wasm_bindgen_test]
async fn character_count_under_the_limit_says_characters_remaining() {
    let root = mount_example("textarea", "with character count").await;
    let area = one(&root, "textarea");
    let id = area.id();
    // "Leaflets left in the library." is 29 characters.
    let info = one(&root, &format!("#{id}-info"));
    assert_eq!(text(&info), "You have 171 characters remaining");
    assert!(has_class(&info, "govuk-hint"));
    assert!(!has_class(&info, "govuk-error-message"));
    assert!(!has_class(&area, "govuk-textarea--error"));
    assert_eq!(
        describedby(&area),
        vec![format!("{id}-info"), format!("{id}-hint")]
    );
    assert!(has_class(
        &one(&root, ".govuk-form-group"),
        "govuk-character-count"
    ));
}

#[wasm_bindgen_test]
async fn character_count_over_the_limit_says_too_many_and_keeps_the_text() {
    let root = mount_example("textarea", "over the limit").await;
    let area = one(&root, "textarea");
    let info = one(&root, &format!("#{}-info", area.id()));
    assert_eq!(text(&info), "You have 10 characters too many");
    assert!(has_class(&info, "govuk-error-message"));
    assert!(has_class(&area, "govuk-textarea--error"));
    assert_eq!(
        area.dyn_ref::<HtmlTextAreaElement>().unwrap().value(),
        "This is far too long"
    );
}

#[wasm_bindgen_test]
async fn character_count_has_a_polite_live_region_with_the_count() {
    let root = mount_example("textarea", "with character count").await;
    let live = one(&root, "[aria-live]");
    assert_eq!(attr(&live, "aria-live").as_deref(), Some("polite"));
    assert!(has_class(&live, "govuk-visually-hidden"));
    assert_eq!(text(&live), "You have 171 characters remaining");
}

#[wasm_bindgen_test]
async fn character_count_counts_characters_not_bytes() {
    // Six bytes in UTF-8, three characters.
    let root = mount(html! {
        <Textarea id="accents" name="accents" label="Notes" value="ééé" max_chars={Some(4)} />
    })
    .await;
    assert_eq!(
        text(&one(&root, "#accents-info")),
        "You have 1 character remaining"
    );
}

#[wasm_bindgen_test]
async fn character_count_updates_as_the_value_changes() {
    let root = fresh_root();
    let props = |value: &'static str| TextareaProps {
        id: "live".into(),
        name: "live".into(),
        label: "Notes".into(),
        label_is_heading: false,
        hint: None,
        error: None,
        value: value.into(),
        oninput: Callback::noop(),
        rows: 5,
        max_chars: Some(1000),
    };
    let mut app = yew::Renderer::<Textarea>::with_root_and_props(root.clone(), props("")).render();
    tick().await;
    assert_eq!(
        text(&one(&root, "#live-info")),
        "You have 1,000 characters remaining"
    );
    app.update(props("abc"));
    tick().await;
    assert_eq!(
        text(&one(&root, "#live-info")),
        "You have 997 characters remaining"
    );
}

#[wasm_bindgen_test]
async fn textarea_with_error_is_described_by_count_and_error() {
    let root = mount_example("textarea", "with error").await;
    let area = one(&root, "textarea");
    let id = area.id();
    assert_eq!(
        describedby(&area),
        vec![format!("{id}-info"), format!("{id}-error")]
    );
    assert!(has_class(&area, "govuk-textarea--error"));
    assert!(has_class(
        &one(&root, ".govuk-form-group"),
        "govuk-form-group--error"
    ));
}

// ---------------------------------------------------------------------------------------------
// Radios

#[wasm_bindgen_test]
async fn radios_are_numbered_from_the_first_id_and_labelled() {
    let root = mount_example("radios", "default").await;
    let ids: Vec<String> = all(&root, "input[type=radio]")
        .iter()
        .map(|r| r.id())
        .collect();
    assert_eq!(
        ids,
        vec!["radios-default", "radios-default-2", "radios-default-3"]
    );
    for radio in all(&root, "input[type=radio]") {
        let label = one(&root, &format!("label[for='{}']", radio.id()));
        assert!(has_class(&label, "govuk-radios__label"));
        assert_eq!(attr(&radio, "name").as_deref(), Some("sector"));
    }
    assert_eq!(text(&one(&root, "legend")), "Which sector do you work in?");
    assert_eq!(attr(&one(&root, "fieldset"), "aria-describedby"), None);
}

#[wasm_bindgen_test]
async fn pga_7_a_ruled_out_option_is_disabled_and_its_hint_says_why() {
    let root = mount_example("radios", "with an option that cannot be chosen").await;
    let radios = all(&root, "input[type=radio]");
    assert_eq!(attr(&radios[0], "disabled"), None);
    assert!(attr(&radios[1], "disabled").is_some());
    let hint_id = attr(&radios[1], "aria-describedby").expect("the reason describes the option");
    let hint = one(&root, &format!("#{hint_id}"));
    assert!(text(&hint).contains("PGA-7"), "{}", text(&hint));
    assert!(has_class(&hint, "govuk-radios__hint"));
}

#[wasm_bindgen_test]
async fn radios_with_hint_and_error_describe_the_fieldset_and_legend_is_heading() {
    let root = mount_example("radios", "with hint and error").await;
    let fieldset = one(&root, "fieldset");
    assert_eq!(
        describedby(&fieldset),
        vec![
            "radios-with-hint-and-error-hint",
            "radios-with-hint-and-error-error"
        ]
    );
    assert_eq!(
        text(&one(&root, "legend > h1.govuk-fieldset__heading")),
        "Which sector do you work in?"
    );
    assert!(has_class(
        &one(&root, "legend"),
        "govuk-fieldset__legend--l"
    ));
    assert!(has_class(
        &one(&root, ".govuk-form-group"),
        "govuk-form-group--error"
    ));
}

#[wasm_bindgen_test]
async fn radios_with_conditional_reveal_selected_show_only_the_selected_reveal() {
    let root = mount_example("radios", "with conditional reveal selected").await;
    let email = one(&root, "#radios-with-conditional-reveal-selected");
    assert!(email.dyn_ref::<HtmlInputElement>().unwrap().checked());
    let controls = attr(&email, "aria-controls").unwrap();
    assert_eq!(
        controls,
        "conditional-radios-with-conditional-reveal-selected"
    );
    let reveal = one(&root, &format!("#{controls}"));
    assert!(has_class(&reveal, "govuk-radios__conditional"));
    assert!(!has_class(&reveal, "govuk-radios__conditional--hidden"));
    assert!(reveal
        .query_selector("input[type=email]")
        .unwrap()
        .is_some());
    // The unselected item with a reveal is collapsed and its content not rendered.
    let phone = one(&root, "#radios-with-conditional-reveal-selected-2");
    let hidden = one(
        &root,
        &format!("#{}", attr(&phone, "aria-controls").unwrap()),
    );
    assert!(has_class(&hidden, "govuk-radios__conditional--hidden"));
    assert_eq!(hidden.child_element_count(), 0);
    // An item without a reveal controls nothing.
    let none_item = one(&root, "#radios-with-conditional-reveal-selected-3");
    assert_eq!(attr(&none_item, "aria-controls"), None);
}

/// ARIA does not allow `aria-expanded` on a radio and axe fails the page for it (see radios.rs).
#[wasm_bindgen_test]
async fn radios_never_carry_aria_expanded() {
    for name in [
        "with conditional reveal selected",
        "with conditional reveal not selected",
    ] {
        let root = mount_example("radios", name).await;
        assert_eq!(all(&root, "input[type=radio]").len(), 3);
        assert!(
            none(&root, "[aria-expanded]"),
            "{name}: {}",
            root.inner_html()
        );
    }
}

#[wasm_bindgen_test]
async fn radios_with_conditional_reveal_not_selected_hide_every_reveal() {
    let root = mount_example("radios", "with conditional reveal not selected").await;
    for reveal in all(&root, ".govuk-radios__conditional") {
        assert!(has_class(&reveal, "govuk-radios__conditional--hidden"));
        assert!(none(&reveal, "input"));
    }
    assert_eq!(all(&root, "input[aria-controls]").len(), 2);
}

#[wasm_bindgen_test]
async fn radios_report_the_chosen_value() {
    let (onchange, log) = recorder::<String>();
    let root = mount(radios::view(RadiosProps {
        id: "pick".into(),
        name: "pick".into(),
        legend: "Pick one".into(),
        onchange,
        items: vec![
            RadioItem::new("a", "A"),
            RadioItem::new("b", "B").with_hint("Second"),
        ],
        ..Default::default()
    }))
    .await;
    click(&one(&root, "#pick-2"));
    assert_eq!(*log.borrow(), vec!["b".to_string()]);
    assert_eq!(
        describedby(&one(&root, "#pick-2")),
        vec!["pick-2-item-hint"]
    );
    assert!(has_class(
        &one(&root, "#pick-2-item-hint"),
        "govuk-radios__hint"
    ));
}

#[wasm_bindgen_test]
async fn radios_inline_have_inline_class() {
    let root = mount_example("radios", "inline").await;
    assert!(has_class(
        &one(&root, ".govuk-radios"),
        "govuk-radios--inline"
    ));
    let no = one(&root, "#radios-inline-2");
    assert!(no.dyn_ref::<HtmlInputElement>().unwrap().checked());
}

// ---------------------------------------------------------------------------------------------
// Checkboxes

#[wasm_bindgen_test]
async fn checkboxes_are_labelled_and_described_by_hint() {
    let root = mount_example("checkboxes", "default").await;
    for checkbox in all(&root, "input[type=checkbox]") {
        one(
            &root,
            &format!("label.govuk-checkboxes__label[for='{}']", checkbox.id()),
        );
    }
    assert_eq!(
        describedby(&one(&root, "fieldset")),
        vec!["checkboxes-default-hint"]
    );
    assert_eq!(
        describedby(&one(&root, "#checkboxes-default-2")),
        vec!["checkboxes-default-2-item-hint"]
    );
    assert!(one(&root, "#checkboxes-default")
        .dyn_ref::<HtmlInputElement>()
        .unwrap()
        .checked());
}

#[wasm_bindgen_test]
async fn checkboxes_report_the_whole_selection_in_item_order() {
    let (onchange, log) = recorder::<Vec<String>>();
    let items = vec![
        CheckboxItem::new("a", "A"),
        CheckboxItem::new("b", "B"),
        CheckboxItem::new("c", "C"),
    ];
    let root = mount(checkboxes::view(CheckboxesProps {
        id: "many".into(),
        name: "many".into(),
        legend: "Pick some".into(),
        items,
        onchange,
        selected: vec![AttrValue::from("c")],
        ..Default::default()
    }))
    .await;
    click(&one(&root, "#many"));
    assert_eq!(*log.borrow(), vec![vec!["a".to_string(), "c".to_string()]]);
    click(&one(&root, "#many-3"));
    assert_eq!(log.borrow()[1], Vec::<String>::new());
}

#[wasm_bindgen_test]
async fn checkboxes_with_conditional_reveal_selected_show_it_and_are_expanded() {
    let root = mount_example("checkboxes", "with conditional reveal selected").await;
    let other = one(&root, "#checkboxes-with-conditional-reveal-selected-3");
    assert_eq!(attr(&other, "aria-expanded").as_deref(), Some("true"));
    let reveal = one(
        &root,
        &format!("#{}", attr(&other, "aria-controls").unwrap()),
    );
    assert!(!has_class(&reveal, "govuk-checkboxes__conditional--hidden"));
    one(&reveal, "input");

    let root = mount_example("checkboxes", "default").await;
    let other = one(&root, "#checkboxes-default-3");
    assert_eq!(attr(&other, "aria-expanded").as_deref(), Some("false"));
    let reveal = one(
        &root,
        &format!("#{}", attr(&other, "aria-controls").unwrap()),
    );
    assert!(has_class(&reveal, "govuk-checkboxes__conditional--hidden"));
    assert!(none(&reveal, "input"));
}

#[wasm_bindgen_test]
async fn checkboxes_with_error_describe_the_fieldset_by_the_error() {
    let root = mount_example("checkboxes", "with error").await;
    assert_eq!(
        describedby(&one(&root, "fieldset")),
        vec!["checkboxes-with-error-error"]
    );
    assert!(has_class(
        &one(&root, ".govuk-form-group"),
        "govuk-form-group--error"
    ));
}

// ---------------------------------------------------------------------------------------------
// Date input

#[wasm_bindgen_test]
async fn date_input_parts_are_labelled_numeric_and_sized() {
    let root = mount_example("date_input", "default").await;
    let fieldset = one(&root, "fieldset");
    assert_eq!(attr(&fieldset, "role").as_deref(), Some("group"));
    assert_eq!(describedby(&fieldset), vec!["date-input-default-hint"]);
    for (part, label, width) in [
        ("day", "Day", 2),
        ("month", "Month", 2),
        ("year", "Year", 4),
    ] {
        let input = one(&root, &format!("#date-input-default-{part}"));
        assert_eq!(
            text(&one(
                &root,
                &format!("label[for='date-input-default-{part}']")
            )),
            label
        );
        assert_eq!(attr(&input, "inputmode").as_deref(), Some("numeric"));
        assert!(has_class(&input, &format!("govuk-input--width-{width}")));
        assert!(!has_class(&input, "govuk-input--error"));
    }
}

#[wasm_bindgen_test]
async fn date_input_with_error_on_month_only_flags_only_the_month() {
    let root = mount_example("date_input", "with error on month only").await;
    let id = "date-input-with-error-on-month-only";
    assert_eq!(
        describedby(&one(&root, "fieldset")),
        vec![format!("{id}-hint"), format!("{id}-error")]
    );
    assert!(!has_class(
        &one(&root, &format!("#{id}-day")),
        "govuk-input--error"
    ));
    assert!(has_class(
        &one(&root, &format!("#{id}-month")),
        "govuk-input--error"
    ));
    assert!(!has_class(
        &one(&root, &format!("#{id}-year")),
        "govuk-input--error"
    ));
    assert_eq!(
        one(&root, &format!("#{id}-month"))
            .dyn_ref::<HtmlInputElement>()
            .unwrap()
            .value(),
        "13"
    );
    assert_eq!(
        DateErrorParts {
            month: true,
            ..Default::default()
        }
        .target_id(id),
        format!("{id}-month")
    );
}

#[wasm_bindgen_test]
async fn date_input_with_error_and_no_part_flagged_flags_all_three() {
    let root = mount_example("date_input", "with error on whole date").await;
    let inputs = all(&root, "input");
    assert_eq!(inputs.len(), 3);
    assert!(inputs.iter().all(|i| has_class(i, "govuk-input--error")));
    assert!(has_class(
        &one(&root, ".govuk-form-group"),
        "govuk-form-group--error"
    ));
    one(&root, "legend > h1");
}

#[wasm_bindgen_test]
async fn date_input_reports_the_part_that_changed() {
    let (onchange, log) = recorder::<(DatePart, String)>();
    let root = mount(date_input::view(DateInputProps {
        id: "dob".into(),
        legend: "Date of birth".into(),
        onchange,
        ..Default::default()
    }))
    .await;
    type_into(&one(&root, "#dob-month"), "3");
    type_into(&one(&root, "#dob-year"), "2007");
    assert_eq!(
        *log.borrow(),
        vec![
            (DatePart::Month, "3".to_string()),
            (DatePart::Year, "2007".to_string())
        ]
    );
    // A date of birth in a record is the subject's, never the user's own: not autofilled
    // (issue 16; see also every_record_field_is_kept_out_of_autofill_and_form_restoration).
    for part in ["day", "month", "year"] {
        assert_eq!(
            attr(&one(&root, &format!("#dob-{part}")), "autocomplete").as_deref(),
            Some("off")
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Select

#[wasm_bindgen_test]
async fn select_shows_the_selected_value_after_the_placeholder() {
    let root = mount_example("select", "default").await;
    let select = one(&root, "select");
    assert_eq!(attr(&one(&root, "label"), "for"), Some(select.id()));
    assert_eq!(
        select.dyn_ref::<HtmlSelectElement>().unwrap().value(),
        "wales"
    );
    let options = all(&root, "option");
    assert_eq!(options.len(), 3);
    assert_eq!(attr(&options[0], "value").as_deref(), Some(""));
    assert_eq!(text(&options[0]), "Select an option");
}

#[wasm_bindgen_test]
async fn select_with_hint_and_error_is_described_by_both() {
    let root = mount_example("select", "with hint and error").await;
    let select = one(&root, "select");
    let id = select.id();
    assert_eq!(
        describedby(&select),
        vec![format!("{id}-hint"), format!("{id}-error")]
    );
    assert!(has_class(&select, "govuk-select--error"));
    assert_eq!(select.dyn_ref::<HtmlSelectElement>().unwrap().value(), "");
}

#[wasm_bindgen_test]
async fn select_reports_the_chosen_value() {
    let (onchange, log) = recorder::<String>();
    let root = mount(html! {
        <Select id="colour" name="colour" label="Colour" {onchange}
                items={vec![(AttrValue::from("red"), AttrValue::from("Red")),
                            (AttrValue::from("blue"), AttrValue::from("Blue"))]} />
    })
    .await;
    let select = one(&root, "select");
    select
        .dyn_ref::<HtmlSelectElement>()
        .unwrap()
        .set_value("blue");
    fire(&select, "change");
    assert_eq!(*log.borrow(), vec!["blue".to_string()]);
}

// ---------------------------------------------------------------------------------------------
// Error summary

#[wasm_bindgen_test]
async fn error_summary_two_errors_lists_links_to_the_fields() {
    let root = mount_example("error_summary", "two errors").await;
    let summary = one(&root, ".govuk-error-summary");
    assert_eq!(attr(&summary, "tabindex").as_deref(), Some("-1"));
    one(&summary, "[role=alert]");
    assert_eq!(
        text(&one(&summary, "h2.govuk-error-summary__title")),
        "There is a problem"
    );
    let links = all(&summary, "ul.govuk-error-summary__list li a");
    let hrefs: Vec<_> = links.iter().map(|a| attr(a, "href").unwrap()).collect();
    assert_eq!(
        hrefs,
        vec![
            "#error-summary-two-errors-name",
            "#error-summary-two-errors-sector"
        ]
    );
    assert_eq!(text(&links[0]), "Enter a full name");
}

#[wasm_bindgen_test]
async fn error_summary_has_focus_after_render() {
    let root = mount_example("error_summary", "two errors").await;
    assert!(
        active_is(&one(&root, ".govuk-error-summary")),
        "focus is on {:?}",
        active_id()
    );
}

#[wasm_bindgen_test]
async fn error_summary_without_errors_renders_nothing() {
    let root = mount(html! { <ErrorSummary /> }).await;
    assert_eq!(root.child_element_count(), 0);
}

#[wasm_bindgen_test]
async fn error_summary_takes_focus_when_errors_appear_and_when_triggered() {
    let root = fresh_root();
    let props = |items: Vec<ErrorSummaryItem>, focus_trigger| ErrorSummaryProps {
        title: "There is a problem".into(),
        items,
        focus_trigger,
    };
    let mut app =
        yew::Renderer::<ErrorSummary>::with_root_and_props(root.clone(), props(vec![], 0)).render();
    tick().await;
    assert!(none(&root, ".govuk-error-summary"));

    let errors = vec![ErrorSummaryItem::new("Enter a name", "somewhere")];
    app.update(props(errors.clone(), 1));
    tick().await;
    let summary = one(&root, ".govuk-error-summary");
    assert!(active_is(&summary), "focus is on {:?}", active_id());

    // Focus moves away; the same errors on a new submit attempt take it back.
    document().body().unwrap().focus().unwrap();
    summary.dyn_ref::<HtmlElement>().unwrap().blur().unwrap();
    assert!(!active_is(&summary));
    app.update(props(errors.clone(), 1));
    tick().await;
    assert!(
        !active_is(&summary),
        "re-render without a new attempt must not steal focus"
    );
    app.update(props(errors, 2));
    tick().await;
    assert!(active_is(&summary), "focus is on {:?}", active_id());
}

#[wasm_bindgen_test]
async fn error_summary_link_focuses_the_text_input_without_following_the_link() {
    let before = location_hash();
    let root = mount(html! {
        <>
            <ErrorSummary items={vec![ErrorSummaryItem::new("Enter a full name", "es-name")]} />
            { text_input::view(TextInputProps {
                error: Some("Enter a full name".into()),
                ..TextInputProps::new("es-name", "name", "Full name")
            }) }
        </>
    })
    .await;
    click(&one(&root, ".govuk-error-summary a"));
    tick().await;
    assert_eq!(active_id().as_deref(), Some("es-name"));
    assert_eq!(
        location_hash(),
        before,
        "the link's default action was not prevented"
    );
}

#[wasm_bindgen_test]
async fn error_summary_link_focuses_the_first_radio_and_the_date_part() {
    let root = mount(html! {
        <>
            <ErrorSummary items={vec![
                ErrorSummaryItem::new("Select a sector", "es-sector"),
                ErrorSummaryItem::new("Date must be real", "es-date-month"),
            ]} />
            { radios::view(RadiosProps {
                id: "es-sector".into(),
                name: "sector".into(),
                legend: "Sector".into(),
                error: Some("Select a sector".into()),
                items: vec![RadioItem::new("a", "A"), RadioItem::new("b", "B")],
                ..Default::default()
            }) }
            { date_input::view(DateInputProps {
                id: "es-date".into(),
                legend: "Date".into(),
                error: Some("Date must be real".into()),
                error_parts: DateErrorParts { month: true, ..Default::default() },
                ..Default::default()
            }) }
        </>
    })
    .await;
    let links = all(&root, ".govuk-error-summary a");
    click(&links[0]);
    assert_eq!(active_id().as_deref(), Some("es-sector"));
    click(&links[1]);
    assert_eq!(active_id().as_deref(), Some("es-date-month"));
}

// ---------------------------------------------------------------------------------------------
// Buttons and links

#[wasm_bindgen_test]
async fn buttons_have_their_variant_class_and_type() {
    let root = mount_example("button", "default").await;
    let button = one(&root, "button.govuk-button");
    assert_eq!(attr(&button, "type").as_deref(), Some("submit"));
    assert_eq!(text(&button), "Continue");
    for (name, class) in [
        ("secondary", "govuk-button--secondary"),
        ("warning", "govuk-button--warning"),
    ] {
        let root = mount_example("button", name).await;
        let button = one(&root, "button.govuk-button");
        assert!(has_class(&button, class), "{name}");
        assert_eq!(attr(&button, "type").as_deref(), Some("button"));
    }
}

#[wasm_bindgen_test]
async fn start_button_has_a_hidden_arrow() {
    let root = mount_example("button", "start").await;
    let button = one(&root, "button.govuk-button--start");
    let icon = one(&button, "svg.govuk-button__start-icon");
    assert_eq!(attr(&icon, "aria-hidden").as_deref(), Some("true"));
    assert_eq!(attr(&icon, "focusable").as_deref(), Some("false"));
    assert_eq!(text(&button), "Start now");
}

#[wasm_bindgen_test]
async fn disabled_button_is_disabled_and_says_so() {
    let (onclick, log) = recorder::<MouseEvent>();
    let root = mount(button::view(ButtonProps {
        disabled: true,
        onclick,
        ..ButtonProps::new("Send")
    }))
    .await;
    let button = one(&root, "button");
    assert!(button.has_attribute("disabled"));
    assert_eq!(attr(&button, "aria-disabled").as_deref(), Some("true"));
    click(&button);
    assert!(log.borrow().is_empty());
}

#[wasm_bindgen_test]
async fn button_reports_clicks() {
    let (onclick, log) = recorder::<MouseEvent>();
    let root = mount(button::view(ButtonProps {
        button_type: "button".into(),
        onclick,
        ..ButtonProps::new("Go")
    }))
    .await;
    click(&one(&root, "button"));
    assert_eq!(log.borrow().len(), 1);
}

#[wasm_bindgen_test]
async fn back_link_with_onclick_is_handled_by_the_app() {
    let before = location_hash();
    let (onclick, log) = recorder::<MouseEvent>();
    let root = mount(back_link::view(BackLinkProps::new(
        "#somewhere-else",
        Some(onclick),
    )))
    .await;
    let link = one(&root, "a.govuk-back-link");
    assert_eq!(text(&link), "Back");
    click(&link);
    assert_eq!(log.borrow().len(), 1);
    assert_eq!(location_hash(), before);
}

#[wasm_bindgen_test]
async fn skip_link_moves_focus_to_main_content() {
    let root = mount(html! {
        <>
            { skip_link::view(SkipLinkProps { href: "#skip-main".into(), ..Default::default() }) }
            <main id="skip-main">{ "Content" }</main>
        </>
    })
    .await;
    let link = one(&root, "a.govuk-skip-link");
    assert_eq!(text(&link), "Skip to main content");
    click(&link);
    let main = one(&root, "#skip-main");
    assert_eq!(attr(&main, "tabindex").as_deref(), Some("-1"));
    assert!(active_is(&main));
}

// ---------------------------------------------------------------------------------------------
// Summary list and task list

#[wasm_bindgen_test]
async fn summary_list_change_link_has_visually_hidden_context() {
    let root = mount_example("summary_list", "with actions").await;
    let rows = all(&root, "dl.govuk-summary-list > .govuk-summary-list__row");
    assert_eq!(rows.len(), 2);
    assert_eq!(text(&one(&rows[0], "dt.govuk-summary-list__key")), "Name");
    assert_eq!(
        text(&one(&rows[0], "dd.govuk-summary-list__value")),
        "Sarah Philips"
    );
    let link = one(&rows[0], "dd.govuk-summary-list__actions a");
    assert_eq!(text(&link), "Change name");
    assert_eq!(text(&one(&link, ".govuk-visually-hidden")), "name");
    assert!(has_class(&rows[1], "govuk-summary-list__row--no-actions"));
    assert!(none(&rows[1], "dd.govuk-summary-list__actions"));
}

#[wasm_bindgen_test]
async fn summary_card_titles_its_list() {
    let root = mount_example("summary_list", "in a card").await;
    assert_eq!(
        text(&one(
            &root,
            ".govuk-summary-card h2.govuk-summary-card__title"
        )),
        "About you"
    );
    one(&root, ".govuk-summary-card__content dl.govuk-summary-list");
}

#[wasm_bindgen_test]
async fn task_list_links_are_described_by_hint_and_status() {
    let root = mount_example("task_list", "default").await;
    let items = all(&root, "ul.govuk-task-list > li");
    assert_eq!(items.len(), 5);
    let expected = [
        ("Completed", None),
        ("In progress", Some("govuk-tag--light-blue")),
        ("Not yet started", Some("govuk-tag--blue")),
        ("There is a problem", Some("govuk-tag--red")),
        ("Cannot start yet", None),
    ];
    for (n, (item, (status_text, tag))) in items.iter().zip(expected).enumerate() {
        let status = one(item, ".govuk-task-list__status");
        assert_eq!(status.id(), format!("task-list-default-{}-status", n + 1));
        assert_eq!(text(&status), status_text);
        match tag {
            Some(class) => assert!(has_class(&one(&status, "strong.govuk-tag"), class)),
            None => assert!(none(&status, ".govuk-tag")),
        }
    }
    let link = one(&items[1], "a.govuk-task-list__link");
    assert_eq!(
        describedby(&link),
        vec!["task-list-default-2-hint", "task-list-default-2-status"]
    );
    assert_eq!(
        describedby(&one(&items[0], "a")),
        vec!["task-list-default-1-status"]
    );
    assert!(has_class(&items[0], "govuk-task-list__item--with-link"));
    // "Cannot start yet" is not a link.
    assert!(none(&items[4], "a"));
    assert!(!has_class(&items[4], "govuk-task-list__item--with-link"));
    assert!(has_class(
        &one(&items[4], ".govuk-task-list__status"),
        "govuk-task-list__status--cannot-start-yet"
    ));
}

#[wasm_bindgen_test]
async fn task_list_navigates_in_the_app() {
    let before = location_hash();
    let (onnavigate, log) = recorder::<AttrValue>();
    let root = mount(task_list::view(TaskListProps {
        onnavigate: Some(onnavigate),
        ..TaskListProps::new(vec![TaskListItem {
            title: "About you".into(),
            href: Some("#about-you".into()),
            hint: None,
            status: TaskStatus::NotStarted,
        }])
    }))
    .await;
    click(&one(&root, "a"));
    assert_eq!(*log.borrow(), vec![AttrValue::from("#about-you")]);
    assert_eq!(location_hash(), before);
}

// ---------------------------------------------------------------------------------------------
// Banners and text

#[wasm_bindgen_test]
async fn notification_banner_is_a_region_labelled_by_its_title() {
    let root = mount_example("notification_banner", "default").await;
    let banner = one(&root, ".govuk-notification-banner");
    assert_eq!(attr(&banner, "role").as_deref(), Some("region"));
    let title = one(
        &banner,
        &format!("#{}", attr(&banner, "aria-labelledby").unwrap()),
    );
    assert_eq!(text(&title), "Important");
    assert_eq!(
        text(&one(&banner, ".govuk-notification-banner__heading")),
        "Drafts are kept in this browser only"
    );
    assert!(!active_is(&banner));
}

#[wasm_bindgen_test]
async fn success_banner_is_an_alert_and_takes_focus() {
    let root = mount_example("notification_banner", "success").await;
    let banner = one(&root, ".govuk-notification-banner--success");
    assert_eq!(attr(&banner, "role").as_deref(), Some("alert"));
    assert_eq!(
        text(&one(&banner, ".govuk-notification-banner__title")),
        "Success"
    );
    assert!(active_is(&banner), "focus is on {:?}", active_id());
}

#[wasm_bindgen_test]
async fn warning_text_hides_the_icon_and_says_warning() {
    let root = mount_example("warning_text", "default").await;
    let icon = one(&root, ".govuk-warning-text__icon");
    assert_eq!(attr(&icon, "aria-hidden").as_deref(), Some("true"));
    let body = one(&root, ".govuk-warning-text__text");
    assert_eq!(text(&one(&body, ".govuk-visually-hidden")), "Warning");
    assert_eq!(
        text(&body),
        "Warning If there is an immediate risk of harm, call 999 now."
    );
}

#[wasm_bindgen_test]
async fn protective_marking_is_a_landmark_named_protective_marking() {
    let root = mount_example("protective_marking", "default").await;
    let marking = one(&root, ".pct-marking");
    assert_eq!(attr(&marking, "role").as_deref(), Some("region"));
    assert_eq!(
        attr(&marking, "aria-label").as_deref(),
        Some("Protective marking")
    );
    assert_eq!(text(&marking), "OFFICIAL-SENSITIVE");
}

#[wasm_bindgen_test]
async fn protective_marking_for_training_says_fictional() {
    let root = mount_example("protective_marking", "training").await;
    let marking = one(&root, ".pct-marking");
    assert!(has_class(&marking, "pct-marking--training"));
    assert_eq!(text(&marking), "OFFICIAL-SENSITIVE TRAINING — FICTIONAL");
}

#[wasm_bindgen_test]
async fn panel_title_is_the_page_heading() {
    let root = mount_example("panel", "default").await;
    assert_eq!(
        text(&one(
            &root,
            ".govuk-panel--confirmation h1.govuk-panel__title"
        )),
        "Referral complete"
    );
    let body = one(&root, ".govuk-panel__body");
    assert!(
        text(&body).starts_with("Your reference number"),
        "{}",
        text(&body)
    );
    assert_eq!(text(&one(&body, "strong")), "PRV-0001");
}

#[wasm_bindgen_test]
async fn header_marks_the_current_page() {
    let root = mount_example("header", "with navigation").await;
    assert_eq!(
        text(&one(&root, "header .pct-header__service-name")),
        "Prevent Case Toolkit"
    );
    let nav = one(&root, "nav");
    assert_eq!(attr(&nav, "aria-label").as_deref(), Some("Menu"));
    let current = all(&nav, "a[aria-current=page]");
    assert_eq!(current.len(), 1);
    assert_eq!(text(&current[0]), "Drafts");
}

#[wasm_bindgen_test]
async fn details_summary_and_inset_tag_footer_render_their_content() {
    let root = mount_example("details", "default").await;
    let details = one(&root, "details.govuk-details");
    assert!(!details.has_attribute("open"));
    assert_eq!(
        text(&one(&details, "summary .govuk-details__summary-text")),
        "What is Prevent?"
    );
    let root = mount_example("inset_text", "default").await;
    assert_eq!(
        text(&one(&root, ".govuk-inset-text")),
        "A referral is not a phone call for advice."
    );
    let root = mount_example("tag", "default").await;
    assert!(has_class(&one(&root, "strong.govuk-tag"), "govuk-tag--red"));
    let root = mount_example("footer", "default").await;
    one(&root, "footer.govuk-footer .govuk-width-container p");
    // Issue 21, item 9: the support links, named for a screen reader's list of headings.
    let root = mount_example("footer", "with support links").await;
    assert_eq!(
        text(&one(&root, "footer h2.govuk-visually-hidden")),
        "Support links"
    );
    let links = root
        .query_selector_all("footer ul.govuk-footer__inline-list li a.govuk-footer__link")
        .unwrap();
    assert_eq!(links.length(), 2);
}

#[wasm_bindgen_test]
async fn deadline_panel_is_a_labelled_section_with_a_polite_live_status() {
    let root = mount_example("deadline_panel", "upcoming").await;
    let panel = one(&root, "section.pct-deadline");
    let title = one(&panel, "h3");
    assert_eq!(attr(&panel, "aria-labelledby"), attr(&title, "id"));
    assert!(
        text(&title).contains("PGA-2, CTP-Prevent Policy s8"),
        "the rule id and section are shown"
    );
    let status = one(&panel, ".pct-deadline__status");
    assert_eq!(attr(&status, "role").as_deref(), Some("status"));
    assert_eq!(attr(&status, "aria-live").as_deref(), Some("polite"));
    assert_eq!(
        text(&status),
        "Upcoming Due 31 December 2026: 4 working days left"
    );
    assert!(!has_class(&panel, "pct-deadline--overdue"));
}

#[wasm_bindgen_test]
async fn deadline_panel_overdue_is_marked_in_words_and_colour() {
    let root = mount_example("deadline_panel", "overdue").await;
    let panel = one(&root, "section.pct-deadline");
    assert!(has_class(&panel, "pct-deadline--overdue"));
    let tag = one(&panel, ".govuk-tag");
    assert_eq!(text(&tag), "Overdue");
    assert!(has_class(&tag, "govuk-tag--red"));
    // Issue 21, item 7: the tag says "Overdue" and the sentence does not say it again.
    assert_eq!(
        text(&one(&panel, ".pct-deadline__status")),
        "Overdue was due 31 December 2026, 1 working day ago"
    );
}

// ---------------------------------------------------------------------------------------------
// Timeline (issue 5 groundwork)

#[wasm_bindgen_test]
async fn plp_5_int_1_timeline_is_a_labelled_picture_with_the_same_facts_in_a_table() {
    let root = mount_example("timeline", "a case reassessed down and closed").await;
    let svg = one(&root, "svg");
    assert_eq!(attr(&svg, "role").as_deref(), Some("img"));
    // The picture is named by its title and described by its summary.
    for id in attr(&svg, "aria-labelledby").expect("labelled").split(' ') {
        assert!(!text(&one(&root, &format!("#{id}"))).is_empty(), "{id}");
    }
    assert_eq!(
        text(&one(&root, "svg title")),
        "Case PCM-2026-0042 over time"
    );
    // High, then Standard: two reassessments in the same band are one stretch.
    let bands: Vec<String> = all(&root, ".pct-timeline__span")
        .iter()
        .map(|g| attr(g, "data-band").unwrap_or_default())
        .collect();
    assert_eq!(bands, vec!["High", "Standard"]);
    // Entry, submission, reassessment, panel, reassessment, and two deadlines: the FIMU
    // summary (INT-1, 6 April) and the review (PLP-5, 25 May) are overdue on 1 June.
    let rows = all(&root, "tbody tr");
    assert_eq!(rows.len(), 7);
    let overdue: Vec<String> = rows
        .iter()
        .filter(|r| text(r).contains("Overdue"))
        .map(text)
        .collect();
    assert_eq!(overdue.len(), 2, "{overdue:?}");
    assert!(
        overdue[0].contains("6 April 2026") && overdue[0].contains("INT-1"),
        "{}",
        overdue[0]
    );
    assert!(
        overdue[1].contains("25 May 2026") && overdue[1].contains("PLP-5"),
        "{}",
        overdue[1]
    );
    assert_eq!(all(&root, ".pct-timeline__item--overdue").len(), 2);
    assert!(
        text(&rows[0]).contains("Entered PLP: High (Red)"),
        "{}",
        text(&rows[0])
    );
}
