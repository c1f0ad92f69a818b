//! Local wall times to instants in one time zone.
//!
//! The rule for a wall time that a DST change makes ambiguous: it stands for the **first instant at
//! which the local clock shows that time or later**.
//! - In a spring gap (Berlin 2026-03-29, 02:00 → 03:00), an opening or closing time of 02:30 is the
//!   moment the clocks jump, 03:00 CEST: a shop "opening at 02:30" opens as soon as the clock has passed
//!   02:30, and a 09:00–17:00 day still has its 8 hours.
//! - In an autumn fold (02:00–03:00 happens twice), 02:30 is its first occurrence, so a 00:00–06:00 range
//!   gets the repeated hour (7 hours) and no range ends before it starts.

use jiff::civil::{Date, DateTime};
use jiff::tz::{AmbiguousOffset, TimeZone};
use jiff::Timestamp;

/// The zone named, or UTC when the name is unknown (validation refuses those; queries keep working).
pub fn zone(name: &str) -> TimeZone {
    TimeZone::get(name).unwrap_or(TimeZone::UTC)
}

fn timestamp(ms: i64) -> Timestamp {
    Timestamp::from_millisecond(ms).unwrap_or(if ms < 0 {
        Timestamp::MIN
    } else {
        Timestamp::MAX
    })
}

/// The local date at an instant.
pub fn date_of(zone: &TimeZone, ms: i64) -> Date {
    zone.to_datetime(timestamp(ms)).date()
}

/// The instant of local `minute` (0..=1440) on `date`, by the rule in the module docs.
pub fn instant(zone: &TimeZone, date: Date, minute: u16) -> i64 {
    let (date, minute) = if minute >= 1440 {
        (date.tomorrow().unwrap_or(date), minute - 1440)
    } else {
        (date, minute)
    };
    let wall: DateTime = date.at((minute / 60) as i8, (minute % 60) as i8, 0, 0);
    let ambiguous = zone.to_ambiguous_timestamp(wall);
    match ambiguous.offset() {
        AmbiguousOffset::Unambiguous { .. } | AmbiguousOffset::Fold { .. } => ambiguous
            .earlier()
            .map(|t| t.as_millisecond())
            .unwrap_or(i64::MAX),
        AmbiguousOffset::Gap { .. } => {
            // `later` reads the wall time with the offset before the gap, which lands after the jump;
            // the jump itself is the last transition before that.
            let later = ambiguous
                .later()
                .map(|t| t.as_millisecond())
                .unwrap_or(i64::MAX);
            zone.preceding(timestamp(later.saturating_add(1)))
                .next()
                .map(|transition| transition.timestamp().as_millisecond())
                .unwrap_or(later)
        }
    }
}

/// The first instant of a local date (local midnight, or the end of a gap at midnight).
pub fn day_start(zone: &TimeZone, date: Date) -> i64 {
    instant(zone, date, 0)
}

/// The first instant of the next local date.
pub fn day_end(zone: &TimeZone, date: Date) -> i64 {
    instant(zone, date, 1440)
}

/// Sorted, non-overlapping ranges covering the same instants; empty ranges are dropped.
pub fn merge(mut ranges: Vec<(i64, i64)>) -> Vec<(i64, i64)> {
    ranges.retain(|(from, to)| from < to);
    ranges.sort_unstable();
    let mut merged: Vec<(i64, i64)> = Vec::with_capacity(ranges.len());
    for (from, to) in ranges {
        match merged.last_mut() {
            Some(last) if from <= last.1 => last.1 = last.1.max(to),
            _ => merged.push((from, to)),
        }
    }
    merged
}

/// `ranges` with every instant in `holes` taken out (both merged).
pub fn subtract(ranges: &[(i64, i64)], holes: &[(i64, i64)]) -> Vec<(i64, i64)> {
    let mut out = Vec::new();
    for &(mut from, to) in ranges {
        for &(hole_from, hole_to) in holes {
            if hole_to <= from || hole_from >= to {
                continue;
            }
            if hole_from > from {
                out.push((from, hole_from));
            }
            from = from.max(hole_to);
            if from >= to {
                break;
            }
        }
        if from < to {
            out.push((from, to));
        }
    }
    out
}
