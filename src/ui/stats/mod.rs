//! The statistics page (`extension/statistics.html`): response rate and first-response times for a period,
//! grouped by platform, Page, label, agent or day, with bar charts, CSV export, an *estimate* of Meta's
//! responsiveness figures and countdowns for Messenger's reply windows.
//!
//! The numbers come from `core::stats` over the background's event log (`stats.data`); each Page's waits are
//! counted with that Page's own opening hours (`TimerSettings::schedule_for`), and days are the local dates
//! of the hours for every Page (UTC without them). The page reads again whenever the background announces a
//! timers change (`answerdeck.timers`) or labels change (`answerdeck.labels`), and recounts every 30 s, so countdowns and "overdue" stay current.
//!
//! Files: `tables` (headline and grouped table), `chart` (SVG bars), `meta_view`, `countdown_view`,
//! `export` (CSV download), `live` (change listener). Text only, never HTML.
mod chart;
mod countdown_view;
mod export;
mod live;
mod meta_view;
mod tables;

use crate::core::stats::period::{
    in_period, spam_keys, waits_by_page, DEFAULT_PERIOD_DAYS, PERIOD_DAYS,
};
use crate::core::stats::{report, Dimension, Event};
use crate::core::timers::{TimerRecord, TimerSettings};
use crate::platform::ext::ApiListener;
use crate::platform::library;
use crate::platform::protocol::Request;
use crate::ui::options::dom::{self, el, text, typed};
use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

pub use live::on_timers_change;
use web_sys::{Element, HtmlButtonElement, HtmlSelectElement};

/// How often the figures are recounted without a change (countdowns show whole minutes).
const TICK_MS: u32 = 30_000;

const DIMENSIONS: [(Dimension, &str, &str); 5] = [
    (Dimension::Platform, "platform", "Platform"),
    (Dimension::Page, "page", "Page or account"),
    (Dimension::Label, "label", "Label"),
    (Dimension::Agent, "agent", "Agent"),
    (Dimension::Day, "day", "Day"),
];

thread_local! {
    /// The running page; replaced (and its listeners dropped) if `start_statistics` runs again.
    static PAGE: RefCell<Option<Rc<Stats>>> = const { RefCell::new(None) };
}

/// What `stats.data` answered.
#[derive(Default)]
struct Data {
    events: Vec<Event>,
    records: Vec<TimerRecord>,
    settings: TimerSettings,
}

struct Stats {
    root: Element,
    period: HtmlSelectElement,
    group: HtmlSelectElement,
    export: HtmlButtonElement,
    status: Element,
    empty: Element,
    figures: Element,
    headline: Element,
    table: Element,
    charts: Element,
    meta: Element,
    countdowns: Element,
    data: RefCell<Option<Data>>,
    listeners: RefCell<Vec<EventListener>>,
    changes: RefCell<Vec<ApiListener>>,
    tick: RefCell<Option<Interval>>,
}

/// Builds the statistics page into `root` and loads the event log.
#[wasm_bindgen]
pub fn start_statistics(root: Element) {
    let page = Rc::new(Stats::build(&root));
    page.wire();
    page.load();
    PAGE.with(|slot| slot.replace(Some(page)));
}

fn select(
    id: &str,
    label: &str,
    options: &[(&str, &str)],
    chosen: &str,
) -> (Element, HtmlSelectElement) {
    let wrapper = el("div", &[("class", "field")]);
    let select: HtmlSelectElement = typed("select", &[("id", id)]);
    for (value, name) in options {
        let option = text("option", &[("value", value)], name);
        if *value == chosen {
            let _ = option.set_attribute("selected", "");
        }
        let _ = select.append_child(&option);
    }
    dom::append(&wrapper, &[&text("label", &[("for", id)], label), &select]);
    (wrapper, select)
}

fn section(id: &str, heading: &str) -> Element {
    let section = el(
        "section",
        &[("id", id), ("aria-labelledby", &format!("{id}-heading"))],
    );
    let _ = section.append_child(&text("h2", &[("id", &format!("{id}-heading"))], heading));
    section
}

impl Stats {
    fn build(root: &Element) -> Stats {
        dom::clear(root);
        let _ = root.set_attribute("class", "statistics");
        let header = el("header", &[("class", "top")]);
        dom::append(
            &header,
            &[
                &text("h1", &[], "Answerdeck statistics"),
                &text(
                    "p",
                    &[("class", "subtitle")],
                    "How fast customers on Facebook and X get a first answer. Times count only opening hours.",
                ),
            ],
        );
        let periods: Vec<(String, String)> = PERIOD_DAYS
            .iter()
            .map(|d| (d.to_string(), format!("Last {d} days")))
            .collect();
        let period_options: Vec<(&str, &str)> = periods
            .iter()
            .map(|(v, n)| (v.as_str(), n.as_str()))
            .collect();
        let (period_box, period) = select(
            "period",
            "Period",
            &period_options,
            &DEFAULT_PERIOD_DAYS.to_string(),
        );
        let group_options: Vec<(&str, &str)> =
            DIMENSIONS.iter().map(|(_, v, n)| (*v, *n)).collect();
        let (group_box, group) = select("group-by", "Group by", &group_options, "page");
        let export = dom::button("Export CSV", &[("data-action", "export-csv")]);
        let controls = el("div", &[("class", "controls")]);
        dom::append(&controls, &[&period_box, &group_box, &export]);
        let status = el("p", &[("class", "status"), ("role", "status")]);
        let empty = el("div", &[("class", "empty"), ("id", "empty")]);
        dom::set_hidden(&empty, true);

        let headline = el("dl", &[("class", "headline"), ("id", "headline")]);
        let table = el("div", &[("class", "table-box"), ("id", "groups")]);
        let charts = el("div", &[("class", "charts"), ("id", "charts")]);
        let figures = el("div", &[("class", "figures")]);
        let overview = section("overview", "The period at a glance");
        dom::append(&overview, &[&headline]);
        let grouped = section("grouped", "By group");
        dom::append(&grouped, &[&table]);
        let per_day = section("per-day", "Per day");
        dom::append(&per_day, &[&charts]);
        dom::append(&figures, &[&overview, &grouped, &per_day]);

        let meta = section("meta", "Meta responsiveness — estimate");
        let countdowns = section("windows", "Reply windows closing");
        let main = el("div", &[("class", "sections")]);
        dom::append(&main, &[&figures, &meta, &countdowns]);
        dom::append(root, &[&header, &controls, &status, &empty, &main]);
        Stats {
            root: root.clone(),
            period,
            group,
            export,
            status,
            empty,
            figures,
            headline,
            table,
            charts,
            meta,
            countdowns,
            data: RefCell::default(),
            listeners: RefCell::default(),
            changes: RefCell::default(),
            tick: RefCell::default(),
        }
    }

    fn wire(self: &Rc<Self>) {
        let on = |target: &web_sys::EventTarget, event: &'static str, f: fn(&Rc<Stats>)| {
            let me = Rc::downgrade(self);
            self.listeners
                .borrow_mut()
                .push(EventListener::new(target, event, move |_| {
                    if let Some(page) = me.upgrade() {
                        f(&page);
                    }
                }));
        };
        on(&self.period.clone().into(), "change", |page| page.render());
        on(&self.group.clone().into(), "change", |page| page.render());
        on(&self.export.clone().into(), "click", |page| page.export());
        // New waits and answers, and labels (a "Spam" label leaves a key out, labels group the table).
        let me = Rc::downgrade(self);
        let timers = live::on_timers_change(move || {
            if let Some(page) = me.upgrade() {
                page.load();
            }
        });
        let me = Rc::downgrade(self);
        let labels = library::on_labels_change(move || {
            if let Some(page) = me.upgrade() {
                page.load();
            }
        });
        for listener in [timers, labels] {
            match listener {
                Ok(listener) => self.changes.borrow_mut().push(listener),
                Err(error) => web_sys::console::warn_2(
                    &"Answerdeck: changes will not show until reload".into(),
                    &error,
                ),
            }
        }
        let me = Rc::downgrade(self);
        self.tick.replace(Some(Interval::new(TICK_MS, move || {
            if let Some(page) = me.upgrade() {
                page.render();
            }
        })));
    }

    /// Reads the event log, the timers and the settings, then shows them.
    fn load(self: &Rc<Self>) {
        let me = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let response = library::request(&Request::StatsData).await;
            let Some(page) = me.upgrade() else { return };
            let _ = page.root.set_attribute("aria-busy", "false");
            if !response.ok {
                let message = response
                    .message
                    .unwrap_or_else(|| "The statistics could not be read.".into());
                page.status.set_text_content(Some(&message));
                return;
            }
            page.status.set_text_content(None);
            page.data.replace(Some(Data {
                events: response.events.unwrap_or_default(),
                records: response.timer_records.unwrap_or_default(),
                settings: response.timer_settings.unwrap_or_default(),
            }));
            page.render();
        });
    }

    fn days(&self) -> u32 {
        self.period.value().parse().unwrap_or(DEFAULT_PERIOD_DAYS)
    }

    fn dimension(&self) -> Dimension {
        let value = self.group.value();
        DIMENSIONS
            .iter()
            .find(|(_, v, _)| *v == value)
            .map_or(Dimension::Page, |(d, _, _)| *d)
    }

    /// Counts and shows everything for the chosen period and grouping at this moment.
    fn render(&self) {
        let data = self.data.borrow();
        let Some(data) = data.as_ref() else { return };
        let now = js_sys::Date::now() as i64;
        let days = self.days();
        let settings = &data.settings;
        let all = waits_by_page(&data.events, |page| settings.schedule_for(page));
        let waits = in_period(&all, now, days);
        let day_schedule = settings.schedule_for("");
        let spam = spam_keys(&data.events);

        let nothing_at_all = all.is_empty();
        dom::set_hidden(&self.empty, !waits.is_empty());
        dom::set_hidden(&self.figures, waits.is_empty());
        dom::set_hidden(&self.export, waits.is_empty());
        dom::clear(&self.empty);
        if nothing_at_all {
            tables::empty_state(&self.empty);
        } else if waits.is_empty() {
            let _ = self.empty.append_child(&text(
                "p",
                &[],
                &format!("No customer messages in the last {days} days. Choose a longer period."),
            ));
        }
        if !waits.is_empty() {
            tables::headline(&self.headline, &waits, now);
            let grouped = report(&waits, self.dimension(), day_schedule, now);
            tables::table(&self.table, &grouped, self.group_name());
            let per_day = report(&waits, Dimension::Day, day_schedule, now);
            chart::render(&self.charts, &per_day, days);
        }
        meta_view::render(&self.meta, &data.events, settings, now);
        countdown_view::render(&self.countdowns, &data.records, &spam, now);
    }

    fn group_name(&self) -> &'static str {
        let value = self.group.value();
        DIMENSIONS
            .iter()
            .find(|(_, v, _)| *v == value)
            .map_or("Page or account", |(_, _, n)| *n)
    }

    /// Downloads the table shown as CSV.
    fn export(&self) {
        let data = self.data.borrow();
        let Some(data) = data.as_ref() else { return };
        let now = js_sys::Date::now() as i64;
        let days = self.days();
        let settings = &data.settings;
        let all = waits_by_page(&data.events, |page| settings.schedule_for(page));
        let waits = in_period(&all, now, days);
        let grouped = report(&waits, self.dimension(), settings.schedule_for(""), now);
        let name = format!(
            "answerdeck-statistics-{}-{days}-days.csv",
            self.group.value()
        );
        match export::download(&name, &grouped.to_csv()) {
            Ok(()) => self
                .status
                .set_text_content(Some(&format!("Exported {name}."))),
            Err(_) => self
                .status
                .set_text_content(Some("The CSV file could not be made.")),
        }
    }
}
