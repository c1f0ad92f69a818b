//! URL → surface detection against tests/fixtures/urls.json (shared with the JS gate's test), plus the id
//! helpers that read hrefs.

use answerdeck::sites::facebook::url::{comment_id, thread_id};
use answerdeck::sites::surface::{detect, Site, Surface};
use answerdeck::sites::x::url::{chat_id, status_id};
use serde::Deserialize;

#[derive(Deserialize)]
struct Fixture {
    url: String,
    surface: Option<String>,
    note: String,
}

fn fixtures() -> Vec<Fixture> {
    let text = include_str!("fixtures/urls.json");
    serde_json::from_str(text)
        .expect("tests/fixtures/urls.json is a JSON array of {url, surface, note}")
}

#[test]
fn every_fixture_url_is_detected_as_expected() {
    let fixtures = fixtures();
    let mismatches: Vec<String> = fixtures
        .iter()
        .filter_map(|fixture| {
            let actual = detect(&fixture.url).map(Surface::as_str);
            (actual != fixture.surface.as_deref()).then(|| {
                format!(
                    "  {}\n    expected {:?}, got {:?} ({})",
                    fixture.url, fixture.surface, actual, fixture.note
                )
            })
        })
        .collect();
    assert!(
        mismatches.is_empty(),
        "{} of {} fixtures mismatched:\n{}",
        mismatches.len(),
        fixtures.len(),
        mismatches.join("\n")
    );
}

#[test]
fn fixtures_name_known_surfaces_and_cover_each_one() {
    let fixtures = fixtures();
    for fixture in &fixtures {
        if let Some(name) = &fixture.surface {
            assert!(
                Surface::from_str(name).is_some(),
                "unknown surface {name:?} for {}",
                fixture.url
            );
        }
        assert!(
            !fixture.note.trim().is_empty(),
            "fixture without a note: {}",
            fixture.url
        );
    }
    for surface in Surface::ALL {
        let positives = fixtures
            .iter()
            .filter(|fixture| fixture.surface.as_deref() == Some(surface.as_str()))
            .count();
        assert!(positives >= 3, "only {positives} fixtures for {surface}");
    }
    let negatives = fixtures
        .iter()
        .filter(|fixture| fixture.surface.is_none())
        .count();
    assert!(negatives >= 40, "only {negatives} negative fixtures");
    assert!(fixtures.len() >= 80, "only {} fixtures", fixtures.len());
}

#[test]
fn surfaces_know_their_site() {
    assert_eq!(
        detect("https://www.messenger.com/t/1").map(Surface::site),
        Some(Site::Facebook)
    );
    assert_eq!(
        detect("https://x.com/i/chat").map(Surface::site),
        Some(Site::X)
    );
}

#[test]
fn comment_id_prefers_reply_comment_id() {
    let reply = "/NordlichtKaffee/posts/pfbid0abc?comment_id=111&reply_comment_id=222&__cft__[0]=AZ&__tn__=R]-R";
    assert_eq!(comment_id(reply).as_deref(), Some("222"));
    let top_level =
        "https://www.facebook.com/NordlichtKaffee/posts/pfbid0abc?comment_id=111&__tn__=R]-R";
    assert_eq!(comment_id(top_level).as_deref(), Some("111"));
}

#[test]
fn comment_id_decodes_and_ignores_empty_values() {
    let encoded = "https://www.facebook.com/x/posts/1?comment_id=Y29tbWVudDoxXzI%3D";
    assert_eq!(comment_id(encoded).as_deref(), Some("Y29tbWVudDoxXzI="));
    assert_eq!(
        comment_id("/x/posts/1?reply_comment_id=&comment_id=5").as_deref(),
        Some("5")
    );
    assert_eq!(comment_id("?comment_id=7#anchor").as_deref(), Some("7"));
    assert_eq!(comment_id("/x/posts/1?comment_id="), None);
    assert_eq!(
        comment_id("/x/posts/1#comment_id=3"),
        None,
        "fragment is not the query"
    );
    assert_eq!(comment_id("/x/posts/1"), None);
    assert_eq!(comment_id("mailto:a@b.c?comment_id=1"), None);
}

#[test]
fn thread_id_reads_messenger_paths() {
    let cases = [
        (
            "https://www.facebook.com/messages/t/100012345678901/",
            Some("100012345678901"),
        ),
        (
            "/messages/e2ee/t/7654321098765432",
            Some("7654321098765432"),
        ),
        ("/t/100012345678901", Some("100012345678901")),
        ("https://www.messenger.com/e2ee/t/765/?x=1", Some("765")),
        ("/messages/requests/t/42", Some("42")),
        ("/marketplace/t/9/", Some("9")),
        ("/messages/", None),
        ("/messages/t/", None),
        ("/NordlichtKaffee/t/1", None),
    ];
    for (href, expected) in cases {
        assert_eq!(thread_id(href).as_deref(), expected, "{href}");
    }
}

#[test]
fn status_id_reads_post_links() {
    let owned = |handle: &str, id: &str| Some((handle.to_owned(), id.to_owned()));
    assert_eq!(
        status_id("/eikedrescher/status/2022259933887050206"),
        owned("eikedrescher", "2022259933887050206")
    );
    assert_eq!(
        status_id("https://x.com/Jack/status/20/photo/1?s=20"),
        owned("Jack", "20")
    );
    assert_eq!(
        status_id("https://twitter.com/jack/status/20"),
        owned("jack", "20")
    );
    assert_eq!(
        status_id("/jack/status/20/analytics#x"),
        owned("jack", "20")
    );
    assert_eq!(
        status_id("https://example.com/jack/status/20"),
        None,
        "other host"
    );
    assert_eq!(status_id("/i/web/status/20"), None, "no handle");
    assert_eq!(status_id("/home/status/20"), None, "reserved route");
    assert_eq!(status_id("/jack/status/abc"), None);
    assert_eq!(status_id("/jack"), None);
    assert_eq!(
        status_id("/abcdefghijklmnopqrstu/status/1"),
        None,
        "21-character handle"
    );
}

#[test]
fn chat_id_reads_dm_paths() {
    let cases = [
        (
            "/i/chat/1234567890-9876543210",
            Some("1234567890-9876543210"),
        ),
        ("/i/chat/g2078579589736210656", Some("g2078579589736210656")),
        (
            "/i/chat/requests/1234567890-9876543210/",
            Some("1234567890-9876543210"),
        ),
        ("https://x.com/i/chat/12-34?x=1", Some("12-34")),
        (
            "/messages/1234567890-9876543210",
            Some("1234567890-9876543210"),
        ),
        ("/messages/requests/12-34", Some("12-34")),
        ("/i/chat", None),
        ("/i/chat/requests", None),
        ("/i/chat/settings", None),
        ("/i/chat/pin/recovery", None),
        ("/messages/compose", None),
        ("/messages/home", None),
        ("/i/chat/12-", None),
        ("/jack/status/1", None),
    ];
    for (path, expected) in cases {
        assert_eq!(chat_id(path).as_deref(), expected, "{path}");
    }
}
