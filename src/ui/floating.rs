//! The fallback when a page has changed so much that no comment or composer is recognised: a floating button
//! with a visible notice. The picker it opens inserts into the box the user last clicked, or copies the reply.
use crate::dom::mount::ShadowHost;
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

pub struct Floating {
    _host: ShadowHost,
    _listeners: Vec<EventListener>,
}

pub const NOTICE: &str =
    "Answerdeck found no comments to answer on this page. If you can see comments, the site may have \
changed: click a reply box, then pick a saved reply here — or pick one to copy it.";

impl Floating {
    pub fn mount(activate: impl Fn(&HtmlElement) + 'static) -> Option<Floating> {
        let document = crate::dom::document();
        let host = ShadowHost::new("div", "floating", super::styles::FLOATING)?;
        let body = document.create_element("div").ok()?;
        body.set_attribute("class", "box").ok()?;
        let notice = document.create_element("p").ok()?;
        notice.set_attribute("class", "notice").ok()?;
        notice.set_attribute("role", "note").ok()?;
        notice.set_text_content(Some(NOTICE));
        let button: HtmlElement = document.create_element("button").ok()?.dyn_into().ok()?;
        button.set_attribute("type", "button").ok()?;
        button
            .set_attribute("aria-label", "Open Answerdeck saved replies")
            .ok()?;
        button.set_text_content(Some("Saved replies"));
        body.append_child(&notice).ok()?;
        body.append_child(&button).ok()?;
        host.root.append_child(&body).ok()?;
        document.body()?.append_child(&host.host).ok()?;
        let anchor = button.clone();
        // The whole box (notice and button) opens the picker: the notice says to pick a reply "here".
        let listeners = vec![
            // Keep the user's caret in the box they clicked: the click must not take focus from it.
            EventListener::new_with_options(
                &body,
                "mousedown",
                gloo::events::EventListenerOptions::enable_prevent_default(),
                |e| e.prevent_default(),
            ),
            EventListener::new(&body, "click", move |_| activate(&anchor)),
        ];
        Some(Floating {
            _host: host,
            _listeners: listeners,
        })
    }
}
