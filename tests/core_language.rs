//! Language detection (accuracy on real-looking customer messages, with a confusion summary), language
//! codes from sites, and the choice of a reply's variant.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use answerdeck::core::language::{
    choose, detect, languages_of, normalize_code, table_bytes, wanted_language, Choice, Match,
    MIN_CONFIDENCE, NEIGHBOURS, SUPPORTED,
};
use answerdeck::core::reply::{is_language_code, Reply};

/// (expected code, message) from `tests/fixtures/language/<code>.txt`.
fn fixtures() -> Vec<(&'static str, String)> {
    fixtures_in("tests/fixtures/language")
}

/// The same from `dir` (relative to the crate).
fn fixtures_in(dir: &str) -> Vec<(&'static str, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut messages = Vec::new();
    for code in SUPPORTED {
        let text = fs::read_to_string(dir.join(format!("{code}.txt")))
            .unwrap_or_else(|e| panic!("fixture {code}.txt: {e}"));
        for line in text.lines() {
            if !line.trim().is_empty() && !line.starts_with('#') {
                messages.push((code, line.to_string()));
            }
        }
    }
    messages
}

/// Words as a person counts them: whitespace-separated pieces with a letter, not @mentions, #hashtags, links.
fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .filter(|w| !w.starts_with(['@', '#']) && !w.starts_with("http") && !w.starts_with("www."))
        .count()
}

fn detected(text: &str) -> Option<&'static str> {
    detect(text).map(|d| d.code)
}

#[derive(Default)]
struct Tally {
    right: usize,
    total: usize,
}

impl Tally {
    fn add(&mut self, right: bool) {
        self.total += 1;
        self.right += usize::from(right);
    }
    fn rate(&self) -> f64 {
        self.right as f64 / self.total.max(1) as f64
    }
    fn show(&self) -> String {
        format!(
            "{:5.1} % ({}/{})",
            100.0 * self.rate(),
            self.right,
            self.total
        )
    }
}

// ---- accuracy on the fixture set ----

#[test]
fn fixture_set_is_big_enough_and_one_third_short() {
    let messages = fixtures();
    for code in SUPPORTED {
        let mine: Vec<&String> = messages
            .iter()
            .filter(|(c, _)| *c == code)
            .map(|(_, t)| t)
            .collect();
        let short = mine.iter().filter(|t| word_count(t) <= 4).count();
        assert!(mine.len() >= 25, "{code}: only {} messages", mine.len());
        assert!(
            3 * short >= mine.len(),
            "{code}: only {short} of {} are ≤ 4 words",
            mine.len()
        );
    }
}

#[test]
fn accuracy_on_customer_messages() {
    let messages = fixtures();
    let mut overall = Tally::default();
    let mut short = Tally::default();
    let mut long = Tally::default();
    let mut per_language: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut per_language_short: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut confusion: BTreeMap<(&str, &str), Vec<String>> = BTreeMap::new();
    let mut confidence_right = Vec::new();
    let mut confidence_wrong = Vec::new();
    for (expected, text) in &messages {
        let found = detect(text);
        let code = found.map_or("none", |d| d.code);
        let right = code == *expected;
        overall.add(right);
        per_language.entry(expected).or_default().add(right);
        if word_count(text) <= 4 {
            short.add(right);
            per_language_short.entry(expected).or_default().add(right);
        } else {
            long.add(right);
        }
        if let Some(found) = found {
            if right {
                confidence_right.push(found.confidence);
            } else {
                confidence_wrong.push(found.confidence);
            }
        }
        if !right {
            confusion
                .entry((expected, code))
                .or_default()
                .push(text.clone());
        }
    }
    println!("language detection on {} fixture messages", overall.total);
    println!("  overall           {}", overall.show());
    println!("  ≤ 4 words         {}", short.show());
    println!("  longer            {}", long.show());
    for (code, tally) in &per_language {
        println!(
            "  {code}  all {}   short {}",
            tally.show(),
            per_language_short[code].show()
        );
    }
    let mean = |v: &[f32]| v.iter().sum::<f32>() / v.len().max(1) as f32;
    println!(
        "  mean confidence: right {:.2}, wrong {:.2}; wrong with confidence ≥ {MIN_CONFIDENCE}: {}",
        mean(&confidence_right),
        mean(&confidence_wrong),
        confidence_wrong
            .iter()
            .filter(|c| **c >= MIN_CONFIDENCE)
            .count()
    );
    println!("  acting only from a confidence of:");
    for threshold in [0.5, 0.6, 0.7, 0.8, 0.9] {
        let acted_right = confidence_right.iter().filter(|c| **c >= threshold).count();
        let acted_wrong = confidence_wrong.iter().filter(|c| **c >= threshold).count();
        let acted = acted_right + acted_wrong;
        println!(
            "    {threshold:.1}: acts on {:5.1} % of messages, {:5.1} % of those right",
            100.0 * acted as f64 / overall.total as f64,
            100.0 * acted_right as f64 / acted.max(1) as f64
        );
    }
    println!("  confusions (expected → detected):");
    for ((expected, got), texts) in &confusion {
        println!("    {expected} → {got}: {}  {texts:?}", texts.len());
    }
    assert!(
        overall.rate() >= 0.90,
        "overall accuracy {}",
        overall.show()
    );
    for (code, tally) in &per_language {
        assert!(tally.rate() >= 0.80, "{code}: accuracy {}", tally.show());
    }
}

/// Messages written after the tables were built and never used to choose anything: a check that the
/// figures above are not an artefact of tuning.
#[test]
fn accuracy_on_held_out_messages() {
    let messages = fixtures_in("tests/fixtures/language/holdout");
    let mut tally = Tally::default();
    let mut misses = Vec::new();
    for (expected, text) in &messages {
        let code = detected(text).unwrap_or("none");
        tally.add(code == *expected);
        if code != *expected {
            misses.push(format!("{expected} → {code}: {text}"));
        }
    }
    println!(
        "held-out messages: {}\n  {}",
        tally.show(),
        misses.join("\n  ")
    );
    assert!(tally.rate() >= 0.85, "held-out accuracy {}", tally.show());
}

#[test]
fn short_examples_from_the_brief() {
    assert_eq!(detected("Hvor er min pakke?"), Some("da"));
    assert_eq!(detected("Wo bleibt meine Bestellung"), Some("de"));
    assert_eq!(detected("Tack för hjälpen!"), Some("sv"));
    assert_eq!(detected("Dank je wel"), Some("nl"));
    assert_eq!(detected("gracias!!"), Some("es"));
    assert_eq!(detected("dzięki"), Some("pl"));
}

#[test]
fn distinctive_letters_decide_single_words() {
    assert_eq!(detected("Größe"), Some("de"));
    assert_eq!(detected("łódź"), Some("pl"));
    assert_eq!(detected("señor"), Some("es"));
    assert_eq!(detected("não"), Some("pt"));
    assert_eq!(detected("hjælp"), Some("da"));
    assert_eq!(detected("beställning"), Some("sv"));
    assert_eq!(detected("bijvoorbeeld"), Some("nl"));
    assert_eq!(detected("perché"), Some("it"));
    assert_eq!(detected("garçon"), Some("fr"));
}

#[test]
fn case_and_missing_accents_do_not_matter() {
    for (text, code) in [
        ("GRACIAS!!", "es"),
        ("Tack for hjalpen", "sv"),
        ("dziekuje bardzo", "pl"),
        ("donde esta mi pedido", "es"),
        ("nao recebi meu pedido", "pt"),
        ("ou est ma commande", "fr"),
        ("wo ist meine bestellung", "de"),
        ("WO IST MEINE BESTELLUNG", "de"),
        ("perche non e arrivato", "it"),
    ] {
        assert_eq!(detected(text), Some(code), "{text}");
    }
}

#[test]
fn urls_mentions_hashtags_emoji_and_numbers_are_ignored() {
    // The Danish-looking handle and hashtag and the Polish domain do not outweigh the English words.
    assert_eq!(
        detected("@hjaelp_mig_nu where is my order?? #tusindtak https://sklep-dziekuje.pl/zamowienie/123"),
        Some("en")
    );
    assert_eq!(detected("Danke!!! 🙏🙏 Bestellung 48213"), Some("de"));
    assert_eq!(detected("m.me/acme merci beaucoup"), Some("fr"));
}

#[test]
fn nothing_to_go_on_is_none() {
    for text in [
        "",
        "   ",
        "😀😀👍",
        "🇩🇰🇳🇴",
        "12345 #1",
        "https://acme.com/orders/123",
        "@acme_shop",
        "#blackfriday @acme www.acme.dk/x",
        "!!!???",
        "Спасибо большое",
        "谢谢你",
        "ありがとう",
    ] {
        assert_eq!(detect(text), None, "{text:?}");
    }
}

#[test]
fn confidence_is_a_share_high_when_clear_low_when_ambiguous() {
    let clear = detect("Ich habe vor zwei Wochen bestellt und noch nichts bekommen").unwrap();
    assert_eq!(clear.code, "de");
    assert!(clear.confidence > 0.99, "{clear:?}");
    // "ok" and "super" are written alike in many languages.
    for text in ["ok", "super", "Hvor er min pakke?"] {
        let unsure = detect(text).unwrap();
        assert!(unsure.confidence < 0.9, "{text}: {unsure:?}");
        assert!(unsure.confidence > 1.0 / 11.0 - 1e-6, "{text}: {unsure:?}");
    }
    for (_, text) in fixtures() {
        if let Some(found) = detect(&text) {
            assert!((0.0..=1.0).contains(&found.confidence), "{text}: {found:?}");
            assert!(SUPPORTED.contains(&found.code));
        }
    }
}

#[test]
fn long_texts_use_only_the_first_words() {
    // 64 Spanish words, then a long English tail: still Spanish.
    let text = format!(
        "{} {}",
        "gracias por la ayuda ".repeat(16),
        "thank you for the help ".repeat(200)
    );
    assert_eq!(detected(&text), Some("es"));
}

#[test]
fn tables_fit_the_size_budget() {
    let bytes = table_bytes();
    println!("language tables: {bytes} bytes");
    assert!(bytes <= 18 * 1024, "tables grew to {bytes} bytes");
}

#[test]
fn wanted_language_prefers_the_site_tag() {
    assert_eq!(
        wanted_language("Hvor er min pakke?", Some("no")).as_deref(),
        Some("nb")
    );
    assert_eq!(
        wanted_language("gracias!!", Some("und")).as_deref(),
        Some("es")
    );
    assert_eq!(
        wanted_language("Wo bleibt meine Bestellung", None).as_deref(),
        Some("de")
    );
    // X's "qme" (media only) and nothing to detect.
    assert_eq!(wanted_language("😍😍", Some("qme")), None);
    // Too unsure to act on.
    assert_eq!(wanted_language("ok", None), None);
}

// ---- language codes ----

#[test]
fn normalizes_site_and_browser_codes() {
    let cases = [
        ("de", Some("de")),
        ("de-DE", Some("de")),
        ("de_DE", Some("de")),
        (" DE ", Some("de")),
        ("de-AT", Some("de-at")),
        ("en-US", Some("en")),
        ("en-GB", Some("en-gb")),
        ("pt-BR", Some("pt-br")),
        ("pt-PT", Some("pt")),
        ("es-419", Some("es-419")),
        ("no", Some("nb")),
        ("nb-NO", Some("nb")),
        ("no-NO", Some("nb")),
        ("nn", Some("nn")),
        ("nn-NO", Some("nn-no")),
        ("sv-FI", Some("sv-fi")),
        ("zh-CN", Some("zh-hans")),
        ("zh-TW", Some("zh-hant")),
        ("zh-Hant-HK", Some("zh-hant")),
        ("zh", Some("zh")),
        ("sr-Latn-RS", Some("sr-latn")),
        ("in", Some("id")),
        ("iw", Some("he")),
        ("deu", Some("de")),
        ("nor", Some("nb")),
        ("fil", Some("fil")),
        ("en-US-x-twain", Some("en")),
        ("de-DE-1996", Some("de")),
        ("und", None),
        ("zxx", None),
        ("qme", None),
        ("qht", None),
        ("qst", None),
        ("mul", None),
        ("", None),
        ("-", None),
        ("x-klingon", None),
        ("e", None),
        ("english", None),
        ("d3", None),
        ("dé", None),
    ];
    for (input, expected) in cases {
        assert_eq!(normalize_code(input).as_deref(), expected, "{input:?}");
    }
}

#[test]
fn every_normalized_code_is_a_valid_variant_key() {
    for input in [
        "de-DE",
        "pt-BR",
        "es-419",
        "zh-Hant-TW",
        "sr-Latn",
        "no",
        "EN_gb",
        "nn-NO",
        "deu",
    ] {
        let code = normalize_code(input).unwrap();
        assert!(is_language_code(&code), "{input} → {code}");
    }
    for code in SUPPORTED {
        assert_eq!(normalize_code(code).as_deref(), Some(code));
    }
}

// ---- choosing a variant ----

fn reply(body_language: Option<&str>, variants: &[&str]) -> Reply {
    let mut reply = Reply::new("r-1", "Order status", "BODY");
    reply.language = body_language.map(str::to_string);
    for code in variants {
        reply
            .variants
            .insert(code.to_string(), format!("TEXT {code}"));
    }
    reply
}

fn chosen(reply: &Reply, wanted: Option<&str>) -> (Option<String>, String, bool, Match) {
    let Choice {
        language,
        template,
        matched,
        how,
    } = choose(reply, wanted);
    (language, template.to_string(), matched, how)
}

#[test]
fn languages_of_lists_the_body_first_then_variants_once() {
    assert_eq!(
        languages_of(&reply(Some("en"), &["de", "da"])),
        ["en", "da", "de"]
    );
    assert_eq!(languages_of(&reply(None, &["de", "da"])), ["da", "de"]);
    assert_eq!(
        languages_of(&reply(Some("de"), &["de", "fr"])),
        ["de", "fr"]
    );
    assert!(languages_of(&reply(None, &[])).is_empty());
}

#[test]
fn exact_match_wins() {
    let r = reply(Some("en"), &["de", "da", "pt", "pt-br"]);
    assert_eq!(
        chosen(&r, Some("da")),
        (Some("da".into()), "TEXT da".into(), true, Match::Exact)
    );
    assert_eq!(
        chosen(&r, Some("pt-br")),
        (
            Some("pt-br".into()),
            "TEXT pt-br".into(),
            true,
            Match::Exact
        )
    );
    assert_eq!(
        chosen(&r, Some("pt")),
        (Some("pt".into()), "TEXT pt".into(), true, Match::Exact)
    );
    // The body's own language is an exact match too.
    assert_eq!(
        chosen(&r, Some("en")),
        (Some("en".into()), "BODY".into(), true, Match::Exact)
    );
    // Site tags are normalised first.
    assert_eq!(chosen(&r, Some("de-DE")).3, Match::Exact);
    assert_eq!(chosen(&r, Some("pt_BR")).1, "TEXT pt-br");
}

#[test]
fn same_language_in_another_region_is_next() {
    // pt-br wanted, only pt; and pt wanted, only pt-br.
    assert_eq!(
        chosen(&reply(Some("en"), &["pt"]), Some("pt-br")),
        (
            Some("pt".into()),
            "TEXT pt".into(),
            true,
            Match::SameLanguage
        )
    );
    assert_eq!(
        chosen(&reply(Some("en"), &["pt-br"]), Some("pt")),
        (
            Some("pt-br".into()),
            "TEXT pt-br".into(),
            true,
            Match::SameLanguage
        )
    );
    // pt-br wanted, pt-pt and es present: the Portuguese one.
    assert_eq!(
        chosen(&reply(Some("en"), &["es", "pt-pt"]), Some("pt-br")).1,
        "TEXT pt-pt"
    );
    // The bare language is preferred over a sibling region.
    assert_eq!(
        chosen(&reply(None, &["en-au", "en"]), Some("en-gb")).1,
        "TEXT en"
    );
    // The body counts as a candidate as well.
    assert_eq!(
        chosen(&reply(Some("de"), &["fr"]), Some("de-AT")),
        (Some("de".into()), "BODY".into(), true, Match::SameLanguage)
    );
}

#[test]
fn scandinavian_neighbours_stand_in() {
    let r = reply(Some("en"), &["da", "sv"]);
    assert_eq!(
        chosen(&r, Some("nb")),
        (Some("da".into()), "TEXT da".into(), false, Match::Neighbour)
    );
    assert_eq!(chosen(&r, Some("no")).1, "TEXT da");
    assert_eq!(
        chosen(&reply(Some("en"), &["nb", "sv"]), Some("da")).1,
        "TEXT nb"
    );
    assert_eq!(chosen(&reply(Some("en"), &["sv"]), Some("da")).1, "TEXT sv");
    assert_eq!(
        chosen(&reply(Some("en"), &["da", "nb"]), Some("sv")).1,
        "TEXT nb"
    );
    assert_eq!(chosen(&reply(Some("en"), &["nb"]), Some("nn")).1, "TEXT nb");
    // Neighbours are symmetric enough that each Scandinavian language lists the other two.
    for (language, neighbours) in NEIGHBOURS {
        if language != "nn" {
            assert!(neighbours.len() >= 2, "{language}");
        }
    }
    // No neighbour rule outside Scandinavia: Portuguese does not get Spanish.
    assert_eq!(
        chosen(&reply(Some("en"), &["es"]), Some("pt")),
        (Some("en".into()), "BODY".into(), false, Match::Default)
    );
}

#[test]
fn no_match_or_nothing_wanted_gives_the_body() {
    let r = reply(Some("en"), &["de"]);
    assert_eq!(
        chosen(&r, Some("fr")),
        (Some("en".into()), "BODY".into(), false, Match::Default)
    );
    assert_eq!(
        chosen(&r, None),
        (Some("en".into()), "BODY".into(), false, Match::Default)
    );
    assert_eq!(chosen(&r, Some("und")).3, Match::Default);
    assert_eq!(chosen(&r, Some("")).3, Match::Default);
    let unknown_body = reply(None, &[]);
    assert_eq!(
        chosen(&unknown_body, Some("de")),
        (None, "BODY".into(), false, Match::Default)
    );
}

#[test]
fn odd_codes_in_a_reply_never_panic_and_never_match_wrongly() {
    let mut r = reply(Some("EN"), &[]);
    r.variants.insert("DE_de".into(), "TEXT DE_de".into());
    r.variants.insert("???".into(), "TEXT ???".into());
    r.variants.insert(String::new(), "TEXT empty".into());
    // Stored codes are compared normalised; the returned language is the stored key.
    assert_eq!(
        chosen(&r, Some("de")),
        (
            Some("DE_de".into()),
            "TEXT DE_de".into(),
            true,
            Match::Exact
        )
    );
    assert_eq!(chosen(&r, Some("en")).1, "BODY");
    assert_eq!(chosen(&r, Some("fr")).3, Match::Default);
    for wanted in ["", "-", "???", "x", "zz-zz-zz-zz", "日本語"] {
        let _ = choose(&r, Some(wanted));
    }
}
