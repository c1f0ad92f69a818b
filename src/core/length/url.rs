//! Finding URLs the way X's composer does (twitter-text's extractor), so each can count 23.
//!
//! Recognised:
//! - `http://` or `https://` (any case) + a host whose last label is alphabetic (2+ letters);
//! - `www.` + a host with an alphabetic last label (X checks it against its full TLD list of ~1,500 names;
//!   an unknown one here still counts as a URL, which errs towards the shorter count only for made-up TLDs);
//! - a bare host ending in a known TLD: every country code (so `m.me/…`, `wa.me/…`, `bit.ly/…`, `t.co/…`) and
//!   the common generic ones in [`GENERIC_TLDS`]. As on X, a bare `name.cc` (one label and a country code)
//!   with nothing after it is not a URL (`acme.dk`, `m.me`), except `.co` and `.tv` (`t.co`);
//!
//! each with an optional `:port`, path and query. Labels are Latin letters (accents included), digits, `-`
//! (not first or last) and `_`
//! (not in the last two labels), at most 63 characters. A URL does not start right after an ASCII letter or
//! digit, `@`, `$` or `#` (so e-mail addresses and handles are text), nor, without a scheme, after `-`, `_`,
//! `.`, `/`.
//! The path stops before trailing punctuation (`acme.com/help.` ends at "help") and keeps balanced
//! parentheses; paths may hold Latin and Cyrillic letters. Not recognised: IP addresses and hosts in non-Latin
//! scripts (`http://☃.net`), which X links but customers' replies practically never contain.

use std::ops::Range;

/// What X counts for any URL (twitter-text v3 `transformedURLLength`).
pub const URL_LENGTH: usize = 23;

/// Country-code TLDs (ASCII), two letters each.
const COUNTRY_TLDS: &str = "acadaeafagaialamanaoaqarasatauawaxazbabbbdbebfbgbhbibjblbmbnbobqbrbsbtbvbwbybzcacccdcf\
cgchcickclcmcncocrcucvcwcxcyczdedjdkdmdodzeceeegeheresetfifjfkfmfofrgagbgdgegfggghgiglgmgngpgqgrgsgtgu\
gwgyhkhmhnhrhthuidieiliminiqirisitjejmjojpkekgkhkikmknkpkrkwkykzlalblclilklrlsltlulvlymamcmdmemfmgmh\
mkmlmmmnmompmqmrmsmtmumvmwmxmymznancnenfngninlnonpnrnunzompapepfpgphpkplpmpnprpsptpwpyqarerorsrurwsa\
sbscsdsesgshsisjskslsmsnsosrssstsusvsxsysztctdtftgthtjtktltmtntotptrtttvtwtzuaugukumusuyuzvavcvevgvivn\
vuwfwsyeytzazmzw";

/// Generic TLDs recognised without a scheme or `www.`: the classic ones and those businesses use most.
pub const GENERIC_TLDS: [&str; 64] = [
    "com",
    "net",
    "org",
    "info",
    "biz",
    "edu",
    "gov",
    "mil",
    "int",
    "eu",
    "app",
    "dev",
    "page",
    "shop",
    "store",
    "online",
    "site",
    "website",
    "xyz",
    "tech",
    "blog",
    "news",
    "live",
    "life",
    "world",
    "club",
    "agency",
    "company",
    "digital",
    "media",
    "email",
    "link",
    "click",
    "cloud",
    "design",
    "studio",
    "space",
    "fun",
    "top",
    "art",
    "health",
    "fashion",
    "coffee",
    "travel",
    "pro",
    "name",
    "mobi",
    "asia",
    "berlin",
    "hamburg",
    "wien",
    "paris",
    "london",
    "amsterdam",
    "brussels",
    "barcelona",
    "madrid",
    "swiss",
    "nyc",
    "shopping",
    "sale",
    "deals",
    "events",
    "restaurant",
];

/// The byte ranges of the URLs in `text`, in order, not overlapping.
pub fn url_spans(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut previous: Option<char> = None;
    let mut at = 0;
    while at < text.len() {
        if let Some(end) = url_at(text, at, previous) {
            spans.push(at..end);
            previous = text[..end].chars().next_back();
            at = end;
            continue;
        }
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        previous = Some(c);
        at += c.len_utf8();
    }
    spans
}

/// The end of the URL starting at byte `at`, if one does; `previous` is the character before it.
fn url_at(text: &str, at: usize, previous: Option<char>) -> Option<usize> {
    let rest = &text[at..];
    let first = rest.chars().next()?;
    if !is_label_char(first) || previous.is_some_and(blocks_any_url) {
        return None;
    }
    let scheme_len = ["https://", "http://"]
        .iter()
        .find(|scheme| {
            rest.get(..scheme.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
        })
        .map_or(0, |scheme| scheme.len());
    let has_scheme = scheme_len > 0;
    if !has_scheme && previous.is_some_and(|c| matches!(c, '-' | '_' | '.' | '/')) {
        return None;
    }
    let host_start = at + scheme_len;
    let (host_end, short) = host(text, host_start, has_scheme)?;
    let mut end = host_end;
    // :port
    if let Some(port) = text[end..].strip_prefix(':') {
        let digits = port.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 {
            end += 1 + digits;
        }
    }
    if text[end..].starts_with(['/', '?']) {
        end = tail_end(text, end);
    }
    if short && end == host_end {
        // A bare `name.cc` with nothing after it: X does not link it.
        return None;
    }
    Some(end)
}

/// Characters after which no URL starts (twitter-text `validUrlPrecedingChars`: ASCII only, so a URL
/// glued to CJK text is still found).
fn blocks_any_url(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '@' | '$' | '#' | '＠' | '＃')
}

fn is_label_char(c: char) -> bool {
    c.is_ascii_digit() || c == '-' || c == '_' || is_latin_letter(c)
}

/// ASCII letters and twitter-text's `latinAccentChars` (Latin-1 letters, Latin Extended-A/B and Additional),
/// by range: `char::is_alphabetic` would bring a Unicode table into the content-script wasm.
pub(crate) fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}')
}

/// Cyrillic letters, which twitter-text also allows in paths.
fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{4FF}').contains(&c)
}

/// Parses the host at `start`: returns where it ends and whether it is a "short" bare domain (one label and a
/// country code, without scheme), which only counts as a URL with a path, query or port after it.
fn host(text: &str, start: usize, has_scheme: bool) -> Option<(usize, bool)> {
    // Labels separated by single dots, as long as they go.
    let mut labels: Vec<Range<usize>> = Vec::new();
    let mut at = start;
    loop {
        let len: usize = text[at..]
            .chars()
            .take_while(|&c| is_label_char(c))
            .map(char::len_utf8)
            .sum();
        if len == 0 {
            break;
        }
        labels.push(at..at + len);
        at += len;
        match text[at..].strip_prefix('.') {
            Some(after) if after.starts_with(is_label_char) => at += 1,
            _ => break,
        }
    }
    let www = labels
        .first()
        .is_some_and(|first| text[first.clone()].eq_ignore_ascii_case("www"));
    // The longest run of labels that ends in a valid TLD, like the backtracking regex X uses.
    for count in (2..=labels.len()).rev() {
        let used = &labels[..count];
        let tld = &text[used[count - 1].clone()];
        let tld_ok = if has_scheme || (www && count >= 3) {
            tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic())
        } else {
            is_known_tld(tld)
        };
        let end = used[count - 1].end;
        let next_ok = !text[end..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '@' | '+' | '-'));
        if tld_ok && next_ok && labels_ok(text, used) {
            let short = !has_scheme && count == 2 && is_short_country_domain(tld);
            return Some((end, short));
        }
    }
    None
}

fn labels_ok(text: &str, labels: &[Range<usize>]) -> bool {
    let last_two = labels.len().saturating_sub(2);
    labels.iter().enumerate().all(|(i, range)| {
        let label = &text[range.clone()];
        let chars = label.chars().count();
        (1..=63).contains(&chars)
            && !label.starts_with('-')
            && !label.ends_with('-')
            && (i < last_two || !label.contains('_'))
    })
}

fn is_known_tld(tld: &str) -> bool {
    let tld = tld.to_ascii_lowercase();
    is_country_tld(&tld) || GENERIC_TLDS.contains(&tld.as_str())
}

fn is_country_tld(tld: &str) -> bool {
    tld.len() == 2
        && COUNTRY_TLDS
            .as_bytes()
            .chunks(2)
            .any(|code| code.eq_ignore_ascii_case(tld.as_bytes()))
}

/// `name.cc` without scheme is not linked unless cc is `co` or `tv` (twitter-text `validSpecialCCTLD`).
fn is_short_country_domain(tld: &str) -> bool {
    let tld = tld.to_ascii_lowercase();
    is_country_tld(&tld) && tld != "co" && tld != "tv"
}

/// The end of a path and/or query starting at `start` (at `/` or `?`): URL characters with balanced
/// parentheses, without trailing punctuation.
fn tail_end(text: &str, start: usize) -> usize {
    let mut depth = 0usize;
    // Byte ends of the characters that may end a URL; the URL ends at the last one.
    let mut last_good = start;
    for (offset, c) in text[start..].char_indices() {
        let ok = match c {
            '(' => {
                depth += 1;
                true
            }
            ')' if depth == 0 => false,
            ')' => {
                depth -= 1;
                true
            }
            _ => is_url_char(c),
        };
        if !ok {
            break;
        }
        if c == ')' || is_url_ending_char(c) {
            last_good = start + offset + c.len_utf8();
        }
    }
    last_good
}

fn is_url_char(c: char) -> bool {
    c.is_ascii_digit()
        || is_latin_letter(c)
        || is_cyrillic(c)
        || "!*';:=+,.$/%#[]-_~&|@?".contains(c)
}

fn is_url_ending_char(c: char) -> bool {
    c.is_ascii_digit() || is_latin_letter(c) || is_cyrillic(c) || "=_#/+-&".contains(c)
}
