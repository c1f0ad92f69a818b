//! Hosts for injected UI: an element in the page's DOM carrying `data-answerdeck`, with a CLOSED shadow root,
//! so page scripts see the host but nothing inside it (`host.shadowRoot === null`).
//! Dropping a `ShadowHost` removes it from the page.
use gloo::events::{EventListener, EventListenerOptions};
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

pub struct ShadowHost {
    pub host: HtmlElement,
    pub root: ShadowRoot,
    _containment: Vec<EventListener>,
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
        let containment = CONTAINED_EVENTS
            .iter()
            .map(|name| {
                EventListener::new_with_options(
                    &root,
                    *name,
                    EventListenerOptions::enable_prevent_default(),
                    |event| event.stop_propagation(),
                )
            })
            .collect();
        Some(ShadowHost {
            host,
            root,
            _containment: containment,
        })
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
