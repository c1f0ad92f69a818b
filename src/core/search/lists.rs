//! Ascending lists of `u32` stored as deltas in LEB128 bytes. Posting lists are
//! ascending (replies are added in order), so most deltas fit in one byte: the body postings of a
//! large library take about a third of the memory of plain `u32`s, for a small decoding cost.

/// List `k` is `bytes[starts[k]..starts[k + 1]]`.
pub(super) struct SortedLists {
    starts: Vec<u32>,
    bytes: Vec<u8>,
}

impl SortedLists {
    /// Encodes `values[offsets[k]..offsets[k + 1]]` as list `k`; each list must be ascending.
    pub(super) fn encode(offsets: &[u32], values: &[u32]) -> SortedLists {
        let mut starts = Vec::with_capacity(offsets.len());
        let mut bytes = Vec::with_capacity(values.len() + values.len() / 2);
        starts.push(0);
        for window in offsets.windows(2) {
            push_list(&values[window[0] as usize..window[1] as usize], &mut bytes);
            starts.push(bytes.len() as u32);
        }
        bytes.shrink_to_fit();
        SortedLists { starts, bytes }
    }

    pub(super) fn get(&self, key: usize) -> ListIter<'_> {
        ListIter::new(&self.bytes[self.starts[key] as usize..self.starts[key + 1] as usize])
    }

    /// Encoded size of list `key`: a cheap stand-in for its length when picking the shortest list.
    pub(super) fn encoded_len(&self, key: usize) -> u32 {
        self.starts[key + 1] - self.starts[key]
    }

    pub(super) fn heap_bytes(&self) -> usize {
        4 * self.starts.len() + self.bytes.len()
    }
}

/// Appends the ascending `values` to `bytes` as LEB128 deltas (the first from 0).
pub(super) fn push_list(values: &[u32], bytes: &mut Vec<u8>) {
    let mut previous = 0;
    for &value in values {
        push_varint(value - previous, bytes);
        previous = value;
    }
}

pub(super) fn push_varint(mut value: u32, bytes: &mut Vec<u8>) {
    while value >= 0x80 {
        bytes.push((value as u8 & 0x7F) | 0x80);
        value >>= 7;
    }
    bytes.push(value as u8);
}

/// Reads one LEB128 number from the front of `bytes`, advancing it.
#[inline(always)]
pub(super) fn take_varint(bytes: &mut &[u8]) -> Option<u32> {
    let mut value = 0u32;
    let mut shift = 0;
    loop {
        let (&byte, rest) = bytes.split_first()?;
        *bytes = rest;
        value |= u32::from(byte & 0x7F) << shift;
        if byte < 0x80 {
            return Some(value);
        }
        shift += 7;
    }
}

/// Lists holding a large share of all replies, as bitsets over reply positions: for those a bitset is
/// no bigger than the deltas, and a query merges it 64 replies at a time.
pub(super) struct DenseLists {
    /// Keys that have a bitset, ascending.
    keys: Vec<u32>,
    /// `u64` words per bitset.
    words: usize,
    bits: Vec<u64>,
}

impl DenseLists {
    pub(super) fn new(bits_per_list: usize) -> DenseLists {
        DenseLists {
            keys: Vec::new(),
            words: bits_per_list.div_ceil(64),
            bits: Vec::new(),
        }
    }

    /// Adds list `key` (keys must come in ascending order).
    pub(super) fn push(&mut self, key: u32, values: &[u32]) {
        self.keys.push(key);
        let start = self.bits.len();
        self.bits.resize(start + self.words, 0);
        for &value in values {
            self.bits[start + value as usize / 64] |= 1 << (value % 64);
        }
    }

    pub(super) fn get(&self, key: u32) -> Option<&[u64]> {
        let slot = self.keys.binary_search(&key).ok()?;
        Some(&self.bits[slot * self.words..(slot + 1) * self.words])
    }

    pub(super) fn heap_bytes(&self) -> usize {
        4 * self.keys.len() + 8 * self.bits.len()
    }
}

pub(super) struct ListIter<'a> {
    bytes: &'a [u8],
    previous: u32,
}

impl<'a> ListIter<'a> {
    /// Decodes a list written by [`push_list`].
    pub(super) fn new(bytes: &'a [u8]) -> ListIter<'a> {
        ListIter { bytes, previous: 0 }
    }
}

impl Iterator for ListIter<'_> {
    type Item = u32;

    // Called once per posting on the hottest path; `opt-level = "z"` would otherwise keep it a call.
    #[inline(always)]
    fn next(&mut self) -> Option<u32> {
        self.previous += take_varint(&mut self.bytes)?;
        Some(self.previous)
    }
}

#[cfg(test)]
mod tests {
    use super::{DenseLists, SortedLists};

    #[test]
    fn dense_lists_set_exactly_their_bits() {
        let mut dense = DenseLists::new(130);
        dense.push(3, &[0, 63, 64, 129]);
        dense.push(9, &[]);
        assert_eq!(dense.get(3), Some(&[1 | 1 << 63, 1, 1 << 1][..]));
        assert_eq!(dense.get(9), Some(&[0, 0, 0][..]));
        assert_eq!(dense.get(4), None);
    }

    #[test]
    fn lists_decode_to_what_was_encoded() {
        let lists: [&[u32]; 4] = [
            &[0, 1, 2, 200, 70_000, u32::MAX],
            &[],
            &[5],
            &[127, 128, 16_511, 16_512],
        ];
        let mut offsets = vec![0u32];
        let mut values = Vec::new();
        for list in lists {
            values.extend_from_slice(list);
            offsets.push(values.len() as u32);
        }
        let encoded = SortedLists::encode(&offsets, &values);
        for (key, list) in lists.iter().enumerate() {
            assert_eq!(encoded.get(key).collect::<Vec<u32>>(), *list);
        }
        assert_eq!(encoded.encoded_len(1), 0);
        assert_eq!(encoded.encoded_len(2), 1);
    }
}
