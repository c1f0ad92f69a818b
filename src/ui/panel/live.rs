//! Changes made anywhere (another tab, the options page, this panel): the background announces every
//! committed labels or notes write by setting `storage.local["answerdeck.labels"]` to the labels revision
//! (`protocol::LABELS_KEY`); the panel reads again when it sees one newer than what it shows.
use crate::platform::ext::ApiListener;
use crate::platform::protocol::LABELS_KEY;
use js_sys::Reflect;
use wasm_bindgen::JsValue;

/// Calls `f(revision)` on every labels/notes change (`None` when the new value is not a number). Dropping
/// the listener stops it.
pub fn on_labels_change(mut f: impl FnMut(Option<u64>) + 'static) -> Result<ApiListener, JsValue> {
    ApiListener::new("storage.onChanged", move |changes, area| {
        if area.as_string().as_deref() != Some("local") {
            return;
        }
        let Ok(change) = Reflect::get(&changes, &JsValue::from_str(LABELS_KEY)) else {
            return;
        };
        if !change.is_object() {
            return;
        }
        let rev = Reflect::get(&change, &JsValue::from_str("newValue"))
            .ok()
            .and_then(|value| value.as_f64())
            .map(|rev| rev as u64);
        f(rev);
    })
}
