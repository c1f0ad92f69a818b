// Hostile pages (issue 6): a page whose scripts patch DOM prototypes (attachShadow forced open, every text and
// attribute write recorded), listen to every event in the capture phase and watch every mutation learns nothing of
// the library: no reply title or body it was not given by the user's own insertion, no shadow root, no note. A page
// that removes Answerdeck's controls gets them back. Both cores (the site's CSP: wasm; a strict CSP: wasm2js).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openFixture, submissions, waitForHosts, modelText } from './harness.mjs';
import { startBrowser, openPicker, importReplies } from './extension.mjs';
import { ask, eventually } from './labels-helpers.mjs';

const POST_EN = 'https://www.facebook.com/nordlichtkaffee/posts/pfbid02kM8xWq3Tn7vYb5RcLz9HdPj4sFa6Ue1GtKw2oXyNmB7qVh3ErJ5iDp8CfS1uAl';
const MESSENGER = 'https://www.facebook.com/messages/t/100012345678901/';
const SECRET_TITLE = 'Zebra discount for insiders';
const SECRET_BODY = 'The internal code is ZEBRA-4471, never share it.';
const LIBRARY = [
  { id: 'h-secret', title: SECRET_TITLE, language: 'en', body: SECRET_BODY },
  { id: 'h-order', title: 'Order status hostile', language: 'en', body: 'Hi {first_name|there}, your order is on its way.' },
];

/** Runs in the page's world before its own scripts: everything a curious page can try without a debugger. */
function spy() {
  const seen = (window.__seen = []);
  const record = (what) => seen.push(String(what).slice(0, 2000));
  const attach = Element.prototype.attachShadow;
  window.__forcedRoots = [];
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, { ...init, mode: 'open' });
    window.__forcedRoots.push(root);
    return root;
  };
  for (const [proto, prop] of [[Node.prototype, 'textContent'], [Element.prototype, 'innerHTML'], [HTMLElement.prototype, 'innerText']]) {
    const d = Object.getOwnPropertyDescriptor(proto, prop);
    Object.defineProperty(proto, prop, { ...d, set(v) { record(v); return d.set.call(this, v); } });
  }
  const setAttribute = Element.prototype.setAttribute;
  Element.prototype.setAttribute = function (name, value) { record(`${name}=${value}`); return setAttribute.call(this, name, value); };
  for (const type of ['keydown', 'keyup', 'input', 'beforeinput', 'click', 'focusin', 'paste', 'copy', 'message']) {
    window.addEventListener(type, (e) => {
      record(`${type}:${e.key || ''}:${e.data || ''}`);
      for (const node of e.composedPath()) if (node && node.nodeType === 1) record(node.textContent);
      if (e.clipboardData) record(e.clipboardData.getData('text/plain'));
      if (type === 'message') record(JSON.stringify(e.data));
    }, true);
  }
  new MutationObserver((list) => {
    for (const m of list) for (const n of m.addedNodes) {
      record(n.textContent);
      if (n.nodeType === 1) record(n.outerHTML);
    }
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
}

/** Everything the page's scripts gathered, plus what they can read now. */
async function gathered(page) {
  return page.evaluate(() => {
    const hosts = [...document.querySelectorAll('[data-answerdeck]')];
    return {
      seen: window.__seen.join('\n'),
      now: document.documentElement.outerHTML + hosts.map((h) => `${h.textContent}|${h.innerText}`).join('\n'),
      openRoots: hosts.filter((h) => h.shadowRoot !== null).length,
      forcedRoots: window.__forcedRoots.filter((r) => r.host && r.host.hasAttribute('data-answerdeck')).length,
      hosts: hosts.length,
    };
  });
}

for (const csp of ['facebook', 'strict']) {
  describe(`a hostile page, page CSP "${csp}"`, () => {
    let browser;
    before(async () => {
      browser = await startBrowser({ csp });
      await importReplies(browser, LIBRARY);
    });
    after(async () => { await browser?.close(); });

    test('patched prototypes, capturing listeners and mutation observers learn nothing of the library or notes', async () => {
      const page = await browser.context.newPage();
      await page.addInitScript(spy);
      const { errors } = await openFixture(browser.context, POST_EN, { page });
      await waitForHosts(page, 'composer', 1);
      // The user browses the picker: the secret reply is listed and previewed inside the picker...
      await openPicker(page, 'composer');
      await page.keyboard.type('zebra', { delay: 10 });
      await page.waitForTimeout(300);
      await page.keyboard.press('Escape');
      // ...then inserts another reply, which the page is meant to see (it is in its composer now).
      await openPicker(page, 'composer');
      await page.keyboard.type('hostile', { delay: 10 });
      await page.keyboard.press('Enter');
      await eventually(async () => (await modelText(page, '[data-lexical-editor="true"][aria-label^="Comment as"]')).includes('your order is on its way'), 'the chosen reply is inserted');
      const got = await gathered(page);
      assert.ok(got.hosts > 0);
      assert.equal(got.openRoots, 0, 'every host\'s shadowRoot reads null');
      assert.equal(got.forcedRoots, 0, 'the patched attachShadow never saw our roots (content scripts use their own world\'s DOM)');
      for (const secret of [SECRET_TITLE, SECRET_BODY, 'ZEBRA-4471']) {
        assert.ok(!got.seen.includes(secret), `the page's spies never saw "${secret}"`);
        assert.ok(!got.now.includes(secret), `the page's DOM never shows "${secret}"`);
      }
      assert.deepEqual(await submissions(page), [], 'nothing sent');
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('a note typed in the notes panel never reaches the page', async () => {
      const page = await browser.context.newPage();
      await page.addInitScript(spy);
      const { errors } = await openFixture(browser.context, MESSENGER, { page });
      await waitForHosts(page, 'notes', 1, { atLeast: true });
      const note = 'Customer is a journalist, handle with care 7781';
      const added = await ask(browser, { op: 'note.add', subject: 'fb:thread:100012345678901', text: note });
      assert.ok(added.ok, JSON.stringify(added));
      await page.waitForTimeout(500); // the tabs redraw their note counts
      const got = await gathered(page);
      assert.ok(!got.seen.includes(note) && !got.now.includes(note), 'the note text is not in the page');
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('a page that removes Answerdeck\'s controls gets them back, and they still work', async () => {
      const page = await browser.context.newPage();
      const { errors } = await openFixture(browser.context, POST_EN, { page });
      await waitForHosts(page, 'reply', 1, { atLeast: true });
      const before = await page.locator('[data-answerdeck="reply"]').count();
      for (let round = 0; round < 3; round++) {
        await page.evaluate(() => document.querySelectorAll('[data-answerdeck="reply"], [data-answerdeck="composer"]').forEach((h) => h.remove()));
        await eventually(async () => (await page.locator('[data-answerdeck="reply"]').count()) === before, `round ${round}: the reply controls come back`);
      }
      await waitForHosts(page, 'composer', 1, { atLeast: true });
      await openPicker(page, 'composer');
      await page.keyboard.type('hostile', { delay: 10 });
      await page.keyboard.press('Enter');
      await eventually(async () => (await modelText(page, '[data-lexical-editor="true"][aria-label^="Comment as"]')).includes('your order is on its way'), 'inserting still works');
      assert.deepEqual(await submissions(page), [], 'nothing sent');
      assert.deepEqual(errors, []);
      await page.close();
    });
  });
}
