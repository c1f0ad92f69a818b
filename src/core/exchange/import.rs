//! v1 JSON text → [`Export`], refusing the file at its first problem.
//!
//! The text is parsed into `serde_json::Value` first and then checked by hand rather than deserialized
//! with derive: only a hand walk can name the exact place of a problem and keep unknown fields in
//! their original order. Fields are checked in the order they appear in the file, so "first problem"
//! means the first one a person reading the file would reach. `null` counts as absent for every optional
//! field, since scripts that generate files often write it.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::{sections, Export, ImportError, FORMAT, VERSION};
use crate::core::reply::{self, Reply};

/// Parses and checks a v1 file. A leading UTF-8 byte order mark is ignored.
pub fn parse_v1(text: &str) -> Result<Export, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(error("(file)", "the file is empty"));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| syntax_error(text, &e))?;
    let Value::Object(top) = value else {
        return Err(error(
            "(file)",
            format!(
                "this is not an Answerdeck export (expected a JSON object, found {})",
                kind(&value)
            ),
        ));
    };

    let mut format = None;
    let mut version = None;
    let mut replies = None;
    let mut labels = None;
    let mut conversations = None;
    let mut notes = None;
    let mut extra = Map::new();
    for (key, value) in top {
        match key.as_str() {
            "format" => format = Some(value),
            "version" => version = Some(value),
            // Describes the old file, not the data; a new export writes its own.
            "exported_at" => {}
            "replies" => replies = Some(value),
            "labels" => labels = Some(value),
            "conversations" => conversations = Some(value),
            "notes" => notes = Some(value),
            _ => {
                extra.insert(key, value);
            }
        }
    }

    check_format(format.as_ref())?;
    check_version(version.as_ref())?;
    let replies = match replies {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => parse_replies(items)?,
        Some(other) => {
            return Err(error(
                "replies",
                format!("must be an array of replies, found {}", kind(&other)),
            ))
        }
    };
    Ok(Export {
        replies,
        labels: sections::labels(raw_list("labels", labels)?)?,
        conversations: sections::conversations(raw_list("conversations", conversations)?)?,
        notes: sections::notes(raw_list("notes", notes)?)?,
        extra,
    })
}

fn check_format(format: Option<&Value>) -> Result<(), ImportError> {
    match format {
        Some(Value::String(name)) if name == FORMAT => Ok(()),
        _ => Err(error("format", "this is not an Answerdeck export")),
    }
}

fn check_version(version: Option<&Value>) -> Result<(), ImportError> {
    let Some(version) = version else {
        return Err(error("version", "missing; expected 1"));
    };
    match version.as_u64() {
        Some(VERSION) => Ok(()),
        Some(newer) if newer > VERSION => Err(error(
            "version",
            format!("made by a newer Answerdeck (version {newer}); update Answerdeck to import it"),
        )),
        _ => Err(error(
            "version",
            format!("must be the integer 1, found {}", describe(version)),
        )),
    }
}

/// `labels`, `conversations`, `notes` must be arrays; their items are checked in [`sections`].
fn raw_list(name: &str, value: Option<Value>) -> Result<Vec<Value>, ImportError> {
    match value {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => Ok(items),
        Some(other) => Err(error(
            name,
            format!("must be an array, found {}", kind(&other)),
        )),
    }
}

fn parse_replies(items: Vec<Value>) -> Result<Vec<Reply>, ImportError> {
    let mut replies = Vec::with_capacity(items.len());
    // id → index of the reply that has it, to name both places of a duplicate.
    let mut seen_ids: HashMap<String, usize> = HashMap::with_capacity(items.len());
    for (index, item) in items.into_iter().enumerate() {
        replies.push(parse_reply(index, item, &mut seen_ids)?);
    }
    Ok(replies)
}

/// Builds `replies[3].title`-style paths only when there is an error to report.
#[derive(Clone, Copy)]
struct ReplyPath(usize);

impl ReplyPath {
    fn error(self, field: &str, reason: impl Into<String>) -> ImportError {
        let path = if field.is_empty() {
            format!("replies[{}]", self.0)
        } else {
            format!("replies[{}].{field}", self.0)
        };
        error(path, reason)
    }

    /// Applies a shared rule from [`crate::core::reply`] to `field`.
    fn check(self, field: &str, rule: Result<(), String>) -> Result<(), ImportError> {
        rule.map_err(|reason| self.error(field, reason))
    }
}

fn parse_reply(
    index: usize,
    value: Value,
    seen_ids: &mut HashMap<String, usize>,
) -> Result<Reply, ImportError> {
    let at = ReplyPath(index);
    let Value::Object(fields) = value else {
        return Err(at.error("", format!("must be an object, found {}", kind(&value))));
    };
    let mut reply = Reply::default();
    let (mut has_id, mut has_title, mut has_body) = (false, false, false);
    for (key, value) in fields {
        match key.as_str() {
            "id" => {
                reply.id = string(at, "id", value)?;
                at.check("id", reply::check_id(&reply.id))?;
                if let Some(first) = seen_ids.insert(reply.id.clone(), index) {
                    let reason = format!("duplicate id \"{}\" (also replies[{first}])", reply.id);
                    return Err(at.error("id", reason));
                }
                has_id = true;
            }
            "title" => {
                reply.title = string(at, "title", value)?;
                at.check("title", reply::check_title(&reply.title))?;
                has_title = true;
            }
            "body" => {
                reply.body = string(at, "body", value)?;
                at.check("body", reply::check_template_text(&reply.body))?;
                has_body = true;
            }
            "variants" => {
                for (code, text) in optional_object(at, "variants", value)? {
                    let field = format!("variants.{code}");
                    at.check(&field, reply::check_language_code(&code))?;
                    let text = string(at, &field, text)?;
                    at.check(&field, reply::check_template_text(&text))?;
                    reply.variants.insert(code, text);
                }
            }
            "language" => {
                reply.language = optional_string(at, "language", value)?;
                if let Some(code) = &reply.language {
                    at.check("language", reply::check_language_code(code))?;
                }
            }
            "folder" => reply.folder = optional_string(at, "folder", value)?,
            "tags" => {
                for (position, tag) in optional_array(at, "tags", value)?.into_iter().enumerate() {
                    reply
                        .tags
                        .push(string(at, &format!("tags[{position}]"), tag)?);
                }
            }
            "shortcut" => {
                reply.shortcut = optional_string(at, "shortcut", value)?;
                if let Some(shortcut) = &reply.shortcut {
                    at.check("shortcut", reply::check_shortcut(shortcut))?;
                }
            }
            "favorite" => {
                reply.favorite = match value {
                    Value::Null => false,
                    Value::Bool(favorite) => favorite,
                    other => return Err(wrong_type(at, "favorite", "true or false", &other)),
                }
            }
            _ => {
                reply.extra.insert(key, value);
            }
        }
    }
    for (present, field, noun) in [
        (has_id, "id", "an id"),
        (has_title, "title", "a title"),
        (has_body, "body", "a body"),
    ] {
        if !present {
            return Err(at.error(field, format!("missing; every reply needs {noun}")));
        }
    }
    Ok(reply)
}

fn string(at: ReplyPath, field: &str, value: Value) -> Result<String, ImportError> {
    match value {
        Value::String(text) => Ok(text),
        other => Err(wrong_type(at, field, "a string", &other)),
    }
}

fn optional_string(
    at: ReplyPath,
    field: &str,
    value: Value,
) -> Result<Option<String>, ImportError> {
    match value {
        Value::Null => Ok(None),
        other => string(at, field, other).map(Some),
    }
}

fn optional_array(at: ReplyPath, field: &str, value: Value) -> Result<Vec<Value>, ImportError> {
    match value {
        Value::Null => Ok(Vec::new()),
        Value::Array(items) => Ok(items),
        other => Err(wrong_type(at, field, "an array of strings", &other)),
    }
}

fn optional_object(
    at: ReplyPath,
    field: &str,
    value: Value,
) -> Result<Map<String, Value>, ImportError> {
    match value {
        Value::Null => Ok(Map::new()),
        Value::Object(entries) => Ok(entries),
        other => Err(wrong_type(
            at,
            field,
            "an object of language code → text",
            &other,
        )),
    }
}

fn wrong_type(at: ReplyPath, field: &str, expected: &str, found: &Value) -> ImportError {
    at.error(field, format!("must be {expected}, found {}", kind(found)))
}

/// The JSON type of `value` with its article, for "found …" in messages.
pub(super) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Short scalars are shown as written (`found "1"`, `found 1.5`); anything else by its type.
fn describe(value: &Value) -> String {
    match value {
        Value::Number(_) | Value::String(_) | Value::Bool(_) => {
            let shown = value.to_string();
            if shown.chars().count() <= 20 {
                shown
            } else {
                kind(value).to_string()
            }
        }
        _ => kind(value).to_string(),
    }
}

/// `line 4, column 17: not valid JSON (expected `,` or `}`)`. serde_json counts columns in bytes;
/// people count characters, so the column is converted.
fn syntax_error(text: &str, e: &serde_json::Error) -> ImportError {
    let (line, byte_column) = (e.line(), e.column());
    let message = e.to_string();
    let message = message
        .strip_suffix(&format!(" at line {line} column {byte_column}"))
        .unwrap_or(&message);
    let reason = if e.is_eof() {
        "not valid JSON: the file ends too early (is it cut off?)".to_string()
    } else {
        format!("not valid JSON: {message}")
    };
    let column = char_column(text, line, byte_column);
    error(format!("line {line}, column {column}"), reason)
}

fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(line_text) = text.split('\n').nth(line.saturating_sub(1)) else {
        return byte_column;
    };
    let mut end = byte_column.min(line_text.len());
    while !line_text.is_char_boundary(end) {
        end -= 1;
    }
    let chars = line_text[..end].chars().count();
    // A column inside a multi-byte character points at that character.
    if end < byte_column.min(line_text.len()) {
        chars + 1
    } else {
        chars
    }
}

fn error(path: impl Into<String>, reason: impl Into<String>) -> ImportError {
    ImportError {
        path: path.into(),
        reason: reason.into(),
    }
}
