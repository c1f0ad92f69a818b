//! Data format v1 for labels, conversation labels and notes: every refusal with its place, the merge into
//! what is stored (labels by id or by name, labels on conversations unioned, notes merged without losing a
//! version, unknown label ids refusing the file), and export → import round trips.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use answerdeck::core::exchange::merge::{export_sections, plan, LabelsPlan};
use answerdeck::core::exchange::{parse_v1, to_v1, Export};
use answerdeck::core::labels::{Label, SubjectLabels};
use answerdeck::core::notes::{merge_note, Note, NoteVersion};
use serde_json::{json, Value};

const T1: &str = "2026-11-20T09:00:00.000Z";
const T2: &str = "2026-11-21T09:00:00.000Z";
const T3: &str = "2026-11-22T09:00:00.000Z";

fn file(sections: Value) -> String {
    let mut top = json!({"format": "answerdeck", "version": 1, "replies": []});
    for (key, value) in sections.as_object().unwrap() {
        top[key] = value.clone();
    }
    top.to_string()
}

fn refusal(sections: Value) -> String {
    parse_v1(&file(sections))
        .expect_err("the file must be refused")
        .to_string()
}

fn label(id: &str, name: &str, color: &str) -> Label {
    Label {
        id: id.into(),
        name: name.into(),
        color: color.into(),
        ..Label::default()
    }
}

fn subject(key: &str, labels: &[&str]) -> SubjectLabels {
    SubjectLabels {
        key: key.into(),
        labels: labels.iter().map(|s| s.to_string()).collect(),
        ..SubjectLabels::default()
    }
}

fn note(id: &str, subject: &str, text: &str, author: &str, created_at: &str) -> Note {
    Note {
        id: id.into(),
        subject: subject.into(),
        text: text.into(),
        author: author.into(),
        created_at: created_at.into(),
        ..Note::default()
    }
}

// ---- reading ----

#[test]
fn reads_labels_conversations_and_notes_with_unknown_fields() {
    let export = parse_v1(&file(json!({
        "labels": [{"id": "l-vip", "name": " VIP ", "color": "#D93025", "icon": "star"}],
        "conversations": [
            {"key": "fb:thread:1", "labels": ["l-vip", "l-vip"], "name": "Jane", "pinned": true},
            {"key": "x:user:bob", "labels": ["l-vip"]}
        ],
        "notes": [{
            "id": "n-1", "subject": "x:user:bob", "text": "Prefers e-mail", "author": "Sam",
            "created_at": "2026-11-20T10:00:00+01:00", "edited_at": "2026-11-21T09:00:00Z",
            "history": [{"text": "Prefers mail", "author": "Alex", "at": "2026-11-20T09:00:00Z"}],
            "subject_name": "Bob", "mood": "calm"
        }]
    })))
    .unwrap();
    let mut vip = label("l-vip", "VIP", "#d93025");
    vip.extra.insert("icon".into(), json!("star"));
    assert_eq!(export.labels, [vip]);
    // A label without a colour (files from other tools) is grey.
    let plain = parse_v1(&file(json!({"labels": [{"id": "l-1", "name": "Plain"}]}))).unwrap();
    assert_eq!(plain.labels[0].color, "#5f6368");
    let mut jane = subject("fb:thread:1", &["l-vip"]);
    jane.name = Some("Jane".into());
    jane.extra.insert("pinned".into(), json!(true));
    assert_eq!(
        export.conversations,
        [jane, subject("x:user:bob", &["l-vip"])]
    );
    let mut expected = note("n-1", "x:user:bob", "Prefers e-mail", "Sam", T1);
    expected.edited_at = Some(T2.into());
    expected.history = vec![NoteVersion {
        text: "Prefers mail".into(),
        author: "Alex".into(),
        at: T1.into(),
    }];
    expected.subject_name = Some("Bob".into());
    expected.extra.insert("mood".into(), json!("calm"));
    assert_eq!(export.notes, [expected]);
}

#[test]
fn refuses_bad_labels_naming_the_place() {
    for (labels, expected) in [
        (json!(["VIP"]), "labels[0]: must be an object, found a string"),
        (json!([{"name": "VIP", "color": "#d93025"}]), "labels[0].id: missing; every label needs one"),
        (json!([{"id": "l-1", "color": "#d93025"}]), "labels[0].name: missing; every label needs one"),
        (json!([{"id": "", "name": "VIP", "color": "#d93025"}]), "labels[0].id: must not be empty"),
        (json!([{"id": 7, "name": "VIP", "color": "#d93025"}]), "labels[0].id: must be a string, found a number"),
        (json!([{"id": "l-1", "name": " ", "color": "#d93025"}]), "labels[0].name: a label needs a name"),
        (json!([{"id": "l-1", "name": "x".repeat(41), "color": "#d93025"}]), "labels[0].name: the name is 41 characters long; labels have at most 40"),
        (json!([{"id": "l-1", "name": "VIP", "color": "red"}]), "labels[0].color: “red” is not a colour; use #rrggbb, like #d93025"),
        (
            json!([{"id": "l-1", "name": "VIP", "color": "#d93025"}, {"id": "l-1", "name": "B", "color": "#d93025"}]),
            "labels[1].id: duplicate id “l-1” (also labels[0])",
        ),
        (
            json!([{"id": "l-1", "name": "Café", "color": "#d93025"}, {"id": "l-2", "name": "CAFE", "color": "#d93025"}]),
            "labels[1].name: “CAFE” is also the name of labels[0]",
        ),
        (
            json!([{"id": "l-1", "name": "VIP", "color": "#d93025", "deleted_at": "soon"}]),
            "labels[0].deleted_at: “soon” is not a date and time; use ISO 8601 with a time zone, like 2026-11-20T09:00:00Z",
        ),
    ] {
        assert_eq!(refusal(json!({"labels": labels})), expected);
    }
}

#[test]
fn refuses_bad_conversations_naming_the_place() {
    for (conversations, expected) in [
        (json!([{"labels": ["l-1"]}]), "conversations[0].key: missing; every conversation needs one"),
        (json!([{"key": "fb:123", "labels": []}]), "conversations[0].key: “fb:123” is not a conversation or person key"),
        (json!([{"key": "x:user:Bob", "labels": []}]), "conversations[0].key: “x:user:Bob” is not a valid key: the id after “x:user:” must be a lower-cased handle"),
        (json!([{"key": "fb:thread:1", "labels": "l-1"}]), "conversations[0].labels: must be an array, found a string"),
        (json!([{"key": "fb:thread:1", "labels": ["l-1", 2]}]), "conversations[0].labels[1]: must be a string, found a number"),
        (json!([{"key": "fb:thread:1", "name": 5}]), "conversations[0].name: must be a string, found a number"),
        (
            json!([{"key": "fb:thread:1"}, {"key": "fb:thread:1"}]),
            "conversations[1].key: duplicate key “fb:thread:1” (also conversations[0])",
        ),
    ] {
        let got = refusal(json!({"conversations": conversations}));
        assert!(got.starts_with(expected), "{got}\n  expected {expected}");
    }
}

#[test]
fn refuses_bad_notes_naming_the_place() {
    let good = json!({"id": "n-1", "subject": "fb:thread:1", "text": "Hi", "created_at": T1});
    let with = |edit: &dyn Fn(&mut serde_json::Map<String, Value>)| {
        let mut note = good.clone();
        edit(note.as_object_mut().unwrap());
        json!({"notes": [note]})
    };
    for (sections, expected) in [
        (
            with(&|n| {
                n.remove("id");
            }),
            "notes[0].id: missing; every note needs one",
        ),
        (
            with(&|n| {
                n.remove("subject");
            }),
            "notes[0].subject: missing; every note needs one",
        ),
        (
            with(&|n| {
                n.remove("text");
            }),
            "notes[0].text: missing; every note needs one",
        ),
        (
            with(&|n| {
                n.remove("created_at");
            }),
            "notes[0].created_at: missing; every note needs one",
        ),
        (
            with(&|n| {
                n.insert("subject".into(), json!("Jane"));
            }),
            "notes[0].subject: “Jane” is not a conversation or person key",
        ),
        (
            with(&|n| {
                n.insert("text".into(), json!("  "));
            }),
            "notes[0].text: a note needs some text",
        ),
        (
            with(&|n| {
                n.insert("text".into(), json!("a".repeat(10_001)));
            }),
            "notes[0].text: the note is 10,001 characters long; notes have at most 10,000",
        ),
        (
            with(&|n| {
                n.insert("created_at".into(), json!("2026-11-20"));
            }),
            "notes[0].created_at: “2026-11-20” is not a date and time",
        ),
        (
            with(&|n| {
                n.insert("history".into(), json!([{"text": "old"}]));
            }),
            "notes[0].history[0].at: missing; every earlier version needs one",
        ),
        (
            with(&|n| {
                n.insert("history".into(), json!([{"text": "old", "at": "x"}]));
            }),
            "notes[0].history[0].at: “x” is not a date and time",
        ),
        (
            with(&|n| {
                n.insert("history".into(), json!(["old"]));
            }),
            "notes[0].history[0]: must be an object, found a string",
        ),
        (
            json!({"notes": [good.clone(), good.clone()]}),
            "notes[1].id: duplicate id “n-1” (also notes[0])",
        ),
    ] {
        let got = refusal(sections);
        assert!(got.starts_with(expected), "{got}\n  expected {expected}");
    }
}

// ---- merging ----

fn plan_of(
    stored: (&[Label], &[SubjectLabels], &[Note]),
    sections: Value,
) -> Result<LabelsPlan, String> {
    let export = parse_v1(&file(sections)).unwrap();
    plan(
        stored.0,
        stored.1,
        stored.2,
        export.labels,
        export.conversations,
        export.notes,
    )
    .map_err(|e| e.to_string())
}

#[test]
fn labels_merge_by_id_and_by_name() {
    let mut gone = label("l-gone", "Gone", "#188038");
    gone.deleted_at = Some(T1.into());
    let stored = [
        label("l-vip", "VIP", "#d93025"),
        label("l-mine", "Café", "#1a73e8"),
        gone,
    ];
    let plan = plan_of(
        (&stored, &[], &[]),
        json!({"labels": [
            {"id": "l-vip", "name": "VIP", "color": "#d93025"},          // the same: unchanged
            {"id": "l-theirs", "name": "cafe", "color": "#5f6368"},      // same name as l-mine: mapped
            {"id": "l-gone", "name": "Gone", "color": "#188038"},        // a deleted one comes back
            {"id": "l-new", "name": "Wholesale", "color": "#9334e6"},    // added
        ],
        "conversations": [{"key": "fb:thread:1", "labels": ["l-theirs", "l-new", "l-mine"]}]}),
    )
    .unwrap();
    assert_eq!(
        plan.labels,
        [
            label("l-gone", "Gone", "#188038"),
            label("l-new", "Wholesale", "#9334e6")
        ]
    );
    assert_eq!((plan.labels_added, plan.labels_updated), (1, 1));
    // l-theirs landed on l-mine; mentioned twice, it counts once.
    assert_eq!(
        plan.subjects,
        [subject("fb:thread:1", &["l-mine", "l-new"])]
    );
    assert_eq!(plan.conversations_added, 1);
}

#[test]
fn a_file_label_renames_and_recolours_the_stored_one_with_its_id() {
    let stored = [label("l-vip", "VIP", "#d93025")];
    let plan = plan_of(
        (&stored, &[], &[]),
        json!({"labels": [{"id": "l-vip", "name": "Very important", "color": "#188038"}]}),
    )
    .unwrap();
    assert_eq!(plan.labels, [label("l-vip", "Very important", "#188038")]);
    assert_eq!(plan.labels_updated, 1);
}

#[test]
fn conversation_labels_are_unioned_in_order() {
    let labels = [
        label("l-a", "A", "#d93025"),
        label("l-b", "B", "#d93025"),
        label("l-c", "C", "#d93025"),
    ];
    let mut stored = subject("fb:thread:1", &["l-b", "l-a"]);
    stored.name = Some("Jane".into());
    let subjects = [stored, subject("x:user:bob", &["l-a"])];
    let plan = plan_of(
        (&labels, &subjects, &[]),
        json!({"conversations": [
            {"key": "fb:thread:1", "labels": ["l-a", "l-c"], "name": "Old name"},
            {"key": "x:user:bob", "labels": ["l-a"]},
            {"key": "x:user:carol", "labels": ["l-c"], "name": "Carol"},
            {"key": "x:user:dan", "labels": []},
        ]}),
    )
    .unwrap();
    let mut jane = subject("fb:thread:1", &["l-b", "l-a", "l-c"]);
    jane.name = Some("Jane".into());
    let mut carol = subject("x:user:carol", &["l-c"]);
    carol.name = Some("Carol".into());
    assert_eq!(plan.subjects, [jane, carol]);
    assert_eq!(
        (plan.conversations_added, plan.conversations_updated),
        (1, 1)
    );
}

#[test]
fn an_unknown_label_id_refuses_the_whole_file_with_its_place() {
    let labels = [label("l-stored", "Stored", "#d93025")];
    let mut deleted_in_file = json!({"id": "l-old", "name": "Old", "color": "#d93025"});
    deleted_in_file["deleted_at"] = json!(T1);
    let refused = plan_of(
        (&labels, &[], &[]),
        json!({
            "labels": [{"id": "l-file", "name": "File", "color": "#d93025"}, deleted_in_file],
            "conversations": [
                {"key": "fb:thread:1", "labels": ["l-file", "l-stored"]},
                {"key": "fb:thread:2", "labels": ["l-stored"]},
                {"key": "fb:thread:3", "labels": ["l-stored"]},
                {"key": "fb:thread:4", "labels": ["l-stored", "l-old"]},
            ],
        }),
    )
    .unwrap_err();
    assert_eq!(
        refused,
        "conversations[3].labels[1]: names the label “l-old”, which is neither in the file's labels nor stored"
    );
}

#[test]
fn notes_merge_by_id_without_losing_a_version() {
    let stored = [
        note("n-same", "fb:thread:1", "Same", "Sam", T1),
        note("n-older", "fb:thread:1", "Stored text", "Sam", T1),
        note("n-newer", "fb:thread:1", "Stored text", "Sam", T3),
    ];
    let plan = plan_of(
        (&[], &[], &stored),
        json!({"notes": [
            {"id": "n-same", "subject": "fb:thread:1", "text": "Same", "author": "Other", "created_at": T2},
            {"id": "n-older", "subject": "fb:thread:1", "text": "File text", "author": "Alex", "created_at": T1, "edited_at": T2,
             "history": [{"text": "Stored text", "author": "Sam", "at": T1}]},
            {"id": "n-newer", "subject": "fb:thread:1", "text": "File text", "author": "Alex", "created_at": T2},
            {"id": "n-new", "subject": "x:user:bob", "text": "New", "author": "Alex", "created_at": T2},
        ]}),
    )
    .unwrap();
    assert_eq!((plan.notes_added, plan.notes_updated), (1, 2));
    let by_id = |id: &str| plan.notes.iter().find(|n| n.id == id).unwrap().clone();
    // The file's edit is later: current, with the stored text (the same version) once in the history.
    let older = by_id("n-older");
    assert_eq!(older.text, "File text");
    assert_eq!(older.author, "Alex");
    assert_eq!(older.edited_at.as_deref(), Some(T2));
    assert_eq!(
        older.history,
        [NoteVersion {
            text: "Stored text".into(),
            author: "Sam".into(),
            at: T1.into()
        }]
    );
    // The stored text is later: it stays current and the file's goes to the history.
    let newer = by_id("n-newer");
    assert_eq!(newer.text, "Stored text");
    assert_eq!(newer.created_at, T2);
    assert_eq!(newer.edited_at.as_deref(), Some(T3));
    assert_eq!(
        newer.history,
        [NoteVersion {
            text: "File text".into(),
            author: "Alex".into(),
            at: T2.into()
        }]
    );
    assert_eq!(by_id("n-new").text, "New");
}

#[test]
fn a_note_deleted_here_stays_deleted_and_deleted_file_notes_are_ignored() {
    let mut gone = note("n-1", "fb:thread:1", "Old", "Sam", T1);
    gone.deleted_at = Some(T2.into());
    let plan = plan_of(
        (&[], &[], &[gone]),
        json!({"notes": [
            {"id": "n-1", "subject": "fb:thread:1", "text": "Newer", "created_at": T3},
            {"id": "n-2", "subject": "fb:thread:1", "text": "Deleted there", "created_at": T1, "deleted_at": T2},
        ]}),
    )
    .unwrap();
    assert_eq!(plan.notes.len(), 1);
    assert_eq!(plan.notes[0].deleted_at.as_deref(), Some(T2));
    assert_eq!(plan.notes[0].text, "Newer");
    assert_eq!(plan.notes_added, 0);
}

#[test]
fn merging_a_note_with_itself_changes_nothing() {
    let mut edited = note("n-1", "fb:thread:1", "B", "Alex", T1);
    edited.edited_at = Some(T2.into());
    edited.history = vec![NoteVersion {
        text: "A".into(),
        author: "Sam".into(),
        at: T1.into(),
    }];
    assert_eq!(merge_note(&edited, &edited), edited);
}

// ---- round trips ----

fn stored_state() -> (Vec<Label>, Vec<SubjectLabels>, Vec<Note>) {
    let mut gone = label("l-gone", "Gone", "#188038");
    gone.deleted_at = Some(T1.into());
    let mut vip = label("l-vip", "VIP", "#d93025");
    vip.extra.insert("icon".into(), json!("star"));
    let labels = vec![vip, label("l-order", "Order issue", "#e8710a"), gone];
    let mut jane = subject("fb:thread:100012345678901", &["l-vip", "l-gone", "l-order"]);
    jane.name = Some("Jane Doe".into());
    let subjects = vec![
        jane,
        subject("x:user:bob", &["l-vip"]),
        subject("x:dm:1-2", &["l-gone"]), // only a deleted label: not exported
    ];
    let mut edited = note("n-2", "x:user:bob", "Prefers e-mail", "Alex", T1);
    edited.edited_at = Some(T2.into());
    edited.history = vec![NoteVersion {
        text: "Prefers mail".into(),
        author: "Sam".into(),
        at: T1.into(),
    }];
    edited.subject_name = Some("Bob".into());
    edited.extra.insert("mood".into(), json!("calm"));
    let mut deleted = note("n-3", "x:user:bob", "Gone", "Sam", T3);
    deleted.deleted_at = Some(T3.into());
    let notes = vec![
        note(
            "n-1",
            "fb:thread:100012345678901",
            "Wants a refund <b>now</b>",
            "Sam",
            T2,
        ),
        edited,
        deleted,
    ];
    (labels, subjects, notes)
}

fn exported() -> (String, Export) {
    let (labels, subjects, notes) = stored_state();
    let (labels, conversations, notes) = export_sections(&labels, &subjects, &notes);
    let export = Export {
        labels,
        conversations,
        notes,
        ..Export::default()
    };
    (to_v1(&export, T3), export)
}

#[test]
fn export_has_live_labels_subjects_with_live_labels_and_live_notes() {
    let (text, _) = exported();
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        value["labels"],
        json!([
            {"id": "l-order", "name": "Order issue", "color": "#e8710a"},
            {"id": "l-vip", "name": "VIP", "color": "#d93025", "icon": "star"},
        ])
    );
    assert_eq!(
        value["conversations"],
        json!([
            {"key": "fb:thread:100012345678901", "labels": ["l-vip", "l-order"], "name": "Jane Doe"},
            {"key": "x:user:bob", "labels": ["l-vip"]},
        ])
    );
    assert_eq!(
        value["notes"],
        json!([
            {"id": "n-2", "subject": "x:user:bob", "text": "Prefers e-mail", "author": "Alex", "created_at": T1,
             "edited_at": T2, "history": [{"text": "Prefers mail", "author": "Sam", "at": T1}],
             "subject_name": "Bob", "mood": "calm"},
            {"id": "n-1", "subject": "fb:thread:100012345678901", "text": "Wants a refund <b>now</b>",
             "author": "Sam", "created_at": T2},
        ])
    );
}

#[test]
fn export_then_parse_gives_the_same_sections_and_text() {
    let (text, export) = exported();
    let again = parse_v1(&text).unwrap();
    assert_eq!(again, export);
    assert_eq!(to_v1(&again, T3), text);
}

#[test]
fn importing_an_export_into_the_same_store_changes_nothing() {
    let (labels, subjects, notes) = stored_state();
    let (text, _) = exported();
    let export = parse_v1(&text).unwrap();
    let plan = plan(
        &labels,
        &subjects,
        &notes,
        export.labels,
        export.conversations,
        export.notes,
    )
    .unwrap();
    assert!(plan.is_empty(), "{plan:?}");
}

#[test]
fn importing_an_export_into_an_empty_store_gives_back_the_live_data() {
    let (text, export) = exported();
    let parsed = parse_v1(&text).unwrap();
    let plan = plan(
        &[],
        &[],
        &[],
        parsed.labels,
        parsed.conversations,
        parsed.notes,
    )
    .unwrap();
    assert_eq!(
        (
            plan.labels_added,
            plan.conversations_added,
            plan.notes_added
        ),
        (2, 2, 2)
    );
    // What the new store exports is what the old one exported.
    let (labels, conversations, notes) = export_sections(&plan.labels, &plan.subjects, &plan.notes);
    assert_eq!(
        (labels, conversations, notes),
        (export.labels, export.conversations, export.notes)
    );
}
