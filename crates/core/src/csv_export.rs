//! CSV export (RFC 4180) of records of one form: one row per record, one column per question
//! (the stable question id as the header), UTF-8 with a byte-order mark so spreadsheets read it
//! as UTF-8. Values are flattened as in the JSON export: option values, checkbox choices joined
//! with "; ", dates as YYYY-MM-DD (a date that is not a real date yet as "day/month/year" as
//! typed); questions not shown for a record are empty.
//!
//! Repeating groups: each question is asked once per record, so the only repeating values are a
//! checkbox question's choices (one cell, joined with "; ") and a record's audit trail and pages
//! passed, which are not flattened: they are in the JSON export, which is the one to import. Cells that a
//! spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return)
//! are neutralised with a leading apostrophe (OWASP CSV injection guidance).
//!
//! Written here rather than with the `csv` crate: its writer cost 19 kB gzipped of download
//! (its `io::Write` and error machinery) for what is [`field`]'s few lines. The tests read every
//! file back with the `csv` crate's reader, so the quoting is checked by an independent
//! implementation (docs/size.md, "What costs bytes").

use crate::answers::Answer;
use crate::date;
use crate::draft::Draft;
use crate::form::{Context, FormSchema};

/// The UTF-8 byte-order mark.
pub const BOM: &str = "\u{feff}";

/// A cell made safe to open in a spreadsheet.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

fn flat(answer: &Answer) -> String {
    match answer {
        Answer::Text(t) => t.trim().to_string(),
        Answer::Choices(c) => c.join("; "),
        Answer::Date(parts) => match date::parse(parts) {
            Ok(d) => d.to_string(),
            Err(_) => format!(
                "{}/{}/{}",
                parts.day.trim(),
                parts.month.trim(),
                parts.year.trim()
            ),
        },
    }
}

/// One field as RFC 4180 writes it: in double quotes (with each quote doubled) when it holds a
/// quote, a comma, a carriage return or a line feed; as it is otherwise.
pub fn field(cell: &str) -> String {
    if cell.contains(['"', ',', '\r', '\n']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

/// Appends one record (row) to `out`: fields separated by commas, ended by CRLF.
fn row<'a>(out: &mut String, cells: impl IntoIterator<Item = &'a str>) {
    for (i, c) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&field(c));
    }
    out.push_str("\r\n");
}

/// The CSV text for `drafts` of `schema`: fixed columns (record id, status, reference, started,
/// finished) then one per question in page order.
pub fn to_csv(schema: &FormSchema, drafts: &[Draft], ctx: &Context) -> String {
    let questions: Vec<&str> = schema
        .pages
        .iter()
        .flat_map(|p| p.questions.iter().map(|q| q.id.as_str()))
        .collect();
    let mut out = String::from(BOM);
    let mut header = vec![
        "record_id",
        "status",
        "reference",
        "started_at",
        "finished_on",
    ];
    header.extend(&questions);
    row(&mut out, header);
    for d in drafts.iter().filter(|d| d.form == schema.id) {
        let mut cells: Vec<String> = vec![
            d.id.clone(),
            d.status.label().to_string(),
            d.finished
                .as_ref()
                .map(|f| f.reference.clone())
                .unwrap_or_default(),
            d.created_at.clone(),
            d.finished
                .as_ref()
                .map(|f| f.on.to_string())
                .unwrap_or_default(),
        ];
        cells.extend(questions.iter().map(|q| {
            schema
                .visible_answer(q, &d.answers, ctx)
                .map(flat)
                .unwrap_or_default()
        }));
        let safe: Vec<String> = cells.iter().map(|c| neutralise(c)).collect();
        row(&mut out, safe.iter().map(String::as_str));
    }
    out
}
