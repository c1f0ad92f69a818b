//! The notes panel (`#mode=notes`): a textarea (focus on open; Ctrl+Enter saves), a choice of what a new
//! note is about when the conversation has a known person (the person — their notes follow them everywhere —
//! or this conversation), and the notes of both, newest first (`note_item`): Edit (Ctrl+Enter saves), the
//! earlier versions, Delete with Undo (Ctrl+Z). Escape closes, but never over unsaved text without saying
//! so first; unsaved text is also kept per subject while the frame lives (`Drafts`).
mod changes;

use super::dom::{self, el, text, Listeners};
use super::messages::Messages;
use super::note_item::NoteItem;
use super::params::{Named, Params};
use crate::core::notes::Note;
use crate::platform::library;
use crate::platform::protocol::{Request, Response};
use gloo::timers::callback::Interval;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlButtonElement, HtmlInputElement, HtmlTextAreaElement, KeyboardEvent};

/// Unsaved text by subject key (new notes) and by `edit:<note id>` (edits), kept while the frame lives, so
/// closing the panel or switching conversations loses nothing.
pub type Drafts = Rc<RefCell<HashMap<String, String>>>;

/// How often relative times move on.
const CLOCK_MS: u32 = 30_000;

pub struct NotesPanel {
    params: Params,
    pub element: Element,
    /// The radios choosing what a new note is about (empty when there is no person).
    about: Vec<(HtmlInputElement, Named)>,
    textarea: HtmlTextAreaElement,
    save: HtmlButtonElement,
    hint: Element,
    options_button: HtmlButtonElement,
    sections: Vec<Section>,
    messages: Messages,
    drafts: Drafts,
    state: RefCell<State>,
    items: RefCell<HashMap<String, NoteItem>>,
    listeners: Listeners,
    clock: RefCell<Option<Interval>>,
}

/// The notes of one subject.
struct Section {
    key: String,
    list: Element,
    empty: Element,
}

#[derive(Default)]
struct State {
    /// Live notes of the subjects shown, newest first.
    notes: Vec<Note>,
    reads: u64,
    loaded: bool,
    /// Escape was pressed once over unsaved text (the next one closes).
    escape_warned: bool,
    /// Escape was pressed once in this note's changed edit (the next one discards it).
    edit_warned: Option<String>,
    saving: bool,
}

impl NotesPanel {
    pub fn new(params: Params, drafts: Drafts) -> Rc<NotesPanel> {
        let element = el("section", &[("class", "notes")]);
        let compose = el("div", &[("class", "compose")]);
        let mut about = Vec::new();
        if let Some(person) = &params.person {
            let group = el("fieldset", &[("class", "about")]);
            dom::append(&group, &[&text("legend", &[], "New note about")]);
            let choices = [
                (
                    format!("{} (everywhere)", params.person_title().unwrap_or_default()),
                    person.clone(),
                ),
                (params.subject_place().to_string(), params.subject.clone()),
            ];
            for (index, (label, subject)) in choices.into_iter().enumerate() {
                let choice = el("label", &[("class", "choice")]);
                let radio: HtmlInputElement =
                    dom::typed("input", &[("type", "radio"), ("name", "note-about")]);
                radio.set_checked(index == 0);
                dom::append(&choice, &[&radio, &text("span", &[], &label)]);
                dom::append(&group, &[&choice]);
                about.push((radio, subject));
            }
            dom::append(&compose, &[&group]);
        }
        let label = text(
            "label",
            &[("for", "note-text"), ("class", "compose-label")],
            "New note",
        );
        let textarea: HtmlTextAreaElement = dom::typed(
            "textarea",
            &[
                ("id", "note-text"),
                ("rows", "3"),
                ("placeholder", "Write a note… Ctrl+Enter saves"),
                ("aria-keyshortcuts", "Control+Enter"),
            ],
        );
        if let Some(draft) = drafts.borrow().get(&params.subject.key) {
            textarea.set_value(draft);
        }
        let row = el("div", &[("class", "compose-row")]);
        let save = dom::button(
            "Save note",
            &[("class", "primary"), ("title", "Save note (Ctrl+Enter)")],
        );
        dom::append(
            &row,
            &[
                &save,
                &text(
                    "span",
                    &[("class", "keys")],
                    "Ctrl+Enter saves · Esc closes",
                ),
            ],
        );
        let hint = el("p", &[("class", "hint")]);
        let options_button = dom::button("Open options", &[("class", "link")]);
        dom::append(
            &hint,
            &[
                &text(
                    "span",
                    &[],
                    "Notes are signed “Someone” until you set “Your name” in Answerdeck’s options. ",
                ),
                &options_button,
            ],
        );
        dom::set_hidden(&hint, true);
        dom::append(&compose, &[&label, &textarea, &row, &hint]);
        let messages = Messages::new();
        dom::append(&element, &[&compose, &messages.element]);

        let mut sections = Vec::new();
        let mut lists: Vec<(Named, Option<String>)> = Vec::new();
        if let Some(person) = &params.person {
            let person_title = params.person_title().unwrap_or_default();
            lists.push((
                person.clone(),
                Some(format!("Notes about {person_title} (everywhere)")),
            ));
            lists.push((
                params.subject.clone(),
                Some(params.subject_place().to_string()),
            ));
        } else {
            lists.push((params.subject.clone(), None));
        }
        for (index, (subject, heading)) in lists.into_iter().enumerate() {
            let section = el("section", &[("class", "note-section")]);
            let heading_id = format!("notes-heading-{index}");
            let list = el("ul", &[("class", "note-list")]);
            match &heading {
                Some(heading) => {
                    dom::append(&section, &[&text("h2", &[("id", &heading_id)], heading)]);
                    let _ = list.set_attribute("aria-labelledby", &heading_id);
                }
                None => {
                    let _ = list.set_attribute("aria-label", "Notes");
                }
            }
            let empty = text("p", &[("class", "empty")], "No notes yet.");
            dom::set_hidden(&empty, true); // until the notes are read
            dom::append(&section, &[&list, &empty]);
            dom::append(&element, &[&section]);
            sections.push(Section {
                key: subject.key,
                list,
                empty,
            });
        }
        let panel = Rc::new(NotesPanel {
            params,
            element,
            about,
            textarea,
            save,
            hint,
            options_button,
            sections,
            messages,
            drafts,
            state: RefCell::default(),
            items: RefCell::default(),
            listeners: Listeners::default(),
            clock: RefCell::default(),
        });
        panel.wire();
        panel.check_author();
        let me = Rc::downgrade(&panel);
        panel.clock.replace(Some(Interval::new(CLOCK_MS, move || {
            if let Some(panel) = me.upgrade() {
                let now = js_sys::Date::now();
                for item in panel.items.borrow().values() {
                    item.refresh_time(now);
                }
            }
        })));
        panel
    }

    fn wire(self: &Rc<Self>) {
        let l = &self.listeners;
        l.on(
            self,
            &crate::dom::document().into(),
            "keydown",
            |panel, event| {
                if let Some(key) = event.dyn_ref::<KeyboardEvent>() {
                    panel.keydown(key);
                }
            },
        );
        l.on(
            self,
            &self.element.clone().into(),
            "input",
            |panel, event| {
                panel.input(event.target());
            },
        );
        l.on(
            self,
            &self.element.clone().into(),
            "click",
            |panel, event| {
                let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
                    return;
                };
                let action = target.closest("[data-action]").ok().flatten();
                let note = target.closest("[data-note]").ok().flatten();
                if let (Some(action), Some(note)) = (action, note) {
                    let id = note.get_attribute("data-note").unwrap_or_default();
                    match action.get_attribute("data-action").as_deref() {
                        Some("edit") => panel.start_edit(&id),
                        Some("delete") => panel.delete(&id),
                        Some("save") => panel.save_edit(&id),
                        Some("cancel") => panel.cancel_edit(&id),
                        _ => {}
                    }
                }
            },
        );
        l.on(self, &self.save.clone().into(), "click", |panel, _| {
            panel.save_new()
        });
        l.on(
            self,
            &self.messages.undo_button.clone().into(),
            "click",
            |panel, _| panel.undo(),
        );
        l.on(
            self,
            &self.options_button.clone().into(),
            "click",
            |_, _| {
                wasm_bindgen_futures::spawn_local(async {
                    let _ = crate::platform::ext::call("runtime", "openOptionsPage", &[]).await;
                });
            },
        );
    }

    pub fn focus(&self) {
        let _ = self.textarea.focus();
    }

    /// Notes are signed with the agent name from the settings; without one they say "Someone", so say
    /// where to set it.
    fn check_author(self: &Rc<Self>) {
        let me = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let response = library::request(&Request::SettingsGet).await;
            let Some(panel) = me.upgrade() else { return };
            let unnamed = response
                .settings
                .as_ref()
                .is_some_and(|settings| settings.agent().is_none());
            dom::set_hidden(&panel.hint, !(response.ok && unnamed));
        });
    }

    /// Reads the notes of the subjects shown.
    pub fn reload(self: &Rc<Self>) {
        let read = {
            let mut state = self.state.borrow_mut();
            state.reads += 1;
            state.reads
        };
        let subjects = self.sections.iter().map(|s| s.key.clone()).collect();
        let me = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let response = library::request(&Request::NotesList { subjects }).await;
            let Some(panel) = me.upgrade() else { return };
            if panel.state.borrow().reads != read {
                return;
            }
            if !panel.answered(&response, "The notes could not be read.") {
                return;
            }
            {
                let mut state = panel.state.borrow_mut();
                state.notes = response.notes.unwrap_or_default();
                state.loaded = true;
            }
            panel.render();
        });
    }

    /// A labels/notes change announced by the background (any tab).
    pub fn changed(self: &Rc<Self>, _rev: Option<u64>) {
        self.reload();
    }

    /// Shows the notes, re-using each note's element so an open edit (and focus in it) stays.
    fn render(&self) {
        let now = js_sys::Date::now();
        let state = self.state.borrow();
        let mut items = self.items.borrow_mut();
        let live: HashSet<&str> = state.notes.iter().map(|note| note.id.as_str()).collect();
        items.retain(|id, item| {
            let keep = live.contains(id.as_str()) || item.is_editing();
            if !keep {
                item.element.remove();
            }
            keep
        });
        for section in &self.sections {
            let here_notes = state
                .notes
                .iter()
                .filter(|note| note.subject == section.key);
            for (position, note) in here_notes.enumerate() {
                let item = items
                    .entry(note.id.clone())
                    .or_insert_with(|| NoteItem::new(note, now));
                if !item.is_editing() {
                    item.update(note, now);
                }
                let here = section.list.children().item(position as u32);
                if here.as_ref() != Some(&item.element) {
                    let _ = section
                        .list
                        .insert_before(&item.element, here.as_ref().map(|e| e.as_ref()));
                }
            }
            let loaded = state.loaded;
            dom::set_hidden(
                &section.empty,
                !loaded || section.list.child_element_count() > 0,
            );
        }
    }

    /// Shows a refusal as an alert (false) or clears the last one (true).
    fn answered(&self, response: &Response, fallback: &str) -> bool {
        if response.ok {
            self.messages.clear_alert();
        } else {
            self.messages.alert(response.message.clone(), fallback);
        }
        response.ok
    }

    fn keydown(self: &Rc<Self>, key: &KeyboardEvent) {
        let target = key.target().and_then(|t| t.dyn_into::<Element>().ok());
        let editing = target
            .as_ref()
            .filter(|t| t.closest(".note-editor").ok().flatten().is_some())
            .and_then(|t| t.closest("[data-note]").ok().flatten())
            .and_then(|note| note.get_attribute("data-note"));
        let in_compose = target.as_ref().is_some_and(|t| *t == **self.textarea);
        let command = key.ctrl_key() || key.meta_key();
        match key.key().as_str() {
            "Enter" if command => {
                if let Some(id) = editing {
                    key.prevent_default();
                    self.save_edit(&id);
                } else if in_compose {
                    key.prevent_default();
                    self.save_new();
                }
            }
            "Escape" => {
                key.prevent_default();
                match editing {
                    Some(id) => self.escape_edit(&id),
                    None => self.escape(),
                }
            }
            "z" | "Z" if command && !key.shift_key() && self.messages.has_undo() => {
                // In a field with text, Ctrl+Z undoes typing; elsewhere it brings the deleted note back.
                let typing = target.as_ref().is_some_and(|t| {
                    t.dyn_ref::<HtmlTextAreaElement>()
                        .is_some_and(|t| !t.value().is_empty())
                });
                if !typing {
                    key.prevent_default();
                    self.undo();
                }
            }
            _ => {}
        }
    }

    fn input(&self, target: Option<web_sys::EventTarget>) {
        let Some(target) = target.and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok()) else {
            return;
        };
        let key = if target == self.textarea {
            self.state.borrow_mut().escape_warned = false;
            self.params.subject.key.clone()
        } else {
            let Some(note) = target.closest("[data-note]").ok().flatten() else {
                return;
            };
            self.state.borrow_mut().edit_warned = None;
            format!(
                "edit:{}",
                note.get_attribute("data-note").unwrap_or_default()
            )
        };
        let mut drafts = self.drafts.borrow_mut();
        if target.value().trim().is_empty() {
            drafts.remove(&key);
        } else {
            drafts.insert(key, target.value());
        }
    }

    /// Escape outside an edit: closes, unless text is unsaved and this is the first Escape.
    fn escape(&self) {
        let unsaved = !self.textarea.value().trim().is_empty()
            || self.items.borrow().values().any(NoteItem::edit_changed);
        let warned = std::mem::replace(&mut self.state.borrow_mut().escape_warned, unsaved);
        if unsaved && !warned {
            self.messages.status(
                "Not saved yet. Press Escape again to close — the text stays here as a draft.",
            );
            return;
        }
        self.state.borrow_mut().escape_warned = false;
        dom::request_close();
    }

    /// Escape in an edit: cancels it; a changed edit only on the second Escape.
    fn escape_edit(self: &Rc<Self>, id: &str) {
        let changed = self
            .items
            .borrow()
            .get(id)
            .is_some_and(NoteItem::edit_changed);
        let warned = self.state.borrow().edit_warned.as_deref() == Some(id);
        if changed && !warned {
            self.state.borrow_mut().edit_warned = Some(id.to_string());
            self.messages.status(
                "This edit is not saved. Press Escape again to discard it, Ctrl+Enter to save.",
            );
            return;
        }
        self.cancel_edit(id);
    }
}
