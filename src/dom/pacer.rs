//! Spaces out work that the page's changes ask for. After a run that cost `c` ms (with its scan's later slices
//! and the scans that followed it) the next one waits `20 c`, at least the pacer's floor and at most a second,
//! so on a page that never stops changing a rescan of a long list takes about 5 % of the main thread instead of
//! a slice of every frame. Secondary work (labels, timers) waits `40 c` and has a higher floor: a chip or a timer
//! that shows a quarter of a second after its row costs nobody anything, and each takes 2.5 %.
use std::cell::Cell;

pub struct Pacer {
    /// When the last run ended, what it cost, and the slices' total time when it began (page clock, ms).
    last: Cell<(f64, f64, f64)>,
    /// The shortest wait between two runs, ms.
    floor: f64,
    /// How many times a run's cost the next one waits.
    times: f64,
}

impl Pacer {
    pub fn with_floor(floor: f64) -> Self {
        Pacer {
            last: Cell::new((f64::NEG_INFINITY, 0.0, 0.0)),
            floor,
            times: 20.0,
        }
    }

    /// The pacer of secondary work (labels, timers).
    pub fn secondary() -> Self {
        Pacer {
            floor: SECONDARY_FLOOR_MS,
            times: 40.0,
            ..Pacer::with_floor(0.0)
        }
    }

    /// How long to wait from now before the next run (0: run at once). A run's cost includes the slices that
    /// ran since it began: a long page's scan goes on in later tasks ([`super::slice`]), and the labels and
    /// timers scans that follow a change are part of what the change cost.
    pub fn delay_ms(&self) -> u32 {
        let (ended, cost, spent_before) = self.last.get();
        if ended == f64::NEG_INFINITY {
            return 0; // the first run never waits
        }
        let (spent, last_slice_ended) = super::slice::spent();
        let cost = cost.max(spent - spent_before);
        let gap = (cost * self.times).clamp(self.floor, 1000.0);
        (ended.max(last_slice_ended) + gap - super::timing::now()).max(0.0) as u32
    }

    /// Runs `work` and remembers what it cost. (Not generic: one copy serves every caller in the content wasm.)
    pub fn run(&self, work: &dyn Fn()) {
        let spent_before = super::slice::spent().0;
        let started = super::timing::now();
        work();
        let ended = super::timing::now();
        self.last.set((ended, ended - started, spent_before));
    }
}

/// The floor for rescans after the page changed, ms: a control that shows a tenth of a second after its comment
/// arrived is as good as one a frame later, and a list that changes every frame is read ten times a second, not
/// sixty. The first scan of a page never waits.
pub const CHANGES_FLOOR_MS: f64 = 100.0;

/// The floor for labels and timers scans, ms.
pub const SECONDARY_FLOOR_MS: f64 = 250.0;
