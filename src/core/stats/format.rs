//! The statistics page's numbers as text: durations, rates, countdowns and Meta's forecast sentence.
//! One place, so the table, the chart, the headline and the tests read the same.

use super::meta::{MetaEstimate, BADGE_RATE, BADGE_TIME_MS};

const SEC: i64 = 1000;
const MIN: i64 = 60 * SEC;
const HOUR: i64 = 60 * MIN;
const DAY: i64 = 24 * HOUR;

/// `45 s`, `4 min`, `4 min 30 s`, `1 h 05 min`, `2 d 3 h`; seconds rounded to the nearest.
pub fn duration(ms: i64) -> String {
    let ms = ms.max(0);
    let secs = (ms + SEC / 2) / SEC;
    match secs {
        s if s < 60 => format!("{s} s"),
        s if s < 3600 && s % 60 == 0 => format!("{} min", s / 60),
        s if s < 3600 => format!("{} min {} s", s / 60, s % 60),
        s if s < 86_400 => format!("{} h {:02} min", s / 3600, (s % 3600) / 60),
        s => format!("{} d {} h", s / 86_400, (s % 86_400) / 3600),
    }
}

/// A duration or an em dash for "no data".
pub fn maybe_duration(ms: Option<i64>) -> String {
    ms.map(duration).unwrap_or_else(|| "—".into())
}

/// `0.75` → `75.0 %`; no data → `—`.
pub fn percent(rate: Option<f64>) -> String {
    rate.map(|r| format!("{:.1} %", r * 100.0))
        .unwrap_or_else(|| "—".into())
}

/// Time left in a reply window, rounded down to the minute so it never promises more than is left:
/// `23 h 59 min left`, `6 d 23 h left`, `45 min left`, `less than a minute left`, `closed`.
pub fn left(ms: i64) -> String {
    if ms <= 0 {
        return "closed".into();
    }
    let mins = ms / MIN;
    match ms {
        _ if mins == 0 => "less than a minute left".into(),
        ms if ms < HOUR => format!("{mins} min left"),
        ms if ms < DAY => format!("{} h {:02} min left", mins / 60, mins % 60),
        _ => format!("{} d {} h left", mins / 1440, (mins % 1440) / 60),
    }
}

/// What to do to keep or reach Meta's badge (≥ 90 % within 15 min), from
/// [`MetaEstimate::answers_needed_to_keep`].
pub fn forecast(estimate: &MetaEstimate) -> String {
    let rate = (BADGE_RATE * 100.0).round();
    let within = BADGE_TIME_MS / MIN;
    if estimate.answered + estimate.missed == 0 {
        return format!("No answered or missed conversations yet: answer within {within} min to reach {rate} %.");
    }
    match estimate.answers_needed_to_keep(BADGE_RATE, BADGE_TIME_MS) {
        Some(0) => format!("Answer every new conversation within {within} min to stay at {rate} %."),
        Some(1) if estimate.badge => format!("Answer the next one within {within} min to stay at {rate} %."),
        Some(n) if estimate.badge => format!("Answer the next {n} within {within} min to stay at {rate} %."),
        Some(1) => format!("Answer the next one within {within} min to reach {rate} %."),
        Some(n) => format!("Answer the next {n} within {within} min to reach {rate} %."),
        None => format!("Even answering every new conversation within {within} min will not reach {rate} % soon."),
    }
}
