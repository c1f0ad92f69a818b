//! Queries on a [`Schedule`]: open at an instant, open time between two instants, next opening.
//!
//! A range `from..to` is open from its first instant up to, not including, its last (so 09:00–17:00 is
//! closed at 17:00:00.000). Holidays close the whole local date; away periods close their instants.

use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::local;
use super::schedule::Schedule;

/// How far [`next_open_ms`] looks ahead before it gives up: a year of holidays is not a schedule.
const LOOKAHEAD_DAYS: usize = 400;

/// The open instants of one local date, merged, holidays and away periods taken out.
fn open_on(
    schedule: &Schedule,
    zone: &TimeZone,
    away: &[(i64, i64)],
    date: Date,
) -> Vec<(i64, i64)> {
    let is_holiday = schedule
        .holidays
        .iter()
        .any(|&(y, m, d)| (date.year(), date.month(), date.day()) == (y, m, d));
    if is_holiday {
        return Vec::new();
    }
    let weekday = date.weekday().to_monday_zero_offset() as usize;
    let ranges = schedule.week[weekday]
        .iter()
        .filter(|(from, to)| from < to)
        .map(|&(from, to)| {
            (
                local::instant(zone, date, from),
                local::instant(zone, date, to.min(1440)),
            )
        })
        .collect();
    local::subtract(&local::merge(ranges), away)
}

/// Whether the Page is open at `at_ms` (false on holidays and during away periods).
pub fn is_open(schedule: &Schedule, at_ms: i64) -> bool {
    let zone = local::zone(&schedule.time_zone);
    let away = local::merge(schedule.away.clone());
    let date = local::date_of(&zone, at_ms);
    // A range ending at 24:00 ends on the next date's first instant, so the local date at `at_ms` holds
    // every range that can contain it.
    open_on(schedule, &zone, &away, date)
        .iter()
        .any(|&(from, to)| from <= at_ms && at_ms < to)
}

/// Open milliseconds in `from_ms..to_ms` (0 when `to_ms <= from_ms`): what the wait timers count.
pub fn open_ms_between(schedule: &Schedule, from_ms: i64, to_ms: i64) -> i64 {
    if to_ms <= from_ms {
        return 0;
    }
    let zone = local::zone(&schedule.time_zone);
    let away = local::merge(schedule.away.clone());
    let last = local::date_of(&zone, to_ms - 1);
    let mut date = local::date_of(&zone, from_ms);
    let mut total = 0;
    loop {
        total += open_on(schedule, &zone, &away, date)
            .iter()
            .map(|&(from, to)| (to.min(to_ms) - from.max(from_ms)).max(0))
            .sum::<i64>();
        match date.tomorrow() {
            Ok(next) if date < last => date = next,
            _ => return total,
        }
    }
}

/// `at_ms` when open then, else the next instant the Page opens; `None` when it does not open within
/// about a year (an empty week, or holidays and away periods covering everything).
pub fn next_open_ms(schedule: &Schedule, at_ms: i64) -> Option<i64> {
    let zone = local::zone(&schedule.time_zone);
    let away = local::merge(schedule.away.clone());
    let mut date = local::date_of(&zone, at_ms);
    for _ in 0..LOOKAHEAD_DAYS {
        let found = open_on(schedule, &zone, &away, date)
            .into_iter()
            .find(|&(_, to)| to > at_ms);
        if let Some((from, _)) = found {
            return Some(from.max(at_ms));
        }
        date = date.tomorrow().ok()?;
    }
    None
}

/// The next instant after `at_ms` at which the schedule opens or closes: where a waiting clock starts or
/// stops. Open stretches that touch (a day open until 24:00 and the next from 00:00) are one stretch.
/// `None` when nothing changes within about a year.
pub fn next_change_ms(schedule: &Schedule, at_ms: i64) -> Option<i64> {
    if !is_open(schedule, at_ms) {
        return next_open_ms(schedule, at_ms);
    }
    let zone = local::zone(&schedule.time_zone);
    let away = local::merge(schedule.away.clone());
    let mut date = local::date_of(&zone, at_ms);
    let mut end = at_ms;
    for _ in 0..LOOKAHEAD_DAYS {
        for (from, to) in open_on(schedule, &zone, &away, date) {
            if from <= end && end < to {
                end = to;
            }
        }
        if end < local::day_end(&zone, date) {
            return Some(end);
        }
        date = date.tomorrow().ok()?;
    }
    None
}
