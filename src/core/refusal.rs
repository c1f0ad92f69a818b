//! Why a labels or notes write was refused: a code programs branch on, a sentence for the person, and the
//! field it is about. The background turns it into `{ok: false, error, message, path}` unchanged.
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// `invalid` (a rule is broken), `not-found` (gone, usually deleted in another tab), `conflict` (a
    /// name another label already has).
    pub code: &'static str,
    pub message: String,
    /// The request field the refusal is about (`name`, `color`, `key`, `text` …).
    pub path: Option<String>,
}

impl Refusal {
    pub fn invalid(path: &str, message: impl Into<String>) -> Refusal {
        Refusal {
            code: "invalid",
            message: message.into(),
            path: Some(path.to_string()),
        }
    }

    pub fn not_found(message: impl Into<String>) -> Refusal {
        Refusal {
            code: "not-found",
            message: message.into(),
            path: None,
        }
    }

    pub fn conflict(path: &str, message: impl Into<String>) -> Refusal {
        Refusal {
            code: "conflict",
            message: message.into(),
            path: Some(path.to_string()),
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Refusal {}
