//! An **estimate** of Meta's responsiveness metrics for one Facebook Page, the "very responsive"
//! badge, and how many quick answers keep it. Meta does not publish its exact formula and has changed
//! the thresholds (5 → 15 min); these rules follow the secondary sources in market.md (M8, M9, M10),
//! so the page must show the result as an estimate.
//!
//! Rules:
//! 1. Only `platform == "facebook"` events of the given Page count; a key with a spam mark is left out.
//! 2. A *conversation* starts with a customer message after 24 h without any event on the key (or
//!    with the key's first customer message); it is answered by the first answer after it.
//! 3. Conversations that start during an away period are left out, and away time inside a response is
//!    not counted (Meta pauses the metrics while away). Business hours do not matter to Meta.
//! 4. Instant replies (automated) are not answers: an answer less than [`INSTANT_REPLY_MS`] after the
//!    conversation started is skipped and the conversation keeps waiting for a real one.
//! 5. Counted are the conversations started in the last 30 days; fewer than 10 → the last 10.
//!    An unanswered one counts as a miss once older than 24 h; younger ones are pending.
//! 6. Response rate = answered / (answered + missed). Response time = the mean of the fastest 90 %
//!    (⌈0.9·n⌉, at least one) of the first-response times.
//! 7. Badge: rate ≥ 90 % and response time ≤ 15 min.

use std::collections::BTreeMap;

use super::event::{Event, EventKind};
use crate::core::hours::Schedule;

const MINUTE_MS: i64 = 60 * 1000;
const DAY_MS: i64 = 24 * 60 * MINUTE_MS;

/// Silence after which a customer message starts a new conversation.
pub const NEW_CONVERSATION_AFTER_MS: i64 = DAY_MS;
/// How far back conversations count.
pub const WINDOW_MS: i64 = 30 * DAY_MS;
/// With fewer conversations in the window, the last this many count instead.
pub const MIN_CONVERSATIONS: usize = 10;
/// Answers faster than this are taken for automated instant replies.
pub const INSTANT_REPLY_MS: i64 = 5_000;
/// The badge's thresholds.
pub const BADGE_RATE: f64 = 0.9;
pub const BADGE_TIME_MS: i64 = 15 * MINUTE_MS;
/// The forecast gives up beyond this many answers.
const FORECAST_LIMIT: u32 = 10_000;

/// The estimate at one moment.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MetaEstimate {
    pub answered: usize,
    /// Unanswered for more than 24 h.
    pub missed: usize,
    /// Unanswered, younger than 24 h: not counted yet.
    pub pending: usize,
    pub response_rate: Option<f64>,
    pub response_time_ms: Option<i64>,
    pub badge: bool,
    /// The counted first-response times, fastest first.
    pub response_times_ms: Vec<i64>,
}

struct Conversation {
    started_ms: i64,
    answered_ms: Option<i64>,
}

/// Milliseconds of `from..to` inside the schedule's away periods.
fn away_within(schedule: Option<&Schedule>, from: i64, to: i64) -> i64 {
    let Some(schedule) = schedule else { return 0 };
    crate::core::hours::local::merge(schedule.away.clone())
        .iter()
        .map(|&(start, end)| (end.min(to) - start.max(from)).max(0))
        .sum()
}

fn conversations(
    events: &[Event],
    page: &str,
    schedule: Option<&Schedule>,
    now_ms: i64,
) -> Vec<Conversation> {
    let mut by_key: BTreeMap<&str, Vec<&Event>> = BTreeMap::new();
    for event in events {
        if event.platform == "facebook" && event.page == page && event.at_ms <= now_ms {
            by_key.entry(&event.key).or_default().push(event);
        }
    }
    let mut found = Vec::new();
    for (_, mut events) in by_key {
        if events.iter().any(|e| e.kind == EventKind::Spam) {
            continue;
        }
        events.sort_by_key(|e| e.at_ms);
        let mut last_ms: Option<i64> = None;
        let mut current: Option<Conversation> = None;
        for event in events {
            match &event.kind {
                EventKind::CustomerMessage
                    if last_ms
                        .is_none_or(|last| event.at_ms - last >= NEW_CONVERSATION_AFTER_MS) =>
                {
                    found.extend(current.take());
                    let during_away = away_within(schedule, event.at_ms, event.at_ms + 1) > 0;
                    if !during_away {
                        current = Some(Conversation {
                            started_ms: event.at_ms,
                            answered_ms: None,
                        });
                    }
                }
                EventKind::Answer { .. } => {
                    if let Some(conversation) = current.as_mut() {
                        let instant = event.at_ms - conversation.started_ms < INSTANT_REPLY_MS;
                        if conversation.answered_ms.is_none() && !instant {
                            conversation.answered_ms = Some(event.at_ms);
                        }
                    }
                }
                _ => {}
            }
            last_ms = Some(event.at_ms);
        }
        found.extend(current);
    }
    found.sort_by_key(|c| c.started_ms);
    found
}

/// Meta's metrics for `page` at `now_ms`, estimated from the event log (rules in the module docs).
pub fn meta_estimate(
    events: &[Event],
    page: &str,
    schedule: Option<&Schedule>,
    now_ms: i64,
) -> MetaEstimate {
    let all = conversations(events, page, schedule, now_ms);
    let in_window = all
        .iter()
        .filter(|c| c.started_ms > now_ms - WINDOW_MS)
        .count();
    let counted = &all[all.len() - in_window.max(MIN_CONVERSATIONS).min(all.len())..];
    let mut estimate = MetaEstimate::default();
    for conversation in counted {
        match conversation.answered_ms {
            Some(answered) => {
                estimate.answered += 1;
                let away = away_within(schedule, conversation.started_ms, answered);
                estimate
                    .response_times_ms
                    .push(answered - conversation.started_ms - away);
            }
            None if now_ms - conversation.started_ms > NEW_CONVERSATION_AFTER_MS => {
                estimate.missed += 1
            }
            None => estimate.pending += 1,
        }
    }
    estimate.response_times_ms.sort_unstable();
    estimate.refresh();
    estimate
}

/// The mean of the fastest 90 % of sorted `times`.
fn fastest_ninety_percent_mean(times: &[i64]) -> Option<i64> {
    let kept = (times.len() * 9).div_ceil(10);
    super::summary::mean(&times[..kept])
}

fn rate(answered: usize, missed: usize) -> Option<f64> {
    let counted = answered + missed;
    (counted > 0).then(|| answered as f64 / counted as f64)
}

/// Both badge conditions; a tiny tolerance so 9 of 10 is exactly 90 %.
fn meets(rate: Option<f64>, time: Option<i64>, rate_target: f64, within_ms: i64) -> bool {
    rate.is_some_and(|r| r + 1e-9 >= rate_target) && time.is_some_and(|t| t <= within_ms)
}

impl MetaEstimate {
    fn refresh(&mut self) {
        self.response_rate = rate(self.answered, self.missed);
        self.response_time_ms = fastest_ninety_percent_mean(&self.response_times_ms);
        self.badge = meets(
            self.response_rate,
            self.response_time_ms,
            BADGE_RATE,
            BADGE_TIME_MS,
        );
    }

    /// How many of the next new conversations must be answered within `within_ms` for the rate to be
    /// at least `rate_target` and the response time at most `within_ms` ("answer the next N within
    /// 15 min to stay at 90 %"): 0 when both already hold; `None` when no number of answers does it
    /// (a target of 100 % after a miss) within the forecast's limit.
    ///
    /// Worst case assumed: each of those answers takes exactly `within_ms`, and no older conversation
    /// leaves the 30-day window meanwhile.
    pub fn answers_needed_to_keep(&self, rate_target: f64, within_ms: i64) -> Option<u32> {
        let mut times = self.response_times_ms.clone();
        // Answers taking exactly `within_ms` go after every faster one: keep the list sorted.
        let insert_at = times.partition_point(|&t| t <= within_ms);
        for extra in 0..=FORECAST_LIMIT {
            let answered = self.answered + extra as usize;
            let time = fastest_ninety_percent_mean(&times);
            if meets(rate(answered, self.missed), time, rate_target, within_ms) {
                return Some(extra);
            }
            times.insert(insert_at, within_ms);
        }
        None
    }
}
