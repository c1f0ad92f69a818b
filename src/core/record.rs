//! What the store keeps: each reply wrapped in a [`Record`] with a revision, and the rules for writing
//! one. The service worker is the only writer; these pure functions decide every write so the rules are
//! tested natively and the IndexedDB code only moves bytes.
//!
//! Revisions make lost updates visible: a write names the revision it was based on, and a stale one is
//! refused with [`WriteError::Conflict`] instead of silently overwriting another tab's change.

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::core::reply::{validate_reply, FieldError, Reply};

/// IndexedDB schema version: the last entry of [`MIGRATIONS`].
pub const SCHEMA_VERSION: u32 = 4;

/// Object store holding `Record<Reply>` values.
pub const REPLIES_STORE: &str = "replies";

/// Object store holding each reply's use (`{"id", "count", "last_used_ms"}`), keyed by the reply id. Apart
/// from the replies, so an insertion never bumps a reply's revision or conflicts with an edit.
pub const USAGE_STORE: &str = "usage";

/// Object store holding labels (`core::labels::Label`, deleted ones as tombstones), keyed by `id`.
pub const LABELS_STORE: &str = "labels";

/// Object store holding the labels on each subject (`core::labels::SubjectLabels`), keyed by `key`.
pub const SUBJECTS_STORE: &str = "subjects";

/// Object store holding notes (`core::notes::Note`, deleted ones as tombstones), keyed by `id`.
pub const NOTES_STORE: &str = "notes";

/// Index of [`NOTES_STORE`] by the note's subject key: the notes of one conversation without reading all.
pub const NOTES_BY_SUBJECT: &str = "subject";
/// Version 4: one response-timer record per conversation or comment (`core::timers::TimerRecord`), keyed by
/// its subject key.
pub const TIMERS_STORE: &str = "timers";
/// Version 4: the response statistics' event log, keyed by an id made from what each event records.
pub const EVENTS_STORE: &str = "events";

/// One change to the IndexedDB schema, applied inside `onupgradeneeded`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SchemaStep {
    /// `db.createObjectStore(store, { keyPath })`.
    CreateStore {
        store: &'static str,
        key_path: &'static str,
    },
    /// `store.createIndex(index, keyPath, { unique })`.
    CreateIndex {
        store: &'static str,
        index: &'static str,
        key_path: &'static str,
        unique: bool,
    },
}

/// The steps that bring a database from `version - 1` to `version`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Migration {
    pub version: u32,
    pub steps: &'static [SchemaStep],
}

/// Version 1: the replies store, keyed by the reply id inside each record.
pub const MIGRATION_1: Migration = Migration {
    version: 1,
    steps: &[SchemaStep::CreateStore {
        store: REPLIES_STORE,
        key_path: "data.id",
    }],
};

/// Version 2: how often and how recently each reply was used.
pub const MIGRATION_2: Migration = Migration {
    version: 2,
    steps: &[SchemaStep::CreateStore {
        store: USAGE_STORE,
        key_path: "id",
    }],
};

/// Version 3: conversation labels and notes. Only adds stores, so replies and usage stay as they are.
pub const MIGRATION_3: Migration = Migration {
    version: 3,
    steps: &[
        SchemaStep::CreateStore {
            store: LABELS_STORE,
            key_path: "id",
        },
        SchemaStep::CreateStore {
            store: SUBJECTS_STORE,
            key_path: "key",
        },
        SchemaStep::CreateStore {
            store: NOTES_STORE,
            key_path: "id",
        },
        SchemaStep::CreateIndex {
            store: NOTES_STORE,
            index: NOTES_BY_SUBJECT,
            key_path: "subject",
            unique: false,
        },
    ],
};

/// Version 4: response timers and their event log. Only adds stores.
pub const MIGRATION_4: Migration = Migration {
    version: 4,
    steps: &[
        SchemaStep::CreateStore {
            store: TIMERS_STORE,
            key_path: "key",
        },
        SchemaStep::CreateStore {
            store: EVENTS_STORE,
            key_path: "id",
        },
    ],
};

/// Every migration in order; versions are 1, 2, 3 … and the last one is [`SCHEMA_VERSION`].
pub const MIGRATIONS: &[Migration] = &[MIGRATION_1, MIGRATION_2, MIGRATION_3, MIGRATION_4];

/// The migrations to run when opening a database found at `old_version` (0 for a new database).
pub fn migrations_after(old_version: u32) -> &'static [Migration] {
    let start = MIGRATIONS
        .iter()
        .position(|migration| migration.version > old_version)
        .unwrap_or(MIGRATIONS.len());
    &MIGRATIONS[start..]
}

/// A stored value with its revision (1 on creation, +1 on every write) and the time of the last write.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record<T> {
    pub rev: u64,
    pub updated_at: String,
    pub data: T,
}

/// Why a write was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteError {
    /// The stored revision is not the one the write was based on (`expected` 0: the write meant to
    /// create, but the id already exists).
    Conflict {
        id: String,
        expected: u64,
        actual: u64,
    },
    /// The write was based on a revision, but nothing is stored under the id any more.
    NotFound { id: String },
    /// The reply breaks a rule.
    Invalid(FieldError),
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::Conflict { expected: 0, .. } => f.write_str(
                "A reply with this id was just created in another tab; reload to see it.",
            ),
            WriteError::Conflict { .. } => f.write_str(
                "This reply was changed in another tab; reload to see the newer version.",
            ),
            WriteError::NotFound { .. } => {
                f.write_str("This reply was deleted in another tab; reload to see the library.")
            }
            WriteError::Invalid(field_error) => {
                write!(f, "This reply can't be saved: {field_error}")
            }
        }
    }
}

impl std::error::Error for WriteError {}

/// Decides a write of `incoming`. `base_rev` is the revision the editor started from: `None` creates
/// (refused if the id exists), `Some(n)` updates (refused unless `n` is the stored revision).
pub fn apply_put(
    existing: Option<&Record<Reply>>,
    incoming: Reply,
    base_rev: Option<u64>,
    now: &str,
) -> Result<Record<Reply>, WriteError> {
    validate_reply(&incoming).map_err(WriteError::Invalid)?;
    let rev = match (existing, base_rev) {
        (None, None) => 1,
        (None, Some(_)) => return Err(WriteError::NotFound { id: incoming.id }),
        (Some(stored), Some(base)) if base == stored.rev => stored.rev + 1,
        (Some(stored), base) => {
            return Err(WriteError::Conflict {
                id: incoming.id,
                expected: base.unwrap_or(0),
                actual: stored.rev,
            })
        }
    };
    Ok(Record {
        rev,
        updated_at: now.to_string(),
        data: incoming,
    })
}

/// Decides a delete. Deleting what is already gone succeeds (the user's intent holds). `base_rev`
/// `Some(n)` must match the stored revision so a delete never removes a change the user has not seen;
/// `None` deletes whatever is stored (bulk actions).
pub fn apply_delete(
    existing: Option<&Record<Reply>>,
    base_rev: Option<u64>,
) -> Result<(), WriteError> {
    match (existing, base_rev) {
        (Some(stored), Some(base)) if base != stored.rev => Err(WriteError::Conflict {
            id: stored.data.id.clone(),
            expected: base,
            actual: stored.rev,
        }),
        _ => Ok(()),
    }
}

/// The writes an import needs: new ids are added at revision 1, known ids whose content differs are
/// updated (revision + 1), identical ones are left alone.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportPlan {
    pub puts: Vec<Record<Reply>>,
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

/// Plans an import of already validated replies (from [`crate::core::exchange::parse_v1`]) over the
/// stored records. Should `incoming` repeat an id, the later reply wins and is counted once.
pub fn merge_import(existing: &[Record<Reply>], incoming: Vec<Reply>, now: &str) -> ImportPlan {
    let stored: HashMap<&str, &Record<Reply>> = existing
        .iter()
        .map(|record| (record.data.id.as_str(), record))
        .collect();
    // Only the last reply with a given id counts, so each id is planned once.
    let mut last_position: HashMap<&str, usize> = HashMap::with_capacity(incoming.len());
    for (position, reply) in incoming.iter().enumerate() {
        last_position.insert(reply.id.as_str(), position);
    }
    let is_last: Vec<bool> = incoming
        .iter()
        .enumerate()
        .map(|(position, reply)| last_position.get(reply.id.as_str()) == Some(&position))
        .collect();
    drop(last_position);

    let mut plan = ImportPlan::default();
    for (reply, is_last) in incoming.into_iter().zip(is_last) {
        if !is_last {
            continue;
        }
        let rev = match stored.get(reply.id.as_str()) {
            Some(record) if record.data == reply => {
                plan.unchanged += 1;
                continue;
            }
            Some(record) => {
                plan.updated += 1;
                record.rev + 1
            }
            None => {
                plan.added += 1;
                1
            }
        };
        plan.puts.push(Record {
            rev,
            updated_at: now.to_string(),
            data: reply,
        });
    }
    plan
}
