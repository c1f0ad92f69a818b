//! Meta's responsiveness figures per Facebook Page, computed by Meta's published rules as far as they are
//! known (`core::stats::meta`) and always called an estimate: Meta's own numbers may differ.
use crate::core::stats::format::{forecast, maybe_duration, percent};
use crate::core::stats::meta_estimate;
use crate::core::stats::period::{facebook_pages, page_label};
use crate::core::stats::Event;
use crate::core::timers::TimerSettings;
use crate::ui::options::dom::{self, el, text};
use web_sys::Element;

pub fn render(section: &Element, events: &[Event], settings: &TimerSettings, now_ms: i64) {
    while section.child_element_count() > 1 {
        if let Some(last) = section.last_element_child() {
            last.remove();
        }
    }
    let _ = section.append_child(&text(
        "p",
        &[("class", "hint estimate-note")],
        "An estimate, not Meta's own figures. It follows Meta's published rules: Facebook conversations started in the last 30 days (at least the last 10), a new conversation after 24 h of silence, automatic replies within 5 s not counted, away time not counted, opening hours ignored. Response rate = answered ÷ (answered + unanswered after 24 h); response time = the average of the fastest 90 %. Meta shows “Very responsive” at 90 % or more and 15 min or less.",
    ));
    let pages = facebook_pages(events);
    if pages.is_empty() {
        let _ = section.append_child(&text(
            "p",
            &[("class", "none")],
            "No Facebook Page conversations logged yet.",
        ));
        return;
    }
    for page in pages {
        let estimate = meta_estimate(events, &page, settings.schedule_for(&page), now_ms);
        let card = el("article", &[("class", "meta-page"), ("data-page", &page)]);
        let _ = card.append_child(&text("h3", &[], page_label(&page)));
        let list = el("dl", &[]);
        let badge = if estimate.badge {
            "Would be shown"
        } else {
            "Would not be shown"
        };
        for (name, label, value) in [
            (
                "rate",
                "Response rate (estimate)",
                percent(estimate.response_rate),
            ),
            (
                "time",
                "Response time (estimate)",
                maybe_duration(estimate.response_time_ms),
            ),
            ("badge", "“Very responsive” badge", badge.to_string()),
            (
                "counted",
                "Conversations counted",
                format!(
                    "{} answered, {} missed, {} waiting less than 24 h",
                    estimate.answered, estimate.missed, estimate.pending
                ),
            ),
        ] {
            let item = el("div", &[]);
            dom::append(
                &item,
                &[
                    &text("dt", &[], label),
                    &text("dd", &[("data-meta", name)], &value),
                ],
            );
            let _ = list.append_child(&item);
        }
        dom::append(
            &card,
            &[
                &list,
                &text("p", &[("class", "forecast")], &forecast(&estimate)),
            ],
        );
        let _ = section.append_child(&card);
    }
}
