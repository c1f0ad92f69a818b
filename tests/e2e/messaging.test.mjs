// Every composer (issue 3 §1): Messenger (facebook.com, e2ee, group, messenger.com, request), the Meta Business
// Suite inbox (Messenger threads, comment threads, the disabled reply box), X Chat (1:1, group, request; React's
// controlled textarea with X's asynchronous draft restore), legacy X DMs (Draft.js), X reply and quote composers.
// For each: exactly one `composer` control per composer, the picker names the customer, inserting puts the
// personalised reply into the editor's own model (Lexical / Draft.js state / React state), focus is back in the
// composer, nothing is sent — under the sites' CSPs (wasm core) and under CSPs that forbid wasm (wasm2js core).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { modelText, submissions, waitForHosts, clickClosedHost } from './harness.mjs';
import { startBrowser, open, openPicker, pick, rendered, flat, occurrences, coreFlavour } from './extension.mjs';
import { pickerHeading, pickerTexts } from './messaging-helpers.mjs';

const MESSENGER = 'https://www.facebook.com/messages/t/100012345678901';
const MESSENGER_E2EE = 'https://www.facebook.com/messages/e2ee/t/7092513584176445';
const MESSENGER_GROUP = 'https://www.facebook.com/messages/t/6543219876543210';
const MESSENGER_COM = 'https://www.messenger.com/t/100071234567890';
const INBOX_EN = 'https://business.facebook.com/latest/inbox/all';
const INBOX_DE = 'https://business.facebook.com/latest/inbox/facebook';
const X_CHAT = 'https://x.com/i/chat/1589427603-1859001122334455667';
const X_CHAT_GROUP = 'https://x.com/i/chat/g1870012345678901234';
const X_CHAT_REQUEST = 'https://x.com/i/chat/requests/1589427603-1862345678901234567';
const X_DM = 'https://x.com/messages/1589427603-1859001122334455667';
const X_DM_DE = 'https://x.com/messages/1589427603-1863456789012345678';
const X_STATUS_CUSTOMER = 'https://x.com/lena_schmidt/status/1859871827165184017';
const X_COMPOSE_QUOTE = 'https://x.com/compose/post';
const INBOX_QUERY = '?asset_id=100064123456789&mailbox_id=100064123456789';

const CHAT_TEXTAREA = 'textarea[data-testid="dm-composer-textarea"]';
const MAIN_LEXICAL = '[role="main"] [data-lexical-editor="true"]';

/** One composer per surface variant: where it is, whom it answers, what it already holds. */
const VARIANTS = [
  { name: 'Messenger on facebook.com, English', url: MESSENGER, editor: MAIN_LEXICAL, customer: 'Jonas Becker' },
  { name: 'Messenger e2ee thread, German UI, rows without roles', url: MESSENGER_E2EE, editor: MAIN_LEXICAL, customer: 'Anna Müller' },
  { name: 'Messenger group chat, Danish UI, virtualised chat list', url: MESSENGER_GROUP, editor: MAIN_LEXICAL, customer: 'Søren Ødegaard' },
  { name: 'messenger.com, older build, no header', url: MESSENGER_COM, editor: MAIN_LEXICAL, customer: 'Priya Nair' },
  { name: 'Business Suite inbox, Messenger thread, English', url: INBOX_EN + INBOX_QUERY + '&selected_item_id=100012345678901&thread_type=FB_MESSAGE', editor: MAIN_LEXICAL, customer: 'Jonas Becker' },
  { name: 'Business Suite inbox, comment thread', url: INBOX_EN + INBOX_QUERY + '&selected_item_id=1234567890123456_987654321098765&thread_type=FB_COMMENT', editor: MAIN_LEXICAL, customer: 'Maria Sørensen' },
  { name: 'Business Suite inbox, German UI, header without a name', url: INBOX_DE + INBOX_QUERY + '&selected_item_id=5566778899001122&thread_type=FB_MESSAGE', editor: MAIN_LEXICAL, customer: 'Émile Château' },
  { name: 'Business Suite inbox, German comment thread', url: INBOX_DE + INBOX_QUERY + '&selected_item_id=2233445566778899_1122334455&thread_type=FB_COMMENT', editor: MAIN_LEXICAL, customer: 'Zoë Lefèvre' },
  { name: 'X Chat, one-to-one, virtualised inbox, draft restored over the insertion', url: X_CHAT, editor: CHAT_TEXTAREA, customer: 'Jonas Becker', textarea: true },
  { name: 'X Chat group, German UI, stale draft already restored', url: X_CHAT_GROUP, editor: CHAT_TEXTAREA, customer: 'Max Hoffmann', textarea: true, before: 'Hallo zusammen, ', settle: 'draft-restored' },
  { name: 'X Chat request, Danish UI, no header name', url: X_CHAT_REQUEST, editor: CHAT_TEXTAREA, customer: 'Freja Lindqvist', textarea: true },
  { name: 'legacy X DMs, English', url: X_DM, editor: '[data-testid="dmComposerTextInput"]', customer: 'Jonas Becker' },
  { name: 'legacy X DMs, German UI, no conversation header', url: X_DM_DE, editor: '[data-testid="dmComposerTextInput"]', customer: 'Hannah Groß-Müller' },
  { name: 'X inline reply under a customer\'s post', url: X_STATUS_CUSTOMER, editor: '[data-testid="inline_reply_offscreen"] [data-testid="tweetTextarea_0"]', customer: 'Lena Schmidt' },
  { name: 'X compose modal quoting a customer\'s post', url: X_COMPOSE_QUOTE, editor: '[role="dialog"] [data-testid="tweetTextarea_0"]', customer: 'Mette Kjær' },
];

/** Every native composer the page shows (what must each get exactly one control). */
const composerCount = (page) =>
  page.evaluate(
    () =>
      document.querySelectorAll(
        '[data-lexical-editor="true"], textarea[data-testid="dm-composer-textarea"], [data-testid^="tweetTextarea_"][contenteditable="true"], [data-testid="dmComposerTextInput"][contenteditable="true"]',
      ).length,
  );

/** Index (document order) of the `composer` host that belongs to `editor`: the first one after it. */
const hostIndexAfter = (page, editor) =>
  page.evaluate((sel) => {
    const el = document.querySelector(sel);
    const hosts = [...document.querySelectorAll('[data-answerdeck="composer"]')];
    return hosts.findIndex((h) => el.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING);
  }, editor);

/** Focus is in the editor (or the editor is the focused textarea) with the caret at the end of its text. */
const focusedAtEnd = (page, editor) =>
  page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el || !el.contains(document.activeElement)) return false;
    if (el.tagName === 'TEXTAREA') return el.selectionStart === el.value.length && el.selectionEnd === el.value.length;
    const s = getSelection();
    if (!s.rangeCount || !s.isCollapsed || !el.contains(s.anchorNode)) return false;
    const r = document.createRange();
    r.selectNodeContents(el);
    r.setStart(s.anchorNode, s.anchorOffset);
    return r.toString().trim() === '';
  }, editor);

const events = (page, type) => page.evaluate((t) => window.__fixture.events.filter((e) => e.type === t).map((e) => e.detail), type);

/** Waits until the fixture logged `type` (e.g. X Chat's draft restore) at least `count` times. */
const waitForEvent = (page, type, count = 1) =>
  page.waitForFunction(([t, n]) => window.__fixture.events.filter((e) => e.type === t).length >= n, [type, count], { timeout: 5_000 });

/** Opens the picker on `editor`'s control, checks it names the customer, inserts the order-status reply. */
async function answer(page, editor, customer) {
  await openPicker(page, 'composer', await hostIndexAfter(page, editor));
  const heading = await pickerHeading(page);
  assert.ok(heading && heading.includes(customer), `the picker's heading names ${customer}: ${heading}`);
  await pick(page, 'order');
  return rendered('r-order-status', { first_name: customer.split(' ')[0] });
}

for (const mode of ['site', 'no-wasm']) {
  const csp = (url) => {
    const x = new URL(url).hostname === 'x.com';
    if (mode === 'site') return x ? 'x' : 'facebook';
    return x ? 'x-strict' : 'strict';
  };

  describe(`every composer, page CSPs ${mode === 'site' ? 'of the sites' : 'that forbid wasm'}`, () => {
    let browser;
    before(async () => {
      browser = await startBrowser({ csp });
    });
    after(async () => {
      await browser?.close();
    });

    for (const v of VARIANTS) {
      test(`${v.name}: one control per composer, the picker names ${v.customer}, the reply lands in the editor's model, nothing sent`, async () => {
        const { page, errors } = await open(browser, v.url);
        if (v.settle) await waitForEvent(page, v.settle);
        const composers = await composerCount(page);
        assert.ok(composers >= 1);
        await waitForHosts(page, 'composer', composers);
        assert.equal(coreFlavour(browser.tracker, page), mode === 'site' ? 'wasm' : 'wasm2js');
        const expected = (v.before || '') + (await answer(page, v.editor, v.customer));
        const text = await modelText(page, v.editor);
        assert.equal(text, expected, 'the editor model holds the personalised reply');
        if (v.textarea) {
          // X may restore its draft within ~250 ms of the insertion; what stays is what counts.
          await page.waitForTimeout(500);
          assert.equal(await modelText(page, v.editor), expected, 'React state after the draft-restore window');
          assert.equal(await page.inputValue(v.editor), expected, 'the textarea shows it');
          assert.equal(await page.locator('[data-testid="dm-composer-send-button"]').count(), 1, "X's send button appears: React saw text");
        }
        assert.equal(occurrences(flat(text), flat(expected)), 1, 'inserted once');
        assert.ok(await focusedAtEnd(page, v.editor), 'focus and caret are back in the composer, after the text');
        assert.deepEqual(await submissions(page), [], 'nothing was sent');
        assert.equal(await page.locator('[data-answerdeck="floating"]').count(), 0, 'the page was understood: no fallback button');
        await waitForHosts(page, 'composer', composers); // still exactly one per composer
        assert.deepEqual(errors, []);
        await page.close();
      });
    }

    test('X Chat: the draft X restores right after the insertion is replaced once by the reply, never doubled', async () => {
      const { page } = await open(browser, X_CHAT);
      await waitForHosts(page, 'composer', 1);
      const expected = await answer(page, CHAT_TEXTAREA, 'Jonas Becker');
      await waitForEvent(page, 'draft-restored');
      await page.waitForTimeout(400);
      const [restore] = await events(page, 'draft-restored');
      assert.equal(restore.replaced, expected, 'X restored its stale draft over the inserted reply (the race happened)');
      assert.equal(await modelText(page, CHAT_TEXTAREA), expected, 'the reply is back, once');
      assert.ok(!(await page.inputValue(CHAT_TEXTAREA)).includes(restore.draft), 'the stale draft is gone');
      assert.deepEqual(await submissions(page), []);
      await page.close();
    });

    test('X Chat: opening another thread mounts a new composer with its own control; the reply names that customer', async () => {
      const { page, errors } = await open(browser, X_CHAT);
      await waitForHosts(page, 'composer', 1);
      await page.locator('a[href="/i/chat/1589427603-1861234567890123456"]').click();
      await page.waitForURL('**/i/chat/1589427603-1861234567890123456');
      await waitForEvent(page, 'draft-restored'); // X restores that thread's (empty) draft after the composer mounts
      await waitForHosts(page, 'composer', 1);
      const expected = await answer(page, CHAT_TEXTAREA, 'Maria Sørensen');
      await page.waitForTimeout(400);
      assert.equal(await modelText(page, CHAT_TEXTAREA), expected);
      assert.deepEqual(await submissions(page), []);
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('X Chat and Messenger: scrolling the virtualised conversation lists recycles rows, composers keep one control', async () => {
      for (const [url, list, editor, customer] of [
        [X_CHAT, '[data-testid="dm-inbox-panel"] .scrollbar-thin-custom', CHAT_TEXTAREA, 'Jonas Becker'],
        [MESSENGER_GROUP, '[role="navigation"] .x1ja2u2z', MAIN_LEXICAL, 'Søren Ødegaard'],
      ]) {
        const { page, errors } = await open(browser, url);
        await waitForHosts(page, 'composer', 1);
        // One scroll at a time, each waited for: scrolls in the same frame coalesce, and the last one returns to the
        // top, so together they may fire no scroll event at all.
        for (const to of ['end', 'middle', 'top']) {
          const before = await events(page, 'virtual-list-drawn');
          await page.locator(list).evaluate((el, where) => el.scrollTo(0, { end: el.scrollHeight, middle: el.scrollHeight / 2, top: 0 }[where]), to);
          await page.waitForFunction((n) => window.__fixture.events.filter((e) => e.type === 'virtual-list-drawn').length > n, before.length);
        }
        await page.waitForTimeout(300);
        await waitForHosts(page, 'composer', 1);
        assert.equal(await page.locator(`${list} [data-answerdeck="composer"], ${list} [data-answerdeck="picker"]`).count(), 0, 'no reply control inside the conversation list (only labels)');
        const expected = await answer(page, editor, customer);
        assert.equal(flat(await modelText(page, editor)), flat(expected));
        assert.deepEqual(errors, []);
        await page.close();
      }
    });

    test('Messenger: opening another thread (its last message is the Page\'s own) answers that customer; the old composer\'s control is gone', async () => {
      const { page, errors } = await open(browser, MESSENGER);
      await waitForHosts(page, 'composer', 1);
      await page.locator('[role="navigation"] a[href="/messages/t/100023456789012/"]').click();
      await page.waitForURL('**/messages/t/100023456789012/');
      await page.waitForSelector('[role="main"] [aria-label="Messages in conversation with Maria Sørensen"]');
      await waitForHosts(page, 'composer', 1);
      const expected = await answer(page, MAIN_LEXICAL, 'Maria Sørensen');
      assert.equal(await modelText(page, MAIN_LEXICAL), expected);
      assert.deepEqual(await submissions(page), []);
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('messenger.com: a message request thread is answered like any thread', async () => {
      const { page } = await open(browser, MESSENGER_COM);
      await waitForHosts(page, 'composer', 1);
      await page.locator('a[href="/requests/t/100098765432101/"]').click();
      await page.waitForURL('**/requests/t/100098765432101/');
      await page.waitForSelector('[aria-label="Messages in conversation with Wulandari"]');
      await waitForHosts(page, 'composer', 1);
      const expected = await answer(page, MAIN_LEXICAL, 'Wulandari');
      assert.equal(await modelText(page, MAIN_LEXICAL), expected);
      assert.deepEqual(await submissions(page), []);
      await page.close();
    });

    for (const [name, url, thread, customer, quote] of [
      ['with the page\'s notice', INBOX_EN, '100045678901234', 'Lukas Weber', "it's been more than 7 days"],
      ['without a notice (German UI)', INBOX_DE, '6677889900112233', 'Ørjan Bækkelund', null],
    ]) {
      test(`Business Suite: a reply box closed outside the messaging window, ${name}: the picker says why and inserts nothing`, async () => {
        const { page, errors } = await open(browser, url + INBOX_QUERY);
        await waitForHosts(page, 'composer', 1);
        await page.locator(`a[href*="selected_item_id=${thread}"]`).click();
        await page.waitForURL((u) => u.searchParams.get('selected_item_id') === thread);
        await page.waitForSelector('[role="main"] [data-lexical-editor="true"][contenteditable="false"]');
        await waitForHosts(page, 'composer', 1);
        await openPicker(page, 'composer', await hostIndexAfter(page, MAIN_LEXICAL));
        const heading = await pickerHeading(page);
        assert.ok(heading.includes(customer), heading);
        const said = (await pickerTexts(page)).join(' ');
        assert.match(said, /can't be answered here/, 'the picker says the box is closed');
        if (quote) assert.ok(said.includes(quote), "and quotes the page's own notice");
        await page.keyboard.type('order');
        await page.keyboard.press('Enter');
        await page.waitForTimeout(400);
        assert.ok(await page.locator('[data-answerdeck="picker"]').count(), 'the picker stays open with the reason');
        const after = (await pickerTexts(page)).join(' ');
        assert.match(after, /Nothing was inserted/);
        assert.equal(await modelText(page, MAIN_LEXICAL), '', 'nothing was inserted');
        assert.deepEqual(await submissions(page), [], 'nothing was sent');
        await page.keyboard.press('Escape');
        await page.waitForSelector('[data-answerdeck="picker"]', { state: 'detached' });
        assert.deepEqual(errors, []);
        await page.close();
      });
    }

    test("X reply modal opened by the post's own Reply button: its composer answers the post's author", async () => {
      const { page, errors } = await open(browser, X_STATUS_CUSTOMER);
      await waitForHosts(page, 'composer', 1);
      await page.locator('article[tabindex="-1"] [data-testid="reply"]').click();
      await page.waitForSelector('[role="dialog"] [data-testid="tweetTextarea_0"]');
      await waitForHosts(page, 'composer', 2);
      const box = '[role="dialog"] [data-testid="tweetTextarea_0"]';
      const expected = await answer(page, box, 'Lena Schmidt');
      assert.equal(await modelText(page, box), expected);
      assert.equal(await modelText(page, '[data-testid="inline_reply_offscreen"] [data-testid="tweetTextarea_0"]'), '', 'the inline box is untouched');
      assert.deepEqual(await submissions(page), []);
      assert.deepEqual(errors, []);
      await page.close();
    });
  });
}
