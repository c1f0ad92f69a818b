//! The response timers on the native pages: a `timer` host on each conversation row, the open conversation
//! and each customer comment (`sites::waits`), what the page shows of them reported to the background
//! (`timers.observe`), and a once-a-second tick that redraws every timer from the background's last reading
//! without asking again. The tick only writes (text and attributes that changed), never reads layout, so a
//! page with a hundred timers does not re-layout for them.
use super::subjects::overlay_on_positioned_row;
use super::timer_host::{Shown, TimerHost};
use crate::core::timer_state::waited_text;
use crate::core::timers::Observation;
use crate::dom::owner_index::OwnerIndex;
use crate::dom::pacer::Pacer;
use crate::dom::{nearby, slice};
use crate::platform::ext::ApiListener;
use crate::platform::library;
use crate::platform::protocol::Request;
use crate::sites::surface::Surface;
use crate::sites::waits::{self, Place};
use gloo::timers::callback::{Interval, Timeout};
use js_sys::Reflect;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

/// How many slices may read a long page's waits before the rest is read in one go.
const MAX_PARTIAL_READS: u32 = 8;

/// How often (in one-second ticks) the page is read again without a DOM change.
const RESCAN_EVERY_TICKS: u32 = 5;

/// What the background last said about one key (`core::timers::TimerView`).
#[derive(Clone, Debug, PartialEq)]
struct Reading {
    key: String,
    since_ms: Option<f64>,
    counted_ms: f64,
    as_of_ms: f64,
    open: bool,
    until_ms: Option<f64>,
    spam: bool,
}

struct Placed {
    place: Place,
    host: TimerHost,
}

pub struct Timers {
    hosts: RefCell<Vec<Placed>>,
    /// `hosts` by owner element.
    index: OwnerIndex,
    /// Spaces scans out on pages that keep changing.
    pacer: Pacer,
    readings: RefCell<Vec<Reading>>,
    /// `readings` by key: every timer looks its reading up once a second. (A `String → usize` map, the kind the
    /// content wasm already has, costs less code than one to `Reading`.)
    reading_at: RefCell<HashMap<String, usize>>,
    /// Warn and late thresholds, in counted milliseconds.
    thresholds: Cell<(f64, f64)>,
    /// What was last reported of each key (a hash of its observation): a report carries only the keys whose
    /// observation changed, so a comment edited on a 400-thread post sends one item, not a thousand.
    sent: RefCell<HashMap<String, usize>>,
    /// A scan found something to report while a report was in flight: scan again when it returns.
    again: Cell<bool>,
    /// Settings or another tab changed something: the next scan asks for the readings again.
    reread: Cell<bool>,
    in_flight: Cell<bool>,
    /// Scans in a row that ran out of time reading the page's waits.
    partial_reads: Cell<u32>,
    /// This tab's token in its reports (`Request::TimersObserve::origin`).
    origin: String,
    /// Seconds ticked; every few, the page is read again: a preview that changes its text in place (`4m` →
    /// `You: …`) adds no node, and watching every text change would also fire on each keystroke typed.
    ticks: Cell<u32>,
    surface: Cell<Option<Surface>>,
    pending: RefCell<Option<Timeout>>,
    ticker: RefCell<Option<Interval>>,
    _listener: RefCell<Option<ApiListener>>,
    weak: RefCell<Weak<Timers>>,
}

fn number(value: &JsValue, name: &str) -> Option<f64> {
    Reflect::get(value, &JsValue::from_str(name))
        .ok()
        .and_then(|v| v.as_f64())
}

fn decode(item: &JsValue) -> Option<Reading> {
    let flag = |name: &str| {
        Reflect::get(item, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false)
    };
    Some(Reading {
        key: Reflect::get(item, &JsValue::from_str("key"))
            .ok()?
            .as_string()?,
        since_ms: number(item, "since_ms"),
        counted_ms: number(item, "counted_ms").unwrap_or(0.0),
        as_of_ms: number(item, "as_of_ms").unwrap_or(0.0),
        open: flag("open"),
        until_ms: number(item, "until_ms"),
        spam: flag("spam"),
    })
}

/// A short fingerprint of what is reported: keys, states and stamps (not names, which do not change waits).
/// What an observation says, hashed (FNV-1a): equal for an unchanged observation, so it is not sent again.
fn signature(item: &Observation) -> usize {
    let mut hash: u32 = 0x811c_9dc5;
    let mut add = |text: &str| {
        for byte in text.bytes().chain([0xff]) {
            hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
        }
    };
    add(&item.key);
    add(if item.waiting { "+" } else { "-" });
    for stamp in item.times.iter().chain(item.answer.iter()) {
        add(&stamp.id);
        add(stamp.at.as_deref().unwrap_or(""));
    }
    hash as usize
}

fn iso(ms: f64) -> String {
    String::from(js_sys::Date::new(&JsValue::from_f64(ms)).to_iso_string())
}

fn clock(ms: f64) -> String {
    String::from(js_sys::Date::new(&JsValue::from_f64(ms)).to_locale_time_string("default"))
}

/// What a timer shows at `now` from its reading.
fn shown(reading: &Reading, now: f64, (warn, late): (f64, f64)) -> Shown {
    if reading.spam {
        return Shown {
            state: "answered",
            text: "Spam".into(),
            since: None,
            title: "Labelled spam: not expected to be answered, left out of the statistics".into(),
        };
    }
    let Some(since) = reading.since_ms else {
        return Shown {
            state: "answered",
            text: "✓".into(),
            since: None,
            title: "Answered".into(),
        };
    };
    let waited = reading.counted_ms
        + if reading.open {
            (now - reading.as_of_ms).max(0.0)
        } else {
            0.0
        };
    let (state, symbol) = if !reading.open {
        ("paused", "⏸")
    } else if waited >= late {
        ("late", "‼")
    } else if waited >= warn {
        ("warn", "⚠")
    } else {
        ("ok", "⏱")
    };
    let text = waited_text(waited as i64);
    let paused = if reading.open {
        ""
    } else {
        " (paused: outside opening hours)"
    };
    Shown {
        state,
        title: format!("Waiting {text} since {}{paused}", clock(since)),
        text: format!("{symbol} {text}"),
        since: Some(iso(since)),
    }
}

impl Timers {
    pub fn start() -> Rc<Timers> {
        let timers = Rc::new(Timers {
            hosts: RefCell::default(),
            index: OwnerIndex::default(),
            pacer: Pacer::secondary(),
            readings: RefCell::default(),
            reading_at: RefCell::default(),
            thresholds: Cell::new((5.0 * 60_000.0, 15.0 * 60_000.0)),
            sent: RefCell::default(),
            again: Cell::new(false),
            in_flight: Cell::new(false),
            partial_reads: Cell::new(0),
            // An integer: formatting a float would link Rust's float printing (~7 KB) into the content wasm.
            origin: ((js_sys::Math::random() * 4_294_967_296.0) as u32).to_string(),
            reread: Cell::new(false),
            ticks: Cell::new(0),
            surface: Cell::new(None),
            pending: RefCell::default(),
            ticker: RefCell::default(),
            _listener: RefCell::default(),
            weak: RefCell::default(),
        });
        *timers.weak.borrow_mut() = Rc::downgrade(&timers);
        let weak = Rc::downgrade(&timers);
        let listener = library::on_timers_change(timers.origin.clone(), move || {
            if let Some(timers) = weak.upgrade() {
                timers.refresh();
            }
        });
        *timers._listener.borrow_mut() = listener.ok();
        timers
    }

    /// Leaving a messaging surface: every timer goes (by drop), and the tick stops.
    pub fn stop(&self) {
        self.hosts.borrow_mut().clear();
        self.readings.borrow_mut().clear();
        self.reading_at.borrow_mut().clear();
        self.sent.borrow_mut().clear();
        self.pending.borrow_mut().take();
        self.ticker.borrow_mut().take();
        self.surface.set(None);
    }

    /// Scans in a task of its own (several DOM changes before it runs make one scan), after the page's own
    /// work and the controls of this change.
    pub fn scan_soon(&self, surface: Surface) {
        self.surface.set(Some(surface));
        if self.pending.borrow().is_some() {
            return;
        }
        let weak = self.weak.borrow().clone();
        *self.pending.borrow_mut() = Some(Timeout::new(self.pacer.delay_ms(), move || {
            let Some(timers) = weak.upgrade() else { return };
            timers.pending.borrow_mut().take();
            if let Some(surface) = timers.surface.get() {
                timers
                    .pacer
                    .run(&|| timers.scan(surface, &crate::dom::document()));
            }
        }));
    }

    /// Timers still to mount after a slice ran out: the next task scans again (not paced: the same scan).
    fn rest_soon(&self) {
        let weak = self.weak.borrow().clone();
        *self.pending.borrow_mut() = Some(Timeout::new(0, move || {
            let Some(timers) = weak.upgrade() else { return };
            timers.pending.borrow_mut().take();
            if let Some(surface) = timers.surface.get() {
                timers.scan(surface, &crate::dom::document());
            }
        }));
    }

    /// Settings or another tab changed something: report again and redraw from the answer.
    ///
    /// Only the readings are asked for again (`read_only`): what this page shows has not changed, and
    /// reporting it again could undo what another tab just saw (one tab's stale row against another's newer
    /// thread would otherwise start and end the same wait over and over, each time logging it).
    fn refresh(&self) {
        self.reread.set(true);
        if let Some(surface) = self.surface.get() {
            self.scan_soon(surface);
        }
    }

    fn scan(&self, surface: Surface, document: &Document) {
        // A comment's hosts go when it goes far off screen; they come back when it comes near.
        self.hosts
            .borrow_mut()
            .retain(|p| p.host.is_alive() && !nearby::went_far(&p.host.owner));
        self.index
            .rebuild(self.hosts.borrow().iter().map(|p| &p.host.owner));
        // A long page's comments are read a slice at a time (what was read is remembered), and reported only
        // once all are: a thread read in part could show a customer waiting whom the Page answered further down.
        // After a few slices the rest is read at once, so a page too long to re-read in one slice still is.
        let found = RefCell::new(Vec::new());
        let read = || *found.borrow_mut() = waits::waits(surface, document);
        if self.partial_reads.get() < MAX_PARTIAL_READS && !slice::run(&read) {
            self.partial_reads.set(self.partial_reads.get() + 1);
            self.rest_soon();
            return;
        }
        if self.partial_reads.replace(0) >= MAX_PARTIAL_READS {
            read();
        }
        let found = found.into_inner();
        // The open conversation's row shows a coarser copy of what its thread shows in full: only the thread
        // is reported (a row's `7m` bucket would otherwise move the start up to a minute earlier).
        let open: Vec<String> = found
            .iter()
            .filter(|w| w.place != Place::Row)
            .map(|w| w.seen.key.clone())
            .collect();
        // Every wait is read and reported; the timers of a long page are mounted a slice at a time.
        let placed_all = slice::run(&|| {
            for waiting in &found {
                if slice::out_of_time() {
                    break;
                }
                self.place(
                    waiting.place,
                    &waiting.owner,
                    &waiting.after,
                    &waiting.seen.key,
                );
            }
        });
        if !placed_all {
            self.rest_soon();
        }
        let mut items = Vec::with_capacity(found.len());
        for waiting in found {
            if waiting.place != Place::Row || !open.contains(&waiting.seen.key) {
                items.push(waiting.seen);
            }
        }
        self.report_changes(items);
        self.tick_while_shown();
        self.draw();
    }

    fn place(&self, place: Place, owner: &Element, after: &Element, key: &str) {
        {
            let hosts = self.hosts.borrow();
            let existing = self.index.positions(owner).into_iter();
            if let Some(placed) = existing
                .filter_map(|at| hosts.get(at))
                .find(|p| p.place == place)
            {
                placed.host.set_key(key);
                return;
            }
        }
        if place == Place::Comment && !nearby::is_near(owner) {
            return;
        }
        let Some(host) = TimerHost::mount(owner, after, key) else {
            return;
        };
        if place == Place::Row {
            overlay_on_positioned_row(&host.host.host, owner, "top");
        }
        let mut hosts = self.hosts.borrow_mut();
        self.index.add(owner, hosts.len());
        hosts.push(Placed { place, host });
    }

    /// Reports the observations that changed since they were last sent, or every one when the readings must be
    /// asked for again. While a report is in flight nothing is sent and nothing marked sent: the scan after its
    /// answer sends what is still new.
    fn report_changes(&self, items: Vec<Observation>) {
        if items.is_empty() {
            return;
        }
        // A key shown twice is one observation of both places.
        let mut now: HashMap<String, usize> = HashMap::new();
        for item in &items {
            // `get` and `insert`, not `entry`: the content wasm has no other use of `entry` on this map type.
            let hash = now.get(&item.key).copied().unwrap_or(0);
            now.insert(item.key.clone(), hash.wrapping_mul(31) ^ signature(item));
        }
        let mut sent = self.sent.borrow_mut();
        let changed: Vec<bool> = items
            .iter()
            .map(|item| sent.get(&item.key) != now.get(&item.key))
            .collect();
        let any_changed = changed.contains(&true);
        let reread = self.reread.get();
        if !any_changed && !reread {
            return;
        }
        if self.in_flight.get() {
            self.again.set(true);
            return;
        }
        self.reread.set(false);
        let items: Vec<Observation> = items
            .into_iter()
            .zip(changed)
            .filter(|(_, changed)| *changed || reread)
            .map(|(item, _)| item)
            .collect();
        for item in &items {
            sent.insert(item.key.clone(), now[&item.key]);
        }
        drop(sent);
        // A re-read with nothing new only reads: reporting what this page showed again could undo what another
        // tab just saw (one tab's stale row against another's newer thread would otherwise start and end the
        // same wait over and over, each time logging it).
        self.report(items, !any_changed);
    }

    /// Sends one report and draws from its answer.
    fn report(&self, items: Vec<Observation>, read_only: bool) {
        self.in_flight.set(true);
        let weak = self.weak.borrow().clone();
        let origin = self.origin.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let request = Request::TimersObserve {
                now_ms: js_sys::Date::now(),
                utc_offset_minutes: -(js_sys::Date::new_0().get_timezone_offset() as i32),
                items,
                read_only,
                origin,
            };
            let answer = library::request_raw(&request).await;
            let Some(timers) = weak.upgrade() else { return };
            timers.in_flight.set(false);
            match answer {
                Ok(answer) => timers.take(&answer),
                // Unreachable background (updated, restarting): report everything again on the next scan.
                Err(_) => timers.sent.borrow_mut().clear(),
            }
            if timers.again.replace(false) {
                if let Some(surface) = timers.surface.get() {
                    timers.scan_soon(surface);
                }
            }
        });
    }

    fn take(&self, answer: &JsValue) {
        if let (Some(warn), Some(late)) = (number(answer, "warn_ms"), number(answer, "late_ms")) {
            self.thresholds.set((warn, late));
        }
        let Ok(list) = Reflect::get(answer, &JsValue::from_str("timers")) else {
            return;
        };
        let fresh: Vec<Reading> = js_sys::Array::from(&list)
            .iter()
            .filter_map(|item| decode(&item))
            .collect();
        let mut readings = self.readings.borrow_mut();
        let mut reading_at = self.reading_at.borrow_mut();
        for reading in fresh {
            match reading_at.get(&reading.key) {
                Some(&at) => readings[at] = reading,
                None => {
                    reading_at.insert(reading.key.clone(), readings.len());
                    readings.push(reading);
                }
            }
        }
        drop((readings, reading_at));
        self.draw();
    }

    fn tick_while_shown(&self) {
        let shown = !self.hosts.borrow().is_empty();
        let ticking = self.ticker.borrow().is_some();
        if shown && !ticking {
            let weak = self.weak.borrow().clone();
            *self.ticker.borrow_mut() = Some(Interval::new(1000, move || {
                if let Some(timers) = weak.upgrade() {
                    timers.draw();
                    let ticks = timers.ticks.get().wrapping_add(1);
                    timers.ticks.set(ticks);
                    if ticks % RESCAN_EVERY_TICKS == 0 {
                        if let Some(surface) = timers.surface.get() {
                            timers.scan_soon(surface);
                        }
                    }
                }
            }));
        } else if !shown && ticking {
            self.ticker.borrow_mut().take();
        }
    }

    /// Redraws every timer for now; when opening hours change state for a key, asks the background again.
    fn draw(&self) {
        let now = js_sys::Date::now();
        let thresholds = self.thresholds.get();
        let readings = self.readings.borrow();
        let reading_at = self.reading_at.borrow();
        let mut stale = false;
        for placed in self.hosts.borrow().iter() {
            let at = reading_at.get(placed.host.key.borrow().as_str());
            let shown_now = match at.and_then(|&at| readings.get(at)) {
                Some(reading) => {
                    stale |= reading.until_ms.is_some_and(|until| until <= now);
                    shown(reading, now, thresholds)
                }
                None => Shown::default(),
            };
            placed.host.draw(&shown_now);
        }
        drop((readings, reading_at));
        if stale {
            self.refresh();
        }
    }
}
