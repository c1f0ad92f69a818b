//! The rules that turn each key's events into waits.
//!
//! 1. Events are taken per key in time order (equal times keep their log order).
//! 2. A key with any [`EventKind::Spam`] event is left out entirely.
//! 3. A customer message when nothing is waiting starts a wait; more customer messages before an
//!    answer do not restart it (the customer has been waiting since the first).
//! 4. The first answer after that ends the wait. Its first-response time is the open time between
//!    the two ([`open_ms_between`]) when a schedule is given, else the elapsed time.
//! 5. An answer when nothing is waiting (a follow-up, a proactive message) is not a response.
//! 6. A wait without an answer stays open ([`Wait::answered_ms`] is `None`).

use std::collections::BTreeMap;

use super::event::{Event, EventKind};
use crate::core::hours::{open_ms_between, Schedule};

/// One customer wait on one key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wait {
    pub key: String,
    pub platform: String,
    pub page: String,
    /// The labels of all the key's events, sorted, without repeats.
    pub labels: Vec<String>,
    pub started_ms: i64,
    pub answered_ms: Option<i64>,
    pub agent: Option<String>,
    /// First-response time: open time (with a schedule) or elapsed time; `None` while open.
    pub response_ms: Option<i64>,
}

/// The waits in `events`, ordered by key, then start.
pub fn waits(events: &[Event], schedule: Option<&Schedule>) -> Vec<Wait> {
    let mut by_key: BTreeMap<&str, Vec<&Event>> = BTreeMap::new();
    for event in events {
        by_key.entry(&event.key).or_default().push(event);
    }
    let mut found = Vec::new();
    for (key, mut events) in by_key {
        if events.iter().any(|e| e.kind == EventKind::Spam) {
            continue;
        }
        events.sort_by_key(|e| e.at_ms);
        let mut labels: Vec<String> = events.iter().flat_map(|e| e.labels.clone()).collect();
        labels.sort();
        labels.dedup();
        let mut open: Option<Wait> = None;
        for event in events {
            match (&event.kind, open.take()) {
                (EventKind::CustomerMessage, None) => {
                    open = Some(Wait {
                        key: key.to_string(),
                        platform: event.platform.clone(),
                        page: event.page.clone(),
                        labels: labels.clone(),
                        started_ms: event.at_ms,
                        answered_ms: None,
                        agent: None,
                        response_ms: None,
                    });
                }
                (EventKind::Answer { agent }, Some(mut wait)) => {
                    wait.answered_ms = Some(event.at_ms);
                    wait.agent = agent.clone();
                    wait.response_ms = Some(match schedule {
                        Some(schedule) => open_ms_between(schedule, wait.started_ms, event.at_ms),
                        None => event.at_ms - wait.started_ms,
                    });
                    found.push(wait);
                }
                (_, still_open) => open = still_open,
            }
        }
        found.extend(open);
    }
    found
}
