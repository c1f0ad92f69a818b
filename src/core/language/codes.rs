//! Language codes from sites, browsers and imports → the codes variant keys use (data format v1).

/// Three-letter ISO 639-2 codes of common languages → their two-letter codes (imports from other tools
/// sometimes use them; `nor` is Norwegian, which we read as Bokmål like `no`).
const THREE_LETTER: [(&str, &str); 24] = [
    ("dan", "da"),
    ("deu", "de"),
    ("ger", "de"),
    ("eng", "en"),
    ("spa", "es"),
    ("fra", "fr"),
    ("fre", "fr"),
    ("ita", "it"),
    ("nob", "nb"),
    ("nor", "nb"),
    ("nno", "nn"),
    ("nld", "nl"),
    ("dut", "nl"),
    ("pol", "pl"),
    ("por", "pt"),
    ("swe", "sv"),
    ("fin", "fi"),
    ("isl", "is"),
    ("ice", "is"),
    ("ces", "cs"),
    ("cze", "cs"),
    ("tur", "tr"),
    ("rus", "ru"),
    ("ukr", "uk"),
];

/// Deprecated two-letter codes some sites still send (X uses `in` and `iw`) → current ones.
const RENAMED: [(&str, &str); 6] = [
    ("no", "nb"),
    ("iw", "he"),
    ("in", "id"),
    ("ji", "yi"),
    ("jw", "jv"),
    ("mo", "ro"),
];

/// Codes that name no language: undetermined, no linguistic content, multiple, uncoded.
const NO_LANGUAGE: [&str; 4] = ["und", "zxx", "mul", "mis"];

/// A region that is the language's home adds nothing: `de-DE` is simply `de`.
const HOME_REGIONS: [&str; 11] = [
    "da-dk", "de-de", "en-us", "es-es", "fr-fr", "it-it", "nb-no", "nl-nl", "pl-pl", "pt-pt",
    "sv-se",
];

/// Turns a site's, browser's or file's language tag into a variant key, or `None` when it names no
/// language.
///
/// - Case and `_` are forgiven: `de_DE`, `DE-de` → `de`.
/// - The language's home region is dropped (`de-DE` → `de`, `pt-PT` → `pt`, `en-US` → `en`); another
///   region is kept (`pt-BR` → `pt-br`, `de-AT` → `de-at`, `es-419` → `es-419`); a script wins over a region
///   (`zh-Hant-TW` → `zh-hant`, `sr-Latn-RS` → `sr-latn`), and Chinese regions become scripts
///   (`zh-CN` → `zh-hans`, `zh-TW` → `zh-hant`). Variants, extensions and private-use parts are dropped.
///   [`choose`](super::choose) falls back from `de-at` to `de` and back, so keeping a region never loses a
///   match.
/// - Norwegian `no` (X's tag for it) → `nb`; X's `in` and `iw` → `id` and `he`; ISO 639-2 codes of common
///   languages → two letters (`deu` → `de`).
/// - `und`, `zxx`, `mul`, `mis`, the private-use range `qaa`–`qtz` (X's `qme`, `qht`, `qam`, `qct`, `qst`
///   for posts that are only media, hashtags, mentions, cashtags or too short), and anything that is not a
///   language tag → `None`.
///
/// Every code returned passes [`crate::core::reply::is_language_code`].
pub fn normalize_code(code: &str) -> Option<String> {
    let code = code.trim().replace('_', "-").to_ascii_lowercase();
    let mut subtags = code.split('-');
    let primary = subtags.next()?;
    if !(2..=3).contains(&primary.len()) || !primary.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    if NO_LANGUAGE.contains(&primary) || ("qaa"..="qtz").contains(&primary) {
        return None;
    }
    let primary = lookup(&RENAMED, primary)
        .or_else(|| lookup(&THREE_LETTER, primary))
        .unwrap_or(primary);
    let mut script = None;
    let mut region = None;
    for subtag in subtags {
        let letters = subtag.bytes().all(|b| b.is_ascii_lowercase());
        let digits = subtag.bytes().all(|b| b.is_ascii_digit());
        match subtag.len() {
            4 if letters && script.is_none() && region.is_none() => script = Some(subtag),
            2 if letters && region.is_none() => region = Some(subtag),
            3 if digits && region.is_none() => region = Some(subtag),
            // An extlang (`zh-yue`) or a variant: skip. A singleton starts extensions or private use: stop.
            1 => break,
            _ => {}
        }
    }
    if primary == "zh" && script.is_none() {
        script = match region {
            Some("cn" | "sg" | "my") => Some("hans"),
            Some("tw" | "hk" | "mo") => Some("hant"),
            _ => None,
        };
    }
    let normalized = match (script, region) {
        (Some(script), _) => format!("{primary}-{script}"),
        (None, Some(region)) => format!("{primary}-{region}"),
        (None, None) => primary.to_string(),
    };
    if HOME_REGIONS.contains(&normalized.as_str()) {
        return Some(primary.to_string());
    }
    Some(normalized)
}

fn lookup(table: &[(&'static str, &'static str)], key: &str) -> Option<&'static str> {
    table
        .iter()
        .find(|(from, _)| *from == key)
        .map(|(_, to)| *to)
}
