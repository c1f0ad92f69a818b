use answerdeck::core::order::{between, favourites, sorted};
use answerdeck::core::reply::Reply;

fn reply(id: &str, title: &str, position: Option<f64>, favorite: bool) -> Reply {
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
        reply("a", "zebra", None, false),
        reply("b", "Äpfel", None, false),
        reply("c", "last by hand", Some(2.0), false),
        reply("d", "first by hand", Some(-1.5), false),
        reply("e", "apples", None, false),
    ];
    let titles: Vec<&str> = sorted(&replies)
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
        reply("a", "Shipping", None, true),
        reply("b", "Refund", Some(1.0), true),
        reply("c", "Hours", None, false),
        reply("d", "Apology", None, true),
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
