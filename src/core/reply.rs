//! A saved reply and the rules every stored or imported reply obeys.
//!
//! The rules live here once: [`validate_reply`] (used by the store before a write) and the importer
//! (which checks JSON field by field to name the exact place) call the same `check_*` functions.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::core::fold::fold;
use crate::core::template;

/// Longest title, in characters: longer ones do not fit the picker and are almost always a paste mistake.
pub const MAX_TITLE_CHARS: usize = 300;
/// Longest body or variant, in characters (the sites' own composer limits are far lower).
pub const MAX_BODY_CHARS: usize = 50_000;
/// Longest shortcut, in characters.
pub const MAX_SHORTCUT_CHARS: usize = 32;
/// Longest slug part of a generated id.
const MAX_SLUG_CHARS: usize = 40;

/// One saved reply. Field order here is the key order in exported files.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    pub id: String,
    pub title: String,
    /// The default text, a template (see [`crate::core::template`]).
    pub body: String,
    /// Language code → translated template, e.g. `"de"` → `"Hallo {first_name|zusammen}"`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub variants: BTreeMap<String, String>,
    /// Language code of `body`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub folder: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Typed as `/shortcut` in the picker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shortcut: Option<String>,
    #[serde(default)]
    pub favorite: bool,
    /// Manual order inside the library: smaller first; replies without one follow, by title. A float so
    /// moving one reply between two others is a single write (the midpoint).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<f64>,
    /// Fields this version does not know, kept so a round trip through an older Answerdeck loses nothing.
    /// Only the build that stores and exports replies keeps them: content scripts only read replies, and
    /// serde's `flatten` machinery would cost every messaging page several KB of wasm (design.md §6).
    #[cfg_attr(feature = "pages", serde(flatten))]
    #[cfg_attr(not(feature = "pages"), serde(skip))]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Reply {
    /// A reply with only the required fields set.
    pub fn new(id: impl Into<String>, title: impl Into<String>, body: impl Into<String>) -> Reply {
        Reply {
            id: id.into(),
            title: title.into(),
            body: body.into(),
            ..Reply::default()
        }
    }
}

/// A rule broken by one field of a reply. `field` is `"id"`, `"title"`, `"body"`, `"variants.de"`,
/// `"language"` or `"shortcut"`; `reason` is a human sentence fragment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub reason: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, reason: impl Into<String>) -> FieldError {
        FieldError {
            field: field.into(),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.reason)
    }
}

impl std::error::Error for FieldError {}

/// Checks `reply` against the same rules the importer applies; returns the first broken one.
pub fn validate_reply(reply: &Reply) -> Result<(), FieldError> {
    fn at(field: &str) -> impl FnOnce(String) -> FieldError + '_ {
        move |reason| FieldError::new(field, reason)
    }
    check_id(&reply.id).map_err(at("id"))?;
    check_title(&reply.title).map_err(at("title"))?;
    check_template_text(&reply.body).map_err(at("body"))?;
    for (code, text) in &reply.variants {
        let field = format!("variants.{code}");
        check_language_code(code).map_err(at(&field))?;
        check_template_text(text).map_err(at(&field))?;
    }
    if let Some(code) = &reply.language {
        check_language_code(code).map_err(at("language"))?;
    }
    if let Some(shortcut) = &reply.shortcut {
        check_shortcut(shortcut).map_err(at("shortcut"))?;
    }
    Ok(())
}

/// Ids are opaque, but an empty one cannot be stored or referenced.
pub(crate) fn check_id(id: &str) -> Result<(), String> {
    if id.trim().is_empty() {
        return Err("must not be empty".into());
    }
    Ok(())
}

pub(crate) fn check_title(title: &str) -> Result<(), String> {
    if title.trim().is_empty() {
        return Err("must not be empty".into());
    }
    check_length(title, MAX_TITLE_CHARS)
}

/// Rules for a body or a variant: non-empty, not too long, a valid template.
pub(crate) fn check_template_text(text: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        return Err("must not be empty".into());
    }
    check_length(text, MAX_BODY_CHARS)?;
    template::check(text).map_err(|e| format!("template problem: {e}"))
}

pub(crate) fn check_shortcut(shortcut: &str) -> Result<(), String> {
    if shortcut.is_empty() {
        return Err("must not be empty".into());
    }
    if shortcut.chars().any(char::is_whitespace) {
        return Err(format!(
            "\"{shortcut}\" contains a space; shortcuts are one word"
        ));
    }
    check_length(shortcut, MAX_SHORTCUT_CHARS)
}

pub(crate) fn check_language_code(code: &str) -> Result<(), String> {
    if is_language_code(code) {
        Ok(())
    } else {
        Err(format!(
            "\"{code}\" is not a language code (2–3 lowercase letters, optionally with a region, like \"de\" or \"pt-br\")"
        ))
    }
}

fn check_length(text: &str, max: usize) -> Result<(), String> {
    // Byte length bounds char count from above: skip counting for the common short case.
    if text.len() <= max {
        return Ok(());
    }
    let chars = text.chars().count();
    if chars > max {
        return Err(format!(
            "is {} characters long; the limit is {}",
            thousands(chars),
            thousands(max)
        ));
    }
    Ok(())
}

/// `"de"`, `"pt-br"`, `"es-419"`, `"zh-hant"`: 2–3 lowercase ASCII letters, optionally `-` and a region
/// or script subtag of 2–4 lowercase letters or digits. Lowercase only, so codes compare as plain strings.
pub fn is_language_code(code: &str) -> bool {
    let (language, region) = match code.split_once('-') {
        Some((language, region)) => (language, Some(region)),
        None => (code, None),
    };
    let language_ok =
        (2..=3).contains(&language.len()) && language.bytes().all(|b| b.is_ascii_lowercase());
    let region_ok = region.is_none_or(|r| {
        (2..=4).contains(&r.len())
            && r.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    });
    language_ok && region_ok
}

/// `50000` → `"50,000"`, for messages people read.
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// A readable, stable id for a new reply: `"r-"` + ASCII slug of the folded title (at most 40 characters,
/// cut at a word boundary when one is near),
/// then `-2`, `-3` … until `taken` says no. Titles without Latin letters or digits give `"r-reply"`.
pub fn new_reply_id(title: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut slug = String::new();
    for c in fold(title).chars() {
        let is_word = c.is_ascii_alphanumeric();
        if slug.len() == MAX_SLUG_CHARS {
            // Cut mid-word: end at the previous word instead, unless that drops most of the slug.
            if is_word {
                if let Some(dash) = slug.rfind('-').filter(|&dash| dash >= MAX_SLUG_CHARS / 2) {
                    slug.truncate(dash);
                }
            }
            break;
        }
        if is_word {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let base = format!("r-{}", if slug.is_empty() { "reply" } else { slug });
    if !taken(&base) {
        return base;
    }
    (2u64..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !taken(candidate))
        .unwrap_or(base)
}
