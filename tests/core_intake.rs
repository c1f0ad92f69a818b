//! Imports leave out replies whose text is already there, keep updates, and report near duplicates.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use answerdeck::core::exchange::dupes::DuplicateKind;
use answerdeck::core::intake::{sift, Finding};
use answerdeck::core::reply::Reply;

fn reply(id: &str, title: &str, body: &str) -> Reply {
    Reply::new(id, title, body)
}

fn ids(replies: &[Reply]) -> Vec<&str> {
    replies.iter().map(|r| r.id.as_str()).collect()
}

fn library() -> Vec<Reply> {
    vec![
        reply(
            "r-hours",
            "Opening hours",
            "We're open Monday to Friday, 8–18.",
        ),
        reply(
            "r-order",
            "Order status",
            "Please send us your order number.",
        ),
    ]
}

#[test]
fn the_same_text_under_a_new_id_is_skipped_and_reported() {
    let incoming = vec![
        // A spreadsheet row without id gets a new one; its text is the stored reply's (case, spaces).
        reply(
            "r-opening-hours-2",
            "Opening hours",
            "we're open monday  to friday, 8–18.",
        ),
        reply("r-refund", "Refund", "Your refund is on its way."),
    ];
    let intake = sift(&library(), incoming);
    assert_eq!(ids(&intake.replies), ["r-refund"]);
    assert_eq!(intake.skipped, 1);
    assert_eq!(
        intake.findings,
        vec![Finding {
            index: 0,
            title: "Opening hours".into(),
            of: "Opening hours".into(),
            in_file: false,
            kind: DuplicateKind::SameText,
            skipped: true,
        }]
    );
}

#[test]
fn importing_the_same_file_twice_adds_nothing_the_second_time() {
    let file = vec![
        reply("r-a", "Alpha", "First text"),
        reply("r-b", "Beta", "Second text"),
    ];
    let first = sift(&library(), file.clone());
    assert_eq!(first.skipped, 0);
    let mut stored = library();
    stored.extend(first.replies);
    // The second time the rows come with other ids (as CSV rows without an id column would).
    let again: Vec<Reply> = file
        .into_iter()
        .map(|mut r| {
            r.id.push_str("-2");
            r
        })
        .collect();
    let second = sift(&stored, again);
    assert!(second.replies.is_empty());
    assert_eq!(second.skipped, 2);
    assert!(second.findings.iter().all(|f| f.skipped && !f.in_file));
}

#[test]
fn a_stored_id_is_an_update_even_with_text_found_elsewhere() {
    // r-order is updated to the text of r-hours: an update, not a new duplicate.
    let incoming = vec![reply(
        "r-order",
        "Order status",
        "We're open Monday to Friday, 8–18.",
    )];
    let intake = sift(&library(), incoming);
    assert_eq!(ids(&intake.replies), ["r-order"]);
    assert_eq!(intake.skipped, 0);
    assert!(intake.findings.iter().all(|f| !f.skipped));
}

#[test]
fn repeats_inside_the_file_keep_the_first() {
    let incoming = vec![
        reply("r-x", "Thanks", "Thank you so much!"),
        reply("r-y", "Thanks again", "Thank you so much!"),
    ];
    let intake = sift(&library(), incoming);
    assert_eq!(ids(&intake.replies), ["r-x"]);
    assert_eq!(intake.skipped, 1);
    assert_eq!(intake.findings.len(), 1);
    assert!(intake.findings[0].in_file);
    assert_eq!(intake.findings[0].of, "Thanks");
    assert_eq!(intake.findings[0].title, "Thanks again");
}

#[test]
fn near_duplicates_are_imported_and_reported() {
    let mut with_shortcut = reply(
        "r-status",
        "Where is my parcel",
        "Different words entirely.",
    );
    with_shortcut.shortcut = Some("order".into());
    let mut stored = library();
    stored[1].shortcut = Some("order".into());
    let incoming = vec![
        reply("r-oder", "Oder status", "Another text about orders."),
        with_shortcut,
    ];
    let intake = sift(&stored, incoming);
    assert_eq!(ids(&intake.replies), ["r-oder", "r-status"]);
    assert_eq!(intake.skipped, 0);
    let kinds: Vec<(usize, DuplicateKind, bool)> = intake
        .findings
        .iter()
        .map(|f| (f.index, f.kind, f.skipped))
        .collect();
    assert_eq!(
        kinds,
        [
            (0, DuplicateKind::SimilarTitle, false),
            (1, DuplicateKind::ShortcutConflict, false)
        ]
    );
    assert_eq!(intake.findings[0].of, "Order status");
}
