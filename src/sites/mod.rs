//! Site knowledge, one folder per site: URL → surface detection (pure), selectors, page-fact extraction.
#[cfg(target_arch = "wasm32")]
pub mod adapter;
pub mod conversations;
pub mod facebook;
#[cfg(target_arch = "wasm32")]
pub mod page;
pub mod surface;
pub mod url;
pub mod waits;
pub mod x;
