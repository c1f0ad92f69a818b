//! Folding: case and accents ignored for the languages our users write; other scripts lowercased.

use answerdeck::core::fold::{fold, fold_into};

#[test]
fn ascii_is_lowercased_and_otherwise_kept() {
    assert_eq!(
        fold("Order #123: Hello, World!"),
        "order #123: hello, world!"
    );
    assert_eq!(fold(""), "");
    assert_eq!(fold("{first_name|There}"), "{first_name|there}");
}

#[test]
fn german() {
    assert_eq!(fold("Größe ÄÖÜ äöü Straße"), "grosse aou aou strasse");
    assert_eq!(fold("GROẞE"), "grosse");
}

#[test]
fn danish_swedish_norwegian() {
    assert_eq!(fold("Æbleøl på Ærø"), "aebleol pa aero");
    assert_eq!(fold("Hälsningar från Åre"), "halsningar fran are");
    assert_eq!(fold("Blåbærsyltetøy"), "blabaersyltetoy");
}

#[test]
fn dutch() {
    assert_eq!(fold("Ĳsselmeer één café"), "ijsselmeer een cafe");
    assert_eq!(fold("ĳs"), "ijs");
}

#[test]
fn french() {
    assert_eq!(
        fold("Œuvre à Noël, garçon, déjà, où, être, naïve, Ÿ"),
        "oeuvre a noel, garcon, deja, ou, etre, naive, y"
    );
}

#[test]
fn spanish_italian_portuguese() {
    assert_eq!(fold("¿Señor? Pingüino ÑANDÚ"), "¿senor? pinguino nandu");
    assert_eq!(fold("Perché città è così"), "perche citta e cosi");
    assert_eq!(
        fold("Ação, informação, você, à, São"),
        "acao, informacao, voce, a, sao"
    );
}

#[test]
fn polish_czech() {
    assert_eq!(fold("Łódź Żółć Ślęża Gęś"), "lodz zolc sleza ges");
    assert_eq!(
        fold("Příliš žluťoučký kůň úpěl ďábelské ódy"),
        "prilis zlutoucky kun upel dabelske ody"
    );
}

#[test]
fn turkish_romanian_hungarian() {
    assert_eq!(
        fold("İstanbul ışık Şişli Çağ Ğ"),
        "istanbul isik sisli cag g"
    );
    assert_eq!(
        fold("Știință, țară, Țepeș, Ăă Ââ Îî"),
        "stiinta, tara, tepes, aa aa ii"
    );
    // Romanian with the older cedilla forms folds the same.
    assert_eq!(fold("ştiinţă"), "stiinta");
    assert_eq!(
        fold("Őrült Űrhajó árvíztűrő tükörfúrógép"),
        "orult urhajo arvizturo tukorfurogep"
    );
}

#[test]
fn symbols_in_latin1_are_kept() {
    assert_eq!(fold("3×4÷2 £5 €6 ©®"), "3×4÷2 £5 €6 ©®");
}

#[test]
fn decomposed_input_folds_like_composed() {
    // e + combining acute, u + combining diaeresis, A + combining ring, n + combining tilde.
    assert_eq!(
        fold("Cafe\u{301} mu\u{308}de A\u{30A}rhus man\u{303}ana"),
        "cafe mude arhus manana"
    );
    assert_eq!(fold("Cafe\u{301}"), fold("Café"));
    // Combining marks on other scripts are dropped too.
    assert_eq!(fold("\u{301}"), "");
}

#[test]
fn other_scripts_pass_through_lowercased() {
    assert_eq!(fold("ПРИВЕТ Мир"), "привет мир");
    assert_eq!(fold("ΚΑΛΗΜΈΡΑ"), "καλημέρα");
    assert_eq!(
        fold("こんにちは 你好 שלום مرحبا"),
        "こんにちは 你好 שלום مرحبا"
    );
    assert_eq!(fold("😀 ✓"), "😀 ✓");
}

#[test]
fn vietnamese_and_pinyin_letters_from_extended_b_fold() {
    assert_eq!(fold("Ơ Ư ǎ ǐ ǒ ǔ ǖ"), "o u a i o u u");
}

#[test]
fn fold_into_appends_to_the_buffer() {
    let mut buffer = String::from("x:");
    fold_into("ÉTÉ", &mut buffer);
    fold_into(" Ø", &mut buffer);
    assert_eq!(buffer, "x:ete o");
}

#[test]
fn every_latin1_and_extended_a_letter_folds_to_ascii() {
    // × and ÷ are the only non-letters in U+00C0..=U+017F.
    for code in 0xC0u32..=0x17F {
        let c = char::from_u32(code).unwrap_or(' ');
        if c == '×' || c == '÷' {
            continue;
        }
        let folded = fold(&c.to_string());
        assert!(
            !folded.is_empty() && folded.chars().all(|f| f.is_ascii_lowercase()),
            "U+{code:04X} {c} folded to {folded:?}"
        );
    }
}

#[test]
fn folded_uppercase_equals_folded_lowercase_for_latin_letters() {
    for code in 0xC0u32..=0x17F {
        let Some(c) = char::from_u32(code) else {
            continue;
        };
        let lower: String = c.to_lowercase().collect();
        assert_eq!(fold(&c.to_string()), fold(&lower), "U+{code:04X} {c}");
    }
}
