//! facebook.com, messenger.com and business.facebook.com.
#[cfg(target_arch = "wasm32")]
pub mod business;
#[cfg(target_arch = "wasm32")]
pub mod comment_waits;
#[cfg(target_arch = "wasm32")]
pub mod messenger;
#[cfg(target_arch = "wasm32")]
pub mod page;
pub mod private_reply;
#[cfg(target_arch = "wasm32")]
pub mod rows;
pub mod selectors;
#[cfg(target_arch = "wasm32")]
pub mod thread;
pub mod url;
#[cfg(target_arch = "wasm32")]
pub mod waits;
