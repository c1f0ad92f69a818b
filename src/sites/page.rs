//! What the adapters find on a page, in site-independent terms, plus DOM query helpers they share.
use crate::dom::query_cache::elements_of;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Someone on the page: the commenter we answer, or the Page/account acting.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Person {
    pub name: Option<String>,
    pub handle: Option<String>,
    /// The platform's own id for this person when the page shows it (a Facebook profile id from a profile
    /// link, an X user id from a 1:1 conversation id), for labels and notes that must survive renames.
    pub id: Option<String>,
}

/// A customer comment (Facebook) or reply post (X) that can be answered.
#[derive(Clone, Debug)]
pub struct ReplyTarget {
    /// The platform's id for it (comment id, status id), or a content-derived key when the page has none.
    pub key: String,
    /// The comment/post element; the control's lifetime is tied to it.
    pub article: Element,
    /// Where the `reply` control goes (inside the article, usually its action row).
    pub anchor: Element,
    /// The native action that opens this comment's reply box, when the page has one.
    pub reply_button: Option<HtmlElement>,
    pub author: Person,
    pub text: String,
    /// The language the site says the text is in (X's `lang`), if any.
    pub lang: Option<String>,
}

/// What an adapter knows about one composer: whom it answers and what the text must fit.
#[derive(Clone, Debug)]
pub struct ComposerFacts {
    /// The customer this composer answers (commenter, conversation partner), as far as the page shows.
    pub person: Person,
    /// The customer's message or comment being answered (latest first-hand text), for language and suggestions.
    pub customer_text: Option<String>,
    /// The language the site says that text is in (X's `lang`), if any.
    pub lang: Option<String>,
    /// What the text becomes on this surface, and so its length limit.
    pub target: crate::core::length::Target,
    /// The platform's key of the conversation this composer answers in, stable across visits: `fb:thread:<id>`
    /// (Messenger), `fb:e2ee:<id>` (encrypted Messenger), `fb:inbox:<selected_item_id>` (Business Suite),
    /// `x:dm:<a>-<b>` / `x:dm:g<id>` (X Chat and legacy DMs share X's conversation ids), `x:status:<id>` (the
    /// post answered on X), `fb:comment:<id>` (the comment answered). `None` when the page does not show one.
    pub conversation: Option<String>,
    /// Why this composer cannot take text now (the Business Suite closes a conversation's reply box outside
    /// the messaging window); `None` when it can. The picker says this instead of inserting.
    pub unavailable: Option<String>,
}

impl ComposerFacts {
    /// Facts that know nothing yet but the target: the starting point every adapter fills in.
    pub fn new(target: crate::core::length::Target) -> ComposerFacts {
        ComposerFacts {
            person: Person::default(),
            customer_text: None,
            lang: None,
            target,
            conversation: None,
            unavailable: None,
        }
    }
}

/// The targets the user did not write, from `(written by the user, target)` pairs (one loop for both sites).
pub fn customers(all: Vec<(bool, ReplyTarget)>) -> Vec<ReplyTarget> {
    let mut found = Vec::new();
    for (mine, target) in all {
        if !mine {
            found.push(target);
        }
    }
    found
}

/// Facts about the page as a whole.
#[derive(Clone, Debug, Default)]
pub struct PageFacts {
    /// The Page or account the user is acting as (`{page}`).
    pub acting: Person,
    /// The vanity name of the Facebook Page whose post or timeline this is, from the URL (its comments are the
    /// Page's own, whoever the composer says the user comments as).
    pub owner: Option<String>,
}

/// Elements matching `selector` under `root` whose nearest `boundary` ancestor is `root` itself, i.e. not
/// inside a nested comment/post (a Facebook comment article contains its replies' articles).
pub fn own_elements(root: &Element, selector: &str, boundary: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    elements_of(&list)
        .into_iter()
        .filter(|el| {
            el.parent_element()
                .and_then(|p| p.closest(boundary).ok().flatten())
                .as_ref()
                == Some(root)
        })
        .collect()
}

/// The HTML elements among `elements` (one loop for every site's composers: one instantiation, not four).
pub fn html_elements(elements: Vec<Element>) -> Vec<HtmlElement> {
    let mut found = Vec::new();
    for element in elements {
        if let Ok(html) = element.dyn_into::<HtmlElement>() {
            found.push(html);
        }
    }
    found
}

/// Every element matching `selector`, in document order (shared by the scans until the page changes:
/// [`crate::dom::query_cache`]).
pub fn all(root: &web_sys::Document, selector: &str) -> Vec<Element> {
    crate::dom::query_cache::all(root, selector)
}

pub fn all_in(root: &Element, selector: &str) -> Vec<Element> {
    match root.query_selector_all(selector) {
        Ok(list) => elements_of(&list),
        Err(_) => Vec::new(),
    }
}

/// Text as a person reads it: `<img alt>` (emoji) included, whitespace collapsed.
pub fn readable_text(element: &Element) -> String {
    joined(element, &|el| el.has_attribute("data-answerdeck"))
}

/// Calls `each` with every text node's text and every `<img alt>` under `node`, in document order, not
/// descending into elements `skip` rejects. One walker for every text read (a `dyn` predicate keeps the
/// content-script wasm small: one copy instead of one per caller).
pub fn walk_text(
    node: &web_sys::Node,
    skip: &dyn Fn(&Element) -> bool,
    each: &mut dyn FnMut(String),
) {
    let mut child = node.first_child();
    while let Some(current) = child {
        if current.node_type() == web_sys::Node::TEXT_NODE {
            each(current.text_content().unwrap_or_default());
        } else if let Some(el) = current.dyn_ref::<Element>() {
            if !skip(el) {
                if el.tag_name().eq_ignore_ascii_case("img") {
                    each(el.get_attribute("alt").unwrap_or_default());
                } else {
                    walk_text(el, skip, each);
                }
            }
        }
        child = current.next_sibling();
    }
}

/// The text under `element` (minus what `skip` rejects), whitespace collapsed.
fn joined(element: &Element, skip: &dyn Fn(&Element) -> bool) -> String {
    let mut out = String::new();
    walk_text(element, skip, &mut |text| out.push_str(&text));
    crate::dom::text::collapse(&out)
}

/// The text runs under `element` (minus what `skip` rejects): each text node and image `alt`, collapsed,
/// empty ones left out.
pub fn runs_except(element: &Element, skip: &dyn Fn(&Element) -> bool) -> Vec<String> {
    let mut runs = Vec::new();
    walk_text(element, skip, &mut |text| {
        let text = crate::dom::text::collapse(&text);
        if !text.is_empty() {
            runs.push(text);
        }
    });
    runs
}

/// The visible texts of the `selector` matches under `root` that are not inside another match under `root`
/// (a message's text blocks), empty ones left out, with the first block.
pub fn text_blocks(root: &Element, selector: &str) -> Option<(Element, String)> {
    let mut first = None;
    let mut lines = Vec::new();
    for block in all_in(root, selector) {
        let nested = block
            .parent_element()
            .and_then(|p| p.closest(selector).ok().flatten())
            .is_some_and(|outer| root.contains(Some(&outer)));
        let text = visible_text(&block);
        if !nested && !text.is_empty() {
            lines.push(text);
            first.get_or_insert(block);
        }
    }
    Some((first?, one_per_line(&lines)))
}

/// `parts` one per line (a loop, not `join`: one less generic instantiation in the content-script wasm).
pub fn one_per_line(parts: &[String]) -> String {
    let mut out = String::new();
    for part in parts {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(part);
    }
    out
}

fn hidden(el: &Element) -> bool {
    el.has_attribute("data-answerdeck")
        || el.get_attribute("aria-hidden").as_deref() == Some("true")
}

/// Whether this element is somewhere the user can type text (contenteditable, textarea, text input).
pub fn is_editable(element: &Element) -> bool {
    if let Some(html) = element.dyn_ref::<HtmlElement>() {
        if html.is_content_editable() {
            return true;
        }
    }
    let tag = element.tag_name().to_ascii_lowercase();
    tag == "textarea"
        || (tag == "input"
            && matches!(
                element.get_attribute("type").as_deref(),
                None | Some("text") | Some("search")
            ))
}

/// A short stable hash for content-derived keys (FNV-1a), when the page gives no id.
pub fn content_key(prefix: &str, parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf29ce484222325;
    for part in parts {
        for byte in part.bytes().chain(std::iter::once(0)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x100000001b3);
        }
    }
    format!("{prefix}:h{hash:016x}")
}

/// The first element matching `selector` under `root`.
pub fn first_in(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

/// Like [`readable_text`], but without `aria-hidden` parts: message bubbles carry their time and status
/// ("10:42", "Seen") in hidden nodes next to the text (sites-x.md §5).
pub fn visible_text(element: &Element) -> String {
    joined(element, &hidden)
}

/// Which side of a conversation a message is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// Sent by the user (the Page, the brand's account): right-aligned.
    Mine,
    /// Received from the customer: left-aligned.
    Theirs,
}

/// The side a message is drawn on, from layout: every messenger aligns outgoing messages to the end and
/// incoming ones to the start (sites-facebook.md §3.1 "Sent vs received", sites-x.md §4, §5). First the
/// flex alignment of the text's ancestors up to `row` (an ancestor aligning to the end means outgoing), then
/// the geometry of the text inside the row. `None` when neither tells (nothing laid out).
pub fn side_by_layout(text: &Element, row: &Element) -> Option<Side> {
    let window = crate::dom::window();
    let mut saw_start = false;
    let mut node = Some(text.clone());
    while let Some(element) = node {
        if let Ok(Some(style)) = window.get_computed_style(&element) {
            let display = style.get_property_value("display").unwrap_or_default();
            if display.contains("flex") {
                let column = style
                    .get_property_value("flex-direction")
                    .unwrap_or_default()
                    .starts_with("column");
                let main = style
                    .get_property_value(if column {
                        "align-items"
                    } else {
                        "justify-content"
                    })
                    .unwrap_or_default();
                match main.as_str() {
                    "flex-end" | "end" | "right" => return Some(Side::Mine),
                    "flex-start" | "start" | "left" => saw_start = true,
                    _ => {}
                }
            }
        }
        if &element == row {
            break;
        }
        node = element.parent_element();
    }
    if saw_start {
        return Some(Side::Theirs);
    }
    let (inner, outer) = (
        text.get_bounding_client_rect(),
        row.get_bounding_client_rect(),
    );
    if inner.width() <= 0.0 || outer.width() <= 0.0 {
        return None;
    }
    let (left_gap, right_gap) = (inner.left() - outer.left(), outer.right() - inner.right());
    // A few pixels either way is rounding, not alignment.
    if (left_gap - right_gap).abs() < 8.0 {
        None
    } else if left_gap > right_gap {
        Some(Side::Mine)
    } else {
        Some(Side::Theirs)
    }
}

/// The page's path and query string (without `?`), for ids the URL carries (thread ids, `selected_item_id`).
pub fn location_parts(document: &web_sys::Document) -> (String, String) {
    let Some(location) = document.location() else {
        return (String::new(), String::new());
    };
    let path = location.pathname().unwrap_or_default();
    let query = location.search().unwrap_or_default();
    (path, query.trim_start_matches('?').to_string())
}

/// The text of `element` split into its visible runs (aria-hidden parts and images left out). Headers and list rows put
/// name, handle and time in separate spans; this keeps them apart.
pub fn text_runs(element: &Element) -> Vec<String> {
    runs_except(element, &|el| {
        hidden(el) || el.tag_name().eq_ignore_ascii_case("img")
    })
}
