//! Injected components (controls, picker, floating fallback), the content-script app, and the options page.

/// A stylesheet of `src/ui/css/`, as `build.rs` minified it.
macro_rules! css {
    ($name:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/css/", $name, ".css"))
    };
}

pub mod clipboard;
pub mod compose;
pub mod content;
pub mod controls;
pub mod favourites;
pub mod fields;
pub mod floating;
pub mod keys;
pub mod label_filter;
pub mod notice;
#[cfg(feature = "pages")]
pub mod options;
#[cfg(feature = "pages")]
pub mod panel;
pub mod panel_frame;
pub mod picker;
pub mod private;
#[cfg(feature = "pages")]
pub mod stats;
pub mod styles;
pub mod subject_host;
pub mod subjects;
pub mod target;
pub mod timer_host;
pub mod timers;
