//! X's conversation lists (X Chat, legacy DMs), the open conversation's header and the authors of replies, for
//! labels and notes (sites-x.md §2, §4, §5). Conversation keys come from the same rules the composer adapters use
//! (`chat.rs`, `legacy_dm.rs`): the URL's id, else the selected row's; a row's own id from its test id or link.
use super::selectors::*;
use super::url::{chat_id, person_key, row_chat_id};
use crate::dom::unit_memo::UnitMemo;
use crate::sites::adapter;
use crate::sites::conversations::{
    child_holding, common_ancestor, header_fallback, ListRow, OpenConversation, PersonRef,
};
use crate::sites::page::{
    all, all_in, first_in, location_parts, own_elements, readable_text, text_runs, visible_text,
    Person,
};
use crate::sites::surface::Surface;
use web_sys::{Document, Element};

fn is_link(element: &Element) -> bool {
    element.tag_name().eq_ignore_ascii_case("a")
}

/// `(name, handle)` among a row's or header's runs: the first run with letters that is not an `@handle`, and the
/// first `@handle`.
fn name_and_handle(runs: &[String]) -> (Option<String>, Option<String>) {
    let mut name = None;
    let mut handle = None;
    for run in runs {
        match run.strip_prefix('@') {
            Some(h) if !h.is_empty() && !h.contains(' ') => {
                handle.get_or_insert_with(|| h.to_string());
            }
            Some(_) => {}
            None if run.chars().any(char::is_alphabetic) => {
                name.get_or_insert_with(|| run.clone());
            }
            None => {}
        }
    }
    (name, handle)
}

// ---- X Chat ---------------------------------------------------------------------------------------------------

/// The inbox rows rendered now (~20 recycled `li` slots, S2/S4), each keyed by its test id's `<A>:<B>` / `g<id>`
/// (else its `/i/chat/<id>` link) as the attributes read at this moment.
pub fn chat_rows(document: &Document) -> Vec<ListRow> {
    // Loops rather than `filter_map().collect()` here and below: fewer instantiations in the content wasm.
    let mut rows = Vec::new();
    for element in all(document, CHAT_ROW) {
        rows.extend(chat_row(&element));
    }
    rows
}

fn chat_row(element: &Element) -> Option<ListRow> {
    let link = if is_link(element) {
        Some(element.clone())
    } else {
        first_in(element, CHAT_ROW_LINK).or_else(|| first_in(element, "a[href]"))
    };
    let id = element
        .get_attribute("data-testid")
        .and_then(|testid| row_chat_id(&testid))
        .or_else(|| chat_id(&link.as_ref()?.get_attribute("href")?))?;
    let (name, _) = described(element);
    let (row, after) = if is_link(element) {
        // A request row is the link itself (S2): its `li` slot is the row, the host goes after the link.
        let slot = element
            .parent_element()
            .filter(|slot| all_in(slot, CHAT_ROW).len() == 1);
        (slot.unwrap_or_else(|| element.clone()), element.clone())
    } else {
        let after = link
            .or_else(|| element.last_element_child())
            .unwrap_or_else(|| element.clone());
        (element.clone(), after)
    };
    Some(ListRow {
        row,
        key: format!("x:dm:{id}"),
        name,
        after,
    })
}

/// `(name, handle)` of a row from its `aria-description` "<Name>, @<handle>, <last message>, <time>[, Unread]" (S4),
/// else from its text runs.
pub fn described(row: &Element) -> (Option<String>, Option<String>) {
    match row.get_attribute("aria-description") {
        Some(description) => {
            let parts: Vec<String> = description.split(", ").map(str::to_string).collect();
            let name = parts
                .first()
                .filter(|n| !n.is_empty() && !n.starts_with('@'))
                .cloned();
            let (_, handle) = name_and_handle(&parts[..parts.len().min(2)]);
            (name, handle)
        }
        None => name_and_handle(&text_runs(row)),
    }
}

/// The inbox list: the inbox panel's child that holds the rows (its scroller, so a bar before it stays put while
/// the list scrolls), else the element holding all rows; with no rows, the panel's child holding a list.
pub fn chat_list(document: &Document) -> Option<Element> {
    let rows = chat_rows(document);
    let panel = all(document, CHAT_INBOX_PANEL).into_iter().next();
    match (panel, rows.first()) {
        (Some(panel), Some(first)) => child_holding(&panel, &first.row),
        (None, Some(_)) => {
            let elements: Vec<Element> = rows.iter().map(|r| r.row.clone()).collect();
            common_ancestor(&elements)
        }
        (Some(panel), None) => {
            let list = first_in(&panel, r#"ul, [role="list"]"#)?;
            child_holding(&panel, &list)
        }
        (None, None) => None,
    }
}

/// The open conversation: its id from the URL, else the selected row (as `chat.rs` reads it); the header's
/// `dm-conversation-username` names it; the person's `@handle` comes from the header, the conversation's row or
/// the profile card at the top of the thread. Groups (`g<id>`) have no person.
pub fn chat_open(document: &Document) -> Option<OpenConversation> {
    let selected = all(document, CHAT_SELECTED_ROW).into_iter().next();
    let id = chat_id(&location_parts(document).0).or_else(|| {
        let testid = selected?.get_attribute("data-testid")?;
        row_chat_id(&testid)
    })?;
    let key = format!("x:dm:{id}");
    let scope: Element = all(document, CHAT_PANEL)
        .into_iter()
        .next()
        .or_else(|| document.body().map(Into::into))?;
    let header = first_in(&scope, CHAT_HEADER);
    let username = first_in(&scope, CHAT_USERNAME);
    let card = first_in(&scope, CHAT_PROFILE_NAME);
    let row = all(document, CHAT_ROW)
        .into_iter()
        .find(|r| chat_row(r).is_some_and(|row| row.key == key));
    let (row_name, row_handle) = row.as_ref().map(described).unwrap_or_default();
    let after = username
        .clone()
        .or_else(|| header_fallback(header.as_ref()?, CONTROL))
        .or_else(|| card.clone())?;
    let name = username
        .as_ref()
        .map(visible_text)
        .filter(|n| !n.is_empty())
        .or(row_name)
        .or_else(|| card.as_ref().map(visible_text).filter(|n| !n.is_empty()));
    let person = if id.starts_with('g') {
        None
    } else {
        let (_, header_handle) = header
            .as_ref()
            .map(|h| name_and_handle(&text_runs(h)))
            .unwrap_or_default();
        header_handle
            .or(row_handle)
            .or_else(|| {
                // "@handle" under the name on the profile card (S4).
                name_and_handle(&text_runs(&card.as_ref()?.parent_element()?)).1
            })
            .and_then(|handle| person_key(&format!("@{handle}")))
            .map(|key| PersonRef {
                key,
                name: name.clone(),
                after: after.clone(),
            })
    };
    Some(OpenConversation {
        key,
        name,
        person,
        after,
    })
}

// ---- Legacy DMs -----------------------------------------------------------------------------------------------

/// The legacy inbox rows: each `conversation` cell keyed by its `/messages/<id>` link; a row without one is the
/// open conversation's when it is the selected row (the page URL names that id), else it is left out.
pub fn legacy_rows(document: &Document) -> Vec<ListRow> {
    let open = chat_id(&location_parts(document).0);
    let mut rows = Vec::new();
    for row in all(document, DM_ROW) {
        rows.extend(legacy_row(&open, row));
    }
    rows
}

fn legacy_row(open: &Option<String>, row: Element) -> Option<ListRow> {
    let link = all_in(&row, DM_ROW_LINK).into_iter().find(|a| {
        a.get_attribute("href")
            .is_some_and(|href| chat_id(&href).is_some())
    });
    let id = match &link {
        Some(link) => chat_id(&link.get_attribute("href")?)?,
        None if row.get_attribute("aria-selected").as_deref() == Some("true") => open.clone()?,
        None => return None,
    };
    let after = link
        .or_else(|| first_in(&row, DM_ROW_AVATAR))
        .or_else(|| row.last_element_child())
        .unwrap_or_else(|| row.clone());
    let (name, _) = name_and_handle(&text_runs(&row));
    Some(ListRow {
        row,
        key: format!("x:dm:{id}"),
        name,
        after,
    })
}

/// The legacy inbox list: the child of its region (`section`) that holds the rows, else the element holding them.
pub fn legacy_list(document: &Document) -> Option<Element> {
    let rows = legacy_rows(document);
    let first = rows.first()?;
    first
        .row
        .closest(DM_LIST_REGION)
        .ok()
        .flatten()
        .and_then(|region| child_holding(&region, &first.row))
        .or_else(|| {
            let elements: Vec<Element> = rows.iter().map(|r| r.row.clone()).collect();
            common_ancestor(&elements)
        })
}

/// The open legacy conversation: its id from the URL (as `legacy_dm.rs` reads it); the header `#detail-header`
/// (name and `@handle`), else the profile card at the top of the thread; the handle also from the selected row's
/// avatar link.
pub fn legacy_open(document: &Document) -> Option<OpenConversation> {
    let id = chat_id(&location_parts(document).0)?;
    let key = format!("x:dm:{id}");
    let scope: Element = all(document, DM_CONVERSATION_VIEW)
        .into_iter()
        .next()
        .or_else(|| document.body().map(Into::into))?;
    let header =
        first_in(&scope, DM_HEADER).or_else(|| document.get_element_by_id("detail-header"));
    let (name, handle, after) = match header {
        Some(header) => {
            let (name, handle) = name_and_handle(&text_runs(&header));
            (name, handle, header)
        }
        None => {
            let card = first_in(&scope, DM_PROFILE_HEADER)?;
            let (name, handle) = name_and_handle(&text_runs(&card));
            // After the card's name line, inside the card.
            let line = all_in(&card, ":scope > *")
                .into_iter()
                .find(|child| name.is_some() && first_words_eq(child, name.as_deref()))
                .unwrap_or(card);
            (name, handle, line)
        }
    };
    let handle = handle.or_else(|| {
        let row = legacy_rows(document)
            .into_iter()
            .find(|row| row.key == key)?
            .row;
        let href = first_in(&row, DM_ROW_AVATAR)?.get_attribute("href")?;
        Some(href.trim_matches('/').to_string())
    });
    let person = handle
        .and_then(|h| person_key(&format!("@{h}")))
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

fn first_words_eq(element: &Element, name: Option<&str>) -> bool {
    name_and_handle(&text_runs(element)).0.as_deref() == name
}

// ---- Reply authors --------------------------------------------------------------------------------------------

/// The authors of the customer posts on or near the screen on a status page ([`adapter::near_reply_targets`]: the
/// acting account and posts far off screen are left out): the profile link of each post's own `User-Name` block;
/// the host goes after the name link.
pub fn reply_authors(surface: Surface, document: &Document) -> Vec<PersonRef> {
    let facts = adapter::page_facts(surface, document);
    // A loop, not `filter_map().collect()`: one instantiation fewer in the content wasm.
    let mut found = Vec::new();
    for target in adapter::near_reply_targets(surface, document, &facts) {
        if crate::dom::slice::out_of_time() {
            break; // the rest in the scan's next slice
        }
        let author = &target.author;
        found.extend(AUTHORS.with(|memo| memo.read(&target.article, &|post| poster(post, author))));
    }
    found
}

thread_local! {
    /// Each post's author, until something in the post changes.
    static AUTHORS: UnitMemo<Option<PersonRef>> = const { UnitMemo::new() };
}

/// The person a post's `User-Name` block links to; `author` is the post's author as read before.
fn poster(post: &Element, author: &Person) -> Option<PersonRef> {
    let block = own_elements(post, USER_NAME, TWEET).into_iter().next()?;
    let keyed: Vec<(Element, String)> = all_in(&block, "a[href]")
        .into_iter()
        .filter_map(|a| {
            let key = person_key(&a.get_attribute("href")?)?;
            Some((a, key))
        })
        .collect();
    let named = keyed
        .iter()
        .find(|(a, _)| {
            let text = readable_text(a);
            !text.is_empty() && !text.starts_with('@')
        })
        .or_else(|| keyed.first());
    let (after, key) = match named {
        Some((link, key)) => (link.clone(), key.clone()),
        None => {
            let handle = author.handle.as_deref()?;
            (block.clone(), person_key(&format!("@{handle}"))?)
        }
    };
    Some(PersonRef {
        key,
        name: author.name.clone(),
        after,
    })
}
