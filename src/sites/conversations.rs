//! Where labels and notes attach on a page: the conversation list's rows, the open conversation's header, and the
//! people (comment and reply authors) on post pages. The one place that maps a [`Surface`] to the site code that
//! finds them, like [`super::adapter`] does for composers.
//!
//! Every key follows `src/core/subject.rs` and is read from the page's ids (hrefs, test ids, the page URL) each
//! time it is asked for, never remembered per DOM node: virtualised lists recycle their row nodes, so a node's key
//! is whatever its attributes say now. A key never comes from a display name alone; a row or person whose id the
//! page does not show is left out. A row's key equals the key of the conversation it opens, because both come from
//! the same functions the composer adapters use (`fb:thread:`, `fb:e2ee:`, `fb:inbox:`, `x:dm:`).
//!
//! | surface | list, rows | open conversation (header, person) | people |
//! |---|---|---|---|
//! | Messenger (facebook.com/messages, messenger.com) | `[role=navigation] [role=grid]`, `[role=row]` around a `/t/<id>` link | the heading in `[role=main]` outside the messages, its profile link | — |
//! | Business Suite inbox | rows around `a[href*="selected_item_id="]` | `[role=main] header`, its profile link | — |
//! | X Chat (/i/chat) | `dm-inbox-panel`, `dm-conversation-item-<A>:<B>` | `dm-conversation-header`, `dm-conversation-username`, the row's or profile card's `@handle` | — |
//! | legacy X DMs (/messages) | `[data-testid=conversation]` with its `/messages/<id>` link | `#detail-header` or `ProfileInfoHeader`, `@handle` | — |
//! | Facebook post, Page timeline | — | — | comment authors (profile link), not the acting Page |
//! | X post (status) | — | — | reply authors (`User-Name`), not the acting account |
//!
//! Selectors live in `facebook/selectors.rs` and `x/selectors.rs`, each with the research it comes from.

/// The key of the person a Facebook profile link points to (`fb:user:<id>` or `fb:user:<username>`), or `None`
/// when the link is not a person's profile. Pure; see [`super::facebook::url::person_key`].
pub fn person_key_facebook(href: &str) -> Option<String> {
    super::facebook::url::person_key(href)
}

/// The key of the person an X profile link, `@handle` or bare handle names (`x:user:<handle>`, lower-cased), or
/// `None`. Pure; see [`super::x::url::person_key`].
pub fn person_key_x(href_or_handle: &str) -> Option<String> {
    super::x::url::person_key(href_or_handle)
}

#[cfg(target_arch = "wasm32")]
pub use dom::*;

#[cfg(target_arch = "wasm32")]
mod dom {
    use crate::sites::page::{all_in, text_runs};
    use crate::sites::surface::Surface;
    use crate::sites::{facebook, x};
    use web_sys::{Document, Element};

    /// One conversation in the native list, as it is rendered now.
    #[derive(Clone, Debug, PartialEq)]
    pub struct ListRow {
        /// The row element: what a filter hides. In X Chat it sits in a recycled `li` slot (its parent).
        pub row: Element,
        /// The conversation's key (`fb:thread:…`, `fb:e2ee:…`, `fb:inbox:…`, `x:dm:…`), read from the row's
        /// current attributes.
        pub key: String,
        /// The name the row shows (the person or the group), for display only.
        pub name: Option<String>,
        /// The labels host goes right after this element: inside the row, never inside a link (a click on a chip
        /// must not open the conversation). When the row itself is a link and has no wrapper of its own, this is
        /// the row, and the host becomes its next sibling.
        pub after: Element,
    }

    /// A person on the page: a comment or reply author, or the other side of the open conversation.
    #[derive(Clone, Debug, PartialEq)]
    pub struct PersonRef {
        /// `fb:user:…` or `x:user:…`, from a profile link or handle.
        pub key: String,
        pub name: Option<String>,
        /// The person's host goes right after this element (after the name link, outside it).
        pub after: Element,
    }

    /// The open conversation.
    #[derive(Clone, Debug, PartialEq)]
    pub struct OpenConversation {
        pub key: String,
        /// The name in its header (the person or the group).
        pub name: Option<String>,
        /// The person on the other side, when the header (or the thread) shows their profile link or handle; `None`
        /// in group chats and when no id is shown.
        pub person: Option<PersonRef>,
        /// Inside the header: the labels and notes hosts go right after this element.
        pub after: Element,
    }

    /// The conversation list element; a filter bar goes right before it. `None` when the surface has no list or
    /// the page shows none.
    pub fn list_container(surface: Surface, document: &Document) -> Option<Element> {
        match surface {
            Surface::FacebookMessenger => facebook::rows::messenger_list(document),
            Surface::BusinessInbox => facebook::rows::inbox_list(document),
            Surface::XChat => x::rows::chat_list(document),
            Surface::XLegacyDm => x::rows::legacy_list(document),
            _ => None,
        }
    }

    /// The conversation rows rendered now, in document order; rows whose conversation id the page does not show
    /// are left out.
    pub fn rows(surface: Surface, document: &Document) -> Vec<ListRow> {
        match surface {
            Surface::FacebookMessenger => facebook::rows::messenger_rows(document),
            Surface::BusinessInbox => facebook::rows::inbox_rows(document),
            Surface::XChat => x::rows::chat_rows(document),
            Surface::XLegacyDm => x::rows::legacy_rows(document),
            _ => Vec::new(),
        }
    }

    /// The open conversation and its header, when one is open and its header is on the page.
    pub fn open_conversation(surface: Surface, document: &Document) -> Option<OpenConversation> {
        match surface {
            Surface::FacebookMessenger => facebook::rows::messenger_open(document),
            Surface::BusinessInbox => facebook::rows::inbox_open(document),
            Surface::XChat => x::rows::chat_open(document),
            Surface::XLegacyDm => x::rows::legacy_open(document),
            _ => None,
        }
    }

    /// Authors of customer comments (Facebook post and Page surfaces) and replies (X status pages), one entry per
    /// comment or reply, without the acting Page or account. Empty on every other surface.
    pub fn people(surface: Surface, document: &Document) -> Vec<PersonRef> {
        match surface {
            Surface::FacebookPost | Surface::FacebookPage => {
                facebook::rows::comment_authors(surface, document)
            }
            Surface::XStatus => x::rows::reply_authors(surface, document),
            _ => Vec::new(),
        }
    }

    // ---- Shared by the site files ----

    /// Rows built from conversation links. `key_of` turns an href into a key (`None`: not a conversation link);
    /// `row_selector` names the site's row element; `boundary` the elements a row never extends to (the list
    /// itself). Links of one row with the same key make one row (the host goes after the last of them).
    pub(crate) fn rows_from_links(
        links: Vec<Element>,
        key_of: &dyn Fn(&str) -> Option<String>,
        row_selector: &str,
        boundary: &str,
    ) -> Vec<ListRow> {
        let keyed: Vec<(Element, String)> = links
            .into_iter()
            .filter_map(|link| {
                let key = key_of(&link.get_attribute("href")?)?;
                Some((link, key))
            })
            .collect();
        let mut rows: Vec<ListRow> = Vec::new();
        for (at, (link, key)) in keyed.iter().enumerate() {
            let row = row_of(at, &keyed, row_selector, boundary);
            // Links come in document order and a row is one subtree, so a row's links are consecutive: only the
            // last row can be this link's (comparing with every row made long lists quadratic).
            if let Some(existing) = rows.last_mut().filter(|r| r.row == row) {
                if &existing.key == key {
                    existing.after = link.clone();
                }
                continue;
            }
            let name = first_words(link);
            let row_is_link = &row == link;
            rows.push(ListRow {
                name: name.or_else(|| (!row_is_link).then(|| first_words(&row)).flatten()),
                row,
                key: key.clone(),
                after: link.clone(),
            });
        }
        rows
    }

    /// The row around `link`: the nearest `row_selector` ancestor that holds no other conversation; else the
    /// link's wrappers up to three levels that hold no other conversation (the Business Suite's `._4bl9` around
    /// `a[role=row]`); else the link itself.
    ///
    /// `keyed` is in document order, so the links inside any element around `keyed[at]` are consecutive around
    /// `at`: looking outwards from `at` until a link is outside finds them all in a few steps, where checking
    /// every link made a scan of a long list quadratic.
    fn row_of(
        at: usize,
        keyed: &[(Element, String)],
        row_selector: &str,
        boundary: &str,
    ) -> Element {
        let (link, key) = (&keyed[at].0, keyed[at].1.as_str());
        let only_this = |candidate: &Element| {
            let inside = |(other, _): &&(Element, String)| candidate.contains(Some(other));
            let other_key = |(_, other_key): &(Element, String)| other_key != key;
            !(keyed[..at].iter().rev().take_while(inside).any(other_key)
                || keyed[at + 1..].iter().take_while(inside).any(other_key))
        };
        if let Some(row) = link.closest(row_selector).ok().flatten() {
            if &row != link && only_this(&row) && !row.matches(boundary).unwrap_or(false) {
                return row;
            }
        }
        let mut row = link.clone();
        for _ in 0..3 {
            let Some(parent) = row.parent_element() else {
                break;
            };
            if parent.matches(boundary).unwrap_or(true) || !only_this(&parent) {
                break;
            }
            row = parent;
        }
        row
    }

    /// The first run of words in `element` (a row's or header's name): images and hidden parts left out.
    pub(crate) fn first_words(element: &Element) -> Option<String> {
        text_runs(element)
            .into_iter()
            .find(|run| run.chars().any(char::is_alphabetic))
    }

    /// The smallest element containing every one of `elements` (their parent when there is one).
    pub(crate) fn common_ancestor(elements: &[Element]) -> Option<Element> {
        let first = elements.first()?;
        let mut candidate = first.parent_element()?;
        while !elements.iter().all(|e| candidate.contains(Some(e))) {
            candidate = candidate.parent_element()?;
        }
        Some(candidate)
    }

    /// The child of `region` that holds `inner` (`None` when `inner` is not inside `region`).
    pub(crate) fn child_holding(region: &Element, inner: &Element) -> Option<Element> {
        let mut node = inner.clone();
        loop {
            let parent = node.parent_element()?;
            if &parent == region {
                return Some(node);
            }
            node = parent;
        }
    }

    /// Where a header's hosts go when it has no name element: after its last child that is not a control (the
    /// empty name block of a header still loading), else after its last child.
    pub(crate) fn header_fallback(header: &Element, controls: &str) -> Option<Element> {
        let children = all_in(header, ":scope > *");
        children
            .iter()
            .rev()
            .find(|c| {
                !c.matches(controls).unwrap_or(true)
                    && c.get_attribute("aria-hidden").as_deref() != Some("true")
                    && !c.has_attribute("data-answerdeck")
            })
            .or_else(|| children.last())
            .cloned()
    }
}
