//! The background's request handler: validates with the core, writes the store, tells every page.
use super::assist::Assist;
use super::ext;
use super::protocol::{Request, Response, REVISION_KEY};
use super::store::{from_js, to_js, Store};
use crate::core::exchange::{self, Export};
use crate::core::record::{self, Record};
use crate::core::reply::Reply;
use crate::core::usage::UsageMap;
use js_sys::{Object, Promise, Reflect};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

/// A first library, so a new user sees how saved replies work; stored only when the library is empty.
const STARTER_LIBRARY: &str = include_str!("starter-library.json");

#[wasm_bindgen]
pub struct Background {
    store: Store,
    assist: Rc<Assist>,
}

#[wasm_bindgen]
impl Background {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Background {
        Background {
            store: Store::open(),
            assist: Rc::default(),
        }
    }

    /// Handles one message from a content script or extension page; resolves to a `Response`.
    pub fn handle(&self, message: JsValue) -> Promise {
        let store = self.store.clone();
        let assist = self.assist.clone();
        future_to_promise(async move {
            let response = match from_js::<Request>(message) {
                Ok(request) => handle(&store, &assist, request)
                    .await
                    .unwrap_or_else(|error| {
                        Response::error(
                            "internal",
                            format!(
                                "The library could not be read or written: {}",
                                describe(&error)
                            ),
                        )
                    }),
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

fn describe(error: &JsValue) -> String {
    error.as_string().unwrap_or_else(|| format!("{error:?}"))
}

fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

async fn seed_starter(store: &Store) -> Result<(), JsValue> {
    let starter =
        exchange::parse_v1(STARTER_LIBRARY).map_err(|e| JsValue::from_str(&e.to_string()))?;
    let now = now();
    let outcome = store
        .write(None, |existing| {
            if !existing.is_empty() {
                return Err(());
            }
            let plan = record::merge_import(&existing, starter.replies, &now);
            Ok((plan.puts, Vec::new()))
        })
        .await?;
    if let Ok((rev, _)) = outcome {
        announce(rev).await;
    }
    Ok(())
}

async fn handle(store: &Store, assist: &Assist, request: Request) -> Result<Response, JsValue> {
    if !matches!(
        request,
        Request::List | Request::Search { .. } | Request::Suggest { .. } | Request::Used { .. }
    ) {
        assist.invalidate(); // a write (or a refused one: cheap to rebuild on the next search)
    }
    Ok(match request {
        Request::Search { query, limit } => Response {
            ids: Some(assist.search(store, &query, limit.min(200)).await?),
            ..Response::ok()
        },
        Request::Suggest { text, lang, limit } => {
            let usage = UsageMap::new();
            let (language, ids) = assist
                .suggest(store, &usage, &text, lang.as_deref(), limit.min(50))
                .await?;
            Response {
                ids: Some(ids),
                language,
                ..Response::ok()
            }
        }
        Request::Used { .. } => Response::ok(),
        Request::List => {
            let (replies, rev) = store.list().await?;
            Response {
                replies: Some(replies),
                rev: Some(rev),
                ..Response::ok()
            }
        }
        Request::Put { reply, base_rev } => {
            let id = reply.id.clone();
            let now = now();
            let outcome = store
                .write(Some(&id), |existing| {
                    record::apply_put(existing.first(), reply, base_rev, &now)
                        .map(|r| (vec![r], Vec::new()))
                })
                .await?;
            match outcome {
                Ok((rev, mut puts)) => {
                    announce(rev).await;
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
                .write(Some(&id), |existing| {
                    record::apply_delete(existing.first(), base_rev)
                        .map(|()| (Vec::new(), vec![id.clone()]))
                })
                .await?;
            match outcome {
                Ok((rev, _)) => {
                    announce(rev).await;
                    Response {
                        rev: Some(rev),
                        ..Response::ok()
                    }
                }
                Err(refusal) => write_refusal(refusal),
            }
        }
        Request::Import { text } => match exchange::parse_v1(&text) {
            Err(error) => Response {
                path: Some(error.path.clone()),
                ..Response::error("invalid", error.to_string())
            },
            Ok(export) => {
                let now = now();
                let mut counts = (0, 0, 0);
                let outcome = store
                    .write(None, |existing| {
                        let plan = record::merge_import(&existing, export.replies, &now);
                        counts = (plan.added, plan.updated, plan.unchanged);
                        Ok::<_, ()>((plan.puts, Vec::new()))
                    })
                    .await?;
                let rev = outcome.map(|(rev, _)| rev).unwrap_or_default();
                announce(rev).await;
                Response {
                    rev: Some(rev),
                    added: Some(counts.0),
                    updated: Some(counts.1),
                    unchanged: Some(counts.2),
                    ..Response::ok()
                }
            }
        },
        Request::Export => {
            let (records, _) = store.list().await?;
            let export = Export {
                replies: records.into_iter().map(|r: Record<Reply>| r.data).collect(),
                labels: Vec::new(),
                conversations: Vec::new(),
                notes: Vec::new(),
                extra: Default::default(),
            };
            Response {
                text: Some(exchange::to_v1(&export, &now())),
                ..Response::ok()
            }
        }
    })
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

/// Tells every open page and content script that the library changed (they listen to `storage.onChanged`).
async fn announce(rev: u64) {
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
