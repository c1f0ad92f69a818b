// X replies: the `reply` control opens X's reply modal and inserts into the real Draft.js editor; the inline
// composer's `composer` control works by keyboard; under x.com's CSP shape with 'unsafe-eval' (wasm core) and
// without it (wasm2js core).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { modelText, submissions, waitForHosts } from './harness.mjs';
import { startBrowser, open, openPicker, pick, rendered, flat, occurrences, coreFlavour } from './extension.mjs';

const STATUS_EN = 'https://x.com/nordlichtkaffee/status/1859842261514375168';
const STATUS_VARIANT = 'https://x.com/m4x_1992__/status/1859725978630285312';
const REDESIGN = 'https://x.com/nordlichtkaffee/status/1859842261514506240';
const BRAND = 'nordlichtkaffee';

/** Posts per the fixture's bookkeeping (`__fixtureHandle`/`__fixtureName`, kept after it strips its hooks). */
const posts = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('article[data-testid="tweet"]')].map((a) => ({ handle: a.__fixtureHandle, name: a.__fixtureName, hosts: a.querySelectorAll('[data-answerdeck="reply"]').length })),
  );

/** Index (in document order) of the reply control inside the post by `handle`. */
const hostIndexFor = (page, handle) =>
  page.evaluate((h) => [...document.querySelectorAll('[data-answerdeck="reply"]')].findIndex((host) => host.closest('article').__fixtureHandle === h), handle);

const tweetButtonEnabled = (page, scope) =>
  page.evaluate((s) => {
    const b = document.querySelector(`${s} [data-testid^="tweetButton"]`);
    return !!b && !b.disabled && b.getAttribute('aria-disabled') !== 'true';
  }, scope);

for (const csp of ['x', 'x-strict']) {
  describe(`X replies, page CSP "${csp}"`, () => {
    let browser;
    before(async () => { browser = await startBrowser({ csp }); });
    after(async () => { await browser?.close(); });

    test('every customer reply gets a reply control, the brand\'s own posts none', async () => {
      const { page, errors } = await open(browser, STATUS_EN);
      const all = await posts(page);
      const customers = all.filter((p) => p.handle && p.handle !== BRAND);
      assert.ok(customers.length >= 5);
      await waitForHosts(page, 'reply', customers.length);
      const after = await posts(page);
      assert.ok(after.filter((p) => p.handle === BRAND).every((p) => p.hosts === 0), 'no control on the brand\'s posts');
      assert.ok(after.filter((p) => p.handle && p.handle !== BRAND).every((p) => p.hosts === 1), 'one control per customer reply');
      await waitForHosts(page, 'composer', 1, { atLeast: true });
      assert.equal(coreFlavour(browser.tracker, page), csp === 'x-strict' ? 'wasm2js' : 'wasm');
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('reply control opens X\'s reply modal and inserts into its Draft.js editor; the Reply button enables; nothing sent', async () => {
      const { page } = await open(browser, STATUS_EN);
      await waitForHosts(page, 'reply', 5, { atLeast: true });
      const first = (await posts(page)).find((p) => p.handle && p.handle !== BRAND && p.hosts === 1);
      const nth = await hostIndexFor(page, first.handle);
      await openPicker(page, 'reply', nth);
      await pick(page, 'order');
      const box = '[role="dialog"] [data-testid="tweetTextarea_0"]';
      const text = await modelText(page, box);
      assert.equal(text, rendered('r-order-status', { first_name: first.name.split(' ')[0] }));
      assert.ok(await tweetButtonEnabled(page, '[role="dialog"]'), "X's Reply button is enabled: Draft.js state holds the text");
      assert.deepEqual(await submissions(page), []);
      await page.close();
    });

    test('inline composer by keyboard: type, Tab to the control, Enter, pick a multi-line reply', async () => {
      const { page } = await open(browser, STATUS_EN);
      await waitForHosts(page, 'composer', 1, { atLeast: true });
      const box = '[data-testid="tweetTextarea_0"]';
      await page.click(box);
      await page.keyboard.type('Thanks! ');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-answerdeck="picker"]');
      await pick(page, 'sorry');
      const text = await modelText(page, box);
      const reply = rendered('r-sorry', {}).replace(/^Hi there/, (m) => m); // the focused post is the brand's own
      assert.ok(flat(text).startsWith('Thanks! '), text);
      assert.equal(occurrences(flat(text), flat(reply).slice(12)), 1, 'inserted exactly once');
      assert.ok(text.includes('\n'), 'the line break survived in Draft.js');
      assert.deepEqual(await submissions(page), []);
      await page.close();
    });

    test('German UI variant: a customer with digits and underscores in the handle is answered in the modal', async () => {
      const { page, errors } = await open(browser, STATUS_VARIANT);
      await waitForHosts(page, 'reply', 3, { atLeast: true });
      const customer = (await posts(page)).find((p) => p.hosts === 1 && /\d|_/.test(p.handle)) ?? (await posts(page)).find((p) => p.hosts === 1);
      const acting = await page.evaluate(() => document.querySelector('[data-testid="SideNav_AccountSwitcher_Button"]').textContent.split('@')[0].trim());
      await openPicker(page, 'reply', await hostIndexFor(page, customer.handle));
      await pick(page, 'thanks');
      const text = await modelText(page, '[role="dialog"] [data-testid="tweetTextarea_0"]');
      assert.equal(text, rendered('r-thanks', { first_name: customer.name.split(' ')[0], page: acting }));
      assert.deepEqual(await submissions(page), []);
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('a redesign without test ids: the page keeps working and the floating picker is there', async () => {
      const { page, errors } = await open(browser, REDESIGN);
      await page.waitForSelector('[data-answerdeck="floating"]', { timeout: 6_000 });
      assert.equal(await page.locator('[data-answerdeck="reply"]').count(), 0);
      const box = '[contenteditable="true"]';
      await page.click(box);
      await page.keyboard.type('Hi ');
      assert.equal(await modelText(page, box), 'Hi ');
      await openPicker(page, 'floating');
      await pick(page, 'hours');
      assert.equal(flat(await modelText(page, box)), flat('Hi ' + rendered('r-opening-hours', {})));
      assert.deepEqual(await submissions(page), []);
      assert.deepEqual(errors, []);
      await page.close();
    });
  });
}

describe('pages that are not messaging surfaces', () => {
  let browser;
  before(async () => { browser = await startBrowser({ csp: 'none' }); });
  after(async () => { await browser?.close(); });

  for (const url of ['https://www.facebook.com/', 'https://x.com/home']) {
    test(`${url}: the loader exits, no wasm or core is loaded, no control`, async () => {
      const page = await browser.context.newPage();
      await browser.tracker.attach(page);
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForTimeout(1_500);
      const summary = await browser.tracker.summary(page);
      assert.equal(summary.wasmRequests, 0);
      assert.equal(summary.extensionRequests, 0, 'the core was not imported');
      assert.equal(summary.extensionWasmModulesCompiled, 0);
      assert.equal(await page.locator('[data-answerdeck]').count(), 0);
      await page.close();
    });
  }
});
