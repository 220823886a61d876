//! Protected referral files (issue 20, item 3; decision 0025): the standard parts checked
//! against their RFCs' own examples, every damaged file refused with its message, and the
//! team's key kept sealed (in the vault, and in the file that carries it to a second officer).
//! The cryptography itself runs in the browser (WebCrypto): `tests/protected.rs` at the root
//! round-trips a file there, and `e2e/protected.test.js` has an independent JOSE library open
//! what a partner downloads.

use base64::Engine;
use prevent_core::deployment::PublicKey;
use prevent_core::protected::{
    self, check_key, concat_kdf_input, content_key, parse, read_key_file, thumbprint,
    thumbprint_input, ProtectedError, TeamKey, TEAM_KEY,
};
use prevent_core::sealed::NonceSequence;
use prevent_core::store::{KvBackend, MemoryBackend};
use prevent_core::vault::{self, open_with, Key, Meta, Session, VaultBackend};
use serde_json::{json, Value};
use sha2::Digest;
use std::rc::Rc;

fn b64u(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// RFC 7518 Appendix C's keys (Alice's ephemeral public key, Bob's key pair).
fn bob() -> TeamKey {
    TeamKey::from_jwk(&json!({
        "kty": "EC", "crv": "P-256",
        "x": "weNJy2HscCSM6AEDTDg04biOvhFhyyWvOHQfeF_PxMQ",
        "y": "e8lnCO-AlStT-NJVX-crhB7QRYhiix03illJOVAOyck",
        "d": "VEmDZpDXXK8p8N0Cndsxs924q6nS1RXFASRl6BfUqdw"
    }))
    .unwrap()
}

fn alice_epk() -> PublicKey {
    PublicKey {
        x: "gI0GAILBdu7T53akrFmMyGcsF3n5dO7MmwNBHKW5SV0".into(),
        y: "SLW_xSffzlPWrHEVI30DHM_4egVwt3NQqeUD7nMFpps".into(),
    }
}

#[test]
fn handover_3_rfc7518_appendix_c_concat_kdf_gives_the_rfcs_content_key() {
    // RFC 7518 Appendix C: Z from Alice's ephemeral key and Bob's, ECDH-ES with A128GCM,
    // apu "Alice", apv "Bob": the derived key is VqqN6vgjbSBcIijNcacQGg.
    let z: [u8; 32] = [
        158, 86, 217, 29, 129, 113, 53, 211, 114, 131, 66, 131, 191, 132, 38, 156, 251, 49, 110,
        163, 218, 128, 106, 72, 246, 218, 167, 121, 140, 254, 144, 196,
    ];
    let input = concat_kdf_input(&z, "A128GCM", b"Alice", b"Bob", 128);
    let digest = sha2::Sha256::digest(&input);
    assert_eq!(b64u(&digest[..16]), "VqqN6vgjbSBcIijNcacQGg");
    // A256GCM with no party info, as this toolkit's files: the core's own SHA-256 of the
    // same layout (checked against sha2).
    let ours = concat_kdf_input(&z, "A256GCM", &[], &[], 256);
    assert_eq!(&ours[..4], &[0, 0, 0, 1]);
    assert_eq!(&ours[36..40], &[0, 0, 0, 7]);
    assert_eq!(&ours[ours.len() - 4..], &256u32.to_be_bytes());
    assert_eq!(
        content_key(&z).to_vec(),
        sha2::Sha256::digest(&ours).to_vec()
    );
}

#[test]
fn handover_3_the_key_id_is_the_rfc7638_thumbprint() {
    let k = bob().public;
    assert_eq!(
        thumbprint_input(&k),
        r#"{"crv":"P-256","kty":"EC","x":"weNJy2HscCSM6AEDTDg04biOvhFhyyWvOHQfeF_PxMQ","y":"e8lnCO-AlStT-NJVX-crhB7QRYhiix03illJOVAOyck"}"#
    );
    assert_eq!(
        thumbprint(&k),
        b64u(&sha2::Sha256::digest(thumbprint_input(&k).as_bytes()))
    );
    assert_eq!(thumbprint(&k).len(), 43);
    assert_ne!(thumbprint(&k), thumbprint(&alice_epk()));
    assert_eq!(
        protected::short_id("abcdEFGHijklMNOPqrst"),
        "abcd EFGH ijkl MNOP"
    );
}

fn a_file() -> String {
    let header = protected::header(&alice_epk(), &thumbprint(&bob().public));
    let mut sealed = b"ciphertext bytes".to_vec();
    sealed.extend_from_slice(&[7u8; 16]);
    protected::file(&header, &[9u8; 12], &sealed).unwrap()
}

#[test]
fn handover_3_a_file_is_a_flattened_jwe_and_reads_back_whole() {
    let text = a_file();
    let v: Value = serde_json::from_str(&text).unwrap();
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(keys, ["ciphertext", "iv", "protected", "tag"]);
    let header: Value = serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(v["protected"].as_str().unwrap())
            .unwrap(),
    )
    .unwrap();
    assert_eq!(header["alg"], "ECDH-ES");
    assert_eq!(header["enc"], "A256GCM");
    assert_eq!(header["cty"], protected::CONTENT_TYPE);
    assert_eq!(header["epk"]["crv"], "P-256");
    assert!(header["epk"].get("d").is_none(), "never a private key");
    let p = parse(text.as_bytes()).unwrap();
    assert_eq!(p.aad, v["protected"].as_str().unwrap());
    assert_eq!(p.kid, thumbprint(&bob().public));
    assert_eq!(p.epk, alice_epk());
    assert_eq!(p.iv, [9u8; 12]);
    let mut sealed = b"ciphertext bytes".to_vec();
    sealed.extend_from_slice(&[7u8; 16]);
    assert_eq!(p.sealed, sealed);
}

#[test]
fn handover_3_a_plain_referral_or_anything_else_is_not_a_protected_file() {
    for text in [
        r#"{"format":"prevent-toolkit/record","form":{"id":"nrf"}}"#,
        "not json",
        "[]",
        "",
    ] {
        assert_eq!(
            parse(text.as_bytes()),
            Err(ProtectedError::NotProtected),
            "{text}"
        );
    }
}

#[test]
fn handover_3_each_damaged_file_is_refused_with_what_is_wrong() {
    let good: Value = serde_json::from_str(&a_file()).unwrap();
    let header = |h: Value| b64u(h.to_string().as_bytes());
    let epk = json!({ "kty": "EC", "crv": "P-256", "x": alice_epk().x, "y": alice_epk().y });
    let kid = thumbprint(&bob().public);
    let ct = protected::CONTENT_TYPE;
    let cases: Vec<(&str, Value, &str)> = vec![
        ("no iv", json!({ "iv": null }), "its \"iv\" is missing"),
        (
            "short iv",
            json!({ "iv": b64u(&[1; 8]) }),
            "its \"iv\" is not 12 bytes",
        ),
        (
            "bad tag",
            json!({ "tag": "!!" }),
            "its \"tag\" is not base64url",
        ),
        (
            "short tag",
            json!({ "tag": b64u(&[1; 4]) }),
            "its \"tag\" is not 16 bytes",
        ),
        (
            "header not b64",
            json!({ "protected": "***" }),
            "its \"protected\" is not base64url",
        ),
        (
            "header not json",
            json!({ "protected": b64u(b"nope") }),
            "its header is not JSON",
        ),
        (
            "other alg",
            json!({ "protected": header(json!({ "alg": "RSA-OAEP", "enc": "A256GCM", "cty": ct, "kid": kid, "epk": epk })) }),
            "ECDH-ES with A256GCM",
        ),
        (
            "other content",
            json!({ "protected": header(json!({ "alg": "ECDH-ES", "enc": "A256GCM", "cty": "text/plain", "kid": kid, "epk": epk })) }),
            "does not hold a referral",
        ),
        (
            "no kid",
            json!({ "protected": header(json!({ "alg": "ECDH-ES", "enc": "A256GCM", "cty": ct, "epk": epk })) }),
            "its \"kid\" is missing",
        ),
        (
            "bad epk",
            json!({ "protected": header(json!({ "alg": "ECDH-ES", "enc": "A256GCM", "cty": ct, "kid": kid, "epk": { "kty": "EC", "crv": "P-384" } })) }),
            "sender's key is not a P-256",
        ),
    ];
    for (name, change, want) in cases {
        let mut v = good.clone();
        for (k, val) in change.as_object().unwrap() {
            if val.is_null() {
                v.as_object_mut().unwrap().remove(k);
            } else {
                v[k] = val.clone();
            }
        }
        let err = parse(v.to_string().as_bytes()).unwrap_err();
        let text = err.to_string();
        assert!(matches!(err, ProtectedError::Damaged(_)), "{name}: {err:?}");
        assert!(text.contains(want), "{name}: {text}");
        assert!(
            text.contains("Nothing has been opened or saved"),
            "{name}: {text}"
        );
    }
    let big = vec![b' '; protected::MAX_BYTES + 1];
    assert!(parse(&big)
        .unwrap_err()
        .to_string()
        .contains("larger than 5 MB"));
}

#[test]
fn handover_3_a_file_for_another_key_or_with_no_key_here_says_so() {
    let p = parse(a_file().as_bytes()).unwrap();
    let ours = thumbprint(&bob().public);
    assert_eq!(check_key(&p, Some(&ours)), Ok(()));
    let other = thumbprint(&alice_epk());
    let err = check_key(&p, Some(&other)).unwrap_err();
    let text = err.to_string();
    assert!(text.contains(&protected::short_id(&ours)), "{text}");
    assert!(text.contains(&protected::short_id(&other)), "{text}");
    assert!(text.contains("another force's Prevent team"), "{text}");
    let none = check_key(&p, None).unwrap_err().to_string();
    assert!(none.contains("does not hold your team's key"), "{none}");
}

#[test]
fn handover_3_a_team_key_reads_only_a_p256_private_jwk_and_never_prints_its_secret() {
    let k = bob();
    assert_eq!(TeamKey::from_jwk(&k.jwk()), Ok(k.clone()));
    assert!(
        !format!("{k:?}").contains(&k.d),
        "Debug leaks the private key"
    );
    let mut no_d = k.jwk();
    no_d.as_object_mut().unwrap().remove("d");
    assert!(TeamKey::from_jwk(&no_d).is_err());
    let mut short = k.jwk();
    short["d"] = json!(b64u(&[1; 16]));
    assert!(TeamKey::from_jwk(&short).is_err());
    let mut curve = k.jwk();
    curve["crv"] = json!("P-384");
    assert!(TeamKey::from_jwk(&curve).is_err());
}

fn session(key: [u8; 32], salt: [u8; 16]) -> (Key, Rc<Session>) {
    let k = Key::new(key);
    (
        Key::new(key),
        Rc::new(Session::new(k, salt, NonceSequence::new([5; 8]))),
    )
}

#[test]
fn handover_3_the_team_key_is_sealed_in_the_vault_and_a_passphrase_change_keeps_it() {
    assert!(vault::is_sealed_key(TEAM_KEY));
    let (a, sa) = session([1; 32], [11; 16]);
    let meta_a = Meta::new(&a, [11; 16], &mut NonceSequence::new([6; 8])).unwrap();
    let v = VaultBackend::unlocked(MemoryBackend::default(), sa);
    let mem = v.inner();
    vault::write_meta(mem, &meta_a).unwrap();
    let jwk = bob().jwk().to_string();
    v.set(TEAM_KEY, &jwk).unwrap();
    assert_eq!(v.get(TEAM_KEY).unwrap().as_deref(), Some(jwk.as_str()));
    let stored = mem.get(TEAM_KEY).unwrap().unwrap();
    assert!(
        !stored.contains(&bob().d),
        "the private key is stored in clear"
    );
    assert_eq!(open_with(&a, TEAM_KEY, &stored).unwrap(), jwk);
    // The passphrase changes: the key is sealed again under the new one.
    let b = Key::new([2; 32]);
    let meta_b = Meta::new(&b, [12; 16], &mut NonceSequence::new([7; 8])).unwrap();
    vault::rekey(mem, Some(&a), &b, &meta_b, &mut NonceSequence::new([8; 8])).unwrap();
    let stored = mem.get(TEAM_KEY).unwrap().unwrap();
    assert_eq!(open_with(&b, TEAM_KEY, &stored).unwrap(), jwk);
    assert!(open_with(&a, TEAM_KEY, &stored).is_err());
}

#[test]
fn handover_3_the_key_file_for_a_second_officer_opens_only_with_its_own_passphrase() {
    let team = bob();
    let file_key = Key::new([3; 32]);
    let text =
        protected::key_file(&team, &file_key, &[13; 16], &mut NonceSequence::new([9; 8])).unwrap();
    assert!(
        !text.contains(&team.d),
        "the private key is in the file in clear"
    );
    let read = read_key_file(text.as_bytes()).unwrap();
    assert_eq!(read.public, team.public);
    assert_eq!(read.salt, vec![13; 16]);
    assert_eq!(protected::open_key_file(&read, &file_key), Ok(team.clone()));
    let wrong = protected::open_key_file(&read, &Key::new([4; 32])).unwrap_err();
    assert!(wrong.contains("passphrase is not right"), "{wrong}");
    // A file whose shown public key was swapped for another team's is refused.
    let mut v: Value = serde_json::from_str(&text).unwrap();
    v["public_key"]["x"] = json!(alice_epk().x);
    v["public_key"]["y"] = json!(alice_epk().y);
    let swapped = read_key_file(v.to_string().as_bytes()).unwrap();
    let err = protected::open_key_file(&swapped, &file_key).unwrap_err();
    assert!(err.contains("not the key it shows"), "{err}");
    for (bad, want) in [
        ("{}", "does not say it is one"),
        ("nope", "not JSON"),
        (
            r#"{"format":"prevent-toolkit/team-key","version":2}"#,
            "version",
        ),
    ] {
        let e = read_key_file(bad.as_bytes()).unwrap_err();
        assert!(
            e.contains(want) && e.contains("Nothing has been changed"),
            "{bad}: {e}"
        );
    }
}

#[test]
fn handover_3_the_header_and_public_key_written_out_are_the_json_they_say() {
    let k = bob().public;
    let text: Value = serde_json::from_str(&protected::public_jwk_text(&k)).unwrap();
    assert_eq!(text, protected::public_jwk(&k));
    let h = protected::header(&alice_epk(), "kid-1");
    let v: Value = serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(h)
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        v,
        json!({ "alg": "ECDH-ES", "enc": "A256GCM", "kid": "kid-1", "cty": protected::CONTENT_TYPE, "epk": protected::public_jwk(&alice_epk()) })
    );
}
