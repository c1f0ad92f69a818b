//! The options list's shelves, `#tag` queries, folder counts and usage text.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use answerdeck::core::browse::{self, Query, Shelf, UNUSED_DAYS};
use answerdeck::core::reply::Reply;
use answerdeck::core::usage::{Usage, DAY_MS};

const NOW: f64 = 1_800_000_000_000.0;

fn reply(id: &str, folder: Option<&str>, tags: &[&str], favorite: bool) -> Reply {
    Reply {
        folder: folder.map(str::to_string),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        favorite,
        ..Reply::new(id, id, "Hi")
    }
}

fn used(days_ago: f64, count: u32) -> Usage {
    Usage {
        count,
        last_used_ms: NOW - days_ago * DAY_MS,
    }
}

#[test]
fn shelves_hold_what_their_names_say() {
    let orders = reply("a", Some(" Orders "), &[], true);
    let blank = reply("b", Some("  "), &[], false);
    let none = reply("c", None, &[], false);
    assert!(Shelf::All.holds(&none, None, NOW));
    assert!(Shelf::Favourites.holds(&orders, None, NOW));
    assert!(!Shelf::Favourites.holds(&none, None, NOW));
    assert!(Shelf::Folder("Orders".into()).holds(&orders, None, NOW));
    assert!(!Shelf::Folder("orders".into()).holds(&orders, None, NOW));
    assert!(
        Shelf::NoFolder.holds(&blank, None, NOW),
        "a blank folder is no folder"
    );
    assert!(Shelf::NoFolder.holds(&none, None, NOW));
    assert!(!Shelf::NoFolder.holds(&orders, None, NOW));
}

#[test]
fn unused_means_not_in_the_last_90_days_or_never() {
    let r = reply("a", None, &[], false);
    let unused = |usage: Option<Usage>| Shelf::Unused.holds(&r, usage.as_ref(), NOW);
    assert!(unused(None), "never used");
    assert!(unused(Some(Usage::default())), "count 0");
    assert!(unused(Some(used(UNUSED_DAYS, 40))), "exactly 90 days ago");
    assert!(unused(Some(used(400.0, 3))));
    assert!(!unused(Some(used(89.9, 1))));
    assert!(!unused(Some(used(0.0, 1))));
    assert!(browse::is_unused(None, NOW));
}

#[test]
fn hash_words_filter_by_tag_the_rest_is_text() {
    let q = Query::parse("  #Orders late  #délai #orders ");
    assert_eq!(q.tags, ["orders", "delai"]);
    assert_eq!(q.text, "late");
    assert!(!q.is_empty());
    assert!(q.tags_match(&reply("a", None, &["ORDERS", "Délai", "x"], false)));
    assert!(!q.tags_match(&reply("b", None, &["orders"], false)));
    assert!(
        !q.tags_match(&reply("c", None, &["order", "delai"], false)),
        "whole tags only"
    );
    let bare = Query::parse("# order #");
    assert!(bare.tags.is_empty());
    assert_eq!(bare.text, "# order #");
    assert!(Query::parse("   ").is_empty());
    assert_eq!(browse::tag_query(" orders "), "#orders");
    assert_eq!(Query::parse(&browse::tag_query("Orders")).tags, ["orders"]);
}

#[test]
fn folder_counts_are_sorted_and_blank_folders_count_as_none() {
    let replies = [
        reply("a", Some("Orders"), &[], false),
        reply("b", Some("Ärger"), &[], false),
        reply("c", Some("orders "), &[], false),
        reply("d", None, &[], false),
        reply("e", Some(""), &[], false),
        reply("f", Some("Billing"), &[], false),
        reply("g", Some("Orders"), &[], false),
    ];
    let (folders, none) = browse::folder_counts(&replies);
    assert_eq!(
        folders,
        vec![
            ("Ärger".to_string(), 1),
            ("Billing".to_string(), 1),
            ("Orders".to_string(), 2),
            ("orders".to_string(), 1),
        ]
    );
    assert_eq!(none, 2);
}

#[test]
fn usage_reads_like_a_sentence() {
    assert_eq!(browse::used_text(None, NOW), "never used");
    assert_eq!(
        browse::used_text(Some(&Usage::default()), NOW),
        "never used"
    );
    assert_eq!(
        browse::used_text(Some(&used(3.2, 12)), NOW),
        "used 12× · last 3 days ago"
    );
    assert_eq!(
        browse::used_text(Some(&used(0.0, 1)), NOW),
        "used 1× · last just now"
    );
    let cases = [
        (30_000.0, "just now"),
        (60_000.0, "1 minute ago"),
        (5.5 * 60_000.0, "5 minutes ago"),
        (3_600_000.0, "1 hour ago"),
        (23.9 * 3_600_000.0, "23 hours ago"),
        (1.5 * DAY_MS, "yesterday"),
        (2.0 * DAY_MS, "2 days ago"),
        (13.9 * DAY_MS, "13 days ago"),
        (14.0 * DAY_MS, "2 weeks ago"),
        (60.0 * DAY_MS, "8 weeks ago"),
        (90.0 * DAY_MS, "2 months ago"),
        (364.0 * DAY_MS, "11 months ago"),
        (800.0 * DAY_MS, "2 years ago"),
        (-5_000.0, "just now"),
    ];
    for (elapsed, expected) in cases {
        assert_eq!(browse::ago(elapsed), expected, "{elapsed}");
    }
}
