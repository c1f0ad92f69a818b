//! Which text of a saved reply (its body or one of its language variants) fits the wanted language.

use super::normalize_code;
use crate::core::reply::Reply;

/// Languages whose readers understand another well enough that its variant beats the body, in order of
/// preference. Only the Scandinavian continuum qualifies: written Danish and Norwegian Bokmål are mutually
/// readable almost word for word (Bokmål grew out of written Danish), Nynorsk readers read Bokmål daily,
/// and Swedish is read by both with a little more effort (and reads Norwegian more easily than Danish).
/// Spanish and Portuguese, say, are not in it: a Portuguese customer answered in Spanish feels unheard,
/// so the body (often English) is the better fallback there.
pub const NEIGHBOURS: [(&str, &[&str]); 4] = [
    ("da", &["nb", "sv"]),
    ("nb", &["da", "nn", "sv"]),
    ("nn", &["nb", "da", "sv"]),
    ("sv", &["nb", "da"]),
];

/// How the chosen text relates to the wanted language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Match {
    /// In exactly the wanted language (`pt-br` for `pt-br`).
    Exact,
    /// The same language in another region or without one (`pt` or `pt-pt` for `pt-br`; `pt-br` for `pt`).
    SameLanguage,
    /// A language the customer reads well, from [`NEIGHBOURS`] (`da` for `nb`).
    Neighbour,
    /// No fit (or nothing wanted): the body.
    Default,
}

/// The text chosen for a reply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice<'a> {
    /// The language of `template` as stored in the reply (`None`: the body, whose language is not set).
    pub language: Option<String>,
    /// The body or a variant, a template still to render.
    pub template: &'a str,
    /// Whether `template` is in the wanted language ([`Match::Exact`] or [`Match::SameLanguage`]); false for
    /// a neighbour or the default, so the picker can say "no Norwegian version, using Danish".
    pub matched: bool,
    pub how: Match,
}

/// The languages a reply is available in: the body's language first (if set), then the variant keys in
/// order, each once.
pub fn languages_of(reply: &Reply) -> Vec<String> {
    let mut languages: Vec<String> = reply.language.iter().cloned().collect();
    for code in reply.variants.keys() {
        if !languages.contains(code) {
            languages.push(code.clone());
        }
    }
    languages
}

/// The body or variant of `reply` for `wanted` (any tag [`normalize_code`] accepts, e.g. `de-DE` or X's
/// `no`): exact language, else the same language in another region, else a [`NEIGHBOURS`] language, else the
/// body. Never fails: malformed codes in the reply or in `wanted` simply do not match.
pub fn choose<'a>(reply: &'a Reply, wanted: Option<&str>) -> Choice<'a> {
    let default = Choice {
        language: reply.language.clone(),
        template: &reply.body,
        matched: false,
        how: Match::Default,
    };
    let Some(wanted) = wanted.and_then(normalize_code) else {
        return default;
    };
    // (stored code, normalized code, text), body first.
    let candidates: Vec<(&'a str, String, &'a str)> = reply
        .language
        .iter()
        .map(|code| (code.as_str(), reply.body.as_str()))
        .chain(
            reply
                .variants
                .iter()
                .map(|(code, text)| (code.as_str(), text.as_str())),
        )
        .filter_map(|(code, text)| Some((code, normalize_code(code)?, text)))
        .collect();
    let pick = |code: &str, how: Match| Choice {
        language: Some(code.to_string()),
        template: candidates
            .iter()
            .find(|(stored, _, _)| *stored == code)
            .map_or(reply.body.as_str(), |(_, _, text)| text),
        matched: matches!(how, Match::Exact | Match::SameLanguage),
        how,
    };
    if let Some(code) = find_language(&candidates, &wanted) {
        let exact = candidates
            .iter()
            .any(|(stored, normalized, _)| *stored == code && *normalized == wanted);
        return pick(
            code,
            if exact {
                Match::Exact
            } else {
                Match::SameLanguage
            },
        );
    }
    let neighbours = NEIGHBOURS
        .iter()
        .find(|(language, _)| *language == base(&wanted))
        .map_or(&[][..], |(_, neighbours)| *neighbours);
    for neighbour in neighbours {
        if let Some(code) = find_language(&candidates, neighbour) {
            return pick(code, Match::Neighbour);
        }
    }
    default
}

/// The stored code of the candidate in `wanted`'s language: exact, then the bare language (`pt` for `pt-br`),
/// then the first with the same language and any region.
fn find_language<'a>(candidates: &[(&'a str, String, &'a str)], wanted: &str) -> Option<&'a str> {
    let wanted_base = base(wanted);
    let found = |test: &dyn Fn(&str) -> bool| {
        candidates
            .iter()
            .find(|(_, normalized, _)| test(normalized))
            .map(|(stored, _, _)| *stored)
    };
    found(&|code| code == wanted)
        .or_else(|| found(&|code| code == wanted_base))
        .or_else(|| found(&|code| base(code) == wanted_base))
}

/// `pt-br` → `pt`.
fn base(code: &str) -> &str {
    code.split('-').next().unwrap_or(code)
}
