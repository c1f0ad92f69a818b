//! `dom::observe::ScopedObserver`: one callback per frame for child-list additions, nothing else, nothing after drop;
//! the callback is told which new elements were added, or to look at the whole page.
use crate::support::{document, frames, microtasks, Fixture};
use answerdeck::dom::observe::{Changes, ScopedObserver};
use answerdeck::dom::pacer::CHANGES_FLOOR_MS;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::Element;

fn counting_observer(root: &Element) -> (ScopedObserver, Rc<Cell<u32>>) {
    let calls = Rc::new(Cell::new(0));
    let sink = calls.clone();
    let observer =
        ScopedObserver::child_list(root, move |_| sink.set(sink.get() + 1)).expect("observe");
    (observer, calls)
}

fn add(parent: &Element, n: usize) {
    for i in 0..n {
        let child = document().create_element("div").expect("div");
        child.set_text_content(Some(&format!("item {i}")));
        parent.append_child(&child).expect("append");
    }
}

#[wasm_bindgen_test]
async fn runs_once_per_frame_for_a_burst_of_insertions() {
    let fixture = Fixture::new(r#"<section><div class="deep"><ul></ul></div></section>"#);
    let (_observer, calls) = counting_observer(&fixture.root);
    // One task: insertions at several depths, a text node, an innerHTML write.
    add(&fixture.root, 3);
    add(&fixture.el("ul"), 4);
    fixture
        .el(".deep")
        .insert_adjacent_html("beforeend", "<p>one</p><p>two</p>")
        .expect("insert html");
    assert_eq!(calls.get(), 0, "nothing runs synchronously");
    frames(1).await;
    assert_eq!(calls.get(), 1, "one call for the whole burst");
    frames(2).await;
    assert_eq!(calls.get(), 1, "and no late extra calls");

    // A page that keeps changing is rescanned at most every `CHANGES_FLOOR_MS`.
    add(&fixture.el("ul"), 2);
    gloo::timers::future::TimeoutFuture::new(CHANGES_FLOOR_MS as u32 + 50).await;
    frames(1).await;
    assert_eq!(calls.get(), 2, "a later burst gets its own call");
}

#[wasm_bindgen_test]
async fn insertions_in_separate_tasks_of_one_frame_coalesce() {
    let fixture = Fixture::new("");
    let (_observer, calls) = counting_observer(&fixture.root);
    add(&fixture.root, 1);
    microtasks().await;
    add(&fixture.root, 1);
    microtasks().await;
    add(&fixture.root, 1);
    frames(2).await;
    assert_eq!(calls.get(), 1);
}

#[wasm_bindgen_test]
async fn ignores_attribute_text_and_removal_only_changes() {
    let fixture = Fixture::new(r#"<div id="a" class="x">text</div><p id="b">para</p>"#);
    let (_observer, calls) = counting_observer(&fixture.root);
    let a = fixture.el("#a");
    a.set_attribute("class", "y").expect("attr");
    a.set_attribute("aria-expanded", "true").expect("attr");
    a.first_child()
        .expect("text node")
        .set_node_value(Some("changed text"));
    fixture.el("#b").remove();
    frames(2).await;
    assert_eq!(
        calls.get(),
        0,
        "attributes, character data and removals do not call back"
    );
    add(&a, 1);
    frames(1).await;
    assert_eq!(calls.get(), 1, "control: an insertion does");
}

#[wasm_bindgen_test]
async fn never_runs_after_drop() {
    let fixture = Fixture::new("");
    let (observer, calls) = counting_observer(&fixture.root);
    add(&fixture.root, 1);
    frames(1).await;
    assert_eq!(calls.get(), 1);
    drop(observer);
    add(&fixture.root, 3);
    frames(3).await;
    assert_eq!(calls.get(), 1, "no call after drop");
}

/// Regression (src/dom/observe.rs): the animation-frame closure scheduled by the MutationObserver callback holds
/// its own `Rc` of `on_change` and runs it unconditionally, so a frame already requested when the observer is
/// dropped must not call back (it did once before the `alive` flag).
#[wasm_bindgen_test]
async fn never_runs_after_drop_even_with_a_frame_pending() {
    let fixture = Fixture::new("");
    let (observer, calls) = counting_observer(&fixture.root);
    add(&fixture.root, 1);
    // The MutationObserver callback runs (a microtask) and schedules its frame; then the owner goes away.
    microtasks().await;
    drop(observer);
    frames(3).await;
    assert_eq!(
        calls.get(),
        0,
        "the pending frame must not call a dropped observer's callback"
    );
}

/// An observer that keeps what each callback was told.
fn recording_observer(
    root: &Element,
    attributes: &[&str],
) -> (ScopedObserver, Rc<RefCell<Vec<Changes>>>) {
    let told = Rc::new(RefCell::new(Vec::new()));
    let sink = told.clone();
    let observer = ScopedObserver::changes(root, attributes, move |changes| {
        sink.borrow_mut().push(changes)
    })
    .expect("observe");
    (observer, told)
}

#[wasm_bindgen_test]
async fn tells_which_new_elements_were_added_or_to_look_everywhere() {
    let fixture = Fixture::new(
        r#"<ul><li id="moved">moved<span data-answerdeck="reply"></span></li></ul><a id="link" href="/a">a</a>"#,
    );
    let (_observer, told) = recording_observer(&fixture.root, &["href"]);
    let list = fixture.el("ul");
    add(&list, 2);
    // A row the page moves to the top keeps its host: it is not new.
    let moved = fixture.el("#moved");
    list.insert_before(&moved, list.first_child().as_ref())
        .expect("move");
    frames(2).await;
    {
        let told = told.borrow();
        assert_eq!(told.len(), 1);
        let added: Vec<String> = told[0]
            .added
            .iter()
            .filter_map(|e| e.text_content())
            .collect();
        assert_eq!(
            added,
            ["item 0", "item 1"],
            "the new elements, oldest first, not the moved row"
        );
        assert!(!told[0].everything);
    }

    // A watched attribute changed in place (a recycled row): look at the whole page.
    gloo::timers::future::TimeoutFuture::new(CHANGES_FLOOR_MS as u32 + 50).await;
    fixture
        .el("#link")
        .set_attribute("href", "/b")
        .expect("attr");
    frames(2).await;
    {
        let told = told.borrow();
        assert_eq!(told.len(), 2);
        assert!(told[1].everything && told[1].added.is_empty());
    }

    // Too many new elements to list: look at the whole page too.
    gloo::timers::future::TimeoutFuture::new(CHANGES_FLOOR_MS as u32 + 50).await;
    add(&list, 300);
    frames(2).await;
    let told = told.borrow();
    assert_eq!(told.len(), 3);
    assert!(told[2].everything && told[2].added.is_empty());
}
