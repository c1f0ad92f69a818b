//! Element building for the options page: `create_element`, attributes and `set_text_content` only — text
//! from the library is never parsed as HTML (design.md §7).
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlButtonElement, HtmlElement, Node};

/// `<tag attr="value" …>`. Tag names are literals of this module's callers, so creation cannot fail for a
/// reason other than a broken document, where nothing can be shown anyway.
pub fn el(tag: &str, attributes: &[(&str, &str)]) -> Element {
    let element = crate::dom::document()
        .create_element(tag)
        .expect("literal tag names are valid");
    for (name, value) in attributes {
        let _ = element.set_attribute(name, value);
    }
    element
}

/// [`el`] with `text` as its content.
pub fn text(tag: &str, attributes: &[(&str, &str)], content: &str) -> Element {
    let element = el(tag, attributes);
    element.set_text_content(Some(content));
    element
}

/// [`el`] typed as the interface `tag` creates (`"input"` → `HtmlInputElement` …).
pub fn typed<T: JsCast>(tag: &str, attributes: &[(&str, &str)]) -> T {
    el(tag, attributes).unchecked_into()
}

/// A `<button type="button">` showing `label`.
pub fn button(label: &str, attributes: &[(&str, &str)]) -> HtmlButtonElement {
    let button: HtmlButtonElement = typed("button", &[("type", "button")]);
    for (name, value) in attributes {
        let _ = button.set_attribute(name, value);
    }
    button.set_text_content(Some(label));
    button
}

/// Appends `children` to `parent` in order.
pub fn append(parent: &Element, children: &[&Node]) {
    for child in children {
        let _ = parent.append_child(child);
    }
}

/// Removes every child of `element`.
pub fn clear(element: &Element) {
    element.set_text_content(None);
}

pub fn set_hidden(element: &Element, hidden: bool) {
    if let Some(element) = element.dyn_ref::<HtmlElement>() {
        element.set_hidden(hidden);
    }
}

pub fn focus(element: &Element) {
    if let Some(element) = element.dyn_ref::<HtmlElement>() {
        let _ = element.focus();
    }
}

/// `“title”`, or a placeholder for an empty one, for messages.
pub fn quoted(title: &str) -> String {
    let title = title.trim();
    if title.is_empty() {
        "(untitled)".to_string()
    } else {
        format!("“{title}”")
    }
}

/// `1 reply`, `42 replies`, `30,000 replies`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{} {many}", crate::core::reply::thousands(n))
    }
}

/// An element id made from `prefix` and a stored id (which may come from an imported file): characters
/// that would break an id reference list (`aria-describedby`, `aria-controls`) become `_`.
pub fn element_id(prefix: &str, id: &str) -> String {
    let safe: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{prefix}-{safe}")
}
