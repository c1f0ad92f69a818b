//! What labels and notes are attached to: a *subject*, named by a key built from the platform's own ids
//! (from URLs and attributes), never from DOM nodes or display names, so a label stays on the right row when a
//! virtualised list recycles its nodes, after a reload, and when a person changes their name.
//!
//! Key scheme, `<site>:<kind>:<id>`:
//!
//! | key | what | where the id comes from |
//! |---|---|---|
//! | `fb:thread:<id>` | a Messenger conversation | `facebook.com/messages/t/<id>`, `messenger.com/t/<id>`, list links `/t/<id>` |
//! | `fb:e2ee:<id>` | an end-to-end encrypted Messenger conversation | `facebook.com/messages/e2ee/t/<id>` |
//! | `fb:inbox:<id>` | a Business Suite inbox conversation | the `selected_item_id=` of `business.facebook.com/latest/inbox/…` |
//! | `x:dm:<id>` | an X Chat or legacy X DM conversation | `/i/chat/<A-B>` or `g<digits>`, `dm-conversation-item-<A>:<B>`, legacy `/messages/<A-B>` |
//! | `fb:comment:<id>` | a Facebook comment | `comment_id=` of the comment's permalink |
//! | `x:status:<id>` | an X post (a customer's reply) | `/<handle>/status/<id>` |
//! | `fb:user:<id>` | a person on Facebook | the profile link: `profile.php?id=<id>`, `/<numeric id>/`, or `/<username>` (lower-cased) |
//! | `x:user:<handle>` | a person on X | the profile link `/<handle>` (lower-cased; X handles are case-insensitive) |
//!
//! A Facebook person seen once with a username link and once with a numeric one gets two keys: Facebook gives
//! no way to map one to the other from the page.

/// The kinds a key can name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SubjectKind {
    Conversation,
    Comment,
    Person,
}

impl SubjectKind {
    /// How the options page names the kind ("Conversation", "Comment", "Person").
    pub fn noun(self) -> &'static str {
        match self {
            SubjectKind::Conversation => "Conversation",
            SubjectKind::Comment => "Comment",
            SubjectKind::Person => "Person",
        }
    }
}

/// Longest id part of a key: the platforms' ids are at most a few dozen characters; this only stops a
/// runaway value from becoming a store key.
const MAX_ID_CHARS: usize = 128;

/// What each `<site>:<kind>` prefix names, and the rule for the id after it.
const KINDS: [(&str, SubjectKind, IdRule); 8] = [
    ("fb:thread:", SubjectKind::Conversation, IdRule::Token),
    ("fb:e2ee:", SubjectKind::Conversation, IdRule::Token),
    ("fb:inbox:", SubjectKind::Conversation, IdRule::Token),
    ("x:dm:", SubjectKind::Conversation, IdRule::XConversation),
    ("fb:comment:", SubjectKind::Comment, IdRule::Token),
    ("x:status:", SubjectKind::Comment, IdRule::Digits),
    ("fb:user:", SubjectKind::Person, IdRule::FacebookPerson),
    ("x:user:", SubjectKind::Person, IdRule::XHandle),
];

/// The shapes of ids, loose where the platform's own ids vary (Facebook thread and comment ids) and exact
/// where a key must be canonical (people: one person, one key).
#[derive(Clone, Copy)]
enum IdRule {
    /// Letters, digits, `.`, `_`, `-`, `=` (Facebook ids are numeric, some older ones are words or base64).
    Token,
    Digits,
    /// `g?<digits>(-<digits>)?`, as the X adapters read it from URLs (`A-B` pairs, group ids).
    XConversation,
    /// A numeric id or a lower-cased username (letters, digits, `.`).
    FacebookPerson,
    /// A lower-cased handle: 1–20 of `a-z`, `0-9`, `_`.
    XHandle,
}

impl IdRule {
    fn accepts(self, id: &str) -> bool {
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        match self {
            IdRule::Token => id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'=')),
            IdRule::Digits => digits(id),
            IdRule::XConversation => {
                let ids = id.strip_prefix('g').unwrap_or(id);
                match ids.split_once('-') {
                    Some((a, b)) => digits(a) && digits(b),
                    None => digits(ids),
                }
            }
            IdRule::FacebookPerson => id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.'),
            IdRule::XHandle => {
                id.len() <= 20
                    && id
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            }
        }
    }

    /// What the id should look like, for the refusal.
    fn describe(self) -> &'static str {
        match self {
            IdRule::Token => "letters, digits, '.', '_', '-' or '='",
            IdRule::Digits => "digits",
            IdRule::XConversation => "'<digits>-<digits>' or '<digits>', optionally after 'g'",
            IdRule::FacebookPerson => "a numeric id or a lower-cased username",
            IdRule::XHandle => "a lower-cased handle (at most 20 of a–z, 0–9, '_')",
        }
    }
}

/// The kind of subject `key` names, or `None` when it is not a well-formed key of the scheme above.
pub fn kind(key: &str) -> Option<SubjectKind> {
    check_key(key).ok()
}

/// [`kind`], with the reason a malformed key is refused (for the user and for import paths).
pub fn check_key(key: &str) -> Result<SubjectKind, String> {
    let shown: String = key.chars().take(60).collect();
    let Some((prefix, kind, rule)) = KINDS.iter().find(|(prefix, ..)| key.starts_with(prefix))
    else {
        let known: Vec<&str> = KINDS
            .iter()
            .map(|(prefix, ..)| prefix.trim_end_matches(':'))
            .collect();
        return Err(format!(
            "“{shown}” is not a conversation or person key (keys start with {})",
            known.join(", ")
        ));
    };
    let id = &key[prefix.len()..];
    if id.is_empty() {
        return Err(format!("“{shown}” has no id after “{prefix}”"));
    }
    if id.chars().count() > MAX_ID_CHARS {
        return Err(format!(
            "the id in “{shown}…” is longer than {MAX_ID_CHARS} characters"
        ));
    }
    if !rule.accepts(id) {
        return Err(format!(
            "“{shown}” is not a valid key: the id after “{prefix}” must be {}",
            rule.describe()
        ));
    }
    Ok(*kind)
}

/// The site a key belongs to, as people call it: "Facebook" (`fb:`, Messenger and Business Suite
/// included) or "X" (`x:`).
pub fn site(key: &str) -> Option<&'static str> {
    if key.starts_with("fb:") {
        Some("Facebook")
    } else if key.starts_with("x:") {
        Some("X")
    } else {
        None
    }
}

/// What a key names, for lists: "Conversation on Facebook", "Person on X"; "Unknown" for a malformed key.
pub fn describe(key: &str) -> String {
    match (kind(key), site(key)) {
        (Some(kind), Some(site)) => format!("{} on {site}", kind.noun()),
        _ => "Unknown".to_string(),
    }
}
