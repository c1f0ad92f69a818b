//! Injected components (controls, picker, floating fallback), the content-script app, and the options page.
pub mod clipboard;
pub mod content;
pub mod controls;
pub mod floating;
#[cfg(feature = "pages")]
pub mod options;
pub mod picker;
pub mod styles;
pub mod target;
