//! GOV.UK-pattern components, one per file, named after the GOV.UK component. Each renders the
//! same markup and classes as govuk-frontend's template (styled by `static/app.css`), with the
//! same accessibility wiring: a label's `for` is its input's id, the hint is `<id>-hint`, the
//! error message `<id>-error`, and `aria-describedby` names those that are shown. Inputs are
//! controlled: the value comes from props and every change goes to a callback.

mod util;

pub mod back_link;
pub mod button;
pub mod checkboxes;
pub use choice::ChoiceItem;
pub mod choice;
pub mod date_input;
pub mod deadline_panel;
pub mod details;
pub mod error_message;
pub mod error_summary;
pub mod examples;
pub mod fieldset;
pub mod footer;
pub mod header;
pub mod hint;
pub mod inset_text;
pub mod label;
pub mod notification_banner;
pub mod pagination;
pub mod panel;
pub mod password_input;
pub mod protective_marking;
pub mod radios;
pub mod select;
pub mod skip_link;
pub mod summary_list;
pub mod tag;
pub mod task_list;
pub mod text_input;
pub mod textarea;
pub mod timeline;
pub mod timeout_warning;
pub mod warning_text;

pub use back_link::BackLinkProps;
pub use button::{ButtonGroupProps, ButtonProps, ButtonVariant};
pub use checkboxes::{next_selection, CheckboxItem, CheckboxesProps};
pub use date_input::{DateErrorParts, DateInputProps, DatePart};
pub use deadline_panel::{DeadlinePanelProps, DeadlineState};
pub use details::DetailsProps;
pub use error_summary::*;
pub use fieldset::FieldsetProps;
pub use footer::FooterProps;
pub use header::{HeaderLink, HeaderProps};
pub use inset_text::InsetTextProps;
pub use notification_banner::*;
pub use panel::PanelProps;
pub use password_input::PasswordInputProps;
pub use protective_marking::{ProtectiveMarkingProps, DEFAULT_MARKING, TRAINING_LABEL};
pub use radios::{item_id, RadioItem, RadiosProps};
pub use select::*;
pub use skip_link::SkipLinkProps;
pub use summary_list::{SummaryAction, SummaryCardProps, SummaryListProps, SummaryRow};
pub use tag::{TagColour, TagProps};
pub use task_list::{TaskListItem, TaskListProps, TaskStatus};
pub use text_input::TextInputProps;
pub use textarea::*;
pub use timeline::TimelineProps;
pub use timeout_warning::TimeoutWarningProps;
pub use warning_text::WarningTextProps;
