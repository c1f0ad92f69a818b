// Facebook-like comment composer built on the REAL Lexical (lexical 0.52.0 + @lexical/rich-text), mounted on
// every `[data-fixture-editor="lexical"]` placeholder of a fixture page.
//
// Mirrors research/sites-facebook.md §2.1 / §6:
//  - the placeholder element itself becomes the editor root:
//    div[contenteditable="true"][role="textbox"][data-lexical-editor="true"][aria-label=<data-label>] with <p> paragraphs
//    (`data-lexical-editor` and the user-select/white-space/word-break styles are set by Lexical's setRootElement);
//  - the visible placeholder text is a sibling `[data-fixture-placeholder]` (Facebook renders it as an absolutely
//    positioned sibling div), hidden while the editor has text;
//  - bare Enter SUBMITS (KEY_ENTER_COMMAND at COMMAND_PRIORITY_HIGH: records the comment, clears the editor,
//    preventDefault); Shift+Enter falls through to @lexical/rich-text, which dispatches INSERT_LINE_BREAK_COMMAND;
//  - the round "Comment" arrow button (`[data-fixture-submit]` inside the same form) is aria-disabled while empty and
//    submits when clicked.
// Placeholder attributes (all removed after mounting so the DOM looks like the site's):
//   data-label="Comment as …"   → aria-label (omit for an unlabelled editor)
//   data-role="none"            → no role attribute (redesign fixture); default role="textbox"
// @lexical/history is not installed (not a dependency of the repo), so there is no undo stack.

import {
  $createParagraphNode,
  $getRoot,
  COMMAND_PRIORITY_HIGH,
  KEY_ENTER_COMMAND,
  createEditor,
} from 'lexical';
import { registerRichText, HeadingNode, QuoteNode } from '@lexical/rich-text';
import { mergeRegister } from '@lexical/utils';
import { fixtureApi } from './fixture-api.js';

const api = fixtureApi();

// Class names copied in spirit from Facebook's StyleX output (meaningless to the extension on purpose).
const THEME = {
  paragraph: 'xdj266r x11i5rnm xat24cr x1mh8g0r x16tdsg8',
  ltr: 'x1iyjqo2',
  rtl: 'x1iyjqo2',
};

function readText(editor) {
  return editor.getEditorState().read(() => $getRoot().getTextContent());
}

function isEmpty(editor) {
  return editor.getEditorState().read(() => {
    const root = $getRoot();
    return root.getTextContent() === '' && root.getChildrenSize() <= 1;
  });
}

function clear(editor) {
  editor.update(
    () => {
      const root = $getRoot();
      root.clear();
      const p = $createParagraphNode();
      root.append(p);
      p.select();
    },
    { discrete: true },
  );
}

function mountLexical(el, options = {}) {
  if (el.__fixtureEntry) return el.__fixtureEntry;
  const label = el.getAttribute('data-label');
  const role = el.getAttribute('data-role');
  for (const a of ['data-fixture-editor', 'data-label', 'data-role']) el.removeAttribute(a);
  el.setAttribute('contenteditable', 'true');
  if (role !== 'none') el.setAttribute('role', 'textbox');
  if (label) el.setAttribute('aria-label', label);
  el.setAttribute('spellcheck', 'true');
  el.setAttribute('tabindex', '0');

  const parent = el.parentElement;
  const placeholder = parent && parent.querySelector(':scope > [data-fixture-placeholder]');
  // The submit arrow sits in the same form (or, without a form, in the nearest wrapper that has one).
  let scope = el.closest('form');
  for (let n = el.parentElement, depth = 0; !scope && n && depth < 5; n = n.parentElement, depth++) {
    if (n.querySelector('[data-fixture-submit]')) scope = n;
  }
  const submitButton = scope && scope.querySelector('[data-fixture-submit]');
  placeholder && placeholder.removeAttribute('data-fixture-placeholder');
  submitButton && submitButton.removeAttribute('data-fixture-submit');

  const editor = createEditor({
    namespace: 'CometUFIComposer',
    theme: THEME,
    nodes: [HeadingNode, QuoteNode],
    onError(error) {
      console.error(error);
      api._event('lexical-error', String(error && error.stack || error));
    },
  });
  editor.setRootElement(el);

  const entry = {
    kind: 'lexical',
    root: el,
    mountPoint: el,
    editor,
    getText: () => readText(editor),
    focus: () => editor.focus(undefined, { defaultSelection: 'rootEnd' }),
    clear: () => clear(editor),
  };

  const submit = (via) => {
    const text = readText(editor);
    if (text.trim() === '') return false;
    const rec = api._submit(entry, text, via);
    clear(editor);
    if (options.onSubmit) options.onSubmit(rec, entry);
    return true;
  };

  const sync = () => {
    const empty = isEmpty(editor);
    if (placeholder) placeholder.style.display = empty ? '' : 'none';
    if (submitButton) {
      if (empty) {
        submitButton.setAttribute('aria-disabled', 'true');
        submitButton.setAttribute('tabindex', '-1');
      } else {
        submitButton.removeAttribute('aria-disabled');
        submitButton.setAttribute('tabindex', '0');
      }
    }
  };

  mergeRegister(
    registerRichText(editor),
    editor.registerCommand(
      KEY_ENTER_COMMAND,
      (event) => {
        // Programmatic INSERT_PARAGRAPH (event null), IME composition and Shift+Enter keep Lexical's behaviour
        // (Shift+Enter → INSERT_LINE_BREAK_COMMAND in @lexical/rich-text).
        if (!event || event.isComposing || event.shiftKey) return false;
        if (event.ctrlKey || event.altKey || event.metaKey) return false;
        event.preventDefault();
        submit('enter');
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    ),
    editor.registerUpdateListener(sync),
  );

  if (submitButton) {
    submitButton.addEventListener('click', (e) => {
      e.preventDefault();
      if (submitButton.getAttribute('aria-disabled') === 'true') return;
      submit('button');
    });
  }

  editor.update(
    () => {
      const root = $getRoot();
      if (root.isEmpty()) root.append($createParagraphNode());
    },
    { discrete: true },
  );
  sync();

  el.__fixtureEntry = entry;
  api._register(entry);
  api._event('mount', { kind: 'lexical', label });
  return entry;
}

api._addMounter('lexical', mountLexical);
api._mountAll('lexical');
