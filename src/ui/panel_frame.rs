//! The frame that shows the label menu and the notes panel over the native page. It is an extension page
//! (`panel.html`, src/ui/panel) inside a closed shadow root: what the user types there (notes, label names)
//! never reaches the page's scripts. A closed shadow root alone would not do: key events typed into it are
//! composed and reach the page's capturing listeners.
//!
//! One frame per tab, made on first use and then re-used: later opens only change its URL hash, which the
//! panel reads on `hashchange` without reloading.
use crate::dom::mount::ShadowHost;
use crate::platform::ext;
use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, HtmlIFrameElement, MessageEvent};

const WIDTH: f64 = 340.0;
const HEIGHT: f64 = 420.0;

const CSS: &str = css!("panel_frame");

/// What the panel shows: `labels` (the label menu) or `notes`, for a subject and, in a conversation, its person.
pub struct PanelRequest<'a> {
    pub mode: &'a str,
    pub subject: &'a str,
    pub name: Option<&'a str>,
    pub person: Option<(&'a str, Option<&'a str>)>,
}

impl PanelRequest<'_> {
    /// The URL hash the panel reads (form encoding, see src/ui/panel).
    fn hash(&self) -> String {
        let mut parts = vec![("mode", self.mode), ("subject", self.subject)];
        if let Some(name) = self.name {
            parts.push(("name", name));
        }
        if let Some((key, name)) = self.person {
            parts.push(("person", key));
            if let Some(name) = name {
                parts.push(("person_name", name));
            }
        }
        // Pushed, not `join`ed: one instantiation fewer in the content wasm.
        let mut hash = String::new();
        for (k, v) in parts {
            if !hash.is_empty() {
                hash.push('&');
            }
            hash.push_str(k);
            hash.push('=');
            hash.push_str(&String::from(js_sys::encode_uri_component(v)));
        }
        hash
    }
}

pub struct PanelFrame {
    host: ShadowHost,
    frame: HtmlIFrameElement,
    base: String,
    /// The control that opened the panel: focus goes back there when it closes.
    return_focus: RefCell<Option<HtmlElement>>,
    /// Whether the panel page has loaded. Until then an open waits in `pending`: a second navigation of a
    /// frame whose first one is still under way was lost in Chrome (the frame stayed blank).
    loaded: std::cell::Cell<bool>,
    pending: RefCell<Option<String>>,
    listeners: RefCell<Vec<EventListener>>,
}

impl PanelFrame {
    pub fn new() -> Option<Rc<PanelFrame>> {
        let base: String =
            ext::call_sync("runtime", "getURL", &[JsValue::from_str("panel.html")])?.as_string()?;
        let host = ShadowHost::new("div", "panel", CSS)?;
        let document = crate::dom::document();
        let frame: HtmlIFrameElement = document.create_element("iframe").ok()?.dyn_into().ok()?;
        frame.set_title("Answerdeck");
        // Loaded now, while hidden (`#` alone: the panel waits for a request); opening only changes the hash.
        frame.set_src(&format!("{base}#"));
        host.root.append_child(&frame).ok()?;
        document.document_element()?.append_child(&host.host).ok()?;
        let panel = Rc::new(PanelFrame {
            host,
            frame,
            base,
            return_focus: RefCell::default(),
            loaded: std::cell::Cell::new(false),
            pending: RefCell::default(),
            listeners: RefCell::default(),
        });
        panel.listen(Rc::downgrade(&panel));
        Some(panel)
    }

    fn listen(&self, weak: Weak<PanelFrame>) {
        let weak_load = weak.clone();
        let window = crate::dom::window();
        let origin = origin_of(&self.base);
        let on_message = {
            let weak = weak.clone();
            EventListener::new(&window, "message", move |event| {
                let Some(panel) = weak.upgrade() else { return };
                let Some(event) = event.dyn_ref::<MessageEvent>() else {
                    return;
                };
                // Only our own frame may close the panel; the page cannot fake the extension's origin.
                let from_frame = panel.frame.content_window().is_some_and(|w| {
                    event
                        .source()
                        .is_some_and(|s| JsValue::from(w) == JsValue::from(s))
                });
                if event.origin() != origin || !from_frame {
                    return;
                }
                let data = event.data();
                let field = |name: &str| {
                    js_sys::Reflect::get(&data, &JsValue::from_str(name))
                        .ok()
                        .and_then(|v| v.as_string())
                };
                if field("answerdeck").as_deref() == Some("panel")
                    && field("action").as_deref() == Some("close")
                {
                    panel.close();
                }
            })
        };
        // A press anywhere outside the panel closes it, like the native menus.
        let on_outside = EventListener::new_with_options(
            &crate::dom::document(),
            "pointerdown",
            EventListenerOptions {
                phase: EventListenerPhase::Capture,
                passive: true,
            },
            move |event| {
                let Some(panel) = weak.upgrade() else { return };
                let inside = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                    .is_some_and(|node| panel.host.host.contains(Some(&node)));
                if panel.is_open() && !inside {
                    panel.hide();
                }
            },
        );
        let on_load = EventListener::new(&self.frame, "load", move |_| {
            let Some(panel) = weak_load.upgrade() else {
                return;
            };
            panel.loaded.set(true);
            let pending = panel.pending.borrow_mut().take();
            if let Some(url) = pending {
                panel.show(&url);
            }
        });
        *self.listeners.borrow_mut() = vec![on_message, on_outside, on_load];
    }

    pub fn is_open(&self) -> bool {
        self.host.host.has_attribute("open")
    }

    /// Shows the panel for `request` next to `near`; focus moves into it (the panel focuses its own field).
    pub fn open(&self, request: &PanelRequest, near: &Element, return_focus: Option<HtmlElement>) {
        let url = format!("{}#{}", self.base, request.hash());
        self.place(near);
        let _ = self.host.host.set_attribute("open", "");
        *self.return_focus.borrow_mut() = return_focus;
        if self.loaded.get() {
            self.show(&url);
        } else {
            *self.pending.borrow_mut() = Some(url);
        }
    }

    /// Points the loaded panel at `url` (only its hash changes: no reload) and moves focus into it.
    fn show(&self, url: &str) {
        if self.frame.src() != url {
            self.frame.set_src(url);
        }
        let _ = self.frame.focus();
        if let Some(window) = self.frame.content_window() {
            let _ = window.focus();
        }
    }

    fn place(&self, near: &Element) {
        let window = crate::dom::window();
        let width = window
            .inner_width()
            .ok()
            .and_then(|w| w.as_f64())
            .unwrap_or(1024.0);
        let height = window
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(768.0);
        let rect = near.get_bounding_client_rect();
        let left = rect.left().min(width - WIDTH - 8.0).max(8.0);
        // Below the control when it fits, else above it, else as low as the window allows.
        let below = rect.bottom() + 4.0;
        let top = if below + HEIGHT <= height - 8.0 {
            below
        } else if rect.top() - HEIGHT - 4.0 >= 8.0 {
            rect.top() - HEIGHT - 4.0
        } else {
            (height - HEIGHT - 8.0).max(8.0)
        };
        let style = self.host.host.style();
        let _ = style.set_property("left", &crate::dom::px(left));
        let _ = style.set_property("top", &crate::dom::px(top));
    }

    fn hide(&self) {
        let _ = self.host.host.remove_attribute("open");
        self.pending.borrow_mut().take();
        self.return_focus.borrow_mut().take();
    }

    /// Hides the panel and gives focus back to the control that opened it.
    pub fn close(&self) {
        let back = self.return_focus.borrow_mut().take();
        self.hide();
        if let Some(element) = back.filter(|e| e.is_connected()) {
            let _ = element.focus();
        }
    }
}

/// `chrome-extension://<id>` from `chrome-extension://<id>/panel.html`.
fn origin_of(url: &str) -> String {
    match url.find("://") {
        Some(scheme_end) => {
            let rest = &url[scheme_end + 3..];
            let host_end = rest.find('/').unwrap_or(rest.len());
            url[..scheme_end + 3 + host_end].to_string()
        }
        None => url.to_string(),
    }
}
