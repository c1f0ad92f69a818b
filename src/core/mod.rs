//! The pure core: no web APIs (a test in `tests/core_is_pure.rs` keeps them out), so everything here
//! builds and is tested natively with plain `cargo test`, and the same code runs in every wasm context.
//!
//! - [`reply`]: the saved reply and its rules
//! - [`template`]: variables, fallbacks and fill-in fields
//! - [`fold`]: case- and accent-insensitive comparison
//! - [`search`]: the picker's index and ranking
//! - [`exchange`]: data format v1 import/export
//! - [`record`]: what the store keeps, revisions and schema version
//! - [`language`]: which language a customer wrote in, and which variant of a reply to use
//! - [`length`]: how long a text is on each target (X's weighted counting) and each target's limit
//! - [`suggest`]: the best replies for a customer's message
//! - [`usage`]: how often and how recently each reply was used
//! - [`order`]: the library's manual order and the favourites' numbers (1–9)
//! - [`browse`]: the options list's shelves (folders, favourites, unused), `#tag` filters, usage text
//! - [`intake`]: what an import adds once duplicates of text already there are left out
//! - [`settings`]: the agent's name, DM link targets and picker preferences
//! - [`subject`]: the keys labels and notes are attached to (conversations, people)
//! - [`labels`], [`notes`]: conversation labels and notes, their rules; [`assign`]: labels on subjects;
//!   [`note_search`]: listing and searching notes; [`label_summary`]: what tabs draw chips from;
//!   [`refusal`]: why a labels or notes write was refused; [`time`]: the stored form of times
//! - [`page_time`]: the times Facebook and X show (`2h`, `Gestern 16:05`, tooltips), read as intervals
//! - [`hours`]: opening hours per Page or account (time zones, holidays, away); [`stats`]: response
//!   times, rates, Meta's responsiveness estimate and reply-window countdowns; [`timer_state`]: what a
//!   waiting clock shows (`ok`, `warn`, `late`, `answered`, `paused`); [`timers`]: observations of
//!   waiting customers to waits, an event log and what each timer shows
//!
//! Modules only the background and the options page use (imports and exports, the labels and notes
//! rules) are built with the `pages` feature only: content scripts ship to every messaging page and must
//! stay small (design.md §6).

#[cfg(feature = "pages")]
pub mod assign;
pub mod browse;
#[cfg(feature = "pages")]
pub mod exchange;
pub mod fold;
pub mod hours;
#[cfg(feature = "pages")]
pub mod intake;
#[cfg(feature = "pages")]
pub mod label_summary;
pub mod labels;
pub mod language;
pub mod length;
#[cfg(feature = "pages")]
pub mod note_search;
pub mod notes;
pub mod order;
pub mod page_time;
pub mod record;
#[cfg(feature = "pages")]
pub mod refusal;
pub mod reply;
pub mod search;
pub mod settings;
pub mod sort;
pub mod stats;
pub mod subject;
pub mod suggest;
pub mod template;
#[cfg(feature = "pages")]
pub mod time;
pub mod timer_state;
pub mod timers;
pub mod usage;
