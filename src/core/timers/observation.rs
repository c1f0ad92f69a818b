//! What a content script reports about one conversation or comment, as the page shows it now.
use serde::{Deserialize, Serialize};

/// One message's time as the page shows it: `at` is the text to read (a `datetime` attribute, a tooltip, a
/// relative label such as `4m`, a day separator such as `Gestern 16:05`), `None` when the page shows none.
/// `id` names the message for as long as the page shows it (the site's own id, else its text), so the first
/// time Answerdeck saw it is remembered across observations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub id: String,
    #[serde(default)]
    pub at: Option<String>,
}

/// The state of one conversation or comment.
///
/// - `waiting`: the last word is the customer's. `times` are then their unanswered messages, oldest first
///   (a list row shows only the latest; an open thread or a comment shows them all: `full`).
/// - not `waiting`: the Page or account spoke last; `answer` is its latest message and `agent` who sent it
///   when the page says so (the Business Suite's "Sent by …").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Observation {
    pub key: String,
    #[serde(default)]
    pub platform: String,
    /// The Page or account answering here, when the page names it (empty: not known).
    #[serde(default)]
    pub page: String,
    #[serde(default)]
    pub name: Option<String>,
    pub waiting: bool,
    #[serde(default)]
    pub full: bool,
    #[serde(default)]
    pub times: Vec<Stamp>,
    #[serde(default)]
    pub answer: Option<Stamp>,
    #[serde(default)]
    pub agent: Option<String>,
}
