//! Many ascending lists of `u32` stored back to back as deltas in LEB128 bytes. Posting lists are
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
            let mut previous = 0;
            for &value in &values[window[0] as usize..window[1] as usize] {
                let mut delta = value - previous;
                previous = value;
                while delta >= 0x80 {
                    bytes.push((delta as u8 & 0x7F) | 0x80);
                    delta >>= 7;
                }
                bytes.push(delta as u8);
            }
            starts.push(bytes.len() as u32);
        }
        bytes.shrink_to_fit();
        SortedLists { starts, bytes }
    }

    pub(super) fn get(&self, key: usize) -> ListIter<'_> {
        let range = self.starts[key] as usize..self.starts[key + 1] as usize;
        ListIter {
            bytes: &self.bytes[range],
            previous: 0,
        }
    }

    /// Encoded size of list `key`: a cheap stand-in for its length when picking the shortest list.
    pub(super) fn encoded_len(&self, key: usize) -> u32 {
        self.starts[key + 1] - self.starts[key]
    }

    pub(super) fn heap_bytes(&self) -> usize {
        4 * self.starts.len() + self.bytes.len()
    }
}

pub(super) struct ListIter<'a> {
    bytes: &'a [u8],
    previous: u32,
}

impl Iterator for ListIter<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let mut delta = 0u32;
        let mut shift = 0;
        loop {
            let (&byte, rest) = self.bytes.split_first()?;
            self.bytes = rest;
            delta |= u32::from(byte & 0x7F) << shift;
            if byte < 0x80 {
                break;
            }
            shift += 7;
        }
        self.previous += delta;
        Some(self.previous)
    }
}

#[cfg(test)]
mod tests {
    use super::SortedLists;

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
