//! Customers waiting under a post on X (the status page, sites-x.md §2): one timer per customer post. The
//! page shows a reply's thread as the posts right after it, so the posts run in threads named by their latest
//! customer, and a customer post is answered by the account's first later post in a thread of the same
//! customer (their own follow-ups in between stay in it; another customer starts another). Its time is exact:
//! `time[datetime]` in its permalink.
use super::page::{page_facts, posts as all_posts};
use super::selectors::*;
use crate::dom::unit_memo::UnitMemo;
use crate::sites::page::own_elements;
use crate::sites::waits::{posts, Post, Waiting};
use web_sys::{Document, Element};

pub fn replies(document: &Document) -> Vec<Waiting> {
    let facts = page_facts(document);
    let mut read = Vec::new();
    // Threads are runs of posts, named by their customer: a customer other than the last one starts the next.
    let mut last: Option<String> = None;
    for (mine, target) in all_posts(document, &facts) {
        if !mine {
            last.clone_from(&target.author.handle);
        }
        let article = target.article;
        let (at, after) = READINGS.with(|memo| memo.read(&article, &reading));
        read.push(Post {
            mine,
            key: target.key,
            name: target.author.name,
            thread: last.clone(),
            at,
            owner: article,
            after: after.unwrap_or(target.anchor),
        });
    }
    posts("x", &facts.acting.handle.unwrap_or_default(), read)
}

thread_local! {
    /// Each post's time and timer place, until something in the post changes.
    static READINGS: UnitMemo<(Option<String>, Option<Element>)> = const { UnitMemo::new() };
}

/// A post's exact time, and where its timer goes: after the time's permalink, inside the author line (never
/// inside the link).
fn reading(post: &Element) -> (Option<String>, Option<Element>) {
    let time = own_elements(post, TIME, TWEET).into_iter().next();
    let at = time.as_ref().and_then(|t| t.get_attribute("datetime"));
    (at, time.and_then(|t| t.closest("a").ok().flatten()))
}
