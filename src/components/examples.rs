//! Named examples of every component, as govuk-frontend keeps them in each component's yaml
//! ("default", "with hint", "with error", …). The browser tests (`tests/components.rs`) render
//! them one at a time; a gallery page can render them all for an accessibility audit. Every id
//! is `<component>-<example>` in kebab case, so examples can share a page.

use yew::prelude::*;

use super::*;

/// One named example of a component.
#[derive(Clone, Copy)]
pub struct Example {
    /// The component's file name, for example `"text_input"`.
    pub component: &'static str,
    /// The example's name, for example `"with hint and error"`.
    pub name: &'static str,
    /// Renders the example (callbacks do nothing).
    pub render: fn() -> Html,
}

/// The id an example's main control uses: `text-input-with-hint` for `("text_input", "with hint")`.
pub fn example_id(component: &str, name: &str) -> String {
    format!("{component}-{name}")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

/// The example of `component` called `name`, if there is one.
pub fn example(component: &str, name: &str) -> Option<Html> {
    examples()
        .into_iter()
        .find(|e| e.component == component && e.name == name)
        .map(|e| (e.render)())
}

fn id(component: &str, name: &str) -> AttrValue {
    AttrValue::from(example_id(component, name))
}

fn some(s: &'static str) -> Option<AttrValue> {
    Some(AttrValue::Static(s))
}

macro_rules! ex {
    ($component:literal, $name:literal, $body:expr) => {
        Example {
            component: $component,
            name: $name,
            render: || {
                let render: fn(AttrValue) -> Html = $body;
                render(id($component, $name))
            },
        }
    };
}

fn sectors() -> Vec<RadioItem> {
    vec![
        RadioItem::new("education", "Education"),
        RadioItem::new("health", "Health"),
        RadioItem::new("local-authority", "Local authority"),
    ]
}

fn contact_items(id: &AttrValue) -> Vec<RadioItem> {
    vec![
        RadioItem::new("email", "Email").with_conditional(html! {
            <TextInput id={format!("{id}-email")} name="contact-email" label="Email address"
                       input_type="email" autocomplete="email" spellcheck={false} />
        }),
        RadioItem::new("phone", "Phone").with_conditional(html! {
            <TextInput id={format!("{id}-phone")} name="contact-phone" label="Phone number"
                       input_type="tel" autocomplete="tel" width="20" />
        }),
        RadioItem::new("none", "Do not contact me"),
    ]
}

fn concern_items(id: &AttrValue) -> Vec<CheckboxItem> {
    vec![
        CheckboxItem::new("online", "Online activity"),
        CheckboxItem::new("travel", "Travel to a conflict zone")
            .with_hint("Planned or recent travel"),
        CheckboxItem::new("other", "Something else").with_conditional(html! {
            <TextInput id={format!("{id}-other-details")} name="other-details" label="Give details" />
        }),
    ]
}

/// Every example, grouped by component.
pub fn examples() -> Vec<Example> {
    vec![
        ex!("text_input", "default", |id| html! {
            <TextInput id={id} name="full-name" label="Full name" />
        }),
        ex!("text_input", "with hint", |id| html! {
            <TextInput id={id} name="full-name" label="Full name"
                       hint="As it appears on official documents" />
        }),
        ex!("text_input", "with error", |id| html! {
            <TextInput id={id} name="full-name" label="Full name" error="Enter a full name" />
        }),
        ex!("text_input", "with hint and error", |id| html! {
            <TextInput id={id} name="email" label="Email address" input_type="email"
                       autocomplete="email" spellcheck={false}
                       hint="We will only use this to contact you about this referral"
                       error="Enter an email address in the correct format, like name@example.com"
                       value="not an email" />
        }),
        ex!("text_input", "as page heading", |id| html! {
            <TextInput id={id} name="organisation" label="What is your organisation?"
                       label_is_heading={true} width="20" />
        }),
        ex!("textarea", "default", |id| html! {
            <Textarea id={id} name="concerns" label="Describe your concerns" />
        }),
        ex!("textarea", "with character count", |id| html! {
            <Textarea id={id} name="concerns" label="Describe your concerns"
                      hint="Include what you saw or heard, and when" max_chars={Some(200)}
                      value="Leaflets left in the library." />
        }),
        ex!("textarea", "over the limit", |id| html! {
            <Textarea id={id} name="summary" label="Summary" max_chars={Some(10)}
                      value="This is far too long" />
        }),
        ex!("textarea", "with error", |id| html! {
            <Textarea id={id} name="concerns" label="Describe your concerns" max_chars={Some(200)}
                      error="Describe your concerns" />
        }),
        ex!("radios", "default", |id| html! {
            <Radios id={id} name="sector" legend="Which sector do you work in?" items={sectors()} />
        }),
        ex!("radios", "inline", |id| html! {
            <Radios id={id} name="under-18" legend="Is the person under 18?" inline={true}
                    items={vec![RadioItem::new("yes", "Yes"), RadioItem::new("no", "No")]}
                    selected={some("no")} />
        }),
        ex!("radios", "with hint and error", |id| html! {
            <Radios id={id} name="sector" legend="Which sector do you work in?"
                    legend_is_heading={true} hint="Select one option"
                    error="Select the sector you work in" items={sectors()} />
        }),
        ex!("radios", "with conditional reveal selected", |id| {
            let items = contact_items(&id);
            html! {
                <Radios id={id} name="contact" legend="How should we contact you?"
                        items={items} selected={some("email")} />
            }
        }),
        ex!("radios", "with conditional reveal not selected", |id| {
            let items = contact_items(&id);
            html! {
                <Radios id={id} name="contact" legend="How should we contact you?"
                        items={items} selected={some("none")} />
            }
        }),
        ex!("checkboxes", "default", |id| html! {
            <Checkboxes id={id.clone()} name="concern" legend="What are your concerns?"
                        hint="Select all that apply" items={concern_items(&id)}
                        selected={vec![AttrValue::Static("online")]} />
        }),
        ex!("checkboxes", "with error", |id| html! {
            <Checkboxes id={id.clone()} name="concern" legend="What are your concerns?"
                        error="Select at least one concern" items={concern_items(&id)} />
        }),
        ex!(
            "checkboxes",
            "with conditional reveal selected",
            |id| html! {
                <Checkboxes id={id.clone()} name="concern" legend="What are your concerns?"
                            items={concern_items(&id)}
                            selected={vec![AttrValue::Static("online"), AttrValue::Static("other")]} />
            }
        ),
        ex!("date_input", "default", |id| html! {
            <DateInput id={id} legend="What is their date of birth?" hint="For example, 27 3 2007" />
        }),
        ex!("date_input", "with error on month only", |id| html! {
            <DateInput id={id} legend="What is their date of birth?" hint="For example, 27 3 2007"
                       error="Date of birth must be a real date"
                       error_parts={DateErrorParts { month: true, ..Default::default() }}
                       day="27" month="13" year="2007" />
        }),
        ex!("date_input", "with error on whole date", |id| html! {
            <DateInput id={id} legend="When did this happen?" legend_is_heading={true}
                       error="Date must be today or in the past" day="1" month="1" year="2999" />
        }),
        ex!("select", "default", |id| html! {
            <Select id={id} name="region" label="Region" placeholder="Select an option"
                    items={vec![
                        (AttrValue::Static("north-east"), AttrValue::Static("North East")),
                        (AttrValue::Static("wales"), AttrValue::Static("Wales")),
                    ]} selected={some("wales")} />
        }),
        ex!("select", "with hint and error", |id| html! {
            <Select id={id} name="region" label="Region" hint="Where the person lives"
                    error="Select a region" placeholder="Select an option"
                    items={vec![(AttrValue::Static("wales"), AttrValue::Static("Wales"))]} />
        }),
        ex!("error_summary", "two errors", |id| html! {
            <ErrorSummary items={vec![
                ErrorSummaryItem::new("Enter a full name", format!("{id}-name")),
                ErrorSummaryItem::new("Select the sector you work in", format!("{id}-sector")),
            ]} />
        }),
        ex!(
            "button",
            "default",
            |_| html! { <Button text="Continue" /> }
        ),
        ex!("button", "secondary", |_| html! {
            <Button text="Save and come back later" variant={ButtonVariant::Secondary} button_type="button" />
        }),
        ex!("button", "warning", |_| html! {
            <Button text="Delete draft" variant={ButtonVariant::Warning} button_type="button" />
        }),
        ex!("button", "start", |_| html! {
            <Button text="Start now" is_start={true} button_type="button" />
        }),
        ex!("button", "group", |_| html! {
            <ButtonGroup>
                <Button text="Continue" />
                <a class="govuk-link" href="#">{ "Cancel" }</a>
            </ButtonGroup>
        }),
        ex!("back_link", "default", |_| html! { <BackLink href="#" /> }),
        ex!("summary_list", "with actions", |_| html! {
            <SummaryList rows={vec![
                SummaryRow {
                    key: "Name".into(),
                    value: html! { "Sarah Philips" },
                    action: Some(SummaryAction {
                        href: "#".into(),
                        text: "Change".into(),
                        visually_hidden_text: "name".into(),
                        onclick: None,
                    }),
                },
                SummaryRow { key: "Reference".into(), value: html! { "PRV-0001" }, action: None },
            ]} />
        }),
        ex!("summary_list", "in a card", |_| html! {
            <SummaryCard title="About you">
                <SummaryList rows={vec![
                    SummaryRow { key: "Organisation".into(), value: html! { "Anytown School" }, action: None },
                ]} />
            </SummaryCard>
        }),
        ex!("task_list", "default", |id| html! {
            <TaskList id_prefix={id} items={vec![
                TaskListItem { title: "About you".into(), href: some("#"), hint: None,
                               status: TaskStatus::Completed },
                TaskListItem { title: "Their details".into(), href: some("#"),
                               hint: some("Name, date of birth, address"),
                               status: TaskStatus::InProgress },
                TaskListItem { title: "Concerns".into(), href: some("#"), hint: None,
                               status: TaskStatus::NotStarted },
                TaskListItem { title: "Relevant information".into(), href: some("#"), hint: None,
                               status: TaskStatus::Error("There is a problem".into()) },
                TaskListItem { title: "Check your answers".into(), href: None, hint: None,
                               status: TaskStatus::CannotStartYet },
            ]} />
        }),
        ex!("notification_banner", "default", |id| html! {
            <NotificationBanner id={id} heading={some("Drafts are kept in this browser only")}>
                <p class="govuk-body">{ "Export a draft to move it to another device." }</p>
            </NotificationBanner>
        }),
        ex!("notification_banner", "success", |id| html! {
            <NotificationBanner id={id} success={true} heading={some("Draft deleted")} />
        }),
        ex!("warning_text", "default", |_| html! {
            <WarningText>{ "If there is an immediate risk of harm, call 999 now." }</WarningText>
        }),
        ex!("inset_text", "default", |_| html! {
            <InsetText>{ "A referral is not a phone call for advice." }</InsetText>
        }),
        ex!(
            "protective_marking",
            "default",
            |_| html! { <ProtectiveMarking /> }
        ),
        ex!(
            "protective_marking",
            "training",
            |_| html! { <ProtectiveMarking training={true} /> }
        ),
        ex!("panel", "default", |_| html! {
            <Panel title="Referral complete">
                { "Your reference number" }<br /><strong>{ "PRV-0001" }</strong>
            </Panel>
        }),
        ex!("header", "with navigation", |_| html! {
            <Header service_name="Prevent Case Toolkit" service_href="#"
                    nav={vec![HeaderLink::new("Drafts", "#", true), HeaderLink::new("Training", "#", false)]} />
        }),
        ex!("footer", "default", |_| html! {
            <Footer><p class="govuk-body-s">{ "Nothing you enter leaves this browser." }</p></Footer>
        }),
        ex!(
            "skip_link",
            "default",
            |id| html! { <SkipLink href={format!("#{id}-main")} /> }
        ),
        ex!("details", "default", |_| html! {
            <Details summary="What is Prevent?">{ "Prevent aims to stop people becoming terrorists." }</Details>
        }),
        ex!(
            "tag",
            "default",
            |_| html! { <Tag text="Overdue" colour={TagColour::Red} /> }
        ),
    ]
}
