//! The label menu's inline editor: the highlighted label's name and its colour from the named palette
//! (each colour's name is its accessible name and is shown beside the swatch). Enter saves, Escape
//! cancels; the menu (`label_menu`) sends the change and closes the editor.
use super::dom::{self, el, text};
use super::palette::{self, PALETTE};
use crate::core::labels::Label;
use crate::platform::protocol::LabelInput;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlButtonElement, HtmlInputElement};

pub struct LabelEditor {
    pub element: Element,
    /// The label being edited.
    pub id: String,
    pub name: HtmlInputElement,
    colours: Vec<HtmlInputElement>,
    pub save: HtmlButtonElement,
    pub cancel: HtmlButtonElement,
}

impl LabelEditor {
    pub fn new(label: &Label) -> LabelEditor {
        let element = el(
            "form",
            &[
                ("class", "label-editor"),
                ("aria-labelledby", "label-editor-title"),
                ("novalidate", ""),
            ],
        );
        let title = text(
            "h2",
            &[("id", "label-editor-title")],
            &format!("Edit label {}", dom::quoted(&label.name)),
        );
        let name_field = el("label", &[("class", "field")]);
        let name: HtmlInputElement = dom::typed(
            "input",
            &[
                ("type", "text"),
                ("class", "label-name"),
                ("autocomplete", "off"),
                ("spellcheck", "false"),
            ],
        );
        name.set_value(&label.name);
        dom::append(&name_field, &[&text("span", &[], "Name"), &name]);

        let group = el("fieldset", &[("class", "colours")]);
        dom::append(&group, &[&text("legend", &[], "Colour")]);
        let mut colours = Vec::new();
        // A colour set elsewhere (an import) that is not a preset stays choosable, so saving a rename does
        // not change it.
        let custom =
            palette::name_of(&label.color).is_none() && palette::is_hex_color(&label.color);
        let choices = custom
            .then_some(("Current colour", label.color.as_str()))
            .into_iter()
            .chain(PALETTE.iter().copied());
        for (colour_name, hex) in choices {
            let choice = el("label", &[("class", "colour")]);
            let radio: HtmlInputElement = dom::typed(
                "input",
                &[("type", "radio"), ("name", "label-colour"), ("value", hex)],
            );
            radio.set_checked(hex.eq_ignore_ascii_case(&label.color));
            let swatch = el("span", &[("class", "swatch"), ("aria-hidden", "true")]);
            dom::paint(&swatch, hex);
            dom::append(&choice, &[&radio, &swatch, &text("span", &[], colour_name)]);
            dom::append(&group, &[&choice]);
            colours.push(radio);
        }

        let buttons = el("div", &[("class", "buttons")]);
        let save = dom::button(
            "Save",
            &[("class", "primary"), ("aria-keyshortcuts", "Enter")],
        );
        let cancel = dom::button("Cancel", &[("aria-keyshortcuts", "Escape")]);
        dom::append(&buttons, &[&save, &cancel]);
        dom::append(&element, &[&title, &name_field, &group, &buttons]);
        LabelEditor {
            element,
            id: label.id.clone(),
            name,
            colours,
            save,
            cancel,
        }
    }

    /// The label as the user left it (name untrimmed: the background's rules decide).
    pub fn value(&self) -> LabelInput {
        let color = self
            .colours
            .iter()
            .find(|radio| radio.checked())
            .map(|radio| radio.value())
            .unwrap_or_default();
        LabelInput {
            id: Some(self.id.clone()),
            name: self.name.value().trim().to_string(),
            color,
        }
    }

    /// Focus in the name, all of it selected, so typing replaces it.
    pub fn focus(&self) {
        let _ = self.name.focus();
        self.name.select();
    }

    /// Whether `target` is one of the editor's buttons (Enter on a button presses it, not Save).
    pub fn is_button(target: Option<web_sys::EventTarget>) -> bool {
        target.is_some_and(|target| target.has_type::<HtmlButtonElement>())
    }
}
