//! One entry point for the import button: picks the reader from the file name (and, for names
//! without a known extension, from the text), so the options page and the background do not each
//! need to know the formats.

use serde::Serialize;

use super::limits::{check_count, check_size};
use super::{csv, espanso, parse_v1, Export, ImportError};

/// Which reader a file went through.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Answerdeck's own v1 JSON.
    Answerdeck,
    /// A spreadsheet saved as CSV or TSV.
    Csv,
    /// An espanso match file.
    Espanso,
}

/// A file read by [`parse_any`]. Every format arrives as an [`Export`] so one import path serves all:
/// CSV and espanso files fill only its replies. `warnings` are for the person to read before the import
/// is confirmed (v1 files have none).
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    pub format: Format,
    pub export: Export,
    pub warnings: Vec<String>,
}

/// What the refusal of an unknown file lists.
const ACCEPTED: &str = "choose an Answerdeck export (.json), a spreadsheet saved as CSV (.csv or .tsv), or an espanso match file (.yml or .yaml)";

/// Reads an import file by its name: `.json` → v1, `.csv` → CSV (delimiter detected), `.tsv` → CSV with
/// tabs, `.yml`/`.yaml` → espanso; any other name whose text starts with `{` → v1. Other files are
/// refused with the accepted formats, spreadsheet workbooks (`.xlsx`, `.ods` …) with how to save them as
/// CSV. Files over [`super::MAX_IMPORT_BYTES`] or with more than [`super::MAX_IMPORT_REPLIES`]
/// replies are refused too. `stored` says whether the library already has an id (for new ids).
pub fn parse_any(
    file_name: &str,
    text: &str,
    stored: impl Fn(&str) -> bool,
) -> Result<Parsed, ImportError> {
    check_size(text)?;
    // Browsers give the name only, but a path must not hide the extension either.
    let name = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let extension = name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default();
    let looks_like_json = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{');
    let replies_only = |format, imported: super::Imported| Parsed {
        format,
        export: Export {
            replies: imported.replies,
            ..Export::default()
        },
        warnings: imported.warnings,
    };
    match extension.as_str() {
        "csv" => Ok(replies_only(Format::Csv, csv::parse(text, stored)?)),
        "tsv" => Ok(replies_only(
            Format::Csv,
            csv::parse_with_delimiter(text, b'\t', stored)?,
        )),
        "yml" | "yaml" => Ok(replies_only(Format::Espanso, espanso::parse(text, stored)?)),
        "json" => v1(text),
        _ if looks_like_json => v1(text),
        "xlsx" | "xlsm" | "xls" | "ods" | "numbers" => Err(error(format!(
            "\"{name}\" is a spreadsheet workbook; save it as CSV UTF-8 (File → Save as → CSV UTF-8) and import the .csv file"
        ))),
        _ => Err(error(format!("Answerdeck cannot read \"{name}\"; {ACCEPTED}"))),
    }
}

fn v1(text: &str) -> Result<Parsed, ImportError> {
    let export = parse_v1(text)?;
    check_count(export.replies.len())?;
    Ok(Parsed {
        format: Format::Answerdeck,
        export,
        warnings: Vec::new(),
    })
}

fn error(reason: String) -> ImportError {
    ImportError {
        path: "(file)".into(),
        reason,
    }
}
