//! Any text as a reply template: parsed, checked and rendered, or refused with a message; never a panic.
#![no_main]
use answerdeck::core::template::{check, parse, render_str, unknown_variables, Context};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = check(text);
    let _ = unknown_variables(text);
    if parse(text).is_ok() {
        let _ = render_str(text, &Context::default());
    }
});
