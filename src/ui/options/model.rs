//! The page's copy of the library: the replies with their revisions, use and the settings, the list's
//! order (by folder, then the manual order), the favourites' numbers, folder counts and a search index.
//!
//! Replies stay in the order they arrived (`replies[i]`, which the search index refers to), and the list's
//! order is kept apart (`order`), so arranging or starring replies re-sorts positions but does not rebuild
//! the index, which takes long with 30,000 replies.
use crate::core::browse::{self, folder_of, Query, Shelf};
use crate::core::fold::fold;
use crate::core::order;
use crate::core::record::Record;
use crate::core::reply::Reply;
use crate::core::search::Index;
use crate::core::settings::Settings;
use crate::core::usage::{Usage, UsageMap};
use std::collections::HashMap;
use std::rc::Rc;

pub struct Library {
    /// In the order they arrived; the search index's positions refer to this.
    pub replies: Vec<Reply>,
    /// `revs[i]` is the stored revision of `replies[i]`.
    pub revs: Vec<u64>,
    /// Indexes of `replies` in list order: by folder (replies without one last), then manual order.
    pub order: Vec<usize>,
    /// `rank[i]`: where `replies[i]` is in `order`.
    rank: Vec<usize>,
    by_id: HashMap<String, usize>,
    index: Rc<Index>,
    /// Indexes of the favourites, in manual order; the first nine have the numbers 1–9.
    pub favourites: Vec<usize>,
    /// Folder names with their reply counts (sorted), and the number of replies without a folder.
    pub folders: Vec<(String, usize)>,
    pub no_folder: usize,
    pub usage: UsageMap,
    pub settings: Settings,
    /// The library revision these replies were read at.
    pub rev: u64,
    /// False until the first list arrives from the background.
    pub loaded: bool,
}

impl Default for Library {
    fn default() -> Self {
        Library {
            replies: Vec::new(),
            revs: Vec::new(),
            order: Vec::new(),
            rank: Vec::new(),
            by_id: HashMap::new(),
            index: Rc::new(Index::new(&[])),
            favourites: Vec::new(),
            folders: Vec::new(),
            no_folder: 0,
            usage: UsageMap::new(),
            settings: Settings::default(),
            rev: 0,
            loaded: false,
        }
    }
}

impl Library {
    pub fn new(
        records: Vec<Record<Reply>>,
        rev: u64,
        usage: UsageMap,
        settings: Settings,
    ) -> Library {
        let (revs, replies): (Vec<u64>, Vec<Reply>) = records
            .into_iter()
            .map(|record| (record.rev, record.data))
            .unzip();
        let index = Rc::new(Index::new(&replies));
        let mut library = Library {
            replies,
            revs,
            index,
            usage,
            settings,
            rev,
            loaded: true,
            ..Library::default()
        };
        library.arrange();
        library
    }

    /// Recomputes everything derived from the replies but the index: ids, list order, favourites, folders.
    fn arrange(&mut self) {
        self.by_id = self
            .replies
            .iter()
            .enumerate()
            .map(|(at, reply)| (reply.id.clone(), at))
            .collect();
        let mut order: Vec<usize> = (0..self.replies.len()).collect();
        order.sort_by_cached_key(|&at| list_key(&self.replies[at]));
        self.rank = vec![0; order.len()];
        for (rank, &at) in order.iter().enumerate() {
            self.rank[at] = rank;
        }
        self.order = order;
        self.favourites = order::favourites(&self.replies);
        (self.folders, self.no_folder) = browse::folder_counts(&self.replies);
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The stored reply with `id` and its revision.
    pub fn get(&self, id: &str) -> Option<(&Reply, u64)> {
        self.position(id)
            .map(|at| (&self.replies[at], self.revs[at]))
    }

    pub fn contains(&self, id: &str) -> bool {
        self.by_id.contains_key(id)
    }

    pub fn usage_of(&self, id: &str) -> Option<&Usage> {
        self.usage.get(id)
    }

    /// The number (1–9) of the favourite at `at`, if it has one.
    pub fn favourite_number(&self, at: usize) -> Option<u8> {
        order::favourite_number(&self.favourites, at)
    }

    /// Replies on `shelf` matching `query`, as shown: the favourites in manual order, any other shelf in
    /// list order (by folder, then manual order).
    pub fn matching(&self, shelf: &Shelf, query: &Query, now_ms: f64) -> Vec<usize> {
        let keep = |at: usize| {
            let reply = &self.replies[at];
            shelf.holds(reply, self.usage.get(&reply.id), now_ms) && query.tags_match(reply)
        };
        let base: Box<dyn Iterator<Item = usize> + '_> = if *shelf == Shelf::Favourites {
            Box::new(self.favourites.iter().copied())
        } else {
            Box::new(self.order.iter().copied())
        };
        if query.text.trim().is_empty() {
            return base.filter(|&at| keep(at)).collect();
        }
        let mut found = vec![false; self.replies.len()];
        for at in self.index.search(&query.text, self.replies.len()) {
            found[at] = true;
        }
        base.filter(|&at| found[at] && keep(at)).collect()
    }

    /// How many replies each shelf of the sidebar holds at `now_ms`: (favourites, unused).
    pub fn shelf_counts(&self, now_ms: f64) -> (usize, usize) {
        let unused = self
            .replies
            .iter()
            .filter(|reply| browse::is_unused(self.usage.get(&reply.id), now_ms))
            .count();
        (self.favourites.len(), unused)
    }

    /// The largest manual position in the library.
    pub fn max_position(&self) -> Option<f64> {
        self.replies
            .iter()
            .filter_map(|reply| reply.position.filter(|p| p.is_finite()))
            .reduce(f64::max)
    }

    /// A copy with `records` added or replaced, after a confirmed write that made library revision `rev`.
    /// The search index is rebuilt only if searchable text changed or replies were added.
    pub fn with_records(&self, records: Vec<Record<Reply>>, rev: u64) -> Library {
        let mut replies = self.replies.clone();
        let mut revs = self.revs.clone();
        let mut reindex = false;
        for record in records {
            match self.position(&record.data.id) {
                Some(at) => {
                    reindex |= !same_search_text(&replies[at], &record.data);
                    replies[at] = record.data;
                    revs[at] = record.rev;
                }
                None => {
                    reindex = true;
                    replies.push(record.data);
                    revs.push(record.rev);
                }
            }
        }
        self.rebuilt(replies, revs, rev, reindex)
    }

    /// A copy without the reply `id`, after a confirmed delete that made library revision `rev`.
    pub fn without(&self, id: &str, rev: u64) -> Library {
        let mut replies = self.replies.clone();
        let mut revs = self.revs.clone();
        if let Some(at) = self.position(id) {
            replies.remove(at);
            revs.remove(at);
        }
        self.rebuilt(replies, revs, rev, true)
    }

    fn rebuilt(&self, replies: Vec<Reply>, revs: Vec<u64>, rev: u64, reindex: bool) -> Library {
        let index = if reindex {
            Rc::new(Index::new(&replies))
        } else {
            Rc::clone(&self.index)
        };
        let mut library = Library {
            replies,
            revs,
            index,
            usage: self.usage.clone(),
            settings: self.settings.clone(),
            rev: next_rev(self.rev, rev),
            loaded: true,
            ..Library::default()
        };
        library.arrange();
        library
    }

    /// Every folder name in use, sorted, each once (for the editor's suggestions).
    pub fn folder_names(&self) -> Vec<&str> {
        self.folders.iter().map(|(name, _)| name.as_str()).collect()
    }
}

/// The revision a copy is at after this page's own write made `written`: that one only if it directly
/// follows what the page had; otherwise other tabs wrote in between, and the copy stays at the revision
/// it had, so the next reload reads their changes too.
pub fn next_rev(had: u64, written: u64) -> u64 {
    if written == had + 1 {
        written
    } else {
        had
    }
}

/// List order: by folder (replies without one last, folders case- and accent-insensitively), then the
/// library's manual order.
fn list_key(reply: &Reply) -> (bool, String, order::Key) {
    let folder = folder_of(reply);
    (
        folder.is_none(),
        folder.map(fold).unwrap_or_default(),
        order::key(reply),
    )
}

/// Whether the index would see the same text (title, body, variants, tags, shortcut). The index also
/// ranks favourites higher, but this page lists matches in its own order, so a star does not count.
fn same_search_text(a: &Reply, b: &Reply) -> bool {
    a.title == b.title
        && a.body == b.body
        && a.variants == b.variants
        && a.tags == b.tags
        && a.shortcut == b.shortcut
}
