//! Stylesheets for the closed shadow roots. A page's `style-src` does not apply inside them (toolchain.md §4).
//! Colours come from one palette with sufficient contrast in light and dark pages.
//! Controls keep their own size in flex layouts (`align-self`): X's composers sit in column flex boxes (React
//! Native for Web), where a stretched host would put empty space where a click at its centre lands.

pub const CONTROL: &str = r#"
:host { all: initial; display: inline-flex; vertical-align: middle; margin: 0 4px; align-self: flex-start; }
button { font: 600 12px/1 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #00695c;
  background: #e0f2f1; border: 1px solid #80cbc4; border-radius: 12px; padding: 4px 8px; cursor: pointer;
  display: inline-flex; align-items: center; gap: 4px; white-space: nowrap; }
button:hover { background: #b2dfdb; }
button:focus-visible { outline: 2px solid #00796b; outline-offset: 1px; }
svg { width: 12px; height: 12px; fill: currentColor; }
"#;

pub const PICKER: &str = r#"
:host { all: initial; position: fixed; z-index: 2147483646; }
.panel { box-sizing: border-box; width: 380px; max-width: calc(100vw - 16px); max-height: min(460px, calc(100vh - 16px));
  display: flex; flex-direction: column; background: #fff; color: #1c1e21; border: 1px solid #c8ccd1;
  border-radius: 10px; box-shadow: 0 8px 28px rgba(0,0,0,.22); font: 14px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; overflow: hidden; }
.head { padding: 10px 10px 6px; border-bottom: 1px solid #e4e6eb; }
.for { font-size: 12px; color: #5f6368; margin: 0 0 6px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
input { box-sizing: border-box; width: 100%; font: inherit; padding: 7px 9px; border: 1px solid #b0b3b8; border-radius: 6px; color: inherit; background: #fff; }
input:focus { outline: 2px solid #00796b; outline-offset: -1px; border-color: #00796b; }
ul { list-style: none; margin: 0; padding: 4px 0; overflow-y: auto; flex: 1 1 auto; min-height: 60px; }
li { padding: 6px 12px; cursor: pointer; border-left: 3px solid transparent; }
li[aria-selected="true"] { background: #e0f2f1; border-left-color: #00796b; }
.title { font-weight: 600; display: flex; gap: 6px; align-items: baseline; }
.title .key { font: 11px/1.4 ui-monospace, monospace; color: #00695c; background: #f1f8f7; border-radius: 4px; padding: 0 4px; }
.title .star { color: #b06000; }
.snippet { font-size: 12px; color: #5f6368; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.preview { margin: 0; padding: 8px 12px; border-top: 1px solid #e4e6eb; max-height: 120px; overflow-y: auto; white-space: pre-wrap; font-size: 13px; background: #f7f8fa; }
.status { padding: 6px 12px; font-size: 12px; color: #5f6368; border-top: 1px solid #e4e6eb; }
.status.error { color: #b3261e; background: #fdecea; }
.empty { padding: 14px 12px; color: #5f6368; font-size: 13px; }
.row { display: flex; gap: 6px; align-items: center; margin: 0 0 6px; }
.row .for { flex: 1 1 auto; margin: 0; }
.lang { flex: none; font: 600 11px/1.6 system-ui, sans-serif; color: #00695c; background: #e0f2f1; border: 1px solid #80cbc4; border-radius: 10px; padding: 0 8px; cursor: pointer; }
.private { flex: none; font: 600 11px/1.6 system-ui, sans-serif; color: #3c4043; background: #f1f3f4; border: 1px solid #c8ccd1; border-radius: 10px; padding: 0 8px; cursor: pointer; }
.private[aria-pressed="true"] { color: #fff; background: #5e35b1; border-color: #5e35b1; }
.lang[data-matched="false"] { color: #8a4b00; background: #fff3e0; border-color: #ffb74d; }
.group { padding: 4px 12px 2px; font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; color: #5f6368; cursor: default; }
.meter { display: flex; justify-content: space-between; padding: 2px 12px; font-size: 11px; color: #5f6368; background: #f7f8fa; }
.meter[data-over="true"] { color: #b3261e; font-weight: 600; }
form.fields { padding: 8px 12px; border-top: 1px solid #e4e6eb; display: flex; flex-direction: column; gap: 6px; }
form.fields label { font-size: 12px; color: #3c4043; display: flex; flex-direction: column; gap: 2px; }
form.fields .hint { font-size: 11px; color: #5f6368; margin: 0; }
@media (prefers-color-scheme: dark) {
  .panel { background: #242526; color: #e4e6eb; border-color: #3e4042; }
  input { background: #3a3b3c; border-color: #555; }
  li[aria-selected="true"] { background: #1f3b38; }
  .preview { background: #18191a; }
  .snippet, .for, .status { color: #b0b3b8; }
}
"#;

pub const FAVOURITES: &str = r#"
:host { all: initial; position: fixed; z-index: 2147483646; }
ol { box-sizing: border-box; margin: 0; padding: 6px 10px 6px 28px; max-width: 320px; background: #fff; color: #1c1e21;
  border: 1px solid #c8ccd1; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.2); font: 13px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
li { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
p { margin: 0 0 4px -18px; font-size: 11px; color: #5f6368; }
@media (prefers-color-scheme: dark) { ol { background: #242526; color: #e4e6eb; border-color: #3e4042; } p { color: #b0b3b8; } }
"#;

pub const NOTICE: &str = r#"
:host { all: initial; position: fixed; left: 16px; bottom: 16px; z-index: 2147483645; }
.notice { margin: 0; max-width: 360px; cursor: pointer; background: #e0f2f1; color: #00332c; border: 1px solid #80cbc4; border-radius: 8px;
  padding: 10px 12px; box-shadow: 0 4px 14px rgba(0,0,0,.2); font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.notice.error { background: #fdecea; color: #5f1410; border-color: #f28b82; }
"#;

pub const FLOATING: &str = r#"
:host { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483645; }
.box { display: flex; flex-direction: column; align-items: flex-end; gap: 6px; font: 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.notice { cursor: pointer; max-width: 280px; background: #fff8e1; color: #3e2723; border: 1px solid #ffcc80; border-radius: 8px; padding: 8px 10px; box-shadow: 0 2px 8px rgba(0,0,0,.15); }
button { font: 600 14px/1 system-ui, sans-serif; color: #fff; background: #00796b; border: 0; border-radius: 22px; padding: 12px 16px; cursor: pointer; box-shadow: 0 4px 14px rgba(0,0,0,.25); }
button:focus-visible { outline: 3px solid #004d40; outline-offset: 2px; }
"#;

/// A small speech-bubble icon, drawn as SVG markup we create element by element (no innerHTML).
pub const ICON_PATH: &str =
    "M2 2h12a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H7l-3 3v-3H2a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1z";
