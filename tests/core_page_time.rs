//! The times Facebook and X show, read against fixed clocks in four zones.

use answerdeck::core::page_time::{parse, refine, waiting_since, Context, Instant, Seen};
use answerdeck::core::time::parse_ms;

/// Wednesday 18 February 2026, 15:30 in Copenhagen/Berlin (UTC+1, winter).
const WINTER: Context = Context {
    now_ms: 1_771_425_000_000,
    utc_offset_minutes: 60,
};
/// Wednesday 15 July 2026, 14:00 in Copenhagen/Berlin (UTC+2, summer).
const SUMMER: Context = Context {
    now_ms: 1_784_116_800_000,
    utc_offset_minutes: 120,
};
/// Thursday 19 February 2026, 00:10 local (UTC+1): ten minutes after local midnight, UTC still on the 18th.
const AFTER_MIDNIGHT: Context = Context {
    now_ms: 1_771_456_200_000,
    utc_offset_minutes: 60,
};
/// Tuesday 17 February 2026, 22:00 in New York (UTC−5): UTC is already on the 18th.
const NEW_YORK: Context = Context {
    now_ms: 1_771_383_600_000,
    utc_offset_minutes: -300,
};

fn at(iso: &str) -> Instant {
    parse_ms(iso).unwrap_or_else(|| panic!("bad fixture time {iso}"))
}

/// The expected interval, both ends as ISO times.
fn between(earliest: &str, latest: &str) -> Option<Seen> {
    Some(Seen {
        earliest_ms: at(earliest),
        latest_ms: at(latest),
    })
}

/// A whole minute starting at `start`.
fn minute(start: &str) -> Option<Seen> {
    let start = at(start);
    Some(Seen {
        earliest_ms: start,
        latest_ms: start + 59_999,
    })
}

fn exact(iso: &str) -> Option<Seen> {
    between(iso, iso)
}

#[test]
fn the_fixed_clocks_are_what_they_say() {
    assert_eq!(WINTER.now_ms, at("2026-02-18T14:30:00Z"));
    assert_eq!(SUMMER.now_ms, at("2026-07-15T12:00:00Z"));
    assert_eq!(AFTER_MIDNIGHT.now_ms, at("2026-02-18T23:10:00Z"));
    assert_eq!(NEW_YORK.now_ms, at("2026-02-18T03:00:00Z"));
}

fn table() -> Vec<(&'static str, Context, &'static str, Option<Seen>)> {
    let w = WINTER;
    let s = SUMMER;
    let m = AFTER_MIDNIGHT;
    let ny = NEW_YORK;
    let now_minute = between("2026-02-18T14:29:00Z", "2026-02-18T14:30:00Z");
    let five_minutes = between("2026-02-18T14:24:00Z", "2026-02-18T14:25:00Z");
    let hour_bucket_1 = between("2026-02-18T12:30:00Z", "2026-02-18T13:30:00Z");
    let hour_bucket_2 = between("2026-02-18T11:30:00Z", "2026-02-18T12:30:00Z");
    let hour_bucket_3 = between("2026-02-18T10:30:00Z", "2026-02-18T11:30:00Z");
    let day_bucket_2 = between("2026-02-15T14:30:00Z", "2026-02-16T14:30:00Z");
    let day_bucket_3 = between("2026-02-14T14:30:00Z", "2026-02-15T14:30:00Z");
    let week_bucket_1 = between("2026-02-04T14:30:00Z", "2026-02-11T14:30:00Z");
    let yesterday_1605 = minute("2026-02-17T15:05:00Z");
    let today_0912 = minute("2026-02-18T08:12:00Z");
    let tuesday_1121 = minute("2026-02-17T10:21:00Z");
    let march_3_2025_1402 = minute("2025-03-03T13:02:00Z");
    let march_3_2025 = between("2025-03-02T23:00:00Z", "2025-03-03T22:59:59.999Z");
    vec![
        // Machine-readable attributes.
        (
            "iso utc",
            w,
            "2026-02-13T10:41:54.000Z",
            exact("2026-02-13T10:41:54Z"),
        ),
        (
            "iso offset",
            w,
            "2026-02-18T15:00:00+01:00",
            exact("2026-02-18T14:00:00Z"),
        ),
        (
            "iso compact offset",
            w,
            "2026-02-18T09:00:00-0500",
            exact("2026-02-18T14:00:00Z"),
        ),
        (
            "iso fraction",
            w,
            "2026-02-18T14:00:00.5Z",
            exact("2026-02-18T14:00:00.500Z"),
        ),
        (
            "iso local minute",
            w,
            "2026-02-18T10:00",
            minute("2026-02-18T09:00:00Z"),
        ),
        (
            "iso local date",
            w,
            "2026-02-17",
            between("2026-02-16T23:00:00Z", "2026-02-17T22:59:59.999Z"),
        ),
        ("iso future", w, "2026-02-18T14:31:00Z", None),
        ("iso bad month", w, "2026-13-01T00:00Z", None),
        ("iso bad day", w, "2026-02-30", None),
        ("iso bad zone", w, "2026-02-18T14:00:00+25:00", None),
        ("iso trailing junk", w, "2026-02-18T14:00:00Zjunk", None),
        (
            "epoch seconds",
            w,
            "1771400000",
            between("2026-02-18T07:33:20Z", "2026-02-18T07:33:20.999Z"),
        ),
        (
            "epoch millis",
            w,
            "1771400000123",
            exact("2026-02-18T07:33:20.123Z"),
        ),
        // Relative, English and the short forms both sites use.
        ("now", w, "now", now_minute),
        ("just now", w, "Just now", now_minute),
        (
            "seconds",
            w,
            "5s",
            between("2026-02-18T14:29:54Z", "2026-02-18T14:29:55Z"),
        ),
        (
            "minutes short",
            w,
            "4m",
            between("2026-02-18T14:25:00Z", "2026-02-18T14:26:00Z"),
        ),
        ("hours short", w, "2h", hour_bucket_2),
        ("hours upper case", w, "2H", hour_bucket_2),
        ("hours spaced", w, "2 h", hour_bucket_2),
        ("days short", w, "3d", day_bucket_3),
        ("weeks short", w, "1w", week_bucket_1),
        (
            "years short",
            w,
            "1y",
            between("2024-02-19T14:30:00Z", "2025-02-18T14:30:00Z"),
        ),
        ("min", w, "5 min", five_minutes),
        ("mins", w, "5 mins", five_minutes),
        ("hrs", w, "3 hrs", hour_bucket_3),
        ("minutes ago", w, "5 minutes ago", five_minutes),
        ("an hour ago", w, "an hour ago", hour_bucket_1),
        ("hours ago", w, "2 hours ago", hour_bucket_2),
        ("days ago", w, "3 days ago", day_bucket_3),
        ("after a dot separator", w, " · 2h", hour_bucket_2),
        ("in brackets", w, "(5 min)", five_minutes),
        (
            "a day ago",
            w,
            "a day ago",
            between("2026-02-16T14:30:00Z", "2026-02-17T14:30:00Z"),
        ),
        (
            "vor 1 Jahr",
            w,
            "vor 1 Jahr",
            between("2024-02-19T14:30:00Z", "2025-02-18T14:30:00Z"),
        ),
        (
            "for 1 år siden",
            w,
            "for 1 år siden",
            between("2024-02-19T14:30:00Z", "2025-02-18T14:30:00Z"),
        ),
        // A weekday before a date is a label only, even when it does not match.
        (
            "mismatched weekday label",
            w,
            "Friday, 3 March 2025 at 14:02",
            minute("2025-03-03T13:02:00Z"),
        ),
        (
            "seconds on a clock are dropped",
            w,
            "Today 09:12:33",
            minute("2026-02-18T08:12:00Z"),
        ),
        // German.
        ("jetzt", w, "Jetzt", now_minute),
        ("gerade eben", w, "gerade eben", now_minute),
        ("Min.", w, "5 Min.", five_minutes),
        ("Std.", w, "3 Std.", hour_bucket_3),
        ("T. is a day", w, "2 T.", day_bucket_2),
        ("Wo.", w, "1 Wo.", week_bucket_1),
        ("vor Minuten", w, "vor 5 Minuten", five_minutes),
        ("vor Stunden", w, "vor 2 Stunden", hour_bucket_2),
        ("vor einer Stunde", w, "vor einer Stunde", hour_bucket_1),
        ("vor Tagen", w, "vor 3 Tagen", day_bucket_3),
        // Danish.
        ("nu", w, "nu", now_minute),
        ("lige nu", w, "Lige nu", now_minute),
        ("min.", w, "5 min.", five_minutes),
        ("t. is an hour", w, "3 t.", hour_bucket_3),
        ("d.", w, "2 d.", day_bucket_2),
        ("u.", w, "1 u.", week_bucket_1),
        ("minutter siden", w, "for 5 minutter siden", five_minutes),
        ("timer siden", w, "for 2 timer siden", hour_bucket_2),
        ("en time siden", w, "for en time siden", hour_bucket_1),
        ("dage siden", w, "for 3 dage siden", day_bucket_3),
        // Day and time.
        ("today", w, "Today 09:12", today_0912),
        ("yesterday", w, "Yesterday 16:05", yesterday_1605),
        ("yesterday pm", w, "Yesterday, 4:05 PM", yesterday_1605),
        (
            "yesterday p.m.",
            w,
            "Yesterday at 4:05 p.m.",
            yesterday_1605,
        ),
        ("heute", w, "Heute 09:12", today_0912),
        ("gestern", w, "Gestern 16:05", yesterday_1605),
        ("gestern um", w, "Gestern um 16:05", yesterday_1605),
        ("i dag", w, "I dag 09.12", today_0912),
        ("i går", w, "I går 16.05", yesterday_1605),
        ("i går kl.", w, "i går kl. 16.05", yesterday_1605),
        (
            "12:30 AM is after midnight",
            w,
            "Yesterday at 12:30 AM",
            minute("2026-02-16T23:30:00Z"),
        ),
        (
            "12:00 PM is noon",
            w,
            "Today 12:00 PM",
            minute("2026-02-18T11:00:00Z"),
        ),
        ("today later than now", w, "Today 16:00", None),
        (
            "yesterday alone",
            w,
            "Yesterday",
            between("2026-02-16T23:00:00Z", "2026-02-17T22:59:59.999Z"),
        ),
        (
            "today alone",
            w,
            "Today",
            between("2026-02-17T23:00:00Z", "2026-02-18T14:30:00Z"),
        ),
        // Weekdays (today is Wednesday).
        ("tue", w, "Tue 11:21", tuesday_1121),
        ("tuesday", w, "Tuesday 11:21", tuesday_1121),
        ("di.", w, "Di. 11:21", tuesday_1121),
        ("dienstag", w, "Dienstag 11:21", tuesday_1121),
        ("tir.", w, "tir. 11.21", tuesday_1121),
        ("tirsdag", w, "tirsdag 11.21", tuesday_1121),
        (
            "later weekday is last week",
            w,
            "Thu 10:00",
            minute("2026-02-12T09:00:00Z"),
        ),
        (
            "today's weekday, earlier",
            w,
            "Wed 09:00",
            minute("2026-02-18T08:00:00Z"),
        ),
        (
            "today's weekday, later is last week",
            w,
            "Wed 16:00",
            minute("2026-02-11T15:00:00Z"),
        ),
        (
            "weekday pm",
            w,
            "Mon 2:15 PM",
            minute("2026-02-16T13:15:00Z"),
        ),
        (
            "sunday late",
            w,
            "Sun 23:59",
            minute("2026-02-15T22:59:00Z"),
        ),
        ("fr.", w, "Fr. 08:00", minute("2026-02-13T07:00:00Z")),
        ("lør.", w, "lør. 20.30", minute("2026-02-14T19:30:00Z")),
        (
            "weekday alone",
            w,
            "Monday",
            between("2026-02-15T23:00:00Z", "2026-02-16T22:59:59.999Z"),
        ),
        // Bare times.
        (
            "bare earlier today",
            w,
            "09:41",
            minute("2026-02-18T08:41:00Z"),
        ),
        (
            "bare this minute",
            w,
            "15:30",
            exact("2026-02-18T14:30:00Z"),
        ),
        (
            "bare later is yesterday",
            w,
            "15:31",
            minute("2026-02-17T14:31:00Z"),
        ),
        (
            "bare late evening",
            w,
            "23:59",
            minute("2026-02-17T22:59:00Z"),
        ),
        ("bare 12-hour", w, "9:41 AM", minute("2026-02-18T08:41:00Z")),
        // Absolute tooltips and short dates.
        (
            "english long",
            w,
            "Monday, 3 March 2025 at 14:02",
            march_3_2025_1402,
        ),
        ("american", w, "March 3, 2025 at 2:02 PM", march_3_2025_1402),
        ("no weekday", w, "3 March 2025 at 14:02", march_3_2025_1402),
        (
            "german long",
            w,
            "Montag, 3. März 2025 um 14:02",
            march_3_2025_1402,
        ),
        (
            "danish long",
            w,
            "mandag den 3. marts 2025 kl. 14.02",
            march_3_2025_1402,
        ),
        ("date without time", w, "3 March 2025", march_3_2025),
        ("short date, next march is ahead", w, "3 Mar", march_3_2025),
        ("german short date", w, "3. März", march_3_2025),
        ("american short date", w, "Mar 3", march_3_2025),
        (
            "short date today",
            w,
            "Feb 18",
            between("2026-02-17T23:00:00Z", "2026-02-18T14:30:00Z"),
        ),
        (
            "short date tomorrow is last year",
            w,
            "Feb 19",
            between("2025-02-18T23:00:00Z", "2025-02-19T22:59:59.999Z"),
        ),
        (
            "short date this year",
            w,
            "Jan 5",
            between("2026-01-04T23:00:00Z", "2026-01-05T22:59:59.999Z"),
        ),
        (
            "leap day",
            w,
            "29 Feb",
            between("2024-02-28T23:00:00Z", "2024-02-29T22:59:59.999Z"),
        ),
        (
            "late evening pm",
            w,
            "Dec 24, 2025 at 11:59 PM",
            minute("2025-12-24T22:59:00Z"),
        ),
        ("future year", w, "3 Mar 2027", None),
        ("impossible date", w, "31 Feb 2025", None),
        // Summer time (UTC+2).
        (
            "summer today",
            s,
            "Today 09:12",
            minute("2026-07-15T07:12:00Z"),
        ),
        (
            "summer gestern",
            s,
            "Gestern 16:05",
            minute("2026-07-14T14:05:00Z"),
        ),
        (
            "summer i går",
            s,
            "I går 16.05",
            minute("2026-07-14T14:05:00Z"),
        ),
        ("summer tue", s, "Tue 11:21", minute("2026-07-14T09:21:00Z")),
        (
            "summer tirsdag",
            s,
            "tirsdag 11.21",
            minute("2026-07-14T09:21:00Z"),
        ),
        (
            "summer this minute",
            s,
            "Wed 14:00",
            exact("2026-07-15T12:00:00Z"),
        ),
        (
            "summer later weekday",
            s,
            "Thu 10:00",
            minute("2026-07-09T08:00:00Z"),
        ),
        (
            "summer hours",
            s,
            "2h",
            between("2026-07-15T09:00:00Z", "2026-07-15T10:00:00Z"),
        ),
        ("summer bare", s, "09:41", minute("2026-07-15T07:41:00Z")),
        (
            "summer bare later",
            s,
            "14:01",
            minute("2026-07-14T12:01:00Z"),
        ),
        // The current offset is applied to a winter date: one hour off, as documented.
        (
            "summer reads a winter tooltip",
            s,
            "Monday, 3 March 2025 at 14:02",
            minute("2025-03-03T12:02:00Z"),
        ),
        (
            "summer short date",
            s,
            "3 Mar",
            between("2026-03-02T22:00:00Z", "2026-03-03T21:59:59.999Z"),
        ),
        (
            "summer short date ahead",
            s,
            "Jul 16",
            between("2025-07-15T22:00:00Z", "2025-07-16T21:59:59.999Z"),
        ),
        (
            "summer iso",
            s,
            "2026-07-15T13:59:00+02:00",
            exact("2026-07-15T11:59:00Z"),
        ),
        // Ten minutes after local midnight: the local day is a day ahead of UTC's.
        (
            "midnight today",
            m,
            "Today 00:05",
            minute("2026-02-18T23:05:00Z"),
        ),
        (
            "midnight yesterday",
            m,
            "Yesterday 23:50",
            minute("2026-02-18T22:50:00Z"),
        ),
        (
            "midnight bare yesterday",
            m,
            "23:55",
            minute("2026-02-18T22:55:00Z"),
        ),
        (
            "midnight bare now",
            m,
            "00:10",
            exact("2026-02-18T23:10:00Z"),
        ),
        (
            "midnight weekday yesterday",
            m,
            "Wed 23:50",
            minute("2026-02-18T22:50:00Z"),
        ),
        (
            "midnight weekday today",
            m,
            "Thu 00:05",
            minute("2026-02-18T23:05:00Z"),
        ),
        (
            "midnight weekday later",
            m,
            "Thu 00:11",
            minute("2026-02-11T23:11:00Z"),
        ),
        (
            "midnight today alone",
            m,
            "Today",
            between("2026-02-18T23:00:00Z", "2026-02-18T23:10:00Z"),
        ),
        (
            "midnight yesterday alone",
            m,
            "Yesterday",
            between("2026-02-17T23:00:00Z", "2026-02-18T22:59:59.999Z"),
        ),
        (
            "midnight short date",
            m,
            "19 Feb",
            between("2026-02-18T23:00:00Z", "2026-02-18T23:10:00Z"),
        ),
        (
            "midnight minutes",
            m,
            "5m",
            between("2026-02-18T23:04:00Z", "2026-02-18T23:05:00Z"),
        ),
        // West of UTC: the local day is a day behind UTC's.
        (
            "new york today",
            ny,
            "Today 21:00",
            minute("2026-02-18T02:00:00Z"),
        ),
        (
            "new york yesterday",
            ny,
            "Yesterday 11:00 PM",
            minute("2026-02-17T04:00:00Z"),
        ),
        (
            "new york weekday today",
            ny,
            "Tue 09:00",
            minute("2026-02-17T14:00:00Z"),
        ),
        (
            "new york weekday later",
            ny,
            "Wed 09:00",
            minute("2026-02-11T14:00:00Z"),
        ),
        (
            "new york bare later",
            ny,
            "22:30",
            minute("2026-02-17T03:30:00Z"),
        ),
        (
            "new york local iso",
            ny,
            "2026-02-17T21:00",
            minute("2026-02-18T02:00:00Z"),
        ),
        // Not times.
        ("empty", w, "", None),
        ("blank", w, "   ", None),
        ("punctuation", w, "…·—", None),
        ("word", w, "hello", None),
        ("unknown unit", w, "2x", None),
        ("two amounts", w, "2h 3m", None),
        ("words around", w, "Yesterday 16:05 maybe", None),
        ("not a unit", w, "5 apples ago", None),
        ("hour too big", w, "25:00", None),
        ("minute too big", w, "10:60", None),
        ("pm on a 24-hour clock", w, "13:00 PM", None),
        ("one-digit minutes", w, "1:5", None),
        ("huge count", w, "99999999999999999999h", None),
        ("biggest count", w, "999999999y", None),
        ("emoji", w, "🙂", None),
        ("accent", w, "ñ", None),
        ("only a filler", w, "vor", None),
        ("day without month", w, "3. 2025", None),
        ("sent status", w, "Seen", None),
        ("active now", w, "Active now", None),
    ]
}

#[test]
fn reads_the_table() {
    let table = table();
    assert!(table.len() >= 80, "only {} cases", table.len());
    let failures: Vec<String> = table
        .iter()
        .filter_map(|(name, ctx, text, expected)| {
            let got = parse(text, ctx);
            (got != *expected)
                .then(|| format!("{name}: {text:?} gave {got:?}, expected {expected:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn never_panics_and_never_reads_the_future() {
    let mut inputs: Vec<String> = table()
        .iter()
        .map(|(_, _, text, _)| text.to_string())
        .collect();
    let pieces = [
        "2", "12", ":", ".", "3", "h", "T", "t", "Ü", "ß", "🙂", "\u{301}", " ", "-", "+", "Z",
        "pm", "a", "m", "2026-", "i", "går", "0", "99", "Mär",
    ];
    for a in pieces {
        for b in pieces {
            for c in pieces {
                inputs.push(format!("{a}{b}{c}"));
            }
        }
    }
    let prefixes: Vec<String> = inputs
        .iter()
        .flat_map(|text| {
            text.char_indices()
                .map(|(at, _)| text[..at].to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    inputs.extend(prefixes);
    for ctx in [WINTER, SUMMER, AFTER_MIDNIGHT, NEW_YORK] {
        for text in &inputs {
            if let Some(seen) = parse(text, &ctx) {
                assert!(seen.earliest_ms <= seen.latest_ms, "{text:?}: {seen:?}");
                assert!(
                    seen.latest_ms <= ctx.now_ms,
                    "{text:?} is after now: {seen:?}"
                );
            }
        }
    }
}

#[test]
fn first_seen_bounds_the_latest_end() {
    let three_days = parse("3d", &WINTER).expect("3d");
    assert_eq!(refine(three_days, None), three_days);
    // Seen half a day into the bucket: it was written by then.
    let first_seen = three_days.earliest_ms + 12 * 3_600_000;
    assert_eq!(
        refine(three_days, Some(first_seen)),
        Seen {
            earliest_ms: three_days.earliest_ms,
            latest_ms: first_seen
        }
    );
    // Seen after the page's latest time: the page already says more.
    assert_eq!(refine(three_days, Some(WINTER.now_ms)), three_days);
    // Seen before the page's earliest time (clock skew, a misread label): the observation wins.
    let before = three_days.earliest_ms - 1;
    assert_eq!(
        refine(three_days, Some(before)),
        Seen {
            earliest_ms: before,
            latest_ms: before
        }
    );
}

#[test]
fn the_timer_counts_from_the_earliest_end_of_fine_intervals_and_the_latest_of_coarse_ones() {
    let since = |text: &str| waiting_since(&parse(text, &WINTER).expect(text));
    assert_eq!(since("2h"), at("2026-02-18T11:30:00Z"));
    assert_eq!(since("5 min"), at("2026-02-18T14:24:00Z"));
    assert_eq!(since("Yesterday 16:05"), at("2026-02-17T15:05:00Z"));
    assert_eq!(
        since("2026-02-13T10:41:54.000Z"),
        at("2026-02-13T10:41:54Z")
    );
    assert_eq!(since("3d"), at("2026-02-15T14:30:00Z"));
    assert_eq!(since("1w"), at("2026-02-11T14:30:00Z"));
    assert_eq!(since("3 Mar"), at("2025-03-03T22:59:59.999Z"));
    // Refined by the first sighting, a coarse bucket becomes fine and counts from its earliest end.
    let refined = refine(
        parse("3d", &WINTER).expect("3d"),
        Some(at("2026-02-14T15:00:00Z")),
    );
    assert_eq!(waiting_since(&refined), at("2026-02-14T14:30:00Z"));
}
