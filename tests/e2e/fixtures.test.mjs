// Proves the FIXTURES behave like the sites, WITHOUT the extension: every fixture loads at its real URL under each
// of its page CSPs without page errors, the real Lexical / Draft.js editors mount, real keyboard input reaches the
// editor MODEL, Facebook's Enter/Shift+Enter and X's button/Ctrl+Enter submit rules hold, Reply opens the right
// composer, and the harness helpers (routing, CSP, closed-shadow clicks, host counting, wasm tracker) work.
//
//   node tests/e2e/build-fixtures.mjs && node --test tests/e2e/fixtures.test.mjs

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFixtures } from './build-fixtures.mjs';
import {
  CSP,
  clickClosedHost,
  extensionIdFor,
  fixtureEditors,
  fixtureFor,
  fixtureUrls,
  launch,
  modelText,
  openFixture,
  serveFixtures,
  submissions,
  trackWasmRequests,
  waitForFocus,
  waitForHosts,
} from './harness.mjs';

const FB = 'https://www.facebook.com';
const URL_ = Object.fromEntries(fixtureUrls.map((f) => [f.fixture, f.url]));
const FB_COMPOSER = 'div[contenteditable="true"][role="textbox"][data-lexical-editor="true"]';
const X_COMPOSER = 'div.public-DraftEditor-content[contenteditable="true"][role="textbox"]';
const WASM_8 = [0, 97, 115, 109, 1, 0, 0, 0]; // the empty wasm module

// What each fixture mounts at load: [kind, aria-label, data-testid]
const EDITORS_AT_LOAD = {
  'facebook/home.html': [],
  'facebook/post-en.html': [['lexical', 'Comment as Nordlicht Kaffee', null]],
  'facebook/post-de.html': [['lexical', 'Kommentieren als Nordlicht Kaffee', null]],
  'facebook/page-dialog.html': [],
  'facebook/redesign.html': [['lexical', null, null]],
  'x/home.html': [['draft', 'Post text', 'tweetTextarea_0']],
  'x/status-en.html': [['draft', 'Post text', 'tweetTextarea_0']],
  'x/status-variant.html': [],
  'x/redesign.html': [['draft', 'Post text', null]],
  'facebook/post-private.html': [['lexical', 'Comment as Nordlicht Kaffee', null]],
  'facebook/messenger-handoff.html': [['lexical', 'Message', null]],
  'x/profile-dm.html': [],
  'x/chat-handoff.html': [],
  // Messaging fixtures (tests/e2e/messaging.test.mjs drives them with the extension).
  'facebook/messenger-en.html': [['lexical', 'Message', null]],
  'facebook/messenger-e2ee-de.html': [['lexical', 'Nachricht', null]],
  'facebook/messenger-group-da.html': [['lexical', 'Besked', null]],
  'facebook/messenger-com.html': [['lexical', 'Message', null]],
  'facebook/business-inbox-en.html': [['lexical', 'Reply in Messenger…', null]],
  'facebook/business-inbox-de.html': [['lexical', 'Im Messenger antworten…', null]],
  'x/chat-en.html': [['xchat', null, 'dm-composer-textarea']],
  'x/chat-group-de.html': [['xchat', null, 'dm-composer-textarea']],
  'x/chat-request-da.html': [['xchat', null, 'dm-composer-textarea']],
  'x/dm-legacy-en.html': [['draft', 'Start a new message', 'dmComposerTextInput']],
  'x/dm-legacy-de.html': [['draft', 'Neue Nachricht beginnen', 'dmComposerTextInput']],
  'x/status-customer.html': [['draft', 'Post text', 'tweetTextarea_0']],
  'x/compose-quote.html': [['draft', 'Post text', 'tweetTextarea_0'], ['draft', 'Post text', 'tweetTextarea_0']],
  // Labels and notes fixtures (rows, headers and people with known keys; recycling lists; rename hooks).
  'x/chat-virtual.html': [['xchat', null, 'dm-composer-textarea']],
  'facebook/messenger-virtual-de.html': [['lexical', 'Nachricht', null]],
  'facebook/business-inbox-labels.html': [['lexical', 'Reply in Messenger…', null]],
  'facebook/post-people.html': [['lexical', 'Comment as Nordlicht Kaffee', null]],
  'x/status-people.html': [['draft', 'Post text', 'tweetTextarea_0']],
  'x/status-timers.html': [['draft', 'Post text', 'tweetTextarea_0']],
};

let browser;
let server;
let tracker;

before(async () => {
  await buildFixtures({ quiet: true });
  browser = await launch({ extensionDir: null });
  server = await serveFixtures(browser.context, { csp: 'none' });
  tracker = trackWasmRequests(browser.context, { autoAttach: false });
});
after(async () => {
  tracker && tracker.dispose();
  browser && (await browser.close());
});

async function open(fixture, csp, opts = {}) {
  server.csp = csp;
  const res = await openFixture(browser.context, URL_[fixture] + (opts.query || ''), opts);
  return res;
}

// ------------------------------------------------------------------------------------------------------------------
describe('every fixture loads at its real URL under each of its CSPs', () => {
  test('route table covers all fixtures', () => {
    assert.deepEqual(Object.keys(EDITORS_AT_LOAD).sort(), fixtureUrls.map((f) => f.fixture).sort());
  });

  for (const f of fixtureUrls) {
    test(`${f.fixture} at ${f.url} under ${f.csp.join(', ')}`, async () => {
      const page = await browser.context.newPage();
      try {
        for (const csp of f.csp) {
          server.csp = csp;
          const errors = [];
          const onError = (e) => errors.push(String(e));
          page.on('pageerror', onError);
          const response = await page.goto(f.url + '?__cft__[0]=AZx&__tn__=R', { waitUntil: 'load' });
          assert.equal(response.status(), 200);
          const header = response.headers()['content-security-policy'];
          if (CSP[csp] === null) assert.equal(header, undefined);
          else assert.ok(header && header.startsWith(CSP[csp].slice(0, 20)), `CSP header for ${csp}`);
          await page.waitForFunction(() => window.__fixture && window.__fixture.ready);
          const editors = await page.evaluate(async () => {
            await window.__fixture.ready;
            return window.__fixture.editors();
          });
          assert.deepEqual(
            editors.map((e) => [e.kind, e.label, e.testid]),
            EDITORS_AT_LOAD[f.fixture],
            `${f.fixture} editors under ${csp}`,
          );
          // The page's CSP is really in force: main-world wasm compiles only where the policy allows it.
          const wasmOk = await page.evaluate((b) => WebAssembly.compile(new Uint8Array(b)).then(() => true, () => false), WASM_8);
          assert.equal(wasmOk, !['strict', 'x-strict'].includes(csp), `page wasm under ${csp}`);
          // Fixture hooks are gone from the live DOM (only the inert <template> contents keep them).
          const hooks = await page.evaluate(
            () =>
              document.querySelectorAll(
                '[data-fixture-editor],[data-fixture-action],[data-fixture-author],[data-fixture-thread],[data-fixture-handle],[data-fixture-placeholder],[data-fixture-submit],[data-fixture-text],[data-fixture-slot]',
              ).length,
          );
          assert.equal(hooks, 0, 'data-fixture-* hooks stripped');
          page.off('pageerror', onError);
          assert.deepEqual(errors, [], `page errors under ${csp}`);
        }
      } finally {
        await page.close();
      }
    });
  }
});

// ------------------------------------------------------------------------------------------------------------------
describe('Facebook fixtures behave like Facebook (real Lexical)', () => {
  test('post-en: typing updates the model; Shift+Enter = line break; bare Enter submits and clears', async () => {
    const { page, errors } = await open('facebook/post-en.html', 'facebook');
    const sel = `${FB_COMPOSER}[aria-label="Comment as Nordlicht Kaffee"]`;
    assert.equal(await page.locator(sel).count(), 1);
    assert.equal(await page.locator(`${sel} > p`).count(), 1, 'empty editor is one <p>');
    const submit = page.locator('form [role="button"][aria-label="Comment"]');
    assert.equal(await submit.getAttribute('aria-disabled'), 'true');
    await page.locator(sel).click();
    await page.keyboard.type('Hello Jonas ☕');
    assert.equal(await modelText(page, sel), 'Hello Jonas ☕');
    assert.equal(await submit.getAttribute('aria-disabled'), null, 'submit enabled with text');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('second line');
    assert.equal(await modelText(page, sel), 'Hello Jonas ☕\nsecond line');
    assert.equal((await submissions(page)).length, 0, 'Shift+Enter does not submit');
    await page.keyboard.press('Enter');
    const subs = await submissions(page);
    assert.equal(subs.length, 1);
    assert.equal(subs[0].editor, 'Comment as Nordlicht Kaffee');
    assert.equal(subs[0].text, 'Hello Jonas ☕\nsecond line');
    assert.equal(subs[0].via, 'enter');
    assert.equal(await modelText(page, sel), '', 'cleared after submit');
    // Enter on an empty composer posts nothing (like Facebook)
    await page.keyboard.press('Enter');
    assert.equal((await submissions(page)).length, 1);
    // the round submit button posts too
    await page.keyboard.type('via button');
    await submit.click();
    assert.deepEqual((await submissions(page)).map((s) => [s.text, s.via]), [['Hello Jonas ☕\nsecond line', 'enter'], ['via button', 'button']]);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('post-en: comments, replies, Author badge, comment_id links, emoji <img>, See more', async () => {
    const { page } = await open('facebook/post-en.html', 'strict');
    assert.equal(await page.locator('[role="article"][aria-label^="Comment by "]').count(), 6);
    assert.equal(await page.locator('[role="article"][aria-label^="Reply by "]').count(), 3);
    const page_reply = page.locator('[role="article"][aria-label^="Reply by Nordlicht Kaffee"]');
    assert.match(await page_reply.innerText(), /Author/);
    const jonas = page.locator('[role="article"][aria-label^="Comment by Jonas Becker"]');
    assert.equal(await jonas.locator('a[href*="comment_id="]').getByText('2h', { exact: true }).count(), 1);
    assert.equal(await jonas.locator('a[role="link"] span[dir="auto"]').first().innerText(), 'Jonas Becker');
    const maria = page.locator('[role="article"][aria-label^="Comment by Maria Sørensen"]');
    assert.equal(await maria.locator('div[dir="auto"][style*="text-align"]').count(), 3, 'one div per line');
    assert.equal(await maria.locator('img[alt="☕"]').count(), 1);
    const lukas = page.locator('[role="article"][aria-label^="Comment by Lukas Hoffmann"]');
    assert.doesNotMatch(await lukas.innerText(), /known issue/);
    await lukas.getByRole('button', { name: 'See more' }).click();
    assert.match(await lukas.innerText(), /Is this a known issue\?/);
    assert.equal(await lukas.getByRole('button', { name: 'See more' }).count(), 0);
    await page.close();
  });

  test("post-en: Reply opens a focused 'Reply to <Name>' Lexical composer in that comment's thread", async () => {
    const { page, errors } = await open('facebook/post-en.html', 'facebook');
    const jonas = page.locator('[role="article"][aria-label^="Comment by Jonas Becker"]');
    assert.equal(await page.locator('[aria-label^="Reply to "]').count(), 0);
    await jonas.getByRole('button', { name: 'Reply', exact: true }).click();
    const reply = page.locator(`${FB_COMPOSER}[aria-label="Reply to Jonas Becker"]`);
    await reply.waitFor();
    await waitForFocus(page, reply);
    const where = await reply.evaluate((el) => ({
      focused: document.activeElement === el,
      inForm: !!el.closest('form'),
      inThread: !!el.closest('form').parentElement.parentElement.querySelector('[aria-label^="Comment by Jonas Becker"]'),
      hint: el.closest('form').textContent.includes('Press Enter to post.'),
    }));
    assert.deepEqual(where, { focused: true, inForm: true, inThread: true, hint: true });
    await page.keyboard.type('Hi Jonas, tracking is on its way');
    assert.equal(await modelText(page, reply), 'Hi Jonas, tracking is on its way');
    await page.keyboard.press('Enter');
    const subs = await submissions(page);
    assert.equal(subs.at(-1).editor, 'Reply to Jonas Becker');
    assert.equal(subs.at(-1).text, 'Hi Jonas, tracking is on its way');
    // a reply to a nested reply gets its author's name, in the same thread
    const priya = page.locator('[role="article"][aria-label^="Reply by Priya Nair"]');
    await priya.getByRole('button', { name: 'Reply', exact: true }).click();
    const r2 = page.locator(`${FB_COMPOSER}[aria-label="Reply to Priya Nair"]`);
    await r2.waitFor();
    await waitForFocus(page, r2);
    assert.equal(await page.locator(FB_COMPOSER).count(), 3);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('post-de: German labels, ul>li nesting, "Antworten an <Name>", umlauts typed into the model', async () => {
    const { page, errors } = await open('facebook/post-de.html', 'strict');
    assert.equal(await page.locator('li [role="article"][aria-label^="Kommentar von "]').count(), 6);
    assert.equal(await page.locator('li [role="article"][aria-label^="Antwort von "]').count(), 2);
    assert.equal(await page.locator('[role="article"][aria-label^="Kommentar von Wulandari "]').count(), 1);
    const zoe = page.locator('[role="article"][aria-label^="Kommentar von Zoë Lefèvre"]');
    assert.equal(await zoe.getByRole('button', { name: 'Gefällt mir', exact: true }).count(), 1);
    await zoe.getByRole('button', { name: 'Antworten', exact: true }).click();
    const reply = page.locator(`${FB_COMPOSER}[aria-label="Antworten an Zoë Lefèvre"]`);
    await reply.waitFor();
    await waitForFocus(page, reply);
    assert.equal(await reply.evaluate((el) => !!el.closest('li')), true);
    await page.keyboard.type('Grüße aus Hamburg, Zoë!');
    assert.equal(await modelText(page, reply), 'Grüße aus Hamburg, Zoë!');
    await page.keyboard.press('Enter');
    assert.equal((await submissions(page)).at(-1).editor, 'Antworten an Zoë Lefèvre');
    const main = `${FB_COMPOSER}[aria-label="Kommentieren als Nordlicht Kaffee"]`;
    await page.locator(main).click();
    await page.keyboard.type('Danke!');
    assert.equal(await modelText(page, main), 'Danke!');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('page-dialog: comments and the "Write a comment…" composer live in a div[role="dialog"] opened by a click', async () => {
    const { page, errors } = await open('facebook/page-dialog.html', 'facebook');
    assert.equal(await page.locator('[role="dialog"]').count(), 0);
    assert.equal(await page.locator('[role="article"][aria-label^="Comment by "]').count(), 0);
    await page.getByRole('button', { name: '6 comments' }).click();
    const dialog = page.locator('div[role="dialog"]');
    await dialog.waitFor();
    assert.equal(await dialog.locator('[role="article"][aria-label^="Comment by "]').count(), 5);
    const composer = dialog.locator(`${FB_COMPOSER}[aria-label="Write a comment…"]`);
    assert.equal(await composer.count(), 1);
    assert.equal(await page.locator('[aria-label^="Comment as"]').count(), 0);
    const lars = dialog.locator('[role="article"][aria-label^="Comment by Lars Ulrich Sørensen"]');
    assert.equal(await lars.locator('a[href*="comment_id="]').count(), 0, 'no comment_id link');
    await composer.click();
    await page.keyboard.type('See you Saturday!');
    assert.equal(await modelText(page, composer), 'See you Saturday!');
    await page.keyboard.press('Enter');
    assert.equal((await submissions(page)).at(-1).editor, 'Write a comment…');
    await dialog.locator('[role="article"][aria-label^="Comment by Chen Wei"]').getByRole('button', { name: 'Reply', exact: true }).click();
    const reply = dialog.locator(`${FB_COMPOSER}[aria-label="Reply to Chen Wei"]`);
    await reply.waitFor();
    await waitForFocus(page, reply);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('[role="dialog"]').count(), 0, 'Escape closes the dialog');
    await page.getByRole('button', { name: 'Leave a comment' }).first().click();
    await dialog.waitFor();
    await waitForFocus(page, page.locator(`${FB_COMPOSER}[aria-label="Write a comment…"]`));
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('?fixture_delay mounts the composer late (lazy hydration)', async () => {
    server.csp = 'facebook';
    const page = await browser.context.newPage();
    await page.goto(URL_['facebook/post-en.html'] + '?fixture_delay=400', { waitUntil: 'load' });
    assert.equal(await page.locator('[contenteditable]').count(), 0, 'no editor at load');
    await page.evaluate(() => window.__fixture.ready);
    assert.equal(await page.locator(`${FB_COMPOSER}[aria-label="Comment as Nordlicht Kaffee"]`).count(), 1);
    await page.close();
  });

  test('redesign: no anchors, but the Lexical editor still works and Reply still opens a composer', async () => {
    const { page, errors } = await open('facebook/redesign.html', 'strict');
    const anchors = await page.evaluate(() => ({
      articles: document.querySelectorAll('[role="article"]').length,
      labels: document.querySelectorAll('[aria-label]').length,
      buttons: document.querySelectorAll('[role="button"]').length,
      commentLinks: document.querySelectorAll('a[href*="comment_id="]').length,
      textboxes: document.querySelectorAll('[role="textbox"]').length,
      forms: document.querySelectorAll('form').length,
    }));
    assert.deepEqual(anchors, { articles: 0, labels: 0, buttons: 0, commentLinks: 0, textboxes: 0, forms: 0 });
    const editor = page.locator('div[contenteditable="true"][data-lexical-editor="true"]');
    assert.equal(await editor.count(), 1);
    await editor.click();
    await page.keyboard.type('still works');
    assert.equal(await modelText(page, 'div[data-lexical-editor="true"]'), 'still works');
    await page.keyboard.press('Enter');
    assert.equal((await submissions(page)).at(-1).text, 'still works');
    await page.locator('span', { hasText: /^Reply$/ }).first().click();
    assert.equal(await page.locator('div[contenteditable="true"][data-lexical-editor="true"]').count(), 2);
    await waitForFocus(page, page.locator('div[data-lexical-editor="true"]').nth(0));
    assert.deepEqual(errors, []);
    await page.close();
  });
});

// ------------------------------------------------------------------------------------------------------------------
describe('X fixtures behave like X (real Draft.js)', () => {
  test('status-en: tweetButtonInline disabled until typed; Enter = new block; button and Ctrl+Enter submit', async () => {
    const { page, errors } = await open('x/status-en.html', 'x');
    const focused = page.locator('article[data-testid="tweet"][tabindex="-1"]');
    assert.equal(await focused.count(), 1);
    const inline = page.locator('article[data-testid="tweet"][tabindex="-1"] + div[data-testid="inline_reply_offscreen"]');
    assert.equal(await inline.count(), 1, 'inline composer is the next sibling of the focused post');
    const sel = `[data-testid="inline_reply_offscreen"] ${X_COMPOSER}[data-testid="tweetTextarea_0"][aria-label="Post text"][aria-multiline="true"]`;
    assert.equal(await page.locator(sel).count(), 1);
    assert.equal(await page.locator('.DraftEditor-root .public-DraftEditorPlaceholder-inner').innerText(), 'Post your reply');
    const button = page.locator('button[data-testid="tweetButtonInline"]');
    assert.equal(await button.isDisabled(), true);
    assert.equal(await button.getAttribute('aria-disabled'), 'true');
    await page.locator(sel).click();
    await page.keyboard.type('Thanks for the kind words!');
    assert.equal(await modelText(page, sel), 'Thanks for the kind words!');
    assert.equal(await button.isDisabled(), false);
    assert.equal(await button.getAttribute('aria-disabled'), null);
    await page.keyboard.press('Enter');
    await page.keyboard.type('☕ Nordlicht');
    assert.equal(await modelText(page, sel), 'Thanks for the kind words!\n☕ Nordlicht');
    assert.equal(await page.locator(`${sel} div[data-block="true"]`).count(), 2, 'Enter made a new Draft block');
    assert.equal((await submissions(page)).length, 0, 'Enter does not submit');
    await button.click();
    let subs = await submissions(page);
    assert.deepEqual([subs[0].testid, subs[0].text, subs[0].via], ['tweetTextarea_0', 'Thanks for the kind words!\n☕ Nordlicht', 'button']);
    assert.equal(await modelText(page, sel), '');
    assert.equal(await button.isDisabled(), true, 'disabled again after submit');
    await page.locator(sel).click();
    await page.keyboard.type('ctrl enter');
    await page.keyboard.press('Control+Enter');
    subs = await submissions(page);
    assert.deepEqual([subs[1].text, subs[1].via], ['ctrl enter', 'ctrl-enter']);
    // X's handlePastedText: a synthetic paste inserts the text into the model (what the extension will do)
    await page.locator(sel).click();
    await page.evaluate((s) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', 'pasted line 1\npasted line 2');
      document.querySelector(s).dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, sel);
    assert.equal(await modelText(page, sel), 'pasted line 1\npasted line 2');
    assert.equal(await button.isDisabled(), false);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('status-en: posts, User-Name, tweetText[lang], the brand reply, acting account in the nav', async () => {
    const { page } = await open('x/status-en.html', 'x-strict');
    assert.equal(await page.locator('[data-testid="cellInnerDiv"] article[data-testid="tweet"][tabindex="0"]').count(), 7);
    const langs = await page.locator('article[tabindex="0"] [data-testid="tweetText"]').evaluateAll((els) => els.map((e) => e.lang));
    assert.deepEqual(langs, ['en', 'en', 'da', 'de', 'en', 'en', 'en']);
    const kofi = page.locator('article[data-testid="tweet"]', { has: page.locator('[data-testid="User-Name"] a[tabindex="-1"][href="/kofimensah"]') });
    assert.equal(await kofi.count(), 1);
    assert.equal(await kofi.locator('[data-testid="tweetText"]').innerText(), 'Ordered twice this month.\nBoth bags arrived crushed \nNot impressed.');
    assert.equal(await kofi.locator('[data-testid="tweetText"] img[alt="😞"]').count(), 1);
    assert.equal(await kofi.locator('time').getAttribute('datetime'), '2024-11-22T08:47:02.000Z');
    assert.equal(await page.locator('article[tabindex="0"]', { has: page.locator('[data-testid="User-Name"] a[tabindex="-1"][href="/nordlichtkaffee"]') }).count(), 1);
    assert.equal(await page.locator('a[data-testid="AppTabBar_Profile_Link"][href="/nordlichtkaffee"]').count(), 1);
    assert.match(await page.locator('button[data-testid="SideNav_AccountSwitcher_Button"]').innerText(), /Nordlicht Kaffee[\s\S]*@nordlichtkaffee/);
    await page.close();
  });

  test('status-en: a reply button opens the modal composer (tweetTextarea_0 + tweetButton), focused', async () => {
    const { page, errors } = await open('x/status-en.html', 'x');
    const kofi = page.locator('article[data-testid="tweet"]', { has: page.locator('a[href="/kofimensah"]') });
    await kofi.locator('button[data-testid="reply"]').click();
    const dialog = page.locator('div[role="dialog"][aria-modal="true"]');
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /Replying to @kofimensah/);
    assert.equal(new URL(page.url()).pathname, '/compose/post');
    const sel = `div[role="dialog"] ${X_COMPOSER}[data-testid="tweetTextarea_0"]`;
    await waitForFocus(page, page.locator(sel));
    const button = dialog.locator('button[data-testid="tweetButton"]');
    assert.equal(await button.isDisabled(), true);
    await page.keyboard.type('So sorry Kofi, DM us please');
    assert.equal(await modelText(page, sel), 'So sorry Kofi, DM us please');
    await button.click();
    assert.equal(await dialog.count(), 0, 'modal closed after posting');
    assert.equal(await page.locator('[data-testid="toast"][role="alert"]').innerText(), 'Your post was sent.\nView');
    assert.equal(new URL(page.url()).pathname, '/nordlichtkaffee/status/1859842261514375168');
    const sub = (await submissions(page)).at(-1);
    assert.deepEqual([sub.testid, sub.text, sub.via], ['tweetTextarea_0', 'So sorry Kofi, DM us please', 'button']);
    // Escape closes without posting and restores the URL
    await page.locator('article[data-testid="tweet"]', { has: page.locator('a[href="/priyanair"]') }).locator('button[data-testid="reply"]').click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => location.pathname.endsWith('/status/1859842261514375168'));
    assert.equal(await dialog.count(), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('status-variant: German UI, no inline composer, reply without lang, URL + emoji, "show more"', async () => {
    const { page, errors } = await open('x/status-variant.html', 'x-strict');
    assert.equal(await page.locator('[data-testid="inline_reply_offscreen"]').count(), 0);
    assert.equal(await page.locator('[contenteditable="true"]').count(), 0);
    const focused = page.locator('article[data-testid="tweet"][tabindex="-1"]');
    assert.equal(await focused.locator('[data-testid="User-Name"] a[tabindex="-1"]').getAttribute('href'), '/m4x_1992__');
    assert.equal(await page.locator('[data-testid="tweetText"]:not([lang])').count(), 1);
    const url = page.locator('[data-testid="tweetText"] a[href^="https://t.co/"]');
    assert.equal(await url.count(), 1);
    assert.equal(await url.locator('xpath=..').locator('img[alt="🎉"]').count(), 1);
    const before_ = await page.locator('article[data-testid="tweet"]').count();
    await page.getByRole('button', { name: 'Weitere Antworten anzeigen' }).click();
    assert.equal(await page.locator('article[data-testid="tweet"]').count(), before_ + 2);
    const jana = page.locator('article[data-testid="tweet"]', { has: page.locator('a[href="/_k4tja_"]') });
    await jana.getByRole('button', { name: 'Antworten', exact: true }).click();
    const dialog = page.locator('div[role="dialog"][aria-modal="true"]');
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /Antwort an @_k4tja_/);
    const sel = `div[role="dialog"] ${X_COMPOSER}[data-testid="tweetTextarea_0"][aria-label="Post-Text"]`;
    await page.keyboard.type('Danke, Katja!');
    assert.equal(await modelText(page, sel), 'Danke, Katja!');
    await page.keyboard.press('Control+Enter');
    assert.equal(await dialog.count(), 0);
    assert.equal((await submissions(page)).at(-1).via, 'ctrl-enter');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('redesign: no data-testid anywhere; Draft composer and reply modal still work', async () => {
    const { page, errors } = await open('x/redesign.html', 'x');
    assert.equal(await page.locator('[data-testid]').count(), 0);
    assert.equal(await page.locator('article[role="article"]').count(), 8);
    const sel = `${X_COMPOSER}[aria-label="Post text"]`;
    await page.locator(sel).click();
    await page.keyboard.type('no anchors');
    assert.equal(await modelText(page, sel), 'no anchors');
    await page.keyboard.press('Control+Enter');
    assert.equal((await submissions(page)).at(-1).text, 'no anchors');
    await page.locator('article[tabindex="0"] button[aria-label$="Reply"]').first().click();
    await page.locator('div[role="dialog"][aria-modal="true"]').waitFor();
    assert.equal(await page.locator('[data-testid]').count(), 0, 'modal has no test ids either');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('home pages: Facebook has no editor, X has the "What is happening?!" composer', async () => {
    const fb = await open('facebook/home.html', 'facebook');
    assert.equal(await fb.page.locator('[contenteditable]').count(), 0);
    await fb.page.close();
    const x = await open('x/home.html', 'x');
    assert.equal(await x.page.locator('.public-DraftEditorPlaceholder-inner').innerText(), 'What is happening?!');
    assert.equal(await x.page.locator('button[data-testid="tweetButtonInline"]').innerText(), 'Post');
    await x.page.close();
  });
});

// ------------------------------------------------------------------------------------------------------------------
// Labels and notes fixtures: conversation lists with known keys that recycle their rows, headers naming people by
// profile link or handle, the same people on post pages, and rename hooks that keep every id.
const ROW_KEYS = {
  // What the extension reads (src/sites/conversations.rs): X Chat test id suffix, Messenger /t/ link, inbox link.
  xchat: () => [...document.querySelectorAll('[data-testid^="dm-conversation-item-"]')].map((r) => ({
    key: `x:dm:${r.getAttribute('data-testid').slice('dm-conversation-item-'.length).replace(':', '-')}`,
    href: r.querySelector('a').getAttribute('href'),
    name: r.getAttribute('aria-description').split(', ')[0],
  })),
  messenger: () => [...document.querySelectorAll('[role="navigation"] [role="row"] a[href*="/t/"]')].map((a) => {
    const href = a.getAttribute('href');
    return { key: `fb:${href.includes('/e2ee/') ? 'e2ee' : 'thread'}:${/\/t\/([^/]+)/.exec(href)[1]}`, href, name: a.querySelector('span').textContent };
  }),
  inbox: () => [...document.querySelectorAll('a[href*="selected_item_id="]')].map((a) => ({
    key: `fb:inbox:${new URL(a.href).searchParams.get('selected_item_id')}`,
    href: a.getAttribute('href'),
    name: a.querySelector('span').textContent,
  })),
};

describe('labels and notes fixtures (known keys, recycled rows, renames)', () => {
  test('x/chat-virtual: 200 conversations in 20 recycled li slots; fixtureScrollTo; row #2 opens Jonas; rename keeps ids', async () => {
    const { page, errors } = await open('x/chat-virtual.html', 'x');
    const chats = await page.evaluate(() => window.fixtureChats());
    assert.equal(chats.length, 200);
    assert.deepEqual(chats.slice(2, 5).map((c) => [c.id, c.handle]), [
      ['1589427603-1859001122334455667', 'jonas_b'],
      ['1589427603-1861234567890123456', 'mariasorensen'],
      ['1589427603-1859001122336455673', 'priyanair'],
    ]);
    assert.equal(chats[10].id, 'g1890000000000000010');
    assert.deepEqual([chats[150].id, chats[150].name, chats[150].handle], ['1589427603-1880000000000000150', 'Clara Hartmann', 'clara_hartma150']);
    const slots = await page.locator('[data-testid="dm-inbox-panel"] li').count();
    assert.equal(slots, 20);
    let rows = await page.evaluate(ROW_KEYS.xchat);
    assert.equal(rows[0].key, 'x:dm:1589427603-1880000000000000000');
    assert.equal(rows[2].key, 'x:dm:1589427603-1859001122334455667');
    for (const r of rows) assert.equal(r.href, `/i/chat/${r.key.slice('x:dm:'.length)}`);
    assert.equal(await page.locator('[data-selected="true"]').getAttribute('data-testid'), 'dm-conversation-item-1589427603:1880000000000000000');
    assert.equal(await page.locator('[data-testid="dm-conversation-username"]').textContent(), 'Sophie Hartmann');
    // Scrolling recycles the same slot nodes for other conversations.
    await page.evaluate(() => document.querySelectorAll('[data-testid="dm-inbox-panel"] li').forEach((li, i) => (li.__probe = i)));
    const drawn = await page.evaluate(() => window.fixtureScrollTo(150));
    assert.deepEqual(drawn, { first: 147, last: 167 });
    assert.equal(await page.locator('[data-testid="dm-inbox-panel"] li').count(), 20, 'no new nodes');
    assert.equal(await page.evaluate(() => [...document.querySelectorAll('[data-testid="dm-inbox-panel"] li')].every((li, i) => li.__probe === i)), true);
    rows = await page.evaluate(ROW_KEYS.xchat);
    assert.equal(rows[3].key, 'x:dm:1589427603-1880000000000000150');
    assert.equal(rows[3].name, 'Clara Hartmann');
    assert.equal(await page.locator('[data-selected="true"]').count(), 0, 'the open conversation is scrolled out');
    // Renamed by handle: the slot shows the new name under the same id.
    assert.equal(await page.evaluate(() => window.fixtureRename('@clara_hartma150', 'Clara H.')), true);
    rows = await page.evaluate(ROW_KEYS.xchat);
    assert.deepEqual([rows[3].key, rows[3].name], ['x:dm:1589427603-1880000000000000150', 'Clara H.']);
    // Back to the top; Jonas's row opens his conversation (generic thread) with his handle on the profile card.
    await page.evaluate(() => window.fixtureScrollTo(0));
    await page.locator('a[href="/i/chat/1589427603-1859001122334455667"]').click();
    await page.waitForURL('**/i/chat/1589427603-1859001122334455667');
    assert.equal(await page.locator('[data-testid="dm-conversation-username"]').textContent(), 'Jonas Becker');
    assert.equal(await page.locator('[data-testid="dm-message-list"] li .text-headline2 + span').textContent(), '@jonas_b');
    assert.equal(await page.locator('textarea[data-testid="dm-composer-textarea"]').count(), 1);
    assert.equal(await page.evaluate(() => window.fixtureRename('1589427603-1859001122334455667', 'Jonas B.')), true);
    assert.equal(await page.locator('[data-testid="dm-conversation-username"]').textContent(), 'Jonas B.');
    assert.equal(new URL(page.url()).pathname, '/i/chat/1589427603-1859001122334455667');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('facebook/messenger-virtual-de: German messenger.com list of 150 recycled rows; headers link each profile form', async () => {
    const { page, errors } = await open('facebook/messenger-virtual-de.html', 'facebook');
    let rows = await page.evaluate(ROW_KEYS.messenger);
    assert.ok(rows.length >= 10 && rows.length < 30, `${rows.length} rows for 150 chats`);
    assert.deepEqual(rows.slice(0, 6).map((r) => r.key), [
      'fb:thread:100081234567890',
      'fb:thread:100012345678901',
      'fb:thread:100023456789012',
      'fb:thread:100034567890123',
      'fb:e2ee:7092513584176445',
      'fb:thread:6543219876549999',
    ]);
    assert.equal(await page.locator('[role="main"] h2').textContent(), 'Katrin Vogel');
    assert.equal(await page.locator('[role="main"] h2').evaluate((h) => h.closest('a').getAttribute('href')), 'https://www.facebook.com/100081234567890');
    assert.equal(await page.locator('[role="navigation"] a[aria-current="page"]').getAttribute('href'), '/t/100081234567890/');
    // The row menu is outside the link; rows sit in absolutely positioned slots.
    assert.equal(await page.locator('[role="row"] [aria-label="Menü"]').first().evaluate((b) => b.closest('a')), null);
    await page.evaluate(() => document.querySelectorAll('[role="navigation"] [role="row"]').forEach((r, i) => (r.__probe = i)));
    await page.evaluate(() => window.fixtureScrollTo(100));
    const after = await page.evaluate(ROW_KEYS.messenger);
    assert.equal(after.length, rows.length, 'no new nodes');
    assert.equal(await page.evaluate(() => [...document.querySelectorAll('[role="navigation"] [role="row"]')].every((r, i) => r.__probe === i)), true);
    assert.notDeepEqual(after.map((r) => r.key), rows.map((r) => r.key), 'the same rows show other conversations');
    await page.evaluate(() => window.fixtureScrollTo(0));
    // Maria (username profile), Priya (profile.php?id=), the group (no profile link).
    for (const [href, profile, name] of [
      ['/t/100023456789012/', 'https://www.facebook.com/maria.sorensen.cph', 'Maria Sørensen'],
      ['/t/100034567890123/', 'https://www.facebook.com/profile.php?id=100034567890123', 'Priya Nair'],
      ['/t/6543219876549999/', null, 'Kaffeeklatsch Eimsbüttel'],
    ]) {
      await page.locator(`[role="navigation"] a[href="${href}"]`).click();
      await page.waitForURL(`**${href}`);
      assert.equal(await page.locator('[role="main"] h2').textContent(), name);
      assert.equal(await page.locator('[role="main"] h2').evaluate((h) => h.closest('a')?.getAttribute('href') ?? null), profile);
      assert.equal(await page.locator('[role="main"] [aria-label="Nachricht"]').count(), 1);
    }
    // Renamed by profile id: the row and the header change, no link does.
    await page.locator('[role="navigation"] a[href="/t/100023456789012/"]').click();
    await page.waitForURL('**/t/100023456789012/');
    assert.equal(await page.evaluate(() => window.fixtureRename('maria.sorensen.cph', 'Maria S.')), true);
    assert.equal(await page.locator('[role="main"] h2').textContent(), 'Maria S.');
    rows = await page.evaluate(ROW_KEYS.messenger);
    assert.deepEqual(rows.find((r) => r.key === 'fb:thread:100023456789012').name, 'Maria S.');
    assert.equal(await page.locator('[role="main"] h2').evaluate((h) => h.closest('a').getAttribute('href')), 'https://www.facebook.com/maria.sorensen.cph');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('facebook/business-inbox-labels: 7 rows in both shapes; headers with "View profile"; rename keeps ids', async () => {
    const { page, errors } = await open('facebook/business-inbox-labels.html', 'facebook');
    const rows = await page.evaluate(ROW_KEYS.inbox);
    assert.deepEqual(rows.map((r) => r.key), [
      'fb:inbox:100012345678901',
      'fb:inbox:1234567890123456_987654321098799',
      'fb:inbox:100034567890123',
      'fb:inbox:100045678901234',
      'fb:inbox:17841400000000001',
      'fb:inbox:100056789012399',
      'fb:inbox:100067890123488',
    ]);
    assert.equal(await page.locator('._4bl9 > a[role="row"]').count(), 5);
    assert.equal(await page.locator('[role="presentation"]._at41 > a').count(), 2);
    assert.equal(await page.locator('[role="main"] header h2').textContent(), 'Jonas Becker');
    assert.equal(await page.locator('[role="main"] header a').getAttribute('href'), 'https://www.facebook.com/100012345678901');
    for (const [id, name, profile, label] of [
      ['100034567890123', 'Priya Nair', 'https://www.facebook.com/profile.php?id=100034567890123', 'Reply in Messenger…'],
      ['17841400000000001', 'Sofie Andersen', null, 'Reply in Instagram…'],
      ['1234567890123456_987654321098799', 'Maria Sørensen', null, 'Reply as Nordlicht Kaffee…'],
      ['100067890123488', 'Zoë Lefèvre', 'https://www.facebook.com/zoe.lefevre', 'Reply in Messenger…'],
    ]) {
      await page.locator(`a[href*="selected_item_id=${id}&"]`).click();
      await page.waitForURL((u) => u.searchParams.get('selected_item_id') === id);
      assert.equal(await page.locator('[role="main"] header h2').textContent(), name);
      assert.equal(await page.locator('[role="main"] header a').count(), profile ? 1 : 0);
      if (profile) assert.equal(await page.locator('[role="main"] header a').getAttribute('href'), profile);
      assert.equal(await page.locator(`[role="main"] [contenteditable="true"][aria-label="${label}"]`).count(), 1);
    }
    assert.equal(await page.evaluate(() => window.fixtureRename('zoe.lefevre', 'Zoë L.')), true);
    assert.equal(await page.locator('[role="main"] header h2').textContent(), 'Zoë L.');
    assert.equal((await page.evaluate(ROW_KEYS.inbox)).find((r) => r.key === 'fb:inbox:100067890123488').name, 'Zoë L.');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('facebook/post-people: every author-link form; fixtureRename changes names and labels, never links', async () => {
    const { page, errors } = await open('facebook/post-people.html', 'facebook');
    const authors = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('[role="article"][aria-label]')].map((article) => {
          const link = [...article.querySelectorAll('a[href]')].find((a) => a.closest('[role="article"]') === article && a.textContent.trim());
          return [article.getAttribute('aria-label').replace(/ \d+ \w+ ago$/, ''), link.textContent, new URL(link.href).origin + new URL(link.href).pathname + (new URL(link.href).searchParams.get('id') ? `?id=${new URL(link.href).searchParams.get('id')}` : '')];
        }),
      );
    assert.deepEqual(await authors(), [
      ['Comment by Jonas Becker', 'Jonas Becker', 'https://www.facebook.com/100012345678901'],
      ["Reply by Nordlicht Kaffee to Jonas Becker's comment", 'Nordlicht Kaffee', 'https://www.facebook.com/nordlichtkaffee'],
      ["Reply by Jonas Becker to Nordlicht Kaffee's comment", 'Jonas Becker', 'https://www.facebook.com/100012345678901'],
      ['Comment by Maria Sørensen', 'Maria Sørensen', 'https://www.facebook.com/maria.sorensen.cph'],
      ['Comment by Priya Nair', 'Priya Nair', 'https://www.facebook.com/profile.php?id=100034567890123'],
      ["Reply by Maria Sørensen to Priya Nair's comment", 'Maria Sørensen', 'https://www.facebook.com/maria.sorensen.cph'],
      ['Comment by Lukas Weber', 'Lukas Weber', 'https://www.facebook.com/lukas.weber.hh'],
      ["Comment by Tom O'Brien", "Tom O'Brien", 'https://www.facebook.com/100056789012399'],
      ['Comment by Zoë Lefèvre', 'Zoë Lefèvre', 'https://www.facebook.com/zoe.lefevre'],
    ]);
    assert.equal(await page.evaluate(() => window.fixtureRename('maria.sorensen.cph', 'Maria S.')), 2);
    assert.equal(await page.evaluate(() => window.fixtureRename('100034567890123', 'Priya N.')), 1);
    const renamed = await authors();
    assert.deepEqual(renamed[3], ['Comment by Maria S.', 'Maria S.', 'https://www.facebook.com/maria.sorensen.cph']);
    assert.deepEqual(renamed[5], ["Reply by Maria S. to Priya N.'s comment", 'Maria S.', 'https://www.facebook.com/maria.sorensen.cph']);
    // Reply uses the new name.
    await page.locator('[role="article"][aria-label^="Comment by Maria S."]').getByRole('button', { name: 'Reply', exact: true }).click();
    await page.locator('[aria-label="Reply to Maria S."]').waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('existing conversation fixtures: documented row keys; fixtureRename on hand-written rows and threads', async () => {
    let { page, errors } = await open('facebook/messenger-en.html', 'facebook');
    assert.deepEqual((await page.evaluate(ROW_KEYS.messenger)).map((r) => r.key), [
      'fb:thread:100012345678901',
      'fb:thread:100023456789012',
      'fb:thread:100034567890123',
      'fb:thread:6543219876543210',
      'fb:e2ee:7092513584176445',
      'fb:thread:100045678901234',
    ]);
    assert.equal(await page.evaluate(() => window.fixtureRename('100012345678901', 'Jonas B.')), true);
    assert.equal((await page.evaluate(ROW_KEYS.messenger))[0].name, 'Jonas B.');
    assert.equal(await page.locator('[role="main"] h2').textContent(), 'Jonas B.');
    assert.equal(await page.locator('[role="main"] h2').evaluate((h) => h.closest('a').getAttribute('href')), '/100012345678901/');
    assert.deepEqual(errors, []);
    await page.close();
    ({ page, errors } = await open('x/chat-en.html', 'x'));
    assert.equal(await page.evaluate(() => window.fixtureRename('jonas_b', 'Jonas B.')), true);
    assert.equal(await page.locator('[data-testid="dm-conversation-username"]').textContent(), 'Jonas B.');
    assert.equal(
      await page.locator('[data-testid="dm-conversation-item-1589427603:1859001122334455667"]').getAttribute('aria-description'),
      'Jonas B., @jonas_b, Perfect. Can I pay with PayPal?, 2m',
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('x/status-people: replies by the DM fixtures’ people; fixtureRename keeps handles', async () => {
    const { page, errors } = await open('x/status-people.html', 'x');
    const replies = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('article[data-testid="tweet"][tabindex="0"]')].map((t) => {
          const links = t.querySelectorAll('[data-testid="User-Name"] a');
          return [links[0].textContent, links[1].textContent, links[1].getAttribute('href')];
        }),
      );
    assert.deepEqual(await replies(), [
      ['Jonas Becker', '@jonas_b', '/jonas_b'],
      ['Nordlicht Kaffee', '@nordlichtkaffee', '/nordlichtkaffee'],
      ['Maria Sørensen', '@mariasorensen', '/mariasorensen'],
      ['Priya Nair', '@priyanair', '/priyanair'],
      ['Jonas Becker', '@jonas_b', '/jonas_b'],
      ['Lukas Weber', '@lukasweber_hh', '/lukasweber_hh'],
      ["Tom O'Brien", '@tomobrien_88', '/tomobrien_88'],
    ]);
    for (const time of await page.locator('article time').evaluateAll((ts) => ts.map((t) => [t.dateTime, t.closest('a').getAttribute('href')]))) {
      const id = BigInt(/status\/(\d+)/.exec(time[1])[1]);
      assert.equal(new Date(Number((id >> 22n) + 1288834974657n)).toISOString(), time[0], 'snowflake time = datetime');
    }
    assert.equal(await page.evaluate(() => window.fixtureRename('@Jonas_B', 'Jonas B.')), 2);
    const after = await replies();
    assert.deepEqual(after[0], ['Jonas B.', '@jonas_b', '/jonas_b']);
    assert.deepEqual(after[4], ['Jonas B.', '@jonas_b', '/jonas_b']);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

// ------------------------------------------------------------------------------------------------------------------
describe('harness', () => {
  test('route table: query strings and trailing slashes are ignored; unknown paths 404; bundles same-origin', async () => {
    assert.equal(fixtureFor(`${FB}/nordlichtkaffee/?ref=page_internal`), 'facebook/page-dialog.html');
    assert.equal(fixtureFor(`${FB}/?sk=h_chr`), 'facebook/home.html');
    assert.equal(fixtureFor('https://x.com/nordlichtkaffee/status/1859842261514375168/'), 'x/status-en.html');
    assert.equal(fixtureFor('https://x.com/someone/status/1'), null);
    server.csp = 'strict';
    const page = await browser.context.newPage();
    assert.equal((await page.goto('https://x.com/someone/status/1')).status(), 404);
    assert.equal((await page.goto(`${FB}/__fixture/lexical-composer.js`)).status(), 200);
    assert.equal((await page.goto(`${FB}/__fixture/x/fixture-x.js`)).status(), 200);
    assert.equal((await page.goto(`${FB}/__fixture/routes.json`)).status(), 404);
    assert.equal((await page.goto(`${FB}/__fixture/facebook/post-en.html`)).status(), 404);
    assert.equal((await page.goto(`${FB}/__fixture/facebook/..%2F..%2Fharness.mjs`)).status(), 404);
    assert.equal((await page.goto('https://business.facebook.com/latest/home/')).status(), 404);
    await page.close();
  });

  test('x CSP carries a per-response nonce that the fixture scripts use', async () => {
    server.csp = 'x';
    const page = await browser.context.newPage();
    const r1 = await page.goto(URL_['x/status-en.html']);
    const nonce = /'nonce-([^']+)'/.exec(r1.headers()['content-security-policy'])[1];
    assert.equal(await page.evaluate(() => document.querySelector('script[src$="fixture-x.js"]').nonce), nonce);
    const r2 = await page.goto(URL_['x/status-en.html']);
    assert.notEqual(/'nonce-([^']+)'/.exec(r2.headers()['content-security-policy'])[1], nonce);
    assert.match(CSP['x'], /'unsafe-eval'/);
    assert.doesNotMatch(CSP['x-strict'], /'unsafe-eval'|'wasm-unsafe-eval'/);
    await page.close();
  });

  test('clickClosedHost clicks into a closed shadow root; waitForHosts counts data-answerdeck hosts', async () => {
    const { page } = await open('facebook/post-en.html', 'none');
    await page.evaluate(() => {
      for (const art of [...document.querySelectorAll('[role="article"][aria-label^="Comment by "]')].slice(0, 2)) {
        const host = document.createElement('span');
        host.setAttribute('data-answerdeck', 'reply');
        host.style.cssText = 'display:inline-block;align-self:flex-start';
        const root = host.attachShadow({ mode: 'closed' });
        const b = document.createElement('button');
        b.textContent = 'Answer';
        b.style.cssText = 'width:60px;height:24px';
        b.addEventListener('click', () => (window.__clicked = (window.__clicked || 0) + 1));
        root.append(b);
        art.append(host);
      }
    });
    assert.equal(await waitForHosts(page, 'reply', 2), 2);
    await assert.rejects(waitForHosts(page, 'reply', 3, { timeout: 300 }), /have 2/);
    assert.equal(await page.locator('[data-answerdeck="reply"] button').count(), 0, 'locators cannot pierce closed roots');
    await clickClosedHost(page, '[data-answerdeck="reply"]', { nth: 1 });
    assert.equal(await page.evaluate(() => window.__clicked), 1);
    await page.close();
  });

  test('wasm tracker: sees page-world wasm compiles via CDP; no extension ⇒ no extension activity', async () => {
    server.csp = 'none';
    const page = await browser.context.newPage();
    await tracker.attach(page);
    await page.goto(URL_['x/home.html']);
    await page.evaluate((b) => WebAssembly.compile(new Uint8Array(b)), WASM_8);
    await page.goto(URL_['facebook/home.html']); // cross-site navigation: CDP session survives
    await page.evaluate((b) => WebAssembly.compile(new Uint8Array(b)), WASM_8);
    const s = await tracker.summary(page);
    assert.equal(s.wasmModulesCompiled, 2);
    assert.equal(s.extensionWasmModulesCompiled, 0);
    assert.equal(s.extensionWorlds, 0);
    assert.equal(s.wasmRequests, 0);
    assert.equal((await tracker.cdp(page)).wasmModules.every((m) => m.world === 'https://x.com' || m.world === FB), true);
    await page.close();
  });

  test('launch: refuses a directory without manifest; extension ids are Chrome-shaped', async () => {
    await assert.rejects(launch({ extensionDir: '/nonexistent-answerdeck' }), /no manifest\.json/);
    assert.match(extensionIdFor('/work/main/dist/chrome'), /^[a-p]{32}$/);
  });

  test('editors() lists mounted editors with model text', async () => {
    const { page } = await open('x/status-en.html', 'none');
    await page.locator(X_COMPOSER).click();
    await page.keyboard.type('abc');
    const [e] = await fixtureEditors(page);
    assert.deepEqual([e.kind, e.testid, e.text, e.focused], ['draft', 'tweetTextarea_0', 'abc', true]);
    await page.close();
  });
});
