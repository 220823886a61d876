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
        RadioItem::new("email", "Email").with_conditional(text_input::view(TextInputProps {
            input_type: "email".into(),
            spellcheck: Some(false),
            ..TextInputProps::new(format!("{id}-email"), "contact-email", "Email address")
        })),
        RadioItem::new("phone", "Phone").with_conditional(text_input::view(TextInputProps {
            input_type: "tel".into(),
            width: some("20"),
            ..TextInputProps::new(format!("{id}-phone"), "contact-phone", "Phone number")
        })),
        RadioItem::new("none", "Do not contact me"),
    ]
}

fn concern_items(id: &AttrValue) -> Vec<CheckboxItem> {
    vec![
        CheckboxItem::new("online", "Online activity"),
        CheckboxItem::new("travel", "Travel to a conflict zone")
            .with_hint("Planned or recent travel"),
        CheckboxItem::new("other", "Something else").with_conditional(text_input::view(
            TextInputProps::new(
                format!("{id}-other-details"),
                "other-details",
                "Give details",
            ),
        )),
    ]
}

/// Every example, grouped by component.
pub fn examples() -> Vec<Example> {
    vec![
        ex!("text_input", "default", |id| text_input::view(
            TextInputProps::new(id, "full-name", "Full name")
        )),
        ex!("text_input", "with hint", |id| text_input::view(
            TextInputProps {
                hint: some("As it appears on official documents"),
                ..TextInputProps::new(id, "full-name", "Full name")
            }
        )),
        ex!("text_input", "with error", |id| text_input::view(
            TextInputProps {
                error: some("Enter a full name"),
                ..TextInputProps::new(id, "full-name", "Full name")
            }
        )),
        ex!("text_input", "with hint and error", |id| text_input::view(
            TextInputProps {
                input_type: "email".into(),
                spellcheck: Some(false),
                hint: some("We will only use this to contact you about this referral"),
                error: some("Enter an email address in the correct format, like name@example.com"),
                value: "not an email".into(),
                ..TextInputProps::new(id, "email", "Email address")
            }
        )),
        ex!("text_input", "as page heading", |id| text_input::view(
            TextInputProps {
                label_is_heading: true,
                width: some("20"),
                ..TextInputProps::new(id, "organisation", "What is your organisation?")
            }
        )),
        ex!("password_input", "default", |id| password_input::view(
            PasswordInputProps::new(id, "Passphrase")
        )),
        ex!("password_input", "new, with hint", |id| {
            password_input::view(PasswordInputProps {
                new: true,
                hint: some("At least 10 characters. A few words you will remember is best."),
                ..PasswordInputProps::new(id, "Passphrase")
            })
        }),
        ex!("password_input", "with error", |id| password_input::view(
            PasswordInputProps {
                value: "not my passphrase".into(),
                error: some("The passphrase is not right. Nothing has been changed"),
                ..PasswordInputProps::new(id, "Passphrase")
            }
        )),
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
        ex!("radios", "default", |id| radios::view(RadiosProps {
            id,
            name: "sector".into(),
            legend: "Which sector do you work in?".into(),
            items: sectors(),
            ..Default::default()
        })),
        ex!("radios", "inline", |id| radios::view(RadiosProps {
            id,
            name: "under-18".into(),
            legend: "Is the person under 18?".into(),
            inline: true,
            items: vec![RadioItem::new("yes", "Yes"), RadioItem::new("no", "No")],
            selected: some("no"),
            ..Default::default()
        })),
        ex!("radios", "with hint and error", |id| radios::view(
            RadiosProps {
                id,
                name: "sector".into(),
                legend: "Which sector do you work in?".into(),
                legend_is_heading: true,
                hint: some("Select one option"),
                error: some("Select the sector you work in"),
                items: sectors(),
                ..Default::default()
            }
        )),
        ex!("radios", "with conditional reveal selected", |id| {
            radios::view(RadiosProps {
                items: contact_items(&id),
                id,
                name: "contact".into(),
                legend: "How should we contact you?".into(),
                selected: some("email"),
                ..Default::default()
            })
        }),
        ex!("radios", "with conditional reveal not selected", |id| {
            radios::view(RadiosProps {
                items: contact_items(&id),
                id,
                name: "contact".into(),
                legend: "How should we contact you?".into(),
                selected: some("none"),
                ..Default::default()
            })
        }),
        ex!("radios", "with an option that cannot be chosen", |id| {
            radios::view(RadiosProps {
                id,
                name: "decision".into(),
                legend: "What is the Gateway Decision?".into(),
                items: vec![
                    RadioItem::new("keep-in-pcm", "Keep in PCM"),
                    RadioItem {
                        disabled: true,
                        ..RadioItem::new("refer-to-lacc", "Refer to the LACC").with_hint(
                            "Not available: Only Dovetail areas refer cases to the LACC at PGA (PGA-7, s8, s10).",
                        )
                    },
                ],
                ..Default::default()
            })
        }),
        ex!("timeline", "a case reassessed down and closed", |id| {
            timeline::view(TimelineProps {
                id,
                caption: "Case PCM-2026-0042 over time".into(),
                timeline: plp_example(),
            })
        }),
        ex!("checkboxes", "default", |id| checkboxes::view(
            CheckboxesProps {
                items: concern_items(&id),
                id,
                name: "concern".into(),
                legend: "What are your concerns?".into(),
                hint: some("Select all that apply"),
                selected: vec![AttrValue::Static("online")],
                ..Default::default()
            }
        )),
        ex!("checkboxes", "with error", |id| checkboxes::view(
            CheckboxesProps {
                items: concern_items(&id),
                id,
                name: "concern".into(),
                legend: "What are your concerns?".into(),
                error: some("Select at least one concern"),
                ..Default::default()
            }
        )),
        ex!("checkboxes", "with conditional reveal selected", |id| {
            checkboxes::view(CheckboxesProps {
                items: concern_items(&id),
                id,
                name: "concern".into(),
                legend: "What are your concerns?".into(),
                selected: vec![AttrValue::Static("online"), AttrValue::Static("other")],
                ..Default::default()
            })
        }),
        ex!("date_input", "default", |id| date_input::view(
            DateInputProps {
                id,
                legend: "What is their date of birth?".into(),
                hint: some("For example, 27 3 2007"),
                ..Default::default()
            }
        )),
        ex!("date_input", "with error on month only", |id| {
            date_input::view(DateInputProps {
                id,
                legend: "What is their date of birth?".into(),
                hint: some("For example, 27 3 2007"),
                error: some("Date of birth must be a real date"),
                error_parts: DateErrorParts {
                    month: true,
                    ..Default::default()
                },
                day: "27".into(),
                month: "13".into(),
                year: "2007".into(),
                ..Default::default()
            })
        }),
        ex!("date_input", "with error on whole date", |id| {
            date_input::view(DateInputProps {
                id,
                legend: "When did this happen?".into(),
                legend_is_heading: true,
                error: some("Date must be today or in the past"),
                day: "1".into(),
                month: "1".into(),
                year: "2999".into(),
                ..Default::default()
            })
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
        ex!("button", "default", |_| button::view(ButtonProps::new(
            "Continue"
        ))),
        ex!("button", "secondary", |_| button::view(ButtonProps {
            variant: ButtonVariant::Secondary,
            button_type: "button".into(),
            ..ButtonProps::new("Save and come back later")
        })),
        ex!("button", "warning", |_| button::view(ButtonProps {
            variant: ButtonVariant::Warning,
            button_type: "button".into(),
            ..ButtonProps::new("Delete draft")
        })),
        ex!("button", "start", |_| button::view(ButtonProps {
            is_start: true,
            button_type: "button".into(),
            ..ButtonProps::new("Start now")
        })),
        ex!("button", "group", |_| button::group(ButtonGroupProps {
            children: html! {
                <>
                    { button::view(ButtonProps::new("Continue")) }
                    <a class="govuk-link" href="#">{ "Cancel" }</a>
                </>
            },
        })),
        ex!("back_link", "default", |_| back_link::view(
            BackLinkProps::new("#", None)
        )),
        ex!("summary_list", "with actions", |_| summary_list::view(
            SummaryListProps {
                rows: vec![
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
                    SummaryRow {
                        key: "Reference".into(),
                        value: html! { "PRV-0001" },
                        action: None
                    },
                ],
            }
        )),
        ex!("summary_list", "in a card", |_| summary_list::card(
            SummaryCardProps {
                title: "About you".into(),
                children: summary_list::view(SummaryListProps {
                    rows: vec![SummaryRow {
                        key: "Organisation".into(),
                        value: html! { "Anytown School" },
                        action: None
                    },],
                }),
            }
        )),
        ex!("task_list", "default", |id| task_list::view(
            TaskListProps {
                id_prefix: id,
                onnavigate: None,
                items: vec![
                    TaskListItem {
                        title: "About you".into(),
                        href: some("#"),
                        hint: None,
                        status: TaskStatus::Completed
                    },
                    TaskListItem {
                        title: "Their details".into(),
                        href: some("#"),
                        hint: some("Name, date of birth, address"),
                        status: TaskStatus::InProgress
                    },
                    TaskListItem {
                        title: "Concerns".into(),
                        href: some("#"),
                        hint: None,
                        status: TaskStatus::NotStarted
                    },
                    TaskListItem {
                        title: "Relevant information".into(),
                        href: some("#"),
                        hint: None,
                        status: TaskStatus::Error("There is a problem".into())
                    },
                    TaskListItem {
                        title: "Check your answers".into(),
                        href: None,
                        hint: None,
                        status: TaskStatus::CannotStartYet
                    },
                ],
            }
        )),
        ex!("notification_banner", "default", |id| html! {
            <NotificationBanner id={id} heading={some("Drafts are kept in this browser only")}>
                <p class="govuk-body">{ "Export a draft to move it to another device." }</p>
            </NotificationBanner>
        }),
        ex!("notification_banner", "success", |id| html! {
            <NotificationBanner id={id} success={true} heading={some("Draft deleted")} />
        }),
        ex!("deadline_panel", "upcoming", |id| deadline_panel::view(
            DeadlinePanelProps {
                id,
                title: "Prevent Gateway Assessment".into(),
                rule_id: prevent_core::RuleId::Pga2,
                state: DeadlineState::Upcoming,
                summary: "Due 31 December 2026: 4 working days left".into(),
                detail: "The PGA must be completed within 5 working days of receipt from the FIMU."
                    .into(),
            }
        )),
        ex!("deadline_panel", "overdue", |id| deadline_panel::view(
            DeadlinePanelProps {
                id,
                title: "Prevent Gateway Assessment".into(),
                rule_id: prevent_core::RuleId::Pga2,
                state: DeadlineState::Overdue,
                summary: "Overdue: was due 31 December 2026, 1 working day ago".into(),
                detail: "The PGA must be completed within 5 working days of receipt from the FIMU."
                    .into(),
            }
        )),
        ex!("warning_text", "default", |_| warning_text::view(
            WarningTextProps::new(html! { "If there is an immediate risk of harm, call 999 now." })
        )),
        ex!("inset_text", "default", |_| inset_text::view(
            InsetTextProps {
                children: html! { "A referral is not a phone call for advice." },
            }
        )),
        ex!("protective_marking", "default", |_| {
            protective_marking::view(ProtectiveMarkingProps::default())
        }),
        ex!("protective_marking", "training", |_| {
            protective_marking::view(ProtectiveMarkingProps {
                training: true,
                ..Default::default()
            })
        }),
        ex!("panel", "default", |_| panel::view(PanelProps {
            title: "Referral complete".into(),
            children: html! { <>{ "Your reference number" }<br /><strong>{ "PRV-0001" }</strong></> },
        })),
        ex!("header", "with navigation", |_| header::view(HeaderProps {
            service_href: "#".into(),
            nav: vec![
                HeaderLink::new("Drafts", "#", true),
                HeaderLink::new("Training", "#", false)
            ],
            ..HeaderProps::new("Prevent Case Toolkit")
        })),
        ex!("footer", "default", |_| footer::view(FooterProps {
            children: html! { <p class="govuk-body-s">{ "Nothing you enter leaves this browser." }</p> },
            ..Default::default()
        })),
        ex!("footer", "with support links", |_| footer::view(
            FooterProps {
                links: vec![
                    ("Help and contact".into(), "#help".into()),
                    ("Privacy notice".into(), "#privacy".into())
                ],
                ..Default::default()
            }
        )),
        ex!("skip_link", "default", |id| skip_link::view(
            SkipLinkProps {
                href: format!("#{id}-main").into(),
                ..Default::default()
            }
        )),
        ex!("details", "default", |_| details::view(DetailsProps {
            summary: "What is Prevent?".into(),
            children: html! { "Prevent aims to stop people becoming terrorists." },
            ..Default::default()
        })),
        ex!("tag", "default", |_| tag::view(TagProps {
            text: "Overdue".into(),
            colour: TagColour::Red,
        })),
    ]
}

/// A PLP case entered High, reassessed to Standard then Monitored, with a panel, a FIMU
/// submission and an overdue review, seen on 1 June 2026.
fn plp_example() -> prevent_core::plp_case::Timeline {
    use prevent_core::calendar::{Calendar, Division};
    use prevent_core::deadline::Band;
    use prevent_core::plp_case::{timeline, PlpCase, Review};
    let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).expect("a real date");
    let review = |date, band| Review {
        date,
        dif: Default::default(),
        inputs: Default::default(),
        band,
        monitored_reason: None,
        monitored_every: None,
        rationale: String::new(),
        cmp_updated: true,
        signed_off: Some(date),
    };
    let case = PlpCase {
        case_reference: "PCM-2026-0042".into(),
        route: Some(prevent_core::plp::EntryRoute::FromGatewayDecision),
        route_rationale: "Escalating".into(),
        reviews: vec![
            review(d(2026, 1, 5), Band::High),
            review(d(2026, 2, 2), Band::Standard),
            review(d(2026, 3, 30), Band::Standard),
        ],
        panels: vec![prevent_core::plp_case::PanelMeeting {
            date: d(2026, 3, 2),
            panel: Default::default(),
            minutes: String::new(),
            actions: String::new(),
        }],
        fimu_submissions: vec![d(2026, 1, 6)],
        closure: None,
        transfer: Default::default(),
    };
    timeline(
        &case,
        &Calendar::of(Division::EnglandAndWales),
        d(2026, 6, 1),
    )
}
