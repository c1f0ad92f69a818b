//! The background's request handler: validates with the core, writes the store, tells every page.
use super::assist::Assist;
use super::ext;
use super::labels::{self, Summaries};
use super::labels_store::Changes;
use super::protocol::{
    DuplicateNote, ExportFormat, FieldProblem, Patch, Request, Response, REVISION_KEY, USED_KEY,
};
use super::store::{from_js, to_js, Scope, Store};
use crate::core::exchange::{self, merge, Export};
use crate::core::intake;
use crate::core::order;
use crate::core::record::{self, Record};
use crate::core::reply::Reply;
use crate::core::usage::{Usage, UsageMap};
use js_sys::{Object, Promise, Reflect};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

/// A first library, so a new user sees how saved replies work; stored only when the library is empty.
const STARTER_LIBRARY: &str = include_str!("starter-library.json");

#[wasm_bindgen]
pub struct Background {
    store: Store,
    assist: Rc<Assist>,
    summaries: Rc<Summaries>,
}

#[wasm_bindgen]
impl Background {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Background {
        Background {
            store: Store::open(),
            assist: Rc::default(),
            summaries: Rc::default(),
        }
    }

    /// Handles one message from a content script or extension page; resolves to a `Response`.
    pub fn handle(&self, message: JsValue) -> Promise {
        let store = self.store.clone();
        let assist = self.assist.clone();
        let summaries = self.summaries.clone();
        future_to_promise(async move {
            let response = match from_js::<Request>(message) {
                Ok(request) => handle(&store, &assist, &summaries, request)
                    .await
                    .unwrap_or_else(|error| failure(&error)),
                Err(error) => Response::error(
                    "bad-request",
                    format!("Unknown request: {}", describe(&error)),
                ),
            };
            to_js(&response)
        })
    }

    /// On first install, stores the starter replies (only into an empty library).
    pub fn installed(&self, reason: String) -> Promise {
        let store = self.store.clone();
        future_to_promise(async move {
            if reason == "install" {
                seed_starter(&store).await?;
            }
            Ok(JsValue::UNDEFINED)
        })
    }
}

impl Default for Background {
    fn default() -> Self {
        Self::new()
    }
}

/// Reply ids in the picker's order when it depends on use (favourites first, then most used or most recently
/// used, then the manual order); None for the manual order, which content scripts compute themselves.
fn use_order(
    records: &[Record<Reply>],
    usage: &crate::core::usage::UsageMap,
    picker_order: crate::core::settings::PickerOrder,
) -> Option<Vec<String>> {
    use crate::core::settings::PickerOrder;
    let replies: Vec<Reply> = records.iter().map(|r| r.data.clone()).collect();
    let rank: Box<dyn Fn(&Reply) -> f64> = match picker_order {
        PickerOrder::Manual => return None,
        PickerOrder::MostUsed => {
            Box::new(|r: &Reply| usage.get(&r.id).map(|u| u.count as f64).unwrap_or_default())
        }
        PickerOrder::RecentlyUsed => {
            Box::new(|r: &Reply| usage.get(&r.id).map(|u| u.last_used_ms).unwrap_or_default())
        }
    };
    Some(
        crate::core::order::by_rank(&replies, rank)
            .into_iter()
            .map(|i| replies[i].id.clone())
            .collect(),
    )
}

/// What a person is told when the store failed. A full store (the browser's quota for the extension, or
/// the disk) aborts the transaction with `QuotaExceededError`: nothing of the write was kept.
fn failure(error: &JsValue) -> Response {
    if error_name(error).as_deref() == Some("QuotaExceededError") {
        return Response::error("storage-full", STORAGE_FULL);
    }
    Response::error(
        "internal",
        format!(
            "The library could not be read or written: {}",
            describe(error)
        ),
    )
}

const STORAGE_FULL: &str =
    "Answerdeck could not save: the browser's storage for Answerdeck is full. \
    Free disk space, or export your library and delete replies or notes you no longer need.";

/// The `name` of a DOMException or Error (`QuotaExceededError`, `AbortError`, …).
fn error_name(error: &JsValue) -> Option<String> {
    if !error.is_object() {
        return None;
    }
    Reflect::get(error, &"name".into()).ok()?.as_string()
}

fn describe(error: &JsValue) -> String {
    if let Some(text) = error.as_string() {
        return text;
    }
    let message = error
        .is_object()
        .then(|| Reflect::get(error, &"message".into()).ok()?.as_string())
        .flatten();
    match (error_name(error), message) {
        (Some(name), Some(message)) if !message.is_empty() => format!("{name}: {message}"),
        (Some(name), _) => name,
        _ => format!("{error:?}"),
    }
}

fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

async fn seed_starter(store: &Store) -> Result<(), JsValue> {
    let starter =
        exchange::parse_v1(STARTER_LIBRARY).map_err(|e| JsValue::from_str(&e.to_string()))?;
    let now = now();
    let outcome = store
        .write(Scope::All, |existing| {
            if !existing.is_empty() {
                return Err(());
            }
            let plan = record::merge_import(&existing, starter.replies, &now);
            Ok((plan.puts, Vec::new()))
        })
        .await?;
    if let Ok((rev, _)) = outcome {
        announce_now(rev).await;
    }
    Ok(())
}

async fn handle(
    store: &Store,
    assist: &Assist,
    summaries: &Summaries,
    request: Request,
) -> Result<Response, JsValue> {
    // Labels and notes have their own stores and revision; the replies' search index is not involved.
    if labels::handles(&request) {
        return labels::handle(store, summaries, request).await;
    }
    if super::timers::handles(&request) {
        return super::timers::handle(store, request).await;
    }
    let reads_only = matches!(
        request,
        Request::List
            | Request::Revision
            | Request::Search { .. }
            | Request::Suggest { .. }
            | Request::Used { .. }
            | Request::SettingsGet
            | Request::Export { .. }
    );
    if !reads_only {
        assist.invalidate(); // a write (or a refused one: cheap to rebuild on the next search)
    }
    Ok(match request {
        Request::List => {
            let snapshot = store.snapshot().await?;
            let settings = snapshot.settings;
            let order = use_order(&snapshot.records, &snapshot.usage, settings.picker_order);
            Response {
                order,
                replies: Some(snapshot.records),
                rev: Some(snapshot.rev),
                usage: Some(snapshot.usage),
                agent: settings.agent().map(str::to_string),
                facebook_dm_link: settings.facebook_dm_link(),
                x_dm_link: settings.x_dm_link(),
                picker_order: Some(settings.picker_order.key().to_string()),
                settings: Some(settings),
                ..Response::ok()
            }
        }
        Request::Revision => Response {
            rev: Some(store.revision().await?),
            ..Response::ok()
        },
        Request::Put { reply, base_rev } => {
            let id = reply.id.clone();
            let now = now();
            let outcome = store
                .write(Scope::One(&id), |existing| {
                    record::apply_put(existing.first(), reply, base_rev, &now)
                        .map(|r| (vec![r], Vec::new()))
                })
                .await?;
            match outcome {
                Ok((rev, mut puts)) => {
                    announce(rev);
                    Response {
                        rev: Some(rev),
                        record: puts.pop(),
                        ..Response::ok()
                    }
                }
                Err(refusal) => write_refusal(refusal),
            }
        }
        Request::Delete { id, base_rev } => {
            let outcome = store
                .write(Scope::One(&id), |existing| {
                    record::apply_delete(existing.first(), base_rev)
                        .map(|()| (Vec::new(), vec![id.clone()]))
                })
                .await?;
            match outcome {
                Ok((rev, _)) => {
                    announce(rev);
                    Response {
                        rev: Some(rev),
                        ..Response::ok()
                    }
                }
                Err(refusal) => write_refusal(refusal),
            }
        }
        Request::Patch { patches } => patch(store, patches).await?,
        Request::Used { id, at_ms } => {
            let now_ms = js_sys::Date::now();
            // A clock ahead of this one (or a bogus value) must not make a reply look used in the future.
            let at_ms = at_ms
                .filter(|at| at.is_finite() && *at > 0.0)
                .map_or(now_ms, |at| at.min(now_ms));
            match store.record_use(&id, at_ms).await? {
                None => Response::error(
                    "not-found",
                    "This reply was deleted in another tab; reload to see the library.",
                ),
                Some(usage) => {
                    assist.used(&id, usage);
                    announce_use(&id, usage).await;
                    let mut map = UsageMap::new();
                    map.insert(id, usage);
                    Response {
                        usage: Some(map),
                        ..Response::ok()
                    }
                }
            }
        }
        Request::Import { text, name } => import(store, &text, name.as_deref()).await?,
        Request::Export { format } => {
            let (records, found) = store.everything().await?;
            let mut replies: Vec<Reply> = records.into_iter().map(|r| r.data).collect();
            replies.sort_by_cached_key(order::key);
            match format {
                ExportFormat::V1 => {
                    let (labels, conversations, notes) =
                        merge::export_sections(&found.labels, &found.subjects, &found.notes);
                    let export = Export {
                        replies,
                        labels,
                        conversations,
                        notes,
                        extra: Default::default(),
                    };
                    Response {
                        text: Some(exchange::to_v1(&export, &now())),
                        ..Response::ok()
                    }
                }
                ExportFormat::Csv => Response {
                    text: Some(exchange::csv::to_csv(&replies)),
                    ..Response::ok()
                },
            }
        }
        Request::Search { query, limit } => Response {
            ids: Some(assist.search(store, &query, limit.min(200)).await?),
            ..Response::ok()
        },
        Request::Suggest { text, lang, limit } => {
            let (language, ids) = assist
                .suggest(store, &text, lang.as_deref(), limit.min(50))
                .await?;
            Response {
                ids: Some(ids),
                language,
                ..Response::ok()
            }
        }
        // Answered above (`labels::handles`).
        Request::LabelsList
        | Request::LabelPut { .. }
        | Request::LabelDelete { .. }
        | Request::LabelRestore { .. }
        | Request::SubjectLabel { .. }
        | Request::NotesList { .. }
        | Request::NoteAdd { .. }
        | Request::NoteEdit { .. }
        | Request::NoteDelete { .. }
        | Request::NoteRestore { .. }
        | Request::NotesSearch { .. } => labels::handle(store, summaries, request).await?,
        // Answered above (`timers::handles`).
        Request::TimersObserve { .. }
        | Request::TimerSettingsGet
        | Request::TimerSettingsPut { .. }
        | Request::TimersAway { .. }
        | Request::StatsData => super::timers::handle(store, request).await?,
        Request::SettingsGet => Response {
            settings: Some(store.settings().await?),
            ..Response::ok()
        },
        Request::SettingsPut { settings } => match settings.normalized() {
            Err(problems) => {
                let first = problems.first();
                let message = first.map_or_else(String::new, |p| {
                    format!("{}: {}", settings_field_name(&p.field), p.reason)
                });
                Response {
                    path: first.map(|p| p.field.clone()),
                    problems: Some(
                        problems
                            .iter()
                            .map(|p| FieldProblem {
                                path: p.field.clone(),
                                message: p.reason.clone(),
                            })
                            .collect(),
                    ),
                    ..Response::error("invalid", format!("The settings were not saved. {message}"))
                }
            }
            Ok(settings) => {
                let rev = store.put_settings(&settings).await?;
                announce(rev);
                Response {
                    rev: Some(rev),
                    settings: Some(settings),
                    ..Response::ok()
                }
            }
        },
    })
}

/// The label of a settings field, for messages.
fn settings_field_name(field: &str) -> &str {
    match field {
        "agent_name" => "Your name",
        "facebook_page" => "Facebook Page",
        "x_user_id" => "X account id",
        other => other,
    }
}

/// Sets position and/or favourite on stored replies, each record's revision + 1, all in one transaction.
async fn patch(store: &Store, patches: Vec<Patch>) -> Result<Response, JsValue> {
    if patches.is_empty() {
        return Ok(Response::ok());
    }
    if let Some(bad) = patches
        .iter()
        .find(|p| p.position.is_some_and(|position| !position.is_finite()))
    {
        return Ok(Response::error(
            "invalid",
            format!("{}: a position must be a finite number", bad.id),
        ));
    }
    let ids: Vec<String> = patches.iter().map(|p| p.id.clone()).collect();
    let now = now();
    let outcome = store
        .write(Scope::Some(&ids), |existing| {
            let mut by_id: HashMap<String, Record<Reply>> = existing
                .into_iter()
                .map(|record| (record.data.id.clone(), record))
                .collect();
            let mut puts = Vec::with_capacity(patches.len());
            for patch in &patches {
                let Some(mut record) = by_id.remove(&patch.id) else {
                    return Err(patch.id.clone());
                };
                if let Some(position) = patch.position {
                    record.data.position = Some(position);
                }
                if let Some(favorite) = patch.favorite {
                    record.data.favorite = favorite;
                }
                record.rev += 1;
                record.updated_at = now.clone();
                puts.push(record);
            }
            Ok((puts, Vec::new()))
        })
        .await?;
    Ok(match outcome {
        Ok((rev, records)) => {
            announce(rev);
            Response {
                rev: Some(rev),
                records: Some(records),
                ..Response::ok()
            }
        }
        Err(id) => Response {
            path: Some(id),
            ..Response::error(
                "not-found",
                "A reply was deleted in another tab; reload to see the library.",
            )
        },
    })
}

/// How many duplicate examples an import answer carries.
const DUPLICATE_EXAMPLES: usize = 20;

/// The import: read the file by its name (v1 JSON, CSV/TSV, espanso YAML; all or nothing), leave out
/// replies whose text is already there, merge the rest, and merge a v1 file's labels, conversation
/// labels and notes into the stored ones, in one transaction.
async fn import(store: &Store, text: &str, name: Option<&str>) -> Result<Response, JsValue> {
    let now = now();
    // Without a name the text is read as v1 (older pages, scripts).
    let name = name.unwrap_or("library.json");
    let outcome = store
        .import(|existing, found| {
            let stored: HashSet<&str> = existing.iter().map(|r| r.data.id.as_str()).collect();
            let parsed = exchange::parse_any(name, text, |id| stored.contains(id))?;
            let export = parsed.export;
            let labels_plan = merge::plan(
                &found.labels,
                &found.subjects,
                &found.notes,
                export.labels,
                export.conversations,
                export.notes,
            )?;
            let replies: Vec<Reply> = existing.iter().map(|r| r.data.clone()).collect();
            let intake = intake::sift(&replies, export.replies);
            let plan = record::merge_import(&existing, intake.replies, &now);
            let notes: Vec<DuplicateNote> = intake
                .findings
                .iter()
                .take(DUPLICATE_EXAMPLES)
                .map(|finding| DuplicateNote {
                    title: finding.title.clone(),
                    place: format!("reply {} in the file", finding.index + 1),
                    of: if finding.in_file {
                        format!("{} (earlier in the file)", finding.of)
                    } else {
                        finding.of.clone()
                    },
                    exact: finding.skipped,
                })
                .collect();
            let report = Response {
                added: Some(plan.added),
                updated: Some(plan.updated),
                unchanged: Some(plan.unchanged),
                skipped: Some(intake.skipped),
                duplicates: Some(notes),
                duplicates_found: Some(intake.findings.len()),
                warnings: Some(parsed.warnings),
                labels_added: Some(labels_plan.labels_added),
                conversations_added: Some(labels_plan.conversations_added),
                notes_added: Some(labels_plan.notes_added),
                notes_updated: Some(labels_plan.notes_updated),
                ..Response::ok()
            };
            let changes = Changes {
                labels: labels_plan.labels,
                subjects: labels_plan.subjects,
                notes: labels_plan.notes,
                ..Changes::default()
            };
            Ok::<_, exchange::ImportError>((plan.puts, changes, report))
        })
        .await?;
    match outcome {
        Err(error) => Ok(Response {
            path: Some(error.path.clone()),
            ..Response::error("invalid", error.to_string())
        }),
        Ok(imported) => {
            announce(imported.library_rev);
            if let Some(labels_rev) = imported.labels_rev {
                labels::announce(labels_rev);
            }
            Ok(Response {
                rev: Some(imported.library_rev),
                labels_rev: imported.labels_rev,
                ..imported.value
            })
        }
    }
}

fn write_refusal(refusal: record::WriteError) -> Response {
    let code = match refusal {
        record::WriteError::Conflict { .. } => "conflict",
        record::WriteError::NotFound { .. } => "not-found",
        record::WriteError::Invalid(_) => "invalid",
    };
    let path = match &refusal {
        record::WriteError::Invalid(field) => Some(field.field.clone()),
        _ => None,
    };
    Response {
        path,
        ..Response::error(code, refusal.to_string())
    }
}

/// Tells open pages and content scripts which reply was just used and its use now, under its own key so
/// they update that one reply instead of reading the library again.
async fn announce_use(id: &str, usage: Usage) {
    let value = Object::new();
    let _ = Reflect::set(&value, &"id".into(), &JsValue::from_str(id));
    let _ = Reflect::set(
        &value,
        &"count".into(),
        &JsValue::from_f64(usage.count.into()),
    );
    let _ = Reflect::set(
        &value,
        &"last_used_ms".into(),
        &JsValue::from_f64(usage.last_used_ms),
    );
    let items = Object::new();
    let _ = Reflect::set(&items, &JsValue::from_str(USED_KEY), &value);
    if let Err(error) = ext::call("storage.local", "set", &[items.into()]).await {
        web_sys::console::warn_2(&"Answerdeck: could not announce a use".into(), &error);
    }
}

/// [`announce_now`] once the answer to the current request has gone out: the page that asked then applies
/// its own write from the answer before the announcement arrives, and sees it needs no reload.
fn announce(rev: u64) {
    wasm_bindgen_futures::spawn_local(async move {
        // A timer, not a microtask: the answer is sent from a promise callback (a microtask).
        gloo_timers::future::TimeoutFuture::new(0).await;
        announce_now(rev).await;
    });
}

/// Tells every open page and content script that the library changed (they listen to `storage.onChanged`).
async fn announce_now(rev: u64) {
    let items = Object::new();
    let _ = Reflect::set(
        &items,
        &JsValue::from_str(REVISION_KEY),
        &JsValue::from_f64(rev as f64),
    );
    if let Err(error) = ext::call("storage.local", "set", &[items.into()]).await {
        web_sys::console::warn_2(
            &"Answerdeck: could not announce a library change".into(),
            &error,
        );
    }
}
