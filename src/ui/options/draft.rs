//! What the editor's fields hold (a [`Draft`]), how it becomes a [`Reply`], and the problems the page
//! catches before asking the background: template errors (so they can point at a character) and variant
//! rows the background could not name (no language code, the same code twice).
use crate::core::reply::Reply;
use crate::core::template::{self, TemplateError};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    pub title: String,
    pub body: String,
    pub folder: String,
    /// Comma-separated, as typed.
    pub tags: String,
    pub shortcut: String,
    pub language: String,
    pub favorite: bool,
    pub variants: Vec<VariantDraft>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct VariantDraft {
    pub code: String,
    pub body: String,
}

/// Where in the editor a message belongs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spot {
    Title,
    Body,
    Folder,
    Tags,
    Shortcut,
    Language,
    /// The variant row at this position.
    Variant(usize),
    /// Above the Save button.
    Form,
}

/// A problem found before saving.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub spot: Spot,
    pub message: String,
    /// For template errors: the character offset in the field's text.
    pub offset: Option<usize>,
}

impl Draft {
    pub fn from_reply(reply: &Reply) -> Draft {
        Draft {
            title: reply.title.clone(),
            body: reply.body.clone(),
            folder: reply.folder.clone().unwrap_or_default(),
            tags: reply.tags.join(", "),
            shortcut: reply.shortcut.clone().unwrap_or_default(),
            language: reply.language.clone().unwrap_or_default(),
            favorite: reply.favorite,
            variants: reply
                .variants
                .iter()
                .map(|(code, body)| VariantDraft {
                    code: code.clone(),
                    body: body.clone(),
                })
                .collect(),
        }
    }

    /// `base` with the draft's fields; `base` brings the id and any fields this version does not know,
    /// so editing a reply imported from a newer Answerdeck keeps them.
    pub fn to_reply(&self, base: &Reply) -> Reply {
        let mut reply = base.clone();
        reply.title = self.title.trim().to_string();
        reply.body = self.body.clone();
        reply.folder = non_empty(&self.folder);
        reply.tags = parse_tags(&self.tags);
        reply.shortcut = non_empty(self.shortcut.trim().trim_start_matches('/'));
        reply.language = non_empty(&self.language.to_ascii_lowercase());
        reply.favorite = self.favorite;
        reply.variants = self
            .variants
            .iter()
            .filter(|variant| !variant.is_blank())
            .map(|variant| {
                (
                    variant.code.trim().to_ascii_lowercase(),
                    variant.body.clone(),
                )
            })
            .collect();
        reply
    }

    /// Problems to fix before saving, in the order of the fields on screen.
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        if let Err(error) = check_template(&self.body) {
            problems.push(template_problem(Spot::Body, error));
        }
        let mut seen: Vec<String> = Vec::new();
        for (row, variant) in self.variants.iter().enumerate() {
            if variant.is_blank() {
                continue;
            }
            let code = variant.code.trim().to_ascii_lowercase();
            let spot = Spot::Variant(row);
            if code.is_empty() {
                problems.push(Problem {
                    spot,
                    message: "Enter the language code of this variant, like “de”.".into(),
                    offset: None,
                });
            } else if seen.contains(&code) {
                problems.push(Problem {
                    spot,
                    message: format!("There is already a variant for “{code}”."),
                    offset: None,
                });
            } else if let Err(error) = check_template(&variant.body) {
                problems.push(template_problem(spot, error));
            }
            seen.push(code);
        }
        problems
    }
}

impl VariantDraft {
    /// A row added and left empty: ignored on save.
    pub fn is_blank(&self) -> bool {
        self.code.trim().is_empty() && self.body.trim().is_empty()
    }
}

/// The template error in `text`, if any (empty text is the background's to refuse, by name).
pub fn check_template(text: &str) -> Result<(), TemplateError> {
    template::parse(text).map(|_| ())
}

/// The message shown for a template error: `Template problem: unknown variable {nme} at character 4.`
pub fn template_message(error: &TemplateError) -> String {
    format!("Template problem: {error}.")
}

fn template_problem(spot: Spot, error: TemplateError) -> Problem {
    Problem {
        spot,
        message: template_message(&error),
        offset: Some(error.offset),
    }
}

/// The editor spot for a refusal's `path` (`title`, `body`, `variants.de` …).
pub fn spot_for_path(path: &str, draft: &Draft) -> Spot {
    match path {
        "title" | "id" => Spot::Title,
        "body" => Spot::Body,
        "folder" => Spot::Folder,
        "shortcut" => Spot::Shortcut,
        "language" => Spot::Language,
        _ if path == "tags" || path.starts_with("tags[") => Spot::Tags,
        _ => match path.strip_prefix("variants.") {
            Some(code) => draft
                .variants
                .iter()
                .position(|variant| variant.code.trim().eq_ignore_ascii_case(code))
                .map_or(Spot::Form, Spot::Variant),
            None => Spot::Form,
        },
    }
}

/// `"orders, Shipping ,, orders"` → `["orders", "Shipping"]`: trimmed, blanks dropped, each tag once.
pub fn parse_tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in text.split(',').map(str::trim).filter(|tag| !tag.is_empty()) {
        if !tags.iter().any(|known| known == tag) {
            tags.push(tag.to_string());
        }
    }
    tags
}

fn non_empty(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// The text around character `offset` of `text`, on its line: (before, the character, after), shortened
/// to `reach` characters on each side, for pointing at a template error.
pub fn excerpt(text: &str, offset: usize, reach: usize) -> (String, String, String) {
    let chars: Vec<char> = text.chars().collect();
    let offset = offset.min(chars.len());
    let line_start = chars[..offset]
        .iter()
        .rposition(|&c| c == '\n')
        .map_or(0, |at| at + 1);
    let line_end = chars[offset..]
        .iter()
        .position(|&c| c == '\n' || c == '\r')
        .map_or(chars.len(), |at| offset + at);
    let from = line_start.max(offset.saturating_sub(reach));
    let to = line_end.min(offset + 1 + reach);
    let mut before: String = chars[from..offset].iter().collect();
    if from > line_start {
        before.insert(0, '…');
    }
    let at: String = chars
        .get(offset)
        .filter(|_| offset < line_end)
        .map_or_else(String::new, char::to_string);
    let mut after: String = chars[(offset + at.chars().count()).min(to)..to]
        .iter()
        .collect();
    if to < line_end {
        after.push('…');
    }
    (before, at, after)
}

/// The UTF-16 position of character `offset` in `text` (what text fields count in).
pub fn utf16_offset(text: &str, offset: usize) -> u32 {
    text.chars()
        .take(offset)
        .map(|c| c.len_utf16() as u32)
        .sum()
}
