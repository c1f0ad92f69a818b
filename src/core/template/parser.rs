//! Template text → [`Template`]. One pass over the source, no backtracking.
//!
//! The scanner yields pieces borrowed from the source, so [`check`] (run on every body and variant of
//! an import) validates without allocating; [`parse`] collects the same pieces into owned parts.

use super::{Part, Template, TemplateError, Var};

/// Parses a template. A placeholder is `{` … `}` on one line; anything else with braces is refused with
/// the character offset of the offending brace, so the editor can point at it.
pub fn parse(src: &str) -> Result<Template, TemplateError> {
    let mut parts: Vec<Part> = Vec::new();
    scan(src, |piece| match piece {
        Piece::Text(text) => match parts.last_mut() {
            Some(Part::Text(last)) => last.push_str(text),
            _ => parts.push(Part::Text(text.to_string())),
        },
        Piece::Var { var, fallback } => parts.push(Part::Var {
            var,
            fallback: fallback.map(str::to_string),
        }),
        Piece::Field(label) => parts.push(Part::Field(label.to_string())),
    })?;
    Ok(Template { parts })
}

/// Whether `src` parses, without building the template.
pub fn check(src: &str) -> Result<(), TemplateError> {
    scan(src, |_| {})
}

/// Every `{name}` or `{name|fallback}` whose name is not a variable, as (character offset of its `{`, name
/// as written), in order. [`parse`] stops at the first problem of any kind; this goes on to the end, so the
/// editor can mark every misspelt variable at once. Other brace problems (a stray `}`, an unclosed `{`) are
/// skipped here: [`parse`] reports them.
pub fn unknown_variables(src: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut chars = 0; // characters before `at`
    let mut at = 0;
    while let Some(found_at) = src[at..].find(['{', '}']) {
        let brace_at = at + found_at;
        chars += src[at..brace_at].chars().count();
        let brace = &src[brace_at..brace_at + 1];
        let after = &src[brace_at + 1..];
        if after.starts_with(brace) || brace == "}" {
            // `{{` / `}}` are literal; a lone `}` is parse's to report.
            let len = if after.starts_with(brace) { 2 } else { 1 };
            chars += len;
            at = brace_at + len;
            continue;
        }
        match after.find(['}', '{', '\n', '\r']) {
            Some(end) if after.as_bytes()[end] == b'}' => {
                let inner = &after[..end];
                if let Err(name) = known_name(inner) {
                    found.push((chars, name.to_string()));
                }
                chars += 1 + inner.chars().count() + 1;
                at = brace_at + 1 + end + 1;
            }
            _ => {
                chars += 1;
                at = brace_at + 1;
            }
        }
    }
    found
}

/// `Err(name)` when `inner` (the text between braces) names a variable that does not exist.
fn known_name(inner: &str) -> Result<(), &str> {
    if inner.trim_start().starts_with('?') {
        return Ok(());
    }
    let name = inner.split('|').next().unwrap_or(inner).trim();
    if name.is_empty() || Var::from_name(name).is_some() {
        Ok(())
    } else {
        Err(name)
    }
}

/// A piece of the source: literal text (a brace of `{{` or `}}` arrives as its own piece) or a placeholder.
enum Piece<'a> {
    Text(&'a str),
    Var { var: Var, fallback: Option<&'a str> },
    Field(&'a str),
}

fn scan<'a>(src: &'a str, mut emit: impl FnMut(Piece<'a>)) -> Result<(), TemplateError> {
    // Byte position in `src`; converted to a character offset only when reporting an error.
    let mut at = 0;
    while let Some(found) = src[at..].find(['{', '}']) {
        let brace_at = at + found;
        if brace_at > at {
            emit(Piece::Text(&src[at..brace_at]));
        }
        let brace = &src[brace_at..brace_at + 1];
        let after = &src[brace_at + 1..];
        if after.starts_with(brace) {
            emit(Piece::Text(brace));
            at = brace_at + 2;
            continue;
        }
        if brace == "}" {
            return Err(error(src, brace_at, "stray }".into()));
        }
        let inner = match after.find(['}', '{', '\n', '\r']) {
            Some(end) if after.as_bytes()[end] == b'}' => &after[..end],
            _ => return Err(error(src, brace_at, "unclosed {".into())),
        };
        emit(placeholder(inner).map_err(|reason| error(src, brace_at, reason))?);
        at = brace_at + 1 + inner.len() + 1;
    }
    if at < src.len() {
        emit(Piece::Text(&src[at..]));
    }
    Ok(())
}

/// The text between `{` and `}`: `?label`, `name` or `name|fallback`. Spaces around names and labels
/// are forgiven; the fallback is kept exactly as written.
fn placeholder(inner: &str) -> Result<Piece<'_>, String> {
    if let Some(label) = inner.trim_start().strip_prefix('?') {
        let label = label.trim();
        if label.is_empty() {
            return Err("empty field label {?}".into());
        }
        return Ok(Piece::Field(label));
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
    Ok(Piece::Var { var, fallback })
}

fn error(src: &str, byte_at: usize, reason: String) -> TemplateError {
    TemplateError {
        offset: src[..byte_at].chars().count(),
        reason,
    }
}
