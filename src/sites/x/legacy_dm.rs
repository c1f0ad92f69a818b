//! Legacy X DMs (`/messages/<A>-<B>`): the Draft.js composer of the open conversation and what it answers
//! (sites-x.md §1, §4).
use super::selectors::*;
use crate::core::length::Target;
use crate::sites::page::{
    all, all_in, first_in, html_elements, location_parts, side_by_layout, text_blocks, text_runs,
    ComposerFacts, Side,
};
use web_sys::{Document, Element, HtmlElement};

pub fn composers(document: &Document) -> Vec<HtmlElement> {
    let mut found = all(document, DM_COMPOSER);
    if found.is_empty() {
        found = all(document, COMPOSER);
    }
    html_elements(found)
}

/// The customer: the conversation header (`#detail-header`), else the profile card at the top of the thread,
/// else the selected inbox row (whose avatar links to `/<handle>`); the customer's latest message and its
/// `lang`; the conversation id from the URL.
pub fn composer_facts(document: &Document, editor: &Element) -> ComposerFacts {
    let mut facts = ComposerFacts::new(Target::XDm);
    facts.conversation =
        super::url::chat_id(&location_parts(document).0).map(|id| format!("x:dm:{id}"));
    let scope = editor
        .closest(DM_CONVERSATION_VIEW)
        .ok()
        .flatten()
        .or_else(|| editor.closest("main").ok().flatten())
        .or_else(|| document.body().map(Into::into));
    let Some(scope) = scope else { return facts };
    let row = all(document, DM_SELECTED_ROW).into_iter().next();
    let blocks = [
        first_in(&scope, DM_HEADER).or_else(|| document.get_element_by_id("detail-header")),
        first_in(&scope, DM_PROFILE_HEADER),
        row.clone(),
    ];
    for block in blocks.iter().flatten() {
        for run in text_runs(block) {
            match run.strip_prefix('@') {
                Some(handle) if !handle.is_empty() && !handle.contains(' ') => {
                    facts.person.handle.get_or_insert(handle.to_string());
                }
                Some(_) => {}
                None if run.chars().any(char::is_alphabetic) => {
                    facts.person.name.get_or_insert(run);
                }
                None => {}
            }
        }
    }
    if facts.person.handle.is_none() {
        facts.person.handle = row
            .and_then(|r| first_in(&r, DM_ROW_AVATAR))
            .and_then(|a| a.get_attribute("href"))
            .map(|h| h.trim_matches('/').to_string())
            .filter(|h| !h.is_empty() && !h.contains('/'));
    }
    // The latest message not sent by the user.
    for entry in all_in(&scope, DM_MESSAGE).iter().rev() {
        if let Some((first, text, false)) = message(entry) {
            facts.customer_text = Some(text);
            facts.lang = first
                .get_attribute("lang")
                .filter(|l| !l.is_empty() && l != "und" && l != "zxx");
            break;
        }
    }
    facts
}

/// A message's first text block, its text and whether the user sent it. Outgoing messages are pressable
/// (`role="button"`), incoming ones are not (S3 `Rs.root.sent`, S8); layout decides for pages that drop the role.
pub fn message(entry: &Element) -> Option<(Element, String, bool)> {
    let (first, text) = text_blocks(entry, DM_MESSAGE_TEXT)?;
    let mine = entry.get_attribute("role").as_deref() == Some("button")
        || side_by_layout(&first, entry) == Some(Side::Mine);
    Some((first, text, mine))
}
