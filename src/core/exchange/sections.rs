//! The `labels`, `conversations` and `notes` lists of a v1 file → typed values, checked field by field with
//! the same rules as the store (`core::labels`, `core::subject`, `core::notes`) so a refusal names the exact
//! place (`labels[2].color`, `conversations[3].key`, `notes[0].history[1].at`). Unknown fields are kept.
//! Times are converted to the stored form (`core::time`). Whether a conversation's label ids exist is
//! decided later, against the store ([`super::merge`]).

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::import::kind;
use super::ImportError;

/// The colour of an imported label that has none.
const GREY: &str = PALETTE[7].color;
use crate::core::assign::clean_name;
use crate::core::fold::fold;
use crate::core::labels::{
    check_label_id, normalize_color, normalize_name, Label, SubjectLabels, PALETTE,
};
use crate::core::notes::{check_text, Note, NoteVersion, MAX_NOTE_CHARS};
use crate::core::subject;
use crate::core::time;

/// Builds `list[index].field` paths when there is something to report.
#[derive(Clone, Copy)]
struct At {
    list: &'static str,
    index: usize,
}

impl At {
    fn error(self, field: &str, reason: impl Into<String>) -> ImportError {
        let path = if field.is_empty() {
            format!("{}[{}]", self.list, self.index)
        } else {
            format!("{}[{}].{field}", self.list, self.index)
        };
        ImportError {
            path,
            reason: reason.into(),
        }
    }

    fn object(self, value: Value) -> Result<Map<String, Value>, ImportError> {
        match value {
            Value::Object(fields) => Ok(fields),
            other => Err(self.error("", format!("must be an object, found {}", kind(&other)))),
        }
    }

    fn string(self, field: &str, value: Value) -> Result<String, ImportError> {
        match value {
            Value::String(text) => Ok(text),
            other => Err(self.error(field, format!("must be a string, found {}", kind(&other)))),
        }
    }

    fn optional_string(self, field: &str, value: Value) -> Result<Option<String>, ImportError> {
        match value {
            Value::Null => Ok(None),
            other => self.string(field, other).map(Some),
        }
    }

    fn time(self, field: &str, value: Value) -> Result<String, ImportError> {
        let text = self.string(field, value)?;
        time::normalize(&text).ok_or_else(|| {
            let shown: String = text.chars().take(40).collect();
            self.error(
                field,
                format!(
                    "“{shown}” is not a date and time; use ISO 8601 with a time zone, like 2026-11-20T09:00:00Z"
                ),
            )
        })
    }

    fn optional_time(self, field: &str, value: Value) -> Result<Option<String>, ImportError> {
        match value {
            Value::Null => Ok(None),
            other => self.time(field, other).map(Some),
        }
    }

    fn array(self, field: &str, value: Value) -> Result<Vec<Value>, ImportError> {
        match value {
            Value::Null => Ok(Vec::new()),
            Value::Array(items) => Ok(items),
            other => Err(self.error(field, format!("must be an array, found {}", kind(&other)))),
        }
    }

    fn missing(self, field: &str, noun: &str) -> ImportError {
        self.error(field, format!("missing; every {noun} needs one"))
    }
}

/// `labels`: each `{id, name, color?}` (+ `deleted_at`, unknown fields; no colour: grey). Ids and live
/// names are unique in the file.
pub(crate) fn labels(items: Vec<Value>) -> Result<Vec<Label>, ImportError> {
    let mut out = Vec::with_capacity(items.len());
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut names: HashMap<String, usize> = HashMap::new();
    for (index, item) in items.into_iter().enumerate() {
        let at = At {
            list: "labels",
            index,
        };
        let mut label = Label::default();
        let (mut has_id, mut has_name) = (false, false);
        for (key, value) in at.object(item)? {
            match key.as_str() {
                "id" => {
                    label.id = at.string("id", value)?;
                    check_label_id(&label.id).map_err(|reason| at.error("id", reason))?;
                    if let Some(first) = ids.insert(label.id.clone(), index) {
                        let reason = format!("duplicate id “{}” (also labels[{first}])", label.id);
                        return Err(at.error("id", reason));
                    }
                    has_id = true;
                }
                "name" => {
                    let name = at.string("name", value)?;
                    label.name =
                        normalize_name(&name).map_err(|reason| at.error("name", reason))?;
                    has_name = true;
                }
                "color" => {
                    let color = at.string("color", value)?;
                    label.color =
                        normalize_color(&color).map_err(|reason| at.error("color", reason))?;
                }
                "deleted_at" => label.deleted_at = at.optional_time("deleted_at", value)?,
                _ => {
                    label.extra.insert(key, value);
                }
            }
        }
        for (present, field) in [(has_id, "id"), (has_name, "name")] {
            if !present {
                return Err(at.missing(field, "label"));
            }
        }
        if label.color.is_empty() {
            // Files from other tools may have no colours: grey, the palette's neutral one.
            label.color = GREY.to_string();
        }
        if label.is_live() {
            if let Some(first) = names.insert(fold(&label.name), index) {
                let reason = format!("“{}” is also the name of labels[{first}]", label.name);
                return Err(at.error("name", reason));
            }
        }
        out.push(label);
    }
    Ok(out)
}

/// `conversations`: each `{key, labels, name?}` (people too: the key says which). Keys are unique in the
/// file; repeated label ids in one entry count once.
pub(crate) fn conversations(items: Vec<Value>) -> Result<Vec<SubjectLabels>, ImportError> {
    let mut out = Vec::with_capacity(items.len());
    let mut keys: HashMap<String, usize> = HashMap::new();
    for (index, item) in items.into_iter().enumerate() {
        let at = At {
            list: "conversations",
            index,
        };
        let mut entry = SubjectLabels::default();
        let mut has_key = false;
        for (key, value) in at.object(item)? {
            match key.as_str() {
                "key" => {
                    entry.key = at.string("key", value)?;
                    subject::check_key(&entry.key).map_err(|reason| at.error("key", reason))?;
                    if let Some(first) = keys.insert(entry.key.clone(), index) {
                        let reason = format!(
                            "duplicate key “{}” (also conversations[{first}])",
                            entry.key
                        );
                        return Err(at.error("key", reason));
                    }
                    has_key = true;
                }
                "labels" => {
                    for (position, id) in at.array("labels", value)?.into_iter().enumerate() {
                        let field = format!("labels[{position}]");
                        let id = at.string(&field, id)?;
                        check_label_id(&id).map_err(|reason| at.error(&field, reason))?;
                        if !entry.labels.contains(&id) {
                            entry.labels.push(id);
                        }
                    }
                }
                "name" => {
                    entry.name = at
                        .optional_string("name", value)?
                        .and_then(|n| clean_name(&n))
                }
                _ => {
                    entry.extra.insert(key, value);
                }
            }
        }
        if !has_key {
            return Err(at.missing("key", "conversation"));
        }
        out.push(entry);
    }
    Ok(out)
}

/// `notes`: each `{id, subject, text, author?, created_at, edited_at?, history?, subject_name?}`. Ids are
/// unique in the file.
pub(crate) fn notes(items: Vec<Value>) -> Result<Vec<Note>, ImportError> {
    let mut out = Vec::with_capacity(items.len());
    let mut ids: HashMap<String, usize> = HashMap::new();
    for (index, item) in items.into_iter().enumerate() {
        let at = At {
            list: "notes",
            index,
        };
        let mut note = Note::default();
        let (mut has_id, mut has_subject, mut has_text, mut has_created) =
            (false, false, false, false);
        for (key, value) in at.object(item)? {
            match key.as_str() {
                "id" => {
                    note.id = at.string("id", value)?;
                    check_label_id(&note.id).map_err(|reason| at.error("id", reason))?;
                    if let Some(first) = ids.insert(note.id.clone(), index) {
                        let reason = format!("duplicate id “{}” (also notes[{first}])", note.id);
                        return Err(at.error("id", reason));
                    }
                    has_id = true;
                }
                "subject" => {
                    note.subject = at.string("subject", value)?;
                    subject::check_key(&note.subject)
                        .map_err(|reason| at.error("subject", reason))?;
                    has_subject = true;
                }
                "text" => {
                    let text = at.string("text", value)?;
                    note.text = check_text(&text).map_err(|reason| at.error("text", reason))?;
                    has_text = true;
                }
                "author" => note.author = at.optional_string("author", value)?.unwrap_or_default(),
                "created_at" => {
                    note.created_at = at.time("created_at", value)?;
                    has_created = true;
                }
                "edited_at" => note.edited_at = at.optional_time("edited_at", value)?,
                "history" => {
                    for (position, version) in at.array("history", value)?.into_iter().enumerate() {
                        note.history.push(history_version(at, position, version)?);
                    }
                }
                "subject_name" => {
                    note.subject_name = at
                        .optional_string("subject_name", value)?
                        .and_then(|n| clean_name(&n));
                }
                "deleted_at" => note.deleted_at = at.optional_time("deleted_at", value)?,
                _ => {
                    note.extra.insert(key, value);
                }
            }
        }
        for (present, field) in [
            (has_id, "id"),
            (has_subject, "subject"),
            (has_text, "text"),
            (has_created, "created_at"),
        ] {
            if !present {
                return Err(at.missing(field, "note"));
            }
        }
        out.push(note);
    }
    Ok(out)
}

fn history_version(at: At, position: usize, value: Value) -> Result<NoteVersion, ImportError> {
    let prefix = format!("history[{position}]");
    let fields = match value {
        Value::Object(fields) => fields,
        other => {
            return Err(at.error(
                &prefix,
                format!("must be an object, found {}", kind(&other)),
            ))
        }
    };
    let mut version = NoteVersion::default();
    let (mut has_text, mut has_at) = (false, false);
    for (key, value) in fields {
        let field = format!("{prefix}.{key}");
        match key.as_str() {
            "text" => {
                version.text = at.string(&field, value)?;
                if version.text.chars().count() > MAX_NOTE_CHARS {
                    return Err(at.error(
                        &field,
                        format!("is longer than {MAX_NOTE_CHARS} characters"),
                    ));
                }
                has_text = true;
            }
            "author" => version.author = at.optional_string(&field, value)?.unwrap_or_default(),
            "at" => {
                version.at = at.time(&field, value)?;
                has_at = true;
            }
            // A version is three fields; anything else in one is dropped rather than refused.
            _ => {}
        }
    }
    if !has_text {
        return Err(at.missing(&format!("{prefix}.text"), "earlier version"));
    }
    if !has_at {
        return Err(at.missing(&format!("{prefix}.at"), "earlier version"));
    }
    Ok(version)
}
