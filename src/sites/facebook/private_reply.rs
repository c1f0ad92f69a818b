//! Answering a Facebook comment privately: Facebook's own private-reply action when the page offers one for
//! that comment, otherwise a Messenger conversation with the commenter.
//!
//! Facts (research/sites-facebook.md §2.2, §4): the Graph API's Private Replies are tied to a comment id; in the
//! web UI the entry point is an action on the comment ("Message"/"Send message" on a Page's comments, "Reply
//! privately"/"Send private reply" in the Business Suite inbox's comment threads) whose DOM is not documented,
//! so it is found by its accessible text in the languages we support. Messenger opens a 1:1 conversation at
//! `facebook.com/messages/t/<user id or vanity>`.

/// Accessible names of the native private-reply action (English, German, Danish; matched ignoring case).
pub const PRIVATE_ACTION_LABELS: &[&str] = &[
    "reply privately",    // Business Suite inbox, comment thread (en)
    "send private reply", // Business Suite inbox (en)
    "private reply",      // Business Suite inbox, compact button (en)
    "send message",       // Page comment, action row (en)
    "message",            // Page comment, action row, short form (en)
    "privat antworten",   // de
    "private antwort",    // de
    "nachricht senden",   // de
    "nachricht",          // de, short form
    "svar privat",        // da
    "send privat svar",   // da
    "send besked",        // da
    "besked",             // da, short form
];

/// Whether an action's accessible name is a private-reply action.
pub fn is_private_action_label(label: &str) -> bool {
    let label = label.trim().to_ascii_lowercase();
    PRIVATE_ACTION_LABELS.iter().any(|known| label == *known)
}

/// The Messenger conversation id for a commenter's profile link: `profile.php?id=<n>` → `<n>`,
/// `/groups/<g>/user/<n>/` → `<n>`, `/<vanity>` → `<vanity>`. None for links that are not a person's profile.
pub fn messenger_id(href: &str) -> Option<String> {
    let path_and_query = match href.split_once("facebook.com") {
        Some((_, rest)) => rest,
        None => href,
    };
    let (path, query) = path_and_query
        .split_once('?')
        .unwrap_or((path_and_query, ""));
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    if segments.first() == Some(&"profile.php") {
        return query
            .split('&')
            .find_map(|pair| pair.strip_prefix("id="))
            .map(|id| id.split('#').next().unwrap_or(id).to_string())
            .filter(|id| !id.is_empty() && id.chars().all(|c| c.is_ascii_digit()));
    }
    if let Some(at) = segments.iter().position(|s| *s == "user") {
        return segments
            .get(at + 1)
            .filter(|id| id.chars().all(|c| c.is_ascii_digit()))
            .map(|id| id.to_string());
    }
    // A person's profile is the vanity alone; `/<page>/posts/…?comment_id=` is a comment permalink.
    let [vanity] = segments.as_slice() else {
        return None;
    };
    let reserved = [
        "groups",
        "pages",
        "people",
        "permalink.php",
        "story.php",
        "photo.php",
        "photo",
        "watch",
        "reel",
        "messages",
        "events",
        "hashtag",
        "share",
    ];
    let valid = vanity
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == '_');
    (valid && !reserved.contains(vanity)).then(|| vanity.to_string())
}

/// The Messenger URL of the conversation with `id`.
pub fn messenger_url(id: &str) -> String {
    format!("https://www.facebook.com/messages/t/{id}/")
}

#[cfg(target_arch = "wasm32")]
mod dom {
    use super::is_private_action_label;
    use crate::sites::facebook::selectors::{ARTICLE, LINK};
    use crate::sites::page::{own_elements, readable_text};
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlElement};

    /// Buttons and links of the comment itself (not of its replies).
    const ACTIONS: &str = r#"[role="button"], button, a[role="link"], a[href]"#;

    /// Facebook's own private-reply action for this comment, when the page shows one.
    pub fn native_action(article: &Element) -> Option<HtmlElement> {
        own_elements(article, ACTIONS, ARTICLE)
            .into_iter()
            .find(|el| {
                let label = el
                    .get_attribute("aria-label")
                    .unwrap_or_else(|| readable_text(el));
                is_private_action_label(&label)
            })
            .and_then(|el| el.dyn_into::<HtmlElement>().ok())
    }

    /// The commenter's Messenger conversation id, from the author link of the comment.
    pub fn commenter_messenger_id(article: &Element) -> Option<String> {
        own_elements(article, LINK, ARTICLE)
            .into_iter()
            .filter(|a| !readable_text(a).is_empty())
            .filter_map(|a| a.get_attribute("href"))
            .find_map(|href| super::messenger_id(&href))
    }

    /// The comment's permalink, absolute: its relative-time link (`/<page>/posts/…?comment_id=`). The author's
    /// profile link carries `comment_id=` too, so links to a profile are skipped.
    pub fn comment_permalink(article: &Element) -> Option<String> {
        let href = own_elements(article, r#"a[href*="comment_id="]"#, ARTICLE)
            .into_iter()
            .filter_map(|a| a.get_attribute("href"))
            .find(|href| super::messenger_id(href).is_none())?;
        Some(if href.starts_with("http") {
            href
        } else {
            format!("https://www.facebook.com{href}")
        })
    }
}

#[cfg(target_arch = "wasm32")]
pub use dom::{comment_permalink, commenter_messenger_id, native_action};
