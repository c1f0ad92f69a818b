//! Opening hours and holidays as a person types them in the options page ("09:00–12:00, 13:00–17:00",
//! "2026-12-24, 2026-12-25"), and back. Parsing is strict enough that what is saved is what was meant: a
//! text that can't be read is refused with the part that failed, never guessed.

/// Separators people type between the start and end of a range: en dash, hyphen, em dash, "to".
const RANGE_SEPARATORS: [&str; 4] = ["–", "—", "-", " to "];

/// `9`, `9:30`, `09:30`, `24:00` → minutes of the day (0..=1440).
fn minutes(text: &str) -> Option<u16> {
    let text = text.trim();
    let (hours, mins) = match text.split_once(':') {
        Some((h, m)) if m.len() == 2 => (h, m),
        Some(_) => return None,
        None => (text, "00"),
    };
    if hours.is_empty() || hours.len() > 2 || !hours.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if !mins.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (hours, mins): (u16, u16) = (hours.parse().ok()?, mins.parse().ok()?);
    let total = hours * 60 + mins;
    (mins < 60 && total <= 1440).then_some(total)
}

/// One day's ranges from `"09:00–12:00, 13:00–17:00"`. Empty text or "closed" is a closed day.
pub fn parse_ranges(text: &str) -> Result<Vec<(u16, u16)>, String> {
    let text = text.trim();
    if text.is_empty() || text.eq_ignore_ascii_case("closed") {
        return Ok(Vec::new());
    }
    let mut ranges = Vec::new();
    for part in text
        .split([',', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let split = RANGE_SEPARATORS
            .iter()
            .find_map(|separator| part.split_once(separator));
        let Some((from, to)) = split else {
            return Err(format!("“{part}” is not a range like 09:00–17:00"));
        };
        let (Some(from), Some(to)) = (minutes(from), minutes(to)) else {
            return Err(format!(
                "“{part}” has a time that is not between 00:00 and 24:00"
            ));
        };
        if from >= to {
            return Err(format!("“{part}” ends before it starts"));
        }
        ranges.push((from, to));
    }
    Ok(ranges)
}

/// `[(540, 720), (780, 1020)]` → `"09:00–12:00, 13:00–17:00"`; a closed day is empty.
pub fn format_ranges(ranges: &[(u16, u16)]) -> String {
    ranges
        .iter()
        .map(|&(from, to)| format!("{}–{}", clock(from), clock(to)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn clock(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// Holidays from `"2026-12-24, 2026-12-25"` (commas, spaces or lines between them), checked as dates.
pub fn parse_dates(text: &str) -> Result<Vec<(i16, i8, i8)>, String> {
    let mut dates = Vec::new();
    for part in text
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|p| !p.is_empty())
    {
        let parsed: Option<jiff::civil::Date> = part.parse().ok();
        match parsed {
            Some(date) if part.len() == 10 => dates.push((date.year(), date.month(), date.day())),
            _ => return Err(format!("“{part}” is not a date like 2026-12-24")),
        }
    }
    dates.sort_unstable();
    dates.dedup();
    Ok(dates)
}

/// `[(2026, 12, 24)]` → `"2026-12-24"`, comma-separated.
pub fn format_dates(dates: &[(i16, i8, i8)]) -> String {
    dates
        .iter()
        .map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
        .collect::<Vec<_>>()
        .join(", ")
}
