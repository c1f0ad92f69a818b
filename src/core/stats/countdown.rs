//! The statistics page's countdowns: how long Messenger still lets the Page answer each open wait.

use std::collections::BTreeSet;

use super::window::{window_left_ms, ReplyWindow};
use crate::core::timers::TimerRecord;

/// One open wait and its window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Countdown {
    pub key: String,
    pub page: String,
    /// The customer's name as the page showed it, else the key.
    pub name: String,
    pub window: ReplyWindow,
    pub left_ms: i64,
}

/// The window a key's replies have: Messenger conversations (including the Business Suite inbox) 24 h
/// from the customer's last message, Facebook comments 7 days for a private reply. X has no such window.
pub fn window_for(key: &str) -> Option<ReplyWindow> {
    if ["fb:thread:", "fb:e2ee:", "fb:inbox:"]
        .iter()
        .any(|prefix| key.starts_with(prefix))
    {
        Some(ReplyWindow::MessengerStandard)
    } else if key.starts_with("fb:comment:") {
        Some(ReplyWindow::PrivateReply)
    } else {
        None
    }
}

/// Countdowns for the open waits in `records` (spam keys left out), soonest to close first; windows
/// already closed come first with 0 left, as they are the ones a manager has lost.
pub fn countdowns(records: &[TimerRecord], spam: &BTreeSet<String>, now_ms: i64) -> Vec<Countdown> {
    let mut found: Vec<Countdown> = records
        .iter()
        .filter(|r| r.since_ms.is_some() && !spam.contains(&r.key))
        .filter_map(|r| {
            let window = window_for(&r.key)?;
            // Counted from the customer's latest message; a record from before that was kept, from the wait.
            let since = r.last_customer_ms.or(r.since_ms)?;
            Some(Countdown {
                key: r.key.clone(),
                page: r.page.clone(),
                name: r
                    .name
                    .clone()
                    .filter(|n| !n.trim().is_empty())
                    .unwrap_or_else(|| r.key.clone()),
                window,
                left_ms: window_left_ms(window, since, now_ms),
            })
        })
        .collect();
    found.sort_by(|a, b| (a.left_ms, &a.key).cmp(&(b.left_ms, &b.key)));
    found
}
