//! From an event log to the numbers the statistics page shows (issue 5).
//!
//! - [`event`]: what the log holds (customer messages, answers, spam marks)
//! - [`waits`](mod@waits): the rules that turn a key's events into waits and first-response times
//! - [`summary`]: response rate, median, mean and 90th percentile of a set of waits
//! - [`report`](mod@report): the same numbers grouped by platform, page, label, agent or day, and as CSV
//! - [`meta`]: an *estimate* of Meta's responsiveness metrics, the badge, and the forecast
//! - [`window`]: countdowns for Messenger's reply windows
//! - for the statistics page: [`period`] (waits per Page's hours, the period), [`countdown`] (open
//!   waits' windows), [`format`] (numbers as text, the forecast sentence), [`chart`] (axis scales)

pub mod chart;
pub mod countdown;
pub mod event;
pub mod format;
pub mod meta;
pub mod period;
pub mod report;
pub mod summary;
pub mod waits;
pub mod window;

pub use event::{Event, EventKind};
pub use meta::{meta_estimate, MetaEstimate};
pub use report::{report, Dimension, Report, Row};
pub use summary::{summarize, Summary, OVERDUE_AFTER_MS};
pub use waits::{waits, Wait};
pub use window::{window_left_ms, ReplyWindow};
