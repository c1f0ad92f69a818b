//! One opening-hours entry of the Response timer section: for every Page and account, or for one named
//! Page or account. Each weekday is a text field ("09:00–12:00, 13:00–17:00", empty = closed), holidays are
//! dates, and the Away switch calls the background (`timers.away`), which enforces Meta's 12 h a day.
use super::dom::{self, el, text, typed};
use crate::core::hours::text::{format_dates, format_ranges, parse_dates, parse_ranges};
use crate::core::hours::Schedule;
use crate::core::timers::{PageHours, TimerSettings};
use web_sys::{Element, HtmlButtonElement, HtmlInputElement};

pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Monday to Friday 09:00–17:00: what a new entry starts with.
fn office_week() -> [Vec<(u16, u16)>; 7] {
    std::array::from_fn(|day| {
        if day < 5 {
            vec![(540, 1020)]
        } else {
            Vec::new()
        }
    })
}

/// The browser's own time zone (`Intl.DateTimeFormat().resolvedOptions().timeZone`), else UTC.
pub fn browser_time_zone() -> String {
    let options = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
        .resolved_options();
    js_sys::Reflect::get(&options, &"timeZone".into())
        .ok()
        .and_then(|zone| zone.as_string())
        .unwrap_or_else(|| "UTC".into())
}

pub struct HoursEntry {
    pub fieldset: Element,
    /// `None` for the entry for every Page and account.
    pub page: Option<HtmlInputElement>,
    /// Only on the entry for every Page: off means no opening hours (the clock always runs).
    pub enabled: Option<HtmlInputElement>,
    zone: HtmlInputElement,
    days: Vec<HtmlInputElement>,
    holidays: HtmlInputElement,
    pub away: HtmlButtonElement,
    away_text: Element,
    pub remove: Option<HtmlButtonElement>,
}

fn field(
    id: &str,
    label: &str,
    value: &str,
    attributes: &[(&str, &str)],
) -> (Element, HtmlInputElement) {
    let wrapper = el("div", &[("class", "field")]);
    let input: HtmlInputElement = typed(
        "input",
        &[("type", "text"), ("id", id), ("autocomplete", "off")],
    );
    for (name, value) in attributes {
        let _ = input.set_attribute(name, value);
    }
    input.set_value(value);
    dom::append(&wrapper, &[&text("label", &[("for", id)], label), &input]);
    (wrapper, input)
}

impl HoursEntry {
    /// An entry showing `hours` (`None`: a new one); `index` makes its element ids unique.
    pub fn new(index: usize, general: bool, hours: Option<&PageHours>) -> HoursEntry {
        let id = |name: &str| format!("hours-{index}-{name}");
        let fieldset = el(
            "fieldset",
            &[("class", "hours-entry"), ("data-entry", &index.to_string())],
        );
        let legend = if general {
            "All Pages and accounts"
        } else {
            "One Page or account"
        };
        let _ = fieldset.append_child(&text("legend", &[], legend));
        let schedule = hours.map(|h| h.schedule.clone());
        let (page, enabled) = if general {
            let wrapper = el("div", &[("class", "check")]);
            let check: HtmlInputElement =
                typed("input", &[("type", "checkbox"), ("id", &id("enabled"))]);
            check.set_checked(hours.is_some());
            dom::append(
                &wrapper,
                &[
                    &check,
                    &text(
                        "label",
                        &[("for", &id("enabled"))],
                        "Count only opening hours (off: the timer always runs)",
                    ),
                ],
            );
            let _ = fieldset.append_child(&wrapper);
            (None, Some(check))
        } else {
            let (wrapper, input) = field(
                &id("page"),
                "Page or account name",
                hours.map_or("", |h| h.page.as_str()),
                &[(
                    "placeholder",
                    "as the site shows it, e.g. Nordlicht Kaffee or @nordlicht",
                )],
            );
            let _ = fieldset.append_child(&wrapper);
            (Some(input), None)
        };
        let zone_value = schedule
            .as_ref()
            .map_or_else(browser_time_zone, |s| s.time_zone.clone());
        let (zone_box, zone) = field(
            &id("zone"),
            "Time zone",
            &zone_value,
            &[("placeholder", "Europe/Berlin")],
        );
        let week = schedule
            .as_ref()
            .map_or_else(office_week, |s| s.week.clone());
        let days_box = el("div", &[("class", "hours-days")]);
        let hint_id = id("days-hint");
        let days: Vec<HtmlInputElement> = WEEKDAYS
            .iter()
            .zip(week.iter())
            .map(|(day, ranges)| {
                let (wrapper, input) = field(
                    &id(&day.to_lowercase()),
                    day,
                    &format_ranges(ranges),
                    &[("placeholder", "closed"), ("aria-describedby", &hint_id)],
                );
                let _ = days_box.append_child(&wrapper);
                input
            })
            .collect();
        let holidays_value = schedule
            .as_ref()
            .map_or_else(String::new, |s| format_dates(&s.holidays));
        let (holidays_box, holidays) = field(
            &id("holidays"),
            "Holidays (closed all day)",
            &holidays_value,
            &[("placeholder", "2026-12-24, 2026-12-25")],
        );
        let away_box = el("div", &[("class", "away")]);
        let away = dom::button(
            "Away",
            &[
                ("role", "switch"),
                ("aria-checked", "false"),
                ("data-action", "away"),
                ("aria-describedby", &id("away-text")),
            ],
        );
        let away_text = el(
            "span",
            &[
                ("class", "away-text"),
                ("id", &id("away-text")),
                ("aria-live", "polite"),
            ],
        );
        dom::append(&away_box, &[&away, &away_text]);
        dom::append(
            &fieldset,
            &[
                &zone_box,
                &days_box,
                &text(
                    "p",
                    &[("class", "hint"), ("id", &hint_id)],
                    "Each day: one or more ranges like 09:00–12:00, 13:00–17:00; empty means closed. Time outside them is not counted, and timers show “paused”.",
                ),
                &holidays_box,
                &away_box,
            ],
        );
        let remove = (!general).then(|| {
            let button = dom::button("Remove these hours", &[("data-action", "remove-hours")]);
            let _ = fieldset.append_child(&button);
            button
        });
        HoursEntry {
            fieldset,
            page,
            enabled,
            zone,
            days,
            holidays,
            away,
            away_text,
            remove,
        }
    }

    /// The Page or account this entry is for (`""`: all of them).
    pub fn page_name(&self) -> String {
        self.page
            .as_ref()
            .map_or_else(String::new, |p| p.value().trim().to_string())
    }

    /// The entry as stored, keeping the away periods `stored` has for it; `Ok(None)` when the entry for
    /// every Page is switched off and has no away periods to keep. `Err` names the field.
    pub fn read(&self, stored: &TimerSettings) -> Result<Option<PageHours>, String> {
        let page = self.page_name();
        let where_ = if self.page.is_some() {
            if page.is_empty() {
                return Err("Opening hours for one Page or account need its name.".into());
            }
            format!("Opening hours for “{page}”")
        } else {
            "Opening hours for all Pages and accounts".into()
        };
        let away = stored
            .hours
            .iter()
            .find(|h| h.page.trim().eq_ignore_ascii_case(&page))
            .map(|h| h.schedule.away.clone())
            .unwrap_or_default();
        if self.enabled.as_ref().is_some_and(|check| !check.checked()) {
            // Off: no hours, but a running or used away status must not be forgotten.
            return Ok((!away.is_empty()).then(|| PageHours {
                page: String::new(),
                schedule: Schedule {
                    away,
                    ..Schedule::always_open()
                },
            }));
        }
        let mut week: [Vec<(u16, u16)>; 7] = Default::default();
        for (i, input) in self.days.iter().enumerate() {
            week[i] = parse_ranges(&input.value())
                .map_err(|e| format!("{where_}, {}: {e}.", WEEKDAYS[i]))?;
        }
        let holidays =
            parse_dates(&self.holidays.value()).map_err(|e| format!("{where_}, holidays: {e}."))?;
        Ok(Some(PageHours {
            page,
            schedule: Schedule {
                time_zone: self.zone.value().trim().to_string(),
                week,
                holidays,
                away,
            },
        }))
    }

    /// Shows whether this entry's Page is away now, and until when (local time of this browser).
    pub fn show_away(&self, settings: &TimerSettings, now_ms: i64) {
        let page = self.page_name();
        let until = settings
            .hours
            .iter()
            .find(|h| h.page.trim().eq_ignore_ascii_case(&page))
            .and_then(|h| {
                h.schedule
                    .away
                    .iter()
                    .find(|&&(from, to)| from <= now_ms && now_ms < to)
            })
            .map(|&(_, to)| to);
        let _ = self.away.set_attribute(
            "aria-checked",
            if until.is_some() { "true" } else { "false" },
        );
        match until {
            Some(to) => {
                let date = js_sys::Date::new(&(to as f64).into());
                self.away_text.set_text_content(Some(&format!(
                    "Away until {:02}:{:02}: the timers are paused.",
                    date.get_hours(),
                    date.get_minutes()
                )));
            }
            None => self.away_text.set_text_content(Some(
                "Not away. Meta allows up to 12 h of away status a day.",
            )),
        }
    }

    pub fn away_message(&self, message: &str) {
        self.away_text.set_text_content(Some(message));
    }

    pub fn is_away(&self) -> bool {
        self.away.get_attribute("aria-checked").as_deref() == Some("true")
    }
}
