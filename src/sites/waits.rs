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
//! | Messenger (facebook.com, messenger.com) | preview line `… · 4m`, `You: …` when the Page spoke last | thread rows after the Page's last message, day separators for times; messenger.com without a header: beside the composer | — |
//! | Business Suite inbox | as Messenger (`selected_item_id` rows) | as Messenger; "Sent by <admin>" names the agent | — |
//! | Facebook post, Page timeline | — | — | each customer comment or reply; answered when a later comment by the Page is in its thread (same `comment_id`); time from its permalink (`5m`) or label (`… 2 hours ago`) |
//! | X Chat | lines name, relative time (`2m`), message; `You:` preview | messages after the account's last (`justify-end`), each at its day separator + bubble clock | — |
//! | legacy X DMs | `time[datetime]`, `You:` preview | messages after the account's last (pressable), footer time (`9:51 AM`, `Yesterday, 4:05 PM`) | — |
//! | X status | — | — | each customer reply; answered by the account's first later post while the thread is still that customer's (posts run in threads named by their latest customer); `time[datetime]` |
//!
//! Selectors live with each site (`facebook/waits.rs`, `facebook/comment_waits.rs`, `x/waits.rs`,
//! `x/reply_waits.rs`).
use crate::core::timers::Stamp;

/// One message of a conversation as read from the page, oldest first: whether the user (the Page, the
/// account) sent it, what names it, and its time text.
pub struct Said {
    pub mine: bool,
    pub id: String,
    pub at: Option<String>,
    /// Who sent the user's message, when the page says (the Business Suite's "Sent by <admin>").
    pub agent: Option<String>,
}

/// The customer's unanswered messages (oldest first), the user's last message before them and who sent it.
/// A message without a time of its own takes the next later one's: chats show one time under a run of
/// messages, and a message is never later than the one after it.
pub fn unanswered(messages: Vec<Said>) -> (Vec<Stamp>, Option<Stamp>, Option<String>) {
    let mut times = Vec::new();
    let mut later: Option<String> = None;
    for said in messages.into_iter().rev() {
        let at = said.at.or_else(|| later.clone());
        later.clone_from(&at);
        let stamp = Stamp { id: said.id, at };
        if said.mine {
            times.reverse();
            return (times, Some(stamp), said.agent);
        }
        times.push(stamp);
    }
    times.reverse();
    (times, None, None)
}

/// A message's time from the day separator above it and the clock on its bubble: `Today` + `09:51` →
/// `Today 09:51`. A separator that carries its own clock (`Today 09:38`, `15 Nov, 21:47`) gives its day
/// words; either alone is the time when the other is missing.
///
/// Messages under a separator come after it: a bubble clock earlier than the separator's own clock (`Yesterday
/// 23:50`, then `00:23`) means midnight has passed since, so the bubble's clock alone is the time (read as the
/// latest such time, which a message newer than the separator's day is).
pub fn day_and_clock(day: Option<&str>, clock: Option<&str>) -> Option<String> {
    let own_clock = day.and_then(|d| d.split([' ', ',']).find_map(minutes));
    if let (Some(separator), Some(bubble)) = (own_clock, clock.and_then(minutes)) {
        if bubble < separator {
            return clock.map(str::to_string);
        }
    }
    let mut out = String::new();
    let day = day.unwrap_or_default().split([' ', ',']);
    for word in day.chain(clock) {
        let meridiem = word.eq_ignore_ascii_case("am") || word.eq_ignore_ascii_case("pm");
        if !word.is_empty() && (!word.contains(':') || Some(word) == clock) && !meridiem {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Minutes since midnight of a 24-hour clock word (`09:51`, `0:05`); `None` for anything else.
fn minutes(word: &str) -> Option<u32> {
    let (hours, mins) = word.split_once(':')?;
    let (hours, mins): (u32, u32) = (hours.parse().ok()?, mins.parse().ok()?);
    (hours < 24 && mins < 60 && word.len() <= 5).then_some(hours * 60 + mins)
}

/// The time in a message footer without its delivery status: `9:44 AM · Seen` → `9:44 AM`.
pub fn before_status(footer: &str) -> &str {
    footer.split(['·', '•']).next().unwrap_or(footer).trim()
}

/// The relative time at the end of a comment label: `Comment by Jonas Becker 2 hours ago` → `2 hours ago`,
/// `Kommentar von Zoë vor 1 Stunde` → `1 Stunde` (from its first digit; the words before a number carry no
/// time for the parser).
pub fn label_time(label: &str) -> Option<&str> {
    let at = label.find(|c: char| c.is_ascii_digit())?;
    Some(label[at..].trim())
}

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
    use super::{starts_with_any, unanswered, Said};
    use crate::core::timers::{Observation, Stamp};
    use crate::sites::surface::Surface;
    use crate::sites::{facebook, x};
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
            Surface::BusinessInbox => facebook::waits::business(document),
            Surface::FacebookPost | Surface::FacebookPage => {
                facebook::comment_waits::comments(document)
            }
            Surface::XChat => x::waits::chat(document),
            Surface::XLegacyDm => x::waits::legacy(document),
            Surface::XStatus => x::reply_waits::replies(document),
            Surface::XCompose => Vec::new(),
        }
    }

    /// What a site knows before reading times: nobody waiting yet.
    pub fn observation(platform: &str, key: String, name: Option<String>) -> Observation {
        Observation {
            key,
            platform: platform.into(),
            page: String::new(),
            name,
            waiting: false,
            full: false,
            times: Vec::new(),
            answer: None,
            agent: None,
        }
    }

    /// A list row whose latest message is `text` at `at`: the user's when it starts with one of `own`
    /// ("You:"), else the customer's.
    pub fn row(
        found: &mut Vec<Waiting>,
        mut seen: Observation,
        (owner, after): (Element, Element),
        text: String,
        at: Option<String>,
        own: &[&str],
    ) {
        let mine = starts_with_any(&text, own);
        let stamp = Stamp { id: text, at };
        if mine {
            seen.answer = Some(stamp);
        } else {
            seen.waiting = true;
            seen.times.push(stamp);
        }
        found.push(Waiting {
            place: Place::Row,
            owner,
            after,
            seen,
        });
    }

    /// An open conversation from its messages (oldest first); none without messages.
    pub fn conversation(
        found: &mut Vec<Waiting>,
        mut seen: Observation,
        after: Element,
        said: Vec<Said>,
    ) {
        if said.is_empty() {
            return;
        }
        let (times, answer, agent) = unanswered(said);
        seen.agent = agent;
        seen.full = true;
        seen.waiting = !times.is_empty();
        seen.times = times;
        seen.answer = answer;
        found.push(Waiting {
            place: Place::Conversation,
            owner: after.clone(),
            after,
            seen,
        });
    }

    /// A comment or reply on a post, as a site reads it.
    pub struct Post {
        pub mine: bool,
        pub key: String,
        pub name: Option<String>,
        /// Which thread it is in: a later post by the user in the same thread answers it.
        pub thread: Option<String>,
        pub at: Option<String>,
        pub owner: Element,
        pub after: Element,
    }

    /// One timer per customer post: answered by the user's first later post in the same thread.
    pub fn posts(platform: &str, page: &str, posts: Vec<Post>) -> Vec<Waiting> {
        let mut found = Vec::new();
        for (i, post) in posts.iter().enumerate() {
            if post.mine {
                continue;
            }
            let mut seen = observation(platform, post.key.clone(), post.name.clone());
            seen.page = page.into();
            seen.full = true;
            let answer = posts[i + 1..]
                .iter()
                .find(|later| later.mine && post.thread.is_some() && later.thread == post.thread);
            match answer {
                Some(later) => {
                    seen.answer = Some(Stamp {
                        id: later.key.clone(),
                        at: later.at.clone(),
                    })
                }
                None => {
                    seen.waiting = true;
                    seen.times.push(Stamp {
                        id: post.key.clone(),
                        at: post.at.clone(),
                    });
                }
            }
            found.push(Waiting {
                place: Place::Comment,
                owner: post.owner.clone(),
                after: post.after.clone(),
                seen,
            });
        }
        found
    }
}
