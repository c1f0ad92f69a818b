//! Whole words looked up in the index, for suggestions ([`crate::core::suggest`]): where a customer's
//! word, or another form of it, occurs.
//!
//! The picker's search matches what someone types as a substring; a customer's message needs the
//! opposite: its words are complete, often in another form than the reply's ("ordered" for "order",
//! "bestilte" for "bestilling"). Chunks are numbered in text order, so every chunk starting with a stem
//! of the word is one range found by binary search; how close each chunk's word is to the customer's
//! decides how much it counts. No stemmer (they are per language and large) and no extra table.

use std::ops::Range;

use super::fuzzy::{self, leading_word};
use super::lists::ListIter;
use super::rank::IN_TEXT;
use super::Index;

/// One form of a word: the chunks whose leading word it is (consecutive, as chunks are in text order:
/// "order", "order!", "order,"), and how close it is to the word looked up (1 = the word itself).
#[derive(Clone, Debug)]
pub(crate) struct Form {
    pub chunks: Range<u32>,
    pub closeness: f32,
}

/// Forms whose shared start is less than this share of the longer word are other words ("hvor" and
/// "hvordan", "where" and "how", share 4 of 7).
const MIN_CLOSENESS: f32 = 0.6;
/// How much a typo-corrected form counts, when no form shares the word's stem.
const CORRECTED_CLOSENESS: f32 = 0.6;
/// Bytes of a word that another form must share: 60 % of it, at least 4, at most 7 (long compounds
/// and derived words vary after that: "subscription" / "subscribe").
fn stem_len(word: &str) -> usize {
    let wanted = (word.len() * 3).div_ceil(5).clamp(4, 7).min(word.len());
    // Back to a character boundary.
    (0..=wanted)
        .rev()
        .find(|&at| word.is_char_boundary(at))
        .unwrap_or(0)
}

/// How close `form` is to `word` (both folded) as another form of it, 0 when it is another word:
/// the share of the longer one that their common start makes up, at least [`MIN_CLOSENESS`] and
/// covering `word`'s stem. Words of up to 3 bytes have no other forms. A `word` that starts `form`
/// counts as an abbreviation of it ("collab", "info").
fn closeness(word: &str, form: &[u8]) -> f32 {
    let bytes = word.as_bytes();
    if bytes == form {
        return 1.0;
    }
    if bytes.len() <= 3 {
        return 0.0;
    }
    let shared = form.iter().zip(bytes).take_while(|(a, b)| a == b).count();
    if shared < stem_len(word) {
        return 0.0;
    }
    let closeness = shared as f32 / form.len().max(bytes.len()) as f32;
    if shared == bytes.len() {
        return closeness.max(MIN_CLOSENESS);
    }
    if closeness >= MIN_CLOSENESS {
        closeness
    } else {
        0.0
    }
}

impl Index {
    /// The chunks holding `word` (folded, letters only) or a form of it as their leading word, into
    /// `forms`. Words of up to 3 bytes must match whole ("tea" is not "team"); longer ones match any
    /// word sharing their stem, closer the longer the shared start; a word with no such form is
    /// looked up with a typo corrected, as a whole word ("adress" → "address").
    pub(crate) fn forms_of(&self, word: &str, forms: &mut Vec<Form>, similar: &mut Vec<u32>) {
        forms.clear();
        let bytes = word.as_bytes();
        if bytes.len() <= 3 {
            for chunk in self.chunks.prefix_range(bytes) {
                if leading_word(self.chunks.text(chunk)) == bytes {
                    self.push_form(forms, chunk, 1.0);
                }
            }
            return;
        }
        for chunk in self.chunks.prefix_range(&bytes[..stem_len(word)]) {
            let closeness = closeness(word, leading_word(self.chunks.text(chunk)));
            if closeness > 0.0 {
                self.push_form(forms, chunk, closeness);
            }
        }
        let edits = fuzzy::allowed_edits(word);
        if forms.is_empty() && edits > 0 {
            fuzzy::similar_chunks(&self.chunks, bytes, edits, fuzzy::Compare::Word, similar);
            for &chunk in similar.iter() {
                self.push_form(forms, chunk as usize, CORRECTED_CLOSENESS);
            }
        }
    }

    /// Adds `chunk` to the last form when it directly follows it with the same leading word, else
    /// starts a new form.
    fn push_form(&self, forms: &mut Vec<Form>, chunk: usize, closeness: f32) {
        let chunk = chunk as u32;
        if let Some(last) = forms.last_mut() {
            let same_word = || {
                leading_word(self.chunks.text(last.chunks.start as usize))
                    == leading_word(self.chunks.text(chunk as usize))
            };
            if last.chunks.end == chunk && same_word() {
                last.chunks.end = chunk + 1;
                return;
            }
        }
        forms.push(Form {
            chunks: chunk..chunk + 1,
            closeness,
        });
    }

    /// Calls `visit(reply, fields)` for each reply holding `chunk`, with the fields it is in
    /// ([`super::rank`]'s `IN_*` bits).
    pub(crate) fn for_each_posting(&self, chunk: u32, mut visit: impl FnMut(usize, u8)) {
        let record = self.chunks.get(chunk as usize);
        for posting in ListIter::new(record.head) {
            visit((posting >> 4) as usize, (posting & 0xF) as u8);
        }
        match self.body_dense.get(chunk) {
            Some(bits) => {
                for (word_index, &word) in bits.iter().enumerate() {
                    let mut word = word;
                    while word != 0 {
                        visit(word_index * 64 + word.trailing_zeros() as usize, IN_TEXT);
                        word &= word - 1;
                    }
                }
            }
            None => {
                for reply in ListIter::new(record.body) {
                    visit(reply as usize, IN_TEXT);
                }
            }
        }
    }

    /// Words per text (body and each variant, averaged) of each reply, at most 255.
    pub(crate) fn text_words(&self) -> &[u8] {
        &self.text_words
    }
}
