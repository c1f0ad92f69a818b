//! Facebook's conversation lists (Messenger, the Business Suite inbox), the open conversation's header and the
//! authors of comments, for labels and notes (sites-facebook.md §2.1, §3.1, §4). Keys come from the same functions
//! the composer adapters use: [`super::messenger::conversation_key`], [`super::business::conversation_key`] and
//! their per-link twins [`super::url::thread_key`], [`super::url::inbox_key`].
use super::selectors::*;
use super::url::{inbox_key, person_key, thread_key};
use crate::dom::unit_memo::UnitMemo;
use crate::sites::adapter;
use crate::sites::conversations::{
    common_ancestor, first_words, header_fallback, rows_from_links, ListRow, OpenConversation,
    PersonRef,
};
use crate::sites::page::{all, all_in, first_in, own_elements, readable_text, visible_text};
use crate::sites::surface::Surface;
use web_sys::{Document, Element};

fn within(element: &Element, selector: &str) -> bool {
    element.closest(selector).ok().flatten().is_some()
}

// ---- Messenger -----------------------------------------------------------------------------------------------

/// The chat list's conversations: links to `/t/<id>` in the navigation (caprine), or anywhere outside the open
/// conversation on a page without one.
pub fn messenger_rows(document: &Document) -> Vec<ListRow> {
    let mut links = all(document, &format!("{NAVIGATION} {THREAD_LINK}"));
    if links.is_empty() {
        links = all(document, THREAD_LINK);
        links.retain(|link| !within(link, MAIN));
    }
    rows_from_links(links, &thread_key, CHAT_ROW, LIST_BOUNDARY)
}

/// The chat list: the grid around the rows, else the element holding them all; with no rows, the navigation's
/// grid (an empty list still gets its filter bar).
pub fn messenger_list(document: &Document) -> Option<Element> {
    list_of(&messenger_rows(document)).or_else(|| all(document, CHAT_LIST).into_iter().next())
}

fn list_of(rows: &[ListRow]) -> Option<Element> {
    let first = rows.first()?;
    first.row.closest(LIST).ok().flatten().or_else(|| {
        let elements: Vec<Element> = rows.iter().map(|r| r.row.clone()).collect();
        common_ancestor(&elements)
    })
}

/// The open thread's header: the first heading in `role="main"` that is not part of the messages (sender
/// headings of rows, the thread grid), named by its text; its profile link (on the heading or beside it in the
/// header) gives the person. Group chats name the group and link no profile: no person. A thread whose header has
/// not rendered gives `None` until it does.
pub fn messenger_open(document: &Document) -> Option<OpenConversation> {
    let key = super::messenger::conversation_key(document)?;
    let main = all(document, MAIN)
        .into_iter()
        .find(|m| !within(m, NAVIGATION))?;
    let heading = all_in(&main, HEADING).into_iter().find(|h| {
        !within(h, NOT_HEADER) && !within(h, MESSAGE_LIST) && !visible_text(h).is_empty()
    })?;
    let link = heading
        .closest("a[href]")
        .ok()
        .flatten()
        .filter(|a| main.contains(Some(a)));
    let after = link.clone().unwrap_or_else(|| heading.clone());
    let name = first_words(&heading).or_else(|| {
        messenger_rows(document)
            .into_iter()
            .find(|row| row.key == key)
            .and_then(|row| row.name)
    });
    // The header bar: the heading's block and the avatar link beside it.
    let bar = after
        .parent_element()
        .and_then(|p| p.parent_element())
        .filter(|bar| main.contains(Some(bar)) && bar != &main);
    let mut candidates: Vec<Element> = link.into_iter().collect();
    if let Some(bar) = &bar {
        candidates.extend(
            all_in(bar, "a[href]")
                .into_iter()
                .filter(|a| !within(a, NOT_HEADER)),
        );
    }
    let person = candidates
        .iter()
        .find_map(|a| person_key(&a.get_attribute("href")?))
        .map(|key| PersonRef {
            key,
            name: name.clone(),
            after: after.clone(),
        });
    Some(OpenConversation {
        key,
        name,
        person,
        after,
    })
}

// ---- Business Suite inbox ------------------------------------------------------------------------------------

/// The thread list's conversations: links carrying `selected_item_id=` outside the Business Suite menu.
pub fn inbox_rows(document: &Document) -> Vec<ListRow> {
    let mut links = all(document, INBOX_THREAD_LINK);
    links.retain(|link| !within(link, NAVIGATION));
    rows_from_links(links, &inbox_key, INBOX_ROW, LIST_BOUNDARY)
}

/// The thread list: the list element around the rows, else the element holding them all.
pub fn inbox_list(document: &Document) -> Option<Element> {
    list_of(&inbox_rows(document))
}

/// The open thread's `header` (data_hub `div[role="main"] header`), the one that is not part of the thread list:
/// named by its heading, else by the thread's row; its profile link ("View profile") gives the person. Comment
/// threads link no profile in the header: no person.
pub fn inbox_open(document: &Document) -> Option<OpenConversation> {
    let key = super::business::conversation_key(document)?;
    let header = all(document, INBOX_HEADER).into_iter().find(|h| {
        !within(h, NAVIGATION) && first_in(h, INBOX_THREAD_LINK).is_none() && !within(h, "a")
    })?;
    let heading = all_in(&header, HEADING)
        .into_iter()
        .find(|h| !visible_text(h).is_empty());
    let after = match &heading {
        Some(h) => h
            .closest("a[href]")
            .ok()
            .flatten()
            .filter(|a| header.contains(Some(a)))
            .unwrap_or_else(|| h.clone()),
        None => header_fallback(&header, CONTROL)?,
    };
    let name = heading.as_ref().and_then(first_words).or_else(|| {
        inbox_rows(document)
            .into_iter()
            .find(|row| row.key == key)
            .and_then(|row| row.name)
    });
    let person = all_in(&header, "a[href]")
        .iter()
        .find_map(|a| person_key(&a.get_attribute("href")?))
        .map(|key| PersonRef {
            key,
            name: name.clone(),
            after: after.clone(),
        });
    Some(OpenConversation {
        key,
        name,
        person,
        after,
    })
}

// ---- Comment authors ------------------------------------------------------------------------------------------

/// The authors of the customer comments on or near the screen ([`adapter::near_reply_targets`]: the acting Page
/// and the post's owner are already left out, and so are comments far off screen, which get no chips): each
/// comment's own first profile link with text (the name link; the avatar link when no link has text). Comments
/// whose author link is not a profile (or is missing) are left out.
pub fn comment_authors(surface: Surface, document: &Document) -> Vec<PersonRef> {
    let facts = adapter::page_facts(surface, document);
    // A loop, not `filter_map().collect()`: one instantiation fewer in the content wasm.
    let mut found = Vec::new();
    for target in adapter::near_reply_targets(surface, document, &facts) {
        if crate::dom::slice::out_of_time() {
            break; // the rest in the scan's next slice
        }
        let name = &target.author.name;
        found.extend(
            AUTHORS.with(|memo| memo.read(&target.article, &|article| author(article, name))),
        );
    }
    found
}

thread_local! {
    /// Each comment's author, until something in the comment changes.
    static AUTHORS: UnitMemo<Option<PersonRef>> = const { UnitMemo::new() };
}

/// The person a comment's profile link names; `name` is the comment's author as read before.
fn author(article: &Element, name: &Option<String>) -> Option<PersonRef> {
    let keyed: Vec<(Element, String)> = own_elements(article, LINK, ARTICLE)
        .into_iter()
        .filter_map(|a| {
            let key = person_key(&a.get_attribute("href")?)?;
            Some((a, key))
        })
        .collect();
    let (link, key) = keyed
        .iter()
        .find(|(a, _)| !readable_text(a).is_empty())
        .or_else(|| keyed.first())?;
    let text = readable_text(link);
    Some(PersonRef {
        key: key.clone(),
        name: name.clone().or_else(|| (!text.is_empty()).then_some(text)),
        after: link.clone(),
    })
}
