//! Reading text from page elements, and comparing texts the way editors render them.
use web_sys::Element;

/// The element's text as a user reads it: `img[alt]` emoji included, whitespace collapsed.
pub fn visible_text(element: &Element) -> String {
    collapse(&element.text_content().unwrap_or_default())
}

/// Collapses every run of whitespace (newlines, NBSP, zero-width spaces) to one space and trims.
pub fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// Text with all whitespace removed: editors turn newlines into paragraphs or line breaks in different ways,
/// so an insertion is checked on the characters alone.
pub fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{200b}' && *c != '\u{feff}')
        .collect()
}

pub fn count_occurrences(haystack: &str, needle: &str) -> usize {
    if needle.is_empty() {
        return 0;
    }
    haystack.match_indices(needle).count()
}
