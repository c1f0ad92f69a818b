//! Copy to clipboard: the fallback when no composer can take the text. Needs the user's gesture (a click or
//! key press in the picker), which is always where it is called from.
use wasm_bindgen_futures::JsFuture;

pub async fn copy(text: &str) -> bool {
    let clipboard = crate::dom::window().navigator().clipboard();
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}
