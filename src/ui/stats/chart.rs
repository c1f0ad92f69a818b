//! Bar charts per day, as SVG readable without colour: each bar has its value written over it, axes carry
//! labels, the chart has a `<title>`, `role="img"` and an `aria-label`, and the two charts use different fill
//! patterns (hatching, dots) with a solid outline, so neither colour nor its absence carries meaning.
use crate::core::stats::chart::{bar_height, duration_ceiling};
use crate::core::stats::format::{duration, percent};
use crate::core::stats::{Report, Row};
use crate::ui::options::dom::{self, text};
use web_sys::Element;

const SVG: &str = "http://www.w3.org/2000/svg";
const LEFT: f64 = 64.0;
const TOP: f64 = 28.0;
const PLOT: f64 = 150.0;
const BOTTOM: f64 = 36.0;
const SLOT: f64 = 56.0;
const BAR: f64 = 32.0;

fn svg(tag: &str, attributes: &[(&str, &str)]) -> Element {
    let element = crate::dom::document()
        .create_element_ns(Some(SVG), tag)
        .expect("literal SVG tag names are valid");
    for (name, value) in attributes {
        let _ = element.set_attribute(name, value);
    }
    element
}

fn svg_text(attributes: &[(&str, &str)], content: &str) -> Element {
    let element = svg("text", attributes);
    element.set_text_content(Some(content));
    element
}

/// One chart's data: its name, the pattern that fills its bars, and per row the bar's value (None: no
/// data that day) and the value's text.
struct Series<'a> {
    id: &'a str,
    title: String,
    pattern: Element,
    top: f64,
    top_label: String,
    bars: Vec<(String, Option<f64>, String)>,
}

/// Diagonal hatching for time charts, dots for rate charts.
fn pattern(id: &str, dots: bool) -> Element {
    let pattern = svg(
        "pattern",
        &[
            ("id", id),
            ("width", "6"),
            ("height", "6"),
            ("patternUnits", "userSpaceOnUse"),
        ],
    );
    let mark = if dots {
        svg(
            "circle",
            &[
                ("cx", "3"),
                ("cy", "3"),
                ("r", "1.3"),
                ("fill", "currentColor"),
            ],
        )
    } else {
        svg(
            "path",
            &[
                ("d", "M0,6 L6,0"),
                ("stroke", "currentColor"),
                ("stroke-width", "1.2"),
            ],
        )
    };
    let _ = pattern.append_child(&mark);
    pattern
}

fn draw(series: Series) -> Element {
    let n = series.bars.len().max(1) as f64;
    let width = (LEFT + n * SLOT + 8.0).max(320.0);
    let height = TOP + PLOT + BOTTOM;
    let (w, h) = (width.to_string(), height.to_string());
    let root = svg(
        "svg",
        &[
            ("role", "img"),
            ("aria-label", &series.title),
            ("class", "chart"),
            ("id", series.id),
            ("width", &w),
            ("height", &h),
            ("viewBox", &format!("0 0 {w} {h}")),
        ],
    );
    let title = svg("title", &[]);
    title.set_text_content(Some(&series.title));
    let defs = svg("defs", &[]);
    let _ = defs.append_child(&series.pattern);
    let fill = format!(
        "url(#{})",
        series.pattern.get_attribute("id").unwrap_or_default()
    );
    let base = TOP + PLOT;
    let axis = svg(
        "path",
        &[
            ("class", "axis"),
            ("d", &format!("M{LEFT},{TOP} V{base} H{}", width - 4.0)),
            ("fill", "none"),
            ("stroke", "currentColor"),
        ],
    );
    let right = (LEFT - 6.0).to_string();
    let top_label = svg_text(
        &[
            ("class", "axis-label"),
            ("x", &right),
            ("y", &(TOP + 4.0).to_string()),
            ("text-anchor", "end"),
        ],
        &series.top_label,
    );
    let zero_label = svg_text(
        &[
            ("class", "axis-label"),
            ("x", &right),
            ("y", &(base + 4.0).to_string()),
            ("text-anchor", "end"),
        ],
        "0",
    );
    dom::append(&root, &[&title, &defs, &axis, &top_label, &zero_label]);
    for (i, (day, value, value_text)) in series.bars.iter().enumerate() {
        let centre = LEFT + SLOT * (i as f64 + 0.5);
        let bar_h = value.map_or(0.0, |v| bar_height(v, series.top, PLOT));
        let group = svg("g", &[("class", "bar"), ("data-day", day)]);
        let bar_title = svg("title", &[]);
        bar_title.set_text_content(Some(&format!("{day}: {value_text}")));
        let _ = group.append_child(&bar_title);
        if bar_h > 0.0 {
            let _ = group.append_child(&svg(
                "rect",
                &[
                    ("x", &(centre - BAR / 2.0).to_string()),
                    ("y", &(base - bar_h).to_string()),
                    ("width", &BAR.to_string()),
                    ("height", &bar_h.to_string()),
                    ("fill", &fill),
                    ("stroke", "currentColor"),
                    ("stroke-width", "1.5"),
                ],
            ));
        }
        let x = centre.to_string();
        let value_y = (base - bar_h - 5.0).to_string();
        let date = day.get(5..).unwrap_or(day);
        dom::append(
            &group,
            &[
                &svg_text(
                    &[
                        ("class", "value"),
                        ("x", &x),
                        ("y", &value_y),
                        ("text-anchor", "middle"),
                    ],
                    value_text,
                ),
                &svg_text(
                    &[
                        ("class", "day"),
                        ("x", &x),
                        ("y", &(base + 16.0).to_string()),
                        ("text-anchor", "middle"),
                    ],
                    date,
                ),
            ],
        );
        let _ = root.append_child(&group);
    }
    root
}

fn median_series(rows: &[Row], days: u32) -> Series<'static> {
    let max = rows
        .iter()
        .filter_map(|r| r.summary.median_ms)
        .max()
        .unwrap_or(0);
    let top = duration_ceiling(max);
    Series {
        id: "chart-median",
        title: format!("Median first-response time per day, last {days} days"),
        pattern: pattern("hatch-median", false),
        top: top as f64,
        top_label: duration(top),
        bars: rows
            .iter()
            .map(|r| {
                let median = r.summary.median_ms;
                let label = median.map_or_else(|| "no answer".into(), duration);
                (r.group.clone(), median.map(|m| m as f64), label)
            })
            .collect(),
    }
}

fn rate_series(rows: &[Row], days: u32) -> Series<'static> {
    Series {
        id: "chart-rate",
        title: format!("Response rate per day, last {days} days"),
        pattern: pattern("dots-rate", true),
        top: 1.0,
        top_label: "100 %".into(),
        bars: rows
            .iter()
            .map(|r| {
                let rate = r.summary.response_rate;
                let label = rate.map_or_else(|| "pending".into(), |r| percent(Some(r)));
                (r.group.clone(), rate, label)
            })
            .collect(),
    }
}

/// Both charts for `per_day` (a report by day) into `container`.
pub fn render(container: &Element, per_day: &Report, days: u32) {
    dom::clear(container);
    for series in [
        median_series(&per_day.rows, days),
        rate_series(&per_day.rows, days),
    ] {
        let figure = crate::ui::options::dom::el("figure", &[]);
        let caption = text("figcaption", &[], &series.title);
        let scroller = crate::ui::options::dom::el("div", &[("class", "chart-scroll")]);
        let _ = scroller.append_child(&draw(series));
        dom::append(&figure, &[&caption, &scroller]);
        let _ = container.append_child(&figure);
    }
}
