//! What a picker inserts into: a known composer, a comment whose reply box must be opened first, or whatever
//! editable element the user last used (the floating fallback), with the clipboard as the last resort.
use crate::core::template::Context;
use crate::sites::page::{ComposerFacts, Person, ReplyTarget};
use web_sys::HtmlElement;

/// Everything the picker needs to answer one customer somewhere: where the text goes, the variables,
/// the customer's own text and language (suggestions, variant choice) and the target's length rule.
pub struct PickRequest {
    pub destination: Destination,
    pub context: Context,
    /// The picker's first line ("Reply to Jonas Becker").
    pub heading: String,
    /// Where focus goes back to on Escape.
    pub return_focus: Option<HtmlElement>,
    pub facts: ComposerFacts,
    /// A `/shortcut` typed before the caret, replaced by the reply.
    pub typed: Option<String>,
    /// Open straight at this reply (by id): its fill-in fields, or the reason it can't be inserted.
    pub preselect: Option<String>,
}

#[derive(Clone)]
pub enum Destination {
    /// A composer we found on the page.
    Composer(HtmlElement),
    /// A customer comment/reply: open its reply box, then insert there.
    Reply(Box<ReplyTarget>),
    /// The floating fallback: the last editable element the user focused, if still on the page; else copy.
    LastFocusedOrClipboard(Option<HtmlElement>),
}

/// Fills the template context from the person answered and the acting Page/account.
pub fn context(person: &Person, acting: &Person) -> Context {
    let now = js_sys::Date::new_0();
    let date = now.to_locale_date_string("default", &wasm_bindgen::JsValue::UNDEFINED);
    let time = now.to_locale_time_string("default");
    Context {
        first_name: None,
        name: person.name.clone(),
        handle: person
            .handle
            .as_ref()
            .map(|h| format!("@{}", h.trim_start_matches('@'))),
        page: acting.name.clone().or_else(|| acting.handle.clone()),
        dm_link: None,
        agent: None,
        date: Some(String::from(date)),
        time: Some(strip_seconds(&String::from(time))),
    }
}

/// "14:05:09" → "14:05", "2:05:09 PM" → "2:05 PM": seconds are noise in a reply.
fn strip_seconds(time: &str) -> String {
    let mut parts: Vec<&str> = time.splitn(2, ' ').collect();
    let clock = parts.remove(0);
    let pieces: Vec<&str> = clock.split(':').collect();
    let short = if pieces.len() == 3 {
        format!("{}:{}", pieces[0], pieces[1])
    } else {
        clock.to_string()
    };
    match parts.first() {
        Some(rest) => format!("{short} {rest}"),
        None => short,
    }
}
