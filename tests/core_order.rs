//! Manual order, favourite numbers and moves: simulated by applying each plan and sorting again, so the
//! tests check what the user sees, not the numbers.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::collections::HashMap;

use answerdeck::core::order::{self, between, favourites, Placement};
use answerdeck::core::reply::Reply;

fn reply(id: &str, title: &str, position: Option<f64>) -> Reply {
    Reply {
        position,
        ..Reply::new(id, title, "Hi")
    }
}

fn sorted(mut replies: Vec<Reply>) -> Vec<Reply> {
    replies.sort_by_cached_key(order::key);
    replies
}

fn ids(replies: &[Reply]) -> Vec<&str> {
    replies.iter().map(|r| r.id.as_str()).collect()
}

fn library_max(replies: &[Reply]) -> Option<f64> {
    replies.iter().filter_map(|r| r.position).reduce(f64::max)
}

/// Moves `id` to index `to` of the view holding the replies that `in_view` accepts; returns the library
/// sorted again and the number of writes.
fn apply_move(
    library: Vec<Reply>,
    in_view: impl Fn(&Reply) -> bool,
    id: &str,
    to: usize,
) -> (Vec<Reply>, usize) {
    let library = sorted(library);
    let view: Vec<&Reply> = library.iter().filter(|r| in_view(r)).collect();
    let from = view.iter().position(|r| r.id == id).expect("in view");
    let plan = order::plan_move(&view, from, to, library_max(&library));
    let writes = plan.len();
    let by_id: HashMap<String, f64> = plan
        .into_iter()
        .map(|Placement { id, position }| (id, position))
        .collect();
    let moved = library
        .into_iter()
        .map(|mut r| {
            if let Some(&p) = by_id.get(&r.id) {
                r.position = Some(p);
            }
            r
        })
        .collect();
    (sorted(moved), writes)
}

#[test]
fn positioned_first_then_by_title_accents_and_case_ignored() {
    let library = sorted(vec![
        reply("d", "banana", None),
        reply("c", "Äpfel", None),
        reply("b", "zebra", Some(2.0)),
        reply("a", "yak", Some(-1.5)),
        reply("e", "apfel", None),
    ]);
    assert_eq!(ids(&library), ["a", "b", "c", "e", "d"]);
    assert_eq!(
        order::compare(&library[0], &library[1]),
        std::cmp::Ordering::Less
    );
    // A non-finite position (hand-edited file) counts as none.
    let odd = sorted(vec![reply("x", "b", Some(f64::NAN)), reply("y", "a", None)]);
    assert_eq!(ids(&odd), ["y", "x"]);
}

#[test]
fn favourites_are_numbered_in_manual_order_up_to_nine() {
    let mut replies: Vec<Reply> = (0..12)
        .map(|n| {
            let mut r = reply(&format!("f{n:02}"), &format!("Fav {n:02}"), None);
            r.favorite = n != 3;
            r
        })
        .collect();
    replies[11].position = Some(1.0);
    let favourites = order::favourites(&replies);
    assert_eq!(favourites.len(), 11);
    assert_eq!(favourites[0], 11, "the positioned favourite comes first");
    assert_eq!(order::favourite_number(&favourites, 11), Some(1));
    assert_eq!(order::favourite_number(&favourites, 0), Some(2));
    assert_eq!(order::favourite_number(&favourites, 2), Some(4));
    assert_eq!(order::favourite_number(&favourites, 4), Some(5));
    assert_eq!(
        order::favourite_number(&favourites, 3),
        None,
        "not a favourite"
    );
    assert_eq!(
        order::favourite_number(&favourites, 9),
        None,
        "tenth favourite"
    );
    let numbered: Vec<u8> = (0..12)
        .filter_map(|at| order::favourite_number(&favourites, at))
        .collect();
    assert_eq!(numbered.len(), 9);
}

#[test]
fn moving_between_positioned_neighbours_is_one_midpoint_write() {
    let library = vec![
        reply("a", "A", Some(1.0)),
        reply("b", "B", Some(2.0)),
        reply("c", "C", Some(3.0)),
        reply("d", "D", Some(4.0)),
    ];
    let (after, writes) = apply_move(library.clone(), |_| true, "d", 1);
    assert_eq!(ids(&after), ["a", "d", "b", "c"]);
    assert_eq!(writes, 1);
    assert_eq!(after[1].position, Some(1.5));
    let (after, writes) = apply_move(library.clone(), |_| true, "a", 3);
    assert_eq!(ids(&after), ["b", "c", "d", "a"]);
    assert_eq!((writes, after[3].position), (1, Some(5.0)));
    let (after, writes) = apply_move(library, |_| true, "c", 0);
    assert_eq!(ids(&after), ["c", "a", "b", "d"]);
    assert_eq!((writes, after[0].position), (1, Some(0.0)));
}

#[test]
fn step_by_step_up_and_down_in_a_never_arranged_library() {
    // Nothing positioned: the order is by title.
    let mut library: Vec<Reply> = ["a", "b", "c", "d", "e"]
        .iter()
        .map(|t| reply(t, t, None))
        .collect();
    // "d" up twice (Alt+↑ ×2).
    for to in [2, 1] {
        let (next, writes) = apply_move(library, |_| true, "d", to);
        assert!(writes <= 3, "{writes} writes");
        library = next;
    }
    assert_eq!(ids(&library), ["a", "d", "b", "c", "e"]);
    // "a" down three times.
    for to in [1, 2, 3] {
        library = apply_move(library, |_| true, "a", to).0;
    }
    assert_eq!(ids(&library), ["d", "b", "c", "a", "e"]);
    // Moving up to the very top of an unarranged list is a single write.
    let fresh: Vec<Reply> = ["a", "b", "c"].iter().map(|t| reply(t, t, None)).collect();
    let (after, writes) = apply_move(fresh, |_| true, "c", 0);
    assert_eq!((ids(&after), writes), (vec!["c", "a", "b"], 1));
}

#[test]
fn a_move_in_one_view_keeps_the_other_views_in_order() {
    // Two folders interleaved in the global order; moving inside folder "x" must not change folder "y".
    let mut library = Vec::new();
    for n in 0..6 {
        let mut r = reply(
            &format!("r{n}"),
            &format!("R{n}"),
            if n < 3 { Some(n as f64) } else { None },
        );
        r.folder = Some(if n % 2 == 0 { "x" } else { "y" }.into());
        library.push(r);
    }
    let in_y = |r: &Reply| r.folder.as_deref() == Some("y");
    let y_before: Vec<String> = sorted(library.clone())
        .into_iter()
        .filter(in_y)
        .map(|r| r.id)
        .collect();
    let in_x = |r: &Reply| r.folder.as_deref() == Some("x");
    let (after, _) = apply_move(library, in_x, "r4", 0);
    let x_now: Vec<&str> = after
        .iter()
        .filter(|r| in_x(r))
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(x_now, ["r4", "r0", "r2"]);
    let y_now: Vec<String> = after.into_iter().filter(in_y).map(|r| r.id).collect();
    assert_eq!(y_now, y_before);
}

#[test]
fn many_moves_into_the_same_gap_fall_back_to_renumbering() {
    let mut library = vec![
        reply("a", "A", Some(1.0)),
        reply("b", "B", Some(2.0)),
        reply("c", "C", Some(3.0)),
    ];
    // Move the last reply into second place, again and again: the gap after "a" halves each time.
    let mut renumbered = false;
    for _ in 0..120 {
        let last = library[2].id.clone();
        let (next, writes) = apply_move(library, |_| true, &last, 1);
        renumbered |= writes > 1;
        library = next;
        assert_eq!(library[0].id, "a");
        assert_eq!(library[1].id, last);
    }
    assert!(
        renumbered,
        "precision ran out at some point and the view was renumbered"
    );
    let positions: Vec<f64> = library.iter().map(|r| r.position.unwrap()).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
}

#[test]
fn nothing_to_do() {
    let library = [reply("a", "A", None), reply("b", "B", None)];
    let view: Vec<&Reply> = library.iter().collect();
    assert!(order::plan_move(&view, 0, 0, None).is_empty());
    assert!(order::plan_move(&view, 0, 2, None).is_empty());
    assert!(order::plan_move(&view, 5, 0, None).is_empty());
}

fn fav_reply(id: &str, title: &str, position: Option<f64>, favorite: bool) -> Reply {
    Reply {
        position,
        favorite,
        ..Reply::new(id, title, "body")
    }
}

#[test]
fn manual_positions_come_first_then_titles_ignoring_case_and_accents() {
    // "Äpfel" folds to "apfel", which sorts before "apples".
    let replies = vec![
        fav_reply("a", "zebra", None, false),
        fav_reply("b", "Äpfel", None, false),
        fav_reply("c", "last by hand", Some(2.0), false),
        fav_reply("d", "first by hand", Some(-1.5), false),
        fav_reply("e", "apples", None, false),
    ];
    let titles: Vec<&str> = order::sorted(&replies)
        .into_iter()
        .map(|i| replies[i].title.as_str())
        .collect();
    assert_eq!(
        titles,
        ["first by hand", "last by hand", "Äpfel", "apples", "zebra"]
    );
}

#[test]
fn favourites_follow_library_order() {
    let replies = vec![
        fav_reply("a", "Shipping", None, true),
        fav_reply("b", "Refund", Some(1.0), true),
        fav_reply("c", "Hours", None, false),
        fav_reply("d", "Apology", None, true),
    ];
    let ids: Vec<&str> = favourites(&replies)
        .into_iter()
        .map(|i| replies[i].id.as_str())
        .collect();
    assert_eq!(ids, ["b", "d", "a"]);
}

#[test]
fn between_is_strictly_between_its_neighbours() {
    assert_eq!(between(None, None), 0.0);
    assert!(between(Some(1.0), Some(2.0)) > 1.0 && between(Some(1.0), Some(2.0)) < 2.0);
    assert!(between(None, Some(-3.0)) < -3.0);
    assert!(between(Some(7.0), None) > 7.0);
    // Repeated halving keeps ordering for many moves into the same gap.
    let (low, mut high) = (0.0, 1.0);
    for _ in 0..40 {
        let mid = between(Some(low), Some(high));
        assert!(mid > low && mid < high);
        high = mid;
    }
}

#[test]
fn picker_order_by_use_keeps_favourites_first_and_breaks_ties_by_library_order() {
    use answerdeck::core::order::by_rank;
    let replies = vec![
        Reply::new("a", "Alpha", "Hi"),
        Reply {
            favorite: true,
            ..Reply::new("b", "Bravo", "Hi")
        },
        Reply::new("c", "Charlie", "Hi"),
        Reply::new("d", "Delta", "Hi"),
    ];
    let uses = |r: &Reply| match r.id.as_str() {
        "c" => 9.0,
        "d" => 3.0,
        _ => 0.0,
    };
    let ids: Vec<&str> = by_rank(&replies, uses)
        .into_iter()
        .map(|i| replies[i].id.as_str())
        .collect();
    assert_eq!(ids, ["b", "c", "d", "a"]);
    let flat: Vec<&str> = by_rank(&replies, |_| 0.0)
        .into_iter()
        .map(|i| replies[i].id.as_str())
        .collect();
    assert_eq!(
        flat,
        ["b", "a", "c", "d"],
        "no use: favourites, then library order"
    );
}

#[test]
fn the_shared_index_sort_is_stable_and_agrees_with_the_standard_one() {
    use answerdeck::core::sort::sorted_indices;
    let mut seed = 7u64;
    for n in [0usize, 1, 2, 3, 5, 8, 17, 64, 100, 1000] {
        let values: Vec<u32> = (0..n)
            .map(|_| {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                (seed >> 33) as u32 % 10
            })
            .collect();
        let ours = sorted_indices(n, &mut |a, b| values[a].cmp(&values[b]));
        let mut expected: Vec<usize> = (0..n).collect();
        expected.sort_by_key(|&i| values[i]); // stable
        assert_eq!(ours, expected, "n = {n}");
    }
}
