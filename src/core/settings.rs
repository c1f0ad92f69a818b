//! The user's settings: who is answering (`{agent}`), where customers can write privately (`{dm_link}`:
//! the Facebook Page for an m.me link, the numeric X account id for an X DM link) and how the picker
//! orders replies before anything is typed.
//!
//! Pure: the background validates with [`Settings::normalized`] before storing, the options page runs the
//! same check to show every problem next to its field, and content scripts read the stored value. People
//! paste whatever they have at hand (a Page URL, an m.me link, an X DM link), so the check accepts those
//! and keeps only the part that matters.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::core::reply::FieldError;
use crate::core::template;

/// Longest agent name, in characters: a signature, not a paragraph.
pub const MAX_AGENT_CHARS: usize = 80;
/// Facebook usernames have 5 to 50 characters.
const MIN_PAGE_NAME_CHARS: usize = 5;
const MAX_PAGE_NAME_CHARS: usize = 50;
/// An X account id is a u64 (at most 20 digits).
const MAX_X_ID_DIGITS: usize = 20;

/// Everything the user sets once. Missing fields take their defaults, so settings stored by an older
/// version load; fields this version does not know are kept (`extra`), so a newer version's survive.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Fills `{agent}`; empty: the template's fallback is used.
    pub agent_name: String,
    /// The Facebook Page's username (`nordlichtkaffee`) or numeric id; empty: no Facebook DM link.
    pub facebook_page: String,
    /// The numeric id of the X account customers should message; empty: no X DM link.
    pub x_user_id: String,
    /// What the picker lists before anything is typed.
    pub picker_order: PickerOrder,
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The picker's order while its search field is empty (favourites are always listed first).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PickerOrder {
    /// The library's manual order (positions set in the options page).
    #[default]
    Manual,
    /// The replies used most often first.
    MostUsed,
    /// The replies used most recently first.
    RecentlyUsed,
}

impl PickerOrder {
    pub const ALL: [PickerOrder; 3] = [
        PickerOrder::Manual,
        PickerOrder::MostUsed,
        PickerOrder::RecentlyUsed,
    ];

    /// The stored name (`manual`, `most_used`, `recently_used`).
    pub fn key(self) -> &'static str {
        match self {
            PickerOrder::Manual => "manual",
            PickerOrder::MostUsed => "most_used",
            PickerOrder::RecentlyUsed => "recently_used",
        }
    }

    pub fn from_key(key: &str) -> Option<PickerOrder> {
        PickerOrder::ALL
            .into_iter()
            .find(|order| order.key() == key)
    }

    /// What the options page shows.
    pub fn label(self) -> &'static str {
        match self {
            PickerOrder::Manual => "My order (as arranged here)",
            PickerOrder::MostUsed => "Most used first",
            PickerOrder::RecentlyUsed => "Recently used first",
        }
    }
}

impl fmt::Display for PickerOrder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl Settings {
    /// The settings as they should be stored: each field trimmed and reduced to what matters (a pasted
    /// Page URL becomes the Page's name), or every broken rule, by field (`agent_name`, `facebook_page`,
    /// `x_user_id`), in the order of the fields.
    pub fn normalized(&self) -> Result<Settings, Vec<FieldError>> {
        let mut problems = Vec::new();
        let mut out = self.clone();
        match normalize_agent(&self.agent_name) {
            Ok(name) => out.agent_name = name,
            Err(reason) => problems.push(FieldError::new("agent_name", reason)),
        }
        match normalize_facebook_page(&self.facebook_page) {
            Ok(page) => out.facebook_page = page,
            Err(reason) => problems.push(FieldError::new("facebook_page", reason)),
        }
        match normalize_x_user_id(&self.x_user_id) {
            Ok(id) => out.x_user_id = id,
            Err(reason) => problems.push(FieldError::new("x_user_id", reason)),
        }
        if problems.is_empty() {
            Ok(out)
        } else {
            Err(problems)
        }
    }

    /// The agent's name for `{agent}`, when one is set.
    pub fn agent(&self) -> Option<&str> {
        Some(self.agent_name.trim()).filter(|name| !name.is_empty())
    }

    /// `https://m.me/<page>`: opens a private conversation with the Page in Messenger (built by
    /// [`template::facebook_dm_link`], which `{dm_link}` uses too).
    pub fn facebook_dm_link(&self) -> Option<String> {
        template::facebook_dm_link(&normalize_facebook_page(&self.facebook_page).ok()?)
    }

    /// `https://x.com/messages/compose?recipient_id=<id>`: opens a new DM to the account on X (built by
    /// [`template::x_dm_link`]).
    pub fn x_dm_link(&self) -> Option<String> {
        template::x_dm_link(&normalize_x_user_id(&self.x_user_id).ok()?)
    }
}

fn normalize_agent(name: &str) -> Result<String, String> {
    let name = name.trim();
    if name.contains(['\n', '\r']) {
        return Err("must be one line".into());
    }
    let chars = name.chars().count();
    if chars > MAX_AGENT_CHARS {
        return Err(format!(
            "is {chars} characters long; the limit is {MAX_AGENT_CHARS}"
        ));
    }
    if name.contains(['{', '}']) {
        return Err("must not contain { or }".into());
    }
    Ok(name.to_string())
}

/// `nordlichtkaffee`, `@nordlichtkaffee`, `https://www.facebook.com/nordlichtkaffee/`,
/// `facebook.com/profile.php?id=123`, `https://m.me/nordlichtkaffee`, `123456789` → the name or id.
fn normalize_facebook_page(input: &str) -> Result<String, String> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(String::new());
    }
    let hosts = [
        "facebook.com",
        "www.facebook.com",
        "m.facebook.com",
        "web.facebook.com",
        "business.facebook.com",
        "m.me",
        "fb.com",
        "www.fb.com",
    ];
    let candidate = match locate(input, &hosts) {
        Address::Bare => input,
        Address::Foreign => {
            return Err(format!(
                "“{}” is not a Facebook address; enter the Page's username (as in facebook.com/username) or its numeric id",
                shorten(input)
            ))
        }
        Address::Ours(path) => {
            let (path, query) = path.split_once('?').unwrap_or((path, ""));
            let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
            match segments.as_slice() {
                ["profile.php"] => query_value(query, "id").unwrap_or_default(),
                // Old Page URLs: /pages/<Name>/<id> (also /people/<Name>/<id>).
                ["pages" | "people", _, id, ..] => id,
                [name, ..] => name,
                [] => "",
            }
        }
    };
    let candidate = candidate.trim_start_matches('@');
    if candidate.is_empty() {
        return Err(
            "enter the Page's username (as in facebook.com/username) or its numeric id".into(),
        );
    }
    let valid_chars = candidate
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'.');
    if !valid_chars {
        return Err(format!(
            "“{}” is not a Page username: use letters, digits and dots only, as in facebook.com/username",
            shorten(candidate)
        ));
    }
    // The rules `{dm_link}` applies (5–50 characters, no dot at either end or twice in a row).
    if template::facebook_dm_link(candidate).is_none() {
        let reason = if candidate.len() < MIN_PAGE_NAME_CHARS {
            format!("“{candidate}” is too short: Page usernames have at least {MIN_PAGE_NAME_CHARS} characters")
        } else if candidate.len() > MAX_PAGE_NAME_CHARS {
            format!("is longer than {MAX_PAGE_NAME_CHARS} characters, the most a Page username has")
        } else {
            format!(
                "“{}” is not a Page username: dots only between letters or digits",
                shorten(candidate)
            )
        };
        return Err(reason);
    }
    Ok(candidate.to_string())
}

/// `1234567890`, or an X DM link (`…/messages/compose?recipient_id=123`).
fn normalize_x_user_id(input: &str) -> Result<String, String> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(String::new());
    }
    let hosts = ["x.com", "www.x.com", "twitter.com", "www.twitter.com"];
    let id = match locate(input, &hosts) {
        Address::Bare => input,
        Address::Foreign => "",
        Address::Ours(path) => {
            let (path, query) = path.split_once('?').unwrap_or((path, ""));
            query_value(query, "recipient_id").unwrap_or(path.trim_matches('/'))
        }
    };
    if id.starts_with('@') || (!id.is_empty() && !id.bytes().all(|b| b.is_ascii_digit())) {
        return Err(format!(
            "“{}” is not a numeric account id: X DM links need the account's number (like 1234567890), not its @handle",
            shorten(id)
        ));
    }
    if template::x_dm_link(id).is_none() || id.len() > MAX_X_ID_DIGITS {
        return Err("must be the account's numeric id, like 1234567890".into());
    }
    Ok(id.to_string())
}

/// What a pasted value is: an address on one of our hosts, something that is not an address at all, or an
/// address on another site.
enum Address<'a> {
    /// The path and query after the host.
    Ours(&'a str),
    Bare,
    Foreign,
}

fn locate<'a>(input: &'a str, hosts: &[&str]) -> Address<'a> {
    let rest = input
        .strip_prefix("https://")
        .or_else(|| input.strip_prefix("http://"));
    let has_scheme = rest.is_some();
    let rest = rest.unwrap_or(input);
    let host_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let host = &rest[..host_end];
    if hosts.iter().any(|known| host.eq_ignore_ascii_case(known)) {
        return Address::Ours(&rest[host_end..]);
    }
    // `https://…` anywhere else, or `example.com/x`: another site.
    let looks_like_host = host.contains('.') && host_end < rest.len();
    if has_scheme || looks_like_host {
        Address::Foreign
    } else {
        Address::Bare
    }
}

fn query_value<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

/// At most 40 characters of what the user typed, for messages.
fn shorten(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        out.push('…');
    }
    out
}
