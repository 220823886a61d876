//! What a form adds to the generic machinery (issue 17): its cross-field rules, who its answers
//! are recorded against, the export fields of its own and the answer that links it to another
//! record. Each form implements [`FormDef`] beside its schema (`nrf`, `pga_form`, `plp_form`) and
//! its schema carries it ([`FormSchema::def`](crate::FormSchema)), so that validation, export and
//! import name no form: a bundle that never builds a form's schema never links that form's code.

use crate::answers::Answers;
use crate::draft::Draft;
use crate::form::{Context, FormSchema};
use crate::validate::Issue;
use serde_json::Value;

/// A form's own part of validation, audit, export and import. Every method but
/// [`FormDef::author`] has a default: a form with nothing of its own (the referral) only says
/// who its answers are recorded against.
pub trait FormDef: Sync {
    /// The form's id, as its schema has it ("pga"): for `Debug` and equality of schemas.
    fn id(&self) -> &'static str;

    /// Who a change to `path` is recorded against in the audit trail, as entered in the record
    /// (DESIGN.md, Records).
    fn author(&self, answers: &Answers, path: &str) -> String;

    /// The rules that read the whole record (a PGA read as a Gateway, a PLP case as a case),
    /// beyond the schema's own per-field rules; only those whose path `keep` allows are needed.
    fn rules(
        &self,
        schema: &FormSchema,
        answers: &Answers,
        ctx: &Context,
        keep: &dyn Fn(&str) -> bool,
    ) -> Vec<Issue> {
        let _ = (schema, answers, ctx, keep);
        Vec::new()
    }

    /// The fields of the form's export beyond `export::RECORD_FIELDS`, in order
    /// (docs/decisions/0004-import.md).
    fn extra_fields(&self) -> &'static [ExtraField] {
        &[]
    }

    /// The answer that holds the id of another record this one belongs to (a PLP case's
    /// reassessment holds its case's id): kept in step when an import gives that record a new id.
    fn link_field(&self) -> Option<&'static str> {
        None
    }
}

/// A field of a record's export that only some forms have. Its JSON Schema is not here but in
/// `publish` (only the published schemas need it, so the apps do not download it).
pub enum ExtraField {
    /// A hidden answer of the record carried as a field of its own: as stored, or null.
    Answer {
        /// The export's field name ("dif_framework").
        field: &'static str,
        /// The answer it carries ("dif.framework").
        answer: &'static str,
        /// What the import's message calls it ("DIF framework").
        name: &'static str,
        /// What it must be, as the import's message says it ("the name and version of a DIF
        /// framework").
        what: &'static str,
        /// Whether a text is a valid value.
        valid: fn(&str) -> bool,
    },
    /// A summary worked out from the answers when a record is exported whole; an import checks
    /// only its shape (its keys), and it is worked out again when exported.
    Summary {
        /// The export's field name ("gateway_decision").
        field: &'static str,
        /// What the import's message calls it ("Gateway Decision").
        name: &'static str,
        /// Its keys, exactly.
        keys: &'static [&'static str],
        /// Works it out.
        build: fn(&FormSchema, &Draft, &Context) -> Value,
    },
}

impl ExtraField {
    /// The export's field name.
    pub fn field(&self) -> &'static str {
        match self {
            ExtraField::Answer { field, .. } | ExtraField::Summary { field, .. } => field,
        }
    }
}

/// A schema's form definition: a reference to a [`FormDef`] that a `FormSchema` carries. Not
/// serialised (a schema read from JSON has [`Plain`], nothing of its own); two are equal when
/// their forms' ids are.
#[derive(Clone, Copy)]
pub struct Def(pub &'static dyn FormDef);

impl Default for Def {
    fn default() -> Self {
        Def(&Plain)
    }
}

impl std::ops::Deref for Def {
    type Target = dyn FormDef;
    fn deref(&self) -> &Self::Target {
        self.0
    }
}

impl std::fmt::Debug for Def {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Def({})", self.0.id())
    }
}

impl PartialEq for Def {
    fn eq(&self, other: &Self) -> bool {
        self.0.id() == other.0.id()
    }
}

/// A form with nothing of its own: its answers are recorded against "the person who entered
/// them", unnamed.
pub struct Plain;

impl FormDef for Plain {
    fn id(&self) -> &'static str {
        ""
    }
    fn author(&self, _answers: &Answers, _path: &str) -> String {
        "Not recorded".into()
    }
}

/// The answers that link records to other records, for the forms given: what an import keeps
/// in step when it renames a record (`import::resolve_all`).
pub fn link_fields(forms: &[&FormSchema]) -> Vec<&'static str> {
    // Built by inserting, not sorted: a sort costs about 3.5 kB of WebAssembly (CONTRIBUTING).
    let mut out: Vec<&'static str> = Vec::new();
    for field in forms.iter().filter_map(|s| s.def.link_field()) {
        if !out.contains(&field) {
            out.push(field);
        }
    }
    out
}
