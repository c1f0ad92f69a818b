//! Opening hours: time zones and both 2026 DST changes, holidays, away periods, 24/7 and empty schedules.
//! Expected values are worked out by hand in the comments; `utc` only spells instants readably.

use answerdeck::core::hours::{
    is_open, next_open_ms, open_ms_between, Schedule, ScheduleError, MAX_AWAY_MS_PER_DAY,
};

const MIN: i64 = 60_000;
const HOUR: i64 = 60 * MIN;

/// Milliseconds of a UTC date-time.
fn utc(y: i16, mo: i8, d: i8, h: i8, mi: i8) -> i64 {
    jiff::civil::date(y, mo, d)
        .at(h, mi, 0, 0)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .expect("valid date-time")
        .timestamp()
        .as_millisecond()
}

/// The same ranges every day of the week.
fn every_day(zone: &str, ranges: &[(u16, u16)]) -> Schedule {
    Schedule {
        time_zone: zone.into(),
        week: std::array::from_fn(|_| ranges.to_vec()),
        ..Schedule::default()
    }
}

const NINE_TO_FIVE: (u16, u16) = (9 * 60, 17 * 60);

#[test]
fn berlin_nine_to_five_in_winter_is_utc_eight_to_four() {
    // 2026-01-14 (a Wednesday), CET = UTC+1: open 08:00–16:00 UTC.
    let s = every_day("Europe/Berlin", &[NINE_TO_FIVE]);
    assert!(!is_open(&s, utc(2026, 1, 14, 7, 59)));
    assert!(is_open(&s, utc(2026, 1, 14, 8, 0)));
    assert!(is_open(&s, utc(2026, 1, 14, 15, 59)));
    assert!(
        !is_open(&s, utc(2026, 1, 14, 16, 0)),
        "the closing minute is closed"
    );
    assert_eq!(
        open_ms_between(&s, utc(2026, 1, 14, 0, 0), utc(2026, 1, 15, 0, 0)),
        8 * HOUR
    );
}

#[test]
fn spring_change_day_keeps_eight_hours_in_berlin_copenhagen_and_new_york() {
    // Europe: 2026-03-29, clocks 02:00 CET → 03:00 CEST; 09:00 CEST = 07:00 UTC, 17:00 CEST = 15:00 UTC.
    for zone in ["Europe/Berlin", "Europe/Copenhagen"] {
        let s = every_day(zone, &[NINE_TO_FIVE]);
        assert_eq!(
            open_ms_between(&s, utc(2026, 3, 28, 12, 0), utc(2026, 3, 30, 0, 0)),
            // Saturday 12:00 UTC = 13:00 CET, so 4 h left of Saturday; Sunday 8 h.
            4 * HOUR + 8 * HOUR,
            "{zone}"
        );
        assert!(!is_open(&s, utc(2026, 3, 29, 6, 59)), "{zone}");
        assert!(is_open(&s, utc(2026, 3, 29, 7, 0)), "{zone}");
        assert!(!is_open(&s, utc(2026, 3, 29, 15, 0)), "{zone}");
    }
    // New York: 2026-03-08, 02:00 EST → 03:00 EDT; 09:00 EDT = 13:00 UTC, 17:00 EDT = 21:00 UTC.
    let s = every_day("America/New_York", &[NINE_TO_FIVE]);
    let day = (utc(2026, 3, 8, 5, 0), utc(2026, 3, 9, 4, 0)); // local midnight to midnight: 23 h
    assert_eq!(open_ms_between(&s, day.0, day.1), 8 * HOUR);
    assert!(is_open(&s, utc(2026, 3, 8, 13, 0)));
    assert!(!is_open(&s, utc(2026, 3, 8, 12, 59)));
}

#[test]
fn autumn_change_day_keeps_eight_hours() {
    // Europe: 2026-10-25, 03:00 CEST → 02:00 CET; 09:00 CET = 08:00 UTC.
    for zone in ["Europe/Berlin", "Europe/Copenhagen"] {
        let s = every_day(zone, &[NINE_TO_FIVE]);
        assert_eq!(
            open_ms_between(&s, utc(2026, 10, 24, 22, 0), utc(2026, 10, 25, 23, 0)),
            8 * HOUR,
            "{zone}"
        );
        assert!(is_open(&s, utc(2026, 10, 25, 8, 0)), "{zone}");
        assert!(!is_open(&s, utc(2026, 10, 25, 7, 59)), "{zone}");
    }
    // New York: 2026-11-01, 02:00 EDT → 01:00 EST; 09:00 EST = 14:00 UTC.
    let s = every_day("America/New_York", &[NINE_TO_FIVE]);
    assert_eq!(
        open_ms_between(&s, utc(2026, 11, 1, 4, 0), utc(2026, 11, 2, 5, 0)),
        8 * HOUR
    );
    assert!(is_open(&s, utc(2026, 11, 1, 14, 0)));
    assert!(!is_open(&s, utc(2026, 11, 1, 13, 59)));
}

#[test]
fn ranges_across_the_change_get_the_real_elapsed_time() {
    // 00:00–06:00 local: 5 h on the spring day (an hour skipped), 7 h on the autumn day (one repeated).
    let s = every_day("Europe/Berlin", &[(0, 6 * 60)]);
    // Spring: 00:00 CET = 23:00 UTC (28th) … 06:00 CEST = 04:00 UTC → 5 h.
    assert_eq!(
        open_ms_between(&s, utc(2026, 3, 28, 22, 0), utc(2026, 3, 29, 12, 0)),
        5 * HOUR
    );
    // Autumn: 00:00 CEST = 22:00 UTC (24th) … 06:00 CET = 05:00 UTC → 7 h.
    assert_eq!(
        open_ms_between(&s, utc(2026, 10, 24, 21, 0), utc(2026, 10, 25, 12, 0)),
        7 * HOUR
    );
    // 24/7 in Berlin: the spring day has 23 h, the autumn day 25 h.
    let always = every_day("Europe/Berlin", &[(0, 1440)]);
    assert_eq!(
        open_ms_between(&always, utc(2026, 3, 28, 23, 0), utc(2026, 3, 29, 22, 0)),
        23 * HOUR
    );
    assert_eq!(
        open_ms_between(&always, utc(2026, 10, 24, 22, 0), utc(2026, 10, 25, 23, 0)),
        25 * HOUR
    );
}

#[test]
fn a_closing_time_inside_the_autumn_fold_is_its_first_occurrence() {
    // Berlin 2026-10-25: 02:30 happens twice; 00:00–02:30 ends at the first, 02:30 CEST = 00:30 UTC.
    // 00:00 CEST = 22:00 UTC (24th) → 2 h 30 min.
    let s = every_day("Europe/Berlin", &[(0, 2 * 60 + 30)]);
    assert_eq!(
        open_ms_between(&s, utc(2026, 10, 24, 21, 0), utc(2026, 10, 25, 12, 0)),
        2 * HOUR + 30 * MIN
    );
    assert!(
        !is_open(&s, utc(2026, 10, 25, 1, 0)),
        "the second 02:00–02:59 is closed"
    );
}

#[test]
fn an_opening_time_inside_the_spring_gap_opens_when_the_clocks_jump() {
    // Berlin 2026-03-29: 02:30 does not exist; the range 02:30–05:00 opens at 03:00 CEST (01:00 UTC)
    // and closes at 05:00 CEST (03:00 UTC): 2 h.
    let s = every_day("Europe/Berlin", &[(2 * 60 + 30, 5 * 60)]);
    assert!(!is_open(&s, utc(2026, 3, 29, 0, 59)));
    assert!(is_open(&s, utc(2026, 3, 29, 1, 0)));
    assert_eq!(
        open_ms_between(&s, utc(2026, 3, 28, 23, 0), utc(2026, 3, 29, 12, 0)),
        2 * HOUR
    );
    assert_eq!(
        next_open_ms(&s, utc(2026, 3, 28, 23, 0)),
        Some(utc(2026, 3, 29, 1, 0))
    );
    // A range wholly inside the gap (02:10–02:50) is empty that day, not negative.
    let s = every_day("Europe/Berlin", &[(2 * 60 + 10, 2 * 60 + 50)]);
    assert_eq!(
        open_ms_between(&s, utc(2026, 3, 28, 23, 0), utc(2026, 3, 29, 12, 0)),
        0
    );
}

#[test]
fn holidays_close_the_whole_local_day() {
    let mut s = every_day("Europe/Copenhagen", &[NINE_TO_FIVE]);
    s.holidays = vec![(2026, 12, 24)];
    // Dec 24 in Copenhagen (UTC+1) is closed; Dec 23 and 25 have 8 h each.
    assert!(!is_open(&s, utc(2026, 12, 24, 10, 0)));
    assert!(is_open(&s, utc(2026, 12, 25, 10, 0)));
    assert_eq!(
        open_ms_between(&s, utc(2026, 12, 23, 0, 0), utc(2026, 12, 26, 0, 0)),
        16 * HOUR
    );
    // From the holiday's noon, the next opening is Dec 25, 09:00 CET = 08:00 UTC.
    assert_eq!(
        next_open_ms(&s, utc(2026, 12, 24, 12, 0)),
        Some(utc(2026, 12, 25, 8, 0))
    );
}

#[test]
fn away_periods_close_their_instants() {
    let mut s = every_day("Europe/Berlin", &[NINE_TO_FIVE]);
    // Jan 14: open 08:00–16:00 UTC; away 10:00–11:30 UTC takes 1.5 h out → 6.5 h.
    s.away = vec![(utc(2026, 1, 14, 10, 0), utc(2026, 1, 14, 11, 30))];
    assert_eq!(s.validate(), Ok(()));
    assert!(!is_open(&s, utc(2026, 1, 14, 10, 30)));
    assert!(is_open(&s, utc(2026, 1, 14, 11, 30)));
    assert_eq!(
        open_ms_between(&s, utc(2026, 1, 14, 0, 0), utc(2026, 1, 15, 0, 0)),
        6 * HOUR + 30 * MIN
    );
    assert_eq!(
        next_open_ms(&s, utc(2026, 1, 14, 10, 15)),
        Some(utc(2026, 1, 14, 11, 30))
    );
}

#[test]
fn away_over_twelve_hours_a_day_is_refused_with_a_clear_message() {
    let mut s = every_day("Europe/Berlin", &[NINE_TO_FIVE]);
    // 08:00–21:00 local (CET) = 13 h on Jan 14.
    s.away = vec![(utc(2026, 1, 14, 7, 0), utc(2026, 1, 14, 20, 0))];
    let refused = s.validate().expect_err("13 h away");
    assert_eq!(
        refused,
        ScheduleError::AwayTooLong {
            date: "2026-01-14".into(),
            away_ms: 13 * HOUR
        }
    );
    assert_eq!(
        refused.to_string(),
        "away for 13 h 00 min on 2026-01-14: Meta allows at most 12 h of away status per day"
    );
    // Exactly 12 h is allowed; two 7 h periods the same day (14 h) are not.
    s.away = vec![(
        utc(2026, 1, 14, 7, 0),
        utc(2026, 1, 14, 7, 0) + MAX_AWAY_MS_PER_DAY,
    )];
    assert_eq!(s.validate(), Ok(()));
    s.away = vec![
        (utc(2026, 1, 14, 0, 0), utc(2026, 1, 14, 7, 0)),
        (utc(2026, 1, 14, 8, 0), utc(2026, 1, 14, 15, 0)),
    ];
    assert!(matches!(
        s.validate(),
        Err(ScheduleError::AwayTooLong { .. })
    ));
    // 20 h across local midnight: 10 h on each day → allowed (12 h a day, not per period).
    s.away = vec![(utc(2026, 1, 14, 13, 0), utc(2026, 1, 15, 9, 0))];
    assert_eq!(s.validate(), Ok(()));
}

#[test]
fn validation_refuses_bad_zones_and_ranges() {
    let mut s = every_day("Europe/Atlantis", &[NINE_TO_FIVE]);
    assert_eq!(
        s.validate(),
        Err(ScheduleError::UnknownTimeZone("Europe/Atlantis".into()))
    );
    s.time_zone = "America/New_York".into();
    s.week[2] = vec![(17 * 60, 9 * 60)];
    let refused = s.validate().expect_err("reversed range");
    assert_eq!(
        refused.to_string(),
        "Wednesday: opening hours 17:00 to 09:00 are not a range within the day"
    );
    s.week[2] = vec![(0, 1441)];
    assert!(s.validate().is_err());
    s.week[2] = vec![];
    s.holidays = vec![(2026, 2, 30)];
    assert_eq!(s.validate(), Err(ScheduleError::BadHoliday((2026, 2, 30))));
}

#[test]
fn always_open_and_never_open() {
    let always = Schedule::always_open();
    assert!(is_open(&always, utc(2026, 5, 1, 3, 17)));
    // 3 days = 72 h.
    assert_eq!(
        open_ms_between(&always, utc(2026, 5, 1, 3, 17), utc(2026, 5, 4, 3, 17)),
        72 * HOUR
    );
    assert_eq!(next_open_ms(&always, 1234), Some(1234));

    let never = every_day("Europe/Berlin", &[]);
    assert!(!is_open(&never, utc(2026, 5, 1, 12, 0)));
    assert_eq!(open_ms_between(&never, 0, utc(2026, 5, 1, 12, 0)), 0);
    assert_eq!(next_open_ms(&never, utc(2026, 5, 1, 12, 0)), None);
    // Reversed or empty spans count nothing.
    assert_eq!(open_ms_between(&always, 10, 5), 0);
}

#[test]
fn next_open_skips_the_weekend_and_unknown_zones_read_as_utc() {
    let mut s = every_day("America/New_York", &[NINE_TO_FIVE]);
    s.week[5].clear();
    s.week[6].clear();
    // Friday 2026-01-16 17:30 EST (22:30 UTC) → Monday 09:00 EST = 14:00 UTC.
    assert_eq!(
        next_open_ms(&s, utc(2026, 1, 16, 22, 30)),
        Some(utc(2026, 1, 19, 14, 0))
    );
    s.time_zone = "Not/A_Zone".into();
    assert!(is_open(&s, utc(2026, 1, 19, 9, 0)), "read as UTC");
}

#[test]
fn overlapping_ranges_and_midnight_ranges_are_not_counted_twice() {
    // 09:00–13:00 and 12:00–17:00 merge into 09:00–17:00; 22:00–24:00 then 00:00–02:00 the next day.
    let s = every_day(
        "UTC",
        &[
            (9 * 60, 13 * 60),
            (12 * 60, 17 * 60),
            (22 * 60, 1440),
            (0, 120),
        ],
    );
    // One day 00:00–24:00: 2 + 8 + 2 = 12 h.
    assert_eq!(
        open_ms_between(&s, utc(2026, 6, 1, 0, 0), utc(2026, 6, 2, 0, 0)),
        12 * HOUR
    );
    assert!(is_open(&s, utc(2026, 6, 1, 23, 59)));
    assert!(is_open(&s, utc(2026, 6, 2, 0, 0)));
}

#[test]
fn the_schedule_survives_storage() {
    let mut s = every_day("Europe/Berlin", &[NINE_TO_FIVE]);
    s.holidays = vec![(2026, 12, 24)];
    s.away = vec![(1, 2)];
    let json = serde_json::to_string(&s).expect("serialises");
    let back: Schedule = serde_json::from_str(&json).expect("deserialises");
    assert_eq!(back, s);
}
