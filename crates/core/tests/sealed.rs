//! The sealed (encrypted) draft format (issue 8 groundwork): what is written, what is refused
//! when read, fresh nonces, and the binding of a ciphertext to its record.

use prevent_core::sealed::*;
use std::collections::HashSet;

fn sample() -> Sealed {
    Sealed {
        iterations: ITERATIONS,
        salt: (0..16).collect(),
        nonce: [7; NONCE_LEN],
        ct: (0..40).collect(),
    }
}

#[test]
fn sec_1_a_sealed_payload_reads_back_as_written() {
    let s = sample();
    let text = encode(&s);
    assert!(text.starts_with(r#"{"v":1,"kdf":"PBKDF2-SHA256","iterations":600000,"salt":""#));
    assert_eq!(decode(&text), Ok(s));
}

#[test]
fn sec_1_a_damaged_weakened_or_foreign_payload_is_refused_with_what_is_wrong() {
    let good = encode(&sample());
    let swap = |from: &str, to: &str| good.replacen(from, to, 1);
    // The base64 text of a field of the good payload.
    let field = |name: &str| {
        good.split(&format!("\"{name}\":\""))
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_string()
    };
    let (salt, nonce) = (field("salt"), field("nonce"));
    for (name, payload, want) in [
        (
            "plain draft JSON",
            r#"{"id":"x","answers":{}}"#.to_string(),
            SealError::NotSealed,
        ),
        ("not JSON", "garbage".to_string(), SealError::NotSealed),
        (
            "an extra field",
            good.replacen("{", r#"{"alg":"none","#, 1),
            SealError::NotSealed,
        ),
        (
            "version 2",
            swap(r#""v":1"#, r#""v":2"#),
            SealError::Unsupported("format version 2".into()),
        ),
        (
            "another KDF",
            swap("PBKDF2-SHA256", "MD5"),
            SealError::Unsupported("the key derivation 'MD5'".into()),
        ),
        (
            "weakened iterations",
            swap("600000", "1000"),
            SealError::WeakKdf(1000),
        ),
        (
            "salt not base64",
            swap(&salt, "!!!"),
            SealError::BadField("salt"),
        ),
        (
            "short salt",
            swap(&salt, "AAAA"),
            SealError::BadField("salt"),
        ),
        (
            "short nonce",
            swap(&nonce, "AAAA"),
            SealError::BadField("nonce"),
        ),
        (
            "no tag",
            {
                let mut s = sample();
                s.ct = vec![1; TAG_LEN - 1];
                encode(&s)
            },
            SealError::BadField("ciphertext"),
        ),
    ] {
        assert_eq!(decode(&payload), Err(want.clone()), "{name}");
        assert!(!want.to_string().is_empty());
    }
    assert_eq!(
        SealError::WeakKdf(1000).to_string(),
        "The stored entry's key was derived with 1000 iterations, fewer than the 600000 required"
    );
}

#[test]
fn sec_1_more_iterations_than_the_minimum_are_accepted() {
    let mut s = sample();
    s.iterations = 1_000_000;
    assert_eq!(decode(&encode(&s)).map(|x| x.iterations), Ok(1_000_000));
}

#[test]
fn sec_1_every_nonce_of_a_session_is_fresh() {
    let mut seq = NonceSequence::new([9, 8, 7, 6, 5, 4, 3, 2]);
    let mut seen = HashSet::new();
    for _ in 0..100_000 {
        let n = seq.next_nonce().unwrap();
        assert_eq!(&n[..8], &[9, 8, 7, 6, 5, 4, 3, 2]);
        assert!(seen.insert(n), "nonce reused");
    }
    // Two sessions with different random prefixes never share a nonce.
    let mut other = NonceSequence::new([1; 8]);
    for _ in 0..1000 {
        assert!(!seen.contains(&other.next_nonce().unwrap()));
    }
}

#[test]
fn sec_1_a_spent_sequence_gives_no_more_nonces_rather_than_repeat_one() {
    let mut seq = NonceSequence::new([0; 8]);
    assert_eq!(&seq.next_nonce().unwrap()[8..], &[0, 0, 0, 0]);
    assert_eq!(&seq.next_nonce().unwrap()[8..], &[0, 0, 0, 1]);
    let mut last = NonceSequence::resume([0; 8], u32::MAX);
    assert_eq!(&last.next_nonce().unwrap()[8..], &[255, 255, 255, 255]);
    assert_eq!(
        last.next_nonce(),
        None,
        "the counter never wraps to a used nonce"
    );
    assert_eq!(last.next_nonce(), None);
}

#[test]
fn sec_1_the_ciphertext_is_bound_to_its_record_and_form() {
    let a = aad("6a1b2c3d-0000-4000-8000-000000000001", "nrf");
    assert_ne!(
        a,
        aad("6a1b2c3d-0000-4000-8000-000000000002", "nrf"),
        "another record"
    );
    assert_ne!(
        a,
        aad("6a1b2c3d-0000-4000-8000-000000000001", "pga"),
        "another form"
    );
    // No two (id, form) pairs give the same bytes by moving the separator.
    assert_ne!(aad("a\nb", "c"), aad("a", "b\nc"));
}
