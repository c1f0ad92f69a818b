//! User-timing measures of what the user waits for (`answerdeck:picker-open`: a click or key to the picker
//! on screen with its list; `answerdeck:keystroke`: a key in the search field to the new results on screen).
//! They cost a call each, carry no content, and let `scripts/bench/picker.mjs` read real figures from the
//! page's performance timeline (design.md §6 budgets) without test hooks in the product.
use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The global `performance.now`, called as is: going through `window().performance()` made every call three
    /// calls out of wasm and two new JS handles, and the scans ask for the time at every unit of a long page.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

/// Milliseconds on the page's performance clock (same origin as event time stamps).
#[inline(never)]
pub fn now() -> f64 {
    performance_now()
}

/// `performance.measure(name, {start, end: now})`.
pub fn measure(name: &str, start: f64) {
    let Some(performance) = super::window().performance() else {
        return;
    };
    let options = Object::new();
    let _ = Reflect::set(&options, &"start".into(), &JsValue::from_f64(start));
    let _ = Reflect::set(
        &options,
        &"end".into(),
        &JsValue::from_f64(performance.now()),
    );
    if let Ok(measure) =
        Reflect::get(&performance, &"measure".into()).and_then(|f| f.dyn_into::<js_sys::Function>())
    {
        let _ = measure.call2(&performance, &name.into(), &options);
    }
}
