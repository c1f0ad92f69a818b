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
    let mut scored: Vec<(u32, usize)> = Vec::new();
    'replies: for (i, reply) in replies.iter().enumerate() {
        let mut total = 0;
        for token in &tokens {
            let rank = reference_rank(reply, token);
            if rank == 0 {
                continue 'replies;
            }
            total += u32::from(rank);
        }
        scored.push((total, i));
    }
    scored.sort_by_key(|&(total, i)| (std::cmp::Reverse(total), !replies[i].favorite, i));
    scored.into_iter().take(limit).map(|(_, i)| i).collect()
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
    "aa",
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
    for _ in 0..600 {
        let words = 1 + rng.below(2);
        let query = random_text(&mut rng, words);
        for limit in [5, usize::MAX] {
            assert_eq!(
                index.search(&query, limit),
                reference_search(&replies, &query, limit),
                "query {query:?} limit {limit}"
            );
            checked += 1;
        }
    }
    for piece in PIECES {
        assert_eq!(
            index.search(piece, usize::MAX),
            reference_search(&replies, piece, usize::MAX),
            "query {piece:?}"
        );
    }
    assert_eq!(checked, 1200);
}
