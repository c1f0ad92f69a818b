//! The label menu and the notes panel, shown in an extension-origin frame over the native page (see
//! `extension/panel.html`), so nothing typed here reaches the page's scripts. The URL hash says what to show
//! (`params`); the content script re-uses the frame and only changes the hash (`hashchange`). Both views
//! talk to the background (`platform::library::request`) and read again when any tab changes labels or
//! notes (`live`).
//!
//! Files: `params` (the hash), `label_menu` (its `changes`: toggle, create, edit, delete, undo) and
//! `label_editor`, `menu` (the menu's rows), `palette`, `notes` (its `changes`: add, edit, delete, undo) and
//! `note_item`, `time` (relative times), `messages` (status, alert, Undo), `live`, `dom`.
//! `params`, `menu`, `palette` and `time` are pure and tested natively (tests/ui_panel.rs).
mod dom;
mod label_editor;
mod label_menu;
mod live;
mod menu;
mod messages;
mod note_item;
mod notes;
mod palette;
mod params;
mod time;

use crate::platform::ext::ApiListener;
use dom::{el, text, Listeners};
use label_menu::LabelMenu;
use notes::{Drafts, NotesPanel};
use params::Mode;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Element, KeyboardEvent};

thread_local! {
    /// The running panel; replaced (and its listeners dropped) if `start_panel` runs again.
    static PANEL: RefCell<Option<Rc<Panel>>> = const { RefCell::new(None) };
}

/// Builds the panel the hash asks for into `root`, and follows later hash changes.
#[wasm_bindgen]
pub fn start_panel(root: Element) {
    let panel = Rc::new(Panel {
        root,
        current: RefCell::default(),
        drafts: Drafts::default(),
        listeners: Listeners::default(),
        changes: RefCell::default(),
    });
    let window: web_sys::EventTarget = crate::dom::window().into();
    panel
        .listeners
        .on(&panel, &window, "hashchange", |panel, _| panel.route());
    // Shown again by the content script (it focuses the frame). Closed with Escape or Close before: open
    // fresh, as the hash would have it (notes drafts are kept). Else focus back in the field, unless the
    // user had put it elsewhere.
    panel.listeners.on(&panel, &window, "focus", |panel, _| {
        if dom::take_close_requested() {
            panel.route();
            return;
        }
        let document = crate::dom::document();
        let on_body = match (document.active_element(), document.body()) {
            (Some(active), Some(body)) => active == *body,
            (active, _) => active.is_none(),
        };
        if on_body {
            panel.focus();
        }
    });
    // Used again after asking to close (opened as a page of its own, not framed): nothing to reset. Capture
    // on the window runs before the views' own keys, one of which may be the Escape asking to close.
    for event in ["pointerdown", "keydown"] {
        panel.listeners.capture(&window, event, || {
            dom::take_close_requested();
        });
    }
    let me = Rc::downgrade(&panel);
    match live::on_labels_change(move |rev| {
        if let Some(panel) = me.upgrade() {
            panel.changed(rev);
        }
    }) {
        Ok(listener) => {
            panel.changes.replace(Some(listener));
        }
        Err(error) => web_sys::console::warn_2(
            &"Answerdeck: changes from other tabs will not show until the panel is opened again"
                .into(),
            &error,
        ),
    }
    panel.route();
    PANEL.with(|slot| slot.replace(Some(panel)));
}

struct Panel {
    root: Element,
    current: RefCell<Option<Current>>,
    drafts: Drafts,
    listeners: Listeners,
    changes: RefCell<Option<ApiListener>>,
}

/// What the frame shows now, with the listeners that live as long as it.
struct Current {
    view: View,
    _listeners: Listeners,
}

enum View {
    Labels(Rc<LabelMenu>),
    Notes(Rc<NotesPanel>),
    /// The hash could not be read; the message says why.
    Problem,
}

impl Panel {
    /// Shows what the hash asks for, replacing what was shown (a draft in the notes panel is kept).
    fn route(self: &Rc<Self>) {
        dom::take_close_requested();
        let hash = crate::dom::window().location().hash().unwrap_or_default();
        // Dropped after the new view is built: an old listener may be the one running now.
        let old = self.current.take();
        dom::clear(&self.root);
        let listeners = Listeners::default();
        let view = match params::parse(&hash) {
            Ok(params) => {
                let title = match params.mode {
                    Mode::Labels => format!("Labels · {}", params.subject_title()),
                    Mode::Notes => format!("Notes · {}", params.subject_title()),
                };
                crate::dom::document().set_title(&format!("{title} — Answerdeck"));
                self.header(&title, &listeners);
                match params.mode {
                    Mode::Labels => {
                        let menu = LabelMenu::new(params);
                        dom::append(&self.root, &[&menu.element]);
                        menu.reload();
                        View::Labels(menu)
                    }
                    Mode::Notes => {
                        let notes = NotesPanel::new(params, self.drafts.clone());
                        dom::append(&self.root, &[&notes.element]);
                        notes.reload();
                        View::Notes(notes)
                    }
                }
            }
            Err(message) => {
                self.header("Answerdeck", &listeners);
                dom::append(
                    &self.root,
                    &[&text(
                        "p",
                        &[("role", "alert"), ("class", "alert")],
                        &message,
                    )],
                );
                listeners.on(
                    self,
                    &crate::dom::document().into(),
                    "keydown",
                    |_, event| {
                        if event
                            .dyn_ref::<KeyboardEvent>()
                            .is_some_and(|key| key.key() == "Escape")
                        {
                            dom::request_close();
                        }
                    },
                );
                View::Problem
            }
        };
        let _ = self.root.set_attribute("aria-busy", "false");
        self.current.replace(Some(Current {
            view,
            _listeners: listeners,
        }));
        drop(old);
        self.focus();
    }

    /// The title and a Close button (Escape does the same).
    fn header(self: &Rc<Self>, title: &str, listeners: &Listeners) {
        let header = el("header", &[("class", "head")]);
        let close = dom::button(
            "×",
            &[
                ("class", "close"),
                ("aria-label", "Close"),
                ("title", "Close (Escape)"),
                ("aria-keyshortcuts", "Escape"),
            ],
        );
        dom::append(
            &header,
            &[&text("h1", &[("id", "panel-title")], title), &close],
        );
        dom::append(&self.root, &[&header]);
        listeners.on(self, &close.into(), "click", |_, _| dom::request_close());
    }

    fn focus(&self) {
        match self.current.borrow().as_ref().map(|current| &current.view) {
            Some(View::Labels(menu)) => menu.focus(),
            Some(View::Notes(notes)) => notes.focus(),
            _ => {}
        }
    }

    fn changed(&self, rev: Option<u64>) {
        match self.current.borrow().as_ref().map(|current| &current.view) {
            Some(View::Labels(menu)) => menu.changed(rev),
            Some(View::Notes(notes)) => notes.changed(rev),
            _ => {}
        }
    }
}
