// Conversation labels and notes on Messenger (facebook.com): chips on every row and in the open conversation's
// header, the keyboard-driven label menu, filtering the native list, notes that survive a reload, a second tab
// that follows within a second, nothing readable by the page's scripts, and the export. Both cores: the site's
// CSP (wasm) and a CSP that forbids wasm (wasm2js). The panel (label menu, notes) is an extension page in both.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { submissions } from './harness.mjs';
import { startBrowser, open } from './extension.mjs';
import { hosts, chipText, clickInHost, panelFrame, panelOpen, ask, eventually } from './labels-helpers.mjs';

const MESSENGER = 'https://www.facebook.com/messages/t/100012345678901/';
const JONAS = 'fb:thread:100012345678901';
const JONAS_PERSON = 'fb:user:100012345678901';
const PRIYA = 'fb:thread:100034567890123';
const ROWS = 6; // the fixture's chat list (messenger-en.html)
const MAIN = { role: 'main' };
const LIST = { role: 'grid' };

/** Rows of the native chat list that are shown (not hidden by the label filter). */
const shownRows = (page) => page.evaluate(() => [...document.querySelectorAll('[role="grid"][aria-label="Chats"] [role="row"]')]
  .filter((row) => getComputedStyle(row).display !== 'none').map((row) => row.querySelector('a').getAttribute('href')));

async function labelsReady(page) {
  await eventually(async () => (await hosts(page, 'labels', { within: LIST })).length === ROWS, `a labels host on each of the ${ROWS} rows`);
  await eventually(async () => (await hosts(page, 'labels', { subject: JONAS, within: MAIN })).length === 1, 'a labels host in the header');
}

/** Opens the label menu from the header's conversation chips and toggles (or creates) `name` with the keyboard. */
async function toggleLabel(page, subject, name) {
  await page.bringToFront(); // a background tab has no focus to give the menu
  await clickInHost(page, 'labels', { subject, within: MAIN });
  const frame = await panelFrame(page, { mode: 'labels', subject });
  await eventually(() => frame.evaluate(() => document.hasFocus() && document.activeElement?.localName === 'input'), 'focus in the label menu\'s search field');
  await page.keyboard.type(name, { delay: 5 });
  await page.keyboard.press('Enter');
  return frame;
}

for (const csp of ['facebook', 'strict']) {
  describe(`labels and notes on Messenger, page CSP "${csp}"`, () => {
    let browser;
    before(async () => { browser = await startBrowser({ csp }); });
    after(async () => { await browser?.close(); });

    test('a label made from the header shows on the row and the header, and is stored for the conversation', async () => {
      const { page, errors } = await open(browser, MESSENGER);
      await labelsReady(page);
      assert.equal(await chipText(page, 'labels', JONAS, { within: LIST }), '+ Label');
      await toggleLabel(page, JONAS, 'Order issue');
      await eventually(async () => (await chipText(page, 'labels', JONAS, { within: LIST })) === 'Order issue', 'the row shows the new chip');
      assert.equal(await chipText(page, 'labels', JONAS, { within: MAIN }), 'Order issue');
      const [header] = await hosts(page, 'labels', { subject: JONAS, within: MAIN });
      assert.match(header.label, /Labels of .*: Order issue/);
      await page.keyboard.press('Escape');
      await eventually(async () => !(await panelOpen(page)), 'Escape closes the label menu');
      const listed = await ask(browser, { op: 'labels.list' });
      const label = listed.labels.find((l) => l.name === 'Order issue');
      assert.ok(label, 'the label is stored');
      assert.deepEqual(listed.subjects.find((s) => s.key === JONAS)?.labels, [label.id]);
      assert.deepEqual(await submissions(page), [], 'nothing sent');
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('filtering the chat list by a label hides the other rows, counts them, and one click clears it', async () => {
      const { page, errors } = await open(browser, MESSENGER);
      await labelsReady(page);
      const vip = await ask(browser, { op: 'label.put', label: { name: `VIP ${csp}`, color: '#9334e6' } });
      assert.ok(vip.ok, JSON.stringify(vip));
      const id = vip.labels[0].id;
      assert.ok((await ask(browser, { op: 'subject.label', key: PRIYA, label: id, on: true, name: 'Priya Nair' })).ok);
      await eventually(async () => (await chipText(page, 'labels', PRIYA, { within: LIST }))?.includes(`VIP ${csp}`), 'a label set elsewhere shows on the row');
      await clickInHost(page, 'label-filter', { text: 'Filter by label' });
      await clickInHost(page, 'label-filter', { text: `VIP ${csp}` });
      await eventually(async () => JSON.stringify(await shownRows(page)) === JSON.stringify(['/messages/t/100034567890123/']), 'only the VIP row is shown');
      const [bar] = await hosts(page, 'label-filter');
      assert.match(bar.text, new RegExp(`Showing 1 of ${ROWS} conversations`));
      await clickInHost(page, 'label-filter', { text: 'Clear filter' });
      await eventually(async () => (await shownRows(page)).length === ROWS, 'every row is back');
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('a note is saved with Ctrl+Enter, counted on the notes control, and still there after a reload', async () => {
      const { page, errors } = await open(browser, MESSENGER);
      await labelsReady(page);
      await clickInHost(page, 'notes', { within: MAIN });
      const frame = await panelFrame(page, { mode: 'notes', subject: JONAS });
      await eventually(() => frame.evaluate(() => document.hasFocus() && document.activeElement?.localName === 'textarea'), 'focus in the note field');
      const note = `Wants delivery to Vienna <b>only</b> after the 3rd (${csp})`;
      await page.keyboard.type(note, { delay: 2 });
      await page.keyboard.press('Control+Enter');
      await eventually(() => frame.evaluate((n) => document.body.innerText.includes(n), note), 'the note is listed, as text');
      await page.keyboard.press('Escape');
      await eventually(async () => !(await panelOpen(page)), 'Escape closes the notes panel');
      await eventually(async () => /1/.test(await chipText(page, 'notes', JONAS, { within: MAIN }) ?? ''), 'the notes control counts it');
      await page.reload();
      await page.waitForFunction(() => window.__fixture?.ready);
      await labelsReady(page);
      await eventually(async () => /1/.test(await chipText(page, 'notes', JONAS, { within: MAIN }) ?? ''), 'still counted after a reload');
      const stored = await ask(browser, { op: 'notes.list', subjects: [JONAS, JONAS_PERSON] });
      assert.equal(stored.notes.filter((n) => n.text === note).length, 1, 'stored once, as typed');
      assert.deepEqual(await submissions(page), [], 'nothing sent');
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('a second tab shows a label change within a second', async () => {
      const first = await open(browser, MESSENGER);
      const second = await open(browser, MESSENGER);
      await labelsReady(first.page);
      await labelsReady(second.page);
      const started = Date.now();
      await toggleLabel(first.page, JONAS, `Wholesale ${csp}`);
      await eventually(async () => (await chipText(second.page, 'labels', JONAS, { within: LIST }))?.includes(`Wholesale ${csp}`), 'the second tab follows', { timeout: 1_000 + 2_000 });
      const took = Date.now() - started;
      assert.ok(took < 3_000, `shown in the other tab after ${took} ms`);
      assert.deepEqual(first.errors, []);
      assert.deepEqual(second.errors, []);
      await first.page.close();
      await second.page.close();
    });

    test('after a reload with the pointer resting on the control, the first click opens the menu with focus', async () => {
      const { page, errors } = await open(browser, MESSENGER);
      await labelsReady(page);
      await clickInHost(page, 'labels', { subject: JONAS, within: MAIN });
      await panelFrame(page, { mode: 'labels', subject: JONAS });
      await page.keyboard.press('Escape');
      // The pointer stays where it clicked: on the new page it "enters" the control at the click itself, which
      // starts loading the panel a moment before the click opens it.
      await page.reload();
      await page.waitForFunction(() => window.__fixture?.ready);
      await labelsReady(page);
      await clickInHost(page, 'labels', { subject: JONAS, within: MAIN });
      const frame = await panelFrame(page, { mode: 'labels', subject: JONAS });
      await eventually(() => frame.evaluate(() => document.hasFocus() && document.activeElement?.localName === 'input'), 'focus in the search field');
      await page.keyboard.press('Escape');
      assert.deepEqual(errors, []);
      await page.close();
    });

    test("the page's scripts can read neither labels nor notes", async () => {
      const { page } = await open(browser, MESSENGER);
      await labelsReady(page);
      await eventually(async () => (await chipText(page, 'labels', JONAS, { within: LIST }))?.includes('Order issue'), 'labelled earlier');
      const seen = await page.evaluate(() => {
        const hostsInPage = [...document.querySelectorAll('[data-answerdeck]')];
        const frame = document.querySelector('[data-answerdeck="panel"]');
        return {
          text: document.documentElement.innerText + document.documentElement.textContent,
          shadowRoots: hostsInPage.filter((h) => h.shadowRoot !== null).length,
          frames: Array.from({ length: window.frames.length }, (_, i) => window.frames[i]).map((w) => { try { return w.document.body.innerText; } catch { return 'blocked'; } }),
          panelHost: frame ? frame.shadowRoot : 'none',
        };
      });
      assert.ok(!seen.text.includes('Order issue'), 'label names are not in the page DOM');
      assert.ok(!seen.text.includes('Vienna <b>'), 'note text is not in the page DOM');
      assert.equal(seen.shadowRoots, 0, 'every host\'s shadow root is closed');
      assert.ok(seen.frames.every((f) => f === 'blocked'), 'the panel frame is another origin');
      await page.close();
    });

    test('export v1 carries labels, conversation labels and notes', async () => {
      const exported = await ask(browser, { op: 'library.export', format: 'v1' });
      assert.ok(exported.ok, JSON.stringify(exported));
      const data = JSON.parse(exported.text);
      const order = data.labels.find((l) => l.name === 'Order issue');
      assert.ok(order && /^#[0-9a-f]{6}$/.test(order.color), 'the label with its colour');
      assert.ok(data.conversations.some((c) => c.key === JONAS && c.labels.includes(order.id)), 'the conversation with its label');
      assert.ok(data.notes.some((n) => n.text.startsWith('Wants delivery to Vienna') && n.created_at), 'the note with its time');
    });
  });
}
