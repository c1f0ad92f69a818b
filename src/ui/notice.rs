//! A short message from Answerdeck on the page (e.g. which route a private reply took), announced to screen
//! readers, gone after a few seconds or on click.
use crate::dom::mount::ShadowHost;
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

const SHOWN_MS: u32 = 12_000;

pub struct Notice {
    _host: ShadowHost,
    _close: EventListener,
    _timeout: Timeout,
}

impl Notice {
    /// Shows `text` bottom-left; `slot` holds it, so a newer notice replaces an older one.
    pub fn show(slot: &Rc<RefCell<Option<Notice>>>, text: &str, error: bool) {
        slot.borrow_mut().take();
        let document = crate::dom::document();
        let Some(host) = ShadowHost::new("div", "notice", super::styles::NOTICE) else {
            return;
        };
        let Ok(body) = document.create_element("p") else {
            return;
        };
        let _ = body.set_attribute("class", if error { "notice error" } else { "notice" });
        let _ = body.set_attribute("role", if error { "alert" } else { "status" });
        body.set_text_content(Some(text));
        if host.root.append_child(&body).is_err() {
            return;
        }
        let parent: Option<HtmlElement> = document
            .body()
            .or_else(|| document.document_element()?.dyn_into().ok());
        if parent
            .and_then(|p| p.append_child(&host.host).ok())
            .is_none()
        {
            return;
        }
        let weak = Rc::downgrade(slot);
        let close = EventListener::new(&body, "click", move |_| {
            if let Some(slot) = weak.upgrade() {
                slot.borrow_mut().take();
            }
        });
        let weak = Rc::downgrade(slot);
        let timeout = Timeout::new(SHOWN_MS, move || {
            if let Some(slot) = weak.upgrade() {
                slot.borrow_mut().take();
            }
        });
        *slot.borrow_mut() = Some(Notice {
            _host: host,
            _close: close,
            _timeout: timeout,
        });
    }
}
