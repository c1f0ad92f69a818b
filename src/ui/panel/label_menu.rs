//! The label menu (`#mode=labels`): a search field (focus on open) controlling a multi-select listbox of the
//! live labels, those on the subject selected. Typing filters; ArrowUp/ArrowDown move the highlight
//! (`aria-activedescendant`, focus stays in the field); Enter toggles the highlighted label on the subject,
//! or creates the typed label and puts it on; F2 edits the highlighted label (`label_editor`); Delete
//! deletes it (Undo, Ctrl+Z); Escape closes. Every change goes to the background; what it refuses is shown.
mod changes;

use super::dom::{self, el, text, Listeners};
use super::label_editor::LabelEditor;
use super::menu::{self, Entry};
use super::messages::Messages;
use super::params::Params;
use crate::core::labels::Label;
use crate::platform::library;
use crate::platform::protocol::Request;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlButtonElement, HtmlInputElement, KeyboardEvent};

const LIST_ID: &str = "label-list";

pub struct LabelMenu {
    params: Params,
    pub element: Element,
    search: HtmlInputElement,
    listbox: Element,
    empty: Element,
    actions: Element,
    target: Element,
    edit_button: HtmlButtonElement,
    delete_button: HtmlButtonElement,
    editor_slot: Element,
    keys: Element,
    messages: Messages,
    state: RefCell<State>,
    editor: RefCell<Option<(LabelEditor, Listeners)>>,
    listeners: Listeners,
}

#[derive(Default)]
struct State {
    /// Live labels, by name (as the background lists them).
    labels: Vec<Label>,
    /// Ids of the labels on the subject.
    on: Vec<String>,
    /// The labels were read once (until then, no "No labels yet").
    loaded: bool,
    /// The labels revision shown; older answers are ignored.
    rev: Option<u64>,
    /// Reads started; an answer to an earlier one than the newest is ignored.
    reads: u64,
    entries: Vec<Entry>,
    highlight: usize,
    /// The highlighted label, so a re-read that moves it keeps it highlighted (`None`: the Create row).
    highlight_id: Option<String>,
    /// A create is on its way: Enter waits for it instead of creating twice.
    creating: bool,
}

impl LabelMenu {
    pub fn new(params: Params) -> Rc<LabelMenu> {
        let element = el("section", &[("class", "labels")]);
        let search: HtmlInputElement = dom::typed(
            "input",
            &[
                ("type", "text"),
                ("class", "search"),
                ("role", "combobox"),
                ("aria-label", "Search or create a label"),
                ("placeholder", "Search or create a label"),
                ("aria-controls", LIST_ID),
                ("aria-expanded", "true"),
                ("aria-autocomplete", "list"),
                ("autocomplete", "off"),
                ("spellcheck", "false"),
            ],
        );
        let listbox = el(
            "ul",
            &[
                ("id", LIST_ID),
                ("class", "options"),
                ("role", "listbox"),
                ("aria-multiselectable", "true"),
                (
                    "aria-label",
                    &format!("Labels on {}", params.subject_title()),
                ),
            ],
        );
        let empty = text(
            "p",
            &[("class", "empty")],
            "No labels yet. Type a name and press Enter to create one.",
        );
        dom::set_hidden(&empty, true);
        let actions = el("div", &[("class", "actions")]);
        let target = el("span", &[("class", "target"), ("id", "label-target")]);
        let edit_button = dom::button(
            "Edit",
            &[
                ("aria-describedby", "label-target"),
                ("aria-keyshortcuts", "F2"),
                ("title", "Edit (F2)"),
            ],
        );
        let delete_button = dom::button(
            "Delete",
            &[
                ("aria-describedby", "label-target"),
                ("aria-keyshortcuts", "Delete"),
                ("title", "Delete (Del)"),
            ],
        );
        dom::append(&actions, &[&target, &edit_button, &delete_button]);
        let editor_slot = el("div", &[("class", "editor-slot")]);
        let messages = Messages::new();
        let keys = text(
            "p",
            &[("class", "keys")],
            "↑↓ move · Enter on/off · F2 edit · Del delete · Esc close",
        );
        dom::append(
            &element,
            &[
                &search,
                &listbox,
                &empty,
                &actions,
                &editor_slot,
                &messages.element,
                &keys,
            ],
        );
        let menu = Rc::new(LabelMenu {
            params,
            element,
            search,
            listbox,
            empty,
            actions,
            target,
            edit_button,
            delete_button,
            editor_slot,
            keys,
            messages,
            state: RefCell::default(),
            editor: RefCell::default(),
            listeners: Listeners::default(),
        });
        menu.wire();
        menu.render();
        menu
    }

    fn wire(self: &Rc<Self>) {
        let l = &self.listeners;
        l.on(self, &self.search.clone().into(), "input", |menu, _| {
            {
                let mut state = menu.state.borrow_mut();
                state.highlight = 0;
                state.highlight_id = None;
            }
            menu.render();
        });
        l.on(
            self,
            &crate::dom::document().into(),
            "keydown",
            |menu, event| {
                if let Some(key) = event.dyn_ref::<KeyboardEvent>() {
                    menu.keydown(key);
                }
            },
        );
        // The pointer picks a row without taking focus from the search field.
        l.on(
            self,
            &self.listbox.clone().into(),
            "mousedown",
            |_, event| {
                event.prevent_default();
            },
        );
        l.on(
            self,
            &self.listbox.clone().into(),
            "click",
            |menu, event| {
                let row = event
                    .target()
                    .and_then(|target| target.dyn_into::<Element>().ok())
                    .and_then(|target| target.closest("[role=option]").ok().flatten());
                let index = row
                    .and_then(|row| row.get_attribute("data-index"))
                    .and_then(|index| index.parse::<usize>().ok());
                if let Some(index) = index {
                    menu.set_highlight(index);
                    menu.activate();
                    dom::focus(&menu.search);
                }
            },
        );
        l.on(
            self,
            &self.edit_button.clone().into(),
            "click",
            |menu, _| menu.edit(),
        );
        l.on(
            self,
            &self.delete_button.clone().into(),
            "click",
            |menu, _| menu.delete(),
        );
        l.on(
            self,
            &self.messages.undo_button.clone().into(),
            "click",
            |menu, _| menu.undo(),
        );
    }

    /// Focus in the search field (on open, and when the frame is shown again).
    pub fn focus(&self) {
        if let Some((editor, _)) = self.editor.borrow().as_ref() {
            editor.focus();
        } else {
            dom::focus(&self.search);
        }
    }

    fn keydown(self: &Rc<Self>, key: &KeyboardEvent) {
        if self.editor.borrow().is_some() {
            return; // the editor has its own keys
        }
        let on_button = LabelEditor::is_button(key.target());
        let command = key.ctrl_key() || key.meta_key();
        match key.key().as_str() {
            "ArrowDown" | "ArrowUp" if !command => {
                key.prevent_default();
                let delta = if key.key() == "ArrowDown" { 1 } else { -1 };
                let next = {
                    let state = self.state.borrow();
                    menu::step(state.highlight, state.entries.len(), delta)
                };
                self.set_highlight(next);
                dom::focus(&self.search);
            }
            "Enter" if !on_button => {
                key.prevent_default();
                self.activate();
            }
            "F2" => {
                key.prevent_default();
                self.edit();
            }
            // In the search field Delete keeps deleting the character after the caret; at the end of the
            // text (where it would do nothing) it deletes the highlighted label.
            "Delete" if !on_button && self.caret_at_end() && self.highlighted_label().is_some() => {
                key.prevent_default();
                self.delete();
            }
            "Escape" => {
                key.prevent_default();
                dom::request_close();
            }
            "z" | "Z" if command && !key.shift_key() && self.messages.has_undo() => {
                key.prevent_default();
                self.undo();
            }
            _ => {}
        }
    }

    fn caret_at_end(&self) -> bool {
        let length = self.search.value().encode_utf16().count() as u32;
        let start = self.search.selection_start().ok().flatten();
        let end = self.search.selection_end().ok().flatten();
        start == end && end.is_none_or(|end| end >= length)
    }

    /// Reads the labels and the subject's labels from the background.
    pub fn reload(self: &Rc<Self>) {
        let read = {
            let mut state = self.state.borrow_mut();
            state.reads += 1;
            state.reads
        };
        let me = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let response = library::request(&Request::LabelsList).await;
            let Some(menu) = me.upgrade() else { return };
            if menu.state.borrow().reads != read {
                return; // a newer read is on its way
            }
            if !response.ok {
                menu.messages
                    .alert(response.message, "The labels could not be read.");
                menu.render();
                return;
            }
            menu.messages.clear_alert();
            {
                let mut state = menu.state.borrow_mut();
                if let (Some(shown), Some(rev)) = (state.rev, response.labels_rev) {
                    if rev < shown {
                        return;
                    }
                }
                state.loaded = true;
                state.rev = response.labels_rev.or(state.rev);
                state.labels = response.labels.unwrap_or_default();
                state.on = response
                    .subjects
                    .unwrap_or_default()
                    .into_iter()
                    .find(|subject| subject.key == menu.params.subject.key)
                    .map(|subject| subject.labels)
                    .unwrap_or_default();
            }
            menu.render();
        });
    }

    /// A labels change announced by the background (any tab).
    pub fn changed(self: &Rc<Self>, rev: Option<u64>) {
        let shown = self.state.borrow().rev;
        if rev.is_none() || shown.is_none() || rev > shown {
            self.reload();
        }
    }

    /// Highlights row `index` (of the rows shown).
    fn set_highlight(&self, index: usize) {
        {
            let mut state = self.state.borrow_mut();
            state.highlight = index;
            state.highlight_id = label_id(&state, index);
        }
        self.render();
    }

    /// Rebuilds the rows for the typed text, keeping the highlighted label highlighted when it is still
    /// listed. The search field is never touched, so focus and the text typed stay.
    fn render(&self) {
        let query = self.search.value();
        let editing = self.editor.borrow().is_some();
        let mut state = self.state.borrow_mut();
        state.entries = menu::entries(&state.labels, &query);
        if let Some(id) = state.highlight_id.clone() {
            if let Some(index) =
                (0..state.entries.len()).find(|i| label_id(&state, *i).as_ref() == Some(&id))
            {
                state.highlight = index;
            }
        }
        if state.highlight >= state.entries.len() {
            state.highlight = state.entries.len().saturating_sub(1);
        }
        state.highlight_id = label_id(&state, state.highlight);
        dom::clear(&self.listbox);
        for (position, entry) in state.entries.iter().enumerate() {
            let row = match entry {
                Entry::Label(index) => {
                    let label = &state.labels[*index];
                    label_row(label, state.on.contains(&label.id))
                }
                Entry::Create(name) => create_row(name),
            };
            let _ = row.set_attribute("id", &format!("label-option-{position}"));
            let _ = row.set_attribute("data-index", &position.to_string());
            if position == state.highlight {
                let _ = row.class_list().add_1("active");
            }
            let _ = self.listbox.append_child(&row);
        }
        let active =
            (!state.entries.is_empty()).then(|| format!("label-option-{}", state.highlight));
        match &active {
            Some(id) => {
                let _ = self.search.set_attribute("aria-activedescendant", id);
            }
            None => {
                let _ = self.search.remove_attribute("aria-activedescendant");
            }
        }
        dom::set_hidden(
            &self.empty,
            editing || !state.loaded || !state.labels.is_empty() || !query.trim().is_empty(),
        );
        // Kept while empty (it takes no room then): the search field controls it.
        dom::set_hidden(&self.listbox, editing);
        let target = match state.entries.get(state.highlight) {
            Some(Entry::Label(index)) => Some(state.labels[*index].name.clone()),
            _ => None,
        };
        dom::set_hidden(&self.actions, editing || target.is_none());
        dom::set_hidden(&self.keys, editing);
        self.target.set_text_content(target.as_deref());
        drop(state);
        if let Some(id) = active {
            if let Some(row) = crate::dom::document().get_element_by_id(&id) {
                row.scroll_into_view_with_bool(false);
            }
        }
    }

    fn highlighted(&self) -> Option<Entry> {
        let state = self.state.borrow();
        state.entries.get(state.highlight).cloned()
    }

    fn highlighted_label(&self) -> Option<Label> {
        match self.highlighted()? {
            Entry::Label(index) => self.state.borrow().labels.get(index).cloned(),
            Entry::Create(_) => None,
        }
    }
}

/// The id of the label on row `index`, `None` for the Create row.
fn label_id(state: &State, index: usize) -> Option<String> {
    match state.entries.get(index)? {
        Entry::Label(i) => state.labels.get(*i).map(|label| label.id.clone()),
        Entry::Create(_) => None,
    }
}

/// `[✓] ■ VIP`: the check is drawn as a box with a tick (not colour alone); `aria-selected` says it too.
fn label_row(label: &Label, on: bool) -> Element {
    let row = el(
        "li",
        &[
            ("role", "option"),
            ("class", if on { "option on" } else { "option" }),
            ("aria-selected", if on { "true" } else { "false" }),
            ("data-label", &label.id),
        ],
    );
    let check = text(
        "span",
        &[("class", "check"), ("aria-hidden", "true")],
        if on { "✓" } else { "" },
    );
    let swatch = el("span", &[("class", "swatch"), ("aria-hidden", "true")]);
    dom::paint(&swatch, &label.color);
    let name = text("span", &[("class", "name")], &label.name);
    dom::append(&row, &[&check, &swatch, &name]);
    row
}

fn create_row(name: &str) -> Element {
    let row = el(
        "li",
        &[
            ("role", "option"),
            ("class", "option create"),
            ("aria-selected", "false"),
        ],
    );
    let plus = text("span", &[("class", "check"), ("aria-hidden", "true")], "+");
    let name = text(
        "span",
        &[("class", "name")],
        &format!("Create label {}", dom::quoted(name)),
    );
    dom::append(&row, &[&plus, &name]);
    row
}
