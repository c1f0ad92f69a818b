//! `dom::nearby`: a page's first owners are near at once; later ones once the observer sees them within its
//! margin of the screen, which wakes the scan; far ones stay out until scrolled to, and near ones go far again
//! when scrolled away from. Without a watcher, every owner is near.
use crate::support::{document, frames, Fixture};
use answerdeck::dom::nearby;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::Element;

/// Waits up to `n` frames for `done`.
async fn until(n: usize, done: impl Fn() -> bool) -> bool {
    for _ in 0..n {
        if done() {
            return true;
        }
        frames(1).await;
    }
    done()
}

#[wasm_bindgen_test]
async fn owners_come_near_as_they_come_into_view() {
    let fillers = r#"<p class="nb-first">comment</p>"#.repeat(40);
    let fixture = Fixture::new(&format!(
        r#"{fillers}<p id="nb-top">on screen</p><div style="height: 30000px"></div><p id="nb-far">far below</p>"#
    ));
    let wakes = Rc::new(Cell::new(0));
    let counter = wakes.clone();
    nearby::start(move || counter.set(counter.get() + 1));

    let first = document().query_selector_all(".nb-first").expect("query");
    for i in 0..first.length() {
        let owner: Element = first.item(i).expect("filler").dyn_into().expect("element");
        assert!(nearby::is_near(&owner), "the first owners are near at once");
    }
    let (top, far) = (fixture.el("#nb-top"), fixture.el("#nb-far"));
    assert!(!nearby::is_near(&top), "later owners wait for the observer");
    assert!(!nearby::is_near(&far));

    assert!(
        until(60, || wakes.get() >= 1).await,
        "the observer wakes the scan"
    );
    assert!(nearby::is_near(&top), "an owner on screen is near");
    assert!(!nearby::is_near(&far), "one 30,000 px down is not");

    far.scroll_into_view();
    assert!(
        until(60, || nearby::is_near(&far)).await,
        "scrolled to, it is near"
    );
    assert!(
        until(60, || wakes.get() >= 2).await,
        "and the scan is woken again (paced: at least 100 ms after the last)"
    );
    assert!(
        until(60, || nearby::went_far(&top)).await,
        "the owner at the top went far when the page scrolled 30,000 px away from it"
    );
    assert!(!nearby::is_near(&top));
    assert!(!nearby::went_far(&far));
    let wakes_before = wakes.get();
    answerdeck::dom::window().scroll_to_with_x_and_y(0.0, 0.0);
    assert!(
        until(60, || nearby::is_near(&top) && nearby::went_far(&far)).await,
        "scrolled back, the top is near again and the bottom far"
    );
    assert!(
        until(60, || wakes.get() > wakes_before).await,
        "going far wakes the scan too (its hosts go)"
    );
    let composer = document().create_element("div").expect("div");
    assert!(
        !nearby::went_far(&composer),
        "an owner never asked about never goes far"
    );

    nearby::stop();
    let late = document().create_element("p").expect("p");
    assert!(
        nearby::is_near(&late),
        "without a watcher everything is near"
    );
}
