//! One entry of the statistics event log.

use serde::{Deserialize, Serialize};

/// Something that happened on a conversation or comment.
///
/// - `key`: the conversation or comment (`"fb:thread:123"`, `"x:status:9"`); all rules work per key.
/// - `platform`: `"facebook"` or `"x"`; `page`: the Page or account id or name.
/// - `labels`: the key's labels when the event was logged; a key's labels are those of all its events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub key: String,
    pub platform: String,
    pub page: String,
    pub kind: EventKind,
    pub at_ms: i64,
    #[serde(default)]
    pub labels: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// The customer wrote (a message, a comment, a reply to the Page).
    CustomerMessage,
    /// The Page or account answered; `agent` is who, when known.
    Answer { agent: Option<String> },
    /// The key was marked as spam: it is left out of every number.
    Spam,
}
