//! The pure core: no web APIs (a test in `tests/core_is_pure.rs` keeps them out).
