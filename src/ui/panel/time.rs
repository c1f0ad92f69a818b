//! Note times: ISO 8601 from the background read into milliseconds, and shown relative to now ("3 min ago").
//! Pure, so it is tested natively (tests/ui_panel.rs); the exact local date-time for tooltips comes from the
//! browser (`note_item`), which knows the user's time zone and locale.

const SECOND: f64 = 1000.0;
const MINUTE: f64 = 60.0 * SECOND;
const HOUR: f64 = 60.0 * MINUTE;
const DAY: f64 = 24.0 * HOUR;

/// Milliseconds since the epoch of `YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM]` (a space instead of `T` and a
/// missing zone, read as UTC, are accepted too); `None` for anything else.
pub fn parse_iso(text: &str) -> Option<f64> {
    let text = text.trim();
    let (date, rest) = text.split_at(text.find(['T', 't', ' ']).unwrap_or(text.len()));
    let mut parts = date.splitn(3, '-');
    let year: i64 = number(parts.next()?, 4)?;
    let month: i64 = number(parts.next()?, 2)?;
    let day: i64 = number(parts.next()?, 2)?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let mut ms = days_from_civil(year, month, day) as f64 * DAY;
    let rest = rest.get(1..).unwrap_or("");
    if rest.is_empty() {
        return Some(ms);
    }
    // Split the clock from the zone designator.
    let zone_at = rest.find(['Z', 'z', '+', '-']).unwrap_or(rest.len());
    let (clock, zone) = rest.split_at(zone_at);
    let (clock, fraction) = clock.split_once(['.', ',']).unwrap_or((clock, ""));
    let mut fields = clock.split(':');
    let hour: i64 = number(fields.next()?, 2)?;
    let minute: i64 = number(fields.next()?, 2)?;
    let second: i64 = fields.next().map_or(Some(0), |s| number(s, 2))?;
    if fields.next().is_some() || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    ms += (hour * 3600 + minute * 60 + second) as f64 * SECOND;
    if !fraction.is_empty() {
        if !fraction.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let digits = &fraction[..fraction.len().min(3)];
        let scale = 10f64.powi(3 - digits.len() as i32);
        ms += digits.parse::<f64>().ok()? * scale;
    }
    match zone {
        "" | "Z" | "z" => {}
        _ => {
            let sign = if zone.starts_with('-') { 1.0 } else { -1.0 };
            let (hours, minutes) = zone[1..].split_once(':').unwrap_or_else(|| {
                let split = zone.len().min(3) - 1;
                (&zone[1..=split], &zone[split + 1..])
            });
            let hours: i64 = number(hours, 2)?;
            let minutes: i64 = if minutes.is_empty() {
                0
            } else {
                number(minutes, 2)?
            };
            ms += sign * (hours * 60 + minutes) as f64 * MINUTE;
        }
    }
    Some(ms)
}

/// Exactly `digits` ASCII digits.
fn number(text: &str, digits: usize) -> Option<i64> {
    (text.len() == digits && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// How long ago `then_ms` was at `now_ms`, in words: "just now", "3 min ago", "2 hours ago", "yesterday",
/// "5 days ago", "3 weeks ago", "4 months ago", "2 years ago". Times in the future (another machine's
/// clock) are "just now".
pub fn relative(now_ms: f64, then_ms: f64) -> String {
    let ago = now_ms - then_ms;
    if ago < 45.0 * SECOND {
        return "just now".into();
    }
    if ago < HOUR {
        let minutes = ((ago / MINUTE).round() as u64).clamp(1, 59);
        return format!("{minutes} min ago");
    }
    if ago < DAY {
        return plural((ago / HOUR) as u64, "hour");
    }
    let days = (ago / DAY) as u64;
    match days {
        1 => "yesterday".into(),
        2..=6 => format!("{days} days ago"),
        7..=34 => plural(days / 7, "week"),
        35..=364 => plural((days / 30).max(1), "month"),
        _ => plural(days / 365, "year"),
    }
}

fn plural(n: u64, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit} ago")
    } else {
        format!("{n} {unit}s ago")
    }
}
