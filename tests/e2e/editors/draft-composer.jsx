// X-like reply composer built on the REAL Draft.js 0.11.7 + React 18 (createRoot), mounted on every
// `[data-fixture-editor="draft"]` placeholder of a fixture page.
//
// Mirrors research/sites-x.md §2 and §3a:
//  - markup: div[data-testid="<testid>RichTextInputContainer"] > div.DraftEditor-root >
//      div.public-DraftEditorPlaceholder-root > div.public-DraftEditorPlaceholder-inner#placeholder-<key>
//      div.DraftEditor-editorContainer > div.notranslate.public-DraftEditor-content[contenteditable=true][role=textbox]
//        [aria-multiline=true][aria-autocomplete=list][aria-controls=typeaheadDropdownWrapped-N]
//        [aria-describedby=placeholder-<key>][aria-label][data-testid=tweetTextarea_0][spellcheck][tabindex=0]
//        [no-focustrapview-refocus=true] > div[data-contents=true] > div[data-block=true] > … span[data-text=true]
//  - X's props: webDriverTestID, handlePastedText (X's own paste handler: inserts the pasted text), stripPastedStyles,
//    spellCheck, tabIndex 0;
//  - a toolbar `[data-testid="toolBar"]` with the submit button `button[data-testid="tweetButtonInline"]`
//    (`tweetButton` in the modal) that is `disabled` + `aria-disabled="true"` while the editor is empty (S6 #1265);
//  - clicking the button or Ctrl/Cmd+Enter SUBMITS (records, clears); plain Enter = new block (Draft default);
//    with data-enter="submit" (legacy DM composer) bare Enter submits and Shift+Enter makes a new block.
// Placeholder attributes (removed after mounting):
//   data-editor-testid (default tweetTextarea_0; "" = none), data-label (default "Post text"; "" = none),
//   data-placeholder (default "Post your reply"), data-button-testid (default tweetButtonInline; "" = none),
//   data-button-text (default "Reply"), data-enter ("submit" for DM composers), data-toolbar ("none" to omit).

import React, { useCallback, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { ContentState, Editor, EditorState, Modifier, getDefaultKeyBinding } from 'draft-js';
import { fixtureApi } from './fixture-api.js';

const api = fixtureApi();
let typeaheadCounter = 0;

const ICON_MEDIA =
  'M3 5.5C3 4.119 4.119 3 5.5 3h13C19.881 3 21 4.119 21 5.5v13c0 1.381-1.119 2.5-2.5 2.5h-13C4.119 21 3 19.881 3 18.5v-13zM5.5 5c-.276 0-.5.224-.5.5v9.086l3-3 3 3 5-5 3 3V5.5c0-.276-.224-.5-.5-.5h-13z';
const ICON_GIF = 'M3 5.5C3 4.119 4.12 3 5.5 3h13C19.88 3 21 4.119 21 5.5v13c0 1.381-1.12 2.5-2.5 2.5h-13C4.12 21 3 19.881 3 18.5v-13z';
const ICON_EMOJI = 'M8 9.5C8 8.119 8.672 7 9.5 7S11 8.119 11 9.5 10.328 12 9.5 12 8 10.881 8 9.5zm6.5 2.5c.828 0 1.5-1.119 1.5-2.5S15.328 7 14.5 7 13 8.119 13 9.5s.672 2.5 1.5 2.5z';

function Icon({ d }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="r-4qtqp9 r-yyyyoo r-dnmrzs r-bnwqim r-lrvibr r-m6rgpd r-z80fyv r-19wmn03">
      <g>
        <path d={d}></path>
      </g>
    </svg>
  );
}

function plain(state) {
  return state.getCurrentContent().getPlainText();
}

function Composer({ cfg, entry, options }) {
  const [editorState, setEditorState] = useState(() => EditorState.createEmpty());
  const stateRef = useRef(editorState);
  stateRef.current = editorState;
  const editorRef = useRef(null);
  const [typeaheadId] = useState(() => `typeaheadDropdownWrapped-${typeaheadCounter++}`);

  const onChange = useCallback((s) => {
    stateRef.current = s;
    setEditorState(s);
  }, []);

  entry.getText = () => plain(stateRef.current);
  entry.focus = () => editorRef.current && editorRef.current.focus();
  entry.clear = () => onChange(EditorState.createEmpty());

  const submit = (via) => {
    const text = plain(stateRef.current);
    if (text.trim() === '') return false;
    const rec = api._submit(entry, text, via);
    onChange(EditorState.createEmpty());
    if (options.onSubmit) options.onSubmit(rec, entry);
    return true;
  };
  entry.submit = submit;

  // X's own handler inserts the pasted plain text at the selection (multi-line text becomes several blocks).
  const handlePastedText = (text, _html, state) => {
    if (text == null) return 'not-handled';
    const normalized = text.replace(/\r\n?/g, '\n');
    const content = state.getCurrentContent();
    const selection = state.getSelection();
    let next;
    if (normalized.indexOf('\n') === -1) {
      next = Modifier.replaceText(content, selection, normalized);
    } else {
      const fragment = ContentState.createFromText(normalized).getBlockMap();
      next = Modifier.replaceWithFragment(content, selection, fragment);
    }
    onChange(EditorState.push(state, next, 'insert-fragment'));
    return 'handled';
  };

  const handleReturn = (e) => {
    if (e.ctrlKey || e.metaKey) {
      submit('ctrl-enter');
      return 'handled';
    }
    if (cfg.enter === 'submit' && !e.shiftKey && !e.altKey) {
      submit('enter');
      return 'handled';
    }
    return 'not-handled';
  };

  const empty = plain(editorState).trim() === '';
  const editorProps = {
    ref: editorRef,
    editorState,
    onChange,
    placeholder: cfg.placeholder,
    stripPastedStyles: true,
    spellCheck: true,
    tabIndex: 0,
    handlePastedText,
    handleReturn,
    keyBindingFn: getDefaultKeyBinding,
    ariaMultiline: true,
    ariaAutoComplete: 'list',
    ariaControls: typeaheadId,
  };
  if (cfg.testid) editorProps.webDriverTestID = cfg.testid;
  if (cfg.label) editorProps.ariaLabel = cfg.label;

  const button = (
    <button
      role="button"
      type="button"
      className="css-175oi2r r-sdzlij r-1phboty r-rs99b7 r-lrvibr r-1cwvpvk r-2yi16 r-1qi8awa r-3pj75a r-1loqt21 r-o7ynqc r-6416eg r-1ny4l3l"
      style={{ backgroundColor: 'rgb(15, 20, 25)', borderColor: 'rgba(0, 0, 0, 0)', opacity: empty ? 0.5 : 1 }}
      data-testid={cfg.buttonTestid || undefined}
      disabled={empty}
      aria-disabled={empty ? 'true' : undefined}
      tabIndex={empty ? -1 : 0}
      onClick={() => submit('button')}
    >
      <div dir="ltr" className="css-146c3p1 r-bcqeeo r-qvutc0 r-37j5jr r-q4m81j r-a023e6 r-rjixqe r-b88u0q r-1awozwy r-6koalj r-18u37iz r-16y2uox r-1777fci" style={{ color: 'rgb(255, 255, 255)' }}>
        <span className="css-1jxf684 r-dnmrzs r-1udh08x r-1udbk01 r-3s2u2q r-bcqeeo r-qvutc0 r-poiln3 r-1inkyih r-rjixqe">
          <span className="css-1jxf684 r-bcqeeo r-qvutc0 r-poiln3">{cfg.buttonText}</span>
        </span>
      </div>
    </button>
  );

  return (
    <div className="css-175oi2r r-16y2uox r-1h8ys4a r-1bylmt5 r-13tjlyg r-7qyjyx r-1ftll1t">
      <div className="css-175oi2r r-184en5c">
        <div className="css-175oi2r r-1wbh5a2 r-16y2uox" data-testid={cfg.testid ? `${cfg.testid}RichTextInputContainer` : undefined}>
          <div className="css-175oi2r r-16y2uox r-bnwqim r-13qz1uu r-1g40b8q">
            <Editor {...editorProps} />
          </div>
        </div>
      </div>
      {cfg.toolbar === 'none' ? (
        button
      ) : (
        <div className="css-175oi2r r-1awozwy r-kemksi r-18u37iz r-1w6e6rj r-1wtj0ep r-id7aif r-184en5c" data-testid={cfg.testid ? 'toolBar' : undefined}>
          <nav aria-live="polite" role="navigation" className="css-175oi2r r-1awozwy r-18u37iz r-1s2bzr4">
            <div role="tablist" className="css-175oi2r r-1awozwy r-18u37iz r-1wtj0ep" data-testid={cfg.testid ? 'ScrollSnap-List' : undefined}>
              <div role="presentation" className="css-175oi2r r-14tvyh0 r-cpa5s6">
                <button aria-label="Add photos or video" role="button" type="button" className="css-175oi2r r-sdzlij r-1phboty r-rs99b7 r-lrvibr r-1loqt21 r-o7ynqc r-6416eg r-1ny4l3l">
                  <Icon d={ICON_MEDIA} />
                  <input accept="image/jpeg,image/png,image/webp,image/gif,video/mp4,video/quicktime" multiple tabIndex={-1} type="file" className="r-8akbws r-orgf3d r-1udh08x r-u8s1d r-xjis5s r-1wyyakw" data-testid={cfg.testid ? 'fileInput' : undefined} />
                </button>
              </div>
              <div role="presentation" className="css-175oi2r r-14tvyh0 r-cpa5s6">
                <button aria-label="Add a GIF" role="button" type="button" className="css-175oi2r r-sdzlij r-1phboty r-rs99b7 r-lrvibr r-1loqt21 r-o7ynqc r-6416eg r-1ny4l3l" data-testid={cfg.testid ? 'gifSearchButton' : undefined}>
                  <Icon d={ICON_GIF} />
                </button>
              </div>
              <div role="presentation" className="css-175oi2r r-14tvyh0 r-cpa5s6">
                <button aria-label="Add emoji" role="button" type="button" className="css-175oi2r r-sdzlij r-1phboty r-rs99b7 r-lrvibr r-1loqt21 r-o7ynqc r-6416eg r-1ny4l3l">
                  <Icon d={ICON_EMOJI} />
                </button>
              </div>
            </div>
          </nav>
          <div className="css-175oi2r r-1awozwy r-18u37iz r-1ifxtd0">{button}</div>
        </div>
      )}
    </div>
  );
}

function attr(el, name, dflt) {
  const v = el.getAttribute(name);
  el.removeAttribute(name);
  return v === null ? dflt : v;
}

function mountDraft(el, options = {}) {
  if (el.__fixtureEntry) return el.__fixtureEntry;
  el.removeAttribute('data-fixture-editor');
  const cfg = {
    testid: attr(el, 'data-editor-testid', 'tweetTextarea_0'),
    label: attr(el, 'data-label', 'Post text'),
    placeholder: attr(el, 'data-placeholder', 'Post your reply'),
    buttonTestid: attr(el, 'data-button-testid', 'tweetButtonInline'),
    buttonText: attr(el, 'data-button-text', 'Reply'),
    enter: attr(el, 'data-enter', ''),
    toolbar: attr(el, 'data-toolbar', ''),
  };
  let lastRoot = null;
  const entry = {
    kind: 'draft',
    mountPoint: el,
    get root() {
      const r = el.querySelector('.public-DraftEditor-content');
      if (r) lastRoot = r;
      return r || lastRoot || el;
    },
    getText: () => '',
    focus: () => {},
    clear: () => {},
  };
  const root = createRoot(el);
  flushSync(() => root.render(<Composer cfg={cfg} entry={entry} options={options} />));
  // X's contenteditable also carries this attribute (not a Draft prop, so set it once the node exists).
  const content = entry.root;
  if (content && content !== el) content.setAttribute('no-focustrapview-refocus', 'true');
  entry.reactRoot = root;
  el.__fixtureEntry = entry;
  api._register(entry);
  api._event('mount', { kind: 'draft', testid: cfg.testid, label: cfg.label });
  return entry;
}

api._addMounter('draft', mountDraft);
api._mountAll('draft');
