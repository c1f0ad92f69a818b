//! The picker's search: every query token must occur (case- and accent-insensitively) in a reply's title,
//! body, variants, tags or shortcut; results are ranked by where the tokens occur (see [`rank`]).
//!
//! Why an index and not a scan: 30,000 replies are ~15 MB of text, too much to scan on every keystroke
//! in wasm. Query tokens never contain whitespace, so a token can only occur inside one
//! whitespace-separated chunk of text. The index therefore keeps each distinct folded chunk once (the
//! vocabulary, far smaller than the text) with the replies it occurs in. A token's candidate chunks
//! come from a table of the byte pairs each chunk contains; each candidate is checked, and the postings
//! of those that match are read. One-character tokens (a letter, a digit, `#`…), which match much of
//! the vocabulary, are answered from a precomputed table instead.

mod build;
mod chunks;
mod fuzzy;
mod lists;
pub mod rank;
mod words;

pub use build::IndexBuilder;
pub(crate) use words::Form;

use std::collections::BinaryHeap;
use std::sync::{Mutex, PoisonError};

use crate::core::fold::fold;
use crate::core::reply::Reply;
use chunks::{Chunk, Chunks};
use lists::{DenseLists, ListIter, SortedLists};
use rank::{Hit, ANYWHERE, EXACT, TAG, TEXT_WORD};

/// Printable ASCII but capitals (folded away): the one-character tokens answered from
/// [`Index::char_ranks`].
const CHAR_SLOTS: usize = 68;

fn char_slot(c: char) -> Option<usize> {
    let offset = |first: char| c as usize - first as usize;
    match c {
        'a'..='z' => Some(offset('a')),
        '0'..='9' => Some(26 + offset('0')),
        '!'..='/' => Some(36 + offset('!')),
        ':'..='@' => Some(51 + offset(':')),
        '['..='`' => Some(58 + offset('[')),
        '{'..='~' => Some(64 + offset('{')),
        _ => None,
    }
}

/// Search index over a slice of replies; results are positions in that slice. Rebuild it when the
/// library changes.
pub struct Index {
    /// Every distinct folded chunk with its postings.
    chunks: Chunks,
    /// Body postings of the chunks found in many replies, as bitsets.
    body_dense: DenseLists,
    /// For each byte-pair bucket, the chunks containing a pair in it.
    pairs: SortedLists,
    /// `char_ranks[slot * len + reply]`: the rank of the one-character token in `slot` for `reply`.
    char_ranks: Vec<u8>,
    favorite: Vec<bool>,
    /// Words per text of each reply, for suggestions ([`words`]).
    text_words: Vec<u8>,
    /// Ranks of tokens from recent queries (see [`RecentTokens`]).
    recent: Mutex<RecentTokens>,
}

/// How many tokens [`RecentTokens`] keeps: a query typed into the picker rarely has more words.
const RECENT_TOKENS: usize = 4;

/// The full per-reply values of the last few tokens searched in multi-word queries. The picker searches
/// on every keystroke, so consecutive queries share all tokens but the one being typed: typing
/// "order st" → "order sta" computes only "sta". The index never changes, so entries never go stale.
#[derive(Default)]
struct RecentTokens {
    /// Oldest first: token, values, whether typo-corrected matches are included.
    entries: Vec<(String, Vec<u8>, bool)>,
}

impl RecentTokens {
    /// Copies the values of `token` into `values` if it was searched recently; tells whether they
    /// include typo-corrected matches.
    fn recall(&self, token: &str, values: &mut [u8]) -> Option<bool> {
        let (_, known, corrected) = self.entries.iter().find(|(known, ..)| known == token)?;
        values.copy_from_slice(known);
        Some(*corrected)
    }

    fn remember(&mut self, token: &str, values: &[u8], corrected: bool) {
        if let Some(entry) = self.entries.iter_mut().find(|(known, ..)| known == token) {
            entry.1.copy_from_slice(values);
            entry.2 = corrected;
            return;
        }
        if self.entries.len() < RECENT_TOKENS {
            self.entries
                .push((token.to_string(), values.to_vec(), corrected));
            return;
        }
        // Reuse the oldest entry's buffers.
        let mut oldest = self.entries.remove(0);
        oldest.0.clear();
        oldest.0.push_str(token);
        oldest.1.copy_from_slice(values);
        oldest.2 = corrected;
        self.entries.push(oldest);
    }
}

/// Buffers one search reuses from token to token.
#[derive(Default)]
struct Work<'a> {
    matches: Vec<ChunkMatch<'a>>,
    similar: Vec<u32>,
}

/// Adds the `nth` token's `values` to each reply's `score`, ruling out (0) the replies it does not
/// match; returns how many replies are still in.
fn add_to_score(score: &mut [u32], values: &[u8], nth: usize) -> usize {
    let mut alive = 0;
    for (total, &value) in score.iter_mut().zip(values) {
        *total = if value == 0 || (nth > 0 && *total == 0) {
            0
        } else {
            alive += 1;
            *total + rank::weight(value)
        };
    }
    alive
}

/// A chunk containing the current token, and how well.
#[derive(Clone, Copy)]
struct ChunkMatch<'a> {
    chunk: usize,
    record: Chunk<'a>,
    hit: Hit,
}

impl Index {
    pub fn new(replies: &[Reply]) -> Index {
        build::build(replies)
    }

    /// Number of replies indexed.
    pub fn len(&self) -> usize {
        self.favorite.len()
    }

    pub fn is_empty(&self) -> bool {
        self.favorite.is_empty()
    }

    /// Approximate heap bytes held by the index, for the memory budget (design.md §6).
    pub fn heap_bytes(&self) -> usize {
        self.chunks.heap_bytes()
            + self.body_dense.heap_bytes()
            + self.pairs.heap_bytes()
            + self.char_ranks.len()
            + self.favorite.len()
            + self.text_words.len()
            + RECENT_TOKENS * self.len()
    }

    /// Positions of the replies matching `query`, best first, at most `limit`. Ties go to favorites,
    /// then to the original order. An empty query lists favorites first, then everything else.
    /// A leading `/` on a token is ignored, so `/order` finds the shortcut `order`.
    ///
    /// Typos are forgiven when fewer than `limit` replies match every token as typed: tokens of 4 or
    /// more letters then also match words one edit away (two from 8 letters; see [`fuzzy`]), and those
    /// replies follow all the exact ones. So corrections never push an exact hit out of the results,
    /// and a query with plenty of exact hits costs nothing extra.
    pub fn search(&self, query: &str, limit: usize) -> Vec<usize> {
        let folded = fold(query);
        let tokens: Vec<&str> = folded
            .split_whitespace()
            .map(|token| token.trim_start_matches('/'))
            .filter(|token| !token.is_empty())
            .take(rank::MAX_TOKENS)
            .collect();
        if tokens.is_empty() {
            return self.browse(limit);
        }
        if limit == 0 || self.is_empty() {
            return Vec::new();
        }

        let len = self.len();
        let mut values = vec![0u8; len];
        let mut work = Work::default();
        let mut recent = self.recent.lock().unwrap_or_else(PoisonError::into_inner);
        if let [token] = tokens[..] {
            let corrected = match recent.recall(token, &mut values) {
                Some(corrected) => corrected,
                None => {
                    self.rank_token(token, true, limit, &mut values, &mut work.matches);
                    false
                }
            };
            if !corrected && fuzzy::allowed_edits(token) > 0 {
                let exact = values.iter().filter(|&&value| value >= EXACT).count();
                if exact < limit {
                    self.add_corrected(token, &mut values, &mut work.similar);
                }
            }
            return self.top(values.iter().map(|&value| u32::from(value)), limit);
        }

        // Sum of token weights so far; 0 = ruled out (a token did not match).
        let mut score = vec![0u32; len];
        let correctable = tokens.iter().any(|token| fuzzy::allowed_edits(token) > 0);
        // First pass: the tokens as recently searched (corrections included only if already known).
        let mut uncorrected = false;
        for (nth, token) in tokens.iter().enumerate() {
            let corrected = self.recall_or_rank(&mut recent, token, &mut values, &mut work);
            uncorrected |= !corrected && fuzzy::allowed_edits(token) > 0;
            if add_to_score(&mut score, &values, nth) == 0 && !correctable {
                return Vec::new();
            }
        }
        let all_exact = (tokens.len() as u32) << 16;
        let exact = score.iter().filter(|&&total| total >= all_exact).count();
        if exact < limit && uncorrected {
            // Second pass, with corrections for every token that allows them.
            score.fill(0);
            for (nth, token) in tokens.iter().enumerate() {
                let corrected = self.recall_or_rank(&mut recent, token, &mut values, &mut work);
                if !corrected && fuzzy::allowed_edits(token) > 0 {
                    self.add_corrected(token, &mut values, &mut work.similar);
                    recent.remember(token, &values, true);
                }
                add_to_score(&mut score, &values, nth);
            }
        }
        self.top(score.iter().copied(), limit)
    }

    /// Fills `values` with `token`'s values, from [`RecentTokens`] or computed exactly (and then
    /// remembered); tells whether they include typo corrections.
    fn recall_or_rank<'a>(
        &'a self,
        recent: &mut RecentTokens,
        token: &str,
        values: &mut [u8],
        work: &mut Work<'a>,
    ) -> bool {
        if let Some(corrected) = recent.recall(token, values) {
            return corrected;
        }
        values.fill(0);
        self.rank_token(token, false, usize::MAX, values, &mut work.matches);
        recent.remember(token, values, false);
        false
    }

    /// Raises `values[reply]` to the value of a typo-corrected match of `token` wherever one exists
    /// (exact values, always higher, stay).
    fn add_corrected(&self, token: &str, values: &mut [u8], similar: &mut Vec<u32>) {
        let edits = fuzzy::allowed_edits(token);
        fuzzy::similar_chunks(
            &self.chunks,
            token.as_bytes(),
            edits,
            fuzzy::Compare::Prefix,
            similar,
        );
        for &chunk in similar.iter() {
            self.for_each_posting(chunk, |reply, fields| {
                let value = rank::rank(fields, rank::CORRECTED);
                values[reply] = values[reply].max(value);
            });
        }
    }

    /// Fills `best[reply]` with the rank of `token` in each reply (0 where it does not occur).
    fn rank_token<'a>(
        &'a self,
        token: &str,
        only_token: bool,
        limit: usize,
        best: &mut [u8],
        matches: &mut Vec<ChunkMatch<'a>>,
    ) {
        let mut chars = token.chars();
        if let (Some(slot), None) = (chars.next().and_then(char_slot), chars.next()) {
            let len = self.len();
            best.copy_from_slice(&self.char_ranks[slot * len..(slot + 1) * len]);
            return;
        }
        self.find_chunks(token, matches);
        for found in matches.iter() {
            for posting in ListIter::new(found.record.head) {
                let reply = (posting >> 4) as usize;
                let rank = rank::rank((posting & 0xF) as u8, found.hit) | EXACT;
                if rank > best[reply] {
                    best[reply] = rank;
                }
            }
        }
        // Body text ranks below TAG: with a single token and enough replies ranked TAG or better,
        // the body postings cannot change the first `limit` results.
        if only_token && best.iter().filter(|&&rank| rank >= TAG | EXACT).count() >= limit {
            return;
        }
        // Common chunks come as bitsets: gather them per rank, 64 replies at a time, then apply.
        let mut dense_hits: Option<[Vec<u64>; 2]> = None;
        for found in matches.iter() {
            let word_start = found.hit.word_start;
            if let Some(bits) = self.body_dense.get(found.chunk as u32) {
                let gathered = dense_hits.get_or_insert_with(|| {
                    let words = bits.len();
                    [vec![0; words], vec![0; words]]
                });
                for (into, &from) in gathered[usize::from(word_start)].iter_mut().zip(bits) {
                    *into |= from;
                }
                continue;
            }
            let rank = EXACT | if word_start { TEXT_WORD } else { ANYWHERE };
            for reply in ListIter::new(found.record.body) {
                let slot = &mut best[reply as usize];
                if rank > *slot {
                    *slot = rank;
                }
            }
        }
        if let Some([inside, at_word_start]) = dense_hits {
            for (rank, bitset) in [
                (ANYWHERE | EXACT, inside),
                (TEXT_WORD | EXACT, at_word_start),
            ] {
                for (word_index, mut word) in bitset.into_iter().enumerate() {
                    while word != 0 {
                        let slot = &mut best[word_index * 64 + word.trailing_zeros() as usize];
                        if rank > *slot {
                            *slot = rank;
                        }
                        word &= word - 1;
                    }
                }
            }
        }
    }

    /// Every chunk containing `token`, each once with its best [`Hit`].
    fn find_chunks<'a>(&'a self, token: &str, matches: &mut Vec<ChunkMatch<'a>>) {
        matches.clear();
        let token = token.as_bytes();
        let mut check = |chunk: usize| {
            let record = self.chunks.get(chunk);
            if let Some(hit) = hit_in_chunk(record.text, token) {
                matches.push(ChunkMatch { chunk, record, hit });
            }
        };
        match token {
            [] => {}
            // One byte that `char_ranks` does not cover (a control character): check every chunk.
            [_] => (0..self.chunks.len()).for_each(&mut check),
            // Longer: only chunks holding the token's rarest byte pair can contain it.
            _ => {
                let rarest = token
                    .windows(2)
                    .map(|pair| pair_bucket(pair[0], pair[1]))
                    .min_by_key(|&bucket| self.pairs.encoded_len(bucket));
                if let Some(bucket) = rarest {
                    for chunk in self.pairs.get(bucket) {
                        check(chunk as usize);
                    }
                }
            }
        }
    }

    /// The `limit` best replies by score (0 = no match), favorites first among equals, then original
    /// order. Keeps only `limit` candidates in a heap, so a query matching everything stays cheap.
    fn top(&self, scores: impl Iterator<Item = u32>, limit: usize) -> Vec<usize> {
        // One key per candidate, smaller is better: higher score, then favorite, then lower position.
        let key = |reply: usize, score: u32| {
            let not_favorite = u64::from(!self.favorite[reply]);
            (u64::from(u32::MAX - score) << 33) | (not_favorite << 32) | reply as u64
        };
        // Max-heap of the best keys so far: its top is the worst one kept.
        let mut kept = BinaryHeap::with_capacity(limit.min(self.len()));
        for (reply, score) in scores.enumerate() {
            if score == 0 {
                continue;
            }
            let candidate = key(reply, score);
            if kept.len() < limit {
                kept.push(candidate);
            } else if let Some(mut worst) = kept.peek_mut() {
                if candidate < *worst {
                    *worst = candidate;
                }
            }
        }
        kept.into_sorted_vec()
            .into_iter()
            .map(|key| (key & 0xFFFF_FFFF) as usize)
            .collect()
    }

    /// Empty query: favorites, then the rest, each in original order.
    fn browse(&self, limit: usize) -> Vec<usize> {
        let favorites = (0..self.len()).filter(|&reply| self.favorite[reply]);
        let others = (0..self.len()).filter(|&reply| !self.favorite[reply]);
        favorites.chain(others).take(limit).collect()
    }
}

/// How `token` occurs in a chunk's `text`, if at all: the first occurrence tells whether it is at the
/// chunk start; any occurrence can be at a word start.
fn hit_in_chunk(text: &[u8], token: &[u8]) -> Option<Hit> {
    let first = find_bytes(text, token, 0)?;
    let mut hit = Hit {
        word_start: first == 0 || !ends_with_alphanumeric(&text[..first]),
        chunk_start: first == 0,
        whole: first == 0 && text.len() == token.len(),
    };
    let mut at = first;
    while !hit.word_start {
        match find_bytes(text, token, at + 1) {
            Some(next) => {
                at = next;
                hit.word_start = !ends_with_alphanumeric(&text[..at]);
            }
            None => break,
        }
    }
    Some(hit)
}

/// Position of `needle` in `haystack` at or after `from`. Chunks are short, so a plain scan beats a
/// searcher that needs setting up.
fn find_bytes(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let first = *needle.first()?;
    let last_start = haystack.len().checked_sub(needle.len())?;
    (from..=last_start).find(|&at| haystack[at] == first && haystack[at..].starts_with(needle))
}

/// Whether the text before a hit ends in a letter or digit (then the hit is inside a word). Folded
/// text is mostly ASCII, checked without decoding.
fn ends_with_alphanumeric(before: &[u8]) -> bool {
    match before.last() {
        None => false,
        Some(byte) if byte.is_ascii() => byte.is_ascii_alphanumeric(),
        Some(_) => std::str::from_utf8(before)
            .ok()
            .and_then(|text| text.chars().next_back())
            .is_some_and(char::is_alphanumeric),
    }
}

/// Number of buckets in the byte-pair table ([`Index::pairs`]).
const PAIR_BUCKETS: usize = 1 << 14;

/// Bucket of a byte pair (Fibonacci hashing); different pairs may share one, the check in
/// [`Index::hit_in_chunk`] sorts them out.
fn pair_bucket(a: u8, b: u8) -> usize {
    let pair = (u32::from(a) << 8) | u32::from(b);
    (pair.wrapping_mul(0x9E37_79B1) >> (32 - 14)) as usize
}
