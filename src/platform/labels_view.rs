//! What a tab knows about labels and notes, read with `labels.list`: enough to draw chips on rows, headers and
//! people, and to filter lists. Decoded by hand (no serde in content scripts, design.md §6), re-read whenever
//! another tab or the panel announces a change (`protocol::LABELS_KEY`).
use super::decode;
use super::library;
use super::protocol::Request;
use js_sys::{Array, Reflect};
use std::collections::HashMap;
use wasm_bindgen::{JsCast, JsValue};

/// A live label as chips show it.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelChip {
    pub id: String,
    pub name: String,
    pub color: String,
}

/// One subject's labels (live ids, in the order they were added) and its number of notes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SubjectView {
    pub labels: Vec<String>,
    pub notes: u32,
}

#[derive(Default)]
pub struct LabelsView {
    /// Live labels, by name.
    pub labels: Vec<LabelChip>,
    subjects: HashMap<String, SubjectView>,
    pub rev: u64,
}

impl LabelsView {
    pub fn label(&self, id: &str) -> Option<&LabelChip> {
        self.labels.iter().find(|label| label.id == id)
    }

    /// The subject's live labels, in the order they were added.
    pub fn labels_of(&self, key: &str) -> Vec<&LabelChip> {
        self.subjects
            .get(key)
            .map(|s| s.labels.iter().filter_map(|id| self.label(id)).collect())
            .unwrap_or_default()
    }

    pub fn notes_of(&self, key: &str) -> u32 {
        self.subjects.get(key).map_or(0, |s| s.notes)
    }

    /// Whether the subject carries any of `ids`.
    pub fn has_any(&self, key: &str, ids: &[String]) -> bool {
        self.subjects
            .get(key)
            .is_some_and(|s| s.labels.iter().any(|id| ids.contains(id)))
    }

    /// Reads every live label and labelled or noted subject from the background.
    pub async fn load() -> Result<LabelsView, String> {
        let value = library::request_raw(&Request::LabelsList).await?;
        Ok(read(&value))
    }
}

fn list(value: &JsValue, name: &str) -> Vec<JsValue> {
    Reflect::get(value, &JsValue::from_str(name))
        .ok()
        .and_then(|v| v.dyn_into::<Array>().ok())
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}

fn read(value: &JsValue) -> LabelsView {
    let labels = list(value, "labels")
        .iter()
        .filter_map(|label| {
            Some(LabelChip {
                id: decode::string(label, "id")?,
                name: decode::string(label, "name")?,
                color: decode::string(label, "color").unwrap_or_default(),
            })
        })
        .collect();
    let subjects = list(value, "subjects")
        .iter()
        .filter_map(|subject| {
            let key = decode::string(subject, "key")?;
            let labels = list(subject, "labels")
                .iter()
                .filter_map(|id| id.as_string())
                .collect();
            let notes = decode::number(subject, "notes").unwrap_or_default() as u32;
            Some((key, SubjectView { labels, notes }))
        })
        .collect();
    LabelsView {
        labels,
        subjects,
        rev: decode::number(value, "labels_rev").unwrap_or_default() as u64,
    }
}
