//! How well one query token matches one place of a reply. Higher is better; 0 means no match.
//! A query's score is the sum over its tokens, so every token counts.
//!
//! A token's value for a reply is its rank below, plus [`EXACT`] when the token occurs as typed (as a
//! whole, prefix or substring) rather than only with a typo corrected ([`super::fuzzy`]). Summed over
//! tokens, the count of exact tokens comes first ([`weight`]): a reply matching every token as typed
//! always ranks above one that needs a correction, wherever the corrected word is.

/// The token equals the shortcut (`/order` or `order` for shortcut `order`).
pub const SHORTCUT_EXACT: u8 = 7;
/// The shortcut starts with the token.
pub const SHORTCUT_PREFIX: u8 = 6;
/// A word of the title starts with the token.
pub const TITLE_WORD: u8 = 5;
/// The token occurs inside a title word.
pub const TITLE: u8 = 4;
/// The token occurs in a tag.
pub const TAG: u8 = 3;
/// A word of the body or a variant starts with the token.
pub const TEXT_WORD: u8 = 2;
/// The token occurs anywhere else (inside a body word, inside the shortcut).
pub const ANYWHERE: u8 = 1;

/// Bits naming the fields a chunk (whitespace-separated piece of text) was found in.
pub const IN_TITLE: u8 = 1;
pub const IN_TAG: u8 = 2;
pub const IN_SHORTCUT: u8 = 4;
/// Body or variant.
pub const IN_TEXT: u8 = 8;
/// Fields ranked above body text; postings with any of these are kept apart so a one-word query can
/// stop before reading the (much larger) body postings.
pub const IN_HEAD: u8 = IN_TITLE | IN_TAG | IN_SHORTCUT;

/// Where in a chunk the token was found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Hit {
    /// At the chunk start or after a character that is not a letter or digit.
    pub word_start: bool,
    /// At the chunk start.
    pub chunk_start: bool,
    /// The token is the whole chunk.
    pub whole: bool,
}

/// Best rank of a hit in a chunk that occurs in `fields` of a reply.
#[inline]
pub fn rank(fields: u8, hit: Hit) -> u8 {
    let mut best = 0;
    if fields & IN_SHORTCUT != 0 {
        best = if hit.whole {
            SHORTCUT_EXACT
        } else if hit.chunk_start {
            SHORTCUT_PREFIX
        } else {
            ANYWHERE
        };
    }
    if fields & IN_TITLE != 0 {
        best = best.max(if hit.word_start { TITLE_WORD } else { TITLE });
    }
    if fields & IN_TAG != 0 {
        best = best.max(TAG);
    }
    if fields & IN_TEXT != 0 {
        best = best.max(if hit.word_start { TEXT_WORD } else { ANYWHERE });
    }
    best
}

/// Marks a token's value for a reply as an exact match (see the module docs).
pub const EXACT: u8 = 8;

/// Where a typo-corrected match is in its chunk: at the start of the chunk's leading word.
pub const CORRECTED: Hit = Hit {
    word_start: true,
    chunk_start: true,
    whole: false,
};

/// The share of one token's value in a query's score: exact matches counted in the high half, ranks
/// in the low half (a query has at most [`MAX_TOKENS`] tokens, so the ranks cannot carry over).
#[inline]
pub fn weight(value: u8) -> u32 {
    (u32::from(value / EXACT) << 16) + u32::from(value % EXACT)
}

/// Tokens of a query taken into account; a search box never holds this many words, and the bound
/// keeps [`weight`]'s halves apart (7 × 1,000 < 65,536).
pub const MAX_TOKENS: usize = 1_000;
