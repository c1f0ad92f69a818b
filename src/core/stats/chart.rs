//! Scales for the statistics page's bar charts: a round top value, so the axis reads "0 … 20 min" or
//! "0 … 100 %", and bar heights in proportion to it.

/// The smallest of 1, 2, 2.5, 5 × 10ⁿ that is at least `max` (1 for nothing to show), for counts and
/// percentages.
pub fn nice_ceiling(max: f64) -> f64 {
    if max.is_nan() || max <= 0.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(max.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|step| step * magnitude)
        .find(|top| *top >= max * (1.0 - 1e-12))
        .unwrap_or(10.0 * magnitude)
}

/// A round axis top for durations in milliseconds: whole minutes (1, 2, 5, 10, 15, 30, 60 …) up to an
/// hour, whole hours beyond; at least a minute.
pub fn duration_ceiling(max_ms: i64) -> i64 {
    const MIN: i64 = 60_000;
    const STEPS: [i64; 9] = [1, 2, 5, 10, 15, 20, 30, 45, 60];
    if let Some(step) = STEPS.iter().find(|s| **s * MIN >= max_ms) {
        return step * MIN;
    }
    let hours = nice_ceiling(max_ms as f64 / (60.0 * MIN as f64));
    (hours * 60.0 * MIN as f64).ceil() as i64
}

/// The height of a bar of `value` on an axis from 0 to `top` drawn `height` tall; a value above 0 is at
/// least 1 unit tall so it can be seen, and nothing is taller than the axis.
pub fn bar_height(value: f64, top: f64, height: f64) -> f64 {
    if value <= 0.0 || top <= 0.0 {
        return 0.0;
    }
    (value / top * height).clamp(1.0, height)
}
