//! A reply waiting for another tab: "Reply privately" opens the customer's Messenger or X Chat conversation in a
//! new tab, and that tab's content script inserts the reply once its composer is there. Kept in the extension's
//! own storage (page scripts can't read it), taken once, and ignored when stale.
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

const KEY: &str = "answerdeck.handoff";
/// A handoff older than this is dropped: the user has moved on.
pub const FRESH_MS: f64 = 120_000.0;

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Handoff {
    /// The text to insert.
    pub text: String,
    /// Where it goes: `facebook:<messenger id>` or `x:<handle>` (lowercase).
    pub to: String,
    /// The customer's name, for the notice.
    pub name: Option<String>,
    pub created_ms: f64,
}

pub async fn put(handoff: &Handoff) -> Result<(), JsValue> {
    // Written field by field, as `take` reads it: no serializer in the content scripts' wasm.
    let value = js_sys::Object::new();
    let name = handoff
        .name
        .as_deref()
        .map_or(JsValue::NULL, JsValue::from_str);
    for (field, v) in [
        ("text", JsValue::from_str(&handoff.text)),
        ("to", JsValue::from_str(&handoff.to)),
        ("name", name),
        ("created_ms", JsValue::from_f64(handoff.created_ms)),
    ] {
        js_sys::Reflect::set(&value, &field.into(), &v)?;
    }
    let items = js_sys::Object::new();
    js_sys::Reflect::set(&items, &KEY.into(), &value)?;
    crate::platform::ext::call("storage.local", "set", &[items.into()]).await?;
    Ok(())
}

/// The waiting handoff whose `to` satisfies `wanted`, removed from storage; None when there is none, it is
/// stale (then it is removed too), or it is for another conversation (then it stays for that one).
pub async fn take(wanted: impl Fn(&str) -> bool, now_ms: f64) -> Option<Handoff> {
    let got = crate::platform::ext::call("storage.local", "get", &[KEY.into()])
        .await
        .ok()?;
    let value = js_sys::Reflect::get(&got, &KEY.into()).ok()?;
    if value.is_undefined() {
        return None;
    }
    let handoff = Handoff {
        text: js_sys::Reflect::get(&value, &"text".into())
            .ok()?
            .as_string()?,
        to: js_sys::Reflect::get(&value, &"to".into())
            .ok()?
            .as_string()?,
        name: js_sys::Reflect::get(&value, &"name".into())
            .ok()
            .and_then(|n| n.as_string()),
        created_ms: js_sys::Reflect::get(&value, &"created_ms".into())
            .ok()?
            .as_f64()?,
    };
    let stale = now_ms - handoff.created_ms > FRESH_MS;
    if !stale && !wanted(&handoff.to) {
        return None;
    }
    let _ = crate::platform::ext::call("storage.local", "remove", &[KEY.into()]).await;
    (!stale).then_some(handoff)
}
