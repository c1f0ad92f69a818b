//! A MutationObserver that disconnects when dropped, and batches records into one callback per animation frame,
//! spaced out on pages that never stop changing.
use super::pacer::{Pacer, CHANGES_FLOOR_MS};
use super::{query_cache, unit_memo};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Element, MutationObserver, MutationObserverInit, MutationRecord, Node, NodeList};

/// Our hosts carry this attribute.
const OURS: &str = "[data-answerdeck]";

/// What a record's added or removed nodes hold.
#[derive(Default)]
struct Held {
    /// The page's elements among them (not our hosts).
    theirs: Vec<Element>,
    /// Whether there is text among them.
    text: bool,
    /// Whether one of our hosts is among them.
    ours: bool,
    /// Whether one of the page's elements holds none of our hosts, so may hold something new to mount on. (One
    /// that holds a host is a row the page moved to the top of its list: handled.) Only looked for when asked.
    new: bool,
}

/// Sorts `nodes` in one pass: each is a call out of wasm.
fn held(nodes: &NodeList, look_for_new: bool) -> Held {
    let mut held = Held::default();
    for node in (0..nodes.length()).filter_map(|i| nodes.item(i)) {
        match node.dyn_into::<Element>() {
            Ok(element) if element.has_attribute("data-answerdeck") => held.ours = true,
            Ok(element) => {
                held.new = held.new
                    || (look_for_new && element.query_selector(OURS).ok().flatten().is_none());
                held.theirs.push(element);
            }
            Err(_) => held.text = true,
        }
    }
    held
}

/// Takes in one record: forgets what was read around a change to the page's content ([`unit_memo`]) and the
/// element lists the change may have changed ([`query_cache`]), and says whether the change is worth a scan.
/// Adding or removing one of our own hosts is no change to the content. (Each call on a record is a call out of
/// wasm that makes a new JS object or string, so the record's type and node lists are asked for once.)
fn take_in(record: &MutationRecord) -> bool {
    let kind = record.type_();
    let (content, worth) = if kind == "childList" {
        let (added, removed) = (
            held(&record.added_nodes(), true),
            held(&record.removed_nodes(), false),
        );
        query_cache::forget_touched(&added.theirs);
        query_cache::forget_touched(&removed.theirs);
        let content =
            added.text || removed.text || !added.theirs.is_empty() || !removed.theirs.is_empty();
        (content, added.new || removed.ours)
    } else {
        // Text changed in place matches the same selectors as before; a changed attribute may not.
        if kind != "characterData" {
            query_cache::forget();
        }
        (true, kind != "characterData")
    };
    if content {
        if let Some(target) = record.target() {
            unit_memo::forget_around(&target);
        }
    }
    worth
}

pub struct ScopedObserver {
    observer: MutationObserver,
    /// The same closure type as `nearby`'s observer callback: one instantiation of wasm-bindgen's glue for both.
    _callback: Closure<dyn FnMut(js_sys::Array, JsValue)>,
    /// Cleared on drop, so a frame already scheduled when the observer is dropped does nothing.
    alive: Rc<Cell<bool>>,
}

impl ScopedObserver {
    /// Observes child-list changes under `root` and calls `on_change` at most once per frame. The records are
    /// not inspected: the adapters rescan with selectors, which costs less than walking every added node on
    /// pages with continuous churn, and we only rescan when something was added — or when the page removed
    /// one of our hosts itself (its owner still there), so the control comes back.
    pub fn child_list(
        root: &Node,
        on_change: impl Fn() + 'static,
    ) -> Result<ScopedObserver, JsValue> {
        Self::changes(root, &[], on_change)
    }

    /// Like [`ScopedObserver::child_list`], and also when one of `attributes` changes on any element under
    /// `root`: virtualised lists recycle a row by changing its link and test id in place, adding nothing.
    pub fn changes(
        root: &Node,
        attributes: &[&str],
        on_change: impl Fn() + 'static,
    ) -> Result<ScopedObserver, JsValue> {
        let pending = Rc::new(Cell::new(false));
        let alive = Rc::new(Cell::new(true));
        let on_change = Rc::new(on_change);
        let pacer = Rc::new(Pacer::with_floor(CHANGES_FLOOR_MS));
        let frame_alive = alive.clone();
        let callback =
            Closure::<dyn FnMut(js_sys::Array, JsValue)>::new(move |records: js_sys::Array, _| {
                let mut relevant = false;
                // A MutationObserver hands over nothing but records: no type check per record.
                for record in records.iter() {
                    relevant |= take_in(record.unchecked_ref::<MutationRecord>());
                }
                if !relevant || pending.replace(true) {
                    return;
                }
                let (run_pending, run_alive, run, run_pacer) = (
                    pending.clone(),
                    frame_alive.clone(),
                    on_change.clone(),
                    pacer.clone(),
                );
                let tick = Closure::once_into_js(move || {
                    run_pending.set(false);
                    if run_alive.get() {
                        run_pacer.run(&|| run());
                    }
                });
                let wait = pacer.delay_ms();
                let window = super::window();
                if wait > 16 {
                    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                        tick.unchecked_ref(),
                        wait as i32,
                    );
                } else {
                    let _ = window.request_animation_frame(tick.unchecked_ref());
                }
            });
        let observer = MutationObserver::new(callback.as_ref().unchecked_ref())?;
        let init = MutationObserverInit::new();
        init.set_child_list(true);
        init.set_subtree(true);
        // Text changed in place (an edited comment, a preview's `4m` → `You: …`) starts no scan, but what was
        // read from its unit is out of date.
        init.set_character_data(true);
        if !attributes.is_empty() {
            let filter: js_sys::Array = attributes.iter().map(|a| JsValue::from_str(a)).collect();
            init.set_attribute_filter(&filter);
        }
        observer.observe_with_options(root, &init)?;
        Ok(ScopedObserver {
            observer,
            _callback: callback,
            alive,
        })
    }
}

impl Drop for ScopedObserver {
    fn drop(&mut self) {
        self.alive.set(false);
        self.observer.disconnect();
    }
}
