//! `sites::x::page`: reply posts on a hand-written status page snippet.
use crate::support::{document, Fixture};
use answerdeck::sites::page::PageFacts;
use answerdeck::sites::x::page::{page_facts, reply_targets};
use wasm_bindgen_test::wasm_bindgen_test;

fn tweet(
    id: &str,
    name_html: &str,
    handle: &str,
    status: &str,
    lang: &str,
    text_html: &str,
) -> String {
    format!(
        r#"<article data-testid="tweet" tabindex="0" id="{id}">
          <div data-testid="User-Name">
            <a href="/{handle}" role="link"><span>{name_html}</span></a>
            <a href="/{handle}" role="link" tabindex="-1"><span>@{handle}</span></a>
            <a href="{status}"><time datetime="2026-11-20T10:00:00.000Z">2h</time></a>
          </div>
          <div data-testid="tweetText" lang="{lang}">{text_html}</div>
          <div role="group" id="{id}-actions"><button data-testid="reply"></button><button data-testid="like"></button></div>
        </article>"#
    )
}

fn status_page() -> String {
    [
        r#"<header><nav>
             <a data-testid="AppTabBar_Profile_Link" href="/nordlichtkaffee" aria-label="Profile">Profile</a>
             <button data-testid="SideNav_AccountSwitcher_Button"><span>Nordlicht Kaffee</span><span>@nordlichtkaffee</span></button>
           </nav></header><main>"#
            .to_string(),
        tweet(
            "t0",
            "Nordlicht Kaffee",
            "nordlichtkaffee",
            "/nordlichtkaffee/status/1800000000000000001",
            "de",
            "<span>Neue Herbströstung ist da ☕</span>",
        ),
        // A status link without a <time> comes first in this post: the time permalink must win.
        tweet(
            "t1",
            "Jonas Becker",
            "jonas_b",
            "/jonas_b/status/1800000000000000042",
            "en",
            r#"<span>Do you ship   to Austria? </span><img alt="🇦🇹">"#,
        )
        .replace(
            r#"<div data-testid="User-Name">"#,
            r#"<div data-testid="socialContext"><a href="/someone/status/1700000000000000009">Show replies</a></div><div data-testid="User-Name">"#,
        ),
        tweet(
            "t2",
            r#"Anna <img alt="🌸">"#,
            "AnnaMueller",
            "https://x.com/AnnaMueller/status/1800000000000000077",
            "de",
            "<span>Gibt es das auch entkoffeiniert?</span>",
        ),
        // The acting account, handle spelled with other capitals.
        tweet(
            "t3",
            "Nordlicht Kaffee",
            "NordlichtKaffee",
            "/NordlichtKaffee/status/1800000000000000080",
            "en",
            "<span>Yes!</span>",
        ),
        tweet(
            "t4",
            "Lena",
            "lena_k",
            "/lena_k/status/1800000000000000099",
            "zxx",
            r#"<img alt="🔥"><img alt="🔥">"#,
        ),
        "</main>".to_string(),
        // The reply modal quotes a post: not a target of its own.
        format!(
            r#"<div role="dialog">{}</div>"#,
            tweet(
                "t5",
                "Jonas Becker",
                "jonas_b",
                "/jonas_b/status/1800000000000000042",
                "en",
                "<span>Do you ship to Austria?</span>"
            )
        ),
    ]
    .concat()
}

/// (element id, name, handle, key, text, lang)
type Row = (String, String, String, String, String, Option<String>);

fn row(id: &str, name: &str, handle: &str, key: &str, text: &str, lang: Option<&str>) -> Row {
    (
        id.into(),
        name.into(),
        handle.into(),
        key.into(),
        text.into(),
        lang.map(String::from),
    )
}

#[wasm_bindgen_test]
fn acting_account_comes_from_the_nav() {
    let _fixture = Fixture::new(&status_page());
    let facts = page_facts(&document());
    assert_eq!(facts.acting.handle.as_deref(), Some("nordlichtkaffee"));
    assert_eq!(facts.acting.name.as_deref(), Some("Nordlicht Kaffee"));
}

#[wasm_bindgen_test]
fn finds_replies_with_name_handle_lang_and_status_key() {
    let fixture = Fixture::new(&status_page());
    let targets = reply_targets(&document(), &page_facts(&document()));
    let rows: Vec<Row> = targets
        .iter()
        .map(|t| {
            (
                t.article.id(),
                t.author.name.clone().unwrap_or_default(),
                t.author.handle.clone().unwrap_or_default(),
                t.key.clone(),
                t.text.clone(),
                t.lang.clone(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            row(
                "t1",
                "Jonas Becker",
                "jonas_b",
                "x:status:1800000000000000042",
                "Do you ship to Austria? 🇦🇹",
                Some("en")
            ),
            row(
                "t2",
                "Anna 🌸",
                "AnnaMueller",
                "x:status:1800000000000000077",
                "Gibt es das auch entkoffeiniert?",
                Some("de")
            ),
            row(
                "t4",
                "Lena",
                "lena_k",
                "x:status:1800000000000000099",
                "🔥🔥",
                None
            ),
        ],
        "the acting account's posts (t0, t3) and the quoted post in the modal (t5) are left out"
    );
    for target in &targets {
        let id = target.article.id();
        assert_eq!(target.anchor, fixture.el(&format!("#{id}-actions")), "{id}");
        let button = target.reply_button.as_ref().expect("reply button");
        assert_eq!(
            button.get_attribute("data-testid").as_deref(),
            Some("reply")
        );
        assert!(target.article.contains(Some(button)));
    }
}

#[wasm_bindgen_test]
fn without_an_acting_account_every_post_is_a_target() {
    let _fixture = Fixture::new(&status_page());
    let targets = reply_targets(&document(), &PageFacts::default());
    let ids: Vec<String> = targets.iter().map(|t| t.article.id()).collect();
    assert_eq!(ids, vec!["t0", "t1", "t2", "t3", "t4"]);
}
