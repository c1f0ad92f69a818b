//! What the notes panel changes, each sent to the background and shown when it answers (a refusal in the
//! alert line): a new note (about the chosen subject), an edit, a delete and its Undo.
use super::super::dom;
use super::super::messages::Undo;
use super::super::params::Named;
use super::NotesPanel;
use crate::platform::library;
use crate::platform::protocol::Request;
use std::rc::Rc;

impl NotesPanel {
    /// What a new note is about: the chosen subject, the person by default.
    pub(super) fn chosen(&self) -> Named {
        self.about
            .iter()
            .find(|(radio, _)| radio.checked())
            .map(|(_, subject)| subject.clone())
            .unwrap_or_else(|| self.params.subject.clone())
    }

    pub(super) fn save_new(self: &Rc<Self>) {
        let typed = self.textarea.value();
        let text = typed.trim().to_string();
        if text.is_empty() {
            self.messages.status("Write the note first.");
            dom::focus(&self.textarea);
            return;
        }
        if std::mem::replace(&mut self.state.borrow_mut().saving, true) {
            return;
        }
        let subject = self.chosen();
        let request = Request::NoteAdd {
            subject: subject.key.clone(),
            text,
            subject_name: Some(subject.name.trim().to_string()).filter(|name| !name.is_empty()),
        };
        let me = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let response = library::request(&request).await;
            let Some(panel) = me.upgrade() else { return };
            panel.state.borrow_mut().saving = false;
            if !panel.answered(&response, "The note could not be saved.") {
                return;
            }
            // Text typed while the note was on its way stays.
            if panel.textarea.value() == typed {
                panel.textarea.set_value("");
                panel.drafts.borrow_mut().remove(&panel.params.subject.key);
            }
            if let Some(note) = response.notes.and_then(|notes| notes.into_iter().next()) {
                let mut state = panel.state.borrow_mut();
                state.notes.retain(|n| n.id != note.id);
                state.notes.insert(0, note);
                state.loaded = true;
            }
            panel.state.borrow_mut().escape_warned = false;
            panel.render();
            panel.messages.status("Note saved.");
            dom::focus(&panel.textarea);
        });
    }

    pub(super) fn start_edit(&self, id: &str) {
        let items = self.items.borrow();
        let Some(item) = items.get(id) else { return };
        let draft = self.drafts.borrow().get(&format!("edit:{id}")).cloned();
        item.start_edit(&draft.unwrap_or_else(|| item.note().text));
    }

    pub(super) fn cancel_edit(&self, id: &str) {
        self.drafts.borrow_mut().remove(&format!("edit:{id}"));
        self.state.borrow_mut().edit_warned = None;
        if let Some(item) = self.items.borrow().get(id) {
            item.end_edit(js_sys::Date::now());
        }
        self.render(); // changes held back during the edit show now
    }

    pub(super) fn save_edit(self: &Rc<Self>, id: &str) {
        let (text, changed) = {
            let items = self.items.borrow();
            let Some(item) = items.get(id) else { return };
            (item.edit_text().unwrap_or_default(), item.edit_changed())
        };
        if !changed {
            self.cancel_edit(id);
            return;
        }
        let text = text.trim().to_string();
        if text.is_empty() {
            self.messages
                .status("A note can't be empty. To remove it, cancel and choose Delete.");
            return;
        }
        let id = id.to_string();
        let me = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let response = library::request(&Request::NoteEdit {
                id: id.clone(),
                text,
            })
            .await;
            let Some(panel) = me.upgrade() else { return };
            if !panel.answered(&response, "The note could not be saved.") {
                return;
            }
            if let Some(note) = response.notes.and_then(|notes| notes.into_iter().next()) {
                let mut state = panel.state.borrow_mut();
                if let Some(shown) = state.notes.iter_mut().find(|n| n.id == note.id) {
                    *shown = note;
                }
            }
            panel.cancel_edit(&id);
            panel.messages.status("Note saved.");
        });
    }

    pub(super) fn delete(self: &Rc<Self>, id: &str) {
        let id = id.to_string();
        let me = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let response = library::request(&Request::NoteDelete { id: id.clone() }).await;
            let Some(panel) = me.upgrade() else { return };
            if !panel.answered(&response, "The note could not be deleted.") {
                return;
            }
            let text = {
                let mut state = panel.state.borrow_mut();
                let text = state
                    .notes
                    .iter()
                    .find(|n| n.id == id)
                    .map(|n| n.text.clone())
                    .unwrap_or_default();
                state.notes.retain(|n| n.id != id);
                text
            };
            if let Some(item) = panel.items.borrow_mut().remove(&id) {
                item.element.remove();
            }
            panel.drafts.borrow_mut().remove(&format!("edit:{id}"));
            panel.render();
            panel.messages.offer_undo(
                &format!("Deleted the note {}", dom::quoted(&snippet(&text))),
                Undo::Note(id),
            );
            dom::focus(&panel.textarea);
        });
    }

    pub(super) fn undo(self: &Rc<Self>) {
        let Some(Undo::Note(id)) = self.messages.take_undo() else {
            return;
        };
        let me = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let response = library::request(&Request::NoteRestore { id }).await;
            let Some(panel) = me.upgrade() else { return };
            if !panel.answered(&response, "The note could not be restored.") {
                return;
            }
            panel.messages.status("Note restored.");
            panel.reload();
        });
    }
}

/// The start of a note, for messages: its first line, at most 40 characters.
fn snippet(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default().trim();
    let mut short: String = line.chars().take(40).collect();
    if short.chars().count() < line.chars().count() || text.lines().nth(1).is_some() {
        short.push('…');
    }
    short
}
