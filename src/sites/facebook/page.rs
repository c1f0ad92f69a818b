//! Finding customer comments, composers and the acting Page on facebook.com.
use super::selectors::*;
use crate::core::fold::fold;
use crate::core::length::Target;
use crate::dom::unit_memo::UnitMemo;
use crate::sites::page::{
    all, all_in, content_key, customers, html_elements, own_elements, readable_text, ComposerFacts,
    PageFacts, Person, ReplyTarget,
};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// Customer comments and replies: articles nested in a post article or a post dialog that look like comments
/// (a comment permalink, a comment label, or a Reply action of their own). Comments by the acting Page are
/// left out: nobody answers their own comment.
///
/// The acting Page is known from the composer label ("Comment as …") where Facebook shows it; where it does not
/// (older "Write a comment…" label), comments by the post's owner are still recognised by their profile link:
/// on `/<page>/posts/…` and on the Page's timeline `/<page>`, a link to `/<page>` is the Page itself.
pub fn reply_targets(document: &Document, facts: &PageFacts) -> Vec<ReplyTarget> {
    customers(comments(document, facts))
}

/// Every comment and reply on the page in document order, each with whether the acting Page (or the post's
/// owner) wrote it.
pub fn comments(document: &Document, facts: &PageFacts) -> Vec<(bool, ReplyTarget)> {
    let page = ActingPage::of(facts);
    let mut found = Vec::new();
    for article in all(document, ARTICLE) {
        if crate::dom::slice::out_of_time() {
            break; // the rest in the scan's next slice
        }
        if let Some(comment) = page.comment(&article) {
            found.push(comment);
        }
    }
    found
}

/// The customer comment `article` is, if it is one (see [`reply_targets`]): what a scan that looks at a few new
/// articles asks instead of reading the whole page.
pub fn reply_target_of(facts: &PageFacts, article: &Element) -> Option<ReplyTarget> {
    match ActingPage::of(facts).comment(article)? {
        (false, target) => Some(target),
        (true, _) => None,
    }
}

/// Who answers on this page, to tell the Page's own comments from its customers'.
struct ActingPage {
    /// The acting Page's name, folded.
    acting: Option<String>,
    /// The vanity name of the Page whose post this is.
    owner: Option<String>,
}

impl ActingPage {
    fn of(facts: &PageFacts) -> Self {
        ActingPage {
            acting: facts.acting.name.as_deref().map(fold),
            owner: facts.owner.clone(),
        }
    }

    /// The comment `article` is, and whether the Page wrote it.
    fn comment(&self, article: &Element) -> Option<(bool, ReplyTarget)> {
        let (target, profile) = COMMENTS.with(|memo| memo.read(article, &read_comment))?;
        let by_page = (self.acting.is_some()
            && target.author.name.as_deref().map(fold) == self.acting)
            || (self.owner.is_some() && profile == self.owner);
        Some((by_page, target))
    }
}

thread_local! {
    /// Each article's reading, until something in it changes: every scan of a long post asks for all of them.
    static COMMENTS: UnitMemo<Option<(ReplyTarget, Option<String>)>> = const { UnitMemo::new() };
}

/// A comment and the profile its author links to.
fn read_comment(article: &Element) -> Option<(ReplyTarget, Option<String>)> {
    let target = comment(article)?;
    Some((target, profile_of(article)))
}

/// The vanity name of the Page whose post or timeline this is, from the URL's first path segment.
fn page_owner(document: &Document) -> Option<String> {
    let path = document.location()?.pathname().ok()?;
    profile_segment(&path)
}

/// The profile (vanity) an author link points to: the first path segment of its href, lowercased.
fn profile_of(article: &Element) -> Option<String> {
    let link = own_elements(article, LINK, ARTICLE).into_iter().find(|a| {
        let text = readable_text(a);
        !text.is_empty() && !looks_like_relative_time(&text)
    })?;
    let href = link.get_attribute("href")?;
    let path = href
        .split_once("facebook.com")
        .map(|(_, p)| p.to_string())
        .unwrap_or(href);
    profile_segment(&path)
}

fn profile_segment(path: &str) -> Option<String> {
    let segment = path
        .trim_start_matches('/')
        .split(['/', '?', '#'])
        .next()?
        .to_ascii_lowercase();
    let not_a_profile = [
        "",
        "profile.php",
        "people",
        "groups",
        "permalink.php",
        "story.php",
        "photo.php",
        "photo",
        "watch",
        "reel",
    ];
    (!not_a_profile.contains(&segment.as_str())).then_some(segment)
}

fn comment(article: &Element) -> Option<ReplyTarget> {
    let nested = article
        .parent_element()?
        .closest(&format!("{ARTICLE}, {DIALOG}"))
        .ok()??;
    let _ = nested;
    let label = article.get_attribute("aria-label").unwrap_or_default();
    let labelled = name_from_label(&label, COMMENT_LABEL_PREFIXES);
    let link = own_elements(article, COMMENT_LINK, ARTICLE)
        .into_iter()
        .next();
    let reply_button = own_elements(article, BUTTON, ARTICLE)
        .into_iter()
        .find(|b| REPLY_WORDS.contains(&fold(readable_text(b).as_str()).as_str()))
        .and_then(|b| b.dyn_into::<HtmlElement>().ok());
    if labelled.is_none() && link.is_none() && reply_button.is_none() {
        return None;
    }
    // The author's name is the first link with text that is not the relative-time permalink ("2h", "3 Std.").
    // Both carry comment_id and tracking parameters on Facebook, so the text tells them apart.
    let author_link = own_elements(article, LINK, ARTICLE).into_iter().find(|a| {
        let text = readable_text(a);
        !text.is_empty()
            && !looks_like_relative_time(&text)
            && !a.get_attribute("href").unwrap_or_default().starts_with('#')
    });
    let name = author_link
        .as_ref()
        .map(readable_text)
        .filter(|n| !n.is_empty())
        .or(labelled);
    // Facebook shows no @handles in comments; `{handle}` falls back to its default there.
    let handle = None;
    let text = own_elements(article, TEXT_BLOCK, ARTICLE)
        .iter()
        .map(readable_text)
        .filter(|t| Some(t) != name.as_ref())
        .max_by_key(|t| t.len())
        .unwrap_or_default();
    let key = link
        .and_then(|l| l.get_attribute("href"))
        .and_then(|href| super::url::comment_id(&href))
        .map(|id| format!("fb:comment:{id}"))
        .unwrap_or_else(|| content_key("fb:comment", &[name.as_deref().unwrap_or(""), &text]));
    let anchor = reply_button
        .as_ref()
        .and_then(|b| b.parent_element())
        .unwrap_or_else(|| article.clone());
    Some(ReplyTarget {
        key,
        article: article.clone(),
        anchor,
        reply_button,
        author: Person {
            name,
            handle,
            id: None,
        },
        text,
        lang: None,
    })
}

/// "2h", "5 m", "3 Std.", "1 w", "Just now"-free short labels: a digit within a few characters.
fn looks_like_relative_time(text: &str) -> bool {
    text.chars().count() <= 12 && text.chars().any(|c| c.is_ascii_digit())
}

/// Every native composer: Lexical editors (comment box, reply boxes).
pub fn composers(document: &Document) -> Vec<HtmlElement> {
    html_elements(all(document, COMPOSER))
}

/// The Page the user comments as, from the main composer's label ("Comment as Nordlicht Kaffee").
pub fn page_facts(document: &Document) -> PageFacts {
    let name = all(document, COMPOSER)
        .iter()
        .filter_map(|c| c.get_attribute("aria-label"))
        .find_map(|label| name_from_label(&label, COMMENT_AS_PREFIXES));
    PageFacts {
        acting: Person {
            name,
            handle: None,
            id: None,
        },
        owner: page_owner(document),
    }
}

/// Who a composer answers: a reply box says so in its label ("Reply to Jonas Becker").
fn composer_person(editor: &Element) -> Person {
    let name = editor
        .get_attribute("aria-label")
        .and_then(|l| name_from_label(&l, REPLY_TO_PREFIXES));
    Person {
        name,
        handle: None,
        id: None,
    }
}

/// What a composer answers and what its text must fit. A reply box answers the commenter its label names:
/// that person's latest comment in the thread the box sits in gives the text and the comment id. The main
/// comment box answers nobody in particular.
pub fn composer_facts(document: &Document, editor: &Element) -> ComposerFacts {
    let mut facts = ComposerFacts::new(Target::FacebookComment);
    facts.person = composer_person(editor);
    let Some(name) = facts.person.name.as_deref().map(fold) else {
        return facts;
    };
    // Whoever wrote them: the name tells the person's comments apart.
    let comments = comments(document, &PageFacts::default());
    // The nearest enclosing element that holds a comment by that person is the box's thread.
    let mut scope = editor.parent_element();
    for _ in 0..8 {
        let Some(element) = scope else { break };
        if let Some((_, comment)) = comments.iter().rev().find(|(_, c)| {
            element.contains(Some(&c.article))
                && c.author.name.as_deref().map(fold) == Some(name.clone())
        }) {
            facts.customer_text = Some(comment.text.clone()).filter(|t| !t.trim().is_empty());
            facts.conversation = Some(comment.key.clone());
            break;
        }
        scope = element.parent_element();
    }
    facts
}

/// Where a composer's control goes: right after the editor element (inside Facebook's wrapper, outside
/// Lexical's root, whose children Lexical owns).
pub fn composer_anchor(editor: &Element) -> Element {
    editor.clone()
}

/// The reply box of `target`'s thread once it is open: a composer that appeared after `before` was taken,
/// preferably the focused one (Facebook focuses the box it opens), near the comment.
pub fn find_new_reply_box(
    document: &Document,
    target: &ReplyTarget,
    before: &[HtmlElement],
) -> Option<HtmlElement> {
    let fresh: Vec<HtmlElement> = composers(document)
        .into_iter()
        .filter(|c| !before.contains(c))
        .collect();
    if let Some(active) = document
        .active_element()
        .and_then(|a| a.dyn_into::<HtmlElement>().ok())
    {
        if fresh.contains(&active) {
            return Some(active);
        }
    }
    let near = thread_container(&target.article);
    fresh
        .iter()
        .find(|c| near.as_ref().is_some_and(|n| n.contains(Some(c))))
        .or_else(|| fresh.first())
        .cloned()
        .or_else(|| {
            // The box was already open: the one in this comment's thread labelled with the author's name.
            let scope = near?;
            all_in(&scope, COMPOSER)
                .into_iter()
                .find_map(|c| c.dyn_into::<HtmlElement>().ok())
        })
}

/// The element holding a comment and its replies: its parent, or the list item around it.
fn thread_container(article: &Element) -> Option<Element> {
    article
        .closest("li")
        .ok()
        .flatten()
        .or_else(|| article.parent_element())
}

/// When a comment has no Reply action, the nearest composer of the same post (the main comment box).
pub fn nearest_composer(target: &ReplyTarget) -> Option<HtmlElement> {
    let mut scope = target.article.parent_element();
    while let Some(element) = scope {
        if let Some(found) = all_in(&element, COMPOSER)
            .into_iter()
            .find_map(|c| c.dyn_into::<HtmlElement>().ok())
        {
            return Some(found);
        }
        scope = element.parent_element();
    }
    None
}
