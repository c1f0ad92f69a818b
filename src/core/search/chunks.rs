//! The vocabulary: every distinct chunk's folded text followed by its postings, in one byte array.
//! A query checks thousands of candidate chunks and reads the postings of those that match; keeping a
//! chunk's text and postings side by side makes that one memory access per chunk instead of several.
//!
//! Record of a chunk: LEB128 lengths of text, head postings and body postings, then the three.

use std::ops::Range;

use super::lists::{push_list, push_varint, take_varint};

pub(super) struct Chunks {
    /// Byte offset of each record, plus the end.
    starts: Vec<u32>,
    bytes: Vec<u8>,
}

/// One chunk's record.
#[derive(Clone, Copy)]
pub(super) struct Chunk<'a> {
    /// Folded text, no whitespace.
    pub text: &'a [u8],
    /// Postings in title, tags or shortcut: `reply << 4 | fields` (see [`super::lists::ListIter`]).
    pub head: &'a [u8],
    /// Postings only in body or variants: reply positions. Empty for chunks kept as bitsets.
    pub body: &'a [u8],
}

/// Per-chunk lists as built: list `c` is `values[offsets[c]..offsets[c + 1]]`.
pub(super) struct Grouped<'a> {
    pub offsets: &'a [u32],
    pub values: &'a [u32],
}

impl Grouped<'_> {
    fn list(&self, chunk: usize) -> &[u32] {
        &self.values[self.offsets[chunk] as usize..self.offsets[chunk + 1] as usize]
    }
}

impl Chunks {
    /// `texts(c)` gives chunk `c`'s text; body lists where `keep_body(c)` is false are left out.
    pub(super) fn build<'t>(
        count: usize,
        texts: impl Fn(usize) -> &'t str,
        head: Grouped<'_>,
        body: Grouped<'_>,
        keep_body: impl Fn(usize) -> bool,
    ) -> Chunks {
        let mut starts = Vec::with_capacity(count + 1);
        let mut bytes = Vec::new();
        let mut head_bytes = Vec::new();
        let mut body_bytes = Vec::new();
        for chunk in 0..count {
            starts.push(bytes.len() as u32);
            let text = texts(chunk).as_bytes();
            head_bytes.clear();
            push_list(head.list(chunk), &mut head_bytes);
            body_bytes.clear();
            if keep_body(chunk) {
                push_list(body.list(chunk), &mut body_bytes);
            }
            for part in [text, &head_bytes, &body_bytes] {
                push_varint(part.len() as u32, &mut bytes);
            }
            for part in [text, &head_bytes, &body_bytes] {
                bytes.extend_from_slice(part);
            }
        }
        starts.push(bytes.len() as u32);
        bytes.shrink_to_fit();
        Chunks { starts, bytes }
    }

    pub(super) fn len(&self) -> usize {
        self.starts.len() - 1
    }

    pub(super) fn get(&self, chunk: usize) -> Chunk<'_> {
        let mut record = &self.bytes[self.starts[chunk] as usize..self.starts[chunk + 1] as usize];
        let mut length = || take_varint(&mut record).unwrap_or(0) as usize;
        let (text_len, head_len, body_len) = (length(), length(), length());
        let (text, rest) = record.split_at(text_len.min(record.len()));
        let (head, rest) = rest.split_at(head_len.min(rest.len()));
        let body = &rest[..body_len.min(rest.len())];
        Chunk { text, head, body }
    }

    /// Folded text of `chunk`.
    #[inline]
    pub(super) fn text(&self, chunk: usize) -> &[u8] {
        self.get(chunk).text
    }

    /// The chunks whose text starts with `prefix`. Chunks are numbered in byte order of their text
    /// (see [`super::build`]), so they are one range.
    pub(super) fn prefix_range(&self, prefix: &[u8]) -> Range<usize> {
        // First chunk not sorting before `prefix`: binary search.
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let middle = low + (high - low) / 2;
            if self.text(middle) < prefix {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        low..self.prefix_end(low, self.len(), prefix)
    }

    /// The first chunk in `from..end` not starting with `prefix` (or `end`), given that those in
    /// `from..` that do come first. Gallops, then bisects: most prefix ranges a walk skips are short.
    pub(super) fn prefix_end(&self, from: usize, end: usize, prefix: &[u8]) -> usize {
        let inside = |chunk: usize| self.text(chunk).starts_with(prefix);
        if from >= end || !inside(from) {
            return from;
        }
        let (mut low, mut step) = (from, 1);
        // Find an outside `high` past the inside `low`.
        let mut high = loop {
            let probe = low.saturating_add(step);
            if probe >= end {
                break end;
            }
            if !inside(probe) {
                break probe;
            }
            low = probe;
            step *= 2;
        };
        // Invariant: `low` inside, `high` outside (or `end`).
        while high - low > 1 {
            let middle = low + (high - low) / 2;
            if inside(middle) {
                low = middle;
            } else {
                high = middle;
            }
        }
        high
    }

    pub(super) fn heap_bytes(&self) -> usize {
        4 * self.starts.len() + self.bytes.len()
    }
}

#[cfg(test)]
mod tests {
    use super::{Chunks, Grouped};
    use crate::core::search::lists::ListIter;

    #[test]
    fn records_give_back_text_and_postings() {
        let texts = ["order", "status", "x"];
        let chunks = Chunks::build(
            3,
            |c| texts[c],
            Grouped {
                offsets: &[0, 2, 2, 3],
                values: &[17, 300, 5],
            },
            Grouped {
                offsets: &[0, 1, 3, 4],
                values: &[1, 2, 90_000, 8],
            },
            |c| c != 2,
        );
        assert_eq!(chunks.len(), 3);
        let order = chunks.get(0);
        assert_eq!(order.text, b"order");
        assert_eq!(ListIter::new(order.head).collect::<Vec<u32>>(), [17, 300]);
        assert_eq!(ListIter::new(order.body).collect::<Vec<u32>>(), [1]);
        let status = chunks.get(1);
        assert_eq!(status.text, b"status");
        assert!(status.head.is_empty());
        assert_eq!(
            ListIter::new(status.body).collect::<Vec<u32>>(),
            [2, 90_000]
        );
        let x = chunks.get(2);
        assert_eq!((x.text, x.head.len(), x.body.len()), (&b"x"[..], 1, 0));
    }
}
