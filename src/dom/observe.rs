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

/// Whether `nodes` (a record's removed nodes) include one of Answerdeck's hosts.
fn removed_ours(nodes: &NodeList) -> bool {
    elements(nodes).any(|e| e.has_attribute("data-answerdeck"))
}

/// Whether `nodes` (a record's added nodes) may hold something new to mount on. Text is never new to us; one of
/// our hosts, or a subtree that already holds one (a row the page moved to the top of its list), was handled.
fn added_new(nodes: &NodeList) -> bool {
    elements(nodes).any(|e| {
        !e.has_attribute("data-answerdeck") && e.query_selector(OURS).ok().flatten().is_none()
    })
}

fn elements(nodes: &NodeList) -> impl Iterator<Item = Element> + '_ {
    (0..nodes.length()).filter_map(|i| nodes.item(i)?.dyn_into::<Element>().ok())
}

/// Takes in one record: forgets what was read around a change to the page's content ([`unit_memo`], and the
/// element lists unless only text changed), and says whether the change is worth a scan. Adding or removing one
/// of our own hosts is no change to the content. (Each call on a record is a call out of wasm that makes a new
/// JS object or string, so the record's type and node lists are asked for once.)
fn take_in(record: &MutationRecord) -> bool {
    let kind = record.type_();
    let (content, worth) = if kind == "childList" {
        let (added, removed) = (record.added_nodes(), record.removed_nodes());
        (
            theirs(&added) || theirs(&removed),
            added_new(&added) || removed_ours(&removed),
        )
    } else {
        (true, kind != "characterData")
    };
    if content {
        if let Some(target) = record.target() {
            unit_memo::forget_around(&target);
        }
        // Text changed in place matches the same selectors as before.
        if kind != "characterData" {
            query_cache::forget();
        }
    }
    worth
}

/// Whether `nodes` hold anything but our hosts.
fn theirs(nodes: &NodeList) -> bool {
    (0..nodes.length()).any(|i| {
        nodes.item(i).is_some_and(|node| {
            node.dyn_ref::<Element>()
                .is_none_or(|e| !e.has_attribute("data-answerdeck"))
        })
    })
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
