//! Picker search: matching, ranking order, accents and case, shortcuts, tags, empty query, limit, and a
//! comparison with a plain reference implementation on a random library.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use answerdeck::core::fold::fold;
use answerdeck::core::reply::Reply;
use answerdeck::core::search::{Index, IndexBuilder};

fn reply(title: &str, body: &str) -> Reply {
    Reply::new(format!("r-{}", title.len()), title, body)
}

fn with_shortcut(mut reply: Reply, shortcut: &str) -> Reply {
    reply.shortcut = Some(shortcut.into());
    reply
}

fn with_tags(mut reply: Reply, tags: &[&str]) -> Reply {
    reply.tags = tags.iter().map(|tag| tag.to_string()).collect();
    reply
}

fn favorite(mut reply: Reply) -> Reply {
    reply.favorite = true;
    reply
}

fn search(replies: &[Reply], query: &str) -> Vec<usize> {
    Index::new(replies).search(query, 100)
}

#[test]
fn ranking_follows_where_the_token_occurs() {
    let replies = vec![
        reply("Misc", "the preorder form"),  // 0: body substring
        reply("Misc", "your order is late"), // 1: body word-prefix
        with_tags(reply("Misc", "nothing"), &["orders"]), // 2: tag
        reply("Reorder stock", "x"),         // 3: title substring
        reply("Order status", "x"),          // 4: title word-prefix
        with_shortcut(reply("Misc", "x"), "orderstatus"), // 5: shortcut prefix
        with_shortcut(reply("Misc", "x"), "order"), // 6: shortcut exact
        reply("Unrelated", "nothing here"),  // 7: no match
    ];
    assert_eq!(search(&replies, "order"), vec![6, 5, 4, 3, 2, 1, 0]);
}

#[test]
fn shortcut_substring_ranks_lowest() {
    let replies = vec![
        with_shortcut(reply("Misc", "x"), "preorder"),
        reply("Misc", "order now"),
    ];
    assert_eq!(search(&replies, "order"), vec![1, 0]);
}

#[test]
fn slash_before_a_token_is_ignored() {
    let replies = vec![
        reply("Order status", "x"),
        with_shortcut(reply("Misc", "x"), "order"),
        with_shortcut(reply("Other", "y"), "/refund"),
    ];
    assert_eq!(search(&replies, "/order"), vec![1, 0]);
    assert_eq!(search(&replies, "/ord"), vec![1, 0]);
    assert_eq!(search(&replies, "refund"), vec![2]);
    assert_eq!(search(&replies, "/refund"), vec![2]);
    // A bare slash is an empty query: everything, in order.
    assert_eq!(search(&replies, "/"), vec![0, 1, 2]);
}

#[test]
fn word_prefix_counts_after_punctuation() {
    let replies = vec![
        reply("Misc", "re-order form"), // after '-': word prefix
        reply("Misc", "preorder form"), // inside a word
        reply("Misc", "(order) form"),  // after '(': word prefix
    ];
    assert_eq!(search(&replies, "order"), vec![0, 2, 1]);
}

#[test]
fn ties_go_to_favorites_then_original_order() {
    let replies = vec![
        reply("Order a", "x"),
        favorite(reply("Order b", "x")),
        reply("Order c", "x"),
        favorite(reply("Order d", "x")),
    ];
    assert_eq!(search(&replies, "order"), vec![1, 3, 0, 2]);
}

#[test]
fn favorite_does_not_beat_a_better_match() {
    let replies = vec![favorite(reply("Misc", "your order")), reply("Order", "x")];
    assert_eq!(search(&replies, "order"), vec![1, 0]);
}

#[test]
fn every_token_must_match_somewhere() {
    let replies = vec![
        reply("Order status", "Your parcel is on its way"),
        reply("Order cancelled", "We are sorry"),
        with_tags(reply("Refund", "Your money"), &["order"]),
    ];
    assert_eq!(search(&replies, "order parcel"), vec![0]);
    assert_eq!(search(&replies, "parcel order"), vec![0]);
    assert_eq!(search(&replies, "order your"), vec![0, 2]);
    assert_eq!(search(&replies, "order missing"), Vec::<usize>::new());
}

#[test]
fn scores_add_up_over_tokens() {
    let replies = vec![
        reply("Shipping", "order status here"), // body + body
        reply("Order status", "x"),             // title + title
        reply("Order", "status"),               // title + body
    ];
    assert_eq!(search(&replies, "order status"), vec![1, 2, 0]);
}

#[test]
fn case_and_accents_are_ignored_both_ways() {
    let replies = vec![
        reply("Café opening hours", "x"),
        reply("Größe", "Ihre Bestellung"),
        reply("Ærlig talt", "Tak for din BESKED"),
        reply("Cafe\u{301} decomposed", "x"),
    ];
    assert_eq!(search(&replies, "CAFE"), vec![0, 3]);
    assert_eq!(search(&replies, "café"), vec![0, 3]);
    assert_eq!(search(&replies, "grosse"), vec![1]);
    assert_eq!(search(&replies, "GRÖSSE"), vec![1]);
    assert_eq!(search(&replies, "ærlig besked"), vec![2]);
    assert_eq!(search(&replies, "aerlig"), vec![2]);
    assert_eq!(search(&replies, "bestellung"), vec![1]);
}

#[test]
fn variants_and_tags_are_searched() {
    let mut german = reply("Versand", "Shipping info");
    german
        .variants
        .insert("de".into(), "Ihr Paket ist unterwegs".into());
    let replies = vec![german, with_tags(reply("Other", "x"), &["VIP customers"])];
    assert_eq!(search(&replies, "paket"), vec![0]);
    assert_eq!(search(&replies, "unterwegs"), vec![0]);
    assert_eq!(search(&replies, "vip"), vec![1]);
    assert_eq!(search(&replies, "customers"), vec![1]);
}

#[test]
fn punctuation_and_other_scripts_in_tokens() {
    let replies = vec![
        reply("Email", "Write to help@acme.example or call +45 1234"),
        reply("Order", "Order #12345 shipped"),
        reply("Привет", "Спасибо за заказ"),
        reply("Misc", "50% off"),
    ];
    assert_eq!(search(&replies, "help@acme"), vec![0]);
    assert_eq!(search(&replies, "acme.example"), vec![0]);
    assert_eq!(search(&replies, "#123"), vec![1]);
    assert_eq!(search(&replies, "#"), vec![1]);
    assert_eq!(search(&replies, "%"), vec![3]);
    assert_eq!(search(&replies, "+45"), vec![0]);
    assert_eq!(search(&replies, "заказ"), vec![2]);
    assert_eq!(search(&replies, "ПРИВЕТ"), vec![2]);
    assert_eq!(search(&replies, "п"), vec![2]);
}

#[test]
fn single_letters_and_digits_rank_like_longer_tokens() {
    let replies = vec![
        reply("Misc", "about"),                   // body substring
        reply("Misc", "book"),                    // body word-prefix
        with_tags(reply("Misc", "x"), &["cab"]),  // tag
        reply("Abc", "x"),                        // title word-prefix (first word)
        with_shortcut(reply("Misc", "x"), "b"),   // shortcut exact
        with_shortcut(reply("Misc", "x"), "bye"), // shortcut prefix
        reply("Misc", "x"),                       // no b at all
    ];
    assert_eq!(search(&replies, "b"), vec![4, 5, 3, 2, 1, 0]);
    let numbered = vec![reply("Misc", "code 42"), reply("Room 4", "x")];
    assert_eq!(search(&numbered, "4"), vec![1, 0]);
}

#[test]
fn template_syntax_in_bodies_is_searchable_text() {
    let replies = vec![reply("Greeting", "Hi {first_name|there}, thanks")];
    assert_eq!(search(&replies, "there"), vec![0]);
    assert_eq!(search(&replies, "first_name"), vec![0]);
}

#[test]
fn empty_query_lists_favorites_first_then_original_order() {
    let replies = vec![
        reply("a", "x"),
        favorite(reply("b", "x")),
        reply("c", "x"),
        favorite(reply("d", "x")),
    ];
    let index = Index::new(&replies);
    assert_eq!(index.search("", 10), vec![1, 3, 0, 2]);
    assert_eq!(index.search("   \t ", 10), vec![1, 3, 0, 2]);
    assert_eq!(index.search("", 3), vec![1, 3, 0]);
    assert_eq!(index.search("", 0), Vec::<usize>::new());
}

#[test]
fn limit_caps_results_keeping_the_best() {
    let replies: Vec<Reply> = (0..20)
        .map(|i| {
            if i == 17 {
                reply("Order", "x")
            } else {
                Reply::new(format!("r{i}"), format!("Misc {i}"), "your order")
            }
        })
        .collect();
    let index = Index::new(&replies);
    assert_eq!(index.search("order", 3), vec![17, 0, 1]);
    assert_eq!(index.search("order", 1), vec![17]);
    assert_eq!(index.search("order", 0), Vec::<usize>::new());
    assert_eq!(index.search("order", 100).len(), 20);
}

#[test]
fn empty_library_finds_nothing() {
    let index = Index::new(&[]);
    assert!(index.is_empty());
    assert_eq!(index.search("order", 10), Vec::<usize>::new());
    assert_eq!(index.search("", 10), Vec::<usize>::new());
    assert_eq!(index.search("a", 10), Vec::<usize>::new());
}

#[test]
fn no_match_returns_nothing() {
    let replies = vec![reply("Order status", "Your parcel")];
    assert_eq!(search(&replies, "zebra"), Vec::<usize>::new());
    assert_eq!(search(&replies, "q"), Vec::<usize>::new());
    assert_eq!(search(&replies, "order zebra"), Vec::<usize>::new());
}

#[test]
fn building_in_slices_gives_the_same_index() {
    let replies = vec![
        with_shortcut(reply("Order status", "Your parcel"), "order"),
        favorite(reply("Refund", "Your money back")),
        with_tags(reply("Misc", "x"), &["orders"]),
    ];
    let mut builder = IndexBuilder::with_capacity(1);
    for reply in &replies {
        builder.add(reply);
    }
    let sliced = builder.finish();
    let whole = Index::new(&replies);
    assert_eq!(sliced.len(), 3);
    for query in ["order", "your", "", "y", "money back", "/ord"] {
        assert_eq!(
            sliced.search(query, 10),
            whole.search(query, 10),
            "{query:?}"
        );
    }
    assert_eq!(sliced.search("order", 10), vec![0, 2]);
}

#[test]
fn typing_word_by_word_gives_the_same_results_as_fresh_searches() {
    // The index reuses the ranks of words from recent queries; results must not depend on history.
    let replies = vec![
        with_shortcut(reply("Order status", "Your parcel is on its way"), "order"),
        favorite(reply("Refund", "Your order money back")),
        with_tags(reply("Misc", "parcel lost"), &["orders"]),
        reply("Status page", "order parcel status"),
    ];
    let shared = Index::new(&replies);
    let typed = [
        "o",
        "or",
        "order",
        "order ",
        "order p",
        "order pa",
        "order parcel",
        "order parcel s",
        "order parcel",
        "order",
        "parcel order",
        "your order",
        "a b c d e f",
        "order parcel status",
        "status",
        "order",
        "",
    ];
    for query in typed {
        let fresh = Index::new(&replies);
        for limit in [1, 10] {
            assert_eq!(
                shared.search(query, limit),
                fresh.search(query, limit),
                "{query:?} limit {limit}"
            );
        }
    }
    // 0: shortcut 7 + body 2; 2: tag 3 + body 2; 3: body 2 + body 2; 1 has no "parcel".
    assert_eq!(shared.search("order parcel", 10), vec![0, 2, 3]);
}

#[test]
fn heap_size_is_reported() {
    let replies = vec![reply("Order status", "Your parcel is on its way")];
    let index = Index::new(&replies);
    assert!(index.heap_bytes() > "order status your parcel is on its way".len());
    assert!(index.heap_bytes() < 200_000, "{}", index.heap_bytes());
}

// ---- typo tolerance ----

/// Titles of the results, for readable assertions.
fn titles(replies: &[Reply], query: &str) -> Vec<String> {
    search(replies, query)
        .into_iter()
        .map(|i| replies[i].title.clone())
        .collect()
}

fn support_library() -> Vec<Reply> {
    let mut delivery = reply("Lieferzeiten", "Die Lieferzeit beträgt 2–4 Werktage.");
    delivery
        .variants
        .insert("da".into(), "Leveringstiden er 2–4 hverdage.".into());
    vec![
        reply("Refund policy", "We refund within 14 days."),
        reply("Where is my order", "Your order is on its way."),
        delivery,
        reply("Abhohlung im Laden", "Du kannst deine Bestellung abholen."),
        reply("Åbningstider", "Vi har åbent mandag til fredag."),
        reply(
            "Shipping costs",
            "Shipping is free from 50 EUR, order #12345.",
        ),
        reply("Return address", "Send it back to our warehouse."),
    ]
}

#[test]
fn misspelled_words_find_the_reply() {
    let replies = support_library();
    assert_eq!(titles(&replies, "refnd"), ["Refund policy"]);
    assert_eq!(titles(&replies, "REFUDN"), ["Refund policy"]); // swapped letters
    assert_eq!(titles(&replies, "abholung"), ["Abhohlung im Laden"]); // missing letter in the reply
    assert_eq!(titles(&replies, "abhohlung"), ["Abhohlung im Laden"]);
    assert_eq!(titles(&replies, "abningstider"), ["Åbningstider"]); // accent left out
    assert_eq!(titles(&replies, "åbningstidr"), ["Åbningstider"]);
    assert_eq!(titles(&replies, "shiping"), ["Shipping costs"]);
    assert_eq!(titles(&replies, "adress"), ["Return address"]);
    assert_eq!(titles(&replies, "retrun adress"), ["Return address"]); // two words, each one typo
}

#[test]
fn transposed_letters_count_as_one_edit() {
    let replies = support_library();
    // "oredr" is two substitutions away from "order" but one transposition.
    assert_eq!(
        titles(&replies, "oredr"),
        ["Where is my order", "Shipping costs"]
    );
    // The first two letters swapped are forgiven too.
    assert_eq!(
        titles(&replies, "roder"),
        ["Where is my order", "Shipping costs"]
    );
}

#[test]
fn longer_words_allow_two_edits_and_word_forms() {
    let replies = support_library();
    // A prefix of the reply's word: found exactly.
    assert_eq!(titles(&replies, "lieferzeit"), ["Lieferzeiten"]);
    // The reply has "Lieferzeit" (body) and "Lieferzeiten" (title); both forms find it.
    assert_eq!(titles(&replies, "lieferzeiten"), ["Lieferzeiten"]);
    assert_eq!(titles(&replies, "leiferzieten"), ["Lieferzeiten"]); // two swaps, 12 letters
    assert_eq!(titles(&replies, "leveringstidn"), ["Lieferzeiten"]); // in a variant
                                                                     // Eight letters allow two edits, seven only one.
    let parcel = vec![reply("Bestellung", "x")];
    assert_eq!(search(&parcel, "bestelng"), vec![0]);
    assert_eq!(search(&parcel, "bestlng"), Vec::<usize>::new());
}

#[test]
fn a_word_being_typed_with_a_typo_still_finds_its_reply() {
    let replies = support_library();
    // Keystroke by keystroke: "refn" is one edit from the start of "refund".
    for typed in ["ref", "refn", "refnd"] {
        assert_eq!(titles(&replies, typed), ["Refund policy"], "{typed:?}");
    }
}

#[test]
fn short_words_digits_and_first_letters_are_not_corrected() {
    let replies = support_library();
    assert_eq!(titles(&replies, "rfd"), Vec::<String>::new()); // under 4 letters
    assert_eq!(titles(&replies, "#12346"), Vec::<String>::new()); // numbers are exact
    assert_eq!(titles(&replies, "12346"), Vec::<String>::new());
    assert_eq!(titles(&replies, "xefund"), Vec::<String>::new()); // first letter wrong
    assert_eq!(titles(&replies, "refund zzzz"), Vec::<String>::new());
}

#[test]
fn corrected_matches_rank_below_every_exact_match() {
    let replies = vec![
        reply("Refnud form", "x"), // 0: title, but only with a typo corrected
        reply("Misc", "we refund the preorder"), // 1: exact, body word
        reply("Misc", "nothing"),  // 2: no match
        reply("Misc", "prerefund"), // 3: exact, inside a body word
    ];
    assert_eq!(search(&replies, "refund"), vec![1, 3, 0]);
    // Two words: both exact beats one corrected, even when the corrected one is in the title.
    let replies = vec![
        reply("Order refnud", "x"),
        reply("Misc", "order refund"),
        reply("Order refund", "x"),
    ];
    assert_eq!(search(&replies, "order refund"), vec![2, 1, 0]);
}

#[test]
fn corrections_are_only_looked_for_when_exact_hits_run_short() {
    let replies: Vec<Reply> = (0..12)
        .map(|i| match i {
            4 => reply("Older posts", "x"), // one edit from "order"
            7 => reply("Ordre", "x"),       // one swap from "order"
            _ => Reply::new(format!("r{i}"), format!("Order {i}"), "x"),
        })
        .collect();
    let index = Index::new(&replies);
    // Ten exact hits fill a limit of 10: corrections could only come after them.
    let exact: Vec<usize> = (0..12).filter(|i| ![4, 7].contains(i)).collect();
    assert_eq!(index.search("order", 10), exact);
    // With room left, the corrected ones follow the exact ones, in library order.
    let mut all = exact.clone();
    all.extend([4, 7]);
    assert_eq!(index.search("order", 20), all);
    // The same with a second word, and in either order of searching (recent words are reused).
    assert_eq!(index.search("order x", 10), exact);
    assert_eq!(index.search("order x", 20), all);
    assert_eq!(index.search("order x", 10), exact);
}

// ---- the index against a plain reference implementation ----

/// The search rules written as directly as possible, scanning folded text.
fn reference_search(replies: &[Reply], query: &str, limit: usize) -> Vec<usize> {
    let folded_query = fold(query);
    let tokens: Vec<&str> = folded_query
        .split_whitespace()
        .map(|token| token.trim_start_matches('/'))
        .filter(|token| !token.is_empty())
        .collect();
    let mut order: Vec<usize> = (0..replies.len()).collect();
    if tokens.is_empty() {
        order.sort_by_key(|&i| (!replies[i].favorite, i));
        order.truncate(limit);
        return order;
    }
    // Typos are forgiven only when fewer than `limit` replies match every token exactly.
    let exact_matches = replies
        .iter()
        .filter(|reply| tokens.iter().all(|token| reference_rank(reply, token) > 0))
        .count();
    let correct = exact_matches < limit;
    let mut scored: Vec<(u32, u32, usize)> = Vec::new();
    'replies: for (i, reply) in replies.iter().enumerate() {
        let (mut exact_tokens, mut total) = (0, 0);
        for token in &tokens {
            let exact = reference_rank(reply, token);
            let corrected = if correct {
                reference_corrected_rank(reply, token)
            } else {
                0
            };
            if exact > 0 {
                exact_tokens += 1;
                total += u32::from(exact);
            } else if corrected > 0 {
                total += u32::from(corrected);
            } else {
                continue 'replies;
            }
        }
        scored.push((exact_tokens, total, i));
    }
    scored.sort_by_key(|&(exact_tokens, total, i)| {
        (
            std::cmp::Reverse((exact_tokens, total)),
            !replies[i].favorite,
            i,
        )
    });
    scored.into_iter().take(limit).map(|(.., i)| i).collect()
}

/// Edits allowed in a token: none under 4 characters, 1 from 4, 2 from 8; letters only, ≤ 32 bytes.
fn allowed_edits(token: &str) -> usize {
    if token.len() > 32 || !token.chars().all(char::is_alphabetic) {
        return 0;
    }
    match token.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Optimal string alignment distance over bytes, the textbook table.
fn osa_distance(a: &[u8], b: &[u8]) -> usize {
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

/// Whether a chunk matches `token` with typos corrected: the first letter right (or the first two
/// swapped), and some prefix of the chunk's leading word within the allowed edits.
fn corrected_match(chunk: &str, token: &str) -> bool {
    let edits = allowed_edits(token);
    let (c, t) = (chunk.as_bytes(), token.as_bytes());
    if edits == 0 || c.is_empty() {
        return false;
    }
    let first_right = c[0] == t[0] || (c.len() > 1 && c[0] == t[1] && c[1] == t[0]);
    let word_len = chunk
        .char_indices()
        .find(|(_, ch)| !ch.is_alphanumeric())
        .map_or(chunk.len(), |(at, _)| at);
    first_right && (1..=word_len).any(|end| osa_distance(&c[..end], t) <= edits)
}

/// The rank of a typo-corrected match: as a word start in the field.
fn reference_corrected_rank(reply: &Reply, token: &str) -> u8 {
    let chunks = |text: &str| -> Vec<String> {
        fold(text)
            .split_ascii_whitespace()
            .map(str::to_string)
            .collect()
    };
    let any = |text: &str| chunks(text).iter().any(|c| corrected_match(c, token));
    let mut best = 0;
    if let Some(shortcut) = &reply.shortcut {
        if chunks(shortcut)
            .iter()
            .any(|c| corrected_match(c.trim_start_matches('/'), token))
        {
            best = best.max(6);
        }
    }
    if any(&reply.title) {
        best = best.max(5);
    }
    if reply.tags.iter().any(|tag| any(tag)) {
        best = best.max(3);
    }
    if std::iter::once(&reply.body)
        .chain(reply.variants.values())
        .any(|text| any(text))
    {
        best = best.max(2);
    }
    best
}

fn occurrences(text: &str, token: &str) -> Vec<usize> {
    (0..text.len())
        .filter(|&at| text.is_char_boundary(at) && text[at..].starts_with(token))
        .collect()
}

fn at_word_start(text: &str, at: usize) -> bool {
    !text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

fn reference_rank(reply: &Reply, token: &str) -> u8 {
    let mut best = 0;
    if let Some(shortcut) = &reply.shortcut {
        let shortcut = fold(shortcut);
        let shortcut = shortcut.trim_start_matches('/');
        if shortcut == token {
            best = best.max(7);
        } else if shortcut.starts_with(token) {
            best = best.max(6);
        } else if shortcut.contains(token) {
            best = best.max(1);
        }
    }
    let title = fold(&reply.title);
    let hits = occurrences(&title, token);
    if hits.iter().any(|&at| at_word_start(&title, at)) {
        best = best.max(5);
    } else if !hits.is_empty() {
        best = best.max(4);
    }
    if reply.tags.iter().any(|tag| fold(tag).contains(token)) {
        best = best.max(3);
    }
    for text in std::iter::once(&reply.body).chain(reply.variants.values()) {
        let text = fold(text);
        let hits = occurrences(&text, token);
        if hits.iter().any(|&at| at_word_start(&text, at)) {
            best = best.max(2);
        } else if !hits.is_empty() {
            best = best.max(1);
        }
    }
    best
}

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// Few, overlapping pieces so that queries hit many replies in many different ways.
const PIECES: &[&str] = &[
    "ab", "ba", "a", "b", "Ab", "é", "É", "ss", "ß", "-", ".", "/", "1", "12", "ø", "Ж", "ж", "x",
    "aa", "–",
];

fn random_text(rng: &mut Rng, words: usize) -> String {
    let mut text = String::new();
    for w in 0..words {
        if w > 0 {
            text.push([' ', ' ', ' ', '\n', '\u{a0}'][rng.below(5)]);
        }
        // Many one-piece words, so that some chunks occur in most replies (the index keeps those
        // as bitsets) while others are rare.
        let pieces = if rng.below(2) == 0 {
            1
        } else {
            1 + rng.below(3)
        };
        for _ in 0..pieces {
            text.push_str(PIECES[rng.below(PIECES.len())]);
        }
    }
    text
}

#[test]
fn index_agrees_with_the_reference_on_a_random_library() {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let replies: Vec<Reply> = (0..300)
        .map(|i| {
            let (title_words, body_words) = (1 + rng.below(3), 1 + rng.below(8));
            let mut reply = Reply::new(
                format!("r{i}"),
                random_text(&mut rng, title_words),
                random_text(&mut rng, body_words),
            );
            if rng.below(3) == 0 {
                reply.variants.insert("de".into(), random_text(&mut rng, 3));
            }
            if rng.below(3) == 0 {
                reply.tags.push(random_text(&mut rng, 1));
            }
            if rng.below(3) == 0 {
                let shortcut: String = random_text(&mut rng, 1);
                reply.shortcut = Some(shortcut);
            }
            reply.favorite = rng.below(5) == 0;
            reply
        })
        .collect();
    let index = Index::new(&replies);
    let mut checked = 0;
    // Queries whose results include a reply found only with a typo corrected.
    let mut with_corrections = 0;
    for _ in 0..600 {
        let words = 1 + rng.below(2);
        let query = random_text(&mut rng, words);
        for limit in [5, usize::MAX] {
            let expected = reference_search(&replies, &query, limit);
            assert_eq!(
                index.search(&query, limit),
                expected,
                "query {query:?} limit {limit}"
            );
            checked += 1;
            let folded = fold(&query);
            if expected.iter().any(|&i| {
                folded
                    .split_whitespace()
                    .map(|token| token.trim_start_matches('/'))
                    .filter(|token| !token.is_empty())
                    .any(|token| reference_rank(&replies[i], token) == 0)
            }) {
                with_corrections += 1;
            }
        }
    }
    assert!(with_corrections >= 50, "{with_corrections}");
    for piece in PIECES {
        assert_eq!(
            index.search(piece, usize::MAX),
            reference_search(&replies, piece, usize::MAX),
            "query {piece:?}"
        );
    }
    assert_eq!(checked, 1200);
}
