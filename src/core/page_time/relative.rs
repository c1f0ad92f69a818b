//! Relative times: `now`, `2h`, `5 Min.`, `vor 3 Tagen`, `for 2 timer siden`, `an hour ago`.
//!
//! The sites floor the age to whole units: `2h` is shown from 2:00:00 until 2:59:59 after the message,
//! so `n` units means the message is between `n` and `n + 1` units old:
//! [now − (n+1)·unit, now − n·unit]. `now` is read as `0 minutes`: within the last minute.

use super::civil::MINUTE_MS;
use super::tokens::Token;
use super::words::{is_now, is_one, unit_ms};
use super::{Context, Seen};

pub(super) fn parse_relative(tokens: &[Token], ctx: &Context) -> Option<Seen> {
    let (count, unit) = match tokens {
        [] => return None,
        words
            if words
                .iter()
                .all(|t| matches!(t, Token::Word { lower, .. } if is_now(lower))) =>
        {
            (0, MINUTE_MS)
        }
        [Token::Number { value, .. }, Token::Word { lower, raw }] => (*value, unit_ms(lower, raw)?),
        [Token::Word { lower: one, .. }, Token::Word { lower, raw }] if is_one(one) => {
            (1, unit_ms(lower, raw)?)
        }
        _ => return None,
    };
    let newest_age = count.checked_mul(unit)?;
    let oldest_age = newest_age.checked_add(unit)?;
    Some(Seen::new(
        ctx.now_ms.checked_sub(oldest_age)?,
        ctx.now_ms.checked_sub(newest_age)?,
    ))
}
