// Shared steps for the extension's end-to-end tests: start Chromium with dist/chrome, wait for the starter
// library, drive the picker the way a user does (pointer on the closed-shadow control, then the keyboard).
import { launch, serveFixtures, openFixture, clickClosedHost, trackWasmRequests } from './harness.mjs';
import { readFileSync } from 'node:fs';

// ANSWERDECK_EXTENSION_DIR tests another build (e.g. a copy, while dist/ is being rebuilt).
export const EXTENSION_DIR = process.env.ANSWERDECK_EXTENSION_DIR || new URL('../../dist/chrome', import.meta.url).pathname;

/** The starter replies the background stores on install (src/platform/starter-library.json). */
export const STARTER = Object.fromEntries(
  JSON.parse(readFileSync(new URL('../../src/platform/starter-library.json', import.meta.url), 'utf8')).replies.map((r) => [r.id, r]),
);

/** Renders a starter body the way a user expects to see it: fallbacks used where no value is given. */
export function rendered(id, values = {}) {
  return STARTER[id].body.replace(/\{(\w+)(?:\|([^}]*))?\}/g, (_, name, fallback) => values[name] ?? fallback ?? '');
}

/**
 * Starts Chromium with the extension on fixture routes; resolves once the starter library is stored.
 * `userDataDir` and `keepProfile` (see `launch`) restart a browser on the profile an earlier one kept.
 */
export async function startBrowser({ csp, headless = true, userDataDir = null, keepProfile = false }) {
  const browser = await launch({ extensionDir: EXTENSION_DIR, headless, userDataDir, keepProfile });
  await serveFixtures(browser.context, { csp });
  for (const origin of ['https://www.facebook.com', 'https://x.com']) {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  }
  await browser.serviceWorker.evaluate(async () => {
    for (let i = 0; i < 100; i++) {
      const { ['answerdeck.rev']: rev } = await chrome.storage.local.get('answerdeck.rev');
      if (rev >= 1) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the starter library was never stored');
  });
  const tracker = trackWasmRequests(browser.context);
  return { ...browser, tracker };
}

export async function open(browser, url) {
  const opened = await openFixture(browser.context, url);
  return opened;
}

/** Activates the nth host of `kind` with the pointer and waits for the picker (focus lands in its search). */
export async function openPicker(page, kind, nth = 0) {
  await clickClosedHost(page, `[data-answerdeck="${kind}"]`, { nth });
  await page.waitForSelector('[data-answerdeck="picker"]', { timeout: 5_000 });
}

/** Types a query in the open picker and presses Enter; waits until the picker has closed. */
export async function pick(page, query, { keys = [] } = {}) {
  if (query) await page.keyboard.type(query, { delay: 10 });
  for (const key of keys) await page.keyboard.press(key);
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-answerdeck="picker"]', { state: 'detached', timeout: 5_000 });
}

export const pickerOpen = (page) => page.locator('[data-answerdeck="picker"]').count().then((n) => n > 0);

/** Collapses whitespace: editors render line breaks as paragraphs or <br>, the characters must match. */
export const flat = (text) => text.replace(/\s+/g, ' ').trim();

export const occurrences = (haystack, needle) => haystack.split(needle).length - 1;

/** Which core served `page`: a .wasm request means the wasm build; only pkg-js imports mean wasm2js. */
export function coreFlavour(tracker, page) {
  const requests = tracker.forPage(page).map((r) => r.url);
  if (requests.some((u) => u.endsWith('/pkg/answerdeck_content_bg.wasm'))) return 'wasm';
  if (requests.some((u) => u.includes('/pkg-js/'))) return 'wasm2js';
  return 'none';
}

/** Adds `replies` to the library the way the options page does (a v1 import through the background). */
export async function importReplies(browser, replies) {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const text = JSON.stringify({ format: 'answerdeck', version: 1, exported_at: '2026-11-22T10:00:00Z', replies });
    const response = await page.evaluate((t) => chrome.runtime.sendMessage({ op: 'library.import', text: t, name: 'test.json' }), text);
    if (!response?.ok) throw new Error(`import refused: ${JSON.stringify(response)}`);
    return response;
  } finally {
    await page.close();
  }
}

/**
 * What a user sees inside a closed-shadow host (`kind`): for each element with a class, its text and attributes
 * (first element per class). Read through CDP's piercing DOM snapshot, which page scripts cannot do.
 */
export async function closedView(page, kind) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const attrs = (n) => Object.fromEntries((n.attributes || []).reduce((pairs, v, i, all) => (i % 2 ? pairs : [...pairs, [v, all[i + 1]]]), []));
    const kids = (n) => [...(n.children || []), ...(n.shadowRoots || []), ...(n.contentDocument ? [n.contentDocument] : [])];
    const find = (n) => (attrs(n)['data-answerdeck'] === kind ? n : kids(n).map(find).find(Boolean) || null);
    const text = (n) => (n.nodeType === 3 ? n.nodeValue : kids(n).map(text).join(''));
    const host = find(root);
    if (!host) return null;
    const view = {};
    const walk = (n) => {
      const a = attrs(n);
      const cls = (a.class || '').split(' ')[0];
      if (cls && !(cls in view)) view[cls] = { text: text(n), attrs: a };
      kids(n).forEach(walk);
    };
    (host.shadowRoots || []).forEach(walk);
    return view;
  } finally {
    await cdp.detach();
  }
}
