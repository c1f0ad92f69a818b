// Private replies from a public comment: Alt+P in the picker. Facebook's own private-reply action is used where
// the comment has one ("Message" → chat popup); otherwise the commenter's Messenger conversation opens in a new
// tab with the reply (plus a link to the comment) waiting in its composer. On X, "Reply by DM" opens the person's
// profile, presses X's Message button and puts the reply (plus a link to the post) into X Chat. The route taken is
// announced; nothing is ever sent. Both cores (site CSP → wasm, strict CSP → wasm2js).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { modelText, submissions, waitForHosts } from './harness.mjs';
import { startBrowser, open, openPicker, rendered, flat, closedView } from './extension.mjs';

const POST_PRIVATE = 'https://www.facebook.com/nordlichtkaffee/posts/pfbid02PrvT8mKq4Zr7Wb1Xc5Nd9Hf3Lg6Jp2Ts8Vy4Bn1Qe7Uw5Rk3Mo9Ca6Sx2Dz';
const POST_EN = 'https://www.facebook.com/nordlichtkaffee/posts/pfbid02kM8xWq3Tn7vYb5RcLz9HdPj4sFa6Ue1GtKw2oXyNmB7qVh3ErJ5iDp8CfS1uAl';
const STATUS_EN = 'https://x.com/nordlichtkaffee/status/1859842261514375168';
const MESSENGER_COMPOSER = '[data-lexical-editor="true"][aria-label="Message"]';

/** Opens the picker on the reply control of the comment/post whose fixture author (FB) or handle (X) is `who`. */
async function pickerOn(page, who) {
  await waitForHosts(page, 'reply', 5, { atLeast: true });
  const nth = await page.evaluate((w) => [...document.querySelectorAll('[data-answerdeck="reply"]')].findIndex((host) => {
    const article = host.closest('[role="article"], article');
    return article && (article.__fixtureAuthor === w || article.__fixtureHandle === w);
  }), who);
  assert.ok(nth >= 0, `a reply control for ${who}`);
  await openPicker(page, 'reply', nth);
}

for (const csp of ['facebook', 'strict']) {
  describe(`private replies on Facebook, page CSP "${csp}"`, () => {
    let browser;
    before(async () => { browser = await startBrowser({ csp }); });
    after(async () => { await browser?.close(); });

    test("Facebook's own private-reply action is used when the comment has one, and the route is announced", async () => {
      const { page, errors } = await open(browser, POST_PRIVATE);
      await pickerOn(page, 'Sophie Martin');
      await page.keyboard.type('opening', { delay: 10 });
      await page.keyboard.press('Alt+KeyP');
      const view = await closedView(page, 'picker');
      assert.equal(view.private.attrs['aria-pressed'], 'true');
      assert.match(view.status.text, /Facebook's own private reply/);
      assert.match(view.meter.text, /2000 · a Messenger message/, 'a private reply is held to Messenger\'s limit');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-answerdeck="picker"]', { state: 'detached', timeout: 5_000 });
      const text = await modelText(page, MESSENGER_COMPOSER);
      assert.equal(flat(text), flat(rendered('r-opening-hours', { first_name: 'Sophie', page: 'Nordlicht Kaffee' })));
      assert.ok(!text.includes('About your comment'), 'attached to the comment: no link needed');
      const notice = await closedView(page, 'notice');
      assert.match(notice.notice.text, /Facebook's own private reply/);
      assert.deepEqual(await submissions(page), [], 'nothing sent');
      assert.deepEqual(errors, []);
      await page.close();
    });

    test("otherwise the commenter's Messenger conversation opens in a new tab with the reply and a link to the comment", async () => {
      const { page, errors } = await open(browser, POST_EN);
      await pickerOn(page, 'Jonas Becker');
      await page.keyboard.type('opening', { delay: 10 });
      await page.keyboard.press('Alt+KeyP');
      assert.match((await closedView(page, 'picker')).status.text, /Messenger conversation in a new tab/);
      const opened = browser.context.waitForEvent('page');
      await page.keyboard.press('Enter');
      const tab = await opened;
      await tab.waitForLoadState('load');
      assert.equal(new URL(tab.url()).pathname, '/messages/t/jonas.becker.904/');
      await tab.waitForFunction((s) => window.__fixture?.text(s).length > 0, MESSENGER_COMPOSER, { timeout: 10_000 });
      const text = await modelText(tab, MESSENGER_COMPOSER);
      assert.ok(flat(text).startsWith(flat(rendered('r-opening-hours', { first_name: 'Jonas', page: 'Nordlicht Kaffee' }))), text);
      assert.match(text, /\(About your comment: https:\/\/www\.facebook\.com\/nordlichtkaffee\/posts\/\S*comment_id=1093847561234567/);
      await tab.waitForSelector('[data-answerdeck="notice"]');
      assert.match((await closedView(tab, 'notice')).notice.text, /private reply to Jonas Becker/);
      assert.match((await closedView(page, 'notice')).notice.text, /Messenger conversation in a new tab/);
      assert.deepEqual(await submissions(tab), [], 'nothing sent in Messenger');
      assert.deepEqual(await submissions(page), [], 'nothing posted under the comment');
      assert.deepEqual(errors, []);
      await tab.close();
      await page.close();
    });
  });
}

for (const csp of ['x', 'x-strict']) {
  describe(`reply by DM on X, page CSP "${csp}"`, () => {
    let browser;
    before(async () => { browser = await startBrowser({ csp }); });
    after(async () => { await browser?.close(); });

    test("Reply by DM opens X Chat with the person through their profile's Message button and inserts the reply", async () => {
      const { page, errors } = await open(browser, STATUS_EN);
      await pickerOn(page, 'jonasbecker');
      await page.keyboard.type('opening', { delay: 10 });
      await page.keyboard.press('Alt+KeyP');
      const view = await closedView(page, 'picker');
      assert.equal(view.private.text, 'Reply by DM');
      assert.match(view.status.text, /X Chat conversation in a new tab/);
      const opened = browser.context.waitForEvent('page');
      await page.keyboard.press('Enter');
      const tab = await opened;
      await tab.waitForURL('https://x.com/i/chat/1417229841-1859001122', { timeout: 10_000 });
      const area = tab.locator('[data-testid="dm-composer-textarea"]');
      await tab.waitForFunction(() => document.querySelector('[data-testid="dm-composer-textarea"]')?.value.length > 0, null, { timeout: 10_000 });
      const value = await area.inputValue();
      assert.ok(flat(value).startsWith(flat(rendered('r-opening-hours', { first_name: 'Jonas', page: 'Nordlicht Kaffee' }))), value);
      assert.match(value, /\(About your post: https:\/\/x\.com\/jonasbecker\/status\/\d+\)$/);
      assert.deepEqual(await tab.evaluate(() => window.__chatSent), [], 'nothing sent');
      assert.deepEqual(await submissions(page), []);
      assert.deepEqual(errors, []);
      await tab.close();
      await page.close();
    });
  });
}
