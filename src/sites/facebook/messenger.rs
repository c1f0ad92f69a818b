//! Messenger on facebook.com (`/messages/t/<id>`, `/messages/e2ee/t/<id>`) and messenger.com (`/t/<id>`):
//! the composer of the open conversation and what it answers (sites-facebook.md §1, §3).
use super::selectors::*;
use super::thread;
use crate::core::length::Target;
use crate::sites::page::{
    all, all_in, first_in, location_parts, text_runs, visible_text, ComposerFacts,
};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// Composers matching `selector` inside `role="main"` (the open conversation), or anywhere when the page has
/// no `main` (a layout change); never in the chat list. Messenger and the Business Suite inbox alike.
pub fn composers_in_main(document: &Document, selector: &str) -> Vec<HtmlElement> {
    let mut found = Vec::new();
    for main in all(document, MAIN) {
        found.extend(all_in(&main, selector));
    }
    if found.is_empty() {
        found = all(document, selector);
    }
    found
        .into_iter()
        .filter(|c| c.closest(NAVIGATION).ok().flatten().is_none())
        .filter_map(|c| c.dyn_into::<HtmlElement>().ok())
        .collect()
}

pub fn composers(document: &Document) -> Vec<HtmlElement> {
    composers_in_main(document, COMPOSER)
}

/// Whom the composer answers: the sender of the customer's latest message (in a group chat that is the
/// person, not the group), else the conversation's name from the header, the thread's label or the selected
/// row of the chat list; that message's text; the profile id the header links to; the thread id.
pub fn composer_facts(document: &Document, editor: &Element) -> ComposerFacts {
    let mut facts = ComposerFacts::new(Target::Messenger);
    facts.conversation = conversation_key(document);
    let scope = editor
        .closest(MAIN)
        .ok()
        .flatten()
        .or_else(|| document.body().map(Into::into));
    let Some(scope) = scope else { return facts };
    let rows = thread::rows(&scope, editor);
    let heading = all_in(&scope, HEADING).into_iter().find(|h| {
        !rows.iter().any(|r| r.contains(Some(h)))
            && h.closest(MESSAGE_LIST).ok().flatten().is_none()
            && !visible_text(h).is_empty()
    });
    let mut name = None;
    if let Some(received) = thread::latest_received(&rows) {
        facts.customer_text = Some(received.text);
        name = received.sender;
    }
    if let Some(heading) = &heading {
        name = name.or_else(|| text_runs(heading).into_iter().next());
        // The header links the name (or the avatar beside it) to the profile.
        let link = heading.closest("a[href]").ok().flatten().or_else(|| {
            let block = heading.parent_element()?.parent_element()?;
            first_in(&block, PROFILE_LINK)
        });
        facts.person.id = link
            .and_then(|a| a.get_attribute("href"))
            .and_then(|href| profile_id(&href));
    }
    facts.person.name = name
        .or_else(|| {
            all_in(&scope, "[aria-label]").iter().find_map(|el| {
                name_from_label(&el.get_attribute("aria-label")?, THREAD_LABEL_PREFIXES)
            })
        })
        .or_else(|| selected_row(document).and_then(|row| text_runs(&row).into_iter().next()));
    facts
}

/// A numeric profile id from a profile href: `/100012345678901/`, `https://www.facebook.com/100012345678901`,
/// `/profile.php?id=100012345678901`. Vanity names are not ids.
pub fn profile_id(href: &str) -> Option<String> {
    use crate::sites::url::{nonempty_query_param, parse_href, path_segments};
    let url = parse_href(href)?;
    let mut segments = path_segments(url.path);
    let id = match (segments.next()?, segments.next()) {
        ("profile.php", None) => nonempty_query_param(url.query, "id")?,
        (id, None) if id.len() >= 5 => id,
        _ => return None,
    };
    id.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| id.to_string())
}

/// The chat list's selected row (caprine `selectedConversation`).
fn selected_row(document: &Document) -> Option<Element> {
    all(document, NAVIGATION)
        .iter()
        .find_map(|nav| first_in(nav, SELECTED_CONVERSATION))
}

/// `fb:thread:<id>`, or `fb:e2ee:<id>` for end-to-end-encrypted threads (their ids are another series), from
/// the URL; on messenger.com's root (no id in the URL) from the selected row's link.
pub fn conversation_key(document: &Document) -> Option<String> {
    let from = |href: &str| {
        let id = super::url::thread_id(href)?;
        let kind = if href.contains("/e2ee/") {
            "e2ee"
        } else {
            "thread"
        };
        Some(format!("fb:{kind}:{id}"))
    };
    from(&location_parts(document).0).or_else(|| {
        let row = selected_row(document)?;
        from(&row.get_attribute("href")?)
    })
}
