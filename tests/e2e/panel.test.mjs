// End-to-end: the label menu and notes panel (extension/panel.html, src/ui/panel), opened the way the content
// script frames them — `panel.html#mode=…` — but directly as an extension page, with the real background
// behind it (labels.list, label.put/delete/restore, subject.label, notes.list, note.add/edit/delete/restore).
// Build first: scripts/build.sh. Run: node --test --test-concurrency=1 tests/e2e/panel.test.mjs
//
// One browser for the whole file; the tests build on each other's labels and notes, in order. The page is sized
// like the frame (340×420). Every check reads what a user sees (roles, names, text) and what the background
// stores (asked through runtime.sendMessage, as the extension's pages do).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, trackPageErrors } from './harness.mjs';
import { until, waitText, send } from './options-page.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXTENSION_DIR = process.env.ANSWERDECK_EXTENSION_DIR || join(root, 'dist/chrome');
const FRAME = { width: 340, height: 420 };

const CONVERSATION = 'fb:thread:100200300';
const PERSON = 'fb:user:jonas.becker';
const OTHER = 'x:dm:1417229841-99887766';

let browser;
let page;
let errors;

before(async () => {
  browser = await launch({ extensionDir: EXTENSION_DIR });
  page = await browser.context.newPage();
  await page.setViewportSize(FRAME);
  errors = trackPageErrors(page, { console: true });
});

after(async () => {
  await browser?.close();
});

// ---------------------------------------------------------------------------------------------------------------
// helpers

const hash = (params) => new URLSearchParams(params).toString();
const panelUrl = (params) => `chrome-extension://${browser.extensionId}/panel.html#${hash(params)}`;

/** Opens the panel for `params` in `p` and counts the close requests it posts (to itself: it is not framed). */
async function openPanel(params, p = page) {
  // A fresh document each time (going to the same URL again would only be a same-document navigation).
  await p.goto('about:blank');
  await p.goto(panelUrl(params));
  await p.evaluate(() => {
    window.__closes = 0;
    window.addEventListener('message', (event) => {
      if (event.data?.answerdeck === 'panel' && event.data.action === 'close') window.__closes += 1;
    });
  });
  await p.waitForSelector('main[aria-busy="false"]');
}

/** Changes only the hash, as the content script does when it re-uses the frame. */
async function rehash(params, p = page) {
  await p.evaluate((h) => { location.hash = h; }, hash(params));
}

const closes = (p = page) => p.evaluate(() => window.__closes);
const focused = (p = page) =>
  p.evaluate(() => {
    const e = document.activeElement;
    return { tag: e?.tagName, role: e?.getAttribute('role'), label: e?.getAttribute('aria-label'), id: e?.id, value: e?.value };
  });
const alertText = (p = page) => p.locator('[role="alert"]').first().textContent();
const statusText = (p = page) => p.locator('[role="status"]').first().textContent();

const search = (p = page) => p.getByRole('combobox', { name: 'Search or create a label' });
const listbox = (p = page) => p.getByRole('listbox');
const option = (name, p = page) => p.getByRole('option', { name, exact: true });
/** The option aria-activedescendant points at (the highlight). */
const highlighted = (p = page) =>
  p.evaluate(() => {
    const id = document.querySelector('[role="combobox"]')?.getAttribute('aria-activedescendant');
    return id ? document.getElementById(id)?.textContent.replace(/^[✓+]/, '') : null;
  });
const optionNames = (p = page) => p.locator('[role="option"] .name').allTextContents();

async function labelsList(p = page) {
  const response = await send(p, { op: 'labels.list' });
  assert.equal(response.ok, true, JSON.stringify(response));
  return response;
}
const labelNamed = async (name) => (await labelsList()).labels.find((l) => l.name === name);
async function labelsOn(key) {
  const response = await labelsList();
  const names = Object.fromEntries(response.labels.map((l) => [l.id, l.name]));
  return (response.subjects.find((s) => s.key === key)?.labels ?? []).map((id) => names[id]).filter(Boolean).sort();
}
async function notesOf(key) {
  const response = await send(page, { op: 'notes.list', subjects: [key] });
  assert.equal(response.ok, true, JSON.stringify(response));
  return response.notes;
}

/** Empties the search field the way a user does. (Not `fill('')`: that presses Delete, which in an empty
 *  field deletes the highlighted label, as Delete at the end of the text does.) */
async function clearSearch() {
  await search().focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
}

/** Types `text` into the search field from empty and waits until `highlight` is highlighted. */
async function typeQuery(text, highlight) {
  await clearSearch();
  await search().pressSequentially(text, { delay: 10 });
  if (highlight) await until(`highlight ${highlight}`, async () => (await highlighted()) === highlight);
}

const LABELS = { mode: 'labels', subject: CONVERSATION, name: 'Jonas Becker' };
const NOTES = { mode: 'notes', subject: CONVERSATION, name: 'Jonas Becker', person: PERSON, person_name: 'Jonas Becker' };

// ---------------------------------------------------------------------------------------------------------------
// the label menu

test('label menu: heading names the subject, focus is in the search field, the list is a multi-select listbox', async () => {
  await openPanel(LABELS);
  assert.equal(await page.locator('h1').textContent(), 'Labels · Jonas Becker');
  await until('focus in the search field', async () => (await focused()).role === 'combobox');
  assert.equal(await search().getAttribute('aria-controls'), await listbox().getAttribute('id'));
  assert.equal(await listbox().getAttribute('aria-multiselectable'), 'true');
  assert.equal((await alertText()).trim(), '', 'no error on open');
});

test('typing a name no label has highlights “Create label”; Enter creates it and puts it on the subject', async () => {
  await typeQuery('VIP', 'Create label “VIP”');
  await page.keyboard.press('Enter');
  await until('VIP listed and selected', async () => (await option('VIP').getAttribute('aria-selected').catch(() => null)) === 'true');
  assert.equal(await search().inputValue(), '', 'the search field is cleared after creating');
  const vip = await labelNamed('VIP');
  assert.equal(vip.color, '#d93025', 'the first palette colour (Red)');
  assert.deepEqual(await labelsOn(CONVERSATION), ['VIP']);
  assert.equal(await highlighted(), 'VIP');
  assert.equal((await focused()).role, 'combobox');
});

test('a label created in another tab shows within a second, keeping focus and the typed text', async () => {
  await typeQuery('or');
  const other = await browser.context.newPage();
  try {
    await other.goto(`chrome-extension://${browser.extensionId}/panel.html#${hash({ mode: 'labels', subject: OTHER, name: 'Anna' })}`);
    for (const [name, color] of [['Order issue', '#e8710a'], ['Wholesale', '#188038'], ['Café Größe', '#1a73e8']]) {
      const response = await send(other, { op: 'label.put', label: { name, color } });
      assert.equal(response.ok, true, JSON.stringify(response));
    }
  } finally {
    await other.close();
  }
  await until('Order issue listed', async () => (await optionNames()).includes('Order issue'), { timeout: 1_500 });
  assert.equal(await search().inputValue(), 'or');
  assert.equal((await focused()).role, 'combobox');
  // "or" is in "Order issue" (prefix first) and nowhere else but the Create row.
  assert.deepEqual(await optionNames(), ['Order issue', 'Create label “or”']);
});

test('typing filters ignoring case and accents; ArrowDown/ArrowUp move; Enter toggles on and off', async () => {
  await typeQuery('CAFE GROSSE', 'Café Größe');
  assert.deepEqual(await optionNames(), ['Café Größe']);
  await page.keyboard.press('Enter');
  await until('Café Größe on', async () => (await option('Café Größe').getAttribute('aria-selected')) === 'true');
  assert.deepEqual(await labelsOn(CONVERSATION), ['Café Größe', 'VIP']);

  await clearSearch();
  await until('every label', async () => (await optionNames()).length === 4);
  assert.deepEqual(await optionNames(), ['Café Größe', 'Order issue', 'VIP', 'Wholesale']);
  assert.equal(await highlighted(), 'Café Größe');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await highlighted(), 'VIP');
  await page.keyboard.press('ArrowUp');
  assert.equal(await highlighted(), 'Order issue');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await highlighted(), 'Wholesale', 'the highlight wraps');
  await page.keyboard.press('Enter');
  await until('Wholesale on', async () => (await labelsOn(CONVERSATION)).includes('Wholesale'));
  await page.keyboard.press('Enter');
  await until('Wholesale off', async () => !(await labelsOn(CONVERSATION)).includes('Wholesale'));
  assert.equal(await option('Wholesale').getAttribute('aria-selected'), 'false');
  assert.equal(await option('VIP').getAttribute('aria-selected'), 'true');
  assert.equal((await focused()).role, 'combobox', 'focus stayed in the search field');
});

test('F2 edits the highlighted label: rename and recolour from the keyboard; Escape cancels', async () => {
  await typeQuery('vip', 'VIP');
  await page.keyboard.press('F2');
  const name = page.getByRole('textbox', { name: 'Name' });
  await until('name field focused', async () => (await focused()).value === 'VIP');
  // Every palette colour is offered by name.
  for (const colour of ['Red', 'Orange', 'Yellow', 'Green', 'Teal', 'Blue', 'Purple', 'Grey']) {
    assert.equal(await page.getByRole('radio', { name: colour, exact: true }).count(), 1, colour);
  }
  assert.equal(await page.getByRole('radio', { name: 'Red', exact: true }).isChecked(), true);
  await page.keyboard.type('VIP customer');
  await page.getByRole('radio', { name: 'Blue', exact: true }).check();
  await name.focus();
  await page.keyboard.press('Enter');
  await until('renamed', async () => (await labelNamed('VIP customer'))?.color === '#1a73e8');
  await until('editor closed', async () => (await page.getByRole('textbox', { name: 'Name' }).count()) === 0);
  assert.equal((await focused()).role, 'combobox');
  assert.deepEqual(await labelsOn(CONVERSATION), ['Café Größe', 'VIP customer'], 'the label stays on the subject');

  await typeQuery('wholesale', 'Wholesale');
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.keyboard.type('Changed my mind');
  await page.keyboard.press('Escape');
  await until('editor closed', async () => (await page.getByRole('textbox', { name: 'Name' }).count()) === 0);
  assert.equal(await closes(), 0, 'Escape in the editor cancels it, not the panel');
  assert.ok(await labelNamed('Wholesale'), 'nothing saved');
  assert.equal((await focused()).role, 'combobox');
});

test('what the background refuses is shown in a role=alert line, and the editor stays open', async () => {
  await typeQuery('wholesale', 'Wholesale');
  await page.keyboard.press('F2');
  await until('editor open', async () => (await focused()).value === 'Wholesale');
  await page.keyboard.type('vip CUSTOMER');
  await page.keyboard.press('Enter');
  await until('an alert', async () => (await alertText()).trim().length > 0);
  assert.equal(await page.getByRole('textbox', { name: 'Name' }).count(), 1);
  await page.keyboard.press('Escape');
  await until('editor closed', async () => (await page.getByRole('textbox', { name: 'Name' }).count()) === 0);
});

test('Delete deletes the highlighted label with Undo (Ctrl+Z and the button); its assignments come back', async () => {
  await typeQuery('vip', 'VIP customer');
  await page.keyboard.press('Delete');
  await waitText(page.locator('[role="status"]'), 'Deleted “VIP customer”');
  assert.equal(await page.getByRole('button', { name: 'Undo' }).isVisible(), true);
  await until('gone from the store', async () => !(await labelNamed('VIP customer')));
  assert.deepEqual(await labelsOn(CONVERSATION), ['Café Größe']);
  await page.keyboard.press('Control+z');
  await until('restored', async () => Boolean(await labelNamed('VIP customer')));
  assert.deepEqual(await labelsOn(CONVERSATION), ['Café Größe', 'VIP customer']);
  await until('listed again', async () => (await optionNames()).includes('VIP customer'));

  await typeQuery('order', 'Order issue');
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await waitText(page.locator('[role="status"]'), 'Deleted “Order issue”');
  await page.getByRole('button', { name: 'Undo' }).click();
  await until('restored', async () => Boolean(await labelNamed('Order issue')));
});

test('Escape asks the frame to close (a message with no user data); shown again, the menu opens fresh', async () => {
  const before = await closes();
  await typeQuery('whole', 'Wholesale');
  await page.keyboard.press('Escape');
  await until('close requested', async () => (await closes()) === before + 1);
  assert.equal(await search().inputValue(), 'whole', 'nothing changes until it is shown again');
  // The content script re-opens the same subject without changing the hash and focuses the frame.
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await until('fresh search field', async () => (await search().inputValue()) === '');
  await until('focus in the search field', async () => (await focused()).role === 'combobox');
  await until('every label', async () => (await optionNames()).length === 4);
});

test('a hash change re-uses the page for another subject', async () => {
  await rehash({ mode: 'labels', subject: OTHER, name: 'Anna Schmidt' });
  await waitText(page.locator('h1'), 'Labels · Anna Schmidt');
  await until('focus in the search field', async () => (await focused()).role === 'combobox');
  await until('labels listed', async () => (await optionNames()).length === 4);
  assert.equal(await page.locator('[role="option"][aria-selected="true"]').count(), 0, 'nothing on the other subject');
  await typeQuery('whole', 'Wholesale');
  await page.keyboard.press('Enter');
  await until('Wholesale on Anna', async () => (await labelsOn(OTHER)).includes('Wholesale'));
  assert.deepEqual(await labelsOn(CONVERSATION), ['Café Größe', 'VIP customer'], 'the first subject is untouched');
});

// ---------------------------------------------------------------------------------------------------------------
// the notes panel

const textarea = (p = page) => p.getByRole('textbox', { name: 'New note' });
const notesUnder = (heading, p = page) => p.locator('section.note-section').filter({ has: p.getByRole('heading', { name: heading }) }).locator('li.note');

test('notes: heading, both subjects, focus in the text field, and a hint to set “Your name”', async () => {
  await openPanel(NOTES);
  assert.equal(await page.locator('h1').textContent(), 'Notes · Jonas Becker');
  await until('focus in the note field', async () => (await focused()).id === (await textarea().getAttribute('id')));
  assert.equal(await page.getByRole('heading', { name: 'Notes about Jonas Becker (everywhere)' }).count(), 1);
  assert.equal(await page.getByRole('heading', { name: 'This conversation' }).count(), 1);
  assert.equal(await page.getByRole('radio', { name: 'Jonas Becker (everywhere)' }).isChecked(), true, 'the person by default');
  assert.equal(await page.getByRole('radio', { name: 'This conversation' }).isChecked(), false);
  await waitText(page.locator('.hint'), 'Your name');
});

test('Ctrl+Enter saves a note about the person: the field clears, the note shows as text with its line breaks', async () => {
  await textarea().focus();
  await page.keyboard.type('Asked for a refund.');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('Order <b>1234</b>');
  await page.keyboard.press('Control+Enter');
  await until('field cleared', async () => (await textarea().inputValue()) === '');
  const note = notesUnder('Notes about Jonas Becker (everywhere)').first();
  await waitText(note.locator('.note-text'), 'Asked for a refund.\nOrder <b>1234</b>');
  assert.equal(await note.locator('b').count(), 0, 'never parsed as HTML');
  assert.match(await note.locator('.author').textContent(), /^Someone$/);
  const time = note.locator('time');
  assert.equal(await time.textContent(), 'just now');
  assert.match(await time.getAttribute('datetime'), /^\d{4}-\d\d-\d\dT/);
  assert.ok((await time.getAttribute('title')).length > 5, 'exact local time as a tooltip');
  const stored = await notesOf(PERSON);
  assert.equal(stored.length, 1);
  assert.equal(stored[0].text, 'Asked for a refund.\nOrder <b>1234</b>');
  assert.equal(stored[0].author, '');
  assert.equal((await focused()).id, await textarea().getAttribute('id'), 'focus stays in the field');
});

test('a note about “This conversation”, signed with the agent name once it is set; newest first', async () => {
  const settings = await send(page, { op: 'settings.put', settings: { agent_name: 'Maria', facebook_page: '', x_user_id: '', picker_order: 'manual' } });
  assert.equal(settings.ok, true, JSON.stringify(settings));
  await openPanel(NOTES);
  await until('hint hidden', async () => !(await page.locator('.hint').isVisible()));
  await page.getByRole('radio', { name: 'This conversation' }).check();
  await textarea().fill('Courier picks up on Monday.');
  await page.keyboard.press('Control+Enter');
  const note = notesUnder('This conversation').first();
  await waitText(note.locator('.note-text'), 'Courier picks up on Monday.');
  assert.equal(await note.locator('.author').textContent(), 'Maria');
  assert.equal((await notesOf(CONVERSATION))[0].author, 'Maria');
  assert.equal(await notesUnder('Notes about Jonas Becker (everywhere)').count(), 1, 'not about the person');

  await page.getByRole('radio', { name: 'Jonas Becker (everywhere)' }).check();
  await textarea().fill('Prefers English.');
  await page.keyboard.press('Control+Enter');
  await until('two notes about the person', async () => (await notesUnder('Notes about Jonas Becker (everywhere)').count()) === 2);
  assert.deepEqual(
    await notesUnder('Notes about Jonas Becker (everywhere)').locator('.note-text').allTextContents(),
    ['Prefers English.', 'Asked for a refund.\nOrder <b>1234</b>'],
  );
});

test('Edit: Ctrl+Enter saves, “edited” shows, and the earlier version is in a disclosure', async () => {
  const note = notesUnder('Notes about Jonas Becker (everywhere)').filter({ hasText: 'Prefers English.' });
  await note.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('textbox', { name: 'Edit note' });
  await until('edit focused', async () => (await focused()).label === 'Edit note');
  assert.equal(await edit.inputValue(), 'Prefers English.');
  await edit.fill('Prefers English or German.');
  await page.keyboard.press('Control+Enter');
  await waitText(note.locator('.note-text').first(), 'Prefers English or German.');
  await waitText(note.locator('.edited'), 'edited');
  const history = note.locator('details');
  await history.locator('summary').click();
  await waitText(history, '1 earlier version');
  await waitText(history.locator('.note-text'), 'Prefers English.');
  await waitText(history.locator('.author'), 'Maria');
  const stored = (await notesOf(PERSON)).find((n) => n.text === 'Prefers English or German.');
  assert.equal(stored.history.length, 1);
  assert.equal(stored.history[0].text, 'Prefers English.');
  assert.ok(stored.edited_at);
});

test('Delete a note, then Undo with Ctrl+Z and with the button', async () => {
  const note = notesUnder('This conversation').filter({ hasText: 'Courier picks up' });
  await note.getByRole('button', { name: 'Delete' }).click();
  await waitText(page.locator('[role="status"]'), 'Deleted the note');
  await until('gone', async () => (await notesOf(CONVERSATION)).length === 0);
  assert.equal(await notesUnder('This conversation').count(), 0);
  await textarea().focus();
  await page.keyboard.press('Control+z');
  await until('back', async () => (await notesOf(CONVERSATION)).length === 1);
  await until('shown again', async () => (await notesUnder('This conversation').count()) === 1);

  await notesUnder('This conversation').first().getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await until('back again', async () => (await notesOf(CONVERSATION)).length === 1);
});

test('Escape over unsaved text says so and keeps it; a second Escape closes; the draft survives re-opening', async () => {
  await textarea().fill('Half a thought');
  const before = await closes();
  await page.keyboard.press('Escape');
  await waitText(page.locator('[role="status"]'), 'Not saved yet');
  assert.equal(await closes(), before, 'not closed');
  assert.equal(await textarea().inputValue(), 'Half a thought');
  await page.keyboard.press('Escape');
  await until('close requested', async () => (await closes()) === before + 1);
  await rehash({ ...NOTES, mode: 'labels' });
  await waitText(page.locator('h1'), 'Labels · Jonas Becker');
  await rehash(NOTES);
  await waitText(page.locator('h1'), 'Notes · Jonas Becker');
  await until('draft restored', async () => (await textarea().inputValue()) === 'Half a thought');
  await textarea().fill('');
  await page.keyboard.press('Escape');
  await until('empty field: one Escape closes', async () => (await closes()) === before + 2);
});

test('a note added in another tab shows within a second without disturbing the text being typed; notes persist', async () => {
  await textarea().fill('typing here');
  const other = await browser.context.newPage();
  try {
    await openPanel({ mode: 'notes', subject: PERSON, name: 'Jonas Becker' }, other);
    await other.getByRole('textbox', { name: 'New note' }).fill('VIP since 2021.');
    await other.keyboard.press('Control+Enter');
    await until('saved in the other tab', async () => (await other.getByRole('textbox', { name: 'New note' }).inputValue()) === '');
  } finally {
    await other.close();
  }
  await until('shown here', async () => (await notesUnder('Notes about Jonas Becker (everywhere)').first().locator('.note-text').textContent()) === 'VIP since 2021.', { timeout: 1_500 });
  assert.equal(await textarea().inputValue(), 'typing here');
  assert.equal((await focused()).id, await textarea().getAttribute('id'));

  await textarea().fill('');
  await page.reload();
  await until('three notes about the person after reload', async () => (await notesUnder('Notes about Jonas Becker (everywhere)').count()) === 3);
  assert.equal(await notesUnder('This conversation').count(), 1);
});

test('a person panel (no `person` given) lists one subject; a bad hash says why', async () => {
  await openPanel({ mode: 'notes', subject: PERSON, name: 'Jonas Becker' });
  await until('notes listed', async () => (await page.locator('li.note').count()) === 3);
  assert.equal(await page.getByRole('radio').count(), 0);
  await openPanel({ mode: 'nonsense', subject: PERSON });
  await waitText(page.locator('[role="alert"]'), 'nonsense');
  await page.keyboard.press('Escape');
  await until('close requested', async () => (await closes()) === 1);
});

test('no page errors', () => {
  assert.deepEqual(errors, []);
});
