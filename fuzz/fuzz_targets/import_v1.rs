//! Any text as a data format v1 file: imported or refused whole with a message; never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = answerdeck::core::exchange::parse_v1(text);
});
