//! [`Export`] → v1 JSON text.

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::{Export, FORMAT, VERSION};

/// Top-level keys written from typed fields; an `extra` entry with one of these names is dropped
/// rather than written twice.
const KNOWN_KEYS: [&str; 7] = [
    "format",
    "version",
    "exported_at",
    "replies",
    "labels",
    "conversations",
    "notes",
];

/// Pretty JSON (two-space indent, trailing newline) with keys in the order people expect when reading
/// the file: format, version, exported_at, replies, labels, conversations, notes, then unknown fields.
/// Empty labels/conversations/notes are left out.
pub fn to_v1(export: &Export, exported_at: &str) -> String {
    let file = ExportFile {
        export,
        exported_at,
    };
    let mut text = serde_json::to_string_pretty(&file)
        // Only string-keyed maps and plain values are serialized, which serde_json cannot fail on.
        .expect("an Export always serializes to JSON");
    text.push('\n');
    text
}

/// Serializes in a fixed key order without cloning the replies into a `serde_json::Value`.
struct ExportFile<'a> {
    export: &'a Export,
    exported_at: &'a str,
}

impl Serialize for ExportFile<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let export = self.export;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("format", FORMAT)?;
        map.serialize_entry("version", &VERSION)?;
        map.serialize_entry("exported_at", self.exported_at)?;
        map.serialize_entry("replies", &export.replies)?;
        if !export.labels.is_empty() {
            map.serialize_entry("labels", &export.labels)?;
        }
        if !export.conversations.is_empty() {
            map.serialize_entry("conversations", &export.conversations)?;
        }
        if !export.notes.is_empty() {
            map.serialize_entry("notes", &export.notes)?;
        }
        for (key, value) in &export.extra {
            if !KNOWN_KEYS.contains(&key.as_str()) {
                map.serialize_entry(key, value)?;
            }
        }
        map.end()
    }
}
