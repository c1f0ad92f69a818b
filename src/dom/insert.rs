//! The one text-insertion routine: put text into a site's composer through the editor's own input path,
//! confirm it took, fall back once, never retry blindly, never send.
//!
//! Evidence (research/toolchain.md §6, sites-facebook.md §6, sites-x.md §3):
//! - `<textarea>` (X Chat): React swallows `value = …`; set it through the prototype's native setter, then an
//!   `input` event.
//! - contenteditable editors (Lexical on Facebook, Draft.js on X): writing DOM text is reverted or ignored. A
//!   synthetic `paste` with a `DataTransfer` works in Chrome in every case measured (empty, non-empty,
//!   multi-line). Firefox ignores the event's `clipboardData`, so there `execCommand('insertText')` goes line by
//!   line with a Shift+Enter keydown between lines (both editors map it to a line break).
//! - `execCommand('insertText')` on an EMPTY Draft.js editor makes React remove the editor: never do that.
//! - Editors commit asynchronously: check after a frame. If nothing changed, try the one fallback; if the text
//!   changed but not as expected, stop and say so (a retry could double the text).
use super::text::{count_occurrences, squeeze};
use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    ClipboardEvent, ClipboardEventInit, DataTransfer, Element, HtmlElement, HtmlInputElement,
    HtmlTextAreaElement, InputEvent, InputEventInit, KeyboardEvent, KeyboardEventInit,
};

/// How the text got in, for diagnostics and tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    NativeValueSetter,
    Paste,
    ExecCommand,
    BeforeInput,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::NativeValueSetter => "value-setter",
            Method::Paste => "paste",
            Method::ExecCommand => "execCommand",
            Method::BeforeInput => "beforeinput",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InsertError {
    /// The composer did not change at all, with the primary method and the fallback.
    Refused,
    /// The composer changed, but not into what we expected: we stop rather than risk doubling the text.
    Unexpected,
    /// The element is not a text field or editor.
    NotEditable,
    /// The typed shortcut is no longer right before the caret.
    Moved,
}

impl InsertError {
    pub fn message(&self) -> &'static str {
        match self {
            InsertError::Refused => "The reply box did not accept the text.",
            InsertError::Unexpected => {
                "The reply box changed unexpectedly; check it before sending."
            }
            InsertError::NotEditable => "This is not a text box.",
            InsertError::Moved => {
                "The shortcut is no longer before the cursor; nothing was changed."
            }
        }
    }
}

/// Inserts `text` at the caret of `target` (or at its end when the caret is elsewhere) and confirms it.
pub async fn insert_text(target: &HtmlElement, text: &str) -> Result<Method, InsertError> {
    insert_replacing(target, text, "").await
}

/// Like [`insert_text`], but `typed` — what the user just typed before the caret (a `/shortcut`) — is
/// replaced by `text` in the same edit, so the editor's undo sees one change. When the text before the caret
/// is not `typed` (the user moved on), nothing changes and the result is [`InsertError::Moved`].
pub async fn insert_replacing(
    target: &HtmlElement,
    text: &str,
    typed: &str,
) -> Result<Method, InsertError> {
    if let Some(area) = target.dyn_ref::<HtmlTextAreaElement>() {
        return insert_into_value(
            area.clone().unchecked_into(),
            "HTMLTextAreaElement",
            text,
            typed,
        )
        .await;
    }
    if let Some(input) = target.dyn_ref::<HtmlInputElement>() {
        return insert_into_value(
            input.clone().unchecked_into(),
            "HTMLInputElement",
            text,
            typed,
        )
        .await;
    }
    if !target.is_content_editable() {
        return Err(InsertError::NotEditable);
    }
    insert_into_editor(target, text, typed).await
}

/// The text in `editor` from the start of the caret's text node up to the caret: what the user just typed.
/// None when the caret is not in the editor (or not collapsed).
pub fn text_before_caret(editor: &HtmlElement) -> Option<String> {
    if let Some(area) = editor.dyn_ref::<HtmlTextAreaElement>() {
        let caret = area.selection_end().ok()??;
        let value: Vec<u16> = area.value().encode_utf16().collect();
        return Some(String::from_utf16_lossy(
            &value[..(caret as usize).min(value.len())],
        ));
    }
    let selection = super::window().get_selection().ok().flatten()?;
    if !selection.is_collapsed() {
        return None;
    }
    let node = selection.anchor_node()?;
    if !editor.contains(Some(&node)) || node.node_type() != web_sys::Node::TEXT_NODE {
        return None;
    }
    let text: Vec<u16> = node.text_content()?.encode_utf16().collect();
    let offset = (selection.anchor_offset() as usize).min(text.len());
    Some(String::from_utf16_lossy(&text[..offset]))
}

/// Textareas and inputs: splice at the selection, set through the native setter, announce with `input`.
async fn insert_into_value(
    element: HtmlElement,
    class: &str,
    text: &str,
    typed: &str,
) -> Result<Method, InsertError> {
    let value = Reflect::get(&element, &"value".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    let utf16: Vec<u16> = value.encode_utf16().collect();
    let len = utf16.len() as u32;
    let (start, end) = selection_range(&element).unwrap_or((len, len));
    let (mut start, end) = (start.min(len) as usize, end.min(len) as usize);
    if !typed.is_empty() {
        let typed16: Vec<u16> = typed.encode_utf16().collect();
        if start != end || !utf16[..end].ends_with(&typed16) {
            return Err(InsertError::Moved);
        }
        start = end - typed16.len();
    }
    let mut next: Vec<u16> = utf16[..start].to_vec();
    next.extend(text.encode_utf16());
    next.extend_from_slice(&utf16[end..]);
    let next = String::from_utf16_lossy(&next);
    let caret = (start + text.encode_utf16().count()) as u32;

    let _ = element.focus();
    let event = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .map_err(|_| InsertError::Refused)?;
    let assert = || -> Result<(), InsertError> {
        set_native_value(&element, class, &next).map_err(|_| InsertError::Refused)?;
        let _ = element.dispatch_event(&event);
        set_selection_range(&element, caret);
        Ok(())
    };
    assert()?;
    // X Chat restores its saved per-thread draft asynchronously after the composer mounts or is first
    // focused, and that can overwrite what we set (sites-x.md §3b, S2 `setComposerTextStable`, which
    // re-checks after ~250 ms). So: check after a frame and again after RESTORE_WINDOW_MS; the first time
    // the text is gone, set it once more — never a second time, and never on top of itself.
    let expected = squeeze(text);
    if expected.is_empty() {
        return Ok(Method::NativeValueSetter);
    }
    // The text may already be there once (the user's own words): we expect one copy more.
    let wanted = count_occurrences(&squeeze(&value), &expected) + 1;
    let mut reasserted = false;
    for wait in [None, Some(RESTORE_WINDOW_MS)] {
        match wait {
            None => super::next_frame().await,
            Some(ms) => gloo::timers::future::TimeoutFuture::new(ms).await,
        }
        let now = squeeze(&value_of(&element));
        let copies = count_occurrences(&now, &expected);
        if copies == wanted {
            continue;
        }
        if copies > wanted || reasserted || !element.is_connected() {
            return Err(InsertError::Unexpected);
        }
        reasserted = true;
        assert()?;
        super::next_frame().await;
        if count_occurrences(&squeeze(&value_of(&element)), &expected) != wanted {
            return Err(InsertError::Unexpected);
        }
    }
    Ok(Method::NativeValueSetter)
}

/// How long after setting a textarea a site may still replace its value with a restored draft (X Chat:
/// S2 waits 250 ms); checked once at the end of it.
const RESTORE_WINDOW_MS: u32 = 280;

fn value_of(element: &HtmlElement) -> String {
    Reflect::get(element, &"value".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

fn selection_range(element: &HtmlElement) -> Option<(u32, u32)> {
    if let Some(area) = element.dyn_ref::<HtmlTextAreaElement>() {
        return Some((area.selection_start().ok()??, area.selection_end().ok()??));
    }
    let input = element.dyn_ref::<HtmlInputElement>()?;
    Some((input.selection_start().ok()??, input.selection_end().ok()??))
}

fn set_selection_range(element: &HtmlElement, caret: u32) {
    if let Some(area) = element.dyn_ref::<HtmlTextAreaElement>() {
        let _ = area.set_selection_range(caret, caret);
    } else if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        let _ = input.set_selection_range(caret, caret);
    }
}

/// `Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(element, value)`:
/// React tracks the last value it set through the instance; the prototype setter bypasses that tracker.
fn set_native_value(element: &HtmlElement, class: &str, value: &str) -> Result<(), JsValue> {
    let constructor = Reflect::get(&js_sys::global(), &class.into())?;
    let prototype = Reflect::get(&constructor, &"prototype".into())?;
    let descriptor = js_sys::Object::get_own_property_descriptor(
        prototype.unchecked_ref::<js_sys::Object>(),
        &"value".into(),
    );
    let setter: js_sys::Function = Reflect::get(&descriptor, &"set".into())?.dyn_into()?;
    setter.call1(element, &value.into())?;
    Ok(())
}

async fn insert_into_editor(
    editor: &HtmlElement,
    text: &str,
    typed: &str,
) -> Result<Method, InsertError> {
    // Caret first: focusing a contenteditable whose selection is elsewhere puts the caret at its START
    // (Chromium), and place_caret would then keep it there.
    place_caret(editor);
    let _ = editor.focus();
    if !typed.is_empty() {
        if !select_typed(editor, typed) {
            return Err(InsertError::Moved);
        }
        // Editors learn about a script-made selection from `selectionchange`, which fires asynchronously:
        // insert only once they have it, or the text lands beside the shortcut instead of over it.
        super::next_frame().await;
    }
    let before = editor.text_content().unwrap_or_default();
    let expected = squeeze(text);
    let removed = squeeze(typed);
    let empty = squeeze(&before).is_empty();

    let primary = if synthetic_paste_carries_data() {
        Method::Paste
    } else {
        Method::ExecCommand
    };
    run(primary, editor, text);
    super::next_frame().await;
    match check(editor, &before, &expected, &removed) {
        Check::Done => return Ok(primary),
        Check::Unexpected => return Err(InsertError::Unexpected),
        Check::Unchanged => {}
    }

    // The one fallback. execCommand is never used on an empty Draft.js editor (React removes the editor).
    let fallback = match primary {
        Method::Paste if !(empty && is_draft(editor)) => Method::ExecCommand,
        Method::ExecCommand if empty => Method::BeforeInput,
        _ => return Err(InsertError::Refused),
    };
    place_caret(editor);
    let _ = editor.focus();
    run(fallback, editor, text);
    super::next_frame().await;
    match check(editor, &before, &expected, &removed) {
        Check::Done => Ok(fallback),
        Check::Unexpected => Err(InsertError::Unexpected),
        Check::Unchanged => Err(InsertError::Refused),
    }
}

enum Check {
    Done,
    Unchanged,
    Unexpected,
}

/// Done when the editor's text grew by exactly one copy of the inserted text, less the `removed` shortcut
/// (compared without whitespace, since editors render line breaks differently), unchanged when it did not
/// change at all.
fn check(editor: &HtmlElement, before: &str, expected: &str, removed: &str) -> Check {
    if !editor.is_connected() {
        return Check::Unexpected;
    }
    let after = editor.text_content().unwrap_or_default();
    if after == before {
        return Check::Unchanged;
    }
    let (before, after) = (squeeze(before), squeeze(&after));
    let grew_once = count_occurrences(&after, expected) == count_occurrences(&before, expected) + 1;
    let length = before.chars().count() + expected.chars().count() - removed.chars().count();
    if grew_once && after.chars().count() == length {
        Check::Done
    } else {
        Check::Unexpected
    }
}

fn run(method: Method, editor: &HtmlElement, text: &str) {
    match method {
        Method::Paste => dispatch_paste(editor, text),
        Method::ExecCommand => exec_lines(editor, text),
        Method::BeforeInput => dispatch_before_input(editor, text),
        Method::NativeValueSetter => {}
    }
}

/// Whether this browser delivers a synthetic ClipboardEvent's data to listeners (Chrome yes, Firefox no:
/// bugzilla 1654724). Feature-detected instead of sniffing the user agent.
fn synthetic_paste_carries_data() -> bool {
    let Ok(data) = DataTransfer::new() else {
        return false;
    };
    let _ = data.set_data("text/plain", "x");
    let init = ClipboardEventInit::new();
    init.set_clipboard_data(Some(&data));
    let Ok(event) = ClipboardEvent::new_with_event_init_dict("paste", &init) else {
        return false;
    };
    event
        .clipboard_data()
        .and_then(|d| d.get_data("text/plain").ok())
        .as_deref()
        == Some("x")
}

fn dispatch_paste(editor: &HtmlElement, text: &str) {
    let Ok(data) = DataTransfer::new() else {
        return;
    };
    let _ = data.set_data("text/plain", text);
    let init = ClipboardEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_composed(true);
    init.set_clipboard_data(Some(&data));
    if let Ok(event) = ClipboardEvent::new_with_event_init_dict("paste", &init) {
        let _ = editor.dispatch_event(&event);
    }
}

/// One `insertText` per line with a Shift+Enter keydown between lines: Lexical maps Shift+Enter to a line
/// break and Draft.js to a soft newline, while a bare Enter would submit a Facebook comment.
fn exec_lines(editor: &HtmlElement, text: &str) {
    let Some(document) = editor.owner_document() else {
        return;
    };
    let Ok(document) = document.dyn_into::<web_sys::HtmlDocument>() else {
        return;
    };
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            let init = KeyboardEventInit::new();
            init.set_key("Enter");
            init.set_code("Enter");
            init.set_shift_key(true);
            init.set_bubbles(true);
            init.set_cancelable(true);
            init.set_composed(true);
            if let Ok(event) = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init) {
                let _ = Reflect::set(&event, &"keyCode".into(), &13.into());
                let _ = editor.dispatch_event(&event);
            }
        }
        if !line.is_empty() {
            let _ = document.exec_command_with_show_ui_and_value("insertText", false, line);
        }
    }
}

fn dispatch_before_input(editor: &HtmlElement, text: &str) {
    let init = InputEventInit::new();
    init.set_input_type("insertText");
    init.set_data(Some(text));
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_composed(true);
    if let Ok(event) = InputEvent::new_with_event_init_dict("beforeinput", &init) {
        let _ = editor.dispatch_event(&event);
    }
}

/// Extends the (collapsed) caret backwards over `typed`, so the insertion replaces it. `Selection.modify`
/// moves by what the user sees as characters, in both Chrome and Firefox.
fn select_typed(editor: &HtmlElement, typed: &str) -> bool {
    let Some(selection) = super::window().get_selection().ok().flatten() else {
        return false;
    };
    if text_before_caret(editor).is_none_or(|t| !t.ends_with(typed)) {
        return false;
    }
    for _ in typed.chars() {
        if selection.modify("extend", "backward", "character").is_err() {
            return false;
        }
    }
    let selected = String::from(selection.to_string());
    if selected == typed {
        return true;
    }
    selection.collapse_to_end().ok();
    false
}

fn is_draft(editor: &Element) -> bool {
    editor.class_list().contains("public-DraftEditor-content")
        || editor
            .query_selector("[data-contents]")
            .ok()
            .flatten()
            .is_some()
}

/// Keeps the user's caret when it is already inside the editor; otherwise puts it at the end of the text.
fn place_caret(editor: &HtmlElement) {
    let Some(selection) = super::window().get_selection().ok().flatten() else {
        return;
    };
    if let Some(anchor) = selection.anchor_node() {
        if editor.contains(Some(&anchor)) {
            return;
        }
    }
    let document = super::document();
    let Ok(range) = document.create_range() else {
        return;
    };
    // End of the last text node, so the caret lands inside the editor's own text leaf, not after it.
    let last_text = last_text_node(editor);
    match last_text {
        Some(node) => {
            let len = node
                .text_content()
                .map(|t| t.encode_utf16().count())
                .unwrap_or(0) as u32;
            let _ = range.set_start(&node, len);
        }
        None => {
            let _ = range.select_node_contents(editor);
            range.collapse_with_to_start(false);
        }
    }
    range.collapse_with_to_start(true);
    let _ = selection.remove_all_ranges();
    let _ = selection.add_range(&range);
}

fn last_text_node(root: &web_sys::Node) -> Option<web_sys::Node> {
    let mut node = root.last_child();
    while let Some(current) = node {
        if current.node_type() == web_sys::Node::TEXT_NODE
            && !current.text_content().unwrap_or_default().is_empty()
        {
            return Some(current);
        }
        if let Some(found) = last_text_node(&current) {
            return Some(found);
        }
        node = current.previous_sibling();
    }
    None
}
