//! What the label menu changes, each sent to the background and shown when it answers (a refusal in the
//! alert line): Enter on a label (on/off the subject) or on the Create row, the inline editor (F2), Delete
//! and its Undo.
use super::super::dom;
use super::super::dom::Listeners;
use super::super::label_editor::LabelEditor;
use super::super::menu::Entry;
use super::super::messages::Undo;
use super::super::palette;
use super::LabelMenu;
use crate::core::labels::Label;
use crate::platform::library;
use crate::platform::protocol::{LabelInput, Request, Response};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};

impl LabelMenu {
    /// Enter: the highlighted label goes on the subject or comes off; the Create row creates the label
    /// and puts it on.
    pub(super) fn activate(self: &Rc<Self>) {
        match self.highlighted() {
            Some(Entry::Label(index)) => {
                let Some(label) = self.state.borrow().labels.get(index).cloned() else {
                    return;
                };
                let on = !self.state.borrow().on.contains(&label.id);
                self.toggle(label, on);
            }
            Some(Entry::Create(name)) => self.create(name),
            None => {}
        }
    }

    pub(super) fn subject_name(&self) -> Option<String> {
        Some(self.params.subject.name.trim().to_string()).filter(|name| !name.is_empty())
    }

    pub(super) fn toggle(self: &Rc<Self>, label: Label, on: bool) {
        let request = Request::SubjectLabel {
            key: self.params.subject.key.clone(),
            label: label.id.clone(),
            on,
            name: self.subject_name(),
        };
        let me = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let response = library::request(&request).await;
            let Some(menu) = me.upgrade() else { return };
            if !menu.answered(&response, "The label could not be changed.") {
                return;
            }
            {
                let mut state = menu.state.borrow_mut();
                state.on.retain(|id| *id != label.id);
                if on {
                    state.on.push(label.id.clone());
                }
            }
            let title = menu.params.subject_title().to_string();
            menu.messages.status(&if on {
                format!("{} is on {title}.", dom::quoted(&label.name))
            } else {
                format!("{} is off {title}.", dom::quoted(&label.name))
            });
            menu.render();
        });
    }

    pub(super) fn create(self: &Rc<Self>, name: String) {
        let color = {
            let mut state = self.state.borrow_mut();
            if state.creating {
                return;
            }
            state.creating = true;
            palette::next_color(state.labels.iter().map(|label| label.color.as_str())).to_string()
        };
        let request = Request::LabelPut {
            label: LabelInput {
                id: None,
                name: name.clone(),
                color,
            },
        };
        let me = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let response = library::request(&request).await;
            let Some(menu) = me.upgrade() else { return };
            if !menu.answered(&response, "The label could not be created.") {
                menu.state.borrow_mut().creating = false;
                return;
            }
            let Some(created) = response.labels.and_then(|labels| labels.into_iter().next()) else {
                menu.state.borrow_mut().creating = false;
                menu.messages
                    .alert(None, "The background did not say which label it created.");
                menu.reload();
                return;
            };
            // The label exists now: show it (checked below) even if putting it on fails.
            {
                let mut state = menu.state.borrow_mut();
                state.labels.retain(|label| label.id != created.id);
                state.labels.push(created.clone());
                state
                    .labels
                    .sort_by_cached_key(|label| crate::core::fold::fold(&label.name));
            }
            menu.search.set_value("");
            menu.select(&created.id);
            let request = Request::SubjectLabel {
                key: menu.params.subject.key.clone(),
                label: created.id.clone(),
                on: true,
                name: menu.subject_name(),
            };
            let response = library::request(&request).await;
            menu.state.borrow_mut().creating = false;
            if !menu.answered(&response, "The label was created but could not be put on.") {
                menu.render();
                return;
            }
            menu.state.borrow_mut().on.push(created.id.clone());
            menu.messages.status(&format!(
                "Created {} and put it on {}.",
                dom::quoted(&created.name),
                menu.params.subject_title()
            ));
            menu.render();
        });
    }

    /// Renders with the label `id` highlighted.
    pub(super) fn select(&self, id: &str) {
        self.state.borrow_mut().highlight_id = Some(id.to_string());
        self.render();
    }

    /// Shows a refusal as an alert (false), or takes a success's labels revision (true).
    pub(super) fn answered(&self, response: &Response, fallback: &str) -> bool {
        if !response.ok {
            self.messages.alert(response.message.clone(), fallback);
            return false;
        }
        self.messages.clear_alert();
        if let Some(rev) = response.labels_rev {
            let mut state = self.state.borrow_mut();
            state.rev = Some(state.rev.map_or(rev, |shown| shown.max(rev)));
        }
        true
    }

    // --- edit, delete, undo ----------------------------------------------------------------------------

    pub(super) fn edit(self: &Rc<Self>) {
        let Some(label) = self.highlighted_label() else {
            return;
        };
        let editor = LabelEditor::new(&label);
        let listeners = Listeners::default();
        let l = &listeners;
        l.on(
            self,
            &editor.element.clone().into(),
            "keydown",
            |menu, event| {
                let Some(key) = event.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                match key.key().as_str() {
                    "Enter" if !LabelEditor::is_button(key.target()) => {
                        key.prevent_default();
                        key.stop_propagation();
                        menu.save_edit();
                    }
                    "Escape" => {
                        key.prevent_default();
                        key.stop_propagation();
                        menu.close_editor();
                    }
                    _ => {}
                }
            },
        );
        l.on(
            self,
            &editor.element.clone().into(),
            "submit",
            |menu, event| {
                event.prevent_default();
                menu.save_edit();
            },
        );
        l.on(self, &editor.save.clone().into(), "click", |menu, _| {
            menu.save_edit()
        });
        l.on(self, &editor.cancel.clone().into(), "click", |menu, _| {
            menu.close_editor()
        });
        dom::clear(&self.editor_slot);
        let _ = self.editor_slot.append_child(&editor.element);
        for part in [
            &self.search as &Element,
            &self.listbox,
            &self.actions,
            &self.keys,
        ] {
            dom::set_hidden(part, true);
        }
        editor.focus();
        self.editor.replace(Some((editor, listeners)));
    }

    pub(super) fn close_editor(&self) {
        // Dropped after this event: its listeners may be the ones running now.
        let closed = self.editor.take();
        wasm_bindgen_futures::spawn_local(async move { drop(closed) });
        dom::clear(&self.editor_slot);
        dom::set_hidden(&self.search, false);
        self.render();
        dom::focus(&self.search);
    }

    pub(super) fn save_edit(self: &Rc<Self>) {
        let Some(label) = self
            .editor
            .borrow()
            .as_ref()
            .map(|(editor, _)| editor.value())
        else {
            return;
        };
        let me = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let response = library::request(&Request::LabelPut {
                label: label.clone(),
            })
            .await;
            let Some(menu) = me.upgrade() else { return };
            if !menu.answered(&response, "The label could not be saved.") {
                if let Some((editor, _)) = menu.editor.borrow().as_ref() {
                    editor.focus();
                }
                return;
            }
            if let Some(saved) = response.labels.and_then(|labels| labels.into_iter().next()) {
                let mut state = menu.state.borrow_mut();
                if let Some(shown) = state.labels.iter_mut().find(|l| l.id == saved.id) {
                    *shown = saved;
                }
            }
            menu.messages
                .status(&format!("Saved {}.", dom::quoted(&label.name)));
            menu.close_editor();
            menu.reload();
        });
    }

    pub(super) fn delete(self: &Rc<Self>) {
        let Some(label) = self.highlighted_label() else {
            return;
        };
        let me = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let response = library::request(&Request::LabelDelete {
                id: label.id.clone(),
            })
            .await;
            let Some(menu) = me.upgrade() else { return };
            if !menu.answered(&response, "The label could not be deleted.") {
                return;
            }
            menu.state.borrow_mut().labels.retain(|l| l.id != label.id);
            menu.messages.offer_undo(
                &format!("Deleted {}", dom::quoted(&label.name)),
                Undo::Label(label.id.clone()),
            );
            menu.render();
            dom::focus(&menu.search);
        });
    }

    pub(super) fn undo(self: &Rc<Self>) {
        let Some(Undo::Label(id)) = self.messages.take_undo() else {
            return;
        };
        let me = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let response = library::request(&Request::LabelRestore { id: id.clone() }).await;
            let Some(menu) = me.upgrade() else { return };
            if !menu.answered(&response, "The label could not be restored.") {
                return;
            }
            let name = response
                .labels
                .as_ref()
                .and_then(|labels| labels.first())
                .map_or_else(|| "The label".to_string(), |label| dom::quoted(&label.name));
            menu.messages.status(&format!("Restored {name}."));
            menu.reload();
            dom::focus(&menu.search);
        });
    }
}
