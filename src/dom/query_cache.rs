//! Document-wide element lists shared by the scans until the page changes.
//!
//! Why: `querySelectorAll` on an attribute selector (`[role="article"]`, a composer's `[contenteditable]`) walks
//! every element, about 2 ms on a 400-thread post. One round of scans (reply controls, labels, timers, each in
//! 12 ms slices that start over) asked for the same few lists a dozen times. Between two changes of the page they
//! are the same lists.
//!
//! Only scans use it (inside [`super::slice::run`]): code that acts right after changing the page itself (open a
//! reply box, then find it) always queries afresh. The page observer forgets the lists an added or removed
//! element may change ([`forget_touched`]: a new comment forgets the comments, not the comment boxes), and all of
//! them when an observed attribute changes ([`forget`]); a list older than [`MAX_AGE_MS`] is not trusted either,
//! for a page no observer watches.
use std::cell::RefCell;
use web_sys::{Document, Element};

/// How long a list is trusted without an observer saying the page changed, ms.
pub const MAX_AGE_MS: f64 = 1000.0;

struct List {
    selector: String,
    /// Whether the selector looks at nothing but the element itself (no combinator, no pseudo-class), so only an
    /// element that matches, or holds one that does, can change the list when it comes or goes.
    local: bool,
    taken_at: f64,
    elements: Vec<Element>,
}

thread_local! {
    static LISTS: RefCell<Vec<List>> = const { RefCell::new(Vec::new()) };
}

/// The elements matching `selector` in `document`, in document order: remembered during scans, fresh otherwise.
pub fn all(document: &Document, selector: &str) -> Vec<Element> {
    if !super::slice::running() {
        return query(document, selector);
    }
    let now = super::timing::now();
    let remembered = LISTS.with(|lists| {
        let mut lists = lists.borrow_mut();
        lists.retain(|l| now - l.taken_at < MAX_AGE_MS);
        lists
            .iter()
            .find(|l| l.selector == selector)
            .map(|l| l.elements.clone())
    });
    remembered.unwrap_or_else(|| {
        let elements = query(document, selector);
        LISTS.with(|lists| {
            lists.borrow_mut().push(List {
                local: is_local(selector),
                selector: selector.to_string(),
                taken_at: now,
                elements: elements.clone(),
            })
        });
        elements
    })
}

/// Whether `selector` looks at nothing but the element itself: no combinator and no pseudo-class. (A space after
/// a comma counts as a combinator too: write a selector list without it to have it kept.)
fn is_local(selector: &str) -> bool {
    !selector.bytes().any(|byte| b" >+~:".contains(&byte))
}

/// Forgets the lists that `touched` (elements the page added or removed) may have changed.
pub fn forget_touched(touched: &[Element]) {
    if touched.is_empty() {
        return;
    }
    LISTS.with(|lists| {
        lists.borrow_mut().retain(|list| {
            list.local
                && !touched.iter().any(|element| {
                    element.matches(&list.selector).unwrap_or(true)
                        || element
                            .query_selector(&list.selector)
                            .ok()
                            .flatten()
                            .is_some()
                })
        })
    });
}

/// Forgets every list: the page changed.
pub fn forget() {
    LISTS.with(|lists| lists.borrow_mut().clear());
}

fn query(document: &Document, selector: &str) -> Vec<Element> {
    match document.query_selector_all(selector) {
        Ok(list) => elements_of(&list),
        Err(_) => Vec::new(),
    }
}

/// The elements of a `querySelectorAll` result. They are elements by definition, so none is checked: a check
/// is one more call out of wasm per element of a thousand-element list.
pub fn elements_of(list: &web_sys::NodeList) -> Vec<Element> {
    use wasm_bindgen::JsCast;
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|node| node.unchecked_into::<Element>())
        .collect()
}
