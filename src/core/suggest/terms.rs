//! A customer's message → the words that can say what it is about.

use crate::core::fold::fold;

/// Words of a message taken into account: a long message repeats itself, and each word costs a
/// look-up. The first ones are kept: customers tend to start with what they want.
pub(super) const MAX_TERMS: usize = 100;

/// The distinct words of `text`, folded (case and accents removed), in order of first appearance.
/// A word is a run of letters and digits holding a letter ("v60" counts, "10482" does not: order
/// numbers, dates and prices say nothing about the topic). Single letters, emoji, punctuation and
/// [`FUNCTION_WORDS`] are left out.
pub(super) fn terms(text: &str) -> Vec<String> {
    let folded = fold(text);
    let mut terms: Vec<String> = Vec::new();
    for word in folded.split(|c: char| !c.is_alphanumeric()) {
        if terms.len() == MAX_TERMS {
            break;
        }
        let telling = word.chars().nth(1).is_some()
            && word.chars().any(char::is_alphabetic)
            && FUNCTION_WORDS.binary_search(&word).is_err();
        if telling && !terms.iter().any(|known| known == word) {
            terms.push(word.to_string());
        }
    }
    terms
}

/// Folded function words of the languages customers write in most (en, de, da, sv, nb, nl), sorted:
/// articles, pronouns, auxiliaries, prepositions and conjunctions. Rarity alone cannot tell them
/// apart in a small library ("can" may be in one title only, like "order" in five), and a title match
/// weighs a lot. Question words stay: titles are often questions ("Where is my order?").
const FUNCTION_WORDS: &[&str] = &[
    "ab", "about", "af", "al", "alle", "als", "am", "an", "and", "ar", "are", "as", "at", "att",
    "auch", "auf", "aus", "av", "be", "been", "bei", "bij", "bin", "bist", "ble", "blev", "blir",
    "bliver", "but", "by", "can", "could", "da", "dann", "das", "dat", "de", "dem", "den", "denn",
    "denne", "der", "dere", "deres", "des", "det", "detta", "dette", "di", "dich", "did", "die",
    "dig", "dir", "disse", "do", "does", "du", "een", "ein", "eine", "einen", "einer", "eller",
    "en", "er", "ere", "es", "et", "ett", "euch", "euer", "eure", "for", "fra", "fran", "from",
    "fur", "habe", "haben", "hadde", "hade", "han", "hans", "har", "has", "hat", "hatte", "havde",
    "have", "he", "heb", "hebt", "henne", "het", "hon", "hun", "i", "ich", "ihr", "ik", "ikke",
    "im", "in", "inte", "into", "is", "ist", "it", "its", "ja", "jag", "je", "jeg", "jer", "jeres",
    "jij", "jou", "jullie", "kan", "kann", "kannst", "kon", "konnen", "kunde", "kunne", "ma",
    "maa", "me", "med", "mein", "meine", "meinen", "men", "met", "mich", "mig", "mij", "min",
    "mine", "mir", "mit", "mitt", "my", "na", "naar", "nach", "ni", "nicht", "niet", "noch", "not",
    "nu", "och", "oder", "of", "og", "om", "on", "ons", "onze", "op", "or", "oss", "our", "pa",
    "sa", "se", "seg", "she", "sich", "sie", "sig", "sin", "sind", "sine", "sitt", "ska", "skal",
    "skulle", "so", "som", "te", "than", "that", "the", "their", "them", "then", "there", "these",
    "they", "this", "til", "till", "to", "und", "uns", "unser", "us", "van", "vart", "vi", "vil",
    "ville", "voor", "vor", "war", "we", "werden", "were", "will", "wir", "wird", "with", "would",
    "wurde", "you", "your", "zu", "zum", "zur",
];

#[cfg(test)]
mod tests {
    use super::terms;

    #[test]
    fn words_are_folded_distinct_and_without_numbers_emoji_or_function_words() {
        assert_eq!(
            terms("Wo ist meine Bestellung?? 😡 Bestellung #10482 vom 3.5., Größe L, V60"),
            ["wo", "bestellung", "vom", "grosse", "v60"]
        );
        assert_eq!(terms("Åbningstider i dag?"), ["abningstider", "dag"]);
        assert!(terms("😍😍 !!! 42").is_empty());
    }

    #[test]
    fn function_words_are_sorted_folded_and_distinct() {
        for pair in super::FUNCTION_WORDS.windows(2) {
            assert!(pair[0] < pair[1], "{pair:?}");
        }
        for word in super::FUNCTION_WORDS {
            assert_eq!(crate::core::fold::fold(word), *word);
        }
    }

    #[test]
    fn long_messages_keep_their_first_words() {
        // 676 distinct words: "qaa qab … qzz".
        let text: String = (b'a'..=b'z')
            .flat_map(|a| (b'a'..=b'z').map(move |b| format!("q{}{} ", a as char, b as char)))
            .collect();
        let found = terms(&text);
        assert_eq!(found.len(), super::MAX_TERMS);
        assert_eq!((found[0].as_str(), found[1].as_str()), ("qaa", "qab"));
    }
}
