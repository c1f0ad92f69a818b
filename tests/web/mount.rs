//! `dom::mount::ShadowHost`: a marked host with a closed shadow root that keeps our UI's events from the page.
use crate::support::{document, prop, Fixture, Recorder};
use answerdeck::dom::mount::ShadowHost;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Event, EventInit, EventTarget, HtmlElement, ShadowRootMode};

fn host(kind: &str) -> ShadowHost {
    ShadowHost::new("div", kind, ":host { all: initial } p { color: red }")
        .expect("ShadowHost::new")
}

#[wasm_bindgen_test]
fn host_is_marked_and_its_root_is_closed() {
    let fixture = Fixture::new("");
    let shadow = host("reply-control");
    fixture.root.append_child(&shadow.host).expect("mount");
    assert!(shadow.is_connected());
    assert_eq!(
        shadow.host.get_attribute("data-answerdeck").as_deref(),
        Some("reply-control")
    );
    assert_eq!(shadow.host.tag_name(), "DIV");
    assert_eq!(shadow.root.mode(), ShadowRootMode::Closed);
    assert!(
        prop(&shadow.host, "shadowRoot").is_null(),
        "page scripts see host.shadowRoot === null"
    );
    assert_eq!(
        shadow.host.child_nodes().length(),
        0,
        "nothing in the light DOM"
    );
    let style = shadow
        .root
        .query_selector("style")
        .expect("selector")
        .expect("the css is in the shadow root");
    assert!(style
        .text_content()
        .unwrap_or_default()
        .contains("color: red"));
}

fn dispatch(target: &EventTarget, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(true);
    let event = Event::new_with_event_init_dict(kind, &init).expect("event");
    target.dispatch_event(&event).expect("dispatch");
}

fn keydown(target: &EventTarget) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("j");
    init.set_code("KeyJ");
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    target.dispatch_event(&event).expect("dispatch");
}

#[wasm_bindgen_test]
fn keys_typed_in_the_shadow_root_do_not_reach_the_page() {
    let fixture = Fixture::new(r#"<input id="page-input">"#);
    let shadow = host("picker");
    fixture.root.append_child(&shadow.host).expect("mount");
    let inner: HtmlElement = document()
        .create_element("input")
        .expect("input")
        .dyn_into()
        .expect("html");
    shadow.root.append_child(&inner).expect("append input");

    let on_document = Recorder::count(&document(), "keydown");
    let on_window = Recorder::count(&answerdeck::dom::window(), "keydown");
    let on_host = Recorder::count(&shadow.host, "keydown");
    let on_inner = Recorder::count(&inner, "keydown");

    // Control: the same event from a page input does reach the document listener.
    keydown(&fixture.el("#page-input"));
    assert_eq!(on_document.len(), 1, "control event reaches document");

    keydown(&inner);
    assert_eq!(on_inner.len(), 1, "our own UI still gets its keydown");
    assert_eq!(on_host.len(), 0, "not even retargeted to the host");
    assert_eq!(on_document.len(), 1, "document (bubble) saw nothing more");
    assert_eq!(on_window.len(), 1, "window saw only the control event");
}

#[wasm_bindgen_test]
fn other_contained_events_do_not_reach_the_page() {
    let fixture = Fixture::new(r#"<input id="page-input">"#);
    let shadow = host("floating");
    fixture.root.append_child(&shadow.host).expect("mount");
    let inner = document().create_element("button").expect("button");
    shadow.root.append_child(&inner).expect("append");
    for kind in [
        "keyup",
        "keypress",
        "input",
        "click",
        "mousedown",
        "pointerdown",
        "paste",
        "focusin",
        "wheel",
    ] {
        let on_document = Recorder::count(&document(), kind);
        dispatch(&fixture.el("#page-input"), kind);
        assert_eq!(on_document.len(), 1, "control {kind} reaches document");
        dispatch(&inner, kind);
        assert_eq!(
            on_document.len(),
            1,
            "{kind} from the shadow root stays inside"
        );
    }
}

#[wasm_bindgen_test]
fn dropping_the_host_removes_it() {
    let fixture = Fixture::new("");
    let shadow = host("reply-control");
    fixture.root.append_child(&shadow.host).expect("mount");
    let element = shadow.host.clone();
    assert!(element.is_connected());
    drop(shadow);
    assert!(!element.is_connected(), "removed from the document");
    assert!(element.parent_node().is_none());
    assert_eq!(fixture.root.child_element_count(), 0);
}

#[wasm_bindgen_test]
fn dropping_a_detached_host_is_harmless() {
    let shadow = host("floating");
    let element = shadow.host.clone();
    drop(shadow);
    assert!(!element.is_connected());
}
