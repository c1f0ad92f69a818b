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
