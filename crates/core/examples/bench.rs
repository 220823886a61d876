//! Prints how long the core's per-keystroke work takes on a complete referral and on a
//! complete Prevent Gateway Assessment (every question answered, all 37 DIF factors): validation
//! of the whole form (for the PGA including the PGA rules read from the answers), the
//! check-your-answers rows, sealing a draft for storage, and the JSON export. The app runs validation on every change, so it must stay far below a frame (16 ms).
//!
//! `cargo run --release -p prevent-core --example bench` (native; the browser is typically
//! 1.5-3x slower). This example reads the clock; the library never does.

use chrono::NaiveDate;
use prevent_core::draft::Draft;
use prevent_core::form::Context;
use prevent_core::store::Envelope;
use prevent_core::{export, flow, nrf, validate::validate, Answer};
use std::hint::black_box;
use std::time::Instant;

fn main() {
    let schema = nrf::schema();
    let ctx = Context::on(NaiveDate::from_ymd_opt(2026, 11, 28).unwrap());
    let mut d = Draft::new(
        &schema,
        "3f2a9c1b-0000-4000-8000-000000000000",
        "2026-11-28T09:00:00Z",
    );
    for (k, v) in [
        ("referral.intent", "referral"),
        ("risk.immediate", "no"),
        ("referrer.name", "Sam Teacher"),
        ("referrer.organisation", "Northtown Academy"),
        ("referrer.email", "sam@example.org"),
        ("subject.type", "individual"),
        ("subject.forename", "Alex"),
        ("subject.age", "15"),
        ("info.safeguarding_lead", "no"),
        ("info.subject_informed", "no"),
        ("info.direct_action", "no"),
        ("info.other_agencies", "no"),
        ("info.parents_informed", "no"),
    ] {
        d.set_answer(k, Answer::Text(v.into()));
    }
    // A long description, as real referrals have.
    d.set_answer(
        "concerns.description",
        Answer::Text("Shared extremist videos in class. ".repeat(250)),
    );
    d.set_answer(
        "declaration.confirm",
        Answer::Choices(vec!["confirmed".into()]),
    );

    let time = |name: &str, n: u32, f: &mut dyn FnMut()| {
        let start = Instant::now();
        for _ in 0..n {
            f();
        }
        let per = start.elapsed().as_secs_f64() / n as f64;
        println!("{name:<36} {:>9.1} µs per call ({n} calls)", per * 1e6);
    };
    println!(
        "prevent-core bench: a complete NRF referral, {} questions, {} rules",
        schema
            .pages
            .iter()
            .map(|p| p.questions.len())
            .sum::<usize>(),
        schema.rules.len()
    );
    time("nrf::schema() (once per app start)", 2_000, &mut || {
        drop(black_box(nrf::schema()))
    });
    time("validate (every keystroke)", 20_000, &mut || {
        drop(black_box(validate(&schema, &d.answers, &ctx)))
    });
    time(
        "validate + flow::summary (check your answers)",
        20_000,
        &mut || {
            let r = validate(&schema, &d.answers, &ctx);
            drop(black_box(flow::summary(&schema, &d.answers, &ctx, &r)))
        },
    );
    time("Envelope::seal (every save)", 20_000, &mut || {
        drop(black_box(Envelope::wrap(&d, "2026-11-28T10:00:00Z")))
    });
    time("export::to_json_string (download)", 5_000, &mut || {
        drop(black_box(export::to_json_string(&schema, &d, &ctx)))
    });

    store(&d);
    pga(&ctx, &time);
}

/// The store as the app runs it (sealed entries, the index, the manifest: issue 16), with
/// 1,000 referrals like `d` stored: what an autosave costs (p50 and p95 of 2,000 saves of one
/// record), and listing them again (from the index) and first (every entry opened).
fn store(d: &Draft) {
    use prevent_core::sealed::NonceSequence;
    use prevent_core::store::{KvBackend, KvStore, MemoryBackend, INDEX_KEY};
    use prevent_core::vault::{Key, VaultBackend};
    let key = Key::new([1; 32]);
    let s = KvStore::vaulted(VaultBackend::new(
        MemoryBackend::default(),
        &key,
        [7; 16],
        NonceSequence::new([1; 8]),
    ));
    let ids: Vec<String> = (0..1000)
        .map(|i| format!("3f2a9c1b-0000-4000-8000-{i:012}"))
        .collect();
    for id in &ids {
        let mut r = d.clone();
        r.id = id.clone();
        s.save_now(Envelope::wrap(&r, "2026-11-28T10:00:00Z"), None)
            .unwrap();
    }
    s.list_now().unwrap();
    let bytes: usize = s
        .backend
        .keys()
        .unwrap()
        .iter()
        .filter(|k| k.starts_with("pct.manifest."))
        .map(|k| s.backend.get(k).unwrap().unwrap().len())
        .sum();
    println!("\nprevent-core bench: the store, 1,000 sealed referrals of {} kB; manifest {bytes} bytes in clear", serde_json::to_string(d).unwrap().len() / 1000);
    let mut r = d.clone();
    r.id = ids[500].clone();
    let mut revision = 1;
    let mut times: Vec<f64> = (0..2000)
        .map(|i| {
            r.answers
                .set("referrer.name", Answer::Text(format!("Sam Teacher {i}")));
            let start = Instant::now();
            let e = s
                .save_now(Envelope::wrap(&r, "2026-11-28T10:00:01Z"), Some(revision))
                .unwrap();
            let t = start.elapsed().as_secs_f64();
            revision = e.revision;
            t
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "{:<36} {:>9.1} µs p50, {:.1} µs p95 (2000 saves)",
        "autosave (save_now, 1,000 stored)",
        times[1000] * 1e6,
        times[1900] * 1e6
    );
    s.list_now().unwrap();
    let start = Instant::now();
    for _ in 0..20 {
        black_box(s.list_now().unwrap());
    }
    println!(
        "{:<36} {:>9.1} µs per call (20 calls)",
        "list 1,000 again (index)",
        start.elapsed().as_secs_f64() / 20.0 * 1e6
    );
    let start = Instant::now();
    for _ in 0..5 {
        for id in &ids {
            black_box(s.load_now(id).unwrap());
        }
    }
    println!(
        "{:<36} {:>9.1} µs per call (5 calls)",
        "load 1,000 in one store (CSV)",
        start.elapsed().as_secs_f64() / 5.0 * 1e6
    );
    let start = Instant::now();
    for _ in 0..5 {
        s.backend.remove(INDEX_KEY).unwrap();
        black_box(s.list_now().unwrap());
    }
    println!(
        "{:<36} {:>9.1} µs per call (5 calls)",
        "list 1,000 first (no index)",
        start.elapsed().as_secs_f64() / 5.0 * 1e6
    );
}

/// The same figures for a PGA with every shown question answered.
/// Times a closure: name, calls, the work.
type Timer<'a> = &'a dyn Fn(&str, u32, &mut dyn FnMut());

fn pga(ctx: &Context, time: Timer) {
    use prevent_core::answers::DateParts;
    use prevent_core::{dif, pga_form, QuestionKind};
    let framework = dif::default_framework();
    let schema = pga_form::schema(&framework);
    let mut d = Draft::new(
        &schema,
        "4a2b9c1b-0000-4000-8000-000000000000",
        "2026-11-28T09:00:00Z",
    );
    // Answer every question, the first option of each choice (which shows every follow-up).
    for q in schema.pages.iter().flat_map(|p| &p.questions) {
        let a = match &q.kind {
            QuestionKind::Radios { choices, .. } | QuestionKind::Select { choices } => {
                Answer::Text(choices[0].value.clone())
            }
            QuestionKind::Checkboxes { choices } => Answer::Choices(vec![choices[0].value.clone()]),
            QuestionKind::Date => Answer::Date(DateParts::new("20", "11", "2026")),
            QuestionKind::TextArea { .. } => Answer::Text("Found in the PNC check. ".repeat(20)),
            _ => Answer::Text("PCM-2026-0042".into()),
        };
        d.set_answer_at(&schema, &q.id, a, "2026-11-28T09:30:00Z");
    }
    println!(
        "\nprevent-core bench: a complete PGA, {} questions, {} rules, audit trail of {}",
        schema
            .pages
            .iter()
            .map(|p| p.questions.len())
            .sum::<usize>(),
        schema.rules.len(),
        d.audit.len()
    );
    time(
        "pga_form::schema() (once per app start)",
        2_000,
        &mut || drop(black_box(pga_form::schema(&framework))),
    );
    time("validate (every keystroke)", 5_000, &mut || {
        drop(black_box(validate(&schema, &d.answers, ctx)))
    });
    time(
        "validate + flow::summary (check your answers)",
        5_000,
        &mut || {
            let r = validate(&schema, &d.answers, ctx);
            drop(black_box(flow::summary(&schema, &d.answers, ctx, &r)))
        },
    );
    time("Envelope::seal (every save)", 5_000, &mut || {
        drop(black_box(Envelope::wrap(&d, "2026-11-28T10:00:00Z")))
    });
    time("export::to_json_string (download)", 2_000, &mut || {
        drop(black_box(export::to_json_string(&schema, &d, ctx)))
    });
}
