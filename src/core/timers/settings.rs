//! The response timer's settings: thresholds, and opening hours (with holidays and away) per Page or account.
use serde::{Deserialize, Serialize};

use crate::core::hours::{Schedule, MAX_AWAY_MS_PER_DAY};
use crate::core::timer_state::Thresholds;

/// Opening hours of one Page or account; `page` empty: every Page and account without hours of its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageHours {
    #[serde(default)]
    pub page: String,
    pub schedule: Schedule,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TimerSettings {
    pub warn_minutes: u32,
    pub late_minutes: u32,
    /// No entry: always open (the clock always runs).
    pub hours: Vec<PageHours>,
    /// Fields a newer version stored are kept.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Default for TimerSettings {
    fn default() -> Self {
        TimerSettings {
            warn_minutes: 5,
            late_minutes: 15,
            hours: Vec::new(),
            extra: serde_json::Map::new(),
        }
    }
}

/// Pages and accounts are named as the sites show them; case does not make a different Page.
fn same_page(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

impl TimerSettings {
    pub fn thresholds(&self) -> Thresholds {
        Thresholds::from_minutes(self.warn_minutes, self.late_minutes).unwrap_or_default()
    }

    /// The hours that apply to `page`: its own, else the ones for every Page, else none (always open).
    pub fn schedule_for(&self, page: &str) -> Option<&Schedule> {
        let own = (!page.trim().is_empty())
            .then(|| self.hours.iter().find(|h| same_page(&h.page, page)))
            .flatten();
        own.or_else(|| self.hours.iter().find(|h| h.page.trim().is_empty()))
            .map(|h| &h.schedule)
    }

    /// Every broken rule, as a message naming its place.
    pub fn validate(&self) -> Result<(), String> {
        Thresholds::from_minutes(self.warn_minutes, self.late_minutes)?;
        for (i, hours) in self.hours.iter().enumerate() {
            if self.hours[..i]
                .iter()
                .any(|other| same_page(&other.page, &hours.page))
            {
                return Err(format!(
                    "Opening hours for {} are set twice.",
                    page_name(&hours.page)
                ));
            }
            hours.schedule.validate().map_err(|error| {
                format!("Opening hours for {}: {error}.", page_name(&hours.page))
            })?;
        }
        Ok(())
    }

    /// Turns away status on (from `now_ms` for as long as Meta allows today, at most 12 h) or off (ends any
    /// away period running at `now_ms`) for `page`'s hours. A Page without hours gets "always open" hours
    /// in UTC first, so away works without setting hours.
    pub fn set_away(&mut self, page: &str, on: bool, now_ms: i64) -> Result<(), String> {
        let index = match self.hours.iter().position(|h| same_page(&h.page, page)) {
            Some(index) => index,
            None => {
                self.hours.push(PageHours {
                    page: page.trim().to_string(),
                    schedule: Schedule::always_open(),
                });
                self.hours.len() - 1
            }
        };
        let schedule = &mut self.hours[index].schedule;
        // Whichever way it is switched, a period running now ends now.
        for period in schedule.away.iter_mut() {
            if period.0 <= now_ms && now_ms < period.1 {
                period.1 = now_ms;
            }
        }
        schedule.away.retain(|(from, to)| from < to);
        if !on {
            return Ok(());
        }
        let step = 15 * 60_000;
        let mut length = MAX_AWAY_MS_PER_DAY;
        while length > 0 {
            schedule.away.push((now_ms, now_ms + length));
            if schedule.validate().is_ok() {
                return Ok(());
            }
            schedule.away.pop();
            length -= step;
        }
        Err("Away status is already used for 12 hours today, the most Meta allows.".into())
    }

    /// Whether `page` is away at `now_ms`.
    pub fn is_away(&self, page: &str, now_ms: i64) -> bool {
        self.hours
            .iter()
            .find(|h| same_page(&h.page, page))
            .is_some_and(|h| {
                h.schedule
                    .away
                    .iter()
                    .any(|&(from, to)| from <= now_ms && now_ms < to)
            })
    }
}

fn page_name(page: &str) -> String {
    if page.trim().is_empty() {
        "every Page and account".into()
    } else {
        format!("“{}”", page.trim())
    }
}
