//! `dom::text` and the shared page helpers `sites::page::{readable_text, own_elements}`.
use crate::support::Fixture;
use answerdeck::dom::mount::ShadowHost;
use answerdeck::dom::text::{collapse, count_occurrences, squeeze};
use answerdeck::sites::page::{own_elements, readable_text};
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn collapse_normalises_whitespace() {
    assert_eq!(collapse(""), "");
    assert_eq!(collapse(" \n\t "), "");
    assert_eq!(collapse("  Hello\n\n  world  "), "Hello world");
    assert_eq!(collapse("a\u{a0}\u{a0}b"), "a b", "NBSP");
    assert_eq!(collapse("a\u{200b}b"), "a b", "zero-width space");
    assert_eq!(collapse("\u{feff}a\u{202f}b\u{3000}c"), "a b c");
    assert_eq!(collapse("Grüße 👋🏽 aus Kiel"), "Grüße 👋🏽 aus Kiel");
}

#[wasm_bindgen_test]
fn squeeze_drops_all_whitespace() {
    assert_eq!(
        squeeze(" Hi Anna,\n\nsee\u{a0}you\u{200b}! "),
        "HiAnna,seeyou!"
    );
    assert_eq!(squeeze("🌍 x"), "🌍x");
    assert_eq!(count_occurrences("JonasJonas Jonas", "Jonas"), 3);
    assert_eq!(count_occurrences("abc", ""), 0);
    assert_eq!(count_occurrences("aaaa", "aa"), 2, "non-overlapping");
}

#[wasm_bindgen_test]
fn readable_text_includes_emoji_alt_and_skips_our_hosts() {
    let fixture = Fixture::new(concat!(
        r#"<div id="c">"#,
        r#"  <span>Super   Kaffee</span> <img alt="😍" src="">"#,
        r#"  <b>danke</b><img alt="🙏🏼"><img>"#,
        r#"  <span data-answerdeck="label">VIP customer</span>"#,
        "\n<em>!</em>",
        r#"</div>"#,
    ));
    let c = fixture.el("#c");
    // A real host with text in its closed shadow root, too.
    let shadow = ShadowHost::new("span", "reply-control", "").expect("host");
    shadow
        .root
        .set_inner_html("<button>Reply with template</button>");
    c.append_child(&shadow.host).expect("mount");
    assert_eq!(readable_text(&c), "Super Kaffee 😍 danke🙏🏼 !");
}

#[wasm_bindgen_test]
fn readable_text_of_an_image_only_element() {
    let fixture = Fixture::new(r#"<p id="p"><img alt="👍"></p>"#);
    assert_eq!(readable_text(&fixture.el("#p")), "👍");
}

#[wasm_bindgen_test]
fn own_elements_skip_nested_articles() {
    let fixture = Fixture::new(
        r#"
        <div role="article" id="outer">
          <div dir="auto" id="o1">outer text</div>
          <ul><li>
            <div role="article" id="inner">
              <div dir="auto" id="i1">inner text</div>
              <div><div role="article" id="innermost"><div dir="auto" id="x1">deep</div></div></div>
            </div>
          </li></ul>
          <section><span dir="auto" id="o2">outer again</span></section>
        </div>
        "#,
    );
    let ids = |root: &str, selector: &str| -> Vec<String> {
        own_elements(&fixture.el(root), selector, r#"[role="article"]"#)
            .iter()
            .map(|e| e.id())
            .collect()
    };
    assert_eq!(ids("#outer", r#"[dir="auto"]"#), vec!["o1", "o2"]);
    assert_eq!(ids("#inner", r#"[dir="auto"]"#), vec!["i1"]);
    assert_eq!(ids("#innermost", r#"[dir="auto"]"#), vec!["x1"]);
    assert_eq!(
        ids("#outer", r#"[role="article"]"#),
        vec!["inner"],
        "a directly nested article is the outer's own, its descendants are not"
    );
}
