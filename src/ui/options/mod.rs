//! The options page: the library editor. A list of saved replies with search, an editor with a live preview,
//! import and export of data-format-v1 files. The background owns the store; this page reads the library
//! with `Request::List`, writes one reply at a time with `Request::Put`/`Delete`, and reloads whenever any
//! tab changes the library (`library::on_change`).
//!
//! Files: `dom` (element building, text only), `model` (the sorted library and its search index), `list`,
//! `editor` (the form) and `editing` (save, cancel, reload), `variants`, `draft` (form values ↔ reply),
//! `preview`, `import_export`, `status` (status line and alert).
mod dom;
mod draft;
mod editing;
mod editor;
mod import_export;
mod list;
mod model;
mod preview;
mod status;
mod variants;

use crate::platform::ext::ApiListener;
use crate::platform::library;
use crate::platform::protocol::Request;
use editor::Editor;
use gloo::events::{EventListener, EventListenerOptions};
use import_export::Transfer;
use list::List;
use model::Library;
use status::{Action, Alert, Status};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Element, Event, EventTarget};

thread_local! {
    /// The running page; replaced (and its listeners dropped) if `start_options` runs again.
    static PAGE: RefCell<Option<Rc<Page>>> = const { RefCell::new(None) };
}

/// Builds the library editor into `root` and loads the library.
#[wasm_bindgen]
pub fn start_options(root: Element) {
    let page = Rc::new(Page::build(&root));
    page.wire();
    page.reload();
    let listener = {
        let me = Rc::downgrade(&page);
        library::on_change(move || {
            if let Some(page) = me.upgrade() {
                page.reload();
            }
        })
    };
    match listener {
        Ok(listener) => *page.change_listener.borrow_mut() = Some(listener),
        Err(error) => web_sys::console::warn_2(
            &"Answerdeck: changes from other tabs will not show until reload".into(),
            &error,
        ),
    }
    PAGE.with(|slot| slot.replace(Some(page)));
}

pub(crate) struct Page {
    root: Element,
    library: RefCell<Library>,
    list: List,
    editor: Editor,
    transfer: Transfer,
    status: Status,
    alert: Alert,
    listeners: RefCell<Vec<EventListener>>,
    change_listener: RefCell<Option<ApiListener>>,
}

impl Page {
    fn build(root: &Element) -> Page {
        dom::clear(root);
        let _ = root.set_attribute("class", "options");
        let header = dom::el("header", &[("class", "top")]);
        let brand = dom::el("div", &[("class", "brand")]);
        dom::append(
            &brand,
            &[
                &dom::text("h1", &[], "Answerdeck"),
                &dom::text(
                    "p",
                    &[("class", "subtitle")],
                    "Saved replies for Facebook and X",
                ),
            ],
        );
        let list = List::new();
        let transfer = Transfer::new();
        let toolbar = dom::el("div", &[("class", "toolbar")]);
        dom::append(&toolbar, &[&list.new_button, &transfer.element]);
        dom::append(&header, &[&brand, &toolbar]);

        let status = Status::new();
        let alert = Alert::new();
        let messages = dom::el("div", &[("class", "messages")]);
        dom::append(&messages, &[&status.region, &alert.region]);

        let editor = Editor::new();
        let workspace = dom::el("div", &[("class", "workspace")]);
        dom::append(&workspace, &[&list.section, &editor.section]);
        dom::append(root, &[&header, &messages, &workspace]);
        let _ = root.set_attribute("aria-busy", "true");
        Page {
            root: root.clone(),
            library: RefCell::default(),
            list,
            editor,
            transfer,
            status,
            alert,
            listeners: RefCell::default(),
            change_listener: RefCell::default(),
        }
    }

    /// Attaches every event listener; each holds the page weakly.
    fn wire(self: &Rc<Self>) {
        self.on(&self.status.button.clone().into(), "click", |page, _| {
            page.status_action()
        });
        self.on(&self.alert.dismiss.clone().into(), "click", |page, _| {
            page.alert.clear();
            dom::focus(&page.list.search);
        });
        list::wire(self);
        editing::wire(self);
        import_export::wire(self);
    }

    /// Listens to `event` on `target` for as long as the page lives.
    fn on(
        self: &Rc<Self>,
        target: &EventTarget,
        event: &'static str,
        f: impl Fn(&Rc<Page>, &Event) + 'static,
    ) {
        let me = Rc::downgrade(self);
        let listener = EventListener::new_with_options(
            target,
            event,
            EventListenerOptions::enable_prevent_default(),
            move |event| {
                if let Some(page) = me.upgrade() {
                    f(&page, event);
                }
            },
        );
        self.listeners.borrow_mut().push(listener);
    }

    /// Reads the library from the background and shows it. Responses older than the library shown are
    /// ignored, so overlapping reloads cannot go back in time.
    fn reload(self: &Rc<Self>) {
        let me = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let response = library::request(&Request::List).await;
            let Some(page) = me.upgrade() else {
                return;
            };
            if !response.ok {
                let message = response
                    .message
                    .unwrap_or_else(|| "The library could not be read.".into());
                page.status.show(&message, true);
                if !page.library.borrow().loaded {
                    let _ = page.root.set_attribute("aria-busy", "false");
                    page.show_load_problem();
                }
                return;
            }
            let rev = response.rev.unwrap_or(0);
            {
                let current = page.library.borrow();
                if current.loaded && rev < current.rev {
                    return;
                }
            }
            page.set_library(Library::new(response.replies.unwrap_or_default(), rev));
        });
    }

    /// Shows `library`: the list, the editor's folder suggestions, and what changed under the editor.
    fn set_library(self: &Rc<Self>, library: Library) {
        self.library.replace(library);
        let _ = self.root.set_attribute("aria-busy", "false");
        self.render_list();
        self.editor.set_folders(&self.library.borrow().folders());
        self.editor_library_changed();
    }

    fn status_action(self: &Rc<Self>) {
        match self.status.take_action() {
            Some(Action::UndoDelete(reply)) => self.undo_delete(reply),
            Some(Action::RestoreDraft(mode, draft)) => self.restore_draft(mode, draft),
            None => {}
        }
    }
}
