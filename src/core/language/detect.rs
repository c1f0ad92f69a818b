//! Language detection: tokens of a customer's text scored against each language's tables.
//!
//! The score of a language is a naive-Bayes log-likelihood (log10) summed over the words of the text:
//! the word's frequency, plus 0.3 × the frequencies of its letter trigrams (trigrams of one word are far from
//! independent, so they count less), plus the frequency of each accented letter in it. Words and trigrams
//! are compared folded (no case, no accents), so "Tack for hjalpen" still finds Swedish; the accented
//! letters themselves (å ø ä ñ ł ã …) add their own evidence when present. What a language's table lacks
//! gets a fixed floor. The confidence is the top language's share of the softmax over all languages.

use super::model::{Model, Weights};
use super::SUPPORTED;
use crate::core::fold::fold_into;
use crate::core::length::url_spans;

/// The confidence from which a detection is worth acting on (choosing a variant). Below it the text is
/// too short or too mixed to tell (typically Danish against Norwegian on a few shared words).
pub const MIN_CONFIDENCE: f32 = 0.6;

/// Only the first words count: enough to be sure, and a long comment costs no more than a short one.
const MAX_WORDS: usize = 64;

/// Floors (log10 p) for what a language's table lacks.
const WORD_FLOOR: f32 = -5.0;
const GRAM_FLOOR: f32 = -4.0;
const LETTER_FLOOR: f32 = -6.0;
/// How much the trigrams of a word count against the word itself.
const GRAM_WEIGHT: f32 = 0.3;

/// A detected language.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Detection {
    /// One of [`SUPPORTED`].
    pub code: &'static str,
    /// 0–1: how much more likely this language is than all the others together (1/11 means no idea).
    pub confidence: f32,
}

/// The language of `text`, or `None` when there is nothing to go on: no word in Latin script once URLs,
/// @mentions, #hashtags, emoji and numbers are set aside (also the case for texts in Cyrillic, Greek, CJK …,
/// none of which [`SUPPORTED`] holds).
pub fn detect(text: &str) -> Option<Detection> {
    let words = words(text);
    if words.is_empty() {
        return None;
    }
    let model = Model::get();
    let mut scores = [0f32; SUPPORTED.len()];
    let mut folded = String::new();
    for word in &words {
        folded.clear();
        fold_into(word, &mut folded);
        add(&mut scores, model.word(&folded), WORD_FLOOR, 1.0);
        let padded = format!("_{folded}_");
        let chars: Vec<(usize, char)> = padded.char_indices().collect();
        for window in chars.windows(3) {
            let start = window[0].0;
            let end = window[2].0 + window[2].1.len_utf8();
            add(
                &mut scores,
                model.gram(&padded[start..end]),
                GRAM_FLOOR,
                GRAM_WEIGHT,
            );
        }
        for letter in word.chars().flat_map(char::to_lowercase) {
            if !letter.is_ascii() && letter.is_alphabetic() {
                add(&mut scores, model.letter(letter), LETTER_FLOOR, 1.0);
            }
        }
    }
    // Highest score; an exact tie goes to the language listed first.
    let mut best = 0;
    for (index, score) in scores.iter().enumerate() {
        if *score > scores[best] {
            best = index;
        }
    }
    let total: f32 = scores
        .iter()
        .map(|score| 10f32.powf(score - scores[best]))
        .sum();
    Some(Detection {
        code: SUPPORTED[best],
        confidence: 1.0 / total,
    })
}

/// Adds `scale` × log10 p of one feature to every language's score.
fn add(scores: &mut [f32; SUPPORTED.len()], weights: Option<&Weights>, floor: f32, scale: f32) {
    for (language, score) in scores.iter_mut().enumerate() {
        let log_p = match weights.map(|w| w[language]) {
            Some(quarters) if quarters > 0 => -f32::from(quarters) / 4.0,
            _ => floor,
        };
        *score += scale * log_p;
    }
}

/// The words of `text` that carry language: runs of letters, lowercased, outside URLs, @mentions and
/// #hashtags, split at digits, apostrophes and punctuation (so "j'ai" is "j" + "ai", "48213" nothing),
/// keeping only those with a Latin letter; at most [`MAX_WORDS`].
fn words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut at = 0;
    let mut pieces: Vec<&str> = Vec::new();
    for span in url_spans(text) {
        pieces.push(&text[at..span.start]);
        at = span.end;
    }
    pieces.push(&text[at..]);
    for piece in pieces {
        for chunk in piece.split_whitespace() {
            if chunk.starts_with(['@', '#', '＠', '＃']) {
                continue;
            }
            for word in chunk.split(|c: char| !c.is_alphabetic()) {
                if words.len() == MAX_WORDS {
                    return words;
                }
                if word.chars().any(is_latin_letter) {
                    words.push(word.to_lowercase());
                }
            }
        }
    }
    words
}

/// Letters of the Latin script: ASCII, Latin-1 Supplement, Latin Extended-A/B, Latin Extended Additional.
fn is_latin_letter(c: char) -> bool {
    c.is_alphabetic()
        && (c.is_ascii()
            || ('\u{C0}'..='\u{24F}').contains(&c)
            || ('\u{1E00}'..='\u{1EFF}').contains(&c))
}
