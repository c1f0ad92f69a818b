//! Search and suggestions over 30,000 synthetic replies: building the index, one query per keystroke
//! while typing "order status", misspelled queries, and the suggestions for a customer's message.

use std::time::Duration;

use answerdeck::core::reply::Reply;
use answerdeck::core::search::Index;
use answerdeck::core::suggest::{suggest, Customer};
use answerdeck::core::usage::{Usage, UsageMap, DAY_MS};
use criterion::{BenchmarkId, Criterion, SamplingMode};

use crate::synthetic::{synthetic_library, Rng};

const REPLIES: usize = 30_000;
/// What the picker shows (src/ui/picker.rs).
const SHOWN: usize = 50;
const NOW_MS: f64 = 1_790_000_000_000.0;

pub fn benches(c: &mut Criterion) {
    let replies = synthetic_library(REPLIES);
    build(c, &replies);
    let index = Index::new(&replies);
    keystrokes(c, &index);
    typos(c, &index);
    suggestions(c, &index, &replies);
}

fn build(c: &mut Criterion, replies: &[Reply]) {
    let mut group = c.benchmark_group("search");
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    // About a second an iteration on a busy 2-core machine: ten iterations are all there is time for.
    group.measurement_time(Duration::from_secs(6));
    group.bench_function("index build 30k", |b| b.iter(|| Index::new(replies)));
    group.finish();
}

/// One query per keystroke while typing "order status". As in the picker, a multi-word query reuses
/// the ranks of the words before the one being typed (the index remembers recent tokens), so this is
/// the typing cost; queries from scratch are in tests/core_search_bench.rs.
fn keystrokes(c: &mut Criterion, index: &Index) {
    let mut group = c.benchmark_group("search/keystroke");
    group.sample_size(50);
    for query in [
        "o",
        "or",
        "ord",
        "order",
        "order s",
        "order st",
        "order stat",
        "order status",
    ] {
        group.bench_with_input(BenchmarkId::from_parameter(query), query, |b, query| {
            b.iter(|| index.search(query, SHOWN))
        });
    }
    group.finish();
}

/// Misspelled words (one edit, two for "delivrey" counted from "delivery"), alone and after a correct
/// word: these take the typo-tolerant walk when fewer than a pickerful match exactly.
fn typos(c: &mut Criterion, index: &Index) {
    let mut group = c.benchmark_group("search/typo");
    group.sample_size(50);
    for query in ["oredr", "shiping", "delivrey", "pasword", "order shiping"] {
        group.bench_with_input(BenchmarkId::from_parameter(query), query, |b, query| {
            b.iter(|| index.search(query, SHOWN))
        });
    }
    group.finish();
}

/// What the picker shows first when it opens on a conversation: a short customer message in plain
/// words, and a long one mixing the library's words with order numbers, other languages and emoji.
fn suggestions(c: &mut Criterion, index: &Index, replies: &[Reply]) {
    let mut usage = UsageMap::new();
    for (n, reply) in replies.iter().enumerate().step_by(7) {
        let used = Usage {
            count: 1 + (n % 40) as u32,
            last_used_ms: NOW_MS - (n % 90) as f64 * DAY_MS,
        };
        usage.insert(reply.id.clone(), used);
    }
    let short = "Hi, where is my order? Still no delivery after a week, please help";
    let long = customer_message(replies, 120);
    let mut group = c.benchmark_group("search/suggest");
    group.sample_size(20);
    group.sampling_mode(SamplingMode::Flat);
    for (label, text) in [
        ("short message", short),
        ("long message (120 words)", &long),
    ] {
        let customer = Customer {
            text,
            language: Some("en"),
        };
        group.bench_function(label, |b| {
            b.iter(|| suggest(index, replies, &usage, &customer, NOW_MS, SHOWN))
        });
    }
    group.finish();
}

/// `words` words, most from the library's bodies (common ones more often), some it does not have.
fn customer_message(replies: &[Reply], words: usize) -> String {
    const OWN_WORDS: &[&str] = &[
        "hey",
        "asap",
        "still",
        "nothing",
        "yesterday",
        "why",
        "thx",
        "bitte",
        "noch",
        "hjælp",
        "😡",
        "🙏",
        "!!",
        "??",
    ];
    let mut rng = Rng(0xC0FF_EE00);
    let mut text = String::new();
    for n in 0..words {
        if n > 0 {
            text.push(' ');
        }
        match rng.below(10) {
            0 | 1 => text.push_str(OWN_WORDS[rng.below(OWN_WORDS.len())]),
            2 => text.push_str(&format!("#{}", 10_000 + rng.below(90_000))),
            _ => {
                let body: Vec<&str> = replies[rng.skewed(replies.len())]
                    .body
                    .split_whitespace()
                    .collect();
                text.push_str(body[rng.below(body.len())]);
            }
        }
    }
    text
}
