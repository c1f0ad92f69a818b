//! The `reply` and `composer` controls: a small button in a closed shadow root, mounted into the page.
use crate::dom::mount::ShadowHost;
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

pub enum Placement {
    /// As the last child of this element (a comment's action row).
    Inside(Element),
    /// Right after this element (a composer).
    After(Element),
}

/// A mounted control. Dropping it removes the button from the page and its listeners.
pub struct Control {
    pub host: ShadowHost,
    /// The page element the control belongs to (comment or composer); when it leaves the page, so does this.
    pub owner: Element,
    _listeners: Vec<EventListener>,
}

impl Control {
    pub fn is_alive(&self) -> bool {
        self.host.is_connected() && self.owner.is_connected()
    }
}

pub struct Spec<'a> {
    pub kind: &'a str,
    pub text: &'a str,
    pub accessible_name: &'a str,
    /// Keep focus and caret where they are when clicked (composer controls: the caret stays in the editor).
    pub keep_focus: bool,
}

pub fn mount(
    spec: &Spec,
    owner: &Element,
    placement: Placement,
    // Boxed, not generic: one copy of this function in the content wasm instead of one per caller (-1.3 KB gzip).
    activate: Box<dyn Fn(&HtmlElement)>,
) -> Option<Control> {
    let host = ShadowHost::new("span", spec.kind, super::styles::CONTROL)?;
    let document = crate::dom::document();
    let button: HtmlElement = document.create_element("button").ok()?.dyn_into().ok()?;
    button.set_attribute("type", "button").ok()?;
    button
        .set_attribute("aria-label", spec.accessible_name)
        .ok()?;
    button.set_title(spec.accessible_name);
    let icon = icon(&document)?;
    button.append_child(&icon).ok()?;
    button
        .append_child(&document.create_text_node(spec.text))
        .ok()?;
    host.root.append_child(&button).ok()?;

    let mut listeners = Vec::new();
    if spec.keep_focus {
        listeners.push(EventListener::new_with_options(
            &button,
            "mousedown",
            EventListenerOptions::enable_prevent_default(),
            |e| e.prevent_default(),
        ));
    }
    let host_element = host.host.clone();
    listeners.push(EventListener::new(&button, "click", move |_| {
        activate(&host_element);
    }));

    match placement {
        Placement::Inside(parent) => {
            parent.append_child(&host.host).ok()?;
        }
        Placement::After(sibling) => sibling.after_with_node_1(&host.host).ok()?,
    }
    Some(Control {
        host,
        owner: owner.clone(),
        _listeners: listeners,
    })
}

fn icon(document: &web_sys::Document) -> Option<Element> {
    const SVG: &str = "http://www.w3.org/2000/svg";
    let svg = document.create_element_ns(Some(SVG), "svg").ok()?;
    svg.set_attribute("viewBox", "0 0 16 16").ok()?;
    svg.set_attribute("aria-hidden", "true").ok()?;
    let path = document.create_element_ns(Some(SVG), "path").ok()?;
    path.set_attribute("d", super::styles::ICON_PATH).ok()?;
    svg.append_child(&path).ok()?;
    Some(svg)
}
