//! Machine-readable times pages put in attributes: ISO 8601 / RFC 3339 (`<time datetime>` on X and
//! Facebook) and epoch numbers (Facebook's older `data-utime`, seconds; some attributes carry
//! milliseconds). Read byte by byte with `get`, so odd UTF-8 can only fail to match, never panic.

use super::civil::{days_from_civil, is_date, DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS};
use super::{Context, Seen};

/// A cursor over ASCII bytes; every read is checked.
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    /// Exactly `count` ASCII digits as a number.
    fn digits(&mut self, count: usize) -> Option<i64> {
        let part = self.bytes.get(self.at..self.at + count)?;
        if !part.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.at += count;
        Some(part.iter().fold(0, |n, b| n * 10 + i64::from(b - b'0')))
    }

    fn eat(&mut self, wanted: &[u8]) -> bool {
        match self.bytes.get(self.at) {
            Some(b) if wanted.contains(b) => {
                self.at += 1;
                true
            }
            _ => false,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }
}

/// `YYYY-MM-DD[(T| )hh:mm[:ss[.fff…]]][Z|±hh:mm|±hhmm]`. Without a zone the time is the page's local
/// time (HTML's "floating" dates); a date alone is that whole local day. With seconds the instant is
/// exact; with minutes only it is that minute.
pub(super) fn parse_iso(text: &str, ctx: &Context) -> Option<Seen> {
    let mut cursor = Cursor {
        bytes: text.as_bytes(),
        at: 0,
    };
    let year = cursor.digits(4)?;
    if !cursor.eat(b"-") {
        return None;
    }
    let month = cursor.digits(2)?;
    if !cursor.eat(b"-") {
        return None;
    }
    let day = cursor.digits(2)?;
    if !is_date(year, month, day) {
        return None;
    }
    let days = days_from_civil(year, month, day);
    let local_offset_ms = i64::from(ctx.utc_offset_minutes) * MINUTE_MS;
    if cursor.done() {
        let start = days * DAY_MS - local_offset_ms;
        return Some(Seen::new(start, start + DAY_MS - 1));
    }
    if !cursor.eat(b"Tt ") {
        return None;
    }
    let hour = cursor.digits(2)?;
    if !cursor.eat(b":") {
        return None;
    }
    let minute = cursor.digits(2)?;
    let mut width = MINUTE_MS;
    let mut within_minute = 0;
    if cursor.eat(b":") {
        // A leap second (60) is read as the last second of the minute.
        within_minute = cursor.digits(2)?.min(59) * SECOND_MS;
        width = 1;
        if cursor.eat(b".,") {
            let start = cursor.at;
            let mut millis = 0;
            while cursor.peek().is_some_and(|b| b.is_ascii_digit()) {
                let digit = cursor.digits(1)?;
                // Milliseconds are the first three digits; finer ones are dropped.
                if cursor.at - start <= 3 {
                    millis = millis * 10 + digit;
                }
            }
            let count = cursor.at - start;
            if count == 0 {
                return None;
            }
            for _ in count..3 {
                millis *= 10;
            }
            within_minute += millis;
        }
    }
    if hour > 23 || minute > 59 {
        return None;
    }
    let offset_ms = match cursor.peek() {
        None => local_offset_ms,
        Some(b'Z' | b'z') => {
            cursor.at += 1;
            0
        }
        Some(sign @ (b'+' | b'-')) => {
            cursor.at += 1;
            let hours = cursor.digits(2)?;
            cursor.eat(b":");
            let minutes = cursor.digits(2)?;
            if hours > 23 || minutes > 59 {
                return None;
            }
            let offset = hours * HOUR_MS + minutes * MINUTE_MS;
            if sign == b'-' {
                -offset
            } else {
                offset
            }
        }
        Some(_) => return None,
    };
    if !cursor.done() {
        return None;
    }
    let start = days * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS + within_minute - offset_ms;
    Some(Seen::new(start, start + width - 1))
}

/// All digits: 10 of them are epoch seconds, 13 epoch milliseconds; other lengths are not times.
pub(super) fn parse_epoch(text: &str) -> Option<Seen> {
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value: i64 = text.parse().ok()?;
    match text.len() {
        10 => Some(Seen::new(
            value * SECOND_MS,
            value * SECOND_MS + SECOND_MS - 1,
        )),
        13 => Some(Seen::new(value, value)),
        _ => None,
    }
}
