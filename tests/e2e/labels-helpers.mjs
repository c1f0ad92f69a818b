// Steps shared by the labels and notes end-to-end tests: reading and clicking inside closed shadow roots (through
// the DevTools protocol, as a screen reader would see them), the panel frame, and the store as the background
// answers it.
import assert from 'node:assert/strict';

const attrsOf = (n) => Object.fromEntries((n.attributes || []).reduce((pairs, v, i, all) => (i % 2 ? pairs : [...pairs, [v, all[i + 1]]]), []));
const kidsOf = (n) => [...(n.children || []), ...(n.shadowRoots || [])];
const textOf = (n) => (n.nodeType === 3 ? n.nodeValue : n.localName === 'style' ? '' : kidsOf(n).map(textOf).join(''));

/** Every `[data-answerdeck=kind]` host (optionally with `subject`) with what its closed shadow root shows. */
export async function hosts(page, kind, { subject = null, within = null } = {}) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const found = [];
    const walk = (n, inside) => {
      const a = attrsOf(n);
      const nowInside = inside || (within && matches(a, n, within));
      if (a['data-answerdeck'] === kind && (!subject || a['data-subject'] === subject) && (!within || nowInside)) {
        const button = findNode(n, (m) => m.localName === 'button');
        found.push({ subject: a['data-subject'], text: (n.shadowRoots || []).map(textOf).join('').trim(), label: button ? attrsOf(button)['aria-label'] : null, nodeId: n.nodeId, backendNodeId: n.backendNodeId });
      }
      kidsOf(n).forEach((k) => walk(k, nowInside));
    };
    walk(root, false);
    return found;
  } finally {
    await cdp.detach();
  }
}

function matches(a, n, within) {
  // `within`: {role} or {localName} of an ancestor (e.g. the open conversation's main area).
  return (within.role && a.role === within.role) || (within.localName && n.localName === within.localName) || (within.testid && a['data-testid'] === within.testid);
}

function findNode(n, pred) {
  if (pred(n)) return n;
  for (const k of kidsOf(n)) {
    const f = findNode(k, pred);
    if (f) return f;
  }
  return null;
}

/** Visible text of the first host of `kind` with `subject` (chips: names; notes: the count), ignoring the stylesheet. */
export async function chipText(page, kind, subject, opts = {}) {
  const [host] = await hosts(page, kind, { subject, ...opts });
  return host ? host.text : null;
}

/** Clicks, with the pointer, the element inside host `kind` (optionally of `subject`) whose text is `text`. */
export async function clickInHost(page, kind, { subject = null, text = null, nth = 0, within = null, hover = 0 } = {}) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const candidates = [];
    const walk = (n, inside) => {
      const a = attrsOf(n);
      const nowInside = inside || (within && matches(a, n, within));
      if (a['data-answerdeck'] === kind && (!subject || a['data-subject'] === subject) && (!within || nowInside)) candidates.push(n);
      kidsOf(n).forEach((k) => walk(k, nowInside));
    };
    walk(root, false);
    const host = candidates[nth];
    assert.ok(host, `a ${kind} host${subject ? ` for ${subject}` : ''}`);
    const target = findNode({ children: host.shadowRoots || [] }, (m) => m.localName === 'button' && (text === null || textOf(m).trim() === text || attrsOf(m)['aria-label'] === text));
    assert.ok(target, `a button "${text}" in the ${kind} host`);
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: target.backendNodeId });
    const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: target.backendNodeId });
    const [x1, y1, , , x3, y3] = model.border;
    if (hover) {
      // Rest the pointer on it first, as a hand does before clicking.
      await page.mouse.move((x1 + x3) / 2, (y1 + y3) / 2);
      await page.waitForTimeout(hover);
    }
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach();
  }
}

/** The panel frame once it shows `mode` for `subject` and its script has started. */
export async function panelFrame(page, { mode, subject } = {}) {
  for (let i = 0; i < 200; i++) {
    const frame = page.frames().find((f) => {
      if (!f.url().includes('/panel.html')) return false;
      const params = new URLSearchParams(new URL(f.url()).hash.slice(1));
      return (!mode || params.get('mode') === mode) && (!subject || params.get('subject') === subject);
    });
    if (frame && (await frame.evaluate(() => document.getElementById('panel')?.getAttribute('aria-busy') !== 'true').catch(() => false))) return frame;
    await page.waitForTimeout(25);
  }
  throw new Error(`the panel (${mode} ${subject}) did not open`);
}

/** Whether the panel host is shown. */
export const panelOpen = (page) => page.evaluate(() => document.querySelector('[data-answerdeck="panel"]')?.hasAttribute('open') ?? false);

/** Sends one request to the background from an extension page, as the options page and panel do. */
export async function ask(browser, message) {
  let page = browser.__askPage;
  if (!page || page.isClosed()) {
    page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    browser.__askPage = page;
  }
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
}

/** Waits until `f()` resolves truthy (polling), or fails with `what`. */
export async function eventually(f, what, { timeout = 5_000 } = {}) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await f();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`${what} (last: ${JSON.stringify(last)})`);
}
