//! Response timers: observations to waits and events (`core::timers::ledger`), what a timer is told
//! (`view`), the timer settings, and the next opening-hours change. Times are worked out by hand in comments.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use answerdeck::core::hours::{next_change_ms, Schedule};
use answerdeck::core::page_time::Context;
use answerdeck::core::stats::{waits, EventKind};
use answerdeck::core::timers::{
    observe, timer_view, Observation, Stamp, TimerRecord, TimerSettings,
};

const SEC: i64 = 1000;
const MIN: i64 = 60 * SEC;
const HOUR: i64 = 60 * MIN;
/// Wednesday 2026-02-18 10:00 UTC (11:00 in Berlin).
const NOW: i64 = 1_771_408_800_000;

fn at(now_ms: i64) -> Context {
    Context {
        now_ms,
        utc_offset_minutes: 60,
    }
}

fn stamp(id: &str, at: &str) -> Stamp {
    Stamp {
        id: id.into(),
        at: Some(at.into()),
    }
}

fn waiting(times: Vec<Stamp>, full: bool) -> Observation {
    Observation {
        key: "fb:thread:1".into(),
        platform: "facebook".into(),
        page: "Nordlicht Kaffee".into(),
        name: Some("Jonas Becker".into()),
        waiting: true,
        full,
        times,
        answer: None,
        agent: None,
    }
}

fn answered(answer: Option<Stamp>, agent: Option<&str>) -> Observation {
    Observation {
        waiting: false,
        answer,
        agent: agent.map(str::to_string),
        ..waiting(Vec::new(), false)
    }
}

/// Observations applied in order, each at its own time; the record and every event logged.
fn run(
    steps: &[(i64, Observation)],
) -> (TimerRecord, Vec<(String, answerdeck::core::stats::Event)>) {
    let mut record = None;
    let mut events = Vec::new();
    for (now, seen) in steps {
        let outcome = observe(record.take(), seen, &at(*now));
        events.extend(outcome.events);
        record = Some(outcome.record);
    }
    (record.unwrap(), events)
}

#[test]
fn a_row_saying_4m_counts_from_the_start_of_that_minute_bucket() {
    // "4m" is 4 to 5 minutes ago; the timer counts from the earliest end: 09:55.
    let (record, events) = run(&[(NOW, waiting(vec![stamp("Any news?", "4m")], false))]);
    assert_eq!(record.since_ms, Some(NOW - 5 * MIN));
    assert_eq!(record.waiting_seen_ms, Some(NOW));
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].1.kind, EventKind::CustomerMessage);
    assert_eq!(events[0].1.at_ms, NOW - 5 * MIN);
    assert_eq!(events[0].1.page, "Nordlicht Kaffee");
}

#[test]
fn seeing_the_same_message_again_logs_nothing_and_keeps_the_start() {
    // A minute later the row says "5m": read against the first sighting, the start stays at 09:55.
    let (record, events) = run(&[
        (NOW, waiting(vec![stamp("Any news?", "4m")], false)),
        (NOW + MIN, waiting(vec![stamp("Any news?", "5m")], false)),
        (
            NOW + 2 * MIN,
            waiting(vec![stamp("Any news?", "6m")], false),
        ),
    ]);
    assert_eq!(record.since_ms, Some(NOW - 5 * MIN));
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(record.seen.len(), 1);
}

#[test]
fn exact_times_are_taken_as_they_are() {
    let (record, _) = run(&[(
        NOW,
        waiting(vec![stamp("m1", "2026-02-18T09:47:30.000Z")], true),
    )]);
    assert_eq!(record.since_ms, Some(NOW - 12 * MIN - 30 * SEC));
}

#[test]
fn a_thread_showing_an_older_unanswered_message_moves_the_start_earlier_and_a_row_never_moves_it_later(
) {
    // The row shows the latest message (2 min ago); the thread shows the oldest unanswered one at 10:41
    // local time (UTC+1), 09:41 UTC.
    let (record, events) = run(&[
        (NOW, waiting(vec![stamp("latest", "2m")], false)),
        (
            NOW + SEC,
            waiting(
                vec![stamp("first", "10:41"), stamp("latest", "10:57")],
                true,
            ),
        ),
        (NOW + 2 * MIN, waiting(vec![stamp("latest", "4m")], false)),
    ]);
    assert_eq!(record.since_ms, Some(NOW - 19 * MIN));
    // The reply windows count from the latest message: 09:57 UTC.
    assert_eq!(record.last_customer_ms, Some(NOW - 3 * MIN));
    let starts: Vec<i64> = events.iter().map(|(_, e)| e.at_ms).collect();
    assert!(starts.contains(&(NOW - 19 * MIN)), "{starts:?}");
}

#[test]
fn a_time_the_page_does_not_show_counts_from_the_first_sighting() {
    let (record, _) = run(&[
        (
            NOW,
            waiting(
                vec![Stamp {
                    id: "m".into(),
                    at: None,
                }],
                true,
            ),
        ),
        (
            NOW + 3 * MIN,
            waiting(
                vec![Stamp {
                    id: "m".into(),
                    at: None,
                }],
                true,
            ),
        ),
    ]);
    assert_eq!(record.since_ms, Some(NOW));
    let (record, _) = run(&[(NOW, waiting(Vec::new(), false))]);
    assert_eq!(record.since_ms, Some(NOW), "waiting with no times at all");
}

#[test]
fn an_answer_with_an_exact_time_ends_the_wait_there_and_names_the_agent() {
    let (record, events) = run(&[
        (
            NOW,
            waiting(vec![stamp("m1", "2026-02-18T09:50:00Z")], true),
        ),
        (
            NOW + 5 * MIN,
            answered(Some(stamp("a1", "2026-02-18T10:03:00Z")), Some("Lea")),
        ),
    ]);
    assert_eq!(record.since_ms, None);
    assert_eq!(record.answered_ms, Some(NOW + 3 * MIN));
    let (_, answer) = events.last().unwrap();
    assert_eq!(
        answer.kind,
        EventKind::Answer {
            agent: Some("Lea".into())
        }
    );
    let log: Vec<_> = events.into_iter().map(|(_, e)| e).collect();
    let found = waits(&log, None);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].response_ms, Some(13 * MIN));
}

#[test]
fn an_answer_without_a_time_is_dated_when_seen_and_a_coarse_one_not_before_the_customer_was_last_seen_waiting(
) {
    let (record, _) = run(&[
        (NOW, waiting(vec![stamp("m1", "1m")], false)),
        (NOW + 7 * MIN, answered(None, None)),
    ]);
    assert_eq!(record.answered_ms, Some(NOW + 7 * MIN));
    // "You: … · 1h" seen 10 minutes after the customer was seen waiting: the answer is at most an hour old,
    // but it came after 10:00, when the page still showed the customer waiting.
    let (record, _) = run(&[
        (NOW, waiting(vec![stamp("m1", "1m")], false)),
        (NOW + 10 * MIN, answered(Some(stamp("a", "1h")), None)),
    ]);
    assert_eq!(record.answered_ms, Some(NOW));
}

#[test]
fn a_wait_opened_after_an_answer_starts_after_it() {
    // Answered at 10:05 (seen then); the next message reads "1m" at 10:05:30, i.e. from 10:03:30 — before
    // the answer, which cannot be: it starts just after the answer.
    let (record, events) = run(&[
        (NOW, waiting(vec![stamp("m1", "2m")], false)),
        (NOW + 5 * MIN, answered(None, None)),
        (
            NOW + 5 * MIN + 30 * SEC,
            waiting(vec![stamp("m2", "1m")], false),
        ),
    ]);
    assert_eq!(record.since_ms, Some(NOW + 5 * MIN + 1));
    let log: Vec<_> = events.into_iter().map(|(_, e)| e).collect();
    let found = waits(&log, None);
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].response_ms, Some(8 * MIN));
    assert_eq!(found[1].answered_ms, None);
}

#[test]
fn event_ids_are_what_they_record_so_two_tabs_log_once() {
    let one = observe(
        None,
        &waiting(vec![stamp("m1", "2026-02-18T09:50:00Z")], true),
        &at(NOW),
    );
    let two = observe(
        None,
        &waiting(vec![stamp("m1", "2026-02-18T09:50:00Z")], true),
        &at(NOW + SEC),
    );
    assert_eq!(one.events[0].0, two.events[0].0);
}

#[test]
fn an_answered_key_never_seen_waiting_logs_nothing() {
    let (record, events) = run(&[(NOW, answered(Some(stamp("a", "3m")), None))]);
    assert!(events.is_empty());
    assert_eq!(record.since_ms, None);
}

#[test]
fn first_sightings_are_bounded() {
    let mut record = None;
    for i in 0..200 {
        let seen = waiting(
            vec![Stamp {
                id: format!("m{i}"),
                at: None,
            }],
            false,
        );
        record = Some(observe(record, &seen, &at(NOW + i * SEC)).record);
    }
    let record = record.unwrap();
    assert_eq!(record.seen.len(), 64);
    assert_eq!(record.seen.last().unwrap().0, "m199");
    assert_eq!(record.since_ms, Some(NOW));
}

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
        ..Schedule::default()
    }
}

#[test]
fn the_view_counts_open_time_and_says_when_to_ask_again() {
    let record = TimerRecord {
        key: "k".into(),
        since_ms: Some(NOW - 3 * HOUR), // 08:00 Berlin: an hour before opening
        ..TimerRecord::default()
    };
    let view = timer_view(&record, Some(&office()), NOW, false);
    assert_eq!(view.counted_ms, 2 * HOUR);
    assert!(view.open);
    assert_eq!(
        view.until_ms,
        Some(NOW + 6 * HOUR),
        "closes at 17:00 Berlin"
    );
    let evening = timer_view(&record, Some(&office()), NOW + 7 * HOUR, false);
    assert!(!evening.open);
    assert_eq!(evening.counted_ms, 8 * HOUR);
    assert_eq!(
        evening.until_ms,
        Some(NOW + 22 * HOUR),
        "opens again at 09:00 Thursday"
    );
    let always = timer_view(&record, None, NOW, false);
    assert_eq!(
        (always.counted_ms, always.open, always.until_ms),
        (3 * HOUR, true, None)
    );
    let spam = timer_view(&record, None, NOW, true);
    assert_eq!((spam.since_ms, spam.counted_ms), (None, 0));
}

#[test]
fn touching_open_stretches_are_one() {
    let mut s = Schedule::always_open();
    s.time_zone = "Europe/Copenhagen".into();
    assert_eq!(next_change_ms(&s, NOW), None);
    s.week[2] = vec![(8 * 60, 1440)]; // Wednesday from 08:00 to midnight, Thursday all day
    s.week[4] = vec![(0, 12 * 60)]; // Friday until noon
                                    // Friday 2026-02-20 12:00 Copenhagen = 11:00 UTC.
    assert_eq!(next_change_ms(&s, NOW), Some(NOW + 2 * 24 * HOUR + HOUR));
}

#[test]
fn settings_pick_a_pages_own_hours_else_the_shared_ones() {
    let mut settings = TimerSettings::default();
    assert!(settings.schedule_for("Nordlicht").is_none());
    settings.hours.push(answerdeck::core::timers::PageHours {
        page: String::new(),
        schedule: office(),
    });
    settings.hours.push(answerdeck::core::timers::PageHours {
        page: "@nordlicht_x".into(),
        schedule: Schedule::always_open(),
    });
    assert_eq!(settings.schedule_for("Nordlicht"), Some(&office()));
    assert_eq!(
        settings.schedule_for("@NORDLICHT_X"),
        Some(&Schedule::always_open())
    );
    assert!(settings.validate().is_ok());
    settings.warn_minutes = 20;
    assert!(settings.validate().unwrap_err().contains("before"));
    settings.warn_minutes = 5;
    settings.hours[1].page = "@nordlicht_X".into();
    settings.hours.push(answerdeck::core::timers::PageHours {
        page: "@Nordlicht_x".into(),
        schedule: office(),
    });
    assert!(settings.validate().unwrap_err().contains("twice"));
}

#[test]
fn away_lasts_at_most_what_is_left_of_meta_s_twelve_hours() {
    let mut settings = TimerSettings::default();
    // 10:00 UTC on: 12 h, to 22:00 UTC (11:00 → 23:00 in UTC, the new hours' zone).
    settings.set_away("Nordlicht", true, NOW).unwrap();
    assert!(settings.is_away("nordlicht", NOW + HOUR));
    assert_eq!(
        settings.hours[0].schedule.away,
        vec![(NOW, NOW + 12 * HOUR)]
    );
    settings
        .set_away("Nordlicht", false, NOW + 2 * HOUR)
        .unwrap();
    assert!(!settings.is_away("Nordlicht", NOW + 3 * HOUR));
    // 2 h used today. On again at 16:00 UTC: 16:00–04:00 is 8 h today (10 in all) and 4 h tomorrow, both
    // within 12 h, so the full 12 h are granted.
    settings
        .set_away("Nordlicht", true, NOW + 6 * HOUR)
        .unwrap();
    assert_eq!(
        settings.hours[0].schedule.away[1],
        (NOW + 6 * HOUR, NOW + 18 * HOUR)
    );
    settings
        .set_away("Nordlicht", false, NOW + 7 * HOUR)
        .unwrap();
    // 3 h used today. On at 20:00 UTC: 4 h today (7 in all) and 8 h tomorrow: 12 h again.
    settings
        .set_away("Nordlicht", true, NOW + 10 * HOUR)
        .unwrap();
    assert_eq!(
        settings.hours[0].schedule.away[2].1 - settings.hours[0].schedule.away[2].0,
        12 * HOUR
    );
    let mut full = TimerSettings::default();
    full.set_away("P", true, NOW - 10 * HOUR).unwrap(); // 00:00 → 12:00 UTC
    full.set_away("P", false, NOW + HOUR).unwrap(); // 11 h used
    full.set_away("P", true, NOW + 90 * MIN).unwrap(); // 11:30: only 1 h left today
    let last = *full.hours[0].schedule.away.last().unwrap();
    assert_eq!(last.1 - last.0, HOUR);
}

#[test]
fn a_new_message_dated_by_an_old_separator_starts_after_the_page_last_showed_the_answer() {
    // Seen answered at 10:00 and 10:04 (never waiting); at 10:10 a new message appears under the separator of an
    // hour ago ("10:00" local = 09:00 UTC): it was not on the page at 10:04, so it starts then at the earliest.
    let (record, events) = run(&[
        (NOW, answered(Some(stamp("a", "10:00")), None)),
        (NOW + 4 * MIN, answered(Some(stamp("a", "10:00")), None)),
        (NOW + 10 * MIN, waiting(vec![stamp("new", "10:00")], true)),
    ]);
    assert_eq!(record.since_ms, Some(NOW + 4 * MIN));
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].1.at_ms, NOW + 4 * MIN);
}

#[test]
fn a_coarser_reading_of_the_same_new_message_never_starts_it_before_the_answer_was_last_seen() {
    // The row ("now") and the thread (a separator of this minute) report the same new message one after the
    // other: neither may start the wait before 10:00:30, when the page still showed the Page's answer last.
    let (record, _) = run(&[
        (NOW + 30 * SEC, answered(None, None)),
        (NOW + 40 * SEC, waiting(vec![stamp("new", "now")], false)),
        (NOW + 41 * SEC, waiting(vec![stamp("new", "11:00")], true)),
    ]);
    assert_eq!(record.since_ms, Some(NOW + 30 * SEC));
}
