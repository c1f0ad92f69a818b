//! Duplicate detection between a library and an import, and within the import: each kind, the
//! strongest-kind-per-pair rule, folding, a cross-check against a brute-force definition on random
//! data, bounded output for mass duplicates, and a 30,000 × 30,000 benchmark (ignored by default).
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::collections::BTreeSet;
use std::time::Instant;

use answerdeck::core::exchange::dupes::{find, Duplicate, DuplicateKind};
use answerdeck::core::fold::fold;
use answerdeck::core::reply::Reply;
use DuplicateKind::{SameId, SameText, ShortcutConflict, SimilarTitle};

fn reply(id: &str, title: &str, body: &str, shortcut: Option<&str>) -> Reply {
    let mut reply = Reply::new(id, title, body);
    reply.shortcut = shortcut.map(str::to_string);
    reply
}

fn dup(
    incoming: usize,
    existing_id: &str,
    in_file: Option<usize>,
    kind: DuplicateKind,
) -> Duplicate {
    Duplicate {
        incoming,
        existing_id: existing_id.to_string(),
        in_file,
        kind,
    }
}

fn library() -> Vec<Reply> {
    vec![
        reply(
            "r-order",
            "Order status",
            "Hi {first_name|there}, your order shipped.",
            Some("order"),
        ),
        reply("r-hours", "Opening hours", "We're open 9–5.", Some("hours")),
        reply("r-t1", "Template 1", "First template", None),
        reply("r-thanks", "Thanks", "Thanks!", None),
        reply("r-gruss", "Grüße", "Viele Grüße, {agent}", None),
    ]
}

#[test]
fn each_kind_against_the_library_and_within_the_file() {
    let incoming = vec![
        reply("r-order", "Something else", "Changed text", None),
        reply(
            "n1",
            "New",
            "  HI {first_name|there},\n your ORDER   shipped. ",
            None,
        ),
        reply("n2", "Our hours", "Different hours text", Some("/Hours")),
        reply("n3", "Oder status", "Another order text", None),
        reply("n4", "Status: order!", "Yet another order text", None),
        reply("n5", "Template 2", "Second template", None),
        reply("n6", "Thank", "Thank you", None),
        reply("n7", "Hours again", "We’re open 9–5 — maybe", Some("hours")),
        reply("n8", "Hours again", "we're OPEN 9–5.", Some("hours")),
        reply("n9", "Copy of n3", "another order TEXT", None),
        reply("n1", "Second n1", "unique body nine", None),
        reply("n11", "Grusse", "VIELE GRUSSE, {agent}", None),
    ];
    assert_eq!(
        find(&library(), &incoming),
        [
            dup(0, "r-order", None, SameId),
            dup(1, "r-order", None, SameText),
            dup(2, "r-hours", None, ShortcutConflict),
            dup(3, "r-order", None, SimilarTitle),
            dup(4, "r-order", None, SimilarTitle),
            dup(7, "r-hours", None, ShortcutConflict),
            // n2's shortcut `/Hours` is `hours` too.
            dup(7, "n2", Some(2), ShortcutConflict),
            dup(8, "r-hours", None, SameText),
            dup(8, "n2", Some(2), ShortcutConflict),
            // Same title as n7, other text (its shortcut conflict is already reported, with n2).
            dup(8, "n7", Some(7), SimilarTitle),
            dup(9, "n3", Some(3), SameText),
            dup(10, "n1", Some(1), SameId),
            dup(11, "r-gruss", None, SameText),
        ]
    );
}

#[test]
fn a_pair_is_reported_once_with_its_strongest_kind() {
    let existing = vec![reply("a", "Order status", "Text", Some("order"))];
    // Same id, text, shortcut and title: only SameId.
    assert_eq!(
        find(&existing, &existing.clone()),
        [dup(0, "a", None, SameId)]
    );
    // Same text, shortcut and title under another id: only SameText.
    let copy = vec![reply("b", "Order status", "text", Some("ORDER"))];
    assert_eq!(find(&existing, &copy), [dup(0, "a", None, SameText)]);
    // Same shortcut and title, other text: the shortcut conflict.
    let conflict = vec![reply("c", "Order status", "Other", Some("order"))];
    assert_eq!(
        find(&existing, &conflict),
        [dup(0, "a", None, ShortcutConflict)]
    );
    // A stronger match with one reply does not hide a weaker one with another.
    let two = vec![
        reply("a", "Order status", "Text", None),
        reply("b", "Order statuses", "X", None),
    ];
    let incoming = vec![reply("a", "Order statuses", "Y", None)];
    assert_eq!(
        find(&two, &incoming),
        [dup(0, "a", None, SameId), dup(0, "b", None, SimilarTitle)]
    );
}

#[test]
fn near_titles_one_edit_apart_but_never_by_a_digit() {
    let existing = vec![
        reply("a", "Shipping delay", "x", None),
        reply("b", "Order 12", "y", None),
    ];
    let similar = |title: &str| {
        find(&existing, &[reply("n", title, "different", None)])
            .into_iter()
            .map(|d| d.existing_id)
            .collect::<Vec<_>>()
    };
    for near in [
        "Shiping delay",
        "Shipping delays",
        "Shipipng delay",
        "Shipping relay",
        "shipping-delay",
        "Delay: shipping",
        "SHIPPING DELAY",
    ] {
        assert_eq!(similar(near), ["a"], "{near}");
    }
    for far in [
        "Shipping",
        "Shiping delya",
        "Returns delay",
        "Order 13",
        "Order 123",
        "Order 1",
        "Ship",
    ] {
        assert_eq!(similar(far), Vec::<String>::new(), "{far}");
    }
    assert_eq!(similar("Order 12"), ["b"], "same words");
    assert_eq!(similar("Ordr 12"), ["b"], "a letter may differ");
}

#[test]
fn thousands_of_identical_replies_give_one_match_each_not_all_pairs() {
    let existing: Vec<Reply> = (0..2_000)
        .map(|n| reply(&format!("e{n}"), "Thanks", "Thanks a lot!", None))
        .collect();
    let incoming: Vec<Reply> = (0..2_000)
        .map(|n| reply(&format!("i{n}"), "Thanks", "thanks A LOT!", None))
        .collect();
    let found = find(&existing, &incoming);
    assert_eq!(
        found.len(),
        2 * 2_000 - 1,
        "one in the library each, one earlier in the file (but the first)"
    );
    assert!(found.iter().all(|d| d.kind == SameText));
    assert!(found
        .iter()
        .filter(|d| d.in_file.is_none())
        .all(|d| d.existing_id == "e0"));
}

/// xorshift, so the cases are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// The definitions, written the slow way: words, and every deletion variant as a string.
fn words_sorted(title: &str) -> String {
    let folded: String = fold(title)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let mut words: Vec<&str> = folded.split_whitespace().collect();
    words.sort();
    words.join(" ")
}

fn neighbourhood(title: &str) -> BTreeSet<String> {
    let folded: String = fold(title)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let joined = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars: Vec<char> = joined.chars().collect();
    let mut set = BTreeSet::new();
    if !(6..=64).contains(&chars.len()) {
        return set;
    }
    set.insert(joined.clone());
    for i in 0..chars.len() {
        if !chars[i].is_ascii_digit() {
            set.insert(
                chars
                    .iter()
                    .enumerate()
                    .filter(|&(j, _)| j != i)
                    .map(|(_, c)| c)
                    .collect(),
            );
        }
    }
    set
}

fn same_text(a: &Reply, b: &Reply) -> bool {
    let norm = |r: &Reply| {
        fold(&r.body)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    norm(a) == norm(b)
}

fn similar_titles(a: &Reply, b: &Reply) -> bool {
    let wa = words_sorted(&a.title);
    (!wa.is_empty() && wa == words_sorted(&b.title))
        || !neighbourhood(&a.title).is_disjoint(&neighbourhood(&b.title))
}

#[test]
fn agrees_with_the_brute_force_definition() {
    let mut rng = Rng(0xdead_beef_1234_5678);
    let words = [
        "order", "ordre", "oder", "status", "stats", "refund", "1", "2", "hi", "Grüße", "grusse",
    ];
    let bodies = [
        "Hi there",
        "hi  THERE",
        "Thanks!",
        "thanks!",
        "Order shipped",
        "Refund done",
        "Grüße",
        "GRUSSE",
    ];
    let shortcuts = ["", "", "order", "ORDER", "hi", "refund"];
    let make = |prefix: &str, n: usize, rng: &mut Rng| -> Vec<Reply> {
        (0..n)
            .map(|i| {
                let title: Vec<&str> = (0..1 + rng.next() % 3).map(|_| rng.pick(&words)).collect();
                let shortcut = rng.pick(&shortcuts);
                let id = if rng.next() % 10 == 0 {
                    format!("x{}", rng.next() % 20)
                } else {
                    format!("{prefix}{i}")
                };
                reply(
                    &id,
                    &title.join(" "),
                    rng.pick(&bodies),
                    Some(shortcut).filter(|s| !s.is_empty()),
                )
            })
            .collect()
    };
    let existing = make("e", 60, &mut rng);
    let incoming = make("i", 60, &mut rng);
    let found = find(&existing, &incoming);

    for (i, new) in incoming.iter().enumerate() {
        for (side, others) in [(None, &existing[..]), (Some(()), &incoming[..i])] {
            let got: Vec<&Duplicate> = found
                .iter()
                .filter(|d| d.incoming == i && d.in_file.is_some() == side.is_some())
                .collect();
            let other_of = |d: &Duplicate| match d.in_file {
                Some(j) => j,
                None => existing.iter().position(|e| e.id == d.existing_id).unwrap(),
            };
            // Exact keys: the first candidate in order, after removing those already reported.
            let mut reported: Vec<usize> = Vec::new();
            let mut expected: Vec<(usize, DuplicateKind)> = Vec::new();
            if let Some(e) = others.iter().position(|o| o.id == new.id) {
                expected.push((e, SameId));
                reported.push(e);
            }
            if let Some(e) =
                (0..others.len()).find(|&e| !reported.contains(&e) && same_text(&others[e], new))
            {
                expected.push((e, SameText));
                reported.push(e);
            }
            let shortcut_key = |r: &Reply| r.shortcut.as_deref().map(fold);
            if let Some(e) = (0..others.len()).find(|&e| {
                !reported.contains(&e)
                    && new.shortcut.is_some()
                    && shortcut_key(&others[e]) == shortcut_key(new)
                    && !same_text(&others[e], new)
            }) {
                expected.push((e, ShortcutConflict));
                reported.push(e);
            }
            let exact: Vec<(usize, DuplicateKind)> = got
                .iter()
                .filter(|d| d.kind != SimilarTitle)
                .map(|d| (other_of(d), d.kind))
                .collect();
            assert_eq!(
                exact,
                expected,
                "incoming {i} {new:?}, file side: {}",
                side.is_some()
            );

            // Near titles: any valid candidate may be the one reported, but one must be when any exists.
            let candidates: Vec<usize> = (0..others.len())
                .filter(|&e| {
                    !reported.contains(&e)
                        && !same_text(&others[e], new)
                        && similar_titles(&others[e], new)
                })
                .collect();
            let similar: Vec<usize> = got
                .iter()
                .filter(|d| d.kind == SimilarTitle)
                .map(|d| other_of(d))
                .collect();
            match similar.as_slice() {
                [] => assert!(candidates.is_empty(), "incoming {i} missed {candidates:?}"),
                [e] => assert!(
                    candidates.contains(e),
                    "incoming {i}: {e} is not a near title"
                ),
                more => panic!("several near titles reported: {more:?}"),
            }
        }
    }
    assert!(
        found.len() > 60,
        "the data produces plenty of duplicates: {}",
        found.len()
    );
}

/// Long titles (45 characters: 46 title variants each), every one numbered like a template.
fn templated_library(n: usize, salt: &str) -> Vec<Reply> {
    (0..n)
        .map(|i| {
            let mut r = Reply::new(
                format!("{salt}{i}"),
                format!("Order question {i} about shipping and returns"),
                format!("Hi {{first_name|there}}, thanks for asking about order {i}. It left our warehouse today and should arrive in 2–3 days."),
            );
            r.shortcut = Some(format!("o{i}"));
            r
        })
        .collect()
}

/// Titles like people write them: two to four words from a mixed de/da/en vocabulary (about 20
/// characters), many repeated across the library.
fn realistic_library(n: usize, salt: &str, seed: u64) -> Vec<Reply> {
    const WORDS: &[&str] = &[
        "order",
        "status",
        "refund",
        "shipping",
        "delay",
        "thanks",
        "welcome",
        "hours",
        "giveaway",
        "rules",
        "price",
        "size",
        "return",
        "address",
        "payment",
        "invoice",
        "Bestellung",
        "Versand",
        "Rücksendung",
        "Öffnungszeiten",
        "Gewinnspiel",
        "Danke",
        "Lieferung",
        "ordre",
        "levering",
        "tak",
        "åbningstider",
        "returnering",
        "pris",
        "størrelse",
        "konkurrence",
        "FAQ",
        "VIP",
        "DE",
        "DA",
        "EN",
        "follow-up",
        "complaint",
        "apology",
        "discount",
        "voucher",
        "newsletter",
        "event",
    ];
    let mut rng = Rng(seed);
    (0..n)
        .map(|i| {
            let words: Vec<&str> = (0..2 + rng.next() % 3).map(|_| rng.pick(WORDS)).collect();
            let mut r = Reply::new(
                format!("{salt}{i}"),
                words.join(" "),
                format!(
                    "Hi {{first_name|there}}, about {}: reply number {i}.",
                    words.join(" ")
                ),
            );
            if i % 4 == 0 {
                r.shortcut = Some(format!("{}{}", words[0].to_lowercase(), i % 500));
            }
            r
        })
        .collect()
}

/// Nanoseconds this thread has run on a CPU (Linux), so figures exclude time spent waiting for a core
/// on a busy machine; `None` elsewhere.
fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// Prints the best and median of seven runs: the best filters out time taken by other processes on a
/// shared machine, the median shows the typical case; CPU time excludes waiting for a core.
fn time_find(label: &str, existing: &[Reply], incoming: &[Reply]) {
    let mut count = 0;
    let mut wall = Vec::new();
    let mut cpu = Vec::new();
    for _ in 0..7 {
        let (start, cpu_start) = (Instant::now(), thread_cpu_ns());
        count = find(existing, incoming).len();
        wall.push(start.elapsed().as_secs_f64() * 1000.0);
        if let (Some(a), Some(b)) = (cpu_start, thread_cpu_ns()) {
            cpu.push((b - a) as f64 / 1e6);
        }
    }
    wall.sort_by(f64::total_cmp);
    cpu.sort_by(f64::total_cmp);
    let cpu = cpu.first().map_or(String::new(), |best| {
        format!(" (CPU time best {best:.1} ms)")
    });
    println!(
        "{label}: best {:.1} ms, median {:.1} ms{cpu}, {count} duplicates",
        wall[0], wall[3]
    );
}

/// `cargo test --release --test core_dupes -- --ignored --nocapture bench`
#[test]
#[ignore = "benchmark: prints figures"]
fn bench_30000_against_30000() {
    let existing = templated_library(30_000, "e");
    // Every third incoming reply repeats a library text, every fifth has a typo in its title.
    let incoming: Vec<Reply> = templated_library(30_000, "i")
        .into_iter()
        .enumerate()
        .map(|(i, mut r)| {
            if i % 3 != 0 {
                r.body.push_str(" (new)");
            }
            if i % 5 == 0 {
                r.title = r.title.replace("question", "qeustion");
            }
            r
        })
        .collect();
    time_find("30,000 × 30,000, 45-character titles", &existing, &incoming);
    let existing = realistic_library(30_000, "e", 7);
    let incoming = realistic_library(30_000, "i", 11);
    time_find("30,000 × 30,000, everyday titles", &existing, &incoming);
}
