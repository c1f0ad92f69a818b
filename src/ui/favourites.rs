//! The hint shown after Ctrl+. in a composer: the numbered favourites (1–9), so the next digit is a choice
//! the user can see, not a guess.
use crate::dom::mount::ShadowHost;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

pub struct FavouritesHint {
    _host: ShadowHost,
}

impl FavouritesHint {
    /// Shows `titles` (already limited to the numbered ones) under `editor`.
    pub fn show(editor: &HtmlElement, titles: &[String]) -> Option<FavouritesHint> {
        let document = crate::dom::document();
        let host = ShadowHost::new("div", "favourites", super::styles::FAVOURITES)?;
        host.host.set_attribute("role", "note").ok()?;
        host.host
            .set_attribute("aria-label", "Favourite replies: press 1 to 9")
            .ok()?;
        let list = document.create_element("ol").ok()?;
        list.set_attribute("class", "favourites").ok()?;
        let heading = document.create_element("p").ok()?;
        heading.set_attribute("class", "hint").ok()?;
        heading.set_text_content(Some(if titles.is_empty() {
            "No favourites yet: star replies in Answerdeck's options."
        } else {
            "Press 1–9 to insert · Esc to cancel"
        }));
        list.append_child(&heading).ok()?;
        for title in titles {
            let item = document.create_element("li").ok()?;
            item.set_text_content(Some(title));
            list.append_child(&item).ok()?;
        }
        host.root.append_child(&list).ok()?;
        let parent: HtmlElement = document
            .body()
            .or_else(|| document.document_element()?.dyn_into().ok())?;
        parent.append_child(&host.host).ok()?;
        let rect = editor.get_bounding_client_rect();
        let style = host.host.style();
        let _ = style.set_property("left", &crate::dom::px(rect.left().max(8.0)));
        let _ = style.set_property("top", &crate::dom::px((rect.bottom() + 4.0).max(8.0)));
        Some(FavouritesHint { _host: host })
    }
}
