//! Entry points exported to the JS loaders: `start_content` (ui::content), `Background` (platform::background)
//! and `start_options` (ui::options) are exported where they are defined; this adds the version probe.
use wasm_bindgen::prelude::*;

/// The crate version; the loaders use it as a liveness probe.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
