//! Statistics from small hand-made event logs; every expected number is worked out in a comment.

use answerdeck::core::hours::Schedule;
use answerdeck::core::stats::summary::{median, nearest_rank};
use answerdeck::core::stats::{
    meta_estimate, report, summarize, waits, window_left_ms, Dimension, Event, EventKind,
    ReplyWindow, Summary,
};

const SEC: i64 = 1000;
const MIN: i64 = 60 * SEC;
const HOUR: i64 = 60 * MIN;
const DAY: i64 = 24 * HOUR;

/// 2026-01-14T10:00:00Z, a Wednesday.
const T0: i64 = 1_768_384_800_000;

fn event(key: &str, kind: EventKind, at_ms: i64, labels: &[&str]) -> Event {
    let (platform, page) = if key.starts_with("x:") {
        ("x", "@shop")
    } else {
        ("facebook", "Shop")
    };
    Event {
        key: key.into(),
        platform: platform.into(),
        page: page.into(),
        kind,
        at_ms,
        labels: labels.iter().map(|l| l.to_string()).collect(),
    }
}

fn customer(key: &str, at_ms: i64) -> Event {
    event(key, EventKind::CustomerMessage, at_ms, &[])
}

fn answer(key: &str, agent: Option<&str>, at_ms: i64) -> Event {
    event(
        key,
        EventKind::Answer {
            agent: agent.map(str::to_string),
        },
        at_ms,
        &[],
    )
}

fn spam(key: &str, at_ms: i64) -> Event {
    event(key, EventKind::Spam, at_ms, &[])
}

const NOW: i64 = T0 + 2 * HOUR;

/// The shared log:
/// - fb:thread:1: waits of 12 min (Ana; a second customer message at +5 does not restart it; the
///   follow-up answer at +20 is no response) and 4 min (no agent); labels refund + vip.
/// - x:status:9: 30 min (Ben), label refund.
/// - fb:comment:5: marked spam, left out.
/// - fb:thread:2: unanswered for 2 days (overdue). x:dm:3: unanswered for 1 h (pending).
fn log() -> Vec<Event> {
    vec![
        event("fb:thread:1", EventKind::CustomerMessage, T0, &["refund"]),
        customer("fb:thread:1", T0 + 5 * MIN),
        answer("fb:thread:1", Some("Ana"), T0 + 12 * MIN),
        answer("fb:thread:1", Some("Ana"), T0 + 20 * MIN),
        event(
            "fb:thread:1",
            EventKind::CustomerMessage,
            T0 + 60 * MIN,
            &["vip"],
        ),
        answer("fb:thread:1", None, T0 + 64 * MIN),
        event(
            "x:status:9",
            EventKind::CustomerMessage,
            T0 + 10 * MIN,
            &["refund"],
        ),
        answer("x:status:9", Some("Ben"), T0 + 40 * MIN),
        customer("fb:comment:5", T0 + 30 * MIN),
        spam("fb:comment:5", T0 + 31 * MIN),
        customer("fb:thread:2", T0 - 2 * DAY),
        customer("x:dm:3", NOW - HOUR),
    ]
}

#[test]
fn waits_follow_the_rules() {
    let found = waits(&log(), None);
    let summary: Vec<_> = found
        .iter()
        .map(|w| {
            (
                w.key.as_str(),
                w.started_ms - T0,
                w.response_ms,
                w.agent.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            ("fb:thread:1", 0, Some(12 * MIN), Some("Ana")),
            ("fb:thread:1", 60 * MIN, Some(4 * MIN), None),
            ("fb:thread:2", -2 * DAY, None, None),
            ("x:dm:3", NOW - HOUR - T0, None, None),
            ("x:status:9", 10 * MIN, Some(30 * MIN), Some("Ben")),
        ]
    );
    assert_eq!(
        found[0].labels,
        vec!["refund", "vip"],
        "the key's labels, from all its events"
    );
}

#[test]
fn the_headline_numbers() {
    let s = summarize(&waits(&log(), None), NOW);
    // Answered 3 (12, 4, 30 min); open 2, of which 1 older than 24 h.
    // Rate 3 / (3 + 1) = 0.75. Sorted 4, 12, 30: median 12; mean 46/3 min = 15 min 20 s = 920 s;
    // p90 rank ⌈0.9·3⌉ = 3 → 30 min.
    assert_eq!(
        s,
        Summary {
            answered: 3,
            unanswered: 2,
            overdue: 1,
            response_rate: Some(0.75),
            median_ms: Some(12 * MIN),
            mean_ms: Some(920 * SEC),
            p90_ms: Some(30 * MIN),
        }
    );
}

#[test]
fn grouped_by_platform_and_agent() {
    let all = waits(&log(), None);
    let by_platform = report(&all, Dimension::Platform, None, NOW);
    let rows: Vec<_> = by_platform
        .rows
        .iter()
        .map(|r| (r.group.as_str(), &r.summary))
        .collect();
    // facebook: 12 and 4 min answered, thread:2 overdue → rate 2/3; median (4+12)/2 = 8 min,
    // mean 8 min, p90 rank ⌈1.8⌉ = 2 → 12 min.
    assert_eq!(rows[0].0, "facebook");
    assert_eq!(
        (rows[0].1.answered, rows[0].1.unanswered, rows[0].1.overdue),
        (2, 1, 1)
    );
    assert_eq!(rows[0].1.response_rate, Some(2.0 / 3.0));
    assert_eq!(
        (rows[0].1.median_ms, rows[0].1.mean_ms, rows[0].1.p90_ms),
        (Some(8 * MIN), Some(8 * MIN), Some(12 * MIN))
    );
    // x: 30 min answered, dm:3 pending (1 h old) → rate 1/1.
    assert_eq!(rows[1].0, "x");
    assert_eq!(
        (rows[1].1.answered, rows[1].1.unanswered, rows[1].1.overdue),
        (1, 1, 0)
    );
    assert_eq!(rows[1].1.response_rate, Some(1.0));

    let by_agent = report(&all, Dimension::Agent, None, NOW);
    let agents: Vec<_> = by_agent
        .rows
        .iter()
        .map(|r| {
            (
                r.group.as_str(),
                r.summary.answered,
                r.summary.unanswered,
                r.summary.median_ms,
            )
        })
        .collect();
    assert_eq!(
        agents,
        vec![
            ("(unanswered)", 0, 2, None),
            ("(unknown)", 1, 0, Some(4 * MIN)),
            ("Ana", 1, 0, Some(12 * MIN)),
            ("Ben", 1, 0, Some(30 * MIN)),
        ]
    );
}

#[test]
fn grouped_by_label_counts_a_wait_under_each_label() {
    let by_label = report(&waits(&log(), None), Dimension::Label, None, NOW);
    let labels: Vec<_> = by_label
        .rows
        .iter()
        .map(|r| {
            (
                r.group.as_str(),
                r.summary.answered,
                r.summary.overdue,
                r.summary.response_rate,
            )
        })
        .collect();
    // (no label): thread:2 (overdue) and dm:3 (pending) → rate 0/1. refund: thread:1's two waits and
    // status:9 → 3 answered. vip: thread:1's two waits.
    assert_eq!(
        labels,
        vec![
            ("(no label)", 0, 1, Some(0.0)),
            ("refund", 3, 0, Some(1.0)),
            ("vip", 2, 0, Some(1.0))
        ]
    );
}

#[test]
fn grouped_by_local_day_in_the_schedule_zone() {
    // 23:30 UTC on Jan 14 is 00:30 on Jan 15 in Berlin (UTC+1); 22:30 UTC is still Jan 14.
    let events = vec![
        customer("fb:thread:7", T0 + 13 * HOUR + 30 * MIN),
        customer("fb:thread:8", T0 + 12 * HOUR + 30 * MIN),
    ];
    let berlin = Schedule {
        time_zone: "Europe/Berlin".into(),
        ..Schedule::always_open()
    };
    let days = |schedule: Option<&Schedule>| -> Vec<String> {
        report(&waits(&events, schedule), Dimension::Day, schedule, NOW)
            .rows
            .into_iter()
            .map(|r| r.group)
            .collect()
    };
    assert_eq!(days(Some(&berlin)), vec!["2026-01-14", "2026-01-15"]);
    assert_eq!(days(None), vec!["2026-01-14"]);
}

#[test]
fn response_time_counts_only_open_hours_with_a_schedule() {
    // Berlin 09:00–17:00 = 08:00–16:00 UTC in January. Customer at 15:30 UTC (16:30 local), answer
    // next day 08:45 UTC (09:45 local): 30 min + 45 min = 75 min open; 17 h 15 min elapsed.
    let nine_to_five = Schedule {
        time_zone: "Europe/Berlin".into(),
        week: std::array::from_fn(|_| vec![(9 * 60, 17 * 60)]),
        ..Schedule::default()
    };
    let events = vec![
        customer("fb:thread:1", T0 + 5 * HOUR + 30 * MIN),
        answer("fb:thread:1", None, T0 + DAY - HOUR - 15 * MIN),
    ];
    assert_eq!(
        waits(&events, Some(&nine_to_five))[0].response_ms,
        Some(75 * MIN)
    );
    assert_eq!(
        waits(&events, None)[0].response_ms,
        Some(17 * HOUR + 15 * MIN)
    );
}

#[test]
fn csv_has_a_header_and_guards_formula_cells() {
    let csv = report(&waits(&log(), None), Dimension::Page, None, NOW).to_csv();
    // "@shop" sorts before "Shop" and would run as a formula: it gets a leading '.
    // Shop: 2 answered, rate 2/3 = 66.7 %, median 8 min = 480 s, mean 480 s, p90 12 min = 720 s.
    assert_eq!(
        csv,
        "page,answered,unanswered,overdue,response_rate_percent,median_s,mean_s,p90_s\r\n\
         '@shop,1,1,0,100.0,1800,1800,1800\r\n\
         Shop,2,1,1,66.7,480,480,720\r\n"
    );
    let mut labelled = log();
    labelled[0].labels = vec!["=HYPERLINK(\"x\")".into()];
    let csv = report(&waits(&labelled, None), Dimension::Label, None, NOW).to_csv();
    assert!(csv.contains("\r\n\"'=HYPERLINK(\"\"x\"\")\",2,"), "{csv}");
}

#[test]
fn an_empty_log_and_an_all_spam_log_give_no_numbers() {
    let all_spam = vec![
        customer("fb:thread:1", T0),
        spam("fb:thread:1", T0 + MIN),
        spam("x:dm:2", T0),
    ];
    for events in [vec![], all_spam] {
        let found = waits(&events, None);
        assert!(found.is_empty());
        assert_eq!(summarize(&found, NOW), Summary::default());
        let r = report(&found, Dimension::Platform, None, NOW);
        assert!(r.rows.is_empty());
        assert_eq!(
            r.to_csv(),
            "platform,answered,unanswered,overdue,response_rate_percent,median_s,mean_s,p90_s\r\n"
        );
        let estimate = meta_estimate(&events, "Shop", None, NOW);
        assert_eq!(
            (
                estimate.response_rate,
                estimate.response_time_ms,
                estimate.badge
            ),
            (None, None, false)
        );
    }
}

#[test]
fn median_ties_and_percentiles_of_tiny_sets() {
    assert_eq!(median(&[5, 5, 5, 9]), Some(5), "(5+5)/2");
    assert_eq!(median(&[3, 5, 5, 9]), Some(5));
    assert_eq!(median(&[4, 7]), Some(5), "(4+7)/2 = 5.5, rounded down");
    assert_eq!(median(&[]), None);
    assert_eq!(
        nearest_rank(&[42], 90),
        Some(42),
        "one element: it is every percentile"
    );
    assert_eq!(
        nearest_rank(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90),
        Some(9),
        "⌈9⌉ = 9th"
    );
    assert_eq!(
        nearest_rank(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90),
        Some(10),
        "⌈9.9⌉ = 10th"
    );
    assert_eq!(nearest_rank(&[], 90), None);
}

#[test]
fn meta_counts_new_conversations_and_skips_instant_replies_spam_and_other_pages() {
    let now = T0 + 10 * DAY;
    let away_from = now - DAY;
    let schedule = Schedule {
        away: vec![(away_from, away_from + 2 * HOUR)],
        ..Schedule::always_open()
    };
    let mut other_page = customer("fb:thread:o", now - 4 * DAY);
    other_page.page = "Other".into();
    let events = vec![
        // a: answered in 10 min; a message 1 h later is the same conversation (no 24 h silence);
        // 2 days later a new one, answered in 3 min.
        customer("fb:thread:a", now - 5 * DAY),
        answer("fb:thread:a", None, now - 5 * DAY + 10 * MIN),
        customer("fb:thread:a", now - 5 * DAY + HOUR),
        customer("fb:thread:a", now - 3 * DAY),
        answer("fb:thread:a", None, now - 3 * DAY + 3 * MIN),
        // b: an instant reply after 2 s is skipped; the real answer after 20 min counts.
        customer("fb:thread:b", now - 2 * DAY),
        answer("fb:thread:b", None, now - 2 * DAY + 2 * SEC),
        answer("fb:thread:b", Some("Ana"), now - 2 * DAY + 20 * MIN),
        // Left out: spam, X, another Page, a conversation started while away.
        customer("fb:thread:s", now - 4 * DAY),
        spam("fb:thread:s", now - 4 * DAY + MIN),
        customer("x:dm:1", now - 4 * DAY),
        other_page,
        customer("fb:thread:away", away_from + HOUR),
        // c: unanswered for 10 h: pending, not a miss.
        customer("fb:thread:c", now - 10 * HOUR),
    ];
    let e = meta_estimate(&events, "Shop", Some(&schedule), now);
    // Times 3, 10, 20 min; fastest 90 % = ⌈2.7⌉ = 3 → mean 33/3 = 11 min. Rate 3/3.
    assert_eq!((e.answered, e.missed, e.pending), (3, 0, 1));
    assert_eq!(e.response_rate, Some(1.0));
    assert_eq!(e.response_time_ms, Some(11 * MIN));
    assert!(e.badge);
}

#[test]
fn meta_leaves_away_time_out_of_a_response() {
    // Customer 1 h before a 2 h away period, answered 30 min after it: 3 h 30 min − 2 h = 90 min.
    let away_from = T0;
    let schedule = Schedule {
        away: vec![(away_from, away_from + 2 * HOUR)],
        ..Schedule::always_open()
    };
    let events = vec![
        customer("fb:thread:d", away_from - HOUR),
        answer("fb:thread:d", None, away_from + 2 * HOUR + 30 * MIN),
    ];
    let e = meta_estimate(&events, "Shop", Some(&schedule), T0 + DAY);
    assert_eq!(e.response_time_ms, Some(90 * MIN));
    assert!(!e.badge, "90 min > 15 min");
}

/// Conversations `started` days before `now`, each answered after `minutes` (None: never).
fn conversations(now: i64, specs: &[(i64, Option<i64>)]) -> Vec<Event> {
    let mut events = Vec::new();
    for (i, &(days_ago, minutes)) in specs.iter().enumerate() {
        let key = format!("fb:thread:{i}");
        let start = now - days_ago * DAY;
        events.push(customer(&key, start));
        if let Some(minutes) = minutes {
            events.push(answer(&key, None, start + minutes * MIN));
        }
    }
    events
}

#[test]
fn meta_badge_and_forecast() {
    let now = T0 + 40 * DAY;
    // Answered in 1..=9 min and 60 min; the slowest falls outside the fastest 90 % (9 of 10):
    // time = (1+…+9)/9 = 45/9 = 5 min; rate 10/10.
    let mut specs: Vec<(i64, Option<i64>)> = (1..=9).map(|m| (m, Some(m))).collect();
    specs.push((10, Some(60)));
    let e = meta_estimate(&conversations(now, &specs), "Shop", None, now);
    assert_eq!(
        (e.response_rate, e.response_time_ms, e.badge),
        (Some(1.0), Some(5 * MIN), true)
    );
    assert_eq!(
        e.answers_needed_to_keep(0.9, 15 * MIN),
        Some(0),
        "already fine"
    );

    // One miss (3 days old): 10/11 = 90.9 % → still the badge.
    specs.push((3, None));
    let e = meta_estimate(&conversations(now, &specs), "Shop", None, now);
    assert!(e.badge);
    assert_eq!(
        e.answers_needed_to_keep(1.0, 15 * MIN),
        None,
        "100 % is out of reach after a miss"
    );

    // Two misses: 10/12 = 83.3 % → no badge. Next N answered within 15 min:
    // (10+N)/(12+N) ≥ 0.9 ⇔ 10+N ≥ 10.8+0.9N ⇔ N ≥ 8. Then 18 times, fastest ⌈16.2⌉ = 17 kept (the 60
    // drops out): (45 + 8·15)/17 = 165/17 ≈ 9.7 min ≤ 15. So 8.
    specs.push((2, None));
    let e = meta_estimate(&conversations(now, &specs), "Shop", None, now);
    assert_eq!(e.response_rate, Some(10.0 / 12.0));
    assert!(!e.badge);
    assert_eq!(e.answers_needed_to_keep(0.9, 15 * MIN), Some(8));
}

#[test]
fn meta_forecast_for_a_slow_page_and_an_empty_one() {
    let now = T0 + 40 * DAY;
    // Two answers of 60 min: rate 100 %, time 60 min. Adding N answers of 15 min: n = 2+N, the
    // fastest ⌈0.9n⌉ are kept. N=18: n=20, keep 18 = all the 15s → 15 min. N=17: n=19, keep ⌈17.1⌉=18
    // → (17·15+60)/18 = 17.5 min. So 18.
    let e = meta_estimate(
        &conversations(now, &[(1, Some(60)), (2, Some(60))]),
        "Shop",
        None,
        now,
    );
    assert_eq!(e.answers_needed_to_keep(0.9, 15 * MIN), Some(18));
    // No data: the first answer within 15 min makes 1/1 and 15 min.
    let empty = meta_estimate(&[], "Shop", None, now);
    assert_eq!(empty.answers_needed_to_keep(0.9, 15 * MIN), Some(1));
}

#[test]
fn meta_window_is_thirty_days_or_the_last_ten() {
    let now = T0 + 100 * DAY;
    // 11 answered in the last 30 days plus a miss 40 days ago: the miss is outside → rate 11/11.
    let mut specs: Vec<(i64, Option<i64>)> = (1..=11).map(|d| (d, Some(1))).collect();
    specs.push((40, None));
    let e = meta_estimate(&conversations(now, &specs), "Shop", None, now);
    assert_eq!((e.answered, e.missed), (11, 0));
    // 3 in the window (days 1–3) and 8 older (days 31–37 answered, a miss on day 60): fewer than 10
    // in the window → the last 10 by start, which leave the day-60 miss out: 10 answered, 0 missed.
    let mut specs: Vec<(i64, Option<i64>)> = (1..=3).map(|d| (d, Some(1))).collect();
    specs.extend((31..=37).map(|d| (d, Some(1))));
    specs.push((60, None));
    let e = meta_estimate(&conversations(now, &specs), "Shop", None, now);
    assert_eq!((e.answered, e.missed), (10, 0));
    specs.pop();
    specs.push((35, None));
    // The miss moved to day 35: the last 10 are days 1–3, 31–36 and the miss; day 37 drops out.
    let e = meta_estimate(&conversations(now, &specs), "Shop", None, now);
    assert_eq!((e.answered + e.missed, e.missed), (10, 1));
}

#[test]
fn reply_window_countdowns() {
    let now = T0;
    assert_eq!(
        window_left_ms(ReplyWindow::MessengerStandard, now - 23 * HOUR, now),
        HOUR
    );
    assert_eq!(
        window_left_ms(ReplyWindow::MessengerStandard, now - 25 * HOUR, now),
        0
    );
    assert_eq!(
        window_left_ms(ReplyWindow::PrivateReply, now - 6 * DAY, now),
        DAY
    );
    assert_eq!(
        window_left_ms(ReplyWindow::HumanAgent, now - 7 * DAY, now),
        0
    );
    assert_eq!(
        window_left_ms(ReplyWindow::PrivateReply, now + HOUR, now),
        7 * DAY,
        "a future time shows a full window"
    );
}
