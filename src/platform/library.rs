//! The read side used by content scripts and extension pages: requests to the background, change events.
use super::ext::{self, ApiListener};
use super::protocol::{Request, Response, LABELS_KEY, REVISION_KEY, TIMERS_KEY, USED_KEY};
#[cfg(feature = "pages")]
use super::store::from_js;
#[cfg(feature = "pages")]
use super::store::to_js;
use crate::core::usage::Usage;
use js_sys::Reflect;
use wasm_bindgen::prelude::*;

/// The request as the background reads it: serde in the extension pages, a hand-written encoder in the content
/// scripts (`encode.rs`: serde's serializer would add 3 KB gzip to every messaging page).
#[cfg(feature = "pages")]
fn message(request: &Request) -> Result<JsValue, JsValue> {
    to_js(request)
}

#[cfg(not(feature = "pages"))]
fn message(request: &Request) -> Result<JsValue, JsValue> {
    Ok(super::encode::request(request))
}

/// Sends one request to the background and returns its response. Transport failures (the background is
/// restarting, the extension was updated under this page) come back as an `ok: false` response too.
pub async fn request(request: &Request) -> Response {
    let message = match message(request) {
        Ok(message) => message,
        Err(error) => return Response::error("bad-request", format!("{error:?}")),
    };
    match ext::call("runtime", "sendMessage", &[message]).await {
        Ok(value) => read_response(value),
        Err(error) => Response::error(
            "unreachable",
            format!(
                "Answerdeck's background is not reachable ({}). If Answerdeck was just updated, reload this page.",
                error.as_string().unwrap_or_else(|| "no answer".into())
            ),
        ),
    }
}

/// Like [`request`], but returns the answer as the background sent it, for readers that decode it themselves
/// (content scripts keep serde's deserializers out of their build). `Err` carries a message for the user.
pub async fn request_raw(request: &Request) -> Result<JsValue, String> {
    let message = message(request).map_err(|error| format!("{error:?}"))?;
    let value = ext::call("runtime", "sendMessage", &[message])
        .await
        .map_err(|_| "Answerdeck's background is not reachable. If Answerdeck was just updated, reload this page.".to_string())?;
    let ok = Reflect::get(&value, &JsValue::from_str("ok"))
        .ok()
        .and_then(|ok| ok.as_bool());
    if ok == Some(true) {
        return Ok(value);
    }
    Err(Reflect::get(&value, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| "The background sent no answer.".into()))
}

/// Calls `f` whenever labels or notes change, in this or any other tab. Dropping the listener stops it.
pub fn on_labels_change(mut f: impl FnMut() + 'static) -> Result<ApiListener, JsValue> {
    ApiListener::new("storage.onChanged", move |changes, area| {
        let local = area.as_string().as_deref() == Some("local");
        if local && Reflect::has(&changes, &JsValue::from_str(LABELS_KEY)).unwrap_or(false) {
            f();
        }
    })
}

/// Calls `f` whenever timers change (settings, a wait started or ended in another tab) or labels do (a
/// conversation labelled spam stops waiting), except for a timers change that `origin`'s own report caused.
/// Dropping the listener stops it.
pub fn on_timers_change(
    origin: String,
    mut f: impl FnMut() + 'static,
) -> Result<ApiListener, JsValue> {
    ApiListener::new("storage.onChanged", move |changes, area| {
        let local = area.as_string().as_deref() == Some("local");
        let get = |key: &str| Reflect::get(&changes, &JsValue::from_str(key)).unwrap_or_default();
        let timers = get(TIMERS_KEY);
        // `<time> <origin>` (see `platform::timers::announce`).
        let own = Reflect::get(&timers, &JsValue::from_str("newValue"))
            .ok()
            .and_then(|v| v.as_string())
            .is_some_and(|v| v.split_once(' ').map(|(_, by)| by) == Some(origin.as_str()));
        if local && ((!timers.is_undefined() && !own) || !get(LABELS_KEY).is_undefined()) {
            f();
        }
    })
}

/// The options page and background read answers with serde; content scripts with a small hand decoder.
#[cfg(feature = "pages")]
fn read_response(value: JsValue) -> Response {
    from_js(value).unwrap_or_else(|error| Response::error("bad-response", format!("{error:?}")))
}

#[cfg(not(feature = "pages"))]
fn read_response(value: JsValue) -> Response {
    if !value.is_object() {
        return Response::error("bad-response", "The background sent no answer.");
    }
    super::decode::response(&value)
}

/// Calls `f` whenever the library changes, in this or any other tab. Dropping the listener stops it.
pub fn on_change(mut f: impl FnMut() + 'static) -> Result<ApiListener, JsValue> {
    ApiListener::new("storage.onChanged", move |changes, area| {
        let local = area.as_string().as_deref() == Some("local");
        if local && Reflect::has(&changes, &JsValue::from_str(REVISION_KEY)).unwrap_or(false) {
            f();
        }
    })
}

/// Like [`on_change`], with the library revision just announced (`None` if it can't be read), so a page
/// that already shows that revision (its own write, applied from the answer) can skip reading the library
/// again, which takes a second with 30,000 replies.
pub fn on_revision(mut f: impl FnMut(Option<u64>) + 'static) -> Result<ApiListener, JsValue> {
    ApiListener::new("storage.onChanged", move |changes, area| {
        if area.as_string().as_deref() != Some("local") {
            return;
        }
        let Ok(change) = Reflect::get(&changes, &JsValue::from_str(REVISION_KEY)) else {
            return;
        };
        if change.is_undefined() {
            return;
        }
        let rev = Reflect::get(&change, &JsValue::from_str("newValue"))
            .ok()
            .and_then(|value| value.as_f64())
            .map(|rev| rev as u64);
        f(rev);
    })
}

/// Calls `f(id, usage)` whenever a reply is used (inserted), in this or any other tab: the reply's use
/// after counting. Cheaper than [`on_change`], which would read the whole library. Dropping the listener
/// stops it.
pub fn on_usage(mut f: impl FnMut(String, Usage) + 'static) -> Result<ApiListener, JsValue> {
    ApiListener::new("storage.onChanged", move |changes, area| {
        if area.as_string().as_deref() != Some("local") {
            return;
        }
        let Ok(change) = Reflect::get(&changes, &JsValue::from_str(USED_KEY)) else {
            return;
        };
        if !change.is_object() {
            return;
        }
        let Ok(value) = Reflect::get(&change, &JsValue::from_str("newValue")) else {
            return;
        };
        let field = |name: &str| Reflect::get(&value, &JsValue::from_str(name)).ok();
        let id = field("id").and_then(|id| id.as_string());
        let count = field("count").and_then(|count| count.as_f64());
        let last = field("last_used_ms").and_then(|last| last.as_f64());
        if let (Some(id), Some(count), Some(last_used_ms)) = (id, count, last) {
            let usage = Usage {
                count: count as u32,
                last_used_ms,
            };
            f(id, usage);
        }
    })
}
