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
    /// A reply was inserted (content scripts send this after each successful insertion). Counts its use
    /// without touching the reply or the library revision, so tabs don't reload the library for it.
    #[serde(rename = "reply.used")]
    Used {
        id: String,
        /// When, in milliseconds since the epoch; the background's clock when absent.
        #[serde(default)]
        at_ms: Option<f64>,
    },
    /// Import a data-format-v1 file: refused whole (nothing stored changes) or applied in one transaction.
    #[serde(rename = "library.import")]
    Import { text: String },
    #[serde(rename = "library.export")]
    Export,
    /// The best `limit` replies for what the user typed in the picker, best first (ids). The search index
    /// lives in the background, once, instead of in every tab (design.md §6: memory and shipped wasm).
    #[serde(rename = "library.search")]
    Search { query: String, limit: usize },
    /// For a customer's message: the language to answer in (the site's `lang` when given, else detected) and
    /// the best replies for it, ranked with usage (ids).
    #[serde(rename = "customer.suggest")]
    Suggest {
        text: String,
        #[serde(default)]
        lang: Option<String>,
        limit: usize,
    },
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
    /// `library.search`, `customer.suggest`: reply ids, best first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ids: Option<Vec<String>>,
    /// `customer.suggest`: the language to answer in, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
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
