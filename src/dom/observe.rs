//! A MutationObserver that disconnects when dropped, and batches records into one callback per animation frame.
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{MutationObserver, MutationObserverInit, Node};

pub struct ScopedObserver {
    observer: MutationObserver,
    _callback: Closure<dyn FnMut(js_sys::Array, MutationObserver)>,
    _frame: Rc<Cell<bool>>,
}

impl ScopedObserver {
    /// Observes child-list changes under `root` and calls `on_change` at most once per frame. The records are
    /// not inspected: the adapters rescan with selectors, which costs less than walking every added node on
    /// pages with continuous churn, and we only rescan when something was added.
    pub fn child_list(
        root: &Node,
        on_change: impl Fn() + 'static,
    ) -> Result<ScopedObserver, JsValue> {
        let pending = Rc::new(Cell::new(false));
        let on_change = Rc::new(on_change);
        let frame_pending = pending.clone();
        let callback = Closure::<dyn FnMut(js_sys::Array, MutationObserver)>::new(
            move |records: js_sys::Array, _| {
                let added = records.iter().any(|r| {
                    r.dyn_ref::<web_sys::MutationRecord>()
                        .is_some_and(|r| r.added_nodes().length() > 0)
                });
                if !added || frame_pending.replace(true) {
                    return;
                }
                let run_pending = frame_pending.clone();
                let run = on_change.clone();
                let tick = Closure::once_into_js(move || {
                    run_pending.set(false);
                    run();
                });
                let _ = super::window().request_animation_frame(tick.unchecked_ref());
            },
        );
        let observer = MutationObserver::new(callback.as_ref().unchecked_ref())?;
        let init = MutationObserverInit::new();
        init.set_child_list(true);
        init.set_subtree(true);
        observer.observe_with_options(root, &init)?;
        Ok(ScopedObserver {
            observer,
            _callback: callback,
            _frame: pending,
        })
    }
}

impl Drop for ScopedObserver {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
