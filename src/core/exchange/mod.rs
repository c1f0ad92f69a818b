//! Data format v1: the JSON file people import and export (design.md §5), plus the files people bring
//! from elsewhere: spreadsheets ([`csv`]) and espanso match files ([`espanso`]), one entry point that
//! picks the reader by file name ([`parse_any`]), and duplicate detection against the library
//! ([`dupes`]).
//!
//! Import is all or nothing: the first problem refuses the whole file, named by its place
//! (`replies[3].title`, `row 14, column body`, `matches[3].replace (line 14)`) and a reason a person can
//! act on. Unknown fields, at the top level and in each reply, survive a round trip so files from newer
//! versions or other tools lose nothing. Labels, conversation labels and notes are merged into what is
//! stored by [`merge`] (nothing stored is lost; a conversation naming an unknown label refuses the file). Files over [`MAX_IMPORT_BYTES`] or [`MAX_IMPORT_REPLIES`] are
//! refused by every reader.

pub mod csv;
mod detect;
pub mod dupes;
pub mod espanso;
mod export;
mod ids;
mod import;
mod limits;
pub mod merge;
mod outcome;
mod sections;

use std::fmt;

pub use detect::{parse_any, Format, Parsed};
pub use export::to_v1;
pub use import::parse_v1;
pub use limits::{MAX_IMPORT_BYTES, MAX_IMPORT_REPLIES};
pub use outcome::Imported;

use crate::core::labels::{Label, SubjectLabels};
use crate::core::notes::Note;
use crate::core::reply::Reply;

/// The value of `format` in every Answerdeck file.
pub const FORMAT: &str = "answerdeck";
/// The format version this build reads and writes.
pub const VERSION: u64 = 1;

/// The contents of a v1 file: replies, labels (live ones on export), the labels on conversations and
/// people (`conversations`: each subject's key, label ids and display name), and notes (live ones on
/// export, with their history).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Export {
    pub replies: Vec<Reply>,
    pub labels: Vec<Label>,
    pub conversations: Vec<SubjectLabels>,
    pub notes: Vec<Note>,
    /// Unknown top-level fields (everything but `format`, `version`, `exported_at` and the lists above).
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// Why a file was refused: `path` names the place (`replies[3].title`, `replies[0].variants.de`,
/// `(file)`, or `line 4, column 17` for JSON syntax errors), `reason` says what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    pub path: String,
    pub reason: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

impl std::error::Error for ImportError {}
