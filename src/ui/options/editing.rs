//! What the editor does: open for a new or stored reply, save (`Request::Put` with the revision editing
//! started from), cancel (with Restore), and keep up with changes other tabs make to the reply being edited.
use super::dom;
use super::draft::{self, Draft, Problem, Spot, VariantDraft};
use super::editor::{Mode, Source};
use super::status::Action;
use super::variants::Variants;
use super::Page;
use crate::core::reply::{new_reply_id, Reply};
use crate::platform::library;
use crate::platform::protocol::{Request, Response};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, HtmlTextAreaElement, KeyboardEvent};

pub fn wire(page: &Rc<Page>) {
    let section = page.editor.section.clone();
    page.on(&section, "click", |page, event| {
        let Some(button) = target(event).and_then(|t| t.closest("button").ok().flatten()) else {
            return;
        };
        if let Some(token) = button.get_attribute("data-insert") {
            page.insert_variable(&token);
            return;
        }
        match button.get_attribute("data-action").as_deref() {
            Some("save") => page.save(),
            Some("cancel") => page.cancel_editing(),
            Some("reload") => page.reload_editor(),
            Some("add-variant") => {
                let row = page.editor.variants.push(&VariantDraft::default());
                let _ = row.code.focus();
            }
            Some("remove-variant") => {
                let Some((_, row)) = page.editor.variants.row_of(&button) else {
                    return;
                };
                match page.editor.variants.remove(row.key) {
                    Some(next) => {
                        let _ = next.code.focus();
                    }
                    None => {
                        let _ = page.editor.variants.add.focus();
                    }
                }
                page.editor.refresh_preview();
            }
            _ => {}
        }
    });
    // Variable buttons keep the caret where it is in the text being written.
    page.on(&section, "mousedown", |_, event| {
        if target(event)
            .and_then(|t| t.closest("[data-insert]").ok().flatten())
            .is_some()
        {
            event.prevent_default();
        }
    });
    page.on(&section, "focusin", |page, event| {
        let Some(element) = target(event) else {
            return;
        };
        let source = if element.is_same_node(Some(&page.editor.body.input)) {
            Some(Source::Body)
        } else {
            page.editor
                .variants
                .row_of(&element)
                .map(|(_, row)| Source::Variant(row.key))
        };
        if let Some(source) = source {
            let mut state = page.editor.state.borrow_mut();
            if element.is_same_node(Some(&page.editor.body.input)) || Variants::is_body(&element) {
                state.last_template = element.dyn_into::<HtmlTextAreaElement>().ok();
            }
            let changed = state.source != Some(source);
            state.source = Some(source);
            drop(state);
            if changed {
                page.editor.refresh_preview();
            }
        }
    });
    page.on(&section, "input", |page, event| {
        let Some(element) = target(event) else {
            return;
        };
        if let Some((_, row)) = page.editor.variants.row_of(&element) {
            // The row has one message line, about its code or its text: start over, then re-check the
            // template (the preview caption names the code, so it follows either field).
            page.editor.clear_problem_of(&row.code);
            page.editor.clear_problem_of(&row.body);
            page.editor.check_template_field(&row.body);
            page.editor.refresh_preview();
        } else if element.is_same_node(Some(&page.editor.body.input)) {
            page.editor.check_template_field(&page.editor.body.input);
            page.editor.refresh_preview();
        } else {
            page.editor.clear_problem_of(&element);
        }
    });
    page.on(&section, "keydown", |page, event| {
        let Some(key) = event.dyn_ref::<KeyboardEvent>() else {
            return;
        };
        if key.is_composing() {
            return;
        }
        match key.key().as_str() {
            "Enter" if key.ctrl_key() || key.meta_key() => {
                event.prevent_default();
                page.save();
            }
            "Escape" => {
                event.prevent_default();
                page.cancel_editing();
            }
            _ => {}
        }
    });
}

fn target(event: &Event) -> Option<Element> {
    event.target().and_then(|t| t.dyn_into::<Element>().ok())
}

impl Page {
    /// Opens the editor for a new reply.
    pub(super) fn new_reply(self: &Rc<Self>, return_focus: Option<Element>) {
        self.discard_with_restore();
        let mode = Mode::New {
            base: Reply::default(),
        };
        self.editor
            .open(mode, &Draft::default(), Draft::default(), return_focus);
    }

    /// Opens the editor for the stored reply `id`.
    pub(super) fn edit_reply(self: &Rc<Self>, id: &str, return_focus: Option<Element>) {
        let Some((reply, rev)) = self
            .library
            .borrow()
            .get(id)
            .map(|(reply, rev)| (reply.clone(), rev))
        else {
            return;
        };
        self.discard_with_restore();
        let draft = Draft::from_reply(&reply);
        let mode = Mode::Edit {
            base: reply,
            base_rev: rev,
        };
        self.editor.open(mode, &draft, draft.clone(), return_focus);
    }

    /// Closes the editor; unsaved changes can be brought back from the status line.
    pub(super) fn cancel_editing(self: &Rc<Self>) {
        if !self.editor.is_open() {
            return;
        }
        self.discard_with_restore();
        self.close_editor();
    }

    /// Before the editor closes or is taken over for another reply: unsaved changes stay restorable.
    fn discard_with_restore(&self) {
        if !self.editor.is_dirty() {
            return;
        }
        let draft = self.editor.read();
        let Some(mode) = self.editor.state.borrow().mode.clone() else {
            return;
        };
        let what = match &mode {
            Mode::New { .. } if draft.title.trim().is_empty() => "the new reply".to_string(),
            Mode::New { .. } => dom::quoted(&draft.title),
            Mode::Edit { base, .. } => dom::quoted(&base.title),
        };
        self.status.show_with(
            &format!("Discarded your changes to {what}."),
            "Restore",
            Action::RestoreDraft(mode, draft),
        );
    }

    pub(super) fn close_editor(self: &Rc<Self>) {
        let return_focus = self.editor.close();
        let focused = return_focus
            .filter(|element| element.is_connected())
            .and_then(|element| element.dyn_into::<HtmlElement>().ok())
            .map(|element| element.focus().is_ok())
            .unwrap_or(false);
        if !focused {
            dom::focus(&self.list.search);
        }
    }

    /// Reopens the editor with changes discarded a moment ago.
    pub(super) fn restore_draft(self: &Rc<Self>, mode: Mode, draft: Draft) {
        let initial = match &mode {
            Mode::Edit { base, .. } => Draft::from_reply(base),
            Mode::New { .. } => Draft::default(),
        };
        self.status.clear();
        self.editor.open(mode, &draft, initial, None);
        self.editor_library_changed();
    }

    /// Validates what can be checked here, then asks the background to store the reply.
    pub(super) fn save(self: &Rc<Self>) {
        let (mode, saving) = {
            let state = self.editor.state.borrow();
            (state.mode.clone(), state.saving)
        };
        let Some(mode) = mode else {
            return;
        };
        if saving {
            return;
        }
        let draft = self.editor.read();
        self.editor.clear_problems();
        let problems = draft.problems();
        if !problems.is_empty() {
            self.show_problems(&problems);
            return;
        }
        let mut base = mode.base().clone();
        if base.id.is_empty() {
            let library = self.library.borrow();
            base.id = new_reply_id(&draft.title, |id| library.contains(id));
        }
        let reply = draft.to_reply(&base);
        let request = Request::Put {
            reply: reply.clone(),
            base_rev: mode.base_rev(),
        };
        self.editor.set_saving(true);
        let me = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let response = library::request(&request).await;
            if let Some(page) = me.upgrade() {
                page.saved(&draft, mode, response);
            }
        });
    }

    fn saved(self: &Rc<Self>, draft: &Draft, mode: Mode, response: Response) {
        self.editor.set_saving(false);
        if response.ok {
            let (id, title) = match response.record {
                Some(record) => {
                    let id_title = (record.data.id.clone(), record.data.title.clone());
                    let updated = self
                        .library
                        .borrow()
                        .with_records(vec![record], response.rev.unwrap_or(0));
                    self.editor.close();
                    self.set_library(updated);
                    id_title
                }
                None => {
                    self.editor.close();
                    self.reload();
                    (mode.base().id.clone(), draft.title.trim().to_string())
                }
            };
            let verb = match mode {
                Mode::New { .. } => "Created",
                Mode::Edit { .. } => "Saved",
            };
            self.status
                .show(&format!("{verb} {}", dom::quoted(&title)), false);
            if !self.focus_row(&id, "edit") {
                dom::focus(&self.list.search);
            }
            return;
        }
        let message = response
            .message
            .clone()
            .unwrap_or_else(|| "The reply could not be saved.".into());
        match response.error.as_deref() {
            Some("conflict") | Some("not-found") => {
                self.editor.show_form_error(&message, true);
            }
            Some("invalid") => {
                let spot = response
                    .path
                    .as_deref()
                    .map_or(Spot::Form, |path| draft::spot_for_path(path, draft));
                self.show_problems(&[Problem {
                    spot,
                    message,
                    offset: None,
                }]);
            }
            _ => self.editor.show_form_error(&message, false),
        }
    }

    /// Shows every problem, focuses the first field concerned, and says why nothing was saved.
    fn show_problems(&self, problems: &[Problem]) {
        let mut first = None;
        for problem in problems {
            let field = self.editor.show_problem(problem);
            if first.is_none() {
                first = field;
            }
        }
        if let Some(field) = first {
            let _ = field.focus();
            if problems.len() > 1 {
                self.editor
                    .show_form_error("Not saved: fix the marked fields first.", false);
            }
        }
    }

    /// After the library changed: tells the editor about changes to the reply it holds. Unchanged fields
    /// simply take the newer version; unsaved changes are kept and the user decides.
    pub(super) fn editor_library_changed(self: &Rc<Self>) {
        let mode = {
            let state = self.editor.state.borrow();
            if state.saving {
                return;
            }
            state.mode.clone()
        };
        let Some(Mode::Edit { base, base_rev }) = mode else {
            return;
        };
        let stored = self
            .library
            .borrow()
            .get(&base.id)
            .map(|(reply, rev)| (reply.clone(), rev));
        match stored {
            Some((_, rev)) if rev == base_rev => {}
            Some((newer, rev)) => {
                if self.editor.is_dirty() {
                    self.editor.show_notice(
                        Some("This reply was changed in another tab since you started editing. Your text is kept; Reload shows the newer version instead."),
                        true,
                    );
                } else {
                    self.take_newer(newer, rev);
                    self.editor.show_notice(
                        Some("Updated to the newer version saved in another tab."),
                        false,
                    );
                }
            }
            None => {
                self.editor.state.borrow_mut().mode = Some(Mode::New { base });
                self.editor.show_notice(
                    Some("This reply was deleted in another tab. Saving will create it again; Cancel lets it go."),
                    false,
                );
            }
        }
    }

    /// Shows `newer` in the editor, as the version editing starts from.
    fn take_newer(&self, newer: Reply, rev: u64) {
        let draft = Draft::from_reply(&newer);
        self.editor.fill(&draft);
        self.editor.clear_problems();
        {
            let mut state = self.editor.state.borrow_mut();
            state.mode = Some(Mode::Edit {
                base: newer,
                base_rev: rev,
            });
            state.initial = draft;
        }
        self.editor.refresh_preview();
    }

    /// The Reload button after a conflict: reads the library and shows the stored version.
    fn reload_editor(self: &Rc<Self>) {
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
                page.editor.show_form_error(&message, true);
                return;
            }
            let rev = response.rev.unwrap_or(0);
            page.library.replace(super::model::Library::new(
                response.replies.unwrap_or_default(),
                rev,
                response.usage.unwrap_or_default(),
                response.settings.unwrap_or_default(),
            ));
            page.render_shelves();
            page.render_list();
            page.editor.clear_problems();
            let mode = page.editor.state.borrow().mode.clone();
            match mode {
                Some(Mode::Edit { base, .. }) => {
                    let stored = page
                        .library
                        .borrow()
                        .get(&base.id)
                        .map(|(reply, rev)| (reply.clone(), rev));
                    match stored {
                        Some((newer, rev)) => {
                            // The user's text is set aside, not lost: Restore puts it back on top of the
                            // newer version, and saving then replaces that version knowingly.
                            let mine = page.editor.is_dirty().then(|| page.editor.read());
                            page.take_newer(newer.clone(), rev);
                            page.editor.show_notice(
                                Some("Showing the version saved in another tab."),
                                false,
                            );
                            if let Some(mine) = mine {
                                let mode = Mode::Edit {
                                    base: newer,
                                    base_rev: rev,
                                };
                                page.status.show_with(
                                    "Your unsaved changes were set aside.",
                                    "Restore my changes",
                                    Action::RestoreDraft(mode, mine),
                                );
                            }
                        }
                        None => {
                            page.editor.state.borrow_mut().mode = Some(Mode::New { base });
                            page.editor.show_notice(
                                Some("This reply was deleted in another tab. Saving will create it again."),
                                false,
                            );
                        }
                    }
                }
                Some(Mode::New { mut base }) => {
                    // The id is taken now (created in another tab): a new one is made on save.
                    if page.library.borrow().contains(&base.id) {
                        base.id.clear();
                    }
                    page.editor.state.borrow_mut().mode = Some(Mode::New { base });
                    page.editor.show_notice(
                        Some("Library reloaded. Saving creates this reply next to the others."),
                        false,
                    );
                }
                None => {}
            }
            let _ = page.editor.title.input.focus();
        });
    }

    /// Inserts a variable (from the help line's buttons) at the caret of the text being written.
    fn insert_variable(&self, token: &str) {
        let area = self
            .editor
            .state
            .borrow()
            .last_template
            .clone()
            .filter(|area| area.is_connected())
            .unwrap_or_else(|| self.editor.body.input.clone());
        let start = area.selection_start().ok().flatten().unwrap_or(0);
        let _ = area.set_range_text(token);
        let caret = start + token.encode_utf16().count() as u32;
        let _ = area.focus();
        let _ = area.set_selection_range(caret, caret);
        self.editor.check_template_field(&area);
        self.editor.refresh_preview();
    }
}
