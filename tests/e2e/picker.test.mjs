// The picker for a working day: fill-in fields asked before inserting (Tab between them), `/shortcut` + Tab in
// the native composer, Ctrl+. then a digit for numbered favourites, the customer's language (X's `lang`) with a
// one-key override, and refusal past the target's length limit — on Facebook (Lexical) and X (Draft.js), under
// the sites' CSPs (wasm core) and a CSP that forbids wasm (wasm2js core). Nothing is ever sent.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { modelText, submissions, waitForHosts } from './harness.mjs';
import { startBrowser, open, openPicker, rendered, flat, importReplies, closedView, coreFlavour } from './extension.mjs';

const POST_EN = 'https://www.facebook.com/nordlichtkaffee/posts/pfbid02kM8xWq3Tn7vYb5RcLz9HdPj4sFa6Ue1GtKw2oXyNmB7qVh3ErJ5iDp8CfS1uAl';
const STATUS_EN = 'https://x.com/nordlichtkaffee/status/1859842261514375168';
const MAIN_COMPOSER = '[data-lexical-editor="true"][aria-label^="Comment as"]';

const LIBRARY = [
  {
    id: 't-lookup', title: 'Order lookup', shortcut: 'lookup', language: 'en',
    body: 'Hi {first_name|there}, order {?Order number} will ship on {?Ship date}.',
  },
  {
    id: 't-shipping', title: 'Shipping times', language: 'en', favorite: true, position: -10,
    body: 'Hi {first_name|there}, we ship within 2 days.',
    variants: { de: 'Hallo {first_name|zusammen}, wir versenden innerhalb von 2 Tagen.', da: 'Hej {first_name|med dig}, vi sender inden for 2 dage.' },
  },
  {
    id: 't-signed', title: 'Signed DM invite', language: 'en',
    body: 'Write us privately: {dm_link} — {agent|The team}',
  },
  {
    id: 't-long', title: 'Long sustainability story', language: 'en',
    body: `Hi {first_name|there}! ${'Our beans are traded directly with farmers we visit every year. '.repeat(5)}`,
  },
];

const pickerView = (page) => closedView(page, 'picker');
const pickerOpen = async (page) => (await page.locator('[data-answerdeck="picker"]').count()) > 0;
const waitPickerClosed = (page) => page.waitForSelector('[data-answerdeck="picker"]', { state: 'detached', timeout: 5_000 });

/** Clicks into a Lexical/Draft composer and puts the caret at its end. */
async function focusComposer(page, selector) {
  await page.locator(selector).first().click();
  await page.keyboard.press('End');
}

for (const csp of ['facebook', 'strict']) {
  describe(`picker on Facebook, page CSP "${csp}"`, () => {
    let browser;
    before(async () => {
      browser = await startBrowser({ csp });
      await importReplies(browser, LIBRARY);
    });
    after(async () => { await browser?.close(); });

    test('fill-in fields are asked in the picker, Tab between them, then inserted; an empty field is refused', async () => {
      const { page, errors } = await open(browser, POST_EN);
      await waitForHosts(page, 'composer', 1);
      assert.equal(coreFlavour(browser.tracker, page), csp === 'strict' ? 'wasm2js' : 'wasm');
      await openPicker(page, 'composer');
      await page.keyboard.type('lookup', { delay: 10 });
      await page.keyboard.press('Enter');
      let view = await pickerView(page);
      assert.ok(view.fields, 'the fill-in form is shown');
      assert.match(view.fields.text, /Order number/);
      assert.match(view.fields.text, /Ship date/);
      await page.keyboard.type('A-1234', { delay: 5 });
      await page.keyboard.press('Enter'); // second field still empty: refused, picker stays
      view = await pickerView(page);
      assert.match(view.status.text, /Fill in “Ship date”/);
      assert.ok(await pickerOpen(page));
      assert.equal(flat(await modelText(page, MAIN_COMPOSER)), '');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Monday', { delay: 5 });
      view = await pickerView(page);
      assert.equal(view.preview.text, 'Hi there, order A-1234 will ship on Monday.', 'the preview shows the filled text');
      await page.keyboard.press('Enter');
      await waitPickerClosed(page);
      assert.equal(await modelText(page, MAIN_COMPOSER), 'Hi there, order A-1234 will ship on Monday.');
      assert.deepEqual(await submissions(page), [], 'nothing was sent');
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('{agent} and {dm_link} come from the settings', async () => {
      const settingsPage = await browser.context.newPage();
      await settingsPage.goto(`chrome-extension://${browser.extensionId}/options.html`);
      const saved = await settingsPage.evaluate(() => chrome.runtime.sendMessage({ op: 'settings.put', settings: { agent_name: 'Mia', facebook_page: 'nordlichtkaffee', x_user_id: '1417229841', picker_order: 'manual' } }));
      assert.ok(saved.ok, JSON.stringify(saved));
      await settingsPage.close();
      const { page } = await open(browser, POST_EN);
      await waitForHosts(page, 'composer', 1);
      await openPicker(page, 'composer');
      await page.keyboard.type('signed', { delay: 10 });
      await page.keyboard.press('Enter');
      await waitPickerClosed(page);
      assert.equal(await modelText(page, MAIN_COMPOSER), 'Write us privately: https://m.me/nordlichtkaffee — Mia');
      assert.deepEqual(await submissions(page), []);
      await page.close();
    });

    test('/shortcut then Tab expands the reply in place; an unknown shortcut leaves the text alone', async () => {
      const { page, errors } = await open(browser, POST_EN);
      await waitForHosts(page, 'composer', 1);
      await focusComposer(page, MAIN_COMPOSER);
      await page.keyboard.type('/thanks', { delay: 10 });
      await page.keyboard.press('Tab');
      await page.waitForFunction((s) => window.__fixture.text(s).includes('Thank you'), MAIN_COMPOSER, { timeout: 5_000 });
      const text = await modelText(page, MAIN_COMPOSER);
      assert.equal(flat(text), flat(rendered('r-thanks', { page: 'Nordlicht Kaffee' })));
      assert.ok(!text.includes('/thanks'), 'the typed shortcut was replaced');
      assert.equal(await pickerOpen(page), false, 'no picker needed');

      await page.keyboard.type(' /nosuchreply', { delay: 10 });
      await page.keyboard.press('Tab');
      await page.waitForTimeout(300);
      assert.ok((await modelText(page, MAIN_COMPOSER)).endsWith('/nosuchreply'), 'unknown shortcut untouched');
      assert.deepEqual(await submissions(page), []);
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('/shortcut of a reply with fill-in fields opens the picker on it, then replaces the shortcut', async () => {
      const { page } = await open(browser, POST_EN);
      await waitForHosts(page, 'composer', 1);
      await focusComposer(page, MAIN_COMPOSER);
      await page.keyboard.type('Moin! /lookup', { delay: 10 });
      await page.keyboard.press('Tab');
      await page.waitForSelector('[data-answerdeck="picker"]');
      assert.ok((await pickerView(page)).fields, 'fields asked first');
      await page.keyboard.type('B-77', { delay: 5 });
      await page.keyboard.press('Tab');
      await page.keyboard.type('Friday', { delay: 5 });
      await page.keyboard.press('Enter');
      await waitPickerClosed(page);
      assert.equal(flat(await modelText(page, MAIN_COMPOSER)), 'Moin! Hi there, order B-77 will ship on Friday.');
      assert.deepEqual(await submissions(page), []);
      await page.close();
    });

    test('Ctrl+. shows the numbered favourites and a digit inserts that favourite', async () => {
      const { page, errors } = await open(browser, POST_EN);
      await waitForHosts(page, 'composer', 1);
      await focusComposer(page, MAIN_COMPOSER);
      await page.keyboard.press('Control+.');
      await page.waitForSelector('[data-answerdeck="favourites"]');
      const hint = await closedView(page, 'favourites');
      assert.match(hint.hint.text, /Press 1–9/);
      assert.match(hint.favourites.text, /Shipping times/);
      await page.keyboard.press('1');
      await page.waitForFunction((s) => window.__fixture.text(s).length > 0, MAIN_COMPOSER, { timeout: 5_000 });
      assert.equal(await modelText(page, MAIN_COMPOSER), 'Hi there, we ship within 2 days.');
      assert.equal(await page.locator('[data-answerdeck="favourites"]').count(), 0, 'the hint is gone');
      assert.deepEqual(await submissions(page), []);
      assert.deepEqual(errors, []);
      await page.close();
    });
  });
}

for (const csp of ['x', 'x-strict']) {
  describe(`picker on X, page CSP "${csp}"`, () => {
    let browser;
    before(async () => {
      browser = await startBrowser({ csp });
      await importReplies(browser, LIBRARY);
    });
    after(async () => { await browser?.close(); });

    /** Opens the picker on the reply control inside the post by `handle`. */
    async function pickerFor(page, handle) {
      await waitForHosts(page, 'reply', 5, { atLeast: true });
      const nth = await page.evaluate((h) => [...document.querySelectorAll('[data-answerdeck="reply"]')].findIndex((host) => host.closest('article').__fixtureHandle === h), handle);
      assert.ok(nth >= 0, `a reply control for @${handle}`);
      await openPicker(page, 'reply', nth);
    }

    test("the customer's language (X's lang) picks the variant and the picker says so", async () => {
      const { page, errors } = await open(browser, STATUS_EN);
      await pickerFor(page, 'lena_schmidt');
      await page.keyboard.type('shipping', { delay: 10 });
      const view = await pickerView(page);
      assert.equal(view.lang.attrs['data-language'], 'de');
      assert.match(view.lang.text, /Deutsch/);
      assert.equal(view.preview.text, 'Hallo Lena, wir versenden innerhalb von 2 Tagen.');
      await page.keyboard.press('Enter');
      await waitPickerClosed(page);
      assert.equal(await modelText(page, '[role="dialog"] [data-testid="tweetTextarea_0"]'), 'Hallo Lena, wir versenden innerhalb von 2 Tagen.');
      assert.deepEqual(await submissions(page), []);
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('Alt+L switches the language with one key', async () => {
      const { page } = await open(browser, STATUS_EN);
      await pickerFor(page, 'mette_kjaer');
      await page.keyboard.type('shipping', { delay: 10 });
      assert.equal((await pickerView(page)).lang.attrs['data-language'], 'da');
      await page.keyboard.press('Alt+KeyL');
      const view = await pickerView(page);
      assert.equal(view.lang.attrs['data-language'], 'de');
      assert.equal(view.preview.text, 'Hallo Mette, wir versenden innerhalb von 2 Tagen.');
      await page.keyboard.press('Enter');
      await waitPickerClosed(page);
      assert.equal(await modelText(page, '[role="dialog"] [data-testid="tweetTextarea_0"]'), 'Hallo Mette, wir versenden innerhalb von 2 Tagen.');
      await page.close();
    });

    test('a reply over 280 (weighted) is refused on an X post with the reason; nothing inserted', async () => {
      const { page } = await open(browser, STATUS_EN);
      await pickerFor(page, 'jonasbecker');
      await page.keyboard.type('sustainability', { delay: 10 });
      let view = await pickerView(page);
      assert.equal(view.meter.attrs['data-over'], 'true');
      assert.match(view.meter.text, /\/ 280/);
      await page.keyboard.press('Enter');
      view = await pickerView(page);
      assert.match(view.status.text, /Too long for an X post/);
      assert.ok(await pickerOpen(page), 'the picker stays open');
      const editors = await page.evaluate(() => window.__fixture.editors().map((e) => e.text));
      assert.ok(editors.every((t) => !t.includes('farmers')), 'nothing inserted');
      assert.deepEqual(await submissions(page), []);
      await page.close();
    });
  });
}
