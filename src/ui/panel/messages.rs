//! The panel's message lines: a status line (`role="status"`, polite) for what just happened, with an Undo
//! button after a delete (Ctrl+Z does the same), and an alert (`role="alert"`) for what the background
//! refused or could not do — shown as its own words, never swallowed.
use super::dom::{self, el};
use std::cell::RefCell;
use web_sys::{Element, HtmlButtonElement};

/// What Undo brings back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Undo {
    /// A label deleted a moment ago (its id); its assignments come back with it.
    Label(String),
    /// A note deleted a moment ago (its id).
    Note(String),
}

pub struct Messages {
    pub element: Element,
    status: Element,
    status_text: Element,
    separator: Element,
    pub undo_button: HtmlButtonElement,
    alert: Element,
    undo: RefCell<Option<Undo>>,
}

impl Messages {
    pub fn new() -> Messages {
        let element = el("div", &[("class", "messages")]);
        let status = el("p", &[("class", "status"), ("role", "status")]);
        let status_text = el("span", &[("class", "status-text")]);
        let undo_button = dom::button(
            "Undo",
            &[
                ("class", "link"),
                ("aria-keyshortcuts", "Control+Z"),
                ("title", "Undo (Ctrl+Z)"),
            ],
        );
        undo_button.set_hidden(true);
        let separator = dom::text("span", &[("aria-hidden", "true")], " — ");
        dom::set_hidden(&separator, true);
        dom::append(&status, &[&status_text, &separator, &undo_button]);
        let alert = el("p", &[("class", "alert"), ("role", "alert")]);
        dom::append(&element, &[&status, &alert]);
        Messages {
            element,
            status,
            status_text,
            separator,
            undo_button,
            alert,
            undo: RefCell::default(),
        }
    }

    /// Says what just happened; takes back an Undo offered before.
    pub fn status(&self, text: &str) {
        self.status_text.set_text_content(Some(text));
        self.undo_button.set_hidden(true);
        dom::set_hidden(&self.separator, true);
        self.undo.replace(None);
        let _ = self.status.set_attribute("class", "status");
    }

    /// Says what was deleted, with Undo.
    pub fn offer_undo(&self, text: &str, undo: Undo) {
        self.status(text);
        self.undo_button.set_hidden(false);
        dom::set_hidden(&self.separator, false);
        self.undo.replace(Some(undo));
    }

    /// The pending Undo, if any; the offer ends.
    pub fn take_undo(&self) -> Option<Undo> {
        let undo = self.undo.take();
        if undo.is_some() {
            self.undo_button.set_hidden(true);
            dom::set_hidden(&self.separator, true);
        }
        undo
    }

    pub fn has_undo(&self) -> bool {
        self.undo.borrow().is_some()
    }

    /// Shows a refusal or failure (the background's message, or `fallback` when it gave none).
    pub fn alert(&self, message: Option<String>, fallback: &str) {
        let message = message
            .filter(|message| !message.trim().is_empty())
            .unwrap_or_else(|| fallback.to_string());
        self.alert.set_text_content(Some(&message));
    }

    pub fn clear_alert(&self) {
        if self
            .alert
            .text_content()
            .is_some_and(|text| !text.is_empty())
        {
            self.alert.set_text_content(None);
        }
    }
}
