//! How long a text is on each target, and each target's limit (issue 3 §6).
//!
//! (Counting is being written; the targets and limits below are the contract the UI and the site adapters use.)

use serde::{Deserialize, Serialize};

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

/// (Placeholder until weighted counting lands: characters.)
pub fn measure(text: &str, _target: Target) -> usize {
    text.chars().count()
}
