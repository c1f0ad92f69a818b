//! Human-readable times split into words, numbers and clock times. Punctuation and spaces only
//! separate (`Yesterday, 4:05 PM`, `3. März`, `5 Min.`, `· 2h`), except a `:` or `.` between digits,
//! which is a clock (`09:12`, Danish `09.12`). Works on chars, never byte offsets, so any UTF-8 is safe.

use super::words::{is_filler, meridiem};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Token {
    /// A run of ASCII digits; `digits` tells a year (4) from a day (1-2).
    Number { value: i64, digits: usize },
    /// A time of day on a 24-hour clock (AM/PM already applied).
    Clock { hour: i64, minute: i64 },
    /// A run of letters: `lower` for matching, `raw` where case carries meaning (German `T.` is a day,
    /// Danish `t.` an hour).
    Word { lower: String, raw: String },
}

/// The end of the run of chars from `start` that satisfy `wanted`.
fn run_end(chars: &[char], start: usize, wanted: impl Fn(char) -> bool) -> usize {
    let mut end = start;
    while chars.get(end).is_some_and(|c| wanted(*c)) {
        end += 1;
    }
    end
}

fn number(chars: &[char], start: usize, end: usize) -> Option<i64> {
    let digits: String = chars.get(start..end)?.iter().collect();
    // More than nine digits is no day, year or count a page shows; refusing them avoids overflow.
    if digits.is_empty() || digits.len() > 9 {
        return None;
    }
    digits.parse().ok()
}

/// The tokens of `text` without filler words (`at`, `um`, `kl.`, `ago`, `vor` …), or `None` when a
/// clock is impossible (`25:00`, `13:00 PM`) or a number too long.
pub(super) fn tokenize(text: &str) -> Option<Vec<Token>> {
    let chars: Vec<char> = text.chars().collect();
    let mut raw_tokens = Vec::new();
    let mut at = 0;
    while let Some(&c) = chars.get(at) {
        if c.is_ascii_digit() {
            let end = run_end(&chars, at, |c| c.is_ascii_digit());
            let value = number(&chars, at, end)?;
            let separated = matches!(chars.get(end), Some(':' | '.'));
            let minute_end = run_end(&chars, end + 1, |c| c.is_ascii_digit());
            if end - at <= 2 && separated && minute_end - (end + 1) == 2 {
                let minute = number(&chars, end + 1, minute_end)?;
                at = minute_end;
                // Seconds (`14:02:33`) are dropped: pages show minutes, and the minute is kept.
                if chars.get(at) == Some(&':') {
                    let seconds_end = run_end(&chars, at + 1, |c| c.is_ascii_digit());
                    if seconds_end - (at + 1) == 2 {
                        at = seconds_end;
                    }
                }
                raw_tokens.push(Token::Clock {
                    hour: value,
                    minute,
                });
            } else {
                raw_tokens.push(Token::Number {
                    value,
                    digits: end - at,
                });
                at = end;
            }
        } else if c.is_alphabetic() {
            let end = run_end(&chars, at, char::is_alphabetic);
            let raw: String = chars.get(at..end)?.iter().collect();
            raw_tokens.push(Token::Word {
                lower: raw.to_lowercase(),
                raw,
            });
            at = end;
        } else {
            at += 1;
        }
    }
    join(raw_tokens)
}

/// Applies AM/PM to the clock before it (`4:05 PM`, `4:05 p.m.`), joins Danish `i dag` / `i går`
/// into one word, drops fillers and checks every clock.
fn join(raw_tokens: Vec<Token>) -> Option<Vec<Token>> {
    let mut tokens: Vec<Token> = Vec::with_capacity(raw_tokens.len());
    let mut rest = raw_tokens.into_iter().peekable();
    while let Some(token) = rest.next() {
        match token {
            Token::Word { lower, raw } => {
                let previous_is_clock = matches!(tokens.last(), Some(Token::Clock { .. }));
                let next_lower = match rest.peek() {
                    Some(Token::Word { lower, .. }) => Some(lower.clone()),
                    _ => None,
                };
                // `a.m.` arrives as `a` then `m`.
                let spelled = match (lower.as_str(), next_lower.as_deref()) {
                    ("a" | "p", Some("m")) if previous_is_clock => {
                        rest.next();
                        format!("{lower}m")
                    }
                    _ => lower.clone(),
                };
                if let (true, Some(pm)) = (previous_is_clock, meridiem(&spelled)) {
                    if let Some(Token::Clock { hour, .. }) = tokens.last_mut() {
                        if !(1..=12).contains(hour) {
                            return None;
                        }
                        *hour = *hour % 12 + if pm { 12 } else { 0 };
                    }
                    continue;
                }
                if lower == "i" && matches!(next_lower.as_deref(), Some("dag" | "går")) {
                    let day = next_lower.unwrap_or_default();
                    rest.next();
                    tokens.push(Token::Word {
                        lower: format!("i{day}"),
                        raw: format!("{raw}{day}"),
                    });
                    continue;
                }
                if !is_filler(&lower) {
                    tokens.push(Token::Word { lower, raw });
                }
            }
            other => tokens.push(other),
        }
    }
    let clocks_valid = tokens.iter().all(|token| match token {
        Token::Clock { hour, minute } => *hour <= 23 && *minute <= 59,
        _ => true,
    });
    clocks_valid.then_some(tokens)
}
