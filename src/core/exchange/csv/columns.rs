//! The header row: which column holds which field. Names are matched ignoring case, accents and
//! surrounding spaces, in any order; a few synonyms and the German and Danish words spreadsheets of our
//! users already use are understood too (`Titel`, `Text`, `Ordner`, `Kürzel`, `Sprog`, `Genvej` …).

use std::collections::HashMap;

use super::cells::column_letter;
use crate::core::exchange::ImportError;
use crate::core::fold::fold;
use crate::core::reply::check_language_code;

/// The reply field a column fills.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) enum Field {
    Id,
    Title,
    Body,
    /// `body:de`: the variant in that language (code lowercased).
    Variant(String),
    Language,
    Folder,
    Tags,
    Shortcut,
    Favorite,
    Position,
    /// Any other named column: kept as text in the reply's unknown fields, under the header as written.
    Extra(String),
    /// A column without a header (spreadsheets often carry empty trailing columns): must stay empty.
    Unnamed,
}

/// One column of the file.
#[derive(Clone, Debug)]
pub(super) struct Column {
    pub(super) field: Field,
    /// The header as written (trimmed), used in messages so people find the column they named.
    pub(super) name: String,
}

/// Folded header names → field. The first name of each field is the one export writes.
const NAMES: &[(&str, Known)] = &[
    ("id", Known::Id),
    ("title", Known::Title),
    ("titel", Known::Title),
    ("name", Known::Title),
    ("subject", Known::Title),
    ("body", Known::Body),
    ("text", Known::Body),
    ("tekst", Known::Body),
    ("message", Known::Body),
    ("reply", Known::Body),
    ("content", Known::Body),
    ("inhalt", Known::Body),
    ("nachricht", Known::Body),
    ("besked", Known::Body),
    ("language", Known::Language),
    ("lang", Known::Language),
    ("locale", Known::Language),
    ("sprache", Known::Language),
    ("sprog", Known::Language),
    ("folder", Known::Folder),
    ("category", Known::Folder),
    ("ordner", Known::Folder),
    ("mappe", Known::Folder),
    ("kategorie", Known::Folder),
    ("kategori", Known::Folder),
    ("tags", Known::Tags),
    ("labels", Known::Tags),
    ("keywords", Known::Tags),
    ("schlagworter", Known::Tags),
    ("stichworter", Known::Tags),
    ("emneord", Known::Tags),
    ("shortcut", Known::Shortcut),
    ("trigger", Known::Shortcut),
    ("abbreviation", Known::Shortcut),
    ("kurzel", Known::Shortcut),
    ("kurzbefehl", Known::Shortcut),
    ("genvej", Known::Shortcut),
    ("favorite", Known::Favorite),
    ("favourite", Known::Favorite),
    ("starred", Known::Favorite),
    ("favorit", Known::Favorite),
    ("position", Known::Position),
];

/// What the "missing column" message lists as accepted.
pub(super) const ACCEPTED: &str = "title, body, body:<language> (like body:de), language, folder, tags, shortcut, favorite, id, position";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Known {
    Id,
    Title,
    Body,
    Language,
    Folder,
    Tags,
    Shortcut,
    Favorite,
    Position,
}

impl Known {
    fn field(self) -> Field {
        match self {
            Known::Id => Field::Id,
            Known::Title => Field::Title,
            Known::Body => Field::Body,
            Known::Language => Field::Language,
            Known::Folder => Field::Folder,
            Known::Tags => Field::Tags,
            Known::Shortcut => Field::Shortcut,
            Known::Favorite => Field::Favorite,
            Known::Position => Field::Position,
        }
    }
}

fn known(folded: &str) -> Option<Known> {
    NAMES
        .iter()
        .find(|(name, _)| *name == folded)
        .map(|&(_, field)| field)
}

/// Whether a header named `name` would be read as one of the fields above (export must not write an
/// unknown field under such a name, or it would come back as that field).
pub(super) fn is_reserved(name: &str) -> bool {
    let folded = fold(name.trim());
    known(&folded).is_some()
        || folded
            .split_once(':')
            .is_some_and(|(prefix, _)| known(prefix.trim()) == Some(Known::Body))
}

/// The columns of the header row, and the names of the columns kept as unknown fields.
pub(super) fn read_header(cells: &[&str]) -> Result<(Vec<Column>, Vec<String>), ImportError> {
    let mut columns = Vec::with_capacity(cells.len());
    let mut extras = Vec::new();
    // Field → column index, to name both places of a repeated column.
    let mut seen: HashMap<Field, usize> = HashMap::new();
    for (index, cell) in cells.iter().enumerate() {
        let at = || format!("header, column {}", column_letter(index));
        let name = cell.trim();
        if name.contains(super::REPLACEMENT) {
            return Err(error(at(), super::UNREADABLE));
        }
        let field = field_of(name).map_err(|reason| error(at(), reason))?;
        if let Field::Extra(name) = &field {
            extras.push(name.clone());
        }
        if field != Field::Unnamed {
            // Extra columns repeat only when the same name appears twice (ignoring case and accents).
            let key = match &field {
                Field::Extra(name) => Field::Extra(fold(name)),
                other => other.clone(),
            };
            if let Some(first) = seen.insert(key, index) {
                let first_name = cells[first].trim();
                return Err(error(
                    at(),
                    format!(
                        "\"{name}\" is a second {} column (column {} \"{first_name}\" is the first); keep one",
                        describe(&field),
                        column_letter(first)
                    ),
                ));
            }
        }
        columns.push(Column {
            field,
            name: name.to_string(),
        });
    }
    for (field, noun) in [(Field::Title, "title"), (Field::Body, "body")] {
        if !seen.contains_key(&field) {
            let found: Vec<&str> = cells
                .iter()
                .map(|c| c.trim())
                .filter(|c| !c.is_empty())
                .collect();
            return Err(error(
                "header",
                format!(
                    "no {noun} column; the first row must name the columns. Found: {}. Answerdeck reads: {ACCEPTED}",
                    if found.is_empty() { "nothing".to_string() } else { found.join(", ") }
                ),
            ));
        }
    }
    Ok((columns, extras))
}

fn field_of(name: &str) -> Result<Field, String> {
    if name.is_empty() {
        return Ok(Field::Unnamed);
    }
    let folded = fold(name);
    if let Some(field) = known(&folded) {
        return Ok(field.field());
    }
    if let Some((prefix, code)) = folded.split_once(':') {
        if known(prefix.trim()) == Some(Known::Body) {
            // People type `Body:DE` or `body:pt_BR`; stored codes are lowercase with `-`.
            let code = code.trim().replace('_', "-");
            check_language_code(&code)
                .map_err(|reason| format!("\"{name}\" names a variant, but {reason}"))?;
            return Ok(Field::Variant(code));
        }
    }
    Ok(Field::Extra(name.to_string()))
}

fn describe(field: &Field) -> String {
    match field {
        Field::Id => "id".into(),
        Field::Title => "title".into(),
        Field::Body => "body".into(),
        Field::Variant(code) => format!("body:{code}"),
        Field::Language => "language".into(),
        Field::Folder => "folder".into(),
        Field::Tags => "tags".into(),
        Field::Shortcut => "shortcut".into(),
        Field::Favorite => "favorite".into(),
        Field::Position => "position".into(),
        Field::Extra(name) => format!("\"{name}\""),
        Field::Unnamed => "unnamed".into(),
    }
}

fn error(path: impl Into<String>, reason: impl Into<String>) -> ImportError {
    ImportError {
        path: path.into(),
        reason: reason.into(),
    }
}
