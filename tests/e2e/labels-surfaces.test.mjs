// Labels follow the platform's ids on every surface: an X Chat inbox that recycles its 20 row nodes for 200
// conversations, people renamed while their ids stay, the same person labelled under an X post and seen in X Chat,
// the Business Suite inbox and legacy X DMs. Labels are set through the background (as another tab would), so these
// tests check what each page shows, not the menu (tests/e2e/labels.test.mjs and panel.test.mjs do that).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { submissions } from './harness.mjs';
import { startBrowser, open } from './extension.mjs';
import { hosts, chipText, clickInHost, panelFrame, ask, eventually } from './labels-helpers.mjs';

const CHAT_VIRTUAL = 'https://x.com/i/chat/1589427603-1880000000000000000';
const CLARA = 'x:dm:1589427603-1880000000000000150'; // conversation #150
const JONAS_CHAT = 'x:dm:1589427603-1859001122334455667';
const STATUS_PEOPLE = 'https://x.com/nordlichtkaffee/status/1859831675090407425';
const BUSINESS = 'https://business.facebook.com/latest/inbox/messenger/?asset_id=104357284711234&selected_item_id=100012345678901';
const LEGACY = 'https://x.com/messages/1589427603-1859001122334455667';
const ROWS = { testid: 'dm-inbox-panel' };

async function label(browser, name, color = '#12858a') {
  const made = await ask(browser, { op: 'label.put', label: { name, color } });
  assert.ok(made.ok, JSON.stringify(made));
  return made.labels[0].id;
}

const labelOn = async (browser, key, id) => assert.ok((await ask(browser, { op: 'subject.label', key, label: id, on: true })).ok);

for (const csp of ['x', 'x-strict']) {
  describe(`labels on X surfaces, page CSP "${csp}"`, () => {
    let browser;
    before(async () => { browser = await startBrowser({ csp }); });
    after(async () => { await browser?.close(); });

    test('a virtualised inbox that recycles its rows shows each conversation\'s own labels', async () => {
      const { page, errors } = await open(browser, CHAT_VIRTUAL);
      const waiting = await label(browser, 'Waiting for courier');
      await labelOn(browser, CLARA, waiting);
      await eventually(async () => (await hosts(page, 'labels', { within: ROWS })).length >= 15, 'labels hosts on the rendered rows');
      const slots = await page.evaluate(() => document.querySelectorAll('[data-testid^="dm-conversation-item-"]').length);
      // Scroll #150 into the slots: the same nodes now show other conversations.
      await page.evaluate(() => window.fixtureScrollTo(148));
      await eventually(async () => (await chipText(page, 'labels', CLARA, { within: ROWS })) === 'Waiting for courier', 'Clara\'s recycled row shows her label');
      const shown = await hosts(page, 'labels', { within: ROWS });
      const others = shown.filter((h) => h.subject !== CLARA);
      assert.ok(others.length > 5 && others.every((h) => !h.text.includes('Waiting for courier')), 'no other row carries it');
      assert.ok(shown.length <= slots + 1, `one host per slot (${shown.length} hosts, ${slots} slots)`);
      // Scroll back: the slot that showed Clara now shows someone else, without her label.
      await page.evaluate(() => window.fixtureScrollTo(0));
      await eventually(async () => (await hosts(page, 'labels', { subject: CLARA, within: ROWS })).length === 0, 'Clara\'s row is gone after scrolling back');
      const back = await hosts(page, 'labels', { within: ROWS });
      assert.ok(back.every((h) => !h.text.includes('Waiting for courier')), 'recycled rows lost the label with the conversation');
      await page.evaluate(() => window.fixtureScrollTo(148));
      await eventually(async () => (await chipText(page, 'labels', CLARA, { within: ROWS })) === 'Waiting for courier', 'and it is back with her');
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('a person labelled under a post keeps the label when renamed, and shows it in X Chat', async () => {
      const vip = await label(browser, 'VIP', '#9334e6');
      await labelOn(browser, 'x:user:jonas_b', vip);
      const { page, errors } = await open(browser, STATUS_PEOPLE);
      await eventually(async () => (await hosts(page, 'labels', { subject: 'x:user:jonas_b' })).length === 2, 'a person host on each of his two replies');
      await eventually(async () => (await hosts(page, 'labels', { subject: 'x:user:jonas_b' })).every((h) => h.text === 'VIP'), 'his replies show VIP');
      assert.equal((await hosts(page, 'labels', { subject: 'x:user:nordlichtkaffee' })).length, 0, 'the brand itself gets no person host');
      assert.ok(await page.evaluate(() => window.fixtureRename('jonas_b', 'Jonas B. (Vienna)')));
      await page.waitForTimeout(300);
      const renamed = await hosts(page, 'labels', { subject: 'x:user:jonas_b' });
      assert.equal(renamed.length, 2);
      assert.ok(renamed.every((h) => h.text === 'VIP'), 'the label stays: the key is the handle, not the name');
      assert.deepEqual(await submissions(page), [], 'nothing posted');
      assert.deepEqual(errors, []);
      await page.close();

      const chat = await open(browser, 'https://x.com/i/chat/1589427603-1859001122334455667');
      await eventually(async () => (await chipText(chat.page, 'labels', 'x:user:jonas_b')) === 'VIP', 'the person\'s chip in the X Chat header');
      assert.ok((await hosts(chat.page, 'labels', { subject: JONAS_CHAT })).length >= 1, 'and the conversation\'s own host');
      assert.deepEqual(chat.errors, []);
      await chat.page.close();
    });

    test('legacy X DMs: rows and header by the /messages/<A-B> ids', async () => {
      const legacy = await label(browser, `Legacy ${csp}`);
      await labelOn(browser, JONAS_CHAT, legacy);
      const { page, errors } = await open(browser, LEGACY);
      await eventually(async () => (await hosts(page, 'labels', { subject: JONAS_CHAT })).length === 2, 'the row and the header of the same conversation');
      await eventually(async () => (await hosts(page, 'labels', { subject: JONAS_CHAT })).every((h) => h.text.includes(`Legacy ${csp}`)), 'both show its label');
      assert.ok((await hosts(page, 'notes')).length === 1, 'a notes control in the open conversation');
      assert.deepEqual(errors, []);
      await page.close();
    });
  });
}

describe('labels in the Business Suite inbox', () => {
  let browser;
  before(async () => { browser = await startBrowser({ csp: 'facebook' }); });
  after(async () => { await browser?.close(); });

  test('rows, the header and the customer\'s person chips by selected_item_id and profile link', async () => {
    const order = await ask(browser, { op: 'label.put', label: { name: 'Order issue', color: '#d93025' } });
    const vip = await ask(browser, { op: 'label.put', label: { name: 'VIP', color: '#9334e6' } });
    await labelOn(browser, 'fb:inbox:100034567890123', order.labels[0].id);
    await labelOn(browser, 'fb:user:100012345678901', vip.labels[0].id);
    const { page, errors } = await open(browser, BUSINESS);
    await eventually(async () => (await hosts(page, 'labels')).filter((h) => h.subject?.startsWith('fb:inbox:')).length >= 8, 'a host on each of the 7 rows and the header');
    await eventually(async () => (await chipText(page, 'labels', 'fb:inbox:100034567890123')) === 'Order issue', 'Priya\'s row');
    await eventually(async () => (await chipText(page, 'labels', 'fb:user:100012345678901')) === 'VIP', 'Jonas\'s person chips in the header');
    assert.ok(await page.evaluate(() => window.fixtureRename('100012345678901', 'Jonas Becker-Huber')));
    await page.waitForTimeout(300);
    assert.equal(await chipText(page, 'labels', 'fb:user:100012345678901'), 'VIP', 'renamed, still VIP');
    assert.deepEqual(await submissions(page), [], 'nothing sent');
    assert.deepEqual(errors, []);
    await page.close();
  });
});

const POST_PEOPLE = 'https://www.facebook.com/nordlichtkaffee/posts/pfbid0Lp7Ke2Wq9Tn4Xb6Rc1Zd8Hf3Mj5Sa2Vy7Nu4Go9Bi1Ct6Ew3Qk8Rm5Dl2Fh';
const MESSENGER_VIRTUAL = 'https://www.messenger.com/t/100081234567890';

for (const csp of ['facebook', 'strict']) {
  describe(`people and recycled rows on Facebook, page CSP "${csp}"`, () => {
    let browser;
    before(async () => { browser = await startBrowser({ csp }); });
    after(async () => { await browser?.close(); });

    test('a commenter labelled and noted under a post is known in his Messenger conversation', async () => {
      const { page, errors } = await open(browser, POST_PEOPLE);
      const JONAS = 'fb:user:100012345678901';
      await eventually(async () => (await hosts(page, 'labels', { subject: JONAS })).length === 2, 'a person host on each of his two comments');
      for (const key of ['fb:user:maria.sorensen.cph', 'fb:user:100034567890123', 'fb:user:zoe.lefevre']) {
        assert.ok((await hosts(page, 'labels', { subject: key })).length >= 1, `a person host for ${key} (every link form)`);
      }
      assert.equal((await hosts(page, 'labels', { subject: 'fb:user:nordlichtkaffee' })).length, 0, 'not for the Page itself');
      // The label menu, from his first comment, with the keyboard.
      await clickInHost(page, 'labels', { subject: JONAS });
      const menu = await panelFrame(page, { mode: 'labels', subject: JONAS });
      await eventually(() => menu.evaluate(() => document.hasFocus() && document.activeElement?.localName === 'input'), 'focus in the menu');
      await page.keyboard.type(`Returns ${csp}`, { delay: 5 });
      await page.keyboard.press('Enter');
      await eventually(async () => (await hosts(page, 'labels', { subject: JONAS })).every((h) => h.text === `Returns ${csp}`), 'both of his comments show the label');
      await page.keyboard.press('Escape');
      // A note about him, from the same comment.
      await clickInHost(page, 'notes', { subject: JONAS });
      const notes = await panelFrame(page, { mode: 'notes', subject: JONAS });
      await eventually(() => notes.evaluate(() => document.hasFocus() && document.activeElement?.localName === 'textarea'), 'focus in the note field');
      await page.keyboard.type(`Sent the grinder back on 20 Nov (${csp})`, { delay: 2 });
      await page.keyboard.press('Control+Enter');
      await eventually(async () => /1/.test((await hosts(page, 'notes', { subject: JONAS }))[0]?.text ?? ''), 'his notes control counts it');
      await page.keyboard.press('Escape');
      assert.deepEqual(await submissions(page), [], 'nothing posted');
      assert.deepEqual(errors, []);
      await page.close();

      const chat = await open(browser, 'https://www.facebook.com/messages/t/100012345678901/');
      await eventually(async () => (await chipText(chat.page, 'labels', JONAS)) === `Returns ${csp}`, 'his chips in the Messenger header');
      await eventually(async () => /1/.test((await hosts(chat.page, 'notes'))[0]?.text ?? ''), 'the conversation\'s notes control counts his note');
      assert.deepEqual(chat.errors, []);
      await chat.page.close();
    });

    test('messenger.com in German with a recycling chat list: labels follow the threads, the filter counts rows', async () => {
      const { page, errors } = await open(browser, MESSENGER_VIRTUAL);
      const href = await page.evaluate(() => window.fixtureChats()[120].href); // "/t/<id>/" or "/e2ee/t/<id>/"
      const id = href.split('/').filter(Boolean).pop();
      const key = href.startsWith('/e2ee/') ? `fb:e2ee:${id}` : `fb:thread:${id}`;
      const made = await ask(browser, { op: 'label.put', label: { name: `Großhandel ${csp}`, color: '#188038' } });
      await labelOn(browser, key, made.labels[0].id);
      await eventually(async () => (await hosts(page, 'labels', { within: { role: 'grid' } })).length >= 8, 'row hosts');
      await page.evaluate(() => window.fixtureScrollTo(118));
      await eventually(async () => (await chipText(page, 'labels', key, { within: { role: 'grid' } })) === `Großhandel ${csp}`, `the recycled row of ${key}`);
      const others = (await hosts(page, 'labels', { within: { role: 'grid' } })).filter((h) => h.subject !== key);
      assert.ok(others.length > 3 && others.every((h) => !h.text.includes('Großhandel')), 'only that row carries it');
      assert.deepEqual(errors, []);
      await page.close();
    });
  });
}
