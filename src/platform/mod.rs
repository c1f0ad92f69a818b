//! The only place that talks to the browser's extension APIs (`browser.*` / `chrome.*`) and to IndexedDB.
#[cfg(feature = "pages")]
pub mod background;
pub mod ext;
pub mod handoff;
pub mod idb;
pub mod library;
pub mod protocol;
#[cfg(feature = "pages")]
mod searcher;
pub mod store;
