//! The fill-in form for a reply's `{?Order number}` fields: one labelled text input per field, in the order
//! they appear; Tab and Shift+Tab move between them (the browser's own focus order), every keystroke updates
//! the preview.
use super::picker::element;
use gloo::events::{EventListener, EventListenerOptions};
use std::collections::BTreeMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, KeyboardEvent};

pub struct FieldsForm {
    pub element: Element,
    inputs: Vec<(String, HtmlInputElement)>,
    _listeners: Vec<EventListener>,
}

impl FieldsForm {
    pub fn new(
        labels: &[String],
        on_change: impl Fn() + 'static,
        on_key: impl Fn(&KeyboardEvent) + 'static,
    ) -> Option<FieldsForm> {
        let document = crate::dom::document();
        let form = element(
            &document,
            "form",
            &[
                ("class", "fields"),
                ("aria-label", "Fill in before inserting"),
            ],
        )?;
        let hint = element(&document, "p", &[("class", "hint")])?;
        hint.set_text_content(Some("This reply asks for:"));
        form.append_child(&hint).ok()?;
        let (on_change, on_key) = (Rc::new(on_change), Rc::new(on_key));
        let mut inputs = Vec::new();
        let mut listeners = Vec::new();
        for label in labels {
            let wrapper = element(&document, "label", &[])?;
            let caption = element(&document, "span", &[])?;
            caption.set_text_content(Some(label));
            let input: HtmlInputElement = element(
                &document,
                "input",
                &[
                    ("type", "text"),
                    ("autocomplete", "off"),
                    ("spellcheck", "false"),
                    ("data-field", label),
                ],
            )?
            .dyn_into()
            .ok()?;
            wrapper.append_child(&caption).ok()?;
            wrapper.append_child(&input).ok()?;
            form.append_child(&wrapper).ok()?;
            let changed = on_change.clone();
            listeners.push(EventListener::new(&input, "input", move |_| changed()));
            let keyed = on_key.clone();
            listeners.push(EventListener::new_with_options(
                &input,
                "keydown",
                EventListenerOptions::enable_prevent_default(),
                move |event| {
                    if let Some(key) = event.dyn_ref::<KeyboardEvent>() {
                        keyed(key);
                    }
                },
            ));
            inputs.push((label.clone(), input));
        }
        // The form never submits: Enter is handled per field (insert), and a real submit would reload nothing
        // but must still not navigate.
        listeners.push(EventListener::new_with_options(
            &form,
            "submit",
            EventListenerOptions::enable_prevent_default(),
            |event| event.prevent_default(),
        ));
        Some(FieldsForm {
            element: form,
            inputs,
            _listeners: listeners,
        })
    }

    /// Field label → what the user typed.
    pub fn values(&self) -> BTreeMap<String, String> {
        // Inserted one by one: collecting into a map sorts first (a sort's code of its own in the content wasm).
        let mut values = BTreeMap::new();
        for (label, input) in &self.inputs {
            values.insert(label.clone(), input.value());
        }
        values
    }

    pub fn focus_first(&self) {
        if let Some((_, input)) = self.inputs.first() {
            let _ = input.focus();
        }
    }

    pub fn focus(&self, label: &str) {
        if let Some((_, input)) = self.inputs.iter().find(|(l, _)| l == label) {
            let _ = input.focus();
        }
    }
}
