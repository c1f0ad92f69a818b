// Page-world test API shared by the editor bundles: window.__fixture.
//
// TESTS ONLY. The extension must never read or call this object (it lives in the page's main world, which the
// content script's isolated world cannot see anyway). It lets tests read the editors' MODEL text, which is what the
// real sites submit, instead of the DOM text.
//
//   __fixture.ready            Promise, resolved once every editor present at load time is mounted
//   __fixture.text(elOrSel)    model plain text of the editor that is / contains / is inside elOrSel
//   __fixture.submissions      [{editor, kind, label, testid, via, text, at}] in submission order
//   __fixture.editors()        [{index, kind, label, testid, text, connected, focused}]
//   __fixture.mount(el, {onSubmit})  mount an editor on a placeholder element (used by the fixtures' own scripts);
//                              returns {kind, root, getText(), focus(), clear()}
//   __fixture.events           [{type, detail, at}] log of fixture-side UI events (reply composer opened, ...)
//
// Page URL option: ?fixture_delay=<ms> delays mounting the editors present at load (simulates lazy hydration).

export function fixtureApi() {
  if (window.__fixture) return window.__fixture;
  const entries = [];
  const mounters = {};
  let pending = 0;
  let resolveReady;
  const ready = new Promise((r) => (resolveReady = r));

  function resolveEntry(target) {
    let el = target;
    if (typeof target === 'string') {
      el = document.querySelector(target);
      if (!el) throw new Error(`__fixture: no element matches ${target}`);
    }
    if (!el) throw new Error('__fixture: no element given');
    const exact = entries.find((e) => e.root === el || e.mountPoint === el);
    if (exact) return exact;
    const inside = entries.find((e) => e.root.contains(el) || e.mountPoint.contains(el));
    if (inside) return inside;
    const around = entries.filter((e) => el.contains(e.root));
    if (around.length === 1) return around[0];
    if (around.length > 1) throw new Error('__fixture: element contains several editors');
    throw new Error('__fixture: element is not (in) a mounted editor');
  }

  const api = {
    ready,
    submissions: [],
    events: [],
    text(target) {
      return resolveEntry(target).getText();
    },
    editors() {
      return entries.map((e, index) => ({
        index,
        kind: e.kind,
        label: e.root.getAttribute('aria-label'),
        testid: e.root.getAttribute('data-testid'),
        text: e.getText(),
        connected: e.root.isConnected,
        focused: document.activeElement === e.root,
      }));
    },
    mount(el, options) {
      if (el.__fixtureEntry) return el.__fixtureEntry;
      const kind = el.getAttribute('data-fixture-editor');
      const mounter = mounters[kind];
      if (!mounter) throw new Error(`__fixture: no mounter for editor kind ${kind}`);
      return mounter(el, options || {});
    },
    // ---- internal, used by the bundles ----
    _register(entry) {
      entries.push(entry);
      return entry;
    },
    _submit(entry, text, via) {
      const rec = {
        editor: entry.root.getAttribute('aria-label') || entry.root.getAttribute('data-testid') || entry.kind,
        kind: entry.kind,
        label: entry.root.getAttribute('aria-label'),
        testid: entry.root.getAttribute('data-testid'),
        via,
        text,
        at: new Date().toISOString(),
      };
      api.submissions.push(rec);
      api._event('submit', rec);
      return rec;
    },
    _event(type, detail) {
      api.events.push({ type, detail, at: new Date().toISOString() });
    },
    _addMounter(kind, fn) {
      mounters[kind] = fn;
    },
    // Mount every placeholder of `kind` present now; resolve `ready` when all kinds loaded on this page are done.
    _mountAll(kind) {
      pending++;
      const run = () => {
        for (const el of document.querySelectorAll(`[data-fixture-editor="${kind}"]`)) {
          if (el.closest('template')) continue;
          try {
            api.mount(el);
          } catch (e) {
            console.error('__fixture mount failed', e);
            api._event('mount-error', String(e && e.stack || e));
          }
        }
        if (--pending === 0) resolveReady(api.editors().length);
      };
      // `?fixture_delay=<ms>` in the page URL mounts the editors that much later (sites hydrate their composers
      // lazily; use it to test an extension that must wait for a composer to appear).
      const delay = Number(new URLSearchParams(location.search).get('fixture_delay')) || 0;
      const go = () => (delay > 0 ? setTimeout(run, delay) : run());
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', go, { once: true });
      else go();
    },
  };
  Object.defineProperty(window, '__fixture', { value: api, configurable: false, enumerable: false, writable: false });
  return api;
}
