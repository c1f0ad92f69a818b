//! Case- and accent-insensitive folding for search and slugs.
//!
//! Hand-written instead of a Unicode normalization crate: those ship decomposition tables of tens of
//! kilobytes, while the languages our users write (de, da, sv, nb, nl, fr, es, it, pl, pt, cs, tr, ro, hu)
//! only need Latin-1 Supplement, Latin Extended-A and a few Extended-B letters. Those fit in one
//! 192-byte table plus a handful of match arms. Greek, Cyrillic and Armenian capitals are lowercased by
//! their blocks' fixed offsets ([`lower_other`]) rather than with std's full Unicode case tables, which
//! would add about 7.5 KB of gzipped wasm to every messaging page (design.md §6); scripts without case
//! are kept as they are.

/// Base letter of each code point U+00C0..=U+017F, lowercase. `*` marks the few that fold to more
/// than one letter or stay as they are (handled in [`fold_special`]).
const LATIN_BASE: &[u8; 192] = b"\
aaaaaa*ceeeeiiii\
dnooooo*ouuuuy**\
aaaaaa*ceeeeiiii\
dnooooo*ouuuuy*y\
aaaaaaccccccccdd\
ddeeeeeeeeeegggg\
gggghhhhiiiiiiii\
ii**jjkkklllllll\
lllnnnnnnnnnoooo\
oo**rrrrrrssssss\
ssttttttuuuuuuuu\
uuuuwwyyyzzzzzzs";

/// `text`'s words joined by one space (trimmed, inner whitespace runs made one space). A loop, not
/// `collect().join(" ")`: one `join` instantiation fewer in the content wasm.
pub fn one_space(text: &str) -> String {
    let mut out = String::new();
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Folds `s` for comparison: lowercase, diacritics removed (é→e, ß→ss, æ→ae, ł→l, ș→s …), combining
/// marks U+0300–U+036F dropped so decomposed input folds like composed input. Other scripts are
/// lowercased and otherwise kept.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Appends the folded form of `s` to `out`; lets callers reuse one buffer for many strings.
pub fn fold_into(s: &str, out: &mut String) {
    let mut rest = s;
    while !rest.is_empty() {
        // Most text is ASCII: copy each ASCII run at once and lowercase it in place.
        let ascii_len = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let (ascii, tail) = rest.split_at(ascii_len);
        let start = out.len();
        out.push_str(ascii);
        out[start..].make_ascii_lowercase();
        let mut chars = tail.chars();
        if let Some(c) = chars.next() {
            fold_char(c, out);
        }
        rest = chars.as_str();
    }
}

fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let code = c as u32;
    if (0xC0..=0x17F).contains(&code) {
        match LATIN_BASE[(code - 0xC0) as usize] {
            b'*' => fold_special(c, out),
            base => out.push(base as char),
        }
        return;
    }
    if let Some(base) = extended_b_base(code) {
        out.push_str(base);
        return;
    }
    if is_combining_mark(c) {
        return;
    }
    out.push(lower_other(c));
}

/// Lowercase of a Greek, Cyrillic or Armenian capital, by the blocks' fixed offsets; other characters are
/// returned as they are.
fn lower_other(c: char) -> char {
    let code = c as u32;
    let lower = match code {
        0x386 => 0x3AC,
        0x388..=0x38A => code + 0x25,
        0x38C => 0x3CC,
        0x38E | 0x38F => code + 0x3F,
        0x391..=0x3A1 | 0x3A3..=0x3AB => code + 0x20,
        0x400..=0x40F => code + 0x50,
        0x410..=0x42F => code + 0x20,
        // Paired blocks: capital at the even code point, small right after it.
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F if code % 2 == 0 => code + 1,
        0x4C1..=0x4CE if code % 2 == 1 => code + 1,
        0x4C0 => 0x4CF,
        0x531..=0x556 => code + 0x30,
        _ => code,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// The `*` entries of [`LATIN_BASE`].
fn fold_special(c: char, out: &mut String) {
    let folded = match c {
        'Æ' | 'æ' => "ae",
        'Þ' | 'þ' => "th",
        'ß' => "ss",
        'Ĳ' | 'ĳ' => "ij",
        'Œ' | 'œ' => "oe",
        _ => {
            // × and ÷ are symbols, not letters: keep them.
            out.push(c);
            return;
        }
    };
    out.push_str(folded);
}

/// Latin Extended-B letters in use in Europe (Romanian ș ț above all) plus capital ẞ.
fn extended_b_base(code: u32) -> Option<&'static str> {
    Some(match code {
        0x180 => "b",
        0x191 | 0x192 => "f",
        0x1A0 | 0x1A1 | 0x1D1 | 0x1D2 | 0x1EA..=0x1ED | 0x1FE | 0x1FF | 0x20C..=0x20F => "o",
        0x1AF | 0x1B0 | 0x1D3..=0x1DC | 0x214..=0x217 => "u",
        0x1C4..=0x1C6 => "dz",
        0x1C7..=0x1C9 => "lj",
        0x1CA..=0x1CC => "nj",
        0x1CD | 0x1CE | 0x1DE..=0x1E1 | 0x1FA | 0x1FB | 0x200..=0x203 => "a",
        0x1CF | 0x1D0 | 0x208..=0x20B => "i",
        0x1E2 | 0x1E3 | 0x1FC | 0x1FD => "ae",
        0x1E6 | 0x1E7 | 0x1F4 | 0x1F5 => "g",
        0x1E8 | 0x1E9 => "k",
        0x1F0 => "j",
        0x1F8 | 0x1F9 => "n",
        0x204..=0x207 => "e",
        0x210..=0x213 => "r",
        0x218 | 0x219 => "s",
        0x21A | 0x21B => "t",
        0x1E9E => "ss",
        _ => return None,
    })
}

fn is_combining_mark(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_rows_line_up_with_code_points() {
        // Spot checks at row starts and ends catch an off-by-one in the table.
        assert_eq!(fold("À"), "a");
        assert_eq!(fold("Ï"), "i");
        assert_eq!(fold("Ð"), "d");
        assert_eq!(fold("ÿ"), "y");
        assert_eq!(fold("Ā"), "a");
        assert_eq!(fold("ď"), "d");
        assert_eq!(fold("Đ"), "d");
        assert_eq!(fold("ğ"), "g");
        assert_eq!(fold("Ġ"), "g");
        assert_eq!(fold("į"), "i");
        assert_eq!(fold("İ"), "i");
        assert_eq!(fold("Ŀ"), "l");
        assert_eq!(fold("ŀ"), "l");
        assert_eq!(fold("ŏ"), "o");
        assert_eq!(fold("Ő"), "o");
        assert_eq!(fold("ş"), "s");
        assert_eq!(fold("Š"), "s");
        assert_eq!(fold("ů"), "u");
        assert_eq!(fold("Ű"), "u");
        assert_eq!(fold("ſ"), "s");
    }

    #[test]
    fn other_scripts_lowercase_like_std() {
        // Every capital our offsets cover lowercases exactly as std's full tables do.
        for code in (0x370..=0x3FF).chain(0x400..=0x52F).chain(0x531..=0x556) {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let std_lower: String = c.to_lowercase().collect();
            let ours = lower_other(c).to_string();
            if ours != c.to_string() {
                assert_eq!(ours, std_lower, "U+{code:04X}");
            }
        }
        assert_eq!(fold("ΚΑΦΈΣ"), "καφέσ");
        assert_eq!(fold("Привет МИР"), "привет мир");
        assert_eq!(fold("ЁЖИК"), "ёжик");
        assert_eq!(fold("Ջուր"), "ջուր");
    }

    #[test]
    fn common_capitals_of_cased_scripts_are_covered() {
        // The capitals people type: the basic Greek, Russian/Ukrainian/Serbian and Armenian alphabets.
        for code in (0x391..=0x3A9).chain(0x400..=0x42F).chain(0x531..=0x556) {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            if c.is_uppercase() {
                assert_eq!(
                    lower_other(c).to_string(),
                    c.to_lowercase().collect::<String>(),
                    "U+{code:04X}"
                );
            }
        }
    }
}
