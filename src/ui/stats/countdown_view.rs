//! Countdowns for the open waits' reply windows, soonest first.
use crate::core::stats::countdown::countdowns;
use crate::core::stats::format::left;
use crate::core::stats::ReplyWindow;
use crate::core::timers::TimerRecord;
use crate::ui::options::dom::{self, el, text};
use std::collections::BTreeSet;
use web_sys::Element;

fn window_name(window: ReplyWindow) -> &'static str {
    match window {
        ReplyWindow::MessengerStandard => "Messenger 24-hour window",
        ReplyWindow::HumanAgent => "Messenger 7-day human-agent window",
        ReplyWindow::PrivateReply => "7-day private-reply window",
    }
}

pub fn render(section: &Element, records: &[TimerRecord], spam: &BTreeSet<String>, now_ms: i64) {
    // Keep the heading (first child), rebuild the rest.
    while section.child_element_count() > 1 {
        if let Some(last) = section.last_element_child() {
            last.remove();
        }
    }
    let _ = section.append_child(&text(
        "p",
        &[("class", "hint")],
        "Messenger lets a Page answer a conversation within 24 hours of the customer's last message, and reply privately to a comment within 7 days of it. Open waits on Facebook, soonest to close first.",
    ));
    let found = countdowns(records, spam, now_ms);
    if found.is_empty() {
        let _ = section.append_child(&text(
            "p",
            &[("class", "none")],
            "No Facebook conversation or comment is waiting for an answer.",
        ));
        return;
    }
    let list = el("ul", &[("class", "countdowns")]);
    for countdown in found {
        let item = el(
            "li",
            &[
                (
                    "class",
                    if countdown.left_ms == 0 {
                        "countdown closed"
                    } else {
                        "countdown"
                    },
                ),
                ("data-key", &countdown.key),
            ],
        );
        let who = if countdown.page.is_empty() {
            countdown.name.clone()
        } else {
            format!("{} ({})", countdown.name, countdown.page)
        };
        dom::append(
            &item,
            &[
                &text("span", &[("class", "who")], &who),
                &text(
                    "span",
                    &[("class", "window")],
                    window_name(countdown.window),
                ),
                &text("span", &[("class", "left")], &left(countdown.left_ms)),
            ],
        );
        let _ = list.append_child(&item);
    }
    let _ = section.append_child(&list);
}
