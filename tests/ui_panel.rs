//! The pure parts of the label menu and notes panel (src/ui/panel), tested natively: the URL hash, relative
//! times, the menu's rows and the palette. The panel module itself only builds for wasm (it is UI), so its
//! pure files are included here by path; `crate::core` inside them resolves to the library's core.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

mod core {
    pub use answerdeck::core::*;
}

#[path = "../src/ui/panel/menu.rs"]
mod menu;
#[path = "../src/ui/panel/palette.rs"]
mod palette;
#[path = "../src/ui/panel/params.rs"]
mod params;
#[path = "../src/ui/panel/time.rs"]
mod time;

use answerdeck::core::labels::Label;
use menu::Entry;
use params::{Mode, Named};

// --- params ----------------------------------------------------------------------------------------------

#[test]
fn labels_hash_is_read_with_form_decoding() {
    let p = params::parse("#mode=labels&subject=fb%3Athread%3A123&name=Jonas+Becker").unwrap();
    assert_eq!(p.mode, Mode::Labels);
    assert_eq!(p.subject.key, "fb:thread:123");
    assert_eq!(p.subject.name, "Jonas Becker");
    assert_eq!(p.person, None);
    assert_eq!(p.subject_title(), "Jonas Becker");
}

#[test]
fn notes_hash_with_a_person() {
    let p = params::parse(
        "mode=notes&subject=x%3Adm%3A1-2&name=J%C3%B6rg%20M%C3%BCller&person=x%3Auser%3Ajoerg&person_name=J%C3%B6rg&n=3",
    )
    .unwrap();
    assert_eq!(p.mode, Mode::Notes);
    assert_eq!(p.subject.name, "Jörg Müller");
    assert_eq!(
        p.person,
        Some(Named {
            key: "x:user:joerg".into(),
            name: "Jörg".into()
        })
    );
    assert_eq!(p.person_title(), Some("Jörg"));
}

#[test]
fn a_person_equal_to_the_subject_or_on_labels_is_dropped() {
    let same = params::parse("#mode=notes&subject=fb:user:1&person=fb:user:1").unwrap();
    assert_eq!(same.person, None);
    let labels = params::parse("#mode=labels&subject=fb:thread:1&person=fb:user:1").unwrap();
    assert_eq!(labels.person, None);
}

#[test]
fn missing_or_unknown_parts_are_refused_in_words() {
    assert!(params::parse("").unwrap_err().contains("without saying"));
    assert!(params::parse("#mode=stats&subject=a")
        .unwrap_err()
        .contains("stats"));
    assert!(params::parse("#mode=labels&name=x")
        .unwrap_err()
        .contains("which conversation"));
    assert!(params::parse("#mode=labels&subject=+").is_err());
}

#[test]
fn empty_names_have_neutral_titles() {
    let p = params::parse("#mode=notes&subject=fb:thread:1&person=fb:user:2").unwrap();
    assert_eq!(p.subject_title(), "this conversation");
    assert_eq!(p.person_title(), Some("this person"));
}

#[test]
fn malformed_escapes_are_kept_and_bad_utf8_replaced() {
    assert_eq!(params::decode("100%"), "100%");
    assert_eq!(params::decode("a%zzb"), "a%zzb");
    assert_eq!(params::decode("%4"), "%4");
    assert_eq!(params::decode("%FF"), "\u{FFFD}");
    assert_eq!(params::decode("%E2%80%9CVIP%E2%80%9D"), "“VIP”");
    assert_eq!(params::decode("a%2Bb+c"), "a+b c");
}

// --- time ------------------------------------------------------------------------------------------------

#[test]
fn iso_times_are_read() {
    assert_eq!(time::parse_iso("1970-01-01T00:00:00Z"), Some(0.0));
    assert_eq!(
        time::parse_iso("2026-11-22T10:00:00Z"),
        Some(1_795_341_600_000.0)
    );
    assert_eq!(
        time::parse_iso("2026-11-22T10:00:00.5Z"),
        Some(1_795_341_600_500.0)
    );
    assert_eq!(
        time::parse_iso("2026-11-22T10:00:00.123456Z"),
        Some(1_795_341_600_123.0)
    );
    assert_eq!(
        time::parse_iso("2026-11-22T12:00:00+02:00"),
        Some(1_795_341_600_000.0)
    );
    assert_eq!(
        time::parse_iso("2026-11-22T05:30:00-0430"),
        Some(1_795_341_600_000.0)
    );
    assert_eq!(
        time::parse_iso("2026-11-22 10:00"),
        Some(1_795_341_600_000.0)
    );
    assert_eq!(time::parse_iso("2026-11-22"), Some(1_795_305_600_000.0));
    assert_eq!(
        time::parse_iso("2024-02-29T00:00:00Z"),
        Some(1_709_164_800_000.0)
    );
    assert_eq!(time::parse_iso("1969-12-31T23:59:59Z"), Some(-1000.0));
}

#[test]
fn broken_times_are_none() {
    for text in [
        "",
        "yesterday",
        "2026-13-01",
        "2026-11-22T25:00:00Z",
        "2026-11-22T10",
        "26-11-22",
        "2026-11-22T10:00:00.x",
    ] {
        assert_eq!(time::parse_iso(text), None, "{text}");
    }
}

#[test]
fn relative_times_read_naturally() {
    const MIN: f64 = 60_000.0;
    let now = 1_795_341_600_000.0;
    let ago = |ms: f64| time::relative(now, now - ms);
    assert_eq!(ago(-5.0 * MIN), "just now");
    assert_eq!(ago(10_000.0), "just now");
    assert_eq!(ago(50_000.0), "1 min ago");
    assert_eq!(ago(3.0 * MIN), "3 min ago");
    assert_eq!(ago(59.0 * MIN + 50_000.0), "59 min ago");
    assert_eq!(ago(60.0 * MIN), "1 hour ago");
    assert_eq!(ago(5.0 * 60.0 * MIN), "5 hours ago");
    assert_eq!(ago(30.0 * 60.0 * MIN), "yesterday");
    assert_eq!(ago(3.0 * 1440.0 * MIN), "3 days ago");
    assert_eq!(ago(7.0 * 1440.0 * MIN), "1 week ago");
    assert_eq!(ago(20.0 * 1440.0 * MIN), "2 weeks ago");
    assert_eq!(ago(40.0 * 1440.0 * MIN), "1 month ago");
    assert_eq!(ago(200.0 * 1440.0 * MIN), "6 months ago");
    assert_eq!(ago(800.0 * 1440.0 * MIN), "2 years ago");
}

// --- menu ------------------------------------------------------------------------------------------------

fn labels(names: &[&str]) -> Vec<Label> {
    names
        .iter()
        .enumerate()
        .map(|(i, name)| Label {
            id: format!("l{i}"),
            name: (*name).into(),
            color: "#d93025".into(),
            ..Label::default()
        })
        .collect()
}

#[test]
fn empty_query_lists_every_label() {
    let all = labels(&["Order issue", "VIP", "Wholesale"]);
    assert_eq!(
        menu::entries(&all, "  "),
        vec![Entry::Label(0), Entry::Label(1), Entry::Label(2)]
    );
}

#[test]
fn typing_filters_ignoring_case_and_accents_prefix_first() {
    let all = labels(&["Café order", "Order issue", "Réorder", "VIP"]);
    assert_eq!(
        menu::entries(&all, "ORDER"),
        vec![
            Entry::Label(1),
            Entry::Label(0),
            Entry::Label(2),
            Entry::Create("ORDER".into())
        ]
    );
    assert_eq!(
        menu::entries(&all, "cafe"),
        vec![Entry::Label(0), Entry::Create("cafe".into())]
    );
}

#[test]
fn an_exact_name_has_no_create_row() {
    let all = labels(&["VIP", "VIP customer"]);
    assert_eq!(
        menu::entries(&all, " vip "),
        vec![Entry::Label(0), Entry::Label(1)]
    );
}

#[test]
fn nothing_matching_makes_create_the_first_row() {
    let all = labels(&["VIP"]);
    assert_eq!(
        menu::entries(&all, "  Waiting   for courier "),
        vec![Entry::Create("Waiting for courier".into())]
    );
    assert_eq!(
        menu::entries(&[], "Wholesale"),
        vec![Entry::Create("Wholesale".into())]
    );
}

#[test]
fn the_highlight_wraps() {
    assert_eq!(menu::step(0, 3, 1), 1);
    assert_eq!(menu::step(2, 3, 1), 0);
    assert_eq!(menu::step(0, 3, -1), 2);
    assert_eq!(menu::step(7, 3, 1), 0);
    assert_eq!(menu::step(0, 0, 1), 0);
}

// --- palette ---------------------------------------------------------------------------------------------

#[test]
fn palette_names_and_checks() {
    assert_eq!(palette::name_of("#D93025"), Some("Red"));
    assert_eq!(palette::name_of("#123456"), None);
    assert!(palette::is_hex_color("#1a73e8"));
    for bad in ["1a73e8", "#1a73e", "#1a73eg", "red", "#1a73e8;x"] {
        assert!(!palette::is_hex_color(bad), "{bad}");
    }
}

#[test]
fn new_labels_take_the_first_unused_colour_then_repeat() {
    assert_eq!(palette::next_color([].iter().copied()), "#d93025");
    assert_eq!(
        palette::next_color(["#D93025", "#188038"].iter().copied()),
        "#e8710a"
    );
    let all: Vec<&str> = palette::PALETTE.iter().map(|(_, hex)| *hex).collect();
    assert_eq!(palette::next_color(all.iter().copied()), "#d93025");
    let nine: Vec<&str> = all.iter().copied().chain(["#d93025"]).collect();
    assert_eq!(palette::next_color(nine.iter().copied()), "#e8710a");
}

#[test]
fn the_second_subject_is_named_by_its_kind() {
    let place = |key: &str| {
        params::parse(&format!("#mode=notes&subject={key}"))
            .unwrap()
            .subject_place()
    };
    assert_eq!(place("fb:thread:1"), "This conversation");
    assert_eq!(place("x:dm:1-2"), "This conversation");
    assert_eq!(place("fb:comment:9"), "This comment");
    assert_eq!(place("x:status:9"), "This post");
}

#[test]
fn the_panel_offers_the_cores_palette() {
    // The panel's copy and the store's palette (what imports and the options page use) must not drift.
    let core: Vec<(&str, &str)> = answerdeck::core::labels::PALETTE
        .iter()
        .map(|swatch| (swatch.name, swatch.color))
        .collect();
    assert_eq!(core, palette::PALETTE.to_vec());
}
