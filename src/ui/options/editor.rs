//! The reply editor's form: its fields, filling and reading them as a [`Draft`], and showing problems next
//! to the field they concern. What Save, Cancel and Reload do is in `editing.rs`.
use super::dom::{self, el, text, typed};
use super::draft::{self, Draft, Problem, Spot};
use super::preview::{self, Preview};
use super::variants::Variants;
use crate::core::reply::Reply;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlButtonElement, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

/// What the editor is working on.
#[derive(Clone, Debug)]
pub enum Mode {
    /// A reply not stored yet. `base` carries an id only when re-creating a reply deleted in another tab
    /// (otherwise one is made from the title on save) and unknown fields to keep.
    New { base: Reply },
    /// A stored reply, as it was at revision `base_rev` when editing started.
    Edit { base: Reply, base_rev: u64 },
}

impl Mode {
    pub fn base(&self) -> &Reply {
        match self {
            Mode::New { base } | Mode::Edit { base, .. } => base,
        }
    }

    pub fn base_rev(&self) -> Option<u64> {
        match self {
            Mode::New { .. } => None,
            Mode::Edit { base_rev, .. } => Some(*base_rev),
        }
    }

    /// The id of the stored reply being edited.
    pub fn editing_id(&self) -> Option<&str> {
        match self {
            Mode::New { .. } => None,
            Mode::Edit { base, .. } => Some(&base.id),
        }
    }
}

/// Which text the preview shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Body,
    /// The variant row with this key.
    Variant(u32),
}

#[derive(Default)]
pub struct State {
    /// `None` while the editor is closed.
    pub mode: Option<Mode>,
    /// The fields as they were when editing started: unsaved changes are the difference.
    pub initial: Draft,
    pub saving: bool,
    pub source: Option<Source>,
    /// The template field (body or a variant's text) focused last: where variable buttons insert.
    pub last_template: Option<HtmlTextAreaElement>,
    /// Where focus goes when the editor closes.
    pub return_focus: Option<Element>,
}

/// One labelled input with its error line.
pub struct Field<T> {
    pub input: T,
    pub error: Element,
    pub wrapper: Element,
}

pub struct Editor {
    pub section: Element,
    heading: Element,
    notice: Element,
    notice_text: Element,
    pub title: Field<HtmlInputElement>,
    pub body: Field<HtmlTextAreaElement>,
    pub folder: Field<HtmlInputElement>,
    folder_list: Element,
    pub tags: Field<HtmlInputElement>,
    pub shortcut: Field<HtmlInputElement>,
    pub language: Field<HtmlInputElement>,
    pub favorite: HtmlInputElement,
    pub variants: Variants,
    pub preview: Preview,
    form_error: Element,
    form_error_text: Element,
    form_reload: HtmlButtonElement,
    pub save: HtmlButtonElement,
    pub state: RefCell<State>,
}

impl Editor {
    pub fn new() -> Editor {
        let section = el(
            "section",
            &[
                ("class", "editor"),
                ("id", "editor"),
                ("aria-labelledby", "editor-heading"),
            ],
        );
        dom::set_hidden(&section, true);
        let heading = text("h2", &[("id", "editor-heading")], "New reply");

        let notice = el("div", &[("class", "notice"), ("role", "status")]);
        let notice_text = el("span", &[]);
        let notice_reload = dom::button(
            "Reload",
            &[("data-action", "reload"), ("class", "secondary small")],
        );
        dom::append(&notice, &[&notice_text, &notice_reload]);
        dom::set_hidden(&notice, true);

        let title: Field<HtmlInputElement> = field(
            typed("input", &[("type", "text"), ("autocomplete", "off")]),
            "title",
            "Title",
            Some("What you search for in the picker."),
        );
        let body: Field<HtmlTextAreaElement> = field(
            typed("textarea", &[("rows", "7"), ("data-template", "body")]),
            "body",
            "Body",
            None,
        );
        let _ = body
            .input
            .set_attribute("aria-describedby", "body-error template-help");
        let folder_list = el("datalist", &[("id", "folder-names")]);
        let folder: Field<HtmlInputElement> = field(
            typed(
                "input",
                &[
                    ("type", "text"),
                    ("list", "folder-names"),
                    ("autocomplete", "off"),
                ],
            ),
            "folder",
            "Folder",
            None,
        );
        let tags: Field<HtmlInputElement> = field(
            typed("input", &[("type", "text"), ("autocomplete", "off")]),
            "tags",
            "Tags",
            Some("Separated by commas, like: orders, shipping"),
        );
        let shortcut: Field<HtmlInputElement> = field(
            typed(
                "input",
                &[
                    ("type", "text"),
                    ("autocomplete", "off"),
                    ("spellcheck", "false"),
                ],
            ),
            "shortcut",
            "Shortcut",
            Some("One word; type /word in the picker."),
        );
        let language: Field<HtmlInputElement> = field(
            typed(
                "input",
                &[
                    ("type", "text"),
                    ("autocomplete", "off"),
                    ("spellcheck", "false"),
                    ("size", "6"),
                ],
            ),
            "language",
            "Language (optional)",
            Some("Code of the body's language, like en or pt-br."),
        );
        let favorite: HtmlInputElement =
            typed("input", &[("type", "checkbox"), ("id", "field-favorite")]);
        let favorite_box = el("div", &[("class", "field checkbox")]);
        dom::append(
            &favorite_box,
            &[
                &favorite,
                &text(
                    "label",
                    &[("for", "field-favorite")],
                    "Favourite ★ (listed first in the picker; the first nine get the keys Ctrl+. then 1–9)",
                ),
            ],
        );

        let variants = Variants::new();
        let preview = Preview::new();

        let form_error = el("div", &[("class", "form-error"), ("role", "alert")]);
        let form_error_text = el("span", &[]);
        let form_reload = dom::button(
            "Reload",
            &[("data-action", "reload"), ("class", "secondary small")],
        );
        dom::set_hidden(&form_error, true);
        dom::append(&form_error, &[&form_error_text, &form_reload]);

        let actions = el("div", &[("class", "form-actions")]);
        let save = dom::button("Save", &[("class", "primary"), ("data-action", "save")]);
        let cancel = dom::button(
            "Cancel",
            &[("class", "secondary"), ("data-action", "cancel")],
        );
        let keys = text(
            "span",
            &[("class", "hint")],
            "Ctrl+Enter (⌘+Enter) saves · Esc cancels",
        );
        dom::append(&actions, &[&save, &cancel, &keys]);

        let details = el("div", &[("class", "field-row")]);
        dom::append(
            &details,
            &[
                &folder.wrapper,
                &tags.wrapper,
                &shortcut.wrapper,
                &language.wrapper,
            ],
        );
        dom::append(
            &section,
            &[
                &heading,
                &notice,
                &title.wrapper,
                &body.wrapper,
                &preview::help_line(),
                &preview.section,
                &details,
                &folder_list,
                &favorite_box,
                &variants.fieldset,
                &form_error,
                &actions,
            ],
        );
        Editor {
            section,
            heading,
            notice,
            notice_text,
            title,
            body,
            folder,
            folder_list,
            tags,
            shortcut,
            language,
            favorite,
            variants,
            preview,
            form_error,
            form_error_text,
            form_reload,
            save,
            state: RefCell::default(),
        }
    }

    pub fn is_open(&self) -> bool {
        self.state.borrow().mode.is_some()
    }

    /// Shows the editor for `mode` with `draft` in its fields (`initial`: the unchanged state).
    pub fn open(&self, mode: Mode, draft: &Draft, initial: Draft, return_focus: Option<Element>) {
        let heading = match &mode {
            Mode::New { .. } => "New reply".to_string(),
            Mode::Edit { base, .. } => format!("Edit {}", dom::quoted(&base.title)),
        };
        self.heading.set_text_content(Some(&heading));
        self.fill(draft);
        self.clear_problems();
        self.show_notice(None, false);
        self.set_saving(false);
        {
            let mut state = self.state.borrow_mut();
            state.mode = Some(mode);
            state.initial = initial;
            state.saving = false;
            state.source = Some(Source::Body);
            state.last_template = Some(self.body.input.clone());
            state.return_focus = return_focus;
        }
        dom::set_hidden(&self.section, false);
        self.refresh_preview();
        let _ = self.title.input.focus();
    }

    /// Hides the editor; returns where focus should go.
    pub fn close(&self) -> Option<Element> {
        dom::set_hidden(&self.section, true);
        let mut state = self.state.borrow_mut();
        state.mode = None;
        state.saving = false;
        state.last_template = None;
        state.return_focus.take()
    }

    pub fn fill(&self, draft: &Draft) {
        self.title.input.set_value(&draft.title);
        self.body.input.set_value(&draft.body);
        self.folder.input.set_value(&draft.folder);
        self.tags.input.set_value(&draft.tags);
        self.shortcut.input.set_value(&draft.shortcut);
        self.language.input.set_value(&draft.language);
        self.favorite.set_checked(draft.favorite);
        self.variants.set(&draft.variants);
    }

    pub fn read(&self) -> Draft {
        Draft {
            title: self.title.input.value(),
            body: self.body.input.value(),
            folder: self.folder.input.value(),
            tags: self.tags.input.value(),
            shortcut: self.shortcut.input.value(),
            language: self.language.input.value(),
            favorite: self.favorite.checked(),
            variants: self.variants.read(),
        }
    }

    /// Whether the fields differ from where editing started.
    pub fn is_dirty(&self) -> bool {
        self.is_open() && self.read() != self.state.borrow().initial
    }

    /// Offers the folder names in use as suggestions.
    pub fn set_folders(&self, folders: &[&str]) {
        dom::clear(&self.folder_list);
        for folder in folders {
            let option = el("option", &[]);
            let _ = option.set_attribute("value", folder);
            let _ = self.folder_list.append_child(&option);
        }
    }

    pub fn set_saving(&self, saving: bool) {
        self.state.borrow_mut().saving = saving;
        self.save.set_disabled(saving);
        self.save
            .set_text_content(Some(if saving { "Saving…" } else { "Save" }));
    }

    /// The line at the top of the editor about changes made elsewhere, with a Reload button or not.
    pub fn show_notice(&self, message: Option<&str>, reload: bool) {
        self.notice_text.set_text_content(message);
        dom::set_hidden(&self.notice, message.is_none());
        if let Some(button) = self.notice.query_selector("button").ok().flatten() {
            dom::set_hidden(&button, !reload);
        }
    }

    pub fn clear_problems(&self) {
        for (input, error) in self.spots() {
            mark(&input, &error, None, None, "");
        }
        self.form_error_text.set_text_content(None);
        dom::set_hidden(&self.form_error, true);
    }

    /// Shows `problem` next to its field. Returns the field to focus.
    pub fn show_problem(&self, problem: &Problem) -> Option<HtmlElement> {
        if problem.spot == Spot::Form {
            self.show_form_error(&problem.message, false);
            return None;
        }
        let (input, error) = self.spot(problem.spot)?;
        let source = input_value(&input);
        mark(
            &input,
            &error,
            Some(&problem.message),
            problem.offset,
            &source,
        );
        if let (Some(offset), Some(area)) = (problem.offset, input.dyn_ref::<HtmlTextAreaElement>())
        {
            let at = draft::utf16_offset(&source, offset);
            let _ = area.set_selection_range(at, at + 1);
        }
        Some(input)
    }

    /// A message above the Save button, with a Reload button when `reload`.
    pub fn show_form_error(&self, message: &str, reload: bool) {
        self.form_error_text.set_text_content(Some(message));
        dom::set_hidden(&self.form_reload, !reload);
        dom::set_hidden(&self.form_error, false);
    }

    /// Clears the message of the field `input` (after the user changed it).
    pub fn clear_problem_of(&self, input: &Element) {
        for (field, error) in self.spots() {
            if field.is_same_node(Some(input)) {
                mark(&field, &error, None, None, "");
            }
        }
    }

    /// Re-checks the template in `input` (the body or a variant's text) and shows or clears its problem.
    pub fn check_template_field(&self, input: &HtmlTextAreaElement) {
        let Some((field, error)) = self
            .spots()
            .into_iter()
            .find(|(field, _)| field.is_same_node(Some(input)))
        else {
            return;
        };
        let source = input.value();
        match draft::check_template(&source) {
            Ok(()) => mark(&field, &error, None, None, ""),
            Err(problem) => mark(
                &field,
                &error,
                Some(&draft::template_message(&problem)),
                Some(problem.offset),
                &source,
            ),
        }
    }

    /// Shows the preview of the text chosen by `state.source`.
    pub fn refresh_preview(&self) {
        let source = self.state.borrow().source.unwrap_or(Source::Body);
        match source {
            Source::Variant(key) => {
                if let Some(row) = self
                    .variants
                    .position(key)
                    .and_then(|at| self.variants.row(at))
                {
                    let code = row.code.value();
                    let label = if code.trim().is_empty() {
                        "Variant".to_string()
                    } else {
                        format!("Variant “{}”", code.trim())
                    };
                    self.preview.show(&label, &row.body.value());
                    return;
                }
                self.state.borrow_mut().source = Some(Source::Body);
                self.preview.show("Body", &self.body.input.value());
            }
            Source::Body => self.preview.show("Body", &self.body.input.value()),
        }
    }

    /// (input, error line) of every field that can carry a message, variant rows included.
    fn spots(&self) -> Vec<(HtmlElement, Element)> {
        let mut spots: Vec<(HtmlElement, Element)> = vec![
            (self.title.input.clone().into(), self.title.error.clone()),
            (self.body.input.clone().into(), self.body.error.clone()),
            (self.folder.input.clone().into(), self.folder.error.clone()),
            (self.tags.input.clone().into(), self.tags.error.clone()),
            (
                self.shortcut.input.clone().into(),
                self.shortcut.error.clone(),
            ),
            (
                self.language.input.clone().into(),
                self.language.error.clone(),
            ),
        ];
        for row in self.variants.rows() {
            spots.push((row.body.clone().into(), row.error.clone()));
            spots.push((row.code.clone().into(), row.error.clone()));
        }
        spots
    }

    fn spot(&self, spot: Spot) -> Option<(HtmlElement, Element)> {
        Some(match spot {
            Spot::Title => (self.title.input.clone().into(), self.title.error.clone()),
            Spot::Body => (self.body.input.clone().into(), self.body.error.clone()),
            Spot::Folder => (self.folder.input.clone().into(), self.folder.error.clone()),
            Spot::Tags => (self.tags.input.clone().into(), self.tags.error.clone()),
            Spot::Shortcut => (
                self.shortcut.input.clone().into(),
                self.shortcut.error.clone(),
            ),
            Spot::Language => (
                self.language.input.clone().into(),
                self.language.error.clone(),
            ),
            Spot::Variant(at) => {
                let row = self.variants.row(at)?;
                // A variant's template problem is about its text; anything else about its code.
                let body_problem = row.body.value().trim().is_empty()
                    || draft::check_template(&row.body.value()).is_err();
                let input: HtmlElement = if body_problem && !row.code.value().trim().is_empty() {
                    row.body.into()
                } else {
                    row.code.into()
                };
                (input, row.error)
            }
            Spot::Form => return None,
        })
    }
}

/// `<div class="field"><label for>…</label><input><p hint><p error></div>`; ids are `field-<name>`,
/// `<name>-hint` and `<name>-error`.
fn field<T: JsCast + AsRef<Element>>(
    input: T,
    name: &str,
    label: &str,
    hint: Option<&str>,
) -> Field<T> {
    let id = format!("field-{name}");
    let element: &Element = input.as_ref();
    let _ = element.set_attribute("id", &id);
    let error_id = format!("{name}-error");
    let hint_id = format!("{name}-hint");
    let described = match hint {
        Some(_) => format!("{hint_id} {error_id}"),
        None => error_id.clone(),
    };
    let _ = element.set_attribute("aria-describedby", &described);
    let error = el("p", &[("class", "field-error"), ("id", &error_id)]);
    let wrapper = el("div", &[("class", &format!("field field-{name}"))]);
    dom::append(&wrapper, &[&text("label", &[("for", &id)], label), element]);
    if let Some(hint) = hint {
        let _ = wrapper.append_child(&text("p", &[("class", "hint"), ("id", &hint_id)], hint));
    }
    let _ = wrapper.append_child(&error);
    Field {
        input,
        error,
        wrapper,
    }
}

/// Sets or clears the message of one field. A template problem (with `offset`) also shows the text around
/// the character, the character marked.
fn mark(
    input: &Element,
    error: &Element,
    message: Option<&str>,
    offset: Option<usize>,
    source: &str,
) {
    dom::clear(error);
    match message {
        None => {
            let _ = input.remove_attribute("aria-invalid");
        }
        Some(message) => {
            let _ = input.set_attribute("aria-invalid", "true");
            let _ = error.append_child(&text("span", &[], message));
            if let Some(offset) = offset {
                let (before, at, after) = draft::excerpt(source, offset, 24);
                let code = el("code", &[("class", "excerpt")]);
                let _ = code.append_child(&text("span", &[], &before));
                let _ =
                    code.append_child(&text("mark", &[], if at.is_empty() { " " } else { &at }));
                let _ = code.append_child(&text("span", &[], &after));
                let _ = error.append_child(&code);
            }
        }
    }
}

fn input_value(input: &Element) -> String {
    if let Some(area) = input.dyn_ref::<HtmlTextAreaElement>() {
        area.value()
    } else if let Some(field) = input.dyn_ref::<HtmlInputElement>() {
        field.value()
    } else {
        String::new()
    }
}
