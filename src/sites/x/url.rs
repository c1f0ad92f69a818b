//! x.com URL → surface, plus ids read from hrefs.
//!
//! URL shapes come from research/sites-x.md §1 (S-numbers are its sources). `extension/gate.js` mirrors
//! these rules; tests/unit/gate.test.mjs checks its word lists equal these.

use crate::sites::surface::Surface;
use crate::sites::url::{parse_href, path_segments, ParsedUrl};

/// x.com and its aliases: twitter.com redirects to x.com, `www.` to the bare host, and `mobile.` serves the
/// same responsive app.
const X_HOSTS: &[&str] = &[
    "x.com",
    "www.x.com",
    "mobile.x.com",
    "twitter.com",
    "www.twitter.com",
    "mobile.twitter.com",
];

/// Top-level x.com routes that look like handles (1–20 of `[A-Za-z0-9_]`) but are app pages, so
/// `/<word>/status/<id>` is not a post. Compared case-insensitively. `i` is handled separately
/// (`/i/web/status/<id>`). Keep in step with `X_RESERVED` in gate.js.
#[rustfmt::skip]
const RESERVED_FIRST_SEGMENTS: &[&str] = &[
    // App pages (S1 PagePaths / ModalPaths).
    "home", "explore", "search", "notifications", "messages", "compose", "settings", "i",
    // Account and sign-in flows.
    "login", "logout", "signup", "account", "oauth", "intent", "share",
    // Static and legal pages.
    "tos", "privacy", "rules", "about", "jobs", "download", "hashtag", "who_to_follow",
];

/// The X surface of a parsed page URL; `None` for other hosts and non-messaging pages (home, profiles,
/// search, settings…).
pub fn detect(url: &ParsedUrl) -> Option<Surface> {
    if !url.host_in(X_HOSTS) {
        return None;
    }
    let segments: Vec<&str> = path_segments(url.path).collect();
    match segments.as_slice() {
        // Legacy DMs: /messages, /messages/home, /messages/<a>-<b>, /requests, /compose (S1, S6, S14).
        ["messages", ..] => Some(Surface::XLegacyDm),
        // XChat: /i/chat and everything below it, incl. requests, settings and the pin gate (S2, S1, S5).
        ["i", "chat", ..] => Some(Surface::XChat),
        // Handle-less status links, which X rewrites to /<handle>/status/<id> on load.
        ["i", "web", "status", id, ..] | ["i", "status", id, ..] if is_digits(id) => {
            Some(Surface::XStatus)
        }
        // The compose modal, with `?in_reply_to=<id>` for replies (S1 ModalPaths, S6 reply.js);
        // `/compose/tweet` is the pre-2023 name still linked from old pages.
        ["compose", "post" | "tweet", ..] => Some(Surface::XCompose),
        // A post and its sub-views (/photo/1, /quotes, /likes, /analytics…) (S1 URL_TWEET_RE and friends).
        [handle, "status", id, ..] if is_handle(handle) && is_digits(id) => Some(Surface::XStatus),
        _ => None,
    }
}

/// `(handle, id)` from a post link: `/<handle>/status/<id>` with any sub-view, query or fragment, relative or
/// absolute on an X host. The handle keeps the case it was written in. Handle-less `/i/web/status/<id>`
/// links give `None`: callers use this to learn a post's author.
pub fn status_id(href: &str) -> Option<(String, String)> {
    let url = parse_href(href)?;
    if !url.host.is_empty() && !url.host_in(X_HOSTS) {
        return None;
    }
    let mut segments = path_segments(url.path);
    match (segments.next(), segments.next(), segments.next()) {
        (Some(handle), Some("status"), Some(id)) if is_handle(handle) && is_digits(id) => {
            Some((handle.to_owned(), id.to_owned()))
        }
        _ => None,
    }
}

/// The conversation id in a DM path or URL, in the dash form X routes use: `<a>-<b>` for 1:1, `g<digits>`
/// for XChat groups. Handles `/i/chat/<id>`, `/i/chat/requests/<id>` (S2 id-parse.ts) and legacy
/// `/messages/<id>`, `/messages/requests/<id>`; list and settings views give `None`.
pub fn chat_id(path: &str) -> Option<String> {
    let url = parse_href(path)?;
    let mut segments = path_segments(url.path);
    match segments.next()? {
        "i" if segments.next() == Some("chat") => {}
        "messages" => {}
        _ => return None,
    }
    let candidate = match segments.next()? {
        "requests" => segments.next()?,
        other => other,
    };
    is_conversation_id(candidate).then(|| candidate.to_owned())
}

/// S1's handle rule: 1–20 of `[A-Za-z0-9_]`, and not one of X's own routes.
fn is_handle(segment: &str) -> bool {
    (1..=20).contains(&segment.len())
        && segment
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'_')
        && !RESERVED_FIRST_SEGMENTS
            .iter()
            .any(|reserved| reserved.eq_ignore_ascii_case(segment))
}

/// S2's `g?\d+(-\d+)?`: `<userA>-<userB>`, a legacy numeric group id, or an XChat `g<digits>` group.
fn is_conversation_id(segment: &str) -> bool {
    let ids = segment.strip_prefix('g').unwrap_or(segment);
    match ids.split_once('-') {
        Some((first, second)) => is_digits(first) && is_digits(second),
        None => is_digits(ids),
    }
}

fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|byte| byte.is_ascii_digit())
}

// ---- Keys of conversations and people (src/core/subject.rs), for labels and notes ----

/// The conversation id of an X Chat inbox row's test id, in the dash form of the URL (so the row's key equals the
/// open conversation's): `dm-conversation-item-<A>:<B>` → `<A>-<B>`, `…-g<digits>` → `g<digits>`, request rows
/// `dm-message-request-item-<A>:<B>` alike (S2 selectors.ts). `None` for other test ids or malformed suffixes.
pub fn row_chat_id(testid: &str) -> Option<String> {
    let suffix = testid
        .strip_prefix("dm-conversation-item-")
        .or_else(|| testid.strip_prefix("dm-message-request-item-"))?;
    let id = suffix.replacen(':', "-", 1);
    is_conversation_id(&id).then_some(id)
}

/// The key of the person an X profile link or handle names: `x:user:<handle>`, lower-cased (X handles are
/// case-insensitive). Takes `@Handle`, a bare handle, or a profile link `/<handle>` (relative or absolute on an X
/// host). `None` for post links, app routes (`/home`, `/i/…`, `/messages`…) and anything that is not a handle.
pub fn person_key(href_or_handle: &str) -> Option<String> {
    let text = href_or_handle.trim();
    let handle = if let Some(handle) = text.strip_prefix('@') {
        // Written as a handle: only the characters count (X's own routes are never shown with an `@`).
        let valid = (1..=20).contains(&handle.len())
            && handle
                .bytes()
                .all(|byte| byte.is_ascii_alphanumeric() || byte == b'_');
        valid.then_some(handle)?
    } else {
        let url = parse_href(text)?;
        if !url.host.is_empty() && !url.host_in(X_HOSTS) {
            return None;
        }
        let mut segments = path_segments(url.path);
        match (segments.next(), segments.next()) {
            (Some(handle), None) if is_handle(handle) => handle,
            _ => return None,
        }
    };
    Some(format!("x:user:{}", handle.to_ascii_lowercase()))
}
