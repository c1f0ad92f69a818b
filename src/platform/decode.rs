//! Reading the background's answers in content scripts without serde: the derived deserializers (and the
//! float formatting serde's error messages bring along) cost every messaging page about 12 KB of gzipped wasm
//! (design.md §6 budget), for a handful of fields. The options page and the background keep serde.
//! Missing or mistyped fields read as absent, which every caller already handles.
use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};

#[cfg(not(feature = "pages"))]
pub use replies::response;

pub fn field(value: &JsValue, name: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

pub fn string(value: &JsValue, name: &str) -> Option<String> {
    field(value, name).as_string()
}

pub fn number(value: &JsValue, name: &str) -> Option<f64> {
    field(value, name).as_f64()
}

pub fn strings(value: &JsValue, name: &str) -> Option<Vec<String>> {
    let list = field(value, name).dyn_into::<Array>().ok()?;
    Some(list.iter().filter_map(|v| v.as_string()).collect())
}

/// The library's answers (replies and settings values), which only content scripts decode by hand.
#[cfg(not(feature = "pages"))]
mod replies {
    use super::{field, number, string, strings};
    use crate::core::record::Record;
    use crate::core::reply::Reply;
    use crate::platform::protocol::Response;
    use js_sys::{Array, Object};
    use wasm_bindgen::{JsCast, JsValue};

    fn reply(value: &JsValue) -> Option<Reply> {
        let mut reply = Reply::new(
            string(value, "id")?,
            string(value, "title").unwrap_or_default(),
            string(value, "body").unwrap_or_default(),
        );
        if let Ok(variants) = field(value, "variants").dyn_into::<Object>() {
            for entry in Object::entries(&variants).iter() {
                let pair: Array = entry.unchecked_into();
                if let (Some(code), Some(text)) = (pair.get(0).as_string(), pair.get(1).as_string())
                {
                    reply.variants.insert(code, text);
                }
            }
        }
        reply.language = string(value, "language");
        reply.folder = string(value, "folder");
        reply.tags = strings(value, "tags").unwrap_or_default();
        reply.shortcut = string(value, "shortcut");
        reply.favorite = field(value, "favorite").as_bool().unwrap_or(false);
        reply.position = number(value, "position");
        Some(reply)
    }

    fn record(value: &JsValue) -> Option<Record<Reply>> {
        Some(Record {
            rev: number(value, "rev").unwrap_or_default() as u64,
            updated_at: string(value, "updated_at").unwrap_or_default(),
            data: reply(&field(value, "data"))?,
        })
    }

    /// The fields of a [`Response`] that content scripts read.
    pub fn response(value: &JsValue) -> Response {
        let replies = field(value, "replies")
            .dyn_into::<Array>()
            .ok()
            .map(|list| list.iter().filter_map(|r| record(&r)).collect());
        Response {
            ok: field(value, "ok").as_bool().unwrap_or(false),
            error: string(value, "error"),
            message: string(value, "message"),
            path: string(value, "path"),
            rev: number(value, "rev").map(|rev| rev as u64),
            replies,
            agent: string(value, "agent"),
            facebook_dm_link: string(value, "facebook_dm_link"),
            x_dm_link: string(value, "x_dm_link"),
            picker_order: string(value, "picker_order"),
            order: strings(value, "order"),
            ids: strings(value, "ids"),
            language: string(value, "language"),
            labels_rev: number(value, "labels_rev").map(|rev| rev as u64),
        }
    }
}
