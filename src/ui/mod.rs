//! Injected components (controls, picker, floating fallback), the content-script app, and the options page.
pub mod clipboard;
pub mod compose;
pub mod content;
pub mod controls;
pub mod favourites;
pub mod fields;
pub mod floating;
pub mod keys;
pub mod notice;
#[cfg(feature = "pages")]
pub mod options;
#[cfg(feature = "pages")]
pub mod panel;
pub mod picker;
pub mod private;
pub mod styles;
pub mod target;
