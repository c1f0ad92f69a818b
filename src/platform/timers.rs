//! Response timers in the background: `timers.observe` turns what tabs see into waits and events (one
//! read-write transaction over the `timers` and `events` stores, so two tabs reporting at once never lose
//! either report), `timers.settings.*` and `timers.away` keep the thresholds and opening hours, and
//! `stats.data` hands the statistics page the event log. Changes that tabs must see (a wait started or ended,
//! new settings) are announced on [`TIMERS_KEY`].
use super::ext;
use super::idb;
use super::protocol::{Request, Response, TIMERS_KEY};
use super::store::{from_js, to_js, Store, META};
use crate::core::fold::fold;
use crate::core::labels::{Label, SubjectLabels};
use crate::core::page_time::Context;
use crate::core::record::{EVENTS_STORE, LABELS_STORE, SUBJECTS_STORE, TIMERS_STORE};
use crate::core::stats::{Event, EventKind};
use crate::core::timers::{self, Observation, TimerRecord, TimerSettings, TimerView};
use js_sys::{Array, Object, Reflect};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use web_sys::{IdbTransaction, IdbTransactionMode};

/// The key of the timer settings in `meta`.
const SETTINGS_KEY: &str = "timer_settings";

/// An event as stored: its id (what it records, so the same sighting from two tabs is one event) and itself.
#[derive(Serialize, Deserialize)]
struct StoredEvent {
    id: String,
    #[serde(flatten)]
    event: Event,
}

pub fn handles(request: &Request) -> bool {
    matches!(
        request,
        Request::TimersObserve { .. }
            | Request::TimerSettingsGet
            | Request::TimerSettingsPut { .. }
            | Request::TimersAway { .. }
            | Request::StatsData
    )
}

pub async fn handle(store: &Store, request: Request) -> Result<Response, JsValue> {
    Ok(match request {
        Request::TimersObserve {
            now_ms,
            utc_offset_minutes,
            items,
            read_only,
            origin,
        } => {
            let ctx = Context {
                now_ms: now_ms as i64,
                utc_offset_minutes,
            };
            let settings = store.timer_settings().await?;
            let (views, moved) = store.observe(&items, &ctx, &settings, read_only).await?;
            if moved {
                announce(&origin);
            }
            let thresholds = settings.thresholds();
            Response {
                timers: Some(views),
                warn_ms: Some(thresholds.warn_ms),
                late_ms: Some(thresholds.late_ms),
                ..Response::ok()
            }
        }
        Request::TimerSettingsGet => Response {
            timer_settings: Some(store.timer_settings().await?),
            ..Response::ok()
        },
        Request::TimerSettingsPut { settings } => match settings.validate() {
            Err(message) => Response::error("invalid", message),
            Ok(()) => {
                store.put_timer_settings(&settings).await?;
                announce("");
                Response {
                    timer_settings: Some(settings),
                    ..Response::ok()
                }
            }
        },
        Request::TimersAway { page, on } => {
            let mut settings = store.timer_settings().await?;
            match settings.set_away(&page, on, js_sys::Date::now() as i64) {
                Err(message) => Response::error("away-limit", message),
                Ok(()) => {
                    store.put_timer_settings(&settings).await?;
                    announce("");
                    Response {
                        timer_settings: Some(settings),
                        ..Response::ok()
                    }
                }
            }
        }
        Request::StatsData => {
            let (events, records) = store.stats_data().await?;
            Response {
                events: Some(events),
                timer_records: Some(records),
                timer_settings: Some(store.timer_settings().await?),
                ..Response::ok()
            }
        }
        _ => Response::error("unsupported", "Not a timers request."),
    })
}

/// Spam is a label named so (any case, any accents): nobody is expected to answer it.
fn spam_label_ids(labels: &[Label]) -> Vec<String> {
    labels
        .iter()
        .filter(|l| l.deleted_at.is_none() && fold(l.name.trim()) == "spam")
        .map(|l| l.id.clone())
        .collect()
}

fn names() -> Array {
    [TIMERS_STORE, EVENTS_STORE, LABELS_STORE, SUBJECTS_STORE]
        .iter()
        .map(|name| JsValue::from_str(name))
        .collect()
}

async fn get<T: serde::de::DeserializeOwned>(
    tx: &IdbTransaction,
    store: &str,
    key: &str,
) -> Result<Option<T>, JsValue> {
    let found = idb::request(&tx.object_store(store)?.get(&JsValue::from_str(key))?).await?;
    if found.is_undefined() {
        return Ok(None);
    }
    from_js(found).map(Some)
}

impl Store {
    pub async fn timer_settings(&self) -> Result<TimerSettings, JsValue> {
        let db = self.db().await?;
        let tx = db.transaction_with_str(META)?;
        let found = idb::request(&tx.object_store(META)?.get(&SETTINGS_KEY.into())?).await?;
        if found.is_undefined() || found.is_null() {
            return Ok(TimerSettings::default());
        }
        // Unreadable settings must not stop the timers: the defaults apply.
        Ok(from_js(found).unwrap_or_default())
    }

    async fn put_timer_settings(&self, settings: &TimerSettings) -> Result<(), JsValue> {
        let db = self.db().await?;
        let tx = db.transaction_with_str_and_mode(META, IdbTransactionMode::Readwrite)?;
        tx.object_store(META)?
            .put_with_key(&to_js(settings)?, &SETTINGS_KEY.into())?;
        idb::committed(&tx).await
    }

    /// Applies observations in one transaction; returns each key's view and whether any wait started, ended
    /// or moved (what other tabs must hear about).
    async fn observe(
        &self,
        items: &[Observation],
        ctx: &Context,
        settings: &TimerSettings,
        read_only: bool,
    ) -> Result<(Vec<TimerView>, bool), JsValue> {
        let db = self.db().await?;
        let tx =
            db.transaction_with_str_sequence_and_mode(&names(), IdbTransactionMode::Readwrite)?;
        let labels: Vec<Label> =
            from_js(idb::request(&tx.object_store(LABELS_STORE)?.get_all()?).await?)?;
        let spam = spam_label_ids(&labels);
        let (timers_store, events_store) = (
            tx.object_store(TIMERS_STORE)?,
            tx.object_store(EVENTS_STORE)?,
        );
        let mut views = Vec::with_capacity(items.len());
        let mut moved = false;
        for item in items {
            let previous: Option<TimerRecord> = get(&tx, TIMERS_STORE, &item.key).await?;
            let subject: Option<SubjectLabels> = get(&tx, SUBJECTS_STORE, &item.key).await?;
            let is_spam = subject.is_some_and(|s| s.labels.iter().any(|id| spam.contains(id)));
            if let (true, Some(record)) = (read_only, previous.as_ref()) {
                let schedule = settings.schedule_for(&record.page);
                views.push(timers::timer_view(record, schedule, ctx.now_ms, is_spam));
                continue;
            }
            let outcome = timers::observe(previous.clone(), item, ctx);
            let before = previous.as_ref().map(|p| (p.since_ms, p.answered_ms));
            if before != Some((outcome.record.since_ms, outcome.record.answered_ms)) {
                moved = true;
            }
            if previous.as_ref() != Some(&outcome.record) {
                timers_store.put(&to_js(&outcome.record)?)?;
            }
            for (id, event) in outcome.events {
                events_store.put(&to_js(&StoredEvent { id, event })?)?;
            }
            let schedule = settings.schedule_for(&outcome.record.page);
            views.push(timers::timer_view(
                &outcome.record,
                schedule,
                ctx.now_ms,
                is_spam,
            ));
        }
        idb::committed(&tx).await?;
        Ok((views, moved))
    }

    /// The event log with each key's current label names (and a spam event for keys labelled spam), and
    /// every timer record.
    async fn stats_data(&self) -> Result<(Vec<Event>, Vec<TimerRecord>), JsValue> {
        let db = self.db().await?;
        let tx = db.transaction_with_str_sequence(&names())?;
        let all = |store: &str| -> Result<web_sys::IdbRequest, JsValue> {
            tx.object_store(store)?.get_all()
        };
        let stored: Vec<StoredEvent> = from_js(idb::request(&all(EVENTS_STORE)?).await?)?;
        let records: Vec<TimerRecord> = from_js(idb::request(&all(TIMERS_STORE)?).await?)?;
        let labels: Vec<Label> = from_js(idb::request(&all(LABELS_STORE)?).await?)?;
        let subjects: Vec<SubjectLabels> = from_js(idb::request(&all(SUBJECTS_STORE)?).await?)?;
        let spam = spam_label_ids(&labels);
        let names_of = |key: &str| -> (Vec<String>, bool) {
            let Some(subject) = subjects.iter().find(|s| s.key == key) else {
                return (Vec::new(), false);
            };
            let names = subject
                .labels
                .iter()
                .filter_map(|id| {
                    labels
                        .iter()
                        .find(|l| &l.id == id && l.deleted_at.is_none())
                })
                .map(|l| l.name.clone())
                .collect();
            (names, subject.labels.iter().any(|id| spam.contains(id)))
        };
        let mut events: Vec<Event> = Vec::with_capacity(stored.len());
        let mut spam_marked: Vec<String> = Vec::new();
        for StoredEvent { mut event, .. } in stored {
            let (names, is_spam) = names_of(&event.key);
            event.labels = names;
            if is_spam && !spam_marked.contains(&event.key) {
                spam_marked.push(event.key.clone());
                events.push(Event {
                    kind: EventKind::Spam,
                    ..event.clone()
                });
            }
            events.push(event);
        }
        Ok((events, records))
    }
}

/// Tells every tab that timers changed, once the answer to the current request has gone out.
/// Tells every tab and page that timers changed: the value is new each time (`<time> <origin>`) and names the
/// tab whose report caused it (empty for settings).
fn announce(origin: &str) {
    let value = format!("{} {origin}", js_sys::Date::now());
    wasm_bindgen_futures::spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(0).await;
        let items = Object::new();
        let _ = Reflect::set(
            &items,
            &JsValue::from_str(TIMERS_KEY),
            &JsValue::from_str(&value),
        );
        if let Err(error) = ext::call("storage.local", "set", &[items.into()]).await {
            web_sys::console::warn_2(
                &"Answerdeck: could not announce a timers change".into(),
                &error,
            );
        }
    });
}
