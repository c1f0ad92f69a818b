//! How much one import may hold. The options page reads the whole file into memory and the service
//! worker keeps the library in memory too, so a runaway file (a log, a database dump picked by mistake)
//! is refused up front with a message instead of freezing the page.

use super::ImportError;
use crate::core::reply::thousands;

/// Largest file accepted, in bytes of UTF-8 text: 50 MB (MiB). A 100,000-reply library with
/// 500-character bodies is about 55 MB as JSON with variants, well over anything seen in practice.
pub const MAX_IMPORT_BYTES: usize = 50 * 1024 * 1024;

/// Most replies one file may hold (the search index handles far more; this bounds memory and time).
pub const MAX_IMPORT_REPLIES: usize = 100_000;

/// Refuses text longer than [`MAX_IMPORT_BYTES`].
pub(crate) fn check_size(text: &str) -> Result<(), ImportError> {
    if text.len() <= MAX_IMPORT_BYTES {
        return Ok(());
    }
    let megabytes = text.len() as f64 / (1024.0 * 1024.0);
    Err(ImportError {
        path: "(file)".into(),
        reason: format!(
            "the file is {megabytes:.1} MB; Answerdeck imports files up to {} MB — split it into smaller files",
            MAX_IMPORT_BYTES / (1024 * 1024)
        ),
    })
}

/// Refuses a file once it holds more than [`MAX_IMPORT_REPLIES`].
pub(crate) fn check_count(count: usize) -> Result<(), ImportError> {
    if count <= MAX_IMPORT_REPLIES {
        return Ok(());
    }
    Err(ImportError {
        path: "(file)".into(),
        reason: format!(
            "the file holds more than {} replies, the most one import takes — split it into smaller files",
            thousands(MAX_IMPORT_REPLIES)
        ),
    })
}
