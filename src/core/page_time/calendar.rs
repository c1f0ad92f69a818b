//! Local calendar times: `Today 09:12`, `Gestern 16:05`, `I går 16.05`, `Tue 11:21`, a bare `09:41`,
//! and dates (`Monday, 3 March 2025 at 14:02`, `March 3, 2025 at 2:02 PM`, `mandag den 3. marts 2025
//! kl. 14.02`, `3 Mar`, `Mar 3`). A time of day is the whole minute; a date without one the whole day.

use super::civil::{
    civil_from_days, days_from_civil, is_date, local_instant, local_today, weekday as weekday_of,
    DAY_MS, MINUTE_MS,
};
use super::tokens::Token;
use super::words::{days_back, month, weekday};
use super::{Context, Seen};

/// A clock as (hour, minute).
type Clock = (i64, i64);

fn word(token: &Token) -> Option<&str> {
    match token {
        Token::Word { lower, .. } => Some(lower),
        _ => None,
    }
}

fn clock(token: &Token) -> Option<Clock> {
    match token {
        Token::Clock { hour, minute } => Some((*hour, *minute)),
        _ => None,
    }
}

/// The minute `clock` on local `day`, or the whole day without a clock.
fn on_day(ctx: &Context, day: i64, clock: Option<Clock>) -> Seen {
    match clock {
        Some((hour, minute)) => {
            let start = local_instant(ctx, day, hour, minute);
            Seen::new(start, start + MINUTE_MS - 1)
        }
        None => {
            let start = local_instant(ctx, day, 0, 0);
            Seen::new(start, start + DAY_MS - 1)
        }
    }
}

/// Whether the start of `seen` is not after now.
fn started(seen: &Seen, ctx: &Context) -> bool {
    seen.earliest_ms <= ctx.now_ms
}

pub(super) fn parse_calendar(tokens: &[Token], ctx: &Context) -> Option<Seen> {
    let today = local_today(ctx);
    // A bare time is today's, or yesterday's when today's is still to come (message lists show
    // times without a day for the last 24 hours).
    if let [only] = tokens {
        if let Some(clock) = clock(only) {
            let seen = on_day(ctx, today, Some(clock));
            return Some(if started(&seen, ctx) {
                seen
            } else {
                on_day(ctx, today - 1, Some(clock))
            });
        }
    }
    named_day(tokens, ctx, today).or_else(|| parse_date(tokens, ctx, today))
}

/// `Today`/`Yesterday` or a weekday, each with or without a clock.
fn named_day(tokens: &[Token], ctx: &Context, today: i64) -> Option<Seen> {
    let (name, time) = match tokens {
        [name] => (word(name)?, None),
        [name, last] => (word(name)?, Some(clock(last)?)),
        _ => return None,
    };
    if let Some(back) = days_back(name) {
        return Some(on_day(ctx, today - back, time));
    }
    // A weekday is the most recent such day whose time is not after now: a weekday later in the
    // week than today, or today's with a time still to come, is last week's.
    let wanted = weekday(name)?;
    let back = (weekday_of(today) - wanted).rem_euclid(7);
    let seen = on_day(ctx, today - back, time);
    Some(if started(&seen, ctx) {
        seen
    } else {
        on_day(ctx, today - back - 7, time)
    })
}

/// `[weekday] day month [year] [clock]` or `[weekday] month day [year] [clock]`. A weekday in front is
/// only a label and is not checked. Without a year it is the latest year in which that date has begun.
fn parse_date(tokens: &[Token], ctx: &Context, today: i64) -> Option<Seen> {
    let tokens = match tokens {
        [first, rest @ ..] if word(first).and_then(weekday).is_some() => rest,
        _ => tokens,
    };
    let (tokens, time) = match tokens {
        [rest @ .., last] if clock(last).is_some() => (rest, clock(last)),
        _ => (tokens, None),
    };
    let (day, month_number, year) = match tokens {
        [Token::Number {
            value,
            digits: 1..=2,
        }, month_word, rest @ ..] => (*value, month(word(month_word)?)?, year(rest)?),
        [month_word, Token::Number {
            value,
            digits: 1..=2,
        }, rest @ ..] => (*value, month(word(month_word)?)?, year(rest)?),
        _ => return None,
    };
    let at = |year: i64| {
        is_date(year, month_number, day)
            .then(|| on_day(ctx, days_from_civil(year, month_number, day), time))
    };
    match year {
        Some(year) => at(year),
        None => {
            let (this_year, _, _) = civil_from_days(today);
            // Back up to eight years: 29 February can be that far from the last leap year.
            (this_year - 8..=this_year)
                .rev()
                .filter_map(at)
                .find(|seen| started(seen, ctx))
        }
    }
}

/// The year after a date: none (`Some(None)`), one four-digit number, or not a date (`None`).
fn year(rest: &[Token]) -> Option<Option<i64>> {
    match rest {
        [] => Some(None),
        [Token::Number { value, digits: 4 }] => Some(Some(*value)),
        _ => None,
    }
}
