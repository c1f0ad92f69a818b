//! The library's order, shared by the options page and the picker so "favourite 3" means the same reply in
//! both: manual `position` first (smaller first), then replies without one by title (case- and accent-blind),
//! then by id so the order is total.

use std::cmp::Ordering;

use crate::core::fold::fold;
use crate::core::reply::Reply;

/// How many favourites have a number key (Ctrl+. then 1–9).
pub const NUMBERED_FAVOURITES: usize = 9;

/// Indices of `replies` in library order.
pub fn sorted(replies: &[Reply]) -> Vec<usize> {
    let titles: Vec<String> = replies.iter().map(|r| fold(&r.title)).collect();
    let mut order: Vec<usize> = (0..replies.len()).collect();
    order.sort_by(|&a, &b| compare(&replies[a], &titles[a], &replies[b], &titles[b]));
    order
}

/// Indices of the favourites in library order, the first [`NUMBERED_FAVOURITES`] of which have number keys.
pub fn favourites(replies: &[Reply]) -> Vec<usize> {
    sorted(replies)
        .into_iter()
        .filter(|&i| replies[i].favorite)
        .collect()
}

fn compare(a: &Reply, a_title: &str, b: &Reply, b_title: &str) -> Ordering {
    match (a.position, b.position) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
    .then_with(|| a_title.cmp(b_title))
    .then_with(|| a.id.cmp(&b.id))
}

/// The position that puts a reply between `before` and `after` (either may be absent: top or bottom of the
/// list), so moving one reply is one write.
pub fn between(before: Option<f64>, after: Option<f64>) -> f64 {
    match (before, after) {
        (Some(a), Some(b)) => a + (b - a) / 2.0,
        (Some(a), None) => a + 1.0,
        (None, Some(b)) => b - 1.0,
        (None, None) => 0.0,
    }
}
