//! 30,000 synthetic replies, deterministic so runs are comparable: shared by the criterion benchmarks
//! (`benches/core/`) and the percentile report (`tests/core_search_bench.rs`), each including this file
//! with `#[path]`. Keep `synthetic_library` unchanged so index size and build time stay comparable
//! across versions.
#![allow(dead_code)] // each includer uses a part

use answerdeck::core::reply::Reply;

/// Small deterministic generator (xorshift), so runs are comparable without a `rand` dependency.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Skewed towards small indexes, like word frequencies in real text.
    pub fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((u * u * u) * n as f64) as usize
    }
}

const SYLLABLES: &[&str] = &[
    "ba", "ke", "lo", "mi", "nu", "ra", "se", "ti", "vo", "za", "or", "der", "ship", "ment", "ing",
    "ver", "sand", "lie", "fe", "rung", "pa", "ket", "tak", "hej", "für", "grå", "øl", "née",
    "ção", "ñe", "ł", "ş", "ő", "tion", "st", "an", "en", "qu", "x", "y",
];

const COMMON: &[&str] = &[
    "the",
    "and",
    "you",
    "your",
    "for",
    "order",
    "thanks",
    "please",
    "we",
    "our",
    "is",
    "to",
    "a",
    "in",
    "of",
    "hi",
    "hello",
    "shipping",
    "delivery",
    "refund",
    "return",
    "account",
    "password",
    "help",
    "team",
    "sorry",
    "Danke",
    "Bestellung",
    "tak",
    "hej",
    "merci",
    "commande",
    "gracias",
    "pedido",
];

fn vocabulary(rng: &mut Rng) -> Vec<String> {
    let mut words: Vec<String> = COMMON.iter().map(|w| w.to_string()).collect();
    while words.len() < 8_000 {
        let syllables = 1 + rng.below(4);
        let word: String = (0..syllables)
            .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
            .collect();
        words.push(word);
    }
    words
}

fn sentence(rng: &mut Rng, words: &[String], count: usize) -> String {
    let mut out = String::new();
    for i in 0..count {
        if i > 0 {
            out.push(' ');
        }
        let word = &words[rng.skewed(words.len())];
        if i == 0 || rng.below(12) == 0 {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push_str(word);
        }
        match rng.below(20) {
            0 => out.push(','),
            1 => out.push('.'),
            2 => out.push_str(&format!(" #{}", rng.below(100_000))),
            _ => {}
        }
    }
    out
}

pub fn synthetic_library(count: usize) -> Vec<Reply> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let words = vocabulary(&mut rng);
    let tags: Vec<String> = (0..60).map(|i| format!("{}-{i}", words[i + 10])).collect();
    (0..count)
        .map(|i| {
            let title_words = 2 + rng.below(5);
            let body_words = 30 + rng.below(60);
            let mut reply = Reply::new(
                format!("r-{i}"),
                sentence(&mut rng, &words, title_words),
                format!(
                    "Hi {{first_name|there}}, {}",
                    sentence(&mut rng, &words, body_words)
                ),
            );
            if rng.below(3) == 0 {
                let variant = sentence(&mut rng, &words, body_words);
                reply.variants.insert("de".into(), variant);
            }
            for _ in 0..rng.below(4) {
                reply.tags.push(tags[rng.below(tags.len())].clone());
            }
            if rng.below(5) < 2 {
                reply.shortcut = Some(format!("{}{i}", &words[rng.below(200)]));
            }
            reply.favorite = rng.below(20) == 0;
            reply
        })
        .collect()
}
