//! Shared test plumbing: DOM fixtures that clean up after themselves, event recorders, small JS helpers.
use gloo::events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, EventTarget, HtmlElement};

const FIXTURE_ATTR: &str = "data-web-test-fixture";

pub fn document() -> web_sys::Document {
    answerdeck::dom::document()
}

/// A container appended to `<body>`, filled with `html`, removed on drop.
pub struct Fixture {
    pub root: HtmlElement,
}

impl Fixture {
    pub fn new(html: &str) -> Fixture {
        sweep();
        let document = document();
        let root: HtmlElement = document
            .create_element("div")
            .expect("create fixture")
            .dyn_into()
            .expect("fixture is an HtmlElement");
        root.set_attribute(FIXTURE_ATTR, "").expect("mark fixture");
        root.set_inner_html(html);
        document
            .body()
            .expect("test page has a body")
            .append_child(&root)
            .expect("append fixture");
        Fixture { root }
    }

    /// The first element matching `selector` inside the fixture (panics when there is none).
    pub fn el(&self, selector: &str) -> Element {
        self.root
            .query_selector(selector)
            .expect("valid selector")
            .unwrap_or_else(|| panic!("fixture has no {selector}"))
    }

    pub fn html_el(&self, selector: &str) -> HtmlElement {
        self.el(selector).dyn_into().expect("an HTML element")
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        self.root.remove();
    }
}

/// Removes anything an earlier (possibly failed) test left behind: fixtures, stray `[data-answerdeck]` hosts,
/// the selection and focus.
pub fn sweep() {
    let document = document();
    for selector in [format!("[{FIXTURE_ATTR}]"), "[data-answerdeck]".to_string()] {
        let list = document
            .query_selector_all(&selector)
            .expect("valid selector");
        for i in 0..list.length() {
            if let Some(node) = list.item(i) {
                if let Some(parent) = node.parent_node() {
                    let _ = parent.remove_child(&node);
                }
            }
        }
    }
    if let Ok(Some(selection)) = answerdeck::dom::window().get_selection() {
        let _ = selection.remove_all_ranges();
    }
    if let Some(active) = document
        .active_element()
        .and_then(|a| a.dyn_into::<HtmlElement>().ok())
    {
        let _ = active.blur();
    }
}

/// Records one string per event of `kind` on `target` (what `describe` makes of it) while alive.
pub struct Recorder {
    pub seen: Rc<RefCell<Vec<String>>>,
    _listener: EventListener,
}

impl Recorder {
    pub fn new(
        target: &EventTarget,
        kind: &'static str,
        describe: impl Fn(&Event) -> String + 'static,
    ) -> Recorder {
        let seen = Rc::new(RefCell::new(Vec::new()));
        let sink = seen.clone();
        let listener = EventListener::new(target, kind, move |event| {
            sink.borrow_mut().push(describe(event));
        });
        Recorder {
            seen,
            _listener: listener,
        }
    }

    /// Records the event type only.
    pub fn count(target: &EventTarget, kind: &'static str) -> Recorder {
        Recorder::new(target, kind, |event| event.type_())
    }

    pub fn len(&self) -> usize {
        self.seen.borrow().len()
    }

    pub fn all(&self) -> Vec<String> {
        self.seen.borrow().clone()
    }
}

/// `new Function(args, body)`: page-side behaviour for the editors under test (React's value tracker,
/// controlled editors, reverting editors). The test page has no CSP, so this is allowed here.
pub fn js(args: &str, body: &str) -> js_sys::Function {
    js_sys::Function::new_with_args(args, body)
}

pub fn prop(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &key.into()).expect("readable property")
}

pub fn prop_f64(object: &JsValue, key: &str) -> f64 {
    prop(object, key)
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is not a number"))
}

pub fn prop_string(object: &JsValue, key: &str) -> String {
    prop(object, key)
        .as_string()
        .unwrap_or_else(|| panic!("{key} is not a string"))
}

/// A JS array of strings as a Vec.
pub fn prop_strings(object: &JsValue, key: &str) -> Vec<String> {
    js_sys::Array::from(&prop(object, key))
        .iter()
        .map(|v| v.as_string().unwrap_or_else(|| format!("{v:?}")))
        .collect()
}

/// Waits for `n` animation frames (each followed by a task turn).
pub async fn frames(n: usize) {
    for _ in 0..n {
        answerdeck::dom::next_frame().await;
    }
}

/// Lets pending microtasks (MutationObserver callbacks, promise reactions) run, without waiting for a frame.
pub async fn microtasks() {
    let _ =
        wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&JsValue::UNDEFINED)).await;
}

pub fn text_of(element: &Element) -> String {
    element.text_content().unwrap_or_default()
}
