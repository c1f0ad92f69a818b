//! The library's manual order and the favourites' numbers, shared by the options page (which arranges
//! replies) and the picker (which lists them and inserts the n-th favourite with Ctrl+. then 1–9).
//!
//! One order for the whole library: replies with a [`Reply::position`] first, smaller first; the others
//! after them by title (case- and accent-insensitively), then id. Every view (a folder, the favourites,
//! a search) is this order filtered, so moving a reply in one view never scrambles another.
//!
//! Moving a reply is one write in the usual case: its new position is the midpoint between its new
//! neighbours ([`plan_move`]). Replies that never had a position are given one only when a move needs it.

use std::cmp::Ordering;

use crate::core::fold::fold;
use crate::core::reply::Reply;

/// How many favourites have a number (keys 1–9).
pub const NUMBERED_FAVOURITES: usize = 9;

/// A precomputed sort key for [`compare`]: sort large lists with `sort_by_cached_key(order::key)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Key {
    position: Option<f64>,
    title: String,
    id: String,
}

impl Eq for Key {}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Key {
    fn cmp(&self, other: &Self) -> Ordering {
        let by_position = match (self.position, other.position) {
            (Some(a), Some(b)) => a.total_cmp(&b),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        by_position
            .then_with(|| self.title.cmp(&other.title))
            .then_with(|| self.id.cmp(&other.id))
    }
}

/// The manual-order key of `reply`. A non-finite position (never written by Answerdeck) counts as none.
pub fn key(reply: &Reply) -> Key {
    Key {
        position: reply.position.filter(|p| p.is_finite()),
        title: fold(&reply.title),
        id: reply.id.clone(),
    }
}

/// The manual order of two replies.
pub fn compare(a: &Reply, b: &Reply) -> Ordering {
    key(a).cmp(&key(b))
}

/// Indices of `replies` in library order.
pub fn sorted(replies: &[Reply]) -> Vec<usize> {
    let keys: Vec<Key> = replies.iter().map(key).collect();
    crate::core::sort::sorted_indices(keys.len(), &mut |a, b| keys[a].cmp(&keys[b]))
}

/// Indexes of the favourites in `replies`, in manual order. The first [`NUMBERED_FAVOURITES`] are numbered
/// 1, 2, … in this order (see [`favourite_number`]).
pub fn favourites(replies: &[Reply]) -> Vec<usize> {
    let mut found: Vec<usize> = (0..replies.len())
        .filter(|&at| replies[at].favorite)
        .collect();
    let keys: Vec<Option<Key>> = replies.iter().map(|r| r.favorite.then(|| key(r))).collect();
    crate::core::sort::sort_indices(&mut found, &mut |a, b| keys[a].cmp(&keys[b]));
    found
}

/// The number (1–9) of the favourite at `index` in `favourites` (from [`favourites`]), if it has one.
pub fn favourite_number(favourites: &[usize], index: usize) -> Option<u8> {
    favourites
        .iter()
        .take(NUMBERED_FAVOURITES)
        .position(|&at| at == index)
        .map(|n| n as u8 + 1)
}

/// The position that puts a reply between `before` and `after` (either may be absent: top or bottom of the
/// list). [`plan_move`] uses it and also handles neighbours without a position and exhausted precision.
pub fn between(before: Option<f64>, after: Option<f64>) -> f64 {
    match (before, after) {
        (Some(a), Some(b)) => a + (b - a) / 2.0,
        (Some(a), None) => a + 1.0,
        (None, Some(b)) => b - 1.0,
        (None, None) => 0.0,
    }
}

/// A position to store for one reply.
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    pub id: String,
    pub position: f64,
}

/// The positions to store so that `view[from]` is shown at index `to` of `view`.
///
/// `view` is what the user sees, in manual order (a folder, the favourites …); `library_max` is the largest
/// position in the whole library. Usually one placement: the midpoint between the new neighbours (or one
/// step beyond the first or last). When the reply lands among replies that never had a position, those
/// before it in the view get positions after every positioned reply of the library, in their current
/// order, so they keep their place. Should the midpoint not fit between its neighbours (after very many
/// moves in the same spot), the whole view is numbered 1, 2, 3 … instead. Nothing to do: empty.
pub fn plan_move(
    view: &[&Reply],
    from: usize,
    to: usize,
    library_max: Option<f64>,
) -> Vec<Placement> {
    if from >= view.len() || to >= view.len() || from == to {
        return Vec::new();
    }
    let moving = view[from];
    let mut rest: Vec<&Reply> = view.to_vec();
    rest.remove(from);
    let (before, after) = rest.split_at(to);
    let position = |reply: &Reply| reply.position.filter(|p| p.is_finite());
    let place = |reply: &Reply, position: f64| Placement {
        id: reply.id.clone(),
        position,
    };

    match (before.last(), after.first().and_then(|next| position(next))) {
        // Landing before a positioned reply: between it and the one before (one write).
        (prev, Some(next)) => {
            let new = match prev.map(|prev| position(prev)) {
                None => Some(between(None, Some(next))),
                Some(Some(prev)) => {
                    let mid = between(Some(prev), Some(next));
                    (prev < mid && mid < next).then_some(mid)
                }
                // Not in manual order: an unpositioned reply before a positioned one.
                Some(None) => None,
            };
            match new {
                Some(new) => vec![place(moving, new)],
                None => renumber(&rest, to, moving),
            }
        }
        // Landing before an unpositioned reply, or at the end: after the positioned ones before it, which
        // means positioning those before it that have none.
        (_, None) => {
            let unpositioned = before
                .iter()
                .rev()
                .take_while(|reply| position(reply).is_none())
                .count();
            let positioned_before = &before[..before.len() - unpositioned];
            let last = positioned_before.last().and_then(|r| position(r));
            if unpositioned == 0 {
                let new =
                    last.map_or_else(|| library_max.map_or(1.0, |max| max + 1.0), |p| p + 1.0);
                if last.is_none_or(|last| new > last) {
                    return vec![place(moving, new)];
                }
                return renumber(&rest, to, moving);
            }
            let base = library_max.into_iter().chain(last).fold(0.0_f64, f64::max);
            let mut plan: Vec<Placement> = before[before.len() - unpositioned..]
                .iter()
                .enumerate()
                .map(|(n, reply)| place(reply, base + n as f64 + 1.0))
                .collect();
            plan.push(place(moving, base + unpositioned as f64 + 1.0));
            plan
        }
    }
}

/// Positions 1, 2, 3 … for the whole view with `moving` inserted at `to`, for only those replies whose
/// position changes.
fn renumber(rest: &[&Reply], to: usize, moving: &Reply) -> Vec<Placement> {
    let mut order: Vec<&Reply> = rest.to_vec();
    order.insert(to, moving);
    order
        .into_iter()
        .enumerate()
        .map(|(n, reply)| (reply, n as f64 + 1.0))
        .filter(|(reply, position)| reply.position != Some(*position))
        .map(|(reply, position)| Placement {
            id: reply.id.clone(),
            position,
        })
        .collect()
}

/// Indices of `replies` for the picker before anything is typed: favourites first, then by `rank` (higher
/// first), then in library order. `rank` is the use count or the last use time, per the user's setting.
pub fn by_rank(replies: &[Reply], rank: impl Fn(&Reply) -> f64) -> Vec<usize> {
    let library = sorted(replies);
    let mut place = vec![0usize; replies.len()];
    for (at, &i) in library.iter().enumerate() {
        place[i] = at;
    }
    let ranks: Vec<f64> = replies.iter().map(&rank).collect();
    let mut order = library;
    crate::core::sort::sort_indices(&mut order, &mut |a, b| {
        replies[b]
            .favorite
            .cmp(&replies[a].favorite)
            .then_with(|| ranks[b].total_cmp(&ranks[a]))
            .then_with(|| place[a].cmp(&place[b]))
    });
    order
}
