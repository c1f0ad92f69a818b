//! Requests to the background as plain JS objects, written by hand for the content scripts' build.
//!
//! The content scripts ship to every messaging page (150 KiB gzip, design.md §6). serde's serializer for
//! wasm (with its string cache and hash map) cost them about 3 KB gzip for the handful of requests they send,
//! so they write those objects field by field; the background reads them with serde as the options page's
//! requests. The field names are serde's (`protocol.rs`), and every request here is exercised by the end-to-end
//! tests against the real background.
use super::protocol::Request;
use crate::core::timers::{Observation, Stamp};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

fn set(object: &Object, name: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(object, &JsValue::from_str(name), &value.into());
}

fn optional(object: &Object, name: &str, value: Option<&str>) {
    set(object, name, value.map_or(JsValue::NULL, JsValue::from_str));
}

fn stamp(stamp: &Stamp) -> JsValue {
    let out = Object::new();
    set(&out, "id", stamp.id.as_str());
    optional(&out, "at", stamp.at.as_deref());
    out.into()
}

fn observation(seen: &Observation) -> JsValue {
    let out = Object::new();
    for (name, value) in [
        ("key", &seen.key),
        ("platform", &seen.platform),
        ("page", &seen.page),
    ] {
        set(&out, name, value.as_str());
    }
    optional(&out, "name", seen.name.as_deref());
    set(&out, "waiting", seen.waiting);
    set(&out, "full", seen.full);
    set(
        &out,
        "times",
        seen.times.iter().map(stamp).collect::<Array>(),
    );
    set(
        &out,
        "answer",
        seen.answer.as_ref().map_or(JsValue::NULL, stamp),
    );
    optional(&out, "agent", seen.agent.as_deref());
    out.into()
}

/// `request` as the object the background reads.
pub fn request(request: &Request) -> JsValue {
    let out = Object::new();
    let op = match request {
        Request::List => "library.list",
        Request::Revision => "library.rev",
        Request::LabelsList => "labels.list",
        Request::Used { id, at_ms } => {
            set(&out, "id", id.as_str());
            set(
                &out,
                "at_ms",
                at_ms.map_or(JsValue::NULL, JsValue::from_f64),
            );
            "reply.used"
        }
        Request::Search { query, limit } => {
            set(&out, "query", query.as_str());
            set(&out, "limit", *limit as f64);
            "library.search"
        }
        Request::Suggest { text, lang, limit } => {
            set(&out, "text", text.as_str());
            optional(&out, "lang", lang.as_deref());
            set(&out, "limit", *limit as f64);
            "customer.suggest"
        }
        Request::TimersObserve {
            now_ms,
            utc_offset_minutes,
            items,
            read_only,
            origin,
        } => {
            set(&out, "now_ms", *now_ms);
            set(&out, "read_only", *read_only);
            set(&out, "origin", origin.as_str());
            set(&out, "utc_offset_minutes", *utc_offset_minutes);
            set(
                &out,
                "items",
                items.iter().map(observation).collect::<Array>(),
            );
            "timers.observe"
        }
    };
    set(&out, "op", op);
    out.into()
}
