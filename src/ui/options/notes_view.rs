//! The Notes section: search across every note (text, author, and the name of the conversation or person,
//! ignoring case and accents), newest first. Each result shows whom it is about (name, and what the key
//! names: "Conversation on Facebook", "Person on X"), its author and time, and its text (as text); an
//! edited note says so and can show its earlier versions. Notes are written in the conversations (the notes
//! panel); this section finds them. Searched again whenever any tab changes notes.
use super::dom::{self, el, text, typed};
use super::Page;
use crate::core::notes::{Note, NoteVersion};
use crate::core::subject;
use crate::platform::library;
use crate::platform::protocol::Request;
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlInputElement};

/// Most results one search shows.
const LIMIT: usize = 200;
/// Searching waits for typing to pause this long.
const DEBOUNCE_MS: u32 = 150;

pub struct NotesView {
    pub section: Element,
    pub search: HtmlInputElement,
    count: Element,
    list: Element,
    /// Notes whose earlier versions are open (kept across searches and reloads).
    open: RefCell<HashSet<String>>,
    /// The search waiting for typing to pause.
    pending: RefCell<Option<Timeout>>,
    /// Numbers searches, so an answer that arrives after a newer search started is dropped.
    sequence: Cell<u64>,
}

impl NotesView {
    pub fn new() -> NotesView {
        let section = el(
            "section",
            &[
                ("class", "panel-section notes-section"),
                ("id", "notes"),
                ("aria-labelledby", "notes-heading"),
            ],
        );
        let head = el("div", &[("class", "section-head")]);
        let count = el(
            "p",
            &[
                ("class", "count"),
                ("id", "notes-count"),
                ("aria-live", "polite"),
            ],
        );
        dom::append(
            &head,
            &[&text("h2", &[("id", "notes-heading")], "Notes"), &count],
        );
        let search_box = el("div", &[("class", "search")]);
        let search: HtmlInputElement = typed(
            "input",
            &[
                ("type", "search"),
                ("id", "notes-search"),
                ("autocomplete", "off"),
                ("placeholder", "Text, author, or the customer’s name"),
                ("aria-describedby", "notes-search-hint"),
                ("aria-controls", "note-list"),
            ],
        );
        dom::append(
            &search_box,
            &[
                &text("label", &[("for", "notes-search")], "Search notes"),
                &search,
                &text(
                    "p",
                    &[("class", "hint"), ("id", "notes-search-hint")],
                    "Notes are written in the conversations, from the notes button. Every word must match the note’s text, its author or the name of the conversation or person.",
                ),
            ],
        );
        let list = el(
            "ul",
            &[
                ("class", "note-list"),
                ("id", "note-list"),
                ("aria-labelledby", "notes-heading"),
            ],
        );
        dom::append(&section, &[&head, &search_box, &list]);
        NotesView {
            section,
            search,
            count,
            list,
            open: RefCell::default(),
            pending: RefCell::default(),
            sequence: Cell::new(0),
        }
    }

    fn render(&self, query: &str, notes: &[Note]) {
        let query = query.trim();
        let shown = notes.len();
        let summary = match (query.is_empty(), shown) {
            (true, 0) => "No notes yet.".to_string(),
            (true, n) if n >= LIMIT => format!("The newest {} notes", n),
            (true, n) => dom::count(n, "note", "notes"),
            (false, 0) => format!("No note matches {}.", dom::quoted(query)),
            (false, n) if n >= LIMIT => {
                format!("The newest {n} notes matching {}", dom::quoted(query))
            }
            (false, 1) => format!("1 note matches {}", dom::quoted(query)),
            (false, n) => format!("{n} notes match {}", dom::quoted(query)),
        };
        self.count.set_text_content(Some(&summary));
        // A live redraw must not take focus away from an "earlier versions" button.
        let focused = crate::dom::document()
            .active_element()
            .filter(|active| self.list.contains(Some(active)))
            .and_then(|active| active.closest("li.note").ok().flatten())
            .and_then(|item| item.get_attribute("data-id"));
        dom::clear(&self.list);
        let open = self.open.borrow();
        for note in notes {
            let item = note_item(note, open.contains(&note.id));
            if focused.as_deref() == Some(note.id.as_str()) {
                if let Some(toggle) = item.query_selector("button").ok().flatten() {
                    let _ = self.list.append_child(&item);
                    dom::focus(&toggle);
                    continue;
                }
            }
            let _ = self.list.append_child(&item);
        }
        if focused.is_some()
            && !self
                .list
                .contains(crate::dom::document().active_element().as_deref())
        {
            // The note is gone or has no button any more: back to the search field.
            dom::focus(&self.search);
        }
    }
}

fn note_item(note: &Note, history_open: bool) -> Element {
    let item = el("li", &[("class", "note"), ("data-id", &note.id)]);
    let head = el("p", &[("class", "note-head")]);
    let about = note.subject_name.as_deref().unwrap_or(&note.subject);
    dom::append(
        &head,
        &[
            &text("span", &[("class", "note-subject")], about),
            &text(
                "span",
                &[("class", "note-kind")],
                &subject::describe(&note.subject),
            ),
        ],
    );
    let text_element = text("p", &[("class", "note-text")], &note.text);
    dom::append(
        &item,
        &[
            &head,
            &meta(&note.author, note.written_at(), note.edited_at.is_some()),
            &text_element,
        ],
    );
    if !note.history.is_empty() {
        let list_id = dom::element_id("history", &note.id);
        let toggle = dom::button(
            &history_label(note.history.len(), history_open),
            &[
                ("class", "link-button"),
                ("data-action", "history"),
                ("aria-expanded", if history_open { "true" } else { "false" }),
                ("aria-controls", &list_id),
            ],
        );
        let versions = el(
            "ol",
            &[
                ("class", "note-history"),
                ("id", &list_id),
                ("aria-label", "Earlier versions, newest first"),
            ],
        );
        for version in note.history.iter().rev() {
            let _ = versions.append_child(&version_item(version));
        }
        dom::set_hidden(&versions, !history_open);
        dom::append(&item, &[&toggle, &versions]);
    }
    item
}

fn version_item(version: &NoteVersion) -> Element {
    let item = el("li", &[]);
    dom::append(
        &item,
        &[
            &meta(&version.author, &version.at, false),
            &text("p", &[("class", "note-text")], &version.text),
        ],
    );
    item
}

/// `Sam · 22 Nov 2026, 10:00 · edited`.
fn meta(author: &str, at: &str, edited: bool) -> Element {
    let line = el("p", &[("class", "note-meta")]);
    let author = if author.is_empty() { "No name" } else { author };
    let time = text("time", &[("datetime", at)], &local_time(at));
    dom::append(
        &line,
        &[&text("span", &[("class", "note-author")], author), &time],
    );
    if edited {
        let _ = line.append_child(&text("span", &[("class", "note-edited")], "edited"));
    }
    line
}

fn history_label(count: usize, open: bool) -> String {
    let versions = dom::count(count, "earlier version", "earlier versions");
    if open {
        format!("Hide {versions}")
    } else {
        format!("Show {versions}")
    }
}

/// An ISO time in the reader's language and time zone (`22 Nov 2026, 10:00`).
fn local_time(at: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(at));
    if date.get_time().is_nan() {
        return at.to_string();
    }
    let locale = crate::dom::window()
        .navigator()
        .language()
        .unwrap_or_else(|| "en".into());
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    date.to_locale_string(&locale, &options).into()
}

pub fn wire(page: &Rc<Page>) {
    page.on(&page.notes.search, "input", |page, _| {
        let me = Rc::downgrade(page);
        let timeout = Timeout::new(DEBOUNCE_MS, move || {
            if let Some(page) = me.upgrade() {
                page.notes.pending.borrow_mut().take();
                page.search_notes();
            }
        });
        // Replacing the previous timeout cancels it (dropped).
        page.notes.pending.replace(Some(timeout));
    });
    page.on(&page.notes.list, "click", |page, event| {
        let Some(button) = event
            .target()
            .and_then(|target| target.dyn_into::<Element>().ok())
            .and_then(|target| {
                target
                    .closest("button[data-action=\"history\"]")
                    .ok()
                    .flatten()
            })
        else {
            return;
        };
        let Some(item) = button.closest("li.note").ok().flatten() else {
            return;
        };
        let Some(id) = item.get_attribute("data-id") else {
            return;
        };
        let open = !page.notes.open.borrow().contains(&id);
        if open {
            page.notes.open.borrow_mut().insert(id.clone());
        } else {
            page.notes.open.borrow_mut().remove(&id);
        }
        let _ = button.set_attribute("aria-expanded", if open { "true" } else { "false" });
        if let Some(versions) = item.query_selector(".note-history").ok().flatten() {
            let count = versions.child_element_count() as usize;
            button.set_text_content(Some(&history_label(count, open)));
            dom::set_hidden(&versions, !open);
        }
    });
}

impl Page {
    /// Searches the notes for what the search field holds (every note, newest first, when empty).
    pub(super) fn search_notes(self: &Rc<Self>) {
        let query = self.notes.search.value();
        let sequence = self.notes.sequence.get() + 1;
        self.notes.sequence.set(sequence);
        let me = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let request = Request::NotesSearch {
                query: query.clone(),
                limit: LIMIT,
            };
            let response = library::request(&request).await;
            let Some(page) = me.upgrade() else {
                return;
            };
            if page.notes.sequence.get() != sequence {
                return; // a newer search is under way
            }
            if !response.ok {
                let message = response
                    .message
                    .unwrap_or_else(|| "The notes could not be searched.".into());
                page.notes.count.set_text_content(Some(&message));
                return;
            }
            page.notes
                .render(&query, response.notes.as_deref().unwrap_or_default());
        });
    }
}
