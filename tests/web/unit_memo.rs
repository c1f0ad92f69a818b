//! `dom::unit_memo`: a unit's reading is remembered until the page observer sees a change inside that unit,
//! and our own hosts coming and going are not such a change.
use crate::support::{document, frames, Fixture};
use answerdeck::dom::observe::ScopedObserver;
use answerdeck::dom::unit_memo::UnitMemo;
use std::cell::Cell;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::Element;

thread_local! {
    static TEXTS: UnitMemo<String> = const { UnitMemo::new() };
    static READS: Cell<u32> = const { Cell::new(0) };
}

/// The unit's text, counting how often the page was really read.
fn text(unit: &Element) -> String {
    TEXTS.with(|memo| {
        memo.read(unit, &|unit| {
            READS.with(|r| r.set(r.get() + 1));
            unit.text_content().unwrap_or_default()
        })
    })
}

fn reads() -> u32 {
    READS.with(Cell::get)
}

#[wasm_bindgen_test]
async fn a_unit_is_read_again_only_after_it_changed() {
    let fixture = Fixture::new(
        r#"<article id="a"><p><span>first</span></p></article><article id="b"><p>other</p></article>"#,
    );
    let _observer = ScopedObserver::changes(&fixture.root, &["href"], |_| {}).expect("observe");
    let (a, b) = (fixture.el("#a"), fixture.el("#b"));
    let before = reads();
    assert_eq!(text(&a), "first");
    assert_eq!(text(&b), "other");
    assert_eq!(text(&a), "first");
    assert_eq!(
        reads() - before,
        2,
        "the second read of a comes from the memo"
    );

    // Text changed in place, deep inside a: a is read again, b is not.
    fixture
        .el("#a span")
        .first_child()
        .expect("text")
        .set_node_value(Some("edited"));
    frames(1).await;
    assert_eq!(text(&a), "edited");
    assert_eq!(text(&b), "other");
    assert_eq!(reads() - before, 3);

    // One of our hosts added inside b is not a change to b.
    let host = document().create_element("span").expect("span");
    host.set_attribute("data-answerdeck", "reply")
        .expect("attr");
    fixture.el("#b p").append_child(&host).expect("append");
    frames(1).await;
    assert_eq!(text(&b), "other");
    assert_eq!(reads() - before, 3, "our own host leaves b's reading alone");

    // A node the page adds is.
    let added = document().create_element("em").expect("em");
    added.set_text_content(Some("!"));
    fixture.el("#b p").append_child(&added).expect("append");
    frames(1).await;
    assert_eq!(text(&b), "other!");
    assert_eq!(reads() - before, 4);
}

#[wasm_bindgen_test]
async fn forget_all_reads_everything_again() {
    let fixture = Fixture::new(r#"<article id="c">kept</article>"#);
    let c = fixture.el("#c");
    let before = reads();
    text(&c);
    text(&c);
    assert_eq!(reads() - before, 1);
    answerdeck::dom::unit_memo::forget_all();
    text(&c);
    assert_eq!(reads() - before, 2);
}

#[wasm_bindgen_test]
async fn a_unit_read_again_after_a_change_keeps_its_slot() {
    thread_local! {
        static LENGTHS: UnitMemo<usize> = const { UnitMemo::new() };
    }
    let length = |unit: &Element| {
        LENGTHS.with(|memo| memo.read(unit, &|u| u.text_content().unwrap_or_default().len()))
    };
    let fixture = Fixture::new(r#"<article id="k"><p>four</p></article>"#);
    let _observer = ScopedObserver::changes(&fixture.root, &[], |_| {}).expect("observe");
    let unit = fixture.el("#k");
    assert_eq!(length(&unit), 4);
    let kept = LENGTHS.with(|memo| memo.kept());
    for word in ["seven..", "ten.......", "two"] {
        unit.first_element_child()
            .expect("p")
            .set_text_content(Some(word));
        frames(1).await;
        assert_eq!(length(&unit), word.len(), "read again after the change");
    }
    assert_eq!(
        LENGTHS.with(|memo| memo.kept()),
        kept,
        "one slot for the unit however often it changed"
    );
}

#[wasm_bindgen_test]
async fn the_readings_of_removed_units_are_let_go() {
    thread_local! {
        static IDS: UnitMemo<Option<Element>> = const { UnitMemo::new() };
    }
    // A reading that holds the unit's element, as the site readings do (a comment's Reply button).
    let reads = Cell::new(0);
    let hold = |unit: &Element| {
        IDS.with(|memo| {
            memo.read(unit, &|u| {
                reads.set(reads.get() + 1);
                Some(u.clone())
            })
        })
    };
    let fixture = Fixture::new(r#"<section id="feed"></section>"#);
    let feed = fixture.el("#feed");
    let kept_now = || IDS.with(|memo| memo.kept());
    let mut most = 0;
    // A feed that keeps 50 comments on the page while 3,000 pass through it, as an inbox with churn does.
    for round in 0..60 {
        for n in 0..50 {
            let comment = document().create_element("article").expect("article");
            comment.set_text_content(Some(&format!("comment {round}.{n}")));
            feed.append_child(&comment).expect("append");
            hold(&comment);
        }
        while feed.child_element_count() > 50 {
            feed.first_element_child().expect("oldest").remove();
        }
        most = most.max(kept_now());
    }
    assert!(
        most < 1100,
        "readings held for units the page removed: at most {most} kept for 50 on the page"
    );
    // The comments on the page are still remembered after the memo started over.
    let shown = feed.first_element_child().expect("comment");
    assert_eq!(hold(&shown), Some(shown.clone()));
    let before = reads.get();
    assert_eq!(hold(&shown), Some(shown));
    assert_eq!(reads.get(), before, "a second read comes from the memo");
}
