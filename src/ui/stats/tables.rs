//! The headline figures, the grouped table and the empty state.
use crate::core::stats::format::{maybe_duration, percent};
use crate::core::stats::{summarize, Report, Summary, Wait};
use crate::ui::options::dom::{self, el, text};
use web_sys::Element;

/// Each figure: its `data-figure` name (a hook for tests and users' QA), label and value.
fn figures(summary: &Summary) -> [(&'static str, &'static str, String); 6] {
    [
        ("rate", "Response rate", percent(summary.response_rate)),
        (
            "median",
            "Median first response",
            maybe_duration(summary.median_ms),
        ),
        (
            "average",
            "Average first response",
            maybe_duration(summary.mean_ms),
        ),
        ("p90", "90th percentile", maybe_duration(summary.p90_ms)),
        ("answered", "Answered", summary.answered.to_string()),
        ("unanswered", "Unanswered", summary.unanswered.to_string()),
    ]
}

pub fn headline(list: &Element, waits: &[Wait], now_ms: i64) {
    dom::clear(list);
    let summary = summarize(waits, now_ms);
    for (name, label, value) in figures(&summary) {
        let item = el("div", &[("class", "figure")]);
        dom::append(
            &item,
            &[
                &text("dt", &[], label),
                &text("dd", &[("data-figure", name)], &value),
            ],
        );
        let _ = list.append_child(&item);
    }
    let note = if summary.overdue > 0 {
        format!(
            "Response rate = answered ÷ (answered + unanswered for more than 24 h). {} of the unanswered are older than 24 h.",
            summary.overdue
        )
    } else {
        "Response rate = answered ÷ (answered + unanswered for more than 24 h); messages younger than 24 h are not a miss yet.".into()
    };
    let _ = list.append_child(&text("p", &[("class", "hint")], &note));
}

pub fn table(container: &Element, report: &Report, group_name: &str) {
    dom::clear(container);
    let table = el("table", &[("class", "groups")]);
    let _ = table.append_child(&text(
        "caption",
        &[],
        &format!("First responses by {}", group_name.to_lowercase()),
    ));
    let head = el("thead", &[]);
    let header = el("tr", &[]);
    for name in [
        group_name,
        "Answered",
        "Unanswered",
        "Response rate",
        "Median",
        "Average",
        "90th percentile",
    ] {
        let _ = header.append_child(&text("th", &[("scope", "col")], name));
    }
    let _ = head.append_child(&header);
    let body = el("tbody", &[]);
    for row in &report.rows {
        let s = &row.summary;
        let tr = el("tr", &[]);
        let _ = tr.append_child(&text("th", &[("scope", "row")], &row.group));
        for value in [
            s.answered.to_string(),
            s.unanswered.to_string(),
            percent(s.response_rate),
            maybe_duration(s.median_ms),
            maybe_duration(s.mean_ms),
            maybe_duration(s.p90_ms),
        ] {
            let _ = tr.append_child(&text("td", &[], &value));
        }
        let _ = body.append_child(&tr);
    }
    dom::append(&table, &[&head, &body]);
    let _ = container.append_child(&table);
}

/// Nothing logged yet: how the numbers get here.
pub fn empty_state(container: &Element) {
    dom::append(
        container,
        &[
            &text("h2", &[], "No statistics yet"),
            &text(
                "p",
                &[],
                "Answerdeck counts a customer's wait from the moment you see their message or comment with Answerdeck installed — in Messenger, the Meta Business Suite inbox, under your Page's posts, in X Chat and under your posts on X — until you answer it there. The numbers appear here once you have answered the first one.",
            ),
            &text(
                "p",
                &[],
                "Set your opening hours, holidays and the warn and late times in the options (Response timer): time outside opening hours is not counted. Conversations labelled “Spam” are left out.",
            ),
            &text("p", &[], "Everything stays in this browser."),
        ],
    );
}
