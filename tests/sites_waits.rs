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
