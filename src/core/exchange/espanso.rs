//! espanso match files (YAML) → replies, for people moving their snippets from the espanso text expander.
//!
//! # What is read
//!
//! One or more YAML documents (`---` between them), each a mapping whose `matches:` list holds the
//! snippets. For each match:
//!
//! | espanso | Answerdeck |
//! |---|---|
//! | `trigger: ":order"` or `triggers: [":order", ":ord"]` | shortcut `order`: the first trigger without leading punctuation (`:` `;` `/` `!` …); others are named in a warning. A trigger with spaces or longer than 32 characters gives no shortcut (warning) |
//! | `regex:` | no shortcut (warning) |
//! | `label:` | title; without a label the title is the first words of the text (≤ 60 characters), else the shortcut |
//! | `replace:` | body: `{` and `}` become `{{` `}}` (literal braces in our templates) |
//! | `{{form1.field}}` (a `type: form` variable) and `[[field]]` in a `form:` match | fill-in field `{?field}` (choices of `form_fields` become free text, warning) |
//! | `{{name}}` of a `type: echo` variable | its text, written in |
//! | any other `{{name}}` (clipboard, date, shell, script, random, choice, match, global variables) | kept as the literal text `{{name}}` (written `{{{{name}}}}` in the template), warning listing them |
//! | `inject_vars: false` | `{{…}}` kept as typed, like espanso does |
//! | `markdown:`, `html:` | the source as plain text (never rendered as HTML), warning |
//! | `image_path:` only | skipped, warning |
//! | `search_terms:` | tags |
//! | `$|$` (cursor position) | removed, warning |
//! | `word`, `propagate_case`, `uppercase_style`, `force_mode`, `left_word`, `right_word`, … | ignored: they change how espanso triggers, not the text |
//! | top-level `global_vars:`, `imports:` | not read, warning |
//!
//! YAML anchors, aliases and `<<:` merges work. Matches get new ids (`r-` + title, see
//! [`crate::core::reply::new_reply_id`]) unique against the caller's stored ids.
//!
//! # Problems
//!
//! The file is refused whole at its first problem: YAML syntax (`line 4, column 7: not valid YAML: …`),
//! or a match that is not a mapping, has no text, has two outputs, a value of the wrong type or text
//! breaking a reply rule (`matches[3].replace (line 14): is 60,001 characters long; the limit is
//! 50,000`). In files with several documents the place starts with `document 2, `. Nesting deeper than
//! 64 levels and aliases expanding to more than a million nodes are refused (hostile files).

mod matches;
mod template;
mod tree;

use matches::{convert, Draft, Place};
use tree::Value;

use super::ids::IdAllocator;
use super::limits::{check_count, check_size};
use super::outcome::{Imported, Warnings};
use super::ImportError;
use crate::core::reply::Reply;

/// Keys only espanso's configuration files have: picking `config/default.yml` by mistake is common.
const CONFIG_KEYS: [&str; 8] = [
    "toggle_key",
    "search_shortcut",
    "backend",
    "keyboard_layout",
    "show_notifications",
    "auto_restart",
    "filter_title",
    "filter_exec",
];

/// Reads an espanso match file. `stored` says whether the library already has an id.
pub fn parse(text: &str, stored: impl Fn(&str) -> bool) -> Result<Imported, ImportError> {
    check_size(text)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(error("(file)", "the file is empty"));
    }
    let documents = tree::load(text)?;
    let several = documents.iter().filter(|d| !d.is_null()).count() > 1;

    let mut warnings = Warnings::default();
    let mut drafts: Vec<Draft> = Vec::new();
    let (mut has_matches, mut looks_like_config) = (false, false);
    for (n, document) in documents.iter().enumerate() {
        if document.is_null() {
            continue;
        }
        let prefix = if several {
            format!("document {}, ", n + 1)
        } else {
            String::new()
        };
        let Value::Map(entries) = &document.value else {
            return Err(error(
                format!("{prefix}line {}", document.line),
                format!(
                    "an espanso match file is a mapping with a matches: list; found {}",
                    document.kind()
                ),
            ));
        };
        for (key, value) in entries {
            match key.as_text() {
                Some("matches") => {
                    has_matches = true;
                    let items = match &value.value {
                        Value::List(items) => items.as_slice(),
                        _ if value.is_null() => &[],
                        _ => {
                            return Err(error(
                                format!("{prefix}matches (line {})", value.line),
                                format!("must be a list of matches, found {}", value.kind()),
                            ))
                        }
                    };
                    for (index, item) in items.iter().enumerate() {
                        let at = Place { prefix: &prefix, index, line: item.line };
                        if let Some(draft) = convert(item, &at, &mut warnings)? {
                            check_count(drafts.len() + 1)?;
                            drafts.push(draft);
                        }
                    }
                }
                Some("global_vars") => warnings.general(
                    "global_vars are not imported (Answerdeck has no equivalent); matches using them keep {{name}} as literal text",
                ),
                Some("imports") => {
                    let files: Vec<&str> = match &value.value {
                        Value::List(items) => items.iter().filter_map(|i| i.as_text()).collect(),
                        _ => value.as_text().into_iter().collect(),
                    };
                    warnings.general(format!(
                        "imports are not followed; import these files too: {}",
                        files.join(", ")
                    ));
                }
                Some(key) if CONFIG_KEYS.contains(&key) => looks_like_config = true,
                _ => {}
            }
        }
    }
    if !has_matches {
        let hint = if looks_like_config {
            "this looks like an espanso configuration file (config/default.yml); choose a match file such as match/base.yml"
        } else {
            "choose an espanso match file such as match/base.yml (it has a matches: list)"
        };
        return Err(error("(file)", format!("no matches: list found; {hint}")));
    }

    let mut ids = IdAllocator::new(stored, Default::default());
    let replies = drafts
        .into_iter()
        .map(|draft| Reply {
            id: ids.allocate(&draft.title),
            title: draft.title,
            body: draft.body,
            tags: draft.tags,
            shortcut: draft.shortcut,
            ..Reply::default()
        })
        .collect();
    Ok(Imported {
        replies,
        warnings: warnings.finish(),
    })
}

fn error(path: impl Into<String>, reason: impl Into<String>) -> ImportError {
    ImportError {
        path: path.into(),
        reason: reason.into(),
    }
}
