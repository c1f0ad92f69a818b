//! Any text as an espanso YAML match file: imported or refused with the place and reason; never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = answerdeck::core::exchange::espanso::parse(text, |_| false);
});
