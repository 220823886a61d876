//! Deployment settings (issue 20, REF-1's advice contact; decision 0021): one case a line, the
//! file's text against what `deployment::parse` says, and the shipped fictional example against
//! the code and the published schema.

use prevent_core::calendar::Division;
use prevent_core::deployment::{self, Deployment};
use serde_json::{json, Value};

const KEY_X: &str = "fEaKIvz2ISLwgGiz7smbXNjMPkxrzHoVIvhDN8-AVcQ";
const KEY_Y: &str = "7AhnO7Mo0c5Vra6zxn5i_uheFZciCqISkcIqBQEMI7E";

fn good() -> Value {
    json!({
        "force": "Exampleton Constabulary",
        "team": "Exampleton Prevent team",
        "referral_email": "prevent.referrals@example.org",
        "phone": "01632 960000",
        "out_of_hours": "101",
        "advice_line": "+44 1632 960123",
        "division": "scotland"
    })
}

/// `good()` with `field` set to `value` (or removed when `value` is null).
fn with(field: &str, value: Value) -> String {
    let mut v = good();
    let o = v.as_object_mut().unwrap();
    if value.is_null() {
        o.remove(field);
    } else {
        o.insert(field.into(), value);
    }
    v.to_string()
}

/// The file is refused, and a problem names `field` with a message containing `says`.
fn refused(text: &str, field: &str, says: &str) {
    let problems = deployment::parse(text).expect_err(text);
    assert!(
        problems
            .iter()
            .any(|p| p.field == field && p.message.contains(says)),
        "{text}: want {field:?} saying {says:?}, got {problems:?}"
    );
}

#[test]
fn ref_1_a_whole_file_reads() {
    let d = deployment::parse(&good().to_string()).unwrap();
    assert_eq!(
        d,
        Deployment {
            force: "Exampleton Constabulary".into(),
            team: "Exampleton Prevent team".into(),
            referral_email: "prevent.referrals@example.org".into(),
            phone: "01632 960000".into(),
            out_of_hours: "101".into(),
            advice_line: "+44 1632 960123".into(),
            division: Division::Scotland,
            public_key: None,
        }
    );
    let key =
        json!({"kty": "EC", "crv": "P-256", "x": KEY_X, "y": KEY_Y, "ext": true, "key_ops": []});
    let d = deployment::parse(&with("public_key", key)).unwrap();
    assert_eq!(d.public_key.unwrap().x, KEY_X);
    // Spaces around a value are not a fault.
    assert_eq!(
        deployment::parse(&with("team", json!("  Team  ")))
            .unwrap()
            .team,
        "Team"
    );
    assert!(deployment::parse(&with("$comment", json!("notes"))).is_ok());
}

#[test]
fn ref_1_each_bad_field_is_named() {
    refused("", "", "not valid JSON");
    refused("{", "", "not valid JSON");
    refused("[]", "", "one JSON object");
    refused(&with("force", Value::Null), "force", "\"force\" is missing");
    refused(&with("force", json!("")), "force", "\"force\" must be");
    refused(&with("team", json!(42)), "team", "\"team\" must be");
    refused(&with("team", json!("x".repeat(101))), "team", "up to 100");
    refused(
        &with("referral_email", Value::Null),
        "referral_email",
        "is missing",
    );
    refused(
        &with("referral_email", json!("prevent.example.org")),
        "referral_email",
        "like prevent@example.org",
    );
    refused(
        &with("referral_email", json!("prevent@example")),
        "referral_email",
        "email address",
    );
    refused(
        &with("referral_email", json!("a b@example.org")),
        "referral_email",
        "email address",
    );
    refused(
        &with("referral_email", json!("a@b@example.org")),
        "referral_email",
        "email address",
    );
    refused(
        &with("phone", json!("call us")),
        "phone",
        "\"phone\" must be",
    );
    refused(&with("phone", json!("12")), "phone", "in digits");
    refused(
        &with("out_of_hours", json!("01632 96O999")),
        "out_of_hours",
        "out of hours",
    );
    refused(
        &with("advice_line", Value::Null),
        "advice_line",
        "is missing",
    );
    refused(
        &with("advice_line", json!("1+1")),
        "advice_line",
        "for advice",
    );
    refused(&with("division", Value::Null), "division", "is missing");
    refused(
        &with("division", json!("Wales")),
        "division",
        "england-and-wales, scotland, northern-ireland",
    );
    refused(
        &with("referal_email", json!("x@example.org")),
        "referal_email",
        "check its spelling",
    );
}

#[test]
fn ref_1_every_bad_field_at_once() {
    let text = json!({"force": "", "division": "mars"}).to_string();
    let fields: Vec<String> = deployment::parse(&text)
        .unwrap_err()
        .into_iter()
        .map(|p| p.field)
        .collect();
    assert_eq!(
        fields,
        [
            "force",
            "team",
            "referral_email",
            "phone",
            "out_of_hours",
            "advice_line",
            "division"
        ]
    );
}

#[test]
fn ref_1_the_public_key_is_a_p256_public_jwk() {
    let key = |k: Value| with("public_key", k);
    refused(&key(json!("abc")), "public_key", "not an object");
    refused(
        &key(json!({"kty": "RSA", "crv": "P-256", "x": KEY_X, "y": KEY_Y})),
        "public_key.kty",
        "\"EC\"",
    );
    refused(
        &key(json!({"kty": "EC", "crv": "P-384", "x": KEY_X, "y": KEY_Y})),
        "public_key.crv",
        "\"P-256\"",
    );
    refused(
        &key(json!({"kty": "EC", "crv": "P-256", "y": KEY_Y})),
        "public_key.x",
        "32 bytes",
    );
    refused(
        &key(json!({"kty": "EC", "crv": "P-256", "x": "AAAA", "y": KEY_Y})),
        "public_key.x",
        "32 bytes",
    );
    refused(
        &key(json!({"kty": "EC", "crv": "P-256", "x": KEY_X, "y": "not base64!"})),
        "public_key.y",
        "32 bytes",
    );
    refused(
        &key(json!({"kty": "EC", "crv": "P-256", "x": KEY_X, "y": KEY_Y, "d": KEY_X})),
        "public_key.d",
        "private key",
    );
    // No key is no key.
    assert!(deployment::parse(&key(Value::Null))
        .unwrap()
        .public_key
        .is_none());
}

fn root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn ref_1_the_shipped_example_is_fictional_and_reads() {
    let text = std::fs::read_to_string(root().join("deploy/deployment.example.json")).unwrap();
    let d = deployment::parse(&text).unwrap();
    assert!(d.force.contains("Exampleton"));
    assert!(d.referral_email.ends_with("@example.org"));
    for n in [&d.phone, &d.out_of_hours, &d.advice_line] {
        assert!(n.starts_with("01632 960"), "{n}: an Ofcom drama number");
    }
}

#[test]
fn ref_1_the_published_schema_agrees_with_the_code() {
    let schema = deployment::json_schema();
    let v = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let example: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("deploy/deployment.example.json")).unwrap(),
    )
    .unwrap();
    assert!(v.is_valid(&example));
    assert!(v.is_valid(&good()));
    let key = json!({"kty": "EC", "crv": "P-256", "x": KEY_X, "y": KEY_Y});
    assert!(v.is_valid(&serde_json::from_str(&with("public_key", key)).unwrap()));
    // What the code refuses, the schema refuses.
    for bad in [
        with("force", Value::Null),
        with("referral_email", json!("prevent.example.org")),
        with("phone", json!("call us")),
        with("division", json!("Wales")),
        with("referal_email", json!("x@example.org")),
        with(
            "public_key",
            json!({"kty": "EC", "crv": "P-256", "x": KEY_X, "y": KEY_Y, "d": KEY_X}),
        ),
        with(
            "public_key",
            json!({"kty": "EC", "crv": "P-384", "x": KEY_X, "y": KEY_Y}),
        ),
    ] {
        assert!(deployment::parse(&bad).is_err(), "{bad}");
        assert!(
            !v.is_valid(&serde_json::from_str(&bad).unwrap()),
            "schema accepts {bad}"
        );
    }
}
