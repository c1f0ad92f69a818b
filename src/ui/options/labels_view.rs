//! The Labels section: every label with its colour (swatch and name: the name is always shown, for people
//! who can't tell colours apart) and how many conversations and people carry it; create (name and a
//! palette colour), rename (in the row: Enter saves, Escape cancels), recolour (a palette of 8 buttons
//! named by colour), delete (Undo in the status line). Reads `labels.list`; every change goes to the
//! background, and the list is read again after it (and whenever any tab changes labels); the actions are
//! in `labels_edit`.
use super::dom::{self, el, text, typed};
use crate::core::label_summary::{carriers, Carriers};
use crate::core::labels::{color_name, Label, SubjectSummary, MAX_LABEL_NAME_CHARS, PALETTE};
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

/// What the section shows, as of one labels revision.
#[derive(Default)]
pub struct Shown {
    pub loaded: bool,
    pub rev: u64,
    pub labels: Vec<Label>,
    pub subjects: Vec<SubjectSummary>,
}

/// The control to focus once the list is drawn again (a row's button, or the create field).
#[derive(Clone, PartialEq)]
pub(super) enum FocusNext {
    Row(String, &'static str),
    RenameInput(String),
    /// A palette button: the one of this colour, else the current colour's.
    Swatch(String, Option<String>),
    CreateName,
}

pub struct LabelsView {
    pub section: Element,
    pub(super) form: Element,
    pub(super) name: HtmlInputElement,
    /// The new label's colour: a radio per palette colour.
    pub(super) choices: Vec<HtmlInputElement>,
    /// Whether the person picked the new label's colour (else the next unused one is suggested).
    pub(super) chosen: Cell<bool>,
    error: Element,
    pub(super) count: Element,
    pub(super) list: Element,
    pub shown: RefCell<Shown>,
    /// The label being renamed here, with the text typed so far.
    pub(super) renaming: RefCell<Option<(String, String)>>,
    /// The label whose palette is open.
    pub(super) colouring: RefCell<Option<String>>,
    pub(super) focus_next: RefCell<Option<FocusNext>>,
}

impl LabelsView {
    pub fn new() -> LabelsView {
        let section = el(
            "section",
            &[
                ("class", "panel-section labels-section"),
                ("id", "labels"),
                ("aria-labelledby", "labels-heading"),
            ],
        );
        let head = el("div", &[("class", "section-head")]);
        let count = el("p", &[("class", "count"), ("id", "labels-count")]);
        dom::append(
            &head,
            &[&text("h2", &[("id", "labels-heading")], "Labels"), &count],
        );
        let intro = text(
            "p",
            &[("class", "hint")],
            "Labels mark conversations and people on Facebook and X (“Order issue”, “VIP”). Put them on with the label button next to a conversation; here you name, colour and delete them.",
        );

        let form = el("form", &[("class", "label-create"), ("novalidate", "")]);
        let name_box = el("div", &[("class", "field")]);
        let name: HtmlInputElement = typed(
            "input",
            &[
                ("type", "text"),
                ("id", "label-new-name"),
                ("autocomplete", "off"),
                ("maxlength", &MAX_LABEL_NAME_CHARS.to_string()),
                ("placeholder", "Order issue"),
                ("aria-describedby", "label-new-error"),
            ],
        );
        dom::append(
            &name_box,
            &[
                &text("label", &[("for", "label-new-name")], "New label"),
                &name,
            ],
        );
        let fieldset = el("fieldset", &[("class", "palette-choice")]);
        let _ = fieldset.append_child(&text("legend", &[], "Colour"));
        let mut choices = Vec::with_capacity(PALETTE.len());
        for (index, swatch) in PALETTE.iter().enumerate() {
            let id = format!("label-new-color-{index}");
            let choice = el("label", &[("class", "swatch-choice"), ("for", &id)]);
            let radio: HtmlInputElement = typed(
                "input",
                &[
                    ("type", "radio"),
                    ("id", &id),
                    ("name", "label-new-color"),
                    ("value", swatch.color),
                ],
            );
            dom::append(
                &choice,
                &[
                    &radio,
                    &swatch_element(swatch.color),
                    &text("span", &[], swatch.name),
                ],
            );
            let _ = fieldset.append_child(&choice);
            choices.push(radio);
        }
        choices[0].set_checked(true);
        let create = dom::button("Create label", &[("class", "primary")]);
        let _ = create.set_attribute("type", "submit");
        let error = el(
            "p",
            &[
                ("class", "field-error"),
                ("id", "label-new-error"),
                ("aria-live", "polite"),
            ],
        );
        let actions = el("div", &[("class", "form-actions")]);
        dom::append(&actions, &[&create, &error]);
        dom::append(&form, &[&name_box, &fieldset, &actions]);

        let list = el(
            "ul",
            &[
                ("class", "label-list"),
                ("aria-labelledby", "labels-heading"),
            ],
        );
        let _ = list.append_child(&text("li", &[("class", "empty")], "Loading labels…"));
        dom::append(&section, &[&head, &intro, &form, &list]);
        LabelsView {
            section,
            form,
            name,
            choices,
            chosen: Cell::new(false),
            error,
            count,
            list,
            shown: RefCell::default(),
            renaming: RefCell::default(),
            colouring: RefCell::default(),
            focus_next: RefCell::default(),
        }
    }

    pub(super) fn new_color(&self) -> String {
        self.choices
            .iter()
            .find(|radio| radio.checked())
            .map(|radio| radio.value())
            .unwrap_or_else(|| PALETTE[0].color.to_string())
    }

    /// Suggests the first palette colour no label has yet, until the person picks one.
    pub(super) fn suggest_color(&self) {
        if self.chosen.get() {
            return;
        }
        let shown = self.shown.borrow();
        let used = |color: &str| shown.labels.iter().any(|l| l.color == color);
        let index = PALETTE
            .iter()
            .position(|swatch| !used(swatch.color))
            .unwrap_or(shown.labels.len() % PALETTE.len());
        self.choices[index].set_checked(true);
    }

    pub(super) fn show_error(&self, message: &str) {
        self.error.set_text_content(Some(message));
        let invalid = if message.is_empty() { "false" } else { "true" };
        let _ = self.name.set_attribute("aria-invalid", invalid);
    }

    /// Draws the list from what is shown, keeping a rename in progress and an open palette.
    pub(super) fn render(&self) {
        // A rename in progress keeps what was typed.
        if let Some((id, _)) = self.renaming.borrow().clone() {
            if let Some(input) = self
                .list
                .query_selector(".rename-input")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
            {
                self.renaming.replace(Some((id, input.value())));
            }
        }
        // Drawing replaces the rows: what has focus now gets it back in the new rows (a change from
        // another tab must not throw the keyboard user out of the list).
        let keep_focus = self.focused();
        let shown = self.shown.borrow();
        let counts = carriers(&shown.subjects);
        self.count
            .set_text_content(Some(&dom::count(shown.labels.len(), "label", "labels")));
        dom::clear(&self.list);
        if shown.labels.is_empty() {
            let _ = self.list.append_child(&text(
                "li",
                &[("class", "empty")],
                "No labels yet. Create one above, or from the label menu in a conversation.",
            ));
        }
        let renaming = self.renaming.borrow().clone();
        let colouring = self.colouring.borrow().clone();
        for label in &shown.labels {
            let carried = counts.get(&label.id).copied().unwrap_or_default();
            let rename = renaming
                .as_ref()
                .filter(|(id, _)| *id == label.id)
                .map(|(_, typed)| typed.as_str());
            let palette_open = colouring.as_deref() == Some(label.id.as_str());
            let _ = self
                .list
                .append_child(&label_row(label, carried, rename, palette_open));
        }
        drop(shown);
        if let Some(next) = self.focus_next.take().or(keep_focus) {
            self.focus(&next);
        }
    }

    /// The control in the list that has focus, as a [`FocusNext`] that finds it again after drawing.
    fn focused(&self) -> Option<FocusNext> {
        let active = crate::dom::document().active_element()?;
        if !self.list.contains(Some(&active)) {
            return None;
        }
        let row = active.closest("li.label-row").ok()??;
        let id = row.get_attribute("data-id")?;
        if active.class_list().contains("rename-input") {
            return Some(FocusNext::RenameInput(id));
        }
        if active.closest(".palette").ok()?.is_some() {
            return Some(FocusNext::Swatch(id, active.get_attribute("data-color")));
        }
        match active.get_attribute("data-action")?.as_str() {
            "rename" => Some(FocusNext::Row(id, "rename")),
            "colour" => Some(FocusNext::Row(id, "colour")),
            "delete" => Some(FocusNext::Row(id, "delete")),
            "save-name" => Some(FocusNext::Row(id, "save-name")),
            "cancel-name" => Some(FocusNext::Row(id, "cancel-name")),
            _ => None,
        }
    }

    pub(super) fn row(&self, id: &str) -> Option<Element> {
        let rows = self.list.query_selector_all("li.label-row").ok()?;
        (0..rows.length())
            .filter_map(|i| rows.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
            .find(|row| row.get_attribute("data-id").as_deref() == Some(id))
    }

    fn focus(&self, next: &FocusNext) {
        let target = match next {
            FocusNext::CreateName => Some(self.name.clone().unchecked_into()),
            FocusNext::Row(id, action) => self.row(id).and_then(|row| {
                row.query_selector(&format!("button[data-action=\"{action}\"]"))
                    .ok()
                    .flatten()
            }),
            FocusNext::RenameInput(id) => self
                .row(id)
                .and_then(|row| row.query_selector(".rename-input").ok().flatten()),
            FocusNext::Swatch(id, color) => self.row(id).and_then(|row| {
                let selector = match color {
                    Some(color) => format!(".palette button[data-color=\"{color}\"]"),
                    None => ".palette button[aria-pressed=\"true\"]".to_string(),
                };
                row.query_selector(&selector)
                    .ok()
                    .flatten()
                    .or_else(|| row.query_selector(".palette button").ok().flatten())
            }),
        };
        match target {
            Some(target) => dom::focus(&target),
            // The row is gone (deleted in another tab): the create field is a safe place.
            None => dom::focus(&self.name),
        }
    }
}

fn swatch_element(color: &str) -> Element {
    el(
        "span",
        &[
            ("class", "swatch"),
            ("aria-hidden", "true"),
            // The colour is checked `#rrggbb` (core::labels), so it is safe in a style attribute.
            ("style", &format!("--swatch: {color}")),
        ],
    )
}

/// The name people see for a colour: the palette's name, or the code for colours from elsewhere.
pub(super) fn color_label(color: &str) -> String {
    color_name(color).map_or_else(|| color.to_string(), str::to_string)
}

fn label_row(
    label: &Label,
    carried: Carriers,
    rename: Option<&str>,
    palette_open: bool,
) -> Element {
    let row = el("li", &[("class", "label-row"), ("data-id", &label.id)]);
    let main = el("div", &[("class", "label-main")]);
    let colour = color_label(&label.color);
    match rename {
        Some(typed_so_far) => {
            let input_id = dom::element_id("rename", &label.id);
            let input: HtmlInputElement = typed(
                "input",
                &[
                    ("type", "text"),
                    ("class", "rename-input"),
                    ("id", &input_id),
                    (
                        "aria-describedby",
                        &dom::element_id("label-error", &label.id),
                    ),
                    ("autocomplete", "off"),
                    ("maxlength", &MAX_LABEL_NAME_CHARS.to_string()),
                ],
            );
            input.set_value(typed_so_far);
            let field = el("div", &[("class", "rename-field")]);
            dom::append(
                &field,
                &[
                    &text(
                        "label",
                        &[("for", &input_id), ("class", "sr-only")],
                        &format!("New name for {}", label.name),
                    ),
                    &input,
                ],
            );
            dom::append(&main, &[&swatch_element(&label.color), &field]);
        }
        None => {
            let title = el("p", &[("class", "label-title")]);
            dom::append(
                &title,
                &[
                    &swatch_element(&label.color),
                    &text("span", &[("class", "label-name")], &label.name),
                ],
            );
            let _ = main.append_child(&title);
        }
    }
    let meta = el("p", &[("class", "label-meta")]);
    dom::append(
        &meta,
        &[
            &text("span", &[("class", "label-color-name")], &colour),
            &text("span", &[("class", "label-count")], &carried.describe()),
        ],
    );
    let error = el(
        "p",
        &[
            ("class", "field-error row-error"),
            ("id", &dom::element_id("label-error", &label.id)),
            ("aria-live", "polite"),
        ],
    );
    dom::append(&main, &[&meta, &error]);

    let actions = el("div", &[("class", "label-actions")]);
    if rename.is_some() {
        dom::append(
            &actions,
            &[
                &dom::button(
                    "Save",
                    &[
                        ("class", "primary small"),
                        ("data-action", "save-name"),
                        (
                            "aria-label",
                            &format!("Save the new name of {}", label.name),
                        ),
                    ],
                ),
                &dom::button(
                    "Cancel",
                    &[
                        ("class", "secondary small"),
                        ("data-action", "cancel-name"),
                        ("aria-label", &format!("Cancel renaming {}", label.name)),
                    ],
                ),
            ],
        );
    } else {
        let palette_id = dom::element_id("palette", &label.id);
        dom::append(
            &actions,
            &[
                &dom::button(
                    "Rename",
                    &[
                        ("class", "secondary small"),
                        ("data-action", "rename"),
                        ("aria-label", &format!("Rename {}", label.name)),
                    ],
                ),
                &dom::button(
                    "Colour",
                    &[
                        ("class", "secondary small"),
                        ("data-action", "colour"),
                        ("aria-label", &format!("Colour of {}: {colour}", label.name)),
                        ("aria-expanded", if palette_open { "true" } else { "false" }),
                        ("aria-controls", &palette_id),
                    ],
                ),
                &dom::button(
                    "Delete",
                    &[
                        ("class", "secondary small"),
                        ("data-action", "delete"),
                        ("aria-label", &format!("Delete {}", label.name)),
                    ],
                ),
            ],
        );
    }
    dom::append(&row, &[&main, &actions]);
    if palette_open && rename.is_none() {
        let palette = el(
            "div",
            &[
                ("class", "palette"),
                ("role", "group"),
                ("id", &dom::element_id("palette", &label.id)),
                ("aria-label", &format!("Colour of {}", label.name)),
            ],
        );
        for swatch in PALETTE {
            let current = swatch.color == label.color;
            let button = dom::button(
                "",
                &[
                    ("class", "swatch-button"),
                    ("data-action", "set-colour"),
                    ("data-color", swatch.color),
                    ("aria-pressed", if current { "true" } else { "false" }),
                ],
            );
            dom::append(
                &button,
                &[
                    &swatch_element(swatch.color),
                    &text("span", &[], swatch.name),
                ],
            );
            let _ = palette.append_child(&button);
        }
        let _ = row.append_child(&palette);
    }
    row
}
