//! What a `timer` host is told: enough to tick once a second without asking again, until the opening hours
//! change state (`until_ms`).
use serde::{Deserialize, Serialize};

use super::ledger::TimerRecord;
use crate::core::hours::{self, Schedule};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimerView {
    pub key: String,
    /// When the customer started waiting; `None`: answered (or spam, see `spam`).
    pub since_ms: Option<i64>,
    /// Waiting time counted at `as_of_ms`: open time only when the Page has opening hours.
    pub counted_ms: i64,
    pub as_of_ms: i64,
    /// Whether the clock runs (inside opening hours, not a holiday, not away).
    pub open: bool,
    /// When `open` changes next; the host asks again then. `None`: not within the next year.
    pub until_ms: Option<i64>,
    /// Labelled spam: nobody is expected to answer, so nothing waits.
    pub spam: bool,
}

/// The view of `record` at `now_ms` under `schedule` (`None`: always open).
pub fn timer_view(
    record: &TimerRecord,
    schedule: Option<&Schedule>,
    now_ms: i64,
    spam: bool,
) -> TimerView {
    let since_ms = if spam { None } else { record.since_ms };
    let (open, until_ms) = match schedule {
        Some(schedule) => (
            hours::is_open(schedule, now_ms),
            hours::next_change_ms(schedule, now_ms),
        ),
        None => (true, None),
    };
    let counted_ms = match (since_ms, schedule) {
        (None, _) => 0,
        (Some(since), Some(schedule)) => hours::open_ms_between(schedule, since, now_ms),
        (Some(since), None) => (now_ms - since).max(0),
    };
    TimerView {
        key: record.key.clone(),
        since_ms,
        counted_ms,
        as_of_ms: now_ms,
        open,
        until_ms,
        spam,
    }
}
