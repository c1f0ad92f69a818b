//! `sites::facebook::page`: customer comments and replies on hand-written post snippets.
use crate::support::{document, Fixture};
use answerdeck::sites::facebook::page::{page_facts, reply_targets};
use answerdeck::sites::page::{content_key, PageFacts, ReplyTarget};
use wasm_bindgen_test::wasm_bindgen_test;

/// A post permalink: the Page's post, its comment box ("Comment as …"), an English comment with two replies
/// nested inside its article (one by the Page itself), a German comment whose reply sits in a sibling
/// `ul > li`, a comment with no permalink but a Reply button, and a nested article that is no comment.
const POST: &str = r#"
<div role="main">
  <div role="article" aria-labelledby="post-h" id="post">
    <h2 id="post-h"><a href="/nordlichtkaffee"><span dir="auto">Nordlicht Kaffee</span></a></h2>
    <a href="/nordlichtkaffee/posts/pfbid02abc">5h</a>
    <div dir="auto">Unsere Herbstmischung ist da! Our autumn blend is here.</div>
    <div><div role="button">Like</div><div role="button">Comment</div><div role="button">Share</div></div>
    <div><div contenteditable="true" role="textbox" aria-label="Comment as Nordlicht Kaffee"><p><br></p></div></div>
    <ul>
      <li>
        <div role="article" aria-label="Comment by Jonas Becker 2 hours ago" id="c1">
          <a href="https://www.facebook.com/jonas.becker.77?comment_id=Y29tbWVudDoxMjM0XzU2Nzg%3D&amp;__cft__[0]=AZX" role="link"><span dir="auto">Jonas Becker</span></a>
          <div dir="auto">Do you ship to   Austria? <img alt="🇦🇹"></div>
          <div class="actions" id="c1-actions">
            <a href="https://www.facebook.com/nordlichtkaffee/posts/pfbid02abc?comment_id=Y29tbWVudDoxMjM0XzU2Nzg%3D&amp;__cft__[0]=AZX">2h</a>
            <div role="button">Like</div><div role="button">Reply</div>
          </div>
          <ul>
            <li>
              <div role="article" aria-label="Reply by Nordlicht Kaffee to Jonas Becker's comment 1 hour ago" id="r1">
                <a href="/nordlichtkaffee?comment_id=Y29tbWVudDoxMjM0XzU2Nzg%3D&amp;reply_comment_id=2222222222222222"><span dir="auto">Nordlicht Kaffee</span></a>
                <div dir="auto">Yes, we do! Shipping takes 3–5 days.</div>
                <div><a href="/nordlichtkaffee/posts/pfbid02abc?comment_id=Y29tbWVudDoxMjM0XzU2Nzg%3D&amp;reply_comment_id=2222222222222222">1h</a>
                <div role="button">Like</div><div role="button">Reply</div></div>
              </div>
            </li>
            <li>
              <div role="article" aria-label="Reply by Mia Schulz to Jonas Becker's comment 20 minutes ago" id="r2">
                <a href="/mia.schulz?comment_id=Y29tbWVudDoxMjM0XzU2Nzg%3D&amp;reply_comment_id=3333333333333333"><span dir="auto">Mia Schulz</span></a>
                <div dir="auto">Same question for Switzerland 🇨🇭</div>
                <div><a href="/nordlichtkaffee/posts/pfbid02abc?comment_id=Y29tbWVudDoxMjM0XzU2Nzg%3D&amp;reply_comment_id=3333333333333333">20m</a>
                <div role="button">Reply</div></div>
              </div>
            </li>
          </ul>
        </div>
      </li>
      <li>
        <div role="article" aria-label="Kommentar von Anna Müller vor 3 Std." id="c2">
          <a href="https://www.facebook.com/anna.mueller.5?comment_id=4444444444444444"><span dir="auto">Anna Müller</span></a>
          <div dir="auto"><span dir="auto">Habt ihr auch entkoffeinierten Kaffee? <img alt="☕"></span></div>
          <div id="c2-actions"><a href="/nordlichtkaffee/posts/pfbid02abc?comment_id=4444444444444444">3 Std.</a>
          <div role="button">Gefällt mir</div><div role="button">Antworten</div></div>
        </div>
        <ul>
          <li>
            <div role="article" aria-label="Antwort von Lena Koch vor 1 Std." id="r3">
              <a href="/lena.koch?comment_id=4444444444444444&amp;reply_comment_id=5555555555555555"><span dir="auto">Lena Koch</span></a>
              <div dir="auto">Ja, den gibt es im Shop.</div>
              <div><a href="/nordlichtkaffee/posts/pfbid02abc?comment_id=4444444444444444&amp;reply_comment_id=5555555555555555">1 Std.</a>
              <div role="button">Antworten</div></div>
            </div>
          </li>
        </ul>
      </li>
      <li>
        <div role="article" id="c3">
          <a href="/profile.php?id=100000000000001"><span dir="auto">Tom Fischer</span></a>
          <div dir="auto">Great beans!</div>
          <div id="c3-actions"><div role="button">Like</div><div role="button">Reply</div></div>
        </div>
      </li>
      <li>
        <div role="article" id="preview"><a href="https://example.com/"><span dir="auto">example.com</span></a></div>
      </li>
    </ul>
  </div>
</div>
"#;

/// (element id, author name, key, text)
fn summary(targets: &[ReplyTarget]) -> Vec<(String, String, String, String)> {
    targets
        .iter()
        .map(|t| {
            (
                t.article.id(),
                t.author.name.clone().unwrap_or_default(),
                t.key.clone(),
                t.text.clone(),
            )
        })
        .collect()
}

fn row(id: &str, name: &str, key: &str, text: &str) -> (String, String, String, String) {
    (id.into(), name.into(), key.into(), text.into())
}

#[wasm_bindgen_test]
fn acting_page_comes_from_the_comment_box_label() {
    let _fixture = Fixture::new(POST);
    let facts = page_facts(&document());
    assert_eq!(facts.acting.name.as_deref(), Some("Nordlicht Kaffee"));
    assert_eq!(facts.acting.handle, None);
}

#[wasm_bindgen_test]
fn finds_customer_comments_and_replies() {
    let fixture = Fixture::new(POST);
    let facts = page_facts(&document());
    let targets = reply_targets(&document(), &facts);
    let key_c1 = "fb:comment:Y29tbWVudDoxMjM0XzU2Nzg=";
    let key_c3 = content_key("fb:comment", &["Tom Fischer", "Great beans!"]);
    assert_eq!(
        summary(&targets),
        vec![
            row("c1", "Jonas Becker", key_c1, "Do you ship to Austria? 🇦🇹"),
            row(
                "r2",
                "Mia Schulz",
                "fb:comment:3333333333333333",
                "Same question for Switzerland 🇨🇭"
            ),
            row(
                "c2",
                "Anna Müller",
                "fb:comment:4444444444444444",
                "Habt ihr auch entkoffeinierten Kaffee? ☕"
            ),
            row(
                "r3",
                "Lena Koch",
                "fb:comment:5555555555555555",
                "Ja, den gibt es im Shop."
            ),
            row("c3", "Tom Fischer", &key_c3, "Great beans!"),
        ],
        "the post, the Page's own reply (r1) and the link preview are left out"
    );
    assert!(key_c3.starts_with("fb:comment:h"));

    // Reply buttons and anchors: the comment's own action row, never a nested reply's.
    let by_id = |id: &str| {
        targets
            .iter()
            .find(|t| t.article.id() == id)
            .unwrap_or_else(|| panic!("{id} found"))
    };
    for (id, word, row) in [
        ("c1", "Reply", "c1-actions"),
        ("c2", "Antworten", "c2-actions"),
        ("c3", "Reply", "c3-actions"),
    ] {
        let target = by_id(id);
        let button = target.reply_button.as_ref().expect("reply button");
        assert_eq!(button.text_content().as_deref(), Some(word), "{id}");
        assert_eq!(target.anchor, fixture.el(&format!("#{row}")), "{id} anchor");
        assert!(target.article.contains(Some(&target.anchor)));
        assert_eq!(target.author.handle, None);
        assert_eq!(target.lang, None);
    }
    // The Jonas comment's button is its own, not the one of the reply nested inside it.
    assert_eq!(
        by_id("c1")
            .reply_button
            .as_ref()
            .map(|b| b.parent_element()),
        Some(Some(fixture.el("#c1-actions")))
    );
}

#[wasm_bindgen_test]
fn without_an_acting_page_its_reply_is_a_target_too() {
    let _fixture = Fixture::new(POST);
    let targets = reply_targets(&document(), &PageFacts::default());
    let ids: Vec<String> = targets.iter().map(|t| t.article.id()).collect();
    assert_eq!(ids, vec!["c1", "r1", "r2", "c2", "r3", "c3"]);
    let r1 = &targets[1];
    assert_eq!(r1.author.name.as_deref(), Some("Nordlicht Kaffee"));
    assert_eq!(r1.key, "fb:comment:2222222222222222");
    assert_eq!(r1.text, "Yes, we do! Shipping takes 3–5 days.");
}

#[wasm_bindgen_test]
fn keys_are_stable_across_rescans() {
    let _fixture = Fixture::new(POST);
    let facts = page_facts(&document());
    let first: Vec<String> = reply_targets(&document(), &facts)
        .into_iter()
        .map(|t| t.key)
        .collect();
    let second: Vec<String> = reply_targets(&document(), &facts)
        .into_iter()
        .map(|t| t.key)
        .collect();
    assert_eq!(first, second);
    let mut unique = first.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), first.len(), "keys are distinct");
}

/// Page timeline → post dialog (German UI): the post article sits inside `[role=dialog]` and must still not be
/// taken for a comment; a label-only comment (no permalink, no Reply button yet) is found by its label.
#[wasm_bindgen_test]
fn post_dialog_in_german() {
    let _fixture = Fixture::new(
        r#"
        <div role="dialog" aria-label="Beitrag von Nordlicht Kaffee">
          <div role="article" id="post">
            <a href="/nordlichtkaffee"><span dir="auto">Nordlicht Kaffee</span></a>
            <div dir="auto">Neue Röstung!</div>
            <div><div role="button">Gefällt mir</div><div role="button">Kommentieren</div></div>
            <div role="article" aria-label="Kommentar von Jörg Weiß vor 5 Minuten" id="c1">
              <a href="/joerg.weiss"><span dir="auto">Jörg Weiß</span></a>
              <div dir="auto">Wann öffnet der Laden?</div>
            </div>
            <div role="article" aria-label="Antwort von Nordlicht Kaffee vor 1 Minute" id="r1">
              <a href="/nordlichtkaffee?comment_id=9&amp;reply_comment_id=10"><span dir="auto">Nordlicht Kaffee</span></a>
              <div dir="auto">Um 8 Uhr!</div>
              <div role="button">Antworten</div>
            </div>
            <div contenteditable="true" role="textbox" aria-label="Kommentieren als Nordlicht Kaffee"><p><br></p></div>
          </div>
        </div>
        "#,
    );
    let facts = page_facts(&document());
    assert_eq!(facts.acting.name.as_deref(), Some("Nordlicht Kaffee"));
    let targets = reply_targets(&document(), &facts);
    assert_eq!(
        summary(&targets),
        vec![row(
            "c1",
            "Jörg Weiß",
            &content_key("fb:comment", &["Jörg Weiß", "Wann öffnet der Laden?"]),
            "Wann öffnet der Laden?"
        )]
    );
    assert!(targets[0].reply_button.is_none());
}
