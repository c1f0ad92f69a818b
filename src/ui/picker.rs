//! The saved-reply picker: a search field, a list of replies, a preview of the reply as it will be inserted,
//! and a status line. Keyboard first: typing filters, ArrowUp/ArrowDown move, Enter inserts, Escape closes.
//! Everything is rendered with text nodes (never HTML), inside a closed shadow root.
use super::content::App;
use super::target::{Destination, PickRequest};
use crate::core::reply::Reply;
use crate::core::template::{self, Context};
use crate::dom::mount::ShadowHost;
use crate::sites::page::ComposerFacts;
use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement, KeyboardEvent};

/// How many results are rendered; the search itself ranks the whole library.
const SHOWN: usize = 50;

pub struct Picker {
    host: ShadowHost,
    input: HtmlInputElement,
    list: Element,
    preview: Element,
    status: Element,
    state: RefCell<State>,
    destination: Destination,
    context: Context,
    /// Whom we answer, their text and language, and the target's length rule.
    #[allow(dead_code)] // read by the language, suggestion and length features landing next
    facts: ComposerFacts,
    /// Where focus goes back to on Escape.
    return_focus: Option<HtmlElement>,
    listeners: RefCell<Vec<EventListener>>,
}

#[derive(Default)]
struct State {
    results: Vec<usize>,
    highlighted: usize,
    busy: bool,
}

impl Picker {
    /// Opens the picker next to `anchor` for `destination`, with focus in its search field.
    pub fn open(app: &Rc<App>, anchor: &HtmlElement, request: PickRequest) -> Option<Rc<Picker>> {
        let PickRequest {
            destination,
            context,
            heading,
            return_focus,
            facts,
        } = request;
        let document = crate::dom::document();
        let host = ShadowHost::new("div", "picker", super::styles::PICKER)?;
        let panel = element(
            &document,
            "div",
            &[
                ("class", "panel"),
                ("role", "dialog"),
                ("aria-label", "Saved replies"),
            ],
        )?;
        let head = element(&document, "div", &[("class", "head")])?;
        let heading_line = element(&document, "p", &[("class", "for")])?;
        heading_line.set_text_content(Some(&heading));
        let input: HtmlInputElement = element(
            &document,
            "input",
            &[
                ("type", "search"),
                ("role", "combobox"),
                ("aria-label", "Search saved replies"),
                ("aria-autocomplete", "list"),
                ("aria-expanded", "true"),
                ("aria-controls", "answerdeck-results"),
                ("placeholder", "Search saved replies…"),
                ("autocomplete", "off"),
                ("spellcheck", "false"),
            ],
        )?
        .dyn_into()
        .ok()?;
        let list = element(
            &document,
            "ul",
            &[
                ("id", "answerdeck-results"),
                ("role", "listbox"),
                ("aria-label", "Saved replies"),
            ],
        )?;
        let preview = element(
            &document,
            "pre",
            &[
                ("class", "preview"),
                ("aria-label", "Preview"),
                ("aria-live", "polite"),
            ],
        )?;
        let status = element(&document, "div", &[("class", "status"), ("role", "status")])?;
        status.set_text_content(Some(
            "↑↓ choose · Enter insert · Esc close — nothing is sent",
        ));
        head.append_child(&heading_line).ok()?;
        head.append_child(&input).ok()?;
        panel.append_child(&head).ok()?;
        panel.append_child(&list).ok()?;
        panel.append_child(&preview).ok()?;
        panel.append_child(&status).ok()?;
        host.root.append_child(&panel).ok()?;
        document
            .body()
            .or_else(|| document.document_element().and_then(|e| e.dyn_into().ok()))?
            .append_child(&host.host)
            .ok()?;
        position(&host.host, anchor);

        let picker = Rc::new(Picker {
            host,
            input,
            list,
            preview,
            status,
            state: RefCell::default(),
            destination,
            context,
            facts,
            return_focus,
            listeners: RefCell::default(),
        });
        picker.listen(app);
        picker.refresh(app);
        let _ = picker.input.focus();
        Some(picker)
    }

    fn listen(self: &Rc<Self>, app: &Rc<App>) {
        let mut listeners = self.listeners.borrow_mut();
        let (me, app_ref) = (Rc::downgrade(self), Rc::downgrade(app));
        listeners.push(EventListener::new(&self.input, "input", move |_| {
            if let (Some(picker), Some(app)) = (me.upgrade(), app_ref.upgrade()) {
                picker.refresh(&app);
            }
        }));
        let (me, app_ref) = (Rc::downgrade(self), Rc::downgrade(app));
        listeners.push(EventListener::new_with_options(
            &self.input,
            "keydown",
            EventListenerOptions::enable_prevent_default(),
            move |event| {
                let (Some(picker), Some(app)) = (me.upgrade(), app_ref.upgrade()) else {
                    return;
                };
                if let Some(key) = event.dyn_ref::<KeyboardEvent>() {
                    picker.on_key(&app, key);
                }
            },
        ));
        let (me, app_ref) = (Rc::downgrade(self), Rc::downgrade(app));
        listeners.push(EventListener::new_with_options(
            &self.list,
            "mousedown",
            EventListenerOptions::enable_prevent_default(),
            move |event| {
                // Keep focus in the search field; pick the clicked row.
                event.prevent_default();
                let (Some(picker), Some(app)) = (me.upgrade(), app_ref.upgrade()) else {
                    return;
                };
                let row = event
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .and_then(|t| t.closest("li").ok().flatten());
                if let Some(index) = row
                    .and_then(|r| r.get_attribute("data-index"))
                    .and_then(|i| i.parse().ok())
                {
                    picker.state.borrow_mut().highlighted = index;
                    picker.choose(&app);
                }
            },
        ));
        // A press anywhere outside the picker closes it (events inside are retargeted to our host).
        let (host, app_ref) = (self.host.host.clone(), Rc::downgrade(app));
        let options = EventListenerOptions {
            phase: EventListenerPhase::Capture,
            passive: true,
        };
        listeners.push(EventListener::new_with_options(
            &crate::dom::document(),
            "pointerdown",
            options,
            move |event| {
                let inside = event
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .is_some_and(|t| host.contains(Some(&t)));
                if !inside {
                    if let Some(app) = app_ref.upgrade() {
                        app.close_picker(false);
                    }
                }
            },
        ));
    }

    fn on_key(self: &Rc<Self>, app: &Rc<App>, event: &KeyboardEvent) {
        let count = self.state.borrow().results.len();
        let moved = |by: isize| {
            let mut state = self.state.borrow_mut();
            if count > 0 {
                state.highlighted =
                    (state.highlighted as isize + by).rem_euclid(count as isize) as usize;
            }
        };
        match event.key().as_str() {
            "ArrowDown" => moved(1),
            "ArrowUp" => moved(-1),
            "PageDown" => moved(5),
            "PageUp" => moved(-5),
            "Enter" => {
                event.prevent_default();
                self.choose(app);
                return;
            }
            "Escape" => {
                event.prevent_default();
                app.close_picker(true);
                return;
            }
            "Tab" => {
                // Focus stays in the picker until it is closed; Tab moves down the list like ArrowDown.
                moved(if event.shift_key() { -1 } else { 1 })
            }
            _ => return,
        }
        event.prevent_default();
        self.render_highlight(app);
    }

    /// Re-runs the search for the field's text and re-renders the list.
    fn refresh(&self, app: &App) {
        let query = self.input.value();
        let library = app.library.borrow();
        let results = library.index.search(&query, SHOWN);
        let document = crate::dom::document();
        self.list.set_text_content(None);
        for (row, &index) in results.iter().enumerate() {
            if let Some(item) = list_item(&document, row, &library.replies[index]) {
                let _ = self.list.append_child(&item);
            }
        }
        if results.is_empty() {
            let message = if library.replies.is_empty() {
                library.problem.clone().unwrap_or_else(|| {
                    "No saved replies yet. Add some in Answerdeck's options.".into()
                })
            } else {
                format!("No saved reply matches “{query}”.")
            };
            if let Ok(empty) = document.create_element("li") {
                let _ = empty.set_attribute("class", "empty");
                let _ = empty.set_attribute("aria-disabled", "true");
                empty.set_text_content(Some(&message));
                let _ = self.list.append_child(&empty);
            }
        }
        drop(library);
        *self.state.borrow_mut() = State {
            results,
            highlighted: 0,
            busy: false,
        };
        self.render_highlight(app);
    }

    fn render_highlight(&self, app: &App) {
        let state = self.state.borrow();
        let rows = self.list.children();
        for row in 0..rows.length() {
            if let Some(item) = rows.item(row) {
                let _ = item.set_attribute(
                    "aria-selected",
                    if row as usize == state.highlighted {
                        "true"
                    } else {
                        "false"
                    },
                );
                if row as usize == state.highlighted {
                    item.scroll_into_view_with_bool(false);
                }
            }
        }
        match state.results.get(state.highlighted) {
            Some(&index) => {
                let library = app.library.borrow();
                let reply = &library.replies[index];
                let _ = self.input.set_attribute(
                    "aria-activedescendant",
                    &format!("answerdeck-option-{}", state.highlighted),
                );
                let preview = match template::render_str(&reply.body, &self.context) {
                    Ok(rendered) => rendered.text,
                    Err(error) => format!("This reply has a problem: {error}"),
                };
                self.preview.set_text_content(Some(&preview));
            }
            None => {
                let _ = self.input.remove_attribute("aria-activedescendant");
                self.preview.set_text_content(None);
            }
        }
    }

    /// Inserts the highlighted reply.
    fn choose(self: &Rc<Self>, app: &Rc<App>) {
        let reply = {
            let mut state = self.state.borrow_mut();
            if state.busy {
                return; // one insertion at a time: a second Enter must not insert twice
            }
            let Some(&index) = state.results.get(state.highlighted) else {
                return;
            };
            state.busy = true;
            app.library.borrow().replies[index].clone()
        };
        self.set_status("Inserting…", false);
        let (app, me) = (app.clone(), Rc::downgrade(self));
        wasm_bindgen_futures::spawn_local(async move {
            let picker = me.upgrade();
            let destination = picker.as_ref().map(|p| p.destination.clone());
            let context = picker
                .as_ref()
                .map(|p| p.context.clone())
                .unwrap_or_default();
            drop(picker);
            let Some(destination) = destination else {
                return;
            };
            let outcome = app.insert(&reply, destination, &context).await;
            finish(&me, &app, outcome);
        });
    }

    pub fn set_status(&self, text: &str, error: bool) {
        self.status.set_text_content(Some(text));
        let _ = self
            .status
            .set_attribute("class", if error { "status error" } else { "status" });
    }

    pub fn return_focus(&self) {
        if let Some(element) = &self.return_focus {
            if element.is_connected() {
                let _ = element.focus();
            }
        }
    }
}

/// After an insertion attempt: close on success; otherwise keep the picker open with the reason.
fn finish(picker: &Weak<Picker>, app: &Rc<App>, outcome: Result<String, String>) {
    match outcome {
        Ok(_) => app.close_picker(false),
        Err(message) => {
            if let Some(picker) = picker.upgrade() {
                picker.set_status(&message, true);
                picker.state.borrow_mut().busy = false;
                let _ = picker.input.focus();
            }
        }
    }
}

fn list_item(document: &Document, row: usize, reply: &Reply) -> Option<Element> {
    let item = element(
        document,
        "li",
        &[
            ("role", "option"),
            ("id", &format!("answerdeck-option-{row}")),
            ("data-index", &row.to_string()),
        ],
    )?;
    let title = element(document, "div", &[("class", "title")])?;
    if reply.favorite {
        let star = element(
            document,
            "span",
            &[("class", "star"), ("aria-label", "favourite")],
        )?;
        star.set_text_content(Some("★"));
        title.append_child(&star).ok()?;
    }
    let name = element(document, "span", &[])?;
    name.set_text_content(Some(&reply.title));
    title.append_child(&name).ok()?;
    if let Some(shortcut) = &reply.shortcut {
        let key = element(document, "span", &[("class", "key")])?;
        key.set_text_content(Some(&format!("/{shortcut}")));
        title.append_child(&key).ok()?;
    }
    let snippet = element(document, "div", &[("class", "snippet")])?;
    let first_line: String = reply
        .body
        .lines()
        .next()
        .unwrap_or_default()
        .chars()
        .take(120)
        .collect();
    snippet.set_text_content(Some(&first_line));
    item.append_child(&title).ok()?;
    item.append_child(&snippet).ok()?;
    Some(item)
}

fn element(document: &Document, tag: &str, attributes: &[(&str, &str)]) -> Option<Element> {
    let element = document.create_element(tag).ok()?;
    for (name, value) in attributes {
        element.set_attribute(name, value).ok()?;
    }
    Some(element)
}

/// Below the anchor when there is room, else above it; kept inside the viewport.
fn position(host: &HtmlElement, anchor: &HtmlElement) {
    let window = crate::dom::window();
    let viewport_w = window
        .inner_width()
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(1024.0);
    let viewport_h = window
        .inner_height()
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(768.0);
    let rect = anchor.get_bounding_client_rect();
    let (width, height) = (
        380.0_f64.min(viewport_w - 16.0),
        460.0_f64.min(viewport_h - 16.0),
    );
    let left = rect.left().min(viewport_w - width - 8.0).max(8.0);
    let top = if rect.bottom() + 6.0 + height <= viewport_h || rect.top() < height + 6.0 {
        (rect.bottom() + 6.0)
            .min(viewport_h - height - 8.0)
            .max(8.0)
    } else {
        rect.top() - 6.0 - height
    };
    let style = host.style();
    let _ = style.set_property("left", &format!("{left}px"));
    let _ = style.set_property("top", &format!("{top}px"));
}
