//! Length counting: X's twitter-text v3 weighting (cases from twitter-text's conformance suite and more),
//! URL and emoji recognition, the other targets' character counts, limits and refusal messages.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use answerdeck::core::length::{
    check, emoji_len, measure, url_spans, x_weight, x_weighted_length, Fit, Target, URL_LENGTH,
};
use unicode_normalization::UnicodeNormalization;

/// What the content script does before measuring: NFC, as `String.prototype.normalize("NFC")`.
fn x(text: &str) -> usize {
    let nfc: String = text.nfc().collect();
    measure(&nfc, Target::XPost)
}

fn urls(text: &str) -> Vec<&str> {
    url_spans(text)
        .into_iter()
        .map(|span| &text[span])
        .collect()
}

// ---- weights of plain text ----

#[test]
fn latin_text_counts_one_per_character() {
    assert_eq!(x("This is a test."), 15);
    assert_eq!(x("I am a Tweet"), 12);
    assert_eq!(
        x("A lié géts halfway arøünd thé wørld béføré thé truth has a chance tø get its pants øn."),
        86
    );
    assert_eq!(x("Grüße aus Köln — Tak for hjælpen, dziękuję!"), 43);
}

#[test]
fn scripts_below_u10ff_count_one_and_cjk_counts_two() {
    // Greek, Cyrillic, Hebrew, Arabic, Devanagari, Georgian are all in U+0000–U+10FF.
    assert_eq!(x("Ελλάδα"), 6);
    assert_eq!(x("Спасибо"), 7);
    assert_eq!(x("שלום"), 4);
    assert_eq!(x("مرحبا"), 5);
    assert_eq!(x("नमस्ते"), 6);
    assert_eq!(x("გამარჯობა"), 9);
    // Hangul, kana and CJK ideographs weigh 2 (twitter-text: "저찀쯿쿿" weighs 8).
    assert_eq!(x("저찀쯿쿿"), 8);
    assert_eq!(x("ありがとう"), 10);
    assert_eq!(x("谢谢"), 4);
    assert_eq!(x("the故人西辞"), 3 + 8);
}

#[test]
fn general_punctuation_ranges_weigh_one_and_the_rest_two() {
    // U+2000–U+200D spaces and joiners, U+2010–U+201F dashes and quotes, U+2032–U+2037 primes.
    for c in [
        '\u{2000}', '\u{200A}', '\u{200B}', '\u{200D}', '‐', '–', '—', '‘', '’', '“', '”', '„',
        '′', '‷',
    ] {
        assert_eq!(x_weight(c), 1, "{c:?} U+{:04X}", c as u32);
    }
    // Just outside those ranges.
    for c in [
        '\u{200E}', '\u{2020}', '…', '\u{2038}', '€', '™', '→', '\u{1100}', '\u{10FF}',
    ] {
        let expected = if c == '\u{10FF}' { 1 } else { 2 };
        assert_eq!(x_weight(c), expected, "{c:?} U+{:04X}", c as u32);
    }
    // twitter-text "Handle General Punctuation Characters with visible spaces(u2000-200A), no ZWJ/ZWNJ".
    let text = "This is a tweet with general punctuation characters: \u{2000}\u{2001}\u{2002}\u{2003}\u{2004}\u{2005}\u{2006}\u{2007}\u{2008}\u{2009}\u{200A}\u{200B} ‐ ‑ ‒ – — ― ‖  ‗ ‘ ’ ‚ ‛ “ ” „ ‟ ′ ″ ‴ ‵ ‶ ‷";
    assert_eq!(x(text), 110);
}

#[test]
fn astral_characters_weigh_two() {
    // twitter-text: "\U00010000\U0010ffff" — two astral non-emoji code points.
    assert_eq!(x("\u{10000}\u{10FFFF}"), 4);
    assert_eq!(x("𝒜"), 2);
}

#[test]
fn text_is_counted_after_nfc() {
    // "ÁB" with a combining acute: 3 code points, 2 after NFC (twitter-text "'Á' is normalized into 1 char").
    assert_eq!(x("A\u{301}B"), 2);
    assert_eq!("A\u{301}B".chars().count(), 3);
    // "שּׁ" (U+FB2C) decomposes under NFC into 3 code points of weight 1, plus "A" (twitter-text: 4).
    assert_eq!(x("A\u{FB2C}"), 4);
    // measure itself does not normalise: the caller must.
    assert_eq!(measure("e\u{301}", Target::XPost), 2);
    assert_eq!(x("e\u{301}"), 1);
}

// ---- emoji ----

#[test]
fn each_emoji_sequence_counts_two() {
    // twitter-text v3 (discounted emoji): "H🐱☺👨‍👩‍👧‍👦" weighs 7.
    assert_eq!(x("H🐱☺👨\u{200D}👩\u{200D}👧\u{200D}👦"), 7);
    assert_eq!(x("😷👾😡🔥💩"), 10);
    // Skin tone and a ZWJ profession: "🙋🏽👨‍🎤" weighs 4.
    assert_eq!(x("🙋🏽👨\u{200D}🎤"), 4);
    // 160 emoji weigh 320.
    assert_eq!(x(&"😷".repeat(160)), 320);
}

#[test]
fn emoji_sequences_of_every_kind_are_one_unit() {
    let cases = [
        ("❤️", "heart with VS16"),
        ("❤️‍🔥", "heart on fire: VS16 + ZWJ"),
        ("👍🏿", "skin tone"),
        ("🧑🏽‍💻", "skin tone inside a ZWJ sequence"),
        ("👩‍❤️‍💋‍👨", "kiss: four joined elements"),
        ("🏳️‍🌈", "rainbow flag"),
        ("🇩🇰", "flag: two regional indicators"),
        ("🇳🇴", "flag"),
        (
            "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
            "Scotland: tag sequence",
        ),
        ("1️⃣", "keycap with VS16"),
        ("#\u{20E3}", "keycap without VS16"),
        ("©️", "copyright with VS16"),
        ("☺️", "text-default emoji with VS16"),
        ("✌🏻", "dingbat with skin tone"),
    ];
    for (emoji, what) in cases {
        assert_eq!(emoji_len(emoji), Some(emoji.len()), "{what}: {emoji:?}");
        assert_eq!(x(emoji), 2, "{what}: {emoji:?}");
        assert_eq!(x(&format!("a{emoji}b")), 4, "{what} between letters");
    }
}

#[test]
fn things_that_are_not_emoji_count_as_text() {
    assert_eq!(emoji_len("1"), None);
    assert_eq!(x("1"), 1);
    assert_eq!(x("#1"), 2);
    // © and ® alone are text in the Latin-1 range.
    assert_eq!(emoji_len("©"), None);
    assert_eq!(x("© 2026 Acme®"), 12);
    // A ZWJ between letters is text of weight 1.
    assert_eq!(x("a\u{200D}b"), 3);
    // A ZWJ after an emoji that joins nothing is not part of it.
    assert_eq!(x("👍\u{200D}"), 3);
    assert_eq!(emoji_len("a👍"), None);
    assert_eq!(emoji_len(""), None);
}

#[test]
fn flags_pair_regional_indicators_from_the_left() {
    // Three regional indicators: one flag and one lone indicator.
    assert_eq!(x("🇩🇰🇸"), 4);
    assert_eq!(x("🇩🇰🇸🇪🇳🇴"), 6);
}

// ---- URLs ----

#[test]
fn urls_count_23_whatever_their_length() {
    assert_eq!(URL_LENGTH, 23);
    assert_eq!(x("http://test.com"), 23);
    assert_eq!(x("https://test.com"), 23);
    assert_eq!(x("test.com"), 23);
    assert_eq!(x("Hi http://test.co"), 26);
    assert_eq!(
        x("Test https://test.com test https://test.com test.com test"),
        86
    );
    assert_eq!(
        x("https://www.example.com/a/very/long/path/that/goes/on/and/on?with=query&and=more#fragment"),
        23
    );
    // Ten URLs and ten spaces (twitter-text "10 url string, no overflow").
    assert_eq!(x(&"https://www.twitter.com/aloha ".repeat(10)), 240);
}

#[test]
fn recognises_schemes_www_and_bare_domains() {
    assert_eq!(urls("see https://acme.com/help"), ["https://acme.com/help"]);
    assert_eq!(
        urls("HTTPS://www.ExaMPLE.COM/index.html"),
        ["HTTPS://www.ExaMPLE.COM/index.html"]
    );
    assert_eq!(
        urls("http://user.example.com:8080/login.php"),
        ["http://user.example.com:8080/login.php"]
    );
    assert_eq!(urls("go to www.acme.shop now"), ["www.acme.shop"]);
    assert_eq!(
        urls("www.nordlicht-kaffee.de/bestellung/10482"),
        ["www.nordlicht-kaffee.de/bestellung/10482"]
    );
    assert_eq!(
        urls("example.com/path/to/resource?search=foo&lang=en"),
        ["example.com/path/to/resource?search=foo&lang=en"]
    );
    assert_eq!(
        urls("foo.co.jp and www.foo.co.uk"),
        ["foo.co.jp", "www.foo.co.uk"]
    );
    assert_eq!(
        urls("http://test_underscore.twitter.com"),
        ["http://test_underscore.twitter.com"]
    );
    assert_eq!(
        urls("http://example.com/Русские_слова"),
        ["http://example.com/Русские_слова"]
    );
    assert_eq!(urls("https://café.fr/menu"), ["https://café.fr/menu"]);
}

#[test]
fn messenger_and_short_links_are_urls_with_a_path() {
    // m.me, wa.me, bit.ly: one label + a country code — a URL with a path, plain text without one (as on X).
    assert_eq!(urls("write us at m.me/acmeshoes"), ["m.me/acmeshoes"]);
    assert_eq!(
        urls("wa.me/4512345678 or bit.ly/abcde"),
        ["wa.me/4512345678", "bit.ly/abcde"]
    );
    assert_eq!(urls("t.co/abcde"), ["t.co/abcde"]);
    assert!(urls("m.me").is_empty());
    assert!(urls("acme.dk").is_empty());
    assert!(urls("foo.jp").is_empty());
    // …but with a scheme, or for .co and .tv, the bare domain is a URL.
    assert_eq!(urls("https://m.me"), ["https://m.me"]);
    assert_eq!(urls("http://foo.jp"), ["http://foo.jp"]);
    assert_eq!(urls("t.co"), ["t.co"]);
    assert_eq!(x("m.me/acmeshoes"), 23);
    // Country codes from both ends of the list; a code that does not exist is no TLD.
    assert_eq!(urls("a.ac/x b.dk/x c.zw/x"), ["a.ac/x", "b.dk/x", "c.zw/x"]);
    assert!(urls("a.zz/x b.qq/x").is_empty());
    assert_eq!(x("m.me"), 4);
}

#[test]
fn unknown_tlds_without_scheme_are_text() {
    assert!(urls("foo.baz foo.comm foo.somecom foo.govedu wwwww.xxxxxxx").is_empty());
    assert_eq!(x("foo.baz"), 7);
    // With a scheme any alphabetic TLD is accepted.
    assert_eq!(
        urls("https://acme.photography/x"),
        ["https://acme.photography/x"]
    );
    // A host without a dot is never a URL.
    assert!(urls("http://localhost:3000/x").is_empty());
}

#[test]
fn trailing_punctuation_and_parentheses_stay_outside() {
    assert_eq!(
        urls("Visit https://acme.com/help."),
        ["https://acme.com/help"]
    );
    assert_eq!(urls("Is it acme.com/faq?"), ["acme.com/faq"]);
    assert_eq!(urls("(see https://acme.com/faq)"), ["https://acme.com/faq"]);
    assert_eq!(
        urls("https://en.wikipedia.org/wiki/Primer_(film), nice"),
        ["https://en.wikipedia.org/wiki/Primer_(film)"]
    );
    assert_eq!(urls("https://acme.com, then"), ["https://acme.com"]);
    assert_eq!(urls("https://acme.com/a!"), ["https://acme.com/a"]);
    assert_eq!(urls("“https://acme.com/x”"), ["https://acme.com/x"]);
    assert_eq!(x("Visit https://acme.com/help."), 6 + 23 + 1);
}

#[test]
fn urls_need_a_boundary_before_them() {
    // E-mail addresses, handles, cashtags and hashtags are text.
    assert!(urls("jane@acme.com").is_empty());
    assert!(urls("@acme.com").is_empty());
    assert!(urls("$acme.com #acme.com").is_empty());
    assert!(urls("xhttps://acme.com").is_empty());
    // Without a scheme, not after - _ . / either (twitter-text's invalid preceding characters).
    assert!(urls("ftp://www.example.com/").is_empty());
    assert!(urls("-acme.com _acme.com").is_empty());
    // CJK or punctuation right before is fine.
    assert_eq!(urls("見てhttps://acme.com"), ["https://acme.com"]);
    assert_eq!(urls("(acme.com)"), ["acme.com"]);
}

#[test]
fn invalid_hosts_are_text() {
    // A label of 64 characters (twitter-text "Handle a 64 character domain without protocol": weighs 68).
    let long = format!("{}.com", "randomurl".repeat(7) + "s");
    assert_eq!(long.len(), 68);
    assert!(urls(&long).is_empty());
    assert_eq!(x(&long), 68);
    let ok = format!("{}.com", "a".repeat(63));
    assert_eq!(urls(&ok), [ok.as_str()]);
    // Leading or trailing dashes, underscores in the registered name.
    assert!(urls("http://www.-domain4352.com/").is_empty());
    assert!(urls("http://www.domain4352-.com/").is_empty());
    assert!(urls("http://domain-dash_2314352345_dfasd.foo-cow_4352.com").is_empty());
    // A TLD followed by a letter, digit or dash is not a TLD.
    assert!(urls("acme.com-shop acme.comx").is_empty());
}

#[test]
fn a_valid_prefix_of_the_host_is_the_url() {
    // "acme.com.xyzzy": the host is acme.com, like X's backtracking regex.
    assert_eq!(urls("acme.com.xyzzy"), ["acme.com"]);
}

#[test]
fn long_invalid_url_then_a_short_valid_one() {
    // twitter-text "Handle long url with invalid domain labels and short url" in small: the invalid one is text.
    let bad = format!("https://{}.com/foo", "somesuperlongurl".repeat(5));
    let text = format!("Long url: {bad} https://validurl.com");
    assert_eq!(urls(&text), ["https://validurl.com"]);
    assert_eq!(x(&text), 10 + bad.chars().count() + 1 + 23);
}

// ---- conformance: long posts and the 280 boundary ----

#[test]
fn twitter_text_long_post_cases() {
    let dashes = "xxxxxxxxxx-".repeat(25);
    // "Long tweet, overflow at char index 280": 285.
    assert_eq!(x(&format!("285 chars-{}", &dashes[..275])), 285);
    // "Long tweet with url in the middle": 299.
    assert_eq!(
        x(&format!(
            "285 chars- http://www.twitter.com/jack {}",
            &dashes[..264]
        )),
        299
    );
    // "Long tweet with url at the end": 289.
    assert_eq!(
        x(&format!("{} http://www.twitter.com/jack ", &dashes[..264])),
        289
    );
    // "160 CJK char": 320; "3 latin char + 160 CJK char": 323.
    let cjk = "故人西辞黄鹤楼，烟花三月下扬州。孤帆远影碧空尽，唯见长江天际流。".repeat(5);
    assert_eq!(cjk.chars().count(), 160);
    assert_eq!(x(&cjk), 320);
    assert_eq!(x(&format!("the{cjk}")), 323);
}

#[test]
fn exactly_280_fits_and_281_is_over() {
    let at_limit = "a".repeat(280);
    let fit = check(&at_limit, Target::XPost);
    assert_eq!(
        fit,
        Fit {
            length: 280,
            limit: 280,
            target: Target::XPost
        }
    );
    assert!(fit.fits());
    assert_eq!(fit.over(), 0);
    assert_eq!(fit.left(), 0);
    assert_eq!(fit.refusal(), None);

    let over = check(&"a".repeat(281), Target::XPost);
    assert!(!over.fits());
    assert_eq!(over.over(), 1);
    assert_eq!(over.refusal().unwrap(), "281/280 on an X post — 1 too many");

    // 140 CJK characters fit exactly; one more does not.
    assert!(check(&"の".repeat(140), Target::XPost).fits());
    assert!(!check(&"の".repeat(141), Target::XPost).fits());
    // 257 letters + a URL = 280.
    let with_url = format!("{} https://acme.com/{}", "a".repeat(256), "p".repeat(200));
    assert_eq!(x_weighted_length(&with_url), 280);
    assert!(check(&with_url, Target::XPost).fits());
}

#[test]
fn refusal_reads_like_a_sentence() {
    let fit = check(&"x".repeat(312), Target::XPost);
    assert_eq!(fit.refusal().unwrap(), "312/280 on an X post — 32 too many");
    assert_eq!(fit.counter(), "312/280");
    let long = check(&"x".repeat(10_312), Target::XDm);
    assert_eq!(
        long.refusal().unwrap(),
        "10,312/10,000 on an X message — 312 too many"
    );
    let fb = check(&"é".repeat(8_001), Target::FacebookComment);
    assert_eq!(
        fb.refusal().unwrap(),
        "8,001/8,000 on a Facebook comment — 1 too many"
    );
    let ok = check("Hi", Target::Messenger);
    assert_eq!(ok.counter(), "2/2,000");
    assert_eq!(ok.left(), 1_998);
}

// ---- other targets ----

#[test]
fn other_targets_count_unicode_scalar_values() {
    for target in [Target::XDm, Target::Messenger, Target::FacebookComment] {
        assert_eq!(measure("Hej Ørjan!", target), 10);
        // No URL or emoji rules: each code point counts once.
        assert_eq!(measure("https://acme.com/a/long/path", target), 28);
        assert_eq!(measure("👨\u{200D}👩\u{200D}👧", target), 5);
        assert_eq!(measure("🇩🇰", target), 2);
        assert_eq!(measure("谢谢", target), 2);
        assert_eq!(measure("", target), 0);
    }
}

#[test]
fn limits_are_the_contract() {
    assert_eq!(Target::XPost.limit(), 280);
    assert_eq!(Target::XDm.limit(), 10_000);
    assert_eq!(Target::Messenger.limit(), 2_000);
    assert_eq!(Target::FacebookComment.limit(), 8_000);
    for target in [Target::XDm, Target::Messenger, Target::FacebookComment] {
        let limit = target.limit();
        assert!(check(&"a".repeat(limit), target).fits());
        let over = check(&"a".repeat(limit + 1), target);
        assert!(!over.fits());
        assert_eq!(over.over(), 1);
    }
}

#[test]
fn empty_text_measures_zero() {
    assert_eq!(x(""), 0);
    assert!(url_spans("").is_empty());
    assert!(check("", Target::XPost).fits());
}

#[test]
fn mixed_reply_counts_each_part_by_its_rule() {
    // "Hej Ørjan 👋 " 13 (wave 2), URL 23, " — tak! 🇩🇰" 10 (em dash 1, flag 2).
    let text = "Hej Ørjan 👋 https://m.me/acmeshoes?ref=x — tak! 🇩🇰";
    assert_eq!(x(text), 13 + 23 + 10);
}
