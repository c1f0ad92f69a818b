//! Customers waiting under a post on X (the status page, sites-x.md §2): one timer per customer post. The
//! page shows a reply's thread as the posts right after it, so a customer post is answered when the acting
//! account posts after it before another customer does (the customer's own follow-ups in between are the
//! same thread). Its time is exact: `time[datetime]` in its permalink.
use super::page::{page_facts, posts as all_posts};
use super::selectors::*;
use crate::sites::page::own_elements;
use crate::sites::waits::{posts, Post, Waiting};
use web_sys::Document;

pub fn replies(document: &Document) -> Vec<Waiting> {
    let facts = page_facts(document);
    let mut read = Vec::new();
    // Threads are runs of posts: a customer other than the last one starts the next run.
    let mut run = 0u32;
    let mut last: Option<String> = None;
    for (mine, target) in all_posts(document, &facts) {
        if !mine && target.author.handle != last {
            run += 1;
            last.clone_from(&target.author.handle);
        }
        let article = target.article;
        let time = own_elements(&article, TIME, TWEET).into_iter().next();
        let at = time.as_ref().and_then(|t| t.get_attribute("datetime"));
        // After the time's permalink, inside the author line (never inside the link).
        let after = time
            .and_then(|t| t.closest("a").ok().flatten())
            .unwrap_or(target.anchor);
        read.push(Post {
            mine,
            key: target.key,
            name: target.author.name,
            thread: Some(run.to_string()),
            at,
            owner: article,
            after,
        });
    }
    posts("x", &facts.acting.handle.unwrap_or_default(), read)
}
