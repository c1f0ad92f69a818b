//! Where customers wait: per surface, each conversation row, the open conversation and each customer comment
//! or reply, with what the page shows of their unanswered messages and times ([`Observation`]). The response
//! timers (`ui/timers.rs`) put a `timer` host on each and the background turns the observations into waits.
//!
//! The content scripts only read: which messages are the customer's and unanswered, and each one's time as
//! the page shows it (text, or a `datetime`). Parsing times and counting opening hours happen in the
//! background (`core::timers`), so the time rules stay out of the pages' wasm.
//!
//! | surface | rows | open conversation | comments |
//! |---|---|---|---|
//! | Messenger (facebook.com, messenger.com) | preview line `… · 4m`, `You: …` when the Page spoke last | thread rows after the Page's last message, day separators for times | — |
//!
//! Selectors live with each site (`facebook/waits.rs`, `x/waits.rs`).

/// A list row's preview line split into its text and the time after the last ` · ` (`Any news? · 4m` →
/// (`Any news?`, `4m`)). The time is short; a middle dot inside a longer tail is part of the text.
pub fn split_preview(line: &str) -> (&str, Option<&str>) {
    let line = line.trim();
    for separator in [" · ", " • ", "·"] {
        if let Some(at) = line.rfind(separator) {
            let time = line[at + separator.len()..].trim();
            if !time.is_empty()
                && time.chars().count() <= 24
                && time
                    .chars()
                    .any(|c| c.is_ascii_digit() || c.is_alphabetic())
            {
                return (line[..at].trim(), Some(time));
            }
        }
    }
    (line, None)
}

/// Whether a preview says the user spoke last: it starts with one of `prefixes` ("You:", "Du:", …),
/// compared without case.
pub fn starts_with_any(text: &str, prefixes: &[&str]) -> bool {
    let text = text.trim_start();
    prefixes.iter().any(|prefix| {
        text.get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    })
}

#[cfg(target_arch = "wasm32")]
pub use dom::*;

#[cfg(target_arch = "wasm32")]
mod dom {
    use crate::core::timers::Observation;
    use crate::sites::facebook;
    use crate::sites::surface::Surface;
    use web_sys::{Document, Element};

    /// Where a timer sits.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Place {
        Row,
        Conversation,
        Comment,
    }

    /// One customer (or answered conversation) on the page now.
    #[derive(Clone, Debug, PartialEq)]
    pub struct Waiting {
        pub place: Place,
        /// What the timer belongs to (the row, the header, the comment): a re-scan finds its host by it.
        pub owner: Element,
        /// The timer host goes right after this element (inside `owner`, never inside a link).
        pub after: Element,
        pub seen: Observation,
    }

    /// Every row, open conversation and customer comment on the page with what it shows now.
    pub fn waits(surface: Surface, document: &Document) -> Vec<Waiting> {
        match surface {
            Surface::FacebookMessenger => facebook::waits::messenger(document),
            _ => Vec::new(),
        }
    }
}
