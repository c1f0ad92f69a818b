//! IndexedDB's event-based requests as futures. Listeners are gloo `EventListener`s, removed when the future
//! finishes (cleanup by drop), so nothing is leaked per request.
use gloo::events::EventListener;
use js_sys::Promise;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{EventTarget, IdbRequest, IdbTransaction};

/// Resolves on the first `ok` event, rejects on any `fail` event.
async fn first_event(
    target: &EventTarget,
    ok: &'static str,
    fail: &[&'static str],
) -> Result<(), JsValue> {
    let listeners: Rc<RefCell<Vec<EventListener>>> = Rc::default();
    let promise = Promise::new(&mut |resolve, reject| {
        let mut held = listeners.borrow_mut();
        held.push(EventListener::once(target, ok, move |_| {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }));
        for name in fail {
            let reject = reject.clone();
            let name = *name;
            held.push(EventListener::once(target, name, move |_| {
                let _ = reject.call1(&JsValue::UNDEFINED, &JsValue::from_str(name));
            }));
        }
    });
    let result = JsFuture::from(promise).await;
    drop(listeners);
    result.map(|_| ())
}

/// Awaits a request and returns its result, or the request's error.
pub async fn request(req: &IdbRequest) -> Result<JsValue, JsValue> {
    match first_event(req, "success", &["error"]).await {
        Ok(()) => req.result(),
        Err(_) => Err(req
            .error()
            .ok()
            .flatten()
            .map(JsValue::from)
            .unwrap_or_else(|| "IndexedDB request failed".into())),
    }
}

/// Awaits the commit of a transaction. A transaction that aborts (quota, constraint) is an error.
pub async fn committed(tx: &IdbTransaction) -> Result<(), JsValue> {
    first_event(tx, "complete", &["error", "abort"])
        .await
        .map_err(|event| {
            tx.error().map(JsValue::from).unwrap_or_else(|| {
                JsValue::from_str(&format!(
                    "IndexedDB transaction {}",
                    event.as_string().unwrap_or_default()
                ))
            })
        })
}
