//! Hosts for injected UI: an element in the page's DOM carrying `data-answerdeck`, with a CLOSED shadow root,
//! so page scripts see the host but nothing inside it (`host.shadowRoot === null`).
//! Dropping a `ShadowHost` removes it from the page.
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// Events stopped at our shadow root so the host page never reacts to typing or clicks in our UI (X and Facebook
/// have global keyboard shortcuts and click handlers on comments; the event would reach them retargeted to the host).
const CONTAINED_EVENTS: &[&str] = &[
    "keydown",
    "keyup",
    "keypress",
    "input",
    "beforeinput",
    "compositionstart",
    "compositionupdate",
    "compositionend",
    "click",
    "dblclick",
    "mousedown",
    "mouseup",
    "pointerdown",
    "pointerup",
    "focusin",
    "focusout",
    "paste",
    "copy",
    "cut",
    "wheel",
    "contextmenu",
];

thread_local! {
    /// The one listener every shadow root uses to contain events: a closure per host and event (21 each) held
    /// megabytes of wasm-bindgen closures on a list of hundreds of rows.
    static STOP_PROPAGATION: js_sys::Function = Closure::<dyn Fn(web_sys::Event)>::new(|event: web_sys::Event| {
        event.stop_propagation()
    })
    .into_js_value()
    .unchecked_into();
}

pub struct ShadowHost {
    pub host: HtmlElement,
    pub root: ShadowRoot,
}

impl ShadowHost {
    /// Creates a detached host (`tag` with `data-answerdeck="<kind>"`) holding `css` and an empty shadow root.
    pub fn new(tag: &str, kind: &str, css: &str) -> Option<ShadowHost> {
        let document = super::document();
        let host: HtmlElement = document.create_element(tag).ok()?.dyn_into().ok()?;
        host.set_attribute("data-answerdeck", kind).ok()?;
        let init = ShadowRootInit::new(ShadowRootMode::Closed);
        let root = host.attach_shadow(&init).ok()?;
        let style = document.create_element("style").ok()?;
        style.set_text_content(Some(css));
        root.append_child(&style).ok()?;
        STOP_PROPAGATION.with(|stop| {
            for name in CONTAINED_EVENTS {
                let _ = root.add_event_listener_with_callback(name, stop);
            }
        });
        Some(ShadowHost { host, root })
    }

    pub fn element(&self) -> &Element {
        &self.host
    }

    pub fn is_connected(&self) -> bool {
        self.host.is_connected()
    }
}

impl Drop for ShadowHost {
    fn drop(&mut self) {
        self.host.remove();
    }
}
