//! The times Facebook and X show, read as instants for the response timers (issue 5, "truthful time").
//!
//! Pages give times in three grades: machine-readable attributes (`<time datetime>` on X, epoch numbers
//! in data attributes) that are exact; tooltips and day labels (`Yesterday 16:05`, `Monday, 3 March
//! 2025 at 14:02`) exact to the minute or the day; and relative buckets (`2h`, `vor 3 Tagen`) that only
//! say "between 2 and 3 hours ago". So a parsed time is an interval, [`Seen`], and [`refine`] narrows
//! it with the first time Answerdeck saw the message.
//!
//! Rules (English, German, Danish; case-insensitive; punctuation and spaces around and between words
//! are ignored; words that carry no time — `at`, `um`, `kl.`, `den`, `ago`, `vor`, `for … siden` —
//! are skipped):
//! - ISO 8601 / RFC 3339 with a zone is exact; without a zone it is the page's local time.
//! - `n unit` is [now − (n+1)·unit, now − n·unit] (the sites floor the age); `now` is the last minute;
//!   a year is 365 days. German `T.` (*Tag*) and Danish `t.` (*time*) differ only in case: capital
//!   `T` is a day, lower-case `t` an hour.
//! - `Today`/`Yesterday` + clock is that local minute; alone, that local day.
//! - A weekday (+ clock) is the most recent such local day (and time) not after now.
//! - A bare clock is today's, or yesterday's if today's is still to come.
//! - A date without a year is in the latest year in which it has begun.
//! - Local times use the offset the caller passes (the browser's current one): across a daylight-saving
//!   change an old tooltip time is one hour off.
//! - Nothing is after now: an interval that starts after now is not a time the page can mean (`None`),
//!   and the latest end is cut to now.

mod calendar;
mod civil;
mod iso;
mod relative;
mod tokens;
mod words;

/// Milliseconds since 1970-01-01T00:00:00Z.
pub type Instant = i64;

/// When a message was written, as far as the page tells: some instant in `earliest_ms..=latest_ms`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seen {
    pub earliest_ms: Instant,
    pub latest_ms: Instant,
}

impl Seen {
    /// An interval from its two ends, in either order.
    pub fn new(earliest_ms: Instant, latest_ms: Instant) -> Seen {
        Seen {
            earliest_ms: earliest_ms.min(latest_ms),
            latest_ms: earliest_ms.max(latest_ms),
        }
    }

    /// How long the interval is: 0 for an exact instant.
    pub fn width_ms(&self) -> i64 {
        self.latest_ms - self.earliest_ms
    }
}

/// What relative and local times are read against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Context {
    pub now_ms: Instant,
    /// Minutes east of UTC the page renders local times in (+60 for Central European winter time).
    /// `Date.prototype.getTimezoneOffset` is the negation of this.
    pub utc_offset_minutes: i32,
}

/// When the message that shows `text` was written, or `None` when `text` is not a time these pages
/// show (or one after now). Never panics, whatever the input.
pub fn parse(text: &str, ctx: &Context) -> Option<Seen> {
    let text = text.trim_matches(|c: char| !c.is_alphanumeric());
    if text.is_empty() {
        return None;
    }
    let seen = iso::parse_iso(text, ctx)
        .or_else(|| iso::parse_epoch(text))
        .or_else(|| {
            let tokens = tokens::tokenize(text)?;
            relative::parse_relative(&tokens, ctx)
                .or_else(|| calendar::parse_calendar(&tokens, ctx))
        })?;
    if seen.earliest_ms > ctx.now_ms {
        return None;
    }
    Some(Seen::new(seen.earliest_ms, seen.latest_ms.min(ctx.now_ms)))
}

/// `seen` narrowed by the first time Answerdeck saw the message on a page: it existed by then, so it
/// was written no later (the page's bucket may say "up to 3 days ago" while we saw it an hour after
/// it arrived). It says nothing about how long before it was written, so the earliest end stays. When
/// the two disagree — we saw it before the page's earliest time, from clock skew or a misread label —
/// our own observation wins and the result is that instant.
pub fn refine(seen: Seen, first_seen_ms: Option<Instant>) -> Seen {
    match first_seen_ms {
        None => seen,
        Some(first) if first < seen.earliest_ms => Seen::new(first, first),
        Some(first) => Seen::new(seen.earliest_ms, seen.latest_ms.min(first)),
    }
}

/// Intervals this wide or wider are coarse buckets (`3d`, `1w`, `3 Mar`) rather than readings.
const COARSE_MS: i64 = 24 * 60 * 60 * 1000 - 1;

/// The instant the response timer counts from.
///
/// A manager must not be told a customer waited less than they did, so for fine intervals (a minute,
/// an hour bucket) the timer counts from the earliest end: it over-states by at most that one unit,
/// which errs towards answering sooner. For coarse ones (a day or more: `3d`, a date without a
/// time, `1w`, `1y`) the earliest end would add up to a whole day, week or year that may never have
/// happened, and every such message is past Meta's same-day expectations anyway; there the timer
/// counts from the latest end, the wait the page guarantees ("at least 3 days").
pub fn waiting_since(seen: &Seen) -> Instant {
    if seen.width_ms() >= COARSE_MS {
        seen.latest_ms
    } else {
        seen.earliest_ms
    }
}
