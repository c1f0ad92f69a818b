//! Waiting customers in X's DMs: X Chat (`/i/chat`, sites-x.md §5) and legacy DMs (`/messages`, §4). Rows
//! show only the latest message: X Chat's `aria-description` ends in its relative time (`2m`) and its message
//! starts with `You:` when the account spoke last; a legacy row has an exact `time[datetime]`. The open
//! conversation shows every message: the customer's after the account's last are unanswered. X Chat dates
//! them by the day separator above (`Today`) and the bubble's hidden clock (`22:08`); legacy DMs by the footer
//! under the last message of a run (`9:51 AM`, `Yesterday, 4:05 PM`).
use super::chat::{is_status, message as chat_message};
use super::legacy_dm::message as legacy_message;
use super::page::page_facts;
use super::rows::{chat_open, chat_rows, legacy_open, legacy_rows};
use super::selectors::*;
use crate::core::timers::Observation;
use crate::sites::page::{all, all_in, first_in, runs_except, text_runs, visible_text};
use crate::sites::waits::{
    before_status, conversation, day_and_clock, observation as new_observation, row, Said, Waiting,
};
use web_sys::{Document, Element};

/// Nobody waiting yet, for the acting account (the nav's profile link names it).
fn observation(page: &str, key: String, name: Option<String>) -> Observation {
    let mut seen = new_observation("x", key, name);
    seen.page = page.into();
    seen
}

fn acting(document: &Document) -> String {
    page_facts(document).acting.handle.unwrap_or_default()
}

pub fn chat(document: &Document) -> Vec<Waiting> {
    let page = acting(document);
    let mut found = Vec::new();
    for listed in chat_rows(document) {
        // A row's lines are name, relative time and message (S5); its `aria-description` says the same.
        let mut runs = text_runs(&listed.row);
        let text = runs.pop().unwrap_or_default();
        let at = runs.get(1).cloned();
        let seen = observation(&page, listed.key, listed.name);
        row(
            &mut found,
            seen,
            (listed.row, listed.after),
            text,
            at,
            OWN_PREVIEW,
        );
    }
    if let Some(open) = chat_open(document) {
        let scope = all(document, CHAT_PANEL).into_iter().next();
        let list = scope
            .as_ref()
            .and_then(|s| first_in(s, CHAT_MESSAGE_LIST))
            .or(scope);
        let said = list.map(|list| chat_messages(&list)).unwrap_or_default();
        let seen = observation(&page, open.key.clone(), open.name.clone());
        conversation(&mut found, seen, open.after, said);
    }
    found
}

/// The thread's messages, oldest first, each at its day separator and bubble clock.
fn chat_messages(list: &Element) -> Vec<Said> {
    let mut said = Vec::new();
    let mut day: Option<String> = None;
    for item in all_in(list, CHAT_ITEM) {
        let Some(message) = first_in(&item, CHAT_MESSAGE) else {
            // Not a message and not the profile card: a day separator ("Today", "15 Nov, 21:47").
            let text = visible_text(&item);
            if first_in(&item, CHAT_PROFILE_NAME).is_none()
                && !text.is_empty()
                && text.chars().count() <= 40
            {
                day = Some(text);
            }
            continue;
        };
        let Some((bubble, text, mine)) = chat_message(&message) else {
            continue;
        };
        let clock = all_in(&bubble, HIDDEN)
            .iter()
            .map(visible_text)
            .find(|t| t.contains(':') && is_status(t));
        said.push(Said {
            mine,
            id: message.get_attribute("data-testid").unwrap_or(text),
            at: day_and_clock(day.as_deref(), clock.as_deref()),
            agent: None,
        });
    }
    said
}

pub fn legacy(document: &Document) -> Vec<Waiting> {
    let page = acting(document);
    let mut found = Vec::new();
    for listed in legacy_rows(document) {
        let at = first_in(&listed.row, TIME).and_then(|t| t.get_attribute("datetime"));
        let text = text_runs(&listed.row).pop().unwrap_or_default();
        let seen = observation(&page, listed.key, listed.name);
        row(
            &mut found,
            seen,
            (listed.row, listed.after),
            text,
            at,
            OWN_PREVIEW,
        );
    }
    if let Some(open) = legacy_open(document) {
        let scope: Option<Element> = all(document, DM_CONVERSATION_VIEW)
            .into_iter()
            .next()
            .or_else(|| document.body().map(Into::into));
        let mut said = Vec::new();
        for entry in scope.iter().flat_map(|s| all_in(s, DM_MESSAGE)) {
            let Some((_, text, mine)) = legacy_message(&entry) else {
                continue;
            };
            // The footer (time and status) is the text outside the message's text blocks.
            let footer = runs_except(&entry, &|el| el.matches(DM_MESSAGE_TEXT).unwrap_or(false))
                .into_iter()
                .find(|run| run.chars().any(|c| c.is_ascii_digit()));
            said.push(Said {
                mine,
                id: text,
                at: footer.map(|f| before_status(&f).to_string()),
                agent: None,
            });
        }
        let seen = observation(&page, open.key.clone(), open.name.clone());
        conversation(&mut found, seen, open.after, said);
    }
    found
}
