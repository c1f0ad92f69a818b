//! Template text → [`Template`]. One pass over the source, no backtracking.

use super::{Part, Template, TemplateError, Var};

/// Parses a template. A placeholder is `{` … `}` on one line; anything else with braces is refused with
/// the character offset of the offending brace, so the editor can point at it.
pub fn parse(src: &str) -> Result<Template, TemplateError> {
    let mut parts = Vec::new();
    let mut text = String::new();
    let mut rest = src;
    // Characters consumed so far: error offsets count characters, not bytes.
    let mut offset = 0;
    while let Some(brace_at) = rest.find(['{', '}']) {
        let before = &rest[..brace_at];
        text.push_str(before);
        offset += before.chars().count();
        let opens = rest.as_bytes()[brace_at] == b'{';
        let brace = if opens { '{' } else { '}' };
        let after = &rest[brace_at + 1..];
        if let Some(after_pair) = after.strip_prefix(brace) {
            text.push(brace);
            rest = after_pair;
            offset += 2;
            continue;
        }
        if !opens {
            return Err(error(offset, "stray }".into()));
        }
        let inner = match after.find(['}', '{', '\n', '\r']) {
            Some(end) if after.as_bytes()[end] == b'}' => &after[..end],
            _ => return Err(error(offset, "unclosed {".into())),
        };
        let part = parse_placeholder(inner).map_err(|reason| error(offset, reason))?;
        if !text.is_empty() {
            parts.push(Part::Text(std::mem::take(&mut text)));
        }
        parts.push(part);
        offset += inner.chars().count() + 2;
        rest = &after[inner.len() + 1..];
    }
    text.push_str(rest);
    if !text.is_empty() {
        parts.push(Part::Text(text));
    }
    Ok(Template { parts })
}

/// The text between `{` and `}`: `?label`, `name` or `name|fallback`. Spaces around names and labels
/// are forgiven; the fallback is kept exactly as written.
fn parse_placeholder(inner: &str) -> Result<Part, String> {
    if let Some(label) = inner.trim_start().strip_prefix('?') {
        let label = label.trim();
        if label.is_empty() {
            return Err("empty field label {?}".into());
        }
        return Ok(Part::Field(label.to_string()));
    }
    let (name, fallback) = match inner.split_once('|') {
        Some((name, fallback)) => (name.trim(), Some(fallback)),
        None => (inner.trim(), None),
    };
    if name.is_empty() {
        return Err(match fallback {
            None => "empty {}".into(),
            Some(_) => format!("missing variable name in {{{inner}}}"),
        });
    }
    let var = Var::from_name(name).ok_or_else(|| format!("unknown variable {{{name}}}"))?;
    Ok(Part::Var {
        var,
        fallback: fallback.map(str::to_string),
    })
}

fn error(offset: usize, reason: String) -> TemplateError {
    TemplateError { offset, reason }
}
