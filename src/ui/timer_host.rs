//! One `timer` host: how long a customer has waited, on a conversation row, in the open conversation's
//! header or on a comment. The host carries the contract's attributes (`data-state`, `data-waiting-since`,
//! `data-subject`); the text is in a closed shadow root. Each state has its own symbol as well as its colour,
//! so the state reads without colour.
use crate::dom::mount::ShadowHost;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

const CSS: &str = css!("timer");

/// What a timer shows now.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shown {
    /// `ok`, `warn`, `late`, `answered` or `paused` (design.md §4).
    pub state: &'static str,
    pub text: String,
    /// ISO 8601 in UTC; `None` when nobody waits.
    pub since: Option<String>,
    pub title: String,
}

pub struct TimerHost {
    pub host: ShadowHost,
    pub owner: Element,
    badge: HtmlElement,
    pub key: RefCell<String>,
    drawn: RefCell<Shown>,
}

impl TimerHost {
    /// A timer right after `after`, for `key`, showing nothing until its first reading.
    pub fn mount(owner: &Element, after: &Element, key: &str) -> Option<TimerHost> {
        let host = ShadowHost::new("span", "timer", CSS)?;
        let badge: HtmlElement = crate::dom::document()
            .create_element("span")
            .ok()?
            .dyn_into()
            .ok()?;
        badge.set_attribute("role", "timer").ok()?;
        host.root.append_child(&badge).ok()?;
        host.host.set_attribute("data-subject", key).ok()?;
        // After the labels and notes hosts already there: the timer's text arrives a round trip later, and a
        // timer in front of them would push the chips sideways under a pointer about to click one.
        let mut anchor = after.clone();
        while let Some(next) = anchor.next_element_sibling() {
            match next.get_attribute("data-answerdeck").as_deref() {
                Some("labels" | "notes") => anchor = next,
                _ => break,
            }
        }
        anchor.after_with_node_1(&host.host).ok()?;
        Some(TimerHost {
            host,
            owner: owner.clone(),
            badge,
            key: RefCell::new(key.to_string()),
            drawn: RefCell::default(),
        })
    }

    pub fn is_alive(&self) -> bool {
        self.host.is_connected() && self.owner.is_connected()
    }

    /// Points a recycled row's timer at another key; it shows nothing until that key's reading arrives.
    pub fn set_key(&self, key: &str) {
        if *self.key.borrow() != key {
            *self.key.borrow_mut() = key.to_string();
            let _ = self.host.host.set_attribute("data-subject", key);
            self.draw(&Shown::default());
        }
    }

    /// Writes only what changed, and never reads layout: called for every timer once a second.
    pub fn draw(&self, shown: &Shown) {
        let mut drawn = self.drawn.borrow_mut();
        if *drawn == *shown {
            return;
        }
        let host = &self.host.host;
        if drawn.state != shown.state {
            if shown.state.is_empty() {
                let _ = host.remove_attribute("data-state");
            } else {
                let _ = host.set_attribute("data-state", shown.state);
            }
            self.badge.set_class_name(shown.state);
        }
        if drawn.since != shown.since {
            match &shown.since {
                Some(since) => {
                    let _ = host.set_attribute("data-waiting-since", since);
                }
                None => {
                    let _ = host.remove_attribute("data-waiting-since");
                }
            }
        }
        if drawn.text != shown.text {
            self.badge.set_text_content(Some(&shown.text));
        }
        if drawn.title != shown.title {
            let _ = self.badge.set_attribute("aria-label", &shown.title);
            let _ = self.badge.set_attribute("title", &shown.title);
        }
        *drawn = shown.clone();
    }
}
