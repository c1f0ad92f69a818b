//! One small stable sort of indices, shared by every ordering the content scripts make.
//!
//! The standard library's sorts are fast and large: each element type and comparator gets its own copy of a
//! few kilobytes of code, and the content scripts' wasm has a budget (design.md §6). Sorting indices with a
//! comparator behind `dyn` makes one copy for every caller; the lists sorted here (a library, its favourites)
//! are small enough that a plain merge sort is as fast as anything a person could notice.
use std::cmp::Ordering;

/// `0..n` in the order `compare` gives, equal elements keeping their order (stable).
pub fn sorted_indices(n: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut items: Vec<usize> = (0..n).collect();
    sort_indices(&mut items, compare);
    items
}

/// Sorts `items` (indices) in place by `compare`, stably: a bottom-up merge sort.
pub fn sort_indices(items: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    let n = items.len();
    let mut buffer = vec![0usize; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let middle = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut left, mut right) = (start, middle);
            for slot in &mut buffer[start..end] {
                let take_left = right >= end
                    || (left < middle && compare(items[left], items[right]) != Ordering::Greater);
                if take_left {
                    *slot = items[left];
                    left += 1;
                } else {
                    *slot = items[right];
                    right += 1;
                }
            }
            start = end;
        }
        items.copy_from_slice(&buffer);
        width *= 2;
    }
}
