//! `dom::pacer`: the wait after a run grows with what the run cost, counting the slices its scan went on with
//! in later tasks; the first run never waits.
use answerdeck::dom::pacer::Pacer;
use answerdeck::dom::{slice, timing};
use wasm_bindgen_test::wasm_bindgen_test;

fn busy(ms: f64) {
    let until = timing::now() + ms;
    while timing::now() < until {}
}

#[wasm_bindgen_test]
fn a_scans_later_slices_count_toward_its_pacing() {
    let pacer = Pacer::with_floor(100.0);
    assert_eq!(pacer.delay_ms(), 0, "the first run never waits");

    pacer.run(&|| {});
    let after_a_cheap_run = pacer.delay_ms();
    assert!(
        (50..=100).contains(&after_a_cheap_run),
        "a cheap run waits the floor: {after_a_cheap_run} ms"
    );

    // The same run goes on in three later slices of 10 ms: 30 ms of work, so 20 × 30 ms before the next.
    for _ in 0..3 {
        slice::run(&|| busy(10.0));
    }
    let after_slices = pacer.delay_ms();
    assert!(
        (450..=1000).contains(&after_slices),
        "the later slices count: {after_slices} ms"
    );
}

#[wasm_bindgen_test]
fn secondary_work_waits_twice_as_long_for_its_cost() {
    let pacer = Pacer::secondary();
    pacer.run(&|| busy(20.0));
    let after = pacer.delay_ms();
    assert!(
        (700..=1000).contains(&after),
        "40 × 20 ms, not 20 ×: {after} ms"
    );
}
