//! Typo tolerance: the chunks whose leading word starts with something a few edits away from a query
//! token ("refnd" → "refund.", "oredr" → "orders", "lieferzeitn" → "Lieferzeiten").
//!
//! Chunks are numbered in byte order of their text ([`super::build`]), so the chunk list is a trie laid
//! out flat: consecutive chunks share prefixes, and the chunks below a prefix are one range of ids. The
//! walk keeps one edit-distance row per byte of the current path and recomputes only the rows past the
//! prefix shared with the previous chunk. A prefix whose row has no cell within the budget cannot lead
//! to a match, so its whole range is skipped by binary search; a prefix that already matches takes its
//! whole range at once. A walk therefore touches a few hundred chunks however large the library, and
//! needs no table beyond the chunks themselves (a deletion neighbourhood would multiply the vocabulary).
//!
//! Rules, chosen for speed and to keep false friends out:
//! - Edits (Damerau: insertion, deletion, substitution, or swapping two neighbours, each counting 1):
//!   none for tokens under 4 characters, 1 from 4, 2 from 8 ([`allowed_edits`]).
//! - Only tokens made of letters: digits are order numbers and codes, where "close" is wrong.
//! - The first letter must be right, or the first two swapped ("roder" finds "order"): typos there are
//!   rare, and this keeps the walk to one or two ranges of the vocabulary.
//! - A chunk's *leading word* is compared: its bytes up to the first character that is not a letter
//!   or digit. Chunks that start with punctuation ("(refund)") are found only exactly.
//! - Distances count bytes of folded text; folding has already removed accents, so almost every
//!   letter is one byte.

use std::ops::Range;

use super::chunks::Chunks;

/// Longer tokens are not corrected: a walk's rows grow with the token, and nobody mistypes a
/// 32-letter word in a search box.
const MAX_TOKEN_BYTES: usize = 32;

/// Edits tolerated in `token` (folded): 0 when it must match exactly.
pub(super) fn allowed_edits(token: &str) -> u8 {
    if token.len() > MAX_TOKEN_BYTES || !token.chars().all(char::is_alphabetic) {
        return 0;
    }
    match token.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// What a chunk's leading word must be within the allowed edits of.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Compare {
    /// A prefix of the word: for a word still being typed.
    Prefix,
    /// The whole word: for a word someone finished writing.
    Word,
}

/// Collects into `found` (ascending) every chunk whose leading word (or a prefix of it, see
/// [`Compare`]) is within `edits` of `token`, under the first-letter rule of the module docs.
pub(super) fn similar_chunks(
    chunks: &Chunks,
    token: &[u8],
    edits: u8,
    compare: Compare,
    found: &mut Vec<u32>,
) {
    found.clear();
    let [first, rest @ ..] = token else {
        return;
    };
    let mut walk = Walk::new(token, edits, compare);
    walk.run(chunks, chunks.prefix_range(&[*first]), found);
    if let Some(&second) = rest.first() {
        if second != *first {
            walk.run(chunks, chunks.prefix_range(&[second, *first]), found);
            // The swapped range sorts after or before the first; keep `found` ascending.
            found.sort_unstable();
        }
    }
}

/// The leading word of a chunk: up to the first character that is not a letter or digit (a dash,
/// quote or other punctuation, ASCII or not).
pub(super) fn leading_word(text: &[u8]) -> &[u8] {
    let ascii_end = text
        .iter()
        .position(|byte| !byte.is_ascii_alphanumeric())
        .unwrap_or(text.len());
    if ascii_end == text.len() || text[ascii_end].is_ascii() {
        return &text[..ascii_end];
    }
    // A non-ASCII character: a letter (ø, ж) continues the word, a dash or quote ends it.
    let Ok(text) = std::str::from_utf8(text) else {
        return &text[..ascii_end];
    };
    let end = text
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(text.len(), |(at, _)| at);
    &text.as_bytes()[..end]
}

/// Edit-distance rows for one token, reused along the walk.
struct Walk<'t> {
    token: &'t [u8],
    edits: u8,
    compare: Compare,
    /// Row `d` (distances between the first `d` bytes of `path` and every prefix of the token) is
    /// `rows[d * width..(d + 1) * width]`.
    rows: Vec<u8>,
    width: usize,
    /// The bytes whose rows are computed.
    path: Vec<u8>,
}

/// What the path below a chunk's word turned out to be.
enum Step {
    /// The word ended without a match and without ruling anything out: next chunk.
    Next,
    /// No word starting with the first `n` bytes can match: skip them all.
    Skip(usize),
    /// Every word starting with the first `n` bytes matches.
    Take(usize),
}

impl<'t> Walk<'t> {
    fn new(token: &'t [u8], edits: u8, compare: Compare) -> Walk<'t> {
        let width = token.len() + 1;
        // Past `token.len() + edits` bytes every cell exceeds the budget, so no deeper row is needed.
        let depth = token.len() + usize::from(edits) + 2;
        let mut rows = vec![0u8; depth * width];
        for (j, cell) in rows[..width].iter_mut().enumerate() {
            *cell = j as u8;
        }
        Walk {
            token,
            edits,
            compare,
            rows,
            width,
            path: Vec::with_capacity(depth),
        }
    }

    fn run(&mut self, chunks: &Chunks, range: Range<usize>, found: &mut Vec<u32>) {
        self.path.clear();
        let mut at = range.start;
        while at < range.end {
            let word = leading_word(chunks.text(at));
            let shared = self
                .path
                .iter()
                .zip(word)
                .take_while(|(a, b)| a == b)
                .count();
            self.path.truncate(shared);
            let mut step = Step::Next;
            for &byte in &word[shared..] {
                self.path.push(byte);
                let (lowest, last) = self.row(self.path.len());
                if lowest > self.edits {
                    step = Step::Skip(self.path.len());
                    break;
                }
                if last <= self.edits && self.compare == Compare::Prefix {
                    step = Step::Take(self.path.len());
                    break;
                }
            }
            at = match step {
                Step::Next => {
                    let depth = self.path.len();
                    let whole_word = self.rows[depth * self.width + self.width - 1];
                    if self.compare == Compare::Word && depth > 0 && whole_word <= self.edits {
                        found.push(at as u32);
                    }
                    at + 1
                }
                Step::Skip(depth) => chunks.prefix_end(at, range.end, &word[..depth]),
                Step::Take(depth) => {
                    let end = chunks.prefix_end(at, range.end, &word[..depth]);
                    found.extend(at as u32..end as u32);
                    end
                }
            };
        }
    }

    /// Computes row `depth` from the ones above it (optimal string alignment distance); returns its
    /// lowest cell and its last cell (the distance to the whole token).
    fn row(&mut self, depth: usize) -> (u8, u8) {
        let width = self.width;
        let byte = self.path[depth - 1];
        let before = (depth >= 2).then(|| self.path[depth - 2]);
        let (above, current) = self.rows.split_at_mut(depth * width);
        let current = &mut current[..width];
        let previous = &above[(depth - 1) * width..];
        current[0] = depth as u8;
        let mut lowest = current[0];
        for j in 1..width {
            let wanted = self.token[j - 1];
            let mut cell = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + u8::from(byte != wanted));
            if let Some(before) = before {
                if j >= 2 && byte == self.token[j - 2] && before == wanted {
                    cell = cell.min(above[(depth - 2) * width + j - 2] + 1);
                }
            }
            current[j] = cell;
            lowest = lowest.min(cell);
        }
        (lowest, current[width - 1])
    }
}
