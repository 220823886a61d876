//! The service's own pages, linked from the footer of every page of every app (issue 21, item
//! 9; docs/decisions/0026): the accessibility statement (GOV.UK's model), the privacy notice
//! (what is kept where, for how long, how to delete it) and help with the team's contact. Each
//! app renders its own copy: the partners' and the officers' name the team and force from the
//! deployment settings (`WithTeam`, the one component here, for the settings arriving); the
//! trainer's, which has no deployment code, says what training records are. Plain words, kept
//! short: every sentence is in each app's download.

use super::send;
use crate::nav;
use crate::route::{Route, Service};
use crate::router::Navigator;
use crate::services::deployment::Loaded;
use yew::prelude::*;

/// The page: its title set as it renders (a plain function, like "page not found").
pub fn view(page: Service, navigator: &Navigator) -> Html {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(&format!("{} – Prevent Case Toolkit", page.title()));
    }
    // A constant per app (decision 0012): the trainer's build has no `WithTeam`.
    if crate::bundle::current().paths.training {
        body(page, navigator, None)
    } else {
        html! { <WithTeam {page} /> }
    }
}

/// Properties of [`WithTeam`].
#[derive(Properties, PartialEq)]
struct WithTeamProps {
    page: Service,
}

/// The page with the deployment settings, drawn again when they arrive.
#[component]
fn WithTeam(props: &WithTeamProps) -> Html {
    let navigator = crate::router::use_navigator().expect("router");
    let loaded = crate::hooks::use_deployment(true);
    body(props.page, &navigator, Some(loaded.as_ref()))
}

fn p(text: &str) -> Html {
    html! { <p class="govuk-body">{ text }</p> }
}

fn h2(text: &str) -> Html {
    html! { <h2 class="govuk-heading-m">{ text }</h2> }
}

fn list(items: &[&str]) -> Html {
    html! { <ul class="govuk-list govuk-list--bullet">{ for items.iter().map(|i| html! { <li>{ *i }</li> }) }</ul> }
}

/// `team`: `None` in the trainer's app; else the settings, `None` while they load.
fn body(page: Service, navigator: &Navigator, team: Option<Option<&Loaded>>) -> Html {
    let b = crate::bundle::current();
    let officer = b.paths.officer;
    let hub = nav::href(&if officer {
        Route::OfficerHome
    } else {
        Route::Drafts
    });
    let hub_name = if b.paths.training {
        "Scenarios"
    } else if officer {
        "Assessments and cases"
    } else {
        "Saved drafts"
    };
    let hub_link = html! { <a class="govuk-link" href={hub.clone()} onclick={nav::on_click(navigator, hub)}>{ hub_name }</a> };
    let contact = match team {
        None => p("This is the trainer's simulator, with fictional cases only: for help with it, ask your trainer."),
        Some(loaded) => send::contact(loaded),
    };
    let content = match page {
        Service::Accessibility => html! {
            <>
                { p("This statement is for the Prevent Case Toolkit on this site: the referral form for partners, the officers' toolkit and the trainer's simulator. You should be able to:") }
                { list(&[
                    "change colours, contrast and fonts with your browser or device settings",
                    "zoom in up to 400% without text spilling off the screen: every page fits a screen 320 pixels wide",
                    "use every page with a keyboard only: a new page puts focus on its heading",
                    "use the toolkit with a screen reader: problems with your answers are listed at the top of the page and beside each answer",
                    "stop and come back later: your answers are saved in this browser as you type",
                ]) }
                { h2("What is not fully accessible") }
                <ul class="govuk-list govuk-list--bullet">
                    <li>{ "On a narrow screen such as a phone, a table of records scrolls sideways inside its own box rather than fitting the screen." }</li>
                    if !b.paths.training {
                        <li>{ "The toolkit locks itself after a time without use: 15 minutes unless you choose 5, 30 or 60 under \u{201c}This device\u{201d} on " }{ hub_link.clone() }{ ". You are warned 2 minutes before the toolkit locks itself and can stay unlocked. What you typed is saved, and comes back when you enter your passphrase." }</li>
                    }
                    <li>{ "It has not yet been tested by disabled people or checked by an accessibility specialist." }</li>
                </ul>
                { h2("Feedback and contact") }
                { p("If you find a problem not listed here, or need anything in another format, tell us:") }
                { contact }
                { h2("Enforcement procedure") }
                { p("The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the \u{2018}accessibility regulations\u{2019}). If you are not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS).") }
                { h2("Compliance status") }
                { p("This toolkit is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, because of the problems listed above.") }
                { h2("How we tested this toolkit") }
                { p("Every change is tested automatically: every page of the three apps, with its error messages, is checked with axe-core against WCAG 2.2 A and AA and axe\u{2019}s best practices, and at 320 pixels wide for sideways scrolling. A whole referral is made with the keyboard only, checking that each new page puts focus on its heading.") }
                { p("This statement was prepared on 7 December 2026.") }
            </>
        },
        Service::Privacy if b.paths.training => html! {
            <>
                { p("The trainer's simulator keeps fictional training records only. They are kept in this browser\u{2019}s local storage (localStorage) on this device, apart from real records, and are not encrypted: never type a real person\u{2019}s details here.") }
                { p("Nothing you type leaves this browser unless you download it. The scenarios come from this site; nothing is sent to it.") }
                { p("\u{201c}Start again\u{201d} on a scenario deletes your records for it. Clearing this site\u{2019}s data in your browser\u{2019}s settings deletes them all.") }
            </>
        },
        Service::Privacy => html! {
            <>
                { match team {
                    Some(Some(l)) => match &**l {
                        Ok(d) => p(&format!("{} runs this site and is the data controller for it. It cannot see what you type here.", d.force)),
                        Err(_) => p("This site\u{2019}s settings do not name the police force that runs it."),
                    },
                    _ => Html::default(),
                } }
                { h2("What is kept, and where") }
                { p("Everything you type is kept only in this browser on this device, in its local storage (localStorage), so that you can stop and come back. Each draft and record is encrypted (AES-256-GCM) with a key made from your passphrase.") }
                { p("Your passphrase is never stored. The key is kept only in the memory of the toolkit\u{2019}s open tabs: locking the toolkit, or closing its tabs, clears it. On a shared computer each person\u{2019}s records are kept apart under their own passphrase, and no name is stored.") }
                { p(if officer {
                    "Also kept, not encrypted and not about anyone: this device\u{2019}s settings (when the toolkit locks itself, how long to keep records, your bank holidays and DIF framework), and a copy of the toolkit\u{2019}s own files and of this site\u{2019}s settings file, so that it works offline."
                } else {
                    "Also kept, not encrypted and not about anyone: this device\u{2019}s settings (when the toolkit locks itself, how long to keep records), and a copy of the toolkit\u{2019}s own files and of this site\u{2019}s settings file, so that it works offline."
                }) }
                { h2("What leaves this browser") }
                { p("Nothing you type, unless you download or print it: then you choose where the file goes, for example by email to your Prevent team. The toolkit sends nothing itself: no cookies, no analytics, no other website. It only fetches its own files and this site\u{2019}s settings file (deployment.json), which names the Prevent team.") }
                { h2("How long it is kept") }
                <p class="govuk-body">{ "Until you delete it. Under \u{201c}This device\u{201d} on " }{ hub_link.clone() }{ " you can choose to be offered the removal of records not changed for 3 months, 6 months or a year: you are told two weeks before, and nothing is removed until you say so." }</p>
                { h2("How to delete it") }
                <p class="govuk-body">{ "Delete a record from " }{ hub_link }{ ". To delete everything the toolkit keeps in this browser, everyone\u{2019}s on a shared computer, choose \u{201c}Wipe all data on this device\u{201d} under \u{201c}This device\u{201d} there, or \u{201c}Delete everything on this computer\u{201d} where your passphrase is asked for. Clearing this site\u{2019}s data in your browser\u{2019}s settings does the same." }</p>
            </>
        },
        Service::Help => html! {
            <>
                if b.paths.training {
                    { p("Choose a scenario from Scenarios, read its case file and work it in the real pages, on the scenario\u{2019}s date. The debrief then compares your answers with the model answer, point by point.") }
                } else {
                    { h2(if officer { "Start or carry on with a record" } else { "Start or carry on with a referral" }) }
                    { p(if officer {
                        "Start a Gateway Assessment, a PLP case or a partner\u{2019}s referral from Assessments and cases. Your answers are saved in this browser as you type: to carry on, open the same list on the same computer and browser, and enter your passphrase."
                    } else {
                        "Choose \u{201c}Make a referral\u{201d}, then \u{201c}Start now\u{201d}. Your answers are saved in this browser as you type: to carry on, open \u{201c}Saved drafts\u{201d} on the same computer and browser, enter your passphrase and choose the referral. It is kept only in this browser on this computer."
                    }) }
                    { h2("If you forget your passphrase") }
                    { p("Nobody can recover it, not even your Prevent team, and what it protects cannot be opened. On the page that asks for it, \u{201c}I am someone else\u{201d} starts again with a new passphrase, deleting nothing; or you can delete everything kept here.") }
                    { h2("If someone is in immediate danger") }
                    { p("Call 999.") }
                }
                { h2("Contact") }
                { contact }
            </>
        },
    };
    html! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <h1 class="govuk-heading-l">{ page.title() }</h1>
                { content }
            </div>
        </div>
    }
}
