//! What the options page's list shows: which replies a shelf (All, Favourites, Unused, a folder) holds,
//! `#tag` filters typed into the search, and how a reply's use is described ("used 12× · last 3 days ago").
//! Pure, so the rules are tested natively and the page only draws.

use crate::core::fold::fold;
use crate::core::reply::Reply;
use crate::core::usage::{Usage, DAY_MS};

/// Replies not used for this many days are offered for clean-up.
pub const UNUSED_DAYS: f64 = 90.0;

/// The part of the library the list shows (the sidebar's choice).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Shelf {
    #[default]
    All,
    Favourites,
    /// Not used in the last [`UNUSED_DAYS`] days, never used included.
    Unused,
    /// Replies in this folder (a trimmed folder name).
    Folder(String),
    /// Replies without a folder.
    NoFolder,
}

impl Shelf {
    /// Whether `reply`, used as `usage` says, is on this shelf at `now_ms`.
    pub fn holds(&self, reply: &Reply, usage: Option<&Usage>, now_ms: f64) -> bool {
        match self {
            Shelf::All => true,
            Shelf::Favourites => reply.favorite,
            Shelf::Unused => is_unused(usage, now_ms),
            Shelf::Folder(name) => folder_of(reply) == Some(name.as_str()),
            Shelf::NoFolder => folder_of(reply).is_none(),
        }
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

/// Not used in the last [`UNUSED_DAYS`] days (never used counts as unused).
pub fn is_unused(usage: Option<&Usage>, now_ms: f64) -> bool {
    usage
        .copied()
        .unwrap_or_default()
        .unused_for(UNUSED_DAYS, now_ms)
}

/// A search as typed: `#tag` words filter by tag, the other words are searched as text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Folded tags (without `#`); a reply must have every one.
    pub tags: Vec<String>,
    /// The rest of the query, for the search index.
    pub text: String,
}

impl Query {
    pub fn parse(input: &str) -> Query {
        let mut query = Query::default();
        let mut words: Vec<&str> = Vec::new();
        for word in input.split_whitespace() {
            match word.strip_prefix('#') {
                Some(tag) if !tag.is_empty() => {
                    let tag = fold(tag);
                    if !query.tags.contains(&tag) {
                        query.tags.push(tag);
                    }
                }
                _ => words.push(word),
            }
        }
        query.text = words.join(" ");
        query
    }

    pub fn is_empty(&self) -> bool {
        self.tags.is_empty() && self.text.is_empty()
    }

    /// Whether `reply` has every tag of the query (case- and accent-insensitively).
    pub fn tags_match(&self, reply: &Reply) -> bool {
        self.tags
            .iter()
            .all(|wanted| reply.tags.iter().any(|tag| fold(tag.trim()) == *wanted))
    }
}

/// The search text that filters by `tag` (what clicking a tag chip puts in the search field).
pub fn tag_query(tag: &str) -> String {
    format!("#{}", tag.trim())
}

/// Every folder in use with how many replies it holds, sorted case- and accent-insensitively, and the
/// number of replies without a folder.
pub fn folder_counts<'a>(
    replies: impl IntoIterator<Item = &'a Reply>,
) -> (Vec<(String, usize)>, usize) {
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut none = 0;
    for reply in replies {
        match folder_of(reply) {
            Some(folder) => *counts.entry(folder).or_default() += 1,
            None => none += 1,
        }
    }
    let mut folders: Vec<(String, usize)> = counts
        .into_iter()
        .map(|(name, count)| (name.to_string(), count))
        .collect();
    folders.sort_by_cached_key(|(name, _)| (fold(name), name.clone()));
    (folders, none)
}

/// `used 12× · last 3 days ago`, or `never used`.
pub fn used_text(usage: Option<&Usage>, now_ms: f64) -> String {
    match usage.filter(|usage| usage.count > 0) {
        None => "never used".to_string(),
        Some(usage) if usage.last_used_ms <= 0.0 => format!("used {}×", usage.count),
        Some(usage) => format!(
            "used {}× · last {}",
            usage.count,
            ago(now_ms - usage.last_used_ms)
        ),
    }
}

/// How long ago something happened, `elapsed_ms` before now: `just now`, `5 minutes ago`, `yesterday`,
/// `3 days ago`, `2 weeks ago`, `4 months ago`, `2 years ago`. A time in the future (another device's
/// clock) reads `just now`.
pub fn ago(elapsed_ms: f64) -> String {
    const MINUTE: f64 = 60_000.0;
    const HOUR: f64 = 60.0 * MINUTE;
    let plural = |n: f64, unit: &str| {
        let n = n.floor() as u64;
        if n == 1 {
            format!("1 {unit} ago")
        } else {
            format!("{n} {unit}s ago")
        }
    };
    let days = elapsed_ms / DAY_MS;
    if elapsed_ms < MINUTE {
        "just now".to_string()
    } else if elapsed_ms < HOUR {
        plural(elapsed_ms / MINUTE, "minute")
    } else if elapsed_ms < DAY_MS {
        plural(elapsed_ms / HOUR, "hour")
    } else if days < 2.0 {
        "yesterday".to_string()
    } else if days < 14.0 {
        plural(days, "day")
    } else if days < 61.0 {
        plural(days / 7.0, "week")
    } else if days < 365.0 {
        plural(days / 30.4, "month")
    } else {
        plural(days / 365.25, "year")
    }
}
