//! Access to the extension API object, whichever name the browser gives it.
//!
//! Firefox exposes promise-based `browser.*`; Chrome exposes `chrome.*`, promise-based in MV3. Both return
//! promises when no callback is passed, which is the only way we call them.
use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// The script's own global. In a Firefox content script `self`/`window` (what `js_sys::global()` returns
    /// first) is the page's window, which has no extension API; only the content script's `globalThis` has it.
    #[wasm_bindgen(thread_local_v2, js_name = globalThis)]
    static GLOBAL_THIS: JsValue;
}

/// `browser` where it exists (Firefox), else `chrome`.
pub fn api() -> Result<JsValue, JsValue> {
    let globals = [GLOBAL_THIS.with(JsValue::clone), js_sys::global().into()];
    for global in globals.iter().filter(|g| g.is_object()) {
        for name in ["browser", "chrome"] {
            let value = Reflect::get(global, &JsValue::from_str(name))?;
            if value.is_object()
                && Reflect::has(&value, &JsValue::from_str("runtime")).unwrap_or(false)
            {
                return Ok(value);
            }
        }
    }
    Err(JsValue::from_str(
        "extension API not available in this context",
    ))
}

/// Reads a dotted property path such as `runtime.sendMessage` from the API object.
pub fn get(path: &str) -> Result<JsValue, JsValue> {
    let mut value = api()?;
    for key in path.split('.') {
        value = Reflect::get(&value, &JsValue::from_str(key))?;
    }
    Ok(value)
}

/// Calls a promise-returning API method with `this` bound to its namespace, and awaits it.
pub async fn call(namespace: &str, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let this = get(namespace)?;
    let function: Function = Reflect::get(&this, &JsValue::from_str(method))?.dyn_into()?;
    let array = js_sys::Array::new();
    for arg in args {
        array.push(arg);
    }
    let result = Reflect::apply(&function, &this, &array)?;
    // `Promise.resolve`, not `instanceof Promise`: in Firefox an extension page framed inside a web page gets
    // the API's promises from another realm, which `instanceof` rejects (the promise itself was then taken
    // for the answer). `resolve` adopts any thenable and wraps plain values.
    JsFuture::from(Promise::resolve(&result)).await
}

/// Calls a synchronous API method (`runtime.getURL` …) with `this` bound to its namespace.
pub fn call_sync(namespace: &str, method: &str, args: &[JsValue]) -> Option<JsValue> {
    let this = get(namespace).ok()?;
    let function: Function = Reflect::get(&this, &JsValue::from_str(method))
        .ok()?
        .dyn_into()
        .ok()?;
    let array = js_sys::Array::new();
    for arg in args {
        array.push(arg);
    }
    Reflect::apply(&function, &this, &array).ok()
}

/// A listener on an extension event (`storage.onChanged` …) that is removed when dropped.
pub struct ApiListener {
    event: JsValue,
    callback: Closure<dyn FnMut(JsValue, JsValue)>,
}

impl ApiListener {
    pub fn new(
        event_path: &str,
        f: impl FnMut(JsValue, JsValue) + 'static,
    ) -> Result<Self, JsValue> {
        let event = get(event_path)?;
        let callback = Closure::<dyn FnMut(JsValue, JsValue)>::new(f);
        let add: Function = Reflect::get(&event, &JsValue::from_str("addListener"))?.dyn_into()?;
        add.call1(&event, callback.as_ref())?;
        Ok(Self { event, callback })
    }
}

impl Drop for ApiListener {
    fn drop(&mut self) {
        if let Ok(remove) = Reflect::get(&self.event, &JsValue::from_str("removeListener")) {
            if let Ok(remove) = remove.dyn_into::<Function>() {
                let _ = remove.call1(&self.event, self.callback.as_ref());
            }
        }
    }
}

/// `performance.measure(name, {start, end: now})` on the worker's or page's own timeline, with `started` from
/// `Date.now()`; benchmarks read these (scripts/bench/picker.mjs). No-op where there is no `performance`.
pub fn log_timing(name: &str, started_ms: f64) {
    let global = GLOBAL_THIS.with(JsValue::clone);
    let Ok(performance) = Reflect::get(&global, &JsValue::from_str("performance")) else {
        return;
    };
    let (Ok(now), Ok(origin)) = (
        Reflect::get(&performance, &JsValue::from_str("now")),
        Reflect::get(&performance, &JsValue::from_str("timeOrigin")),
    ) else {
        return;
    };
    let Some(now) = now
        .dyn_ref::<Function>()
        .and_then(|f| f.call0(&performance).ok())
        .and_then(|v| v.as_f64())
    else {
        return;
    };
    let start = started_ms - origin.as_f64().unwrap_or_default();
    let options = js_sys::Object::new();
    let _ = Reflect::set(
        &options,
        &"start".into(),
        &JsValue::from_f64(start.max(0.0)),
    );
    let _ = Reflect::set(&options, &"end".into(), &JsValue::from_f64(now));
    if let Ok(measure) = Reflect::get(&performance, &JsValue::from_str("measure")) {
        if let Some(measure) = measure.dyn_ref::<Function>() {
            let _ = measure.call2(&performance, &name.into(), &options);
        }
    }
}
