//! The headline numbers of a set of waits.

use super::waits::Wait;

/// An unanswered wait counts against the response rate once it is this old (wall-clock time, like
/// Meta's 24 h). Younger ones are still pending: a message from a minute ago is not a miss yet.
pub const OVERDUE_AFTER_MS: i64 = 24 * 60 * 60 * 1000;

/// The numbers for one set of waits. Times are milliseconds; every `Option` is `None` without data.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Summary {
    pub answered: usize,
    /// Open waits, overdue or not.
    pub unanswered: usize,
    /// Open waits older than [`OVERDUE_AFTER_MS`] at `now`.
    pub overdue: usize,
    /// `answered / (answered + overdue)`, 0.0 to 1.0.
    pub response_rate: Option<f64>,
    /// The middle first-response time; with an even count, the mean of the two middle ones (rounded
    /// down to the millisecond).
    pub median_ms: Option<i64>,
    /// Rounded down to the millisecond.
    pub mean_ms: Option<i64>,
    /// Nearest-rank 90th percentile: the ⌈0.9·n⌉-th fastest (with one answer, that answer).
    pub p90_ms: Option<i64>,
}

/// The numbers for `waits` at `now_ms`.
pub fn summarize<'a>(waits: impl IntoIterator<Item = &'a Wait>, now_ms: i64) -> Summary {
    let mut times = Vec::new();
    let mut summary = Summary::default();
    for wait in waits {
        match wait.response_ms {
            Some(ms) => {
                summary.answered += 1;
                times.push(ms);
            }
            None => {
                summary.unanswered += 1;
                if now_ms - wait.started_ms > OVERDUE_AFTER_MS {
                    summary.overdue += 1;
                }
            }
        }
    }
    let counted = summary.answered + summary.overdue;
    if counted > 0 {
        summary.response_rate = Some(summary.answered as f64 / counted as f64);
    }
    times.sort_unstable();
    summary.median_ms = median(&times);
    summary.mean_ms = mean(&times);
    summary.p90_ms = nearest_rank(&times, 90);
    summary
}

/// The median of sorted `times`.
pub fn median(times: &[i64]) -> Option<i64> {
    let n = times.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(times[n / 2]),
        _ => Some(((times[n / 2 - 1] as i128 + times[n / 2] as i128) / 2) as i64),
    }
}

/// The mean of `times`, rounded down.
pub fn mean(times: &[i64]) -> Option<i64> {
    if times.is_empty() {
        return None;
    }
    let sum: i128 = times.iter().map(|&t| t as i128).sum();
    Some(sum.div_euclid(times.len() as i128) as i64)
}

/// The nearest-rank `percent`-th percentile of sorted `times`.
pub fn nearest_rank(times: &[i64], percent: usize) -> Option<i64> {
    let rank = (times.len() * percent).div_ceil(100).max(1);
    times.get(rank - 1).copied()
}
