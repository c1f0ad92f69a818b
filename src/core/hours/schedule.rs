//! The stored opening-hours schedule of one Page or account, and the checks made before it is saved.

use serde::{Deserialize, Serialize};

use super::local;

/// Meta pauses the responsiveness metrics for an away status of at most 12 hours a day (market.md
/// M10); longer away periods are refused rather than silently cut, so the estimate matches Meta's.
pub const MAX_AWAY_MS_PER_DAY: i64 = 12 * 60 * 60 * 1000;

/// Minutes in a local day; a range may end at 1440, i.e. at the next midnight.
pub const DAY_MINUTES: u16 = 1440;

/// When a Page or account is open.
///
/// - `time_zone`: IANA name (`"Europe/Berlin"`); an unknown name is refused by [`Schedule::validate`],
///   and read as UTC by the queries (a broken zone must not stop the timers).
/// - `week`: Monday first; each day's ranges are local minutes `from..to` with `0 <= from < to <= 1440`.
///   Ranges on one day may overlap (they are merged); `(0, 1440)` every day is open 24/7, all days
///   empty is never open.
/// - `holidays`: local dates `(year, month, day)`, closed the whole day.
/// - `away`: `(start_ms, end_ms)` periods of away status, closed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Schedule {
    pub time_zone: String,
    pub week: [Vec<(u16, u16)>; 7],
    #[serde(default)]
    pub holidays: Vec<(i16, i8, i8)>,
    #[serde(default)]
    pub away: Vec<(i64, i64)>,
}

/// Why a schedule was refused; the text is shown to the user as is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScheduleError {
    UnknownTimeZone(String),
    BadRange { weekday: usize, from: u16, to: u16 },
    BadHoliday((i16, i8, i8)),
    BadAway { start_ms: i64, end_ms: i64 },
    AwayTooLong { date: String, away_ms: i64 },
}

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

impl std::fmt::Display for ScheduleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::UnknownTimeZone(name) => write!(f, "unknown time zone \"{name}\""),
            Self::BadRange { weekday, from, to } => write!(
                f,
                "{}: opening hours {} to {} are not a range within the day",
                WEEKDAYS.get(*weekday).unwrap_or(&"?"),
                clock(*from),
                clock(*to)
            ),
            Self::BadHoliday((y, m, d)) => write!(f, "{y:04}-{m:02}-{d:02} is not a date"),
            Self::BadAway { .. } => write!(f, "an away period must end after it starts"),
            Self::AwayTooLong { date, away_ms } => write!(
                f,
                "away for {} on {date}: Meta allows at most 12 h of away status per day",
                duration(*away_ms)
            ),
        }
    }
}

impl std::error::Error for ScheduleError {}

fn clock(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

fn duration(ms: i64) -> String {
    let minutes = ms / 60_000;
    format!("{} h {:02} min", minutes / 60, minutes % 60)
}

impl Schedule {
    /// Open all the time, in UTC.
    pub fn always_open() -> Self {
        Self {
            time_zone: "UTC".into(),
            week: std::array::from_fn(|_| vec![(0, DAY_MINUTES)]),
            holidays: Vec::new(),
            away: Vec::new(),
        }
    }

    /// Refuses what the queries could not honour: an unknown zone, empty or reversed ranges, impossible
    /// holidays, and more than 12 h of away status on any local day (periods are merged first, so two
    /// overlapping periods are not counted twice).
    pub fn validate(&self) -> Result<(), ScheduleError> {
        if jiff::tz::TimeZone::get(&self.time_zone).is_err() {
            return Err(ScheduleError::UnknownTimeZone(self.time_zone.clone()));
        }
        for (weekday, ranges) in self.week.iter().enumerate() {
            for &(from, to) in ranges {
                if from >= to || to > DAY_MINUTES {
                    return Err(ScheduleError::BadRange { weekday, from, to });
                }
            }
        }
        for &holiday in &self.holidays {
            if jiff::civil::Date::new(holiday.0, holiday.1, holiday.2).is_err() {
                return Err(ScheduleError::BadHoliday(holiday));
            }
        }
        for &(start_ms, end_ms) in &self.away {
            if end_ms <= start_ms {
                return Err(ScheduleError::BadAway { start_ms, end_ms });
            }
        }
        let zone = local::zone(&self.time_zone);
        let away = local::merge(self.away.clone());
        for &(start, end) in &away {
            let mut date = local::date_of(&zone, start);
            let last = local::date_of(&zone, end - 1);
            while date <= last {
                let day = (local::day_start(&zone, date), local::day_end(&zone, date));
                let away_ms: i64 = away
                    .iter()
                    .map(|&(s, e)| (e.min(day.1) - s.max(day.0)).max(0))
                    .sum();
                if away_ms > MAX_AWAY_MS_PER_DAY {
                    return Err(ScheduleError::AwayTooLong {
                        date: date.to_string(),
                        away_ms,
                    });
                }
                let Ok(next) = date.tomorrow() else { break };
                date = next;
            }
        }
        Ok(())
    }
}
