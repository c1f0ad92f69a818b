//! Opening hours per Page or X account, so the wait timers and statistics count only the time the team
//! is expected to answer (issue 5).
//!
//! Times come in and go out as milliseconds since the Unix epoch (what `Date.now()` gives); the weekly
//! hours, holidays and dates are local to the schedule's IANA time zone, DST included.
//!
//! - [`schedule`]: the stored schedule and its validation (Meta's 12 h-per-day away limit)
//! - [`local`]: local wall times to instants, and how DST gaps and folds resolve
//! - [`open`]: the queries: [`is_open`], [`open_ms_between`], [`next_open_ms`]
//! - [`text`]: hours and holidays as typed in the options page, and back

pub mod local;
pub mod open;
pub mod schedule;
pub mod text;

pub use open::{is_open, next_change_ms, next_open_ms, open_ms_between};
pub use schedule::{Schedule, ScheduleError, MAX_AWAY_MS_PER_DAY};
