//! What a `timer` shows (design.md §4: `data-state` is `ok`, `warn`, `late`, `answered` or `paused`): from when the
//! customer started waiting, whether they were answered, the opening hours and the thresholds (defaults: warn at
//! 5 min, late at 15 min, the figures behind Meta's responsiveness badge, research/market.md).
use crate::core::hours::{self, Schedule};

/// The default thresholds, in milliseconds of counted (open) waiting time.
pub const DEFAULT_WARN_MS: i64 = 5 * 60_000;
pub const DEFAULT_LATE_MS: i64 = 15 * 60_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Thresholds {
    pub warn_ms: i64,
    pub late_ms: i64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            warn_ms: DEFAULT_WARN_MS,
            late_ms: DEFAULT_LATE_MS,
        }
    }
}

impl Thresholds {
    /// Thresholds a person typed (minutes); refused when warn is not below late or either is not positive.
    pub fn from_minutes(warn: u32, late: u32) -> Result<Thresholds, String> {
        if warn == 0 || late == 0 {
            return Err("Thresholds must be at least 1 minute.".into());
        }
        if warn >= late {
            return Err(format!(
                "“Warn” ({warn} min) must come before “late” ({late} min)."
            ));
        }
        Ok(Thresholds {
            warn_ms: i64::from(warn) * 60_000,
            late_ms: i64::from(late) * 60_000,
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimerState {
    Ok,
    Warn,
    Late,
    Answered,
    /// Outside opening hours, on a holiday or while away: the clock does not run.
    Paused,
}

impl TimerState {
    /// The `data-state` value of the contract.
    pub fn key(self) -> &'static str {
        match self {
            TimerState::Ok => "ok",
            TimerState::Warn => "warn",
            TimerState::Late => "late",
            TimerState::Answered => "answered",
            TimerState::Paused => "paused",
        }
    }
}

/// What a timer shows now: its state and the counted waiting time (open time only when a schedule is given).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reading {
    pub state: TimerState,
    pub waited_ms: i64,
}

/// The reading at `now_ms` for a customer waiting since `waiting_since_ms` (None: answered).
///
/// Paused wins over the thresholds while the team is closed: a late customer stays visible through the counted
/// time, but the state says the clock has stopped, so a manager does not read an overnight wait as neglect.
pub fn reading(
    waiting_since_ms: Option<i64>,
    now_ms: i64,
    schedule: Option<&Schedule>,
    thresholds: Thresholds,
) -> Reading {
    let Some(since) = waiting_since_ms else {
        return Reading {
            state: TimerState::Answered,
            waited_ms: 0,
        };
    };
    let from = since.min(now_ms);
    let waited_ms = match schedule {
        Some(schedule) => hours::open_ms_between(schedule, from, now_ms),
        None => now_ms - from,
    };
    let state = if schedule.is_some_and(|s| !hours::is_open(s, now_ms)) {
        TimerState::Paused
    } else if waited_ms >= thresholds.late_ms {
        TimerState::Late
    } else if waited_ms >= thresholds.warn_ms {
        TimerState::Warn
    } else {
        TimerState::Ok
    };
    Reading { state, waited_ms }
}

/// The timer's text: `42 s`, `4 min`, `1 h 05 min`, `2 d 3 h` — short enough for a row, exact enough to act on.
pub fn waited_text(ms: i64) -> String {
    let seconds = ms.max(0) / 1000;
    let (minutes, hours, days) = (seconds / 60, seconds / 3600, seconds / 86_400);
    if seconds < 60 {
        format!("{seconds} s")
    } else if minutes < 60 {
        format!("{minutes} min")
    } else if hours < 24 {
        format!("{hours} h {:02} min", minutes % 60)
    } else {
        format!("{days} d {} h", hours % 24)
    }
}
