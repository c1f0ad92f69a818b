//! Entry points exported to the JS loaders.
use wasm_bindgen::prelude::*;

/// Returns the crate version; the loaders use it as a liveness probe.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
