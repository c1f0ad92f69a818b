//! Data format v1: round trips that keep unknown fields, every refusal with its exact path and reason,
//! BOM, and a 30,000-reply import.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::time::Instant;

use answerdeck::core::exchange::{parse_v1, to_v1, Export, ImportError};
use answerdeck::core::reply::Reply;
use serde_json::{json, Value};

/// Imports `file` (a JSON value) and returns the refusal as "path: reason".
fn refusal(file: Value) -> String {
    refusal_of_text(&file.to_string())
}

fn refusal_of_text(text: &str) -> String {
    parse_v1(text)
        .expect_err("the file must be refused")
        .to_string()
}

fn good_reply() -> Value {
    json!({"id": "r-1", "title": "Order status", "body": "Hi {first_name|there}, your order shipped."})
}

/// A valid file whose first reply is `good_reply()` changed by `edit`.
fn file_with_reply(edit: impl FnOnce(&mut serde_json::Map<String, Value>)) -> Value {
    let mut reply = good_reply();
    edit(reply.as_object_mut().unwrap());
    json!({"format": "answerdeck", "version": 1, "replies": [reply]})
}

const FULL_FILE: &str = r##"{
  "format": "answerdeck",
  "version": 1,
  "exported_at": "2026-11-22T10:00:00Z",
  "replies": [
    {
      "id": "r-order-status",
      "title": "Order status",
      "body": "Hi {first_name|there}, your order {?Order number} is on its way. <b>Not HTML</b>",
      "variants": {
        "da": "Hej {first_name|med dig}, din ordre er afsendt.",
        "de": "Hallo {first_name|zusammen}, Ihre Bestellung ist unterwegs."
      },
      "language": "en",
      "folder": "Support",
      "tags": [
        "orders"
      ],
      "shortcut": "order",
      "favorite": true,
      "color": "#ffcc00",
      "stats": {
        "used": 12
      }
    },
    {
      "id": "r-thanks",
      "title": "Thanks",
      "body": "Thanks!",
      "favorite": false
    }
  ],
  "labels": [
    {
      "id": "l-vip",
      "name": "VIP",
      "color": "#d93025"
    }
  ],
  "conversations": [
    {
      "key": "fb:thread:123",
      "labels": [
        "l-vip"
      ]
    }
  ],
  "notes": [
    {
      "id": "n-1",
      "subject": "fb:thread:123",
      "text": "Called back",
      "author": "Sam",
      "created_at": "2026-11-20T09:00:00.000Z"
    }
  ],
  "team": {
    "name": "Acme support"
  },
  "generator": "other-tool 2.1"
}
"##;

// ---- reading ----

#[test]
fn reads_every_field_of_a_full_file() {
    let export = parse_v1(FULL_FILE).unwrap();
    assert_eq!(export.replies.len(), 2);
    let reply = &export.replies[0];
    assert_eq!(reply.id, "r-order-status");
    assert_eq!(reply.title, "Order status");
    assert_eq!(
        reply.body,
        "Hi {first_name|there}, your order {?Order number} is on its way. <b>Not HTML</b>"
    );
    assert_eq!(reply.variants.len(), 2);
    assert_eq!(
        reply.variants["de"],
        "Hallo {first_name|zusammen}, Ihre Bestellung ist unterwegs."
    );
    assert_eq!(reply.language.as_deref(), Some("en"));
    assert_eq!(reply.folder.as_deref(), Some("Support"));
    assert_eq!(reply.tags, vec!["orders"]);
    assert_eq!(reply.shortcut.as_deref(), Some("order"));
    assert!(reply.favorite);
    assert_eq!(
        Value::Object(reply.extra.clone()),
        json!({"color": "#ffcc00", "stats": {"used": 12}})
    );
    assert_eq!(
        export.replies[1],
        Reply::new("r-thanks", "Thanks", "Thanks!")
    );
    assert_eq!(
        serde_json::to_value(&export.labels).unwrap(),
        json!([{"id": "l-vip", "name": "VIP", "color": "#d93025"}])
    );
    assert_eq!(export.conversations.len(), 1);
    assert_eq!(export.notes.len(), 1);
    assert_eq!(
        Value::Object(export.extra.clone()),
        json!({"team": {"name": "Acme support"}, "generator": "other-tool 2.1"})
    );
}

#[test]
fn round_trip_reproduces_the_file_exactly() {
    let export = parse_v1(FULL_FILE).unwrap();
    assert_eq!(to_v1(&export, "2026-11-22T10:00:00Z"), FULL_FILE);
}

#[test]
fn round_trip_keeps_unknown_fields_and_their_order() {
    let file = json!({
        "zeta": 1, "format": "answerdeck", "alpha": [true], "version": 1,
        "replies": [{"z": null, "id": "a", "title": "T", "body": "B", "a": {"nested": [1, 2]}}]
    });
    let export = parse_v1(&file.to_string()).unwrap();
    let again = parse_v1(&to_v1(&export, "now")).unwrap();
    assert_eq!(again, export);
    let keys: Vec<&String> = again.extra.keys().collect();
    assert_eq!(keys, ["zeta", "alpha"]);
    let reply_keys: Vec<&String> = again.replies[0].extra.keys().collect();
    assert_eq!(reply_keys, ["z", "a"]);
}

#[test]
fn export_orders_keys_and_omits_empty_lists() {
    let mut export = Export::default();
    export.replies.push(Reply::new("r-1", "T", "B"));
    export.extra.insert("custom".into(), json!(1));
    // A stray known name in `extra` must not be written twice.
    export.extra.insert("version".into(), json!(99));
    let text = to_v1(&export, "2026-11-22T10:00:00Z");
    assert_eq!(
        text,
        r#"{
  "format": "answerdeck",
  "version": 1,
  "exported_at": "2026-11-22T10:00:00Z",
  "replies": [
    {
      "id": "r-1",
      "title": "T",
      "body": "B",
      "favorite": false
    }
  ],
  "custom": 1
}
"#
    );
}

#[test]
fn empty_export_still_has_a_replies_array() {
    let text = to_v1(&Export::default(), "t");
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        value,
        json!({"format": "answerdeck", "version": 1, "exported_at": "t", "replies": []})
    );
    assert_eq!(parse_v1(&text).unwrap(), Export::default());
}

#[test]
fn missing_replies_is_an_empty_library() {
    let export = parse_v1(r#"{"format":"answerdeck","version":1}"#).unwrap();
    assert!(export.replies.is_empty());
}

#[test]
fn leading_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{FULL_FILE}");
    assert_eq!(parse_v1(&text).unwrap(), parse_v1(FULL_FILE).unwrap());
}

#[test]
fn html_and_unicode_are_kept_verbatim() {
    let file = file_with_reply(|reply| {
        reply.insert("title".into(), json!("<script>alert(1)</script> Ærø 🙂"));
        reply.insert(
            "body".into(),
            json!("<a href=\"x\">link</a> &amp; \u{0}\r\n"),
        );
    });
    let export = parse_v1(&file.to_string()).unwrap();
    assert_eq!(export.replies[0].title, "<script>alert(1)</script> Ærø 🙂");
    assert_eq!(
        export.replies[0].body,
        "<a href=\"x\">link</a> &amp; \u{0}\r\n"
    );
    assert_eq!(parse_v1(&to_v1(&export, "t")).unwrap(), export);
}

#[test]
fn null_optional_fields_count_as_absent() {
    let file = file_with_reply(|reply| {
        for field in [
            "variants", "language", "folder", "tags", "shortcut", "favorite",
        ] {
            reply.insert(field.into(), Value::Null);
        }
    });
    let export = parse_v1(&file.to_string()).unwrap();
    assert_eq!(
        export.replies[0],
        Reply::new(
            "r-1",
            "Order status",
            "Hi {first_name|there}, your order shipped."
        )
    );
}

#[test]
fn accepted_language_codes() {
    for code in ["de", "pt-br", "gsw", "es-419", "zh-hant"] {
        let file = file_with_reply(|reply| {
            reply.insert("language".into(), json!(code));
            reply.insert("variants".into(), json!({ code: "Text" }));
        });
        assert!(parse_v1(&file.to_string()).is_ok(), "{code}");
    }
}

// ---- refusals: file level ----

#[test]
fn refuses_invalid_json_with_line_and_column() {
    assert_eq!(
        refusal_of_text(
            "{\n  \"format\": \"answerdeck\",\n  \"version\": 1,\n  \"replies\": [,]\n}"
        ),
        "line 4, column 15: not valid JSON: expected value"
    );
    assert_eq!(
        refusal_of_text("{\"format\": \"answerdeck\",}"),
        "line 1, column 25: not valid JSON: trailing comma"
    );
}

#[test]
fn json_columns_count_characters_not_bytes() {
    // "ø" and "🙂" take 2 and 4 bytes: the unexpected "2" is byte 13 but character 9 of line 2.
    assert_eq!(
        refusal_of_text("{\n\"ø🙂\": 1 2}"),
        "line 2, column 9: not valid JSON: expected `,` or `}`"
    );
}

#[test]
fn refuses_a_cut_off_file() {
    assert_eq!(
        refusal_of_text("{\"format\": \"answerdeck\", \"replies\": ["),
        "line 1, column 37: not valid JSON: the file ends too early (is it cut off?)"
    );
}

#[test]
fn refuses_an_empty_file() {
    assert_eq!(refusal_of_text(""), "(file): the file is empty");
    assert_eq!(refusal_of_text("\u{feff} \n"), "(file): the file is empty");
}

#[test]
fn refuses_a_top_level_that_is_not_an_object() {
    assert_eq!(
        refusal(json!([1, 2])),
        "(file): this is not an Answerdeck export (expected a JSON object, found an array)"
    );
    assert_eq!(
        refusal(json!("answerdeck")),
        "(file): this is not an Answerdeck export (expected a JSON object, found a string)"
    );
}

#[test]
fn refuses_other_formats() {
    let not_ours = "format: this is not an Answerdeck export";
    assert_eq!(refusal(json!({"version": 1, "replies": []})), not_ours);
    assert_eq!(
        refusal(json!({"format": "textexpander", "version": 1})),
        not_ours
    );
    assert_eq!(
        refusal(json!({"format": "Answerdeck", "version": 1})),
        not_ours
    );
    assert_eq!(refusal(json!({"format": 1, "version": 1})), not_ours);
}

#[test]
fn refuses_newer_and_malformed_versions() {
    assert_eq!(
        refusal(json!({"format": "answerdeck", "version": 2})),
        "version: made by a newer Answerdeck (version 2); update Answerdeck to import it"
    );
    assert_eq!(
        refusal(json!({"format": "answerdeck"})),
        "version: missing; expected 1"
    );
    assert_eq!(
        refusal(json!({"format": "answerdeck", "version": "1"})),
        "version: must be the integer 1, found \"1\""
    );
    assert_eq!(
        refusal(json!({"format": "answerdeck", "version": 1.5})),
        "version: must be the integer 1, found 1.5"
    );
    assert_eq!(
        refusal(json!({"format": "answerdeck", "version": 0})),
        "version: must be the integer 1, found 0"
    );
    assert_eq!(
        refusal(json!({"format": "answerdeck", "version": -3})),
        "version: must be the integer 1, found -3"
    );
    assert_eq!(
        refusal(json!({"format": "answerdeck", "version": null})),
        "version: must be the integer 1, found null"
    );
}

#[test]
fn format_is_checked_before_version() {
    assert_eq!(
        refusal(json!({"version": 7, "format": "other"})),
        "format: this is not an Answerdeck export"
    );
}

#[test]
fn refuses_lists_that_are_not_arrays() {
    let base = || json!({"format": "answerdeck", "version": 1});
    let with = |key: &str, value: Value| {
        let mut file = base();
        file[key] = value;
        refusal(file)
    };
    assert_eq!(
        with("replies", json!({"a": 1})),
        "replies: must be an array of replies, found an object"
    );
    assert_eq!(
        with("labels", json!("VIP")),
        "labels: must be an array, found a string"
    );
    assert_eq!(
        with("conversations", json!(3)),
        "conversations: must be an array, found a number"
    );
    assert_eq!(
        with("notes", json!(true)),
        "notes: must be an array, found a boolean"
    );
}

// ---- refusals: one reply ----

#[test]
fn refuses_a_reply_that_is_not_an_object() {
    let file = json!({"format": "answerdeck", "version": 1, "replies": [good_reply(), "oops"]});
    assert_eq!(
        refusal(file),
        "replies[1]: must be an object, found a string"
    );
}

#[test]
fn refuses_missing_required_fields() {
    for (field, message) in [
        ("id", "replies[0].id: missing; every reply needs an id"),
        (
            "title",
            "replies[0].title: missing; every reply needs a title",
        ),
        ("body", "replies[0].body: missing; every reply needs a body"),
    ] {
        let file = file_with_reply(|reply| {
            reply.remove(field);
        });
        assert_eq!(refusal(file), message);
    }
}

#[test]
fn refuses_empty_required_fields() {
    for (field, value, message) in [
        ("id", "", "replies[0].id: must not be empty"),
        ("title", "", "replies[0].title: must not be empty"),
        ("title", "  \n", "replies[0].title: must not be empty"),
        ("body", "", "replies[0].body: must not be empty"),
        ("body", " \t ", "replies[0].body: must not be empty"),
    ] {
        let file = file_with_reply(|reply| {
            reply.insert(field.into(), json!(value));
        });
        assert_eq!(refusal(file), message, "{field} = {value:?}");
    }
}

#[test]
fn refuses_wrong_types_naming_the_field() {
    for (field, value, message) in [
        (
            "id",
            json!(7),
            "replies[0].id: must be a string, found a number",
        ),
        (
            "title",
            json!(null),
            "replies[0].title: must be a string, found null",
        ),
        (
            "body",
            json!(["a"]),
            "replies[0].body: must be a string, found an array",
        ),
        (
            "variants",
            json!(["de"]),
            "replies[0].variants: must be an object of language code → text, found an array",
        ),
        (
            "language",
            json!(1),
            "replies[0].language: must be a string, found a number",
        ),
        (
            "folder",
            json!({}),
            "replies[0].folder: must be a string, found an object",
        ),
        (
            "tags",
            json!("orders"),
            "replies[0].tags: must be an array of strings, found a string",
        ),
        (
            "shortcut",
            json!(false),
            "replies[0].shortcut: must be a string, found a boolean",
        ),
        (
            "favorite",
            json!("yes"),
            "replies[0].favorite: must be true or false, found a string",
        ),
    ] {
        let file = file_with_reply(|reply| {
            reply.insert(field.into(), value);
        });
        assert_eq!(refusal(file), message);
    }
}

#[test]
fn refuses_a_tag_that_is_not_a_string() {
    let file = file_with_reply(|reply| {
        reply.insert("tags".into(), json!(["ok", "fine", 3]));
    });
    assert_eq!(
        refusal(file),
        "replies[0].tags[2]: must be a string, found a number"
    );
}

#[test]
fn refuses_duplicate_ids_naming_both_places() {
    let file = json!({"format": "answerdeck", "version": 1, "replies": [
        {"id": "a", "title": "A", "body": "a"},
        {"id": "x", "title": "X", "body": "x"},
        {"id": "b", "title": "B", "body": "b"},
        {"id": "x", "title": "X again", "body": "x"},
    ]});
    assert_eq!(
        refusal(file),
        "replies[3].id: duplicate id \"x\" (also replies[1])"
    );
}

#[test]
fn refuses_overlong_title_and_body_counting_characters() {
    let title = "é".repeat(300);
    let ok = file_with_reply(|reply| {
        reply.insert("title".into(), json!(title));
    });
    assert!(
        parse_v1(&ok.to_string()).is_ok(),
        "300 characters (600 bytes) is allowed"
    );

    let file = file_with_reply(|reply| {
        reply.insert("title".into(), json!("x".repeat(301)));
    });
    assert_eq!(
        refusal(file),
        "replies[0].title: is 301 characters long; the limit is 300"
    );
    let file = file_with_reply(|reply| {
        reply.insert("body".into(), json!("x".repeat(50_001)));
    });
    assert_eq!(
        refusal(file),
        "replies[0].body: is 50,001 characters long; the limit is 50,000"
    );
    let body_at_limit = file_with_reply(|reply| {
        reply.insert("body".into(), json!("ü".repeat(50_000)));
    });
    assert!(parse_v1(&body_at_limit.to_string()).is_ok());
}

#[test]
fn refuses_bodies_and_variants_that_are_not_valid_templates() {
    let file = file_with_reply(|reply| {
        reply.insert("body".into(), json!("Hi {frist_name}"));
    });
    assert_eq!(
        refusal(file),
        "replies[0].body: template problem: unknown variable {frist_name} at character 4"
    );
    let file = file_with_reply(|reply| {
        reply.insert(
            "variants".into(),
            json!({"da": "Hej", "de": "Hallo {first_name"}),
        );
    });
    assert_eq!(
        refusal(file),
        "replies[0].variants.de: template problem: unclosed { at character 7"
    );
}

#[test]
fn refuses_bad_variants() {
    for (variants, message) in [
        (
            json!({"DE": "Hallo"}),
            "replies[0].variants.DE: \"DE\" is not a language code (2–3 lowercase letters, optionally with a region, like \"de\" or \"pt-br\")",
        ),
        (
            json!({"german": "Hallo"}),
            "replies[0].variants.german: \"german\" is not a language code (2–3 lowercase letters, optionally with a region, like \"de\" or \"pt-br\")",
        ),
        (json!({"de": 5}), "replies[0].variants.de: must be a string, found a number"),
        (json!({"de": ""}), "replies[0].variants.de: must not be empty"),
    ] {
        let file = file_with_reply(|reply| {
            reply.insert("variants".into(), variants);
        });
        assert_eq!(refusal(file), message);
    }
}

#[test]
fn refuses_bad_language_codes() {
    for code in [
        "",
        "e",
        "english",
        "EN",
        "pt_br",
        "pt-",
        "pt-b",
        "pt-brazil",
        "de-DE",
    ] {
        let file = file_with_reply(|reply| {
            reply.insert("language".into(), json!(code));
        });
        assert_eq!(
            refusal(file),
            format!(
                "replies[0].language: \"{code}\" is not a language code (2–3 lowercase letters, optionally with a region, like \"de\" or \"pt-br\")"
            )
        );
    }
}

#[test]
fn refuses_bad_shortcuts() {
    for (shortcut, message) in [
        ("", "replies[0].shortcut: must not be empty".to_string()),
        (
            "order status",
            "replies[0].shortcut: \"order status\" contains a space; shortcuts are one word"
                .to_string(),
        ),
        (
            &"s".repeat(33),
            "replies[0].shortcut: is 33 characters long; the limit is 32".to_string(),
        ),
    ] {
        let file = file_with_reply(|reply| {
            reply.insert("shortcut".into(), json!(shortcut));
        });
        assert_eq!(refusal(file), message);
    }
    let ok = file_with_reply(|reply| {
        reply.insert("shortcut".into(), json!("s".repeat(32)));
    });
    assert!(parse_v1(&ok.to_string()).is_ok());
}

#[test]
fn the_first_problem_in_file_order_is_reported() {
    let file = json!({"format": "answerdeck", "version": 1, "replies": [
        good_reply(),
        {"id": "b", "title": 3, "body": "{oops}", "shortcut": "a b"},
        {"id": "c", "title": ""},
    ]});
    assert_eq!(
        refusal(file),
        "replies[1].title: must be a string, found a number"
    );
    let file = json!({"format": "answerdeck", "version": 1, "replies": [
        {"shortcut": "a b", "id": "b", "title": 3},
    ]});
    assert_eq!(
        refusal(file),
        "replies[0].shortcut: \"a b\" contains a space; shortcuts are one word"
    );
}

#[test]
fn import_error_is_a_std_error_with_path_and_reason() {
    let error: ImportError = parse_v1("[]").unwrap_err();
    assert_eq!(error.path, "(file)");
    assert_eq!(
        error.reason,
        "this is not an Answerdeck export (expected a JSON object, found an array)"
    );
    let boxed: Box<dyn std::error::Error> = Box::new(error);
    assert!(boxed.to_string().starts_with("(file): "));
}

// ---- size ----

#[test]
fn imports_thirty_thousand_replies_quickly() {
    // Built as text: the json! macro is slow in unoptimized test builds.
    let mut text = String::from(r#"{"format": "answerdeck", "version": 1, "replies": ["#);
    for i in 0..30_000 {
        if i > 0 {
            text.push(',');
        }
        text.push_str(&format!(
            r#"{{"id": "r-{i}", "title": "Reply number {i}", "body": "Hi {{first_name|there}}, thanks for order {{?Order number}}. Ref {i}. {lorem}", "variants": {{"de": "Hallo {{first_name|zusammen}}, Nummer {i}."}}, "tags": ["bulk", "t{tag}"], "shortcut": "s{i}", "favorite": {favorite}, "custom": {{"n": {i}}}}}"#,
            lorem = "Lorem ipsum dolor sit amet. ".repeat(10),
            tag = i % 50,
            favorite = i % 10 == 0,
        ));
    }
    text.push_str("]}");
    let started = Instant::now();
    let export = parse_v1(&text).unwrap();
    let took = started.elapsed();
    assert_eq!(export.replies.len(), 30_000);
    assert_eq!(export.replies[29_999].id, "r-29999");
    assert_eq!(export.replies[29_999].extra["custom"], json!({"n": 29_999}));
    println!(
        "imported {} MB, 30,000 replies, in {took:?}",
        text.len() / 1_000_000
    );
    // The budget is for optimized code; unoptimized test builds are several times slower.
    if !cfg!(debug_assertions) {
        assert!(took.as_secs_f64() < 1.0, "took {took:?}");
    }
    // Exporting and importing again changes nothing.
    assert_eq!(parse_v1(&to_v1(&export, "t")).unwrap(), export);
}
