//! Which language a customer wrote in, and which variant of a saved reply to answer with.
//!
//! - [`detect`]: a customer's comment or message → one of [`SUPPORTED`], with a confidence. Built for short
//!   texts ("Hvor er min pakke?", "gracias!!", "dzięki"): a naive-Bayes score over frequent words, letter
//!   trigrams and accented letters, from small tables (16 KB of text in `data/`, see its README).
//! - [`normalize_code`]: a site's or browser's language code (`de-DE`, X's `no`, `und`) → the codes used as
//!   variant keys in data format v1 (`de`, `nb`, `pt-br`), or `None` when it names no language.
//! - [`choose`] / [`languages_of`]: the body or variant of a reply that best fits the wanted language.
//!
//! Typical use in the picker: the site's own language tag of the message when it has one (X's `lang`),
//! else [`detect`] when confident, then [`choose`]:
//!
//! ```
//! use answerdeck::core::language::{choose, wanted_language};
//! use answerdeck::core::reply::Reply;
//!
//! let mut reply = Reply::new("r-1", "Where is my order", "Hi {first_name|there}, …");
//! reply.language = Some("en".into());
//! reply.variants.insert("da".into(), "Hej {first_name|med dig}, …".into());
//! let wanted = wanted_language("Hvor er min pakke?", None);
//! assert_eq!(wanted.as_deref(), Some("da"));
//! let choice = choose(&reply, wanted.as_deref());
//! assert_eq!(choice.template, "Hej {first_name|med dig}, …");
//! assert!(choice.matched);
//! ```

mod choose;
mod codes;
mod detect;
mod model;

pub use choose::{choose, languages_of, Choice, Match, NEIGHBOURS};
pub use codes::normalize_code;
pub use detect::{detect, Detection, MIN_CONFIDENCE};

/// The languages [`detect`] knows, in its tie-break order (an exact tie goes to the earlier one: Danish
/// before Norwegian for the Dano-Norwegian texts that are both).
pub const SUPPORTED: [&str; 11] = [
    "da", "de", "en", "es", "fr", "it", "nb", "nl", "pl", "pt", "sv",
];

/// The language to answer `text` in: the site's tag for it when that names a language (X's `lang`
/// attribute, already X's own detection), else [`detect`] when its confidence reaches [`MIN_CONFIDENCE`],
/// else `None` (use the reply's body).
pub fn wanted_language(text: &str, site_lang: Option<&str>) -> Option<String> {
    site_lang.and_then(normalize_code).or_else(|| {
        detect(text)
            .filter(|found| found.confidence >= MIN_CONFIDENCE)
            .map(|found| found.code.to_string())
    })
}

/// Bytes of detector tables embedded in the binary (reported by the tests against the size budget).
pub fn table_bytes() -> usize {
    model::table_bytes()
}
