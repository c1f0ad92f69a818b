//! What the adapters find on a page, in site-independent terms, plus DOM query helpers they share.
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Someone on the page: the commenter we answer, or the Page/account acting.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Person {
    pub name: Option<String>,
    pub handle: Option<String>,
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
}

/// Facts about the page as a whole.
#[derive(Clone, Debug, Default)]
pub struct PageFacts {
    /// The Page or account the user is acting as (`{page}`).
    pub acting: Person,
}

/// Elements matching `selector` under `root` whose nearest `boundary` ancestor is `root` itself, i.e. not
/// inside a nested comment/post (a Facebook comment article contains its replies' articles).
pub fn own_elements(root: &Element, selector: &str, boundary: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .filter(|el| {
            el.parent_element()
                .and_then(|p| p.closest(boundary).ok().flatten())
                .as_ref()
                == Some(root)
        })
        .collect()
}

pub fn all(root: &web_sys::Document, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

pub fn all_in(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

/// Text as a person reads it: `<img alt>` (emoji) included, whitespace collapsed.
pub fn readable_text(element: &Element) -> String {
    let mut out = String::new();
    collect_text(element, &mut out);
    crate::dom::text::collapse(&out)
}

fn collect_text(node: &web_sys::Node, out: &mut String) {
    let mut child = node.first_child();
    while let Some(current) = child {
        match current.node_type() {
            web_sys::Node::TEXT_NODE => out.push_str(&current.text_content().unwrap_or_default()),
            web_sys::Node::ELEMENT_NODE => {
                if let Some(el) = current.dyn_ref::<Element>() {
                    if el.tag_name().eq_ignore_ascii_case("img") {
                        out.push_str(&el.get_attribute("alt").unwrap_or_default());
                    } else if el.get_attribute("data-answerdeck").is_none() {
                        collect_text(el, out);
                    }
                }
            }
            _ => {}
        }
        child = current.next_sibling();
    }
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
