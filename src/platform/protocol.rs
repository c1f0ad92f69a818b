//! Messages between the pages/content scripts and the background, which is the only writer of the store.
use crate::core::record::Record;
use crate::core::reply::Reply;
use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "op")]
pub enum Request {
    /// Every reply with its revision, and the library revision.
    #[serde(rename = "library.list")]
    List,
    /// Create (base_rev absent) or update (base_rev = the revision the editor started from) one reply.
    #[serde(rename = "reply.put")]
    Put { reply: Reply, base_rev: Option<u64> },
    #[serde(rename = "reply.delete")]
    Delete { id: String, base_rev: Option<u64> },
    /// Import a data-format-v1 file: refused whole (nothing stored changes) or applied in one transaction.
    #[serde(rename = "library.import")]
    Import { text: String },
    #[serde(rename = "library.export")]
    Export,
}

/// One flat response shape; `ok: false` carries `error` (a code), `message` (for the user) and maybe `path`.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Response {
    pub ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rev: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replies: Option<Vec<Record<Reply>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<Record<Reply>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub added: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unchanged: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl Response {
    pub fn ok() -> Self {
        Self {
            ok: true,
            ..Self::default()
        }
    }
    pub fn error(code: &str, message: impl Into<String>) -> Self {
        Self {
            ok: false,
            error: Some(code.into()),
            message: Some(message.into()),
            ..Self::default()
        }
    }
}

/// The `storage.local` key the background bumps after every committed write; every open page listens to it.
pub const REVISION_KEY: &str = "answerdeck.rev";
