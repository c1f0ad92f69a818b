//! Observations to waits and events, per conversation or comment key.
//!
//! Rules (each one is tested in `tests/core_timers.rs`):
//! 1. A message's time is read from its stamp ([`page_time::parse`]) and narrowed by the first time a page
//!    showed that message ([`page_time::refine`]); a stamp without a readable time is "by the first time we
//!    saw it". The wait counts from [`page_time::waiting_since`] of the oldest unanswered message.
//! 2. A wait that is already open only ever moves earlier: a list row shows only the latest message, and a
//!    later, coarser reading must not shorten a wait a thread view measured (a manager is never told a
//!    customer waited less than they did).
//! 3. A wait opened after an answer starts after that answer, and after the last time a page showed the Page
//!    or account speaking last: a message the page did not show then was written later (a thread dates a new
//!    message by the day separator above it, which may be hours older than the message).
//! 4. An answer ends the open wait. Its time is the page's when the page gives it to the minute or better,
//!    else the latest the page's time allows, and never before the last time a page showed the customer
//!    still waiting, nor after now.
//! 5. Every message seen for the first time and every answer is logged as an [`Event`] with an id made from
//!    what it records, so two tabs reporting the same thing log it once.
use serde::{Deserialize, Serialize};

use super::observation::{Observation, Stamp};
use crate::core::page_time::{self, Context, Seen};
use crate::core::stats::{Event, EventKind};

/// How many first-seen times a key keeps (the newest): a thread's unanswered run, with room to spare.
pub const MAX_SEEN: usize = 64;

/// What the background keeps per key.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TimerRecord {
    pub key: String,
    pub platform: String,
    pub page: String,
    pub name: Option<String>,
    /// When the open wait began; `None`: nobody is waiting here.
    pub since_ms: Option<i64>,
    /// The last time a page showed this key waiting.
    pub waiting_seen_ms: Option<i64>,
    /// When the customer's latest message was written (reply windows count from it).
    pub last_customer_ms: Option<i64>,
    /// The last time a page showed the Page or account speaking last.
    pub answered_seen_ms: Option<i64>,
    /// When the latest answer was written, as far as the pages told.
    pub answered_ms: Option<i64>,
    pub agent: Option<String>,
    /// The first time each message was seen, `(id, ms)`, oldest first.
    pub seen: Vec<(String, i64)>,
}

/// The record after an observation and the events it logs, each with its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub record: TimerRecord,
    pub events: Vec<(String, Event)>,
}

/// Applies one observation made at `ctx.now_ms` to the key's record (`None`: never seen before).
pub fn observe(previous: Option<TimerRecord>, seen: &Observation, ctx: &Context) -> Outcome {
    let mut record = previous.unwrap_or_else(|| TimerRecord {
        key: seen.key.clone(),
        ..TimerRecord::default()
    });
    if !seen.platform.is_empty() {
        record.platform.clone_from(&seen.platform);
    }
    if !seen.page.is_empty() {
        record.page.clone_from(&seen.page);
    }
    if seen.name.is_some() {
        record.name.clone_from(&seen.name);
    }
    let mut events = Vec::new();
    if seen.waiting {
        observe_waiting(&mut record, seen, ctx, &mut events);
    } else if record.since_ms.is_none() {
        record.answered_seen_ms = Some(ctx.now_ms);
    } else if let Some(since) = record.since_ms {
        let at = answer_time(&record, seen.answer.as_ref(), since, ctx);
        record.since_ms = None;
        record.answered_ms = Some(at);
        record.answered_seen_ms = Some(ctx.now_ms);
        record.agent.clone_from(&seen.agent);
        let event = event(
            &record,
            EventKind::Answer {
                agent: seen.agent.clone(),
            },
            at,
        );
        events.push((format!("{}|a|{at}", record.key), event));
    }
    Outcome { record, events }
}

fn observe_waiting(
    record: &mut TimerRecord,
    seen: &Observation,
    ctx: &Context,
    events: &mut Vec<(String, Event)>,
) {
    let floor = record_floor(record);
    let after_answer = |ms: i64| floor.map_or(ms, |floor| ms.max(floor));
    let mut oldest: Option<i64> = None;
    let mut newest: Option<i64> = None;
    let mut logged = Vec::new();
    for stamp in &seen.times {
        let (first, new) = first_seen(record, &stamp.id, ctx.now_ms);
        let at = after_answer(page_time::waiting_since(&read(stamp, first, ctx)));
        oldest = Some(oldest.map_or(at, |o| o.min(at)));
        newest = Some(newest.map_or(at, |n| n.max(at)));
        if new {
            logged.push((stamp.id.clone(), at));
        }
    }
    // Waiting with no message times at all: the customer has waited at least since now.
    let start = oldest.unwrap_or_else(|| after_answer(ctx.now_ms));
    let since = record.since_ms.map_or(start, |open| open.min(start));
    let since = floor.map_or(since, |floor| since.max(floor));
    if record.since_ms != Some(since) && !logged.iter().any(|(_, at)| *at == since) {
        logged.push((String::new(), since));
    }
    record.since_ms = Some(since);
    let newest = newest.unwrap_or(start);
    record.last_customer_ms = Some(
        record
            .last_customer_ms
            .map_or(newest, |last| last.max(newest)),
    );
    record.waiting_seen_ms = Some(ctx.now_ms);
    for (id, at) in logged {
        let event = event(record, EventKind::CustomerMessage, at);
        events.push((format!("{}|c|{id}|{at}", record.key), event));
    }
}

/// A wait begins after the last answer (1 ms after: the answer ended the one before), and not before the page
/// last showed the answer as the latest message.
fn record_floor(record: &TimerRecord) -> Option<i64> {
    let answered = record.answered_ms.map(|answered| answered + 1);
    answered.max(record.answered_seen_ms)
}

/// The first time message `id` was seen (recorded now when new), and whether it is new.
fn first_seen(record: &mut TimerRecord, id: &str, now_ms: i64) -> (i64, bool) {
    if let Some((_, ms)) = record.seen.iter().find(|(seen, _)| seen == id) {
        return (*ms, false);
    }
    record.seen.push((id.to_string(), now_ms));
    if record.seen.len() > MAX_SEEN {
        let excess = record.seen.len() - MAX_SEEN;
        record.seen.drain(..excess);
    }
    (now_ms, true)
}

/// When the stamped message was written, narrowed by when it was first seen.
fn read(stamp: &Stamp, first_ms: i64, ctx: &Context) -> Seen {
    let parsed = stamp.at.as_deref().and_then(|at| page_time::parse(at, ctx));
    match parsed {
        Some(parsed) => page_time::refine(parsed, Some(first_ms)),
        None => Seen::new(first_ms, first_ms),
    }
}

/// Readings this narrow are the page's own time of the answer (a `datetime`, a clock time).
const EXACT_MS: i64 = 60_000;

fn answer_time(record: &TimerRecord, stamp: Option<&Stamp>, since: i64, ctx: &Context) -> i64 {
    let parsed = stamp
        .and_then(|stamp| stamp.at.as_deref())
        .and_then(|at| page_time::parse(at, ctx));
    let at = match parsed {
        Some(seen) if seen.width_ms() <= EXACT_MS => seen.earliest_ms,
        Some(seen) => seen
            .latest_ms
            .max(record.waiting_seen_ms.unwrap_or(i64::MIN)),
        None => ctx.now_ms,
    };
    at.min(ctx.now_ms).max(since)
}

fn event(record: &TimerRecord, kind: EventKind, at_ms: i64) -> Event {
    Event {
        key: record.key.clone(),
        platform: record.platform.clone(),
        page: record.page.clone(),
        kind,
        at_ms,
        labels: Vec::new(),
    }
}
