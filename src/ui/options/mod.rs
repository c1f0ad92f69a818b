//! The options page: the library editor, labels and notes. A sidebar of folders (and Favourites, Unused), a list of saved
//! replies with search, stars, manual order and use, an editor with a live preview, import and export
//! (JSON, CSV, espanso), and the settings. The background owns the store; this page reads the library with
//! `Request::List` (replies, use and settings in one answer), writes one reply at a time with
//! `Request::Put`/`Delete`, arranges with `Request::Patch`, and reloads whenever any tab changes the library
//! (`library::on_change`); uses counted in any tab update the rows in place (`library::on_usage`).
//!
//! Files: `dom` (element building, text only), `model` (the library, its order and search index),
//! `shelves` (the sidebar), `list` and `row`, `arrange` (star, move), `editor` (the form) and `editing`
//! (save, cancel, reload), `variants`, `draft` (form values ↔ reply), `preview`, `import_export`,
//! `settings_form`, `status` (status line, alert and import report), `labels_view` and `labels_edit` (the Labels section) and
//! `notes_view` (the Notes section: search over every note), `timer_settings` and `timer_settings_hours`
//! (the Response timer section: thresholds, opening hours, away). Labels and notes are read with
//! `labels.list`/`notes.search` and read again whenever any tab changes them (`labels::on_change`).
mod arrange;
pub(crate) mod dom;
mod draft;
mod editing;
mod editor;
mod import_export;
mod labels_edit;
mod labels_view;
mod list;
mod model;
mod notes_view;
mod preview;
mod row;
mod settings_form;
mod shelves;
mod status;
mod timer_settings;
mod timer_settings_hours;
mod variants;

use crate::platform::ext::ApiListener;
use crate::platform::labels;
use crate::platform::library;
use crate::platform::protocol::Request;
use arrange::Arranging;
use editor::Editor;
use gloo::events::{EventListener, EventListenerOptions};
use import_export::Transfer;
use labels_view::LabelsView;
use list::List;
use model::Library;
use notes_view::NotesView;
use settings_form::SettingsForm;
use shelves::Shelves;
use status::{Action, Alert, Report, Status};
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
    page.reload_labels();
    page.search_notes();
    timer_settings::mount(&page.root);
    let listener = {
        let me = Rc::downgrade(&page);
        library::on_revision(move |rev| {
            let Some(page) = me.upgrade() else {
                return;
            };
            // This page's own writes are shown from their answers already.
            let current = page.library.borrow().rev;
            if rev.is_none_or(|rev| rev > current) {
                page.reload();
            }
        })
    };
    match listener {
        Ok(listener) => page.change_listeners.borrow_mut().push(listener),
        Err(error) => web_sys::console::warn_2(
            &"Answerdeck: changes from other tabs will not show until reload".into(),
            &error,
        ),
    }
    let usage_listener = {
        let me = Rc::downgrade(&page);
        library::on_usage(move |id, usage| {
            if let Some(page) = me.upgrade() {
                page.used(id, usage);
            }
        })
    };
    if let Ok(listener) = usage_listener {
        page.change_listeners.borrow_mut().push(listener);
    }
    let labels_listener = {
        let me = Rc::downgrade(&page);
        labels::on_change(move |rev| {
            if let Some(page) = me.upgrade() {
                page.labels_changed(rev);
            }
        })
    };
    if let Ok(listener) = labels_listener {
        page.change_listeners.borrow_mut().push(listener);
    }
    PAGE.with(|slot| slot.replace(Some(page)));
}

pub(crate) struct Page {
    root: Element,
    library: RefCell<Library>,
    shelves: Shelves,
    list: List,
    editor: Editor,
    transfer: Transfer,
    settings: SettingsForm,
    labels: LabelsView,
    notes: NotesView,
    status: Status,
    alert: Alert,
    report: Report,
    arranging: Arranging,
    listeners: RefCell<Vec<EventListener>>,
    change_listeners: RefCell<Vec<ApiListener>>,
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
        let report = Report::new();
        let messages = dom::el("div", &[("class", "messages")]);
        dom::append(&messages, &[&status.region, &alert.region, &report.region]);

        let shelves = Shelves::new();
        let editor = Editor::new();
        let workspace = dom::el("div", &[("class", "workspace")]);
        dom::append(&workspace, &[&shelves.nav, &list.section, &editor.section]);
        let settings = SettingsForm::new();
        let labels = LabelsView::new();
        let notes = NotesView::new();
        let annotations = dom::el("div", &[("class", "annotations")]);
        dom::append(&annotations, &[&labels.section, &notes.section]);
        dom::append(
            root,
            &[
                &header,
                &messages,
                &workspace,
                &annotations,
                &settings.section,
            ],
        );
        let _ = root.set_attribute("aria-busy", "true");
        Page {
            root: root.clone(),
            library: RefCell::default(),
            shelves,
            list,
            editor,
            transfer,
            settings,
            labels,
            notes,
            status,
            alert,
            report,
            arranging: Arranging::default(),
            listeners: RefCell::default(),
            change_listeners: RefCell::default(),
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
        self.on(&self.report.dismiss.clone().into(), "click", |page, _| {
            page.report.clear();
            dom::focus(&page.list.search);
        });
        shelves::wire(self);
        list::wire(self);
        settings_form::wire(self);
        editing::wire(self);
        import_export::wire(self);
        labels_edit::wire(self);
        notes_view::wire(self);
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
            // Reading 30,000 replies takes a second: first ask whether anything changed.
            let shown = me.upgrade().and_then(|page| {
                let library = page.library.borrow();
                library.loaded.then_some(library.rev)
            });
            if let Some(shown) = shown {
                let probe = library::request(&Request::Revision).await;
                if probe.ok && probe.rev.is_some_and(|rev| rev <= shown) {
                    return;
                }
            }
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
                // The library shown is already this revision (this page's own write, applied from its
                // answer): rebuilding 30,000 rows from the same revision would change nothing.
                let current = page.library.borrow();
                if current.loaded && rev <= current.rev {
                    return;
                }
            }
            page.set_library(Library::new(
                response.replies.unwrap_or_default(),
                rev,
                response.usage.unwrap_or_default(),
                response.settings.unwrap_or_default(),
            ));
        });
    }

    /// Shows `library`: the sidebar, the list, the editor's folder suggestions, what changed under the
    /// editor, and the settings.
    fn set_library(self: &Rc<Self>, library: Library) {
        self.library.replace(library);
        let _ = self.root.set_attribute("aria-busy", "false");
        self.render_shelves();
        self.render_list();
        self.editor
            .set_folders(&self.library.borrow().folder_names());
        self.editor_library_changed();
        self.settings
            .stored_changed(&self.library.borrow().settings);
        self.editor
            .preview
            .use_settings(&self.library.borrow().settings);
    }

    /// A reply was used (in any tab): its row and the Unused count follow.
    fn used(self: &Rc<Self>, id: String, usage: crate::core::usage::Usage) {
        {
            let mut library = self.library.borrow_mut();
            if !library.contains(&id) {
                return;
            }
            library.usage.insert(id, usage);
        }
        self.render_shelves();
        self.render_list();
    }

    fn status_action(self: &Rc<Self>) {
        match self.status.take_action() {
            Some(Action::UndoDelete(reply)) => self.undo_delete(reply),
            Some(Action::RestoreDraft(mode, draft)) => self.restore_draft(mode, draft),
            Some(Action::RestoreLabel(id, name)) => self.restore_label(id, name),
            None => {}
        }
    }
}
