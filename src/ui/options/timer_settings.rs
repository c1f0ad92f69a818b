//! The Response timer section of the options page: warn and late minutes, opening hours (one entry for
//! every Page and account, optional entries per named Page or account, see `timer_settings_hours`) and the
//! Away switch, plus the link to the statistics page. Self-contained: it reads and writes through the
//! background (`timers.settings.get`/`put`, `timers.away`), which validates again; a refused save leaves
//! every field as typed, with the reason next to the Save button.
use super::dom::{self, el, text, typed};
use super::timer_settings_hours::HoursEntry;
use crate::core::timers::TimerSettings;
use crate::platform::ext::ApiListener;
use crate::platform::library;
use crate::platform::protocol::Request;
use crate::ui::stats::on_timers_change;
use gloo::events::{EventListener, EventListenerOptions};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget, HtmlButtonElement, HtmlInputElement};

thread_local! {
    static SECTION: RefCell<Option<Rc<TimerSection>>> = const { RefCell::new(None) };
}

struct TimerSection {
    section: Element,
    warn: HtmlInputElement,
    late: HtmlInputElement,
    entries_box: Element,
    entries: RefCell<Vec<Rc<HoursEntry>>>,
    next_index: RefCell<usize>,
    add: HtmlButtonElement,
    save: HtmlButtonElement,
    result: Element,
    /// As stored: away periods and fields of newer versions come from here on save.
    stored: RefCell<TimerSettings>,
    listeners: RefCell<Vec<EventListener>>,
    change: RefCell<Option<ApiListener>>,
}

/// Adds the section to the options page under `root` and loads the stored settings.
pub fn mount(root: &Element) {
    let section = Rc::new(TimerSection::build());
    let _ = root.append_child(&section.section);
    section.wire();
    section.load(true);
    SECTION.with(|slot| slot.replace(Some(section)));
}

fn minutes_field(id: &str, label: &str, hint: &str) -> (Element, HtmlInputElement) {
    let wrapper = el("div", &[("class", "field")]);
    let input: HtmlInputElement = typed(
        "input",
        &[
            ("type", "number"),
            ("id", id),
            ("min", "1"),
            ("step", "1"),
            ("inputmode", "numeric"),
            ("aria-describedby", &format!("{id}-hint")),
        ],
    );
    dom::append(
        &wrapper,
        &[
            &text("label", &[("for", id)], label),
            &input,
            &text(
                "p",
                &[("class", "hint"), ("id", &format!("{id}-hint"))],
                hint,
            ),
        ],
    );
    (wrapper, input)
}

impl TimerSection {
    fn build() -> TimerSection {
        let section = el(
            "section",
            &[
                ("class", "settings timer-settings"),
                ("id", "timer-settings"),
                ("aria-labelledby", "timer-settings-heading"),
            ],
        );
        let (warn_box, warn) = minutes_field(
            "timer-warn",
            "Warn after (minutes)",
            "The timer turns to “warn” after this many open minutes. Default 5.",
        );
        let (late_box, late) = minutes_field(
            "timer-late",
            "Late after (minutes)",
            "The timer turns to “late” after this many open minutes. Default 15.",
        );
        let fields = el("div", &[("class", "settings-fields")]);
        dom::append(&fields, &[&warn_box, &late_box]);
        let stats_link = text(
            "a",
            &[
                ("href", "statistics.html"),
                ("target", "_blank"),
                ("class", "stats-link"),
            ],
            "Statistics",
        );
        let intro = el("p", &[("class", "hint")]);
        dom::append(
            &intro,
            &[
                &crate::dom::document().create_text_node(
                    "How long customers wait for a first answer, counted in opening hours only. Response rates, times and Meta's badge estimate: ",
                ),
                &stats_link,
                &crate::dom::document().create_text_node("."),
            ],
        );
        let entries_box = el("div", &[("class", "hours-entries")]);
        let add = dom::button(
            "Add hours for a Page or account",
            &[("data-action", "add-hours")],
        );
        let save = dom::button(
            "Save response timer",
            &[("class", "primary"), ("data-action", "save-timer-settings")],
        );
        let result = el(
            "span",
            &[
                // Its own class: the settings form's result is `.settings-result`, which tests and users find by it.
                ("class", "timer-result"),
                ("id", "timer-result"),
                ("role", "status"),
            ],
        );
        let actions = el("div", &[("class", "form-actions")]);
        dom::append(&actions, &[&save, &result]);
        dom::append(
            &section,
            &[
                &text("h2", &[("id", "timer-settings-heading")], "Response timer"),
                &intro,
                &fields,
                &text("h3", &[], "Opening hours"),
                &entries_box,
                &add,
                &actions,
            ],
        );
        TimerSection {
            section,
            warn,
            late,
            entries_box,
            entries: RefCell::default(),
            next_index: RefCell::new(0),
            add,
            save,
            result,
            stored: RefCell::default(),
            listeners: RefCell::default(),
            change: RefCell::default(),
        }
    }

    fn on(
        self: &Rc<Self>,
        target: &EventTarget,
        event: &'static str,
        f: impl Fn(&Rc<Self>, &Event) + 'static,
    ) {
        let me = Rc::downgrade(self);
        self.listeners
            .borrow_mut()
            .push(EventListener::new_with_options(
                target,
                event,
                EventListenerOptions::enable_prevent_default(),
                move |event| {
                    if let Some(section) = me.upgrade() {
                        f(&section, event);
                    }
                },
            ));
    }

    fn wire(self: &Rc<Self>) {
        self.on(&self.save.clone().into(), "click", |s, _| s.save());
        self.on(&self.add.clone().into(), "click", |s, _| {
            let entry = s.add_entry(false, None);
            if let Some(page) = &entry.page {
                let _ = page.focus();
            }
        });
        self.on(&self.section.clone().into(), "keydown", |s, event| {
            let is_enter = event
                .dyn_ref::<web_sys::KeyboardEvent>()
                .is_some_and(|key| key.key() == "Enter" && !key.is_composing());
            let in_text = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
                .is_some_and(|input| input.type_() != "checkbox");
            if is_enter && in_text {
                event.prevent_default();
                s.save();
            }
        });
        self.on(&self.section.clone().into(), "input", |s, _| {
            s.result.set_text_content(None)
        });
        let me = Rc::downgrade(self);
        // Another tab saved or switched away: only the away states follow, so nothing typed here is lost.
        if let Ok(listener) = on_timers_change(move || {
            if let Some(section) = me.upgrade() {
                section.load(false);
            }
        }) {
            self.change.replace(Some(listener));
        }
    }

    /// Reads the stored settings; `fill`: also put them into the fields (first load, after a save).
    fn load(self: &Rc<Self>, fill: bool) {
        let me = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let response = library::request(&Request::TimerSettingsGet).await;
            let Some(section) = me.upgrade() else { return };
            match response.timer_settings {
                Some(settings) if response.ok => {
                    section.stored.replace(settings);
                    if fill {
                        section.fill();
                    } else {
                        section.show_away();
                    }
                }
                _ => {
                    section
                        .result
                        .set_text_content(Some(&response.message.unwrap_or_else(|| {
                            "The response timer settings could not be read.".into()
                        })))
                }
            }
        });
    }

    fn fill(self: &Rc<Self>) {
        let stored = self.stored.borrow().clone();
        self.warn.set_value(&stored.warn_minutes.to_string());
        self.late.set_value(&stored.late_minutes.to_string());
        dom::clear(&self.entries_box);
        self.entries.borrow_mut().clear();
        let general = stored.hours.iter().find(|h| h.page.trim().is_empty());
        self.add_entry(true, general);
        for hours in stored.hours.iter().filter(|h| !h.page.trim().is_empty()) {
            self.add_entry(false, Some(hours));
        }
        self.show_away();
    }

    fn add_entry(
        self: &Rc<Self>,
        general: bool,
        hours: Option<&crate::core::timers::PageHours>,
    ) -> Rc<HoursEntry> {
        let index = {
            let mut next = self.next_index.borrow_mut();
            *next += 1;
            *next - 1
        };
        let entry = Rc::new(HoursEntry::new(index, general, hours));
        let _ = self.entries_box.append_child(&entry.fieldset);
        entry.show_away(&self.stored.borrow(), js_sys::Date::now() as i64);
        let weak = Rc::downgrade(&entry);
        self.on(&entry.away.clone().into(), "click", move |s, _| {
            if let Some(entry) = weak.upgrade() {
                s.toggle_away(entry);
            }
        });
        if let Some(remove) = &entry.remove {
            let weak = Rc::downgrade(&entry);
            self.on(&remove.clone().into(), "click", move |s, _| {
                let Some(entry) = weak.upgrade() else { return };
                entry.fieldset.remove();
                s.entries.borrow_mut().retain(|e| !Rc::ptr_eq(e, &entry));
                s.result
                    .set_text_content(Some("Hours removed; Save to keep the change."));
                dom::focus(&s.add);
            });
        }
        self.entries.borrow_mut().push(entry.clone());
        entry
    }

    fn show_away(&self) {
        let now = js_sys::Date::now() as i64;
        let stored = self.stored.borrow();
        for entry in self.entries.borrow().iter() {
            entry.show_away(&stored, now);
        }
    }

    /// The settings the fields describe, or the first problem.
    fn read(&self) -> Result<TimerSettings, String> {
        let mut settings = self.stored.borrow().clone();
        let minutes = |input: &HtmlInputElement, name: &str| -> Result<u32, String> {
            input
                .value()
                .trim()
                .parse::<u32>()
                .map_err(|_| format!("“{name}” must be a whole number of minutes."))
        };
        settings.warn_minutes = minutes(&self.warn, "Warn after")?;
        settings.late_minutes = minutes(&self.late, "Late after")?;
        settings.hours = Vec::new();
        for entry in self.entries.borrow().iter() {
            settings.hours.extend(entry.read(&self.stored.borrow())?);
        }
        Ok(settings)
    }

    fn save(self: &Rc<Self>) {
        let settings = match self.read() {
            Ok(settings) => settings,
            Err(message) => return self.refused(&message),
        };
        let me = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let response = library::request(&Request::TimerSettingsPut { settings }).await;
            let Some(section) = me.upgrade() else { return };
            match response.timer_settings {
                Some(saved) if response.ok => {
                    section.stored.replace(saved);
                    section.show_away();
                    let _ = section.result.set_attribute("class", "timer-result");
                    section
                        .result
                        .set_text_content(Some("Response timer saved."));
                }
                _ => section.refused(
                    &response
                        .message
                        .unwrap_or_else(|| "The settings could not be saved.".into()),
                ),
            }
        });
    }

    /// Shows why nothing was saved; every field keeps what was typed.
    fn refused(&self, message: &str) {
        let _ = self
            .result
            .set_attribute("class", "timer-result field-error");
        self.result
            .set_text_content(Some(&format!("Not saved: {message}")));
    }

    fn toggle_away(self: &Rc<Self>, entry: Rc<HoursEntry>) {
        let page = entry.page_name();
        if entry.page.is_some() && page.is_empty() {
            entry.away_message("Name the Page or account first.");
            return;
        }
        let on = !entry.is_away();
        let me = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let response = library::request(&Request::TimersAway { page, on }).await;
            let Some(section) = me.upgrade() else { return };
            match response.timer_settings {
                Some(settings) if response.ok => {
                    section.stored.replace(settings);
                    entry.show_away(&section.stored.borrow(), js_sys::Date::now() as i64);
                }
                _ => entry.away_message(
                    &response
                        .message
                        .unwrap_or_else(|| "Away status could not be changed.".into()),
                ),
            }
        });
    }
}
