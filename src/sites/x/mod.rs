//! x.com.
#[cfg(target_arch = "wasm32")]
pub mod chat;
#[cfg(target_arch = "wasm32")]
pub mod legacy_dm;
#[cfg(target_arch = "wasm32")]
pub mod page;
pub mod private_reply;
pub mod selectors;
pub mod url;
