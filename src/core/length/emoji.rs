//! Emoji sequences, each of which X counts as one unit of weight 2 (twitter-text v3 `emojiParsingEnabled`).
//!
//! Recognised without an emoji data table: a pictographic code point (the Unicode blocks that hold
//! `Extended_Pictographic`) with its variation selector, skin tone and tag characters, joined by ZWJ to
//! more of the same (👨‍👩‍👧‍👦, ❤️‍🔥, 🏴󠁧󠁢󠁳󠁣󠁴󠁿); a pair of regional indicators (a flag); a keycap (1️⃣, #️⃣).
//! © and ® are emoji only with U+FE0F after them, as in twemoji; alone they are text and count 1.

const VS16: char = '\u{FE0F}';
const ZWJ: char = '\u{200D}';
const KEYCAP: char = '\u{20E3}';

/// The byte length of the emoji sequence at the start of `text`, if one starts there.
pub fn emoji_len(text: &str) -> Option<usize> {
    let mut chars = text.char_indices().peekable();
    let (_, first) = chars.next()?;
    if is_regional_indicator(first) {
        let len = match chars.peek() {
            Some(&(at, next)) if is_regional_indicator(next) => at + next.len_utf8(),
            _ => first.len_utf8(),
        };
        return Some(len);
    }
    if matches!(first, '0'..='9' | '#' | '*') {
        return keycap_len(text);
    }
    if matches!(first, '\u{A9}' | '\u{AE}') {
        return text[first.len_utf8()..]
            .starts_with(VS16)
            .then(|| element_len(text));
    }
    if !is_pictographic(first) {
        return None;
    }
    let mut len = element_len(text);
    // ZWJ sequences: element (ZWJ element)*, each joined element pictographic.
    while let Some(rest) = text[len..].strip_prefix(ZWJ) {
        match rest.chars().next() {
            Some(next) if is_pictographic(next) => len += ZWJ.len_utf8() + element_len(rest),
            _ => break,
        }
    }
    Some(len)
}

/// `[0-9#*] U+FE0F? U+20E3`.
fn keycap_len(text: &str) -> Option<usize> {
    let rest = &text[1..];
    let rest_after_vs = rest.strip_prefix(VS16).unwrap_or(rest);
    rest_after_vs
        .starts_with(KEYCAP)
        .then(|| text.len() - rest_after_vs.len() + KEYCAP.len_utf8())
}

/// One pictographic code point with what modifies it: U+FE0F, a skin tone, tag characters (subdivision flags).
fn element_len(text: &str) -> usize {
    let mut chars = text.char_indices();
    let mut end = chars.next().map_or(0, |(_, c)| c.len_utf8());
    for (at, c) in chars {
        if c == VS16 || is_skin_tone(c) || is_tag(c) {
            end = at + c.len_utf8();
        } else {
            break;
        }
    }
    end
}

fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

fn is_skin_tone(c: char) -> bool {
    ('\u{1F3FB}'..='\u{1F3FF}').contains(&c)
}

fn is_tag(c: char) -> bool {
    ('\u{E0020}'..='\u{E007F}').contains(&c)
}

/// The blocks holding `Extended_Pictographic` code points (a superset: a few non-emoji symbols in these
/// blocks are included, which costs nothing because they weigh 2 on their own as well).
fn is_pictographic(c: char) -> bool {
    matches!(c as u32,
        0x203C | 0x2049 | 0x2122 | 0x2139 | 0x2194..=0x2199 | 0x21A9..=0x21AA
        | 0x231A..=0x231B | 0x2328 | 0x23CF | 0x23E9..=0x23F3 | 0x23F8..=0x23FA | 0x24C2
        | 0x25AA..=0x25AB | 0x25B6 | 0x25C0 | 0x25FB..=0x25FE | 0x2600..=0x27BF
        | 0x2934..=0x2935 | 0x2B05..=0x2B07 | 0x2B1B..=0x2B1C | 0x2B50 | 0x2B55
        | 0x3030 | 0x303D | 0x3297 | 0x3299 | 0x1F000..=0x1FAFF | 0x1FC00..=0x1FFFD)
}
