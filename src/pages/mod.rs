//! Pages, one per file. Pages read state and dispatch actions; rules come from the core.

pub mod check_answers;
pub mod confirmation;
pub mod date_field;
#[cfg(feature = "officer")]
pub mod deadlines;
pub mod delete_draft;
pub mod draft_scope;
pub mod drafts;
#[cfg(feature = "officer")]
pub mod framework_settings;
pub mod home;
pub mod not_found;
pub mod pga_help;
#[cfg(feature = "officer")]
pub mod pga_record;
pub mod question;
pub mod question_page;
pub mod referral_page;
pub mod referral_start;
pub mod referral_tasks;
#[cfg(feature = "officer")]
pub mod settings;

pub use check_answers::CheckAnswers;
pub use confirmation::Confirmation;
#[cfg(feature = "officer")]
pub use deadlines::Deadlines;
pub use delete_draft::DeleteDraft;
pub use draft_scope::DraftScope;
pub use drafts::Drafts;
pub use not_found::NotFound;
pub use question_page::QuestionPage;
pub use referral_start::ReferralStart;
pub use referral_tasks::ReferralTasks;
#[cfg(feature = "officer")]
pub use settings::SettingsPage;
