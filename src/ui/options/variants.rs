//! The editor's language variants: rows of (language code, text), added and removed by the user.
use super::dom::{self, el, text, typed};
use super::draft::VariantDraft;
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlButtonElement, HtmlInputElement, HtmlTextAreaElement};

#[derive(Clone)]
pub struct Row {
    /// Stable for the row's life (positions shift when rows are removed).
    pub key: u32,
    pub element: Element,
    pub code: HtmlInputElement,
    pub body: HtmlTextAreaElement,
    pub error: Element,
}

pub struct Variants {
    pub fieldset: Element,
    rows_box: Element,
    pub add: HtmlButtonElement,
    rows: RefCell<Vec<Row>>,
    next_key: Cell<u32>,
}

impl Variants {
    pub fn new() -> Variants {
        let fieldset = el("fieldset", &[("class", "variants")]);
        let legend = text("legend", &[], "Language variants");
        let hint = text(
            "p",
            &[("class", "hint")],
            "The same reply in other languages; the picker offers the one matching the conversation.",
        );
        let rows_box = el("div", &[("class", "variant-rows")]);
        let add = dom::button(
            "Add language variant",
            &[("class", "secondary"), ("data-action", "add-variant")],
        );
        dom::append(&fieldset, &[&legend, &hint, &rows_box, &add]);
        Variants {
            fieldset,
            rows_box,
            add,
            rows: RefCell::default(),
            next_key: Cell::new(0),
        }
    }

    /// Replaces every row with `variants`.
    pub fn set(&self, variants: &[VariantDraft]) {
        dom::clear(&self.rows_box);
        self.rows.borrow_mut().clear();
        for variant in variants {
            self.push(variant);
        }
    }

    /// Adds a row showing `variant` and returns it.
    pub fn push(&self, variant: &VariantDraft) -> Row {
        let key = self.next_key.get();
        self.next_key.set(key + 1);
        let code_id = format!("variant-code-{key}");
        let body_id = format!("variant-body-{key}");
        let error_id = format!("variant-error-{key}");
        let element = el(
            "div",
            &[("class", "variant"), ("data-variant", &key.to_string())],
        );
        let code_box = el("div", &[("class", "field variant-code")]);
        let code: HtmlInputElement = typed(
            "input",
            &[
                ("type", "text"),
                ("id", &code_id),
                ("placeholder", "de"),
                ("autocomplete", "off"),
                ("spellcheck", "false"),
                ("size", "6"),
                ("aria-describedby", &error_id),
            ],
        );
        code.set_value(&variant.code);
        dom::append(
            &code_box,
            &[&text("label", &[("for", &code_id)], "Language"), &code],
        );
        let body_box = el("div", &[("class", "field variant-body")]);
        let body: HtmlTextAreaElement = typed(
            "textarea",
            &[
                ("id", &body_id),
                ("rows", "3"),
                ("data-template", "variant"),
                ("aria-describedby", &format!("{error_id} template-help")),
            ],
        );
        body.set_value(&variant.body);
        dom::append(
            &body_box,
            &[&text("label", &[("for", &body_id)], "Text"), &body],
        );
        let remove = dom::button(
            "Remove",
            &[
                ("class", "secondary small"),
                ("data-action", "remove-variant"),
                ("aria-label", "Remove this language variant"),
            ],
        );
        let error = el("p", &[("class", "field-error"), ("id", &error_id)]);
        dom::append(&element, &[&code_box, &body_box, &remove, &error]);
        let _ = self.rows_box.append_child(&element);
        let row = Row {
            key,
            element,
            code,
            body,
            error,
        };
        self.rows.borrow_mut().push(row.clone());
        row
    }

    /// Removes the row `key`; returns the row that takes its place on screen (the next, else the previous).
    pub fn remove(&self, key: u32) -> Option<Row> {
        let mut rows = self.rows.borrow_mut();
        let at = rows.iter().position(|row| row.key == key)?;
        rows.remove(at).element.remove();
        rows.get(at).or_else(|| rows.last()).cloned()
    }

    pub fn read(&self) -> Vec<VariantDraft> {
        self.rows
            .borrow()
            .iter()
            .map(|row| VariantDraft {
                code: row.code.value(),
                body: row.body.value(),
            })
            .collect()
    }

    /// The row at position `at` on screen.
    pub fn row(&self, at: usize) -> Option<Row> {
        self.rows.borrow().get(at).cloned()
    }

    pub fn rows(&self) -> Vec<Row> {
        self.rows.borrow().clone()
    }

    /// The row containing `element`, with its position.
    pub fn row_of(&self, element: &Element) -> Option<(usize, Row)> {
        let key: u32 = element
            .closest("[data-variant]")
            .ok()
            .flatten()?
            .get_attribute("data-variant")?
            .parse()
            .ok()?;
        self.position(key)
            .map(|at| (at, self.rows.borrow()[at].clone()))
    }

    pub fn position(&self, key: u32) -> Option<usize> {
        self.rows.borrow().iter().position(|row| row.key == key)
    }

    /// Whether `element` is one of the rows' text fields.
    pub fn is_body(element: &Element) -> bool {
        element.dyn_ref::<HtmlTextAreaElement>().is_some()
            && element.get_attribute("data-template").as_deref() == Some("variant")
    }
}
