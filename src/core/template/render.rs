//! [`Template`] + values → plain text, tidying only the gap an empty variable leaves behind.

use std::collections::BTreeMap;

use super::{parse, Context, Part, Rendered, Template, TemplateError};

impl Template {
    /// Renders with `ctx` for variables and `fields` (label → answer) for fill-in fields. A variable
    /// without value uses its fallback; without either it renders empty and is listed in `missing`.
    /// A field without an answer renders as `‹label›` so the gap is visible in the composer.
    pub fn render(&self, ctx: &Context, fields: &BTreeMap<String, String>) -> Rendered {
        let mut out = TidyWriter::default();
        let mut missing = Vec::new();
        for part in &self.parts {
            match part {
                Part::Text(text) => out.push(text),
                Part::Var { var, fallback } => match ctx.value(*var).or(fallback.as_deref()) {
                    Some(value) => out.push_value(value),
                    None => {
                        out.mark_hole();
                        if !missing.contains(var) {
                            missing.push(*var);
                        }
                    }
                },
                Part::Field(label) => match fields.get(label) {
                    Some(answer) => out.push_value(answer),
                    None => {
                        out.push("‹");
                        out.push(label);
                        out.push("›");
                    }
                },
            }
        }
        Rendered {
            text: out.finish(),
            missing,
        }
    }
}

/// Parses and renders in one go, for templates shown without asking for fields (previews):
/// fields render as `‹label›`.
pub fn render_str(src: &str, ctx: &Context) -> Result<Rendered, TemplateError> {
    Ok(parse(src)?.render(ctx, &BTreeMap::new()))
}

/// Builds the output. After an empty variable (a "hole") it looks at the text on both sides of the hole
/// once, so "Hi {first_name}, thanks" becomes "Hi, thanks" and not "Hi , thanks"; text elsewhere is
/// never touched.
#[derive(Default)]
struct TidyWriter {
    text: String,
    after_hole: bool,
}

impl TidyWriter {
    fn push(&mut self, piece: &str) {
        if piece.is_empty() {
            return;
        }
        let piece = if std::mem::take(&mut self.after_hole) {
            self.close_hole(piece)
        } else {
            piece
        };
        self.text.push_str(piece);
    }

    fn push_value(&mut self, value: &str) {
        if value.is_empty() {
            self.mark_hole();
        } else {
            self.push(value);
        }
    }

    fn mark_hole(&mut self) {
        self.after_hole = true;
    }

    fn finish(mut self) -> String {
        if self.after_hole {
            self.close_hole("");
        }
        self.text
    }

    /// Tidies the seam between the text before a hole and `next`, the text after it; returns what of
    /// `next` is still to be written.
    fn close_hole<'a>(&mut self, next: &'a str) -> &'a str {
        let blank_before = self.text.ends_with([' ', '\t']);
        let line_start = self.text.is_empty() || self.text.ends_with('\n');
        match next.chars().next() {
            // "Thanks {first_name}" at the end of the text or the line: drop the dangling space.
            None | Some('\n' | '\r') if blank_before => self.trim_trailing_blanks(),
            // "Hi {first_name} there" → "Hi there"; "{first_name} thanks" at a line start → "thanks".
            Some(' ' | '\t') if blank_before || line_start => return &next[1..],
            // "{first_name}, welcome" at a line start → "welcome".
            Some(',') if line_start => return next[1..].trim_start_matches([' ', '\t']),
            // "Hi {first_name}, thanks" → "Hi, thanks"; "Thanks, {first_name}!" → "Thanks!".
            Some(c) if blank_before && is_closing_punctuation(c) => {
                self.trim_trailing_blanks();
                if self.text.ends_with(',') {
                    self.text.pop();
                }
            }
            _ => {}
        }
        next
    }

    fn trim_trailing_blanks(&mut self) {
        let kept = self.text.trim_end_matches([' ', '\t']).len();
        self.text.truncate(kept);
    }
}

fn is_closing_punctuation(c: char) -> bool {
    matches!(c, ',' | '.' | '!' | '?' | ';' | ':' | ')' | ']' | '…')
}
