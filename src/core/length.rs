//! How long a text is on each target, and each target's limit (issue 3 §6).
//!
//! - X posts (and replies and quotes) count the way X's composer does, twitter-text config v3: every URL
//!   counts 23, every emoji sequence counts 2, other code points count 1 when they are in U+0000–U+10FF,
//!   U+2000–U+200D, U+2010–U+201F or U+2032–U+2037 (Latin, Greek, Cyrillic, Hebrew, Arabic, Indic scripts,
//!   spaces and common punctuation) and 2 otherwise (CJK, Hangul, most symbols).
//! - Every other target counts Unicode scalar values (Rust `char`s): a flag or a family emoji counts as the
//!   several code points it is made of. The sites' own counters differ in detail (Messenger counts UTF-16
//!   units, say), but their limits are far above what a saved reply needs, so the simple rule is enough
//!   there to warn in time.
//!
//! **NFC first.** X counts the NFC form of the text ("é" typed as e + U+0301 counts 1). [`measure`] does not
//! normalise, to keep a normalisation table out of the content-script wasm: callers pass NFC text for
//! [`Target::XPost`] (in the page, JavaScript's `text.normalize("NFC")`; text typed or pasted in browsers is
//! almost always NFC already).

mod emoji;
mod url;

use serde::{Deserialize, Serialize};

use crate::core::reply::thousands;

pub use emoji::emoji_len;
pub(crate) use url::is_latin_letter;
pub use url::{url_spans, URL_LENGTH};

/// Where a reply goes; each has its own limit and counting rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Target {
    /// A post, reply or quote on X: 280 by twitter-text v3 weighting (URLs 23, CJK and emoji 2, NFC).
    XPost,
    /// An X Chat or legacy X direct message: 10,000 characters.
    XDm,
    /// A Messenger message (facebook.com/messages, messenger.com, the Business Suite inbox): 2,000.
    Messenger,
    /// A Facebook comment or comment reply: 8,000.
    FacebookComment,
}

impl Target {
    /// The most the target accepts, in its own unit (weighted length for X posts, characters otherwise).
    pub fn limit(self) -> usize {
        match self {
            Target::XPost => 280,
            Target::XDm => 10_000,
            Target::Messenger => 2_000,
            Target::FacebookComment => 8_000,
        }
    }

    /// A short name people understand, for messages like "too long for an X post".
    pub fn label(self) -> &'static str {
        match self {
            Target::XPost => "an X post",
            Target::XDm => "an X message",
            Target::Messenger => "a Messenger message",
            Target::FacebookComment => "a Facebook comment",
        }
    }
}

/// The length of `text` on `target`, in the unit of [`Target::limit`]. For [`Target::XPost`], `text` must be
/// NFC (see the module documentation).
pub fn measure(text: &str, target: Target) -> usize {
    match target {
        Target::XPost => x_weighted_length(text),
        Target::XDm | Target::Messenger | Target::FacebookComment => text.chars().count(),
    }
}

/// twitter-text v3's weighted length of `text` (NFC expected): URLs 23, emoji sequences 2, other code points
/// 1 or 2 by [`x_weight`].
pub fn x_weighted_length(text: &str) -> usize {
    let mut length = 0;
    let mut at = 0;
    for span in url_spans(text) {
        length += weighted_without_urls(&text[at..span.start]) + URL_LENGTH;
        at = span.end;
    }
    length + weighted_without_urls(&text[at..])
}

/// Weighted length of text that holds no URL.
fn weighted_without_urls(text: &str) -> usize {
    let mut length = 0;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        match emoji_len(rest) {
            Some(len) => {
                length += 2;
                rest = &rest[len..];
            }
            None => {
                length += x_weight(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    length
}

/// The weight of one code point outside URLs and emoji on X: 1 in twitter-text v3's light ranges, else 2.
pub fn x_weight(c: char) -> usize {
    match c as u32 {
        0..=0x10FF | 0x2000..=0x200D | 0x2010..=0x201F | 0x2032..=0x2037 => 1,
        _ => 2,
    }
}

/// A text's length against its target's limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fit {
    pub length: usize,
    pub limit: usize,
    pub target: Target,
}

/// Measures `text` for `target` (NFC expected for X posts, see [`measure`]).
pub fn check(text: &str, target: Target) -> Fit {
    Fit {
        length: measure(text, target),
        limit: target.limit(),
        target,
    }
}

impl Fit {
    /// Whether the text is within the limit (exactly at the limit fits).
    pub fn fits(&self) -> bool {
        self.length <= self.limit
    }

    /// How many units too long the text is; 0 when it fits.
    pub fn over(&self) -> usize {
        self.length.saturating_sub(self.limit)
    }

    /// How many units are still free; 0 when the text is at or over the limit.
    pub fn left(&self) -> usize {
        self.limit.saturating_sub(self.length)
    }

    /// `"312/280"`, for a counter next to the composer.
    pub fn counter(&self) -> String {
        format!("{}/{}", thousands(self.length), thousands(self.limit))
    }

    /// Why the text cannot be inserted, or `None` when it fits:
    /// `"312/280 on an X post — 32 too many"`.
    pub fn refusal(&self) -> Option<String> {
        if self.fits() {
            return None;
        }
        Some(format!(
            "{} on {} — {} too many",
            self.counter(),
            self.target.label(),
            thousands(self.over())
        ))
    }
}
