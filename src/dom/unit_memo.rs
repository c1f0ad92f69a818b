//! What the site code last read from one unit of a page (a comment, a post), kept until anything inside that
//! unit changes. Reading a comment (its author, text, links and buttons) costs tens of calls out of wasm; a
//! 400-thread post has over a thousand of them, and the controls, labels and timers each re-read the page after
//! every change. With this, a scan re-reads only the units the page touched since.
//!
//! The page observer ([`super::observe`]) calls [`forget_around`] for every change it sees (children, text, the
//! watched attributes), which drops the memo of every unit around the change. Our own hosts coming and going
//! are not changes to the unit (they are left out of what is read).
use js_sys::Object;
use std::cell::{Cell, OnceCell, RefCell};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Node};

/// Slots kept before a memo starts over: units the page removed leave their slot behind (a `WeakMap` forgets
/// the element, not our copy), so a page that churns for hours would otherwise grow it without end.
const SLOTS: usize = 8192;

thread_local! {
    /// Every memo's map, so a change forgets its units in all of them.
    static MAPS: RefCell<Vec<js_sys::WeakMap>> = const { RefCell::new(Vec::new()) };
    /// Bumped to forget everything at once: entries from an earlier epoch point nowhere.
    static EPOCH: Cell<u32> = const { Cell::new(0) };
}

fn epoch() -> u32 {
    EPOCH.with(Cell::get)
}

/// Forgets every unit of every memo: the page was not watched for a while (a non-messaging page in between).
pub fn forget_all() {
    EPOCH.with(|epoch| epoch.set(epoch.get().wrapping_add(1)));
}

pub struct UnitMemo<T> {
    /// Unit element → `epoch * SLOTS + slot`, while the unit is unchanged; weak, so removed units are not kept
    /// alive. Made on first use, so a memo is a `const` thread-local with no start-up code.
    map: OnceCell<js_sys::WeakMap>,
    /// The same, kept when the unit changes (not registered for forgetting): a unit read again reuses its slot,
    /// so the slots grow with the units a page adds, not with every change. (A slot per change grew the content
    /// wasm's memory by 2 MB during the benchmark's churn of a 400-thread post.)
    slot_of: OnceCell<js_sys::WeakMap>,
    slots: RefCell<Vec<T>>,
    /// The epoch `slots` belong to.
    filled_in: Cell<u32>,
}

impl<T: Clone> UnitMemo<T> {
    #[allow(clippy::new_without_default)] // const, for `const` thread-locals; nothing wants a `Default`
    pub const fn new() -> Self {
        UnitMemo {
            map: OnceCell::new(),
            slot_of: OnceCell::new(),
            slots: RefCell::new(Vec::new()),
            filled_in: Cell::new(0),
        }
    }

    /// What `read` says about `unit`: remembered from the last read unless the unit changed since.
    pub fn read(&self, unit: &Element, read: &dyn Fn(&Element) -> T) -> T {
        let map = map_of(&self.map);
        if let Some(slot) = remembered(map, unit, self.filled_in.get()) {
            if let Some(value) = self.slots.borrow().get(slot) {
                return value.clone();
            }
        }
        let value = read(unit);
        let mut slots = self.slots.borrow_mut();
        if self.filled_in.get() != epoch() || slots.len() >= SLOTS {
            if slots.len() >= SLOTS {
                forget_all();
            }
            slots.clear();
            self.filled_in.set(epoch());
        }
        let (slot_of, epoch) = (
            self.slot_of.get_or_init(js_sys::WeakMap::new),
            self.filled_in.get(),
        );
        let slot = match remembered(slot_of, unit, epoch).filter(|&at| at < slots.len()) {
            Some(slot) => {
                slots[slot] = value.clone();
                slot
            }
            None => {
                remember(slot_of, unit, epoch, slots.len());
                slots.push(value.clone());
                slots.len() - 1
            }
        };
        remember(map, unit, epoch, slot);
        value
    }
}

impl<T> UnitMemo<T> {
    /// How many readings are kept (for tests: a unit read again after a change keeps its slot).
    pub fn kept(&self) -> usize {
        self.slots.borrow().len()
    }
}

/// The memo's map, made and registered on first use. (Not generic: one copy for every memo.)
fn map_of(cell: &OnceCell<js_sys::WeakMap>) -> &js_sys::WeakMap {
    cell.get_or_init(|| {
        let map = js_sys::WeakMap::new();
        MAPS.with(|maps| maps.borrow_mut().push(map.clone()));
        map
    })
}

/// The slot `unit` was remembered in, when it was in this epoch and the slots are of it (`filled_in`).
fn remembered(map: &js_sys::WeakMap, unit: &Element, filled_in: u32) -> Option<usize> {
    let now = epoch();
    if filled_in != now {
        return None;
    }
    let slot = map.get(unit.unchecked_ref::<Object>()).as_f64()? - now as f64 * SLOTS as f64;
    (0.0..SLOTS as f64).contains(&slot).then_some(slot as usize)
}

fn remember(map: &js_sys::WeakMap, unit: &Element, epoch: u32, slot: usize) {
    let at = epoch as f64 * SLOTS as f64 + slot as f64;
    map.set(unit.unchecked_ref::<Object>(), &JsValue::from_f64(at));
}

/// Forgets every unit around `node` (the node itself when it is an element, and each ancestor) in every memo.
pub fn forget_around(node: &Node) {
    MAPS.with(|maps| {
        let maps = maps.borrow();
        if maps.is_empty() {
            return;
        }
        let mut at = match node.dyn_ref::<Element>() {
            Some(element) => Some(element.clone()),
            None => node.parent_element(),
        };
        while let Some(element) = at {
            for map in maps.iter() {
                map.delete(element.unchecked_ref::<Object>());
            }
            at = element.parent_element();
        }
    });
}
