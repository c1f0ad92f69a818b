//! facebook.com / messenger.com / business.facebook.com URL → surface, plus ids read from hrefs.
//!
//! URL shapes come from research/sites-facebook.md §1; each rule cites the row it implements.
//! `extension/gate.js` mirrors these rules; tests/unit/gate.test.mjs checks its word lists equal these.

use crate::sites::surface::Surface;
use crate::sites::url::{
    nonempty_query_param, parse_href, path_segments, percent_decode, ParsedUrl,
};

/// Hosts serving the desktop facebook.com app. `web.` is the same app under another name (used in some
/// regions); bare `facebook.com` redirects to `www.`. `m.`/`mbasic.` are a different (mobile) site whose
/// DOM we don't target, so they are deliberately absent.
const FACEBOOK_HOSTS: &[&str] = &["www.facebook.com", "web.facebook.com", "facebook.com"];

/// Meta Business Suite: only its inbox is a surface (research §1 "Meta Business Suite inbox").
const BUSINESS_HOST: &str = "business.facebook.com";

/// messenger.com, legacy and redirecting towards facebook.com/messages (research §1, ferdium bd3ed68e).
const MESSENGER_HOSTS: &[&str] = &["www.messenger.com", "messenger.com"];

/// First path segments of facebook.com that are app routes, never a Page's vanity name, so
/// `/<word>` and `/<word>/posts/…` are not Page surfaces. Compared case-insensitively.
/// `*.php` endpoints are excluded by rule, not listed. Keep in step with `FB_RESERVED` in gate.js.
#[rustfmt::skip]
const RESERVED_FIRST_SEGMENTS: &[&str] = &[
    // Feeds and apps that are not conversations with customers.
    "watch", "marketplace", "gaming", "games", "notifications", "friends", "bookmarks", "saved", "events",
    "groups", "stories", "memories", "live", "reels", "fundraisers", "jobs",
    // Account, settings, login and legal pages.
    "settings", "login", "logout", "recover", "checkpoint", "privacy", "policies", "policy", "legal", "terms",
    "help", "security",
    // Business and ads tools on www (business.facebook.com is handled separately). `ad_center`,
    // `professional_dashboard`… need no entry: `_` is outside the vanity charset.
    "ads", "adsmanager", "business", "latest", "developers", "careers",
    // Directories and search: `/pages` is the Page directory, `/me` the viewer's own profile.
    "pages", "me", "search", "hashtag", "people", "profile",
    // Routes whose sub-paths have their own rules above (posts, media, Messenger, sharing) or are plumbing.
    "messages", "reel", "photo", "photos", "video", "videos", "media", "notes", "story", "permalink",
    "share", "sharer", "dialog", "plugins", "l", "p",
];

/// messenger.com routes that show conversations (research §1: `/t/<id>`, ferdium's `/requests/t/`,
/// `/marketplace/t/`); the root `/` opens the last conversation. Others (`/login`, `/privacy`, `/desktop`…)
/// are not surfaces.
const MESSENGER_COM_ROUTES: &[&str] = &["t", "e2ee", "requests", "marketplace", "archived", "new"];

/// Segments that may precede `t/<thread>` in a Messenger path: `/messages/t/`, `/messages/e2ee/t/`,
/// `/e2ee/t/`, `/requests/t/`, `/marketplace/t/` (research §1 Messenger rows).
const THREAD_PATH_PREFIXES: &[&str] = &["messages", "e2ee", "requests", "marketplace", "archived"];

/// The Facebook-family surface of a parsed page URL; `None` for other hosts and non-messaging pages.
pub fn detect(url: &ParsedUrl) -> Option<Surface> {
    if url.host_in(FACEBOOK_HOSTS) {
        detect_facebook_app(url)
    } else if url.host_is(BUSINESS_HOST) {
        is_business_inbox(url).then_some(Surface::BusinessInbox)
    } else if url.host_in(MESSENGER_HOSTS) {
        detect_messenger_com(url)
    } else {
        None
    }
}

/// The comment a comment-permalink href points at: `reply_comment_id` when present (the href of a reply
/// carries both), else `comment_id` (research §1 "Comment permalink"). Relative or absolute; the value is
/// percent-decoded (newer ids are base64 such as `Y29tbWVudDo…%3D%3D`).
pub fn comment_id(href: &str) -> Option<String> {
    let url = parse_href(href)?;
    nonempty_query_param(url.query, "reply_comment_id")
        .or_else(|| nonempty_query_param(url.query, "comment_id"))
        .map(percent_decode)
}

/// The Messenger thread id in `/messages/t/<id>`, `/messages/e2ee/t/<id>`, messenger.com `/t/<id>`,
/// `/e2ee/t/<id>`, `/requests/t/<id>` … (relative or absolute href), percent-decoded.
pub fn thread_id(href: &str) -> Option<String> {
    let url = parse_href(href)?;
    let mut segments =
        path_segments(url.path).skip_while(|segment| THREAD_PATH_PREFIXES.contains(segment));
    match (segments.next(), segments.next()) {
        (Some("t"), Some(id)) => Some(percent_decode(id)),
        _ => None,
    }
}

fn detect_facebook_app(url: &ParsedUrl) -> Option<Surface> {
    let segments: Vec<&str> = path_segments(url.path).collect();
    let has_param = |name: &str| nonempty_query_param(url.query, name).is_some();
    let post_if = |condition: bool| condition.then_some(Surface::FacebookPost);
    match segments.as_slice() {
        // Home feed.
        [] => None,
        // Messenger inside facebook.com: thread, e2ee thread, list root, requests… (research §1).
        ["messages", ..] => Some(Surface::FacebookMessenger),
        // [I] Business Suite's inbox also answers on www (not in the research; Meta's help links use it).
        ["latest", "inbox", ..] => Some(Surface::BusinessInbox),
        // Legacy numeric permalinks, still parsed (research §1, iframely regex list).
        ["permalink.php" | "story.php"] => post_if(has_param("story_fbid")),
        ["photo.php" | "photo"] => post_if(has_param("fbid")),
        ["video.php"] => post_if(has_param("v")),
        // `/watch/?v=<id>` is one video; `/watch` alone is the video feed.
        ["watch", ..] => post_if(has_param("v")),
        ["reel", _, ..] => Some(Surface::FacebookPost),
        // [I] Copy-link share URLs (`/share/p/<code>/`) redirect to the post they name.
        ["share", "p" | "r" | "v", _, ..] => Some(Surface::FacebookPost),
        // Group posts, with tracking params appended in-app (research §1 "Group post"); `permalink/`
        // is the older form iframely still parses; `?multi_permalinks=` focuses one post in the group.
        ["groups", _, "posts" | "permalink", _, ..] => Some(Surface::FacebookPost),
        ["groups", _] => post_if(has_param("multi_permalinks")),
        // A profile-style Page by numeric id; any `sk=` tab (about, photos, reviews…) is not the timeline.
        ["profile.php"] => (has_param("id") && !has_param("sk")).then_some(Surface::FacebookPage),
        // New Pages experience without a username: `/p/<Name>-<id>/`, the name possibly percent-encoded.
        ["p", name] if ends_with_numeric_id(name) => Some(Surface::FacebookPage),
        // [I] Pre-2020 `/pages/<Name>/<id>` Page URLs, which now redirect to the Page.
        ["pages", _, id] if is_digits(id) => Some(Surface::FacebookPage),
        [vanity, rest @ ..] if is_page_vanity(vanity) => detect_under_vanity(rest),
        _ => None,
    }
}

/// Paths below `/<vanity>/`: the timeline, its post list, and single posts, photos and videos
/// (research §1 "Page post": `/<page>/posts/pfbid0…`, `/<page>/photos/…/<id>`).
fn detect_under_vanity(rest: &[&str]) -> Option<Surface> {
    match rest {
        [] | ["posts"] => Some(Surface::FacebookPage),
        ["posts" | "photos" | "videos", _, ..] => Some(Surface::FacebookPost),
        // `/about`, `/photos` (grid), `/reviews`, `/videos` (grid), `/followers`…
        _ => None,
    }
}

/// A Page/profile username: letters, digits, `.` and `-` (iframely's `[a-zA-Z0-9\.\-]+`), not an app
/// route and not a `*.php` endpoint. Numeric ids (`/100064…`) qualify: facebook.com serves them the same.
fn is_page_vanity(segment: &str) -> bool {
    !segment.is_empty()
        && segment
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'.' || byte == b'-')
        && !segment.to_ascii_lowercase().ends_with(".php")
        && !RESERVED_FIRST_SEGMENTS
            .iter()
            .any(|reserved| reserved.eq_ignore_ascii_case(segment))
}

fn is_business_inbox(url: &ParsedUrl) -> bool {
    let mut segments = path_segments(url.path);
    segments.next() == Some("latest") && segments.next() == Some("inbox")
}

fn detect_messenger_com(url: &ParsedUrl) -> Option<Surface> {
    match path_segments(url.path).next() {
        None => Some(Surface::FacebookMessenger),
        Some(first) if MESSENGER_COM_ROUTES.contains(&first) => Some(Surface::FacebookMessenger),
        Some(_) => None,
    }
}

/// `Name-123456` → true (the `/p/` slug ends with the Page id after the last `-`).
fn ends_with_numeric_id(slug: &str) -> bool {
    slug.rsplit_once('-').is_some_and(|(_, id)| is_digits(id))
}

fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|byte| byte.is_ascii_digit())
}

// ---- Keys of conversations and people (src/core/subject.rs), for labels and notes ----

/// Hosts whose profile links name a person: the facebook.com app hosts and the mobile site, whose links some
/// surfaces (Business Suite contact panels) still use.
const PROFILE_HOSTS: &[&str] = &[
    "www.facebook.com",
    "web.facebook.com",
    "facebook.com",
    "m.facebook.com",
    "business.facebook.com",
];

/// The key of the Messenger conversation an href (a chat-list link or the page URL) names: `fb:thread:<id>`, or
/// `fb:e2ee:<id>` when the path has `/e2ee/` (encrypted threads have their own id series). The same rule as
/// `messenger::conversation_key`, so a row's key equals the key of the conversation it opens.
pub fn thread_key(href: &str) -> Option<String> {
    let id = thread_id(href)?;
    let kind = if href.contains("/e2ee/") {
        "e2ee"
    } else {
        "thread"
    };
    Some(format!("fb:{kind}:{id}"))
}

/// The key of the Business Suite conversation an inbox link names: `fb:inbox:<selected_item_id>`, the value as
/// written (like `business::conversation_key`, which reads the page URL the same way). Only inbox links count
/// (`/latest/inbox/…`, or a bare `?selected_item_id=` query).
pub fn inbox_key(href: &str) -> Option<String> {
    let url = parse_href(href)?;
    let mut segments = path_segments(url.path);
    let inbox = match segments.next() {
        None => url.host.is_empty(),
        Some(first) => first == "latest" && segments.next() == Some("inbox"),
    };
    if !inbox {
        return None;
    }
    nonempty_query_param(url.query, "selected_item_id").map(|id| format!("fb:inbox:{id}"))
}

/// The key of the person a profile link points to: `fb:user:<id>` from `profile.php?id=<id>`,
/// `/groups/<g>/user/<id>/` and `/<numeric id>`, `fb:user:<username>` (lower-cased: Facebook usernames are
/// case-insensitive) from `/<username>`. Relative or absolute, tracking parameters ignored. `None` for anything
/// else: posts, comment permalinks, app routes (`/messages`, `/watch`…), `*.php` endpoints, other hosts.
///
/// The link shapes are those [`super::private_reply::messenger_id`] reads (a commenter's Messenger id); this adds
/// the host check and the rule that a username is never an app route.
pub fn person_key(href: &str) -> Option<String> {
    let url = parse_href(href)?;
    if !url.host.is_empty() && !url.host_in(PROFILE_HOSTS) {
        return None;
    }
    let id = super::private_reply::messenger_id(href)?;
    (is_digits(&id) || is_page_vanity(&id)).then(|| format!("fb:user:{}", id.to_ascii_lowercase()))
}
