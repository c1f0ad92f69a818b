// The messaging fixtures behave like the sites (no extension): the X Chat textarea is really React-controlled and
// restores its draft asynchronously, Enter sends everywhere, threads switch in place, the Business Suite's closed
// reply box takes no typing, virtualised lists recycle their rows. What messaging.test.mjs relies on is proven here.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveFixtures, openFixture, modelText, submissions } from './harness.mjs';
import { buildFixtures } from './build-fixtures.mjs';

const X_CHAT = 'https://x.com/i/chat/1589427603-1859001122334455667';
const X_CHAT_GROUP = 'https://x.com/i/chat/g1870012345678901234';
const X_DM = 'https://x.com/messages/1589427603-1859001122334455667';
const MESSENGER = 'https://www.facebook.com/messages/t/100012345678901';
const MESSENGER_GROUP = 'https://www.facebook.com/messages/t/6543219876543210';
const INBOX = 'https://business.facebook.com/latest/inbox/all';
const TEXTAREA = 'textarea[data-testid="dm-composer-textarea"]';

let browser;
before(async () => {
  await buildFixtures({ quiet: true });
  browser = await launch({ extensionDir: null });
  await serveFixtures(browser.context, { csp: (url) => (new URL(url).hostname === 'x.com' ? 'x' : 'facebook') });
});
after(async () => {
  await browser?.close();
});

const events = (page, type) => page.evaluate((t) => window.__fixture.events.filter((e) => e.type === t).map((e) => e.detail), type);

describe('X Chat fixture: a React-controlled textarea with X’s draft restore', () => {
  test('typing reaches React state; the send button exists only with text; Enter sends and clears; Shift+Enter is a newline', async () => {
    const { page, errors } = await openFixture(browser.context, X_CHAT);
    assert.equal(await page.locator('[data-testid="dm-composer-send-button"]').count(), 0, 'no send button while empty');
    await page.locator(TEXTAREA).click();
    await page.waitForTimeout(300); // the draft restore of the first focus
    await page.locator(TEXTAREA).fill('');
    await page.keyboard.type('Hej');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('there');
    assert.equal(await modelText(page, TEXTAREA), 'Hej\nthere');
    assert.equal(await page.locator('[data-testid="dm-composer-send-button"]').count(), 1);
    await page.keyboard.press('Enter');
    const sent = await submissions(page);
    assert.equal(sent.length, 1);
    assert.equal(sent[0].text, 'Hej\nthere');
    assert.equal(sent[0].testid, 'dm-composer-textarea');
    assert.equal(await modelText(page, TEXTAREA), '');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('writing `value` directly is swallowed by React; the native setter + input event is not', async () => {
    const { page } = await openFixture(browser.context, X_CHAT);
    const state = await page.evaluate(async (sel) => {
      const ta = document.querySelector(sel);
      ta.value = 'direct';
      ta.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(r));
      const afterDirect = window.__fixture.text(ta);
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(ta, 'native');
      ta.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(r));
      return { afterDirect, afterNative: window.__fixture.text(ta) };
    }, TEXTAREA);
    assert.notEqual(state.afterDirect, 'direct', "React's value tracker swallows a plain value write");
    assert.equal(state.afterNative, 'native');
    await page.close();
  });

  test('the thread’s stored draft is restored 150 ms after the first focus and overwrites what was written before', async () => {
    const { page } = await openFixture(browser.context, X_CHAT);
    await page.evaluate((sel) => {
      const ta = document.querySelector(sel);
      ta.focus();
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(ta, 'written at once');
      ta.dispatchEvent(new Event('input', { bubbles: true }));
    }, TEXTAREA);
    assert.equal(await modelText(page, TEXTAREA), 'written at once');
    await page.waitForFunction(() => window.__fixture.events.some((e) => e.type === 'draft-restored'));
    const [restore] = await events(page, 'draft-restored');
    assert.equal(restore.replaced, 'written at once');
    assert.equal(await modelText(page, TEXTAREA), restore.draft, 'the stale draft won');
    assert.equal(await page.inputValue(TEXTAREA), restore.draft);
    await page.close();
  });

  test('a group thread restores its draft right after mount (the composer is auto-focused)', async () => {
    const { page } = await openFixture(browser.context, X_CHAT_GROUP);
    await page.waitForFunction(() => window.__fixture.events.some((e) => e.type === 'draft-restored'));
    assert.equal(await modelText(page, TEXTAREA), 'Hallo zusammen, ');
    assert.ok(await page.evaluate((s) => document.activeElement === document.querySelector(s), TEXTAREA), 'auto-focused');
    await page.close();
  });

  test('clicking another conversation changes the URL and mounts that thread’s composer; Back returns', async () => {
    const { page, errors } = await openFixture(browser.context, X_CHAT);
    const first = await page.locator(TEXTAREA).elementHandle();
    await page.locator('a[href="/i/chat/1589427603-1861234567890123456"]').click();
    await page.waitForURL('**/i/chat/1589427603-1861234567890123456');
    assert.equal(await first.evaluate((el) => el.isConnected), false, 'the old composer left the page');
    assert.equal(await page.locator(TEXTAREA).count(), 1);
    assert.equal(await page.locator('[data-testid="dm-conversation-username"]').textContent(), 'Maria Sørensen');
    assert.equal(await page.locator('[data-selected="true"] a').getAttribute('href'), '/i/chat/1589427603-1861234567890123456');
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('[data-testid="dm-conversation-username"]').textContent === 'Jonas Becker');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the inbox is virtualised: ~20 row slots for 80 conversations, recycled when scrolling', async () => {
    const { page } = await openFixture(browser.context, X_CHAT);
    const rows = '[data-testid^="dm-conversation-item-"]';
    const count = await page.locator(rows).count();
    assert.ok(count <= 20, `${count} slots`);
    const firstSlot = await page.locator(rows).first().elementHandle();
    const before = await firstSlot.getAttribute('aria-description');
    const drawn = (await events(page, 'virtual-list-drawn')).length;
    await page.locator('[data-testid="dm-inbox-panel"] .scrollbar-thin-custom').evaluate((el) => el.scrollTo(0, 40 * 72));
    await page.waitForFunction((n) => window.__fixture.events.filter((e) => e.type === 'virtual-list-drawn').length > n, drawn);
    assert.notEqual(await firstSlot.getAttribute('aria-description'), before, 'the same node now shows another conversation');
    assert.equal(await page.locator(rows).count(), count, 'no new nodes');
    await page.close();
  });
});

describe('legacy DM and Messenger fixtures', () => {
  test('legacy DM: Draft.js composer, bare Enter sends, Shift+Enter a new line', async () => {
    const { page, errors } = await openFixture(browser.context, X_DM);
    const box = '[data-testid="dmComposerTextInput"]';
    await page.locator(box).click();
    await page.keyboard.type('Hi');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('Jonas');
    assert.equal(await modelText(page, box), 'Hi\nJonas');
    await page.keyboard.press('Enter');
    const sent = await submissions(page);
    assert.equal(sent.length, 1);
    assert.equal(sent[0].testid, 'dmComposerTextInput');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('Messenger: Enter sends; another thread opens in place with its own Lexical editor', async () => {
    const { page, errors } = await openFixture(browser.context, MESSENGER);
    const box = '[role="main"] [aria-label="Message"]';
    await page.locator(box).click();
    await page.keyboard.type('Hej');
    await page.keyboard.press('Enter');
    assert.equal((await submissions(page)).length, 1);
    await page.locator('[role="navigation"] a[href="/messages/t/100023456789012/"]').click();
    await page.waitForURL('**/messages/t/100023456789012/');
    assert.equal(await page.locator('[role="main"] h2').textContent(), 'Maria Sørensen');
    assert.equal(await page.locator('[role="navigation"] a[aria-current="page"]').getAttribute('href'), '/messages/t/100023456789012/');
    await page.locator(box).click();
    await page.keyboard.type('x');
    assert.equal(await modelText(page, box), 'x', 'the new editor is a live Lexical editor');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('Messenger group: the chat list is virtualised and recycles its rows', async () => {
    const { page } = await openFixture(browser.context, MESSENGER_GROUP);
    const rows = '[role="navigation"] [role="grid"] [role="row"]';
    const count = await page.locator(rows).count();
    assert.ok(count < 30, `${count} rows for 60 chats`);
    const first = await page.locator(`${rows} a`).first().elementHandle();
    const before = await first.getAttribute('href');
    const drawn = (await events(page, 'virtual-list-drawn')).length;
    await page.locator('[role="navigation"] .x1ja2u2z').evaluate((el) => el.scrollTo(0, 30 * 72));
    await page.waitForFunction((n) => window.__fixture.events.filter((e) => e.type === 'virtual-list-drawn').length > n, drawn);
    assert.notEqual(await first.getAttribute('href'), before, 'the same node now shows another chat');
    assert.equal(await page.locator(rows).count(), count);
    await page.close();
  });
});

describe('Business Suite fixture', () => {
  test('the URL’s selected_item_id opens that thread; the closed reply box takes no typing; the comment thread has its own box', async () => {
    const { page, errors } = await openFixture(browser.context, `${INBOX}?asset_id=100064123456789&selected_item_id=100045678901234&thread_type=FB_MESSAGE`);
    const box = '[role="main"] [data-lexical-editor="true"]';
    assert.equal(await page.locator(box).getAttribute('contenteditable'), 'false');
    assert.equal(await page.locator('[role="alert"]').count(), 1);
    await page.locator(box).click({ force: true });
    await page.keyboard.type('Hallo');
    assert.equal(await modelText(page, box), '', 'a read-only Lexical editor ignores typing');
    assert.equal(await page.locator('a[role="row"][aria-selected="true"]').getAttribute('href'), '/latest/inbox/all/?asset_id=100064123456789&mailbox_id=100064123456789&selected_item_id=100045678901234&thread_type=FB_MESSAGE');
    await page.locator('a[href*="selected_item_id=1234567890123456_987654321098765"]').click();
    await page.waitForURL((u) => u.searchParams.get('selected_item_id') === '1234567890123456_987654321098765');
    assert.equal(await page.locator(box).getAttribute('aria-label'), 'Reply as Nordlicht Kaffee…');
    await page.locator(box).click();
    await page.keyboard.type('Hi Maria');
    await page.keyboard.press('Enter');
    assert.equal((await submissions(page))[0].text, 'Hi Maria');
    assert.deepEqual(errors, []);
    await page.close();
  });
});
