//! Answerdeck: saved replies, labels, notes and response timers inside facebook.com and x.com.
//!
//! `core` and the URL/selector parts of `sites` are pure Rust and tested natively; everything that touches
//! the browser (`dom`, `ui`, `platform`, the page-fact extraction in `sites`) only builds for wasm32.

pub mod core;
pub mod sites;

#[cfg(target_arch = "wasm32")]
pub mod dom;
#[cfg(target_arch = "wasm32")]
mod entry;
#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod ui;
