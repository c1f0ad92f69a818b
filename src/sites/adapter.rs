//! Which adapter serves each surface: the one place that maps a [`Surface`] to the code that finds its
//! comments, composers and the facts of what a composer answers. The content app asks here and never
//! branches on sites itself.
use super::page::{ComposerFacts, PageFacts, ReplyTarget};
use super::surface::{Site, Surface};
use super::{facebook, x};
use web_sys::{Document, Element, HtmlElement};

/// The acting Page or account (`{page}`).
pub fn page_facts(surface: Surface, document: &Document) -> PageFacts {
    match surface.site() {
        Site::Facebook => facebook::page::page_facts(document),
        Site::X => x::page::page_facts(document),
    }
}

/// Customer comments and reply posts that get a `reply` control. Conversations have none: their messages are
/// answered through the one composer.
pub fn reply_targets(surface: Surface, document: &Document, facts: &PageFacts) -> Vec<ReplyTarget> {
    if surface.is_conversation() {
        return Vec::new();
    }
    match surface.site() {
        Site::Facebook => facebook::page::reply_targets(document, facts),
        Site::X => x::page::reply_targets(document, facts),
    }
}

/// What marks one comment or post of the surface (the unit [`reply_targets`] reads), when it has them.
pub fn unit_selector(surface: Surface) -> Option<&'static str> {
    if surface.is_conversation() {
        return None;
    }
    Some(match surface.site() {
        Site::Facebook => facebook::selectors::ARTICLE,
        Site::X => x::selectors::TWEET,
    })
}

/// The customer comments and posts on or near the screen ([`crate::dom::nearby`]), in document order: where
/// labels and notes chips go. Those far off screen are not read.
pub fn near_reply_targets(
    surface: Surface,
    document: &Document,
    facts: &PageFacts,
) -> Vec<ReplyTarget> {
    let mut found = Vec::new();
    let Some(unit) = unit_selector(surface) else {
        return found;
    };
    for element in super::page::all(document, unit) {
        if crate::dom::slice::out_of_time() {
            break; // the rest in the scan's next slice
        }
        if crate::dom::nearby::is_near(&element) {
            if let Some(target) = reply_target_of(surface, facts, &element) {
                found.push(target);
            }
        }
    }
    found
}

/// The customer comment or post `unit` is (one of [`reply_targets`]), if it is one.
pub fn reply_target_of(surface: Surface, facts: &PageFacts, unit: &Element) -> Option<ReplyTarget> {
    if surface.is_conversation() {
        return None;
    }
    match surface.site() {
        Site::Facebook => facebook::page::reply_target_of(facts, unit),
        Site::X => x::page::reply_target_of(facts, unit),
    }
}

/// Every native composer of the surface that gets a `composer` control.
pub fn composers(surface: Surface, document: &Document) -> Vec<HtmlElement> {
    match surface {
        Surface::FacebookPost | Surface::FacebookPage => facebook::page::composers(document),
        Surface::FacebookMessenger => facebook::messenger::composers(document),
        Surface::BusinessInbox => facebook::business::composers(document),
        Surface::XStatus | Surface::XCompose => x::page::composers(document),
        Surface::XChat => x::chat::composers(document),
        Surface::XLegacyDm => x::legacy_dm::composers(document),
    }
}

/// Whom `editor` answers, their latest text and its language, the conversation's key, the length target, and
/// whether the box can take text at all.
pub fn composer_facts(surface: Surface, document: &Document, editor: &Element) -> ComposerFacts {
    match surface {
        Surface::FacebookPost | Surface::FacebookPage => {
            facebook::page::composer_facts(document, editor)
        }
        Surface::FacebookMessenger => facebook::messenger::composer_facts(document, editor),
        Surface::BusinessInbox => facebook::business::composer_facts(document, editor),
        Surface::XStatus | Surface::XCompose => x::page::composer_facts(document, editor),
        Surface::XChat => x::chat::composer_facts(document, editor),
        Surface::XLegacyDm => x::legacy_dm::composer_facts(document, editor),
    }
}

/// Where the `composer` control goes (it is placed right after this element).
pub fn composer_anchor(surface: Surface, editor: &Element) -> Element {
    match surface.site() {
        Site::Facebook => facebook::page::composer_anchor(editor),
        Site::X => x::page::composer_anchor(editor),
    }
}

/// Why `editor` cannot take text right now, checked again when inserting (the page may have closed the box
/// since the picker opened).
pub fn unavailable(surface: Surface, editor: &Element) -> Option<String> {
    match surface {
        Surface::BusinessInbox => facebook::business::unavailable(editor),
        _ => None,
    }
}
