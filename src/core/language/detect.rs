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
use crate::core::length::{is_latin_letter, url_spans};

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
    let scores = Model::with(|model| score(model, &words));
    // Highest score; an exact tie goes to the language listed first.
    let mut best = 0;
    for (index, score) in scores.iter().enumerate() {
        if *score > scores[best] {
            best = index;
        }
    }
    let total: f32 = scores.iter().map(|score| pow10(score - scores[best])).sum();
    Some(Detection {
        code: SUPPORTED[best],
        confidence: 1.0 / total,
    })
}

/// Each language's log10-likelihood of `words`.
fn score(model: &Model, words: &[String]) -> [f32; SUPPORTED.len()] {
    let mut scores = [0f32; SUPPORTED.len()];
    let mut folded = String::new();
    for word in words {
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
        for letter in word.chars() {
            if !letter.is_ascii() {
                add(&mut scores, model.letter(letter), LETTER_FLOOR, 1.0);
            }
        }
    }
    scores
}

/// 10^x for x ≤ 0, to 5 significant digits: enough for a confidence, and without `powf`, whose libm
/// implementation would add 1.6 KB to the content-script wasm.
fn pow10(x: f32) -> f32 {
    let y = x * std::f32::consts::LOG2_10;
    if y < -126.0 {
        return 0.0;
    }
    // y = whole + f with whole an integer and -0.5 ≤ f < 0.5, so the series for 2^f converges fast.
    let whole = (y + 0.5).floor();
    let f = y - whole;
    let two_f = 1.0
        + f * (std::f32::consts::LN_2
            + f * (0.240_226_5 + f * (0.055_504_1 + f * (0.009_618_1 + f * 0.001_333_4))));
    // 2^whole (an integer in -126..=0) by building the float's exponent bits.
    two_f * f32::from_bits(((whole as i32 + 127) as u32) << 23)
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

/// The words of `text` that carry language: runs of Latin letters, lowercased, outside URLs, @mentions and
/// #hashtags, split at everything else (so "j'ai" is "j" + "ai", "48213" and "谢谢" nothing); at most
/// [`MAX_WORDS`].
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
            for word in chunk.split(|c: char| !is_latin_letter(c)) {
                if words.len() == MAX_WORDS {
                    return words;
                }
                if !word.is_empty() {
                    words.push(word.to_lowercase());
                }
            }
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::pow10;

    #[test]
    fn pow10_matches_powf_where_confidences_live() {
        let mut x = 0.0f32;
        while x > -30.0 {
            let expected = 10f32.powf(x);
            let error = (pow10(x) - expected).abs();
            assert!(
                error <= expected * 2e-5 + 1e-38,
                "10^{x}: {} vs {expected}",
                pow10(x)
            );
            x -= 0.013;
        }
        assert_eq!(pow10(-100.0), 0.0);
        assert_eq!(pow10(0.0), 1.0);
    }
}
