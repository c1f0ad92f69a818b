//! One note in the notes panel: author ("Someone" when none was set), when (relative, with the exact local
//! date-time as `<time datetime>` and tooltip), the text as text with its line breaks, an "edited" marker
//! with a disclosure of the earlier versions, and Edit/Delete. Edit swaps the text for a textarea (Ctrl+Enter
//! saves, Escape cancels). The notes panel (`notes`) handles the buttons by delegation (`data-action`).
use super::dom::{self, el, text};
use super::time;
use crate::core::notes::Note;
use std::cell::RefCell;
use wasm_bindgen::JsValue;
use web_sys::{Element, HtmlTextAreaElement};

pub struct NoteItem {
    pub element: Element,
    note: RefCell<Note>,
    author: Element,
    time: Element,
    edited: Element,
    body: Element,
    history: Element,
    buttons: Element,
    editor: RefCell<Option<Editor>>,
}

struct Editor {
    element: Element,
    textarea: HtmlTextAreaElement,
    /// The text the edit started from (a kept draft may differ from the note).
    original: String,
}

impl NoteItem {
    pub fn new(note: &Note, now_ms: f64) -> NoteItem {
        let element = el("li", &[("class", "note"), ("data-note", &note.id)]);
        let meta = el("p", &[("class", "meta")]);
        let author = el("span", &[("class", "author")]);
        let time = el("time", &[]);
        let edited = el("span", &[("class", "edited")]);
        dom::append(
            &meta,
            &[
                &author,
                &text("span", &[("aria-hidden", "true")], " · "),
                &time,
                &edited,
            ],
        );
        // The buttons of every note are named alike; the note's text describes which one they act on.
        let body_id = format!("note-text-{}", note.id);
        let body = el("p", &[("class", "note-text"), ("id", &body_id)]);
        let history = el("details", &[("class", "history")]);
        let buttons = el("div", &[("class", "note-buttons")]);
        let edit = dom::button(
            "Edit",
            &[("data-action", "edit"), ("aria-describedby", &body_id)],
        );
        let delete = dom::button(
            "Delete",
            &[("data-action", "delete"), ("aria-describedby", &body_id)],
        );
        dom::append(&buttons, &[&edit, &delete]);
        dom::append(&element, &[&meta, &body, &history, &buttons]);
        let item = NoteItem {
            element,
            note: RefCell::new(note.clone()),
            author,
            time,
            edited,
            body,
            history,
            buttons,
            editor: RefCell::default(),
        };
        item.show(now_ms);
        item
    }

    pub fn note(&self) -> Note {
        self.note.borrow().clone()
    }

    /// Shows `note` as it is stored now (the text under an open edit is left alone).
    pub fn update(&self, note: &Note, now_ms: f64) {
        if *self.note.borrow() == *note {
            return;
        }
        self.note.replace(note.clone());
        self.show(now_ms);
    }

    fn show(&self, now_ms: f64) {
        let note = self.note.borrow();
        let author = author_name(&note.author);
        self.author.set_text_content(Some(&author));
        let edited_at = note.edited_at.as_deref().filter(|at| !at.is_empty());
        set_time(&self.time, edited_at.unwrap_or(&note.created_at), now_ms);
        match edited_at {
            Some(_) => {
                self.edited.set_text_content(Some(" · edited"));
                let written = time::parse_iso(&note.created_at)
                    .map_or_else(|| note.created_at.clone(), local_date_time);
                let _ = self
                    .edited
                    .set_attribute("title", &format!("Written first {written}"));
            }
            None => {
                self.edited.set_text_content(None);
                let _ = self.edited.remove_attribute("title");
            }
        }
        self.body.set_text_content(Some(&note.text));
        // The disclosure keeps its open state; only its content follows the note.
        dom::clear(&self.history);
        dom::set_hidden(&self.history, note.history.is_empty());
        if !note.history.is_empty() {
            let count = note.history.len();
            let summary = if count == 1 {
                "1 earlier version".to_string()
            } else {
                format!("{count} earlier versions")
            };
            let list = el("ol", &[("class", "versions")]);
            for version in note.history.iter().rev() {
                let row = el("li", &[("class", "version")]);
                let meta = el("p", &[("class", "meta")]);
                let when = el("time", &[]);
                set_time(&when, &version.at, now_ms);
                dom::append(
                    &meta,
                    &[
                        &text(
                            "span",
                            &[("class", "author")],
                            &author_name(&version.author),
                        ),
                        &text("span", &[("aria-hidden", "true")], " · "),
                        &when,
                    ],
                );
                dom::append(
                    &row,
                    &[&meta, &text("p", &[("class", "note-text")], &version.text)],
                );
                dom::append(&list, &[&row]);
            }
            dom::append(&self.history, &[&text("summary", &[], &summary), &list]);
        }
    }

    /// Moves the relative times on ("just now" → "1 min ago").
    pub fn refresh_time(&self, now_ms: f64) {
        for time in self
            .element
            .query_selector_all("time[datetime]")
            .ok()
            .into_iter()
            .flat_map(|list| (0..list.length()).filter_map(move |i| list.item(i)))
        {
            if let Some(time) = wasm_bindgen::JsCast::dyn_ref::<Element>(&time) {
                let iso = time.get_attribute("datetime").unwrap_or_default();
                if let Some(ms) = time::parse_iso(&iso) {
                    time.set_text_content(Some(&time::relative(now_ms, ms)));
                }
            }
        }
    }

    /// Swaps the text for a textarea holding `text` (the note's, or a draft kept from earlier).
    pub fn start_edit(&self, text: &str) -> HtmlTextAreaElement {
        if let Some(editor) = self.editor.borrow().as_ref() {
            return editor.textarea.clone();
        }
        let element = el("div", &[("class", "note-editor")]);
        let textarea: HtmlTextAreaElement = dom::typed(
            "textarea",
            &[
                ("class", "edit-text"),
                ("aria-label", "Edit note"),
                ("aria-keyshortcuts", "Control+Enter"),
                ("rows", "3"),
            ],
        );
        textarea.set_value(text);
        let buttons = el("div", &[("class", "note-buttons")]);
        let save = dom::button(
            "Save",
            &[
                ("data-action", "save"),
                ("class", "primary"),
                ("title", "Save (Ctrl+Enter)"),
            ],
        );
        let cancel = dom::button(
            "Cancel",
            &[("data-action", "cancel"), ("title", "Cancel (Escape)")],
        );
        dom::append(&buttons, &[&save, &cancel]);
        dom::append(&element, &[&textarea, &buttons]);
        let _ = self.element.insert_before(&element, Some(&self.history));
        dom::set_hidden(&self.body, true);
        dom::set_hidden(&self.buttons, true);
        let _ = self.element.class_list().add_1("editing");
        self.editor.replace(Some(Editor {
            element,
            textarea: textarea.clone(),
            original: self.note.borrow().text.clone(),
        }));
        let _ = textarea.focus();
        let end = textarea.value().encode_utf16().count() as u32;
        let _ = textarea.set_selection_range(end, end);
        textarea
    }

    pub fn is_editing(&self) -> bool {
        self.editor.borrow().is_some()
    }

    /// The text in the open edit.
    pub fn edit_text(&self) -> Option<String> {
        self.editor
            .borrow()
            .as_ref()
            .map(|editor| editor.textarea.value())
    }

    /// Whether the open edit's text differs from the note's.
    pub fn edit_changed(&self) -> bool {
        self.editor
            .borrow()
            .as_ref()
            .is_some_and(|editor| editor.textarea.value() != editor.original)
    }

    /// Closes the edit; focus goes back to the note's Edit button.
    pub fn end_edit(&self, now_ms: f64) {
        if let Some(editor) = self.editor.take() {
            editor.element.remove();
        }
        dom::set_hidden(&self.body, false);
        dom::set_hidden(&self.buttons, false);
        let _ = self.element.class_list().remove_1("editing");
        self.show(now_ms);
        if let Ok(Some(edit)) = self.element.query_selector("[data-action=edit]") {
            dom::focus(&edit);
        }
    }
}

/// The author as shown: "Someone" for notes written before a name was set.
pub fn author_name(author: &str) -> String {
    let author = author.trim();
    if author.is_empty() {
        "Someone".into()
    } else {
        author.into()
    }
}

/// `<time datetime="…" title="exact local">3 min ago</time>`; a time that does not read is shown as stored.
fn set_time(element: &Element, iso: &str, now_ms: f64) {
    match time::parse_iso(iso) {
        Some(ms) => {
            let _ = element.set_attribute("datetime", iso);
            let _ = element.set_attribute("title", &local_date_time(ms));
            element.set_text_content(Some(&time::relative(now_ms, ms)));
        }
        None => {
            let _ = element.remove_attribute("datetime");
            element.set_text_content(Some(iso));
        }
    }
}

/// The exact date and time in the user's time zone and language ("22 Nov 2026, 11:00").
pub fn local_date_time(ms: f64) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms));
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    let locale = crate::dom::window()
        .navigator()
        .language()
        .unwrap_or_else(|| "en".into());
    String::from(date.to_locale_string(&locale, &options))
}
