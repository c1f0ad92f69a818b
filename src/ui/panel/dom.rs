//! Element building for the panel: `create_element`, attributes and `set_text_content` only — label names
//! and notes are never parsed as HTML (design.md §7). Also the panel's one message to the frame's parent.
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, EventTarget, HtmlButtonElement, HtmlElement, Node};

/// `<tag attr="value" …>`. Tag names are literals of this module's callers.
pub fn el(tag: &str, attributes: &[(&str, &str)]) -> Element {
    let element = crate::dom::document()
        .create_element(tag)
        .expect("literal tag names are valid");
    for (name, value) in attributes {
        let _ = element.set_attribute(name, value);
    }
    element
}

/// [`el`] with `content` as its text.
pub fn text(tag: &str, attributes: &[(&str, &str)], content: &str) -> Element {
    let element = el(tag, attributes);
    element.set_text_content(Some(content));
    element
}

/// [`el`] typed as the interface `tag` creates.
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

pub fn append(parent: &Element, children: &[&Node]) {
    for child in children {
        let _ = parent.append_child(child);
    }
}

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

/// Paints a colour swatch. Only `#rrggbb` reaches the style (what the background stores); anything else
/// leaves the swatch empty, with the colour's name still beside it.
pub fn paint(element: &Element, color: &str) {
    if let Some(element) = element.dyn_ref::<HtmlElement>() {
        if super::palette::is_hex_color(color) {
            let _ = element.style().set_property("background-color", color);
        }
    }
}

/// `“name”`, for messages.
pub fn quoted(name: &str) -> String {
    format!("“{}”", name.trim())
}

thread_local! {
    /// The panel asked to be closed and has not been used since (see [`take_close_requested`]).
    static CLOSE_REQUESTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Asks the content script that framed the panel to close it. The message carries no user data: the page
/// can read it.
pub fn request_close() {
    CLOSE_REQUESTED.with(|flag| flag.set(true));
    let window = crate::dom::window();
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"answerdeck".into(), &"panel".into());
    let _ = js_sys::Reflect::set(&message, &"action".into(), &"close".into());
    let parent = window.parent().ok().flatten().unwrap_or(window);
    let _ = parent.post_message(&JsValue::from(message), "*");
}

/// Whether the panel asked to be closed since this was last called: the content script re-opens the same
/// subject without changing the hash, and a menu closed with Escape should then open fresh.
pub fn take_close_requested() -> bool {
    CLOSE_REQUESTED.with(|flag| flag.replace(false))
}

/// Event listeners that live as long as their owner.
#[derive(Default)]
pub struct Listeners(std::cell::RefCell<Vec<EventListener>>);

impl Listeners {
    /// Listens to `event` on `target` (preventDefault allowed) while `owner` lives; `f` gets the owner.
    pub fn on<T: 'static>(
        &self,
        owner: &std::rc::Rc<T>,
        target: &EventTarget,
        event: &'static str,
        f: impl Fn(&std::rc::Rc<T>, &web_sys::Event) + 'static,
    ) {
        let me = std::rc::Rc::downgrade(owner);
        let listener = EventListener::new_with_options(
            target,
            event,
            EventListenerOptions::enable_prevent_default(),
            move |event| {
                if let Some(owner) = me.upgrade() {
                    f(&owner, event);
                }
            },
        );
        self.0.borrow_mut().push(listener);
    }

    /// Runs `f` before any other listener of `event` (capture phase on `target`), while this lives.
    pub fn capture(&self, target: &EventTarget, event: &'static str, f: impl Fn() + 'static) {
        let options = EventListenerOptions {
            phase: gloo::events::EventListenerPhase::Capture,
            passive: true,
        };
        let listener = EventListener::new_with_options(target, event, options, move |_| f());
        self.0.borrow_mut().push(listener);
    }
}
