// Facebook Page post comments: the `reply` and `composer` controls, the picker, insertion into the real Lexical
// editor, under facebook.com's CSP (wasm core) and under a CSP that forbids wasm (wasm2js core).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { modelText, submissions, waitForHosts } from './harness.mjs';
import { startBrowser, open, openPicker, pick, rendered, flat, occurrences, coreFlavour, STARTER } from './extension.mjs';

const POST_EN = 'https://www.facebook.com/nordlichtkaffee/posts/pfbid02kM8xWq3Tn7vYb5RcLz9HdPj4sFa6Ue1GtKw2oXyNmB7qVh3ErJ5iDp8CfS1uAl';
const POST_DE = 'https://www.facebook.com/nordlichtkaffee/posts/pfbid0Yz4qLmT9bWc2Xr7NvK5hPe3Sg8Ju6Da1FiHo4Rk9MnZt2Bw7Cy5Ex3Qp8Vl1Gs';
const PAGE_DIALOG = 'https://www.facebook.com/nordlichtkaffee';
const REDESIGN = 'https://www.facebook.com/nordlichtkaffee/posts/pfbid037Wn5RtGk2Lq9Xb4Hs8Pd1Mf6Zc3Vy7Ja5Ue2Ko9Ti4Bx8Nr1Qw6Em3Lh5Sg2Dp';
const PAGE_NAME = 'Nordlicht Kaffee';

/** Customer comments per the fixture's own bookkeeping (`__fixtureAuthor`, set by the fixture script from
 *  data-fixture-author, which it then removes so the extension cannot key on it); the Page's own excluded. */
const customerComments = (page) =>
  page.evaluate((pageName) => [...document.querySelectorAll('[role="article"]')].filter((a) => a.__fixtureAuthor && a.__fixtureAuthor !== pageName).length, PAGE_NAME);

for (const csp of ['facebook', 'strict']) {
  describe(`Facebook post comments, page CSP "${csp}"`, () => {
    let browser;
    before(async () => { browser = await startBrowser({ csp }); });
    after(async () => { await browser?.close(); });

    test('every customer comment gets a reply control, every composer a composer control; the Page\'s own reply none', async () => {
      const { page, errors } = await open(browser, POST_EN);
      const expected = await customerComments(page);
      assert.ok(expected >= 6, 'fixture has customer comments');
      await waitForHosts(page, 'reply', expected);
      await waitForHosts(page, 'composer', 1);
      const ownControls = await page.evaluate((pageName) => {
        const own = [...document.querySelectorAll('[role="article"]')].filter((a) => a.__fixtureAuthor === pageName);
        // A host inside the Page's article but not inside a nested customer article.
        return own.filter((a) => [...a.querySelectorAll('[data-answerdeck="reply"]')].some((h) => h.closest('[role="article"]') === a)).length;
      }, PAGE_NAME);
      assert.equal(ownControls, 0, "the Page's own reply must not get a control");
      assert.equal(coreFlavour(browser.tracker, page), csp === 'strict' ? 'wasm2js' : 'wasm');
      const closed = await page.evaluate(() => [...document.querySelectorAll('[data-answerdeck]')].every((h) => h.shadowRoot === null));
      assert.ok(closed, 'page scripts cannot open our shadow roots');
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('reply control: opens that comment\'s reply box and inserts the personalised reply, sends nothing', async () => {
      const { page } = await open(browser, POST_EN);
      await waitForHosts(page, 'reply', 6, { atLeast: true });
      await openPicker(page, 'reply', 0);
      // The picker's content is invisible to the page: its text is not in the page's DOM.
      assert.ok(!(await page.evaluate((t) => document.body.innerText.includes(t), STARTER['r-order-status'].title)));
      await pick(page, 'order');
      const box = '[aria-label="Reply to Jonas Becker"]';
      const text = await modelText(page, box);
      assert.equal(text, rendered('r-order-status', { first_name: 'Jonas' }));
      assert.deepEqual(await submissions(page), []);
      const focused = await page.evaluate((sel) => document.activeElement === document.querySelector(sel), box);
      assert.ok(focused, 'focus is back in the native reply box');
      await page.close();
    });

    test('a comment the page adds later gets its control at once; comments scrolled far away lose theirs and get them back', async () => {
      const { page, errors } = await open(browser, POST_EN);
      const expected = await customerComments(page);
      await waitForHosts(page, 'reply', expected);
      // The page adds a comment: a copy of a customer's with its own comment id (without our host, which a page
      // never copies).
      await page.evaluate(() => {
        const original = [...document.querySelectorAll('[role="article"]')].find((a) => a.__fixtureAuthor && a.querySelector('[data-answerdeck="reply"]'));
        const copy = original.cloneNode(true);
        copy.querySelectorAll('[data-answerdeck]').forEach((h) => h.remove());
        copy.querySelectorAll('a[href*="comment_id="]').forEach((a) => a.setAttribute('href', a.getAttribute('href').replace(/comment_id=\d+/, 'comment_id=777000111222')));
        copy.id = 'added-later';
        original.after(copy);
      });
      // Within two seconds, well before the page is next read whole (every five): the change itself led to it.
      await waitForHosts(page, 'reply', expected + 1, { timeout: 2_000 });
      assert.ok(await page.evaluate(() => !!document.querySelector('#added-later [data-answerdeck="reply"]')), 'the new comment has the new control');

      // Far off screen (the margin is 1,500 px), the comments' controls go; scrolled back, they come back.
      await page.evaluate(() => {
        const spacer = document.createElement('div');
        spacer.style.height = '20000px';
        document.body.append(spacer);
        window.scrollTo(0, document.documentElement.scrollHeight);
      });
      await page.waitForFunction(() => document.querySelectorAll('[data-answerdeck="reply"]').length === 0, null, { timeout: 5_000, polling: 50 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await waitForHosts(page, 'reply', expected + 1);
      assert.deepEqual(await submissions(page), []);
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('composer control by keyboard: Tab from the editor, Enter, type, Enter — multi-line into non-empty text', async () => {
      const { page } = await open(browser, POST_EN);
      await waitForHosts(page, 'composer', 1);
      const box = '[aria-label="Comment as Nordlicht Kaffee"]';
      await page.click(box);
      await page.keyboard.type('Hello! ');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-answerdeck="picker"]');
      await pick(page, 'sorry');
      const text = await modelText(page, box);
      const expected = 'Hello! ' + rendered('r-sorry', {});
      assert.equal(flat(text), flat(expected));
      assert.ok(text.includes('\n'), 'the line break became a line break in the editor');
      assert.equal(occurrences(flat(text), flat(rendered('r-sorry', {}))), 1, 'inserted exactly once');
      assert.deepEqual(await submissions(page), []);
      await page.close();
    });

    test('ArrowDown chooses the next reply; {page} is the Page commenting', async () => {
      const { page } = await open(browser, POST_EN);
      await waitForHosts(page, 'reply', 6, { atLeast: true });
      // Second customer comment: Maria Sørensen. Empty query lists favourites first (order status, thanks).
      const maria = page.locator('[role="article"][aria-label^="Comment by Maria"] [data-answerdeck="reply"]');
      const nth = await page.locator('[data-answerdeck="reply"]').evaluateAll((hosts, target) => hosts.indexOf(target), await maria.elementHandle());
      await openPicker(page, 'reply', nth);
      await pick(page, '', { keys: ['ArrowDown'] });
      const text = await modelText(page, '[aria-label="Reply to Maria Sørensen"]');
      assert.equal(text.replace(/\n+/g, '\n'), rendered('r-thanks', { first_name: 'Maria', page: PAGE_NAME }));
      await page.close();
    });

    test('Escape closes the picker and leaves the composer as it was', async () => {
      const { page } = await open(browser, POST_EN);
      await waitForHosts(page, 'composer', 1);
      const box = '[aria-label="Comment as Nordlicht Kaffee"]';
      await page.click(box);
      await page.keyboard.type('draft');
      // Opened with the pointer (the control keeps the caret in the box); the keyboard path is the test above.
      await openPicker(page, 'composer');
      await page.keyboard.type('order');
      await page.keyboard.press('Escape');
      await page.waitForSelector('[data-answerdeck="picker"]', { state: 'detached' });
      assert.equal(await modelText(page, box), 'draft');
      await page.close();
    });

    test('German UI, ul/li nesting: reply into "Antworten an …" with an accented first name', async () => {
      const { page, errors } = await open(browser, POST_DE);
      const expected = await customerComments(page);
      await waitForHosts(page, 'reply', expected);
      const first = await page.evaluate(() => [...document.querySelectorAll('[role="article"]')].find((a) => a.__fixtureAuthor).__fixtureAuthor);
      await openPicker(page, 'reply', 0);
      await pick(page, 'order');
      const firstName = first.split(' ')[0];
      const text = await modelText(page, `[aria-label^="Antworten an ${first}"], [aria-label^="Antwort an ${first}"]`);
      assert.equal(text, rendered('r-order-status', { first_name: firstName }));
      assert.deepEqual(await submissions(page), []);
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('Page timeline with the post in a dialog: comments in the dialog are answered there', async () => {
      const { page } = await open(browser, PAGE_DIALOG);
      assert.equal(await customerComments(page), 0, 'nothing to answer before the dialog opens');
      await page.getByText('6 comments').click(); // like a user: the post's comment count opens the dialog
      await page.waitForSelector('[role="dialog"] [role="article"]');
      const expected = await customerComments(page);
      await waitForHosts(page, 'reply', expected, { timeout: 8_000 });
      const inDialog = await page.locator('[role="dialog"] [data-answerdeck="reply"]').count();
      assert.ok(inDialog >= 1, 'controls inside the dialog');
      const nth = await page.locator('[data-answerdeck="reply"]').evaluateAll((hosts) => hosts.findIndex((h) => h.closest('[role="dialog"]')));
      const author = await page.locator('[data-answerdeck="reply"]').nth(nth).evaluate((h) => h.closest('[role="article"]').__fixtureAuthor);
      await openPicker(page, 'reply', nth);
      await pick(page, 'hours');
      const editors = await page.evaluate(() => window.__fixture.editors());
      const filled = editors.filter((e) => e.text.length > 0);
      assert.equal(filled.length, 1, 'exactly one editor received text');
      assert.equal(filled[0].text, rendered('r-opening-hours', { first_name: author.split(' ')[0] }));
      assert.deepEqual(await submissions(page), []);
      await page.close();
    });

    test('a redesign without anchors: the page keeps working, the floating picker inserts into the box last used', async () => {
      const { page, errors } = await open(browser, REDESIGN);
      await page.waitForSelector('[data-answerdeck="floating"]', { timeout: 6_000 });
      assert.equal(await page.locator('[data-answerdeck="reply"]').count(), 0);
      const editor = (await page.evaluate(() => window.__fixture.editors()))[0];
      assert.ok(editor, 'the fixture has an editor');
      const box = '[data-lexical-editor="true"]';
      await page.click(box);
      await page.keyboard.type('Hi! ');
      assert.equal(await modelText(page, box), 'Hi! ', 'the page still works');
      await openPicker(page, 'floating');
      await pick(page, 'hours');
      assert.equal(flat(await modelText(page, box)), flat('Hi! ' + rendered('r-opening-hours', {})));
      assert.deepEqual(await submissions(page), []);
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('a redesign without anchors and no box chosen: the floating picker copies the reply to the clipboard', async () => {
      const { page } = await open(browser, REDESIGN);
      await page.waitForSelector('[data-answerdeck="floating"]', { timeout: 6_000 });
      await openPicker(page, 'floating');
      await page.keyboard.type('thanks');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-answerdeck="picker"]', { state: 'detached', timeout: 5_000 });
      const clip = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(clip, rendered('r-thanks', {}));
      await page.close();
    });
  });
}
