//! The detector's tables: `data/<code>.txt`, parsed once into lookups keyed by word, trigram or letter.
//!
//! A table line is `<kind><q> item item …` with kind `w` (word), `g` (trigram) or `l` (letter) and
//! log10 p = -q/4 for each item in that language. Everything else (comments, blank lines) is skipped.

use std::collections::BTreeMap;
use std::sync::OnceLock;

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
    letters: Vec<(char, Weights)>,
}

impl Model {
    /// The model, parsed on first use (well under a millisecond; the tables are ~16 KB of text).
    pub fn get() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| Model::parse(&TABLES))
    }

    fn parse(tables: &[&'static str; LANGUAGES]) -> Model {
        let mut words: BTreeMap<&'static str, Weights> = BTreeMap::new();
        let mut grams: BTreeMap<&'static str, Weights> = BTreeMap::new();
        let mut letters: BTreeMap<char, Weights> = BTreeMap::new();
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
                        Some('w') => {
                            words.entry(item).or_insert([0; LANGUAGES])[language] = quarters
                        }
                        Some('g') => {
                            grams.entry(item).or_insert([0; LANGUAGES])[language] = quarters
                        }
                        Some('l') => {
                            if let Some(letter) = item.chars().next() {
                                letters.entry(letter).or_insert([0; LANGUAGES])[language] =
                                    quarters;
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
        Model {
            words: words.into_iter().collect(),
            grams: grams.into_iter().collect(),
            letters: letters.into_iter().collect(),
        }
    }

    pub fn word(&self, word: &str) -> Option<&Weights> {
        lookup(&self.words, word)
    }

    pub fn gram(&self, gram: &str) -> Option<&Weights> {
        lookup(&self.grams, gram)
    }

    pub fn letter(&self, letter: char) -> Option<&Weights> {
        self.letters
            .binary_search_by_key(&letter, |(key, _)| *key)
            .ok()
            .map(|at| &self.letters[at].1)
    }
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
