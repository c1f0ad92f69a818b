//! The timer's state and text (`data-state` of design.md §4) from a wait, the opening hours and the thresholds.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use answerdeck::core::hours::Schedule;
use answerdeck::core::timer_state::{reading, waited_text, Thresholds, TimerState};

const MIN: i64 = 60_000;
/// Wednesday 2026-02-18 10:00 UTC (11:00 in Berlin, UTC+1 in winter).
const WED_10_UTC: i64 = 1_771_408_800_000;

/// Berlin, Monday to Friday 09:00–17:00.
fn office() -> Schedule {
    let day = vec![(9 * 60, 17 * 60)];
    Schedule {
        time_zone: "Europe/Berlin".into(),
        week: [
            day.clone(),
            day.clone(),
            day.clone(),
            day.clone(),
            day,
            Vec::new(),
            Vec::new(),
        ],
        holidays: Vec::new(),
        away: Vec::new(),
    }
}

#[test]
fn the_clock_date_is_what_the_tests_assume() {
    // 2026-02-18T10:00:00Z, checked by hand: 20,502 days after 1970-01-01 (56 years with 14 leap days) × 86,400 s.
    assert_eq!(WED_10_UTC, 20_502 * 86_400_000 + 10 * 3_600_000);
}

#[test]
fn thresholds_split_ok_warn_late_at_5_and_15_minutes() {
    let t = Thresholds::default();
    let state = |waited: i64| reading(Some(WED_10_UTC - waited), WED_10_UTC, None, t).state;
    assert_eq!(state(0), TimerState::Ok);
    assert_eq!(state(5 * MIN - 1), TimerState::Ok);
    assert_eq!(state(5 * MIN), TimerState::Warn);
    assert_eq!(state(15 * MIN - 1), TimerState::Warn);
    assert_eq!(state(15 * MIN), TimerState::Late);
    assert_eq!(state(3 * 24 * 60 * MIN), TimerState::Late);
}

#[test]
fn answered_has_no_wait() {
    let r = reading(None, WED_10_UTC, Some(&office()), Thresholds::default());
    assert_eq!(r.state, TimerState::Answered);
    assert_eq!(r.waited_ms, 0);
    assert_eq!(r.state.key(), "answered");
}

#[test]
fn a_wait_from_the_future_counts_as_none() {
    // Clock skew between the page and the machine: never a negative wait.
    let r = reading(
        Some(WED_10_UTC + 5 * MIN),
        WED_10_UTC,
        None,
        Thresholds::default(),
    );
    assert_eq!((r.state, r.waited_ms), (TimerState::Ok, 0));
}

#[test]
fn only_open_time_counts_and_closed_time_pauses() {
    let t = Thresholds::default();
    // A message at 08:50 Berlin (07:50 UTC), read at 09:10 Berlin: 10 open minutes, not 20.
    let at_0910 = WED_10_UTC - 110 * MIN;
    let r = reading(Some(at_0910 - 20 * MIN), at_0910, Some(&office()), t);
    assert_eq!(r.waited_ms, 10 * MIN);
    assert_eq!(r.state, TimerState::Warn);
    // The same message read at 08:59 Berlin, before opening: paused, nothing counted yet.
    let r = reading(
        Some(at_0910 - 20 * MIN),
        at_0910 - 11 * MIN,
        Some(&office()),
        t,
    );
    assert_eq!((r.state, r.waited_ms), (TimerState::Paused, 0));
    // Friday 16:50 → Monday 09:10 Berlin: 10 + 10 open minutes over a weekend, state paused on Saturday.
    let fri_1650 = WED_10_UTC + 2 * 24 * 60 * MIN + (16 * 60 + 50 - 11 * 60) * MIN;
    let sat_noon = fri_1650 + (7 * 60 + 10 + 12 * 60) * MIN;
    let mon_0910 = fri_1650 + (3 * 24 * 60 - 7 * 60 - 40) * MIN;
    let r = reading(Some(fri_1650), sat_noon, Some(&office()), t);
    assert_eq!((r.state, r.waited_ms), (TimerState::Paused, 10 * MIN));
    let r = reading(Some(fri_1650), mon_0910, Some(&office()), t);
    assert_eq!((r.state, r.waited_ms), (TimerState::Late, 20 * MIN));
}

#[test]
fn thresholds_typed_by_a_person_are_checked() {
    assert_eq!(
        Thresholds::from_minutes(10, 30).unwrap(),
        Thresholds {
            warn_ms: 10 * MIN,
            late_ms: 30 * MIN
        }
    );
    assert!(Thresholds::from_minutes(15, 5)
        .unwrap_err()
        .contains("must come before"));
    assert!(Thresholds::from_minutes(0, 5).is_err());
    assert!(Thresholds::from_minutes(5, 5).is_err());
}

#[test]
fn texts_are_short_and_exact_enough() {
    assert_eq!(waited_text(0), "0 s");
    assert_eq!(waited_text(42_000), "42 s");
    assert_eq!(waited_text(4 * MIN + 59_000), "4 min");
    assert_eq!(waited_text(65 * MIN), "1 h 05 min");
    assert_eq!(waited_text(23 * 60 * MIN + 59 * MIN), "23 h 59 min");
    assert_eq!(waited_text(51 * 60 * MIN), "2 d 3 h");
    assert_eq!(waited_text(-5), "0 s");
    let keys: Vec<&str> = [
        TimerState::Ok,
        TimerState::Warn,
        TimerState::Late,
        TimerState::Answered,
        TimerState::Paused,
    ]
    .iter()
    .map(|s| s.key())
    .collect();
    assert_eq!(keys, ["ok", "warn", "late", "answered", "paused"]);
}
