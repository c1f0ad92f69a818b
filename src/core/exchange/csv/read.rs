//! CSV text → checked replies, refusing the file at its first problem with the row and column.

use std::collections::{HashMap, HashSet};

use super::cells::{
    column_letter, detect_delimiter, find_unclosed_quote, line_breaks, normalise_line_breaks,
    parse_flag, parse_number, split_sep_line, split_tags, unprotect,
};
use super::columns::{read_header, Column, Field};
use crate::core::exchange::ids::IdAllocator;
use crate::core::exchange::limits::{check_count, check_size};
use crate::core::exchange::outcome::{Imported, Warnings};
use crate::core::exchange::ImportError;
use crate::core::reply::{
    check_language_code, check_shortcut, check_template_text, check_title, Reply,
};

pub(super) fn read(
    text: &str,
    delimiter: Option<u8>,
    stored: impl Fn(&str) -> bool,
) -> Result<Imported, ImportError> {
    check_size(text)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains('\0') {
        return Err(error(
            "(file)",
            "this file is saved as UTF-16 (\"Unicode text\"); save the spreadsheet as \"CSV UTF-8\" and import that",
        ));
    }
    let (sep_line, text) = split_sep_line(text);
    if text.trim().is_empty() {
        return Err(error("(file)", "the file is empty"));
    }
    let delimiter = delimiter
        .or(sep_line)
        .unwrap_or_else(|| detect_delimiter(text));
    let unclosed_quote = find_unclosed_quote(text, delimiter);
    // One search of the whole text; cells are searched only when it finds something, to name the place.
    let has_unreadable = text.contains(super::REPLACEMENT);

    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut record = ::csv::StringRecord::new();
    let mut rows = RowCounter::new(text);

    if !next_record(&mut reader, &mut record, &rows)? {
        return Err(error("(file)", "the file is empty"));
    }
    let header_row = rows.advance(&record);
    // Header cells are protected on export like any other (an unknown field may be named `=x`).
    let cells: Vec<&str> = record.iter().map(unprotect).collect();
    // A quote left open swallows the rest of the file into one cell; said first, since every other
    // message about that cell would mislead.
    let missing_quote = "a quoted cell starts here but its closing \" is missing, so the rest of the \
                         file would become part of it; add the closing \" (or write \"\" for a quote \
                         inside the text)";
    if let Some((_, cell)) = unclosed_quote.filter(|&(row, _)| row <= header_row) {
        return Err(error(
            format!("header, column {}", column_letter(cell)),
            missing_quote,
        ));
    }
    let (columns, extras) = read_header(&cells)?;
    if let Some((row, cell)) = unclosed_quote {
        return Err(error(place(row, &columns, cell), missing_quote));
    }

    let mut warnings = Warnings::default();
    if !extras.is_empty() {
        warnings.general(format!(
            "columns Answerdeck has no field for were kept with each reply (they come back in exports): {}",
            extras.join(", ")
        ));
    }

    let mut replies: Vec<Reply> = Vec::new();
    // Whether each reply's id came from the file; the others are given one after every row is read,
    // so a generated id never takes an id a later row names.
    let mut named: Vec<bool> = Vec::new();
    let mut row_of_id: HashMap<String, usize> = HashMap::new();
    while next_record(&mut reader, &mut record, &rows)? {
        let row = rows.advance(&record);
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        check_count(replies.len() + 1)?;
        let reply = read_row(row, &record, &columns, has_unreadable)?;
        if !reply.id.is_empty() {
            if let Some(first) = row_of_id.insert(reply.id.clone(), row) {
                let name = name_of(&columns, &Field::Id);
                return Err(error(
                    format!("row {row}, column {name}"),
                    format!("duplicate id \"{}\" (also row {first})", reply.id),
                ));
            }
        }
        named.push(!reply.id.is_empty());
        replies.push(reply);
    }

    let in_file: HashSet<String> = row_of_id.into_keys().collect();
    let mut ids = IdAllocator::new(stored, in_file);
    for (reply, named) in replies.iter_mut().zip(named) {
        if !named {
            reply.id = ids.allocate(&reply.title);
        }
    }
    Ok(Imported {
        replies,
        warnings: warnings.finish(),
    })
}

fn next_record(
    reader: &mut ::csv::Reader<&[u8]>,
    record: &mut ::csv::StringRecord,
    rows: &RowCounter,
) -> Result<bool, ImportError> {
    // The input is a `&str`, so the reader's only failure (invalid UTF-8) cannot happen; still, a
    // failure is reported rather than unwrapped.
    reader.read_record(record).map_err(|e| {
        error(
            format!("row {}", rows.row + 1),
            format!("could not be read: {e}"),
        )
    })
}

/// Spreadsheet row numbers (header is row 1, a blank line is a row, a cell with line breaks does not
/// add rows). The reader skips blank lines and counts lines, not rows, so rows are counted here from
/// the text between records.
struct RowCounter<'a> {
    text: &'a str,
    /// Byte where the previous record starts, and the line breaks inside its cells.
    previous_start: usize,
    previous_inner_breaks: usize,
    row: usize,
}

impl<'a> RowCounter<'a> {
    fn new(text: &'a str) -> Self {
        RowCounter {
            text,
            previous_start: 0,
            previous_inner_breaks: 0,
            row: 1,
        }
    }

    /// The row of `record`, just read.
    fn advance(&mut self, record: &::csv::StringRecord) -> usize {
        let bytes = self.text.as_bytes();
        // The reader reports where it stood before skipping blank lines; the record starts after them.
        let mut start = record
            .position()
            .map_or(self.previous_start, |p| p.byte() as usize)
            .max(self.previous_start);
        while start < bytes.len() && (bytes[start] == b'\n' || bytes[start] == b'\r') {
            start += 1;
        }
        let breaks = line_breaks(&self.text[self.previous_start..start]);
        self.row += breaks - self.previous_inner_breaks.min(breaks);
        self.previous_start = start;
        self.previous_inner_breaks = record.iter().map(line_breaks).sum();
        self.row
    }
}

/// One data row → a reply (its id empty when the row gives none).
fn read_row(
    row: usize,
    record: &::csv::StringRecord,
    columns: &[Column],
    has_unreadable: bool,
) -> Result<Reply, ImportError> {
    let mut reply = Reply::default();
    // Cells in column order, so the first problem reported is the leftmost; a short row (fewer cells
    // than columns) reads as empty cells, so a missing body is named like an empty one.
    for index in 0..record.len().max(columns.len()) {
        let raw = record.get(index).unwrap_or("");
        let at = |reason: String| error(place(row, columns, index), reason);
        if has_unreadable && raw.contains(super::REPLACEMENT) {
            return Err(at(super::UNREADABLE.into()));
        }
        let cell = normalise_line_breaks(unprotect(raw));
        let Some(column) = columns.get(index) else {
            if cell.trim().is_empty() {
                continue;
            }
            return Err(at(format!(
                "this cell has text, but the header names only {} columns; name this column in the first \
                 row, or put text that contains the delimiter in quotes",
                columns.len()
            )));
        };
        let trimmed = cell.trim();
        match &column.field {
            Field::Id => reply.id = trimmed.to_string(),
            Field::Title => {
                check_title(trimmed).map_err(at)?;
                reply.title = trimmed.to_string();
            }
            Field::Body => {
                check_template_text(&cell).map_err(at)?;
                reply.body = cell.into_owned();
            }
            Field::Variant(code) => {
                if !trimmed.is_empty() {
                    check_template_text(&cell).map_err(at)?;
                    reply.variants.insert(code.clone(), cell.into_owned());
                }
            }
            Field::Language => {
                if !trimmed.is_empty() {
                    // `DE`, `de_DE` are how spreadsheets write it; stored codes are lowercase with `-`.
                    let code = trimmed.to_lowercase().replace('_', "-");
                    check_language_code(&code).map_err(at)?;
                    reply.language = Some(code);
                }
            }
            Field::Folder => reply.folder = Some(trimmed.to_string()).filter(|f| !f.is_empty()),
            Field::Tags => reply.tags = split_tags(&cell),
            Field::Shortcut => {
                // The picker is opened with `/order`; people often write the slash in the sheet too.
                let shortcut = trimmed.strip_prefix('/').unwrap_or(trimmed);
                if !shortcut.is_empty() {
                    check_shortcut(shortcut).map_err(at)?;
                    reply.shortcut = Some(shortcut.to_string());
                }
            }
            Field::Favorite => {
                reply.favorite = parse_flag(&cell).ok_or_else(|| {
                    at(format!(
                        "\"{trimmed}\" is not yes or no; write true/false, yes/no, 1/0 or leave it empty"
                    ))
                })?;
            }
            Field::Position => {
                if !trimmed.is_empty() {
                    reply.position = Some(
                        parse_number(&cell)
                            .ok_or_else(|| at(format!("\"{trimmed}\" is not a number")))?,
                    );
                }
            }
            Field::Extra(name) => {
                if !cell.is_empty() {
                    reply
                        .extra
                        .insert(name.clone(), serde_json::Value::String(cell.into_owned()));
                }
            }
            Field::Unnamed => {
                if !trimmed.is_empty() {
                    return Err(at(
                        "this cell has text, but its column has no name in the header row; name the \
                         column or clear the cell"
                            .into(),
                    ));
                }
            }
        }
    }
    Ok(reply)
}

/// `row 14, column body` (the header as written), or the column letter for cells past the header.
fn place(row: usize, columns: &[Column], index: usize) -> String {
    match columns.get(index) {
        Some(column) if !column.name.is_empty() => format!("row {row}, column {}", column.name),
        _ => format!("row {row}, column {}", column_letter(index)),
    }
}

fn name_of<'c>(columns: &'c [Column], field: &Field) -> &'c str {
    columns
        .iter()
        .find(|column| &column.field == field)
        .map_or("", |column| column.name.as_str())
}

fn error(path: impl Into<String>, reason: impl Into<String>) -> ImportError {
    ImportError {
        path: path.into(),
        reason: reason.into(),
    }
}
