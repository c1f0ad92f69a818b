//! Settings: defaults, what people paste into each field, refusals by field, links, and storage shape.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use answerdeck::core::settings::{PickerOrder, Settings};

fn with(agent: &str, page: &str, x: &str) -> Settings {
    Settings {
        agent_name: agent.into(),
        facebook_page: page.into(),
        x_user_id: x.into(),
        ..Settings::default()
    }
}

fn normalized(agent: &str, page: &str, x: &str) -> Settings {
    with(agent, page, x)
        .normalized()
        .unwrap_or_else(|problems| panic!("refused: {problems:?}"))
}

fn problems(settings: Settings) -> Vec<(String, String)> {
    settings
        .normalized()
        .expect_err("should be refused")
        .into_iter()
        .map(|e| (e.field, e.reason))
        .collect()
}

#[test]
fn defaults_are_empty_and_manual_order() {
    let settings = Settings::default();
    assert_eq!(settings.agent_name, "");
    assert_eq!(settings.picker_order, PickerOrder::Manual);
    assert_eq!(settings.agent(), None);
    assert_eq!(settings.facebook_dm_link(), None);
    assert_eq!(settings.x_dm_link(), None);
    assert_eq!(settings.normalized(), Ok(Settings::default()));
}

#[test]
fn missing_fields_load_as_defaults_and_unknown_fields_survive() {
    let stored = serde_json::json!({"agent_name": "Sam", "team_colour": "teal"});
    let settings: Settings = serde_json::from_value(stored).unwrap();
    assert_eq!(settings.agent_name, "Sam");
    assert_eq!(settings.facebook_page, "");
    assert_eq!(settings.picker_order, PickerOrder::Manual);
    let back = serde_json::to_value(&settings).unwrap();
    assert_eq!(back["team_colour"], "teal");
    assert_eq!(back["picker_order"], "manual");
    let empty: Settings = serde_json::from_str("{}").unwrap();
    assert_eq!(empty, Settings::default());
}

#[test]
fn picker_order_keys_round_trip() {
    for order in PickerOrder::ALL {
        assert_eq!(PickerOrder::from_key(order.key()), Some(order));
        let json = serde_json::to_value(order).unwrap();
        assert_eq!(json, order.key());
        assert!(!order.label().is_empty());
    }
    assert_eq!(PickerOrder::from_key("random"), None);
    let bad: Result<Settings, _> = serde_json::from_str(r#"{"picker_order": "random"}"#);
    assert!(bad.is_err());
}

#[test]
fn agent_name_is_trimmed_one_line_and_bounded() {
    assert_eq!(normalized("  Sam  ", "", "").agent_name, "Sam");
    assert_eq!(normalized("Sam", "", "").agent(), Some("Sam"));
    assert_eq!(
        problems(with("Sam\nSmith", "", "")),
        vec![("agent_name".into(), "must be one line".into())]
    );
    let long = "a".repeat(81);
    assert_eq!(
        problems(with(&long, "", "")),
        vec![(
            "agent_name".into(),
            "is 81 characters long; the limit is 80".into()
        )]
    );
    assert!(with(&"ä".repeat(80), "", "").normalized().is_ok());
    assert_eq!(problems(with("{agent}", "", ""))[0].0, "agent_name");
}

#[test]
fn facebook_page_accepts_names_ids_and_pasted_addresses() {
    for (input, expected) in [
        ("nordlichtkaffee", "nordlichtkaffee"),
        ("  @nordlichtkaffee ", "nordlichtkaffee"),
        ("Nordlicht.Kaffee", "Nordlicht.Kaffee"),
        (
            "https://www.facebook.com/nordlichtkaffee",
            "nordlichtkaffee",
        ),
        (
            "https://www.facebook.com/nordlichtkaffee/",
            "nordlichtkaffee",
        ),
        ("facebook.com/nordlichtkaffee/posts/123", "nordlichtkaffee"),
        (
            "http://m.facebook.com/nordlichtkaffee?ref=bookmarks",
            "nordlichtkaffee",
        ),
        (
            "https://business.facebook.com/nordlichtkaffee",
            "nordlichtkaffee",
        ),
        ("https://m.me/nordlichtkaffee", "nordlichtkaffee"),
        ("m.me/nordlichtkaffee", "nordlichtkaffee"),
        ("123456789012345", "123456789012345"),
        ("https://www.facebook.com/profile.php?id=100064", "100064"),
        (
            "https://www.facebook.com/pages/Nordlicht-Kaffee/1234567",
            "1234567",
        ),
        ("", ""),
        ("   ", ""),
    ] {
        assert_eq!(
            normalized("", input, "").facebook_page,
            expected,
            "{input:?}"
        );
    }
}

#[test]
fn facebook_page_refuses_other_sites_and_bad_names() {
    for input in [
        "https://x.com/nordlicht",
        "https://example.com/nordlichtkaffee",
        "example.com/nordlichtkaffee",
        "Nordlicht Kaffee",
        "nordlicht/kaffee!",
        ".nordlicht",
        "nordlicht..kaffee",
        "abc",
        "Nordlicht-Kaffee",
        "https://www.facebook.com/",
        "https://www.facebook.com/profile.php",
    ] {
        let found = problems(with("", input, ""));
        assert_eq!(found.len(), 1, "{input:?}: {found:?}");
        assert_eq!(found[0].0, "facebook_page", "{input:?}");
    }
    let found = problems(with("", "Nordlicht Kaffee", ""));
    assert_eq!(
        found[0].1,
        "“Nordlicht Kaffee” is not a Page username: use letters, digits and dots only, as in facebook.com/username"
    );
    let long = "a".repeat(51);
    assert_eq!(problems(with("", &long, ""))[0].0, "facebook_page");
    assert_eq!(
        problems(with("", "abc", ""))[0].1,
        "“abc” is too short: Page usernames have at least 5 characters"
    );
    // Whatever is accepted makes a link.
    for input in [
        "nordlichtkaffee",
        "Nordlicht.Kaffee",
        "123456789012345",
        "12345",
    ] {
        assert!(with("", input, "").facebook_dm_link().is_some(), "{input}");
    }
}

#[test]
fn x_user_id_is_numeric_and_accepts_a_dm_link() {
    for (input, expected) in [
        ("1234567890", "1234567890"),
        (" 44196397 ", "44196397"),
        (
            "https://x.com/messages/compose?recipient_id=783214",
            "783214",
        ),
        (
            "twitter.com/messages/compose?text=hi&recipient_id=783214",
            "783214",
        ),
        ("", ""),
    ] {
        assert_eq!(normalized("", "", input).x_user_id, expected, "{input:?}");
    }
    for input in [
        "@nordlicht",
        "nordlicht",
        "https://x.com/nordlicht",
        "12ab",
        "000",
        "0123",
        "123456789012345678901",
        "https://example.com/messages/compose?recipient_id=1",
    ] {
        let found = problems(with("", "", input));
        assert_eq!(found.len(), 1, "{input:?}");
        assert_eq!(found[0].0, "x_user_id", "{input:?}");
    }
    assert_eq!(
        problems(with("", "", "@nordlicht"))[0].1,
        "“@nordlicht” is not a numeric account id: X DM links need the account's number (like 1234567890), not its @handle"
    );
}

#[test]
fn every_problem_is_reported_in_field_order() {
    let fields: Vec<String> = problems(with("a\nb", "not a page", "@x"))
        .into_iter()
        .map(|(field, _)| field)
        .collect();
    assert_eq!(fields, ["agent_name", "facebook_page", "x_user_id"]);
}

#[test]
fn dm_links() {
    let settings = normalized("Sam", "https://www.facebook.com/nordlichtkaffee", "783214");
    assert_eq!(
        settings.facebook_dm_link().as_deref(),
        Some("https://m.me/nordlichtkaffee")
    );
    assert_eq!(
        settings.x_dm_link().as_deref(),
        Some("https://x.com/messages/compose?recipient_id=783214")
    );
    // Links are built from the normalized value even from unnormalized settings, and never from bad ones.
    assert_eq!(
        with("", "@nordlichtkaffee", "")
            .facebook_dm_link()
            .as_deref(),
        Some("https://m.me/nordlichtkaffee")
    );
    assert_eq!(with("", "not a page", "@x").facebook_dm_link(), None);
    assert_eq!(with("", "not a page", "@x").x_dm_link(), None);
}
