//! Notes about a conversation or a person: several per subject, each with its author, time and every earlier
//! version (an edit never loses the text it replaced, so two tabs editing the same note lose nothing).
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub id: String,
    /// The subject's key (see [`crate::core::subject`]).
    pub subject: String,
    pub text: String,
    /// Who wrote the current text (the agent name from the settings when it was written).
    #[serde(default)]
    pub author: String,
    /// ISO 8601, UTC.
    pub created_at: String,
    /// When the current text replaced an earlier one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edited_at: Option<String>,
    /// Earlier versions, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<NoteVersion>,
    /// The subject's display name when the note was written (for lists and search; never part of the key).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted_at: Option<String>,
    #[cfg_attr(feature = "pages", serde(flatten))]
    #[cfg_attr(not(feature = "pages"), serde(skip))]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// A text a note had before an edit.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NoteVersion {
    pub text: String,
    #[serde(default)]
    pub author: String,
    /// When this version was written.
    pub at: String,
}

/// Longest note, in characters: several paragraphs about a customer, not a document.
pub const MAX_NOTE_CHARS: usize = 10_000;

impl Note {
    /// Not deleted: listed, searched, counted, exported.
    pub fn is_live(&self) -> bool {
        self.deleted_at.is_none()
    }

    /// When the current text was written.
    pub fn written_at(&self) -> &str {
        self.edited_at.as_deref().unwrap_or(&self.created_at)
    }
}

/// Note rules and the decisions of `note.add`, `note.edit`, `note.delete`, `note.restore` and imports: only
/// the background decides them, so content scripts leave them out (design.md §6).
#[cfg(feature = "pages")]
mod rules;
#[cfg(feature = "pages")]
pub use rules::*;
