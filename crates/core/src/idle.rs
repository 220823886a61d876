//! The idle lock and its warning (issue 21, item 4; WCAG 2.2.1 Timing Adjustable): the toolkit
//! locks itself after the idle time set on "This device" (5, 15, 30 or 60 minutes, default 15),
//! and warns [`WARN_BEFORE_MS`] before, as GOV.UK's timeout warning does, with a way to stay
//! unlocked. Pure: the app gives how long nobody has done anything in any tab of the toolkit
//! and the idle time set; the clock is read there.

/// How long before the lock the warning shows: two minutes, as GOV.UK's timeout warning
/// advises (and at least as long as a screen reader user needs to reach the button).
pub const WARN_BEFORE_MS: u64 = 120_000;

/// What the idle lock does now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Idle {
    /// Someone used the toolkit within the idle time, with more than the warning left.
    Active,
    /// The lock is near: `left_ms` until it locks. The warning shows.
    Warn {
        /// Milliseconds left before the lock.
        left_ms: u64,
    },
    /// The idle time has passed: lock.
    Lock,
}

/// What to do after `idle_ms` of nobody using the toolkit, when it locks after `lock_after_ms`.
/// With an idle time shorter than the warning, the warning shows from the start of it.
pub fn phase(idle_ms: u64, lock_after_ms: u64) -> Idle {
    if idle_ms >= lock_after_ms {
        Idle::Lock
    } else if lock_after_ms - idle_ms <= WARN_BEFORE_MS {
        Idle::Warn {
            left_ms: lock_after_ms - idle_ms,
        }
    } else {
        Idle::Active
    }
}

/// The time left, as the warning says it ("2 minutes", "1 minute", "45 seconds"): whole
/// minutes from a minute up, then steps of 15 seconds, always rounded up, so that the words
/// change (and a screen reader hears them) every 15 seconds at most, and never say less time
/// than there is.
pub fn time_left(left_ms: u64) -> String {
    let secs = left_ms.div_ceil(1000);
    if secs > 60 {
        let mins = secs.div_ceil(60);
        format!("{mins} minutes")
    } else if secs == 60 {
        "1 minute".into()
    } else {
        let step = secs.div_ceil(15).max(1) * 15;
        if step == 60 {
            "1 minute".into()
        } else {
            format!("{step} seconds")
        }
    }
}
