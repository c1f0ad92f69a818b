//! The message areas at the top of the page: a status line (`role="status"`, polite) that may offer one
//! action (Undo a delete of a reply or a label, Restore discarded changes), an alert (`role="alert"`) for refusals that need
//! reading, such as a refused import, and a report (polite) for what an import found worth a look
//! (duplicates, warnings).
use super::dom::{self, el, text};
use super::draft::Draft;
use super::editor::Mode;
use crate::core::reply::Reply;
use std::cell::RefCell;
use web_sys::{Element, HtmlButtonElement};

/// What the status line's button does.
pub enum Action {
    /// Re-create a reply deleted a moment ago.
    UndoDelete(Reply),
    /// Reopen the editor with changes discarded by Escape or Cancel.
    RestoreDraft(Mode, Draft),
    /// Bring back a label deleted a moment ago (id, name), with every conversation it was on.
    RestoreLabel(String, String),
}

pub struct Status {
    pub region: Element,
    message: Element,
    pub button: HtmlButtonElement,
    action: RefCell<Option<Action>>,
}

impl Status {
    pub fn new() -> Status {
        let region = el(
            "div",
            &[
                ("class", "status"),
                ("role", "status"),
                ("aria-live", "polite"),
            ],
        );
        let message = el("span", &[("class", "status-text")]);
        let button = dom::button("", &[("class", "link-button")]);
        button.set_hidden(true);
        dom::append(&region, &[&message, &button]);
        Status {
            region,
            message,
            button,
            action: RefCell::default(),
        }
    }

    /// Shows `message`; `error` colours it as a problem.
    pub fn show(&self, message: &str, error: bool) {
        self.message.set_text_content(Some(message));
        let _ = self
            .region
            .set_attribute("class", if error { "status error" } else { "status" });
        self.button.set_hidden(true);
        self.button.set_text_content(None);
        self.action.replace(None);
    }

    /// Shows `message` with a button labelled `label` that performs `action`.
    pub fn show_with(&self, message: &str, label: &str, action: Action) {
        self.show(message, false);
        self.button.set_text_content(Some(label));
        self.button.set_hidden(false);
        self.action.replace(Some(action));
    }

    pub fn clear(&self) {
        self.show("", false);
    }

    /// The pending action, taken (a second click does nothing).
    pub fn take_action(&self) -> Option<Action> {
        let action = self.action.take();
        if action.is_some() {
            self.button.set_hidden(true);
            self.button.set_text_content(None);
        }
        action
    }
}

pub struct Alert {
    pub region: Element,
    pub dismiss: HtmlButtonElement,
}

impl Alert {
    pub fn new() -> Alert {
        let region = el("div", &[("class", "alert"), ("role", "alert")]);
        let dismiss = dom::button("Dismiss", &[("class", "link-button")]);
        Alert { region, dismiss }
    }

    /// Shows a heading line and the lines below it.
    pub fn show(&self, heading: &str, lines: &[&str]) {
        dom::clear(&self.region);
        let _ = self
            .region
            .append_child(&text("p", &[("class", "alert-heading")], heading));
        for line in lines {
            let _ = self.region.append_child(&text("p", &[], line));
        }
        let _ = self.region.append_child(&self.dismiss);
    }

    pub fn clear(&self) {
        dom::clear(&self.region);
    }
}

/// What an import found worth a look: duplicates and warnings, one line each.
pub struct Report {
    pub region: Element,
    pub dismiss: HtmlButtonElement,
}

impl Report {
    pub fn new() -> Report {
        let region = el(
            "div",
            &[
                ("class", "report"),
                ("id", "import-report"),
                ("aria-live", "polite"),
            ],
        );
        let dismiss = dom::button("Dismiss", &[("class", "link-button")]);
        Report { region, dismiss }
    }

    /// Shows a heading line and a list of `lines`.
    pub fn show(&self, heading: &str, lines: &[String]) {
        dom::clear(&self.region);
        let _ = self
            .region
            .append_child(&text("p", &[("class", "report-heading")], heading));
        let list = el("ul", &[]);
        for line in lines {
            let _ = list.append_child(&text("li", &[], line));
        }
        let _ = self.region.append_child(&list);
        let _ = self.region.append_child(&self.dismiss);
    }

    pub fn clear(&self) {
        dom::clear(&self.region);
    }
}
