//! Waiting customers in Messenger (facebook.com/messages, messenger.com): the chat list's rows and the open
//! thread (sites-facebook.md §3.1). A row shows only its latest message: its preview line ends in a relative
//! time (`· 4m`) and starts with `You:` when the Page spoke last. The open thread shows every message: the
//! customer's after the Page's last one are unanswered, each dated by the day separator above it (`Today
//! 08:57`, `09:41`); the page has no per-message time outside hover tooltips.
use super::rows::{messenger_open, messenger_rows};
use super::selectors::*;
use super::thread::{message_text, rows, side};
use crate::core::timers::{Observation, Stamp};
use crate::sites::page::{text_runs, visible_text, Side};
use crate::sites::waits::{split_preview, starts_with_any, Place, Waiting};
use crate::sites::{adapter, surface::Surface};
use web_sys::{Document, Element};

fn observation(key: String, name: Option<String>) -> Observation {
    Observation {
        key,
        platform: "facebook".into(),
        page: String::new(),
        name,
        waiting: false,
        full: false,
        times: Vec::new(),
        answer: None,
        agent: None,
    }
}

/// The preview line of a chat-list row: the last text run with a time after a middle dot, else the run after
/// the name.
fn preview(row: &Element) -> Option<String> {
    let runs = text_runs(row);
    runs.iter()
        .rev()
        .find(|run| split_preview(run).1.is_some())
        .or_else(|| runs.get(1))
        .cloned()
}

pub fn messenger(document: &Document) -> Vec<Waiting> {
    let mut found: Vec<Waiting> = messenger_rows(document)
        .into_iter()
        .filter_map(|row| {
            let line = preview(&row.row)?;
            let (text, time) = split_preview(&line);
            let mut seen = observation(row.key, row.name);
            let stamp = Stamp {
                id: text.to_string(),
                at: time.map(str::to_string),
            };
            if starts_with_any(text, OWN_PREVIEW_PREFIXES) {
                seen.answer = Some(stamp);
            } else {
                seen.waiting = true;
                seen.times.push(stamp);
            }
            Some(Waiting {
                place: Place::Row,
                owner: row.row,
                after: row.after,
                seen,
            })
        })
        .collect();
    if let Some(open) = messenger_open(document) {
        if let Some(seen) = thread(document, Surface::FacebookMessenger, open.key, open.name) {
            found.push(Waiting {
                place: Place::Conversation,
                owner: open.after.clone(),
                after: open.after,
                seen,
            });
        }
    }
    found
}

/// A row that is not a message and reads like a time: a day separator.
fn separator(row: &Element) -> Option<String> {
    let text = visible_text(row);
    let text = text.trim();
    (!text.is_empty() && text.chars().count() <= 40 && text.chars().any(|c| c.is_ascii_digit()))
        .then(|| text.to_string())
}

/// The open thread: unanswered customer messages (after the Page's last message) with the separator time
/// above each, or the Page's last message when it spoke last. Walks back from the newest row and stops at the
/// first separator above what it needs, so a long history costs nothing.
pub fn thread(
    document: &Document,
    surface: Surface,
    key: String,
    name: Option<String>,
) -> Option<Observation> {
    let composer = adapter::composers(surface, document).into_iter().next()?;
    let scope = composer.closest(MAIN).ok().flatten()?;
    let rows = rows(&scope, &composer);
    let mut seen = observation(key, name);
    seen.full = true;
    let mut waiting: Vec<String> = Vec::new(); // unanswered messages since the last separator, newest first
    let mut times: Vec<Stamp> = Vec::new(); // dated unanswered messages, newest first
    let mut answer: Option<String> = None; // the Page's last message, until dated
    let mut answered = false;
    let mut any = false;
    for row in rows.iter().rev() {
        match message_text(row) {
            Some((element, text)) => {
                any = true;
                if answered {
                    continue;
                }
                if side(row, &element) == Some(Side::Mine) {
                    answered = true;
                    answer = Some(text);
                } else {
                    waiting.push(text);
                }
            }
            None => {
                let Some(time) = separator(row) else { continue };
                times.extend(waiting.drain(..).map(|id| Stamp {
                    id,
                    at: Some(time.clone()),
                }));
                if let Some(id) = answer.take() {
                    seen.answer = Some(Stamp { id, at: Some(time) });
                }
                if answered && seen.answer.is_some() {
                    break;
                }
            }
        }
    }
    if !any {
        return None;
    }
    times.extend(waiting.into_iter().map(|id| Stamp { id, at: None }));
    if let Some(id) = answer {
        seen.answer = Some(Stamp { id, at: None });
    }
    times.reverse();
    seen.waiting = !times.is_empty();
    seen.times = times;
    Some(seen)
}
