// End-to-end: labels and notes in the store and on the options page — a version-2 database upgraded with its
// replies and use kept; the Labels section (create, rename, recolour, delete and Undo, by keyboard, counts of
// conversations and people); the Notes section (notes added through runtime.sendMessage as the panel does,
// found by search, edits with their earlier versions); live updates from a second tab; many concurrent writes
// from two pages with nothing lost; export and import of labels, conversations and notes.
// Build first: scripts/build.sh. Run: node --test --test-concurrency=1 tests/e2e/options-labels.test.mjs
//
// One browser for the whole file; the tests build on each other's labels and notes, in order.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, trackPageErrors } from './harness.mjs';
import { alert, download, escape, send, status, until, waitForTitles, waitText, writeTemp } from './options-page.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

let browser;
let page;
let optionsUrl;
let errors;
let tmp;

before(async () => {
  browser = await launch({ extensionDir: join(root, 'dist/chrome') });
  optionsUrl = `chrome-extension://${browser.extensionId}/options.html`;
  tmp = mkdtempSync(join(tmpdir(), 'answerdeck-labels-'));
  page = await browser.context.newPage();
  errors = trackPageErrors(page);
  await page.goto(optionsUrl);
  await page.locator('#labels-count').filter({ hasText: /label/ }).waitFor({ timeout: 10_000 });
});

after(async () => {
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const labelsSection = () => page.locator('#labels');
const notesSection = () => page.locator('#notes');
/** The Labels section's row of the label named exactly `name`. */
const labelRow = (name, p = page) =>
  p.locator('#labels li.label-row').filter({ has: p.locator('.label-name', { hasText: new RegExp(`^${escape(name)}$`) }) });
/** Label names as listed. */
const labelNames = (p = page) => p.locator('#labels .label-name').allTextContents();
const labelsList = () => send(page, { op: 'labels.list' });
const byName = async (name) => (await labelsList()).labels.find((l) => l.name === name);
/** The notes shown, as {subject, kind, author, text, edited}. */
const shownNotes = () =>
  page.locator('#notes li.note').evaluateAll((items) => items.map((item) => ({
    subject: item.querySelector('.note-subject').textContent,
    kind: item.querySelector('.note-kind').textContent,
    author: item.querySelector('.note-author').textContent,
    text: item.querySelector(':scope > .note-text').textContent,
    edited: !!item.querySelector(':scope > .note-meta .note-edited'),
  })));
const focusedName = () => page.evaluate(() => {
  const el = document.activeElement;
  return el?.getAttribute('aria-label') || el?.labels?.[0]?.textContent || el?.textContent || el?.tagName;
});

async function waitForLabels(expected, p = page) {
  let now = [];
  await until(`labels ${JSON.stringify(expected)}`, async () => {
    now = await labelNames(p);
    return JSON.stringify(now) === JSON.stringify(expected);
  }).catch((error) => {
    throw new Error(`${error.message}\n  labels were: ${JSON.stringify(now)}`);
  });
}

test('a version-2 database keeps its replies and their use and gains labels and notes', async () => {
  // Stop the service worker (it holds the database open), put a version-2 database in place of the new
  // one, and let the next request start the worker again: it upgrades the database to the current version.
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const made = await page.evaluate(() => new Promise((resolve, reject) => {
    const deletion = indexedDB.deleteDatabase('answerdeck');
    deletion.onblocked = () => reject(new Error('the database is still open'));
    deletion.onerror = () => reject(deletion.error);
    deletion.onsuccess = () => {
      const open = indexedDB.open('answerdeck', 2);
      open.onupgradeneeded = () => {
        const db = open.result;
        db.createObjectStore('replies', { keyPath: 'data.id' });
        db.createObjectStore('usage', { keyPath: 'id' });
        db.createObjectStore('meta');
        const tx = open.transaction;
        tx.objectStore('replies').put({
          rev: 3, updated_at: '2026-01-01T00:00:00.000Z',
          data: { id: 'r-kept', title: 'Kept from version 2', body: 'Still here.', favorite: false },
        });
        tx.objectStore('usage').put({ id: 'r-kept', count: 7, last_used_ms: 1_760_000_000_000 });
        tx.objectStore('meta').put(5, 'library_rev');
      };
      open.onsuccess = () => { open.result.close(); resolve(true); };
      open.onerror = () => reject(open.error);
    };
  }));
  assert.equal(made, true);
  await cdp.detach();

  const library = await send(page, { op: 'library.list' });
  assert.equal(library.ok, true, JSON.stringify(library));
  assert.deepEqual(library.replies.map((r) => [r.data.id, r.rev]), [['r-kept', 3]]);
  assert.deepEqual(library.usage, { 'r-kept': { count: 7, last_used_ms: 1_760_000_000_000 } });
  assert.equal(library.rev, 5);
  const stores = await page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('answerdeck');
    open.onsuccess = () => { resolve([open.result.version, [...open.result.objectStoreNames]]); open.result.close(); };
  }));
  // Version 4 added the response timers' stores on top of version 3's labels, subjects and notes.
  assert.deepEqual(stores, [4, ['events', 'labels', 'meta', 'notes', 'replies', 'subjects', 'timers', 'usage']]);
  assert.deepEqual(await labelsList(), { ok: true, labels: [], subjects: [], labels_rev: 0 });

  await page.reload();
  await waitForTitles(page, ['Kept from version 2']);
  await waitText(page.locator('#labels-count'), '0 labels');
  await waitText(labelsSection(), 'No labels yet.');
  await waitText(page.locator('#notes-count'), 'No notes yet.');
});

test('labels are created from the keyboard with a palette colour; names are unique ignoring case and accents', async () => {
  const name = page.getByLabel('New label');
  await name.fill('VIP');
  await labelsSection().getByRole('radio', { name: 'Red' }).check();
  await name.focus();
  await name.press('Enter');
  await waitText(status(page), 'Created label “VIP” (Red).');
  await waitForLabels(['VIP']);
  assert.equal(await name.inputValue(), '');
  assert.equal(await focusedName(), 'New label');
  assert.match(await labelRow('VIP').locator('.label-meta').textContent(), /Red.*Not used yet/);
  const vip = await byName('VIP');
  assert.deepEqual(vip, { id: 'l-vip', name: 'VIP', color: '#d93025' });

  // Only the keyboard: type, Tab to the colours, arrows to pick, Enter on the button.
  await name.fill('  Order   issue ');
  await page.keyboard.press('Tab');
  const checked = () => labelsSection().locator('input[name="label-new-color"]:checked').getAttribute('value');
  const first = await checked();
  assert.notEqual(first, '#d93025', 'the next unused colour is suggested');
  await page.keyboard.press('ArrowRight');
  const picked = await checked();
  assert.notEqual(picked, first);
  await labelsSection().getByRole('button', { name: 'Create label' }).press('Enter');
  await waitForLabels(['Order issue', 'VIP']);
  assert.equal((await byName('Order issue')).color, picked);

  // The same name in another case and with accents is refused where it was typed.
  await name.fill('víp');
  await name.press('Enter');
  await waitText(page.locator('#label-new-error'), 'There is already a label named “VIP”.');
  assert.equal(await name.getAttribute('aria-invalid'), 'true');
  await name.fill('x'.repeat(40) + 'y');
  assert.equal((await name.inputValue()).length, 40, 'the field stops at 40 characters');
  await name.fill('');
  await name.press('Enter');
  await waitText(page.locator('#label-new-error'), 'Type a name for the new label.');
  await waitForLabels(['Order issue', 'VIP']);
});

test('a label is renamed in its row: Enter saves, Escape cancels, a taken name is refused', async () => {
  await page.getByRole('button', { name: 'Rename VIP' }).click();
  const input = page.getByLabel('New name for VIP');
  assert.equal(await input.inputValue(), 'VIP');
  assert.equal(await focusedName(), 'New name for VIP');
  await input.fill('Something else');
  await input.press('Escape');
  await waitForLabels(['Order issue', 'VIP']);
  assert.equal(await focusedName(), 'Rename VIP');

  await page.getByRole('button', { name: 'Rename VIP' }).press('Enter');
  await page.getByLabel('New name for VIP').fill('order ISSUE');
  await page.getByLabel('New name for VIP').press('Enter');
  await waitText(page.locator('#labels li[data-id="l-vip"] .row-error'), 'There is already a label named “Order issue”.');
  await page.getByLabel('New name for VIP').fill('Very important');
  await page.getByLabel('New name for VIP').press('Enter');
  await waitText(status(page), 'Renamed “VIP” to “Very important”.');
  await waitForLabels(['Order issue', 'Very important']);
  assert.equal(await focusedName(), 'Rename Very important');
  const renamed = await byName('Very important');
  assert.equal(renamed.id, 'l-vip', 'renaming keeps the id (and so every assignment)');
});

test('a label is recoloured from the palette, each colour named for the accessible name', async () => {
  const colour = page.getByRole('button', { name: 'Colour of Very important: Red' });
  assert.equal(await colour.getAttribute('aria-expanded'), 'false');
  await colour.click();
  const palette = page.getByRole('group', { name: 'Colour of Very important' });
  const names = await palette.getByRole('button').evaluateAll((b) => b.map((x) => x.textContent));
  assert.deepEqual(names, ['Red', 'Orange', 'Yellow', 'Green', 'Teal', 'Blue', 'Purple', 'Grey']);
  assert.equal(await palette.getByRole('button', { name: 'Red', exact: true }).getAttribute('aria-pressed'), 'true');
  assert.equal(await focusedName(), 'Red', 'focus goes to the current colour');
  // Escape closes without a change.
  await page.keyboard.press('Escape');
  await palette.waitFor({ state: 'detached' });
  assert.equal(await focusedName(), 'Colour of Very important: Red');

  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focusedName(), 'Green');
  await page.keyboard.press('Enter');
  await waitText(status(page), '“Very important” is Green now.');
  await waitText(labelRow('Very important').locator('.label-color-name'), 'Green');
  assert.equal((await byName('Very important')).color, '#188038');
  assert.equal(await focusedName(), 'Colour of Very important: Green');
});

test('the counts show how many conversations and people carry each label, live from other tabs', async () => {
  const tab = await browser.context.newPage();
  const tabErrors = trackPageErrors(tab);
  await tab.goto(optionsUrl);
  await waitForLabels(['Order issue', 'Very important'], tab);
  for (const [key, name] of [['fb:thread:100012345678901', 'Jane Doe'], ['x:dm:1589427603-1859001122334455667', 'Acme'], ['x:user:bob_k', 'Bob K']]) {
    const answer = await send(tab, { op: 'subject.label', key, label: 'l-vip', on: true, name });
    assert.equal(answer.ok, true, JSON.stringify(answer));
  }
  await waitText(labelRow('Very important').locator('.label-count'), '2 conversations, 1 person', { timeout: 2_000 });
  assert.equal(await labelRow('Order issue').locator('.label-count').textContent(), 'Not used yet');

  // A label created in the other tab shows here within a second.
  await tab.getByLabel('New label').fill('Wholesale');
  await tab.getByLabel('New label').press('Enter');
  await waitForLabels(['Order issue', 'Very important', 'Wholesale']);
  await until('Wholesale in the first tab within a second', async () => (await labelNames()).includes('Wholesale'), { timeout: 1_000 });
  // A refused key says why.
  const refused = await send(tab, { op: 'subject.label', key: 'x:user:Bob', label: 'l-vip', on: true });
  assert.equal(refused.ok, false);
  assert.equal(refused.error, 'invalid');
  assert.equal(refused.path, 'key');
  assert.match(refused.message, /lower-cased handle/);
  assert.deepEqual(tabErrors, []);
  await tab.close();
});

test('a deleted label goes with an Undo in the status line that brings it back with its conversations', async () => {
  await page.getByRole('button', { name: 'Delete Very important' }).click();
  await waitText(status(page), 'Deleted label “Very important”.');
  await waitForLabels(['Order issue', 'Wholesale']);
  assert.equal(await focusedName(), 'Delete Wholesale', 'focus moves to the next row');
  const listed = await labelsList();
  assert.deepEqual(listed.labels.map((l) => l.id), ['l-order-issue', 'l-wholesale']);
  assert.deepEqual(listed.subjects, [], 'conversations with only the deleted label are not listed');

  await status(page).getByRole('button', { name: 'Undo' }).click();
  await waitText(status(page), 'Restored label “Very important”.');
  await waitForLabels(['Order issue', 'Very important', 'Wholesale']);
  await waitText(labelRow('Very important').locator('.label-count'), '2 conversations, 1 person');
  const back = await labelsList();
  assert.deepEqual(back.subjects.map((s) => [s.key, s.labels]), [
    ['fb:thread:100012345678901', ['l-vip']],
    ['x:dm:1589427603-1859001122334455667', ['l-vip']],
    ['x:user:bob_k', ['l-vip']],
  ]);
});

test('notes added through runtime.sendMessage are signed with "Your name", found by search, shown as text', async () => {
  await waitText(page.locator('#settings'), 'signs the notes you write');
  await page.getByLabel('Your name').fill('Sam');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await waitText(page.locator('.settings-result'), 'Settings saved.');

  const add = (subject, text, subject_name) => send(page, { op: 'note.add', subject, text, subject_name });
  const refund = await add('fb:thread:100012345678901', 'Wants a refund for order 42.', 'Jane Doe');
  assert.equal(refund.ok, true, JSON.stringify(refund));
  assert.equal(refund.notes[0].author, 'Sam');
  assert.match(refund.notes[0].id, /^n-[0-9a-z]+-[0-9a-z]+$/);
  await add('x:user:bob_k', 'Prefers e-mail, <b>not</b> DMs', 'Bob K');
  await add('fb:user:jana.novak', 'Allergic to nuts — Größe M', 'Jana Nováková');
  const edited = await send(page, { op: 'note.edit', id: refund.notes[0].id, text: 'Refund sent on Monday.' });
  assert.equal(edited.notes[0].history[0].text, 'Wants a refund for order 42.');
  const empty = await add('fb:thread:1', '   ');
  assert.deepEqual([empty.ok, empty.error, empty.path, empty.message], [false, 'invalid', 'text', 'A note needs some text.']);

  await waitText(page.locator('#notes-count'), '3 notes');
  const notes = await shownNotes();
  assert.deepEqual(notes.map((n) => [n.subject, n.kind, n.author, n.text, n.edited]), [
    ['Jana Nováková', 'Person on Facebook', 'Sam', 'Allergic to nuts — Größe M', false],
    ['Bob K', 'Person on X', 'Sam', 'Prefers e-mail, <b>not</b> DMs', false],
    ['Jane Doe', 'Conversation on Facebook', 'Sam', 'Refund sent on Monday.', true],
  ]);
  assert.equal(await notesSection().locator('b').count(), 0, 'text is shown as text');

  const search = page.getByLabel('Search notes');
  await search.fill('REFUND');
  await waitText(page.locator('#notes-count'), '1 note matches “REFUND”');
  await search.fill('novakova');
  await waitText(page.locator('#notes-count'), '1 note matches “novakova”');
  assert.equal((await shownNotes())[0].text, 'Allergic to nuts — Größe M');
  await search.fill('sam e-mail');
  await waitText(page.locator('#notes-count'), '1 note matches “sam e-mail”');
  await search.fill('nothing like this');
  await waitText(page.locator('#notes-count'), 'No note matches “nothing like this”.');

  // The earlier versions of an edited note, by keyboard.
  await search.fill('jane');
  await waitText(page.locator('#notes-count'), '1 note matches “jane”');
  const toggle = notesSection().getByRole('button', { name: 'Show 1 earlier version' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  const versions = notesSection().locator('.note-history');
  await versions.waitFor({ state: 'visible' });
  assert.equal(await versions.locator('.note-text').textContent(), 'Wants a refund for order 42.');
  assert.equal(await versions.locator('.note-author').textContent(), 'Sam');
  assert.equal(await notesSection().getByRole('button', { name: 'Hide 1 earlier version' }).getAttribute('aria-expanded'), 'true');

  // A note added elsewhere appears in the open search.
  await add('fb:thread:100012345678901', 'Jane called again', 'Jane Doe');
  await waitText(page.locator('#notes-count'), '2 notes match “jane”');
  // The redraw keeps the earlier versions open and the focus on their button.
  assert.equal(await focusedName(), 'Hide 1 earlier version');
  assert.equal(await notesSection().locator('.note-history').isVisible(), true);
  await search.fill('');
  await waitText(page.locator('#notes-count'), '4 notes');
  await waitText(labelRow('Very important').locator('.label-count'), '2 conversations, 1 person');
});

test('many concurrent writes from two pages lose nothing', async () => {
  const other = await browser.context.newPage();
  await other.goto(optionsUrl);
  const before = await send(page, { op: 'notes.list', subjects: ['x:user:busy'] });
  assert.deepEqual(before.notes, []);
  const shared = (await send(page, { op: 'note.add', subject: 'x:user:busy', text: 'edit 0' })).notes[0].id;

  // Each page: 25 new notes, 10 labels on 10 conversations, 10 edits of one shared note, all at once.
  const burst = (p, tag) => p.evaluate(async ({ tag, shared }) => {
    const send = (m) => chrome.runtime.sendMessage(m);
    const ops = [];
    for (let i = 0; i < 25; i++) ops.push(send({ op: 'note.add', subject: 'x:user:busy', text: `${tag} note ${i}` }));
    for (let i = 0; i < 10; i++) ops.push(send({ op: 'subject.label', key: `fb:thread:${tag === 'a' ? 1000 + i : 2000 + i}`, label: 'l-wholesale', on: true }));
    for (let i = 0; i < 10; i++) ops.push(send({ op: 'note.edit', id: shared, text: `${tag} edit ${i}` }));
    return (await Promise.all(ops)).filter((r) => !r.ok).map((r) => r.message);
  }, { tag, shared });
  const [failedA, failedB] = await Promise.all([burst(page, 'a'), burst(other, 'b')]);
  assert.deepEqual([failedA, failedB], [[], []]);

  const notes = (await send(page, { op: 'notes.list', subjects: ['x:user:busy'] })).notes;
  assert.equal(notes.length, 1 + 50, 'every note added');
  for (const tag of ['a', 'b']) {
    for (let i = 0; i < 25; i++) assert.ok(notes.some((n) => n.text === `${tag} note ${i}`), `${tag} note ${i}`);
  }
  const note = notes.find((n) => n.id === shared);
  const versions = [...note.history.map((v) => v.text), note.text];
  assert.equal(versions.length, 21, 'the first text and all 20 edits');
  for (const tag of ['a', 'b']) {
    for (let i = 0; i < 10; i++) assert.ok(versions.includes(`${tag} edit ${i}`), `${tag} edit ${i}`);
  }
  const subjects = (await labelsList()).subjects.filter((s) => s.labels.includes('l-wholesale'));
  assert.equal(subjects.length, 20, 'every conversation labelled');
  await waitText(labelRow('Wholesale').locator('.label-count'), '20 conversations');
  await other.close();
});

test('export has labels, the conversations and people that carry them, and notes with their history', async () => {
  const file = await download(page, 'Export');
  assert.match(file.name, /^answerdeck-replies-\d{4}-\d\d-\d\d\.json$/);
  const data = file.json;
  assert.deepEqual(data.labels.map((l) => [l.id, l.name]), [
    ['l-order-issue', 'Order issue'], ['l-vip', 'Very important'], ['l-wholesale', 'Wholesale'],
  ]);
  assert.equal(data.labels[1].color, '#188038');
  const byKey = Object.fromEntries(data.conversations.map((c) => [c.key, c]));
  assert.deepEqual(byKey['fb:thread:100012345678901'], { key: 'fb:thread:100012345678901', labels: ['l-vip'], name: 'Jane Doe' });
  assert.deepEqual(byKey['x:user:bob_k'].labels, ['l-vip'], 'people are in the same list; the key says which');
  assert.equal(data.conversations.length, 3 + 20);
  const edited = data.notes.find((n) => n.text === 'Refund sent on Monday.');
  assert.equal(edited.subject, 'fb:thread:100012345678901');
  assert.equal(edited.author, 'Sam');
  assert.ok(edited.edited_at);
  assert.deepEqual(edited.history.map((v) => v.text), ['Wants a refund for order 42.']);
  assert.equal(data.notes.length, 4 + 51);
  assert.ok(data.notes.every((n) => !('deleted_at' in n)));
});

test('an import with labels, conversations and notes merges them and shows them; an unknown label refuses the file', async () => {
  const refund = (await send(page, { op: 'notes.search', query: 'refund sent', limit: 5 })).notes[0];
  const file = {
    format: 'answerdeck', version: 1, replies: [],
    labels: [
      { id: 'l-callback', name: 'Call back', color: '#9334E6', icon: 'phone' },
      { id: 'l-their-vip', name: 'VERY IMPORTANT', color: '#5f6368' },
    ],
    conversations: [
      { key: 'fb:inbox:5550001', labels: ['l-callback', 'l-their-vip'], name: 'Lena Berg' },
      { key: 'fb:thread:100012345678901', labels: ['l-callback'] },
    ],
    notes: [
      { id: 'n-imported-1', subject: 'fb:inbox:5550001', text: 'Asked for a call on Friday', author: 'Alex', created_at: '2026-11-20T10:00:00+01:00', subject_name: 'Lena Berg' },
      { id: refund.id, subject: refund.subject, text: 'Refund approved by Alex', author: 'Alex', created_at: refund.created_at, edited_at: '2020-01-01T00:00:00Z' },
    ],
  };
  await page.getByLabel('Import', { exact: true }).setInputFiles(writeTemp(tmp, 'team.json', file));
  await waitText(status(page), 'Imported: 0 new, 0 updated, 0 unchanged; 1 label, 1 conversation and 1 note added, 1 note merged');
  await waitForLabels(['Call back', 'Order issue', 'Very important', 'Wholesale']);
  await waitText(labelRow('Call back').locator('.label-count'), '2 conversations');
  await waitText(labelRow('Call back').locator('.label-color-name'), 'Purple');
  await waitText(labelRow('Very important').locator('.label-count'), '3 conversations, 1 person');

  await page.getByLabel('Search notes').fill('lena');
  await waitText(page.locator('#notes-count'), '1 note matches “lena”');
  assert.deepEqual((await shownNotes())[0], {
    subject: 'Lena Berg', kind: 'Conversation on Facebook', author: 'Alex', text: 'Asked for a call on Friday', edited: false,
  });
  // The stored text is newer than the file's: it stays current, the file's goes to the history.
  const merged = (await send(page, { op: 'notes.list', subjects: [refund.subject] })).notes.find((n) => n.id === refund.id);
  assert.equal(merged.text, 'Refund sent on Monday.');
  assert.ok(merged.history.some((v) => v.text === 'Refund approved by Alex' && v.author === 'Alex'));
  assert.ok(merged.history.some((v) => v.text === 'Wants a refund for order 42.'));
  const exported = (await download(page, 'Export')).json;
  assert.equal(exported.labels.find((l) => l.id === 'l-callback').icon, 'phone', 'unknown fields are kept');

  // A conversation naming a label that is neither in the file nor stored: the whole file is refused.
  const before = await labelsList();
  const bad = {
    format: 'answerdeck', version: 1,
    labels: [{ id: 'l-new-one', name: 'New one', color: '#d93025' }],
    conversations: [
      { key: 'fb:thread:7', labels: ['l-new-one'] },
      { key: 'fb:thread:8', labels: ['l-vip', 'l-nowhere'] },
    ],
  };
  await page.getByLabel('Import', { exact: true }).setInputFiles(writeTemp(tmp, 'bad.json', bad));
  await waitText(alert(page), 'conversations[1].labels[1]: names the label “l-nowhere”, which is neither in the file\'s labels nor stored');
  await waitText(alert(page), 'Nothing was changed.');
  assert.deepEqual(await labelsList(), before);
  assert.deepEqual(errors, []);
});
