//! x.com.
#[cfg(target_arch = "wasm32")]
pub mod chat;
#[cfg(target_arch = "wasm32")]
pub mod legacy_dm;
#[cfg(target_arch = "wasm32")]
pub mod page;
pub mod private_reply;
#[cfg(target_arch = "wasm32")]
pub mod reply_waits;
#[cfg(target_arch = "wasm32")]
pub mod rows;
pub mod selectors;
pub mod url;
#[cfg(target_arch = "wasm32")]
pub mod waits;
