//! Browser tests for the DOM helpers (`src/dom/`) and the page extraction (`src/sites/*/page.rs`), run headless
//! in Chromium through chromedriver:
//!
//! ```sh
//! CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_DIR=/work/target-web \
//!   cargo test --target wasm32-unknown-unknown --test web
//! ```
//!
//! wasm-bindgen-test runs the tests one at a time in one page; every test builds its DOM in a `Fixture` that is
//! removed when the test ends (and swept at the start of the next one, in case a failed test left it behind).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::wasm_bindgen_test_configure;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "web/support.rs"]
mod support;

#[path = "web/conversations.rs"]
mod conversations;
#[path = "web/facebook.rs"]
mod facebook;
#[path = "web/insert.rs"]
mod insert;
#[path = "web/messaging.rs"]
mod messaging;
#[path = "web/mount.rs"]
mod mount;
#[path = "web/nearby.rs"]
mod nearby;
#[path = "web/observe.rs"]
mod observe;
#[path = "web/pacer.rs"]
mod pacer;
#[path = "web/query_cache.rs"]
mod query_cache;
#[path = "web/text.rs"]
mod text;
#[path = "web/unit_memo.rs"]
mod unit_memo;
#[path = "web/x.rs"]
mod x;
