//! Building the [`Index`]: one pass over the replies, folding each field once.
//!
//! [`IndexBuilder`] takes replies one at a time so a large library (30,000 replies take a few hundred
//! milliseconds natively) can be indexed in slices between frames instead of in one long task.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Mutex;

use super::chunks::{Chunks, Grouped};
use super::lists::{DenseLists, SortedLists};
use super::rank::{
    ANYWHERE, EXACT, IN_HEAD, IN_SHORTCUT, IN_TAG, IN_TEXT, IN_TITLE, SHORTCUT_EXACT,
    SHORTCUT_PREFIX, TAG, TEXT_WORD, TITLE, TITLE_WORD,
};
use super::{char_slot, pair_bucket, Index, CHAR_SLOTS, PAIR_BUCKETS};
use crate::core::fold::fold_into;
use crate::core::reply::Reply;

pub(super) fn build(replies: &[Reply]) -> Index {
    let mut builder = IndexBuilder::with_capacity(replies.len());
    for reply in replies {
        builder.add(reply);
    }
    builder.finish()
}

/// Which one-character tokens (printable ASCII) a chunk contains, and where (bit = [`char_slot`]).
#[derive(Clone, Copy, Default)]
struct CharProfile {
    anywhere: u128,
    word_start: u128,
    chunk_start: u128,
    whole: u128,
}

impl CharProfile {
    fn of(chunk: &str) -> CharProfile {
        let mut profile = CharProfile::default();
        let mut after_alphanumeric = false;
        for (at, c) in chunk.char_indices() {
            if let Some(slot) = char_slot(c) {
                let bit = 1u128 << slot;
                profile.anywhere |= bit;
                if !after_alphanumeric {
                    profile.word_start |= bit;
                }
                if at == 0 {
                    profile.chunk_start = bit;
                    if chunk.len() == 1 {
                        profile.whole = bit;
                    }
                }
            }
            after_alphanumeric = c.is_alphanumeric();
        }
        profile
    }
}

/// Union of the char profiles of one reply's chunks, per field.
#[derive(Default)]
struct ReplyChars {
    title: CharProfile,
    tag: CharProfile,
    shortcut: CharProfile,
    text: CharProfile,
}

impl ReplyChars {
    fn add(&mut self, fields: u8, profile: CharProfile) {
        for (bit, union) in [
            (IN_TITLE, &mut self.title),
            (IN_TAG, &mut self.tag),
            (IN_SHORTCUT, &mut self.shortcut),
            (IN_TEXT, &mut self.text),
        ] {
            if fields & bit != 0 {
                union.anywhere |= profile.anywhere;
                union.word_start |= profile.word_start;
                union.chunk_start |= profile.chunk_start;
                union.whole |= profile.whole;
            }
        }
    }

    /// The same rank [`super::rank::rank`] gives, for the one-character token in `slot`.
    fn rank(&self, slot: usize) -> u8 {
        let bit = 1u128 << slot;
        let has = |mask: u128| mask & bit != 0;
        let mut best = 0;
        if has(self.shortcut.whole) {
            best = SHORTCUT_EXACT;
        } else if has(self.shortcut.chunk_start) {
            best = SHORTCUT_PREFIX;
        } else if has(self.shortcut.anywhere) {
            best = ANYWHERE;
        }
        if has(self.title.word_start) {
            best = best.max(TITLE_WORD);
        } else if has(self.title.anywhere) {
            best = best.max(TITLE);
        }
        if has(self.tag.anywhere) {
            best = best.max(TAG);
        }
        if has(self.text.word_start) {
            best = best.max(TEXT_WORD);
        } else if has(self.text.anywhere) {
            best = best.max(ANYWHERE);
        }
        best
    }
}

/// Builds an [`Index`] one reply at a time; positions in search results are the order of [`add`](Self::add).
/// Postings pack a reply position into 28 bits, so an index holds at most 268 million replies.
pub struct IndexBuilder {
    chunk_ids: HashMap<Box<str>, u32, BuildHasherDefault<FxHasher>>,
    /// Distinct chunks, each followed by `\n`, while building; becomes [`Chunks`].
    vocab: String,
    chunk_starts: Vec<u32>,
    profiles: Vec<CharProfile>,
    /// (chunk, reply << 4 | fields) for chunks in a head field.
    head_pairs: Vec<(u32, u32)>,
    /// (chunk, reply) for chunks only in body or variants.
    text_pairs: Vec<(u32, u32)>,
    /// Per reply, the rank of each one-character token (transposed into columns by `finish`).
    char_ranks: Vec<[u8; CHAR_SLOTS]>,
    favorite: Vec<bool>,
    text_words: Vec<u8>,
    /// This reply's (chunk, field) pairs, before merging duplicates.
    reply_chunks: Vec<(u32, u8)>,
    folded: String,
}

impl Default for IndexBuilder {
    fn default() -> IndexBuilder {
        IndexBuilder::with_capacity(0)
    }
}

impl IndexBuilder {
    /// A builder expecting about `reply_count` replies.
    pub fn with_capacity(reply_count: usize) -> IndexBuilder {
        IndexBuilder {
            chunk_ids: HashMap::default(),
            vocab: String::new(),
            chunk_starts: Vec::new(),
            profiles: Vec::new(),
            head_pairs: Vec::new(),
            text_pairs: Vec::new(),
            char_ranks: Vec::with_capacity(reply_count),
            favorite: Vec::with_capacity(reply_count),
            text_words: Vec::with_capacity(reply_count),
            reply_chunks: Vec::new(),
            folded: String::new(),
        }
    }

    /// Adds the next reply; its position in search results is the number of replies added before it.
    pub fn add(&mut self, reply: &Reply) {
        let position = self.favorite.len();
        self.favorite.push(reply.favorite);
        self.reply_chunks.clear();
        self.add_field(&reply.title, IN_TITLE);
        for tag in &reply.tags {
            self.add_field(tag, IN_TAG);
        }
        if let Some(shortcut) = &reply.shortcut {
            self.add_field(shortcut, IN_SHORTCUT);
        }
        self.add_field(&reply.body, IN_TEXT);
        for variant in reply.variants.values() {
            self.add_field(variant, IN_TEXT);
        }

        // Suggestions weigh a match in a long text less (see `Index::text_words`).
        let texts = 1 + reply.variants.len();
        let words = self
            .reply_chunks
            .iter()
            .filter(|&&(_, field)| field == IN_TEXT)
            .count();
        self.text_words.push((words / texts).min(255) as u8);

        // One posting per distinct chunk, with the fields it occurs in.
        let mut reply_chunks = std::mem::take(&mut self.reply_chunks);
        reply_chunks.sort_unstable_by_key(|&(chunk, _)| chunk);
        let mut chars = ReplyChars::default();
        let mut pending: Option<(u32, u8)> = None;
        for &(chunk, field) in &reply_chunks {
            match &mut pending {
                Some((last, fields)) if *last == chunk => *fields |= field,
                _ => {
                    if let Some((chunk, fields)) = pending {
                        emit(self, position, chunk, fields, &mut chars);
                    }
                    pending = Some((chunk, field));
                }
            }
        }
        if let Some((chunk, fields)) = pending {
            emit(self, position, chunk, fields, &mut chars);
        }
        self.reply_chunks = reply_chunks;
        // One-character tokens are never typo-corrected: every rank is exact.
        self.char_ranks
            .push(std::array::from_fn(|slot| match chars.rank(slot) {
                0 => 0,
                rank => rank | EXACT,
            }));

        fn emit(
            builder: &mut IndexBuilder,
            position: usize,
            chunk: u32,
            fields: u8,
            chars: &mut ReplyChars,
        ) {
            chars.add(fields, builder.profiles[chunk as usize]);
            let reply = position as u32;
            if fields & IN_HEAD != 0 {
                builder
                    .head_pairs
                    .push((chunk, reply << 4 | u32::from(fields)));
            } else {
                builder.text_pairs.push((chunk, reply));
            }
        }
    }

    fn add_field(&mut self, text: &str, field: u8) {
        let mut folded = std::mem::take(&mut self.folded);
        folded.clear();
        fold_into(text, &mut folded);
        // Splitting on ASCII whitespace only is faster and still exact: a query token holds no
        // whitespace at all, so it can only ever occur inside one of these chunks.
        for chunk in folded.split_ascii_whitespace() {
            // `/order` is how people write a shortcut; the slash is not part of it.
            let chunk = if field == IN_SHORTCUT {
                chunk.trim_start_matches('/')
            } else {
                chunk
            };
            if !chunk.is_empty() {
                let id = self.chunk_id(chunk);
                self.reply_chunks.push((id, field));
            }
        }
        self.folded = folded;
    }

    fn chunk_id(&mut self, chunk: &str) -> u32 {
        if let Some(&id) = self.chunk_ids.get(chunk) {
            return id;
        }
        let id = self.chunk_starts.len() as u32;
        self.chunk_starts.push(self.vocab.len() as u32);
        self.vocab.push_str(chunk);
        self.vocab.push('\n');
        self.profiles.push(CharProfile::of(chunk));
        self.chunk_ids.insert(chunk.into(), id);
        id
    }

    /// The finished index.
    pub fn finish(mut self) -> Index {
        let chunk_count = self.chunk_starts.len();
        self.chunk_starts.push(self.vocab.len() as u32);
        let (vocab, starts) = (&self.vocab, &self.chunk_starts);
        // Without the `\n` that ends each chunk in `vocab`.
        let text_of =
            |id: u32| &vocab[starts[id as usize] as usize..starts[id as usize + 1] as usize - 1];
        // Chunks are numbered in byte order of their text, so the chunks starting with a given prefix
        // are one range of ids: typo-tolerant matching walks them like a trie, and suggestions look
        // words up by binary search, without any table beyond the chunks themselves.
        let mut sorted: Vec<u32> = (0..chunk_count as u32).collect();
        sorted.sort_unstable_by(|&a, &b| text_of(a).cmp(text_of(b)));
        let mut renumber = vec![0u32; chunk_count];
        for (new, &old) in sorted.iter().enumerate() {
            renumber[old as usize] = new as u32;
        }
        let text = |chunk: usize| text_of(sorted[chunk]);
        let pairs = chunks_by_pair(chunk_count, text);
        let reply_count = self.char_ranks.len();
        let renumbered = |pairs: Vec<(u32, u32)>| -> Vec<(u32, u32)> {
            pairs
                .into_iter()
                .map(|(chunk, value)| (renumber[chunk as usize], value))
                .collect()
        };
        let (head_offsets, head_values) = group_by_chunk(renumbered(self.head_pairs), chunk_count);
        let (body_offsets, body_values) = group_by_chunk(renumbered(self.text_pairs), chunk_count);

        // Chunks in more than a sixteenth of the replies (and at least 64) keep their body postings
        // as bitsets; the rest as delta lists in their chunk record.
        let dense_above = (reply_count / 16).max(64);
        let is_dense =
            |chunk: usize| (body_offsets[chunk + 1] - body_offsets[chunk]) as usize > dense_above;
        let mut body_dense = DenseLists::new(reply_count);
        for chunk in (0..chunk_count).filter(|&chunk| is_dense(chunk)) {
            body_dense.push(
                chunk as u32,
                &body_values[body_offsets[chunk] as usize..body_offsets[chunk + 1] as usize],
            );
        }
        let chunks = Chunks::build(
            chunk_count,
            text,
            Grouped {
                offsets: &head_offsets,
                values: &head_values,
            },
            Grouped {
                offsets: &body_offsets,
                values: &body_values,
            },
            |chunk| !is_dense(chunk),
        );

        let mut char_ranks = vec![0u8; CHAR_SLOTS * reply_count];
        for (position, ranks) in self.char_ranks.iter().enumerate() {
            for (slot, &rank) in ranks.iter().enumerate() {
                char_ranks[slot * reply_count + position] = rank;
            }
        }
        Index {
            chunks,
            body_dense,
            pairs,
            char_ranks,
            favorite: self.favorite,
            text_words: self.text_words,
            recent: Mutex::default(),
        }
    }
}

/// (chunk, value) pairs → per-chunk ranges (`offsets[c]..offsets[c + 1]`) into one array, keeping the
/// pairs' order within a chunk (replies were added in ascending order, so each range is ascending).
fn group_by_chunk(pairs: Vec<(u32, u32)>, chunk_count: usize) -> (Vec<u32>, Vec<u32>) {
    let mut starts = vec![0u32; chunk_count + 1];
    for &(chunk, _) in &pairs {
        starts[chunk as usize + 1] += 1;
    }
    for c in 0..chunk_count {
        starts[c + 1] += starts[c];
    }
    let mut next = starts.clone();
    let mut values = vec![0u32; pairs.len()];
    for (chunk, value) in pairs {
        let slot = &mut next[chunk as usize];
        values[*slot as usize] = value;
        *slot += 1;
    }
    (starts, values)
}

/// For each byte-pair bucket, the chunks containing a pair in it (each chunk once, ascending).
fn chunks_by_pair<'t>(chunk_count: usize, text: impl Fn(usize) -> &'t str) -> SortedLists {
    // Visits each (bucket, chunk) once: `last_chunk[bucket]` remembers the chunk last counted there.
    let for_each_pair = |visit: &mut dyn FnMut(usize, u32)| {
        let mut last_chunk = vec![u32::MAX; PAIR_BUCKETS];
        for chunk in 0..chunk_count {
            for pair in text(chunk).as_bytes().windows(2) {
                let bucket = pair_bucket(pair[0], pair[1]);
                if last_chunk[bucket] != chunk as u32 {
                    last_chunk[bucket] = chunk as u32;
                    visit(bucket, chunk as u32);
                }
            }
        }
    };
    let mut starts = vec![0u32; PAIR_BUCKETS + 1];
    for_each_pair(&mut |bucket, _| starts[bucket + 1] += 1);
    for bucket in 0..PAIR_BUCKETS {
        starts[bucket + 1] += starts[bucket];
    }
    let mut next = starts.clone();
    let mut chunks = vec![0u32; starts[PAIR_BUCKETS] as usize];
    for_each_pair(&mut |bucket, chunk| {
        chunks[next[bucket] as usize] = chunk;
        next[bucket] += 1;
    });
    SortedLists::encode(&starts, &chunks)
}

/// The multiply-rotate hash rustc uses for its own tables: much faster than SipHash for the millions of
/// short words an index build looks up, and the keys are not attacker-chosen to matter here (a slow
/// build is the worst outcome).
#[derive(Default)]
struct FxHasher {
    hash: u64,
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut buf = [0u8; 8];
            buf.copy_from_slice(word);
            self.add(u64::from_le_bytes(buf));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}
