//! `dom::insert::insert_text`: textareas (native value setter), controlled contenteditable editors (synthetic
//! paste), plain contenteditable (execCommand fallback), editors that refuse, and non-editable elements.
use crate::support::{
    document, frames, js, prop, prop_f64, prop_string, prop_strings, text_of, Fixture, Recorder,
};
use answerdeck::dom::insert::{insert_text, InsertError, Method};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{HtmlElement, HtmlInputElement, HtmlTextAreaElement};

fn utf16_len(text: &str) -> u32 {
    text.encode_utf16().count() as u32
}

/// Records the textarea's/input's value as each `input` event's listener sees it (what React's onChange reads).
fn value_recorder(element: &HtmlElement) -> Recorder {
    Recorder::new(element, "input", |event| {
        event
            .target()
            .and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok())
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| "<no value>".into())
    })
}

struct Area {
    _fixture: Fixture,
    area: HtmlTextAreaElement,
}

fn textarea(value: &str, selection: Option<(u32, u32)>) -> Area {
    let fixture = Fixture::new("<textarea rows=4></textarea>");
    let area: HtmlTextAreaElement = fixture.el("textarea").dyn_into().expect("a textarea");
    area.set_value(value);
    if let Some((start, end)) = selection {
        area.set_selection_range(start, end).expect("set selection");
    }
    Area {
        _fixture: fixture,
        area,
    }
}

fn selection(area: &HtmlTextAreaElement) -> (u32, u32) {
    (
        area.selection_start().expect("start").expect("has start"),
        area.selection_end().expect("end").expect("has end"),
    )
}

async fn assert_textarea_insert(value: &str, sel: Option<(u32, u32)>, text: &str, expected: &str) {
    let Area { _fixture, area } = textarea(value, sel);
    let inputs = value_recorder(&area);
    let result = insert_text(&area, text).await;
    assert_eq!(result, Ok(Method::NativeValueSetter), "inserting {text:?}");
    assert_eq!(
        area.value(),
        expected,
        "value after inserting {text:?} into {value:?}"
    );
    assert_eq!(
        inputs.all(),
        vec![expected.to_string()],
        "exactly one input event, whose listener already sees the new value"
    );
    let caret = sel.map_or(utf16_len(value), |(start, _)| start) + utf16_len(text);
    assert_eq!(
        selection(&area),
        (caret, caret),
        "caret right after the inserted text"
    );
    let active = document().active_element().expect("something has focus");
    assert_eq!(
        &active,
        area.unchecked_ref::<web_sys::Element>(),
        "the textarea has focus"
    );
}

#[wasm_bindgen_test]
async fn textarea_empty() {
    assert_textarea_insert("", None, "Hello 🌍", "Hello 🌍").await;
}

#[wasm_bindgen_test]
async fn textarea_caret_in_the_middle_counts_utf16() {
    // Caret after "Hallo 👋 " (👋 is two UTF-16 units): 6 + 2 + 1 = 9.
    assert_textarea_insert(
        "Hallo 👋 Welt",
        Some((9, 9)),
        "schöne ",
        "Hallo 👋 schöne Welt",
    )
    .await;
}

#[wasm_bindgen_test]
async fn textarea_selection_is_replaced() {
    assert_textarea_insert("Hello world", Some((6, 11)), "there", "Hello there").await;
}

#[wasm_bindgen_test]
async fn textarea_multi_line() {
    let value = "Hi Jonas,\n";
    let end = utf16_len(value);
    assert_textarea_insert(
        value,
        Some((end, end)),
        "thanks for asking!\n\nBest,\nNordlicht Kaffee",
        "Hi Jonas,\nthanks for asking!\n\nBest,\nNordlicht Kaffee",
    )
    .await;
}

/// React's value tracker: an own `value` property on the instance whose setter records the value React last
/// wrote (and, with `forward`, passes it to the native setter). On `input`, React compares the element's real
/// value with the tracked one and only fires onChange when they differ.
fn install_value_tracker(area: &HtmlTextAreaElement, forward: bool) -> JsValue {
    js(
        "el, forward",
        r#"
        const native = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value');
        const log = { sets: [], changes: [], tracked: native.get.call(el) };
        Object.defineProperty(el, 'value', {
          configurable: true,
          enumerable: true,
          get() { return native.get.call(this); },
          set(v) { log.sets.push(String(v)); log.tracked = String(v); if (forward) native.set.call(this, v); },
        });
        el.addEventListener('input', () => {
          const now = native.get.call(el);
          if (now !== log.tracked) { log.tracked = now; log.changes.push(now); }
        });
        log.real = () => native.get.call(el);
        return log;
        "#,
    )
    .call2(&JsValue::NULL, area, &forward.into())
    .expect("install tracker")
}

fn real_value(log: &JsValue) -> String {
    prop(log, "real")
        .unchecked_into::<js_sys::Function>()
        .call0(log)
        .expect("read real value")
        .as_string()
        .expect("a string")
}

#[wasm_bindgen_test]
async fn textarea_with_react_value_tracker_uses_the_prototype_setter() {
    let Area { _fixture, area } = textarea("Hi ", Some((3, 3)));
    let log = install_value_tracker(&area, true);
    let result = insert_text(&area, "there").await;
    assert_eq!(result, Ok(Method::NativeValueSetter));
    assert_eq!(real_value(&log), "Hi there", "the element's real value");
    assert_eq!(
        prop_strings(&log, "sets"),
        Vec::<String>::new(),
        "the instance's own value setter (React's tracker) was bypassed"
    );
    assert_eq!(
        prop_strings(&log, "changes"),
        vec!["Hi there".to_string()],
        "React's onChange fires once with the new value"
    );
}

#[wasm_bindgen_test]
async fn textarea_with_swallowing_instance_setter_still_changes() {
    let Area { _fixture, area } = textarea("Hi ", Some((3, 3)));
    let log = install_value_tracker(&area, false);
    let result = insert_text(&area, "there").await;
    assert_eq!(result, Ok(Method::NativeValueSetter));
    assert_eq!(real_value(&log), "Hi there");
    assert_eq!(prop_strings(&log, "sets"), Vec::<String>::new());
}

#[wasm_bindgen_test]
async fn text_input_gets_the_text() {
    let fixture = Fixture::new(r#"<input type="text" value="abc">"#);
    let input: HtmlInputElement = fixture.el("input").dyn_into().expect("an input");
    input.set_selection_range(1, 1).expect("caret");
    let inputs = value_recorder(&input);
    assert_eq!(
        insert_text(&input, "XY").await,
        Ok(Method::NativeValueSetter)
    );
    assert_eq!(input.value(), "aXYbc");
    assert_eq!(inputs.all(), vec!["aXYbc".to_string()]);
    assert_eq!(input.selection_start().expect("start"), Some(3));
}

// ---- contenteditable ---------------------------------------------------------------------------------------

/// A controlled editor like Lexical/Draft on paste: it keeps its own model, reads `text/plain` from the paste
/// event, cancels it and re-renders the model as one `<p>` per line. `copies` = how many times it appends the
/// pasted text (2 = a misbehaving editor), `delay_ms` > 0 = it commits later, from a timer.
fn paste_editor(editor: &HtmlElement, initial: &str, copies: u32, delay_ms: u32) -> JsValue {
    js(
        "el, initial, copies, delay",
        r#"
        const log = { model: initial, pastes: 0, data: [] };
        const render = () => el.replaceChildren(...log.model.split('\n').map(line => {
          const p = document.createElement('p');
          if (line) p.textContent = line; else p.appendChild(document.createElement('br'));
          return p;
        }));
        render();
        el.addEventListener('paste', e => {
          log.pastes++;
          const t = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
          log.data.push(t);
          e.preventDefault();
          const apply = () => { log.model += t.repeat(copies); render(); };
          if (delay > 0) setTimeout(apply, delay); else apply();
        });
        log.paragraphs = () => Array.from(el.children).map(p => p.textContent);
        return log;
        "#,
    )
    .apply(
        &JsValue::NULL,
        &js_sys::Array::of4(editor, &initial.into(), &copies.into(), &delay_ms.into()),
    )
    .expect("install paste editor")
}

fn paragraphs(log: &JsValue) -> Vec<String> {
    js_sys::Array::from(
        &prop(log, "paragraphs")
            .unchecked_into::<js_sys::Function>()
            .call0(log)
            .expect("paragraphs"),
    )
    .iter()
    .map(|v| v.as_string().unwrap_or_default())
    .collect()
}

fn editable(fixture: &Fixture) -> HtmlElement {
    fixture.html_el("[contenteditable]")
}

const EDITOR_HTML: &str = r#"<div contenteditable="true" role="textbox"></div>"#;

#[wasm_bindgen_test]
async fn paste_editor_empty_gets_the_text_once() {
    let fixture = Fixture::new(EDITOR_HTML);
    let editor = editable(&fixture);
    let log = paste_editor(&editor, "", 1, 0);
    let result = insert_text(&editor, "Hello 🌍").await;
    assert_eq!(
        result,
        Ok(Method::Paste),
        "Chromium: synthetic paste is the method"
    );
    assert_eq!(prop_string(&log, "model"), "Hello 🌍");
    assert_eq!(prop_f64(&log, "pastes"), 1.0, "one paste event, no retry");
    assert_eq!(prop_strings(&log, "data"), vec!["Hello 🌍".to_string()]);
    assert_eq!(text_of(&editor), "Hello 🌍");
}

#[wasm_bindgen_test]
async fn paste_editor_with_text_appends_once() {
    let fixture = Fixture::new(EDITOR_HTML);
    let editor = editable(&fixture);
    let log = paste_editor(&editor, "Danke, ", 1, 0);
    assert_eq!(insert_text(&editor, "Jonas!").await, Ok(Method::Paste));
    assert_eq!(prop_string(&log, "model"), "Danke, Jonas!");
    assert_eq!(text_of(&editor), "Danke, Jonas!");
    assert_eq!(prop_f64(&log, "pastes"), 1.0);
}

#[wasm_bindgen_test]
async fn paste_editor_multi_line_keeps_lines() {
    let fixture = Fixture::new(EDITOR_HTML);
    let editor = editable(&fixture);
    let log = paste_editor(&editor, "", 1, 0);
    let text = "Hi Anna,\nyes, we ship to Austria.\n\nNordlicht Kaffee";
    assert_eq!(insert_text(&editor, text).await, Ok(Method::Paste));
    assert_eq!(
        prop_string(&log, "model"),
        text,
        "the editor received the newlines"
    );
    assert_eq!(
        paragraphs(&log),
        vec![
            "Hi Anna,",
            "yes, we ship to Austria.",
            "",
            "Nordlicht Kaffee"
        ],
        "one paragraph per line"
    );
    assert_eq!(prop_f64(&log, "pastes"), 1.0);
}

/// Records `input` events as `inputType:data`.
fn input_types(editor: &HtmlElement) -> Recorder {
    Recorder::new(editor, "input", |event| {
        let get = |key: &str| {
            js_sys::Reflect::get(event, &key.into())
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default()
        };
        format!("{}:{}", get("inputType"), get("data"))
    })
}

#[wasm_bindgen_test]
async fn plain_contenteditable_falls_back_to_exec_command_once() {
    let fixture =
        Fixture::new(r#"<div contenteditable="true" style="white-space: pre-wrap">Hello </div>"#);
    let editor = editable(&fixture);
    let inputs = input_types(&editor);
    let result = insert_text(&editor, "world").await;
    assert_eq!(
        result,
        Ok(Method::ExecCommand),
        "no paste handler: the fallback"
    );
    assert_eq!(text_of(&editor), "Hello world", "inserted once, at the end");
    assert_eq!(inputs.all(), vec!["insertText:world".to_string()]);
}

#[wasm_bindgen_test]
async fn plain_contenteditable_empty() {
    let fixture =
        Fixture::new(r#"<div contenteditable="true" style="white-space: pre-wrap"></div>"#);
    let editor = editable(&fixture);
    assert_eq!(insert_text(&editor, "Moin!").await, Ok(Method::ExecCommand));
    assert_eq!(text_of(&editor), "Moin!");
}

#[wasm_bindgen_test]
async fn plain_contenteditable_keeps_the_users_caret() {
    let fixture = Fixture::new(
        r#"<div contenteditable="true" style="white-space: pre-wrap">Hello world</div>"#,
    );
    let editor = editable(&fixture);
    let node = editor.first_child().expect("text node");
    let range = document().create_range().expect("range");
    range.set_start(&node, 6).expect("start");
    range.collapse_with_to_start(true);
    let selection = answerdeck::dom::window()
        .get_selection()
        .expect("selection")
        .expect("selection");
    selection.remove_all_ranges().expect("clear");
    selection.add_range(&range).expect("add");
    assert_eq!(insert_text(&editor, "big ").await, Ok(Method::ExecCommand));
    assert_eq!(text_of(&editor), "Hello big world");
}

/// A plain contenteditable has no Shift+Enter handler, so the line break between the per-line `insertText`s is
/// lost here (Lexical and Draft.js map Shift+Enter to a line break); what matters is that nothing is doubled.
#[wasm_bindgen_test]
async fn plain_contenteditable_multi_line_is_inserted_once() {
    let fixture =
        Fixture::new(r#"<div contenteditable="true" style="white-space: pre-wrap">Hi </div>"#);
    let editor = editable(&fixture);
    let result = insert_text(&editor, "Anna,\nsee you").await;
    assert_eq!(result, Ok(Method::ExecCommand));
    let squeezed = answerdeck::dom::text::squeeze(&text_of(&editor));
    assert_eq!(
        squeezed, "HiAnna,seeyou",
        "every character once, none doubled"
    );
}

/// An editor that accepts nothing: cancels paste and restores its DOM after any change.
fn reverting_editor(editor: &HtmlElement) -> JsValue {
    js(
        "el",
        r#"
        const original = el.innerHTML;
        const log = { pastes: 0, reverts: 0 };
        el.addEventListener('paste', e => { log.pastes++; e.preventDefault(); });
        const mo = new MutationObserver(() => {
          if (el.innerHTML !== original) { log.reverts++; el.innerHTML = original; }
        });
        mo.observe(el, { childList: true, characterData: true, subtree: true });
        log.stop = () => mo.disconnect();
        return log;
        "#,
    )
    .call1(&JsValue::NULL, editor)
    .expect("install reverting editor")
}

#[wasm_bindgen_test]
async fn reverting_editor_is_refused_and_unchanged() {
    let html =
        r#"<div contenteditable="true" style="white-space: pre-wrap"><p>Draft reply</p></div>"#;
    let fixture = Fixture::new(html);
    let editor = editable(&fixture);
    let log = reverting_editor(&editor);
    let result = insert_text(&editor, "Thanks!").await;
    frames(2).await;
    assert!(
        matches!(
            result,
            Err(InsertError::Refused) | Err(InsertError::Unexpected)
        ),
        "got {result:?}"
    );
    assert_eq!(
        editor.inner_html(),
        "<p>Draft reply</p>",
        "content unchanged"
    );
    assert_eq!(prop_f64(&log, "pastes"), 1.0, "paste tried once");
    assert!(
        prop_f64(&log, "reverts") >= 1.0,
        "the execCommand fallback was tried (and reverted)"
    );
    let _ = prop(&log, "stop")
        .unchecked_into::<js_sys::Function>()
        .call0(&log);
}

#[wasm_bindgen_test]
async fn empty_draft_editor_never_gets_exec_command() {
    // Draft.js removes an empty editor after execCommand('insertText'): when paste does nothing, give up.
    let fixture = Fixture::new(
        r#"<div class="DraftEditor-root"><div class="public-DraftEditor-content" contenteditable="true"></div></div>"#,
    );
    let editor = editable(&fixture);
    let inputs = input_types(&editor);
    let result = insert_text(&editor, "Hello").await;
    assert_eq!(result, Err(InsertError::Refused));
    assert_eq!(inputs.len(), 0, "no execCommand input event");
    assert_eq!(text_of(&editor), "");
}

#[wasm_bindgen_test]
async fn editor_that_doubles_the_paste_is_unexpected_and_not_retried() {
    let fixture = Fixture::new(EDITOR_HTML);
    let editor = editable(&fixture);
    let log = paste_editor(&editor, "Hi ", 2, 0);
    let inputs = input_types(&editor);
    let result = insert_text(&editor, "Jonas").await;
    assert_eq!(result, Err(InsertError::Unexpected));
    assert_eq!(prop_string(&log, "model"), "Hi JonasJonas");
    assert_eq!(prop_f64(&log, "pastes"), 1.0, "no second paste");
    assert_eq!(inputs.len(), 0, "no execCommand after an unexpected change");
}

#[wasm_bindgen_test]
async fn non_editable_elements_are_refused() {
    let fixture = Fixture::new(
        r#"<div id="plain">Hello</div><div id="off" contenteditable="false">Hi</div><button id="b">Send</button>"#,
    );
    for id in ["#plain", "#off", "#b"] {
        let element = fixture.html_el(id);
        let before = element.outer_html();
        assert_eq!(
            insert_text(&element, "text").await,
            Err(InsertError::NotEditable),
            "{id}"
        );
        assert_eq!(element.outer_html(), before, "{id} unchanged");
    }
}
