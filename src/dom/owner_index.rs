//! Which of a list of hosts an element owns, found in one lookup. Element identity is only known to JS (each
//! `==` between two elements is a call out of wasm), so finding a row's host by comparing owners one by one
//! made every scan of a long list quadratic; a JS `Map` keyed by the owner element answers at once.
use wasm_bindgen::JsValue;
use web_sys::Element;

#[derive(Default)]
pub struct OwnerIndex(js_sys::Map);

impl OwnerIndex {
    /// Forgets everything and indexes `owners` by position (call after the host list was filtered).
    pub fn rebuild<'a>(&self, owners: impl Iterator<Item = &'a Element>) {
        self.0.clear();
        for (at, owner) in owners.enumerate() {
            self.add(owner, at);
        }
    }

    /// Records that the host at position `at` belongs to `owner` (one owner can have several hosts).
    pub fn add(&self, owner: &Element, at: usize) {
        let found = self.0.get(owner);
        let positions = if found.is_undefined() {
            let fresh = js_sys::Array::new();
            self.0.set(owner, &fresh);
            fresh
        } else {
            found.into()
        };
        positions.push(&JsValue::from_f64(at as f64));
    }

    /// The positions of `owner`'s hosts.
    pub fn positions(&self, owner: &Element) -> Vec<usize> {
        let found = self.0.get(owner);
        if found.is_undefined() {
            return Vec::new();
        }
        js_sys::Array::from(&found)
            .iter()
            .filter_map(|v| v.as_f64())
            .map(|v| v as usize)
            .collect()
    }
}
