//! Response timers: the page-time parser on the labels Facebook and X show, and the ledger turning
//! what the content scripts report about 300 conversations into waits and events.

use answerdeck::core::page_time::{self, Context};
use answerdeck::core::timers::{observe, Observation, Stamp, TimerRecord};
use criterion::{BatchSize, BenchmarkId, Criterion};

const MIN: i64 = 60_000;
/// Wednesday 18 February 2026, 15:30 in Copenhagen/Berlin (UTC+1).
const NOW: Context = Context {
    now_ms: 1_771_425_000_000,
    utc_offset_minutes: 60,
};
const CONVERSATIONS: usize = 300;

/// Labels as pages show them: relative buckets, day labels with a clock (English, German, Danish),
/// a weekday tooltip and X's machine-readable attribute.
const LABELS: &[&str] = &[
    "4m",
    "Yesterday 16:05",
    "vor 3 Std.",
    "I går 08:12",
    "Monday, 16 February 2026 at 14:02",
    "2026-02-18T09:47:30.000Z",
];

pub fn benches(c: &mut Criterion) {
    parse(c);
    ledger(c);
}

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("page_time");
    for &label in LABELS {
        assert!(
            page_time::parse(label, &NOW).is_some(),
            "{label:?} must read as a time"
        );
        group.bench_with_input(BenchmarkId::from_parameter(label), label, |b, label| {
            b.iter(|| page_time::parse(label, &NOW))
        });
    }
    group.finish();
}

/// A poll over 300 conversations: every one seen for the first time, then the same ones a minute
/// later, when a third have been answered and the rest still wait (their labels a minute older).
fn ledger(c: &mut Criterion) {
    let later = Context {
        now_ms: NOW.now_ms + MIN,
        ..NOW
    };
    let first: Vec<Observation> = (0..CONVERSATIONS).map(|n| waiting(n, 0)).collect();
    let again: Vec<Observation> = (0..CONVERSATIONS)
        .map(|n| {
            if n % 3 == 0 {
                answered(n)
            } else {
                waiting(n, 1)
            }
        })
        .collect();
    let records: Vec<TimerRecord> = first
        .iter()
        .map(|seen| observe(None, seen, &NOW).record)
        .collect();

    let mut group = c.benchmark_group("timers/observe");
    group.sample_size(50);
    group.bench_function("300 conversations, first seen", |b| {
        b.iter(|| {
            first
                .iter()
                .map(|seen| observe(None, seen, &NOW).events.len())
                .sum::<usize>()
        })
    });
    group.bench_function("300 conversations, a minute later", |b| {
        b.iter_batched(
            || records.clone(),
            |records| {
                records
                    .into_iter()
                    .zip(&again)
                    .map(|(record, seen)| observe(Some(record), seen, &later).events.len())
                    .sum::<usize>()
            },
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

/// Conversation `n` waiting, `minutes_later` after the first poll: a list row on Facebook showing a
/// relative label, or an open thread on X with up to three messages and their exact times.
fn waiting(n: usize, minutes_later: i64) -> Observation {
    let age = (n % 50) as i64 + minutes_later;
    let times = if n % 2 == 0 {
        vec![Stamp {
            id: format!("m{n}-last"),
            at: Some(match n % 4 {
                0 => format!("{age}m"),
                _ => format!("vor {} Std.", 1 + n % 5),
            }),
        }]
    } else {
        (0..1 + n % 3)
            .map(|m| Stamp {
                id: format!("m{n}-{m}"),
                at: Some(match m {
                    0 => "Yesterday 16:05".to_string(),
                    1 => "I går 08:12".to_string(),
                    _ => "2026-02-18T09:47:30.000Z".to_string(),
                }),
            })
            .collect()
    };
    Observation {
        key: format!("fb:thread:{n}"),
        platform: if n % 2 == 0 { "facebook" } else { "x" }.into(),
        page: "Nordlicht Kaffee".into(),
        name: Some(format!("Customer {n}")),
        waiting: true,
        full: n % 2 == 1,
        times,
        answer: None,
        agent: None,
    }
}

fn answered(n: usize) -> Observation {
    Observation {
        waiting: false,
        times: Vec::new(),
        answer: Some(Stamp {
            id: format!("a{n}"),
            at: Some("1m".into()),
        }),
        agent: Some("Sam".into()),
        ..waiting(n, 1)
    }
}
