//! The sidebar: which part of the library the list shows. All, Favourites, Unused for 90 days, then every
//! folder and "No folder", each with its count. The chosen one is `aria-pressed`.
use super::dom::{self, el, text};
use super::model::Library;
use super::Page;
use crate::core::browse::Shelf;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Element;

pub struct Shelves {
    pub nav: Element,
    items: Element,
    selected: RefCell<Shelf>,
}

impl Shelves {
    pub fn new() -> Shelves {
        let nav = el(
            "nav",
            &[("class", "shelves"), ("aria-labelledby", "shelves-heading")],
        );
        // "Browse", not "Folders": the editor's field is labelled "Folder".
        let heading = text("h2", &[("id", "shelves-heading")], "Browse");
        let items = el("ul", &[("class", "shelf-list")]);
        dom::append(&nav, &[&heading, &items]);
        Shelves {
            nav,
            items,
            selected: RefCell::default(),
        }
    }

    pub fn selected(&self) -> Shelf {
        self.selected.borrow().clone()
    }

    /// Redraws the shelves with the library's counts at `now_ms`. A chosen folder that no longer exists
    /// gives way to All.
    pub fn render(&self, library: &Library, now_ms: f64) {
        let (favourites, unused) = library.shelf_counts(now_ms);
        {
            let mut selected = self.selected.borrow_mut();
            let gone = match &*selected {
                Shelf::Folder(name) => !library.folders.iter().any(|(known, _)| known == name),
                Shelf::NoFolder => library.no_folder == 0,
                _ => false,
            };
            if gone {
                *selected = Shelf::All;
            }
        }
        dom::clear(&self.items);
        let add = |shelf: Shelf, label: &str, count: usize, class: &str| {
            let _ = self
                .items
                .append_child(&self.item(shelf, label, count, class));
        };
        add(Shelf::All, "All", library.replies.len(), "");
        add(Shelf::Favourites, "Favourites", favourites, "favourites");
        add(Shelf::Unused, "Unused for 90 days", unused, "");
        for (name, count) in &library.folders {
            add(Shelf::Folder(name.clone()), name, *count, "folder");
        }
        if library.no_folder > 0 && !library.folders.is_empty() {
            add(Shelf::NoFolder, "No folder", library.no_folder, "folder");
        }
    }

    fn item(&self, shelf: Shelf, label: &str, count: usize, class: &str) -> Element {
        let item = el("li", &[]);
        let pressed = if *self.selected.borrow() == shelf {
            "true"
        } else {
            "false"
        };
        let (kind, folder) = match &shelf {
            Shelf::All => ("all", ""),
            Shelf::Favourites => ("favourites", ""),
            Shelf::Unused => ("unused", ""),
            Shelf::Folder(name) => ("folder", name.as_str()),
            Shelf::NoFolder => ("none", ""),
        };
        let button = dom::button(
            "",
            &[
                ("class", &format!("shelf {class}")),
                ("data-shelf", kind),
                ("data-folder", folder),
                ("aria-pressed", pressed),
            ],
        );
        dom::append(
            &button,
            &[
                &text("span", &[("class", "shelf-name")], label),
                // A space, so the accessible name reads "Orders 12", not "Orders12".
                &crate::dom::document().create_text_node(" "),
                &text(
                    "span",
                    &[("class", "shelf-count")],
                    &crate::core::reply::thousands(count),
                ),
            ],
        );
        let _ = item.append_child(&button);
        item
    }

    /// Marks `shelf` as chosen (the list redraws separately).
    fn choose(&self, shelf: Shelf) {
        self.selected.replace(shelf);
        let Ok(buttons) = self.items.query_selector_all("button[data-shelf]") else {
            return;
        };
        for at in 0..buttons.length() {
            if let Some(button) = buttons.item(at).and_then(|b| b.dyn_into::<Element>().ok()) {
                let pressed = shelf_of(&button).as_ref() == Some(&*self.selected.borrow());
                let _ =
                    button.set_attribute("aria-pressed", if pressed { "true" } else { "false" });
            }
        }
    }
}

fn shelf_of(button: &Element) -> Option<Shelf> {
    let folder = button.get_attribute("data-folder").unwrap_or_default();
    Some(match button.get_attribute("data-shelf")?.as_str() {
        "all" => Shelf::All,
        "favourites" => Shelf::Favourites,
        "unused" => Shelf::Unused,
        "folder" => Shelf::Folder(folder),
        "none" => Shelf::NoFolder,
        _ => return None,
    })
}

pub fn wire(page: &Rc<Page>) {
    page.on(&page.shelves.nav, "click", |page, event| {
        let Some(button) = event
            .target()
            .and_then(|target| target.dyn_into::<Element>().ok())
            .and_then(|target| target.closest("button[data-shelf]").ok().flatten())
        else {
            return;
        };
        if let Some(shelf) = shelf_of(&button) {
            page.show_shelf(shelf);
        }
    });
}

impl Page {
    /// Shows `shelf` in the list, from its first page.
    pub(super) fn show_shelf(self: &Rc<Self>, shelf: Shelf) {
        self.shelves.choose(shelf);
        self.list.reset_limit();
        self.render_list();
    }

    /// Redraws the sidebar's counts.
    pub(super) fn render_shelves(&self) {
        self.shelves
            .render(&self.library.borrow(), js_sys::Date::now());
    }
}
