//! X Chat (`/i/chat/<A>-<B>`, `/i/chat/g<id>`, `/i/chat/requests/<id>`): the composer textarea of the open
//! conversation and what it answers (sites-x.md §1, §5).
use super::rows::described;
use super::selectors::*;
use crate::core::length::Target;
use crate::sites::page::{
    all, all_in, first_in, html_elements, location_parts, runs_except, side_by_layout, text_blocks,
    text_runs, visible_text, ComposerFacts, Side,
};
use web_sys::{Document, Element, HtmlElement};

pub fn composers(document: &Document) -> Vec<HtmlElement> {
    html_elements(all(document, CHAT_COMPOSER))
}

/// The customer: in a group the sender of the latest received message, else the header's name, the selected
/// inbox row's name or the profile card's; the handle from the selected row or the profile card; the
/// customer's X id from the 1:1 conversation id once the page shows which id is the user's own.
pub fn composer_facts(document: &Document, editor: &Element) -> ComposerFacts {
    let mut facts = ComposerFacts::new(Target::XDm);
    let row = all(document, CHAT_SELECTED_ROW).into_iter().next();
    let id =
        super::url::chat_id(&location_parts(document).0).or_else(|| row.as_ref().and_then(row_id));
    facts.conversation = id.as_ref().map(|id| format!("x:dm:{id}"));
    let group = id.as_deref().is_some_and(|id| id.starts_with('g'));
    let scope = editor
        .closest(CHAT_PANEL)
        .ok()
        .flatten()
        .or_else(|| document.body().map(Into::into));
    let Some(scope) = scope else { return facts };
    let mut sender = None;
    if let Some((text, from)) = latest_received(&scope) {
        facts.customer_text = Some(text);
        sender = from;
    }
    let (listed_name, listed_handle) = row.as_ref().map(described).unwrap_or_default();
    let card = first_in(&scope, CHAT_PROFILE_NAME);
    let header = first_in(&scope, CHAT_USERNAME).map(|h| visible_text(&h));
    facts.person.name = sender
        .clone()
        .filter(|_| group)
        .or(header.filter(|h| !h.is_empty()))
        .or(listed_name)
        .or_else(|| card.as_ref().map(visible_text).filter(|t| !t.is_empty()))
        .or(sender);
    if !group {
        facts.person.handle = listed_handle.or_else(|| {
            // "@handle" under the name on the profile card at the top of the thread.
            handle_in(&text_runs(&card?.parent_element()?))
        });
        facts.person.id = id.as_deref().and_then(|id| customer_id(document, id));
    }
    facts
}

fn handle_in(runs: &[String]) -> Option<String> {
    runs.iter()
        .find_map(|r| r.strip_prefix('@'))
        .filter(|h| !h.is_empty() && !h.contains(' '))
        .map(String::from)
}

/// The conversation id in a row's test id (`<A>:<B>`), in the URL's dash form.
fn row_id(row: &Element) -> Option<String> {
    let testid = row.get_attribute("data-testid")?;
    let id = testid
        .strip_prefix("dm-conversation-item-")
        .or_else(|| testid.strip_prefix("dm-message-request-item-"))?;
    Some(id.replace(':', "-"))
}

/// The customer's X user id in a 1:1 conversation `<A>-<B>`: the id that is not the user's own. The page
/// never names the user's id, but it is the one id every 1:1 conversation in the inbox shares, so it is known
/// once two or more other conversations are listed.
fn customer_id(document: &Document, conversation: &str) -> Option<String> {
    let (a, b) = conversation.split_once('-')?;
    let mut others = Vec::new();
    for row in all(document, CHAT_ROW) {
        if let Some(id) = row_id(&row).filter(|id| id != conversation && !id.starts_with('g')) {
            others.push(id);
        }
    }
    let mine = |candidate: &str| {
        others.len() >= 2
            && others
                .iter()
                .all(|id| id.split('-').any(|p| p == candidate))
    };
    match (mine(a), mine(b)) {
        (true, false) => Some(b.to_string()),
        (false, true) => Some(a.to_string()),
        _ => None,
    }
}

/// The latest message not on the user's side: its text and its sender line (shown in groups).
fn latest_received(scope: &Element) -> Option<(String, Option<String>)> {
    let list = first_in(scope, CHAT_MESSAGE_LIST).unwrap_or_else(|| scope.clone());
    for row in all_in(&list, CHAT_MESSAGE).iter().rev() {
        let Some((bubble, text, false)) = message(row) else {
            continue;
        };
        if text.is_empty() {
            continue;
        }
        // A sender line: text in the row outside the bubble that is not a time or status.
        let sender = runs_except(row, &|el| {
            el == &bubble
                || el.has_attribute("data-answerdeck")
                || el.get_attribute("aria-hidden").as_deref() == Some("true")
                || el.tag_name().eq_ignore_ascii_case("img")
        })
        .into_iter()
        .find(|r| !is_status(r) && r.chars().any(char::is_alphabetic));
        return Some((text, sender));
    }
    None
}

/// A message row's bubble, its body and whether the user sent it.
pub fn message(row: &Element) -> Option<(Element, String, bool)> {
    let bubble = first_in(row, CHAT_MESSAGE_TEXT)?;
    let text = body(&bubble);
    let mine = side(row, &bubble) == Some(Side::Mine);
    Some((bubble, text, mine))
}

/// The bubble's body: its `span[dir="auto"]` runs; without them, its visible text minus a trailing time and
/// status word (S5 strips `H:MM`, S14 strips Seen/Sent/New).
fn body(bubble: &Element) -> String {
    if let Some((_, text)) = text_blocks(bubble, CHAT_BODY) {
        return text;
    }
    let mut text = visible_text(bubble);
    while let Some((rest, last)) = text.rsplit_once(' ') {
        if !is_status(last) {
            break;
        }
        text = rest.to_string();
    }
    text
}

/// "22:08", "Seen", "Sent", "New": the bubble's time and delivery status.
pub fn is_status(text: &str) -> bool {
    if matches!(text, "Seen" | "Sent" | "New") {
        return true;
    }
    let Some((h, m)) = text.split_once(':') else {
        return false;
    };
    (1..=2).contains(&h.len())
        && m.len() == 2
        && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
}

/// Mine when the row (or a wrapper between it and the bubble) is `justify-end`, theirs when `justify-start`
/// (S14 DM listener, S4); otherwise by layout.
fn side(row: &Element, bubble: &Element) -> Option<Side> {
    let mut node = Some(bubble.clone());
    while let Some(element) = node {
        let classes = element.class_list();
        if classes.contains("justify-end") {
            return Some(Side::Mine);
        }
        if classes.contains("justify-start") {
            return Some(Side::Theirs);
        }
        if &element == row {
            break;
        }
        node = element.parent_element();
    }
    side_by_layout(bubble, row)
}
