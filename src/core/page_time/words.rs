//! The words Facebook and X use for times in English, German and Danish, all lower case.

use super::civil::{DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS};

/// Words that carry no time: `at`/`um`/`kl.` before a clock, `den` in Danish dates, and the words
/// around relative times (`ago`, `vor`, `for … siden`, `just now`, `lige nu`, `gerade eben`).
pub(super) fn is_filler(word: &str) -> bool {
    matches!(
        word,
        "at" | "on"
            | "um"
            | "am"
            | "kl"
            | "klokken"
            | "den"
            | "ago"
            | "vor"
            | "for"
            | "siden"
            | "just"
            | "lige"
            | "gerade"
    )
}

/// "The present moment".
pub(super) fn is_now(word: &str) -> bool {
    matches!(word, "now" | "jetzt" | "eben" | "nu")
}

/// The article that stands for 1 in `an hour ago`, `vor einer Stunde`, `for en time siden`.
pub(super) fn is_one(word: &str) -> bool {
    matches!(
        word,
        "a" | "an" | "one" | "ein" | "eine" | "einer" | "einem" | "en" | "et"
    )
}

/// A year in relative times: 365 days (Facebook's `1y` is a bucket, not a calendar year).
const YEAR_MS: i64 = 365 * DAY_MS;

/// The length of a relative unit. `raw` is the word as written: `T` (German *Tag*) and `t` (Danish
/// *time*) differ only in case, and Facebook capitalises the German one.
pub(super) fn unit_ms(lower: &str, raw: &str) -> Option<i64> {
    if lower == "t" {
        return Some(if raw == "T" { DAY_MS } else { HOUR_MS });
    }
    Some(match lower {
        "s" | "sec" | "secs" | "second" | "seconds" | "sek" | "sekunde" | "sekunden" | "sekund"
        | "sekunder" => SECOND_MS,
        "m" | "min" | "mins" | "minute" | "minutes" | "minuten" | "minut" | "minutter" => MINUTE_MS,
        "h" | "hr" | "hrs" | "hour" | "hours" | "std" | "stunde" | "stunden" | "time" | "timer" => {
            HOUR_MS
        }
        "d" | "day" | "days" | "tag" | "tage" | "tagen" | "dag" | "dage" | "døgn" => DAY_MS,
        "w" | "wk" | "wks" | "week" | "weeks" | "wo" | "woche" | "wochen" | "u" | "uge"
        | "uger" => 7 * DAY_MS,
        "y" | "yr" | "yrs" | "year" | "years" | "j" | "jahr" | "jahre" | "jahren" | "år" => {
            YEAR_MS
        }
        _ => return None,
    })
}

/// How many days back `today` / `yesterday` words point (`idag`/`igår` are joined by the tokenizer).
pub(super) fn days_back(word: &str) -> Option<i64> {
    match word {
        "today" | "heute" | "idag" => Some(0),
        "yesterday" | "gestern" | "igår" => Some(1),
        _ => None,
    }
}

/// 0 = Monday … 6 = Sunday, full names and the abbreviations the sites use.
pub(super) fn weekday(word: &str) -> Option<i64> {
    Some(match word {
        "mon" | "monday" | "mo" | "montag" | "man" | "mandag" => 0,
        "tue" | "tues" | "tuesday" | "di" | "dienstag" | "tir" | "tirsdag" => 1,
        "wed" | "wednesday" | "mi" | "mittwoch" | "ons" | "onsdag" => 2,
        "thu" | "thur" | "thurs" | "thursday" | "do" | "donnerstag" | "tor" | "torsdag" => 3,
        "fri" | "friday" | "fr" | "freitag" | "fre" | "fredag" => 4,
        "sat" | "saturday" | "sa" | "samstag" | "sonnabend" | "lør" | "lørdag" => 5,
        "sun" | "sunday" | "so" | "sonntag" | "søn" | "søndag" => 6,
        _ => return None,
    })
}

/// 1 = January … 12 = December, full names and abbreviations.
pub(super) fn month(word: &str) -> Option<i64> {
    Some(match word {
        "jan" | "january" | "januar" | "jänner" => 1,
        "feb" | "february" | "februar" => 2,
        "mar" | "march" | "märz" | "maerz" | "mär" | "mrz" | "marts" => 3,
        "apr" | "april" => 4,
        "may" | "mai" | "maj" => 5,
        "jun" | "june" | "juni" => 6,
        "jul" | "july" | "juli" => 7,
        "aug" | "august" => 8,
        "sep" | "sept" | "september" => 9,
        "oct" | "october" | "okt" | "oktober" => 10,
        "nov" | "november" => 11,
        "dec" | "december" | "dez" | "dezember" => 12,
        _ => return None,
    })
}

/// `Some(true)` for PM, `Some(false)` for AM.
pub(super) fn meridiem(word: &str) -> Option<bool> {
    match word {
        "am" => Some(false),
        "pm" => Some(true),
        _ => None,
    }
}
