//! The Labels section's actions: create, rename, recolour, delete and its Undo, each a request to the
//! background (the list is read again after it), and the keyboard: Enter saves a rename and Escape cancels
//! it; in a palette the arrow keys move and Escape closes it.
use super::dom;
use super::labels_view::{color_label, FocusNext, Shown};
use super::status::Action;
use super::Page;
use crate::core::labels::Label;
use crate::platform::library;
use crate::platform::protocol::{LabelInput, Request, Response};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, KeyboardEvent};

/// The label id of the row `element` is in.
fn row_id(element: &Element) -> Option<String> {
    element
        .closest("li.label-row")
        .ok()
        .flatten()
        .and_then(|row| row.get_attribute("data-id"))
}

pub fn wire(page: &Rc<Page>) {
    page.on(&page.labels.form, "submit", |page, event| {
        event.prevent_default();
        page.create_label();
    });
    page.on(&page.labels.name, "input", |page, _| {
        page.labels.show_error("");
    });
    for radio in page.labels.choices.clone() {
        page.on(&radio, "change", |page, _| page.labels.chosen.set(true));
    }
    page.on(&page.labels.list, "click", |page, event| {
        let Some(button) = event
            .target()
            .and_then(|target| target.dyn_into::<Element>().ok())
            .and_then(|target| target.closest("button[data-action]").ok().flatten())
        else {
            return;
        };
        let Some(id) = row_id(&button) else {
            return;
        };
        match button.get_attribute("data-action").as_deref() {
            Some("rename") => page.start_rename(&id),
            Some("save-name") => page.save_rename(&id),
            Some("cancel-name") => page.cancel_rename(&id),
            Some("colour") => page.toggle_palette(&id),
            Some("set-colour") => {
                if let Some(color) = button.get_attribute("data-color") {
                    page.recolour(&id, &color);
                }
            }
            Some("delete") => page.delete_label(&id),
            _ => {}
        }
    });
    page.on(&page.labels.list, "keydown", |page, event| {
        let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
            return;
        };
        let Some(target) = event
            .target()
            .and_then(|target| target.dyn_into::<Element>().ok())
        else {
            return;
        };
        let Some(id) = row_id(&target) else {
            return;
        };
        let in_rename = target.class_list().contains("rename-input");
        let in_palette = target.closest(".palette").ok().flatten().is_some();
        match event.key().as_str() {
            "Enter" if in_rename => {
                event.prevent_default();
                page.save_rename(&id);
            }
            "Escape" if in_rename => {
                event.prevent_default();
                page.cancel_rename(&id);
            }
            "Escape" if in_palette => {
                event.prevent_default();
                page.labels.colouring.replace(None);
                page.labels
                    .focus_next
                    .replace(Some(FocusNext::Row(id, "colour")));
                page.labels.render();
            }
            "ArrowRight" | "ArrowLeft" | "ArrowDown" | "ArrowUp" if in_palette => {
                event.prevent_default();
                move_in_palette(
                    &target,
                    matches!(event.key().as_str(), "ArrowRight" | "ArrowDown"),
                );
            }
            _ => {}
        }
    });
}

/// Arrow keys move between the palette's buttons (Tab still works; arrows are quicker).
fn move_in_palette(from: &Element, forward: bool) {
    let Some(palette) = from.closest(".palette").ok().flatten() else {
        return;
    };
    let Ok(buttons) = palette.query_selector_all("button") else {
        return;
    };
    let count = buttons.length();
    let current = from.closest("button").ok().flatten();
    let index = (0..count)
        .find(|&i| {
            buttons
                .item(i)
                .and_then(|n| n.dyn_into::<Element>().ok())
                .is_some_and(|b| Some(&b) == current.as_ref())
        })
        .unwrap_or(0);
    let next = if forward {
        (index + 1) % count
    } else {
        (index + count - 1) % count
    };
    if let Some(button) = buttons
        .item(next)
        .and_then(|n| n.dyn_into::<Element>().ok())
    {
        dom::focus(&button);
    }
}

impl Page {
    /// Reads the labels from the background and shows them. Answers for an older revision than the one
    /// shown are ignored, so overlapping reloads cannot go back in time.
    pub(super) fn reload_labels(self: &Rc<Self>) {
        let me = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let response = library::request(&Request::LabelsList).await;
            let Some(page) = me.upgrade() else {
                return;
            };
            if !response.ok {
                let message = response
                    .message
                    .unwrap_or_else(|| "The labels could not be read.".into());
                page.labels.count.set_text_content(Some(&message));
                return;
            }
            let rev = response.labels_rev.unwrap_or(0);
            {
                let mut shown = page.labels.shown.borrow_mut();
                if shown.loaded && rev < shown.rev {
                    return;
                }
                *shown = Shown {
                    loaded: true,
                    rev,
                    labels: response.labels.unwrap_or_default(),
                    subjects: response.subjects.unwrap_or_default(),
                };
                // A label renamed or opened here that is gone now (deleted in another tab) is closed.
                let has = |id: &str| shown.labels.iter().any(|l| l.id == id);
                if page
                    .labels
                    .renaming
                    .borrow()
                    .as_ref()
                    .is_some_and(|(id, _)| !has(id))
                {
                    page.labels.renaming.replace(None);
                }
                if page
                    .labels
                    .colouring
                    .borrow()
                    .as_deref()
                    .is_some_and(|id| !has(id))
                {
                    page.labels.colouring.replace(None);
                }
            }
            page.labels.suggest_color();
            page.labels.render();
        });
    }

    /// The labels revision changed (any tab): read again unless this page shows it already.
    pub(super) fn labels_changed(self: &Rc<Self>, rev: Option<u64>) {
        let shown = self.labels.shown.borrow().rev;
        if rev.is_none_or(|rev| rev > shown) {
            self.reload_labels();
            self.search_notes();
        }
    }

    fn label(&self, id: &str) -> Option<Label> {
        self.labels
            .shown
            .borrow()
            .labels
            .iter()
            .find(|l| l.id == id)
            .cloned()
    }

    fn create_label(self: &Rc<Self>) {
        let name = self.labels.name.value();
        if name.trim().is_empty() {
            self.labels.show_error("Type a name for the new label.");
            dom::focus(&self.labels.name);
            return;
        }
        let input = LabelInput {
            id: None,
            name,
            color: self.labels.new_color(),
        };
        let me = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let response = library::request(&Request::LabelPut { label: input }).await;
            let Some(page) = me.upgrade() else {
                return;
            };
            match created(&response) {
                Some(label) => {
                    page.labels.name.set_value("");
                    page.labels.show_error("");
                    page.labels.chosen.set(false);
                    page.status.show(
                        &format!(
                            "Created label {} ({}).",
                            dom::quoted(&label.name),
                            color_label(&label.color)
                        ),
                        false,
                    );
                    page.labels.focus_next.replace(Some(FocusNext::CreateName));
                    page.reload_labels();
                }
                None => {
                    page.labels.show_error(&message(&response));
                    dom::focus(&page.labels.name);
                }
            }
        });
    }

    fn start_rename(self: &Rc<Self>, id: &str) {
        let Some(label) = self.label(id) else {
            return;
        };
        self.labels.colouring.replace(None);
        self.labels
            .renaming
            .replace(Some((id.to_string(), label.name.clone())));
        self.labels
            .focus_next
            .replace(Some(FocusNext::RenameInput(id.to_string())));
        self.labels.render();
        if let Some(input) = self
            .labels
            .row(id)
            .and_then(|row| row.query_selector(".rename-input").ok().flatten())
            .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        {
            input.select();
        }
    }

    fn cancel_rename(self: &Rc<Self>, id: &str) {
        self.labels.renaming.replace(None);
        self.labels
            .focus_next
            .replace(Some(FocusNext::Row(id.to_string(), "rename")));
        self.labels.render();
    }

    fn save_rename(self: &Rc<Self>, id: &str) {
        let Some(label) = self.label(id) else {
            return;
        };
        let Some(row) = self.labels.row(id) else {
            return;
        };
        let Some(input) = row
            .query_selector(".rename-input")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        let name = input.value();
        if name.trim() == label.name {
            self.cancel_rename(id);
            return;
        }
        let old_name = label.name.clone();
        let request = Request::LabelPut {
            label: LabelInput {
                id: Some(label.id.clone()),
                name,
                color: label.color.clone(),
            },
        };
        self.label_write(
            id,
            request,
            FocusNext::Row(id.to_string(), "rename"),
            move |label| {
                format!(
                    "Renamed {} to {}.",
                    dom::quoted(&old_name),
                    dom::quoted(&label.name)
                )
            },
        );
    }

    fn toggle_palette(self: &Rc<Self>, id: &str) {
        let open = self.labels.colouring.borrow().as_deref() == Some(id);
        if open {
            self.labels.colouring.replace(None);
            self.labels
                .focus_next
                .replace(Some(FocusNext::Row(id.to_string(), "colour")));
        } else {
            self.labels.colouring.replace(Some(id.to_string()));
            self.labels
                .focus_next
                .replace(Some(FocusNext::Swatch(id.to_string(), None)));
        }
        self.labels.render();
    }

    fn recolour(self: &Rc<Self>, id: &str, color: &str) {
        let Some(label) = self.label(id) else {
            return;
        };
        self.labels.colouring.replace(None);
        if label.color == color {
            self.labels
                .focus_next
                .replace(Some(FocusNext::Row(id.to_string(), "colour")));
            self.labels.render();
            return;
        }
        let request = Request::LabelPut {
            label: LabelInput {
                id: Some(label.id.clone()),
                name: label.name.clone(),
                color: color.to_string(),
            },
        };
        self.label_write(
            id,
            request,
            FocusNext::Row(id.to_string(), "colour"),
            |label| {
                format!(
                    "{} is {} now.",
                    dom::quoted(&label.name),
                    color_label(&label.color)
                )
            },
        );
    }

    fn delete_label(self: &Rc<Self>, id: &str) {
        let Some(label) = self.label(id) else {
            return;
        };
        // Focus goes to the next row's Delete (or the previous one's), so deleting several is quick.
        let next = {
            let shown = self.labels.shown.borrow();
            let index = shown.labels.iter().position(|l| l.id == id);
            index
                .and_then(|i| {
                    shown
                        .labels
                        .get(i + 1)
                        .or_else(|| i.checked_sub(1).and_then(|p| shown.labels.get(p)))
                })
                .map(|l| FocusNext::Row(l.id.clone(), "delete"))
                .unwrap_or(FocusNext::CreateName)
        };
        let me = Rc::downgrade(self);
        let id = id.to_string();
        wasm_bindgen_futures::spawn_local(async move {
            let response = library::request(&Request::LabelDelete { id: id.clone() }).await;
            let Some(page) = me.upgrade() else {
                return;
            };
            if !response.ok {
                page.status.show(&message(&response), true);
                return;
            }
            page.status.show_with(
                &format!("Deleted label {}.", dom::quoted(&label.name)),
                "Undo",
                Action::RestoreLabel(label.id.clone(), label.name.clone()),
            );
            page.labels.focus_next.replace(Some(next));
            page.reload_labels();
        });
    }

    /// Undo of a delete: the label comes back with every conversation and person it was on.
    pub(super) fn restore_label(self: &Rc<Self>, id: String, name: String) {
        let me = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let response = library::request(&Request::LabelRestore { id: id.clone() }).await;
            let Some(page) = me.upgrade() else {
                return;
            };
            if !response.ok {
                page.status.show(&message(&response), true);
                return;
            }
            page.status
                .show(&format!("Restored label {}.", dom::quoted(&name)), false);
            page.labels
                .focus_next
                .replace(Some(FocusNext::Row(id, "delete")));
            page.reload_labels();
        });
    }

    /// Sends a rename or recolour, then shows the outcome: the status line on success, the row's error
    /// line on a refusal (the rename stays open to fix it).
    fn label_write(
        self: &Rc<Self>,
        id: &str,
        request: Request,
        focus: FocusNext,
        done: impl FnOnce(&Label) -> String + 'static,
    ) {
        let me = Rc::downgrade(self);
        let id = id.to_string();
        wasm_bindgen_futures::spawn_local(async move {
            let response = library::request(&request).await;
            let Some(page) = me.upgrade() else {
                return;
            };
            match created(&response) {
                Some(label) => {
                    page.labels.renaming.replace(None);
                    page.status.show(&done(&label), false);
                    page.labels.focus_next.replace(Some(focus));
                    page.reload_labels();
                }
                None => {
                    let problem = message(&response);
                    match page.labels.row(&id) {
                        Some(row) => {
                            if let Some(line) = row.query_selector(".row-error").ok().flatten() {
                                line.set_text_content(Some(&problem));
                            }
                            if let Some(input) = row.query_selector(".rename-input").ok().flatten()
                            {
                                let _ = input.set_attribute("aria-invalid", "true");
                            }
                        }
                        None => page.status.show(&problem, true),
                    }
                }
            }
        });
    }
}

/// The label a successful `label.put` answered with.
fn created(response: &Response) -> Option<Label> {
    if !response.ok {
        return None;
    }
    response.labels.as_ref()?.first().cloned()
}

fn message(response: &Response) -> String {
    response
        .message
        .clone()
        .unwrap_or_else(|| "The label was not saved.".into())
}
