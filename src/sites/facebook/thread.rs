//! Reading an open Messenger or Business Suite conversation: its message rows, which side each is on, and the
//! latest message the customer sent (sites-facebook.md §3.1, §4).
use super::selectors::*;
use crate::core::fold::fold;
use crate::sites::page::{all_in, runs_except, side_by_layout, text_blocks, visible_text, Side};
use web_sys::Element;

/// The customer's latest message in a conversation.
#[derive(Clone, Debug, PartialEq)]
pub struct Received {
    pub text: String,
    /// Who wrote it, when the row says (a sender heading, the avatar's `alt`): in group chats this is the
    /// person to answer, not the group's name in the header.
    pub sender: Option<String>,
}

fn inside(outer: &Element, inner: &Element) -> bool {
    outer != inner && outer.contains(Some(inner))
}

fn within(element: &Element, selector: &str) -> bool {
    element.closest(selector).ok().flatten().is_some()
}

/// The message rows of the conversation in `scope`, oldest first. Rows with a role or test id when the page
/// has them (the outermost, since a bubble inside a row matches too); otherwise the children of the message
/// list (e2ee threads render rows without roles). Rows holding the composer or in the chat list are not
/// messages.
pub fn rows(scope: &Element, composer: &Element) -> Vec<Element> {
    let keep = |row: &Element| !row.contains(Some(composer)) && !within(row, NAVIGATION);
    let matched = all_in(scope, MESSAGE_ROW);
    let mut rows = Vec::new();
    for row in &matched {
        if keep(row) && !matched.iter().any(|other| inside(other, row)) {
            rows.push(row.clone());
        }
    }
    if !rows.is_empty() {
        return rows;
    }
    let Some(mut list) = all_in(scope, MESSAGE_LIST).into_iter().find(|l| keep(l)) else {
        return rows;
    };
    // Wrappers with a single child are layout, not messages: descend to where the list branches.
    while list.child_element_count() == 1 {
        match list.first_element_child() {
            Some(child) => list = child,
            None => break,
        }
    }
    let children = list.children();
    for i in 0..children.length() {
        if let Some(child) = children.item(i).filter(|c| keep(c)) {
            rows.push(child);
        }
    }
    rows
}

/// A row's message text: its outermost `div[dir="auto"]` blocks, hidden parts left out, one line each; with
/// the first block (for the layout check).
pub fn message_text(row: &Element) -> Option<(Element, String)> {
    text_blocks(row, MESSAGE_TEXT)
}

fn is_sent_marker(text: &str) -> bool {
    let text = fold(text);
    SENT_MARKERS.iter().any(|m| text.starts_with(&fold(m)))
}

/// The runs of a row outside its message text: the hidden "You sent" and the "Sent by <admin>" line. A bare
/// Business Suite bubble is read with its wrapper (the "Sent by" line sits beside it).
fn labels(row: &Element) -> Vec<String> {
    let labelled = match row.matches(BUBBLE).unwrap_or(false) {
        true => row.parent_element().unwrap_or_else(|| row.clone()),
        false => row.clone(),
    };
    runs_except(&labelled, &|el| {
        el.has_attribute("data-answerdeck") || el.matches(MESSAGE_TEXT).unwrap_or(false)
    })
}

/// Who sent one of the Page's messages, when the row says: the name after "Sent by " (Business Suite).
pub fn sent_by(row: &Element) -> Option<String> {
    labels(row).into_iter().find_map(|label| {
        let marker = SENT_MARKERS.iter().find(|m| {
            m.ends_with(' ')
                && label
                    .get(..m.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(m))
        })?;
        let name = label[marker.len()..].trim();
        (!name.is_empty()).then(|| name.to_string())
    })
}

/// Which side a row is on: a hidden "You sent" / "Sent by …" label outside the message text says outgoing;
/// otherwise its layout tells. A bare Business Suite bubble is judged with its wrapper (the "Sent by" line sits
/// beside it) and laid out against the whole list.
pub fn side(row: &Element, text: &Element) -> Option<Side> {
    if labels(row).iter().any(|l| is_sent_marker(l)) {
        return Some(Side::Mine);
    }
    let bound = match row.matches(BUBBLE).unwrap_or(false) {
        true => row
            .closest(MESSAGE_LIST)
            .ok()
            .flatten()
            .or_else(|| row.parent_element())
            .unwrap_or_else(|| row.clone()),
        false => row.clone(),
    };
    side_by_layout(text, &bound)
}

/// Who wrote a received row: a heading in the row (Messenger's accessible sender line), else the avatar's
/// `alt` (the avatar sits beside the last message of each run, so the latest received message has it).
fn sender(row: &Element) -> Option<String> {
    for heading in all_in(row, HEADING) {
        let text = visible_text(&heading);
        if !text.is_empty() && !is_sent_marker(&text) {
            return Some(text);
        }
    }
    for img in all_in(row, "img[alt]") {
        if within(&img, MESSAGE_TEXT) {
            continue; // emoji in the text
        }
        let alt = crate::dom::text::collapse(&img.get_attribute("alt").unwrap_or_default());
        if alt.chars().count() > 1 && alt.chars().any(char::is_alphabetic) {
            return Some(alt);
        }
    }
    None
}

/// The customer's latest message: the last row with text that is not on the user's side. A row whose side
/// nothing tells counts as the customer's (both sites mark the user's own messages, not the customer's).
pub fn latest_received(rows: &[Element]) -> Option<Received> {
    for row in rows.iter().rev() {
        let Some((element, text)) = message_text(row) else {
            continue;
        };
        if side(row, &element) != Some(Side::Mine) {
            return Some(Received {
                text,
                sender: sender(row),
            });
        }
    }
    None
}
