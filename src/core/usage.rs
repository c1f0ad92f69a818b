//! How often and how recently each reply was used: kept apart from the replies themselves, because it
//! changes on every insertion and must not bump a reply's revision (or conflict with an edit in the
//! options page).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// Use of one reply. `last_used_ms` is milliseconds since the Unix epoch, 0 when never used.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Usage {
    pub count: u32,
    pub last_used_ms: f64,
}

/// Reply id → its use.
pub type UsageMap = HashMap<String, Usage>;

/// Milliseconds in a day.
pub const DAY_MS: f64 = 86_400_000.0;

impl Usage {
    /// This use, plus one more at `now_ms`.
    pub fn record(self, now_ms: f64) -> Usage {
        Usage {
            count: self.count.saturating_add(1),
            last_used_ms: self.last_used_ms.max(now_ms),
        }
    }

    /// Not used in the last `days` days (never used counts as unused).
    pub fn unused_for(&self, days: f64, now_ms: f64) -> bool {
        self.last_used_ms <= 0.0 || now_ms - self.last_used_ms >= days * DAY_MS
    }
}
