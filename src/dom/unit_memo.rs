//! What the site code last read from one unit of a page (a comment, a post), kept until anything inside that
//! unit changes. Reading a comment (its author, text, links and buttons) costs tens of calls out of wasm; a
//! 400-thread post has over a thousand of them, and the controls, labels and timers each re-read the page after
//! every change. With this, a scan re-reads only the units the page touched since.
//!
//! The page observer ([`super::observe`]) calls [`forget_around`] for every change it sees (children, text, the
//! watched attributes), which drops the version of every element around the change. Our own hosts coming and
//! going are not changes to the unit (they are left out of what is read).
//!
//! Every memo shares one map of versions (element → the version of its unchanged content), so forgetting costs
//! two calls out of wasm per ancestor, not one per memo: a busy page sends a thousand changes a second, each
//! twenty ancestors deep.
use js_sys::Object;
use std::cell::{Cell, OnceCell, RefCell};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Node};

/// Slots a memo can hold (they are numbered within an epoch). Units the page removed leave their slot behind: a
/// `WeakMap` forgets the element, not our copy of what was read, and that copy holds the comment's elements.
const SLOTS: usize = 8192;

/// Slots a memo fills before it first looks for units the page removed.
const FIRST_SWEEP: usize = 512;

thread_local! {
    /// Element → the version it has had since it last changed. A change deletes the entry of every element around
    /// it; a memo's reading is good while the unit still has the version the memo read it at.
    static VERSIONS: OnceCell<js_sys::WeakMap> = const { OnceCell::new() };
    /// The last version handed out.
    static LAST_VERSION: Cell<f64> = const { Cell::new(0.0) };
    /// Bumped to forget everything at once: entries from an earlier epoch point nowhere.
    static EPOCH: Cell<u32> = const { Cell::new(0) };
}

fn versions<R>(with: impl FnOnce(&js_sys::WeakMap) -> R) -> R {
    VERSIONS.with(|cell| with(cell.get_or_init(js_sys::WeakMap::new)))
}

/// The version of `unit`'s content: the one it has, or a new one when it changed since it last had one.
fn version_of(unit: &Element) -> f64 {
    versions(|map| {
        let key = unit.unchecked_ref::<Object>();
        map.get(key).as_f64().unwrap_or_else(|| {
            let version = LAST_VERSION.with(|last| {
                last.set(last.get() + 1.0);
                last.get()
            });
            map.set(key, &JsValue::from_f64(version));
            version
        })
    })
}

fn epoch() -> u32 {
    EPOCH.with(Cell::get)
}

/// Forgets every unit of every memo: the page was not watched for a while (a non-messaging page in between).
pub fn forget_all() {
    EPOCH.with(|epoch| epoch.set(epoch.get().wrapping_add(1)));
}

pub struct UnitMemo<T> {
    book: Book,
    /// What was read, by slot.
    slots: RefCell<Vec<T>>,
}

/// Which unit has which slot: the part of a memo that does not depend on what is read, kept apart so the
/// content wasm has one copy of it rather than one per kind of reading.
struct Book {
    /// Unit element → `version * SLOTS + slot`: the slot of the reading made at that version of the unit; weak,
    /// so removed units are not kept alive. Made on first use, so a memo is a `const` thread-local with no
    /// start-up code.
    map: OnceCell<js_sys::WeakMap>,
    /// The same, kept when the unit changes (not registered for forgetting): a unit read again reuses its slot,
    /// so the slots grow with the units a page adds, not with every change. (A slot per change grew the content
    /// wasm's memory by 2 MB during the benchmark's churn of a 400-thread post.)
    slot_of: OnceCell<js_sys::WeakMap>,
    /// The unit of each slot, to tell the slots of units the page removed.
    units: RefCell<Vec<Element>>,
    /// How many slots it takes for the next look at how many units are gone.
    sweep_at: Cell<usize>,
    /// The epoch the slots belong to.
    filled_in: Cell<u32>,
}

impl<T: Clone> UnitMemo<T> {
    #[allow(clippy::new_without_default)] // const, for `const` thread-locals; nothing wants a `Default`
    pub const fn new() -> Self {
        UnitMemo {
            book: Book {
                map: OnceCell::new(),
                slot_of: OnceCell::new(),
                units: RefCell::new(Vec::new()),
                sweep_at: Cell::new(FIRST_SWEEP),
                filled_in: Cell::new(0),
            },
            slots: RefCell::new(Vec::new()),
        }
    }

    /// What `read` says about `unit`: remembered from the last read unless the unit changed since.
    pub fn read(&self, unit: &Element, read: &dyn Fn(&Element) -> T) -> T {
        if let Some(slot) = self.book.unchanged(unit) {
            if let Some(value) = self.slots.borrow().get(slot) {
                return value.clone();
            }
        }
        let value = read(unit);
        let mut slots = self.slots.borrow_mut();
        let (slot, start_over) = self.book.place(unit);
        if start_over {
            slots.clear();
        }
        match slots.get_mut(slot) {
            Some(kept) => *kept = value.clone(),
            None => slots.push(value.clone()),
        }
        value
    }
}

impl<T> UnitMemo<T> {
    /// How many readings are kept (for tests: a unit read again after a change keeps its slot).
    pub fn kept(&self) -> usize {
        self.slots.borrow().len()
    }
}

impl Book {
    /// The slot of `unit`'s reading, when the unit has not changed since.
    fn unchanged(&self, unit: &Element) -> Option<usize> {
        if self.filled_in.get() != epoch() {
            return None;
        }
        let version = versions(|map| map.get(unit.unchecked_ref::<Object>()).as_f64())?;
        slot_in(self.map.get()?, unit, version)
    }

    /// The slot for a new reading of `unit`, and whether the slots must be emptied first (a new epoch, or too many
    /// of them belong to removed units). There are as many slots as `units`.
    fn place(&self, unit: &Element) -> (usize, bool) {
        let mut units = self.units.borrow_mut();
        let start_over = self.filled_in.get() != epoch() || mostly_gone(&units, &self.sweep_at);
        if start_over {
            if self.filled_in.get() == epoch() {
                forget_all();
            }
            units.clear();
            self.filled_in.set(epoch());
        }
        let (slot_of, epoch) = (
            self.slot_of.get_or_init(js_sys::WeakMap::new),
            self.filled_in.get(),
        );
        let filled = units.len();
        let slot = match slot_in(slot_of, unit, epoch as f64).filter(|&at| at < filled) {
            Some(slot) => slot,
            None => {
                remember(slot_of, unit, epoch as f64, filled);
                units.push(unit.clone());
                filled
            }
        };
        let map = self.map.get_or_init(js_sys::WeakMap::new);
        remember(map, unit, version_of(unit), slot);
        (slot, start_over)
    }
}

/// Whether a memo should start over because at least half of its slots belong to units the page removed (and so
/// keep those detached comments alive). Looked at each time the slots double, so the look costs little per read
/// and a page that churns for hours holds at most about twice the units it shows. (Not generic: one copy.)
fn mostly_gone(units: &[Element], sweep_at: &Cell<usize>) -> bool {
    let held = units.len();
    if held < sweep_at.get() {
        return false;
    }
    let gone = units.iter().filter(|unit| !unit.is_connected()).count();
    let start_over = held >= SLOTS || gone * 2 >= held;
    sweep_at.set(if start_over { FIRST_SWEEP } else { held * 2 });
    start_over
}

/// The slot `map` holds for `unit` at `version` (an epoch for `slot_of`).
fn slot_in(map: &js_sys::WeakMap, unit: &Element, version: f64) -> Option<usize> {
    let slot = map.get(unit.unchecked_ref::<Object>()).as_f64()? - version * SLOTS as f64;
    (0.0..SLOTS as f64).contains(&slot).then_some(slot as usize)
}

fn remember(map: &js_sys::WeakMap, unit: &Element, version: f64, slot: usize) {
    let at = version * SLOTS as f64 + slot as f64;
    map.set(unit.unchecked_ref::<Object>(), &JsValue::from_f64(at));
}

/// Forgets every unit around `node` (the node itself when it is an element, and each ancestor) in every memo.
pub fn forget_around(node: &Node) {
    VERSIONS.with(|cell| {
        let Some(map) = cell.get() else {
            return; // no memo was used yet
        };
        let mut at = match node.dyn_ref::<Element>() {
            Some(element) => Some(element.clone()),
            None => node.parent_element(),
        };
        while let Some(element) = at {
            map.delete(element.unchecked_ref::<Object>());
            at = element.parent_element();
        }
    });
}
