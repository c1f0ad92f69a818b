//! The labels, subjects and notes stores (schema version 3) and `labels_rev` in `meta`.
//!
//! Every write is one read-write transaction that reads what it needs, lets a pure planner from the core
//! decide, and writes the result, so two tabs' requests never overwrite each other: IndexedDB runs
//! read-write transactions over the same stores one after the other, and the background (the service
//! worker) is the only writer. A write that changes nothing leaves `labels_rev` alone, so no tab reloads
//! for it. Labels and notes writes never touch `library_rev` (tabs would read 30,000 replies again).
use super::idb;
use super::store::{from_js, to_js, Store, LIBRARY_REV, META};
use crate::core::labels::{Label, SubjectLabels};
use crate::core::notes::Note;
use crate::core::record::{
    Record, LABELS_STORE as LABELS, NOTES_BY_SUBJECT, NOTES_STORE as NOTES,
    REPLIES_STORE as REPLIES, SUBJECTS_STORE as SUBJECTS,
};
use crate::core::reply::Reply;
use js_sys::Array;
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;
use web_sys::{IdbObjectStore, IdbTransaction, IdbTransactionMode};

/// The key of the labels revision in `meta`.
const LABELS_REV: &str = "labels_rev";

/// Which records of one store a write reads before deciding.
#[derive(Clone, Copy)]
pub enum Pick<'a> {
    Nothing,
    /// The record with this key, if stored.
    One(&'a str),
    All,
}

/// What a labels write reads: from each store, the records its rule needs.
#[derive(Clone, Copy)]
pub struct Reads<'a> {
    pub labels: Pick<'a>,
    pub subjects: Pick<'a>,
    pub notes: Pick<'a>,
}

impl Reads<'_> {
    pub const NOTHING: Reads<'static> = Reads {
        labels: Pick::Nothing,
        subjects: Pick::Nothing,
        notes: Pick::Nothing,
    };
}

/// Stored labels, subjects and notes (deleted ones included) as of one moment, and the labels revision.
#[derive(Clone, Debug, Default)]
pub struct Found {
    pub labels: Vec<Label>,
    pub subjects: Vec<SubjectLabels>,
    pub notes: Vec<Note>,
    pub rev: u64,
}

/// What a labels write stores.
#[derive(Clone, Debug, Default)]
pub struct Changes {
    pub labels: Vec<Label>,
    pub subjects: Vec<SubjectLabels>,
    /// Keys of subjects left without labels.
    pub drop_subjects: Vec<String>,
    pub notes: Vec<Note>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
            && self.subjects.is_empty()
            && self.drop_subjects.is_empty()
            && self.notes.is_empty()
    }
}

/// The outcome of a committed labels write.
pub struct Written<T> {
    /// The labels revision now (bumped when something changed).
    pub rev: u64,
    pub changed: bool,
    pub value: T,
}

/// The outcome of a committed import.
pub struct Imported<T> {
    pub library_rev: u64,
    /// `Some(rev)` when labels, conversations or notes changed.
    pub labels_rev: Option<u64>,
    pub value: T,
}

const STORES: [&str; 4] = [LABELS, SUBJECTS, NOTES, META];

fn stores(names: &[&str]) -> Array {
    names.iter().map(|name| JsValue::from_str(name)).collect()
}

async fn read_rev(meta: &IdbObjectStore, key: &str) -> Result<u64, JsValue> {
    Ok(idb::request(&meta.get(&key.into())?)
        .await?
        .as_f64()
        .unwrap_or(0.0) as u64)
}

async fn read_pick<T: DeserializeOwned>(
    tx: &IdbTransaction,
    store: &str,
    pick: Pick<'_>,
) -> Result<Vec<T>, JsValue> {
    let store = tx.object_store(store)?;
    Ok(match pick {
        Pick::Nothing => Vec::new(),
        Pick::One(key) => {
            let found = idb::request(&store.get(&JsValue::from_str(key))?).await?;
            if found.is_undefined() {
                Vec::new()
            } else {
                vec![from_js(found)?]
            }
        }
        Pick::All => from_js(idb::request(&store.get_all()?).await?)?,
    })
}

async fn read(tx: &IdbTransaction, reads: Reads<'_>) -> Result<Found, JsValue> {
    Ok(Found {
        labels: read_pick(tx, LABELS, reads.labels).await?,
        subjects: read_pick(tx, SUBJECTS, reads.subjects).await?,
        notes: read_pick(tx, NOTES, reads.notes).await?,
        rev: read_rev(&tx.object_store(META)?, LABELS_REV).await?,
    })
}

/// Queues `changes` and the next labels revision in `tx`; returns that revision.
fn put(tx: &IdbTransaction, changes: &Changes, rev: u64) -> Result<u64, JsValue> {
    let labels = tx.object_store(LABELS)?;
    for label in &changes.labels {
        labels.put(&to_js(label)?)?;
    }
    let subjects = tx.object_store(SUBJECTS)?;
    for subject in &changes.subjects {
        subjects.put(&to_js(subject)?)?;
    }
    for key in &changes.drop_subjects {
        subjects.delete(&JsValue::from_str(key))?;
    }
    let notes = tx.object_store(NOTES)?;
    for note in &changes.notes {
        notes.put(&to_js(note)?)?;
    }
    let next = rev + 1;
    tx.object_store(META)?
        .put_with_key(&JsValue::from_f64(next as f64), &LABELS_REV.into())?;
    Ok(next)
}

impl Store {
    /// The labels revision alone: a cheap check before summarizing every label and note again.
    pub async fn labels_rev(&self) -> Result<u64, JsValue> {
        let db = self.db().await?;
        let tx = db.transaction_with_str(META)?;
        read_rev(&tx.object_store(META)?, LABELS_REV).await
    }

    /// Every stored label, subject and note (deleted ones included) and the labels revision.
    pub async fn labels_snapshot(&self) -> Result<Found, JsValue> {
        let db = self.db().await?;
        let tx = db.transaction_with_str_sequence(&stores(&STORES))?;
        let all = Reads {
            labels: Pick::All,
            subjects: Pick::All,
            notes: Pick::All,
        };
        read(&tx, all).await
    }

    /// The stored notes (deleted ones included) of these subjects, through the `subject` index, and the
    /// labels revision.
    pub async fn notes_of(&self, subjects: &[String]) -> Result<(Vec<Note>, u64), JsValue> {
        let db = self.db().await?;
        let tx = db.transaction_with_str_sequence(&stores(&[NOTES, META]))?;
        let index = tx.object_store(NOTES)?.index(NOTES_BY_SUBJECT)?;
        let mut notes = Vec::new();
        for key in subjects {
            let found = idb::request(&index.get_all_with_key(&JsValue::from_str(key))?).await?;
            notes.extend(from_js::<Vec<Note>>(found)?);
        }
        let rev = read_rev(&tx.object_store(META)?, LABELS_REV).await?;
        Ok((notes, rev))
    }

    /// One labels write: reads `reads` and the labels revision, lets `plan` decide (a refusal aborts with
    /// nothing written), stores its changes and bumps the revision if there are any, in one transaction.
    pub async fn labels_write<T, E>(
        &self,
        reads: Reads<'_>,
        plan: impl FnOnce(Found) -> Result<(Changes, T), E>,
    ) -> Result<Result<Written<T>, E>, JsValue> {
        let db = self.db().await?;
        let tx = db.transaction_with_str_sequence_and_mode(
            &stores(&STORES),
            IdbTransactionMode::Readwrite,
        )?;
        let found = read(&tx, reads).await?;
        let rev = found.rev;
        let (changes, value) = match plan(found) {
            Ok(planned) => planned,
            Err(refusal) => {
                let _ = tx.abort();
                return Ok(Err(refusal));
            }
        };
        let changed = !changes.is_empty();
        let rev = if changed {
            put(&tx, &changes, rev)?
        } else {
            rev
        };
        idb::committed(&tx).await?;
        Ok(Ok(Written {
            rev,
            changed,
            value,
        }))
    }

    /// The replies and every label, subject and note, as of one moment (for exports).
    pub async fn everything(&self) -> Result<(Vec<Record<Reply>>, Found), JsValue> {
        let db = self.db().await?;
        let mut names = vec![REPLIES];
        names.extend(STORES);
        let tx = db.transaction_with_str_sequence(&stores(&names))?;
        let replies = from_js(idb::request(&tx.object_store(REPLIES)?.get_all()?).await?)?;
        let all = Reads {
            labels: Pick::All,
            subjects: Pick::All,
            notes: Pick::All,
        };
        Ok((replies, read(&tx, all).await?))
    }

    /// An import, all or nothing in one transaction: `plan` gets every stored reply, label, subject and note
    /// and returns the replies to put and the labels changes, or a refusal that aborts with nothing
    /// written. The library revision is bumped (as every import did before labels existed); the labels
    /// revision only when labels, subjects or notes change.
    pub async fn import<T, E>(
        &self,
        plan: impl FnOnce(Vec<Record<Reply>>, Found) -> Result<(Vec<Record<Reply>>, Changes, T), E>,
    ) -> Result<Result<Imported<T>, E>, JsValue> {
        let db = self.db().await?;
        let mut names = vec![REPLIES];
        names.extend(STORES);
        let tx = db.transaction_with_str_sequence_and_mode(
            &stores(&names),
            IdbTransactionMode::Readwrite,
        )?;
        let replies_store = tx.object_store(REPLIES)?;
        let replies = from_js(idb::request(&replies_store.get_all()?).await?)?;
        let all = Reads {
            labels: Pick::All,
            subjects: Pick::All,
            notes: Pick::All,
        };
        let found = read(&tx, all).await?;
        let labels_rev = found.rev;
        let meta = tx.object_store(META)?;
        let library_rev = read_rev(&meta, LIBRARY_REV).await?;
        let (puts, changes, value) = match plan(replies, found) {
            Ok(planned) => planned,
            Err(refusal) => {
                let _ = tx.abort();
                return Ok(Err(refusal));
            }
        };
        for record in &puts {
            replies_store.put(&to_js(record)?)?;
        }
        let library_rev = library_rev + 1;
        meta.put_with_key(&JsValue::from_f64(library_rev as f64), &LIBRARY_REV.into())?;
        let labels_rev = if changes.is_empty() {
            None
        } else {
            Some(put(&tx, &changes, labels_rev)?)
        };
        idb::committed(&tx).await?;
        Ok(Ok(Imported {
            library_rev,
            labels_rev,
            value,
        }))
    }
}
