//! What the statistics page counts: waits under each Page's own opening hours, started in the last N days.

use std::collections::{BTreeMap, BTreeSet};

use super::event::{Event, EventKind};
use super::waits::{waits, Wait};
use crate::core::hours::Schedule;

pub const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// The periods the page offers, in days; the first one shown is [`DEFAULT_PERIOD_DAYS`].
pub const PERIOD_DAYS: [u32; 3] = [7, 30, 90];
pub const DEFAULT_PERIOD_DAYS: u32 = 30;

/// The waits in `events`, each Page's keys counted with that Page's schedule (`schedule_for(page)`), so a
/// team with different hours per Page gets each Page's open time. Ordered by key, then start.
pub fn waits_by_page<'a>(
    events: &[Event],
    schedule_for: impl Fn(&str) -> Option<&'a Schedule>,
) -> Vec<Wait> {
    let mut by_page: BTreeMap<&str, Vec<Event>> = BTreeMap::new();
    for event in events {
        by_page.entry(&event.page).or_default().push(event.clone());
    }
    let mut all: Vec<Wait> = by_page
        .into_iter()
        .flat_map(|(page, events)| waits(&events, schedule_for(page)))
        .collect();
    all.sort_by(|a, b| (&a.key, a.started_ms).cmp(&(&b.key, b.started_ms)));
    all
}

/// The waits that started in the `days` before `now_ms` (a wait from exactly `days` ago is out, one from
/// `now_ms` is in): a wait belongs to the period its customer wrote in.
pub fn in_period(waits: &[Wait], now_ms: i64, days: u32) -> Vec<Wait> {
    let from = now_ms - i64::from(days) * DAY_MS;
    waits
        .iter()
        .filter(|w| w.started_ms > from && w.started_ms <= now_ms)
        .cloned()
        .collect()
}

/// Keys with a spam mark: left out of the numbers, and of the countdowns too.
pub fn spam_keys(events: &[Event]) -> BTreeSet<String> {
    events
        .iter()
        .filter(|e| e.kind == EventKind::Spam)
        .map(|e| e.key.clone())
        .collect()
}

/// How a Page or account the page did not name is shown.
pub const UNNAMED_PAGE: &str = "Your Page (not named on the page)";

/// `page` as shown: [`UNNAMED_PAGE`] when empty.
pub fn page_label(page: &str) -> &str {
    if page.trim().is_empty() {
        UNNAMED_PAGE
    } else {
        page
    }
}

/// The Facebook Pages in the log, for Meta's estimate (Meta measures Pages, not X accounts). `""` stands for
/// conversations where the page did not name the Page (Messenger does not), shown as [`UNNAMED_PAGE`].
pub fn facebook_pages(events: &[Event]) -> Vec<String> {
    let pages: BTreeSet<&str> = events
        .iter()
        .filter(|e| e.platform == "facebook")
        .map(|e| e.page.as_str())
        .collect();
    pages.into_iter().map(String::from).collect()
}
