//! Suggestions for a customer's message: a realistic library (tests/fixtures/suggest/library.json,
//! data format v1) against real-looking messages (cases.json) with the replies an agent would pick;
//! language, usage and fallback rules on small libraries.
//!
//! `cargo test --test core_suggest -- --nocapture` prints hit@1 and hit@3 over the cases.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use answerdeck::core::exchange::parse_v1;
use answerdeck::core::reply::Reply;
use answerdeck::core::search::Index;
use answerdeck::core::suggest::{suggest, Customer};
use answerdeck::core::usage::{Usage, UsageMap, DAY_MS};
use serde_json::Value;

const NOW: f64 = 1_790_000_000_000.0;

fn library() -> Vec<Reply> {
    let text = std::fs::read_to_string("tests/fixtures/suggest/library.json").unwrap();
    parse_v1(&text).unwrap().replies
}

struct Case {
    language: String,
    text: String,
    expected: Vec<String>,
}

fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string("tests/fixtures/suggest/cases.json").unwrap();
    let json: Value = serde_json::from_str(&text).unwrap();
    json["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|case| Case {
            language: case["language"].as_str().unwrap().to_string(),
            text: case["text"].as_str().unwrap().to_string(),
            expected: case["expected"]
                .as_array()
                .unwrap()
                .iter()
                .map(|id| id.as_str().unwrap().to_string())
                .collect(),
        })
        .collect()
}

fn ids(replies: &[Reply], found: &[usize]) -> Vec<String> {
    found.iter().map(|&i| replies[i].id.clone()).collect()
}

fn suggested(
    index: &Index,
    replies: &[Reply],
    usage: &UsageMap,
    text: &str,
    language: Option<&str>,
) -> Vec<String> {
    let customer = Customer { text, language };
    ids(replies, &suggest(index, replies, usage, &customer, NOW, 3))
}

#[test]
fn the_fixture_library_is_a_valid_v1_file_in_three_languages() {
    let replies = library();
    assert!((40..=60).contains(&replies.len()), "{}", replies.len());
    for reply in &replies {
        assert_eq!(reply.language.as_deref(), Some("en"), "{}", reply.id);
        for code in ["de", "da"] {
            assert!(
                reply.variants.contains_key(code),
                "{} lacks {code}",
                reply.id
            );
        }
    }
    let cases = cases();
    assert!(cases.len() >= 40);
    for language in ["en", "de", "da", "sv", "nb", "nl"] {
        assert!(
            cases.iter().any(|case| case.language == language),
            "{language}"
        );
    }
    for case in &cases {
        for id in &case.expected {
            assert!(replies.iter().any(|r| &r.id == id), "unknown id {id}");
        }
    }
}

/// Shares of the cases that must stay found (measured: hit@3 62 of 69, hit@1 54 of 69). Suggestions
/// work on the words alone: a few messages share no telling word with their reply (praise without a
/// "thank", Swedish or Dutch customers with replies in en/de/da only, "are you hiring" for a reply
/// about jobs), so not every case can be a hit; the test prints the misses.
const MIN_HIT_AT_3: f64 = 0.88;
const MIN_HIT_AT_1: f64 = 0.75;

#[test]
fn customer_messages_get_their_reply_in_the_top_3() {
    let replies = library();
    let index = Index::new(&replies);
    let usage = UsageMap::new();
    let cases = cases();
    let (mut first, mut top3) = (0, 0);
    let (mut misses, mut not_first) = (Vec::new(), Vec::new());
    for case in &cases {
        let found = suggested(&index, &replies, &usage, &case.text, Some(&case.language));
        let line = format!(
            "  [{}] {:?}\n      expected one of {:?}, got {:?}",
            case.language, case.text, case.expected, found
        );
        if case.expected.iter().any(|id| found.first() == Some(id)) {
            first += 1;
        } else if case.expected.iter().any(|id| found.contains(id)) {
            not_first.push(line);
        } else {
            misses.push(line);
        }
        if case.expected.iter().any(|id| found.contains(id)) {
            top3 += 1;
        }
    }
    let share = |hits: usize| hits as f64 / cases.len() as f64;
    println!(
        "{} cases: hit@1 {first} ({:.0} %), hit@3 {top3} ({:.0} %)",
        cases.len(),
        100.0 * share(first),
        100.0 * share(top3)
    );
    println!("not in the top 3:\n{}", misses.join("\n"));
    println!("in the top 3 but not first:\n{}", not_first.join("\n"));
    assert!(
        share(top3) >= MIN_HIT_AT_3,
        "hit@3 {top3} of {}",
        cases.len()
    );
    assert!(
        share(first) >= MIN_HIT_AT_1,
        "hit@1 {first} of {}",
        cases.len()
    );
}

#[test]
fn no_language_given_still_finds_the_reply() {
    // The caller may not know the language: relevance alone must carry most cases.
    let replies = library();
    let index = Index::new(&replies);
    let usage = UsageMap::new();
    let cases = cases();
    let hits = cases
        .iter()
        .filter(|case| {
            let found = suggested(&index, &replies, &usage, &case.text, None);
            case.expected.iter().any(|id| found.contains(id))
        })
        .count();
    println!("without a language: hit@3 {hits} of {}", cases.len());
    assert!(
        hits as f64 >= 0.85 * cases.len() as f64,
        "{hits} of {}",
        cases.len()
    );
}

fn used(count: u32, days_ago: f64) -> Usage {
    Usage {
        count,
        last_used_ms: NOW - days_ago * DAY_MS,
    }
}

#[test]
fn usage_breaks_ties_between_equally_relevant_replies() {
    let replies = vec![
        Reply::new("a", "Where is my order", "Your parcel is on its way."),
        Reply::new("b", "Where is my order", "Your parcel is on its way."),
        Reply::new("c", "Opening hours", "We open at 9."),
    ];
    let index = Index::new(&replies);
    let text = "where is my order?";
    let mut usage = UsageMap::new();
    assert_eq!(
        suggested(&index, &replies, &usage, text, None),
        ["a", "b", "c"]
    );
    usage.insert("b".into(), used(3, 1.0));
    assert_eq!(
        suggested(&index, &replies, &usage, text, None),
        ["b", "a", "c"]
    );
    // The same count: the more recent use wins.
    usage.insert("a".into(), used(3, 30.0));
    assert_eq!(
        suggested(&index, &replies, &usage, text, None),
        ["b", "a", "c"]
    );
    usage.insert("a".into(), used(3, 0.5));
    assert_eq!(
        suggested(&index, &replies, &usage, text, None),
        ["a", "b", "c"]
    );
    // The same recency: the more frequent wins.
    usage.insert("a".into(), used(3, 1.0));
    usage.insert("b".into(), used(40, 1.0));
    assert_eq!(
        suggested(&index, &replies, &usage, text, None),
        ["b", "a", "c"]
    );
}

#[test]
fn usage_does_not_override_relevance() {
    let replies = library();
    let index = Index::new(&replies);
    let mut usage = UsageMap::new();
    // The most used replies of a busy team, used a minute ago.
    for id in [
        "r-thanks-praise",
        "r-move-to-dm",
        "r-opening-hours",
        "r-sorry-experience",
    ] {
        usage.insert(id.into(), used(5_000, 0.001));
    }
    for (text, language, expected) in [
        (
            "Where is my order?? Ordered last Tuesday",
            "en",
            "r-order-status",
        ),
        ("Habt ihr auch entkoffeinierten Kaffee?", "de", "r-decaf"),
        ("Har I koffeinfri kaffe?", "da", "r-decaf"),
        ("Do you ship to Norway?", "en", "r-international-shipping"),
    ] {
        let found = suggested(&index, &replies, &usage, text, Some(language));
        assert_eq!(found[0], expected, "{text:?}: {found:?}");
        assert!(
            !found.contains(&"r-thanks-praise".to_string()),
            "{text:?}: {found:?}"
        );
    }
}

#[test]
fn replies_in_the_customers_language_come_first_among_equals() {
    let mut german = Reply::new("with-de", "Order status", "Your order is on its way.");
    german
        .variants
        // As many words as the body: only the language may make a difference.
        .insert("de".into(), "Deine Bestellung ist auf dem Weg.".into());
    let replies = vec![
        Reply::new("en-only", "Order status", "Your order is on its way."),
        german,
    ];
    let index = Index::new(&replies);
    let usage = UsageMap::new();
    let text = "order status?";
    assert_eq!(
        suggested(&index, &replies, &usage, text, None)[0],
        "en-only"
    );
    assert_eq!(
        suggested(&index, &replies, &usage, text, Some("da"))[0],
        "en-only"
    );
    assert_eq!(
        suggested(&index, &replies, &usage, text, Some("de"))[0],
        "with-de"
    );
    assert_eq!(
        suggested(&index, &replies, &usage, text, Some("de-AT"))[0],
        "with-de"
    );
}

#[test]
fn a_message_without_telling_words_falls_back_to_favourites_then_most_used() {
    let mut replies: Vec<Reply> = (0..6)
        .map(|i| Reply::new(format!("r{i}"), format!("Topic {i}"), "Some text."))
        .collect();
    replies[4].favorite = true;
    replies[5].favorite = true;
    let index = Index::new(&replies);
    let mut usage = UsageMap::new();
    usage.insert("r2".into(), used(10, 2.0));
    usage.insert("r5".into(), used(1, 2.0));
    usage.insert("r1".into(), used(1, 200.0));
    let customer = Customer {
        text: "😍😍😍 !!!",
        language: Some("en"),
    };
    let found = suggest(&index, &replies, &usage, &customer, NOW, 10);
    assert_eq!(ids(&replies, &found), ["r5", "r4", "r2", "r1", "r0", "r3"]);
    let found = suggest(&index, &replies, &usage, &customer, NOW, 3);
    assert_eq!(ids(&replies, &found), ["r5", "r4", "r2"]);
}

#[test]
fn relevant_replies_come_first_then_the_fallback_order() {
    let mut replies = vec![
        Reply::new("fav", "Thanks", "Thank you!"),
        Reply::new("refund", "Refund status", "Your refund is on its way."),
        Reply::new("other", "Opening hours", "We open at 9."),
    ];
    replies[0].favorite = true;
    let index = Index::new(&replies);
    let found = suggested(
        &index,
        &replies,
        &UsageMap::new(),
        "where is my refund",
        None,
    );
    assert_eq!(found, ["refund", "fav", "other"]);
}

#[test]
fn word_forms_and_typos_in_the_message_are_understood() {
    let replies = library();
    let index = Index::new(&replies);
    let usage = UsageMap::new();
    for (text, expected) in [
        ("I want a refnd", "r-refund-status"),
        ("has my money been refunded yet?", "r-refund-status"),
        ("paused subscriptions?", "r-subscription-pause"),
        ("the parcel was damged", "r-damaged-package"),
    ] {
        let found = suggested(&index, &replies, &usage, text, None);
        assert_eq!(found[0], expected, "{text:?}: {found:?}");
    }
}

#[test]
fn results_are_stable_and_limited() {
    let replies = library();
    let index = Index::new(&replies);
    let usage = UsageMap::new();
    let customer = Customer {
        text: "Hej, hvor er min pakke?",
        language: Some("da"),
    };
    let once = suggest(&index, &replies, &usage, &customer, NOW, 10);
    assert_eq!(once.len(), 10);
    assert_eq!(suggest(&index, &replies, &usage, &customer, NOW, 10), once);
    assert_eq!(
        suggest(&index, &replies, &usage, &customer, NOW, 4),
        once[..4]
    );
    assert!(suggest(&index, &replies, &usage, &customer, NOW, 0).is_empty());
    let all = suggest(&index, &replies, &usage, &customer, NOW, 1_000);
    let mut sorted = all.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, (0..replies.len()).collect::<Vec<_>>());
    let empty = Index::new(&[]);
    assert!(suggest(&empty, &[], &usage, &customer, NOW, 5).is_empty());
}
