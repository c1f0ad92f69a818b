//! The page's copy of the library: replies sorted by folder then title, their revisions, and a search index.
use crate::core::fold::fold;
use crate::core::record::Record;
use crate::core::reply::Reply;
use crate::core::search::Index;

pub struct Library {
    /// Sorted by folder (replies without one last), then title, case- and accent-insensitively.
    pub replies: Vec<Reply>,
    /// `revs[i]` is the stored revision of `replies[i]`.
    pub revs: Vec<u64>,
    pub index: Index,
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
            index: Index::new(&[]),
            rev: 0,
            loaded: false,
        }
    }
}

impl Library {
    pub fn new(mut records: Vec<Record<Reply>>, rev: u64) -> Library {
        records.sort_by_cached_key(|record| sort_key(&record.data));
        let (revs, replies): (Vec<u64>, Vec<Reply>) = records
            .into_iter()
            .map(|record| (record.rev, record.data))
            .unzip();
        let index = Index::new(&replies);
        Library {
            replies,
            revs,
            index,
            rev,
            loaded: true,
        }
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.replies.iter().position(|reply| reply.id == id)
    }

    /// The stored reply with `id` and its revision.
    pub fn get(&self, id: &str) -> Option<(&Reply, u64)> {
        self.position(id)
            .map(|at| (&self.replies[at], self.revs[at]))
    }

    pub fn contains(&self, id: &str) -> bool {
        self.position(id).is_some()
    }

    /// Positions of the replies matching `query`, in list order (every reply for a blank query).
    pub fn matching(&self, query: &str) -> Vec<usize> {
        if query.trim().is_empty() {
            return (0..self.replies.len()).collect();
        }
        let mut found = self.index.search(query, self.replies.len());
        found.sort_unstable();
        found
    }

    /// A copy with `record` added or replaced, at library revision `rev` (after a confirmed write).
    pub fn with_record(&self, record: Record<Reply>, rev: u64) -> Library {
        let mut records = self.records_except(&record.data.id);
        records.push(record);
        Library::new(records, rev.max(self.rev))
    }

    /// A copy without the reply `id`, at library revision `rev` (after a confirmed delete).
    pub fn without(&self, id: &str, rev: u64) -> Library {
        Library::new(self.records_except(id), rev.max(self.rev))
    }

    fn records_except(&self, id: &str) -> Vec<Record<Reply>> {
        self.replies
            .iter()
            .zip(&self.revs)
            .filter(|(reply, _)| reply.id != id)
            .map(|(reply, &rev)| Record {
                rev,
                updated_at: String::new(),
                data: reply.clone(),
            })
            .collect()
    }

    /// Every folder name in use, in list order, each once (for the editor's suggestions).
    pub fn folders(&self) -> Vec<&str> {
        let mut folders: Vec<&str> = Vec::new();
        for folder in self
            .replies
            .iter()
            .filter_map(|reply| reply.folder.as_deref())
        {
            if !folder.trim().is_empty() && folders.last() != Some(&folder) {
                folders.push(folder);
            }
        }
        folders
    }
}

/// The folder a reply is listed under; blank folders count as none.
pub fn folder_of(reply: &Reply) -> Option<&str> {
    reply
        .folder
        .as_deref()
        .map(str::trim)
        .filter(|folder| !folder.is_empty())
}

fn sort_key(reply: &Reply) -> (bool, String, String, String) {
    let folder = folder_of(reply);
    (
        folder.is_none(),
        folder.map(fold).unwrap_or_default(),
        fold(&reply.title),
        reply.id.clone(),
    )
}
