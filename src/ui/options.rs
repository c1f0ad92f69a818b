//! The options page (library editor). Filled in below.
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub fn start_options(root: web_sys::Element) {
    root.set_text_content(Some("Answerdeck options"));
}
