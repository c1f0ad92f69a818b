//! A MutationObserver that disconnects when dropped, and batches records into one callback per animation frame,
//! spaced out on pages that never stop changing. The callback is told which new elements the page added, so a
//! scan can look at them rather than at the whole page.
use super::pacer::{Pacer, CHANGES_FLOOR_MS};
use super::{query_cache, unit_memo};
use std::cell::{Cell, RefCell};
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

/// Sorts `nodes` in one pass: each is a call out of wasm. New elements go to `new` when given.
fn held(nodes: &NodeList, mut new: Option<&mut Changes>) -> Held {
    let mut held = Held::default();
    for node in (0..nodes.length()).filter_map(|i| nodes.item(i)) {
        match node.dyn_into::<Element>() {
            Ok(element) if element.has_attribute("data-answerdeck") => held.ours = true,
            Ok(element) => {
                if let Some(changes) = new.as_deref_mut() {
                    if element.query_selector(OURS).ok().flatten().is_none() {
                        held.new = true;
                        changes.add(element.clone());
                    }
                }
                held.theirs.push(element);
            }
            Err(_) => held.text = true,
        }
    }
    held
}

/// More new elements than this between two callbacks, and the callback is told to look at the whole page: one
/// pass over it costs less than looking into each of them.
const MAX_LISTED: usize = 256;

/// What changed since the observer's last callback.
#[derive(Default)]
pub struct Changes {
    /// Elements the page added that hold none of our hosts (a row the page moved to the top of its list keeps its
    /// host and is not new), oldest first.
    pub added: Vec<Element>,
    /// Look at the whole page: a watched attribute changed in place (a virtualised list recycles a row that way,
    /// adding nothing), or more was added than is worth listing.
    pub everything: bool,
    /// Whether anything worth a scan happened (the page may also have removed one of our hosts, its owner still
    /// there: the scan puts the control back).
    worth: bool,
}

impl Changes {
    fn add(&mut self, element: Element) {
        if self.everything {
            return;
        }
        if self.added.len() < MAX_LISTED {
            self.added.push(element);
        } else {
            self.look_everywhere();
        }
    }

    fn look_everywhere(&mut self) {
        self.everything = true;
        self.added = Vec::new();
    }
}

/// Takes in one record: forgets what was read around a change to the page's content ([`unit_memo`]) and the
/// element lists the change may have changed ([`query_cache`]), and notes in `changes` what is worth a scan.
/// Adding or removing one of our own hosts is no change to the content. (Each call on a record is a call out of
/// wasm that makes a new JS object or string, so the record's type and node lists are asked for once.)
fn take_in(record: &MutationRecord, changes: &mut Changes) {
    let kind = record.type_();
    let content = if kind == "childList" {
        let (added, removed) = (
            held(&record.added_nodes(), Some(changes)),
            held(&record.removed_nodes(), None),
        );
        query_cache::forget_touched(&added.theirs);
        query_cache::forget_touched(&removed.theirs);
        let content =
            added.text || removed.text || !added.theirs.is_empty() || !removed.theirs.is_empty();
        changes.worth |= added.new || removed.ours;
        content
    } else {
        // Text changed in place matches the same selectors as before and starts no scan; a changed attribute may
        // match other selectors.
        if kind != "characterData" {
            query_cache::forget();
            changes.worth = true;
            changes.look_everywhere();
        }
        true
    };
    if content {
        if let Some(target) = record.target() {
            unit_memo::forget_around(&target);
        }
    }
}

pub struct ScopedObserver {
    observer: MutationObserver,
    /// The same closure type as `nearby`'s observer callback: one instantiation of wasm-bindgen's glue for both.
    _callback: Closure<dyn FnMut(js_sys::Array, JsValue)>,
    /// Cleared on drop, so a frame already scheduled when the observer is dropped does nothing.
    alive: Rc<Cell<bool>>,
}

impl ScopedObserver {
    /// Observes child-list changes under `root` and calls `on_change` at most once per frame with what changed
    /// since: the new elements the page added (the scan looks into them, not the whole page), and whether to look
    /// at the whole page anyway. It is called only when something was added, or when the page removed one of our
    /// hosts itself (its owner still there), so the control comes back.
    pub fn child_list(
        root: &Node,
        on_change: impl Fn(Changes) + 'static,
    ) -> Result<ScopedObserver, JsValue> {
        Self::changes(root, &[], on_change)
    }

    /// Like [`ScopedObserver::child_list`], and also when one of `attributes` changes on any element under
    /// `root`: virtualised lists recycle a row by changing its link and test id in place, adding nothing.
    pub fn changes(
        root: &Node,
        attributes: &[&str],
        on_change: impl Fn(Changes) + 'static,
    ) -> Result<ScopedObserver, JsValue> {
        let pending = Rc::new(Cell::new(false));
        let gathered = Rc::new(RefCell::new(Changes::default()));
        let alive = Rc::new(Cell::new(true));
        let on_change = Rc::new(on_change);
        let pacer = Rc::new(Pacer::with_floor(CHANGES_FLOOR_MS));
        let frame_alive = alive.clone();
        let callback =
            Closure::<dyn FnMut(js_sys::Array, JsValue)>::new(move |records: js_sys::Array, _| {
                {
                    let mut changes = gathered.borrow_mut();
                    // A MutationObserver hands over nothing but records: no type check per record.
                    for record in records.iter() {
                        take_in(record.unchecked_ref::<MutationRecord>(), &mut changes);
                    }
                    if !changes.worth || pending.replace(true) {
                        return;
                    }
                }
                let (run_pending, run_alive, run, run_pacer, run_changes) = (
                    pending.clone(),
                    frame_alive.clone(),
                    on_change.clone(),
                    pacer.clone(),
                    gathered.clone(),
                );
                let tick = Closure::once_into_js(move || {
                    run_pending.set(false);
                    if run_alive.get() {
                        // What came in up to now; records arriving while `run` runs go to the next callback.
                        run_pacer.run(&|| run(run_changes.take()));
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
