//! The best replies for a customer's message: what the picker shows first when it opens on a comment
//! or a conversation, before anything is typed.
//!
//! Ranking, in order of strength:
//! 1. **Relevance** of the reply to the customer's words, BM25-style. Each word counts by its rarity in
//!    the library (inverse document frequency: "hi" in every reply weighs almost nothing; a tiny list
//!    of function words in [`terms`] is left out because a small library cannot show how common they
//!    are) and by where the reply has it: title 2, tag or shortcut 1.5, body or any language variant 1
//!    (less in a long text). Other forms of a word count by how much of it they share ("ordered" ~
//!    "order", "bestilte" ~ "bestilling"); a misspelled word is looked up with a typo corrected; both
//!    come from the search index's vocabulary, so no per-language stemmer is needed. Titles and tags
//!    count half when the customer writes another language than the reply's `language`: they match
//!    only by coincidence then.
//! 2. **Language**: replies with a body or variant in the customer's language count 25 % more.
//! 3. **Usage**: how often (log-damped) and how recently (14-day half-life) the reply was used lifts it
//!    by up to 35 %, and only among replies more than half as relevant as the best one, fully only at
//!    the top: usage reorders close candidates and never lifts a weak match over a strong one.
//!
//! Replies under a fifth of the best one's relevance, and all replies when the message has no telling
//! word (only emoji, or only words found everywhere), follow in the order of an empty picker with
//! history: favourites first, then by usage, then library order.
//!
//! Measured on tests/fixtures/suggest (58 replies in en/de/da, 69 messages in six languages): the
//! reply an agent would pick is first for 78 % of the messages and in the top 3 for 90 %.

mod terms;

use std::cmp::Ordering;

use crate::core::reply::Reply;
use crate::core::search::rank::{IN_SHORTCUT, IN_TAG, IN_TEXT, IN_TITLE};
use crate::core::search::{Form, Index};
use crate::core::usage::{Usage, UsageMap, DAY_MS};

/// The customer's message being answered.
#[derive(Clone, Copy, Debug, Default)]
pub struct Customer<'a> {
    pub text: &'a str,
    /// Language code of the text (`"de"`, `"pt-br"`), when known.
    pub language: Option<&'a str>,
}

/// BM25's term-frequency saturation and length normalisation, at their usual values.
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// How much a match counts in each head field, against 1 for the text (a title names what the reply
/// is for).
const TITLE_WEIGHT: f32 = 2.0;
const TAG_WEIGHT: f32 = 1.5;
const SHORTCUT_WEIGHT: f32 = 1.5;
/// How much head matches count when the customer writes another language than the reply's.
const FOREIGN_HEAD: f32 = 0.5;
/// How much the weaker of a reply's head and text matches of a word adds to the stronger.
const OTHER_FIELD: f32 = 0.3;
/// Replies in the customer's language count this much more.
const LANGUAGE_BOOST: f32 = 1.25;
/// The most usage can lift a reply's relevance (used often and just now).
const USAGE_BOOST: f32 = 0.35;
/// Usage only lifts replies at least this share as relevant as the best one, fully from twice as
/// far up (see [`usage_gate`]).
const USAGE_FROM_SHARE: f32 = 0.5;
/// Below this share of the best relevance, a reply is not listed as relevant.
const RELEVANT_SHARE: f32 = 0.2;
/// Below this, no reply is relevant: the message's matching words are all very common in the library
/// (a word in half the replies scores about 0.7).
const MIN_RELEVANCE: f32 = 0.5;
/// Recency halves every 14 days.
const HALF_LIFE_DAYS: f64 = 14.0;
/// Uses after which more hardly matter (frequency is `ln(1 + count) / ln(1 + this)`, at most 1).
const FREQUENT_USES: f32 = 100.0;

/// Positions in `replies` of the best replies for `customer`, best first, at most `limit`: the relevant
/// ones, then the rest in favourites-then-usage order (see the module docs). `index` must be built
/// from `replies`. The same inputs give the same order.
pub fn suggest(
    index: &Index,
    replies: &[Reply],
    usage: &UsageMap,
    customer: &Customer,
    now_ms: f64,
    limit: usize,
) -> Vec<usize> {
    let count = index.len().min(replies.len());
    if limit == 0 || count == 0 {
        return Vec::new();
    }
    let words = terms::terms(customer.text);
    // Titles and tags are in the reply's own language: for a customer writing another one they match
    // by coincidence ("sendt" and "Please send us a DM").
    let head_weights: Vec<f32> = replies[..count]
        .iter()
        .map(
            |reply| match (customer.language, reply.language.as_deref()) {
                (Some(customer), Some(reply))
                    if main_language(customer) != main_language(reply) =>
                {
                    FOREIGN_HEAD
                }
                _ => 1.0,
            },
        )
        .collect();
    let mut relevance = relevance(index, &words, &head_weights);
    if let Some(language) = customer.language {
        for (reply, score) in replies.iter().zip(relevance.iter_mut()) {
            if *score > 0.0 && speaks(reply, language) {
                *score *= LANGUAGE_BOOST;
            }
        }
    }
    let best = relevance.iter().copied().fold(0.0, f32::max);
    let use_of = |reply: usize| {
        if usage.is_empty() {
            return 0.0;
        }
        usage
            .get(&replies[reply].id)
            .map_or(0.0, |used| usage_score(used, now_ms))
    };

    let mut relevant: Vec<(f32, usize)> = Vec::new();
    let mut others: Vec<(bool, f32, usize)> = Vec::new();
    for (reply, &score) in relevance.iter().enumerate() {
        if best >= MIN_RELEVANCE && score >= RELEVANT_SHARE * best {
            let lift = USAGE_BOOST * use_of(reply) * usage_gate(score / best);
            relevant.push((score * (1.0 + lift), reply));
        } else {
            others.push((replies[reply].favorite, use_of(reply), reply));
        }
    }
    // Higher first; ties to library order. Scores are finite, so `total_cmp` is the usual order.
    let by_score = |a: &(f32, usize), b: &(f32, usize)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
    if limit < relevant.len() {
        relevant.select_nth_unstable_by(limit, by_score);
        relevant.truncate(limit);
    }
    relevant.sort_by(by_score);
    let mut order: Vec<usize> = relevant.into_iter().map(|(_, reply)| reply).collect();
    if order.len() < limit {
        let wanted = limit - order.len();
        let fallback = |a: &(bool, f32, usize), b: &(bool, f32, usize)| -> Ordering {
            b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2))
        };
        if wanted < others.len() {
            others.select_nth_unstable_by(wanted, fallback);
            others.truncate(wanted);
        }
        others.sort_by(fallback);
        order.extend(others.into_iter().map(|(.., reply)| reply));
    }
    order.truncate(limit);
    order
}

/// BM25-style relevance of each reply to the customer's `words`; `head_weights[reply]` scales the
/// reply's title, tag and shortcut matches.
///
/// Each form of a word ("order", "orders") counts by its own rarity (the replies holding it anywhere):
/// a rare exact word is not drowned by its common relatives. A reply scores the better of its head
/// (title, tags, shortcut) and text matches plus a little of the other; a word scores the best of its
/// forms. (Rarity per field, as if titles were their own index, was measured worse on the fixture
/// cases: a word in a single title, like "when" or "last", weighed far too much.)
fn relevance(index: &Index, words: &[String], head_weights: &[f32]) -> Vec<f32> {
    let count = head_weights.len();
    let mut relevance = vec![0.0f32; count];
    let text_words = &index.text_words()[..count];
    let average_words =
        (text_words.iter().map(|&w| f32::from(w)).sum::<f32>() / count as f32).max(1.0);
    let rarity = |frequency: usize| {
        let (documents, frequency) = (count as f32, frequency as f32);
        (1.0 + (documents - frequency + 0.5) / (frequency + 0.5)).ln()
    };
    // Fields each reply has the current form in, and those replies.
    let mut fields_of = vec![0u8; count];
    let mut holders: Vec<usize> = Vec::new();
    // The current word's best score per reply, and those replies.
    let mut word_score = vec![0.0f32; count];
    let mut scored: Vec<usize> = Vec::new();
    let (mut forms, mut similar): (Vec<Form>, Vec<u32>) = (Vec::new(), Vec::new());
    for word in words {
        index.forms_of(word, &mut forms, &mut similar);
        for form in &forms {
            for chunk in form.chunks.clone() {
                index.for_each_posting(chunk, |reply, fields| {
                    if reply < count {
                        if fields_of[reply] == 0 {
                            holders.push(reply);
                        }
                        fields_of[reply] |= fields;
                    }
                });
            }
            let rarity = rarity(holders.len());
            for &reply in &holders {
                let fields = fields_of[reply];
                let head = head_weight(fields) * rarity * head_weights[reply];
                let text = if fields & IN_TEXT != 0 {
                    // BM25's term frequency part for one occurrence, less in a long text.
                    let length = 1.0 - B + B * f32::from(text_words[reply]) / average_words;
                    rarity * (K1 + 1.0) / (1.0 + K1 * length)
                } else {
                    0.0
                };
                let score = form.closeness * (head.max(text) + OTHER_FIELD * head.min(text));
                if word_score[reply] == 0.0 {
                    scored.push(reply);
                }
                word_score[reply] = word_score[reply].max(score);
                fields_of[reply] = 0;
            }
            holders.clear();
        }
        for &reply in &scored {
            relevance[reply] += word_score[reply];
            word_score[reply] = 0.0;
        }
        scored.clear();
    }
    relevance
}

/// The weight of a match in the best of `fields` outside the text (0 when only in the text).
fn head_weight(fields: u8) -> f32 {
    if fields & IN_TITLE != 0 {
        TITLE_WEIGHT
    } else if fields & IN_TAG != 0 {
        TAG_WEIGHT
    } else if fields & IN_SHORTCUT != 0 {
        SHORTCUT_WEIGHT
    } else {
        0.0
    }
}

/// Whether `reply` has a body or variant in `language`, comparing the main language only (a `pt-br`
/// customer is served by `pt`, and the other way round).
fn speaks(reply: &Reply, language: &str) -> bool {
    let wanted = main_language(language);
    !wanted.is_empty()
        && reply
            .language
            .iter()
            .chain(reply.variants.keys())
            .any(|code| main_language(code) == wanted)
}

/// The main language of a code: `"pt"` for `"pt-BR"`.
fn main_language(code: &str) -> String {
    code.split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// How much `used` speaks for a reply now, 0 to 1: half how often (log-damped), half how recently
/// (halving every [`HALF_LIFE_DAYS`]).
fn usage_score(used: &Usage, now_ms: f64) -> f32 {
    if used.count == 0 {
        return 0.0;
    }
    let often = ((1.0 + used.count as f32).ln() / (1.0 + FREQUENT_USES).ln()).min(1.0);
    let recently = if used.last_used_ms > 0.0 {
        let days = ((now_ms - used.last_used_ms) / DAY_MS).max(0.0);
        (-days / HALF_LIFE_DAYS).exp2() as f32
    } else {
        0.0
    };
    0.5 * often + 0.5 * recently
}

/// How much usage may lift a reply with `share` of the best relevance: nothing up to
/// [`USAGE_FROM_SHARE`], fully at the top.
fn usage_gate(share: f32) -> f32 {
    ((share - USAGE_FROM_SHARE) / (1.0 - USAGE_FROM_SHARE)).clamp(0.0, 1.0)
}
