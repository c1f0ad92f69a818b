//! One reply's row in the list: star toggle and favourite number, title, shortcut, first line, folder, tags
//! (each a filter button), languages and use; Move up/down, Edit and Delete (or the delete question).
use super::dom::{self, el, text};
use crate::core::browse;
use crate::core::reply::Reply;
use crate::core::usage::Usage;
use std::hash::{Hash, Hasher};
use web_sys::Element;

/// What a row shows besides the reply itself.
pub struct RowView<'a> {
    pub reply: &'a Reply,
    /// The row asks "Delete …?".
    pub confirm: bool,
    /// The favourite's number for the picker (Ctrl+. then this digit).
    pub number: Option<u8>,
    pub usage: Option<&'a Usage>,
    pub now_ms: f64,
    /// First or last of its group: it cannot move further that way.
    pub first: bool,
    pub last: bool,
    /// The folder is not the group heading (the favourites list), so the row names it.
    pub show_folder: bool,
}

impl RowView<'_> {
    /// Everything the row shows, hashed: equal signatures draw equal rows (`rev`: the stored revision).
    pub fn signature(&self, rev: u64) -> u64 {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        let reply = self.reply;
        rev.hash(&mut hasher);
        (
            &reply.id,
            &reply.title,
            &reply.body,
            &reply.folder,
            &reply.tags,
        )
            .hash(&mut hasher);
        (&reply.shortcut, reply.favorite, &reply.language).hash(&mut hasher);
        reply
            .variants
            .keys()
            .for_each(|code| code.hash(&mut hasher));
        (
            self.confirm,
            self.number,
            self.first,
            self.last,
            self.show_folder,
        )
            .hash(&mut hasher);
        browse::used_text(self.usage, self.now_ms).hash(&mut hasher);
        hasher.finish()
    }
}

pub fn row(view: &RowView) -> Element {
    let reply = view.reply;
    let item = el("li", &[("class", "reply"), ("data-id", &reply.id)]);
    let main = el("div", &[("class", "reply-main")]);
    let name = dom::quoted(&reply.title);
    let title = el("p", &[("class", "reply-title")]);
    let _ = title.append_child(&star(reply, &name));
    if let Some(number) = view.number {
        let _ = title.append_child(&text(
            "kbd",
            &[
                ("class", "fav-number"),
                (
                    "title",
                    &format!("In the picker: Ctrl+. then {number} inserts this reply"),
                ),
            ],
            &number.to_string(),
        ));
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
    if view.show_folder {
        if let Some(folder) = browse::folder_of(reply) {
            let _ = meta.append_child(&text("span", &[("class", "folder")], folder));
        }
    }
    for tag in &reply.tags {
        let _ = meta.append_child(&dom::button(
            &format!("#{tag}"),
            &[
                ("class", "tag"),
                ("data-action", "tag"),
                ("data-tag", tag),
                ("title", &format!("Show replies tagged {tag}")),
            ],
        ));
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
    let _ = meta.append_child(&text(
        "span",
        &[("class", "usage")],
        &browse::used_text(view.usage, view.now_ms),
    ));
    dom::append(&main, &[&title, &snippet, &meta]);
    dom::append(&item, &[&main, &actions(view, &name)]);
    item
}

/// The star: a toggle button, pressed for favourites.
fn star(reply: &Reply, name: &str) -> Element {
    let pressed = if reply.favorite { "true" } else { "false" };
    let star = dom::button(
        if reply.favorite { "★" } else { "☆" },
        &[
            ("class", "star-toggle"),
            ("data-action", "favourite"),
            ("aria-pressed", pressed),
            // "Star", not "Favourite": the editor's checkbox is labelled "Favourite".
            ("aria-label", &format!("Star {name}")),
            (
                "title",
                if reply.favorite {
                    "Favourite: listed first in the picker. Click to unstar."
                } else {
                    "Make this a favourite"
                },
            ),
        ],
    );
    star.into()
}

fn actions(view: &RowView, name: &str) -> Element {
    let actions = el("div", &[("class", "reply-actions")]);
    if view.confirm {
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
        return actions;
    }
    // aria-disabled, not disabled: a button that just became the first keeps focus (Alt+↑ repeated).
    let move_button = |label: &str, action: &str, words: &str, stuck: bool| {
        dom::button(
            label,
            &[
                ("class", "secondary small move"),
                ("data-action", action),
                ("aria-label", &format!("Move {name} {words}")),
                ("title", &format!("Move {words} (Alt+{label})")),
                ("aria-disabled", if stuck { "true" } else { "false" }),
            ],
        )
    };
    dom::append(
        &actions,
        &[
            &move_button("↑", "move-up", "up", view.first),
            &move_button("↓", "move-down", "down", view.last),
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
    actions
}
