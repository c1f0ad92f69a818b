//! Customers waiting under a Page's posts (post permalink, Page timeline and its post dialog;
//! sites-facebook.md §2.1): one timer per customer comment or reply. A comment is answered when the Page
//! commented after it in the same thread: every comment of a thread carries the top comment's `comment_id`
//! in its permalink (replies add `reply_comment_id`), and a thread lists its replies oldest first. Its time is
//! the permalink's relative text (`5m`, `3 Std.`), else the end of its label ("Comment by X 2 hours ago").
use super::page::{comments as all_comments, page_facts};
use super::selectors::*;
use crate::dom::unit_memo::UnitMemo;
use crate::sites::page::{own_elements, readable_text};
use crate::sites::url::{nonempty_query_param, parse_href};
use crate::sites::waits::{label_time, posts, Post, Waiting};
use web_sys::{Document, Element};

pub fn comments(document: &Document) -> Vec<Waiting> {
    let facts = page_facts(document);
    let mut read = Vec::new();
    for (mine, target) in all_comments(document, &facts) {
        let article = target.article;
        let (thread, at, after) = READINGS.with(|memo| memo.read(&article, &reading));
        read.push(Post {
            mine,
            key: target.key,
            name: target.author.name,
            thread,
            at,
            owner: article,
            after: after.unwrap_or(target.anchor),
        });
    }
    let page = facts.acting.name.unwrap_or_default();
    posts("facebook", &page, read)
}

thread_local! {
    /// Each comment's thread, time and timer place, until something in the comment changes.
    static READINGS: UnitMemo<(Option<String>, Option<String>, Option<Element>)> = const { UnitMemo::new() };
}

/// A comment's thread (its top comment's id), its time as shown, and where its timer goes when the comment has a
/// permalink (beside the time, inside its list item and outside the link).
fn reading(article: &Element) -> (Option<String>, Option<String>, Option<Element>) {
    let link = own_elements(article, COMMENT_LINK, ARTICLE)
        .into_iter()
        .next();
    let thread = link.as_ref().and_then(|a| {
        let href = a.get_attribute("href")?;
        Some(nonempty_query_param(parse_href(&href)?.query, "comment_id")?.to_string())
    });
    let text = link.as_ref().map(readable_text).unwrap_or_default();
    let at = if text.chars().any(|c| c.is_ascii_digit()) {
        Some(text)
    } else {
        let label = article.get_attribute("aria-label").unwrap_or_default();
        label_time(&label).map(str::to_string)
    };
    (thread, at, link.and_then(|a| a.parent_element()))
}
