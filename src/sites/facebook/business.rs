//! The Meta Business Suite inbox (`business.facebook.com/latest/inbox/…?selected_item_id=…`): the reply box of
//! the open thread — a Messenger conversation or a Facebook comment thread — and what it answers
//! (sites-facebook.md §1, §4). The reply box may be disabled (outside the messaging window): then nothing is
//! inserted and the picker says why.
use super::messenger::{composers_in_main, profile_id};
use super::selectors::*;
use super::thread;
use crate::core::fold::fold;
use crate::core::length::Target;
use crate::sites::page::{
    all, all_in, first_in, location_parts, readable_text, runs_except, text_runs, visible_text,
    ComposerFacts,
};
use crate::sites::url::{nonempty_query_param, parse_href};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// Every reply box of the open thread, the disabled one included (it gets a control that explains).
pub fn composers(document: &Document) -> Vec<HtmlElement> {
    let mut found = composers_in_main(document, COMPOSER_ANY);
    // A textbox nested in a Lexical root is the same box.
    found.retain(|c| {
        c.parent_element()
            .and_then(|p| p.closest(COMPOSER_ANY).ok().flatten())
            .is_none()
    });
    found
}

/// Whom the reply box answers. A comment thread (Facebook comments in the inbox) answers the latest comment
/// not written by the Page; a Messenger thread answers the person in the header, with the customer's latest
/// message as the text.
pub fn composer_facts(document: &Document, editor: &Element) -> ComposerFacts {
    let mut facts = ComposerFacts::new(Target::Messenger);
    facts.conversation = conversation_key(document);
    facts.unavailable = unavailable(editor);
    // The open thread's pane: the nearest ancestor of the box holding messages or comments (the inbox's
    // thread list, beside it in the same `main`, has rows too).
    let pane = format!("{MESSAGE_LIST}, {INBOX_COMMENT}");
    let mut scope = editor.parent_element();
    while let Some(element) = &scope {
        if element.matches(MAIN).unwrap_or(false) || first_in(element, &pane).is_some() {
            break;
        }
        scope = element.parent_element();
    }
    let Some(scope) = scope.or_else(|| document.body().map(Into::into)) else {
        return facts;
    };
    let acting = editor
        .get_attribute("aria-label")
        .and_then(|label| name_from_label(&label, COMMENT_AS_PREFIXES))
        .map(|name| fold(&name));
    let mut comments = all_in(&scope, INBOX_COMMENT);
    comments.retain(is_comment);
    if !comments.is_empty() {
        facts.target = Target::FacebookComment;
        for article in comments.iter().rev() {
            let Some((name, id, text)) = comment(article) else {
                continue;
            };
            if acting.as_deref() != Some(fold(&name).as_str()) {
                facts.person.name = Some(name);
                facts.person.id = id;
                facts.customer_text = Some(text).filter(|t| !t.is_empty());
                break;
            }
        }
        return facts;
    }
    let received = thread::latest_received(&thread::rows(&scope, editor));
    // The inbox holds one-to-one threads only: the header names the customer.
    let header = all_in(&scope, INBOX_HEADER).into_iter().next();
    let mut name = header.as_ref().and_then(|h| {
        let heading = first_in(h, HEADING).map(|e| visible_text(&e));
        heading.filter(|t| !t.is_empty()).or_else(|| {
            // No heading: the header's first line of words that is not a button ("Mark as done").
            runs_except(h, &|el| {
                el.matches(r#"button, [role="button"], img"#)
                    .unwrap_or(false)
                    || el.has_attribute("data-answerdeck")
            })
            .into_iter()
            .find(|run| run.chars().any(char::is_alphabetic))
        })
    });
    if let Some(received) = received {
        name = name.or(received.sender);
        facts.customer_text = Some(received.text);
    }
    facts.person.name = name.or_else(|| {
        let row = all(document, INBOX_SELECTED_ROW).into_iter().next()?;
        text_runs(&row).into_iter().next()
    });
    facts.person.id = header
        .and_then(|h| first_in(&h, PROFILE_LINK))
        .and_then(|a| a.get_attribute("href"))
        .and_then(|href| profile_id(&href));
    facts
}

/// An article that is a comment (the inbox may also render message bubbles as articles): a comment label
/// ("Comment by …", "Reply by …") or a comment permalink.
fn is_comment(article: &Element) -> bool {
    let label = article.get_attribute("aria-label").unwrap_or_default();
    name_from_label(&label, COMMENT_LABEL_PREFIXES).is_some()
        || first_in(article, COMMENT_LINK).is_some()
}

/// A comment's author, their profile id and the comment's text: the name from the first named link (the
/// author's profile) or the label ("Comment by …"), the text from its longest text block.
fn comment(article: &Element) -> Option<(String, Option<String>, String)> {
    let label = article.get_attribute("aria-label").unwrap_or_default();
    let link = all_in(article, PROFILE_LINK)
        .into_iter()
        .find(|a| !readable_text(a).is_empty());
    let name = link
        .as_ref()
        .map(readable_text)
        .or_else(|| name_from_label(&label, COMMENT_LABEL_PREFIXES))?;
    let id = link
        .and_then(|a| a.get_attribute("href"))
        .and_then(|href| profile_id(&href));
    let mut text = String::new();
    for block in all_in(article, MESSAGE_TEXT) {
        let candidate = visible_text(&block);
        if candidate.len() > text.len() && candidate != name {
            text = candidate;
        }
    }
    Some((name, id, text))
}

/// Why the box takes no text, when the Business Suite disabled it: Lexical's read-only root
/// (`contenteditable="false"`, `aria-readonly`) or a disabled composer region. The page's own notice is quoted when found.
pub fn unavailable(editor: &Element) -> Option<String> {
    let editable = editor
        .dyn_ref::<HtmlElement>()
        .is_some_and(HtmlElement::is_content_editable);
    let disabled = editor
        .closest(r#"[aria-disabled="true"], [aria-readonly="true"]"#)
        .ok()
        .flatten()
        .is_some();
    if editable && !disabled {
        return None;
    }
    // The page's explanation next to the box: an alert/status/note within a few levels around it.
    let mut notice = None;
    let mut scope = editor.parent_element();
    for _ in 0..5 {
        let Some(element) = scope else { break };
        notice = all_in(
            &element,
            r#"[role="alert"], [role="status"], [role="note"]"#,
        )
        .iter()
        .map(visible_text)
        .find(|t| !t.is_empty());
        if notice.is_some() {
            break;
        }
        scope = element.parent_element();
    }
    Some(match notice {
        Some(notice) => format!(
            "This conversation can't be answered here right now. Meta Business Suite says: “{notice}” Nothing was inserted."
        ),
        None => "This conversation can't be answered here right now: Meta Business Suite has closed its reply box (for example, the messaging window has ended). Nothing was inserted.".to_string(),
    })
}

/// `fb:inbox:<selected_item_id>` from the URL, else from the selected thread's link.
pub fn conversation_key(document: &Document) -> Option<String> {
    let from = |query: &str| {
        nonempty_query_param(query, "selected_item_id").map(|id| format!("fb:inbox:{id}"))
    };
    from(&location_parts(document).1).or_else(|| {
        let row = all(document, INBOX_SELECTED_ROW).into_iter().next()?;
        let href = row
            .get_attribute("href")
            .or_else(|| first_in(&row, "a[href]")?.get_attribute("href"))?;
        from(parse_href(&href)?.query)
    })
}
