//! The list of saved replies: search (with `#tag` filters), counts, rows grouped by folder (the favourites
//! flat, in their numbered order), and the row actions: star, move up/down, Edit and Delete (Delete asks in
//! the row itself, then offers Undo in the status line). Rows are drawn a page at a time, so a library of
//! 30,000 replies stays quick to search.
use super::dom::{self, el, text};
use super::row::{self, RowView};
use super::status::Action;
use super::Page;
use crate::core::browse::{self, folder_of, Query, Shelf};
use crate::core::reply::Reply;
use crate::platform::library;
use crate::platform::protocol::Request;
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlButtonElement, HtmlElement, HtmlInputElement, KeyboardEvent};

/// Rows drawn at first, and added by each "Show more". Drawing a row costs about half a millisecond, so a
/// page of 200 keeps each redraw around 100 ms even when every row is new.
pub const PAGE_ROWS: usize = 200;

/// Libraries larger than this redraw the list once typing pauses, not on every keystroke.
const DEBOUNCE_ABOVE: usize = 2_000;
const DEBOUNCE_MS: u32 = 120;

pub struct List {
    pub section: Element,
    pub search: HtmlInputElement,
    pub new_button: HtmlButtonElement,
    count: Element,
    pub groups: Element,
    /// The reply whose row asks "Delete …?".
    confirming: RefCell<Option<String>>,
    /// How many rows are drawn; back to one page when the search or the shelf changes.
    limit: Cell<usize>,
    /// The rows drawn last, by reply id, with what they showed: a redraw reuses those that would look the
    /// same (typing "an" after "a" keeps most rows; a star redraws one).
    drawn: RefCell<HashMap<String, (u64, Element)>>,
    /// The redraw waiting for typing to pause (large libraries).
    pending: RefCell<Option<Timeout>>,
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
                ("placeholder", "Title, text, #tag or /shortcut"),
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
            limit: Cell::new(PAGE_ROWS),
            drawn: RefCell::default(),
            pending: RefCell::default(),
        }
    }
}

impl List {
    /// Back to drawing one page of rows (the search or the shelf changed).
    pub fn reset_limit(&self) {
        self.limit.set(PAGE_ROWS);
    }
}

pub fn wire(page: &Rc<Page>) {
    page.on(&page.list.search, "input", |page, _| {
        page.list.limit.set(PAGE_ROWS);
        if page.library.borrow().replies.len() <= DEBOUNCE_ABOVE {
            page.render_list();
            return;
        }
        let me = Rc::downgrade(page);
        let timeout = Timeout::new(DEBOUNCE_MS, move || {
            if let Some(page) = me.upgrade() {
                page.list.pending.borrow_mut().take();
                page.render_list();
            }
        });
        // Replacing the previous timeout cancels it (dropped).
        page.list.pending.replace(Some(timeout));
    });
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
        match button.get_attribute("data-action").as_deref() {
            Some("retry") => {
                page.list
                    .groups
                    .set_text_content(Some("Loading your saved replies…"));
                page.reload();
                return;
            }
            Some("more") => {
                page.list.limit.set(page.list.limit.get() + PAGE_ROWS);
                page.render_list();
                return;
            }
            Some("tag") => {
                if let Some(tag) = button.get_attribute("data-tag") {
                    page.filter_by_tag(&tag);
                }
                return;
            }
            _ => {}
        }
        let Some(id) = row_id(&button) else {
            return;
        };
        if button.get_attribute("aria-disabled").as_deref() == Some("true") {
            return;
        }
        match button.get_attribute("data-action").as_deref() {
            Some("edit") => page.edit_reply(&id, Some(button)),
            Some("delete") => page.ask_delete(&id),
            Some("confirm-delete") => page.delete_reply(&id),
            Some("cancel-delete") => page.cancel_delete(&id),
            Some("favourite") => page.toggle_favourite(&id),
            Some("move-up") => page.move_reply(&id, -1),
            Some("move-down") => page.move_reply(&id, 1),
            _ => {}
        }
    });
    page.on(&page.list.groups, "keydown", |page, event| {
        let Some(key) = event.dyn_ref::<KeyboardEvent>() else {
            return;
        };
        match key.key().as_str() {
            "Escape" => {
                let id = page.list.confirming.borrow().clone();
                if let Some(id) = id {
                    event.prevent_default();
                    page.cancel_delete(&id);
                }
            }
            // Alt+↑/↓ on a row moves the reply (the focused control keeps focus, in the row's new place).
            arrow @ ("ArrowUp" | "ArrowDown") if key.alt_key() && !key.ctrl_key() => {
                let Some(id) = event
                    .target()
                    .and_then(|target| target.dyn_into::<Element>().ok())
                    .and_then(|target| row_id(&target))
                else {
                    return;
                };
                event.prevent_default();
                page.move_reply(&id, if arrow == "ArrowUp" { -1 } else { 1 });
            }
            _ => {}
        }
    });
}

pub(super) fn row_id(element: &Element) -> Option<String> {
    element
        .closest("[data-id]")
        .ok()
        .flatten()?
        .get_attribute("data-id")
}

impl Page {
    /// The search as typed, parsed (`#tag` words filter by tag).
    pub(super) fn query(&self) -> Query {
        Query::parse(&self.list.search.value())
    }

    /// The replies shown now (shelf and search), in list order.
    pub(super) fn shown(&self) -> Vec<usize> {
        let shelf = self.shelves.selected();
        self.library
            .borrow()
            .matching(&shelf, &self.query(), js_sys::Date::now())
    }

    /// Shows replies with `tag` (a tag chip was clicked).
    pub(super) fn filter_by_tag(self: &Rc<Self>, tag: &str) {
        self.list.search.set_value(&browse::tag_query(tag));
        self.list.limit.set(PAGE_ROWS);
        self.render_list();
        dom::focus(&self.list.search);
    }

    /// Redraws the list for the shelf and the search field's text, keeping focus on the same control of
    /// the same row.
    pub(super) fn render_list(self: &Rc<Self>) {
        let focused = crate::dom::document().active_element().and_then(|active| {
            let inside = self.list.groups.contains(Some(&active));
            inside.then(|| (row_id(&active), active.get_attribute("data-action")))
        });
        let shelf = self.shelves.selected();
        let query = self.query();
        let now_ms = js_sys::Date::now();
        let library = self.library.borrow();
        let shown = library.matching(&shelf, &query, now_ms);
        let in_shelf = if shelf == Shelf::All {
            library.replies.len()
        } else {
            library.matching(&shelf, &Query::default(), now_ms).len()
        };
        let total = library.replies.len();
        let (one, many) = match shelf {
            Shelf::All => ("reply", "replies"),
            _ => ("reply here", "replies here"),
        };
        let count = if !library.loaded {
            String::new()
        } else if query.is_empty() {
            dom::count(in_shelf, one, many)
        } else {
            format!(
                "{} of {}",
                dom::count(shown.len(), "match", "matches"),
                dom::count(in_shelf, one, many)
            )
        };
        self.list.count.set_text_content(Some(&count));

        // A pending redraw (typing) is this one.
        self.list.pending.borrow_mut().take();
        dom::clear(&self.list.groups);
        if !library.loaded {
            return;
        }
        if shown.is_empty() {
            let message = if total == 0 {
                "No saved replies yet. Create one with “New reply”, or import a file.".to_string()
            } else if !query.is_empty() {
                format!("No reply matches “{}”.", self.list.search.value().trim())
            } else {
                match &shelf {
                    Shelf::Favourites => "No favourites yet. Star a reply (☆) to list it here and give it a number for the picker.".to_string(),
                    Shelf::Unused => "Every reply was used in the last 90 days.".to_string(),
                    Shelf::Folder(name) => format!("No replies in “{name}”."),
                    Shelf::NoFolder => "Every reply is in a folder.".to_string(),
                    Shelf::All => String::new(),
                }
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
        let flat = shelf == Shelf::Favourites;
        let limit = self.list.limit.get();
        let drawn = &shown[..shown.len().min(limit)];
        // Group sizes and each row's neighbours are counted over every match, not only the rows drawn.
        let group_of = |at: usize| -> Option<&str> {
            if flat {
                None
            } else {
                folder_of(&library.replies[at])
            }
        };
        let mut group_sizes: std::collections::HashMap<Option<&str>, usize> =
            std::collections::HashMap::new();
        for &at in &shown {
            *group_sizes.entry(group_of(at)).or_default() += 1;
        }
        let mut previous = self.list.drawn.take();
        let mut now_drawn: HashMap<String, (u64, Element)> = HashMap::with_capacity(drawn.len());
        let mut group: Option<(Option<&str>, Element)> = None;
        for (n, &at) in drawn.iter().enumerate() {
            let reply = &library.replies[at];
            let folder = group_of(at);
            let same = group.as_ref().is_some_and(|(name, _)| *name == folder);
            if !same {
                let heading = if flat { Some("Favourites") } else { folder };
                let size = group_sizes.get(&folder).copied().unwrap_or(0);
                let (section, items) = group_element(heading, size);
                let _ = self.list.groups.append_child(&section);
                group = Some((folder, items));
            }
            let first = n == 0 || group_of(shown[n - 1]) != folder;
            let last = shown
                .get(n + 1)
                .is_none_or(|&next| group_of(next) != folder);
            let view = RowView {
                reply,
                confirm: confirming.as_deref() == Some(reply.id.as_str()),
                number: library.favourite_number(at),
                usage: library.usage_of(&reply.id),
                now_ms,
                first,
                last,
                show_folder: flat,
            };
            let signature = view.signature(library.revs[at]);
            let element = match previous.remove(&reply.id) {
                Some((known, element)) if known == signature => element,
                _ => row::row(&view),
            };
            if let Some((_, items)) = &group {
                let _ = items.append_child(&element);
            }
            now_drawn.insert(reply.id.clone(), (signature, element));
        }
        self.list.drawn.replace(now_drawn);
        if shown.len() > drawn.len() {
            let more = el("div", &[("class", "more")]);
            dom::append(
                &more,
                &[
                    &text(
                        "p",
                        &[("class", "empty")],
                        &format!(
                            "Showing the first {}. Search to find the others.",
                            crate::core::reply::thousands(drawn.len())
                        ),
                    ),
                    &dom::button(
                        &format!(
                            "Show {} more",
                            crate::core::reply::thousands(PAGE_ROWS.min(shown.len() - drawn.len()))
                        ),
                        &[("class", "secondary"), ("data-action", "more")],
                    ),
                ],
            );
            let _ = self.list.groups.append_child(&more);
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
                        .with_records(vec![record], response.rev.unwrap_or(0));
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
