//! Labels: name and colour rules, ids, the palette, create/rename/recolour/delete/restore, putting labels
//! on subjects and taking them off, the subject key scheme, and what `labels.list` summarizes.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use answerdeck::core::assign::{assign, clean_name, Assigned};
use answerdeck::core::label_summary::summarize;
use answerdeck::core::labels::{
    color_name, delete_label, live_by_name, new_label_id, normalize_color, normalize_name,
    put_label, restore_label, Label, SubjectLabels, SubjectSummary, PALETTE,
};
use answerdeck::core::notes::Note;
use answerdeck::core::subject::{check_key, kind, SubjectKind};

const NOW: &str = "2026-11-22T10:00:00.000Z";

fn label(id: &str, name: &str) -> Label {
    Label {
        id: id.into(),
        name: name.into(),
        color: "#d93025".into(),
        ..Label::default()
    }
}

fn deleted(id: &str, name: &str) -> Label {
    Label {
        deleted_at: Some("2026-11-21T00:00:00.000Z".into()),
        ..label(id, name)
    }
}

fn subject(key: &str, labels: &[&str]) -> SubjectLabels {
    SubjectLabels {
        key: key.into(),
        labels: labels.iter().map(|s| s.to_string()).collect(),
        ..SubjectLabels::default()
    }
}

// ---- palette ----

#[test]
fn the_palette_has_eight_named_lower_case_colours() {
    let names: Vec<&str> = PALETTE.iter().map(|s| s.name).collect();
    assert_eq!(
        names,
        ["Red", "Orange", "Yellow", "Green", "Teal", "Blue", "Purple", "Grey"]
    );
    let colors: Vec<&str> = PALETTE.iter().map(|s| s.color).collect();
    assert_eq!(
        colors,
        ["#d93025", "#e8710a", "#f9ab00", "#188038", "#12858a", "#1a73e8", "#9334e6", "#5f6368"]
    );
    for swatch in PALETTE {
        assert_eq!(normalize_color(swatch.color).unwrap(), swatch.color);
    }
    assert_eq!(color_name("#D93025"), Some("Red"));
    assert_eq!(color_name("#123456"), None);
}

// ---- rules ----

#[test]
fn names_are_trimmed_to_one_line_and_1_to_40_characters() {
    assert_eq!(normalize_name("  VIP ").unwrap(), "VIP");
    assert_eq!(
        normalize_name("Waiting \n for\tcourier").unwrap(),
        "Waiting for courier"
    );
    assert_eq!(normalize_name("   ").unwrap_err(), "a label needs a name");
    let forty = "é".repeat(40);
    assert_eq!(normalize_name(&forty).unwrap(), forty);
    assert_eq!(
        normalize_name(&"é".repeat(41)).unwrap_err(),
        "the name is 41 characters long; labels have at most 40"
    );
}

#[test]
fn colours_are_rrggbb_lower_cased() {
    assert_eq!(normalize_color(" #1A73E8 ").unwrap(), "#1a73e8");
    for bad in ["1a73e8", "#1a73e", "#1a73e8f", "#gggggg", "red", "", "#fff"] {
        let reason = normalize_color(bad).unwrap_err();
        assert!(
            reason.contains("is not a colour; use #rrggbb"),
            "{bad}: {reason}"
        );
    }
}

#[test]
fn ids_are_made_from_the_name_like_reply_ids() {
    assert_eq!(new_label_id("VIP", |_| false), "l-vip");
    assert_eq!(
        new_label_id("Waiting for courier!", |_| false),
        "l-waiting-for-courier"
    );
    assert_eq!(new_label_id("Größe Ärger", |_| false), "l-grosse-arger");
    assert_eq!(new_label_id("重要", |_| false), "l-label");
    assert_eq!(new_label_id("Reply", |_| false), "l-reply");
    let taken = ["l-vip", "l-vip-2"];
    assert_eq!(new_label_id("vip", |id| taken.contains(&id)), "l-vip-3");
}

// ---- put ----

#[test]
fn put_creates_a_label_with_an_id_from_its_name() {
    let created = put_label(&[], None, " Order issue ", "#E8710A").unwrap();
    assert_eq!(created, {
        let mut l = label("l-order-issue", "Order issue");
        l.color = "#e8710a".into();
        l
    });
}

#[test]
fn a_new_id_never_reuses_a_deleted_labels_id() {
    let stored = [deleted("l-vip", "VIP")];
    let created = put_label(&stored, None, "VIP", "#d93025").unwrap();
    assert_eq!(created.id, "l-vip-2");
}

#[test]
fn names_are_unique_among_live_labels_ignoring_case_and_accents() {
    let stored = [label("l-cafe", "Café"), deleted("l-old", "Old")];
    let refused = put_label(&stored, None, "  CAFE ", "#d93025").unwrap_err();
    assert_eq!(refused.code, "conflict");
    assert_eq!(refused.path.as_deref(), Some("name"));
    assert_eq!(refused.message, "There is already a label named “Café”.");
    // A deleted label's name is free.
    assert!(put_label(&stored, None, "old", "#d93025").is_ok());
    // Renaming a label to its own name in another case is fine.
    let renamed = put_label(&stored, Some("l-cafe"), "CAFÉ", "#d93025").unwrap();
    assert_eq!(renamed.name, "CAFÉ");
    assert_eq!(renamed.id, "l-cafe");
}

#[test]
fn put_with_an_id_renames_and_recolours_and_keeps_unknown_fields() {
    let mut stored = label("l-vip", "VIP");
    stored
        .extra
        .insert("team".into(), serde_json::json!("north"));
    let changed = put_label(
        &[stored.clone()],
        Some("l-vip"),
        "Very important",
        "#188038",
    )
    .unwrap();
    assert_eq!(changed.id, "l-vip");
    assert_eq!(changed.name, "Very important");
    assert_eq!(changed.color, "#188038");
    assert_eq!(changed.extra, stored.extra);
    // The same values: the same label (the background writes nothing).
    let same = put_label(&[stored.clone()], Some("l-vip"), "VIP", "#D93025").unwrap();
    assert_eq!(same, stored);
}

#[test]
fn put_refuses_bad_values_and_gone_labels() {
    let stored = [label("l-vip", "VIP"), deleted("l-gone", "Gone")];
    let refused = put_label(&stored, None, "", "#d93025").unwrap_err();
    assert_eq!(
        (refused.code, refused.path.as_deref()),
        ("invalid", Some("name"))
    );
    let refused = put_label(&stored, None, "New", "blue").unwrap_err();
    assert_eq!(
        (refused.code, refused.path.as_deref()),
        ("invalid", Some("color"))
    );
    for id in ["l-gone", "l-never"] {
        let refused = put_label(&stored, Some(id), "Back", "#d93025").unwrap_err();
        assert_eq!(refused.code, "not-found");
        assert_eq!(
            refused.message,
            "This label was deleted, maybe in another tab."
        );
    }
}

// ---- delete, restore ----

#[test]
fn delete_makes_a_tombstone_and_restore_brings_it_back() {
    let vip = label("l-vip", "VIP");
    let gone = delete_label(Some(&vip), NOW).unwrap();
    assert_eq!(gone.deleted_at.as_deref(), Some(NOW));
    assert!(!gone.is_live());
    // Deleting again changes nothing.
    assert_eq!(delete_label(Some(&gone), "later").unwrap(), gone);
    assert_eq!(delete_label(None, NOW).unwrap_err().code, "not-found");

    let back = restore_label(std::slice::from_ref(&gone), "l-vip").unwrap();
    assert_eq!(back, vip);
    // Restoring a live label changes nothing.
    assert_eq!(
        restore_label(std::slice::from_ref(&vip), "l-vip").unwrap(),
        vip
    );
    assert_eq!(restore_label(&[], "l-vip").unwrap_err().code, "not-found");
}

#[test]
fn restore_is_refused_when_the_name_was_taken_meanwhile() {
    let stored = [deleted("l-vip", "VIP"), label("l-vip-2", "vip")];
    let refused = restore_label(&stored, "l-vip").unwrap_err();
    assert_eq!(refused.code, "conflict");
    assert!(refused.message.contains("another label now has that name"));
}

#[test]
fn live_labels_are_listed_by_folded_name() {
    let stored = [
        label("l-z", "zebra"),
        deleted("l-a", "Aardvark"),
        label("l-e", "Éclair"),
        label("l-b", "banana"),
    ];
    let names: Vec<String> = live_by_name(&stored).into_iter().map(|l| l.name).collect();
    assert_eq!(names, ["banana", "Éclair", "zebra"]);
}

// ---- subject keys ----

#[test]
fn every_key_of_the_scheme_has_its_kind() {
    for (key, expected) in [
        ("fb:thread:100012345678901", SubjectKind::Conversation),
        ("fb:thread:some.user", SubjectKind::Conversation),
        ("fb:e2ee:7412589630", SubjectKind::Conversation),
        ("fb:inbox:123456789", SubjectKind::Conversation),
        (
            "x:dm:1589427603-1859001122334455667",
            SubjectKind::Conversation,
        ),
        ("x:dm:g1870012345678901234", SubjectKind::Conversation),
        ("x:dm:1234567", SubjectKind::Conversation),
        ("fb:comment:1234567890_987654321", SubjectKind::Comment),
        ("x:status:1859001122334455667", SubjectKind::Comment),
        ("fb:user:100071234567890", SubjectKind::Person),
        ("fb:user:jane.doe.77", SubjectKind::Person),
        ("x:user:acme_support", SubjectKind::Person),
    ] {
        assert_eq!(kind(key), Some(expected), "{key}");
    }
    assert_eq!(SubjectKind::Conversation.noun(), "Conversation");
    assert_eq!(SubjectKind::Person.noun(), "Person");
}

#[test]
fn malformed_keys_are_refused_with_the_reason() {
    for (key, reason) in [
        ("", "“” is not a conversation or person key (keys start with fb:thread, fb:e2ee, fb:inbox, x:dm, fb:comment, x:status, fb:user, x:user)"),
        ("fb:123", "“fb:123” is not a conversation or person key"),
        ("fb:thread:", "“fb:thread:” has no id after “fb:thread:”"),
        ("fb:thread:12 34", "the id after “fb:thread:” must be letters, digits"),
        ("x:user:AcmeSupport", "must be a lower-cased handle"),
        ("x:user:abcdefghijklmnopqrstu", "must be a lower-cased handle"),
        ("fb:user:Jane.Doe", "must be a numeric id or a lower-cased username"),
        ("x:dm:12-ab", "must be '<digits>-<digits>' or '<digits>', optionally after 'g'"),
        ("x:status:abc", "after “x:status:” must be digits"),
    ] {
        let refused = check_key(key).unwrap_err();
        assert!(refused.contains(reason), "{key}: {refused}");
        assert_eq!(kind(key), None);
    }
    assert!(check_key(&format!("fb:thread:{}", "1".repeat(129)))
        .unwrap_err()
        .contains("longer than 128 characters"));
}

// ---- assignment ----

#[test]
fn putting_a_label_on_creates_the_subject_and_keeps_insertion_order() {
    let vip = label("l-vip", "VIP");
    let order = label("l-order", "Order issue");
    let first = assign(
        None,
        "fb:thread:1",
        "l-vip",
        Some(&vip),
        true,
        Some(" Jane  Doe "),
    )
    .unwrap();
    let Assigned::Put(first) = first else {
        panic!("expected a put, got {first:?}")
    };
    assert_eq!(first.labels, ["l-vip"]);
    assert_eq!(first.name.as_deref(), Some("Jane Doe"));
    let Assigned::Put(second) = assign(
        Some(&first),
        "fb:thread:1",
        "l-order",
        Some(&order),
        true,
        None,
    )
    .unwrap() else {
        panic!("expected a put")
    };
    assert_eq!(second.labels, ["l-vip", "l-order"]);
    assert_eq!(second.name.as_deref(), Some("Jane Doe"));
}

#[test]
fn assignment_is_idempotent() {
    let vip = label("l-vip", "VIP");
    let stored = subject("fb:thread:1", &["l-vip"]);
    assert_eq!(
        assign(
            Some(&stored),
            "fb:thread:1",
            "l-vip",
            Some(&vip),
            true,
            None
        )
        .unwrap(),
        Assigned::Unchanged
    );
    assert_eq!(
        assign(None, "fb:thread:1", "l-vip", Some(&vip), false, None).unwrap(),
        Assigned::Unchanged
    );
    let two = subject("fb:thread:1", &["l-vip", "l-b"]);
    let Assigned::Put(one) =
        assign(Some(&two), "fb:thread:1", "l-vip", Some(&vip), false, None).unwrap()
    else {
        panic!("expected a put")
    };
    assert_eq!(one.labels, ["l-b"]);
}

#[test]
fn a_subject_without_labels_is_dropped() {
    let stored = subject("x:user:jane", &["l-vip"]);
    assert_eq!(
        assign(
            Some(&stored),
            "x:user:jane",
            "l-vip",
            None,
            false,
            Some("Jane")
        )
        .unwrap(),
        Assigned::Drop
    );
}

#[test]
fn a_new_name_alone_updates_the_subject() {
    let vip = label("l-vip", "VIP");
    let stored = subject("x:user:jane", &["l-vip"]);
    let Assigned::Put(renamed) = assign(
        Some(&stored),
        "x:user:jane",
        "l-vip",
        Some(&vip),
        true,
        Some("Jane R."),
    )
    .unwrap() else {
        panic!("expected a put")
    };
    assert_eq!(renamed.name.as_deref(), Some("Jane R."));
    assert_eq!(clean_name("   "), None);
    assert_eq!(clean_name(&"a".repeat(300)).unwrap().len(), 200);
}

#[test]
fn assignment_refuses_bad_keys_and_deleted_labels() {
    let vip = label("l-vip", "VIP");
    let refused = assign(None, "thread:1", "l-vip", Some(&vip), true, None).unwrap_err();
    assert_eq!(
        (refused.code, refused.path.as_deref()),
        ("invalid", Some("key"))
    );
    let gone = deleted("l-vip", "VIP");
    for stored in [None, Some(&gone)] {
        let refused = assign(None, "fb:thread:1", "l-vip", stored, true, None).unwrap_err();
        assert_eq!(refused.code, "not-found");
    }
    // Taking a deleted label off still works.
    let on = subject("fb:thread:1", &["l-vip"]);
    assert_eq!(
        assign(Some(&on), "fb:thread:1", "l-vip", Some(&gone), false, None).unwrap(),
        Assigned::Drop
    );
}

// ---- summary ----

fn note(id: &str, subject: &str, created_at: &str, name: Option<&str>) -> Note {
    Note {
        id: id.into(),
        subject: subject.into(),
        text: "text".into(),
        created_at: created_at.into(),
        subject_name: name.map(str::to_string),
        ..Note::default()
    }
}

#[test]
fn the_summary_has_live_labels_and_subjects_with_live_labels_or_notes() {
    let labels = [
        label("l-vip", "VIP"),
        deleted("l-old", "Old"),
        label("l-a", "Angry"),
    ];
    let mut named = subject("fb:thread:1", &["l-old", "l-vip", "l-a"]);
    named.name = Some("Jane".into());
    let subjects = [
        named,
        subject("fb:thread:2", &["l-old"]), // only a deleted label: left out
        subject("x:user:bob", &["l-a"]),
    ];
    let mut deleted_note = note("n-3", "fb:thread:9", "2026-01-03T00:00:00.000Z", None);
    deleted_note.deleted_at = Some(NOW.into());
    let notes = [
        note(
            "n-1",
            "fb:thread:1",
            "2026-01-01T00:00:00.000Z",
            Some("Jane"),
        ),
        note(
            "n-2",
            "x:user:carol",
            "2026-01-01T00:00:00.000Z",
            Some("Carol"),
        ),
        note(
            "n-4",
            "x:user:carol",
            "2026-01-02T00:00:00.000Z",
            Some("Carol R."),
        ),
        deleted_note, // left out
    ];
    let (live, summaries) = summarize(&labels, &subjects, &notes);
    let names: Vec<&str> = live.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["Angry", "VIP"]);
    assert_eq!(
        summaries,
        [
            SubjectSummary {
                key: "fb:thread:1".into(),
                labels: vec!["l-vip".into(), "l-a".into()],
                notes: 1,
                name: Some("Jane".into()),
            },
            SubjectSummary {
                key: "x:user:bob".into(),
                labels: vec!["l-a".into()],
                notes: 0,
                name: None,
            },
            SubjectSummary {
                key: "x:user:carol".into(),
                labels: vec![],
                notes: 2,
                name: Some("Carol R.".into()),
            },
        ]
    );
}

#[test]
fn label_json_keeps_unknown_fields_and_leaves_out_empty_ones() {
    let text = r##"{"id":"l-vip","name":"VIP","color":"#d93025","team":"north"}"##;
    let label: Label = serde_json::from_str(text).unwrap();
    assert_eq!(label.extra["team"], "north");
    assert_eq!(serde_json::to_string(&label).unwrap(), text);
}

// ---- schema ----

#[test]
fn schema_3_adds_the_labels_subjects_and_notes_stores_only() {
    use answerdeck::core::record::{
        migrations_after, SchemaStep, LABELS_STORE, NOTES_BY_SUBJECT, NOTES_STORE, SUBJECTS_STORE,
    };
    // A version-2 database (replies and usage) gains exactly these: nothing is dropped or recreated.
    let steps: Vec<SchemaStep> = migrations_after(2)[..1]
        .iter()
        .flat_map(|m| m.steps.iter().copied())
        .collect();
    assert_eq!(
        steps,
        [
            SchemaStep::CreateStore {
                store: LABELS_STORE,
                key_path: "id"
            },
            SchemaStep::CreateStore {
                store: SUBJECTS_STORE,
                key_path: "key"
            },
            SchemaStep::CreateStore {
                store: NOTES_STORE,
                key_path: "id"
            },
            SchemaStep::CreateIndex {
                store: NOTES_STORE,
                index: NOTES_BY_SUBJECT,
                key_path: "subject",
                unique: false
            },
        ]
    );
    assert_eq!(
        (LABELS_STORE, SUBJECTS_STORE, NOTES_STORE),
        ("labels", "subjects", "notes")
    );
}

#[test]
fn schema_4_adds_the_timers_and_events_stores_only() {
    use answerdeck::core::record::{migrations_after, SchemaStep, EVENTS_STORE, TIMERS_STORE};
    let steps: Vec<SchemaStep> = migrations_after(3)
        .iter()
        .flat_map(|m| m.steps.iter().copied())
        .collect();
    assert_eq!(
        steps,
        [
            SchemaStep::CreateStore {
                store: TIMERS_STORE,
                key_path: "key"
            },
            SchemaStep::CreateStore {
                store: EVENTS_STORE,
                key_path: "id"
            },
        ]
    );
}

#[test]
fn carriers_count_conversations_comments_and_people_per_label() {
    use answerdeck::core::label_summary::{carriers, Carriers};
    let summary = |key: &str, labels: &[&str]| SubjectSummary {
        key: key.into(),
        labels: labels.iter().map(|s| s.to_string()).collect(),
        ..SubjectSummary::default()
    };
    let counts = carriers(&[
        summary("fb:thread:1", &["l-vip", "l-a"]),
        summary("x:dm:1-2", &["l-vip"]),
        summary("x:user:bob", &["l-vip"]),
        summary("fb:comment:9", &["l-a"]),
        summary("x:status:5", &[]),
    ]);
    assert_eq!(
        counts["l-vip"],
        Carriers {
            conversations: 2,
            comments: 0,
            people: 1
        }
    );
    assert_eq!(counts["l-vip"].describe(), "2 conversations, 1 person");
    assert_eq!(counts["l-a"].describe(), "1 conversation, 1 comment");
    assert_eq!(Carriers::default().describe(), "Not used yet");
    assert_eq!(
        Carriers {
            conversations: 0,
            comments: 2,
            people: 3
        }
        .describe(),
        "2 comments, 3 people"
    );
}

#[test]
fn keys_are_described_by_kind_and_site() {
    use answerdeck::core::subject::{describe, site};
    assert_eq!(describe("fb:inbox:42"), "Conversation on Facebook");
    assert_eq!(describe("x:user:bob"), "Person on X");
    assert_eq!(describe("x:status:77"), "Comment on X");
    assert_eq!(describe("nonsense"), "Unknown");
    assert_eq!(site("fb:user:1"), Some("Facebook"));
    assert_eq!(site("y:1"), None);
}
