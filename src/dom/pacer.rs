//! Spaces out work that the page's changes ask for. After a run that cost `c` ms the next one waits `20 c` (at
//! least a frame, at most a second), so on a page that never stops changing, a rescan of a long list takes about
//! 5 % of the main thread instead of a slice of every frame.
use std::cell::Cell;

pub struct Pacer {
    /// When the last run ended and what it cost (page clock, ms).
    last: Cell<(f64, f64)>,
}

impl Default for Pacer {
    fn default() -> Self {
        Pacer {
            last: Cell::new((f64::NEG_INFINITY, 0.0)),
        }
    }
}

impl Pacer {
    /// How long to wait from now before the next run (0: run at once).
    pub fn delay_ms(&self) -> u32 {
        let (ended, cost) = self.last.get();
        let gap = (cost * 20.0).clamp(16.0, 1000.0);
        (ended + gap - super::timing::now()).max(0.0) as u32
    }

    /// Runs `work` and remembers what it cost. (Not generic: one copy serves every caller in the content wasm.)
    pub fn run(&self, work: &dyn Fn()) {
        let started = super::timing::now();
        work();
        let ended = super::timing::now();
        self.last.set((ended, ended - started));
    }
}
