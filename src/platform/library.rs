//! The read side used by content scripts and extension pages: requests to the background, change events.
use super::ext::{self, ApiListener};
use super::protocol::{Request, Response, REVISION_KEY};
use super::store::{from_js, to_js};
use js_sys::Reflect;
use wasm_bindgen::prelude::*;

/// Sends one request to the background and returns its response. Transport failures (the background is
/// restarting, the extension was updated under this page) come back as an `ok: false` response too.
pub async fn request(request: &Request) -> Response {
    let message = match to_js(request) {
        Ok(message) => message,
        Err(error) => return Response::error("bad-request", format!("{error:?}")),
    };
    match ext::call("runtime", "sendMessage", &[message]).await {
        Ok(value) => from_js(value).unwrap_or_else(|error| Response::error("bad-response", format!("{error:?}"))),
        Err(error) => Response::error(
            "unreachable",
            format!(
                "Answerdeck's background is not reachable ({}). If Answerdeck was just updated, reload this page.",
                error.as_string().unwrap_or_else(|| "no answer".into())
            ),
        ),
    }
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
