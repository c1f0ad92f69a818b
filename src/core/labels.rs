//! Conversation labels ("Order issue", "VIP", …): their definitions and which subjects carry them.
use serde::{Deserialize, Serialize};

/// A label. Deleting one keeps it as a tombstone (`deleted_at`) so Undo restores it with every assignment;
/// tombstones are neither shown nor exported.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Label {
    pub id: String,
    pub name: String,
    /// `#rrggbb`.
    pub color: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted_at: Option<String>,
    /// Fields this version does not know, kept on a round trip.
    #[cfg_attr(feature = "pages", serde(flatten))]
    #[cfg_attr(not(feature = "pages"), serde(skip))]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The labels on one subject (a conversation or a person, see [`crate::core::subject`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SubjectLabels {
    pub key: String,
    /// Label ids, in the order they were added.
    #[serde(default)]
    pub labels: Vec<String>,
    /// The display name last seen for the subject (for the options page; never part of the key).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[cfg_attr(feature = "pages", serde(flatten))]
    #[cfg_attr(not(feature = "pages"), serde(skip))]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// What a tab shows for one subject: its live labels and how many notes it has.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SubjectSummary {
    pub key: String,
    #[serde(default)]
    pub labels: Vec<String>,
    #[serde(default)]
    pub notes: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}
