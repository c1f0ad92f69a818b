//! The detector's tables: `data/<code>.txt`, parsed once into lookups keyed by word, trigram or letter.
//!
//! A table line is `<kind><q> item item …` with kind `w` (word), `g` (trigram) or `l` (letter) and
//! log10 p = -q/4 for each item in that language. Everything else (comments, blank lines) is skipped.
//!
//! Sorted vectors and a `thread_local!` rather than maps and `OnceLock`: this code ships in the content
//! script, and those cost several KB of wasm each for nothing a few thousand sorted entries need.

use super::SUPPORTED;

const LANGUAGES: usize = SUPPORTED.len();

/// The tables, in [`SUPPORTED`] order.
const TABLES: [&str; LANGUAGES] = [
    include_str!("data/da.txt"),
    include_str!("data/de.txt"),
    include_str!("data/en.txt"),
    include_str!("data/es.txt"),
    include_str!("data/fr.txt"),
    include_str!("data/it.txt"),
    include_str!("data/nb.txt"),
    include_str!("data/nl.txt"),
    include_str!("data/pl.txt"),
    include_str!("data/pt.txt"),
    include_str!("data/sv.txt"),
];

/// Quarter-units of -log10 p per language; 0 = not in that language's table.
pub type Weights = [u8; LANGUAGES];

/// The parsed tables. Keys are sorted for binary search.
pub struct Model {
    words: Vec<(&'static str, Weights)>,
    grams: Vec<(&'static str, Weights)>,
    letters: Vec<(&'static str, Weights)>,
}

thread_local! {
    /// Parsed on first use (well under a millisecond; the tables are ~18 KB of text). Per thread natively;
    /// the wasm builds have one thread.
    static MODEL: Model = Model::parse(&TABLES);
}

impl Model {
    /// Runs `f` with the model.
    pub fn with<T>(f: impl FnOnce(&Model) -> T) -> T {
        MODEL.with(f)
    }

    fn parse(tables: &[&'static str; LANGUAGES]) -> Model {
        // (key, language, quarters) for every item, then merged per key.
        let mut words: Vec<(&'static str, usize, u8)> = Vec::new();
        let mut grams: Vec<(&'static str, usize, u8)> = Vec::new();
        let mut letters: Vec<(&'static str, usize, u8)> = Vec::new();
        for (language, table) in tables.iter().enumerate() {
            for line in table.lines() {
                let Some((head, items)) = line.split_once(' ') else {
                    continue;
                };
                let mut head_chars = head.chars();
                let kind = head_chars.next();
                let Ok(quarters) = head_chars.as_str().parse::<u8>() else {
                    continue;
                };
                for item in items.split_whitespace() {
                    match kind {
                        Some('w') => words.push((item, language, quarters)),
                        Some('g') => grams.push((item, language, quarters)),
                        Some('l') => letters.push((item, language, quarters)),
                        _ => {}
                    }
                }
            }
        }
        Model {
            words: merge(words),
            grams: merge(grams),
            letters: merge(letters),
        }
    }

    pub fn word(&self, word: &str) -> Option<&Weights> {
        lookup(&self.words, word)
    }

    pub fn gram(&self, gram: &str) -> Option<&Weights> {
        lookup(&self.grams, gram)
    }

    pub fn letter(&self, letter: char) -> Option<&Weights> {
        // Letters are kept as one-character strings: one sorted-lookup routine in the wasm instead of two.
        lookup(&self.letters, letter.encode_utf8(&mut [0; 4]))
    }
}

/// Sorts `items` by key and gathers each key's weights.
fn merge<K: Ord + Copy>(mut items: Vec<(K, usize, u8)>) -> Vec<(K, Weights)> {
    items.sort_unstable_by_key(|item| item.0);
    let mut merged: Vec<(K, Weights)> = Vec::new();
    for (key, language, quarters) in items {
        match merged.last_mut() {
            Some((last, weights)) if *last == key => weights[language] = quarters,
            _ => {
                let mut weights = [0; LANGUAGES];
                weights[language] = quarters;
                merged.push((key, weights));
            }
        }
    }
    merged
}

fn lookup<'m>(table: &'m [(&'static str, Weights)], key: &str) -> Option<&'m Weights> {
    table
        .binary_search_by(|(entry, _)| (*entry).cmp(key))
        .ok()
        .map(|at| &table[at].1)
}

/// Bytes of table text embedded in the binary.
pub fn table_bytes() -> usize {
    TABLES.iter().map(|table| table.len()).sum()
}
