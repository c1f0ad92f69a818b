//! Criterion figures for the pure core (design.md §6: search ≤ 2 ms p95 per query with 30,000
//! replies). Figures, not pass/fail:
//!
//! ```sh
//! cargo bench --bench core              # everything, 2–3 minutes after compiling
//! cargo bench --bench core -- search/   # one group (criterion's name filter)
//! ```
//!
//! Built with the bench profile (release settings: opt-level "z", LTO), like the shipped wasm. The
//! percentile report over thousands of typed queries is `tests/core_search_bench.rs`; both use the
//! synthetic library of `benches/support/synthetic.rs`.
//!
//! - [`search`]: index build, keystrokes, typos and suggestions over 30,000 replies
//! - [`template`]: parsing and rendering replies with variables, fallbacks and fields
//! - [`import`]: data format v1 JSON and CSV with 30,000 replies, espanso YAML with 1,000 matches
//! - [`timers`]: the page-time parser and the response timers' ledger

#[path = "../support/synthetic.rs"]
mod synthetic;

mod import;
mod search;
mod template;
mod timers;

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};

/// Short runs: the whole suite stays within a few minutes on a shared 2-core machine. Slow groups
/// (index build, imports) lower their sample count themselves.
fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! {
    name = core;
    config = config();
    targets = search::benches, template::benches, import::benches, timers::benches
}
criterion_main!(core);
