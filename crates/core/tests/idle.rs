//! The idle lock's warning (issue 21, item 4; SEC-2, the lock; WCAG 2.2.1 Timing Adjustable):
//! when it shows, what it says, and when the toolkit locks, for each idle time "This device"
//! offers (5, 15, 30 and 60 minutes).

use prevent_core::idle::{phase, time_left, Idle, WARN_BEFORE_MS};

const MIN: u64 = 60_000;

#[test]
fn sec_2_the_warning_shows_two_minutes_before_the_lock_for_every_idle_time() {
    for lock_after in [5, 15, 30, 60] {
        let lock = lock_after * MIN;
        // (idle, expected)
        let cases = [
            (0, Idle::Active),
            (lock - 2 * MIN - 1, Idle::Active),
            (lock - 2 * MIN, Idle::Warn { left_ms: 2 * MIN }),
            (lock - 30_000, Idle::Warn { left_ms: 30_000 }),
            (lock - 1, Idle::Warn { left_ms: 1 }),
            (lock, Idle::Lock),
            (lock + 10 * MIN, Idle::Lock),
        ];
        for (idle, want) in cases {
            assert_eq!(
                phase(idle, lock),
                want,
                "{lock_after} minutes, idle {idle} ms"
            );
        }
    }
    assert_eq!(WARN_BEFORE_MS, 2 * MIN);
}

#[test]
fn sec_2_an_idle_time_shorter_than_the_warning_warns_from_the_start() {
    assert_eq!(phase(0, MIN), Idle::Warn { left_ms: MIN });
    assert_eq!(phase(MIN, MIN), Idle::Lock);
}

#[test]
fn sec_2_the_time_left_is_said_in_minutes_then_15_second_steps_never_less_than_it_is() {
    let cases = [
        (120_000, "2 minutes"),
        (119_001, "2 minutes"),
        (61_000, "2 minutes"),
        (60_001, "2 minutes"),
        (60_000, "1 minute"),
        (45_001, "1 minute"),
        (45_000, "45 seconds"),
        (30_001, "45 seconds"),
        (30_000, "30 seconds"),
        (15_000, "15 seconds"),
        (1, "15 seconds"),
        (0, "15 seconds"),
        (300_000, "5 minutes"),
    ];
    for (left, want) in cases {
        assert_eq!(time_left(left), want, "{left} ms left");
    }
}

#[test]
fn sec_2_the_words_change_at_most_every_15_seconds() {
    // A screen reader hears the live text each time it changes: over the two minutes of the
    // warning, counted second by second, it changes no more often than every 15 seconds.
    let mut changes = Vec::new();
    let mut last = time_left(WARN_BEFORE_MS);
    for left in (0..WARN_BEFORE_MS).rev().step_by(1000) {
        let now = time_left(left);
        if now != last {
            changes.push(left);
            last = now;
        }
    }
    assert!(changes.len() <= 8, "{changes:?}");
    for pair in changes.windows(2) {
        assert!(pair[0] - pair[1] >= 15_000, "{changes:?}");
    }
}
