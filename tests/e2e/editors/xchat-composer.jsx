// X Chat-like composer: a REAL React 18 controlled <textarea> (createRoot), mounted on every
// `[data-fixture-editor="xchat"]` placeholder of a fixture page.
//
// Mirrors research/sites-x.md §3b and §5:
//  - markup: form[data-testid="dm-composer-form"] > div[data-testid="dm-composer-input-container"] (the pill) >
//      attachment button `dm-composer-attachment-button`, hidden input `dm-composer-file-input`,
//      textarea[data-testid="dm-composer-textarea"][placeholder="Message"], and at the far right the voice button,
//      replaced by `dm-composer-send-button` only while the textarea has text (S2, S14);
//  - the textarea is CONTROLLED: its value is React state, so `ta.value = x` alone is swallowed by React's value
//    tracker; only the prototype's native setter + an `input` event reach onChange (S2 `setComposerText`);
//  - Enter sends (records the message, clears), Shift+Enter is a newline; `form.requestSubmit()` is ignored (S2, S5);
//  - X RESTORES ITS OWN PER-THREAD DRAFT ASYNCHRONOUSLY after the composer mounts and can overwrite text written
//    programmatically in the meantime (S2 `setComposerTextStable`, "caught live when a send delivered a stale
//    draft"). Here the restore sets the state to the thread's stored draft (possibly empty) `ms` after mount or
//    after the textarea's first focus, and logs `draft-restored` {thread, replaced, draft} in __fixture.events.
// Placeholder attributes (removed after mounting):
//   data-placeholder (default "Message"), data-draft (the stored draft; default ""), data-restore
//   ("focus:<ms>" | "mount:<ms>" | "none"; default "focus:150"), data-thread (id for the event log),
//   data-autofocus ("true": focus the textarea once mounted, as X does when a thread opens, S2 composer-focus.ts).

import React, { useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { fixtureApi } from './fixture-api.js';

const api = fixtureApi();

const ICON_MEDIA =
  'M3 5.5C3 4.119 4.119 3 5.5 3h13C19.881 3 21 4.119 21 5.5v13c0 1.381-1.119 2.5-2.5 2.5h-13C4.119 21 3 19.881 3 18.5v-13z';
const ICON_VOICE = 'M12 3a3 3 0 0 0-3 3v6a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3zm-7 9h2a5 5 0 0 0 10 0h2a7 7 0 0 1-6 6.92V21h-2v-2.08A7 7 0 0 1 5 12z';
const ICON_SEND = 'M2.504 21.866l.526-2.108C3.04 19.719 4 15.823 4 12s-.96-7.719-.97-7.757l-.527-2.109L22.236 12 2.504 21.866z';

function Icon({ d }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="h-5 w-5 fill-current">
      <path d={d}></path>
    </svg>
  );
}

function ChatComposer({ cfg, entry }) {
  const [value, setValue] = useState('');
  const valueRef = useRef(value);
  valueRef.current = value;
  const areaRef = useRef(null);
  const restore = useRef({ scheduled: false });

  const commit = (next) => {
    valueRef.current = next;
    setValue(next);
  };

  entry.getText = () => valueRef.current;
  entry.focus = () => areaRef.current && areaRef.current.focus();
  entry.clear = () => commit('');

  const scheduleRestore = (ms) => {
    if (restore.current.scheduled) return;
    restore.current.scheduled = true;
    setTimeout(() => {
      const replaced = valueRef.current;
      commit(cfg.draft);
      api._event('draft-restored', { thread: cfg.thread, replaced, draft: cfg.draft });
    }, ms);
  };

  useEffect(() => {
    if (cfg.restore.when === 'mount') scheduleRestore(cfg.restore.ms);
    if (cfg.autofocus && areaRef.current) areaRef.current.focus();
  }, []);

  const send = (via) => {
    const text = valueRef.current;
    if (text.trim() === '') return;
    api._submit(entry, text, via);
    commit('');
  };

  const onKeyDown = (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      send('enter');
    }
  };

  const hasText = value.trim() !== '';
  return (
    <form data-testid="dm-composer-form" className="flex items-end gap-2 px-3 py-2" onSubmit={(e) => e.preventDefault()}>
      <div data-testid="dm-composer-input-container" className="flex flex-1 items-end rounded-3xl bg-gray-50 px-3 py-1.5">
        <button type="button" data-testid="dm-composer-attachment-button" aria-label="Add photos or video" className="p-2 text-primary">
          <Icon d={ICON_MEDIA} />
        </button>
        <input type="file" data-testid="dm-composer-file-input" className="hidden" hidden tabIndex={-1} />
        <textarea
          ref={areaRef}
          data-testid="dm-composer-textarea"
          placeholder={cfg.placeholder}
          rows={1}
          dir="auto"
          className="max-h-40 flex-1 resize-none bg-transparent px-2 py-2 text-body outline-none"
          value={value}
          onChange={(e) => commit(e.target.value)}
          onKeyDown={onKeyDown}
          onFocus={() => cfg.restore.when === 'focus' && scheduleRestore(cfg.restore.ms)}
        />
        {hasText ? (
          <button type="button" data-testid="dm-composer-send-button" aria-label="Send" className="rounded-full bg-primary p-2 text-white" onClick={() => send('button')}>
            <Icon d={ICON_SEND} />
          </button>
        ) : (
          <button type="button" aria-label="Record voice message" className="p-2 text-primary">
            <Icon d={ICON_VOICE} />
          </button>
        )}
      </div>
    </form>
  );
}

function attr(el, name, dflt) {
  const v = el.getAttribute(name);
  el.removeAttribute(name);
  return v === null ? dflt : v;
}

function mountChat(el) {
  if (el.__fixtureEntry) return el.__fixtureEntry;
  el.removeAttribute('data-fixture-editor');
  const [when, ms] = attr(el, 'data-restore', 'focus:150').split(':');
  const cfg = {
    placeholder: attr(el, 'data-placeholder', 'Message'),
    draft: attr(el, 'data-draft', ''),
    restore: { when, ms: Number(ms) || 0 },
    thread: attr(el, 'data-thread', ''),
    autofocus: attr(el, 'data-autofocus', '') === 'true',
  };
  let lastRoot = null;
  const entry = {
    kind: 'xchat',
    mountPoint: el,
    get root() {
      const r = el.querySelector('textarea');
      if (r) lastRoot = r;
      return r || lastRoot || el;
    },
    getText: () => '',
    focus: () => {},
    clear: () => {},
  };
  const root = createRoot(el);
  flushSync(() => root.render(<ChatComposer cfg={cfg} entry={entry} />));
  entry.reactRoot = root;
  el.__fixtureEntry = entry;
  api._register(entry);
  api._event('mount', { kind: 'xchat', thread: cfg.thread });
  return entry;
}

api._addMounter('xchat', mountChat);
api._mountAll('xchat');
