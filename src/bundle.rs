//! What differs between the three apps, as one value each (issue 17; decision 0012): the type
//! [`Bundle`] here, the three values in `apps` (the partners' at `/`, the officers' at
//! `/officer/`, the trainer's at `/trainer/`). Each app's binary names its value with
//! [`crate::app!`]; everything else asks [`current`]. A value names the pages and helpers of
//! its own app only, so an app's download holds no other app's code: the linker, not a switch,
//! leaves it out. And because the value is a constant the whole-program optimiser can see (an
//! exported static, read through one `extern` declaration), a branch on one of its fields
//! (`training`, `officer`) or a call through one of its functions is settled when the app is
//! built: the code of the other case is not in that app's download either. `bundles.json`
//! lists the same three for the build and the servers (a native test checks that they agree).

use crate::route::{Form, Paths, Route};
use crate::router::Navigator;
use chrono::NaiveDate;
use prevent_core::calendar::CalendarSettings;
use prevent_core::{Draft, FormSchema};
use yew::Html;

/// One app's differences from the others.
pub struct Bundle {
    /// Its name in `bundles.json`.
    pub name: &'static str,
    /// Its base path, as in `bundles.json` ("/", "/officer/", "/trainer/").
    pub base: &'static str,
    /// Its paths: the officers' segment, whether it is an officers' app, and whether it is the
    /// trainer's (issue 7: training records in the clear under their own storage prefix, the
    /// scenarios' pages and a simulated today).
    pub paths: Paths,
    /// The protective marking of its records, screens and files (`Context::marking`).
    pub marking: &'static str,
    /// The schema of each form it offers.
    pub schema: fn(Form) -> &'static FormSchema,
    /// The forms it can import.
    pub forms: fn() -> Vec<&'static FormSchema>,
    /// Its own pages (the officers' and the trainer's): the route's page, or `None` for the
    /// pages every app shares.
    pub pages: fn(&Route, &Navigator) -> Option<Html>,
    /// What the shared pages ask of the officers' forms.
    pub help: &'static Help,
    /// The day the app lives in when it is not today (a scenario's simulated day).
    pub today: fn() -> Option<NaiveDate>,
    /// A draft was just finished: in the trainer's app, a trainee's Gateway Decision moves the
    /// scenario's story on (issue 7).
    pub finished: fn(Form, &str),
    /// Above every page: the scenario being worked, in the trainer's app.
    pub banner: fn(&Navigator) -> Html,
}

/// What the shared pages (question page, task list, records hub) ask of the officers' forms:
/// the PGA's live help and case links (`pages::pga_help`). The partners' app has
/// [`NO_HELP`], which never names a PGA.
pub struct Help {
    /// Why an option cannot be chosen (PGA-6..9, PGA-14), or `None`.
    pub unavailable: fn(&Draft, &str, &str) -> Option<String>,
    /// Whether a task-list section is shut until de-confliction (PGA-1).
    pub gated: fn(&Draft, &str) -> bool,
    /// The case reference of another final PGA for this case (PGA-10), if any.
    pub duplicate_case: fn(&Draft) -> Option<&'static str>,
    /// A record's next deadline, for the records hub.
    pub next_deadline: fn(&str, &CalendarSettings) -> Html,
    /// A record's next deadline, for sorting.
    pub next_due:
        fn(&str, &prevent_core::calendar::Calendar) -> Option<prevent_core::deadline::Deadline>,
    /// The records linked to a case (deleted with it).
    pub case_records: fn(&Draft) -> Vec<Draft>,
    /// The side panel of a task list.
    pub sidebar: fn(&Draft, &CalendarSettings) -> Html,
    /// The side panel of a question page.
    pub sidebar_of: fn(&str, &prevent_core::Answers, &CalendarSettings) -> Html,
}

/// The partners' help: referrals have no gates, deadlines, cases or side panel.
pub static NO_HELP: Help = Help {
    unavailable: |_, _, _| None,
    gated: |_, _| false,
    duplicate_case: |_| None,
    next_deadline: |_, _| Html::default(),
    next_due: |_, _| None,
    case_records: |_| Vec::new(),
    sidebar: |_, _| Html::default(),
    sidebar_of: |_, _, _| Html::default(),
};

extern "Rust" {
    /// The running app's bundle: defined once, by the app's binary ([`crate::app!`]), or for
    /// a test binary by the test (`tests/*.rs`, and below for the library's own tests).
    #[link_name = "prevent_toolkit_bundle"]
    static APP: &'static Bundle;
}

/// The running app's bundle.
pub fn current() -> &'static Bundle {
    // SAFETY: `prevent_toolkit_bundle` is an immutable `&'static Bundle` that each binary
    // defines exactly once with `app!` (a second or a missing one fails to link); it is never
    // written.
    unsafe { APP }
}

/// An issue's message as this app shows it: with its rule and section in the officers' and the
/// trainer's apps (issue 18: every message an officer reads cites its rule), as written in the
/// partners' (a referrer is not asked to read the catalogue).
pub fn message(issue: &prevent_core::Issue) -> String {
    if current().paths.officer {
        issue.cited()
    } else {
        issue.message.clone()
    }
}

/// Defines an app: its binary's bundle and its `main`. `prevent_toolkit::app!(PARTNERS);` in
/// `src/main.rs`.
#[macro_export]
macro_rules! app {
    ($bundle:ident) => {
        /// This app's bundle, which `bundle::current` reads.
        #[export_name = "prevent_toolkit_bundle"]
        static BUNDLE: &$crate::bundle::Bundle = &$crate::apps::$bundle;
        /// Its paths, which `route::paths` reads.
        #[export_name = "prevent_toolkit_paths"]
        static PATHS: $crate::route::Paths = $crate::apps::$bundle.paths;

        fn main() {
            $crate::run();
        }
    };
}

/// The bundle of the library's own native tests (the partners'; route and bundle tests name
/// each value themselves).
#[cfg(test)]
#[export_name = "prevent_toolkit_bundle"]
static TEST_BUNDLE: &Bundle = &crate::apps::PARTNERS;
#[cfg(test)]
#[export_name = "prevent_toolkit_paths"]
static TEST_PATHS: Paths = crate::apps::PARTNERS.paths;
