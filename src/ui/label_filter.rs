//! The `label-filter` bar above a conversation list: pick one or more labels and the native list shows only
//! the conversations that carry any of them; the others are hidden (not removed: the site keeps its own DOM),
//! with a count of what is shown and one click to clear.
//!
//! Which rows are hidden is decided by the app on every scan (rows are recycled by virtualised lists), from
//! [`LabelFilter::selected`].
use crate::dom::mount::ShadowHost;
use crate::platform::labels_view::LabelsView;
use gloo::events::EventListener;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

const CSS: &str = css!("label_filter");

pub struct LabelFilter {
    pub host: ShadowHost,
    /// The native list the bar filters (the bar sits right before it).
    pub list: Element,
    selected: RefCell<Vec<String>>,
    expanded: Cell<bool>,
    bar: Element,
    /// What is drawn now: the bar is only rebuilt when it changes (keyboard focus stays on its buttons).
    drawn: RefCell<String>,
    listeners: RefCell<Vec<EventListener>>,
    /// Called after the selection changed, so the app re-applies the filter to the rows.
    on_change: Rc<dyn Fn()>,
}

impl LabelFilter {
    pub fn mount(list: &Element, on_change: impl Fn() + 'static) -> Option<Rc<LabelFilter>> {
        let host = ShadowHost::new("div", "label-filter", CSS)?;
        let bar = crate::dom::document().create_element("div").ok()?;
        bar.set_class_name("bar");
        bar.set_attribute("role", "toolbar").ok()?;
        bar.set_attribute("aria-label", "Filter conversations by label")
            .ok()?;
        host.root.append_child(&bar).ok()?;
        list.before_with_node_1(&host.host).ok()?;
        Some(Rc::new(LabelFilter {
            host,
            list: list.clone(),
            selected: RefCell::default(),
            expanded: Cell::new(false),
            bar,
            drawn: RefCell::default(),
            listeners: RefCell::default(),
            on_change: Rc::new(on_change),
        }))
    }

    pub fn is_alive(&self) -> bool {
        self.host.is_connected() && self.list.is_connected()
    }

    /// The label ids chosen; empty when the list is not filtered.
    pub fn selected(&self) -> Vec<String> {
        self.selected.borrow().clone()
    }

    /// Redraws the bar: the toggle, the labels when open, and "Showing n of m" while filtering.
    pub fn draw(self: &Rc<Self>, view: &LabelsView, shown: usize, total: usize) {
        // A label deleted elsewhere stops filtering.
        self.selected
            .borrow_mut()
            .retain(|id| view.label(id).is_some());
        let selected = self.selected();
        let open = self.expanded.get() || !selected.is_empty();
        let labels: String = view
            .labels
            .iter()
            .map(|l| format!("{}\u{1}{}\u{1}{}\u{2}", l.id, l.name, l.color))
            .collect();
        let mut signature = format!("{open}|{shown}|{total}|");
        for id in &selected {
            signature.push_str(id);
            signature.push(',');
        }
        signature.push('|');
        signature.push_str(&labels);
        if *self.drawn.borrow() == signature {
            return;
        }
        *self.drawn.borrow_mut() = signature;
        let document = crate::dom::document();
        self.bar.set_text_content(None);
        let mut listeners = Vec::new();
        if let Some(toggle) = button(&document, "Filter by label") {
            let _ = toggle.set_attribute("aria-expanded", if open { "true" } else { "false" });
            let weak = Rc::downgrade(self);
            listeners.push(EventListener::new(&toggle, "click", move |_| {
                if let Some(filter) = weak.upgrade() {
                    filter.expanded.set(!filter.expanded.get());
                    (filter.on_change)();
                }
            }));
            let _ = self.bar.append_child(&toggle);
        }
        if open {
            if view.labels.is_empty() {
                let none = document.create_element("span").ok();
                if let Some(none) = none {
                    none.set_class_name("count");
                    none.set_text_content(Some(
                        "No labels yet: add one from a conversation's + Label.",
                    ));
                    let _ = self.bar.append_child(&none);
                }
            }
            for label in &view.labels {
                let Some(chip) = button(&document, "") else {
                    continue;
                };
                let on = selected.contains(&label.id);
                let _ = chip.set_attribute("aria-pressed", if on { "true" } else { "false" });
                if let Ok(dot) = document.create_element("span") {
                    dot.set_class_name("dot");
                    if let Some(dot) = dot.dyn_ref::<HtmlElement>() {
                        let _ = dot.style().set_property("background", &label.color);
                    }
                    let _ = chip.append_child(&dot);
                }
                let _ = chip.append_child(&document.create_text_node(&label.name));
                let (weak, id) = (Rc::downgrade(self), label.id.clone());
                listeners.push(EventListener::new(&chip, "click", move |_| {
                    if let Some(filter) = weak.upgrade() {
                        {
                            let mut selected = filter.selected.borrow_mut();
                            match selected.iter().position(|s| *s == id) {
                                Some(at) => {
                                    selected.remove(at);
                                }
                                None => selected.push(id.clone()),
                            }
                        }
                        (filter.on_change)();
                        filter.refocus(&id);
                    }
                }));
                let _ = chip.set_attribute("data-label", &label.id);
                let _ = self.bar.append_child(&chip);
            }
        }
        if !selected.is_empty() {
            if let Ok(count) = document.create_element("span") {
                count.set_class_name("count");
                let _ = count.set_attribute("role", "status");
                count.set_text_content(Some(&format!("Showing {shown} of {total} conversations")));
                let _ = self.bar.append_child(&count);
            }
            if let Some(clear) = button(&document, "Clear filter") {
                clear.set_class_name("clear");
                let weak = Rc::downgrade(self);
                listeners.push(EventListener::new(&clear, "click", move |_| {
                    if let Some(filter) = weak.upgrade() {
                        filter.selected.borrow_mut().clear();
                        filter.expanded.set(false);
                        (filter.on_change)();
                    }
                }));
                let _ = self.bar.append_child(&clear);
            }
        }
        *self.listeners.borrow_mut() = listeners;
    }

    /// Keeps keyboard focus on the chip just toggled (the bar is redrawn under it).
    fn refocus(&self, id: &str) {
        let selector = format!("button[data-label=\"{}\"]", id.replace('"', ""));
        if let Ok(Some(chip)) = self.host.root.query_selector(&selector) {
            if let Some(chip) = chip.dyn_ref::<HtmlElement>() {
                let _ = chip.focus();
            }
        }
    }
}

fn button(document: &web_sys::Document, text: &str) -> Option<HtmlElement> {
    let button: HtmlElement = document.create_element("button").ok()?.dyn_into().ok()?;
    button.set_attribute("type", "button").ok()?;
    if !text.is_empty() {
        button.set_text_content(Some(text));
    }
    Some(button)
}
