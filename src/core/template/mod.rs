//! Reply templates: `{first_name}` variables with optional fallbacks (`{first_name|there}`), fill-in
//! fields asked before inserting (`{?Order number}`), and `{{` / `}}` for literal braces.
//!
//! Rendering produces plain text: nothing is escaped or interpreted, newlines are kept exactly.

mod links;
mod parser;
mod render;

use std::fmt;

use serde::{Deserialize, Serialize};

pub use links::{facebook_dm_link, x_dm_link};
pub use parser::{check, parse, unknown_variables};
pub use render::render_str;

/// A variable filled from the page or the user's settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Var {
    FirstName,
    Name,
    Handle,
    Page,
    /// The link that opens a private conversation with the Page or account (`https://m.me/acme`), for
    /// public answers like "write us at {dm_link}".
    DmLink,
    Agent,
    Date,
    Time,
}

impl Var {
    /// Every variable, in the order the editor lists them.
    pub const ALL: [Var; 8] = [
        Var::FirstName,
        Var::Name,
        Var::Handle,
        Var::Page,
        Var::DmLink,
        Var::Agent,
        Var::Date,
        Var::Time,
    ];

    /// The name written between braces.
    pub fn name(&self) -> &'static str {
        match self {
            Var::FirstName => "first_name",
            Var::Name => "name",
            Var::Handle => "handle",
            Var::Page => "page",
            Var::DmLink => "dm_link",
            Var::Agent => "agent",
            Var::Date => "date",
            Var::Time => "time",
        }
    }

    /// The variable written as `name` (ASCII case ignored, so `{First_Name}` works too).
    pub fn from_name(name: &str) -> Option<Var> {
        Var::ALL
            .into_iter()
            .find(|var| var.name().eq_ignore_ascii_case(name))
    }
}

/// One piece of a parsed template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// Literal text, braces already unescaped.
    Text(String),
    /// `{var}` or `{var|fallback}`; the fallback is kept verbatim (an empty one means "render nothing, quietly").
    Var { var: Var, fallback: Option<String> },
    /// `{?label}`: asked before inserting; the label is trimmed.
    Field(String),
}

/// A parsed template; see [`parse`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Template {
    pub parts: Vec<Part>,
}

impl Template {
    /// Labels of the fill-in fields, each once, in order of first appearance: the questions to ask.
    pub fn fields(&self) -> Vec<String> {
        let mut labels: Vec<String> = Vec::new();
        for part in &self.parts {
            if let Part::Field(label) = part {
                if !labels.contains(label) {
                    labels.push(label.clone());
                }
            }
        }
        labels
    }
}

/// Why a template does not parse. `offset` counts characters (not bytes) from 0; the message shows it
/// counted from 1, the way people count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateError {
    pub offset: usize,
    pub reason: String,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at character {}", self.reason, self.offset + 1)
    }
}

impl std::error::Error for TemplateError {}

/// Values for the variables. Empty or blank values count as absent.
#[derive(Default, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Context {
    pub first_name: Option<String>,
    pub name: Option<String>,
    pub handle: Option<String>,
    pub page: Option<String>,
    /// See [`Var::DmLink`]; build it with [`facebook_dm_link`] or [`x_dm_link`].
    pub dm_link: Option<String>,
    /// The person answering, from the user's settings.
    pub agent: Option<String>,
    pub date: Option<String>,
    pub time: Option<String>,
}

impl Context {
    /// The trimmed, non-empty value of `var`. Without a first name, the first word of `name` is used
    /// (a leading `@` skipped), because pages often show only the full name or the handle.
    pub fn value(&self, var: Var) -> Option<&str> {
        fn present(value: &Option<String>) -> Option<&str> {
            value
                .as_deref()
                .map(str::trim)
                .filter(|value| !value.is_empty())
        }
        match var {
            Var::FirstName => present(&self.first_name).or_else(|| {
                present(&self.name)?
                    .trim_start_matches('@')
                    .split_whitespace()
                    .next()
            }),
            Var::Name => present(&self.name),
            Var::Handle => present(&self.handle),
            Var::Page => present(&self.page),
            Var::DmLink => present(&self.dm_link),
            Var::Agent => present(&self.agent),
            Var::Date => present(&self.date),
            Var::Time => present(&self.time),
        }
    }
}

/// The text to insert, and the variables that had neither a value nor a fallback (each once, in order)
/// so the picker can warn before inserting.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rendered {
    pub text: String,
    pub missing: Vec<Var>,
}
