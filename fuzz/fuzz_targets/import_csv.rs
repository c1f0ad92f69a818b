//! Any text as a CSV library: imported or refused with the row and reason; never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = answerdeck::core::exchange::csv::parse(text, |_| false);
});
