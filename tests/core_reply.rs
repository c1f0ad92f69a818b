//! Replies: validation rules, generated ids, and the stored JSON shape.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::cell::RefCell;
use std::collections::HashSet;

use answerdeck::core::reply::{is_language_code, new_reply_id, validate_reply, FieldError, Reply};
use serde_json::json;

fn valid() -> Reply {
    let mut reply = Reply::new("r-1", "Order status", "Hi {first_name|there}");
    reply
        .variants
        .insert("de".into(), "Hallo {first_name}".into());
    reply.variants.insert("pt-br".into(), "Olá".into());
    reply.language = Some("en".into());
    reply.folder = Some("Support".into());
    reply.tags = vec!["orders".into()];
    reply.shortcut = Some("order".into());
    reply
}

fn problem(edit: impl FnOnce(&mut Reply)) -> String {
    let mut reply = valid();
    edit(&mut reply);
    validate_reply(&reply)
        .expect_err("the reply must be refused")
        .to_string()
}

#[test]
fn a_complete_reply_is_valid() {
    assert_eq!(validate_reply(&valid()), Ok(()));
    assert_eq!(validate_reply(&Reply::new("x", "T", "B")), Ok(()));
}

#[test]
fn each_rule_names_its_field() {
    assert_eq!(problem(|r| r.id = " ".into()), "id: must not be empty");
    assert_eq!(
        problem(|r| r.title = String::new()),
        "title: must not be empty"
    );
    assert_eq!(
        problem(|r| r.title = "t".repeat(301)),
        "title: is 301 characters long; the limit is 300"
    );
    assert_eq!(problem(|r| r.body = "\n".into()), "body: must not be empty");
    assert_eq!(
        problem(|r| r.body = "{x".into()),
        "body: template problem: unclosed { at character 1"
    );
    assert_eq!(
        problem(|r| {
            r.variants.insert("da".into(), "Hej }".into());
        }),
        "variants.da: template problem: stray } at character 5"
    );
    assert_eq!(
        problem(|r| {
            r.variants.insert("Danish".into(), "Hej".into());
        }),
        "variants.Danish: \"Danish\" is not a language code (2–3 lowercase letters, optionally with a region, like \"de\" or \"pt-br\")"
    );
    assert_eq!(
        problem(|r| r.language = Some("EN".into())),
        "language: \"EN\" is not a language code (2–3 lowercase letters, optionally with a region, like \"de\" or \"pt-br\")"
    );
    assert_eq!(
        problem(|r| r.shortcut = Some("two words".into())),
        "shortcut: \"two words\" contains a space; shortcuts are one word"
    );
    assert_eq!(
        problem(|r| r.shortcut = Some(String::new())),
        "shortcut: must not be empty"
    );
}

#[test]
fn field_error_exposes_field_and_reason() {
    let mut reply = valid();
    reply.shortcut = Some("a\tb".into());
    assert_eq!(
        validate_reply(&reply),
        Err(FieldError {
            field: "shortcut".into(),
            reason: "\"a\tb\" contains a space; shortcuts are one word".into()
        })
    );
}

#[test]
fn language_codes() {
    for good in ["de", "da", "nb", "gsw", "pt-br", "es-419", "zh-hant"] {
        assert!(is_language_code(good), "{good}");
    }
    for bad in [
        "",
        "d",
        "deut",
        "DE",
        "de-",
        "-br",
        "pt_br",
        "pt-b",
        "pt-brazil",
        "pt-BR",
        "dé",
    ] {
        assert!(!is_language_code(bad), "{bad}");
    }
}

#[test]
fn new_ids_are_slugs_of_the_folded_title() {
    let free = |_: &str| false;
    assert_eq!(new_reply_id("Order status", free), "r-order-status");
    assert_eq!(
        new_reply_id("  Größe & Ærø — Q&A!  ", free),
        "r-grosse-aero-q-a"
    );
    assert_eq!(new_reply_id("Łódź 2026", free), "r-lodz-2026");
    assert_eq!(new_reply_id("", free), "r-reply");
    assert_eq!(new_reply_id("!!!", free), "r-reply");
    assert_eq!(new_reply_id("Привет", free), "r-reply");
}

#[test]
fn new_ids_are_at_most_forty_slug_characters() {
    let id = new_reply_id(
        "A very long title that keeps going and going past the limit",
        |_| false,
    );
    // Cut at the last word that fits rather than in the middle of "going".
    assert_eq!(id, "r-a-very-long-title-that-keeps-going-and");
    // Exactly 40 characters ending at a word end stays whole.
    let id = new_reply_id(&format!("{} tail", "x".repeat(40)), |_| false);
    assert_eq!(id, format!("r-{}", "x".repeat(40)));
    // A cut right after a separator leaves no trailing dash.
    let id = new_reply_id(&format!("{} tail", "x".repeat(39)), |_| false);
    assert_eq!(id, format!("r-{}", "x".repeat(39)));
    // One long word is cut where the limit falls.
    let id = new_reply_id(&"y".repeat(60), |_| false);
    assert_eq!(id, format!("r-{}", "y".repeat(40)));
    // No word boundary in the second half: cut mid-word rather than lose most of the title.
    let id = new_reply_id(&format!("ab {}", "z".repeat(60)), |_| false);
    assert_eq!(id, format!("r-ab-{}", "z".repeat(37)));
}

#[test]
fn new_ids_count_up_until_free() {
    let taken: HashSet<&str> = ["r-thanks", "r-thanks-2", "r-thanks-3"]
        .into_iter()
        .collect();
    assert_eq!(
        new_reply_id("Thanks", |id| taken.contains(id)),
        "r-thanks-4"
    );
    let asked = RefCell::new(Vec::new());
    new_reply_id("Hi", |id| {
        asked.borrow_mut().push(id.to_string());
        id == "r-hi"
    });
    assert_eq!(asked.into_inner(), vec!["r-hi", "r-hi-2"]);
}

#[test]
fn stored_json_skips_empty_optional_fields() {
    let reply = Reply::new("r-1", "T", "B");
    assert_eq!(
        serde_json::to_value(&reply).unwrap(),
        json!({"id": "r-1", "title": "T", "body": "B", "favorite": false})
    );
}

#[test]
fn stored_json_keeps_unknown_fields_after_known_ones() {
    let text =
        r#"{"zz":1,"id":"r-1","title":"T","body":"B","tags":["a"],"favorite":true,"aa":{"b":2}}"#;
    let reply: Reply = serde_json::from_str(text).unwrap();
    assert_eq!(reply.tags, vec!["a"]);
    assert!(reply.favorite);
    assert_eq!(reply.extra.len(), 2);
    assert_eq!(
        serde_json::to_string(&reply).unwrap(),
        r#"{"id":"r-1","title":"T","body":"B","tags":["a"],"favorite":true,"zz":1,"aa":{"b":2}}"#
    );
    let full = valid();
    let back: Reply = serde_json::from_value(serde_json::to_value(&full).unwrap()).unwrap();
    assert_eq!(back, full);
}
