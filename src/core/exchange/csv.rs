//! Spreadsheets (CSV and TSV) ⇄ replies, for libraries kept in Excel, LibreOffice or Google Sheets.
//!
//! # The file
//!
//! The first row names the columns, in any order; names ignore case, accents and surrounding spaces.
//!
//! | column | content | also read as |
//! |---|---|---|
//! | `title` (required) | the reply's title | `titel`, `name`, `subject` |
//! | `body` (required) | the default text, a template (`Hi {first_name\|there}`) | `text`, `tekst`, `message`, `reply`, `content`, `inhalt`, `nachricht`, `besked` |
//! | `body:<code>` | the variant in that language: `body:de`, `body:da`, `body:pt-br` (`Body:DE`, `body:pt_BR` work too) | `text:de` and the other body names |
//! | `language` | language code of `body` (`en`; `EN` and `en_GB` are lowercased to `en`, `en-gb`) | `lang`, `locale`, `sprache`, `sprog` |
//! | `folder` | folder name | `category`, `ordner`, `mappe`, `kategorie`, `kategori` |
//! | `tags` | tags separated by `,` `;` or `\|` in the cell (split on the strongest present: `\|` over `;` over `,`) | `labels`, `keywords`, `schlagwörter`, `stichwörter`, `emneord` |
//! | `shortcut` | one word; a leading `/` is dropped | `trigger`, `abbreviation`, `kürzel`, `kurzbefehl`, `genvej` |
//! | `favorite` | true/false, yes/no, 1/0, x, WAHR/FALSCH, SAND/FALSK, ja/nein/nej; empty is no | `favourite`, `starred`, `favorit` |
//! | `id` | the reply's id; an empty cell (or no column) gets a new id | |
//! | `position` | manual order (a number; `1,5` reads as 1.5) | |
//!
//! **Other columns are kept, not refused:** their text is stored with each reply under the column name
//! (like v1 JSON keeps unknown fields), comes back in CSV and JSON exports, and a warning names them.
//! Columns without a header must be empty (spreadsheets often carry empty trailing columns).
//!
//! Accepted text: UTF-8 with or without byte order mark; `\r\n`, `\n` or `\r` line ends; cells in
//! double quotes with `""` for a quote inside and line breaks inside (stored as `\n`); the delimiter
//! `,` `;` or tab, taken from Excel's `sep=;` first line when present, else whichever occurs most in
//! the header row (German and Danish Excel write `;`). Blank rows and rows of empty cells are skipped.
//! Title, language, folder, tags, shortcut, id and favorite cells are trimmed; body and variant text is
//! kept exactly.
//!
//! # Problems
//!
//! The file is refused whole at its first problem, named like a spreadsheet shows it: rows numbered
//! from the first line as row 1 (normally the header; blank rows count; a cell with line breaks is
//! one row) and columns by the header as written (`row 14, column body: must not be empty`), or by letter where there is no name
//! (`header, column F`, `row 9, column H`). Rules and messages are the ones v1 JSON import uses
//! ([`crate::core::reply`]); ids must be unique within the file. Files saved as UTF-16 ("Unicode text")
//! or decoded from another encoding (cells with `�`) are refused with how to save them as CSV UTF-8.
//!
//! # Spreadsheet formulas
//!
//! A cell starting with `=` `+` `-` `@` tab or carriage return runs as a formula when the file is
//! opened in a spreadsheet (CSV injection). Export writes such cells with a leading `'` (the
//! spreadsheet's own "this is text" mark); import removes one `'` in front of such a start again, so
//! `'=SUM(A1)` reads as `=SUM(A1)` and a reply whose text really starts with `'=` survives the round
//! trip (it is written `''=`). Any other leading apostrophe is text.
//!
//! # Round trip
//!
//! [`to_csv`] then [`parse`] gives back the same replies, except where CSV cannot say it: unknown
//! fields that are not text (JSON objects, numbers) are left out (use JSON export for a full backup),
//! `\r` in text becomes `\n`, surrounding spaces of titles, tags and other short cells are trimmed, and
//! a tag containing `|` comes back split.

mod cells;
mod columns;
mod read;
mod write;

use super::outcome::Imported;
use super::ImportError;
use crate::core::reply::Reply;

/// U+FFFD, what a decoder puts where bytes were not valid UTF-8 (as a `&str` so searching uses a
/// substring search rather than a character-by-character one).
const REPLACEMENT: &str = "\u{fffd}";

/// Why a cell with U+FFFD is refused: the text was decoded from another encoding and letters are lost.
const UNREADABLE: &str =
    "contains \u{fffd} where a letter could not be read (the file is not UTF-8); \
save the spreadsheet as \"CSV UTF-8\" and import that";

/// Reads a CSV or TSV file, finding the delimiter itself. `stored` says whether the library already
/// has an id, so rows without an id get one that is new (rows *with* a stored id update that reply).
pub fn parse(text: &str, stored: impl Fn(&str) -> bool) -> Result<Imported, ImportError> {
    read::read(text, None, stored)
}

/// [`parse`] with a fixed delimiter (`b'\t'` for `.tsv` files).
pub fn parse_with_delimiter(
    text: &str,
    delimiter: u8,
    stored: impl Fn(&str) -> bool,
) -> Result<Imported, ImportError> {
    read::read(text, Some(delimiter), stored)
}

/// Replies as CSV with `,`: UTF-8 with byte order mark, `\r\n` line ends, header
/// `id,title,language,body,body:<code>…,folder,tags,shortcut,favorite` then `position` (when any reply
/// has one) and unknown text fields.
pub fn to_csv(replies: &[Reply]) -> String {
    write::write(replies, b',')
}

/// [`to_csv`] with another delimiter: `b';'` opens directly in German or Danish Excel.
pub fn to_csv_with_delimiter(replies: &[Reply], delimiter: u8) -> String {
    write::write(replies, delimiter)
}
