//! Ids for imported replies that have none (every espanso match, CSV rows with an empty id cell).

use std::collections::{HashMap, HashSet};

use crate::core::reply::new_reply_id;

/// Hands out the ids [`new_reply_id`] would (`r-order-status`, then `r-order-status-2` …), unique against
/// the caller's stored ids, the ids written in the file, and every id handed out before.
///
/// `new_reply_id` alone tries `-2`, `-3` … from the start each time, which is quadratic when thousands
/// of rows share a title; this remembers the next suffix per base, which gives the same ids because
/// the set of taken ids only grows.
pub(crate) struct IdAllocator<F: Fn(&str) -> bool> {
    stored: F,
    used: HashSet<String>,
    next_suffix: HashMap<String, u64>,
}

impl<F: Fn(&str) -> bool> IdAllocator<F> {
    /// `stored` says whether the library already has an id; `in_file` are the ids the file gives itself.
    pub(crate) fn new(stored: F, in_file: HashSet<String>) -> Self {
        IdAllocator {
            stored,
            used: in_file,
            next_suffix: HashMap::new(),
        }
    }

    pub(crate) fn allocate(&mut self, title: &str) -> String {
        let base = new_reply_id(title, |_| false);
        let id = if self.is_free(&base) {
            base
        } else {
            let mut n = self.next_suffix.get(&base).copied().unwrap_or(2);
            let id = loop {
                let candidate = format!("{base}-{n}");
                n += 1;
                if self.is_free(&candidate) {
                    break candidate;
                }
            };
            self.next_suffix.insert(base, n);
            id
        };
        self.used.insert(id.clone());
        id
    }

    fn is_free(&self, id: &str) -> bool {
        !self.used.contains(id) && !(self.stored)(id)
    }
}
