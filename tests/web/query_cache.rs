//! `dom::query_cache`: scans share a document-wide list until the page observer sees elements come or go; our
//! own hosts and text changed in place keep it; code outside a scan always queries afresh.
use crate::support::{document, frames, Fixture};
use answerdeck::dom::observe::ScopedObserver;
use answerdeck::dom::{query_cache, slice};
use std::cell::RefCell;
use wasm_bindgen_test::wasm_bindgen_test;

/// How many elements match `selector`, read the way a scan reads it (inside a slice).
fn in_a_scan(selector: &str) -> usize {
    let found = RefCell::new(0);
    slice::run(&|| *found.borrow_mut() = query_cache::all(&document(), selector).len());
    found.into_inner()
}

#[wasm_bindgen_test]
async fn scans_share_a_list_until_the_page_changes() {
    let fixture = Fixture::new(
        r#"<div id="list"><p class="qc-unit">one</p><p class="qc-unit">two</p></div>"#,
    );
    let _observer = ScopedObserver::changes(&fixture.root, &[], |_| {}).expect("observe");
    query_cache::forget();
    assert_eq!(in_a_scan(".qc-unit"), 2);

    // A change made in the same task, before the observer reports it: a scan still sees its list, code
    // outside a scan sees the page.
    let third = document().create_element("p").expect("p");
    third.set_class_name("qc-unit");
    third.set_text_content(Some("three"));
    fixture.el("#list").append_child(&third).expect("append");
    assert_eq!(in_a_scan(".qc-unit"), 2, "the scan's list is shared");
    assert_eq!(
        query_cache::all(&document(), ".qc-unit").len(),
        3,
        "outside a scan: fresh"
    );

    // Once the observer saw the element come, scans see it too.
    frames(1).await;
    assert_eq!(in_a_scan(".qc-unit"), 3);

    // Text changed in place and our own hosts keep the list.
    third.first_child().expect("text").set_node_value(Some("3"));
    let host = document().create_element("span").expect("span");
    host.set_attribute("data-answerdeck", "reply")
        .expect("attr");
    host.set_class_name("qc-unit");
    fixture.el("#list").append_child(&host).expect("append");
    frames(1).await;
    assert_eq!(
        in_a_scan(".qc-unit"),
        3,
        "our host is not the page changing"
    );
    host.remove();

    // An element the page removes is gone from the next scan's list.
    third.remove();
    frames(1).await;
    assert_eq!(in_a_scan(".qc-unit"), 2);
}

#[wasm_bindgen_test]
async fn a_change_forgets_only_the_lists_it_may_change() {
    let fixture = Fixture::new(
        r#"<div id="qc-list"><p class="qc-a">a</p><p class="qc-b">b</p><p id="qc-plain">x</p></div>"#,
    );
    let _observer = ScopedObserver::changes(&fixture.root, &[], |_| {}).expect("observe");
    query_cache::forget();
    assert_eq!(in_a_scan(".qc-a"), 1);
    assert_eq!(in_a_scan(".qc-b"), 1);
    assert_eq!(in_a_scan("#qc-list .qc-a"), 1);
    // No attribute is observed here, so this makes no record: a list kept shows one .qc-a, a fresh one two.
    fixture.el("#qc-plain").set_class_name("qc-a");

    let append = |html: &str| {
        let holder = document().create_element("div").expect("div");
        holder.set_inner_html(html);
        fixture
            .el("#qc-list")
            .append_child(&holder)
            .expect("append");
        holder
    };
    append(r#"<p class="qc-b">new</p>"#);
    frames(1).await;
    assert_eq!(
        in_a_scan(".qc-a"),
        1,
        "nothing that came is or holds a .qc-a: kept"
    );
    assert_eq!(in_a_scan(".qc-b"), 2, "a .qc-b came inside what was added");
    assert_eq!(
        in_a_scan("#qc-list .qc-a"),
        2,
        "a selector that looks at ancestors is forgotten by any change"
    );

    let holder = append(r#"<span><b class="qc-a">deep</b></span>"#);
    frames(1).await;
    assert_eq!(in_a_scan(".qc-a"), 3, "a .qc-a inside what came");

    holder.remove();
    frames(1).await;
    assert_eq!(in_a_scan(".qc-a"), 2, "a .qc-a inside what went");
}
