//! Keys typed in the native composers: `/shortcut` then Tab expands that reply in place, and Ctrl+. then
//! 1–9 inserts the n-th favourite. One capture listener on the document; it only acts on editable elements
//! that are not ours, and lets every other key through untouched.
use super::content::App;
use crate::core::fold::fold;
use crate::core::reply::Reply;
use crate::dom::insert::text_before_caret;
use crate::sites::page::is_editable;
use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};

/// How long Ctrl+. waits for its digit.
const FAVOURITE_WINDOW_MS: u32 = 2000;

/// Listens for the composer keys while it lives.
pub struct ComposerKeys {
    _keydown: EventListener,
    armed: Rc<RefCell<Option<Armed>>>,
}

/// Ctrl+. was pressed in this editor; the next digit picks a favourite.
struct Armed {
    editor: HtmlElement,
    _expires: Timeout,
}

impl ComposerKeys {
    pub fn new(app: Weak<App>) -> ComposerKeys {
        let armed: Rc<RefCell<Option<Armed>>> = Rc::default();
        let state = armed.clone();
        let options = EventListenerOptions {
            phase: EventListenerPhase::Capture,
            passive: false,
        };
        let keydown = EventListener::new_with_options(
            &crate::dom::document(),
            "keydown",
            options,
            move |event| {
                let Some(key) = event.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                let Some(app) = app.upgrade() else { return };
                on_keydown(&app, &state, key);
            },
        );
        ComposerKeys {
            _keydown: keydown,
            armed,
        }
    }

    /// Whether Ctrl+. is waiting for a digit (for tests of the hint).
    pub fn is_armed(&self) -> bool {
        self.armed.borrow().is_some()
    }
}

fn on_keydown(app: &Rc<App>, armed: &Rc<RefCell<Option<Armed>>>, event: &KeyboardEvent) {
    if event.is_composing() {
        return;
    }
    // A digit right after Ctrl+.: insert that favourite.
    if let Some(waiting) = armed.borrow_mut().take() {
        app.hide_favourites();
        if let Some(n) = digit(event) {
            stop(event);
            app.insert_favourite(&waiting.editor, n);
            return;
        }
        if event.key() == "Escape" {
            stop(event);
            return;
        }
    }
    let Some(editor) = native_editor(event) else {
        return;
    };
    if event.ctrl_key() && !event.alt_key() && !event.meta_key() && event.key() == "." {
        stop(event);
        let state = armed.clone();
        let app_ref = Rc::downgrade(app);
        let expires = Timeout::new(FAVOURITE_WINDOW_MS, move || {
            state.borrow_mut().take();
            if let Some(app) = app_ref.upgrade() {
                app.hide_favourites();
            }
        });
        app.show_favourites(&editor);
        *armed.borrow_mut() = Some(Armed {
            editor,
            _expires: expires,
        });
        return;
    }
    if event.key() == "Tab"
        && !event.shift_key()
        && !event.ctrl_key()
        && !event.alt_key()
        && !event.meta_key()
    {
        let Some(typed) = text_before_caret(&editor).and_then(|t| typed_shortcut(&t)) else {
            return;
        };
        let library = app.library.borrow();
        let Some(index) = find_shortcut(&library.replies, &typed[1..]) else {
            return; // not one of ours: Tab keeps its meaning
        };
        drop(library);
        stop(event);
        app.expand_shortcut(&editor, index, typed);
    }
}

/// The editable page element the key went to, when it is not part of Answerdeck's own UI.
fn native_editor(event: &KeyboardEvent) -> Option<HtmlElement> {
    let target = event.target()?.dyn_into::<HtmlElement>().ok()?;
    if target.closest("[data-answerdeck]").ok().flatten().is_some() {
        return None;
    }
    // Keys in a contenteditable are targeted at its root (Lexical, Draft.js): that root is the editor.
    is_editable(&target).then_some(target)
}

fn digit(event: &KeyboardEvent) -> Option<usize> {
    let key = event.key();
    let n = key.parse::<usize>().ok()?;
    (1..=9).contains(&n).then_some(n)
}

fn stop(event: &KeyboardEvent) {
    event.prevent_default();
    event.stop_immediate_propagation();
}

/// `/word` at the very end of what was typed, at the start of the text or after a space: the shortcut with
/// its slash. A slash inside a word or a URL (`https://x.com/order`) is not a shortcut.
pub fn typed_shortcut(before_caret: &str) -> Option<String> {
    let start = before_caret.rfind('/')?;
    let word = &before_caret[start + 1..];
    if word.is_empty()
        || word.chars().count() > crate::core::reply::MAX_SHORTCUT_CHARS
        || !word
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_' || c == '.')
    {
        return None;
    }
    let preceded_by_space = before_caret[..start]
        .chars()
        .next_back()
        .is_none_or(char::is_whitespace);
    preceded_by_space.then(|| before_caret[start..].to_string())
}

/// The reply whose shortcut is `word`, ignoring case and accents (`/Abholung` = `/abholung`).
fn find_shortcut(replies: &[Reply], word: &str) -> Option<usize> {
    let wanted = fold(word);
    replies.iter().position(|r| {
        r.shortcut
            .as_deref()
            .is_some_and(|s| fold(s.trim_start_matches('/')) == wanted)
    })
}
