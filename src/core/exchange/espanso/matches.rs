//! One espanso match → the parts of a reply (or nothing, with a warning, when it has no text we can use).

use std::collections::HashMap;
use std::rc::Rc;

use super::template::{convert_form, convert_replace, readable, title_from, VarKind};
use super::tree::{Node, Value};
use crate::core::exchange::outcome::Warnings;
use crate::core::exchange::ImportError;
use crate::core::reply::{check_shortcut, check_template_text, check_title};

/// A reply without its id (ids are given once the whole file is read).
#[derive(Debug)]
pub(super) struct Draft {
    pub(super) title: String,
    pub(super) body: String,
    pub(super) shortcut: Option<String>,
    pub(super) tags: Vec<String>,
}

/// Where a match is: `matches[3]`, `document 2, matches[3]`, with the line for people to jump to.
pub(super) struct Place<'a> {
    pub(super) prefix: &'a str,
    pub(super) index: usize,
    pub(super) line: usize,
}

impl Place<'_> {
    /// `matches[3] (line 14)`.
    fn whole(&self) -> String {
        format!(
            "{}matches[{}] (line {})",
            self.prefix, self.index, self.line
        )
    }

    /// `matches[3].replace (line 15)`.
    fn field(&self, name: &str, node: &Node) -> String {
        format!(
            "{}matches[{}].{name} (line {})",
            self.prefix, self.index, node.line
        )
    }

    fn error(&self, path: String, reason: impl Into<String>) -> ImportError {
        ImportError {
            path,
            reason: reason.into(),
        }
    }
}

/// What espanso users start triggers with so they never fire inside normal words (`:order`, `;sig`,
/// `//addr`, `!!tel`); the picker's own `/` takes that role in Answerdeck.
const TRIGGER_PREFIXES: [char; 4] = [':', ';', '/', '!'];

/// The keys that hold a match's output; espanso takes exactly one.
const OUTPUTS: [&str; 5] = ["replace", "form", "markdown", "html", "image_path"];

pub(super) fn convert(
    node: &Node,
    at: &Place,
    warnings: &mut Warnings,
) -> Result<Option<Draft>, ImportError> {
    let fields = Fields::of(node, at)?;

    let mut triggers: Vec<String> = Vec::new();
    if let Some(trigger) = fields.get("trigger") {
        triggers.push(text(trigger, at, "trigger")?.to_string());
    }
    if let Some(list) = fields.get("triggers") {
        for (i, trigger) in items(list, at, "triggers")?.iter().enumerate() {
            triggers.push(text(trigger, at, &format!("triggers[{i}]"))?.to_string());
        }
    }
    let label = match fields.get("label") {
        Some(label) => Some((text(label, at, "label")?.trim(), label)),
        None => None,
    };
    let vars = match fields.get("vars") {
        Some(vars) => read_vars(vars, at)?,
        None => HashMap::new(),
    };
    let inject = fields
        .get("inject_vars")
        .and_then(|n| n.as_bool())
        .unwrap_or(true);
    let mut tags = Vec::new();
    if let Some(terms) = fields.get("search_terms") {
        for (i, term) in items(terms, at, "search_terms")?.iter().enumerate() {
            let term = text(term, at, &format!("search_terms[{i}]"))?.trim();
            if !term.is_empty() {
                tags.push(term.to_string());
            }
        }
    }

    let outputs: Vec<(&str, &Rc<Node>)> = OUTPUTS
        .iter()
        .filter_map(|&name| fields.get(name).map(|node| (name, node)))
        .collect();
    let (kind, output) = match outputs.as_slice() {
        [] => {
            return Err(at.error(
                at.whole(),
                "has no replace text (an espanso match needs one of replace, form, markdown, html or image_path)",
            ))
        }
        [one] => *one,
        [(first, _), (second, node), ..] => {
            return Err(at.error(
                at.field(second, node),
                format!("this match has both {first} and {second}; espanso takes only one of replace, form, markdown, html, image_path"),
            ))
        }
    };
    if kind == "image_path" {
        warnings.at(
            at.whole(),
            "image matches have no Answerdeck equivalent (replies are text); skipped",
        );
        return Ok(None);
    }
    let source = text(output, at, kind)?;
    let source = if source.contains("$|$") {
        warnings.at(
            at.whole(),
            "the cursor marker $|$ was removed (the caret goes after the inserted text)",
        );
        source.replace("$|$", "")
    } else {
        source.to_string()
    };
    let body = if kind == "form" {
        warn_form_choices(&fields, at, warnings);
        convert_form(&source)
    } else {
        let converted = convert_replace(&source, &vars, inject);
        for (token, note) in converted.kept {
            warnings.at(
                at.whole(),
                format!("{token} ({note}) has no Answerdeck equivalent; kept as literal text"),
            );
        }
        converted.text
    };
    match kind {
        "html" => warnings.at(
            at.whole(),
            "HTML imported as plain text: the tags appear as typed",
        ),
        "markdown" => warnings.at(
            at.whole(),
            "Markdown imported as plain text: the marks appear as typed",
        ),
        _ => {}
    }
    if body.trim().is_empty() {
        warnings.at(at.whole(), "the replacement is empty; skipped");
        return Ok(None);
    }
    check_template_text(&body).map_err(|reason| at.error(at.field(kind, output), reason))?;

    let shortcut = shortcut_of(&triggers, fields.get("regex").is_some(), at, warnings);
    let title = match label {
        Some((label, node)) if !label.is_empty() => {
            check_title(label).map_err(|reason| at.error(at.field("label", node), reason))?;
            label.to_string()
        }
        _ => {
            let derived = title_from(&readable(&body), kind == "html");
            if !derived.is_empty() {
                derived
            } else if let Some(shortcut) = &shortcut {
                shortcut.clone()
            } else {
                format!("espanso match {}", at.index + 1)
            }
        }
    };
    Ok(Some(Draft {
        title,
        body,
        shortcut,
        tags,
    }))
}

/// The first trigger without its leading punctuation (`:order` → `order`), when that is a valid
/// shortcut; the rest are named in a warning.
fn shortcut_of(
    triggers: &[String],
    regex: bool,
    at: &Place,
    warnings: &mut Warnings,
) -> Option<String> {
    let Some(first) = triggers.first() else {
        if regex {
            warnings.at(
                at.whole(),
                "regex triggers have no Answerdeck equivalent; imported without a shortcut",
            );
        }
        return None;
    };
    if triggers.len() > 1 {
        warnings.at(
            at.whole(),
            format!(
                "only the first trigger became the shortcut; not imported: {}",
                triggers[1..].join(", ")
            ),
        );
    }
    let word = first.trim().trim_start_matches(TRIGGER_PREFIXES);
    if word.is_empty() {
        warnings.at(
            at.whole(),
            format!(
                "trigger \"{first}\" has no letters to use as a shortcut; imported without one"
            ),
        );
        return None;
    }
    match check_shortcut(word) {
        Ok(()) => Some(word.to_string()),
        Err(reason) => {
            warnings.at(
                at.whole(),
                format!(
                    "trigger \"{first}\" cannot be a shortcut ({reason}); imported without one"
                ),
            );
            None
        }
    }
}

/// `form_fields` with choices or lists become free-text fields: say so.
fn warn_form_choices(fields: &Fields, at: &Place, warnings: &mut Warnings) {
    let Some(Value::Map(form_fields)) = fields.get("form_fields").map(|n| &n.value) else {
        return;
    };
    for (name, spec) in form_fields {
        let Value::Map(spec) = &spec.value else {
            continue;
        };
        let kind = spec
            .iter()
            .find(|(key, _)| key.as_text() == Some("type"))
            .and_then(|(_, value)| value.as_text());
        if let (Some(name), Some(kind @ ("choice" | "list"))) = (name.as_text(), kind) {
            warnings.at(
                at.whole(),
                format!("form field {name} offered a {kind}; in Answerdeck it is a free-text field {{?{name}}}"),
            );
        }
    }
}

/// `vars:` → name → what it does.
fn read_vars(node: &Rc<Node>, at: &Place) -> Result<HashMap<String, VarKind>, ImportError> {
    let mut vars = HashMap::new();
    for (i, var) in items(node, at, "vars")?.iter().enumerate() {
        let Value::Map(entries) = &var.value else {
            return Err(at.error(
                at.field(&format!("vars[{i}]"), var),
                format!("must be a mapping with name and type, found {}", var.kind()),
            ));
        };
        let get = |key: &str| {
            entries
                .iter()
                .find(|(k, _)| k.as_text() == Some(key))
                .map(|(_, value)| value)
        };
        let Some(name) = get("name").and_then(|n| n.as_text()) else {
            continue;
        };
        let kind = get("type").and_then(|n| n.as_text()).unwrap_or("");
        let echo = get("params").and_then(|params| match &params.value {
            Value::Map(params) => params
                .iter()
                .find(|(k, _)| k.as_text() == Some("echo"))
                .and_then(|(_, v)| v.as_text()),
            _ => None,
        });
        let kind = match (kind, echo) {
            ("echo", Some(echo)) => VarKind::Echo(echo.to_string()),
            ("form", _) => VarKind::Form,
            (other, _) => VarKind::Other(if other.is_empty() {
                "untyped".into()
            } else {
                other.to_string()
            }),
        };
        vars.insert(name.to_string(), kind);
    }
    Ok(vars)
}

/// A match's keys, with `<<: *anchor` merges applied (the match's own keys win), nulls left out.
struct Fields<'a> {
    entries: Vec<(&'a str, &'a Rc<Node>)>,
}

impl<'a> Fields<'a> {
    fn of(node: &'a Node, at: &Place) -> Result<Self, ImportError> {
        let Value::Map(entries) = &node.value else {
            return Err(at.error(
                at.whole(),
                format!(
                    "must be a mapping with trigger and replace, found {}",
                    node.kind()
                ),
            ));
        };
        let mut fields = Fields {
            entries: Vec::new(),
        };
        let mut merged: Vec<&'a Rc<Node>> = Vec::new();
        for (key, value) in entries {
            let Some(name) = key.as_text() else {
                return Err(at.error(
                    at.whole(),
                    format!("keys must be plain names, found {}", key.kind()),
                ));
            };
            if name == "<<" {
                merged.push(value);
                continue;
            }
            if fields.entries.iter().any(|(seen, _)| *seen == name) {
                return Err(at.error(at.field(name, key), "appears twice in this match; keep one"));
            }
            fields.entries.push((name, value));
        }
        for value in merged {
            let sources: Vec<&Rc<Node>> = match &value.value {
                Value::List(items) => items.iter().collect(),
                _ => vec![value],
            };
            for source in sources {
                if let Value::Map(entries) = &source.value {
                    for (key, value) in entries {
                        if let Some(name) = key.as_text() {
                            if !fields.entries.iter().any(|(seen, _)| *seen == name) {
                                fields.entries.push((name, value));
                            }
                        }
                    }
                }
            }
        }
        fields.entries.retain(|(_, value)| !value.is_null());
        Ok(fields)
    }

    fn get(&self, name: &str) -> Option<&'a Rc<Node>> {
        self.entries
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| *value)
    }
}

fn text<'n>(node: &'n Node, at: &Place, field: &str) -> Result<&'n str, ImportError> {
    node.as_text().ok_or_else(|| {
        at.error(
            at.field(field, node),
            format!("must be text, found {}", node.kind()),
        )
    })
}

/// A list, or a single value standing for a list of one (espanso accepts `triggers: ":a"` too).
fn items<'n>(
    node: &'n Rc<Node>,
    at: &Place,
    field: &str,
) -> Result<Vec<&'n Rc<Node>>, ImportError> {
    match &node.value {
        Value::List(items) => Ok(items.iter().collect()),
        Value::Scalar { .. } => Ok(vec![node]),
        Value::Map(_) => Err(at.error(at.field(field, node), "must be a list, found a mapping")),
    }
}
