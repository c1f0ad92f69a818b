//! Which incoming replies (from an import) repeat replies the library already has, or each other, so
//! the import screen can say "12 are already in your library" before anything is written.
//!
//! Four kinds, strongest first; each pair of replies is reported once, with its strongest kind:
//!
//! - [`DuplicateKind::SameId`]: the same id (importing updates that reply).
//! - [`DuplicateKind::SameText`]: the same body once folded (case, accents) and with runs of
//!   whitespace made one space.
//! - [`DuplicateKind::ShortcutConflict`]: the same shortcut (case-insensitive) but a different text: only
//!   one of them can answer to `/order`.
//! - [`DuplicateKind::SimilarTitle`]: a different text under a near-identical title: the same words in
//!   any order (`Order status` / `Status: order`), or one character added, removed, changed or two
//!   neighbours swapped (`Oder status`), for titles of 6 to 64 letters. Digits never count as the
//!   difference, so `Template 1` and `Template 2` are not near duplicates.
//!
//! Every comparison goes through hash maps, never over all pairs: near titles are found with
//! deletion neighbourhoods (a title and each form of it with one character deleted share a key with
//! every title one edit away). Each incoming reply gets at most one match per kind and source (library
//! or file), so the result stays proportional to the input.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use serde::Serialize;

use crate::core::fold::fold;
use crate::core::reply::Reply;

/// How an incoming reply duplicates another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateKind {
    SameId,
    SameText,
    ShortcutConflict,
    SimilarTitle,
}

/// `incoming[incoming]` duplicates the reply with id `existing_id`: a stored reply when `in_file` is
/// `None`, else the earlier reply `incoming[in_file]` of the same file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Duplicate {
    pub incoming: usize,
    pub existing_id: String,
    pub in_file: Option<usize>,
    pub kind: DuplicateKind,
}

/// Titles shorter than this (in characters, after folding) only match by their words: short titles one
/// letter apart (`Hi`/`Ho`, `Yes`/`Yea`) are usually different replies.
const MIN_FUZZY_CHARS: usize = 6;
/// Longer titles only match by their words, which bounds the work per title.
const MAX_FUZZY_CHARS: usize = 64;
/// Candidates looked at per key before giving up: a library with a thousand replies titled "Thanks"
/// must not make each lookup walk all of them.
const MAX_CANDIDATES: usize = 64;

/// Duplicates of `incoming` replies among `existing` and among the earlier incoming replies, ordered
/// by incoming index, library before file, strongest kind first.
pub fn find(existing: &[Reply], incoming: &[Reply]) -> Vec<Duplicate> {
    let keys = [
        existing.iter().map(Keys::of).collect::<Vec<_>>(),
        incoming.iter().map(Keys::of).collect::<Vec<_>>(),
    ];
    let mut index = Index::for_keys(&keys);
    for (e, (reply, reply_keys)) in existing.iter().zip(&keys[LIBRARY]).enumerate() {
        index.add(LIBRARY, e, reply, reply_keys);
    }
    let mut found = Vec::new();
    let mut matches = [Vec::new(), Vec::new()];
    for (i, (reply, reply_keys)) in incoming.iter().zip(&keys[FILE]).enumerate() {
        // The file side holds only the incoming replies before this one.
        index.matches(&keys, reply, reply_keys, &mut matches);
        for (side, in_side) in matches.iter().enumerate() {
            found.extend(in_side.iter().map(|&(other, kind)| {
                Duplicate {
                    incoming: i,
                    existing_id: if side == LIBRARY {
                        &existing[other].id
                    } else {
                        &incoming[other].id
                    }
                    .clone(),
                    in_file: (side == FILE).then_some(other),
                    kind,
                }
            }));
        }
        index.add(FILE, i, reply, reply_keys);
    }
    found
}

/// The two sides an incoming reply is compared with: the library, and the replies before it in the file.
const LIBRARY: usize = 0;
const FILE: usize = 1;

/// Matches found for one incoming reply on each side: (index on that side, kind).
type Matches = [Vec<(usize, DuplicateKind)>; 2];

/// What is compared, computed once per reply.
struct Keys {
    /// Folded body, whitespace runs as one space.
    text: String,
    /// Folded shortcut without a leading `/`.
    shortcut: Option<String>,
    /// Folded title words joined by one space, and the same words sorted.
    title: String,
    title_words_sorted: String,
}

impl Keys {
    fn of(reply: &Reply) -> Keys {
        let text = fold(&reply.body)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let shortcut = reply
            .shortcut
            .as_deref()
            .map(|s| fold(s.trim().trim_start_matches('/')))
            .filter(|s| !s.is_empty());
        let folded_title: String = fold(&reply.title)
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { ' ' })
            .collect();
        let mut words: Vec<&str> = folded_title.split_whitespace().collect();
        let title = words.join(" ");
        words.sort_unstable();
        Keys {
            text,
            shortcut,
            title,
            title_words_sorted: words.join(" "),
        }
    }

    /// Hashes of the title and of each form of it with one non-digit character deleted, in time linear
    /// in the title: a polynomial hash of a string with a piece cut out is computed from the hashes of
    /// its prefix and suffix, so no variant is built or rehashed.
    fn title_neighbourhood(&self, out: &mut Vec<u64>) {
        out.clear();
        let chars = self.title.chars().count();
        if !(MIN_FUZZY_CHARS..=MAX_FUZZY_CHARS).contains(&chars) {
            return;
        }
        let bytes = self.title.as_bytes();
        let n = bytes.len();
        // powers[k] = B^k; suffix[j] = hash of bytes[j..].
        let mut powers = vec![1u64; n + 1];
        for k in 1..=n {
            powers[k] = powers[k - 1].wrapping_mul(POLY_BASE);
        }
        let mut suffix = vec![0u64; n + 1];
        for j in (0..n).rev() {
            suffix[j] = u64::from(bytes[j])
                .wrapping_mul(powers[n - 1 - j])
                .wrapping_add(suffix[j + 1]);
        }
        out.push(suffix[0] ^ Domain::TitleVariant as u64);
        let mut prefix = 0u64;
        for (at, c) in self.title.char_indices() {
            let end = at + c.len_utf8();
            if !c.is_ascii_digit() {
                let variant = prefix
                    .wrapping_mul(powers[n - end])
                    .wrapping_add(suffix[end]);
                out.push(variant ^ Domain::TitleVariant as u64);
            }
            for &b in &bytes[at..end] {
                prefix = prefix.wrapping_mul(POLY_BASE).wrapping_add(u64::from(b));
            }
        }
    }
}

/// The base of the polynomial title hash (odd, with well-mixed bits). Collisions only cost a check:
/// every candidate is confirmed with [`one_edit_apart`].
const POLY_BASE: u64 = 0x9e37_79b9_7f4a_7c15;

/// Keeps the hash spaces of the different keys apart, so a body never collides with a title.
#[derive(Clone, Copy)]
enum Domain {
    Text = 1,
    Shortcut = 2,
    TitleWords = 3,
    TitleVariant = 4,
}

/// FNV-1a over the pieces as one string: deletion variants hash without being built.
fn hash(domain: Domain, pieces: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ domain as u64;
    for piece in pieces {
        for &b in piece.as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Which replies of each side have which keys: ids by text, everything else by key hash.
struct Index<'a> {
    /// Id → the first reply with it, per side.
    ids: [HashMap<&'a str, usize>; 2],
    postings: Postings,
}

impl<'a> Index<'a> {
    /// An empty index with room for the keys of both sides.
    fn for_keys(keys: &[Vec<Keys>; 2]) -> Index<'a> {
        // Text, shortcut and words, plus one variant per title byte (at most).
        let expected = keys.iter().flatten().map(|k| 3 + k.title.len() + 1).sum();
        Index {
            ids: [
                HashMap::with_capacity(keys[LIBRARY].len()),
                HashMap::with_capacity(keys[FILE].len()),
            ],
            postings: Postings::with_capacity(expected),
        }
    }

    fn add(&mut self, side: usize, index: usize, reply: &'a Reply, keys: &Keys) {
        self.ids[side].entry(reply.id.as_str()).or_insert(index);
        let mut add = |key| self.postings.add(key, side, index);
        add(hash(Domain::Text, &[&keys.text]));
        if let Some(shortcut) = &keys.shortcut {
            add(hash(Domain::Shortcut, &[shortcut]));
        }
        if !keys.title.is_empty() {
            add(hash(Domain::TitleWords, &[&keys.title_words_sorted]));
        }
        let mut neighbourhood = Vec::new();
        keys.title_neighbourhood(&mut neighbourhood);
        // A title's variants can repeat (`aab` minus either `a`); one entry each is enough.
        neighbourhood.sort_unstable();
        neighbourhood.dedup();
        for key in neighbourhood {
            add(key);
        }
    }

    /// The replies `reply` duplicates on each side, at most one per kind, strongest kind first; a reply
    /// that matched a stronger kind is not reported again under a weaker one.
    fn matches(&self, all: &[Vec<Keys>; 2], reply: &Reply, keys: &Keys, out: &mut Matches) {
        for (side, found) in out.iter_mut().enumerate() {
            found.clear();
            if let Some(&e) = self.ids[side].get(reply.id.as_str()) {
                found.push((e, DuplicateKind::SameId));
            }
        }
        self.first_each_side(
            hash(Domain::Text, &[&keys.text]),
            DuplicateKind::SameText,
            out,
            |side, e| all[side][e].text == keys.text,
        );
        if let Some(shortcut) = &keys.shortcut {
            let key = hash(Domain::Shortcut, &[shortcut]);
            self.first_each_side(key, DuplicateKind::ShortcutConflict, out, |side, e| {
                let other = &all[side][e];
                other.shortcut.as_ref() == Some(shortcut) && other.text != keys.text
            });
        }
        if keys.title.is_empty() {
            return;
        }
        let similar = |side: usize, e: usize| {
            let other = &all[side][e];
            other.text != keys.text
                && (other.title_words_sorted == keys.title_words_sorted
                    || one_edit_apart(&other.title, &keys.title))
        };
        self.first_each_side(
            hash(Domain::TitleWords, &[&keys.title_words_sorted]),
            DuplicateKind::SimilarTitle,
            out,
            similar,
        );
        let mut neighbourhood = Vec::new();
        keys.title_neighbourhood(&mut neighbourhood);
        for key in neighbourhood {
            let found = |side: usize| {
                out[side]
                    .iter()
                    .any(|&(_, kind)| kind == DuplicateKind::SimilarTitle)
            };
            if found(LIBRARY) && found(FILE) {
                break;
            }
            self.first_each_side(key, DuplicateKind::SimilarTitle, out, similar);
        }
    }

    /// On each side that has no `kind` match yet: the first of the replies with `key` (up to
    /// [`MAX_CANDIDATES`]) that is not reported already and passes `confirm`.
    fn first_each_side(
        &self,
        key: u64,
        kind: DuplicateKind,
        out: &mut Matches,
        confirm: impl Fn(usize, usize) -> bool,
    ) {
        let Some(lists) = self.postings.lists(key) else {
            return;
        };
        for (side, found) in out.iter_mut().enumerate() {
            if found.iter().any(|&(_, k)| k == kind) {
                continue;
            }
            let hit = self
                .postings
                .iter(lists[side])
                .take(MAX_CANDIDATES)
                .find(|&e| !found.iter().any(|&(r, _)| r == e) && confirm(side, e));
            if let Some(e) = hit {
                found.push((e, kind));
            }
        }
    }
}

/// Key → replies of each side, in insertion order, as linked lists through two flat arrays: one map
/// entry per key (serving both sides with one lookup) and no vector per key. A 30,000-reply library
/// has over a million title variants; a vector for each made the index ten times slower.
struct Postings {
    /// Key → (first, last) posting per side.
    lists: HashMap<u64, [List; 2], BuildHasherDefault<KeyHasher>>,
    /// Posting → the reply it names, and the next posting of the same key and side.
    reply: Vec<u32>,
    next: Vec<u32>,
}

#[derive(Clone, Copy)]
struct List {
    first: u32,
    last: u32,
}

const END: u32 = u32::MAX;
const EMPTY: List = List {
    first: END,
    last: END,
};

impl Postings {
    /// Room for about `expected` postings without growing. The map itself grows as it fills: measured
    /// faster than allocating it full size, since a smaller table stays in cache longer.
    fn with_capacity(expected: usize) -> Postings {
        Postings {
            lists: HashMap::default(),
            reply: Vec::with_capacity(expected),
            next: Vec::with_capacity(expected),
        }
    }

    fn add(&mut self, key: u64, side: usize, reply: usize) {
        let posting = self.reply.len() as u32;
        self.reply.push(reply as u32);
        self.next.push(END);
        let list = &mut self.lists.entry(key).or_insert([EMPTY; 2])[side];
        if list.first == END {
            list.first = posting;
        } else {
            self.next[list.last as usize] = posting;
        }
        list.last = posting;
    }

    fn lists(&self, key: u64) -> Option<[List; 2]> {
        self.lists.get(&key).copied()
    }

    fn iter(&self, list: List) -> impl Iterator<Item = usize> + '_ {
        let mut posting = list.first;
        std::iter::from_fn(move || {
            if posting == END {
                return None;
            }
            let reply = self.reply[posting as usize] as usize;
            posting = self.next[posting as usize];
            Some(reply)
        })
    }
}

/// The map keys are already hashes; this only spreads them over the table (the splitmix64 finalizer),
/// far cheaper than hashing them again with SipHash.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, key: u64) {
        self.0 = key;
    }

    fn finish(&self) -> u64 {
        let mut x = self.0;
        x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        x ^ (x >> 31)
    }
}

/// Whether deleting at most one non-digit character from each makes `a` and `b` equal: one character
/// added, removed or changed, or two neighbours swapped. Confirms what the hashed neighbourhoods
/// suggest (a hash collision must not report two unrelated titles).
fn one_edit_apart(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let letter = |c: char| !c.is_ascii_digit();
    match a.len() as isize - b.len() as isize {
        1 => one_deletion_gives(&a, &b),
        -1 => one_deletion_gives(&b, &a),
        0 => {
            let Some(first) = (0..a.len()).find(|&i| a[i] != b[i]) else {
                return true;
            };
            let last = (0..a.len()).rfind(|&i| a[i] != b[i]).unwrap_or(first);
            if first == last {
                return letter(a[first]) && letter(b[first]);
            }
            // `a` without `first` equals `b` without `last`, or the other way round.
            (a[first + 1..=last] == b[first..last] && letter(a[first]) && letter(b[last]))
                || (a[first..last] == b[first + 1..=last] && letter(a[last]) && letter(b[first]))
        }
        _ => false,
    }
}

/// Whether deleting one non-digit character from `long` gives `short` (one character shorter).
fn one_deletion_gives(long: &[char], short: &[char]) -> bool {
    let at = (0..short.len())
        .find(|&i| long[i] != short[i])
        .unwrap_or(short.len());
    !long[at].is_ascii_digit() && long[at + 1..] == short[at..]
}
