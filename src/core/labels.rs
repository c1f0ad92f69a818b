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

impl Label {
    /// Not deleted: shown, exported, counted.
    pub fn is_live(&self) -> bool {
        self.deleted_at.is_none()
    }
}

/// One preset colour. The name is always shown next to the colour (on chips, in menus, as the accessible
/// name of a colour button) so people who can't tell colours apart can still tell labels apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Swatch {
    pub name: &'static str,
    /// `#rrggbb`, lower case.
    pub color: &'static str,
}

/// The 8 preset colours, in the order menus show them.
pub const PALETTE: [Swatch; 8] = [
    Swatch {
        name: "Red",
        color: "#d93025",
    },
    Swatch {
        name: "Orange",
        color: "#e8710a",
    },
    Swatch {
        name: "Yellow",
        color: "#f9ab00",
    },
    Swatch {
        name: "Green",
        color: "#188038",
    },
    Swatch {
        name: "Teal",
        color: "#12858a",
    },
    Swatch {
        name: "Blue",
        color: "#1a73e8",
    },
    Swatch {
        name: "Purple",
        color: "#9334e6",
    },
    Swatch {
        name: "Grey",
        color: "#5f6368",
    },
];

/// The palette name of `color` (`#D93025` → "Red"), `None` for a colour outside the palette.
pub fn color_name(color: &str) -> Option<&'static str> {
    PALETTE
        .iter()
        .find(|swatch| swatch.color.eq_ignore_ascii_case(color.trim()))
        .map(|swatch| swatch.name)
}

/// Longest label name, in characters: a chip on a conversation row has room for about this much.
pub const MAX_LABEL_NAME_CHARS: usize = 40;

/// The rules of labels (names, colours, ids, create/rename/recolour/delete/restore): only the background and
/// the options page decide them, so content scripts leave them out (design.md §6).
#[cfg(feature = "pages")]
mod rules;
#[cfg(feature = "pages")]
pub use rules::*;
