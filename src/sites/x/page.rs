//! Finding customer replies, composers and the acting account on x.com.
use super::selectors::*;
use crate::core::length::Target;
use crate::dom::unit_memo::UnitMemo;
use crate::sites::page::{
    all, all_in, content_key, customers, html_elements, own_elements, readable_text, ComposerFacts,
    PageFacts, Person, ReplyTarget,
};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// Every post on the page not written by the acting account.
pub fn reply_targets(document: &Document, facts: &PageFacts) -> Vec<ReplyTarget> {
    customers(posts(document, facts))
}

/// Every post on the page in document order, each with whether the acting account wrote it.
pub fn posts(document: &Document, facts: &PageFacts) -> Vec<(bool, ReplyTarget)> {
    let acting = acting_handle(facts);
    let mut found = Vec::new();
    for tweet in all(document, TWEET) {
        if crate::dom::slice::out_of_time() {
            break; // the rest in the scan's next slice
        }
        if let Some(post) = judged_post(&tweet, &acting) {
            found.push(post);
        }
    }
    found
}

/// The post by someone else `tweet` is, if it is one: what a scan that looks at a few new posts asks instead of
/// reading the whole page.
pub fn reply_target_of(facts: &PageFacts, tweet: &Element) -> Option<ReplyTarget> {
    match judged_post(tweet, &acting_handle(facts))? {
        (false, target) => Some(target),
        (true, _) => None,
    }
}

fn acting_handle(facts: &PageFacts) -> Option<String> {
    facts.acting.handle.as_deref().map(str::to_ascii_lowercase)
}

/// The post `tweet` is, and whether the acting account wrote it.
fn judged_post(tweet: &Element, acting: &Option<String>) -> Option<(bool, ReplyTarget)> {
    if tweet.closest(DIALOG).ok().flatten().is_some() {
        return None; // the quoted post inside the reply modal
    }
    let target = POSTS.with(|memo| memo.read(tweet, &post))?;
    let mine =
        acting.is_some() && target.author.handle.as_deref().map(str::to_ascii_lowercase) == *acting;
    Some((mine, target))
}

thread_local! {
    /// Each post's reading, until something in it changes: every scan of a long thread asks for all of them.
    static POSTS: UnitMemo<Option<ReplyTarget>> = const { UnitMemo::new() };
}

fn post(tweet: &Element) -> Option<ReplyTarget> {
    let (name, handle) = author(tweet);
    let text_element = own_elements(tweet, TWEET_TEXT, TWEET).into_iter().next();
    let text = text_element.as_ref().map(readable_text).unwrap_or_default();
    let lang = text_element
        .and_then(|t| t.get_attribute("lang"))
        .filter(|l| !l.is_empty() && l != "und" && l != "zxx");
    let status = own_elements(tweet, STATUS_LINK, TWEET)
        .iter()
        .filter(|a| a.query_selector("time").ok().flatten().is_some())
        .chain(own_elements(tweet, STATUS_LINK, TWEET).iter())
        .find_map(|a| {
            a.get_attribute("href")
                .and_then(|h| super::url::status_id(&h))
        })
        .map(|(_, id)| id);
    if name.is_none() && handle.is_none() && status.is_none() {
        return None;
    }
    let key = status
        .map(|id| format!("x:status:{id}"))
        .unwrap_or_else(|| content_key("x:post", &[handle.as_deref().unwrap_or(""), &text]));
    let reply_button = own_elements(tweet, REPLY_BUTTON, TWEET)
        .into_iter()
        .next()
        .and_then(|b| b.dyn_into::<HtmlElement>().ok());
    let anchor = own_elements(tweet, ACTION_BAR, TWEET)
        .into_iter()
        .last()
        .unwrap_or_else(|| tweet.clone());
    Some(ReplyTarget {
        key,
        article: tweet.clone(),
        anchor,
        reply_button,
        author: Person {
            name,
            handle,
            id: None,
        },
        text,
        lang,
    })
}

/// Display name and handle from `User-Name`: the link whose text starts with "@" is the handle; the other
/// link's text is the name. Falls back to the first profile-looking link.
fn author(tweet: &Element) -> (Option<String>, Option<String>) {
    match own_elements(tweet, USER_NAME, TWEET).into_iter().next() {
        Some(block) => author_of(&block),
        None => (None, None),
    }
}

/// Name and handle from one `User-Name` block.
fn author_of(block: &Element) -> (Option<String>, Option<String>) {
    let mut name = None;
    let mut handle = None;
    for link in all_in(block, "a[href]") {
        let text = readable_text(&link);
        let href = link.get_attribute("href").unwrap_or_default();
        if href.contains("/status/") {
            continue;
        }
        if handle.is_none() && text.is_empty() {
            let path = href
                .trim_start_matches("https://x.com")
                .trim_start_matches('/');
            if !path.is_empty() && !path.contains('/') {
                handle = Some(path.to_string());
            }
        }
        if let Some(h) = text.strip_prefix('@') {
            handle.get_or_insert_with(|| h.to_string());
        } else if !text.is_empty() {
            name.get_or_insert(text);
        }
    }
    if name.is_none() {
        // Some layouts render the name as plain spans before the links.
        let spans = readable_text(block);
        name = spans
            .split(['@', '·'])
            .next()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from);
    }
    (name, handle)
}

pub fn composers(document: &Document) -> Vec<HtmlElement> {
    html_elements(all(document, COMPOSER))
}

/// The acting account: the profile link in the nav ("/nordlichtkaffee") and the name on the account switcher.
pub fn page_facts(document: &Document) -> PageFacts {
    let handle = document
        .query_selector(PROFILE_LINK)
        .ok()
        .flatten()
        .and_then(|a| a.get_attribute("href"))
        .map(|h| {
            h.trim_start_matches("https://x.com")
                .trim_matches('/')
                .to_string()
        })
        .filter(|h| !h.is_empty());
    let switcher = document
        .query_selector(ACCOUNT_SWITCHER)
        .ok()
        .flatten()
        .map(|s| readable_text(&s));
    let handle = handle.or_else(|| {
        let text = switcher.as_deref()?;
        text.split_whitespace()
            .find_map(|w| w.strip_prefix('@'))
            .map(String::from)
    });
    let name = switcher.and_then(|t| {
        t.split('@')
            .next()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
    });
    PageFacts {
        acting: Person {
            name,
            handle,
            id: None,
        },
        owner: None,
    }
}

/// What a composer answers and what its text must fit: the post being replied to or quoted — in a modal the
/// post shown there (the reply modal's copy, the compose modal's quoted post), inline the focused post — its
/// author, text, X's `lang` and status id. The user's own post answers nobody in particular: no person then.
pub fn composer_facts(document: &Document, editor: &Element) -> ComposerFacts {
    let mut facts = ComposerFacts::new(Target::XPost);
    let answered = match editor.closest(DIALOG).ok().flatten() {
        Some(dialog) => all_in(&dialog, TWEET)
            .iter()
            .find_map(post)
            .or_else(|| quoted(&dialog)),
        None => document
            .query_selector(r#"article[data-testid="tweet"][tabindex="-1"]"#)
            .ok()
            .flatten()
            .and_then(|p| post(&p)),
    };
    let acting = page_facts(document).acting.handle;
    if let Some(target) = answered {
        if target.key.starts_with("x:status:") {
            facts.conversation = Some(target.key);
        }
        let own = acting.is_some()
            && target.author.handle.as_deref().map(str::to_ascii_lowercase)
                == acting.map(|h| h.to_ascii_lowercase());
        if !own {
            facts.person = target.author;
            facts.customer_text = Some(target.text).filter(|t| !t.trim().is_empty());
            facts.lang = target.lang;
        }
    }
    if facts.conversation.is_none() {
        let (_, query) = crate::sites::page::location_parts(document);
        facts.conversation = crate::sites::url::nonempty_query_param(&query, "in_reply_to")
            .map(|id| format!("x:status:{id}"));
    }
    facts
}

/// A post shown in a modal without being an article (the reply modal's copy of the post, the compose modal's
/// quoted-post card): its `User-Name` block and the `tweetText` next to it; else just the handle of the
/// "Replying to @handle" link.
fn quoted(dialog: &Element) -> Option<ReplyTarget> {
    let (author, container) = match all_in(dialog, USER_NAME).into_iter().next() {
        Some(block) => {
            let (name, handle) = author_of(&block);
            // The post's own container: the nearest ancestor that also holds its text.
            let mut container = block.clone();
            while container
                .query_selector(TWEET_TEXT)
                .ok()
                .flatten()
                .is_none()
                && &container != dialog
            {
                match container.parent_element() {
                    Some(parent) => container = parent,
                    None => break,
                }
            }
            (
                Person {
                    name,
                    handle,
                    id: None,
                },
                container,
            )
        }
        None => {
            let handle = all_in(dialog, ACCOUNT_LINK).iter().find_map(|a| {
                let text = readable_text(a);
                let handle = text.strip_prefix('@')?;
                (!handle.is_empty() && !handle.contains(' ')).then(|| handle.to_string())
            })?;
            let author = Person {
                handle: Some(handle),
                ..Person::default()
            };
            (author, dialog.clone())
        }
    };
    let text_element = container.query_selector(TWEET_TEXT).ok().flatten();
    let status = all_in(&container, STATUS_LINK)
        .iter()
        .find_map(|a| super::url::status_id(&a.get_attribute("href")?))
        .map(|(_, id)| format!("x:status:{id}"));
    Some(ReplyTarget {
        key: status.unwrap_or_default(),
        article: container.clone(),
        anchor: container,
        reply_button: None,
        author,
        text: text_element.as_ref().map(readable_text).unwrap_or_default(),
        lang: text_element
            .and_then(|t| t.get_attribute("lang"))
            .filter(|l| !l.is_empty() && l != "und" && l != "zxx"),
    })
}

/// Where a composer's control goes: after the Draft.js root (outside the part React re-renders for text).
pub fn composer_anchor(editor: &Element) -> Element {
    editor
        .closest(".DraftEditor-root")
        .ok()
        .flatten()
        .unwrap_or_else(|| editor.clone())
}

/// The composer that answers `target`: for the focused post the inline box; otherwise the modal that its
/// reply button opened.
pub fn find_reply_box(
    document: &Document,
    target: &ReplyTarget,
    before: &[HtmlElement],
) -> Option<HtmlElement> {
    if let Some(dialog) = document.query_selector(DIALOG).ok().flatten() {
        if let Some(found) = all_in(&dialog, COMPOSER)
            .into_iter()
            .find_map(|c| c.dyn_into::<HtmlElement>().ok())
        {
            return Some(found);
        }
    }
    let fresh: Vec<HtmlElement> = composers(document)
        .into_iter()
        .filter(|c| !before.contains(c))
        .collect();
    if let Some(found) = fresh.into_iter().next() {
        return Some(found);
    }
    // The focused post is answered by the inline composer right below it.
    if target.article.get_attribute("tabindex").as_deref() == Some("-1") {
        return composers(document)
            .into_iter()
            .find(|c| c.closest(DIALOG).ok().flatten().is_none());
    }
    None
}
