//! Any text as a time a page shows, at any instant and UTC offset: an interval not after now, or `None`.
#![no_main]
use answerdeck::core::page_time::{parse, Context};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (i64, i16, &str)| {
    let (now_ms, offset, text) = input;
    // Instants a browser can have (jiff's range is wider), offsets within ±18 h.
    let ctx = Context {
        now_ms: now_ms.rem_euclid(8_000_000_000_000),
        utc_offset_minutes: i32::from(offset) % (18 * 60),
    };
    if let Some(seen) = parse(text, &ctx) {
        assert!(seen.earliest_ms <= seen.latest_ms && seen.latest_ms <= ctx.now_ms);
    }
});
