//! Controls, chips and timers only for comments on or near the screen. A 400-thread post has over two thousand
//! places for them: mounting them all costs every load a second of style and layout and the tab 2 MB, for
//! comments nobody has scrolled to. Comments are watched by one IntersectionObserver with a margin of about two
//! screens; a comment's hosts are mounted when it comes near and dropped when it goes far again (scrolled past,
//! or pushed down a busy list by new comments), so a tab open all day holds hosts for one screenful and its
//! margins, not for every comment that ever passed by. The first comments of a page are mounted at once, without
//! waiting a frame for the observer: the top of a page is what is on screen.
//!
//! Reading is not affected: every comment is still read, its wait reported and counted in the statistics.
use super::pacer::{Pacer, CHANGES_FLOOR_MS};
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// How far beyond the screen's edges a comment counts as near: scrolling at reading speed never shows a host
/// arriving.
const MARGIN: &str = "1500px 0px";

/// How many owners are mounted before the observer first answers.
const AT_ONCE: u32 = 40;

struct Nearby {
    observer: IntersectionObserver,
    /// Owners on or near the screen.
    near: js_sys::WeakSet,
    /// Owners the observer watches (near ones included: they can go far again).
    watched: js_sys::WeakSet,
    /// Owners still mounted without asking the observer.
    at_once: Cell<u32>,
    /// Owners that came near since the scan last asked ([`take_came_near`]).
    came: RefCell<Vec<Element>>,
    _callback: Closure<dyn FnMut(js_sys::Array, JsValue)>,
    _wake: Rc<Wake>,
}

/// Runs the scan that mounts what came near and drops what went far, at most as often as a scan after page
/// changes.
struct Wake {
    scan: Box<dyn Fn()>,
    pacer: Pacer,
    pending: RefCell<Option<Timeout>>,
}

thread_local! {
    static NEARBY: RefCell<Option<Nearby>> = const { RefCell::new(None) };
}

/// Starts watching for a page: `scan` runs when watched owners come near or go far. Replaces an earlier start.
pub fn start(scan: impl Fn() + 'static) {
    let wake = Rc::new(Wake {
        scan: Box::new(scan),
        pacer: Pacer::with_floor(CHANGES_FLOOR_MS),
        pending: RefCell::default(),
    });
    let on_entries = Rc::downgrade(&wake);
    let callback =
        Closure::<dyn FnMut(js_sys::Array, JsValue)>::new(move |entries: js_sys::Array, _| {
            let mut moved = false;
            NEARBY.with(|cell| {
                let cell = cell.borrow();
                let Some(nearby) = cell.as_ref() else { return };
                for entry in entries.iter() {
                    let entry: IntersectionObserverEntry = entry.unchecked_into();
                    let target = entry.target();
                    if entry.is_intersecting() {
                        if !nearby.near.has(&target) {
                            nearby.near.add(&target);
                            nearby.came.borrow_mut().push(target);
                            moved = true;
                        }
                    } else {
                        moved |= nearby.near.delete(&target);
                        if !target.is_connected() {
                            // Removed by the page: watching it would keep it alive.
                            nearby.observer.unobserve(&target);
                            nearby.watched.delete(&target);
                        }
                    }
                }
            });
            if let (true, Some(wake)) = (moved, on_entries.upgrade()) {
                Wake::soon(&wake);
            }
        });
    let init = IntersectionObserverInit::new();
    init.set_root_margin(MARGIN);
    // Comments inside a scrolling box (a post's dialog) come near by the same margin (where supported).
    let _ = js_sys::Reflect::set(&init, &"scrollMargin".into(), &MARGIN.into());
    let observer =
        IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init).ok();
    NEARBY.with(|cell| {
        if let Some(old) = cell.borrow_mut().take() {
            old.observer.disconnect();
        }
        *cell.borrow_mut() = observer.map(|observer| Nearby {
            observer,
            near: js_sys::WeakSet::new(),
            watched: js_sys::WeakSet::new(),
            at_once: Cell::new(AT_ONCE),
            came: RefCell::default(),
            _callback: callback,
            _wake: wake,
        });
    });
}

/// Stops watching (leaving a messaging page).
pub fn stop() {
    NEARBY.with(|cell| {
        if let Some(old) = cell.borrow_mut().take() {
            old.observer.disconnect();
        }
    });
}

/// Whether `owner` is on or near the screen, as far as is known. An owner not known yet is watched and,
/// past the first few, answers `false` until the observer reports it near. Without a watcher (not started,
/// or no IntersectionObserver) everything is near.
pub fn is_near(owner: &Element) -> bool {
    NEARBY.with(|cell| {
        let cell = cell.borrow();
        let Some(nearby) = cell.as_ref() else {
            return true;
        };
        if nearby.near.has(owner) {
            return true;
        }
        let watched = nearby.watched.has(owner);
        if !watched {
            nearby.watched.add(owner);
            nearby.observer.observe(owner);
        }
        let at_once = nearby.at_once.get();
        if at_once > 0 && !watched {
            nearby.at_once.set(at_once - 1);
            nearby.near.add(owner);
            return true;
        }
        false
    })
}

/// The owners that came near since the last call, so a scan can mount on them without looking at the whole page.
pub fn take_came_near() -> Vec<Element> {
    NEARBY.with(|cell| {
        cell.borrow()
            .as_ref()
            .map(|nearby| nearby.came.take())
            .unwrap_or_default()
    })
}

/// Whether `owner` was near and went far again (its hosts go). Owners never asked about ([`is_near`]), such as
/// composers and conversation rows, never go far.
pub fn went_far(owner: &Element) -> bool {
    NEARBY.with(|cell| {
        let cell = cell.borrow();
        cell.as_ref()
            .is_some_and(|nearby| nearby.watched.has(owner) && !nearby.near.has(owner))
    })
}

impl Wake {
    fn soon(this: &Rc<Wake>) {
        if this.pending.borrow().is_some() {
            return;
        }
        let weak = Rc::downgrade(this);
        *this.pending.borrow_mut() = Some(Timeout::new(this.pacer.delay_ms(), move || {
            let Some(wake) = weak.upgrade() else { return };
            wake.pending.borrow_mut().take();
            wake.pacer.run(&*wake.scan);
        }));
    }
}
