//! Arranging the library from the list: the star (favourite) and moving a reply up or down. Both send
//! `reply.patch`, which changes only those fields, so they never overwrite text edited in another tab.
use super::dom;
use super::Page;
use crate::core::browse::{folder_of, Shelf};
use crate::core::order;
use crate::core::reply::Reply;
use crate::platform::library;
use crate::platform::protocol::{Patch, Request};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

/// One arrangement asked for from the list.
enum Step {
    Star(String),
    Move(String, isize),
}

/// Arrangements run one at a time, in the order asked: each is planned on the library as the previous one
/// left it (pressing Alt+↓ three times quickly moves the reply three places).
#[derive(Default)]
pub struct Arranging {
    busy: Cell<bool>,
    queue: RefCell<VecDeque<Step>>,
}

impl Page {
    /// Stars or unstars `id`.
    pub(super) fn toggle_favourite(self: &Rc<Self>, id: &str) {
        self.arrange(Step::Star(id.to_string()));
    }

    /// Moves `id` one place up (`step` -1) or down (+1) among the replies shown with it: its folder's
    /// group, or the favourites.
    pub(super) fn move_reply(self: &Rc<Self>, id: &str, step: isize) {
        self.arrange(Step::Move(id.to_string(), step));
    }

    fn arrange(self: &Rc<Self>, step: Step) {
        self.arranging.queue.borrow_mut().push_back(step);
        if !self.arranging.busy.get() {
            self.next_arrangement();
        }
    }

    /// Runs the next queued arrangement, if any (each sends one patch and calls this again when answered).
    fn next_arrangement(self: &Rc<Self>) {
        loop {
            let Some(step) = self.arranging.queue.borrow_mut().pop_front() else {
                self.arranging.busy.set(false);
                return;
            };
            self.arranging.busy.set(true);
            let started = match step {
                Step::Star(id) => self.star_now(&id),
                Step::Move(id, step) => self.move_now(&id, step),
            };
            if started {
                return;
            }
        }
    }

    fn star_now(self: &Rc<Self>, id: &str) -> bool {
        let Some(favorite) = self
            .library
            .borrow()
            .get(id)
            .map(|(reply, _)| !reply.favorite)
        else {
            return false;
        };
        let patch = Patch {
            id: id.to_string(),
            favorite: Some(favorite),
            ..Patch::default()
        };
        self.send_patches(vec![patch], move |page, title| {
            let number = page
                .library
                .borrow()
                .position(&title.0)
                .and_then(|at| page.library.borrow().favourite_number(at));
            match (favorite, number) {
                (true, Some(n)) => format!(
                    "{} is favourite number {n}: Ctrl+. then {n} in the picker.",
                    dom::quoted(&title.1)
                ),
                (true, None) => format!("{} is a favourite.", dom::quoted(&title.1)),
                (false, _) => format!("{} is no longer a favourite.", dom::quoted(&title.1)),
            }
        });
        true
    }

    fn move_now(self: &Rc<Self>, id: &str, step: isize) -> bool {
        let shelf = self.shelves.selected();
        let shown = self.shown();
        let plan = {
            let library = self.library.borrow();
            let Some(at) = library.position(id) else {
                return false;
            };
            let group = folder_of(&library.replies[at]);
            let view: Vec<&Reply> = shown
                .iter()
                .map(|&other| &library.replies[other])
                .filter(|reply| shelf == Shelf::Favourites || folder_of(reply) == group)
                .collect();
            let Some(from) = view.iter().position(|reply| reply.id == id) else {
                return false;
            };
            let Some(to) = from.checked_add_signed(step).filter(|&to| to < view.len()) else {
                return false;
            };
            order::plan_move(&view, from, to, library.max_position())
        };
        if plan.is_empty() {
            return false;
        }
        let patches = plan
            .into_iter()
            .map(|placement| Patch {
                id: placement.id,
                position: Some(placement.position),
                ..Patch::default()
            })
            .collect();
        let words = if step < 0 { "up" } else { "down" };
        self.send_patches(patches, move |_, title| {
            format!("Moved {} {words}.", dom::quoted(&title.1))
        });
        true
    }

    /// Sends `patches` (the last names the reply acted on); on success shows the stored records and the
    /// message `done` makes from (id, title) of that reply. Then runs the next queued arrangement.
    fn send_patches(
        self: &Rc<Self>,
        patches: Vec<Patch>,
        done: impl FnOnce(&Rc<Page>, &(String, String)) -> String + 'static,
    ) {
        let Some(subject) = patches.last().map(|patch| patch.id.clone()) else {
            return;
        };
        let me = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let response = library::request(&Request::Patch { patches }).await;
            let Some(page) = me.upgrade() else {
                return;
            };
            match (response.ok, response.records) {
                (true, Some(records)) => {
                    let updated = page
                        .library
                        .borrow()
                        .with_records(records, response.rev.unwrap_or(0));
                    page.set_library(updated);
                    let title = page
                        .library
                        .borrow()
                        .get(&subject)
                        .map(|(reply, _)| reply.title.clone())
                        .unwrap_or_default();
                    let message = done(&page, &(subject, title));
                    page.status.show(&message, false);
                }
                _ => {
                    let message = response
                        .message
                        .unwrap_or_else(|| "The change could not be saved.".into());
                    page.status.show(&message, true);
                    // What was queued was planned for a library that is being reloaded.
                    page.arranging.queue.borrow_mut().clear();
                    page.reload();
                }
            }
            page.next_arrangement();
        });
    }
}
