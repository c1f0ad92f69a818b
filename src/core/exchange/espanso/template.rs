//! espanso replacement text → Answerdeck template text.
//!
//! espanso writes variables as `{{name}}` (and form fields as `{{form1.field}}`, or `[[field]]` in a
//! `form:` match); ours are `{name}`, `{?Field}`, and `{{` / `}}` for a literal brace. So every brace in
//! espanso text that stays text is doubled, form fields become fill-in fields, `echo` variables
//! (constants) are written in, and variables we cannot fill (clipboard, dates, shell, scripts, choices
//! …) stay visible as their literal `{{name}}` text for the person to edit.

use std::collections::HashMap;

use crate::core::template::{parse, Part};

/// What a match's `vars:` entry does, as far as the conversion cares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum VarKind {
    /// `type: echo` with `params: {echo: "…"}`: always the same text.
    Echo(String),
    /// `type: form`: its fields are `{{name.field}}`.
    Form,
    /// Any other type (`clipboard`, `date`, `shell`, `script`, `random`, `choice`, `match` …).
    Other(String),
}

/// Converted text and the espanso variables kept as literal text (each once, in order, with a note
/// on what they were).
#[derive(Debug, Default)]
pub(super) struct Converted {
    pub(super) text: String,
    pub(super) kept: Vec<(String, String)>,
}

/// A `replace:` (or `markdown:`/`html:`) text. `inject` is false for `inject_vars: false` matches,
/// whose `{{…}}` espanso itself leaves as typed.
pub(super) fn convert_replace(
    src: &str,
    vars: &HashMap<String, VarKind>,
    inject: bool,
) -> Converted {
    let mut out = Converted {
        text: String::with_capacity(src.len() + 8),
        kept: Vec::new(),
    };
    let mut rest = src;
    while let Some(at) = rest.find("{{") {
        escape_into(&rest[..at], &mut out.text);
        let candidate = &rest[at..];
        let Some(var) = inject.then(|| var_ref(candidate)).flatten() else {
            out.text.push_str("{{{{");
            rest = &candidate[2..];
            continue;
        };
        match (vars.get(var.name), var.field) {
            (Some(VarKind::Echo(value)), None) => escape_into(value, &mut out.text),
            (Some(VarKind::Form), Some(field)) => push_field(field, &mut out.text),
            (kind, _) => {
                let note = match kind {
                    Some(VarKind::Other(kind)) => format!("a {kind} variable"),
                    Some(VarKind::Echo(_)) | Some(VarKind::Form) => "a variable".to_string(),
                    None => "not declared in the match; a global or built-in variable".to_string(),
                };
                let token = var.token.to_string();
                if !out.kept.iter().any(|(kept, _)| *kept == token) {
                    out.kept.push((token, note));
                }
                escape_into(var.token, &mut out.text);
            }
        }
        rest = &candidate[var.token.len()..];
    }
    escape_into(rest, &mut out.text);
    out
}

/// A `form:` layout: `[[field]]` becomes the fill-in field `{?field}`, everything else is text.
pub(super) fn convert_form(src: &str) -> String {
    let mut out = String::with_capacity(src.len() + 8);
    let mut rest = src;
    while let Some(at) = rest.find("[[") {
        escape_into(&rest[..at], &mut out);
        let candidate = &rest[at..];
        match field_ref(candidate) {
            Some((field, len)) => {
                push_field(field, &mut out);
                rest = &candidate[len..];
            }
            None => {
                out.push_str("[[");
                rest = &candidate[2..];
            }
        }
    }
    escape_into(rest, &mut out);
    out
}

/// `{?field}`: field names are word characters, so they never hold a brace or a line break.
fn push_field(field: &str, out: &mut String) {
    out.push_str("{?");
    out.push_str(field);
    out.push('}');
}

/// Text for our templates: `{` → `{{`, `}` → `}}`.
pub(super) fn escape_into(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(at) = rest.find(['{', '}']) {
        out.push_str(&rest[..=at]);
        out.push_str(&rest[at..=at]);
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

/// `{{ name }}` or `{{name.field}}` at the start of `text`.
struct VarRef<'a> {
    token: &'a str,
    name: &'a str,
    field: Option<&'a str>,
}

fn var_ref(text: &str) -> Option<VarRef<'_>> {
    let inner_start = 2;
    let rest = &text[inner_start..];
    let close = near(rest).find("}}")?;
    let inner = &rest[..close];
    let (name, field) = match inner.trim().split_once('.') {
        Some((name, field)) => (name, Some(field)),
        None => (inner.trim(), None),
    };
    if !is_word(name) || field.is_some_and(|f| !is_word(f)) {
        return None;
    }
    Some(VarRef {
        token: &text[..inner_start + close + 2],
        name,
        field,
    })
}

/// `[[ field ]]` at the start of `text`: the field name and the length of the reference.
fn field_ref(text: &str) -> Option<(&str, usize)> {
    let rest = &text[2..];
    let close = near(rest).find("]]")?;
    let name = rest[..close].trim();
    is_word(name).then_some((name, 2 + close + 2))
}

/// The start of `text` where a reference's closing brackets can be: names are short, and searching
/// further would make a long text full of unmatched `{{` quadratic.
fn near(text: &str) -> &str {
    let mut end = text.len().min(256);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// espanso names: letters, digits, `_` and `-`.
fn is_word(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

/// The text a converted template shows, with a gap where each placeholder is: what a title is made of.
pub(super) fn readable(template: &str) -> String {
    match parse(template) {
        Ok(parsed) => parsed
            .parts
            .iter()
            .map(|part| match part {
                Part::Text(text) => text.as_str(),
                Part::Var { .. } | Part::Field(_) => " ",
            })
            .collect(),
        Err(_) => template.to_string(),
    }
}

/// A title from the first words of a text: placeholders and (for HTML) tags dropped, lines joined and
/// spaces collapsed, cut at a word near 60 characters. Empty when nothing readable is left.
pub(super) fn title_from(text: &str, strip_tags: bool) -> String {
    // The first words are near the start; a bounded prefix keeps this linear on huge texts.
    let mut end = text.len().min(4096);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut plain = remove_between(&text[..end], "{{", "}}");
    plain = remove_between(&plain, "[[", "]]");
    plain = plain.replace("$|$", "");
    if strip_tags {
        plain = remove_between(&plain, "<", ">");
    }
    // Placeholders are gone; close the gaps they leave before punctuation and inside brackets.
    let words: Vec<&str> = plain.split_whitespace().collect();
    let plain = words
        .join(" ")
        .replace(" ,", ",")
        .replace(" .", ".")
        .replace(" !", "!")
        .replace(" ?", "?")
        .replace("( ", "(")
        .replace(" )", ")")
        .replace("()", "");
    // A placeholder at the very start leaves its trailing punctuation (`{{greeting}}! Thanks`).
    let plain = plain.trim_start_matches(|c: char| ",.;:!?)".contains(c) || c.is_whitespace());
    let words: Vec<&str> = plain.split_whitespace().collect();
    let mut title = String::new();
    for word in words {
        let next_len =
            title.chars().count() + usize::from(!title.is_empty()) + word.chars().count();
        if next_len > 60 {
            if title.is_empty() {
                title = word.chars().take(59).collect();
            }
            title.push('…');
            return title;
        }
        if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(word);
    }
    title
}

fn remove_between(text: &str, open: &str, close: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(open) {
        match rest[start + open.len()..].find(close) {
            Some(end) => {
                out.push_str(&rest[..start]);
                out.push(' ');
                rest = &rest[start + open.len() + end + close.len()..];
            }
            None => break,
        }
    }
    out.push_str(rest);
    out
}
