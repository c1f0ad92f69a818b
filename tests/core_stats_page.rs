//! The statistics page's helpers: per-Page schedules, the period, countdowns, text and chart scales.

use std::collections::BTreeSet;

use answerdeck::core::hours::Schedule;
use answerdeck::core::stats::chart::{bar_height, duration_ceiling, nice_ceiling};
use answerdeck::core::stats::countdown::{countdowns, window_for};
use answerdeck::core::stats::format::{duration, forecast, left, maybe_duration, percent};
use answerdeck::core::stats::period::{facebook_pages, in_period, spam_keys, waits_by_page};
use answerdeck::core::stats::{meta_estimate, Event, EventKind, ReplyWindow};
use answerdeck::core::timers::TimerRecord;

const SEC: i64 = 1000;
const MIN: i64 = 60 * SEC;
const HOUR: i64 = 60 * MIN;
const DAY: i64 = 24 * HOUR;
/// 2026-01-14T10:00:00Z, a Wednesday.
const T0: i64 = 1_768_384_800_000;

fn ev(key: &str, page: &str, kind: EventKind, at_ms: i64) -> Event {
    Event {
        key: key.into(),
        platform: if key.starts_with("x:") {
            "x"
        } else {
            "facebook"
        }
        .into(),
        page: page.into(),
        kind,
        at_ms,
        labels: vec![],
    }
}

fn answer() -> EventKind {
    EventKind::Answer { agent: None }
}

/// Open 10:00–11:00 UTC every day.
fn short_hours() -> Schedule {
    Schedule {
        time_zone: "UTC".into(),
        week: std::array::from_fn(|_| vec![(600, 660)]),
        ..Schedule::default()
    }
}

#[test]
fn each_page_is_counted_with_its_own_hours() {
    // Both customers wait 10:00 → 12:00. Shop has 10:00–11:00 hours (60 min open), Cafe none (120 min).
    let events = vec![
        ev("fb:thread:1", "Shop", EventKind::CustomerMessage, T0),
        ev("fb:thread:1", "Shop", answer(), T0 + 2 * HOUR),
        ev("fb:thread:2", "Cafe", EventKind::CustomerMessage, T0),
        ev("fb:thread:2", "Cafe", answer(), T0 + 2 * HOUR),
    ];
    let shop = short_hours();
    let waits = waits_by_page(&events, |page| (page == "Shop").then_some(&shop));
    let times: Vec<_> = waits
        .iter()
        .map(|w| (w.key.as_str(), w.response_ms))
        .collect();
    assert_eq!(
        times,
        vec![
            ("fb:thread:1", Some(60 * MIN)),
            ("fb:thread:2", Some(120 * MIN))
        ]
    );
}

#[test]
fn the_period_is_the_last_n_days_by_start() {
    let events: Vec<Event> = [0, 6, 7, 8, 29, 31]
        .iter()
        .map(|d| {
            ev(
                &format!("fb:thread:{d}"),
                "Shop",
                EventKind::CustomerMessage,
                T0 - d * DAY,
            )
        })
        .collect();
    let waits = waits_by_page(&events, |_| None);
    let keys = |days| -> Vec<String> {
        in_period(&waits, T0, days)
            .into_iter()
            .map(|w| w.key)
            .collect()
    };
    // Exactly 7 days ago is out; now is in.
    assert_eq!(keys(7), vec!["fb:thread:0", "fb:thread:6"]);
    assert_eq!(keys(30).len(), 5);
    assert_eq!(keys(90).len(), 6);
    // A wait in the future (a skewed clock) is not in any period.
    let later = waits_by_page(
        &[ev(
            "fb:thread:f",
            "Shop",
            EventKind::CustomerMessage,
            T0 + MIN,
        )],
        |_| None,
    );
    assert!(in_period(&later, T0, 7).is_empty());
}

#[test]
fn spam_keys_and_facebook_pages() {
    let events = vec![
        ev("fb:thread:1", "Shop", EventKind::CustomerMessage, T0),
        ev("fb:thread:2", "Cafe", EventKind::Spam, T0),
        ev("x:dm:1-2", "@shop", EventKind::CustomerMessage, T0),
    ];
    assert_eq!(
        spam_keys(&events),
        BTreeSet::from(["fb:thread:2".to_string()])
    );
    assert_eq!(facebook_pages(&events), vec!["Cafe", "Shop"]);
}

fn record(key: &str, since: Option<i64>, last_customer: Option<i64>) -> TimerRecord {
    TimerRecord {
        key: key.into(),
        page: "Shop".into(),
        name: Some(format!("Name {key}")),
        since_ms: since,
        last_customer_ms: last_customer,
        ..TimerRecord::default()
    }
}

#[test]
fn countdowns_soonest_first() {
    assert_eq!(
        window_for("fb:thread:1"),
        Some(ReplyWindow::MessengerStandard)
    );
    assert_eq!(
        window_for("fb:e2ee:1"),
        Some(ReplyWindow::MessengerStandard)
    );
    assert_eq!(
        window_for("fb:inbox:1"),
        Some(ReplyWindow::MessengerStandard)
    );
    assert_eq!(window_for("fb:comment:1"), Some(ReplyWindow::PrivateReply));
    assert_eq!(window_for("x:dm:1-2"), None);
    let records = vec![
        // Waiting since 2 h, last message 1 h ago: 23 h left.
        record("fb:thread:1", Some(T0 - 2 * HOUR), Some(T0 - HOUR)),
        // A comment from 6 days ago: 1 day left.
        record("fb:comment:9", Some(T0 - 6 * DAY), Some(T0 - 6 * DAY)),
        // Answered: no countdown.
        record("fb:thread:2", None, Some(T0 - HOUR)),
        // Spam: left out.
        record("fb:thread:3", Some(T0 - HOUR), Some(T0 - HOUR)),
        // X has no window.
        record("x:dm:1-2", Some(T0 - HOUR), Some(T0 - HOUR)),
        // No last message known: counted from the wait, already closed.
        record("fb:e2ee:4", Some(T0 - 2 * DAY), None),
    ];
    let spam = BTreeSet::from(["fb:thread:3".to_string()]);
    let found: Vec<_> = countdowns(&records, &spam, T0)
        .into_iter()
        .map(|c| (c.key, c.window, c.left_ms))
        .collect();
    assert_eq!(
        found,
        vec![
            ("fb:e2ee:4".to_string(), ReplyWindow::MessengerStandard, 0),
            (
                "fb:thread:1".to_string(),
                ReplyWindow::MessengerStandard,
                23 * HOUR
            ),
            ("fb:comment:9".to_string(), ReplyWindow::PrivateReply, DAY),
        ]
    );
}

#[test]
fn numbers_as_text() {
    assert_eq!(duration(0), "0 s");
    assert_eq!(duration(44_600), "45 s");
    assert_eq!(duration(4 * MIN), "4 min");
    assert_eq!(duration(4 * MIN + 30 * SEC), "4 min 30 s");
    assert_eq!(duration(HOUR + 5 * MIN), "1 h 05 min");
    assert_eq!(duration(2 * DAY + 3 * HOUR + 10 * MIN), "2 d 3 h");
    assert_eq!(maybe_duration(None), "—");
    assert_eq!(percent(Some(0.75)), "75.0 %");
    assert_eq!(percent(Some(2.0 / 3.0)), "66.7 %");
    assert_eq!(percent(None), "—");
    assert_eq!(left(23 * HOUR + 59 * MIN + 59 * SEC), "23 h 59 min left");
    assert_eq!(left(6 * DAY + 23 * HOUR + 30 * MIN), "6 d 23 h left");
    assert_eq!(left(45 * MIN + 59 * SEC), "45 min left");
    assert_eq!(left(30 * SEC), "less than a minute left");
    assert_eq!(left(0), "closed");
}

/// `n` Facebook conversations a day apart, each answered after `answer_min` minutes (`None`: never).
fn conversations(answers: &[Option<i64>]) -> Vec<Event> {
    let mut events = Vec::new();
    for (i, answer_min) in answers.iter().enumerate() {
        let key = format!("fb:thread:{i}");
        let start = T0 - (answers.len() - i) as i64 * 2 * DAY;
        events.push(ev(&key, "Shop", EventKind::CustomerMessage, start));
        if let Some(min) = answer_min {
            events.push(ev(&key, "Shop", answer(), start + min * MIN));
        }
    }
    events
}

#[test]
fn forecast_sentences() {
    // 10 answered within 10 min: the badge holds.
    let good = meta_estimate(&conversations(&[Some(10); 10]), "Shop", None, T0);
    assert!(good.badge);
    assert_eq!(
        forecast(&good),
        "Answer every new conversation within 15 min to stay at 90 %."
    );
    // 7 answered, 3 missed: 70 %. With n more answered, (7+n)/(10+n) ≥ 0.9 → n ≥ 20.
    let mut answers = vec![Some(10); 7];
    answers.extend([None; 3]);
    let low = meta_estimate(&conversations(&answers), "Shop", None, T0);
    assert_eq!(low.response_rate, Some(0.7));
    assert_eq!(
        forecast(&low),
        "Answer the next 20 within 15 min to reach 90 %."
    );
    let empty = meta_estimate(&[], "Shop", None, T0);
    assert_eq!(
        forecast(&empty),
        "No answered or missed conversations yet: answer within 15 min to reach 90 %."
    );
}

#[test]
fn chart_scales() {
    assert_eq!(nice_ceiling(0.0), 1.0);
    assert_eq!(nice_ceiling(3.0), 5.0);
    assert_eq!(nice_ceiling(7.0), 10.0);
    assert_eq!(nice_ceiling(10.0), 10.0);
    assert_eq!(nice_ceiling(11.0), 20.0);
    assert_eq!(nice_ceiling(23.0), 25.0);
    assert_eq!(duration_ceiling(0), MIN);
    assert_eq!(duration_ceiling(4 * MIN + 30 * SEC), 5 * MIN);
    assert_eq!(duration_ceiling(16 * MIN), 20 * MIN);
    assert_eq!(duration_ceiling(90 * MIN), 2 * HOUR);
    assert_eq!(duration_ceiling(3 * HOUR), 5 * HOUR);
    assert_eq!(bar_height(0.0, 10.0, 100.0), 0.0);
    assert_eq!(bar_height(5.0, 10.0, 100.0), 50.0);
    assert_eq!(bar_height(0.001, 10.0, 100.0), 1.0);
    assert_eq!(bar_height(20.0, 10.0, 100.0), 100.0);
}

#[test]
fn conversations_whose_page_names_no_page_still_count_for_meta_and_have_a_group_name() {
    use answerdeck::core::stats::period::page_label;
    use answerdeck::core::stats::{report, waits, Dimension};
    let log = vec![
        ev("fb:thread:1", "", EventKind::CustomerMessage, 0),
        ev("fb:thread:1", "", EventKind::Answer { agent: None }, 60_000),
    ];
    assert_eq!(facebook_pages(&log), vec![String::new()]);
    assert_eq!(page_label(""), "Your Page (not named on the page)");
    let rows = report(&waits(&log, None), Dimension::Page, None, 120_000).rows;
    assert_eq!(rows[0].group, "(not named on the page)");
    assert_eq!(meta_estimate(&log, "", None, 120_000).answered, 1);
}
