//! YAML text → a small tree with line numbers, built from yaml-rust2's event parser.
//!
//! Not yaml-rust2's own `YamlLoader`: that recurses once per nesting level (a file of ten thousand `[`
//! overflows the stack) and copies an anchored node for every alias (a few lines of nested aliases
//! expand to gigabytes, "billion laughs"). Here events are folded with an explicit stack, nesting is
//! capped, aliases share the anchored node, and the total size they expand to is capped. Scalars stay
//! text: espanso reads every value it cares about as text, and line numbers let messages point at
//! the place in the file.

use std::collections::HashMap;
use std::rc::Rc;

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::{ScanError, TScalarStyle};

use crate::core::exchange::ImportError;

/// Deepest nesting accepted. An espanso match file needs about six levels (matches → match → vars →
/// var → params → value).
const MAX_DEPTH: usize = 64;

/// Most nodes that aliases may add in total by repeating anchored parts.
const MAX_ALIAS_NODES: usize = 1_000_000;

/// A YAML node and the line (1-based) where it starts.
#[derive(Debug)]
pub(super) struct Node {
    pub(super) line: usize,
    pub(super) value: Value,
}

#[derive(Debug)]
pub(super) enum Value {
    /// `plain` is false for quoted and block scalars, which are always text (`"null"` is not null).
    Scalar {
        text: String,
        plain: bool,
    },
    List(Vec<Rc<Node>>),
    Map(Vec<(Rc<Node>, Rc<Node>)>),
}

impl Node {
    /// `~`, `null`, or nothing at all (`replace:` with no value).
    pub(super) fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar { text, plain: true }
            if matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    /// The text of a scalar that is not null.
    pub(super) fn as_text(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, .. } if !self.is_null() => Some(text),
            _ => None,
        }
    }

    /// `true`/`false` as YAML 1.2 writes them (and the capitalised forms).
    pub(super) fn as_bool(&self) -> Option<bool> {
        match self.as_text()? {
            "true" | "True" | "TRUE" => Some(true),
            "false" | "False" | "FALSE" => Some(false),
            _ => None,
        }
    }

    /// What the node is, for "found …" in messages.
    pub(super) fn kind(&self) -> &'static str {
        match &self.value {
            _ if self.is_null() => "nothing",
            Value::Scalar { .. } => "text",
            Value::List(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}

/// A list or mapping still being read.
struct Open {
    line: usize,
    anchor: usize,
    /// Nodes inside, counting what aliases expand to.
    size: usize,
    content: OpenContent,
}

enum OpenContent {
    List(Vec<Rc<Node>>),
    Map {
        entries: Vec<(Rc<Node>, Rc<Node>)>,
        key: Option<Rc<Node>>,
    },
}

/// Every document in the text (a file with `---` lines holds several); an empty document is a null node.
pub(super) fn load(text: &str) -> Result<Vec<Rc<Node>>, ImportError> {
    let mut parser = Parser::new_from_str(text);
    let mut documents = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut root: Option<Rc<Node>> = None;
    // Anchor id → the node and its expanded size.
    let mut anchors: HashMap<usize, (Rc<Node>, usize)> = HashMap::new();
    let mut alias_nodes = 0usize;
    loop {
        let (event, mark) = parser.next_token().map_err(|e| syntax_error(text, &e))?;
        let line = mark.line();
        let done = match event {
            Event::StreamEnd => break,
            Event::Nothing | Event::StreamStart | Event::DocumentStart => None,
            Event::DocumentEnd => {
                documents.push(root.take().unwrap_or_else(|| null(line)));
                None
            }
            Event::Scalar(text, style, anchor, _tag) => {
                let plain = style == TScalarStyle::Plain;
                Some((
                    Rc::new(Node {
                        line,
                        value: Value::Scalar { text, plain },
                    }),
                    anchor,
                    1,
                ))
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(error(
                        format!("line {line}"),
                        format!("nested more than {MAX_DEPTH} levels deep; an espanso match file needs only a few"),
                    ));
                }
                let content = if matches!(event, Event::SequenceStart(..)) {
                    OpenContent::List(Vec::new())
                } else {
                    OpenContent::Map {
                        entries: Vec::new(),
                        key: None,
                    }
                };
                stack.push(Open {
                    line,
                    anchor,
                    size: 1,
                    content,
                });
                None
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some(open) => {
                    let value = match open.content {
                        OpenContent::List(items) => Value::List(items),
                        OpenContent::Map { entries, .. } => Value::Map(entries),
                    };
                    Some((
                        Rc::new(Node {
                            line: open.line,
                            value,
                        }),
                        open.anchor,
                        open.size,
                    ))
                }
                None => None,
            },
            Event::Alias(id) => {
                let Some((node, size)) = anchors.get(&id).cloned() else {
                    return Err(error(
                        format!("line {line}"),
                        "this alias (*name) refers to no anchor (&name) before it",
                    ));
                };
                alias_nodes = alias_nodes.saturating_add(size);
                if alias_nodes > MAX_ALIAS_NODES {
                    return Err(error(
                        format!("line {line}"),
                        "aliases (*name) here repeat anchored parts into far more data than the file holds; \
                         refusing to expand them",
                    ));
                }
                // Already registered under its own anchor; the alias only places it again.
                Some((node, 0, size))
            }
        };
        let Some((node, anchor, size)) = done else {
            continue;
        };
        if anchor > 0 {
            anchors.insert(anchor, (node.clone(), size));
        }
        match stack.last_mut() {
            None => root = Some(node),
            Some(open) => {
                open.size = open.size.saturating_add(size);
                match &mut open.content {
                    OpenContent::List(items) => items.push(node),
                    OpenContent::Map { entries, key } => match key.take() {
                        None => *key = Some(node),
                        Some(k) => entries.push((k, node)),
                    },
                }
            }
        }
    }
    Ok(documents)
}

fn null(line: usize) -> Rc<Node> {
    Rc::new(Node {
        line,
        value: Value::Scalar {
            text: String::new(),
            plain: true,
        },
    })
}

/// `line 4, column 7: not valid YAML: …`, with a hint for the most common mistake (tabs).
fn syntax_error(text: &str, e: &ScanError) -> ImportError {
    let mark = e.marker();
    let mut reason = format!("not valid YAML: {}", e.info());
    let line_text = text
        .lines()
        .nth(mark.line().saturating_sub(1))
        .unwrap_or("");
    if line_text.trim_start_matches(' ').starts_with('\t') {
        reason.push_str(" (YAML indents with spaces, not tabs)");
    }
    error(
        format!("line {}, column {}", mark.line(), mark.col() + 1),
        reason,
    )
}

fn error(path: impl Into<String>, reason: impl Into<String>) -> ImportError {
    ImportError {
        path: path.into(),
        reason: reason.into(),
    }
}
