//! Response timers: what the content scripts see on a page ([`Observation`]), how the background turns that
//! into a wait per conversation or comment and an event log ([`ledger`]), what a `timer` host is told to show
//! ([`view`]) and the user's timer settings ([`settings`]).
//!
//! The content scripts only read the page: which messages are the customer's, unanswered, and the time
//! each one shows, as text. Everything that needs the time rules, time zones or opening hours runs in the
//! background, so the tz database and the parsers stay out of every messaging page (design.md §6).

pub mod ledger;
pub mod observation;
pub mod settings;
pub mod view;

pub use ledger::{observe, Outcome, TimerRecord};
pub use observation::{Observation, Stamp};
pub use settings::{PageHours, TimerSettings};
pub use view::{timer_view, TimerView};
