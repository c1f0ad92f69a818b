//! Site-independent DOM helpers: closed shadow mounts, scoped observers, text insertion, text reading.
pub mod insert;
pub mod mount;
pub mod nearby;
pub mod observe;
pub mod owner_index;
pub mod pacer;
pub mod query_cache;
pub mod slice;
pub mod text;
pub mod timing;
pub mod unit_memo;

use wasm_bindgen::JsCast;
use web_sys::{Document, Window};

pub fn window() -> Window {
    // Content scripts, extension pages and wasm-bindgen tests always have a window; the service worker
    // never calls into this module.
    web_sys::window().unwrap_or_else(|| js_sys::global().unchecked_into())
}

pub fn document() -> Document {
    window()
        .document()
        .unwrap_or_else(|| js_sys::global().unchecked_into())
}

/// Waits for the next animation frame, then lets queued tasks run (editors commit their state asynchronously).
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    gloo::timers::future::TimeoutFuture::new(0).await;
}

/// A CSS pixel length, rounded to whole pixels: formatting through integers keeps Rust's float formatting
/// (several KB of wasm) out of the content script.
pub fn px(value: f64) -> String {
    format!("{}px", value.round() as i64)
}
