//! Import of the JSON export (issue 6; DESIGN.md, Records: "Import of the JSON export restores
//! a record, after validation and schema migration; a bad file changes nothing").
//!
//! [`parse`] reads a file holding one record ([`crate::export::to_json`]) or a selection of
//! several ([`crate::export::selection_to_json`]), refuses anything that is not what the
//! toolkit exports with an [`ImportError`] whose text tells the user what is wrong and where,
//! migrates records made with an older version of their form ([`MIGRATIONS`]), rebuilds each
//! [`Draft`] and runs its form's rules on it. Nothing is stored here: the caller decides, per
//! record, with [`conflict`] and [`resolve`], then saves. The whole file is refused if any
//! record in it is bad, so a bad file changes nothing.
//!
//! The draft comes back as it was exported: answers, pages passed with Continue, audit trail,
//! status and finish, and the hidden answers that link it (its DIF framework, its PLP case, the
//! subject type a PLP entry carries). What the export does not carry cannot come back: answers
//! to questions that were hidden when it was exported, blank answers, and the spelling of an
//! answer (spaces around a text, a date's leading zeros). Export, import and export again give
//! the same bytes (on the same day).
//!
//! Final means final (issue 16): a record that claims to be final must meet every rule that
//! finalising applies, or the file is refused naming them; [`conflicts`] holds one final PGA per
//! case across import (PGA-10, s8) and tells an identical copy ("already here"), a deleted final
//! record brought back unchanged (its [`Tombstone`]'s digest) and an altered one (a marked copy
//! at most, [`Resolution::MarkedCopy`]) apart, against [`Here`], what the caller's store holds.
//!
//! Limits, file shape, migrations, final records and conflict rules:
//! docs/decisions/0004-import.md.

use crate::answers::{Answer, Answers, DateParts};
use crate::catalogue::RuleId;
use crate::date;
use crate::draft::{self, AuditEntry, Draft, DraftStatus, Finished};
use crate::export::{self, COPY_OF, FORMAT, FORMAT_VERSION, RECORD_FIELDS, SELECTION_FORMAT};
use crate::form::{Context, FormSchema, QuestionKind};
use crate::form_def::ExtraField;
use crate::tombstone::{self, Tombstone};
use crate::validate::{validate, Report};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::collections::BTreeSet;
use std::fmt;

/// The largest file read, in bytes (checked before anything is parsed). An export of a
/// complete Gateway Assessment is about 20 kB.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;
/// The deepest nesting of arrays and objects read. A selection of records is 7 deep.
pub const MAX_DEPTH: usize = 16;
/// The longest text read, in characters: ten times the longest text box of any form.
pub const MAX_TEXT_CHARS: usize = 100_000;
/// The longest field name read, in characters.
pub const MAX_KEY_CHARS: usize = 200;
/// The most records in one file.
pub const MAX_RECORDS: usize = 1_000;

/// What was read from a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    /// The records, in file order.
    pub records: Vec<ImportedRecord>,
    /// True when the file was a selection (`prevent-toolkit/records`), even of one record.
    pub selection: bool,
}

/// One record read from a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedRecord {
    /// The draft, as it was when exported.
    pub draft: Draft,
    /// Its form's rules run on its answers today: what needs attention. A finished record
    /// stays read-only whatever this says.
    pub report: Report,
    /// The form version it was made with, when it was migrated from an older one.
    pub migrated_from: Option<u32>,
}

/// What kind of problem refused a file, for callers that need more than the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// Over [`MAX_BYTES`].
    TooLarge,
    /// Nothing in it.
    Empty,
    /// Not UTF-8 text.
    NotText,
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// A text or field name over its limit.
    TooLong,
    /// Not JSON.
    NotJson,
    /// JSON that stops before its end: cut short.
    Truncated,
    /// A field given twice in one object.
    Duplicate,
    /// JSON, but not an export of the toolkit (or not of a record).
    NotAnExport,
    /// A format version this toolkit does not read.
    FormatVersion,
    /// A form this app does not open.
    UnknownForm,
    /// A form version this toolkit does not read (and cannot migrate).
    FormVersion,
    /// A field of the record missing, unexpected or of the wrong kind.
    Field,
    /// An answer that is not a question of the form, or not of its kind.
    Answer,
    /// A record id that is not one the app makes, or repeated in the file.
    Id,
    /// A conflict resolution that is not allowed (replacing a final record).
    Conflict,
    /// A record that claims to be final but fails a rule that finalising applies (issue 16,
    /// SEC-4): the message names the rules.
    NotFinal,
    /// A second final Gateway Assessment for a case, in the file or beside one here (PGA-10,
    /// s8: only one PGA is ever completed in the lifetime of a case).
    OnePerCase,
    /// A file marked as a package (a transfer, TRF-1) that is not a whole one: its transfer not
    /// final, its case missing, or a record of another case in it.
    Package,
}

/// Why a file was refused. Its `Display` is the sentence shown to the user: it names the
/// record (for a selection, by its position) and the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// The record the problem is in, counting from 1, when it is in one.
    pub record: Option<usize>,
    /// The kind of problem.
    pub kind: ErrorKind,
    /// What is wrong, without the record's number.
    pub detail: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.record {
            Some(n) => write!(f, "Record {n}: {}", self.detail),
            None => f.write_str(&self.detail),
        }
    }
}

impl std::error::Error for ImportError {}

fn file_error(kind: ErrorKind, detail: impl Into<String>) -> ImportError {
    ImportError {
        record: None,
        kind,
        detail: detail.into(),
    }
}

/// A step that brings a record of `form` from version `from` to `from + 1`, working on the
/// record's JSON (its `answers` above all) before anything else is checked.
#[derive(Clone, Copy)]
pub struct Migration {
    /// The form id ("nrf").
    pub form: &'static str,
    /// The version it reads; it writes `from + 1`.
    pub from: u32,
    /// The step. An `Err` is a user-facing reason ("answer 'x' cannot be read").
    pub step: fn(&mut Map<String, Value>) -> Result<(), String>,
}

/// The migrations of every form, keyed by (form, version). Every form is at version 1 and no
/// record of an earlier version was ever exported, so there are none yet: a change that
/// renames a question or changes what an answer means bumps the form's version and adds its
/// step here (docs/decisions/0004-import.md).
pub const MIGRATIONS: &[Migration] = &[];

/// Brings a record of `form` from version `from` up to `to` with the steps in `table`, setting
/// `form.version` after each. Fails when a step is missing or refuses the record.
pub fn migrate(
    record: &mut Map<String, Value>,
    form: &str,
    from: u32,
    to: u32,
    table: &[Migration],
) -> Result<(), String> {
    let mut v = from;
    while v < to {
        let Some(m) = table.iter().find(|m| m.form == form && m.from == v) else {
            return Err(no_longer_read(v));
        };
        (m.step)(record)?;
        v += 1;
        if let Some(Value::Object(f)) = record.get_mut("form") {
            f.insert("version".into(), Value::from(v));
        }
    }
    Ok(())
}

fn no_longer_read(version: u32) -> String {
    format!("it was made with version {version} of its form, which this toolkit can no longer read")
}

/// Reads the text of an export: one record or a selection. `known` are the forms this app
/// opens (with the PGA and PLP schemas built from the DIF framework in use); `ctx` is today,
/// for the forms' rules.
pub fn parse(bytes: &[u8], known: &[&FormSchema], ctx: &Context) -> Result<Imported, ImportError> {
    parse_with(bytes, known, ctx, MIGRATIONS)
}

/// [`parse`] with another migration table (for tests of the migration hook).
pub fn parse_with(
    bytes: &[u8],
    known: &[&FormSchema],
    ctx: &Context,
    migrations: &[Migration],
) -> Result<Imported, ImportError> {
    size(bytes.len())?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        file_error(
            ErrorKind::NotText,
            format!(
                "The file is not a text file (unreadable at byte {}): choose the .json file the toolkit downloaded",
                e.valid_up_to() + 1
            ),
        )
    })?;
    parse_text_with(text, known, ctx, migrations)
}

/// [`parse`] of a file already read as text (as the browser's `File.text()` reads it, which
/// turns bytes that are not UTF-8 into U+FFFD: such a file is then refused as not JSON). The
/// same checks, without decoding the bytes again: an app that only calls this one does not
/// carry the UTF-8 decoder (about 0.7 kB of WebAssembly).
pub fn parse_text(
    text: &str,
    known: &[&FormSchema],
    ctx: &Context,
) -> Result<Imported, ImportError> {
    parse_text_with(text, known, ctx, MIGRATIONS)
}

fn parse_text_with(
    text: &str,
    known: &[&FormSchema],
    ctx: &Context,
    migrations: &[Migration],
) -> Result<Imported, ImportError> {
    size(text.len())?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(file_error(ErrorKind::Empty, "The file is empty"));
    }
    check_depth(text)?;
    let value = read_json(text)?;
    from_value(value, known, ctx, migrations)
}

/// Refuses a file over [`MAX_BYTES`], before anything is read.
pub(crate) fn size(bytes: usize) -> Result<(), ImportError> {
    if bytes <= MAX_BYTES {
        return Ok(());
    }
    Err(file_error(
        ErrorKind::TooLarge,
        format!(
            "The file is too large ({} MB): the toolkit imports files of up to {} MB",
            mb(bytes),
            MAX_BYTES / (1024 * 1024)
        ),
    ))
}

/// Bytes as megabytes with one decimal ("5.0"), without overflow on a 32-bit target.
fn mb(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10 + 512 * 1024) / (1024 * 1024);
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// Refuses nesting deeper than [`MAX_DEPTH`] before parsing, so that no hostile file reaches
/// the parser's own recursion limit.
pub(crate) fn check_depth(text: &str) -> Result<(), ImportError> {
    let (mut depth, mut line, mut in_string, mut escaped) = (0usize, 1usize, false, false);
    for b in text.bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'\n' => line += 1,
            b'{' | b'[' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(file_error(
                        ErrorKind::TooDeep,
                        format!("The file is nested more than {MAX_DEPTH} levels deep (line {line}): it is not an export of the toolkit"),
                    ));
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

const DUPLICATE: &str = "given twice";
const TOO_LONG: &str = "longer than";

/// JSON into a value, refusing a field given twice in one object (which JSON parsers
/// otherwise settle silently, one way or the other) and texts over [`MAX_TEXT_CHARS`].
pub(crate) fn read_json(text: &str) -> Result<Value, ImportError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = Strict::deserialize(&mut de).and_then(|Strict(v)| de.end().map(|()| v));
    value.map_err(|e| {
        use serde_json::error::Category;
        let line = e.line();
        match e.classify() {
            Category::Eof => file_error(
                ErrorKind::Truncated,
                format!("The file stops before its end (line {line}): it may have been cut short when it was saved or copied"),
            ),
            Category::Data => {
                let full = e.to_string();
                let suffix = format!(" at line {} column {}", e.line(), e.column());
                let msg = full.strip_suffix(&suffix).unwrap_or(&full);
                let kind = if msg.contains(DUPLICATE) {
                    ErrorKind::Duplicate
                } else if msg.contains(TOO_LONG) {
                    ErrorKind::TooLong
                } else {
                    ErrorKind::NotJson
                };
                file_error(kind, format!("The file has {msg} (line {line}): it is not an export of the toolkit"))
            }
            _ => file_error(
                ErrorKind::NotJson,
                format!("The file is not JSON (line {line}, column {}): choose the .json file the toolkit downloaded", e.column()),
            ),
        }
    })
}

struct Strict(Value);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

fn long_text<E: de::Error>(s: &str, limit: usize, what: &str) -> Result<(), E> {
    if s.len() > limit && s.chars().count() > limit {
        return Err(E::custom(format!(
            "{what} {TOO_LONG} {} characters",
            crate::records::count(limit)
        )));
    }
    Ok(())
}

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JSON")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::from(n))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::from(n))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Value, E> {
        long_text(s, MAX_TEXT_CHARS, "a text")?;
        Ok(Value::String(s.to_string()))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        while let Some(Strict(v)) = seq.next_element()? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(k) = map.next_key::<String>()? {
            long_text(&k, MAX_KEY_CHARS, "a field name")?;
            if out.contains_key(&k) {
                return Err(de::Error::custom(format!(
                    "the field {} {DUPLICATE}",
                    quote(&k)
                )));
            }
            let Strict(v) = map.next_value()?;
            out.insert(k, v);
        }
        Ok(Value::Object(out))
    }
}

/// A value from the file, quoted for a message: at most 40 characters, no control
/// characters.
fn quote(s: &str) -> String {
    let mut out = String::from("'");
    for (i, c) in s.chars().enumerate() {
        if i == 40 {
            out.push('…');
            break;
        }
        out.push(if c.is_control() { '?' } else { c });
    }
    out.push('\'');
    out
}

/// The first field of `o` that is in neither `fields` nor `also`.
fn unexpected<'a>(o: &'a Map<String, Value>, fields: &[&str], also: &[&str]) -> Option<&'a str> {
    // `iter`, not `keys`: the app already has the one, not the other.
    o.iter()
        .map(|(k, _)| k.as_str())
        .find(|k| !fields.contains(k) && !also.contains(k))
}

/// The first of `fields`, then of `also`, that `o` does not have.
fn missing<'a>(o: &Map<String, Value>, fields: &[&'a str], also: &[&'a str]) -> Option<&'a str> {
    fields
        .iter()
        .chain(also)
        .copied()
        .find(|k| !o.contains_key(*k))
}

/// The parts of a message, joined.
fn cat(parts: &[&str]) -> String {
    let mut out = String::new();
    for p in parts {
        out.push_str(p);
    }
    out
}

/// `before`, then `value` quoted ([`quote`]), then `after`.
fn q3(before: &str, value: &str, after: &str) -> String {
    cat(&[before, &quote(value), after])
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Reads a parsed export (one record or a selection).
pub(crate) fn from_value(
    value: Value,
    known: &[&FormSchema],
    ctx: &Context,
    migrations: &[Migration],
) -> Result<Imported, ImportError> {
    let Value::Object(top) = value else {
        return Err(file_error(
            ErrorKind::NotAnExport,
            cat(&[
                "The file is not an export of the toolkit: it holds ",
                kind_of(&value),
                ", not a record",
            ]),
        ));
    };
    match top.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {
            let r = record(1, &top, known, ctx, migrations)?;
            Ok(Imported {
                records: vec![r],
                selection: false,
            })
        }
        Some(SELECTION_FORMAT) => {
            format_version(&top, None)?;
            marking(&top, None, ctx.marking)?;
            let fields = ["format", "format_version", "protective_marking", "records"];
            if let Some(k) = unexpected(&top, &fields, &[export::PACKAGE_FIELD]) {
                return Err(file_error(
                    ErrorKind::Field,
                    q3("The file has a field ", k, " that exports do not have"),
                ));
            }
            let Some(Value::Array(items)) = top.get("records") else {
                return Err(file_error(
                    ErrorKind::Field,
                    "The file has no list of records",
                ));
            };
            if items.is_empty() {
                return Err(file_error(ErrorKind::Field, "The file holds no records"));
            }
            if items.len() > MAX_RECORDS {
                return Err(file_error(
                    ErrorKind::TooLarge,
                    format!(
                        "The file holds {} records: at most {} can be imported at once",
                        crate::records::count(items.len()),
                        crate::records::count(MAX_RECORDS)
                    ),
                ));
            }
            let mut records: Vec<ImportedRecord> = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let n = i + 1;
                let Value::Object(obj) = item else {
                    return Err(rec(
                        n,
                        ErrorKind::NotAnExport,
                        cat(&["it is ", kind_of(item), ", not a record"]),
                    ));
                };
                let r = record(n, obj, known, ctx, migrations)?;
                if let Some(j) = records.iter().position(|o| o.draft.id == r.draft.id) {
                    return Err(rec(
                        n,
                        ErrorKind::Id,
                        format!("it has the same record id as record {}", j + 1),
                    ));
                }
                records.push(r);
            }
            if let Some(p) = top.get(export::PACKAGE_FIELD) {
                package(p, &records, known)?;
            }
            Ok(Imported {
                records,
                selection: true,
            })
        }
        Some(other) => Err(file_error(
            ErrorKind::NotAnExport,
            q3(
                "The file is not a record export of the toolkit: its format is ",
                other,
                "",
            ),
        )),
        None => Err(file_error(
            ErrorKind::NotAnExport,
            "The file is not an export of the toolkit: it does not say what format it is in",
        )),
    }
}

fn rec(n: usize, kind: ErrorKind, detail: impl Into<String>) -> ImportError {
    ImportError {
        record: Some(n),
        kind,
        detail: detail.into(),
    }
}

/// Checks `format_version` of a file (`n` None) or of a record.
fn format_version(obj: &Map<String, Value>, n: Option<usize>) -> Result<(), ImportError> {
    let (who, whose) = if n.is_some() {
        ("it was", "its")
    } else {
        ("The file was", "The file's")
    };
    let v = obj.get("format_version");
    let read = v.and_then(Value::as_u64);
    let detail = match (v, read) {
        (_, Some(x)) if x == u64::from(FORMAT_VERSION) => return Ok(()),
        (Some(_), Some(x)) if x > u64::from(FORMAT_VERSION) => format!(
            "{who} made by a newer version of the toolkit (format version {x}; this one reads version {FORMAT_VERSION}): update the toolkit first"
        ),
        (Some(v), _) => format!(
            "{whose} format version is {}, which this toolkit does not read",
            short_value(v)
        ),
        (None, _) => format!("{whose} format version is missing"),
    };
    Err(ImportError {
        record: n,
        kind: ErrorKind::FormatVersion,
        detail,
    })
}

fn short_value(v: &Value) -> String {
    match v {
        Value::String(s) => quote(s),
        Value::Number(x) => quote(&x.to_string()),
        other => kind_of(other).to_string(),
    }
}

/// The record's (or file's) marking must be this app's, `want` (`Context::marking`): a training
/// record never enters the real app, nor a real one training.
fn marking(obj: &Map<String, Value>, n: Option<usize>, want: &str) -> Result<(), ImportError> {
    match obj.get("protective_marking").and_then(Value::as_str) {
        Some(m) if m == want => Ok(()),
        other => Err(ImportError {
            record: n,
            kind: ErrorKind::Field,
            detail: format!(
                "{} protective marking is {}, not {want}",
                if n.is_some() { "its" } else { "The file's" },
                other.map_or_else(|| "missing".to_string(), quote)
            ),
        }),
    }
}

/// Reads record `n` of the file.
fn record(
    n: usize,
    obj: &Map<String, Value>,
    known: &[&FormSchema],
    ctx: &Context,
    migrations: &[Migration],
) -> Result<ImportedRecord, ImportError> {
    let err = |kind: ErrorKind, detail: String| rec(n, kind, detail);
    match obj.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        Some(other) => {
            return Err(err(
                ErrorKind::NotAnExport,
                q3("its format is ", other, ", not a record"),
            ))
        }
        None => {
            return Err(err(
                ErrorKind::NotAnExport,
                "it does not say what format it is in".into(),
            ))
        }
    }
    format_version(obj, Some(n))?;
    marking(obj, Some(n), ctx.marking)?;
    // The form, its version, and migration.
    let Some(Value::Object(form)) = obj.get("form") else {
        return Err(err(
            ErrorKind::Field,
            "it does not say which form it is".into(),
        ));
    };
    if let Some(k) = unexpected(form, &["id", "version", "title"], &[]) {
        return Err(err(
            ErrorKind::Field,
            q3("its form has a field ", k, " that exports do not have"),
        ));
    }
    let Some(form_id) = form.get("id").and_then(Value::as_str) else {
        return Err(err(
            ErrorKind::Field,
            "it does not say which form it is".into(),
        ));
    };
    let Some(schema) = known.iter().copied().find(|s| s.id == form_id) else {
        let title = form.get("title").and_then(Value::as_str);
        return Err(err(
            ErrorKind::UnknownForm,
            match title {
                Some(t) => format!(
                    "it is a {} record (form {}), which cannot be opened here",
                    quote(t),
                    quote(form_id)
                ),
                None => q3(
                    "it is a record of form ",
                    form_id,
                    ", which cannot be opened here",
                ),
            },
        ));
    };
    let version = match form.get("version").and_then(Value::as_u64) {
        Some(v) if v <= u64::from(u32::MAX) => v as u32,
        _ => {
            return Err(err(
                ErrorKind::Field,
                "it does not say which version of its form it was made with".into(),
            ))
        }
    };
    if !matches!(form.get("title"), Some(Value::String(_))) {
        return Err(err(ErrorKind::Field, "its form has no title".into()));
    }
    if version > schema.version {
        return Err(err(
            ErrorKind::FormVersion,
            format!(
                "it was made with version {version} of its form, newer than this toolkit's (version {}): update the toolkit first",
                schema.version
            ),
        ));
    }
    let migrated_from = (version < schema.version).then_some(version);
    let upgraded;
    let obj = if version < schema.version {
        // Refused before anything is copied when no step reads this version (the table is
        // empty today, so the copy below is never made).
        if !migrations
            .iter()
            .any(|m| m.form == schema.id && m.from == version)
        {
            return Err(err(ErrorKind::FormVersion, no_longer_read(version)));
        }
        let mut copy = obj.clone();
        migrate(&mut copy, &schema.id, version, schema.version, migrations)
            .map_err(|e| err(ErrorKind::FormVersion, e))?;
        upgraded = copy;
        &upgraded
    } else {
        obj
    };
    // Every field present, nothing else (but a marked copy's `copy_of`).
    let extra = export::form_fields(schema);
    let optional: Vec<&str> = extra.iter().copied().chain([COPY_OF]).collect();
    if let Some(k) = unexpected(obj, &RECORD_FIELDS, &optional) {
        return Err(err(
            ErrorKind::Field,
            q3("it has a field ", k, " that exports do not have"),
        ));
    }
    // A field added to a form in use may be absent from a file made before it.
    let required: Vec<&str> = schema
        .def
        .extra_fields()
        .iter()
        .filter(|e| !e.optional())
        .map(|e| e.field())
        .collect();
    if let Some(k) = missing(obj, &RECORD_FIELDS, &required) {
        return Err(err(ErrorKind::Field, q3("its field ", k, " is missing")));
    }
    let text = |key: &str| obj.get(key).and_then(Value::as_str);
    // Id, status, times.
    let id = match text("record_id") {
        Some(id) if is_record_id(id) => id,
        Some(id) => {
            return Err(err(
                ErrorKind::Id,
                q3("its record id ", id, " is not one the toolkit makes"),
            ))
        }
        None => return Err(err(ErrorKind::Id, "its record id is not a text".into())),
    };
    let status = match text("status") {
        Some("in-progress") => DraftStatus::InProgress,
        Some("finished") => DraftStatus::Finished,
        _ => {
            return Err(err(
                ErrorKind::Field,
                cat(&[
                    "its status is ",
                    &short_value(obj.get("status").unwrap_or(&Value::Null)),
                    ", neither 'in-progress' nor 'finished'",
                ]),
            ))
        }
    };
    let created_at = match text("started_at") {
        Some(t) if is_timestamp(t) => t,
        _ => {
            return Err(err(
                ErrorKind::Field,
                "its start time is not a date and time".into(),
            ))
        }
    };
    let finished = match status {
        DraftStatus::InProgress => {
            if let Some(k) = ["reference", "finished_on", "finished_at"]
                .iter()
                .find(|k| !obj.get(**k).is_some_and(Value::is_null))
            {
                return Err(err(
                    ErrorKind::Field,
                    q3("it is in progress but has a ", k, ""),
                ));
            }
            None
        }
        DraftStatus::Finished => {
            let Some(on) = text("finished_on").and_then(date::parse_iso) else {
                return Err(err(
                    ErrorKind::Field,
                    "it is finished but its finish date is not a date".into(),
                ));
            };
            let at = match text("finished_at") {
                Some(t) if is_timestamp(t) => t,
                _ => {
                    return Err(err(
                        ErrorKind::Field,
                        "it is finished but its finish time is not a date and time".into(),
                    ))
                }
            };
            let expected = draft::reference(&schema.id, id, on);
            match text("reference") {
                Some(r) if r == expected => {}
                Some(r) => {
                    return Err(err(
                        ErrorKind::Field,
                        q3(
                            "its reference ",
                            r,
                            " does not match its record id and finish date",
                        ),
                    ))
                }
                None => {
                    return Err(err(
                        ErrorKind::Field,
                        "it is finished but has no reference".into(),
                    ))
                }
            }
            Some((expected, on, at))
        }
    };
    // Answers.
    let Some(Value::Object(answer_obj)) = obj.get("answers") else {
        return Err(err(
            ErrorKind::Field,
            "its answers are not a set of answers".into(),
        ));
    };
    let mut answers = Answers::default();
    read_answers(n, answer_obj, schema, "", 0, &mut answers)?;
    // Warnings are worked out again when exported: only their shape is checked.
    for_each_item(
        n,
        obj,
        "warnings",
        "its warnings are not a list",
        &mut |i, w| {
            texts(w, &WARNING_FIELDS)
                .map(|_| ())
                .map_err(|e| cat(&["its warning ", &i.to_string(), " ", &e]))
        },
    )?;
    // Pages passed with Continue: pages of the form, each once.
    let mut completed_pages = BTreeSet::new();
    for_each_item(
        n,
        obj,
        "completed_pages",
        "its completed pages are not a list",
        &mut |_, p| {
            let Value::String(p) = p else {
                return Err(cat(&[
                    "its completed pages should be page ids, not ",
                    kind_of(p),
                ]));
            };
            if !schema.pages.iter().any(|x| &x.id == p) {
                return Err(q3(
                    "its completed pages have ",
                    p,
                    ", which is not a page of its form",
                ));
            }
            // Inserted one by one: collecting into a set would sort, and bring a sort into the app.
            if !completed_pages.insert(p.clone()) {
                return Err(q3("its completed pages have ", p, " twice"));
            }
            Ok(())
        },
    )?;
    // The audit trail.
    let mut audit = Vec::new();
    for_each_item(
        n,
        obj,
        "audit",
        "its audit trail is not a list",
        &mut |i, e| {
            let entry = |e: &str| cat(&["entry ", &i.to_string(), " of its audit trail ", e]);
            let t = texts(e, &AUDIT_FIELDS).map_err(|e| entry(&e))?;
            let [at, field, by, value] = [t[0], t[1], t[2], t[3]];
            let problem = if !is_timestamp(at) {
                "has a time that is not a date and time".to_string()
            } else if !is_answer_id(field) {
                q3("names a field ", field, " that is not an answer id")
            } else if by.trim().is_empty() {
                "does not say who made the change".to_string()
            } else {
                audit.push(AuditEntry {
                    at: at.into(),
                    field: field.into(),
                    by: by.into(),
                    value: value.into(),
                });
                return Ok(());
            };
            Err(entry(&problem))
        },
    )?;
    // The fields of its form's own (`FormDef::extra_fields`): the answers that are not
    // questions of the form, and a summary (worked out again when exported: only its shape is
    // checked).
    for extra in schema.def.extra_fields() {
        let v = obj.get(extra.field()).unwrap_or(&Value::Null);
        match (extra, v) {
            (ExtraField::Summary { name, keys, .. }, _) => {
                exactly(v, keys)
                    .map_err(|e| err(ErrorKind::Field, cat(&["its ", name, " ", &e])))?;
            }
            (ExtraField::Answer { answer, valid, .. }, Value::String(s)) if valid(s) => {
                answers.set(answer, Answer::Text(s.clone()))
            }
            (ExtraField::Answer { .. }, Value::Null) => {}
            (ExtraField::Answer { name, what, .. }, _) => {
                return Err(err(
                    ErrorKind::Field,
                    cat(&["its ", name, " is ", &short_value(v), ", not ", what]),
                ))
            }
        }
    }
    // A marked copy's mark (issue 16).
    let copy_of = match obj.get(COPY_OF) {
        None => None,
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        Some(_) => {
            return Err(err(
                ErrorKind::Field,
                "its copy_of is not the text that says what it is a copy of".into(),
            ))
        }
    };
    let draft = Draft {
        id: id.into(),
        form: schema.id.clone(),
        form_version: schema.version,
        created_at: created_at.into(),
        answers,
        completed_pages,
        status,
        finished: finished.map(|(reference, on, at)| Finished {
            reference,
            on,
            at: at.into(),
        }),
        audit,
        copy_of,
    };
    // Final means final (issue 16): a record that claims to be final must meet every rule that
    // finalising it applied, or the file is refused.
    let report = validate(schema, &draft.answers, ctx);
    if let Some(why) = not_final(&draft, &report, ctx) {
        return Err(err(ErrorKind::NotFinal, why));
    }
    Ok(ImportedRecord {
        draft,
        report,
        migrated_from,
    })
}

/// Why `draft`, which claims to be final, is not (issue 16, SEC-4 "final means final"), as the
/// message after "Record n: "; `None` when it meets every rule that finalising applies, or does
/// not claim to be final. `report` is its form's rules run today on its answers. Those are the rules of `Draft::finish`: every one of the form's rules
/// without an error (for a Gateway Assessment also its supervision, PGA-7, PGA-9, PGA-10 and
/// PGA-16; for a PLP record its sign-off), the finish recorded as the last entry of its audit
/// trail, and finished today or before. The rules run today, on the answers the file holds (an
/// answer hidden today was not exported). The reference (`draft::reference` of its id and
/// finish date) is checked as the record is read; PGA-10 across records (one per case) is
/// [`conflicts`]'.
fn not_final(draft: &Draft, report: &Report, ctx: &Context) -> Option<String> {
    let f = draft.finished.as_ref().filter(|_| draft.is_locked())?;
    let mut fails: Vec<(RuleId, &str)> = report
        .errors()
        .map(|i| (i.rule_id, i.message.as_str()))
        .collect();
    if !draft
        .audit
        .last()
        .is_some_and(|e| e.field == "status" && e.value == "Finished" && e.at == f.at)
    {
        fails.push((RuleId::Sec4, "its audit trail does not end with its finish"));
    }
    if f.on > ctx.today {
        fails.push((RuleId::Sec4, "it was finished after today"));
    }
    if fails.is_empty() {
        return None;
    }
    // "<reference> claims to be final but fails <rules>: <the first three messages>…".
    let mut out = f.reference.clone();
    out.push_str(" claims to be final but fails ");
    let mut rules: Vec<RuleId> = Vec::new();
    for (r, _) in &fails {
        if !rules.contains(r) {
            if !rules.is_empty() {
                out.push_str(", ");
            }
            out.push_str(r.id());
            rules.push(*r);
        }
    }
    for (i, (_, m)) in fails.iter().take(3).enumerate() {
        out.push_str(if i == 0 { ": " } else { "; " });
        out.push_str(m);
    }
    if fails.len() > 3 {
        out.push_str(&format!(" (and {} more)", fails.len() - 3));
    }
    out.push_str(". Import the file as the toolkit downloaded it");
    Some(out)
}

const WARNING_FIELDS: [&str; 4] = ["rule_id", "section", "field", "message"];
const AUDIT_FIELDS: [&str; 4] = ["at", "field", "by", "value"];

/// Runs `each` on every item of the list `key` of record `n` (counting from 1); `not_list` is
/// the message when it is not a list. `each` says what is wrong, as the whole message after
/// "Record n: ".
fn for_each_item(
    n: usize,
    obj: &Map<String, Value>,
    key: &str,
    not_list: &str,
    each: &mut dyn FnMut(usize, &Value) -> Result<(), String>,
) -> Result<(), ImportError> {
    let Some(Value::Array(items)) = obj.get(key) else {
        return Err(rec(n, ErrorKind::Field, not_list));
    };
    for (i, item) in items.iter().enumerate() {
        each(i + 1, item).map_err(|e| rec(n, ErrorKind::Field, e))?;
    }
    Ok(())
}

/// `v` as an object whose fields are exactly `keys`; otherwise what is wrong with it,
/// to follow its name ("has no field 'by'").
fn exactly<'a>(v: &'a Value, keys: &[&str]) -> Result<&'a Map<String, Value>, String> {
    let Value::Object(o) = v else {
        return Err(cat(&["is ", kind_of(v), ", not an object"]));
    };
    if let Some(k) = unexpected(o, keys, &[]) {
        return Err(q3("has a field ", k, " that exports do not have"));
    }
    match missing(o, keys, &[]) {
        Some(k) => Err(q3("has no field ", k, "")),
        None => Ok(o),
    }
}

/// The texts of an object whose fields are exactly `keys`, each a text, in the order of
/// `keys`; otherwise what is wrong with it, to follow its name.
fn texts<'a>(v: &'a Value, keys: &[&str]) -> Result<Vec<&'a str>, String> {
    let o = exactly(v, keys)?;
    let mut out = Vec::with_capacity(keys.len());
    for k in keys {
        match o.get(*k) {
            Some(Value::String(s)) => out.push(s.as_str()),
            _ => return Err(q3("has a field ", k, " that is not a text")),
        }
    }
    Ok(out)
}

/// True for the id of an answer, as the audit trail names them: a question id (`subject.dob`)
/// or `status`. The trail is history, so the question need not be one of the form today.
fn is_answer_id(s: &str) -> bool {
    (1..=MAX_KEY_CHARS).contains(&s.len())
        && s.bytes()
            .all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'.' | b'_' | b'-'))
}

/// Reads one level of the nested answers (`{"subject": {"dob": ...}}`) into `out`.
fn read_answers(
    n: usize,
    obj: &Map<String, Value>,
    schema: &FormSchema,
    prefix: &str,
    depth: usize,
    out: &mut Answers,
) -> Result<(), ImportError> {
    for (k, v) in obj {
        let path = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        let named = !k.is_empty() && !k.contains('.');
        let question = named.then(|| schema.question(&path)).flatten();
        if let Some((_, q)) = question {
            if let Some(a) = read_answer(n, &path, &q.kind, v)? {
                out.set(&path, a);
            }
            continue;
        }
        let is_group = named && depth < MAX_DEPTH && has_group(schema, &path);
        match v {
            Value::Object(inner) if is_group => {
                read_answers(n, inner, schema, &path, depth + 1, out)?
            }
            _ if is_group => {
                return Err(rec(
                    n,
                    ErrorKind::Answer,
                    cat(&[
                        &q3(
                            "answers under ",
                            &path,
                            " should be a group of answers, not ",
                        ),
                        kind_of(v),
                    ]),
                ))
            }
            _ => {
                let dif = path.starts_with("dif.")
                    && schema.pages.iter().any(|p| p.id.starts_with("dif-"));
                return Err(rec(
                    n,
                    ErrorKind::Answer,
                    if dif {
                        q3("answer ", &path, " is not a factor of the DIF framework in use here: it was made with another framework")
                    } else {
                        q3("answer ", &path, " is not a question of its form")
                    },
                ));
            }
        }
    }
    Ok(())
}

/// True when some question of `schema` is under `path` (`subject` for `subject.dob`).
fn has_group(schema: &FormSchema, path: &str) -> bool {
    for p in &schema.pages {
        for q in &p.questions {
            if q.id.len() > path.len()
                && q.id.starts_with(path)
                && q.id.as_bytes()[path.len()] == b'.'
            {
                return true;
            }
        }
    }
    false
}

/// One answer as exported back into the answer as typed. `None` for a blank one (never
/// exported, so never kept).
fn read_answer(
    n: usize,
    path: &str,
    kind: &QuestionKind,
    v: &Value,
) -> Result<Option<Answer>, ImportError> {
    let bad = |what: String| {
        Err(rec(
            n,
            ErrorKind::Answer,
            cat(&["answer ", &quote(path), " ", &what]),
        ))
    };
    let answer = match (kind, v) {
        (QuestionKind::Text { .. } | QuestionKind::TextArea { .. }, Value::String(s)) => {
            Answer::Text(s.clone())
        }
        (QuestionKind::Text { .. } | QuestionKind::TextArea { .. }, _) => {
            return bad(cat(&["should be a text, not ", kind_of(v)]))
        }
        (QuestionKind::Number { .. }, Value::String(s)) => Answer::Text(s.clone()),
        (QuestionKind::Number { .. }, Value::Number(x)) if x.is_i64() || x.is_u64() => {
            Answer::Text(x.to_string())
        }
        (QuestionKind::Number { .. }, _) => return bad("is not a whole number".into()),
        (
            QuestionKind::Radios { choices, .. } | QuestionKind::Select { choices },
            Value::String(s),
        ) => {
            if !s.is_empty() && !choices.iter().any(|c| &c.value == s) {
                return bad(q3("is ", s, ", which is not one of its options"));
            }
            Answer::Text(s.clone())
        }
        (QuestionKind::Radios { .. } | QuestionKind::Select { .. }, _) => {
            return bad(cat(&["should be one of its options, not ", kind_of(v)]))
        }
        (QuestionKind::Checkboxes { choices }, Value::Array(items)) => {
            let mut out: Vec<String> = Vec::with_capacity(items.len());
            for item in items {
                let Value::String(s) = item else {
                    return bad(cat(&["should list its options, not ", kind_of(item)]));
                };
                if !choices.iter().any(|c| &c.value == s) {
                    return bad(q3("has ", s, ", which is not one of its options"));
                }
                if out.contains(s) {
                    return bad(q3("has ", s, " twice"));
                }
                out.push(s.clone());
            }
            Answer::Choices(out)
        }
        (QuestionKind::Checkboxes { .. }, _) => {
            return bad(cat(&["should be a list of its options, not ", kind_of(v)]))
        }
        (QuestionKind::Date, Value::String(s)) => {
            if date::parse_iso(s).is_none() {
                return bad("is not a date".into());
            }
            // Written back as the boxes a user types: day and month without a leading zero,
            // the year as in the file (4 digits), so that it reads back to the same date.
            let digits = |at: usize| &s[at + usize::from(s.as_bytes()[at] == b'0')..at + 2];
            Answer::Date(DateParts::new(digits(8), digits(5), &s[..4]))
        }
        (QuestionKind::Date, _) => match texts(v, &["day", "month", "year"]).as_deref() {
            Ok([day, month, year]) => Answer::Date(DateParts::new(day, month, year)),
            _ => return bad("is not a date".into()),
        },
    };
    Ok((!answer.is_blank()).then_some(answer))
}

/// A file marked as a package (TRF-1's transfer, [`export::PACKAGE_FIELD`]): one record whose
/// form makes packages, and what that form requires of the whole (final, its case in the file,
/// nothing else: `FormDef::package_issue`).
fn package(
    marked: &Value,
    records: &[ImportedRecord],
    known: &[&FormSchema],
) -> Result<(), ImportError> {
    let refused = |detail: String| file_error(ErrorKind::Package, detail);
    if marked.as_str() != Some(export::TRANSFER_PACKAGE) {
        return Err(refused("The file is marked as a package of a kind this toolkit does not know: it is not an export of the toolkit".into()));
    }
    let file: Vec<crate::form::FileRecord> = records
        .iter()
        .map(|r| crate::form::FileRecord {
            id: &r.draft.id,
            form: &r.draft.form,
            finished: r.draft.status == DraftStatus::Finished,
            answers: &r.draft.answers,
        })
        .collect();
    let makers: Vec<(&crate::form::FileRecord, &&FormSchema)> = file
        .iter()
        .filter_map(|d| {
            Some((
                d,
                known
                    .iter()
                    .find(|s| s.id == d.form && s.def.makes_package())?,
            ))
        })
        .collect();
    match makers.as_slice() {
        [(d, s)] => match s.def.package_issue(d, &file) {
            Some(why) => Err(refused(format!("This transfer package is not whole: {why}"))),
            None => Ok(()),
        },
        [] => Err(refused("The file is marked as a transfer package but holds no transfer (TRF-1, s13)".into())),
        _ => Err(refused("The file is marked as a transfer package but holds more than one transfer (TRF-1, s13)".into())),
    }
}

/// True for an id the app makes: a version 4 UUID in lower case
/// (`3f2a9c1b-6d4e-4f1a-9b2c-0123456789ab`).
pub fn is_record_id(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            14 => *c == b'4',
            19 => matches!(c, b'8' | b'9' | b'a' | b'b'),
            _ => matches!(c, b'0'..=b'9' | b'a'..=b'f'),
        })
}

/// True for an RFC 3339 date and time as the app records them
/// (`2026-11-28T14:03:02.123Z`, or with an offset such as `+01:00`).
pub fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    // Two digits at `i` as a number, or 99.
    let two = |b: &[u8], i: usize| match b.get(i..i + 2) {
        Some([x @ b'0'..=b'9', y @ b'0'..=b'9']) => (x - b'0') * 10 + (y - b'0'),
        _ => 99,
    };
    if b.len() < 20
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
        || two(b, 11) > 23
        || two(b, 14) > 59
        || two(b, 17) > 60
        || s.get(..10).and_then(date::parse_iso).is_none()
    {
        return false;
    }
    let mut rest = &b[19..];
    if let [b'.', frac @ ..] = rest {
        let k = frac.iter().take_while(|c| c.is_ascii_digit()).count();
        if !(1..=9).contains(&k) {
            return false;
        }
        rest = &frac[k..];
    }
    match rest {
        [b'Z'] => true,
        [b'+' | b'-', _, _, b':', _, _] => two(rest, 1) < 24 && two(rest, 4) < 60,
        _ => false,
    }
}

/// What is here, as an import needs to know it (issue 16): the records and the tombstones of
/// the final records deleted here. Built by the caller from its store: [`Held::of`] with its
/// schema for every record whose id the file has (its content is compared), without for every
/// other final Gateway Assessment (its case reference is), [`Held::listed`] for the rest.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Here {
    /// The records here, each once. (A list, not a map: a map of these would cost the
    /// download more than looking through a thousand records costs time.)
    pub records: Vec<Held>,
    /// The tombstones of final records deleted here (`crate::tombstone`).
    pub tombstones: Vec<Tombstone>,
}

impl Here {
    /// The record here with id `id`.
    pub fn held(&self, id: &str) -> Option<&Held> {
        self.records.iter().find(|h| h.id == id)
    }
}

/// A record here, as an import needs to know it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Held {
    /// Its id.
    pub id: String,
    /// It is final.
    pub is_final: bool,
    /// The digest of its content (`tombstone::digest`), when it was read: an imported record
    /// with its id and this digest is the same record, already here.
    pub digest: Option<String>,
    /// Its case reference when it is a final Gateway Assessment (PGA-10, s8), as entered.
    pub case: Option<String>,
}

impl Held {
    /// A record known from the list only: its id and whether it is final.
    pub fn listed(id: &str, is_final: bool) -> Held {
        Held {
            id: id.into(),
            is_final,
            ..Held::default()
        }
    }

    /// A record read with its form's `schema`: whether it is final, its case if its form has
    /// one final record per case (PGA-10), and when `digest` its digest (needed only for an id
    /// the file has: about a millisecond for a final PGA).
    pub fn of(draft: &Draft, schema: &FormSchema, digest: bool) -> Held {
        Held {
            id: draft.id.clone(),
            is_final: draft.is_locked(),
            digest: digest.then(|| tombstone::digest(draft, schema)),
            case: final_case(draft, schema),
        }
    }
}

/// The case a final record must be the only final one of (its form's
/// `FormDef::one_per_case`: PGA-10, s8).
fn final_case(d: &Draft, schema: &FormSchema) -> Option<String> {
    if d.is_locked() {
        schema.def.one_per_case(&d.answers)
    } else {
        None
    }
}

/// How an imported record meets what is already here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conflict {
    /// No record with its id is here, nor deleted here: it is added.
    New,
    /// A record in progress with its id is here, with other content: keep both (the imported
    /// one gets a new id) or replace the one here.
    Same,
    /// A final record with its id is here, with other content: it is never replaced; keep both
    /// only (a final copy gets the reference of its new id).
    SameFinal,
    /// A final Gateway Assessment with its id is here and the file has another final version
    /// of it: a copy would be a second final PGA for the case (PGA-10, s8), so it can come in
    /// only as a marked copy in progress, or not at all.
    SameFinalPga,
    /// The same record, same id and content, is here: nothing to do.
    AlreadyHere,
    /// A final record with its id was deleted here, and this is its content unchanged (the
    /// user's own export): it can be restored as it was.
    Deleted,
    /// A final record with its id was deleted here, and this differs from it (altered, or an
    /// earlier draft): it never comes back under its id or as final; a marked copy in
    /// progress at most, if the user chooses (issue 16).
    Altered,
}

/// What the user chose for an imported record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// Add it as it is (a new record, or a deleted one restored).
    Add,
    /// Keep the one here and add the imported one under a new id.
    KeepBoth,
    /// Replace the one here (never a final one).
    Replace,
    /// Add it as a marked copy: a new id, in progress, no reference, and what it copies and
    /// why (`Draft::copy_of`).
    MarkedCopy,
    /// Leave it out.
    Skip,
}

impl Conflict {
    /// The choices to offer, the first being the default.
    pub fn choices(self) -> &'static [Resolution] {
        use Resolution::*;
        match self {
            Conflict::New => &[Add],
            Conflict::Same => &[KeepBoth, Replace],
            Conflict::SameFinal => &[KeepBoth],
            Conflict::SameFinalPga | Conflict::Altered => &[Skip, MarkedCopy],
            Conflict::AlreadyHere => &[Skip],
            Conflict::Deleted => &[Add, Skip],
        }
    }
}

/// How `draft` meets what is here, on its own: by its id and content. PGA-10 across records is
/// [`conflicts`]'.
pub fn conflict(draft: &Draft, schema: &FormSchema, here: &Here) -> Conflict {
    let digest = || tombstone::digest(draft, schema);
    if let Some(h) = here.held(&draft.id) {
        return if h.digest.as_deref() == Some(&digest()) {
            Conflict::AlreadyHere
        } else if !h.is_final {
            Conflict::Same
        } else if draft.is_locked() && draft.form == "pga" {
            Conflict::SameFinalPga
        } else {
            Conflict::SameFinal
        };
    }
    match here.tombstones.iter().find(|t| t.id == draft.id) {
        None => Conflict::New,
        Some(t) if t.digest == digest() => Conflict::Deleted,
        Some(_) => Conflict::Altered,
    }
}

/// [`conflict`] for every record of a file, in order, with `known` the forms it was read with;
/// or, refusing the whole file, a final Gateway Assessment for a case that has one already,
/// here (under another id) or earlier in the file (PGA-10, s8).
pub fn conflicts(
    imported: &Imported,
    known: &[&FormSchema],
    here: &Here,
) -> Result<Vec<Conflict>, ImportError> {
    let mut cases: Vec<(usize, String)> = Vec::new();
    let mut out = Vec::with_capacity(imported.records.len());
    for (i, r) in imported.records.iter().enumerate() {
        let d = &r.draft;
        // The record was read with one of `known`: its schema is there.
        let schema = known.iter().find(|s| s.id == d.form);
        if let Some((case, s)) = schema.and_then(|s| Some((final_case(d, s)?, s))) {
            let taken = |c: &str| c.trim().eq_ignore_ascii_case(&case);
            let why = if let Some((j, _)) = cases.iter().find(|(_, c)| taken(c)) {
                Some(format!("as record {j} is"))
            } else if here
                .records
                .iter()
                .any(|h| h.id != d.id && h.case.as_deref().is_some_and(taken))
            {
                Some("and this case already has a final one here".into())
            } else {
                None
            };
            if let Some(why) = why {
                let reference = d.finished.as_ref().map_or("", |f| f.reference.as_str());
                return Err(rec(
                    i + 1,
                    ErrorKind::OnePerCase,
                    s.def.one_per_case_refusal(reference, &quote(&case), &why),
                ));
            }
            cases.push((i + 1, case));
        }
        out.push(schema.map_or(Conflict::New, |s| conflict(d, s, here)));
    }
    Ok(out)
}

/// The draft to save for `choice`, or `None` to leave it out. Keep both and a marked copy give
/// it `new_id` (a fresh id from the caller, made as every record id is, and neither here nor
/// deleted here); a finished copy kept beside the one here then gets the reference of its new
/// id, so that no two records share one; a marked copy is in progress, with no reference, no
/// declaration and no page passed, and says which record it copies and why (`Draft::copy_of`). Replacing a final
/// record, restoring an altered one, or any choice not offered for `conflict`, is refused and
/// changes nothing.
pub fn resolve(
    draft: &Draft,
    conflict: Conflict,
    choice: Resolution,
    new_id: &str,
    here: &Here,
) -> Result<Option<Draft>, ImportError> {
    let refuse = |detail: &str| Err(file_error(ErrorKind::Conflict, detail));
    if !conflict.choices().contains(&choice) {
        return match conflict {
            Conflict::SameFinal => refuse(
                "A final record with this id is already here and is never replaced: keep both instead",
            ),
            Conflict::SameFinalPga | Conflict::Altered => {
                refuse("This record can only come in as a marked copy, or be left out")
            }
            _ => refuse("A record with this id is already here: choose to keep both or to replace it"),
        };
    }
    match choice {
        Resolution::Skip => return Ok(None),
        Resolution::Add | Resolution::Replace => return Ok(Some(draft.clone())),
        Resolution::KeepBoth | Resolution::MarkedCopy => {}
    }
    let taken = here.held(new_id).is_some() || here.tombstones.iter().any(|t| t.id == new_id);
    if !is_record_id(new_id) || new_id == draft.id || taken {
        return refuse("The new id for the copy is not a fresh record id");
    }
    let mut copy = draft.clone();
    copy.id = new_id.to_string();
    if choice == Resolution::KeepBoth {
        if let Some(f) = &mut copy.finished {
            f.reference = draft::reference(&copy.form, new_id, f.on);
        }
        return Ok(Some(copy));
    }
    // A marked copy (issue 16): never final, never under the original's reference.
    let named = match &draft.finished {
        Some(f) => format!("{} (record {})", f.reference, draft.id),
        None => format!("record {}", draft.id),
    };
    let why = match here.tombstones.iter().find(|t| t.id == draft.id) {
        Some(t) => format!(
            "the final record {} was deleted where this was imported{}, and this differs from it, so it can never come back as that record",
            t.reference,
            t.deleted_at.get(..10).and_then(date::parse_iso).map(|d| format!(" (on {})", date::long_date(d))).unwrap_or_default()
        ),
        None => "that Gateway Assessment was already final where this was imported, and this differs from it: a case has only one (PGA-10, s8)".into(),
    };
    copy.status = DraftStatus::InProgress;
    copy.finished = None;
    // Declared again, each page checked again, before it is finished.
    copy.answers.set(DECLARATION, Answer::Choices(Vec::new()));
    copy.completed_pages.clear();
    copy.copy_of = Some(format!(
        "This is a marked copy of {named}, not that record: {why}."
    ));
    Ok(Some(copy))
}

/// The declaration of every form: a marked copy has to be declared again before it is finished.
const DECLARATION: &str = "declaration.confirm";

/// [`resolve`] for every record of a file, each with its conflict and the user's choice, in file
/// order; `new_id` gives a fresh record id for each copy. The records left out are not in the
/// result. A PLP case kept as a copy takes the records linked to it in the same file (its
/// reassessments, panels, submissions and closure) with it, rather than leave them on the case
/// already here. Any refusal refuses them all.
pub fn resolve_all(
    records: &[(&Draft, Conflict, Resolution)],
    mut new_id: impl FnMut() -> String,
    here: &Here,
    links: &[&str],
) -> Result<Vec<Draft>, ImportError> {
    let mut out = Vec::new();
    let mut renamed: Vec<(&str, String)> = Vec::new();
    for (draft, conflict, choice) in records {
        let Some(d) = resolve(draft, *conflict, *choice, &new_id(), here)? else {
            continue;
        };
        if d.id != draft.id {
            renamed.push((draft.id.as_str(), d.id.clone()));
        }
        out.push(d);
    }
    for d in &mut out {
        for field in links {
            if let Some((_, to)) = renamed
                .iter()
                .find(|(from, _)| d.answers.text(field) == Some(*from))
            {
                d.answers.set(field, Answer::Text(to.clone()));
            }
        }
    }
    Ok(out)
}
