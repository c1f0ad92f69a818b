//! The list of saved replies: search, counts, rows grouped by folder, and the row actions Edit and Delete
//! (Delete asks in the row itself, then offers Undo in the status line).
use super::dom::{self, el, text};
use super::model::folder_of;
use super::status::Action;
use super::Page;
use crate::core::reply::Reply;
use crate::platform::library;
use crate::platform::protocol::Request;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlButtonElement, HtmlElement, HtmlInputElement, KeyboardEvent};

/// Rows drawn at most; a search narrows a larger library down.
const MAX_ROWS: usize = 500;

pub struct List {
    pub section: Element,
    pub search: HtmlInputElement,
    pub new_button: HtmlButtonElement,
    count: Element,
    groups: Element,
    /// The reply whose row asks "Delete …?".
    confirming: RefCell<Option<String>>,
}

impl List {
    pub fn new() -> List {
        let section = el(
            "section",
            &[("class", "library"), ("aria-labelledby", "library-heading")],
        );
        let head = el("div", &[("class", "library-head")]);
        let count = el("p", &[("class", "count"), ("id", "reply-count")]);
        dom::append(
            &head,
            &[
                &text("h2", &[("id", "library-heading")], "Saved replies"),
                &count,
            ],
        );
        let search_box = el("div", &[("class", "search")]);
        let search: HtmlInputElement = dom::typed(
            "input",
            &[
                ("type", "search"),
                ("id", "search"),
                ("placeholder", "Title, text, tag or /shortcut"),
                ("autocomplete", "off"),
                ("spellcheck", "false"),
                ("aria-describedby", "reply-count"),
            ],
        );
        dom::append(
            &search_box,
            &[
                &text("label", &[("for", "search")], "Search replies"),
                &search,
            ],
        );
        let groups = el("div", &[("class", "groups")]);
        dom::append(
            &groups,
            &[&text(
                "p",
                &[("class", "empty")],
                "Loading your saved replies…",
            )],
        );
        dom::append(&section, &[&head, &search_box, &groups]);
        let new_button = dom::button("New reply", &[("class", "primary"), ("data-action", "new")]);
        List {
            section,
            search,
            new_button,
            count,
            groups,
            confirming: RefCell::default(),
        }
    }
}

pub fn wire(page: &Rc<Page>) {
    page.on(&page.list.search, "input", |page, _| page.render_list());
    page.on(&page.list.new_button, "click", |page, _| {
        let from = page.list.new_button.clone().unchecked_into();
        page.new_reply(Some(from));
    });
    page.on(&page.list.groups, "click", |page, event| {
        let Some(button) = event
            .target()
            .and_then(|target| target.dyn_into::<Element>().ok())
            .and_then(|target| target.closest("button[data-action]").ok().flatten())
        else {
            return;
        };
        if button.get_attribute("data-action").as_deref() == Some("retry") {
            page.list
                .groups
                .set_text_content(Some("Loading your saved replies…"));
            page.reload();
            return;
        }
        let Some(id) = row_id(&button) else {
            return;
        };
        match button.get_attribute("data-action").as_deref() {
            Some("edit") => page.edit_reply(&id, Some(button)),
            Some("delete") => page.ask_delete(&id),
            Some("confirm-delete") => page.delete_reply(&id),
            Some("cancel-delete") => page.cancel_delete(&id),
            _ => {}
        }
    });
    page.on(&page.list.groups, "keydown", |page, event| {
        let Some(key) = event.dyn_ref::<KeyboardEvent>() else {
            return;
        };
        if key.key() != "Escape" {
            return;
        }
        let id = page.list.confirming.borrow().clone();
        if let Some(id) = id {
            event.prevent_default();
            page.cancel_delete(&id);
        }
    });
}

fn row_id(element: &Element) -> Option<String> {
    element
        .closest("[data-id]")
        .ok()
        .flatten()?
        .get_attribute("data-id")
}

impl Page {
    /// Redraws the list for the search field's text, keeping focus on the same control of the same row.
    pub(super) fn render_list(self: &Rc<Self>) {
        let focused = crate::dom::document().active_element().and_then(|active| {
            let inside = self.list.groups.contains(Some(&active));
            inside.then(|| (row_id(&active), active.get_attribute("data-action")))
        });
        let library = self.library.borrow();
        let query = self.list.search.value();
        let shown = library.matching(&query);
        let total = library.replies.len();
        let count = if !library.loaded {
            String::new()
        } else if query.trim().is_empty() {
            dom::count(total, "reply", "replies")
        } else {
            format!(
                "{} of {}",
                dom::count(shown.len(), "match", "matches"),
                dom::count(total, "reply", "replies")
            )
        };
        self.list.count.set_text_content(Some(&count));

        dom::clear(&self.list.groups);
        if !library.loaded {
            return;
        }
        if shown.is_empty() {
            let message = if total == 0 {
                "No saved replies yet. Create one with “New reply”, or import a file.".to_string()
            } else {
                format!("No reply matches “{}”.", query.trim())
            };
            let _ = self
                .list
                .groups
                .append_child(&text("p", &[("class", "empty")], &message));
            return;
        }
        let confirming = self
            .list
            .confirming
            .borrow()
            .clone()
            .filter(|id| library.contains(id));
        let mut group: Option<(Option<String>, Element)> = None;
        for &at in shown.iter().take(MAX_ROWS) {
            let reply = &library.replies[at];
            let folder = folder_of(reply).map(str::to_string);
            let same = group.as_ref().is_some_and(|(name, _)| *name == folder);
            if !same {
                let in_folder = shown
                    .iter()
                    .filter(|&&other| folder_of(&library.replies[other]) == folder.as_deref())
                    .count();
                let (section, items) = group_element(folder.as_deref(), in_folder);
                let _ = self.list.groups.append_child(&section);
                group = Some((folder, items));
            }
            if let Some((_, items)) = &group {
                let confirm = confirming.as_deref() == Some(reply.id.as_str());
                let _ = items.append_child(&row(reply, confirm));
            }
        }
        if shown.len() > MAX_ROWS {
            let _ = self.list.groups.append_child(&text(
                "p",
                &[("class", "empty")],
                &format!("Showing the first {MAX_ROWS}. Search to find the others."),
            ));
        }
        drop(library);
        if let Some((Some(id), action)) = focused {
            self.focus_row(&id, action.as_deref().unwrap_or("edit"));
        }
    }

    /// Instead of the list, when the first load failed: a way to try again (the status line says why).
    pub(super) fn show_load_problem(self: &Rc<Self>) {
        dom::clear(&self.list.groups);
        let box_ = el("div", &[("class", "empty")]);
        let retry = dom::button(
            "Try again",
            &[("class", "secondary"), ("data-action", "retry")],
        );
        dom::append(
            &box_,
            &[
                &text("p", &[], "Your saved replies could not be loaded."),
                &retry,
            ],
        );
        let _ = self.list.groups.append_child(&box_);
    }

    /// Focuses the button `action` of the row for `id`, if it is shown.
    pub(super) fn focus_row(&self, id: &str, action: &str) -> bool {
        let rows = self.list.groups.query_selector_all("li[data-id]").ok();
        let Some(rows) = rows else {
            return false;
        };
        for at in 0..rows.length() {
            let Some(row) = rows
                .item(at)
                .and_then(|node| node.dyn_into::<Element>().ok())
            else {
                continue;
            };
            if row.get_attribute("data-id").as_deref() != Some(id) {
                continue;
            }
            let selector = format!("button[data-action=\"{action}\"]");
            let button = row
                .query_selector(&selector)
                .ok()
                .flatten()
                .or_else(|| row.query_selector("button").ok().flatten());
            if let Some(button) = button.and_then(|b| b.dyn_into::<HtmlElement>().ok()) {
                let _ = button.focus();
                button.scroll_into_view_with_bool(false);
                return true;
            }
        }
        false
    }

    fn ask_delete(self: &Rc<Self>, id: &str) {
        self.list.confirming.replace(Some(id.to_string()));
        self.render_list();
        self.focus_row(id, "cancel-delete");
    }

    fn cancel_delete(self: &Rc<Self>, id: &str) {
        self.list.confirming.replace(None);
        self.render_list();
        self.focus_row(id, "delete");
    }

    /// Deletes `id` (as last seen: a newer version from another tab is not deleted unseen), then offers Undo.
    fn delete_reply(self: &Rc<Self>, id: &str) {
        let Some((reply, rev)) = self
            .library
            .borrow()
            .get(id)
            .map(|(reply, rev)| (reply.clone(), rev))
        else {
            return;
        };
        let request = Request::Delete {
            id: id.to_string(),
            base_rev: Some(rev),
        };
        let me = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let response = library::request(&request).await;
            let Some(page) = me.upgrade() else {
                return;
            };
            page.list.confirming.replace(None);
            if !response.ok {
                let message = response
                    .message
                    .unwrap_or_else(|| "The reply could not be deleted.".into());
                page.status.show(&message, true);
                page.render_list();
                page.reload();
                return;
            }
            if page
                .editor
                .state
                .borrow()
                .mode
                .as_ref()
                .and_then(|m| m.editing_id())
                == Some(reply.id.as_str())
            {
                page.close_editor();
            }
            let updated = page
                .library
                .borrow()
                .without(&reply.id, response.rev.unwrap_or(0));
            page.set_library(updated);
            let message = format!("Deleted {}", dom::quoted(&reply.title));
            page.status
                .show_with(&message, "Undo", Action::UndoDelete(reply));
            let _ = page.status.button.focus();
        });
    }

    /// Stores a reply deleted a moment ago again, under its id.
    pub(super) fn undo_delete(self: &Rc<Self>, reply: Reply) {
        let request = Request::Put {
            reply: reply.clone(),
            base_rev: None,
        };
        let me = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let response = library::request(&request).await;
            let Some(page) = me.upgrade() else {
                return;
            };
            match (response.ok, response.record) {
                (true, Some(record)) => {
                    let updated = page
                        .library
                        .borrow()
                        .with_record(record, response.rev.unwrap_or(0));
                    page.set_library(updated);
                    page.status
                        .show(&format!("Restored {}", dom::quoted(&reply.title)), false);
                    if !page.focus_row(&reply.id, "edit") {
                        dom::focus(&page.list.search);
                    }
                }
                _ => {
                    let message = response
                        .message
                        .unwrap_or_else(|| "The reply could not be restored.".into());
                    page.status.show(&message, true);
                    page.reload();
                }
            }
        });
    }
}

/// `<section><h3>Folder (n)</h3><ul></ul></section>`; returns the section and its list.
fn group_element(folder: Option<&str>, count: usize) -> (Element, Element) {
    let section = el("section", &[("class", "group")]);
    let heading = el("h3", &[]);
    let _ = heading.append_child(&text("span", &[], folder.unwrap_or("No folder")));
    let _ = heading.append_child(&text(
        "span",
        &[("class", "group-count")],
        &format!(" ({count})"),
    ));
    let items = el("ul", &[("class", "replies")]);
    dom::append(&section, &[&heading, &items]);
    (section, items)
}

/// One reply's row: star, title, shortcut, first line, tags and languages; Edit and Delete (or the
/// delete question).
fn row(reply: &Reply, confirm: bool) -> Element {
    let item = el("li", &[("class", "reply"), ("data-id", &reply.id)]);
    let main = el("div", &[("class", "reply-main")]);
    let title = el("p", &[("class", "reply-title")]);
    if reply.favorite {
        let _ = title.append_child(&text(
            "span",
            &[("class", "star"), ("aria-hidden", "true")],
            "★",
        ));
        let _ = title.append_child(&text("span", &[("class", "sr-only")], "Favourite: "));
    }
    let _ = title.append_child(&text("span", &[("class", "title-text")], &reply.title));
    if let Some(shortcut) = &reply.shortcut {
        let _ = title.append_child(&text(
            "code",
            &[("class", "shortcut")],
            &format!("/{shortcut}"),
        ));
    }
    let first_line = reply
        .body
        .lines()
        .find(|line| !line.trim().is_empty())
        .unwrap_or_default();
    let snippet = text("p", &[("class", "reply-snippet")], first_line);
    let meta = el("p", &[("class", "reply-meta")]);
    for tag in &reply.tags {
        let _ = meta.append_child(&text("span", &[("class", "tag")], &format!("#{tag}")));
    }
    let mut languages: Vec<&str> = reply.language.iter().map(String::as_str).collect();
    languages.extend(reply.variants.keys().map(String::as_str));
    if !languages.is_empty() {
        let _ = meta.append_child(&text(
            "span",
            &[("class", "languages"), ("title", "Languages")],
            &languages.join(" · "),
        ));
    }
    dom::append(&main, &[&title, &snippet, &meta]);
    let actions = el("div", &[("class", "reply-actions")]);
    let name = dom::quoted(&reply.title);
    if confirm {
        let _ = actions.set_attribute("class", "reply-actions confirm");
        let _ = actions.set_attribute("role", "group");
        let _ = actions.set_attribute("aria-label", "Confirm delete");
        dom::append(
            &actions,
            &[
                &text("span", &[("class", "question")], &format!("Delete {name}?")),
                &dom::button(
                    "Delete",
                    &[
                        ("class", "danger"),
                        ("data-action", "confirm-delete"),
                        ("aria-label", &format!("Delete {name} now")),
                    ],
                ),
                &dom::button(
                    "Cancel",
                    &[("class", "secondary"), ("data-action", "cancel-delete")],
                ),
            ],
        );
    } else {
        dom::append(
            &actions,
            &[
                &dom::button(
                    "Edit",
                    &[
                        ("class", "secondary"),
                        ("data-action", "edit"),
                        ("aria-label", &format!("Edit {name}")),
                    ],
                ),
                &dom::button(
                    "Delete",
                    &[
                        ("class", "secondary"),
                        ("data-action", "delete"),
                        ("aria-label", &format!("Delete {name}")),
                    ],
                ),
            ],
        );
    }
    dom::append(&item, &[&main, &actions]);
    item
}
