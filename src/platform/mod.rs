//! The only place that talks to the browser's extension APIs (`browser.*` / `chrome.*`) and to IndexedDB.
#[cfg(feature = "pages")]
pub mod assist;
#[cfg(feature = "pages")]
pub mod background;
pub mod decode;
pub mod ext;
pub mod handoff;
pub mod idb;
#[cfg(feature = "pages")]
pub mod labels;
#[cfg(feature = "pages")]
pub mod labels_store;
pub mod labels_view;
pub mod library;
pub mod protocol;
pub mod store;
