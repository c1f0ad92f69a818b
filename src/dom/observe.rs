//! A MutationObserver that disconnects when dropped, and batches records into one callback per animation frame.
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{MutationObserver, MutationObserverInit, Node};

/// Whether `nodes` (a record's removed nodes) include one of Answerdeck's hosts.
fn removed_ours(nodes: &web_sys::NodeList) -> bool {
    (0..nodes.length()).any(|i| {
        nodes
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| e.has_attribute("data-answerdeck"))
    })
}

pub struct ScopedObserver {
    observer: MutationObserver,
    _callback: Closure<dyn FnMut(js_sys::Array, MutationObserver)>,
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
        let frame_alive = alive.clone();
        let callback = Closure::<dyn FnMut(js_sys::Array, MutationObserver)>::new(
            move |records: js_sys::Array, _| {
                let added = records.iter().any(|r| {
                    r.dyn_ref::<web_sys::MutationRecord>().is_some_and(|r| {
                        r.added_nodes().length() > 0
                            || r.type_() == "attributes"
                            || removed_ours(&r.removed_nodes())
                    })
                });
                if !added || pending.replace(true) {
                    return;
                }
                let (run_pending, run_alive, run) =
                    (pending.clone(), frame_alive.clone(), on_change.clone());
                let tick = Closure::once_into_js(move || {
                    run_pending.set(false);
                    if run_alive.get() {
                        run();
                    }
                });
                let _ = super::window().request_animation_frame(tick.unchecked_ref());
            },
        );
        let observer = MutationObserver::new(callback.as_ref().unchecked_ref())?;
        let init = MutationObserverInit::new();
        init.set_child_list(true);
        init.set_subtree(true);
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
