//! What a form adds to the generic machinery (issue 17): its cross-field rules, who its answers
//! are recorded against, the export fields of its own and the answer that links it to another
//! record. Each form implements [`FormDef`] beside its schema (`nrf`, `pga_form`, `plp_form`)
//! and its schema carries it (`FormSchema::def`), so that validation, export and import name no
//! form: an app that never builds a form's schema never links that form's code. Defined in
//! `form` (beside `FormSchema`, which holds it); this module names them for their users.

pub use crate::form::{link_fields, Def, ExtraField, FileRecord, FormDef, Plain};
