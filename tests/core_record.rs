//! Records: put/delete with revisions and conflicts, import merge plans, the schema migrations list.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use answerdeck::core::record::{
    apply_delete, apply_put, merge_import, migrations_after, ImportPlan, Record, SchemaStep,
    WriteError, MIGRATIONS, REPLIES_STORE, SCHEMA_VERSION, USAGE_STORE,
};
use answerdeck::core::reply::{FieldError, Reply};

const NOW: &str = "2026-11-22T10:00:00Z";

fn reply(id: &str, body: &str) -> Reply {
    Reply::new(id, format!("Title {id}"), body)
}

fn stored(id: &str, body: &str, rev: u64) -> Record<Reply> {
    Record {
        rev,
        updated_at: "2026-11-01T00:00:00Z".into(),
        data: reply(id, body),
    }
}

// ---- put ----

#[test]
fn put_creates_at_revision_one() {
    let record = apply_put(None, reply("r-1", "Hi"), None, NOW).unwrap();
    assert_eq!(
        record,
        Record {
            rev: 1,
            updated_at: NOW.into(),
            data: reply("r-1", "Hi")
        }
    );
}

#[test]
fn put_on_the_current_revision_bumps_it() {
    let existing = stored("r-1", "Hi", 4);
    let record = apply_put(Some(&existing), reply("r-1", "Hello"), Some(4), NOW).unwrap();
    assert_eq!(record.rev, 5);
    assert_eq!(record.updated_at, NOW);
    assert_eq!(record.data.body, "Hello");
}

#[test]
fn put_on_a_stale_revision_is_a_conflict() {
    let existing = stored("r-1", "Hi", 4);
    let refused = apply_put(Some(&existing), reply("r-1", "Hello"), Some(3), NOW).unwrap_err();
    assert_eq!(
        refused,
        WriteError::Conflict {
            id: "r-1".into(),
            expected: 3,
            actual: 4
        }
    );
    assert_eq!(
        refused.to_string(),
        "This reply was changed in another tab; reload to see the newer version."
    );
}

#[test]
fn create_over_an_existing_id_is_a_conflict() {
    let existing = stored("r-1", "Hi", 2);
    let refused = apply_put(Some(&existing), reply("r-1", "Hello"), None, NOW).unwrap_err();
    assert_eq!(
        refused,
        WriteError::Conflict {
            id: "r-1".into(),
            expected: 0,
            actual: 2
        }
    );
    assert_eq!(
        refused.to_string(),
        "A reply with this id was just created in another tab; reload to see it."
    );
}

#[test]
fn update_of_a_deleted_reply_is_not_found() {
    let refused = apply_put(None, reply("r-1", "Hello"), Some(2), NOW).unwrap_err();
    assert_eq!(refused, WriteError::NotFound { id: "r-1".into() });
    assert_eq!(
        refused.to_string(),
        "This reply was deleted in another tab; reload to see the library."
    );
}

#[test]
fn put_validates_before_anything_else() {
    let existing = stored("r-1", "Hi", 4);
    let refused = apply_put(Some(&existing), reply("r-1", "{oops}"), Some(1), NOW).unwrap_err();
    assert_eq!(
        refused,
        WriteError::Invalid(FieldError {
            field: "body".into(),
            reason: "template problem: unknown variable {oops} at character 1".into()
        })
    );
    assert_eq!(
        refused.to_string(),
        "This reply can't be saved: body: template problem: unknown variable {oops} at character 1"
    );
}

// ---- delete ----

#[test]
fn delete_on_the_current_revision_or_without_one_succeeds() {
    let existing = stored("r-1", "Hi", 3);
    assert_eq!(apply_delete(Some(&existing), Some(3)), Ok(()));
    assert_eq!(apply_delete(Some(&existing), None), Ok(()));
}

#[test]
fn delete_on_a_stale_revision_is_a_conflict() {
    let existing = stored("r-1", "Hi", 3);
    assert_eq!(
        apply_delete(Some(&existing), Some(2)),
        Err(WriteError::Conflict {
            id: "r-1".into(),
            expected: 2,
            actual: 3
        })
    );
}

#[test]
fn deleting_what_is_gone_succeeds() {
    assert_eq!(apply_delete(None, Some(3)), Ok(()));
    assert_eq!(apply_delete(None, None), Ok(()));
}

// ---- import merge ----

#[test]
fn merge_adds_updates_and_skips_unchanged() {
    let existing = vec![stored("a", "same", 2), stored("b", "old", 7)];
    let incoming = vec![reply("a", "same"), reply("b", "new"), reply("c", "fresh")];
    let plan = merge_import(&existing, incoming, NOW);
    assert_eq!(
        plan,
        ImportPlan {
            puts: vec![
                Record {
                    rev: 8,
                    updated_at: NOW.into(),
                    data: reply("b", "new")
                },
                Record {
                    rev: 1,
                    updated_at: NOW.into(),
                    data: reply("c", "fresh")
                },
            ],
            added: 1,
            updated: 1,
            unchanged: 1,
        }
    );
}

#[test]
fn merge_compares_every_field_including_unknown_ones() {
    let existing = vec![stored("a", "same", 1)];
    let mut changed = reply("a", "same");
    changed
        .extra
        .insert("color".into(), serde_json::json!("#fff"));
    let plan = merge_import(&existing, vec![changed.clone()], NOW);
    assert_eq!((plan.added, plan.updated, plan.unchanged), (0, 1, 0));
    assert_eq!(plan.puts[0].data, changed);

    let mut favorite = reply("a", "same");
    favorite.favorite = true;
    assert_eq!(merge_import(&existing, vec![favorite], NOW).updated, 1);
}

#[test]
fn merge_of_nothing_changes_nothing() {
    let existing = vec![stored("a", "x", 1)];
    assert_eq!(merge_import(&existing, vec![], NOW), ImportPlan::default());
    let plan = merge_import(&[], vec![reply("a", "x")], NOW);
    assert_eq!((plan.added, plan.updated, plan.unchanged), (1, 0, 0));
}

#[test]
fn merge_with_a_repeated_id_keeps_the_last_one_once() {
    let existing = vec![stored("a", "old", 5)];
    let plan = merge_import(
        &existing,
        vec![
            reply("a", "first"),
            reply("n", "1"),
            reply("a", "second"),
            reply("n", "2"),
        ],
        NOW,
    );
    let written: Vec<(&str, &str, u64)> = plan
        .puts
        .iter()
        .map(|r| (r.data.id.as_str(), r.data.body.as_str(), r.rev))
        .collect();
    assert_eq!(written, vec![("a", "second", 6), ("n", "2", 1)]);
    assert_eq!((plan.added, plan.updated, plan.unchanged), (1, 1, 0));
}

// ---- records on disk and the schema ----

#[test]
fn record_serializes_with_the_reply_under_data() {
    let record = stored("r-1", "Hi", 3);
    let value = serde_json::to_value(&record).unwrap();
    assert_eq!(
        value,
        serde_json::json!({
            "rev": 3,
            "updated_at": "2026-11-01T00:00:00Z",
            "data": {"id": "r-1", "title": "Title r-1", "body": "Hi", "favorite": false}
        })
    );
    let back: Record<Reply> = serde_json::from_value(value).unwrap();
    assert_eq!(back, record);
}

#[test]
fn migrations_run_in_order_up_to_the_schema_version() {
    let versions: Vec<u32> = MIGRATIONS.iter().map(|m| m.version).collect();
    let expected: Vec<u32> = (1..=SCHEMA_VERSION).collect();
    assert_eq!(versions, expected);
    assert_eq!(migrations_after(0), MIGRATIONS);
    assert!(migrations_after(SCHEMA_VERSION).is_empty());
    assert_eq!(
        MIGRATIONS[0].steps,
        &[SchemaStep::CreateStore {
            store: REPLIES_STORE,
            key_path: "data.id"
        }]
    );
    // A database from version 1 gains the usage store first (then what later versions add).
    assert_eq!(
        migrations_after(1)[0].steps,
        [SchemaStep::CreateStore {
            store: USAGE_STORE,
            key_path: "id"
        }]
    );
}
