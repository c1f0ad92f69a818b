//! The IndexedDB store. Only the background opens it for writing (one writer: no lost updates between tabs).
//!
//! Layout (schema version `core::record::SCHEMA_VERSION`):
//! - `replies`: `Record<Reply>` objects keyed by `data.id`;
//! - `usage` (since version 2): `{id, count, last_used_ms}` per reply used at least once, keyed by `id`;
//!   written on every insertion without touching the reply or the library revision;
//! - `meta`: `library_rev`, the revision of the whole library, bumped by every committed write (replies
//!   and settings); `settings`, the user's [`Settings`]; `labels_rev` (since version 3), bumped by every
//!   labels or notes write;
//! - `labels`, `subjects`, `notes` (since version 3): labels, the labels on each conversation or person,
//!   and notes with an index `subject`; read and written in `labels_store`.
use super::idb;
use crate::core::record::{
    migrations_after, Record, SchemaStep, REPLIES_STORE as REPLIES, SCHEMA_VERSION,
    USAGE_STORE as USAGE,
};
use crate::core::reply::Reply;
use crate::core::settings::Settings;
use crate::core::usage::{Usage, UsageMap};
use gloo::events::EventListener;
use js_sys::{Promise, Reflect};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{future_to_promise, JsFuture};
use web_sys::{
    IdbDatabase, IdbFactory, IdbObjectStoreParameters, IdbOpenDbRequest, IdbTransaction,
    IdbTransactionMode, IdbVersionChangeEvent,
};

const DB_NAME: &str = "answerdeck";
pub(super) const META: &str = "meta";
pub(super) const LIBRARY_REV: &str = "library_rev";
const SETTINGS: &str = "settings";

/// One row of the usage store.
#[derive(serde::Serialize, Deserialize)]
struct UsageEntry {
    id: String,
    #[serde(default)]
    count: u32,
    #[serde(default)]
    last_used_ms: f64,
}

/// Everything a tab shows, read in one transaction.
pub struct Snapshot {
    pub records: Vec<Record<Reply>>,
    pub rev: u64,
    /// The use of stored replies only (a deleted reply's use is kept for Undo, but not listed).
    pub usage: UsageMap,
    pub settings: Settings,
}

/// Which stored replies a write reads before deciding.
#[derive(Clone, Copy)]
pub enum Scope<'a> {
    /// The reply with this id (zero or one record).
    One(&'a str),
    /// The replies with these ids that exist.
    Some(&'a [String]),
    /// Every reply, for whole-library rules such as imports.
    All,
}

/// Applies one schema step inside the version-change transaction (the steps themselves are pure data in
/// `core::record::MIGRATIONS`, so which steps run for which old version is tested natively).
fn apply_step(db: &IdbDatabase, tx: &IdbTransaction, step: &SchemaStep) -> Result<(), JsValue> {
    match *step {
        SchemaStep::CreateStore { store, key_path } => {
            let params = IdbObjectStoreParameters::new();
            if !key_path.is_empty() {
                params.set_key_path(&JsValue::from_str(key_path));
            }
            db.create_object_store_with_optional_parameters(store, &params)?;
        }
        SchemaStep::CreateIndex {
            store,
            index,
            key_path,
            unique,
        } => {
            let params = web_sys::IdbIndexParameters::new();
            params.set_unique(unique);
            tx.object_store(store)?
                .create_index_with_str_and_optional_parameters(index, key_path, &params)?;
        }
    }
    Ok(())
}

pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(JsValue::from)
}

pub fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(value).map_err(JsValue::from)
}

fn factory() -> Result<IdbFactory, JsValue> {
    Reflect::get(&js_sys::global(), &JsValue::from_str("indexedDB"))?.dyn_into()
}

#[derive(Clone)]
pub struct Store {
    /// Resolves to the open `IdbDatabase`; awaited by every operation (a promise can be awaited many times).
    db: Promise,
}

impl Store {
    pub fn open() -> Self {
        let db = future_to_promise(async { open_db().await.map(JsValue::from) });
        Self { db }
    }

    pub(super) async fn db(&self) -> Result<IdbDatabase, JsValue> {
        JsFuture::from(self.db.clone()).await?.dyn_into()
    }

    pub async fn list(&self) -> Result<(Vec<Record<Reply>>, u64), JsValue> {
        let db = self.db().await?;
        let tx =
            db.transaction_with_str_sequence(&js_sys::Array::of2(&REPLIES.into(), &META.into()))?;
        let all = idb::request(&tx.object_store(REPLIES)?.get_all()?).await?;
        let rev = idb::request(&tx.object_store(META)?.get(&LIBRARY_REV.into())?).await?;
        Ok((from_js(all)?, rev.as_f64().unwrap_or(0.0) as u64))
    }

    /// The replies, the library revision, the replies' use and the settings, as of one moment.
    pub async fn snapshot(&self) -> Result<Snapshot, JsValue> {
        let db = self.db().await?;
        let tx = db.transaction_with_str_sequence(&js_sys::Array::of3(
            &REPLIES.into(),
            &META.into(),
            &USAGE.into(),
        ))?;
        let all = idb::request(&tx.object_store(REPLIES)?.get_all()?).await?;
        let meta = tx.object_store(META)?;
        let rev = idb::request(&meta.get(&LIBRARY_REV.into())?).await?;
        let settings = idb::request(&meta.get(&SETTINGS.into())?).await?;
        let used = idb::request(&tx.object_store(USAGE)?.get_all()?).await?;
        let records: Vec<Record<Reply>> = from_js(all)?;
        let entries: Vec<UsageEntry> = from_js(used)?;
        let mut usage = UsageMap::with_capacity(entries.len());
        if !entries.is_empty() {
            let stored: std::collections::HashSet<&str> =
                records.iter().map(|r| r.data.id.as_str()).collect();
            for entry in entries {
                if stored.contains(entry.id.as_str()) {
                    let use_ = Usage {
                        count: entry.count,
                        last_used_ms: entry.last_used_ms,
                    };
                    usage.insert(entry.id, use_);
                }
            }
        }
        Ok(Snapshot {
            records,
            rev: rev.as_f64().unwrap_or(0.0) as u64,
            usage,
            settings: read_settings(settings),
        })
    }

    /// The library revision alone.
    pub async fn revision(&self) -> Result<u64, JsValue> {
        let db = self.db().await?;
        let tx = db.transaction_with_str(META)?;
        let rev = idb::request(&tx.object_store(META)?.get(&LIBRARY_REV.into())?).await?;
        Ok(rev.as_f64().unwrap_or(0.0) as u64)
    }

    pub async fn settings(&self) -> Result<Settings, JsValue> {
        let db = self.db().await?;
        let tx = db.transaction_with_str(META)?;
        let value = idb::request(&tx.object_store(META)?.get(&SETTINGS.into())?).await?;
        Ok(read_settings(value))
    }

    /// Stores `settings` (already validated) and bumps the library revision; returns the new revision.
    pub async fn put_settings(&self, settings: &Settings) -> Result<u64, JsValue> {
        let db = self.db().await?;
        let tx = db.transaction_with_str_and_mode(META, IdbTransactionMode::Readwrite)?;
        let meta = tx.object_store(META)?;
        let rev = idb::request(&meta.get(&LIBRARY_REV.into())?)
            .await?
            .as_f64()
            .unwrap_or(0.0) as u64;
        meta.put_with_key(&to_js(settings)?, &SETTINGS.into())?;
        let new_rev = rev + 1;
        meta.put_with_key(&JsValue::from_f64(new_rev as f64), &LIBRARY_REV.into())?;
        idb::committed(&tx).await?;
        Ok(new_rev)
    }

    /// Counts one use of the reply `id` at `at_ms`. `None` (nothing written) when no such reply is stored.
    pub async fn record_use(&self, id: &str, at_ms: f64) -> Result<Option<Usage>, JsValue> {
        let db = self.db().await?;
        let tx = db.transaction_with_str_sequence_and_mode(
            &js_sys::Array::of2(&REPLIES.into(), &USAGE.into()),
            IdbTransactionMode::Readwrite,
        )?;
        let key = JsValue::from_str(id);
        let stored = idb::request(&tx.object_store(REPLIES)?.count_with_key(&key)?).await?;
        if stored.as_f64().unwrap_or(0.0) < 1.0 {
            let _ = tx.abort();
            return Ok(None);
        }
        let usage = tx.object_store(USAGE)?;
        let found = idb::request(&usage.get(&key)?).await?;
        let before = if found.is_undefined() {
            Usage::default()
        } else {
            let entry: UsageEntry = from_js(found)?;
            Usage {
                count: entry.count,
                last_used_ms: entry.last_used_ms,
            }
        };
        let after = before.record(at_ms);
        let entry = UsageEntry {
            id: id.to_string(),
            count: after.count,
            last_used_ms: after.last_used_ms,
        };
        usage.put(&to_js(&entry)?)?;
        idb::committed(&tx).await?;
        Ok(Some(after))
    }

    /// Runs `change` on the current records in one read-write transaction and stores what it returns.
    /// `change` gets the stored records `scope` names (every record for [`Scope::All`], so whole-library
    /// rules such as imports see a consistent state). It returns the records to put and the ids to delete,
    /// or a refusal that aborts the transaction with nothing written.
    /// Returns the new library revision and the records put.
    pub async fn write<E>(
        &self,
        scope: Scope<'_>,
        change: impl FnOnce(Vec<Record<Reply>>) -> Result<(Vec<Record<Reply>>, Vec<String>), E>,
    ) -> Result<Result<(u64, Vec<Record<Reply>>), E>, JsValue> {
        let db = self.db().await?;
        let tx = db.transaction_with_str_sequence_and_mode(
            &js_sys::Array::of2(&REPLIES.into(), &META.into()),
            IdbTransactionMode::Readwrite,
        )?;
        let replies = tx.object_store(REPLIES)?;
        let meta = tx.object_store(META)?;
        let existing: Vec<Record<Reply>> = match scope {
            Scope::One(id) => {
                let found = idb::request(&replies.get(&JsValue::from_str(id))?).await?;
                if found.is_undefined() {
                    Vec::new()
                } else {
                    vec![from_js(found)?]
                }
            }
            Scope::Some(ids) => {
                let mut found = Vec::with_capacity(ids.len());
                for id in ids {
                    let record = idb::request(&replies.get(&JsValue::from_str(id))?).await?;
                    if !record.is_undefined() {
                        found.push(from_js(record)?);
                    }
                }
                found
            }
            Scope::All => from_js(idb::request(&replies.get_all()?).await?)?,
        };
        let rev = idb::request(&meta.get(&LIBRARY_REV.into())?)
            .await?
            .as_f64()
            .unwrap_or(0.0) as u64;
        let (puts, deletes) = match change(existing) {
            Ok(plan) => plan,
            Err(refusal) => {
                let _ = tx.abort();
                return Ok(Err(refusal));
            }
        };
        for record in &puts {
            replies.put(&to_js(record)?)?;
        }
        for id in &deletes {
            replies.delete(&JsValue::from_str(id))?;
        }
        let new_rev = rev + 1;
        meta.put_with_key(&JsValue::from_f64(new_rev as f64), &LIBRARY_REV.into())?;
        idb::committed(&tx).await?;
        Ok(Ok((new_rev, puts)))
    }
}

/// Stored settings, or the defaults when none (or unreadable ones: a bad value must not lock people out).
fn read_settings(value: JsValue) -> Settings {
    if value.is_undefined() || value.is_null() {
        return Settings::default();
    }
    from_js(value).unwrap_or_else(|error| {
        web_sys::console::warn_2(&"Answerdeck: stored settings unreadable".into(), &error);
        Settings::default()
    })
}

async fn open_db() -> Result<IdbDatabase, JsValue> {
    let request: IdbOpenDbRequest = factory()?.open_with_u32(DB_NAME, SCHEMA_VERSION)?;
    let upgrade_request = request.clone();
    let _upgrade = EventListener::new(&request, "upgradeneeded", move |event| {
        let Some(event) = event.dyn_ref::<IdbVersionChangeEvent>() else {
            return;
        };
        let old = event.old_version() as u32;
        let (Ok(db), Some(tx)) = (upgrade_request.result(), upgrade_request.transaction()) else {
            return;
        };
        let db: IdbDatabase = db.unchecked_into();
        let steps = migrations_after(old).iter().flat_map(|m| m.steps.iter());
        // The meta store (library revision) came with version 1.
        let meta = (old == 0).then_some(SchemaStep::CreateStore {
            store: META,
            key_path: "",
        });
        for step in steps.chain(meta.iter()) {
            if let Err(error) = apply_step(&db, &tx, step) {
                web_sys::console::error_2(&"Answerdeck: migration failed".into(), &error);
                let _ = tx.abort();
                return;
            }
        }
    });
    let db = idb::request(&request).await?;
    Ok(db.unchecked_into())
}
