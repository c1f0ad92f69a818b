//! The pure parts of reading waits from list rows: a preview line's time, and whether the user spoke last.
use answerdeck::sites::facebook::selectors::OWN_PREVIEW_PREFIXES;
use answerdeck::sites::waits::{split_preview, starts_with_any};

#[test]
fn a_preview_line_ends_in_its_time() {
    let cases = [
        (
            "Any news on the delivery to Vienna? · 4m",
            ("Any news on the delivery to Vienna?", Some("4m")),
        ),
        (
            "You: Yes — Saturday 9:00–14:00 ☕ · 1h",
            ("You: Yes — Saturday 9:00–14:00 ☕", Some("1h")),
        ),
        (
            "Habt ihr den Winterblend? · 5 Std.",
            ("Habt ihr den Winterblend?", Some("5 Std.")),
        ),
        (
            "Søren: Har I også hele bønner? · 3 t",
            ("Søren: Har I også hele bønner?", Some("3 t")),
        ),
        ("Price · quality · 2d", ("Price · quality", Some("2d"))),
        ("No time here", ("No time here", None)),
        ("Ends with a dot · ", ("Ends with a dot ·", None)),
        (
            "A long tail · that is a sentence and not a time at all",
            (
                "A long tail · that is a sentence and not a time at all",
                None,
            ),
        ),
    ];
    for (line, expected) in cases {
        assert_eq!(split_preview(line), expected, "{line}");
    }
}

#[test]
fn own_previews_are_recognised_in_each_language_and_customers_are_not() {
    for own in [
        "You: Yes",
        "You sent a photo.",
        "Du: Ja",
        "Du hast ein Foto gesendet.",
        "Dig: Ja",
        "you: lower case",
    ] {
        assert!(starts_with_any(own, OWN_PREVIEW_PREFIXES), "{own}");
    }
    for theirs in [
        "Youssef: Hi",
        "Any news?",
        "Dušan: Ahoj",
        "Søren: Har I",
        "Younger customers ask…",
    ] {
        assert!(!starts_with_any(theirs, OWN_PREVIEW_PREFIXES), "{theirs}");
    }
}

use answerdeck::sites::waits::{before_status, day_and_clock, label_time, unanswered, Said};

fn said(mine: bool, id: &str, at: Option<&str>) -> Said {
    Said {
        mine,
        id: id.into(),
        at: at.map(String::from),
        agent: mine.then(|| "Lena".to_string()),
    }
}

#[test]
fn unanswered_messages_are_those_after_the_users_last() {
    let (times, answer, agent) = unanswered(vec![
        said(false, "a", Some("09:38")),
        said(true, "b", Some("09:44")),
        said(false, "c", None),
        said(false, "d", Some("09:51")),
    ]);
    let ids: Vec<(&str, Option<&str>)> = times
        .iter()
        .map(|s| (s.id.as_str(), s.at.as_deref()))
        .collect();
    // "c" has no time of its own: it is no later than "d", the next one that has.
    assert_eq!(ids, [("c", Some("09:51")), ("d", Some("09:51"))]);
    assert_eq!(answer.map(|a| a.id), Some("b".to_string()));
    assert_eq!(agent.as_deref(), Some("Lena"));
    let (times, answer, _) = unanswered(vec![said(false, "a", None), said(true, "b", None)]);
    assert!(times.is_empty());
    assert_eq!(answer.map(|a| a.id), Some("b".to_string()));
    let (times, answer, agent) = unanswered(vec![said(false, "a", Some("1h"))]);
    assert_eq!(times.len(), 1);
    assert!(answer.is_none() && agent.is_none());
    assert!(unanswered(Vec::new()).0.is_empty());
}

#[test]
fn a_message_is_dated_by_its_separator_day_and_bubble_clock() {
    let cases = [
        (Some("Today"), Some("09:51"), Some("Today 09:51")),
        (Some("Today 09:38"), Some("09:51"), Some("Today 09:51")),
        (
            Some("Yesterday, 4:05 PM"),
            Some("16:20"),
            Some("Yesterday 16:20"),
        ),
        (
            Some("15 Eyl Sal, 21:47"),
            Some("21:50"),
            Some("15 Eyl Sal 21:50"),
        ),
        (Some("Gestern"), None, Some("Gestern")),
        // Midnight passed since the separator: the bubble's clock alone.
        (Some("Yesterday 23:50"), Some("00:23"), Some("00:23")),
        (Some("I går 23:10"), Some("23:40"), Some("I går 23:40")),
        (Some("09:38"), Some("09:51"), Some("09:51")),
        (None, Some("09:51"), Some("09:51")),
        (None, None, None),
    ];
    for (day, clock, expected) in cases {
        assert_eq!(
            day_and_clock(day, clock).as_deref(),
            expected,
            "{day:?} {clock:?}"
        );
    }
}

#[test]
fn footers_and_labels_give_their_time() {
    assert_eq!(before_status("9:44 AM · Seen"), "9:44 AM");
    assert_eq!(before_status("Gestern, 17:05 · Gesehen"), "Gestern, 17:05");
    assert_eq!(before_status("4:02 PM"), "4:02 PM");
    assert_eq!(
        label_time("Comment by Jonas Becker 2 hours ago"),
        Some("2 hours ago")
    );
    assert_eq!(
        label_time("Kommentar von Zoë Lefèvre vor 1 Stunde"),
        Some("1 Stunde")
    );
    assert_eq!(label_time("Comment by Jonas Becker"), None);
}
