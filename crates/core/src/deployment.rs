//! Deployment settings (issue 20, DESIGN.md "Hand-overs"): the one JSON file the hosting force
//! puts beside the built app (`/deployment.json`, decision 0021) naming its Prevent team and how
//! to reach it. [`parse`] reads it whole or refuses it with every bad field named; the app then
//! says that no team is configured. The file's JSON Schema is [`json_schema`] (published as
//! `static/schemas/deployment-v1.schema.json`).
//!
//! The team's public key for protected referral files is checked for its shape here (a P-256
//! public JWK); `crate::protected` encrypts to it.

use crate::calendar::Division;
use serde_json::{json, Map, Value};

/// The file's name, at the root of the site.
pub const FILE: &str = "deployment.json";

/// The file's fields, in the order the schema and the README list them.
const FIELDS: [&str; 8] = [
    "force",
    "team",
    "referral_email",
    "phone",
    "out_of_hours",
    "advice_line",
    "division",
    "public_key",
];

/// A force's settings, read and checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deployment {
    /// The police force ("Exampleton Constabulary").
    pub force: String,
    /// Its Prevent team ("Exampleton Prevent team").
    pub team: String,
    /// Where partners send referrals.
    pub referral_email: String,
    /// The team's phone number in office hours.
    pub phone: String,
    /// The number to call out of hours.
    pub out_of_hours: String,
    /// The number for advice before (or instead of) a referral (s7).
    pub advice_line: String,
    /// The default calendar division.
    pub division: Division,
    /// The team's public key for protected files (a P-256 JWK), if it has one.
    pub public_key: Option<PublicKey>,
}

/// A P-256 public key as a JWK's coordinates (base64url, 32 bytes each).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicKey {
    /// The x coordinate, base64url.
    pub x: String,
    /// The y coordinate, base64url.
    pub y: String,
}

/// One bad field of the file, and what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The field ("referral_email"; "public_key.x"; "" for the file as a whole).
    pub field: String,
    /// What is wrong, in plain words, naming the field.
    pub message: String,
}

fn problem(field: &str, message: String) -> Problem {
    Problem {
        field: field.into(),
        message,
    }
}

/// Reads the settings file: every field checked, every bad one named. Fields the file does not
/// know are refused (a misspelt "referal_email" would otherwise be lost without a word);
/// `$schema` and `$comment` are allowed.
pub fn parse(text: &str) -> Result<Deployment, Vec<Problem>> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        vec![problem(
            "",
            format!("deployment.json is not valid JSON ({e})"),
        )]
    })?;
    let Some(obj) = value.as_object() else {
        return Err(vec![problem(
            "",
            "deployment.json must hold one JSON object of settings".into(),
        )]);
    };
    let mut problems = Vec::new();
    for key in obj.keys() {
        if !FIELDS.contains(&key.as_str()) && key != "$schema" && key != "$comment" {
            problems.push(problem(
                key,
                format!(
                    "\"{key}\" is not a setting: check its spelling (the settings are {})",
                    FIELDS.join(", ")
                ),
            ));
        }
    }
    let mut text_field =
        |name: &str, what: &str, check: fn(&str) -> bool, hint: &str| match obj.get(name) {
            None => {
                problems.push(problem(
                    name,
                    format!("\"{name}\" is missing: enter {what}"),
                ));
                String::new()
            }
            Some(Value::String(s)) if check(s.trim()) => s.trim().to_string(),
            Some(_) => {
                problems.push(problem(name, format!("\"{name}\" must be {what}{hint}")));
                String::new()
            }
        };
    let force = text_field(
        "force",
        "the police force's name",
        is_name,
        ", up to 100 characters",
    );
    let team = text_field(
        "team",
        "the Prevent team's name",
        is_name,
        ", up to 100 characters",
    );
    let referral_email = text_field(
        "referral_email",
        "the email address referrals go to",
        is_email,
        ", like prevent@example.org",
    );
    let phone = text_field(
        "phone",
        "the team's phone number",
        is_phone,
        ", in digits (spaces and a leading + allowed), like 01632 960000",
    );
    let out_of_hours = text_field(
        "out_of_hours",
        "the number to call out of hours",
        is_phone,
        ", in digits (spaces and a leading + allowed), like 101",
    );
    let advice_line = text_field(
        "advice_line",
        "the number to call for advice",
        is_phone,
        ", in digits (spaces and a leading + allowed), like 01632 960001",
    );
    let ids: Vec<&str> = Division::ALL.iter().map(|d| d.id()).collect();
    let division = match obj.get("division") {
        Some(Value::String(s)) if Division::from_id(s).is_some() => Division::from_id(s),
        found => {
            problems.push(problem(
                "division",
                format!(
                    "\"division\" {}: it must be one of {}",
                    if found.is_none() {
                        "is missing"
                    } else {
                        "is not a division"
                    },
                    ids.join(", ")
                ),
            ));
            None
        }
    };
    let public_key = match obj.get("public_key") {
        None | Some(Value::Null) => None,
        Some(v) => match public_key(v) {
            Ok(k) => Some(k),
            Err(p) => {
                problems.push(p);
                None
            }
        },
    };
    match division {
        Some(division) if problems.is_empty() => Ok(Deployment {
            force,
            team,
            referral_email,
            phone,
            out_of_hours,
            advice_line,
            division,
            public_key,
        }),
        _ => Err(problems),
    }
}

fn is_name(s: &str) -> bool {
    !s.is_empty() && s.chars().count() <= 100 && !s.chars().any(char::is_control)
}

/// One `@`, something before it, a dotted domain after it, no spaces: the shape of an address
/// a partner can type into an email, not a full RFC 5322 check.
fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    s.len() <= 254
        && !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "<>(),;:\"[]\\".contains(c))
}

/// Digits with spaces, hyphens, and one leading `+`: 3 (101) to 15 digits.
fn is_phone(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    let rest = s.strip_prefix('+').unwrap_or(s);
    (3..=15).contains(&digits)
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || c == ' ' || c == '-')
}

/// The key's shape: `{"kty":"EC","crv":"P-256","x":…,"y":…}`, each coordinate 32 bytes of
/// base64url; never a private key (`d`).
pub fn public_key(v: &Value) -> Result<PublicKey, Problem> {
    let bad = |field: &str, what: &str| {
        Err(problem(
            field,
            format!("\"{field}\" {what}: it must be the team's P-256 public key as a JWK, {{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":…,\"y\":…}}"),
        ))
    };
    let Some(k) = v.as_object() else {
        return bad("public_key", "is not an object");
    };
    if k.contains_key("d") {
        return Err(problem(
            "public_key.d",
            "\"public_key\" holds a private key (\"d\"): remove it from this public file at once, and make the team a new key pair".into(),
        ));
    }
    if k.get("kty").and_then(Value::as_str) != Some("EC") {
        return bad("public_key.kty", "is not \"EC\"");
    }
    if k.get("crv").and_then(Value::as_str) != Some("P-256") {
        return bad("public_key.crv", "is not \"P-256\"");
    }
    let coordinate = |name: &str| -> Option<String> {
        use base64::Engine;
        let s = k.get(name)?.as_str()?;
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(s)
            .ok()?;
        (bytes.len() == 32).then(|| s.to_string())
    };
    let Some(x) = coordinate("x") else {
        return bad("public_key.x", "is missing or not 32 bytes of base64url");
    };
    let Some(y) = coordinate("y") else {
        return bad("public_key.y", "is missing or not 32 bytes of base64url");
    };
    Ok(PublicKey { x, y })
}

/// The file's JSON Schema (draft 2020-12), for the people who write it: what [`parse`] accepts,
/// as near as a schema can say it.
pub fn json_schema() -> Value {
    let phone = |d: &str| json!({ "type": "string", "description": d, "pattern": "^\\+?[0-9][0-9 -]*[0-9]$", "minLength": 3, "maxLength": 25 });
    let name =
        |d: &str| json!({ "type": "string", "description": d, "minLength": 1, "maxLength": 100 });
    let ids: Vec<&str> = Division::ALL.iter().map(|d| d.id()).collect();
    let mut props = Map::new();
    props.insert("$schema".into(), json!({ "type": "string" }));
    props.insert("$comment".into(), json!({}));
    props.insert(
        "force".into(),
        name("The police force, as partners know it."),
    );
    props.insert(
        "team".into(),
        name("The Prevent team that receives referrals."),
    );
    props.insert(
        "referral_email".into(),
        json!({ "type": "string", "format": "email", "maxLength": 254, "description": "The address partners send referrals to." }),
    );
    props.insert(
        "phone".into(),
        phone("The team's phone number in office hours."),
    );
    props.insert(
        "out_of_hours".into(),
        phone("The number to call out of hours."),
    );
    props.insert(
        "advice_line".into(),
        phone("The number partners call for advice before (or instead of) a referral (s7)."),
    );
    props.insert(
        "division".into(),
        json!({ "enum": ids, "description": "The default calendar division (bank holidays)." }),
    );
    props.insert(
        "public_key".into(),
        json!({
            "description": "Optional: the team's P-256 public key (JWK) for protected referral files. Never the private key.",
            "type": "object",
            "required": ["kty", "crv", "x", "y"],
            "properties": {
                "kty": { "const": "EC" },
                "crv": { "const": "P-256" },
                "x": { "type": "string", "pattern": "^[A-Za-z0-9_-]{43}$" },
                "y": { "type": "string", "pattern": "^[A-Za-z0-9_-]{43}$" },
                "d": false
            }
        }),
    );
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "deployment-v1.schema.json",
        "title": "Prevent Case Toolkit deployment settings",
        "description": "The file deployment.json at the root of the site, which the hosting force edits (docs/decisions/0021-deployment-settings.md).",
        "type": "object",
        "required": ["force", "team", "referral_email", "phone", "out_of_hours", "advice_line", "division"],
        "properties": props,
        "additionalProperties": false
    })
}
