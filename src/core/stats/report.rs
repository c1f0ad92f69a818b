//! The statistics page's tables: one [`Summary`] per group, and their CSV form.

use std::collections::BTreeMap;

use super::summary::{summarize, Summary};
use super::waits::Wait;
use crate::core::hours::{local, Schedule};

/// What the rows are grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    Platform,
    Page,
    /// A wait counts once under each of its labels; waits without labels under `(no label)`.
    Label,
    /// Who answered; `(unknown)` for answers without an agent, `(unanswered)` for open waits.
    Agent,
    /// The local date (`YYYY-MM-DD`) the wait started, in the schedule's zone, else UTC.
    Day,
}

impl Dimension {
    fn header(self) -> &'static str {
        match self {
            Self::Platform => "platform",
            Self::Page => "page",
            Self::Label => "label",
            Self::Agent => "agent",
            Self::Day => "day",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub group: String,
    pub summary: Summary,
}

/// Rows sorted by group name (days are ISO dates, so also in time order).
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub dimension: Dimension,
    pub rows: Vec<Row>,
}

/// `waits` grouped by `by`, summarised at `now_ms`.
pub fn report(waits: &[Wait], by: Dimension, schedule: Option<&Schedule>, now_ms: i64) -> Report {
    let zone = local::zone(schedule.map_or("UTC", |s| s.time_zone.as_str()));
    let mut groups: BTreeMap<String, Vec<&Wait>> = BTreeMap::new();
    for wait in waits {
        let names = match by {
            Dimension::Platform => vec![wait.platform.clone()],
            Dimension::Page if wait.page.trim().is_empty() => {
                vec!["(not named on the page)".into()]
            }
            Dimension::Page => vec![wait.page.clone()],
            Dimension::Label if wait.labels.is_empty() => vec!["(no label)".into()],
            Dimension::Label => wait.labels.clone(),
            Dimension::Agent => vec![match (&wait.agent, wait.answered_ms) {
                (Some(agent), _) => agent.clone(),
                (None, Some(_)) => "(unknown)".into(),
                (None, None) => "(unanswered)".into(),
            }],
            Dimension::Day => vec![local::date_of(&zone, wait.started_ms).to_string()],
        };
        for name in names {
            groups.entry(name).or_default().push(wait);
        }
    }
    Report {
        dimension: by,
        rows: groups
            .into_iter()
            .map(|(group, waits)| Row {
                group,
                summary: summarize(waits, now_ms),
            })
            .collect(),
    }
}

/// First characters a spreadsheet runs as a formula (tab and carriage return per the OWASP list).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A CSV cell: formula-like text gets a leading `'`, then quoting when needed.
fn cell(text: &str) -> String {
    let text = if text.starts_with(FORMULA_STARTS) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// Seconds, rounded to the nearest; spreadsheets read them better than milliseconds.
fn seconds(ms: Option<i64>) -> String {
    ms.map(|ms| ((ms + 500).div_euclid(1000)).to_string())
        .unwrap_or_default()
}

impl Report {
    /// A header row then one row per group, `\r\n` line ends (RFC 4180). Times are whole seconds,
    /// the rate a percentage with one decimal; cells without data are empty.
    pub fn to_csv(&self) -> String {
        let mut out = format!(
            "{},answered,unanswered,overdue,response_rate_percent,median_s,mean_s,p90_s\r\n",
            self.dimension.header()
        );
        for row in &self.rows {
            let s = &row.summary;
            let rate = s
                .response_rate
                .map(|r| format!("{:.1}", r * 100.0))
                .unwrap_or_default();
            out.push_str(&format!(
                "{},{},{},{},{},{},{},{}\r\n",
                cell(&row.group),
                s.answered,
                s.unanswered,
                s.overdue,
                rate,
                seconds(s.median_ms),
                seconds(s.mean_ms),
                seconds(s.p90_ms)
            ));
        }
        out
    }
}
