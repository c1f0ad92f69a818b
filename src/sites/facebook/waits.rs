//! Waiting customers in Messenger (facebook.com/messages, messenger.com): the chat list's rows and the open
//! thread (sites-facebook.md §3.1). A row shows only its latest message: its preview line ends in a relative
//! time (`· 4m`) and starts with `You:` when the Page spoke last. The open thread shows every message: the
//! customer's after the Page's last one are unanswered, each dated by the day separator above it (`Today
//! 08:57`, `09:41`); the page has no per-message time outside hover tooltips.
//!
//! The Business Suite inbox (sites-facebook.md §4) has the same two parts: rows whose time is a run of its own
//! (`4m`) after the preview, and a thread of `mw_message_bubble`s whose Page replies say "Sent by <admin>".
use super::rows::{inbox_open, inbox_rows, messenger_open, messenger_rows};
use super::selectors::*;
use super::thread::{message_text, rows, sent_by, side};
use crate::core::timers::Observation;
use crate::sites::conversations::ListRow;
use crate::sites::page::{text_runs, visible_text, Side};
use crate::sites::waits::{
    conversation, observation as new_observation, row, split_preview, Said, Waiting,
};
use crate::sites::{adapter, surface::Surface};
use web_sys::{Document, Element};

fn observation(key: String, name: Option<String>) -> Observation {
    new_observation("facebook", key, name)
}

/// The preview line of a chat-list row split into its text and time: the last text run with a time after a
/// middle dot (Messenger), else the run after the name with, in the Business Suite, the row's last run as its
/// time when it is short and has a digit (`4m`, `2 Std.`).
fn preview(row: &Element, time_run: bool) -> Option<(String, Option<String>)> {
    let runs = text_runs(row);
    if let Some(run) = runs.iter().rev().find(|run| split_preview(run).1.is_some()) {
        let (text, time) = split_preview(run);
        return Some((text.to_string(), time.map(str::to_string)));
    }
    let text = runs.get(1)?.clone();
    let time = runs
        .last()
        .filter(|last| {
            time_run
                && runs.len() > 2
                && last.chars().count() <= 12
                && last.chars().any(|c| c.is_ascii_digit())
        })
        .cloned();
    Some((text, time))
}

/// Each row's latest message: the Page's when the preview starts with `You:`, else the customer's.
fn row_waits(rows: Vec<ListRow>, time_run: bool, found: &mut Vec<Waiting>) {
    for listed in rows {
        if let Some((text, time)) = preview(&listed.row, time_run) {
            let seen = observation(listed.key, listed.name);
            row(
                found,
                seen,
                (listed.row, listed.after),
                text,
                time,
                OWN_PREVIEW_PREFIXES,
            );
        }
    }
}

pub fn messenger(document: &Document) -> Vec<Waiting> {
    let surface = Surface::FacebookMessenger;
    let mut found = Vec::new();
    row_waits(messenger_rows(document), false, &mut found);
    match messenger_open(document) {
        Some(open) => {
            let said = thread(document, surface);
            conversation(
                &mut found,
                observation(open.key, open.name),
                open.after,
                said,
            );
        }
        None => {
            // No header (messenger.com renders it late, older builds never): the timer goes beside the
            // composer, as labels do (`ui/subjects.rs`).
            let key = super::messenger::conversation_key(document);
            let editor = adapter::composers(surface, document).into_iter().next();
            if let (Some(key), Some(editor)) = (key, editor) {
                let said = thread(document, surface);
                conversation(&mut found, observation(key, None), editor.into(), said);
            }
        }
    }
    found
}

/// The Business Suite inbox: rows and the open thread (a Messenger conversation; a comment thread has no
/// message rows and so no conversation timer here).
pub fn business(document: &Document) -> Vec<Waiting> {
    let mut found = Vec::new();
    row_waits(inbox_rows(document), true, &mut found);
    if let Some(open) = inbox_open(document) {
        let said = thread(document, Surface::BusinessInbox);
        conversation(
            &mut found,
            observation(open.key, open.name),
            open.after,
            said,
        );
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

/// The open thread's messages, oldest first, each dated by the day separator above it; the Page's say who
/// sent them when the page does ("Sent by <admin>").
pub fn thread(document: &Document, surface: Surface) -> Vec<Said> {
    let mut said = Vec::new();
    let Some(composer) = adapter::composers(surface, document).into_iter().next() else {
        return said;
    };
    let Some(scope) = composer.closest(MAIN).ok().flatten() else {
        return said;
    };
    let mut day: Option<String> = None;
    for row in rows(&scope, &composer) {
        match message_text(&row) {
            Some((element, text)) => {
                let mine = side(&row, &element) == Some(Side::Mine);
                said.push(Said {
                    mine,
                    id: text,
                    at: day.clone(),
                    agent: if mine { sent_by(&row) } else { None },
                });
            }
            None => {
                if let Some(time) = separator(&row) {
                    day = Some(time);
                }
            }
        }
    }
    said
}
