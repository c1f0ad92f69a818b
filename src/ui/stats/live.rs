//! The background announces every timers change (a wait started or ended, new settings) by setting
//! `storage.local["answerdeck.timers"]`; the page reads the log again when it sees one.
use crate::platform::ext::ApiListener;
use crate::platform::protocol::TIMERS_KEY;
use js_sys::Reflect;
use wasm_bindgen::JsValue;

/// Calls `f` on every timers change. Dropping the listener stops it.
pub fn on_timers_change(mut f: impl FnMut() + 'static) -> Result<ApiListener, JsValue> {
    ApiListener::new("storage.onChanged", move |changes, area| {
        let local = area.as_string().as_deref() == Some("local");
        if local && Reflect::has(&changes, &JsValue::from_str(TIMERS_KEY)).unwrap_or(false) {
            f();
        }
    })
}
