//! Work cut into slices short enough never to make a long task (> 50 ms). A 400-thread post has over a
//! thousand comments to read and several thousand hosts to mount; done in one go that is a task of a tenth of a
//! second, the page freezes, and the first control shows only when the last one does. Loops that can stop
//! anywhere (reading comments, mounting hosts) ask [`out_of_time`] before each unit; the scan that set the slice
//! goes on in a later task, from where the page then is.
use std::cell::Cell;

/// How long one slice may run, ms.
pub const SLICE_MS: f64 = 12.0;

thread_local! {
    /// When the running slice ends (infinite outside one: work that must see everything never stops early).
    static DEADLINE: Cell<f64> = const { Cell::new(f64::INFINITY) };
    static RAN_OUT: Cell<bool> = const { Cell::new(false) };
    /// All slices' time so far and when the latest one ended (page clock, ms): what scans cost, continuations
    /// included, for [`super::pacer::Pacer`].
    static SPENT: Cell<(f64, f64)> = const { Cell::new((0.0, f64::NEG_INFINITY)) };
}

/// How long the slices of a page's first scan may run, ms, until its first control shows: the page paints
/// that control at the end of the slice's task.
pub const FIRST_SLICE_MS: f64 = 4.0;

/// Runs `work` as one slice; `false` when it stopped early and should be run again in a later task.
pub fn run(work: &dyn Fn()) -> bool {
    run_for(SLICE_MS, work)
}

/// [`run`], with a slice of `ms`.
pub fn run_for(ms: f64, work: &dyn Fn()) -> bool {
    let started = super::timing::now();
    let outer = DEADLINE.with(|d| d.replace(started + ms));
    RAN_OUT.with(|r| r.set(false));
    work();
    DEADLINE.with(|d| d.set(outer));
    if outer.is_infinite() {
        let ended = super::timing::now();
        SPENT.with(|s| s.set((s.get().0 + ended - started, ended)));
    }
    !RAN_OUT.with(Cell::get)
}

/// Whether the running slice is over (always `false` outside one). Loops stop at the next unit when it is.
pub fn out_of_time() -> bool {
    let deadline = DEADLINE.with(Cell::get);
    if deadline.is_finite() && super::timing::now() > deadline {
        RAN_OUT.with(|r| r.set(true));
        return true;
    }
    false
}

/// Whether a slice is running: a scan, which may share what it reads with the other scans
/// ([`super::query_cache`]).
pub fn running() -> bool {
    DEADLINE.with(Cell::get).is_finite()
}

/// The time all slices took so far, and when the latest ended (page clock, ms).
pub fn spent() -> (f64, f64) {
    SPENT.with(Cell::get)
}
