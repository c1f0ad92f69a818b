//! CSV/TSV import and export: real-world spreadsheet files (German Excel, Sheets), hostile content,
//! every refusal with its row, column and reason, formula protection, ids, and the round trip.
//! A 30,000-row benchmark is at the end (ignored by default; run it with `--ignored --nocapture`).
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::Instant;

use answerdeck::core::exchange::csv::{parse, parse_with_delimiter, to_csv, to_csv_with_delimiter};
use answerdeck::core::exchange::{parse_any, parse_v1, Format, Imported};
use answerdeck::core::reply::{validate_reply, Reply};
use serde_json::{json, Value};

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn nothing_stored(_: &str) -> bool {
    false
}

fn import(text: &str) -> Imported {
    parse(text, nothing_stored).unwrap_or_else(|e| panic!("refused: {e}"))
}

fn refusal(text: &str) -> String {
    parse(text, nothing_stored)
        .expect_err("the file must be refused")
        .to_string()
}

fn variants(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(code, text)| (code.to_string(), text.to_string()))
        .collect()
}

fn tags(list: &[&str]) -> Vec<String> {
    list.iter().map(|t| t.to_string()).collect()
}

#[test]
fn german_excel_file_with_semicolons_bom_crlf_and_multiline_cells() {
    let imported = import(&fixture("support-de-excel.csv"));
    assert_eq!(imported.warnings, Vec::<String>::new());
    let r = &imported.replies;
    assert_eq!(
        r.len(),
        5,
        "two trailing rows of empty cells are skipped: {r:#?}"
    );

    assert_eq!(r[0].id, "r-bestellstatus");
    assert_eq!(r[0].title, "Bestellstatus");
    assert_eq!(
        r[0].body,
        "Hallo {first_name|zusammen},\nIhre Bestellung {?Bestellnummer} ist unterwegs.\nViele Grüße, {agent}"
    );
    assert_eq!(
        r[0].variants,
        variants(&[
            (
                "da",
                "Hej {first_name|med dig},\ndin ordre {?Ordrenummer} er afsendt."
            ),
            (
                "en",
                "Hi {first_name|there}, your order {?Order number} is on its way."
            ),
        ])
    );
    assert_eq!(r[0].language.as_deref(), Some("de"));
    assert_eq!(r[0].folder.as_deref(), Some("Support"));
    assert_eq!(r[0].tags, tags(&["Bestellung", "Versand"]));
    assert_eq!(r[0].shortcut.as_deref(), Some("bestellung"));
    assert!(r[0].favorite, "WAHR is German Excel's TRUE");

    assert_eq!(r[1].id, "r-rucksendung");
    assert_eq!(r[1].language.as_deref(), Some("de"), "DE is lowercased");
    assert_eq!(r[1].tags, tags(&["Retoure", "Versand"]));
    assert_eq!(
        r[1].shortcut.as_deref(),
        Some("retoure"),
        "the leading / is dropped"
    );
    assert!(!r[1].favorite);
    assert!(
        r[1].variants.is_empty(),
        "empty variant cells add no variant"
    );
    assert!(
        r[1].body.contains("Formular; Fragen?"),
        "a ; inside quotes is text"
    );

    assert_eq!(r[2].id, "r-offnungszeiten");
    assert!(r[2]
        .body
        .ends_with("antworten wir \"so schnell wie möglich\"."));
    assert_eq!(r[2].tags, Vec::<String>::new());
    assert_eq!(r[2].folder.as_deref(), Some("Allgemein"));

    assert_eq!(r[3].title, "Danke für Ihr Lob");
    assert_eq!(r[3].folder, None);
    assert_eq!(r[3].tags, tags(&["Lob", "Community"]));
    assert!(r[3].favorite);
    assert_eq!(
        r[3].variants,
        variants(&[("da", "Tusind tak, {first_name|}! 😊")])
    );

    assert_eq!(
        r[4].body, "-- Teilnahme ab 18 Jahren --\n+ Keine Kaufpflicht\n= Viel Glück!",
        "the guarding apostrophe before a formula-like start is removed"
    );
    assert!(!r[4].favorite, "nein");
    for reply in r {
        validate_reply(reply).unwrap();
    }
}

#[test]
fn sheets_file_with_ids_unknown_column_blank_row_and_guarded_cells() {
    let imported = import(&fixture("library-en.csv"));
    assert_eq!(
        imported.warnings,
        ["columns Answerdeck has no field for were kept with each reply (they come back in exports): Internal note"]
    );
    let r = &imported.replies;
    let ids: Vec<&str> = r.iter().map(|reply| reply.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "r-order-status",
            "r-refund-policy",
            "r-giveaway-rules",
            "r-thanks",
            "r-braces-in-text"
        ]
    );
    assert_eq!(r[0].shortcut.as_deref(), Some("order"));
    assert_eq!(r[0].tags, tags(&["orders", "shipping"]));
    assert!(r[0].favorite);
    assert_eq!(r[0].body, "Hi {first_name|there}, your order {?Order number} is on its way.\nTrack it any time in your account.");
    assert_eq!(r[0].variants.len(), 2);
    assert!(
        r[0].variants["de"].starts_with("Hallo"),
        "Body:DE is the de variant"
    );
    assert_eq!(
        r[0].extra.get("Internal note"),
        Some(&json!("reviewed by Mette"))
    );
    assert_eq!(r[1].language.as_deref(), Some("en"));
    assert_eq!(r[1].tags, tags(&["refunds", "policy"]));
    assert!(
        r[1].extra.is_empty(),
        "an empty unknown cell stores nothing"
    );
    assert_eq!(
        r[2].body, "=== Giveaway rules ===\n'- one entry per person\n'+ winners on {date}",
        "only the apostrophe at the start of the cell is a guard"
    );
    assert_eq!(
        r[2].extra.get("Internal note"),
        Some(&json!("=legal approved"))
    );
    assert_eq!(
        r[4].body,
        "Our hours are {{9–5}} on weekdays; use {{code}} at checkout."
    );
}

#[test]
fn hostile_html_and_script_in_every_field_arrive_as_the_same_inert_text() {
    let imported = import(&fixture("hostile.csv"));
    let r = &imported.replies;
    assert_eq!(r.len(), 3);
    assert_eq!(r[0].title, "<script>alert(\"title\")</script>");
    assert_eq!(
        r[0].body,
        "<img src=x onerror=\"alert(1)\"> Hi {first_name|<b>there</b>}!\n</textarea><script>fetch(\"//evil\")</script>"
    );
    assert_eq!(
        r[0].variants["de"],
        "<iframe src=\"javascript:alert(1)\"></iframe>"
    );
    assert_eq!(
        r[0].folder.as_deref(),
        Some("<b onmouseover=\"alert(1)\">Support</b>")
    );
    assert_eq!(r[0].tags, tags(&["<i>vip</i>", "<svg onload=alert(1)>"]));
    assert_eq!(r[0].shortcut.as_deref(), Some("<script>"));
    assert_eq!(r[0].id, "r-\"><script>alert(1)</script>");
    assert_eq!(
        r[0].extra.get("<script>alert('header')</script>"),
        Some(&json!("<a href=\"javascript:alert(1)\">x</a>"))
    );
    assert_eq!(
        r[1].title, "=HYPERLINK(\"http://evil.example\",\"click\")",
        "unguarded formulas are plain text too"
    );
    assert_eq!(r[1].body, "=cmd|' /C calc'!A0");
    assert_eq!(r[1].variants["de"], "@SUM(1+1)*cmd|' /C calc'!A0");
    assert_eq!(r[1].folder.as_deref(), Some("+Support"));
    assert_eq!(r[1].tags, tags(&["-2+3"]));
    assert_eq!(r[1].shortcut.as_deref(), Some("=x"));
    assert_eq!(
        r[2].title, "&lt;escaped&gt; &amp; entities",
        "entities are not decoded"
    );
    assert_eq!(
        r[2].body,
        "&lt;script&gt;alert(1)&lt;/script&gt; &#x3C;b&#x3E;"
    );

    // Export guards every formula-like cell, so opening the file in a spreadsheet runs nothing.
    let exported = to_csv(r);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(exported.trim_start_matches('\u{feff}').as_bytes());
    for record in reader.records() {
        for cell in record.unwrap().iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "unguarded cell {cell:?}"
            );
        }
    }
    assert_eq!(import(&exported).replies, *r);
}

#[test]
fn the_problem_row_is_the_row_a_spreadsheet_shows() {
    // Row 4 has a three-line body and row 9 is blank; a spreadsheet shows the empty body on row 14.
    assert_eq!(
        refusal(&fixture("bad-empty-body-row14.csv")),
        "row 14, column body: must not be empty"
    );
}

#[test]
fn headers_ignore_case_spaces_and_order_and_understand_other_names() {
    let imported = import(
        " TEXT ;Kategorie; Name ;LANG;Labels;Trigger;Favourite\nHi there;Sales;Greeting;en-GB;a,b;hi;x\n",
    );
    let reply = &imported.replies[0];
    assert_eq!(reply.title, "Greeting");
    assert_eq!(reply.body, "Hi there");
    assert_eq!(reply.folder.as_deref(), Some("Sales"));
    assert_eq!(reply.language.as_deref(), Some("en-gb"));
    assert_eq!(reply.tags, tags(&["a", "b"]));
    assert_eq!(reply.shortcut.as_deref(), Some("hi"));
    assert!(reply.favorite);
    assert_eq!(imported.warnings, Vec::<String>::new());
}

#[test]
fn delimiters_from_header_sep_line_or_caller() {
    let tab = import("title\tbody\tfolder\nA\tText, with; punctuation\tF\n");
    assert_eq!(tab.replies[0].body, "Text, with; punctuation");
    assert_eq!(tab.replies[0].folder.as_deref(), Some("F"));

    let sep_line = import("sep=;\r\ntitle;body\r\nA;one, two\r\n");
    assert_eq!(sep_line.replies[0].body, "one, two");

    let fixed = parse_with_delimiter("title|body\nA|x", b'|', nothing_stored).unwrap();
    assert_eq!(fixed.replies[0].body, "x");

    // A comma file whose bodies contain semicolons: the header decides.
    let comma = import("title,body\nA,\"a; b; c; d\"\n");
    assert_eq!(comma.replies[0].body, "a; b; c; d");

    let old_mac = import("title,body\rA,x\rB,y\r");
    assert_eq!(old_mac.replies.len(), 2);

    // Blank lines above the header: still found, and rows keep the spreadsheet's numbers.
    assert_eq!(
        import("\r\n\r\ntitle;body\r\nA;x, y\r\n").replies[0].body,
        "x, y"
    );
    assert_eq!(
        refusal("\n\ntitle;body\n;x\n"),
        "row 4, column title: must not be empty"
    );
}

#[test]
fn tag_cells_split_on_the_strongest_separator() {
    let imported =
        import("title,tags,body\nA,\"a, b | c\",x\nB,\"a, b; c\",x\nC,\" a ,, b ,\",x\nD,,x\n");
    let all: Vec<&Vec<String>> = imported.replies.iter().map(|r| &r.tags).collect();
    assert_eq!(
        all,
        [
            &tags(&["a, b", "c"]),
            &tags(&["a, b", "c"]),
            &tags(&["a", "b"]),
            &tags(&[])
        ]
    );
}

#[test]
fn rows_without_id_get_new_ids_unique_in_the_file_and_the_library() {
    let text = "title,body,id\nOrder,x,\nOrder,y,\nOrder,z,r-order-3\nÆrø Q&A,w,\n,,\n";
    let stored = |id: &str| id == "r-order";
    let imported = parse(text, stored).unwrap();
    let ids: Vec<&str> = imported.replies.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["r-order-2", "r-order-4", "r-order-3", "r-aero-q-a"]);

    // A row naming a stored id keeps it: the import then updates that reply.
    let update = parse("id,title,body\nr-order,Order,new text\n", stored).unwrap();
    assert_eq!(update.replies[0].id, "r-order");
}

#[test]
fn ids_for_thousands_of_rows_with_one_title_stay_unique() {
    let mut text = String::from("title,body\n");
    for n in 0..5_000 {
        text.push_str(&format!("Same title,body {n}\n"));
    }
    let imported = import(&text);
    let unique: std::collections::HashSet<&str> =
        imported.replies.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(unique.len(), 5_000);
    assert_eq!(imported.replies[0].id, "r-same-title");
    assert_eq!(imported.replies[4_999].id, "r-same-title-5000");
}

#[test]
fn refusals_name_row_column_and_reason() {
    let cases: &[(&str, &str)] = &[
        ("", "(file): the file is empty"),
        ("\u{feff}\r\n\r\n", "(file): the file is empty"),
        ("title,texts,tags\n", "header: no body column; the first row must name the columns. Found: title, texts, tags. Answerdeck reads: title, body, body:<language> (like body:de), language"),
        ("name;folder\n", "header: no body column; the first row must name the columns. Found: name, folder"),
        ("body,tags\nx,y\n", "header: no title column; the first row must name the columns. Found: body, tags"),
        ("title,body,Text\n", "header, column C: \"Text\" is a second body column (column B \"body\" is the first); keep one"),
        ("title,body,Note,note\n", "header, column D: \"note\" is a second \"note\" column (column C \"Note\" is the first); keep one"),
        ("title,body,body:german\n", "header, column C: \"body:german\" names a variant, but \"german\" is not a language code"),
        ("title,body\n,Hi\n", "row 2, column title: must not be empty"),
        ("title,body\nA,Hi\nB\n", "row 3, column body: must not be empty"),
        ("title,body\nA,Hi {nme}\n", "row 2, column body: template problem: unknown variable {nme} at character 4"),
        ("title,body,body:de\nA,Hi,Hallo {first_name\n", "row 2, column body:de: template problem: unclosed { at character 7"),
        ("title,body,language\nA,Hi,english\n", "row 2, column language: \"english\" is not a language code"),
        ("title,body,shortcut\nA,Hi,two words\n", "row 2, column shortcut: \"two words\" contains a space; shortcuts are one word"),
        ("title,body,favorite\nA,Hi,maybe\n", "row 2, column favorite: \"maybe\" is not yes or no; write true/false, yes/no, 1/0 or leave it empty"),
        ("title,body,position\nA,Hi,first\n", "row 2, column position: \"first\" is not a number"),
        ("id,title,body\na,A,x\nb,B,y\na,C,z\n", "row 4, column id: duplicate id \"a\" (also row 2)"),
        ("title,body,\nA,Hi,\nB,Hi,oops\n", "row 3, column C: this cell has text, but its column has no name in the header row"),
        ("title,body\nA,Hi,,\nB,Hi,x,y\n", "row 3, column C: this cell has text, but the header names only 2 columns"),
        ("title,body\nA,\"Hi\nB,there\nC,x\n", "row 2, column body: a quoted cell starts here but its closing \" is missing"),
        ("\"title,body\nA,x\n", "header, column A: a quoted cell starts here but its closing \" is missing"),
        ("title,body\nA,Gr\u{fffd}\u{fffd}e\n", "row 2, column body: contains \u{fffd} where a letter could not be read (the file is not UTF-8); save the spreadsheet as \"CSV UTF-8\""),
        ("t\0i\0t\0l\0e\0", "(file): this file is saved as UTF-16 (\"Unicode text\"); save the spreadsheet as \"CSV UTF-8\""),
    ];
    for (text, expected) in cases {
        let got = match parse(text, nothing_stored) {
            Ok(imported) => format!("accepted {text:?}: {imported:?}"),
            Err(e) => e.to_string(),
        };
        assert!(
            got.starts_with(expected),
            "for {text:?}\n  got: {got}\n want: {expected}…"
        );
    }
    let long_title = format!("title,body\n{},x\n", "t".repeat(301));
    assert_eq!(
        refusal(&long_title),
        "row 2, column title: is 301 characters long; the limit is 300"
    );
}

#[test]
fn template_messages_match_v1_import() {
    for body in ["Hi {nme}", "Hi {first_name", "a } b", "{?}", "{|x}"] {
        let v1 = parse_v1(
            &json!({"format": "answerdeck", "version": 1, "replies": [{"id": "a", "title": "T", "body": body}]})
                .to_string(),
        )
        .unwrap_err();
        let text = format!("title,body\nT,\"{}\"\n", body.replace('"', "\"\""));
        let csv = parse(&text, nothing_stored).unwrap_err();
        assert_eq!(csv.reason, v1.reason, "for {body:?}");
        assert_eq!(csv.path, "row 2, column body");
    }
}

#[test]
fn only_a_header_is_an_empty_library_not_an_error() {
    let imported = import("title,body\n,,\n \t , \n");
    assert!(imported.replies.is_empty());
}

#[test]
fn refuses_more_than_100000_replies() {
    let mut text = String::from("title,body\n");
    for _ in 0..100_001 {
        text.push_str("t,b\n");
    }
    assert_eq!(
        refusal(&text),
        "(file): the file holds more than 100,000 replies, the most one import takes — split it into smaller files"
    );
}

#[test]
fn refuses_files_over_50_mb_before_reading_them() {
    let text = " ".repeat(50 * 1024 * 1024 + 1);
    assert_eq!(
        refusal(&text),
        "(file): the file is 50.0 MB; Answerdeck imports files up to 50 MB — split it into smaller files"
    );
}

// ---- export and round trip ----

fn full_reply() -> Reply {
    let mut reply = Reply::new(
        "r-order-status",
        "Order status",
        "Hi {first_name|there}, \"quoted\", semi; colon\nline two\n\n- a bullet\n",
    );
    reply.variants = variants(&[
        ("da", "Hej {first_name|med dig}, æøå"),
        ("de", "=Hallo {{wörtlich}}"),
    ]);
    reply.language = Some("en".into());
    reply.folder = Some("Support".into());
    reply.tags = tags(&["orders", "shipping"]);
    reply.shortcut = Some("order".into());
    reply.favorite = true;
    reply.position = Some(1.5);
    reply.extra.insert("Internal note".into(), json!("checked"));
    reply
}

#[test]
fn export_writes_bom_header_and_guarded_cells() {
    let mut minus = Reply::new("r-minus", "-5% off", "'=already guarded");
    minus.tags = tags(&["a, b"]);
    let text = to_csv(&[full_reply(), minus]);
    let mut lines = text.split("\r\n");
    assert_eq!(
        lines.next().unwrap(),
        "\u{feff}id,title,language,body,body:da,body:de,folder,tags,shortcut,favorite,position,Internal note"
    );
    assert!(text.contains(",'=Hallo {{wörtlich}},Support,"), "{text}");
    assert!(
        text.contains("r-minus,'-5% off,,''=already guarded,"),
        "{text}"
    );
    assert!(
        text.contains("\"a, b |\""),
        "a single tag with a comma is marked: {text}"
    );
    let semicolon = to_csv_with_delimiter(&[full_reply()], b';');
    assert!(semicolon.starts_with("\u{feff}id;title;language;body;body:da"));
}

#[test]
fn export_then_import_gives_the_same_replies() {
    let mut plain = Reply::new("r-plain", "Plain", "Just text");
    plain.tags = tags(&["has, comma", "has; semicolon"]);
    let mut single = Reply::new("r-single", "One tag", "x");
    single.tags = tags(&["a; b, c"]);
    let mut apostrophes = Reply::new("r-apos", "'quoted' title", "'hello");
    apostrophes.folder = Some("@team".into());
    apostrophes.shortcut = Some("+1".into());
    apostrophes.extra.insert("Owner".into(), json!("=me"));
    let mut negative = Reply::new("r-neg", "Neg", "-");
    negative.position = Some(-0.25);
    let html = Reply::new("r-html", "<b>x</b>", "<script>alert(1)</script>");
    let replies = vec![full_reply(), plain, single, apostrophes, negative, html];
    for delimiter in [b',', b';', b'\t'] {
        let text = to_csv_with_delimiter(&replies, delimiter);
        let back = parse(&text, nothing_stored).unwrap();
        assert_eq!(back.replies, replies, "delimiter {}", delimiter as char);
    }
}

/// xorshift, so the generated cases are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Pieces chosen to hit every rule: quotes, delimiters, line breaks, formula starts, apostrophes,
/// braces (escaped), placeholders, HTML, non-Latin text.
const PIECES: &[&str] = &[
    "Hi",
    " ",
    "\"",
    ",",
    ";",
    "\t",
    "\n",
    "=",
    "+",
    "-",
    "@",
    "'",
    "{{",
    "}}",
    "{first_name|there}",
    "{?Order}",
    "<script>",
    "æøå",
    "ß",
    "😊",
    "Ünï",
    "|",
    "a",
    "word",
    "sep=;",
    "\\",
];

fn random_text(rng: &mut Rng, trim: bool) -> String {
    loop {
        let mut text = String::new();
        for _ in 0..1 + rng.below(8) {
            text.push_str(rng.pick(PIECES));
        }
        let text = if trim { text.trim().to_string() } else { text };
        if !text.trim().is_empty() {
            return text;
        }
    }
}

#[test]
fn random_replies_survive_the_round_trip() {
    let mut rng = Rng(0x5eed_1234_abcd_9876);
    let mut replies = Vec::new();
    for n in 0..400 {
        let mut reply = Reply::new(
            format!("r-{n}"),
            random_text(&mut rng, true),
            random_text(&mut rng, false),
        );
        if rng.below(2) == 0 {
            reply
                .variants
                .insert("de".into(), random_text(&mut rng, false));
        }
        if rng.below(3) == 0 {
            reply.folder = Some(random_text(&mut rng, true));
        }
        if rng.below(3) == 0 {
            // Tags never contain `|`: the one thing the tags cell cannot carry.
            let count = 1 + rng.below(3);
            reply.tags = (0..count)
                .map(|_| {
                    random_text(&mut rng, true)
                        .replace('|', "/")
                        .trim()
                        .to_string()
                })
                .filter(|t| !t.is_empty())
                .collect();
        }
        if rng.below(3) == 0 {
            reply.shortcut = Some(format!(
                "{}x{n}",
                rng.pick(&["=", "+", "-", "@", "'", "", "a"])
            ));
        }
        reply.favorite = rng.below(2) == 0;
        replies.push(reply);
    }
    let back = import(&to_csv(&replies)).replies;
    for (original, read) in replies.iter().zip(&back) {
        assert_eq!(read, original);
    }
    assert_eq!(back.len(), replies.len());
}

// ---- parse_any: the import button's entry point (all formats; kept here with the CSV tests) ----

fn v1_text() -> String {
    json!({"format": "answerdeck", "version": 1, "replies": [{"id": "r-a", "title": "A", "body": "Hi"}],
           "labels": [{"id": "l-vip", "name": "VIP"}]})
    .to_string()
}

#[test]
fn parse_any_picks_the_reader_by_name_then_by_text() {
    let json = parse_any("library.json", &v1_text(), nothing_stored).unwrap();
    assert_eq!(json.format, Format::Answerdeck);
    assert_eq!(json.export.replies[0].id, "r-a");
    assert_eq!(
        json.export.labels.len(),
        1,
        "v1 files keep labels and the rest"
    );
    let nameless = parse_any(
        "export",
        &format!("\u{feff}  {}", v1_text()),
        nothing_stored,
    )
    .unwrap();
    assert_eq!(nameless.format, Format::Answerdeck);

    let csv = parse_any("Replies.CSV", "title;body\nA;x, y\n", nothing_stored).unwrap();
    assert_eq!(csv.format, Format::Csv);
    assert_eq!(csv.export.replies[0].body, "x, y");
    assert!(csv.export.labels.is_empty());

    let tsv = parse_any(
        "C:\\Users\\mette\\replies.tsv",
        "title\tbody\nA\tx; y, z\n",
        nothing_stored,
    )
    .unwrap();
    assert_eq!(tsv.format, Format::Csv);
    assert_eq!(tsv.export.replies[0].body, "x; y, z");

    let yaml = parse_any(
        "base.yaml",
        "matches:\n  - {trigger: ':hi', replace: '{{clipboard}}'}\n",
        nothing_stored,
    )
    .unwrap();
    assert_eq!(yaml.format, Format::Espanso);
    assert_eq!(yaml.export.replies[0].shortcut.as_deref(), Some("hi"));
    assert_eq!(yaml.warnings.len(), 1, "espanso warnings come through");
    assert_eq!(
        parse_any("base.yml", &fixture("espanso-base.yml"), nothing_stored)
            .unwrap()
            .export
            .replies
            .len(),
        14
    );

    // The reader named by the extension reports its own problems, even for text starting with `{`.
    let err = parse_any("notes.csv", "{\"title\": 1}", nothing_stored).unwrap_err();
    assert_eq!(err.path, "header");
    let err = parse_any("library.json", "title,body", nothing_stored).unwrap_err();
    assert!(err.reason.starts_with("not valid JSON"), "{err}");
}

#[test]
fn parse_any_refuses_unknown_files_with_what_it_reads() {
    assert_eq!(
        parse_any("notes.docx", "PK\u{3}\u{4}", nothing_stored).unwrap_err().to_string(),
        "(file): Answerdeck cannot read \"notes.docx\"; choose an Answerdeck export (.json), a spreadsheet saved as CSV (.csv or .tsv), or an espanso match file (.yml or .yaml)"
    );
    assert_eq!(
        parse_any("Svar.xlsx", "PK", nothing_stored).unwrap_err().to_string(),
        "(file): \"Svar.xlsx\" is a spreadsheet workbook; save it as CSV UTF-8 (File → Save as → CSV UTF-8) and import the .csv file"
    );
    assert!(parse_any("README", "title,body", nothing_stored)
        .unwrap_err()
        .reason
        .starts_with("Answerdeck cannot read \"README\""));
}

#[test]
fn parse_any_applies_the_limits_to_every_format() {
    let huge = format!("{{{}", " ".repeat(50 * 1024 * 1024));
    for name in ["a.json", "a.csv", "a.yml", "a.docx"] {
        assert!(
            parse_any(name, &huge, nothing_stored)
                .unwrap_err()
                .reason
                .starts_with("the file is 50.0 MB"),
            "{name}"
        );
    }
    let many: Vec<Value> = (0..100_001)
        .map(|n| json!({"id": format!("r{n}"), "title": "t", "body": "b"}))
        .collect();
    let text = json!({"format": "answerdeck", "version": 1, "replies": many}).to_string();
    assert!(parse_any("big.json", &text, nothing_stored)
        .unwrap_err()
        .reason
        .starts_with("the file holds more than 100,000 replies"));
}

// ---- benchmark ----

/// Builds a realistic 30,000-row sheet: three languages, multi-line quoted bodies, tags, shortcuts.
fn big_sheet(rows: usize) -> String {
    let mut replies = Vec::with_capacity(rows);
    for n in 0..rows {
        let mut reply = Reply::new(
            format!("r-{n}"),
            format!("Order question {n}"),
            format!(
                "Hi {{first_name|there}},\nthanks for asking about order {{?Order number}} ({n}). \
                 It left our warehouse today and should arrive in 2–3 days.\nBest, {{agent}}"
            ),
        );
        reply.variants = variants(&[
            ("da", "Hej {first_name|med dig}, din ordre er afsendt og er fremme om 2–3 dage."),
            ("de", "Hallo {first_name|zusammen}, Ihre Bestellung ist unterwegs und kommt in 2–3 Tagen."),
        ]);
        reply.language = Some("en".into());
        reply.folder = Some(format!("Folder {}", n % 40));
        reply.tags = tags(&["orders", "shipping"]);
        reply.shortcut = Some(format!("o{n}"));
        replies.push(reply);
    }
    to_csv(&replies)
}

/// Nanoseconds this thread has run on a CPU (Linux), so figures exclude time spent waiting for a core
/// on a busy machine; `None` elsewhere.
fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// "best … ms, median … ms (CPU best … ms)" over `rounds` runs of `run`. The best filters out time
/// taken by other processes on a shared machine; the median shows the typical case.
fn timing(rounds: usize, mut run: impl FnMut()) -> String {
    let mut wall = Vec::with_capacity(rounds);
    let mut cpu = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let (start, cpu_start) = (Instant::now(), thread_cpu_ns());
        run();
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
    format!(
        "best {:.1} ms, median {:.1} ms{cpu}",
        wall[0],
        wall[rounds / 2]
    )
}

/// `cargo test --release --test core_exchange_csv -- --ignored --nocapture bench`
#[test]
#[ignore = "benchmark: prints figures"]
fn bench_parse_30000_rows() {
    let text = big_sheet(30_000);
    let figures = timing(10, || {
        assert_eq!(parse(&text, nothing_stored).unwrap().replies.len(), 30_000);
    });
    println!(
        "parse 30,000 rows ({:.1} MB, ids given): {figures}",
        text.len() as f64 / 1e6
    );
    // Rows without ids: the id generator's path.
    let without_ids: String = text.replace("\r\nr-", "\r\n");
    let figures = timing(10, || {
        assert_eq!(
            parse(&without_ids, nothing_stored).unwrap().replies.len(),
            30_000
        );
    });
    println!("parse 30,000 rows (ids generated): {figures}");
    let replies = parse(&text, nothing_stored).unwrap().replies;
    let figures = timing(10, || {
        assert!(to_csv(&replies).len() > 1_000_000);
    });
    println!("to_csv 30,000 replies: {figures}");
}
